#include "advisor/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "advisor/text.hpp"

namespace advisor::svg {

namespace {

constexpr const char* k_ink = "#1a1a1a";    ///< text: 17:1 on white
constexpr const char* k_muted = "#4d4d4d";  ///< secondary text: 8.5:1 on white
constexpr const char* k_axis = "#6b6b6b";   ///< lines: 5.3:1 on white

/// A coordinate or length: rounded to a tenth, written without a trailing ".0", so the
/// bytes do not depend on floating-point noise.
std::string num(double x) {
  double r = std::round(x * 10) / 10;
  if (r == 0) r = 0;  // no "-0"
  return fmt::format("{:g}", r);
}

/// Roughly how wide a text is in pixels at a font size: a CJK character (two columns)
/// 1.1 em, anything else 0.55 em, the average of the wider sans-serif faces (DejaVu
/// Sans), so that a text that fits by this measure fits in any of them.
double text_width(std::string_view text, double font_px) { return display_width(text) * 0.55 * font_px; }

/// The text cut with "…" to fit `max_px` at `font_px`; never inside a character.
std::string fit(const std::string& text, double max_px, double font_px) {
  if (text_width(text, font_px) <= max_px) return text;
  std::string out;
  double used = text_width("…", font_px);
  for (size_t i = 0; i < text.size();) {
    size_t n = std::max<size_t>(1, utf8_sequence_length(text, i));
    double w = text_width(std::string_view(text).substr(i, n), font_px);
    if (used + w > max_px) break;
    out.append(text, i, n);
    used += w;
    i += n;
  }
  return out + "…";
}

/// The text in at most two lines that fit `max_px`: broken at the last space that
/// fits (or between two characters when none does, as CJK text needs), the second
/// line cut with "…" if it is still too long.
std::vector<std::string> wrap2(const std::string& text, double max_px, double font_px) {
  if (text_width(text, font_px) <= max_px) return {text};
  size_t cut = 0, space = std::string::npos;
  double used = 0;
  for (size_t i = 0; i < text.size();) {
    size_t n = std::max<size_t>(1, utf8_sequence_length(text, i));
    double w = text_width(std::string_view(text).substr(i, n), font_px);
    if (used + w > max_px) break;
    if (text[i] == ' ') space = i;
    used += w;
    i += n;
    cut = i;
  }
  size_t at = space != std::string::npos && space > cut / 2 ? space : cut;
  std::string rest = text.substr(at);
  while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
  return {text.substr(0, at), fit(rest, max_px, font_px)};
}

/// The <pattern> a fill needs, or "" for solid and outline fills.
std::string pattern_def(const std::string& id, const std::string& colour, Fill fill) {
  const std::string c = escape(colour);
  switch (fill) {
    case Fill::hatch:
      return fmt::format(
          "<pattern id=\"{0}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
          "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
          "<rect width=\"3\" height=\"6\" fill=\"{1}\"/></pattern>",
          escape(id), c);
    case Fill::dots:
      return fmt::format(
          "<pattern id=\"{0}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
          "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><circle cx=\"3\" cy=\"3\" r=\"1.6\" fill=\"{1}\"/>"
          "</pattern>",
          escape(id), c);
    case Fill::cross:
      return fmt::format(
          "<pattern id=\"{0}\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\">"
          "<rect width=\"7\" height=\"7\" fill=\"#ffffff\"/>"
          "<path d=\"M0 0L7 7M7 0L0 7\" stroke=\"{1}\" stroke-width=\"1.2\"/></pattern>",
          escape(id), c);
    case Fill::solid:
    case Fill::outline:
      break;
  }
  return {};
}

/// The fill and stroke attributes of a shape of the series; `pattern` is its
/// pattern's id.
std::string paint(const Series& s, const std::string& pattern) {
  const std::string c = escape(s.colour);
  switch (s.fill) {
    case Fill::solid:
      return fmt::format("fill=\"{0}\" stroke=\"{0}\" stroke-width=\"1.5\"", c);
    case Fill::outline:
      return fmt::format("fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"", c);
    case Fill::hatch:
    case Fill::dots:
    case Fill::cross:
      break;
  }
  return fmt::format("fill=\"url(#{})\" stroke=\"{}\" stroke-width=\"1.5\"", escape(pattern), c);
}

/// The opening <svg> tag with its accessible name and description.
std::string open_svg(const std::string& id, const std::string& cls, double width, double height,
                     const std::string& title, const std::string& description) {
  std::string s = fmt::format(
      "<svg class=\"{0}\" width=\"{1}\" height=\"{2}\" viewBox=\"0 0 {1} {2}\" role=\"img\" "
      "aria-labelledby=\"{3}-title{4}\">",
      cls, num(width), num(height), escape(id), description.empty() ? "" : " " + escape(id) + "-desc");
  s += fmt::format("<title id=\"{}-title\">{}</title>", escape(id), escape(title));
  if (!description.empty()) s += fmt::format("<desc id=\"{}-desc\">{}</desc>", escape(id), escape(description));
  return s;
}

std::string text_at(double x, double y, const std::string& text, double font_px, const char* colour,
                    const char* extra = "") {
  return fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{}\"{}>{}</text>", num(x), num(y), num(font_px),
                     colour, extra, escape(text));
}

/// A marker centred on (x, y): filled when `filled`, else white with a thick border.
std::string marker_shape(const TimelineKind& k, double x, double y, bool filled) {
  const std::string c = escape(k.colour);
  std::string paint_attrs = filled ? fmt::format("fill=\"{0}\" stroke=\"{0}\" stroke-width=\"1.5\"", c)
                                   : fmt::format("fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"2\"", c);
  switch (k.marker) {
    case Marker::circle:
      return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"6.5\" {}/>", num(x), num(y), paint_attrs);
    case Marker::square:
      return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" {}/>", num(x - 6), num(y - 6),
                         paint_attrs);
    case Marker::diamond:
      return fmt::format("<polygon points=\"{},{} {},{} {},{} {},{}\" {}/>", num(x), num(y - 8), num(x + 8), num(y),
                         num(x), num(y + 8), num(x - 8), num(y), paint_attrs);
    case Marker::triangle:
      return fmt::format("<polygon points=\"{},{} {},{} {},{}\" {}/>", num(x), num(y - 8), num(x + 8), num(y + 6),
                         num(x - 8), num(y + 6), paint_attrs);
  }
  return {};
}

}  // namespace

