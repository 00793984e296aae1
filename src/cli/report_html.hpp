#pragma once
// The page `advisor report` writes: one self-contained HTML5 document (docs/report.md).
#include <optional>
#include <string>
#include <vector>

#include "advisor/matching.hpp"
#include "advisor/planning.hpp"
#include "advisor/rules.hpp"
#include "common.hpp"

namespace advisor::cli {

/// Why the path leads to the role it does.
enum class TargetChoice {
  none,   ///< no path: no goal role, no role with evidence, none named
  named,  ///< --role
  goal,   ///< the person's first goal role
  best,   ///< the best-fitting role
};

/// What the page shows: the core's results for one person on one date, the same
/// `recommend`, `check` and `plan` compute. The renderer decides nothing.
struct ReportData {
  const Catalog* catalog = nullptr;
  const Profile* profile = nullptr;
  Date as_of;
  Recommendation recommendation;    ///< what to do first; the roles, best first
  size_t top = 3;                   ///< roles shown (0: every role of the recommendation)
  std::vector<LevelResult> levels;  ///< every certificate level, in catalogue order (as `check` gives them)
  std::optional<Plan> plan;         ///< the path to the target role
  TargetChoice target = TargetChoice::none;
};

/// The whole page in the output language: bytes that depend on the data and the
/// language alone (no clock, no environment), every text escaped, nothing fetched.
std::string render_report_html(const ReportData& r);

}  // namespace advisor::cli
