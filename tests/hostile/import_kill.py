#!/usr/bin/env python3
"""An import killed half way leaves the old catalogue or the new, never a mix
(issue 19, docs/import.md "Killed half way", docs/limits.md "Writing files").

Runs the real `advisor catalog import esco|onet --force` over a catalogue directory
that holds an earlier import of the other data set (the committed slices in
tests/data/, which write the same six file names with other contents) and a file of
the user's own (notes.txt), and kills it with SIGKILL:

- at every step of the staged write, one run each: ADVISOR_TEST_IMPORT_STOP_AT=N
  makes the import stop itself (SIGSTOP) at step N; this script then looks at the
  catalogue and the staging folder at that very point and kills the process with
  SIGKILL. The steps run from "staging folder made, the user's files linked in"
  through each new file written to "swapped in";
- at --blind moments spread over an import's measured run time, with no hook at all
  (so a kill also lands while the data set is read or a file is half written).

After each kill: the catalogue directory holds exactly the old file set with the old
contents, or exactly the new set with the new contents (every entry compared, hidden
ones included); `advisor catalog validate` passes on it; and the next import (not
interrupted) removes the staging folder the killed one left, and gives the new
catalogue.

    tests/hostile/import_kill.py --advisor build/advisor [--blind 8] [-v]
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = {"esco": os.path.join(ROOT, "tests", "data", "esco-1.2.0"),
        "onet": os.path.join(ROOT, "tests", "data", "onet-29.2")}
NOTES = b"my own notes: an import must keep them\n"

failures = []
verbose = False


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL " + what)
    elif verbose:
        print("ok   " + what)
    return cond


def tree(path):
    """Every entry of a directory, hidden ones included: name -> bytes (or 'dir')."""
    out = {}
    for name in sorted(os.listdir(path)):
        full = os.path.join(path, name)
        if os.path.isdir(full) and not os.path.islink(full):
            out[name] = "dir"
        else:
            with open(full, "rb") as f:
                out[name] = f.read()
    return out


def beside(cat):
    """The entries of the catalogue's parent folder other than the catalogue itself."""
    parent, name = os.path.split(cat)
    return sorted(n for n in os.listdir(parent) if n != name)


def which(state, old, new):
    return "old" if state == old else "new" if state == new else "a MIX"


def describe(state, old, new):
    if state in (old, new):
        return which(state, old, new)
    mixed = []
    for name in sorted(set(state) | set(old) | set(new)):
        got = state.get(name)
        tag = "old" if got is not None and got == old.get(name) else "new" if got is not None and got == new.get(name) \
            else "missing" if got is None else "other"
        mixed.append("%s=%s" % (name, tag))
    return "a mix: " + ", ".join(mixed)


class Run:
    def __init__(self, advisor, env):
        self.advisor, self.env = advisor, env

    def __call__(self, *args, extra_env=None, cwd=ROOT, **kw):
        env = dict(self.env, **(extra_env or {}))
        return subprocess.Popen([self.advisor, "--lang", "en", "--no-cache", *args], env=env, cwd=cwd,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)

    def done(self, *args, timeout=120, cwd=ROOT):
        p = self(*args, cwd=cwd)
        out, err = p.communicate(timeout=timeout)
        return p.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def wait_stopped_or_exited(pid, timeout=120):
    """waitpid(WUNTRACED) with a deadline: ('stopped'|'exited'|'signalled', value)."""
    deadline = time.monotonic() + timeout
    while True:
        got, status = os.waitpid(pid, os.WUNTRACED | os.WNOHANG)
        if got == pid:
            if os.WIFSTOPPED(status):
                return "stopped", os.WSTOPSIG(status)
            if os.WIFSIGNALED(status):
                return "signalled", os.WTERMSIG(status)
            return "exited", os.WEXITSTATUS(status)
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "hung", None
        time.sleep(0.005)


