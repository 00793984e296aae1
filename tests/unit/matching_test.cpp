// Role scores on a small hand-made catalogue, term by term, and certificate ranking.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <algorithm>
#include <cmath>

#include "advisor/catalog_loader.hpp"
#include "advisor/matching.hpp"

using namespace advisor;
using advisor::testing::printed;

namespace {

// Weights sum to 1.2 with every term, 1.1 without goals. Partial credit 0.5 per
// level up; experience saturates at 4 years; barrier penalties differ per level.
const char* k_catalog = R"(catalog:
  id: matching-test
  scoring:
    weights: {essential: 0.4, optional: 0.2, use: 0.2, experience: 0.2, barrier: 0.1, goals: 0.1}
    partial_credit: 0.5
    coverage_prior: 0   # the term-by-term tests check coverage unshrunk; the prior has its own test
    experience_saturation_years: 4
    barrier_penalty: {high: 1.0, fairly-high: 0.75, moderate: 0.5, unstated: 0.25}
sources:
  - {id: s, title: Source}
domains:
  - {id: ai, name: AI}
  - {id: aigc, name: AIGC, parent: ai}
  - {id: design, name: Design}
skills:
  - {id: deep-learning, name: Deep learning, source: s}
  - {id: deep-learning-frameworks, name: DL frameworks, parent: deep-learning, source: s}
  - {id: pytorch, name: PyTorch, parent: deep-learning-frameworks, source: s}
  - {id: python, name: Python, source: s}
  - {id: sql, name: SQL, source: s}
  - {id: drawing, name: Drawing, source: s}
  - {id: communication, name: Communication, source: s}
categories:
  - id: rd
    name: R&D
    barrier: {level: high, skills: [python, deep-learning]}
    domains: [ai]
    source: s
  - id: art
    name: Art
    barrier: {level: moderate, skills: [drawing]}
    domains: [design]
    source: s
  - id: ops
    name: Operations
    barrier: {level: unstated, skills: [communication]}
    domains: [ai]
    source: s
roles:
  - id: ml
    name: ML engineer
    category: rd
    skills:
      - {skill: python, need: essential}
      - {skill: deep-learning-frameworks, need: essential}
      - {skill: sql, need: optional}
    source: s
  - id: researcher
    name: Researcher
    category: rd
    skills:
      - {skill: deep-learning, need: essential, weight: 2}
      - {skill: python, need: essential}
    source: s
  - id: artist
    name: Artist
    category: art
    skills:
      - {skill: drawing, need: essential}
      - {skill: communication, need: optional}
    source: s
  - id: illustrator
    name: Illustrator
    category: art
    skills: [drawing]
    source: s
  - id: b-ops
    name: Ops B
    category: ops
    skills: [communication]
    domains: [aigc]
    source: s
  - id: a-ops
    name: Ops A
    category: ops
    skills: [communication]
    domains: [aigc]
    source: s
certificates:
  - id: ladder
    name: Ladder
    verified_on: 2026-01-01
    syllabus: [sql]
    related_roles: [ml]
    source: s
    levels:
      - {id: junior, name: Junior}
      - id: mid
        name: Mid
        requires:
          any:
            - experience: {domain: aigc, min_years: 1}
            - holds: {certificate: ladder, level: junior}
      - id: senior
        name: Senior
        requires:
          any:
            - experience: {domain: aigc, min_years: 3}
            - holds: {certificate: ladder, level: mid}
  - id: open-b
    name: Open B
    verified_on: 2026-01-01
    source: s
    levels: [{id: standard, name: Standard}]
  - id: open-a
    name: Open A
    verified_on: 2026-01-01
    source: s
    levels: [{id: standard, name: Standard}]
  - id: art-cert
    name: Art certificate
    verified_on: 2026-01-01
    related_roles: [artist]
    source: s
    levels: [{id: standard, name: Standard}]
  - id: later
    name: Later
    verified_on: 2026-01-01
    source: s
    levels:
      - {id: standard, name: Standard, requires: {experience: {domain: ai, min_years: 2}}}
  - id: sooner
    name: Sooner
    verified_on: 2026-01-01
    source: s
    levels:
      - {id: standard, name: Standard, requires: {experience: {domain: ai, min_years: 1}}}
  - id: never
    name: Never
    verified_on: 2026-01-01
    source: s
    levels:
      - {id: standard, name: Standard, requires: {study_hours: {certificate: never, min: 10}}}
)";

const Catalog& cat() {
  static const Catalog c = [] {
    Diagnostics d;
    auto x = load_catalog({InputFile{"matching.yaml", k_catalog}}, d);
    if (!d.items.empty()) FAIL(printed(d));
    return x;
  }();
  return c;
}

const Date k_day{2026, 11, 23};

Profile person(std::vector<std::string> skills, double ai_years = 0) {
  Profile p;
  for (auto& s : skills) p.skills.push_back(ProfileSkill{s, s, std::nullopt, {}});
  p.experience_given = true;
  if (ai_years > 0) {
    ExperienceEntry e;
    e.domains = {"ai"};
    e.years = ai_years;
    p.experience.push_back(e);
  }
  return p;
}

const ScoreTerm* term(const RoleMatch& m, const std::string& id) {
  for (const auto& t : m.terms)
    if (t.id == id) return &t;
  return nullptr;
}

