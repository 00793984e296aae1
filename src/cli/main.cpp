// advisor: parse arguments, run one subcommand, map the outcome to an exit code.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>

#include "common.hpp"

using namespace advisor;
using namespace advisor::cli;

namespace {

const std::vector<std::string> k_commands{"recommend", "check", "gap", "plan", "list", "show", "catalog",
                                          "schema", "profile", "batch", "completion"};

void print_error(const Text& message, const Text& hint) {
  std::cerr << fmt::format("advisor: {}: {}\n", tr("error", "错误"), tr(message));
  if (!hint.empty()) std::cerr << fmt::format("  {}\n", tr(hint));
}

int run(int argc, char** argv) {
  CLI::App app{"advisor: career paths into AI work — which certificates you can sit, which roles fit, "
               "and the road to them.",
               "advisor"};
  app.fallthrough();
  app.require_subcommand(0, 1);
  app.footer("Examples:\n"
             "  advisor recommend --profile profiles/cs-graduate.yaml\n"
             "  advisor check --profile me.yaml aigc-application-engineer\n"
             "  advisor gap --profile me.yaml --role ai-solution-architect\n"
             "  advisor list roles --lang zh\n\n"
             "Exit codes: 0 ok; 1 a checked level is not eligible or unknown; 2 usage; 65 invalid\n"
             "profile or catalogue; 66 input missing or unreadable; 70 internal error.\n"
             "Docs: docs/cli.md");
  auto& g = globals();
  bool version = false;
  app.add_option("--catalog", g.catalogs,
                 "Catalogue directory (repeatable; 'builtin' names the built-in one). Default: ADVISOR_CATALOG "
                 "(colon-separated) or the built-in catalogue")
      ->type_name("DIR");
  app.add_option("--lang", g.lang_flag, "Output language (default from LC_ALL/LC_MESSAGES/LANG)")
      ->check(CLI::IsMember({"zh", "en"}));
  app.add_option("--as-of", g.as_of_flag, "Evaluation date (default today)")->type_name("YYYY-MM-DD");
  app.add_flag("--json", g.json, "Print JSON (see docs/json.md)");
  app.add_option("--color", g.color, "Colour: auto (on a terminal, unless NO_COLOR or TERM=dumb), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--max-file-size", g.max_file_size, "Largest input file accepted, in bytes (default 64 MiB)")
      ->type_name("BYTES");
  app.add_flag("--version", version, "Print the version and the catalogue's version");

  setup_recommend(app);
  setup_check(app);
  // TMP setup_plan(app);
  setup_list(app);
  setup_show(app);
  setup_catalog(app);
  // TMP setup_schema(app);
  setup_profile(app);
  // TMP setup_batch(app);
  // TMP setup_completion(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    resolve_globals();
    std::string what = e.what();
    Text hint = T("run 'advisor --help' for usage", "运行 advisor --help 查看用法");
    // A mistyped subcommand: say which one was meant.
    if (argc > 1 && argv[1][0] != '-') {
      std::string first = argv[1];
      bool known = std::find(k_commands.begin(), k_commands.end(), first) != k_commands.end();
      if (!known) {
        auto guess = suggest(first, k_commands);
        print_error(T(fmt::format("unknown command '{}'{}", first,
                                  guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess)),
                      fmt::format("未知的命令“{}”{}", first, guess.empty() ? "" : fmt::format("（是否想用“{}”？）", guess))),
                    hint);
        return k_exit_usage;
      }
    }
    print_error(T(what, what), hint);
    return k_exit_usage;
  }
  resolve_globals();
  if (version) {
    const auto& c = catalog();
    out() << fmt::format("advisor {}\n{} {} ({})\n", ADVISOR_VERSION, tr("catalogue", "目录库"),
                         c.version.empty() ? "-" : c.version, c.id);
    return k_exit_ok;
  }
  if (app.get_subcommands().empty()) {
    std::cout << app.help();
    return k_exit_usage;
  }
  // Run the most deeply nested subcommand that was given ("catalog validate").
  std::function<int()>* chosen = nullptr;
  for (auto& [sub, fn] : runners())
    if (sub->parsed()) chosen = &fn;
  if (!chosen) {
    std::cout << app.get_subcommands().front()->help();
    return k_exit_usage;
  }
  return (*chosen)();
}

} // namespace

int main(int argc, char** argv) {
  int code = 0;
  try {
    code = run(argc, argv);
  } catch (const CommandError& e) {
    print_error(e.message, e.hint);
    return e.code;
  } catch (const InputError& e) {
    print_error(e.message(), {});
    return e.exit_code();
  } catch (const std::bad_alloc&) {
    print_error(T("out of memory", "内存不足"), {});
    return k_exit_internal;
  } catch (const std::exception& e) {
    print_error(T(fmt::format("internal error: {}", e.what()), fmt::format("内部错误：{}", e.what())),
                T("please report this with the command that caused it", "请连同触发它的命令一起报告此问题"));
    return k_exit_internal;
  }
  if (code == k_exit_ok || code == k_exit_not_eligible || report_on_failure()) {
    std::cout << out().str();
    std::cout.flush();
    if (!std::cout) return k_exit_internal;
  }
  return code;
}
