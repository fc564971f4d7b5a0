#!/usr/bin/env bash
# Installs the build into a temporary prefix and checks what a user of the install gets:
# the layout, the installed `conform` reading the installed schemas, and the example
# consumer (examples/consumer) configured with find_package(conform), built and run.
# usage: tests/install/run.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
unset CONFORM_SCHEMAS

fail() {
  echo "install test: $*" >&2
  exit 1
}

cmake --install "$build" --prefix "$prefix" >/dev/null

for file in bin/conform lib/libconform.a include/conform/conform.hpp \
  include/conform/model/finding.hpp include/conform/model/format.hpp \
  lib/cmake/conform/conformConfig.cmake lib/cmake/conform/conformConfigVersion.cmake \
  lib/cmake/conform/conformTargets.cmake share/conform/schemas/manifest.schema.json \
  share/conform/schemas/finix/vendor.json share/bash-completion/completions/conform; do
  [ -f "$prefix/$file" ] || fail "cmake --install put no $file in the prefix"
done

# The installed binary reads the installed schemas: a vendor added only there is listed.
cp -r "$prefix/share/conform/schemas/finix" "$prefix/share/conform/schemas/acme"
sed -i 's/^  "id": "finix",/  "id": "acme",/' "$prefix/share/conform/schemas/acme/vendor.json"
(cd "$work" && "$prefix/bin/conform" vendors) > "$work/vendors.txt" ||
  fail "the installed conform could not list the vendors"
grep -q '^acme — ' "$work/vendors.txt" ||
  fail "the installed conform did not read $prefix/share/conform/schemas: $(cat "$work/vendors.txt")"
# The same through libexec/conform/conform-full, which runs the commands conform hands over.
[ -x "$prefix/libexec/conform/conform-full" ] || fail "cmake --install put no libexec/conform/conform-full"
(cd "$work" && "$prefix/bin/conform" completion bash) > "$work/completion.sh" ||
  fail "the installed conform could not hand 'completion' to conform-full"
grep -q 'acme' "$work/completion.sh" ||
  fail "the installed conform-full did not read $prefix/share/conform/schemas"
rm -r "$prefix/share/conform/schemas/acme"

# The example consumer, built against the prefix with the project's warnings as errors.
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$source/examples/consumer" -B "$work/consumer" "${generator[@]}" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="-Wall -Wextra -Wpedantic -Wshadow -Werror" >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log" >&2; fail "find_package(conform) failed"; }
cmake --build "$work/consumer" >"$work/build.log" 2>&1 ||
  { cat "$work/build.log" >&2; fail "the consumer did not build"; }

(cd "$work" && "$work/consumer/consumer") > "$work/good.txt" ||
  fail "the consumer rejected a valid payload: $(cat "$work/good.txt")"
expected="contracts: $prefix/share/conform/schemas
valid: sending PUT /users/{user_id}"
[ "$(cat "$work/good.txt")" = "$expected" ] ||
  fail "unexpected output for a valid payload:
$(cat "$work/good.txt")
expected:
$expected"

printf '{\n  "enabled": "yes",\n  "Tags": {}\n}\n' > "$work/bad.json"
status=0
(cd "$work" && "$work/consumer/consumer" "$work/bad.json") > "$work/bad.txt" || status=$?
[ "$status" -eq 1 ] || fail "the consumer exited $status on an invalid payload (expected 1)"
grep -q '^2:14 /enabled \[type\] ' "$work/bad.txt" ||
  fail "no type finding at 2:14 for /enabled: $(cat "$work/bad.txt")"
grep -q '^3:3 /Tags \[additionalProperties\] .*did you mean "tags"' "$work/bad.txt" ||
  fail "no finding with a suggestion for /Tags: $(cat "$work/bad.txt")"
grep -q '^not sent' "$work/bad.txt" || fail "the consumer did not refuse to send"
echo "install test: layout, installed schemas and find_package consumer all fine"
