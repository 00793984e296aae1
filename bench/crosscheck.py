#!/usr/bin/env python3
"""Checks that the json-rules-engine translation is faithful: for the first K
profiles, the status json-rules-engine gives every certificate level (eligible,
not_eligible or unknown; bench/jre/run.js) must be the status advisor gives it, both in
the document raced (`advisor batch --command check --brief`, one process for all K) and
in `advisor --json check` (one process per profile: the full evaluator, with prose).
It prints how often each level came out each way, then one line: the verdict.

usage: crosscheck.py --advisor BIN --rules RULES.json --profiles P.jsonl --jre CHECK.jsonl
                     [--as-of 2026-11-23] [--check-json N (default: all K)]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--advisor", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("--profiles", required=True)
    ap.add_argument("--jre", required=True)
    ap.add_argument("--as-of", default="2026-11-23")
    ap.add_argument("--check-json", type=int, default=-1)
    a = ap.parse_args()
    levels = json.load(open(a.rules, encoding="utf-8"))["levels"]
    names = [l["name"] for l in levels]
    ruled = sum(1 for l in levels if l["ruled"])
    jre = [json.loads(l) for l in open(a.jre, encoding="utf-8") if l.strip()]
    profiles = open(a.profiles, encoding="utf-8").read().splitlines()
    n_json = len(jre) if a.check_json < 0 else min(a.check_json, len(jre))
    bad = set()
    tally = {n: Counter() for n in names}

    def compare(line, source, got):
        want = jre_by_line[line]
        diff = [f"{n}: advisor {got.get(n)} != json-rules-engine {want[n]}" for n in names if got.get(n) != want[n]]
        if diff:
            if len(bad) < 20:
                print(f"line {line} ({source}): " + "; ".join(diff))
            bad.add(line)

    jre_by_line = {c["line"]: c["status"] for c in jre}
    for c in jre:
        for n in names:
            tally[n][c["status"][n]] += 1
    with tempfile.TemporaryDirectory() as tmp:
        batch_in = os.path.join(tmp, "p.jsonl")
        with open(batch_in, "w", encoding="utf-8") as f:
            for c in jre:
                f.write(profiles[c["line"] - 1] + "\n")
        p = subprocess.run([a.advisor, "--as-of", a.as_of, "batch", "--command", "check", "--brief", "--input",
                            batch_in, "--jobs", "1"], capture_output=True, text=True)
        out = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
        if len(out) != len(jre):
            print(f"advisor batch answered {len(out)} lines of {len(jre)}: {p.stderr.strip()[:300]}")
            bad.add(0)
        for c, o in zip(jre, out):
            if not o.get("ok"):
                print(f"line {c['line']}: advisor batch refused it: {json.dumps(o)[:300]}")
                bad.add(c["line"])
                continue
            compare(c["line"], "batch --brief",
                    {f"{r['certificate']}/{r['level']}": r["status"] for r in o["result"]["results"]})
        for c in jre[:n_json]:
            path = os.path.join(tmp, "p.json")
            with open(path, "w", encoding="utf-8") as f:
                f.write(profiles[c["line"] - 1])
            p = subprocess.run([a.advisor, "--as-of", a.as_of, "--json", "check", "--profile", path],
                               capture_output=True, text=True)
            if p.returncode not in (0, 1):
                print(f"line {c['line']}: advisor check failed: {p.stderr.strip()}")
                bad.add(c["line"])
                continue
            compare(c["line"], "check --json",
                    {f"{r['certificate']}/{r['level']}": r["status"] for r in json.loads(p.stdout)["results"]})
    for n in names:
        t = tally[n]
        print(f"{n}: {t['eligible']} eligible, {t['unknown']} unknown, {t['not_eligible']} not eligible")
    print(f"faithfulness: {len(jre) - len(bad - {0})}/{len(jre)} profiles agree on every ruled level "
          f"({ruled} ruled, {len(names) - ruled} open; batch --command check --brief, and check --json on "
          f"{n_json})" + (" — FAILED" if bad else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
