#!/usr/bin/env bash
# Golden CLI tests: each folder under tests/golden/ holds `cmd` (arguments, one shell line,
# run from the repository root with $CONFORM standing for the binary), optional `stdin`,
# and the expected `stdout`, `stderr` and `exit`. In expected text, `~~~` matches any run
# of characters on that line (ports, times, paths).
set -uo pipefail
conform_bin=$1
here=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0

matches() {  # expected-file actual-file
  python3 - "$1" "$2" <<'PY'
import re, sys
exp = open(sys.argv[1], encoding="utf-8", errors="replace").read().split("\n")
act = open(sys.argv[2], encoding="utf-8", errors="replace").read().split("\n")
if len(exp) != len(act):
    sys.exit(1)
for e, a in zip(exp, act):
    pattern = "^" + ".*".join(re.escape(p) for p in e.split("~~~")) + "$"
    if not re.match(pattern, a):
        sys.exit(1)
PY
}

for dir in "$here"/*/; do
  name=$(basename "$dir")
  [ -f "$dir/cmd" ] || continue
  out=$(mktemp) err=$(mktemp)
  stdin_file=/dev/null
  [ -f "$dir/stdin" ] && stdin_file="$dir/stdin"
  CONFORM="$conform_bin" NO_COLOR=1 bash -c "CONFORM=\"$conform_bin\"; $(cat "$dir/cmd")" \
    <"$stdin_file" >"$out" 2>"$err"
  code=$?
  ok=1
  [ "$code" = "$(cat "$dir/exit" 2>/dev/null || echo 0)" ] || { ok=0; echo "golden $name: exit $code, expected $(cat "$dir/exit")"; }
  for stream in stdout stderr; do
    [ -f "$dir/$stream" ] || continue
    actual=$out; [ $stream = stderr ] && actual=$err
    if ! matches "$dir/$stream" "$actual"; then
      ok=0
      echo "golden $name: $stream differs"
      diff "$dir/$stream" "$actual" | head -20
    fi
  done
  if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  rm -f "$out" "$err"
done
echo "golden: $passed passed, $failed failed"
[ $failed = 0 ] && [ $passed -gt 0 ]
