// Profiles: read against the built-in catalogue; unknown skills warn, the rest is strict.
#include <catch2/catch.hpp>

#include "support.hpp"

#include "advisor/catalog_loader.hpp"
#include "advisor/profile_loader.hpp"

using namespace advisor;
using advisor::testing::builtin;
using advisor::testing::k_as_of;

namespace {

struct Loaded {
  Profile profile;
  Diagnostics diags;
  std::string printed;
};

Loaded load(const std::string& text, const std::string& name = "me.yaml") {
  Loaded l;
  l.profile = load_profile(InputFile{name, text}, builtin(), k_as_of, l.diags);
  for (const auto& d : l.diags.items) l.printed += format_diagnostic(d, Lang::en);
  return l;
}

std::vector<std::string> skill_ids(const Profile& p) {
  std::vector<std::string> ids;
  for (const auto& s : p.skills) ids.push_back(s.id);
  return ids;
}

}  // namespace

TEST_CASE("education levels are recognised by their Chinese names", "[core][profile]") {
  CHECK(load("education: 大专\n").profile.education == "associate");
  CHECK(load("education: {level: 本科}\n").profile.education == "bachelor");
  CHECK(load("education: {level: 硕士, major: 计算机}\n").profile.education == "master");
  CHECK(load("education: {level: Master's}\n").profile.education == "master");
  CHECK(load("education: {level: high-school}\n").profile.education == "high-school");
  CHECK(load("education: 初中\n").profile.education == "junior-middle-school");
  CHECK(load("education: {level: 初中毕业}\n").profile.education == "junior-middle-school");
  CHECK(load("education: {level: Junior high school}\n").profile.education == "junior-middle-school");
}

TEST_CASE("an age is a whole number, or one with its unit: 岁, 周岁, years, yrs (any width)", "[core][profile]") {
  for (const char* text : {"age: 29\n", "age: 29岁\n", "age: 29 岁\n", "age: ２９岁\n", "age: 29周岁\n",
                           "age: 29 years\n", "age: 29 yrs\n", "age: \"29岁\"\n", "{\"age\": \"29 years\"}\n"}) {
    INFO(text);
    auto l = load(text);
    CHECK(l.printed == "");
    CHECK(l.profile.age == 29);
  }
  CHECK(load("age: 200岁\n").printed ==
        "me.yaml:1:6: error: age is 200岁, out of range (0 to 150)\n"
        "    age: 200岁\n"
        "         ^\n");
  // Anything else keeps today's message: a unit alone, a fraction, another unit, a
  // full-width number with no unit, a quoted bare number.
  for (const char* bad : {"岁", "29.5岁", "29 months", "twenty岁", "２９", "29 岁 old"}) {
    INFO(bad);
    CHECK(load(std::string("age: ") + bad + "\n").printed == "me.yaml:1:6: error: age must be a number, not '" +
                                                                 std::string(bad) + "'\n" + "    age: " + bad +
                                                                 "\n         ^\n");
  }
}

TEST_CASE("a major is recognised by alias — an unknown one is kept with a warning", "[core][profile]") {
  auto known = load("education: {level: 本科, major: 计算机}\n");
  CHECK(known.profile.major == "computer-science");
  CHECK(known.profile.major_known);
  CHECK(known.printed == "");

  auto unknown = load("education: {level: 本科, major: 考古学}\n");
  CHECK(unknown.profile.major == "考古学");
  CHECK_FALSE(unknown.profile.major_known);
  CHECK_FALSE(unknown.diags.has_errors());
  CHECK(unknown.printed ==
        "me.yaml:1:31: warning: major '考古学' is not in the catalogue; rules about majors cannot match it\n"
        "    education: {level: 本科, major: 考古学}\n"
        "                                    ^\n");
}

TEST_CASE("an unknown education level is an error with the known levels", "[core][profile]") {
  auto l = load("education: {level: bachelr}\n");
  CHECK(l.printed ==
        "me.yaml:1:20: error: unknown education level 'bachelr' (did you mean 'bachelor': 本科 / Bachelor's degree?) "
        "(known: "
        "junior-middle-school, high-school, associate, bachelor, master, doctorate)\n"
        "    education: {level: bachelr}\n"
        "                       ^\n");
}

