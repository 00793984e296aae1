// Cross-reference checks of a parsed catalogue, and its lookup tables.
#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "advisor/catalog_loader.hpp"
#include "advisor/util/bilingual.hpp"

namespace advisor {

using util::T;

namespace {

bool same_dir(const std::string& a, const std::string& b) {
  return a.substr(0, a.rfind('/') + 1) == b.substr(0, b.rfind('/') + 1);
}

class Checker {
 public:
  Checker(Catalog& c, Diagnostics& d) : m_c(c), m_d(d) {}

  void at(const SourcePos& p, Text message, Severity sev = Severity::error) {
    Diagnostic d;
    d.file = p.file;
    d.line = p.line;
    d.column = p.column;
    d.severity = sev;
    d.message = std::move(message);
    m_d.add(std::move(d));
  }

  template <typename Item>
  void unique_ids(const std::vector<Item>& items, std::string_view what) {
    std::unordered_map<std::string, const Item*> seen;
    for (const auto& it : items) {
      auto [pos, fresh] = seen.emplace(it.id, &it);
      if (!fresh) {
        const auto& first = pos->second->pos;
        at(it.pos, T(fmt::format("duplicate {} id '{}' (first defined at {}:{})", what, it.id, first.file, first.line),
                     fmt::format("{} id“{}”重复（首次定义于 {}:{}）", what, it.id, first.file, first.line)));
      }
    }
  }

  // Reports a dangling reference with the closest existing id.
  template <typename Item>
  bool ref(const std::string& id, const std::vector<Item>& pool, const IdIndex& index, const SourcePos& p,
           std::string_view what) {
    if (index.count(id)) return true;
    std::vector<std::string> ids;
    ids.reserve(pool.size());
    for (const auto& x : pool) ids.push_back(x.id);
    auto guess = closest_match(id, ids);
    at(p,
       T(fmt::format("unknown {} '{}'{}", what, id, guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess)),
         fmt::format("未知的{}“{}”{}", zh_name(what), id,
                     guess.empty() ? "" : fmt::format("（是否想写“{}”？）", guess))));
    return false;
  }

  static std::string zh_name(std::string_view what) {
    if (what == "skill") return "技能";
    if (what == "role") return "岗位";
    if (what == "category") return "岗位类别";
    if (what == "certificate") return "证书";
    if (what == "domain") return "经验领域";
    if (what == "major") return "专业";
    if (what == "source") return "来源";
    if (what == "education level") return "学历";
    if (what == "registration fact") return "报名信息";
    if (what == "school type") return "学校类型";
    if (what == "school class") return "技工院校班级";
    if (what == "title level") return "职称等级";
    if (what == "rule version") return "规则版本";
    return std::string(what);
  }

  void sources(const std::vector<std::string>& ids, const SourcePos& p, std::string_view what, bool required) {
    if (required && ids.empty())
      at(p, T(fmt::format("{} names no source: every fact must cite one", what),
              fmt::format("{}没有注明来源：每条信息都必须注明出处", zh_name(what))));
    for (const auto& s : ids) ref(s, m_c.sources, m_c.source_by_id, p, "source");
  }

  void tree(std::vector<TreeItem>& items, const IdIndex& index, std::vector<int>& parents, std::string_view what) {
    parents.assign(items.size(), -1);
    for (size_t i = 0; i < items.size(); ++i) {
      const auto& it = items[i];
      if (it.parent.empty()) continue;
      if (ref(it.parent, items, index, it.parent_pos.line ? it.parent_pos : it.pos, what))
        parents[i] = static_cast<int>(index.at(it.parent));
    }
    // A cycle would make "counts toward its ancestors" loop forever.
    for (size_t i = 0; i < items.size(); ++i) {
      int slow = static_cast<int>(i), fast = static_cast<int>(i);
      bool cycle = false;
      while (fast >= 0 && parents[static_cast<size_t>(fast)] >= 0) {
        fast = parents[static_cast<size_t>(parents[static_cast<size_t>(fast)])];
        slow = parents[static_cast<size_t>(slow)];
        if (fast >= 0 && fast == slow) {
          cycle = true;
          break;
        }
      }
      if (!cycle) continue;
      // Report once, at the smallest index on the cycle, and break it.
      std::vector<size_t> loop;
      size_t k = static_cast<size_t>(slow);
      do {
        loop.push_back(k);
        k = static_cast<size_t>(parents[k]);
      } while (k != static_cast<size_t>(slow));
      size_t first = *std::min_element(loop.begin(), loop.end());
      if (first != i) continue;
      std::string path;
      size_t j = first;
      do {
        path += items[j].id + " → ";
        j = static_cast<size_t>(parents[j]);
      } while (j != first);
      path += items[first].id;
      at(items[first].parent_pos.line ? items[first].parent_pos : items[first].pos,
         T(fmt::format("{} parents form a cycle: {}", what, path),
           fmt::format("{}的上级形成循环：{}", zh_name(what), path)));
      parents[first] = -1;
    }
  }

