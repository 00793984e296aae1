// What a person calls a catalogue item: resolving ids, names and aliases, searching
// skills, and the "did you mean" offered when a word names nothing.
#include <algorithm>
#include <mutex>

#include "advisor/model.hpp"
#include "advisor/title_words.hpp"

namespace advisor {

namespace {

int code_points(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = utf8_sequence_length(s, i);
    i += len == 0 ? 1 : len;
    ++n;
  }
  return n;
}

// The words a person may write for item i of kind: id, names, aliases.
template <typename Visit>
void item_words(const Catalog& c, ItemKind kind, size_t i, Visit&& visit) {
  auto names = [&](const auto& item) {
    visit(item.id);
    visit(item.name.zh);
    visit(item.name.en);
  };
  switch (kind) {
    case ItemKind::role:
      names(c.roles[i]);
      for (const auto& a : c.roles[i].aliases) visit(a);
      break;
    case ItemKind::category:
      names(c.categories[i]);
      for (const auto& a : c.categories[i].aliases) visit(a);
      break;
    case ItemKind::certificate:
      names(c.certificates[i]);
      for (const auto& a : c.certificates[i].aliases) visit(a);
      break;
    case ItemKind::skill:
      names(c.skills[i]);
      for (const auto& a : c.skills[i].aliases) visit(a);
      break;
  }
}

constexpr size_t k_kinds = 4;

}  // namespace

/// One normalised word of the catalogue and the item it names.
struct SuggestionWord {
  std::string key;
  int length = 0;  ///< in code points
  size_t item = 0;
};

struct SuggestionIndex {
  std::once_flag built[k_kinds];
  std::vector<SuggestionWord> words[k_kinds];
  /// roles_named_in: the role words of two characters or more, by a hash of their first
  /// code point's bytes, so a title looks only at the words that start like each of its
  /// characters (built once, from words[role]).
  std::once_flag role_starts_built;
  static constexpr size_t k_buckets = 1024;
  std::vector<std::vector<uint32_t>> role_starts;
};

std::shared_ptr<SuggestionIndex> new_suggestion_index() { return std::make_shared<SuggestionIndex>(); }

namespace {

/// The normalised words of kind, built on first use (once per catalogue, thread-safe).
const std::vector<SuggestionWord>& suggestion_words(const Catalog& c, ItemKind kind) {
  auto k = static_cast<size_t>(kind);
  std::call_once(c.suggestions.index->built[k], [&] {
    auto& words = c.suggestions.index->words[k];
    for (size_t i = 0, n = c.item_count(kind); i < n; ++i)
      item_words(c, kind, i, [&](const std::string& w) {
        auto key = normalize_key(w);
        if (!key.empty()) words.push_back({key, code_points(key), i});
      });
  });
  return c.suggestions.index->words[k];
}

}  // namespace

size_t Catalog::item_count(ItemKind kind) const {
  switch (kind) {
    case ItemKind::role:
      return roles.size();
    case ItemKind::category:
      return categories.size();
    case ItemKind::certificate:
      return certificates.size();
    case ItemKind::skill:
      return skills.size();
  }
  return 0;
}

const std::string& Catalog::item_id(ItemKind kind, size_t i) const {
  switch (kind) {
    case ItemKind::role:
      return roles[i].id;
    case ItemKind::category:
      return categories[i].id;
    case ItemKind::certificate:
      return certificates[i].id;
    case ItemKind::skill:
      break;
  }
  return skills[i].id;
}

const Text& Catalog::item_name(ItemKind kind, size_t i) const {
  switch (kind) {
    case ItemKind::role:
      return roles[i].name;
    case ItemKind::category:
      return categories[i].name;
    case ItemKind::certificate:
      return certificates[i].name;
    case ItemKind::skill:
      break;
  }
  return skills[i].name;
}

