#include "render.hpp"

#include <fmt/format.h>

namespace advisor::cli {

std::string verdict(Outcome o) {
  switch (o) {
  case Outcome::eligible: return green(tr("eligible", "符合"));
  case Outcome::not_eligible: return red(tr("not eligible", "不符合"));
  case Outcome::unknown: return yellow(tr("unknown", "无法判断"));
  }
  return {};
}

std::string render_trace(const TraceNode& t, int indent, bool outcomes) {
  std::string pad(static_cast<size_t>(indent), ' ');
  std::string s = pad;
  if (outcomes) {
    const char* mark = t.outcome == Outcome::eligible ? "✓" : t.outcome == Outcome::not_eligible ? "✗" : "?";
    std::string m = t.outcome == Outcome::eligible ? green(mark) : t.outcome == Outcome::not_eligible ? red(mark) : yellow(mark);
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

} // namespace advisor::cli
