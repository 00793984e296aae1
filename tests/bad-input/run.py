#!/usr/bin/env python3
"""Runs the bad-input corpus: every case must give exactly its exit code, its first
diagnostic line on stderr, and nothing at all on stdout.

cases.tsv has one case a line, tab-separated:
    path    command    exit    first stderr line
`command` is `profile` (advisor profile validate PATH), `recommend`, `check`
(advisor check --profile PATH caip), `init` (advisor profile init PATH; `init-force`
adds --force), `catalog`
(advisor catalog validate PATH), `catalog-extend` (the built-in catalogue plus
the directory PATH: --catalog builtin --catalog PATH catalog validate) or
`catalog-test` (advisor --catalog builtin catalog test PATH),
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
    elif name == "gen/commas-64m.yaml":
        # 64 MiB of one flow list (issue 19: it once peaked at 15.7 GB).
        with open(path, "w") as f:
            f.write("skills: [" + "a," * ((64 << 20) // 2 - 6) + "a]\n")
    elif name == "gen/python-lines-55m.yaml":
        with open(path, "w") as f:
            f.write("skills:\n" + "- Python\n" * (55_000_000 // 9))
    elif name == "gen/newlines-64m":
        # A catalogue file of 64 MiB of newlines: once 4.3 GB of line copies.
        os.makedirs(path, exist_ok=True)
        with open(os.path.join(path, "extra.yaml"), "w") as f:
            f.write("\n" * (64 << 20))
    elif name == "gen/any-800k":
        # A rule listing 800,000 alternatives: refused before yaml-cpp builds them.
        os.makedirs(path, exist_ok=True)
        with open(os.path.join(path, "extra.yaml"), "w") as f:
            f.write("certificates:\n  - id: test-cert\n    name: {zh: 测试证书, en: Test certificate}\n"
                    "    verified_on: 2026-01-10\n    source: seed-001\n    levels:\n      - id: standard\n"
                    "        name: Standard\n        requires:\n          any:\n")
            f.write("            - age: {min: 1}\n" * 800_000)
    elif name == "gen/link-outside":
        os.makedirs(path, exist_ok=True)
        os.symlink("/etc/passwd", os.path.join(path, "extra.yaml"))
    elif name == "gen/link-self":
        os.makedirs(path, exist_ok=True)
        os.symlink("extra.yaml", os.path.join(path, "extra.yaml"))
    elif name == "gen/fifo-in-catalogue":
        os.makedirs(path, exist_ok=True)
        os.mkfifo(os.path.join(path, "extra.yaml"))
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
    if kind == "catalog-test":
        return base + ["--catalog", "builtin", "catalog", "test", path]
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


class Done:
    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_measured(cmd, stdin=None, preexec=None):
    """Runs cmd in the repository root; returns (result, seconds, peak resident MB of
    advisor). The peak comes from /usr/bin/time -f %M, which forks advisor from a
    small process: the rusage of a child forked straight from Python would count the
    pages it shares with Python (the 64 MB files generated above) until it execs.
    Without /usr/bin/time, wait4's rusage is used, an upper bound."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r") as peak:
        if TIME:
            cmd = [TIME, "-f", "%U %S %M", "-o", peak.name] + cmd
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdin=stdin if stdin is not None else subprocess.DEVNULL,
                                stdout=out, stderr=err, preexec_fn=preexec,
                                env=dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8"))
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()
            raise
        proc.returncode = os.waitstatus_to_exitcode(status)
        took = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        kb = usage.ru_maxrss
        cpu = usage.ru_utime + usage.ru_stime
        if TIME:
            words = peak.read().split()
            if len(words) >= 3 and words[-1].isdigit():
                kb, cpu = int(words[-1]), float(words[-3]) + float(words[-2])
        return Done(proc.returncode, out.read(), err.read()), took, kb / 1024.0, cpu


def check_io_failures(advisor):
    """Standard input closed or unreadable is 66 with the reason; a failed write
    (/dev/full) says so and exits 74 (docs/limits.md)."""
    base = [advisor, "--lang", "en", "--as-of", "2026-11-23", "--no-cache"]
    closed = lambda: os.close(0)
    want_closed = "advisor: error: cannot read standard input: Bad file descriptor"
    checks = [
        ("recommend --profile - with stdin closed", base + ["recommend", "--profile", "-"], None, closed, 66, want_closed),
        ("batch with stdin closed", base + ["batch"], None, closed, 66, want_closed),
        ("recommend --profile - with stdin a directory", base + ["recommend", "--profile", "-"], "dir", None, 66,
         "advisor: error: cannot read standard input: Is a directory"),
    ]
    problems = []
    for what, cmd, stdin, pre, code, want in checks:
        fd = os.open(ROOT, os.O_RDONLY) if stdin == "dir" else None
        try:
            p = run_measured(cmd, stdin=fd, preexec=pre)[0]
        finally:
            if fd is not None:
                os.close(fd)
        first = p.stderr.decode("utf-8", "replace").split("\n", 1)[0]
        if p.returncode != code or first != want or p.stdout:
            problems.append("%s: exit %d, stderr %r, stdout %r" % (what, p.returncode, first, p.stdout[:100]))
    full = "advisor: error: writing standard output: No space left on device"
    for what, cmd, data in [("list roles > /dev/full", base + ["list", "roles"], b""),
                            ("batch > /dev/full", base + ["batch"], b'{"age": 30}\n')]:
        with open("/dev/full", "wb") as sink:
            p = subprocess.run(cmd, cwd=ROOT, input=data, stdout=sink, stderr=subprocess.PIPE, timeout=60)
        first = p.stderr.decode("utf-8", "replace").split("\n", 1)[0]
        if p.returncode != 74 or first != full:
            problems.append("%s: exit %d, stderr %r" % (what, p.returncode, first))
    problems += check_cache_places(base)
    problems += check_long_cell(base)
    for pr in problems:
        print("FAIL " + pr)
    return not problems


