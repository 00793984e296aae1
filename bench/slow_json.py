#!/usr/bin/env python3
"""Inputs that take the slow way of the JSON reader (the strict check of
src/reader/json_check.cpp, then yaml-cpp), for measuring it (docs/performance.md,
"Strict JSON"). Writes into OUT:
  big.json     one pretty-printed profile: every skill of the catalogue (half of them
               by Chinese name with a level), 40 jobs; about 40 KB
  slow.jsonl   each line of PROFILES (from gen_profiles.py) with a Chinese name,
               written as Python's json.dumps writes by default: \\uXXXX escapes,
               which the fast reader leaves to the slow one

usage: slow_json.py --catalog DIR --profiles FILE.jsonl --out DIR
"""
import argparse
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in bench/
from gen_profiles import load_catalog  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--catalog", required=True)
    ap.add_argument("--profiles", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    skills = load_catalog(a.catalog).get("skills", [])
    big = {
        "name": "李媛 (Li Yuan)",
        "birth_date": "1960-05-01",
        "education": {"level": "硕士", "major": "计算机"},
        "experience": [{"title": f"数据分析师 {y}", "domains": ["ai", "aigc"],
                        "start": f"{1980 + y // 2}-{1 + 6 * (y % 2):02d}",
                        "end": f"{1980 + y // 2}-{6 + 6 * (y % 2):02d}"} for y in range(40)],
        "skills": [{"skill": s["name"]["zh"], "level": 1 + i % 5} if i % 2 else s["name"]["en"]
                   for i, s in enumerate(skills)],
        "certificates": [{"id": "aigc-application-engineer", "level": "junior", "date": "2025-05-20"}],
        "study_hours": {"caip": 35},
        "goals": {"roles": ["machine-learning-engineer"], "categories": ["product"]},
    }
    with open(os.path.join(a.out, "big.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(big, ensure_ascii=False, indent=2) + "\n")
    with open(a.profiles, encoding="utf-8") as src, open(os.path.join(a.out, "slow.jsonl"), "w") as out:
        for i, line in enumerate(src):
            p = json.loads(line)
            p["name"] = f"李媛 {i}"
            out.write(json.dumps(p) + "\n")


if __name__ == "__main__":
    main()
