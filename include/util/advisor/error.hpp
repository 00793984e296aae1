#pragma once
#include <stdexcept>
#include <utility>

#include "advisor/text.hpp"

namespace advisor {

/// What went wrong, as far as the caller needs to know to react. The core says which
/// kind; the CLI alone turns a kind into an exit code (src/cli/exit_codes.cpp).
enum class ErrorKind {
  usage,          ///< the request itself is wrong (an output that exists without --force, …)
  invalid_input,  ///< an input is there but not acceptable (malformed, over a limit)
  input_missing,  ///< an input is missing or cannot be read
  output_failed,  ///< an output cannot be written
  internal,       ///< anything else: a bug or the system failing
};

/// An error the core throws: its kind and a message in both languages.
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, Text message) : std::runtime_error(message.en), m_kind(kind), m_message(std::move(message)) {}
  ErrorKind kind() const { return m_kind; }
  const Text& message() const { return m_message; }

 private:
  ErrorKind m_kind;
  Text m_message;
};

}  // namespace advisor
