// Hostile input, round three (issue 32): U+2028 and U+2029 never raw in JSON, bidi and
// zero-width format controls never raw on the terminal, numbers that underflow refused
// like those that overflow (docs/limits.md). The import's strict numbers are in
// importer_test.cpp, `batch --line-offset`'s range in the goldens
// hostile-usage-batch-line-offset-*.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "advisor/json_writer.hpp"
#include "advisor/profile_loader.hpp"
#include "advisor/text.hpp"

using namespace advisor;
using advisor::testing::builtin;
using advisor::testing::k_as_of;

namespace {

const std::string k_ls = "\xe2\x80\xa8";   // U+2028 LINE SEPARATOR
const std::string k_ps = "\xe2\x80\xa9";   // U+2029 PARAGRAPH SEPARATOR
const std::string k_rlo = "\xe2\x80\xae";  // U+202E RIGHT-TO-LEFT OVERRIDE
const std::string k_lri = "\xe2\x81\xa6";  // U+2066 LEFT-TO-RIGHT ISOLATE

advisor::testing::Loaded load(const std::string& text, const std::string& name) {
  advisor::testing::Loaded l;
  bool json = name.size() > 5 && name.substr(name.size() - 5) == ".json";
  l.profile = load_profile(InputFile{name, text, json}, builtin(), k_as_of, l.diags);
  return l;
}

}  // namespace

TEST_CASE("U+2028 and U+2029 are written as escapes in every JSON string", "[hostile][json]") {
  std::string out;
  append_json_string(out, "a" + k_ls + "b" + k_ps + "c");
  CHECK(out == "\"a\\u2028b\\u2029c\"");
  // Next to text the fast path copies eight bytes at a time, and in a string with
  // invalid UTF-8 (written by nlohmann, then post-processed).
  out.clear();
  append_json_string(out, "abcdefghijklmnop" + k_ls + "qrstuvwxyz0123456789");
  CHECK(out == "\"abcdefghijklmnop\\u2028qrstuvwxyz0123456789\"");
  out.clear();
  append_json_string(out, "bad \xff " + k_ps);
  CHECK(out == "\"bad \xef\xbf\xbd \\u2029\"");
  // Neighbours of the separators in UTF-8 stay as they are: U+2027, U+202A, U+20AC.
  out.clear();
  append_json_string(out, "\xe2\x80\xa7\xe2\x80\xaa\xe2\x82\xac");
  CHECK(out == "\"\xe2\x80\xa7\xe2\x80\xaa\xe2\x82\xac\"");
  // A tree's dump, post-processed: only the separators change.
  nlohmann::ordered_json doc{{"name" + k_ls, "x" + k_ps + k_ps}, {"plain", "中文 😀"}};
  std::string text = doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  escape_line_separators(text);
  CHECK(text == "{\n  \"name\\u2028\": \"x\\u2029\\u2029\",\n  \"plain\": \"中文 😀\"\n}");
  CHECK(nlohmann::json::parse(text) == nlohmann::json::parse(doc.dump()));
  std::string none = "{\"a\": \"中文\"}";
  escape_line_separators(none);
  CHECK(none == "{\"a\": \"中文\"}");
  // From a given offset on only: what an earlier part holds is left alone.
  std::string tail = k_ls + "\"" + k_ls + "\"";
  escape_line_separators(tail, 3);
  CHECK(tail == k_ls + "\"\\u2028\"");
}

TEST_CASE("bidi and zero-width format controls are escaped for the terminal", "[hostile][escape]") {
  CHECK(escape_controls("evil" + k_rlo + "gnp.exe") == "evil\\u202egnp.exe");
  CHECK(escape_controls(k_lri + "x" + "\xe2\x81\xa9") == "\\u2066x\\u2069");
  CHECK(escape_controls("a\xe2\x80\x8b"
                        "b\xef\xbb\xbf"
                        "c") == "a\\u200bb\\ufeffc");
  CHECK(escape_controls("l" + k_ls + "p" + k_ps) == "l\\u2028p\\u2029");
  // Every one of them, in every style; their neighbours are left alone.
  for (unsigned cp : {0x200Bu, 0x200Cu, 0x200Du, 0x200Eu, 0x200Fu, 0x2028u, 0x2029u, 0x202Au, 0x202Bu, 0x202Cu, 0x202Du,
                      0x202Eu, 0x2066u, 0x2067u, 0x2068u, 0x2069u, 0xFEFFu}) {
    std::string c{static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                  static_cast<char>(0x80 | (cp & 0x3F))};
    INFO(std::hex << cp);
    CHECK(has_controls(c));
    char want[8];
    std::snprintf(want, sizeof want, "\\u%04x", cp);
    CHECK(escape_controls(c) == want);
    CHECK(escape_controls(c, EscapeStyle::line) == want);
    CHECK(escape_controls(c, EscapeStyle::mermaid) == want);
    CHECK(escape_controls(c, EscapeStyle::dot) == "\\" + std::string(want));
  }
  for (const char* fine : {"\xe2\x80\x8a", "\xe2\x80\x90", "\xe2\x80\xa7", "\xe2\x80\xaf", "\xe2\x81\xa5",
                           "\xe2\x81\xaa", "\xef\xbb\xbe", "\xef\xbc\xa1", "中文", "😀"}) {
    CHECK_FALSE(has_controls(fine));
    CHECK(escape_controls(fine) == fine);
  }
}

