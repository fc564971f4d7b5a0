#!/usr/bin/env bash
# Replays each fuzz target's seeds (make_corpus.py) and the inputs that once crashed it
# (tests/fuzz/regressions/<target>/) through the targets the test suite builds into
# fuzz_replay (replay_main.cpp instead of libFuzzer): a crash, a sanitizer report or an abort
# fails.
# usage: tests/fuzz/replay.sh TESTS_BINARY_DIR SOURCE_DIR
set -euo pipefail
binaries=$1
root=$2
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
python3 "$root/tests/fuzz/make_corpus.py" "$root" "$seeds" >/dev/null
status=0
for source in "$root"/tests/fuzz/*_fuzzer.cpp; do
  target=$(basename "$source" _fuzzer.cpp)
  inputs=()
  for folder in "$seeds/$target" "$root/tests/fuzz/regressions/$target"; do
    [ -d "$folder" ] && inputs+=("$folder")
  done
  if [ ${#inputs[@]} -eq 0 ]; then
    echo "fuzz replay $target: FAILED: no seeds and no regression inputs"
    status=1
  elif out=$("$binaries/fuzz_replay" "$target" "${inputs[@]}" 2>&1); then
    echo "fuzz replay $target: $out"
  else
    echo "fuzz replay $target: FAILED"
    tail -30 <<<"$out"
    status=1
  fi
done
exit $status
