#pragma once
// advisor batch: JSON Lines of profiles in, one JSON line out per line in
// (docs/json.md, docs/schema/batch.schema.json). Kept apart from the CLI11 wiring in
// cmd_batch.cpp so a fuzzer and the unit tests can drive it without a command line.
#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "advisor/date.hpp"
#include "advisor/model.hpp"

namespace advisor::cli {

struct JsonFragments;

/// One output line, without its newline, and whether the input line succeeded.
struct BatchLine {
  std::string text;
  bool ok = false;
};

/// The answer to one input line: the recommend document of the profile on it, or
/// an error object. Never throws; whatever the line holds, the answer is one line.
/// `fragments` (catalogue-constant JSON written once) and `buffer` (a string whose
/// capacity the answer may reuse) only save time: the bytes are the same without them.
BatchLine batch_line(const Catalog& c, std::string_view line, size_t line_no, Date as_of, size_t top,
                     const JsonFragments* fragments = nullptr, std::string buffer = {});

/// The output line (no newline) for one input line; for fuzzers and tests.
std::string batch_line_output(const Catalog& c, std::string_view line, size_t line_no, Date as_of, size_t top);

/// The error line for an input line over the size limit, which is never held in memory.
std::string batch_oversize_output(size_t line_no, size_t bytes, size_t limit);

/// Reads lines of any length in fixed-size chunks: a line over the limit is counted
/// and skipped, never buffered whole, so memory stays flat whatever the input.
class LineReader {
public:
  LineReader(std::istream& in, size_t max_line_bytes);

  /// The next line, without its "\n" (or "\r\n"). Returns false at the end of input.
  /// When the line is over the limit, `too_long` is set, `line` is empty and `bytes`
  /// says how long it was.
  bool next(std::string& line, bool& too_long, size_t& bytes);

private:
  bool fill();

  std::istream& m_in;
  size_t m_max;
  std::vector<char> m_buffer;
  size_t m_pos = 0;
  size_t m_end = 0;
};

/// What a batch run did.
struct BatchSummary {
  size_t lines = 0;
  size_t failed = 0;
};

/// Streams a whole batch: reads a window of lines, answers them on `jobs` threads,
/// writes the answers in input order and flushes, then reads the next window. The
/// window is bounded in lines and bytes, so memory does not grow with the input.
BatchSummary run_batch_stream(const Catalog& c, std::istream& in, std::ostream& out, Date as_of, size_t top,
                              size_t jobs);

} // namespace advisor::cli
