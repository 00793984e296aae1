#!/usr/bin/env python3
"""The README's example output is the program's: each block that follows a line
`<!-- example: ARGS -->` must be exactly what `advisor --lang en --color never ARGS`
prints to stdout (run from the repository's root, no terminal). Fails on a difference;
--update rewrites the blocks (review them with git diff).

usage: tests/core/readme_example.py ADVISOR README [--update]
"""
import re
import shlex
import subprocess
import sys

MARK = re.compile(r"^<!-- example: (.*) -->\n```\n(.*?)```\n", re.M | re.S)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    advisor, readme, update = sys.argv[1], sys.argv[2], "--update" in sys.argv[3:]
    with open(readme, encoding="utf-8") as fh:
        text = fh.read()
    blocks = list(MARK.finditer(text))
    if not blocks:
        sys.exit(f"{readme}: no <!-- example: ... --> block: nothing to check")
    failed = 0
    out = []
    last = 0
    for m in blocks:
        args = shlex.split(m.group(1))
        r = subprocess.run([advisor, "--lang", "en", "--color", "never", *args], capture_output=True, text=True,
                           env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
        if r.returncode != 0:
            print(f"FAIL advisor {m.group(1)}: exit {r.returncode}: {r.stderr.strip()[:300]}")
            failed += 1
        elif r.stdout != m.group(2):
            print(f"FAIL advisor {m.group(1)}: the README's block differs from the output"
                  f" (tests/core/readme_example.py {advisor} {readme} --update rewrites it)")
            failed += 1
        out.append(text[last:m.start(2)] + r.stdout)
        last = m.end(2)
    out.append(text[last:])
    if update:
        with open(readme, "w", encoding="utf-8") as fh:
            fh.write("".join(out))
        print(f"updated {len(blocks)} block(s) of {readme}")
        return
    print(f"{len(blocks)} passed, {failed} failed" if failed else f"{len(blocks)} passed, 0 failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
