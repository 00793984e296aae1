#include "to_json.hpp"

#include <fmt/format.h>
#include <array>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

namespace advisor::cli {

Json date_or_null(const std::optional<Date>& d) { return d ? Json(d->str()) : Json(nullptr); }

static const char* kind_id(RuleKind k) {
  switch (k) {
    case RuleKind::all:
      return "all";
    case RuleKind::any:
      return "any";
    case RuleKind::not_:
      return "not";
    case RuleKind::age:
      return "age";
    case RuleKind::education:
      return "education";
    case RuleKind::major:
      return "major";
    case RuleKind::experience:
      return "experience";
    case RuleKind::holds:
      return "holds";
    case RuleKind::skills:
      return "skills";
    case RuleKind::study_hours:
      return "study_hours";
    case RuleKind::title:
      return "title";
    case RuleKind::diploma:
      return "diploma";
    case RuleKind::confirm:
      return "confirm";
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
  j["confirm"] = t.confirm.empty() ? Json(nullptr) : text_json(t.confirm);
  Json kids = Json::array();
  for (const auto& c : t.children) kids.push_back(trace_json(c));
  j["children"] = kids;
  return j;
}

Json rule_version_json(const RuleVersion& v) {
  return Json{{"id", v.id},
              {"name", text_json(v.name)},
              {"published", date_or_null(v.published)},
              {"captured", date_or_null(v.captured)},
              {"current", v.current},
              {"sources", v.sources}};
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
  j["held_since"] = date_or_null(r.held_since);
  j["next_sitting"] = r.next_sitting ? Json(*r.next_sitting) : Json(nullptr);
  j["missing_fields"] = r.missing_fields;
  Json changes = Json::array();
  for (const auto& c : r.changes) {
    Json steps = Json::array();
    for (const auto& s : c.steps) steps.push_back(text_json(s));
    changes.push_back(Json{{"text", text_json(c.text)},
                           {"by_time", c.by_time},
                           {"now", c.now},
                           {"earliest_date", date_or_null(c.date)},
                           {"steps", steps}});
  }
  j["changes"] = changes;
  j["trace"] = r.trace ? trace_json(*r.trace) : Json(nullptr);
  j["recommended"] = r.recommended ? trace_json(*r.recommended) : Json(nullptr);
  j["verified_on"] = date_or_null(r.certificate->verified_on);
  j["stale"] = r.stale;
  j["rule_version"] = r.version ? rule_version_json(*r.version) : Json(nullptr);
  j["versions_conflict"] = r.versions_conflict;
  Json confirm = Json::array();
  for (const auto& t : r.to_confirm) confirm.push_back(text_json(t));
  j["to_confirm"] = confirm;
  return j;
}

// A text the source has only in English has zh null: never the English copied.
void write_text(JsonWriter& w, const Text& t) {
  w.begin_object().key("zh");
  if (t.english_only())
    w.null();
  else
    w.value(t.zh);
  w.key("en").value(t.en).end_object();
}

void write_external_ids(JsonWriter& w, const ExternalIds& ids) {
  if (ids.empty()) return;
  w.key("external_ids").begin_object();
  for (const auto& [scheme, value] : ids) w.key(scheme).value(value);
  w.end_object();
}

void add_external_ids(Json& j, const ExternalIds& ids) {
  if (ids.empty()) return;
  Json o = Json::object();
  for (const auto& [scheme, value] : ids) o[scheme] = value;
  j["external_ids"] = o;
}

double rounded_score(double x) { return std::round(x * 10000) / 10000; }

Json check_json(const Catalog& c, const std::vector<LevelResult>& results, Date as_of) {
  Json j = json_doc();
  j["as_of"] = as_of.str();
  Json arr = Json::array();
  for (const auto& r : results) arr.push_back(level_result_json(c, r));
  j["results"] = arr;
  return j;
}

namespace {

double rounded(double x) { return rounded_score(x); }

/// Writes the documents' parts. With fragments and a compact writer, what depends on
/// the catalogue alone (names, skill references, claims) is copied from text written
/// once by this same code, so the bytes are the same either way.
class DocWriter {
 public:
  DocWriter(JsonWriter& w, const Catalog& c, const JsonFragments* f) : w(w), c(c), f(f && w.compact() ? f : nullptr) {}

  JsonWriter& w;
  const Catalog& c;

  /// A catalogue text (a name, the caveat): the same object every time.
  void name(const Text& t) {
    if (f)
      if (auto it = f->texts.find(&t); it != f->texts.end()) {
        w.raw(it->second);
        return;
      }
    write_text(w, t);
  }

  void date_or_null(const std::optional<Date>& d) {
    if (d)
      w.value(d->str());
    else
      w.null();
  }

  void string_or_null(const std::optional<std::string>& s) {
    if (s)
      w.value(*s);
    else
      w.null();
  }

  /// `{"id": ..., "name": {...}` without its closing brace: callers add members.
  void open_skill_ref(const std::string& id) {
    if (f)
      if (auto it = f->skill_refs.find(id); it != f->skill_refs.end()) {
        w.raw_object_start(it->second);
        return;
      }
    const auto* s = c.skill(id);
    w.begin_object().key("id").value(id).key("name");
    write_text(w, s ? s->name : Text{id, id});
  }

  void skill_refs(const std::vector<std::string>& ids) {
    w.begin_array();
    for (const auto& id : ids) {
      open_skill_ref(id);
      w.end_object();
    }
    w.end_array();
  }

  void texts(const std::vector<Text>& list) {
    w.begin_array();
    for (const auto& t : list) write_text(w, t);
    w.end_array();
  }

  void terms(const RoleMatch& m) { terms(m.terms); }

  void terms(const std::vector<ScoreTerm>& all) {
    w.begin_array();
    for (const auto& t : all) {
      w.begin_object().key("id").value(t.id).key("value").value(rounded(t.value)).key("weight").value(t.weight);
      w.key("contribution").value(rounded(t.contribution)).key("detail");
      write_text(w, t.detail);
      w.end_object();
    }
    w.end_array();
  }

  void partial(const RoleMatch& m) { partial(m.partial); }

  void partial(const std::vector<PartialMatch>& list) {
    static constexpr std::array<const char*, 4> k_kind{"declared", "work", "title", "certificate"};
    w.begin_array();
    for (const auto& p : list) {
      open_skill_ref(p.required);
      w.key("via");
      open_skill_ref(p.via);
      w.end_object().key("credit").value(rounded(p.credit)).key("essential").value(p.essential).key("inferred");
      if (p.inferred_domain.empty()) {
        w.null();
      } else {
        w.begin_object().key("domain").value(p.inferred_domain).key("years").value(rounded(p.inferred_years));
        w.end_object();
      }
      w.key("evidence").value(k_kind[static_cast<size_t>(p.evidence)]);
      w.end_object();
    }
    w.end_array();
  }

  void missing(const RoleMatch& m) {
    w.begin_array();
    for (size_t i = 0; i < m.missing.size(); ++i) {
      open_skill_ref(m.missing[i]);
      w.key("essential").value(static_cast<bool>(m.missing_essential[i])).end_object();
    }
    w.end_array();
  }

  void role_match(const RoleMatch& m) {
    w.begin_object().key("id").value(m.role->id).key("name");
    name(m.role->name);
    w.key("category").value(m.role->category);
    write_external_ids(w, m.role->external_ids);
    w.key("score").value(rounded(m.score)).key("fit").value(m.fit).key("evidence").begin_array();
    for (const auto& e : m.evidence) w.value(e);
    w.end_array().key("terms");
    terms(m);
    w.key("matched_skills");
    skill_refs(m.matched);
    w.key("proven_skills");
    partial(m.proven);
    w.key("partial_skills");
    partial(m);
    w.key("missing_skills");
    missing(m);
    w.key("also_asked_for");
    skill_refs(m.also_asked);
    w.key("reasons");
    texts(m.reasons);
    w.end_object();
  }

  void claims(const Certificate& cert) {
    if (f)
      if (auto it = f->claims.find(&cert); it != f->claims.end()) {
        w.raw(it->second);
        return;
      }
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

  void certificate_suggestion(const CertificateSuggestion& s) {
    const auto& r = s.suggested;
    w.begin_object().key("id").value(s.certificate->id).key("level").value(r.level->id).key("name");
    name(s.certificate->name);
    w.key("level_name");
    name(r.level->name);
    w.key("status").value(outcome_id(r.status)).key("eligible").value(r.status == Outcome::eligible);
    w.key("earliest_date");
    date_or_null(r.earliest_date);
    w.key("next_sitting");
    string_or_null(r.next_sitting);
    w.key("score").value(rounded(s.score)).key("terms");
    terms(s.terms);
    w.key("reasons");
    texts(s.reasons);
    w.key("next_step");
    if (s.next_step) {
      const auto& n = *s.next_step;
      w.begin_object().key("level").value(n.level->id).key("level_name");
      name(n.level->name);
      w.key("status").value(outcome_id(n.status)).key("earliest_date");
      date_or_null(n.earliest_date);
      w.key("next_sitting");
      string_or_null(n.next_sitting);
      w.key("route");
      if (s.next_route.empty())
        w.null();
      else
        w.value(s.next_route);
      w.key("date");
      date_or_null(s.next_date);
      w.end_object();
    } else {
      w.null();
    }
    w.key("covers_skills");
    skill_refs(s.covers);
    w.key("claims");
    claims(*s.certificate);
    w.key("stale").value(r.stale).end_object();
  }

  void covering(const std::vector<CoveringCertificate>& cov) {
    w.begin_array();
    for (const auto& cc : cov) {
      w.begin_object().key("id").value(cc.certificate->id).key("level");
      if (cc.level)
        w.value(cc.level->id);
      else
        w.null();
      w.key("name");
      name(cc.certificate->name);
      w.key("covers");
      skill_refs(cc.covers);
      w.end_object();
    }
    w.end_array();
  }

 private:
  const JsonFragments* f;
};

}  // namespace

JsonFragments::JsonFragments(const Catalog& c) {
  // Written by DocWriter without fragments, so a copy is what it would have written.
  auto written = [&](auto&& write) {
    std::string s;
    JsonWriter w(s);
    DocWriter d(w, c, nullptr);
    write(d);
    return s;
  };
  for (const auto& cert : c.certificates) {
    claims.emplace(&cert, written([&](DocWriter& d) { d.claims(cert); }));
    texts.emplace(&cert.name, written([&](DocWriter& d) { d.name(cert.name); }));
    for (const auto& l : cert.levels) texts.emplace(&l.name, written([&](DocWriter& d) { d.name(l.name); }));
  }
  for (const auto& r : c.roles) texts.emplace(&r.name, written([&](DocWriter& d) { d.name(r.name); }));
  texts.emplace(&c.caveat, written([&](DocWriter& d) { d.name(c.caveat); }));
  skill_refs.reserve(c.skills.size());
  for (const auto& s : c.skills) {
    // Open: the reference's closing brace is the caller's, after any members it adds.
    auto ref = written([&](DocWriter& d) {
      d.open_skill_ref(s.id);
      d.w.end_object();
    });
    ref.pop_back();
    skill_refs.emplace(s.id, std::move(ref));
  }
}

void write_covering(JsonWriter& w, const Catalog& c, const std::vector<CoveringCertificate>& cov) {
  DocWriter(w, c, nullptr).covering(cov);
}

void write_recommend(JsonWriter& w, const Catalog& c, const Profile& p, const Recommendation& r, size_t top,
                     const JsonFragments* fragments, bool all_certificates) {
  DocWriter d(w, c, fragments);
  w.begin_object().key("schema_version").value(k_schema_version).key("as_of").value(r.as_of.str());
  w.key("profile").begin_object().key("name");
  if (p.name.empty())
    w.null();
  else
    w.value(p.name);
  w.end_object().key("next_actions").begin_array();
  for (const auto& a : r.next_actions) {
    w.begin_object();
    write_next_action_ids(w, a);  // the brief form's fields, then the words
    w.key("text");
    d.name(a.text);
    w.end_object();
  }
  size_t left_out = 0;
  w.end_array().key("certificates").begin_array();
  for (const auto& s : r.certificates) {
    if (s.below_floor && !all_certificates) {
      ++left_out;
      continue;
    }
    d.certificate_suggestion(s);
  }
  w.end_array().key("certificates_left_out").value(static_cast<int64_t>(left_out)).key("roles").begin_array();
  for (size_t i = 0; i < r.roles.size() && (top == 0 || i < top); ++i) d.role_match(r.roles[i]);
  w.end_array().key("closest_roles").begin_array();
  for (const auto& m : r.closest) d.role_match(m);
  w.end_array().key("caveat");
  d.name(c.caveat);
  w.end_object();
}

void write_gap(JsonWriter& w, const Catalog& c, const Role& role, const RoleMatch& m,
               const std::vector<CoveringCertificate>& cov, Date as_of) {
  DocWriter d(w, c, nullptr);
  w.begin_object().key("schema_version").value(k_schema_version).key("as_of").value(as_of.str());
  w.key("role").begin_object().key("id").value(role.id).key("name");
  d.name(role.name);
  w.key("category").value(role.category);
  write_external_ids(w, role.external_ids);
  w.end_object();
  w.key("score").value(rounded(m.score)).key("fit").value(m.fit).key("evidence").begin_array();
  for (const auto& e : m.evidence) w.value(e);
  w.end_array().key("terms");
  d.terms(m);
  w.key("matched_skills");
  d.skill_refs(m.matched);
  w.key("proven_skills");
  d.partial(m.proven);
  w.key("missing_skills");
  d.missing(m);
  w.key("partial_skills");
  d.partial(m);
  w.key("also_asked_for");
  d.skill_refs(m.also_asked);
  w.key("certificates");
  d.covering(cov);
  w.end_object();
}

Json diagnostic_json(const Diagnostic& d) {
  return Json{{"file", d.file},
              {"line", d.line},
              {"column", d.shown_column()},
              {"severity", d.severity == Severity::error ? "error" : "warning"},
              {"message", text_json(d.message)}};
}

void warn_stale(const std::vector<const LevelResult*>& results) {
  if (globals().quiet) return;
  // One short line in the output language, for the certificates the output shows.
  std::set<std::string> seen;
  const Certificate* one = nullptr;
  Date oldest{9999, 12, 31};
  for (const auto* r : results) {
    if (!r->stale || !seen.insert(r->certificate->id).second) continue;
    one = r->certificate;
    oldest = std::min(oldest, *r->certificate->verified_on);
  }
  if (seen.empty()) return;
  auto what = seen.size() == 1 ? T(fmt::format("the rules of {} were", one->name.en),
                                   fmt::format("{}的规则", one->name.in(Lang::zh)))
                               : T(fmt::format("the rules of {} certificates shown were", seen.size()),
                                   fmt::format("所列 {} 个证书的规则", seen.size()));
  std::cerr << fmt::format(
      "advisor: {}: {}\n", tr("warning", "警告"),
      tr(T(fmt::format("{} last checked {}, over a year ago; confirm with the issuer", what.en, oldest.str()),
           fmt::format("{}最早核对于 {}，已超过一年；请向发证机构确认", what.zh, oldest.str()))));
}

/// When the last dated step can be done: its sitting month, else its date.
std::optional<Date> finish_date(const Plan& plan) {
  std::optional<Date> last;
  for (const auto& st : plan.steps) {
    std::optional<Date> d = st.sitting ? parse_date(*st.sitting).date : st.earliest_date;
    if (d && (!last || *d > *last)) last = d;
  }
  return last;
}

Json plan_json(const Plan& plan) {
  Json j = json_doc();
  j["as_of"] = plan.as_of.str();
  const auto& role = *plan.target;
  j["target"] = Json{{"id", role.id}, {"name", text_json(role.name)}, {"category", role.category}};
  Json steps = Json::array();
  for (const auto& s : plan.steps) {
    Json e;
    e["kind"] = s.kind;
    e["id"] = s.id;
    e["level"] = s.kind == "certificate" ? Json(s.level) : Json(nullptr);
    e["name"] = text_json(s.name);
    e["reason"] = text_json(s.reason);
    e["earliest_date"] = date_or_null(s.earliest_date);
    e["next_sitting"] = s.sitting ? Json(*s.sitting) : Json(nullptr);
    e["after"] = s.after;
    steps.push_back(e);
  }
  j["steps"] = steps;
  j["finish_date"] = date_or_null(finish_date(plan));
  return j;
}

}  // namespace advisor::cli
