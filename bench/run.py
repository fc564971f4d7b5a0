#!/usr/bin/env python3
"""conform beside its peers, in one run: offline validation (ajv 8 + ajv-formats, Blaze CLI,
python3-jsonschema), --jobs scaling against the machine's capacity, many one-payload files
(XML, form, JSON; beside xmllint and ajv), peak memory on a large stream, start-up, the mock
(Prism) and replay (newman). Each tool runs alternately with the others on the same input,
every tool's counts are checked against what the corpus holds, and one table of medians and
ratios is printed (and written to bench/.results/latest.md).

usage: run.py --conform BIN [--quick] [--only validate,files,memory,startup,mock,proxy,replay,fuzz]
"""
import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PEERS = os.path.join(HERE, ".peers", "node_modules")
RESULTS = os.path.join(HERE, ".results")
SCHEMAS = os.path.join(REPO, "schemas")
SYSTEM_PYTHON = "/usr/bin/python3"  # python3-jsonschema is a Debian package
# conform --jobs 1, --jobs 2 and two --jobs 1 side by side run this many times in each round.
PAIRS_PER_ROUND = 3
SUMMARY = re.compile(r"(\d+) payloads?: (\d+) valid, (\d+) invalid")
BLAZE_SUMMARY = re.compile(r"(\d+) validated, (\d+) passed, (\d+) failed")

# Formats each validator leaves unchecked in draft-07 (measured: bench/README.md). "uuid"
# only entered the spec in 2019-09, so Blaze ignores it in a draft-07 schema; Debian's
# python3-jsonschema checks date-time only with a package Debian does not install.
SKIPPED_FORMATS = {"conform": set(), "ajv": set(), "blaze": {"uuid"}, "python": {"date-time"}}


def note(text):
    print(text, file=sys.stderr, flush=True)


class Run:
    """One timed process: wall and CPU seconds, peak RSS, its output."""

    def __init__(self, wall, cpu, rss_kb, out, code):
        self.wall, self.cpu, self.rss_kb, self.out, self.code = wall, cpu, rss_kb, out, code


