// The brief forms evaluate without prose (EvalContext::prose = false): no reason,
// found or required text, no "what would change". Their outcomes and dates must be
// the full evaluation's, on every example profile and every certificate level, and
// on generated profiles at several dates.
#include <catch2/catch.hpp>

#include <random>

#include "advisor/matching.hpp"
#include "advisor/rules.hpp"
#include "support.hpp"

using namespace advisor;

namespace {

/// Outcomes, dates and missing fields of a trace, all the way down; texts left out.
void same_trace(const TraceNode& full, const TraceNode& brief) {
  REQUIRE(full.kind == brief.kind);
  REQUIRE(full.outcome == brief.outcome);
  REQUIRE(full.passes_on == brief.passes_on);
  REQUIRE(full.missing_fields == brief.missing_fields);
  REQUIRE(full.children.size() == brief.children.size());
  for (size_t i = 0; i < full.children.size(); ++i) same_trace(full.children[i], brief.children[i]);
  // Nothing is composed for the brief form.
  REQUIRE(brief.reason.en.empty());
  REQUIRE(brief.found.en.empty());
  REQUIRE(brief.required.en.empty());
}

/// The same texts, all the way down.
void same_trace_text(const TraceNode& a, const TraceNode& b) {
  REQUIRE(a.outcome == b.outcome);
  REQUIRE(a.passes_on == b.passes_on);
  REQUIRE(a.found.en == b.found.en);
  REQUIRE(a.found.zh == b.found.zh);
  REQUIRE(a.required.en == b.required.en);
  REQUIRE(a.children.size() == b.children.size());
  for (size_t i = 0; i < a.children.size(); ++i) same_trace_text(a.children[i], b.children[i]);
}

/// A verdict-only node (EvalContext::tree false): the full node's own answer, no children.
void same_root(const TraceNode& full, const TraceNode& verdict) {
  REQUIRE(full.kind == verdict.kind);
  REQUIRE(full.outcome == verdict.outcome);
  REQUIRE(full.passes_on == verdict.passes_on);
  REQUIRE(full.missing_fields == verdict.missing_fields);
  REQUIRE(verdict.children.empty());
}

/// Checks every level of every certificate both ways; returns how many levels were compared.
size_t compare_all_levels(const Catalog& c, const Profile& p, Date as_of) {
  size_t n = 0;
  for (const auto& cert : c.certificates) {
    for (const auto& level : cert.levels) {
      INFO(cert.id << "/" << level.id << " on " << as_of.str());
      auto full = check_level(cert, level, EvalContext{c, p, as_of});
      auto brief = check_level(cert, level, EvalContext{c, p, as_of, false});
      REQUIRE(outcome_id(full.status) == std::string(outcome_id(brief.status)));
      REQUIRE(full.earliest_date == brief.earliest_date);
      REQUIRE(full.next_sitting == brief.next_sitting);
      REQUIRE(full.missing_fields == brief.missing_fields);
      REQUIRE(full.stale == brief.stale);
      REQUIRE(full.trace.has_value() == brief.trace.has_value());
      if (full.trace) same_trace(*full.trace, *brief.trace);
      REQUIRE(brief.changes.empty());
      REQUIRE(full.recommended.has_value() == brief.recommended.has_value());
      if (full.recommended) same_trace(*full.recommended, *brief.recommended);
      // The verdict only (EvalContext::tree false): the same answer, no children kept.
      auto verdict = check_level(cert, level, EvalContext{c, p, as_of, false, false});
      REQUIRE(outcome_id(full.status) == std::string(outcome_id(verdict.status)));
      REQUIRE(full.earliest_date == verdict.earliest_date);
      REQUIRE(full.next_sitting == verdict.next_sitting);
      REQUIRE(full.missing_fields == verdict.missing_fields);
      REQUIRE(verdict.changes.empty());
      REQUIRE(full.trace.has_value() == verdict.trace.has_value());
      if (full.trace) same_root(*full.trace, *verdict.trace);
      REQUIRE(full.recommended.has_value() == verdict.recommended.has_value());
      if (full.recommended) same_root(*full.recommended, *verdict.recommended);
      ++n;
    }
  }
  return n;
}

/// recommend with and without prose: the same roles, certificates, scores, statuses,
/// dates and next actions (their ids), in the same order.
void compare_recommend(const Catalog& c, const Profile& p, Date as_of) {
  for (size_t top : {size_t{5}, size_t{0}}) {
    auto full = recommend(c, p, as_of, "", top);
    auto brief = recommend(c, p, as_of, "", top, false);
    REQUIRE(full.roles.size() == brief.roles.size());
    for (size_t i = 0; i < full.roles.size(); ++i) {
      REQUIRE(full.roles[i].role == brief.roles[i].role);
      REQUIRE(full.roles[i].score == brief.roles[i].score);
    }
    REQUIRE(full.certificates.size() == brief.certificates.size());
    for (size_t i = 0; i < full.certificates.size(); ++i) {
      const auto &a = full.certificates[i], &b = brief.certificates[i];
      INFO(a.certificate->id);
      REQUIRE(a.certificate == b.certificate);
      REQUIRE(a.suggested.level == b.suggested.level);
      REQUIRE(a.suggested.status == b.suggested.status);
      REQUIRE(a.suggested.earliest_date == b.suggested.earliest_date);
      REQUIRE(a.score == b.score);
      REQUIRE(a.below_floor == b.below_floor);
      REQUIRE(a.held == b.held);
      REQUIRE(a.next_route == b.next_route);
      REQUIRE(a.next_date == b.next_date);
      REQUIRE(a.covers == b.covers);
    }
    REQUIRE(full.next_actions.size() == brief.next_actions.size());
    for (size_t i = 0; i < full.next_actions.size(); ++i) {
      REQUIRE(full.next_actions[i].kind == brief.next_actions[i].kind);
      REQUIRE(full.next_actions[i].id == brief.next_actions[i].id);
      REQUIRE(full.next_actions[i].level == brief.next_actions[i].level);
      REQUIRE(full.next_actions[i].date == brief.next_actions[i].date);
    }
  }
}

template <class Items>
const std::string& pick(std::mt19937& rng, const Items& items) {
  return items[rng() % items.size()].id;
}

/// A random profile drawn from the catalogue: any mix of present and missing fields.
Profile random_profile(std::mt19937& rng, const Catalog& c, Date as_of) {
  Profile p;
  p.file = "<generated>";
  switch (rng() % 3) {
    case 0:
      p.age = 16 + static_cast<int>(rng() % 50);
      break;
    case 1:
      p.birth_date = as_of.add_days(-static_cast<int>(rng() % (60 * 365)) - 16 * 365);
      break;
    default:
      break;
  }
  if (rng() % 5) p.education = pick(rng, c.education);
  if (!p.education.empty() && rng() % 4 == 0) {
    p.education_in_progress = true;
    if (rng() % 3) p.education_expected = as_of.add_months(static_cast<int>(rng() % 30) - 6);
  }
  if (rng() % 3) {
    p.major = pick(rng, c.majors);
    p.major_known = true;
  }
  p.experience_given = rng() % 4 != 0;
  for (size_t k = p.experience_given ? rng() % 4 : 0; k > 0; --k) {
    ExperienceEntry e;
    e.domains.push_back(pick(rng, c.domains));
    if (rng() % 3 == 0) {
      e.years = static_cast<double>(rng() % 12) / 2;
    } else {
      e.start = as_of.add_months(-static_cast<int>(rng() % 120) + 2);
      if (rng() % 2) e.end = e.start->add_months(static_cast<int>(rng() % 60));
    }
    p.experience.push_back(e);
  }
  for (size_t k = rng() % 12; k > 0; --k) {
    ProfileSkill s;
    s.id = pick(rng, c.skills);
    s.text = s.id;
    p.skills.push_back(s);
  }
  for (size_t k = rng() % 3; k > 0; --k) {
    const auto& cert = c.certificates[rng() % c.certificates.size()];
    if (cert.levels.empty()) continue;
    HeldCertificate h;
    h.id = cert.id;
    h.level = cert.levels[rng() % cert.levels.size()].id;
    if (rng() % 2) h.date = as_of.add_months(static_cast<int>(rng() % 48) - 40);
    p.certificates.push_back(h);
  }
  if (rng() % 2) p.study_hours[pick(rng, c.certificates)] = static_cast<double>(rng() % 200);
  return p;
}

/// Goal roles and categories for a quarter and a fifth of profiles.
void add_goals(std::mt19937& rng, const Catalog& c, Profile& p) {
  for (size_t k = rng() % 4 == 0 ? 1 + rng() % 2 : 0; k > 0; --k) p.goal_roles.push_back(pick(rng, c.roles));
  if (rng() % 5 == 0) p.goal_categories.push_back(pick(rng, c.categories));
}

}  // namespace

