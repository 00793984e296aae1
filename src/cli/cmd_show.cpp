// advisor show role|certificate|skill ID
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "advisor/matching.hpp"
#include "render.hpp"
#include "to_json.hpp"

namespace advisor::cli {

namespace {

struct ShowOptions {
  std::string what;
  std::string id;
};

Json sources_json(const Catalog& c, const std::vector<std::string>& ids) {
  Json arr = Json::array();
  for (const auto& id : ids) {
    const auto* s = c.source(id);
    if (!s) continue;
    Json j{{"id", s->id}, {"title", text_json(s->title)}};
    j["publisher"] = s->publisher.empty() ? Json(nullptr) : Json(s->publisher);
    j["url"] = s->url.empty() ? Json(nullptr) : Json(s->url);
    j["file"] = s->file.empty() ? Json(nullptr) : Json(s->file);
    j["date"] = date_or_null(s->date);
    if (s->accessed) j["accessed"] = s->accessed->str();
    arr.push_back(j);
  }
  return arr;
}

Json attribution_json(const Catalog& c) {
  Json arr = Json::array();
  for (const auto& a : c.attributions) arr.push_back(text_json(a));
  return arr;
}

std::string attribution_text(const Catalog& c) {
  std::string s;
  for (const auto& a : c.attributions) s += dim(tr(a)) + "\n";
  return s;
}

// "External ids: onet_soc 15-2051.00" (imported roles and skills).
std::string external_ids_text(const ExternalIds& ids) {
  if (ids.empty()) return "";
  std::string s;
  for (const auto& [scheme, value] : ids) s += (s.empty() ? "" : ", ") + scheme + " " + value;
  return tr("External ids: ", "外部标识：") + s + "\n";
}

// An imported role's own barrier (from O*NET's Job Zone) and the incomplete flag.
void add_import_fields(Json& j, const Role& r) {
  add_external_ids(j, r.external_ids);
  if (!r.barrier_level.empty()) j["barrier"] = r.barrier_level;
  if (r.incomplete) j["incomplete"] = true;
}

std::string import_fields_text(const Role& r) {
  std::string s = external_ids_text(r.external_ids);
  if (!r.barrier_level.empty()) s += tr("Barrier to entry: ", "入行门槛：") + r.barrier_level + "\n";
  if (r.incomplete)
    s += tr("Incomplete: the source lists no skills for this role, so it is left out of ranking\n",
            "不完整：来源未列出该岗位的技能，因此不参与排名\n");
  return s;
}

// The skills of other loaded catalogues this one equals (catalog/crosswalk.yaml).
std::vector<size_t> same_skills(const Catalog& c, const TreeItem& s) {
  std::vector<size_t> out;
  auto k = c.skill_by_id.at(s.id);
  if (k < c.skill_same.size())
    for (auto j : c.skill_same[k]) out.push_back(j);
  return out;
}

Json same_as_json(const Catalog& c, const TreeItem& s) {
  Json links = Json::array();
  for (const auto& ref : s.same_as) links.push_back(Json{{"scheme", ref.scheme}, {"id", ref.value}});
  Json loaded = Json::array();
  for (auto j : same_skills(c, s)) loaded.push_back(skill_ref_json(c, c.skills[j].id));
  return Json{{"links", links}, {"loaded", loaded}};
}

std::string same_as_text(const Catalog& c, const TreeItem& s) {
  std::string links;
  for (const auto& ref : s.same_as) links += (links.empty() ? "" : ", ") + ref.scheme + " \"" + ref.value + "\"";
  std::string out = links.empty() ? "" : tr("Same as: ", "等同于：") + links + "\n";
  std::string ids;
  for (auto j : same_skills(c, s)) ids += (ids.empty() ? "" : ", ") + c.skills[j].id;
  if (!ids.empty()) out += tr("Counts as the same skill: ", "视为同一技能：") + ids + "\n";
  return out;
}

int show_role(const Catalog& c, const std::string& text) {
  const auto& id = require_id(c, ItemKind::role, text);
  const auto* r = c.role(id);
  const auto* cat = c.category(r->category);
  std::vector<std::string> ess, opt;
  for (const auto& s : r->skills) (s.essential ? ess : opt).push_back(s.skill);
  std::vector<const Certificate*> related;
  for (const auto& cert : c.certificates)
    for (const auto& rr : cert.related_roles)
      if (rr == r->id) related.push_back(&cert);
  if (globals().json) {
    Json j = json_doc();
    Json role{{"id", r->id},
              {"name", text_json(r->name)},
              {"category", r->category},
              {"definition", text_json(r->definition)}};
    add_import_fields(role, *r);
    Json skills = Json::array();
    for (const auto& s : r->skills) {
      auto sj = skill_ref_json(c, s.skill);
      sj["need"] = s.essential ? "essential" : "optional";
      sj["weight"] = s.weight;
      skills.push_back(sj);
    }
    role["skills"] = skills;
    Json ct = Json::array();
    for (const auto& t : r->company_types) ct.push_back(text_json(t));
    role["company_types"] = ct;
    if (cat)
      role["category_info"] = Json{{"id", cat->id},
                                   {"name", text_json(cat->name)},
                                   {"transition", text_json(cat->transition)},
                                   {"barrier", Json{{"level", cat->barrier.level},
                                                    {"text", text_json(cat->barrier.text)},
                                                    {"skills", cat->barrier.skills}}}};
    Json rc = Json::array();
    for (const auto* cert : related) rc.push_back(cert->id);
    role["related_certificates"] = rc;
    role["sources"] = sources_json(c, r->sources);
    role["attribution"] = attribution_json(c);
    j["role"] = role;
    emit_json(j);
    return k_exit_ok;
  }
  auto& o = out();
  o << bold(tr(r->name)) << "  " << dim(r->id) << "\n";
  if (cat) o << tr("Category: ", "类别：") << tr(cat->name) << "\n";
  o << import_fields_text(*r);
  if (!r->definition.empty()) o << "\n" << wrapped(tr(r->definition), 0);
  if (!ess.empty()) o << "\n" << bold(tr("Essential skills", "核心技能")) << "\n" << wrapped(skill_names(c, ess), 2);
  if (!opt.empty()) o << bold(tr("Optional skills", "加分技能")) << "\n" << wrapped(skill_names(c, opt), 2);
  if (!r->company_types.empty()) {
    std::string s;
    for (const auto& t : r->company_types) s += (s.empty() ? "" : tr(", ", "、")) + tr(t);
    o << bold(tr("Where the jobs are", "可应聘的公司类型")) << "\n" << wrapped(s, 2);
  }
  if (cat) {
    o << bold(tr("Moving into this category", "转型建议")) << "\n";
    if (!cat->transition.empty()) o << wrapped(tr(cat->transition), 2);
    if (!cat->barrier.text.empty()) o << wrapped(tr(cat->barrier.text), 2);
  }
  if (!related.empty()) {
    std::string s;
    for (const auto* cert : related) s += (s.empty() ? "" : tr(", ", "、")) + tr(cert->name) + " (" + cert->id + ")";
    o << bold(tr("Related certificates", "相关证书")) << "\n" << wrapped(s, 2);
  }
  o << bold(tr("Sources", "来源")) << "\n" << render_sources(c, r->sources, 2);
  o << attribution_text(c);
  return k_exit_ok;
}

Json certificate_json(const Catalog& c, const Certificate& cert, const EvalContext& ctx) {
  Json cj{{"id", cert.id},
          {"name", text_json(cert.name)},
          {"issuer", text_json(cert.issuer)},
          {"summary", text_json(cert.summary)},
          {"exam", text_json(cert.exam)}};
  cj["verified_on"] = date_or_null(cert.verified_on);
  Json reg = Json::array();
  for (const auto& f : cert.registration)
    reg.push_back(Json{{"about", f.about}, {"text", text_json(f.text)}, {"sources", f.sources}});
  cj["registration"] = reg;
  cj["sittings"] = cert.sittings;
  cj["study_hours"] = cert.study_hours ? Json(*cert.study_hours) : Json(nullptr);
  Json syl = Json::array();
  for (const auto& s : cert.syllabus) syl.push_back(skill_ref_json(c, s));
  cj["syllabus"] = syl;
  cj["related_roles"] = cert.related_roles;
  cj["aliases"] = cert.aliases;
  for (auto [key, rel] :
       {std::pair{"related_work", &cert.related_work}, std::pair{"related_majors", &cert.related_majors}})
    cj[key] = rel->empty() ? Json(nullptr)
                           : Json{{"this", rel->plain},
                                  {"maybe", rel->maybe},
                                  {"note", rel->note.empty() ? Json(nullptr) : text_json(rel->note)}};
  Json notes = Json::array();
  for (const auto& n : cert.notes) notes.push_back(text_json(n));
  cj["notes"] = notes;
  Json levels = Json::array();
  for (const auto& l : cert.levels) {
    Json lj{{"id", l.id}, {"name", text_json(l.name)}, {"suits", text_json(l.suits)}};
    Json ls = Json::array();
    for (const auto& s : l.syllabus) ls.push_back(skill_ref_json(c, s));
    lj["syllabus"] = ls;
    lj["aliases"] = l.aliases;
    lj["requires"] = l.requires_rule ? trace_json(evaluate(*l.requires_rule, ctx)) : Json(nullptr);
    lj["recommended"] = l.recommended ? trace_json(evaluate(*l.recommended, ctx)) : Json(nullptr);
    Json versions = Json::array();
    for (const auto& v : l.versions) {
      Json vj = rule_version_json(v);
      vj["note"] = v.note.empty() ? Json(nullptr) : text_json(v.note);
      vj["requires"] = v.requires_rule ? trace_json(evaluate(*v.requires_rule, ctx)) : Json(nullptr);
      vj["in_force"] = l.version_on(ctx.as_of) == &v;
      versions.push_back(vj);
    }
    lj["versions"] = versions;
    lj["sources"] = sources_json(c, l.sources);
    levels.push_back(lj);
  }
  cj["levels"] = levels;
  Json claims = Json::array();
  for (const auto& cl : c.claims)
    if (cl.subject == cert.id)
      claims.push_back(Json{{"id", cl.id}, {"text", text_json(cl.text)}, {"sources", cl.sources}});
  cj["claims"] = claims;
  cj["caveat"] = text_json(c.caveat);
  cj["sources"] = sources_json(c, cert.sources);
  return cj;
}

// Every version of a level's conditions, oldest first as listed, each with its date,
// source and note; then whether they conflict and which one `check` uses on the date.
void print_versions(std::ostream& o, const Catalog& c, const CertificateLevel& l, const EvalContext& ctx) {
  const auto* in_force = l.version_on(ctx.as_of);
  bool conflict = false;
  for (const auto& v : l.versions) {
    std::string when = v.published  ? trf("published {}", "发布于 {}", v.published->str())
                       : v.captured ? trf("seen {}", "采集于 {}", v.captured->str())
                                    : tr("date not recorded", "日期未记录");
    std::string state = v.current ? tr("current", "现行") : tr("earlier", "早期");
    o << "  " << bold(tr("Entry requirements — ", "报考条件——") + tr(v.name)) << " (" << when << "; " << state
      << (&v == in_force ? tr("; used on ", "；") + ctx.as_of.str() + tr("", " 起适用") : std::string()) << ")\n";
    if (v.requires_rule)
      o << render_trace(evaluate(*v.requires_rule, ctx), 4, false);
    else
      o << "    " << tr("none stated by the source", "来源未说明任何报考条件") << "\n";
    if (!v.note.empty()) o << wrapped(tr(v.note), 4);
    if (!v.sources.empty()) o << render_sources(c, v.sources, 4);
    if (in_force && v.requires_rule != in_force->requires_rule) conflict = true;
  }
  if (l.versions.size() > 1)
    o << wrapped(conflict ? tr("These versions state different conditions: `check` uses the one in force on the "
                               "evaluation date (the current one unless --as-of is before its date).",
                               "以上版本的条件不一致：check 按评估日期采用当时适用的版本（除非 --as-of "
                               "早于现行版本的日期，否则采用现行版本）。")
                          : tr("These versions state the same conditions.", "以上版本的条件一致。"),
                 2);
}

void print_certificate(std::ostream& o, const Catalog& c, const Certificate& cert, const EvalContext& ctx) {
  o << bold(tr(cert.name)) << "  " << dim(cert.id) << "\n";
  if (!cert.aliases.empty()) {
    std::string a;
    for (const auto& x : cert.aliases) a += (a.empty() ? "" : tr(", ", "、")) + x;
    o << tr("Also called: ", "又称：") << a << "\n";
  }
  if (!cert.issuer.empty()) o << tr("Issuer: ", "发证机构：") << tr(cert.issuer) << "\n";
  if (cert.verified_on)
    o << tr("Rules verified against sources on: ", "规则核对日期：") << cert.verified_on->str() << "\n";
  if (!cert.summary.empty()) o << "\n" << wrapped(tr(cert.summary), 0);
  if (!cert.exam.empty()) o << "\n" << bold(tr("Exam", "考试")) << "\n" << wrapped(tr(cert.exam), 2);
  o << bold(tr("Sittings", "考试时间")) << "\n";
  if (cert.sittings.empty()) {
    o << "  " << sitting_text(cert, std::nullopt) << "\n";
  } else {
    std::string s;
    for (int m : cert.sittings) s += (s.empty() ? "" : ", ") + trf("{}", "{}月", m);
    o << "  " << tr("months: ", "月份：") << s << "\n";
  }
  o << bold(tr("Registration", "报名")) << "\n" << render_registration(cert, 2);
  if (cert.study_hours) o << bold(tr("Study hours", "学时")) << "\n  " << *cert.study_hours << "\n";
  if (!cert.syllabus.empty())
    o << bold(tr("Syllabus", "考试大纲")) << "\n" << wrapped(skill_names(c, cert.syllabus), 2);
  for (const auto& l : cert.levels) {
    o << "\n"
      << bold(cert.levels.size() > 1 ? tr(l.name) + " (" + l.id + ")" : tr("Entry requirements", "报考条件")) << "\n";
    if (!l.aliases.empty()) {
      std::string a;
      for (const auto& x : l.aliases) a += (a.empty() ? "" : tr(", ", "、")) + x;
      o << "  " << tr("Also called: ", "又称：") << a << "\n";
    }
    if (!l.versions.empty()) {
      print_versions(o, c, l, ctx);
    } else {
      if (cert.levels.size() > 1) o << "  " << tr("Entry requirements:", "报考条件：") << "\n";
      if (l.requires_rule)
        o << render_trace(evaluate(*l.requires_rule, ctx), 4, false);
      else
        o << "    " << tr("none stated by the source", "来源未说明任何报考条件") << "\n";
    }
    if (l.recommended) {
      o << "  " << tr("Recommended (soft: scores, never blocks):", "建议条件（仅影响排序，不影响报考）：") << "\n";
      o << render_trace(evaluate(*l.recommended, ctx), 4, false);
    }
    if (!l.suits.empty()) o << "  " << suits_text(l.suits) << "\n";
    if (!l.syllabus.empty()) o << "  " << tr("Syllabus: ", "考试大纲：") << skill_names(c, l.syllabus) << "\n";
    if (!l.sources.empty()) o << render_sources(c, l.sources, 2);
  }
  struct Titled {
    const char *en, *zh;
    const Relation* rel;
  };
  for (auto [title_en, title_zh, rel] :
       {Titled{"This or a related occupation (work that counts)", "本职业或相关职业（计入的工作）", &cert.related_work},
        Titled{"This or a related major", "本专业或相关专业", &cert.related_majors}}) {
    if (rel->empty()) continue;
    auto names = [&](const std::vector<std::string>& ids, bool domains) {
      std::string s;
      for (const auto& id : ids) {
        const TreeItem* t = domains ? c.domain(id) : c.major(id);
        s += (s.empty() ? "" : tr(", ", "、")) + (t ? tr(t->name) : id);
      }
      return s;
    };
    bool domains = rel == &cert.related_work;
    o << "\n" << bold(tr(title_en, title_zh)) << "\n";
    o << wrapped(tr("Counts: ", "计入：") + names(rel->plain, domains), 2);
    if (!rel->maybe.empty())
      o << wrapped(tr("May count (the answer is unknown until the assessment body confirms): ",
                      "可能计入（需评价机构确认，结果为无法判断）：") +
                       names(rel->maybe, domains),
                   2);
    if (!rel->note.empty()) o << wrapped(tr(rel->note), 2);
  }
  for (const auto& n : cert.notes) o << "\n" << wrapped(tr("Note: ", "说明：") + tr(n), 0);
  auto claims = render_claims(c, cert.id, 2);
  if (!claims.empty()) o << "\n" << bold(tr("What the sources claim", "来源中的说法")) << "\n" << claims;
  o << "\n" << bold(tr("Sources", "来源")) << "\n" << render_sources(c, cert.sources, 2);
}

int show_certificate(const Catalog& c, const std::string& text) {
  // `caie/一级` as `check` takes it: the level must exist; the whole certificate is shown.
  const Certificate* cert = nullptr;
  if (text.find('/') != std::string::npos)
    cert = resolve_levels(c, {text}).front().first;
  else
    cert = c.certificate(require_id(c, ItemKind::certificate, text));
  // Rules are shown as the trace of an empty profile: the same words `check` uses.
  Profile empty;
  EvalContext ctx{c, empty, globals().as_of};
  if (globals().json) {
    Json j = json_doc();
    j["certificate"] = certificate_json(c, *cert, ctx);
    emit_json(j);
    return k_exit_ok;
  }
  print_certificate(out(), c, *cert, ctx);
  return k_exit_ok;
}

int show_skill(const Catalog& c, const std::string& text) {
  const auto* s = c.skill(require_id(c, ItemKind::skill, text));
  std::vector<std::string> chain;
  for (int k = c.skill_parent[c.skill_by_id.at(s->id)]; k >= 0; k = c.skill_parent[static_cast<size_t>(k)])
    chain.push_back(c.skills[static_cast<size_t>(k)].id);
  std::vector<std::string> children;
  for (const auto& k : c.skills)
    if (k.parent == s->id) children.push_back(k.id);
  std::vector<std::pair<const Role*, bool>> roles;
  for (auto [ri, slot] : c.roles_by_skill[c.skill_by_id.at(s->id)])
    roles.emplace_back(&c.roles[ri], c.roles[ri].skills[slot].essential);
  auto cov = certificates_covering(c, {s->id});
  if (globals().json) {
    Json j = json_doc();
    Json sj{{"id", s->id}, {"name", text_json(s->name)}, {"aliases", s->aliases}};
    add_external_ids(sj, s->external_ids);
    if (!s->same_as.empty() || !same_skills(c, *s).empty()) sj["same_as"] = same_as_json(c, *s);
    sj["parent"] = s->parent.empty() ? Json(nullptr) : Json(s->parent);
    sj["ancestors"] = chain;
    sj["children"] = children;
    Json rj = Json::array();
    for (auto [r, ess] : roles)
      rj.push_back(Json{{"id", r->id}, {"name", text_json(r->name)}, {"need", ess ? "essential" : "optional"}});
    sj["roles"] = rj;
    std::string cov_json;
    JsonWriter w(cov_json);
    write_covering(w, c, cov);
    sj["certificates"] = Json::parse(cov_json);
    sj["attribution"] = attribution_json(c);
    j["skill"] = sj;
    emit_json(j);
    return k_exit_ok;
  }
  auto& o = out();
  o << bold(tr(s->name)) << "  " << dim(s->id) << "\n";
  if (tr(s->name) != s->name.en || tr(s->name) != s->name.zh)
    o << (globals().lang == Lang::zh ? s->name.en : s->name.zh) << "\n";
  if (!s->aliases.empty()) {
    std::string a;
    for (const auto& x : s->aliases) a += (a.empty() ? "" : ", ") + x;
    o << tr("Also known as: ", "别名：") << a << "\n";
  }
  o << external_ids_text(s->external_ids);
  o << same_as_text(c, *s);
  if (!chain.empty()) o << tr("Part of: ", "上级：") << skill_names(c, chain) << "\n";
  if (!children.empty()) o << tr("Includes: ", "包括：") << skill_names(c, children) << "\n";
  if (!roles.empty()) {
    o << "\n" << bold(tr("Roles that ask for it", "需要它的岗位")) << "\n";
    Table t;
    for (auto [r, ess] : roles)
      t.rows.push_back({"  " + r->id, tr(r->name), ess ? tr("essential", "核心") : tr("optional", "加分")});
    o << t.render();
  }
  if (!cov.empty()) {
    o << "\n" << bold(tr("Certificates whose syllabus covers it", "考试大纲涵盖它的证书")) << "\n";
    for (const auto& cc : cov)
      o << "  " << cc.certificate->id << (cc.level ? "/" + cc.level->id : "") << "  "
        << certificate_level_name(*cc.certificate, cc.level) << "\n";
  }
  o << attribution_text(c);
  return k_exit_ok;
}

int run_show(const ShowOptions& o) {
  const auto& c = catalog();
  if (o.what == "role") return show_role(c, o.id);
  if (o.what == "certificate") return show_certificate(c, o.id);
  return show_skill(c, o.id);
}

}  // namespace

void setup_show(CLI::App& app) {
  auto o = std::make_shared<ShowOptions>();
  auto* sub = app.add_subcommand("show", "Show one role, certificate or skill in full, with its sources");
  sub->add_option("what", o->what, "role, certificate or skill")
      ->required()
      ->check(CLI::IsMember({"role", "certificate", "skill"}));
  sub->add_option("id", o->id, "Its id, in any case, or its zh or en name or an alias")->required();
  sub->footer(
      "Examples:\n  advisor show certificate aigc-application-engineer\n  advisor show role ai-product-manager --lang "
      "zh\n  advisor show role AI产品经理\n  advisor show skill PyTorch");
  add_runner(sub, [o] { return run_show(*o); });
}

}  // namespace advisor::cli
