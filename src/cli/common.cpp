#include "common.hpp"

#include "advisor/json_writer.hpp"

#include <CLI/CLI.hpp>

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "advisor/embedded.hpp"
#include "advisor/limits.hpp"
#include "advisor/text.hpp"
#include "cached_catalog.hpp"

namespace advisor::cli {

// The CLI's per-process state, kept in function-local statics (built on first use,
// so no order-of-initialisation question between files). Each stays, for a reason:
// - globals(): CLI11 binds every global flag to a member when main sets the app up,
//   and tr()/trf() in every renderer read the language from it. The core never
//   sees it: commands pass what it holds (as_of, limits) as arguments.
// - runners(): what each cmd_*.cpp registers for its subcommand, filled while the
//   app is set up and read once by main after parsing (CLI11 has no such table).
// - report_on_failure() and out(): the stdout contract of docs/cli.md. A command
//   writes its answer into out(); main prints it only on exit 0 or 1 (or when a
//   command marks its report as the answer on failure too), so an error never
//   leaves half an answer on stdout.
// One process runs one command, so none is shared between two runs.
GlobalOptions& globals() {
  static GlobalOptions g;
  return g;
}

std::vector<std::pair<CLI::App*, std::function<int()>>>& runners() {
  static std::vector<std::pair<CLI::App*, std::function<int()>>> r;
  return r;
}

bool& report_on_failure() {
  static bool b = false;
  return b;
}

std::ostringstream& out() {
  static std::ostringstream s;
  return s;
}

namespace {
std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}
}  // namespace

Lang pick_language(const std::string& flag) {
  std::string lang = flag;
  if (lang.empty()) {
    // The first of LC_ALL, LC_MESSAGES, LANG that is set decides (POSIX order).
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      auto v = env(var);
      if (!v.empty()) {
        lang = v.rfind("zh", 0) == 0 ? "zh" : "en";
        break;
      }
    }
  }
  return lang == "zh" ? Lang::zh : Lang::en;
}

void resolve_globals() {
  auto& g = globals();
  g.lang = pick_language(g.lang_flag);
  if (!g.as_of_flag.empty()) {
    auto r = parse_date(g.as_of_flag);
    if (!r.date || r.month_only)
      throw CommandError{k_exit_usage,
                         T(fmt::format("--as-of: {}", r.date ? "give a full date, YYYY-MM-DD" : r.error),
                           fmt::format("--as-of：{}", r.date ? "请给出完整日期 YYYY-MM-DD" : r.error_zh)),
                         T("example: --as-of 2026-07-01", "例如：--as-of 2026-07-01")};
    g.as_of = *r.date;
  } else {
    g.as_of = today();
  }
  bool tty = ::isatty(STDOUT_FILENO) == 1;
  if (g.color == "always")
    g.use_color = true;
  else if (g.color == "never")
    g.use_color = false;
  else
    g.use_color = tty && env("NO_COLOR").empty() && env("TERM") != "dumb";
  g.width = 0;
  if (tty) {
    struct winsize ws {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) g.width = ws.ws_col;
  }
  g.limits = Limits{};
  if (g.max_file_size > 0) {
    // One flag for every kind of file: profiles and catalogue files alike.
    g.limits.max_file_bytes = static_cast<size_t>(g.max_file_size);
    g.limits.max_profile_bytes = static_cast<size_t>(g.max_file_size);
  }
}

int output_failed(int error_number) {
  std::cerr << fmt::format("advisor: {}: {}: {}\n", tr("error", "错误"),
                           tr("writing standard output", "写入标准输出失败"), std::strerror(error_number));
  return k_exit_io;
}

int exit_with_help(CLI::App& app, const CLI::Error& e) {
  errno = 0;
  int code = app.exit(e);
  std::cout.flush();
  if (!std::cout) return output_failed(errno != 0 ? errno : EIO);
  return code;
}

void print_diagnostics(const Diagnostics& d, bool warning_excerpts) {
  // Errors show their line and a caret; warnings are one line each (with their excerpt
  // only where they are the point: `profile validate`), and none at all under --quiet.
  std::set<std::string> said;
  for (const auto& item : d.items) {
    bool warning = item.severity != Severity::error;
    if (warning && globals().quiet) continue;
    Diagnostic shown = item;
    if (warning && !warning_excerpts) shown.source_line.clear();
    auto text = terminal_safe(format_diagnostic(shown, globals().lang));
    if (warning && !said.insert(text).second) continue;  // each warning once
    std::cerr << text;
  }
}