TEST_CASE("brief evaluation gives the full one's outcomes and recommendations on every example profile and level",
          "[rules][brief]") {
  const auto& c = testing::builtin();
  size_t compared = 0;
  for (const char* name :
       {"aigc-operator", "cs-graduate", "data-analyst", "designer", "it-manager", "marketer", "teacher"}) {
    auto f = read_input_file(std::string(ADVISOR_SOURCE_DIR) + "/profiles/" + name + ".yaml");
    Diagnostics d;
    auto p = load_profile(f, c, testing::k_as_of, d);
    INFO(name);
    REQUIRE_FALSE(d.has_errors());
    for (Date as_of : {testing::k_as_of, Date{2027, 9, 1}, Date{2030, 1, 15}}) {
      compared += compare_all_levels(c, p, as_of);
      compare_recommend(c, p, as_of);
    }
  }
  REQUIRE(compared > 100);
}

TEST_CASE("brief evaluation gives the full one's outcomes on generated profiles", "[rules][brief]") {
  const auto& c = testing::builtin();
  std::mt19937 rng(2026);
  size_t by_status[3] = {0, 0, 0};
  size_t dated = 0;
  for (int i = 0; i < 400; ++i) {
    Date as_of = testing::k_as_of.add_days(static_cast<int>(rng() % 1500) - 300);
    auto p = random_profile(rng, c, as_of);
    INFO("profile " << i);
    compare_all_levels(c, p, as_of);
    if (i % 4 == 0) compare_recommend(c, p, as_of);
    for (const auto& cert : c.certificates)
      for (const auto& level : cert.levels) {
        auto r = check_level(cert, level, EvalContext{c, p, as_of, false});
        ++by_status[static_cast<int>(r.status)];
        dated += r.earliest_date.has_value();
      }
  }
  // Every outcome, and dates that time alone brings, must have been compared.
  REQUIRE(by_status[0] > 100);
  REQUIRE(by_status[1] > 100);
  REQUIRE(by_status[2] > 100);
  REQUIRE(dated > 20);
}

