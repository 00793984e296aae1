#!/usr/bin/env python3
"""Writes N random profiles, one JSON object per line (advisor's profile format), for
`advisor batch` and the json-rules-engine harness. Deterministic for a given seed.

Skills, domains, majors and certificates are drawn from the catalogue given, so the
same generator serves the built-in catalogue and an imported one (ESCO). Dates are
month-granular and jobs follow one another without overlap, so the JS harness can
compute experience in whole months exactly as advisor does.

When the catalogue has the national standards' vocabulary (schools, school classes,
title levels, certificates' related work and majors), a second generator, seeded
apart (the fields above are drawn as before), then adds what their rules read:
school types and classes, degrees in progress (final-year students or not), related
majors, professional titles (with or without a field and a date), dates of
certificates, a related domain on some jobs, undated years, and a few profiles
without age or experience (unknown). Its dates are month-granular too. A catalogue
without that vocabulary (an ESCO import) gets the same profiles as before.

usage: gen_profiles.py --catalog DIR [--count N] [--seed S] --out FILE
"""
import argparse
import glob
import json
import os
import random

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_catalog(d):
    cat = {}
    for path in sorted(glob.glob(os.path.join(d, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=Loader) or {}
        for k, v in doc.items():
            if isinstance(v, list):
                cat.setdefault(k, []).extend(v)
    return cat


def month(rnd, first, last):
    """A random month from first to last ((year, month) pairs), as YYYY-MM."""
    i = rnd.randint(first[0] * 12 + first[1] - 1, last[0] * 12 + last[1] - 1)
    return f"{i // 12:04d}-{i % 12 + 1:02d}"


def national_fields(p, rnd, schools, classes, titles, related_work, related_majors, majors, domains):
    """What the national standards' rules read, drawn from their own generator."""
    edu = p.get("education")
    if edu:
        at_level = [s for s in schools if edu["level"] in s.get("levels", [])]
        if at_level and rnd.random() < 0.3:
            school = rnd.choice(at_level)
            edu["school"] = school["id"]
            if classes and school.get("parent") and rnd.random() < 0.5:
                edu["class"] = rnd.choice(classes)
        if rnd.random() < 0.15:  # studying for it: some in their final year, some not yet
            edu["status"] = "in_progress"
            edu["expected"] = month(rnd, (2026, 6), (2030, 7))
        if related_majors and "major" in edu and rnd.random() < 0.3:
            edu["major"] = rnd.choice(related_majors)
    if titles and rnd.random() < 0.2:
        p["titles"] = []
        for _ in range(1 if rnd.random() < 0.75 else 2):
            t = {"level": rnd.choice(titles)}
            r = rnd.random()
            if r < 0.4 and related_majors:
                t["field"] = rnd.choice(related_majors)
            elif r < 0.7 and majors:
                t["field"] = rnd.choice(majors)
            if rnd.random() < 0.75:
                t["date"] = month(rnd, (2000, 1), (2026, 11))
            p["titles"].append(t)
    for c in p.get("certificates", []):
        if rnd.random() < 0.7:
            c["date"] = month(rnd, (2008, 1), (2026, 11))
    for job in p.get("experience", []):
        if related_work and rnd.random() < 0.35:
            d = rnd.choice(related_work)
            if d not in job["domains"]:
                job["domains"].append(d)
    if domains and rnd.random() < 0.1:  # undated years: they never grow, and cannot be placed after a date
        p["experience"].append({"title": "job", "domains": [rnd.choice(related_work or domains)],
                                "years": rnd.choice([1, 2, 3.5, 5, 8])})
    if rnd.random() < 0.04:
        del p["experience"]  # experience not given: rules on it are unknown
    if rnd.random() < 0.03:
        del p["age"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--catalog", required=True)
    ap.add_argument("--count", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    cat = load_catalog(a.catalog)
    rnd = random.Random(a.seed)
    skills = [s["id"] for s in cat.get("skills", [])]
    domains = [d["id"] for d in cat.get("domains", [])]
    majors = [m["id"] for m in cat.get("majors", [])]
    education = [e["id"] for e in cat.get("education", [])]
    certs = [(c["id"], [l["id"] for l in c["levels"]]) for c in cat.get("certificates", [])]
    # The national standards' vocabulary, for the second generator.
    schools = cat.get("schools", [])
    classes = [c["id"] for c in cat.get("school_classes", [])]
    titles = [t["id"] for t in cat.get("title_levels", [])]
    related_work = sorted({d for c in cat.get("certificates", []) for tier in ("this", "maybe")
                           for d in (c.get("related_work") or {}).get(tier, [])})
    related_majors = sorted({m for c in cat.get("certificates", []) for tier in ("this", "maybe")
                             for m in (c.get("related_majors") or {}).get(tier, [])})
    national = bool(schools or titles or related_work or related_majors)
    rnd2 = random.Random(a.seed + 29)
    with open(a.out, "w", encoding="utf-8") as out:
        for i in range(a.count):
            p = {"name": f"p{i}", "age": rnd.randint(16, 62)}
            if education:
                p["education"] = {"level": rnd.choice(education)}
                if majors and rnd.random() < 0.7:
                    p["education"]["major"] = rnd.choice(majors)
            # Jobs one after another, month-granular, the last possibly ongoing.
            year, month = rnd.randint(2008, 2025), rnd.randint(1, 12)
            jobs = []
            for _ in range(rnd.randint(0, 3)):
                length = rnd.randint(3, 60)
                start = (year, month)
                end_index = year * 12 + month - 1 + length
                end = (end_index // 12, end_index % 12 + 1)
                if end > (2026, 11):
                    break
                job = {"title": "job", "domains": rnd.sample(domains, k=min(len(domains), rnd.randint(1, 2))),
                       "start": f"{start[0]:04d}-{start[1]:02d}"}
                job["end"] = f"{end[0]:04d}-{end[1]:02d}"
                jobs.append(job)
                year, month = end
            if jobs and rnd.random() < 0.5:
                del jobs[-1]["end"]  # ongoing
            p["experience"] = jobs
            p["skills"] = rnd.sample(skills, k=min(len(skills), rnd.randint(3, 15)))
            held = []
            for cid, levels in certs:
                if rnd.random() < 0.15:
                    held.append({"id": cid, "level": rnd.choice(levels)})
            p["certificates"] = held
            if certs and rnd.random() < 0.5:
                p["study_hours"] = {rnd.choice(certs)[0]: rnd.choice([10, 20, 35, 40, 60])}
            if national:
                national_fields(p, rnd2, schools, classes, titles, related_work, related_majors, majors, domains)
            out.write(json.dumps(p, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
