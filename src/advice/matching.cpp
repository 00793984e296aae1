// Role ranking and certificate suggestions. Every score is a weighted mean of named
// terms kept in the result, so the output can show each one (docs/scoring.md).
#include "advisor/matching.hpp"
#include "advisor/title_words.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <functional>
#include <span>
#include <unordered_map>

#include "advisor/util/bilingual.hpp"
#include "advisor/util/utf8.hpp"
#include "ranking.hpp"

namespace advisor {

using util::T;

namespace {
std::string pct(double v) { return fmt::format("{:.0f}%", v * 100); }

/// The entry of `skill` in a credit list sorted by skill (one entry a skill), or where it would be.
template <typename Vec>
auto find_credit(const Vec& credit, size_t skill) {
  return std::lower_bound(credit.begin(), credit.end(), skill,
                          [](const auto& entry, size_t wanted) { return entry.first < wanted; });
}
}  // namespace

double SkillCredit::of(size_t skill) const {
  auto it = find_credit(credit, skill);
  return it != credit.end() && it->first == skill ? it->second : 0.0;
}

size_t SkillCredit::source_of(size_t skill) const {
  auto it = find_credit(credit, skill);
  return it != credit.end() && it->first == skill ? via[static_cast<size_t>(it - credit.begin())] : skill;
}

int SkillCredit::inferred_from(size_t skill) const {
  auto it = find_credit(credit, skill);
  return it != credit.end() && it->first == skill ? inferred[static_cast<size_t>(it - credit.begin())] : -1;
}

std::pair<Evidence, int> SkillCredit::evidence_of(size_t skill) const {
  auto it = find_credit(credit, skill);
  if (it == credit.end() || it->first != skill) return {Evidence::declared, -1};
  auto i = static_cast<size_t>(it - credit.begin());
  return {evidence[i], from[i]};
}

std::string fit_label(const Scoring& sc, double score) {
  if (score >= sc.fit_strong) return "strong";
  if (score >= sc.fit_good) return "good";
  if (score >= sc.fit_partial) return "partial";
  return "weak";
}

namespace {
bool ascii_alnum(char32_t c) { return c < 128 && std::isalnum(static_cast<int>(c)); }
}  // namespace

namespace {

/// The items of a keyed index that a job title names: its words looked up longest first.
template <typename Index>
std::vector<size_t> title_keys(const Index& by_key, std::string_view title) {
  // The title's characters, with where each starts.
  std::vector<std::pair<char32_t, size_t>> cps;
  for (size_t i = 0; i < title.size();) {
    auto cp = util::next_code_point(title, i);
    cps.emplace_back(cp.value, i);
    i += std::max<size_t>(cp.length, 1);
  }
  std::vector<size_t> out;
  std::string key;
  constexpr size_t k_longest = 12;  // characters: longer skill names are not typed in titles
  for (size_t i = 0; i < cps.size();) {
    // A Latin word is matched whole: "R" is not found in "Reader".
    bool start_ok = !(ascii_alnum(cps[i].first) && i > 0 && ascii_alnum(cps[i - 1].first));
    size_t found = 0;
    for (size_t j = std::min(cps.size(), i + k_longest); start_ok && j >= i + 2; --j) {
      if (j < cps.size() && ascii_alnum(cps[j - 1].first) && ascii_alnum(cps[j].first)) continue;
      size_t end = j < cps.size() ? cps[j].second : title.size();
      normalize_key_into(title.substr(cps[i].second, end - cps[i].second), key);
      if (auto it = by_key.find(key); it != by_key.end()) {
        out.push_back(it->second);
        found = j;
        break;
      }
    }
    // Words of one character ("C", "R") are never read: too easily a grade or an initial.
    i = found ? found : i + 1;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::vector<size_t> title_skills(const Catalog& c, std::string_view title) { return title_keys(c.skill_by_key, title); }

namespace {

/// The domains a job title names (教师, 银行, 医院, 物流), by their names and aliases.
std::vector<size_t> title_domains(const Catalog& c, std::string_view title) {
  return title_keys(c.domain_by_key, title);
}

struct Credit {
  double value = 0;
  size_t via = 0;
  int inferred = -1;  // domain index, -1 when declared
  Evidence evidence = Evidence::declared;
  int from = -1;     // title: experience entry; certificate: certificate index
  size_t order = 0;  // its place among the offers (ties keep it)
};

using Offers = std::vector<std::pair<size_t, Credit>>;  // (skill, credit offered), in the order offered

// Offers `start` credit to a skill and to its ancestors: knowing a skill proves its
// parent as far as the edge says (skill_up: 1 unless the catalogue says less).
void spread(const Catalog& c, size_t skill, Credit start, Offers& offers) {
  int k = static_cast<int>(skill);
  for (size_t steps = 0; k >= 0 && steps <= c.skills.size(); ++steps) {
    start.order = offers.size();
    offers.emplace_back(static_cast<size_t>(k), start);
    start.value *= c.skill_up[static_cast<size_t>(k)];
    if (start.value < 1e-6) break;
    k = c.skill_parent[static_cast<size_t>(k)];
  }
}

// Offers a general skill's credit, partial_credit per level, to the more specific
// skills beneath it (two levels at most: deep learning says little of one library).
void spread_down(const Catalog& c, size_t skill, Credit start, Offers& offers) {
  constexpr int k_levels = 2;
  std::vector<std::pair<size_t, int>> todo{{skill, 0}};
  while (!todo.empty()) {
    auto [k, depth] = todo.back();
    todo.pop_back();
    if (depth >= k_levels || k >= c.skill_children.size()) continue;
    Credit down = start;
    down.value = start.value * std::pow(c.scoring.partial_credit, depth + 1);
    if (down.value < 1e-6) continue;
    for (uint32_t child : c.skill_children[k]) {
      down.order = offers.size();
      offers.emplace_back(child, down);
      todo.emplace_back(child, depth + 1);
    }
  }
}

/// Credits a profile's skills; with `infer`, also the skills its years of work in a
/// domain imply (`years_of(domain index)`).
template <typename YearsOf, typename JobYears>
SkillCredit credit_with(const Catalog& c, const Profile& p, bool infer, YearsOf&& years_of, JobYears&& job_years) {
  Offers best;
  SkillCredit out;
  // Room for a skill and a few ancestors each, so that the lists do not grow step by step.
  best.reserve(8 * p.skills.size() + 32);
  out.declared.reserve(p.skills.size());
  for (const auto& ps : p.skills) {
    if (ps.id.empty()) continue;
    size_t k = 0;
    if (ps.index >= 0 && static_cast<size_t>(ps.index) < c.skills.size() &&
        c.skills[static_cast<size_t>(ps.index)].id == ps.id) {
      k = static_cast<size_t>(ps.index);  // the reader's hint still holds: no lookup
    } else if (auto it = c.skill_by_id.find(ps.id); it != c.skill_by_id.end()) {
      k = it->second;
    } else {
      continue;
    }
    out.declared.push_back(k);
    // The skill itself and each skill of its same_as set (other catalogues' equals),
    // with what they prove above them, and in part the skills beneath them.
    spread(c, k, Credit{1.0, k, -1}, best);
    spread_down(c, k, Credit{1.0, k, -1}, best);
    if (k < c.skill_same.size())
      for (uint32_t same : c.skill_same[k]) spread(c, same, Credit{1.0, k, -1}, best);
  }
  std::sort(out.declared.begin(), out.declared.end());
  out.declared.erase(std::unique(out.declared.begin(), out.declared.end()), out.declared.end());
  if (infer && c.scoring.inferred_per_year > 0) {
    for (size_t d = 0; d < c.domains.size(); ++d) {
      if (c.domains[d].implies.empty()) continue;
      double years = years_of(d);
      double credit = std::min(c.scoring.inferred_cap, years * c.scoring.inferred_per_year);
      if (credit <= 0) continue;
      for (const auto& id : c.domains[d].implies)
        if (auto it = c.skill_by_id.find(id); it != c.skill_by_id.end())
          spread(c, it->second, Credit{credit, it->second, static_cast<int>(d), Evidence::work}, best);
    }
  }
  // The skills a job title names ("数据分析师（Python/SQL）"), and what they prove in full
  // above them (Python: programming), but no further than a full edge: a title also names
  // the employer's trade ("电商仓储中心" is a warehouse, and e-commerce shows marketing only
  // in part). The syllabus of a certificate held, in part.
  if (infer && c.scoring.title_credit > 0)
    for (size_t j = 0; j < p.experience.size(); ++j)
      for (size_t k : title_skills(c, p.experience[j].title)) {
        Credit title{c.scoring.title_credit, k, -1, Evidence::title, static_cast<int>(j)};
        int a = static_cast<int>(k);
        for (size_t steps = 0; a >= 0 && steps <= c.skills.size(); ++steps) {
          title.order = best.size();
          best.emplace_back(static_cast<size_t>(a), title);
          if (c.skill_up[static_cast<size_t>(a)] < 1.0) break;
          a = c.skill_parent[static_cast<size_t>(a)];
        }
        if (k < c.skill_same.size())
          for (uint32_t same : c.skill_same[k]) {
            title.order = best.size();
            best.emplace_back(same, title);
          }
      }
  // A title that names one of the catalogue's roles (数据标注员, AI训练师, NLP engineer):
  // the job was that role, and its years show the role's core skills (essential, not
  // transversal) as years in a domain show the domain's (inferred_skills: per year, up to
  // the cap), each shown as coming from the job title.
  if (infer && c.scoring.inferred_per_year > 0)
    for (size_t j = 0; j < p.experience.size(); ++j) {
      if (p.experience[j].title.empty()) continue;
      auto named = roles_named_in(c, p.experience[j].title);
      if (named.empty()) continue;
      double credit = std::min(c.scoring.inferred_cap, job_years(j) * c.scoring.inferred_per_year);
      if (credit <= 0) continue;
      for (size_t r : named)
        for (const auto& rs : c.roles[r].skills) {
          if (!rs.essential) continue;
          auto it = c.skill_by_id.find(rs.skill);
          if (it == c.skill_by_id.end() || c.skills[it->second].transversal) continue;
          spread(c, it->second, Credit{credit, it->second, -1, Evidence::title, static_cast<int>(j)}, best);
        }
    }
  if (infer && c.scoring.held_syllabus_credit > 0)
    for (const auto& held : p.certificates) {
      auto it = c.certificate_by_id.find(held.id);
      if (it == c.certificate_by_id.end() || it->second >= c.level_taught.size()) continue;
      const auto& cert = c.certificates[it->second];
      const auto& taught = c.level_taught[it->second];
      int top = held.level.empty() ? static_cast<int>(cert.levels.size()) - 1 : cert.level_index(held.level);
      for (size_t s = 0; s < taught.size(); ++s) {
        if (s > 0 && static_cast<int>(s) - 1 > top) break;  // levels above the one held
        for (uint32_t k : taught[s])
          spread(c, k,
                 Credit{c.scoring.held_syllabus_credit, k, -1, Evidence::certificate, static_cast<int>(it->second)},
                 best);
      }
    }
  // Each skill keeps its best offer, the first of equals; declared beats inferred at
  // equal credit: a person's own word comes first.
  // By skill, offers in the order made (no buffer, unlike stable_sort).
  std::sort(best.begin(), best.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.order < b.second.order;
  });
  out.credit.reserve(best.size());
  out.via.reserve(best.size());
  out.inferred.reserve(best.size());
  out.evidence.reserve(best.size());
  out.from.reserve(best.size());
  for (size_t i = 0; i < best.size();) {
    Credit b = best[i].second;
    size_t k = best[i].first;
    for (++i; i < best.size() && best[i].first == k; ++i) {
      const auto& o = best[i].second;
      if (o.value > b.value || (o.value == b.value && o.evidence < b.evidence)) b = o;
    }
    out.credit.emplace_back(k, std::min(b.value, 1.0));
    out.via.push_back(b.via);
    out.inferred.push_back(b.inferred);
    out.evidence.push_back(b.evidence);
    out.from.push_back(b.from);
  }
  return out;
}

}  // namespace

SkillCredit skill_credit(const Catalog& c, const Profile& p, std::optional<Date> as_of) {
  if (as_of) return ranking::facts_of(c, p, *as_of).credit;  // what recommend, plan and gap read
  return credit_with(
      c, p, false, [](size_t) { return 0.0; }, [](size_t) { return 0.0; });
}

namespace ranking {
namespace {

enum TermIndex { k_ess, k_opt, k_use, k_exp, k_bar, k_goal, k_terms };
constexpr std::array<const char*, k_terms> k_term_ids{"essential", "optional", "use", "experience", "barrier", "goals"};

/// The education a role's own barrier (an imported O*NET Job Zone) expects, as an ISCED
/// level: graduate preparation (7), a bachelor's (6), vocational or associate (5), school (3).
int expected_isced(const std::string& level) {
  if (level == "high") return 7;
  if (level == "fairly-high") return 6;
  if (level == "moderate") return 5;
  return 3;
}

/// How far the person's education meets a role's own barrier: 1 meets it, 0.5 one level
/// short, 0 further short.
double education_fit(int isced, const std::string& level) {
  int need = expected_isced(level);
  return isced >= need ? 1.0 : isced == need - 1 ? 0.5 : 0.0;
}

/// The catalogue's penalty for a barrier level, 0.5 for a level it does not name: a walk
/// of its few entries, most told apart by their length alone (once per category and line).
double penalty_of(const Scoring& sc, const std::string& level) {
  for (const auto& [name, penalty] : sc.barrier_penalty)
    if (name == level) return penalty;
  return 0.5;
}

double role_barrier_value(const Catalog& c, int isced, const std::string& level) {
  double penalty = penalty_of(c.scoring, level);
  return 1.0 - penalty * (1.0 - education_fit(isced, level));
}

/// `credit_of[k]`: skill k's credit (SkillCredit::of), for every skill.
double barrier_value(const Catalog& c, size_t ci, const std::vector<double>& credit_of) {
  const auto& cat = c.categories[ci];
  double have = 0;
  int n = 0;
  for (auto k : c.category_barrier_skills[ci]) {
    have += credit_of[k];
    ++n;
  }
  if (n == 0) return -1;  // the source states no background: no term, and no free credit
  return 1.0 - penalty_of(c.scoring, cat.barrier.level) * (1.0 - have / n);
}

void add_goals(const Catalog& c, const Profile& p, ProfileFacts& f) {
  f.has_goals = !p.goal_roles.empty() || !p.goal_categories.empty();
  f.goal_category.assign(c.categories.size(), 0);
  auto aim_at = [&](const std::string& category) {
    f.goal_category_ids.push_back(category);
    if (auto it = c.category_by_id.find(category); it != c.category_by_id.end()) f.goal_category[it->second] = 1;
  };
  for (const auto& id : p.goal_categories) aim_at(id);
  for (const auto& id : p.goal_roles) {
    // A goal is a role by its id; an external id (an O*NET code) names its category too.
    if (auto it = c.role_by_id.find(id); it != c.role_by_id.end())
      f.goal_roles.push_back(static_cast<uint32_t>(it->second));
    if (const auto* role = c.role(id)) aim_at(role->category);
  }
  std::sort(f.goal_roles.begin(), f.goal_roles.end());
  std::sort(f.goal_category_ids.begin(), f.goal_category_ids.end());
}

}  // namespace

ProfileFacts facts_of(const Catalog& c, const Profile& p, Date as_of) {
  ProfileFacts f;
  f.profile = &p;
  add_goals(c, p, f);
  // A domain no job counts toward measures the same as any other such domain: once.
  auto jobs = jobs_by_domain(c, p);
  const auto& worked = jobs.worked;
  std::optional<ExperienceMeasure> none;
  f.experience.reserve(c.domains.size());
  f.years.reserve(c.domains.size());
  f.barrier.reserve(c.categories.size());
  for (size_t d = 0; d < c.domains.size(); ++d) {
    if (!worked[d] && !none) none = measure_jobs(p, jobs.row(d), as_of);
    f.experience.push_back(worked[d] ? measure_jobs(p, jobs.row(d), as_of) : *none);
    f.years.push_back(f.experience.back().years);
  }
  // A job written without `domains` counts, for advice, toward the domains its title
  // names (高中英语教师: education; 银行客服: finance and customer service), with their
  // ancestors. Domains the person wrote are theirs to decide, and eligibility never reads
  // a title: a rule counts the domains written.
  {
    std::vector<char> changed(c.domains.size(), 0);
    for (size_t j = 0; j < p.experience.size(); ++j) {
      if (p.experience[j].title.empty() || !p.experience[j].domains.empty()) continue;
      for (size_t d0 : title_domains(c, p.experience[j].title))
        for (int k = static_cast<int>(d0), steps = 0; k >= 0 && steps <= static_cast<int>(c.domains.size());
             ++steps, k = c.domain_parent[static_cast<size_t>(k)]) {
          auto d = static_cast<size_t>(k);
          if (jobs.counts[d * jobs.jobs + j]) continue;
          jobs.counts[d * jobs.jobs + j] = 1;
          changed[d] = 1;
        }
    }
    for (size_t d = 0; d < c.domains.size(); ++d)
      if (changed[d]) f.years[d] = measure_jobs(p, jobs.row(d), as_of).years;
  }
  f.any_experience = measure_experience(c, p, "", as_of);  // every job counts
  std::vector<char> one(p.experience.size(), 0);
  f.credit = credit_with(
      c, p, true, [&](size_t d) { return f.years[d]; },
      [&](size_t j) {
        one.assign(p.experience.size(), 0);
        one[j] = 1;
        return measure_jobs(p, one, as_of).years;
      });
  // Every category's barrier reads the credit of its skills: from a table by skill
  // index (kept per thread, only the credited entries set and then put back to 0).
  thread_local std::vector<double> credit_of;
  if (credit_of.size() < c.skills.size()) credit_of.resize(c.skills.size(), 0.0);
  struct Table {  // whatever happens, the table is all zeros again after
    std::vector<double>& of;
    const SkillCredit& credit;
    Table(std::vector<double>& o, const SkillCredit& cr) : of(o), credit(cr) {
      for (const auto& [k, v] : credit.credit) of[k] = v;
    }
    Table(const Table&) = delete;
    Table& operator=(const Table&) = delete;
    ~Table() {
      for (const auto& [k, v] : credit.credit) of[k] = 0.0;
    }
  } table(credit_of, f.credit);
  for (size_t ci = 0; ci < c.categories.size(); ++ci) f.barrier.push_back(barrier_value(c, ci, credit_of));
  for (auto k : f.credit.declared) f.use_total += c.skill_idf[k];
  for (const auto& held : p.certificates)
    if (auto it = c.certificate_by_id.find(held.id); it != c.certificate_by_id.end())
      for (int ri : c.certificate_related[it->second])
        if (ri >= 0) f.related_held.push_back(static_cast<uint32_t>(ri));
  std::sort(f.related_held.begin(), f.related_held.end());
  f.related_held.erase(std::unique(f.related_held.begin(), f.related_held.end()), f.related_held.end());
  if (const auto* e = c.education_level(p.education);
      e && !e->isced.empty() && std::isdigit(static_cast<unsigned char>(e->isced[0])))
    f.isced = e->isced[0] - '0';
  return f;
}

namespace {

bool is_goal_role(const ProfileFacts& f, size_t ri) {
  return std::binary_search(f.goal_roles.begin(), f.goal_roles.end(), static_cast<uint32_t>(ri));
}

double goal_value(const Catalog& c, const ProfileFacts& f, size_t ri) {
  if (!f.has_goals) return 0.0;
  if (is_goal_role(f, ri)) return 1.0;
  int cat = c.role_category[ri];
  if (cat >= 0) return f.goal_category[static_cast<size_t>(cat)] ? 0.5 : 0.0;
  const auto& id = c.roles[ri].category;
  return std::binary_search(f.goal_category_ids.begin(), f.goal_category_ids.end(), id) ? 0.5 : 0.0;
}

/// The sums a role's skill terms are made of.
struct RoleNumbers {
  double ess = 0, opt = 0;  // Σ credit × weight × IDF over the role's skills
  double core = 0;          // the essential sum over skills that are not transversal
  double use = 0;           // Σ IDF × credit over the person's own skills the role uses
  bool evidence = false;    // some skill of the role is met, fully or in part
  size_t used = 0;          // how many of the person's skills the role uses (full match only)
};

struct TermValues {
  std::array<double, k_terms> value{};
  std::array<bool, k_terms> used{};
  std::array<double, k_terms> contribution{};
  double score = 0;
  bool gated = false;              // experience and barrier not counted: no skill evidence, not a goal
  double core_shown = 1;           // the share of the role's core skills the person shows (weighs experience)
  double raw_score = 0;            // the score before the gate (closest_roles)
  std::array<bool, 4> evidence{};  // skills, experience, certificate, goal
};

/// The terms of a role's score. One function for the quick ranking of every role and
/// the full match of the roles shown, so both give the same number.
TermValues term_values(const Catalog& c, const ProfileFacts& f, size_t ri, const RoleNumbers& n) {
  const auto& role = c.roles[ri];
  const auto& sc = c.scoring;
  TermValues t;
  double ess_total = c.role_essential_weight[ri], opt_total = c.role_optional_weight[ri];
  // Whether the role lists such skills at all (a zero total can have some: index()).
  bool has_ess = (c.role_skill_kinds[ri] & 1) != 0, has_opt = (c.role_skill_kinds[ri] & 2) != 0;
  double goal = goal_value(c, f, ri);
  double best_years = 0;
  for (auto d : c.role_domains[ri]) best_years = std::max(best_years, f.years[d]);

  // Real evidence: a non-transversal skill met, work in the role's domains, a related
  // certificate held, or a goal. Transversal skills alone never make a fit.
  // Work in the role's domains is evidence where it shows some of the role's core skills
  // (or the role has none): years on a ward say nothing of data engineering.
  double core_total = c.role_core_weight[ri];
  t.core_shown = core_total > 0 ? std::min(1.0, n.core / core_total) : 1.0;
  t.evidence = {n.evidence, best_years > 0 && t.core_shown > 0,
                std::binary_search(f.related_held.begin(), f.related_held.end(), static_cast<uint32_t>(ri)), goal > 0};
  t.gated = std::none_of(t.evidence.begin(), t.evidence.end(), [](bool e) { return e; });
  auto set = [&](TermIndex i, double v) {
    t.used[i] = true;
    t.value[i] = std::clamp(v, 0.0, 1.0);
  };
  const double prior = sc.coverage_prior * c.typical_skill_weight;
  if (has_ess) set(k_ess, ess_total + prior > 0 ? n.ess / (ess_total + prior) : 0);
  if (has_opt) set(k_opt, opt_total > 0 ? n.opt / opt_total : 0);
  if (f.use_total > 0) set(k_use, n.use / f.use_total);
  // Years in the role's domains count as far as the work shows the role's core skills:
  // four years of annotation are not four years toward data engineering.
  set(k_exp, t.gated ? 0 : std::min(1.0, best_years / sc.experience_saturation_years) * t.core_shown);
  if (!role.barrier_level.empty()) {
    // The role's own barrier (O*NET's Job Zone) against the person's education. It is a
    // term only where it binds (the education falls short): a barrier met is no evidence
    // of fit, and roles of a catalogue without barriers (ESCO) must stay comparable.
    if (f.isced >= 0 && education_fit(f.isced, role.barrier_level) < 1)
      set(k_bar, t.gated ? 0 : role_barrier_value(c, f.isced, role.barrier_level));
  } else if (int cat = c.role_category[ri]; cat >= 0 && f.barrier[static_cast<size_t>(cat)] >= 0) {
    set(k_bar, t.gated ? 0 : f.barrier[static_cast<size_t>(cat)]);
  }
  if (f.has_goals) set(k_goal, goal);
  const std::array<double, k_terms> weights{sc.w_essential,  sc.w_optional, sc.w_use,
                                            sc.w_experience, sc.w_barrier,  sc.w_goals};
  double wsum = 0;
  for (int i = 0; i < k_terms; ++i)
    if (t.used[i]) wsum += weights[i];
  for (int i = 0; i < k_terms; ++i)
    if (t.used[i]) {
      t.contribution[i] = wsum > 0 ? weights[i] * t.value[i] / wsum : 0;
      t.score += t.contribution[i];
    }
  t.raw_score = std::clamp(t.score, 0.0, 1.0);
  t.score = t.gated ? 0.0 : t.raw_score;
  return t;
}

// How much a person's skill `k` counts toward a role: the credit of the nearest of
// its ancestors (itself first) that the role asks for, or 0.
/// Calls f(skill, credit) for a declared skill, its same_as equals and their ancestors.
template <typename F>
void each_credited(const Catalog& c, size_t k, F&& f) {
  auto up = [&](size_t from) {
    double credit = 1.0;
    int a = static_cast<int>(from);
    for (size_t steps = 0; a >= 0 && steps <= c.skills.size() && credit >= 1e-6; ++steps) {
      f(static_cast<size_t>(a), credit);
      credit *= c.skill_up[static_cast<size_t>(a)];
      a = c.skill_parent[static_cast<size_t>(a)];
    }
  };
  up(k);
  if (k < c.skill_same.size())
    for (uint32_t same : c.skill_same[k]) up(same);
}

double use_credit(const Catalog& c, size_t k, const std::vector<bool>& in_role) {
  double best = 0;
  each_credited(c, k, [&](size_t a, double credit) {
    if (in_role[a]) best = std::max(best, credit);
  });
  return best;
}

Text experience_detail(const Catalog& c, const ProfileFacts& f, size_t ri, double core_shown) {
  const auto& sc = c.scoring;
  double best_years = 0;
  int best = -1;
  for (auto d : c.role_domains[ri])
    if (f.years[d] > best_years) {
      best_years = f.years[d];
      best = static_cast<int>(d);
    }
  if (best < 0) return T("no work in this field's domains", "没有该领域的工作经验");
  const auto& dn = c.domains[static_cast<size_t>(best)];
  auto dur = duration_text(f.experience[static_cast<size_t>(best)].months);
  if (core_shown < 1)
    return T(fmt::format("{} of {} work (full marks at {} years), counted for the {} of the role's core skills you "
                         "show",
                         dur.en, lower_first(dn.name.en), sc.experience_saturation_years, pct(core_shown)),
             fmt::format("{}工作 {}（满 {} 年得满分），按你具备的岗位核心技能 {} 计", dn.name.in(Lang::zh), dur.zh,
                         sc.experience_saturation_years, pct(core_shown)));
  return T(fmt::format("{} of {} work (full marks at {} years)", dur.en, lower_first(dn.name.en),
                       sc.experience_saturation_years),
           fmt::format("{}工作 {}（满 {} 年得满分）", dn.name.in(Lang::zh), dur.zh, sc.experience_saturation_years));
}

Text barrier_detail(const Catalog& c, const ProfileFacts& f, const Role& role) {
  if (!role.barrier_level.empty()) {
    double fit = education_fit(f.isced, role.barrier_level);
    return T(fmt::format("barrier {} (the source's preparation level); your education {}", role.barrier_level,
                         fit == 1  ? "meets it"
                         : fit > 0 ? "is one level short of it"
                                   : "is short of it"),
             fmt::format("门槛 {}（来源的准备程度等级）；你的学历{}", role.barrier_level,
                         fit == 1  ? "满足"
                         : fit > 0 ? "差一级"
                                   : "不足"));
  }
  const auto* cat = c.category(role.category);
  static const std::map<std::string, std::pair<std::string, std::string>> k_level{
      {"high", {"high", "较高"}},
      {"fairly-high", {"fairly high", "相对较高"}},
      {"moderate", {"moderate", "适中"}},
      {"unstated", {"not stated", "未说明"}}};
  auto lv = k_level.count(cat->barrier.level) ? k_level.at(cat->barrier.level)
                                              : std::make_pair(cat->barrier.level, cat->barrier.level);
  double have = 0;
  int n = 0;
  for (const auto& s : cat->barrier.skills)
    if (auto it = c.skill_by_id.find(s); it != c.skill_by_id.end()) {
      have += f.credit.of(it->second);
      ++n;
    }
  double fit = n ? have / n : 0;
  return T(fmt::format("barrier {}; background met {}", lv.first, pct(fit)),
           fmt::format("门槛{}；背景符合 {}", lv.second, pct(fit)));
}

std::string skill_list(const Catalog& c, const std::vector<std::string>& ids, bool zh, size_t most) {
  std::string s;
  for (size_t i = 0; i < ids.size() && i < most; ++i) {
    const auto* k = c.skill(ids[i]);
    s += (s.empty() ? "" : (zh ? "、" : ", ")) + (k ? (zh ? k->name.in(Lang::zh) : k->name.en) : ids[i]);
  }
  if (ids.size() > most)
    s += zh ? fmt::format(" 等 {} 项", ids.size()) : fmt::format(" and {} more", ids.size() - most);
  return s;
}

// Sorts a role's skills into matched, partly matched and missing, and sums the numbers.
// Without `count_use`, the use sum is left at 0 (the caller has it from touch()).
RoleNumbers classify(const Catalog& c, const ProfileFacts& f, size_t ri, const std::vector<double>& slot_credit,
                     const std::vector<size_t>& slot_via, RoleMatch& m, bool count_use) {
  const auto& role = c.roles[ri];
  RoleNumbers n;
  m.matched.reserve(role.skills.size());
  m.missing.reserve(role.skills.size());
  m.missing_essential.reserve(role.skills.size());
  std::vector<bool> in_role(count_use ? c.skills.size() : 0, false);
  const auto& slot_skill = c.role_slot_skill[ri];
  for (size_t k = 0; k < role.skills.size(); ++k) {
    const auto& rs = role.skills[k];
    int skill = slot_skill[k];
    double idf = skill < 0 ? 1.0 : c.skill_idf[static_cast<size_t>(skill)];
    if (count_use && skill >= 0) in_role[static_cast<size_t>(skill)] = true;
    double cr = slot_credit[k];
    bool transversal = skill >= 0 && c.skills[static_cast<size_t>(skill)].transversal;
    (rs.essential ? n.ess : n.opt) += cr * (rs.weight * idf) * (transversal ? c.scoring.transversal_weight : 1.0);
    if (rs.essential && !transversal) n.core += cr * (rs.weight * idf);
    if (cr > 0 && !transversal) n.evidence = true;
    auto evidence = [&] {
      PartialMatch pm;
      pm.required = rs.skill;
      pm.via = c.skills[slot_via[k]].id;
      pm.credit = cr;
      pm.essential = rs.essential;
      auto [kind, from] = f.credit.evidence_of(skill >= 0 ? static_cast<size_t>(skill) : slot_via[k]);
      pm.evidence = kind;
      if (int d = f.credit.inferred_from(slot_via[k]); d >= 0) {
        pm.evidence = Evidence::work;
        pm.inferred_domain = c.domains[static_cast<size_t>(d)].id;
        pm.inferred_years = f.years[static_cast<size_t>(d)];
        pm.inferred_months = f.experience[static_cast<size_t>(d)].months;
      }
      if (kind == Evidence::title && from >= 0) pm.from = std::to_string(from);
      if (kind == Evidence::certificate && from >= 0) pm.from = c.certificates[static_cast<size_t>(from)].id;
      return pm;
    };
    if (cr >= 1.0) {
      m.matched.push_back(rs.skill);
      if (skill >= 0 && (slot_via[k] != static_cast<size_t>(skill) ||
                         f.credit.evidence_of(static_cast<size_t>(skill)).first != Evidence::declared))
        m.proven.push_back(evidence());
    } else if (cr > 0) {
      m.partial.push_back(evidence());
    } else if (transversal) {
      m.also_asked.push_back(rs.skill);
    } else if (rs.essential) {
      m.missing.push_back(rs.skill);
      m.missing_essential.push_back(true);
    }
  }
  // The optional ones missing after the essential ones.
  for (size_t k = 0; k < role.skills.size(); ++k) {
    int skill = slot_skill[k];
    bool transversal = skill >= 0 && c.skills[static_cast<size_t>(skill)].transversal;
    if (!role.skills[k].essential && !(slot_credit[k] > 0) && !transversal) {
      m.missing.push_back(role.skills[k].skill);
      m.missing_essential.push_back(false);
    }
  }
  for (auto k : f.credit.declared) {
    if (!count_use) break;
    double credit = use_credit(c, k, in_role);
    n.use += c.skill_idf[k] * credit * (c.skills[k].transversal ? c.scoring.transversal_weight : 1.0);
    n.used += credit > 0 ? 1 : 0;
  }
  return n;
}

Text skill_term_detail(const RoleMatch& m, const Role& role, bool essential) {
  int full = 0, n = 0, part = 0;
  for (const auto& rs : role.skills) n += rs.essential == essential ? 1 : 0;
  for (const auto& id : m.matched)
    for (const auto& rs : role.skills)
      if (rs.skill == id && rs.essential == essential) {
        ++full;
        break;
      }
  for (const auto& pm : m.partial) part += pm.essential == essential ? 1 : 0;
  std::string pe = part ? fmt::format(", {} partly", part) : "", pz = part ? fmt::format("，{} 项部分满足", part) : "";
  return essential
             ? T(fmt::format("{} of {} essential skills{}", full, n, pe), fmt::format("核心技能 {}/{}{}", full, n, pz))
             : T(fmt::format("{} of {} optional skills{}", full, n, pe), fmt::format("加分技能 {}/{}{}", full, n, pz));
}

Text term_detail(const Catalog& c, const ProfileFacts& f, size_t ri, const RoleMatch& m, const TermValues& t, int i,
                 size_t used_skills) {
  const auto& role = c.roles[ri];
  switch (i) {
    case k_ess:
      return skill_term_detail(m, role, true);
    case k_opt:
      return skill_term_detail(m, role, false);
    case k_use:
      return T(
          fmt::format("uses {} of your {} skills (rarer skills weigh more)", used_skills, f.credit.declared.size()),
          fmt::format("用到你 {} 项技能中的 {} 项（越少见的技能权重越高）", f.credit.declared.size(), used_skills));
    case k_exp:
    case k_bar:
      if (t.gated) return T("not counted: none of your skills matches this role", "不计分：你的技能与该岗位无一匹配");
      return i == k_exp ? experience_detail(c, f, ri, t.core_shown) : barrier_detail(c, f, role);
    default: {
      double v = t.value[k_goal];
      return v == 1.0 ? T("one of your goal roles", "是你的目标岗位")
             : v > 0  ? T("in a category you aim at", "属于你的目标类别")
                      : T("not among your goals", "不在你的目标中");
    }
  }
}

}  // namespace
}  // namespace ranking

Text evidence_text(const Catalog& c, const Profile& p, const PartialMatch& pm) {
  const auto* req = c.skill(pm.required);
  const auto* via = c.skill(pm.via);
  bool full = pm.credit >= 1.0;
  std::string en_share = full ? "" : fmt::format(" ({})", pct(pm.credit));
  std::string zh_share = full ? "" : fmt::format("（{}）", pct(pm.credit));
  switch (pm.evidence) {
    case Evidence::work: {
      const auto* d = c.domain(pm.inferred_domain);
      auto dur = duration_text(pm.inferred_months);
      return T(
          fmt::format("{} from your {} of {} work{}", req->name.en, dur.en, lower_first(d->name.en), en_share),
          fmt::format("{}：来自你 {} 的{}工作经验{}", req->name.in(Lang::zh), dur.zh, d->name.in(Lang::zh), zh_share));
    }
    case Evidence::title: {
      std::string title;
      size_t j = pm.from.empty() ? p.experience.size() : static_cast<size_t>(std::stoul(pm.from));
      if (j < p.experience.size()) title = p.experience[j].title;
      return T(fmt::format("{} from your job title \"{}\"{}", req->name.en, title, en_share),
               fmt::format("{}：来自你的职位名称“{}”{}", req->name.in(Lang::zh), title, zh_share));
    }
    case Evidence::certificate: {
      const auto* cert = c.certificate(pm.from);
      auto name = cert ? cert->name : Text{pm.from, pm.from};
      return T(fmt::format("{} from the {} you hold{}", req->name.en, name.en, en_share),
               fmt::format("{}：来自你持有的{}{}", req->name.in(Lang::zh), name.in(Lang::zh), zh_share));
    }
    case Evidence::declared:
      break;
  }
  if (full)
    return T(fmt::format("{} through your {}", req->name.en, via->name.en),
             fmt::format("{}：由你的{}证明", req->name.in(Lang::zh), via->name.in(Lang::zh)));
  return T(fmt::format("{} counts partly toward {} ({})", via->name.en, req->name.en, pct(pm.credit)),
           fmt::format("{}部分满足{}（{}）", via->name.in(Lang::zh), req->name.in(Lang::zh), pct(pm.credit)));
}

namespace ranking {
namespace {

void add_reasons(const Catalog& c, const ProfileFacts& f, RoleMatch& m) {
  const Profile& p = *f.profile;
  if (!m.matched.empty())
    m.reasons.push_back(
        T("You have " + skill_list(c, m.matched, false, 5), "已具备：" + skill_list(c, m.matched, true, 5)));
  for (const auto& pm : m.proven) m.reasons.push_back(evidence_text(c, p, pm));
  for (const auto& pm : m.partial) m.reasons.push_back(evidence_text(c, p, pm));
  std::vector<std::string> miss_ess;
  for (size_t i = 0; i < m.missing.size(); ++i)
    if (m.missing_essential[i]) miss_ess.push_back(m.missing[i]);
  if (!miss_ess.empty())
    m.reasons.push_back(T("Missing essential: " + skill_list(c, miss_ess, false, 5),
                          "缺少核心技能：" + skill_list(c, miss_ess, true, 5)));
  if (!m.also_asked.empty())
    m.reasons.push_back(T("Also asked for: " + skill_list(c, m.also_asked, false, 5),
                          "也要求：" + skill_list(c, m.also_asked, true, 5)));
  if (is_goal_role(f, c.role_by_id.at(m.role->id))) m.reasons.push_back(T("One of your goal roles", "是你的目标岗位"));
}

/// `use`: the role's use sum when touch() has it already (then, without prose, the
/// person's skills are not walked again: only the term's detail counts them).
RoleMatch build_match(const Catalog& c, const ProfileFacts& f, size_t ri, const std::vector<double>& slot_credit,
                      const std::vector<size_t>& slot_via, bool prose, std::optional<double> use = std::nullopt) {
  const auto& role = c.roles[ri];
  RoleMatch m;
  m.role = &role;
  auto n = classify(c, f, ri, slot_credit, slot_via, m, prose || !use);
  if (use) n.use = *use;
  auto t = term_values(c, f, ri, n);
  const auto& sc = c.scoring;
  const std::array<double, k_terms> weights{sc.w_essential,  sc.w_optional, sc.w_use,
                                            sc.w_experience, sc.w_barrier,  sc.w_goals};
  for (int i = 0; prose && i < k_terms; ++i)  // brief form shows no terms
    if (t.used[i])
      m.terms.push_back(
          ScoreTerm{k_term_ids[i], t.value[i], weights[i], t.contribution[i], term_detail(c, f, ri, m, t, i, n.used)});
  m.score = t.score;
  m.fit = t.gated ? "" : fit_label(c.scoring, t.score);
  static constexpr std::array<const char*, 4> k_evidence{"skills", "experience", "certificate", "goal"};
  for (size_t i = 0; i < k_evidence.size(); ++i)
    if (t.evidence[i]) m.evidence.emplace_back(k_evidence[i]);
  if (prose) add_reasons(c, f, m);
  return m;
}

bool better(const RoleMatch& a, const RoleMatch& b) {
  if (a.score != b.score) return a.score > b.score;
  return a.role->id < b.role->id;
}

}  // namespace

RoleMatch match_role(const Catalog& c, const ProfileFacts& f, const Role& role, bool prose) {
  std::vector<double> credit(role.skills.size(), 0);
  std::vector<size_t> via(role.skills.size(), 0);
  size_t ri = c.role_by_id.at(role.id);
  for (size_t k = 0; k < role.skills.size(); ++k) {
    int skill = c.role_slot_skill[ri][k];
    if (skill < 0) continue;
    credit[k] = f.credit.of(static_cast<size_t>(skill));
    via[k] = f.credit.source_of(static_cast<size_t>(skill));
  }
  return build_match(c, f, ri, credit, via, prose);
}

namespace {

/// One slot of a role that a person's skill (or an ancestor of it) fills.
struct Hit {
  uint32_t role = 0, slot = 0;
  double credit = 0;  // the credit of the skill in the slot
  double weight = 0;  // the slot's weight × the skill's IDF
  size_t via = 0;     // the person's skill that gives it
  bool transversal = false;
};

/// The sums of every role a person's skills reach, through the inverted index: the
/// cost grows with the profile, not the catalogue. A role no skill reaches has zeros
/// (adding the untouched slots' zeros changes no sum, so the quick score equals the
/// full one).
struct Touched {
  std::vector<RoleNumbers> numbers;  // by role index
  std::vector<uint32_t> reached;     // the roles some skill reaches, ascending
  std::vector<Hit> hits;             // by role, then slot
};

Touched touch(const Catalog& c, const ProfileFacts& f) {
  Touched t;
  t.numbers.assign(c.roles.size(), {});
  size_t n_hits = 0;
  for (const auto& [skill, cr] : f.credit.credit) n_hits += c.roles_by_skill[skill].size();
  t.hits.reserve(n_hits);
  t.reached.reserve(std::min(n_hits, c.roles.size()));
  for (size_t i = 0; i < f.credit.credit.size(); ++i) {
    auto [skill, cr] = f.credit.credit[i];
    bool transversal = c.skills[skill].transversal;
    for (auto [role, slot] : c.roles_by_skill[skill])
      t.hits.push_back(
          Hit{role, slot, cr, c.roles[role].skills[slot].weight * c.skill_idf[skill], f.credit.via[i], transversal});
  }
  std::sort(t.hits.begin(), t.hits.end(),
            [](const Hit& a, const Hit& b) { return a.role != b.role ? a.role < b.role : a.slot < b.slot; });
  for (const auto& h : t.hits) {
    if (t.reached.empty() || t.reached.back() != h.role) t.reached.push_back(h.role);
    auto& n = t.numbers[h.role];
    bool essential = c.roles[h.role].skills[h.slot].essential;
    (essential ? n.ess : n.opt) += h.credit * h.weight * (h.transversal ? c.scoring.transversal_weight : 1.0);
    if (essential && !h.transversal) n.core += h.credit * h.weight;
    if (h.credit > 0 && !h.transversal) n.evidence = true;
  }
  // The person's own skills each role uses, nearest ancestor first (its credit is the
  // best). Every role they reach is reached above already (the same skills, credited).
  std::vector<double> best(c.roles.size(), 0);
  std::vector<uint32_t> hit;
  for (size_t k : f.credit.declared) {
    hit.clear();
    each_credited(c, k, [&](size_t a, double credit) {
      for (auto [role, slot] : c.roles_by_skill[a]) {
        if (best[role] == 0) hit.push_back(role);
        best[role] = std::max(best[role], credit);
      }
    });
    double tw = c.skills[k].transversal ? c.scoring.transversal_weight : 1.0;
    for (auto role : hit) {
      t.numbers[role].use += c.skill_idf[k] * best[role] * tw;
      best[role] = 0;
    }
  }
  return t;
}

/// The roles that can score above zero: those the person's skills reach and, with
/// goals, the goal roles and the roles of goal categories. Any other role has no
/// evidence and no goal: every term is zero (docs/scoring.md), so it scores 0.
std::vector<uint32_t> candidates(const Catalog& c, const ProfileFacts& f, const Touched& t) {
  bool worked = false;
  for (double y : f.years) worked = worked || y > 0;
  if (!f.has_goals && !worked && f.related_held.empty()) return t.reached;
  std::vector<uint32_t> out;
  for (size_t r = 0, i = 0; r < c.roles.size(); ++r) {
    bool reached = i < t.reached.size() && t.reached[i] == r;
    i += reached ? 1 : 0;
    bool in_domain = false;
    for (auto d : c.role_domains[r]) in_domain = in_domain || f.years[d] > 0;
    if (reached || in_domain || goal_value(c, f, r) > 0 ||
        std::binary_search(f.related_held.begin(), f.related_held.end(), static_cast<uint32_t>(r)))
      out.push_back(static_cast<uint32_t>(r));
  }
  return out;
}

/// The best `keep` of the scored roles above zero, by score, ties by id.
std::vector<uint32_t> best_roles(const Catalog& c, std::vector<std::pair<double, uint32_t>> scored, size_t keep) {
  auto order = [&](const std::pair<double, uint32_t>& a, const std::pair<double, uint32_t>& b) {
    if (a.first != b.first) return a.first > b.first;
    return c.role_id_rank[a.second] < c.role_id_rank[b.second];
  };
  std::erase_if(scored, [](const auto& s) { return !(s.first > 0); });
  size_t first = std::min(keep, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(first), scored.end(), order);
  // Roles without evidence (a score of 0) are not a ranking: they are left out.
  std::vector<uint32_t> out;
  out.reserve(first);
  for (size_t i = 0; i < first; ++i) out.push_back(scored[i].second);
  return out;
}

/// The full matches of `roles`, in that order, from the slots the person's skills fill.
std::vector<RoleMatch> matches_of(const Catalog& c, const ProfileFacts& f, const Touched& touched,
                                  const std::vector<uint32_t>& roles, bool prose) {
  std::vector<RoleMatch> out;
  out.reserve(roles.size());
  std::vector<double> credit;
  std::vector<size_t> via;
  for (auto r : roles) {
    credit.assign(c.roles[r].skills.size(), 0);
    via.assign(c.roles[r].skills.size(), 0);
    auto first = std::lower_bound(touched.hits.begin(), touched.hits.end(), r,
                                  [](const Hit& h, uint32_t role) { return h.role < role; });
    for (auto h = first; h != touched.hits.end() && h->role == r; ++h) {
      credit[h->slot] = h->credit;
      via[h->slot] = h->via;
    }
    out.push_back(build_match(c, f, r, credit, via, prose, touched.numbers[r].use));
  }
  return out;
}

}  // namespace

std::vector<RoleMatch> rank_roles(const Catalog& c, const ProfileFacts& f, const std::string& category, size_t limit,
                                  bool prose) {
  auto touched = touch(c, f);
  auto shown = [&](size_t r) {
    return (category.empty() || c.roles[r].category == category) && !c.roles[r].incomplete;
  };  // an incomplete role has no skills in its source: nothing to rank on
  size_t eligible = 0;
  for (size_t r = 0; r < c.roles.size(); ++r) eligible += shown(r) ? 1 : 0;
  auto can_score = candidates(c, f, touched);
  std::vector<std::pair<double, uint32_t>> scored;
  scored.reserve(can_score.size());
  for (auto r : can_score)
    if (shown(r)) scored.emplace_back(term_values(c, f, r, touched.numbers[r]).score, r);
  size_t keep = limit == 0 ? eligible : std::min(limit, eligible);

  auto out = matches_of(c, f, touched, best_roles(c, std::move(scored), keep), prose);
  std::sort(out.begin(), out.end(), better);  // a total order: ids are unique
  return out;
}

std::vector<RoleMatch> closest_roles(const Catalog& c, const ProfileFacts& f, const std::string& category, size_t n,
                                     bool prose) {
  // Closest means most of the role's essential skills shown (transversal ones too: all
  // such a person has), then the score before the gate. Not the score alone: its `use`
  // term favours a role of two skills that happens to use a rare one of the person's.
  auto touched = touch(c, f);
  struct Near {
    double essential, raw;
    uint32_t role;
  };
  std::vector<Near> near;
  for (auto r : candidates(c, f, touched)) {
    if ((!category.empty() && c.roles[r].category != category) || c.roles[r].incomplete) continue;
    auto t = term_values(c, f, r, touched.numbers[r]);
    if (t.gated && t.raw_score > 0) near.push_back({t.value[k_ess], t.raw_score, r});
  }
  std::sort(near.begin(), near.end(), [&](const Near& a, const Near& b) {
    if (a.essential != b.essential) return a.essential > b.essential;
    if (a.raw != b.raw) return a.raw > b.raw;
    return c.role_id_rank[a.role] < c.role_id_rank[b.role];
  });
  std::vector<uint32_t> roles;
  for (size_t i = 0; i < near.size() && i < n; ++i) roles.push_back(near[i].role);
  return matches_of(c, f, touched, roles, prose);
}

}  // namespace ranking

RoleMatch match_role(const Catalog& c, const Profile& p, const Role& role, Date as_of) {
  return ranking::match_role(c, ranking::facts_of(c, p, as_of), role, true);
}

std::vector<RoleMatch> rank_roles(const Catalog& c, const Profile& p, Date as_of, const std::string& category,
                                  size_t limit) {
  return ranking::rank_roles(c, ranking::facts_of(c, p, as_of), category, limit, true);
}

std::vector<std::string> syllabus_covers(const Catalog& c, const std::vector<std::string>& syllabus,
                                         const std::vector<std::string>& skills, bool exact_only) {
  // A syllabus skill covers a needed skill when it is the same, beneath it (a part
  // of it), or its direct parent. Not any ancestor: a syllabus that names the whole
  // of artificial intelligence does not teach every AI design tool.
  auto index_of = [&](const std::string& id) -> long {
    auto it = c.skill_by_id.find(id);
    return it == c.skill_by_id.end() ? -1 : static_cast<long>(it->second);
  };
  std::vector<long> taught;
  taught.reserve(syllabus.size());
  for (const auto& id : syllabus) taught.push_back(index_of(id));
  std::vector<std::string> out;
  for (const auto& need : skills) {
    long b = index_of(need);
    if (b < 0) continue;
    auto ib = static_cast<size_t>(b);
    for (long a : taught) {
      if (a < 0) continue;
      auto ia = static_cast<size_t>(a);
      if (Catalog::tree_distance(c.skill_parent, ia, ib) >= 0 ||
          (!exact_only && Catalog::tree_distance(c.skill_parent, ib, ia) == 1)) {
        out.push_back(need);
        break;
      }
    }
  }
  return out;
}

std::vector<CoveringCertificate> certificates_covering(const Catalog& c, const std::vector<std::string>& skills) {
  std::vector<CoveringCertificate> out;
  if (skills.empty()) return out;
  for (const auto& cert : c.certificates) {
    auto cover = [&](const std::vector<std::string>& syllabus, const CertificateLevel* level) {
      CoveringCertificate cc{&cert, level, syllabus_covers(c, syllabus, skills)};
      if (!cc.covers.empty()) out.push_back(std::move(cc));
    };
    if (!cert.syllabus.empty()) cover(cert.syllabus, nullptr);
    for (const auto& l : cert.levels)
      if (!l.syllabus.empty()) cover(l.syllabus, &l);
  }
  std::stable_sort(out.begin(), out.end(), [](const CoveringCertificate& a, const CoveringCertificate& b) {
    if (a.covers.size() != b.covers.size()) return a.covers.size() > b.covers.size();
    if (a.certificate->id != b.certificate->id) return a.certificate->id < b.certificate->id;
    return false;
  });
  return out;
}

}  // namespace advisor
