#!/usr/bin/env bash
# Builds and runs the whole test suite: unit, integration and golden CLI tests.
set -euo pipefail
cd "$(dirname "$0")/.."
CONFORM_EXTRA_PACKAGES="chromium python3 python3-yaml nodejs npm curl clang libclang-rt-14-dev" scripts/build.sh
scripts/install-openapi-validator.sh
ctest --preset release
# Fuzz smoke runs by default; CONFORM_SANITIZERS="asan tsan fuzz" adds the sanitizer suites.
scripts/test-sanitizers.sh ${CONFORM_SANITIZERS:-fuzz}