TEST_CASE("skills resolve by id, Chinese name, English name and alias in any width and case", "[core][profile]") {
  auto l = load(R"(skills:
  - pytorch
  - 机器学习
  - Deep learning frameworks
  - torch
  - ＰｙＴｏｒｃｈ
  - pYtHoN
  - 提示词
  - Power-BI
  - {skill: ＳＱＬ, level: 3}
)");
  CHECK(l.printed == "");
  CHECK(skill_ids(l.profile) == std::vector<std::string>{"pytorch", "machine-learning", "deep-learning-frameworks",
                                                         "pytorch", "pytorch", "python", "prompt-engineering",
                                                         "power-bi", "sql"});
  CHECK(l.profile.skills[8].level == 3);
  CHECK(l.profile.skills[4].text == "ＰｙＴｏｒｃｈ");
  CHECK(l.profile.skills[4].pos.line == 6);
  CHECK(l.profile.skills[4].pos.column == 5);
}

TEST_CASE("an unknown skill is a warning with its position and the closest skill, and the load goes on",
          "[core][profile]") {
  auto l = load(R"(name: 测试
skills:
  - python
  - pytroch
  - 机器学习
age: 30
)");
  CHECK(
      l.printed ==
      R"(me.yaml:4:5: warning: unknown skill 'pytroch' (did you mean 'pytorch': PyTorch?); kept, but it matches no role
      - pytroch
        ^
)");
  CHECK_FALSE(l.diags.has_errors());
  CHECK(l.diags.warning_count() == 1);
  // The rest of the profile is read; the unknown skill is kept, unresolved.
  CHECK(skill_ids(l.profile) == std::vector<std::string>{"python", "", "machine-learning"});
  CHECK(l.profile.skills[1].text == "pytroch");
  CHECK(l.profile.age == 30);
}

TEST_CASE("an unknown skill warning is in Chinese too", "[core][profile]") {
  auto l = load("skills: [机器学习, 深度学习框架, pytroch]\n");
  REQUIRE(l.diags.items.size() == 1);
  CHECK(format_diagnostic(l.diags.items[0], Lang::zh) ==
        "me.yaml:1:24: 警告: 未知的技能“pytroch”（是否想写“pytorch”：PyTorch？）；已保留，但不会与任何岗位匹配\n"
        "    skills: [机器学习, 深度学习框架, pytroch]\n"
        "                                     ^\n");
}

TEST_CASE("diagnostic columns count characters, as editors do, not bytes", "[core][profile]") {
  // 'pytroch' starts at byte 44 of the line but at character 24: editors jump to 24.
  auto l = load("skills: [机器学习, 深度学习框架, pytroch]\n");
  REQUIRE(l.diags.items.size() == 1);
  CHECK(l.diags.items[0].column == 44);  // bytes, for the caret
  CHECK(l.diags.items[0].char_column == 24);
  CHECK(l.diags.items[0].shown_column() == 24);
  // Two problems on one long line are each counted from the line's start.
  auto two = load("skills: [深度学习框架, pytroch, 机器学习, tensorflw]\n");
  REQUIRE(two.diags.items.size() == 2);
  CHECK(two.diags.items[0].char_column == 18);  // 9 + 6 characters, a comma and a blank
  CHECK(two.diags.items[1].char_column == 33);
  // ASCII only: the two counts agree.
  auto ascii = load("skills: [pytroch]\n");
  REQUIRE(ascii.diags.items.size() == 1);
  CHECK(ascii.diags.items[0].char_column == ascii.diags.items[0].column);
}

TEST_CASE("a skill nothing resembles is kept without a suggestion", "[core][profile]") {
  auto l = load("skills: [underwater basket weaving]\n");
  CHECK(l.printed ==
        "me.yaml:1:10: warning: unknown skill 'underwater basket weaving'; kept, but it matches no role\n"
        "    skills: [underwater basket weaving]\n"
        "             ^\n");
}