  void rule(const Rule& r) {
    switch (r.kind) {
      case RuleKind::all:
      case RuleKind::any:
      case RuleKind::not_:
        for (const auto& c : r.children) rule(c);
        break;
      case RuleKind::age:
        if (r.min_age && r.max_age && *r.min_age > *r.max_age)
          at(r.pos, T("age min is above max: no one can pass", "age 的 min 大于 max：无人能满足"));
        break;
      case RuleKind::education:
        ref(r.education_min, m_c.education, m_c.education_by_id, r.pos, "education level");
        break;
      case RuleKind::major:
        for (const auto& m : r.majors) ref(m, m_c.majors, m_c.major_by_id, r.pos, "major");
        break;
      case RuleKind::experience:
        if (!r.domain.empty()) ref(r.domain, m_c.domains, m_c.domain_by_id, r.pos, "domain");
        if (r.max_years && *r.max_years < r.min_years)
          at(r.pos, T("experience max_years is below min_years: no one can pass",
                      "experience 的 max_years 小于 min_years：无人能满足"));
        break;
      case RuleKind::holds:
      case RuleKind::study_hours:
        if (ref(r.certificate, m_c.certificates, m_c.certificate_by_id, r.pos, "certificate") && !r.level.empty()) {
          const auto& cert = m_c.certificates[m_c.certificate_by_id.at(r.certificate)];
          if (cert.level_index(r.level) < 0) {
            std::vector<std::string> ids;
            for (const auto& l : cert.levels) ids.push_back(l.id);
            auto guess = closest_match(r.level, ids);
            at(r.pos, T(fmt::format("certificate '{}' has no level '{}'{}", r.certificate, r.level,
                                    guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess)),
                        fmt::format("证书“{}”没有等级“{}”{}", r.certificate, r.level,
                                    guess.empty() ? "" : fmt::format("（是否想写“{}”？）", guess))));
          }
        }
        break;
      case RuleKind::skills:
        for (const auto& s : r.skill_ids) ref(s, m_c.skills, m_c.skill_by_id, r.pos, "skill");
        break;
      case RuleKind::title:
        ref(r.title_min, m_c.title_levels, m_c.title_level_by_id, r.pos, "title level");
        break;
      case RuleKind::diploma:
        for (const auto& s : r.schools) ref(s, m_c.schools, m_c.school_by_id, r.pos, "school type");
        if (!r.min_class.empty()) ref(r.min_class, m_c.school_classes, m_c.school_class_by_id, r.pos, "school class");
        if (!r.education_min.empty())
          ref(r.education_min, m_c.education, m_c.education_by_id, r.pos, "education level");
        break;
      case RuleKind::confirm:
        break;
    }
    if ((r.related_work && r.work.empty()) || (r.related_major && r.major_rel.empty()))
      at(r.pos,
         T(r.related_work ? "'work: related' needs the certificate's 'related_work'"
                          : "'related' majors need the certificate's 'related_majors'",
           r.related_work ? "“work: related”需要证书的“related_work”" : "“related”专业需要证书的“related_majors”"));
    if (!r.after_certificate.empty()) {
      Rule held;
      held.kind = RuleKind::holds;
      held.certificate = r.after_certificate;
      held.level = r.after_level;
      held.pos = r.pos;
      rule(held);
    }
    if (!r.after_title.empty()) ref(r.after_title, m_c.title_levels, m_c.title_level_by_id, r.pos, "title level");
  }

  void relation(const Relation& rel, bool domains, const SourcePos& p) {
    for (const auto* list : {&rel.plain, &rel.maybe})
      for (const auto& id : *list)
        if (domains)
          ref(id, m_c.domains, m_c.domain_by_id, p, "domain");
        else
          ref(id, m_c.majors, m_c.major_by_id, p, "major");
  }

