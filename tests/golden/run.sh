#!/usr/bin/env bash
# Golden CLI tests: each folder under tests/golden/ is one case. Its `cmd` (bash lines,
# run from the repository root) names the binary $CONFORM and may write under $TMP, a
# fresh folder of its own; an optional `stdin` is fed to it. Every case checks all three of
# `stdout`, `stderr` and `exit` (a missing one is a failure, not a skip).
#
# Before comparing, both streams are normalized, so output that holds ports, times or
# temporary paths is checked rather than skipped: see normalize() below (loopback ports
# become PORT, durations N ms, rates N cases/s and N exchanges/s, the run's own timestamps TIME, $TMP's path $TMP,
# the repository's path $ROOT).
#
# Usage:  tests/golden/run.sh BINARY             check every case
#         tests/golden/run.sh --update BINARY    (re)write every case's expected files from
#                                                what BINARY prints now; review the diff
#         tests/golden/run.sh [--update] BINARY NAME...   only these cases
# To add a case: mkdir tests/golden/NAME, write its cmd, run with --update and read what
# it wrote before committing it.
set -uo pipefail
update=0
if [ "${1:-}" = --update ]; then
  update=1
  shift
fi
conform_bin=$(realpath "$1")
shift
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.." || exit 2
passed=0
failed=0

normalize() {  # tmp-dir file...: rewrites the files in place (one python start per case)
  python3 - "$PWD" "$@" <<'PY'
import datetime, re, sys
root, tmp, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
# Only timestamps of the run itself (within two days of now) are times to normalize; the
# fixed ones of seed data and examples stay checked.
today = datetime.date.today()
def run_time(match):
    try:
        day = datetime.date.fromisoformat(match.group(1))
    except ValueError:
        return match.group(0)
    return "TIME" if abs((day - today).days) <= 2 else match.group(0)
rules = [
    (r"\b(127\.0\.0\.1|localhost|\[::1\]):\d+", r"\1:PORT"),
    (r"\b\d+(\.\d+)? ?(ms|µs)\b", "N ms"),
    (r"\b\d+(\.\d+)? cases/s\b", "N cases/s"),
    (r"\b\d+(\.\d+)? exchanges/s\b", "N exchanges/s"),
    (r"\b\d+\.\d+ s\b", "N s"),
]
for path in paths:
    text = open(path, encoding="utf-8", errors="surrogateescape").read()
    text = text.replace(tmp, "$TMP").replace(root + "/", "$ROOT/")
    text = re.sub(r"\b(\d{4}-\d\d-\d\d)T\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?",
                  run_time, text)
    for pattern, replacement in rules:
        text = re.sub(pattern, replacement, text)
    open(path, "w", encoding="utf-8", errors="surrogateescape").write(text)
PY
}

cases=("$@")
if [ ${#cases[@]} = 0 ]; then
  for dir in "$here"/*/; do
    [ -f "$dir/cmd" ] && cases+=("$(basename "$dir")")
  done
fi

for name in "${cases[@]}"; do
  dir=$here/$name
  if [ ! -f "$dir/cmd" ]; then
    echo "golden $name: no such case"
    failed=$((failed + 1))
    continue
  fi
  tmp=$(mktemp -d)
  stdin_file=/dev/null
  [ -f "$dir/stdin" ] && stdin_file="$dir/stdin"
  CONFORM="$conform_bin" TMP="$tmp" NO_COLOR=1 bash -c "$(cat "$dir/cmd")" \
    <"$stdin_file" >"$tmp/.stdout" 2>"$tmp/.stderr"
  echo $? >"$tmp/.exit"
  normalize "$tmp" "$tmp/.stdout" "$tmp/.stderr"
  ok=1
  for stream in stdout stderr exit; do
    if [ $update = 1 ]; then
      cp "$tmp/.$stream" "$dir/$stream"
    elif [ ! -f "$dir/$stream" ]; then
      ok=0
      echo "golden $name: no expected $stream (run with --update to write it)"
    elif ! cmp -s "$dir/$stream" "$tmp/.$stream"; then
      ok=0
      echo "golden $name: $stream differs (expected, actual):"
      diff "$dir/$stream" "$tmp/.$stream" | head -20
    fi
  done
  if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  rm -rf "$tmp"
done
if [ $update = 1 ]; then
  echo "golden: wrote the expected output of $passed case(s); review it with git diff"
  exit 0
fi
echo "golden: $passed passed, $failed failed"
[ $failed = 0 ] && [ $passed -gt 0 ]
