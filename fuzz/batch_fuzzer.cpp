// Fuzzes `advisor batch` on JSON Lines input: the line reader (with a small line
// limit, so over-long lines are exercised) and batch_line_output() on every line,
// whose answer must be exactly one line of JSON naming its line number, and never
// an internal error (batch_line turns exceptions into error lines, which would
// otherwise hide a bug from the fuzzer); and the one-line JSON fast path reads each
// line exactly as the YAML path does (parse_plain_json).
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "batch.hpp"
#include "fuzz_common.hpp"
#include "yaml_reader.hpp"

using namespace advisor;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto& c = fuzz::builtin();
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  constexpr size_t k_max_line = 4096;
  cli::LineReader reader(in, k_max_line);
  std::string line;
  bool too_long = false;
  size_t bytes = 0, line_no = 0;
  while (reader.next(line, too_long, bytes) && line_no < 16) {
    ++line_no;
    std::string answer;
    if (too_long) {
      fuzz::require(line.empty() && bytes > k_max_line, "an over-long line is counted, not kept");
      answer = cli::batch_oversize_output(line_no, bytes, k_max_line);
    } else {
      fuzz::require(line.size() == bytes && bytes <= k_max_line, "a line within the limit is kept whole");
      if (auto problem = plain_json_disagrees(line)) fuzz::require(false, problem->c_str());
      answer = cli::batch_line_output(c, line, line_no, fuzz::as_of(), 5);
    }
    fuzz::require(answer.find('\n') == std::string::npos, "one output line per input line");
    auto j = nlohmann::json::parse(answer, nullptr, false);
    fuzz::require(!j.is_discarded() && j.is_object(), "the answer is a JSON object");
    fuzz::require(j.value("line", size_t{0}) == line_no, "the answer names its line");
    fuzz::require(j.contains("ok") && j["ok"].is_boolean(), "the answer says ok or not");
    // batch_line's own words for a caught exception; the input's text may say
    // "internal error" anywhere (echoed in a message about an unknown id).
    fuzz::require(answer.find("\"en\":\"internal error: ") == std::string::npos &&
                      answer.find("\"en\":\"out of memory\"") == std::string::npos,
                  "no internal error");
  }
  return 0;
}
