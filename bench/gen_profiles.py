#!/usr/bin/env python3
"""Writes N random profiles, one JSON object per line (advisor's profile format), for
`advisor batch` and the json-rules-engine harness. Deterministic for a given seed.

Skills, domains, majors and certificates are drawn from the catalogue given, so the
same generator serves the built-in catalogue and an imported one (ESCO). Dates are
month-granular and jobs follow one another without overlap, so the JS harness can
compute experience in whole months exactly as advisor does.

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
            out.write(json.dumps(p, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