TEST_CASE("certificates given beside the profile count as the profile's own", "[rules][brief]") {
  // Certificate advice asks "what if you held this level" through EvalContext::held,
  // without copying the profile: the answer must be a profile copy's with those certificates.
  const auto& c = testing::builtin();
  std::mt19937 rng(7);
  size_t differ = 0;
  for (int i = 0; i < 200; ++i) {
    Date as_of = testing::k_as_of.add_days(static_cast<int>(rng() % 1000) - 200);
    auto p = random_profile(rng, c, as_of);
    auto other = random_profile(rng, c, as_of).certificates;
    Profile copy = p;
    copy.certificates = other;
    INFO("profile " << i);
    for (const auto& cert : c.certificates)
      for (const auto& level : cert.levels)
        for (bool tree : {true, false}) {
          auto want = check_level(cert, level, EvalContext{c, copy, as_of, false, tree});
          auto got = check_level(cert, level, EvalContext{c, p, as_of, false, tree, &other});
          REQUIRE(want.status == got.status);
          REQUIRE(want.earliest_date == got.earliest_date);
          differ += check_level(cert, level, EvalContext{c, p, as_of, false, tree}).status != got.status;
        }
  }
  REQUIRE(differ > 20);  // the certificates given changed answers, so `held` was read
}

