#!/usr/bin/env bash
# Generates the OpenAPI document of every vendor with `conform openapi`, loads each with a
# real OpenAPI validator (@apidevtools/swagger-parser from npm, installed by
# scripts/install-openapi-validator.sh), and checks the document's schemas give the
# vendor's example payloads their verdicts. A missing validator fails the test: never a skip.
# usage: tests/openapi/run.sh CONFORM_BINARY SCHEMAS_DIR
set -euo pipefail
conform=$1
schemas=$2
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v node >/dev/null; then
  echo "openapi test: node is not installed (apt-get install nodejs npm)" >&2
  exit 1
fi
if [ ! -d "$here/node_modules/@apidevtools/swagger-parser" ]; then
  echo "openapi test: the validator is not installed in $here/node_modules;" \
    "run scripts/install-openapi-validator.sh (it needs npm and the npm registry)" >&2
  exit 1
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
documents=()
for manifest in "$schemas"/*/vendor.json; do
  vendor=$(basename "$(dirname "$manifest")")
  "$conform" openapi "$vendor" --schemas "$schemas" --out "$out/$vendor.openapi.json"
  documents+=("$out/$vendor.openapi.json")
done
if [ ${#documents[@]} -lt 5 ]; then
  echo "openapi test: expected the five vendors in $schemas, found ${#documents[@]}" >&2
  exit 1
fi
timeout 120 node "$here/validate.js" "${documents[@]}"

# The schemas mean what conform's mean: the examples get their verdicts from them.
for manifest in "$schemas"/*/vendor.json; do
  vendor_dir=$(dirname "$manifest")
  [ -f "$vendor_dir/examples/expected.json" ] || continue
  timeout 60 node "$here/examples.js" "$out/$(basename "$vendor_dir").openapi.json" \
    "$vendor_dir/examples"
done

# The validator must be able to say no: a dangling $ref and a missing info are rejected.
sed 's|"#/components/schemas/request"|"#/components/schemas/nowhere"|' \
  "${documents[0]}" > "$out/dangling-ref.json"
sed 's|"info"|"infos"|' "${documents[0]}" > "$out/no-info.json"
timeout 120 node "$here/validate.js" --expect-invalid "$out/dangling-ref.json" "$out/no-info.json"
