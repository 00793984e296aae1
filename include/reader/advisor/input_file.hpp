#pragma once
#include <string>

#include "advisor/error.hpp"
#include "advisor/limits.hpp"

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

/// Throws InputError for a file that could not be opened or read (errno `err`): no such
/// file, permission denied, or the system's reason.
[[noreturn]] void cannot_read(const std::string& path, int err);

/// Reads a profile file: read_input_file under the profile size limit.
inline InputFile read_profile_file(const std::string& path, const Limits& limits = Limits{}) {
  return read_input_file(path, limits.max_profile_bytes);
}

}  // namespace advisor
