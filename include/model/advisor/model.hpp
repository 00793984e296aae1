#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "advisor/date.hpp"
#include "advisor/id_index.hpp"
#include "advisor/text.hpp"

namespace advisor {

/// Where a thing was written, so later checks can point at it.
struct SourcePos {
  std::string file;
  int line = 0;    ///< 1-based; 0 when unknown
  int column = 0;  ///< 1-based
  bool operator==(const SourcePos&) const = default;
};

// ---------------------------------------------------------------- rules

enum class RuleKind {
  all,
  any,
  not_,
  age,
  education,
  major,
  experience,
  holds,
  skills,
  study_hours,
  title,    ///< a professional title (职称) of a rank or above
  diploma,  ///< a diploma (or final-year study) from a type of school
  confirm,  ///< a condition no profile can show: always unknown, with what to confirm
};

/// "This or a related occupation" (domains) or "this or a related major" (majors), as a
/// certificate declares it: what plainly counts, what may count (the outcome is then
/// unknown: the standard leaves the term undefined), and the note that says whose
/// judgement the lists are. Anything else does not count, and the reason says so.
struct Relation {
  std::vector<std::string> plain, maybe;
  Text note;
  bool empty() const { return plain.empty() && maybe.empty(); }
  bool operator==(const Relation&) const = default;
};

/// A node of a parsed eligibility rule. The tree is data: evaluation is a pure
/// function of (rule, profile, date) in rules.hpp.
struct Rule {
  RuleKind kind = RuleKind::all;
  std::vector<Rule> children;  ///< all / any / not (one child)
  Text reason;                 ///< from the catalogue; empty = generated
  SourcePos pos;

  // Predicate parameters (only those of the kind are set).
  std::optional<int> min_age, max_age;
  std::string education_min;        ///< education level id
  std::vector<std::string> majors;  ///< major ids
  std::string domain;               ///< experience domain; empty = all work
  double min_years = 0;
  std::optional<double> max_years;     ///< experience: a range's upper end ("suits 1–3 years")
  std::string certificate, level;      ///< holds / study_hours
  std::vector<std::string> skill_ids;  ///< skills predicate
  int min_count = 1;
  double min_hours = 0;
  // experience: `work: related` (the certificate's related_work, copied in by the
  // loader) and `after`: only work after the date a certificate level (or higher) or a
  // professional title (of a rank or above) was obtained counts.
  bool related_work = false;
  Relation work;
  std::string after_certificate, after_level, after_title;
  // holds: held for at least this many years (0: held at all).
  double min_years_held = 0;
  // title: the lowest rank (title_levels id); diploma: the lowest 技工院校 class.
  std::string title_min, min_class;
  // diploma: the school types (or their groups) that count; education_min, when set,
  // the lowest ladder level; `major: related` / title `field: related` use related_majors.
  std::vector<std::string> schools;
  bool related_major = false;
  Relation major_rel;
  bool final_year = false;  ///< 含在读应届毕业生: a final-year student counts
  bool assessed = false;    ///< 经评估论证的: undefined by the standard, so never more than unknown
  bool studying = false;    ///< a current student of those schools (not a graduate)
  Text confirm;             ///< confirm: what the person must confirm with the assessment body

