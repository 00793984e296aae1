#include "advisor/util/utf8.hpp"

#include <utf8proc.h>
#include <cstdlib>

#include "advisor/text.hpp"

namespace advisor::util {

CodePoint next_code_point(std::string_view text, size_t i) {
  size_t n = utf8_sequence_length(text, i);
  if (n == 0) return CodePoint{0xFFFD, 0};
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  if (n == 1) return CodePoint{byte(0), 1};
  char32_t cp = byte(0) & (0xFFu >> (n + 1));
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (byte(k) & 0x3Fu);
  return CodePoint{cp, n};
}

std::string nfkc(std::string_view text) {
  if (!is_valid_utf8(text)) return std::string(text);
  utf8proc_uint8_t* out = nullptr;
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                        static_cast<utf8proc_ssize_t>(text.size()), &out, options);
  if (n < 0) return std::string(text);
  std::string s(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return s;
}

}  // namespace advisor::util
