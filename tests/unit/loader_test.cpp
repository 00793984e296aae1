// Catalogue loading: every problem is reported, each with its exact text, position,
// source line and caret (as ninja's ParserTest.Errors checks its parser's messages).
#include <catch2/catch.hpp>

#include "support.hpp"

#include <sys/stat.h>
#include <filesystem>
#include <fstream>

#include "advisor/catalog_loader.hpp"
#include "advisor/limits.hpp"

using namespace advisor;
using advisor::testing::found;
namespace fs = std::filesystem;

namespace {

/// Every diagnostic of a load, formatted as the CLI prints it.
std::string printed(const Diagnostics& d, Lang lang = Lang::en) {
  std::string s;
  for (const auto& item : d.items) s += format_diagnostic(item, lang);
  return s;
}

/// Loads one inline catalogue file named t.yaml and returns what it reports.
std::string load_errors(const std::string& yaml, Lang lang = Lang::en) {
  Diagnostics d;
  load_catalog({InputFile{"t.yaml", yaml}}, d);
  return printed(d, lang);
}

using Scratch = advisor::testing::ScratchDir;

}  // namespace

TEST_CASE("a clean small catalogue loads with no diagnostics", "[core][loader]") {
  Diagnostics d;
  auto c = load_catalog({InputFile{"t.yaml", R"(sources:
  - id: s
    title: {zh: 来源, en: Source}
skills:
  - {id: python, name: {zh: Python, en: Python}, source: s}
  - {id: pytorch, name: {zh: PyTorch, en: PyTorch}, aliases: [torch], source: s}
categories:
  - {id: rd, name: {zh: 研发, en: R&D}, source: s}
roles:
  - id: ml
    name: {zh: 机器学习工程师, en: ML engineer}
    category: rd
    skills: [python, {skill: pytorch, need: optional, weight: 2}]
    source: s
)"}},
                        d);
  CHECK(printed(d) == "");
  REQUIRE(c.roles.size() == 1);
  CHECK(c.roles[0].skills[1].skill == "pytorch");
  CHECK_FALSE(c.roles[0].skills[1].essential);
  CHECK(c.roles[0].skills[1].weight == 2.0);
  CHECK(c.find_skill("TORCH") == c.skill("pytorch"));
}

TEST_CASE("a skill named by its id is the skill its words lead to, across merged catalogues", "[core][loader]") {
  // find_skill takes an id as it is when the id's own key leads to it; a catalogue
  // merged after another that already answers to that key (b's deep_learning: "deep
  // learning") must still lead to the first one, as any other word does.
  auto file = [](const std::string& name, const std::string& source, const std::string& skills) {
    return InputFile{name, "sources:\n  - id: " + source + "\n    title: {zh: 来源, en: Source}\nskills:\n" + skills};
  };
  Diagnostics d;
  auto c = load_catalog(
      {file("a/t.yaml", "s", "  - {id: deep-learning, name: {zh: 深度学习, en: Deep learning}, source: s}\n"),
       file("b/t.yaml", "s2",
            "  - {id: deep_learning, name: {zh: 深度学习方法, en: DL methods}, source: s2}\n"
            "  - {id: keras, name: {zh: Keras, en: Keras}, source: s2}\n")},
      d);
  INFO(printed(d));
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(c.skill("deep_learning"));
  CHECK(c.find_skill("deep_learning") == c.skill("deep-learning"));
  CHECK(c.find_skill("deep-learning") == c.skill("deep-learning"));
  CHECK(c.find_skill("Deep Learning") == c.skill("deep-learning"));
  CHECK(c.find_skill("DL methods") == c.skill("deep_learning"));
  CHECK(c.find_skill("keras") == c.skill("keras"));
}

TEST_CASE("a YAML syntax error names the line and column yaml-cpp stopped at", "[core][loader]") {
  CHECK(load_errors("skills:\n  - id: python: x\n") == R"(t.yaml:2:15: error: YAML syntax: illegal map value
      - id: python: x
                  ^
)");
  CHECK(load_errors("skills:\n  - id: python: x\n", Lang::zh) == R"(t.yaml:2:15: 错误: YAML 语法错误：illegal map value
      - id: python: x
                  ^
)");
}

TEST_CASE("an unclosed flow mapping is reported where the parser gave up", "[core][loader]") {
  CHECK(load_errors("skills:\n  - id: python\n    name: {zh: Python, en: Python\n  - id: x\n") ==
        R"(t.yaml:4:7: error: YAML syntax: end of map flow not found
      - id: x
          ^
)");
}

TEST_CASE("a badly indented list item is a syntax error on its line", "[core][loader]") {
  CHECK(load_errors(R"(skills:
  - id: python
    name: {zh: Python, en: Python}
   - id: pytorch
)") == R"(t.yaml:4:4: error: YAML syntax: end of sequence not found
       - id: pytorch
       ^
)");
}

TEST_CASE("an unknown key gets a did-you-mean", "[core][loader]") {
  CHECK(load_errors(R"(skills:
  - id: python
    name: {zh: Python, en: Python}
    parnt: programming
)") == R"(t.yaml:2:5: error: skill names no source: every fact must cite one
      - id: python
        ^
t.yaml:4:5: error: unknown key 'parnt' in skill (did you mean 'parent'?)
        parnt: programming
        ^
)");
}

TEST_CASE("an unknown key with nothing close lists the known keys", "[core][loader]") {
  CHECK(load_errors("skills:\n  - {id: python, name: Python, colour: blue}\n") ==
        R"(t.yaml:2:5: error: skill names no source: every fact must cite one
      - {id: python, name: Python, colour: blue}
        ^
t.yaml:2:32: error: unknown key 'colour' in skill (known keys: id, name, aliases, parent, parent_credit, transversal, source, sources, external_ids)
      - {id: python, name: Python, colour: blue}
                                   ^
)");
}

TEST_CASE("a misspelt top-level section is an unknown key", "[core][loader]") {
  CHECK(load_errors("skils:\n  - {id: python, name: Python}\n") ==
        R"(t.yaml:1:1: error: unknown key 'skils' in catalogue file (did you mean 'skills'?)
    skils:
    ^
)");
}

TEST_CASE("a value of the wrong type says what was expected and what was found", "[core][loader]") {
  CHECK(load_errors(R"(skills:
  - {id: python, name: Python}
roles:
  - id: r
    name: {zh: 岗位, en: Role}
    category: c
    skills: {python: essential}
)") == R"(t.yaml:2:5: error: skill names no source: every fact must cite one
      - {id: python, name: Python}
        ^
t.yaml:4:5: error: role names no source: every fact must cite one
      - id: r
        ^
t.yaml:4:5: error: unknown category 'c'
      - id: r
        ^
t.yaml:7:13: error: 'skills' must be a list
        skills: {python: essential}
                ^
)");
  CHECK(load_errors(R"(sources:
  - {id: s, title: Source}
skills:
  - {id: python, name: Python, source: s}
categories:
  - {id: rd, name: R&D, source: s}
roles:
  - id: r
    name: {zh: 岗位, en: Role}
    category: rd
    skills:
      - {skill: python, weight: heavy}
    source: s
)") == R"(t.yaml:12:33: error: weight must be a number, not 'heavy'
          - {skill: python, weight: heavy}
                                    ^
)");
}

TEST_CASE("a duplicate id says where the first one is", "[core][loader]") {
  CHECK(load_errors(R"(skills:
  - id: python
    name: {zh: Python, en: Python}
  - id: java
    name: Java
  - id: python
    name: {zh: Python 语言, en: Python language}
)") == R"(t.yaml:2:5: error: skill names no source: every fact must cite one
      - id: python
        ^
t.yaml:4:5: error: skill names no source: every fact must cite one
      - id: java
        ^
t.yaml:6:5: error: duplicate skill id 'python' (first defined at t.yaml:2)
      - id: python
        ^
t.yaml:6:5: error: skill names no source: every fact must cite one
      - id: python
        ^
)");
}

TEST_CASE("a duplicate id across two files names the first file", "[core][loader]") {
  Diagnostics d;
  load_catalog({InputFile{"a.yaml", "domains:\n  - {id: ai, name: AI}\n"},
                InputFile{"b.yaml", "domains:\n  - {id: data, name: Data}\n  - {id: ai, name: 人工智能}\n"}},
               d);
  CHECK(printed(d) == R"(b.yaml:3:5: error: duplicate domain id 'ai' (first defined at a.yaml:2)
      - {id: ai, name: 人工智能}
        ^
)");
}

TEST_CASE("a duplicate key in one mapping is an error", "[core][loader]") {
  CHECK(load_errors(R"(skills:
  - id: python
    name: {zh: Python, en: Python}
    name: {zh: P, en: P}
)") == R"(t.yaml:2:5: error: skill names no source: every fact must cite one
      - id: python
        ^
t.yaml:4:5: error: duplicate key 'name' (first given at line 3)
        name: {zh: P, en: P}
        ^
)");
}

TEST_CASE("a role naming a misspelt skill gets the closest skill id", "[core][loader]") {
  std::string yaml = R"(sources:
  - id: s
    title: {zh: 来源, en: Source}
skills:
  - {id: python, name: Python, source: s}
  - {id: pytorch, name: PyTorch, source: s}
categories:
  - {id: rd, name: {zh: 研发, en: R&D}, source: s}
roles:
  - id: ml
    name: {zh: 机器学习工程师, en: ML engineer}
    category: rd
    skills:
      - {skill: python}
      - {skill: pytroch}
    source: s
)";
  CHECK(load_errors(yaml) == R"(t.yaml:15:17: error: unknown skill 'pytroch' (did you mean 'pytorch'?)
          - {skill: pytroch}
                    ^
)");
  CHECK(load_errors(yaml, Lang::zh) == R"(t.yaml:15:17: 错误: 未知的技能“pytroch”（是否想写“pytorch”？）
          - {skill: pytroch}
                    ^
)");
}

TEST_CASE("a skill's dangling parent is reported at the parent", "[core][loader]") {
  CHECK(load_errors(R"(skills:
  - id: python
    name: Python
    parent: programing
  - id: programming
    name: {zh: 编程, en: Programming}
)") == R"(t.yaml:2:5: error: skill names no source: every fact must cite one
      - id: python
        ^
t.yaml:4:13: error: unknown skill 'programing' (did you mean 'programming'?)
        parent: programing
                ^
t.yaml:5:5: error: skill names no source: every fact must cite one
      - id: programming
        ^
)");
}

TEST_CASE("a rule naming an unknown certificate or level gets a did-you-mean", "[core][loader]") {
  CHECK(load_errors(R"(sources:
  - {id: s, title: Source}
certificates:
  - id: cert
    name: {zh: 证书, en: Certificate}
    verified_on: 2025-01-01
    source: s
    levels:
      - {id: one, name: One}
      - id: three
        name: Three
        requires:
          any:
            - holds: {certificate: certt, level: one}
            - holds: {certificate: cert, level: tree}
            - study_hours: {certificate: cret, min: 10}
)") == R"(t.yaml:14:15: error: unknown certificate 'certt' (did you mean 'cert'?)
                - holds: {certificate: certt, level: one}
                  ^
t.yaml:15:15: error: certificate 'cert' has no level 'tree' (did you mean 'three'?)
                - holds: {certificate: cert, level: tree}
                  ^
t.yaml:16:15: error: unknown certificate 'cret' (did you mean 'cert'?)
                - study_hours: {certificate: cret, min: 10}
                  ^
)");
}

TEST_CASE("a rule naming an unknown domain or education level is an error", "[core][loader]") {
  CHECK(load_errors(R"(sources:
  - {id: s, title: Source}
education:
  - {id: associate, name: 大专}
domains:
  - {id: aigc, name: AIGC}
certificates:
  - id: cert
    name: Certificate
    verified_on: 2025-01-01
    source: s
    levels:
      - id: one
        name: One
        requires:
          all:
            - experience: {domain: aigcc, min_years: 1}
            - education: {min: asociate}
)") == R"(t.yaml:17:15: error: unknown domain 'aigcc' (did you mean 'aigc'?)
                - experience: {domain: aigcc, min_years: 1}
                  ^
t.yaml:18:15: error: unknown education level 'asociate' (did you mean 'associate'?)
                - education: {min: asociate}
                  ^
)");
}

TEST_CASE("a cycle in skill parents is reported once, with the path", "[core][loader]") {
  CHECK(load_errors(R"(skills:
  - {id: a, name: A, parent: c}
  - {id: b, name: B, parent: a}
  - {id: c, name: C, parent: b}
)") == R"(t.yaml:2:5: error: skill names no source: every fact must cite one
      - {id: a, name: A, parent: c}
        ^
t.yaml:2:30: error: skill parents form a cycle: a → c → b → a
      - {id: a, name: A, parent: c}
                                 ^
t.yaml:3:5: error: skill names no source: every fact must cite one
      - {id: b, name: B, parent: a}
        ^
t.yaml:4:5: error: skill names no source: every fact must cite one
      - {id: c, name: C, parent: b}
        ^
)");
}

TEST_CASE("a cycle in domains is reported in both languages", "[core][loader]") {
  std::string yaml = R"(domains:
  - {id: ai, name: AI, parent: aigc}
  - {id: aigc, name: AIGC, parent: ai}
)";
  CHECK(load_errors(yaml) == R"(t.yaml:2:32: error: domain parents form a cycle: ai → aigc → ai
      - {id: ai, name: AI, parent: aigc}
                                   ^
)");
  CHECK(load_errors(yaml, Lang::zh) == R"(t.yaml:2:32: 错误: 经验领域的上级形成循环：ai → aigc → ai
      - {id: ai, name: AI, parent: aigc}
                                   ^
)");
}

TEST_CASE("a catalogue with a parent cycle can still be used without looping", "[core][loader]") {
  Diagnostics d;
  auto c = load_catalog({InputFile{"t.yaml",
                                   "sources: [{id: s, title: S}]\nskills:\n  - {id: a, name: A, parent: b, source: "
                                   "s}\n  - {id: b, name: B, parent: a, source: s}\n"}},
                        d);
  CHECK(d.error_count() == 1);
  // The cycle is cut where it was reported, so walking up terminates.
  CHECK(Catalog::tree_distance(c.skill_parent, 0, 1) == -1);
  CHECK(Catalog::tree_distance(c.skill_parent, 1, 0) == 1);
}

TEST_CASE("an impossible date is refused with the month's length", "[core][loader]") {
  CHECK(load_errors(R"(sources:
  - id: s
    title: {zh: 来源, en: Source}
    date: 2025-02-30
)") == R"(t.yaml:4:11: error: date: '2025-02-30' is not a calendar date: 2025-02 has 28 days
        date: 2025-02-30
              ^
)");
}

TEST_CASE("a name without its English text is an error — one in English only has no Chinese", "[core][loader]") {
  CHECK(load_errors(R"(skills:
  - {id: d, name: {en: D}}
  - {id: e, name: {zh: 戊}}
)") == R"(t.yaml:2:5: error: skill names no source: every fact must cite one
      - {id: d, name: {en: D}}
        ^
t.yaml:3:5: error: skill names no source: every fact must cite one
      - {id: e, name: {zh: 戊}}
        ^
t.yaml:3:19: error: name lacks its 'en' text
      - {id: e, name: {zh: 戊}}
                      ^
)");
  // `{en: D}` alone is no error (only the missing sources are): a source's English-only
  // label (ESCO, O*NET) stays English only, never copied into zh. Every skill cites a source.
  Diagnostics d;
  auto c = load_catalog({InputFile{"t.yaml",
                                   "sources:\n  - {id: s, title: Source}\n"
                                   "skills:\n  - {id: d, name: {en: Data mining}, source: s}\n"}},
                        d);
  INFO(printed(d));
  REQUIRE_FALSE(d.has_errors());
  CHECK(found(c.skill("d")).name.zh.empty());
  CHECK(found(c.skill("d")).name.english_only());
  CHECK(found(c.skill("d")).name.in(Lang::zh) == "Data mining (en)");
  CHECK(found(c.skill("d")).name.in(Lang::en) == "Data mining");
}

TEST_CASE("a certificate level behind a cycle of holds can never be reached", "[core][loader]") {
  CHECK(
      load_errors(R"(sources:
  - {id: s, title: Source}
certificates:
  - id: loop
    name: {zh: 循环证书, en: Loop certificate}
    verified_on: 2025-01-01
    source: s
    levels:
      - id: one
        name: One
        requires:
          holds: {certificate: loop, level: two}
      - id: two
        name: Two
        requires:
          holds: {certificate: loop, level: one}
)") ==
      R"(t.yaml:9:9: error: level 'loop/one' can never be reached: its rule needs a certificate level that itself depends on it (a cycle of 'holds')
          - id: one
            ^
t.yaml:13:9: error: level 'loop/two' can never be reached: its rule needs a certificate level that itself depends on it (a cycle of 'holds')
          - id: two
            ^
)");
}

TEST_CASE("a holds condition met by a reachable higher level is not a cycle", "[core][loader]") {
  // one needs two, two needs one, but three is open and holding three counts for
  // "holds two": so two, then one, are reachable.
  CHECK(load_errors(R"(sources:
  - {id: s, title: Source}
certificates:
  - id: ladder
    name: Ladder
    verified_on: 2025-01-01
    source: s
    levels:
      - {id: one, name: One, requires: {holds: {certificate: ladder, level: two}}}
      - {id: two, name: Two, requires: {holds: {certificate: ladder, level: one}}}
      - {id: three, name: Three}
)") == "");
}

TEST_CASE("a certificate without verified_on is an error", "[core][loader]") {
  CHECK(load_errors(R"(sources:
  - {id: s, title: Source}
certificates:
  - id: c
    name: C
    source: s
    levels: [{id: one, name: One}]
)") == R"(t.yaml:4:5: error: certificate has no 'verified_on' date
      - id: c
        ^
)");
}

TEST_CASE("every problem is reported, sorted by line, not just the first", "[core][loader]") {
  // Found in this order: the bad date (parsing), the unknown key (parsing), then the
  // dangling skill (reference checks, after parsing). Printed in line order.
  Diagnostics d;
  load_catalog({InputFile{"t.yaml", R"(sources:
  - {id: s, title: Source, date: 2025-13-01}
skills:
  - {id: python, name: Python, source: s}
categories:
  - {id: rd, name: R&D, source: s}
roles:
  - id: ml
    name: ML engineer
    category: rd
    skills: [pyhton]
    source: s
    colour: blue
)"}},
               d);
  REQUIRE(d.items.size() == 3);
  CHECK(d.error_count() == 3);
  CHECK(d.items[0].line == 2);
  CHECK(d.items[1].line == 11);
  CHECK(d.items[2].line == 13);
  CHECK(printed(d) == R"(t.yaml:2:34: error: date: '2025-13-01' has no month 13
      - {id: s, title: Source, date: 2025-13-01}
                                     ^
t.yaml:11:14: error: unknown skill 'pyhton' (did you mean 'python'?)
        skills: [pyhton]
                 ^
t.yaml:13:5: error: unknown key 'colour' in role (known keys: id, name, aliases, category, definition, skills, company_types, domains, source, sources, external_ids, barrier, incomplete)
        colour: blue
        ^
)");
}

TEST_CASE("problems in several files are all reported, file by file", "[core][loader]") {
  Diagnostics d;
  load_catalog(
      {InputFile{"b.yaml", "skills:\n  - {id: x, name: X, parent: yy, source: s}\nsources: [{id: s, title: S}]\n"},
       InputFile{"a.yaml", "skills:\n  - {id: y, name: Y, nmae: Y, source: s}\n"}},
      d);
  REQUIRE(d.items.size() == 2);
  CHECK(d.items[0].file == "a.yaml");
  CHECK(d.items[1].file == "b.yaml");
}

TEST_CASE("an empty file and a file that is not a mapping are reported", "[core][loader]") {
  CHECK(load_errors("# only a comment\n") == "t.yaml: error: file is empty\n");
  CHECK(load_errors("- a\n- b\n") == R"(t.yaml:1:1: error: catalogue file must be a mapping, not a list
    - a
    ^
)");
}

TEST_CASE("invalid UTF-8 is refused at its position", "[core][loader]") {
  CHECK(load_errors("skills:\n  - {id: x, name: \xff}\n") ==
        "t.yaml:2:19: error: invalid UTF-8 (byte 0xFF); save the file as UTF-8\n"
        "      - {id: x, name: \xff}\n"
        "                      ^\n");
}

TEST_CASE("parse_rule_text reads one rule and reports its problems", "[core][loader]") {
  Diagnostics d;
  auto r = parse_rule_text(
      "any:\n  - experience: {domain: aigc, min_years: 1}\n  - holds: {certificate: x, level: junior}\n", d);
  CHECK(printed(d) == "");
  REQUIRE(r);
  CHECK(r->kind == RuleKind::any);
  REQUIRE(r->children.size() == 2);
  CHECK(r->children[0].kind == RuleKind::experience);
  CHECK(r->children[0].min_years == 1.0);
  CHECK(r->children[1].level == "junior");

  Diagnostics d2;
  CHECK_FALSE(parse_rule_text("age: {min: 18}\neducation: {min: associate}\n", d2));
  CHECK(printed(d2) == R"(<rule>:1:1: error: a rule node has both 'age' and 'education': wrap them in 'all' or 'any'
    age: {min: 18}
    ^
)");
  Diagnostics d3;
  CHECK_FALSE(parse_rule_text("experiance: {min_years: 1}\n", d3));
  CHECK(printed(d3) == R"(<rule>:1:1: error: unknown key 'experiance' in rule (did you mean 'experience'?)
    experiance: {min_years: 1}
    ^
<rule>:1:1: error: rule has no condition (all, any, not, age, education, major, experience, holds, skills, study_hours, title, diploma, confirm)
    experiance: {min_years: 1}
    ^
)");
}

TEST_CASE("format_diagnostic prints position, severity, the line and a caret", "[core][loader]") {
  Diagnostic d{"me.yaml", 7, 5, Severity::error, Text{"未知的技能“pytroch”", "unknown skill 'pytroch'"}, "  - pytroch"};
  CHECK(format_diagnostic(d, Lang::en) ==
        "me.yaml:7:5: error: unknown skill 'pytroch'\n"
        "      - pytroch\n"
        "        ^\n");
  CHECK(format_diagnostic(d, Lang::zh) ==
        "me.yaml:7:5: 错误: 未知的技能“pytroch”\n"
        "      - pytroch\n"
        "        ^\n");
  d.severity = Severity::warning;
  CHECK(format_diagnostic(d, Lang::en).rfind("me.yaml:7:5: warning: ", 0) == 0);
  CHECK(format_diagnostic(d, Lang::zh).rfind("me.yaml:7:5: 警告: ", 0) == 0);
}

TEST_CASE("the caret sits under the column by display width on a CJK line", "[core][loader]") {
  // Column 44 is a byte column: "skills: [" (9) + "机器学习, " (14) + "深度学习框架, " (20) = 43.
  std::string line = "skills: [机器学习, 深度学习框架, pytroch]";
  Diagnostic d{"p.yaml", 2, 44, Severity::warning, Text{"未知", "unknown"}, line};
  CHECK(format_diagnostic(d, Lang::en) ==
        "p.yaml:2:44: warning: unknown\n"
        "    skills: [机器学习, 深度学习框架, pytroch]\n"
        "                                     ^\n");
  // 9 + 10 + 14 = 33 columns precede the caret: display width, not bytes.
  auto text = format_diagnostic(d, Lang::en);
  auto caret_line = text.substr(text.rfind('\n', text.size() - 2) + 1);
  CHECK(caret_line == std::string(4 + 33, ' ') + "^\n");
}

TEST_CASE("a tab before the column still lines the caret up", "[core][loader]") {
  Diagnostic d{"t.yaml", 1, 3, Severity::error, Text{"x", "x"}, "\tab"};
  CHECK(format_diagnostic(d, Lang::en) == "t.yaml:1:3: error: x\n     ab\n      ^\n");
}

TEST_CASE("a diagnostic without a line or source text has no caret", "[core][loader]") {
  Diagnostic whole{"t.yaml", 0, 0, Severity::error, Text{"文件为空", "file is empty"}, ""};
  CHECK(format_diagnostic(whole, Lang::en) == "t.yaml: error: file is empty\n");
  Diagnostic no_text{"t.yaml", 3, 0, Severity::error, Text{"x", "x"}, "abc"};
  CHECK(format_diagnostic(no_text, Lang::en) == "t.yaml:3:1: error: x\n");
}

TEST_CASE("diagnostics sort by file, line and column, keeping ties in order", "[core][loader]") {
  Diagnostics d;
  d.add(Diagnostic{"b.yaml", 1, 1, Severity::error, Text{"", "b1"}, ""});
  d.add(Diagnostic{"a.yaml", 9, 2, Severity::warning, Text{"", "a9-2"}, ""});
  d.add(Diagnostic{"a.yaml", 9, 1, Severity::error, Text{"", "a9-1 first"}, ""});
  d.add(Diagnostic{"a.yaml", 9, 1, Severity::error, Text{"", "a9-1 second"}, ""});
  d.add(Diagnostic{"a.yaml", 2, 7, Severity::error, Text{"", "a2"}, ""});
  d.sort();
  std::vector<std::string> order;
  for (const auto& x : d.items) order.push_back(x.message.en);
  CHECK(order == std::vector<std::string>{"a2", "a9-1 first", "a9-1 second", "a9-2", "b1"});
  CHECK(d.error_count() == 4);
  CHECK(d.warning_count() == 1);
  CHECK(d.has_errors());
}

TEST_CASE("a missing catalogue directory is an input error with exit code 66", "[core][loader]") {
  try {
    read_catalog_dir("/nonexistent/advisor-catalogue");
    FAIL("no exception");
  } catch (const InputError& e) {
    CHECK(e.kind() == ErrorKind::input_missing);
    CHECK(e.message().en == "catalogue directory '/nonexistent/advisor-catalogue' does not exist");
  }
  try {
    read_input_file("/nonexistent/me.yaml");
    FAIL("no exception");
  } catch (const InputError& e) {
    CHECK(e.kind() == ErrorKind::input_missing);
    CHECK(e.message().en == "cannot read '/nonexistent/me.yaml': no such file");
  }
}

TEST_CASE("a rule of more than max_rule_nodes nodes is refused", "[hostile][limits]") {
  std::string rule = "any:\n";
  for (int i = 0; i < 1001; ++i) rule += "  - age: {min: 18}\n";
  Diagnostics d;
  CHECK_FALSE(parse_rule_text(rule, d));
  REQUIRE(d.items.size() == 1);
  auto text = format_diagnostic(d.items[0], Lang::en);
  CHECK(text.substr(0, text.find('\n')) == "<rule>:1001:5: error: rule is too large or too deeply nested");
  Limits lim;
  lim.max_rule_nodes = 2000;
  Diagnostics d2;
  auto r = parse_rule_text(rule, d2, lim);
  REQUIRE(r);
  CHECK(r->size() == 1002);
  CHECK(d2.items.empty());
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