  /// Number of nodes in this tree.
  size_t size() const;
  bool operator==(const Rule&) const = default;
};

// ---------------------------------------------------------------- catalogue

struct Source {
  std::string id;
  Text title;
  std::string publisher, url, file;
  std::optional<Date> date;      ///< published
  std::optional<Date> accessed;  ///< when a web page was read (its content may change)
  SourcePos pos;
  bool operator==(const Source&) const = default;
};

/// A level of a ladder: education, a 技工院校 class, a professional title (职称).
struct EducationLevel {
  std::string id;
  Text name;
  std::vector<std::string> aliases;
  std::string isced;  ///< ISCED 2011 level ("3", "5", "6", "7", "8"); empty = not stated
  int rank = 0;
  SourcePos pos;
  bool operator==(const EducationLevel&) const = default;
};

/// A type of school (技工院校, 中等职业学校, 普通高等学校, ...), beside the education
/// ladder: the clauses of a national standard name schools, not only levels.
struct SchoolType {
  std::string id;
  Text name;
  std::vector<std::string> aliases;
  std::string parent;               ///< a group (技工院校, 职业院校); empty at the top
  std::vector<std::string> levels;  ///< the education levels its diplomas sit at
  std::vector<std::string> sources;
  SourcePos pos;
  bool operator==(const SchoolType&) const = default;
};

/// Identifiers of one thing in outside taxonomies, by scheme: `onet_soc`
/// ("15-2051.00"), `esco` (an occupation's concept URI), `esco_label` (an ESCO
/// skill's preferred label), `onet_technology` (an O*NET Technology Skills example),
/// `unspsc` (its commodity code), `onet_element` (an O*NET content-model element).
using ExternalIds = std::map<std::string, std::string>;

/// One `same_as` link of a skill: an external id (scheme and value) of an equal skill.
struct ExternalRef {
  std::string scheme, value;
  bool operator==(const ExternalRef&) const = default;
};

/// A node of one of the catalogue's trees (majors, domains, skills).
struct TreeItem {
  std::string id;
  Text name;
  std::vector<std::string> aliases;
  std::string parent;
  std::vector<std::string> sources;
  /// Domains only: skills that years of work in the domain imply (credited in part,
  /// shown as inferred).
  std::vector<std::string> implies;
  std::string code;                  ///< majors: the Ministry of Education's major code (e.g. 510201); empty elsewhere
  ExternalIds external_ids;          ///< skills of an imported catalogue
  std::vector<ExternalRef> same_as;  ///< skills: the outside skills this one equals (catalog/crosswalk.yaml)
  SourcePos pos;
  SourcePos parent_pos;
  /// Skills: a transversal skill (ESCO's term: communication, teamwork, ...). It may add
  /// to a score but never makes a role a fit on its own, and is never a "learn X".
  bool transversal = false;
  /// Skills: how much knowing this skill proves its parent; unset: scoring.up_credit (1).
  std::optional<double> parent_credit;
  bool operator==(const TreeItem&) const = default;
};

struct Barrier {
  std::string level = "unstated";  ///< high | fairly-high | moderate | unstated
  Text text;
  std::vector<std::string> skills;
  bool operator==(const Barrier&) const = default;
};

struct Category {
  std::string id;
  Text name;
  std::vector<std::string> aliases;  ///< other names people use (运营 for 运营类)
  Text transition;
  Barrier barrier;
  std::vector<std::string> domains;
  std::vector<std::string> sources;
  SourcePos pos;
  bool operator==(const Category&) const = default;
};

struct RoleSkill {
  std::string skill;
  bool essential = true;
  double weight = 1.0;
  SourcePos pos;
  bool operator==(const RoleSkill&) const = default;
};

struct Role {
  std::string id;
  Text name;
  std::vector<std::string> aliases;  ///< other names people use (提示词工程师, AI训练师)
  std::string category;
  Text definition;
  std::vector<RoleSkill> skills;
  std::vector<Text> company_types;
  std::vector<std::string> domains;  ///< empty: the category's
  std::vector<std::string> sources;
  ExternalIds external_ids;   ///< imported roles: onet_soc or esco
  std::string barrier_level;  ///< high | fairly-high | moderate | low; empty = the category's barrier
  bool incomplete = false;    ///< the source lists no skills: left out of ranking, shown by `show`
  SourcePos pos;
  bool operator==(const Role&) const = default;
};

/// One dated version of a level's conditions (a standard re-issued, a page that
/// changed): check uses the version in force on the evaluation date.
struct RuleVersion {
  std::string id;
  Text name;
  std::optional<Date> published;  ///< the date the source published it
  std::optional<Date> captured;   ///< else the date it was seen (its publication date unknown)
  bool current = false;           ///< the latest version the sources show
  Text note;
  std::optional<Rule> requires_rule;
  std::vector<std::string> sources;
  SourcePos pos;
  /// published, else captured
  std::optional<Date> date() const { return published ? published : captured; }
  bool operator==(const RuleVersion&) const = default;
};

struct CertificateLevel {
  std::string id;
  Text name;
  std::vector<std::string> aliases;
  Text suits;
  std::vector<std::string> syllabus;
  /// The hard rule; with `versions`, the current version's (set by the loader).
  std::optional<Rule> requires_rule;
  std::optional<Rule> recommended;
  std::vector<RuleVersion> versions;  ///< empty: one undated rule, `requires_rule`
  std::vector<std::string> sources;
  SourcePos pos;
  /// The version in force on a date: the current one when it is undated or dated on or
  /// before it, else the latest dated on or before it, else the earliest; nullptr
  /// without versions.
  const RuleVersion* version_on(Date d) const;
  bool operator==(const CertificateLevel&) const = default;
};

/// One fact about registering for a certificate, as a public source states it.
struct RegistrationFact {
  std::string about;  ///< ask | site | how | format | fee | sittings
  Text text;          ///< for `site`, the address in both
  std::vector<std::string> sources;
  SourcePos pos;
  bool operator==(const RegistrationFact&) const = default;
};

struct Certificate {
  std::string id;
  Text name;
  std::vector<std::string> aliases;  ///< other names people use for it
  Text issuer;
  std::optional<Date> verified_on;
  Text summary;
  Text exam;
  std::vector<int> sittings;  ///< months 1..12, sorted; empty = not stated
  std::optional<double> study_hours;
  std::vector<std::string> syllabus;
  std::vector<std::string> related_roles;
  std::vector<Text> notes;
  /// Where and how to register: only what a source states, each fact cited.
  std::vector<RegistrationFact> registration;
  std::vector<CertificateLevel> levels;
  /// "本职业或相关职业" (domains) and "本专业或相关专业" (majors) for its rules.
  Relation related_work, related_majors;
  std::vector<std::string> sources;
  SourcePos pos;

