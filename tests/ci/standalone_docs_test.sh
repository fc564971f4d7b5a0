#!/usr/bin/env bash
# Every shipped file stands alone: none sends the reader to the project's private notes
# (the vendor reading, the stack notes, the design notes), which do not ship with conform.
# Schema descriptions quote the vendor's page or state the decision and why instead. Nor do
# tests, CMake, scripts and docs cite the project's issue numbers, which a reader of the
# shipped tree cannot look up: a comment says why, and measurement history goes in
# bench/README.md.
set -uo pipefail
source_dir=$1
cd "$source_dir" || exit 2
pattern='(VENDORS|STACK[-]NOTES|DESIGN)[.]md'
hits=$(grep -rnIE "$pattern" --exclude-dir=node_modules --exclude-dir=.peers \
         --exclude-dir=.corpora --exclude-dir=.results -- runner schemas cases docs tests scripts \
         cmake bench examples CMakeLists.txt README.md)
if [ -n "$hits" ]; then
  echo "shipped files cite notes that do not ship:"
  echo "$hits"
  exit 1
fi
issue_pattern='[Ii]ssues? #?[0-9]+'
issue_hits=$(grep -rnIE "$issue_pattern" --exclude-dir=node_modules --exclude-dir=.peers \
               --exclude-dir=.corpora --exclude-dir=.results --exclude-dir=json-schema-test-suite \
               -- runner tests scripts docs cmake bench examples CMakeLists.txt README.md)
if [ -n "$issue_hits" ]; then
  echo "shipped files cite issue numbers:"
  echo "$issue_hits"
  exit 1
fi
echo "standalone: no shipped file cites the private notes or an issue number"
