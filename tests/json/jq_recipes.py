#!/usr/bin/env python3
"""Runs the jq recipes of docs/json.md exactly as written and checks their output.

A recipe is a ```sh block right after a `<!-- recipe: NAME -->` line. Each is run
with bash from the repository root, with the advisor under test first on PATH and
jq's directory after it; its output must equal what the recipe should print,
computed here from the command's JSON. Every recipe in the page must have a check
here, and every check a recipe, so the page and the test cannot drift apart.

  jq_recipes.py --advisor build/advisor --jq /usr/bin/jq docs/json.md
"""
import argparse
import json
import os
import re
import subprocess
import sys

RECIPE = re.compile(r"<!-- recipe: ([a-z0-9-]+) -->\s*```sh\n(.*?)```", re.S)


def advisor_json(env, args):
    p = subprocess.run(["advisor"] + args, capture_output=True, env=env, check=False)
    return p.stdout.decode("utf-8")


def expect_first_role_name(env):
    doc = json.loads(advisor_json(env, ["recommend", "--profile", "profiles/cs-graduate.yaml", "--json"]))
    return json.dumps(doc["roles"][0]["name"]["en"], ensure_ascii=False) + "\n"


def expect_eligible_levels(env):
    doc = json.loads(advisor_json(env, ["check", "--profile", "profiles/cs-graduate.yaml", "--json"]))
    return "".join(f"{r['certificate']}/{r['level']}\n" for r in doc["results"] if r["eligible"])


def expect_top_three_roles(env):
    doc = json.loads(advisor_json(env, ["recommend", "--profile", "profiles/cs-graduate.yaml", "--json"]))
    return "".join(r["id"] + "\n" for r in doc["roles"][:3])


def batch_lines(env):
    out = advisor_json(env, ["batch", "--input", "tests/json/fixtures/people.jsonl"])
    return [json.loads(l) for l in out.splitlines()]


def expect_batch_csv(env):
    # jq's @csv: strings quoted with "" doubled, booleans and numbers bare.
    def cell(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int):
            return str(v)
        return '"' + v.replace('"', '""') + '"'

    rows = []
    for d in batch_lines(env):
        role = d["result"]["roles"][0]["id"] if d["ok"] and d["result"]["roles"] else ""
        err = d["error"]["message"]["en"] if not d["ok"] else ""
        rows.append(",".join(cell(v) for v in (d["line"], d["ok"], role, err)))
    return "".join(r + "\n" for r in rows)


def expect_batch_failures(env):
    return "".join(json.dumps({"line": d["line"], "path": d["error"]["path"]}, ensure_ascii=False, separators=(",", ":")) + "\n"
                   for d in batch_lines(env) if not d["ok"])


CHECKS = {
    "first-role-name": expect_first_role_name,
    "eligible-levels": expect_eligible_levels,
    "top-three-roles": expect_top_three_roles,
    "batch-csv": expect_batch_csv,
    "batch-failures": expect_batch_failures,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--advisor", required=True)
    ap.add_argument("--jq", default="jq")
    ap.add_argument("doc")
    a = ap.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "ADVISOR_")) and k not in ("LANG", "NO_COLOR")}
    env["LANG"] = "C"
    env["PATH"] = os.pathsep.join([os.path.dirname(os.path.abspath(a.advisor)), os.path.dirname(os.path.abspath(a.jq)),
                                   env.get("PATH", "")])
    recipes = dict(RECIPE.findall(open(a.doc, encoding="utf-8").read()))
    failures = 0
    if set(recipes) != set(CHECKS):
        print(f"FAIL recipes in {a.doc}: {sorted(recipes)}; checks here: {sorted(CHECKS)}", file=sys.stderr)
        failures += 1
    for name in sorted(set(recipes) & set(CHECKS)):
        script = recipes[name]
        p = subprocess.run(["bash", "-c", script], capture_output=True, env=env)
        got = p.stdout.decode("utf-8")
        want = CHECKS[name](env)
        if not want.strip():
            print(f"FAIL {name}: the expected output is empty, so the recipe proves nothing", file=sys.stderr)
            failures += 1
        elif got != want:
            print(f"FAIL {name}: {script.strip()}\n--- expected\n{want}--- got\n{got}--- stderr\n{p.stderr.decode()}",
                  file=sys.stderr)
            failures += 1
        else:
            print(f"ok {name}: {len(want.splitlines())} line(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
