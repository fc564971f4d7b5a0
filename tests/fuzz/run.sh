#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a bounded time.
#   tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 10 s, every target)
# Seeds come from schemas/*/examples/ and cases/ (make_corpus.py); what a run learns is kept
# in $FUZZ_DIR/corpus/<target> for the next run. Every input in tests/fuzz/regressions/<target>/
# (inputs that once crashed) is replayed first. A crash leaves its input in
# $FUZZ_DIR/artifacts/ and exits 1. FUZZ_SEED fixes libFuzzer's random seed (0, the default:
# a new one each run). Needs clang, python3 and the build's -dev packages.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-10}"
shift || true
FUZZ_DIR="${FUZZ_DIR:-$root/build-fuzz}"
targets=("$@")
# Every target by default: each tests/fuzz/<name>_fuzzer.cpp (the suite's fuzz_replay globs
# the same files, so a new target joins both).
if [ ${#targets[@]} -eq 0 ]; then
  for source in "$root"/tests/fuzz/*_fuzzer.cpp; do
    name="$(basename "$source" _fuzzer.cpp)"
    targets+=("$name")
  done
fi

CXX="${CXX_FUZZ:-clang++}" cmake -S "$root/tests/fuzz" -B "$FUZZ_DIR" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
mkdir -p "$FUZZ_DIR"
if ! cmake --build "$FUZZ_DIR" -j"${FUZZ_JOBS:-2}" --target "${targets[@]/#/fuzz_}" >"$FUZZ_DIR/build.log" 2>&1; then
  echo "fuzz: the targets do not build; the end of $FUZZ_DIR/build.log:"
  tail -30 "$FUZZ_DIR/build.log"
  exit 1
fi

seeds="$FUZZ_DIR/seeds"
rm -rf "$seeds"
python3 "$root/tests/fuzz/make_corpus.py" "$root" "$seeds" >/dev/null
mkdir -p "$FUZZ_DIR/artifacts" "$FUZZ_DIR/logs"

# No leak checks: the targets keep the catalog and the mock's store for the whole run.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for target in "${targets[@]}"; do
  binary="$FUZZ_DIR/fuzz_$target"
  corpus="$FUZZ_DIR/corpus/$target"
  regressions="$root/tests/fuzz/regressions/$target"
  mkdir -p "$corpus"
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    if ! "$binary" -runs=0 "$regressions"/* >"$FUZZ_DIR/logs/$target.regressions.log" 2>&1; then
      echo "fuzz $target: a regression input crashes again (see $FUZZ_DIR/logs/$target.regressions.log)"
      status=1
      continue
    fi
  fi
  log="$FUZZ_DIR/logs/$target.log"
  if "$binary" -seed="${FUZZ_SEED:-0}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$FUZZ_DIR/artifacts/$target-" \
      "$corpus" "$seeds/$target" >"$log" 2>&1; then
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    echo "fuzz $target: ${seconds}s clean, ${execs:-?} executions, coverage ${cov:-?} edges"
  else
    echo "fuzz $target: CRASH; input in $FUZZ_DIR/artifacts/, log $log"
    grep -m5 -E 'ERROR|runtime error|abort|SUMMARY' "$log" || true
    status=1
  fi
done
exit $status
