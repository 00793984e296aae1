#!/usr/bin/env python3
"""Runs one CLI golden case and compares stdout, stderr and the exit code byte for byte.

A case is a folder with `why` (one line: what the case checks), `args` (one argument
per line, after `advisor`), optional `stdin` and `env` (KEY=VALUE lines), and the
expected `stdout`, `stderr`, `exit_code`. A case without a one-line `why` fails,
also under --update: an expectation nobody can explain cannot be reviewed.
Runs in the repository root with colour off and LANG=C unless `env` says otherwise,
with XDG_CACHE_HOME in a fresh temporary folder, so that no catalogue snapshot in
the user's cache can change an answer.
`--update` rewrites the expectations from the current output, for review with git diff.
"""
import argparse
import os
import subprocess
import sys
import tempfile


def why_problem(case):
    """What is wrong with the case's `why` file, or None when it is one line of text."""
    path = os.path.join(case, "why")
    if not os.path.exists(path):
        return "no 'why' file: add one line saying what this case checks"
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f.read().split("\n") if l.strip()]
    if len(lines) != 1:
        return f"'why' must be one line saying what the case checks, not {len(lines)}"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--advisor", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("cases", nargs="+")
    a = ap.parse_args()
    failed = 0
    cache = tempfile.TemporaryDirectory(prefix="advisor-golden-cache-")
    for case in a.cases:
        problem = why_problem(case)
        if problem:
            failed += 1
            print(f"FAIL {case}: {problem}", file=sys.stderr)
            continue
        with open(os.path.join(case, "args"), encoding="utf-8") as f:
            args = [l.rstrip("\n") for l in f if l.rstrip("\n") != ""]
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "ADVISOR_")) and k not in ("LANG", "NO_COLOR")}
        env["LANG"] = "C"
        env["XDG_CACHE_HOME"] = cache.name
        env_file = os.path.join(case, "env")
        if os.path.exists(env_file):
            with open(env_file, encoding="utf-8") as f:
                for line in f:
                    if "=" in line:
                        k, v = line.rstrip("\n").split("=", 1)
                        env[k] = v
        stdin = b""
        if os.path.exists(os.path.join(case, "stdin")):
            with open(os.path.join(case, "stdin"), "rb") as f:
                stdin = f.read()
        p = subprocess.run([a.advisor, "--color", "never"] + args, input=stdin, capture_output=True, env=env, timeout=60)
        got = {"stdout": p.stdout, "stderr": p.stderr, "exit_code": f"{p.returncode}\n".encode()}
        if a.update:
            for k, v in got.items():
                with open(os.path.join(case, k), "wb") as f:
                    f.write(v)
            print(f"updated {case}")
            continue
        for k, v in got.items():
            path = os.path.join(case, k)
            want = open(path, "rb").read() if os.path.exists(path) else b""
            if want != v:
                failed += 1
                print(f"FAIL {case}: {k} differs", file=sys.stderr)
                print("--- expected\n" + want.decode("utf-8", "replace"), file=sys.stderr)
                print("--- got\n" + v.decode("utf-8", "replace"), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