namespace {

/// The catalogue directories --catalog or ADVISOR_CATALOG name ("builtin" for the
/// built-in one); empty for the built-in catalogue alone.
std::vector<std::string> catalog_dirs() {
  auto& g = globals();
  std::vector<std::string> dirs = g.catalogs;
  if (dirs.empty()) {
    auto e = env("ADVISOR_CATALOG");
    size_t start = 0;
    while (!e.empty() && start <= e.size()) {
      auto colon = e.find(':', start);
      auto part = e.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!part.empty()) dirs.push_back(part);
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  return dirs;
}

/// Whether the catalogue comes from the snapshot compiled into advisor: the built-in
/// catalogue alone, without --no-cache (docs/performance.md).
bool builtin_snapshot_used(const std::vector<std::string>& dirs) {
  return !globals().no_cache && (dirs.empty() || (dirs.size() == 1 && dirs.front() == "builtin"));
}

}  // namespace

CatalogIdentity catalog_identity() {
  if (builtin_snapshot_used(catalog_dirs()))
    if (const auto& files = embedded_snapshot(); !files.empty())
      if (auto id = embedded_catalog_identity(files.front().text)) return *id;
  const auto& c = catalog();
  return CatalogIdentity{c.id, c.version};
}

const Catalog& catalog() {
  // Never destroyed: freeing the catalogue's thousands of strings at exit would be a
  // twentieth of a `recommend` process, and the system takes the memory back anyway.
  static auto& loaded = *new std::optional<Catalog>();
  if (loaded) return *loaded;
  auto& g = globals();
  auto dirs = catalog_dirs();
  if (builtin_snapshot_used(dirs) && (loaded = load_builtin_snapshot())) return *loaded;
  std::vector<InputFile> files;
  if (dirs.empty()) {
    files = builtin_catalog_files();
  } else {
    for (const auto& d : dirs) {
      if (d == "builtin") {
        auto b = builtin_catalog_files();
        files.insert(files.end(), b.begin(), b.end());
        continue;
      }
      try {
        auto f = read_catalog_dir(d, g.limits);
        files.insert(files.end(), f.begin(), f.end());
      } catch (const InputError& e) {
        throw CommandError{exit_code(e.kind()), e.message(),
                           T("check the path given to --catalog or ADVISOR_CATALOG",
                             "请检查 --catalog 或 ADVISOR_CATALOG 给出的路径")};
      }
    }
  }
  // A large catalogue (an ESCO import) loads from its compiled snapshot when one
  // matches these exact files, and writes one after a clean YAML load; see
  // cached_catalog.hpp and docs/performance.md.
  if (!g.no_cache && (loaded = load_cached_catalog(files))) return *loaded;
  Diagnostics diags;
  loaded = load_catalog(files, diags, g.limits);
  if (!g.no_cache && diags.items.empty()) store_cached_catalog(files, *loaded);
  print_diagnostics(diags);
  if (diags.has_errors()) {
    auto n = diags.error_count();
    loaded.reset();
    throw CommandError{
        k_exit_invalid,
        T(fmt::format("the catalogue has {} error{}", n, n == 1 ? "" : "s"), fmt::format("目录库有 {} 处错误", n)),
        T("fix them, then run: advisor catalog validate DIR", "修正后运行：advisor catalog validate DIR")};
  }
  return *loaded;
}

Profile load_profile_file(const std::string& path) {
  const auto& c = catalog();
  InputFile f;
  try {
    f = read_profile_file(path, globals().limits);
  } catch (const InputError& e) {
    throw CommandError{exit_code(e.kind()), e.message(),
                       T("create one with: advisor profile init FILE", "可用此命令创建：advisor profile init FILE")};
  }
  Diagnostics diags;
  auto p = load_profile(f, c, globals().as_of, diags, globals().limits);
  print_diagnostics(diags);
  if (diags.has_errors()) {
    auto n = diags.error_count();
    throw CommandError{
        k_exit_invalid,
        T(fmt::format("the profile has {} error{}", n, n == 1 ? "" : "s"), fmt::format("档案有 {} 处错误", n)),
        T(fmt::format("fix them, then check with: advisor profile validate {}", path),
          fmt::format("修正后可用此命令检查：advisor profile validate {}", path))};
  }
  return p;
}

std::string suggest(const std::string& word, const std::vector<std::string>& candidates) {
  return closest_match(word, candidates);
}

namespace {
std::string sgr(const std::string& s, const char* code) {
  if (!globals().use_color || s.empty()) return s;
  return fmt::format("{}[{}m{}{}[0m", k_color_mark, code, s, k_color_mark);
}
}  // namespace

std::string terminal_safe(std::string_view text) {
  if (!has_controls(text)) return std::string(text);
  std::string out = escape_controls(text);
  // Put back the colour sequences sgr() wrote: "\xff" + "[" digits "m", escaped
  // above as the invalid byte it is.
  std::string_view mark = "\\xff[";
  std::string done;
  done.reserve(out.size());
  size_t i = 0;
  for (size_t at; (at = out.find(mark, i)) != std::string::npos; i = at + mark.size()) {
    size_t k = at + mark.size();
    while (k < out.size() && ((out[k] >= '0' && out[k] <= '9') || out[k] == ';')) ++k;
    done.append(out, i, at - i);
    done += k < out.size() && out[k] == 'm' ? "\x1b[" : std::string(mark);
  }
  done.append(out, i, std::string::npos);
  return done;
}

std::string bold(const std::string& s) { return sgr(s, "1"); }
std::string green(const std::string& s) { return sgr(s, "32"); }
std::string red(const std::string& s) { return sgr(s, "31"); }
std::string yellow(const std::string& s) { return sgr(s, "33"); }
std::string dim(const std::string& s) { return sgr(s, "2"); }
std::string cyan(const std::string& s) { return sgr(s, "36"); }

namespace {
constexpr int k_max_column = 100;        ///< widest column of a table, but the last
constexpr int k_max_cell_columns = 300;  ///< longest cell shown but in the last column; the rest is cut with "…"

// Display width without the colour escapes.
int visible_width(const std::string& s) {
  std::string plain;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\x1b' || s[i] == k_color_mark[0]) {
      while (i < s.size() && s[i] != 'm') ++i;
      continue;
    }
    plain.push_back(s[i]);
  }
  return display_width(plain);
}
}  // namespace

