// advisor report --profile FILE --out FILE.html [--role ID] [--top N]
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "advisor/atomic_write.hpp"
#include "report_html.hpp"
#include "to_json.hpp"

namespace advisor::cli {

namespace {

struct ReportOptions {
  std::string profile;
  std::string out;
  std::string role;
  size_t top = 3;
};

int run_report(const ReportOptions& o) {
  if (globals().json)
    throw CommandError{
        k_exit_usage,
        T("report writes an HTML page; --json does not apply to it", "report 生成 HTML 页面，不适用 --json"),
        T("for JSON, ask recommend, check or plan with --json",
          "需要 JSON 时，请对 recommend、check 或 plan 使用 --json")};
  // The page must not take the place of the profile it is made from.
  std::error_code same_error;
  if (o.out != "-" && o.profile != "-" && std::filesystem::equivalent(o.out, o.profile, same_error))
    throw CommandError{
        k_exit_usage,
        T(fmt::format("--out '{}' is the profile itself; writing the page there would replace it", o.out),
          fmt::format("--out “{}”就是档案本身，写入页面会覆盖它", o.out)),
        T("name another file for the page, e.g. --out report.html", "请为页面另取一个文件名，例如 --out report.html")};
  const auto& c = catalog();
  const Role* named = o.role.empty() ? nullptr : &require_role(c, o.role);
  auto p = load_profile_file(o.profile);
  const Date as_of = globals().as_of;

  // The same core results as recommend, check and plan: nothing is decided here.
  ReportData r;
  r.catalog = &c;
  r.profile = &p;
  r.as_of = as_of;
  r.top = o.top;
  r.recommendation = recommend(c, p, as_of, "", o.top, true);
  EvalContext ctx{c, p, as_of};
  for (const auto& cert : c.certificates)
    for (const auto& level : cert.levels) r.levels.emplace_back(CheckedLevel{cert, level, ctx});
  const Role* target = named;
  r.target = TargetChoice::named;
  if (!target) {
    target = focus_role(c, p, r.recommendation.roles);
    bool goal = false;
    for (const auto& id : p.goal_roles) goal = goal || (target && c.role(id) == target);
    r.target = !target ? TargetChoice::none : goal ? TargetChoice::goal : TargetChoice::best;
  }
  if (target) r.plan = plan_path(c, p, *target, as_of);

  std::vector<const LevelResult*> shown;
  for (const auto& l : r.levels) shown.push_back(&l);
  warn_stale(shown);

  std::string page = render_report_html(r);
  if (o.out == "-") {
    out() << page;
    return k_exit_ok;
  }
  // The whole page or nothing: a failed write leaves any old report as it was.
  auto w = write_file_atomically(o.out, page, true);
  if (!w.ok)
    throw CommandError{k_exit_io, w.error,
                       T("choose a folder you can write to, or --out - for standard output",
                         "请换一个可写的位置，或用 --out - 输出到标准输出")};
  if (!globals().quiet)
    std::cerr << terminal_safe(trf("advisor: wrote {} (open it in any browser; it needs no network)\n",
                                   "advisor: 已写入 {}（可用任意浏览器打开，无需联网）\n", o.out));
  return k_exit_ok;
}

}  // namespace

void setup_report(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  auto* sub = app.add_subcommand(
      "report", "One self-contained HTML page: what to do first, eligibility, fit to roles, the dated path");
  sub->add_option("--profile", o->profile, "Profile file (YAML or JSON; - for standard input)")
      ->required()
      ->type_name("FILE");
  sub->add_option("--out", o->out, "HTML file to write (replaced whole if it exists; - for standard output)")
      ->required()
      ->type_name("FILE");
  sub->add_option("--role", o->role, "Target role of the path, id or name (default: your goal role, else best fit)")
      ->type_name("ID");
  sub->add_option("--top", o->top, "How many roles to chart, 0 to 100000 (0 = all; default 3)")
      ->type_name("N")
      ->check(CLI::Range(0LL, 100000LL));
  sub->footer(
      "Examples:\n"
      "  advisor report --profile profiles/it-manager.yaml --out me.html\n"
      "  advisor report --profile me.yaml --out - --lang zh --role ai-product-manager > report.html\n"
      "Exit: 0 written; 2 usage; 65 invalid profile; 66 profile missing; 74 the page cannot be written.\n"
      "Docs: docs/report.md");
  add_runner(sub, [o] { return run_report(*o); });
}

}  // namespace advisor::cli
