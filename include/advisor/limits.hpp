#pragma once
#include <cstddef>

namespace advisor {

/// Resource limits on input, so hostile files are refused with a message instead of
/// exhausting memory or the stack. See docs/limits.md.
struct Limits {
  size_t max_file_bytes = 64u << 20;   ///< one YAML/JSON file (64 MiB)
  int max_depth = 64;                  ///< nesting of mappings, sequences and flow brackets
  size_t max_nodes = 5'000'000;        ///< nodes in one document, aliases expanded
  size_t max_rule_nodes = 1000;        ///< nodes in one eligibility rule
  size_t max_line_bytes = 1u << 20;    ///< one batch line (1 MiB)
};

/// The limits in force (set once by the CLI from its flags).
Limits& limits();

} // namespace advisor
