#pragma once
// Internal to the catalogue stage: the snapshot's schema. Each stored struct's
// fields, listed once, in the order a snapshot keeps them (catalog_cache.cpp). The
// writer, the reader, the minimum size of a stored item (which bounds a count read
// back) and the schema the tests pin all walk these lists, so a field is written and
// read alike or not at all. Leaf types (strings, numbers, dates, positions,
// optionals, vectors, maps) are the archives' own. Change a list here, and bump
// k_format in catalog_cache.cpp.
#include <concepts>
#include <map>
#include <optional>
#include <type_traits>
#include <vector>

#include "advisor/model.hpp"

namespace advisor::snapshot {

template <class T, class U>
concept Is = std::same_as<std::remove_const_t<T>, U>;

template <class A, Is<Text> T>
void fields(A& a, T& x) {
  a(x.zh, x.en);
}
template <class A, Is<Relation> T>
void fields(A& a, T& x) {
  a(x.plain, x.maybe, x.note);
}
template <class A, Is<Rule> T>
void fields(A& a, T& x) {
  a(x.kind, x.children, x.reason, x.pos, x.min_age, x.max_age, x.education_min, x.majors, x.domain, x.min_years,
    x.max_years, x.certificate, x.level, x.skill_ids, x.min_count, x.min_hours, x.related_work, x.work,
    x.after_certificate, x.after_level, x.after_title, x.min_years_held, x.title_min, x.min_class, x.schools,
    x.related_major, x.major_rel, x.final_year, x.assessed, x.studying, x.confirm);
}
template <class A, Is<Source> T>
void fields(A& a, T& x) {
  a(x.id, x.title, x.publisher, x.url, x.file, x.date, x.accessed, x.pos);
}
template <class A, Is<EducationLevel> T>
void fields(A& a, T& x) {
  a(x.id, x.name, x.aliases, x.isced, x.rank, x.pos);
}
template <class A, Is<SchoolType> T>
void fields(A& a, T& x) {
  a(x.id, x.name, x.aliases, x.parent, x.levels, x.sources, x.pos);
}
template <class A, Is<ExternalRef> T>
void fields(A& a, T& x) {
  a(x.scheme, x.value);
}
template <class A, Is<TreeItem> T>
void fields(A& a, T& x) {
  a(x.id, x.name, x.aliases, x.parent, x.sources, x.implies, x.code, x.external_ids, x.same_as, x.pos, x.parent_pos,
    x.transversal, x.parent_credit);
}
template <class A, Is<Barrier> T>
void fields(A& a, T& x) {
  a(x.level, x.text, x.skills);
}
template <class A, Is<Category> T>
void fields(A& a, T& x) {
  a(x.id, x.name, x.aliases, x.transition, x.barrier, x.domains, x.sources, x.pos);
}
template <class A, Is<RoleSkill> T>
void fields(A& a, T& x) {
  a(x.skill, x.essential, x.weight, x.pos);
}
template <class A, Is<Role> T>
void fields(A& a, T& x) {
  a(x.id, x.name, x.aliases, x.category, x.definition, x.skills, x.company_types, x.domains, x.sources, x.external_ids,
    x.barrier_level, x.incomplete, x.pos);
}
template <class A, Is<RuleVersion> T>
void fields(A& a, T& x) {
  a(x.id, x.name, x.published, x.captured, x.current, x.note, x.requires_rule, x.sources, x.pos);
}
template <class A, Is<CertificateLevel> T>
void fields(A& a, T& x) {
  a(x.id, x.name, x.aliases, x.suits, x.syllabus, x.requires_rule, x.recommended, x.versions, x.sources, x.pos);
}
template <class A, Is<RegistrationFact> T>
void fields(A& a, T& x) {
  a(x.about, x.text, x.sources, x.pos);
}
template <class A, Is<Certificate> T>
void fields(A& a, T& x) {
  a(x.id, x.name, x.aliases, x.issuer, x.verified_on, x.summary, x.exam, x.sittings, x.study_hours, x.syllabus,
    x.related_roles, x.notes, x.registration, x.levels, x.related_work, x.related_majors, x.sources, x.pos);
}
template <class A, Is<Claim> T>
void fields(A& a, T& x) {
  a(x.id, x.subject, x.text, x.sources, x.pos);
}
template <class A, Is<Scoring> T>
void fields(A& a, T& x) {
  a(x.w_essential, x.w_optional, x.w_use, x.w_experience, x.w_barrier, x.w_goals, x.partial_credit, x.coverage_prior,
    x.experience_saturation_years, x.barrier_penalty, x.inferred_per_year, x.inferred_cap, x.c_covers, x.c_related,
    x.c_suits, x.certificate_floor, x.up_credit, x.title_credit, x.held_syllabus_credit, x.transversal_weight,
    x.fit_strong, x.fit_good, x.fit_partial);
}
/// The catalogue as parsed: what the YAML says. Its lookup tables of normalised
/// names and its ids' orders follow it in a snapshot (catalog_cache.cpp).
template <class A, Is<CatalogData> T>
void fields(A& a, T& x) {
  a(x.id, x.version, x.name, x.caveat, x.scoring, x.attributions, x.sources, x.education, x.schools, x.school_classes,
    x.title_levels, x.majors, x.domains, x.skills, x.categories, x.roles, x.certificates, x.claims);
}

/// The greatest value of each stored enum: a larger byte read back is corruption.
constexpr RuleKind last_value(RuleKind) { return RuleKind::confirm; }

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};
template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsMap : std::false_type {};
template <class K, class V>
struct IsMap<std::map<K, V>> : std::true_type {};

}  // namespace advisor::snapshot
