#!/usr/bin/env bash
# Every shipped file stands alone: none sends the reader to the project's private notes
# (the vendor reading, the stack notes, the design notes), which do not ship with conform.
# Schema descriptions quote the vendor's page or state the decision and why instead.
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
echo "standalone: no shipped file cites the private notes"