TEST_CASE("unknown keys in a profile are errors", "[core][profile]") {
  auto l = load("name: x\nhobbies: [chess]\neducation: {level: 本科, majr: cs}\n");
  CHECK(
      l.printed ==
      R"(me.yaml:2:1: error: unknown key 'hobbies' in profile (known keys: name, age, birth_date, education, titles, experience, skills, certificates, study_hours, goals)
    hobbies: [chess]
    ^
me.yaml:3:24: error: unknown key 'majr' in education (did you mean 'major'?)
    education: {level: 本科, majr: cs}
                             ^
)");
  CHECK(l.diags.error_count() == 2);
}

TEST_CASE("a profile's problems are reported in line order, however they were found", "[core][profile]") {
  // The unknown key is found first (when the top-level keys are checked) but sits
  // on line 3; the wrong age on line 2 and the bad dates on line 5 follow it.
  auto l = load(R"(name: Broken
age: thirty
experiance: []
experience:
  - {title: 工程师, domains: [aigc], start: 2025-06, end: 2025-01}
)");
  REQUIRE(l.diags.items.size() == 3);
  CHECK(l.diags.items[0].line == 2);
  CHECK(l.diags.items[1].line == 3);
  CHECK(l.diags.items[2].line == 5);
  CHECK(l.printed == R"(me.yaml:2:6: error: age must be a number, not 'thirty'
    age: thirty
         ^
me.yaml:3:1: error: unknown key 'experiance' in profile (did you mean 'experience'?)
    experiance: []
    ^
me.yaml:5:56: error: end 2025-01-01 is before start 2025-06-01
      - {title: 工程师, domains: [aigc], start: 2025-06, end: 2025-01}
                                                              ^
)");
}

TEST_CASE("values of the wrong type are errors", "[core][profile]") {
  auto l = load(R"(age: "twenty"
skills: python
experience:
  - {domains: [ai], years: many}
study_hours: [35]
)");
  CHECK(l.printed == R"(me.yaml:1:6: error: age must be a number, not 'twenty'
    age: "twenty"
         ^
me.yaml:2:9: error: skills must be a list
    skills: python
            ^
me.yaml:4:28: error: years must be a number, not 'many'
      - {domains: [ai], years: many}
                               ^
me.yaml:5:14: error: study_hours must map certificate ids to hours, e.g. {caip: 35}
    study_hours: [35]
                 ^
)");
}

TEST_CASE("a quoted number is text, not a number", "[core][profile]") {
  CHECK(load("age: \"30\"\n").printed ==
        "me.yaml:1:6: error: age must be a number, not '30'\n"
        "    age: \"30\"\n"
        "         ^\n");
}

TEST_CASE("an end date before the start date is an error at the end date", "[core][profile]") {
  auto l = load("experience:\n  - {title: 工程师, domains: [aigc], start: 2025-06, end: 2025-01}\n");
  CHECK(l.printed ==
        "me.yaml:2:56: error: end 2025-01-01 is before start 2025-06-01\n"
        "      - {title: 工程师, domains: [aigc], start: 2025-06, end: 2025-01}\n"
        "                                                              ^\n");
  CHECK(l.profile.experience.empty());
}

TEST_CASE("an impossible start date is an error", "[core][profile]") {
  CHECK(load("experience:\n  - {domains: [ai], start: 2025-02-30}\n").printed ==
        "me.yaml:2:28: error: start: '2025-02-30' is not a calendar date: 2025-02 has 28 days\n"
        "      - {domains: [ai], start: 2025-02-30}\n"
        "                               ^\n");
}

