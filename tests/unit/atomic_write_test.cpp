// Atomic writes (src/util/atomic_write.cpp): a file is written whole or not at all,
// never clobbered without force, a failure half way (a full disk) leaves the old file
// intact, and a staged directory write killed at any point leaves the old files or the
// new (docs/limits.md, "Writing files").
#include <catch2/catch.hpp>

#include "support.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "advisor/atomic_write.hpp"

using namespace advisor;
namespace fs = std::filesystem;

namespace {

using advisor::testing::ScratchDir;
using advisor::testing::spit;
using Scratch = advisor::testing::ScratchDir;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

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

TEST_CASE("an atomic write creates the file and leaves no temporary behind", "[hostile][write]") {
  ScratchDir dir;
  auto path = dir.file("me.yaml");
  auto r = write_file_atomically(path, "age: 30\n", false);
  CHECK(r.ok);
  CHECK(slurp(path) == "age: 30\n");
  CHECK(dir.entries() == 1);
}

TEST_CASE("an existing file is not clobbered without force, and is with it", "[hostile][write]") {
  ScratchDir dir;
  auto path = dir.file("me.yaml");
  spit(path, "old\n");
  auto r = write_file_atomically(path, "new\n", false);
  CHECK_FALSE(r.ok);
  CHECK(r.error.en == "'" + path + "' already exists; use --force to replace it");
  CHECK(slurp(path) == "old\n");
  CHECK(dir.entries() == 1);
  CHECK(write_file_atomically(path, "new\n", true).ok);
  CHECK(slurp(path) == "new\n");
  CHECK(dir.entries() == 1);
}

TEST_CASE("writing where the folder does not exist or is a file fails with a message", "[hostile][write]") {
  ScratchDir dir;
  auto r = write_file_atomically(dir.file("missing/me.yaml"), "x\n", false);
  CHECK_FALSE(r.ok);
  CHECK(r.error.en ==
        "cannot write '" + dir.file("missing/me.yaml") + "': No such file or directory; nothing was changed");
  spit(dir.file("plain"), "x");
  auto r2 = write_file_atomically(dir.file("plain/me.yaml"), "x\n", true);
  CHECK_FALSE(r2.ok);
  CHECK(r2.error.en == "cannot write '" + dir.file("plain/me.yaml") + "': Not a directory; nothing was changed");
  auto r3 = write_file_atomically(dir.path.string(), "x\n", true);
  CHECK_FALSE(r3.ok);
  CHECK(r3.error.en == "'" + dir.path.string() + "' is a directory");
  CHECK(dir.entries() == 1);
}

TEST_CASE("a folder nothing can be created in fails the write, even for root", "[hostile][write]") {
  // Permission bits do not stop root; /proc/self refuses new files to everyone.
  auto r = write_file_atomically("/proc/self/advisor-profile.yaml", "x\n", false);
  CHECK_FALSE(r.ok);
  CHECK(r.error.en.rfind("cannot write '/proc/self/advisor-profile.yaml': ", 0) == 0);
  CHECK(r.error.en.find("nothing was changed") != std::string::npos);
}

TEST_CASE("a write that fails half way (disk full) leaves the old file intact", "[hostile][write]") {
  // A file size limit makes write() fail with EFBIG part way through, the way a
  // full disk fails with ENOSPC, without needing a small file system.
  ScratchDir dir;
  auto path = dir.file("me.yaml");
  spit(path, "old profile\n");
  auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit old_limit{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &old_limit) == 0);
  rlimit small = old_limit;
  small.rlim_cur = 1000;
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  auto r = write_file_atomically(path, std::string(5000, 'x'), true);
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);
  CHECK_FALSE(r.ok);
  CHECK(r.error.en == "cannot write '" + path + "': File too large; nothing was changed");
  CHECK(r.error.zh == "无法写入“" + path + "”：File too large；原文件未改动");
  CHECK(slurp(path) == "old profile\n");
  CHECK(dir.entries() == 1);  // the temporary file is gone
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
