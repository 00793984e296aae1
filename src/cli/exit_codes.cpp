#include "exit_codes.hpp"

#include <utility>

namespace advisor::cli {

namespace {

// Every ErrorKind once. A file the core cannot write (an imported catalogue's) is 70,
// as it always was; k_exit_io (74) is the CLI's own, for standard output alone.
constexpr std::pair<ErrorKind, ExitCode> k_exit_codes[] = {
    {ErrorKind::usage, k_exit_usage},
    {ErrorKind::invalid_input, k_exit_invalid},
    {ErrorKind::input_missing, k_exit_no_input},
    {ErrorKind::output_failed, k_exit_internal},
    {ErrorKind::internal, k_exit_internal},
};

}  // namespace

int exit_code(ErrorKind kind) {
  for (const auto& [k, code] : k_exit_codes)
    if (k == kind) return code;
  return k_exit_internal;
}

}  // namespace advisor::cli
