// Hostile input, round two (issue 19): bounded scans before yaml-cpp, strict JSON
// with surrogate pairs, control characters escaped, staged directory writes that an
// interruption cannot leave half done (docs/limits.md).
#include <catch2/catch.hpp>

#include "support.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "advisor/atomic_write.hpp"
#include "advisor/catalog_loader.hpp"
#include "advisor/limits.hpp"
#include "advisor/profile_loader.hpp"
#include "advisor/text.hpp"

using namespace advisor;
using advisor::testing::builtin;
using advisor::testing::k_as_of;
namespace fs = std::filesystem;

namespace {

using advisor::testing::Loaded;

Loaded load(const std::string& text, bool json, const Limits& limits = Limits{}) {
  Loaded l;
  l.profile = load_profile(InputFile{json ? "p.json" : "p.yaml", text, json}, builtin(), k_as_of, l.diags, limits);
  return l;
}

using Scratch = advisor::testing::ScratchDir;

std::map<std::string, std::string> read_dir(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    out[e.path().filename().string()] = ss.str();
  }
  return out;
}

bool is_import(const std::string& name) { return name.rfind("roles", 0) == 0 || name == "catalog.yaml"; }

}  // namespace

TEST_CASE("a JSON surrogate pair is one character — a lone surrogate is refused", "[hostile][json]") {
  auto ok = load(R"({"name": "\ud83d\ude00 Wang", "age": 30})"
                 "\n",
                 true);
  CHECK(ok.diags.items.empty());
  CHECK(ok.profile.name == "\xF0\x9F\x98\x80 Wang");
  auto lone = load(R"({"name": "\ude00", "age": 30})"
                   "\n",
                   true);
  CHECK(lone.first() ==
        "p.json:1:11: error: JSON: '\\ude00' is half of a UTF-16 surrogate pair, without its other half");
}

TEST_CASE("a .json profile is JSON: a trailing comma is refused with its place", "[hostile][json]") {
  CHECK(load("{\"age\": 30,}\n", true).first() ==
        "p.json:1:12: error: JSON: a comma before '}': JSON allows no trailing comma");
  CHECK(load("{\"age\": 30,}\n", false).diags.items.empty());  // YAML's flow mapping allows it
  CHECK(load("{\n  \"age\": 030\n}\n", true).first() == "p.json:2:10: error: JSON: a number cannot start with 0");
  CHECK(load("{'age': 30}\n", true).first() == "p.json:1:2: error: JSON: expected a \"key\" in double quotes");
}

TEST_CASE("a huge list is refused by the scan, before yaml-cpp builds it", "[hostile][limits]") {
  Limits lim;
  lim.max_profile_bytes = 64u << 20;
  std::string text = "skills: [";
  for (int i = 0; i < 300000; ++i) text += "a,";
  text += "a]\n";
  auto l = load(text, false, lim);
  CHECK(l.first() == "p.yaml:1:40007: error: the document has more than 20000 nodes");
  lim.max_profile_nodes = 1'000'000;
  CHECK(load(text, false, lim).first() == "p.yaml:1:400009: error: a list of more than 200000 items");
  std::string block = "skills:\n";
  for (int i = 0; i < 30000; ++i) block += "- Python\n";
  CHECK(load(block, false).first() == "p.yaml:10001:1: error: the document has more than 20000 nodes");
}

TEST_CASE("control characters are escaped for the terminal, DOT and Mermaid", "[hostile][escape]") {
  CHECK(escape_controls("a\x1b[2Jb\x07\r\tc\n") == "a\\x1b[2Jb\\x07\\x0d\tc\n");
  CHECK(escape_controls("x\xC2\x9B"
                        "2J\x7F") == "x\\u009b2J\\u007f");
  CHECK(escape_controls("bad \xFF byte") == "bad \\xff byte");
  CHECK(escape_controls("数据\n", EscapeStyle::line) == "数据\\x0a");
  CHECK(escape_controls("say \"hi\"\\\n\x1b", EscapeStyle::dot) == "say \\\"hi\\\"\\\\\\n\\\\x1b");
  CHECK(escape_controls("<b>\"#&`\n\x1b", EscapeStyle::mermaid) == "#lt;b#gt;#quot;#35;#amp;#96;<br/>\\x1b");
  CHECK_FALSE(has_controls("plain 中文\n\t"));
  CHECK(has_controls("\x1b"));
}

TEST_CASE("an unknown skill's suggestion is computed a bounded number of times", "[hostile][limits]") {
  std::string text = "skills:\n";
  for (int i = 0; i < 50; ++i) text += fmt::format("  - pytroch{}\n", i % 10);
  auto l = load(text, false);
  REQUIRE(l.diags.items.size() == 50);
  CHECK(l.diags.items[0].message.en ==
        "unknown skill 'pytroch0' (did you mean 'pytorch': PyTorch?); kept, but it matches no role");
  CHECK(l.diags.items[20].message.en == "unknown skill 'pytroch0'; kept, but it matches no role");
  Limits none;
  none.max_suggestions = 0;
  CHECK(load(text, false, none).diags.items[0].message.en == "unknown skill 'pytroch0'; kept, but it matches no role");
}

