#include "batch.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "advisor/catalog_loader.hpp"
#include "advisor/limits.hpp"
#include "advisor/matching.hpp"
#include "advisor/planning.hpp"
#include "advisor/profile_loader.hpp"
#include "advisor/rules.hpp"
#include "advisor/util/bilingual.hpp"
#include "common.hpp"
#include "to_json.hpp"

namespace advisor::cli {

namespace {

// A window holds at most this many lines, or this many bytes of input, whichever
// comes first: enough to keep the workers busy, small enough to keep memory flat.
constexpr size_t k_window_lines_per_job = 64;
constexpr size_t k_window_bytes = 8u << 20;
constexpr size_t k_chunk_bytes = 64u << 10;
// Answers held at once (written in order as soon as they can be): 64 MiB, whatever the
// size of one answer and --jobs (docs/limits.md).
constexpr size_t k_answer_budget = 64u << 20;

std::string dump_line(const Json& j) { return dump_json(j, -1); }

std::string error_output(size_t line_no, const Text& message, const Json& path, const Json& diagnostics) {
  Json j{{"line", line_no},
         {"ok", false},
         {"error", Json{{"message", text_json(message)}, {"path", path}, {"diagnostics", diagnostics}}}};
  return dump_line(j);
}

std::string line_name(size_t line_no) {  // "<line N>", without a format string: once per line
  char buf[32] = "<line ";
  auto end = std::to_chars(buf + 6, buf + sizeof buf - 1, line_no).ptr;
  *end++ = '>';
  return std::string(buf, end);
}

/// A problem with the line as a whole, not at a position inside it.
std::string whole_line_error(size_t line_no, const Text& message) {
  Diagnostic d;
  d.file = line_name(line_no);
  d.message = message;
  return error_output(line_no, message, nullptr, Json::array({diagnostic_json(d)}));
}

/// The line's profile, or the error line that says why there is none.
std::optional<Profile> read_line_profile(const Catalog& c, std::string_view& line, size_t line_no, Date as_of,
                                         std::string& error) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  // A UTF-8 byte order mark (some editors write one at the start of a file) is not content.
  if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
  auto first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    error = whole_line_error(line_no, util::T("empty line: each line must hold one profile as a JSON object",
                                              "空行：每行应为一个 JSON 对象形式的档案"));
    return std::nullopt;
  }
  // JSON Lines: one object per line. yaml-cpp would also take YAML such as "age: 3",
  // which would hide a line that is not what the format promises.
  if (line[first] != '{') {
    error = whole_line_error(line_no,
                             util::T("the line is not a JSON object: each line must hold one profile, starting with {",
                                     "该行不是 JSON 对象：每行应为一个以 { 开头的档案"));
    return std::nullopt;
  }
  // Batch answers carry no warnings: no "did you mean" is worth computing.
  static const Limits quiet = [] {
    Limits l = globals().limits;
    l.max_suggestions = 0;
    return l;
  }();
  // Most lines: plain JSON with nothing to say, read in place.
  if (auto p = read_profile_line(line, line_name(line_no), c, as_of, quiet)) return p;
  Diagnostics diags;
  diags.suggestions = false;  // warnings are dropped unless there is an error
  auto p = load_profile(InputFile{line_name(line_no), std::string(line), true}, c, as_of, diags, quiet);
  if (!diags.has_errors()) return p;
  diags = Diagnostics{};  // read again, now that the messages are shown, with their suggestions
  load_profile(InputFile{line_name(line_no), std::string(line), true}, c, as_of, diags, globals().limits);
  const Diagnostic* first_error = nullptr;
  Json all = Json::array();
  for (auto& d : diags.items) {
    // The line is the whole document: a mark past its end (yaml-cpp's "end of
    // input" errors land on a line 2) means the end of this line.
    if (d.line > 1) {
      d.line = 1;
      d.column = static_cast<int>(line.size()) + 1;
    }
    if (!first_error && d.severity == Severity::error) first_error = &d;
    all.push_back(diagnostic_json(d));
  }
  Json path = first_error->line > 0
                  ? Json(fmt::format("{}:{}:{}", first_error->file, first_error->line, first_error->column))
                  : Json(nullptr);
  error = error_output(line_no, first_error->message, path, all);
  return std::nullopt;
}

