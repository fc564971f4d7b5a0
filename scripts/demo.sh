#!/usr/bin/env bash
# Builds conform and shows it at work on the five vendors' real examples: offline validation
# (JSON, XML, form, bulk NDJSON), the stateful mock over loopback, and every case replayed
# against the embedded mock with reports. `scripts/demo.sh drifted` shows the second demo:
# the same cases against a mock whose vendors changed their APIs, and what the reports say.
set -uo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  "" | drifted) ;;
  -h | --help) sed -n '2,5p' "$0" | cut -c3-; exit 0 ;;
  *) echo "usage: scripts/demo.sh [drifted]" >&2; exit 2 ;;
esac

# Only the product (no test suite); curl plays the integration engineer's HTTP client
# against the mock. CONFORM_DEMO_BINARY runs the demo with a conform built elsewhere (the
# test suite's demo test).
if [ -n "${CONFORM_DEMO_BINARY:-}" ]; then
  conform=$CONFORM_DEMO_BINARY
else
  CONFORM_BUILD_TESTS=OFF CONFORM_EXTRA_PACKAGES=curl scripts/build.sh >/dev/null || exit 2
  conform=build/conform
fi

examples=schemas
bold=$'\e[1m'
reset=$'\e[0m'
[ -t 1 ] || { bold=""; reset=""; }

step() { printf '\n%s== %s ==%s\n' "$bold" "$*" "$reset"; }
show() {  # prints the command, runs it, shows its exit code
  printf '%s$ %s%s\n' "$bold" "$*" "$reset"
  "$@"
  printf '(exit %d)\n' "$?"
}
workdir=$(mktemp -d)
mock_pid=""
cleanup() {
  [ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null && wait "$mock_pid" 2>/dev/null
  rm -rf "$workdir"
}
trap cleanup EXIT

if [ "${1:-}" = drifted ]; then
  step "Demo 2: the vendors changed their APIs (conform mock --profile drifted)"
  echo "Each vendor's drifted profile renames a field, changes a type, adds an undocumented"
  echo "field and a new enum value, and changes an error envelope. The cases catch it:"
  show $conform replay --mock-profile drifted --report-dir reports/drifted
  step "What the reports say (summary.md)"
  sed -n '1,40p' reports/drifted/summary.md
  echo "..."
  echo "full reports: junit.xml, report.json, report.html in reports/drifted/"
  exit 0
fi

step "The five vendors: messages, formats, mock credentials"
show $conform vendors

step "Valid requests, one per vendor"
show $conform validate msp360 request "$examples/msp360/examples/request.valid.minimal.json"
show $conform validate formsonfire request "$examples/formsonfire/examples/request.valid.minimal.json"
show $conform validate maiascore request "$examples/maiascore/examples/request.valid.block-user.json"
show $conform validate finix request "$examples/finix/examples/request.valid.seed-example-tags.json"
show $conform validate nexudus request "$examples/nexudus/examples/request.valid.minimal.json"

step "Invalid requests: each finding names the field, the line and what was expected"
show $conform validate msp360 request "$examples/msp360/examples/request.invalid.license-mode-misspelled.json"
show $conform validate formsonfire request "$examples/formsonfire/examples/request.invalid.seed-sample-not-json.json"
show $conform validate finix request "$examples/finix/examples/request.invalid.tag-value-501-code-points.json"
show $conform validate nexudus request "$examples/nexudus/examples/request.invalid.language-out-of-enum.json"
show $conform validate maiascore request "$examples/maiascore/examples/request.invalid.username-near-name.json"

step "Responses: lenient by default, --strict reports undocumented members"
show $conform validate finix response:200 "$examples/finix/examples/response-200.valid.full.json"
show $conform validate formsonfire response:200 --strict "$examples/formsonfire/examples/response-200.valid.undocumented-members.json"

step "XML and form bodies: one schema, three encodings"
show $conform validate msp360 request "$examples/msp360/examples/request.valid.full.xml"
show $conform validate msp360 request "$examples/msp360/examples/request.invalid.out-of-order.xml"
show $conform validate maiascore request "$examples/maiascore/examples/request.valid.minimal.form"
show $conform validate maiascore request "$examples/maiascore/examples/request.invalid.seed-json-as-form.form"
show $conform convert msp360 request --to xml "$examples/msp360/examples/request.valid.minimal.json"

step "Bulk: 20,000 NDJSON payloads on two cores, one summary line for CI"
corpus="$workdir/finix.ndjson"
for i in $(seq 1 20000); do
  if ((i % 10 == 0)); then echo '{"enabled":"yes"}'; else echo "{\"enabled\":true,\"tags\":{\"order\":\"$i\"}}"; fi
done >"$corpus"
show $conform validate finix request --ndjson --jobs 2 --quiet "$corpus"

step "The mock: a stateful Finix over loopback, with its own credentials and error shapes"
$conform mock --vendor finix --port 0 >"$workdir/mock.out" 2>"$workdir/mock.log" &
mock_pid=$!
for _ in $(seq 1 50); do
  url=$(sed -n 's/^conform mock listening on //p' "$workdir/mock.out")
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -z "${url:-}" ]; then
  echo "the mock did not start:" >&2
  cat "$workdir/mock.log" >&2
  exit 1
fi
echo "conform mock listening on $url"
user=USsRhsHYZGBPnQw8CByJyEQW
# The mock's fixture credentials are public (conform vendors prints them): the printed
# command is the one that runs, so it can be pasted while the mock is up.
request() {  # method path [body]: prints the command and the answer
  local command=(curl -sS -u mock-user:mock-password -X "$1" -H 'Content-Type: application/json'
    -H 'Finix-Version: 2022-02-01' ${3:+--data "$3"} "$url$2")
  local word line=""
  for word in "${command[@]}"; do  # quoted only where the shell needs it
    [[ $word =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]] || word="'$word'"
    line+="${line:+ }$word"
  done
  printf '%s$ %s%s\n' "$bold" "$line" "$reset"
  "${command[@]}" -w '\n(HTTP %{http_code})\n'
}
request PUT "/users/$user" '{"tags":{"plan":"gold"}}'
request GET "/users/$user"
request PUT "/users/$user" '{"enabled":"yes"}'
request PUT /users/USnobody '{"enabled":true}'
echo "access log (stderr of conform mock):"
cat "$workdir/mock.log"
kill "$mock_pid" && wait "$mock_pid" 2>/dev/null
mock_pid=""

step "Replay: every case against the embedded mock, with reports"
show $conform replay --jobs 4
echo
echo "Next: scripts/demo.sh drifted  (the same cases against vendors that changed their APIs)"
