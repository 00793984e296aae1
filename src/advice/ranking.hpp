// Internal to the core: what role ranking and certificate advice share for one profile.
// recommend() works the profile's facts out once and hands them to each step (role
// ranking, the goal roles' matches, certificate advice, next actions), instead of
// each step working them out again. Not part of the public API (include/advisor/).
#pragma once
#include <string>
#include <vector>

#include "advisor/matching.hpp"

namespace advisor::ranking {

/// What ranking needs of a profile, worked out once per profile.
struct ProfileFacts {
  const Profile* profile = nullptr;  ///< the profile they are of (kept by the caller)
  SkillCredit credit;
  std::vector<uint32_t> goal_roles;            ///< role indices of the goal roles, ascending
  std::vector<char> goal_category;             ///< by category index: aimed at, directly or through a goal role
  std::vector<std::string> goal_category_ids;  ///< the same by id, sorted (for a role whose category is unknown)
  bool has_goals = false;                      ///< the profile names goal roles or categories
  std::vector<ExperienceMeasure> experience;   ///< by domain index
  ExperienceMeasure any_experience;            ///< in any domain (every job)
  std::vector<double> years;                   ///< by domain index
  std::vector<double> barrier;                 ///< by category index; < 0: none stated
  double use_total = 0;                        ///< Σ IDF of the person's own skills
  int isced = -1;                              ///< the person's education as an ISCED 2011 level; -1 when not known
  std::vector<uint32_t> related_held;          ///< role indices a held certificate relates to, ascending
};

ProfileFacts facts_of(const Catalog& c, const Profile& p, Date as_of);

/// rank_roles and match_role on facts already worked out. `prose` false: no term
/// details and no reasons (the brief forms); every number and list is the same.
std::vector<RoleMatch> rank_roles(const Catalog& c, const ProfileFacts& f, const std::string& category, size_t limit,
                                  bool prose);
RoleMatch match_role(const Catalog& c, const ProfileFacts& f, const Role& role, bool prose);
/// When no role has evidence: the `n` roles closest to a fit (their score before the
/// evidence gate, above 0), to name as routes; each has score 0 and no fit label.
std::vector<RoleMatch> closest_roles(const Catalog& c, const ProfileFacts& f, const std::string& category, size_t n,
                                     bool prose);

std::vector<CertificateSuggestion> rank_certificates(const Catalog& c, const Profile& p, Date as_of,
                                                     const ProfileFacts& f, const std::vector<RoleMatch>& ranked_roles,
                                                     bool prose);
/// `prose` false: the actions' kinds, ids, levels and dates without their text.
std::vector<NextAction> next_actions(const Catalog& c, const Profile& p, Date as_of, const ProfileFacts& f,
                                     const std::vector<RoleMatch>& ranked_roles,
                                     const std::vector<CertificateSuggestion>& certificates, bool prose);

}  // namespace advisor::ranking