RoleMatch match(const Profile& p, const std::string& role) { return match_role(cat(), p, *cat().role(role), k_day); }

// The catalogue's six roles; a skill listed by df of them weighs ln((6+1)/(df+1)) + 1.
double idf(int df) { return std::log(7.0 / (df + 1)) + 1; }
// df: python 2 (ml, researcher), deep-learning-frameworks 1, sql 1, deep-learning 1,
// drawing 2, communication 3, pytorch 0.
const double k_python = idf(2), k_dlf = idf(1), k_sql = idf(1), k_dl = idf(1), k_pytorch = idf(0);

std::vector<std::string> term_ids(const RoleMatch& m) {
  std::vector<std::string> ids;
  for (const auto& t : m.terms) ids.push_back(t.id);
  return ids;
}

}  // namespace

TEST_CASE("each score term of a role is computed from the catalogue's factors", "[core][matching]") {
  // python (held), deep-learning-frameworks (through pytorch, one level: 0.5), sql missing.
  auto m = match(person({"python", "pytorch"}, 2), "ml");
  CHECK(term_ids(m) == std::vector<std::string>{"essential", "optional", "use", "experience", "barrier"});
  // Each slot weighs weight × IDF: (1·idf(python) + 0.5·idf(dlf)) / (idf(python) + idf(dlf))
  // = (1.8473 + 0.5·2.2528) / 4.1001 ≈ 0.7253.
  double ess = (k_python + 0.5 * k_dlf) / (k_python + k_dlf);
  CHECK(term(m, "essential")->value == Approx(ess));
  CHECK(term(m, "essential")->value == Approx(0.7253).epsilon(1e-3));
  CHECK(term(m, "optional")->value == Approx(0.0));
  // Use: python counts fully, pytorch through its parent (0.5), weighted by IDF:
  // (1.8473 + 0.5·2.9459) / (1.8473 + 2.9459) ≈ 0.6927.
  double use = (k_python + 0.5 * k_pytorch) / (k_python + k_pytorch);
  CHECK(term(m, "use")->value == Approx(use));
  CHECK(term(m, "use")->detail.en == "uses 2 of your 2 skills (rarer skills weigh more)");
  CHECK(term(m, "experience")->value == Approx(0.5));  // 2 of 4 years
  // Barrier: python 1, deep-learning two levels above pytorch 0.25: fit 0.625;
  // high barrier (penalty 1.0) keeps the whole shortfall.
  CHECK(term(m, "barrier")->value == Approx(0.625));
  CHECK(term(m, "essential")->detail.en == "1 of 2 essential skills, 1 partly");
  CHECK(term(m, "optional")->detail.en == "0 of 1 optional skills");
  CHECK(term(m, "experience")->detail.en == "2 years of AI work (full marks at 4 years)");
  CHECK(term(m, "barrier")->detail.en == "barrier high; background met 62%");
  // Without goals, their weight leaves the sum: 0.4 + 0.2 + 0.2 + 0.2 + 0.1 = 1.1.
  // (0.4·0.7253 + 0 + 0.2·0.6927 + 0.2·0.5 + 0.1·0.625) / 1.1 ≈ 0.5374.
  CHECK(m.score == Approx((0.4 * ess + 0.2 * 0 + 0.2 * use + 0.2 * 0.5 + 0.1 * 0.625) / 1.1));
  CHECK(m.score == Approx(0.5374).epsilon(1e-3));
  CHECK(m.matched == std::vector<std::string>{"python"});
  REQUIRE(m.partial.size() == 1);
  CHECK(m.partial[0].required == "deep-learning-frameworks");
  CHECK(m.partial[0].via == "pytorch");
  CHECK(m.partial[0].credit == Approx(0.5));
  CHECK(m.partial[0].essential);
  CHECK(m.missing == std::vector<std::string>{"sql"});
  CHECK(m.missing_essential == std::vector<bool>{false});
}

TEST_CASE("partial credit halves per level up the skill tree and respects weights", "[core][matching]") {
  // deep-learning (weight 2) through pytorch two levels up: 0.25; python 1.
  auto m = match(person({"python", "pytorch"}, 2), "researcher");
  // (2·0.25·idf(dl) + 1·idf(python)) / (2·idf(dl) + idf(python)) = 2.9737 / 6.3528 ≈ 0.4681.
  double ess = (2 * 0.25 * k_dl + 1.0 * k_python) / (2 * k_dl + k_python);
  CHECK(term(m, "essential")->value == Approx(ess));
  CHECK(term(m, "essential")->value == Approx(0.4681).epsilon(1e-3));
  REQUIRE(m.partial.size() == 1);
  CHECK(m.partial[0].credit == Approx(0.25));
  // A role with no optional skills has no optional term: it neither helps nor hurts.
  CHECK(term_ids(m) == std::vector<std::string>{"essential", "use", "experience", "barrier"});
  // Use: python fully, pytorch toward deep-learning two levels up (0.25):
  // (1.8473 + 0.25·2.9459) / 4.7932 ≈ 0.5390.
  double use = (k_python + 0.25 * k_pytorch) / (k_python + k_pytorch);
  CHECK(term(m, "use")->value == Approx(use));
  // (0.4·0.4681 + 0.2·0.5390 + 0.2·0.5 + 0.1·0.625) / 0.9 ≈ 0.5084.
  CHECK(m.score == Approx((0.4 * ess + 0.2 * use + 0.2 * 0.5 + 0.1 * 0.625) / 0.9));
}

