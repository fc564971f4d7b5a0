#!/usr/bin/env bash
# Runs the whole test suite of one build folder, fast: each gtest executable once (not one
# process per test, as ctest does: under ASan that was 8 minutes instead of 2, most of it
# mapping shadow memory), test_integration split into 4 shards that run side by side (its
# tests mostly wait on servers and timeouts), then the suite's other tests through ctest.
# usage: scripts/run-suite.sh BUILD_DIR
# Sanitizer options come from the environment (scripts/test-sanitizers.sh sets them);
# CONFORM_CTEST_EXCLUDE is a regex of ctest tests to leave out.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:?usage: scripts/run-suite.sh BUILD_DIR}"
shards="${CONFORM_TEST_SHARDS:-4}"
logs="$build/suite-logs"
rm -rf "$logs"
mkdir -p "$logs"
export LC_ALL=C.UTF-8

# NAME COMMAND...: runs one part, its output in $logs/NAME.log, and prints one line.
run_part() {
  local name="$1"
  shift
  local start=$SECONDS
  if timeout 900 "$@" >"$logs/$name.log" 2>&1; then
    echo "suite: $name passed ($(grep -m1 -o '[0-9]* tests\? from [0-9]* test suites\? ran' "$logs/$name.log" || echo 'ok'), $((SECONDS - start)) s)"
  else
    echo "suite: $name FAILED; its log:"
    grep -E '^\[  FAILED  \]|Failure|ERROR|runtime error|SUMMARY' "$logs/$name.log" | head -40 || true
    echo "      (whole log: $logs/$name.log)"
    return 1
  fi
}
export -f run_part
export logs

parts=()
for binary in "$build"/tests/test_*; do
  [ -x "$binary" ] && [ -f "$binary" ] || continue
  name=$(basename "$binary")
  # A subset of test_integration that the ThreadSanitizer step builds on its own.
  [ "$name" = test_integration_concurrent ] && continue
  if [ "$name" = test_integration ]; then
    for ((i = 0; i < shards; i++)); do
      parts+=("$name.$i env GTEST_TOTAL_SHARDS=$shards GTEST_SHARD_INDEX=$i $binary --gtest_brief=1")
    done
  else
    parts+=("$name $binary --gtest_brief=1")
  fi
done
[ ${#parts[@]} -gt 0 ] || { echo "suite: no test executables in $build/tests" >&2; exit 2; }

status=0
# Four at a time on two cores: the integration shards wait more than they run.
printf '%s\n' "${parts[@]}" | xargs -P "${CONFORM_TEST_JOBS:-4}" -I{} bash -c 'run_part {}' ||
  status=1

# The tests that are not gtest cases (golden, README, CI recipes, SARIF schema, OpenAPI,
# completion, ...): their names have no dot. ctest's own exclusions pass through.
start=$SECONDS
exclude=()
[ -z "${CONFORM_CTEST_EXCLUDE:-}" ] || exclude=(-E "$CONFORM_CTEST_EXCLUDE")
if ctest --test-dir "$build" -j2 --output-on-failure --timeout 600 -R '^[^.]+$' \
  "${exclude[@]+"${exclude[@]}"}" >"$logs/ctest.log" 2>&1; then
  echo "suite: $(grep -m1 'tests passed' "$logs/ctest.log" || echo 'no other tests') ($((SECONDS - start)) s)"
else
  echo "suite: ctest FAILED; its log:"
  tail -60 "$logs/ctest.log"
  status=1
fi
exit $status
