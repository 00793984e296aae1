// Catalog ⇄ FlatBuffer (catalog.fbs), field by field in the model's order: the
// writer, the reader into the model's structs, and a zero-copy walk.
#include "fb_snapshot.hpp"

#include <array>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "advisor/catalog_cache.hpp"
#include "catalog_generated.h"

namespace advisor::fbbench {

namespace {

using flatbuffers::Offset;
using flatbuffers::Vector;
using StrOff = Offset<flatbuffers::String>;
using StrsOff = Offset<Vector<StrOff>>;
using FbStrings = Vector<StrOff>;

struct Corrupt {};

// ---------------------------------------------------------------- write

class Writer {
 public:
  explicit Writer(bool shared) : m_shared(shared) {}

  flatbuffers::FlatBufferBuilder b{256 * 1024};

  // A string field: none when empty. In a list every string is stored.
  StrOff str(const std::string& s) { return s.empty() ? StrOff() : any_str(s); }
  StrOff any_str(const std::string& s) { return m_shared ? b.CreateSharedString(s) : b.CreateString(s); }
  StrsOff strs(const std::vector<std::string>& v) {
    if (v.empty()) return {};
    std::vector<StrOff> o;
    o.reserve(v.size());
    for (const auto& s : v) o.push_back(any_str(s));
    return b.CreateVector(o);
  }
  Offset<fb::Text> any_text(const Text& t) {
    auto zh = str(t.zh), en = str(t.en);
    fb::TextBuilder x(b);
    x.add_zh(zh);
    x.add_en(en);
    return x.Finish();
  }
  Offset<fb::Text> text(const Text& t) { return t.empty() ? Offset<fb::Text>() : any_text(t); }
  Offset<Vector<Offset<fb::Text>>> texts(const std::vector<Text>& v) {
    if (v.empty()) return {};
    std::vector<Offset<fb::Text>> o;
    o.reserve(v.size());
    for (const auto& t : v) o.push_back(any_text(t));
    return b.CreateVector(o);
  }
  Offset<fb::Pair> pair(const std::string& k, const std::string& v) {
    auto ko = str(k), vo = str(v);
    fb::PairBuilder x(b);
    x.add_key(ko);
    x.add_value(vo);
    return x.Finish();
  }
  Offset<Vector<Offset<fb::Pair>>> ids(const ExternalIds& m) {
    if (m.empty()) return {};
    std::vector<Offset<fb::Pair>> o;
    for (const auto& [k, v] : m) o.push_back(pair(k, v));
    return b.CreateVector(o);
  }
  Offset<Vector<Offset<fb::Pair>>> refs(const std::vector<ExternalRef>& v) {
    if (v.empty()) return {};
    std::vector<Offset<fb::Pair>> o;
    for (const auto& r : v) o.push_back(pair(r.scheme, r.value));
    return b.CreateVector(o);
  }
  // File names repeat on every item: each is stored once, in Catalog.files.
  std::optional<fb::Pos> pos(const SourcePos& p) {
    if (p == SourcePos{}) return std::nullopt;
    auto [it, fresh] = m_file_index.emplace(p.file, static_cast<uint32_t>(m_files.size()));
    if (fresh) m_files.push_back(p.file);
    return fb::Pos(it->second, p.line, p.column);
  }
  static std::optional<fb::Date> date(const std::optional<Date>& d) {
    if (!d) return std::nullopt;
    return fb::Date(d->year, d->month, d->day);
  }
  template <typename T, typename F>
  Offset<Vector<Offset<T>>> list(const std::vector<F>& items, Offset<T> (Writer::*one)(const F&)) {
    if (items.empty()) return {};
    std::vector<Offset<T>> o;
    o.reserve(items.size());
    for (const auto& x : items) o.push_back((this->*one)(x));
    return b.CreateVector(o);
  }

  Offset<fb::Relation> relation(const Relation& r) {
    if (r.empty() && r.note.empty()) return {};
    auto plain = strs(r.plain), maybe = strs(r.maybe);
    auto note = text(r.note);
    fb::RelationBuilder x(b);
    x.add_plain(plain);
    x.add_maybe(maybe);
    x.add_note(note);
    return x.Finish();
  }

