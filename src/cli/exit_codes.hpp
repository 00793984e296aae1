#pragma once
#include "advisor/error.hpp"

namespace advisor::cli {

/// Documented exit codes (docs/cli.md#exit-codes).
enum ExitCode : int {
  k_exit_ok = 0,
  k_exit_not_eligible = 1,
  k_exit_usage = 2,
  k_exit_invalid = 65,
  k_exit_no_input = 66,
  k_exit_internal = 70,
  k_exit_io = 74,  ///< EX_IOERR: writing standard output failed (a full disk, a closed pipe)
};

/// The exit code for a kind of core error: the one place kinds become codes.
int exit_code(ErrorKind kind);

}  // namespace advisor::cli