TEST_CASE("a number that underflows is refused like one that overflows, on both paths", "[hostile][input]") {
  const std::string tiny = "1e-99999999999999999999";
  // YAML, and a .json profile (the one-line fast path, then the YAML path's message).
  CHECK(load("age: " + tiny + "\n", "p.yaml").first() == "p.yaml:1:6: error: age must be a number, not '" + tiny + "'");
  CHECK(load("age: 1e400\n", "p.yaml").first() == "p.yaml:1:6: error: age must be a number, not '1e400'");
  CHECK(load("{\"age\": " + tiny + "}\n", "p.json").first() ==
        "p.json:1:9: error: age must be a number, not '" + tiny + "'");
  CHECK(load("{\"age\": 1e400}\n", "p.json").first() == "p.json:1:9: error: age must be a number, not '1e400'");
  // A batch line: the fast reader does not take it, load_profile reports it.
  CHECK_FALSE(read_profile_line("{\"age\": " + tiny + "}", "<line 1>", builtin(), k_as_of).has_value());
  // Denormals underflow too; zero written any way is zero; a small normal number is a number.
  CHECK(load("age: 1e-310\n", "p.yaml").first() == "p.yaml:1:6: error: age must be a number, not '1e-310'");
  CHECK(load("age: 0.000e-99999\n", "p.yaml").first().empty());
  CHECK(load("age: -0.0\n", "p.yaml").first().empty());
  CHECK(load("age: 0x0p-5000\n", "p.yaml").first().empty());
  CHECK(load("age: 0x1p-5000\n", "p.yaml").first() == "p.yaml:1:6: error: age must be a number, not '0x1p-5000'");
  CHECK(load("study_hours: {caip: 1e-300}\n", "p.yaml").first().empty());
  CHECK(load("study_hours: {caip: 1e-320}\n", "p.yaml").first() ==
        "p.yaml:1:21: error: study hours must be a number, not '1e-320'");
}

TEST_CASE("a byte order mark shifts no column, in YAML or JSON, syntax or meaning", "[hostile][input]") {
  // The same text with and without a BOM: every diagnostic at the same line and column
  // (characters after the BOM, which no editor shows).
  const std::string bom = "\xEF\xBB\xBF";
  struct Case {
    std::string name, text;
  };
  const std::vector<Case> cases{
      {"p.yaml", "age: \"abc\"\nname: x\n"},              // meaning, line 1
      {"p.yaml", "name: x\nage: \"abc\"\n"},              // meaning, line 2
      {"p.yaml", "age: [1\n"},                            // syntax, line 1
      {"p.yaml", "名字: 王\nage: [30\n"},                 // syntax, line 2
      {"p.json", "{\"age\": \"abc\"}\n"},                 // meaning
      {"p.json", "{\"name\": \"x\", \"agx\": 1}\n"},      // unknown key
      {"p.json", "{\"name\": \"x\", \"age\": 30,, }\n"},  // syntax
  };
  for (const auto& c : cases) {
    auto plain = load(c.text, c.name);
    auto marked = load(bom + c.text, c.name);
    INFO(c.name << ": " << c.text);
    REQUIRE_FALSE(plain.diags.items.empty());
    REQUIRE(plain.diags.items.size() == marked.diags.items.size());
    for (size_t i = 0; i < plain.diags.items.size(); ++i) {
      const auto& a = plain.diags.items[i];
      const auto& b = marked.diags.items[i];
      CHECK(a.line == b.line);
      CHECK(a.shown_column() == b.shown_column());
      CHECK(a.source_line == b.source_line);
    }
  }
}
