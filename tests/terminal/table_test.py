#!/usr/bin/env python3
"""`advisor list roles --lang zh` in an 80-column terminal: every column starts at
the same display column on every row (CJK characters are two columns wide), no
line is wider than the pane, and wrapped cells continue under their column.
English too, whose names are too long for 80 columns and must wrap.

usage: table_test.py ADVISOR
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmux_pane import Pane, display_width  # noqa: E402

WIDTH = 80
advisor = os.path.abspath(sys.argv[1])


def columns_of(line):
    """Display columns where a cell starts: after two or more spaces (or at 0)."""
    starts, col, spaces = [], 0, 2
    for ch in line:
        if ch != " " and spaces >= 2:
            starts.append(col)
        spaces = spaces + 1 if ch == " " else 0
        col += display_width(ch)
    return starts


def check_table(screen, header_words):
    lines = screen.split("\n")
    head = next(i for i, l in enumerate(lines) if l.startswith(header_words[0]) and header_words[1] in l)
    want = columns_of(lines[head])
    assert len(want) == len(header_words), f"header columns {want} in {lines[head]!r}"
    rows = 0
    for line in lines[head + 1:]:
        if not line.strip() or line.startswith("__done_"):
            break
        assert display_width(line) <= WIDTH, f"wider than {WIDTH}: {line!r}"
        got = columns_of(line)
        if line.startswith(" "):  # wrapped cells continue under their own columns
            assert got and set(got) <= set(want[1:]), f"continuation at {got}, columns at {want}: {line!r}"
            continue
        assert got == want, f"columns at {got}, header at {want}: {line!r}"
        rows += 1
    return rows


with Pane(width=WIDTH, height=80, path_dirs=[os.path.dirname(advisor)]) as pane:
    for lang, header in (("zh", ["ID", "岗位", "类别"]), ("en", ["ID", "ROLE", "CATEGORY"])):
        code = pane.run(f"advisor --lang {lang} list roles")
        assert code == 0, f"exit {code}"
        rows = check_table(pane.screen(), header)
        assert rows >= 40, f"only {rows} rows seen"
        print(f"ok   list roles --lang {lang}: {rows} rows aligned in {WIDTH} columns")
    # Certificates: long CJK names in the middle column.
    code = pane.run("advisor --lang zh list certificates")
    rows = check_table(pane.screen(), ["ID", "证书", "等级"])
    assert code == 0 and rows >= 5
    print(f"ok   list certificates --lang zh: {rows} rows aligned")
