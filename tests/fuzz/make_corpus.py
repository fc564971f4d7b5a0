#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora from schemas/*/examples/ and cases/.

Decoder and mock inputs start with the selector bytes of support.hpp: byte 0 picks the
vendor (in the catalog's order: sorted folder names), byte 1 the message (in the order of
the manifest's "messages" member). Usage: make_corpus.py ROOT OUT_DIR
"""
import base64
import json
import os
import sys
from pathlib import Path


def vendors(schemas):
    return sorted(d for d in schemas.iterdir() if (d / "vendor.json").is_file())


def message_of(name):
    stem = name.split(".")[0]  # request.valid.x.json, response-200.invalid.y.json
    if stem == "request":
        return "request"
    if stem.startswith("response-"):
        return "response:" + stem[len("response-"):]
    return None


def write(folder, name, data):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def mock_request(manifest, vendor_dir, body, content_type):
    """A request in mock_request_fuzzer's text framing, with the first test credential."""
    endpoint = manifest.get("endpoint", {})
    mock = manifest.get("mock", {})
    users = mock.get("users") or mock.get("seed_users") or {}
    user = next(iter(users), "1") if isinstance(users, dict) else "1"
    path = endpoint.get("path", "/").replace("{user_id}", str(user))
    lines = [f"{endpoint.get('method', 'PUT')} {path}", f"Content-Type: {content_type}"]
    for credential in mock.get("credentials", [])[:1]:
        if "token" in credential:
            lines.append(f"Authorization: Bearer {credential['token']}")
        elif "username" in credential:
            pair = f"{credential['username']}:{credential.get('password', '')}".encode()
            lines.append("Authorization: Basic " + base64.b64encode(pair).decode())
    return ("\n".join(lines) + "\n\n").encode() + body


def main():
    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    kinds = {"json": "json_decode", "xml": "xml_decode", "form": "form_decode"}
    media = {"json": "application/json", "xml": "application/xml",
             "form": "application/x-www-form-urlencoded"}
    count = {}
    for v, vendor_dir in enumerate(vendors(root / "schemas")):
        manifest = json.loads((vendor_dir / "vendor.json").read_text())
        messages = list(manifest.get("messages", {}))
        examples = vendor_dir / "examples"
        for example in sorted(examples.iterdir()) if examples.is_dir() else []:
            extension = example.suffix.lstrip(".")
            message = message_of(example.name)
            if extension not in kinds or message not in messages:
                continue
            body = example.read_bytes()
            selector = bytes([v, messages.index(message)])
            name = f"{vendor_dir.name}-{example.name}"
            write(out / kinds[extension], name, selector + body)
            if message == "request" and "mock" in manifest:
                write(out / "mock_request", name,
                      bytes([v, 0]) + mock_request(manifest, vendor_dir, body, media[extension]))
    # Case files (byte 0 even: a case; odd: a defaults file) and their bodies.
    for case in sorted((root / "cases").rglob("*.json")):
        if case.name.endswith(".schema.json"):
            continue
        flag = b"\x01" if case.name == "defaults.json" else b"\x00"
        rel = "-".join(case.relative_to(root / "cases").parts)
        write(out / "case_file", rel, flag + case.read_bytes())
    # Raw requests for the mock's framing: plain, chunked, and the ambiguous kinds it refuses.
    framings = {
        "length": b"PUT /u HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n{}",
        "chunked": b"PUT /u HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                   b"2;x=1\r\n{}\r\n0\r\nT: 1\r\n\r\n",
        "both": b"PUT /u HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
        "double-length": b"PUT /u HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n",
    }
    for name, request in framings.items():
        write(out / "request_framing", name, b"\x03" + request)
    for target in set(kinds.values()) | {"mock_request", "case_file", "request_framing"}:
        folder = out / target
        count[target] = len(list(folder.iterdir())) if folder.is_dir() else 0
    print(" ".join(f"{k}={count[k]}" for k in sorted(count)))


if __name__ == "__main__":
    main()