def timed(command, stdin=None, cwd=None):
    """Runs `command` under /usr/bin/time, which reports its peak RSS (the same counter as
    `/usr/bin/time -v`; a child forked from this Python would inherit Python's high-water
    mark). Wall and CPU time (user + system, from wait4) at microsecond resolution. Output
    goes to a temporary file, not a pipe the bench would have to drain while timing."""
    with tempfile.TemporaryFile("w+") as out, tempfile.NamedTemporaryFile("r") as stats:
        start = time.perf_counter()
        process = subprocess.Popen(["/usr/bin/time", "-o", stats.name, "-f", "%M"] + command,
                                   stdin=stdin, stdout=out, stderr=subprocess.STDOUT, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read()
        lines = stats.read().split()
        rss = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    return Run(wall, usage.ru_utime + usage.ru_stime, rss, text, process.returncode)


def median(values):
    return statistics.median(values) if values else float("nan")


def fmt_rate(x):
    return "%s/s" % format(int(round(x)), ",") if x == x else "—"


def fmt_mb(kb):
    return "%.0f MB" % (kb / 1024.0) if kb else "—"


# ---------------------------------------------------------------- corpora


def corpora(args):
    sizes = (20000, 6000) if args.quick else (100000, 30000)
    folder = os.path.join(HERE, ".corpora", "%d-%d" % sizes)
    stamp = os.path.join(folder, "stamp")
    generator = os.path.join(HERE, "make_corpora.py")
    want = "%s %d" % (sizes, int(os.path.getmtime(generator)))
    if not os.path.exists(stamp) or open(stamp).read() != want:
        note("bench: generating corpora in %s" % folder)
        subprocess.check_call([sys.executable, generator, folder, SCHEMAS,
                               "--finix", str(sizes[0]), "--nexudus", str(sizes[1])])
        with open(stamp, "w") as f:
            f.write(want)
    return folder


def expected_invalid(meta, tool):
    skipped = SKIPPED_FORMATS[tool]
    return sum(n for reason, n in meta["invalid_by_reason"].items()
               if not (reason.startswith("format:") and reason[7:] in skipped))


# ---------------------------------------------------------------- offline validation


def validators(conform, vendor, corpus):
    schema = os.path.join(SCHEMAS, vendor, "request.schema.json")
    blaze = os.path.join(PEERS, ".bin", "jsonschema")
    # Blaze picks line-by-line mode from the .jsonl name.
    jsonl = corpus.replace(".ndjson", ".jsonl")
    if not os.path.exists(jsonl) or not os.path.samefile(corpus, jsonl):
        if os.path.lexists(jsonl):
            os.remove(jsonl)
        os.link(corpus, jsonl)  # Blaze resolves a symbolic link to its target's name
    return [
        ("conform --jobs 1", "conform",
         [conform, "validate", vendor, "request", "--ndjson", "--quiet", "--jobs", "1", corpus]),
        ("conform --jobs 2", "conform",
         [conform, "validate", vendor, "request", "--ndjson", "--quiet", "--jobs", "2", corpus]),
        ("ajv 8 + ajv-formats", "ajv",
         ["node", os.path.join(HERE, "peers", "ajv_validate.js"), schema, corpus]),
        ("Blaze CLI --fast -F", "blaze",
         [blaze, "validate", schema, jsonl, "--fast", "-F", "-c"]),
        ("python3-jsonschema", "python",
         [SYSTEM_PYTHON, os.path.join(HERE, "peers", "jsonschema_validate.py"), schema, corpus]),
    ]


def counts(run):
    match = SUMMARY.search(run.out)
    if match:
        return int(match.group(1)), int(match.group(3))
    match = BLAZE_SUMMARY.search(run.out)
    if match:
        return int(match.group(1)), int(match.group(3))
    return None


def bench_validate(args, folder, rows, problems):
    rounds = 2 if args.quick else 3
    for vendor in ("finix", "nexudus"):
        corpus = os.path.join(folder, vendor + ".ndjson")
        meta = json.load(open(os.path.join(folder, vendor + ".meta.json")))
        tools = validators(args.conform, vendor, corpus)
        runs = {name: [] for name, _, _ in tools}
        # conform's two runs and the machine's capacity come in adjacent triples, several per
        # round: a triple shares the machine's state of the moment (here the second core's
        # speed moves by 40% from one minute to the next), so --jobs 2 is judged against what
        # the cores gave in the same minute.
        worst = None
        for r in range(rounds):
            speedups, capacities, shares = [], [], []
            for name, kind, command in tools[:2] * PAIRS_PER_ROUND + tools[2:]:
                note("bench: validate %s, round %d/%d: %s" % (vendor, r + 1, rounds, name))
                run = timed(command)
                got = counts(run)
                want = (meta["payloads"], expected_invalid(meta, kind))
                if got != want:
                    problems.append("%s on %s: counted %s (payloads, invalid), expected %s; "
                                    "output: %s" % (name, vendor, got, want, run.out[-300:]))
                runs[name].append(run)
                if name == "conform --jobs 2":
                    alone = runs["conform --jobs 1"][-1].wall
                    together = side_by_side(tools[0][2])
                    speedups.append(alone / run.wall)
                    capacities.append(2 * alone / together)
                    # speed-up ÷ capacity: one process's two jobs against two processes
                    shares.append(together / (2 * run.wall))
            share = median(shares)
            worst = share if worst is None else min(worst, share)
            rows["scaling"].append([vendor, "%d of %d" % (r + 1, rounds),
                                    "%.2f×" % median(speedups), "%.2f×" % median(capacities),
                                    "%.2f" % share])
        n = meta["payloads"]
        base = runs["conform --jobs 1"]
        ajv = runs["ajv 8 + ajv-formats"]
        for name, kind, _ in tools:
            rs = runs[name]
            wall_rate = n / median([x.wall for x in rs])
            cpu_rate = n / median([x.cpu for x in rs])
            ratio_ajv = median([a.cpu for a in ajv]) / median([x.cpu for x in rs])
            note_text = ""
            if kind != "conform" and SKIPPED_FORMATS[kind]:
                note_text = "skips format " + ", ".join(sorted(SKIPPED_FORMATS[kind]))
            rows["validate"].append([
                vendor, name, fmt_rate(wall_rate), fmt_rate(cpu_rate),
                "%.2f×" % ratio_ajv, fmt_mb(median([x.rss_kb for x in rs])), note_text])
        rows["targets"].append(("validate %s ≥ 3× ajv+ajv-formats (one job, CPU time)" % vendor,
                                median([a.cpu for a in ajv]) / median([x.cpu for x in base]), 3.0))
        rows["targets"].append((
            "validate %s --jobs 2: speed-up ≥ 0.9 of the two-core capacity in every round "
            "(the worst round; each round the median of %d triples)" % (vendor, PAIRS_PER_ROUND),
            worst, 0.9))


def side_by_side(command):
    """Wall seconds of two copies of `command` side by side. Against one copy alone, how many
    cores the bench really gets at the moment: 2 × alone ÷ this is 2.0 on an idle 2-core
    machine."""
    start = time.perf_counter()
    pair = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(2)]
    for process in pair:
        process.wait()
    return time.perf_counter() - start


