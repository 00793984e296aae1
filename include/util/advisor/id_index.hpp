#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#if defined(ADVISOR_ID_INDEX_ABSL)
#define ADVISOR_ID_INDEX_LIBRARY
#include <absl/container/flat_hash_map.h>
#elif defined(ADVISOR_ID_INDEX_STD)
#define ADVISOR_ID_INDEX_LIBRARY
#include <functional>
#include <unordered_map>
#endif

namespace advisor {

/// A seed drawn once per process (the address the loader gave this function, the
/// process id and the clock, mixed): keys crafted to collide in one run (a hostile
/// catalogue of thousands of ids in one slot) do not collide in the next. Nothing
/// observable depends on it: an IdIndex walks its entries in the order added.
uint64_t process_hash_seed();

/// 64 bits of a text: eight bytes a step, each step mixed by a multiply and a shift
/// (the constants of splitmix64), the length and the process's seed mixed in first.
/// Every byte counts.
struct IdHash {
  uint64_t seed = process_hash_seed();
  uint64_t operator()(std::string_view s) const {
    uint64_t h = (0x9E3779B97F4A7C15ull ^ seed) ^ s.size();
    const char* p = s.data();
    size_t n = s.size();
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
      h ^= h >> 31;
    }
    if (n > 0) {
      // The last bytes, read whole: the eight that end the text when it has them (some
      // read already), else two fours that overlap, else the first, middle and last byte.
      uint64_t w;
      if (s.size() >= 8) {
        std::memcpy(&w, s.data() + s.size() - 8, 8);
      } else if (n >= 4) {
        uint32_t a, b;
        std::memcpy(&a, p, 4);
        std::memcpy(&b, p + n - 4, 4);
        w = static_cast<uint64_t>(a) << 32 | b;
      } else {
        auto byte = [&](size_t i) { return static_cast<uint64_t>(static_cast<unsigned char>(p[i])); };
        w = byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16;
      }
      h = (h ^ w) * 0x94D049BB133111EBull;
      h ^= h >> 29;
    }
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 32);
  }
};

/// A catalogue's lookup table: a text (an id, a normalised name) → an index, the first
/// one added winning. It answers the dozens of lookups every profile makes (its skills,
/// its certificates, each rule's domain), so it is built for that: open addressing in a
/// power-of-two table at most half full, a hash that reads eight bytes a step, and each
/// slot keeping half the hash, so that a miss compares no text. A std::unordered_map
/// divides by a prime for every lookup and every node it walks; here a mask does it.
///
/// The entries are kept in the order added, which is the order `begin()`..`end()` walk:
/// the same input gives the same walk on every machine. An iterator points at an entry
/// (`it->first`, `it->second`) and stays valid until the next change. `Hash` is a
/// parameter so that a test can make every key collide.
///
/// For measurement only (docs/performance.md), -DADVISOR_ID_INDEX=std|absl puts a
/// library table where the slots are: std::unordered_map with the same Hash, or
/// absl::flat_hash_map with absl::Hash, each with heterogeneous lookup; the entries,
/// their walk and the interface stay as they are.
template <typename Hash = IdHash>
class BasicIdIndex {
 public:
  using value_type = std::pair<std::string, size_t>;
  using const_iterator = const value_type*;
  using iterator = const_iterator;

  const_iterator begin() const { return m_items.data(); }
  const_iterator end() const { return m_items.data() + m_items.size(); }
  size_t size() const { return m_items.size(); }
  bool empty() const { return m_items.empty(); }

  void clear() {
    m_items.clear();
#ifdef ADVISOR_ID_INDEX_LIBRARY
    m_table.clear();
#else
    m_slots.clear();
    m_mask = 0;
#endif
  }

  /// Room for `n` entries without growing.
  void reserve(size_t n) {
    m_items.reserve(n);
#ifdef ADVISOR_ID_INDEX_LIBRARY
    m_table.reserve(n);
#else
    if (slots_for(n) > m_slots.size()) rehash(slots_for(n));
#endif
  }

