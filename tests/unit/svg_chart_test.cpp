// The report's charts (advisor/svg_chart.hpp): bars and a timeline as inline SVG,
// every text escaped, nothing fetched, the same bytes every time.
#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

#include "advisor/svg_chart.hpp"
#include "advisor/text.hpp"

using namespace advisor;
using namespace advisor::svg;

namespace {

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

/// Every element opened is closed, in order (self-closing ones aside): the chart is
/// well-formed markup whatever its texts held.
bool balanced(const std::string& svg) {
  std::vector<std::string> open;
  std::regex tag(R"re(<(/?)([a-zA-Z]+)[^<>]*?(/?)>)re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), tag); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    if (m[3] == "/") continue;
    if (m[1] == "/") {
      if (open.empty() || open.back() != m[2]) return false;
      open.pop_back();
    } else {
      open.push_back(m[2]);
    }
  }
  return open.empty();
}

/// The (x, width) of each <rect> drawn in the bars, in order, patterns' own rects left out.
std::vector<std::pair<std::string, std::string>> bar_rects(const std::string& svg) {
  std::string body = svg.substr(svg.find("</defs>") == std::string::npos ? 0 : svg.find("</defs>"));
  std::vector<std::pair<std::string, std::string>> out;
  std::regex rect(R"re(<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)")re");
  for (auto it = std::sregex_iterator(body.begin(), body.end(), rect); it != std::sregex_iterator(); ++it)
    out.emplace_back((*it)[1], (*it)[2]);
  return out;
}

BarChart skills_chart() {
  BarChart c;
  c.id = "role-1-chart";
  c.title = "AI project manager: skills";
  c.description = "Essential: 2 you have, 1 missing.";
  c.series = {{"You have it", "#1f5f99", Fill::solid},
              {"Shown by other evidence", "#1b6e4f", Fill::hatch},
              {"Missing", "#b3261e", Fill::outline}};
  c.rows = {{"Essential skills: 3", {{0, 2, "You have it: Python, SQL"}, {2, 1, "Missing: Statistics"}}},
            {"Optional skills: 1", {{1, 1, "Shown by other evidence: Excel"}}}};
  c.width = 402;
  return c;
}

}  // namespace

TEST_CASE("html escaping writes the five markup characters as entities and shows controls", "[render][svg]") {
  CHECK(escape("<script>alert(\"x\" + 'y')</script> & co") ==
        "&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;)&lt;/script&gt; &amp; co");
  // Controls and the format characters that reorder text are shown, never passed on.
  CHECK(escape("a\x1b[2Jb\xe2\x80\xae\xc2\x9b\xff") == "a\\x1b[2Jb\\u202e\\u009b\\xff");
  // Newline and tab are white space in HTML; CJK and emoji pass untouched.
  CHECK(escape("一\n二\t😀") == "一\n二\t😀");
  CHECK(escape_controls("<&>", EscapeStyle::html) == "&lt;&amp;&gt;");
}

TEST_CASE("a bar chart draws one cell a unit, each series with its own fill", "[render][svg]") {
  auto svg = bar_chart(skills_chart());
  CHECK(svg.rfind("<svg class=\"chart bars\" width=\"402\"", 0) == 0);
  CHECK(svg.size() > 10);
  CHECK(svg.substr(svg.size() - 6) == "</svg>");
  CHECK(balanced(svg));
  // The accessible name and description, referenced from the root.
  CHECK(count(svg, "aria-labelledby=\"role-1-chart-title role-1-chart-desc\"") == 1);
  CHECK(count(svg, "<title id=\"role-1-chart-title\">AI project manager: skills</title>") == 1);
  CHECK(count(svg, "<desc id=\"role-1-chart-desc\">Essential: 2 you have, 1 missing.</desc>") == 1);
  // A pattern for the hatched series only; the solid one is its colour, the outline dashed.
  CHECK(count(svg, "<pattern ") == 1);
  CHECK(count(svg, "<pattern id=\"role-1-chart-s1\"") == 1);
  CHECK(count(svg, "fill=\"url(#role-1-chart-s1)\"") == 1);
  CHECK(count(svg, "fill=\"#1f5f99\" stroke=\"#1f5f99\"") == 2);
  CHECK(count(svg, "stroke-dasharray=\"4 3\"") == 1);
  // Tooltips name what each segment stands for.
  CHECK(count(svg, "<title>You have it: Python, SQL</title>") == 1);
  // The longest row (3 units) spans the width: 400 / 3 a unit, cells 3 apart.
  auto rects = bar_rects(svg);
  REQUIRE(rects.size() == 4);
  CHECK(rects[0] == std::pair<std::string, std::string>{"1.8", "128.8"});
  CHECK(rects[1].first == "135.1");
  CHECK(rects[2].first == "268.4");
  CHECK(rects[3] == std::pair<std::string, std::string>{"1.8", "128.8"});
}

