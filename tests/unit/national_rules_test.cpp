// The rule language of national occupational standards (issue 29): work after a
// certificate or a title, "this or a related" occupation and major, school types,
// final-year students, conditions to confirm, and dated rule versions.
#include <catch2/catch.hpp>

#include "support.hpp"

#include "advisor/catalog_loader.hpp"
#include "advisor/profile_loader.hpp"
#include "advisor/rules.hpp"

using namespace advisor;
using advisor::testing::builtin;
using advisor::testing::found;
using advisor::testing::printed;

namespace {

/// A small national ladder: every new form once, and a level with three dated versions.
const char* k_national = R"(sources:
  - {id: s, title: Source}
education:
  - {id: junior-middle-school, name: {zh: 初中, en: Junior middle school}, aliases: [初中]}
  - {id: high-school, name: {zh: 高中, en: Upper secondary}, aliases: [中专, 高中]}
  - {id: associate, name: {zh: 大专, en: Associate degree}, aliases: [高职]}
  - {id: bachelor, name: {zh: 本科, en: Bachelor's degree}}
schools:
  - {id: technical, name: {zh: 技工院校, en: Technical schools}}
  - {id: technician-college, name: {zh: 技师学院, en: Technician college}, parent: technical, levels: [high-school]}
  - {id: vocational, name: {zh: 职业院校, en: Vocational schools}}
  - {id: secondary-vocational, name: {zh: 中等职业学校, en: Secondary vocational school}, parent: vocational, aliases: [中专], levels: [high-school]}
  - {id: higher-vocational, name: {zh: 高等职业学校, en: Higher vocational college}, parent: vocational, aliases: [高职], levels: [associate, bachelor]}
  - {id: university, name: {zh: 普通高等学校, en: University}, levels: [associate, bachelor]}
  - {id: general-high-school, name: {zh: 普通高中, en: General high school}, aliases: [高中], levels: [high-school]}
school_classes:
  - {id: intermediate-worker, name: {zh: 中级工班, en: Intermediate-worker class}, rank: 1}
  - {id: senior-worker, name: {zh: 高级工班, en: Senior-worker class}, rank: 2}
title_levels:
  - {id: junior, name: {zh: 初级职称, en: Junior title}, aliases: [初级], rank: 1}
  - {id: intermediate, name: {zh: 中级职称, en: Intermediate title}, aliases: [中级, 工程师], rank: 2}
majors:
  - {id: computing, name: {zh: 计算机类, en: Computing}, source: s}
  - {id: ai-major, name: {zh: 人工智能, en: AI}, parent: computing, source: s}
  - {id: history, name: {zh: 历史学, en: History}, source: s}
domains:
  - {id: ai, name: {zh: 人工智能, en: AI}}
  - {id: it, name: {zh: 信息技术, en: IT}}
  - {id: retail, name: {zh: 零售, en: Retail}}
certificates:
  - id: nat
    name: {zh: 国家证书, en: National certificate}
    aliases: [国证]
    verified_on: 2026-12-07
    source: s
    related_work: {this: [ai], maybe: [it], note: {zh: 相关职业未界定, en: related occupation is undefined}}
    related_majors: {this: [ai-major], maybe: [computing]}
    levels:
      - id: five
        name: {zh: 五级, en: Level 5}
        aliases: [初级工, Level 5]
        versions:
          - id: v2021
            name: {zh: 2021 年版, en: 2021 standard}
            published: 2021-12-27
            source: s
            requires: {experience: {work: related, min_years: 1}}
          - id: v2024
            name: {zh: 2024 年页面, en: 2024 page}
            captured: 2024-03-01
            source: s
            requires: {experience: {work: related, min_years: 1}}
          - id: now
            name: {zh: 现行, en: Current}
            captured: 2025-06-01
            current: true
            source: s
            requires: {age: {min: 16}}
      - id: four
        name: {zh: 四级, en: Level 4}
        requires:
          any:
            - experience: {work: related, min_years: 5}
            - experience: {work: related, min_years: 3, after: {certificate: nat, level: five}}
            - diploma: {schools: [technical, vocational, university], major: related, final_year: true}
      - id: three
        name: {zh: 三级, en: Level 3}
        requires:
          any:
            - all:
                - title: {min: junior, field: related}
                - experience: {work: related, min_years: 1, after: {title: junior}}
            - diploma: {schools: [technical], min_class: senior-worker, major: related, final_year: true}
            - diploma: {schools: [higher-vocational, university], min_education: associate, major: related, final_year: true, assessed: true}
      - id: two
        name: {zh: 二级, en: Level 2}
        requires:
          any:
            - all:
                - holds: {certificate: nat, level: three, min_years_held: 2}
                - diploma: {schools: [technician-college], studying: true}
            - confirm: {zh: 学徒期满, en: a completed apprenticeship}
)";

const Catalog& national() {
  static const Catalog c = [] {
    Diagnostics d;
    auto cat = load_catalog({InputFile{"national.yaml", k_national}}, d);
    if (d.has_errors()) FAIL(printed(d));
    return cat;
  }();
  return c;
}

Profile profile(const std::string& yaml, Date as_of) {
  Diagnostics d;
  auto p = load_profile(InputFile{"p.yaml", yaml}, national(), as_of, d);
  INFO(printed(d));
  REQUIRE_FALSE(d.has_errors());
  return p;
}

LevelResult level(const std::string& id, const std::string& yaml, Date as_of) {
  const auto& c = national();
  const auto* cert = &found(c.certificate("nat"));
  int li = cert->level_index(id);
  REQUIRE(li >= 0);
  auto p = profile(yaml, as_of);
  return check_level(*cert, cert->levels[static_cast<size_t>(li)], EvalContext{c, p, as_of});
}

Diagnostics load_errors(const std::string& certificates) {
  Diagnostics d;
  std::string yaml = std::string(k_national).substr(0, std::string(k_national).find("certificates:")) + certificates;
  load_catalog({InputFile{"bad.yaml", yaml}}, d);
  return d;
}

}  // namespace

// ---------------------------------------------------------------- versions

TEST_CASE("the version in force is the current one from its date, else the latest dated before", "[rules][national]") {
  const auto& l = found(national().certificate("nat")).levels[0];
  CHECK(found(l.version_on(Date{2020, 1, 1})).id == "v2021");  // before every version: the earliest
  CHECK(found(l.version_on(Date{2021, 12, 26})).id == "v2021");
  CHECK(found(l.version_on(Date{2021, 12, 27})).id == "v2021");
  CHECK(found(l.version_on(Date{2024, 2, 29})).id == "v2021");
  CHECK(found(l.version_on(Date{2024, 3, 1})).id == "v2024");
  CHECK(found(l.version_on(Date{2025, 5, 31})).id == "v2024");
  CHECK(found(l.version_on(Date{2025, 6, 1})).id == "now");
  CHECK(found(l.version_on(Date{2030, 1, 1})).id == "now");
}

TEST_CASE("check evaluates the version in force and says another differs", "[rules][national]") {
  // A 16-year-old with no work: the current version (age) passes, the earlier ones (a
  // year of work) do not.
  auto before = level("five", "birth_date: 2008-01-01\nexperience: []\n", Date{2025, 5, 31});
  REQUIRE(before.version);
  CHECK(before.version->id == "v2024");
  CHECK(before.status == Outcome::not_eligible);
  CHECK(before.versions_conflict);
  auto after = level("five", "birth_date: 2008-01-01\nexperience: []\n", Date{2025, 6, 1});
  REQUIRE(after.version);
  CHECK(after.version->id == "now");
  CHECK(after.status == Outcome::eligible);
  CHECK(after.versions_conflict);
  // A level without versions names none.
  CHECK_FALSE(level("four", "experience: []\n", Date{2026, 11, 23}).version);
}

// ---------------------------------------------------------------- work after a certificate

TEST_CASE("work after a certificate counts from the date it was obtained, to the day", "[rules][national]") {
  // (No diploma: the diploma route fails plainly.)
  std::string held =
      "education: {level: junior-middle-school}\ncertificates: [{id: nat, level: five, date: 2023-11-23}]\n"
      "experience: [{domains: [ai], start: 2020-01-01}]\n";
  // Six years of AI work, but only three since the certificate: exactly on the day.
  auto on = level("four", held, Date{2026, 11, 23});
  CHECK(on.status == Outcome::eligible);
  auto before = level("four", held, Date{2026, 11, 22});
  // Five years in total (2020-01-01 to 2025-01-01) already pass (1): use a later job.
  std::string later =
      "education: {level: junior-middle-school}\ncertificates: [{id: nat, level: five, date: 2023-11-23}]\n"
      "experience: [{domains: [ai], start: 2023-06-01}]\n";
  auto day_before = level("four", later, Date{2026, 11, 22});
  CHECK(day_before.status == Outcome::not_eligible);
  REQUIRE(day_before.earliest_date);
  CHECK(*day_before.earliest_date == Date{2026, 11, 23});
  CHECK(level("four", later, Date{2026, 11, 23}).status == Outcome::eligible);
  CHECK(before.status == Outcome::eligible);  // by (1): five years in total
}

TEST_CASE("a certificate held with no date makes work after it unknown, never a fail", "[rules][national]") {
  auto r = level(
      "four",
      "education: 初中\ncertificates: [{id: nat, level: five}]\nexperience: [{domains: [ai], start: 2023-01-01}]\n",
      Date{2026, 11, 23});
  CHECK(r.status == Outcome::unknown);
  CHECK(r.missing_fields == std::vector<std::string>{"certificates.date"});
}

TEST_CASE("undated years cannot be placed after a certificate date", "[rules][national]") {
  auto r = level("four",
                 "education: 初中\ncertificates: [{id: nat, level: five, date: 2024-01-01}]\nexperience: [{domains: "
                 "[ai], years: 4}]\n",
                 Date{2026, 11, 23});
  CHECK(r.status == Outcome::unknown);
  CHECK(r.missing_fields == std::vector<std::string>{"experience.start"});
}

// ---------------------------------------------------------------- this or a related occupation

TEST_CASE("this occupation counts, a maybe-related one is unknown, another one does not count", "[rules][national]") {
  Date d{2026, 11, 23};
  const std::string school = "education: 初中\n";  // no diploma route
  CHECK(level("four", school + "experience: [{domains: [ai], start: 2021-11-23}]\n", d).status == Outcome::eligible);
  auto maybe = level("four", school + "experience: [{domains: [it], start: 2021-11-23}]\n", d);
  CHECK(maybe.status == Outcome::unknown);
  CHECK(maybe.missing_fields.empty());
  REQUIRE(maybe.to_confirm.size() == 1);
  CHECK(maybe.to_confirm[0].en.find("your IT work counts as a related occupation") != std::string::npos);
  auto other = level("four", school + "experience: [{domains: [retail], start: 2010-01-01}]\n", d);
  CHECK(other.status == Outcome::not_eligible);
  CHECK(other.to_confirm.empty());
}

// ---------------------------------------------------------------- diplomas and final-year students

TEST_CASE("a final-year student counts from 1 September of the final school year", "[rules][national]") {
  std::string student =
      "education: {level: associate, school: 高职, major: 人工智能, status: in_progress, expected: 2027-06}\n"
      "experience: []\n";
  auto summer = level("four", student, Date{2026, 8, 31});
  CHECK(summer.status == Outcome::not_eligible);
  REQUIRE(summer.earliest_date);
  CHECK(*summer.earliest_date == Date{2026, 9, 1});
  CHECK(level("four", student, Date{2026, 9, 1}).status == Outcome::eligible);
  CHECK(final_year_student(Date{2027, 8, 31}, Date{2026, 9, 1}));
  CHECK_FALSE(final_year_student(Date{2027, 9, 1}, Date{2026, 9, 1}));
  CHECK(final_year_start(Date{2027, 9, 1}) == Date{2027, 9, 1});
  CHECK(final_year_start(Date{2027, 6, 30}) == Date{2026, 9, 1});
}

TEST_CASE("a diploma's school is the profile's, or every school its level may come from", "[rules][national]") {
  Date d{2026, 11, 23};
  // A 大专 without a school: 高职 or university, both listed: a pass.
  CHECK(level("four", "education: {level: associate, major: 人工智能}\nexperience: []\n", d).status ==
        Outcome::eligible);
  // 高中-level without a school: 普高 (not listed), 中专 or 技师学院 (listed): unknown.
  auto upper = level("four", "education: {level: high-school, major: 人工智能}\nexperience: []\n", d);
  CHECK(upper.status == Outcome::unknown);
  CHECK(upper.missing_fields == std::vector<std::string>{"education.school"});
  // 中专 as the level names the school too.
  CHECK(profile("education: {level: 中专}\n", d).school == "secondary-vocational");
  CHECK(level("four", "education: {level: 中专, major: 人工智能}\nexperience: []\n", d).status == Outcome::eligible);
  // 普通高中: a plain no.
  CHECK(level("four", "education: {level: 高中, major: 人工智能}\nexperience: []\n", d).status ==
        Outcome::not_eligible);
  // A related-by-judgement major is unknown with what to confirm; an unrelated one fails.
  auto maybe = level("four", "education: {level: associate, major: 计算机类}\nexperience: []\n", d);
  CHECK(maybe.status == Outcome::unknown);
  CHECK_FALSE(maybe.to_confirm.empty());
  CHECK(level("four", "education: {level: associate, major: 历史学}\nexperience: []\n", d).status ==
        Outcome::not_eligible);
}

TEST_CASE("a class below the one asked for fails — a missing class is unknown", "[rules][national]") {
  Date d{2026, 11, 23};
  std::string base = "education: {level: high-school, school: 技师学院, major: 人工智能";
  CHECK(level("three", base + ", class: senior-worker}\nexperience: []\n", d).status == Outcome::eligible);
  CHECK(level("three", base + ", class: intermediate-worker}\nexperience: []\n", d).status == Outcome::not_eligible);
  auto none = level("three", base + "}\nexperience: []\n", d);
  CHECK(none.status == Outcome::unknown);
  CHECK(none.missing_fields == std::vector<std::string>{"education.class"});
}

TEST_CASE("an assessed programme (经评估论证) is never more than unknown", "[rules][national]") {
  auto r = level("three", "education: {level: bachelor, school: university, major: 人工智能}\nexperience: []\n",
                 Date{2026, 11, 23});
  CHECK(r.status == Outcome::unknown);
  REQUIRE(r.to_confirm.size() == 1);
  CHECK(r.to_confirm[0].zh.find("经评估论证") != std::string::npos);
}

// ---------------------------------------------------------------- titles

TEST_CASE("a title in a matching field plus a year after it — a maybe field is unknown", "[rules][national]") {
  std::string work = "education: 初中\nexperience: [{domains: [ai], start: 2015-01-01}]\n";
  auto yes = level("three", "titles: [{level: 初级, field: 人工智能, date: 2025-11-23}]\n" + work, Date{2026, 11, 23});
  CHECK(yes.status == Outcome::eligible);
  auto short_by_a_day =
      level("three", "titles: [{level: 初级, field: 人工智能, date: 2025-11-24}]\n" + work, Date{2026, 11, 23});
  CHECK(short_by_a_day.status == Outcome::not_eligible);
  REQUIRE(short_by_a_day.earliest_date);
  CHECK(*short_by_a_day.earliest_date == Date{2026, 11, 24});
  // 工程师 (intermediate) counts for "junior or above"; a computing field may match.
  auto maybe =
      level("three", "titles: [{level: 工程师, field: 计算机类, date: 2020-01-01}]\n" + work, Date{2026, 11, 23});
  CHECK(maybe.status == Outcome::unknown);
  auto none = level("three", work, Date{2026, 11, 23});
  CHECK(none.status == Outcome::not_eligible);
}

TEST_CASE("a title needs a known level — its field and date are optional", "[rules][national]") {
  Diagnostics d;
  load_profile(InputFile{"p.yaml", "titles: [{level: 特级, field: x}]\n"}, national(), Date{2026, 11, 23}, d);
  CHECK(printed(d).find("unknown title level '特级' (known: junior, intermediate)") != std::string::npos);
  Diagnostics d2;
  load_profile(InputFile{"p.yaml", "education: {level: associate, school: 夜校}\n"}, national(), Date{2026, 11, 23},
               d2);
  CHECK(printed(d2).find("unknown school type '夜校'") != std::string::npos);
}

// ---------------------------------------------------------------- held for years, confirm

TEST_CASE("held for two years passes on the second anniversary — confirm is always unknown", "[rules][national]") {
  std::string s =
      "education: {level: high-school, school: 技师学院, status: in_progress, expected: 2028-06}\n"
      "certificates: [{id: 国证, level: 三级, date: 2024-11-23}]\n";  // names and aliases
  auto r = level("two", s, Date{2026, 11, 22});
  // Not yet two years: the held-for branch fails with a date; the confirm branch is unknown.
  CHECK(r.status == Outcome::unknown);
  CHECK(level("two", s, Date{2026, 11, 23}).status == Outcome::eligible);
  auto p = profile(s, Date{2026, 11, 23});
  REQUIRE(p.certificates.size() == 1);
  CHECK(p.certificates[0].id == "nat");
  CHECK(p.certificates[0].level == "three");
  REQUIRE(r.to_confirm.size() == 1);
  CHECK(r.to_confirm[0].en == "a completed apprenticeship");
}

// ---------------------------------------------------------------- catalogue errors

TEST_CASE("the new rule forms are checked when the catalogue loads", "[rules][national][loader]") {
  auto both = load_errors(R"(certificates:
  - id: x
    name: {zh: x, en: x}
    verified_on: 2026-01-01
    source: s
    levels:
      - id: a
        name: {zh: a, en: a}
        requires: {age: {min: 16}}
        versions:
          - {id: v, name: {zh: v, en: v}, current: true, source: s, requires: {age: {min: 18}}}
)");
  CHECK(printed(both).find("a level has both 'requires' and 'versions'") != std::string::npos);
  auto undated = load_errors(R"(certificates:
  - id: x
    name: {zh: x, en: x}
    verified_on: 2026-01-01
    source: s
    levels:
      - id: a
        name: {zh: a, en: a}
        versions:
          - {id: v, name: {zh: v, en: v}, source: s, requires: {age: {min: 18}}}
)");
  CHECK(printed(undated).find("a version that is not 'current' needs a 'published' or 'captured' date") !=
        std::string::npos);
  auto work = load_errors(R"(certificates:
  - id: x
    name: {zh: x, en: x}
    verified_on: 2026-01-01
    source: s
    levels:
      - id: a
        name: {zh: a, en: a}
        requires: {experience: {work: related, min_years: 1}}
      - id: b
        name: {zh: b, en: b}
        requires: {experience: {work: similar, min_years: 1, after: {title: junior, certificate: x}}}
      - id: c
        name: {zh: c, en: c}
        requires: {diploma: {schools: [vocationl], min_class: senior}}
)");
  auto text = printed(work);
  CHECK(text.find("'work: related' needs the certificate's 'related_work'") != std::string::npos);
  CHECK(text.find("experience 'work' must be 'related'") != std::string::npos);
  CHECK(text.find("'after' needs either 'certificate' (with 'level') or 'title'") != std::string::npos);
  CHECK(text.find("unknown school type 'vocationl' (did you mean 'vocational'?)") != std::string::npos);
  CHECK(text.find("unknown school class 'senior'") != std::string::npos);
}
