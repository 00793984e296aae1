// advisor plan --profile FILE --role ID [--format text|json|dot|mermaid]
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "advisor/planning.hpp"
#include "advisor/rules.hpp"
#include "render.hpp"
#include "to_json.hpp"

namespace advisor::cli {

namespace {

struct PlanOptions {
  std::string profile;
  std::string role;
  std::string format = "text";
  CLI::Option* format_option = nullptr;
  bool brief = false;
  bool explain = false;
};

/// The first reason of a step's "why" (the rest behind --explain): "essential for X and
/// missing", not the eligibility clauses and sitting notes after it.
std::string first_reason(const std::string& why) {
  for (const char* sep : {"; ", "；"})
    if (auto k = why.find(sep); k != std::string::npos) return why.substr(0, k);
  return why;
}

std::string render_text(const Catalog& c, const Profile& p, const Plan& plan, bool explain) {
  std::string s;
  const auto& role = *plan.target;
  std::string who = p.name.empty() ? "" : p.name;
  s += bold(who.empty()
                ? trf("Plan to {} on {}", "{}的路径规划（{}）", tr(role.name), plan.as_of.str())
                : trf("Plan for {} to {} on {}", "{}：{}的路径规划（{}）", who, tr(role.name), plan.as_of.str()));
  s += "  " + dim(role.id) + "\n";
  if (const auto* cat = c.category(role.category)) s += dim(tr(cat->name)) + "\n";
  s += trf("Fit today: {:.2f} (advisor gap shows every term)", "当前匹配度：{:.2f}（advisor gap 可查看各项得分）",
           plan.score_now) +
       "\n\n";
  if (plan.steps.empty()) {
    s += tr("Nothing to do: you have every skill the role asks for and no related certificate is left to sit.",
            "无需再做什么：你已具备该岗位要求的全部技能，也没有待考的相关证书。") +
         "\n";
    return s;
  }
  // The answer first (issue 28): how long it takes, then the steps; each step's full
  // reasons (eligibility clauses, sittings) behind --explain.
  s += wrapped(bold(plan_total(plan)), 0) + "\n";
  Table t;
  t.header = {"#", tr("When", "时间"), tr("Step", "步骤"), tr("Why", "原因")};
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const auto& st = plan.steps[i];
    auto why = plan_step_why(st);
    t.rows.push_back(
        {std::to_string(i + 1), plan_step_when(st, plan.as_of), plan_step_what(st), explain ? why : first_reason(why)});
  }
  s += t.render() + "\n";
  s += wrapped(
      tr("Dates are the earliest each step can happen, assuming you pass every exam at the first sitting you "
         "can take. Learning a skill or earning study hours takes as long as it takes, so those steps have no "
         "date.",
         "日期为每一步最早可完成的时间，并假设每次考试都在第一个可参加的考期通过。学习技能、积累学时所需时间因人而异，"
         "因此这些步骤没有日期。"),
      0);
  if (plan.search_capped)
    s += wrapped(trf("The search stopped after {} states; the plan may not be the quickest.",
                     "搜索在 {} 个状态后停止，规划可能不是最快的。", plan.states_explored),
                 0);
  if (!c.caveat.empty()) s += dim(tr(c.caveat)) + "\n";
  return s;
}

/// A node's label: the step and its date, one per line.
std::vector<std::string> node_lines(const Plan& plan, size_t i) {
  const auto& s = plan.steps[i];
  return {fmt::format("{}. {}", i + 1, plan_step_what(s)), plan_step_when(s, plan.as_of)};
}

/// Steps nothing else depends on lead to the target.
std::vector<bool> leads_to_target(const Plan& plan) {
  std::vector<bool> sink(plan.steps.size(), true);
  for (const auto& s : plan.steps)
    for (auto a : s.after) sink[a] = false;
  return sink;
}

// Inside a DOT "string": quotes and backslashes escaped, control characters shown
// as \\x1b (never raw: docs/limits.md).
std::string dot_escape(const std::string& s) { return escape_controls(s, EscapeStyle::dot); }

const char* dot_fill(const std::string& kind) {
  if (kind == "skill") return "#e8f0fe";
  if (kind == "certificate") return "#fef7e0";
  if (kind == "experience") return "#e6f4ea";
  return "#fce8e6";
}

std::string render_dot(const Plan& plan) {
  std::string s = "digraph plan {\n";
  s += "  graph [rankdir=LR, labelloc=t, fontname=\"sans-serif\", label=\"" +
       dot_escape(trf("Plan to {} on {}", "{}路径规划（{}）", tr(plan.target->name), plan.as_of.str())) + "\"];\n";
  s += "  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\"];\n";
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    auto lines = node_lines(plan, i);
    // A certificate step with no date waits on something only the person can do: dashed.
    bool open_ended = plan.steps[i].kind == "certificate" && !plan.steps[i].earliest_date;
    s += fmt::format("  s{} [label=\"{}\\n{}\", fillcolor=\"{}\"{}];\n", i + 1, dot_escape(lines[0]),
                     dot_escape(lines[1]), dot_fill(plan.steps[i].kind),
                     open_ended ? ", style=\"rounded,filled,dashed\"" : "");
  }
  s += fmt::format("  target [label=\"{}\", shape=doubleoctagon, fillcolor=\"#d2e3fc\"];\n",
                   dot_escape(tr(plan.target->name)));
  for (size_t i = 0; i < plan.steps.size(); ++i)
    for (auto a : plan.steps[i].after) s += fmt::format("  s{} -> s{};\n", a + 1, i + 1);
  auto sink = leads_to_target(plan);
  for (size_t i = 0; i < plan.steps.size(); ++i)
    if (sink[i]) s += fmt::format("  s{} -> target;\n", i + 1);
  s += "}\n";
  return s;
}