  Offset<fb::Rule> rule(const Rule& r) {
    auto children = list(r.children, &Writer::rule);
    auto reason = text(r.reason);
    auto p = pos(r.pos);
    auto education_min = str(r.education_min);
    auto majors = strs(r.majors);
    auto domain = str(r.domain);
    auto certificate = str(r.certificate), level = str(r.level);
    auto skill_ids = strs(r.skill_ids);
    auto work = relation(r.work);
    auto after_certificate = str(r.after_certificate), after_level = str(r.after_level);
    auto after_title = str(r.after_title);
    auto title_min = str(r.title_min), min_class = str(r.min_class);
    auto schools = strs(r.schools);
    auto major_rel = relation(r.major_rel);
    auto confirm = text(r.confirm);
    fb::RuleBuilder x(b);
    x.add_kind(static_cast<fb::RuleKind>(r.kind));
    x.add_children(children);
    x.add_reason(reason);
    if (p) x.add_pos(&*p);
    if (r.min_age) x.add_min_age(*r.min_age);
    if (r.max_age) x.add_max_age(*r.max_age);
    x.add_education_min(education_min);
    x.add_majors(majors);
    x.add_domain(domain);
    x.add_min_years(r.min_years);
    if (r.max_years) x.add_max_years(*r.max_years);
    x.add_certificate(certificate);
    x.add_level(level);
    x.add_skill_ids(skill_ids);
    x.add_min_count(r.min_count);
    x.add_min_hours(r.min_hours);
    x.add_related_work(r.related_work);
    x.add_work(work);
    x.add_after_certificate(after_certificate);
    x.add_after_level(after_level);
    x.add_after_title(after_title);
    x.add_min_years_held(r.min_years_held);
    x.add_title_min(title_min);
    x.add_min_class(min_class);
    x.add_schools(schools);
    x.add_related_major(r.related_major);
    x.add_major_rel(major_rel);
    x.add_final_year(r.final_year);
    x.add_assessed(r.assessed);
    x.add_studying(r.studying);
    x.add_confirm(confirm);
    return x.Finish();
  }
  Offset<fb::Rule> opt_rule(const std::optional<Rule>& r) { return r ? rule(*r) : Offset<fb::Rule>(); }

  Offset<fb::Source> source(const Source& s) {
    auto id = str(s.id);
    auto title = text(s.title);
    auto publisher = str(s.publisher), url = str(s.url), file = str(s.file);
    auto d = date(s.date), accessed = date(s.accessed);
    auto p = pos(s.pos);
    fb::SourceBuilder x(b);
    x.add_id(id);
    x.add_title(title);
    x.add_publisher(publisher);
    x.add_url(url);
    x.add_file(file);
    if (d) x.add_date(&*d);
    if (accessed) x.add_accessed(&*accessed);
    if (p) x.add_pos(&*p);
    return x.Finish();
  }

  Offset<fb::Level> level(const EducationLevel& e) {
    auto id = str(e.id);
    auto name = text(e.name);
    auto aliases = strs(e.aliases);
    auto isced = str(e.isced);
    auto p = pos(e.pos);
    fb::LevelBuilder x(b);
    x.add_id(id);
    x.add_name(name);
    x.add_aliases(aliases);
    x.add_isced(isced);
    x.add_rank(e.rank);
    if (p) x.add_pos(&*p);
    return x.Finish();
  }

  Offset<fb::SchoolType> school(const SchoolType& s) {
    auto id = str(s.id);
    auto name = text(s.name);
    auto aliases = strs(s.aliases);
    auto parent = str(s.parent);
    auto levels = strs(s.levels), sources = strs(s.sources);
    auto p = pos(s.pos);
    fb::SchoolTypeBuilder x(b);
    x.add_id(id);
    x.add_name(name);
    x.add_aliases(aliases);
    x.add_parent(parent);
    x.add_levels(levels);
    x.add_sources(sources);
    if (p) x.add_pos(&*p);
    return x.Finish();
  }

  Offset<fb::TreeItem> tree_item(const TreeItem& t) {
    auto id = str(t.id);
    auto name = text(t.name);
    auto aliases = strs(t.aliases);
    auto parent = str(t.parent);
    auto sources = strs(t.sources), implies = strs(t.implies);
    auto code = str(t.code);
    auto external_ids = ids(t.external_ids);
    auto same_as = refs(t.same_as);
    auto p = pos(t.pos), parent_pos = pos(t.parent_pos);
    fb::TreeItemBuilder x(b);
    x.add_id(id);
    x.add_name(name);
    x.add_aliases(aliases);
    x.add_parent(parent);
    x.add_sources(sources);
    x.add_implies(implies);
    x.add_code(code);
    x.add_external_ids(external_ids);
    x.add_same_as(same_as);
    if (p) x.add_pos(&*p);
    if (parent_pos) x.add_parent_pos(&*parent_pos);
    x.add_transversal(t.transversal);
    if (t.parent_credit) x.add_parent_credit(*t.parent_credit);
    return x.Finish();
  }

