#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "advisor/date.hpp"
#include "advisor/model.hpp"
#include "advisor/text.hpp"

namespace advisor {

/// One thing to do on the way to a role: learn a skill, sit a certificate level,
/// accumulate experience, or add a missing field to the profile.
struct PlanStep {
  std::string kind;   ///< skill | certificate | experience | profile
  std::string id;     ///< skill id, certificate id, experience domain id ("work": any), profile field
  std::string level;  ///< certificate level id; empty for other kinds
  Text name;
  Text reason;  ///< why the step is there: the skill it fills, the rule branch it serves
  /// The earliest date it can happen; empty when no date can be known (learning a
  /// skill, an action the rules cannot time, data the profile lacks).
  std::optional<Date> earliest_date;
  std::optional<std::string> sitting;  ///< exam sitting aimed at (YYYY-MM); empty: none stated
  std::vector<size_t> after;           ///< indices of the steps it depends on
};

/// The road to a role, steps in the order to take them.
struct Plan {
  Date as_of;
  const Role* target = nullptr;
  std::vector<PlanStep> steps;
  double score_now = 0;        ///< the role's fit today (match_role)
  size_t states_explored = 0;  ///< certificate states the search settled
  bool search_capped = false;  ///< the state cap was hit: the plan may not be the quickest
};

/// Most certificate states plan_path explores before settling for the best found.
constexpr size_t k_plan_max_states = 10'000;

/// Plans the path from a profile to a role: the skills the role needs that the person
/// lacks, and the quickest sequence of certificate levels (a shortest path over the
/// sets of levels held, by date, with eligibility decided by the rules engine). Pure:
/// no I/O, no clock.
Plan plan_path(const Catalog& catalog, const Profile& profile, const Role& target, Date as_of);

}  // namespace advisor