  // A level is reachable when its rule can pass with time, study and the levels
  // already known reachable. Fixed point: anything left over sits on a cycle of
  // `holds` or depends on a level that does.
  void ladders() {
    std::set<std::pair<std::string, std::string>> reachable;
    auto holdable = [&](const std::string& cert, const std::string& level) {
      const auto* c = m_c.certificate(cert);
      if (!c) return true;  // reported elsewhere
      int from = level.empty() ? 0 : c->level_index(level);
      if (from < 0) return true;
      for (size_t i = static_cast<size_t>(from); i < c->levels.size(); ++i)
        if (reachable.count({cert, c->levels[i].id})) return true;
      return false;
    };
    std::function<bool(const Rule&)> can_pass = [&](const Rule& r) -> bool {
      switch (r.kind) {
        case RuleKind::all:
          return std::all_of(r.children.begin(), r.children.end(), can_pass);
        case RuleKind::any:
          return std::any_of(r.children.begin(), r.children.end(), can_pass);
        case RuleKind::holds:
          return holdable(r.certificate, r.level);
        default:
          return true;  // time, study or learning can meet it
      }
    };
    bool changed = true;
    while (changed) {
      changed = false;
      for (const auto& c : m_c.certificates)
        for (const auto& l : c.levels)
          if (!reachable.count({c.id, l.id}) && (!l.requires_rule || can_pass(*l.requires_rule))) {
            reachable.insert({c.id, l.id});
            changed = true;
          }
    }
    for (const auto& c : m_c.certificates)
      for (const auto& l : c.levels)
        if (!reachable.count({c.id, l.id}))
          at(l.pos,
             T(fmt::format("level '{}/{}' can never be reached: its rule needs a certificate level that "
                           "itself depends on it (a cycle of 'holds')",
                           c.id, l.id),
               fmt::format("等级“{}/{}”永远无法达到：其规则要求的证书等级又依赖于它（holds 形成循环）", c.id, l.id)));
  }

  void run() {
    auto& c = m_c;
    unique_ids(c.sources, "source");
    unique_ids(c.education, "education level");
    unique_ids(c.majors, "major");
    unique_ids(c.domains, "domain");
    unique_ids(c.skills, "skill");
    unique_ids(c.categories, "category");
    unique_ids(c.roles, "role");
    unique_ids(c.certificates, "certificate");
    unique_ids(c.claims, "claim");
    unique_ids(c.schools, "school type");
    unique_ids(c.school_classes, "school class");
    unique_ids(c.title_levels, "title level");
    c.index();
    vocabulary();
    skill_words();
    categories_and_roles();
    certificates();
    claims();
    ladders();
    c.index();  // again: parents may have been cut where cycles were found
  }

 private:
  /// The skill, domain and major trees; vocabulary is cited too: every skill and
  /// major names where it comes from.
  void vocabulary() {
    auto& c = m_c;
    tree(c.skills, c.skill_by_id, c.skill_parent, "skill");
    tree(c.domains, c.domain_by_id, c.domain_parent, "domain");
    tree(c.majors, c.major_by_id, c.major_parent, "major");
    for (const auto& s : c.skills) sources(s.sources, s.pos, "skill", true);
    for (const auto& m : c.majors) sources(m.sources, m.pos, "major", true);
    for (const auto& d : c.domains) {
      for (const auto& k : d.implies) ref(k, c.skills, c.skill_by_id, d.pos, "skill");
      if (!d.implies.empty()) sources(d.sources, d.pos, "domain", true);
    }
  }

  /// Two skills answering to the same word would make profiles ambiguous.
  void skill_words() {
    auto& c = m_c;
    std::unordered_map<std::string, size_t> owner;
    for (size_t i = 0; i < c.skills.size(); ++i) {
      const auto& s = c.skills[i];
      std::set<std::string> keys;
      for (const auto& w : {s.id, s.name.zh, s.name.en}) keys.insert(normalize_key(w));
      for (const auto& a : s.aliases) keys.insert(normalize_key(a));
      for (const auto& k : keys) {
        if (k.empty()) continue;
        auto [it, fresh] = owner.emplace(k, i);
        // Across merged catalogue directories (builtin + an ESCO import both know
        // "Python") the first directory keeps the word, as lookup does; within one
        // directory it is an ambiguity to fix.
        // A second skill with the same id is already reported as a duplicate id.
        if (!fresh && it->second != i && c.skills[it->second].id != s.id &&
            same_dir(c.skills[it->second].pos.file, s.pos.file))
          at(s.pos, T(fmt::format("skill '{}' and skill '{}' both answer to '{}'", c.skills[it->second].id, s.id, k),
                      fmt::format("技能“{}”与“{}”都对应“{}”", c.skills[it->second].id, s.id, k)));
      }
    }
  }

