#!/usr/bin/env bash
# Installs the OpenAPI validator the tests use (@apidevtools/swagger-parser, pinned in
# tests/openapi/package-lock.json) into tests/openapi/node_modules (git-ignored).
# Fails loudly when npm or the npm registry is unreachable: the OpenAPI test needs it.
set -euo pipefail
cd "$(dirname "$0")/../tests/openapi"
if ! command -v npm >/dev/null; then
  echo "install-openapi-validator.sh: npm is missing (apt-get install nodejs npm)" >&2
  exit 2
fi
if ! timeout 300 npm ci --no-audit --no-fund --loglevel=error; then
  echo "install-openapi-validator.sh: npm ci failed; is the npm registry reachable?" >&2
  exit 2
fi
