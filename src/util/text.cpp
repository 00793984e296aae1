#include "advisor/text.hpp"

#include <utf8proc.h>
#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "advisor/byte_scan.hpp"

namespace advisor {

namespace {

std::vector<utf8proc_int32_t> decode(std::string_view s) {
  std::vector<utf8proc_int32_t> out;
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      cp = 0xFFFD;
      n = 1;
    }
    out.push_back(cp);
    p += n;
    left -= n;
  }
  return out;
}

void encode(utf8proc_int32_t cp, std::string& out) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<char*>(buf), static_cast<size_t>(n));
}

}  // namespace

size_t utf8_sequence_length(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  auto cont = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) { return at(k) >= lo && at(k) <= hi; };
  unsigned b0 = at(i);
  if (i >= s.size()) return 0;
  if (b0 < 0x80) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (b0 == 0xE0) return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0;
  if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) return cont(i + 1) && cont(i + 2) ? 3 : 0;
  if (b0 == 0xED) return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;
  if (b0 == 0xF0) return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b0 >= 0xF1 && b0 <= 0xF3) return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b0 == 0xF4) return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  return 0;
}

bool is_valid_utf8(std::string_view s) {
  for (size_t i = 0, n = 0; i < s.size(); i += n)
    if ((n = utf8_sequence_length(s, i)) == 0) return false;
  return true;
}

namespace {

/// Collapses runs of white space, hyphens and underscores to one space (none at the
/// ends) so "Power BI", "power-bi" and "power_bi" meet; with `lower`, also lowers
/// ASCII letters. One pass into a buffer sized once (it runs for every name and
/// alias of the catalogue when a process starts).
/// Writes into `key`, whose room is kept from call to call by a caller that reuses it.
void collapse_separators_into(std::string_view folded, bool lower, std::string& key) {
  key.resize(folded.size());
  char* out = key.data();
  char* const start = out;
  bool gap = false;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '-' || c == '_') {
      gap = out != start;
      continue;
    }
    if (gap) *out++ = ' ';
    gap = false;
    *out++ = lower && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  key.resize(static_cast<size_t>(out - start));
}

std::string collapse_separators(std::string_view folded, bool lower = false) {
  std::string key;
  collapse_separators_into(folded, lower, key);
  return key;
}

/// True when every character is ASCII or a CJK unified ideograph (U+4E00..U+9FFF):
/// NFKC, lumping and ignoring change none of them, and case folding only lowers
/// ASCII letters. Ids, English names and most Chinese names are written so.
bool plain_key_text(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    // ASCII eight bytes at a time (every skill of every profile comes through here).
    if (i + 8 <= text.size() && !bytes::any_high(bytes::word_at(text, i))) {
      i += 8;
      continue;
    }
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    // U+4E00..U+9FFF is E4 B8 80 .. E9 BF BF.
    if (b < 0xE4 || b > 0xE9 || i + 2 >= text.size()) return false;
    auto b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || (b == 0xE4 && b1 < 0xB8)) return false;
    i += 3;
  }
  return true;
}

}  // namespace

std::string normalize_key(std::string_view text) {
  // The common case skips utf8proc; the unit tests check that this gives what
  // utf8proc gives for every ASCII character and every ideograph of the range.
  if (plain_key_text(text)) return collapse_separators(text, true);
  if (!is_valid_utf8(text)) return {};
  utf8proc_uint8_t* out = nullptr;
  // NFKC maps full-width forms to ASCII; CASEFOLD folds case; STRIPMARK is not used
  // so that accents still distinguish words.
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                UTF8PROC_CASEFOLD | UTF8PROC_IGNORE | UTF8PROC_LUMP);
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                        static_cast<utf8proc_ssize_t>(text.size()), &out, options);
  if (n < 0) return {};
  std::string folded(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  free(out);
  return collapse_separators(folded);
}

void normalize_key_into(std::string_view text, std::string& key) {
  if (plain_key_text(text))
    collapse_separators_into(text, true, key);
  else
    key = normalize_key(text);
}

int display_width(std::string_view text) {
  int w = 0;
  for (auto cp : decode(text)) {
    int cw = utf8proc_charwidth(cp);
    w += cw < 0 ? 0 : cw;
  }
  return w;
}