  /// Adds `key` → `value` unless `key` is there already (then it keeps its value).
  std::pair<const_iterator, bool> emplace(std::string key, size_t value) {
#ifdef ADVISOR_ID_INDEX_LIBRARY
    if (auto it = find(key); it != end()) return {it, false};
    m_table.emplace(key, static_cast<uint32_t>(m_items.size()));
    m_items.emplace_back(std::move(key), value);
#else
    uint64_t h = Hash{}(key);
    if (auto it = find(key, h); it != end()) return {it, false};
    m_items.emplace_back(std::move(key), value);
    if (slots_for(m_items.size()) > m_slots.size())
      rehash(slots_for(m_items.size()));  // places every entry, the new one included
    else
      place(h, m_items.size() - 1);
#endif
    return {&m_items.back(), true};
  }

  /// Removes `key`; how many entries went (0 or 1). The others keep their order.
  size_t erase(std::string_view key) {
    auto it = find(key);
    if (it == end()) return 0;
    m_items.erase(m_items.begin() + (it - begin()));
#ifdef ADVISOR_ID_INDEX_LIBRARY
    m_table.clear();
    for (size_t i = 0; i < m_items.size(); ++i) m_table.emplace(m_items[i].first, static_cast<uint32_t>(i));
#else
    rehash(m_slots.size());
#endif
    return 1;
  }

#ifdef ADVISOR_ID_INDEX_LIBRARY
  const_iterator find(std::string_view key) const {
#ifdef ADVISOR_ID_INDEX_ABSL
    auto it = m_table.find(absl::string_view(key.data(), key.size()));  // Debian's absl has its own
#else
    auto it = m_table.find(key);
#endif
    return it == m_table.end() ? end() : &m_items[it->second];
  }
#else
  const_iterator find(std::string_view key) const { return find(key, Hash{}(key)); }
#endif
  size_t count(std::string_view key) const { return find(key) != end() ? 1 : 0; }
  /// The value of `key`; std::out_of_range when it is not there.
  size_t at(std::string_view key) const {
    auto it = find(key);
    if (it == end()) throw std::out_of_range("IdIndex::at: no such key");
    return it->second;
  }

  /// The same entries, in whatever order (as std::unordered_map compares).
  friend bool operator==(const BasicIdIndex& a, const BasicIdIndex& b) {
    if (a.size() != b.size()) return false;
    for (const auto& [key, value] : a)
      if (auto it = b.find(key); it == b.end() || it->second != value) return false;
    return true;
  }

 private:
  std::vector<value_type> m_items;  // in the order added
#ifdef ADVISOR_ID_INDEX_LIBRARY
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return Hash{}(s); }
  };
#ifdef ADVISOR_ID_INDEX_ABSL
  absl::flat_hash_map<std::string, uint32_t> m_table;
#else
  std::unordered_map<std::string, uint32_t, ViewHash, std::equal_to<>> m_table;
#endif
#else
  /// A slot: the upper half of the entry's hash, then its position + 1; 0 is empty.
  std::vector<uint64_t> m_slots;
  size_t m_mask = 0;

  static size_t slots_for(size_t n) {
    size_t s = 8;
    while (s < 2 * n) s *= 2;
    return s;
  }

  const_iterator find(std::string_view key, uint64_t h) const {
    if (m_items.empty()) return end();
    auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & m_mask;; i = (i + 1) & m_mask) {
      uint64_t s = m_slots[i];
      if (s == 0) return end();
      if (static_cast<uint32_t>(s >> 32) == tag) {
        const auto& item = m_items[static_cast<uint32_t>(s) - 1];
        if (item.first == key) return &item;
      }
    }
  }

  void place(uint64_t h, size_t item) {
    size_t i = h & m_mask;
    while (m_slots[i] != 0) i = (i + 1) & m_mask;
    m_slots[i] = (h >> 32 << 32) | static_cast<uint64_t>(item + 1);
  }

  void rehash(size_t slots) {
    m_slots.assign(slots, 0);
    m_mask = slots - 1;
    for (size_t i = 0; i < m_items.size(); ++i) place(Hash{}(m_items[i].first), i);
  }
#endif
};

using IdIndex = BasicIdIndex<>;

}  // namespace advisor
