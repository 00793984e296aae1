#include "advisor/json_writer.hpp"

#include "advisor/text.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace advisor {

void append_json_string(std::string& out, std::string_view s) {
  const size_t mark = out.size();
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  auto flush = [&](size_t i) {
    out.append(s.data() + run, i - run);
  };
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b != '"' && b != '\\' && b < 0x80) {
      ++i;
      continue;
    }
    if (b >= 0x80) {
      size_t n = utf8_sequence_length(s, i);
      if (n == 0) {
        // Invalid UTF-8: rare (inputs are checked on the way in), and nlohmann's
        // replacement rules are subtle, so let it write this string.
        out.resize(mark);
        out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      i += n;
      continue;
    }
    flush(i);
    switch (b) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\b': out += "\\b"; break;
    case '\t': out += "\\t"; break;
    case '\n': out += "\\n"; break;
    case '\f': out += "\\f"; break;
    case '\r': out += "\\r"; break;
    default: {
      static const char hex[] = "0123456789abcdef";
      char esc[6] = {'\\', 'u', '0', '0', hex[b >> 4], hex[b & 15]};
      out.append(esc, 6);
    }
    }
    run = ++i;
  }
  flush(s.size());
  out += '"';
}

void JsonWriter::newline_indent(size_t depth) {
  m_out += '\n';
  m_out.append(depth * static_cast<size_t>(m_indent), ' ');
}

void JsonWriter::next_element() {
  bool first = m_stack.back();
  m_stack.back() = false;
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
  m_out += compact() ? ":" : ": ";
  m_after_key = true;
  return *this;
}

void JsonWriter::open(char c) {
  before_value();
  m_out += c;
  m_stack.push_back(true);
}

void JsonWriter::close(char c) {
  bool empty = m_stack.back();
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
  // nlohmann's own shortest round-trip formatter (Grisu2, "1.0" for integers), so
  // the digits are the ones its dump() writes.
  char buf[64];
  char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, d);
  m_out.append(buf, static_cast<size_t>(end - buf));
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

JsonWriter& JsonWriter::raw_object_start(std::string_view json) {
  before_value();
  m_out += json;
  m_stack.push_back(false);
  return *this;
}

} // namespace advisor