# ---------------------------------------------------------------- many files


def file_sets(args):
    count = 2000 if args.quick else 10000
    folder = os.path.join(HERE, ".corpora", "files-%d" % count)
    stamp = os.path.join(folder, "stamp")
    generators = [os.path.join(HERE, name) for name in ("make_files.py", "make_corpora.py")]
    want = "%d %s" % (count, [int(os.path.getmtime(g)) for g in generators])
    if not os.path.exists(stamp) or open(stamp).read() != want:
        note("bench: generating %d files per set in %s" % (count, folder))
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.check_call([sys.executable, generators[0], folder, str(count)])
        # The JSON set again as one NDJSON stream: what a file costs beyond its payload.
        directory = os.path.join(folder, "finix-json")
        with open(os.path.join(folder, "finix-json.ndjson"), "wb") as out:
            for name in sorted(os.listdir(directory)):
                out.write(open(os.path.join(directory, name), "rb").read() + b"\n")
        with open(stamp, "w") as f:
            f.write(want)
    return folder


def bench_files(args, rows, problems):
    """One call over a folder of one-payload files (`conform validate V M dir/*`), beside
    xmllint --noout (parse only: the ceiling for XML) and ajv reading the same JSON files."""
    folder = file_sets(args)
    rounds = 2 if args.quick else 3
    conform = args.conform
    for set_name, vendor, extension in (("msp360-xml", "msp360", "xml"),
                                        ("maiascore-form", "maiascore", "form"),
                                        ("finix-json", "finix", "json")):
        meta = json.load(open(os.path.join(folder, set_name + ".meta.json")))
        files = [os.path.join(set_name, name)
                 for name in sorted(os.listdir(os.path.join(folder, set_name)))]
        n = len(files)
        invalid = sum(meta["invalid_by_reason"].values())
        tools = [("conform --jobs 1", [conform, "validate", vendor, "request", "--quiet",
                                       "--jobs", "1"] + files),
                 ("conform --jobs 2", [conform, "validate", vendor, "request", "--quiet",
                                       "--jobs", "2"] + files)]
        if extension == "xml":
            tools.append(("xmllint --noout (parse only)", ["xmllint", "--noout"] + files))
        if extension == "json":
            schema = os.path.join(SCHEMAS, vendor, "request.schema.json")
            tools.append(("ajv 8 + ajv-formats", ["node", os.path.join(
                HERE, "peers", "ajv_validate_files.js"), schema] + files))
            tools.append(("conform --jobs 1, the same payloads as NDJSON lines",
                          [conform, "validate", vendor, "request", "--quiet", "--jobs", "1",
                           "--ndjson", set_name + ".ndjson"]))
        runs = {name: [] for name, _ in tools}
        for r in range(rounds):
            for name, command in tools:
                note("bench: files %s, round %d/%d: %s" % (set_name, r + 1, rounds, name))
                run = timed(command, cwd=folder)
                if name.startswith("xmllint"):
                    got = (n, 0) if run.code == 0 and not run.out.strip() else None
                    want = (n, 0)  # well-formed, every one: xmllint checks no schema
                else:
                    got, want = counts(run), (n, invalid)
                if got != want:
                    problems.append("%s on %s: counted %s (files, invalid), expected %s; "
                                    "output: %s" % (name, set_name, got, want, run.out[-300:]))
                runs[name].append(run)
        cpu = {name: median([x.cpu for x in rs]) for name, rs in runs.items()}
        for name, rs in runs.items():
            rows["files"].append([set_name, name, fmt_rate(n / median([x.wall for x in rs])),
                                  fmt_rate(n / cpu[name]), "%.1f µs" % (cpu[name] / n * 1e6),
                                  fmt_mb(median([x.rss_kb for x in rs]))])
        one = cpu["conform --jobs 1"]
        if extension == "xml":
            rows["targets"].append(("files %s ≥ 0.5× xmllint --noout's files/s (one job, CPU "
                                    "time)" % set_name, cpu["xmllint --noout (parse only)"] / one,
                                    0.5))
        if extension == "json":
            rows["targets"].append(("files %s ≥ 3× ajv+ajv-formats (one job, CPU time)"
                                    % set_name, cpu["ajv 8 + ajv-formats"] / one, 3.0))
            lines = cpu["conform --jobs 1, the same payloads as NDJSON lines"]
            rows["targets"].append(("files: overhead per file < 10 µs (%s: %d files against "
                                    "the same payloads as NDJSON lines, CPU)" % (set_name, n),
                                    10.0, (one - lines) / n * 1e6))


