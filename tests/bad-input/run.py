#!/usr/bin/env python3
"""Runs the bad-input corpus: every case must give exactly its exit code, its first
diagnostic line on stderr, and nothing at all on stdout.

cases.tsv has one case a line, tab-separated:
    path    command    exit    first stderr line
`command` is `profile` (advisor profile validate PATH), `recommend`, `check`
(advisor check --profile PATH caip), `init` (advisor profile init PATH; `init-force`
adds --force), `catalog`
(advisor catalog validate PATH) or `catalog-extend` (the built-in catalogue plus
the directory PATH: --catalog builtin --catalog PATH catalog validate),
optionally followed by extra global flags (`profile --max-file-size 100`). Paths
starting with `gen/` are made at run time in a scratch folder (huge or deep files
that do not belong in git); `{dir}` in the expected line stands for that folder.
A run that takes more than 30 s (120 s under sanitizers: ADVISOR_SLOW=1) is
reported as a hang; that is a guard, not a speed test: how quickly advisor refuses
a 1 GB file or 100,000-deep nesting is measured by bench/refusals.

    tests/bad-input/run.py --advisor build/advisor [--only NAME] [-v]
"""
import argparse
import json
import os
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def generate(name, scratch):
    """Builds the file a gen/ case names and returns its path."""
    path = os.path.join(scratch, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if name == "gen/huge-1g.yaml":
        # Sparse: a gigabyte that costs nothing on disk. advisor must refuse it
        # from its size alone, without reading it.
        with open(path, "wb") as f:
            f.truncate(1 << 30)
    elif name == "gen/deep-flow.yaml":
        with open(path, "w") as f:
            f.write("skills: " + "[" * 100000 + "]" * 100000 + "\n")
    elif name == "gen/deep-block.yaml":
        with open(path, "w") as f:
            f.write("skills:\n" + "- " * 100000 + "python\n")
    elif name == "gen/deep-indent.yaml":
        # Block nesting by indentation, one space per level, 5,000 levels (12 MB).
        with open(path, "w") as f:
            f.write("goals:\n" + "".join(" " * i + "a:\n" for i in range(1, 5000)) + " " * 5000 + "b\n")
    elif name == "gen/billion-laughs.yaml":
        lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for i in range(1, 10):
            refs = ", ".join(["*a%d" % (i - 1)] * 10)
            lines.append("a%d: &a%d [%s]" % (i, i, refs))
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
    elif name == "gen/unreadable.yaml":
        with open(path, "w") as f:
            f.write("age: 30\n")
        os.chmod(path, 0)
    else:
        raise SystemExit("run.py: no generator for " + name)
    return path


def command_for(kind, path, extra):
    base = ["--lang", "en", "--as-of", "2026-11-23", "--color", "never", "--no-cache"] + extra
    if kind == "profile":
        return base + ["profile", "validate", path]
    if kind == "recommend":
        return base + ["recommend", "--profile", path]
    if kind == "check":
        return base + ["check", "--profile", path, "caip"]
    if kind == "catalog":
        return base + ["catalog", "validate", path]
    if kind == "init":
        return base + ["profile", "init", path]
    if kind == "init-force":
        return base + ["profile", "init", path, "--force"]
    if kind == "catalog-extend":
        return base + ["--catalog", "builtin", "--catalog", path, "catalog", "validate"]
    raise SystemExit("run.py: unknown command kind " + kind)


def check_batch_line_limit(advisor, limit):
    """A batch line over max_line_bytes gets its own error line; the next line is
    still answered; the run exits 65 and says how many lines failed."""
    pad = "x" * (2 << 20)
    good = '{"age": 30, "education": "bachelor", "skills": ["python"]}'
    data = ('{"age": 30, "name": "%s"}\n%s\n' % (pad, good)).encode()
    start = time.monotonic()
    p = subprocess.run([advisor, "--lang", "en", "--as-of", "2026-11-23", "--no-cache", "batch"], input=data,
                       capture_output=True, timeout=120)
    took = time.monotonic() - start
    problems = []
    lines = p.stdout.decode("utf-8", "replace").splitlines()
    if p.returncode != 65:
        problems.append("exit %d, expected 65" % p.returncode)
    if len(lines) != 2:
        problems.append("%d output lines, expected 2" % len(lines))
    else:
        first, second = json.loads(lines[0]), json.loads(lines[1])
        want = "the line is %d bytes, over the limit of 1048576 bytes (docs/limits.md)" % (len(data) - len(good) - 2)
        if first.get("line") != 1 or first.get("ok") is not False or first["error"]["message"]["en"] != want:
            problems.append("line 1: %s, expected the error %r" % (lines[0][:300], want))
        if second.get("line") != 2 or second.get("ok") is not True:
            problems.append("line 2 was not answered: %s" % lines[1][:300])
    err = p.stderr.decode("utf-8", "replace").split("\n", 1)[0]
    if err != "advisor: error: 1 of 2 lines failed":
        problems.append("first stderr line: %s" % err)
    if took > limit:
        problems.append("took %.2f s, over %.0f s: it hangs" % (took, limit))
    for pr in problems:
        print("FAIL batch line limit: " + pr)
    return len(problems) == 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--advisor", required=True)
    ap.add_argument("--only", help="run the cases whose path contains this")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--batch-line-limit", action="store_true", help="check the batch line limit instead")
    args = ap.parse_args()
    advisor = os.path.abspath(args.advisor)
    limit = 120.0 if os.environ.get("ADVISOR_SLOW") else 30.0
    root_user = hasattr(os, "geteuid") and os.geteuid() == 0
    setpriv = shutil.which("setpriv")
    if args.batch_line_limit:
        ok = check_batch_line_limit(advisor, limit)
        print("batch line limit: %s" % ("ok" if ok else "FAILED"))
        return 0 if ok else 1

    cases = []
    with open(os.path.join(HERE, "cases.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 4:
                raise SystemExit("cases.tsv:%d: expected 4 tab-separated fields, got %d" % (n, len(parts)))
            cases.append((n, *parts))

    failures = 0
    ran = 0
    scratch = tempfile.mkdtemp(prefix="advisor-bad-input-")
    os.chmod(scratch, 0o755)  # the unreadable case runs as an unprivileged user
    try:
        for n, rel, kind, code, expected in cases:
            if args.only and args.only not in rel:
                continue
            words = shlex.split(kind)
            kind, extra = words[0], words[1:]
            prefix = []
            if rel.startswith("gen/"):
                path = generate(rel, scratch)
                shown = path
                if rel == "gen/unreadable.yaml" and root_user:
                    # root reads any file whatever its mode: drop to nobody for this one.
                    if not setpriv:
                        print("SKIP %s: running as root and setpriv is missing" % rel)
                        continue
                    prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
            else:
                path = os.path.join("tests", "bad-input", rel)
                shown = path
            cmd = prefix + [advisor] + command_for(kind, path, extra)
            start = time.monotonic()
            p = subprocess.run(cmd, cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, timeout=120,
                               env=dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8"))
            took = time.monotonic() - start
            ran += 1
            err = p.stderr.decode("utf-8", "replace")
            first = err.split("\n", 1)[0]
            want = expected.replace("{dir}", scratch).replace("{path}", shown)
            problems = []
            if str(p.returncode) != code:
                problems.append("exit %d, expected %s" % (p.returncode, code))
            if first != want:
                problems.append("first stderr line:\n      got:      %s\n      expected: %s" % (first, want))
            if p.stdout:
                problems.append("stdout is not empty: %r" % p.stdout[:200])
            if took > limit:
                problems.append("took %.2f s, over %.0f s: it hangs" % (took, limit))
            if "AddressSanitizer" in err or "runtime error:" in err:
                problems.append("sanitizer report on stderr")
            if problems:
                failures += 1
                print("FAIL cases.tsv:%d %s (%s)" % (n, rel, kind))
                for pr in problems:
                    print("    " + pr)
                if args.verbose:
                    print("    stderr:\n" + "".join("      " + l + "\n" for l in err.splitlines()))
            elif args.verbose:
                print("ok   %s (%.3f s)" % (rel, took))
    finally:
        for dirpath, dirnames, filenames in os.walk(scratch):
            for name in filenames:
                try:
                    os.chmod(os.path.join(dirpath, name), stat.S_IRUSR | stat.S_IWUSR)
                except OSError:
                    pass
        shutil.rmtree(scratch, ignore_errors=True)
    print("bad-input: %d cases, %d failed" % (ran, failures))
    return 1 if failures or ran == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