TEST_CASE("an experience entry needs dates or years — its domains are optional, names work, unknown ones warn",
          "[core][profile]") {
  auto l = load(R"(experience:
  - {title: a, start: 2020-01}
  - {title: b, domains: [ai]}
  - {title: c, domains: [ai], start: 2020-01, years: 2}
  - {title: d, domains: [aigcc], years: 1}
)");
  CHECK(l.printed == R"(me.yaml:3:5: error: experience entry needs 'start' (and 'end' unless ongoing) or 'years'
      - {title: b, domains: [ai]}
        ^
me.yaml:4:54: error: an entry has either start/end dates or 'years', not both
      - {title: c, domains: [ai], start: 2020-01, years: 2}
                                                         ^
me.yaml:5:25: warning: unknown experience domain 'aigcc' (did you mean 'aigc': AIGC（生成式人工智能）应用 / AIGC (generative AI) applications?); kept, but the job counts toward no domain (advisor list domains)
      - {title: d, domains: [aigcc], years: 1}
                            ^
)");
  // A job without domains is work all the same, and one with an unknown domain is kept.
  auto ok = load("experience:\n  - {title: a, start: 2020-01}\n  - {title: d, domains: [aigcc], years: 1}\n");
  CHECK_FALSE(ok.diags.has_errors());
  REQUIRE(ok.profile.experience.size() == 2);
  CHECK(ok.profile.experience[0].domains.empty());
  CHECK(ok.profile.experience[1].domains.empty());
  // Domains by name or alias, in any language (the industry sections of GB/T 4754-2017).
  auto named = load("experience:\n  - {title: 仓库主管, domains: [物流, Retail, 教育], years: 14}\n");
  CHECK_FALSE(named.diags.has_errors());
  CHECK(named.diags.warning_count() == 0);
  REQUIRE(named.profile.experience.size() == 1);
  CHECK(named.profile.experience[0].domains ==
        std::vector<std::string>{"transport-and-logistics", "wholesale-and-retail", "education"});
}

TEST_CASE("a job starting after the evaluation date is a warning and is kept", "[core][profile]") {
  auto l = load("experience:\n  - {domains: [ai], start: 2027-01}\n");
  CHECK(l.printed ==
        "me.yaml:2:28: warning: starts 2027-01-01, after the evaluation date 2026-11-23: not counted yet\n"
        "      - {domains: [ai], start: 2027-01}\n"
        "                               ^\n");
  CHECK(l.profile.experience.size() == 1);
}

TEST_CASE("age and birth_date together are refused — a birth date after today too", "[core][profile]") {
  CHECK(load("age: 30\nbirth_date: 1996-01-01\n").printed ==
        "me.yaml:1:6: error: give either 'age' or 'birth_date', not both\n    age: 30\n         ^\n");
  CHECK(load("birth_date: 2027-01-01\n").printed ==
        "me.yaml:1:13: error: birth_date 2027-01-01 is after the evaluation date 2026-11-23\n"
        "    birth_date: 2027-01-01\n"
        "                ^\n");
}

TEST_CASE("a held level like nothing of its certificate's is answered with the levels", "[core][profile]") {
  // "intermediate" is an everyday word for a middle level, but CAIE's are Level I and II:
  // no spelling is close, so the message names them instead of guessing.
  auto l = load(R"(certificates:
  - {id: caie, level: intermediate}
)");
  CHECK(l.printed ==
        R"(me.yaml:2:23: error: certificate 'caie' has no level 'intermediate' (its levels: level-1, level-2)
      - {id: caie, level: intermediate}
                          ^
)");
  CHECK(l.profile.certificates.empty());
}

TEST_CASE("held certificates are checked against the catalogue", "[core][profile]") {
  auto l = load(R"(certificates:
  - {id: aigc-application-engineer}
  - {id: aigc-aplication-engineer, level: junior}
  - {id: aigc-application-engineer, level: midd}
  - {id: caip}
  - {id: ai-engineer, date: 2027-03-01}
)");
  CHECK(
      l.printed ==
      R"(me.yaml:2:5: error: certificate 'aigc-application-engineer' has levels (junior, mid, senior): say which with 'level'
      - {id: aigc-application-engineer}
        ^
me.yaml:3:10: error: unknown certificate 'aigc-aplication-engineer' (did you mean 'aigc-application-engineer'?)
      - {id: aigc-aplication-engineer, level: junior}
             ^
me.yaml:4:44: error: certificate 'aigc-application-engineer' has no level 'midd' (did you mean 'mid'?)
      - {id: aigc-application-engineer, level: midd}
                                               ^
me.yaml:6:29: warning: obtained 2027-03-01, after the evaluation date 2026-11-23: not counted yet
      - {id: ai-engineer, date: 2027-03-01}
                                ^
)");
  // A single-level certificate needs no level.
  REQUIRE(l.profile.certificates.size() == 2);
  CHECK(l.profile.certificates[0].id == "caip");
  CHECK(l.profile.certificates[0].level == "standard");
}