TEST_CASE("the partial credit factor comes from the catalogue", "[core][matching]") {
  Catalog c = cat();
  c.scoring.partial_credit = 0.8;
  auto p = person({"pytorch"});
  auto m = match_role(c, p, *c.role("researcher"), k_day);
  REQUIRE(m.partial.size() == 1);
  CHECK(m.partial[0].credit == Approx(0.64));
  auto credit = skill_credit(c, p);
  CHECK(credit.of(c.skill_by_id.at("pytorch")) == 1.0);
  CHECK(credit.of(c.skill_by_id.at("deep-learning-frameworks")) == Approx(0.8));
  CHECK(credit.of(c.skill_by_id.at("deep-learning")) == Approx(0.64));
  CHECK(credit.of(c.skill_by_id.at("python")) == 0.0);
  CHECK(credit.source_of(c.skill_by_id.at("deep-learning")) == c.skill_by_id.at("pytorch"));
}

TEST_CASE("holding a skill and its child gives the skill full credit", "[core][matching]") {
  auto m = match(person({"pytorch", "deep-learning"}), "researcher");
  CHECK(m.matched == std::vector<std::string>{"deep-learning"});
  CHECK(m.partial.empty());
}

TEST_CASE("experience saturates at the catalogue's number of years", "[core][matching]") {
  // sql (an optional skill of ml) is the skill evidence that lets experience count.
  CHECK(term(match(person({"sql"}, 1), "ml"), "experience")->value == Approx(0.25));
  CHECK(term(match(person({"sql"}, 4), "ml"), "experience")->value == Approx(1.0));
  CHECK(term(match(person({"sql"}, 9), "ml"), "experience")->value == Approx(1.0));
  auto none = match(person({"sql"}), "ml");
  CHECK(term(none, "experience")->value == 0.0);
  CHECK(term(none, "experience")->detail.en == "no work in this field's domains");
  // Without any skill of the role, years of work are not counted at all.
  auto gated = match(person({}, 9), "ml");
  CHECK(term(gated, "experience")->value == 0.0);
  CHECK(term(gated, "experience")->detail.en == "not counted: none of your skills matches this role");
}

TEST_CASE("experience counts only in the role's domains, a sub-domain toward its parent", "[core][matching]") {
  // (Each person holds a skill of the role, so experience is counted at all.)
  // artist: design domain; ai work does not count.
  auto artist = match(person({"drawing"}, 3), "artist");
  CHECK(term(artist, "experience")->value == 0.0);
  CHECK(term(artist, "experience")->detail.en == "no work in this field's domains");
  // a-ops overrides its category's domains with aigc: ai work does not count there...
  CHECK(term(match(person({"communication"}, 3), "a-ops"), "experience")->value == 0.0);
  CHECK(term(match(person({"python"}, 3), "ml"), "experience")->value == Approx(0.75));
  // ...but aigc work counts toward an ai role.
  Profile p = person({"python", "communication"});
  ExperienceEntry e;
  e.domains = {"aigc"};
  e.years = 2;
  p.experience.push_back(e);
  CHECK(term(match(p, "ml"), "experience")->value == Approx(0.5));
  CHECK(term(match(p, "a-ops"), "experience")->value == Approx(0.5));
}

TEST_CASE("the barrier term loses the shortfall times the barrier level's penalty", "[core][matching]") {
  // Each person has skill evidence for the role (or aims at it) but none of the
  // category's background skills.
  CHECK(term(match(person({"sql"}), "ml"), "barrier")->value == Approx(0.0));                // high: 1 - 1.0
  CHECK(term(match(person({"communication"}), "artist"), "barrier")->value == Approx(0.5));  // moderate: 1 - 0.5
  auto aims = person({});
  aims.goal_roles = {"a-ops"};                                          // a goal role counts without skill evidence
  CHECK(term(match(aims, "a-ops"), "barrier")->value == Approx(0.75));  // unstated: 1 - 0.25
  CHECK(term(match(aims, "a-ops"), "barrier")->detail.en == "barrier not stated; background met 0%");
  CHECK(term(match(person({"drawing"}), "artist"), "barrier")->value == Approx(1.0));
  // Half the background (python yes, deep-learning no) of a high barrier: 1 - 1.0·0.5.
  CHECK(term(match(person({"python"}), "ml"), "barrier")->value == Approx(0.5));
  // No skill of the role and not a goal: the barrier is not counted.
  auto nobody = person({});
  CHECK(term(match(nobody, "a-ops"), "barrier")->value == 0.0);
  CHECK(term(match(nobody, "a-ops"), "barrier")->detail.en == "not counted: none of your skills matches this role");
  CHECK(term(match(nobody, "artist"), "barrier")->value == 0.0);
}