TEST_CASE("a bar chart's scale can be wider than its longest row, never narrower", "[render][svg]") {
  auto c = skills_chart();
  c.scale = 4;  // roles side by side share one scale: 100 a unit
  auto rects = bar_rects(bar_chart(c));
  REQUIRE(rects.size() == 4);
  CHECK(rects[0].second == "95.5");
  CHECK(rects[2].first == "201.8");
  c.scale = 2;  // a row longer than the scale widens it
  CHECK(bar_rects(bar_chart(c))[0].second == "128.8");
  c.unit_cells = false;  // one rect a segment
  CHECK(bar_rects(bar_chart(c)).size() == 3);
}

TEST_CASE("a chart's texts are escaped, so a name cannot become markup", "[render][svg]") {
  auto c = skills_chart();
  c.id = "x\"onload=\"alert(1)";
  c.title = "<script>alert(1)</script>";
  c.rows[0].label = "Li\xe2\x80\xae <img src=x onerror=alert(1)>";
  c.rows[0].segments[0].tooltip = "</title><script>";
  auto svg = bar_chart(c);
  CHECK(balanced(svg));
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("<img") == std::string::npos);
  CHECK(svg.find("\xe2\x80\xae") == std::string::npos);
  CHECK(svg.find("Li\\u202e &lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(svg.find("id=\"x&quot;onload=&quot;alert(1)-title\"") != std::string::npos);
}

TEST_CASE("a chart refers to nothing outside itself", "[render][svg]") {
  Timeline t;
  t.id = "path";
  t.kinds = {{"Skill", "#1f5f99", Marker::circle}, {"Certificate", "#8a5300", Marker::square}};
  t.items = {{"1. Learn Python", "now", Date{2026, 11, 23}, false, 0},
             {"2. Sit CAIP", "2027-01 sitting", Date{2027, 1, 1}, true, 1}};
  t.goal_label = "Goal: data analyst";
  for (const auto& svg : {bar_chart(skills_chart()), timeline(t), swatch({"Hatch", "#000000", Fill::hatch}, "k-1"),
                          marker_swatch(t.kinds[1])}) {
    CHECK(balanced(svg));
    CHECK(svg.find("http") == std::string::npos);
    CHECK(svg.find("href") == std::string::npos);
    CHECK(svg.find("<image") == std::string::npos);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("<style") == std::string::npos);
    // url() only ever names a pattern of the same chart.
    for (size_t at = svg.find("url("); at != std::string::npos; at = svg.find("url(", at + 1))
      CHECK(svg.compare(at, 5, "url(#") == 0);
  }
}

