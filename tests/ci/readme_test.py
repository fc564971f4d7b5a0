#!/usr/bin/env python3
"""Keeps README.md true.

- The quick start is exactly `scripts/demo.sh` and `scripts/test.sh`, and both exist.
- Every shell block marked `<!-- readme-test -->` (or `<!-- readme-test exit=N -->`) runs, in
  order, in one fresh workspace (a copy of schemas/, cases/ and the acme test vendor, with
  build/conform the binary under test), against the embedded mock or a `conform mock` on a
  free port; each must exit 0 (or N). So the adding-a-vendor walk-through is run as written.
- Every `build/conform ...` line in any shell block names a real command and only options
  that command's --help describes.
- Every vendor `conform vendors` lists is in the vendors table with its credential variables,
  and every docs/, examples/, cases/, schemas/, scripts/ or tests/ path the README names exists.

usage: readme_test.py CONFORM SOURCE_DIR
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

BLOCK_TIMEOUT = 300
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def shell_blocks(text):
    """(marker or None, body) for every ```sh block."""
    pattern = re.compile(r"(?:<!-- readme-test(?: exit=(\d+))? -->\n)?```sh\n(.*?)```", re.S)
    for match in pattern.finditer(text):
        marked = text[match.start():].startswith("<!-- readme-test")
        yield (int(match.group(1) or 0) if marked else None), match.group(2)


def check_quick_start(text, source):
    section = text.split("## Quick start", 1)
    if len(section) < 2:
        fail("README.md has no Quick start section")
        return
    first = re.search(r"```sh\n(.*?)```", section[1], re.S)
    if not first or first.group(1) != "scripts/demo.sh\nscripts/test.sh\n":
        fail("the quick start must be exactly scripts/demo.sh and scripts/test.sh")
    for script in ("scripts/demo.sh", "scripts/test.sh"):
        if not os.access(os.path.join(source, script), os.X_OK):
            fail(f"{script} is missing or not executable")
    if re.search(r"^## .*", text, re.M).group(0) != "## Quick start":
        fail("the quick start must be the first section")


def check_sections(text):
    for heading in ("## What it checks", "## The five vendors", "## Validating before sending",
                    "## Case files", "## Replay and reports", "## The mock", "## Demo 2",
                    "## Drift and diff", "## CI recipes", "## Adding a vendor", "## Exit codes",
                    "## Limits", "## Troubleshooting"):
        if heading not in text:
            fail(f"README.md lacks the section '{heading}'")


def check_vendors(text, vendors):
    table = text.split("## The five vendors", 1)[-1].split("\n## ", 1)[0]
    for vendor in vendors:
        row = next((line for line in table.splitlines() if line.startswith(f"| `{vendor['id']}` |")), None)
        if row is None:
            fail(f"the vendors table has no row for {vendor['id']}")
            continue
        for name in vendor["credential_env"]:
            if name not in row:
                fail(f"the vendors table's {vendor['id']} row does not name {name}")
        # Required query parameters and headers, with their fixed or allowed values.
        for parameter in vendor["query_parameters"] + vendor["headers"]:
            if not parameter["required"]:
                continue
            for word in [parameter["name"], parameter.get("value", "")] + parameter.get("allowed", []):
                if word not in row:
                    fail(f"the vendors table's {vendor['id']} row does not name {word}")


def check_paths(text, source):
    for path in sorted(set(re.findall(r"`((?:docs|examples|cases|schemas|scripts|tests)/[^`\s*<>]*)`", text))):
        if path.rstrip("/") in ("schemas/acme", "cases/acme"):
            continue  # the walk-through's vendor, in the reader's own repository
        if not os.path.exists(os.path.join(source, path)):
            fail(f"README.md names {path}, which does not exist")


def command_lines(body):
    joined = body.replace("\\\n", " ")
    for line in joined.splitlines():
        line = line.strip()
        for start in re.finditer(r"(?:^|[;&|(]\s*)build/conform\s+(.*)", line):
            yield start.group(1)


def check_command_lines(text, conform):
    listed = subprocess.run([conform, "--help"], capture_output=True, text=True).stdout
    commands = set(re.findall(r"^  (\S+)  ", listed, re.M))
    helps = {}
    for _, body in shell_blocks(text):
        for rest in command_lines(body):
            words = rest.split()
            if not words:
                continue
            command = words[0]
            if command not in commands:
                fail(f"README: 'conform {command}' is not a command")
                continue
            if command not in helps:
                helps[command] = subprocess.run([conform, command, "--help"], capture_output=True,
                                                text=True).stdout
            for option in re.findall(r"(?:^|\s)(--[a-z][a-z0-9-]*)", rest):
                if not re.search(r"[ ,\[]" + re.escape(option) + r"\b", helps[command]):
                    fail(f"README: 'conform {command}' has no option {option}")


def make_workspace(root, source, conform):
    for folder in ("schemas", "cases"):
        shutil.copytree(os.path.join(source, folder), os.path.join(root, folder))
    shutil.copytree(os.path.join(source, "tests/data/vendors/acme"),
                    os.path.join(root, "tests/data/vendors/acme"))
    os.makedirs(os.path.join(root, "build"))
    os.symlink(conform, os.path.join(root, "build", "conform"))


def run_blocks(text, source, conform):
    if shutil.which("curl") is None:
        fail("curl is needed to run the README's mock blocks (apt-get install curl)")
        return 0
    ran = 0
    with tempfile.TemporaryDirectory(prefix="conform-readme-") as workspace:
        make_workspace(workspace, source, conform)
        for expected, body in shell_blocks(text):
            if expected is None:
                continue
            ran += 1
            flags = ["-eo", "pipefail"] if expected == 0 else ["-o", "pipefail"]
            process = subprocess.Popen(["bash", "--noprofile", "--norc", *flags, "-c", body],
                                       cwd=workspace, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True, start_new_session=True)
            try:
                out, err = process.communicate(timeout=BLOCK_TIMEOUT)
            except subprocess.TimeoutExpired:
                out, err = "", f"timed out after {BLOCK_TIMEOUT} s"
            finally:
                try:  # a block that failed half-way may have left a mock running
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
                process.wait()
            if process.returncode != expected:
                first = body.strip().splitlines()[0]
                fail(f"README block '{first}' exited {process.returncode}, expected {expected}\n"
                     f"{out[-1500:]}\n{err[-1500:]}")
    return ran


def main():
    conform, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
        text = f.read()
    vendors = json.loads(subprocess.run([conform, "vendors", "--output", "json"], check=True,
                                        capture_output=True, text=True).stdout)
    check_quick_start(text, source)
    check_sections(text)
    check_vendors(text, vendors)
    check_paths(text, source)
    check_command_lines(text, conform)
    ran = run_blocks(text, source, conform)
    if failures:
        print(f"readme: {len(failures)} failures", file=sys.stderr)
        return 1
    print(f"readme: {ran} marked blocks ran; every conform line and path checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
