#pragma once
// Internal to the loaders: the strict reading of a document that is JSON (a file
// named *.json, every `advisor batch` line). docs/profile.md.
#include <optional>
#include <string>
#include <string_view>

#include "advisor/text.hpp"

namespace advisor {

/// What check_json found wrong, and where (1-based; columns count characters).
struct JsonProblem {
  int line = 0;
  int column = 0;
  Text message;
};

/// Checks text against RFC 8259 (no trailing comma, no comments, no single quotes,
/// no bare words, no leading zeros, no control characters in strings, escapes as
/// JSON has them, a lone UTF-16 surrogate refused), nesting at most max_depth.
/// On success, fills `yaml` with the text yaml-cpp should read when it differs:
/// each surrogate pair "\ud83d\ude00" becomes "\U0001F600", which YAML reads as the
/// same character (yaml-cpp refuses the pair). Invalid UTF-8 is left to the UTF-8
/// check of YamlContext::parse.
std::optional<JsonProblem> check_json(std::string_view text, int max_depth, std::string& yaml);

}  // namespace advisor