  Offset<fb::Category> category(const Category& k) {
    auto id = str(k.id);
    auto name = text(k.name);
    auto aliases = strs(k.aliases);
    auto transition = text(k.transition);
    auto barrier_level = str(k.barrier.level);
    auto barrier_text = text(k.barrier.text);
    auto barrier_skills = strs(k.barrier.skills);
    fb::BarrierBuilder bb(b);
    bb.add_level(barrier_level);
    bb.add_text(barrier_text);
    bb.add_skills(barrier_skills);
    auto barrier = bb.Finish();
    auto domains = strs(k.domains), sources = strs(k.sources);
    auto p = pos(k.pos);
    fb::CategoryBuilder x(b);
    x.add_id(id);
    x.add_name(name);
    x.add_aliases(aliases);
    x.add_transition(transition);
    x.add_barrier(barrier);
    x.add_domains(domains);
    x.add_sources(sources);
    if (p) x.add_pos(&*p);
    return x.Finish();
  }

  Offset<fb::RoleSkill> role_skill(const RoleSkill& s) {
    auto skill = str(s.skill);
    auto p = pos(s.pos);
    fb::RoleSkillBuilder x(b);
    x.add_skill(skill);
    x.add_essential(s.essential);
    x.add_weight(s.weight);
    if (p) x.add_pos(&*p);
    return x.Finish();
  }

  Offset<fb::Role> role(const Role& r) {
    auto id = str(r.id);
    auto name = text(r.name);
    auto aliases = strs(r.aliases);
    auto category = str(r.category);
    auto definition = text(r.definition);
    auto skills = list(r.skills, &Writer::role_skill);
    auto company_types = texts(r.company_types);
    auto domains = strs(r.domains), sources = strs(r.sources);
    auto external_ids = ids(r.external_ids);
    auto barrier_level = str(r.barrier_level);
    auto p = pos(r.pos);
    fb::RoleBuilder x(b);
    x.add_id(id);
    x.add_name(name);
    x.add_aliases(aliases);
    x.add_category(category);
    x.add_definition(definition);
    x.add_skills(skills);
    x.add_company_types(company_types);
    x.add_domains(domains);
    x.add_sources(sources);
    x.add_external_ids(external_ids);
    x.add_barrier_level(barrier_level);
    x.add_incomplete(r.incomplete);
    if (p) x.add_pos(&*p);
    return x.Finish();
  }

  Offset<fb::RuleVersion> version(const RuleVersion& v) {
    auto id = str(v.id);
    auto name = text(v.name);
    auto published = date(v.published), captured = date(v.captured);
    auto note = text(v.note);
    auto requires_rule = opt_rule(v.requires_rule);
    auto sources = strs(v.sources);
    auto p = pos(v.pos);
    fb::RuleVersionBuilder x(b);
    x.add_id(id);
    x.add_name(name);
    if (published) x.add_published(&*published);
    if (captured) x.add_captured(&*captured);
    x.add_current(v.current);
    x.add_note(note);
    x.add_requires_rule(requires_rule);
    x.add_sources(sources);
    if (p) x.add_pos(&*p);
    return x.Finish();
  }

  Offset<fb::CertificateLevel> certificate_level(const CertificateLevel& l) {
    auto id = str(l.id);
    auto name = text(l.name);
    auto aliases = strs(l.aliases);
    auto suits = text(l.suits);
    auto syllabus = strs(l.syllabus);
    auto requires_rule = opt_rule(l.requires_rule), recommended = opt_rule(l.recommended);
    auto versions = list(l.versions, &Writer::version);
    auto sources = strs(l.sources);
    auto p = pos(l.pos);
    fb::CertificateLevelBuilder x(b);
    x.add_id(id);
    x.add_name(name);
    x.add_aliases(aliases);
    x.add_suits(suits);
    x.add_syllabus(syllabus);
    x.add_requires_rule(requires_rule);
    x.add_recommended(recommended);
    x.add_versions(versions);
    x.add_sources(sources);
    if (p) x.add_pos(&*p);
    return x.Finish();
  }

  Offset<fb::RegistrationFact> registration(const RegistrationFact& f) {
    auto about = str(f.about);
    auto t = text(f.text);
    auto sources = strs(f.sources);
    auto p = pos(f.pos);
    fb::RegistrationFactBuilder x(b);
    x.add_about(about);
    x.add_text(t);
    x.add_sources(sources);
    if (p) x.add_pos(&*p);
    return x.Finish();
  }