  /// Index of a level by id, or -1.
  int level_index(const std::string& level) const;
  /// Index of a level by id, else by its name or an alias (any case or width), or -1.
  int find_level(const std::string& text) const;
  /// The registration fact about `about`, or nullptr when no source states it.
  const RegistrationFact* registration_fact(const std::string& about) const;
  bool operator==(const Certificate&) const = default;
};

struct Claim {
  std::string id;
  std::string subject;
  Text text;
  std::vector<std::string> sources;
  SourcePos pos;
  bool operator==(const Claim&) const = default;
};

/// The weights of ranking, from the catalogue's `scoring` (docs/scoring.md). The
/// defaults are the built-in catalogue's, so an imported catalogue scores the same way.
struct Scoring {
  // Roles: weighted mean of the terms in use.
  double w_essential = 0.35, w_optional = 0.05, w_use = 0.20, w_experience = 0.15, w_barrier = 0.10, w_goals = 0.15;
  double partial_credit = 0.5;
  /// Coverage of a role's essential skills is shrunk as if the role also asked for this
  /// many typical skills the person lacks: a role that asks for one generic skill gives
  /// little evidence of fit (docs/scoring.md).
  double coverage_prior = 1.0;
  double experience_saturation_years = 3;
  std::map<std::string, double> barrier_penalty{
      {"high", 1.0}, {"fairly-high", 0.75}, {"moderate", 0.5}, {"low", 0.25}, {"unstated", 0.5}};
  // Skills inferred from years of work in a domain that implies them: this much credit a
  // year, up to the cap.
  double inferred_per_year = 0.34;
  double inferred_cap = 1.0;
  // Certificates: value to the person, and the floor below which recommend leaves one out.
  double c_covers = 0.5, c_related = 0.3, c_suits = 0.2;
  double certificate_floor = 0.2;
  /// Evidence through the skill tree: how much a child proves its parent (per edge,
  /// unless the skill's parent_credit says otherwise); partial_credit is the other way,
  /// per level, a general skill's credit toward a more specific one asked for.
  double up_credit = 1.0;
  /// A skill named in a job title, and a held certificate's syllabus: this much credit.
  double title_credit = 1.0;
  double held_syllabus_credit = 0.5;
  /// A transversal skill counts this much of its credit in a role's skill terms.
  double transversal_weight = 0.5;
  /// Fit labels: a role's score at or above each is strong, good, partial; below, weak.
  double fit_strong = 0.6, fit_good = 0.45, fit_partial = 0.3;
  bool operator==(const Scoring&) const = default;
};

/// An attribution line that must be shown with imported data (ESCO, O*NET).
struct Attribution {
  Text text;
};

/// The kinds of catalogue item a person may name by id, name or alias.
enum class ItemKind { role, category, certificate, skill };

/// The normalised words of a catalogue a "did you mean" compares with; built once
/// per catalogue, on the first suggestion (catalog_names.cpp).
struct SuggestionIndex;

/// A Catalog's suggestion words: a cache derived from its content, so two catalogues
/// compare equal whatever their caches hold (a snapshot read back builds a new one).
struct SuggestionCache {
  std::shared_ptr<SuggestionIndex> index;
  bool operator==(const SuggestionCache&) const { return true; }
};

/// The catalogue as its YAML says it: what the loader reads, validation checks and a
/// snapshot stores (src/catalog/snapshot_fields.hpp).
struct CatalogData {
  std::string id = "catalog";
  std::string version;
  Text name;
  Text caveat;
  Scoring scoring;
  std::vector<Text> attributions;