TEST_CASE("goals name known roles and categories — the caret points at the bad item", "[core][profile]") {
  auto l = load("goals: {roles: [prompt-engineer, promt-engineer], categories: [design, desing]}\n");
  CHECK(l.printed == R"(me.yaml:1:34: error: unknown role 'promt-engineer' (did you mean 'prompt-engineer'?)
    goals: {roles: [prompt-engineer, promt-engineer], categories: [design, desing]}
                                     ^
me.yaml:1:72: error: unknown category 'desing' (did you mean 'design'?)
    goals: {roles: [prompt-engineer, promt-engineer], categories: [design, desing]}
                                                                           ^
)");
  CHECK(l.profile.goal_roles == std::vector<std::string>{"prompt-engineer"});
  CHECK(l.profile.goal_categories == std::vector<std::string>{"design"});
}

TEST_CASE("a goal like no role or category says where the ids are", "[core][profile]") {
  // Nothing is spelt close to "ai-nurse" or "healthcare": a guess would mislead, so the
  // message names the categories (there are few) and the command that lists the roles.
  auto l = load("goals: {roles: [ai-nurse], categories: [healthcare]}\n");
  CHECK_THAT(l.printed, Catch::Contains("error: unknown role 'ai-nurse' (see them all: advisor list roles)\n"));
  CHECK_THAT(l.printed, Catch::Contains("error: unknown category 'healthcare' (known: research-and-development, "));
  CHECK_THAT(l.printed, Catch::Contains(", operations, "));
  CHECK(l.profile.goal_roles.empty());
  CHECK(l.profile.goal_categories.empty());
}

TEST_CASE("a catalogue of many categories points at the list instead", "[core][profile]") {
  // O*NET's import has 23 categories: too many for one message line.
  Catalog c = builtin();
  for (int i = 0; i < 3; ++i) {
    Category extra;
    extra.id = "extra-" + std::to_string(i);
    extra.name = Text{"额外", "Extra"};
    c.categories.push_back(extra);
  }
  c.index();  // the lookup tables follow the change
  Diagnostics diags;
  load_profile(InputFile{"me.yaml", "goals: {categories: [healthcare]}\n"}, c, k_as_of, diags);
  REQUIRE(diags.items.size() == 1);
  CHECK(diags.items[0].message.en == "unknown category 'healthcare' (see them all: advisor list categories)");
}

TEST_CASE("study hours name a known certificate", "[core][profile]") {
  auto l = load("study_hours: {caip: 20, capi: 3}\n");
  CHECK(l.printed ==
        "me.yaml:1:25: error: unknown certificate 'capi' (did you mean 'caip'?)\n"
        "    study_hours: {caip: 20, capi: 3}\n"
        "                            ^\n");
  CHECK(l.profile.study_hours.at("caip") == 20);
}

TEST_CASE("experience is 'given' even when the list is empty, and not given when absent", "[core][profile]") {
  CHECK(load("experience: []\n").profile.experience_given);
  CHECK_FALSE(load("age: 20\n").profile.experience_given);
}

