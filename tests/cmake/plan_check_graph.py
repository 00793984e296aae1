#!/usr/bin/env python3
"""Checks the graph renderings of `advisor plan` against its JSON document.

    plan_check_graph.py dot|mermaid --advisor BIN [--dot DOT] -- ADVISOR-ARGS...

Runs `advisor ADVISOR-ARGS --format json` and `--format dot|mermaid`, then checks that
the graph has one node per step plus the target, one edge per `after` entry, an edge
to the target from every step nothing else depends on, and no edge to an undeclared
node. For dot, the text must also go through Graphviz (`dot -Tsvg`) with no error or
warning; for mermaid, every label must be a quoted string free of raw quotes.
"""
import argparse
import json
import re
import subprocess
import sys


def run_advisor(binary, args, fmt):
    p = subprocess.run([binary, "--color", "never"] + args + ["--format", fmt], capture_output=True, timeout=60)
    if p.returncode != 0:
        sys.exit(f"advisor --format {fmt} exited {p.returncode}: {p.stderr.decode('utf-8', 'replace')}")
    return p.stdout.decode("utf-8")


def expected(plan):
    steps = plan["steps"]
    nodes = {f"s{i + 1}" for i in range(len(steps))} | {"target"}
    edges = set()
    needed = set()
    for i, s in enumerate(steps):
        for a in s["after"]:
            edges.add((f"s{a + 1}", f"s{i + 1}"))
            needed.add(a)
    for i in range(len(steps)):
        if i not in needed:
            edges.add((f"s{i + 1}", "target"))
    return nodes, edges


def check_dot(text, dot):
    if not text.startswith("digraph plan {\n") or not text.endswith("}\n"):
        sys.exit("dot: not a digraph named plan")
    nodes = set(re.findall(r"^  (s\d+|target) \[label=", text, re.M))
    edges = set(re.findall(r"^  (s\d+) -> (s\d+|target);$", text, re.M))
    p = subprocess.run([dot, "-Tsvg"], input=text.encode("utf-8"), capture_output=True, timeout=60)
    if p.returncode != 0 or p.stderr:
        sys.exit(f"dot -Tsvg failed ({p.returncode}): {p.stderr.decode('utf-8', 'replace')}\n{text}")
    if b"<svg" not in p.stdout:
        sys.exit("dot -Tsvg produced no SVG")
    return nodes, edges


def check_mermaid(text):
    lines = text.rstrip("\n").split("\n")
    if lines[0] != "flowchart LR":
        sys.exit(f"mermaid: first line is {lines[0]!r}, not 'flowchart LR'")
    nodes, edges = set(), set()
    for line in lines[1:]:
        m = re.fullmatch(r'  (s\d+)\["([^"]*)"\]|  (target)\(\["([^"]*)"\]\)', line)
        if m:
            nodes.add(m.group(1) or m.group(3))
            continue
        m = re.fullmatch(r"  (s\d+) --> (s\d+|target)", line)
        if m:
            edges.add((m.group(1), m.group(2)))
            continue
        if re.fullmatch(r"  classDef [a-z]+ fill:#[0-9a-f]{6}|  class s\d+(,s\d+)* [a-z]+", line):
            continue
        sys.exit(f"mermaid: unexpected line {line!r}")
    return nodes, edges


def main():
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    ap = argparse.ArgumentParser()
    ap.add_argument("format", choices=["dot", "mermaid"])
    ap.add_argument("--advisor", required=True)
    ap.add_argument("--dot", default="dot")
    a = ap.parse_args(argv[:cut])
    args = argv[cut + 1:]
    plan = json.loads(run_advisor(a.advisor, args, "json"))
    text = run_advisor(a.advisor, args, a.format)
    want_nodes, want_edges = expected(plan)
    got_nodes, got_edges = check_dot(text, a.dot) if a.format == "dot" else check_mermaid(text)
    if got_nodes != want_nodes:
        sys.exit(f"nodes differ: missing {sorted(want_nodes - got_nodes)}, extra {sorted(got_nodes - want_nodes)}")
    if got_edges != want_edges:
        sys.exit(f"edges differ: missing {sorted(want_edges - got_edges)}, extra {sorted(got_edges - want_edges)}")
    undeclared = {n for e in got_edges for n in e} - got_nodes
    if undeclared:
        sys.exit(f"edges to undeclared nodes: {sorted(undeclared)}")
    print(f"ok: {len(got_nodes)} nodes, {len(got_edges)} edges")
    return 0


if __name__ == "__main__":
    sys.exit(main())
