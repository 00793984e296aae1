// Role ranking and certificate suggestions. Every score is a weighted mean of
// named terms, so the output can show each one.
#include "advisor/matching.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <set>
#include <unordered_map>

namespace advisor {

namespace {
Text T(std::string en, std::string zh) { return Text{std::move(zh), std::move(en)}; }

std::string pct(double v) { return fmt::format("{:.0f}%", v * 100); }
} // namespace

double SkillCredit::of(size_t skill) const {
  auto it = std::lower_bound(credit.begin(), credit.end(), std::make_pair(skill, -1.0));
  return it != credit.end() && it->first == skill ? it->second : 0.0;
}

size_t SkillCredit::source_of(size_t skill) const {
  auto it = std::lower_bound(credit.begin(), credit.end(), std::make_pair(skill, -1.0));
  return it != credit.end() && it->first == skill ? via[static_cast<size_t>(it - credit.begin())] : skill;
}

SkillCredit skill_credit(const Catalog& c, const Profile& p) {
  std::unordered_map<size_t, std::pair<double, size_t>> best;
  for (const auto& ps : p.skills) {
    if (ps.id.empty()) continue;
    auto it = c.skill_by_id.find(ps.id);
    if (it == c.skill_by_id.end()) continue;
    // The skill itself and each skill of its same_as set (other catalogues' equals),
    // with their ancestors in part.
    auto credit_up = [&](size_t from) {
      double credit = 1.0;
      int k = static_cast<int>(from);
      size_t steps = 0;
      while (k >= 0 && steps <= c.skills.size()) {
        auto& b = best[static_cast<size_t>(k)];
        if (credit > b.first) b = {credit, it->second};
        credit *= c.scoring.partial_credit;
        if (credit < 1e-6) break;
        k = c.skill_parent[static_cast<size_t>(k)];
        ++steps;
      }
    };
    credit_up(it->second);
    if (it->second < c.skill_same.size())
      for (uint32_t same : c.skill_same[it->second]) credit_up(same);
  }
  SkillCredit out;
  std::vector<std::pair<size_t, std::pair<double, size_t>>> sorted(best.begin(), best.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [k, v] : sorted) {
    out.credit.emplace_back(k, v.first);
    out.via.push_back(v.second);
  }
  return out;
}

namespace {

struct ProfileFacts {
  SkillCredit credit;
  std::set<std::string> goal_roles, goal_categories, goal_role_categories;
  bool has_goals = false;
  std::unordered_map<std::string, ExperienceMeasure> experience;  // by domain id
};

ProfileFacts facts_of(const Catalog& c, const Profile& p, Date as_of) {
  ProfileFacts f;
  f.credit = skill_credit(c, p);
  f.goal_roles.insert(p.goal_roles.begin(), p.goal_roles.end());
  f.goal_categories.insert(p.goal_categories.begin(), p.goal_categories.end());
  for (const auto& r : p.goal_roles)
    if (const auto* role = c.role(r)) f.goal_role_categories.insert(role->category);
  f.has_goals = !f.goal_roles.empty() || !f.goal_categories.empty();
  for (const auto& d : c.domains) f.experience.emplace(d.id, measure_experience(c, p, d.id, as_of));
  return f;
}

const std::vector<std::string>& domains_of(const Catalog& c, const Role& r) {
  static const std::vector<std::string> k_none;
  if (!r.domains.empty()) return r.domains;
  const auto* cat = c.category(r.category);
  return cat ? cat->domains : k_none;
}

// Skill coverage of a role from the person's skill credits. `slot_credit` holds the
// credit of each of the role's skills (filled from the inverted index).
RoleMatch build_match(const Catalog& c, const ProfileFacts& f, const Role& role, const std::vector<double>& slot_credit,
                      const std::vector<size_t>& slot_via) {
  const auto& sc = c.scoring;
  RoleMatch m;
  m.role = &role;
  size_t ri = c.role_by_id.at(role.id);
  double ess_total = c.role_essential_weight[ri], opt_total = c.role_optional_weight[ri];
  double ess = 0, opt = 0;
  int ess_full = 0, ess_n = 0, opt_full = 0, opt_n = 0;
  std::vector<std::string> miss_ess, miss_opt;
  for (size_t k = 0; k < role.skills.size(); ++k) {
    const auto& rs = role.skills[k];
    double cr = slot_credit[k];
    (rs.essential ? ess : opt) += cr * rs.weight;
    (rs.essential ? ess_n : opt_n) += 1;
    if (cr >= 1.0) {
      m.matched.push_back(rs.skill);
      (rs.essential ? ess_full : opt_full) += 1;
    } else if (cr > 0) {
      m.partial.push_back(PartialMatch{rs.skill, c.skills[slot_via[k]].id, cr, rs.essential});
    } else {
      (rs.essential ? miss_ess : miss_opt).push_back(rs.skill);
    }
  }
  for (const auto& s : miss_ess) {
    m.missing.push_back(s);
    m.missing_essential.push_back(true);
  }
  for (const auto& s : miss_opt) {
    m.missing.push_back(s);
    m.missing_essential.push_back(false);
  }
  int ess_partial = 0, opt_partial = 0;
  for (const auto& pm : m.partial) (pm.essential ? ess_partial : opt_partial) += 1;

  auto add = [&](std::string id, double value, double weight, Text detail) {
    m.terms.push_back(ScoreTerm{std::move(id), std::clamp(value, 0.0, 1.0), weight, 0, std::move(detail)});
  };
  auto partial_note = [&](int n) {
    return n ? std::make_pair(fmt::format(", {} partly", n), fmt::format("，{} 项部分满足", n))
             : std::make_pair(std::string(), std::string());
  };
  if (ess_n > 0) {
    auto [pe, pz] = partial_note(ess_partial);
    add("essential", ess_total > 0 ? ess / ess_total : 0, sc.w_essential,
        T(fmt::format("{} of {} essential skills{}", ess_full, ess_n, pe),
          fmt::format("核心技能 {}/{}{}", ess_full, ess_n, pz)));
  }
  if (opt_n > 0) {
    auto [pe, pz] = partial_note(opt_partial);
    add("optional", opt_total > 0 ? opt / opt_total : 0, sc.w_optional,
        T(fmt::format("{} of {} optional skills{}", opt_full, opt_n, pe),
          fmt::format("加分技能 {}/{}{}", opt_full, opt_n, pz)));
  }
  // Experience: the best of the role's domains, saturating.
  double best_years = 0;
  std::string best_domain;
  for (const auto& d : domains_of(c, role)) {
    auto it = f.experience.find(d);
    if (it != f.experience.end() && it->second.years > best_years) {
      best_years = it->second.years;
      best_domain = d;
    }
  }
  if (!best_domain.empty()) {
    const auto* dn = c.domain(best_domain);
    auto dur = duration_text(f.experience.at(best_domain).months);
    add("experience", best_years / sc.experience_saturation_years, sc.w_experience,
        T(fmt::format("{} of {} work (full marks at {} years)", dur.en, lower_first(dn->name.en), sc.experience_saturation_years),
          fmt::format("{}工作 {}（满 {} 年得满分）", dn->name.in(Lang::zh), dur.zh, sc.experience_saturation_years)));
  } else {
    add("experience", 0, sc.w_experience,
        T("no work in this field's domains", "没有该领域的工作经验"));
  }
  // Barrier: the background the source says the category expects, against the
  // person's skills; a high barrier weighs a missing background more.
  if (const auto* cat = c.category(role.category)) {
    double have = 0;
    int n = 0;
    for (const auto& s : cat->barrier.skills) {
      auto it = c.skill_by_id.find(s);
      if (it == c.skill_by_id.end()) continue;
      have += f.credit.of(it->second);
      ++n;
    }
    double fit = n ? have / n : 1.0;
    auto pen_it = sc.barrier_penalty.find(cat->barrier.level);
    double penalty = pen_it == sc.barrier_penalty.end() ? 0.5 : pen_it->second;
    static const std::map<std::string, std::pair<std::string, std::string>> k_level{
        {"high", {"high", "较高"}}, {"fairly-high", {"fairly high", "相对较高"}},
        {"moderate", {"moderate", "适中"}}, {"unstated", {"not stated", "未说明"}}};
    auto lv = k_level.count(cat->barrier.level) ? k_level.at(cat->barrier.level) : std::make_pair(cat->barrier.level, cat->barrier.level);
    add("barrier", 1.0 - penalty * (1.0 - fit), sc.w_barrier,
        T(fmt::format("barrier {}; background met {}", lv.first, pct(fit)),
          fmt::format("门槛{}；背景符合 {}", lv.second, pct(fit))));
  }
  if (f.has_goals) {
    double v = f.goal_roles.count(role.id) ? 1.0
               : (f.goal_categories.count(role.category) || f.goal_role_categories.count(role.category)) ? 0.5
                                                                                                        : 0.0;
    add("goals", v, sc.w_goals,
        v == 1.0   ? T("one of your goal roles", "是你的目标岗位")
        : v == 0.5 ? T("in a category you aim at", "属于你的目标类别")
                   : T("not among your goals", "不在你的目标中"));
  }
  double wsum = 0, total = 0;
  for (const auto& t : m.terms) wsum += t.weight;
  for (auto& t : m.terms) {
    t.contribution = wsum > 0 ? t.weight * t.value / wsum : 0;
    total += t.contribution;
  }
  m.score = std::clamp(total, 0.0, 1.0);

  // Reasons a person reads.
  auto names = [&](const std::vector<std::string>& ids, bool zh, size_t most) {
    std::string s;
    for (size_t i = 0; i < ids.size() && i < most; ++i) {
      const auto* k = c.skill(ids[i]);
      s += (s.empty() ? "" : (zh ? "、" : ", ")) + (k ? (zh ? k->name.in(Lang::zh) : k->name.en) : ids[i]);
    }
    if (ids.size() > most) s += zh ? fmt::format(" 等 {} 项", ids.size()) : fmt::format(" and {} more", ids.size() - most);
    return s;
  };
  if (!m.matched.empty())
    m.reasons.push_back(T("You have " + names(m.matched, false, 5), "已具备：" + names(m.matched, true, 5)));
  for (const auto& pm : m.partial) {
    const auto* req = c.skill(pm.required);
    const auto* via = c.skill(pm.via);
    m.reasons.push_back(T(fmt::format("{} counts partly toward {} ({})", via->name.en, req->name.en, pct(pm.credit)),
                          fmt::format("{}部分满足{}（{}）", via->name.in(Lang::zh), req->name.in(Lang::zh), pct(pm.credit))));
  }
  if (!miss_ess.empty())
    m.reasons.push_back(T("Missing essential: " + names(miss_ess, false, 5), "缺少核心技能：" + names(miss_ess, true, 5)));
  if (f.goal_roles.count(role.id)) m.reasons.push_back(T("One of your goal roles", "是你的目标岗位"));
  return m;
}

RoleMatch match_with(const Catalog& c, const ProfileFacts& f, const Role& role) {
  std::vector<double> credit(role.skills.size(), 0);
  std::vector<size_t> via(role.skills.size(), 0);
  for (size_t k = 0; k < role.skills.size(); ++k) {
    auto it = c.skill_by_id.find(role.skills[k].skill);
    if (it == c.skill_by_id.end()) continue;
    credit[k] = f.credit.of(it->second);
    via[k] = f.credit.source_of(it->second);
  }
  return build_match(c, f, role, credit, via);
}

bool better(const RoleMatch& a, const RoleMatch& b) {
  if (a.score != b.score) return a.score > b.score;
  return a.role->id < b.role->id;
}

} // namespace

RoleMatch match_role(const Catalog& c, const Profile& p, const Role& role, Date as_of) {
  return match_with(c, facts_of(c, p, as_of), role);
}

namespace {

// The score of a role from its touched slots only, with the same arithmetic, in the
// same order, as build_match (adding the untouched slots' zeros changes no sum), so
// ranking can score every role cheaply and build the full match, with its texts,
// only for the roles shown. What does not depend on the role (years per domain, the
// barrier term per category) is worked out once per profile, and the catalogue's
// resolved indices replace lookups by id: the loop over thousands of roles touches
// numbers only. `slots`: (slot, credit) sorted by slot.
struct QuickScorer {
  const Catalog& c;
  const ProfileFacts& f;
  std::vector<double> years;    // by domain index
  std::vector<double> barrier;  // barrier term by category index

