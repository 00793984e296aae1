// advisor profile validate FILE  (profile init lives in cmd_profile_init.cpp)
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "to_json.hpp"

namespace advisor::cli {

namespace {

struct ValidateProfileOptions {
  std::string file;
};

int run_validate_profile(const ValidateProfileOptions& o) {
  const auto& c = catalog();
  InputFile f;
  try {
    f = read_profile_file(o.file, globals().limits);
  } catch (const InputError& e) {
    throw CommandError{exit_code(e.kind()), e.message(), {}};
  }
  Diagnostics diags;
  auto p = load_profile(f, c, globals().as_of, diags, globals().limits);
  print_diagnostics(diags, true);  // validating: each warning with its line
  size_t unknown_skills = 0, skills = p.skills.size();
  for (const auto& s : p.skills) unknown_skills += s.id.empty() ? 1 : 0;
  if (globals().json) {
    Json j = json_doc();
    j["file"] = f.name;
    j["valid"] = !diags.has_errors();
    j["errors"] = diags.error_count();
    j["warnings"] = diags.warning_count();
    Json arr = Json::array();
    for (const auto& d : diags.items) arr.push_back(diagnostic_json(d));
    j["diagnostics"] = arr;
    emit_json(j);
    if (diags.has_errors()) report_on_failure() = true;
  } else if (!diags.has_errors()) {
    out() << trf("{}: profile OK ({}, {} recognised; {}; {})\n", "{}：档案有效（{}，识别 {} 项；{}；{}）\n", f.name,
                 count_of(skills, "skill", "skills", "项技能"), skills - unknown_skills,
                 count_of(p.experience.size(), "job", "jobs", "段经历"),
                 count_of(p.certificates.size(), "certificate", "certificates", "个证书"));
  }
  if (diags.has_errors()) {
    auto n = diags.error_count();
    std::cerr << terminal_safe(
        fmt::format("advisor: {}: {}\n", tr("error", "错误"),
                    trf("{} error{} in {}", "{2} 中有 {0} 处错误", n, n == 1 ? "" : "s", f.name)));
    return k_exit_invalid;
  }
  return k_exit_ok;
}

}  // namespace

void setup_profile(CLI::App& app) {
  auto* prof = app.add_subcommand("profile", "Create and check profiles");
  prof->require_subcommand(1);
  // Its own examples: a subcommand otherwise inherits the top level's footer.
  prof->footer(
      "Examples:\n"
      "  advisor profile init                             # asks, then writes profile.yaml\n"
      "  advisor profile init - < answers.txt > me.yaml   # one answer per line\n"
      "  advisor profile validate profiles/cs-graduate.yaml\n"
      "  advisor --json profile validate me.yaml          # the problems as data\n"
      "Docs: docs/profile.md");
  auto o = std::make_shared<ValidateProfileOptions>();
  auto* val = prof->add_subcommand("validate", "Check a profile and report every problem as file:line:column");
  val->add_option("file", o->file, "Profile file (YAML or JSON; - for standard input)")->required()->type_name("FILE");
  val->footer(
      "Example:\n  advisor profile validate profiles/cs-graduate.yaml\nExit: 0 valid (warnings allowed); 65 errors; 66 "
      "missing.");
  add_runner(val, [o] { return run_validate_profile(*o); });
  setup_profile_init(*prof);
}

}  // namespace advisor::cli
