#!/usr/bin/env python3
"""Checks advisor's JSON contract (docs/json.md) with an independent validator.

Runs the real binary for every command on every example profile (profiles/*.yaml),
in both languages, and validates each --json document against its JSON Schema in
docs/schema/ with Debian's python3-jsonschema (Draft 2020-12). Parts:

  schemas   every schema is a valid 2020-12 schema; `advisor schema` prints the same files
  outputs   every command's JSON validates, on every profile, in zh and en
  errors    a failing command in --json mode leaves stdout empty and explains on stderr
  negative  deliberately wrong documents are rejected (proves the validator runs)
  profiles  every example profile (profiles/*.yaml, the docs' examples) validates against
            profile.schema.json, the input schema, and wrong profiles do not

Run from the repository root: validate_all.py --advisor build/advisor [PART...]
"""
import argparse
import copy
import glob
import json
import os
import subprocess
import sys
import tempfile

import jsonschema
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import batch_schema  # noqa: E402

AS_OF = "2026-11-23"
LANGS = ("en", "zh")


class Checker:
    def __init__(self, advisor, schema_dir):
        self.advisor = advisor
        self.schema_dir = schema_dir
        self.failures = []
        self.validated = 0
        self.by_lang = {}  # args → {lang: document}
        self.schemas = {}
        for path in sorted(glob.glob(os.path.join(schema_dir, "*.schema.json"))):
            name = os.path.basename(path)[: -len(".schema.json")]
            with open(path, encoding="utf-8") as f:
                self.schemas[name] = json.load(f)
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("LC_", "ADVISOR_")) and k not in ("LANG", "NO_COLOR")}
        self.env["LANG"] = "C"

    def fail(self, what, detail):
        self.failures.append(f"{what}: {detail}")
        print(f"FAIL {what}: {detail}", file=sys.stderr)

    def run(self, args, stdin=None, lang="en"):
        cmd = [self.advisor, "--color", "never", "--as-of", AS_OF, "--lang", lang] + args
        p = subprocess.run(cmd, input=stdin, capture_output=True, env=self.env, timeout=600)
        return p.returncode, p.stdout, p.stderr

    def validator(self, name):
        return jsonschema.Draft202012Validator(self.schemas[name])

    def validate(self, name, doc, what):
        errors = list(self.validator(name).iter_errors(doc))
        self.validated += 1
        if errors:
            # Inside a oneOf, the branch that got deepest into the document is the one meant.
            e = errors[0]
            while e.context:
                e = max(e.context, key=lambda c: len(c.absolute_path))
            where = "/".join(str(x) for x in e.absolute_path) or "(root)"
            self.fail(what, f"{name}.schema.json at {where}: {e.message[:300]} ({len(errors)} error(s))")
        return not errors

    def json_command(self, name, args, codes=(0,), lang="en", stdin=None):
        """Runs a --json command, checks its exit code, validates and returns its document."""
        what = f"advisor --lang {lang} {' '.join(args)} --json"
        code, out, err = self.run(args + ["--json"], stdin=stdin, lang=lang)
        if code not in codes:
            self.fail(what, f"exit {code}, expected {codes}; stderr: {err.decode('utf-8', 'replace')[:500]}")
            return None
        try:
            doc = json.loads(out)
        except ValueError as e:
            self.fail(what, f"stdout is not one JSON document: {e}")
            return None
        self.validate(name, doc, what)
        self.by_lang.setdefault(tuple(args), {})[lang] = doc
        return doc

    def same_brief(self, full, brief, what, project, key):
        """The brief document says what the full one says, in the same order."""
        if full is None or brief is None:
            return
        want = [project(x) for x in full[key]]
        if brief[key] != want or brief["as_of"] != full["as_of"]:
            self.fail(f"{what} --brief", f"'{key}' differs from the full document's")

    # --- parts ---------------------------------------------------------------

    def part_schemas(self):
        expected = {"list", "show", "check", "recommend", "gap", "plan", "catalog-validate", "profile-validate",
                    "catalog-test", "batch", "schema", "profile", "check-brief", "recommend-brief", "gap-brief", "plan-brief"}
        missing = expected - set(self.schemas)
        if missing:
            self.fail("docs/schema", f"missing schemas: {sorted(missing)}")
        for name, schema in self.schemas.items():
            try:
                jsonschema.Draft202012Validator.check_schema(schema)
            except jsonschema.SchemaError as e:
                self.fail(f"{name}.schema.json", f"not a valid 2020-12 schema: {e.message}")
            if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
                self.fail(f"{name}.schema.json", "$schema must name draft 2020-12")
        # batch.schema.json stands alone, so it carries a copy of every document a line
        # may hold: the copy must be what tests/json/batch_schema.py builds from them.
        try:
            built = batch_schema.build(self.schema_dir)
        except SystemExit as e:
            self.fail("batch.schema.json", str(e))
        else:
            if built != self.schemas["batch"]:
                self.fail("batch.schema.json", "not built from the document schemas: run tests/json/batch_schema.py --write")
        # The binary prints the schemas it was built with: the same bytes as docs/schema.
        # In the order of their short names ("check" before "check-brief", "profile"
        # before "profile-validate"), as `advisor schema` lists them.
        in_order = sorted(self.schemas)
        code, out, err = self.run(["schema"])
        names = out.decode().split()
        if code != 0 or names != in_order:
            self.fail("advisor schema", f"exit {code}, lists {names}, expected {in_order}")
        for name in self.schemas:
            code, out, err = self.run(["schema", name])
            with open(os.path.join(self.schema_dir, name + ".schema.json"), "rb") as f:
                want = f.read()
            if code != 0 or out != want:
                self.fail(f"advisor schema {name}", f"exit {code}; output differs from docs/schema (rebuild?)")
        doc = self.json_command("schema", ["schema"])
        if doc is not None and [s["name"] for s in doc["schemas"]] != in_order:
            self.fail("advisor schema --json", "names differ from docs/schema")
        code, out, err = self.run(["schema", "recomend"])
        if code != 2 or out or b"did you mean 'recommend'" not in err:
            self.fail("advisor schema recomend", f"exit {code}, stdout {out[:80]!r}, stderr {err[:200]!r}")

    def part_outputs(self):
        profiles = sorted(glob.glob("profiles/*.yaml"))
        if not profiles:
            self.fail("profiles", "no profiles/*.yaml: run from the repository root")
            return
        roles = self.json_command("list", ["list", "roles"]) or {"roles": []}
        certs = self.json_command("list", ["list", "certificates"]) or {"certificates": []}
        skills = self.json_command("list", ["list", "skills"]) or {"skills": []}
        for doc, key in ((roles, "roles"), (certs, "certificates"), (skills, "skills")):
            if not doc.get(key):
                self.fail(f"list {key}", f"no '{key}' in the document, or it is empty")
        role_ids = [r["id"] for r in roles["roles"]]
        cert_ids = [c["id"] for c in certs["certificates"]]
        # A few skills: the first ones, some with a parent, and one named by its English name.
        skill_ids = [s["id"] for s in skills["skills"][:3]]
        skill_ids += [s["id"] for s in skills["skills"] if s["parent"]][:3]
        if skills["skills"]:
            skill_ids.append(skills["skills"][-1]["name"]["en"])
        gap_roles = sorted(set(role_ids[:1] + role_ids[len(role_ids) // 2: len(role_ids) // 2 + 1] + role_ids[-1:]))
        has_plan = self.run(["plan", "--help"])[0] == 0

        for lang in LANGS:
            self.json_command("list", ["list", "roles"], lang=lang)
            self.json_command("list", ["list", "certificates"], lang=lang)
            self.json_command("list", ["list", "skills"], lang=lang)
            self.json_command("list", ["list", "categories"], lang=lang)
            self.json_command("list", ["list", "skills", "--search", "python"], lang=lang)
            if roles["roles"]:
                cat = roles["roles"][0]["category"]
                self.json_command("list", ["list", "roles", "--category", cat], lang=lang)
                self.json_command("list", ["list", "skills", "--category", cat], lang=lang)
            for rid in role_ids:
                self.json_command("show", ["show", "role", rid], lang=lang)
            for cid in cert_ids:
                self.json_command("show", ["show", "certificate", cid], lang=lang)
            for sid in skill_ids:
                self.json_command("show", ["show", "skill", sid], lang=lang)
            for p in profiles:
                doc = self.json_command("check", ["check", "--profile", p], codes=(0, 1), lang=lang)
                if doc:
                    for r in doc["results"]:
                        if r["eligible"] != (r["status"] == "eligible"):
                            self.fail(f"check {p}", f"{r['certificate']}/{r['level']}: eligible disagrees with status")
                for cid in cert_ids:
                    self.json_command("check", ["check", "--profile", p, cid], codes=(0, 1), lang=lang)
                brief = self.json_command("check-brief", ["check", "--profile", p, "--brief"], codes=(0, 1), lang=lang)
                self.same_brief(doc, brief, f"check {p}", lambda r: {k: r[k] for k in (
                    "certificate", "level", "status", "earliest_date", "next_sitting")}, "results")
                self.json_command("recommend", ["recommend", "--profile", p], lang=lang)
                full = self.json_command("recommend", ["recommend", "--profile", p, "--top", "3"], lang=lang)
                brief = self.json_command("recommend-brief", ["recommend", "--profile", p, "--top", "3", "--brief"],
                                          lang=lang)
                self.same_brief(full, brief, f"recommend {p}", lambda r: {"id": r["id"], "score": r["score"]}, "roles")
                self.same_brief(full, brief, f"recommend {p}", lambda r: {k: r[k] for k in (
                    "id", "level", "status", "score")}, "certificates")
                # --top 0 lists every role with evidence, and only those: no role at a score of 0
                # (docs/scoring.md), each id once and from the catalogue.
                doc = self.json_command("recommend", ["recommend", "--profile", p, "--top", "0"], lang=lang)
                if doc:
                    ids = [r["id"] for r in doc["roles"]]
                    if len(set(ids)) != len(ids) or not set(ids) <= set(role_ids) or not ids:
                        self.fail(f"recommend {p} --top 0", f"roles {ids} are not distinct catalogue roles")
                    if any(r["score"] <= 0 or not r["evidence"] for r in doc["roles"]):
                        self.fail(f"recommend {p} --top 0", "a role without evidence is listed")
                for rid in gap_roles:
                    full = self.json_command("gap", ["gap", "--profile", p, "--role", rid], lang=lang)
                    brief = self.json_command("gap-brief", ["gap", "--profile", p, "--role", rid, "--brief"], lang=lang)
                    if full and brief:
                        want = ([m["id"] for m in full["missing_skills"] if m["essential"]],
                                [m["id"] for m in full["missing_skills"] if not m["essential"]], full["score"])
                        if (brief["missing_essential"], brief["missing_optional"], brief["score"]) != want:
                            self.fail(f"gap {p} --role {rid} --brief", "differs from the full document")
                    if has_plan:
                        full = self.json_command("plan", ["plan", "--profile", p, "--role", rid], lang=lang)
                        brief = self.json_command("plan-brief", ["plan", "--profile", p, "--role", rid, "--brief"],
                                                  lang=lang)
                        self.same_brief(full, brief, f"plan {p} --role {rid}", lambda s: {k: s.get(k) for k in (
                            "kind", "id", "level", "earliest_date")}, "steps")
                self.json_command("profile-validate", ["profile", "validate", p], lang=lang)
            self.json_command("catalog-validate", ["catalog", "validate"], lang=lang)
            tests = sorted(glob.glob("catalog/tests/*.yaml"))
            self.json_command("catalog-test", ["catalog", "test"] + tests, lang=lang)

        # Failing reports are documents too, and are printed on failure.
        doc = self.json_command("catalog-validate", ["catalog", "validate", "tests/json/fixtures/bad-catalog"], codes=(65,))
        if doc and (doc["valid"] or not doc["diagnostics"]):
            self.fail("catalog validate bad-catalog", "expected valid: false with diagnostics")
        doc = self.json_command("profile-validate", ["profile", "validate", "tests/json/fixtures/bad-profile.yaml"], codes=(65,))
        if doc and (doc["valid"] or doc["errors"] < 2 or any(d["line"] < 1 for d in doc["diagnostics"])):
            self.fail("profile validate bad-profile", "expected valid: false with positioned diagnostics")
        doc = self.json_command("catalog-test", ["catalog", "test", "tests/json/fixtures/failing-case.yaml"], codes=(1,))
        if doc and (doc["failed"] != 1 or not doc["cases"][0]["failures"]):
            self.fail("catalog test failing-case", "expected one failed case with its failures")

        # Documents carry both languages, so --lang must not change them (docs/json.md).
        for args, docs in self.by_lang.items():
            if len(docs) == 2 and docs["en"] != docs["zh"]:
                self.fail(f"advisor {' '.join(args)} --json", "the document differs between --lang en and --lang zh")

        self.check_batch(profiles)
        self.check_batch_errors_as_yaml()
        if gap_roles and cert_ids:
            self.check_batch_commands(profiles, gap_roles[0], cert_ids[0])
        if not has_plan:
            print("note: `advisor plan --help` failed, plan output not validated", file=sys.stderr)

    def check_batch(self, profiles):
        batch_validator = self.validator("batch")
        good = [json.dumps(yaml.safe_load(open(p, encoding="utf-8")), ensure_ascii=False, default=str) for p in profiles]
        good = [g.encode("utf-8") for g in good]
        good.append(b"\xef\xbb\xbf" + good[0] + b"\r")  # a byte order mark and a CRLF ending are not content
        broken = {
            "empty": b"",
            "not JSON": b"this is not json",
            "a list": b"[1, 2, 3]",
            "wrong type": b'{"age": "twenty"}',
            "unknown key": b'{"agee": 30}',
            "unclosed": b'{"age": 30',
            "deep": b'{"name": ' + b"[" * 200 + b"]" * 200 + b"}",
            "binary": b'{"name": "\xff\xfe\x00"}',
            "huge": b'{"name": "' + b"x" * (1100 * 1024) + b'"}',
        }
        lines, expect_ok = [], []
        for i, g in enumerate(good):
            lines.append(g)
            expect_ok.append(True)
            key = list(broken)[i % len(broken)]
            lines.append(broken[key])
            expect_ok.append(False)
        for key in list(broken)[len(good):]:
            lines.append(broken[key])
            expect_ok.append(False)
        data = b"\n".join(lines) + b"\n"
        outputs = {}
        for jobs in ("1", "2"):
            what = f"advisor batch --jobs {jobs}"
            code, out, err = self.run(["batch", "--jobs", jobs], stdin=data)
            outputs[jobs] = out
            if code != 65:
                self.fail(what, f"exit {code}, expected 65 (some lines are broken)")
            got = out.decode("utf-8").split("\n")
            if got[-1] != "":
                self.fail(what, "output does not end with a newline")
            got = got[:-1]
            if len(got) != len(lines):
                self.fail(what, f"{len(got)} output lines for {len(lines)} input lines")
                continue
            for n, (text, ok) in enumerate(zip(got, expect_ok), start=1):
                doc = json.loads(text)
                self.validated += 1
                errs = list(batch_validator.iter_errors(doc))
                for e in errs[:2]:
                    self.fail(f"{what} line {n}", e.message[:300])
                if doc.get("line") != n or doc.get("ok") != ok:
                    self.fail(f"{what} line {n}", f"line {doc.get('line')}, ok {doc.get('ok')}; expected {n}, {ok}")
        if outputs.get("1") != outputs.get("2"):
            self.fail("advisor batch", "--jobs 2 output differs from --jobs 1")
        # All good: exit 0, and `--top` limits each result.
        code, out, err = self.run(["batch", "--top", "2"], stdin=b"\n".join(good) + b"\n")
        docs = [json.loads(l) for l in out.decode().splitlines()]
        if code != 0 or len(docs) != len(good) or not all(d["ok"] and len(d["result"]["roles"]) == 2 for d in docs):
            self.fail("advisor batch --top 2", f"exit {code}, {len(docs)} lines; expected 0, {len(good)} ok lines of 2 roles")
        for n, d in enumerate(docs, start=1):
            self.validate("batch", d, f"advisor batch --top 2 line {n}")

    def check_batch_errors_as_yaml(self):
        """A JSON Lines profile goes through the same profile model as a YAML file: an
        unknown key, a wrong type or a value over a limit gives the same diagnostics
        (message, line, column) as `profile validate` on a YAML file holding that line."""
        lines = [b'{"agee": 30}', b'{"age": "twenty"}', b'{"age": 300}', b'{"skills": "python"}',
                 b'{"education": {"level": "phd-ish"}}', b'{"experience": [{"domains": ["aigc"], "years": 99}]}',
                 b'{"certificates": [{"id": "caip", "level": "gold"}]}', b'{"goals": {"roles": ["prompt-enginer"]}}']
        code, out, err = self.run(["batch"], stdin=b"\n".join(lines) + b"\n")
        got = [json.loads(l) for l in out.decode("utf-8").splitlines()]
        if code != 65 or len(got) != len(lines):
            self.fail("batch errors as YAML", f"exit {code}, {len(got)} lines for {len(lines)}")
            return
        with tempfile.TemporaryDirectory() as tmp:
            for n, (line, doc) in enumerate(zip(lines, got), start=1):
                path = os.path.join(tmp, f"line{n}.yaml")
                with open(path, "wb") as f:
                    f.write(line + b"\n")
                report = self.json_command("profile-validate", ["profile", "validate", path], codes=(65,))
                if report is None:
                    continue
                want = [(d["line"], d["column"], d["severity"], d["message"]) for d in report["diagnostics"]]
                have = [(d["line"], d["column"], d["severity"], d["message"]) for d in doc["error"]["diagnostics"]]
                if doc["ok"] or have != want:
                    self.fail(f"batch line {line.decode()}", f"diagnostics {have} differ from the YAML path's {want}")

    def check_batch_commands(self, profiles, role, cert):
        """Every command in batch, full and brief: each line validates against the batch
        schema and its document's schema, and its result is the document the command
        prints for the same profile with --json or --brief."""
        lines = [json.dumps(yaml.safe_load(open(p, encoding="utf-8")), ensure_ascii=False, default=str).encode("utf-8")
                 for p in profiles]
        data = b"\n".join(lines + [b'{"agee": 30}']) + b"\n"
        requests = [
            ("recommend", ["--top", "3"]),
            ("check", []),
            ("check", [cert]),
            ("gap", ["--role", role]),
            ("plan", ["--role", role]),
        ]
        batch_validator = self.validator("batch")
        for command, options in requests:
            for brief in (False, True):
                form = ["--brief"] if brief else []
                what = f"advisor batch --command {command} {' '.join(options + form)}"
                code, out, err = self.run(["batch", "--command", command] + options + form, stdin=data)
                got = out.decode("utf-8").splitlines()
                if code != 65 or len(got) != len(lines) + 1:
                    self.fail(what, f"exit {code}, {len(got)} lines; expected 65 and {len(lines) + 1} lines")
                    continue
                if self.run(["batch", "--command", command, "--jobs", "2"] + options + form, stdin=data)[1] != out:
                    self.fail(what, "--jobs 2 output differs from --jobs 1")
                name = command + ("-brief" if brief else "")
                standalone = [command] + options
                for n, text in enumerate(got, start=1):
                    doc = json.loads(text)
                    self.validated += 1
                    for e in list(batch_validator.iter_errors(doc))[:2]:
                        self.fail(f"{what} line {n}", e.message[:300])
                    if n > len(lines):
                        if doc.get("ok") is not False or doc.get("line") != n:
                            self.fail(f"{what} line {n}", "the broken line is not an error line of its number")
                        continue
                    self.validate(name, doc["result"], f"{what} line {n} result")
                    args = standalone[:1] + ["--profile", profiles[n - 1]] + standalone[1:] + (form or ["--json"])
                    c2, o2, e2 = self.run(args)
                    if c2 not in (0, 1) or json.loads(o2) != doc["result"]:
                        self.fail(f"{what} line {n}", f"result differs from advisor {' '.join(args)} (exit {c2})")
                    elif brief and json.loads(o2, object_pairs_hook=list) != json.loads(text, object_pairs_hook=list)[2][1]:
                        # Batch writes some brief results compact by a path of their own
                        # (write_check_brief): the members must come in the same order too.
                        self.fail(f"{what} line {n}", f"members in another order than advisor {' '.join(args)}")

    def part_errors(self):
        # In --json mode an error still goes to stderr as a sentence, and stdout stays empty.
        cases = [
            (["recommend", "--profile", "no/such/profile.yaml"], 66),
            (["recommend", "--profile", "tests/json/fixtures/bad-profile.yaml"], 65),
            (["check", "--profile", "profiles/cs-graduate.yaml", "no-such-certificate"], 2),
            (["gap", "--profile", "profiles/cs-graduate.yaml", "--role", "no-such-role"], 2),
            (["show", "role", "no-such-role"], 2),
            (["list", "roles", "--category", "no-such-category"], 2),
            (["schema", "no-such-schema"], 2),
            (["batch", "--input", "no/such/input.jsonl"], 66),
            (["recommend"], 2),
        ]
        for lang in LANGS:
            for args, want in cases:
                what = f"advisor --lang {lang} {' '.join(args)} --json"
                code, out, err = self.run(args + ["--json"], lang=lang)
                marker = "advisor: 错误: " if lang == "zh" else "advisor: error: "
                if code != want or out != b"" or marker.encode() not in err:
                    self.fail(what, f"exit {code} (want {want}), stdout {out[:80]!r}, stderr {err[:200]!r}")

    def part_negative(self):
        # A real document, then one mistake at a time: each must be rejected.
        doc = self.json_command("recommend", ["recommend", "--profile", "profiles/cs-graduate.yaml"])
        if doc is None or not doc["roles"] or not doc["certificates"]:
            self.fail("negative", "no recommend document with roles and certificates to mutate")
            return
        mutations = {
            "a required key removed": lambda d: d.pop("as_of"),
            "an unknown key added": lambda d: d.__setitem__("surprise", 1),
            "a score above 1": lambda d: d["roles"][0].__setitem__("score", 1.5),
            "a name that is a string, not {zh, en}": lambda d: d["roles"][0].__setitem__("name", "x"),
            "a date in the wrong format": lambda d: d.__setitem__("as_of", "23/11/2026"),
            "a month with a day": lambda d: d["certificates"][0].__setitem__("next_sitting", "2026-11-01"),
            "another schema_version": lambda d: d.__setitem__("schema_version", d["schema_version"] + 1),
            "eligible that is not a boolean": lambda d: d["certificates"][0].__setitem__("eligible", "yes"),
        }
        v = self.validator("recommend")
        for what, mutate in mutations.items():
            bad = copy.deepcopy(doc)
            mutate(bad)
            if v.is_valid(bad):
                self.fail("negative", f"a recommend document with {what} was accepted")
        bad_lines = [
            {"line": 1, "ok": True},
            {"line": 0, "ok": False, "error": {"message": {"zh": "", "en": ""}, "path": None, "diagnostics": []}},
            {"line": 1, "ok": False, "error": {"message": "plain", "path": None, "diagnostics": []}},
            {"line": 1, "ok": True, "result": doc, "error": None},
        ]
        b = self.validator("batch")
        for line in bad_lines:
            if b.is_valid(line):
                self.fail("negative", f"a wrong batch line was accepted: {json.dumps(line)[:120]}")
        if not b.is_valid({"line": 1, "ok": True, "result": doc}):
            self.fail("negative", "a right batch line was rejected")

    def part_profiles(self):
        # Dates stay strings, as an editor's YAML language server reads them.
        class Loader(yaml.SafeLoader):
            pass
        Loader.yaml_implicit_resolvers = {
            k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
            for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
        v = self.validator("profile")
        files = sorted(glob.glob("profiles/*.yaml")) + sorted(glob.glob("tests/json/fixtures/profile-*.yaml"))
        if not files:
            self.fail("profiles", "no example profiles found")
        for path in files:
            with open(path, encoding="utf-8") as f:
                doc = yaml.load(f, Loader=Loader)
            self.validated += 1
            errors = list(v.iter_errors(doc))
            if errors:
                self.fail(path, f"profile.schema.json: {errors[0].message[:300]}")
            # advisor must accept what the schema accepts.
            code, _, err = self.run(["profile", "validate", path])
            if code != 0:
                self.fail(path, f"advisor profile validate: exit {code}: {err.decode('utf-8', 'replace')[:300]}")
        bad = [
            {"experiance": []},
            {"age": -1},
            {"education": {"level": "associate", "status": "in_progress"}},
            {"education": {"level": "associate", "expected": "2027-07"}},
            {"education": {"level": "associate", "status": "studying", "expected": "2027-07"}},
            {"skills": [{"level": 3}]},
            {"experience": [{"domains": ["ai"], "start": "2020-01", "years": 2}]},
            {"birth_date": "01/05/2001"},
        ]
        for doc in bad:
            if v.is_valid(doc):
                self.fail("profiles", f"a wrong profile was accepted: {json.dumps(doc, ensure_ascii=False)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--advisor", required=True)
    ap.add_argument("--schemas", default="docs/schema")
    ap.add_argument("parts", nargs="*", default=["schemas", "outputs", "errors", "negative"])
    a = ap.parse_args()
    c = Checker(os.path.abspath(a.advisor), a.schemas)
    for part in a.parts:
        getattr(c, "part_" + part)()
    print(f"{c.validated} documents validated, {len(c.failures)} failures")
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
