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

void write_text(JsonWriter& w, const Text& t) { w.begin_object().key("zh").value(t.zh).key("en").value(t.en).end_object(); }

static void write_date_or_null(JsonWriter& w, const std::optional<Date>& d) {
  if (d)
    w.value(d->str());
  else
    w.null();
}

static double rounded(double x) { return std::round(x * 10000) / 10000; }

/// `{"id": ..., "name": {...}` without its closing brace: callers add members.
static void open_skill_ref(JsonWriter& w, const Catalog& c, const std::string& id) {
  const auto* s = c.skill(id);
  w.begin_object().key("id").value(id).key("name");
  write_text(w, s ? s->name : Text{id, id});
}

static void write_skill_refs(JsonWriter& w, const Catalog& c, const std::vector<std::string>& ids) {
  w.begin_array();
  for (const auto& id : ids) {
    open_skill_ref(w, c, id);
    w.end_object();
  }
  w.end_array();
}

static void write_texts(JsonWriter& w, const std::vector<Text>& texts) {
  w.begin_array();
  for (const auto& t : texts) write_text(w, t);
  w.end_array();
}

static void write_terms(JsonWriter& w, const RoleMatch& m) {
  w.begin_array();
  for (const auto& t : m.terms) {
    w.begin_object().key("id").value(t.id).key("value").value(rounded(t.value)).key("weight").value(t.weight);
    w.key("contribution").value(rounded(t.contribution)).key("detail");
    write_text(w, t.detail);
    w.end_object();
  }
  w.end_array();
}

static void write_partial(JsonWriter& w, const Catalog& c, const RoleMatch& m) {
  w.begin_array();
  for (const auto& p : m.partial) {
    open_skill_ref(w, c, p.required);
    w.key("via");
    open_skill_ref(w, c, p.via);
    w.end_object().key("credit").value(rounded(p.credit)).key("essential").value(p.essential).end_object();
  }
  w.end_array();
}

static void write_missing(JsonWriter& w, const Catalog& c, const RoleMatch& m) {
  w.begin_array();
  for (size_t i = 0; i < m.missing.size(); ++i) {
    open_skill_ref(w, c, m.missing[i]);
    w.key("essential").value(static_cast<bool>(m.missing_essential[i])).end_object();
  }
  w.end_array();
}

void write_role_match(JsonWriter& w, const Catalog& c, const RoleMatch& m) {
  w.begin_object().key("id").value(m.role->id).key("name");
  write_text(w, m.role->name);
  w.key("category").value(m.role->category).key("score").value(rounded(m.score)).key("terms");
  write_terms(w, m);
  w.key("matched_skills");
  write_skill_refs(w, c, m.matched);
  w.key("partial_skills");
  write_partial(w, c, m);
  w.key("missing_skills");
  write_missing(w, c, m);
  w.key("reasons");
  write_texts(w, m.reasons);
  w.end_object();
}

static void write_claims(JsonWriter& w, const Catalog& c, const Certificate& cert) {
  w.begin_array();
  for (const auto& cl : c.claims) {
    if (cl.subject != cert.id) continue;
    w.begin_object().key("id").value(cl.id).key("text");
    write_text(w, cl.text);
    w.key("sources").begin_array();
    for (const auto& s : cl.sources) w.value(s);
    w.end_array().end_object();
  }
  w.end_array();
}

JsonFragments::JsonFragments(const Catalog& c) {
  for (const auto& cert : c.certificates) {
    std::string s;
    JsonWriter w(s);
    write_claims(w, c, cert);
    claims.emplace(&cert, std::move(s));
  }
}

void write_certificate_suggestion(JsonWriter& w, const Catalog& c, const CertificateSuggestion& s,
                                  const JsonFragments* fragments) {
  const auto& r = s.suggested;
  w.begin_object().key("id").value(s.certificate->id).key("level").value(r.level->id).key("name");
  write_text(w, s.certificate->name);
  w.key("level_name");
  write_text(w, r.level->name);
  w.key("status").value(outcome_id(r.status)).key("eligible").value(r.status == Outcome::eligible).key("earliest_date");
  write_date_or_null(w, r.earliest_date);
  w.key("next_sitting");
  if (r.next_sitting)
    w.value(*r.next_sitting);
  else
    w.null();
  w.key("score").value(rounded(s.score)).key("reasons");
  write_texts(w, s.reasons);
  w.key("next_step");
  if (s.next_step) {
    const auto& n = *s.next_step;
    w.begin_object().key("level").value(n.level->id).key("level_name");
    write_text(w, n.level->name);
    w.key("status").value(outcome_id(n.status)).key("earliest_date");
    write_date_or_null(w, n.earliest_date);
    w.key("next_sitting");
    if (n.next_sitting)
      w.value(*n.next_sitting);
    else
      w.null();
    w.end_object();
  } else {
    w.null();
  }
  w.key("covers_skills");
  write_skill_refs(w, c, s.covers);
  w.key("claims");
  const std::string* cached = nullptr;
  if (fragments && w.compact())
    if (auto it = fragments->claims.find(s.certificate); it != fragments->claims.end()) cached = &it->second;
  if (cached)
    w.raw(*cached);
  else
    write_claims(w, c, *s.certificate);
  w.key("stale").value(r.stale).end_object();
}

void write_covering(JsonWriter& w, const Catalog& c, const std::vector<CoveringCertificate>& cov) {
  w.begin_array();
  for (const auto& cc : cov) {
    w.begin_object().key("id").value(cc.certificate->id).key("level");
    if (cc.level)
      w.value(cc.level->id);
    else
      w.null();
    w.key("name");
    write_text(w, cc.certificate->name);
    w.key("covers");
    write_skill_refs(w, c, cc.covers);
    w.end_object();
  }
  w.end_array();
}

void write_recommend(JsonWriter& w, const Catalog& c, const Profile& p, const Recommendation& r, size_t top,
                     const JsonFragments* fragments) {
  w.begin_object().key("schema_version").value(k_schema_version).key("as_of").value(r.as_of.str());
  w.key("profile").begin_object().key("name");
  if (p.name.empty())
    w.null();
  else
    w.value(p.name);
  w.end_object().key("certificates").begin_array();
  for (const auto& s : r.certificates) write_certificate_suggestion(w, c, s, fragments);
  w.end_array().key("roles").begin_array();
  for (size_t i = 0; i < r.roles.size() && (top == 0 || i < top); ++i) write_role_match(w, c, r.roles[i]);
  w.end_array().key("caveat");
  write_text(w, c.caveat);
  w.end_object();
}

void write_gap(JsonWriter& w, const Catalog& c, const Role& role, const RoleMatch& m,
               const std::vector<CoveringCertificate>& cov, Date as_of) {
  w.begin_object().key("schema_version").value(k_schema_version).key("as_of").value(as_of.str());
  w.key("role").begin_object().key("id").value(role.id).key("name");
  write_text(w, role.name);
  w.key("category").value(role.category).end_object();
  w.key("score").value(rounded(m.score)).key("terms");
  write_terms(w, m);
  w.key("matched_skills");
  write_skill_refs(w, c, m.matched);
  w.key("missing_skills");
  write_missing(w, c, m);
  w.key("partial_skills");
  write_partial(w, c, m);
  w.key("certificates");
  write_covering(w, c, cov);
  w.end_object();
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
