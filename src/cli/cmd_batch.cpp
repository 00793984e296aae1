// advisor batch [--input FILE|-] [--jobs N] [--top N]
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>

#include "batch.hpp"
#include "common.hpp"

namespace advisor::cli {

namespace {

struct BatchOptions {
  std::string input = "-";
  size_t jobs = 1;
  size_t top = 5;
};

int run_batch(const BatchOptions& o) {
  if (o.jobs == 0)
    throw CommandError{k_exit_usage, T("--jobs must be at least 1", "--jobs 至少为 1"), T("example: --jobs 2", "例如：--jobs 2")};
  // The catalogue first: a broken catalogue fails the run before any line is read.
  const auto& c = catalog();
  std::ifstream file;
  std::istream* in = &std::cin;
  if (o.input != "-") {
    std::error_code ec;
    if (std::filesystem::is_directory(o.input, ec))
      throw CommandError{k_exit_no_input, T(fmt::format("{}: is a directory, not a file", o.input),
                                            fmt::format("{}：是目录而不是文件", o.input)),
                         {}};
    file.open(o.input, std::ios::binary);
    if (!file)
      throw CommandError{k_exit_no_input, T(fmt::format("{}: cannot open the file", o.input),
                                            fmt::format("{}：无法打开文件", o.input)),
                         T("give a JSON Lines file, or - for standard input", "请给出 JSON Lines 文件，或用 - 表示标准输入")};
    in = &file;
  }
  // Batch is the one command that streams: its lines go straight to stdout as they
  // are answered, not through out(), so memory stays flat however long the input.
  // Each line is answered, even when others fail; the exit code then says 65.
  report_on_failure() = true;
  auto summary = run_batch_stream(c, *in, std::cout, globals().as_of, o.top, o.jobs);
  if (!std::cout) return k_exit_internal;
  if (summary.failed) {
    std::cerr << fmt::format("advisor: {}: {}\n", tr("error", "错误"),
                             trf("{1} of {0} line{2} failed", "{0} 行中有 {1} 行失败", summary.lines, summary.failed,
                                 summary.lines == 1 ? "" : "s"));
    return k_exit_invalid;
  }
  return k_exit_ok;
}

} // namespace

void setup_batch(CLI::App& app) {
  auto o = std::make_shared<BatchOptions>();
  auto* sub = app.add_subcommand("batch", "Recommend for many profiles: JSON Lines in, one JSON line out per line");
  sub->add_option("--input", o->input, "JSON Lines file, one profile object per line (default -: standard input)")
      ->type_name("FILE|-");
  sub->add_option("--jobs", o->jobs, "Worker threads; output order is input order whatever N (default 1)")
      ->type_name("N")
      ->check(non_negative());
  sub->add_option("--top", o->top, "How many roles per profile (0 = all; default 5)")->type_name("N")->check(non_negative());
  sub->footer("Examples:\n  advisor batch --input people.jsonl > answers.jsonl\n"
              "  advisor batch --jobs 2 < people.jsonl | jq -r 'select(.ok) | .result.roles[0].id'\n"
              "Output: {\"line\": N, \"ok\": true, \"result\": <recommend document>} or\n"
              "        {\"line\": N, \"ok\": false, \"error\": {\"message\", \"path\", \"diagnostics\"}}\n"
              "Docs: docs/json.md. Exit: 0 every line succeeded; 65 a line failed; 66 input missing.");
  add_runner(sub, [o] { return run_batch(*o); });
}

} // namespace advisor::cli
