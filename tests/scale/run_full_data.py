#!/usr/bin/env python3
"""Runs the importer unit tests tagged [.full-data] on the full ESCO and O*NET files.

Exits 77 (CTest SKIP_RETURN_CODE) when ADVISOR_DATA_DIR is unset or lacks
esco-1.2.0/ and onet-29.2/: those files are not in the repository (docs/import.md
says where to download them); the same tests run on tests/data/ in every build.
"""
import os
import subprocess
import sys

data = os.environ.get("ADVISOR_DATA_DIR", "")
need = [os.path.join(data, "esco-1.2.0", "occupations_en.csv"), os.path.join(data, "onet-29.2", "Occupation Data.txt")]
if not data or not all(os.path.isfile(p) for p in need):
    print("SKIP: set ADVISOR_DATA_DIR to a folder holding esco-1.2.0/ and onet-29.2/ (see docs/import.md)")
    sys.exit(77)
sys.exit(subprocess.call([sys.argv[1], "[.full-data]"]))
