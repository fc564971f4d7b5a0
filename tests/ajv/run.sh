#!/usr/bin/env bash
# The differential test against a second independent validator: ajv 8 +
# ajv-formats (installed by scripts/install-ajv.sh) and conform give their verdicts on about
# 10,000 generated and mutated instances of every vendor schema; every disagreement must be
# explained in tests/ajv/disagreements.json, with the reason conform is right. A missing ajv
# fails the test: never a skip.
# usage: tests/ajv/run.sh CONFORM_BINARY SCHEMAS_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v node >/dev/null; then
  echo "ajv differential: node is not installed (apt-get install nodejs npm)" >&2
  exit 1
fi
if [ ! -d "$here/node_modules/ajv-formats" ]; then
  echo "ajv differential: ajv is not installed in $here/node_modules;" \
    "run scripts/install-ajv.sh (it needs npm and the npm registry)" >&2
  exit 1
fi
exec node "$here/differential.js" "$1" "$2"
