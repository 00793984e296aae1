#!/usr/bin/env python3
"""Checks the CLI contract over the core golden cases (tests/golden/cases/core-*).

Each case must pin its date and language (--as-of, --lang) so its output does not
depend on today or the environment; an error exit (2, 65, 66, 70) must leave stdout
empty; a successful --json run must print one JSON document with schema_version.
"""
import glob
import json
import os
import sys


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "tests/golden/cases"
    cases = sorted(glob.glob(os.path.join(root, "core-*")))
    problems = []
    if not cases:
        problems.append(f"no core-* cases under {root}")
    for case in cases:
        name = os.path.basename(case)
        args = [l.rstrip("\n") for l in open(os.path.join(case, "args"), encoding="utf-8") if l.strip()]
        code = int(open(os.path.join(case, "exit_code")).read().strip())
        stdout = open(os.path.join(case, "stdout"), "rb").read()
        for flag in ("--as-of", "--lang"):
            if flag not in args:
                problems.append(f"{name}: args lack {flag}")
        if code not in (0, 1) and stdout:
            problems.append(f"{name}: exit {code} but stdout is not empty")
        if "--json" in args and code in (0, 1):
            try:
                doc = json.loads(stdout.decode("utf-8"))
            except ValueError as e:
                problems.append(f"{name}: stdout is not one JSON document: {e}")
                continue
            if "schema_version" not in doc:
                problems.append(f"{name}: JSON document has no schema_version")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(cases)} core golden cases checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
