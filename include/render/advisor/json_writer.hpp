#pragma once
// A streaming JSON writer: appends a document to a string as it is described, with
// no tree in between. It writes the same bytes as nlohmann::json's
// dump(indent, ' ', false, error_handler_t::replace) of the same document — compact
// (indent < 0) or pretty — with escape_line_separators applied (U+2028 and U+2029
// as \u2028 and \u2029), which the unit tests check against nlohmann itself, so
// `advisor batch` (compact, one line per profile) and `recommend --json` (pretty)
// keep their published bytes while skipping the tree (docs/performance.md).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace advisor {

class JsonWriter {
 public:
  /// Appends to `out`; indent < 0 writes one line, otherwise `indent` spaces a level.
  explicit JsonWriter(std::string& out, int indent = -1) : m_out(out), m_indent(indent) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// The next member's key, inside an object; its value follows.
  JsonWriter& key(std::string_view k);

  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b);
  JsonWriter& value(double d);
  JsonWriter& value(int v) { return value(static_cast<std::int64_t>(v)); }
  JsonWriter& value(std::int64_t v);
  JsonWriter& value(std::uint64_t v);
  JsonWriter& null();
  /// A value already written by a compact JsonWriter (a cached fragment). Only in
  /// compact mode: pretty output must lay the value out itself.
  JsonWriter& raw(std::string_view json);

  /// The output string, for a caller that appends one complete compact value to it
  /// itself (a hot loop writing constant keys with no escaping to check): the
  /// separator before the value is written first. Only in compact mode.
  std::string& raw_value();

  /// The start of an object already written compact with at least one member
  /// ('{"a":1', no closing brace): more members may follow, then end_object().
  JsonWriter& raw_object_start(std::string_view json);

  bool compact() const { return m_indent < 0; }
  /// True once the document written so far is complete (every container closed).
  bool done() const { return m_stack.empty() && m_wrote; }

 private:
  void before_value();
  void next_element();  ///< the separator and indent before an element or member
  template <typename Int>
  JsonWriter& integer(Int v);
  void open(char c);
  void close(char c);
  void newline_indent(size_t depth);

  std::string& m_out;
  int m_indent;
  std::vector<unsigned char> m_stack;  ///< per open container: no element written yet (1) or some (0)
  bool m_after_key = false;
  bool m_wrote = false;
};

/// Appends `s` as a JSON string literal (quotes included) the way nlohmann's
/// serializer does without ensure_ascii: '"', '\\' and control characters escaped,
/// invalid UTF-8 replaced by U+FFFD; and U+2028 and U+2029 written as \u2028 and
/// \u2029, as escape_line_separators does to nlohmann's output.
void append_json_string(std::string& out, std::string_view s);

/// Rewrites every raw U+2028 (LINE SEPARATOR) and U+2029 (PARAGRAPH SEPARATOR) in the
/// UTF-8 JSON text from `from` on as \u2028 and \u2029, leaving every other byte as
/// it is. Raw, they end a line for JavaScript before ES2019 and for line splitters
/// such as Python's str.splitlines() and Spark, so a JSON Lines record would break in
/// two; no JSON advisor writes holds them (docs/json.md). Every nlohmann dump that
/// reaches output goes through this; JsonWriter escapes them as it writes.
void escape_line_separators(std::string& json, size_t from = 0);

/// Appends a finite number the way nlohmann's dump() writes it ("1.0", "0.25",
/// "1e-05"), byte for byte.
void append_json_number(std::string& out, double d);

/// A multiple of 1e-4 strictly between 0 and 1 (a score) as append_json_number writes
/// it: "0." and up to four digits, no trailing zero, in `buf`.
std::string_view json_score_text(double d, char (&buf)[6]);

}  // namespace advisor