TEST_CASE("a JSON profile reads the same as its YAML twin", "[core][profile]") {
  auto yaml = load(R"(name: 李媛
age: 24
education: {level: 硕士, major: computer-science}
experience:
  - {title: 算法实习生, domains: [ai, aigc], start: 2025-07, end: 2026-03}
  - {title: IT, domains: [it], years: 2.5}
skills: [Python, 机器学习, {skill: ＰｙＴｏｒｃｈ, level: 3}]
certificates: [{id: aigc-application-engineer, level: junior, date: 2025-05-20}]
study_hours: {caip: 35}
goals: {roles: [machine-learning-engineer], categories: [product]}
)");
  auto json = load(R"({
  "name": "李媛",
  "age": 24,
  "education": {"level": "硕士", "major": "computer-science"},
  "experience": [
    {"title": "算法实习生", "domains": ["ai", "aigc"], "start": "2025-07", "end": "2026-03"},
    {"title": "IT", "domains": ["it"], "years": 2.5}
  ],
  "skills": ["Python", "机器学习", {"skill": "ＰｙＴｏｒｃｈ", "level": 3}],
  "certificates": [{"id": "aigc-application-engineer", "level": "junior", "date": "2025-05-20"}],
  "study_hours": {"caip": 35},
  "goals": {"roles": ["machine-learning-engineer"], "categories": ["product"]}
})",
                   "me.json");
  CHECK(yaml.printed == "");
  CHECK(json.printed == "");
  const auto &a = yaml.profile, &b = json.profile;
  CHECK(a.name == b.name);
  CHECK(a.age == b.age);
  CHECK(a.education == "master");
  CHECK(a.education == b.education);
  CHECK(a.major == b.major);
  REQUIRE(a.experience.size() == 2);
  REQUIRE(b.experience.size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    CHECK(a.experience[i].domains == b.experience[i].domains);
    CHECK(a.experience[i].start == b.experience[i].start);
    CHECK(a.experience[i].end == b.experience[i].end);
    CHECK(a.experience[i].years == b.experience[i].years);
  }
  CHECK(a.experience[0].end == Date{2026, 3, 1});
  CHECK(b.experience[1].years == 2.5);
  CHECK(skill_ids(a) == std::vector<std::string>{"python", "machine-learning", "pytorch"});
  CHECK(skill_ids(a) == skill_ids(b));
  CHECK(b.skills[2].level == 3);
  REQUIRE(b.certificates.size() == 1);
  CHECK(b.certificates[0].level == "junior");
  CHECK(b.certificates[0].date == Date{2025, 5, 20});
  CHECK(a.study_hours == b.study_hours);
  CHECK(a.goal_roles == b.goal_roles);
  CHECK(a.goal_categories == b.goal_categories);
}

TEST_CASE("a JSON profile's errors have positions too", "[core][profile]") {
  auto l = load("{\"age\": 30, \"skils\": [\"python\"]}\n", "me.json");
  CHECK(l.printed ==
        "me.json:1:13: error: unknown key 'skils' in profile (did you mean 'skills'?)\n"
        "    {\"age\": 30, \"skils\": [\"python\"]}\n"
        "                ^\n");
}

TEST_CASE("every example profile in profiles/ loads without errors", "[core][profile]") {
  for (const char* name :
       {"aigc-operator", "cs-graduate", "data-analyst", "designer", "it-manager", "marketer", "teacher"}) {
    INFO(name);
    auto f = read_input_file(std::string(ADVISOR_SOURCE_DIR) + "/profiles/" + name + ".yaml");
    Diagnostics d;
    auto p = load_profile(f, builtin(), k_as_of, d);
    std::string all;
    for (const auto& x : d.items) all += format_diagnostic(x, Lang::en);
    CHECK(all == "");
    for (const auto& s : p.skills) {
      INFO(s.text);
      CHECK_FALSE(s.id.empty());
    }
  }
}

TEST_CASE("a CR outside strings is a blank in a JSON profile, whichever reader reads it", "[core][profile][hostile]") {
  // Issue 32: YAML does not count CR as a blank where JSON does.
  auto a = load("{\"age\": 30,\r\"name\": \"x\"}\n");
  CHECK(a.printed.empty());
  CHECK(a.profile.name == "x");
  REQUIRE(a.profile.age);
  CHECK(*a.profile.age == 30);
  auto b = load("{\"age\":30\r}\n");
  CHECK(b.printed.empty());
  REQUIRE(b.profile.age);
  CHECK(*b.profile.age == 30);
  // CR CR LF line ends: the real error, not "unexpected text after the end".
  auto c = load("{\"age\": \"old\"}\r\r\n");
  CHECK(c.printed.find("age") != std::string::npos);
  CHECK(c.printed.find("after the end") == std::string::npos);
  // A CR inside a string is the string's.
  auto d = load("{\"name\": \"a\\rb\"}\n");
  CHECK(d.profile.name == "a\rb");
}

