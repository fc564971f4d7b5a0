#!/usr/bin/env python3
"""Vendors are data: no shipped vendor's id or name (schemas/<id>/vendor.json) appears in the
C++ code under runner/, comments included. A vendor's behaviour belongs in its manifest; a
name in the code is where a special case starts.
usage: vendors_are_data_test.py SOURCE_DIR"""
import json
import re
import sys
from pathlib import Path

root = Path(sys.argv[1])
names = set()
for manifest in sorted((root / "schemas").glob("*/vendor.json")):
    vendor = json.loads(manifest.read_text(encoding="utf-8"))
    name = vendor["name"]
    names.update({vendor["id"], name, name.replace(" ", "")})
if not names:
    sys.exit("vendors_are_data: no schemas/*/vendor.json under %s" % root)
pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)),
                     re.IGNORECASE)
found = []
for source in sorted((root / "runner").rglob("*")):
    if source.suffix not in (".cpp", ".hpp"):
        continue
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        match = pattern.search(line)
        if match:
            found.append("%s:%d: '%s': %s" % (source.relative_to(root), number, match.group(0),
                                              line.strip()))
for line in found:
    print(line)
print("vendors_are_data: %d vendor names in runner/ (looked for: %s)"
      % (len(found), ", ".join(sorted(names))))
sys.exit(1 if found else 0)