def after_kill(run, what, cat, dataset, old, new, stale):
    """The checks every killed import must pass; returns which catalogue was left."""
    state = tree(cat)
    left = which(state, old, new)
    check(state in (old, new), "%s: the catalogue is the old one or the new one, not %s" % (what, describe(state, old, new)))
    code, out, err = run.done("catalog", "validate", cat)
    check(code == 0, "%s: catalog validate passes on what was left (exit %d: %s)" % (what, code, err.strip()[:300]))
    if stale is not None:
        check(stale in beside(cat), "%s: the killed import left its staging folder %s (a real leftover to clean)"
              % (what, stale))
    code, out, err = run.done("catalog", "import", dataset, DATA[dataset], "--out", cat, "--force")
    check(code == 0, "%s: the next import succeeds (exit %d: %s)" % (what, code, err.strip()[:300]))
    check(beside(cat) == [], "%s: the next import removed the stale staging folder (left: %s)" % (what, beside(cat)))
    check(tree(cat) == new, "%s: the next import gives the new catalogue (%s)" % (what, describe(tree(cat), old, new)))
    return left


def prepare(run, scratch, first, second):
    """The catalogue before (an import of `first` plus notes.txt) and the one an
    uninterrupted import of `second` over it gives."""
    base = os.path.join(scratch, "base", "cat")
    os.makedirs(os.path.dirname(base))
    code, _, err = run.done("catalog", "import", first, DATA[first], "--out", base)
    if code != 0:
        raise SystemExit("import_kill.py: importing the %s slice failed (exit %d): %s" % (first, code, err))
    with open(os.path.join(base, "notes.txt"), "wb") as f:
        f.write(NOTES)
    ref = os.path.join(scratch, "ref", "cat")
    shutil.copytree(base, ref)
    code, _, err = run.done("catalog", "import", second, DATA[second], "--out", ref, "--force")
    if code != 0:
        raise SystemExit("import_kill.py: importing the %s slice failed (exit %d): %s" % (second, code, err))
    old, new = tree(base), tree(ref)
    differ = [n for n in old if old[n] != new.get(n)]
    check(sorted(old) == sorted(new) and {"catalog.yaml", "roles-001.yaml", "skills-001.yaml"} <= set(differ),
          "%s over %s: the same file names, catalog, roles and skills with other contents (so a mix would show)"
          % (second, first))
    check(new.get("notes.txt") == NOTES, "%s over %s: the user's own file is kept" % (second, first))
    return base, old, new


def fresh(base, scratch):
    work = os.path.join(scratch, "run")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    cat = os.path.join(work, "cat")
    shutil.copytree(base, cat)
    return cat


def at_each_step(run, scratch, base, dataset, old, new):
    """One run per step of the staged write, stopped there and killed."""
    seen, step = [], 0
    while True:
        step += 1
        cat = fresh(base, scratch)
        p = run("catalog", "import", dataset, DATA[dataset], "--out", cat, "--force",
                extra_env={"ADVISOR_TEST_IMPORT_STOP_AT": str(step)})
        how, value = wait_stopped_or_exited(p.pid)
        if how != "stopped":
            p.returncode = value
            p.communicate()
            check(how == "exited" and value == 0, "step %d: past the last step the import finishes (%s %s)"
                  % (step, how, value))
            check(tree(cat) == new, "step %d: an import not stopped gives the new catalogue" % step)
            break
        what = "%s killed at step %d" % (dataset, step)
        stale = ".cat.advisor-staging-%d" % p.pid
        staged = tree(os.path.join(os.path.dirname(cat), stale)) if stale in beside(cat) else {}
        while_stopped = tree(cat)
        os.kill(p.pid, signal.SIGKILL)
        _, status = os.waitpid(p.pid, 0)
        p.returncode = -signal.SIGKILL
        p.communicate()
        check(os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, "%s: died of SIGKILL" % what)
        check(tree(cat) == while_stopped, "%s: the catalogue did not change when the process died" % what)
        new_in_staging = sum(1 for n, b in staged.items() if n != "notes.txt" and b == new.get(n))
        seen.append((which(while_stopped, old, new), new_in_staging))
        left = after_kill(run, what, cat, dataset, old, new, stale)
        if verbose:
            print("     step %d: %s left, %d new files were in staging" % (step, left, new_in_staging))
        if step > 50:
            check(False, "%s: more than 50 steps: the hook never lets the import finish" % dataset)
            break
    # The kill points must span the write: files half staged, the old catalogue
    # still in place; and the swap, the new one in place.
    lefts = [w for w, _ in seen]
    check(len(seen) >= len(new) + 1, "%s: stopped at %d steps (every file written is one)" % (dataset, len(seen)))
    check("old" in lefts and lefts[-1] == "new", "%s: kills before the swap leave the old catalogue, after it the new"
          " (%s)" % (dataset, lefts))
    check(lefts == sorted(lefts, key=lambda w: w != "old"), "%s: once the new catalogue is in, it stays (%s)"
          % (dataset, lefts))
    check(any(0 < n < len(new) - 1 for _, n in seen), "%s: some kill landed with the staging folder half written (%s)"
          % (dataset, [n for _, n in seen]))
    return len(seen)


