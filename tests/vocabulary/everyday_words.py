#!/usr/bin/env python3
"""How many everyday skill words resolve to a catalogue skill (issue 28, section 4).

Reads a word list (tests/vocabulary/everyday-words.txt: one word a line, `#` comments,
blank lines and repeats ignored), writes one profile whose `skills:` are those words, and runs
advisor once on it: `advisor --json profile validate`. Every skill advisor does not
know is a warning "unknown skill" at the word's line; the rest resolve. Prints

    N of M resolve (p)

and, with --unresolved, the words that do not. Exit 0 when p >= --min, 1 below it,
2 when advisor fails or its answer cannot be read.

  everyday_words.py --advisor build/advisor [--catalog DIR ...] [--no-cache] [--min 0.9]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def read_words(path):
    words, seen = [], set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if not w or w.startswith("#") or w in seen:
                continue
            seen.add(w)
            words.append(w)
    return words


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--advisor", default=os.environ.get("ADVISOR", "build/advisor"))
    ap.add_argument("--words", default=os.path.join(HERE, "everyday-words.txt"))
    ap.add_argument("--catalog", action="append", default=[], help="catalogue directory (repeatable); default: built-in")
    ap.add_argument("--no-cache", action="store_true", help="pass --no-cache (read the catalogue's YAML)")
    ap.add_argument("--min", type=float, default=0.0, help="exit 1 when the resolving share is below this")
    ap.add_argument("--unresolved", action="store_true", help="list the words that do not resolve")
    a = ap.parse_args()

    words = read_words(a.words)
    if not words:
        print("no words in %s" % a.words)
        return 2
    first_line = 3  # line 1: name, line 2: skills:, then one word a line
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "everyday-words.yaml")
        with open(profile, "w", encoding="utf-8") as f:
            f.write("name: everyday words\nskills:\n")
            for w in words:
                f.write("  - %s\n" % json.dumps(w, ensure_ascii=False))  # a JSON string is a YAML scalar
        cmd = [a.advisor, "--lang", "en", "--json"]
        for c in a.catalog:
            cmd += ["--catalog", c]
        if a.no_cache:
            cmd.append("--no-cache")
        cmd += ["profile", "validate", profile]
        try:
            r = subprocess.run(cmd, capture_output=True, text=True)
        except OSError as e:
            print("cannot run %s: %s" % (a.advisor, e))
            return 2
    try:
        answer = json.loads(r.stdout)
    except ValueError:
        print("advisor gave no JSON (exit %d): %s" % (r.returncode, (r.stderr or r.stdout).strip()[:2000]))
        return 2
    if answer.get("errors"):
        print("the generated profile has errors (exit %d):" % r.returncode)
        for d in answer.get("diagnostics", []):
            if d.get("severity") == "error":
                print("  line %s: %s" % (d.get("line"), d.get("message", {}).get("en")))
        return 2
    unknown = set()
    for d in answer.get("diagnostics", []):
        msg = (d.get("message") or {}).get("en", "")
        if d.get("severity") == "warning" and msg.startswith("unknown skill"):
            k = d.get("line", 0) - first_line
            if 0 <= k < len(words):
                unknown.add(k)
    n, m = len(words) - len(unknown), len(words)
    share = n / m
    print("%d of %d resolve (%.3f)" % (n, m, share))
    if a.unresolved:
        for k in sorted(unknown):
            print("  unresolved: %s" % words[k])
    if share < a.min:
        print("below the minimum %.3f" % a.min)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
