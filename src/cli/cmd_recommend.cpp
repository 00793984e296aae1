// advisor recommend --profile FILE [--top N] [--category ID]
// advisor gap --profile FILE --role ID
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "advisor/matching.hpp"
#include "render.hpp"
#include "to_json.hpp"

namespace advisor::cli {

namespace {

struct RecommendOptions {
  std::string profile;
  size_t top = 5;
  std::string category;
};

struct GapOptions {
  std::string profile;
  std::string role;
};

std::string term_name(const std::string& id) {
  if (id == "essential") return tr("essential", "核心技能");
  if (id == "optional") return tr("optional", "加分技能");
  if (id == "experience") return tr("experience", "工作经验");
  if (id == "barrier") return tr("barrier", "转型门槛");
  if (id == "goals") return tr("goals", "目标");
  return id;
}

std::string render_terms(const RoleMatch& m, int indent) {
  Table t;
  std::string pad(static_cast<size_t>(indent), ' ');
  for (const auto& term : m.terms)
    t.rows.push_back({pad + fmt::format("+{:.3f}", term.contribution), term_name(term.id), tr(term.detail)});
  return t.render();
}

std::string render_role(const Catalog& c, const RoleMatch& m, size_t rank) {
  std::string s;
  const auto* cat = c.category(m.role->category);
  s += fmt::format("{:>2}. {}  {}  {}\n", rank, bold(tr(m.role->name)), dim(m.role->id),
                   trf("score {:.2f}", "得分 {:.2f}", m.score));
  if (cat) s += "    " + dim(tr(cat->name)) + "\n";
  s += render_terms(m, 4);
  if (!m.matched.empty()) s += wrapped(tr("matched: ", "已具备：") + skill_names(c, m.matched), 4);
  for (const auto& p : m.partial) {
    const auto* req = c.skill(p.required);
    const auto* via = c.skill(p.via);
    s += wrapped(trf("partly: {} through {} ({:.0f}%)", "部分满足：{}（通过{}，{:.0f}%）", tr(req->name),
                             tr(via->name), p.credit * 100),
                 4);
  }
  std::vector<std::string> ess, opt;
  for (size_t i = 0; i < m.missing.size(); ++i) (m.missing_essential[i] ? ess : opt).push_back(m.missing[i]);
  if (!ess.empty()) s += wrapped(tr("missing essential: ", "缺少核心技能：") + skill_names(c, ess), 4);
  if (!opt.empty()) s += wrapped(tr("missing optional: ", "缺少加分技能：") + skill_names(c, opt), 4);
  return s;
}

std::string render_certificate(const Catalog& c, const CertificateSuggestion& cs, size_t rank) {
  std::string s;
  const auto& cert = *cs.certificate;
  const auto& r = cs.suggested;
  std::string title = cert.levels.size() > 1 ? tr(cert.name) + tr(" – ", " ") + tr(r.level->name) : tr(cert.name);
  std::string when;
  if (r.status == Outcome::eligible) when = green(tr("eligible now", "现在可报考"));
  else if (r.earliest_date) when = yellow(trf("eligible from {}", "{} 起可报考", r.earliest_date->str()));
  else if (r.status == Outcome::unknown) when = yellow(tr("unknown: profile lacks data", "无法判断：档案信息不足"));
  else when = red(tr("not eligible yet", "暂不符合"));
  s += fmt::format("{:>2}. {}  {}\n", rank, bold(title), dim(cert.id + "/" + r.level->id));
  std::string line = "    " + when;
  // A sitting is only worth naming once there is a date to aim from.
  if (r.status == Outcome::eligible || r.earliest_date)
    line += " · " + tr("next sitting: ", "下次考试：") + (r.next_sitting ? *r.next_sitting : tr("not stated by the source", "来源未说明"));
  line += " · " + trf("relevance {:.2f}", "相关度 {:.2f}", cs.score);
  s += line + "\n";
  if (r.status != Outcome::eligible && !r.changes.empty()) s += wrapped(tr("- needs: ", "- 需要：") + tr(r.changes.front().text), 4);
  for (size_t i = 1; i < cs.reasons.size(); ++i) s += wrapped("- " + tr(cs.reasons[i]), 4);
  size_t claims = 0;
  for (const auto& cl : c.claims) claims += cl.subject == cert.id ? 1 : 0;
  // The sources' figures are claims, not facts: point to them rather than repeat them here.
  if (claims)
    s += "    " + dim(trf("{} figure{} quoted from the sources, unverified: advisor show certificate {}",
                            "来源中有 {} 条数据{}（未经核实）：advisor show certificate {}", claims,
                            globals().lang == Lang::zh ? "" : (claims == 1 ? "" : "s"), cert.id)) + "\n";
  return s;
}

int run_recommend(const RecommendOptions& o) {
  const auto& c = catalog();
  if (!o.category.empty() && !c.category(o.category)) {
    std::vector<std::string> ids;
    for (const auto& k : c.categories) ids.push_back(k.id);
    auto guess = suggest(o.category, ids);
    throw CommandError{k_exit_usage,
                       T(fmt::format("unknown category '{}'{}", o.category, guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess)),
                         fmt::format("未知的岗位类别“{}”{}", o.category, guess.empty() ? "" : fmt::format("（是否想写“{}”？）", guess))),
                       {}};
  }
  auto p = load_profile_file(o.profile);
  auto rec = recommend(c, p, globals().as_of, o.category, o.top);  // only the roles shown are built in full
  std::vector<const LevelResult*> ptrs;
  for (const auto& s : rec.certificates) ptrs.push_back(&s.suggested);
  warn_stale(ptrs);
  if (globals().json) {
    std::string doc;
    JsonWriter w(doc, k_json_indent);
    write_recommend(w, c, p, rec, o.top);
    emit_json_text(doc);
    return k_exit_ok;
  }
  auto& s = out();
  s << bold(p.name.empty() ? trf("Recommendations on {}", "{} 的建议", rec.as_of.str())
                           : trf("Recommendations for {} on {}", "{}（{}）的建议", p.name, rec.as_of.str()))
    << "\n\n";
  s << bold(tr("CERTIFICATES (eligible now first, then by date, then by relevance)",
               "证书（先列现在可考的，再按日期、相关度排序）"))
    << "\n";
  for (size_t i = 0; i < rec.certificates.size(); ++i) s << render_certificate(c, rec.certificates[i], i + 1);
  s << "\n"
    << bold(tr("ROLES (score = sum of the terms shown)", "岗位（得分 = 下列各项之和）")) << "\n";
  size_t n = o.top == 0 ? rec.roles.size() : std::min(o.top, rec.roles.size());
  for (size_t i = 0; i < n; ++i) s << render_role(c, rec.roles[i], i + 1) << (i + 1 < n ? "\n" : "");
  s << "\n"
    << dim(tr("Next: advisor gap --profile FILE --role ID   ·   advisor plan --profile FILE --role ID",
              "下一步：advisor gap --profile 文件 --role 岗位ID   ·   advisor plan --profile 文件 --role 岗位ID"))
    << "\n";
  if (!c.caveat.empty()) s << dim(tr(c.caveat)) << "\n";
  return k_exit_ok;
}

int run_gap(const GapOptions& o) {
  const auto& c = catalog();
  const auto& role = require_role(c, o.role);
  auto p = load_profile_file(o.profile);
  auto m = match_role(c, p, role, globals().as_of);
  std::vector<std::string> needs = m.missing;
  for (const auto& pm : m.partial) needs.push_back(pm.required);
  auto cov = certificates_covering(c, needs);
  if (globals().json) {
    std::string doc;
    JsonWriter w(doc, k_json_indent);
    write_gap(w, c, role, m, cov, globals().as_of);
    emit_json_text(doc);
    return k_exit_ok;
  }
  auto& s = out();
  s << bold(trf("Gap to {} on {}", "{}差距分析（{}）", tr(role.name), globals().as_of.str())) << "  "
    << dim(role.id) << "\n";
  s << trf("score {:.2f}", "得分 {:.2f}", m.score) << "\n" << render_terms(m, 2) << "\n";
  s << bold(tr("Matched", "已具备")) << "\n"
    << (m.matched.empty() ? "  " + tr("none yet", "暂无") + "\n" : wrapped(skill_names(c, m.matched), 2));
  if (!m.partial.empty()) {
    s << bold(tr("Partly matched (through the skill hierarchy)", "部分满足（通过技能层级）")) << "\n";
    for (const auto& pm : m.partial)
      s << trf("  {} through {} ({:.0f}%)\n", "  {}：通过{}（{:.0f}%）\n", tr(c.skill(pm.required)->name),
                       tr(c.skill(pm.via)->name), pm.credit * 100);
  }
  s << bold(tr("Missing (essential first)", "欠缺（核心技能在前）")) << "\n";
  if (m.missing.empty()) s << "  " << tr("nothing", "无") << "\n";
  for (size_t i = 0; i < m.missing.size(); ++i)
    s << "  - " << tr(c.skill(m.missing[i])->name) << "  "
      << (m.missing_essential[i] ? red(tr("essential", "核心")) : dim(tr("optional", "加分"))) << "\n";
  s << bold(tr("Certificates whose syllabus covers what is missing", "考试大纲覆盖欠缺技能的证书")) << "\n";
  if (cov.empty()) s << "  " << tr("none in the catalogue", "目录库中没有") << "\n";
  for (const auto& cc : cov) {
    // A level with its own syllabus is named with its level; the certificate's
    // common syllabus with the certificate's name.
    std::string name = tr(cc.certificate->name);
    if (cc.level && cc.certificate->levels.size() > 1)
      name += tr(" – ", "") + tr(cc.level->name);
    s << "  " << cc.certificate->id << (cc.level ? "/" + cc.level->id : "") << "  " << name << tr(": ", "：")
      << skill_names(c, cc.covers) << "\n";
  }
  return k_exit_ok;
}

} // namespace

