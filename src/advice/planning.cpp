// Career path planning: the skills a role needs, then the quickest sequence of
// certificate levels, found as a shortest path (by date) over the sets of levels held.
// Eligibility is always decided by the rules engine, so a new certificate in the
// catalogue plans without code changes.
#include "advisor/planning.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "advisor/matching.hpp"
#include "advisor/rules.hpp"
#include "advisor/util/bilingual.hpp"
#include "plan_search.hpp"

namespace advisor {

using util::T;

namespace {

using plan_search::holds_refs;
using plan_search::Scope;
using plan_search::scope_of;
using plan_search::Search;

Text join(const std::vector<Text>& parts, const char* sep_en, const char* sep_zh) {
  Text out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    out.en += (out.en.empty() ? "" : sep_en) + p.en;
    out.zh += (out.zh.empty() ? "" : sep_zh) + p.in(Lang::zh);
  }
  return out;
}

std::string upper_first(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

Text level_name(const Certificate& cert, const CertificateLevel& level) {
  if (cert.levels.size() < 2) return cert.name;
  return T(cert.name.en + " – " + level.name.en, cert.name.zh + level.name.zh);
}

/// The profile field a person should add, as words.
Text field_name(const std::string& f) {
  if (f == "age") return T("age or birth date", "年龄或出生日期");
  if (f == "education") return T("education level", "学历");
  if (f == "education.major") return T("major", "专业");
  if (f == "experience") return T("work experience", "工作经历");
  return T(f, f);
}

Text fields_text(const std::vector<std::string>& fields) {
  std::vector<Text> parts;
  for (const auto& f : fields) parts.push_back(field_name(f));
  return join(parts, ", ", "、");
}

Text skill_names(const Catalog& c, const std::vector<std::string>& ids) {
  std::vector<Text> parts;
  for (const auto& id : ids) {
    const auto* s = c.skill(id);
    parts.push_back(s ? s->name : T(id, id));
  }
  return join(parts, ", ", "、");
}

// ------------------------------------------------------------------ explanations

/// The branch of a rule the plan relies on, read from the trace at the date the level
/// opens (`at_t`) beside the trace at the date the state was reached (`at_d`).
struct Branch {
  std::vector<Text> through;                                    ///< conditions relied on
  std::vector<Text> instead;                                    ///< branches of an `any` not taken
  std::vector<std::pair<const Rule*, const TraceNode*>> waits;  ///< met by time alone: rule, node at d
  std::vector<const Rule*> holds;                               ///< certificates relied on
};

Text alternative_text(const TraceNode& d) {
  Text t = d.reason;
  if (d.passes_on) {
    t.en += fmt::format(" (from {})", d.passes_on->str());
    t.zh += fmt::format("（{} 起）", d.passes_on->str());
  } else if (d.outcome == Outcome::unknown) {
    auto f = fields_text(d.missing_fields);
    t.en += " (your profile lacks " + f.en + ")";
    t.zh += "（档案缺少" + f.zh + "）";
  }
  return t;
}

void choose_branch(const Rule& r, const TraceNode& at_t, const TraceNode& at_d, Branch& b) {
  bool same_shape = r.children.size() == at_t.children.size() && r.children.size() == at_d.children.size();
  if (r.kind == RuleKind::all && same_shape) {
    for (size_t i = 0; i < r.children.size(); ++i) choose_branch(r.children[i], at_t.children[i], at_d.children[i], b);
    return;
  }
  if (r.kind == RuleKind::any && same_shape) {
    // The branch open soonest: one already met, else the one time meets first.
    auto rank = [&](size_t i) {
      const auto& d = at_d.children[i];
      long when = d.outcome == Outcome::eligible ? std::numeric_limits<long>::min()
                  : d.passes_on                  ? d.passes_on->days()
                                                 : std::numeric_limits<long>::max();
      return std::pair(when, i);
    };
    size_t pick = r.children.size();
    for (size_t i = 0; i < r.children.size(); ++i)
      if (at_t.children[i].outcome == Outcome::eligible && (pick == r.children.size() || rank(i) < rank(pick)))
        pick = i;
    if (pick < r.children.size()) {
      choose_branch(r.children[pick], at_t.children[pick], at_d.children[pick], b);
      for (size_t i = 0; i < r.children.size(); ++i)
        if (i != pick && at_d.children[i].outcome != Outcome::eligible)
          b.instead.push_back(alternative_text(at_d.children[i]));
      return;
    }
  }
  Text t = at_t.reason;
  if (at_d.outcome != Outcome::eligible && at_d.passes_on) {
    t.en += fmt::format(" (from {})", at_d.passes_on->str());
    t.zh += fmt::format("（{} 起）", at_d.passes_on->str());
    b.waits.emplace_back(&r, &at_d);
  }
  if (r.kind == RuleKind::holds) b.holds.push_back(&r);
  b.through.push_back(std::move(t));
}

Text sitting_text(const Certificate& cert, const std::optional<std::string>& sitting,
                  const std::optional<Date>& open = std::nullopt) {
  if (sitting && open)
    return T(fmt::format("eligible from {}, next sitting {}", open->str(), *sitting),
             fmt::format("{} 起可报考，最近一次考试 {}", open->str(), *sitting));
  if (sitting) return T("next sitting " + *sitting, "最近一次考试 " + *sitting);
  if (cert.sittings.empty())
    return T("no exam sittings stated by the source: dated when you become eligible",
             "来源未说明考试时间：日期为符合报考条件之日");
  std::string months, months_zh;
  for (int m : cert.sittings) {
    months += (months.empty() ? "" : ", ") + std::to_string(m);
    months_zh += (months_zh.empty() ? "" : "、") + std::to_string(m);
  }
  return T("exams are held in months " + months, "每年 " + months_zh + " 月考试");
}

Text scope_text(const Catalog& c, const Role& target, const Scope& s, size_t ci) {
  std::vector<Text> parts;
  if (s.related[ci] && s.covers[ci].empty())
    parts.push_back(T("related to " + target.name.en, "与" + target.name.in(Lang::zh) + "相关"));
  if (!s.covers[ci].empty()) {
    auto names = skill_names(c, s.covers[ci]);
    parts.push_back(T("adds " + names.en + ": essential for " + target.name.en + ", and no other step teaches it",
                      "补上" + names.zh + "：" + target.name.in(Lang::zh) + "的核心技能，其他步骤都不涵盖"));
  }
  if (parts.empty()) parts.push_back(T("needed by a later certificate", "后续证书的报考前提"));
  return join(parts, "; ", "；");
}

// ------------------------------------------------------------------ skill steps

/// A skill the plan teaches: missing from the role's list or met only in part.
struct SkillItem {
  std::string id;
  size_t index = 0;
  int group = 0;  // 0 missing essential, 1 partly met, 2 missing optional
  bool essential = true;
  size_t role_pos = 0;
  std::vector<const Role*> helps;  ///< other roles that fit the person well and ask for it
  const PartialMatch* partial = nullptr;
};

/// The skills the match left missing or partly met that the catalogue knows, each
/// with its place in the role and the well-fitting roles that ask for it too.
std::vector<SkillItem> skill_items(const Catalog& c, const Profile& p, const Role& target, Date as_of,
                                   const RoleMatch& m) {
  auto pos_in_role = [&](const std::string& id) {
    for (size_t k = 0; k < target.skills.size(); ++k)
      if (target.skills[k].skill == id) return k;
    return target.skills.size();
  };
  std::vector<SkillItem> items;
  for (size_t i = 0; i < m.missing.size(); ++i)
    items.push_back(SkillItem{m.missing[i], 0, m.missing_essential[i] ? 0 : 2, m.missing_essential[i], 0, {}, nullptr});
  // A transversal skill (communication, patience, ...) met in part is never a step to learn.
  for (const auto& pm : m.partial)
    if (const auto* k = c.skill(pm.required); !(k && k->transversal))
      items.push_back(SkillItem{pm.required, 0, 1, pm.essential, 0, {}, &pm});
  // Other roles that fit the person well and ask for the same skill.
  auto ranked = rank_roles(c, p, as_of);
  std::vector<const Role*> others;
  for (size_t i = 0; i < ranked.size() && i < 5; ++i)
    if (ranked[i].role->id != target.id) others.push_back(ranked[i].role);
  std::vector<SkillItem> known;
  for (auto& it : items) {
    auto sk = c.skill_by_id.find(it.id);
    if (sk == c.skill_by_id.end()) continue;
    it.index = sk->second;
    it.role_pos = pos_in_role(it.id);
    for (const auto* r : others)
      for (const auto& rs : r->skills)
        if (rs.skill == it.id) {
          it.helps.push_back(r);
          break;
        }
    known.push_back(std::move(it));
  }
  return known;
}

/// The order to learn the skills in (indexes into `items`): the most urgent first,
/// but never before a skill of the plan above it in the skill tree.
std::vector<size_t> skill_order(const Catalog& c, const std::vector<SkillItem>& items) {
  using Key = std::tuple<int, bool, long, size_t, std::string>;
  auto own_key = [](const SkillItem& it) {
    return Key{it.group, !it.essential, -static_cast<long>(it.helps.size()), it.role_pos, it.id};
  };
  auto is_ancestor = [&](const SkillItem& a, const SkillItem& b) {  // a is above b in the skill tree
    return a.index != b.index && Catalog::tree_distance(c.skill_parent, b.index, a.index) > 0;
  };
  // A prerequisite takes the rank of the most urgent skill built on it, so it comes
  // just before that skill rather than at its own (later) rank.
  std::vector<Key> eff;
  for (const auto& a : items) {
    Key k = own_key(a);
    for (const auto& b : items)
      if (is_ancestor(a, b)) k = std::min(k, own_key(b));
    eff.push_back(k);
  }
  std::vector<bool> placed(items.size(), false);
  std::vector<size_t> seq;
  for (size_t n = 0; n < items.size(); ++n) {
    size_t pick = items.size();
    for (size_t i = 0; i < items.size(); ++i) {
      if (placed[i]) continue;
      bool ready = true;
      for (size_t j = 0; j < items.size(); ++j)
        if (!placed[j] && is_ancestor(items[j], items[i])) ready = false;
      if (!ready) continue;
      if (pick == items.size() || std::pair(eff[i], own_key(items[i])) < std::pair(eff[pick], own_key(items[pick])))
        pick = i;
    }
    if (pick == items.size()) break;  // the skill tree has no cycles (validation cuts them)
    placed[pick] = true;
    seq.push_back(pick);
  }
  return seq;
}

/// Why a skill is a step: what the role asks of it, the skill of the plan it builds
/// on (whose step, from `step_of`, goes into `after`), the other roles that want it.
Text skill_reason(const Catalog& c, const Role& target, const std::vector<SkillItem>& items, size_t pick,
                  const std::vector<size_t>& step_of, std::vector<size_t>& after) {
  const auto& it = items[pick];
  std::vector<Text> why;
  const auto& role = target.name;
  if (it.partial) {
    const auto* via = c.skill(it.partial->via);
    why.push_back(it.essential ? T(fmt::format("essential for {}; {} covers it only in part ({:.0f}%)", role.en,
                                               via->name.en, it.partial->credit * 100),
                                   fmt::format("{}的核心技能；{}只部分覆盖（{:.0f}%）", role.in(Lang::zh),
                                               via->name.in(Lang::zh), it.partial->credit * 100))
                               : T(fmt::format("optional for {}; {} covers it only in part ({:.0f}%)", role.en,
                                               via->name.en, it.partial->credit * 100),
                                   fmt::format("{}的加分技能；{}只部分覆盖（{:.0f}%）", role.in(Lang::zh),
                                               via->name.in(Lang::zh), it.partial->credit * 100)));
  } else if (it.essential) {
    why.push_back(
        T(fmt::format("essential for {} and missing", role.en), fmt::format("{}的核心技能，目前欠缺", role.zh)));
  } else {
    why.push_back(T(fmt::format("optional for {} (raises the score)", role.en),
                    fmt::format("{}的加分技能（可提高匹配度）", role.zh)));
  }
  // The nearest skill of the plan above this one must be learnt first.
  int up = c.skill_parent[it.index];
  while (up >= 0) {
    bool found = false;
    for (size_t j = 0; j < items.size(); ++j)
      if (items[j].index == static_cast<size_t>(up)) {
        after.push_back(step_of[j]);
        why.push_back(T("builds on " + c.skills[static_cast<size_t>(up)].name.en,
                        "以" + c.skills[static_cast<size_t>(up)].name.in(Lang::zh) + "为基础"));
        found = true;
      }
    if (found) break;
    up = c.skill_parent[static_cast<size_t>(up)];
  }
  if (!it.helps.empty()) {
    std::vector<Text> names;
    for (const auto* r : it.helps) names.push_back(r->name);
    auto n2 = join(names, ", ", "、");
    why.push_back(T("also asked for by roles that fit you well: " + n2.en, "也是与你较匹配的岗位所需：" + n2.zh));
  }
  return join(why, "; ", "；");
}

// ------------------------------------------------------------------ the step list

/// A step before the final ordering: `after` holds internal ids.
struct Draft {
  PlanStep step;
  int group = 0;                             ///< 0 profile, 1 skill, 2 dated, 3 undated certificate
  std::tuple<long, size_t, int, int> key{};  ///< order within the group (dependencies permitting)
};

/// The steps of a plan as they are built; a step's internal id is its index here.
class Drafts {
 public:
  size_t add(Draft d) {
    m_items.push_back(std::move(d));
    return m_items.size() - 1;
  }

  Draft& operator[](size_t id) { return m_items[id]; }

  /// Groups in order; within a group by key, dependencies first.
  std::vector<PlanStep> ordered() const {
    std::vector<size_t> seq;
    std::vector<bool> placed(m_items.size(), false);
    for (int g = 0; g <= 3; ++g) {
      for (;;) {
        size_t pick = m_items.size();
        for (size_t i = 0; i < m_items.size(); ++i) {
          if (placed[i] || m_items[i].group != g) continue;
          bool ready = std::all_of(m_items[i].step.after.begin(), m_items[i].step.after.end(),
                                   [&](size_t a) { return placed[a]; });
          if (ready && (pick == m_items.size() || m_items[i].key < m_items[pick].key)) pick = i;
        }
        if (pick == m_items.size()) break;
        placed[pick] = true;
        seq.push_back(pick);
      }
    }
    // Dependencies always point to earlier groups or within one, so every step is
    // placed above; this keeps any step a future change might strand.
    for (size_t i = 0; i < m_items.size(); ++i)
      if (!placed[i]) seq.push_back(i);
    std::vector<size_t> final_index(m_items.size(), 0);
    for (size_t k = 0; k < seq.size(); ++k) final_index[seq[k]] = k;
    std::vector<PlanStep> out;
    for (size_t i : seq) {
      PlanStep s = m_items[i].step;
      for (auto& a : s.after) a = final_index[a];
      std::sort(s.after.begin(), s.after.end());
      s.after.erase(std::unique(s.after.begin(), s.after.end()), s.after.end());
      out.push_back(std::move(s));
    }
    return out;
  }

 private:
  std::vector<Draft> m_items;
};

/// One step per skill to learn, in skill_order.
void add_skill_steps(const Catalog& c, const Profile& p, const Role& target, Date as_of, const RoleMatch& m,
                     Drafts& drafts) {
  auto items = skill_items(c, p, target, as_of, m);
  auto seq = skill_order(c, items);
  std::vector<size_t> step_of(items.size(), 0);
  for (size_t n = 0; n < seq.size(); ++n) {
    const auto& it = items[seq[n]];
    Draft d;
    d.group = 1;
    d.key = {0, n, 0, 0};
    d.step.kind = "skill";
    d.step.id = it.id;
    d.step.name = c.skills[it.index].name;
    d.step.reason = skill_reason(c, target, items, seq[n], step_of, d.step.after);
    step_of[seq[n]] = drafts.add(std::move(d));
  }
}

// ------------------------------------------------------------------ certificate steps

/// The certificate levels on the search's path and those aimed at that it does not
/// reach, each a step with the reasons its rules give, and the experience and
/// profile steps those rules wait for.
class CertificateSteps {
 public:
  CertificateSteps(const Catalog& c, const Role& target, Date as_of, Drafts& drafts)
      : m_c(c), m_target(target), m_as_of(as_of), m_drafts(drafts) {}

  /// The levels the search sat, in its order: why each is there and what it waits for.
  void add_path(const Search& search, const Scope& scope) {
    std::vector<size_t> path;
    for (int k = static_cast<int>(search.best()); k >= 0; k = search.nodes()[static_cast<size_t>(k)].parent)
      path.push_back(static_cast<size_t>(k));
    std::reverse(path.begin(), path.end());
    for (size_t k = 1; k < path.size(); ++k) {
      const auto& from = search.nodes()[path[k - 1]];
      const auto& to = search.nodes()[path[k]];
      const auto& cert = m_c.certificates[to.cert];
      const auto& level = cert.levels[static_cast<size_t>(to.level)];
      Profile p = search.profile_at(path[k - 1]);
      Draft d;
      d.group = 2;
      d.step.kind = "certificate";
      d.step.id = cert.id;
      d.step.level = level.id;
      d.step.name = level_name(cert, level);
      d.step.earliest_date = open_date(level, p, to.eligible);
      d.step.sitting = to.sitting;
      d.key = {to.date.days(), to.cert, to.level, 1};
      // The first level of a certificate says why the certificate is in the plan; the
      // levels after it are the rungs toward the level aimed at.
      std::vector<Text> why{m_planned.count(cert.id) ? T("the next level of the same certificate", "同一证书的下一等级")
                                                     : scope_text(m_c, m_target, scope, to.cert)};
      if (!level.requires_rule) {
        why.push_back(T("no entry requirement stated by the source", "来源未说明报考条件"));
      } else {
        why.push_back(eligibility_reason(level, p, from.date, to.eligible, d.step));
      }
      why.push_back(sitting_text(cert, to.sitting, d.step.earliest_date));
      if (level.recommended) {
        auto soft = evaluate(*level.recommended, EvalContext{m_c, p, to.date});
        if (soft.outcome != Outcome::eligible)
          why.push_back(T("recommended (soft): " + soft.reason.en, "建议条件（软性）：" + soft.reason.zh));
      }
      d.step.reason = join(why, "; ", "；");
      size_t id = m_drafts.add(std::move(d));
      m_planned[cert.id].emplace_back(to.level, id);
    }
  }

  // Levels aimed at that no dated path reaches: say what stands in the way.
  void add_unreached(const Search& search, const Scope& scope) {
    const auto& last = search.nodes()[search.best()];
    Profile p = search.profile_at(search.best());
    EvalContext ctx{m_c, p, last.date};
    for (size_t ci = 0; ci < m_c.certificates.size(); ++ci) {
      const auto& cert = m_c.certificates[ci];
      for (int li = last.held[ci] + 1; li <= scope.top[ci]; ++li) {
        const auto& level = cert.levels[static_cast<size_t>(li)];
        auto r = check_level(cert, level, ctx);
        Draft d;
        d.group = 3;
        d.step.kind = "certificate";
        d.step.id = cert.id;
        d.step.level = level.id;
        d.step.name = level_name(cert, level);
        d.key = {0, ci, li, 0};
        std::vector<Text> why{scope_text(m_c, m_target, scope, ci)};
        if (r.status == Outcome::unknown) {
          auto f = fields_text(r.missing_fields);
          why.push_back(T("cannot be decided yet: your profile lacks " + f.en, "暂无法判断：档案缺少" + f.zh));
          for (const auto& field : r.missing_fields) d.step.after.push_back(profile_step(field, d.step.name));
        } else if (!r.changes.empty()) {
          why.push_back(T("needs: " + r.changes.front().text.en + " (no date: it takes an action, not just time)",
                          "需要：" + r.changes.front().text.zh + "（无法给出日期：需要行动，而非仅靠时间）"));
        } else if (search.capped()) {
          why.push_back(
              T("the search stopped at its limit before reaching this level", "搜索在达到上限前未到达该等级"));
        }
        if (level.requires_rule) {
          std::vector<std::pair<std::string, std::string>> refs;
          holds_refs(*level.requires_rule, refs);
          for (const auto& [cid, lid] : refs)
            if (auto dep = provider(cid, lid)) d.step.after.push_back(*dep);
        }
        why.push_back(sitting_text(cert, std::nullopt));
        d.step.reason = join(why, "; ", "；");
        size_t id = m_drafts.add(std::move(d));
        m_planned[cert.id].emplace_back(li, id);
      }
    }
  }

 private:
  /// "eligible through: …": the branch of a level's rules the plan relies on, read at
  /// `open` (when the level opens) beside `reached` (when the state before it is
  /// reached); the experience and certificate steps that branch waits for go into
  /// the step's `after`.
  Text eligibility_reason(const CertificateLevel& level, const Profile& p, Date reached, Date open, PlanStep& step) {
    auto at_d = evaluate(*level.requires_rule, EvalContext{m_c, p, reached});
    auto at_t = evaluate(*level.requires_rule, EvalContext{m_c, p, open});
    Branch b;
    choose_branch(*level.requires_rule, at_t, at_d, b);
    auto through = join(b.through, "; ", "；");
    Text line = T("eligible through: " + through.en, "报考依据：" + through.zh);
    if (!b.instead.empty()) {
      auto alt = join(b.instead, " / ", " / ");
      line.en += ", rather than: " + alt.en;
      line.zh += "，而非：" + alt.zh;
    }
    for (const auto& [rule, node] : b.waits)
      if (rule->kind == RuleKind::experience) step.after.push_back(experience_step(*rule, *node, step.name));
    for (const auto* rule : b.holds)
      if (auto dep = provider(rule->certificate, rule->level)) step.after.push_back(*dep);
    return line;
  }

  // A shared step serves one more level: its reason names that one too; returns the step.
  size_t also(size_t step, const char* sep_en, const char* sep_zh, const Text& more) {
    auto& reason = m_drafts[step].step.reason;
    reason.en += sep_en + more.en;
    reason.zh += sep_zh + more.zh;
    return step;
  }

  // The experience step for a condition time alone will meet (shared by the levels it opens).
  size_t experience_step(const Rule& r, const TraceNode& at_d, const Text& opens) {
    auto key = std::pair(r.domain, r.min_years);
    auto it = m_experience.find(key);
    if (it != m_experience.end()) return also(it->second, "; also ", "；也可报考", opens);
    Draft d;
    d.group = 2;
    d.step.kind = "experience";
    d.step.id = r.domain.empty() ? "work" : r.domain;
    d.step.name = T(upper_first(at_d.required.en), at_d.required.zh);
    d.step.earliest_date = at_d.passes_on;
    d.step.reason = T(fmt::format("time alone gets you there (you have {}); it opens {}", at_d.found.en, opens.en),
                      fmt::format("只需时间即可达到（目前：{}）；满足后可报考{}", at_d.found.zh, opens.zh));
    d.key = {at_d.passes_on->days(), 0, 0, 0};
    size_t id = m_drafts.add(std::move(d));
    m_experience.emplace(key, id);
    return id;
  }

  /// The first date a level is open given the levels planned before it (each held
  /// from its sitting), which can be before the state the search sat it from: the
  /// search dates a state by its last sitting, not by what each level waited for.
  Date open_date(const CertificateLevel& level, const Profile& p, Date not_after) const {
    if (!level.requires_rule) return m_as_of;
    std::vector<Date> held_from;
    for (const auto& h : p.certificates)
      if (h.date && *h.date > m_as_of) held_from.push_back(*h.date);
    Date x = m_as_of;
    // Each round moves to the next date something changes: a condition time meets or a
    // planned certificate is held; there are only a few of either.
    for (size_t round = 0; round <= held_from.size() + 8 && x < not_after; ++round) {
      auto t = evaluate(*level.requires_rule, EvalContext{m_c, p, x});
      if (t.outcome == Outcome::eligible) return x;
      std::optional<Date> next;
      if (t.outcome == Outcome::not_eligible && t.passes_on) next = t.passes_on;
      for (auto when : held_from)
        if (when > x && (!next || when < *next)) next = when;
      if (!next) break;
      x = *next;
    }
    return not_after;
  }

  /// The step that gives the certificate level a `holds` condition needs, if planned.
  std::optional<size_t> provider(const std::string& cert_id, const std::string& level_id) {
    const auto* cert = m_c.certificate(cert_id);
    auto it = m_planned.find(cert_id);
    if (!cert || it == m_planned.end()) return std::nullopt;
    int need = level_id.empty() ? 0 : std::max(0, cert->level_index(level_id));
    // The lowest planned level that is enough: the one sat first.
    std::optional<size_t> best;
    int best_level = std::numeric_limits<int>::max();
    for (auto [lvl, id] : it->second)
      if (lvl >= need && lvl < best_level) {
        best_level = lvl;
        best = id;
      }
    return best;
  }

  // The profile step for a field the rules need to decide a level (shared by the levels that need it).
  size_t profile_step(const std::string& field, const Text& needed_by) {
    auto it = m_profile.find(field);
    if (it != m_profile.end()) return also(it->second, ", ", "、", needed_by);
    Draft d;
    d.group = 0;
    d.key = {0, m_profile.size(), 0, 0};
    d.step.kind = "profile";
    d.step.id = field;
    auto f = field_name(field);
    // The key as written in the profile file, so the person knows what to type.
    std::string key = field == "age" ? "age / birth_date" : field;
    d.step.name =
        T(fmt::format("Add {} to your profile ({})", f.en, key), fmt::format("在档案中补充{}（{}）", f.zh, key));
    d.step.reason = T("the rules need it to decide: " + needed_by.en, "规则需要它来判断：" + needed_by.zh);
    size_t id = m_drafts.add(std::move(d));
    m_profile.emplace(field, id);
    return id;
  }

  const Catalog& m_c;
  const Role& m_target;
  Date m_as_of;
  Drafts& m_drafts;
  std::map<std::pair<std::string, double>, size_t> m_experience;
  std::map<std::string, size_t> m_profile;
  std::map<std::string, std::vector<std::pair<int, size_t>>> m_planned;  ///< cert → (level, step)
};

// ------------------------------------------------------------------ dates

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

/// A level that needs an earlier certificate whose exam dates the source does not
/// state cannot honestly be dated: nobody knows when that exam is. Such steps keep
/// their order ("after #N") but lose the calendar date.
void undate_after_unscheduled_exams(std::vector<PlanStep>& steps) {
  std::vector<bool> undated(steps.size(), false);
  for (size_t i = 0; i < steps.size(); ++i) {
    auto& st = steps[i];
    if (st.kind != "certificate" || !st.earliest_date) continue;
    for (auto j : st.after) {
      if (j >= i || steps[j].kind != "certificate") continue;
      if (steps[j].sitting && !undated[j]) continue;
      undated[i] = true;
      st.earliest_date.reset();
      st.sitting.reset();
      replace_all(st.reason.en, "no exam sittings stated by the source: dated when you become eligible",
                  "no exam sittings stated by the source");
      replace_all(st.reason.zh, "来源未说明考试时间：日期为符合报考条件之日", "来源未说明考试时间");
      st.reason.en +=
          fmt::format("; its date depends on when you pass step {}, whose exam dates the source does not state", j + 1);
      st.reason.zh += fmt::format("；日期取决于何时通过第 {} 步，而来源未说明其考试时间", j + 1);
      break;
    }
  }
}

/// What certificates are for in a plan: the essential skills the role misses,
/// wholly or in part.
std::vector<std::string> certificate_needs(const RoleMatch& m) {
  std::vector<std::string> needs;
  for (size_t i = 0; i < m.missing.size(); ++i)
    if (m.missing_essential[i]) needs.push_back(m.missing[i]);
  for (const auto& pm : m.partial)
    if (pm.essential) needs.push_back(pm.required);
  return needs;
}

}  // namespace

// The steps come in the order they depend on one another: skills from the match,
// certificate levels from the search (with the experience and profile steps their
// rules wait for), then the final order and the dates that order makes unknowable.
Plan plan_path(const Catalog& catalog, const Profile& profile, const Role& target, Date as_of) {
  Plan plan;
  plan.as_of = as_of;
  plan.target = &target;
  auto m = match_role(catalog, profile, target, as_of);
  plan.score_now = m.score;
  Drafts drafts;
  add_skill_steps(catalog, profile, target, as_of, m, drafts);
  auto scope = scope_of(catalog, target, certificate_needs(m), ladder_levels(catalog, profile, as_of),
                        [&] { return certificate_preference(catalog, profile, as_of); });
  Search search(catalog, profile, as_of, scope);
  search.run();
  plan.states_explored = search.settled();
  plan.search_capped = search.capped();
  CertificateSteps certificates(catalog, target, as_of, drafts);
  certificates.add_path(search, scope);
  certificates.add_unreached(search, scope);
  plan.steps = drafts.ordered();
  undate_after_unscheduled_exams(plan.steps);
  return plan;
}

}  // namespace advisor
