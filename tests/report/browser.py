#!/usr/bin/env python3
"""The report's golden pages in a real browser: Debian's chromium, headless (issue 30).

For each golden case given (a folder of tests/golden/cases whose stdout is a report
page), one chromium run loads the page from disk, offline, and writes its DOM, a
PNG screenshot and an A4 PDF. The test asserts:

- the page loads with no console message at all (the page has no script, so any
  message is an error: a Content-Security-Policy violation is how a fetch would show);
- the rendered DOM holds the key text: the person's name, the best-fitting role and
  the first thing to do, as `advisor --json recommend` says them for the same profile,
  date and language;
- the screenshot is not blank: a PNG of the window's size, decoded here (zlib, no
  imaging library), with many colours and a good share of non-white pixels;
- the PDF is A4 (595 x 842 points), has more than one page, and carries its text as
  text (fonts), not as pictures.

A first run on a small page of its own checks the harness: chromium starts, and a
fetch the page's policy blocks does show up as a console message, so "no console
message" means something. Where chromium is not installed, or cannot start, the
test says why and exits 77, which CTest reports as SKIPPED. It never passes having
asserted nothing.

    tests/report/browser.py --advisor build/advisor [--keep DIR] tests/golden/cases/report-it-manager-en ...
"""
import argparse
import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77
WINDOW = (1000, 1400)
A4 = (595.28, 841.89)


def chromium_command():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(chromium, profile_dir, out_dir, page, timeout=90):
    """One headless run: DOM on stdout, console messages on stderr, PNG and PDF in out_dir."""
    args = [chromium, "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--user-data-dir=" + profile_dir, "--enable-logging=stderr", "--v=0", "--hide-scrollbars",
            "--window-size=%d,%d" % WINDOW, "--screenshot=" + os.path.join(out_dir, "page.png"),
            "--print-to-pdf=" + os.path.join(out_dir, "page.pdf"), "--no-pdf-header-footer", "--dump-dom",
            "file://" + page]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.insert(1, "--no-sandbox")  # chromium refuses to start its sandbox as root
    return subprocess.run(args, capture_output=True, timeout=timeout)


def console_messages(stderr):
    """The page's console messages in chromium's log (lines with CONSOLE), and failed loads."""
    text = stderr.decode("utf-8", "replace")
    return [line.strip() for line in text.splitlines()
            if ":CONSOLE" in line or "Failed to load resource" in line or "net::ERR_" in line]


def png_pixels(path):
    """(width, height, rows) of an 8-bit RGB or RGBA PNG, each row the bytes of its pixels."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError("PNG not 8-bit RGB(A), non-interlaced: depth %d colour %d" % (depth, colour))
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def pdf_facts(path):
    with open(path, "rb") as f:
        data = f.read()
    boxes = [tuple(float(x) for x in m.split()) for m in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", data)]
    return {
        "pdf": data.startswith(b"%PDF-"),
        "pages": len(re.findall(rb"/Type\s*/Page(?![s\w])", data)),
        "boxes": boxes,
        "fonts": len(re.findall(rb"/Type\s*/Font\b", data)),
        "size": len(data),
    }


def dom_text(dom):
    body = dom.split("<body", 1)[-1]
    return html.unescape(re.sub(r"<[^>]*>", " ", body))


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed.append(what)


def case_args(case):
    with open(os.path.join(case, "args"), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.rstrip("\n")]


def key_text(advisor, args):
    """The name, best role and first step recommend gives for the case's profile, date and language."""
    lang = args[args.index("--lang") + 1]
    as_of = args[args.index("--as-of") + 1]
    profile = args[args.index("--profile") + 1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "ADVISOR_")) and k != "LANG"}
    p = subprocess.run([advisor, "--as-of", as_of, "--lang", lang, "--json", "-q", "recommend", "--profile", profile],
                       capture_output=True, env=env, timeout=60, check=True)
    doc = json.loads(p.stdout)
    out = {"name": doc["profile"]["name"]}
    if doc["roles"]:
        out["best role"] = doc["roles"][0]["name"][lang]
    firsts = [a for a in doc["next_actions"] if a["kind"] != "then"]
    if firsts:
        out["first step"] = firsts[0]["text"][lang]
    return lang, out