def blind(run, scratch, base, dataset, old, new, rounds):
    """SIGKILL at moments spread over a measured import, without the hook."""
    cat = fresh(base, scratch)
    start = time.monotonic()
    code, _, _ = run.done("catalog", "import", dataset, DATA[dataset], "--out", cat, "--force")
    took = time.monotonic() - start
    lefts = []
    for i in range(rounds):
        cat = fresh(base, scratch)
        delay = took * (i + 0.5) / rounds
        p = run("catalog", "import", dataset, DATA[dataset], "--out", cat, "--force")
        time.sleep(delay)
        p.kill()
        p.communicate()
        stale = [n for n in beside(cat) if n.startswith(".cat.advisor-staging-")]
        what = "%s killed after %.0f ms (exit %s)" % (dataset, delay * 1000, p.returncode)
        lefts.append(after_kill(run, what, cat, dataset, old, new, stale[0] if stale else None))
    if verbose:
        print("     blind kills over %.0f ms: %s" % (took * 1000, lefts))


def relative_out(run, scratch):
    """--out naming a new folder in the current one, without a slash (`--out cat`):
    once exit 70, "cannot create ''", since the folder has no parent to create."""
    here = os.path.join(scratch, "relative")
    os.makedirs(here)
    for force in ([], ["--force"]):
        code, _, err = run.done("catalog", "import", "onet", DATA["onet"], "--out", "cat", *force, cwd=here)
        check(code == 0, "import --out cat%s (a relative folder): exit %d %s" % ("".join(" " + f for f in force), code,
                                                                              err.strip()[:200]))
        check(os.listdir(here) == ["cat"] and "roles-001.yaml" in os.listdir(os.path.join(here, "cat")),
              "import --out cat %s: the folder holds the catalogue, nothing beside it (%s)" % (" ".join(force),
                                                                                             os.listdir(here)))


def main():
    global verbose
    ap = argparse.ArgumentParser()
    ap.add_argument("--advisor", required=True)
    ap.add_argument("--blind", type=int, default=6, help="kills at moments spread over a run (default 6)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    verbose = args.verbose
    scratch = tempfile.mkdtemp(prefix="advisor-import-kill-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")}
    env.update(NO_COLOR="1", LC_ALL="C.UTF-8", XDG_CACHE_HOME=os.path.join(scratch, "cache"))
    run = Run(os.path.abspath(args.advisor), env)
    steps = []
    try:
        relative_out(run, scratch)
        for first, second in (("onet", "esco"), ("esco", "onet")):
            sub = os.path.join(scratch, "%s-over-%s" % (second, first))
            os.makedirs(sub)
            base, old, new = prepare(run, sub, first, second)
            steps.append(at_each_step(run, sub, base, second, old, new))
            blind(run, sub, base, second, old, new, args.blind)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("import kill: %s (%s steps each killed, %d blind kills each, ESCO over O*NET and O*NET over ESCO)"
          % ("FAILED, %d problems" % len(failures) if failures else "ok", "+".join(map(str, steps)), args.blind))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
