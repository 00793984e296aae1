// Role scores on a small hand-made catalogue, term by term, and certificate ranking.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <algorithm>

#include "advisor/loader.hpp"
#include "advisor/matching.hpp"

using namespace advisor;
using advisor::testing::printed;

namespace {

// Weights sum to 1.0 with goals, 0.9 without. Partial credit 0.5 per level up;
// experience saturates at 4 years; barrier penalties differ per level.
const char* k_catalog = R"(catalog:
  id: matching-test
  scoring:
    weights: {essential: 0.4, optional: 0.2, experience: 0.2, barrier: 0.1, goals: 0.1}
    partial_credit: 0.5
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

std::vector<std::string> term_ids(const RoleMatch& m) {
  std::vector<std::string> ids;
  for (const auto& t : m.terms) ids.push_back(t.id);
  return ids;
}

} // namespace

TEST_CASE("each score term of a role is computed from the catalogue's factors", "[core][matching]") {
  // python (held), deep-learning-frameworks (through pytorch, one level: 0.5), sql missing.
  auto m = match(person({"python", "pytorch"}, 2), "ml");
  CHECK(term_ids(m) == std::vector<std::string>{"essential", "optional", "experience", "barrier"});
  CHECK(term(m, "essential")->value == Approx(0.75));  // (1 + 0.5) / 2
  CHECK(term(m, "optional")->value == Approx(0.0));
  CHECK(term(m, "experience")->value == Approx(0.5));  // 2 of 4 years
  // Barrier: python 1, deep-learning two levels above pytorch 0.25: fit 0.625;
  // high barrier (penalty 1.0) keeps the whole shortfall.
  CHECK(term(m, "barrier")->value == Approx(0.625));
  CHECK(term(m, "essential")->detail.en == "1 of 2 essential skills, 1 partly");
  CHECK(term(m, "optional")->detail.en == "0 of 1 optional skills");
  CHECK(term(m, "experience")->detail.en == "2 years of AI work (full marks at 4 years)");
  CHECK(term(m, "barrier")->detail.en == "barrier high; background met 62%");
  // Without goals, their weight leaves the sum: 0.4 + 0.2 + 0.2 + 0.1 = 0.9.
  CHECK(m.score == Approx((0.4 * 0.75 + 0.2 * 0 + 0.2 * 0.5 + 0.1 * 0.625) / 0.9));
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
  CHECK(term(m, "essential")->value == Approx((2 * 0.25 + 1 * 1.0) / 3));
  REQUIRE(m.partial.size() == 1);
  CHECK(m.partial[0].credit == Approx(0.25));
  // A role with no optional skills has no optional term: it neither helps nor hurts.
  CHECK(term_ids(m) == std::vector<std::string>{"essential", "experience", "barrier"});
  CHECK(m.score == Approx((0.4 * 0.5 + 0.2 * 0.5 + 0.1 * 0.625) / 0.7));
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
  CHECK(term(match(person({}, 1), "ml"), "experience")->value == Approx(0.25));
  CHECK(term(match(person({}, 4), "ml"), "experience")->value == Approx(1.0));
  CHECK(term(match(person({}, 9), "ml"), "experience")->value == Approx(1.0));
  auto none = match(person({}), "ml");
  CHECK(term(none, "experience")->value == 0.0);
  CHECK(term(none, "experience")->detail.en == "no work in this field's domains");
}

TEST_CASE("experience counts only in the role's domains, a sub-domain toward its parent", "[core][matching]") {
  // artist: design domain; ai work does not count.
  CHECK(term(match(person({}, 3), "artist"), "experience")->value == 0.0);
  // a-ops overrides its category's domains with aigc: ai work does not count there...
  CHECK(term(match(person({}, 3), "a-ops"), "experience")->value == 0.0);
  // ...but aigc work counts toward an ai role.
  Profile p = person({});
  ExperienceEntry e;
  e.domains = {"aigc"};
  e.years = 2;
  p.experience.push_back(e);
  CHECK(term(match(p, "ml"), "experience")->value == Approx(0.5));
  CHECK(term(match(p, "a-ops"), "experience")->value == Approx(0.5));
}