TEST_CASE("a category barrier that names no background skill gives no barrier term", "[core][matching]") {
  Catalog c = cat();
  for (auto& category : c.categories)
    if (category.id == "art") category.barrier.skills.clear();
  c.index();  // the lookup tables follow the change
  auto m = match_role(c, person({"drawing"}), *c.role("artist"), k_day);
  // Previously the empty background counted as met (1.0); now the term is absent.
  CHECK(term_ids(m) == std::vector<std::string>{"essential", "optional", "use", "experience"});
  CHECK(term(m, "barrier") == nullptr);
  // essential 1, optional 0, use 1, experience 0; weights 0.4 + 0.2 + 0.2 + 0.2 = 1.0.
  CHECK(m.score == Approx(0.4 * 1 + 0.2 * 0 + 0.2 * 1 + 0.2 * 0));
}

TEST_CASE("goals score 1 for a goal role, 0.5 for its category, 0 otherwise", "[core][matching]") {
  auto p = person({"drawing"});
  p.goal_roles = {"artist"};
  CHECK(term(match(p, "artist"), "goals")->value == 1.0);
  CHECK(term(match(p, "illustrator"), "goals")->value == 0.5);  // same category as a goal role
  CHECK(term(match(p, "ml"), "goals")->value == 0.0);
  CHECK(term(match(p, "ml"), "goals")->detail.en == "not among your goals");

  auto q = person({});
  q.goal_categories = {"rd"};
  CHECK(term(match(q, "ml"), "goals")->value == 0.5);
  CHECK(term(match(q, "artist"), "goals")->value == 0.0);
}

TEST_CASE("with goals, all six weights are used", "[core][matching]") {
  auto p = person({"drawing"});
  p.goal_roles = {"artist"};
  auto m = match(p, "artist");
  CHECK(term_ids(m) == std::vector<std::string>{"essential", "optional", "use", "experience", "barrier", "goals"});
  // essential 1, optional 0 (communication), use 1 (drawing is the role's), experience 0,
  // barrier 1, goals 1; weights sum 0.4 + 0.2 + 0.2 + 0.2 + 0.1 + 0.1 = 1.2: 0.8 / 1.2 ≈ 0.6667.
  CHECK(m.score == Approx((0.4 * 1 + 0.2 * 0 + 0.2 * 1 + 0.2 * 0 + 0.1 * 1 + 0.1 * 1) / 1.2));
  bool goal_reason = false;
  for (const auto& r : m.reasons) goal_reason |= r.en == "One of your goal roles";
  CHECK(goal_reason);
}

TEST_CASE("the terms' contributions add up to the score", "[core][matching]") {
  for (const auto& skills : std::vector<std::vector<std::string>>{
           {}, {"python"}, {"python", "pytorch", "sql"}, {"drawing", "communication"}}) {
    for (double years : {0.0, 1.5, 7.0}) {
      auto p = person(skills, years);
      p.goal_roles = years > 1 ? std::vector<std::string>{"illustrator"} : std::vector<std::string>{};
      for (const auto& role : cat().roles) {
        auto m = match_role(cat(), p, role, k_day);
        double sum = 0, wsum = 0;
        for (const auto& t : m.terms) {
          sum += t.contribution;
          wsum += t.weight;
        }
        for (const auto& t : m.terms) CHECK(t.contribution == Approx(t.weight * t.value / wsum));
        CHECK(sum == Approx(m.score));
        CHECK(m.score >= 0.0);
        CHECK(m.score <= 1.0);
      }
    }
  }
}

TEST_CASE("roles with equal scores are ordered by id", "[core][matching]") {
  auto ranked = rank_roles(cat(), person({"communication"}), k_day, "ops");
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].score == ranked[1].score);
  CHECK(ranked[0].role->id == "a-ops");
  CHECK(ranked[1].role->id == "b-ops");
}

TEST_CASE("ranking is best first and a category filter keeps only that category", "[core][matching]") {
  auto ranked = rank_roles(cat(), person({"drawing"}), k_day);
  REQUIRE(ranked.size() == cat().roles.size());
  for (size_t i = 1; i < ranked.size(); ++i) CHECK(ranked[i - 1].score >= ranked[i].score);
  CHECK(ranked[0].role->id == "illustrator");  // all of its one skill, no optional term
  auto art = rank_roles(cat(), person({"drawing"}), k_day, "art");
  REQUIRE(art.size() == 2);
  for (const auto& m : art) CHECK(m.role->category == "art");
}

TEST_CASE("the inverted-index ranking scores every role exactly as match_role does", "[core][matching]") {
  std::vector<Profile> people{person({}), person({"python", "pytorch"}, 2), person({"drawing", "sql"}, 5),
                              person({"deep-learning", "communication"}, 0.5)};
  people[2].goal_categories = {"art"};
  for (const auto& p : people) {
    auto ranked = rank_roles(cat(), p, k_day);
    REQUIRE(ranked.size() == cat().roles.size());
    for (const auto& r : ranked) {
      auto single = match_role(cat(), p, *r.role, k_day);
      INFO(r.role->id);
      CHECK(r.score == single.score);
      CHECK(r.matched == single.matched);
      CHECK(r.missing == single.missing);
      REQUIRE(r.terms.size() == single.terms.size());
      for (size_t i = 0; i < r.terms.size(); ++i) CHECK(r.terms[i].value == single.terms[i].value);
    }
  }
}

TEST_CASE("a limited ranking returns the same best roles as the full one", "[core][matching]") {
  auto p = person({"python", "pytorch", "drawing"}, 2);
  auto all = rank_roles(cat(), p, k_day);
  auto top = rank_roles(cat(), p, k_day, "", 3);
  REQUIRE(top.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(top[i].role->id == all[i].role->id);
    CHECK(top[i].score == all[i].score);
  }
}

