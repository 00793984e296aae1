#!/usr/bin/env python3
"""Translates the catalogue's certificate `requires` rules into json-rules-engine
rules, node for node: all → all, any → any, not → not, and each predicate into a
condition on a fact the JS harness precomputes per profile:

  age {min, max}            age >= min / age <= max
  education {min}           education_rank >= rank of min
  experience {domain, years} experience_months[domain] >= years * 12
  holds {certificate, level} holds_rank[certificate] >= index of level
  study_hours {cert, min}   study_hours[certificate] >= min
  major {in}                major_ancestors contains any of them
  skills {any, min}         skill_count[list] >= min

Levels whose rules use the rest of the rule language (title, diploma, confirm, work
counted after a certificate or title, related work, years a certificate is held: the
national standards' conditions, docs/rules.md) are left out of the translation and
named on stderr: json-rules-engine then evaluates fewer levels than advisor, which
still decides every level, so the race understates advisor.

usage: export_rules.py --catalog DIR --out FILE   (writes one JSON document)
"""
import argparse
import json
import math
import sys

from gen_profiles import load_catalog


SIMPLE = {"age", "education", "study_hours", "major", "skills"}


def translatable(rule):
    """Whether every node of the rule is one translate() renders faithfully."""
    for op in ("all", "any"):
        if op in rule:
            return all(translatable(r) for r in rule[op])
    if "not" in rule:
        return translatable(rule["not"])
    if "experience" in rule:
        return set(rule["experience"]) <= {"domain", "min_years"}
    if "holds" in rule:
        return set(rule["holds"]) <= {"certificate", "level"}
    predicate = set(rule) - {"reason", "source"}
    return len(predicate) == 1 and next(iter(predicate)) in SIMPLE


def translate(rule, cat, ranks, level_index):
    if "all" in rule:
        return {"all": [translate(r, cat, ranks, level_index) for r in rule["all"]]}
    if "any" in rule:
        return {"any": [translate(r, cat, ranks, level_index) for r in rule["any"]]}
    if "not" in rule:
        return {"not": translate(rule["not"], cat, ranks, level_index)}
    if "age" in rule:
        conds = []
        if "min" in rule["age"]:
            conds.append({"fact": "age", "operator": "greaterThanInclusive", "value": rule["age"]["min"]})
        if "max" in rule["age"]:
            conds.append({"fact": "age", "operator": "lessThanInclusive", "value": rule["age"]["max"]})
        return conds[0] if len(conds) == 1 else {"all": conds}
    if "education" in rule:
        return {"fact": "education_rank", "operator": "greaterThanInclusive", "value": ranks[rule["education"]["min"]]}
    if "experience" in rule:
        e = rule["experience"]
        # advisor counts whole months: min_years rounded to months, as years_to_months does
        return {"fact": "experience_months", "params": {"domain": e.get("domain", "")},
                "operator": "greaterThanInclusive", "value": int(math.floor(e["min_years"] * 12 + 0.5))}
    if "holds" in rule:
        h = rule["holds"]
        return {"fact": "holds_rank", "params": {"certificate": h["certificate"]}, "operator": "greaterThanInclusive",
                "value": level_index[h["certificate"]].get(h.get("level", ""), 0)}
    if "study_hours" in rule:
        s = rule["study_hours"]
        return {"fact": "study_hours", "params": {"certificate": s["certificate"]}, "operator": "greaterThanInclusive",
                "value": s["min"]}
    if "major" in rule:
        return {"any": [{"fact": "major_ancestors", "operator": "contains", "value": m} for m in rule["major"]["in"]]}
    if "skills" in rule:
        s = rule["skills"]
        return {"fact": "skill_count", "params": {"skills": s["any"]}, "operator": "greaterThanInclusive",
                "value": s.get("min", 1)}
    raise SystemExit(f"untranslatable rule: {rule}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--catalog", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    cat = load_catalog(a.catalog)
    ranks = {e["id"]: i for i, e in enumerate(cat.get("education", []))}
    level_index = {c["id"]: {l["id"]: i for i, l in enumerate(c["levels"])} for c in cat.get("certificates", [])}
    rules = []
    left_out = []
    for c in cat.get("certificates", []):
        for l in c["levels"]:
            if "versions" in l or ("requires" in l and not translatable(l["requires"])):
                left_out.append(f"{c['id']}/{l['id']}")
                continue
            if "requires" not in l:
                continue  # open level: eligible for everyone, nothing to evaluate
            top = translate(l["requires"], cat, ranks, level_index)
            if "all" not in top and "any" not in top:
                top = {"all": [top]}  # json-rules-engine wants all/any at the top
            rules.append({"name": f"{c['id']}/{l['id']}", "conditions": top,
                          "event": {"type": "eligible", "params": {"level": f"{c['id']}/{l['id']}"}}})
    doc = {
        "rules": rules,
        "education": list(ranks),
        "domain_parent": {d["id"]: d.get("parent", "") for d in cat.get("domains", [])},
        "major_parent": {m["id"]: m.get("parent", "") for m in cat.get("majors", [])},
        "skill_parent": {s["id"]: s.get("parent", "") for s in cat.get("skills", [])},
        "level_index": level_index,
    }
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
    if left_out:
        print(f"export_rules: {len(rules)} levels translated; {len(left_out)} left out (rule language json-rules-engine "
              f"is not given here): {', '.join(left_out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
