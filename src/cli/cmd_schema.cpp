// advisor schema [NAME]: the JSON Schemas of the --json outputs (docs/schema/),
// printed from the copies compiled into the binary (cmake/embed_schemas.cmake).
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "advisor/embedded.hpp"
#include "common.hpp"

namespace advisor::cli {

/// The schemas of docs/schema/, in name order; generated at build time.
const std::vector<EmbeddedFile>& embedded_schemas();

namespace {

constexpr std::string_view k_suffix = ".schema.json";

struct SchemaOptions {
  std::string name;
};

/// "recommend.schema.json" → "recommend".
std::string short_name(std::string_view file) {
  if (file.size() > k_suffix.size() && file.substr(file.size() - k_suffix.size()) == k_suffix)
    file.remove_suffix(k_suffix.size());
  return std::string(file);
}

/// The schemas in the order of their short names ("check" before "check-brief",
/// which the file names, "check-brief.schema.json" < "check.schema.json", reverse).
std::vector<EmbeddedFile> by_short_name(const std::vector<EmbeddedFile>& files) {
  std::vector<EmbeddedFile> sorted = files;
  std::stable_sort(sorted.begin(), sorted.end(), [](const EmbeddedFile& a, const EmbeddedFile& b) {
    return short_name(a.name) < short_name(b.name);
  });
  return sorted;
}

int run_schema(const SchemaOptions& o) {
  const auto schemas = by_short_name(embedded_schemas());
  if (o.name.empty()) {
    if (globals().json) {
      Json j = json_doc();
      Json arr = Json::array();
      for (const auto& s : schemas) arr.push_back(Json{{"name", short_name(s.name)}, {"file", std::string(s.name)}});
      j["schemas"] = arr;
      emit_json(j);
    } else {
      for (const auto& s : schemas) out() << short_name(s.name) << "\n";
    }
    return k_exit_ok;
  }
  // The short name is what users type; the file name is accepted too, as in docs/json.md.
  std::vector<std::string> names;
  for (const auto& s : schemas) {
    if (short_name(s.name) == o.name || s.name == o.name) {
      // The schema is already a JSON document: --json prints it unchanged.
      out() << s.text;
      if (!s.text.empty() && s.text.back() != '\n') out() << "\n";
      return k_exit_ok;
    }
    names.push_back(short_name(s.name));
  }
  auto guess = suggest(o.name, names);
  throw CommandError{
      k_exit_usage,
      T(fmt::format("unknown schema '{}'{}", o.name, guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess)),
        fmt::format("未知的模式“{}”{}", o.name, guess.empty() ? "" : fmt::format("（是否想写“{}”？）", guess))),
      T("see them all with: advisor schema", "可运行 advisor schema 查看全部")};
}

}  // namespace

void setup_schema(CLI::App& app) {
  auto o = std::make_shared<SchemaOptions>();
  auto* sub = app.add_subcommand("schema", "Print the JSON Schema of a command's --json output (or list them)");
  sub->add_option("name", o->name, "Schema name, e.g. recommend (default: list the names)")->type_name("NAME");
  sub->footer(
      "Examples:\n  advisor schema\n  advisor schema recommend > recommend.schema.json\n"
      "Docs: docs/json.md. Exit: 0 ok; 2 unknown name.");
  add_runner(sub, [o] { return run_schema(*o); });
}

}  // namespace advisor::cli