  Offset<fb::Certificate> certificate(const Certificate& c) {
    auto id = str(c.id);
    auto name = text(c.name);
    auto aliases = strs(c.aliases);
    auto issuer = text(c.issuer);
    auto verified_on = date(c.verified_on);
    auto summary = text(c.summary), exam = text(c.exam);
    auto sittings = c.sittings.empty() ? Offset<Vector<int32_t>>() : b.CreateVector(c.sittings);
    auto syllabus = strs(c.syllabus), related_roles = strs(c.related_roles);
    auto notes = texts(c.notes);
    auto reg = list(c.registration, &Writer::registration);
    auto levels = list(c.levels, &Writer::certificate_level);
    auto related_work = relation(c.related_work), related_majors = relation(c.related_majors);
    auto sources = strs(c.sources);
    auto p = pos(c.pos);
    fb::CertificateBuilder x(b);
    x.add_id(id);
    x.add_name(name);
    x.add_aliases(aliases);
    x.add_issuer(issuer);
    if (verified_on) x.add_verified_on(&*verified_on);
    x.add_summary(summary);
    x.add_exam(exam);
    x.add_sittings(sittings);
    if (c.study_hours) x.add_study_hours(*c.study_hours);
    x.add_syllabus(syllabus);
    x.add_related_roles(related_roles);
    x.add_notes(notes);
    x.add_registration(reg);
    x.add_levels(levels);
    x.add_related_work(related_work);
    x.add_related_majors(related_majors);
    x.add_sources(sources);
    if (p) x.add_pos(&*p);
    return x.Finish();
  }

  Offset<fb::Claim> claim(const Claim& c) {
    auto id = str(c.id), subject = str(c.subject);
    auto t = text(c.text);
    auto sources = strs(c.sources);
    auto p = pos(c.pos);
    fb::ClaimBuilder x(b);
    x.add_id(id);
    x.add_subject(subject);
    x.add_text(t);
    x.add_sources(sources);
    if (p) x.add_pos(&*p);
    return x.Finish();
  }

  Offset<fb::Scoring> scoring(const Scoring& s) {
    std::vector<Offset<fb::Weight>> penalties;
    for (const auto& [k, v] : s.barrier_penalty) {
      auto ko = str(k);
      fb::WeightBuilder w(b);
      w.add_key(ko);
      w.add_value(v);
      penalties.push_back(w.Finish());
    }
    auto barrier_penalty = b.CreateVector(penalties);
    fb::ScoringBuilder x(b);
    x.add_w_essential(s.w_essential);
    x.add_w_optional(s.w_optional);
    x.add_w_use(s.w_use);
    x.add_w_experience(s.w_experience);
    x.add_w_barrier(s.w_barrier);
    x.add_w_goals(s.w_goals);
    x.add_partial_credit(s.partial_credit);
    x.add_coverage_prior(s.coverage_prior);
    x.add_experience_saturation_years(s.experience_saturation_years);
    x.add_barrier_penalty(barrier_penalty);
    x.add_inferred_per_year(s.inferred_per_year);
    x.add_inferred_cap(s.inferred_cap);
    x.add_c_covers(s.c_covers);
    x.add_c_related(s.c_related);
    x.add_c_suits(s.c_suits);
    x.add_certificate_floor(s.certificate_floor);
    x.add_up_credit(s.up_credit);
    x.add_title_credit(s.title_credit);
    x.add_held_syllabus_credit(s.held_syllabus_credit);
    x.add_transversal_weight(s.transversal_weight);
    x.add_fit_strong(s.fit_strong);
    x.add_fit_good(s.fit_good);
    x.add_fit_partial(s.fit_partial);
    return x.Finish();
  }

  Offset<fb::Keys> keys(const IdIndex& table) {
    std::vector<StrOff> k;
    std::vector<uint32_t> v;
    k.reserve(table.size());
    v.reserve(table.size());
    for (const auto& [key, value] : table) {
      k.push_back(any_str(key));
      v.push_back(static_cast<uint32_t>(value));
    }
    auto ko = b.CreateVector(k);
    auto vo = b.CreateVector(v);
    fb::KeysBuilder x(b);
    x.add_keys(ko);
    x.add_values(vo);
    return x.Finish();
  }