/// Writes the document the request asks for on one profile, as the `result` of a line.
void write_result(JsonWriter& w, const Catalog& c, const Profile& p, Date as_of, const BatchRequest& q,
                  const JsonFragments* fragments) {
  switch (q.command) {
    case BatchCommand::recommend: {
      auto rec = recommend(c, p, as_of, q.category, q.top, !q.brief);  // the brief form shows no prose
      if (q.brief)
        write_recommend_brief(w, rec, q.top);
      else
        write_recommend(w, c, p, rec, q.top, fragments);
      return;
    }
    case BatchCommand::check: {
      // The brief document shows outcomes and dates only: no prose is composed.
      EvalContext ctx{c, p, as_of, !q.brief, !q.brief};
      std::vector<LevelResult> results;
      results.reserve(q.levels.size());
      for (auto [cert, level] : q.levels) results.emplace_back(CheckedLevel{*cert, *level, ctx});
      if (q.brief)
        write_check_brief(w, results, as_of);
      else
        w.raw(dump_line(check_json(c, results, as_of)));
      return;
    }
    case BatchCommand::gap: {
      auto m = match_role(c, p, *q.role, as_of);
      if (q.brief) {
        write_gap_brief(w, *q.role, m, as_of);
        return;
      }
      std::vector<std::string> needs = m.missing;
      for (const auto& pm : m.partial) needs.push_back(pm.required);
      write_gap(w, c, *q.role, m, certificates_to_take(c, p, as_of, needs), as_of);
      return;
    }
    case BatchCommand::plan: {
      auto plan = plan_path(c, p, *q.role, as_of);
      if (q.brief)
        write_plan_brief(w, plan);
      else
        w.raw(dump_line(plan_json(plan)));
      return;
    }
  }
}

BatchLine answer(const Catalog& c, std::string_view line, size_t line_no, Date as_of, const BatchRequest& q,
                 const JsonFragments* fragments, std::string& buffer) {
  std::string error;
  auto p = read_line_profile(c, line, line_no, as_of, error);
  if (!p) return {std::move(error), false};
  buffer.clear();  // its capacity is kept: no growing a 15 KB string from nothing per line
  BatchLine out{std::move(buffer), true};
  // {"line":N,"ok":true,"result":…}: the constant keys written as they are.
  out.text += "{\"line\":";
  char digits[24];
  out.text.append(digits, std::to_chars(digits, digits + sizeof digits, line_no).ptr);
  out.text += ",\"ok\":true,\"result\":";
  JsonWriter w(out.text);  // the result, one value
  write_result(w, c, *p, as_of, q, fragments);
  out.text += '}';
  return out;
}

}  // namespace

BatchLine batch_line(const Catalog& c, std::string_view line, size_t line_no, Date as_of, const BatchRequest& request,
                     const JsonFragments* fragments, std::string buffer) {
  // One line per input line whatever happens: a failure inside becomes that line's error.
  try {
    return answer(c, line, line_no, as_of, request, fragments, buffer);
  } catch (const std::bad_alloc&) {
    return {whole_line_error(line_no, util::T("out of memory", "内存不足")), false};
  } catch (const std::exception& e) {
    return {whole_line_error(
                line_no, util::T(fmt::format("internal error: {}", e.what()), fmt::format("内部错误：{}", e.what()))),
            false};
  }
}

std::string batch_line_output(const Catalog& c, std::string_view line, size_t line_no, Date as_of, size_t top) {
  BatchRequest request;
  request.top = top;
  return batch_line(c, line, line_no, as_of, request).text;
}

std::string batch_oversize_output(size_t line_no, size_t bytes, size_t limit) {
  return whole_line_error(
      line_no, util::T(fmt::format("the line is {} bytes, over the limit of {} bytes (docs/limits.md)", bytes, limit),
                       fmt::format("该行有 {} 字节，超过上限 {} 字节（见 docs/limits.md）", bytes, limit)));
}

LineReader::LineReader(std::istream& in, size_t max_line_bytes)
    : m_in(in), m_max(max_line_bytes), m_buffer(k_chunk_bytes) {}

