// ESCO and O*NET → advisor's catalogue format. The inputs are read line by line
// into plain records; the YAML is written here by hand (yaml-cpp stays in the
// loaders), every string double-quoted so any label survives the round trip. By hand,
// an import takes 16% less time than by YAML::Emitter (docs/performance.md).
#include "advisor/importer.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <istream>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include "advisor/atomic_write.hpp"
#include "advisor/util/bilingual.hpp"
#include "advisor/util/hash.hpp"
#include "advisor/util/utf8.hpp"
#ifdef ADVISOR_IMPORT_EMITTER
#include <yaml-cpp/yaml.h>
#endif

namespace advisor {

namespace fs = std::filesystem;
using util::fnv1a64;
using util::T;

namespace {

// ---------------------------------------------------------------- text helpers

// Invalid UTF-8 bytes become U+FFFD, so every label is valid text downstream.
std::string valid_utf8(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
  std::string out;
  for (size_t i = 0; i < s.size();) {
    auto cp = util::next_code_point(s, i);
    if (cp.length > 0)
      out.append(s.substr(i, cp.length));
    else
      out += "\xEF\xBF\xBD";
    i += std::max<size_t>(cp.length, 1);
  }
  return out;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return valid_utf8(s.substr(b, e - b));
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

bool getline_crlf(std::istream& in, std::string& line) {
  if (!std::getline(in, line)) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

std::string hex6(std::string_view s) { return fmt::format("{:06x}", fnv1a64(s) & 0xFFFFFF); }

std::string text_yaml(const std::string& zh, const std::string& en) {
  return fmt::format("{{zh: {}, en: {}}}", yaml_quote(zh), yaml_quote(en));
}

// ---------------------------------------------------------------- input files

struct InputStream {
  std::string path;
  std::ifstream in;
  uint64_t size = 0;
};

void open_input(InputStream& f, const std::string& dir, const std::string& name) {
  f.path = (fs::path(dir) / name).string();
  std::error_code ec;
  if (!fs::is_regular_file(f.path, ec))
    throw ImportError(
        T(fmt::format("cannot read '{}': no such file (is '{}' the right data set directory?)", f.path, dir),
          fmt::format("无法读取“{}”：文件不存在（“{}”是正确的数据集目录吗？）", f.path, dir)),
        ErrorKind::input_missing);
  f.size = fs::file_size(f.path, ec);
  f.in.open(f.path, std::ios::binary);
  if (!f.in)
    throw ImportError(T(fmt::format("cannot read '{}': permission denied or unreadable", f.path),
                        fmt::format("无法读取“{}”：没有权限或不可读", f.path)),
                      ErrorKind::input_missing);
}

// Column positions by header name, so a reordered export still imports.
std::vector<size_t> columns(const std::vector<std::string>& header, const std::vector<std::string>& wanted,
                            const std::string& path, const char* dataset) {
  std::vector<size_t> out;
  for (const auto& w : wanted) {
    auto it = std::find_if(header.begin(), header.end(), [&](const std::string& h) { return trim(h) == w; });
    if (it == header.end())
      throw ImportError(T(fmt::format("'{}' has no column '{}': is this the {} data set?", path, w, dataset),
                          fmt::format("“{}”没有“{}”列：这是 {} 数据集吗？", path, w, dataset)),
                        ErrorKind::invalid_input);
    out.push_back(static_cast<size_t>(it - header.begin()));
  }
  return out;
}

// An import's warnings, and the rows it dropped counted by reason for the summary.
struct ImportLog : Diagnostics {
  size_t dropped = 0;
  std::map<std::string, std::pair<Text, size_t>> reasons;  ///< English reason → reason, rows
};

void warn(Diagnostics& d, const std::string& path, int line, Text why) {
  Diagnostic g;
  g.file = path;
  g.line = line;
  g.column = 1;
  g.severity = Severity::warning;
  g.message = std::move(why);
  d.add(std::move(g));
}

// A data row left out: a warning at its file:line, counted under `reason` (a few
// words) for the one summary at the end.
void skipped(ImportLog& d, const std::string& path, int line, Text why, const Text& reason) {
  warn(d, path, line, std::move(why));
  d.dropped += 1;
  auto& r = d.reasons[reason.en];
  r.first = reason;
  r.second += 1;
}

// "3 rows dropped: 2 with a Data Value that is not a finite number, 1 with too few
// fields", most frequent reason first; empty when no row was dropped.
Text drop_summary(const ImportLog& d) {
  if (d.dropped == 0) return {};
  std::vector<std::pair<Text, size_t>> rs;
  for (const auto& [en, r] : d.reasons) rs.push_back(r);
  std::stable_sort(rs.begin(), rs.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string en, zh;
  for (const auto& [why, n] : rs) {
    en += fmt::format("{}{} {}", en.empty() ? "" : ", ", n, why.en);
    zh += fmt::format("{}{} 行{}", zh.empty() ? "" : "，", n, why.zh);
  }
  return T(fmt::format("{} row{} dropped: {}", d.dropped, d.dropped == 1 ? "" : "s", en),
           fmt::format("丢弃了 {} 行：{}", d.dropped, zh));
}

// The end of an import: one summary warning for the dropped rows, and an error when
// nothing is left to write (every occupation row dropped, or none there).
ImportedCatalog finish_import(ImportedCatalog imported, const ImportLog& log, const std::string& dir) {
  Text summary = drop_summary(log);
  if (imported.roles == 0)
    throw ImportError(T(fmt::format("'{}' yields no roles: no occupation row could be imported{}", dir,
                                    summary.empty() ? "" : " (" + summary.en + ")"),
                        fmt::format("“{}”没有可导入的岗位：没有一行职业数据可用{}", dir,
                                    summary.empty() ? "" : "（" + summary.zh + "）")),
                      ErrorKind::invalid_input);
  if (!summary.empty())
    warn(imported.diags, dir, 0,
         T(summary.en + " (each is listed above with its file and line)",
           summary.zh + "（逐行列于上方，含文件与行号）"));
  imported.dropped = log.dropped;
  return imported;
}

// A UTF-8 byte order mark at the start of a file's first line, dropped: spreadsheet
// programs write one, and it would glue itself to the first column's name.
void skip_bom(std::string& first_line) {
  if (first_line.compare(0, 3, "\xEF\xBB\xBF") == 0) first_line.erase(0, 3);
}

// Reports progress about every 512 KiB, and once at the end.
struct ProgressMeter {
  const ImportProgress& fn;
  uint64_t total = 0, base = 0, last = 0;
  void at(std::istream& in) {
    if (!fn) return;
    auto p = in.tellg();
    uint64_t done = base + (p < 0 ? 0 : static_cast<uint64_t>(p));
    if (done - last >= (512u << 10)) {
      last = done;
      fn(done, total);
    }
  }
  void next_file(uint64_t size) { base += size; }
  void finish() {
    if (fn) fn(total, total);
  }
};

// ---------------------------------------------------------------- ids

// Gives each label a stable id: prefix + slug; labels whose slugs collide keep the
// plain slug for the first label (in byte order) and take a hash suffix otherwise,
// so the ids do not depend on the order of the input.
std::map<std::string, std::string> assign_ids(const std::set<std::string>& labels, const std::string& prefix,
                                              std::set<std::string>& taken) {
  std::map<std::string, std::vector<std::string>> by_slug;
  for (const auto& l : labels) {
    auto s = slugify(l);
    by_slug[s.empty() ? "item" : s].push_back(l);
  }
  std::map<std::string, std::string> out;
  for (auto& [slug, group] : by_slug) {
    for (size_t i = 0; i < group.size(); ++i) {
      std::string id = fmt::format("{}{}", prefix, slug);
      if (i > 0 || taken.count(id)) id = fmt::format("{}{}-{}", prefix, slug, hex6(group[i]));
      if (taken.count(id)) id = fmt::format("{}{}-{:016x}", prefix, slug, fnv1a64(group[i]));
      taken.insert(id);
      out[group[i]] = id;
    }
  }
  return out;
}

// Skills keyed by the form profiles match on (normalize_key), so two labels that
// differ only in case or width become one skill rather than an ambiguity.
struct SkillTable {
  std::map<std::string, std::string> label_of_key;  // key → label shown (smallest in byte order)
  std::map<std::string, std::string> key_of_label;
  void add(const std::string& label) {
    if (key_of_label.count(label)) return;
    auto k = normalize_key(label);
    key_of_label[label] = k;
    auto it = label_of_key.find(k);
    if (it == label_of_key.end() || label < it->second) label_of_key[k] = label;
  }
};

using ExtIds = std::map<std::string, std::string>;

struct RoleOut {
  std::string id;
  std::string label;
  std::string category;
  std::string definition;
  ExtIds external_ids;
  std::string barrier;  // from O*NET's Job Zone; empty = the category's
  struct Link {
    std::string skill;
    bool essential;
    double weight;
  };
  std::vector<Link> skills;
};

struct SkillOut {
  std::string id, label, parent;
  ExtIds external_ids;
};

struct CategoryOut {
  std::string id;
  Text name;
};

struct Meta {
  std::string id, version;
  Text name, attribution;
  std::string sources_yaml;  // the whole sources: section
  std::string role_sources;  // "[a, b]"
  std::string category_source;
  std::string skill_source;  // cited by every imported skill
};

void add_link(RoleOut& r, const std::string& skill, bool essential, double weight) {
  for (auto& l : r.skills)
    if (l.skill == skill) {
      l.essential = l.essential || essential;
      l.weight = std::max(l.weight, weight);
      return;
    }
  r.skills.push_back({skill, essential, weight});
}

std::string number(double v) { return fmt::format("{}", v); }

const std::string k_generated = "# Generated by `advisor catalog import`; do not edit by hand: re-run the import.\n";

std::string chunk_name(const char* kind, size_t n) { return fmt::format("{}-{:03d}.yaml", kind, n + 1); }

// The standard education ladder of an imported catalogue, with ISCED 2011 levels, so
// a profile's `education` means the same whichever catalogue is loaded. Merged with
// the built-in catalogue, the first directory's ladder stands (the same ids).
std::string education_yaml() {
  return k_generated +
         "# UNESCO International Standard Classification of Education (ISCED 2011):\n"
         "# https://uis.unesco.org/en/topic/international-standard-classification-education-isced\n"
         "education:\n"
         "  - {id: junior-middle-school, isced: \"2\", name: {zh: 初中, en: Lower secondary education}, aliases: "
         "[初中, "
         "初中毕业, Junior high school, lower secondary]}\n"
         "  - {id: high-school, isced: \"3\", name: {zh: 高中/中专, en: Upper secondary education}, aliases: [高中, "
         "中专, "
         "high school, secondary school, vocational school, upper secondary]}\n"
         "  - {id: associate, isced: \"5\", name: {zh: 大专, en: Short-cycle tertiary education}, aliases: [大专, "
         "专科, "
         "associate degree, associate, short-cycle tertiary]}\n"
         "  - {id: bachelor, isced: \"6\", name: {zh: 本科, en: Bachelor's or equivalent}, aliases: [本科, 学士, "
         "bachelor, "
         "bachelor's, bachelors, undergraduate]}\n"
         "  - {id: master, isced: \"7\", name: {zh: 硕士, en: Master's or equivalent}, aliases: [硕士, 研究生, master, "
         "master's, masters, postgraduate]}\n"
         "  - {id: doctorate, isced: \"8\", name: {zh: 博士, en: Doctoral or equivalent}, aliases: [博士, phd, ph.d., "
         "doctorate, doctoral degree]}\n";
}

#ifndef ADVISOR_IMPORT_EMITTER

// A label the source has only in English: no zh, never the English copied into it.
std::string english_yaml(const std::string& en) { return fmt::format("{{en: {}}}", yaml_quote(en)); }

std::string ids_yaml(const std::map<std::string, std::string>& ids) {
  std::string s = "{";
  for (const auto& [k, v] : ids) s += (s.size() > 1 ? ", " : "") + k + ": " + yaml_quote(v);
  return s + "}";
}

std::string catalog_yaml(const Meta& meta) {
  std::string c = k_generated;
  c += "catalog:\n";
  c += "  id: " + yaml_quote(meta.id) + "\n";
  c += "  version: " + yaml_quote(meta.version) + "\n";
  c += "  name: " + text_yaml(meta.name.zh, meta.name.en) + "\n";
  c += "  attribution: " + text_yaml(meta.attribution.zh, meta.attribution.en) + "\n";
  return c + meta.sources_yaml;
}

void render_categories(ImportedCatalog& out, const Meta& meta, const std::vector<CategoryOut>& cats) {
  std::string cy = k_generated + "categories:\n", dy = k_generated + "domains:\n";
  for (const auto& k : cats) {
    cy += "  - id: " + yaml_quote(k.id) + "\n";
    cy += "    name: " + text_yaml(k.name.zh, k.name.en) + "\n";
    cy += "    domains: [" + yaml_quote(k.id) + "]\n";
    cy += "    source: " + yaml_quote(meta.category_source) + "\n";
    dy += "  - {id: " + yaml_quote(k.id) + ", name: " + text_yaml(k.name.zh, k.name.en) + "}\n";
  }
  out.files["categories.yaml"] = std::move(cy);
  out.files["domains.yaml"] = std::move(dy);
}

std::string role_yaml(RoleOut& r, const Meta& meta, size_t& links) {
  // Essential first, then by id: a stable order whatever the input's.
  std::sort(r.skills.begin(), r.skills.end(), [](const auto& a, const auto& b) {
    if (a.essential != b.essential) return a.essential;
    return a.skill < b.skill;
  });
  std::string ry = "  - id: " + yaml_quote(r.id) + "\n";
  ry += "    name: " + english_yaml(r.label) + "\n";
  ry += "    category: " + yaml_quote(r.category) + "\n";
  if (!r.external_ids.empty()) ry += "    external_ids: " + ids_yaml(r.external_ids) + "\n";
  if (!r.barrier.empty()) ry += "    barrier: " + yaml_quote(r.barrier) + "\n";
  if (!r.definition.empty()) ry += "    definition: " + english_yaml(r.definition) + "\n";
  if (r.skills.empty()) {
    // The source lists no skills: kept for `show`, left out of ranking.
    ry += "    incomplete: true\n    skills: []\n";
  } else {
    ry += "    skills:\n";
    for (const auto& l : r.skills) {
      ry += "      - {skill: " + yaml_quote(l.skill) + ", need: " + (l.essential ? "essential" : "optional");
      if (l.weight != 1.0) ry += ", weight: " + number(l.weight);
      ry += "}\n";
      ++links;
    }
  }
  return ry + "    sources: " + meta.role_sources + "\n";
}

// Roles and skills go into numbered files of a bounded size: yaml-cpp holds a whole
// file's node tree in memory (about 35 times the text), so one 11 MB roles file
// took a cold load of ESCO to 400 MB; files of 250 roles keep it near 100 MB.
void render_roles(ImportedCatalog& out, const Meta& meta, std::vector<RoleOut>& roles) {
  std::string ry;
  size_t in_chunk = 0, chunk = 0;
  for (auto& r : roles) {
    if (in_chunk == 0) ry = k_generated + "roles:\n";
    ry += role_yaml(r, meta, out.links);
    if (++in_chunk == k_import_roles_per_file) {
      out.files[chunk_name("roles", chunk++)] = std::exchange(ry, {});
      in_chunk = 0;
    }
  }
  if (in_chunk > 0 || roles.empty())
    out.files[chunk_name("roles", chunk)] = roles.empty() ? k_generated + "roles: []\n" : std::move(ry);
}

void render_skills(ImportedCatalog& out, const std::vector<SkillOut>& skills, const Meta& meta) {
  std::string sy;
  size_t in_chunk = 0, chunk = 0;
  for (const auto& s : skills) {
    if (in_chunk == 0) sy = k_generated + "skills:\n";
    sy += "  - {id: " + yaml_quote(s.id) + ", name: " + english_yaml(s.label);
    if (!s.parent.empty()) sy += ", parent: " + yaml_quote(s.parent);
    sy += ", source: " + yaml_quote(meta.skill_source);  // every skill cites its source
    if (!s.external_ids.empty()) sy += ", external_ids: " + ids_yaml(s.external_ids);
    sy += "}\n";
    if (++in_chunk == k_import_skills_per_file) {
      out.files[chunk_name("skills", chunk++)] = std::exchange(sy, {});
      in_chunk = 0;
    }
  }
  if (in_chunk > 0 || skills.empty())
    out.files[chunk_name("skills", chunk)] = skills.empty() ? k_generated + "skills: []\n" : std::move(sy);
}

#else

// For measurement only (-DADVISOR_IMPORT_WRITER=emitter; docs/performance.md,
// "`json_check` and the import's writer"): the same documents written by YAML::Emitter,
// every string double-quoted as the hand writer has them, keys plain.

void quoted(YAML::Emitter& e, const std::string& s) { e << YAML::DoubleQuoted << valid_utf8(s); }

void emit_text(YAML::Emitter& e, const std::string* zh, const std::string& en) {
  e << YAML::Flow << YAML::BeginMap;
  if (zh) {
    e << YAML::Key << "zh" << YAML::Value;
    quoted(e, *zh);
  }
  e << YAML::Key << "en" << YAML::Value;
  quoted(e, en);
  e << YAML::EndMap;
}

void emit_ids(YAML::Emitter& e, const ExtIds& ids) {
  e << YAML::Flow << YAML::BeginMap;
  for (const auto& [k, v] : ids) {
    e << YAML::Key << k << YAML::Value;
    quoted(e, v);
  }
  e << YAML::EndMap;
}

std::string document(const YAML::Emitter& e) { return k_generated + e.c_str() + "\n"; }

std::string catalog_yaml(const Meta& meta) {
  YAML::Emitter e;
  e << YAML::BeginMap << YAML::Key << "catalog" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "id" << YAML::Value;
  quoted(e, meta.id);
  e << YAML::Key << "version" << YAML::Value;
  quoted(e, meta.version);
  e << YAML::Key << "name" << YAML::Value;
  emit_text(e, &meta.name.zh, meta.name.en);
  e << YAML::Key << "attribution" << YAML::Value;
  emit_text(e, &meta.attribution.zh, meta.attribution.en);
  e << YAML::EndMap << YAML::EndMap;
  return document(e) + meta.sources_yaml;
}

void render_categories(ImportedCatalog& out, const Meta& meta, const std::vector<CategoryOut>& cats) {
  YAML::Emitter cy, dy;
  cy << YAML::BeginMap << YAML::Key << "categories" << YAML::Value << YAML::BeginSeq;
  dy << YAML::BeginMap << YAML::Key << "domains" << YAML::Value << YAML::BeginSeq;
  for (const auto& k : cats) {
    cy << YAML::BeginMap << YAML::Key << "id" << YAML::Value;
    quoted(cy, k.id);
    cy << YAML::Key << "name" << YAML::Value;
    emit_text(cy, &k.name.zh, k.name.en);
    cy << YAML::Key << "domains" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    quoted(cy, k.id);
    cy << YAML::EndSeq << YAML::Key << "source" << YAML::Value;
    quoted(cy, meta.category_source);
    cy << YAML::EndMap;
    dy << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value;
    quoted(dy, k.id);
    dy << YAML::Key << "name" << YAML::Value;
    emit_text(dy, &k.name.zh, k.name.en);
    dy << YAML::EndMap;
  }
  cy << YAML::EndSeq << YAML::EndMap;
  dy << YAML::EndSeq << YAML::EndMap;
  out.files["categories.yaml"] = document(cy);
  out.files["domains.yaml"] = document(dy);
}

void emit_role(YAML::Emitter& e, RoleOut& r, const std::vector<std::string>& sources, size_t& links) {
  std::sort(r.skills.begin(), r.skills.end(), [](const auto& a, const auto& b) {
    if (a.essential != b.essential) return a.essential;
    return a.skill < b.skill;
  });
  e << YAML::BeginMap << YAML::Key << "id" << YAML::Value;
  quoted(e, r.id);
  e << YAML::Key << "name" << YAML::Value;
  emit_text(e, nullptr, r.label);
  e << YAML::Key << "category" << YAML::Value;
  quoted(e, r.category);
  if (!r.external_ids.empty()) {
    e << YAML::Key << "external_ids" << YAML::Value;
    emit_ids(e, r.external_ids);
  }
  if (!r.barrier.empty()) {
    e << YAML::Key << "barrier" << YAML::Value;
    quoted(e, r.barrier);
  }
  if (!r.definition.empty()) {
    e << YAML::Key << "definition" << YAML::Value;
    emit_text(e, nullptr, r.definition);
  }
  if (r.skills.empty()) {
    e << YAML::Key << "incomplete" << YAML::Value << true;
    e << YAML::Key << "skills" << YAML::Value << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
  } else {
    e << YAML::Key << "skills" << YAML::Value << YAML::BeginSeq;
    for (const auto& l : r.skills) {
      e << YAML::Flow << YAML::BeginMap << YAML::Key << "skill" << YAML::Value;
      quoted(e, l.skill);
      e << YAML::Key << "need" << YAML::Value << (l.essential ? "essential" : "optional");
      if (l.weight != 1.0) e << YAML::Key << "weight" << YAML::Value << number(l.weight);
      e << YAML::EndMap;
      ++links;
    }
    e << YAML::EndSeq;
  }
  e << YAML::Key << "sources" << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (const auto& s : sources) quoted(e, s);
  e << YAML::EndSeq << YAML::EndMap;
}

void render_roles(ImportedCatalog& out, const Meta& meta, std::vector<RoleOut>& roles) {
  std::vector<std::string> sources = YAML::Load(meta.role_sources).as<std::vector<std::string>>();
  std::optional<YAML::Emitter> e;
  size_t in_chunk = 0, chunk = 0;
  for (auto& r : roles) {
    if (in_chunk == 0) {
      e.emplace();
      *e << YAML::BeginMap << YAML::Key << "roles" << YAML::Value << YAML::BeginSeq;
    }
    emit_role(*e, r, sources, out.links);
    if (++in_chunk == k_import_roles_per_file) {
      *e << YAML::EndSeq << YAML::EndMap;
      out.files[chunk_name("roles", chunk++)] = document(*e);
      in_chunk = 0;
    }
  }
  if (in_chunk > 0) {
    *e << YAML::EndSeq << YAML::EndMap;
    out.files[chunk_name("roles", chunk)] = document(*e);
  } else if (roles.empty()) {
    out.files[chunk_name("roles", chunk)] = k_generated + "roles: []\n";
  }
}

void render_skills(ImportedCatalog& out, const std::vector<SkillOut>& skills, const Meta& meta) {
  std::optional<YAML::Emitter> e;
  size_t in_chunk = 0, chunk = 0;
  for (const auto& s : skills) {
    if (in_chunk == 0) {
      e.emplace();
      *e << YAML::BeginMap << YAML::Key << "skills" << YAML::Value << YAML::BeginSeq;
    }
    *e << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value;
    quoted(*e, s.id);
    *e << YAML::Key << "name" << YAML::Value;
    emit_text(*e, nullptr, s.label);
    if (!s.parent.empty()) {
      *e << YAML::Key << "parent" << YAML::Value;
      quoted(*e, s.parent);
    }
    *e << YAML::Key << "source" << YAML::Value;
    quoted(*e, meta.skill_source);
    if (!s.external_ids.empty()) {
      *e << YAML::Key << "external_ids" << YAML::Value;
      emit_ids(*e, s.external_ids);
    }
    *e << YAML::EndMap;
    if (++in_chunk == k_import_skills_per_file) {
      *e << YAML::EndSeq << YAML::EndMap;
      out.files[chunk_name("skills", chunk++)] = document(*e);
      in_chunk = 0;
    }
  }
  if (in_chunk > 0) {
    *e << YAML::EndSeq << YAML::EndMap;
    out.files[chunk_name("skills", chunk)] = document(*e);
  } else if (skills.empty()) {
    out.files[chunk_name("skills", chunk)] = k_generated + "skills: []\n";
  }
}

#endif

ImportedCatalog render(const Meta& meta, std::vector<CategoryOut> cats, std::vector<RoleOut> roles,
                       std::vector<SkillOut> skills, Diagnostics diags) {
  ImportedCatalog out;
  std::sort(cats.begin(), cats.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  std::sort(roles.begin(), roles.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  std::sort(skills.begin(), skills.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  out.files["catalog.yaml"] = catalog_yaml(meta);
  out.files["education.yaml"] = education_yaml();
  render_categories(out, meta, cats);
  render_roles(out, meta, roles);
  render_skills(out, skills, meta);
  out.roles = roles.size();
  out.skills = skills.size();
  out.categories = cats.size();
  for (const auto& r : roles) out.incomplete += r.skills.empty() ? 1 : 0;
  out.diags = std::move(diags);
  return out;
}

// ---------------------------------------------------------------- ESCO

// ISCO-08 major groups (ILO), by first digit of the ISCO code.
const std::map<char, Text> k_isco_major{
    {'0', T("Armed forces occupations", "军人职业")},
    {'1', T("Managers", "管理人员")},
    {'2', T("Professionals", "专业人员")},
    {'3', T("Technicians and associate professionals", "技术人员和助理专业人员")},
    {'4', T("Clerical support workers", "办事人员")},
    {'5', T("Service and sales workers", "服务和销售人员")},
    {'6', T("Skilled agricultural, forestry and fishery workers", "农业、林业和渔业技术工人")},
    {'7', T("Craft and related trades workers", "手工艺及有关行业工人")},
    {'8', T("Plant and machine operators, and assemblers", "设备和机器操作员及装配工")},
    {'9', T("Elementary occupations", "初级职业")},
};

struct EscoOccupation {
  std::string uri, label, isco, definition;
};

struct EscoOccupations {
  std::vector<EscoOccupation> list;
  std::unordered_map<std::string, size_t> by_uri;
};

EscoOccupations read_esco_occupations(InputStream& occ, ProgressMeter& meter, ImportLog& diags) {
  EscoOccupations out;
  std::vector<std::string> fields;
  int line = 1, lines = 0;
  if (!next_csv_record(occ.in, fields, lines))
    throw ImportError(T(fmt::format("'{}' is empty", occ.path), fmt::format("“{}”是空文件", occ.path)),
                      ErrorKind::invalid_input);
  if (!fields.empty()) skip_bom(fields.front());
  auto col = columns(fields, {"conceptUri", "iscoGroup", "preferredLabel", "description"}, occ.path, "ESCO");
  size_t need = *std::max_element(col.begin(), col.end()) + 1;
  line += lines;
  while (true) {
    int rec_line = line;  // a record may span lines: report where it starts
    lines = 0;
    if (!next_csv_record(occ.in, fields, lines)) break;
    line += lines;
    meter.at(occ.in);
    if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
    if (fields.size() < need) {
      skipped(diags, occ.path, rec_line,
              T(fmt::format("skipped: {} fields, expected at least {}", fields.size(), need),
                fmt::format("已跳过：{} 个字段，应至少 {} 个", fields.size(), need)),
              T("with too few fields", "字段不足"));
      continue;
    }
    EscoOccupation o{trim(fields[col[0]]), trim(fields[col[2]]), trim(fields[col[1]]), trim(fields[col[3]])};
    if (o.uri.empty() || o.label.empty()) {
      skipped(diags, occ.path, rec_line,
              T("skipped: no conceptUri or preferredLabel", "已跳过：缺少 conceptUri 或 preferredLabel"),
              T("without a conceptUri or preferredLabel", "缺少 conceptUri 或 preferredLabel"));
      continue;
    }
    if (out.by_uri.count(o.uri)) {
      skipped(
          diags, occ.path, rec_line,
          T(fmt::format("skipped: occupation '{}' listed twice", o.uri), fmt::format("已跳过：职业“{}”重复", o.uri)),
          T("repeating an occupation", "职业重复"));
      continue;
    }
    out.by_uri.emplace(o.uri, out.list.size());
    out.list.push_back(std::move(o));
  }
  return out;
}

struct EscoRelation {
  size_t occupation;
  std::string skill;
  bool essential;
};

std::vector<EscoRelation> read_esco_relations(InputStream& rel, const EscoOccupations& occ, SkillTable& skill_table,
                                              ProgressMeter& meter, ImportLog& diags) {
  std::vector<EscoRelation> relations;
  std::string text;
  if (!getline_crlf(rel.in, text))
    throw ImportError(T(fmt::format("'{}' is empty", rel.path), fmt::format("“{}”是空文件", rel.path)),
                      ErrorKind::invalid_input);
  skip_bom(text);
  auto rcol = columns(split_tabs(text), {"occupationUri", "relationType", "skillLabel"}, rel.path, "ESCO");
  size_t rneed = *std::max_element(rcol.begin(), rcol.end()) + 1;
  size_t unknown_occupations = 0;
  for (int line = 2; getline_crlf(rel.in, text); ++line) {
    if ((line & 255) == 0) meter.at(rel.in);
    if (text.empty()) continue;
    auto f = split_tabs(text);
    if (f.size() < rneed) {
      skipped(diags, rel.path, line,
              T(fmt::format("skipped: {} fields, expected at least {}", f.size(), rneed),
                fmt::format("已跳过：{} 个字段，应至少 {} 个", f.size(), rneed)),
              T("with too few fields", "字段不足"));
      continue;
    }
    auto it = occ.by_uri.find(trim(f[rcol[0]]));
    if (it == occ.by_uri.end()) {
      ++unknown_occupations;  // a link to an occupation outside the CSV (or the slice)
      continue;
    }
    auto type = trim(f[rcol[1]]);
    if (type != "essential" && type != "optional") {
      skipped(diags, rel.path, line,
              T(fmt::format("skipped: relationType '{}' is neither essential nor optional", type),
                fmt::format("已跳过：relationType“{}”既不是 essential 也不是 optional", type)),
              T("with a relationType that is neither essential nor optional",
                "relationType 既不是 essential 也不是 optional"));
      continue;
    }
    auto label = trim(f[rcol[2]]);
    if (label.empty() || normalize_key(label).empty()) continue;
    skill_table.add(label);
    relations.push_back({it->second, std::move(label), type == "essential"});
  }
  if (unknown_occupations > 0)
    warn(diags, rel.path, 0,
         T(fmt::format("{} links name occupations not in occupations_en.csv and were left out", unknown_occupations),
           fmt::format("{} 条关联指向 occupations_en.csv 中没有的职业，已略去", unknown_occupations)));
  return relations;
}

// Role ids hash the label with its URI (two occupations may share a label), but slug the label alone.
std::unordered_map<std::string, std::string> esco_role_ids(const std::vector<EscoOccupation>& occupations) {
  std::set<std::string> role_labels;  // label + tab + uri
  for (const auto& o : occupations) role_labels.insert(o.label + "\t" + o.uri);
  std::map<std::string, std::vector<std::string>> role_slugs;
  for (const auto& rl : role_labels) role_slugs[slugify(rl.substr(0, rl.find('\t')))].push_back(rl);
  std::unordered_map<std::string, std::string> role_id_of;
  for (auto& [slug, group] : role_slugs)
    for (size_t i = 0; i < group.size(); ++i) {
      std::string id = "esco-" + (slug.empty() ? "occupation" : slug);
      if (i > 0) id += "-" + hex6(group[i]);
      role_id_of[group[i].substr(group[i].find('\t') + 1)] = id;
    }
  return role_id_of;
}

CategoryOut isco_category(const std::string& isco) {
  char major = !isco.empty() && isco[0] >= '0' && isco[0] <= '9' ? isco[0] : '?';
  if (major == '?') return {"esco-isco-unknown", T("Not classified in ISCO-08", "未归入 ISCO-08")};
  return {std::string("esco-isco-") + major, T("ISCO " + std::string(1, major) + " " + k_isco_major.at(major).en,
                                               "ISCO " + std::string(1, major) + " " + k_isco_major.at(major).zh)};
}

Meta esco_meta() {
  Meta meta;
  meta.id = "esco-1.2.0";
  meta.version = "1.2.0";
  meta.name = T("ESCO occupations and skills (v1.2.0, English)", "ESCO 职业与技能分类（v1.2.0，英文）");
  meta.attribution =
      T("This service uses the ESCO classification of the European Commission.", "本服务使用欧盟委员会的 ESCO 分类。");
  meta.sources_yaml =
      "sources:\n"
      "  - id: \"esco-1.2.0\"\n"
      "    title: " +
      text_yaml("ESCO（欧洲技能、能力、资格与职业分类）v1.2.0：职业",
                "ESCO (European Skills, Competences, Qualifications and Occupations) v1.2.0: occupations") +
      "\n"
      "    publisher: \"European Commission\"\n"
      "    url: \"https://esco.ec.europa.eu/en/use-esco/download\"\n"
      "    file: \"occupations_en.csv\"\n"
      "  - id: \"esco-skill-relations\"\n"
      "    title: " +
      text_yaml("ESCO 1.2.0 职业—技能关联（第三方整理）",
                "ESCO 1.2.0 occupation-skill relations (third-party extract)") +
      "\n"
      "    publisher: \"victoriano/future-of-work-data, built from ESCO 1.2.0\"\n"
      "    url: \"https://github.com/victoriano/future-of-work-data\"\n"
      "    file: \"occupation_skill_relations.tsv\"\n";
  meta.role_sources = "[\"esco-1.2.0\", \"esco-skill-relations\"]";
  meta.category_source = "esco-1.2.0";
  meta.skill_source = "esco-skill-relations";
  return meta;
}

}  // namespace

ImportedCatalog import_esco(const std::string& dir, const ImportProgress& progress) {
  InputStream occ, rel;
  open_input(occ, dir, "occupations_en.csv");
  open_input(rel, dir, "occupation_skill_relations.tsv");
  ProgressMeter meter{progress, occ.size + rel.size};
  ImportLog diags;
  auto occupations = read_esco_occupations(occ, meter, diags);
  meter.next_file(occ.size);
  SkillTable skill_table;
  auto relations = read_esco_relations(rel, occupations, skill_table, meter, diags);
  meter.next_file(rel.size);

  std::set<std::string> taken, skill_labels;
  for (const auto& [k, l] : skill_table.label_of_key) skill_labels.insert(l);
  auto skill_ids = assign_ids(skill_labels, "esco-", taken);
  auto role_id_of = esco_role_ids(occupations.list);
  std::vector<RoleOut> roles(occupations.list.size());
  std::map<std::string, CategoryOut> cats;
  for (size_t i = 0; i < occupations.list.size(); ++i) {
    const auto& o = occupations.list[i];
    auto cat = isco_category(o.isco);
    roles[i] = RoleOut{role_id_of.at(o.uri), o.label, cat.id, o.definition, {{"esco", o.uri}}, "", {}};
    cats.emplace(cat.id, std::move(cat));
  }
  for (const auto& r : relations)
    add_link(roles[r.occupation], skill_ids.at(skill_table.label_of_key.at(skill_table.key_of_label.at(r.skill))),
             r.essential, 1.0);
  // The relations file names skills by label only (no concept URI): the preferred
  // label is the id ESCO's own data gives, and what same_as links name.
  std::vector<SkillOut> skills;
  for (const auto& [label, id] : skill_ids) skills.push_back(SkillOut{id, label, "", {{"esco_label", label}}});
  std::vector<CategoryOut> cat_list;
  for (auto& [id, c] : cats) cat_list.push_back(std::move(c));
  meter.finish();
  return finish_import(render(esco_meta(), std::move(cat_list), std::move(roles), std::move(skills), diags), diags,
                       dir);
}

namespace {

// SOC 2018 major groups, by the first two digits of the O*NET-SOC code.
const std::map<std::string, Text> k_soc_major{
    {"11", T("Management", "管理")},
    {"13", T("Business and Financial Operations", "商业和金融运营")},
    {"15", T("Computer and Mathematical", "计算机和数学")},
    {"17", T("Architecture and Engineering", "建筑和工程")},
    {"19", T("Life, Physical, and Social Science", "生命科学、自然科学和社会科学")},
    {"21", T("Community and Social Service", "社区和社会服务")},
    {"23", T("Legal", "法律")},
    {"25", T("Educational Instruction and Library", "教育教学和图书馆")},
    {"27", T("Arts, Design, Entertainment, Sports, and Media", "艺术、设计、娱乐、体育和媒体")},
    {"29", T("Healthcare Practitioners and Technical", "医疗从业人员和医疗技术")},
    {"31", T("Healthcare Support", "医疗辅助")},
    {"33", T("Protective Service", "安保服务")},
    {"35", T("Food Preparation and Serving Related", "餐饮制作和服务")},
    {"37", T("Building and Grounds Cleaning and Maintenance", "建筑和场地清洁维护")},
    {"39", T("Personal Care and Service", "个人护理和服务")},
    {"41", T("Sales and Related", "销售及相关")},
    {"43", T("Office and Administrative Support", "办公室和行政支持")},
    {"45", T("Farming, Fishing, and Forestry", "农业、渔业和林业")},
    {"47", T("Construction and Extraction", "建筑施工和采掘")},
    {"49", T("Installation, Maintenance, and Repair", "安装、维护和修理")},
    {"51", T("Production", "生产")},
    {"53", T("Transportation and Material Moving", "运输和物料搬运")},
    {"55", T("Military Specific", "军事")},
};

struct OnetOccupation {
  std::string code, title, description;
};

struct OnetOccupations {
  std::vector<OnetOccupation> list;
  std::unordered_map<std::string, size_t> by_code;
};

// Reads a tab-separated O*NET file: checks the header, then calls row(fields, line)
// for each data row that has every wanted column (short rows are reported).
template <typename Row>
void read_onet_rows(InputStream& in, const std::vector<std::string>& wanted, ProgressMeter& meter, ImportLog& diags,
                    Row&& row) {
  std::string text;
  if (!getline_crlf(in.in, text))
    throw ImportError(T(fmt::format("'{}' is empty", in.path), fmt::format("“{}”是空文件", in.path)),
                      ErrorKind::invalid_input);
  skip_bom(text);
  auto col = columns(split_tabs(text), wanted, in.path, "O*NET");
  size_t need = *std::max_element(col.begin(), col.end()) + 1;
  std::vector<std::string> picked(col.size());
  for (int line = 2; getline_crlf(in.in, text); ++line) {
    if ((line & 255) == 0) meter.at(in.in);
    if (text.empty()) continue;
    auto f = split_tabs(text);
    if (f.size() < need) {
      skipped(diags, in.path, line,
              T(fmt::format("skipped: {} fields, expected {}", f.size(), need),
                fmt::format("已跳过：{} 个字段，应为 {} 个", f.size(), need)),
              T("with too few fields", "字段不足"));
      continue;
    }
    for (size_t i = 0; i < col.size(); ++i) picked[i] = trim(f[col[i]]);
    row(picked, line);
  }
}

OnetOccupations read_onet_occupations(InputStream& occ, ProgressMeter& meter, ImportLog& diags) {
  OnetOccupations out;
  read_onet_rows(occ, {"O*NET-SOC Code", "Title", "Description"}, meter, diags, [&](auto& f, int line) {
    OnetOccupation o{f[0], f[1], f[2]};
    if (o.code.size() < 2 || o.title.empty() || out.by_code.count(o.code)) {
      skipped(diags, occ.path, line,
              T("skipped: no code or title, or a code listed twice", "已跳过：缺少代码或名称，或代码重复"),
              T("without a code or title, or repeating a code", "缺少代码或名称，或代码重复"));
      return;
    }
    out.by_code.emplace(o.code, out.list.size());
    out.list.push_back(std::move(o));
  });
  return out;
}

struct OnetLink {
  size_t occupation;
  std::string label;
  bool essential;
  double weight;
};

// What the O*NET files say about skills: the links, each label's external ids, and
// which commodities each tool is filed under (its parent is the most common).
struct OnetSkills {
  std::vector<OnetLink> links;
  SkillTable table;
  std::map<std::string, ExtIds> ids_of_label;
  std::map<std::string, std::map<std::string, int>> commodity_of;
  std::set<std::string> commodities;
};

void read_onet_technology(InputStream& tech, const OnetOccupations& occ, OnetSkills& out, ProgressMeter& meter,
                          ImportLog& diags) {
  read_onet_rows(tech,
                 {"O*NET-SOC Code", "Example", "Commodity Title", "Hot Technology", "In Demand", "Commodity Code"},
                 meter, diags, [&](auto& f, int) {
                   auto it = occ.by_code.find(f[0]);
                   if (it == occ.by_code.end() || normalize_key(f[1]).empty()) return;
                   const auto &tool = f[1], &commodity = f[2];
                   bool hot = f[3] == "Y", demand = f[4] == "Y";
                   out.table.add(tool);
                   out.ids_of_label[tool]["onet_technology"] = tool;
                   if (!normalize_key(commodity).empty()) {
                     out.table.add(commodity);
                     out.commodities.insert(commodity);
                     out.commodity_of[tool][commodity] += 1;
                     if (!f[5].empty()) out.ids_of_label[commodity]["unspsc"] = f[5];
                   }
                   // A role's Hot Technologies are its essential skills: the tools O*NET says
                   // employers ask for in that occupation. Other tools are optional. Weight 1,
                   // plus 0.5 for each flag.
                   out.links.push_back({it->second, tool, hot, 1.0 + (hot ? 0.5 : 0) + (demand ? 0.5 : 0)});
                 });
}

// O*NET rates importance from 1 to 5; 3 is "Important".
constexpr double k_onet_essential_importance = 3.5;
constexpr double k_onet_optional_importance = 3.0;

void read_onet_basic_skills(InputStream& basic, const OnetOccupations& occ, OnetSkills& out, ProgressMeter& meter,
                            ImportLog& diags) {
  read_onet_rows(
      basic, {"O*NET-SOC Code", "Element Name", "Scale ID", "Data Value", "Recommend Suppress", "Element ID"}, meter,
      diags, [&](auto& f, int line) {
        if (f[2] != "IM" || f[4] == "Y") return;  // importance only, and trusted values
        auto it = occ.by_code.find(f[0]);
        if (it == occ.by_code.end()) return;
        auto number = parse_import_number(f[3]);
        if (!number) {
          skipped(diags, basic.path, line,
                  T(fmt::format("skipped: Data Value '{}' is not a finite number", f[3]),
                    fmt::format("已跳过：Data Value“{}”不是有限的数字", f[3])),
                  T("with a Data Value that is not a finite number", "Data Value 不是有限的数字"));
          return;
        }
        double importance = *number;
        if (importance < k_onet_optional_importance || normalize_key(f[1]).empty()) return;
        out.table.add(f[1]);
        if (!f[5].empty()) out.ids_of_label[f[1]]["onet_element"] = f[5];
        // The basic skills (Active Listening, Critical Thinking, …) are rated for
        // every occupation: they say little about which one a person fits, and
        // nobody lists them on a CV, so they are optional, weighted by importance.
        out.links.push_back({it->second, f[1], false, importance >= k_onet_essential_importance ? 1.0 : 0.5});
      });
}

// Job Zone (1-5, O*NET's preparation level) → the barrier to entry of the role:
// 5 extensive preparation (graduate degree) → high; 4 considerable (bachelor's) →
// fairly-high; 3 medium (vocational school, associate degree) → moderate; 1-2 little
// or some (high school or less) → low. Optional: without the file, the categories' barrier.
constexpr const char* k_job_zone_barrier[] = {"", "low", "low", "moderate", "fairly-high", "high"};

std::map<std::string, std::string> read_onet_job_zones(const std::string& dir, const OnetOccupations& occ,
                                                       ProgressMeter& meter, ImportLog& diags) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  if (!fs::is_regular_file(fs::path(dir) / "Job Zones.txt", ec)) {
    warn(diags, (fs::path(dir) / "Job Zones.txt").string(), 0,
         T("not found: roles get their category's barrier, not one from their Job Zone",
           "未找到：岗位采用所属类别的门槛，而非其 Job Zone"));
    return out;
  }
  InputStream zones;
  open_input(zones, dir, "Job Zones.txt");
  read_onet_rows(zones, {"O*NET-SOC Code", "Job Zone"}, meter, diags, [&](auto& f, int line) {
    if (!occ.by_code.count(f[0])) return;
    if (f[1].size() != 1 || f[1][0] < '1' || f[1][0] > '5') {
      skipped(diags, zones.path, line, T("skipped: Job Zone is not 1 to 5", "已跳过：Job Zone 不在 1 到 5 之间"),
              T("with a Job Zone that is not 1 to 5", "Job Zone 不在 1 到 5 之间"));
      return;
    }
    out[f[0]] = k_job_zone_barrier[f[1][0] - '0'];
  });
  return out;
}

// Skill ids, and each tool's parent: the commodity it is filed under most often.
std::vector<SkillOut> onet_skill_list(const OnetSkills& in, std::map<std::string, std::string>& ids) {
  std::set<std::string> taken, labels;
  for (const auto& [k, l] : in.table.label_of_key) labels.insert(l);
  ids = assign_ids(labels, "onet-", taken);
  auto id_of = [&](const std::string& label) {
    return ids.at(in.table.label_of_key.at(in.table.key_of_label.at(label)));
  };
  std::set<std::string> commodity_ids;
  for (const auto& c : in.commodities) commodity_ids.insert(id_of(c));
  std::map<std::string, std::string> parent_of;  // skill id → parent id
  for (const auto& [tool, counts] : in.commodity_of) {
    auto tid = id_of(tool);
    if (commodity_ids.count(tid)) continue;  // a commodity itself stays at the top
    const std::string* best = nullptr;       // most common, ties to the smallest title
    int best_n = 0;
    for (const auto& [c, n] : counts)
      if (n > best_n) best = &c, best_n = n;
    auto& p = parent_of[tid];
    if (p.empty()) p = id_of(*best);
  }
  // External ids of every label merged into one skill (labels differing in case).
  std::map<std::string, ExtIds> ext;
  for (const auto& [label, e] : in.ids_of_label) ext[id_of(label)].insert(e.begin(), e.end());
  std::vector<SkillOut> skills;
  for (const auto& [label, id] : ids) {
    auto p = parent_of.find(id);
    skills.push_back(SkillOut{id, label, p == parent_of.end() ? "" : p->second, ext[id]});
  }
  return skills;
}

std::vector<RoleOut> onet_roles(const OnetOccupations& occ, const std::map<std::string, std::string>& zones,
                                std::map<std::string, CategoryOut>& cats) {
  std::set<std::string> role_labels, role_taken;
  for (const auto& o : occ.list) role_labels.insert(o.title);
  // Titles are unique in O*NET; a repeated one would still get a distinct id.
  std::map<std::string, int> title_count;
  for (const auto& o : occ.list) title_count[o.title] += 1;
  auto title_ids = assign_ids(role_labels, "onet-", role_taken);
  std::vector<RoleOut> roles;
  for (const auto& o : occ.list) {
    std::string id = title_ids.at(o.title);
    if (title_count[o.title] > 1) id += "-" + slugify(o.code);
    std::string major = o.code.substr(0, 2);
    std::string cat_id = k_soc_major.count(major) ? "onet-soc-" + major : "onet-soc-other";
    if (!cats.count(cat_id))
      cats[cat_id] = CategoryOut{cat_id, k_soc_major.count(major) ? T("SOC " + major + " " + k_soc_major.at(major).en,
                                                                      "SOC " + major + " " + k_soc_major.at(major).zh)
                                                                  : T("Other SOC groups", "其他 SOC 大类")};
    auto z = zones.find(o.code);
    roles.push_back(
        RoleOut{id, o.title, cat_id, o.description, {{"onet_soc", o.code}}, z == zones.end() ? "" : z->second, {}});
  }
  return roles;
}

Meta onet_meta() {
  Meta meta;
  meta.id = "onet-29.2";
  meta.version = "29.2";
  meta.name = T("O*NET 29.2 occupations and technology skills", "O*NET 29.2 职业与技术技能");
  meta.attribution =
      T("This product includes information from O*NET 29.2 Database by the U.S. Department of Labor, "
        "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.",
        "本产品包含来自美国劳工部就业与培训管理局（USDOL/ETA）O*NET 29.2 数据库的信息，依据 CC BY 4.0 "
        "许可使用。");
  meta.sources_yaml =
      "sources:\n"
      "  - id: \"onet-29.2\"\n"
      "    title: " +
      text_yaml("O*NET 29.2 数据库（2025 年 2 月）", "O*NET 29.2 Database (February 2025)") +
      "\n"
      "    publisher: \"U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)\"\n"
      "    url: \"https://www.onetcenter.org/database.html\"\n"
      "    file: \"Occupation Data.txt, Technology Skills.txt, Skills.tsv, Job Zones.txt\"\n";
  meta.role_sources = "[\"onet-29.2\"]";
  meta.category_source = "onet-29.2";
  meta.skill_source = "onet-29.2";
  return meta;
}

}  // namespace

ImportedCatalog import_onet(const std::string& dir, const ImportProgress& progress) {
  InputStream occ, tech, basic;
  open_input(occ, dir, "Occupation Data.txt");
  open_input(tech, dir, "Technology Skills.txt");
  open_input(basic, dir, "Skills.tsv");
  ProgressMeter meter{progress, occ.size + tech.size + basic.size};
  ImportLog diags;
  auto occupations = read_onet_occupations(occ, meter, diags);
  meter.next_file(occ.size);
  OnetSkills found;
  read_onet_technology(tech, occupations, found, meter, diags);
  meter.next_file(tech.size);
  read_onet_basic_skills(basic, occupations, found, meter, diags);
  meter.next_file(basic.size);
  auto zones = read_onet_job_zones(dir, occupations, meter, diags);

  std::map<std::string, std::string> ids;
  auto skills = onet_skill_list(found, ids);
  std::map<std::string, CategoryOut> cats;
  auto roles = onet_roles(occupations, zones, cats);
  for (const auto& l : found.links)
    add_link(roles[l.occupation], ids.at(found.table.label_of_key.at(found.table.key_of_label.at(l.label))),
             l.essential, l.weight);
  std::vector<CategoryOut> cat_list;
  for (auto& [id, c] : cats) cat_list.push_back(std::move(c));
  meter.finish();
  return finish_import(render(onet_meta(), std::move(cat_list), std::move(roles), std::move(skills), diags), diags,
                       dir);
}

namespace {

/// A file name an import writes: catalog.yaml, categories.yaml, domains.yaml, and
/// roles*.yaml / skills*.yaml (numbered chunks; unnumbered before 0.1.0's chunking).
bool import_file_name(const std::string& name) {
  if (name == "catalog.yaml" || name == "categories.yaml" || name == "domains.yaml" || name == "education.yaml")
    return true;
  for (const char* kind : {"roles", "skills"}) {
    std::string k = kind;
    if (name.size() > k.size() + 5 && name.compare(0, k.size(), k) == 0 &&
        name.compare(name.size() - 5, 5, ".yaml") == 0 && (name[k.size()] == '-' || name[k.size()] == '.'))
      return true;
  }
  return false;
}

}  // namespace

void write_imported(const ImportedCatalog& imported, const std::string& out_dir, bool force,
                    const std::function<void(int)>& step) {
  std::error_code ec;
  if (fs::exists(out_dir, ec) && !fs::is_directory(out_dir, ec))
    throw ImportError(
        T(fmt::format("'{}' exists and is not a directory", out_dir), fmt::format("“{}”已存在且不是目录", out_dir)),
        ErrorKind::usage);
  // Refuse before writing anything, so a refused import leaves no half catalogue.
  // Any file an import writes counts, not only those this one writes: a bigger
  // earlier import's roles-013.yaml would otherwise be loaded with the new files.
  std::vector<fs::path> earlier;
  if (fs::is_directory(out_dir, ec))
    for (const auto& e : fs::directory_iterator(out_dir, ec))
      if (e.is_regular_file(ec) && import_file_name(e.path().filename().string())) earlier.push_back(e.path());
  std::sort(earlier.begin(), earlier.end());
  if (!force && !earlier.empty())
    throw ImportError(T(fmt::format("'{}' already exists; use --force to replace it", earlier.front().string()),
                        fmt::format("“{}”已存在；如需覆盖请加 --force", earlier.front().string())),
                      ErrorKind::usage);
  auto parent = fs::path(out_dir).parent_path();
  ec.clear();  // exists() and is_directory() above set it when out_dir does not exist yet
  if (!parent.empty()) fs::create_directories(parent, ec);
  if (ec)
    throw ImportError(T(fmt::format("cannot create '{}': {}", parent.string(), ec.message()),
                        fmt::format("无法创建“{}”：{}", parent.string(), ec.message())),
                      ErrorKind::output_failed);
  // The whole import is staged beside out_dir and swapped in at once: an import
  // killed half way leaves the old catalogue or the new, never a mix. An earlier
  // import's files that this one does not write go; other files stay.
  auto r = write_directory_staged(out_dir, imported.files, import_file_name, step);
  if (!r.ok) throw ImportError(r.error, ErrorKind::output_failed);
}

bool next_csv_record(std::istream& in, std::vector<std::string>& fields, int& lines) {
  fields.clear();
  std::string line;
  if (!std::getline(in, line)) return false;
  ++lines;
  std::string field;
  bool quoted = false;
  size_t i = 0;
  while (true) {
    if (i >= line.size() || (!quoted && line[i] == '\r' && i + 1 == line.size())) {
      if (quoted) {
        // A newline inside quotes belongs to the field: read on.
        if (!line.empty() && line.back() == '\r') field.pop_back();
        field += '\n';
        if (!std::getline(in, line)) break;  // unterminated quote at the end: keep what we have
        ++lines;
        i = 0;
        continue;
      }
      break;
    }
    char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::exchange(field, {}));
    } else {
      field += c;
    }
    ++i;
  }
  fields.push_back(std::move(field));
  return true;
}

std::optional<double> parse_import_number(std::string_view field) {
  double v = 0;
  const char* end = field.data() + field.size();
  auto [stop, ec] = std::from_chars(field.data(), end, v);
  if (field.empty() || ec != std::errc() || stop != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string yaml_quote(std::string_view raw) {
  std::string s = valid_utf8(raw);
  std::string out = "\"";
  out.reserve(s.size() + 2);
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case 0:
        out += "\\0";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += fmt::format("\\x{:02x}", c);
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) {
          out += "\\N";  // NEL: a YAML line break
          ++i;
        } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
          out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\L" : "\\P";  // line and paragraph separators
          i += 2;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

std::string slugify(std::string_view label, size_t max_len) {
  std::string out;
  for (char ch : label) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  if (out.size() > max_len) {
    // Cut at a word boundary when there is one in the second half.
    auto cut = out.rfind('-', max_len);
    out.resize(cut != std::string::npos && cut > max_len / 2 ? cut : max_len);
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace advisor
