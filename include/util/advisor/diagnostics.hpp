#pragma once
#include <string>
#include <vector>

#include "advisor/text.hpp"

namespace advisor {

enum class Severity { error, warning };

/// One problem found in an input file, with a 1-based position (0 when unknown).
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  Severity severity = Severity::error;
  Text message;
  std::string source_line;  ///< the offending line, for the caret display
  /// The column counted in characters, as editors count it (`column` counts bytes, for
  /// the caret); 0 when not known, then `column` is shown.
  int char_column = 0;
  /// The column to show a person: in characters where known.
  int shown_column() const { return char_column > 0 ? char_column : column; }
};

/// Every diagnostic a load produced, in the order found.
struct Diagnostics {
  std::vector<Diagnostic> items;
  /// Whether messages carry a "did you mean": a reader whose warnings are thrown
  /// away (advisor batch, the JSON fast path) spares the search.
  bool suggestions = true;

  void add(Diagnostic d) { items.push_back(std::move(d)); }
  bool has_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  /// Sorts by file, line, column (stable) so output does not depend on walk order.
  void sort();
};

/// "file:line:column: error: message" followed by the source line and a caret,
/// the way compilers print, so editors can jump to it.
std::string format_diagnostic(const Diagnostic& d, Lang lang);

}  // namespace advisor
