#!/usr/bin/env python3
"""The floor programs (bench/floor/) must load what advisor loads, or bench/run's floors
are lower than any program linked as advisor is. The linker drops a shared library that
no object needs at its place on the command line (--as-needed): a hello world that never
allocated left mimalloc out and measured 1.2x /bin/true instead of 1.5x. This compares
the shared libraries each binary names (readelf -d, NEEDED) with advisor's.

usage: floor_linkage.py ADVISOR FLOOR [FLOOR ...]     exit 77 (skipped) without readelf
"""
import re
import shutil
import subprocess
import sys


def needed(binary):
    out = subprocess.run(["readelf", "-d", binary], capture_output=True, text=True, check=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    if not shutil.which("readelf"):
        print("SKIPPED: readelf not found")
        return 77
    advisor = needed(sys.argv[1])
    # libm: advisor's own arithmetic (log, pow), not part of what every program loads.
    expected = advisor - {"libm.so.6"}
    failures = 0
    for floor in sys.argv[2:]:
        got = needed(floor)
        missing, extra = expected - got, got - advisor
        if missing or extra:
            failures += 1
            print(f"FAIL {floor}: misses {sorted(missing)}, adds {sorted(extra)} (advisor: {sorted(advisor)})")
        else:
            print(f"ok   {floor}: {sorted(got)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
