#!/usr/bin/env bash
# `--output sarif` against the official SARIF 2.1.0 schema (fetched from the npm registry by
# scripts/fetch-sarif-schema.sh), checked with conform's own validator: `conform validate` on
# every vendor's invalid examples in JSON, XML and form, on NDJSON (file and standard input)
# and on a clean run; `conform drift` on a recording of the drifted mock; `conform diff`
# on a breaking schema change. Broken logs must fail the same check, so it is shown to bite.
# usage: tests/ci/sarif_schema_test.sh CONFORM CACHE_DIR   (run from the source folder)
set -uo pipefail
conform=${1:?usage: sarif_schema_test.sh CONFORM CACHE_DIR}
cache=${2:?usage: sarif_schema_test.sh CONFORM CACHE_DIR}
scripts/fetch-sarif-schema.sh "$cache" || exit 1
schema="$cache/sarif-schema-2.1.0.json"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect CODE LOG -- conform ARGS...: runs conform, checks its exit code, keeps stdout in LOG.
expect() {
  local code=$1 log=$2
  shift 3
  "$conform" "$@" >"$log" 2>"$work/stderr" </dev/null
  local got=$?
  [ "$got" -eq "$code" ] || fail "conform $* exited $got, expected $code: $(cat "$work/stderr")"
}
schema_valid() {  # LOG: valid against the SARIF schema
  "$conform" validate --schema "$schema" "$1" >"$work/check" 2>&1 ||
    fail "$1 is not valid SARIF 2.1.0: $(cat "$work/check")"
}

for vendor in msp360 formsonfire maiascore finix nexudus; do
  log="$work/$vendor.sarif"
  expect 1 "$log" -- validate "$vendor" request --output sarif \
    schemas/"$vendor"/examples/request.invalid.*
  schema_valid "$log"
  grep -q '"ruleId":' "$log" || fail "$vendor: the log has no results"
  grep -q "\"uri\":\"schemas/$vendor/examples/request.invalid." "$log" ||
    fail "$vendor: results do not name the file relative to the working folder"
  grep -q '"startLine":[1-9]' "$log" || fail "$vendor: no result has a line"
done
grep -q '"xpath":"/' "$work"/*.sarif || fail "no XML finding carries its XPath"

printf '%s\n' '{"enabled":true}' '{"enabled":"yes"}' '{"tags":[]}' >"$work/payloads.ndjson"
expect 1 "$work/ndjson.sarif" -- validate finix request --ndjson --output sarif "$work/payloads.ndjson"
schema_valid "$work/ndjson.sarif"
grep -q '"startLine":2,' "$work/ndjson.sarif" || fail "NDJSON: no finding on line 2"
grep -q '"startLine":3,' "$work/ndjson.sarif" || fail "NDJSON: no finding on line 3"
"$conform" validate finix request --ndjson --output sarif - <"$work/payloads.ndjson" \
  >"$work/stdin.sarif" 2>/dev/null
schema_valid "$work/stdin.sarif"
grep -q '"physicalLocation"' "$work/stdin.sarif" && fail "standard input has no file to point at"

expect 0 "$work/clean.sarif" -- validate finix request --output sarif \
  schemas/finix/examples/request.valid.seed-example-tags.json
schema_valid "$work/clean.sarif"
grep -q '"results":\[\]' "$work/clean.sarif" || fail "a clean run should have no results"

# drift: a recording of the mock playing vendors that changed their APIs.
"$conform" record cases/finix --mock-profile drifted --out "$work/recording" >/dev/null 2>&1 ||
  fail "conform record against the drifted mock failed"
expect 1 "$work/drift.sarif" -- drift "$work/recording" --output sarif
schema_valid "$work/drift.sarif"
grep -q '"ruleId":' "$work/drift.sarif" || fail "drift: the log has no results"

# diff: finix's request with `enabled` turned from a boolean into a string (breaking).
cp -r schemas "$work/new-schemas"
sed -i '/"enabled": {/,/}/ s/"type": "boolean"/"type": "string"/' "$work/new-schemas/finix/request.schema.json"
expect 1 "$work/diff.sarif" -- diff schemas "$work/new-schemas" --output sarif
schema_valid "$work/diff.sarif"
grep -q '"ruleId":"type-changed"' "$work/diff.sarif" || fail "diff: no type-changed result"

sed 's/"version":"2.1.0"/"version":"2.2"/' "$work/finix.sarif" >"$work/bad-version.sarif"
sed 's/"tool":{"driver":{"name":"conform"/"tool":{"driver":{"nam":"conform"/' "$work/finix.sarif" \
  >"$work/bad-driver.sarif"
for bad in bad-version bad-driver; do
  "$conform" validate --schema "$schema" "$work/$bad.sarif" >/dev/null 2>&1
  [ $? -eq 1 ] || fail "$bad.sarif passed the schema check"
done

[ "$failures" -eq 0 ] || exit 1
echo "sarif_schema: validate (5 vendors, NDJSON, a clean run), drift, diff and 2 broken logs checked"