TEST_CASE("the barrier term loses the shortfall times the barrier level's penalty", "[core][matching]") {
  auto nobody = person({});
  CHECK(term(match(nobody, "ml"), "barrier")->value == Approx(0.0));       // high: 1 - 1.0
  CHECK(term(match(nobody, "artist"), "barrier")->value == Approx(0.5));   // moderate: 1 - 0.5
  CHECK(term(match(nobody, "a-ops"), "barrier")->value == Approx(0.75));   // unstated: 1 - 0.25
  CHECK(term(match(person({"drawing"}), "artist"), "barrier")->value == Approx(1.0));
  CHECK(term(match(nobody, "a-ops"), "barrier")->detail.en == "barrier not stated; background met 0%");
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

TEST_CASE("with goals, all five weights are used", "[core][matching]") {
  auto p = person({"drawing"});
  p.goal_roles = {"artist"};
  auto m = match(p, "artist");
  // essential 1, optional 0 (communication), experience 0, barrier 1, goals 1; weights sum 1.0.
  CHECK(m.score == Approx(0.4 * 1 + 0.2 * 0 + 0.2 * 0 + 0.1 * 1 + 0.1 * 1));
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

// ---------------------------------------------------------------- certificates

namespace {
std::vector<std::string> cert_order(const std::vector<CertificateSuggestion>& s) {
  std::vector<std::string> ids;
  for (const auto& x : s) ids.push_back(x.certificate->id + "/" + x.suggested.level->id);
  return ids;
}
} // namespace

TEST_CASE("certificates rank eligible now first, then by date, then by score, then by id", "[core][matching]") {
  // Half a year of ongoing ai work: `sooner` opens in 6 months, `later` in 18.
  Profile p = person({"drawing"});
  ExperienceEntry e;
  e.domains = {"ai"};
  e.start = Date{2026, 5, 23};
  p.experience.push_back(e);
  p.goal_roles = {"artist"};
  auto roles = rank_roles(cat(), p, k_day);
  auto certs = rank_certificates(cat(), p, k_day, roles);
  // Eligible now: art-cert (related to the goal role: the highest score), then
  // ladder (junior), open-a, open-b with equal scores: by id. Then by date:
  // sooner (2027-05-23), later (2028-05-23). Then `never`, which time will not open.
  CHECK(cert_order(certs) == std::vector<std::string>{"art-cert/standard", "ladder/junior", "open-a/standard",
                                                      "open-b/standard", "sooner/standard", "later/standard",
                                                      "never/standard"});
  CHECK(certs[0].score > certs[1].score);
  CHECK(certs[2].score == certs[3].score);
  CHECK(certs[4].suggested.earliest_date == Date{2027, 5, 23});
  CHECK(certs[5].suggested.earliest_date == Date{2028, 5, 23});
  CHECK_FALSE(certs[6].suggested.earliest_date);
}

TEST_CASE("a certificate's relevance weighs goals, fitting roles, coverage and the soft rule", "[core][matching]") {
  Profile p = person({"python", "pytorch"});
  auto roles = rank_roles(cat(), p, k_day);
  auto certs = rank_certificates(cat(), p, k_day, roles);
  auto it = std::find_if(certs.begin(), certs.end(), [](const auto& s) { return s.certificate->id == "ladder"; });
  REQUIRE(it != certs.end());
  // No goals; ladder relates to ml (a top-five role); its syllabus (sql) covers none
  // of the top roles' missing essential skills; no soft rule: 0.5.
  double ml_score = match(p, "ml").score;
  CHECK(it->score == Approx(0.4 * 0 + 0.3 * ml_score + 0.2 * 0 + 0.1 * 0.5));
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

TEST_CASE("a syllabus covers its skill's parts and its direct children, not every descendant",
          "[core][matching]") {
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
