#pragma once
// Shared by the subcommands: global options, loading with diagnostics, output.
#include <fmt/format.h>
#include <functional>
#include <nlohmann/json_fwd.hpp>  // the type only: the files that build JSON include json.hpp
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "advisor/catalog_cache.hpp"
#include "advisor/catalog_loader.hpp"
#include "advisor/diagnostics.hpp"
#include "advisor/limits.hpp"
#include "advisor/model.hpp"
#include "advisor/profile_loader.hpp"
#include "advisor/util/bilingual.hpp"
#include "exit_codes.hpp"

namespace CLI {
class App;
class Validator;
class Error;
}  // namespace CLI

namespace advisor::cli {

using Json = nlohmann::ordered_json;

/// Says on stderr that writing standard output failed, with the system's reason
/// (`advisor: error: writing standard output: No space left on device`), and
/// returns k_exit_io.
int output_failed(int error_number);

/// CLI11's own exit for --help (app.exit), checked like every other output: help
/// that cannot be written (`--help > /dev/full`) is output_failed's 74, not a silent 0.
int exit_with_help(CLI::App& app, const CLI::Error& e);

/// A failure that ends the command: message to stderr, nothing on stdout.
struct CommandError {
  int code;
  Text message;
  Text hint;  ///< what to do next; may be empty
};

/// Options every command takes.
struct GlobalOptions {
  std::vector<std::string> catalogs;  ///< --catalog (repeatable); empty: ADVISOR_CATALOG or built-in
  std::string lang_flag;              ///< --lang
  std::string as_of_flag;             ///< --as-of
  bool json = false;
  std::string color = "auto";
  long long max_file_size = 0;  ///< --max-file-size; 0: the defaults of Limits
  bool no_cache = false;        ///< --no-cache: always load the catalogue from YAML
  bool quiet = false;           ///< --quiet: errors only on standard error