TEST_CASE("a staged directory write killed at any point leaves the old files or the new", "[hostile][import]") {
  Scratch s;
  auto dir = s.path / "out";
  const std::map<std::string, std::string> old_files{
      {"catalog.yaml", "old\n"}, {"roles-000.yaml", "old roles\n"}, {"roles-001.yaml", "old more\n"}};
  const std::map<std::string, std::string> new_files{{"catalog.yaml", "new\n"}, {"roles-000.yaml", "new roles\n"}};
  for (int kill_at = 1; kill_at <= 5; ++kill_at) {
    fs::remove_all(dir);
    REQUIRE(write_directory_staged(dir.string(), old_files, is_import).ok);
    { std::ofstream(dir / "notes.txt") << "mine\n"; }
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      write_directory_staged(dir.string(), new_files, is_import, [&](int step) {
        if (step == kill_at) ::raise(SIGKILL);
      });
      ::_exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    auto now = read_dir(dir);
    now.erase("notes.txt");
    INFO("killed at step " << kill_at);
    CHECK((now == old_files || now == new_files));
    // The next write clears what the killed one left beside the directory.
    REQUIRE(write_directory_staged(dir.string(), new_files, is_import).ok);
    auto after = read_dir(dir);
    CHECK(after.at("notes.txt") == "mine\n");
    after.erase("notes.txt");
    CHECK(after == new_files);
    size_t beside = 0;
    for (const auto& e : fs::directory_iterator(s.path)) beside += e.path().filename() != "out";
    CHECK(beside == 0);
  }
}

TEST_CASE("catalogue links must stay inside the catalogue — FIFOs are not waited on", "[hostile][files]") {
  Scratch s;
  auto cat = s.path / "cat";
  fs::create_directories(cat);
  { std::ofstream(s.path / "outside.yaml") << "skills: []\n"; }
  fs::create_symlink(s.path / "outside.yaml", cat / "a.yaml");
  try {
    read_catalog_dir(cat.string());
    FAIL("a link outside the catalogue was followed");
  } catch (const InputError& e) {
    CHECK(e.kind() == ErrorKind::invalid_input);
  }
  fs::remove(cat / "a.yaml");
  fs::create_symlink("a.yaml", cat / "a.yaml");  // itself
  CHECK_THROWS_AS(read_catalog_dir(cat.string()), InputError);
  fs::remove(cat / "a.yaml");
  REQUIRE(::mkfifo((cat / "a.yaml").c_str(), 0644) == 0);
  try {
    read_catalog_dir(cat.string());
    FAIL("a FIFO was read");
  } catch (const InputError& e) {
    CHECK(e.kind() == ErrorKind::input_missing);
    CHECK(e.message().en == "'" + (cat / "a.yaml").string() + "' is a FIFO (named pipe), not a regular file");
  }
}

TEST_CASE("a write refused because the file exists says so, whichever check caught it", "[hostile][files]") {
  Scratch s;
  auto path = (s.path / "p.yaml").string();
  REQUIRE(write_file_atomically(path, "age: 30\n", false).ok);
  auto again = write_file_atomically(path, "age: 31\n", false);
  CHECK_FALSE(again.ok);
  CHECK(again.exists);  // profile init maps this to exit 2, as its own check does
  auto dir = write_file_atomically(s.path.string(), "x", true);
  CHECK_FALSE(dir.ok);
  CHECK_FALSE(dir.exists);
}

TEST_CASE("a profile's line is quoted from offsets, long files included", "[hostile][limits]") {
  std::string text;
  for (int i = 1; i <= 200; ++i) text += fmt::format("# line {}\n", i);
  text += "age: -1\n";
  auto l = load(text, false);
  REQUIRE_FALSE(l.diags.items.empty());
  CHECK(l.diags.items.front().line == 201);
  CHECK(l.diags.items.front().source_line == "age: -1");
}

TEST_CASE("unknown goal roles and categories share the profile's suggestion budget", "[hostile][limits]") {
  // Issue 32: the cap covered skills only; 2,000 unknown goal roles took seconds.
  std::string text = "goals:\n  roles:\n";
  for (int i = 0; i < 40; ++i) text += fmt::format("    - prompt-enginer{}\n", i % 10);
  text += "  categories:\n";
  for (int i = 0; i < 5; ++i) text += "    - operationz\n";
  auto l = load(text, false);
  REQUIRE(l.diags.items.size() == 45);
  size_t guessed = 0;
  for (const auto& d : l.diags.items) guessed += d.message.en.find("did you mean") != std::string::npos ? 1 : 0;
  CHECK(guessed == 20);
  CHECK(l.diags.items[0].message.en.find("did you mean 'prompt-engineer'") != std::string::npos);
  CHECK(l.diags.items[44].message.en == "unknown category 'operationz'");
}
