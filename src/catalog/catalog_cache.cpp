// Catalogue snapshot: the model structs written field by field as little-endian,
// length-prefixed binary, through one field table per struct (snapshot_fields.hpp).
// Layout: magic, format, key, payload length, payload, FNV-1a of the payload.
// Reading checks every length against what is left, so a truncated or corrupt file
// is refused, never trusted.
#include "advisor/catalog_cache.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <concepts>
#include <cstring>
#include <map>
#include <type_traits>
#include <unordered_map>

#include "advisor/util/hash.hpp"
#include "snapshot_fields.hpp"

namespace advisor {

using util::fnv1a64;
using namespace snapshot;

namespace {

constexpr char k_magic[8] = {'A', 'D', 'V', 'C', 'A', 'T', '\x1a', '\n'};
// Bump when a field table (snapshot_fields.hpp) or what follows the catalogue changes:
// tests/unit/snapshot_test.cpp pins each format's schema, catalog_snapshot_schema(),
// and fails until the new one is recorded there.
// 2: majors carry a code; 3: scoring, implies, max_years; 4: external ids, same_as, ISCED, role barrier and incomplete;
// 5: registration facts, sources' accessed date; 6: coverage_prior; 7-9: derived tables (rebuilt, not stored); 10:
// transversal skills, parent_credit, evidence and fit scoring; 11: domains by name; 12: role and category aliases, the
// rule language of national standards, dated rule versions, school types, school classes, title levels; 13: those by
// name (rebuilt); 14: the tables of normalised names stored after the catalogue; 15: one field table for writing and
// reading (each field listed once, snapshot_fields.hpp), roles' and skills' places in id order stored
constexpr uint32_t k_format = 15;

struct Corrupt {};

/// The fewest bytes an item of a type takes in a snapshot: a count read back above
/// the bytes left divided by this is corruption, refused before anything is allocated.
struct MinSize {
  size_t bytes = 0;
  template <class... F>
  void operator()(F&... f) {
    (field(f), ...);
  }
  template <class F>
  void field(F& f) {
    using T = std::remove_const_t<F>;
    if constexpr (std::is_same_v<T, std::string> || IsVector<T>::value || IsMap<T>::value || std::is_same_v<T, int>)
      bytes += 4;
    else if constexpr (std::is_same_v<T, bool> || std::is_enum_v<T> || IsOptional<T>::value)
      bytes += 1;
    else if constexpr (std::is_same_v<T, double>)
      bytes += 8;
    else if constexpr (std::is_same_v<T, SourcePos> || std::is_same_v<T, Date>)
      bytes += 12;
    else
      fields(*this, f);
  }
};

/// A struct with a field table.
template <class T>
concept Stored = requires(T& x, MinSize& a) {
  fields(a, x);
};

template <class T>
size_t min_size() {
  static const size_t n = [] {
    MinSize m;
    T x{};
    m.field(x);
    return std::max<size_t>(m.bytes, 1);
  }();
  return n;
}

/// The schema of the field tables, as a string: a letter per leaf type, (...) around
/// a struct's fields, [..] a vector's item, ?.. an optional, {k:v} a map, and R for a
/// struct inside itself (a rule's children).
struct Schema {
  std::string out;
  std::vector<const void*> open;
  template <class... F>
  void operator()(F&... f) {
    (field(f), ...);
  }
  template <class F>
  void field(F&) {
    using T = std::remove_const_t<F>;
    if constexpr (std::is_same_v<T, std::string>) {
      out += 's';
    } else if constexpr (std::is_same_v<T, bool>) {
      out += 'b';
    } else if constexpr (std::is_same_v<T, int>) {
      out += 'i';
    } else if constexpr (std::is_same_v<T, double>) {
      out += 'd';
    } else if constexpr (std::is_enum_v<T>) {
      out += 'e';
    } else if constexpr (std::is_same_v<T, Date>) {
      out += 'D';
    } else if constexpr (std::is_same_v<T, SourcePos>) {
      out += 'P';
    } else if constexpr (IsOptional<T>::value) {
      out += '?';
      typename T::value_type v{};
      field(v);
    } else if constexpr (IsVector<T>::value) {
      out += '[';
      typename T::value_type v{};
      field(v);
      out += ']';
    } else if constexpr (IsMap<T>::value) {
      out += '{';
      typename T::key_type k{};
      typename T::mapped_type v{};
      field(k);
      out += ':';
      field(v);
      out += '}';
    } else {
      static const char tag = 0;  // one address per struct type
      if (std::find(open.begin(), open.end(), &tag) != open.end()) {
        out += 'R';
        return;
      }
      open.push_back(&tag);
      T x{};
      out += '(';
      fields(*this, x);
      out += ')';
      open.pop_back();
    }
  }
};

class Writer {
 public:
  std::string buf;

