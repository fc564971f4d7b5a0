#!/usr/bin/env python3
"""Time `conform validate` on one Finix request with 10,000 and 100,000 undocumented members.

Each member is one `additionalProperties` finding, placed in the source (line and column)
with --max-findings 0 (every finding reported) and with the default cap of 100. Placing
findings is one pass over the text, so the time grows linearly: the 100,000 / 10,000 ratio
must stay at or below 12 (it was quadratic: 20,000 members took 5 s, 40,000 took 40 s).

    python3 bench/findings_scale.py [path/to/conform]   (default: build/conform)
"""
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFORM = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "conform")
ROUNDS = 3


def payload(members):
    return "{" + ",".join(f'"m{i}":{i}' for i in range(members)) + "}"


def best_seconds(path, extra):
    best = None
    for _ in range(ROUNDS):
        start = time.perf_counter()
        done = subprocess.run([CONFORM, "validate", "finix", "request", "--quiet", *extra, path],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        if done.returncode != 1:
            sys.exit(f"expected exit 1 (invalid), got {done.returncode}")
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for members in (10_000, 100_000):
            files[members] = os.path.join(folder, f"{members}.json")
            with open(files[members], "w") as out:
                out.write(payload(members))
        for label, extra in (("--max-findings 0", ["--max-findings", "0"]), ("default (100)", [])):
            small = best_seconds(files[10_000], extra)
            large = best_seconds(files[100_000], extra)
            ratio = large / small
            verdict = "ok" if ratio <= 12 else "TOO STEEP"
            print(f"{label:18} 10,000: {small:6.3f} s   100,000: {large:6.3f} s   "
                  f"ratio {ratio:5.1f} (<= 12: {verdict})")


if __name__ == "__main__":
    main()
