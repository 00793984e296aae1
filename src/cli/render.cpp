#include "render.hpp"

#include <fmt/format.h>

#include "to_json.hpp"

namespace advisor::cli {

std::string verdict(Outcome o) {
  switch (o) {
    case Outcome::eligible:
      return green(tr("eligible", "符合"));
    case Outcome::not_eligible:
      return red(tr("not eligible", "不符合"));
    case Outcome::unknown:
      return yellow(tr("unknown", "无法判断"));
  }
  return {};
}

std::string render_trace(const TraceNode& t, int indent, bool outcomes) {
  std::string pad(static_cast<size_t>(indent), ' ');
  std::string s = pad;
  if (outcomes) {
    const char* mark = t.outcome == Outcome::eligible ? "✓" : t.outcome == Outcome::not_eligible ? "✗" : "?";
    std::string m = t.outcome == Outcome::eligible       ? green(mark)
                    : t.outcome == Outcome::not_eligible ? red(mark)
                                                         : yellow(mark);
    s += m + " ";
  } else {
    s += "- ";
  }
  s += tr(t.reason);
  bool leaf = t.children.empty();
  if (outcomes && leaf && !t.found.empty()) s += dim(trf("  [found: {}]", "  [实际：{}]", tr(t.found)));
  if (outcomes && t.passes_on && t.outcome != Outcome::eligible)
    s += trf("  (passes on {})", "（{} 起满足）", t.passes_on->str());
  s += "\n";
  for (const auto& c : t.children) s += render_trace(c, indent + 2, outcomes);
  return s;
}

std::string render_sources(const Catalog& c, const std::vector<std::string>& ids, int indent) {
  std::string s;
  std::string pad(static_cast<size_t>(indent), ' ');
  for (const auto& id : ids) {
    const auto* src = c.source(id);
    if (!src) continue;
    std::string extra;
    if (!src->publisher.empty()) extra += src->publisher;
    if (src->date) extra += (extra.empty() ? "" : ", ") + src->date->str();
    if (src->accessed) extra += (extra.empty() ? "" : ", ") + trf("read {}", "{} 查阅", src->accessed->str());
    s += fmt::format("{}[{}] {}{}\n", pad, id, tr(src->title), extra.empty() ? "" : fmt::format(" ({})", extra));
    if (!src->url.empty()) s += fmt::format("{}    {}\n", pad, src->url);
    if (!src->file.empty()) s += fmt::format("{}    {}: {}\n", pad, tr("seed file", "原文文件"), src->file);
  }
  return s;
}

std::string skill_names(const Catalog& c, const std::vector<std::string>& ids) {
  std::string s;
  bool zh = globals().lang == Lang::zh;
  for (const auto& id : ids) {
    const auto* k = c.skill(id);
    s += (s.empty() ? "" : (zh ? "、" : ", ")) + (k ? tr(k->name) : id);
  }
  return s;
}

std::string render_claims(const Catalog& c, const std::string& subject, int indent) {
  std::string s;
  std::string pad(static_cast<size_t>(indent), ' ');
  for (const auto& cl : c.claims) {
    if (cl.subject != subject) continue;
    std::string src;
    for (const auto& id : cl.sources) src += (src.empty() ? "" : ", ") + id;
    s += fmt::format("{}{} {} [{}]\n", pad, tr("claim:", "文章称："), tr(cl.text), src);
  }
  if (!s.empty() && !c.caveat.empty()) s += pad + dim(tr(c.caveat)) + "\n";
  return s;
}

std::string suits_text(const Text& suits) {
  std::string zh = suits.zh;
  if (zh.rfind("适合", 0) == 0) zh.erase(0, std::string("适合").size());
  return tr("Suits: ", "适合：") + tr(T(suits.en, zh));
}

std::string certificate_level_name(const Certificate& cert, const CertificateLevel* level) {
  if (!level || cert.levels.size() <= 1) return tr(cert.name);
  return tr(cert.name) + tr(" – ", " ") + tr(level->name);
}

std::string not_stated(const Certificate& cert) {
  const auto* ask = cert.registration_fact("ask");
  const auto* site = cert.registration_fact("site");
  if (!ask) return tr("not stated by the sources, which name no one to ask", "来源未说明，也未说明可向谁咨询");
  std::string where = site ? tr(" (", "（") + site->text.en + tr(")", "）") : "";
  return tr("not stated — ask ", "来源未说明——请咨询") + tr(ask->text) + where;
}

std::string sitting_text(const Certificate& cert, const std::optional<std::string>& next_sitting) {
  if (next_sitting) return *next_sitting;
  if (const auto* f = cert.registration_fact("sittings")) return tr(f->text);
  return not_stated(cert);
}

std::string registration_summary(const Certificate& cert) {
  const auto* how = cert.registration_fact("how");
  const auto* fee = cert.registration_fact("fee");
  std::string s = tr("How to register: ", "报名方式：") + (how ? tr(how->text) : not_stated(cert));
  if (fee) s += tr("; fee: ", "；费用：") + tr(fee->text);
  return s;
}

std::string render_registration(const Certificate& cert, int indent) {
  std::string pad(static_cast<size_t>(indent), ' ');
  struct Row {
    const char* about;
    const char* en;
    const char* zh;
  };
  static constexpr Row k_rows[] = {{"ask", "Ask: ", "咨询："},
                                   {"site", "Official site: ", "官方网站："},
                                   {"how", "How to register: ", "报名方式："},
                                   {"format", "Exam format: ", "考试形式："},
                                   {"fee", "Fee: ", "费用："},
                                   {"sittings", "Sittings: ", "考试时间："}};
  std::string s;
  for (const auto& row : k_rows) {
    const auto* f = cert.registration_fact(row.about);
    if (!f && std::string_view(row.about) == "ask") continue;  // not_stated says so where it matters
    std::string cite;
    if (f)
      for (const auto& src : f->sources) cite += (cite.empty() ? " [" : ", ") + src;
    if (!cite.empty()) cite += "]";
    s += pad + tr(row.en, row.zh) + (f ? tr(f->text) + dim(cite) : not_stated(cert)) + "\n";
  }
  return s;
}

std::string plan_step_what(const PlanStep& s) {
  const auto& name = tr(s.name);
  if (s.kind == "skill") return trf("Learn {}", "学习{}", name);
  if (s.kind == "certificate") return trf("Sit {}", "报考{}", name);
  if (s.kind == "experience") return trf("Reach: {}", "积累：{}", name);
  return name;
}

namespace {
std::string step_refs(const std::vector<size_t>& after) {
  std::string s;
  for (auto a : after) s += (s.empty() ? "#" : ", #") + std::to_string(a + 1);
  return s;
}
}  // namespace

std::string plan_step_when(const PlanStep& s, Date as_of) {
  // A certificate with stated sittings happens at the sitting, whatever the date it opens.
  if (s.sitting) return trf("{} sitting", "{} 考期", *s.sitting);
  if (s.earliest_date) return *s.earliest_date == as_of ? tr("now", "现在") : s.earliest_date->str();
  if (s.kind == "certificate" && !s.after.empty()) return trf("after {}", "{} 之后", step_refs(s.after));
  if (s.kind == "certificate") return tr("no date yet", "日期未定");
  if (s.after.empty()) return tr("now", "现在");
  return trf("after {}", "{} 之后", step_refs(s.after));
}

std::string plan_step_why(const PlanStep& s) {
  std::string why = tr(s.reason);
  // A step without a date or sitting shows its prerequisites in the date column already.
  if (!s.after.empty() && (s.earliest_date || s.sitting))
    why += trf(" (after {})", "（在 {} 之后）", step_refs(s.after));
  return why;
}

std::string span_text(Date from, Date to) {
  int months = 0;
  while (from.add_months(months + 1) <= to) ++months;
  int days = static_cast<int>(to.days() - from.add_months(months).days());
  auto dur = duration_text(months);
  std::string en = months ? dur.en : "", zh = months ? dur.zh : "";
  if (days) {
    en += fmt::format("{}{} day{}", en.empty() ? "" : " ", days, days == 1 ? "" : "s");
    zh += fmt::format("{}{} 天", zh.empty() ? "" : " ", days);
  }
  return globals().lang == Lang::zh ? zh : en;
}

std::string plan_total(const Plan& plan) {
  size_t undated = 0, skills = 0;
  for (const auto& st : plan.steps) {
    if (st.kind == "skill")
      ++skills;
    else if (!st.sitting && !st.earliest_date)
      ++undated;
  }
  auto last = finish_date(plan);
  std::string s;
  if (last && *last > plan.as_of)
    s = trf("Total: {} ({} to {})", "合计：{}（{} 至 {}）", span_text(plan.as_of, *last), plan.as_of.str(),
            last->str());
  else
    s = tr("Total: every dated step can happen now", "合计：所有有日期的步骤现在即可进行");
  bool zh = globals().lang == Lang::zh;
  if (skills)
    s += zh ? fmt::format("，另加学习 {} 项技能所需的时间", skills)
            : fmt::format(", plus the time {} skill{} to learn", skills, skills == 1 ? " takes" : "s take");
  if (undated)
    s += zh ? fmt::format("，以及 {} 个暂无日期的步骤", undated)
            : fmt::format(" and {} step{} without a date", undated, undated == 1 ? "" : "s");
  return s + tr(".", "。");
}

}  // namespace advisor::cli