// A cell cut to at most `columns` display columns, with "…" when cut: a 5 MB name
// must not become a 5 MB column that every other row is padded to.
static std::string cut_cell(const std::string& cell, int columns) {
  if (cell.size() <= static_cast<size_t>(columns) || cell.find(k_color_mark[0]) != std::string::npos) return cell;
  int used = 0;
  size_t i = 0;
  while (i < cell.size()) {
    size_t n = std::max<size_t>(1, utf8_sequence_length(cell, i));
    int w = display_width(std::string_view(cell).substr(i, n));
    if (used + w > columns - 1) return cell.substr(0, i) + "…";
    used += w;
    i += n;
  }
  return cell;
}

std::string Table::render() const {
  size_t ncol = header.size();
  for (const auto& r : rows) ncol = std::max(ncol, r.size());
  std::vector<int> w(ncol, 0);
  auto measure = [&](const std::vector<std::string>& r) {
    for (size_t i = 0; i < r.size(); ++i)
      w[i] = std::max(w[i], visible_width(i + 1 < ncol ? cut_cell(r[i], k_max_cell_columns) : r[i]));
  };
  if (!header.empty()) measure(header);
  for (const auto& r : rows) measure(r);
  // On a terminal the table fits its width: the widest columns other than the
  // first (ids, which people copy whole) give up columns and wrap, widest first.
  int width = globals().width;
  if (width > 0 && ncol > 1) {
    constexpr int k_min_column = 12;
    int total = 0;
    for (int x : w) total += x;
    int avail = width - 1 - 2 * static_cast<int>(ncol - 1);
    while (total > avail) {
      size_t widest = 1;
      for (size_t i = 2; i < ncol; ++i)
        if (w[i] >= w[widest]) widest = i;
      if (w[widest] <= k_min_column) break;
      --w[widest];
      --total;
    }
  }
  // Whatever the terminal, no column but the last is wider than k_max_column: a
  // longer cell wraps within it.
  for (size_t i = 0; i + 1 < ncol; ++i) w[i] = std::min(w[i], k_max_column);
  std::string s;
  auto line = [&](const std::vector<std::string>& r, bool head) {
    std::vector<std::vector<std::string>> parts(ncol);
    size_t nlines = 1;
    for (size_t i = 0; i < ncol; ++i) {
      // The last column pads nothing: only the others are cut.
      std::string cell = i >= r.size() ? "" : i + 1 < ncol ? cut_cell(r[i], k_max_cell_columns) : r[i];
      // Coloured cells are never split: an escape sequence must not be cut.
      if ((width > 0 || i + 1 < ncol) && visible_width(cell) > w[i] && cell.find(k_color_mark[0]) == std::string::npos)
        parts[i] = wrap_text(cell, w[i]);
      else
        parts[i] = {cell};
      nlines = std::max(nlines, parts[i].size());
    }
    for (size_t k = 0; k < nlines; ++k) {
      std::string l;
      for (size_t i = 0; i < ncol; ++i) {
        std::string p = k < parts[i].size() ? parts[i][k] : "";
        l += p;
        if (i + 1 < ncol) l += std::string(static_cast<size_t>(std::max(0, w[i] - visible_width(p)) + 2), ' ');
      }
      while (!l.empty() && l.back() == ' ') l.pop_back();
      s += (head ? bold(l) : l) + "\n";
    }
  };
  if (!header.empty()) line(header, true);
  for (const auto& r : rows) line(r, false);
  return s;
}

