#!/usr/bin/env bash
# Every shipped case through Stoplight Prism as a validating proxy (`prism proxy --errors`)
# in front of `conform mock`, one vendor at a time, over the vendor's `conform openapi`
# document: Prism must report no violation in any response, so every status and body the
# mock sends is one the contract documents. Prism judges JSON bodies only; the XML ones
# (formsonfire format=xml) are checked by conform's replay instead, which validates every
# response against the vendor's schema and XML rules, and the test says how many.
# Requests are not judged here (--validate-request=false): many cases send invalid
# requests on purpose. Prism comes from npm into the bench's git-ignored bench/.peers; the
# test skips (exit 77) only when it is missing and the npm registry cannot be reached.
# usage: tests/prism/run.sh CONFORM_BINARY SOURCE_DIR
set -uo pipefail
conform=$1
source_dir=$2
peers="$source_dir/bench/.peers"
prism="$peers/node_modules/.bin/prism"

if [ ! -x "$prism" ]; then
  if ! command -v npm >/dev/null || ! timeout 30 npm ping >/dev/null 2>&1; then
    echo "prism test: SKIPPED: @stoplight/prism-cli is not in $peers and the npm registry" \
      "cannot be reached (install it with bench/install_peers.sh)"
    exit 77
  fi
  mkdir -p "$peers"
  [ -f "$peers/package.json" ] ||
    printf '{"name":"conform-bench-peers","private":true}\n' >"$peers/package.json"
  (cd "$peers" && timeout 300 npm install --no-audit --no-fund --loglevel=error \
    @stoplight/prism-cli@5 >/dev/null) || { echo "prism test: npm install failed" >&2; exit 1; }
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  [ -n "${CONFORM_PRISM_KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits up to 60 s for `pattern` in `file`.
wait_for() {
  for _ in $(seq 600); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "prism test: timed out waiting for '$2' in $1:" >&2
  cat "$1" >&2
  return 1
}

vendors=${CONFORM_PRISM_VENDORS:-}
[ -n "$vendors" ] || vendors=$("$conform" vendors --output json | python3 -c 'import json, sys; print(" ".join(v["id"] for v in json.load(sys.stdin)))')
failed=0
total_xml=0
for vendor in $vendors; do
  [ -d "$source_dir/cases/$vendor" ] || continue
  "$conform" openapi "$vendor" --out "$work/$vendor.openapi.json" || { failed=1; continue; }
  # Requests are not judged, and Prism checks credentials even then: without the security
  # requirements it forwards a case's missing or wrong credentials to the mock.
  python3 - "$work/$vendor.openapi.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
for item in doc["paths"].values():
    for operation in item.values():
        operation.pop("security", None)
json.dump(doc, open(sys.argv[1], "w"))
PY

  "$conform" mock --vendor "$vendor" --port 0 >"$work/$vendor.mock.out" 2>"$work/$vendor.mock.log" &
  mock_pid=$!
  pids+=("$mock_pid")
  wait_for "$work/$vendor.mock.out" listening || { failed=1; continue; }
  upstream=$(sed -n 's/^conform mock listening on //p' "$work/$vendor.mock.out")

  port=$(free_port)
  "$prism" proxy --errors --validate-request=false -h 127.0.0.1 -p "$port" \
    "$work/$vendor.openapi.json" "$upstream" >"$work/$vendor.prism.log" 2>&1 &
  prism_pid=$!
  pids+=("$prism_pid")
  wait_for "$work/$vendor.prism.log" "Prism is listening" || { failed=1; continue; }

  # What Prism cannot judge goes straight to the mock, checked by conform's replay (the
  # vendor's schema and XML rules on every response), and the test says which and why.
  python3 - "$source_dir/cases/$vendor" "$work/$vendor" <<'PY'
import glob, json, os, sys
folder, out = sys.argv[1], sys.argv[2]

def parses(path):
    try:
        json.load(open(path))
        return True
    except ValueError:
        return False

proxied, direct = [], []
for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
    if os.path.basename(path) == "defaults.json":
        continue
    case = json.load(open(path))
    steps = case["steps"]
    reason = None
    if "method" in case.get("tags", []):
        reason = "a method the path lacks: Prism routes by the document and answers 405 itself"
    elif any(step.get("query", {}).get("format") == "xml" for step in steps):
        reason = "XML responses: Prism cannot judge XML bodies"
    elif any(not parses(os.path.join(folder, step["body_file"]))
             for step in steps if step.get("body_file", "").endswith(".json")):
        reason = "a body that is not the JSON it declares: Prism parses it and answers itself"
    if reason:
        direct.append(path)
        print(f"prism test: {os.path.basename(path)}: checked by conform, not Prism ({reason})")
    else:
        proxied.append(path)
open(out + ".proxied", "w").write("\n".join(proxied))
open(out + ".direct", "w").write("\n".join(direct))
PY
  mapfile -t proxied <"$work/$vendor.proxied"
  mapfile -t direct <"$work/$vendor.direct"
  if [ ${#direct[@]} -gt 0 ]; then
    "$conform" replay "${direct[@]}" --report-dir "$work/$vendor.direct-report" \
      >"$work/$vendor.direct.log" 2>&1 || {
      echo "prism test: $vendor: the cases Prism cannot judge fail against the mock:"
      grep -E "^(FAIL|ERROR)|^    " "$work/$vendor.direct.log" | head -30
      failed=1
    }
  fi
  "$conform" replay "${proxied[@]}" --base "$vendor=http://127.0.0.1:$port" \
    --fixtures --timeout 30000 --retries 0 --report-dir "$work/$vendor.report" \
    >"$work/$vendor.replay.log" 2>&1
  replay_status=$?
  kill "$prism_pid" "$mock_pid" 2>/dev/null
  wait "$prism_pid" "$mock_pid" 2>/dev/null

  violations=$(grep -aiE "violation" "$work/$vendor.prism.log" || true)
  xml=$(python3 - "$work/$vendor.direct-report/report.json" <<'PY'
import json, os, sys
if not os.path.exists(sys.argv[1]):
    print(0)
    sys.exit(0)
report = json.load(open(sys.argv[1]))
count = 0
for case in report.get("cases", []):
    for step in case.get("steps", []):
        headers = step.get("exchange", {}).get("response_headers", {})
        items = headers.items() if isinstance(headers, dict) else headers
        for item in items:
            name, value = (item[0], item[1]) if isinstance(item, (list, tuple)) else (item.get("name"), item.get("value"))
            if str(name).lower() == "content-type" and "xml" in str(value):
                count += 1
print(count)
PY
)
  total_xml=$((total_xml + xml))
  if [ -n "$violations" ]; then
    echo "prism test: $vendor: Prism reports violations:"
    echo "$violations" | head -20
    failed=1
  fi
  if [ "$replay_status" != 0 ]; then
    echo "prism test: $vendor: replay through Prism exited $replay_status:"
    grep -E "^(FAIL|ERROR)|^    " "$work/$vendor.replay.log" | head -30
    failed=1
  fi
  cases=$(grep -oE '^  all +[0-9]+' "$work/$vendor.replay.log" | grep -oE '[0-9]+$')
  echo "prism test: $vendor: ${cases:-?} cases through Prism, no violation reported;" \
    "${#direct[@]} cases ($xml XML responses) checked by conform's replay instead"
done
echo "prism test: $total_xml XML bodies in all were checked by conform, not Prism"
exit $failed
