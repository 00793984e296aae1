#!/usr/bin/env python3
"""The built-in catalogue comes from the snapshot compiled into advisor
(docs/performance.md): every answer must be byte for byte the one the YAML gives
(--no-cache), and nothing may be written to a cache directory, which need not exist
or be writable.

usage: builtin_snapshot_test.py ADVISOR SOURCE_DIR
"""
import os
import subprocess
import sys
import tempfile

advisor, source = sys.argv[1], sys.argv[2]
failures = 0


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures += 1


with tempfile.TemporaryDirectory(prefix="advisor-snapshot-") as tmp:
    cache = os.path.join(tmp, "cache")
    # A HOME that cannot be written: the built-in catalogue never needs a cache.
    home = os.path.join(tmp, "home")
    os.mkdir(home, 0o555)
    env = dict(os.environ, XDG_CACHE_HOME=cache, HOME=home, NO_COLOR="1")

    def run(*args):
        return subprocess.run([advisor, "--as-of", "2026-11-23", *args], env=env, capture_output=True)

    profiles = sorted(os.path.join(source, "profiles", p) for p in os.listdir(os.path.join(source, "profiles")))
    check(len(profiles) >= 5, f"{len(profiles)} example profiles")
    commands = []
    for p in profiles:
        commands.append(["--json", "recommend", "--profile", p, "--top", "0"])
    first = profiles[0]
    commands.append(["--lang", "en", "recommend", "--profile", first])
    commands.append(["--lang", "zh", "recommend", "--profile", first])
    commands.append(["--json", "check", "--profile", first, "caie", "caip", "ai-engineer"])
    commands.append(["--json", "plan", "--profile", first, "--role", "machine-learning-engineer"])
    for c in ("roles", "skills", "certificates"):
        commands.append(["--json", "list", c])
    commands.append(["--lang", "zh", "show", "certificate", "caie"])
    for args in commands:
        snap, yaml = run(*args), run("--no-cache", *args)
        label = " ".join(a if not a.startswith("/") else os.path.basename(a) for a in args)
        check(snap.returncode == yaml.returncode and snap.stdout == yaml.stdout and snap.stderr == yaml.stderr
              and len(snap.stdout) > 0, f"same bytes from the snapshot and from the YAML: {label}")
    with_builtin = run("--catalog", "builtin", "--json", "recommend", "--profile", profiles[0])
    check(with_builtin.stdout == run("--json", "recommend", "--profile", profiles[0]).stdout,
          "--catalog builtin gives the same answer")
    check(not os.path.exists(cache), "no cache directory was created")
    check(os.listdir(home) == [], "nothing was written under HOME")

print(f"{failures} failure(s)")
sys.exit(1 if failures else 0)