def bench_memory(args, folder, rows, problems):
    """Peak RSS of conform while it streams a large NDJSON file from a pipe."""
    corpus = os.path.join(folder, "nexudus.ndjson")
    copies = 2 if args.quick else 20
    size = os.path.getsize(corpus) * copies
    meta = json.load(open(os.path.join(folder, "nexudus.meta.json")))
    command = ("for i in $(seq %d); do cat %s; done | %s validate nexudus request --ndjson "
               "--quiet --jobs 2 -") % (copies, corpus, args.conform)
    note("bench: memory, %d MB through a pipe" % (size >> 20))
    # /usr/bin/time around the whole pipeline would count the shell; time conform alone.
    run = timed(["bash", "-c", command.replace("| " + args.conform,
                                               "| /usr/bin/time -f 'RSS %M' " + args.conform)])
    rss = re.search(r"RSS (\d+)", run.out)
    got = counts(run)
    want = (meta["payloads"] * copies, expected_invalid(meta, "conform") * copies)
    if got != want:
        problems.append("memory run counted %s, expected %s" % (got, want))
    rss_kb = int(rss.group(1)) if rss else 0
    rows["memory"].append(["conform --jobs 2, %d MB of NDJSON on stdin" % (size >> 20),
                           fmt_mb(rss_kb), fmt_rate(want[0] / run.wall)])
    rows["targets"].append(("peak RSS < 32 MB streaming %d MB" % (size >> 20), 32.0,
                            rss_kb / 1024.0))


def bench_startup(args, rows, problems):
    example = os.path.join(SCHEMAS, "finix", "examples", "request.valid.disable.json")
    runs = []
    for _ in range(10 if args.quick else 30):
        run = timed([args.conform, "validate", "finix", "request", example])
        runs.append(run)
        if run.code != 0:
            problems.append("start-up run exited %d: %s" % (run.code, run.out[-200:]))
            break
    node = [timed(["node", "-e", "0"]) for _ in range(5)]
    wall = median([r.wall for r in runs]) * 1000
    cpu = median([r.cpu for r in runs]) * 1000
    rows["startup"].append(["conform validate finix request (one small file)", "%.1f ms" % wall,
                            "%.1f ms" % (min(r.wall for r in runs) * 1000), "%.1f ms" % cpu])
    rows["startup"].append(["node -e 0 (the floor of every npm peer)",
                            "%.1f ms" % (median([r.wall for r in node]) * 1000),
                            "%.1f ms" % (min(r.wall for r in node) * 1000),
                            "%.1f ms" % (median([r.cpu for r in node]) * 1000)])
    rows["targets"].append(("start-up < 20 ms (median wall)", 20.0, wall))
    rows["targets"].append(("start-up < 20 ms (median CPU)", 20.0, cpu))


