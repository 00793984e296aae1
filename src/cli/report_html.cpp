// The page of `advisor report` (docs/report.md): the results of recommend, check and
// plan as one HTML5 document with its styles inline and its charts as inline SVG
// (advisor/svg_chart.hpp). Every text that comes from a profile or a catalogue goes
// through h() (or the chart helper's own escaping); links are made only of http(s)
// addresses; a Content-Security-Policy forbids every fetch, so even a mistake here
// cannot make the page load anything.
#include "report_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "advisor/svg_chart.hpp"
#include "render.hpp"
#include "to_json.hpp"

namespace advisor::cli {

namespace {

/// Text for the page: HTML-escaped, controls made visible.
std::string h(const std::string& text) { return svg::escape(text); }
std::string h(const Text& text) { return svg::escape(tr(text)); }

bool zh() { return globals().lang == Lang::zh; }

/// "hold a certificate" → "Hold a certificate" to start a list item; other text as it is.
std::string upper_first(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

/// Items joined for reading: "A, B, C" / "A、B、C".
std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : tr(", ", "、")) + i;
  return s;
}

std::string skill_name(const Catalog& c, const std::string& id) {
  const auto* k = c.skill(id);
  return k ? tr(k->name) : id;
}

/// An address fit to be a link: http or https only, so that a catalogue cannot put a
/// `javascript:` or `data:` link on the page; anything else is shown as text.
bool linkable(const std::string& url) {
  auto lower = url.substr(0, 8);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0;
}

/// The sources the page cites, numbered in the order they are first cited.
class Citations {
 public:
  explicit Citations(const Catalog& c) : m_catalog(c) {}

  /// Links "[1][2]" to the sources list for the ids the catalogue knows.
  std::string cite(const std::vector<std::string>& ids) {
    std::string s;
    for (const auto& id : ids) {
      const auto* src = m_catalog.source(id);
      if (!src) continue;
      auto [it, added] = m_number.emplace(id, m_order.size() + 1);
      if (added) m_order.push_back(src);
      s += fmt::format("<a class=\"cite\" href=\"#source-{0}\" title=\"{1}\">[{0}]</a>", it->second, h(src->title));
    }
    return s.empty() ? s : "<sup>" + s + "</sup>";
  }

  const std::vector<const Source*>& cited() const { return m_order; }

