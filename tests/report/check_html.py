#!/usr/bin/env python3
"""The report page fetches nothing and is well made (issue 30, docs/report.md).

Runs `advisor report` for every example profile (and the nurse persona, and the
hostile catalogue and profile of the golden case report-escape-hostile), in Chinese
and in English, and checks each page:

- no element references a network resource: no script, link, img, iframe, object,
  embed, media, SVG image or use, base, form or refresh; no src, srcset, poster,
  data, action, background, ping, xlink:href or event-handler attribute; href only
  on <a>, and only to an id of the page or an http(s) address; url() only to an id
  of the page (an SVG pattern); no @import, @font-face or url() in the style sheet;
  a Content-Security-Policy of default-src 'none';
- it is a page people can read: <!DOCTYPE html>, <html lang> of the language asked
  for, UTF-8, one h1, the five sections, tables with header cells, every chart an
  image with a title, ids unique and every reference to one resolved, no raw control
  or bidi character, the catalogue's caveat and the person's name in its text;
- its bytes are the same on a second run, and `--out FILE` writes the same bytes as
  `--out -`, replacing an older file whole.

The checker itself is checked first: pages with a network reference planted in
them, one kind at a time, must each be refused. It fails when it checked nothing.

    tests/report/check_html.py --advisor build/advisor
"""
import argparse
import glob
import html
import html.parser
import os
import re
import subprocess
import sys
import tempfile

AS_OF = "2026-11-23"
FETCHING_ELEMENTS = {"script", "link", "iframe", "frame", "frameset", "object", "embed", "applet", "img", "picture",
                     "video", "audio", "source", "track", "image", "use", "feimage", "base", "form", "input",
                     "button", "portal", "noscript", "template", "math"}
FETCHING_ATTRIBUTES = {"src", "srcset", "poster", "data", "action", "formaction", "background", "manifest", "ping",
                       "xlink:href", "codebase", "longdesc", "lowsrc", "dynsrc", "archive", "imagesrcset", "style"}
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
SECTIONS = ["first", "certificates", "roles", "path", "sources"]
CAVEAT = {"zh": "数据仅供参考，请以官方信息为准。", "en": "Figures are for reference only; check official information."}


