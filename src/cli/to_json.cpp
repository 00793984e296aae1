#include "to_json.hpp"

#include <fmt/format.h>
#include <iostream>
#include <set>

namespace advisor::cli {

Json date_or_null(const std::optional<Date>& d) { return d ? Json(d->str()) : Json(nullptr); }

static const char* kind_id(RuleKind k) {
  switch (k) {
  case RuleKind::all: return "all";
  case RuleKind::any: return "any";
  case RuleKind::not_: return "not";
  case RuleKind::age: return "age";
  case RuleKind::education: return "education";
  case RuleKind::major: return "major";
  case RuleKind::experience: return "experience";
  case RuleKind::holds: return "holds";
  case RuleKind::skills: return "skills";
  case RuleKind::study_hours: return "study_hours";
  }
  return "all";
}

Json skill_ref_json(const Catalog& c, const std::string& id) {
  const auto* s = c.skill(id);
  return Json{{"id", id}, {"name", s ? text_json(s->name) : text_json(Text{id, id})}};
}

Json trace_json(const TraceNode& t) {
  Json j;
  j["kind"] = kind_id(t.kind);
  j["outcome"] = outcome_id(t.outcome);
  j["reason"] = text_json(t.reason);
  bool leaf = t.kind != RuleKind::all && t.kind != RuleKind::any && t.kind != RuleKind::not_;
  j["found"] = leaf ? text_json(t.found) : Json(nullptr);
  j["required"] = leaf ? text_json(t.required) : Json(nullptr);
  j["passes_on"] = date_or_null(t.passes_on);
  j["missing_fields"] = t.missing_fields;
  Json kids = Json::array();
  for (const auto& c : t.children) kids.push_back(trace_json(c));
  j["children"] = kids;
  return j;
}

Json level_result_json(const Catalog&, const LevelResult& r) {
  Json j;
  j["certificate"] = r.certificate->id;
  j["level"] = r.level->id;
  j["name"] = text_json(r.certificate->name);
  j["level_name"] = text_json(r.level->name);
  j["status"] = outcome_id(r.status);
  j["eligible"] = r.status == Outcome::eligible;
  j["earliest_date"] = date_or_null(r.earliest_date);
  j["next_sitting"] = r.next_sitting ? Json(*r.next_sitting) : Json(nullptr);
  j["missing_fields"] = r.missing_fields;
  Json changes = Json::array();
  for (const auto& c : r.changes) {
    Json steps = Json::array();
    for (const auto& s : c.steps) steps.push_back(text_json(s));
    changes.push_back(Json{{"text", text_json(c.text)}, {"by_time", c.by_time}, {"earliest_date", date_or_null(c.date)},
                           {"steps", steps}});
  }
  j["changes"] = changes;
  j["trace"] = r.trace ? trace_json(*r.trace) : Json(nullptr);
  j["recommended"] = r.recommended ? trace_json(*r.recommended) : Json(nullptr);
  j["verified_on"] = date_or_null(r.certificate->verified_on);
  j["stale"] = r.stale;
  return j;
}

Json role_match_json(const Catalog& c, const RoleMatch& m) {
  Json j;
  j["id"] = m.role->id;
  j["name"] = text_json(m.role->name);
  j["category"] = m.role->category;
  j["score"] = std::round(m.score * 10000) / 10000;
  Json terms = Json::array();
  for (const auto& t : m.terms)
    terms.push_back(Json{{"id", t.id},
                         {"value", std::round(t.value * 10000) / 10000},
                         {"weight", t.weight},
                         {"contribution", std::round(t.contribution * 10000) / 10000},
                         {"detail", text_json(t.detail)}});
  j["terms"] = terms;
  Json matched = Json::array(), partial = Json::array(), missing = Json::array();
  for (const auto& s : m.matched) matched.push_back(skill_ref_json(c, s));
  for (const auto& p : m.partial) {
    auto s = skill_ref_json(c, p.required);
    s["via"] = skill_ref_json(c, p.via);
    s["credit"] = std::round(p.credit * 10000) / 10000;
    s["essential"] = p.essential;
    partial.push_back(s);
  }
  for (size_t i = 0; i < m.missing.size(); ++i) {
    auto s = skill_ref_json(c, m.missing[i]);
    s["essential"] = static_cast<bool>(m.missing_essential[i]);
    missing.push_back(s);
  }
  j["matched_skills"] = matched;
  j["partial_skills"] = partial;
  j["missing_skills"] = missing;
  Json reasons = Json::array();
  for (const auto& r : m.reasons) reasons.push_back(text_json(r));
  j["reasons"] = reasons;
  return j;
}

Json certificate_suggestion_json(const Catalog& c, const CertificateSuggestion& s) {
  Json j;
  const auto& r = s.suggested;
  j["id"] = s.certificate->id;
  j["level"] = r.level->id;
  j["name"] = text_json(s.certificate->name);
  j["level_name"] = text_json(r.level->name);
  j["status"] = outcome_id(r.status);
  j["eligible"] = r.status == Outcome::eligible;
  j["earliest_date"] = date_or_null(r.earliest_date);
  j["next_sitting"] = r.next_sitting ? Json(*r.next_sitting) : Json(nullptr);
  j["score"] = std::round(s.score * 10000) / 10000;
  Json reasons = Json::array();
  for (const auto& x : s.reasons) reasons.push_back(text_json(x));
  j["reasons"] = reasons;
  if (s.next_step) {
    const auto& n = *s.next_step;
    j["next_step"] = Json{{"level", n.level->id},
                          {"level_name", text_json(n.level->name)},
                          {"status", outcome_id(n.status)},
                          {"earliest_date", date_or_null(n.earliest_date)},
                          {"next_sitting", n.next_sitting ? Json(*n.next_sitting) : Json(nullptr)}};
  } else {
    j["next_step"] = nullptr;
  }
  Json covers = Json::array();
  for (const auto& id : s.covers) covers.push_back(skill_ref_json(c, id));
  j["covers_skills"] = covers;
  Json claims = Json::array();
  for (const auto& cl : c.claims)
    if (cl.subject == s.certificate->id)
      claims.push_back(Json{{"id", cl.id}, {"text", text_json(cl.text)}, {"sources", cl.sources}});
  j["claims"] = claims;
  j["stale"] = r.stale;
  return j;
}

Json covering_json(const Catalog& c, const std::vector<CoveringCertificate>& cov) {
  Json arr = Json::array();
  for (const auto& cc : cov) {
    Json covers = Json::array();
    for (const auto& id : cc.covers) covers.push_back(skill_ref_json(c, id));
    arr.push_back(Json{{"id", cc.certificate->id},
                       {"level", cc.level ? Json(cc.level->id) : Json(nullptr)},
                       {"name", text_json(cc.certificate->name)},
                       {"covers", covers}});
  }
  return arr;
}

Json recommend_json(const Catalog& c, const Profile& p, const Recommendation& r, size_t top) {
  Json j = json_doc();
  j["as_of"] = r.as_of.str();
  j["profile"] = Json{{"name", p.name.empty() ? Json(nullptr) : Json(p.name)}};
  Json certs = Json::array();
  for (const auto& s : r.certificates) certs.push_back(certificate_suggestion_json(c, s));
  j["certificates"] = certs;
  Json roles = Json::array();
  for (size_t i = 0; i < r.roles.size() && (top == 0 || i < top); ++i) roles.push_back(role_match_json(c, r.roles[i]));
  j["roles"] = roles;
  j["caveat"] = text_json(c.caveat);
  return j;
}

Json diagnostic_json(const Diagnostic& d) {
  return Json{{"file", d.file},
              {"line", d.line},
              {"column", d.column},
              {"severity", d.severity == Severity::error ? "error" : "warning"},
              {"message", text_json(d.message)}};
}

void warn_stale(const std::vector<const LevelResult*>& results) {
  std::set<std::string> seen;
  std::string list;
  for (const auto* r : results) {
    if (!r->stale || !seen.insert(r->certificate->id).second) continue;
    list += (list.empty() ? "" : ", ") + fmt::format("{} ({})", r->certificate->id, r->certificate->verified_on->str());
  }
  if (list.empty()) return;
  std::cerr << fmt::format("advisor: {}: {}\n", tr("warning", "警告"),
                           tr(T(fmt::format("certificate rules last verified more than a year before {}: {}; "
                                            "rules change, so confirm with the issuer",
                                            globals().as_of.str(), list),
                                fmt::format("以下证书的规则核对时间距 {} 已超过一年：{}；规则可能已变，请向发证机构确认",
                                            globals().as_of.str(), list))));
}

} // namespace advisor::cli