std::string escape(std::string_view text) { return escape_controls(text, EscapeStyle::html); }

std::string bar_chart(const BarChart& chart) {
  constexpr double k_label = 20;  // the label line above a bar
  constexpr double k_bar = 22;
  constexpr double k_after = 12;  // space under a bar
  constexpr double k_font = 14;
  const double width = std::max(chart.width, 120);
  double scale = chart.scale;
  for (const auto& row : chart.rows) {
    double total = 0;
    for (const auto& seg : row.segments) total += std::max(0.0, seg.value);
    scale = std::max(scale, total);
  }
  const double height = std::max(1.0, chart.rows.size() * (k_label + k_bar + k_after));
  std::string s = open_svg(chart.id, "chart bars", width, height, chart.title, chart.description);
  std::string defs;
  for (size_t i = 0; i < chart.series.size(); ++i)
    defs += pattern_def(fmt::format("{}-s{}", chart.id, i), chart.series[i].colour, chart.series[i].fill);
  if (!defs.empty()) s += "<defs>" + defs + "</defs>";
  const double unit = scale > 0 ? (width - 2) / scale : 0;
  double y = 0;
  for (const auto& row : chart.rows) {
    s += text_at(0, y + 14, fit(row.label, width, k_font), k_font, k_ink);
    double x = 1, top = y + k_label;
    for (const auto& seg : row.segments) {
      if (seg.series >= chart.series.size() || !(seg.value > 0)) continue;
      const auto& series = chart.series[seg.series];
      std::string attrs = paint(series, fmt::format("{}-s{}", chart.id, seg.series));
      s += "<g>";
      if (!seg.tooltip.empty()) s += "<title>" + escape(seg.tooltip) + "</title>";
      bool cells = chart.unit_cells && seg.value == std::floor(seg.value) && seg.value <= 1000;
      if (cells) {
        // One cell a unit, a gap between them (none when cells are too narrow to show one).
        double gap = unit >= 10 ? 3 : 0;
        for (int k = 0; k < static_cast<int>(seg.value); ++k)
          s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}/>", num(x + k * unit + 0.75),
                           num(top + 0.75), num(std::max(1.0, unit - gap - 1.5)), num(k_bar - 1.5), attrs);
      } else {
        s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}/>", num(x + 0.75), num(top + 0.75),
                         num(std::max(1.0, seg.value * unit - 1.5)), num(k_bar - 1.5), attrs);
      }
      s += "</g>";
      x += seg.value * unit;
    }
    y += k_label + k_bar + k_after;
  }
  return s + "</svg>";
}

std::string swatch(const Series& series, const std::string& id) {
  std::string s = "<svg class=\"swatch\" width=\"16\" height=\"16\" viewBox=\"0 0 16 16\" aria-hidden=\"true\">";
  if (auto def = pattern_def(id, series.colour, series.fill); !def.empty()) s += "<defs>" + def + "</defs>";
  s += fmt::format("<rect x=\"1\" y=\"1\" width=\"14\" height=\"14\" {}/>", paint(series, id));
  return s + "</svg>";
}

std::string marker_swatch(const TimelineKind& kind, bool filled) {
  return "<svg class=\"swatch\" width=\"18\" height=\"18\" viewBox=\"0 0 18 18\" aria-hidden=\"true\">" +
         marker_shape(kind, 9, 9, filled) + "</svg>";
}

