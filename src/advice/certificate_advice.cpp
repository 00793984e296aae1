// Certificate advice: which certificate, which level of a ladder, the fastest route to
// the next level, and what to do first. Value to the person decides the order;
// feasibility is shown and only breaks ties (docs/scoring.md).
#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "advisor/matching.hpp"
#include "advisor/util/bilingual.hpp"
#include "ranking.hpp"

namespace advisor {

using util::T;

namespace ranking {
namespace {

Text level_title(const Certificate& cert, const CertificateLevel& level) {
  if (cert.levels.size() < 2) return cert.name;
  return T(cert.name.en + " – " + level.name.en, cert.name.zh + " " + level.name.zh);
}

std::string join_names(const Catalog& c, const std::vector<std::string>& ids, bool zh) {
  std::string s;
  for (const auto& id : ids) {
    const auto* k = c.skill(id);
    s += (s.empty() ? "" : (zh ? "、" : ", ")) + (k ? (zh ? k->name.in(Lang::zh) : k->name.en) : id);
  }
  return s;
}

/// The roles certificate advice serves: the goal roles (weight 1), then the best-fitting
/// roles with skill evidence (weight: their score against the best one's).
/// Best-fitting roles count as targets while their score is at least this share of the best one's.
constexpr double k_fit_share = 0.6;

struct Target {
  const RoleMatch* match = nullptr;
  double weight = 0;
  bool goal = false;
};

/// `goals` keeps the goal roles' matches the targets point to.
std::vector<Target> targets_of(const Catalog& c, const Profile& p, const ProfileFacts& f,
                               const std::vector<RoleMatch>& ranked, std::vector<RoleMatch>& goals) {
  std::vector<Target> out;
  std::vector<const std::string*> seen;  // role ids taken: a few, so a list
  auto take = [&](const std::string& id) {
    if (std::any_of(seen.begin(), seen.end(), [&](const std::string* s) { return *s == id; })) return false;
    seen.push_back(&id);
    return true;
  };
  goals.reserve(p.goal_roles.size());  // no reallocation: the targets point into it
  for (const auto& id : p.goal_roles)
    if (const auto* r = c.role(id); r && take(id)) {
      goals.push_back(match_role(c, f, *r, false));
      out.push_back({&goals.back(), 1.0, true});
    }
  double best = ranked.empty() ? 0 : ranked.front().score;
  size_t fits = 0;
  for (const auto& m : ranked) {
    if (fits >= 3) break;
    bool evidence = !m.matched.empty() || !m.partial.empty();
    // A role far behind the best fit is no target: its gaps would steer the advice.
    if (!evidence || best <= 0 || m.score < k_fit_share * best) continue;
    ++fits;
    if (take(m.role->id)) out.push_back({&m, m.score / best, false});
  }
  return out;
}

/// The essential skills the target roles miss, each weighted by its specificity, the
/// role's weight and how much is missing: by id, with their skill indices (-1: not in
/// the catalogue) and weights.
struct Needs {
  std::vector<const std::string*> ids;  ///< sorted; pointing into the targets' matches
  std::vector<long> skills;
  std::vector<double> weights;
  double total = 0;
};

Needs needs_of(const Catalog& c, const std::vector<Target>& targets) {
  struct Found {
    const std::string* id;
    long skill;
    double weight;
    size_t order;
  };
  std::vector<Found> found;  // in the order found: a need's weights add up in that order
  size_t most = 0;
  for (const auto& t : targets) most += t.match->missing.size() + t.match->partial.size();
  found.reserve(most);
  auto add = [&](const std::string& id, double weight, double share) {
    auto it = c.skill_by_id.find(id);
    long skill = it == c.skill_by_id.end() ? -1 : static_cast<long>(it->second);
    double idf = skill < 0 ? 1.0 : c.skill_idf[static_cast<size_t>(skill)];
    found.push_back({&id, skill, share < 0 ? weight * idf : weight * idf * share, found.size()});
  };
  for (const auto& t : targets) {
    for (size_t i = 0; i < t.match->missing.size(); ++i)
      if (t.match->missing_essential[i]) add(t.match->missing[i], t.weight, -1);
    for (const auto& pm : t.match->partial)
      if (pm.essential) add(pm.required, t.weight, 1 - pm.credit);
  }
  // By id: two catalogue skills by their place in id order, any other pair by text.
  auto by_id = [&](const Found& a, const Found& b) {
    if (a.skill >= 0 && b.skill >= 0) {
      auto ra = c.skill_id_rank[static_cast<size_t>(a.skill)], rb = c.skill_id_rank[static_cast<size_t>(b.skill)];
      return ra < rb ? -1 : ra > rb ? 1 : 0;
    }
    return a.id->compare(*b.id);
  };
  std::sort(found.begin(), found.end(), [&](const Found& a, const Found& b) {
    int order = by_id(a, b);
    return order != 0 ? order < 0 : a.order < b.order;
  });
  Needs n;
  n.ids.reserve(found.size());
  n.skills.reserve(found.size());
  n.weights.reserve(found.size());
  for (size_t i = 0; i < found.size();) {
    double w = 0;
    size_t j = i;
    for (; j < found.size() && by_id(found[j], found[i]) == 0; ++j) w += found[j].weight;
    n.ids.push_back(found[i].id);
    n.skills.push_back(found[i].skill);
    n.weights.push_back(w);
    n.total += w;
    i = j;
  }
  return n;
}

}  // namespace
}  // namespace ranking

int held_level(const Certificate& cert, const Profile& p, Date as_of) {
  int held = -1;
  for (const auto& h : p.certificates)
    if (h.id == cert.id && (!h.date || *h.date <= as_of)) held = std::max(held, cert.level_index(h.level));
  return held;
}

namespace ranking {
namespace {

/// The share of a level's syllabus the person knows in full: a general skill's partial
/// credit toward a specific one is not knowing it.
double readiness(const Catalog& c, const SkillCredit& credit, const CertificateLevel& level) {
  if (level.syllabus.empty()) return 0;
  double have = 0;
  for (const auto& id : level.syllabus)
    if (auto it = c.skill_by_id.find(id); it != c.skill_by_id.end()) have += credit.of(it->second) >= 1.0 ? 1.0 : 0.0;
  return have / static_cast<double>(level.syllabus.size());
}

/// Whether the person is past level `i`: the rules of the next level accept them now
/// without holding this certificate, or (no rule) they already know most of its syllabus.
/// `held` is a copy of the person's certificates, changed for one evaluation and put
/// back (EvalContext::held): one copy per profile, not one per question.
bool outgrown(const Catalog& c, const Profile& p, std::vector<HeldCertificate>& held, Date as_of,
              const CertificateSuggestion& s, size_t i, const ProfileFacts& f) {
  const auto& cert = *s.certificate;
  const auto& credit = f.credit;
  const auto& next = cert.levels[i + 1];
  if (!next.requires_rule) return readiness(c, credit, next) >= 0.5;
  // Holding none of this certificate, the question is the ladder's own check of that level.
  if (std::none_of(held.begin(), held.end(), [&](const HeldCertificate& h) { return h.id == cert.id; }))
    return s.levels[i + 1].status == Outcome::eligible;
  std::erase_if(held, [&](const HeldCertificate& h) { return h.id == cert.id; });
  bool past =
      check_level(cert, next, EvalContext{c, p, as_of, false, false, &held, &f.experience, &f.any_experience}).status ==
      Outcome::eligible;
  held = p.certificates;
  return past;
}

double soft_fit(const LevelResult& r) {
  if (!r.recommended) return 0.5;
  return r.recommended->outcome == Outcome::eligible ? 1.0 : r.recommended->outcome == Outcome::unknown ? 0.5 : 0.0;
}

bool sittable(const LevelResult& r) { return r.status == Outcome::eligible || r.earliest_date.has_value(); }

/// The level that suits the person: the lowest not held, climbing while they are past
/// it; a sittable level whose soft conditions fit wins over one whose do not.
size_t pick_level(const Catalog& c, const Profile& p, std::vector<HeldCertificate>& scratch, Date as_of,
                  const CertificateSuggestion& s, const ProfileFacts& f, int held, Text* why) {
  const auto& cert = *s.certificate;
  size_t n = cert.levels.size();
  size_t pick = static_cast<size_t>(std::min<int>(held + 1, static_cast<int>(n) - 1));
  size_t start = pick;
  while (pick + 1 < n && outgrown(c, p, scratch, as_of, s, pick, f)) ++pick;
  if (soft_fit(s.levels[pick]) == 0)
    for (size_t i = start; i < n; ++i)
      if (i != pick && sittable(s.levels[i]) && soft_fit(s.levels[i]) == 1.0) {
        pick = i;
        break;
      }
  if (!why) return pick;
  if (n > 1 && pick > start && held < static_cast<int>(pick) - 1) {
    const auto& lower = cert.levels[pick - 1].name;
    *why = cert.levels[pick].requires_rule
               ? T(fmt::format("{} rather than {}: the rules accept you at this level already",
                               cert.levels[pick].name.en, lower.en),
                   fmt::format("建议{}而非{}：按规则你已可直接报考该等级", cert.levels[pick].name.zh, lower.zh))
               : T(fmt::format("{} rather than {}: you already know most of its syllabus", cert.levels[pick].name.en,
                               lower.en),
                   fmt::format("建议{}而非{}：你已掌握其大纲的大部分内容", cert.levels[pick].name.zh, lower.zh));
  } else if (n > 1 && pick == 0) {
    *why = T(fmt::format("{}: the entry level of this ladder", cert.levels[0].name.en),
             fmt::format("{}：该证书的入门等级", cert.levels[0].name.zh));
  }
  return pick;
}

/// The next level and the fastest route to it: now, through the suggested level, or by waiting.
void route_next(const Catalog& c, const Profile& p, const ProfileFacts& f, std::vector<HeldCertificate>& held,
                Date as_of, CertificateSuggestion& s, size_t pick) {
  const auto& cert = *s.certificate;
  if (pick + 1 >= cert.levels.size()) return;
  const auto& nx = s.levels[pick + 1];  // suggest() makes it the next step
  if (nx.status == Outcome::eligible) {
    s.next_route = "now";
    s.next_date = as_of;
    return;
  }
  std::optional<Date> wait = nx.status == Outcome::not_eligible ? nx.earliest_date : std::nullopt;
  const auto& cur = s.levels[pick];
  bool through = false;
  std::optional<Date> through_date;
  if (sittable(cur)) {
    Date open = cur.status == Outcome::eligible ? as_of : *cur.earliest_date;
    auto sitting = next_sitting(cert, open);
    Date held_from = sitting ? *parse_date(*sitting).date : open;
    held.push_back(HeldCertificate{cert.id, cert.levels[pick].id, held_from, {}});
    Date on = std::max(held_from, as_of);  // the profile's measured experience is as_of's
    auto r = check_level(cert, *nx.level,
                         EvalContext{c, p, on, false, false, &held, on == as_of ? &f.experience : nullptr,
                                     on == as_of ? &f.any_experience : nullptr});
    held.pop_back();
    if (r.status == Outcome::eligible) {
      through = true;
      if (sitting) through_date = std::max(held_from, as_of);
    } else if (r.status == Outcome::not_eligible && r.earliest_date) {
      // Certificate plus years ("取得五级证书后累计从事…满3年"): time after holding it does it.
      through = true;
      through_date = r.earliest_date;
    }
  }
  if (through && (!through_date || !wait || *through_date < *wait)) {
    s.next_route = "through";
    s.next_date = through_date;
  } else if (wait) {
    s.next_route = "wait";
    s.next_date = wait;
  }
}

/// How and when the next level opens: "open to you now", "from D, through …", …
Text route_phrase(const CertificateSuggestion& s) {
  const auto& n = *s.next_step;
  const auto& cur = s.suggested.level->name;
  if (s.next_route == "now") return T("open to you now", "现在即可报考");
  if (s.next_route == "through") {
    Text t = s.next_date
                 ? T(fmt::format("from {}, through the {} certificate (the fastest route)", s.next_date->str(), cur.en),
                     fmt::format("取得{}证书后 {} 起可报考（最快路线）", cur.zh, s.next_date->str()))
                 : T(fmt::format("as soon as you hold the {} certificate (its exam dates are not stated)", cur.en),
                     fmt::format("取得{}证书后即可报考（来源未说明考试时间）", cur.zh));
    if (n.earliest_date) {
      t.en += fmt::format("; by experience alone, from {}", n.earliest_date->str());
      t.zh += fmt::format("；仅凭工作经验则 {} 起", n.earliest_date->str());
    }
    return t;
  }
  if (s.next_route == "wait")
    return T(fmt::format("from {}, by experience", s.next_date->str()),
             fmt::format("凭工作经验 {} 起可报考", s.next_date->str()));
  return T("see advisor check for what it needs", "所需条件见 advisor check");
}

Text next_text(const CertificateSuggestion& s) {
  auto r = route_phrase(s);
  const auto& name = s.next_step->level->name;
  return T(fmt::format("Next step: {}, {}", name.en, r.en), fmt::format("下一步：{}，{}", name.zh, r.zh));
}

Text feasibility_text(const CertificateSuggestion& s) {
  const auto& r = s.suggested;
  bool ladder = s.certificate->levels.size() > 1;
  if (r.status == Outcome::eligible)
    return ladder
               ? T(fmt::format("You can sit {} now", r.level->name.en), fmt::format("现在即可报考{}", r.level->name.zh))
               : T("You can sit it now", "现在即可报考");
  if (r.earliest_date)
    return T(fmt::format("Eligible from {}", r.earliest_date->str()),
             fmt::format("{} 起可报考", r.earliest_date->str()));
  if (r.status == Outcome::unknown) return T("Your profile lacks data to decide", "档案信息不足，无法判断");
  return T("Not eligible yet: see `advisor check` for what would change that",
           "暂不符合报考条件：运行 advisor check 查看如何达到");
}

Text suits_text(const LevelResult& r) {
  const auto& t = *r.recommended;
  // The catalogue's reason may already start with "Suits" / 适合: do not say it twice.
  Text out = T(t.reason.en.rfind("Suits", 0) == 0 ? t.reason.en : "Suits: " + t.reason.en, "适合人群：" + t.reason.zh);
  // The Chinese reason already starts with 适合 ("suits"): do not say it twice.
  if (t.reason.zh.rfind("适合", 0) == 0) out.zh = t.reason.zh;
  if (!t.found.en.empty()) {
    const char* verdict_en = t.outcome == Outcome::eligible  ? "fits"
                             : t.outcome == Outcome::unknown ? "unknown"
                                                             : "outside it";
    const char* verdict_zh = t.outcome == Outcome::eligible  ? "符合"
                             : t.outcome == Outcome::unknown ? "无法判断"
                                                             : "不在此范围";
    out.en += fmt::format(" (you: {}, {})", t.found.en, verdict_en);
    out.zh += fmt::format("（你：{}，{}）", t.found.zh, verdict_zh);
  }
  return out;
}

/// The related term: 1 for a goal role, 0.5 for a goal category, else up to 0.5 for
/// the best-fitting roles it serves, by their fit.
double related_value(const Catalog& c, const Profile& p, const ProfileFacts& f, size_t ci,
                     const std::vector<Target>& targets, Text* why) {
  const auto& cert = c.certificates[ci];
  double v = 0;
  const auto& goal_cats = f.goal_category_ids;  // sorted
  const auto& related = c.certificate_related[ci];
  for (size_t j = 0; j < cert.related_roles.size(); ++j) {
    const auto& id = cert.related_roles[j];
    if (related[j] < 0) continue;
    const auto* role = &c.roles[static_cast<size_t>(related[j])];
    if (std::find(p.goal_roles.begin(), p.goal_roles.end(), id) != p.goal_roles.end()) {
      v = 1.0;
      if (why)
        *why = T("Related to your goal role " + role->name.en, "与你的目标岗位“" + role->name.in(Lang::zh) + "”相关");
    } else if (v < 0.5 && std::binary_search(goal_cats.begin(), goal_cats.end(), role->category)) {
      v = 0.5;
      if (why)
        *why = T("Related to a role in a category you aim at: " + role->name.en,
                 "与你目标类别中的岗位相关：" + role->name.in(Lang::zh));
    }
    // A target's role has this id exactly when it is the role the id finds (role()
    // looks ids up before external ids) and the id is that role's own.
    for (const auto& t : targets)
      if (!t.goal && t.match->role == role && role->id == id && 0.5 * t.weight > v) {
        v = 0.5 * t.weight;
        if (why)
          *why = T("Related to a role that fits you: " + role->name.en,
                   "与你较匹配的岗位相关：" + role->name.in(Lang::zh));
      }
  }
  return v;
}

int feasibility_rank(const LevelResult& r) {
  if (r.status == Outcome::eligible) return 0;
  if (r.earliest_date) return 1;
  if (r.status == Outcome::unknown) return 2;
  return 3;
}

/// The score and, with `keep_terms` (not in brief form, which shows none), its terms.
void score_terms(const Catalog& c, CertificateSuggestion& s, double covers, double related, double suits,
                 const Text& covers_detail, const Text& related_detail, const Text& suits_detail,
                 bool keep_terms = true) {
  const auto& sc = c.scoring;
  double wsum = sc.c_covers + sc.c_related + sc.c_suits;
  if (keep_terms) s.terms.reserve(3);
  auto add = [&](const char* id, double v, double w, const Text& d) {
    double contribution = wsum > 0 ? w * v / wsum : 0;
    if (keep_terms) s.terms.push_back(ScoreTerm{id, v, w, contribution, d});
    s.score += contribution;
  };
  add("covers", covers, sc.c_covers, covers_detail);
  add("related", related, sc.c_related, related_detail);
  add("suits", suits, sc.c_suits, suits_detail);
  s.score = std::clamp(s.score, 0.0, 1.0);
  // Advice needs evidence: a certificate that teaches nothing the person misses and
  // serves none of their goals or best-fitting roles is left out, whatever it suits.
  s.below_floor = s.score < sc.certificate_floor || (covers == 0 && related == 0);
}

/// What a certificate's syllabus (its own and its levels' up to `pick`) teaches of the
/// needs, most needed first, and the share of their weight it covers. A syllabus skill
/// covers a need when it is the same or beneath it; naming only its direct parent
/// covers it in part (partial_credit), as in syllabus_covers(). The levels up to `held`
/// (-1: none), which the person holds, taught theirs already: taking `pick` teaches
/// only what lies above them.
struct Coverage {
  double value = 0;
  size_t near = 0, total = 0;  ///< the syllabus skills to take near the person, of all
};

Coverage coverage(const Catalog& c, size_t ci, size_t pick, int held, const SkillCredit& credit, const Needs& needs,
                  std::vector<std::string>& covers) {
  // The common syllabus ([0]), unless a level is held, and each level's own ([i + 1])
  // above the held one up to the suggested one.
  const auto& taught = c.level_taught[ci];
  const auto& reach = c.level_reach[ci];
  auto in_any = [&](const std::vector<std::vector<uint32_t>>& lists, size_t k) {
    for (size_t i = held < 0 ? 0 : static_cast<size_t>(held) + 2; i <= pick + 1; ++i)
      if (std::binary_search(lists[i].begin(), lists[i].end(), static_cast<uint32_t>(k))) return true;
    return false;
  };
  double covered = 0;
  std::vector<std::pair<double, size_t>> hit;  // (weight, need)
  hit.reserve(needs.ids.size());
  for (size_t i = 0; i < needs.ids.size(); ++i) {
    if (needs.skills[i] < 0) continue;
    auto b = static_cast<size_t>(needs.skills[i]);
    bool exact = in_any(reach, b);
    int parent = c.skill_parent[b];
    if (!exact && !(parent >= 0 && in_any(taught, static_cast<size_t>(parent)))) continue;
    covered += needs.weights[i] * (exact ? 1.0 : c.scoring.partial_credit);
    hit.emplace_back(needs.weights[i], i);
  }
  // Keep the order of importance: the most needed first.
  std::sort(hit.begin(), hit.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;  // equals in need order
  });
  covers.reserve(hit.size());
  for (const auto& [w, i] : hit) covers.push_back(*needs.ids[i]);
  Coverage out;
  if (hit.empty() || !(needs.total > 0)) return out;
  // How near the syllabus to be taken is to the person: the share of its skills that
  // the person knows something of or needs (the skill, one beneath it, or its direct
  // child). Machine learning, NLP and programming to learn about AI products is a
  // long way round: the coverage counts that share.
  auto& [value, near, total] = out;
  for (size_t i = held < 0 ? 0 : static_cast<size_t>(held) + 2; i <= pick + 1; ++i)
    for (auto a : taught[i]) {
      ++total;
      bool is_near = credit.of(a) > 0;
      for (size_t j = 0; !is_near && j < needs.ids.size(); ++j) {
        if (needs.skills[j] < 0) continue;
        auto b = static_cast<size_t>(needs.skills[j]);
        is_near = Catalog::tree_distance(c.skill_parent, a, b) >= 0 || c.skill_parent[b] == static_cast<int>(a);
      }
      near += is_near ? 1 : 0;
    }
  double focus = total > 0 ? static_cast<double>(near) / static_cast<double>(total) : 1.0;
  value = covered / needs.total * focus;
  return out;
}

/// What one profile's certificate advice shares across certificates.
struct Advice {
  const Catalog& c;
  const Profile& p;
  Date as_of;
  const ProfileFacts& f;
  std::vector<RoleMatch> goal_matches;  ///< the goal roles' matches, which `targets` point to
  std::vector<Target> targets;
  Needs needs;
  bool prose = true;
  std::vector<HeldCertificate> held;  ///< the person's certificates, changed for one question at a time
};

Text suits_detail(const CertificateSuggestion& s, double suits) {
  return !s.suggested.recommended ? T("the source states no \"suits\" condition", "来源未说明适合人群")
         : suits == 1.0           ? T("its \"suits\" condition fits you", "你符合其适合人群")
         : suits == 0             ? T("its \"suits\" condition does not fit you", "你不符合其适合人群")
                      : T("your profile lacks data for its \"suits\" condition", "档案信息不足，无法判断是否适合");
}

void add_reasons(const Catalog& c, CertificateSuggestion& s, const Text& level_why, const Text& related_why) {
  if (s.held) {
    s.reasons.push_back(T("You hold its top level already", "你已持有该证书的最高等级"));
  } else {
    s.reasons.push_back(feasibility_text(s));
  }
  if (!level_why.empty()) s.reasons.push_back(level_why);
  if (!related_why.empty()) s.reasons.push_back(related_why);
  if (!s.covers.empty())
    s.reasons.push_back(
        T("Syllabus covers skills your goal and best-fitting roles miss: " + join_names(c, s.covers, false),
          "考试大纲覆盖你欠缺的技能：" + join_names(c, s.covers, true)));
  if (s.suggested.recommended) s.reasons.push_back(suits_text(s.suggested));
  if (s.next_step) s.reasons.push_back(next_text(s));
}

/// Fills `s`, a fresh suggestion in its vector's slot (a suggestion is large to move).
bool needs_degree(const Advice& a, const Certificate& cert, const CertificateLevel& level, const LevelResult& r);

void suggest(Advice& a, size_t ci, CertificateSuggestion& s) {
  const auto& c = a.c;
  const auto& cert = c.certificates[ci];
  EvalContext ctx{c,       a.p,     a.as_of,         a.prose,
                  a.prose, nullptr, &a.f.experience, &a.f.any_experience};  // brief: verdicts, no trees
  s.certificate = &cert;
  s.levels.reserve(cert.levels.size());
  for (const auto& l : cert.levels) s.levels.emplace_back(CheckedLevel{cert, l, ctx});  // each in its slot
  int held = held_level(cert, a.p, a.as_of);
  Text level_why, related_why;
  size_t pick = pick_level(c, a.p, a.held, a.as_of, s, a.f, held, a.prose ? &level_why : nullptr);
  s.held = held >= static_cast<int>(cert.levels.size()) - 1;
  route_next(c, a.p, a.f, a.held, a.as_of, s, pick);
  double suits = soft_fit(s.levels[pick]);
  // The brief form keeps the two levels it reads and not the list (a copy each saved),
  // and of those the verdicts, not their rules' nodes (read above for the last time),
  // which makes each move a few words.
  bool has_next = pick + 1 < s.levels.size();
  if (a.prose) {
    s.suggested = s.levels[pick];
    if (has_next) s.next_step = s.levels[pick + 1];
  } else {
    for (size_t i = pick; i < pick + 2 && i < s.levels.size(); ++i) {
      s.levels[i].trace.reset();
      s.levels[i].recommended.reset();
    }
    s.suggested = std::move(s.levels[pick]);
    if (has_next) s.next_step = std::move(s.levels[pick + 1]);
    s.levels.clear();
  }

  auto cov = coverage(c, ci, pick, held, a.f.credit, a.needs, s.covers);
  double covers = cov.value;
  double related = related_value(c, a.p, a.f, ci, a.targets, a.prose ? &related_why : nullptr);
  s.opens_door = related > 0;
  if (!a.prose) {
    score_terms(c, s, covers, related, suits, {}, {}, {}, false);
  } else {
    score_terms(c, s, covers, related, suits,
                cov.near == cov.total
                    ? T(fmt::format("covers {} of the {} essential skills your goal and best-fitting roles miss",
                                    s.covers.size(), a.needs.ids.size()),
                        fmt::format("覆盖你的目标及最匹配岗位欠缺的 {} 项核心技能中的 {} 项", a.needs.ids.size(),
                                    s.covers.size()))
                    : T(fmt::format("covers {} of the {} essential skills your goal and best-fitting roles miss, "
                                    "counted at the share of its syllabus near you: {} of {} skills you know or need",
                                    s.covers.size(), a.needs.ids.size(), cov.near, cov.total),
                        fmt::format("覆盖你的目标及最匹配岗位欠缺的 {} 项核心技能中的 {} 项，按大纲与你相关的比例计分："
                                    "{} 项中你已掌握或需要的 {} 项",
                                    a.needs.ids.size(), s.covers.size(), cov.total, cov.near)),
                related_why.empty() ? T("not related to your goals or best-fitting roles", "与你的目标及最匹配岗位无关")
                                    : related_why,
                suits_detail(s, suits));
  }
  if (s.held) s.below_floor = true;
  s.needs_degree = needs_degree(a, cert, *s.suggested.level, s.suggested);
  if (a.prose) add_reasons(c, s, level_why, related_why);  // the reasons are sentences
  if (a.prose && s.needs_degree)
    s.reasons.push_back(
        T("Needs a degree you neither hold nor study for: listed after the certificates work, "
          "time or study hours can open",
          "需要你尚未取得、也未在读的学历：排在凭工作、时间或学时即可报考的证书之后"));
}

/// Whether only a degree would open the level: not open and no date, and open (or dated)
/// for the same person with the highest level of the ladder, held.
bool needs_degree(const Advice& a, const Certificate& cert, const CertificateLevel& level, const LevelResult& r) {
  if (r.status != Outcome::not_eligible || r.earliest_date || a.p.education_in_progress || a.c.education.empty())
    return false;
  Profile graduate = a.p;
  const auto* top = &a.c.education.front();
  for (const auto& e : a.c.education)
    if (e.rank > top->rank) top = &e;
  if (graduate.education == top->id) return false;
  graduate.education = top->id;
  graduate.school.clear();
  auto what_if = check_level(
      cert, level, EvalContext{a.c, graduate, a.as_of, false, false, nullptr, &a.f.experience, &a.f.any_experience});
  return what_if.status == Outcome::eligible || what_if.earliest_date.has_value();
}

}  // namespace

std::vector<CertificateSuggestion> rank_certificates(const Catalog& c, const Profile& p, Date as_of,
                                                     const ProfileFacts& f, const std::vector<RoleMatch>& ranked_roles,
                                                     bool prose) {
  bool any = std::any_of(c.certificates.begin(), c.certificates.end(),
                         [](const Certificate& cert) { return !cert.levels.empty(); });
  if (!any) return {};  // an imported catalogue has none: no targets or needs to work out
  Advice a{c, p, as_of, f, {}, {}, {}, prose, p.certificates};
  a.targets = targets_of(c, p, f, ranked_roles, a.goal_matches);
  a.needs = needs_of(c, a.targets);
  std::vector<CertificateSuggestion> all;
  all.reserve(c.certificates.size());
  for (size_t ci = 0; ci < c.certificates.size(); ++ci) {
    if (c.certificates[ci].levels.empty()) continue;
    auto& s = all.emplace_back();
    suggest(a, ci, s);
    // A level whose only condition is one to confirm (its conditions are not published)
    // is no advice: nothing in the profile can open it. `check` and `show` still tell.
    if (const auto* l = s.suggested.level; l && l->requires_rule && l->requires_rule->kind == RuleKind::confirm)
      s.below_floor = true;
  }
  // Sorted by index, then moved once: a suggestion is large.
  std::vector<size_t> order(all.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t i, size_t j) {  // a total order: ids are unique
    const auto &x = all[i], &y = all[j];
    if (x.below_floor != y.below_floor) return y.below_floor;
    if (x.needs_degree != y.needs_degree) return y.needs_degree;
    long rx = std::lround(x.score * 100), ry = std::lround(y.score * 100);
    if (rx != ry) return rx > ry;
    int fx = feasibility_rank(x.suggested), fy = feasibility_rank(y.suggested);
    if (fx != fy) return fx < fy;
    if (x.score != y.score) return x.score > y.score;
    return x.certificate->id < y.certificate->id;
  });
  std::vector<CertificateSuggestion> out;
  out.reserve(all.size());
  for (size_t i : order) out.push_back(std::move(all[i]));
  return out;
}