// Mermaid labels are HTML-ish: entity codes for the characters that would end or
// confuse a quoted label, <br/> for a line break, control characters as \x1b.
std::string mermaid_escape(const std::string& s) { return escape_controls(s, EscapeStyle::mermaid); }

std::string render_mermaid(const Plan& plan) {
  std::string s = "flowchart LR\n";
  std::map<std::string, std::vector<std::string>> by_kind;
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    auto lines = node_lines(plan, i);
    s += fmt::format("  s{}[\"{}<br/>{}\"]\n", i + 1, mermaid_escape(lines[0]), mermaid_escape(lines[1]));
    by_kind[plan.steps[i].kind].push_back(fmt::format("s{}", i + 1));
  }
  s += fmt::format("  target([\"{}\"])\n", mermaid_escape(tr(plan.target->name)));
  for (size_t i = 0; i < plan.steps.size(); ++i)
    for (auto a : plan.steps[i].after) s += fmt::format("  s{} --> s{}\n", a + 1, i + 1);
  auto sink = leads_to_target(plan);
  for (size_t i = 0; i < plan.steps.size(); ++i)
    if (sink[i]) s += fmt::format("  s{} --> target\n", i + 1);
  for (const auto& [kind, ids] : by_kind) {
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ",") + id;
    s += fmt::format("  classDef {} fill:{}\n  class {} {}\n", kind, dot_fill(kind), list, kind);
  }
  return s;
}

int run_plan(const PlanOptions& o) {
  std::string format = o.format;
  if (globals().json) {
    if (o.format_option && o.format_option->count() > 0 && o.format != "json")
      throw CommandError{k_exit_usage,
                         T(fmt::format("--json and --format {} ask for two different outputs", o.format),
                           fmt::format("--json 与 --format {} 要求的输出格式不同", o.format)),
                         T("give one of them", "只保留其中一个")};
    format = "json";
  }
  const auto& c = catalog();
  const auto& role = require_role(c, o.role);
  auto p = load_profile_file(o.profile);
  auto plan = plan_path(c, p, role, globals().as_of);

  // Certificate rules change: warn about those the plan relies on, as check does.
  EvalContext ctx{c, p, globals().as_of};
  std::vector<LevelResult> levels;
  for (const auto& s : plan.steps)
    if (s.kind == "certificate")
      if (const auto* cert = c.certificate(s.id); cert && cert->level_index(s.level) >= 0)
        levels.push_back(check_level(*cert, cert->levels[static_cast<size_t>(cert->level_index(s.level))], ctx));
  std::vector<const LevelResult*> ptrs;
  for (const auto& r : levels) ptrs.push_back(&r);
  warn_stale(ptrs);

  if (o.brief) {
    std::string doc;
    JsonWriter w(doc, k_json_indent);
    write_plan_brief(w, plan);
    emit_json_text(doc);
  } else if (format == "json")
    emit_json(plan_json(plan));
  else if (format == "dot")
    out() << render_dot(plan);
  else if (format == "mermaid")
    out() << render_mermaid(plan);
  else
    out() << render_text(c, p, plan, o.explain);
  return k_exit_ok;
}

}  // namespace

void setup_plan(CLI::App& app) {
  auto o = std::make_shared<PlanOptions>();
  auto* sub =
      app.add_subcommand("plan", "The road to a role: skills to learn, certificates to sit, in order and dated");
  sub->add_option("--profile", o->profile, "Profile file (YAML or JSON; - for standard input)")
      ->required()
      ->type_name("FILE");
  sub->add_option("--role", o->role, "Target role id (see advisor list roles)")->required()->type_name("ID");
  o->format_option = sub->add_option("--format", o->format, "Output: text (default), json, dot (Graphviz) or mermaid")
                         ->check(CLI::IsMember({"text", "json", "dot", "mermaid"}))
                         ->type_name("FORMAT");
  sub->add_flag("--explain,-v", o->explain, "Give every step's full reasons (eligibility, sittings)");
  sub->add_flag("--brief", o->brief,
                "Print the brief JSON document: the steps by kind, id, level and date (docs/json.md)")
      ->excludes(o->format_option);
  sub->footer(
      "Examples:\n"
      "  advisor plan --profile profiles/cs-graduate.yaml --role ai-solution-architect\n"
      "  advisor plan --profile me.yaml --role prompt-engineer --lang zh --json\n"
      "  advisor plan --profile me.yaml --role ai-content-creator --format dot | dot -Tsvg > plan.svg\n"
      "Docs: docs/plan.md");
  add_runner(sub, [o] { return run_plan(*o); });
}

}  // namespace advisor::cli