  std::vector<Source> sources;
  std::vector<EducationLevel> education;
  std::vector<SchoolType> schools;
  std::vector<EducationLevel> school_classes, title_levels;
  std::vector<TreeItem> majors, domains, skills;
  std::vector<Category> categories;
  std::vector<Role> roles;
  std::vector<Certificate> certificates;
  std::vector<Claim> claims;
  bool operator==(const CatalogData&) const = default;
};

/// Lookup tables over a CatalogData: ids, normalised names and aliases, trees' parents
/// and id order. Built by Catalog::index() (the tables of normalised names and the
/// id order are read back from a snapshot instead).
struct CatalogIndex {
  IdIndex source_by_id, education_by_id, major_by_id, domain_by_id, skill_by_id, category_by_id, role_by_id,
      certificate_by_id;
  IdIndex school_by_id, school_class_by_id, title_level_by_id;
  IdIndex skill_by_key;  ///< normalised id/name/alias → skill
  /// skill index → its id, normalised, answers to it in skill_by_key (not to a skill of a
  /// catalogue merged before it): then find_skill(id) needs no normalising
  std::vector<char> skill_owns_id_key;
  IdIndex education_by_key;  ///< normalised id/name/alias → level
  IdIndex major_by_key;
  IdIndex domain_by_key;  ///< normalised id/name/alias → domain
  IdIndex school_by_key;  ///< normalised id/name/alias → school type (the first that has it)
  IdIndex school_class_by_key;
  IdIndex title_level_by_key;
  /// External id value (an O*NET-SOC code, an ESCO URI) → role: accepted wherever a role id is.
  IdIndex role_by_external_id;
  std::vector<int> skill_parent, domain_parent, major_parent;  ///< index of parent or -1
  std::vector<uint32_t> role_id_rank;                          ///< role index → place in id order (ties in ranking)
  std::vector<uint32_t> skill_id_rank;                         ///< skill index → place in id order (lists kept by id)
  bool operator==(const CatalogIndex&) const = default;
};

/// What ranking and advice read for every skill, role and certificate, resolved once
/// by Catalog::index() rather than per profile (docs/scoring.md).
struct RankingTables {
  /// skill index → the other skills of its `same_as` set (empty for most): a person's
  /// skill counts in full for each, so one profile matches every loaded catalogue.
  std::vector<std::vector<uint32_t>> skill_same;
  /// skill index → how much knowing it proves its parent (parent_credit, else up_credit)
  std::vector<double> skill_up;
  /// skill index → its children's indices, in index order (a general skill counts
  /// partly toward a more specific one asked for)
  std::vector<std::vector<uint32_t>> skill_children;
  /// skill index → roles listing it: (role index, position in role.skills). The
  /// inverted index that makes ranking cost grow with the profile, not the catalogue.
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> roles_by_skill;
  std::vector<double> role_essential_weight, role_optional_weight;  ///< sums of weight × IDF
  /// the same over a role's essential skills that are not transversal (its core skills)
  std::vector<double> role_core_weight;
  std::vector<std::uint8_t> role_skill_kinds;  ///< role index → 1: it lists essential skills, 2: optional ones (or'd)
  /// skill index → inverse document frequency over roles, ln((N+1)/(df+1)) + 1: a skill
  /// few roles ask for says more about fit than one every role lists.
  std::vector<double> skill_idf;
  /// The median weight × IDF of an essential skill slot: one "typical skill" (coverage_prior).
  double typical_skill_weight = 1.0;
  std::vector<int> role_category;                   ///< role index → category index, or -1
  std::vector<std::vector<uint32_t>> role_domains;  ///< role index → its domains (else its category's), resolved
  std::vector<std::vector<int>> role_slot_skill;    ///< role index → each skill slot's skill index, or -1
  /// certificate index → its syllabi as skill indices, sorted, ids not in the catalogue
  /// left out: [0] the common syllabus, [1 + i] level i's own
  std::vector<std::vector<std::vector<uint32_t>>> level_taught;
  /// the same, each with every skill above its skills: a need found here has a skill
  /// of that syllabus at or beneath it
  std::vector<std::vector<std::vector<uint32_t>>> level_reach;
  std::vector<std::vector<uint32_t>> category_barrier_skills;  ///< category index → its barrier skills, resolved
  /// certificate index → each related role's index (as role() finds it), or -1
  std::vector<std::vector<int>> certificate_related;
  bool operator==(const RankingTables&) const = default;
};

/// The whole catalogue, resolved: its data, every reference checked, and the tables
/// built from it by one function, index(), after loading. Commands hold it const.
struct Catalog : CatalogData, CatalogIndex, RankingTables {
  /// Built on the first suggest(); shared by copies, replaced by index().
  SuggestionCache suggestions;

