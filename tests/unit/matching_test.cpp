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

// Weights sum to 1.2 with every term, 1.1 without goals. A skill proves its parent in
// full (up credit 1); a general skill counts partial credit 0.5 per level down (two at
// most); experience saturates at 4 years; barrier penalties differ per level.
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

bool has_term(const RoleMatch& m, const std::string& id) {
  return std::any_of(m.terms.begin(), m.terms.end(), [&](const ScoreTerm& t) { return t.id == id; });
}

/// The term `id` of a match; a test fails (it does not crash) when the term is missing.
const ScoreTerm& term(const RoleMatch& m, const std::string& id) {
  const ScoreTerm* found = nullptr;
  for (const auto& t : m.terms)
    if (t.id == id) found = &t;
  INFO("term " << id);
  REQUIRE(found != nullptr);
  return *found;
}

RoleMatch match(const Profile& p, const std::string& role) {
  return match_role(cat(), p, advisor::testing::found(cat().role(role)), k_day);
}

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

/// The test catalogue with some of its text replaced (each `from` must occur in it).
Catalog variant(const std::vector<std::pair<std::string, std::string>>& edits) {
  std::string yaml = k_catalog;
  for (const auto& [from, to] : edits) {
    auto at = yaml.find(from);
    REQUIRE(at != std::string::npos);
    yaml.replace(at, from.size(), to);
  }
  Diagnostics d;
  auto c = load_catalog({InputFile{"variant.yaml", yaml}}, d);
  INFO(printed(d));
  REQUIRE_FALSE(d.has_errors());
  return c;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool reason_says(const RoleMatch& m, const std::string& en) {
  return std::any_of(m.reasons.begin(), m.reasons.end(), [&](const Text& r) { return r.en == en; });
}

}  // namespace

TEST_CASE("each score term of a role is computed from the catalogue's factors", "[core][matching]") {
  // python (held), deep-learning-frameworks (proven in full by pytorch, its child: up
  // credit 1 per edge), sql missing.
  auto m = match(person({"python", "pytorch"}, 2), "ml");
  CHECK(term_ids(m) == std::vector<std::string>{"essential", "optional", "use", "experience", "barrier"});
  // Each slot weighs weight × IDF: (1·idf(python) + 1·idf(dlf)) / (idf(python) + idf(dlf)) = 1.
  CHECK(term(m, "essential").value == Approx((k_python + 1.0 * k_dlf) / (k_python + k_dlf)));
  CHECK(term(m, "essential").value == Approx(1.0));
  CHECK(term(m, "optional").value == Approx(0.0));
  // Use: python counts fully, pytorch through its parent deep-learning-frameworks (credit
  // 1), weighted by IDF: (1.8473 + 1·2.9459) / (1.8473 + 2.9459) = 1.
  double use = (k_python + 1.0 * k_pytorch) / (k_python + k_pytorch);
  CHECK(term(m, "use").value == Approx(use));
  CHECK(term(m, "use").value == Approx(1.0));
  CHECK(term(m, "use").detail.en == "uses 2 of your 2 skills (rarer skills weigh more)");
  // Experience: 2 of 4 years, times the share of ml's core skills shown (both: 1) = 0.5.
  CHECK(term(m, "experience").value == Approx(0.5));
  // Barrier: python 1, deep-learning two levels above pytorch 1·1 = 1: fit 1, so the
  // high barrier (penalty 1.0) takes nothing.
  CHECK(term(m, "barrier").value == Approx(1.0));
  CHECK(term(m, "essential").detail.en == "2 of 2 essential skills");
  CHECK(term(m, "optional").detail.en == "0 of 1 optional skills");
  CHECK(term(m, "experience").detail.en == "2 years of AI work (full marks at 4 years)");
  CHECK(term(m, "barrier").detail.en == "barrier high; background met 100%");
  // Without goals, their weight leaves the sum: 0.4 + 0.2 + 0.2 + 0.2 + 0.1 = 1.1.
  // (0.4·1 + 0.2·0 + 0.2·1 + 0.2·0.5 + 0.1·1) / 1.1 = 0.8 / 1.1 ≈ 0.7273.
  CHECK(m.score == Approx((0.4 * 1 + 0.2 * 0 + 0.2 * 1 + 0.2 * 0.5 + 0.1 * 1) / 1.1));
  CHECK(m.score == Approx(0.7273).epsilon(1e-3));
  CHECK(m.fit == "strong");  // ≥ 0.6
  CHECK(m.evidence == std::vector<std::string>{"skills", "experience"});
  CHECK(m.matched == std::vector<std::string>{"python", "deep-learning-frameworks"});
  // deep-learning-frameworks is met through the person's pytorch, not declared itself.
  REQUIRE(m.proven.size() == 1);
  CHECK(m.proven[0].required == "deep-learning-frameworks");
  CHECK(m.proven[0].via == "pytorch");
  CHECK(m.proven[0].credit == Approx(1.0));
  CHECK(m.proven[0].essential);
  CHECK(m.proven[0].evidence == Evidence::declared);
  CHECK(reason_says(m, "DL frameworks through your PyTorch"));
  CHECK(m.partial.empty());
  CHECK(m.missing == std::vector<std::string>{"sql"});
  CHECK(m.missing_essential == std::vector<bool>{false});
  CHECK(m.also_asked.empty());
}

