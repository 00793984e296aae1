// advisor batch [--command recommend|check|gap|plan] [CERT[/LEVEL]...] [--role ID] [--top N]
//               [--category ID] [--brief] [--input FILE|-] [--jobs N] [--line-offset N]
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "batch.hpp"
#include "common.hpp"
#include "to_json.hpp"

namespace advisor::cli {

namespace {

/// The most worker threads `--jobs` takes (docs/cli.md): more only queue for cores.
constexpr size_t k_max_jobs = 256;
/// The largest `--line-offset` (docs/cli.md): 10^12 lines, far past any input, and
/// far from the wrap of a line number at 2^64.
constexpr long long k_max_line_offset = 1000000000000LL;

struct BatchOptions {
  std::string input = "-";
  size_t jobs = 1;
  size_t top = 5;
  size_t line_offset = 0;
  std::string command = "recommend";
  std::vector<std::string> targets;  ///< check: CERT[/LEVEL]
  std::string role;                  ///< gap, plan
  std::string category;              ///< recommend
  bool brief = false;
};

CommandError misplaced(const std::string& option, const std::string& commands) {
  return CommandError{k_exit_usage,
                      T(fmt::format("{} is for --command {} only", option, commands),
                        fmt::format("{} 只用于 --command {}", option, commands)),
                      T("see: advisor batch --help", "参见：advisor batch --help")};
}

/// The options, checked against the command and resolved against the catalogue: an
/// unknown role or level is a usage error before any line is read.
BatchRequest make_request(const Catalog& c, const BatchOptions& o) {
  BatchRequest q;
  q.brief = o.brief;
  q.top = o.top;
  q.line_offset = o.line_offset;
  bool with_role = o.command == "gap" || o.command == "plan";
  if (!o.targets.empty() && o.command != "check") throw misplaced("CERT[/LEVEL]", "check");
  if (!o.role.empty() && !with_role) throw misplaced("--role", "gap|plan");
  if (!o.category.empty() && o.command != "recommend") throw misplaced("--category", "recommend");
  if (with_role && o.role.empty())
    throw CommandError{k_exit_usage,
                       T(fmt::format("--command {} needs --role ID", o.command),
                         fmt::format("--command {} 需要 --role 岗位ID", o.command)),
                       T("see them all with: advisor list roles", "可运行 advisor list roles 查看全部")};
  if (o.command == "recommend") {
    q.command = BatchCommand::recommend;
    if (!o.category.empty() && !c.category(o.category))
      throw CommandError{
          k_exit_usage,
          T(fmt::format("unknown category '{}'", o.category), fmt::format("未知的岗位类别“{}”", o.category)),
          T("see them all with: advisor list categories", "可运行 advisor list categories 查看全部")};
    q.category = o.category;
  } else if (o.command == "check") {
    q.command = BatchCommand::check;
    q.levels = resolve_levels(c, o.targets);
  } else {
    q.command = o.command == "gap" ? BatchCommand::gap : BatchCommand::plan;
    q.role = &require_role(c, o.role);
  }
  return q;
}

int run_batch(const BatchOptions& o) {
  // The catalogue first: a broken catalogue fails the run before any line is read.
  const auto& c = catalog();
  const auto request = make_request(c, o);
  std::ifstream file;
  std::istream* in = &std::cin;
  if (o.input == "-") {
    try {
      check_stdin_readable();
    } catch (const InputError& e) {
      throw CommandError{exit_code(e.kind()), e.message(), {}};
    }
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(o.input, ec))
      throw CommandError{
          k_exit_no_input,
          T(fmt::format("{}: is a directory, not a file", o.input), fmt::format("{}：是目录而不是文件", o.input)),
          {}};
    file.open(o.input, std::ios::binary);
    if (!file)
      throw CommandError{
          k_exit_no_input,
          T(fmt::format("{}: cannot open the file", o.input), fmt::format("{}：无法打开文件", o.input)),
          T("give a JSON Lines file, or - for standard input", "请给出 JSON Lines 文件，或用 - 表示标准输入")};
    in = &file;
  }
  // Batch is the one command that streams: its lines go straight to stdout as they
  // are answered, not through out(), so memory stays flat however long the input.
  // Each line is answered, even when others fail; the exit code then says 65.
  report_on_failure() = true;
  errno = 0;
  auto summary = run_batch_stream(c, *in, std::cout, globals().as_of, request, o.jobs);
  std::cout.flush();
  if (!std::cout) return output_failed(errno != 0 ? errno : EIO);
  if (in->bad())
    throw CommandError{k_exit_no_input,
                       T(fmt::format("cannot read {}: read error", o.input == "-" ? "standard input" : o.input),
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

}  // namespace

void setup_batch(CLI::App& app) {
  auto o = std::make_shared<BatchOptions>();
  auto* sub = app.add_subcommand("batch", "Answer many profiles: JSON Lines in, one JSON line out per line");
  sub->add_option("--command", o->command, "What to answer for each profile (default recommend)")
      ->check(CLI::IsMember({"recommend", "check", "gap", "plan"}))
      ->type_name("COMMAND");
  sub->add_option("targets", o->targets, "check: CERT or CERT/LEVEL (default: every level of every certificate)")
      ->type_name("CERT[/LEVEL]");
  sub->add_option("--role", o->role, "gap, plan: the target role id")->type_name("ID");
  sub->add_option("--top", o->top, "recommend: how many roles per profile, 0 to 100000 (0 = all; default 5)")
      ->type_name("N")
      ->check(CLI::Range(0LL, 100000LL));
  sub->add_option("--category", o->category, "recommend: only roles of this category")->type_name("ID");
  sub->add_flag("--brief", o->brief, "Each result is the command's brief document: ids, statuses, dates, scores");
  sub->add_option("--input", o->input, "JSON Lines file, one profile object per line (default -: standard input)")
      ->type_name("FILE|-");
  sub->add_option(
         "--jobs", o->jobs,
         fmt::format("Worker threads, 1 to {}; output order is input order whatever N (default 1)", k_max_jobs))
      ->type_name("N")
      ->check(CLI::Range(1LL, static_cast<long long>(k_max_jobs)));
  sub->add_option("--line-offset", o->line_offset,
                  "Add N to every line number, 0 to 1000000000000: the first line is N+1 (a shard of a larger "
                  "input; default 0)")
      ->type_name("N")
      ->check(CLI::Range(0LL, k_max_line_offset));
  sub->footer(
      "Examples:\n  advisor batch --input people.jsonl > answers.jsonl\n"
      "  advisor batch --jobs 2 < people.jsonl | jq -r 'select(.ok) | .result.roles[0].id'\n"
      "  advisor batch --command check --brief caip < people.jsonl\n"
      "  advisor batch --command plan --role prompt-engineer --brief < people.jsonl\n"
      "  parallel --pipe --keep-order -N 10000 'advisor batch --line-offset $(( ({#}-1)*10000 ))' < people.jsonl\n"
      "Output: {\"line\": N, \"ok\": true, \"result\": <the command's document>} or\n"
      "        {\"line\": N, \"ok\": false, \"error\": {\"message\", \"path\", \"diagnostics\"}}\n"
      "Docs: docs/json.md. Exit: 0 every line succeeded; 2 usage; 65 a line failed; 66 input missing.");
  add_runner(sub, [o] { return run_batch(*o); });
}

}  // namespace advisor::cli
