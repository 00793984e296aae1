// advisor batch [--input FILE|-] [--jobs N] [--top N]
#include <CLI/CLI.hpp>
#include <cerrno>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>

#include "batch.hpp"
#include "common.hpp"

namespace advisor::cli {

namespace {

/// The most worker threads `--jobs` takes (docs/cli.md): more only queue for cores.
constexpr size_t k_max_jobs = 256;

struct BatchOptions {
  std::string input = "-";
  size_t jobs = 1;
  size_t top = 5;
};

int run_batch(const BatchOptions& o) {

  // The catalogue first: a broken catalogue fails the run before any line is read.
  const auto& c = catalog();
  std::ifstream file;
  std::istream* in = &std::cin;
  if (o.input == "-") {
    try {
      check_stdin_readable();
    } catch (const InputError& e) {
      throw CommandError{e.exit_code(), e.message(), {}};
    }
  } else {
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
  errno = 0;
  auto summary = run_batch_stream(c, *in, std::cout, globals().as_of, o.top, o.jobs);
  std::cout.flush();
  if (!std::cout) return output_failed(errno != 0 ? errno : EIO);
  if (in->bad())
    throw CommandError{k_exit_no_input, T(fmt::format("cannot read {}: read error", o.input == "-" ? "standard input" : o.input),
                                          fmt::format("无法读取{}：读取出错", o.input == "-" ? "标准输入" : o.input)),
                       {}};
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
  sub->add_option("--jobs", o->jobs,
                  fmt::format("Worker threads, 1 to {}; output order is input order whatever N (default 1)", k_max_jobs))
      ->type_name("N")
      ->check(CLI::Range(1LL, static_cast<long long>(k_max_jobs)));
  sub->add_option("--top", o->top, "How many roles per profile, 0 to 100000 (0 = all; default 5)")
      ->type_name("N")
      ->check(CLI::Range(0LL, 100000LL));
  sub->footer("Examples:\n  advisor batch --input people.jsonl > answers.jsonl\n"
              "  advisor batch --jobs 2 < people.jsonl | jq -r 'select(.ok) | .result.roles[0].id'\n"
              "Output: {\"line\": N, \"ok\": true, \"result\": <recommend document>} or\n"
              "        {\"line\": N, \"ok\": false, \"error\": {\"message\", \"path\", \"diagnostics\"}}\n"
              "Docs: docs/json.md. Exit: 0 every line succeeded; 65 a line failed; 66 input missing.");
  add_runner(sub, [o] { return run_batch(*o); });
}

} // namespace advisor::cli
