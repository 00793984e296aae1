// A catalogue's lookup tables and ranking tables, built once from its data by
// Catalog::index() after loading (or read back from a snapshot), and the lookups
// that read them.
#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <unordered_map>

#include "advisor/catalog_loader.hpp"
#include "advisor/util/bilingual.hpp"

namespace advisor {

namespace {

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
