#!/usr/bin/env python3
"""No control character reaches the terminal, from any command (issue 19, docs/limits.md
"Terminal injection").

A catalogue whose role, skill and alias carry ESC, OSC, BEL, CR, DEL and the C1 CSI
(U+009B) in names and definitions, and the format controls that reorder or hide text
(bidi U+202E and U+2066, zero-width U+200B and U+FEFF, the separators U+2028 and
U+2029; issue 32), and a profile carrying them as YAML escapes, as JSON
escapes and as raw bytes (name, skills, a job title, an unknown skill), go through every
command that prints text: recommend, gap, check, plan (text, dot, mermaid), show role and
skill, list of every kind, profile validate, catalog validate, report (its HTML page), in
English and Chinese, with --color never and --color always. Every byte of stdout and stderr is checked: no C0
control but newline and tab, no DEL, no C1 control, no format control, except the colour
sequences advisor writes itself under --color always (ESC [ digits ; … m), which are
removed first. The same profiles through every --json command and batch: each output
parses and holds no raw U+2028 or U+2029. The goldens hostile-escape-* pin the exact
text of a few of these; this sweep covers the rest.

    tests/hostile/escape_sweep.py --advisor build/advisor [-v]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HOSTILE = "\x1b[2J\x1b]0;owned\x07\r\x7f\u009b31m\u202e\u2066\u200b\ufeff\u2028\u2029"
# Bidi overrides and isolates, zero-width characters and the Unicode line separators.
FORMAT = set(range(0x200B, 0x2010)) | set(range(0x2028, 0x202F)) | set(range(0x2066, 0x206A)) | {0xFEFF}
SGR = re.compile(rb"\x1b\[[0-9;]*m")
CATALOGUE = """roles:
  - id: hostile-role
    name: {zh: "恶意岗位\\e[2J\\u202e", en: "Hostile\\e]0;owned\\a\\r\\x7f\\u009b31m\\u2066 role\\u2028"}
    definition: {zh: "定义\\e[31m", en: "Definition\\e[5m\\u009b2J text"}
    category: research-and-development
    skills:
      - {skill: hostile-skill, need: essential}
      - {skill: python, need: essential}
    source: seed-003
skills:
  - id: hostile-skill
    name: {zh: "恶意技能\\e[2J\\u200b", en: "Hostile\\e]8;;http://x\\a skill\\u202e\\ufeff"}
    aliases: ["alias\\e[1m\\u009b"]
    source: seed-003
"""


def profiles(folder):
    """The same hostile profile three ways: YAML escapes, JSON escapes, raw bytes."""
    data = {"name": "Li" + HOSTILE, "age": 30, "education": {"level": "bachelor"},
            "skills": ["python", "hostile-skill", "unknown" + HOSTILE],
            "experience": [{"title": "Tester" + HOSTILE, "domains": ["aigc"], "start": "2024-01", "end": "2025-06"}]}
    out = []
    path = os.path.join(folder, "p.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)  # \u001b, \u0007, \r, \u007f, \u009b escapes
    out.append(path)
    path = os.path.join(folder, "p.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write('name: "Li\\e[2J\\e]0;owned\\a\\r\\x7f\\u009b31m\\u202e\\u2066\\u2028"\nage: 30\n'
                'education: {level: bachelor}\n'
                'skills: [python, hostile-skill, "unknown\\e[2J\\u009b\\u202e\\u2029"]\n'
                'experience:\n  - {title: "Tester\\e[2J\\a", domains: [aigc], start: 2024-01, end: 2025-06}\n')
    out.append(path)
    path = os.path.join(folder, "raw.yaml")
    with open(path, "wb") as f:  # raw ESC, BEL and C1 bytes in plain scalars
        f.write(b"name: Li\x1b[2J\x07 \xc2\x9b31m \xe2\x80\xae\xe2\x81\xa6x\nage: 30\neducation: {level: bachelor}\n"
                b"skills:\n  - python\n  - hostile-skill\n  - unknown\x1b[2J\x7f\xe2\x80\x8b\xef\xbb\xbf\n")
    out.append(path)
    return out


def commands(profile):
    return [["recommend", "--profile", profile], ["recommend", "--profile", profile, "--top", "0", "--all-certificates"],
            ["gap", "--profile", profile, "--role", "hostile-role"], ["check", "--profile", profile, "caip"],
            ["plan", "--profile", profile, "--role", "hostile-role"],
            ["plan", "--profile", profile, "--role", "hostile-role", "--format", "dot"],
            ["plan", "--profile", profile, "--role", "hostile-role", "--format", "mermaid"],
            ["profile", "validate", profile],
            ["report", "--profile", profile, "--role", "hostile-role", "--out", "-"]]


def bad_bytes(data):
    """Control characters left after removing advisor's own colour sequences."""
    text = SGR.sub(b"", data).decode("utf-8", "replace")
    return sorted({"U+%04X" % ord(c) for c in text
                   if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F or ord(c) in FORMAT})