  void catalog(const Catalog& c) {
    auto id = str(c.id), version = str(c.version);
    auto name = text(c.name), caveat = text(c.caveat);
    auto sc = scoring(c.scoring);
    auto attributions = texts(c.attributions);
    auto sources = list(c.sources, &Writer::source);
    auto education = list(c.education, &Writer::level);
    auto schools = list(c.schools, &Writer::school);
    auto school_classes = list(c.school_classes, &Writer::level);
    auto title_levels = list(c.title_levels, &Writer::level);
    auto majors = list(c.majors, &Writer::tree_item);
    auto domains = list(c.domains, &Writer::tree_item);
    auto skills = list(c.skills, &Writer::tree_item);
    auto categories = list(c.categories, &Writer::category);
    auto roles = list(c.roles, &Writer::role);
    auto certificates = list(c.certificates, &Writer::certificate);
    auto claims = list(c.claims, &Writer::claim);
    auto files = strs(m_files);
    std::array<Offset<fb::Keys>, 7> k;
    for (size_t i = 0; i < k.size(); ++i) k[i] = keys(*name_tables(c)[i].first);
    auto owns =
        b.CreateVector(reinterpret_cast<const uint8_t*>(c.skill_owns_id_key.data()), c.skill_owns_id_key.size());
    auto role_ranks = b.CreateVector(c.role_id_rank);
    auto skill_ranks = b.CreateVector(c.skill_id_rank);
    fb::CatalogBuilder x(b);
    x.add_id(id);
    x.add_version(version);
    x.add_name(name);
    x.add_caveat(caveat);
    x.add_scoring(sc);
    x.add_attributions(attributions);
    x.add_sources(sources);
    x.add_education(education);
    x.add_schools(schools);
    x.add_school_classes(school_classes);
    x.add_title_levels(title_levels);
    x.add_majors(majors);
    x.add_domains(domains);
    x.add_skills(skills);
    x.add_categories(categories);
    x.add_roles(roles);
    x.add_certificates(certificates);
    x.add_claims(claims);
    x.add_files(files);
    x.add_skill_by_key(k[0]);
    x.add_education_by_key(k[1]);
    x.add_major_by_key(k[2]);
    x.add_domain_by_key(k[3]);
    x.add_school_by_key(k[4]);
    x.add_school_class_by_key(k[5]);
    x.add_title_level_by_key(k[6]);
    x.add_skill_owns_id_key(owns);
    x.add_role_id_rank(role_ranks);
    x.add_skill_id_rank(skill_ranks);
    fb::FinishCatalogBuffer(b, x.Finish());
  }

 private:
  bool m_shared;
  std::unordered_map<std::string, uint32_t> m_file_index;
  std::vector<std::string> m_files;
};

// ---------------------------------------------------------------- read

class Reader {
 public:
  static std::string str(const flatbuffers::String* s) { return s ? std::string(s->data(), s->size()) : std::string(); }
  static Text text(const fb::Text* t) { return t ? Text{str(t->zh()), str(t->en())} : Text{}; }
  static std::vector<std::string> strs(const FbStrings* v) {
    std::vector<std::string> out;
    if (!v) return out;
    out.reserve(v->size());
    for (const auto* s : *v) out.push_back(str(s));
    return out;
  }
  static std::vector<Text> texts(const Vector<Offset<fb::Text>>* v) {
    std::vector<Text> out;
    if (!v) return out;
    out.reserve(v->size());
    for (const auto* t : *v) out.push_back(text(t));
    return out;
  }
  static ExternalIds ids(const Vector<Offset<fb::Pair>>* v) {
    ExternalIds m;
    if (v)
      for (const auto* p : *v) m[str(p->key())] = str(p->value());
    return m;
  }
  static std::vector<ExternalRef> refs(const Vector<Offset<fb::Pair>>* v) {
    std::vector<ExternalRef> out;
    if (!v) return out;
    out.reserve(v->size());
    for (const auto* p : *v) out.push_back({str(p->key()), str(p->value())});
    return out;
  }
  static std::optional<Date> date(const fb::Date* d) {
    if (!d) return std::nullopt;
    Date x;
    x.year = d->year();
    x.month = d->month();
    x.day = d->day();
    return x;
  }
  template <typename T>
  static std::optional<T> opt(flatbuffers::Optional<T> v) {
    return v ? std::optional<T>(*v) : std::nullopt;
  }
  SourcePos pos(const fb::Pos* p) const {
    SourcePos out;
    if (!p) return out;
    if (p->file() >= m_files.size()) throw Corrupt{};
    out.file = m_files[p->file()];
    out.line = p->line();
    out.column = p->column();
    return out;
  }
  // Each item of a FlatBuffer list into a new element of `out`.
  template <typename T, typename F>
  void list(const Vector<Offset<F>>* v, std::vector<T>& out, void (Reader::*one)(const F&, T&) const) const {
    out.clear();
    if (!v) return;
    out.resize(v->size());
    for (size_t i = 0; i < v->size(); ++i) (this->*one)(*v->Get(static_cast<flatbuffers::uoffset_t>(i)), out[i]);
  }

  static Relation relation(const fb::Relation* r) {
    Relation out;
    if (!r) return out;
    out.plain = strs(r->plain());
    out.maybe = strs(r->maybe());
    out.note = text(r->note());
    return out;
  }