namespace {

/// advisor::focus_role's role with its match: a goal role matched into `goal`, else
/// the ranked role's own; null when there is none.
const RoleMatch* focus_role(const Catalog& c, const Profile& p, const ProfileFacts& f,
                            const std::vector<RoleMatch>& ranked, std::optional<RoleMatch>& goal) {
  const Role* role = advisor::focus_role(c, p, ranked);
  if (!role) return nullptr;
  for (const auto& id : p.goal_roles)
    if (c.role(id) == role) return &goal.emplace(match_role(c, f, *role, false));
  for (const auto& m : ranked)
    if (m.role == role) return &m;
  return nullptr;
}

/// The next role up from `from`: the role that shares most of its own (not transversal)
/// skills and asks for essential ones it does not (ties: fewer new skills, then id);
/// null when none shares at least half of them.
const Role* next_role_up(const Catalog& c, const Role& from) {
  auto transversal = [&](const std::string& id) {
    const auto* k = c.skill(id);
    return k && k->transversal;
  };
  std::vector<std::string> own;
  for (const auto& rs : from.skills)
    if (!transversal(rs.skill)) own.push_back(rs.skill);
  std::sort(own.begin(), own.end());
  const Role* best = nullptr;
  size_t best_shared = 0, best_new = 0;
  for (const auto& r : c.roles) {
    if (&r == &from || r.incomplete) continue;
    size_t shared = 0, added = 0;
    for (const auto& rs : r.skills) {
      if (transversal(rs.skill)) continue;
      bool in = std::binary_search(own.begin(), own.end(), rs.skill);
      shared += in ? 1 : 0;
      added += !in && rs.essential ? 1 : 0;
    }
    if (added == 0 || shared == 0 || shared * 2 < own.size()) continue;
    if (!best || shared > best_shared || (shared == best_shared && added < best_new) ||
        (shared == best_shared && added == best_new && r.id < best->id)) {
      best = &r;
      best_shared = shared;
      best_new = added;
    }
  }
  return best;
}

std::string upper_first(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

/// The skills a certificate covers that the focus role needs (else all it covers), as words.
std::string names_of(const Catalog& c, const RoleMatch& focus, const CertificateSuggestion& s, bool zh) {
  std::vector<std::string> ids;
  for (const auto& id : s.covers) {
    bool needed = std::find(focus.missing.begin(), focus.missing.end(), id) != focus.missing.end();
    for (const auto& pm : focus.partial) needed = needed || pm.required == id;
    if (needed) ids.push_back(id);
  }
  if (ids.size() > 3) ids.resize(3);
  return join_names(c, ids, zh);
}

/// What a certificate action says: sit which level when, and what it teaches.
Text certificate_action_text(const Catalog& c, const CertificateSuggestion& s, const RoleMatch* focus) {
  const auto& r = s.suggested;
  auto title = level_title(*s.certificate, *r.level);
  NextAction a{"certificate", s.certificate->id, r.level->id, std::nullopt, {}};
  std::string sit_en = r.next_sitting ? ", next sitting " + *r.next_sitting : "";
  std::string sit_zh = r.next_sitting ? "，最近一次考试 " + *r.next_sitting : "";
  if (r.status == Outcome::eligible) {
    a.text = T(fmt::format("Sit {} now{}", title.en, sit_en), fmt::format("现在报考{}{}", title.zh, sit_zh));
  } else if (r.earliest_date) {
    a.text = T(fmt::format("Sit {} from {}{}", title.en, r.earliest_date->str(), sit_en),
               fmt::format("{} 起报考{}{}", r.earliest_date->str(), title.zh, sit_zh));
  } else if (!r.changes.empty()) {
    std::string first = r.changes.front().text.en;
    first = first.rfind("at least", 0) == 0 ? "Get " + first : upper_first(first);
    a.text = T(fmt::format("{}, then sit {}", first, title.en),
               fmt::format("先满足：{}，再报考{}", r.changes.front().text.zh, title.zh));
  } else {
    a.text = T(fmt::format("Check whether you can sit {}: advisor check {}", title.en, s.certificate->id),
               fmt::format("确认能否报考{}：advisor check {}", title.zh, s.certificate->id));
  }
  if (focus && !s.covers.empty()) {
    const auto& role = focus->role->name;
    auto en = names_of(c, *focus, s, false);
    if (!en.empty()) {
      a.text.en += fmt::format(". It teaches {}, which {} needs", en, role.en);
      a.text.zh += fmt::format("。它涵盖{}所需的{}", role.in(Lang::zh), names_of(c, *focus, s, true));
    } else {
      std::vector<std::string> ids(s.covers.begin(),
                                   s.covers.begin() + std::min<std::ptrdiff_t>(3, std::ssize(s.covers)));
      a.text.en += fmt::format(". It teaches {}, which roles that fit you need", join_names(c, ids, false));
      a.text.zh += fmt::format("。它涵盖与你较匹配的岗位所需的{}", join_names(c, ids, true));
    }
  }
  return a.text;
}

NextAction certificate_action(const Catalog& c, const CertificateSuggestion& s, const RoleMatch* focus, bool prose) {
  const auto& r = s.suggested;
  NextAction a{"certificate", s.certificate->id, r.level->id, std::nullopt, {}};
  if (r.status == Outcome::eligible)
    a.date = r.next_sitting ? parse_date(*r.next_sitting).date : std::nullopt;
  else if (r.earliest_date)
    a.date = r.earliest_date;
  if (prose) a.text = certificate_action_text(c, s, focus);
  return a;
}

/// The missing essential skill of the focus role that weighs most that the certificate
/// does not teach (the exam covers the others); none when it teaches them all, so that
/// "Sit X: it teaches Y" is never followed by "Learn Y".
std::optional<std::string> key_skill(const Catalog& c, const RoleMatch& focus, const std::vector<std::string>& taught) {
  std::optional<std::string> best;
  double w = -1;
  std::vector<std::string> candidates;
  for (size_t i = 0; i < focus.missing.size(); ++i)
    if (focus.missing_essential[i]) candidates.push_back(focus.missing[i]);
  if (candidates.empty())  // nothing missing outright: what is met only in part, not transversal
    for (const auto& pm : focus.partial)
      if (const auto* k = c.skill(pm.required); pm.essential && !(k && k->transversal))
        candidates.push_back(pm.required);
  for (const auto& id : candidates) {
    auto it = c.skill_by_id.find(id);
    double idf = it == c.skill_by_id.end() ? 1.0 : c.skill_idf[it->second];
    if (std::find(taught.begin(), taught.end(), id) == taught.end() && idf > w) {
      w = idf;
      best = id;
    }
  }
  return best;
}

}  // namespace

std::vector<NextAction> next_actions(const Catalog& c, const Profile& p, Date /*as_of*/, const ProfileFacts& f,
                                     const std::vector<RoleMatch>& ranked_roles,
                                     const std::vector<CertificateSuggestion>& certificates, bool prose) {
  std::vector<NextAction> out;
  out.reserve(3);  // a certificate or role, a skill, then the step after
  std::optional<RoleMatch> goal;
  const RoleMatch* focus = focus_role(c, p, f, ranked_roles, goal);
  // Each action's words, composed only when they are shown.
  auto say = [prose](auto&& compose) { return prose ? Text(compose()) : Text{}; };
  // A first step moves the person: a certificate first only when it teaches a gap of
  // the goal or best-fitting roles, or opens a door (relates to a goal or a fitting role).
  const CertificateSuggestion* first = nullptr;
  for (const auto& s : certificates)
    if (!s.below_floor && (!s.covers.empty() || s.opens_door)) {
      first = &s;
      break;
    }
  // Someone who already fits their role (no essential skill missing) is shown the next
  // role up: the one that shares most of its skills and asks for more.
  bool fits = focus && std::none_of(focus->missing_essential.begin(), focus->missing_essential.end(),
                                    [](bool essential) { return essential; });
  if (fits)
    for (const auto& pm : focus->partial)
      if (const auto* k = c.skill(pm.required); pm.essential && !(k && k->transversal)) fits = false;
  const Role* up = fits ? next_role_up(c, *focus->role) : nullptr;
  if (fits) {
    if (up) {
      auto m = match_role(c, f, *up, false);
      std::vector<std::string> needs;
      for (size_t i = 0; i < m.missing.size(); ++i)
        if (m.missing_essential[i]) needs.push_back(m.missing[i]);
      for (const auto& pm : m.partial)
        if (pm.essential) needs.push_back(pm.required);
      const auto& name = focus->role->name;
      out.push_back(NextAction{"role", up->id, "", std::nullopt, say([&] {
                                 return T(fmt::format("You fit {} now. The next role up is {}: it also asks for {}",
                                                      name.en, up->name.en, join_names(c, needs, false)),
                                          fmt::format("你现在已适合{}。再上一步是{}：还需要{}", name.in(Lang::zh),
                                                      up->name.in(Lang::zh), join_names(c, needs, true)));
                               })});
    } else {
      const auto& name = focus->role->name;
      out.push_back(
          NextAction{"role", focus->role->id, "", std::nullopt, say([&] {
                       return T(fmt::format("You have every essential skill {} asks for: it fits you now", name.en),
                                fmt::format("你已具备{}要求的全部核心技能：现在就适合这个岗位", name.in(Lang::zh)));
                     })});
    }
  }
  if (first) out.push_back(certificate_action(c, *first, focus, prose));
  if (focus) {
    if (auto k = key_skill(c, *focus, first ? first->covers : std::vector<std::string>{})) {
      const auto* sk = c.skill(*k);
      const auto& role = focus->role->name;
      out.push_back(NextAction{"skill", *k, "", std::nullopt, say([&] {
                                 return T(
                                     fmt::format("Learn {}: essential for {}", sk->name.en, role.en),
                                     fmt::format("学习{}：{}的核心技能", sk->name.in(Lang::zh), role.in(Lang::zh)));
                               })});
    }
  }
  if (first && first->next_step) {
    out.push_back(NextAction{"then", first->certificate->id, first->next_step->level->id, first->next_date, say([&] {
                               auto t = route_phrase(*first);
                               auto title = level_title(*first->certificate, *first->next_step->level);
                               return T("Then: " + title.en + ", " + t.en, "然后：" + title.zh + "，" + t.zh);
                             })});
  } else if (focus) {
    const auto& id = up ? up->id : focus->role->id;
    out.push_back(NextAction{"then", id, "", std::nullopt, say([&] {
                               return T(fmt::format("Then: advisor plan --role {} for the whole path", id),
                                        fmt::format("然后：advisor plan --role {} 查看完整路径", id));
                             })});
  }
  return out;
}

}  // namespace ranking