 private:
  const Catalog& m_catalog;
  std::map<std::string, size_t> m_number;
  std::vector<const Source*> m_order;
};

// ---------------------------------------------------------------- styles

constexpr const char* k_style = R"css(
:root{color-scheme:light;--ink:#1a1a1a;--muted:#4d4d4d;--line:#c4c4c4;--soft:#f4f5f7;--accent:#1f5f99}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;color:var(--ink);background:#fff;line-height:1.55;-webkit-text-size-adjust:100%}
html:lang(zh){font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","Noto Sans SC","WenQuanYi Micro Hei",system-ui,-apple-system,"Segoe UI",sans-serif;line-height:1.7}
body{margin:0 auto;padding:1.5rem 1.25rem 3rem;max-width:60rem}
h1{font-size:1.9rem;line-height:1.25;margin:0 0 .35rem}
h2{font-size:1.4rem;line-height:1.3;margin:2.4rem 0 .8rem;padding-bottom:.3rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.12rem;line-height:1.35;margin:1.6rem 0 .4rem}
p,ul,ol,dl,table,figure{margin:0 0 .9rem}
a{color:var(--accent)}
a:focus{outline:3px solid #b35c00;outline-offset:2px}
sup{line-height:0}
a.cite{text-decoration:none;font-size:.8em;margin-left:.1em}
.meta,.note,.muted{color:var(--muted)}
.note{font-size:.92rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
nav.toc ol{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;padding:0;list-style:none;margin:.6rem 0 0}
.summary{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;background:var(--soft);border-left:4px solid var(--accent);padding:.8rem 1rem;margin-top:1rem}
.summary dt{font-weight:700}
.summary dd{margin:0}
ol.actions{padding-left:1.6rem}
ol.actions li{margin:.35rem 0;font-size:1.05rem}
ol.actions li::marker{font-weight:700}
table{border-collapse:collapse;width:100%;font-size:.94rem}
th,td{border:1px solid var(--line);padding:.45rem .55rem;text-align:left;vertical-align:top}
thead th{background:var(--soft);font-weight:700}
tbody th{font-weight:700}
td ul{margin:0;padding-left:1.1rem}
td ul.conditions{list-style:none;padding-left:0}
td ul.conditions li{padding-left:1.3em;text-indent:-1.3em;margin:.1rem 0}
.status{display:inline-block;font-weight:700;padding:.05rem .45rem;border-radius:.3rem;border:1px solid;white-space:nowrap}
.status-now{color:#0d4a24;background:#e3f4e8;border-color:#0d4a24}
.status-date{color:#6b3500;background:#fdf0dc;border-color:#6b3500}
.status-unknown{color:#123a6b;background:#e2edf9;border-color:#123a6b;border-style:dashed}
.status-no{color:#7a1712;background:#fbe6e4;border-color:#7a1712}
.mark{display:inline-block;width:1.3em;text-indent:0;font-weight:700}
.mark-yes{color:#0d4a24}.mark-no{color:#7a1712}.mark-unknown{color:#123a6b}
.found{color:var(--muted)}
table.eligibility tbody th{width:24%;min-width:9em}
table.eligibility td:nth-child(2){width:19%}
.sitting{display:block;margin-top:.3rem;font-size:.88rem;color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;padding:0;font-size:.92rem}
.legend li{display:flex;align-items:center;gap:.4rem}
svg.swatch{flex:none}
svg.chart{display:block;max-width:100%;height:auto}
article.role{border-top:1px solid var(--line);padding-top:.2rem}
.fit{display:inline-block;font-size:.85rem;font-weight:700;padding:.05rem .5rem;border-radius:1rem;border:1px solid;vertical-align:.1em;margin-left:.4rem;white-space:nowrap}
.fit-strong{color:#0d4a24;background:#e3f4e8}
.fit-good{color:#0f3f66;background:#e2edf9}
.fit-partial{color:#6b3500;background:#fdf0dc}
.fit-weak,.fit-none{color:#4d4d4d;background:#f0f0f0;border-style:dashed}
.role-meta{color:var(--muted);margin-bottom:.5rem}
ul.skills{padding-left:1.2rem}
ul.skills li{margin:.15rem 0}
figure{margin-left:0;margin-right:0}
figcaption{font-size:.92rem;color:var(--muted)}
.total{font-weight:700;font-size:1.05rem}
table.steps td:first-child,table.steps td:nth-child(2){white-space:nowrap}
ol.sources li{margin:.3rem 0}
html:lang(zh) cite{font-style:normal}
ol.sources a{word-break:break-all}
.caveat{font-weight:700}
footer{margin-top:2.5rem;padding-top:.6rem;border-top:1px solid var(--line);font-size:.85rem;color:var(--muted)}
@page{size:A4;margin:15mm 14mm 16mm}
@media print{
html{font-size:10pt}
body{max-width:none;padding:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
nav.toc{display:none}
a{color:inherit}
h2,h3{break-after:avoid;page-break-after:avoid}
h2{margin-top:1.4rem}
tr,figure,.summary,ol.actions li,ul.skills{break-inside:avoid;page-break-inside:avoid}
article.role{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
}
)css";

// ---------------------------------------------------------------- header and first steps

std::string fit_words(const std::string& fit) {
  if (fit == "strong") return tr("strong fit", "非常匹配");
  if (fit == "good") return tr("good fit", "比较匹配");
  if (fit == "partial") return tr("partial fit", "部分匹配");
  if (fit == "weak") return tr("weak fit", "匹配度低");
  return tr("not a fit yet", "尚不匹配");
}

std::string fit_badge(const std::string& fit) {
  return fmt::format("<span class=\"fit fit-{}\">{}</span>", fit.empty() ? "none" : h(fit), h(fit_words(fit)));
}

std::string page_title(const ReportData& r) {
  const auto& name = r.profile->name;
  return name.empty() ? tr("Career report", "职业路径报告") : trf("Career report for {}", "{}的职业路径报告", name);
}

size_t roles_shown(const ReportData& r) {
  const auto& roles = r.recommendation.roles;
  return r.top == 0 ? roles.size() : std::min(r.top, roles.size());
}

std::string summary(const ReportData& r) {
  std::string s = "<dl class=\"summary\">";
  const auto& rec = r.recommendation;
  s += "<dt>" + h(tr("Fits best", "最匹配")) + "</dt><dd>";
  if (!rec.roles.empty())
    s += h(rec.roles.front().role->name) + " · " + h(fit_words(rec.roles.front().fit));
  else
    s += h(tr("no role yet", "暂无匹配的岗位"));
  s += "</dd>";
  if (r.plan) {
    s += "<dt>" + h(tr("Path to", "路径目标")) + "</dt><dd>" + h(r.plan->target->name);
    if (r.target == TargetChoice::goal) s += " · " + h(tr("your goal role", "你的目标岗位"));
    if (r.target == TargetChoice::best) s += " · " + h(tr("the role that fits you best", "最适合你的岗位"));
    s += "</dd>";
  }
  size_t open = 0;
  for (const auto& l : r.levels) open += l.status == Outcome::eligible ? 1 : 0;
  if (!r.levels.empty()) {
    s += "<dt>" + h(tr("Certificates", "证书")) + "</dt><dd>" +
         h(trf("you can sit {} of the {} levels now", "{1} 个等级中现在可报考 {0} 个", open, r.levels.size())) +
         "</dd>";
  }
  return s + "</dl>";
}

std::string header(const ReportData& r) {
  const auto& c = *r.catalog;
  std::string s = "<header>";
  s += "<h1>" + h(page_title(r)) + "</h1>";
  std::string catalogue = tr(c.name).empty() ? c.id : tr(c.name);
  if (!c.version.empty()) catalogue += " " + c.version;
  s += "<p class=\"meta\">" +
       h(trf("Worked out on {} from your profile and the {}.", "根据你的档案和{1}，于 {0} 得出。", r.as_of.str(),
             catalogue)) +
       "</p>";
  s += summary(r);
  s += "<nav class=\"toc\" aria-label=\"" + h(tr("Contents", "目录")) + "\"><ol>";
  s += "<li><a href=\"#first\">" + h(tr("What to do first", "先做什么")) + "</a></li>";
  s += "<li><a href=\"#certificates\">" + h(tr("Certificates", "证书")) + "</a></li>";
  s += "<li><a href=\"#roles\">" + h(tr("Roles", "岗位")) + "</a></li>";
  s += "<li><a href=\"#path\">" + h(tr("Your path", "路径")) + "</a></li>";
  s += "<li><a href=\"#sources\">" + h(tr("Sources", "来源")) + "</a></li>";
  s += "</ol></nav></header>";
  return s;
}

std::string first_steps(const ReportData& r) {
  const auto& rec = r.recommendation;
  std::string s = "<section id=\"first\" aria-labelledby=\"first-h\"><h2 id=\"first-h\">" +
                  h(tr("What to do first", "先做什么")) + "</h2>";
  std::string list, then;
  for (const auto& a : rec.next_actions) {
    if (a.kind == "then")
      then += "<p>" + h(a.text) + "</p>";
    else
      list += "<li>" + h(a.text) + "</li>";
  }
  if (!list.empty()) return s + "<ol class=\"actions\">" + list + "</ol>" + then + "</section>";
  // No first step: say why, and where the page helps instead.
  std::string why =
      rec.roles.empty()
          ? tr("No first step yet: nothing in your profile is evidence for an AI role (general skills such as "
               "communication or teamwork count only beside a role's own skills). The roles closest to you and "
               "what they need are below, and so are the certificate levels you can sit now.",
               "暂时没有可建议的第一步：档案中没有任何 AI 岗位所需的专业技能、相关领域经验、相关证书或目标"
               "（沟通、团队合作等通用能力只能在具备岗位专业技能时加分）。下文列出最接近你的岗位及其要求，"
               "以及你现在即可报考的证书等级。")
          : tr("No single first step stands out: the roles that fit you, the certificate levels you can sit and "
               "your path are below.",
               "没有特别突出的第一步：下文列出适合你的岗位、你可以报考的证书等级和你的路径。");
  s += "<p>" + h(why) + "</p>";
  return s + "</section>";
}

// ---------------------------------------------------------------- eligibility

void leaves(const TraceNode& t, std::vector<const TraceNode*>& out) {
  if (t.children.empty()) out.push_back(&t);
  for (const auto& c : t.children) leaves(c, out);
}

std::string field_words(const std::string& f) {
  if (f == "age") return tr("age or date of birth", "年龄或出生日期");
  if (f == "education") return tr("education", "学历");
  if (f == "education.major") return tr("major", "专业");
  if (f == "experience") return tr("work experience", "工作经历");
  return f;
}

std::string condition(const TraceNode& t) {
  const char* cls = t.outcome == Outcome::eligible ? "yes" : t.outcome == Outcome::not_eligible ? "no" : "unknown";
  const char* mark = t.outcome == Outcome::eligible ? "✓" : t.outcome == Outcome::not_eligible ? "✗" : "?";
  std::string words = t.outcome == Outcome::eligible       ? tr("met", "满足")
                      : t.outcome == Outcome::not_eligible ? tr("not met", "不满足")
                                                           : tr("unknown", "无法判断");
  std::string s =
      fmt::format("<li><span class=\"mark mark-{}\" aria-hidden=\"true\">{}</span><span class=\"sr\">{}</span>{}", cls,
                  mark, h(words + tr(": ", "：")), h(t.reason));
  if (!t.found.empty()) s += " <span class=\"found\">" + h(trf("(you: {})", "（你：{}）", tr(t.found))) + "</span>";
  return s + "</li>";
}

std::string status_cell(const LevelResult& l, Citations& cite) {
  const auto& cert = *l.certificate;
  std::string s;
  if (l.status == Outcome::eligible) {
    s = "<span class=\"status status-now\">✓ " +
        h(l.held_since ? trf("Held since {}", "已于 {} 取得", l.held_since->str()) : tr("Now", "现在可报考")) +
        "</span>";
  } else if (l.earliest_date) {
    s = "<span class=\"status status-date\">◷ " + h(trf("From {}", "{} 起", l.earliest_date->str())) + "</span>";
  } else if (l.status == Outcome::unknown) {
    std::vector<std::string> fields;
    for (const auto& f : l.missing_fields) fields.push_back(field_words(f));
    s = "<span class=\"status status-unknown\">? " + h(tr("Unknown", "无法判断")) + "</span>";
    if (!fields.empty())
      s += "<span class=\"sitting\">" + h(trf("your profile lacks {}", "档案缺少{}", joined(fields))) + "</span>";
  } else {
    s = "<span class=\"status status-no\">✗ " + h(tr("Not yet", "暂不符合")) + "</span>";
  }
  if (l.status == Outcome::eligible || l.earliest_date) {
    const auto* sittings = cert.registration_fact("sittings");
    s += "<span class=\"sitting\">" + h(tr("Next sitting: ", "下次考试：") + sitting_text(cert, l.next_sitting)) +
         (l.next_sitting || !sittings ? "" : cite.cite(sittings->sources)) + "</span>";
  }
  return s;
}

std::string certificates(const ReportData& r, Citations& cite) {
  std::string s = "<section id=\"certificates\" aria-labelledby=\"certificates-h\"><h2 id=\"certificates-h\">" +
                  h(tr("Certificates: can you sit them?", "证书：能否报考")) + "</h2>";
  if (r.levels.empty())
    return s + "<p>" + h(tr("The catalogue has no certificates.", "目录库中没有证书。")) + "</p></section>";
  s += "<p>" +
       h(trf("Every certificate level in the catalogue on {}: whether you can sit it, why, and what would change "
             "the answer (easiest first).",
             "目录库中每个证书等级在 {} 的情况：能否报考、原因，以及怎样才能改变结果（由易到难）。", r.as_of.str())) +
       "</p>";
  s += "<table class=\"eligibility\"><thead><tr><th scope=\"col\">" + h(tr("Certificate", "证书")) +
       "</th><th scope=\"col\">" + h(tr("Can you sit it?", "能否报考")) + "</th><th scope=\"col\">" +
       h(tr("Why", "原因")) + "</th><th scope=\"col\">" + h(tr("What would change it", "怎样改变")) +
       "</th></tr></thead><tbody>";
  for (const auto& l : r.levels) {
    const auto& cert = *l.certificate;
    std::vector<std::string> srcs = l.level->sources.empty() ? cert.sources : l.level->sources;
    s += "<tr><th scope=\"row\">" + h(certificate_level_name(cert, l.level)) + cite.cite(srcs) + "</th>";
    s += "<td>" + status_cell(l, cite) + "</td><td>";
    if (!l.trace) {
      s += h(tr("The source states no entry requirement for this level.", "来源未说明该等级的报考条件。"));
    } else {
      std::vector<const TraceNode*> ls;
      leaves(*l.trace, ls);
      s += "<ul class=\"conditions\">";
      for (const auto* t : ls) s += condition(*t);
      s += "</ul>";
      if (l.trace->kind == RuleKind::any && ls.size() > 1)
        s += "<span class=\"found\">" + h(tr("Any one of these is enough.", "满足其一即可。")) + "</span>";
    }
    if (l.recommended) {
      std::vector<const TraceNode*> ls;
      leaves(*l.recommended, ls);
      s += "<p class=\"found\">" + h(tr("Advice only, never blocks:", "建议条件，不影响报考：")) + "</p>";
      s += "<ul class=\"conditions\">";
      for (const auto* t : ls) s += condition(*t);
      s += "</ul>";
    }
    s += "</td><td>";
    if (l.changes.empty()) {
      s +=
          "<span class=\"muted\">" +
          h(l.status == Outcome::eligible ? tr("Nothing: you can sit it.", "无需改变：现在即可报考。")
                                          : tr("The sources say nothing that would.", "来源中没有能改变结果的条件。")) +
          "</span>";
    } else {
      s += "<ul>";
      // The first way starts the list with a capital; the others follow it with "or".
      for (size_t i = 0; i < l.changes.size(); ++i)
        s += "<li>" + h(i ? tr("or ", "或者") + tr(l.changes[i].text) : upper_first(tr(l.changes[i].text))) + "</li>";
      s += "</ul>";
    }
    s += "</td></tr>";
  }
  return s + "</tbody></table></section>";
}

// ---------------------------------------------------------------- roles

/// The five kinds of a role's skill in the charts, in the order they are drawn.
enum SkillState : size_t { k_have, k_proven, k_partly, k_missing, k_general, k_states };

std::vector<svg::Series> skill_series() {
  return {{tr("You have it", "已具备"), "#1f5f99", svg::Fill::solid},
          {tr("Shown by your work, a title, a certificate or a related skill", "由工作经历、职位、证书或相关技能证明"),
           "#1b6e4f", svg::Fill::hatch},
          {tr("Partly", "部分具备"), "#8a5300", svg::Fill::dots},
          {tr("Missing", "欠缺"), "#b3261e", svg::Fill::outline},
          {tr("General skill not in your profile", "档案中未列出的通用能力"), "#5c5c5c", svg::Fill::cross}};
}

struct SkillSorting {
  std::vector<std::string> ids[2][k_states];  ///< [essential][state] → skill ids, in the role's order
};

/// Each of the role's skills in one state, from the match: the same lists recommend and gap show.
SkillSorting sort_skills(const RoleMatch& m) {
  SkillSorting out;
  auto in = [](const std::vector<std::string>& v, const std::string& id) {
    return std::find(v.begin(), v.end(), id) != v.end();
  };
  auto in_partial = [](const std::vector<PartialMatch>& v, const std::string& id) {
    return std::any_of(v.begin(), v.end(), [&](const PartialMatch& pm) { return pm.required == id; });
  };
  for (const auto& rs : m.role->skills) {
    SkillState state = k_missing;
    if (in_partial(m.proven, rs.skill))
      state = k_proven;
    else if (in(m.matched, rs.skill))
      state = k_have;
    else if (in_partial(m.partial, rs.skill))
      state = k_partly;
    else if (in(m.also_asked, rs.skill))
      state = k_general;
    out.ids[rs.essential ? 1 : 0][state].push_back(rs.skill);
  }
  return out;
}

std::string count_words(const std::vector<std::string> (&ids)[k_states]) {
  std::vector<std::string> parts;
  static constexpr std::pair<const char*, const char*> k_words[k_states] = {
      {"{} you have", "已具备 {} 项"},
      {"{} shown by other evidence", "{} 项由其他依据证明"},
      {"{} partly", "{} 项部分具备"},
      {"{} missing", "欠缺 {} 项"},
      {"{} general, not in your profile", "{} 项通用能力未列出"}};
  for (size_t st = 0; st < k_states; ++st)
    if (!ids[st].empty()) parts.push_back(trf(k_words[st].first, k_words[st].second, ids[st].size()));
  return joined(parts);
}

std::string role_chart(const Catalog& c, const RoleMatch& m, const std::string& id, double scale) {
  auto series = skill_series();
  auto sorted = sort_skills(m);
  svg::BarChart chart;
  chart.id = id;
  chart.series = series;
  chart.scale = scale;
  chart.title = trf("{}: the skills it asks for, and yours", "{}：岗位要求的技能与你的情况", tr(m.role->name));
  std::string desc;
  for (int essential = 1; essential >= 0; --essential) {
    const auto& ids = sorted.ids[essential];
    size_t n = 0;
    for (const auto& v : ids) n += v.size();
    if (n == 0) continue;
    svg::BarRow row;
    std::string what = essential ? trf("Essential skills: {}", "核心技能：{} 项", n)
                                 : trf("Optional skills: {}", "加分技能：{} 项", n);
    row.label = what + tr(" — ", "——") + count_words(ids);
    for (size_t st = 0; st < k_states; ++st) {
      if (ids[st].empty()) continue;
      std::vector<std::string> names;
      for (const auto& k : ids[st]) names.push_back(skill_name(c, k));
      row.segments.push_back(
          {st, static_cast<double>(ids[st].size()), series[st].name + tr(": ", "：") + joined(names)});
    }
    desc += (desc.empty() ? "" : tr(". ", "。")) + row.label;
    chart.rows.push_back(std::move(row));
  }
  chart.description = desc + (desc.empty() ? "" : tr(".", "。"));
  if (chart.rows.empty()) return {};
  return "<figure>" + svg::bar_chart(chart) + "</figure>";
}

std::string evidence_item(const Catalog& c, const Profile& p, const PartialMatch& pm, Citations& cite) {
  std::string s = h(evidence_text(c, p, pm));
  if (pm.evidence == Evidence::work)
    if (const auto* d = c.domain(pm.inferred_domain)) s += cite.cite(d->sources);
  return s;
}

std::string role_article(const ReportData& r, const RoleMatch& m, size_t rank, const std::string& id, double scale,
                         Citations& cite) {
  const auto& c = *r.catalog;
  const auto& p = *r.profile;
  std::string s = "<article class=\"role\" aria-labelledby=\"" + id + "-h\">";
  s += "<h3 id=\"" + id + "-h\">" + (rank ? fmt::format("{}. ", rank) : std::string()) + h(m.role->name) + " " +
       fit_badge(m.fit) + "</h3>";
  std::string meta;
  if (const auto* cat = c.category(m.role->category)) meta += h(trf("Category: {}", "类别：{}", tr(cat->name)));
  if (!m.fit.empty())
    meta += (meta.empty() ? "" : " · ") + h(trf("score {:.2f} of 1", "得分 {:.2f}（满分 1）", m.score));
  s += "<p class=\"role-meta\">" + meta + cite.cite(m.role->sources) + "</p>";
  if (!tr(m.role->definition).empty()) s += "<p>" + h(m.role->definition) + "</p>";
  s += role_chart(c, m, id + "-chart", scale);
  auto sorted = sort_skills(m);
  std::string items;
  auto names = [&](const std::vector<std::string>& ids) {
    std::vector<std::string> n;
    for (const auto& k : ids) n.push_back(skill_name(c, k));
    return h(joined(n));
  };
  auto item = [&](const std::string& label, const std::string& body) {
    if (!body.empty()) items += "<li><strong>" + h(label) + "</strong> " + body + "</li>";
  };
  std::vector<std::string> have;
  for (int e = 1; e >= 0; --e)
    for (const auto& k : sorted.ids[e][k_have]) have.push_back(k);
  item(tr("You have:", "已具备："), names(have));
  std::string shown;
  for (const auto& pm : m.proven) shown += (shown.empty() ? "" : h(tr("; ", "；"))) + evidence_item(c, p, pm, cite);
  item(tr("Shown by other evidence:", "由其他依据证明："), shown);
  std::string partly;
  for (const auto& pm : m.partial) partly += (partly.empty() ? "" : h(tr("; ", "；"))) + evidence_item(c, p, pm, cite);
  item(tr("Partly:", "部分具备："), partly);
  item(tr("Missing, essential:", "欠缺的核心技能："), names(sorted.ids[1][k_missing]));
  item(tr("Missing, optional:", "欠缺的加分技能："), names(sorted.ids[0][k_missing]));
  item(tr("Also asked for (general skills):", "也要求（通用能力）："), names(m.also_asked));
  if (!items.empty()) s += "<ul class=\"skills\">" + items + "</ul>";
  return s + "</article>";
}

std::string legend(const std::vector<svg::Series>& series, const std::string& prefix) {
  std::string s = "<ul class=\"legend\" aria-label=\"" + h(tr("Key to the charts", "图例")) + "\">";
  for (size_t i = 0; i < series.size(); ++i)
    s += "<li>" + svg::swatch(series[i], fmt::format("{}-{}", prefix, i)) + h(series[i].name) + "</li>";
  return s + "</ul>";
}

std::string roles(const ReportData& r, Citations& cite) {
  const auto& rec = r.recommendation;
  std::string s = "<section id=\"roles\" aria-labelledby=\"roles-h\"><h2 id=\"roles-h\">" +
                  h(tr("Roles that fit you", "适合你的岗位")) + "</h2>";
  size_t n = roles_shown(r);
  const auto& shown = rec.roles.empty() ? rec.closest : rec.roles;
  if (rec.roles.empty()) {
    s += "<p>" +
         h(tr("No role fits yet: nothing in your profile is evidence for one. These are the closest roles, with "
              "what each asks for; none is a fit yet.",
              "暂时没有匹配的岗位：档案中没有任何岗位的匹配依据。以下是最接近的岗位及其要求，它们都还不匹配。")) +
         "</p>";
    n = shown.size();
  } else {
    std::string which = n == 1
                            ? tr("The role that fits you best, with its fit in words", "最适合你的岗位，注明匹配程度")
                            : trf("The {} roles that fit you best, each with its fit in words",
                                  "最适合你的 {} 个岗位，每个都注明匹配程度", n);
    s += "<p>" +
         h(which + tr(", and the skills it asks for: the ones you have, the ones your work, a job title, a "
                      "certificate or a related skill shows, and the ones missing.",
                      "，以及岗位要求的技能：你已具备的、由工作经历、职位、证书或相关技能证明的，以及欠缺的。")) +
         "</p>";
  }
  if (n == 0) return s + "</section>";
  double scale = 0;
  for (size_t i = 0; i < n; ++i) {
    size_t ess = 0, opt = 0;
    for (const auto& rs : shown[i].role->skills) (rs.essential ? ess : opt) += 1;
    scale = std::max(scale, static_cast<double>(std::max(ess, opt)));
  }
  s += legend(skill_series(), "key");
  for (size_t i = 0; i < n; ++i)
    s += role_article(r, shown[i], rec.roles.empty() ? 0 : i + 1, fmt::format("role-{}", i + 1), scale, cite);
  return s + "</section>";
}

// ---------------------------------------------------------------- the path

std::vector<svg::TimelineKind> step_kinds() {
  return {{tr("Skill to learn", "要学的技能"), "#1f5f99", svg::Marker::circle},
          {tr("Certificate to sit", "要考的证书"), "#8a5300", svg::Marker::square},
          {tr("Experience to gain", "要积累的经验"), "#1b6e4f", svg::Marker::triangle},
          {tr("Detail to add to your profile", "要补充的档案信息"), "#5c5c5c", svg::Marker::diamond}};
}

size_t kind_index(const std::string& kind) {
  if (kind == "skill") return 0;
  if (kind == "certificate") return 1;
  if (kind == "experience") return 2;
  return 3;
}

/// A step's own date: its sitting month's first day, else its earliest date.
std::optional<Date> own_date(const PlanStep& s) {
  if (s.sitting)
    if (auto d = parse_date(*s.sitting).date) return d;
  return s.earliest_date;
}

std::string path(const ReportData& r, Citations& cite) {
  std::string s = "<section id=\"path\" aria-labelledby=\"path-h\">";
  if (!r.plan) {
    s += "<h2 id=\"path-h\">" + h(tr("Your path", "你的路径")) + "</h2><p>";
    s +=
        h(tr("No path yet: your profile names no goal role and no role fits yet, so there is no role to plan "
             "for. Name one to see the path to it",
             "暂无路径：档案中没有目标岗位，也还没有匹配的岗位，因此无从规划。指定一个岗位即可看到通往它的路径"));
    if (!r.recommendation.closest.empty()) {
      const auto& role = *r.recommendation.closest.front().role;
      s += h(trf(", for example the closest, {} (advisor report --role {})",
                 "，例如最接近的{}（advisor report --role {}）", tr(role.name), role.id));
    }
    s += h(tr(".", "。")) + "</p></section>";
    return s;
  }
  const auto& plan = *r.plan;
  const auto& role = *plan.target;
  s += "<h2 id=\"path-h\">" + h(trf("Your path to {}", "通往{}的路径", tr(role.name))) + "</h2>";
  std::string why = r.target == TargetChoice::goal ? tr("It is your goal role.", "这是你的目标岗位。")
                    : r.target == TargetChoice::best
                        ? tr("It is the role that fits you best.", "这是最适合你的岗位。")
                        : tr("It is the role this report was asked for.", "这是本报告指定的岗位。");
  std::string fit = fit_label(r.catalog->scoring, plan.score_now);
  s += "<p>" +
       h(why + tr(" ", "") +
         trf("Your fit today: {} ({:.2f}).", "你目前的匹配程度：{}（{:.2f}）。", fit_words(fit), plan.score_now)) +
       cite.cite(role.sources) + "</p>";
  if (plan.steps.empty()) {
    s += "<p class=\"total\">" +
         h(tr("Nothing to do: you have every skill the role asks for and no related certificate is left to sit.",
              "无需再做什么：你已具备该岗位要求的全部技能，也没有待考的相关证书。")) +
         "</p></section>";
    return s;
  }
  // The timeline: each step at its date; one with no date of its own after the steps it
  // waits for; a skill, which takes as long as it takes, from today; the rest last.
  std::vector<std::optional<Date>> at(plan.steps.size());
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const auto& st = plan.steps[i];
    at[i] = own_date(st);
    if (at[i]) continue;
    std::optional<Date> latest;
    for (auto a : st.after)
      if (a < i && at[a] && (!latest || *at[a] > *latest)) latest = at[a];
    if (latest)
      at[i] = latest;
    else if (st.kind != "certificate" && st.after.empty())
      at[i] = plan.as_of;
  }
  svg::Timeline t;
  t.id = "path-timeline";
  t.width = 760;
  t.kinds = step_kinds();
  t.title = trf("The path to {}, step by step", "通往{}的路径，逐步列出", tr(role.name));
  t.description = plan_total(plan);
  std::set<size_t> kinds_used;
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const auto& st = plan.steps[i];
    svg::TimelineItem item;
    item.label = fmt::format("{}. {}", i + 1, plan_step_what(st));
    item.when = plan_step_when(st, plan.as_of);
    item.date = at[i];
    item.dated = own_date(st).has_value();
    item.kind = kind_index(st.kind);
    kinds_used.insert(item.kind);
    t.items.push_back(std::move(item));
  }
  t.goal_label = trf("Goal: {}", "目标：{}", tr(role.name));
  if (auto last = finish_date(plan); last && *last > plan.as_of) t.goal_when = last->str();
  // The gap in the coarsest unit that fits beside the axis; the rows give the exact dates.
  t.gap_label = [](Date from, Date to) {
    int months = 0;
    while (from.add_months(months + 1) <= to) ++months;
    return months ? trf("{} later", "{}后", tr(duration_text(months))) : trf("{} later", "{}后", span_text(from, to));
  };
  s += "<figure>" + svg::timeline(t) + "<figcaption><ul class=\"legend\">";
  for (auto k : kinds_used) s += "<li>" + svg::marker_swatch(t.kinds[k]) + h(t.kinds[k].name) + "</li>";
  s += "<li>" + svg::marker_swatch(t.kinds[kind_index("skill")], false) +
       h(tr("hollow marker, dashed line: no date of its own", "空心标记、虚线：本身没有日期")) + "</li>";
  s += "</ul></figcaption></figure>";
  s += "<p class=\"total\">" + h(plan_total(plan)) + "</p>";
  s += "<table class=\"steps\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">" + h(tr("When", "时间")) +
       "</th><th scope=\"col\">" + h(tr("Step", "步骤")) + "</th><th scope=\"col\">" + h(tr("Why", "原因")) +
       "</th></tr></thead><tbody>";
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const auto& st = plan.steps[i];
    std::string srcs;
    if (st.kind == "certificate")
      if (const auto* cert = r.catalog->certificate(st.id)) {
        int li = cert->level_index(st.level);
        const auto& lsrc = li >= 0 ? cert->levels[static_cast<size_t>(li)].sources : std::vector<std::string>{};
        srcs = cite.cite(lsrc.empty() ? cert->sources : lsrc);
      }
    s += fmt::format("<tr><td>{}</td><td>{}</td><th scope=\"row\">{}{}</th><td>{}</td></tr>", i + 1,
                     h(plan_step_when(st, plan.as_of)), h(plan_step_what(st)), srcs, h(plan_step_why(st)));
  }
  s += "</tbody></table>";
  s +=
      "<p class=\"note\">" +
      h(tr(
          "Dates are the earliest each step can happen, assuming you pass every exam at the first sitting you "
          "can take. Learning a skill or earning study hours takes as long as it takes, so those steps have no "
          "date.",
          "日期为每一步最早可完成的时间，并假设每次考试都在第一个可参加的考期通过。学习技能、积累学时所需时间因人而异，"
          "因此这些步骤没有日期。")) +
      "</p>";
  if (plan.search_capped)
    s += "<p class=\"note\">" +
         h(trf("The search stopped after {} states; the plan may not be the quickest.",
               "搜索在 {} 个状态后停止，规划可能不是最快的。", plan.states_explored)) +
         "</p>";
  return s + "</section>";
}

// ---------------------------------------------------------------- sources

std::string sources(const ReportData& r, const Citations& cite) {
  const auto& c = *r.catalog;
  std::string s = "<section id=\"sources\" aria-labelledby=\"sources-h\"><h2 id=\"sources-h\">" +
                  h(tr("Sources and caveats", "来源与说明")) + "</h2>";
  if (!tr(c.caveat).empty()) s += "<p class=\"caveat\">" + h(c.caveat) + "</p>";
  // Certificate rules change: say which of those on the page were checked long ago.
  std::vector<const Certificate*> stale;
  for (const auto& l : r.levels)
    if (l.stale && std::find(stale.begin(), stale.end(), l.certificate) == stale.end()) stale.push_back(l.certificate);
  if (!stale.empty()) {
    s += "<p>" +
         h(trf("Certificate rules change. These were last checked more than a year before {}; confirm them with "
               "the issuer before you register:",
               "证书规则会变化。以下证书的规则最近一次核对距 {} 已超过一年，报名前请向发证机构确认：", r.as_of.str())) +
         "</p><ul>";
    for (const auto* cert : stale)
      s += "<li>" + h(trf("{}: checked {}", "{}：核对于 {}", tr(cert->name), cert->verified_on->str())) + "</li>";
    s += "</ul>";
  }
  s += "<p>" +
       h(tr("Each fact on this page comes from a source below; the numbers in brackets point to it.",
            "本页的每条信息都出自下列来源，方括号中的编号即指向对应来源。")) +
       "</p><ol class=\"sources\">";
  for (size_t i = 0; i < cite.cited().size(); ++i) {
    const auto& src = *cite.cited()[i];
    // A title in italics, or in 《》 in Chinese; then who published it and when, and its address.
    s += fmt::format("<li id=\"source-{}\"><cite>{}</cite>", i + 1, h(trf("{}", "《{}》", tr(src.title))));
    std::string about;
    for (const auto& part : {src.publisher, src.date ? src.date->str() : std::string(),
                             src.accessed ? trf("read {}", "{} 查阅", src.accessed->str()) : std::string()})
      if (!part.empty()) about += tr(", ", "，") + part;
    s += h(about + tr(".", "。"));
    if (!src.url.empty())
      s += " " +
           (linkable(src.url) ? fmt::format("<a href=\"{0}\" rel=\"noreferrer\">{0}</a>", h(src.url)) : h(src.url));
    s += "</li>";
  }
  s += "</ol>";
  for (const auto& a : c.attributions) s += "<p class=\"note\">" + h(a) + "</p>";
  s += "<p class=\"note\">" +
       h(tr("Conditions marked as advice (such as whom a certificate suits) only weigh in the ranking; they never "
            "stop you from sitting an exam.",
            "标为建议的条件（例如证书适合哪些人）只影响排序，从不阻止你报考。")) +
       "</p>";
  return s + "</section>";
}

}  // namespace

std::string render_report_html(const ReportData& r) {
  Citations cite(*r.catalog);
  // The sections in page order, so citations are numbered as a reader meets them.
  std::string body = header(r);
  body += "<main>";
  body += first_steps(r);
  body += certificates(r, cite);
  body += roles(r, cite);
  body += path(r, cite);
  body += sources(r, cite);
  body += "</main>";
  body += "<footer><p>" +
          h(tr("Made with advisor. It explains what its sources say; it is advice, not a decision, and it may "
               "be wrong: check with the issuer before you register for an exam.",
               "由 advisor 生成。它说明的是来源中的信息，是建议而不是决定，也可能有误：报考前请向发证机构核实。")) +
          "</p></footer>";
  std::string s = "<!DOCTYPE html>\n";
  s += fmt::format("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", zh() ? "zh-CN" : "en");
  // Nothing may be fetched: no script, style sheet, font, image or frame, from anywhere.
  s += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  s += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  s += "<title>" + h(page_title(r) + " · " + r.as_of.str()) + "</title>\n";
  s += "<style>" + std::string(k_style) + "</style>\n</head>\n<body>\n";
  s += body;
  s += "\n</body>\n</html>\n";
  return s;
}

}  // namespace advisor::cli