TEST_CASE("a role with no matched skill never outranks one with some, unless it is a goal", "[core][matching]") {
  auto evidence = [](const RoleMatch& m) { return !m.matched.empty() || !m.partial.empty(); };
  for (const auto& skills :
       std::vector<std::vector<std::string>>{{"sql"}, {"communication"}, {"pytorch"}, {"drawing"}}) {
    for (double years : {0.0, 2.0, 10.0}) {
      auto ranked = rank_roles(cat(), person(skills, years), k_day);
      INFO(skills.front() << ", " << years << " years");
      bool seen_without = false;
      for (const auto& m : ranked) {
        INFO(m.role->id);
        if (evidence(m)) {
          CHECK_FALSE(seen_without);  // every role with evidence comes first
          CHECK(m.score > 0);
        } else {
          seen_without = true;
          CHECK(m.score == 0.0);  // years of ai work alone earn nothing
          CHECK(term(m, "experience")->value == 0.0);
        }
      }
    }
  }
  // Ten years of AI work and sql: ml (sql) leads; researcher (no skill of it) scores 0.
  auto p = person({"sql"}, 10);
  auto plain = match(p, "researcher");
  CHECK(plain.score == 0.0);
  // As a goal, the same role counts experience (saturated) and the goal:
  // essential 0, use 0, experience 1, barrier 0 (high, none of the background), goals 1;
  // weights 0.4 + 0.2 + 0.2 + 0.1 + 0.1 = 1.0: 0.2 + 0.1 = 0.3.
  p.goal_roles = {"researcher"};
  auto goal = match(p, "researcher");
  CHECK(term(goal, "experience")->value == 1.0);
  CHECK(term(goal, "experience")->detail.en == "10 years of AI work (full marks at 4 years)");
  CHECK(goal.score == Approx(0.3));
  auto ranked = rank_roles(cat(), p, k_day);
  REQUIRE(ranked.size() == cat().roles.size());
  CHECK(ranked[0].role->id == "ml");
  CHECK(ranked[1].role->id == "researcher");  // the goal lifts it above the roles without evidence
  for (size_t i = 2; i < ranked.size(); ++i) CHECK(ranked[i].score == 0.0);
}

TEST_CASE("a rarer matched skill gives a higher essential value than a common one", "[core][matching]") {
  // ml's essential skills: python (listed by 2 of 6 roles) and deep-learning-frameworks (1).
  auto common = match(person({"python"}), "ml");
  auto rare = match(person({"deep-learning-frameworks"}), "ml");
  // 1.8473 / (1.8473 + 2.2528) ≈ 0.4505 and 2.2528 / 4.1001 ≈ 0.5495.
  CHECK(term(common, "essential")->value == Approx(k_python / (k_python + k_dlf)));
  CHECK(term(rare, "essential")->value == Approx(k_dlf / (k_python + k_dlf)));
  CHECK(term(rare, "essential")->value > term(common, "essential")->value);
  CHECK(rare.score > common.score);
  // Same slot weight, same skill count: only the IDF tells them apart.
  CHECK(term(common, "essential")->detail.en == term(rare, "essential")->detail.en);
  CHECK(k_sql == k_dlf);
}

TEST_CASE("a domain that implies a skill gives it partial credit from years of work", "[core][matching]") {
  std::string yaml = k_catalog;
  auto replace = [&](const std::string& from, const std::string& to) {
    auto at = yaml.find(from);
    REQUIRE(at != std::string::npos);
    yaml.replace(at, from.size(), to);
  };
  replace("  - {id: design, name: Design}", "  - {id: design, name: Design, implies: [drawing], source: s}");
  replace("    partial_credit: 0.5\n", "    partial_credit: 0.5\n    inferred_skills: {per_year: 0.1, cap: 0.5}\n");
  Diagnostics d;
  auto c = load_catalog({InputFile{"inferred.yaml", yaml}}, d);
  INFO(printed(d));
  REQUIRE_FALSE(d.has_errors());
  auto designer = [](double years, std::vector<std::string> skills = {}) {
    Profile p = person(std::move(skills));
    ExperienceEntry e;
    e.domains = {"design"};
    e.years = years;
    p.experience.push_back(e);
    return p;
  };
  // 3 years: min(0.5, 3 · 0.1) = 0.3, shown as inferred from design work.
  auto m = match_role(c, designer(3), *c.role("illustrator"), k_day);
  CHECK(m.matched.empty());
  REQUIRE(m.partial.size() == 1);
  CHECK(m.partial[0].required == "drawing");
  CHECK(m.partial[0].credit == Approx(0.3));
  CHECK(m.partial[0].inferred_domain == "design");
  CHECK(m.partial[0].inferred_years == Approx(3));
  CHECK(term(m, "essential")->value == Approx(0.3));
  CHECK(term(m, "use") == nullptr);  // no declared skills: no use term
  // Inferred credit is skill evidence: experience 3/4 and the moderate barrier
  // 1 - 0.5·(1 - 0.3) = 0.65 count. (0.4·0.3 + 0.2·0.75 + 0.1·0.65) / 0.7 ≈ 0.4786.
  CHECK(term(m, "experience")->value == Approx(0.75));
  CHECK(term(m, "barrier")->value == Approx(0.65));
  CHECK(m.score == Approx((0.4 * 0.3 + 0.2 * 0.75 + 0.1 * 0.65) / 0.7));
  bool reason = false;
  for (const auto& r : m.reasons) reason |= r.en == "Drawing inferred from 3 years of design work (30%)";
  CHECK(reason);
  // 8 years: 0.8 is capped at 0.5.
  auto capped = match_role(c, designer(8), *c.role("illustrator"), k_day);
  REQUIRE(capped.partial.size() == 1);
  CHECK(capped.partial[0].credit == Approx(0.5));
  // A declared skill is full credit and not shown as inferred.
  auto declared = match_role(c, designer(8, {"drawing"}), *c.role("illustrator"), k_day);
  CHECK(declared.matched == std::vector<std::string>{"drawing"});
  CHECK(declared.partial.empty());
  // Without `implies` (the test catalogue), design work infers nothing.
  CHECK(match(designer(8), "illustrator").partial.empty());
}

