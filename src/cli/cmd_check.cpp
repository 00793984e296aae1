// advisor check --profile FILE CERT[/LEVEL]... [--explain]
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "render.hpp"
#include "to_json.hpp"

namespace advisor::cli {

namespace {

struct CheckOptions {
  std::string profile;
  std::vector<std::string> targets;
  bool explain = false;
  bool brief = false;
};

/// "cert" or "cert/level" → the levels meant, each by id (any case) or name; unknown
/// or ambiguous names are usage errors with a suggestion or the candidates.
std::vector<std::pair<const Certificate*, const CertificateLevel*>> resolve_targets(
    const Catalog& c, const std::vector<std::string>& targets) {
  std::vector<std::pair<const Certificate*, const CertificateLevel*>> out;
  if (targets.empty()) {
    for (const auto& cert : c.certificates)
      for (const auto& l : cert.levels) out.emplace_back(&cert, &l);
    return out;
  }
  for (const auto& t : targets) {
    auto slash = t.find('/');
    std::string cid = t.substr(0, slash), lid = slash == std::string::npos ? "" : t.substr(slash + 1);
    const auto* cert = c.certificate(require_id(c, ItemKind::certificate, cid));
    if (lid.empty()) {
      for (const auto& l : cert->levels) out.emplace_back(cert, &l);
      continue;
    }
    int li = cert->find_level(lid);  // an id, a name or an alias (四级, Level 4)
    if (li < 0) {
      std::vector<std::string> ids;
      std::string all;
      for (const auto& l : cert->levels) {
        ids.push_back(l.id);
        all += (all.empty() ? "" : ", ") + l.id;
      }
      auto guess = suggest(lid, ids);
      throw CommandError{k_exit_usage,
                         T(fmt::format("certificate '{}' has no level '{}'{}", cert->id, lid,
                                       guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess)),
                           fmt::format("证书“{}”没有等级“{}”{}", cert->id, lid,
                                       guess.empty() ? "" : fmt::format("（是否想写“{}”？）", guess))),
                         T(fmt::format("its levels: {}", all), fmt::format("它的等级：{}", all))};
    }
    out.emplace_back(cert, &cert->levels[static_cast<size_t>(li)]);
  }
  return out;
}

std::string field_text(const std::string& f) {
  if (f == "age") return tr("age or birth_date", "年龄（age 或 birth_date）");
  if (f == "education") return tr("education level", "学历");
  if (f == "education.major") return tr("education major", "专业");
  if (f == "experience") return tr("work experience", "工作经历");
  if (f == "experience.start") return tr("dates of work", "工作起止日期");
  if (f == "education.school") return tr("school type", "学校类型");
  if (f == "education.class") return tr("technical-school class", "技工院校班级");
  if (f == "education.expected") return tr("expected graduation date", "预计毕业日期");
  if (f == "certificates.date") return tr("date a certificate was obtained", "证书取得日期");
  if (f == "titles.date") return tr("date a title was obtained", "职称取得日期");
  if (f == "titles.field") return tr("field of a title", "职称专业");
  return f;
}

void leaves(const TraceNode& t, std::vector<const TraceNode*>& out) {
  if (t.children.empty()) out.push_back(&t);
  for (const auto& c : t.children) leaves(c, out);
}

std::string render_level(const Catalog& c, const LevelResult& r, bool explain) {
  std::string s;
  const auto& cert = *r.certificate;
  std::string title = certificate_level_name(cert, r.level);
  s += fmt::format("{}  {}\n", bold(title), dim(cert.id + "/" + r.level->id));
  std::string v = verdict(r.status);
  if (r.status == Outcome::unknown) {
    std::string f;
    for (const auto& m : r.missing_fields) f += (f.empty() ? "" : tr(", ", "、")) + field_text(m);
    std::string why = f.empty() ? "" : trf("{} missing", "缺少{}", f);
    if (!r.to_confirm.empty())
      why += (why.empty() ? "" : tr("; ", "；")) + tr("the assessment body must confirm", "需评价机构确认");
    v += tr(": ", "：") + why;
  }
  if (r.held_since) v += " · " + trf("held since {}", "已于 {} 取得", r.held_since->str());
  s += "  " + v + "\n";
  if (r.version && (explain || r.versions_conflict)) {
    const auto& ver = *r.version;
    std::string when = ver.published  ? trf("published {}", "{} 发布", ver.published->str())
                       : ver.captured ? trf("seen {}", "{} 采集", ver.captured->str())
                                      : tr("date not recorded", "日期未记录");
    std::string line = trf("Conditions: {} ({})", "报考条件版本：{}（{}）", tr(ver.name), when);
    if (r.versions_conflict)
      line += tr("; another version differs: advisor show certificate ",
                 "；另有版本条件不同，见 advisor show certificate ") +
              cert.id;
    s += wrapped(line, 2);
  }
  // The verdict first (issue 28): by default the conditions that decide it and the
  // easiest ways to change it; --explain shows the whole rule, every way, registration,
  // the soft rule and whom the level suits.
  auto mark_line = [&](const TraceNode* l) {
    const char* mark = l->outcome == Outcome::eligible ? "✓" : l->outcome == Outcome::not_eligible ? "✗" : "?";
    std::string m = l->outcome == Outcome::eligible       ? green(mark)
                    : l->outcome == Outcome::not_eligible ? red(mark)
                                                          : yellow(mark);
    return fmt::format("  {} {} {}\n", m, tr(l->reason), dim(trf("[found: {}]", "[实际：{}]", tr(l->found))));
  };
  if (!r.trace) {
    s += "  " + tr("The source states no entry requirement for this level.", "来源未说明该等级的报考条件。") + "\n";
  } else if (explain) {
    s += render_trace(*r.trace, 2, true);
  } else {
    std::vector<const TraceNode*> ls;
    leaves(*r.trace, ls);
    // Eligible: the conditions met (why). Unknown: what cannot be told. Not eligible:
    // nothing here, the ways to change it say it better.
    for (const auto* l : ls)
      if ((r.status == Outcome::eligible && l->outcome == Outcome::eligible) ||
          (r.status == Outcome::unknown && l->outcome == Outcome::unknown))
        s += mark_line(l);
    if (r.status == Outcome::not_eligible && ls.size() == 1) s += mark_line(ls.front());
  }
  if (r.status == Outcome::eligible) {
    s += "  " + tr("Next sitting: ", "下次考试：") + sitting_text(cert, r.next_sitting) + "\n";
  } else if (r.earliest_date) {
    s += "  " + trf("Eligible from {}", "{} 起符合条件", bold(r.earliest_date->str()));
    s += tr("; next sitting: ", "；之后最近的考试：") + sitting_text(cert, r.next_sitting) + "\n";
  }
  if (explain && (r.status == Outcome::eligible || r.earliest_date)) s += wrapped(registration_summary(cert), 2);
  if (!r.changes.empty()) {
    size_t n = explain ? r.changes.size() : std::min<size_t>(2, r.changes.size());
    s += "  " + tr("What would change the answer (easiest first):", "如何达到（由易到难）：") + "\n";
    for (size_t i = 0; i < n; ++i)
      s += "    " + (i == 0 ? std::string("- ") : tr("- or ", "- 或者")) + tr(r.changes[i].text) + "\n";
    if (n < r.changes.size())
      s += "    " +
           dim(r.changes.size() - n == 1
                   ? tr("(1 more way: --explain)", "（另有 1 种途径：--explain）")
                   : trf("({} more ways: --explain)", "（另有 {} 种途径：--explain）", r.changes.size() - n)) +
           "\n";
  }
  if (r.status == Outcome::unknown && !r.to_confirm.empty()) {
    s += "  " + tr("Ask the assessment body (评价机构):", "请向评价机构确认：") + "\n";
    for (const auto& t : r.to_confirm) s += wrapped("- " + tr(t), 4);
  }
  if (explain && r.recommended) {
    s += "  " + tr("Recommended (soft: does not block):", "建议条件（不影响报考）：") + "\n";
    s += render_trace(*r.recommended, 4, true);
  }
  if (explain && !r.level->suits.empty()) s += "  " + suits_text(r.level->suits) + "\n";
  std::vector<std::string> srcs = r.level->sources.empty() ? cert.sources : r.level->sources;
  std::string ids;
  for (const auto& x : srcs) ids += (ids.empty() ? "" : ", ") + x;
  if (!ids.empty())
    s += "  " +
         dim(tr("Source: ", "来源：") + ids + tr(" (advisor show certificate ", "（advisor show certificate ") +
             cert.id + tr(")", "）")) +
         "\n";
  (void)c;
  return s;
}

int run_check(const CheckOptions& o) {
  const auto& c = catalog();
  auto targets = resolve_targets(c, o.targets);
  auto p = load_profile_file(o.profile);
  EvalContext ctx{c, p, globals().as_of, !o.brief, !o.brief};  // the brief form shows no prose, no trees
  std::vector<LevelResult> results;
  for (auto [cert, level] : targets) results.push_back(check_level(*cert, *level, ctx));
  std::vector<const LevelResult*> ptrs;
  for (const auto& r : results) ptrs.push_back(&r);
  warn_stale(ptrs);
  bool all_ok = true;
  for (const auto& r : results) all_ok = all_ok && r.status == Outcome::eligible;
  if (o.brief) {
    std::string doc;
    JsonWriter w(doc, k_json_indent);
    write_check_brief(w, results, globals().as_of);
    emit_json_text(doc);
  } else if (globals().json) {
    emit_json(check_json(c, results, globals().as_of));
  } else {
    auto& s = out();
    s << trf("Eligibility on {}", "{} 的报考资格", globals().as_of.str());
    if (!p.name.empty()) s << tr(" for ", "：") << p.name;
    s << "\n\n";
    for (size_t i = 0; i < results.size(); ++i) s << (i ? "\n" : "") << render_level(c, results[i], o.explain);
  }
  return all_ok ? k_exit_ok : k_exit_not_eligible;
}

}  // namespace

