#!/usr/bin/env bash
# Builds and tests: the release build (what users get), its install and find_package
# consumer; then the whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer +
# LeakSanitizer, the concurrent components (validate's batches, the mock, replay's workers)
# under ThreadSanitizer (scripts/test-sanitizers.sh). The suite includes every fuzz target's
# seeds and regression inputs, replayed under the sanitizers (tests/fuzz/replay.sh); a search
# for new inputs with libFuzzer is the "fuzz" step, by hand. The suite runs once, on the sanitized build: it checks
# everything the plain build's run would (undefined behaviour, the one way -O1 and -O3
# differ, is what UBSan reports), and CI's two cores have no time for both. The one test a
# sanitizer hides (the schema engine's allocation count: sanitizers own operator new) runs
# on the release build. CONFORM_SANITIZERS picks the steps (default "asan tsan");
# CONFORM_SANITIZERS=none runs the suite on the release build instead (a quick local check).
set -euo pipefail
cd "$(dirname "$0")/.."
steps="${CONFORM_SANITIZERS:-asan tsan}"
tests=OFF
[ "$steps" = none ] && tests=ON
# Only what the chosen steps need: the suite (none, asan) runs a browser, Python, Node.js
# tools and curl; the fuzzers need clang.
extra=""
suite=no
case " $steps " in *" none "* | *" asan "*) suite=yes ;; esac
[ $suite = yes ] && extra+=" chromium python3 python3-yaml nodejs npm curl"
case " $steps " in *" fuzz "*) extra+=" clang libclang-rt-14-dev" ;; esac
# shellcheck source=scripts/timed.sh
source scripts/timed.sh
CONFORM_BUILD_TESTS=$tests CONFORM_TEST_PACKAGES=ON CONFORM_EXTRA_PACKAGES="$extra" \
  timed "test.sh: packages and release build" scripts/build.sh
install_peers() { scripts/install-openapi-validator.sh && scripts/install-ajv.sh; }
[ $suite = no ] || timed "test.sh: npm peers" install_peers
# The allocation test, on the release build: its own small binary (the library is built).
plain_allocation_test() {
  cmake --preset release -DCONFORM_BUILD_TESTS=ON >/dev/null
  cmake --build --preset release --target test_schema_allocation >/dev/null
  local out
  out=$(LC_ALL=C.UTF-8 build/tests/test_schema_allocation 2>&1) ||
    { echo "$out"; return 1; }
  # Skipped is not passed: the release build must count.
  grep -q '^\[  PASSED  \] 1 test\.$' <<<"$out" || { echo "$out"; return 1; }
  echo "test.sh: $(grep -m1 '^\[       OK \]' <<<"$out")"
}
timed "test.sh: install check" tests/install/run.sh "$PWD/build" "$PWD"
if [ "$steps" = none ]; then
  scripts/run-suite.sh build
else
  timed "test.sh: plain allocation test" plain_allocation_test
  # shellcheck disable=SC2086  # the steps are words
  scripts/test-sanitizers.sh $steps
fi