  /// Builds the lookup tables; call after loading, before use. A snapshot stores the
  /// tables of normalised names (the `*_by_key` indexes and skill_owns_id_key) and the
  /// places in id order (role_id_rank, skill_id_rank), which building again would cost
  /// most of a read; it reads them back and passes `stored_read` so they are kept.
  void index(bool stored_read = false);
  /// Part of index(): role_by_external_id and skill_same.
  void index_external_ids();

  const TreeItem* skill(const std::string& id) const;
  const TreeItem* domain(const std::string& id) const;
  const TreeItem* major(const std::string& id) const;
  /// A role by id, or else by one of its external ids (`15-2051.00`).
  const Role* role(const std::string& id) const;
  const Category* category(const std::string& id) const;
  const Certificate* certificate(const std::string& id) const;
  const EducationLevel* education_level(const std::string& id) const;
  const Source* source(const std::string& id) const;
  const SchoolType* school(const std::string& id) const;
  const EducationLevel* school_class(const std::string& id) const;
  const EducationLevel* title_level(const std::string& id) const;

  /// Resolves a skill written by a person (id, zh/en name or alias, any case or width).
  const TreeItem* find_skill(const std::string& text) const;
  const EducationLevel* find_education(const std::string& text) const;
  /// School types, 技工院校 classes and title levels by id, name or alias (any case or width).
  const SchoolType* find_school(const std::string& text) const;
  const EducationLevel* find_school_class(const std::string& text) const;
  const EducationLevel* find_title_level(const std::string& text) const;
  /// Whether school `have` is `want` or inside it (the schools tree).
  bool school_within(const std::string& have, const std::string& want) const;
  const TreeItem* find_major(const std::string& text) const;
  /// Resolves a domain written by a person (id, zh/en name or alias, any case or width).
  const TreeItem* find_domain(const std::string& text) const;

