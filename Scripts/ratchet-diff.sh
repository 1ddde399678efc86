#!/usr/bin/env bash
# Shows how a fresh conformance run differs from Fixtures/csl-suite-known-failures.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product csl-conformance >/dev/null
now=$(mktemp); known=$(mktemp)
.build/release/csl-conformance --verbose | sed -n 's/^FAIL //p' | sort >"$now"
grep -v '^#' Fixtures/csl-suite-known-failures.txt | cut -d' ' -f1 | sort >"$known"
echo "newly failing:"; comm -23 "$now" "$known" | sed 's/^/  /'
echo "newly passing:"; comm -13 "$now" "$known" | sed 's/^/  /'
echo "$(wc -l <"$now") failing now, $(wc -l <"$known") listed"
rm -f "$now" "$known"