  template <class... F>
  void operator()(const F&... f) {
    (field(f), ...);
  }

  void u8(uint8_t v) { buf.push_back(static_cast<char>(v)); }
  void u32(uint32_t v) {
    for (int i = 0; i < 4; ++i) buf.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void u64(uint64_t v) {
    for (int i = 0; i < 8; ++i) buf.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void count(size_t n) { u32(static_cast<uint32_t>(n)); }

  void field(const std::string& s) {
    count(s.size());
    buf.append(s);
  }
  void field(const bool& v) { u8(v ? 1 : 0); }
  void field(const int& v) { u32(static_cast<uint32_t>(v)); }
  void field(const double& v) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    u64(bits);
  }
  void field(const Date& d) { (*this)(d.year, d.month, d.day); }
  // File names repeat on every item: each is written once and then referred to.
  void field(const SourcePos& p) {
    auto [it, fresh] = m_files.emplace(p.file, static_cast<uint32_t>(m_files.size()));
    if (fresh) {
      u32(0xFFFFFFFFu);
      field(p.file);
    } else {
      u32(it->second);
    }
    (*this)(p.line, p.column);
  }
  template <class E>
  requires std::is_enum_v<E>
  void field(const E& e) { u8(static_cast<uint8_t>(e)); }
  template <class T>
  void field(const std::optional<T>& v) {
    u8(v ? 1 : 0);
    if (v) field(*v);
  }
  template <class T>
  void field(const std::vector<T>& v) {
    count(v.size());
    for (const auto& x : v) field(x);
  }
  template <class K, class V>
  void field(const std::map<K, V>& m) {
    count(m.size());
    for (const auto& [k, v] : m) (*this)(k, v);
  }
  template <Stored T>
  void field(const T& x) {
    fields(*this, x);
  }

 private:
  std::unordered_map<std::string, uint32_t> m_files;
};

class Reader {
 public:
  explicit Reader(std::string_view data) : m_data(data) {}

  template <class... F>
  void operator()(F&... f) {
    (field(f), ...);
  }

  void need(size_t n) const {
    if (n > m_data.size() - m_at) throw Corrupt{};
  }
  uint8_t u8() {
    need(1);
    return static_cast<uint8_t>(m_data[m_at++]);
  }
  uint32_t u32() { return little<uint32_t>(); }
  uint64_t u64() { return little<uint64_t>(); }
  // A count of items that each take at least min_bytes: more than the bytes left is corruption.
  size_t count(size_t min_bytes) {
    size_t n = u32();
    if (n > (m_data.size() - m_at) / min_bytes) throw Corrupt{};
    return n;
  }
  bool done() const { return m_at == m_data.size(); }

  void field(std::string& s) {
    size_t n = u32();
    need(n);
    s = std::string(m_data.data() + m_at, n);  // a fresh string: cheaper than assign()
    m_at += n;
  }
  void field(bool& v) {
    auto b = u8();
    if (b > 1) throw Corrupt{};
    v = b == 1;
  }
  void field(int& v) { v = static_cast<int>(u32()); }
  void field(double& v) {
    uint64_t bits = u64();
    std::memcpy(&v, &bits, sizeof v);
  }
  void field(Date& d) { (*this)(d.year, d.month, d.day); }
  void field(SourcePos& p) {
    uint32_t ref = u32();
    if (ref == 0xFFFFFFFFu) {
      m_files.emplace_back();
      field(m_files.back());
      p.file = m_files.back();
    } else {
      if (ref >= m_files.size()) throw Corrupt{};
      p.file = m_files[ref];
    }
    (*this)(p.line, p.column);
  }
  template <class E>
  requires std::is_enum_v<E>
  void field(E& e) {
    auto v = u8();
    if (v > static_cast<uint8_t>(last_value(E{}))) throw Corrupt{};
    e = static_cast<E>(v);
  }
  template <class T>
  void field(std::optional<T>& v) {
    bool has = false;
    field(has);
    if (!has) {
      v.reset();
      return;
    }
    field(v.emplace());
  }
  template <class T>
  void field(std::vector<T>& v) {
    v.resize(count(min_size<T>()));
    for (auto& x : v) field(x);
  }
  template <class K, class V>
  void field(std::map<K, V>& m) {
    m.clear();
    for (size_t n = count(min_size<K>() + min_size<V>()); n > 0; --n) {
      K k;
      field(k);
      field(m[std::move(k)]);
    }
  }
  template <Stored T>
  void field(T& x) {
    // Structs nest a few levels deep, rules inside rules at most a few hundred: deeper
    // is corrupt data, refused before it exhausts the stack.
    if (++m_depth > 300) throw Corrupt{};
    fields(*this, x);
    --m_depth;
  }