TEST_CASE("a profile skill's index hint never changes the advice", "[matching][brief]") {
  // The reader notes each skill's catalogue index (ProfileSkill::index); ranking uses
  // it only while that skill still has the id. Right, wrong or missing hints: the same.
  const auto& c = testing::builtin();
  std::mt19937 rng(12);
  size_t hinted = 0;
  for (int i = 0; i < 100; ++i) {
    Date as_of = testing::k_as_of.add_days(static_cast<int>(rng() % 600));
    auto none = random_profile(rng, c, as_of);
    auto right = none, wrong = none;
    for (auto& ps : right.skills)
      if (const auto* k = c.skill(ps.id)) {
        ps.index = static_cast<int>(k - c.skills.data());
        ++hinted;
      }
    for (auto& ps : wrong.skills) ps.index = static_cast<int>(rng() % (c.skills.size() + 5));  // some past the end
    auto want = recommend(c, none, as_of, "", 5, false);
    for (const auto* p : {&right, &wrong}) {
      auto got = recommend(c, *p, as_of, "", 5, false);
      REQUIRE(got.roles.size() == want.roles.size());
      for (size_t r = 0; r < got.roles.size(); ++r) {
        REQUIRE(got.roles[r].role == want.roles[r].role);
        REQUIRE(got.roles[r].score == want.roles[r].score);
      }
      REQUIRE(got.certificates.size() == want.certificates.size());
      for (size_t k = 0; k < got.certificates.size(); ++k)
        REQUIRE(got.certificates[k].score == want.certificates[k].score);
    }
  }
  REQUIRE(hinted > 300);
}

TEST_CASE("experience measured once for every rule gives each rule's own answer", "[rules][brief]") {
  // Certificate advice hands the rules the experience it measured per domain
  // (EvalContext::experience); measure_jobs measures the jobs a caller picked.
  const auto& c = testing::builtin();
  std::mt19937 rng(11);
  auto same = [](const ExperienceMeasure& a, const ExperienceMeasure& b) {
    REQUIRE(a.years == b.years);
    REQUIRE(a.months == b.months);
    REQUIRE(a.ongoing == b.ongoing);
    REQUIRE(a.virtual_start == b.virtual_start);
    REQUIRE(a.grows_until == b.grows_until);
  };
  size_t worked = 0, any_read = 0;
  for (int i = 0; i < 200; ++i) {
    Date as_of = testing::k_as_of.add_days(static_cast<int>(rng() % 1000) - 200);
    auto p = random_profile(rng, c, as_of);
    INFO("profile " << i);
    std::vector<ExperienceMeasure> by_domain;
    for (const auto& d : c.domains) by_domain.push_back(measure_experience(c, p, d.id, as_of));
    for (const auto& m : by_domain) worked += m.years > 0;
    auto any = measure_experience(c, p, "", as_of);  // for the rules that name no domain
    // Two years exactly, as if of one job: read where a rule names no domain.
    ExperienceMeasure two_years{2.0, 24, true, as_of.add_months(-24), std::nullopt};
    for (const auto& cert : c.certificates)
      for (const auto& level : cert.levels)
        for (bool prose : {true, false}) {
          auto want = check_level(cert, level, EvalContext{c, p, as_of, prose, prose});
          auto got = check_level(cert, level, EvalContext{c, p, as_of, prose, prose, nullptr, &by_domain, &any});
          REQUIRE(want.status == got.status);
          REQUIRE(want.earliest_date == got.earliest_date);
          REQUIRE(want.recommended.has_value() == got.recommended.has_value());
          if (want.recommended) REQUIRE(want.recommended->outcome == got.recommended->outcome);
          if (prose) REQUIRE(want.trace.has_value() == got.trace.has_value());
          if (prose && want.trace) same_trace_text(*want.trace, *got.trace);
          if (!p.experience_given || !level.recommended || !level.recommended->domain.empty() ||
              level.recommended->kind != RuleKind::experience)
            continue;
          auto given = check_level(cert, level, EvalContext{c, p, as_of, prose, prose, nullptr, nullptr, &two_years});
          REQUIRE(given.recommended->outcome == Outcome::eligible);  // "one to three years": two fit
          ++any_read;
        }
    // jobs_by_domain's rows are measure_experience's domains.
    auto jobs = jobs_by_domain(c, p);
    for (size_t d = 0; d < c.domains.size(); ++d) {
      INFO("domain " << c.domains[d].id);
      same(measure_jobs(p, jobs.row(d), as_of), by_domain[d]);
      if (by_domain[d].years > 0) REQUIRE(jobs.worked[d]);  // work there: some job counts
    }
    // Every job is the empty domain's; one job alone is a profile of that job.
    std::vector<char> all(p.experience.size(), 1);
    same(measure_jobs(p, all, as_of), measure_experience(c, p, "", as_of));
    for (size_t j = 0; j < p.experience.size(); ++j) {
      std::vector<char> one(p.experience.size(), 0);
      one[j] = 1;
      Profile alone = p;
      alone.experience = {p.experience[j]};
      same(measure_jobs(p, one, as_of), measure_experience(c, alone, "", as_of));
    }
  }
  REQUIRE(worked > 100);
  REQUIRE(any_read > 50);
}

