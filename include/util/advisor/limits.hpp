#pragma once
#include <cstddef>

namespace advisor {

/// Resource limits on input, so hostile files are refused with a message instead of
/// exhausting memory or the stack. See docs/limits.md. The core takes them as a
/// parameter (the loaders default to these values); the CLI builds one from its flags.
struct Limits {
  size_t max_file_bytes = 64u << 20;    ///< one catalogue or catalogue test file (64 MiB)
  size_t max_profile_bytes = 1u << 20;  ///< one profile file or standard input (1 MiB)
  int max_depth = 64;                   ///< nesting of mappings, sequences and flow brackets
  size_t max_nodes = 2'000'000;         ///< nodes in one catalogue document, aliases expanded
  size_t max_profile_nodes = 20'000;    ///< nodes in one profile, aliases expanded
  size_t max_list_items = 200'000;      ///< items in one list (block or flow), counted before parsing
  size_t max_rule_nodes = 1000;         ///< nodes in one eligibility rule
  size_t max_line_bytes = 1u << 20;     ///< one batch line (1 MiB)
  /// "did you mean" suggestions computed for unknown skills in one profile; the
  /// unknown skills after these are reported without one. Batch, which prints no
  /// warnings, sets 0.
  size_t max_suggestions = 20;

  /// The same limits for a profile: its own size and node budget.
  Limits for_profile() const {
    Limits l = *this;
    l.max_file_bytes = max_profile_bytes;
    l.max_nodes = max_profile_nodes;
    return l;
  }
};

}  // namespace advisor
