#!/usr/bin/env bash
# Rewrites Fixtures/csl-suite-known-failures.txt from a fresh conformance run, keeping the reasons
# already written for fixtures that still fail. New failures get the reason "TODO: investigate";
# replace it before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product csl-conformance >/dev/null
failing=$(.build/release/csl-conformance --verbose | sed -n 's/^FAIL //p' | sort)
file=Fixtures/csl-suite-known-failures.txt
tmp=$(mktemp)
{
  echo "# Core CSL test-suite fixtures that fail today, one per line: NAME REASON."
  echo "# The ratchet test fails on any failure not listed here and on any listed fixture that passes."
  for name in $failing; do
    reason=$(grep -E "^$name " "$file" 2>/dev/null | head -1 | cut -d' ' -f2- || true)
    echo "$name ${reason:-TODO: investigate}"
  done
} >"$tmp"
mv "$tmp" "$file"
echo "$(echo "$failing" | grep -c . || true) known failures written to $file"
