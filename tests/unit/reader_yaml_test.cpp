// The YAML reader (src/reader/yaml_guards.cpp, yaml_reader.cpp): the bounded scans
// before yaml-cpp (size, depth, nodes, aliases), encodings and YAML traps that must
// give a clear message, the lines diagnostics quote, and every input the fuzzers ever
// hung or crashed it on (docs/limits.md). Strict JSON is in reader_json_test.cpp.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <fmt/format.h>
#include <string>
#include <vector>

#include "advisor/catalog_loader.hpp"
#include "advisor/limits.hpp"
#include "advisor/profile_loader.hpp"

using namespace advisor;
using advisor::testing::load;
using advisor::testing::repeat;

// ------------------------------------------------------------------ size, depth, nodes

TEST_CASE("100,000 nested flow brackets are refused by the text scan, before yaml-cpp recurses", "[hostile][limits]") {
  auto l = load("skills: " + repeat("[", 100000) + repeat("]", 100000) + "\n");
  CHECK(l.first() == "p.yaml:1:72: error: nesting deeper than 64 levels");
}

TEST_CASE("100,000 nested block sequences are refused by the text scan, before yaml-cpp recurses",
          "[hostile][limits]") {
  auto l = load("skills:\n" + repeat("- ", 100000) + "python\n");
  CHECK(l.first() == "p.yaml:2:127: error: nesting deeper than 64 levels");
}

TEST_CASE("block nesting by indentation is measured too", "[hostile][limits]") {
  std::string text = "goals:\n";
  for (int i = 1; i < 3000; ++i) text += std::string(static_cast<size_t>(i), ' ') + "a:\n";
  auto l = load(text);
  CHECK(l.first() == "p.yaml:65:65: error: nesting deeper than 64 levels");
}

TEST_CASE("nesting just within the depth limit is not refused for its depth", "[hostile][limits]") {
  auto l = load("goals: " + repeat("[", 63) + repeat("]", 63) + "\n");
  REQUIRE_FALSE(l.diags.items.empty());
  CHECK(l.first() == "p.yaml:1:8: error: goals must be a mapping, not a list");
}

TEST_CASE("the depth limit can be lowered", "[hostile][limits]") {
  Limits lim;
  lim.max_depth = 3;
  auto l = load("education:\n  level: master\nskills: [[[python]]]\n", "p.yaml", lim);
  CHECK(l.first() == "p.yaml:3:11: error: nesting deeper than 3 levels");
}

TEST_CASE("billion laughs: alias expansion is refused, measuring each anchor once", "[hostile][limits]") {
  std::string text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    text += fmt::format("a{}: &a{} [", i, i);
    for (int k = 0; k < 10; ++k) text += fmt::format("{}*a{}", k ? ", " : "", i - 1);
    text += "]\n";
  }
  auto l = load(text);
  CHECK(l.first() == "p.yaml: error: document expands to more than 20000 nodes (aliases included)");
}

TEST_CASE("the node limit counts aliases as what they expand to", "[hostile][limits]") {
  Limits lim;
  lim.max_profile_nodes = 20;
  auto ok = load("skills: &s [python, sql]\n", "p.yaml", lim);
  CHECK(ok.diags.items.empty());
  auto l = load("x: &s [python, sql, a, b, c]\ny: [*s, *s, *s, *s]\n", "p.yaml", lim);
  CHECK(l.first() == "p.yaml: error: document expands to more than 20 nodes (aliases included)");
}

TEST_CASE("aliases cannot stack nesting past the depth limit", "[hostile][limits]") {
  Limits lim;
  lim.max_depth = 4;
  auto l = load("a: &x [[1]]\nb: [[*x]]\n", "p.yaml", lim);
  // yaml-cpp marks an alias with the position of what it names: the anchored
  // collection is the one reported.
  CHECK(l.first() == "p.yaml:1:4: error: nesting deeper than 4 levels (aliases included)");
}

