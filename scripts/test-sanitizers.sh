#!/usr/bin/env bash
# The reliability steps of CI, each bounded and timed:
#   asan  the whole test suite under AddressSanitizer + UBSan + LeakSanitizer (the asan
#         preset: -O1, -fno-sanitize-recover=all), in build-asan/, through scripts/run-suite.sh
#   tsan  validate's batches, the mock, replay, the proxy and their integration tests under
#         ThreadSanitizer, in build-tsan/
#   fuzz  a search for new inputs by every libFuzzer target (FUZZ_SECONDS each, default 5), in
#         build-fuzz/ (clang builds every module once more: not part of scripts/test.sh, whose
#         asan step replays the targets' seeds and regression inputs instead)
# Usage: scripts/test-sanitizers.sh [asan] [tsan] [fuzz]   (default: asan tsan)
# Needs clang (fuzz) besides what scripts/build.sh installs. ASAN_DIR, TSAN_DIR and FUZZ_DIR
# choose other build folders. The asan and tsan presets build in unity mode (CMake joins each
# module's files into a few translation units: half the CPU time of one file at a time), so
# two files of one module that define the same name in an anonymous namespace fail there
# first; the release build, one file at a time, is what proves each file's includes.
set -euo pipefail
cd "$(dirname "$0")/.."
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(asan tsan)
asan_dir="${ASAN_DIR:-build-asan}"
tsan_dir="${TSAN_DIR:-build-tsan}"

# shellcheck source=scripts/timed.sh
source scripts/timed.sh

asan_build() {
  cmake --preset asan -B "$asan_dir" >/dev/null
  cmake --build "$asan_dir" -j2
}
asan_test() {
  # ASan's stack frames are 2-3x larger: the schema engine's deep-nesting test (depth guard
  # sized for plain builds) needs more than the default 8 MiB of stack.
  ulimit -s 65536 || true
  # Leaks fail the run too; a sanitizer report aborts the test that caused it.
  # install_consumer links the installed (sanitized) library into a plain program: not a
  # sanitizer test (scripts/test.sh runs it on the release build).
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    CONFORM_CTEST_EXCLUDE='^install_consumer$' scripts/run-suite.sh "$asan_dir"
}
tsan_build() {
  cmake --preset tsan -B "$tsan_dir" >/dev/null
  cmake --build "$tsan_dir" -j2 --target conform test_cli test_mock test_replay test_proxy \
    test_integration_concurrent
}
tsan_test() {
  # Children (conform mock, conform replay --jobs) inherit these options, so a race in them
  # fails the test that started them.
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/tsan-suppressions.txt"
  "$tsan_dir/tests/test_cli" --gtest_brief=1
  "$tsan_dir/tests/test_mock" --gtest_brief=1
  "$tsan_dir/tests/test_replay" --gtest_brief=1
  "$tsan_dir/tests/test_proxy" --gtest_brief=1
  # The concurrent parts' integration tests mostly wait on servers and timeouts: two shards
  # side by side. ARequestInFlight... signals 200 ms after sending: too soon for a request to
  # arrive under TSan's slowdown (it then sees a refused connection, not a race).
  local shard pids=() status=0
  for shard in 0 1; do
    GTEST_TOTAL_SHARDS=2 GTEST_SHARD_INDEX=$shard \
      "$tsan_dir/tests/test_integration_concurrent" --gtest_brief=1 \
      --gtest_filter='-MockCli.ARequestInFlightWhenTheSignalArrivesStillGetsItsAnswer' \
      >"$tsan_dir/integration.$shard.log" 2>&1 &
    pids+=($!)
  done
  for shard in 0 1; do
    if wait "${pids[$shard]}"; then
      tail -1 "$tsan_dir/integration.$shard.log"
    else
      echo "tsan: integration shard $shard FAILED:"
      cat "$tsan_dir/integration.$shard.log"
      status=1
    fi
  done
  return $status
}

for step in "${steps[@]}"; do
  case "$step" in
    asan)
      timed "sanitizers: asan build" asan_build
      timed "sanitizers: asan tests" asan_test
      ;;
    tsan)
      timed "sanitizers: tsan build" tsan_build
      timed "sanitizers: tsan tests" tsan_test
      ;;
    fuzz)
      # A fixed seed keeps the smoke run reproducible; longer runs explore with fresh seeds.
      FUZZ_SEED="${FUZZ_SEED:-1}" timed "sanitizers: fuzz smoke" tests/fuzz/run.sh "${FUZZ_SECONDS:-5}"
      ;;
    *)
      echo "test-sanitizers.sh: unknown step '$step' (asan, tsan or fuzz)" >&2
      exit 2
      ;;
  esac
done