  void categories_and_roles() {
    auto& c = m_c;
    for (const auto& cat : c.categories) {
      sources(cat.sources, cat.pos, "category", true);
      for (const auto& s : cat.barrier.skills) ref(s, c.skills, c.skill_by_id, cat.pos, "skill");
      for (const auto& d : cat.domains) ref(d, c.domains, c.domain_by_id, cat.pos, "domain");
    }
    for (const auto& r : c.roles) {
      sources(r.sources, r.pos, "role", true);
      ref(r.category, c.categories, c.category_by_id, r.pos, "category");
      std::set<std::string> seen;
      for (const auto& s : r.skills) {
        ref(s.skill, c.skills, c.skill_by_id, s.pos, "skill");
        if (!seen.insert(s.skill).second)
          at(s.pos, T(fmt::format("role '{}' lists skill '{}' twice", r.id, s.skill),
                      fmt::format("岗位“{}”重复列出技能“{}”", r.id, s.skill)));
      }
      for (const auto& d : r.domains) ref(d, c.domains, c.domain_by_id, r.pos, "domain");
    }
  }

  void certificates() {
    auto& c = m_c;
    for (const auto& cert : c.certificates) {
      sources(cert.sources, cert.pos, "certificate", true);
      for (const auto& f : cert.registration) sources(f.sources, f.pos, "registration fact", true);
      for (const auto& s : cert.syllabus) ref(s, c.skills, c.skill_by_id, cert.pos, "skill");
      for (const auto& r : cert.related_roles) ref(r, c.roles, c.role_by_id, cert.pos, "role");
      unique_ids(cert.levels, "level");
      for (const auto& l : cert.levels) {
        sources(l.sources, l.pos, "level", false);
        for (const auto& s : l.syllabus) ref(s, c.skills, c.skill_by_id, l.pos, "skill");
        if (l.requires_rule) rule(*l.requires_rule);
        if (l.recommended) rule(*l.recommended);
        int current = 0;
        for (const auto& v : l.versions) {
          sources(v.sources, v.pos, "rule version", true);
          if (v.requires_rule) rule(*v.requires_rule);
          current += v.current ? 1 : 0;
        }
        if (current > 1) at(l.pos, T("a level has more than one 'current' version", "一个等级有多个“current”版本"));
      }
      relation(cert.related_work, true, cert.pos);
      relation(cert.related_majors, false, cert.pos);
    }
    for (const auto& s : c.schools) {
      if (!s.parent.empty()) ref(s.parent, c.schools, c.school_by_id, s.pos, "school type");
      for (const auto& l : s.levels) ref(l, c.education, c.education_by_id, s.pos, "education level");
    }
  }

  void claims() {
    auto& c = m_c;
    for (const auto& cl : c.claims) {
      sources(cl.sources, cl.pos, "claim", true);
      if (!cl.subject.empty() && !c.role_by_id.count(cl.subject) && !c.certificate_by_id.count(cl.subject))
        at(cl.pos, T(fmt::format("claim subject '{}' is neither a role nor a certificate", cl.subject),
                     fmt::format("声明的对象“{}”既不是岗位也不是证书", cl.subject)));
    }
  }

  Catalog& m_c;
  Diagnostics& m_d;
};

template <typename T>
void index_ids(const std::vector<T>& items, IdIndex& map) {
  map.clear();
  map.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) map.emplace(items[i].id, i);
}

/// Every word an item answers to (id, both names, aliases), normalised, to its index.
template <typename Item>
void index_keys(IdIndex& map, const std::vector<Item>& items) {
  map.clear();
  map.reserve(items.size() * 4);
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    for (const std::string* w : {&it.id, &it.name.zh, &it.name.en}) map.emplace(normalize_key(*w), i);
    for (const auto& a : it.aliases) map.emplace(normalize_key(a), i);
  }
  map.erase("");
}

void index_parents(std::vector<int>& out, const std::vector<TreeItem>& items, const IdIndex& by_id) {
  if (out.size() == items.size()) {
    // Keep cycle cuts made by validation: only fill where a parent is known.
    for (size_t i = 0; i < items.size(); ++i)
      if (out[i] >= 0 && !items[i].parent.empty() && by_id.count(items[i].parent))
        out[i] = static_cast<int>(by_id.at(items[i].parent));
    return;
  }
  // Indexed for the first time (a snapshot read back, or before validation, which
  // then redoes them and cuts cycles): parents come from the ids.
  out.assign(items.size(), -1);
  for (size_t i = 0; i < items.size(); ++i)
    if (auto it = by_id.find(items[i].parent); !items[i].parent.empty() && it != by_id.end())
      out[i] = static_cast<int>(it->second);
}

