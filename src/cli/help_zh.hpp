#pragma once
// Chinese --help (help_zh.cpp).
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "advisor/text.hpp"

namespace advisor::cli {

/// The output language, read before parsing so that --help can use it: --lang, else
/// LC_ALL, LC_MESSAGES, LANG.
Lang early_language(int argc, char** argv);

/// In Chinese, replaces the descriptions, footers, groups and CLI11 labels of the
/// whole command tree by their Chinese text; call after every subcommand is set up.
/// Returns the English texts that have no translation (none, in a release).
std::vector<std::string> localize_help(CLI::App& app, Lang lang);

}  // namespace advisor::cli
