// For measurement only: check_json by nlohmann's SAX parser, built in place of
// json_check.cpp with -DADVISOR_JSON_CHECK=nlohmann (docs/performance.md,
// "`json_check` and the import's writer"). The messages are nlohmann's, at the byte
// where it stops.
#include <fmt/format.h>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "advisor/util/bilingual.hpp"
#include "json_check.hpp"

namespace advisor {

namespace {

/// Accepts every value; counts the nesting, and keeps the first syntax error.
struct CheckSax {
  explicit CheckSax(int max) : max_depth(max) {}
  int max_depth;
  int depth = 0;
  bool too_deep = false;
  size_t error_at = 0;  ///< bytes read when the parser stopped, the failing one included
  std::string error;
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(nlohmann::json::number_integer_t) { return true; }
  bool number_unsigned(nlohmann::json::number_unsigned_t) { return true; }
  bool number_float(nlohmann::json::number_float_t, const std::string&) { return true; }
  bool string(std::string&) { return true; }
  bool binary(nlohmann::json::binary_t&) { return true; }
  bool key(std::string&) { return true; }
  bool start_object(std::size_t) { return open(); }
  bool start_array(std::size_t) { return open(); }
  bool end_object() { return --depth, true; }
  bool end_array() { return --depth, true; }
  bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception& e) {
    error_at = at;
    error = e.what();
    return false;
  }
  bool open() {
    if (depth >= max_depth) return too_deep = true, false;
    return ++depth, true;
  }
};

/// 1-based line and column (in characters, after a byte order mark) of byte `at`.
std::pair<int, int> place(std::string_view s, size_t at) {
  at = std::min(at, s.size());
  int line = 1;
  size_t line_start = s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  for (size_t k = 0; k < at; ++k)
    if (s[k] == '\n') ++line, line_start = k + 1;
  int column = 1;
  for (size_t k = line_start; k < at; ++k)
    if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) ++column;
  return {line, column};
}

/// The bracket that opens level max_depth + 1 of a text nlohmann stopped in.
size_t too_deep_at(std::string_view s, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (depth++ == max_depth) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return s.size();
}

unsigned hex4_at(std::string_view s, size_t at) {
  unsigned v = 0;
  for (size_t k = at; k < at + 4; ++k) {
    char c = s[k];
    v = v * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return v;
}

}  // namespace

std::optional<JsonProblem> check_json(std::string_view text, int max_depth, std::string& yaml) {
  CheckSax sax(max_depth);
  if (!nlohmann::json::sax_parse(text.data(), text.data() + text.size(), &sax)) {
    JsonProblem p;
    if (sax.too_deep) {
      std::tie(p.line, p.column) = place(text, too_deep_at(text, max_depth));
      p.message = util::T(fmt::format("JSON: nesting deeper than {} levels", max_depth),
                          fmt::format("JSON：嵌套超过 {} 层", max_depth));
      return p;
    }
    std::tie(p.line, p.column) = place(text, sax.error_at == 0 ? 0 : sax.error_at - 1);
    auto colon = sax.error.find(": ");  // after "[json.exception.parse_error.101] parse error at line 1, column 2"
    std::string what = colon == std::string::npos ? sax.error : sax.error.substr(colon + 2);
    p.message = util::T("JSON: " + what, "JSON：" + what);
    return p;
  }
  // Valid JSON: a backslash is an escape inside a string; each surrogate pair
  // "\ud83d\ude00" becomes YAML's "\U0001F600".
  size_t from = 0;
  for (size_t i = text.find('\\'); i != std::string_view::npos; i = text.find('\\', i)) {
    if (text[i + 1] != 'u') {
      i += 2;
      continue;
    }
    unsigned hi = hex4_at(text, i + 2);
    if (hi < 0xD800 || hi > 0xDBFF) {
      i += 6;
      continue;
    }
    unsigned cp = 0x10000 + ((hi - 0xD800) << 10) + (hex4_at(text, i + 8) - 0xDC00);
    yaml.append(text, from, i - from);
    yaml += fmt::format("\\U{:08X}", cp);
    i += 12;
    from = i;
  }
  if (from > 0) yaml.append(text, from, std::string_view::npos);
  return std::nullopt;
}

}  // namespace advisor