std::vector<size_t> Catalog::resolve(ItemKind kind, const std::string& text) const {
  const auto& by_id = kind == ItemKind::role          ? role_by_id
                      : kind == ItemKind::category    ? category_by_id
                      : kind == ItemKind::certificate ? certificate_by_id
                                                      : skill_by_id;
  if (auto it = by_id.find(text); it != by_id.end()) return {it->second};
  if (kind == ItemKind::role)  // an imported role's external id: an O*NET-SOC code, an ESCO URI
    if (auto it = role_by_external_id.find(text); it != role_by_external_id.end()) return {it->second};
  auto key = normalize_key(text);
  if (key.empty()) return {};
  if (kind == ItemKind::skill) {
    // Skills are many and already keyed; a key names one skill (validation sees to it).
    auto it = skill_by_key.find(key);
    return it == skill_by_key.end() ? std::vector<size_t>{} : std::vector<size_t>{it->second};
  }
  // The catalogue's words, normalised once (the "did you mean" index): a profile naming
  // thousands of unknown goals costs one pass over ready keys each, not thousands of
  // passes normalising every name again.
  std::vector<size_t> found;
  if (!suggestions.index) {
    for (size_t i = 0, n = item_count(kind); i < n; ++i) {
      bool hit = false;
      item_words(*this, kind, i, [&](const std::string& w) { hit = hit || (!w.empty() && normalize_key(w) == key); });
      if (hit) found.push_back(i);
    }
    return found;
  }
  for (const auto& w : suggestion_words(*this, kind))
    if (w.key == key && (found.empty() || found.back() != w.item)) found.push_back(w.item);
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

std::string Catalog::suggest(ItemKind kind, const std::string& text) const {
  if (!suggestions.index) return {};
  auto k = static_cast<size_t>(kind);
  suggestion_words(*this, kind);
  auto key = normalize_key(text);
  int len = code_points(key);
  if (len == 0) return {};
  // A misspelling keeps most of the word: no edit for three characters or fewer
  // (C语言 is not R语言), one for up to seven, then one more every four.
  int limit = len <= 3 ? 0 : std::min(3, 1 + (len - 4) / 4);
  // Chinese: one changed character makes a short word another word (护理 → 物理); words
  // of four characters or more get one change (机器学系 → 机器学习), never two.
  if (names_han(key)) limit = len <= 3 ? 0 : 1;
  int best_score = 1 << 30;
  std::string best;
  for (const auto& w : suggestions.index->words[k]) {
    int score = 1 << 30;
    if (std::abs(w.length - len) <= limit && limit > 0) {
      int d = edit_distance(key, w.key);
      if (d <= limit) score = d;
    }
    // A word inside another (excel in microsoft excel): long enough not to be chance.
    if (score > limit && std::min(len, w.length) >= 4 &&
        (w.key.find(key) != std::string::npos || key.find(w.key) != std::string::npos))
      score = limit + 1 + std::abs(w.length - len);
    const auto& candidate = item_id(kind, w.item);
    if (score < best_score || (score == best_score && candidate < best)) {
      best_score = score;
      best = candidate;
    }
  }
  return best_score < (1 << 30) ? best : std::string();
}

std::vector<size_t> Catalog::search_skills(const std::string& text) const {
  auto key = normalize_key(text);
  std::vector<size_t> found;
  if (key.empty()) return found;
  for (size_t i = 0; i < skills.size(); ++i) {
    bool hit = false;
    item_words(*this, ItemKind::skill, i, [&](const std::string& w) {
      hit = hit || (!w.empty() && normalize_key(w).find(key) != std::string::npos);
    });
    if (hit) found.push_back(i);
  }
  std::sort(found.begin(), found.end(), [&](size_t a, size_t b) { return skills[a].id < skills[b].id; });
  return found;
}

namespace {

/// The bucket of the code point that starts at `s[i]` (its bytes hashed).
size_t start_bucket(std::string_view s, size_t i, size_t buckets) {
  size_t len = utf8_sequence_length(s, i);
  if (len == 0) len = 1;
  size_t h = 0;
  for (size_t k = i; k < i + len && k < s.size(); ++k) h = h * 131 + static_cast<unsigned char>(s[k]);
  return h % buckets;
}

}  // namespace

std::vector<size_t> roles_named_in(const Catalog& c, std::string_view title) {
  std::vector<size_t> out;
  if (title.empty()) return out;
  auto text = normalize_key(title);
  if (text.empty()) return out;
  auto latin = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'); };
  auto found_in_text = [&](const std::string& key) {
    if (key.empty() || code_points(key) < 2) return false;
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
      size_t end = at + key.size();
      bool whole_start = !latin(key.front()) || at == 0 || !latin(text[at - 1]);
      bool whole_end = !latin(key.back()) || end == text.size() || !latin(text[end]);
      if (whole_start && whole_end) return true;
    }
    return false;
  };
  if (c.suggestions.index) {
    auto& idx = *c.suggestions.index;
    const auto& words = suggestion_words(c, ItemKind::role);
    std::call_once(idx.role_starts_built, [&] {
      idx.role_starts.assign(SuggestionIndex::k_buckets, {});
      for (size_t w = 0; w < words.size(); ++w)
        if (words[w].length >= 2)
          idx.role_starts[start_bucket(words[w].key, 0, SuggestionIndex::k_buckets)].push_back(
              static_cast<uint32_t>(w));
    });
    for (size_t at = 0; at < text.size();) {
      for (uint32_t w : idx.role_starts[start_bucket(text, at, SuggestionIndex::k_buckets)]) {
        const auto& key = words[w].key;
        if (text.compare(at, key.size(), key) != 0) continue;
        size_t end = at + key.size();
        bool whole_start = !latin(key.front()) || at == 0 || !latin(text[at - 1]);
        bool whole_end = !latin(key.back()) || end == text.size() || !latin(text[end]);
        if (whole_start && whole_end) out.push_back(words[w].item);
      }
      size_t len = utf8_sequence_length(text, at);
      at += len == 0 ? 1 : len;
    }
  } else {
    for (size_t i = 0; i < c.roles.size(); ++i) {
      bool hit = false;
      item_words(c, ItemKind::role, i, [&](const std::string& w) { hit = hit || found_in_text(normalize_key(w)); });
      if (hit) out.push_back(i);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace advisor