// ---------------------------------------------------------------- certificates

namespace {
std::vector<std::string> cert_order(const std::vector<CertificateSuggestion>& s) {
  std::vector<std::string> ids;
  for (const auto& x : s) ids.push_back(x.certificate->id + "/" + x.suggested.level->id);
  return ids;
}
}  // namespace

TEST_CASE("certificates rank by value, then feasibility, then id; below-floor ones last", "[core][matching]") {
  // Half a year of ongoing ai work: `sooner` opens in 6 months, `later` in 18.
  Profile p = person({"drawing"});
  ExperienceEntry e;
  e.domains = {"ai"};
  e.start = Date{2026, 5, 23};
  p.experience.push_back(e);
  p.goal_roles = {"artist"};
  auto roles = rank_roles(cat(), p, k_day);
  auto certs = rank_certificates(cat(), p, k_day, roles);
  // The goal role (artist) misses no essential skill, so nothing covers a need.
  // art-cert relates to the goal role: covers 0, related 1, suits 0.5 (no soft rule):
  // 0.5·0 + 0.3·1 + 0.2·0.5 = 0.4. Every other certificate: 0.2·0.5 = 0.1, and with
  // covers = related = 0 it is below the floor, so after art-cert. Among those equal
  // scores: eligible now (ladder junior, open-a, open-b) before dated (later, sooner),
  // by id within each; then `never`, which time will not open.
  CHECK(cert_order(certs) == std::vector<std::string>{"art-cert/standard", "ladder/junior", "open-a/standard",
                                                      "open-b/standard", "later/standard", "sooner/standard",
                                                      "never/standard"});
  REQUIRE(certs.size() == 7);
  CHECK(certs[0].score == Approx(0.4));
  CHECK_FALSE(certs[0].below_floor);
  for (size_t i = 1; i < certs.size(); ++i) {
    INFO(certs[i].certificate->id);
    CHECK(certs[i].score == Approx(0.1));
    CHECK(certs[i].below_floor);
  }
  // Dated ones tie on feasibility: the date does not order them, the id does.
  CHECK(certs[4].suggested.earliest_date == Date{2028, 5, 23});
  CHECK(certs[5].suggested.earliest_date == Date{2027, 5, 23});
  CHECK(certs[6].suggested.status == Outcome::not_eligible);
  CHECK_FALSE(certs[6].suggested.earliest_date);
}

TEST_CASE("a higher certificate score beats easier feasibility", "[core][matching]") {
  // `later` (dated: 2028-05-23) is given a syllabus that teaches both essential skills
  // the goal role ml misses: covers 1, related 0, suits 0.5: 0.5 + 0.1 = 0.6.
  // ladder, open today, relates to the goal role: 0.3·1 + 0.2·0.5 = 0.4.
  Catalog c = cat();
  for (auto& cert : c.certificates)
    if (cert.id == "later") cert.syllabus = {"python", "deep-learning-frameworks"};
  c.index();  // the lookup tables follow the change
  Profile p = person({"drawing"});
  ExperienceEntry e;
  e.domains = {"ai"};
  e.start = Date{2026, 5, 23};
  p.experience.push_back(e);
  p.goal_roles = {"ml"};
  auto certs = rank_certificates(c, p, k_day, rank_roles(c, p, k_day));
  REQUIRE(certs.size() == 7);
  CHECK(certs[0].certificate->id == "later");
  CHECK(certs[0].score == Approx(0.6));
  CHECK(certs[0].suggested.earliest_date == Date{2028, 5, 23});
  CHECK(certs[0].covers.size() == 2);
  CHECK(certs[1].certificate->id == "ladder");
  CHECK(certs[1].suggested.status == Outcome::eligible);
  CHECK(certs[1].score == Approx(0.4));
  REQUIRE(certs[1].terms.size() == 3);
  CHECK(certs[1].terms[0].id == "covers");
  CHECK(certs[1].terms[0].value == 0.0);
  CHECK(certs[1].terms[1].id == "related");
  CHECK(certs[1].terms[1].value == 1.0);
  CHECK(certs[1].terms[2].id == "suits");
  CHECK(certs[1].terms[2].value == 0.5);
}

