#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace advisor::util {

/// One character of UTF-8 text: its code point and how many bytes encode it.
struct CodePoint {
  char32_t value = 0;
  size_t length = 0;  ///< 0: no well-formed sequence starts here (value is U+FFFD)
};

/// The character starting at text[i]: the one UTF-8 walker. Well-formed means
/// Unicode table 3-7 (utf8_sequence_length): no overlong forms, no surrogates.
/// Walk with `i += std::max<size_t>(cp.length, 1)` to step over a bad byte.
CodePoint next_code_point(std::string_view text, size_t i);

/// NFKC, nothing else: full-width forms typed on a Chinese keyboard ("２０２４－０７",
/// "，") become ASCII; case and spacing are kept (normalize_key also folds those).
/// Invalid UTF-8 is returned unchanged.
std::string nfkc(std::string_view text);

}  // namespace advisor::util
