#include "advisor/json_writer.hpp"

#include "advisor/byte_scan.hpp"
#include "advisor/text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace advisor {

namespace {

using bytes::k_plain;
using bytes::word_needs_care;

size_t next_special_bytewise(std::string_view s, size_t i) {
  while (i < s.size() && k_plain[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

/// The first position from `i` on whose byte is not plain printable ASCII (or
/// s.size()): eight bytes a step while none of them needs a look, the last step
/// overlapping the one before so no byte is left to check on its own.
size_t next_special(std::string_view s, size_t i) {
  const size_t n = s.size();
  if (n - i < 8) return next_special_bytewise(s, i);
  for (; i + 8 <= n; i += 8)
    if (word_needs_care(bytes::word_at(s, i))) return next_special_bytewise(s, i);
  if (i == n || !word_needs_care(bytes::word_at(s, n - 8))) return n;
  return next_special_bytewise(s, i);
}

/// The escape of an ASCII byte that cannot stand in a JSON string as it is.
void append_escape(std::string& out, unsigned char b) {
  switch (b) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\r':
      out += "\\r";
      break;
    default: {
      static const char hex[] = "0123456789abcdef";
      char esc[6] = {'\\', 'u', '0', '0', hex[b >> 4], hex[b & 15]};
      out.append(esc, 6);
    }
  }
}

}  // namespace

void escape_line_separators(std::string& json, size_t from) {
  // In UTF-8 text 0xE2 only ever starts a character, so E2 80 A8 is U+2028 wherever
  // it is; in JSON text it can only be inside a string, where \u2028 means the same.
  size_t at = json.find('\xe2', from);
  auto separator = [&json](size_t i) {
    return i + 2 < json.size() && json[i + 1] == '\x80' && (json[i + 2] == '\xa8' || json[i + 2] == '\xa9');
  };
  while (at != std::string::npos && !separator(at)) at = json.find('\xe2', at + 1);
  if (at == std::string::npos) return;
  std::string done;
  done.reserve(json.size() + 16);
  done.append(json, 0, at);
  for (size_t i = at; i < json.size();) {
    if (json[i] == '\xe2' && separator(i)) {
      done += json[i + 2] == '\xa8' ? "\\u2028" : "\\u2029";
      i += 3;
    } else {
      done += json[i++];
    }
  }
  json = std::move(done);
}

void append_json_string(std::string& out, std::string_view s) {
  const size_t mark = out.size();
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  // Runs of plain ASCII (ids, keys, dates: nearly everything) are found eight bytes
  // at a time and copied whole; only the bytes between them are looked at one by one.
  for (size_t i = next_special(s, 0); i < s.size(); i = next_special(s, i)) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80) {
      size_t n = utf8_sequence_length(s, i);
      if (n == 0) {
        // Invalid UTF-8: rare (inputs are checked on the way in), and nlohmann's
        // replacement rules are subtle, so let it write this string.
        out.resize(mark);
        out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        escape_line_separators(out, mark);
        return;
      }
      if (n == 3 && b == 0xE2 && s[i + 1] == '\x80' && (s[i + 2] == '\xa8' || s[i + 2] == '\xa9')) {
        out.append(s.data() + run, i - run);  // U+2028, U+2029: JavaScript's line ends
        out += s[i + 2] == '\xa8' ? "\\u2028" : "\\u2029";
        run = i += n;
        continue;
      }
      i += n;
      continue;
    }
    out.append(s.data() + run, i - run);
    append_escape(out, b);
    run = ++i;
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void JsonWriter::newline_indent(size_t depth) {
  m_out += '\n';
  m_out.append(depth * static_cast<size_t>(m_indent), ' ');
}

void JsonWriter::next_element() {
  bool first = m_stack.back() != 0;
  m_stack.back() = 0;
  if (!first) m_out += ',';
  if (!compact()) newline_indent(m_stack.size());
}

void JsonWriter::before_value() {
  m_wrote = true;
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (!m_stack.empty()) next_element();
}

JsonWriter& JsonWriter::key(std::string_view k) {
  next_element();
  append_json_string(m_out, k);
  m_out += ':';
  if (!compact()) m_out += ' ';
  m_after_key = true;
  return *this;
}

void JsonWriter::open(char c) {
  before_value();
  m_out += c;
  m_stack.push_back(1);
}

void JsonWriter::close(char c) {
  bool empty = m_stack.back() != 0;
  m_stack.pop_back();
  if (!empty && !compact()) newline_indent(m_stack.size());
  m_out += c;
}

JsonWriter& JsonWriter::begin_object() {
  open('{');
  return *this;
}
JsonWriter& JsonWriter::end_object() {
  close('}');
  return *this;
}
JsonWriter& JsonWriter::begin_array() {
  open('[');
  return *this;
}
JsonWriter& JsonWriter::end_array() {
  close(']');
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  append_json_string(m_out, s);
  return *this;
}

namespace {

// nlohmann lays out a number's digits (d1…dk, the point after n of them) as
// "d1…dk000.0" for 15 or fewer integer digits, "d1.d2…" in between, "0.000d1…" down
// to 1e-4, and "d1.d2…e±XX" (two exponent digits at least) otherwise.
void append_nlohmann_layout(std::string& out, bool negative, std::string_view digits, int n) {
  if (negative) out += '-';
  auto k = static_cast<int>(digits.size());
  if (k <= n && n <= 15) {
    out.append(digits).append(static_cast<size_t>(n - k), '0').append(".0");
  } else if (0 < n && n <= 15) {
    out.append(digits.substr(0, static_cast<size_t>(n))).append(".").append(digits.substr(static_cast<size_t>(n)));
  } else if (-4 < n && n <= 0) {
    out.append("0.").append(static_cast<size_t>(-n), '0').append(digits);
  } else {
    out += digits[0];
    if (k > 1) out.append(".").append(digits.substr(1));
    int e = n - 1;
    out += e < 0 ? "e-" : "e+";
    e = e < 0 ? -e : e;
    if (e < 10) out += '0';
    out += std::to_string(e);
  }
}

}  // namespace

std::string_view json_score_text(double d, char (&buf)[6]) {
  auto n = static_cast<int>(std::lround(d * 10000));
  buf[0] = '0';
  buf[1] = '.';
  buf[2] = static_cast<char>('0' + n / 1000);
  buf[3] = static_cast<char>('0' + n / 100 % 10);
  buf[4] = static_cast<char>('0' + n / 10 % 10);
  buf[5] = static_cast<char>('0' + n % 10);
  size_t len = 6;
  while (buf[len - 1] == '0') --len;  // n > 0: some digit is not 0
  return {buf, len};
}

void append_json_number(std::string& out, double d) {
  // Multiples of 1e-4 below 1000 in size (every score and weight advisor writes:
  // they are rounded so) take std::to_chars' shortest round-trip digits, which are
  // the digits nlohmann's Grisu2 picks for all of them (checked exhaustively over
  // that range; json_writer tests check a sample). Grisu2 is not always shortest
  // elsewhere (845.65231 dumps as 845.6523100000001), so any other number asks
  // nlohmann itself, through its public dump().
  if (!(std::fabs(d) < 1000 && std::round(d * 10000) / 10000 == d)) {
    out += nlohmann::json(d).dump();
    return;
  }
  if (d == 0) {
    out += std::signbit(d) ? "-0.0" : "0.0";
    return;
  }
  if (d > 0 && d < 1) {  // a score
    char buf[6];
    out += json_score_text(d, buf);
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(d), std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(r.ptr - buf));  // d[.ddd]e±XX
  auto e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e))
    if (c != '.') digits += c;
  int exp10 = 0;
  std::from_chars(sci.data() + e + (sci[e + 1] == '+' ? 2 : 1), sci.data() + sci.size(), exp10);
  append_nlohmann_layout(out, d < 0, digits, exp10 + 1);
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  m_out += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  before_value();
  if (!std::isfinite(d)) {
    m_out += "null";
    return *this;
  }
  append_json_number(m_out, d);
  return *this;
}

template <typename Int>
JsonWriter& JsonWriter::integer(Int v) {
  before_value();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  m_out.append(buf, static_cast<size_t>(r.ptr - buf));
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t v) { return integer(v); }
JsonWriter& JsonWriter::value(std::uint64_t v) { return integer(v); }

JsonWriter& JsonWriter::null() {
  before_value();
  m_out += "null";
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  m_out += json;
  return *this;
}

std::string& JsonWriter::raw_value() {
  before_value();
  return m_out;
}

JsonWriter& JsonWriter::raw_object_start(std::string_view json) {
  before_value();
  m_out += json;
  m_stack.push_back(0);
  return *this;
}

}  // namespace advisor
