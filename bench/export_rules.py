#!/usr/bin/env python3
"""Translates the catalogue's certificate `requires` rules, the whole rule language of
docs/rules.md, into json-rules-engine rules, for every level advisor evaluates.

Three outcomes in a two-valued engine. advisor answers eligible, not eligible or
unknown for every node (a missing field is never guessed). json-rules-engine's
conditions are true or false, so each node is translated twice:

  E(node)  true exactly when advisor's outcome is `eligible`
  P(node)  true exactly when it is not `not_eligible` (eligible or unknown)

and advisor's combining table (docs/rules.md, "Three outcomes") is Kleene's logic on
that pair, node for node, in json-rules-engine's all/any/not:

  E(all) = all E(children)   P(all) = all P(children)
  E(any) = any E(children)   P(any) = any P(children)
  E(not c) = not P(c)        P(not c) = not E(c)

A level gets two rules: one on E(rule) (event `eligible`) and one on P(rule) (event
`possible`): eligible when the first fires, unknown when only the second does, not
eligible otherwise. A rule none of whose predicates can be unknown (E = P) gets the
first only.

Each predicate is one condition on one fact, whose params are the predicate's own
(thresholds turned into months, ranks and level indexes): the fact gives advisor's
outcome of that predicate, 1 eligible, 0 unknown, -1 not eligible, and E tests it
`equal 1`, P `greaterThanInclusive 0`. The JS harness (bench/jre/run.js) works the
facts out per profile as advisor's evaluator does (src/rules/rules.cpp): age (or
birth_date), education (a degree in progress counts up to the level it takes to
enrol), major, experience by domain or in this or a related occupation (`maybe`
work: unknown), counted after a certificate or a title (held without a date, or
undated years that may fall after it: unknown), holds (with years held), study
hours, skills, title (in a matching field), diploma (schools, classes, related
major, final-year students, assessed programmes: never more than unknown) and
confirm (unknown for everyone). This is the smallest faithful encoding (one
condition per predicate per rule), so json-rules-engine is not slowed by the
translation; it does the all/any/not, which is what a rules engine is for.

Dated `versions`: advisor picks the version in force from the evaluation date alone
(CertificateLevel::version_on), the same for every profile, so the export picks it
the same way for --as-of (bench/run passes 2026-11-23) and translates that one.
Levels with no rule in force are open: eligible for everyone, evaluated by neither.

usage: export_rules.py --catalog DIR --out FILE [--as-of YYYY-MM-DD]   (one JSON document)
"""
import argparse
import datetime
import json
import math
import sys

from gen_profiles import load_catalog


def day(d):
    """A YAML date (a date, or text YYYY-MM / YYYY-MM-DD) as (y, m, d)."""
    if d is None:
        return None
    if isinstance(d, (datetime.date, datetime.datetime)):
        return (d.year, d.month, d.day)
    parts = [int(x) for x in str(d).split("-")]
    return (parts[0], parts[1], parts[2] if len(parts) > 2 else 1)


def version_on(versions, as_of):
    """CertificateLevel::version_on: the version in force on as_of."""
    def vdate(v):
        return day(v.get("published", v.get("captured")))
    best = None
    for v in versions:
        vd = vdate(v)
        if v.get("current") and (vd is None or vd <= as_of):
            return v
        if vd is not None and vd <= as_of and (best is None or vdate(best) is None or vdate(best) < vd):
            best = v
    if best is not None:
        return best
    for v in versions:  # before every dated version: the earliest
        if best is None or (vdate(v) is not None and (vdate(best) is None or vdate(v) < vdate(best))):
            best = v
    return best


def months(years):
    """years_to_months: std::lround(years * 12)."""
    return int(math.floor(years * 12 + 0.5))


