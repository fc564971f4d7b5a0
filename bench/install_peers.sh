#!/usr/bin/env bash
# Installs the peer tools the bench compares conform with: npm packages into bench/.peers
# (git-ignored), Debian packages with apt-get. Idempotent: a second run installs nothing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
peers="$here/.peers"

debian=(nodejs npm wrk python3-jsonschema time libxml2-utils)
missing=()
for p in "${debian[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# nodesource's nodejs bundles npm, so a missing Debian npm is fine when npm runs.
if [ ${#missing[@]} -gt 0 ] && command -v npm >/dev/null && command -v node >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install_peers.sh: missing packages; run: sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
  echo "install_peers.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Pinned majors, so a rerun measures the same peers.
npm_packages=(ajv@8 ajv-formats@3 @sourcemeta/jsonschema@latest @stoplight/prism-cli@5 newman@6)
mkdir -p "$peers"
if [ ! -f "$peers/package.json" ]; then
  printf '{"name":"conform-bench-peers","private":true}\n' >"$peers/package.json"
fi
need=0
[ -d "$peers/node_modules/ajv" ] && [ -d "$peers/node_modules/ajv-formats" ] &&
  [ -x "$peers/node_modules/.bin/prism" ] && [ -x "$peers/node_modules/.bin/newman" ] &&
  [ -x "$peers/node_modules/.bin/jsonschema" ] || need=1
if [ "$need" -eq 1 ]; then
  echo "install_peers.sh: npm install ${npm_packages[*]} into $peers" >&2
  (cd "$peers" && npm install --no-audit --no-fund --loglevel=error "${npm_packages[@]}" >/dev/null)
fi
echo "install_peers.sh: peers ready in $peers" >&2
