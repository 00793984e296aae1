#pragma once
// Internal: tests on eight bytes at a time, for the scans of the JSON fast paths
// (append_json_string's runs of plain text, the one-line reader's strings). Each
// says whether ANY byte of the word has the property, exactly: the classic trick
// (x - 0x01…) & ~x & 0x80… sets a byte's high bit for the lowest zero byte of x and
// can only set others above a zero byte, so it is non-zero exactly when x has a
// zero byte (likewise for "below n", n <= 0x80). Which byte it is, the caller
// finds by looking at them one by one.
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace advisor::bytes {

inline constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
inline constexpr std::uint64_t k_highs = 0x8080808080808080ULL;

/// The eight bytes of `s` from `i` (the caller checks i + 8 <= s.size()).
inline std::uint64_t word_at(std::string_view s, size_t i) {
  std::uint64_t w;
  std::memcpy(&w, s.data() + i, 8);
  return w;
}

/// Some byte is >= 0x80 (part of a multi-byte UTF-8 sequence).
inline bool any_high(std::uint64_t w) { return (w & k_highs) != 0; }

/// Some byte is below n (n <= 0x80).
inline bool any_below(std::uint64_t w, unsigned char n) { return ((w - k_ones * n) & ~w & k_highs) != 0; }

/// Some byte equals c.
inline bool any_equal(std::uint64_t w, unsigned char c) {
  std::uint64_t x = w ^ (k_ones * c);
  return ((x - k_ones) & ~x & k_highs) != 0;
}

/// Whether some byte of the eight in `w` may need more than a plain copy into a
/// JSON string: a control character, '"', '\\' or a byte of a multi-byte UTF-8 sequence.
inline bool word_needs_care(std::uint64_t w) {
  return any_high(w) || any_below(w, 0x20) || any_equal(w, '"') || any_equal(w, '\\');
}

/// Printable ASCII other than '"' and '\\': the bytes a JSON string holds as they are.
inline constexpr auto k_plain = [] {
  std::array<bool, 256> t{};
  for (int b = 0x20; b < 0x80; ++b) t[static_cast<size_t>(b)] = b != '"' && b != '\\';
  return t;
}();

}  // namespace advisor::bytes
