// advisor: parse arguments, run one subcommand, map the outcome to an exit code.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <iostream>
#include <string_view>
#include <vector>
#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "cli_model.hpp"
#include "common.hpp"
#include "help_zh.hpp"

using namespace advisor;
using namespace advisor::cli;

namespace {

void print_error(const Text& message, const Text& hint) {
  std::cerr << terminal_safe(fmt::format("advisor: {}: {}\n", tr("error", "错误"), tr(message)));
  if (!hint.empty()) std::cerr << terminal_safe(fmt::format("  {}\n", tr(hint)));
}

/// Writes the whole answer to standard output; on failure (a full disk, a closed
/// pipe) says what failed and returns 74 (EX_IOERR).
int write_stdout(const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(STDOUT_FILENO, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return output_failed(n < 0 ? errno : EIO);
    done += static_cast<size_t>(n);
  }
  return k_exit_ok;
}

/// CLI11's parse errors are English only: the common ones get a Chinese sentence,
/// with CLI11's own text kept after it so nothing is lost in translation.
Text parse_error_text(const CLI::ParseError& e) {
  std::string what = e.what();
  auto zh = [&](const std::string& sentence) { return T(what, fmt::format("{}（{}）", sentence, what)); };
  auto before = [&](const std::string& marker) {
    auto at = what.find(marker);
    return at == std::string::npos ? std::string() : what.substr(0, at);
  };
  auto after = [&](const std::string& marker) {
    auto at = what.find(marker);
    return at == std::string::npos ? std::string() : what.substr(at + marker.size());
  };
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    if (what.rfind("Requires at least", 0) == 0) return zh("缺少子命令");
    auto name = before(" is required");
    if (!name.empty()) return zh(fmt::format("缺少必需的参数 {}", name));
    return zh("缺少必需的参数");
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    auto extra = after("not expected: ");
    return zh(fmt::format("无法识别的参数：{}", extra.empty() ? what : extra));
  }
  if (dynamic_cast<const CLI::ValidationError*>(&e)) {
    // "--lang: fr not in {zh,en}"
    auto set = what.find(" not in {");
    auto colon = what.find(": ");
    if (set != std::string::npos && colon != std::string::npos && colon < set)
      return zh(fmt::format("{} 的取值“{}”无效，可选：{}", what.substr(0, colon),
                            what.substr(colon + 2, set - colon - 2), what.substr(set + 8)));
    return zh("参数取值无效");
  }
  if (dynamic_cast<const CLI::ConversionError*>(&e)) return zh("参数取值的类型不对");
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    if (what.find("required") != std::string::npos && what.find("missing") != std::string::npos)
      return zh(fmt::format("选项 {} 缺少取值", before(":")));
    return zh("参数个数不对");
  }
  return zh("命令行有误");
}

/// The program's description and examples, and the options every command takes.
void add_global_options(CLI::App& app, bool& version) {
  app.fallthrough();
  app.require_subcommand(0, 1);
  app.footer(
      "Examples:\n"
      "  advisor recommend --profile profiles/cs-graduate.yaml\n"
      "  advisor check --profile me.yaml aigc-application-engineer\n"
      "  advisor gap --profile me.yaml --role ai-solution-architect\n"
      "  advisor list roles --lang zh\n\n"
      "Exit codes: 0 ok; 1 a checked level is not eligible or unknown; 2 usage; 65 invalid\n"
      "profile or catalogue; 66 input missing or unreadable; 70 internal error; 74 writing\n"
      "the output failed.\n"
      "Docs: docs/cli.md");
  auto& g = globals();
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
  app.add_option("--max-file-size", g.max_file_size,
                 "Largest input file accepted, in bytes, 1 to 4294967296 (default 64 MiB for catalogue files, "
                 "1 MiB for profiles)")
      ->type_name("BYTES")
      ->check(CLI::Range(1LL, 4294967296LL));
  app.add_flag("--no-cache", g.no_cache,
               "Load the catalogue from its YAML, not from a compiled snapshot (docs/performance.md)");
  app.add_flag("--quiet,-q", g.quiet, "Print errors only: no warnings on standard error");
  app.add_flag("--version", version, "Print the version and the catalogue's version");
}