TEST_CASE("ranking only the roles a profile reaches gives the order of scoring every role", "[matching][brief]") {
  // rank_roles scores only the roles the person's skills reach, the roles of the domains
  // they worked in, those of certificates held, and the goal roles and categories; every
  // other role has no evidence and must score 0. Against the plain way: every role
  // matched on its own, sorted by score, then id, the ones scoring 0 left out.
  const auto& c = testing::builtin();
  std::mt19937 rng(1130);
  size_t with_goals = 0, left_out = 0, gated = 0, shown = 0;
  for (int i = 0; i < 300; ++i) {
    Date as_of = testing::k_as_of.add_days(static_cast<int>(rng() % 900) - 300);
    auto p = random_profile(rng, c, as_of);
    add_goals(rng, c, p);
    with_goals += !p.goal_roles.empty() || !p.goal_categories.empty();
    std::string category = rng() % 4 == 0 ? pick(rng, c.categories) : "";
    std::vector<RoleMatch> all;
    for (const auto& role : c.roles)
      if (!role.incomplete && (category.empty() || role.category == category)) {
        auto m = match_role(c, p, role, as_of);
        if (m.evidence.empty()) {  // no evidence: gated, 0, no fit
          ++gated;
          REQUIRE(m.score == 0.0);
          REQUIRE(m.fit.empty());
        }
        if (m.score > 0)
          all.push_back(std::move(m));
        else
          ++left_out;
      }
    std::stable_sort(all.begin(), all.end(), [](const RoleMatch& a, const RoleMatch& b) {
      return a.score != b.score ? a.score > b.score : a.role->id < b.role->id;
    });
    for (size_t limit : {size_t{0}, size_t{5}}) {
      auto ranked = rank_roles(c, p, as_of, category, limit);
      INFO("profile " << i << ", category '" << category << "', limit " << limit);
      REQUIRE(ranked.size() == (limit ? std::min(limit, all.size()) : all.size()));
      for (size_t k = 0; k < ranked.size(); ++k) {
        REQUIRE(ranked[k].role == all[k].role);
        REQUIRE(ranked[k].score == all[k].score);
        REQUIRE(ranked[k].matched == all[k].matched);
        REQUIRE(ranked[k].missing == all[k].missing);
        REQUIRE(ranked[k].fit == all[k].fit);
        REQUIRE(ranked[k].evidence == all[k].evidence);
        REQUIRE_FALSE(ranked[k].evidence.empty());
        ++shown;
      }
    }
  }
  REQUIRE(with_goals > 30);
  REQUIRE(shown > 100);
  REQUIRE(left_out > 100);  // roles without evidence (or scoring 0), left out of the ranking
  REQUIRE(gated > 100);
}

TEST_CASE("the skills' places in id order are the order of their ids", "[matching][brief]") {
  // Certificate advice sorts the skills roles miss by these places instead of by text.
  for (const auto* c : {&testing::builtin()}) {
    REQUIRE(c->skill_id_rank.size() == c->skills.size());
    std::vector<size_t> by_rank(c->skills.size(), c->skills.size());
    for (size_t k = 0; k < c->skills.size(); ++k) {
      REQUIRE(c->skill_id_rank[k] < c->skills.size());
      by_rank[c->skill_id_rank[k]] = k;  // a permutation: each place taken once
    }
    for (size_t i = 0; i + 1 < by_rank.size(); ++i) {
      REQUIRE(by_rank[i] < c->skills.size());
      REQUIRE(c->skills[by_rank[i]].id < c->skills[by_rank[i + 1]].id);
    }
  }
}
