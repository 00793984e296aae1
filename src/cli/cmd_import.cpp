// advisor catalog import esco|onet DIR --out DIR [--force]
#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "advisor/importer.hpp"
#include "cached_catalog.hpp"
#include "common.hpp"

namespace advisor::cli {

namespace {

struct ImportOptions {
  std::string dataset;
  std::string dir;
  std::string out;
  bool force = false;
};

// A bar on stderr, redrawn in place; only on a terminal, so logs and pipes stay clean.
ImportProgress progress_bar(const std::string& label) {
  if (::isatty(STDERR_FILENO) != 1) return {};
  return [label, last = -1](uint64_t done, uint64_t total) mutable {
    int pct = total ? static_cast<int>(done * 100 / total) : 100;
    if (pct == last) return;
    last = pct;
    int filled = pct * 30 / 100;
    std::cerr << fmt::format("\r{} [{}{}] {:3d}%", label, std::string(static_cast<size_t>(filled), '#'),
                             std::string(static_cast<size_t>(30 - filled), ' '), pct);
    if (pct >= 100) std::cerr << "\n";
    std::cerr.flush();
  };
}

// A test hook, harmless and documented (docs/import.md, "Killed half way"): with
// ADVISOR_TEST_IMPORT_STOP_AT=N the import stops itself (SIGSTOP, as Ctrl-Z does) at
// step N of write_directory_staged, so tests/hostile/import_kill.py can look at the
// catalogue at that very point and kill the process there with SIGKILL. Unset, or
// not a positive number, it does nothing.
std::function<void(int)> stop_at_step_hook() {
  const char* v = std::getenv("ADVISOR_TEST_IMPORT_STOP_AT");
  if (!v || !*v) return {};
  char* end = nullptr;
  long at = std::strtol(v, &end, 10);
  if (*end != '\0' || at <= 0) return {};
  return [at](int step) {
    if (step == at) ::raise(SIGSTOP);
  };
}

int run_import(const ImportOptions& o) {
  ImportedCatalog imported;
  try {
    auto bar = progress_bar(tr("reading", "读取中"));
    imported = o.dataset == "esco" ? import_esco(o.dir, bar) : import_onet(o.dir, bar);
    print_diagnostics(imported.diags);
    write_imported(imported, o.out, o.force, stop_at_step_hook());
  } catch (const ImportError& e) {
    Text hint;
    if (e.kind() == ErrorKind::input_missing)
      hint = T("docs/import.md says where to download ESCO and O*NET and which files to give",
               "ESCO 与 O*NET 的下载地址及所需文件见 docs/import.md");
    throw CommandError{exit_code(e.kind()), e.message(), hint};
  }
  // The first answer on the import should not parse its YAML (13 MB for ESCO, about
  // 5 s): load it now, as `--catalog OUT` will, and store its snapshot in the cache.
  // The cache is an optimisation: nothing here can fail the import.
  if (!globals().no_cache) {
    bool tty = ::isatty(STDERR_FILENO) == 1;
    if (tty) std::cerr << tr("indexing for the first answer…", "为首次查询建立索引…") << std::flush;
    try {
      prepare_cached_catalog(o.out, globals().limits);
    } catch (const std::exception&) {}
    if (tty) std::cerr << tr(" done\n", " 完成\n");
  }
  auto n = imported.dropped;
  out() << trf("imported {} roles, {} skills, {} links, {} categories into {}{}\n",
               "已导入 {} 个岗位、{} 项技能、{} 条关联、{} 个类别到 {}{}\n", imported.roles, imported.skills,
               imported.links, imported.categories, o.out,
               n ? trf(" ({} row{} dropped, see above)", "（丢弃 {} 行，见上）", n, n == 1 ? "" : "s") : "");
  if (imported.incomplete > 0)
    out() << trf(
        "{} roles have no skills in the source: marked incomplete, left out of ranking, shown by `show role`\n",
        "{} 个岗位在来源中没有技能：已标为不完整，不参与排名，可用 show role 查看\n", imported.incomplete);
  out() << trf("use it with: advisor --catalog {} recommend --profile FILE  (add --catalog builtin to combine)\n",
               "用法：advisor --catalog {} recommend --profile FILE（加 --catalog builtin 可与内置目录合用）\n", o.out);
  return k_exit_ok;
}

}  // namespace

void setup_catalog_import(CLI::App& catalog) {
  auto o = std::make_shared<ImportOptions>();
  auto* sub = catalog.add_subcommand("import", "Convert ESCO or O*NET data files into a catalogue directory");
  sub->add_option("dataset", o->dataset, "Which data set: esco (ESCO 1.2.0) or onet (O*NET 29.2)")
      ->required()
      ->check(CLI::IsMember({"esco", "onet"}));
  sub->add_option("dir", o->dir, "Directory holding the data set's files")->required()->type_name("DIR");
  sub->add_option("--out", o->out, "Catalogue directory to write (created if missing)")->required()->type_name("DIR");
  sub->add_flag("--force", o->force, "Replace catalogue files that already exist");
  sub->footer(
      "Examples:\n"
      "  advisor catalog import esco ~/data/esco-1.2.0 --out esco/\n"
      "  advisor catalog import onet ~/data/onet-29.2 --out onet/\n"
      "  advisor --catalog builtin --catalog esco/ recommend --profile me.yaml\n"
      "Exit: 0 written; 2 output exists (use --force); 65 not the expected data; 66 input missing.\n"
      "Docs: docs/import.md");
  add_runner(sub, [o] { return run_import(*o); });
}

}  // namespace advisor::cli