std::string pad_right(std::string_view text, int width) {
  std::string s(text);
  int w = display_width(text);
  if (w < width) s.append(static_cast<size_t>(width - w), ' ');
  return s;
}

std::vector<std::string> wrap_text(std::string_view text, int width) {
  std::vector<std::string> lines;
  if (width < 8) width = 8;
  auto cps = decode(text);
  std::string line;
  int line_w = 0;
  std::string word;
  int word_w = 0;
  auto flush_word = [&] {
    if (word.empty()) return;
    if (line_w > 0 && line_w + word_w > width) {
      while (!line.empty() && line.back() == ' ') line.pop_back();
      lines.push_back(line);
      line.clear();
      line_w = 0;
    }
    line += word;
    line_w += word_w;
    word.clear();
    word_w = 0;
  };
  for (auto cp : cps) {
    int cw = std::max(0, utf8proc_charwidth(cp));
    if (cp == '\n') {
      flush_word();
      lines.push_back(line);
      line.clear();
      line_w = 0;
      continue;
    }
    if (cp == ' ') {
      flush_word();
      if (line_w > 0 && line_w < width) {
        line.push_back(' ');
        line_w += 1;
      }
      continue;
    }
    if (cw == 2) {  // a wide character is a word of its own: lines may break around it
      flush_word();
      encode(cp, word);
      word_w = cw;
      flush_word();
      continue;
    }
    if (word_w + cw > width) flush_word();
    encode(cp, word);
    word_w += cw;
  }
  flush_word();
  while (!line.empty() && line.back() == ' ') line.pop_back();
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

std::string lower_first(std::string_view text) {
  std::string s(text);
  if (s.size() >= 2 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

namespace {

using CodePoints = std::vector<utf8proc_int32_t>;

// Optimal string alignment: an adjacent transposition ("pytroch") is one edit.
int edit_distance(const CodePoints& x, const CodePoints& y) {
  size_t n = y.size();
  std::vector<int> prev2(n + 1), prev(n + 1), cur(n + 1);
  for (size_t j = 0; j <= n; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= n; ++j) {
      int sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[n];
}

// The normalised code points of a candidate. Normalising is the costly part of a
// "did you mean", and the same candidates (a catalogue's ids and names) come back
// for every unknown word of a file: a profile of thousands of unknown skills must
// not normalise the catalogue thousands of times. Per thread (batch --jobs).
const CodePoints& candidate_key(const std::string& candidate) {
  thread_local std::unordered_map<std::string, CodePoints> cache;
  if (cache.size() > 200'000) cache.clear();  // bounded, whatever the catalogues
  auto it = cache.find(candidate);
  if (it == cache.end()) it = cache.emplace(candidate, decode(normalize_key(candidate))).first;
  return it->second;
}

}  // namespace

int edit_distance(std::string_view a, std::string_view b) { return edit_distance(decode(a), decode(b)); }

namespace {

bool has_han(const CodePoints& cps) {
  return std::any_of(cps.begin(), cps.end(), [](utf8proc_int32_t c) {
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
  });
}

int guess_limit(const CodePoints& key) {
  int len = static_cast<int>(key.size());
  // A Chinese character is a word of its own: in a short word one changed character is
  // another word (护理 nursing → 物理 physics, 初中 → 高中, 大学 → 大专), so words of
  // three characters or fewer get no guess, and longer ones one change (机器学系 → 机器学习,
  // never 物流管理 → 企业管理).
  if (has_han(key)) return len <= 3 ? 0 : 1;
  return std::max(1, std::min(3, len / 3 + 1));
}

}  // namespace

bool names_han(std::string_view key) { return has_han(decode(key)); }

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  auto key = decode(normalize_key(word));
  int len = static_cast<int>(key.size());
  int limit = guess_limit(key);
  if (limit == 0) return {};
  std::string best;
  int best_d = 1 << 30;
  for (const auto& c : candidates) {
    const auto& ck = candidate_key(c);
    // The distance is at least the difference in length: past the limit, no need
    // to compute it, as only a distance within the limit is ever suggested.
    if (std::abs(static_cast<int>(ck.size()) - len) > limit) continue;
    int d = edit_distance(key, ck);
    if (d < best_d || (d == best_d && c < best)) {
      best_d = d;
      best = c;
    }
  }
  // At least half the word must survive: two of three Chinese characters changed
  // (考古学 → 传播学) is another word, not a misspelling.
  return best_d <= limit && 2 * best_d <= len ? best : std::string();
}

namespace {

void append_hex(std::string& out, const char* prefix, unsigned v, int digits) {
  static const char hex[] = "0123456789abcdef";
  out += prefix;
  for (int k = digits - 1; k >= 0; --k) out += hex[(v >> (4 * k)) & 15];
}

// One control character (or a byte that starts no UTF-8 sequence), escaped.
void escape_one(std::string& out, unsigned cp, bool invalid_byte, EscapeStyle style) {
  const char* x = style == EscapeStyle::dot ? "\\\\x" : "\\x";
  const char* u = style == EscapeStyle::dot ? "\\\\u" : "\\u";
  if (invalid_byte || cp < 0x7F)
    append_hex(out, x, cp, 2);
  else
    append_hex(out, u, cp, 4);
}

void escape_plain(std::string& out, char c, EscapeStyle style) {
  if (style == EscapeStyle::dot) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') return void(out += "\\n");
  } else if (style == EscapeStyle::html) {
    // The five characters that could end a text or an attribute value, or start markup.
    switch (c) {
      case '&':
        out += "&amp;";
        return;
      case '<':
        out += "&lt;";
        return;
      case '>':
        out += "&gt;";
        return;
      case '"':
        out += "&quot;";
        return;
      case '\'':
        out += "&#39;";
        return;
      default:
        break;
    }
  } else if (style == EscapeStyle::mermaid) {
    switch (c) {
      case '#':
        out += "#35;";
        return;
      case '&':
        out += "#amp;";
        return;
      case '"':
        out += "#quot;";
        return;
      case '<':
        out += "#lt;";
        return;
      case '>':
        out += "#gt;";
        return;
      case '`':
        out += "#96;";
        return;
      case '\n':
        out += "<br/>";
        return;
      default:
        break;
    }
  }
  out += c;
}

// The code point of the three-byte sequence at s[i] when it is a format control that
// can reorder or hide text on a terminal (docs/limits.md, "Terminal injection"):
// U+200B..U+200F (zero width, LRM, RLM), U+2028/U+2029 (line and paragraph
// separators), U+202A..U+202E (bidi embeddings and overrides), U+2066..U+2069 (bidi
// isolates) and U+FEFF (zero-width no-break space); 0 otherwise. The caller has
// checked that a well-formed sequence of n bytes starts there.
unsigned format_control(std::string_view s, size_t i, size_t n) {
  if (n != 3) return 0;
  auto b0 = static_cast<unsigned char>(s[i]);
  auto b1 = static_cast<unsigned char>(s[i + 1]);
  auto b2 = static_cast<unsigned char>(s[i + 2]);
  unsigned cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
  bool hit = (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
             cp == 0xFEFF;
  return hit ? cp : 0;
}

bool keeps(char c, EscapeStyle style) {
  if (c == '\t') return style == EscapeStyle::terminal || style == EscapeStyle::html;  // white space in HTML
  if (c == '\n') return style != EscapeStyle::line;
  return static_cast<unsigned char>(c) >= 0x20 && c != 0x7F;
}

}  // namespace

std::string escape_controls(std::string_view s, EscapeStyle style) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (keeps(s[i], style))
        escape_plain(out, s[i], style);
      else
        escape_one(out, b, false, style);
      ++i;
      continue;
    }
    size_t n = utf8_sequence_length(s, i);
    if (n == 0) {
      escape_one(out, b, true, style);
      ++i;
      continue;
    }
    auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b == 0xC2 && b1 < 0xA0)
      escape_one(out, b1, false, style);  // C1: U+0080..U+009F
    else if (unsigned cp = format_control(s, i, n))
      escape_one(out, cp, false, style);  // bidi, zero-width, separators: \u202e
    else
      out.append(s.data() + i, n);
    i += n;
  }
  return out;
}

bool has_controls(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (!keeps(s[i], EscapeStyle::terminal)) return true;
      ++i;
      continue;
    }
    size_t n = utf8_sequence_length(s, i);
    if (n == 0 || (b == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) || format_control(s, i, n) != 0)
      return true;
    i += n;
  }
  return false;
}

}  // namespace advisor