class Translator:
    def __init__(self, cat, doc):
        self.doc = doc
        self.edu_rank = {e["id"]: i for i, e in enumerate(cat.get("education", []))}
        self.class_rank = {c["id"]: c["rank"] for c in cat.get("school_classes", [])}
        self.title_rank = {t["id"]: t["rank"] for t in cat.get("title_levels", [])}
        self.level_index = doc["level_index"]

    def index(self, cert, level):
        return self.level_index[cert].get(level, 0) if level else 0

    def work_set(self, key, domains):
        """A named set of domains a job may count toward (None: all work)."""
        self.doc["work_sets"][key] = domains
        return key

    def majors(self, cert):
        self.doc["major_relations"][cert["id"]] = cert["related_majors"]
        return cert["id"]

    def tr(self, rule, cert):
        """(E, P, may_be_unknown) of a rule node."""
        for op in ("all", "any"):
            if op in rule:
                parts = [self.tr(r, cert) for r in rule[op]]
                return ({op: [p[0] for p in parts]}, {op: [p[1] for p in parts]}, any(p[2] for p in parts))
        if "not" in rule:
            e, p, u = self.tr(rule["not"], cert)
            return {"not": p}, {"not": e}, u
        fact, params, unknowable = self.predicate(rule, cert)
        e = {"fact": fact, "params": params, "operator": "equal", "value": 1}
        if not unknowable:
            return e, e, False
        return e, {"fact": fact, "params": params, "operator": "greaterThanInclusive", "value": 0}, True

    def predicate(self, rule, cert):
        """The fact that gives a predicate's outcome, its params, and whether it may be unknown."""
        if "age" in rule:
            return "age", {k: rule["age"][k] for k in ("min", "max") if k in rule["age"]}, True
        if "education" in rule:
            return "education", {"rank": self.edu_rank[rule["education"]["min"]]}, True
        if "major" in rule:
            return "major", {"in": rule["major"]["in"]}, True
        if "experience" in rule:
            x = rule["experience"]
            params = {"months": months(x["min_years"])}
            if x.get("work") != "related" and "after" not in x:
                params["domain"] = x.get("domain", "")
                if "max_years" in x:
                    params["max_months"] = months(x["max_years"])
                return "experience", params, True
            if x.get("work") == "related":
                rel = cert["related_work"]
                params["work"] = self.work_set(f"{cert['id']}/this", rel.get("this", []))
                if rel.get("maybe"):
                    params["maybe"] = self.work_set(f"{cert['id']}/this+maybe", rel.get("this", []) + rel["maybe"])
            else:
                params["work"] = self.work_set(f"domain:{x.get('domain', '')}", [x["domain"]] if x.get("domain") else None)
            a = x.get("after")
            if a and "certificate" in a:
                params["after"] = f"cert:{a['certificate']}:{self.index(a['certificate'], a.get('level'))}"
                self.doc["afters"][params["after"]] = {"certificate": a["certificate"],
                                                       "index": self.index(a["certificate"], a.get("level"))}
            elif a:
                params["after"] = f"title:{a['title']}"
                self.doc["afters"][params["after"]] = {"title_rank": self.title_rank[a["title"]]}
            return "experience", params, True
        if "holds" in rule:
            h = rule["holds"]
            params = {"certificate": h["certificate"], "index": self.index(h["certificate"], h.get("level"))}
            if h.get("min_years_held", 0) > 0:
                params["min_months"] = months(h["min_years_held"])
                return "holds", params, True  # held without a date: unknown
            return "holds", params, False  # not held is a plain fail
        if "study_hours" in rule:
            s = rule["study_hours"]
            return "study_hours", {"certificate": s["certificate"], "min": s["min"]}, False
        if "skills" in rule:
            s = rule["skills"]
            return "skills", {"any": s["any"], "min": s.get("min", 1)}, False
        if "title" in rule:
            t = rule["title"]
            params = {"rank": self.title_rank[t["min"]]}
            if t.get("field") == "related":
                params["majors"] = self.majors(cert)
                return "title", params, True
            return "title", params, False  # any title of the rank: held or not, never unknown
        if "diploma" in rule:
            d = rule["diploma"]
            params = {"schools": d["schools"]}
            if "min_education" in d:
                params["min_rank"] = self.edu_rank[d["min_education"]]
            if "min_class" in d:
                params["min_class"] = self.class_rank[d["min_class"]]
            if d.get("major") == "related":
                params["majors"] = self.majors(cert)
            for flag in ("final_year", "studying", "assessed"):
                if d.get(flag):
                    params[flag] = True
            return "diploma", params, True
        if "confirm" in rule:
            return "confirm", {}, True  # no profile can show it: unknown for everyone
        raise SystemExit(f"export_rules: no translation for the rule node {rule}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--catalog", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--as-of", default="2026-11-23")
    a = ap.parse_args()
    as_of = day(a.as_of)
    cat = load_catalog(a.catalog)
    education = [e["id"] for e in cat.get("education", [])]
    # The rank a degree takes to enrol: the lowest of ISCED 3 or above, else the lowest.
    school_ranks = [i for i, e in enumerate(cat.get("education", [])) if (str(e.get("isced") or " "))[0] in "3456789"]
    schools = cat.get("schools", [])
    school_parent = {s["id"]: s.get("parent", "") for s in schools}
    doc = {
        "as_of": "%04d-%02d-%02d" % as_of,
        "rules": [],
        "levels": [],
        "education": education,
        "enrolment_rank": min(school_ranks) if school_ranks else 0,
        "domain_parent": {d["id"]: d.get("parent", "") for d in cat.get("domains", [])},
        "major_parent": {m["id"]: m.get("parent", "") for m in cat.get("majors", [])},
        "skill_parent": {s["id"]: s.get("parent", "") for s in cat.get("skills", [])},
        "level_index": {c["id"]: {l["id"]: i for i, l in enumerate(c["levels"])} for c in cat.get("certificates", [])},
        # the schools a profile's level may mean when it names none, and each school's groups
        "schools_at": {lv: [s["id"] for s in schools if lv in s.get("levels", [])] for lv in education},
        "school_parent": school_parent,
        "class_rank": {c["id"]: c["rank"] for c in cat.get("school_classes", [])},
        "title_rank": {t["id"]: t["rank"] for t in cat.get("title_levels", [])},
        "work_sets": {},
        "afters": {},
        "major_relations": {},
    }
    t = Translator(cat, doc)
    counts = {"ruled": 0, "open": 0, "two": 0}
    for c in cat.get("certificates", []):
        for l in c["levels"]:
            name = f"{c['id']}/{l['id']}"
            rule, version = l.get("requires"), None
            if "versions" in l:
                version = version_on(l["versions"], as_of)
                rule = version.get("requires") if version else None
            entry = {"name": name, "certificate": c["id"], "level": l["id"]}
            if version:
                entry["version"] = version["id"]
            if rule is None:
                entry["ruled"] = False  # open: eligible for everyone, nothing to evaluate
                counts["open"] += 1
                doc["levels"].append(entry)
                continue
            e, p, unknowable = t.tr(rule, c)
            top = lambda x: x if any(k in x for k in ("all", "any", "not")) else {"all": [x]}
            doc["rules"].append({"name": name, "conditions": top(e),
                                 "event": {"type": "eligible", "params": {"level": name}}})
            if unknowable:
                doc["rules"].append({"name": name + " (not ruled out)", "conditions": top(p),
                                     "event": {"type": "possible", "params": {"level": name}}})
                counts["two"] += 1
            entry["ruled"] = True
            entry["may_be_unknown"] = unknowable
            counts["ruled"] += 1
            doc["levels"].append(entry)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
    print(f"export_rules: {counts['ruled']} ruled levels translated ({counts['two']} of them may be unknown: "
          f"two rules each), {counts['open']} open; {len(doc['rules'])} json-rules-engine rules", file=sys.stderr)


if __name__ == "__main__":
    main()
