#!/usr/bin/env python3
"""Cuts the committed slices in tests/data/ from the full ESCO 1.2.0 and O*NET 29.2 files.

    tests/data/make_slices.py DATA_DIR      # DATA_DIR holds esco-1.2.0/ and onet-29.2/

The occupations are chosen for the tests and the quality harness: Data Scientists
(15-2051.00, ESCO "data scientist") and the occupations a data-science profile would
hit, a few from far fields so ranking has something to leave out, and O*NET "All
Other" occupations, which the source gives no skills for. Rows are copied unchanged.
"""
import csv
import os
import sys

ESCO_LABELS = [
    "data scientist", "data engineer", "data analyst", "statistician", "artificial intelligence engineer",
    "software developer", "database administrator", "database designer", "database developer",
    "data warehouse designer", "data quality specialist", "business intelligence manager", "mathematician",
    "economist", "market research analyst", "research engineer", "ICT research consultant", "software analyst",
    "ICT test analyst", "data protection officer", "data entry clerk", "geographic information systems specialist",
    "accountant", "graphic designer", "marketing manager", "digital marketing manager", "primary school teacher",
    "ICT teacher secondary school", "science teacher secondary school", "mathematics teacher at secondary school",
    "computer scientist", "computer vision engineer", "web developer", "user interface designer",
    "ICT system analyst", "ICT business analyst", "chief data officer", "ICT project manager", "actuarial assistant",
    "financial analyst", "bioinformatics scientist", "epidemiologist", "physicist", "translator",
    "journalist", "chef", "electrician", "nurse responsible for general care", "bus driver", "ICT security administrator",
]

ONET_CODES = [
    "11-2021.00", "11-3021.00", "13-1161.00", "13-1199.00", "13-2011.00", "25-2031.00", "27-1024.00",
    "29-1141.00", "35-2014.00", "47-2111.00",
    "15-1211.00", "15-1211.01", "15-1212.00", "15-1221.00", "15-1231.00", "15-1232.00", "15-1241.00",
    "15-1241.01", "15-1242.00", "15-1243.00", "15-1243.01", "15-1244.00", "15-1251.00", "15-1252.00",
    "15-1253.00", "15-1254.00", "15-1255.00", "15-1255.01", "15-1299.00", "15-1299.01", "15-1299.02",
    "15-1299.03", "15-1299.04", "15-1299.05", "15-1299.06", "15-1299.07", "15-1299.08", "15-1299.09",
    "15-2011.00", "15-2021.00", "15-2031.00", "15-2041.00", "15-2041.01", "15-2051.00", "15-2051.01",
    "15-2051.02", "15-2099.00", "15-2099.01", "19-1029.00", "19-3011.00",
]


def slice_esco(src, dst):
    csv.field_size_limit(1 << 24)
    wanted = {l.strip() for l in ESCO_LABELS}
    uris = set()
    with open(os.path.join(src, "occupations_en.csv"), newline="", encoding="utf-8") as f, \
            open(os.path.join(dst, "occupations_en.csv"), "w", newline="", encoding="utf-8") as o:
        w = csv.writer(o, lineterminator="\n")
        for i, row in enumerate(csv.reader(f)):
            if i == 0 or row[3].strip() in wanted:
                w.writerow(row)
                if i > 0:
                    uris.add(row[1])
    with open(os.path.join(src, "occupation_skill_relations.tsv"), encoding="utf-8") as f, \
            open(os.path.join(dst, "occupation_skill_relations.tsv"), "w", encoding="utf-8") as o:
        for i, line in enumerate(f):
            if i == 0 or line.split("\t", 1)[0] in uris:
                o.write(line)
    return len(uris)


def slice_onet(src, dst):
    codes = set(ONET_CODES)
    for name in ["Occupation Data.txt", "Technology Skills.txt", "Skills.tsv", "Job Zones.txt"]:
        with open(os.path.join(src, name), encoding="utf-8", newline="") as f, \
                open(os.path.join(dst, name), "w", encoding="utf-8", newline="") as o:
            for i, line in enumerate(f):
                if i == 0 or line.split("\t", 1)[0] in codes:
                    o.write(line)
    return len(codes)


def main():
    data = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    for d in ["esco-1.2.0", "onet-29.2"]:
        os.makedirs(os.path.join(here, d), exist_ok=True)
    print("ESCO occupations:", slice_esco(os.path.join(data, "esco-1.2.0"), os.path.join(here, "esco-1.2.0")))
    print("O*NET occupations:", slice_onet(os.path.join(data, "onet-29.2"), os.path.join(here, "onet-29.2")))


if __name__ == "__main__":
    main()
