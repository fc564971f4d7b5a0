#!/usr/bin/env python3
"""Keeps README.md and docs/*.md true.

- The quick start is exactly `scripts/demo.sh` and `scripts/test.sh`, and both exist.
- Every ```sh block of README.md and docs/*.md carries a marker: `<!-- readme-test -->`,
  with `exit=N` (the block's last command exits N; default 0) and `http=S,S...` (the HTTP
  status of each curl it runs, in order), or `<!-- readme-test not-run: REASON -->` for a
  block no test can run here (a live vendor, an external tool), saying why.
- The marked blocks run, in order, one fresh workspace per file (a git clone-like folder
  with main checked out, holding schemas/, cases/ and the acme test vendor, with
  build/conform and `conform` on PATH the binary under test), against the embedded mock or
  a `conform mock` on a free port: every command but the last must exit 0, the last exit
  N; every curl's status is recorded and must match `http=`, which a block with curl must
  give (curl exits 0 on a 400). So the adding-a-vendor walk-through is run as written.
- Every `build/conform ...` (README) or `conform ...` (docs) line in any shell block names a
  real command and only options that command's --help describes.
- Every vendor `conform vendors` lists is in the vendors table with its credential variables,
  and every docs/, examples/, cases/, schemas/, scripts/ or tests/ path the README names exists.

usage: readme_test.py CONFORM SOURCE_DIR
"""
import glob
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


MARKER = re.compile(r"<!-- readme-test(?P<attrs>[^>]*?)\s*-->\n```sh\n")


class Block:
    def __init__(self, attrs, body, line):
        self.body, self.line = body, line
        self.marked = attrs is not None
        attrs = (attrs or "").strip()
        self.not_run = attrs[len("not-run:"):].strip() if attrs.startswith("not-run:") else None
        self.exit = int((re.search(r"\bexit=(\d+)", attrs) or [0, 0])[1])
        statuses = re.search(r"\bhttp=([\d,]+)", attrs)
        self.http = [int(s) for s in statuses.group(1).split(",")] if statuses else None


def shell_blocks(text):
    """A Block for every ```sh block, with its marker's attributes."""
    for match in re.finditer(r"```sh\n(.*?)```", text, re.S):
        marker = None
        for found in MARKER.finditer(text, 0, match.start() + len("```sh\n")):
            if found.end() == match.start() + len("```sh\n"):
                marker = found
        yield Block(marker.group("attrs") if marker else None, match.group(1),
                    text.count("\n", 0, match.start()) + 1)


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


def command_lines(body, program):
    joined = body.replace("\\\n", " ")
    for line in joined.splitlines():
        line = line.strip()
        for start in re.finditer(r"(?:^|[;&|(]\s*)" + re.escape(program) + r"\s+(.*)", line):
            yield start.group(1)


def check_command_lines(name, text, conform, program, helps):
    if "listed" not in helps:
        helps["listed"] = subprocess.run([conform, "--help"], capture_output=True, text=True).stdout
    commands = set(re.findall(r"^  (\S+)  ", helps["listed"], re.M))
    for block in shell_blocks(text):
        for rest in command_lines(block.body, program):
            words = rest.split()
            if not words:
                continue
            command = words[0]
            if command not in commands:
                fail(f"{name}: 'conform {command}' is not a command")
                continue
            if command not in helps:
                helps[command] = subprocess.run([conform, command, "--help"], capture_output=True,
                                                text=True).stdout
            for option in re.findall(r"(?:^|\s)(--[a-z][a-z0-9-]*)", rest):
                if not re.search(r"[ ,\[]" + re.escape(option) + r"\b", helps[command]):
                    fail(f"{name}: 'conform {command}' has no option {option}")


