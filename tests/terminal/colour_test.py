#!/usr/bin/env python3
"""Colour only on a terminal: no escape byte in piped output by default, SGR codes
with --color always, and none in a terminal when NO_COLOR is set or TERM=dumb.
The plain terminal case must show colour, so the test can tell the cases apart.

usage: colour_test.py ADVISOR REPO_ROOT
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmux_pane import SGR, Pane  # noqa: E402

advisor, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
profile = os.path.join(root, "profiles", "cs-graduate.yaml")
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


# Piped: stdout and stderr are pipes, TERM says colour would be possible.
env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR",) and not k.startswith("ADVISOR_")}
env.update(TERM="xterm-256color", LANG="C.UTF-8")
commands = [
    ["list", "roles", "--lang", "zh"],
    ["check", "--profile", profile, "--as-of", "2026-11-23", "--lang", "en"],
    ["recommend", "--profile", profile, "--as-of", "2026-11-23", "--lang", "zh"],
    ["chek"],  # an error: stderr must be plain too
]
for args in commands:
    p = subprocess.run([advisor] + args, capture_output=True, env=env, timeout=60)
    check(b"\x1b" not in p.stdout and b"\x1b" not in p.stderr, f"piped, no ESC byte: advisor {' '.join(args[:2])}")
p = subprocess.run([advisor, "--color", "always", "list", "roles"], capture_output=True, env=env, timeout=60)
check(SGR.search(p.stdout) is not None, "piped with --color always: SGR codes present")
p = subprocess.run([advisor, "--color", "always", "check", "--profile", profile, "--as-of", "2026-11-23"],
                   capture_output=True, env=dict(env, NO_COLOR="1"), timeout=60)
check(SGR.search(p.stdout) is not None, "--color always wins over NO_COLOR")

# In a terminal: record the raw bytes the pane receives.
cases = [
    ("", True, "terminal, defaults: colour"),
    ("NO_COLOR=1 ", False, "terminal with NO_COLOR=1: no colour"),
    ("TERM=dumb ", False, "terminal with TERM=dumb: no colour"),
    ("", False, "terminal with --color never: no colour"),
]
with Pane(width=100, height=50, path_dirs=[os.path.dirname(advisor)]) as pane:
    for i, (prefix, want, what) in enumerate(cases):
        raw = os.path.join(pane.dir, f"raw{i}")
        extra = "--color never " if "never" in what else ""
        pane.record(raw)
        code = pane.run(f"{prefix}advisor {extra}--lang en check --profile {profile} --as-of 2026-11-23 ai-engineer",
                        clear=False)
        pane.stop_recording()
        data = open(raw, "rb").read()
        check(code in (0, 1) and b"Eligibility on 2026-11-23" in data, f"{what}: command ran (exit {code})")
        check((SGR.search(data) is not None) == want, what)

sys.exit(1 if failures else 0)
