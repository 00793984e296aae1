#!/usr/bin/env python3
"""advisor batch is a pure line-to-line function, so sharded runs must give one run's
output byte for byte, line numbers included (docs/json.md, "Sharding").

  line-offset  the input cut into shards by hand, each run with --line-offset, the
               outputs concatenated
  parallel     GNU parallel --pipe --keep-order -N K cutting the input (exit 77,
               reported SKIPPED by CTest, when `parallel` is not installed)

Both are checked for the full recommend document and for check --brief, on the
example profiles with broken lines mixed in, in shards of 7 lines (a shard size that
does not divide the input, so the last shard is short).

usage: batch_shards.py --advisor build/advisor line-offset|parallel
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

AS_OF = "2026-11-23"
SHARD = 7
REQUESTS = [[], ["--command", "check", "--brief"]]


def input_lines():
    good = [json.dumps(yaml.safe_load(open(p, encoding="utf-8")), ensure_ascii=False, default=str).encode("utf-8")
            for p in sorted(glob.glob("profiles/*.yaml"))]
    broken = [b"", b"not json", b'{"agee": 30}', b'{"age": "twenty"}']
    lines = []
    # Not an empty first line: GNU parallel puts a leading empty line into the first
    # record with the line after it, so that shard would be one line long (docs/json.md).
    for i in range(40):
        lines.append(good[i % len(good)] if i % 5 != 3 else broken[(i // 5) % len(broken)])
    return lines


class Shards:
    def __init__(self, advisor):
        self.advisor = advisor
        self.failures = 0
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "ADVISOR_"))}
        self.env.update(LANG="C", NO_COLOR="1")

    def fail(self, what, detail):
        self.failures += 1
        print(f"FAIL {what}: {detail}", file=sys.stderr)

    def base(self, request):
        return [self.advisor, "--as-of", AS_OF, "--lang", "en", "batch"] + request

    def one_process(self, request, data):
        p = subprocess.run(self.base(request), input=data, capture_output=True, env=self.env, timeout=600)
        if p.returncode != 65 or p.stdout.count(b"\n") != data.count(b"\n"):
            self.fail(f"advisor batch {' '.join(request)}", f"exit {p.returncode} (want 65, some lines are broken)")
        return p.stdout

    def line_offset(self, request, lines):
        data = b"\n".join(lines) + b"\n"
        want = self.one_process(request, data)
        got = b""
        for start in range(0, len(lines), SHARD):
            shard = b"\n".join(lines[start:start + SHARD]) + b"\n"
            p = subprocess.run(self.base(request) + ["--line-offset", str(start)], input=shard, capture_output=True,
                               env=self.env, timeout=600)
            got += p.stdout
        first = json.loads(got.split(b"\n", 1)[0]) if got else {}
        if got != want or first.get("line") != 1:
            self.fail(f"--line-offset shards of {SHARD}, {' '.join(request)}", "output differs from one process's")

    def parallel(self, request, lines):
        data = b"\n".join(lines) + b"\n"
        want = self.one_process(request, data)
        command = " ".join(self.base(request)) + f" --line-offset $(( ({{#}}-1)*{SHARD} ))"
        with tempfile.TemporaryDirectory() as home:
            env = dict(self.env, HOME=home, TMPDIR=home)
            p = subprocess.run(["parallel", "--pipe", "--keep-order", "-j", "2", "-N", str(SHARD), command],
                               input=data, capture_output=True, env=env, timeout=600)
        shards = [lines[i:i + SHARD] for i in range(0, len(lines), SHARD)]
        failed_shards = sum(1 for s in shards if any(not l.startswith(b"{") or b"agee" in l or b"twenty" in l
                                                     for l in s))
        what = f"parallel --pipe --keep-order -N {SHARD} advisor batch {' '.join(request)}"
        if p.stdout != want:
            self.fail(what, f"output differs from one process's ({len(p.stdout)} bytes, want {len(want)}); "
                            f"stderr {p.stderr.decode('utf-8', 'replace')[:300]}")
        # parallel's exit code counts the jobs that failed: here the shards with a broken line (exit 65).
        if p.returncode != failed_shards:
            self.fail(what, f"exit {p.returncode}, want {failed_shards} (shards with a broken line)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--advisor", required=True)
    ap.add_argument("mode", choices=["line-offset", "parallel"])
    a = ap.parse_args()
    if a.mode == "parallel" and not shutil.which("parallel"):
        print("SKIPPED: GNU parallel is not installed (apt-get install parallel)")
        return 77
    s = Shards(os.path.abspath(a.advisor))
    lines = input_lines()
    for request in REQUESTS:
        (s.line_offset if a.mode == "line-offset" else s.parallel)(request, lines)
    print(f"{a.mode}: {len(REQUESTS)} requests on {len(lines)} lines in shards of {SHARD}, {s.failures} failures")
    return 1 if s.failures else 0


if __name__ == "__main__":
    sys.exit(main())
