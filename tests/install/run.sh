#!/usr/bin/env bash
# Installs the build into a temporary prefix and checks what a user of the install gets:
# the layout, every subcommand of the installed `conform` run outside the source tree, and
# the example consumer (examples/consumer, conform::validate) configured with
# find_package(conform), built and run, and the same program against conform::conform.
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

for file in bin/conform lib/libconform.a lib/libconform-validate.a include/conform/conform.hpp \
  include/conform/model/finding.hpp include/conform/model/format.hpp \
  lib/cmake/conform/conformConfig.cmake lib/cmake/conform/conformConfigVersion.cmake \
  lib/cmake/conform/conformTargets.cmake share/conform/schemas/manifest.schema.json \
  share/conform/schemas/finix/vendor.json share/conform/cases/case.schema.json \
  share/conform/cases/finix/read-after-write.json share/bash-completion/completions/conform; do
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

# Every subcommand runs from the prefix, in a folder outside the source tree, reading only
# what the install put there. A command `conform --help` lists but this test does not run
# is a failure too, so a new command cannot ship without its installed files.
share=$prefix/share/conform
user=$work/user
mkdir "$user"
ran=()
run() {  # expected-status command args...: runs the installed conform in $user
  local expected=$1 status=0
  shift
  ran+=("$1")
  (cd "$user" && "$prefix/bin/conform" "$@") >"$work/out.txt" 2>&1 || status=$?
  [ "$status" -eq "$expected" ] ||
    fail "the installed 'conform $*' exited $status (expected $expected): $(tail -5 "$work/out.txt")"
}
run 0 validate finix request "$share/schemas/finix/examples/request.valid.seed-example-tags.json"
run 0 convert msp360 request --to xml "$share/schemas/msp360/examples/request.valid.minimal.json"
run 0 vendors
run 0 openapi finix
run 0 replay --report-dir reports
run 0 lint --strict
run 0 fuzz --seed 1 --examples 20
run 0 record "$share/cases/finix" --out snapshots
run 0 drift snapshots --baseline snapshots
run 0 diff "$share/schemas" "$share/schemas"
run 0 infer snapshots --vendor finix --message response:200
run 0 report merge reports --report-dir merged
run 0 completion bash
ran+=(mock)
(cd "$user" && exec "$prefix/bin/conform" mock --port 0 >"$work/mock.out" 2>"$work/mock.log") &
mock_pid=$!
for _ in $(seq 300); do grep -q listening "$work/mock.out" && break; sleep 0.1; done
port=$(sed -n 's/^conform mock listening on http:\/\/127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/mock.out")
answer=""
if [ -n "$port" ]; then  # one request, without credentials: the vendor's own refusal
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET /finix/users/USsRhsHYZGBPnQw8CByJyEQW HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
  answer=$(head -1 <&3)
  exec 3<&-
fi
# The installed proxy in front of that mock: the same request, forwarded, the same refusal.
ran+=(proxy)
proxied=""
if [ -n "$port" ]; then
  (cd "$user" && exec "$prefix/bin/conform" proxy --vendor finix \
    --target "http://127.0.0.1:$port/finix" --port 0 --report-dir proxy-reports \
    >"$work/proxy.out" 2>"$work/proxy.log") &
  proxy_pid=$!
  for _ in $(seq 300); do grep -q listening "$work/proxy.out" && break; sleep 0.1; done
  proxy_port=$(sed -n 's/^conform proxy listening on http:\/\/127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/proxy.out")
  if [ -n "$proxy_port" ]; then
    exec 3<>"/dev/tcp/127.0.0.1/$proxy_port"
    printf 'GET /users/USsRhsHYZGBPnQw8CByJyEQW HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
    proxied=$(head -1 <&3)
    exec 3<&-
  fi
  kill "$proxy_pid" 2>/dev/null || true
  wait "$proxy_pid" || true
fi
kill "$mock_pid" 2>/dev/null || true
wait "$mock_pid" || true
[ -n "$port" ] || fail "the installed conform mock did not start: $(cat "$work/mock.log")"
case "$answer" in
  "HTTP/1.1 4"*) ;;
  *) fail "the installed conform mock answered '$answer' to a request without credentials" ;;
esac
[ "$proxied" = "$answer" ] || fail "the installed conform proxy answered '$proxied', the mock '$answer'"
[ -f "$user/proxy-reports/report.json" ] || fail "the installed conform proxy wrote no reports"
listed=$("$prefix/bin/conform" --help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p' | sort)
tested=$(printf '%s\n' "${ran[@]}" | sort -u)
[ "$listed" = "$tested" ] || fail "commands not run from the prefix: $(comm -23 <(echo "$listed") <(echo "$tested") | tr '\n' ' ')"

# The example consumer, built against the prefix with the project's warnings as errors.
# Ninja (scripts/build.sh installs it): the link-line check reads build.ninja.
generator=(-G Ninja)
# It links conform::validate only: configured with OpenSSL out of reach, its link line names
# neither OpenSSL nor cpp-httplib (the linker would drop an unused one silently, so the
# line is what tells).
consumer_build() {  # source-dir build-dir cmake-options...
  local from=$1 to=$2
  shift 2
  cmake -S "$from" -B "$to" "${generator[@]}" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="-Wall -Wextra -Wpedantic -Wshadow -Werror" \
    "$@" >"$work/configure.log" 2>&1 ||
    { cat "$work/configure.log" >&2; fail "find_package(conform) failed for $from"; }
  cmake --build "$to" >"$work/build.log" 2>&1 ||
    { cat "$work/build.log" >&2; fail "the consumer in $from did not build"; }
}
consumer_build "$source/examples/consumer" "$work/consumer" -DCMAKE_DISABLE_FIND_PACKAGE_OpenSSL=ON
http_stack='lib(ssl|crypto|cpp-httplib)\.'
if grep -Eo "[^ ]*$http_stack[^ ]*" "$work/consumer/build.ninja"; then
  fail "the conform::validate consumer links the HTTP stack"
fi
# The whole library, conform::conform, serves the same program too.
mkdir "$work/full-source"
cat >"$work/full-source/CMakeLists.txt" <<EOF
cmake_minimum_required(VERSION 3.25)
project(conform_full_consumer LANGUAGES CXX)
find_package(conform 0.1 REQUIRED)
add_executable(consumer "$source/examples/consumer/main.cpp")
target_link_libraries(consumer PRIVATE conform::conform)
EOF
consumer_build "$work/full-source" "$work/full"
grep -Eq "$http_stack" "$work/full/build.ninja" ||
  fail "the link-line check above cannot see the HTTP stack even in a conform::conform consumer"
(cd "$work" && "$work/full/consumer") >/dev/null || fail "the conform::conform consumer failed"

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
echo "install test: layout, every subcommand from the prefix, conform::validate and conform::conform consumers all fine"