TEST_CASE("a skill wrapped in a CV phrase resolves to the skill", "[core][profile][vocabulary]") {
  // Issue 28: 熟悉Excel, 护理经验, 日语水平: a wrapper that adds nothing to the skill is taken
  // off, one before and one after; the rest must name a skill exactly.
  auto l = load(
      "skills: [熟悉Excel, 精通Python, 数据分析能力, 日语水平, proficient in SQL, Excel skills, 熟悉会计, 会计]\n");
  CHECK(l.printed.empty());
  std::vector<std::string> ids;
  for (const auto& s : l.profile.skills) ids.push_back(s.id);
  REQUIRE(ids.size() == 8);
  CHECK(ids[0] == ids[5]);  // 熟悉Excel and "Excel skills" are Excel
  CHECK(ids[1] == "python");
  CHECK(ids[2] == "data-analysis");
  CHECK(ids[4] == "sql");
  CHECK(ids[6] == ids[7]);  // 熟悉会计 is 会计: 会 alone is never taken off
  CHECK_FALSE(ids[7].empty());
  // Nothing but the wrapper, or a wrapper around an unknown word: unknown, with a warning.
  auto u = load("skills: [熟悉, 熟悉量子纠缠, 能力]\n");
  CHECK(u.profile.skills.size() == 3);
  for (const auto& s : u.profile.skills) CHECK(s.id.empty());
}

TEST_CASE("a grade after a skill is taken off, and one entry may name several skills", "[core][profile][vocabulary]") {
  // Issue 28: 雅思7分, 日语N2, Python（熟练）, Excel (advanced): the skill, without how well.
  auto l = load("skills: [雅思7分, 日语N2, \"Python（熟练）\", \"Excel (advanced)\", 托福 100, DeepSeek使用]\n");
  INFO(l.printed);
  CHECK(l.printed.empty());
  std::vector<std::string> ids;
  for (const auto& s : l.profile.skills) ids.push_back(s.id);
  REQUIRE(ids.size() == 6);
  CHECK(ids[1] == "japanese");
  CHECK(ids[2] == "python");
  CHECK(ids[0] == ids[4]);  // 雅思 and 托福 are both English tests
  for (const auto& id : ids) CHECK_FALSE(id.empty());
  // Several skills in one entry: each counts, in the entry's place, written as the entry.
  auto m = load("skills: [Excel/PPT, \"Python、SQL\", \"Word, Excel and PowerPoint\", Java]\n");
  INFO(m.printed);
  CHECK(m.printed.empty());
  std::vector<std::string> got;
  for (const auto& s : m.profile.skills) got.push_back(s.id);
  REQUIRE(got.size() == 8);  // 2 + 2 + 3 + 1
  CHECK(got[2] == "python");
  CHECK(got[3] == "sql");
  CHECK(m.profile.skills[3].text == "Python、SQL");
  CHECK(got[7] == "java");
  // PS/AI is Photoshop and Illustrator, not artificial intelligence: the catalogue names
  // the whole entry (design software), which comes before any split.
  auto d = load("skills: [PS/AI]\n");
  REQUIRE(d.profile.skills.size() == 1);
  CHECK(d.profile.skills[0].id == "design-software");
  // One part that names nothing: the entry is one unknown skill, with a warning.
  auto u = load("skills: [Excel/量子纠缠, 沟通与量子]\n");
  REQUIRE(u.profile.skills.size() == 2);
  for (const auto& s : u.profile.skills) CHECK(s.id.empty());
  CHECK_FALSE(u.printed.empty());
}