/// One setup_* per subcommand file, in the order --help lists them.
/// Each command's setup and the subcommand names it registers.
struct CommandSetup {
  std::vector<std::string_view> names;
  void (*setup)(CLI::App&);
};

const std::vector<CommandSetup>& command_setups() {
  static const std::vector<CommandSetup> all = {
      {{"recommend", "gap"}, setup_recommend},
      {{"check"}, setup_check},
      {{"plan"}, setup_plan},
      {{"report"}, setup_report},
      {{"list"}, setup_list},
      {{"show"}, setup_show},
      {{"catalog"}, setup_catalog},
      {{"schema"}, setup_schema},
      {{"profile"}, setup_profile},
      {{"batch"}, setup_batch},
      {{"completion", "__complete-ids"}, setup_completion},
      {{"__man"}, setup_man},
  };
  return all;
}

/// Registers the commands a parse of these arguments needs. Building every command's
/// options was most of what `advisor --version` cost and a tenth of `recommend`: the
/// command named on the line is enough, none for --version alone. Every command when
/// the line names none (the help lists them, a usage error suggests one), or names one
/// that reads the others (the completion scripts and the man page).
void add_subcommands(CLI::App& app, const std::string& word, bool version_alone) {
  const CommandSetup* named = nullptr;
  for (const auto& c : command_setups())
    if (std::find(c.names.begin(), c.names.end(), word) != c.names.end()) named = &c;
  bool introspects = word == "completion" || word == "__complete-ids" || word == "__man";
  if (named && !introspects) {
    named->setup(app);
    return;
  }
  if (!named && version_alone) return;
  for (const auto& c : command_setups()) c.setup(app);
}

/// Whether the line asks for --version and nothing else that would print (no help).
bool version_only(int argc, char** argv) {
  bool version = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--help" || a == "-h" || a == "--help-all") return false;
    version = version || a == "--version";
  }
  return version;
}

/// CLI11 stores option values only once parsing ends: an error before then leaves
/// --lang unset, so read it from the arguments to answer in the language asked for.
void recover_lang(int argc, char** argv) {
  auto& g = globals();
  for (int i = 1; i < argc && g.lang_flag.empty(); ++i) {
    std::string a = argv[i];
    if (a == "--lang" && i + 1 < argc)
      g.lang_flag = argv[i + 1];
    else if (a.rfind("--lang=", 0) == 0)
      g.lang_flag = a.substr(7);
  }
  if (g.lang_flag != "zh" && g.lang_flag != "en") g.lang_flag.clear();
}

/// The first word that is neither a global option nor its value: the command asked for.
std::string command_word(const CLI::App& app, int argc, char** argv) {
  std::string first;
  for (int i = 1; i < argc && first.empty(); ++i) {
    std::string a = argv[i];
    if (a.size() < 2 || a[0] != '-') {
      first = a;
      continue;
    }
    if (a.find('=') != std::string::npos) continue;
    for (const auto* opt : app.get_options([](const CLI::Option* o) { return o->get_expected_max() > 0; }))
      if (a.rfind("--", 0) == 0 && opt->check_lname(a.substr(2))) ++i;
  }
  return first;
}

/// A parse error, in the language asked for. A mistyped subcommand says which one was
/// meant (hidden commands are known, never suggested).
int usage_error(CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  recover_lang(argc, argv);
  resolve_globals();
  Text hint = T("run 'advisor --help' for usage", "运行 advisor --help 查看用法");
  std::string first = command_word(app, argc, argv);
  if (!first.empty()) {
    std::vector<std::string> visible;
    bool known = false;
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      known = known || sub->get_name() == first;
      if (!sub->get_group().empty()) visible.push_back(sub->get_name());
    }
    if (!known) {
      auto guess = suggest(first, visible);
      print_error(
          T(fmt::format("unknown command '{}'{}", first,
                        guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess)),
            fmt::format("未知的命令“{}”{}", first, guess.empty() ? "" : fmt::format("（是否想用“{}”？）", guess))),
          hint);
      return k_exit_usage;
    }
  }
  print_error(parse_error_text(e), hint);
  return k_exit_usage;
}

