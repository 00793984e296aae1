#!/usr/bin/env python3
"""Two `advisor profile init` processes racing to write the same file (issue 19: the
loser once exited 66 in 19 of 30 runs, where the docs say 2).

Each round starts two real processes on one path that does not exist yet, with their
answers piped in. Both pass the "file exists?" check made before the first question
(the script waits until each has asked it), then get their answers at the same moment,
in turn A first, B first, or together, so that both write and both try to take the
name. Every round, exactly one must exit 0 and report the file, and the other must exit
2 with the documented message, the very words given when the file was there before
the run (checked once at the end), nothing on stdout, and no temporary file left
beside the profile, which holds the winner's answers whole.

    tests/hostile/init_race.py --advisor build/advisor [--rounds 30] [-v]
"""
import argparse
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL " + what)
    return cond


def answers(name):
    # name, age, education, then Enter for every optional question (and a spare).
    return ("%s\n30\nbachelor\n" % name + "\n" * 12).encode()


def start(cmd, env):
    return subprocess.Popen(cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def first_question(p, timeout=60):
    """Reads stderr until the process has asked something: it is past the check."""
    got = b""
    deadline = time.monotonic() + timeout
    while b"Name" not in got:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([p.stderr], [], [], left)[0]:
            return got, False
        chunk = os.read(p.stderr.fileno(), 65536)
        if not chunk:
            return got, False
        got += chunk
    return got, True


def finish(p, head, timeout=60):
    if p.stdin is not None and p.stdin.closed:
        p.stdin = None
    out, err = p.communicate(timeout=timeout)
    return p.returncode, out.decode("utf-8", "replace"), (head + err).decode("utf-8", "replace")


def refusal_lines(err):
    """The lines from 'advisor: error:' on (the questions come before)."""
    lines = err.splitlines()
    at = next((i for i, l in enumerate(lines) if l.startswith("advisor: error:")), len(lines))
    return lines[at:]


def one_round(n, advisor, folder, env):
    path = os.path.join(folder, "profile.yaml")
    cmd = [advisor, "--lang", "en", "--as-of", "2026-11-23", "profile", "init", path]
    procs = {"A": start(cmd, env), "B": start(cmd, env)}
    heads = {}
    for k, p in procs.items():
        heads[k], asked = first_question(p)
        check(asked, "round %d: %s asked its first question (stderr %r)" % (n, k, heads[k][-300:]))
    order = ["A", "B"] if n % 3 == 0 else ["B", "A"] if n % 3 == 1 else ["both"]
    if order == ["both"]:
        for k, p in procs.items():
            p.stdin.write(answers("Racer " + k))
        for p in procs.values():
            p.stdin.close()
    else:
        for k in order:
            procs[k].stdin.write(answers("Racer " + k))
            procs[k].stdin.close()
    res = {k: finish(p, heads[k]) for k, p in procs.items()}
    codes = sorted(r[0] for r in res.values())
    check(codes == [0, 2], "round %d: exit codes %s, expected one 0 and one 2 (%s)"
          % (n, [res[k][0] for k in "AB"], "; ".join("%s: %s" % (k, refusal_lines(r[2])) for k, r in res.items())))
    winner = next((k for k in "AB" if res[k][0] == 0), None)
    loser = next((k for k in "AB" if res[k][0] != 0), None)
    refused = None
    if winner and loser:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        check("name: Racer %s\n" % winner in text and "age: 30\n" in text and "Racer %s" % loser not in text,
              "round %d: the file holds the winner's answers, whole" % n)
        check(res[winner][1].startswith(path + ": profile OK"), "round %d: the winner reports the file" % n)
        check(res[loser][1] == "", "round %d: the loser writes nothing on stdout (%r)" % (n, res[loser][1][:200]))
        refused = refusal_lines(res[loser][2])
    left = sorted(f for f in os.listdir(folder) if f != "profile.yaml")
    check(left == [], "round %d: no temporary file left beside the profile (%s)" % (n, left))
    if os.path.exists(path):
        os.remove(path)
    return refused


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--advisor", required=True)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    advisor = os.path.abspath(args.advisor)
    scratch = tempfile.mkdtemp(prefix="advisor-init-race-")
    folder = os.path.join(scratch, "out")
    os.makedirs(folder)
    # A real cache folder: both processes also race to write the catalogue snapshot.
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")}
    env.update(NO_COLOR="1", LC_ALL="C.UTF-8", XDG_CACHE_HOME=os.path.join(scratch, "cache"))
    path = os.path.join(folder, "profile.yaml")
    want = ["advisor: error: '%s' already exists; nothing was changed" % path,
            "  name another file, or add --force to replace it: advisor profile init %s --force" % path]
    seen = set()
    try:
        for n in range(args.rounds):
            refused = one_round(n, advisor, folder, env)
            if refused is not None:
                seen.add(tuple(refused))
                check(refused == want, "round %d: the loser's message %s, expected %s" % (n, refused, want))
        # The same words when the file was there before the run (the first check).
        with open(path, "w") as f:
            f.write("age: 30\n")
        p = start([advisor, "--lang", "en", "profile", "init", path], env)
        code, out, err = finish(p, b"")
        check(code == 2 and err.splitlines() == want and out == "",
              "a file there before: exit %d, stderr %r (expected 2 and %r)" % (code, err, want))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("init race: %s, %d rounds, one winner (0) and one loser (2, the documented message) each"
          % ("FAILED, %d problems" % len(failures) if failures else "ok", args.rounds))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
