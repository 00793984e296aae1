#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "advisor/diagnostics.hpp"
#include "advisor/input_file.hpp"
#include "advisor/limits.hpp"
#include "advisor/model.hpp"

namespace advisor {

/// The catalogue files of a directory: *.yaml and *.yml, in name order. A file that
/// is a link leading outside the directory is refused (invalid_input), a link that
/// leads nowhere or to itself is unreadable (input_missing). Throws InputError.
std::vector<InputFile> read_catalog_dir(const std::string& dir, const Limits& limits = Limits{});

/// The built-in catalogue's files.
std::vector<InputFile> builtin_catalog_files();

/// Parses and validates catalogue files into one catalogue, indexed and ready.
/// Every problem goes to diags; check diags.has_errors() before using the result.
Catalog load_catalog(const std::vector<InputFile>& files, Diagnostics& diags, const Limits& limits = Limits{});

/// Checks references, duplicates and cycles of a parsed catalogue (called by load_catalog).
void validate_catalog(Catalog& catalog, Diagnostics& diags);

/// A rule parsed from YAML text (for tests and tools): catalogue file syntax.
std::optional<Rule> parse_rule_text(const std::string& yaml, Diagnostics& diags, const Limits& limits = Limits{});

}  // namespace advisor