/// After a good parse: --version, the help of a bare command, or the most deeply
/// nested subcommand that was given ("catalog validate").
int run_parsed(CLI::App& app, bool version) {
  resolve_globals();
  if (version) {
    auto c = catalog_identity();
    out() << fmt::format("advisor {}\n{} {} ({})\n", ADVISOR_VERSION, tr("catalogue", "目录库"),
                         c.version.empty() ? "-" : c.version, c.id);
    return k_exit_ok;
  }
  if (app.get_subcommands().empty()) {
    std::cout << app.help();
    return k_exit_usage;
  }
  std::function<int()>* chosen = nullptr;
  for (auto& [sub, fn] : runners())
    if (sub->parsed()) chosen = &fn;
  if (!chosen) {
    std::cout << app.get_subcommands().front()->help();
    return k_exit_usage;
  }
  return (*chosen)();
}

int run(int argc, char** argv) {
  CLI::App app{
      "advisor: career paths into AI work — which certificates you can sit, which roles fit, "
      "and the road to them.",
      "advisor"};
  bool version = false;
  add_global_options(app, version);
  add_subcommands(app, command_word(app, argc, argv), version_only(argc, argv));
  localize_help(app, early_language(argc, argv));
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return exit_with_help(app, e);
  } catch (const CLI::CallForAllHelp& e) {
    return exit_with_help(app, e);
  } catch (const CLI::ParseError& e) {
    return usage_error(app, e, argc, argv);
  }
  return run_parsed(app, version);
}

// Faults in the heap a command uses with one system call instead of one page fault
// per 4 KB page as it grows. On the VMs advisor is benchmarked on a page fault costs
// about 12 µs and a short `recommend` touches ~100 fresh heap pages: a sixth of the
// process (docs/performance.md). glibc on Linux only; elsewhere, or on a kernel
// without MADV_POPULATE_WRITE (5.14), nothing happens and the pages fault in as usual.
void prefault_heap() {
#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_POPULATE_WRITE)
  constexpr size_t k_step = 512u << 10;
  mallopt(M_TOP_PAD, static_cast<int>(k_step));             // the heap grows 512 KB at a time,
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(4 * k_step));  // keeping up to 2 MB free at its top
  // Below the mmap threshold (128 KB), so it comes from the heap and extends it.
  void* probe = std::malloc(100u << 10);
  if (!probe) return;
  auto page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  auto from = (reinterpret_cast<uintptr_t>(probe) + page - 1) & ~(page - 1);
  auto to = reinterpret_cast<uintptr_t>(sbrk(0));
  std::free(probe);
  if (to > from && to - from <= 8 * k_step) madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE);
#endif
}

// A closed standard input would hand its number to the next file advisor opens,
// and `--profile -` would then read that file: hold the slot with a descriptor
// that refuses reading, so reading stdin fails with EBADF and says so.
void hold_closed_stdin() {
  if (::fcntl(STDIN_FILENO, F_GETFD) < 0 && errno == EBADF) {
    int fd = ::open("/dev/null", O_WRONLY);
    if (fd > STDIN_FILENO) ::close(fd);
  }
}

}  // namespace

int main(int argc, char** argv) {
  hold_closed_stdin();
  prefault_heap();
  int code = 0;
  try {
    code = run(argc, argv);
  } catch (const CommandError& e) {
    print_error(e.message, e.hint);
    return e.code;
  } catch (const Error& e) {  // every core error, by its kind
    print_error(e.message(), {});
    return exit_code(e.kind());
  } catch (const std::bad_alloc&) {
    print_error(T("out of memory", "内存不足"), {});
    return k_exit_internal;
  } catch (const std::exception& e) {
    print_error(T(fmt::format("internal error: {}", e.what()), fmt::format("内部错误：{}", e.what())),
                T("please report this with the command that caused it", "请连同触发它的命令一起报告此问题"));
    return k_exit_internal;
  }
  if (code == k_exit_ok || code == k_exit_not_eligible || report_on_failure()) {
    std::cout.flush();
    if (int failed = write_stdout(terminal_safe(out().str())); failed != k_exit_ok) return failed;
  }
  return code;
}
