"""python3-jsonschema (Debian) over an NDJSON file with its FormatChecker: a peer for
conform validate. Prints the same summary line as `conform validate --quiet`.
usage: /usr/bin/python3 jsonschema_validate.py SCHEMA.json FILE.ndjson"""
import json
import sys

import jsonschema

with open(sys.argv[1]) as f:
    schema = json.load(f)
validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
total = valid = 0
with open(sys.argv[2], encoding="utf-8") as data:
    for line in data:
        if not line.strip():
            continue
        total += 1
        try:
            instance = json.loads(line)
        except ValueError:
            continue
        valid += validator.is_valid(instance)
print("%d payloads: %d valid, %d invalid" % (total, valid, total - valid))