class Page(html.parser.HTMLParser):
    """The parts of a page the checks look at."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, attrs dict)
        self.ids = []
        self.text = []
        self.stack = []
        self.styles = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        self.elements.append((tag.lower(), a))
        if "id" in a:
            self.ids.append(a["id"])
        self.in_style = tag.lower() == "style"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.in_style = False

    def handle_endtag(self, tag):
        if tag.lower() == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.styles.append(data)
        else:
            self.text.append(data)


def problems(doc, lang, name=None, caveat=True):
    """What is wrong with one page; empty when nothing is."""
    out = []
    if not doc.startswith("<!DOCTYPE html>\n"):
        out.append("does not start with <!DOCTYPE html>")
    if CONTROLS.search(doc):
        out.append("a raw control or format character: U+%04X" % ord(CONTROLS.search(doc).group()))
    if re.search(r"<\s*script", doc, re.I):
        out.append("a <script> tag")
    p = Page()
    p.feed(doc)
    p.close()
    ids = set(p.ids)
    if len(ids) != len(p.ids):
        dup = sorted({i for i in p.ids if p.ids.count(i) > 1})
        out.append("ids not unique: %s" % ", ".join(dup))
    tags = [t for t, _ in p.elements]
    want_lang = "zh-CN" if lang == "zh" else "en"
    html_tags = [a for t, a in p.elements if t == "html"]
    if not html_tags or html_tags[0].get("lang") != want_lang:
        out.append("<html lang> is not %s" % want_lang)
    if not any(t == "meta" and a.get("charset", "").lower() == "utf-8" for t, a in p.elements):
        out.append("no <meta charset=utf-8>")
    csp = [a.get("content", "") for t, a in p.elements
           if t == "meta" and a.get("http-equiv", "").lower() == "content-security-policy"]
    if not csp or "default-src 'none'" not in csp[0]:
        out.append("no Content-Security-Policy of default-src 'none'")
    for t, a in p.elements:
        if t in FETCHING_ELEMENTS:
            out.append("<%s> element" % t)
        if t == "meta" and a.get("http-equiv", "").lower() == "refresh":
            out.append("<meta http-equiv=refresh>")
        for k, v in a.items():
            if k in FETCHING_ATTRIBUTES:
                out.append("%s attribute on <%s>" % (k, t))
            if k.startswith("on"):
                out.append("event handler %s on <%s>" % (k, t))
            if k == "href":
                if t != "a":
                    out.append("href on <%s>" % t)
                elif v.startswith("#"):
                    if v[1:] not in ids:
                        out.append("link to a missing id: %s" % v)
                elif not re.match(r"https?://", v, re.I):
                    out.append("link that is neither an id nor http(s): %s" % v)
            for ref in re.findall(r"url\(([^)]*)\)", v):
                if not ref.startswith("#") or ref[1:] not in ids:
                    out.append("url(%s) in %s of <%s>" % (ref, k, t))
            if k in ("aria-labelledby", "aria-describedby"):
                for ref in v.split():
                    if ref not in ids:
                        out.append("%s names a missing id: %s" % (k, ref))
    css = "".join(p.styles)
    for bad in ("url(", "@import", "@font-face", "expression(", "image-set("):
        if bad in css.lower():
            out.append("%s in the style sheet" % bad)
    if "@page{size:A4" not in css.replace(" ", ""):
        out.append("no @page of size A4")
    if "@media print" not in css:
        out.append("no print style sheet")
    if tags.count("h1") != 1:
        out.append("%d h1 elements, not one" % tags.count("h1"))
    for section in SECTIONS:
        if section not in ids:
            out.append("no section #%s" % section)
    if tags.count("table") != tags.count("thead"):
        out.append("a table without a header row")
    if tags.count("table") and tags.count("th") < tags.count("table"):
        out.append("tables without header cells")
    for i, (t, a) in enumerate(p.elements):
        if t == "svg" and "chart" in a.get("class", ""):
            if a.get("role") != "img" or not a.get("aria-labelledby"):
                out.append("a chart without role=img and a label")
            if i + 1 >= len(p.elements) or p.elements[i + 1][0] != "title":
                out.append("a chart without a <title>")
    text = "".join(p.text)
    if caveat and CAVEAT[lang] not in text:
        out.append("no caveat: %s" % CAVEAT[lang])
    if name and name not in text:
        out.append("the person's name %r is not in the text" % name)
    return out


def planted(doc):
    """The page with one network reference planted in it, for each kind the checks know."""
    head, body = doc.split("<body>", 1)
    style_end = head.index("</style>")
    cases = {
        "img": '<img src="https://example.org/a.png" alt="">',
        "script": '<script src="https://example.org/a.js"></script>',
        "link": '<link rel="stylesheet" href="https://example.org/a.css">',
        "iframe": '<iframe src="https://example.org/"></iframe>',
        "svg image": '<svg><image href="https://example.org/a.png"/></svg>',
        "svg use": '<svg><use href="https://example.org/s.svg#x"/></svg>',
        "style attribute": '<p style="background:url(https://example.org/a.png)">x</p>',
        "fill url": '<svg><rect fill="url(https://example.org/p.svg#x)"/></svg>',
        "object": '<object data="https://example.org/a.pdf"></object>',
        "refresh": '<meta http-equiv="refresh" content="0; url=https://example.org/">',
        "handler": '<p onclick="fetch(1)">x</p>',
        "javascript link": '<a href="javascript:alert(1)">x</a>',
        "dangling link": '<a href="#nowhere">x</a>',
    }
    for what, snippet in cases.items():
        yield what, head + "<body>" + snippet + body
    yield "css import", head[:style_end] + "@import url(https://example.org/a.css);" + head[style_end:] + "<body>" + body
    yield "font-face", head[:style_end] + "@font-face{font-family:x;src:url(https://example.org/x.woff)}" + \
        head[style_end:] + "<body>" + body
    yield "no csp", doc.replace("default-src 'none'", "default-src *")


def profile_name(path):
    try:
        import yaml
    except ImportError:
        return None
    with open(path, encoding="utf-8") as f:
        return (yaml.safe_load(f) or {}).get("name")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--advisor", required=True)
    a = ap.parse_args()
    advisor = os.path.abspath(a.advisor)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "ADVISOR_")) and k != "LANG"}
    env["LANG"] = "C"
    scratch = tempfile.TemporaryDirectory(prefix="advisor-report-check-")
    env["XDG_CACHE_HOME"] = scratch.name
    hostile = "tests/golden/cases/report-escape-hostile"
    runs = [([], p, profile_name(p)) for p in sorted(glob.glob("profiles/*.yaml"))]
    runs.append(([], "tests/quality/personas/nurse.yaml", profile_name("tests/quality/personas/nurse.yaml")))
    runs.append((["--catalog", hostile + "/catalog"], hostile + "/profile.yaml", None))
    failures, checked, pages = [], 0, 0

    def run(args):
        return subprocess.run([advisor, "--as-of", AS_OF, "-q"] + args, capture_output=True, env=env, timeout=60)

    # The checker must see what it is there to see.
    first = run(["--lang", "en", "report", "--profile", runs[0][1], "--out", "-"]).stdout.decode("utf-8")
    if problems(first, "en"):
        failures.append("the first page is refused before anything is planted: %s" % problems(first, "en"))
    for what, doc in planted(first):
        checked += 1
        if not problems(doc, "en"):
            failures.append("the checker let a planted %s through" % what)

    for extra, profile, name in runs:
        for lang in ("zh", "en"):
            args = extra + ["--lang", lang, "report", "--profile", profile]
            what = "report %s --lang %s" % (profile, lang)
            one, two = run(args + ["--out", "-"]), run(args + ["--out", "-"])
            if one.returncode != 0:
                failures.append("%s: exit %d: %s" % (what, one.returncode, one.stderr.decode("utf-8", "replace")))
                continue
            if one.stdout != two.stdout:
                failures.append("%s: two runs gave different bytes" % what)
            out_file = os.path.join(scratch.name, "report.html")
            with open(out_file, "w") as f:
                f.write("an older report, longer than nothing\n" * 3000)
            written = run(args + ["--out", out_file])
            with open(out_file, "rb") as f:
                on_disk = f.read()
            if written.returncode != 0 or written.stdout or on_disk != one.stdout:
                failures.append("%s: --out FILE did not write the same bytes as --out -" % what)
            leftovers = [n for n in os.listdir(scratch.name) if n.startswith(".advisor-")]
            if leftovers:
                failures.append("%s: temporary files left beside the page: %s" % (what, leftovers))
            doc = one.stdout.decode("utf-8")
            for problem in problems(doc, lang, name, caveat=not extra):
                failures.append("%s: %s" % (what, problem))
            if extra and ("javascript:" in " ".join(re.findall(r'href="([^"]*)"', doc))):
                failures.append("%s: a javascript: link" % what)
            pages += 1
    for f in failures:
        print("FAIL " + f, file=sys.stderr)
    print("%d pages and %d planted faults checked, %d problems" % (pages, checked, len(failures)))
    if pages < 2 * len(runs) or checked == 0:
        print("FAIL: fewer pages checked than asked for", file=sys.stderr)
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
