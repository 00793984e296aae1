#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "advisor/diagnostics.hpp"
#include "advisor/error.hpp"
#include "advisor/limits.hpp"
#include "advisor/model.hpp"

namespace advisor {

/// A file that could not be read at all (missing, a directory, unreadable:
/// input_missing) or refused before it is parsed (over a size limit, a link out of
/// the catalogue: invalid_input).
class InputError : public Error {
 public:
  InputError(std::string path, Text message, ErrorKind kind = ErrorKind::input_missing)
      : Error(kind, std::move(message)), m_path(std::move(path)) {}
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
};

/// A file's name (as shown in diagnostics) and its contents.
struct InputFile {
  std::string name;
  std::string text;
  /// JSON, read strictly (a file named *.json, a batch line): docs/profile.md.
  bool json = false;
};

/// Reads a whole file ("-" is standard input), refusing directories, FIFOs, devices
/// and files over max_bytes before reading them. Throws InputError.
InputFile read_input_file(const std::string& path, size_t max_bytes = Limits{}.max_file_bytes);

/// read_input_file for a file that must be a regular file (catalogue files, a
/// catalogue test's profile_file): a FIFO or a device is refused (input_missing), not waited on.
InputFile read_regular_file(const std::string& path, size_t max_bytes = Limits{}.max_file_bytes);

/// Throws InputError (input_missing) with the reason when standard input is closed, opened for
/// writing only, or a directory.
void check_stdin_readable();

/// Reads a profile file: read_input_file under the profile size limit.
inline InputFile read_profile_file(const std::string& path, const Limits& limits = Limits{}) {
  return read_input_file(path, limits.max_profile_bytes);
}

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

/// Parses a profile (YAML or JSON) against a catalogue. `as_of` is the evaluation
/// date, against which future dates are checked. Problems go to diags; unknown
/// skills are warnings, everything else an error.
Profile load_profile(const InputFile& file, const Catalog& catalog, Date as_of, Diagnostics& diags,
                     const Limits& limits = Limits{});

/// One plain JSON line read as a profile, when there is nothing to say about it: the
/// same profile load_profile gives, named `name`. Empty when the line is not plain
/// JSON or reading it finds anything to report, an unknown skill's warning included;
/// load_profile then says what. For `advisor batch`, which reads most lines this way:
/// no copy of the line is made, and the parsed values' room is kept from line to line
/// (per thread).
std::optional<Profile> read_profile_line(std::string_view text, std::string name, const Catalog& catalog, Date as_of,
                                         const Limits& limits = Limits{});

/// A rule parsed from YAML text (for tests and tools): catalogue file syntax.
std::optional<Rule> parse_rule_text(const std::string& yaml, Diagnostics& diags, const Limits& limits = Limits{});

}  // namespace advisor
