#!/usr/bin/env python3
"""Checks that the json-rules-engine translation is faithful: for the first K
profiles, the levels it finds eligible must be exactly the levels (among those with
a `requires` rule) that `advisor check` finds eligible.

usage: crosscheck.py --advisor BIN --rules RULES.json --profiles P.jsonl --jre CHECK.jsonl
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--advisor", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("--profiles", required=True)
    ap.add_argument("--jre", required=True)
    a = ap.parse_args()
    ruled = {r["name"] for r in json.load(open(a.rules, encoding="utf-8"))["rules"]}
    jre = [json.loads(l) for l in open(a.jre, encoding="utf-8") if l.strip()]
    profiles = open(a.profiles, encoding="utf-8").read().splitlines()
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for c in jre:
            path = os.path.join(tmp, "p.json")
            with open(path, "w", encoding="utf-8") as f:
                f.write(profiles[c["line"] - 1])
            p = subprocess.run([a.advisor, "--as-of", "2026-11-23", "--json", "check", "--profile", path],
                               capture_output=True, text=True)
            if p.returncode not in (0, 1):
                print(f"line {c['line']}: advisor check failed: {p.stderr.strip()}")
                bad += 1
                continue
            got = sorted(f"{r['certificate']}/{r['level']}" for r in json.loads(p.stdout)["results"]
                         if r["status"] == "eligible" and f"{r['certificate']}/{r['level']}" in ruled)
            if got != c["eligible"]:
                print(f"line {c['line']}: advisor {got} != json-rules-engine {c['eligible']}")
                bad += 1
    print(f"faithfulness: {len(jre) - bad}/{len(jre)} profiles agree on every ruled level")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
