#!/usr/bin/env bash
# Re-records the expected outputs of the manuscript fixture (Fixtures/manuscript/expected).
# Check every changed line by hand against ../shared/docs/STYLES.md before committing them:
#   git diff Fixtures/manuscript/expected
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product citeproc
for style in vancouver harvard bjgp; do
  for format in markdown html; do
    ext=$([ "$format" = markdown ] && echo md || echo html)
    .build/debug/citeproc cite Fixtures/manuscript/paper.md --bibliography Fixtures/manuscript/refs.ris \
      --style "$style" --format "$format" -o "Fixtures/manuscript/expected/$style.$ext"
  done
done
git --no-pager diff --stat Fixtures/manuscript/expected || true
