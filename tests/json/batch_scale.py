#!/usr/bin/env python3
"""advisor batch at scale: N lines made from the example profiles, a few of them
broken on purpose, must give exactly N output lines, in order, with exactly the
broken ones marked failed (and exit 65).

  batch_scale.py --advisor build/advisor --lines 5000 [--jobs 2] [--keep FILE]

The output is read as it streams; each line's number and status are read from the
front of the line (the key order is fixed), and a sample of lines, every failed one
included, is parsed in full and validated against docs/schema/batch.schema.json.
Run from the repository root.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import jsonschema
import yaml

AS_OF = "2026-11-23"
HEAD = re.compile(rb'^\{"line":(\d+),"ok":(true|false),')


def broken_lines():
    """Each kind of bad line batch must survive."""
    return [
        b"",                                         # empty
        b'{"age": 30, "skills": [python',            # malformed JSON
        b'{"agee": 30}',                             # invalid profile: unknown key
        b'{"name": "' + b"x" * (1100 * 1024) + b'"}',  # over the 1 MiB line limit
        b'{"name": ' + b"[" * 500 + b"]" * 500 + b"}",  # too deep
        b"\x00\x01\xff binary \xfe",                 # binary
        b"not an object",
    ]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--advisor", required=True)
    ap.add_argument("--lines", type=int, default=5000)
    ap.add_argument("--jobs", default="1")
    ap.add_argument("--keep", help="write the generated input here and keep it")
    a = ap.parse_args()

    profiles = sorted(glob.glob("profiles/*.yaml"))
    good = [json.dumps(yaml.safe_load(open(p, encoding="utf-8")), ensure_ascii=False, default=str).encode() for p in profiles]
    bad = broken_lines()
    n = a.lines
    # Broken lines at fixed places: the first, the last, and spread between.
    spots = sorted({1, n} | {max(1, n * k // (len(bad) + 1)) for k in range(1, len(bad) + 1)})
    broken_at = {}
    for i, line_no in enumerate(spots):
        broken_at[line_no] = bad[i % len(bad)]

    path = a.keep or tempfile.mkstemp(suffix=".jsonl")[1]
    with open(path, "wb") as f:
        for line_no in range(1, n + 1):
            f.write(broken_at.get(line_no, good[line_no % len(good)]))
            f.write(b"\n")

    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "ADVISOR_"))}
    env["LANG"] = "C"
    validator = jsonschema.Draft202012Validator(json.load(open("docs/schema/batch.schema.json", encoding="utf-8")))
    problems = []
    seen = 0
    failed = []
    started = time.monotonic()
    p = subprocess.Popen([a.advisor, "--as-of", AS_OF, "batch", "--input", path, "--jobs", a.jobs],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    for raw in p.stdout:
        seen += 1
        m = HEAD.match(raw)
        if not m:
            problems.append(f"output line {seen} does not start with its number and status: {raw[:80]!r}")
            continue
        line_no, ok = int(m.group(1)), m.group(2) == b"true"
        if line_no != seen:
            problems.append(f"output line {seen} answers input line {line_no}")
        if not ok:
            failed.append(line_no)
        if not ok or seen % 997 == 1:
            doc = json.loads(raw)
            for e in list(validator.iter_errors(doc))[:2]:
                problems.append(f"line {seen}: {e.message[:200]}")
    err = p.stderr.read()
    code = p.wait()
    elapsed = time.monotonic() - started
    if not a.keep:
        os.unlink(path)

    if seen != n:
        problems.append(f"{seen} output lines for {n} input lines")
    if failed != sorted(broken_at):
        problems.append(f"failed lines {failed}, expected {sorted(broken_at)}")
    if code != 65:
        problems.append(f"exit {code}, expected 65; stderr: {err.decode('utf-8', 'replace')[:300]}")
    print(f"{n} lines, --jobs {a.jobs}: {seen} answered, failed {failed}, {elapsed:.1f} s")
    for pr in problems[:20]:
        print("FAIL " + pr, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
