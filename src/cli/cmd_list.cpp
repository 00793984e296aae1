// advisor list roles|categories|certificates|skills|domains [--category ID] [--search WORD]
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "common.hpp"
#include "to_json.hpp"

namespace advisor::cli {

namespace {

struct ListOptions {
  std::string what;
  std::string category;
  std::string search;
};

int list_categories(const Catalog& c) {
  if (globals().json) {
    Json j = json_doc();
    Json arr = Json::array();
    for (size_t i = 0; i < c.categories.size(); ++i) {
      const auto& cat = c.categories[i];
      size_t n = 0;
      for (int rc : c.role_category) n += rc == static_cast<int>(i);
      arr.push_back(Json{{"id", cat.id}, {"name", text_json(cat.name)}, {"roles", n}});
    }
    j["categories"] = arr;
    emit_json(j);
    return k_exit_ok;
  }
  Table t;
  t.header = {tr("ID", "ID"), tr("CATEGORY", "类别"), tr("ROLES", "岗位数")};
  for (size_t i = 0; i < c.categories.size(); ++i) {
    size_t n = 0;
    for (int rc : c.role_category) n += rc == static_cast<int>(i);
    t.rows.push_back({c.categories[i].id, tr(c.categories[i].name), std::to_string(n)});
  }
  out() << t.render();
  return k_exit_ok;
}

// The experience domains a profile's jobs may name: the industry sections of
// GB/T 4754-2017 (with their letter) and the working domains, by id, name and parent.
int list_domains(const Catalog& c) {
  if (globals().json) {
    Json j = json_doc();
    Json arr = Json::array();
    for (const auto& d : c.domains) {
      Json e{{"id", d.id}, {"name", text_json(d.name)}};
      e["code"] = d.code.empty() ? Json(nullptr) : Json(d.code);
      e["parent"] = d.parent.empty() ? Json(nullptr) : Json(d.parent);
      arr.push_back(e);
    }
    j["domains"] = arr;
    emit_json(j);
    return k_exit_ok;
  }
  Table t;
  t.header = {tr("ID", "ID"), tr("SECTION", "门类"), tr("DOMAIN", "领域"), tr("PART OF", "上级")};
  for (const auto& d : c.domains) t.rows.push_back({d.id, d.code, tr(d.name), d.parent});
  out() << t.render();
  return k_exit_ok;
}

int list_roles(const Catalog& c, const ListOptions& o) {
  if (globals().json) {
    Json j = json_doc();
    Json arr = Json::array();
    for (const auto& r : c.roles)
      if (o.category.empty() || r.category == o.category) {
        Json rj{{"id", r.id}, {"name", text_json(r.name)}, {"category", r.category}};
        add_external_ids(rj, r.external_ids);
        arr.push_back(rj);
      }
    j["roles"] = arr;
    emit_json(j);
    return k_exit_ok;
  }
  Table t;
  t.header = {tr("ID", "ID"), tr("ROLE", "岗位"), tr("CATEGORY", "类别")};
  std::set<std::string> cats;
  size_t n = 0;
  // Grouped by category, in catalogue order.
  for (const auto& cat : c.categories) {
    if (!o.category.empty() && cat.id != o.category) continue;
    for (const auto& r : c.roles) {
      if (r.category != cat.id) continue;
      t.rows.push_back({r.id, tr(r.name), tr(cat.name)});
      cats.insert(cat.id);
      ++n;
    }
  }
  out() << t.render();
  out() << "\n"
        << tr(T(fmt::format("{} role{} in {} categor{}", n, n == 1 ? "" : "s", cats.size(),
                            cats.size() == 1 ? "y" : "ies"),
                fmt::format("共 {} 个岗位，{} 个类别", n, cats.size())))
        << "\n";
  return k_exit_ok;
}

int list_certificates(const Catalog& c) {
  if (globals().json) {
    Json j = json_doc();
    Json arr = Json::array();
    for (const auto& cert : c.certificates) {
      Json levels = Json::array();
      for (const auto& l : cert.levels) levels.push_back(Json{{"id", l.id}, {"name", text_json(l.name)}});
      arr.push_back(Json{
          {"id", cert.id}, {"name", text_json(cert.name)}, {"issuer", text_json(cert.issuer)}, {"levels", levels}});
    }
    j["certificates"] = arr;
    emit_json(j);
    return k_exit_ok;
  }
  Table t;
  t.header = {tr("ID", "ID"), tr("CERTIFICATE", "证书"), tr("LEVELS", "等级")};
  for (const auto& cert : c.certificates) {
    std::string levels;
    for (const auto& l : cert.levels) levels += (levels.empty() ? "" : ", ") + l.id;
    t.rows.push_back({cert.id, tr(cert.name), levels});
  }
  out() << t.render();
  return k_exit_ok;
}

// All skills, or those the roles of one category ask for, or those matching --search.
int list_skills(const Catalog& c, const ListOptions& o) {
  std::set<std::string> wanted;
  if (!o.category.empty())
    for (const auto& r : c.roles)
      if (r.category == o.category)
        for (const auto& s : r.skills) wanted.insert(s.skill);
  std::vector<bool> found(c.skills.size(), o.search.empty());
  for (auto i : c.search_skills(o.search)) found[i] = true;
  auto shown = [&](size_t i) { return found[i] && (o.category.empty() || wanted.count(c.skills[i].id)); };
  if (globals().json) {
    Json j = json_doc();
    Json arr = Json::array();
    for (size_t i = 0; i < c.skills.size(); ++i)
      if (const auto& s = c.skills[i]; shown(i)) {
        Json sj{{"id", s.id},
                {"name", text_json(s.name)},
                {"parent", s.parent.empty() ? Json(nullptr) : Json(s.parent)},
                {"aliases", s.aliases}};
        add_external_ids(sj, s.external_ids);
        arr.push_back(sj);
      }
    j["skills"] = arr;
    emit_json(j);
    return k_exit_ok;
  }
  Table t;
  t.header = {tr("ID", "ID"), tr("SKILL", "技能"), tr("PARENT", "上级")};
  for (size_t i = 0; i < c.skills.size(); ++i)
    if (const auto& s = c.skills[i]; shown(i)) t.rows.push_back({s.id, tr(s.name), s.parent});
  if (t.rows.empty() && !o.search.empty()) {
    // Nothing to list is not an error: say so on stderr, so stdout stays a (empty) table.
    std::cerr << "advisor: "
              << tr(T(fmt::format("no skill matches '{}'", o.search), fmt::format("没有与“{}”匹配的技能", o.search)))
              << "\n";
    return k_exit_ok;
  }
  out() << t.render();
  return k_exit_ok;
}

int run_list(ListOptions o) {
  const auto& c = catalog();
  if (!o.category.empty()) o.category = require_id(c, ItemKind::category, o.category);
  if (!o.search.empty() && o.what != "skills")
    throw CommandError{k_exit_usage, T("--search applies to skills only", "--search 只用于 skills"),
                       T("try: advisor list skills --search WORD", "可运行 advisor list skills --search 关键词")};
  if (o.what == "categories") return list_categories(c);
  if (o.what == "roles") return list_roles(c, o);
  if (o.what == "certificates") return list_certificates(c);
  if (o.what == "domains") return list_domains(c);
  return list_skills(c, o);
}

}  // namespace

void setup_list(CLI::App& app) {
  auto o = std::make_shared<ListOptions>();
  auto* sub = app.add_subcommand("list", "List the catalogue's roles, categories, certificates, skills or domains");
  sub->add_option("what", o->what, "roles, categories, certificates, skills or domains")
      ->required()
      ->check(CLI::IsMember({"roles", "categories", "certificates", "skills", "domains"}));
  sub->add_option("--category", o->category,
                  "Only this role category, by id or name (roles; skills those roles ask for)")
      ->type_name("ID");
  sub->add_option("--search", o->search, "Skills whose id, name or an alias contains this word (any case or width)")
      ->type_name("WORD");
  sub->footer(
      "Examples:\n  advisor list roles\n  advisor list roles --category design --lang zh\n  advisor list roles "
      "--category 设计类\n"
      "  advisor list categories\n  advisor list skills --search excel\n  advisor list certificates --json\n"
      "  advisor list domains");
  add_runner(sub, [o] { return run_list(*o); });
}

}  // namespace advisor::cli