/// The roles that list each skill, each skill's specificity and the weights of the
/// roles' essential and optional skills.
void index_skill_weights(Catalog& c) {
  const auto& roles = c.roles;
  const auto& skills = c.skills;
  const auto& skill_by_id = c.skill_by_id;
  auto& roles_by_skill = c.roles_by_skill;
  auto& skill_idf = c.skill_idf;
  roles_by_skill.assign(skills.size(), {});
  for (size_t r = 0; r < roles.size(); ++r) {
    for (size_t k = 0; k < roles[r].skills.size(); ++k) {
      auto it = skill_by_id.find(roles[r].skills[k].skill);
      if (it != skill_by_id.end())
        roles_by_skill[it->second].emplace_back(static_cast<uint32_t>(r), static_cast<uint32_t>(k));
    }
  }
  // Specificity: how many roles ask for a skill (a role listing it twice counts once).
  // Smoothed as in information retrieval: ln((N+1)/(df+1)) + 1, so a skill every role
  // lists still counts a little and a role made only of such skills is not weightless.
  skill_idf.assign(skills.size(), 0);
  const double n_roles = static_cast<double>(roles.size());
  for (size_t s = 0; s < skills.size(); ++s) {
    size_t df = 0;
    uint32_t last = UINT32_MAX;
    for (auto [r, k] : roles_by_skill[s])
      if (r != last) {
        ++df;
        last = r;
      }
    skill_idf[s] = std::log((n_roles + 1) / (static_cast<double>(df) + 1)) + 1;
  }
  c.role_essential_weight.assign(roles.size(), 0);
  c.role_optional_weight.assign(roles.size(), 0);
  c.role_core_weight.assign(roles.size(), 0);
  std::vector<double> slot_weights;
  for (size_t r = 0; r < roles.size(); ++r)
    for (const auto& rs : roles[r].skills) {
      auto it = skill_by_id.find(rs.skill);
      double idf = it == skill_by_id.end() ? 1.0 : skill_idf[it->second];
      (rs.essential ? c.role_essential_weight : c.role_optional_weight)[r] += rs.weight * idf;
      if (rs.essential && !(it != skill_by_id.end() && c.skills[it->second].transversal))
        c.role_core_weight[r] += rs.weight * idf;
      if (rs.essential) slot_weights.push_back(rs.weight * idf);
    }
  c.typical_skill_weight = 1.0;
  if (!slot_weights.empty()) {
    auto mid = slot_weights.begin() + static_cast<std::ptrdiff_t>(slot_weights.size() / 2);
    std::nth_element(slot_weights.begin(), mid, slot_weights.end());
    c.typical_skill_weight = *mid;
  }
}

/// Each role's and skill's place in id order (ties in ranking, lists kept by id).
void index_id_ranks(Catalog& c) {
  auto ranks = [](const auto& items, std::vector<uint32_t>& rank) {
    std::vector<uint32_t> by_id(items.size());
    for (size_t i = 0; i < items.size(); ++i) by_id[i] = static_cast<uint32_t>(i);
    std::sort(by_id.begin(), by_id.end(), [&](uint32_t a, uint32_t b) { return items[a].id < items[b].id; });
    rank.assign(items.size(), 0);
    for (size_t i = 0; i < by_id.size(); ++i) rank[by_id[i]] = static_cast<uint32_t>(i);
  };
  ranks(c.roles, c.role_id_rank);
  ranks(c.skills, c.skill_id_rank);
}

/// What ranking reads for every role, resolved once rather than per profile.
void index_role_facts(Catalog& c, bool ranks_read) {
  const auto& roles = c.roles;
  if (!ranks_read) index_id_ranks(c);
  c.role_category.assign(roles.size(), -1);
  c.role_domains.assign(roles.size(), {});
  for (size_t r = 0; r < roles.size(); ++r) {
    auto cat = c.category_by_id.find(roles[r].category);
    if (cat != c.category_by_id.end()) c.role_category[r] = static_cast<int>(cat->second);
    const auto& ids = !roles[r].domains.empty() || cat == c.category_by_id.end() ? roles[r].domains
                                                                                 : c.categories[cat->second].domains;
    for (const auto& d : ids)
      if (auto it = c.domain_by_id.find(d); it != c.domain_by_id.end())
        c.role_domains[r].push_back(static_cast<uint32_t>(it->second));
  }
  c.role_slot_skill.assign(roles.size(), {});
  c.role_skill_kinds.assign(roles.size(), 0);
  for (size_t r = 0; r < roles.size(); ++r)
    for (const auto& rs : roles[r].skills) {
      auto it = c.skill_by_id.find(rs.skill);
      c.role_slot_skill[r].push_back(it == c.skill_by_id.end() ? -1 : static_cast<int>(it->second));
      c.role_skill_kinds[r] |= rs.essential ? 1 : 2;
    }
}