TEST_CASE("a certificate's relevance weighs goals, fitting roles, coverage and the soft rule", "[core][matching]") {
  Profile p = person({"python", "pytorch"});
  auto roles = rank_roles(cat(), p, k_day);
  auto certs = rank_certificates(cat(), p, k_day, roles);
  auto it = std::find_if(certs.begin(), certs.end(), [](const auto& s) { return s.certificate->id == "ladder"; });
  REQUIRE(it != certs.end());
  // No goals; ladder relates to ml, the best-fitting role (weight ml/best = 1), so
  // related = 0.5·1; its syllabus (sql, optional) covers none of the target roles'
  // missing essential skills: covers 0; no soft rule: suits 0.5.
  // 0.5·0 + 0.3·0.5 + 0.2·0.5 = 0.25.
  REQUIRE_FALSE(roles.empty());
  CHECK(roles[0].role->id == "ml");
  double related = 0.5 * match(p, "ml").score / roles[0].score;
  REQUIRE(it->terms.size() == 3);
  CHECK(it->terms[0].value == 0.0);
  CHECK(it->terms[1].value == Approx(related));
  CHECK(it->terms[2].value == 0.5);
  CHECK(it->score == Approx(0.5 * 0 + 0.3 * related + 0.2 * 0.5));
  CHECK(it->score == Approx(0.25));
  CHECK(it->covers.empty());
  CHECK_FALSE(it->below_floor);  // related > 0 and 0.25 ≥ the 0.2 floor
}

TEST_CASE("a certificate below the floor is flagged below_floor", "[core][matching]") {
  // No goals and no skills: nothing is needed, no role fits, so every certificate has
  // covers = related = 0 and is below the floor whatever it suits.
  auto p = person({});
  auto none = rank_certificates(cat(), p, k_day, rank_roles(cat(), p, k_day));
  REQUIRE(none.size() == 7);
  for (const auto& s : none) {
    INFO(s.certificate->id);
    CHECK(s.below_floor);
  }
  // art-cert for the goal artist scores 0.3·1 + 0.2·0.5 = 0.4: above the 0.2 floor...
  auto q = person({"drawing"});
  q.goal_roles = {"artist"};
  auto art = [&](const Catalog& c) {
    auto certs = rank_certificates(c, q, k_day, rank_roles(c, q, k_day));
    return *std::find_if(certs.begin(), certs.end(), [](const auto& s) { return s.certificate->id == "art-cert"; });
  };
  auto above = art(cat());
  CHECK(above.score == Approx(0.4));
  CHECK_FALSE(above.below_floor);
  // ...but below a floor of 0.5, and then ranked after every certificate above it.
  Catalog high = cat();
  high.scoring.certificate_floor = 0.5;
  auto below = art(high);
  CHECK(below.score == Approx(0.4));
  CHECK(below.below_floor);
  // A floor just under its score keeps it.
  Catalog exact = cat();
  exact.scoring.certificate_floor = 0.39;
  CHECK_FALSE(art(exact).below_floor);
}

TEST_CASE("a ladder suggests the highest level open now and the next level as the next step", "[core][matching]") {
  auto ladder = [](const Profile& p) {
    auto certs = rank_certificates(cat(), p, k_day, rank_roles(cat(), p, k_day));
    return *std::find_if(certs.begin(), certs.end(), [](const auto& s) { return s.certificate->id == "ladder"; });
  };
  // Nothing held: junior now, mid next (not eligible, no date).
  auto fresh = ladder(person({}));
  CHECK(fresh.suggested.level->id == "junior");
  REQUIRE(fresh.next_step);
  CHECK(fresh.next_step->level->id == "mid");
  CHECK(fresh.next_step->status == Outcome::not_eligible);
  REQUIRE(fresh.levels.size() == 3);

  // Junior held: mid is open now, senior is the next step.
  Profile junior = person({});
  junior.certificates.push_back(HeldCertificate{"ladder", "junior", Date{2026, 1, 1}, {}});
  auto j = ladder(junior);
  CHECK(j.suggested.level->id == "mid");
  CHECK(j.suggested.status == Outcome::eligible);
  REQUIRE(j.next_step);
  CHECK(j.next_step->level->id == "senior");

  // Mid held: senior is open; there is no step after the top.
  Profile mid = person({});
  mid.certificates.push_back(HeldCertificate{"ladder", "mid", Date{2026, 1, 1}, {}});
  auto m = ladder(mid);
  CHECK(m.suggested.level->id == "senior");
  CHECK_FALSE(m.next_step);

  // An ongoing aigc job of 18 months: mid now, senior from its third anniversary.
  Profile worker = person({});
  ExperienceEntry e;
  e.domains = {"aigc"};
  e.start = Date{2025, 5, 23};
  worker.experience.push_back(e);
  auto w = ladder(worker);
  CHECK(w.suggested.level->id == "mid");
  REQUIRE(w.next_step);
  CHECK(w.next_step->earliest_date == Date{2028, 5, 23});
}

TEST_CASE("certificates_covering finds syllabi that teach a missing skill or its relatives", "[core][matching]") {
  auto cov = certificates_covering(cat(), {"sql"});
  REQUIRE(cov.size() == 1);
  CHECK(cov[0].certificate->id == "ladder");
  CHECK(cov[0].level == nullptr);
  CHECK(cov[0].covers == std::vector<std::string>{"sql"});
  CHECK(certificates_covering(cat(), {"drawing"}).empty());
}

