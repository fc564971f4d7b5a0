"""The bench's proxy section (imported by run.py): `conform proxy` in front of `conform mock`
under wrk, beside the mock directly, in the same run: requests per second, p50 and p99, the
latency the proxy adds, and the proxy's peak memory as the requests add up."""
import os
import re
import subprocess

from serve_bench import (USER_ID, check_one_put, free_port, median_wrk_rows, note,
                         parse_duration_ms, run_wrk, start_conform_mock, stop, wait_for_port,
                         wrk_script)


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


def run_wrk_one_connection(port, seconds):
    """wrk -t1 -c1: each request waits for the one before, so p50 and p99 are the latency of
    one exchange, not of a queue."""
    url = "http://127.0.0.1:%d/users/%s" % (port, USER_ID)
    out = subprocess.run(["wrk", "-t1", "-c1", "-d%ds" % seconds, "--latency", "-s", wrk_script(),
                          url], capture_output=True, text=True, timeout=seconds + 60).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = parse_duration_ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = parse_duration_ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, p50, p99, int(bad.group(1)) if bad else 0, out


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
    results = {"conform mock, direct": [], "through conform proxy": [],
               "conform mock, direct, one connection": [],
               "through conform proxy, one connection": []}
    memory = []
    try:
        for name, port in (("conform mock, direct", mock_port),
                           ("through conform proxy", proxy_port)):
            status, body = check_one_put(port)
            if status != 200 or body.get("enabled") is not True:
                problems.append("%s answered the bench PUT with %d" % (name, status))
        run_wrk(proxy_port, 2)  # warm-up: threads, connections, the schemas' first use
        memory.append(peak_rss_mb(proxy.pid))
        for r in range(rounds):
            # Direct and proxied alternate, so both see the same machine.
            for name, port in (("conform mock, direct", mock_port),
                               ("through conform proxy", proxy_port)):
                note("bench: proxy round %d/%d: %s" % (r + 1, rounds, name))
                results[name].append(run_wrk(port, seconds))
                results[name + ", one connection"].append(run_wrk_one_connection(port, seconds))
            memory.append(peak_rss_mb(proxy.pid))
    except Exception as e:
        problems.append("proxy: %s" % e)
    finally:
        stop(proxy)
        stop(mock)
    med = median_wrk_rows(results, rows["proxy"], problems)
    if len(med) == 4:
        direct, proxied = med["conform mock, direct"], med["through conform proxy"]
        one, one_proxied = (med["conform mock, direct, one connection"],
                            med["through conform proxy, one connection"])
        rows["targets"].append(("proxy adds < 1 ms at p99 (-c32)", 1.0, proxied[2] - direct[2]))
        rows["targets"].append(("proxy adds < 1 ms at p99 (one connection)", 1.0,
                                one_proxied[2] - one[2]))
        rows["targets"].append(("proxy ≥ 0.5× direct requests/s (-c32)", proxied[0] / direct[0],
                                0.5))
    if len(memory) >= 2:
        rows["proxy"].append(["proxy peak RSS after warm-up, then after each round",
                              " / ".join("%.1f MB" % m for m in memory), "", "", ""])
        # Bounded: the rounds after the first add no more than a few MB however many requests.
        rows["targets"].append(("proxy peak RSS growth after round 1 < 8 MB", 8.0,
                                memory[-1] - memory[1]))
