#!/usr/bin/env bash
# conform beside its peers: builds Release, installs the peers (npm packages into
# bench/.peers, Debian packages), then runs bench/run.py and prints one table of medians and
# ratios (also written to bench/.results/latest.md). Never part of scripts/test.sh.
#   scripts/bench.sh            the whole bench (~3 minutes on an idle 2-core machine)
#   scripts/bench.sh --quick    smaller corpora, fewer rounds (~2 minutes)
#   scripts/bench.sh --only validate,files,memory,startup,mock,replay
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >/dev/null
bench/install_peers.sh
exec python3 bench/run.py --conform build/conform "$@"
