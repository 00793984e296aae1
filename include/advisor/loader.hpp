#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "advisor/diagnostics.hpp"
#include "advisor/model.hpp"

namespace advisor {

/// A file that could not be read at all (missing, a directory, unreadable): exit 66.
class InputError : public std::runtime_error {
public:
  InputError(std::string path, Text message, int exit_code = 66)
      : std::runtime_error(message.en), m_path(std::move(path)), m_message(std::move(message)),
        m_exit_code(exit_code) {}
  int exit_code() const { return m_exit_code; }
  const std::string& path() const { return m_path; }
  const Text& message() const { return m_message; }

private:
  std::string m_path;
  Text m_message;
  int m_exit_code;
};

/// A file's name (as shown in diagnostics) and its contents.
struct InputFile {
  std::string name;
  std::string text;
};

/// Reads a whole file ("-" is standard input), refusing directories and files over
/// the size limit before reading them. Throws InputError.
InputFile read_input_file(const std::string& path);

/// The catalogue files of a directory: *.yaml and *.yml, in name order. Throws InputError.
std::vector<InputFile> read_catalog_dir(const std::string& dir);

/// The built-in catalogue's files.
std::vector<InputFile> builtin_catalog_files();

/// Parses and validates catalogue files into one catalogue, indexed and ready.
/// Every problem goes to diags; check diags.has_errors() before using the result.
Catalog load_catalog(const std::vector<InputFile>& files, Diagnostics& diags);

/// Checks references, duplicates and cycles of a parsed catalogue (called by load_catalog).
void validate_catalog(Catalog& catalog, Diagnostics& diags);

/// Parses a profile (YAML or JSON) against a catalogue. `as_of` is the evaluation
/// date, against which future dates are checked. Problems go to diags; unknown
/// skills are warnings, everything else an error.
Profile load_profile(const InputFile& file, const Catalog& catalog, Date as_of, Diagnostics& diags);

/// A rule parsed from YAML text (for tests and tools): catalogue file syntax.
std::optional<Rule> parse_rule_text(const std::string& yaml, Diagnostics& diags);

} // namespace advisor