TEST_CASE("a skill proves its ancestors in full, a parent_credit edge scales that, and weights count",
          "[core][matching]") {
  // deep-learning (weight 2) two levels above pytorch: 1·1 = 1; python 1.
  auto m = match(person({"python", "pytorch"}, 2), "researcher");
  // (2·1·idf(dl) + 1·idf(python)) / (2·idf(dl) + idf(python)) = 1.
  CHECK(term(m, "essential").value == Approx((2 * 1.0 * k_dl + 1.0 * k_python) / (2 * k_dl + k_python)));
  CHECK(m.partial.empty());
  REQUIRE(m.proven.size() == 1);
  CHECK(m.proven[0].required == "deep-learning");
  CHECK(m.proven[0].via == "pytorch");
  CHECK(m.proven[0].credit == 1.0);
  // A role with no optional skills has no optional term: it neither helps nor hurts.
  CHECK(term_ids(m) == std::vector<std::string>{"essential", "use", "experience", "barrier"});
  // Use: python fully, pytorch toward deep-learning two levels up (1): 1.
  CHECK(term(m, "use").value == Approx(1.0));
  // (0.4·1 + 0.2·1 + 0.2·0.5 + 0.1·1) / 0.9 = 0.8 / 0.9 ≈ 0.8889.
  CHECK(m.score == Approx((0.4 * 1 + 0.2 * 1 + 0.2 * 0.5 + 0.1 * 1) / 0.9));

  // An edge that proves less: pytorch proves its frameworks 0.8, the frameworks prove
  // deep learning 0.5, so pytorch proves deep learning 0.8·0.5 = 0.4. (The roles are
  // the same, so the IDFs are too.)
  auto c = variant({{"parent: deep-learning-frameworks, source: s}",
                     "parent: deep-learning-frameworks, parent_credit: 0.8, source: s}"},
                    {"parent: deep-learning, source: s}", "parent: deep-learning, parent_credit: 0.5, source: s}"}});
  auto credit = skill_credit(c, person({"pytorch"}));
  CHECK(credit.of(c.skill_by_id.at("pytorch")) == 1.0);
  CHECK(credit.of(c.skill_by_id.at("deep-learning-frameworks")) == Approx(0.8));
  CHECK(credit.of(c.skill_by_id.at("deep-learning")) == Approx(0.4));
  auto scaled = match_role(c, person({"python", "pytorch"}, 2), *c.role("researcher"), k_day);
  REQUIRE(scaled.partial.size() == 1);
  CHECK(scaled.partial[0].required == "deep-learning");
  CHECK(scaled.partial[0].via == "pytorch");
  CHECK(scaled.partial[0].credit == Approx(0.4));
  CHECK(scaled.matched == std::vector<std::string>{"python"});
  // (2·0.4·idf(dl) + idf(python)) / (2·idf(dl) + idf(python)) = 3.6495 / 6.3529 ≈ 0.5745.
  double ess = (2 * 0.4 * k_dl + k_python) / (2 * k_dl + k_python);
  CHECK(term(scaled, "essential").value == Approx(ess));
  CHECK(term(scaled, "essential").value == Approx(0.5745).epsilon(1e-3));
  CHECK(term(scaled, "essential").detail.en == "1 of 2 essential skills, 1 partly");
  // Use: python 1, pytorch toward deep-learning 0.4: (1.8473 + 0.4·2.9459) / 4.7932 ≈ 0.6312.
  double use = (k_python + 0.4 * k_pytorch) / (k_python + k_pytorch);
  CHECK(term(scaled, "use").value == Approx(use));
  // Experience: 2 of 4 years times the core share (every essential skill is core: ess) ≈ 0.2872.
  CHECK(term(scaled, "experience").value == Approx(0.5 * ess));
  // Barrier: python 1, deep-learning 0.4: 0.7.
  CHECK(term(scaled, "barrier").value == Approx(0.7));
  // (0.4·0.5745 + 0.2·0.6312 + 0.2·0.2872 + 0.1·0.7) / 0.9 ≈ 0.5372.
  CHECK(scaled.score == Approx((0.4 * ess + 0.2 * use + 0.2 * 0.5 * ess + 0.1 * 0.7) / 0.9));
  CHECK(scaled.score == Approx(0.5372).epsilon(1e-3));
  CHECK(reason_says(scaled, "PyTorch counts partly toward Deep learning (40%)"));

  // The other way, a general skill counts partial_credit (0.5) toward a child asked for.
  auto general = match(person({"deep-learning"}), "ml");
  REQUIRE(general.partial.size() == 1);
  CHECK(general.partial[0].required == "deep-learning-frameworks");
  CHECK(general.partial[0].via == "deep-learning");
  CHECK(general.partial[0].credit == Approx(0.5));
}

TEST_CASE("the up and partial credit factors come from the catalogue", "[core][matching]") {
  // partial_credit: down the tree, per level (two at most).
  Catalog c = cat();
  c.scoring.partial_credit = 0.8;
  auto p = person({"deep-learning"});
  auto m = match_role(c, p, *c.role("ml"), k_day);
  REQUIRE(m.partial.size() == 1);
  CHECK(m.partial[0].credit == Approx(0.8));
  auto credit = skill_credit(c, p);
  CHECK(credit.of(c.skill_by_id.at("deep-learning")) == 1.0);
  CHECK(credit.of(c.skill_by_id.at("deep-learning-frameworks")) == Approx(0.8));
  CHECK(credit.of(c.skill_by_id.at("pytorch")) == Approx(0.64));  // 0.8²
  CHECK(credit.of(c.skill_by_id.at("python")) == 0.0);
  CHECK(credit.source_of(c.skill_by_id.at("pytorch")) == c.skill_by_id.at("deep-learning"));
  // scoring.evidence.up: up the tree, per edge, where no parent_credit says otherwise.
  auto up = variant({{"    partial_credit: 0.5\n", "    partial_credit: 0.5\n    evidence: {up: 0.8}\n"}});
  CHECK(up.scoring.up_credit == Approx(0.8));
  auto from_pytorch = skill_credit(up, person({"pytorch"}));
  CHECK(from_pytorch.of(up.skill_by_id.at("pytorch")) == 1.0);
  CHECK(from_pytorch.of(up.skill_by_id.at("deep-learning-frameworks")) == Approx(0.8));
  CHECK(from_pytorch.of(up.skill_by_id.at("deep-learning")) == Approx(0.64));
  CHECK(from_pytorch.source_of(up.skill_by_id.at("deep-learning")) == up.skill_by_id.at("pytorch"));
  auto r = match_role(up, person({"pytorch"}), *up.role("researcher"), k_day);
  REQUIRE(r.partial.size() == 1);
  CHECK(r.partial[0].credit == Approx(0.64));
}