/// Skill ids as indices, those not in the catalogue left out.
std::vector<uint32_t> skill_indices(const Catalog& c, const std::vector<std::string>& ids) {
  std::vector<uint32_t> out;
  for (const auto& id : ids)
    if (auto it = c.skill_by_id.find(id); it != c.skill_by_id.end()) out.push_back(static_cast<uint32_t>(it->second));
  return out;
}

/// Sorts and removes duplicates.
void sort_unique(std::vector<uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

/// A syllabus's skills and every skill above them, sorted. Each skill is walked up
/// once (a walk stops where an earlier one passed), so a cycle the checks have not cut
/// yet costs no more than the tree's size. `seen` (one flag per skill, all clear) is
/// left clear.
std::vector<uint32_t> reach_of(const Catalog& c, const std::vector<uint32_t>& taught, std::vector<char>& seen) {
  std::vector<uint32_t> up;
  for (auto k : taught)
    for (int a = static_cast<int>(k); a >= 0 && !seen[static_cast<size_t>(a)];
         a = c.skill_parent[static_cast<size_t>(a)]) {
      seen[static_cast<size_t>(a)] = 1;
      up.push_back(static_cast<uint32_t>(a));
    }
  for (auto a : up) seen[a] = 0;
  std::sort(up.begin(), up.end());
  return up;
}

/// What certificate advice reads for every certificate and category, resolved once.
void index_advice_facts(Catalog& c) {
  c.level_taught.clear();
  c.level_reach.clear();
  std::vector<char> seen(c.skills.size(), 0);
  for (const auto& cert : c.certificates) {
    auto& taught = c.level_taught.emplace_back();
    auto& reach = c.level_reach.emplace_back();
    taught.push_back(skill_indices(c, cert.syllabus));
    for (const auto& l : cert.levels) taught.push_back(skill_indices(c, l.syllabus));
    for (auto& t : taught) {
      sort_unique(t);
      reach.push_back(reach_of(c, t, seen));
    }
  }
  c.category_barrier_skills.clear();
  for (const auto& cat : c.categories) c.category_barrier_skills.push_back(skill_indices(c, cat.barrier.skills));
  c.certificate_related.clear();
  for (const auto& cert : c.certificates) {
    auto& related = c.certificate_related.emplace_back();
    for (const auto& id : cert.related_roles) {
      const auto* role = c.role(id);
      related.push_back(role ? static_cast<int>(role - c.roles.data()) : -1);
    }
  }
}

}  // namespace

void validate_catalog(Catalog& catalog, Diagnostics& diags) { Checker(catalog, diags).run(); }

std::shared_ptr<SuggestionIndex> new_suggestion_index();  // catalog_names.cpp

int Certificate::level_index(const std::string& level) const {
  for (size_t i = 0; i < levels.size(); ++i)
    if (levels[i].id == level) return static_cast<int>(i);
  return -1;
}

namespace {

// Whether `key` (normalised) is one of an item's id, zh or en name or aliases.
template <typename Item>
bool names_item(const Item& item, const std::string& key) {
  if (key.empty()) return false;
  if (normalize_key(item.id) == key || normalize_key(item.name.zh) == key || normalize_key(item.name.en) == key)
    return true;
  for (const auto& a : item.aliases)
    if (normalize_key(a) == key) return true;
  return false;
}

template <typename Item>
const Item* find_named(const std::vector<Item>& items, const std::string& text) {
  for (const auto& i : items)
    if (i.id == text) return &i;
  auto key = normalize_key(text);
  for (const auto& i : items)
    if (names_item(i, key)) return &i;
  return nullptr;
}

}  // namespace

int Certificate::find_level(const std::string& text) const {
  if (int i = level_index(text); i >= 0) return i;
  const auto* l = find_named(levels, text);
  return l ? static_cast<int>(l - levels.data()) : -1;
}

const RuleVersion* CertificateLevel::version_on(Date d) const {
  if (versions.empty()) return nullptr;
  const RuleVersion* best = nullptr;
  for (const auto& v : versions) {
    auto vd = v.date();
    if (v.current && (!vd || *vd <= d)) return &v;
    if (vd && *vd <= d && (!best || !best->date() || *best->date() < *vd)) best = &v;
  }
  if (best) return best;
  // Before every dated version: the earliest one.
  for (const auto& v : versions)
    if (!best || (v.date() && (!best->date() || *v.date() < *best->date()))) best = &v;
  return best;
}

