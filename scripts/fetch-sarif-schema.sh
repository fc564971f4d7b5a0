#!/usr/bin/env bash
# Fetches the official SARIF 2.1.0 JSON schema (OASIS rtm.5, as Microsoft's
# @microsoft/jest-sarif ships it) from the npm registry into DIR/sarif-schema-2.1.0.json, for
# the SARIF test. Pinned by version and checksum; a schema already in place is kept.
# usage: scripts/fetch-sarif-schema.sh DIR
set -euo pipefail
dir=${1:?usage: scripts/fetch-sarif-schema.sh DIR}
package=@microsoft/jest-sarif@1.0.0-beta.0
inside=package/lib/schemas/sarif-2.1.0-rtm.5.json
sha256=2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8
target="$dir/sarif-schema-2.1.0.json"

if [ -f "$target" ] && echo "$sha256  $target" | sha256sum --check --status; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "fetch-sarif-schema.sh: npm is missing (apt-get install nodejs npm)" >&2
  exit 2
fi
mkdir -p "$dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! (cd "$work" && timeout 120 npm pack --silent --loglevel=error "$package" >/dev/null); then
  echo "fetch-sarif-schema.sh: npm pack $package failed; is the npm registry reachable?" >&2
  exit 2
fi
tar -xzf "$work"/*.tgz -C "$work" "$inside"
if ! echo "$sha256  $work/$inside" | sha256sum --check --status; then
  echo "fetch-sarif-schema.sh: $package ships a different schema than the pinned one" >&2
  exit 2
fi
cp "$work/$inside" "$target"
