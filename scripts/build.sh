#!/usr/bin/env bash
# Installs what the build needs (Debian packages) and builds Release into build/.
# CONFORM_BUILD_TESTS=OFF leaves the test suite and its packages out (scripts/demo.sh, and
# scripts/test.sh, which builds the suite sanitized); CONFORM_TEST_PACKAGES=ON installs
# those packages all the same.
set -euo pipefail
cd "$(dirname "$0")/.."

tests="${CONFORM_BUILD_TESTS:-ON}"
packages=(cmake ninja-build g++ pkg-config rapidjson-dev libpugixml-dev libcpp-httplib-dev
  libssl-dev libre2-dev libidn2-dev zlib1g-dev libbrotli-dev)
# GoogleTest, and valijson: the reference implementation the schema tests compare with.
if [ "$tests" = ON ] || [ "${CONFORM_TEST_PACKAGES:-OFF}" = ON ]; then
  packages+=(libgtest-dev libgmock-dev libvalijson-dev)
fi
# Callers that need more (the tests need a browser) name it in CONFORM_EXTRA_PACKAGES.
read -ra extra <<< "${CONFORM_EXTRA_PACKAGES:-}"
packages+=("${extra[@]+"${extra[@]}"}")

missing=()
for p in "${packages[@]}"; do
  [ -n "$p" ] || continue
  # Node.js from another source (NodeSource ships npm inside its nodejs, and its package
  # conflicts with Debian's npm) already gives the commands: ask for the package only if not.
  case "$p" in
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "build.sh: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "build.sh: missing packages; run: sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
fi

cmake --preset release -DCONFORM_BUILD_TESTS="$tests" >/dev/null
cmake --build --preset release