namespace {

// What find_named finds, through the indexes: the exact id, else the first item with
// the normalised word (index_keys keeps the first). A profile line reads its school on
// every line: no normalising of every school's names each time.
template <typename Item>
const Item* find_keyed(const std::vector<Item>& items, const IdIndex& by_id, const IdIndex& by_key,
                       const std::string& text) {
  if (auto it = by_id.find(text); it != by_id.end()) return &items[it->second];
  auto key = normalize_key(text);
  if (key.empty()) return nullptr;
  auto it = by_key.find(key);
  return it == by_key.end() ? nullptr : &items[it->second];
}

}  // namespace

const SchoolType* Catalog::find_school(const std::string& text) const {
  return find_keyed(schools, school_by_id, school_by_key, text);
}
const EducationLevel* Catalog::find_school_class(const std::string& text) const {
  return find_keyed(school_classes, school_class_by_id, school_class_by_key, text);
}
const EducationLevel* Catalog::find_title_level(const std::string& text) const {
  return find_keyed(title_levels, title_level_by_id, title_level_by_key, text);
}

bool Catalog::school_within(const std::string& have, const std::string& want) const {
  std::string k = have;
  for (size_t steps = 0; !k.empty() && steps <= schools.size(); ++steps) {
    if (k == want) return true;
    const auto* s = find_named(schools, k);
    if (!s || s->id != k) return false;
    k = s->parent;
  }
  return false;
}

const RegistrationFact* Certificate::registration_fact(const std::string& about) const {
  for (const auto& f : registration)
    if (f.about == about) return &f;
  return nullptr;
}

void Catalog::index(bool stored_read) {
  suggestions.index = new_suggestion_index();
  index_ids(sources, source_by_id);
  index_ids(education, education_by_id);
  index_ids(majors, major_by_id);
  index_ids(domains, domain_by_id);
  index_ids(skills, skill_by_id);
  index_ids(categories, category_by_id);
  index_ids(roles, role_by_id);
  index_ids(certificates, certificate_by_id);
  index_ids(schools, school_by_id);
  index_ids(school_classes, school_class_by_id);
  index_ids(title_levels, title_level_by_id);
  if (!stored_read) {
    index_keys(skill_by_key, skills);
    skill_owns_id_key.assign(skills.size(), 0);
    for (size_t i = 0; i < skills.size(); ++i)
      if (auto it = skill_by_key.find(normalize_key(skills[i].id)); it != skill_by_key.end() && it->second == i)
        skill_owns_id_key[i] = 1;
    index_keys(education_by_key, education);
    index_keys(major_by_key, majors);
    index_keys(domain_by_key, domains);
    index_keys(school_by_key, schools);
    index_keys(school_class_by_key, school_classes);
    index_keys(title_level_by_key, title_levels);
  }
  index_parents(skill_parent, skills, skill_by_id);
  index_parents(domain_parent, domains, domain_by_id);
  index_parents(major_parent, majors, major_by_id);
  skill_up.assign(skills.size(), scoring.up_credit);
  skill_children.assign(skills.size(), {});
  for (size_t i = 0; i < skills.size(); ++i) {
    if (skills[i].parent_credit) skill_up[i] = *skills[i].parent_credit;
    if (skill_parent[i] >= 0) skill_children[static_cast<size_t>(skill_parent[i])].push_back(static_cast<uint32_t>(i));
  }
  index_skill_weights(*this);
  index_external_ids();
  index_role_facts(*this, stored_read);
  index_advice_facts(*this);
}

namespace {

// Union-find root with path halving.
uint32_t set_root(std::vector<uint32_t>& up, uint32_t k) {
  while (up[k] != k) k = up[k] = up[up[k]];
  return k;
}

}  // namespace