std::string wrapped(const std::string& text, int indent) {
  std::string pad(static_cast<size_t>(indent), ' ');
  int w = globals().width;
  if (w <= 0) return pad + text + "\n";
  std::string s;
  for (const auto& l : wrap_text(text, std::max(20, w - indent - 1))) s += pad + l + "\n";
  return s;
}

Json text_json(const Text& t) { return Json{{"zh", t.english_only() ? Json(nullptr) : Json(t.zh)}, {"en", t.en}}; }

Json json_doc() {
  Json j;
  j["schema_version"] = k_schema_version;
  return j;
}

std::string dump_json(const Json& doc, int indent) {
  std::string text = doc.dump(indent, ' ', false, Json::error_handler_t::replace);
  escape_line_separators(text);
  return text;
}

void emit_json(const Json& doc) { out() << dump_json(doc, k_json_indent) << "\n"; }

void emit_json_text(const std::string& doc) { out() << doc << "\n"; }

namespace {
struct KindWords {
  const char* en;
  const char* zh;
  const char* list;
};
KindWords kind_words(ItemKind kind) {
  switch (kind) {
    case ItemKind::role:
      return {"role", "岗位", "roles"};
    case ItemKind::category:
      return {"category", "岗位类别", "categories"};
    case ItemKind::certificate:
      return {"certificate", "证书", "certificates"};
    case ItemKind::skill:
      break;
  }
  return {"skill", "技能", "skills"};
}
}  // namespace

const std::string& require_id(const Catalog& c, ItemKind kind, const std::string& text) {
  auto found = c.resolve(kind, text);
  if (found.size() == 1) return c.item_id(kind, found[0]);
  auto w = kind_words(kind);
  if (found.empty()) {
    auto guess = c.suggest(kind, text);
    std::string none_en = kind == ItemKind::skill && guess.empty() ? "; nothing in the catalogue is close" : "";
    std::string none_zh = kind == ItemKind::skill && guess.empty() ? "；目录库中没有相近的技能" : "";
    auto hint = kind == ItemKind::skill && guess.empty()
                    ? T(fmt::format("search for it with: advisor list skills --search '{}'", text),
                        fmt::format("可运行 advisor list skills --search '{}' 查找", text))
                    : T(fmt::format("see them all with: advisor list {}", w.list),
                        fmt::format("可运行 advisor list {} 查看全部", w.list));
    throw CommandError{k_exit_usage,
                       T(fmt::format("unknown {} '{}'{}{}", w.en, text,
                                     guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess), none_en),
                         fmt::format("未知的{}“{}”{}{}", w.zh, text,
                                     guess.empty() ? "" : fmt::format("（是否想写“{}”？）", guess), none_zh)),
                       hint};
  }
  std::string en, zh;
  for (auto i : found) {
    en += fmt::format("\n  {}  {}", c.item_id(kind, i), c.item_name(kind, i).en);
    zh += fmt::format("\n  {}  {}", c.item_id(kind, i), c.item_name(kind, i).zh);
  }
  throw CommandError{k_exit_usage,
                     T(fmt::format("'{}' names more than one {}:{}", text, w.en, en),
                       fmt::format("“{}”对应多个{}：{}", text, w.zh, zh)),
                     T("write the id", "请写 id")};
}

CLI::Validator non_negative() {
  return CLI::Validator(
      [](std::string& value) {
        auto first = value.find_first_not_of(" \t");
        return first != std::string::npos && value[first] == '-' ? std::string("a count cannot be negative: ") + value
                                                                 : std::string();
      },
      "");
}

const Role& require_role(const Catalog& c, const std::string& text) {
  return *c.role(require_id(c, ItemKind::role, text));
}

}  // namespace advisor::cli