TEST_CASE("a general skill counts partly toward the skills beneath it: two levels down at most", "[core][matching]") {
  // A fourth level under pytorch, to see where the down credit stops.
  auto c = variant({{"  - {id: python, name: Python, source: s}\n",
                     "  - {id: torchvision, name: TorchVision, parent: pytorch, source: s}\n"
                     "  - {id: python, name: Python, source: s}\n"}});
  auto credit = skill_credit(c, person({"deep-learning"}));
  size_t dl = c.skill_by_id.at("deep-learning"), dlf = c.skill_by_id.at("deep-learning-frameworks"),
         torch = c.skill_by_id.at("pytorch"), vision = c.skill_by_id.at("torchvision");
  CHECK(credit.of(dl) == 1.0);
  CHECK(credit.of(dlf) == Approx(0.5));     // one level down: 0.5
  CHECK(credit.of(torch) == Approx(0.25));  // two levels down: 0.5²
  CHECK(credit.of(vision) == 0.0);          // three levels down: nothing
  CHECK(credit.source_of(dlf) == dl);
  CHECK(credit.source_of(torch) == dl);
  CHECK(credit.evidence_of(torch).first == Evidence::declared);
  CHECK(credit.of(c.skill_by_id.at("python")) == 0.0);  // another tree: nothing

  // ml with python and deep-learning: deep-learning-frameworks at 0.5.
  auto m = match(person({"python", "deep-learning"}, 2), "ml");
  CHECK(m.matched == std::vector<std::string>{"python"});
  CHECK(m.proven.empty());
  REQUIRE(m.partial.size() == 1);
  CHECK(m.partial[0].required == "deep-learning-frameworks");
  CHECK(m.partial[0].via == "deep-learning");
  CHECK(m.partial[0].credit == Approx(0.5));
  CHECK(m.partial[0].evidence == Evidence::declared);
  // (idf(python) + 0.5·idf(dlf)) / (idf(python) + idf(dlf)) = (1.8473 + 1.1264) / 4.1001 ≈ 0.7253.
  double ess = (k_python + 0.5 * k_dlf) / (k_python + k_dlf);
  CHECK(term(m, "essential").value == Approx(ess));
  CHECK(term(m, "essential").value == Approx(0.7253).epsilon(1e-3));
  CHECK(term(m, "essential").detail.en == "1 of 2 essential skills, 1 partly");
  // Use counts a declared skill toward itself and its ancestors only: deep-learning is
  // no skill of ml, so use = idf(python) / (idf(python) + idf(dl)) = 1.8473 / 4.1001 ≈ 0.4505.
  double use = k_python / (k_python + k_dl);
  CHECK(term(m, "use").value == Approx(use));
  CHECK(term(m, "use").detail.en == "uses 1 of your 2 skills (rarer skills weigh more)");
  // Experience: 2 of 4 years times the core share 0.7253 ≈ 0.3626; barrier: python 1,
  // deep-learning 1: 1.
  CHECK(term(m, "experience").value == Approx(0.5 * ess));
  CHECK(term(m, "barrier").value == Approx(1.0));
  // (0.4·0.7253 + 0.2·0 + 0.2·0.4505 + 0.2·0.3626 + 0.1·1) / 1.1 ≈ 0.5025: a good fit.
  CHECK(m.score == Approx((0.4 * ess + 0.2 * use + 0.2 * 0.5 * ess + 0.1 * 1) / 1.1));
  CHECK(m.score == Approx(0.5025).epsilon(1e-3));
  CHECK(m.fit == "good");
  CHECK(reason_says(m, "Deep learning counts partly toward DL frameworks (50%)"));
}

TEST_CASE("holding a skill and its child gives the skill full credit", "[core][matching]") {
  auto m = match(person({"pytorch", "deep-learning"}), "researcher");
  CHECK(m.matched == std::vector<std::string>{"deep-learning"});
  CHECK(m.partial.empty());
}

TEST_CASE("experience saturates at the catalogue's number of years", "[core][matching]") {
  // The person shows both of ml's core (essential) skills, so the core share is 1 and
  // the term is min(1, years / 4).
  auto core = [](double years) { return person({"python", "deep-learning-frameworks"}, years); };
  CHECK(term(match(core(1), "ml"), "experience").value == Approx(0.25));
  CHECK(term(match(core(4), "ml"), "experience").value == Approx(1.0));
  CHECK(term(match(core(9), "ml"), "experience").value == Approx(1.0));
  auto none = match(core(0), "ml");
  CHECK(term(none, "experience").value == 0.0);
  CHECK(term(none, "experience").detail.en == "no work in this field's domains");
  // Years in the role's domains count only as far as they show the role's core skills:
  // with none of them shown, nine years of ai work are no evidence of fit for ml, which
  // is gated, and its years are not counted.
  for (const auto& gated : {match(person({}, 9), "ml"), match(person({}), "ml")}) {
    CHECK(gated.evidence.empty());
    CHECK(gated.score == 0.0);
    CHECK(gated.fit.empty());
    CHECK(term(gated, "experience").value == 0.0);
    CHECK(term(gated, "experience").detail.en == "not counted: none of your skills matches this role");
  }
  // Some core skill shown: the years count, times the share shown (python: 0.4505).
  auto some = match(person({"python"}, 9), "ml");
  CHECK(some.evidence == std::vector<std::string>{"skills", "experience"});
  CHECK(term(some, "experience").value == Approx(k_python / (k_python + k_dlf)));
}

TEST_CASE("experience counts only in the role's domains, a sub-domain toward its parent", "[core][matching]") {
  // (Each person shows all of the role's core skills, so the core share is 1.)
  // artist: design domain; ai work does not count.
  auto artist = match(person({"drawing"}, 3), "artist");
  CHECK(term(artist, "experience").value == 0.0);
  CHECK(term(artist, "experience").detail.en == "no work in this field's domains");
  // a-ops overrides its category's domains with aigc: ai work does not count there...
  CHECK(term(match(person({"communication"}, 3), "a-ops"), "experience").value == 0.0);
  CHECK(term(match(person({"python", "deep-learning-frameworks"}, 3), "ml"), "experience").value == Approx(0.75));
  // ...but aigc work counts toward an ai role.
  Profile p = person({"python", "deep-learning-frameworks", "communication"});
  ExperienceEntry e;
  e.domains = {"aigc"};
  e.years = 2;
  p.experience.push_back(e);
  CHECK(term(match(p, "ml"), "experience").value == Approx(0.5));
  CHECK(term(match(p, "a-ops"), "experience").value == Approx(0.5));
}