void Catalog::index_external_ids() {
  role_by_external_id.clear();
  for (size_t r = 0; r < roles.size(); ++r)
    for (const auto& [scheme, value] : roles[r].external_ids) role_by_external_id.emplace(value, r);
  // Skills joined by same_as links form sets; a link names an external id, matched
  // in normalised form (ESCO labels differ in case from the words people write).
  std::unordered_map<std::string, std::vector<uint32_t>> by_ext;
  bool any_link = false;
  for (size_t i = 0; i < skills.size(); ++i) {
    for (const auto& [scheme, value] : skills[i].external_ids)
      by_ext[scheme + '\x1f' + normalize_key(value)].push_back(static_cast<uint32_t>(i));
    any_link = any_link || !skills[i].same_as.empty();
  }
  skill_same.assign(skills.size(), {});
  if (!any_link || by_ext.empty()) return;
  std::vector<uint32_t> up(skills.size());
  for (size_t i = 0; i < up.size(); ++i) up[i] = static_cast<uint32_t>(i);
  for (size_t i = 0; i < skills.size(); ++i)
    for (const auto& ref : skills[i].same_as)
      if (auto it = by_ext.find(ref.scheme + '\x1f' + normalize_key(ref.value)); it != by_ext.end())
        for (uint32_t j : it->second) up[set_root(up, j)] = set_root(up, static_cast<uint32_t>(i));
  std::unordered_map<uint32_t, std::vector<uint32_t>> members;
  for (size_t i = 0; i < skills.size(); ++i)
    members[set_root(up, static_cast<uint32_t>(i))].push_back(static_cast<uint32_t>(i));
  for (const auto& [root, set] : members) {
    if (set.size() < 2) continue;
    for (uint32_t a : set)
      for (uint32_t b : set)
        if (a != b) skill_same[a].push_back(b);
  }
}

namespace {
template <typename T>
const T* lookup(const std::vector<T>& items, const IdIndex& map, const std::string& id) {
  auto it = map.find(id);
  return it == map.end() ? nullptr : &items[it->second];
}
}  // namespace

const TreeItem* Catalog::skill(const std::string& wanted) const { return lookup(skills, skill_by_id, wanted); }
const TreeItem* Catalog::domain(const std::string& wanted) const { return lookup(domains, domain_by_id, wanted); }
const TreeItem* Catalog::major(const std::string& wanted) const { return lookup(majors, major_by_id, wanted); }
const Role* Catalog::role(const std::string& wanted) const {
  if (const auto* r = lookup(roles, role_by_id, wanted)) return r;
  return lookup(roles, role_by_external_id, wanted);
}
const Category* Catalog::category(const std::string& wanted) const {
  return lookup(categories, category_by_id, wanted);
}
const Certificate* Catalog::certificate(const std::string& wanted) const {
  return lookup(certificates, certificate_by_id, wanted);
}
const SchoolType* Catalog::school(const std::string& wanted) const { return lookup(schools, school_by_id, wanted); }
const EducationLevel* Catalog::school_class(const std::string& wanted) const {
  return lookup(school_classes, school_class_by_id, wanted);
}
const EducationLevel* Catalog::title_level(const std::string& wanted) const {
  return lookup(title_levels, title_level_by_id, wanted);
}
const EducationLevel* Catalog::education_level(const std::string& wanted) const {
  return lookup(education, education_by_id, wanted);
}
const Source* Catalog::source(const std::string& wanted) const { return lookup(sources, source_by_id, wanted); }

const TreeItem* Catalog::find_skill(const std::string& text) const {
  // A profile names most skills by id: found as it is, when the id's key is its own.
  if (auto it = skill_by_id.find(text);
      it != skill_by_id.end() && it->second < skill_owns_id_key.size() && skill_owns_id_key[it->second])
    return &skills[it->second];
  thread_local std::string key;  // every skill of every profile is looked up here: one string's room
  normalize_key_into(text, key);
  auto it = skill_by_key.find(key);
  return it == skill_by_key.end() ? nullptr : &skills[it->second];
}
const EducationLevel* Catalog::find_education(const std::string& text) const {
  auto it = education_by_key.find(normalize_key(text));
  return it == education_by_key.end() ? nullptr : &education[it->second];
}
const TreeItem* Catalog::find_domain(const std::string& text) const {
  if (const auto* d = domain(text)) return d;
  auto it = domain_by_key.find(normalize_key(text));
  return it == domain_by_key.end() ? nullptr : &domains[it->second];
}
const TreeItem* Catalog::find_major(const std::string& text) const {
  auto it = major_by_key.find(normalize_key(text));
  return it == major_by_key.end() ? nullptr : &majors[it->second];
}

int Catalog::tree_distance(const std::vector<int>& parents, size_t descendant, size_t ancestor) {
  int d = 0;
  int k = static_cast<int>(descendant);
  while (k >= 0 && d <= static_cast<int>(parents.size())) {
    if (static_cast<size_t>(k) == ancestor) return d;
    k = parents[static_cast<size_t>(k)];
    ++d;
  }
  return -1;
}

}  // namespace advisor
