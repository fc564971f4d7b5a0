#!/usr/bin/env python3
"""Runs the CI recipes in examples/ci/ locally, so they cannot rot.

Both YAML files are parsed; the GitHub Actions workflow's validate, replay (every shard of
the matrix) and reports jobs, and the GitLab CI file's validate, replay (every node of
`parallel`) and reports jobs run their shell steps in a fresh workspace each (a copy of
schemas/ and cases/, with build/conform the binary under test), against the embedded mock.
Artifacts travel between jobs as the CI would carry them. Steps that build conform
(scripts/build.sh) are not run: the binary is already built. The nightly drift jobs need live
vendors: their structure is checked against `conform vendors` (every vendor, its live base
URL, every credential variable) but they are not run.

usage: recipes_test.py CONFORM SOURCE_DIR
"""
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

STEP_TIMEOUT = 300
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def make_workspace(root, source, conform):
    os.makedirs(root)
    for folder in ("schemas", "cases"):
        shutil.copytree(os.path.join(source, folder), os.path.join(root, folder))
    os.makedirs(os.path.join(root, "build"))
    os.symlink(conform, os.path.join(root, "build", "conform"))
    return root


def run_shell(script, cwd, env, what):
    full_env = dict(os.environ, **env)
    try:
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                              cwd=cwd, env=full_env, capture_output=True, text=True,
                              timeout=STEP_TIMEOUT)
    except subprocess.TimeoutExpired:
        fail(f"{what}: timed out after {STEP_TIMEOUT} s")
        return False
    if done.returncode != 0:
        fail(f"{what}: exit {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
        return False
    return True


def copy_into(source, target):
    if os.path.isdir(source):
        shutil.copytree(source, target, dirs_exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(source, target)


def is_build_step(script):
    return script.strip() == "scripts/build.sh"


# ---- GitHub Actions ---------------------------------------------------------------------

def github_expand(text, matrix, total, what):
    def value(match):
        expr = match.group(1).strip()
        if expr.startswith("matrix."):
            return str(matrix[expr[len("matrix."):]])
        if expr == "strategy.job-total":
            return str(total)
        fail(f"{what}: cannot evaluate ${{{{ {expr} }}}} locally")
        return ""
    return re.sub(r"\$\{\{(.*?)\}\}", value, text)


def github_job(name, job, workdir, source, conform, artifacts, matrix, total):
    what = f"github-actions.yml {name} {matrix or ''}".strip()
    ws = make_workspace(os.path.join(workdir, "gh-" + name + "-" + "-".join(map(str, matrix.values()))),
                        source, conform)
    summary = os.path.join(ws, "..", os.path.basename(ws) + ".summary")
    env = {"GITHUB_STEP_SUMMARY": summary, "CI": "true"}
    for step in job["steps"]:
        uses = step.get("uses", "")
        params = {k: github_expand(str(v), matrix, total, what) for k, v in step.get("with", {}).items()}
        if "run" in step:
            script = github_expand(step["run"], matrix, total, what)
            if not is_build_step(script):
                run_shell(script, ws, env, f"{what}: step '{step.get('name', script[:40])}'")
        elif uses.startswith("actions/checkout"):
            pass  # the workspace is the checkout
        elif uses.startswith("actions/upload-artifact"):
            for path in params["path"].split("\n"):
                if path.strip() and os.path.exists(os.path.join(ws, path.strip())):
                    copy_into(os.path.join(ws, path.strip()),
                              os.path.join(artifacts, params["name"], path.strip()))
        elif uses.startswith("actions/download-artifact"):
            for artifact in sorted(os.listdir(artifacts)):
                if fnmatch.fnmatch(artifact, params["pattern"]):
                    # Without merge-multiple, each artifact lands in PATH/NAME, its files at
                    # the top (their common parent is dropped, as upload-artifact does).
                    stored = os.path.join(artifacts, artifact)
                    while len(os.listdir(stored)) == 1 and os.path.isdir(
                            os.path.join(stored, os.listdir(stored)[0])):
                        stored = os.path.join(stored, os.listdir(stored)[0])
                    copy_into(stored, os.path.join(ws, params["path"], artifact))
        elif uses.startswith("github/codeql-action/upload-sarif"):
            log = os.path.join(ws, params["sarif_file"])
            try:
                with open(log) as f:
                    sarif = json.load(f)
                if sarif.get("version") != "2.1.0":
                    fail(f"{what}: {params['sarif_file']} is not SARIF 2.1.0")
            except (OSError, ValueError) as e:
                fail(f"{what}: {params['sarif_file']} cannot be uploaded: {e}")
        else:
            fail(f"{what}: no local stand-in for '{uses}'")
    return ws, summary


def check_github(path, source, conform, vendors, workdir):
    with open(path) as f:
        workflow = yaml.safe_load(f)
    jobs = workflow["jobs"]
    for name in ("validate", "replay", "reports", "drift"):
        if name not in jobs:
            fail(f"github-actions.yml: no job '{name}'")
            return
    if jobs["reports"].get("needs") != "replay":
        fail("github-actions.yml: reports must need replay")
    check_drift_github(jobs["drift"], vendors)

    artifacts = os.path.join(workdir, "gh-artifacts")
    os.makedirs(artifacts)
    github_job("validate", jobs["validate"], workdir, source, conform, artifacts, {}, 1)
    shards = jobs["replay"]["strategy"]["matrix"]["shard"]
    if len(shards) < 2:
        fail("github-actions.yml: the replay matrix should have several shards")
    for shard in shards:
        github_job("replay", jobs["replay"], workdir, source, conform, artifacts,
                   {"shard": shard}, len(shards))
    ws, summary = github_job("reports", jobs["reports"], workdir, source, conform, artifacts, {}, 1)
    check_merged(os.path.join(ws, "reports", "merged"), "github-actions.yml", source, conform)
    if not os.path.exists(summary) or "Contract coverage" not in open(summary).read():
        fail("github-actions.yml: the job summary lacks the merged summary.md")


def check_drift_github(job, vendors):
    include = {row["vendor"]: row["base"] for row in job["strategy"]["matrix"]["include"]}
    env = job.get("env", {})
    for vendor in vendors:
        if include.get(vendor["id"]) != vendor["base_url"]:
            fail(f"github-actions.yml drift: {vendor['id']} should be recorded at {vendor['base_url']}")
        for name in vendor["credential_env"]:
            if env.get(name) != "${{ secrets.%s }}" % name:
                fail(f"github-actions.yml drift: {name} should come from secrets.{name}")
    runs = " ".join(step.get("run", "") for step in job["steps"])
    for needed in ("conform record", "conform drift", "--fail-on breaking"):
        if needed not in runs:
            fail(f"github-actions.yml drift: no '{needed}'")


# ---- GitLab CI --------------------------------------------------------------------------

def gitlab_job(name, job, default, workdir, source, conform, artifacts, restore, env):
    what = f"gitlab-ci.yml {name} {env or ''}".strip()
    ws = make_workspace(os.path.join(workdir, "gl-" + name + "-" + "-".join(env.values())), source, conform)
    for earlier in restore:
        copy_into(earlier, ws)
    lines = job.get("before_script", default.get("before_script", [])) + job["script"]
    script = "\n".join(line for line in lines if not is_build_step(line))
    run_shell(script, ws, dict(env, CI="true"), what)
    kept = os.path.join(artifacts, name + "-" + "-".join(env.values()))
    for path in job.get("artifacts", {}).get("paths", []):
        if os.path.exists(os.path.join(ws, path)):
            copy_into(os.path.join(ws, path), os.path.join(kept, path))
    return ws, kept


def check_gitlab(path, source, conform, vendors, workdir):
    with open(path) as f:
        pipeline = yaml.safe_load(f)
    for name in ("validate", "replay", "reports", "drift"):
        if name not in pipeline:
            fail(f"gitlab-ci.yml: no job '{name}'")
            return
    default = pipeline.get("default", {})
    check_drift_gitlab(pipeline["drift"], vendors)

    artifacts = os.path.join(workdir, "gl-artifacts")
    ws, _ = gitlab_job("validate", pipeline["validate"], default, workdir, source, conform,
                       artifacts, [], {})
    nodes = pipeline["replay"]["parallel"]
    if not isinstance(nodes, int) or nodes < 2:
        fail("gitlab-ci.yml: replay should run on several parallel nodes")
        return
    shard_artifacts = []
    for index in range(1, nodes + 1):
        _, kept = gitlab_job("replay", pipeline["replay"], default, workdir, source, conform,
                             artifacts, [], {"CI_NODE_INDEX": str(index), "CI_NODE_TOTAL": str(nodes)})
        shard_artifacts.append(kept)
    ws, _ = gitlab_job("reports", pipeline["reports"], default, workdir, source, conform,
                       artifacts, shard_artifacts, {})
    check_merged(os.path.join(ws, "reports", "merged"), "gitlab-ci.yml", source, conform)


def check_drift_gitlab(job, vendors):
    rows = {row["VENDOR"]: row["BASE"] for row in job["parallel"]["matrix"]}
    for vendor in vendors:
        if rows.get(vendor["id"]) != vendor["base_url"]:
            fail(f"gitlab-ci.yml drift: {vendor['id']} should be recorded at {vendor['base_url']}")
    script = " ".join(job["script"])
    for needed in ("conform record", "conform drift", "--fail-on breaking"):
        if needed not in script:
            fail(f"gitlab-ci.yml drift: no '{needed}'")


# ---- both -------------------------------------------------------------------------------

def case_count(source):
    count = 0
    for root, dirs, files in os.walk(os.path.join(source, "cases")):
        dirs[:] = [d for d in dirs if d != "bodies"]
        count += sum(1 for f in files if f.endswith(".json") and f != "defaults.json"
                     and not f.endswith(".schema.json"))
    return count


def check_merged(folder, recipe, source, conform):
    for name in ("junit.xml", "report.json", "report.html", "summary.md", "report.tap"):
        if not os.path.exists(os.path.join(folder, name)):
            fail(f"{recipe}: the merged reports lack {name}")
            return
    with open(os.path.join(folder, "report.json")) as f:
        report = json.load(f)
    cases = len(report["cases"])
    if cases != case_count(source):
        fail(f"{recipe}: the merged report has {cases} cases, the cases/ folder {case_count(source)}")
    if not report.get("coverage"):
        fail(f"{recipe}: the merged report has no coverage table")


def main():
    conform, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    vendors = json.loads(subprocess.run([conform, "vendors", "--output", "json"], check=True,
                                        capture_output=True, text=True).stdout)
    with tempfile.TemporaryDirectory(prefix="conform-recipes-") as workdir:
        check_github(os.path.join(source, "examples/ci/github-actions.yml"), source, conform,
                     vendors, workdir)
        check_gitlab(os.path.join(source, "examples/ci/gitlab-ci.yml"), source, conform,
                     vendors, workdir)
    if failures:
        print(f"recipes: {len(failures)} failures", file=sys.stderr)
        return 1
    print("recipes: GitHub Actions and GitLab CI validate, replay shards and merge ran locally")
    return 0


if __name__ == "__main__":
    sys.exit(main())
