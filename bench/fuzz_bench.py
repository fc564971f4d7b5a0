"""The fuzz section of bench/run.py: `conform fuzz` against its embedded mock, exchanges per
second with every response validated, beside `conform replay` sending the same requests
(the fuzz run's own --dry-run cases, written as case files) to the same embedded mock; and
fuzz's peak RSS at 10x the examples, which must stay bounded (it streams its examples)."""

import json
import os
import re
import shutil
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, ".results")  # run.py creates it before any section runs
SUMMARY = re.compile(r"^seed \d+: (\d+) exchanges, (\d+) failed", re.M)


def note(text):
    print(text, flush=True)


def fuzz_once(conform, vendor, examples):
    """Wall seconds, exchanges and peak RSS (KiB) of one fuzz run; raises on a failure."""
    start = time.perf_counter()
    run = subprocess.run(["/usr/bin/time", "-f", "%M", conform, "fuzz", vendor, "--seed", "1",
                          "--examples", str(examples)], capture_output=True, text=True,
                         timeout=600)
    wall = time.perf_counter() - start
    found = SUMMARY.search(run.stdout)
    if run.returncode != 0 or not found or found.group(2) != "0":
        raise RuntimeError("conform fuzz %s exited %d: %s"
                           % (vendor, run.returncode, (run.stdout + run.stderr)[-400:]))
    return wall, int(found.group(1)), int(run.stderr.strip().splitlines()[-1])


def write_dry_run_cases(conform, vendor, examples):
    """The fuzz run's requests as case files (one folder per vendor); their exchange count."""
    folder = os.path.join(RESULTS, "fuzz-cases")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, vendor))
    run = subprocess.run([conform, "fuzz", vendor, "--seed", "1", "--examples", str(examples),
                          "--dry-run"], capture_output=True, text=True, timeout=600, check=True)
    exchanges = 0
    for line in run.stdout.splitlines():
        entry = json.loads(line)
        exchanges += len(entry["case"]["steps"])
        with open(os.path.join(folder, vendor, "%06d.json" % entry["example"]), "w") as f:
            json.dump(entry["case"], f)
    return os.path.join(folder, vendor), exchanges


def bench_fuzz(args, rows, problems):
    vendor = "finix"
    examples = 2000 if args.quick else 10000
    rounds = 1 if args.quick else 3
    folder, replay_exchanges = write_dry_run_cases(args.conform, vendor, examples)
    fuzz_rates, replay_rates, rss = [], [], []
    for r in range(rounds):
        note("bench: fuzz round %d/%d: conform fuzz %s (%d examples)" % (r + 1, rounds, vendor,
                                                                         examples))
        try:
            wall, exchanges, kb = fuzz_once(args.conform, vendor, examples)
        except RuntimeError as e:
            problems.append(str(e))
            return
        fuzz_rates.append(exchanges / wall)
        rss.append(kb)
        note("bench: fuzz round %d/%d: conform replay of the same requests" % (r + 1, rounds))
        start = time.perf_counter()
        run = subprocess.run([args.conform, "replay", folder, "--report-dir",
                              os.path.join(RESULTS, "fuzz-replay-report")],
                             capture_output=True, text=True, timeout=600)
        replay_rates.append(replay_exchanges / (time.perf_counter() - start))
        if run.returncode != 0:
            problems.append("conform replay of the fuzz cases exited %d: %s"
                            % (run.returncode, (run.stdout + run.stderr)[-400:]))
    note("bench: fuzz: peak RSS at %d examples" % (examples * 10))
    try:
        _, _, big_kb = fuzz_once(args.conform, vendor, examples * 10)
    except RuntimeError as e:
        problems.append(str(e))
        return
    fuzz_rate = sorted(fuzz_rates)[len(fuzz_rates) // 2]
    replay_rate = sorted(replay_rates)[len(replay_rates) // 2]
    small_kb = sorted(rss)[len(rss) // 2]
    rows["fuzz"].append(["conform fuzz %s (embedded mock, every response validated)" % vendor,
                         examples, format(int(fuzz_rate), ","), "%.1f MB" % (small_kb / 1024)])
    rows["fuzz"].append(["conform replay of the same requests (embedded mock, reports written)",
                         examples, format(int(replay_rate), ","), ""])
    rows["fuzz"].append(["conform fuzz %s, 10x the examples" % vendor, examples * 10, "",
                         "%.1f MB" % (big_kb / 1024)])
    rows["targets"].append(("fuzz ≥ 5,000 exchanges/s", fuzz_rate / 5000.0, 1.0))
    rows["targets"].append(("fuzz RSS at 10x examples < 2x", 2.0, big_kb / small_kb))
