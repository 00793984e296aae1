// Catalogue loading: YAML files → plain structs. Reference checks live in
// catalog_validate.cpp; this file only reads what is written.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

#include "advisor/catalog_loader.hpp"
#include "advisor/embedded.hpp"
#include "advisor/limits.hpp"
#include "advisor/util/bilingual.hpp"
#include "yaml_reader.hpp"

namespace advisor {

namespace fs = std::filesystem;
using util::T;

namespace {

// The catalogue file `path` of directory `real_dir` (its real path): a link must
// stay inside the directory, a link that goes nowhere or round in a loop cannot be
// read. Returns the path to read.
std::string checked_entry(const fs::directory_entry& e, const fs::path& real_dir) {
  std::error_code ec;
  auto path = e.path().string();
  if (!e.is_symlink(ec)) return path;
  auto target = fs::canonical(e.path(), ec);
  if (ec) cannot_read(path, ec.value());
  auto rel = target.lexically_relative(real_dir);
  if (rel.empty() || *rel.begin() == "..")
    throw InputError(path,
                     T(fmt::format("'{}' is a link to '{}', outside the catalogue directory '{}'", path,
                                   target.string(), real_dir.string()),
                       fmt::format("“{}”是指向“{}”的链接，在目录库“{}”之外", path, target.string(), real_dir.string())),
                     ErrorKind::invalid_input);
  return path;
}

}  // namespace

std::vector<InputFile> read_catalog_dir(const std::string& dir, const Limits& limits) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    throw InputError(
        dir, T(fmt::format("catalogue directory '{}' does not exist", dir), fmt::format("目录库“{}”不存在", dir)));
  }
  if (!fs::is_directory(dir, ec)) {
    throw InputError(dir,
                     T(fmt::format("catalogue '{}' is not a directory", dir), fmt::format("目录库“{}”不是目录", dir)));
  }
  auto real_dir = fs::canonical(dir, ec);
  if (ec) cannot_read(dir, ec.value());
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    auto ext = e.path().extension().string();
    std::error_code kind;
    if ((ext == ".yaml" || ext == ".yml") && !(e.is_directory(kind) && !kind))
      names.push_back(checked_entry(e, real_dir));
  }
  if (ec) {
    throw InputError(dir, T(fmt::format("cannot list '{}': {}", dir, ec.message()),
                            fmt::format("无法列出“{}”：{}", dir, ec.message())));
  }
  std::sort(names.begin(), names.end());
  if (names.empty()) {
    throw InputError(dir, T(fmt::format("catalogue directory '{}' has no .yaml files", dir),
                            fmt::format("目录库“{}”中没有 .yaml 文件", dir)));
  }
  std::vector<InputFile> files;
  for (const auto& n : names) files.push_back(read_regular_file(n, limits.max_file_bytes));
  return files;
}

std::vector<InputFile> builtin_catalog_files() {
  std::vector<InputFile> files;
  for (const auto& f : embedded_catalog())
    files.push_back(InputFile{"<builtin>/" + std::string(f.name), std::string(f.text)});
  return files;
}