  void rule(const fb::Rule& r, Rule& x) const { rule_at(r, x, 0); }
  void rule_at(const fb::Rule& r, Rule& x, int depth) const {
    if (depth > 256 || r.kind() > fb::RuleKind_MAX) throw Corrupt{};
    x.kind = static_cast<RuleKind>(r.kind());
    if (const auto* children = r.children()) {
      x.children.resize(children->size());
      for (size_t i = 0; i < children->size(); ++i)
        rule_at(*children->Get(static_cast<flatbuffers::uoffset_t>(i)), x.children[i], depth + 1);
    }
    x.reason = text(r.reason());
    x.pos = pos(r.pos());
    x.min_age = opt(r.min_age());
    x.max_age = opt(r.max_age());
    x.education_min = str(r.education_min());
    x.majors = strs(r.majors());
    x.domain = str(r.domain());
    x.min_years = r.min_years();
    x.max_years = opt(r.max_years());
    x.certificate = str(r.certificate());
    x.level = str(r.level());
    x.skill_ids = strs(r.skill_ids());
    x.min_count = r.min_count();
    x.min_hours = r.min_hours();
    x.related_work = r.related_work();
    x.work = relation(r.work());
    x.after_certificate = str(r.after_certificate());
    x.after_level = str(r.after_level());
    x.after_title = str(r.after_title());
    x.min_years_held = r.min_years_held();
    x.title_min = str(r.title_min());
    x.min_class = str(r.min_class());
    x.schools = strs(r.schools());
    x.related_major = r.related_major();
    x.major_rel = relation(r.major_rel());
    x.final_year = r.final_year();
    x.assessed = r.assessed();
    x.studying = r.studying();
    x.confirm = text(r.confirm());
  }
  std::optional<Rule> opt_rule(const fb::Rule* r) const {
    if (!r) return std::nullopt;
    Rule x;
    rule(*r, x);
    return x;
  }

  void source(const fb::Source& s, Source& x) const {
    x.id = str(s.id());
    x.title = text(s.title());
    x.publisher = str(s.publisher());
    x.url = str(s.url());
    x.file = str(s.file());
    x.date = date(s.date());
    x.accessed = date(s.accessed());
    x.pos = pos(s.pos());
  }

  void level(const fb::Level& e, EducationLevel& x) const {
    x.id = str(e.id());
    x.name = text(e.name());
    x.aliases = strs(e.aliases());
    x.isced = str(e.isced());
    x.rank = e.rank();
    x.pos = pos(e.pos());
  }

  void school(const fb::SchoolType& s, SchoolType& x) const {
    x.id = str(s.id());
    x.name = text(s.name());
    x.aliases = strs(s.aliases());
    x.parent = str(s.parent());
    x.levels = strs(s.levels());
    x.sources = strs(s.sources());
    x.pos = pos(s.pos());
  }

  void tree_item(const fb::TreeItem& t, TreeItem& x) const {
    x.id = str(t.id());
    x.name = text(t.name());
    x.aliases = strs(t.aliases());
    x.parent = str(t.parent());
    x.sources = strs(t.sources());
    x.implies = strs(t.implies());
    x.code = str(t.code());
    x.external_ids = ids(t.external_ids());
    x.same_as = refs(t.same_as());
    x.pos = pos(t.pos());
    x.parent_pos = pos(t.parent_pos());
    x.transversal = t.transversal();
    x.parent_credit = opt(t.parent_credit());
  }

  void category(const fb::Category& k, Category& x) const {
    x.id = str(k.id());
    x.name = text(k.name());
    x.aliases = strs(k.aliases());
    x.transition = text(k.transition());
    if (const auto* b = k.barrier()) {
      x.barrier.level = str(b->level());
      x.barrier.text = text(b->text());
      x.barrier.skills = strs(b->skills());
    } else {
      x.barrier = Barrier{};
    }
    x.domains = strs(k.domains());
    x.sources = strs(k.sources());
    x.pos = pos(k.pos());
  }

  void role_skill(const fb::RoleSkill& s, RoleSkill& x) const {
    x.skill = str(s.skill());
    x.essential = s.essential();
    x.weight = s.weight();
    x.pos = pos(s.pos());
  }

  void role(const fb::Role& r, Role& x) const {
    x.id = str(r.id());
    x.name = text(r.name());
    x.aliases = strs(r.aliases());
    x.category = str(r.category());
    x.definition = text(r.definition());
    list(r.skills(), x.skills, &Reader::role_skill);
    x.company_types = texts(r.company_types());
    x.domains = strs(r.domains());
    x.sources = strs(r.sources());
    x.external_ids = ids(r.external_ids());
    x.barrier_level = str(r.barrier_level());
    x.incomplete = r.incomplete();
    x.pos = pos(r.pos());
  }

  void version(const fb::RuleVersion& v, RuleVersion& x) const {
    x.id = str(v.id());
    x.name = text(v.name());
    x.published = date(v.published());
    x.captured = date(v.captured());
    x.current = v.current();
    x.note = text(v.note());
    x.requires_rule = opt_rule(v.requires_rule());
    x.sources = strs(v.sources());
    x.pos = pos(v.pos());
  }

  void certificate_level(const fb::CertificateLevel& l, CertificateLevel& x) const {
    x.id = str(l.id());
    x.name = text(l.name());
    x.aliases = strs(l.aliases());
    x.suits = text(l.suits());
    x.syllabus = strs(l.syllabus());
    x.requires_rule = opt_rule(l.requires_rule());
    x.recommended = opt_rule(l.recommended());
    list(l.versions(), x.versions, &Reader::version);
    x.sources = strs(l.sources());
    x.pos = pos(l.pos());
  }

