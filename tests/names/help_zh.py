#!/usr/bin/env python3
"""Every command's --help is in Chinese when the output language is Chinese.

Runs `advisor --lang zh [COMMAND...] --help` for advisor and each of its commands
(found in the help itself) and fails on any description, footer line or group left
in English: a line whose words after the option or command name are English prose.
Example command lines (`  advisor …`, `  parallel …`) and option names are not prose;
an example's comment (`  advisor … # comment`) is, and must be Chinese.

It also checks the layout: within one help screen, every description of an option or
a command starts at the same display column (a CJK character takes two), whatever
the name column holds (`--profile FILE 必需`).

Run from the repository root: help_zh.py --advisor build/advisor
"""
import argparse
import re
import subprocess
import sys
import unicodedata

WORD = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def help_of(advisor, path, env):
    p = subprocess.run([advisor, "--lang", "zh"] + path + ["--help"], capture_output=True, env=env, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace")


def commands_in(text):
    """The subcommand names a help text lists under its 子命令 group."""
    names, inside = [], False
    for line in text.splitlines():
        if line.startswith("子命令"):
            inside = True
            continue
        if inside:
            m = re.match(r"^  ([a-z][a-z-]*)\s", line)
            if m:
                names.append(m.group(1))
            elif line and not line.startswith(" "):
                inside = False
    return names


def english_lines(text):
    bad = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("advisor ", "source <(", "{", "parallel ")):
            continue
        if line.startswith("用法") or line.startswith("Usage"):
            continue
        if stripped.startswith("-") and "  " not in stripped:
            continue  # an option's name and value types alone, its description on the next line
        # The description of an option or command line comes after its name column.
        parts = re.split(r"\S\s{2,}", stripped, maxsplit=1)
        desc = parts[1] if len(parts) == 2 and re.match(r"^[-a-z]", stripped) else stripped
        if len(WORD.findall(desc)) >= 3 and not CJK.search(desc):
            bad.append(line)
    return bad


def display_width(text):
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


GROUP = re.compile(r"^\S[^:：]*:$")  # CLI11's group headings end in an ASCII colon
GAP = re.compile(r"\S {2,}(?=\S)")


def description_columns(text):
    """(display column, line) of each option or command description, in the groups
    CLI11 lays out in two columns (选项:, 子命令:, 位置参数:); footers are left alone."""
    out, inside = [], False
    for line in text.splitlines():
        if GROUP.match(line) and not line.startswith(("用法", "Usage")):
            inside = True
            continue
        if not line.strip():
            inside = False
            continue
        if not inside:
            continue
        if re.match(r"^  \S", line):
            m = GAP.search(line, 2)
            if m:  # a name, then the description
                out.append((display_width(line[:m.end()]), line))
        else:  # a description on its own line (a long name, or a second line)
            out.append((len(line) - len(line.lstrip(" ")), line))
    return out


def misaligned(text):
    cols = description_columns(text)
    if not cols:
        return []
    first = cols[0][0]
    return [f"description at column {c}, not {first}: {line.strip()}" for c, line in cols if c != first]


def untranslated_comments(text):
    bad = []
    for line in text.splitlines():
        if line.startswith("  ") and "  # " in line:
            comment = line.split("  # ", 1)[1]
            if WORD.search(comment) and not CJK.search(comment):
                bad.append(line)
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--advisor", required=True)
    a = ap.parse_args()
    env = {"PATH": "/usr/bin:/bin", "LANG": "C"}
    failures, seen = [], 0
    queue = [[]]
    while queue:
        path = queue.pop(0)
        code, text = help_of(a.advisor, path, env)
        seen += 1
        what = "advisor " + " ".join(path + ["--help"])
        if code != 0:
            failures.append(f"{what}: exit {code}")
            continue
        if "选项" not in text:
            failures.append(f"{what}: no 选项 group")
        for line in english_lines(text):
            failures.append(f"{what}: English left: {line.strip()}")
        for line in untranslated_comments(text):
            failures.append(f"{what}: example comment left in English: {line.strip()}")
        for problem in misaligned(text):
            failures.append(f"{what}: {problem}")
        queue.extend(path + [c] for c in commands_in(text))
    for f in failures:
        print(f, file=sys.stderr)
    print(f"{seen} help texts checked, {len(failures)} problems")
    return 1 if failures or seen < 10 else 0


if __name__ == "__main__":
    sys.exit(main())
