#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "advisor/model.hpp"
#include "advisor/rules.hpp"

namespace advisor {

/// One term of a score: value in [0, 1], its weight, and what it means.
struct ScoreTerm {
  std::string id;  ///< roles: essential | optional | use | experience | barrier | goals;
                   ///< certificates: covers | related | suits
  double value = 0;
  double weight = 0;
  double contribution = 0;  ///< weight * value / sum of weights in use
  Text detail;              ///< "3 of 4 essential skills"
};

/// Where the evidence for a skill comes from (docs/scoring.md, "Evidence").
enum class Evidence : std::uint8_t {
  declared,     ///< the person's own skill, or one it proves or is more general than
  work,         ///< years of work in a domain that implies it
  title,        ///< named in a job title
  certificate,  ///< taught by a certificate held
};

/// A required skill met through evidence other than declaring it: a more specific or
/// more general skill, years of work, a job title, a certificate held. In full
/// (credit 1: RoleMatch::proven) or in part (RoleMatch::partial).
struct PartialMatch {
  std::string required;  ///< skill id the role asks for
  std::string via;       ///< the skill the evidence is for (the person's, or the implied one)
  double credit = 0;     ///< the evidence's credit, through the skill tree
  bool essential = true;
  Evidence evidence = Evidence::declared;
  /// work: the domain and the months worked in it (the same figure everywhere).
  std::string inferred_domain;
  double inferred_years = 0;
  int inferred_months = 0;
  /// title: the job title's text; certificate: the certificate's id.
  std::string from;
};

/// How well one role fits a profile, with every term shown.
struct RoleMatch {
  const Role* role = nullptr;
  double score = 0;
  std::vector<ScoreTerm> terms;
  std::vector<std::string> matched;     ///< skill ids met fully
  std::vector<PartialMatch> proven;     ///< those of `matched` met through other evidence, with where from
  std::vector<PartialMatch> partial;    ///< skill ids met partly
  std::vector<std::string> missing;     ///< not met at all, transversal ones left out: essential first, in role order
  std::vector<bool> missing_essential;  ///< parallel to missing
  /// Transversal skills the role asks for that the profile does not show ("also asked for").
  std::vector<std::string> also_asked;
  /// strong | good | partial | weak, from the score (scoring.fit); "" when the role has no evidence.
  std::string fit;
  /// What the fit rests on: "skills" (a skill that is not transversal, met or proven),
  /// "experience" (work in the role's domains), "certificate" (a related one held), "goal".
  std::vector<std::string> evidence;
  std::vector<Text> reasons;
};

/// A certificate suggestion: the level that suits the person and the next step after it.
struct CertificateSuggestion {
  const Certificate* certificate = nullptr;
  LevelResult suggested;                 ///< the level that suits the person (see docs/scoring.md)
  std::optional<LevelResult> next_step;  ///< the level after it
  /// The fastest route to the next step the rules allow: "now" (open today), "through"
  /// (sit the suggested level, then the next through it), "wait" (time alone), or "" (none).
  std::string next_route;
  std::optional<Date> next_date;    ///< the date of that route, when it can be known
  std::vector<LevelResult> levels;  ///< every level, in ladder order (empty in the brief form)
  double score = 0;                 ///< value to this person: sum of `terms`
  std::vector<ScoreTerm> terms;     ///< covers | related | suits
  bool below_floor = false;         ///< under the catalogue's relevance floor: recommend leaves it out
  /// Not open, and only a degree the person neither holds nor studies for would open
  /// it (years away): ranked after the certificates work, time or study hours open.
  bool needs_degree = false;
  bool held = false;  ///< the person holds its top level already
  /// related to a goal role, a role in a goal category or a best-fitting role: it opens a door
  bool opens_door = false;
  std::vector<std::string> covers;  ///< missing skills of the goal and best-fitting roles its syllabus covers
  std::vector<Text> reasons;
};

/// What to do first: a certificate to sit, a skill to learn, and the step after.
struct NextAction {
  std::string kind;   ///< certificate | skill | role (fits now) | then
  std::string id;     ///< certificate or skill id
  std::string level;  ///< certificate level; empty otherwise
  std::optional<Date> date;
  Text text;
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
  std::vector<RoleMatch> roles;                     ///< best first
  std::vector<CertificateSuggestion> certificates;  ///< best first (below_floor ones last)
  std::vector<NextAction> next_actions;             ///< what to do first, then the step after
  /// Only when no role has evidence (`roles` is empty): the roles closest to a fit, to
  /// name as routes, with what they need; none of them is a fit yet.
  std::vector<RoleMatch> closest;
};

/// Resolved skill indices of a profile with the credit each catalogue skill gets: 1 for
/// a skill held and (through skill_up) each ancestor it proves, partial_credit^d for a
/// skill d levels beneath one held, and the credit of work, job titles and certificates.
struct SkillCredit {
  std::vector<std::pair<size_t, double>> credit;  ///< skill index → best credit (sorted by index)
  std::vector<size_t> via;                        ///< parallel: the held skill that gives it
  std::vector<int> inferred;                      ///< parallel: domain index it is inferred from, or -1
  std::vector<Evidence> evidence;                 ///< parallel: the kind of evidence
  std::vector<int> from;         ///< parallel: title → experience entry index, certificate → certificate index
  std::vector<size_t> declared;  ///< the person's own skills, resolved, unique, sorted
  double of(size_t skill) const;
  size_t source_of(size_t skill) const;
  int inferred_from(size_t skill) const;  ///< domain index, or -1 when declared or absent
  /// The kind of evidence and its entry (SkillCredit::from) for a credited skill.
  std::pair<Evidence, int> evidence_of(size_t skill) const;
};

/// Where a skill's evidence comes from, in words: "Teaching from your 15 years of
/// education work", "Programming shown by your Python", "... from your job title".
Text evidence_text(const Catalog& c, const Profile& p, const PartialMatch& pm);

/// The fit label of a score: strong, good, partial or weak (scoring.fit thresholds).
std::string fit_label(const Scoring& sc, double score);
/// The skills named in a job title (ids of the catalogue's skills, in order of the title):
/// its words matched against skill names and aliases, longest first.
std::vector<size_t> title_skills(const Catalog& c, std::string_view title);
/// With `as_of`, skills implied by years of work in a domain are credited too
/// (scoring.inferred_skills), never above the cap and never as declared.
SkillCredit skill_credit(const Catalog& c, const Profile& p, std::optional<Date> as_of = std::nullopt);

RoleMatch match_role(const Catalog& c, const Profile& p, const Role& role, Date as_of);

/// The roles with evidence (optionally of one category), best first; ties broken by id.
/// A role without evidence scores 0 and is left out (docs/scoring.md), so the list may
/// be shorter than the catalogue. With a limit, only the best `limit` roles are returned
/// and built in full. Only the roles the person's skills reach (the inverted index), the
/// roles of the domains they worked in, those a held certificate relates to and the goal
/// roles and categories' roles are scored: any other has no evidence. This is what makes
/// large catalogues fast.
std::vector<RoleMatch> rank_roles(const Catalog& c, const Profile& p, Date as_of, const std::string& category = "",
                                  size_t limit = 0);

/// Certificates, best first by value to the person (score rounded to hundredths), then
/// feasibility (now, from a date, unknown, not yet), then id; those below the floor last.
/// `prose` false, for the brief forms: the levels are checked for their verdicts only
/// (EvalContext::prose and ::tree false), the suggestion keeps its suggested and next
/// levels' verdicts (status, dates, sitting; not their rules' traces) but not the list
/// of every level, and no reasons or score terms are kept;
/// every score, status, date, route and covered skill is the same.
std::vector<CertificateSuggestion> rank_certificates(const Catalog& c, const Profile& p, Date as_of,
                                                     const std::vector<RoleMatch>& ranked_roles, bool prose = true);

/// The role advice aims at: the first of the person's goal roles the catalogue has, else
/// the best-ranked role with a skill met or partly met; null when there is none.
/// `next_actions` aims at it, and `report` plans the path to it by default.
const Role* focus_role(const Catalog& c, const Profile& p, const std::vector<RoleMatch>& ranked_roles);

/// What to do first, from the ranked roles and certificates (focus_role: the goal role
/// if any, else the best-fitting one).
std::vector<NextAction> next_actions(const Catalog& c, const Profile& p, Date as_of,
                                     const std::vector<RoleMatch>& ranked_roles,
                                     const std::vector<CertificateSuggestion>& certificates);

/// Roles and certificates for a profile. `top` > 0 keeps only the best max(top, 5)
/// roles (the five best inform the certificate ranking); 0 keeps them all. `prose`
/// false, for the brief forms: roles and certificates carry no reasons and no score
/// terms, next actions no text (see rank_certificates); every id, score, list, status
/// and date is the same. The profile's facts are worked out once for all of it.
Recommendation recommend(const Catalog& c, const Profile& p, Date as_of, const std::string& category = "",
                         size_t top = 0, bool prose = true);

/// The one ladder decision, which `recommend`, `plan`, `gap` and `batch` share: for
/// each certificate (by index), the level that suits the person (docs/scoring.md,
/// "Ladders"): never below a level held or one the rules already open them to.
/// -1 for a certificate without levels.
std::vector<int> ladder_levels(const Catalog& c, const Profile& p, Date as_of);

/// For each certificate (by index), its place in `recommend`'s list of certificates for
/// this person (0 first; the number of certificates when it is not listed). `plan`
/// breaks ties with it, so that of two certificates teaching as much of a role's gap
/// the plan names the one `recommend` puts first.
std::vector<size_t> certificate_preference(const Catalog& c, const Profile& p, Date as_of);

/// The levels of `cert` the person holds on `as_of`: the highest level index, or -1.
int held_level(const Certificate& cert, const Profile& p, Date as_of);

/// certificates_covering without the levels the ladder decision passes over: a level
/// held (or below one held), or below the level `ladder` suggests.
std::vector<CoveringCertificate> certificates_to_take(const Catalog& c, const Profile& p, Date as_of,
                                                      const std::vector<std::string>& skills);

/// The given skills a syllabus covers: the same skill, one beneath it, or (unless
/// `exact_only`) its direct parent.
std::vector<std::string> syllabus_covers(const Catalog& c, const std::vector<std::string>& syllabus,
                                         const std::vector<std::string>& skills, bool exact_only = false);

/// Certificates (and levels) whose syllabus covers any of the given skills, most first.
std::vector<CoveringCertificate> certificates_covering(const Catalog& c, const std::vector<std::string>& skills);

}  // namespace advisor