  void registration(const fb::RegistrationFact& f, RegistrationFact& x) const {
    x.about = str(f.about());
    x.text = text(f.text());
    x.sources = strs(f.sources());
    x.pos = pos(f.pos());
  }

  void certificate(const fb::Certificate& c, Certificate& x) const {
    x.id = str(c.id());
    x.name = text(c.name());
    x.aliases = strs(c.aliases());
    x.issuer = text(c.issuer());
    x.verified_on = date(c.verified_on());
    x.summary = text(c.summary());
    x.exam = text(c.exam());
    x.sittings.clear();
    if (const auto* s = c.sittings()) x.sittings.assign(s->begin(), s->end());
    x.study_hours = opt(c.study_hours());
    x.syllabus = strs(c.syllabus());
    x.related_roles = strs(c.related_roles());
    x.notes = texts(c.notes());
    list(c.registration(), x.registration, &Reader::registration);
    list(c.levels(), x.levels, &Reader::certificate_level);
    x.related_work = relation(c.related_work());
    x.related_majors = relation(c.related_majors());
    x.sources = strs(c.sources());
    x.pos = pos(c.pos());
  }

  void claim(const fb::Claim& c, Claim& x) const {
    x.id = str(c.id());
    x.subject = str(c.subject());
    x.text = text(c.text());
    x.sources = strs(c.sources());
    x.pos = pos(c.pos());
  }

  static void scoring(const fb::Scoring* in, Scoring& s) {
    if (!in) throw Corrupt{};
    s.w_essential = in->w_essential();
    s.w_optional = in->w_optional();
    s.w_use = in->w_use();
    s.w_experience = in->w_experience();
    s.w_barrier = in->w_barrier();
    s.w_goals = in->w_goals();
    s.partial_credit = in->partial_credit();
    s.coverage_prior = in->coverage_prior();
    s.experience_saturation_years = in->experience_saturation_years();
    s.barrier_penalty.clear();
    if (const auto* p = in->barrier_penalty())
      for (const auto* w : *p) s.barrier_penalty[str(w->key())] = w->value();
    s.inferred_per_year = in->inferred_per_year();
    s.inferred_cap = in->inferred_cap();
    s.c_covers = in->c_covers();
    s.c_related = in->c_related();
    s.c_suits = in->c_suits();
    s.certificate_floor = in->certificate_floor();
    s.up_credit = in->up_credit();
    s.title_credit = in->title_credit();
    s.held_syllabus_credit = in->held_syllabus_credit();
    s.transversal_weight = in->transversal_weight();
    s.fit_strong = in->fit_strong();
    s.fit_good = in->fit_good();
    s.fit_partial = in->fit_partial();
  }

  // A table of normalised names, each value checked against its table's items.
  static void keys(const fb::Keys* in, IdIndex& table, size_t items) {
    table.clear();
    if (!in) return;
    const auto* k = in->keys();
    const auto* v = in->values();
    size_t n = k ? k->size() : 0;
    if (n != (v ? v->size() : 0)) throw Corrupt{};
    table.reserve(n);
    for (flatbuffers::uoffset_t i = 0; i < n; ++i) {
      uint32_t value = v->Get(i);
      if (value >= items || !table.emplace(str(k->Get(i)), value).second) throw Corrupt{};
    }
  }

  void catalog(const fb::Catalog& in, Catalog& c) {
    m_files = strs(in.files());
    c.id = str(in.id());
    c.version = str(in.version());
    c.name = text(in.name());
    c.caveat = text(in.caveat());
    scoring(in.scoring(), c.scoring);
    c.attributions = texts(in.attributions());
    list(in.sources(), c.sources, &Reader::source);
    list(in.education(), c.education, &Reader::level);
    list(in.schools(), c.schools, &Reader::school);
    list(in.school_classes(), c.school_classes, &Reader::level);
    list(in.title_levels(), c.title_levels, &Reader::level);
    list(in.majors(), c.majors, &Reader::tree_item);
    list(in.domains(), c.domains, &Reader::tree_item);
    list(in.skills(), c.skills, &Reader::tree_item);
    list(in.categories(), c.categories, &Reader::category);
    list(in.roles(), c.roles, &Reader::role);
    list(in.certificates(), c.certificates, &Reader::certificate);
    list(in.claims(), c.claims, &Reader::claim);
    const std::array<const fb::Keys*, 7> stored{in.skill_by_key(),      in.education_by_key(), in.major_by_key(),
                                                in.domain_by_key(),     in.school_by_key(),    in.school_class_by_key(),
                                                in.title_level_by_key()};
    auto tables = name_tables(c);
    for (size_t i = 0; i < tables.size(); ++i) keys(stored[i], *tables[i].first, tables[i].second);
    const auto* owns = in.skill_owns_id_key();
    if ((owns ? owns->size() : 0) != c.skills.size()) throw Corrupt{};
    c.skill_owns_id_key.assign(c.skills.size(), 0);
    for (size_t i = 0; i < c.skills.size(); ++i)
      c.skill_owns_id_key[i] = static_cast<char>(owns->Get(static_cast<flatbuffers::uoffset_t>(i)));
    // The places in id order (format 15), checked by stored_tables_sound().
    for (auto [ranks, stored_ranks] :
         {std::pair{&c.role_id_rank, in.role_id_rank()}, std::pair{&c.skill_id_rank, in.skill_id_rank()}})
      if (stored_ranks) ranks->assign(stored_ranks->begin(), stored_ranks->end());
  }

