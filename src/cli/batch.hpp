#pragma once
// advisor batch: JSON Lines of profiles in, one JSON line out per line in
// (docs/json.md, docs/schema/batch.schema.json). Kept apart from the CLI11 wiring in
// cmd_batch.cpp so a fuzzer and the unit tests can drive it without a command line.
#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "advisor/date.hpp"
#include "advisor/model.hpp"

namespace advisor::cli {

struct JsonFragments;

/// The command each line of a batch answers (`advisor batch --command`).
enum class BatchCommand { recommend, check, gap, plan };

/// A certificate level to check, resolved against the catalogue.
using LevelRef = std::pair<const Certificate*, const CertificateLevel*>;

/// What every line of a batch is asked: the command with its options, and the form
/// of the answer. The same for every line of the run.
struct BatchRequest {
  BatchCommand command = BatchCommand::recommend;
  bool brief = false;            ///< the compact document (docs/json.md), not the full one
  size_t top = 5;                ///< recommend: roles shown (0 = all)
  std::string category;          ///< recommend: only roles of this category ("" = all)
  const Role* role = nullptr;    ///< gap, plan: the target role
  std::vector<LevelRef> levels;  ///< check: the levels, in the order asked
  size_t line_offset = 0;        ///< added to every line number (shards of one input)
};

/// One output line, without its newline, and whether the input line succeeded.
struct BatchLine {
  std::string text;
  bool ok = false;
};

/// The answer to one input line: the document the request asks for, on the profile of
/// the line, or an error object. Never throws; whatever the line holds, the answer is
/// one line. `line_no` is the number printed (the offset already added). `fragments`
/// (catalogue-constant JSON written once) and `buffer` (a string whose capacity the
/// answer may reuse) only save time: the bytes are the same without them.
BatchLine batch_line(const Catalog& c, std::string_view line, size_t line_no, Date as_of, const BatchRequest& request,
                     const JsonFragments* fragments = nullptr, std::string buffer = {});

/// The output line (no newline) for one input line of a recommend batch; for fuzzers and tests.
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
BatchSummary run_batch_stream(const Catalog& c, std::istream& in, std::ostream& out, Date as_of,
                              const BatchRequest& request, size_t jobs);

}  // namespace advisor::cli
