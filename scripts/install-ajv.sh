#!/usr/bin/env bash
# Installs the second independent validator of the differential test (ajv 8 + ajv-formats,
# pinned in tests/ajv/package-lock.json) into tests/ajv/node_modules (git-ignored).
# Fails loudly when npm or the npm registry is unreachable: the test needs it.
set -euo pipefail
cd "$(dirname "$0")/../tests/ajv"
if ! command -v npm >/dev/null; then
  echo "install-ajv.sh: npm is missing (apt-get install nodejs npm)" >&2
  exit 2
fi
if ! timeout 300 npm ci --no-audit --no-fund --loglevel=error; then
  echo "install-ajv.sh: npm ci failed; is the npm registry reachable?" >&2
  exit 2
fi