  QuickScorer(const Catalog& cat, const ProfileFacts& facts) : c(cat), f(facts) {
    years.reserve(c.domains.size());
    for (const auto& d : c.domains) {
      auto it = f.experience.find(d.id);
      years.push_back(it == f.experience.end() ? 0.0 : it->second.years);
    }
    const auto& sc = c.scoring;
    for (const auto& cat_ : c.categories) {
      double have = 0;
      int n = 0;
      for (const auto& s : cat_.barrier.skills) {
        auto k = c.skill_by_id.find(s);
        if (k == c.skill_by_id.end()) continue;
        have += f.credit.of(k->second);
        ++n;
      }
      double fit = n ? have / n : 1.0;
      auto pen_it = sc.barrier_penalty.find(cat_.barrier.level);
      double penalty = pen_it == sc.barrier_penalty.end() ? 0.5 : pen_it->second;
      barrier.push_back(1.0 - penalty * (1.0 - fit));
    }
  }

  double score(size_t ri, const std::vector<std::pair<uint32_t, double>>& slots) const {
    const auto& role = c.roles[ri];
    const auto& sc = c.scoring;
    bool has_ess = c.role_essential_weight[ri] > 0, has_opt = c.role_optional_weight[ri] > 0;
    if (!has_ess || !has_opt)  // weights are positive, but a zero total needs a look
      for (const auto& rs : role.skills) (rs.essential ? has_ess : has_opt) = true;
    double ess = 0, opt = 0;
    for (auto [slot, cr] : slots) (role.skills[slot].essential ? ess : opt) += cr * role.skills[slot].weight;
    double values[5], weights[5];
    int n = 0;
    auto add = [&](double value, double weight) {
      values[n] = std::clamp(value, 0.0, 1.0);
      weights[n++] = weight;
    };
    double ess_total = c.role_essential_weight[ri], opt_total = c.role_optional_weight[ri];
    if (has_ess) add(ess_total > 0 ? ess / ess_total : 0, sc.w_essential);
    if (has_opt) add(opt_total > 0 ? opt / opt_total : 0, sc.w_optional);
    double best_years = 0;
    bool any = false;
    for (auto d : c.role_domains[ri]) {
      if (years[d] > best_years) {
        best_years = years[d];
        any = true;
      }
    }
    add(any ? best_years / sc.experience_saturation_years : 0, sc.w_experience);
    if (int cat = c.role_category[ri]; cat >= 0) add(barrier[static_cast<size_t>(cat)], sc.w_barrier);
    if (f.has_goals) {
      double v = f.goal_roles.count(role.id) ? 1.0
                 : (f.goal_categories.count(role.category) || f.goal_role_categories.count(role.category)) ? 0.5
                                                                                                          : 0.0;
      add(v, sc.w_goals);
    }
    double wsum = 0, total = 0;
    for (int i = 0; i < n; ++i) wsum += weights[i];
    for (int i = 0; i < n; ++i) total += wsum > 0 ? weights[i] * values[i] / wsum : 0;
    return std::clamp(total, 0.0, 1.0);
  }
};

} // namespace

std::vector<RoleMatch> rank_roles(const Catalog& c, const Profile& p, Date as_of, const std::string& category,
                                  size_t limit) {
  auto f = facts_of(c, p, as_of);
  // Inverted index: only the role-skill slots the person's skills (and their
  // ancestors) touch are visited; every other slot has zero credit.
  std::vector<std::vector<std::pair<uint32_t, std::pair<double, size_t>>>> touched(c.roles.size());
  std::vector<uint32_t> touched_roles;
  for (size_t i = 0; i < f.credit.credit.size(); ++i) {
    auto [skill, cr] = f.credit.credit[i];
    for (auto [role, slot] : c.roles_by_skill[skill]) {
      if (touched[role].empty()) touched_roles.push_back(role);
      touched[role].push_back({slot, {cr, f.credit.via[i]}});
    }
  }
  for (auto r : touched_roles)
    std::sort(touched[r].begin(), touched[r].end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  // Score every role (cheap: numbers only), then build the full match of the best.
  const QuickScorer scorer(c, f);
  std::vector<std::pair<double, uint32_t>> scored;
  scored.reserve(c.roles.size());
  std::vector<std::pair<uint32_t, double>> slots;
  for (size_t r = 0; r < c.roles.size(); ++r) {
    if (!category.empty() && c.roles[r].category != category) continue;
    if (c.roles[r].incomplete) continue;  // no skills in its source: nothing to rank on
    slots.clear();
    for (const auto& [slot, cv] : touched[r]) slots.emplace_back(slot, cv.first);
    scored.emplace_back(scorer.score(r, slots), static_cast<uint32_t>(r));
  }
  auto order = [&](const std::pair<double, uint32_t>& a, const std::pair<double, uint32_t>& b) {
    if (a.first != b.first) return a.first > b.first;
    return c.role_id_rank[a.second] < c.role_id_rank[b.second];
  };
  size_t keep = limit == 0 ? scored.size() : std::min(limit, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep), scored.end(), order);

  std::vector<RoleMatch> out;
  out.reserve(keep);
  std::vector<double> credit;
  std::vector<size_t> via;
  for (size_t i = 0; i < keep; ++i) {
    const auto& role = c.roles[scored[i].second];
    credit.assign(role.skills.size(), 0);
    via.assign(role.skills.size(), 0);
    for (auto [slot, cv] : touched[scored[i].second]) {
      credit[slot] = cv.first;
      via[slot] = cv.second;
    }
    out.push_back(build_match(c, f, role, credit, via));
  }
  // The full match's score is the one shown: order by it (it equals the quick one).
  std::stable_sort(out.begin(), out.end(), better);
  return out;
}

std::vector<CoveringCertificate> certificates_covering(const Catalog& c, const std::vector<std::string>& skills) {
  // A syllabus skill covers a needed skill when it is the same, beneath it (a part
  // of it), or its direct parent. Not any ancestor: a syllabus that names the whole
  // of artificial intelligence does not teach every AI design tool.
  auto index_of = [&](const std::string& id) -> long {
    auto it = c.skill_by_id.find(id);
    return it == c.skill_by_id.end() ? -1 : static_cast<long>(it->second);
  };
  std::vector<long> needs;
  needs.reserve(skills.size());
  for (const auto& id : skills) needs.push_back(index_of(id));
  auto related = [&](long a, long b) {
    if (a < 0 || b < 0) return false;
    auto ia = static_cast<size_t>(a), ib = static_cast<size_t>(b);
    return Catalog::tree_distance(c.skill_parent, ia, ib) >= 0 || Catalog::tree_distance(c.skill_parent, ib, ia) == 1;
  };
  std::vector<CoveringCertificate> out;
  for (const auto& cert : c.certificates) {
    auto cover = [&](const std::vector<std::string>& syllabus, const CertificateLevel* level) {
      CoveringCertificate cc{&cert, level, {}};
      if (needs.empty()) return;
      std::vector<long> taught;
      taught.reserve(syllabus.size());
      for (const auto& id : syllabus) taught.push_back(index_of(id));
      for (size_t i = 0; i < needs.size(); ++i)
        for (long t : taught)
          if (related(t, needs[i])) {
            cc.covers.push_back(skills[i]);
            break;
          }
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

std::vector<CertificateSuggestion> rank_certificates(const Catalog& c, const Profile& p, Date as_of,
                                                     const std::vector<RoleMatch>& ranked_roles) {
  EvalContext ctx{c, p, as_of};
  std::set<std::string> goal_roles(p.goal_roles.begin(), p.goal_roles.end());
  std::set<std::string> goal_categories(p.goal_categories.begin(), p.goal_categories.end());
  // The best-fitting roles (top five) and what they still miss.
  std::vector<const RoleMatch*> top;
  for (size_t i = 0; i < ranked_roles.size() && i < 5; ++i) top.push_back(&ranked_roles[i]);
  std::set<std::string> top_missing;
  for (const auto* m : top)
    for (size_t i = 0; i < m->missing.size(); ++i)
      if (m->missing_essential[i]) top_missing.insert(m->missing[i]);

  // What each certificate's syllabus teaches of that: the same for every certificate's turn.
  const auto covering = certificates_covering(c, std::vector<std::string>(top_missing.begin(), top_missing.end()));

  std::vector<CertificateSuggestion> out;
  for (const auto& cert : c.certificates) {
    CertificateSuggestion s;
    s.certificate = &cert;
    for (const auto& l : cert.levels) s.levels.push_back(check_level(cert, l, ctx));
    int pick = -1;
    for (size_t i = 0; i < s.levels.size(); ++i)
      if (s.levels[i].status == Outcome::eligible) pick = static_cast<int>(i);
    if (pick < 0) {
      // Not eligible for any: aim at the level reachable soonest, else the lowest.
      for (size_t i = 0; i < s.levels.size(); ++i)
        if (s.levels[i].earliest_date &&
            (pick < 0 || *s.levels[i].earliest_date < *s.levels[static_cast<size_t>(pick)].earliest_date))
          pick = static_cast<int>(i);
      if (pick < 0) pick = 0;
    }
    s.suggested = s.levels[static_cast<size_t>(pick)];
    if (static_cast<size_t>(pick) + 1 < s.levels.size()) s.next_step = s.levels[static_cast<size_t>(pick) + 1];

    // Relevance: goals, the best-fitting roles, the skills they miss, the soft rule.
    double goal = 0, fit = 0, cover = 0, soft = 0;
    for (const auto& r : cert.related_roles) {
      if (goal_roles.count(r)) goal = 1.0;
      else if (const auto* role = c.role(r); role && goal_categories.count(role->category)) goal = std::max(goal, 0.5);
      for (const auto* m : top)
        if (m->role->id == r) fit = std::max(fit, m->score);
    }
    std::set<std::string> covered;
    for (const auto& cc : covering)
      if (cc.certificate == &cert) covered.insert(cc.covers.begin(), cc.covers.end());
    s.covers.assign(covered.begin(), covered.end());
    cover = top_missing.empty() ? 0 : static_cast<double>(covered.size()) / static_cast<double>(top_missing.size());
    if (s.suggested.recommended) soft = s.suggested.recommended->outcome == Outcome::eligible ? 1.0 : 0.0;
    else soft = 0.5;
    s.score = std::clamp(0.4 * goal + 0.3 * fit + 0.2 * cover + 0.1 * soft, 0.0, 1.0);

    const auto& lvl = *s.suggested.level;
    bool ladder = cert.levels.size() > 1;
    if (s.suggested.status == Outcome::eligible)
      s.reasons.push_back(ladder ? T(fmt::format("You can sit {} now", lvl.name.en), fmt::format("现在即可报考{}", lvl.name.zh))
                                 : T("You can sit it now", "现在即可报考"));
    else if (s.suggested.earliest_date)
      s.reasons.push_back(T(fmt::format("Eligible from {}", s.suggested.earliest_date->str()),
                            fmt::format("{} 起可报考", s.suggested.earliest_date->str())));
    else if (s.suggested.status == Outcome::unknown)
      s.reasons.push_back(T("Your profile lacks data to decide", "档案信息不足，无法判断"));
    else
      s.reasons.push_back(T("Not eligible yet: see `advisor check` for what would change that",
                            "暂不符合报考条件：运行 advisor check 查看如何达到"));
    if (goal == 1.0) s.reasons.push_back(T("Related to your goal role", "与你的目标岗位相关"));
    if (fit > 0) s.reasons.push_back(T("Related to your best-fitting roles", "与你最匹配的岗位相关"));
    if (!s.covers.empty()) {
      std::string en, zh;
      for (const auto& id : s.covers) {
        const auto* k = c.skill(id);
        en += (en.empty() ? "" : ", ") + k->name.en;
        zh += (zh.empty() ? "" : "、") + k->name.in(Lang::zh);
      }
      s.reasons.push_back(T("Syllabus covers skills your top roles miss: " + en, "考试大纲覆盖你欠缺的技能：" + zh));
    }
    if (s.suggested.recommended && s.suggested.recommended->outcome != Outcome::eligible)
      s.reasons.push_back(T("Recommended (soft, does not block): " + s.suggested.recommended->reason.en,
                            "建议条件（不影响报考）：" + s.suggested.recommended->reason.zh));
    if (s.next_step) {
      const auto& n = *s.next_step;
      if (n.status == Outcome::eligible)
        s.reasons.push_back(T(fmt::format("Next step: {}, open to you now", n.level->name.en),
                              fmt::format("下一步：{}，现在即可报考", n.level->name.zh)));
      else if (n.earliest_date)
        s.reasons.push_back(T(fmt::format("Next step: {} from {}", n.level->name.en, n.earliest_date->str()),
                              fmt::format("下一步：{}，{} 起", n.level->name.zh, n.earliest_date->str())));
      else
        s.reasons.push_back(T(fmt::format("Next step: {}", n.level->name.en), fmt::format("下一步：{}", n.level->name.zh)));
    }
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const CertificateSuggestion& a, const CertificateSuggestion& b) {
    bool ea = a.suggested.status == Outcome::eligible, eb = b.suggested.status == Outcome::eligible;
    if (ea != eb) return ea;
    const auto &da = a.suggested.earliest_date, &db = b.suggested.earliest_date;
    if (da.has_value() != db.has_value()) return da.has_value();
    if (da && db && *da != *db) return *da < *db;
    if (a.score != b.score) return a.score > b.score;
    return a.certificate->id < b.certificate->id;
  });
  return out;
}

Recommendation recommend(const Catalog& c, const Profile& p, Date as_of, const std::string& category, size_t top) {
  Recommendation r;
  r.as_of = as_of;
  // Certificates look at the five best roles, so at least those are built in full.
  r.roles = rank_roles(c, p, as_of, category, top == 0 ? 0 : std::max<size_t>(top, 5));
  r.certificates = rank_certificates(c, p, as_of, r.roles);
  return r;
}

} // namespace advisor