 private:
  // A little-endian integer: one load on a little-endian machine (a tenth of a read
  // went to assembling them byte by byte).
  template <class U>
  U little() {
    need(sizeof(U));
    U v = 0;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(&v, m_data.data() + m_at, sizeof v);
    } else {
      for (size_t i = 0; i < sizeof v; ++i) v |= static_cast<U>(static_cast<uint8_t>(m_data[m_at + i])) << (8 * i);
    }
    m_at += sizeof v;
    return v;
  }

  std::string_view m_data;
  size_t m_at = 0;
  int m_depth = 0;
  std::vector<std::string> m_files;
};

}  // namespace

bool stored_tables_sound(const Catalog& c) {
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
  // Each item's place in id order: a permutation of the items.
  for (auto [ranks, items] :
       {std::pair{&c.role_id_rank, c.roles.size()}, std::pair{&c.skill_id_rank, c.skills.size()}}) {
    if (ranks->size() != items) return false;
    std::vector<char> seen(items, 0);
    for (uint32_t v : *ranks) {
      if (v >= items || seen[v]) return false;
      seen[v] = 1;
    }
  }
  return true;
}

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

// The tables of normalised names (name_tables()), then the roles' and skills' places
// in id order.
void put_keys(Writer& w, const Catalog& catalog) {
  for (const auto& [table, items] : name_tables(catalog)) {
    w.count(table->size());
    for (const auto& [k, v] : *table) {
      w.field(k);
      w.u32(static_cast<uint32_t>(v));
    }
  }
  w.count(catalog.skill_owns_id_key.size());
  for (char b : catalog.skill_owns_id_key) w.u8(static_cast<uint8_t>(b));
  for (const auto* ranks : {&catalog.role_id_rank, &catalog.skill_id_rank}) {
    w.count(ranks->size());
    for (uint32_t v : *ranks) w.u32(v);
  }
}

// Read back in the order written, each value checked against its table's items.
void get_keys(Reader& r, Catalog& c) {
  for (const auto& [table, items] : name_tables(c)) {
    table->clear();
    size_t n = r.count(8);
    table->reserve(n);
    for (; n > 0; --n) {
      std::string k;
      r.field(k);
      uint32_t v = r.u32();
      if (v >= items || !table->emplace(std::move(k), v).second) throw Corrupt{};
    }
  }
  size_t n = r.count(1);
  if (n != c.skills.size()) throw Corrupt{};
  c.skill_owns_id_key.resize(n);
  for (auto& b : c.skill_owns_id_key) b = static_cast<char>(r.u8());
  // Each item's place in id order (checked by stored_tables_sound()).
  for (auto [ranks, items] :
       {std::pair{&c.role_id_rank, c.roles.size()}, std::pair{&c.skill_id_rank, c.skills.size()}}) {
    if (r.count(4) != items) throw Corrupt{};
    ranks->resize(items);
    for (auto& v : *ranks) v = r.u32();
  }
}

}  // namespace

std::string serialize_catalog(const Catalog& catalog, uint64_t key) {
  Writer payload;
  payload.field(static_cast<const CatalogData&>(catalog));
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
    r.field(static_cast<CatalogData&>(c));
    get_keys(r, c);
    if (!r.done()) return std::nullopt;
    c.index(true);
    if (!stored_tables_sound(c)) return std::nullopt;
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

std::optional<CatalogIdentity> embedded_catalog_identity(std::string_view data) {
  try {
    auto payload = payload_of(data, std::nullopt, false);
    if (!payload) return std::nullopt;
    Reader r(*payload);
    CatalogIdentity id;
    r(id.id, id.version);  // the first fields of the Catalog's table
    return id;
  } catch (const Corrupt&) {
    return std::nullopt;
  }
}

uint32_t catalog_snapshot_format() { return k_format; }

std::string catalog_snapshot_schema() {
  Schema s;
  CatalogData c;
  s.field(c);
  // Then what put_keys() writes: the 7 tables of normalised names, which skills' ids
  // are their own keys, and the roles' and skills' places in id order.
  return s.out + " keys[7] owns ranks[2]";
}

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
