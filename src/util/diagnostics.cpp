#include "advisor/diagnostics.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace advisor {

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  return static_cast<size_t>(
      std::count_if(items.begin(), items.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

size_t Diagnostics::warning_count() const { return items.size() - error_count(); }

void Diagnostics::sort() {
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  });
}

std::string format_diagnostic(const Diagnostic& d, Lang lang) {
  std::string where = d.file;
  if (d.line > 0) where += fmt::format(":{}:{}", d.line, d.shown_column() > 0 ? d.shown_column() : 1);
  const char* sev =
      d.severity == Severity::error ? (lang == Lang::zh ? "错误" : "error") : (lang == Lang::zh ? "警告" : "warning");
  std::string out = fmt::format("{}: {}: {}\n", where, sev, d.message.in(lang));
  if (!d.source_line.empty() && d.column > 0) {
    std::string line = d.source_line;
    for (auto& c : line)
      if (c == '\t') c = ' ';
    // The caret sits under the column's display position (CJK text before it is wide).
    std::string before = line.substr(0, std::min(line.size(), static_cast<size_t>(d.column - 1)));
    out += fmt::format("    {}\n    {}^\n", line, std::string(static_cast<size_t>(display_width(before)), ' '));
  }
  return out;
}

}  // namespace advisor
