#!/usr/bin/env python3
"""Deterministic Finix-like and Nexudus-like request corpora (NDJSON) for bench/run.py.

Each corpus is seeded, so every run (and every machine) validates the same bytes. About 10%
of the payloads are invalid in ways a real integration gets wrong: a string for a boolean,
a tag key past 40 characters, a misspelt member, a language name for its id, an address
without '@'. Beside each corpus, <name>.meta.json counts the invalid payloads by the one
rule each breaks, so the bench can tell what a peer that skips some formats must report.

usage: make_corpora.py OUT_DIR SCHEMAS_DIR [--finix N] [--nexudus N]
"""
import argparse
import json
import os
import random
import string

FINIX_BAD = [
    # (reason, share of the invalid payloads)
    ("enabled-as-string", 3),
    ("tag-key-too-long", 2),
    ("tag-value-too-long", 1),
    ("tag-value-number", 2),
    ("too-many-tags", 1),
    ("misspelt-member", 1),
]
NEXUDUS_BAD = [
    ("format:email", 3),
    ("format:date-time", 2),
    ("format:uuid", 1),
    ("language-name", 2),
    ("language-out-of-enum", 1),
    ("missing-required", 2),
    ("negative-attempts", 1),
    ("business-id-as-string", 1),
    ("boolean-as-string", 1),
    ("undocumented-member", 1),
]

LETTERS = string.ascii_lowercase


def word(rng, low, high):
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(low, high)))


def pick_reason(rng, table):
    total = sum(weight for _, weight in table)
    x = rng.uniform(0, total)
    for reason, weight in table:
        x -= weight
        if x <= 0:
            return reason
    return table[-1][0]


def finix_payload(rng, reason):
    payload = {}
    if rng.random() < 0.9 or reason == "enabled-as-string":
        payload["enabled"] = rng.random() < 0.7
    r = rng.random()
    if r < 0.75 or reason and reason.startswith(("tag", "too-many")):
        # Most users carry a handful of tags; a few carry many, up to the limit of 50.
        count = min(50, int(rng.expovariate(1 / 6))) if rng.random() < 0.9 else rng.randint(30, 50)
        tags = {}
        while len(tags) < count:
            key = rng.choice(["order_", "crm_", "plan_", "region_", ""]) + word(rng, 2, 14)
            if rng.random() < 0.05:
                # Multi-byte text: 2 bytes per code point, limits count code points.
                value = "é" * rng.randint(1, 400)
            else:
                value = str(rng.randint(1, 10**8)) if rng.random() < 0.3 else word(rng, 1, 24)
            tags[key] = value
        payload["tags"] = tags
    elif r < 0.85:
        payload["tags"] = None
    if reason == "enabled-as-string":
        payload["enabled"] = rng.choice(["yes", "true", "1"])
    elif reason == "tag-key-too-long":
        payload["tags"]["customer_reference_" + word(rng, 22, 40)] = "x"
    elif reason == "tag-value-too-long":
        payload["tags"]["notes"] = word(rng, 501, 700)
    elif reason == "tag-value-number":
        payload["tags"]["order_number"] = rng.randint(1, 99999)
    elif reason == "too-many-tags":
        while len(payload["tags"]) <= 50:
            payload["tags"]["k" + word(rng, 4, 10)] = word(rng, 1, 10)
    elif reason == "misspelt-member":
        payload["enable"] = payload.pop("enabled", True)
    return payload


def nexudus_value(rng, name, spec):
    kind = spec.get("type")
    if "enum" in spec:
        return rng.choice(spec["enum"])
    if kind == "integer":
        return rng.randint(0, 20) if "minimum" in spec else rng.randint(1, 10**6)
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "array":
        return [rng.randint(1, 50000) for _ in range(rng.randint(0, 6))]
    fmt = spec.get("format")
    if fmt == "email":
        return "%s.%s@%s.example.com" % (word(rng, 3, 9), word(rng, 3, 12), word(rng, 3, 8))
    if fmt == "date-time":
        return "20%02d-%02d-%02dT%02d:%02d:%02d%s" % (
            rng.randint(15, 26), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
            rng.randint(0, 59), rng.randint(0, 59), rng.choice(["Z", "+01:00", ".123Z", "-05:30"]))
    if fmt == "uuid":
        return "%08x-%04x-4%03x-%04x-%012x" % (
            rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
            0x8000 | rng.getrandbits(14), rng.getrandbits(48))
    if name == "FullName":
        return "%s %s" % (word(rng, 3, 10).capitalize(), word(rng, 3, 12).capitalize())
    return word(rng, 8, 32)


def nexudus_payload(rng, properties, required, reason):
    payload = {}
    for name, spec in properties.items():
        # Every required member, and most optional ones: a full user record.
        if name in required or rng.random() < 0.92:
            payload[name] = nexudus_value(rng, name, spec)
    if reason == "format:email":
        payload["Email"] = rng.choice(["jane.doe.example.com", "jane doe", "jane.doe(at)example.com"])
    elif reason == "format:date-time":
        payload["LastAccess"] = rng.choice(["2024-13-01T10:00:00Z", "yesterday", "2024-05-01 10:00"])
    elif reason == "format:uuid":
        payload["EmailCallBackGuid"] = "not-a-guid-" + word(rng, 4, 8)
    elif reason == "language-name":
        payload["Language"] = rng.choice(["EnglishUS", "Spanish", "EnglishUK"])
    elif reason == "language-out-of-enum":
        payload["Language"] = rng.choice([0, 4, 7])
    elif reason == "missing-required":
        del payload[rng.choice(sorted(required))]
    elif reason == "negative-attempts":
        payload["InvalidLoginAttempts"] = -rng.randint(1, 5)
    elif reason == "business-id-as-string":
        payload["Businesses"] = [rng.randint(1, 999), str(rng.randint(1, 999))]
    elif reason == "boolean-as-string":
        payload["Active"] = rng.choice(["true", "false", "1"])
    elif reason == "undocumented-member":
        payload["PhoneNumber"] = "+44 20 7946 %04d" % rng.randint(0, 9999)
    return payload


def write_corpus(path, count, seed, bad_table, make):
    rng = random.Random(seed)
    reasons = {}
    with open(path, "w", encoding="utf-8") as out:
        for _ in range(count):
            reason = pick_reason(rng, bad_table) if rng.random() < 0.10 else None
            if reason:
                reasons[reason] = reasons.get(reason, 0) + 1
            out.write(json.dumps(make(rng, reason), ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
    meta = {"payloads": count, "invalid_by_reason": dict(sorted(reasons.items())),
            "bytes": os.path.getsize(path)}
    with open(path.replace(".ndjson", ".meta.json"), "w") as out:
        json.dump(meta, out, indent=1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("schemas")
    parser.add_argument("--finix", type=int, default=200000)
    parser.add_argument("--nexudus", type=int, default=60000)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    write_corpus(os.path.join(args.out, "finix.ndjson"), args.finix, 3, FINIX_BAD, finix_payload)
    with open(os.path.join(args.schemas, "nexudus", "request.schema.json")) as f:
        schema = json.load(f)
    properties, required = schema["properties"], set(schema["required"])
    write_corpus(os.path.join(args.out, "nexudus.ndjson"), args.nexudus, 4, NEXUDUS_BAD,
                 lambda rng, reason: nexudus_payload(rng, properties, required, reason))


if __name__ == "__main__":
    main()
