// advisor list roles|certificates|skills [--category ID]
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <set>

#include "common.hpp"
#include "to_json.hpp"

namespace advisor::cli {

namespace {

struct ListOptions {
  std::string what;
  std::string category;
};

void check_category(const Catalog& c, const std::string& id) {
  if (id.empty() || c.category(id)) return;
  std::vector<std::string> ids;
  for (const auto& k : c.categories) ids.push_back(k.id);
  auto guess = suggest(id, ids);
  throw CommandError{k_exit_usage,
                     T(fmt::format("unknown category '{}'{}", id, guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess)),
                       fmt::format("未知的岗位类别“{}”{}", id, guess.empty() ? "" : fmt::format("（是否想写“{}”？）", guess))),
                     T("see the categories with: advisor list roles", "可运行 advisor list roles 查看类别")};
}

int run_list(const ListOptions& o) {
  const auto& c = catalog();
  check_category(c, o.category);
  auto& g = globals();
  if (o.what == "roles") {
    if (g.json) {
      Json j = json_doc();
      Json arr = Json::array();
      for (const auto& r : c.roles)
        if (o.category.empty() || r.category == o.category)
        {
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
          << tr(T(fmt::format("{} role{} in {} categor{}", n, n == 1 ? "" : "s", cats.size(), cats.size() == 1 ? "y" : "ies"), fmt::format("共 {} 个岗位，{} 个类别", n, cats.size())))
          << "\n";
    return k_exit_ok;
  }
  if (o.what == "certificates") {
    if (g.json) {
      Json j = json_doc();
      Json arr = Json::array();
      for (const auto& cert : c.certificates) {
        Json levels = Json::array();
        for (const auto& l : cert.levels) levels.push_back(Json{{"id", l.id}, {"name", text_json(l.name)}});
        arr.push_back(Json{{"id", cert.id}, {"name", text_json(cert.name)}, {"issuer", text_json(cert.issuer)}, {"levels", levels}});
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
  // skills: all, or those the roles of one category ask for
  std::set<std::string> wanted;
  if (!o.category.empty())
    for (const auto& r : c.roles)
      if (r.category == o.category)
        for (const auto& s : r.skills) wanted.insert(s.skill);
  if (g.json) {
    Json j = json_doc();
    Json arr = Json::array();
    for (const auto& s : c.skills)
      if (o.category.empty() || wanted.count(s.id)) {
        Json sj{{"id", s.id}, {"name", text_json(s.name)}, {"parent", s.parent.empty() ? Json(nullptr) : Json(s.parent)},
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
  for (const auto& s : c.skills)
    if (o.category.empty() || wanted.count(s.id)) t.rows.push_back({s.id, tr(s.name), s.parent});
  out() << t.render();
  return k_exit_ok;
}

} // namespace

void setup_list(CLI::App& app) {
  auto o = std::make_shared<ListOptions>();
  auto* sub = app.add_subcommand("list", "List the catalogue's roles, certificates or skills");
  sub->add_option("what", o->what, "roles, certificates or skills")->required()->check(CLI::IsMember({"roles", "certificates", "skills"}));
  sub->add_option("--category", o->category, "Only this role category (roles; skills those roles ask for)")->type_name("ID");
  sub->footer("Examples:\n  advisor list roles\n  advisor list roles --category design --lang zh\n  advisor list certificates --json");
  add_runner(sub, [o] { return run_list(*o); });
}

} // namespace advisor::cli
