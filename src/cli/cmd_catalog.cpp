// advisor catalog validate [DIR] | catalog test [FILE...] | catalog import esco|onet DIR --out DIR
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "advisor/catalog_tests.hpp"
#include "to_json.hpp"

namespace advisor::cli {

namespace {

struct ValidateOptions {
  std::string dir;
};

struct TestOptions {
  std::vector<std::string> files;
};

Json counts_json(const Catalog& c) {
  return Json{{"roles", c.roles.size()},     {"categories", c.categories.size()},
              {"skills", c.skills.size()},   {"certificates", c.certificates.size()},
              {"domains", c.domains.size()}, {"claims", c.claims.size()},
              {"sources", c.sources.size()}};
}

int run_validate(const ValidateOptions& o) {
  std::vector<InputFile> files;
  if (!o.dir.empty()) {
    try {
      files = read_catalog_dir(o.dir, globals().limits);
    } catch (const InputError& e) {
      throw CommandError{exit_code(e.kind()), e.message(), {}};
    }
  } else if (!globals().catalogs.empty() || std::getenv("ADVISOR_CATALOG")) {
    // Validate the catalogue the global options name: catalog() reports and throws.
    const auto& c = catalog();
    if (globals().json) {
      Json j = json_doc();
      j["valid"] = true;
      j["errors"] = 0;
      j["warnings"] = 0;
      j["diagnostics"] = Json::array();
      j["counts"] = counts_json(c);
      emit_json(j);
    } else {
      out() << trf("catalogue OK: {}, {}, {}\n", "目录库有效：{}，{}，{}\n",
                   count_of(c.roles.size(), "role", "roles", "个岗位"),
                   count_of(c.skills.size(), "skill", "skills", "项技能"),
                   count_of(c.certificates.size(), "certificate", "certificates", "个证书"));
    }
    return k_exit_ok;
  } else {
    files = builtin_catalog_files();
  }
  Diagnostics diags;
  auto c = load_catalog(files, diags, globals().limits);
  print_diagnostics(diags);
  if (globals().json) {
    Json j = json_doc();
    j["valid"] = !diags.has_errors();
    j["errors"] = diags.error_count();
    j["warnings"] = diags.warning_count();
    Json arr = Json::array();
    for (const auto& d : diags.items) arr.push_back(diagnostic_json(d));
    j["diagnostics"] = arr;
    j["counts"] = counts_json(c);
    emit_json(j);
    if (diags.has_errors()) report_on_failure() = true;
  } else if (!diags.has_errors()) {
    out() << trf(
        "catalogue OK: {}, {}, {}{}\n", "目录库有效：{}，{}，{}{}\n",
        count_of(c.roles.size(), "role", "roles", "个岗位"), count_of(c.skills.size(), "skill", "skills", "项技能"),
        count_of(c.certificates.size(), "certificate", "certificates", "个证书"),
        diags.warning_count() ? trf(" ({})", "（{}）", count_of(diags.warning_count(), "warning", "warnings", "条警告"))
                              : "");
  }
  if (diags.has_errors()) {
    auto n = diags.error_count();
    std::cerr << fmt::format("advisor: {}: {}\n", tr("error", "错误"),
                             trf("{} error{} in the catalogue", "目录库中有 {} 处错误", n, n == 1 ? "" : "s"));
    return k_exit_invalid;
  }
  return k_exit_ok;
}

int run_test(const TestOptions& o) {
  const auto& c = catalog();
  std::vector<std::string> paths = o.files;
  if (paths.empty()) {
    // The tests beside the catalogue in use; for the built-in one, ./catalog/tests.
    std::string dir = globals().catalogs.empty() ? "catalog/tests" : globals().catalogs.back() + "/tests";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
      throw CommandError{k_exit_no_input,
                         T(fmt::format("no test files given and no '{}' directory", dir),
                           fmt::format("未给出测试文件，也没有“{}”目录", dir)),
                         T("name test files: advisor catalog test catalog/tests/*.yaml",
                           "请指定测试文件：advisor catalog test catalog/tests/*.yaml")};
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
      if (e.path().extension() == ".yaml" || e.path().extension() == ".yml") paths.push_back(e.path().string());
    std::sort(paths.begin(), paths.end());
  }
  std::vector<InputFile> files;
  for (const auto& p : paths) {
    try {
      files.push_back(read_regular_file(p, globals().limits.max_file_bytes));
    } catch (const InputError& e) {
      throw CommandError{exit_code(e.kind()), e.message(), {}};
    }
  }
  Diagnostics diags;
  auto report = run_catalog_tests(c, files, diags, globals().limits);
  print_diagnostics(diags);
  if (diags.has_errors()) {
    auto n = diags.error_count();
    throw CommandError{
        k_exit_invalid,
        T(fmt::format("{} error{} in the test files", n, n == 1 ? "" : "s"), fmt::format("测试文件中有 {} 处错误", n)),
        {}};
  }
  size_t failed = report.failed_cases();
  if (globals().json) {
    Json j = json_doc();
    Json cases = Json::array();
    for (const auto& cr : report.cases) {
      Json fails = Json::array();
      for (const auto& f : cr.failures)
        fails.push_back(
            Json{{"file", cr.file}, {"line", f.line}, {"column", f.column}, {"message", text_json(f.message)}});
      cases.push_back(Json{{"file", cr.file},
                           {"line", cr.line},
                           {"name", cr.name},
                           {"passed", cr.failures.empty()},
                           {"checks", cr.checks},
                           {"failures", fails}});
    }
    j["cases"] = cases;
    j["passed"] = report.cases.size() - failed;
    j["failed"] = failed;
    emit_json(j);
  } else {
    for (const auto& cr : report.cases) {
      for (const auto& f : cr.failures)
        out() << fmt::format("{}:{}:{}: {}: {} ({})\n", cr.file, f.line, f.column, red(tr("FAIL", "失败")),
                             tr(f.message), cr.name);
    }
    out() << trf("{}, {}: {} passed, {} failed\n", "{}，{}：{} 个通过，{} 个失败\n",
                 count_of(report.cases.size(), "case", "cases", "个用例"),
                 count_of(report.checks(), "check", "checks", "项检查"), report.cases.size() - failed, failed);
  }
  return failed ? k_exit_not_eligible : k_exit_ok;
}

}  // namespace

void setup_catalog(CLI::App& app) {
  auto* cat = app.add_subcommand("catalog", "Check, test and import catalogues");
  cat->require_subcommand(1);

  auto v = std::make_shared<ValidateOptions>();
  auto* val = cat->add_subcommand("validate", "Check a catalogue and report every problem as file:line:column");
  val->add_option("dir", v->dir, "Catalogue directory (default: the catalogue in use)")->type_name("DIR");
  val->footer(
      "Examples:\n  advisor catalog validate\n  advisor catalog validate my-catalog/ --json\n"
      "Exit: 0 clean (warnings allowed); 65 errors; 66 directory missing.");
  add_runner(val, [v] { return run_validate(*v); });

  auto t = std::make_shared<TestOptions>();
  auto* test =
      cat->add_subcommand("test", "Run catalogue test cases: a profile, a date, the expected outcome per level");
  test->add_option("files", t->files, "Test files (default: catalog/tests/*.yaml beside the catalogue)")
      ->type_name("FILE");
  test->footer(
      "Example:\n  advisor catalog test catalog/tests/*.yaml\nExit: 0 all pass; 1 an expectation failed; 65 invalid "
      "test file.");
  add_runner(test, [t] { return run_test(*t); });

  setup_catalog_import(*cat);
}

}  // namespace advisor::cli