  /// The items of `kind` that `text` names: the exact id, else the id in any case or
  /// width, the zh or en name, or an alias. One index: resolved; several: ambiguous
  /// (the caller lists them); none: unknown.
  std::vector<size_t> resolve(ItemKind kind, const std::string& text) const;
  /// Item i of kind: its id and its name.
  const std::string& item_id(ItemKind kind, size_t i) const;
  const Text& item_name(ItemKind kind, size_t i) const;
  /// Number of items of kind.
  size_t item_count(ItemKind kind) const;
  /// The id of the item of `kind` closest to a misspelt `text`, or "" when none is
  /// close: an id, name or alias within a small edit distance for the word's length
  /// (none for words of three characters or fewer), or one containing the word or
  /// contained in it (four characters or more). Costs one pass over the catalogue's
  /// words, normalised once per catalogue; call it only when the message is shown.
  std::string suggest(ItemKind kind, const std::string& text) const;
  /// Skills whose id, zh or en name or an alias contains `text` (both normalised), in id order.
  std::vector<size_t> search_skills(const std::string& text) const;

  /// Distance from descendant up to ancestor in a tree (0 = same), or -1.
  static int tree_distance(const std::vector<int>& parents, size_t descendant, size_t ancestor);

  /// Every member, the lookup tables too (a snapshot read back is indexed again).
  bool operator==(const Catalog&) const = default;
};

// ---------------------------------------------------------------- profile

struct ExperienceEntry {
  std::string title;
  std::vector<std::string> domains;
  std::optional<Date> start, end;  ///< dated form; no end = ongoing
  std::optional<double> years;     ///< undated form
  SourcePos pos;
};

struct ProfileSkill {
  std::string text;  ///< as written
  std::string id;    ///< resolved catalogue id; empty when unknown
  std::optional<int> level;
  SourcePos pos;
  /// The id's index in the catalogue's skills when the profile was read; -1 when not
  /// known. A hint only: it is used when that catalogue skill still has this id.
  int index = -1;
};

/// A professional title (职称) the person holds.
struct ProfessionalTitle {
  std::string level;  ///< title_levels id
  std::string field;  ///< as written
  std::string major;  ///< the field as a major id, when it names one
  std::optional<Date> date;
  SourcePos pos;
};

struct HeldCertificate {
  std::string id;
  std::string level;
  std::optional<Date> date;
  SourcePos pos;
};

struct Profile {
  std::string file;
  std::string name;
  std::optional<int> age;
  std::optional<Date> birth_date;
  std::string education;  ///< level id; empty when not given
  /// education: {status: in_progress}: the level is being studied for, not yet held;
  /// it counts from education_expected (when given) on.
  bool education_in_progress = false;
  std::optional<Date> education_expected;
  std::string major;  ///< major id when known, else the text as written
  bool major_known = false;
  std::string school;        ///< school type id; empty when not given
  std::string school_class;  ///< 技工院校 class id; empty when not given
  std::vector<ProfessionalTitle> titles;
  std::vector<ExperienceEntry> experience;
  bool experience_given = false;
  std::vector<ProfileSkill> skills;
  std::vector<HeldCertificate> certificates;
  std::map<std::string, double> study_hours;
  std::vector<std::string> goal_roles, goal_categories;
};

}  // namespace advisor