namespace {

std::vector<Text> get_text_list(YamlContext& ctx, const YAML::Node& node, std::string_view what) {
  std::vector<Text> out;
  if (is_null(node)) return out;
  if (!node.IsSequence()) {
    ctx.error(node, T(fmt::format("{} must be a list", what), fmt::format("{} 应为列表", what)));
    return out;
  }
  for (const auto& item : node)
    if (auto t = get_text(ctx, item, what)) out.push_back(*t);
  return out;
}

template <typename F>
void for_each_item(YamlContext& ctx, const YAML::Node& seq, std::string_view what, F&& f) {
  if (is_null(seq)) return;
  if (!seq.IsSequence()) {
    ctx.error(seq, T(fmt::format("'{}' must be a list", what), fmt::format("“{}”应为列表", what)));
    return;
  }
  for (const auto& item : seq) f(item);
}

std::string require_id(YamlContext& ctx, const YAML::Node& item, std::string_view what) {
  auto idn = item["id"];
  if (!idn.IsDefined()) {
    ctx.error(item, T(fmt::format("{} has no 'id'", what), fmt::format("{} 缺少“id”", what)));
    return {};
  }
  auto id = get_string(ctx, idn, "id");
  if (!id) return {};
  bool ok = !id->empty();
  for (char c : *id) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_');
  if (!ok) {
    ctx.error(idn, T(fmt::format("id '{}' must be lowercase letters, digits and '-'", *id),
                     fmt::format("id“{}”只能由小写字母、数字和“-”组成", *id)));
  }
  return *id;
}

Text require_text(YamlContext& ctx, const YAML::Node& item, const char* key, std::string_view what) {
  auto n = item[key];
  if (!n.IsDefined()) {
    ctx.error(item, T(fmt::format("{} has no '{}'", what, key), fmt::format("{} 缺少“{}”", what, key)));
    return {};
  }
  return get_text(ctx, n, key).value_or(Text{});
}

/// What every named catalogue item starts with: where it is, its id and its name.
template <typename Item>
void read_identity(YamlContext& ctx, const YAML::Node& item, std::string_view what, Item& out) {
  out.pos = ctx.pos(item);
  out.id = require_id(ctx, item, what);
  out.name = require_text(ctx, item, "name", what);
}

Text optional_text(YamlContext& ctx, const YAML::Node& item, const char* key) {
  auto n = item[key];
  if (is_null(n)) return {};
  return get_text(ctx, n, key).value_or(Text{});
}

// `external_ids: {onet_soc: "15-2051.00"}`: scheme → value, both non-empty strings.
ExternalIds get_external_ids(YamlContext& ctx, const YAML::Node& node) {
  ExternalIds out;
  if (is_null(node)) return out;
  if (!node.IsMap()) {
    ctx.error(node, T("external_ids must be a map of scheme: id", "external_ids 应为“方案: 标识”的映射"));
    return out;
  }
  for (const auto& kv : node) {
    auto scheme = get_string(ctx, kv.first, "external_ids key");
    auto value = get_string(ctx, kv.second, "external id");
    if (scheme && value && !scheme->empty() && !value->empty()) out[*scheme] = *value;
  }
  return out;
}

// `same_as: {esco_label: [Python], onet_technology: [Python]}`: external ids of equal skills.
std::vector<ExternalRef> get_same_as(YamlContext& ctx, const YAML::Node& node) {
  std::vector<ExternalRef> out;
  if (is_null(node)) return out;
  if (!node.IsMap()) {
    ctx.error(node, T("same_as must be a map of scheme: [ids]", "same_as 应为“方案: [标识]”的映射"));
    return out;
  }
  for (const auto& kv : node) {
    auto scheme = get_string(ctx, kv.first, "same_as key");
    if (!scheme) continue;
    for (const auto& v : get_string_list(ctx, kv.second, "same_as"))
      if (!v.empty()) out.push_back({*scheme, v});
  }
  return out;
}

// `registration:` of a certificate: each fact {text: {zh, en}} or, for `site`,
// {url: …}, with the source that states it (validation requires one).
std::vector<RegistrationFact> registration_facts(YamlContext& ctx, const YAML::Node& map) {
  std::vector<RegistrationFact> out;
  if (!check_map(ctx, map, {"ask", "site", "how", "format", "fee", "sittings"}, "registration")) return out;
  for (const char* about : {"ask", "site", "how", "format", "fee", "sittings"}) {
    const YAML::Node n = map[about];
    if (is_null(n)) continue;
    bool site = std::string_view(about) == "site";
    if (!check_map(ctx, n, {site ? "url" : "text", "source", "sources"}, about)) continue;
    RegistrationFact f;
    f.about = about;
    f.pos = ctx.pos(n);
    if (site) {
      auto url = get_string(ctx, n["url"], "site.url");
      if (!url) continue;
      f.text = Text{*url, *url};
    } else {
      auto t = get_text(ctx, n["text"], fmt::format("{}.text", about));
      if (!t) continue;
      f.text = *t;
    }
    f.sources = get_sources(ctx, n);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

static std::optional<Rule> parse_rule(YamlContext& ctx, const YAML::Node& node, int depth, size_t& budget);

// The one condition key a rule node has (all, any, not or a predicate); empty, with
// a message, when it has none or more than one.
static std::string rule_op(YamlContext& ctx, const YAML::Node& node) {
  static constexpr std::string_view k_ops[] = {"all",   "any",        "not",    "age",    "education",
                                               "major", "experience", "holds",  "skills", "study_hours",
                                               "title", "diploma",    "confirm"};
  std::string op;
  for (auto k : k_ops) {
    if (!node[std::string(k)].IsDefined()) continue;
    if (!op.empty()) {
      ctx.error(node, T(fmt::format("a rule node has both '{}' and '{}': wrap them in 'all' or 'any'", op, k),
                        fmt::format("一个规则节点同时有“{}”和“{}”：请用 all 或 any 包起来", op, k)));
      return "";
    }
    op = k;
  }
  if (op.empty())
    ctx.error(node, T("rule has no condition (all, any, not, age, education, major, experience, holds, skills, "
                      "study_hours, title, diploma, confirm)",
                      "规则没有条件（all、any、not、age、education、major、experience、holds、skills、study_hours、"
                      "title、diploma、confirm）"));
  return op;
}

// Each rule kind below reads the value of its key into `r` and returns false when
// the rule cannot stand; it reports every problem it finds before returning.

static bool parse_all_any(YamlContext& ctx, const std::string& op, const YAML::Node& v, int depth, size_t& budget,
                          Rule& r) {
  r.kind = op == "all" ? RuleKind::all : RuleKind::any;
  if (!v.IsSequence() || v.size() == 0) {
    ctx.error(v,
              T(fmt::format("'{}' must be a non-empty list of rules", op), fmt::format("“{}”应为非空的规则列表", op)));
    return false;
  }
  bool ok = true;
  for (const auto& c : v) {
    auto child = parse_rule(ctx, c, depth + 1, budget);
    if (child)
      r.children.push_back(std::move(*child));
    else
      ok = false;
    if (budget == 0 && !child) break;  // one message for an oversized rule, not one per node left
  }
  return ok;
}

static bool parse_not(YamlContext& ctx, const YAML::Node& v, int depth, size_t& budget, Rule& r) {
  r.kind = RuleKind::not_;
  auto child = parse_rule(ctx, v, depth + 1, budget);
  if (!child) return false;
  r.children.push_back(std::move(*child));
  return true;
}

static bool parse_age(YamlContext& ctx, const YAML::Node& v, Rule& r) {
  r.kind = RuleKind::age;
  if (!check_map(ctx, v, {"min", "max"}, "age")) return false;
  if (v["min"].IsDefined()) r.min_age = get_int(ctx, v["min"], "age.min", 0, 150);
  if (v["max"].IsDefined()) r.max_age = get_int(ctx, v["max"], "age.max", 0, 150);
  bool ok = true;
  // Only when neither is given: a value that was given but refused has its own message.
  if (!v["min"].IsDefined() && !v["max"].IsDefined()) {
    ctx.error(v, T("age needs 'min' or 'max'", "age 需要“min”或“max”"));
    ok = false;
  }
  if ((v["min"].IsDefined() && !r.min_age) || (v["max"].IsDefined() && !r.max_age)) ok = false;
  return ok;
}

static bool parse_education(YamlContext& ctx, const YAML::Node& v, Rule& r) {
  r.kind = RuleKind::education;
  if (!check_map(ctx, v, {"min"}, "education")) return false;
  if (!v["min"].IsDefined()) {
    ctx.error(v, T("education needs 'min'", "education 需要“min”"));
    return false;
  }
  if (auto s = get_string(ctx, v["min"], "education.min")) r.education_min = *s;
  return true;
}

static bool parse_major(YamlContext& ctx, const YAML::Node& v, Rule& r) {
  r.kind = RuleKind::major;
  if (!check_map(ctx, v, {"in"}, "major")) return false;
  r.majors = get_string_list(ctx, v["in"], "major.in");
  if (r.majors.empty()) {
    ctx.error(v, T("major needs a non-empty 'in' list", "major 需要非空的“in”列表"));
    return false;
  }
  return true;
}

static bool parse_experience(YamlContext& ctx, const YAML::Node& v, Rule& r) {
  r.kind = RuleKind::experience;
  if (!check_map(ctx, v, {"domain", "work", "after", "min_years", "max_years"}, "experience")) return false;
  if (v["domain"].IsDefined()) r.domain = get_string(ctx, v["domain"], "experience.domain").value_or("");
  bool ok = true;
  if (v["work"].IsDefined()) {
    if (get_string(ctx, v["work"], "experience.work").value_or("") != "related") {
      ctx.error(v["work"], T("experience 'work' must be 'related' (this or a related occupation)",
                             "experience 的“work”只能是“related”（本职业或相关职业）"));
      ok = false;
    } else if (!r.domain.empty()) {
      ctx.error(v,
                T("experience has both 'domain' and 'work': use one", "experience 同时有“domain”和“work”：只能用一个"));
      ok = false;
    }
    r.related_work = true;
  }
  if (auto a = v["after"]; a.IsDefined()) {
    if (!check_map(ctx, a, {"certificate", "level", "title"}, "after")) return false;
    if (a["title"].IsDefined() == a["certificate"].IsDefined()) {
      ctx.error(a, T("'after' needs either 'certificate' (with 'level') or 'title'",
                     "“after”需要“certificate”（及“level”）或“title”之一"));
      ok = false;
    }
    if (a["title"].IsDefined()) r.after_title = get_string(ctx, a["title"], "after.title").value_or("");
    if (a["certificate"].IsDefined())
      r.after_certificate = get_string(ctx, a["certificate"], "after.certificate").value_or("");
    if (a["level"].IsDefined()) r.after_level = get_string(ctx, a["level"], "after.level").value_or("");
  }
  if (!v["min_years"].IsDefined()) {
    ctx.error(v, T("experience needs 'min_years'", "experience 需要“min_years”"));
    ok = false;
  } else if (auto y = get_number(ctx, v["min_years"], "experience.min_years", 0, 80)) {
    r.min_years = *y;
  } else {
    ok = false;
  }
  if (v["max_years"].IsDefined()) {
    if (auto y = get_number(ctx, v["max_years"], "experience.max_years", 0, 80))
      r.max_years = *y;
    else
      ok = false;
  }
  return ok;
}

static bool parse_holds(YamlContext& ctx, const YAML::Node& v, Rule& r) {
  r.kind = RuleKind::holds;
  if (!check_map(ctx, v, {"certificate", "level", "min_years_held"}, "holds")) return false;
  bool ok = true;
  if (v["min_years_held"].IsDefined()) {
    if (auto y = get_number(ctx, v["min_years_held"], "holds.min_years_held", 0, 80))
      r.min_years_held = *y;
    else
      ok = false;
  }
  if (!v["certificate"].IsDefined()) {
    ctx.error(v, T("holds needs 'certificate'", "holds 需要“certificate”"));
    ok = false;
  } else {
    r.certificate = get_string(ctx, v["certificate"], "holds.certificate").value_or("");
  }
  if (v["level"].IsDefined()) r.level = get_string(ctx, v["level"], "holds.level").value_or("");
  return ok;
}

static bool parse_skills(YamlContext& ctx, const YAML::Node& v, Rule& r) {
  r.kind = RuleKind::skills;
  if (!check_map(ctx, v, {"any", "min"}, "skills")) return false;
  r.skill_ids = get_string_list(ctx, v["any"], "skills.any");
  bool ok = true;
  if (r.skill_ids.empty()) {
    ctx.error(v, T("skills needs a non-empty 'any' list", "skills 需要非空的“any”列表"));
    ok = false;
  }
  if (v["min"].IsDefined()) r.min_count = get_int(ctx, v["min"], "skills.min", 1, 1000).value_or(1);
  return ok;
}

static bool parse_study_hours(YamlContext& ctx, const YAML::Node& v, Rule& r) {
  r.kind = RuleKind::study_hours;
  if (!check_map(ctx, v, {"certificate", "min"}, "study_hours")) return false;
  if (!v["certificate"].IsDefined() || !v["min"].IsDefined()) {
    ctx.error(v, T("study_hours needs 'certificate' and 'min'", "study_hours 需要“certificate”和“min”"));
    return false;
  }
  r.certificate = get_string(ctx, v["certificate"], "study_hours.certificate").value_or("");
  r.min_hours = get_number(ctx, v["min"], "study_hours.min", 0, 100000).value_or(0);
  return true;
}

static bool parse_title(YamlContext& ctx, const YAML::Node& v, Rule& r) {
  r.kind = RuleKind::title;
  if (!check_map(ctx, v, {"min", "field"}, "title")) return false;
  if (!v["min"].IsDefined()) {
    ctx.error(v, T("title needs 'min' (a title level)", "title 需要“min”（职称等级）"));
    return false;
  }
  r.title_min = get_string(ctx, v["min"], "title.min").value_or("");
  if (v["field"].IsDefined()) {
    if (get_string(ctx, v["field"], "title.field").value_or("") != "related") {
      ctx.error(v["field"], T("title 'field' must be 'related' (符合专业对应关系)",
                              "title 的“field”只能是“related”（符合专业对应关系）"));
      return false;
    }
    r.related_major = true;
  }
  return true;
}

static bool parse_diploma(YamlContext& ctx, const YAML::Node& v, Rule& r) {
  r.kind = RuleKind::diploma;
  if (!check_map(ctx, v, {"schools", "min_education", "min_class", "major", "final_year", "assessed", "studying"},
                 "diploma"))
    return false;
  r.schools = get_string_list(ctx, v["schools"], "diploma.schools");
  bool ok = true;
  if (r.schools.empty()) {
    ctx.error(v, T("diploma needs a non-empty 'schools' list", "diploma 需要非空的“schools”列表"));
    ok = false;
  }
  if (v["min_education"].IsDefined())
    r.education_min = get_string(ctx, v["min_education"], "min_education").value_or("");
  if (v["min_class"].IsDefined()) r.min_class = get_string(ctx, v["min_class"], "min_class").value_or("");
  if (v["major"].IsDefined()) {
    if (get_string(ctx, v["major"], "diploma.major").value_or("") != "related") {
      ctx.error(v["major"], T("diploma 'major' must be 'related' (this or a related major)",
                              "diploma 的“major”只能是“related”（本专业或相关专业）"));
      ok = false;
    }
    r.related_major = true;
  }
  for (auto [key, flag] :
       {std::pair{"final_year", &r.final_year}, std::pair{"assessed", &r.assessed}, std::pair{"studying", &r.studying}})
    if (v[key].IsDefined()) *flag = get_bool(ctx, v[key], key).value_or(false);
  if (r.studying && r.final_year) {
    ctx.error(v, T("diploma has both 'studying' and 'final_year': a current student needs only 'studying'",
                   "diploma 同时有“studying”和“final_year”：在读学生只需“studying”"));
    ok = false;
  }
  return ok;
}

static bool parse_confirm(YamlContext& ctx, const YAML::Node& v, Rule& r) {
  r.kind = RuleKind::confirm;
  auto t = get_text(ctx, v, "confirm");
  if (!t) return false;
  r.confirm = *t;
  return true;
}

// A rule node: all/any/not or one predicate, plus optional reason and source.
static std::optional<Rule> parse_rule(YamlContext& ctx, const YAML::Node& node, int depth, size_t& budget) {
  if (depth > ctx.limits().max_depth || budget == 0) {
    ctx.error(node, T("rule is too large or too deeply nested", "规则过大或嵌套过深"));
    return std::nullopt;
  }
  --budget;
  if (!check_map(ctx, node,
                 {"all", "any", "not", "age", "education", "major", "experience", "holds", "skills", "study_hours",
                  "title", "diploma", "confirm", "reason", "source", "sources"},
                 "rule"))
    return std::nullopt;
  std::string op = rule_op(ctx, node);
  if (op.empty()) return std::nullopt;
  Rule r;
  r.pos = ctx.pos(node);
  if (node["reason"].IsDefined()) r.reason = get_text(ctx, node["reason"], "reason").value_or(Text{});
  auto v = node[op];
  bool ok = op == "all" || op == "any" ? parse_all_any(ctx, op, v, depth, budget, r)
            : op == "not"              ? parse_not(ctx, v, depth, budget, r)
            : op == "age"              ? parse_age(ctx, v, r)
            : op == "education"        ? parse_education(ctx, v, r)
            : op == "major"            ? parse_major(ctx, v, r)
            : op == "experience"       ? parse_experience(ctx, v, r)
            : op == "holds"            ? parse_holds(ctx, v, r)
            : op == "skills"           ? parse_skills(ctx, v, r)
            : op == "title"            ? parse_title(ctx, v, r)
            : op == "diploma"          ? parse_diploma(ctx, v, r)
            : op == "confirm"          ? parse_confirm(ctx, v, r)
                                       : parse_study_hours(ctx, v, r);
  if (!ok) return std::nullopt;
  return r;
}

static std::optional<Rule> parse_top_rule(YamlContext& ctx, const YAML::Node& node) {
  size_t budget = ctx.limits().max_rule_nodes;
  auto r = parse_rule(ctx, node, 0, budget);
  return r;
}

static void parse_tree_items(YamlContext& ctx, const YAML::Node& seq, const char* section, std::vector<TreeItem>& out) {
  std::string what = std::string(section).substr(0, std::string(section).size() - 1);  // "skills" → "skill"
  for_each_item(ctx, seq, section, [&](const YAML::Node& item) {
    // Majors carry the Ministry of Education's major code, domains an industry section's
    // letter (GB/T 4754-2017); only domains imply skills.
    bool domain = what == "domain", coded = what == "major" || domain;
    bool keys_ok =
        domain  ? check_map(ctx, item,
                            {"id", "name", "code", "aliases", "parent", "source", "sources", "implies", "external_ids"},
                            what)
        : coded ? check_map(ctx, item, {"id", "name", "code", "aliases", "parent", "source", "sources", "external_ids"},
                            what)
        : what == "skill"
            ? check_map(ctx, item,
                        {"id", "name", "aliases", "parent", "parent_credit", "transversal", "source", "sources",
                         "external_ids"},
                        what)
            : check_map(ctx, item, {"id", "name", "aliases", "parent", "source", "sources", "external_ids"}, what);
    if (!keys_ok) return;
    TreeItem t;
    read_identity(ctx, item, what, t);
    t.aliases = get_string_list(ctx, item["aliases"], "aliases");
    if (item["parent"].IsDefined()) {
      t.parent = get_string(ctx, item["parent"], "parent").value_or("");
      t.parent_pos = ctx.pos(item["parent"]);
    }
    t.sources = get_sources(ctx, item);
    if (domain) t.implies = get_string_list(ctx, item["implies"], "implies");
    if (coded && item["code"].IsDefined()) t.code = get_string(ctx, item["code"], "code").value_or("");
    t.external_ids = get_external_ids(ctx, item["external_ids"]);
    if (what == "skill") {
      if (item["transversal"].IsDefined())
        t.transversal = get_bool(ctx, item["transversal"], "transversal").value_or(false);
      if (item["parent_credit"].IsDefined())
        t.parent_credit = get_number(ctx, item["parent_credit"], "parent_credit", 0.01, 1);
    }
    if (!t.id.empty()) out.push_back(std::move(t));
  });
}

// A `crosswalk` entry: the skill it links and where it was written. Applied once
// every file is read, since the skill may be defined in another file.
struct CrosswalkEntry {
  std::string skill;
  std::vector<ExternalRef> same_as;
  std::vector<std::string> sources;
  SourcePos pos;
};

static void parse_crosswalk(YamlContext& ctx, const YAML::Node& seq, std::vector<CrosswalkEntry>& out) {
  for_each_item(ctx, seq, "crosswalk", [&](const YAML::Node& item) {
    if (!check_map(ctx, item, {"skill", "same_as", "source", "sources"}, "crosswalk entry")) return;
    CrosswalkEntry e;
    e.pos = ctx.pos(item);
    if (!item["skill"].IsDefined()) {
      ctx.error(item, T("crosswalk entry has no 'skill'", "对照条目缺少“skill”"));
      return;
    }
    e.skill = get_string(ctx, item["skill"], "skill").value_or("");
    e.same_as = get_same_as(ctx, item["same_as"]);
    e.sources = get_sources(ctx, item);
    if (!e.skill.empty()) out.push_back(std::move(e));
  });
}

static void apply_crosswalk(Catalog& c, const std::vector<CrosswalkEntry>& entries, Diagnostics& diags) {
  std::unordered_map<std::string, size_t> by_id;
  for (size_t i = 0; i < c.skills.size(); ++i) by_id.emplace(c.skills[i].id, i);
  std::set<std::string> source_ids;
  for (const auto& src : c.sources) source_ids.insert(src.id);
  auto error = [&](const CrosswalkEntry& e, Text message) {
    Diagnostic d;
    d.file = e.pos.file;
    d.line = e.pos.line;
    d.column = e.pos.column;
    d.message = std::move(message);
    diags.add(std::move(d));
  };
  for (const auto& e : entries) {
    for (const auto& src : e.sources)
      if (!source_ids.count(src))
        error(e, T(fmt::format("crosswalk entry cites unknown source '{}'", src),
                   fmt::format("对照条目引用的来源“{}”不存在", src)));
    auto it = by_id.find(e.skill);
    if (it == by_id.end()) {
      error(e, T(fmt::format("crosswalk names unknown skill '{}'", e.skill),
                 fmt::format("对照表中的技能“{}”不存在", e.skill)));
      continue;
    }
    auto& same = c.skills[it->second].same_as;
    same.insert(same.end(), e.same_as.begin(), e.same_as.end());
  }
}

// An education level; a later directory's level with an id already read is the
// same level (an imported catalogue's standard ladder merged with the built-in
// one): the first directory's stands, as its catalog settings do.
static void parse_education_level(YamlContext& ctx, const YAML::Node& item, Catalog& c, const std::string& dir) {
  if (!check_map(ctx, item, {"id", "name", "aliases", "isced"}, "education level")) return;
  EducationLevel e;
  read_identity(ctx, item, "education level", e);
  e.aliases = get_string_list(ctx, item["aliases"], "aliases");
  if (item["isced"].IsDefined()) e.isced = get_string(ctx, item["isced"], "isced").value_or("");
  e.rank = static_cast<int>(c.education.size());
  if (e.id.empty()) return;
  for (const auto& known : c.education)
    if (known.id == e.id && fs::path(known.pos.file).parent_path().string() != dir) return;
  c.education.push_back(std::move(e));
}

// A school type: {id, name, aliases, parent, levels, source}.
static void parse_school(YamlContext& ctx, const YAML::Node& item, Catalog& c) {
  if (!check_map(ctx, item, {"id", "name", "aliases", "parent", "levels", "source", "sources"}, "school type")) return;
  SchoolType s;
  read_identity(ctx, item, "school type", s);
  s.aliases = get_string_list(ctx, item["aliases"], "aliases");
  if (item["parent"].IsDefined()) s.parent = get_string(ctx, item["parent"], "parent").value_or("");
  s.levels = get_string_list(ctx, item["levels"], "levels");
  s.sources = get_sources(ctx, item);
  if (!s.id.empty()) c.schools.push_back(std::move(s));
}

// A level of a small ladder with an explicit rank: 技工院校 classes, professional titles.
static void parse_ranked(YamlContext& ctx, const YAML::Node& item, const char* what, std::vector<EducationLevel>& out) {
  if (!check_map(ctx, item, {"id", "name", "aliases", "rank"}, what)) return;
  EducationLevel e;
  read_identity(ctx, item, what, e);
  e.aliases = get_string_list(ctx, item["aliases"], "aliases");
  if (!item["rank"].IsDefined())
    ctx.error(item, T(fmt::format("{} needs 'rank'", what), fmt::format("{} 需要“rank”", what)));
  else
    e.rank = get_int(ctx, item["rank"], "rank", 0, 100).value_or(0);
  if (!e.id.empty()) out.push_back(std::move(e));
}

// The fields an imported role adds: external ids, a barrier of its own, the incomplete flag.
static void parse_role_import_fields(YamlContext& ctx, const YAML::Node& item, Role& r) {
  r.external_ids = get_external_ids(ctx, item["external_ids"]);
  if (auto b = item["barrier"]; b.IsDefined()) {
    auto lvl = get_string(ctx, b, "barrier").value_or("");
    if (lvl != "high" && lvl != "fairly-high" && lvl != "moderate" && lvl != "low")
      ctx.error(b, T(fmt::format("role barrier '{}' is not one of high, fairly-high, moderate, low", lvl),
                     fmt::format("岗位门槛“{}”不是 high、fairly-high、moderate、low 之一", lvl)));
    else
      r.barrier_level = lvl;
  }
  if (item["incomplete"].IsDefined()) r.incomplete = get_bool(ctx, item["incomplete"], "incomplete").value_or(false);
}

// The `scoring` section of `catalog`: weights of the role-fit terms and of the
// certificate terms, and the constants of partial credit, experience and barriers.
static void parse_scoring(YamlContext& ctx, const YAML::Node& s, Scoring& sc) {
  if (!check_map(ctx, s,
                 {"weights", "partial_credit", "coverage_prior", "experience_saturation_years", "barrier_penalty",
                  "inferred_skills", "certificates", "evidence", "fit"},
                 "scoring"))
    return;
  if (auto w = s["weights"];
      w.IsDefined() &&
      check_map(ctx, w, {"essential", "optional", "use", "experience", "barrier", "goals"}, "weights")) {
    for (auto [k, dest] : {std::pair{"essential", &sc.w_essential}, std::pair{"optional", &sc.w_optional},
                           std::pair{"use", &sc.w_use}, std::pair{"experience", &sc.w_experience},
                           std::pair{"barrier", &sc.w_barrier}, std::pair{"goals", &sc.w_goals}})
      if (w[k].IsDefined()) *dest = get_number(ctx, w[k], k, 0, 1).value_or(*dest);
  }
  if (auto inf = s["inferred_skills"]; inf.IsDefined() && check_map(ctx, inf, {"per_year", "cap"}, "inferred_skills")) {
    if (inf["per_year"].IsDefined())
      sc.inferred_per_year = get_number(ctx, inf["per_year"], "per_year", 0, 1).value_or(sc.inferred_per_year);
    if (inf["cap"].IsDefined()) sc.inferred_cap = get_number(ctx, inf["cap"], "cap", 0, 1).value_or(sc.inferred_cap);
  }
  if (auto ev = s["evidence"];
      ev.IsDefined() && check_map(ctx, ev, {"up", "title", "certificate", "transversal"}, "evidence")) {
    for (auto [k, dest] :
         {std::pair{"up", &sc.up_credit}, std::pair{"title", &sc.title_credit},
          std::pair{"certificate", &sc.held_syllabus_credit}, std::pair{"transversal", &sc.transversal_weight}})
      if (ev[k].IsDefined()) *dest = get_number(ctx, ev[k], k, 0, 1).value_or(*dest);
  }
  if (auto fit = s["fit"]; fit.IsDefined() && check_map(ctx, fit, {"strong", "good", "partial"}, "fit")) {
    for (auto [k, dest] :
         {std::pair{"strong", &sc.fit_strong}, std::pair{"good", &sc.fit_good}, std::pair{"partial", &sc.fit_partial}})
      if (fit[k].IsDefined()) *dest = get_number(ctx, fit[k], k, 0, 1).value_or(*dest);
    if (!(sc.fit_strong >= sc.fit_good && sc.fit_good >= sc.fit_partial))
      ctx.error(fit, T("fit thresholds must not increase: strong >= good >= partial",
                       "匹配度阈值须满足 strong >= good >= partial"));
  }
  if (auto cs = s["certificates"]; cs.IsDefined() && check_map(ctx, cs, {"weights", "floor"}, "scoring.certificates")) {
    if (auto w = cs["weights"];
        w.IsDefined() && check_map(ctx, w, {"covers", "related", "suits"}, "certificates.weights"))
      for (auto [k, dest] :
           {std::pair{"covers", &sc.c_covers}, std::pair{"related", &sc.c_related}, std::pair{"suits", &sc.c_suits}})
        if (w[k].IsDefined()) *dest = get_number(ctx, w[k], k, 0, 1).value_or(*dest);
    if (cs["floor"].IsDefined())
      sc.certificate_floor = get_number(ctx, cs["floor"], "floor", 0, 1).value_or(sc.certificate_floor);
  }
  if (s["partial_credit"].IsDefined())
    sc.partial_credit = get_number(ctx, s["partial_credit"], "partial_credit", 0, 1).value_or(0.5);
  if (s["coverage_prior"].IsDefined())
    sc.coverage_prior = get_number(ctx, s["coverage_prior"], "coverage_prior", 0, 10).value_or(1.0);
  if (s["experience_saturation_years"].IsDefined())
    sc.experience_saturation_years =
        get_number(ctx, s["experience_saturation_years"], "experience_saturation_years", 0.1, 50).value_or(3);
  if (auto b = s["barrier_penalty"];
      b.IsDefined() && check_map(ctx, b, {"high", "fairly-high", "moderate", "low", "unstated"}, "barrier_penalty"))
    for (const auto& kv : b)
      sc.barrier_penalty[kv.first.Scalar()] = get_number(ctx, kv.second, kv.first.Scalar(), 0, 1).value_or(0.5);
}

// The `catalog` section. `meta_dirs`: directories whose `catalog` section has been
// read. One section per directory; when several catalogue directories are merged
// (--catalog builtin --catalog esco/), the first one's id, name and scoring stand
// and every directory's attribution is kept, since imported data must always show
// its own.
static void parse_catalog_meta(YamlContext& ctx, const YAML::Node& m, Catalog& catalog,
                               std::set<std::string>& meta_dirs, const std::string& dir) {
  if (meta_dirs.count(dir)) ctx.error(m, T("'catalog' is given twice", "“catalog”重复给出"));
  bool primary = meta_dirs.empty();
  meta_dirs.insert(dir);
  Catalog later;  // a later directory's settings are checked but not applied
  Catalog& c = primary ? catalog : later;
  if (!check_map(ctx, m, {"id", "version", "name", "caveat", "scoring", "attribution", "attributions"}, "catalog"))
    return;
  if (m["id"].IsDefined()) c.id = get_string(ctx, m["id"], "id").value_or(c.id);
  if (m["version"].IsDefined()) c.version = get_string(ctx, m["version"], "version").value_or("");
  c.name = optional_text(ctx, m, "name");
  c.caveat = optional_text(ctx, m, "caveat");
  if (m["attribution"].IsDefined())
    if (auto t = get_text(ctx, m["attribution"], "attribution")) catalog.attributions.push_back(*t);
  for (auto& t : get_text_list(ctx, m["attributions"], "attributions")) catalog.attributions.push_back(t);
  if (auto s = m["scoring"]; s.IsDefined()) parse_scoring(ctx, s, c.scoring);
}

static void parse_source(YamlContext& ctx, const YAML::Node& item, Catalog& c) {
  if (!check_map(ctx, item, {"id", "title", "publisher", "url", "file", "date", "accessed"}, "source")) return;
  Source s;
  s.pos = ctx.pos(item);
  s.id = require_id(ctx, item, "source");
  s.title = require_text(ctx, item, "title", "source");
  if (item["publisher"].IsDefined()) s.publisher = get_string(ctx, item["publisher"], "publisher").value_or("");
  if (item["url"].IsDefined()) s.url = get_string(ctx, item["url"], "url").value_or("");
  if (item["file"].IsDefined()) s.file = get_string(ctx, item["file"], "file").value_or("");
  if (item["date"].IsDefined()) s.date = get_date(ctx, item["date"], "date");
  if (item["accessed"].IsDefined()) s.accessed = get_date(ctx, item["accessed"], "accessed");
  if (!s.id.empty()) c.sources.push_back(std::move(s));
}

static void parse_category(YamlContext& ctx, const YAML::Node& item, Catalog& c) {
  if (!check_map(ctx, item, {"id", "name", "aliases", "transition", "barrier", "domains", "source", "sources"},
                 "category"))
    return;
  Category cat;
  read_identity(ctx, item, "category", cat);
  cat.aliases = get_string_list(ctx, item["aliases"], "aliases");
  cat.transition = optional_text(ctx, item, "transition");
  if (auto b = item["barrier"]; b.IsDefined() && check_map(ctx, b, {"level", "text", "skills"}, "barrier")) {
    if (b["level"].IsDefined()) {
      auto lvl = get_string(ctx, b["level"], "barrier.level").value_or("unstated");
      if (lvl != "high" && lvl != "fairly-high" && lvl != "moderate" && lvl != "unstated") {
        auto guess = closest_match(lvl, {"high", "fairly-high", "moderate", "unstated"});
        ctx.error(b["level"], T(fmt::format("barrier level '{}' is not one of high, fairly-high, moderate, unstated{}",
                                            lvl, guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess)),
                                fmt::format("门槛等级“{}”不是 high、fairly-high、moderate、unstated 之一{}", lvl,
                                            guess.empty() ? "" : fmt::format("（是否想写“{}”？）", guess))));
      }
      cat.barrier.level = lvl;
    }
    cat.barrier.text = optional_text(ctx, b, "text");
    cat.barrier.skills = get_string_list(ctx, b["skills"], "barrier.skills");
  }
  cat.domains = get_string_list(ctx, item["domains"], "domains");
  cat.sources = get_sources(ctx, item);
  if (!cat.id.empty()) c.categories.push_back(std::move(cat));
}

// One entry of a role's `skills`: a bare id, or a map with need and weight.
static std::optional<RoleSkill> parse_role_skill(YamlContext& ctx, const YAML::Node& s) {
  RoleSkill rs;
  rs.pos = ctx.pos(s);
  if (s.IsScalar()) {
    rs.skill = s.Scalar();
    return rs;
  }
  if (!check_map(ctx, s, {"skill", "need", "weight"}, "role skill")) return std::nullopt;
  if (!s["skill"].IsDefined()) {
    ctx.error(s, T("role skill has no 'skill'", "岗位技能缺少“skill”"));
    return std::nullopt;
  }
  rs.skill = get_string(ctx, s["skill"], "skill").value_or("");
  rs.pos = ctx.pos(s["skill"]);
  if (s["need"].IsDefined()) {
    auto need = get_string(ctx, s["need"], "need").value_or("essential");
    if (need == "optional")
      rs.essential = false;
    else if (need != "essential")
      ctx.error(s["need"], T(fmt::format("need must be 'essential' or 'optional', not '{}'", need),
                             fmt::format("need 应为“essential”或“optional”，而不是“{}”", need)));
  }
  if (s["weight"].IsDefined()) rs.weight = get_number(ctx, s["weight"], "weight", 0.001, 100).value_or(1);
  return rs;
}

static void parse_role(YamlContext& ctx, const YAML::Node& item, Catalog& c) {
  if (!check_map(ctx, item,
                 {"id", "name", "aliases", "category", "definition", "skills", "company_types", "domains", "source",
                  "sources", "external_ids", "barrier", "incomplete"},
                 "role"))
    return;
  Role r;
  read_identity(ctx, item, "role", r);
  r.aliases = get_string_list(ctx, item["aliases"], "aliases");
  if (!item["category"].IsDefined())
    ctx.error(item, T("role has no 'category'", "岗位缺少“category”"));
  else
    r.category = get_string(ctx, item["category"], "category").value_or("");
  r.definition = optional_text(ctx, item, "definition");
  for_each_item(ctx, item["skills"], "skills", [&](const YAML::Node& s) {
    auto rs = parse_role_skill(ctx, s);
    if (rs && !rs->skill.empty()) r.skills.push_back(std::move(*rs));
  });
  r.company_types = get_text_list(ctx, item["company_types"], "company_types");
  r.domains = get_string_list(ctx, item["domains"], "domains");
  r.sources = get_sources(ctx, item);
  parse_role_import_fields(ctx, item, r);
  if (!r.id.empty()) c.roles.push_back(std::move(r));
}

// One of a level's `versions`: its conditions as one source stated them on a date.
static void parse_rule_version(YamlContext& ctx, const YAML::Node& n, CertificateLevel& lvl) {
  if (!check_map(ctx, n, {"id", "name", "published", "captured", "current", "note", "requires", "source", "sources"},
                 "version"))
    return;
  RuleVersion v;
  read_identity(ctx, n, "version", v);
  if (n["published"].IsDefined() && !is_null(n["published"])) v.published = get_date(ctx, n["published"], "published");
  if (n["captured"].IsDefined() && !is_null(n["captured"])) v.captured = get_date(ctx, n["captured"], "captured");
  if (n["current"].IsDefined()) v.current = get_bool(ctx, n["current"], "current").value_or(false);
  v.note = optional_text(ctx, n, "note");
  if (!is_null(n["requires"])) v.requires_rule = parse_top_rule(ctx, n["requires"]);
  v.sources = get_sources(ctx, n);
  if (!v.current && !v.date())
    ctx.error(n, T("a version that is not 'current' needs a 'published' or 'captured' date",
                   "非“current”的版本需要“published”或“captured”日期"));
  if (!v.id.empty()) lvl.versions.push_back(std::move(v));
}

static void parse_certificate_level(YamlContext& ctx, const YAML::Node& l, Certificate& cert) {
  if (!check_map(
          ctx, l,
          {"id", "name", "aliases", "suits", "syllabus", "requires", "versions", "recommended", "source", "sources"},
          "level"))
    return;
  CertificateLevel lvl;
  read_identity(ctx, l, "level", lvl);
  lvl.aliases = get_string_list(ctx, l["aliases"], "aliases");
  lvl.suits = optional_text(ctx, l, "suits");
  lvl.syllabus = get_string_list(ctx, l["syllabus"], "syllabus");
  if (!is_null(l["requires"])) lvl.requires_rule = parse_top_rule(ctx, l["requires"]);
  if (!is_null(l["versions"])) {
    if (lvl.requires_rule)
      ctx.error(l["versions"], T("a level has both 'requires' and 'versions': put each rule in its version",
                                 "等级同时有“requires”和“versions”：请把规则写在各版本中"));
    for_each_item(ctx, l["versions"], "versions", [&](const YAML::Node& n) { parse_rule_version(ctx, n, lvl); });
    // What reads one rule (ladders, advice) reads the current version's.
    for (const auto& v : lvl.versions)
      if (v.current) lvl.requires_rule = v.requires_rule;
    if (!lvl.requires_rule && !lvl.versions.empty()) lvl.requires_rule = lvl.versions.back().requires_rule;
  }
  if (!is_null(l["recommended"])) lvl.recommended = parse_top_rule(ctx, l["recommended"]);
  lvl.sources = get_sources(ctx, l);
  if (!lvl.id.empty()) cert.levels.push_back(std::move(lvl));
}

// `sittings`: the exam months, sorted and without repeats.
static void parse_sittings(YamlContext& ctx, const YAML::Node& s, Certificate& cert) {
  if (!s.IsSequence()) {
    ctx.error(s, T("sittings must be a list of months (1 to 12)", "sittings 应为月份列表（1 至 12）"));
    return;
  }
  for (const auto& m : s)
    if (auto v = get_int(ctx, m, "sitting month", 1, 12)) cert.sittings.push_back(*v);
  std::sort(cert.sittings.begin(), cert.sittings.end());
  cert.sittings.erase(std::unique(cert.sittings.begin(), cert.sittings.end()), cert.sittings.end());
}

// `related_work` / `related_majors`: {this: [...], maybe: [...], note: {zh, en}}.
static Relation parse_relation(YamlContext& ctx, const YAML::Node& n, const char* what) {
  Relation rel;
  if (is_null(n) || !check_map(ctx, n, {"this", "maybe", "note"}, what)) return rel;
  rel.plain = get_string_list(ctx, n["this"], "this");
  rel.maybe = get_string_list(ctx, n["maybe"], "maybe");
  rel.note = optional_text(ctx, n, "note");
  if (rel.plain.empty())
    ctx.error(n,
              T(fmt::format("{} needs a non-empty 'this' list", what), fmt::format("{} 需要非空的“this”列表", what)));
  return rel;
}

// Copies the certificate's relations into the rule nodes that say `related`, so a rule
// evaluates on its own.
static void attach_relations(Rule& r, const Certificate& cert) {
  if (r.related_work) r.work = cert.related_work;
  if (r.related_major) r.major_rel = cert.related_majors;
  for (auto& c : r.children) attach_relations(c, cert);
}

static void parse_certificate(YamlContext& ctx, const YAML::Node& item, Catalog& c) {
  if (!check_map(
          ctx, item,
          {"id", "name", "aliases", "issuer", "verified_on", "summary", "exam", "sittings", "study_hours", "syllabus",
           "related_roles", "related_work", "related_majors", "notes", "registration", "levels", "source", "sources"},
          "certificate"))
    return;
  Certificate cert;
  read_identity(ctx, item, "certificate", cert);
  cert.aliases = get_string_list(ctx, item["aliases"], "aliases");
  cert.related_work = parse_relation(ctx, item["related_work"], "related_work");
  cert.related_majors = parse_relation(ctx, item["related_majors"], "related_majors");
  cert.issuer = optional_text(ctx, item, "issuer");
  if (item["verified_on"].IsDefined())
    cert.verified_on = get_date(ctx, item["verified_on"], "verified_on");
  else
    ctx.error(item, T("certificate has no 'verified_on' date", "证书缺少“verified_on”日期"));
  cert.summary = optional_text(ctx, item, "summary");
  cert.exam = optional_text(ctx, item, "exam");
  if (auto s = item["sittings"]; !is_null(s)) parse_sittings(ctx, s, cert);
  if (item["study_hours"].IsDefined())
    cert.study_hours = get_number(ctx, item["study_hours"], "study_hours", 0, 100000);
  cert.syllabus = get_string_list(ctx, item["syllabus"], "syllabus");
  cert.related_roles = get_string_list(ctx, item["related_roles"], "related_roles");
  cert.notes = get_text_list(ctx, item["notes"], "notes");
  if (!is_null(item["registration"])) cert.registration = registration_facts(ctx, item["registration"]);
  cert.sources = get_sources(ctx, item);
  if (!item["levels"].IsDefined() || !item["levels"].IsSequence() || item["levels"].size() == 0) {
    ctx.error(item, T("certificate needs 'levels': a non-empty list (a single-level certificate has one)",
                      "证书需要“levels”：非空列表（单一等级的证书写一个）"));
  }
  for_each_item(ctx, item["levels"], "levels", [&](const YAML::Node& l) { parse_certificate_level(ctx, l, cert); });
  for (auto& l : cert.levels) {
    for (auto* r : {&l.requires_rule, &l.recommended})
      if (*r) attach_relations(**r, cert);
    for (auto& v : l.versions)
      if (v.requires_rule) attach_relations(*v.requires_rule, cert);
  }
  if (!cert.id.empty()) c.certificates.push_back(std::move(cert));
}

static void parse_claim(YamlContext& ctx, const YAML::Node& item, Catalog& c) {
  if (!check_map(ctx, item, {"id", "subject", "text", "source", "sources"}, "claim")) return;
  Claim cl;
  cl.pos = ctx.pos(item);
  cl.id = require_id(ctx, item, "claim");
  if (item["subject"].IsDefined()) cl.subject = get_string(ctx, item["subject"], "subject").value_or("");
  cl.text = require_text(ctx, item, "text", "claim");
  cl.sources = get_sources(ctx, item);
  if (!cl.id.empty()) c.claims.push_back(std::move(cl));
}

// One catalogue file: each section by its own parser, in the order they depend on
// nothing (references are checked once every file is read).
static void parse_catalog_doc(YamlContext& ctx, const YAML::Node& root, Catalog& catalog,
                              std::set<std::string>& meta_dirs, const std::string& dir,
                              std::vector<CrosswalkEntry>& crosswalk) {
  if (!check_map(ctx, root,
                 {"catalog", "sources", "education", "schools", "school_classes", "title_levels", "majors", "domains",
                  "skills", "categories", "roles", "certificates", "claims", "cases", "crosswalk"},
                 "catalogue file"))
    return;
  if (root["cases"].IsDefined()) {
    ctx.error(root["cases"], T("'cases' belongs in catalog/tests/, not in the catalogue itself",
                               "“cases”应放在 catalog/tests/ 中，而不是目录库本身"));
  }
  if (auto m = root["catalog"]; m.IsDefined()) parse_catalog_meta(ctx, m, catalog, meta_dirs, dir);
  Catalog& c = catalog;
  for_each_item(ctx, root["sources"], "sources", [&](const YAML::Node& item) { parse_source(ctx, item, c); });
  for_each_item(ctx, root["education"], "education",
                [&](const YAML::Node& item) { parse_education_level(ctx, item, c, dir); });
  for_each_item(ctx, root["schools"], "schools", [&](const YAML::Node& item) { parse_school(ctx, item, c); });
  for_each_item(ctx, root["school_classes"], "school_classes",
                [&](const YAML::Node& item) { parse_ranked(ctx, item, "school class", c.school_classes); });
  for_each_item(ctx, root["title_levels"], "title_levels",
                [&](const YAML::Node& item) { parse_ranked(ctx, item, "title level", c.title_levels); });
  parse_crosswalk(ctx, root["crosswalk"], crosswalk);
  parse_tree_items(ctx, root["majors"], "majors", c.majors);
  parse_tree_items(ctx, root["domains"], "domains", c.domains);
  parse_tree_items(ctx, root["skills"], "skills", c.skills);
  for_each_item(ctx, root["categories"], "categories", [&](const YAML::Node& item) { parse_category(ctx, item, c); });
  for_each_item(ctx, root["roles"], "roles", [&](const YAML::Node& item) { parse_role(ctx, item, c); });
  for_each_item(ctx, root["certificates"], "certificates",
                [&](const YAML::Node& item) { parse_certificate(ctx, item, c); });
  for_each_item(ctx, root["claims"], "claims", [&](const YAML::Node& item) { parse_claim(ctx, item, c); });
}

// The reference checks work on positions only: give their diagnostics the source
// line too, so every error is shown with its line and a caret. Each file's line
// starts are found once, and only for files that have such a diagnostic.
static void attach_source_lines(const std::vector<InputFile>& files, Diagnostics& diags) {
  std::map<std::string, std::vector<size_t>> starts;
  for (auto& d : diags.items) {
    if (!d.source_line.empty() || d.line <= 0) continue;
    auto f = std::find_if(files.begin(), files.end(), [&](const InputFile& x) { return x.name == d.file; });
    if (f == files.end()) continue;
    auto [it, fresh] = starts.try_emplace(d.file);
    if (fresh) {
      it->second.push_back(0);
      for (size_t i = 0; i < f->text.size(); ++i)
        if (f->text[i] == '\n') it->second.push_back(i + 1);
    }
    if (static_cast<size_t>(d.line) > it->second.size()) continue;
    size_t from = it->second[static_cast<size_t>(d.line - 1)];
    size_t to = f->text.find('\n', from);
    std::string_view line(f->text.data() + from, (to == std::string::npos ? f->text.size() : to) - from);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    d.source_line = std::string(line.substr(0, 300));  // as YamlContext keeps lines
  }
}

Catalog load_catalog(const std::vector<InputFile>& files, Diagnostics& diags, const Limits& limits) {
  Catalog c;
  std::set<std::string> meta_dirs;
  std::vector<CrosswalkEntry> crosswalk;
  for (const auto& f : files) {
    YamlContext ctx(f.name, f.text, diags, limits);
    auto root = YamlContext::parse(ctx, f.text);
    if (!root) continue;
    try {
      parse_catalog_doc(ctx, *root, c, meta_dirs, fs::path(f.name).parent_path().string(), crosswalk);
    } catch (const YAML::Exception& e) {
      ctx.error_at(e.mark.line + 1, e.mark.column + 1,
                   T(fmt::format("unexpected structure: {}", e.msg), fmt::format("结构不符合预期：{}", e.msg)));
    }
  }
  apply_crosswalk(c, crosswalk, diags);
  validate_catalog(c, diags);
  attach_source_lines(files, diags);
  diags.sort();
  return c;
}

std::optional<Rule> parse_rule_text(const std::string& yaml, Diagnostics& diags, const Limits& limits) {
  YamlContext ctx("<rule>", yaml, diags, limits);
  auto root = YamlContext::parse(ctx, yaml);
  if (!root) return std::nullopt;
  try {
    return parse_top_rule(ctx, *root);
  } catch (const YAML::Exception& e) {
    ctx.error_at(e.mark.line + 1, e.mark.column + 1,
                 T(fmt::format("unexpected structure: {}", e.msg), fmt::format("结构不符合预期：{}", e.msg)));
    return std::nullopt;
  }
}

}  // namespace advisor