TEST_CASE("a timeline puts steps in date order, undated ones last, and says how far apart they are", "[render][svg]") {
  Timeline t;
  t.id = "path";
  t.title = "The path";
  t.kinds = {{"Skill", "#1f5f99", Marker::circle},
             {"Certificate", "#8a5300", Marker::square},
             {"Experience", "#1b6e4f", Marker::triangle}};
  t.items = {{"3. Sit the senior level", "no date yet", std::nullopt, false, 1},
             {"2. Sit the intermediate level", "2027-07-23", Date{2027, 7, 23}, true, 1},
             {"1. Learn Python", "now", Date{2026, 11, 23}, false, 0},
             {"4. A year of AIGC work", "2027-11-23", Date{2027, 11, 23}, true, 2}};
  t.goal_label = "Goal: AIGC engineer";
  t.goal_when = "2027-11-23";
  std::vector<std::pair<std::string, std::string>> asked;
  t.gap_label = [&](Date from, Date to) {
    asked.emplace_back(from.str(), to.str());
    return "later: " + to.str();
  };
  auto svg = timeline(t);
  CHECK(balanced(svg));
  auto at = [&](const std::string& s) { return svg.find(s); };
  CHECK(at(">1. Learn Python<") < at(">2. Sit the intermediate level<"));
  CHECK(at(">2. Sit the intermediate level<") < at(">4. A year of AIGC work<"));
  CHECK(at(">4. A year of AIGC work<") < at(">3. Sit the senior level<"));
  CHECK(at(">3. Sit the senior level<") < at(">Goal: AIGC engineer<"));
  // One gap label between each two dates that differ, none into the undated group.
  CHECK(asked ==
        std::vector<std::pair<std::string, std::string>>{{"2026-11-23", "2027-07-23"}, {"2027-07-23", "2027-11-23"}});
  CHECK(count(svg, ">later: ") == 2);
  // Shapes by kind; a step without a date of its own is hollow, and its line dashed.
  CHECK(count(svg, "<circle ") == 1 + 2);  // the skill, and the goal's ring and dot
  CHECK(count(svg, "<polygon ") == 1);
  CHECK(count(svg, "fill=\"#ffffff\" stroke=\"#1f5f99\" stroke-width=\"2\"") == 1);
  CHECK(count(svg, "fill=\"#ffffff\" stroke=\"#8a5300\" stroke-width=\"2\"") == 1);
  CHECK(count(svg, "fill=\"#8a5300\" stroke=\"#8a5300\"") == 1);
  CHECK(count(svg, "<line ") == 4);
  // Dashed: into and out of the steps without a date of their own, and on to the goal after one.
  CHECK(count(svg, "stroke-dasharray=\"5 4\"") == 3);
  CHECK(count(svg, "<title>Certificate: 3. Sit the senior level (no date yet)</title>") == 1);
  // The same input, the same bytes.
  CHECK(timeline(t) == svg);
}

TEST_CASE("a long timeline label wraps to two lines, then is cut", "[render][svg]") {
  Timeline t;
  t.id = "path";
  t.width = 600;
  t.items = {{"1. Sit AIGC Application Engineer professional certification – Intermediate", "now", Date{2026, 11, 23},
              true, 0},
             {std::string(300, 'x'), "now", Date{2026, 11, 23}, true, 0},
             {"3. 报考AIGC应用工程师职业技术认证中级以及更多更多更多更多更多更多更多的文字", "现在", Date{2026, 11, 23},
              true, 0}};
  auto svg = timeline(t);
  CHECK(balanced(svg));
  // Broken at a space: two <text> lines.
  CHECK(svg.find(">1. Sit AIGC Application Engineer professional<") != std::string::npos);
  CHECK(svg.find(">certification – Intermediate<") != std::string::npos);
  // No space to break at: broken between characters (CJK), the rest cut with an ellipsis
  // when even two lines are too few.
  CHECK(count(svg, "xxx…<") == 1);
  CHECK(count(svg, "…<") == 1);
  CHECK(svg.find(">3. 报考AIGC应用工程师职业技术认证中级以及更多") != std::string::npos);
  CHECK(is_valid_utf8(svg));
  // Repeated dates are written once: one "now", one "现在".
  CHECK(count(svg, ">now<") == 1);
  CHECK(count(svg, ">现在<") == 1);
}
