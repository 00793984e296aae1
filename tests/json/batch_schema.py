#!/usr/bin/env python3
"""Builds docs/schema/batch.schema.json from the schemas of the documents a batch line
may carry, so that it stands alone (one file, no external $ref) and never drifts from
them: each document's schema becomes $defs/<name>_document, and their $defs are
merged (a name shared by two schemas must mean the same in both).

usage: tests/json/batch_schema.py [--schemas docs/schema] --write | --check
  --write  rewrites batch.schema.json
  --check  exits 1 when batch.schema.json is not what --write would write
"""
import argparse
import json
import os
import sys

# The documents a batch `result` may be: advisor batch --command C [--brief].
DOCUMENTS = ["recommend", "recommend-brief", "check", "check-brief", "gap", "gap-brief", "plan", "plan-brief"]
BODY_SKIP = ("$schema", "title", "description", "$defs")


def error_line():
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["line", "ok", "error"],
        "properties": {
            "line": {"type": "integer", "minimum": 1},
            "ok": {"const": False},
            "error": {
                "type": "object",
                "additionalProperties": False,
                "required": ["message", "path", "diagnostics"],
                "properties": {
                    "message": {"$ref": "#/$defs/text"},
                    "path": {"oneOf": [{"type": "string", "description": "file:line:column of the first error"},
                                       {"type": "null"}]},
                    "diagnostics": {"type": "array", "items": {"$ref": "#/$defs/diagnostic"}},
                },
            },
        },
    }


def build(schema_dir):
    def load(name):
        with open(os.path.join(schema_dir, name + ".schema.json"), encoding="utf-8") as f:
            return json.load(f)

    defs = {}

    def add_def(key, value, source):
        if key in defs and defs[key] != value:
            raise SystemExit(f"$defs/{key} differs between the schemas ({source} and an earlier one): make them one")
        defs[key] = value

    results = []
    for name in DOCUMENTS:
        schema = load(name)
        body = {k: v for k, v in schema.items() if k not in BODY_SKIP}
        body = {"description": f"{schema['title']}: {schema['description']}", **body}
        key = name.replace("-", "_") + "_document"
        add_def(key, body, name)
        for k, v in schema.get("$defs", {}).items():
            add_def(k, v, name)
        results.append({"$ref": f"#/$defs/{key}"})
    # The error object's diagnostic is profile-validate's.
    for k in ("diagnostic", "text"):
        add_def(k, load("profile-validate")["$defs"][k], "profile-validate")
    ok_line = {
        "type": "object",
        "additionalProperties": False,
        "required": ["line", "ok", "result"],
        "properties": {
            "line": {"type": "integer", "minimum": 1},
            "ok": {"const": True},
            "result": {
                "description": "The document of the command asked for (--command, --brief); "
                               "a check's brief and full forms differ in their results' keys.",
                "anyOf": results,
            },
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "advisor batch: one output line",
        "description": "One line of the JSON Lines output of advisor batch, for the input line of the same number "
                       "(plus --line-offset). `result` is the document the command prints with --json, or with "
                       "--brief its brief form.",
        "oneOf": [ok_line, error_line()],
        "$defs": dict(sorted(defs.items())),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--schemas", default="docs/schema")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true")
    mode.add_argument("--check", action="store_true")
    a = ap.parse_args()
    text = json.dumps(build(a.schemas), indent=2, ensure_ascii=False) + "\n"
    path = os.path.join(a.schemas, "batch.schema.json")
    if a.write:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return 0
    with open(path, encoding="utf-8") as f:
        if f.read() != text:
            print(f"{path} is not built from the document schemas: run {sys.argv[0]} --write", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