std::vector<std::pair<const Certificate*, const CertificateLevel*>> resolve_levels(
    const Catalog& c, const std::vector<std::string>& targets) {
  return resolve_targets(c, targets);
}

void setup_check(CLI::App& app) {
  auto o = std::make_shared<CheckOptions>();
  auto* sub = app.add_subcommand("check", "Can I sit these certificate levels? Why not, and from when?");
  sub->add_option("--profile", o->profile, "Profile file (YAML or JSON; - for standard input)")
      ->required()
      ->type_name("FILE");
  sub->add_option("targets", o->targets, "CERT or CERT/LEVEL (default: every level of every certificate)")
      ->type_name("CERT[/LEVEL]");
  sub->add_flag("--explain,-v", o->explain,
                "Show the whole rule as a tree, every way to change the answer and how to register");
  sub->add_flag("--brief", o->brief, "Print the brief JSON document: status and dates per level (docs/json.md)");
  sub->footer(
      "Examples:\n"
      "  advisor check --profile me.yaml aigc-application-engineer\n"
      "  advisor check --profile me.yaml aigc-application-engineer/mid --explain\n"
      "  advisor check --profile me.yaml caip --as-of 2027-01-01 --json\n"
      "  advisor check --profile me.yaml --brief | jq -r '.results[] | select(.status == \"eligible\") | .level'\n"
      "Exit: 0 every named level eligible; 1 any not eligible or unknown; 2 usage; 65 invalid profile; 66 missing "
      "profile.");
  add_runner(sub, [o] { return run_check(*o); });
}

}  // namespace advisor::cli