TEST_CASE("the experience term is scaled by the share of the role's core skills shown", "[core][matching]") {
  // ml's core skills: python (idf 1.8473) and deep-learning-frameworks (2.2528).
  // python alone, 2 years: 2/4 · 1.8473 / 4.1001 = 0.5 · 0.4505 ≈ 0.2253.
  auto half = match(person({"python"}, 2), "ml");
  double share = k_python / (k_python + k_dlf);
  CHECK(term(half, "experience").value == Approx(0.5 * share));
  CHECK(term(half, "experience").value == Approx(0.2253).epsilon(1e-3));
  CHECK(term(half, "experience").detail.en ==
        "2 years of AI work (full marks at 4 years), counted for the 45% of the role's core skills you show");
  // Both, 2 years: 0.5 · 1.
  CHECK(term(match(person({"python", "pytorch"}, 2), "ml"), "experience").value == Approx(0.5));
  // A partial credit counts its share: deep-learning gives the frameworks 0.5, so
  // (1.8473 + 0.5·2.2528) / 4.1001 ≈ 0.7253 of 4/4 years.
  CHECK(term(match(person({"python", "deep-learning"}, 4), "ml"), "experience").value ==
        Approx((k_python + 0.5 * k_dlf) / (k_python + k_dlf)));
  // An optional skill is no core skill: sql with 4 years gives no experience.
  CHECK(term(match(person({"sql"}, 4), "ml"), "experience").value == 0.0);
  // The weight counts: researcher's deep-learning weighs 2, so python alone with 4 years
  // shows 1.8473 / (2·2.2528 + 1.8473) ≈ 0.2908 of the core.
  auto researcher = match(person({"python"}, 4), "researcher");
  CHECK(term(researcher, "experience").value == Approx(k_python / (2 * k_dl + k_python)));
  CHECK(term(researcher, "experience").value == Approx(0.2908).epsilon(1e-3));
  // A role whose essential skills are all transversal has no core: the share is 1.
  auto c = variant({{"  - {id: communication, name: Communication, source: s}",
                     "  - {id: communication, name: Communication, transversal: true, source: s}"}});
  size_t ri = c.role_by_id.at("a-ops");
  CHECK(c.role_core_weight[ri] == 0.0);
  Profile p = person({"communication"});
  ExperienceEntry e;
  e.domains = {"aigc"};
  e.years = 2;
  p.experience.push_back(e);
  auto ops = match_role(c, p, *c.role("a-ops"), k_day);
  CHECK(ops.evidence == std::vector<std::string>{"experience"});  // the transversal skill is none
  CHECK(term(ops, "experience").value == Approx(0.5));            // 2/4 · 1
  CHECK(term(ops, "experience").detail.en == "2 years of AIGC work (full marks at 4 years)");
}

TEST_CASE("the barrier term loses the shortfall times the barrier level's penalty", "[core][matching]") {
  // Each person has skill evidence for the role (or aims at it) but none of the
  // category's background skills.
  CHECK(term(match(person({"sql"}), "ml"), "barrier").value == Approx(0.0));                // high: 1 - 1.0
  CHECK(term(match(person({"communication"}), "artist"), "barrier").value == Approx(0.5));  // moderate: 1 - 0.5
  auto aims = person({});
  aims.goal_roles = {"a-ops"};                                         // a goal role counts without skill evidence
  CHECK(term(match(aims, "a-ops"), "barrier").value == Approx(0.75));  // unstated: 1 - 0.25
  CHECK(term(match(aims, "a-ops"), "barrier").detail.en == "barrier not stated; background met 0%");
  CHECK(term(match(person({"drawing"}), "artist"), "barrier").value == Approx(1.0));
  // Half the background (python yes, deep-learning no) of a high barrier: 1 - 1.0·0.5.
  CHECK(term(match(person({"python"}), "ml"), "barrier").value == Approx(0.5));
  // No skill of the role and not a goal: the barrier is not counted.
  auto nobody = person({});
  CHECK(term(match(nobody, "a-ops"), "barrier").value == 0.0);
  CHECK(term(match(nobody, "a-ops"), "barrier").detail.en == "not counted: none of your skills matches this role");
  CHECK(term(match(nobody, "artist"), "barrier").value == 0.0);
}

TEST_CASE("a category barrier that names no background skill gives no barrier term", "[core][matching]") {
  Catalog c = cat();
  for (auto& category : c.categories)
    if (category.id == "art") category.barrier.skills.clear();
  c.index();  // the lookup tables follow the change
  auto m = match_role(c, person({"drawing"}), *c.role("artist"), k_day);
  // Previously the empty background counted as met (1.0); now the term is absent.
  CHECK(term_ids(m) == std::vector<std::string>{"essential", "optional", "use", "experience"});
  CHECK_FALSE(has_term(m, "barrier"));
  // essential 1, optional 0, use 1, experience 0; weights 0.4 + 0.2 + 0.2 + 0.2 = 1.0.
  CHECK(m.score == Approx(0.4 * 1 + 0.2 * 0 + 0.2 * 1 + 0.2 * 0));
}

TEST_CASE("goals score 1 for a goal role, 0.5 for its category, 0 otherwise", "[core][matching]") {
  auto p = person({"drawing"});
  p.goal_roles = {"artist"};
  CHECK(term(match(p, "artist"), "goals").value == 1.0);
  CHECK(term(match(p, "illustrator"), "goals").value == 0.5);  // same category as a goal role
  CHECK(term(match(p, "ml"), "goals").value == 0.0);
  CHECK(term(match(p, "ml"), "goals").detail.en == "not among your goals");

  auto q = person({});
  q.goal_categories = {"rd"};
  CHECK(term(match(q, "ml"), "goals").value == 0.5);
  CHECK(term(match(q, "artist"), "goals").value == 0.0);
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
  // drawing reaches artist and illustrator only; every other role has no evidence and
  // is left out.
  auto ranked = rank_roles(cat(), person({"drawing"}), k_day);
  REQUIRE(ranked.size() == 2);
  for (size_t i = 1; i < ranked.size(); ++i) CHECK(ranked[i - 1].score >= ranked[i].score);
  // illustrator: essential 1, use 1, experience 0, barrier 1 (no optional term):
  // (0.4 + 0.2 + 0 + 0.1) / 0.9 ≈ 0.7778; artist also has optional 0 (communication):
  // (0.4 + 0 + 0.2 + 0 + 0.1) / 1.1 ≈ 0.6364.
  CHECK(ranked[0].role->id == "illustrator");  // all of its one skill, no optional term
  CHECK(ranked[0].score == Approx(0.7 / 0.9));
  CHECK(ranked[1].role->id == "artist");
  CHECK(ranked[1].score == Approx(0.7 / 1.1));
  auto art = rank_roles(cat(), person({"drawing"}), k_day, "art");
  REQUIRE(art.size() == 2);
  for (const auto& m : art) CHECK(m.role->category == "art");
  CHECK(rank_roles(cat(), person({"drawing"}), k_day, "rd").empty());
}