TEST_CASE("a syllabus covers its skill's parts and its direct children, not every descendant", "[core][matching]") {
  Catalog c = cat();
  Certificate broad;
  broad.id = "dl-course";
  broad.syllabus = {"deep-learning"};
  Certificate narrow;
  narrow.id = "torch-course";
  narrow.syllabus = {"pytorch"};
  c.certificates = {broad, narrow};
  auto covers = [&](const std::string& skill) {
    std::vector<std::string> ids;
    for (const auto& cc : certificates_covering(c, {skill})) ids.push_back(cc.certificate->id);
    return ids;
  };
  // Deep learning (the whole) teaches its direct part, DL frameworks, but is too
  // broad a syllabus to promise PyTorch two levels down.
  CHECK(covers("deep-learning-frameworks") == std::vector<std::string>{"dl-course", "torch-course"});
  CHECK(covers("pytorch") == std::vector<std::string>{"torch-course"});
  // A PyTorch syllabus teaches a part of deep learning.
  CHECK(covers("deep-learning") == std::vector<std::string>{"dl-course", "torch-course"});
  CHECK(covers("sql").empty());
}

TEST_CASE("recommend ranks roles and certificates together", "[core][matching]") {
  auto p = person({"drawing"});
  auto rec = recommend(cat(), p, k_day);
  CHECK(rec.as_of == k_day);
  CHECK(rec.roles.size() == cat().roles.size());
  CHECK(rec.certificates.size() == cat().certificates.size());
  CHECK(rec.roles[0].role->id == "illustrator");
}

TEST_CASE("coverage_prior shrinks essential coverage as if the role asked for more typical skills",
          "[core][matching]") {
  auto load_with = [](const std::string& prior) {
    std::string yaml = k_catalog;
    auto at = yaml.find("coverage_prior: 0");
    REQUIRE(at != std::string::npos);
    yaml.replace(at, std::string("coverage_prior: 0").size(), "coverage_prior: " + prior);
    Diagnostics d;
    auto c = load_catalog({InputFile{"prior.yaml", yaml}}, d);
    INFO(printed(d));
    REQUIRE_FALSE(d.has_errors());
    return c;
  };
  auto none = load_with("0"), one = load_with("1"), two = load_with("2");
  auto essential = [](const Catalog& c, const char* role, std::vector<std::string> skills) {
    auto m = match_role(c, person(std::move(skills)), *c.role(role), k_day);
    for (const auto& t : m.terms)
      if (t.id == "essential") return t.value;
    FAIL("no essential term");
    return 0.0;
  };
  // The illustrator asks for drawing only: full coverage unshrunk, w/(w + typical) with one.
  CHECK(essential(none, "illustrator", {"drawing"}) == Approx(1.0));
  size_t ri = one.role_by_id.at("illustrator");
  double w = one.role_essential_weight[ri];
  CHECK(one.typical_skill_weight > 0);
  CHECK(essential(one, "illustrator", {"drawing"}) == Approx(w / (w + one.typical_skill_weight)));
  CHECK(essential(two, "illustrator", {"drawing"}) == Approx(w / (w + 2 * two.typical_skill_weight)));
  // A role asking for more skills loses less to the same prior.
  double ml_none = essential(none, "ml", {"python", "pytorch"}), ml_one = essential(one, "ml", {"python", "pytorch"});
  CHECK(ml_one < ml_none);
  CHECK(ml_one / ml_none > essential(one, "illustrator", {"drawing"}));
}

TEST_CASE("a role's own barrier (an O*NET Job Zone) is a term only where the education falls short",
          "[core][matching]") {
  std::string yaml = std::string(k_catalog) + R"(education:
  - {id: associate, name: Associate, isced: "5"}
  - {id: bachelor, name: Bachelor, isced: "6"}
  - {id: master, name: Master, isced: "7"}
)";
  auto at = yaml.find("  - id: illustrator\n");
  REQUIRE(at != std::string::npos);
  yaml.insert(at, "  - {id: zoned, name: Zoned, category: art, barrier: high, skills: [drawing], source: s}\n");
  Diagnostics d;
  auto c = load_catalog({InputFile{"zones.yaml", yaml}}, d);
  INFO(printed(d));
  REQUIRE_FALSE(d.has_errors());
  auto term = [&](const std::string& education) -> std::optional<ScoreTerm> {
    Profile p = person({"drawing"});
    p.education = education;
    auto m = match_role(c, p, *c.role("zoned"), k_day);
    for (const auto& t : m.terms)
      if (t.id == "barrier") return t;
    return std::nullopt;
  };
  CHECK_FALSE(term("master"));  // a graduate barrier met: no term (no evidence of fit either way)
  CHECK_FALSE(term(""));        // education not stated: no term
  auto one_short = term("bachelor");
  REQUIRE(one_short);
  CHECK(one_short->value == Approx(0.5));  // 1 - penalty(high = 1.0) x (1 - 0.5)
  CHECK(one_short->detail.en.find("one level short") != std::string::npos);
  auto short_more = term("associate");
  REQUIRE(short_more);
  CHECK(short_more->value == Approx(0.0));
}
