#!/usr/bin/env python3
"""CLI tests of `advisor catalog import` on the real ESCO / O*NET files.

slice: the committed ESCO slice (tests/data/esco-1.2.0: 50 occupations and their
       links), imported twice (byte-identical), validated, recommended on, merged.
full:  the whole ESCO import, from $ADVISOR_DATA_DIR/esco-1.2.0; recommend cold
       (YAML), warm (snapshot) and with --no-cache: the answers must not change. (A
       truncated and a corrupt snapshot are tried on the slice, whose cold load is cheap.)
       Exits 77 (CTest SKIP_RETURN_CODE) when ADVISOR_DATA_DIR is unset or lacks ESCO.
"""
import argparse
import csv
import filecmp
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROFILE = os.path.join(HERE, "esco-data-scientist.yaml")
ATTRIBUTION = "This service uses the ESCO classification of the European Commission."
FILES = ["catalog.yaml", "categories.yaml", "domains.yaml", "education.yaml", "roles-001.yaml", "skills-001.yaml"]
SLICE = os.path.join(HERE, "..", "data", "esco-1.2.0")
SLICE_ROLES = 50

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(advisor, *args, env=None):
    e = dict(os.environ)
    e.update({"NO_COLOR": "1", "LANG": "C"})
    if env:
        e.update(env)
    return subprocess.run([advisor, "--as-of", "2026-11-23", "--lang", "en", *args], capture_output=True, text=True, env=e)


def check_schemas(advisor, tmp):
    """Documents about imported roles (English-only names: zh null; external ids) keep
    to the published schemas, on the ESCO and O*NET slices merged with the built-in catalogue."""
    try:
        import jsonschema
    except ImportError:
        check(False, "python3-jsonschema is installed (the json tests need it too)")
        return
    onet = os.path.join(tmp, "onet")
    p = run(advisor, "catalog", "import", "onet", os.path.join(HERE, "..", "data", "onet-29.2"), "--out", onet)
    check(p.returncode == 0, f"O*NET slice imports ({p.stderr.strip()[:200]})")
    cat = ["--catalog", "builtin", "--catalog", os.path.join(tmp, "a"), "--catalog", onet, "--json"]
    docs = [
        ("show", ["show", "role", "15-2051.00"]),
        ("show", ["show", "skill", "python"]),
        ("list", ["list", "roles"]),
        ("list", ["list", "skills"]),
        ("recommend", ["recommend", "--profile", PROFILE, "--top", "40"]),
        ("gap", ["gap", "--profile", PROFILE, "--role", "15-2051.00"]),
    ]
    for name, args in docs:
        out = run(advisor, *cat, *args)
        schema = json.loads(run(advisor, "schema", name).stdout)
        ok = out.returncode == 0
        try:
            jsonschema.Draft202012Validator(schema).validate(json.loads(out.stdout))
        except (jsonschema.ValidationError, json.JSONDecodeError) as e:
            ok = False
            print(f"     {name}: {str(e)[:300]}")
        check(ok, f"{' '.join(args[:2])} --json on imported data matches its schema")
    shown = json.loads(run(advisor, *cat, "show", "role", "15-2051.00").stdout)["role"]
    check(shown["external_ids"] == {"onet_soc": "15-2051.00"} and shown["name"]["zh"] is None,
          "show role 15-2051.00: external id kept, no English in zh")


def top_ids(proc):
    return [r["id"] for r in json.loads(proc.stdout)["roles"]]