TEST_CASE("the inverted-index ranking scores every role exactly as match_role does", "[core][matching]") {
  std::vector<Profile> people{person({}), person({"python", "pytorch"}, 2), person({"drawing", "sql"}, 5),
                              person({"deep-learning", "communication"}, 0.5)};
  people[2].goal_categories = {"art"};
  for (const auto& p : people) {
    auto ranked = rank_roles(cat(), p, k_day);
    for (const auto& r : ranked) {
      auto single = match_role(cat(), p, *r.role, k_day);
      INFO(r.role->id);
      CHECK(r.score == single.score);
      CHECK(r.matched == single.matched);
      CHECK(r.missing == single.missing);
      CHECK(r.also_asked == single.also_asked);
      CHECK(r.fit == single.fit);
      CHECK(r.evidence == single.evidence);
      REQUIRE(r.proven.size() == single.proven.size());
      for (size_t i = 0; i < r.proven.size(); ++i) CHECK(r.proven[i].required == single.proven[i].required);
      REQUIRE(r.partial.size() == single.partial.size());
      for (size_t i = 0; i < r.partial.size(); ++i) CHECK(r.partial[i].credit == single.partial[i].credit);
      REQUIRE(r.terms.size() == single.terms.size());
      for (size_t i = 0; i < r.terms.size(); ++i) CHECK(r.terms[i].value == single.terms[i].value);
    }
    // The roles left out are exactly the ones that score 0.
    for (const auto& role : cat().roles) {
      bool in = std::any_of(ranked.begin(), ranked.end(), [&](const RoleMatch& m) { return m.role == &role; });
      INFO(role.id);
      CHECK(in == (match_role(cat(), p, role, k_day).score > 0));
    }
  }
  CHECK(rank_roles(cat(), people[0], k_day).empty());  // no skills, work or goals: no ranking
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

TEST_CASE("a role with no evidence is left out of the ranking — a goal is evidence of its own", "[core][matching]") {
  for (const auto& skills :
       std::vector<std::vector<std::string>>{{"sql"}, {"communication"}, {"pytorch"}, {"drawing"}}) {
    for (double years : {0.0, 2.0, 10.0}) {
      auto p = person(skills, years);
      auto ranked = rank_roles(cat(), p, k_day);
      INFO(skills.front() << ", " << years << " years");
      for (const auto& m : ranked) {
        INFO(m.role->id);
        CHECK(m.score > 0);
        CHECK_FALSE(m.evidence.empty());
        CHECK_FALSE(m.fit.empty());
      }
      for (const auto& role : cat().roles) {
        auto m = match(p, role.id);
        INFO(role.id);
        bool in = std::any_of(ranked.begin(), ranked.end(), [&](const RoleMatch& r) { return r.role == &role; });
        if (m.evidence.empty()) {  // gated: scores 0, has no fit, is left out
          CHECK(m.score == 0.0);
          CHECK(m.fit.empty());
          CHECK_FALSE(in);
        }
        if (!in) CHECK(m.score == 0.0);
        // Years of ai work without any of the role's core skills earn nothing.
        if (!has(m.evidence, "skills")) CHECK(term(m, "experience").value == 0.0);
      }
    }
  }
  // Ten years of AI work and sql. researcher (no skill of it): the years show none of its
  // core skills, so they are no evidence; the role is gated, scores 0 and is left out.
  auto p = person({"sql"}, 10);
  auto plain = match(p, "researcher");
  CHECK(plain.evidence.empty());
  CHECK(plain.score == 0.0);
  CHECK(plain.fit.empty());
  // As a goal, the same role counts the goal and its experience term (still 0: no core
  // skill shown): essential 0, use 0, experience 1 · 0 = 0, barrier 0 (high, none of the
  // background), goals 1; weights 0.4 + 0.2 + 0.2 + 0.1 + 0.1 = 1.0: 0.1.
  p.goal_roles = {"researcher"};
  auto goal = match(p, "researcher");
  CHECK(goal.evidence == std::vector<std::string>{"goal"});
  CHECK(term(goal, "experience").value == 0.0);
  CHECK(term(goal, "experience").detail.en ==
        "10 years of AI work (full marks at 4 years), counted for the 0% of the role's core skills you show");
  CHECK(goal.score == Approx(0.1));
  CHECK(goal.fit == "weak");
  // ml: essential 0, optional 1 (sql), use 1, experience 1 · 0 = 0, barrier 0, goals 0.5
  // (rd, the goal role's category); weights 1.2: (0.2 + 0.2 + 0.05) / 1.2 = 0.375.
  // artist and illustrator (design, not a goal) and the ops roles (aigc work only) have
  // no evidence: left out.
  auto ranked = rank_roles(cat(), p, k_day);
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].role->id == "ml");
  CHECK(ranked[0].score == Approx(0.45 / 1.2));
  CHECK(ranked[1].role->id == "researcher");  // the goal puts it in the ranking
  CHECK(ranked[1].score == Approx(0.1));
}

TEST_CASE("a rarer matched skill gives a higher essential value than a common one", "[core][matching]") {
  // ml's essential skills: python (listed by 2 of 6 roles) and deep-learning-frameworks (1).
  auto common = match(person({"python"}), "ml");
  auto rare = match(person({"deep-learning-frameworks"}), "ml");
  // 1.8473 / (1.8473 + 2.2528) ≈ 0.4505 and 2.2528 / 4.1001 ≈ 0.5495.
  CHECK(term(common, "essential").value == Approx(k_python / (k_python + k_dlf)));
  CHECK(term(rare, "essential").value == Approx(k_dlf / (k_python + k_dlf)));
  CHECK(term(rare, "essential").value > term(common, "essential").value);
  CHECK(rare.score > common.score);
  // Same slot weight, same skill count: only the IDF tells them apart.
  CHECK(term(common, "essential").detail.en == term(rare, "essential").detail.en);
  CHECK(k_sql == k_dlf);
}