TEST_CASE("a mapping of many keys is checked for duplicates in linear time", "[hostile][limits]") {
  std::string text = "{";
  for (int i = 0; i < 100000; ++i) text += fmt::format("{}k{}: 1", i ? ", " : "", i);
  text += ", k7: 2}\n";
  Limits lim;
  lim.max_profile_nodes = 1'000'000;
  auto l = load(text, "p.yaml", lim);
  size_t duplicates = 0;
  for (const auto& d : l.diags.items) duplicates += d.message.en == "duplicate key 'k7' (first given at line 1)";
  CHECK(duplicates == 1);
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

// ------------------------------------------------------------------ encodings and YAML traps

TEST_CASE("a UTF-8 byte order mark is accepted", "[hostile][input]") {
  auto l = load(
      "\xEF\xBB\xBF"
      "age: 30\neducation: master\n");
  CHECK(l.diags.items.empty());
  CHECK(l.profile.age == 30);
  CHECK(l.profile.education == "master");
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

TEST_CASE("CRLF line ends are accepted and positions still count lines", "[hostile][input]") {
  auto ok = load("age: 30\r\nskills: [python]\r\n");
  CHECK(ok.diags.items.empty());
  CHECK(ok.profile.skills.size() == 1);
  auto l = load("age: 30\r\nskills: [python]\r\nage: 31\r\n");
  CHECK(l.first() == "p.yaml:3:1: error: duplicate key 'age' (first given at line 1)");
}

TEST_CASE("invalid UTF-8 is refused at its line and column", "[hostile][input]") {
  CHECK(load("age: 30\nname: caf\xE9\n").first() ==
        "p.yaml:2:10: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8");
  CHECK(load("name: \xED\xA0\x80\n").first() == "p.yaml:1:7: error: invalid UTF-8 (byte 0xED); save the file as UTF-8");
  CHECK(load("name: \xC0\xAF\n").first() == "p.yaml:1:7: error: invalid UTF-8 (byte 0xC0); save the file as UTF-8");
}

TEST_CASE("a tab used for indentation gets a message that says so", "[hostile][input]") {
  CHECK(load("skills:\n\t- python\n").first() ==
        "p.yaml:2:1: error: a tab indents this line; YAML indents with spaces only");
  CHECK(load("education:\n  level: master\n\tmajor: x\n").first() ==
        "p.yaml:3:1: error: a tab indents this line; YAML indents with spaces only");
  // A tab after the indentation is just a space.
  CHECK(load("age:\t30\n").diags.items.empty());
}

TEST_CASE("duplicate keys are reported with the line of the first", "[hostile][input]") {
  CHECK(load("name: a\nage: 30\nage: 31\n").first() ==
        "p.yaml:3:1: error: duplicate key 'age' (first given at line 2)");
  CHECK(load("{\"age\": 30, \"age\": 31}\n").first() ==
        "p.yaml:1:13: error: duplicate key 'age' (first given at line 1)");
}

TEST_CASE("a quote never closed is an error, not a name that swallows the file", "[hostile][input]") {
  auto l = load("name: \"Wang\nage: 30\nskills: [python]\n");
  CHECK(l.first() == "p.yaml:3:17: error: a quoted string is never closed: it runs to the end of the file");
  CHECK(load("name: 'Wang\nage: 30").first() ==
        "p.yaml:2:8: error: a quoted string is never closed: it runs to the end of the file");
  // A quoted string over several lines is fine.
  auto ok = load("name: \"Wang\n  Fang\"\nage: 30\n");
  CHECK(ok.diags.items.empty());
  CHECK(ok.profile.name == "Wang Fang");
}

TEST_CASE("every input a fuzzer ever hung yaml-cpp on is answered, not looped on", "[hostile][fuzz]") {
  // Whatever the scan's checks say of them, each must come back with an error: the
  // loader calls YAML::Load, which reads one document, not LoadAll, which loops for
  // ever on a token it cannot place (yaml-cpp issue 1040).
  for (const char* text :
       {",", "!,", "&a ,", "'',1\x02", "{a: 1},", "t\n#\n ,", "2[\n#\n,", "\"/\n\",\"\"\n", "- a\n,\n", "[a]\n  ,\n"}) {
    INFO(text);
    CHECK(load(text).diags.has_errors());
  }
}

TEST_CASE("a second YAML document is an error, not silently ignored", "[hostile][input]") {
  CHECK(load("age: 30\n---\nage: 40\n").first() ==
        "p.yaml:3:1: error: a second YAML document starts here (after '---'); a file holds one document");
  CHECK(load("---\nage: 30\n").diags.items.empty());
  CHECK(load("age: 30\n---\n").diags.items.empty());
  CHECK(load("age: 30\n--- # more\n# nothing\n").diags.items.empty());
  CHECK(load("age: 30\n--- {age: 40}\n").first() ==
        "p.yaml:2:5: error: a second YAML document starts here (after '---'); a file holds one document");
  // Text yaml-cpp's Load would drop without a word after the first value.
  CHECK(load("{\"age\": 30} x\n").first() ==
        "p.yaml:1:13: error: unexpected text after the end of the document: a file holds one value at its top");
  CHECK(load("- a\nb: 1\n").first() ==
        "p.yaml:2:1: error: unexpected text after the end of the document: a file holds one value at its top");
  CHECK(load("age: 30\n...\nage: 40\n").first() ==
        "p.yaml:3:1: error: a second YAML document starts here (after '---'); a file holds one document");
}

TEST_CASE("empty files, NUL bytes and comment-only files are refused", "[hostile][input]") {
  CHECK(load("").first() == "p.yaml: error: file is empty");
  CHECK(load("# only a comment\n\n").first() == "p.yaml: error: file is empty");
  CHECK(load(std::string("age: 30\0\n", 9)).first() ==
        "p.yaml: error: file contains a NUL byte: it is not a text file");
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

// ------------------------------------------------------------------ fuzz regressions
// Each input below once crashed or hung a fuzz target; the comment names the target
// and what went wrong before the fix.

TEST_CASE("a comma where a document starts is refused instead of hanging yaml-cpp", "[hostile][fuzz]") {
  // profile_fuzzer, timeout: yaml-cpp 0.7 loops for ever on a ',' token at document level.
  CHECK(load(", age: 10:\nage 1:2\n").first() == "p.yaml:1:1: error: a value cannot start with ',' outside [ ] or { }");
  CHECK(load(",").first() == "p.yaml:1:1: error: a value cannot start with ',' outside [ ] or { }");
  CHECK(load("&a ,\n").first() == "p.yaml:1:4: error: a value cannot start with ',' outside [ ] or { }");
  CHECK(load("--- ,\n").first() == "p.yaml:1:5: error: a value cannot start with ',' outside [ ] or { }");
  CHECK(load("- a\n,\n").first() == "p.yaml:2:1: error: a value cannot start with ',' outside [ ] or { }");
  CHECK(load("[a]\n  ,\n").first() == "p.yaml:2:3: error: a value cannot start with ',' outside [ ] or { }");
  CHECK(load("\"a\" # note\n  ,\n").first() == "p.yaml:2:3: error: a value cannot start with ',' outside [ ] or { }");
  // Commas inside brackets, and inside plain text, are ordinary.
  CHECK(load("skills: [python,\n  sql]\n").diags.items.empty());
  CHECK(load("name: Wang, Fang\n").diags.items.empty());
}

TEST_CASE("a comma after a complete value or a bare tag is refused instead of hanging yaml-cpp", "[hostile][fuzz]") {
  // batch_fuzzer, timeout: a JSON line with a trailing comma ("{...},") made yaml-cpp
  // 0.7 loop for ever, eating memory; so did a quoted value ("'',1") and a tag or
  // anchor with nothing after it but a comma ("!,": catalog_fuzzer).
  const std::string trailing =
      "error: a ',' after a complete value, outside [ ] or { }: remove it (commas separate items only inside brackets)";
  CHECK(load("{\"age\": 33, \"certificates\": []},\n").first() == "p.yaml:1:32: " + trailing);
  CHECK(load("'',1\x02").first() == "p.yaml:1:3: " + trailing);
  CHECK(load("\"a\",\n").first() == "p.yaml:1:4: " + trailing);
  CHECK(load("&a [1],\n").first() == "p.yaml:1:7: " + trailing);
  CHECK(load("k: {a: 1},\n").first() == "p.yaml:1:10: " + trailing);
  CHECK(load("!,").first() == "p.yaml:1:2: error: a value cannot start with ',' outside [ ] or { }");
  CHECK(load("!!str,\n").first() == "p.yaml:1:6: error: a value cannot start with ',' outside [ ] or { }");
  CHECK(load("k: &x ,\n").first() == "p.yaml:1:7: error: a value cannot start with ',' outside [ ] or { }");
  // profile_fuzzer, timeout: a ',' starting a line after a comment, or after plain
  // text holding a bracket ("2["), which the scan took for an open bracket.
  CHECK(load("t\n#\n ,").first() == "p.yaml:3:2: error: a value cannot start with ',' outside [ ] or { }");
  CHECK(load("2[\n#\n,").first() == "p.yaml:3:1: error: a value cannot start with ',' outside [ ] or { }");
  // profile_fuzzer, timeout: a quoted string over two lines, then a ','; the scan
  // read each line on its own and took the closing quote for an opening one.
  CHECK(load("\"/\n\",\"\"\n").first() == "p.yaml:2:2: " + trailing);
  CHECK(load("name: \"Wang,\n  Li\"\nage: 30\n").diags.items.empty());
  // profile_fuzzer, timeout: a quoted string closed and another opened at once.
  CHECK(load("\"/\n\"\"\"\",\"\"\n").first() ==
        "p.yaml:2:8: error: a quoted string is never closed: it runs to the end of the file");
  // Quotes inside plain text are text, in brackets too: the ',' after them is fine.
  CHECK(load("name: He said \"hi\", then left\n").diags.items.empty());
  CHECK(load("name: it's, fine\n").diags.items.empty());
  CHECK(load("skills: [python, sql]\nname: \"Wang, Li\"\n").diags.items.empty());
}

TEST_CASE("an apostrophe inside a bracketed value does not hide a comma that hangs yaml-cpp", "[hostile][fuzz]") {
  // catalog_fuzzer, timeout: "Bachelor's" inside { } was taken for the start of a
  // quoted string, so the scan lost count of the brackets and missed the ',' that
  // starts a later line, on which yaml-cpp loops for ever.
  Diagnostics d;
  load_catalog({InputFile{"c.yaml",
                          "education:\n  - id: bachelor\n    name: {zh: 本科, en: Bachelor's degree}\n"
                          "  - id: doctorate\n,    name: {zh: 博士, en: Doctorate}\n"}},
               d);
  REQUIRE_FALSE(d.items.empty());
  auto text = format_diagnostic(d.items.front(), Lang::en);
  CHECK(text.substr(0, text.find('\n')) == "c.yaml:5:1: error: a value cannot start with ',' outside [ ] or { }");
}

TEST_CASE("an alias inside the collection it names is refused, not walked for ever", "[hostile][fuzz]") {
  // profile_fuzzer, stack overflow: yaml-cpp builds "&x [1x, *x]" as a cycle.
  CHECK(load("a: &x [1x, *x]\n").first() ==
        "p.yaml:1:4: error: an alias refers to the collection that contains it: the data would never end");
  CHECK(load("a: &x {b: [c, *x]}\n").first() ==
        "p.yaml:1:4: error: an alias refers to the collection that contains it: the data would never end");
}