 private:
  std::vector<std::string> m_files;
};

// ---------------------------------------------------------------- zero copy

uint64_t touch(const flatbuffers::String* s) {
  if (!s || s->size() == 0) return 0;
  return s->size() + static_cast<unsigned char>(s->Get(0)) + static_cast<unsigned char>(s->Get(s->size() - 1));
}
uint64_t touch(const fb::Text* t) { return t ? touch(t->zh()) + touch(t->en()) : 0; }
uint64_t touch(const FbStrings* v) {
  uint64_t h = 0;
  if (v)
    for (const auto* s : *v) h += touch(s);
  return h;
}
uint64_t touch(const fb::Rule* r) {
  if (!r) return 0;
  uint64_t h = r->kind() + static_cast<uint64_t>(r->min_years()) + static_cast<uint64_t>(r->min_count());
  h += touch(r->education_min()) + touch(r->majors()) + touch(r->domain()) + touch(r->certificate());
  h += touch(r->level()) + touch(r->skill_ids()) + touch(r->schools()) + touch(r->title_min());
  if (const auto* children = r->children())
    for (const auto* c : *children) h += touch(c);
  return h;
}
uint64_t touch(const Vector<Offset<fb::TreeItem>>* v) {
  uint64_t h = 0;
  if (v)
    for (const auto* t : *v) h += touch(t->id()) + touch(t->name()) + touch(t->aliases()) + touch(t->parent());
  return h;
}

}  // namespace

flatbuffers::DetachedBuffer write_fb(const Catalog& catalog, bool shared_strings) {
  Writer w(shared_strings);
  w.catalog(catalog);
  return w.b.Release();
}

bool verify_fb(std::string_view data) {
  flatbuffers::Verifier v(reinterpret_cast<const uint8_t*>(data.data()), data.size());
  return fb::VerifyCatalogBuffer(v);
}

std::optional<Catalog> read_fb(std::string_view data, bool verify) {
  if (verify && !verify_fb(data)) return std::nullopt;
  if (!verify && (data.size() < 8 || !fb::CatalogBufferHasIdentifier(data.data()))) return std::nullopt;
  try {
    Catalog c;
    Reader r;
    r.catalog(*fb::GetCatalog(data.data()), c);
    c.index(true);
    if (!stored_tables_sound(c)) return std::nullopt;  // as the home-made reader does
    return c;
  } catch (const Corrupt&) {
    return std::nullopt;
  }
}

uint64_t touch_fb(std::string_view data) {
  const auto* c = fb::GetCatalog(data.data());
  uint64_t h = touch(c->majors()) + touch(c->domains()) + touch(c->skills());
  if (const auto* roles = c->roles())
    for (const auto* r : *roles) {
      h += touch(r->id()) + touch(r->name()) + touch(r->aliases()) + touch(r->category());
      if (const auto* slots = r->skills())
        for (const auto* s : *slots) h += touch(s->skill()) + s->essential() + static_cast<uint64_t>(s->weight() * 8);
    }
  if (const auto* certificates = c->certificates())
    for (const auto* x : *certificates) {
      h += touch(x->id()) + touch(x->name()) + touch(x->aliases()) + touch(x->syllabus());
      if (const auto* levels = x->levels())
        for (const auto* l : *levels) {
          h += touch(l->id()) + touch(l->name()) + touch(l->syllabus());
          h += touch(l->requires_rule()) + touch(l->recommended());
          if (const auto* versions = l->versions())
            for (const auto* v : *versions) h += touch(v->requires_rule());
        }
    }
  for (const auto* table : {c->skill_by_key(), c->education_by_key(), c->major_by_key(), c->domain_by_key(),
                            c->school_by_key(), c->school_class_by_key(), c->title_level_by_key()})
    if (table) h += touch(table->keys());
  return h;
}

}  // namespace advisor::fbbench
