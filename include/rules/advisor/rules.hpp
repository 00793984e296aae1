#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "advisor/model.hpp"

namespace advisor {

/// Three outcomes, not two: a rule the profile lacks the data for is unknown, never failed.
enum class Outcome { eligible, not_eligible, unknown };

const char* outcome_id(Outcome o);  ///< "eligible", "not_eligible", "unknown"

/// One evaluated node of a rule, with everything needed to explain it.
struct TraceNode {
  RuleKind kind = RuleKind::all;
  Outcome outcome = Outcome::unknown;
  Text reason;    ///< the condition in plain language
  Text found;     ///< what the profile has (predicates only)
  Text required;  ///< what the rule asks (predicates only)
  Text subject;   ///< what a predicate is about (the experience domain's name)
  /// The date on which time alone makes this node pass (ongoing work, birthdays).
  std::optional<Date> passes_on;
  std::vector<std::string> missing_fields;  ///< profile fields this node needed and lacked
  /// Unknown for a reason no profile field can settle (a term the standard leaves
  /// undefined, a condition no profile shows): what to confirm with the assessment body.
  Text confirm;
  std::vector<TraceNode> children;
};

/// One way to turn a failing level into a passing one: one branch of an `any`.
struct Change {
  Text text;                 ///< e.g. "8 more months of AIGC work (from 2027-07-01)"
  std::optional<Date> date;  ///< when time alone does it; empty for actions
  bool by_time = false;      ///< nothing to do but wait
  bool now = false;          ///< an exam the person may sit today (ranked first)
  std::vector<Text> steps;   ///< the individual conditions to meet
};

/// The verdict on one certificate level.
struct LevelResult {
  const Certificate* certificate = nullptr;
  const CertificateLevel* level = nullptr;
  Outcome status = Outcome::unknown;
  std::optional<Date> earliest_date;        ///< not eligible now but time alone will do it
  std::optional<std::string> next_sitting;  ///< YYYY-MM
  std::vector<std::string> missing_fields;
  std::vector<Change> changes;           ///< easiest first; empty when eligible
  std::optional<TraceNode> trace;        ///< the hard rule; empty when the level has none
  std::optional<TraceNode> recommended;  ///< the soft rule, if any
  bool stale = false;                    ///< rules verified more than a year before as_of
  /// The person holds this level, or a higher one of the certificate, obtained on this
  /// date (the earliest such, by as_of); empty when not held or held with no date.
  std::optional<Date> held_since;
  /// The version of the level's conditions in force on as_of (nullptr: the level has
  /// one undated rule), and whether another version states them differently.
  const RuleVersion* version = nullptr;
  bool versions_conflict = false;
  /// What to confirm with the assessment body (an unknown no profile field settles),
  /// each once, in the order the rule names them.
  std::vector<Text> to_confirm;
};

/// Experience in a domain (and its sub-domains) at a date.
struct ExperienceMeasure {
  double years = 0;      ///< total, union of dated intervals plus undated years
  int months = 0;        ///< the same in whole months (for display)
  bool ongoing = false;  ///< grows with time
  /// As if all of it were one job started on this date and still going on: the
  /// date N years of it are reached is virtual_start + N years.
  Date virtual_start;
  std::optional<Date> grows_until;  ///< last day it keeps growing (empty: open-ended)
};

/// What the evaluation needs: the catalogue, the person, the date.
struct EvalContext {
  const Catalog& catalog;
  const Profile& profile;
  Date as_of;
  /// false: outcomes and dates only, for the brief forms that show nothing else.
  /// The trace keeps its shape, outcomes, dates and missing fields, with no text
  /// (reason, found, required, subject); check_level leaves `changes` empty.
  /// Every outcome and date is the full evaluation's.
  bool prose = true;
  /// false: the verdict only. Each rule's node keeps its outcome, date and missing
  /// fields, but not its children: `all`, `any` and `not` tally their children as they
  /// go. For whoever reads a status and dates and nothing else (the brief forms,
  /// certificate advice's questions to the rules). check_level then leaves `changes`
  /// empty, as they are read from the children.
  bool tree = true;
  /// Set: the certificates the person holds, instead of `profile.certificates` (certificate
  /// advice asks "what if you held this level" without copying the whole profile).
  const std::vector<HeldCertificate>* held = nullptr;
  /// Set: the person's experience by domain index, measured on this `as_of` (ranking's
  /// profile facts), read instead of measured again for each rule.
  const std::vector<ExperienceMeasure>* experience = nullptr;
  /// Set: the person's experience in any domain, measured on this `as_of`, read by the
  /// rules that name no domain.
  const ExperienceMeasure* any_experience = nullptr;
};

/// Evaluates a rule into a trace. Pure: no I/O, no clock.
TraceNode evaluate(const Rule& rule, const EvalContext& ctx);

/// Evaluates one certificate level: hard rule, soft rule, dates, sitting, changes.
LevelResult check_level(const Certificate& cert, const CertificateLevel& level, const EvalContext& ctx);

/// check_level as a conversion, so that `results.emplace_back(CheckedLevel{…})` builds
/// the result in its vector's slot instead of moving it there (a LevelResult is large).
struct CheckedLevel {
  const Certificate& cert;
  const CertificateLevel& level;
  const EvalContext& ctx;
  operator LevelResult() const { return check_level(cert, level, ctx); }
};

/// The first sitting month that starts on or after `from`, as YYYY-MM; empty when the
/// certificate states no sittings.
std::optional<std::string> next_sitting(const Certificate& cert, Date from);

ExperienceMeasure measure_experience(const Catalog& c, const Profile& p, const std::string& domain, Date as_of);

/// Whether a student graduating on `expected` is in the final school year on `on` (含在读
/// 应届毕业生): the school year runs from 1 September to 31 August, and the student
/// graduates by the end of the one that contains `on`.
bool final_year_student(Date expected, Date on);
/// The first day of the school year in which a student graduating on `expected` is in
/// the final year (1 September).
Date final_year_start(Date expected);
/// Which of a profile's jobs count toward each domain (its own domains and their
/// ancestors, as measure_experience counts them), worked out for every domain at once.
struct JobsByDomain {
  size_t jobs = 0;           ///< p.experience.size()
  std::vector<char> counts;  ///< domain-major: counts[d * jobs + j]
  std::vector<char> worked;  ///< by domain index: some job counts toward it
  std::span<const char> row(size_t d) const { return {counts.data() + d * jobs, jobs}; }
};
JobsByDomain jobs_by_domain(const Catalog& c, const Profile& p);
/// The same measure over the jobs `counts` marks (counts[j] for p.experience[j]): with
/// jobs_by_domain's row for a domain, measure_experience's answer for it.
ExperienceMeasure measure_jobs(const Profile& p, std::span<const char> counts, Date as_of);

/// Age in whole years on a date.
int age_on(Date birth, Date on);

/// Text for a number of months: "4 months", "1 year 2 months".
Text duration_text(int months);

}  // namespace advisor