def check_long_cell(base):
    """`list` caps its columns: a 2 MB role name is cut, not padded into every row
    (it once made a 5 MB name write 505 MB)."""
    scratch = tempfile.mkdtemp(prefix="advisor-long-cell-")
    try:
        with open(os.path.join(scratch, "extra.yaml"), "w") as f:
            f.write("roles:\n  - id: long-name\n    name: %s\n    category: research-and-development\n"
                    "    skills: [python]\n    source: seed-003\n" % ("x" * (2 << 20)))
        p = subprocess.run(base + ["--catalog", "builtin", "--catalog", scratch, "list", "roles"], cwd=ROOT,
                           capture_output=True, timeout=60)
        rows = p.stdout.decode("utf-8", "replace").splitlines()
        if p.returncode != 0 or len(p.stdout) > 200_000 or not any("long-name" in r for r in rows) or "…" not in "".join(rows):
            return ["list roles with a 2 MB name: exit %d, %d bytes of output" % (p.returncode, len(p.stdout))]
        return []
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def check_cache_places(base):
    """HOME=/missing/x creates nothing; a snapshot path that is a directory or a FIFO
    is refused with a warning, rebuilt, and never waited on (docs/limits.md)."""
    problems = []
    cmd = base[:-1] + ["--catalog", "builtin", "--catalog", "tests/golden/fixtures/escape-catalog", "list", "roles"]
    scratch = tempfile.mkdtemp(prefix="advisor-cache-")
    try:
        env = {k: v for k, v in os.environ.items() if k != "XDG_CACHE_HOME"}
        env["HOME"] = os.path.join(scratch, "missing", "x")
        p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=60)
        if p.returncode != 0 or os.path.exists(os.path.join(scratch, "missing")):
            problems.append("HOME=%s: exit %d, created it: %s" % (env["HOME"], p.returncode,
                                                                   os.path.exists(os.path.join(scratch, "missing"))))
        env = dict(os.environ, XDG_CACHE_HOME=os.path.join(scratch, "cache"))
        subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=60)
        folder = os.path.join(scratch, "cache", "advisor")
        snaps = [f for f in os.listdir(folder) if f.endswith(".bin")] if os.path.isdir(folder) else []
        if len(snaps) != 1:
            return problems + ["no snapshot was written under XDG_CACHE_HOME: %r" % snaps]
        snap = os.path.join(folder, snaps[0])
        for kind in ("directory", "fifo"):
            os.remove(snap)
            os.mkdir(snap) if kind == "directory" else os.mkfifo(snap)
            p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=30)
            err = p.stderr.decode("utf-8", "replace")
            if p.returncode != 0 or "ignoring the cache snapshot" not in err or not os.path.isfile(snap):
                problems.append("snapshot path a %s: exit %d, stderr %r, rebuilt %s" % (kind, p.returncode, err[:200],
                                                                                        os.path.isfile(snap)))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--advisor", required=True)
    ap.add_argument("--only", help="run the cases whose path contains this")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--batch-line-limit", action="store_true", help="check the batch line limit instead")
    ap.add_argument("--io-failures", action="store_true", help="check closed stdin and failed writes instead")
    args = ap.parse_args()
    advisor = os.path.abspath(args.advisor)
    limit = 120.0 if os.environ.get("ADVISOR_SLOW") else 30.0
    time_bound = 20.0 if os.environ.get("ADVISOR_SLOW") else 1.0
    memory_bound = 1200 if os.environ.get("ADVISOR_SLOW") else 200
    root_user = hasattr(os, "geteuid") and os.geteuid() == 0
    setpriv = shutil.which("setpriv")
    if args.io_failures:
        ok = check_io_failures(advisor)
        print("io failures: %s" % ("ok" if ok else "FAILED"))
        return 0 if ok else 1
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
            p, took, peak_mb, cpu = run_measured(cmd)
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
            # The bounds of docs/limits.md, as guards: every hostile input is answered
            # within a second and 200 MB (relaxed under sanitizers).
            # Processor time, not wall time: the bound holds on a busy machine too.
            if cpu > time_bound:
                problems.append("took %.2f s of processor time, over the bound of %.0f s (docs/limits.md)" % (cpu, time_bound))
            if peak_mb > memory_bound:
                problems.append("peak memory %.0f MB, over the bound of %d MB (docs/limits.md)" % (peak_mb, memory_bound))
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
                print("ok   %s (%.3f s wall, %.3f s processor, %.0f MB)" % (rel, took, cpu, peak_mb))
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