TEST_CASE("a domain that implies a skill credits it from years of work, up to the cap", "[core][matching]") {
  auto implies = std::pair<std::string, std::string>{"  - {id: design, name: Design}",
                                                     "  - {id: design, name: Design, implies: [drawing], source: s}"};
  auto c = variant(
      {implies,
       {"    partial_credit: 0.5\n", "    partial_credit: 0.5\n    inferred_skills: {per_year: 0.1, cap: 0.5}\n"}});
  auto designer = [](double years, std::vector<std::string> skills = {}) {
    Profile p = person(std::move(skills));
    ExperienceEntry e;
    e.domains = {"design"};
    e.years = years;
    p.experience.push_back(e);
    return p;
  };
  // 3 years: min(0.5, 3 · 0.1) = 0.3, shown as coming from design work.
  auto m = match_role(c, designer(3), *c.role("illustrator"), k_day);
  CHECK(m.matched.empty());
  REQUIRE(m.partial.size() == 1);
  CHECK(m.partial[0].required == "drawing");
  CHECK(m.partial[0].credit == Approx(0.3));
  CHECK(m.partial[0].evidence == Evidence::work);
  CHECK(m.partial[0].inferred_domain == "design");
  CHECK(m.partial[0].inferred_years == Approx(3));
  CHECK(m.partial[0].inferred_months == 36);
  CHECK(term(m, "essential").value == Approx(0.3));
  CHECK_FALSE(has_term(m, "use"));  // no declared skills: no use term
  // Inferred credit is skill evidence: experience 3/4 times the core share 0.3 = 0.225,
  // and the moderate barrier 1 - 0.5·(1 - 0.3) = 0.65 count.
  // (0.4·0.3 + 0.2·0.225 + 0.1·0.65) / 0.7 = 0.23 / 0.7 ≈ 0.3286.
  CHECK(term(m, "experience").value == Approx(0.75 * 0.3));
  CHECK(term(m, "barrier").value == Approx(0.65));
  CHECK(m.score == Approx((0.4 * 0.3 + 0.2 * 0.225 + 0.1 * 0.65) / 0.7));
  CHECK(m.evidence == std::vector<std::string>{"skills", "experience"});
  CHECK(reason_says(m, "Drawing from your 3 years of design work (30%)"));
  // 8 years: 0.8 is capped at 0.5.
  auto capped = match_role(c, designer(8), *c.role("illustrator"), k_day);
  REQUIRE(capped.partial.size() == 1);
  CHECK(capped.partial[0].credit == Approx(0.5));
  // A declared skill is full credit and not shown as inferred.
  auto declared = match_role(c, designer(8, {"drawing"}), *c.role("illustrator"), k_day);
  CHECK(declared.matched == std::vector<std::string>{"drawing"});
  CHECK(declared.partial.empty());
  CHECK(declared.proven.empty());
  // Without `implies` (the test catalogue), design work infers nothing.
  CHECK(match(designer(8), "illustrator").partial.empty());
  CHECK(match(designer(8), "illustrator").matched.empty());

  // The defaults (per_year 0.34, cap 1): 2 years give 0.68, 3 years min(1, 1.02) = 1, in
  // full: met, and proven by the work, never counted as declared (no use term).
  auto d = variant({implies});
  CHECK(d.scoring.inferred_per_year == Approx(0.34));
  CHECK(d.scoring.inferred_cap == Approx(1.0));
  auto two = match_role(d, designer(2), *d.role("illustrator"), k_day);
  REQUIRE(two.partial.size() == 1);
  CHECK(two.partial[0].credit == Approx(0.68));
  auto three = match_role(d, designer(3), *d.role("illustrator"), k_day);
  CHECK(three.matched == std::vector<std::string>{"drawing"});
  CHECK(three.partial.empty());
  REQUIRE(three.proven.size() == 1);
  CHECK(three.proven[0].required == "drawing");
  CHECK(three.proven[0].credit == 1.0);
  CHECK(three.proven[0].evidence == Evidence::work);
  CHECK(three.proven[0].inferred_domain == "design");
  CHECK_FALSE(has_term(three, "use"));
  // essential 1, experience 3/4 · 1, barrier 1: (0.4 + 0.15 + 0.1) / 0.7 ≈ 0.9286.
  CHECK(three.score == Approx((0.4 * 1 + 0.2 * 0.75 + 0.1 * 1) / 0.7));
  CHECK(reason_says(three, "Drawing from your 3 years of design work"));
}

TEST_CASE("a transversal skill alone never puts a role in the ranking", "[core][matching]") {
  auto c = variant({{"  - {id: communication, name: Communication, source: s}",
                     "  - {id: communication, name: Communication, transversal: true, source: s}"}});
  auto only = person({"communication"});
  // communication is the ops roles' only skill and artist's optional one: met, but no
  // evidence of fit on its own, so every role is gated and the ranking is empty.
  CHECK(rank_roles(c, only, k_day).empty());
  auto ops = match_role(c, only, *c.role("a-ops"), k_day);
  CHECK(ops.matched == std::vector<std::string>{"communication"});
  CHECK(ops.evidence.empty());
  CHECK(ops.score == 0.0);
  CHECK(ops.fit.empty());
  // A transversal skill the person lacks is not missing but "also asked".
  auto drawer = match_role(c, person({"drawing"}), *c.role("artist"), k_day);
  CHECK(drawer.missing.empty());
  CHECK(drawer.also_asked == std::vector<std::string>{"communication"});
  CHECK(reason_says(drawer, "Also asked for: Communication"));
  // With a real fit (drawing), it counts half (transversal_weight 0.5) of its credit:
  // optional 0.5·idf(comm) / idf(comm) = 0.5; use (idf(drawing) + 0.5·idf(comm)) /
  // (idf(drawing) + idf(comm)) = (1.8473 + 0.5·1.5596) / 3.4069 ≈ 0.7711; essential 1,
  // experience 0, barrier 1 (drawing):
  // (0.4·1 + 0.2·0.5 + 0.2·0.7711 + 0.2·0 + 0.1·1) / 1.1 ≈ 0.6857.
  auto both = match_role(c, person({"drawing", "communication"}), *c.role("artist"), k_day);
  double k_comm = idf(3), k_drawing = idf(2);
  double use = (k_drawing + 0.5 * k_comm) / (k_drawing + k_comm);
  CHECK(term(both, "optional").value == Approx(0.5));
  CHECK(term(both, "use").value == Approx(use));
  CHECK(both.score == Approx((0.4 * 1 + 0.2 * 0.5 + 0.2 * use + 0.2 * 0 + 0.1 * 1) / 1.1));
  CHECK(both.score == Approx(0.6857).epsilon(1e-3));
  CHECK(both.evidence == std::vector<std::string>{"skills"});
  // The ranking: artist and illustrator (drawing); the ops roles stay out.
  auto ranked = rank_roles(c, person({"drawing", "communication"}), k_day);
  REQUIRE(ranked.size() == 2);
  for (const auto& m : ranked) CHECK(m.role->category == "art");
  // A goal is evidence: aiming at a-ops puts both ops roles (its category) in.
  auto aims = only;
  aims.goal_roles = {"a-ops"};
  auto goal = rank_roles(c, aims, k_day);
  REQUIRE(goal.size() == 2);
  CHECK(goal[0].role->id == "a-ops");
  CHECK(goal[1].role->id == "b-ops");
  CHECK(goal[0].evidence == std::vector<std::string>{"goal"});
}

