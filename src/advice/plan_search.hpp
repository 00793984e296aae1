// Planning's certificate search: which certificate levels a plan aims at (scope_of)
// and the quickest dated sequence of sittings that reaches them, found as a shortest
// path (by date) over the sets of levels held (Search). planning.cpp turns the path
// into steps with reasons. Internal to the core: only planning.cpp includes it.
#pragma once
#include <algorithm>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "advisor/date.hpp"
#include "advisor/model.hpp"
#include "advisor/planning.hpp"

namespace advisor::plan_search {

/// Which certificates the plan aims at, and how far up each ladder.
struct Scope {
  std::vector<int> top;  ///< per certificate: highest level to hold (-1: not aimed at)
  std::vector<int> cap;  ///< per certificate: highest level worth sitting (targets and their prerequisites)
  std::vector<bool> related;
  std::vector<std::vector<std::string>> covers;  ///< skills its syllabus covers, in the role's order
};

/// The certificate levels `holds` conditions in a rule name: (certificate, level) pairs.
void holds_refs(const Rule& r, std::vector<std::pair<std::string, std::string>>& out);

/// A minimal set of certificate levels: greedily, the level that teaches the most of
/// what is still missing (each skill weighted by its specificity), the lowest level of
/// a ladder that does it, until nothing missing is taught by any. A certificate that
/// teaches nothing new is never a step (unless a later step's rules need it: see cap).
/// `ladder` (ladder_levels): per certificate, the lowest level a plan may aim at, the
/// level the one ladder decision suggests, so `plan` never aims below what `recommend`
/// suggests or below a level held. `preference` (certificate_preference): per
/// certificate, its place in `recommend`'s list; of two that teach as much, the one
/// placed first is taken when it does so at the level `recommend` suggests, so `plan`
/// names the certificate `recommend` suggests. Called only on the first such tie, as
/// it ranks the person's roles and certificates (none: the catalogue's order).
Scope scope_of(const Catalog& c, const Role& target, const std::vector<std::string>& needs,
               const std::vector<int>& ladder, const std::function<std::vector<size_t>()>& preference = {});

/// A set of certificate levels held (per certificate, the highest level index, since
/// `holds` counts a higher level too) and the date it is reached.
struct Node {
  std::vector<int> held;
  Date date;
  long total = 0;  ///< sum of the sitting dates in days: prefers fewer and earlier sittings
  int parent = -1;
  size_t cert = 0;  ///< the level sat to reach this state
  int level = -1;
  Date eligible;  ///< when that level became open
  std::optional<std::string> sitting;
  bool settled = false;
};

/// The search itself: run() once, then read the states, the best one and the path to it.
class Search {
 public:
  Search(const Catalog& c, const Profile& p, Date as_of, const Scope& scope)
      : m_c(c), m_p(p), m_as_of(as_of), m_scope(scope) {}

  /// Dijkstra over states by date. Among states reached on the same date the one with
  /// more progress goes first, then fewer and earlier sittings, then the levels held,
  /// so the search heads straight for the goal and the result is deterministic.
  void run();

  /// Every state reached; a state's `parent` leads back to the start (index 0).
  const std::vector<Node>& nodes() const { return m_nodes; }
  /// The goal state, or the state with the most progress when no goal was reached.
  size_t best() const { return m_best; }
  /// How many states were settled (the plan's states_explored).
  size_t settled() const { return std::min(m_settled, k_plan_max_states); }
  /// Whether the search stopped at k_plan_max_states.
  bool capped() const { return m_capped; }

  /// The profile as it would be in a state: planned levels added as held on their dates.
  Profile profile_at(size_t idx) const;

  /// The latest exam month already used for a certificate on the path to a state.
  std::optional<std::string> last_sitting(size_t idx, size_t cert) const;

  /// How far a set of held levels goes toward the targets: the rungs of the target
  /// ladders held, up to each target level.
  int progress(const std::vector<int>& held) const;

 private:
  /// Sets the goal: per certificate, the highest target level some sequence of
  /// sittings and waiting can reach. Found as a fixpoint from a profile that holds
  /// every level found reachable so far; targets that need an action the rules cannot
  /// time (study hours) or data the profile lacks stay out, so the search can end.
  void aim(const std::vector<int>& start);

  bool is_goal(const std::vector<int>& held) const;

  /// Sits each level worth sitting from a state, on the date it opens; returns the
  /// states improved.
  std::vector<size_t> expand(size_t idx);

  const Catalog& m_c;
  const Profile& m_p;
  Date m_as_of;
  const Scope& m_scope;
  std::vector<Node> m_nodes;
  std::vector<int> m_goal;  ///< per certificate: the level the search aims to hold (-1: none)
  std::map<std::vector<int>, size_t> m_index;
  size_t m_best = 0;
  size_t m_settled = 0;
  bool m_capped = false;
};

}  // namespace advisor::plan_search
