#!/usr/bin/env python3
"""conform mock under hostile clients: the latency of a normal request while 250 idle and 250
slowloris connections (a header byte a second) are open, against the same request with no
one else connected. Loopback only, bounded: 500 extra sockets, 200 timed requests each way.

usage: bench/hostile_mock.py [build/conform]
"""
import resource
import socket
import statistics
import subprocess
import sys
import threading
import time

REQUEST = (b"GET /users/USsRhsHYZGBPnQw8CByJyEQW HTTP/1.1\r\nHost: bench\r\n"
           b"Authorization: Basic bW9jay11c2VyOm1vY2stcGFzc3dvcmQ=\r\n"
           b"Finix-Version: 2022-02-01\r\nConnection: close\r\n\r\n")


def timed_request(port):
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(REQUEST)
        answer = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
    if not answer.startswith(b"HTTP/1.1 200"):
        raise SystemExit("unexpected answer: %r" % answer[:80])
    return (time.perf_counter() - started) * 1000


def percentiles(samples):
    ordered = sorted(samples)
    return (statistics.median(ordered), ordered[int(len(ordered) * 0.99) - 1], ordered[-1])


def main():
    conform = sys.argv[1] if len(sys.argv) > 1 else "build/conform"
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    mock = subprocess.Popen([conform, "mock", "--vendor", "finix", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(mock.stdout.readline().strip().rsplit(":", 1)[1])
        quiet = [timed_request(port) for _ in range(200)]
        idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(250)]
        slow = [socket.create_connection(("127.0.0.1", port)) for _ in range(250)]
        for s in slow:
            s.sendall(b"GET /users/x HTTP/1.1\r\nX-Slow: ")
        done = threading.Event()

        def trickle():
            while not done.wait(1.0):
                for s in slow:
                    s.send(b"a")

        trickler = threading.Thread(target=trickle)
        trickler.start()
        hostile = [timed_request(port) for _ in range(200)]
        done.set()
        trickler.join()
        for s in idle + slow:
            s.close()
    finally:
        mock.terminate()
        mock.wait(timeout=30)
    print("| clients besides the timed one | p50 ms | p99 ms | max ms |")
    print("|---|---|---|---|")
    for label, samples in (("none", quiet), ("250 idle + 250 slowloris", hostile)):
        print("| %s | %.2f | %.2f | %.2f |" % ((label,) + percentiles(samples)))


if __name__ == "__main__":
    main()
