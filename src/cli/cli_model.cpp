#include "cli_model.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>

namespace advisor::cli {

namespace {

/// Values whose completion the definitions cannot tell (ids come from the
/// catalogue in use): (command path or "*", option or positional name) → kind.
struct CompletionRule {
  const char* path;
  const char* name;
  const char* kind;
};
constexpr CompletionRule k_completion_rules[] = {
    {"*", "--role", "ids:roles"},       {"*", "--category", "ids:categories"}, {"check", "targets", "ids:levels"},
    {"batch", "targets", "ids:levels"}, {"show", "id", "ids-of-first"},
};

// IsMember checks describe themselves as "{a,b,c}" inside the type name
// ("TEXT:{zh,en}"): the only way CLI11 2.1 exposes the allowed values.
std::vector<std::string> choices_of(const std::string& type_name) {
  std::vector<std::string> out;
  auto open = type_name.find('{'), close = type_name.rfind('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return out;
  std::string inner = type_name.substr(open + 1, close - open - 1);
  size_t start = 0;
  while (start <= inner.size()) {
    auto comma = inner.find(',', start);
    auto word = inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!word.empty()) out.push_back(word);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

CliOption describe_option(const std::string& path, const CLI::Option& opt) {
  CliOption o;
  for (const auto& s : opt.get_snames()) o.names.push_back("-" + s);
  for (const auto& l : opt.get_lnames()) o.names.push_back("--" + l);
  if (o.names.empty()) o.positional_name = opt.get_name(true);
  o.flag = opt.get_expected_max() == 0;
  o.required = opt.get_required();
  o.repeats = o.names.empty() && opt.get_items_expected_max() > 1;
  o.description = opt.get_description();
  if (!o.flag) {
    auto type = opt.get_type_name();
    o.choices = choices_of(type);
    auto colon = type.find(':');
    o.value_name = type.substr(0, colon);
    if (o.value_name.empty() || o.value_name == "TEXT") {
      o.value_name = o.positional_name.empty() ? "VALUE" : o.positional_name;
      std::transform(o.value_name.begin(), o.value_name.end(), o.value_name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    }
    if (!o.choices.empty())
      o.completion = "words";
    else if (o.value_name.rfind("FILE", 0) == 0)
      o.completion = "files";
    else if (o.value_name.rfind("DIR", 0) == 0)
      o.completion = "dirs";
    std::string key = o.names.empty() ? o.positional_name : o.names.back();
    for (const auto& r : k_completion_rules)
      if ((std::string(r.path) == "*" || r.path == path) && r.name == key) o.completion = r.kind;
  }
  return o;
}

void walk(const CLI::App& app, const std::string& path, std::vector<CliCommand>& out) {
  CliCommand c;
  c.path = path;
  c.description = app.get_description();
  c.footer = app.get_footer();
  for (const CLI::Option* opt : app.get_options({})) {
    auto o = describe_option(path, *opt);
    (o.names.empty() ? c.positionals : c.options).push_back(std::move(o));
  }
  auto subs = app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); });
  for (const auto* s : subs) {
    c.subcommands.push_back(s->get_name());
    c.subcommand_descriptions.push_back(s->get_description());
  }
  out.push_back(std::move(c));
  for (const auto* s : subs) walk(*s, path.empty() ? s->get_name() : path + " " + s->get_name(), out);
}

}  // namespace

std::vector<CliCommand> describe_cli(const CLI::App& root) {
  std::vector<CliCommand> out;
  walk(root, "", out);
  return out;
}

std::vector<CliOption> options_in_scope(const std::vector<CliCommand>& commands, const std::string& path) {
  std::vector<CliOption> out;
  std::vector<std::string> seen;
  // From the command itself up to the root: an inner option hides an outer one of the same name.
  std::string p = path;
  while (true) {
    for (const auto& c : commands) {
      if (c.path != p) continue;
      for (const auto& o : c.options) {
        if (std::any_of(o.names.begin(), o.names.end(),
                        [&](const std::string& n) { return std::find(seen.begin(), seen.end(), n) != seen.end(); }))
          continue;
        seen.insert(seen.end(), o.names.begin(), o.names.end());
        out.push_back(o);
      }
    }
    if (p.empty()) break;
    auto sp = p.rfind(' ');
    p = sp == std::string::npos ? "" : p.substr(0, sp);
  }
  return out;
}

}  // namespace advisor::cli