  Lang lang = Lang::en;  ///< resolved
  Date as_of;            ///< resolved
  bool use_color = false;
  int width = 0;  ///< terminal columns; 0 = do not wrap
  Limits limits;  ///< resolved: the defaults, --max-file-size applied
};

GlobalOptions& globals();

/// Resolves language, date, colour and width from flags and the environment.
void resolve_globals();

/// Picks the text of the current language.
inline std::string tr(const Text& t) { return t.in(globals().lang); }
inline std::string tr(const char* en, const char* zh) { return globals().lang == Lang::zh ? zh : en; }
/// Formats the current language's pattern (runtime format strings: the two differ).
template <typename... Args>
std::string trf(const char* en, const char* zh, Args&&... args) {
  return fmt::format(fmt::runtime(tr(en, zh)), std::forward<Args>(args)...);
}
using util::T;
/// A count with its noun in the current language: "1 role", "2 roles", "2 个岗位".
inline std::string count_of(size_t n, const char* one, const char* many, const char* zh_unit) {
  return globals().lang == Lang::zh ? fmt::format("{} {}", n, zh_unit) : fmt::format("{} {}", n, n == 1 ? one : many);
}

/// Where a command writes its data. Printed by main only when the command succeeds
/// (exit 0 or 1), so a failure never leaves half an answer on stdout.
std::ostringstream& out();

/// Set by commands whose JSON report is the answer even when they fail (validate):
/// main then prints stdout on exit 65 too.
bool& report_on_failure();

/// The output language: the --lang value when given, else the first of LC_ALL,
/// LC_MESSAGES, LANG that is set (zh* → Chinese).
Lang pick_language(const std::string& flag);

/// Prints diagnostics to standard error: errors with their line and a caret, each warning
/// once on one line (with its excerpt when `warning_excerpts`: profile validate); under
/// --quiet, errors only.
void print_diagnostics(const Diagnostics& d, bool warning_excerpts = false);

/// The catalogue the options name, loaded and validated; throws CommandError(65)
/// with every diagnostic printed, or 66 when a directory is missing.
const Catalog& catalog();

/// The id and version of that catalogue: for the built-in one, read from the first
/// bytes of advisor's snapshot without loading it (`advisor --version`).
CatalogIdentity catalog_identity();

/// A profile file, loaded against the catalogue; warnings printed, errors → 65/66.
Profile load_profile_file(const std::string& path);

/// Catalogue ids for "did you mean" in messages.
std::string suggest(const std::string& word, const std::vector<std::string>& candidates);

/// The id of the item of `kind` that `text` names (id in any case or width, zh or en
/// name, alias), or a usage error (exit 2): unknown, with a "did you mean" and where
/// to see them all; ambiguous, listing the candidates.
const std::string& require_id(const Catalog& c, ItemKind kind, const std::string& text);

/// The role that `text` names, or a usage error (exit 2), as require_id.
const Role& require_role(const Catalog& c, const std::string& text);

/// For counts (--top, --jobs, sizes): a negative number is a usage error, not the
/// huge unsigned value CLI11 would convert it to.
CLI::Validator non_negative();

/// "CERT" or "CERT/LEVEL" → the levels meant (every level of every certificate when
/// `targets` is empty); an unknown id is a usage error (exit 2) with a "did you mean".
std::vector<std::pair<const Certificate*, const CertificateLevel*>> resolve_levels(
    const Catalog& c, const std::vector<std::string>& targets);

/// What bold(), green()… write where a colour sequence's ESC goes: a byte that
/// never occurs in UTF-8, so terminal_safe() can tell the colours advisor writes
/// from control characters that came in with a profile or catalogue.
inline constexpr const char* k_color_mark = "\xff";

/// Text for the terminal: every control character escaped (\x1b, \u009b), the
/// colour sequences advisor wrote itself turned into real ones. main() passes
/// all of standard output and every diagnostic through it; docs/limits.md.
std::string terminal_safe(std::string_view text);

/// Colour and emphasis, only when enabled.
std::string bold(const std::string& s);
std::string green(const std::string& s);
std::string red(const std::string& s);
std::string yellow(const std::string& s);
std::string dim(const std::string& s);
std::string cyan(const std::string& s);

/// A table aligned by display width (CJK characters are two columns).
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  /// Renders with two spaces between columns; the last column wraps to the
  /// terminal width when there is one.
  std::string render() const;
};

/// Prints text wrapped to the terminal width with an indent.
std::string wrapped(const std::string& text, int indent);

/// JSON of a {zh, en} text.
Json text_json(const Text& t);

/// Common JSON document start: {"schema_version": N, ...}.
Json json_doc();
constexpr int k_schema_version = 3;

/// Prints a JSON document to out().
void emit_json(const Json& doc);
/// The one way a tree becomes JSON text: nlohmann's dump (indent < 0: one line) with
/// U+2028 and U+2029 escaped (escape_line_separators), the bytes JsonWriter writes.
std::string dump_json(const Json& doc, int indent);
/// Indent of every --json document (a JsonWriter's output matches emit_json's).
constexpr int k_json_indent = 2;
/// Prints a document a JsonWriter wrote with k_json_indent.
void emit_json_text(const std::string& doc);

/// Subcommands register what runs when they are given; main runs the deepest one
/// after parsing, once the global options are resolved.
std::vector<std::pair<CLI::App*, std::function<int()>>>& runners();
inline void add_runner(CLI::App* app, std::function<int()> fn) { runners().emplace_back(app, std::move(fn)); }

// Subcommand set-up (one file each).
void setup_list(CLI::App& app);
void setup_show(CLI::App& app);
void setup_check(CLI::App& app);
void setup_recommend(CLI::App& app);
void setup_plan(CLI::App& app);
void setup_report(CLI::App& app);
void setup_catalog(CLI::App& app);
void setup_profile(CLI::App& app);
void setup_schema(CLI::App& app);
void setup_batch(CLI::App& app);
void setup_completion(CLI::App& app);
void setup_catalog_import(CLI::App& catalog);
void setup_profile_init(CLI::App& profile);

}  // namespace advisor::cli
