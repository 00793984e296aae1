#pragma once
// Shared by the fuzz targets: the built-in catalogue, loaded once, and the checks
// every result must pass whatever the input. A failed check aborts, which
// libFuzzer reports as a crash with the input that caused it.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "advisor/catalog_loader.hpp"
#include "advisor/matching.hpp"
#include "advisor/profile_loader.hpp"
#include "advisor/rules.hpp"

namespace advisor::fuzz {

/// The evaluation date every target uses, so a crash reproduces on any day.
inline Date as_of() { return Date{2026, 11, 23}; }

/// The built-in catalogue; it must load cleanly (it is what the product ships).
inline const Catalog& builtin() {
  static const Catalog c = [] {
    Diagnostics d;
    auto cat = load_catalog(builtin_catalog_files(), d);
    if (d.has_errors()) {
      std::fprintf(stderr, "the built-in catalogue does not load\n");
      std::abort();
    }
    return cat;
  }();
  return c;
}

/// Aborts with a message when an invariant fails.
inline void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "invariant failed: %s\n", what);
  std::abort();
}

inline bool unit_score(double s) { return std::isfinite(s) && s >= 0.0 && s <= 1.0 + 1e-9; }

/// Every level of every certificate, the role ranking and the recommendation, with
/// the promises DESIGN.md makes about them checked.
inline void evaluate_everything(const Catalog& c, const Profile& p, Date on) {
  EvalContext ctx{c, p, on};
  for (const auto& cert : c.certificates) {
    for (const auto& level : cert.levels) {
      auto r = check_level(cert, level, ctx);
      require(r.certificate == &cert && r.level == &level, "check_level names its level");
      if (r.status == Outcome::eligible) {
        require(!r.earliest_date, "an eligible level has no earliest date");
        require(r.changes.empty(), "an eligible level needs no changes");
      }
      if (r.earliest_date) require(*r.earliest_date > on, "the earliest date is after the evaluation date");
      for (const auto& ch : r.changes)
        if (ch.date) require(*ch.date >= on, "a change by time happens on or after the evaluation date");
    }
  }
  auto roles = rank_roles(c, p, on);
  // Only the roles with evidence are ranked (docs/scoring.md), each once, none at 0.
  require(roles.size() <= c.roles.size(), "no role is ranked twice");
  for (size_t i = 0; i < roles.size(); ++i) {
    require(unit_score(roles[i].score), "role scores are in [0, 1]");
    require(roles[i].score > 0 && !roles[i].evidence.empty() && !roles[i].fit.empty(),
            "a ranked role has evidence, a fit and a score above 0");
    require(roles[i].missing.size() == roles[i].missing_essential.size(), "missing and missing_essential agree");
    if (i > 0) require(roles[i - 1].score >= roles[i].score, "roles are best first");
  }
  auto rec = recommend(c, p, on);
  for (const auto& s : rec.certificates) require(unit_score(s.score), "certificate scores are in [0, 1]");
}

}  // namespace advisor::fuzz