std::vector<int> ladder_levels(const Catalog& c, const Profile& p, Date as_of) {
  auto f = ranking::facts_of(c, p, as_of);
  std::vector<HeldCertificate> scratch = p.certificates;
  std::vector<int> out;
  out.reserve(c.certificates.size());
  EvalContext ctx{c, p, as_of, false, false, nullptr, &f.experience, &f.any_experience};
  for (const auto& cert : c.certificates) {
    if (cert.levels.empty()) {
      out.push_back(-1);
      continue;
    }
    CertificateSuggestion s;
    s.certificate = &cert;
    s.levels.reserve(cert.levels.size());
    for (const auto& l : cert.levels) s.levels.emplace_back(CheckedLevel{cert, l, ctx});
    out.push_back(
        static_cast<int>(ranking::pick_level(c, p, scratch, as_of, s, f, held_level(cert, p, as_of), nullptr)));
  }
  return out;
}

std::vector<size_t> certificate_preference(const Catalog& c, const Profile& p, Date as_of) {
  // The same roles and certificates `recommend` shows by default (its brief form
  // ranks alike: prose changes the words, not the order).
  auto r = recommend(c, p, as_of, "", 5, false);
  std::vector<size_t> place(c.certificates.size(), c.certificates.size());
  for (size_t k = 0; k < r.certificates.size(); ++k)
    if (auto it = c.certificate_by_id.find(r.certificates[k].certificate->id); it != c.certificate_by_id.end())
      place[it->second] = std::min(place[it->second], k);
  return place;
}

