#!/usr/bin/env bash
# Builds conform and shows it at work on the five vendors' real examples: valid and invalid
# payloads in JSON, XML and form encodings, and a bulk NDJSON run.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >/dev/null || exit 2

conform=build/conform
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

step "The five vendors"
show $conform vendors

step "Valid requests, one per vendor"
for v in msp360 formsonfire maiascore finix nexudus; do
  show $conform validate "$v" request "$examples/$v/examples/request.valid.minimal.json"
done

step "Invalid requests: each finding names the field, the line and what was expected"
show $conform validate msp360 request "$examples/msp360/examples/request.invalid.license-mode-misspelled.json"
show $conform validate formsonfire request "$examples/formsonfire/examples/request.invalid.seed-sample-not-json.json"
show $conform validate finix request "$examples/finix/examples/request.invalid.tag-value-too-long.json"
show $conform validate nexudus request "$examples/nexudus/examples/request.invalid.language-name.json"
show $conform validate maiascore request "$examples/maiascore/examples/request.invalid.report-pattern.json"

step "Responses: lenient by default, --strict reports undocumented members (drift)"
show $conform validate finix response:200 "$examples/finix/examples/response-200.valid.full.json"
show $conform validate maiascore response:500 "$examples/maiascore/examples/response-default.valid.server-error.json"

step "XML and form bodies: one schema, three encodings"
show $conform validate msp360 request "$examples/msp360/examples/request.valid.seed-sample-values.xml"
show $conform validate msp360 request "$examples/msp360/examples/request.invalid.out-of-order.xml"
show $conform validate maiascore request "$examples/maiascore/examples/request.valid.minimal.form"
printf '%s$ %s%s\n' "$bold" "printf '{\"username\":\"kim\"}' | $conform validate maiascore request --format form -" "$reset"
printf '{"username":"kim"}' | $conform validate maiascore request --format form -
printf '(exit %d)\n' "$?"

step "Bulk: 20,000 NDJSON payloads on every core, one summary line for CI"
corpus=$(mktemp)
trap 'rm -f "$corpus"' EXIT
for i in $(seq 1 20000); do
  if (( i % 10 == 0 )); then echo '{"enabled":"yes"}'; else echo "{\"enabled\":true,\"tags\":{\"order\":\"$i\"}}"; fi
done >"$corpus"
show $conform validate finix request --ndjson --quiet "$corpus"
