"""The bench's proxy section (imported by run.py): `conform proxy` in front of `conform mock`
under wrk, beside the mock directly, in the same run: requests per second, p50 and p99, the
latency the proxy adds, and the proxy's peak memory as the requests add up."""
import os
import subprocess

from serve_bench import (check_one_put, free_port, median_wrk_rows, note, run_wrk,
                         start_conform_mock, stop, wait_for_port)


def start_proxy(conform, mock_port, report_dir):
    port = free_port()
    process = subprocess.Popen(
        [conform, "proxy", "--vendor", "finix", "--target", "http://127.0.0.1:%d" % mock_port,
         "--port", str(port), "--report-dir", report_dir],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not wait_for_port(port):
        stop(process)
        raise RuntimeError("conform proxy did not start")
    return process, port


def peak_rss_mb(pid):
    """VmHWM of a running process (conform proxy hands over to conform-full: same pid)."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def bench_proxy(args, rows, problems):
    seconds = 4 if args.quick else 10
    rounds = 1 if args.quick else 3
    mock, mock_port = start_conform_mock(args.conform)
    report_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".results",
                              "proxy-report")
    try:
        proxy, proxy_port = start_proxy(args.conform, mock_port, report_dir)
    except RuntimeError as e:
        stop(mock)
        problems.append(str(e))
        return
    # Three loads: 32 connections as fast as they go (throughput: the CPU is the limit, and
    # by Little's law the latency of a full queue grows as the rate falls, so this p99 says
    # little about the proxy's own cost); 8 connections pausing 2 ms after each response
    # (a set load of some 3,600 requests/s, below what either path can serve: the latency a
    # busy application sees added); one connection (one exchange's latency).
    loads = ((", 32 connections", dict(threads=2, connections=32)),
             (", 8 connections, 2 ms pauses", dict(threads=2, connections=8, pause_ms=2)),
             (", one connection", dict(threads=1, connections=1)))
    paths = (("conform mock, direct", mock_port), ("through conform proxy", proxy_port))
    results = {path + load: [] for path, _ in paths for load, _ in loads}
    memory = []
    try:
        for name, port in paths:
            status, body = check_one_put(port)
            if status != 200 or body.get("enabled") is not True:
                problems.append("%s answered the bench PUT with %d" % (name, status))
        run_wrk(proxy_port, 2)  # warm-up: threads, connections, the schemas' first use
        memory.append(peak_rss_mb(proxy.pid))
        for r in range(rounds):
            # Direct and proxied alternate, so both see the same machine.
            for name, port in paths:
                note("bench: proxy round %d/%d: %s" % (r + 1, rounds, name))
                for load, wrk_options in loads:
                    results[name + load].append(run_wrk(port, seconds, **wrk_options))
            memory.append(peak_rss_mb(proxy.pid))
    except Exception as e:
        problems.append("proxy: %s" % e)
    finally:
        stop(proxy)
        stop(mock)
    med = median_wrk_rows(results, rows["proxy"], problems)
    if len(med) == len(results):
        def added_p99(load):
            return med["through conform proxy" + load][2] - med["conform mock, direct" + load][2]
        for load, _ in loads:
            rows["targets"].append(("proxy adds < 1 ms at p99 (%s)" % load[2:], 1.0,
                                    added_p99(load)))
        rows["targets"].append(("proxy ≥ 0.5× direct requests/s (32 connections)",
                                med["through conform proxy, 32 connections"][0] /
                                med["conform mock, direct, 32 connections"][0], 0.5))
    if len(memory) >= 2:
        rows["proxy"].append(["proxy peak RSS after warm-up, then after each round",
                              " / ".join("%.1f MB" % m for m in memory), "", "", ""])
        # Bounded: the rounds after the first add no more than a few MB however many requests.
        rows["targets"].append(("proxy peak RSS growth after round 1 < 8 MB", 8.0,
                                memory[-1] - memory[1]))