std::vector<CoveringCertificate> certificates_to_take(const Catalog& c, const Profile& p, Date as_of,
                                                      const std::vector<std::string>& skills) {
  auto ladder = ladder_levels(c, p, as_of);
  auto all = certificates_covering(c, skills);
  std::erase_if(all, [&](const CoveringCertificate& cc) {
    size_t ci = c.certificate_by_id.at(cc.certificate->id);
    int held = held_level(*cc.certificate, p, as_of);
    int top = static_cast<int>(cc.certificate->levels.size()) - 1;
    if (!cc.level) return held >= top;  // the common syllabus: nothing left to take once the top is held
    int li = cc.certificate->level_index(cc.level->id);
    return li <= held || li < ladder[ci];
  });
  return all;
}

std::vector<CertificateSuggestion> rank_certificates(const Catalog& c, const Profile& p, Date as_of,
                                                     const std::vector<RoleMatch>& ranked_roles, bool prose) {
  return ranking::rank_certificates(c, p, as_of, ranking::facts_of(c, p, as_of), ranked_roles, prose);
}

const Role* focus_role(const Catalog& c, const Profile& p, const std::vector<RoleMatch>& ranked_roles) {
  for (const auto& id : p.goal_roles)
    if (const auto* r = c.role(id)) return r;
  for (const auto& m : ranked_roles)
    if (!m.matched.empty() || !m.partial.empty()) return m.role;
  return nullptr;
}

std::vector<NextAction> next_actions(const Catalog& c, const Profile& p, Date as_of,
                                     const std::vector<RoleMatch>& ranked_roles,
                                     const std::vector<CertificateSuggestion>& certificates) {
  return ranking::next_actions(c, p, as_of, ranking::facts_of(c, p, as_of), ranked_roles, certificates, true);
}

Recommendation recommend(const Catalog& c, const Profile& p, Date as_of, const std::string& category, size_t top,
                         bool prose) {
  Recommendation r;
  r.as_of = as_of;
  auto facts = ranking::facts_of(c, p, as_of);
  // Certificates look at the best roles, so at least five are built in full.
  r.roles = ranking::rank_roles(c, facts, category, top == 0 ? 0 : std::max<size_t>(top, 5), prose);
  r.certificates = ranking::rank_certificates(c, p, as_of, facts, r.roles, prose);
  r.next_actions = ranking::next_actions(c, p, as_of, facts, r.roles, r.certificates, prose);
  if (r.roles.empty()) r.closest = ranking::closest_roles(c, facts, category, 3, prose);
  return r;
}

}  // namespace advisor