# ---------------------------------------------------------------- table


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()
    return "%s, %d cores, %s, load average %.1f at the end" % (
        cpu, os.cpu_count(), platform.platform(), load[0])


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def report(rows, problems, args, started):
    out = ["# conform beside its peers (%s)" % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
           "", "Machine: " + machine() + ".", ""]
    if rows["validate"]:
        out += ["## Offline validation (whole process, parse included, formats asserted)", "",
                "Payloads per second, median of the runs. CPU = user + system time: on a shared "
                "machine it is the fairer measure for one job; wall is what a user waits.", "",
                table(["corpus", "tool", "wall", "CPU", "ajv CPU ÷ tool CPU", "peak RSS", "note"],
                      rows["validate"]), ""]
    if rows["scaling"]:
        out += ["## --jobs 2 against the machine's two-core capacity", "",
                "Per round: the speed-up of --jobs 2 over --jobs 1, and the capacity (two "
                "--jobs 1 side by side against one after the other: 2.00× on an idle 2-core "
                "machine), each the median of the round's adjacent triples; their ratio is what "
                "--jobs 2 made of the cores it had.", "",
                table(["corpus", "round", "--jobs 2 speed-up", "capacity", "ratio"],
                      rows["scaling"]), ""]
    if rows["files"]:
        out += ["## Many files in one call (one payload per file)", "",
                "Files per second, median of the runs; CPU = user + system, and per file.", "",
                table(["files", "tool", "wall", "CPU", "CPU per file", "peak RSS"],
                      rows["files"]), ""]
    if rows["memory"]:
        out += ["## Memory on a large stream", "",
                table(["run", "peak RSS", "wall throughput"], rows["memory"]), ""]
    if rows["startup"]:
        out += ["## Start-up", "", table(["command", "wall (median)", "wall (best)", "CPU (median)"],
                                      rows["startup"]), ""]
    if rows["mock"]:
        out += ["## Mock (wrk -t2 -c32, valid Finix PUT, 127.0.0.1)", "",
                table(["server", "requests/s", "p50", "p99", "errors / non-2xx"], rows["mock"]), ""]
    if rows["proxy"]:
        out += ["## Proxy (valid Finix PUT, conform proxy in front of conform mock)", "",
                "wrk -t2 -c32 (throughput), wrk -t2 -c8 with a 2 ms pause after each response "
                "(a set load below both paths' capacity: the latency the proxy adds), and "
                "wrk -t1 -c1 (one exchange's latency); direct and proxied alternate in each "
                "round; medians of the rounds.", "",
                table(["path", "requests/s", "p50", "p99", "errors / non-2xx"], rows["proxy"]),
                ""]
    if rows["replay"]:
        out += ["## Replay against the mock", "",
                table(["runner", "cases", "seconds", "cases/s"], rows["replay"]), ""]
    if rows["fuzz"]:
        out += ["## Fuzz against the embedded mock", "",
                table(["runner", "examples", "exchanges/s", "peak RSS"], rows["fuzz"]), ""]
    out += ["## Targets", ""]
    target_rows = []
    for name, a, b in rows["targets"]:
        if "<" in name:  # (name, limit, measured)
            target_rows.append([name, "%.1f" % b, "met" if b < a else "NOT MET"])
        else:  # (name, measured, minimum)
            target_rows.append([name, "%.2f×" % a, "met" if a >= b else "NOT MET"])
    out += [table(["target", "measured", ""], target_rows), ""]
    if problems:
        out += ["## Problems", ""] + ["- " + p for p in problems] + [""]
    out += ["Whole bench: %.0f s%s." % (time.time() - started, " (--quick)" if args.quick else "")]
    text = "\n".join(out)
    with open(os.path.join(RESULTS, "latest.md"), "w") as f:
        f.write(text + "\n")
    print(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--conform", required=True)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only",
                        default="validate,files,memory,startup,mock,proxy,replay,fuzz")
    args = parser.parse_args()
    args.conform = os.path.abspath(args.conform)
    only = set(args.only.split(","))
    os.makedirs(RESULTS, exist_ok=True)  # every section may write its inputs there
    started = time.time()
    rows = {k: [] for k in ("validate", "scaling", "files", "memory", "startup", "mock",
                            "proxy", "replay", "fuzz", "targets")}
    problems = []
    folder = corpora(args) if only & {"validate", "memory"} else None
    if "validate" in only:
        bench_validate(args, folder, rows, problems)
    if "files" in only:
        bench_files(args, rows, problems)
    if "memory" in only:
        bench_memory(args, folder, rows, problems)
    if "startup" in only:
        bench_startup(args, rows, problems)
    if "mock" in only or "replay" in only:
        import serve_bench  # bench/serve_bench.py: the mock and replay sections
        if "mock" in only:
            serve_bench.bench_mock(args, rows, problems)
        if "replay" in only:
            serve_bench.bench_replay(args, rows, problems)
    if "fuzz" in only:
        import fuzz_bench  # bench/fuzz_bench.py: conform fuzz beside conform replay
        fuzz_bench.bench_fuzz(args, rows, problems)
    if "proxy" in only:
        import proxy_bench  # bench/proxy_bench.py: conform proxy in front of the mock
        proxy_bench.bench_proxy(args, rows, problems)
    report(rows, problems, args, started)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
