#!/usr/bin/env bash
# Opens a local HTML file in headless Chromium, lets its scripts run, and prints the DOM
# as the browser then holds it (what a person would see, before any click).
#   dump_dom.sh FILE.html [#fragment]   -> DOM on stdout, the browser's console on stderr
# Exit 77 when no Chromium is installed (the caller skips), 124 when it hangs past 60 s.
set -euo pipefail
file=$(realpath "$1")
fragment=${2:-}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "dump_dom.sh: no chromium installed" >&2
  exit 77
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# No network, no background services: the report must work offline and fetch nothing.
timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --disable-extensions --disable-default-apps --mute-audio --no-proxy-server \
  --enable-logging=stderr --v=0 --virtual-time-budget=5000 \
  --user-data-dir="$profile" --dump-dom "file://$file$fragment"
