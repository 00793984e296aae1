// The eligibility engine: three outcomes, dates, experience arithmetic and the
// "what would change the answer" list.
#include <catch2/catch.hpp>

#include "support.hpp"

#include "advisor/catalog_loader.hpp"
#include "advisor/rules.hpp"

using namespace advisor;
using advisor::testing::builtin;
using advisor::testing::printed;

namespace {

/// A tiny catalogue with the shapes the rules need: an education ladder, majors
/// and domains as trees, a skill tree and a three-level ladder with sittings.
const Catalog& tiny() {
  static const Catalog c = [] {
    Diagnostics d;
    auto cat = load_catalog({InputFile{"tiny.yaml", R"(sources:
  - {id: s, title: Source}
education:
  - {id: high-school, name: {zh: 高中, en: High school}}
  - {id: associate, name: {zh: 大专, en: Associate degree}}
  - {id: bachelor, name: {zh: 本科, en: Bachelor's degree}}
majors:
  - {id: computing, name: {zh: 计算机类, en: Computing}, source: s}
  - {id: computer-science, name: {zh: 计算机科学, en: Computer science}, parent: computing, source: s}
  - {id: history, name: {zh: 历史学, en: History}, source: s}
domains:
  - {id: ai, name: {zh: 人工智能, en: AI}}
  - {id: aigc, name: {zh: AIGC 应用, en: AIGC}, parent: ai}
  - {id: it, name: {zh: 信息技术, en: IT}}
skills:
  - {id: programming, name: {zh: 编程, en: Programming}, source: s}
  - {id: python, name: {zh: Python, en: Python}, parent: programming, source: s}
  - {id: drawing, name: {zh: 绘画, en: Drawing}, source: s}
certificates:
  - id: ladder
    name: {zh: 阶梯证书, en: Ladder certificate}
    verified_on: 2025-02-17
    sittings: [3, 9]
    source: s
    levels:
      - {id: junior, name: {zh: 初级, en: Junior}}
      - id: mid
        name: {zh: 中级, en: Intermediate}
        requires:
          any:
            - experience: {domain: aigc, min_years: 1}
            - holds: {certificate: ladder, level: junior}
      - id: senior
        name: {zh: 高级, en: Senior}
        requires:
          any:
            - experience: {domain: aigc, min_years: 3}
            - holds: {certificate: ladder, level: mid}
  - id: single
    name: {zh: 单级证书, en: Single certificate}
    verified_on: 2025-02-17
    source: s
    levels:
      - id: standard
        name: {zh: 单一级别, en: Single level}
        requires:
          all:
            - age: {min: 18}
            - education: {min: associate}
        recommended:
          major: {in: [computing]}
)"}},
                            d);
    if (d.has_errors()) FAIL(printed(d));
    return cat;
  }();
  return c;
}

Rule rule(const std::string& yaml) {
  Diagnostics d;
  auto r = parse_rule_text(yaml, d);
  if (!r) FAIL(printed(d));
  return *r;
}

ExperienceEntry job(std::vector<std::string> domains, Date start, std::optional<Date> end = std::nullopt) {
  ExperienceEntry e;
  e.domains = std::move(domains);
  e.start = start;
  e.end = end;
  return e;
}

ExperienceEntry undated(std::vector<std::string> domains, double years) {
  ExperienceEntry e;
  e.domains = std::move(domains);
  e.years = years;
  return e;
}

Profile with_jobs(std::vector<ExperienceEntry> jobs) {
  Profile p;
  p.experience = std::move(jobs);
  p.experience_given = true;
  return p;
}

TraceNode eval(const std::string& yaml, const Profile& p, Date as_of, const Catalog& c = tiny()) {
  return evaluate(rule(yaml), EvalContext{c, p, as_of});
}

LevelResult check(const Catalog& c, const std::string& cert, const std::string& level, const Profile& p, Date as_of) {
  const auto* x = c.certificate(cert);
  REQUIRE(x);
  int li = x->level_index(level);
  REQUIRE(li >= 0);
  return check_level(*x, x->levels[static_cast<size_t>(li)], EvalContext{c, p, as_of});
}

std::vector<std::string> change_texts(const LevelResult& r, Lang lang = Lang::en) {
  std::vector<std::string> out;
  for (const auto& c : r.changes) out.push_back(c.text.in(lang));
  return out;
}

const Date k_day{2026, 11, 23};

}  // namespace

// ---------------------------------------------------------------- three outcomes

TEST_CASE("a predicate is eligible, not eligible, or unknown when the profile lacks the field", "[core][rules]") {
  Profile adult, child, nobody;
  adult.age = 20;
  child.age = 16;
  auto a = eval("age: {min: 18}", adult, k_day);
  CHECK(a.outcome == Outcome::eligible);
  CHECK(a.found.en == "aged 20");
  CHECK(a.required.en == "aged 18 or over");
  auto c = eval("age: {min: 18}", child, k_day);
  CHECK(c.outcome == Outcome::not_eligible);
  CHECK_FALSE(c.passes_on);  // a stated age gives no birthday to wait for
  auto n = eval("age: {min: 18}", nobody, k_day);
  CHECK(n.outcome == Outcome::unknown);
  CHECK(n.missing_fields == std::vector<std::string>{"age"});
  CHECK(n.found.en == "age or birth_date missing");
}

TEST_CASE("outcome ids are the JSON status strings", "[core][rules]") {
  CHECK(std::string(outcome_id(Outcome::eligible)) == "eligible");
  CHECK(std::string(outcome_id(Outcome::not_eligible)) == "not_eligible");
  CHECK(std::string(outcome_id(Outcome::unknown)) == "unknown");
}

TEST_CASE("any of unknown and not eligible is unknown: a missing field is never a fail", "[core][rules]") {
  Profile p;  // no age, education high school
  p.education = "high-school";
  auto t = eval("any: [{age: {min: 18}}, {education: {min: associate}}]", p, k_day);
  CHECK(t.outcome == Outcome::unknown);
  CHECK(t.missing_fields == std::vector<std::string>{"age"});
  REQUIRE(t.children.size() == 2);
  CHECK(t.children[0].outcome == Outcome::unknown);
  CHECK(t.children[1].outcome == Outcome::not_eligible);
}

TEST_CASE("all of unknown and not eligible is not eligible: the known fail decides", "[core][rules]") {
  Profile p;
  p.education = "high-school";
  auto t = eval("all: [{age: {min: 18}}, {education: {min: associate}}]", p, k_day);
  CHECK(t.outcome == Outcome::not_eligible);
  CHECK(t.missing_fields.empty());
}

TEST_CASE("all of unknown and eligible is unknown and lists every missing field once", "[core][rules]") {
  Profile p;
  p.education = "bachelor";
  auto t = eval(
      "all: [{age: {min: 18}}, {education: {min: associate}}, {major: {in: [computing]}}, "
      "{age: {max: 60}}]",
      p, k_day);
  CHECK(t.outcome == Outcome::unknown);
  CHECK(t.missing_fields == std::vector<std::string>{"age", "education.major"});
}

TEST_CASE("any with one eligible child is eligible whatever the others", "[core][rules]") {
  Profile p;
  p.education = "bachelor";
  auto t = eval("any: [{age: {min: 18}}, {education: {min: associate}}]", p, k_day);
  CHECK(t.outcome == Outcome::eligible);
  CHECK(t.missing_fields.empty());
}

TEST_CASE("not flips eligible and not eligible but keeps unknown", "[core][rules]") {
  Profile young, none;
  young.age = 16;
  CHECK(eval("not: {age: {min: 18}}", young, k_day).outcome == Outcome::eligible);
  young.age = 30;
  CHECK(eval("not: {age: {min: 18}}", young, k_day).outcome == Outcome::not_eligible);
  auto u = eval("not: {age: {min: 18}}", none, k_day);
  CHECK(u.outcome == Outcome::unknown);
  CHECK(u.missing_fields == std::vector<std::string>{"age"});
}

TEST_CASE("missing education, major and experience are unknown with their field names", "[core][rules]") {
  Profile p;
  auto e = eval("education: {min: associate}", p, k_day);
  CHECK(e.outcome == Outcome::unknown);
  CHECK(e.missing_fields == std::vector<std::string>{"education"});
  auto m = eval("major: {in: [computing]}", p, k_day);
  CHECK(m.missing_fields == std::vector<std::string>{"education.major"});
  auto x = eval("experience: {domain: ai, min_years: 1}", p, k_day);
  CHECK(x.outcome == Outcome::unknown);
  CHECK(x.missing_fields == std::vector<std::string>{"experience"});
  // An empty experience list is an answer: no experience.
  p.experience_given = true;
  CHECK(eval("experience: {domain: ai, min_years: 1}", p, k_day).outcome == Outcome::not_eligible);
}

TEST_CASE("missing age makes ai-engineer unknown with missing field age", "[core][rules]") {
  Profile p;
  p.education = "bachelor";
  p.major = "computer-science";
  p.major_known = true;
  auto r = check(builtin(), "ai-engineer", "standard", p, k_day);
  CHECK(r.status == Outcome::unknown);
  CHECK(r.missing_fields == std::vector<std::string>{"age"});
  CHECK_FALSE(r.earliest_date);
  CHECK_FALSE(r.next_sitting);
  CHECK(change_texts(r) ==
        std::vector<std::string>{"add age or birth_date to the profile (needed for: Aged 18 or over)"});
}

// ---------------------------------------------------------------- dates

TEST_CASE("a birth date gives the date the age condition passes", "[core][rules]") {
  Profile p;
  p.birth_date = Date{2009, 3, 1};
  auto t = eval("age: {min: 18}", p, k_day);
  CHECK(t.outcome == Outcome::not_eligible);
  CHECK(t.found.en == "aged 17");
  CHECK(t.passes_on == Date{2027, 3, 1});
}

TEST_CASE("the age condition holds from the birthday itself, at both ends of a range", "[core][rules]") {
  // Issue 31: turning >= into > (or <= into <) in the age check must fail a test.
  Profile p;
  p.birth_date = Date{2008, 11, 23};  // 18 on k_day's date, 2026-11-23
  CHECK(eval("age: {min: 18}", p, Date{2026, 11, 23}).outcome == Outcome::eligible);
  CHECK(eval("age: {min: 18}", p, Date{2026, 11, 22}).outcome == Outcome::not_eligible);
  CHECK(eval("age: {min: 18}", p, Date{2026, 11, 22}).passes_on == Date{2026, 11, 23});
  // A maximum holds through the whole year of that age, and not a day after.
  p.birth_date = Date{1966, 11, 24};  // 59 on 2026-11-23, 60 the next day
  CHECK(eval("age: {max: 60}", p, Date{2026, 11, 23}).outcome == Outcome::eligible);
  CHECK(eval("age: {max: 60}", p, Date{2027, 11, 23}).outcome == Outcome::eligible);
  CHECK(eval("age: {max: 60}", p, Date{2027, 11, 24}).outcome == Outcome::not_eligible);
  CHECK(eval("age: {min: 16, max: 60}", p, Date{2027, 11, 24}).outcome == Outcome::not_eligible);
  // A stated age, without a birth date, at the boundary.
  Profile q;
  q.age = 18;
  CHECK(eval("age: {min: 18}", q, k_day).outcome == Outcome::eligible);
  q.age = 17;
  CHECK(eval("age: {min: 18}", q, k_day).outcome == Outcome::not_eligible);
  CHECK_FALSE(eval("age: {min: 18}", q, k_day).passes_on);  // no birth date: no date to promise
  // Born on 29 February: a year older on 28 February of a common year (docs/rules.md).
  Profile leap;
  leap.birth_date = Date{2008, 2, 29};
  CHECK(eval("age: {min: 18}", leap, Date{2026, 2, 27}).outcome == Outcome::not_eligible);
  CHECK(eval("age: {min: 18}", leap, Date{2026, 2, 28}).outcome == Outcome::eligible);
  CHECK(eval("age: {min: 18}", leap, Date{2026, 2, 27}).passes_on == Date{2026, 2, 28});
}

TEST_CASE("any passes on the earliest date of its children", "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2026, 7, 1})});  // one year on 2027-07-01
  p.birth_date = Date{2009, 3, 1};                           // 18 on 2027-03-01
  auto t = eval("any: [{experience: {domain: aigc, min_years: 1}}, {age: {min: 18}}]", p, k_day);
  CHECK(t.outcome == Outcome::not_eligible);
  CHECK(t.children[0].passes_on == Date{2027, 7, 1});
  CHECK(t.children[1].passes_on == Date{2027, 3, 1});
  CHECK(t.passes_on == Date{2027, 3, 1});
}

TEST_CASE("all passes on the latest date of its children", "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2026, 7, 1})});
  p.birth_date = Date{2009, 3, 1};
  auto t = eval("all: [{experience: {domain: aigc, min_years: 1}}, {age: {min: 18}}]", p, k_day);
  CHECK(t.passes_on == Date{2027, 7, 1});
}

TEST_CASE("all has no date when one failing child will never pass with time", "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2026, 7, 1})});
  p.education = "high-school";
  auto t = eval("all: [{experience: {domain: aigc, min_years: 1}}, {education: {min: associate}}]", p, k_day);
  CHECK(t.outcome == Outcome::not_eligible);
  CHECK_FALSE(t.passes_on);
}

TEST_CASE("any ignores children that time will not help", "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2026, 7, 1})});
  p.education = "high-school";
  auto t = eval("any: [{education: {min: associate}}, {experience: {domain: aigc, min_years: 1}}]", p, k_day);
  CHECK(t.passes_on == Date{2027, 7, 1});
}

TEST_CASE("an eligible child of all does not hold back its date", "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2026, 7, 1})});
  p.education = "bachelor";
  auto t = eval("all: [{education: {min: associate}}, {experience: {domain: aigc, min_years: 1}}]", p, k_day);
  CHECK(t.passes_on == Date{2027, 7, 1});
}

// ---------------------------------------------------------------- experience

TEST_CASE("work in aigc counts toward ai", "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2024, 1, 1}, Date{2026, 1, 1})});
  CHECK(eval("experience: {domain: ai, min_years: 2}", p, k_day).outcome == Outcome::eligible);
  CHECK(measure_experience(tiny(), p, "ai", k_day).months == 24);
}

TEST_CASE("work in ai never counts toward aigc", "[core][rules]") {
  Profile p = with_jobs({job({"ai"}, Date{2020, 1, 1})});
  auto t = eval("experience: {domain: aigc, min_years: 1}", p, k_day);
  CHECK(t.outcome == Outcome::not_eligible);
  CHECK_FALSE(t.passes_on);  // no aigc job at all: waiting will not help
  CHECK(measure_experience(tiny(), p, "aigc", k_day).years == 0);
}

TEST_CASE("experience without a domain counts all work", "[core][rules]") {
  Profile p = with_jobs({job({"it"}, Date{2025, 11, 23}), undated({"ai"}, 1)});
  auto t = eval("experience: {min_years: 2}", p, k_day);
  CHECK(t.outcome == Outcome::eligible);
  CHECK(t.found.en == "2 years of work, ongoing");
}

TEST_CASE("overlapping jobs are counted once", "[core][rules]") {
  // 2024-01..2025-01 and 2024-07..2025-07 overlap for half a year: 18 months in all.
  Profile p = with_jobs(
      {job({"aigc"}, Date{2024, 1, 1}, Date{2025, 1, 1}), job({"aigc", "it"}, Date{2024, 7, 1}, Date{2025, 7, 1})});
  auto m = measure_experience(tiny(), p, "aigc", k_day);
  CHECK(m.months == 18);
  CHECK(m.years == Approx(547 / 365.25));  // 2024 is a leap year
  CHECK_FALSE(m.ongoing);
  CHECK(eval("experience: {domain: aigc, min_years: 2}", p, k_day).outcome == Outcome::not_eligible);
  CHECK(eval("experience: {domain: aigc, min_years: 1.5}", p, k_day).outcome == Outcome::eligible);
}

TEST_CASE("a finished job of exactly a year counts as a year whenever it is evaluated", "[core][rules]") {
  // Measured in calendar months, not in days: 2025-01-01 to 2026-01-01 is 365 days,
  // and the year up to 2028-03-15 has 366, but the job is still one year long.
  Profile p = with_jobs({job({"aigc"}, Date{2025, 1, 1}, Date{2026, 1, 1})});
  for (Date on : {Date{2026, 1, 1}, Date{2026, 11, 23}, Date{2028, 2, 29}, Date{2028, 3, 15}, Date{2030, 1, 1}}) {
    INFO(on.str());
    CHECK(measure_experience(tiny(), p, "aigc", on).months == 12);
    CHECK(eval("experience: {domain: aigc, min_years: 1}", p, on).outcome == Outcome::eligible);
  }
}

TEST_CASE("a finished job adds its whole months to an ongoing one", "[core][rules]") {
  // 18 months finished (2024-01-01 to 2025-07-01), then an ongoing job from
  // 2026-07-01: two years are reached 6 months into it, on 2027-01-01.
  Profile p = with_jobs({job({"aigc"}, Date{2024, 1, 1}, Date{2025, 7, 1}), job({"aigc"}, Date{2026, 7, 1})});
  auto t = eval("experience: {domain: aigc, min_years: 2}", p, k_day);
  CHECK(t.outcome == Outcome::not_eligible);
  CHECK(t.passes_on == Date{2027, 1, 1});
  CHECK(measure_experience(tiny(), p, "aigc", k_day).months == 22);
}

TEST_CASE("a job inside another adds nothing", "[core][rules]") {
  Profile p =
      with_jobs({job({"ai"}, Date{2020, 1, 1}, Date{2023, 1, 1}), job({"aigc"}, Date{2021, 1, 1}, Date{2022, 1, 1})});
  CHECK(measure_experience(tiny(), p, "ai", k_day).months == 36);
}

TEST_CASE("separate jobs add up", "[core][rules]") {
  Profile p =
      with_jobs({job({"aigc"}, Date{2022, 1, 1}, Date{2023, 1, 1}), job({"aigc"}, Date{2024, 1, 1}, Date{2025, 1, 1})});
  CHECK(measure_experience(tiny(), p, "aigc", k_day).months == 24);
}

TEST_CASE("an undated years entry counts but never grows", "[core][rules]") {
  Profile p = with_jobs({undated({"aigc"}, 0.5)});
  auto m = measure_experience(tiny(), p, "aigc", k_day);
  CHECK(m.years == 0.5);
  CHECK(m.months == 6);
  CHECK_FALSE(m.ongoing);
  auto t = eval("experience: {domain: aigc, min_years: 1}", p, k_day);
  CHECK(t.outcome == Outcome::not_eligible);
  CHECK_FALSE(t.passes_on);
  CHECK(t.found.en == "6 months of AIGC work");
  CHECK(eval("experience: {domain: aigc, min_years: 0.5}", p, k_day).outcome == Outcome::eligible);
}

TEST_CASE("undated years add to an ongoing job and move its date forward", "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2026, 7, 1}), undated({"aigc"}, 0.5)});
  auto t = eval("experience: {domain: aigc, min_years: 1}", p, Date{2026, 11, 1});
  CHECK(t.outcome == Outcome::not_eligible);
  CHECK(t.passes_on == Date{2027, 1, 1});  // 4 months + 6 months now, 2 more to go
}

TEST_CASE("an ongoing job grows until the evaluation date", "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2026, 7, 1})});
  auto m = measure_experience(tiny(), p, "aigc", Date{2026, 11, 1});
  CHECK(m.months == 4);
  CHECK(m.ongoing);
  CHECK_FALSE(m.grows_until);
  CHECK(m.virtual_start == Date{2026, 7, 1});
}

TEST_CASE("a job ending in the future grows until its end only", "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2026, 7, 1}, Date{2027, 3, 1})});
  auto m = measure_experience(tiny(), p, "aigc", Date{2026, 11, 1});
  CHECK(m.months == 4);
  CHECK(m.ongoing);
  CHECK(m.grows_until == Date{2027, 3, 1});
  // Eight months in all by its end: one year is never reached by waiting.
  auto one_year = eval("experience: {domain: aigc, min_years: 1}", p, Date{2026, 11, 1});
  CHECK(one_year.outcome == Outcome::not_eligible);
  CHECK_FALSE(one_year.passes_on);
  // Six months is reached before it ends.
  auto half = eval("experience: {domain: aigc, min_years: 0.5}", p, Date{2026, 11, 1});
  CHECK(half.passes_on == Date{2027, 1, 1});
}

TEST_CASE("a job ending exactly when the condition is met still counts", "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2026, 7, 1}, Date{2027, 7, 1})});
  CHECK(eval("experience: {domain: aigc, min_years: 1}", p, Date{2026, 11, 1}).passes_on == Date{2027, 7, 1});
}

TEST_CASE("a job that has not started yet is not counted", "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2027, 1, 1})});
  auto m = measure_experience(tiny(), p, "aigc", k_day);
  CHECK(m.years == 0);
  CHECK_FALSE(m.ongoing);
}

TEST_CASE("an ongoing job reaches one year on the same day next year, clamped", "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2024, 2, 29})});
  CHECK(eval("experience: {domain: aigc, min_years: 1}", p, Date{2025, 2, 27}).passes_on == Date{2025, 2, 28});
  CHECK(eval("experience: {domain: aigc, min_years: 1}", p, Date{2025, 2, 28}).outcome == Outcome::eligible);
}

// ---------------------------------------------------------------- holds, skills, majors, hours

TEST_CASE("a higher level held satisfies holds of a lower one, not the reverse", "[core][rules]") {
  Profile p;
  p.certificates.push_back(HeldCertificate{"ladder", "mid", Date{2025, 1, 1}, {}});
  auto junior = eval("holds: {certificate: ladder, level: junior}", p, k_day);
  CHECK(junior.outcome == Outcome::eligible);
  CHECK(junior.found.en == "holds Intermediate");
  auto senior = eval("holds: {certificate: ladder, level: senior}", p, k_day);
  CHECK(senior.outcome == Outcome::not_eligible);
  CHECK(senior.found.en == "holds Intermediate only");
  CHECK(senior.required.en == "hold Ladder certificate – Senior (or a higher level)");
}

TEST_CASE("a certificate obtained after the evaluation date is not held yet", "[core][rules]") {
  Profile p;
  p.certificates.push_back(HeldCertificate{"ladder", "junior", Date{2027, 1, 1}, {}});
  CHECK(eval("holds: {certificate: ladder, level: junior}", p, k_day).outcome == Outcome::not_eligible);
  CHECK(eval("holds: {certificate: ladder, level: junior}", p, Date{2027, 1, 1}).outcome == Outcome::eligible);
}

TEST_CASE("held_since is the first date a level or a higher one was obtained, by the evaluation date",
          "[core][rules]") {
  Profile p;
  p.certificates.push_back(HeldCertificate{"ladder", "mid", Date{2025, 3, 1}, {}});
  p.certificates.push_back(HeldCertificate{"ladder", "junior", Date{2024, 5, 20}, {}});
  p.certificates.push_back(HeldCertificate{"ladder", "senior", Date{2027, 1, 1}, {}});  // not yet
  CHECK(check(tiny(), "ladder", "junior", p, k_day).held_since == Date{2024, 5, 20});
  CHECK(check(tiny(), "ladder", "mid", p, k_day).held_since == Date{2025, 3, 1});
  CHECK_FALSE(check(tiny(), "ladder", "senior", p, k_day).held_since);
  CHECK(check(tiny(), "ladder", "senior", p, Date{2027, 1, 1}).held_since == Date{2027, 1, 1});
  // Held without a date, or another certificate: no date to say.
  Profile undated;
  undated.certificates.push_back(HeldCertificate{"ladder", "senior", std::nullopt, {}});
  CHECK_FALSE(check(tiny(), "ladder", "junior", undated, k_day).held_since);
  CHECK_FALSE(check(tiny(), "single", "standard", p, k_day).held_since);
}

TEST_CASE("a degree in progress holds school now: 初中 below it moves no verdict", "[core][rules]") {
  // The built-in ladder starts at junior-middle-school (ISCED 2); a degree still takes
  // high school (ISCED 3) to enrol, so a student holds high school now, as before.
  const auto& c = builtin();
  REQUIRE(c.education.front().id == "junior-middle-school");
  Profile p;
  p.education = "bachelor";
  p.education_in_progress = true;
  p.education_expected = Date{2027, 7, 1};
  for (const char* level : {"junior-middle-school", "high-school"}) {
    INFO(level);
    auto t = eval(std::string("education: {min: ") + level + "}", p, k_day, c);
    CHECK(t.outcome == Outcome::eligible);
    CHECK_FALSE(t.passes_on);
  }
  auto associate = eval("education: {min: associate}", p, k_day, c);
  CHECK(associate.outcome == Outcome::not_eligible);
  CHECK(associate.passes_on == Date{2027, 7, 1});
  // 初中 is below high school: not enough for a high-school minimum.
  Profile junior;
  junior.education = "junior-middle-school";
  CHECK(eval("education: {min: high-school}", junior, k_day, c).outcome == Outcome::not_eligible);
  CHECK(eval("education: {min: junior-middle-school}", junior, k_day, c).outcome == Outcome::eligible);
}

TEST_CASE("a sub-field of a major and a sub-skill count", "[core][rules]") {
  Profile p;
  p.major = "computer-science";
  p.major_known = true;
  CHECK(eval("major: {in: [computing]}", p, k_day).outcome == Outcome::eligible);
  p.major = "history";
  CHECK(eval("major: {in: [computing]}", p, k_day).outcome == Outcome::not_eligible);
  p.major = "考古学";  // as written, not in the catalogue
  p.major_known = false;
  auto unknown_major = eval("major: {in: [computing]}", p, k_day);
  CHECK(unknown_major.outcome == Outcome::not_eligible);
  CHECK(unknown_major.found.en == "考古学");

  Profile s;
  s.skills.push_back(ProfileSkill{"py", "python", std::nullopt, {}});
  CHECK(eval("skills: {any: [programming], min: 1}", s, k_day).outcome == Outcome::eligible);
  CHECK(eval("skills: {any: [programming, drawing], min: 2}", s, k_day).outcome == Outcome::not_eligible);
  s.skills.push_back(ProfileSkill{"画画", "", std::nullopt, {}});  // unknown skill: matches nothing
  CHECK(eval("skills: {any: [programming, drawing], min: 2}", s, k_day).outcome == Outcome::not_eligible);
}

TEST_CASE("study hours compare with the minimum", "[core][rules]") {
  Profile p;
  p.study_hours["single"] = 20;
  auto t = eval("study_hours: {certificate: single, min: 35}", p, k_day);
  CHECK(t.outcome == Outcome::not_eligible);
  CHECK(t.found.en == "20 hours");
  CHECK(t.required.en == "at least 35 certified study hours for Single certificate");
  p.study_hours["single"] = 35;
  CHECK(eval("study_hours: {certificate: single, min: 35}", p, k_day).outcome == Outcome::eligible);
}

TEST_CASE("a reason written in the catalogue replaces the generated one", "[core][rules]") {
  Profile p;
  p.age = 20;
  auto t = eval("age: {min: 18}\nreason: {zh: 年满十八, en: Grown up}\n", p, k_day);
  CHECK(t.reason.en == "Grown up");
  CHECK(t.reason.zh == "年满十八");
  CHECK(eval("age: {min: 18}", p, k_day).reason.en == "Aged 18 or over");
}

TEST_CASE("an experience range accepts only years inside it", "[core][rules]") {
  const std::string range = "experience: {domain: aigc, min_years: 1, max_years: 3}";
  auto none = eval(range, with_jobs({}), k_day);
  CHECK(none.outcome == Outcome::not_eligible);
  CHECK(none.required.en == "1 to 3 years of AIGC work");
  auto two = eval(range, with_jobs({undated({"aigc"}, 2)}), k_day);
  CHECK(two.outcome == Outcome::eligible);
  CHECK(eval(range, with_jobs({undated({"aigc"}, 3)}), k_day).outcome == Outcome::eligible);  // the top end counts
  auto veteran = eval(range, with_jobs({undated({"aigc"}, 22)}), k_day);
  CHECK(veteran.outcome == Outcome::not_eligible);
  CHECK_FALSE(veteran.passes_on);  // past the top: time only moves further away
  // An ongoing job already past the top never comes back into range.
  auto ongoing = eval(range, with_jobs({job({"aigc"}, Date{2004, 11, 23})}), k_day);
  CHECK(ongoing.outcome == Outcome::not_eligible);
  CHECK_FALSE(ongoing.passes_on);
}

// ---------------------------------------------------------------- check_level

TEST_CASE("four months into an AIGC job: mid is not eligible, with the date and the junior alternative",
          "[core][rules]") {
  // The issue's example, on the built-in catalogue.
  Profile p = with_jobs({job({"aigc", "content"}, Date{2026, 7, 1})});
  p.age = 27;
  auto r = check(builtin(), "aigc-application-engineer", "mid", p, Date{2026, 11, 1});
  CHECK(r.status == Outcome::not_eligible);
  CHECK(r.earliest_date == Date{2027, 7, 1});
  CHECK_FALSE(r.next_sitting);  // the source states no sittings
  // Junior has no entry rule, so sitting it today comes before eight months of waiting.
  CHECK(
      change_texts(r) ==
      std::vector<std::string>{
          "hold AIGC Application Engineer professional certification – Junior (or a higher level) (you can sit it now)",
          "8 more months of AIGC (generative AI) applications work (from 2027-07-01)"});
  CHECK(change_texts(r, Lang::zh) ==
        std::vector<std::string>{"持有AIGC应用工程师职业技术认证（初级）或更高等级的证书（现在即可报考）",
                                 "再积累 8 个月的 AIGC（生成式人工智能）应用工作经验（2027-07-01 起满足）"});
  REQUIRE(r.changes.size() == 2);
  CHECK(r.changes[0].now);
  CHECK_FALSE(r.changes[0].by_time);
  CHECK_FALSE(r.changes[0].date);
  CHECK_FALSE(r.changes[1].now);
  CHECK(r.changes[1].by_time);
  CHECK(r.changes[1].date == Date{2027, 7, 1});
}

TEST_CASE("a wait of part of a month is said exactly, in months and days", "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2026, 7, 1})});
  auto r = check(builtin(), "aigc-application-engineer", "mid", p, k_day);
  CHECK(r.earliest_date == Date{2027, 7, 1});
  // 2026-11-23 + 7 months = 2027-06-23 (+ 8 months would pass 2027-07-01); then 8 days.
  REQUIRE(r.changes.size() == 2);
  CHECK(r.changes[1].by_time);
  CHECK(r.changes[1].text.en == "7 more months and 8 days of AIGC (generative AI) applications work (from 2027-07-01)");
  CHECK(r.changes[1].text.zh == "再积累 7 个月 8 天的 AIGC（生成式人工智能）应用工作经验（2027-07-01 起满足）");

  // One day short: "1 more day", never rounded up to a month.
  Profile q = with_jobs({job({"aigc"}, Date{2025, 11, 24})});
  auto d = check(builtin(), "aigc-application-engineer", "mid", q, k_day);
  CHECK(d.earliest_date == Date{2026, 11, 24});
  REQUIRE(d.changes.size() == 2);
  CHECK(d.changes[1].text.en == "1 more day of AIGC (generative AI) applications work (from 2026-11-24)");
  CHECK(d.changes[1].text.zh == "再积累 1 天的 AIGC（生成式人工智能）应用工作经验（2026-11-24 起满足）");
}

TEST_CASE("one year into an ongoing AIGC job is eligible for mid", "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2025, 11, 1})});
  auto r = check(builtin(), "aigc-application-engineer", "mid", p, k_day);
  CHECK(r.status == Outcome::eligible);
  CHECK(r.changes.empty());
  CHECK_FALSE(r.earliest_date);
}

TEST_CASE("changes list an exam one may sit today first, then waiting soonest first, then the fewest actions",
          "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2026, 7, 1})});
  p.birth_date = Date{2009, 3, 1};
  p.education = "high-school";
  auto r = rule(R"(any:
  - all: [{education: {min: associate}}, {age: {min: 18}}]
  - experience: {domain: aigc, min_years: 1}
  - age: {min: 18}
  - holds: {certificate: ladder, level: junior}
)");
  Certificate cert = *tiny().certificate("single");
  cert.levels[0].requires_rule = r;
  cert.levels[0].recommended.reset();
  auto res = check_level(cert, cert.levels[0], EvalContext{tiny(), p, k_day});
  CHECK(res.status == Outcome::not_eligible);
  CHECK(res.earliest_date == Date{2027, 3, 1});
  // Ladder junior has no entry rule: it can be sat today, so it leads. Then the waits,
  // soonest first (2027-03-01, then 2026-11-23 + 7 months 8 days = 2027-07-01), then
  // the two-step option.
  CHECK(change_texts(res) ==
        std::vector<std::string>{"hold Ladder certificate – Junior (or a higher level) (you can sit it now)",
                                 "wait until you are aged 18 or over (on 2027-03-01)",
                                 "7 more months and 8 days of AIGC work (from 2027-07-01)",
                                 "Associate degree or above and wait until you are aged 18 or over (on 2027-03-01)"});
  REQUIRE(res.changes.size() == 4);
  CHECK(res.changes[0].now);
  CHECK_FALSE(res.changes[0].by_time);
  CHECK(res.changes[1].date == Date{2027, 3, 1});
  CHECK(res.changes[2].date == Date{2027, 7, 1});
  CHECK_FALSE(res.changes[3].now);
  CHECK(res.changes[3].steps.size() == 2);
}

TEST_CASE("next_sitting is the first sitting month starting on or after the date", "[core][rules]") {
  const auto& cert = *tiny().certificate("ladder");  // sittings in March and September
  CHECK(next_sitting(cert, Date{2026, 3, 1}) == std::optional<std::string>("2026-03"));
  CHECK(next_sitting(cert, Date{2026, 3, 2}) == std::optional<std::string>("2026-09"));
  CHECK(next_sitting(cert, Date{2026, 2, 28}) == std::optional<std::string>("2026-03"));
  CHECK(next_sitting(cert, Date{2026, 9, 30}) == std::optional<std::string>("2027-03"));
  CHECK(next_sitting(cert, Date{2026, 12, 31}) == std::optional<std::string>("2027-03"));
  CHECK_FALSE(next_sitting(*tiny().certificate("single"), Date{2026, 3, 1}));
}

TEST_CASE("an eligible level's next sitting counts from the evaluation date", "[core][rules]") {
  Profile p;
  auto r = check(tiny(), "ladder", "junior", p, Date{2026, 3, 1});
  CHECK(r.status == Outcome::eligible);
  CHECK_FALSE(r.trace);  // no entry requirement
  CHECK(r.next_sitting == std::optional<std::string>("2026-03"));
  CHECK(check(tiny(), "ladder", "junior", p, Date{2026, 3, 2}).next_sitting == std::optional<std::string>("2026-09"));
}

TEST_CASE("a level eligible later has its next sitting after that date", "[core][rules]") {
  Profile p = with_jobs({job({"aigc"}, Date{2026, 3, 2})});
  auto r = check(tiny(), "ladder", "mid", p, Date{2026, 11, 23});
  CHECK(r.earliest_date == Date{2027, 3, 2});
  CHECK(r.next_sitting == std::optional<std::string>("2027-09"));
  Profile q = with_jobs({job({"aigc"}, Date{2026, 3, 1})});
  CHECK(check(tiny(), "ladder", "mid", q, Date{2026, 11, 23}).next_sitting == std::optional<std::string>("2027-03"));
}

TEST_CASE("a level that time alone will not open has no date and no sitting", "[core][rules]") {
  Profile p = with_jobs({});
  auto r = check(tiny(), "ladder", "mid", p, k_day);
  CHECK(r.status == Outcome::not_eligible);
  CHECK_FALSE(r.earliest_date);
  CHECK_FALSE(r.next_sitting);
  // Junior can be sat today, so holding it comes before a year of work time will not bring.
  CHECK(change_texts(r) ==
        std::vector<std::string>{"hold Ladder certificate – Junior (or a higher level) (you can sit it now)",
                                 "at least 1 year of AIGC work"});
  REQUIRE(r.changes.size() == 2);
  CHECK(r.changes[0].now);
  CHECK_FALSE(r.changes[1].now);
  CHECK_FALSE(r.changes[1].by_time);
}

TEST_CASE("the soft recommended rule is evaluated but never blocks", "[core][rules]") {
  Profile p;
  p.age = 30;
  p.education = "associate";
  p.major = "history";
  p.major_known = true;
  auto r = check(tiny(), "single", "standard", p, k_day);
  CHECK(r.status == Outcome::eligible);
  REQUIRE(r.recommended);
  CHECK(r.recommended->outcome == Outcome::not_eligible);
  CHECK(r.changes.empty());
}

TEST_CASE("CAIE's one-to-three-years advice does not block someone with no experience", "[core][rules]") {
  Profile p = with_jobs({});
  auto r = check(builtin(), "caie", "level-1", p, k_day);
  CHECK(r.status == Outcome::eligible);
  REQUIRE(r.recommended);
  CHECK(r.recommended->outcome == Outcome::not_eligible);
}

TEST_CASE("rules verified more than a year before the evaluation date are stale", "[core][rules]") {
  Profile p;
  // verified_on 2025-02-17
  CHECK_FALSE(check(tiny(), "ladder", "junior", p, Date{2026, 2, 17}).stale);
  CHECK(check(tiny(), "ladder", "junior", p, Date{2026, 2, 18}).stale);
  CHECK_FALSE(check(tiny(), "ladder", "junior", p, Date{2025, 6, 1}).stale);
}

TEST_CASE("duration text reads naturally in both languages", "[core][rules]") {
  CHECK(duration_text(0).en == "0 months");
  CHECK(duration_text(1).en == "1 month");
  CHECK(duration_text(4).en == "4 months");
  CHECK(duration_text(12).en == "1 year");
  CHECK(duration_text(14).en == "1 year 2 months");
  CHECK(duration_text(25).en == "2 years 1 month");
  CHECK(duration_text(14).zh == "1 年 2 个月");
  CHECK(duration_text(4).zh == "4 个月");
}
