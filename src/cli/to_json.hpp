#pragma once
// Results → JSON documents of the published schemas (docs/schema/).
#include "advisor/matching.hpp"
#include "advisor/rules.hpp"
#include "common.hpp"

namespace advisor::cli {

Json skill_ref_json(const Catalog& c, const std::string& id);
Json trace_json(const TraceNode& t);
Json level_result_json(const Catalog& c, const LevelResult& r);
Json role_match_json(const Catalog& c, const RoleMatch& m);
Json certificate_suggestion_json(const Catalog& c, const CertificateSuggestion& s);
Json covering_json(const Catalog& c, const std::vector<CoveringCertificate>& cov);
/// The whole `recommend` document; `top` limits roles (0 = all).
Json recommend_json(const Catalog& c, const Profile& p, const Recommendation& r, size_t top);
Json diagnostic_json(const Diagnostic& d);
Json date_or_null(const std::optional<Date>& d);

/// Warns on stderr, once, about certificates whose rules are over a year old.
void warn_stale(const std::vector<const LevelResult*>& results);

} // namespace advisor::cli
