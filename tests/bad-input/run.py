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
import threading
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
    elif name == "gen/huge-catalogue":
        # A sparse 1 GB catalogue file: refused from its size (64 MiB limit), unread.
        os.makedirs(path, exist_ok=True)
        with open(os.path.join(path, "extra.yaml"), "wb") as f:
            f.truncate(1 << 30)
    elif name == "gen/newlines-64m.yaml":
        # The same 64 MiB of newlines as a profile, its size limit raised.
        with open(path, "w") as f:
            f.write("\n" * (64 << 20))
    elif name == "gen/nodes-catalogue":
        # 2.5 million items in 25 lists of 100,000 (each under the list limit): over
        # the catalogue's 2,000,000 nodes, counted by the scan.
        os.makedirs(path, exist_ok=True)
        with open(os.path.join(path, "extra.yaml"), "w") as f:
            f.write("skills: [" + ",".join(["[" + ",".join(["a"] * 100_000) + "]"] * 25) + "]\n")
    elif name == "gen/laughs-catalogue":
        # Billion laughs in a catalogue file: over its 2,000,000 nodes once expanded.
        os.makedirs(path, exist_ok=True)
        lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        lines += ["a%d: &a%d [%s]" % (i, i, ", ".join(["*a%d" % (i - 1)] * 10)) for i in range(1, 10)]
        with open(os.path.join(path, "extra.yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")
    elif name in ("gen/profile-file-fifo.yaml", "gen/profile-file-link.yaml"):
        # A catalogue test whose profile_file is a FIFO (never waited on), or a link
        # under the test's folder that leads outside it (links are resolved).
        with open(path, "w") as f:
            f.write("cases:\n  - name: reads what it should not\n    as_of: 2026-07-01\n    profile_file: p.yaml\n"
                    "    expect:\n      - {certificate: ai-engineer, level: standard, status: eligible}\n")
        target = os.path.join(os.path.dirname(path), "p.yaml")
        if os.path.lexists(target):
            os.remove(target)
        if name == "gen/profile-file-fifo.yaml":
            os.mkfifo(target)
        else:
            os.symlink("/etc/passwd", target)
    elif name == "gen/link-outside":
        os.makedirs(path, exist_ok=True)
        os.symlink("/etc/passwd", os.path.join(path, "extra.yaml"))
    elif name == "gen/link-self":
        os.makedirs(path, exist_ok=True)
        os.symlink("extra.yaml", os.path.join(path, "extra.yaml"))
    elif name == "gen/fifo-in-catalogue":
        os.makedirs(path, exist_ok=True)
        os.mkfifo(os.path.join(path, "extra.yaml"))
    elif name == "gen/device-in-catalogue":
        # A character device (/dev/zero's numbers) among the catalogue's files: refused,
        # never read. Making one needs CAP_MKNOD; without it the case is skipped, said.
        os.makedirs(path, exist_ok=True)
        try:
            os.mknod(os.path.join(path, "extra.yaml"), stat.S_IFCHR | 0o644, os.makedev(1, 5))
        except PermissionError:
            return None
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
    with tempfile.TemporaryFile() as f:
        f.write(data)
        f.seek(0)
        p, took, peak_mb, cpu = run_measured([advisor, "--lang", "en", "--as-of", "2026-11-23", "--no-cache", "batch"],
                                             stdin=f)
    # The over-long line is skipped, never held whole: within the bounds of hostile input.
    problems = bounded("batch with a 2 MB line", cpu, peak_mb)
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


HANG_LIMIT = 120.0 if os.environ.get("ADVISOR_SLOW") else 30.0
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
        # A run that hangs is killed at the hang limit (and reported by its caller as
        # taking that long), so a hang fails the test instead of stalling it.
        killer = threading.Timer(HANG_LIMIT, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()
            raise
        finally:
            killer.cancel()
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


# The bounds of docs/limits.md for hostile input, relaxed under the sanitizers.
BOUNDS = {"cpu": 20.0 if os.environ.get("ADVISOR_SLOW") else 1.0,
          "mb": 1200 if os.environ.get("ADVISOR_SLOW") else 200}


def bounded(what, cpu, peak_mb):
    """Problems if a run went over the bounds: guards, not timings."""
    problems = []
    if cpu > BOUNDS["cpu"]:
        problems.append("%s: %.2f s of processor time, over the bound of %.0f s (docs/limits.md)" % (what, cpu, BOUNDS["cpu"]))
    if peak_mb > BOUNDS["mb"]:
        problems.append("%s: peak memory %.0f MB, over the bound of %d MB (docs/limits.md)" % (what, peak_mb, BOUNDS["mb"]))
    return problems


def check_work_bounds(advisor):
    """Unknown skills cost bounded work (issue 19: 1,000 batch lines of them took 46 s
    on ESCO, one 1 MB batch line 30 s): each run below, over the built-in catalogue
    plus the ESCO slice, stays within the bounds of hostile input; a profile gets at
    most 20 suggestions; standard input over the size limit is refused as it is read."""
    base = [advisor, "--lang", "en", "--as-of", "2026-11-23", "--no-cache"]
    scratch = tempfile.mkdtemp(prefix="advisor-work-bounds-")
    problems = []
    try:
        esco = os.path.join(scratch, "esco")
        p = subprocess.run(base + ["catalog", "import", "esco", "tests/data/esco-1.2.0", "--out", esco], cwd=ROOT,
                           capture_output=True, timeout=120)
        if p.returncode != 0:
            return ["importing the ESCO slice: exit %d %r" % (p.returncode, p.stderr[:300])]
        cat = base + ["--catalog", "builtin", "--catalog", esco]
        misspelt = ["Pythn", "Excell", "teamwork skillz", "pytroch", "sqll"]
        lines = "".join(json.dumps({"age": 30, "education": "bachelor", "skills": misspelt[:3] + ["python", "sql%d" % i]})
                        + "\n" for i in range(1000))
        long_words = ["machine learnin and statistcal data analysys number %05d %s" % (i, "x" * 40) for i in range(9000)]
        one_line = json.dumps({"age": 30, "skills": long_words}) + "\n"
        runs = [("batch of 1,000 lines with unknown skills", cat + ["batch"], lines, 0, 1000, None),
                ("one batch line of 9,000 unknown skills (%d KB)" % (len(one_line) >> 10), cat + ["batch"], one_line, 0,
                 1, None),
                ("a profile of 9,000 unknown skills", cat + ["recommend", "--profile", "-"],
                 "skills:\n" + "".join("  - %s\n" % misspelt[i % 5] for i in range(9000)), 0, None, 20),
                ("standard input over the limit", cat + ["recommend", "--profile", "-"], "# " + "x" * (1 << 20) + "\n",
                 65, None, None)]
        for what, cmd, data, code, out_lines, suggestions in runs:
            path = os.path.join(scratch, "stdin")
            with open(path, "w") as f:
                f.write(data)
            with open(path, "rb") as f:
                p, _, peak_mb, cpu = run_measured(cmd, stdin=f)
            err = p.stderr.decode("utf-8", "replace")
            if p.returncode != code:
                problems.append("%s: exit %d, expected %d (%s)" % (what, p.returncode, code, err[:300]))
            if out_lines is not None and len(p.stdout.splitlines()) != out_lines:
                problems.append("%s: %d lines of output, expected %d" % (what, len(p.stdout.splitlines()), out_lines))
            if suggestions is not None and (err.count("did you mean") != suggestions or err.count("unknown skill") != 9000):
                problems.append("%s: %d suggestions (expected %d) for %d unknown skills" % (
                    what, err.count("did you mean"), suggestions, err.count("unknown skill")))
            if code == 65 and err.split("\n", 1)[0] != ("advisor: error: standard input is over the limit of 1048576 "
                                                        "bytes (raise it with --max-file-size)"):
                problems.append("%s: first stderr line %r" % (what, err.split("\n", 1)[0]))
            problems += bounded(what, cpu, peak_mb)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for pr in problems:
        print("FAIL " + pr)
    return not problems


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
        ("batch with stdin a directory", base + ["batch"], "dir", None, 66,
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
    # Every other command too, help included (once a silent 0); their warnings about
    # old certificate rules may come first, so the message is looked for on any line.
    profile = ["--profile", "profiles/cs-graduate.yaml"]
    for args in (["--help"], ["recommend", "--help"], ["--version"], ["recommend"] + profile,
                 ["--json", "recommend"] + profile, ["gap"] + profile + ["--role", "ai-solution-architect"],
                 ["check"] + profile + ["caip"], ["plan"] + profile + ["--role", "ai-solution-architect", "--format", "dot"],
                 ["show", "role", "ai-trainer"], ["schema", "recommend"], ["completion", "bash"], ["catalog", "validate"],
                 ["profile", "validate", "profiles/cs-graduate.yaml"]):
        with open("/dev/full", "wb") as sink:
            p = subprocess.run(base + args, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.PIPE,
                               timeout=60)
        if p.returncode != 74 or full not in p.stderr.decode("utf-8", "replace").splitlines():
            problems.append("%s > /dev/full: exit %d, stderr %r" % (" ".join(args), p.returncode, p.stderr[-200:]))
    problems += check_cache_places(base)
    problems += check_long_cell(base)
    problems += check_pipes(base)
    for pr in problems:
        print("FAIL " + pr)
    return not problems


def check_long_cell(base):
    """`list` caps its columns: a 2 MB role name is cut at 300 columns and wrapped
    within 100, not padded into every row (it once made a 5 MB name write 505 MB);
    within the bounds of hostile input (docs/limits.md)."""
    scratch = tempfile.mkdtemp(prefix="advisor-long-cell-")
    try:
        with open(os.path.join(scratch, "extra.yaml"), "w") as f:
            f.write("roles:\n  - id: long-name\n    name: %s\n    category: research-and-development\n"
                    "    skills: [python]\n    source: seed-003\n" % ("x" * (2 << 20)))
        p, _, peak_mb, cpu = run_measured(base + ["--catalog", "builtin", "--catalog", scratch, "list", "roles"])
        rows = p.stdout.decode("utf-8", "replace").splitlines()
        widest = max((len(r) for r in rows), default=0)
        if p.returncode != 0 or len(p.stdout) > 200_000 or not any("long-name" in r for r in rows) or \
                "…" not in "".join(rows) or widest > 400:
            return ["list roles with a 2 MB name: exit %d, %d bytes of output, widest line %d"
                    % (p.returncode, len(p.stdout), widest)]
        return bounded("list roles with a 2 MB name", cpu, peak_mb)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def check_pipes(base):
    """A profile on the command line may be a pipe: a FIFO given as --profile is read
    (unlike one among catalogue files), and piped standard input over the size limit
    is refused as soon as the limit is passed (docs/limits.md)."""
    problems = []
    scratch = tempfile.mkdtemp(prefix="advisor-pipes-")
    try:
        fifo = os.path.join(scratch, "profile.yaml")
        os.mkfifo(fifo)
        p = subprocess.Popen(base + ["recommend", "--profile", fifo, "--top", "1"], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        fd, deadline = None, time.monotonic() + 30
        while fd is None and p.poll() is None and time.monotonic() < deadline:
            try:  # a FIFO opens for writing once a reader has it open (ENXIO until then)
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.01)
        if fd is not None:
            os.set_blocking(fd, True)
            os.write(fd, b"age: 30\neducation: {level: bachelor}\nskills: [python]\n")
            os.close(fd)
        else:
            p.kill()
        out, err = p.communicate(timeout=60)
        if p.returncode != 0 or not out:
            problems.append("--profile FIFO: exit %d, stderr %r" % (p.returncode, err[:200]))
        p = subprocess.run(base + ["recommend", "--profile", "-"], cwd=ROOT, input=b"# " + b"x" * (2 << 20) + b"\n",
                           capture_output=True, timeout=60)
        first = p.stderr.decode("utf-8", "replace").split("\n", 1)[0]
        want = "advisor: error: standard input is over the limit of 1048576 bytes (raise it with --max-file-size)"
        if p.returncode != 65 or first != want or p.stdout:
            problems.append("2 MiB piped to --profile -: exit %d, stderr %r" % (p.returncode, first))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return problems


def check_cache_places(base):
    """HOME=/missing/x creates nothing; a snapshot path that is a directory, a FIFO or
    a sparse 64 GB file is refused with a warning, rebuilt, and never waited on
    (docs/limits.md)."""
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
        for kind in ("directory", "fifo", "sparse 64 GB file"):
            if os.path.isdir(snap) and not os.path.islink(snap):  # left by a run that did not replace it
                shutil.rmtree(snap)
            elif os.path.lexists(snap):
                os.remove(snap)
            if kind == "directory":
                os.mkdir(snap)
            elif kind == "fifo":
                os.mkfifo(snap)
            else:
                with open(snap, "wb") as f:
                    f.truncate(64 << 30)
            p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=30)
            err = p.stderr.decode("utf-8", "replace")
            if p.returncode != 0 or "ignoring the cache snapshot" not in err or not os.path.isfile(snap) or \
                    os.path.getsize(snap) >= 64 << 30:
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
    ap.add_argument("--work-bounds", action="store_true", help="check the work unknown skills and long input cost instead")
    args = ap.parse_args()
    advisor = os.path.abspath(args.advisor)
    limit = HANG_LIMIT
    time_bound, memory_bound = BOUNDS["cpu"], BOUNDS["mb"]
    root_user = hasattr(os, "geteuid") and os.geteuid() == 0
    setpriv = shutil.which("setpriv")
    if args.work_bounds:
        ok = check_work_bounds(advisor)
        print("work bounds: %s" % ("ok" if ok else "FAILED"))
        return 0 if ok else 1
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

    # No diagnostic may quote a line of a file that is not being loaded as YAML (the
    # cases with links and profile_file pointing at /etc/passwd).
    try:
        with open("/etc/passwd", encoding="utf-8", errors="replace") as f:
            passwd = [l.strip() for l in f if len(l.strip()) > 8]
    except OSError:
        passwd = []
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
                if path is None:
                    print("SKIP %s: cannot be made here (mknod needs CAP_MKNOD)" % rel)
                    continue
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
            # Terminal injection (docs/limits.md): no control character reaches the terminal.
            raw = sorted({"U+%04X" % ord(c) for c in err if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F})
            if raw:
                problems.append("stderr holds raw control characters: %s" % ", ".join(raw))
            quoted = [l for l in passwd if l in err]
            if quoted:
                problems.append("stderr quotes /etc/passwd: %r" % quoted[0])
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