def check_snapshot_damage(advisor, args, cache):
    """A truncated or corrupt snapshot is ignored and rebuilt: the answer never changes.
    On the slice (a snapshot of a few hundred KB), so the full test loads ESCO cold less."""
    env = {"XDG_CACHE_HOME": cache}
    cold = run(advisor, *args, env=env)
    snaps = [os.path.join(cache, "advisor", f) for f in os.listdir(os.path.join(cache, "advisor"))]
    check(cold.returncode == 0 and len(snaps) == 1, "a cold load of the slice writes one snapshot")
    size = os.path.getsize(snaps[0])
    with open(snaps[0], "r+b") as f:
        f.truncate(size // 2)
    broken = run(advisor, *args, env=env)
    check(broken.returncode == 0 and broken.stdout == cold.stdout, "a truncated snapshot is ignored and rebuilt")
    check(os.path.getsize(snaps[0]) == size, "the rebuilt snapshot is whole again")
    with open(snaps[0], "r+b") as f:
        f.seek(size // 3)
        f.write(b"\xde\xad\xbe\xef")
    flipped = run(advisor, *args, env=env)
    check(flipped.returncode == 0 and flipped.stdout == cold.stdout, "a corrupt snapshot is ignored")


def snapshots(cache):
    d = os.path.join(cache, "advisor")
    return sorted(os.path.join(d, f) for f in os.listdir(d)) if os.path.isdir(d) else []


def check_snapshot_at_import(advisor, src, tmp):
    """`catalog import` leaves the new catalogue's snapshot in the cache (issue 31), so
    the first answer on it reads no YAML: that answer finds the snapshot and neither
    rewrites it nor writes another. --no-cache imports leave the cache alone."""
    out, cache = os.path.join(tmp, "warm"), os.path.join(tmp, "cache-import")
    env = {"XDG_CACHE_HOME": cache}
    p = run(advisor, "catalog", "import", "esco", src, "--out", out, env=env)
    snaps = snapshots(cache)
    check(p.returncode == 0 and len(snaps) == 1, f"import writes the catalogue's snapshot: {snaps}")
    if len(snaps) != 1:
        return
    before = os.stat(snaps[0])
    args = ["--catalog", out, "--json", "recommend", "--profile", PROFILE, "--top", "10"]
    first = run(advisor, *args, env=env)
    after = os.stat(snaps[0])
    check(first.returncode == 0 and snapshots(cache) == snaps and after.st_ino == before.st_ino
          and after.st_mtime_ns == before.st_mtime_ns, "the first answer after the import loads that snapshot")
    nocache = run(advisor, "--no-cache", *args, env=env)
    check(nocache.returncode == 0 and nocache.stdout == first.stdout, "and answers as the YAML does")
    other = os.path.join(tmp, "cache-none")
    p = run(advisor, "--no-cache", "catalog", "import", "esco", src, "--out", os.path.join(tmp, "cold"),
            env={"XDG_CACHE_HOME": other})
    check(p.returncode == 0 and snapshots(other) == [], "--no-cache import writes no snapshot")


def test_slice(advisor, tmp):
    src, n = SLICE, SLICE_ROLES
    out1, out2 = os.path.join(tmp, "a"), os.path.join(tmp, "b")
    p = run(advisor, "catalog", "import", "esco", src, "--out", out1)
    check(p.returncode == 0, f"import exits 0 (got {p.returncode}: {p.stderr.strip()})")
    check(f"imported {n} roles" in p.stdout, f"import reports {n} roles: {p.stdout.strip()[:80]}")
    check(p.stderr == "", "no progress bar or warnings on stderr when it is not a terminal")
    p = run(advisor, "catalog", "import", "esco", src, "--out", out1)
    check(p.returncode == 2 and "--force" in p.stderr and p.stdout == "", "existing output is refused without --force")
    p = run(advisor, "catalog", "import", "esco", src, "--out", out2)
    check(p.returncode == 0, "second import exits 0")
    check(sorted(os.listdir(out1)) == FILES, f"files written: {sorted(os.listdir(out1))}")
    same = all(filecmp.cmp(os.path.join(out1, f), os.path.join(out2, f), shallow=False) for f in FILES)
    check(same, "two imports are byte-identical")
    p = run(advisor, "catalog", "import", "esco", src, "--out", out1, "--force")
    check(p.returncode == 0, "--force replaces the files")
    p = run(advisor, "catalog", "validate", out1)
    check(p.returncode == 0, f"catalog validate exits 0 ({p.stderr.strip()[:200]})")
    p = run(advisor, "--catalog", out1, "--json", "recommend", "--profile", PROFILE, "--top", "10")
    check(p.returncode == 0, f"recommend exits 0 ({p.stderr.strip()[:200]})")
    check("unknown skill" not in p.stderr, "every skill of the profile is an ESCO label")
    if p.returncode == 0:
        check("esco-data-scientist" in top_ids(p), f"data scientist in the top 10 of the slice: {top_ids(p)}")
    check_snapshot_damage(advisor, ["--catalog", out1, "--json", "recommend", "--profile", PROFILE, "--top", "10"],
                          os.path.join(tmp, "cache"))
    check_snapshot_at_import(advisor, src, tmp)
    p = run(advisor, "--catalog", out1, "--json", "gap", "--profile", PROFILE, "--role", "esco-data-scientist")
    check(p.returncode == 0, f"gap exits 0 ({p.stderr.strip()[:200]})")
    if p.returncode == 0:
        g = json.loads(p.stdout)
        matched = [s["id"] for s in g["matched_skills"]]
        check("esco-statistics" in matched, "gap: statistics is matched")
        check(len(g["missing_skills"]) > 0, "gap: some skills are missing")
    p = run(advisor, "--catalog", out1, "show", "role", "esco-data-scientist")
    check(p.returncode == 0 and ATTRIBUTION in p.stdout, "show role prints the ESCO attribution")
    p = run(advisor, "--catalog", "builtin", "--catalog", out1, "catalog", "validate")
    check(p.returncode == 0, f"builtin + import validate together ({p.stderr.strip()[:200]})")
    p = run(advisor, "--catalog", "builtin", "--catalog", out1, "show", "role", "esco-data-scientist")
    check(p.returncode == 0 and ATTRIBUTION in p.stdout, "merged: show role still prints the ESCO attribution")
    check_schemas(advisor, tmp)
    p = run(advisor, "catalog", "import", "esco", os.path.join(tmp, "nowhere"), "--out", os.path.join(tmp, "c"))
    check(p.returncode == 66 and p.stdout == "", "a missing data directory exits 66")


def test_full(advisor, data, tmp):  # data: the folder holding esco-1.2.0/
    out = os.path.join(tmp, "esco")
    p = run(advisor, "catalog", "import", "esco", os.path.join(data, "esco-1.2.0"), "--out", out)
    check(p.returncode == 0 and "imported 3039 roles" in p.stdout, f"full import: {p.stdout.strip()[:80]}")
    env = {"XDG_CACHE_HOME": os.path.join(tmp, "cache")}
    args = ["--catalog", out, "--json", "recommend", "--profile", PROFILE, "--top", "10"]
    cold = run(advisor, *args, env=env)
    check(cold.returncode == 0, f"cold recommend exits 0 ({cold.stderr.strip()[:200]})")
    snaps = [os.path.join(env["XDG_CACHE_HOME"], "advisor", f) for f in os.listdir(os.path.join(env["XDG_CACHE_HOME"], "advisor"))]
    check(len(snaps) == 1, "a cold load writes one snapshot")
    warm = run(advisor, *args, env=env)
    check(warm.returncode == 0 and warm.stdout == cold.stdout, "warm (snapshot) answer equals the cold one")
    ids = top_ids(cold) if cold.returncode == 0 else []
    check("esco-data-scientist" in ids, f"data scientist in the top 10 of the full import: {ids}")
    nocache = run(advisor, "--no-cache", *args, env=env)
    check(nocache.returncode == 0 and nocache.stdout == cold.stdout, "--no-cache gives the same answer")
    # Roles and skills come in files of bounded size (a cold load's memory), and a
    # smaller import over a bigger one with --force leaves none of the bigger one's.
    names = sorted(os.listdir(out))
    check(len([n for n in names if n.startswith("roles-")]) == 13, f"3,039 roles in 13 files of 250: {names}")
    src = SLICE
    p = run(advisor, "catalog", "import", "esco", src, "--out", out)
    check(p.returncode == 2 and "already exists" in p.stderr, "an import over another is refused without --force")
    p = run(advisor, "catalog", "import", "esco", src, "--out", out, "--force")
    check(p.returncode == 0 and sorted(os.listdir(out)) == FILES,
          f"--force over a bigger import leaves only the new files: {sorted(os.listdir(out))}")
    p = run(advisor, "--no-cache", "catalog", "validate", out)
    check(p.returncode == 0, f"the smaller import validates alone ({p.stderr.strip()[:200]})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--advisor", required=True)
    ap.add_argument("which", choices=["slice", "full"])
    a = ap.parse_args()
    data = os.environ.get("ADVISOR_DATA_DIR", "")
    if a.which == "full" and not os.path.isfile(os.path.join(data, "esco-1.2.0", "occupations_en.csv")):
        print("SKIP: set ADVISOR_DATA_DIR to a folder holding the full esco-1.2.0/ (docs/import.md says where "
              "to download it)")
        return 77
    with tempfile.TemporaryDirectory(prefix="advisor-scale-") as tmp:
        # Imports write a snapshot into the cache: never into the user's own.
        os.environ["XDG_CACHE_HOME"] = os.path.join(tmp, "cache-default")
        if a.which == "slice":
            test_slice(os.path.abspath(a.advisor), tmp)
        else:
            test_full(os.path.abspath(a.advisor), data, tmp)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
