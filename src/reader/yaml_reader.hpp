#pragma once
// Internal to the loaders: the only header that includes yaml-cpp. Converts YAML
// nodes into plain values, reporting every problem as a bilingual diagnostic.
#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "advisor/date.hpp"
#include "advisor/diagnostics.hpp"
#include "advisor/limits.hpp"
#include "advisor/model.hpp"
#include "json_doc.hpp"

namespace advisor {

/// A document being read: its name, its text (for carets: it must outlive the
/// context), the limits it is read under and where problems go.
class YamlContext {
 public:
  YamlContext(std::string file, std::string_view text, Diagnostics& diags, const Limits& limits = Limits{});

  const std::string& file() const { return m_file; }
  Diagnostics& diags() { return m_diags; }
  const Limits& limits() const { return m_limits; }

  SourcePos pos(const YAML::Node& node) const;
  SourcePos pos(const JsonNode& node) const { return node.pos(m_file); }
  void error(const YAML::Node& node, Text message);
  void error(const JsonNode& node, Text message);
  void warning(const YAML::Node& node, Text message);
  void warning(const JsonNode& node, Text message);
  void error_at(int line, int column, Text message, Severity sev = Severity::error);
  std::string line_text(int line) const;
  /// The whole of line `line` (1-based), without its line end; empty when there is none.
  std::string_view full_line(int line) const;

  /// Parses text into a document, after the checks yaml-cpp does not make (size,
  /// UTF-8, nesting depth, node count, duplicate keys). Empty on a fatal problem.
  static std::optional<YAML::Node> parse(YamlContext& ctx, std::string_view text);

 private:
  std::string m_file;
  std::string_view m_text;
  /// Where lines 1, 1 + k_lines_per_mark, … start; made on the first line_text().
  /// Offsets of every 64th line, not copies of every line: 64 MiB of newlines costs
  /// a megabyte, not gigabytes.
  mutable std::vector<size_t> m_marks;
  /// error_at's character count so far: on line m_chars_line, m_chars characters end at
  /// byte m_chars_byte.
  int m_chars_line = 0;
  std::string_view m_chars_text;
  size_t m_chars_byte = 0;
  int m_chars = 0;
  Diagnostics& m_diags;
  Limits m_limits;
};

/// The converters below take either a yaml-cpp node or a JsonNode (the one-line
/// JSON reader's tree): one set of rules for both, in yaml_convert.cpp.

/// Checks node is a mapping whose keys are all in `allowed`; reports unknown keys
/// with a "did you mean". `what` names the thing for the message ("role", "profile").
bool check_map(YamlContext& ctx, const YAML::Node& node, std::initializer_list<std::string_view> allowed,
               std::string_view what);
bool check_map(YamlContext& ctx, const JsonNode& node, std::initializer_list<std::string_view> allowed,
               std::string_view what);

std::optional<std::string> get_string(YamlContext& ctx, const YAML::Node& node, std::string_view what);
std::optional<std::string> get_string(YamlContext& ctx, const JsonNode& node, std::string_view what);
std::optional<Text> get_text(YamlContext& ctx, const YAML::Node& node, std::string_view what);
std::optional<double> get_number(YamlContext& ctx, const YAML::Node& node, std::string_view what, double min,
                                 double max);
std::optional<double> get_number(YamlContext& ctx, const JsonNode& node, std::string_view what, double min, double max);
std::optional<int> get_int(YamlContext& ctx, const YAML::Node& node, std::string_view what, int min, int max);
std::optional<int> get_int(YamlContext& ctx, const JsonNode& node, std::string_view what, int min, int max);
std::optional<bool> get_bool(YamlContext& ctx, const YAML::Node& node, std::string_view what);
std::optional<Date> get_date(YamlContext& ctx, const YAML::Node& node, std::string_view what);
std::optional<Date> get_date(YamlContext& ctx, const JsonNode& node, std::string_view what);
/// A sequence of strings; a single string is accepted as a one-item list.
std::vector<std::string> get_string_list(YamlContext& ctx, const YAML::Node& node, std::string_view what);
std::vector<std::string> get_string_list(YamlContext& ctx, const JsonNode& node, std::string_view what);
/// One string or a list: `source: x` or `sources: [x, y]`.
std::vector<std::string> get_sources(YamlContext& ctx, const YAML::Node& map);

bool is_null(const YAML::Node& node);
inline bool is_null(const JsonNode& node) { return !node.IsDefined() || node.IsNull(); }

/// The fast way in for a document that is one line of plain JSON (what `advisor
/// batch` reads): builds the node yaml-cpp would build for it — same kinds, same
/// scalars, same tags ("!" quoted, "?" plain), nulls as nulls — without the YAML
/// machinery. Returns nothing as soon as the text leaves the plain subset (a
/// backslash escape, a tab, a newline, a control or non-printable character,
/// invalid UTF-8, nesting past 16 levels, anything after the value); the caller then
/// takes YamlContext::parse, which also gives every error its position. The nodes
/// carry no marks, so a caller that finds a problem must read the text again
/// through YamlContext::parse to report it.
std::optional<YAML::Node> parse_plain_json(std::string_view text, size_t max_nodes = Limits{}.max_nodes);

/// A JSON text (first non-blank '{', after a BOM) with each CR outside strings made a
/// blank, as JSON counts it and YAML does not: what both readers are given. Empty when
/// there is nothing to change.
std::string json_crs_as_blanks(std::string_view text);

/// Whether two nodes are the same document: kinds, scalars, tags (null's aside) and
/// order all the way down. The check the tests and fuzzers make of parse_plain_json;
/// `why` says what differed.
bool same_node(const YAML::Node& a, const YAML::Node& b, std::string& why);

/// The fast path's promise, for the tests and fuzzers: when parse_plain_json takes
/// `text`, YamlContext::parse takes it too, reports nothing, and builds the same node.
/// Returns what broke it, or nothing.
std::optional<std::string> plain_json_disagrees(std::string_view text);

}  // namespace advisor