PROBE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>probe</title></head><body><h1>probe</h1><img src="https://example.invalid/blocked.png" alt=""></body></html>
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--advisor", required=True)
    ap.add_argument("--keep", help="copy each page's PNG and PDF into this folder")
    ap.add_argument("cases", nargs="+")
    a = ap.parse_args()
    chromium = chromium_command()
    if not chromium:
        print("skipped: chromium is not installed (./setup.sh test installs it)", file=sys.stderr)
        return SKIP
    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="advisor-browser-") as tmp:
        # The harness: chromium runs, and a blocked fetch shows as a console message.
        probe_dir = os.path.join(tmp, "probe")
        os.makedirs(probe_dir)
        probe = os.path.join(probe_dir, "probe.html")
        with open(probe, "w", encoding="utf-8") as f:
            f.write(PROBE)
        try:
            p = run_chromium(chromium, os.path.join(tmp, "profile-probe"), probe_dir, probe)
        except (OSError, subprocess.TimeoutExpired) as e:
            print("skipped: chromium cannot run here: %s" % e, file=sys.stderr)
            return SKIP
        if p.returncode != 0 or b"<h1>probe</h1>" not in p.stdout:
            tail = p.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            print("skipped: chromium cannot run here (exit %d): %s" % (p.returncode, " | ".join(tail)), file=sys.stderr)
            return SKIP
        checks.check(any("Content Security Policy" in m for m in console_messages(p.stderr)),
                     "probe: a fetch blocked by the policy does not show as a console message, so the console "
                     "cannot be checked")
        for case in a.cases:
            name = os.path.basename(case.rstrip("/"))
            args = case_args(case)
            lang, keys = key_text(a.advisor, args)
            out_dir = os.path.join(tmp, name)
            os.makedirs(out_dir)
            page = os.path.join(out_dir, "page.html")
            shutil.copyfile(os.path.join(case, "stdout"), page)
            p = run_chromium(chromium, os.path.join(tmp, "profile-" + name), out_dir, page)
            checks.check(p.returncode == 0, "%s: chromium exit %d" % (name, p.returncode))
            messages = console_messages(p.stderr)
            checks.check(not messages, "%s: console messages: %s" % (name, messages[:3]))
            dom = p.stdout.decode("utf-8", "replace")
            checks.check('<html lang="%s"' % ("zh-CN" if lang == "zh" else "en") in dom, "%s: <html lang> in the DOM" % name)
            text = dom_text(dom)
            checks.check(len(keys) == 3, "%s: recommend gives no best role or first step to look for" % name)
            for what, words in keys.items():
                checks.check(words in text, "%s: the %s (%r) is not in the rendered DOM" % (name, what, words))
            png = os.path.join(out_dir, "page.png")
            try:
                width, height, bpp, rows = png_pixels(png)
                colours, ink = set(), 0
                for row in rows[::4]:
                    for x in range(0, width * bpp, bpp * 2):
                        px = row[x:x + 3]
                        colours.add(px)
                        ink += px != b"\xff\xff\xff"
                sampled = len(rows[::4]) * len(range(0, width * bpp, bpp * 2))
                checks.check((width, height) == WINDOW, "%s: screenshot is %dx%d" % (name, width, height))
                checks.check(len(colours) > 16, "%s: screenshot has %d colours: blank" % (name, len(colours)))
                checks.check(ink > sampled * 0.03, "%s: screenshot is %.1f%% ink: blank" % (name, 100.0 * ink / sampled))
            except (OSError, ValueError, zlib.error) as e:
                checks.check(False, "%s: screenshot unreadable: %s" % (name, e))
            pdf = os.path.join(out_dir, "page.pdf")
            try:
                facts = pdf_facts(pdf)
                checks.check(facts["pdf"], "%s: the PDF is not a PDF" % name)
                checks.check(facts["pages"] >= 2, "%s: the PDF has %d pages" % (name, facts["pages"]))
                a4 = all(abs(b[2] - b[0] - A4[0]) < 2 and abs(b[3] - b[1] - A4[1]) < 2 for b in facts["boxes"])
                checks.check(facts["boxes"] and a4, "%s: PDF pages are not A4: %s" % (name, sorted(set(facts["boxes"]))))
                checks.check(facts["fonts"] > 0, "%s: the PDF has no fonts: its text is not text" % name)
            except OSError as e:
                checks.check(False, "%s: no PDF: %s" % (name, e))
            if a.keep:
                os.makedirs(a.keep, exist_ok=True)
                for ext in ("png", "pdf"):
                    if os.path.exists(os.path.join(out_dir, "page." + ext)):
                        shutil.copyfile(os.path.join(out_dir, "page." + ext), os.path.join(a.keep, "%s.%s" % (name, ext)))
    for f in checks.failed:
        print("FAIL " + f, file=sys.stderr)
    print("%d pages in chromium: %d checks passed, %d failed" % (len(a.cases), checks.passed, len(checks.failed)))
    if checks.passed == 0 and not checks.failed:
        print("FAIL: nothing was checked", file=sys.stderr)
        return 1
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