TEST_CASE("skills named in a job title are evidence", "[core][matching]") {
  // The title's Latin words are matched whole against skill names and aliases.
  const std::string title = "数据分析师（Python/SQL）";
  CHECK(title_skills(cat(), title) == std::vector<size_t>{cat().skill_by_id.at("python"), cat().skill_by_id.at("sql")});
  CHECK(title_skills(cat(), "Drawing teacher") == std::vector<size_t>{cat().skill_by_id.at("drawing")});
  CHECK(title_skills(cat(), "Pythonista").empty());  // not a whole word
  {
    // A title credits the skill it names and what that proves in full above it (docs/
    // scoring.md, "Work is evidence"): PyTorch's edges up are full ones.
    Profile torch = person({});
    ExperienceEntry job;
    job.title = "PyTorch engineer";
    torch.experience.push_back(job);
    auto credit = skill_credit(cat(), torch, k_day);
    CHECK(credit.of(cat().skill_by_id.at("pytorch")) == 1.0);
    CHECK(credit.of(cat().skill_by_id.at("deep-learning-frameworks")) == 1.0);
    CHECK(credit.of(cat().skill_by_id.at("deep-learning")) == 1.0);
  }
  {
    // ... but no further than a full edge: a title also names the employer's trade, and
    // e-commerce shows marketing only in part (parent_credit 0.5 in the built-in catalogue).
    const auto& b = testing::builtin();
    Profile shop = person({});
    ExperienceEntry job;
    job.title = "仓库主管（电商仓储中心）";
    shop.experience.push_back(job);
    auto credit = skill_credit(b, shop, k_day);
    REQUIRE(b.skill_by_id.count("e-commerce"));
    CHECK(credit.of(b.skill_by_id.at("e-commerce")) == 1.0);
    CHECK(credit.of(b.skill_by_id.at("marketing")) == 0.0);
  }
  // The built-in catalogue finds the same two in it.
  const auto& b = testing::builtin();
  auto found = title_skills(b, title);
  CHECK(std::count(found.begin(), found.end(), b.skill_by_id.at("python")) == 1);
  CHECK(std::count(found.begin(), found.end(), b.skill_by_id.at("sql")) == 1);

  // A job with that title (in design, so no ai experience): python and sql at
  // title_credit 1, each shown as from the title.
  Profile p = person({});
  ExperienceEntry e;
  e.title = title;
  e.domains = {"design"};
  e.years = 2;
  p.experience.push_back(e);
  auto credit = skill_credit(cat(), p, k_day);
  CHECK(credit.of(cat().skill_by_id.at("python")) == 1.0);
  CHECK(credit.of(cat().skill_by_id.at("sql")) == 1.0);
  CHECK(credit.evidence_of(cat().skill_by_id.at("python")) == std::pair{Evidence::title, 0});
  CHECK(skill_credit(cat(), p).of(cat().skill_by_id.at("python")) == 0.0);  // without a date, declared skills only
  auto m = match(p, "ml");
  CHECK(m.matched == std::vector<std::string>{"python", "sql"});
  REQUIRE(m.proven.size() == 2);
  CHECK(m.proven[0].required == "python");
  CHECK(m.proven[0].evidence == Evidence::title);
  CHECK(m.proven[0].from == "0");  // the experience entry
  CHECK(m.proven[1].required == "sql");
  CHECK(m.proven[1].evidence == Evidence::title);
  CHECK(m.missing == std::vector<std::string>{"deep-learning-frameworks"});
  CHECK(m.evidence == std::vector<std::string>{"skills"});
  CHECK(reason_says(m, "Python from your job title \"数据分析师（Python/SQL）\""));
  // essential idf(python) / (idf(python) + idf(dlf)) ≈ 0.4505, optional 1, no use term
  // (nothing declared), experience 0 (no ai work), barrier python 1, deep-learning 0: 0.5.
  // (0.4·0.4505 + 0.2·1 + 0.2·0 + 0.1·0.5) / 0.9 ≈ 0.4780.
  double ess = k_python / (k_python + k_dlf);
  CHECK_FALSE(has_term(m, "use"));
  CHECK(term(m, "barrier").value == Approx(0.5));
  CHECK(m.score == Approx((0.4 * ess + 0.2 * 1 + 0.2 * 0 + 0.1 * 0.5) / 0.9));
  CHECK(m.score == Approx(0.4780).epsilon(1e-3));
  // scoring.evidence.title sets the credit.
  Catalog half = cat();
  half.scoring.title_credit = 0.5;
  auto partly = match_role(half, p, *half.role("ml"), k_day);
  REQUIRE(partly.partial.size() == 2);
  CHECK(partly.partial[0].credit == Approx(0.5));
  CHECK(partly.partial[0].evidence == Evidence::title);
}

