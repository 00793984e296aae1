#pragma once
// Results → JSON documents of the published schemas (docs/schema/).
#include <string>
#include <unordered_map>

#include "advisor/json_writer.hpp"
#include "advisor/matching.hpp"
#include "advisor/planning.hpp"
#include "advisor/rules.hpp"
#include "common.hpp"

namespace advisor::cli {

Json skill_ref_json(const Catalog& c, const std::string& id);
Json trace_json(const TraceNode& t);
/// A rule version's identity: id, name, dates, current, sources.
Json rule_version_json(const RuleVersion& v);
Json level_result_json(const Catalog& c, const LevelResult& r);
void write_text(JsonWriter& w, const Text& t);
/// `"external_ids": {scheme: id, ...}` as a member, only when there are some
/// (imported roles and skills), so built-in documents keep their shape.
void write_external_ids(JsonWriter& w, const ExternalIds& ids);
/// The same for nlohmann documents.
void add_external_ids(Json& j, const ExternalIds& ids);
void write_covering(JsonWriter& w, const Catalog& c, const std::vector<CoveringCertificate>& cov);

/// The parts of a recommend document that depend on the catalogue alone, written
/// once (compact) so that `advisor batch` copies them instead of writing them per
/// profile. Keyed by the catalogue's own objects: valid while the catalogue lives.
struct JsonFragments {
  explicit JsonFragments(const Catalog& c);
  std::unordered_map<const Certificate*, std::string> claims;  ///< the "claims" array
  std::unordered_map<const Text*, std::string> texts;          ///< names of roles, certificates, levels; the caveat
  std::unordered_map<std::string, std::string> skill_refs;     ///< skill id → '{"id":…,"name":{…}' (left open)
};

/// The whole `recommend` document; `top` limits roles (0 = all). `fragments`, when
/// given, is used in compact mode.
void write_recommend(JsonWriter& w, const Catalog& c, const Profile& p, const Recommendation& r, size_t top,
                     const JsonFragments* fragments = nullptr, bool all_certificates = false);
/// The `gap` document.
void write_gap(JsonWriter& w, const Catalog& c, const Role& role, const RoleMatch& m,
               const std::vector<CoveringCertificate>& cov, Date as_of);
/// The `check` document: the results in the order given.
Json check_json(const Catalog& c, const std::vector<LevelResult>& results, Date as_of);
/// The `plan` document (written in cmd_plan.cpp, with the plan's other renderings).
Json plan_json(const Plan& plan);
/// When a plan's last dated step can be done: its sitting month, else its date.
std::optional<Date> finish_date(const Plan& plan);

/// A score as every document prints it: rounded to four decimals.
double rounded_score(double x);

// The brief documents (--brief; docs/json.md "Brief forms"): ids, statuses, dates and
// scores only, each with its schema (check-brief, recommend-brief, gap-brief, plan-brief).
void write_check_brief(JsonWriter& w, const std::vector<LevelResult>& results, Date as_of);
/// `top` limits roles (0 = all), as in the full document.
/// A next action's kind, id, level and date: the brief form, and the start of the full one.
void write_next_action_ids(JsonWriter& w, const NextAction& a);
void write_recommend_brief(JsonWriter& w, const Recommendation& r, size_t top);
void write_gap_brief(JsonWriter& w, const Role& role, const RoleMatch& m, Date as_of);
void write_plan_brief(JsonWriter& w, const Plan& plan);

Json diagnostic_json(const Diagnostic& d);
Json date_or_null(const std::optional<Date>& d);

/// Warns on stderr, once, about certificates whose rules are over a year old.
void warn_stale(const std::vector<const LevelResult*>& results);

}  // namespace advisor::cli
