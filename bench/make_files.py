#!/usr/bin/env python3
"""Deterministic folders of one-payload files for bench/run.py's many-files section: msp360-like
XML bodies, Maia Score form bodies and Finix-like JSON bodies, one file each, as a user keeps
captured payloads. About 10% are invalid in ways the vendors' own examples show (a capitalised
xs:boolean, a misspelt element, members out of the data contract's order, a report id cut
short, an undocumented form field). Beside each folder, <name>.meta.json counts the invalid
files by reason.

usage: make_files.py OUT_DIR COUNT
"""
import json
import os
import random
import sys

from make_corpora import FINIX_BAD, finix_payload, pick_reason, word

MSP360_BAD = [
    ("enabled-capitalised", 2),
    ("license-mode-misspelt", 2),
    ("license-mode-number", 1),
    ("notification-email-bad", 2),
    ("out-of-order", 2),
    ("no-namespace", 1),
    ("id-missing", 1),
]
MAIA_BAD = [
    ("confirmed-yes", 3),
    ("report-id-short", 2),
    ("username-near-name", 2),
    ("email-bad", 2),
    ("bad-percent-escape", 1),
]
MODELS = "http://schemas.datacontract.org/2004/07/MBSAPImvc.Engine.Models"
ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"


def guid(rng):
    text = "%08x-%04x-%04x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16),
                                          rng.getrandbits(16), rng.getrandbits(16),
                                          rng.getrandbits(48))
    return text.upper() if rng.random() < 0.2 else text


def email(rng):
    return "%s.%s@%s.example.com" % (word(rng, 2, 9), word(rng, 2, 12), word(rng, 3, 8))


def msp360_body(rng, reason):
    # Members in the data contract's (ordinal) order; ID is the one required member.
    members = []
    if rng.random() < 0.6:
        members.append(("Company", "%s Ltd" % word(rng, 3, 12).capitalize()))
    if rng.random() < 0.8:
        members.append(("Email", email(rng)))
    if rng.random() < 0.7 or reason == "enabled-capitalised":
        value = rng.choice(["true", "false"])
        members.append(("Enabled", value.capitalize() if reason == "enabled-capitalised" else value))
    if rng.random() < 0.7:
        members.append(("FirstName", rng.choice(["Zoë", "José", ""]) + word(rng, 2, 10).capitalize()))
    if reason != "id-missing":
        members.append(("ID", guid(rng)))
    if rng.random() < 0.7:
        members.append(("LastName", word(rng, 3, 14).capitalize()))
    if rng.random() < 0.5 or reason in ("license-mode-misspelt", "license-mode-number"):
        name = "LicenseManagementMode" if reason == "license-mode-misspelt" else "LicenseManagmentMode"
        value = rng.choice(["0", "1"]) if reason == "license-mode-number" else rng.choice(
            ["Manual", "Automatic"])
        members.append((name, value))
    if rng.random() < 0.4 or reason == "notification-email-bad":
        items = [email(rng) for _ in range(rng.randint(1, 4))]
        if reason == "notification-email-bad":
            items[rng.randrange(len(items))] = word(rng, 5, 12) + ".example.com"
        members.append(("NotificationEmails", items))
    if rng.random() < 0.5:
        members.append(("Password", word(rng, 12, 24)))
    if reason == "out-of-order":
        if not any(name < "ID" for name, _ in members):
            members.insert(0, ("Company", "Example Ltd"))
        members.sort(key=lambda member: member[0] != "ID")  # stable: ID moves to the front
    namespace = "" if reason == "no-namespace" else ' xmlns="%s"' % MODELS
    lines = ["<UsersEditModels%s>" % namespace]
    for name, value in members:
        if isinstance(value, list):
            lines.append('  <%s xmlns:d2p1="%s">' % (name, ARRAYS))
            lines += ["    <d2p1:string>%s</d2p1:string>" % item for item in value]
            lines.append("  </%s>" % name)
        else:
            lines.append("  <%s>%s</%s>" % (name, value, name))
    lines.append("</UsersEditModels>")
    return "\n".join(lines) + "\n"


def report_id(rng):
    return "maia-%012x" % rng.getrandbits(48)


def maia_body(rng, reason):
    fields = []
    if rng.random() < 0.8 or reason == "username-near-name":
        fields.append(("username", word(rng, 3, 12)))
    if rng.random() < 0.7 or reason == "email-bad":
        value = email(rng).replace("@", "%40")
        fields.append(("email", value.replace("%40", ".") if reason == "email-bad" else value))
    if rng.random() < 0.5:
        fields.append(("provider", "local"))
    if rng.random() < 0.4:
        fields.append(("password", word(rng, 10, 20)))
    if rng.random() < 0.3:
        fields.append(("resetPasswordToken", guid(rng).lower()))
    if rng.random() < 0.7 or reason == "confirmed-yes":
        fields.append(("confirmed", "yes" if reason == "confirmed-yes" else
                       rng.choice(["true", "false"])))
    if rng.random() < 0.6:
        fields.append(("blocked", rng.choice(["true", "false"])))
    if rng.random() < 0.4:
        fields.append(("role", rng.choice(["authenticated", "editor", "public"])))
    if rng.random() < 0.6 or reason == "report-id-short":
        reports = [report_id(rng) for _ in range(rng.randint(1, 6))]
        if reason == "report-id-short":
            reports[rng.randrange(len(reports))] = "maia-" + "%04x" % rng.getrandbits(16)
        fields += [("reports", r) for r in reports]
    if reason == "username-near-name":
        fields.append(("usrname", word(rng, 3, 8)))
    if reason == "bad-percent-escape":
        fields.append(("provider", "50%ZZoff"))
    if not fields:
        fields.append(("blocked", "false"))
    return "&".join("%s=%s" % field for field in fields)


def finix_body(rng, reason):
    return json.dumps(finix_payload(rng, reason), ensure_ascii=False, separators=(",", ":"))


SETS = [
    # (folder, vendor, extension, seed, reasons, body)
    ("msp360-xml", "msp360", "xml", 5, MSP360_BAD, msp360_body),
    ("maiascore-form", "maiascore", "form", 6, MAIA_BAD, maia_body),
    ("finix-json", "finix", "json", 7, FINIX_BAD, finix_body),
]


def write_set(out, count, folder, extension, seed, reasons_table, body):
    rng = random.Random(seed)
    directory = os.path.join(out, folder)
    os.makedirs(directory, exist_ok=True)
    reasons = {}
    size = 0
    for i in range(count):
        reason = pick_reason(rng, reasons_table) if rng.random() < 0.10 else None
        if reason:
            reasons[reason] = reasons.get(reason, 0) + 1
        data = body(rng, reason).encode("utf-8")
        size += len(data)
        with open(os.path.join(directory, "%05d.%s" % (i, extension)), "wb") as f:
            f.write(data)
    meta = {"payloads": count, "invalid_by_reason": dict(sorted(reasons.items())), "bytes": size}
    with open(os.path.join(out, folder + ".meta.json"), "w") as f:
        json.dump(meta, f, indent=1)


def main():
    out, count = sys.argv[1], int(sys.argv[2])
    for folder, _, extension, seed, reasons, body in SETS:
        write_set(out, count, folder, extension, seed, reasons, body)


if __name__ == "__main__":
    main()