TEST_CASE("a held certificate's syllabus counts in part up to the level held", "[core][matching]") {
  // ladder's common syllabus is sql; holding it (junior) gives sql 0.5 and is evidence
  // for ml, the role it relates to.
  Profile p = person({});
  p.certificates.push_back(HeldCertificate{"ladder", "junior", Date{2026, 1, 1}, {}});
  auto credit = skill_credit(cat(), p, k_day);
  CHECK(credit.of(cat().skill_by_id.at("sql")) == Approx(0.5));
  CHECK(credit.evidence_of(cat().skill_by_id.at("sql")).first == Evidence::certificate);
  auto m = match(p, "ml");
  REQUIRE(m.partial.size() == 1);
  CHECK(m.partial[0].required == "sql");
  CHECK(m.partial[0].credit == Approx(0.5));
  CHECK(m.partial[0].evidence == Evidence::certificate);
  CHECK(m.partial[0].from == "ladder");
  CHECK(m.evidence == std::vector<std::string>{"skills", "certificate"});
  CHECK(reason_says(m, "SQL from the Ladder you hold (50%)"));
  // The levels' own syllabi count up to the level held, not above it.
  Catalog c = cat();
  for (auto& cert : c.certificates)
    if (cert.id == "ladder") {
      cert.levels[1].syllabus = {"python"};   // mid
      cert.levels[2].syllabus = {"drawing"};  // senior
    }
  c.index();  // the lookup tables follow the change
  auto junior = skill_credit(c, p, k_day);
  CHECK(junior.of(c.skill_by_id.at("python")) == 0.0);
  CHECK(junior.of(c.skill_by_id.at("drawing")) == 0.0);
  Profile q = person({});
  q.certificates.push_back(HeldCertificate{"ladder", "mid", Date{2026, 1, 1}, {}});
  auto mid = skill_credit(c, q, k_day);
  CHECK(mid.of(c.skill_by_id.at("sql")) == Approx(0.5));
  CHECK(mid.of(c.skill_by_id.at("python")) == Approx(0.5));
  CHECK(mid.of(c.skill_by_id.at("drawing")) == 0.0);
}

TEST_CASE("the fit label follows the catalogue's thresholds and each one is inclusive", "[core][matching]") {
  const Scoring sc;  // strong 0.6, good 0.45, partial 0.3
  CHECK(fit_label(sc, 1.0) == "strong");
  CHECK(fit_label(sc, 0.6) == "strong");
  CHECK(fit_label(sc, std::nextafter(0.6, 0.0)) == "good");
  CHECK(fit_label(sc, 0.45) == "good");
  CHECK(fit_label(sc, std::nextafter(0.45, 0.0)) == "partial");
  CHECK(fit_label(sc, 0.3) == "partial");
  CHECK(fit_label(sc, std::nextafter(0.3, 0.0)) == "weak");
  CHECK(fit_label(sc, 0.0) == "weak");
  // The thresholds are the catalogue's (scoring.fit).
  auto c = variant(
      {{"    partial_credit: 0.5\n", "    partial_credit: 0.5\n    fit: {strong: 0.8, good: 0.7, partial: 0.5}\n"}});
  CHECK(fit_label(c.scoring, 0.75) == "good");
  CHECK(fit_label(c.scoring, 0.8) == "strong");
  CHECK(fit_label(c.scoring, 0.45) == "weak");
  // A role's fit is its score's label: illustrator 0.7778 strong, artist 0.6364 strong
  // here, and with these thresholds good and partial.
  auto ranked = rank_roles(c, person({"drawing"}), k_day);
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].fit == "good");     // 0.7778
  CHECK(ranked[1].fit == "partial");  // 0.6364
  auto plain = rank_roles(cat(), person({"drawing"}), k_day);
  REQUIRE(plain.size() == 2);
  CHECK(plain[0].fit == "strong");
  CHECK(plain[1].fit == "strong");
}

// ---------------------------------------------------------------- certificates

namespace {
std::vector<std::string> cert_order(const std::vector<CertificateSuggestion>& s) {
  std::vector<std::string> ids;
  for (const auto& x : s) ids.push_back(x.certificate->id + "/" + x.suggested.level->id);
  return ids;
}
}  // namespace

TEST_CASE("certificates rank by value, then feasibility, then id — below-floor ones last", "[core][matching]") {
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
  // No goals. pytorch proves deep learning in full, so researcher fits best: essential 1,
  // use 1, barrier 1: (0.4 + 0.2 + 0.1) / 0.9 ≈ 0.7778; ml (sql, optional, missing):
  // (0.4 + 0 + 0.2 + 0.1) / 1.1 ≈ 0.6364. ladder relates to ml, a fitting role (weight
  // ml/best = 0.9/1.1 ≈ 0.8182, above the 0.6 share), so related = 0.5·0.8182 ≈ 0.4091;
  // its syllabus (sql, optional) covers none of the target roles' missing essential
  // skills: covers 0; no soft rule: suits 0.5.
  // 0.5·0 + 0.3·0.4091 + 0.2·0.5 ≈ 0.2227.
  REQUIRE(roles.size() == 2);
  CHECK(roles[0].role->id == "researcher");
  CHECK(roles[0].score == Approx(0.7 / 0.9));
  CHECK(roles[1].role->id == "ml");
  CHECK(roles[1].score == Approx(0.7 / 1.1));
  double related = 0.5 * match(p, "ml").score / roles[0].score;
  CHECK(related == Approx(0.5 * 0.9 / 1.1));
  REQUIRE(it->terms.size() == 3);
  CHECK(it->terms[0].value == 0.0);
  CHECK(it->terms[1].value == Approx(related));
  CHECK(it->terms[2].value == 0.5);
  CHECK(it->score == Approx(0.5 * 0 + 0.3 * related + 0.2 * 0.5));
  CHECK(it->score == Approx(0.2227).epsilon(1e-3));
  CHECK(it->covers.empty());
  CHECK_FALSE(it->below_floor);  // related > 0 and 0.2227 ≥ the 0.2 floor
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
  // Only the roles drawing is evidence for: illustrator and artist.
  REQUIRE(rec.roles.size() == 2);
  CHECK(rec.certificates.size() == cat().certificates.size());
  CHECK(rec.roles[0].role->id == "illustrator");
  CHECK(rec.roles[1].role->id == "artist");
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
