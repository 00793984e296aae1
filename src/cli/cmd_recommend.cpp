// advisor recommend --profile FILE [--top N] [--category ID]
// advisor gap --profile FILE --role ID
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "advisor/matching.hpp"
#include "render.hpp"
#include "to_json.hpp"

namespace advisor::cli {

namespace {

struct RecommendOptions {
  std::string profile;
  size_t top = 5;
  bool top_given = false;  ///< --top was given: it limits the certificates shown too
  std::optional<size_t> top_certificates;
  std::string category;
  bool all_certificates = false;
  bool brief = false;
  bool explain = false;
};

/// The first screen shows this many roles and certificates unless --top says otherwise.
constexpr size_t k_first_screen_items = 3;

struct GapOptions {
  std::string profile;
  std::string role;
  bool brief = false;
};

std::string term_name(const std::string& id) {
  if (id == "essential") return tr("essential", "核心技能");
  if (id == "optional") return tr("optional", "加分技能");
  if (id == "experience") return tr("experience", "工作经验");
  if (id == "barrier") return tr("barrier", "转型门槛");
  if (id == "goals") return tr("goals", "目标");
  if (id == "use") return tr("use", "技能利用");
  if (id == "covers") return tr("covers", "覆盖欠缺");
  if (id == "related") return tr("related", "相关");
  if (id == "suits") return tr("suits", "适合人群");
  return id;
}

std::string render_terms(const std::vector<ScoreTerm>& terms, int indent) {
  Table t;
  std::string pad(static_cast<size_t>(indent), ' ');
  for (const auto& term : terms)
    t.rows.push_back({pad + fmt::format("+{:.3f}", term.contribution), term_name(term.id), tr(term.detail)});
  return t.render();
}

std::string render_terms(const RoleMatch& m, int indent) { return render_terms(m.terms, indent); }

std::string partial_line(const Catalog& c, const Profile& p, const PartialMatch& pm) {
  return tr(evidence_text(c, p, pm));
}

std::string fit_text(const std::string& fit) {
  if (fit == "strong") return green(tr("strong fit", "非常匹配"));
  if (fit == "good") return green(tr("good fit", "比较匹配"));
  if (fit == "partial") return yellow(tr("partial fit", "部分匹配"));
  return dim(tr("weak fit", "匹配度低"));
}

std::string render_role(const Catalog& c, const Profile& p, const RoleMatch& m, size_t rank) {
  std::string s;
  const auto* cat = c.category(m.role->category);
  s += fmt::format("{:>2}. {}  {}  {} · {}\n", rank, bold(tr(m.role->name)), dim(m.role->id), fit_text(m.fit),
                   trf("score {:.2f}", "得分 {:.2f}", m.score));
  if (cat) s += "    " + dim(tr(cat->name)) + "\n";
  s += render_terms(m, 4);
  if (!m.matched.empty()) s += wrapped(tr("matched: ", "已具备：") + skill_names(c, m.matched), 4);
  for (const auto& pm : m.proven) s += wrapped(tr("shown: ", "已证明：") + partial_line(c, p, pm), 4);
  for (const auto& pm : m.partial) s += wrapped(tr("partly: ", "部分满足：") + partial_line(c, p, pm), 4);
  std::vector<std::string> ess, opt;
  for (size_t i = 0; i < m.missing.size(); ++i) (m.missing_essential[i] ? ess : opt).push_back(m.missing[i]);
  if (!ess.empty()) s += wrapped(tr("missing essential: ", "缺少核心技能：") + skill_names(c, ess), 4);
  if (!opt.empty()) s += wrapped(tr("missing optional: ", "缺少加分技能：") + skill_names(c, opt), 4);
  if (!m.also_asked.empty()) s += wrapped(tr("also asked for: ", "也要求：") + skill_names(c, m.also_asked), 4);
  return s;
}

// When no role has evidence: say so, name the entry routes the catalogue has, and ask
// for what would help, instead of a list of zero scores.
std::string render_no_fit(const Catalog& c, const Recommendation& rec) {
  std::string s;
  s += wrapped(tr("No role fits yet: nothing in your profile is evidence for one (general skills such as "
                  "communication or teamwork count only beside a role's own skills).",
                  "暂时没有匹配的岗位：档案中没有任何岗位所需的专业技能、相关领域经验、相关证书或目标（沟通、团队合作等"
                  "通用能力只能在"
                  "具备岗位专业技能时加分）。"),
               2);
  const char* sep = globals().lang == Lang::zh ? "、" : ", ";
  if (!rec.closest.empty()) {
    s += "  " + tr("Closest roles, not a fit yet:", "最接近的岗位（尚不匹配）：") + "\n";
    for (const auto& m : rec.closest) {
      std::vector<std::string> needs;
      for (size_t i = 0; i < m.missing.size(); ++i)
        if (m.missing_essential[i]) needs.push_back(m.missing[i]);
      s += wrapped("- " + tr(m.role->name) + " (" + m.role->id + ")" +
                       (needs.empty() ? std::string() : tr(": needs ", "：需要") + skill_names(c, needs)),
                   4);
    }
  } else {
    // Nothing comes close: the roles of the categories whose source states the lowest barrier.
    std::vector<std::string> routes;
    for (const auto& cat : c.categories)
      if (cat.barrier.level == "moderate" || cat.barrier.level == "low")
        for (const auto& r : c.roles)
          if (r.category == cat.id && !r.incomplete) routes.push_back(tr(r.name) + " (" + r.id + ")");
    if (!routes.empty())
      s += wrapped(
          tr("Entry routes with the lowest barrier the sources state: ", "来源所述门槛最低的入门岗位：") +
              fmt::format("{}", fmt::join(routes.begin(),
                                          routes.begin() + static_cast<long>(std::min<size_t>(routes.size(), 4)), sep)),
          2);
  }
  std::vector<std::string> open;
  for (const auto& cs : rec.certificates)
    if (cs.suggested.status == Outcome::eligible && cs.suggested.level)
      open.push_back(certificate_level_name(*cs.certificate, cs.suggested.level));
  if (!open.empty())
    s += wrapped(tr("Certificates open to you now: ", "现在即可报考的证书：") + fmt::format("{}", fmt::join(open, sep)),
                 2);
  s += wrapped(
      tr("Tell advisor what you can do: advisor list skills --search WORD finds a skill's name; "
         "advisor profile init asks step by step.",
         "告诉 advisor 你会什么：advisor list skills --search 关键词 可查技能名称；advisor profile init 逐步询问。"),
      2);
  return s;
}

std::string render_certificate(const Catalog& c, const CertificateSuggestion& cs, size_t rank) {
  std::string s;
  const auto& cert = *cs.certificate;
  const auto& r = cs.suggested;
  std::string title = certificate_level_name(cert, r.level);
  std::string when;
  if (r.status == Outcome::eligible)
    when = green(tr("eligible now", "现在可报考"));
  else if (r.earliest_date)
    when = yellow(trf("eligible from {}", "{} 起可报考", r.earliest_date->str()));
  else if (r.status == Outcome::unknown)
    when = yellow(tr("unknown: profile lacks data", "无法判断：档案信息不足"));
  else
    when = red(tr("not eligible yet", "暂不符合"));
  s += fmt::format("{:>2}. {}  {}\n", rank, bold(title), dim(cert.id + "/" + r.level->id));
  std::string line = "    " + when;
  // A sitting is only worth naming once there is a date to aim from.
  if (r.status == Outcome::eligible || r.earliest_date)
    line += " · " + tr("next sitting: ", "下次考试：") + sitting_text(cert, r.next_sitting);
  line += " · " + trf("value to you {:.2f}", "对你的价值 {:.2f}", cs.score);
  s += line + "\n";
  if (r.status == Outcome::eligible || r.earliest_date) s += wrapped("- " + registration_summary(cert), 4);
  s += render_terms(cs.terms, 4);
  if (r.status != Outcome::eligible && !r.changes.empty())
    s += wrapped(tr("- needs: ", "- 需要：") + tr(r.changes.front().text), 4);
  // Each reason once: a reason a term's detail already says is not repeated.
  for (size_t i = 1; i < cs.reasons.size(); ++i) {
    bool said = std::any_of(cs.terms.begin(), cs.terms.end(),
                            [&](const ScoreTerm& t) { return tr(t.detail) == tr(cs.reasons[i]); });
    if (!said) s += wrapped("- " + tr(cs.reasons[i]), 4);
  }
  size_t claims = 0;
  for (const auto& cl : c.claims) claims += cl.subject == cert.id ? 1 : 0;
  // The sources' figures are claims, not facts: point to them rather than repeat them here.
  if (claims)
    s += "    " +
         dim(trf("{} figure{} quoted from the sources, unverified: advisor show certificate {}",
                 "来源中有 {} 条数据{}（未经核实）：advisor show certificate {}", claims,
                 globals().lang == Lang::zh ? "" : (claims == 1 ? "" : "s"), cert.id)) +
         "\n";
  return s;
}

// The first screen: a role in two lines, its fit and what it has and needs, the best
// known first (docs/cli.md, "The first screen").
std::string brief_role(const Catalog& c, const RoleMatch& m, size_t rank) {
  constexpr size_t k_names = 2;
  auto names = [&](std::vector<std::string> ids) {
    size_t total = ids.size(), more = total > k_names ? total - k_names : 0;
    if (more) ids.resize(k_names);
    auto s = skill_names(c, ids);
    // "A, B and 3 more"; in Chinese 等 counts them all: "A、B 等 5 项".
    if (more) s += globals().lang == Lang::zh ? fmt::format(" 等 {} 项", total) : fmt::format(" and {} more", more);
    return s;
  };
  std::vector<std::string> ess;
  for (size_t i = 0; i < m.missing.size(); ++i)
    if (m.missing_essential[i]) ess.push_back(m.missing[i]);
  for (const auto& pm : m.partial)
    if (const auto* k = c.skill(pm.required); pm.essential && !(k && k->transversal)) ess.push_back(pm.required);
  std::string s = fmt::format("{:>2}. {}  {}  {} · {}\n", rank, bold(tr(m.role->name)), dim(m.role->id),
                              fit_text(m.fit), trf("{:.2f}", "{:.2f}", m.score));
  std::string line;
  if (!m.matched.empty()) line += tr("has ", "已有") + names(m.matched);
  if (!ess.empty()) line += (line.empty() ? "" : " · ") + tr("needs ", "需要") + names(ess);
  if (!line.empty()) s += wrapped(line, 4);
  return s;
}

// A certificate in two lines: its name, then when it can be sat and why it is here.
std::string brief_certificate(const Catalog& c, const CertificateSuggestion& cs, size_t rank) {
  const auto& cert = *cs.certificate;
  const auto& r = cs.suggested;
  std::string when;
  if (r.status == Outcome::eligible)
    when = green(tr("eligible now", "现在可报考"));
  else if (r.earliest_date)
    when = yellow(trf("eligible from {}", "{} 起可报考", r.earliest_date->str()));
  else if (!r.changes.empty())
    when = red(tr("needs ", "需要")) + tr(r.changes.front().text);
  else if (r.status == Outcome::unknown)
    when = yellow(tr("unknown: profile lacks data", "无法判断：档案信息不足"));
  else
    when = red(tr("not eligible yet", "暂不符合"));
  std::vector<std::string> why;
  if (!cs.covers.empty()) {
    auto ids = cs.covers;
    if (ids.size() > 2) ids.resize(2);
    why.push_back(tr("teaches ", "教") + skill_names(c, ids) + (cs.covers.size() > 2 ? tr(", …", "等") : ""));
  }
  // One reason on the first screen: what it teaches, else what it relates to.
  for (const auto& t : cs.terms)
    if (why.empty() && t.id == "related" && t.value > 0) why.push_back(lower_first(tr(t.detail)));
  // The id is left to --explain and `check`: a long name and its id take two rows.
  std::string s = fmt::format("{:>2}. {}\n", rank, bold(certificate_level_name(cert, r.level)));
  std::string line = when;
  for (const auto& w : why) line += "; " + w;
  s += wrapped(line, 4);
  return s;
}

int run_recommend(const RecommendOptions& o) {
  const auto& c = catalog();
  auto category = o.category.empty() ? std::string() : require_id(c, ItemKind::category, o.category);
  auto p = load_profile_file(o.profile);
  // Only the roles shown are built in full; the brief form composes no prose.
  auto rec = recommend(c, p, globals().as_of, category, o.top, !o.brief);
  bool text = !o.brief && !globals().json;
  // How many certificates are shown: --top-certificates, else (text) --top, else the
  // first screen's three or, with --explain, every relevant one. In JSON --top keeps
  // its meaning (roles only: scripts rely on it).
  std::optional<size_t> cert_limit = o.top_certificates;
  if (!cert_limit && o.top_given && text) cert_limit = o.top;
  if (!cert_limit && text && !o.explain) cert_limit = k_first_screen_items;
  if (cert_limit && *cert_limit > 0) {
    size_t kept = 0;
    std::erase_if(rec.certificates, [&](const CertificateSuggestion& s) {
      if (s.below_floor && !o.all_certificates) return false;  // counted as left out
      return ++kept > *cert_limit;
    });
  }
  std::vector<const LevelResult*> ptrs;
  for (const auto& s : rec.certificates)
    if (!s.below_floor || o.all_certificates) ptrs.push_back(&s.suggested);
  warn_stale(ptrs);
  if (o.brief || globals().json) {
    std::string doc;
    JsonWriter w(doc, k_json_indent);
    if (o.brief)
      write_recommend_brief(w, rec, o.top);
    else
      write_recommend(w, c, p, rec, o.top, nullptr, o.all_certificates);
    emit_json_text(doc);
    return k_exit_ok;
  }
  auto& s = out();
  s << bold(p.name.empty() ? trf("Recommendations on {}", "{} 的建议", rec.as_of.str())
                           : trf("Recommendations for {} on {}", "{}（{}）的建议", p.name, rec.as_of.str()))
    << "\n\n";
  if (!rec.next_actions.empty()) {
    s << bold(tr("WHAT TO DO FIRST", "先做什么")) << "\n";
    size_t k = 0;
    for (const auto& a : rec.next_actions) {
      if (a.kind == "then" && !o.explain) continue;  // the step after: --explain
      s << (a.kind == "then" ? wrapped(tr(a.text), 4) : wrapped(fmt::format("{}. {}", ++k, tr(a.text)), 1));
    }
    s << "\n";
  }
  if (!o.explain) {
    // The first screen: roles, then certificates, two lines each.
    size_t n_roles = o.top_given ? (o.top == 0 ? rec.roles.size() : std::min(o.top, rec.roles.size()))
                                 : std::min(k_first_screen_items, rec.roles.size());
    s << bold(tr("ROLES", "岗位")) << "\n";
    for (size_t i = 0; i < n_roles; ++i) s << brief_role(c, rec.roles[i], i + 1);
    if (rec.roles.empty()) s << render_no_fit(c, rec);
    s << "\n" << bold(tr("CERTIFICATES", "证书")) << "\n";
    size_t shown = 0;
    for (const auto& cs : rec.certificates)
      if (!cs.below_floor || o.all_certificates) s << brief_certificate(c, cs, ++shown);
    if (shown == 0)
      s << "  " << tr("none relevant to your goals or best-fitting roles", "没有与你的目标或最匹配岗位相关的证书")
        << "\n";
    s << "\n"
      << dim(tr("More: --explain (every term and reason) · advisor plan --role ID (the path)",
                "更多：--explain（每项得分与理由）· advisor plan --role 岗位ID（路径）"))
      << "\n";
    if (!c.caveat.empty()) s << dim(tr(c.caveat)) << "\n";
    return k_exit_ok;
  }
  s << bold(tr("CERTIFICATES (by value to you; being able to sit one sooner only breaks ties)",
               "证书（按对你的价值排序；能否尽早报考只在价值相同时决定先后）"))
    << "\n";
  size_t shown = 0, left_out = 0;
  for (const auto& cs : rec.certificates) {
    if (cs.below_floor && !o.all_certificates) {
      ++left_out;
      continue;
    }
    s << render_certificate(c, cs, ++shown);
  }
  if (shown == 0)
    s << "  " << tr("none relevant to your goals or best-fitting roles", "没有与你的目标或最匹配岗位相关的证书")
      << "\n";
  if (left_out)
    s << "  "
      << dim(trf("{} more left out (value below {:.2f}, or unrelated to your goals and best-fitting roles): "
                 "advisor recommend --all-certificates shows them",
                 "另有 {} 个证书未列出（价值低于 {:.2f}，或与你的目标及最匹配岗位无关）：advisor recommend "
                 "--all-certificates 可查看",
                 left_out, c.scoring.certificate_floor))
      << "\n";
  s << "\n" << bold(tr("ROLES (score = sum of the terms shown)", "岗位（得分 = 下列各项之和）")) << "\n";
  size_t n = o.top == 0 ? rec.roles.size() : std::min(o.top, rec.roles.size());
  for (size_t i = 0; i < n; ++i) s << render_role(c, p, rec.roles[i], i + 1) << (i + 1 < n ? "\n" : "");
  if (rec.roles.empty()) s << render_no_fit(c, rec);
  size_t incomplete = 0;  // roles the source lists no skills for: never ranked (docs/import.md)
  for (const auto& r : c.roles) incomplete += r.incomplete ? 1 : 0;
  if (incomplete > 0)
    s << "\n"
      << dim(trf("{} roles are left out: their source lists no skills for them (advisor show role ID shows them)",
                 "{} 个岗位未参与排名：来源未列出其技能（可用 advisor show role ID 查看）", incomplete))
      << "\n";
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
  auto cov = certificates_to_take(c, p, globals().as_of, needs);
  if (o.brief || globals().json) {
    std::string doc;
    JsonWriter w(doc, k_json_indent);
    if (o.brief)
      write_gap_brief(w, role, m, globals().as_of);
    else
      write_gap(w, c, role, m, cov, globals().as_of);
    emit_json_text(doc);
    return k_exit_ok;
  }
  auto& s = out();
  s << bold(trf("Gap to {} on {}", "{}差距分析（{}）", tr(role.name), globals().as_of.str())) << "  " << dim(role.id)
    << "\n";
  s << (m.fit.empty() ? dim(tr("no evidence yet", "暂无匹配依据")) : fit_text(m.fit)) << " · "
    << trf("score {:.2f}", "得分 {:.2f}", m.score) << "\n"
    << render_terms(m, 2) << "\n";
  s << bold(tr("Matched", "已具备")) << "\n"
    << (m.matched.empty() ? "  " + tr("none yet", "暂无") + "\n" : wrapped(skill_names(c, m.matched), 2));
  for (const auto& pm : m.proven) s << "  " << partial_line(c, p, pm) << "\n";
  if (!m.partial.empty()) {
    s << bold(tr("Partly matched (through the skill hierarchy or your experience)",
                 "部分满足（通过技能层级或工作经验）"))
      << "\n";
    for (const auto& pm : m.partial) s << "  " << partial_line(c, p, pm) << "\n";
  }
  s << bold(tr("Missing (essential first)", "欠缺（核心技能在前）")) << "\n";
  if (m.missing.empty()) s << "  " << tr("nothing", "无") << "\n";
  for (size_t i = 0; i < m.missing.size(); ++i)
    s << "  - " << tr(c.skill(m.missing[i])->name) << "  "
      << (m.missing_essential[i] ? red(tr("essential", "核心")) : dim(tr("optional", "加分"))) << "\n";
  if (!m.also_asked.empty())
    s << bold(tr("Also asked for (general skills)", "也要求（通用能力）")) << "\n"
      << wrapped(skill_names(c, m.also_asked), 2);
  s << bold(tr("Certificates whose syllabus covers what is missing", "考试大纲覆盖欠缺技能的证书")) << "\n";
  if (cov.empty()) s << "  " << tr("none in the catalogue", "目录库中没有") << "\n";
  for (const auto& cc : cov) {
    // A level with its own syllabus is named with its level; the certificate's
    // common syllabus with the certificate's name.
    std::string name = certificate_level_name(*cc.certificate, cc.level);
    s << "  " << cc.certificate->id << (cc.level ? "/" + cc.level->id : "") << "  " << name << tr(": ", "：")
      << skill_names(c, cc.covers) << "\n";
  }
  return k_exit_ok;
}

}  // namespace

void setup_recommend(CLI::App& app) {
  auto o = std::make_shared<RecommendOptions>();
  auto* sub = app.add_subcommand("recommend", "Which certificates can I sit and which roles fit me, with every reason");
  sub->add_option("--profile", o->profile, "Profile file (YAML or JSON; - for standard input)")
      ->required()
      ->type_name("FILE");
  sub->add_option("--top", o->top,
                  "How many roles and certificates to show, 0 to 100000 (0 = all; default: 3 on the first screen, "
                  "5 roles with --explain or --json)")
      ->type_name("N")
      ->check(CLI::Range(0LL, 100000LL))
      ->each([o](const std::string&) { o->top_given = true; });
  sub->add_option("--top-certificates", o->top_certificates,
                  "How many certificates to show, whatever --top says (JSON too)")
      ->type_name("N")
      ->check(CLI::Range(1LL, 100000LL));
  sub->add_flag("--explain,-v", o->explain, "Show every score term and reason (the full detail)");
  sub->add_option("--category", o->category, "Only roles of this category (id or name)")->type_name("ID");
  sub->add_flag("--all-certificates", o->all_certificates,
                "Also show certificates below the catalogue's relevance floor");
  sub->add_flag("--brief", o->brief,
                "Print the brief JSON document: role and certificate ids with scores (docs/json.md)");
  sub->footer(
      "Examples:\n  advisor recommend --profile profiles/cs-graduate.yaml\n"
      "  advisor recommend --profile profiles/cs-graduate.yaml --explain\n"
      "  advisor recommend --profile me.yaml --top 10 --category design --lang zh\n"
      "  advisor recommend --profile me.yaml --json | jq '.roles[0].name.en'");
  add_runner(sub, [o] { return run_recommend(*o); });

  auto g = std::make_shared<GapOptions>();
  auto* gap = app.add_subcommand("gap", "What a role needs that I lack, and which certificates teach it");
  gap->add_option("--profile", g->profile, "Profile file")->required()->type_name("FILE");
  gap->add_option("--role", g->role, "Target role (id or name)")->required()->type_name("ID");
  gap->add_flag("--brief", g->brief, "Print the brief JSON document: the missing skills by id (docs/json.md)");
  gap->footer("Example:\n  advisor gap --profile profiles/it-manager.yaml --role ai-solution-architect");
  add_runner(gap, [g] { return run_gap(*g); });
}

}  // namespace advisor::cli