def json_commands(profile):
    return [["--json", "recommend", "--profile", profile], ["--json", "gap", "--profile", profile, "--role", "hostile-role"],
            ["--json", "check", "--profile", profile, "caip"],
            ["--json", "plan", "--profile", profile, "--role", "hostile-role"],
            ["--json", "profile", "validate", profile], ["--json", "show", "role", "hostile-role"],
            ["--json", "show", "skill", "hostile-skill"], ["--json", "list", "roles"], ["--json", "list", "skills"]]


def json_problems(data, lines):
    """What is wrong with JSON output: a raw U+2028 or U+2029, or text that does not parse."""
    text = data.decode("utf-8", "replace")
    problems = ["raw U+%04X" % ord(c) for c in sorted(set(text) & {"\u2028", "\u2029"})]
    try:
        docs = [json.loads(l) for l in text.split("\n") if l] if lines else [json.loads(text)]
        if not docs:
            problems.append("no JSON at all")
    except ValueError as e:
        problems.append("does not parse: %s" % e)
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--advisor", required=True)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    advisor = os.path.abspath(args.advisor)
    scratch = tempfile.mkdtemp(prefix="advisor-escape-sweep-")
    failures, runs, hostile_seen = [], 0, 0
    try:
        cat = os.path.join(scratch, "cat")
        os.makedirs(cat)
        with open(os.path.join(cat, "extra.yaml"), "w", encoding="utf-8") as f:
            f.write(CATALOGUE)
        env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_") and k != "NO_COLOR"}
        env.update(LC_ALL="C.UTF-8", XDG_CACHE_HOME=os.path.join(scratch, "cache"), TERM="xterm-256color")
        every = [["show", "role", "hostile-role"], ["show", "skill", "hostile-skill"], ["list", "roles"],
                 ["list", "skills"], ["list", "categories"], ["list", "certificates"], ["catalog", "validate"]]
        jsons = []
        for p in profiles(scratch):
            every += commands(p)
            jsons += json_commands(p)
        for lang in ("en", "zh"):
            for color in ("never", "always"):
                for cmd in every:
                    full = [advisor, "--lang", lang, "--as-of", "2026-11-23", "--color", color, "--catalog", "builtin",
                            "--catalog", cat] + cmd
                    r = subprocess.run(full, env=env, capture_output=True, timeout=60)
                    runs += 1
                    what = "%s (--lang %s --color %s, exit %d)" % (" ".join(cmd).replace(scratch, "…"), lang, color,
                                                                  r.returncode)
                    if r.returncode not in (0, 1):
                        failures.append("%s: unexpected exit: %s" % (what, r.stderr.decode("utf-8", "replace")[:300]))
                    for name, data in (("stdout", r.stdout), ("stderr", r.stderr)):
                        bad = bad_bytes(data)
                        if bad:
                            failures.append("%s: raw control characters on %s: %s" % (what, name, ", ".join(bad)))
                    hostile_seen += b"\\x1b" in r.stdout + r.stderr or b"\\u009b" in r.stdout + r.stderr
                    if args.verbose:
                        print("ran  " + what)
        # JSON: every --json document and a batch of the same profiles as JSON Lines.
        lines = []
        for p in profiles(scratch):
            with open(p, "rb") as f:
                if p.endswith(".json"):
                    lines.append(f.read().strip())
        lines.append(json.dumps({"name": "Li" + HOSTILE, "skills": ["python", "unknown" + HOSTILE]},
                                ensure_ascii=False).encode())
        base = [advisor, "--lang", "en", "--as-of", "2026-11-23", "--catalog", "builtin", "--catalog", cat]
        runs_json = [(cmd, None, False) for cmd in jsons]
        runs_json += [(["batch"], b"\n".join(lines) + b"\n", True),
                      (["batch", "--command", "gap", "--role", "hostile-role"], b"\n".join(lines) + b"\n", True)]
        for cmd, stdin, as_lines in runs_json:
            r = subprocess.run(base + cmd, env=env, input=stdin, capture_output=True, timeout=60)
            runs += 1
            what = "%s (exit %d)" % (" ".join(cmd).replace(scratch, "…"), r.returncode)
            if r.returncode not in (0, 1):
                failures.append("%s: unexpected exit: %s" % (what, r.stderr.decode("utf-8", "replace")[:300]))
                continue
            hostile_seen += b"\\u2028" in r.stdout or b"\\u202e" in r.stdout or b"\\u001b" in r.stdout
            for problem in json_problems(r.stdout, as_lines):
                failures.append("%s: stdout: %s" % (what, problem))
            bad = bad_bytes(r.stderr)
            if bad:
                failures.append("%s: raw control characters on stderr: %s" % (what, ", ".join(bad)))
            if args.verbose:
                print("ran  " + what)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    # The sweep must have shown hostile text, escaped, or it proves nothing.
    if hostile_seen < runs // 2:
        failures.append("only %d of %d runs showed an escaped control character: the hostile text did not get through"
                        % (hostile_seen, runs))
    for f in failures:
        print("FAIL " + f)
    print("escape sweep: %s, %d runs, %d showed escaped hostile text" % ("FAILED" if failures else "ok", runs, hostile_seen))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
