"""The bench's server half (imported by run.py): `conform mock` beside Prism's mock under
wrk, and `conform replay` beside newman against the same mock."""
import base64
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PEERS_BIN = os.path.join(HERE, ".peers", "node_modules", ".bin")
RESULTS = os.path.join(HERE, ".results")  # run.py creates it before any section runs
SCHEMAS = os.path.join(REPO, "schemas")

# The Finix mock's own fixtures (schemas/finix/vendor.json, "mock"): a seeded user and the
# test credentials anyone can read in the manifest (not secrets).
USER_ID = "USsRhsHYZGBPnQw8CByJyEQW"
BODY = '{"enabled":true,"tags":{"team":"integrations","order_number":"25"}}'


def note(text):
    print(text, flush=True, file=__import__("sys").stderr)


def test_credentials():
    manifest = json.load(open(os.path.join(SCHEMAS, "finix", "vendor.json")))
    credentials = manifest["mock"]["credentials"][0]
    pair = "%s:%s" % (credentials["username"], credentials["password"])
    return "Basic " + base64.b64encode(pair.encode()).decode()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start_conform_mock(conform):
    port = free_port()
    process = subprocess.Popen([conform, "mock", "--vendor", "finix", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not wait_for_port(port):
        stop(process)
        raise RuntimeError("conform mock did not start")
    return process, port


def openapi_document():
    """Finix's PUT /users/{user_id} as OpenAPI 3.1, from the same schemas conform serves."""
    def schema(name):
        value = json.load(open(os.path.join(SCHEMAS, "finix", name)))
        value.pop("$schema", None)
        return value

    example = json.load(open(os.path.join(SCHEMAS, "finix", "examples",
                                          "response-200.valid.full.json")))
    return {
        "openapi": "3.1.0",
        "info": {"title": "finix (conform bench)", "version": "2022-02-01"},
        "servers": [{"url": "/"}],
        "components": {"securitySchemes": {"basic": {"type": "http", "scheme": "basic"}}},
        "security": [{"basic": []}],
        "paths": {"/users/{user_id}": {"put": {
            "operationId": "updateUser",
            "parameters": [
                {"name": "user_id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "Finix-Version", "in": "header", "required": True,
                 "schema": {"type": "string"}}],
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": schema("request.schema.json")}}},
            "responses": {
                "200": {"description": "the user", "content": {"application/json": {
                    "schema": schema("response-200.schema.json"), "example": example}}}},
        }}},
    }


def start_prism():
    spec = os.path.join(RESULTS, "finix.openapi.json")
    with open(spec, "w") as f:
        json.dump(openapi_document(), f)
    port = free_port()
    process = subprocess.Popen([os.path.join(PEERS_BIN, "prism"), "mock", spec, "-h",
                                "127.0.0.1", "-p", str(port), "-v", "silent"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not wait_for_port(port, 120):
        stop(process)
        raise RuntimeError("prism mock did not start")
    return process, port


def wrk_script(pause_ms=0):
    """The bench PUT for wrk; with pause_ms, each connection waits that long after each
    response (wrk's delay()), so the load is set by the bench, not by the server's speed."""
    path = os.path.join(RESULTS, "finix-put-paused-%d.lua" % pause_ms if pause_ms
                        else "finix-put.lua")
    with open(path, "w") as f:
        f.write('wrk.method = "PUT"\n')
        f.write("wrk.body = %s\n" % json.dumps(BODY))
        f.write('wrk.headers["Content-Type"] = "application/json"\n')
        f.write('wrk.headers["Finix-Version"] = "2022-02-01"\n')
        f.write('wrk.headers["Authorization"] = "%s"\n' % test_credentials())
        if pause_ms:
            f.write("function delay() return %d end\n" % pause_ms)
    return path


def parse_duration_ms(text):
    number, unit = float(re.match(r"[\d.]+", text).group(0)), re.sub(r"[\d.]", "", text)
    return number * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(port, seconds, threads=2, connections=32, pause_ms=0):
    url = "http://127.0.0.1:%d/users/%s" % (port, USER_ID)
    out = subprocess.run(["wrk", "-t%d" % threads, "-c%d" % connections, "-d%ds" % seconds,
                          "--latency", "-s", wrk_script(pause_ms), url],
                         capture_output=True, text=True, timeout=seconds + 60).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = parse_duration_ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = parse_duration_ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    errors = int(bad.group(1)) if bad else 0
    if socket_errors:
        errors += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    return rate, p50, p99, errors, out


def check_one_put(port):
    """The request wrk repeats must succeed (a 401 served fast proves nothing)."""
    import urllib.request
    request = urllib.request.Request(
        "http://127.0.0.1:%d/users/%s" % (port, USER_ID), data=BODY.encode(), method="PUT",
        headers={"Content-Type": "application/json", "Finix-Version": "2022-02-01",
                 "Authorization": test_credentials()})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read())


def median_wrk_rows(results, table, problems):
    """Each tool's median wrk run (by requests/s) as a table row; {name: run} for the targets."""
    med = {}
    for name, runs in results.items():
        if not runs:
            continue
        runs.sort(key=lambda x: x[0])
        mid = runs[len(runs) // 2]
        med[name] = mid
        table.append([name, format(int(mid[0]), ","), "%.2f ms" % mid[1], "%.2f ms" % mid[2],
                      str(mid[3])])
        if mid[3]:
            problems.append("%s: %d errors or non-2xx responses under wrk" % (name, mid[3]))
    return med


def bench_mock(args, rows, problems):
    seconds = 4 if args.quick else 10
    rounds = 1 if args.quick else 2
    results = {"conform mock": [], "prism mock -v silent": []}
    for r in range(rounds):
        for name in results:
            note("bench: mock round %d/%d: %s" % (r + 1, rounds, name))
            try:
                process, port = start_conform_mock(args.conform) if name == "conform mock" \
                    else start_prism()
            except RuntimeError as e:
                problems.append(str(e))
                continue
            try:
                status, body = check_one_put(port)
                if status != 200 or (name == "conform mock" and body.get("enabled") is not True):
                    problems.append("%s answered the bench PUT with %d" % (name, status))
                results[name].append(run_wrk(port, seconds))
            except Exception as e:  # a peer that breaks must not hide conform's numbers
                problems.append("%s: %s" % (name, e))
            finally:
                stop(process)
    med = median_wrk_rows(results, rows["mock"], problems)
    if "conform mock" in med:
        rows["targets"].append(("mock p99 < 5 ms", 5.0, med["conform mock"][2]))
    if len(med) == 2:
        rows["targets"].append(("mock ≥ 6× prism mock -v silent",
                                med["conform mock"][0] / med["prism mock -v silent"][0], 6.0))


# ---------------------------------------------------------------- replay


def write_replay_cases(count):
    """`count` one-step Finix cases in a folder of their own: a valid PUT each, its response
    validated against the schema and one assertion checked."""
    folder = os.path.join(RESULTS, "replay-cases")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "finix"))
    for i in range(count):
        case = {
            "name": "bench update %d" % i,
            "vendor": "finix",
            "steps": [{
                "method": "PUT", "path": "/users/${user_id}", "name": "update",
                "body": {"enabled": i % 2 == 0, "tags": {"bench": str(i)}},
                "expect": {"status": 200,
                           "assert": [{"pointer": "/enabled", "equals": i % 2 == 0}]},
            }],
        }
        with open(os.path.join(folder, "finix", "bench-%05d.json" % i), "w") as f:
            json.dump(case, f)
    return os.path.join(folder, "finix")


def postman_collection(count, port):
    """The same requests as a Postman collection for newman, with the same checks."""
    items = []
    for i in range(count):
        enabled = "true" if i % 2 == 0 else "false"
        items.append({
            "name": "bench update %d" % i,
            "request": {
                "method": "PUT",
                "url": "http://127.0.0.1:%d/users/%s" % (port, USER_ID),
                "header": [{"key": "Content-Type", "value": "application/json"},
                           {"key": "Finix-Version", "value": "2022-02-01"},
                           {"key": "Authorization", "value": test_credentials()}],
                "body": {"mode": "raw",
                         "raw": '{"enabled":%s,"tags":{"bench":"%d"}}' % (enabled, i)},
            },
            "event": [{"listen": "test", "script": {"exec": [
                "pm.test('status', () => pm.response.to.have.status(200));",
                "pm.test('enabled', () => pm.expect(pm.response.json().enabled).to.eql(%s));"
                % enabled]}}],
        })
    path = os.path.join(RESULTS, "finix.postman_collection.json")
    with open(path, "w") as f:
        json.dump({"info": {"name": "conform bench", "schema":
                            "https://schema.getpostman.com/json/collection/v2.1.0/"
                            "collection.json"}, "item": items}, f)
    return path


def bench_replay(args, rows, problems):
    cases = 500 if args.quick else 2000
    newman_cases = 60 if args.quick else 200
    folder = write_replay_cases(cases)
    report_dir = os.path.join(RESULTS, "replay-report")
    rounds = 1 if args.quick else 3
    conform_times, newman_times = [], []
    for r in range(rounds):
        note("bench: replay round %d/%d: conform replay (%d cases)" % (r + 1, rounds, cases))
        start = time.perf_counter()
        run = subprocess.run([args.conform, "replay", folder, "--report-dir", report_dir],
                             capture_output=True, text=True, timeout=600)
        conform_times.append(time.perf_counter() - start)
        summary = open(os.path.join(report_dir, "summary.md")).read() \
            if os.path.exists(os.path.join(report_dir, "summary.md")) else ""
        if run.returncode != 0 or "%d cases: %d passed" % (cases, cases) not in summary:
            problems.append("conform replay exited %d, not every case passed: %s"
                            % (run.returncode, (run.stdout + run.stderr)[-400:]))
        note("bench: replay round %d/%d: newman (%d requests)" % (r + 1, rounds, newman_cases))
        process, port = start_conform_mock(args.conform)
        try:
            collection = postman_collection(newman_cases, port)
            start = time.perf_counter()
            run = subprocess.run([os.path.join(PEERS_BIN, "newman"), "run", collection,
                                  "--reporters", "cli", "--disable-unicode"],
                                 capture_output=True, text=True, timeout=600)
            newman_times.append(time.perf_counter() - start)
            if run.returncode != 0:
                problems.append("newman exited %d: %s" % (run.returncode, run.stdout[-400:]))
        finally:
            stop(process)
    c = sorted(conform_times)[len(conform_times) // 2]
    n = sorted(newman_times)[len(newman_times) // 2]
    rows["replay"].append(["conform replay (embedded mock, reports written)", cases,
                           "%.2f" % c, format(int(cases / c), ",")])
    rows["replay"].append(["newman (against conform mock)", newman_cases, "%.2f" % n,
                           format(int(newman_cases / n), ",")])
    rows["targets"].append(("replay ≥ 50× newman cases/s", (cases / c) / (newman_cases / n), 50.0))
