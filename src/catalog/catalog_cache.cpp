// Catalogue snapshot: the model structs written field by field as little-endian,
// length-prefixed binary. Layout: magic, format, key, payload length, payload,
// FNV-1a of the payload. Reading checks every length against what is left, so a
// truncated or corrupt file is refused, never trusted.
#include "advisor/catalog_cache.hpp"

#include <array>
#include <cstring>
#include <unordered_map>

#include "advisor/util/hash.hpp"

namespace advisor {

using util::fnv1a64;

namespace {

constexpr char k_magic[8] = {'A', 'D', 'V', 'C', 'A', 'T', '\x1a', '\n'};
// Bump when any serialised struct changes shape (tests/unit/snapshot_test.cpp
// fails until the new layout is recorded there under the new number).
constexpr uint32_t k_format =
    14;  // 2: majors carry a code; 3: scoring, implies, max_years; 4: external ids, same_as, ISCED, role barrier and
         // incomplete; 5: registration facts, sources' accessed date; 6: coverage_prior; 7: the Catalog gained
         // derived tables (slot skills, syllabus reach, barrier skills, related roles: rebuilt by index(), not stored);
         // 8: and each role's kinds of skill (essential, optional), which skills' ids are their own keys;
         // 9: and each skill's place in id order; 10: transversal skills, parent_credit, evidence and fit scoring; 11:
         // domains by name (domain_by_key); 12: role and category aliases, the rule language of national standards
         // (title, diploma, confirm, work after a date, related work and majors, dated rule versions, level and
         // certificate aliases, school types, school classes, title levels); 13: school types, classes and title levels
         // by name (rebuilt by index(), not stored); 14: the tables of normalised names stored after the catalogue
         // (read back, not rebuilt)

struct Corrupt {};

class Writer {
 public:
  std::string buf;

