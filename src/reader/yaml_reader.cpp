// YamlContext: a document's name, text, limits and diagnostics, and the
// positions and carets of what is reported. The guards before yaml-cpp are in
// yaml_guards.cpp, the node converters in yaml_convert.cpp, the one-line JSON
// reader in plain_json.cpp.
#include "yaml_reader.hpp"

#include <algorithm>

namespace advisor {

namespace {
constexpr size_t k_lines_per_mark = 64;
constexpr size_t k_shown_line_bytes = 300;
}  // namespace

YamlContext::YamlContext(std::string file, std::string_view text, Diagnostics& diags, const Limits& limits)
    : m_file(std::move(file)), m_text(text), m_diags(diags), m_limits(limits) {}

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
  // Long lines are kept short for display; the caret still points into them.
  return std::string(l.substr(0, k_shown_line_bytes));
}

void YamlContext::error_at(int line, int column, Text message, Severity sev) {
  Diagnostic d;
  d.file = m_file;
  d.line = line;
  d.column = column;
  d.severity = sev;
  d.message = std::move(message);
  d.source_line = line_text(line);
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