bool LineReader::fill() {
  m_pos = 0;
  m_end = 0;
  if (!m_in.rdbuf()) return false;
  auto got = m_in.rdbuf()->sgetn(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
  m_end = got > 0 ? static_cast<size_t>(got) : 0;
  return m_end > 0;
}

bool LineReader::next(std::string& line, bool& too_long, size_t& bytes) {
  line.clear();
  too_long = false;
  bytes = 0;
  bool any = false;
  for (;;) {
    if (m_pos == m_end && !fill()) return any;
    any = true;
    const char* start = m_buffer.data() + m_pos;
    size_t avail = m_end - m_pos;
    const auto* nl = static_cast<const char*>(std::memchr(start, '\n', avail));
    size_t len = nl ? static_cast<size_t>(nl - start) : avail;
    bytes += len;
    if (!too_long) {
      if (line.size() + len > m_max) {
        too_long = true;
        std::string().swap(line);  // give the memory back: the rest is only counted
      } else {
        line.append(start, len);
      }
    }
    m_pos += nl ? len + 1 : len;
    if (nl) return true;
  }
}

BatchSummary run_batch_stream(const Catalog& c, std::istream& in, std::ostream& out, Date as_of,
                              const BatchRequest& request, size_t jobs) {
  jobs = std::max<size_t>(1, jobs);
  struct Slot {
    size_t line_no = 0;
    std::string input;
    bool too_long = false;
    size_t bytes = 0;
    BatchLine answer;
  };
  const size_t window_lines = jobs * k_window_lines_per_job;
  const size_t max_line = globals().limits.max_line_bytes;
  LineReader reader(in, max_line);
  // Only the full recommend document copies catalogue fragments; on a large imported
  // catalogue they take a while to write, so other requests do without.
  std::optional<JsonFragments> fragments;
  if (request.command == BatchCommand::recommend && !request.brief) fragments.emplace(c);
  std::vector<Slot> window(window_lines);
  BatchSummary summary;
  bool more = true;
  while (more) {
    size_t n = 0, held = 0;
    while (n < window_lines && held < k_window_bytes) {
      auto& s = window[n];
      if (!reader.next(s.input, s.too_long, s.bytes)) {
        more = false;
        break;
      }
      s.line_no = request.line_offset + ++summary.lines;
      held += s.input.size();
      ++n;
    }
    if (n == 0) break;
    auto work = [&](size_t i) {
      auto& s = window[i];
      s.answer = s.too_long ? BatchLine{batch_oversize_output(s.line_no, s.bytes, max_line), false}
                            : batch_line(c, s.input, s.line_no, as_of, request, fragments ? &*fragments : nullptr,
                                         std::move(s.answer.text));
    };
    // Answers are written in input order as soon as the ones before them are, and the
    // bytes of answers held (written or not yet, in flight) stay within a budget
    // (issue 32: 24 answers of 17 MB each used to peak at 520 MB): a worker takes a new
    // line only while the answers held, plus those in flight at the average size so far,
    // fit in k_answer_budget, or when every line before it is written.
    std::mutex mu;
    std::condition_variable cv;
    std::vector<char> done(n, 0);
    size_t next_take = 0, next_write = 0, held_out = 0, in_flight = 0;
    size_t answers = 0, answer_bytes = 0;
    auto flush_ready = [&] {  // with mu held
      while (next_write < n && done[next_write]) {
        auto& s = window[next_write];
        out << s.answer.text << '\n';
        summary.failed += s.answer.ok ? 0 : 1;
        held_out -= s.answer.text.size();
        // Keep the slot's capacity for reuse only when it is small: one huge line
        // must not pin its memory for the rest of the run.
        if (s.input.capacity() > k_chunk_bytes) std::string().swap(s.input);
        if (s.answer.text.capacity() > k_chunk_bytes * 4) std::string().swap(s.answer.text);
        ++next_write;
      }
    };
    auto worker = [&] {
      while (true) {
        size_t i;
        {
          std::unique_lock<std::mutex> lock(mu);
          cv.wait(lock, [&] {
            if (next_take >= n || next_take == next_write) return true;
            size_t average = answers ? answer_bytes / answers : 0;
            return held_out + (in_flight + 1) * average < k_answer_budget;
          });
          if (next_take >= n) return;
          i = next_take++;
          ++in_flight;
        }
        work(i);
        {
          std::lock_guard<std::mutex> lock(mu);
          --in_flight;
          done[i] = 1;
          held_out += window[i].answer.text.size();
          answer_bytes += window[i].answer.text.size();
          ++answers;
          flush_ready();
        }
        cv.notify_all();
      }
    };
    if (jobs == 1 || n == 1) {
      worker();
    } else {
      std::vector<std::thread> threads;
      for (size_t t = 0; t < std::min(jobs, n); ++t) threads.emplace_back(worker);
      for (auto& t : threads) t.join();
    }
    out.flush();
  }
  return summary;
}

}  // namespace advisor::cli
