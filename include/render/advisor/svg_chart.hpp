#pragma once
// Inline SVG charts for the HTML report (`advisor report`, docs/report.md): stacked
// bars and a dated timeline, nothing more. Every text given here is plain text and is
// escaped here; a chart is one <svg> element with its own pattern definitions, a
// <title> and a <desc>, so it needs nothing outside itself, fetches nothing, and reads
// to a screen reader as its title and description. Colours always come with a fill
// pattern or a marker shape, so no series is told apart by colour alone.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "advisor/date.hpp"

namespace advisor::svg {

/// Text for HTML and SVG, in element content or a quoted attribute value: & < > " '
/// as entities, control and format characters made visible (\x1b, \u202e), as
/// escape_controls(text, EscapeStyle::html) does.
std::string escape(std::string_view text);

/// How a series fills its part of a bar.
enum class Fill {
  solid,    ///< the colour
  hatch,    ///< diagonal stripes of the colour on white
  dots,     ///< dots of the colour on white
  cross,    ///< a cross-hatch of the colour on white
  outline,  ///< white, with a dashed border of the colour
};

/// One series of a bar chart: its name (for the legend and the tooltips), a colour
/// ("#1f5f99") and a fill.
struct Series {
  std::string name;
  std::string colour;
  Fill fill = Fill::solid;
};

/// A part of a bar: `value` units of one series.
struct BarSegment {
  size_t series = 0;
  double value = 0;
  std::string tooltip;  ///< shown on hover: what the units stand for
};

/// One bar, with its label written above it.
struct BarRow {
  std::string label;
  std::vector<BarSegment> segments;
};

/// Horizontal stacked bars, one row under another.
struct BarChart {
  std::string id;  ///< unique in the page: prefixes the chart's own ids
  std::string title;
  std::string description;
  std::vector<Series> series;
  std::vector<BarRow> rows;
  double scale = 0;        ///< what a bar of the full width stands for; 0: the longest row's total
  bool unit_cells = true;  ///< whole units drawn as cells with a gap between them (one skill, one cell)
  int width = 640;
};

/// The bar chart as one <svg> element.
std::string bar_chart(const BarChart& chart);

/// A small square filled as the series is, for a legend written in HTML beside it;
/// `id` makes its pattern's id unique in the page.
std::string swatch(const Series& series, const std::string& id);

/// The shape of a timeline marker.
enum class Marker { circle, square, diamond, triangle };

/// A kind of timeline step: its name (legend, tooltips), colour and marker shape.
struct TimelineKind {
  std::string name;
  std::string colour;
  Marker marker = Marker::circle;
};

/// One step of a timeline.
struct TimelineItem {
  std::string label;         ///< what to do
  std::string when;          ///< its date in words: "now", "2027-03 sitting", "after #2", "no date yet"
  std::optional<Date> date;  ///< where it stands; none: in the closing group of steps without a date
  /// false: it stands at `date` because it follows a step there, but has no date of
  /// its own (a hollow marker and a dashed line).
  bool dated = true;
  size_t kind = 0;
};

/// A vertical timeline: time runs down, steps on the same date share a group, the gap
/// between two dates grows with the time between them and says how long it is, the
/// steps without a date come last, and the goal closes it.
struct Timeline {
  std::string id;  ///< unique in the page
  std::string title;
  std::string description;
  std::vector<TimelineKind> kinds;
  std::vector<TimelineItem> items;  ///< drawn in date order, undated ones last; ties keep this order
  std::string goal_label;           ///< the target, drawn at the end
  std::string goal_when;            ///< beside it: when the dated steps are done
  /// The time between two dates in words ("8 months later"); unset: gaps are not labelled.
  std::function<std::string(Date from, Date to)> gap_label;
  int width = 640;
};

/// The timeline as one <svg> element.
std::string timeline(const Timeline& t);

/// A timeline kind's marker on its own, for a legend written in HTML: filled, or
/// hollow as a step without a date of its own is drawn.
std::string marker_swatch(const TimelineKind& kind, bool filled = true);

}  // namespace advisor::svg
