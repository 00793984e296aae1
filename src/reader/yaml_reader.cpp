// YamlContext: a document's name, text, limits and diagnostics, and the
// positions and carets of what is reported. The guards before yaml-cpp are in
// yaml_guards.cpp, the node converters in yaml_convert.cpp, the one-line JSON
// reader in plain_json.cpp.
#include "yaml_reader.hpp"

#include <algorithm>

#include "advisor/util/utf8.hpp"

namespace advisor {

namespace {
constexpr size_t k_lines_per_mark = 64;
constexpr size_t k_shown_line_bytes = 300;
}  // namespace

YamlContext::YamlContext(std::string file, std::string_view text, Diagnostics& diags, const Limits& limits)
    : m_file(std::move(file)), m_text(text), m_diags(diags), m_limits(limits) {
  // Both parsers read after a byte order mark, so their columns start after it: the
  // lines shown and counted here do too, or a BOM shifts every column of line 1.
  if (m_text.size() >= 3 && m_text.substr(0, 3) == "\xEF\xBB\xBF") m_text.remove_prefix(3);
}

SourcePos YamlContext::pos(const YAML::Node& node) const {
  SourcePos p{m_file, 0, 0};
  if (node.IsDefined()) {
    auto m = node.Mark();
    if (m.line >= 0) {
      p.line = m.line + 1;
      p.column = m.column + 1;
    }
  }
  return p;
}

std::string YamlContext::line_text(int line) const {
  // Long lines are kept short for display; the caret still points into them.
  return std::string(full_line(line).substr(0, k_shown_line_bytes));
}

std::string_view YamlContext::full_line(int line) const {
  if (line < 1) return {};
  auto n = static_cast<size_t>(line - 1);
  // Marks are made as far as the line asked for, and no further.
  if (m_marks.empty()) m_marks.push_back(0);
  while (m_marks.size() <= n / k_lines_per_mark) {
    size_t at = m_marks.back();
    for (size_t k = 0; k < k_lines_per_mark && at != std::string_view::npos; ++k) {
      at = m_text.find('\n', at);
      if (at != std::string_view::npos) ++at;
    }
    if (at == std::string_view::npos) break;
    m_marks.push_back(at);
  }
  if (n / k_lines_per_mark >= m_marks.size()) return {};
  size_t start = m_marks[n / k_lines_per_mark];
  for (size_t k = n % k_lines_per_mark; k > 0; --k) {
    size_t nl = m_text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  if (start > m_text.size()) return {};
  std::string_view l = m_text.substr(start, std::min(m_text.find('\n', start), m_text.size()) - start);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

void YamlContext::error_at(int line, int column, Text message, Severity sev) {
  Diagnostic d;
  d.file = m_file;
  d.line = line;
  d.column = column;
  d.severity = sev;
  d.message = std::move(message);
  d.source_line = line_text(line);
  if (column > 1) {
    // Editors count characters: a column after CJK text is smaller than its byte offset.
    // Problems on one line come in column order, so the count goes on from the last one
    // (a 900 KB batch line with thousands of unknown skills is read once, not each time).
    if (m_chars_line != line) {
      m_chars_line = line;
      m_chars_text = full_line(line);
      m_chars_byte = 0;
      m_chars = 0;
    }
    auto text = m_chars_text;
    size_t end = std::min(text.size(), static_cast<size_t>(column - 1));
    if (m_chars_byte > end) {
      m_chars_byte = 0;
      m_chars = 0;
    }
    while (m_chars_byte < end) {
      auto cp = util::next_code_point(text, m_chars_byte);
      m_chars_byte += std::max<size_t>(cp.length, 1);
      ++m_chars;
    }
    auto past = static_cast<size_t>(column - 1) > text.size() ? static_cast<size_t>(column - 1) - text.size() : 0;
    d.char_column = m_chars + 1 + static_cast<int>(past);
  }
  m_diags.add(std::move(d));
}

void YamlContext::error(const YAML::Node& node, Text message) {
  auto p = pos(node);
  error_at(p.line, p.column, std::move(message));
}

void YamlContext::warning(const YAML::Node& node, Text message) {
  auto p = pos(node);
  error_at(p.line, p.column, std::move(message), Severity::warning);
}

void YamlContext::error(const JsonNode& node, Text message) {
  auto p = pos(node);
  error_at(p.line, p.column, std::move(message));
}

void YamlContext::warning(const JsonNode& node, Text message) {
  auto p = pos(node);
  error_at(p.line, p.column, std::move(message), Severity::warning);
}

}  // namespace advisor
