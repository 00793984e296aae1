// Cross-reference checks of a parsed catalogue (its lookup and ranking tables are
// built in catalog_index.cpp).
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

}  // namespace

void validate_catalog(Catalog& catalog, Diagnostics& diags) { Checker(catalog, diags).run(); }

}  // namespace advisor
