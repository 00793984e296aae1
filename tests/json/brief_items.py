#!/usr/bin/env python3
"""Batch writes each brief item (a role, a certificate, a next action, a checked
level) into a buffer of its own and falls back to the general JSON writer for a
value it cannot copy as it is or that does not fit (src/cli/to_json_brief.cpp).
This test makes it fall back: a catalogue whose one role has a 300-character id,
which a profile's skills make the best fit. The batch line must carry, byte for
byte, the document `advisor recommend --brief` writes for the same profile (which
goes through the general writer), compacted.

usage: tests/json/brief_items.py --advisor BUILD/advisor
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

LONG_ID = "a-role-whose-id-is-long-" + "x" * 276
ROLE = f"""
  - id: {LONG_ID}
    name: {{zh: 长编号岗位, en: A role with a long id}}
    category: research-and-development
    definition:
      zh: 测试用岗位：编号长达三百个字符。
      en: A test role whose id is three hundred characters long.
    skills:
      - {{skill: python, need: essential}}
      - {{skill: pytorch, need: essential}}
      - {{skill: tensorflow, need: essential}}
    company_types:
      - {{zh: 科技公司, en: Technology companies}}
    source: seed-003
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--advisor", required=True)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cat = os.path.join(tmp, "catalog")
        shutil.copytree("catalog", cat, ignore=shutil.ignore_patterns("tests"))
        with open(os.path.join(cat, "roles.yaml"), "a", encoding="utf-8") as f:
            f.write(ROLE)
        profile = {"name": "p", "age": 30, "education": {"level": "bachelor"},
                   "skills": ["python", "pytorch", "tensorflow"]}
        path = os.path.join(tmp, "p.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(profile, f)
        base = [args.advisor, "--catalog", cat, "--as-of", "2026-11-23"]
        one = subprocess.run(base + ["recommend", "--brief", "--profile", path], capture_output=True)
        line = json.dumps(profile, ensure_ascii=False) + "\n"
        batch = subprocess.run(base + ["batch", "--brief"], input=line.encode(), capture_output=True)
        if one.returncode not in (0, 1) or batch.returncode != 0:
            sys.exit(f"FAIL: exit {one.returncode} / {batch.returncode}: {one.stderr[:300]!r} {batch.stderr[:300]!r}")
        doc = json.loads(one.stdout)
        if not doc["roles"] or doc["roles"][0]["id"] != LONG_ID:
            sys.exit(f"FAIL: the long role is not the best fit: {doc['roles'][:2]}")
        want = b'{"line":1,"ok":true,"result":' + json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode() + b"}\n"
        if batch.stdout != want:
            sys.exit(f"FAIL: the batch line differs from recommend --brief, compacted:\n{batch.stdout[:600]!r}\n{want[:600]!r}")
    print("ok: a brief item too long for its buffer is written as the general writer writes it")


if __name__ == "__main__":
    main()