void setup_recommend(CLI::App& app) {
  auto o = std::make_shared<RecommendOptions>();
  auto* sub = app.add_subcommand("recommend", "Which certificates can I sit and which roles fit me, with every reason");
  sub->add_option("--profile", o->profile, "Profile file (YAML or JSON; - for standard input)")->required()->type_name("FILE");
  sub->add_option("--top", o->top, "How many roles to show, 0 to 100000 (0 = all; default 5)")
      ->type_name("N")
      ->check(CLI::Range(0LL, 100000LL));
  sub->add_option("--category", o->category, "Only roles of this category")->type_name("ID");
  sub->footer("Examples:\n  advisor recommend --profile profiles/cs-graduate.yaml\n"
              "  advisor recommend --profile me.yaml --top 10 --category design --lang zh\n"
              "  advisor recommend --profile me.yaml --json | jq '.roles[0].name.en'");
  add_runner(sub, [o] { return run_recommend(*o); });

  auto g = std::make_shared<GapOptions>();
  auto* gap = app.add_subcommand("gap", "What a role needs that I lack, and which certificates teach it");
  gap->add_option("--profile", g->profile, "Profile file")->required()->type_name("FILE");
  gap->add_option("--role", g->role, "Target role id")->required()->type_name("ID");
  gap->footer("Example:\n  advisor gap --profile profiles/it-manager.yaml --role ai-solution-architect");
  add_runner(gap, [g] { return run_gap(*g); });
}

} // namespace advisor::cli
