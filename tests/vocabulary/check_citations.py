#!/usr/bin/env python3
"""Checks the evidence behind the built-in skills' ESCO and O*NET citations.

Every skill of catalog/skills.yaml that cites `esco-1.2.0-skill-labels` or
`onet-29.2-technology-skills` carries a comment naming the label or the tool
example it rests on. This script looks each one up in the data itself
(the folder named by --data, else by $ADVISOR_CITATION_DATA or $ADVISOR_DATA_DIR,
holding esco-1.2.0/ and onet-29.2/ as docs/import.md describes: ESCO 1.2.0
occupation-skill relations, O*NET 29.2 Technology Skills), so a citation cannot name a label the data lacks, and checks that the
commodity code and title quoted for an O*NET example are the data's.

Exit 0 when all are found, 1 with the list of those that are not, 77 (skipped)
when the data directory is absent (users' clones do not have it).
"""
import argparse
import os
import re
import sys

ESCO_RE = re.compile(r'source: esco-1\.2\.0-skill-labels\}\s+# ESCO 1\.2\.0 skill: "(.*)"$')
ONET_RE = re.compile(r'source: onet-29\.2-technology-skills\}\s+# O\*NET 29\.2 Technology Skills: "(.*)" '
                     r'\(commodity (\d+) (.*)\)$')
ID_RE = re.compile(r'^  - \{id: ([a-z0-9-]+),')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("ADVISOR_CITATION_DATA") or os.environ.get("ADVISOR_DATA_DIR", ""))
    ap.add_argument("--skills", required=True)
    a = ap.parse_args()
    esco_file = os.path.join(a.data, "esco-1.2.0", "occupation_skill_relations.tsv")
    onet_file = os.path.join(a.data, "onet-29.2", "Technology Skills.txt")
    if not (os.path.isfile(esco_file) and os.path.isfile(onet_file)):
        print("skipped: no data folder (--data, ADVISOR_CITATION_DATA or ADVISOR_DATA_DIR) holding %s and %s"
              % (os.path.join("esco-1.2.0", "occupation_skill_relations.tsv"), os.path.join("onet-29.2", "Technology Skills.txt")))
        return 77
    with open(esco_file, encoding="utf-8") as f:
        next(f)
        esco = {line.rstrip("\r\n").split("\t")[4] for line in f}
    onet = set()
    with open(onet_file, encoding="utf-8") as f:
        next(f)
        for line in f:
            p = line.rstrip("\r\n").split("\t")
            onet.add((p[1], p[2], p[3]))
    bad, checked = [], 0
    with open(a.skills, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            m_id = ID_RE.match(line)
            if "source: esco-1.2.0-skill-labels" in line:
                m = ESCO_RE.search(line)
                if not m or m.group(1) not in esco:
                    bad.append("%s:%d: %s: ESCO label not found" % (a.skills, n, m_id.group(1) if m_id else "?"))
                checked += 1
            elif "source: onet-29.2-technology-skills" in line:
                m = ONET_RE.search(line)
                if not m or (m.group(1), m.group(2), m.group(3)) not in onet:
                    bad.append("%s:%d: %s: O*NET example not found" % (a.skills, n, m_id.group(1) if m_id else "?"))
                checked += 1
    for b in bad:
        print(b)
    print("%d citations checked, %d not found" % (checked, len(bad)))
    if checked == 0:
        print("no ESCO or O*NET citation found: has the comment format changed?")
        return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
