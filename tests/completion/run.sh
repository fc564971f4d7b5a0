#!/usr/bin/env bash
# Sources the script `conform completion bash` prints into a bash and checks what it offers
# for a few command lines, the way bash calls it on TAB (COMP_LINE, COMP_POINT).
# usage: tests/completion/run.sh CONFORM_BINARY SCHEMAS_DIR
set -euo pipefail
conform=$1
schemas=$2
script=$(mktemp)
trap 'rm -f "$script"' EXIT
"$conform" completion bash --schemas "$schemas" > "$script"

# The candidates for `line` with the cursor at its end, sorted, on one line.
candidates() {
  bash --norc --noprofile -c '
    source "$1" || exit 3
    complete -p conform >/dev/null || exit 4
    COMP_LINE=$2
    COMP_POINT=${#COMP_LINE}
    _conform
    printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' _ "$script" "$1"
}

failures=0
check() {
  local got
  got=$(candidates "$1")
  got=${got% }
  if [ "$got" != "$2" ]; then
    echo "completion of '$1': got '$got', expected '$2'" >&2
    failures=$((failures + 1))
  fi
}

check "conform val" "validate"
check "conform validate f" "finix formsonfire"
check "conform validate finix req" "request"
check "conform validate finix response:4" "400 401 403 404 405 406 413 415"
check "conform validate maiascore response:d" "default"
check "conform validate --format xml msp360 re" "request response:200 response:400 response:401 response:404 response:405 response:413 response:415"
check "conform validate finix request --for" "--format"
check "conform validate finix request --format " "form json xml"
check "conform vendors --output " "json text"
check "conform openapi n" "nexudus"
check "conform openapi finix --out" "--out --output"
check "conform mock --vendor m" "maiascore msp360"
check "conform completion " "bash"
check "conform report " "merge"
# Values come from the commands' declarations, not from scraping their --help.
check "conform replay --mock-profile " "default drifted"
check "conform record --target " "mock"
check "conform openapi finix --output " "json"
check "conform drift --fail-on " "any breaking"

if [ "$failures" -gt 0 ]; then
  echo "bash completion: $failures line(s) completed wrongly" >&2
  exit 1
fi
echo "bash completion: every line completed as expected"