std::string timeline(const Timeline& t) {
  constexpr double k_row = 30;   // one line of label
  constexpr double k_line = 18;  // each further line
  constexpr double k_font = 14;
  constexpr double k_when_font = 12.5;
  const double width = std::max(t.width, 240);
  const double axis = std::min(170.0, width * 0.3);  // the when column is left of it
  const double label_x = axis + 18;
  const double label_px = width - label_x - 4;
  // Dated steps by date, then the rest; ties keep the caller's order.
  std::vector<const TimelineItem*> items;
  for (const auto& item : t.items) items.push_back(&item);
  std::stable_sort(items.begin(), items.end(), [](const TimelineItem* a, const TimelineItem* b) {
    if (a->date.has_value() != b->date.has_value()) return a->date.has_value();
    return a->date && *a->date < *b->date;
  });
  std::vector<std::vector<std::string>> labels;
  for (const auto* item : items) labels.push_back(wrap2(item->label, label_px, k_font));
  // Positions first: the gap before each row grows with the time since the row above.
  std::vector<double> ys;
  std::vector<std::pair<double, std::string>> gaps;  // (middle of the gap, its words)
  double y = 18;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      y += k_row + (labels[i - 1].size() - 1) * k_line;
      const auto* prev = items[i - 1];
      const auto* cur = items[i];
      if (prev->date && cur->date && *cur->date > *prev->date) {
        double months = static_cast<double>(cur->date->days() - prev->date->days()) / 30.44;
        double gap = 14 + std::min(60.0, 10 * std::sqrt(months));
        if (t.gap_label) gaps.emplace_back(y + gap / 2 - k_row / 2, t.gap_label(*prev->date, *cur->date));
        y += gap;
      } else if (prev->date && !cur->date) {
        y += 10;
      }
    }
    ys.push_back(y);
  }
  double goal_y = items.empty() ? y : y + k_row + (labels.back().size() - 1) * k_line + 10;
  double height = goal_y + 22;
  std::string s = open_svg(t.id, "chart timeline", width, height, t.title, t.description);
  // The axis: solid between steps that both have a date, dashed where either has none.
  double from = items.empty() ? goal_y : ys.front();
  for (size_t i = 1; i <= items.size(); ++i) {
    double to = i < items.size() ? ys[i] : goal_y;
    bool solid =
        items[i - 1]->dated && items[i - 1]->date && (i == items.size() || (items[i]->dated && items[i]->date));
    s += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"2\"{4}/>",
                     num(axis), num(from), num(to), k_axis, solid ? "" : " stroke-dasharray=\"5 4\"");
    from = to;
  }
  for (const auto& [gy, words] : gaps)
    s += text_at(axis - 16, gy + 4, fit(words, axis - 20, 11.5), 11.5, k_muted,
                 " text-anchor=\"end\" font-style=\"italic\"");
  std::string last_when;
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& item = *items[i];
    TimelineKind kind = item.kind < t.kinds.size() ? t.kinds[item.kind] : TimelineKind{"", k_ink, Marker::circle};
    s += "<g>";
    std::string tip = kind.name.empty() ? item.label : kind.name + ": " + item.label;
    s += "<title>" + escape(tip + " (" + item.when + ")") + "</title>";
    if (i == 0 || item.when != last_when)
      s += text_at(axis - 16, ys[i] + 4.5, fit(item.when, axis - 20, k_when_font), k_when_font, k_ink,
                   " text-anchor=\"end\"");
    last_when = item.when;
    s += marker_shape(kind, axis, ys[i], item.dated && item.date.has_value());
    for (size_t l = 0; l < labels[i].size(); ++l)
      s += text_at(label_x, ys[i] + 5 + l * k_line, labels[i][l], k_font, k_ink);
    s += "</g>";
  }
  // The goal: a ring and a dot, the target's name in bold.
  s += "<g>";
  s += fmt::format(
      "<circle cx=\"{0}\" cy=\"{1}\" r=\"9\" fill=\"#ffffff\" stroke=\"{2}\" stroke-width=\"2.5\"/>"
      "<circle cx=\"{0}\" cy=\"{1}\" r=\"4\" fill=\"{2}\"/>",
      num(axis), num(goal_y), k_ink);
  if (!t.goal_when.empty())
    s += text_at(axis - 16, goal_y + 4.5, fit(t.goal_when, axis - 20, k_when_font), k_when_font, k_ink,
                 " text-anchor=\"end\"");
  s += text_at(label_x, goal_y + 5, fit(t.goal_label, label_px, k_font * 1.1), k_font, k_ink, " font-weight=\"bold\"");
  s += "</g>";
  return s + "</svg>";
}

}  // namespace advisor::svg