  void u8(uint8_t v) { buf.push_back(static_cast<char>(v)); }
  void u32(uint32_t v) {
    for (int i = 0; i < 4; ++i) buf.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void u64(uint64_t v) {
    for (int i = 0; i < 8; ++i) buf.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void i32(int v) { u32(static_cast<uint32_t>(v)); }
  void f64(double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    u64(bits);
  }
  void str(const std::string& s) {
    u32(static_cast<uint32_t>(s.size()));
    buf.append(s);
  }
  void text(const Text& t) {
    str(t.zh);
    str(t.en);
  }
  void strs(const std::vector<std::string>& v) {
    u32(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) str(s);
  }
  void texts(const std::vector<Text>& v) {
    u32(static_cast<uint32_t>(v.size()));
    for (const auto& t : v) text(t);
  }
  void ids(const ExternalIds& m) {
    u32(static_cast<uint32_t>(m.size()));
    for (const auto& [k, v] : m) {
      str(k);
      str(v);
    }
  }
  void refs(const std::vector<ExternalRef>& v) {
    u32(static_cast<uint32_t>(v.size()));
    for (const auto& x : v) {
      str(x.scheme);
      str(x.value);
    }
  }
  // File names repeat on every item: each is written once and then referred to.
  void pos(const SourcePos& p) {
    auto [it, fresh] = m_files.emplace(p.file, static_cast<uint32_t>(m_files.size()));
    if (fresh) {
      u32(0xFFFFFFFFu);
      str(p.file);
    } else {
      u32(it->second);
    }
    i32(p.line);
    i32(p.column);
  }
  void date(const std::optional<Date>& d) {
    u8(d ? 1 : 0);
    if (d) {
      i32(d->year);
      i32(d->month);
      i32(d->day);
    }
  }
  void opt_int(const std::optional<int>& v) {
    u8(v ? 1 : 0);
    if (v) i32(*v);
  }
  void opt_f64(const std::optional<double>& v) {
    u8(v ? 1 : 0);
    if (v) f64(*v);
  }

 private:
  std::unordered_map<std::string, uint32_t> m_files;
};

class Reader {
 public:
  explicit Reader(std::string_view data) : m_data(data) {}

  void need(size_t n) const {
    if (n > m_data.size() - m_at) throw Corrupt{};
  }
  uint8_t u8() {
    need(1);
    return static_cast<uint8_t>(m_data[m_at++]);
  }
  uint32_t u32() {
    need(4);
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<uint8_t>(m_data[m_at++])) << (8 * i);
    return v;
  }
  uint64_t u64() {
    need(8);
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(m_data[m_at++])) << (8 * i);
    return v;
  }
  int i32() { return static_cast<int>(u32()); }
  double f64() {
    uint64_t bits = u64();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  // A count of items that each take at least min_bytes: more than the bytes left is corruption.
  size_t count(size_t min_bytes = 1) {
    size_t n = u32();
    if (n > (m_data.size() - m_at) / min_bytes) throw Corrupt{};
    return n;
  }
  std::string str() {
    size_t n = u32();
    need(n);
    std::string s(m_data.substr(m_at, n));
    m_at += n;
    return s;
  }
  Text text() {
    Text t;
    t.zh = str();
    t.en = str();
    return t;
  }
  std::vector<std::string> strs() {
    std::vector<std::string> v(count(4));
    for (auto& s : v) s = str();
    return v;
  }
  std::vector<Text> texts() {
    std::vector<Text> v(count(8));
    for (auto& t : v) t = text();
    return v;
  }
  ExternalIds ids() {
    ExternalIds m;
    for (size_t n = count(8); n > 0; --n) {
      auto k = str();
      m[k] = str();
    }
    return m;
  }
  std::vector<ExternalRef> refs() {
    std::vector<ExternalRef> v(count(8));
    for (auto& x : v) {
      x.scheme = str();
      x.value = str();
    }
    return v;
  }
  SourcePos pos() {
    SourcePos p;
    uint32_t ref = u32();
    if (ref == 0xFFFFFFFFu) {
      m_files.push_back(str());
      p.file = m_files.back();
    } else {
      if (ref >= m_files.size()) throw Corrupt{};
      p.file = m_files[ref];
    }
    p.line = i32();
    p.column = i32();
    return p;
  }
  std::optional<Date> date() {
    if (!flag()) return std::nullopt;
    Date d;
    d.year = i32();
    d.month = i32();
    d.day = i32();
    return d;
  }
  std::optional<int> opt_int() {
    if (!flag()) return std::nullopt;
    return i32();
  }
  std::optional<double> opt_f64() {
    if (!flag()) return std::nullopt;
    return f64();
  }
  bool flag() {
    auto v = u8();
    if (v > 1) throw Corrupt{};
    return v == 1;
  }
  bool done() const { return m_at == m_data.size(); }

 private:
  std::string_view m_data;
  size_t m_at = 0;
  std::vector<std::string> m_files;
};

// ---------------------------------------------------------------- write

void put_relation(Writer& w, const Relation& rel) {
  w.strs(rel.plain);
  w.strs(rel.maybe);
  w.text(rel.note);
}

void put_ranked(Writer& w, const std::vector<EducationLevel>& levels) {
  w.u32(static_cast<uint32_t>(levels.size()));
  for (const auto& e : levels) {
    w.str(e.id);
    w.text(e.name);
    w.strs(e.aliases);
    w.str(e.isced);
    w.i32(e.rank);
    w.pos(e.pos);
  }
}

void put_rule(Writer& w, const Rule& r) {
  w.u8(static_cast<uint8_t>(r.kind));
  w.u32(static_cast<uint32_t>(r.children.size()));
  for (const auto& c : r.children) put_rule(w, c);
  w.text(r.reason);
  w.pos(r.pos);
  w.opt_int(r.min_age);
  w.opt_int(r.max_age);
  w.str(r.education_min);
  w.strs(r.majors);
  w.str(r.domain);
  w.f64(r.min_years);
  w.opt_f64(r.max_years);
  w.str(r.certificate);
  w.str(r.level);
  w.strs(r.skill_ids);
  w.i32(r.min_count);
  w.f64(r.min_hours);
  w.u8(r.related_work ? 1 : 0);
  put_relation(w, r.work);
  w.str(r.after_certificate);
  w.str(r.after_level);
  w.str(r.after_title);
  w.f64(r.min_years_held);
  w.str(r.title_min);
  w.str(r.min_class);
  w.strs(r.schools);
  w.u8(r.related_major ? 1 : 0);
  put_relation(w, r.major_rel);
  w.u8(static_cast<uint8_t>((r.final_year ? 1 : 0) | (r.assessed ? 2 : 0) | (r.studying ? 4 : 0)));
  w.text(r.confirm);
}

void put_opt_rule(Writer& w, const std::optional<Rule>& r) {
  w.u8(r ? 1 : 0);
  if (r) put_rule(w, *r);
}

void put_tree(Writer& w, const std::vector<TreeItem>& items) {
  w.u32(static_cast<uint32_t>(items.size()));
  for (const auto& t : items) {
    w.str(t.id);
    w.text(t.name);
    w.strs(t.aliases);
    w.str(t.parent);
    w.strs(t.sources);
    w.strs(t.implies);
    w.str(t.code);
    w.pos(t.pos);
    w.pos(t.parent_pos);
    w.ids(t.external_ids);
    w.refs(t.same_as);
    w.u8(t.transversal ? 1 : 0);
    w.u8(t.parent_credit ? 1 : 0);
    w.f64(t.parent_credit.value_or(0));
  }
}

// put_catalog and get_catalog stay long on purpose: each is the snapshot format
// itself, the catalogue's fields in file order, one line each, so the two can be read
// side by side. snapshot_test.cpp's content round trip fails if they disagree.
void put_catalog(Writer& w, const Catalog& c) {
  w.str(c.id);
  w.str(c.version);
  w.text(c.name);
  w.text(c.caveat);
  const auto& s = c.scoring;
  for (double v : {s.w_essential,       s.w_optional,     s.w_use,
                   s.w_experience,      s.w_barrier,      s.w_goals,
                   s.partial_credit,    s.coverage_prior, s.experience_saturation_years,
                   s.inferred_per_year, s.inferred_cap,   s.c_covers,
                   s.c_related,         s.c_suits,        s.certificate_floor,
                   s.up_credit,         s.title_credit,   s.held_syllabus_credit,
                   s.fit_strong,        s.fit_good,       s.fit_partial,
                   s.transversal_weight})
    w.f64(v);
  w.u32(static_cast<uint32_t>(s.barrier_penalty.size()));
  for (const auto& [k, v] : s.barrier_penalty) {
    w.str(k);
    w.f64(v);
  }
  w.texts(c.attributions);

  w.u32(static_cast<uint32_t>(c.sources.size()));
  for (const auto& x : c.sources) {
    w.str(x.id);
    w.text(x.title);
    w.str(x.publisher);
    w.str(x.url);
    w.str(x.file);
    w.date(x.date);
    w.date(x.accessed);
    w.pos(x.pos);
  }
  put_ranked(w, c.education);
  w.u32(static_cast<uint32_t>(c.schools.size()));
  for (const auto& x : c.schools) {
    w.str(x.id);
    w.text(x.name);
    w.strs(x.aliases);
    w.str(x.parent);
    w.strs(x.levels);
    w.strs(x.sources);
    w.pos(x.pos);
  }
  put_ranked(w, c.school_classes);
  put_ranked(w, c.title_levels);
  put_tree(w, c.majors);
  put_tree(w, c.domains);
  put_tree(w, c.skills);
  w.u32(static_cast<uint32_t>(c.categories.size()));
  for (const auto& k : c.categories) {
    w.str(k.id);
    w.text(k.name);
    w.strs(k.aliases);
    w.text(k.transition);
    w.str(k.barrier.level);
    w.text(k.barrier.text);
    w.strs(k.barrier.skills);
    w.strs(k.domains);
    w.strs(k.sources);
    w.pos(k.pos);
  }
  w.u32(static_cast<uint32_t>(c.roles.size()));
  for (const auto& r : c.roles) {
    w.str(r.id);
    w.text(r.name);
    w.strs(r.aliases);
    w.str(r.category);
    w.text(r.definition);
    w.u32(static_cast<uint32_t>(r.skills.size()));
    for (const auto& rs : r.skills) {
      w.str(rs.skill);
      w.u8(rs.essential ? 1 : 0);
      w.f64(rs.weight);
      w.pos(rs.pos);
    }
    w.texts(r.company_types);
    w.strs(r.domains);
    w.strs(r.sources);
    w.ids(r.external_ids);
    w.str(r.barrier_level);
    w.u8(r.incomplete ? 1 : 0);
    w.pos(r.pos);
  }
  w.u32(static_cast<uint32_t>(c.certificates.size()));
  for (const auto& x : c.certificates) {
    w.str(x.id);
    w.text(x.name);
    w.text(x.issuer);
    w.date(x.verified_on);
    w.text(x.summary);
    w.text(x.exam);
    w.u32(static_cast<uint32_t>(x.sittings.size()));
    for (int m : x.sittings) w.i32(m);
    w.opt_f64(x.study_hours);
    w.strs(x.syllabus);
    w.strs(x.related_roles);
    w.texts(x.notes);
    w.u32(static_cast<uint32_t>(x.registration.size()));
    for (const auto& f : x.registration) {
      w.str(f.about);
      w.text(f.text);
      w.strs(f.sources);
      w.pos(f.pos);
    }
    w.u32(static_cast<uint32_t>(x.levels.size()));
    for (const auto& l : x.levels) {
      w.str(l.id);
      w.text(l.name);
      w.strs(l.aliases);
      w.text(l.suits);
      w.strs(l.syllabus);
      put_opt_rule(w, l.requires_rule);
      put_opt_rule(w, l.recommended);
      w.u32(static_cast<uint32_t>(l.versions.size()));
      for (const auto& v : l.versions) {
        w.str(v.id);
        w.text(v.name);
        w.date(v.published);
        w.date(v.captured);
        w.u8(v.current ? 1 : 0);
        w.text(v.note);
        put_opt_rule(w, v.requires_rule);
        w.strs(v.sources);
        w.pos(v.pos);
      }
      w.strs(l.sources);
      w.pos(l.pos);
    }
    w.strs(x.aliases);
    put_relation(w, x.related_work);
    put_relation(w, x.related_majors);
    w.strs(x.sources);
    w.pos(x.pos);
  }
  w.u32(static_cast<uint32_t>(c.claims.size()));
  for (const auto& cl : c.claims) {
    w.str(cl.id);
    w.str(cl.subject);
    w.text(cl.text);
    w.strs(cl.sources);
    w.pos(cl.pos);
  }
}

// ---------------------------------------------------------------- read

Relation get_relation(Reader& r) {
  Relation rel;
  rel.plain = r.strs();
  rel.maybe = r.strs();
  rel.note = r.text();
  return rel;
}

void get_ranked(Reader& r, std::vector<EducationLevel>& levels) {
  levels.resize(r.count(8));
  for (auto& e : levels) {
    e.id = r.str();
    e.name = r.text();
    e.aliases = r.strs();
    e.isced = r.str();
    e.rank = r.i32();
    e.pos = r.pos();
  }
}

Rule get_rule(Reader& r, int depth) {
  if (depth > 256) throw Corrupt{};
  Rule x;
  auto kind = r.u8();
  if (kind > static_cast<uint8_t>(RuleKind::confirm)) throw Corrupt{};
  x.kind = static_cast<RuleKind>(kind);
  size_t n = r.count(8);
  for (size_t i = 0; i < n; ++i) x.children.push_back(get_rule(r, depth + 1));
  x.reason = r.text();
  x.pos = r.pos();
  x.min_age = r.opt_int();
  x.max_age = r.opt_int();
  x.education_min = r.str();
  x.majors = r.strs();
  x.domain = r.str();
  x.min_years = r.f64();
  x.max_years = r.opt_f64();
  x.certificate = r.str();
  x.level = r.str();
  x.skill_ids = r.strs();
  x.min_count = r.i32();
  x.min_hours = r.f64();
  x.related_work = r.flag();
  x.work = get_relation(r);
  x.after_certificate = r.str();
  x.after_level = r.str();
  x.after_title = r.str();
  x.min_years_held = r.f64();
  x.title_min = r.str();
  x.min_class = r.str();
  x.schools = r.strs();
  x.related_major = r.flag();
  x.major_rel = get_relation(r);
  auto flags = r.u8();
  x.final_year = flags & 1;
  x.assessed = flags & 2;
  x.studying = flags & 4;
  x.confirm = r.text();
  return x;
}

std::optional<Rule> get_opt_rule(Reader& r) {
  if (!r.flag()) return std::nullopt;
  return get_rule(r, 0);
}

void get_tree(Reader& r, std::vector<TreeItem>& items) {
  items.resize(r.count(8));
  for (auto& t : items) {
    t.id = r.str();
    t.name = r.text();
    t.aliases = r.strs();
    t.parent = r.str();
    t.sources = r.strs();
    t.implies = r.strs();
    t.code = r.str();
    t.pos = r.pos();
    t.parent_pos = r.pos();
    t.external_ids = r.ids();
    t.same_as = r.refs();
    t.transversal = r.flag();
    bool has_credit = r.flag();
    double credit = r.f64();
    if (has_credit) t.parent_credit = credit;
  }
}

// The reader of put_catalog's format, in the same order (long for the same reason).
void get_catalog(Reader& r, Catalog& c) {
  c.id = r.str();
  c.version = r.str();
  c.name = r.text();
  c.caveat = r.text();
  auto& s = c.scoring;
  for (double* v : {&s.w_essential,       &s.w_optional,     &s.w_use,
                    &s.w_experience,      &s.w_barrier,      &s.w_goals,
                    &s.partial_credit,    &s.coverage_prior, &s.experience_saturation_years,
                    &s.inferred_per_year, &s.inferred_cap,   &s.c_covers,
                    &s.c_related,         &s.c_suits,        &s.certificate_floor,
                    &s.up_credit,         &s.title_credit,   &s.held_syllabus_credit,
                    &s.fit_strong,        &s.fit_good,       &s.fit_partial,
                    &s.transversal_weight})
    *v = r.f64();
  s.barrier_penalty.clear();
  for (size_t n = r.count(12); n > 0; --n) {
    auto k = r.str();
    s.barrier_penalty[k] = r.f64();
  }
  c.attributions = r.texts();

  c.sources.resize(r.count(8));
  for (auto& x : c.sources) {
    x.id = r.str();
    x.title = r.text();
    x.publisher = r.str();
    x.url = r.str();
    x.file = r.str();
    x.date = r.date();
    x.accessed = r.date();
    x.pos = r.pos();
  }
  get_ranked(r, c.education);
  c.schools.resize(r.count(8));
  for (auto& x : c.schools) {
    x.id = r.str();
    x.name = r.text();
    x.aliases = r.strs();
    x.parent = r.str();
    x.levels = r.strs();
    x.sources = r.strs();
    x.pos = r.pos();
  }
  get_ranked(r, c.school_classes);
  get_ranked(r, c.title_levels);
  get_tree(r, c.majors);
  get_tree(r, c.domains);
  get_tree(r, c.skills);
  c.categories.resize(r.count(8));
  for (auto& k : c.categories) {
    k.id = r.str();
    k.name = r.text();
    k.aliases = r.strs();
    k.transition = r.text();
    k.barrier.level = r.str();
    k.barrier.text = r.text();
    k.barrier.skills = r.strs();
    k.domains = r.strs();
    k.sources = r.strs();
    k.pos = r.pos();
  }
  c.roles.resize(r.count(8));
  for (auto& x : c.roles) {
    x.id = r.str();
    x.name = r.text();
    x.aliases = r.strs();
    x.category = r.str();
    x.definition = r.text();
    x.skills.resize(r.count(8));
    for (auto& rs : x.skills) {
      rs.skill = r.str();
      rs.essential = r.flag();
      rs.weight = r.f64();
      rs.pos = r.pos();
    }
    x.company_types = r.texts();
    x.domains = r.strs();
    x.sources = r.strs();
    x.external_ids = r.ids();
    x.barrier_level = r.str();
    x.incomplete = r.flag();
    x.pos = r.pos();
  }
  c.certificates.resize(r.count(8));
  for (auto& x : c.certificates) {
    x.id = r.str();
    x.name = r.text();
    x.issuer = r.text();
    x.verified_on = r.date();
    x.summary = r.text();
    x.exam = r.text();
    x.sittings.resize(r.count(4));
    for (auto& m : x.sittings) m = r.i32();
    x.study_hours = r.opt_f64();
    x.syllabus = r.strs();
    x.related_roles = r.strs();
    x.notes = r.texts();
    x.registration.resize(r.count(8));
    for (auto& f : x.registration) {
      f.about = r.str();
      f.text = r.text();
      f.sources = r.strs();
      f.pos = r.pos();
    }
    x.levels.resize(r.count(8));
    for (auto& l : x.levels) {
      l.id = r.str();
      l.name = r.text();
      l.aliases = r.strs();
      l.suits = r.text();
      l.syllabus = r.strs();
      l.requires_rule = get_opt_rule(r);
      l.recommended = get_opt_rule(r);
      l.versions.resize(r.count(8));
      for (auto& v : l.versions) {
        v.id = r.str();
        v.name = r.text();
        v.published = r.date();
        v.captured = r.date();
        v.current = r.flag();
        v.note = r.text();
        v.requires_rule = get_opt_rule(r);
        v.sources = r.strs();
        v.pos = r.pos();
      }
      l.sources = r.strs();
      l.pos = r.pos();
    }
    x.aliases = r.strs();
    x.related_work = get_relation(r);
    x.related_majors = get_relation(r);
    x.sources = r.strs();
    x.pos = r.pos();
  }
  c.claims.resize(r.count(8));
  for (auto& cl : c.claims) {
    cl.id = r.str();
    cl.subject = r.str();
    cl.text = r.text();
    cl.sources = r.strs();
    cl.pos = r.pos();
  }
}

// A snapshot's references must resolve as validation left them, or index() and
// the matcher would read out of range: check the ones they rely on.
bool references_resolve(const Catalog& c) {
  for (const auto& r : c.roles)
    for (const auto& rs : r.skills)
      if (!c.skill_by_id.count(rs.skill)) return false;
  for (const auto* tree : {&c.skills, &c.domains, &c.majors})
    for (const auto& t : *tree)
      if (!t.parent.empty() && !(tree == &c.skills    ? c.skill_by_id.count(t.parent)
                                 : tree == &c.domains ? c.domain_by_id.count(t.parent)
                                                      : c.major_by_id.count(t.parent)))
        return false;
  for (const auto& r : c.roles)
    if (!c.category_by_id.count(r.category)) return false;
  return true;
}

}  // namespace

uint64_t catalog_cache_key(const std::vector<InputFile>& files) {
  uint64_t h = fnv1a64(ADVISOR_VERSION);
  h = fnv1a64(std::string_view(reinterpret_cast<const char*>(&k_format), sizeof k_format), h);
  for (const auto& f : files) {
    // Lengths go in too, so moving bytes from one file to the next changes the key.
    auto sizes = std::to_string(f.name.size()) + ":" + std::to_string(f.text.size()) + ":";
    h = fnv1a64(sizes, h);
    h = fnv1a64(f.name, h);
    h = fnv1a64(f.text, h);
  }
  return h;
}

namespace {

// The tables of normalised names, as index() built them: normalising every id, name
// and alias again is most of what reading a snapshot would otherwise cost.
template <typename C>  // Catalog or const Catalog
auto key_tables(C& c) {
  return std::array<std::pair<decltype(&c.skill_by_key), size_t>, 7>{{{&c.skill_by_key, c.skills.size()},
                                                                      {&c.education_by_key, c.education.size()},
                                                                      {&c.major_by_key, c.majors.size()},
                                                                      {&c.domain_by_key, c.domains.size()},
                                                                      {&c.school_by_key, c.schools.size()},
                                                                      {&c.school_class_by_key, c.school_classes.size()},
                                                                      {&c.title_level_by_key, c.title_levels.size()}}};
}

void put_keys(Writer& w, const Catalog& catalog) {
  for (const auto& [table, items] : key_tables(catalog)) {
    w.u32(static_cast<uint32_t>(table->size()));
    for (const auto& [k, v] : *table) {
      w.str(k);
      w.u32(static_cast<uint32_t>(v));
    }
  }
  w.u32(static_cast<uint32_t>(catalog.skill_owns_id_key.size()));
  for (char b : catalog.skill_owns_id_key) w.u8(static_cast<uint8_t>(b));
}

// Read back in the order written, each value checked against its table's items.
void get_keys(Reader& r, Catalog& c) {
  for (const auto& [table, items] : key_tables(c)) {
    table->clear();
    size_t n = r.count(8);
    table->reserve(n);
    for (; n > 0; --n) {
      auto k = r.str();
      uint32_t v = r.u32();
      if (v >= items || !table->emplace(std::move(k), v).second) throw Corrupt{};
    }
  }
  size_t n = r.count(1);
  if (n != c.skills.size()) throw Corrupt{};
  c.skill_owns_id_key.resize(n);
  for (auto& b : c.skill_owns_id_key) b = static_cast<char>(r.u8());
}

}  // namespace

std::string serialize_catalog(const Catalog& catalog, uint64_t key) {
  Writer payload;
  put_catalog(payload, catalog);
  put_keys(payload, catalog);
  Writer w;
  w.buf.append(k_magic, sizeof k_magic);
  w.u32(k_format);
  w.u64(key);
  w.u64(payload.buf.size());
  w.buf += payload.buf;
  w.u64(fnv1a64(payload.buf));
  return std::move(w.buf);
}

namespace {

constexpr size_t k_header = sizeof k_magic + 4 + 8 + 8;

// The snapshot's payload when the frame is whole: magic, format, the key when one is
// asked for, the length, and the checksum unless the data is the executable's own.
std::optional<std::string_view> payload_of(std::string_view data, std::optional<uint64_t> key, bool checksum) {
  if (data.size() < k_header + 8 || std::memcmp(data.data(), k_magic, sizeof k_magic) != 0) return std::nullopt;
  Reader head(data.substr(sizeof k_magic, k_header - sizeof k_magic));
  if (head.u32() != k_format) return std::nullopt;
  uint64_t written_key = head.u64();
  if (key && written_key != *key) return std::nullopt;
  uint64_t len = head.u64();
  if (len != data.size() - k_header - 8) return std::nullopt;
  auto payload = data.substr(k_header, len);
  if (checksum) {
    Reader tail(data.substr(k_header + len));
    if (tail.u64() != fnv1a64(payload)) return std::nullopt;
  }
  return payload;
}

std::optional<Catalog> read_snapshot(std::string_view data, std::optional<uint64_t> key, bool checksum) {
  try {
    auto payload = payload_of(data, key, checksum);
    if (!payload) return std::nullopt;
    Reader r(*payload);
    Catalog c;
    get_catalog(r, c);
    get_keys(r, c);
    if (!r.done()) return std::nullopt;
    c.index(true);
    if (!references_resolve(c)) return std::nullopt;
    return c;
  } catch (const Corrupt&) {
    return std::nullopt;
  } catch (const std::length_error&) {
    return std::nullopt;
  } catch (const std::bad_alloc&) {
    return std::nullopt;
  }
}

}  // namespace

std::optional<Catalog> deserialize_catalog(std::string_view data, uint64_t key) {
  return read_snapshot(data, key, true);
}

std::optional<Catalog> deserialize_embedded_catalog(std::string_view data) {
  return read_snapshot(data, std::nullopt, false);
}

uint32_t catalog_snapshot_format() { return k_format; }

std::optional<uint64_t> snapshot_key_of(std::string_view data) {
  try {
    if (!payload_of(data, std::nullopt, true)) return std::nullopt;
    Reader head(data.substr(sizeof k_magic + 4, 8));
    return head.u64();
  } catch (const Corrupt&) {
    return std::nullopt;
  }
}

}  // namespace advisor
