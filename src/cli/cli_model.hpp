#pragma once
// A plain description of the CLI11 command tree, read back from the definitions so
// the shell completions and the man page cannot drift from what the parser accepts.
#include <string>
#include <vector>

namespace CLI {
class App;
}  // namespace CLI

namespace advisor::cli {

/// One option or positional argument of a command.
struct CliOption {
  std::vector<std::string> names;  ///< "--lang", "-h"; empty for a positional
  std::string positional_name;     ///< "targets"; empty for an option
  std::string value_name;          ///< "FILE", "ID"; empty for a flag
  bool flag = false;               ///< takes no value
  bool required = false;
  bool repeats = false;  ///< a positional that takes any number of values
  std::string description;
  std::vector<std::string> choices;  ///< fixed values (from IsMember checks)
  /// What completes its value: "files", "dirs", "words" (choices), "ids:KIND"
  /// (`advisor __complete-ids KIND`), "ids-of-first" (the kind named by the first
  /// positional, as in `show role ID`), or "" (free text).
  std::string completion;
};

/// One command: the root ("" path) or a subcommand ("catalog validate").
struct CliCommand {
  std::string path;  ///< words after `advisor`, space-separated; "" for the root
  std::string description;
  std::string footer;
  std::vector<std::string> subcommands;  ///< visible child names, in definition order
  std::vector<std::string> subcommand_descriptions;
  std::vector<CliOption> options;      ///< its own options (not inherited ones)
  std::vector<CliOption> positionals;  ///< in order
};

/// The visible commands depth-first, root first; hidden ones (empty group) skipped.
std::vector<CliCommand> describe_cli(const CLI::App& root);

/// The options valid at a command: its own and those of every command above it
/// (the root falls through, so global options work after a subcommand).
std::vector<CliOption> options_in_scope(const std::vector<CliCommand>& commands, const std::string& path);

/// Registers the hidden `advisor __man` (prints the roff man page).
void setup_man(CLI::App& app);

/// The man page in roff, generated from the command tree.
std::string render_man_page(const CLI::App& root);

}  // namespace advisor::cli