def make_workspace(root, source, conform):
    for folder in ("schemas", "cases"):
        shutil.copytree(os.path.join(source, folder), os.path.join(root, folder))
    shutil.copytree(os.path.join(source, "tests/data/vendors/acme"),
                    os.path.join(root, "tests/data/vendors/acme"))
    for folder in ("build", "bin"):
        os.makedirs(os.path.join(root, folder))
        os.symlink(conform, os.path.join(root, folder, "conform"))
    # A clone: main checked out (docs/drift.md adds a worktree of it).
    git = ["git", "-c", "user.name=readme", "-c", "user.email=readme@example.invalid"]
    for command in (["init", "-q", "-b", "main"], ["add", "schemas", "cases"],
                    ["commit", "-q", "-m", "clone"]):
        subprocess.run(git + command, cwd=root, check=True, capture_output=True)


# Records the status of every curl a block runs (curl itself exits 0 on a 400).
CURL_RECORDER = r"""curl() {
  local headers status=0
  headers=$(mktemp)
  command curl -D "$headers" "$@" || status=$?
  awk '/^HTTP\//{code=$2} END{print code}' "$headers" >>"$CONFORM_HTTP_LOG"
  rm -f "$headers"
  return $status
}
"""


def split_last_command(body):
    """(every command but the last, the last) of a block: lines joined at backslashes."""
    lines = body.rstrip("\n").split("\n")
    end = len(lines)
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    start = end - 1
    while start > 0 and lines[start - 1].endswith("\\"):
        start -= 1
    return "\n".join(lines[:start]), "\n".join(lines[start:end])


def run_blocks(name, text, source, conform):
    ran = 0
    with tempfile.TemporaryDirectory(prefix="conform-readme-") as parent:
        workspace = os.path.join(parent, "clone")  # ../ stays in the temporary folder
        make_workspace(workspace, source, conform)
        http_log = os.path.join(parent, "http.log")
        env = dict(os.environ, CONFORM_HTTP_LOG=http_log,
                   PATH=os.path.join(workspace, "bin") + os.pathsep + os.environ["PATH"])
        for block in shell_blocks(text):
            first = block.body.strip().splitlines()[0] if block.body.strip() else ""
            where = f"{name}:{block.line} '{first}'"
            if not block.marked:
                fail(f"{where}: a shell block without a readme-test marker (run it, or say "
                     f"why not with <!-- readme-test not-run: REASON -->)")
                continue
            if block.not_run is not None:
                if not block.not_run:
                    fail(f"{where}: not-run needs a reason")
                continue
            ran += 1
            head, last = split_last_command(block.body)
            script = f"{CURL_RECORDER}set -eo pipefail\n{head}\nset +e\n{last}\n"
            open(http_log, "w").close()
            process = subprocess.Popen(["bash", "--noprofile", "--norc", "-c", script],
                                       cwd=workspace, env=env, stdout=subprocess.PIPE,
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
            if process.returncode != block.exit:
                fail(f"{where} exited {process.returncode}, expected {block.exit}\n"
                     f"{out[-1500:]}\n{err[-1500:]}")
            statuses = [int(line) if line.strip().isdigit() else 0
                        for line in open(http_log).read().splitlines()]
            if statuses and block.http is None:
                fail(f"{where} runs curl but its marker gives no http=STATUS (got {statuses})")
            elif block.http is not None and statuses != block.http:
                fail(f"{where}: curl got HTTP {statuses}, expected {block.http}\n{out[-800:]}")
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
    if shutil.which("curl") is None:
        fail("curl is needed to run the README's mock blocks (apt-get install curl)")
        return 1
    helps = {}
    check_command_lines("README.md", text, conform, "build/conform", helps)
    ran = run_blocks("README.md", text, source, conform)
    for path in sorted(glob.glob(os.path.join(source, "docs", "*.md"))):
        name = os.path.relpath(path, source)
        with open(path, encoding="utf-8") as f:
            doc = f.read()
        check_command_lines(name, doc, conform, "conform", helps)
        ran += run_blocks(name, doc, source, conform)
    if failures:
        print(f"readme: {len(failures)} failures", file=sys.stderr)
        return 1
    print(f"readme: {ran} marked blocks of README.md and docs/ ran; every conform line and "
          f"path checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
