#!/usr/bin/env bash
# Builds and tests: the release build (what users get), its install and find_package
# consumer; then the whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer +
# LeakSanitizer, and a fuzz smoke run of every libFuzzer target (scripts/test-sanitizers.sh).
# The suite runs once, on the sanitized build: it checks everything the plain build's run
# would (undefined behaviour, the one way -O1 and -O3 differ, is what UBSan reports), and
# CI's two cores have no time for both. CONFORM_SANITIZERS="asan tsan fuzz" adds the
# ThreadSanitizer run of the mock and replay; CONFORM_SANITIZERS=none runs the suite on the
# release build instead (a quick local check).
set -euo pipefail
cd "$(dirname "$0")/.."
steps="${CONFORM_SANITIZERS:-asan fuzz}"
tests=OFF
[ "$steps" = none ] && tests=ON
# Only what the chosen steps need: the suite (none, asan) runs a browser, Python, Node.js
# tools and curl; the fuzzers need clang.
extra=""
suite=no
case " $steps " in *" none "* | *" asan "*) suite=yes ;; esac
[ $suite = yes ] && extra+=" chromium python3 python3-yaml nodejs npm curl"
case " $steps " in *" fuzz "*) extra+=" clang libclang-rt-14-dev" ;; esac
CONFORM_BUILD_TESTS=$tests CONFORM_TEST_PACKAGES=ON CONFORM_EXTRA_PACKAGES="$extra" \
  scripts/build.sh
[ $suite = no ] || { scripts/install-openapi-validator.sh; scripts/install-ajv.sh; }
tests/install/run.sh "$PWD/build" "$PWD"
if [ "$steps" = none ]; then
  scripts/run-suite.sh build
else
  # shellcheck disable=SC2086  # the steps are words
  scripts/test-sanitizers.sh $steps
fi
