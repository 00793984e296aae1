#pragma once
#include <optional>
#include <string>
#include <vector>

#include "advisor/model.hpp"
#include "advisor/rules.hpp"

namespace advisor {

/// One term of a role's score: value in [0, 1], its weight, and what it means.
struct ScoreTerm {
  std::string id;  ///< essential | optional | experience | barrier | goals
  double value = 0;
  double weight = 0;
  double contribution = 0;  ///< weight * value / sum of weights in use
  Text detail;              ///< "3 of 4 essential skills"
};

/// A required skill met only through a more specific one the person has.
struct PartialMatch {
  std::string required;  ///< skill id the role asks for
  std::string via;       ///< the person's skill id beneath it
  double credit = 0;     ///< partial_credit ^ levels apart
  bool essential = true;
};

/// How well one role fits a profile, with every term shown.
struct RoleMatch {
  const Role* role = nullptr;
  double score = 0;
  std::vector<ScoreTerm> terms;
  std::vector<std::string> matched;            ///< skill ids met fully
  std::vector<PartialMatch> partial;           ///< skill ids met partly
  std::vector<std::string> missing;            ///< not met at all: essential first, in role order
  std::vector<bool> missing_essential;         ///< parallel to missing
  std::vector<Text> reasons;
};

/// A certificate suggestion: the level to aim at now and the next step after it.
struct CertificateSuggestion {
  const Certificate* certificate = nullptr;
  LevelResult suggested;                  ///< highest level sittable now, else the soonest
  std::optional<LevelResult> next_step;   ///< the level after it, with its date
  std::vector<LevelResult> levels;        ///< every level, in ladder order
  double score = 0;                       ///< relevance to goals and best-fitting roles
  std::vector<std::string> covers;        ///< missing skills of the top roles its syllabus covers
  std::vector<Text> reasons;
};

/// A certificate level whose syllabus covers skills a role needs.
struct CoveringCertificate {
  const Certificate* certificate = nullptr;
  const CertificateLevel* level = nullptr;  ///< null: the certificate's common syllabus
  std::vector<std::string> covers;
};

/// Everything `recommend` shows.
struct Recommendation {
  Date as_of;
  std::vector<RoleMatch> roles;                      ///< best first
  std::vector<CertificateSuggestion> certificates;   ///< best first
};

/// Resolved skill indices of a profile with the credit each catalogue skill gets
/// (1 for a skill held, partial_credit^d for an ancestor d levels up).
struct SkillCredit {
  std::vector<std::pair<size_t, double>> credit;  ///< skill index → best credit (sorted by index)
  std::vector<size_t> via;                        ///< parallel: the held skill that gives it
  double of(size_t skill) const;
  size_t source_of(size_t skill) const;
};
SkillCredit skill_credit(const Catalog& c, const Profile& p);

RoleMatch match_role(const Catalog& c, const Profile& p, const Role& role, Date as_of);

/// All roles (optionally of one category), best first; ties broken by id. With a
/// limit, only the best `limit` roles are returned (every role is still scored, but
/// only those are built in full, which is what makes large catalogues fast).
std::vector<RoleMatch> rank_roles(const Catalog& c, const Profile& p, Date as_of, const std::string& category = "",
                                  size_t limit = 0);

/// Certificates, best first: eligible now, then by date, then by relevance.
std::vector<CertificateSuggestion> rank_certificates(const Catalog& c, const Profile& p, Date as_of,
                                                     const std::vector<RoleMatch>& ranked_roles);

/// Roles and certificates for a profile. `top` > 0 keeps only the best max(top, 5)
/// roles (the five best inform the certificate ranking); 0 keeps them all.
Recommendation recommend(const Catalog& c, const Profile& p, Date as_of, const std::string& category = "",
                         size_t top = 0);

/// Certificates (and levels) whose syllabus covers any of the given skills, most first.
std::vector<CoveringCertificate> certificates_covering(const Catalog& c, const std::vector<std::string>& skills);

} // namespace advisor
