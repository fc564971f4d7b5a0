#!/usr/bin/env bash
# Runs scripts/demo.sh (both demos) with the built conform and checks what a newcomer copies
# from it: both exit 0, and every curl line the demo prints, pasted into a shell against a
# fresh mock, gets the HTTP status the demo showed for it (the mock's fixture credentials
# are public, so the lines hold them, not ***).
# usage: demo_test.sh CONFORM SOURCE_DIR
set -uo pipefail
conform=$1
source=$2
work=$(mktemp -d)
mock_pid=""
cleanup() {
  [ -z "$mock_pid" ] || kill "$mock_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "demo test: $*" >&2
  exit 1
}

# A copy of the source folder's inputs, so the demos' reports stay out of the checkout.
mkdir -p "$work/tree/scripts"
cp -r "$source/schemas" "$source/cases" "$work/tree/"
cp "$source/scripts/demo.sh" "$work/tree/scripts/"
for demo in "" drifted; do
  CONFORM_DEMO_BINARY=$conform "$work/tree/scripts/demo.sh" $demo >"$work/demo$demo.txt" 2>&1 ||
    fail "scripts/demo.sh $demo exited $?: $(tail -20 "$work/demo$demo.txt")"
done
grep -q 'did not pass' "$work/tree/reports/drifted/summary.md" ||
  fail "scripts/demo.sh drifted wrote no failing summary"

# The demo's curl lines and the status each got.
mapfile -t lines < <(grep '^\$ curl ' "$work/demo.txt" | cut -c3-)
mapfile -t statuses < <(sed -n 's/^(HTTP \([0-9]*\))$/\1/p' "$work/demo.txt")
[ ${#lines[@]} -ge 4 ] || fail "the demo printed ${#lines[@]} curl lines, expected 4 or more"
[ ${#lines[@]} -eq ${#statuses[@]} ] || fail "${#lines[@]} curl lines but ${#statuses[@]} statuses"
printed_url=$(sed -n 's/^conform mock listening on //p' "$work/demo.txt" | head -1)
[ -n "$printed_url" ] || fail "the demo printed no mock URL"

"$conform" mock --vendor finix --port 0 >"$work/mock.out" 2>"$work/mock.log" &
mock_pid=$!
for _ in $(seq 300); do grep -q listening "$work/mock.out" && break; sleep 0.1; done
url=$(sed -n 's/^conform mock listening on //p' "$work/mock.out")
[ -n "$url" ] || fail "conform mock did not start: $(cat "$work/mock.log")"
for i in "${!lines[@]}"; do
  line=${lines[$i]//$printed_url/$url}
  case "$line" in *'***'*) fail "a curl line hides its credentials: $line" ;; esac
  got=$(bash -c "$line -o /dev/null -w '%{http_code}'") || fail "pasting failed: $line"
  [ "$got" = "${statuses[$i]}" ] ||
    fail "pasted, '$line' got HTTP $got; the demo showed ${statuses[$i]}"
done
echo "demo test: both demos ran; ${#lines[@]} curl lines pasted with the statuses the demo showed"
