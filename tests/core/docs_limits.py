#!/usr/bin/env python3
"""The docs stay short enough to finish, and the project stands on its own (issue 31):

- README.md at most 150 lines, docs/performance.md at most 250, HACKING.md one page
  (at most 100 lines); no line of README.md, HACKING.md or docs/ARCHITECTURE.md longer
  than 1,000 characters (a table row once ran to 2,284);
- every relative link in README.md, HACKING.md and docs/*.md names a file that exists,
  and a link to a heading (FILE.md#anchor) names a heading that exists;
- no file of the project points into the developers' shared folder beside the
  checkout (SHARED below), but .ci/run, which tells CI where the full ESCO and O*NET
  files are.

usage: tests/core/docs_limits.py SOURCE_DIR
"""
import os
import re
import sys

LINES = {"README.md": 150, "docs/performance.md": 250, "HACKING.md": 100}
LONG_LINE = 1000
LINK = re.compile(r"\]\(([^)\s]+)\)")
SKIP_DIRS = {".git", "node_modules", "corpus"}
SHARED = "../" + "shared"  # spelt in two so that this file does not match itself
TEXT_SUFFIXES = (".md", ".txt", ".cmake", ".sh", ".py", ".cpp", ".hpp", ".yaml", ".json", ".js", ".clang-format",
                 ".clang-tidy")


def slug(heading):
    """A GitHub heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    s = heading.strip().lower()
    s = re.sub(r"[^\w\- ]", "", s)
    return s.replace(" ", "-")


def anchors(path):
    with open(path, encoding="utf-8") as fh:
        text = re.sub(r"```.*?```", "", fh.read(), flags=re.S)
    return {slug(m.group(1)) for m in re.finditer(r"^#+ (.*)$", text, re.M)}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    failures = []
    checked = 0

    for name, most in LINES.items():
        with open(os.path.join(root, name), encoding="utf-8") as fh:
            n = sum(1 for _ in fh)
        checked += 1
        if n > most:
            failures.append(f"{name}: {n} lines, more than {most}")
    for name in ("README.md", "HACKING.md", "docs/ARCHITECTURE.md"):
        with open(os.path.join(root, name), encoding="utf-8") as fh:
            for i, line in enumerate(fh, 1):
                checked += 1
                if len(line.rstrip("\n")) > LONG_LINE:
                    failures.append(f"{name}:{i}: a line of {len(line)} characters, more than {LONG_LINE}")

    docs = ["README.md", "HACKING.md"] + sorted(
        "docs/" + f for f in os.listdir(os.path.join(root, "docs")) if f.endswith(".md"))
    for name in docs:
        path = os.path.join(root, name)
        with open(path, encoding="utf-8") as fh:
            text = re.sub(r"```.*?```", "", fh.read(), flags=re.S)
        for m in LINK.finditer(text):
            target = m.group(1)
            if re.match(r"[a-z]+:", target):  # https:, mailto:
                continue
            file_part, _, anchor = target.partition("#")
            dest = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) if file_part else path
            checked += 1
            if not os.path.exists(dest):
                failures.append(f"{name}: the link ({target}) names no file")
            elif anchor and dest.endswith(".md") and anchor not in anchors(dest):
                failures.append(f"{name}: the link ({target}) names no heading of {os.path.relpath(dest, root)}")

    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and not (rel_dir == "." and d.startswith("build"))]
        for f in filenames:
            rel = os.path.normpath(os.path.join(rel_dir, f))
            if rel == os.path.join(".ci", "run") or not (f.endswith(TEXT_SUFFIXES) or f in ("setup.sh", "run")):
                continue
            try:
                with open(os.path.join(dirpath, f), encoding="utf-8") as fh:
                    text = fh.read()
            except (UnicodeDecodeError, OSError):
                continue
            checked += 1
            if SHARED in text:
                failures.append(f"{rel}: points into {SHARED}, which users do not have")

    for f in failures:
        print(f"docs_limits: {f}", file=sys.stderr)
    if checked == 0:
        sys.exit("docs_limits: nothing was checked")
    print(f"docs_limits: {checked} checks, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
