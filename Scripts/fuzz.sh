#!/usr/bin/env bash
# Builds one libFuzzer target and runs it: Scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]
#
# TARGET is ris, csljson, style or render (or fuzz-ris, ...). The seed corpus is built from the
# matching files in Fixtures/ and, when present, ../shared; the growing corpus is kept in
# .build/fuzz/corpus/TARGET between runs. A crash, hang, leak or out-of-memory input is saved in
# .build/fuzz/artifacts/TARGET/ and the script exits non-zero: add the input to
# Fixtures/fuzz/TARGET/ so the regression tests replay it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 2 ]; then
  echo "usage: $0 ris|csljson|style|render SECONDS [libFuzzer options...]" >&2
  exit 2
fi
target=${1#fuzz-}
seconds=$2
shift 2
case $target in
  ris) patterns=("*.ris"); section=""; dict=ris.dict ;;
  csljson) patterns=("*.json"); section=INPUT; dict=json.dict ;;
  style) patterns=("*.csl" "locales-*.xml"); section=CSL; dict=csl.dict ;;
  render) patterns=("*.csl"); section=CSL; dict=csl.dict ;;
  *) echo "unknown target '$target' (use ris, csljson, style or render)" >&2; exit 2 ;;
esac

scratch=.build/fuzz
CITEPROC_FUZZ=1 swift build -c release --scratch-path "$scratch" --product "fuzz-$target" 2>&1 \
  | grep -v -e '^\[' -e 'Cannot export local symbol' || true
binary=$scratch/release/fuzz-$target
[ -x "$binary" ] || { echo "build failed: $binary missing" >&2; exit 2; }

seeds=$scratch/seeds/$target
corpus=$scratch/corpus/$target
artifacts=$scratch/artifacts/$target
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$artifacts"
sources=(Fixtures)
[ -d ../shared ] && sources+=(../shared)
for source in "${sources[@]}"; do
  for pattern in "${patterns[@]}"; do
    # Seeds above 256 KB slow every mutation down; the loader's size limits are tested elsewhere.
    find "$source" -type f -name "$pattern" -size -256k -print0 |
      while IFS= read -r -d '' file; do
        cp "$file" "$seeds/$(printf '%s' "$file" | md5sum | cut -c1-16)"
      done
  done
done
# The official test suite's fixtures hold small styles (CSL) and CSL-JSON (INPUT) sections.
suite=../shared/csl-test-suite/processor-tests/humans
if [ -n "$section" ] && [ -d "$suite" ]; then
  for file in "$suite"/*.txt; do
    awk -v name="$section" '
      $0 ~ "^<<===== " name " =====<<" { inside = 0 }
      inside { print }
      $0 ~ "^>>===== " name " =====>>" { inside = 1 }
    ' "$file" >"$seeds/suite-$(basename "$file" .txt)"
  done
fi
# Earlier crash inputs are seeds too.
if [ -d "Fixtures/fuzz/$target" ]; then cp Fixtures/fuzz/"$target"/* "$seeds"/ 2>/dev/null || true; fi
echo "fuzz-$target: $(ls "$seeds" | wc -l) seed files, $(ls "$corpus" | wc -l) corpus files, ${seconds}s"

# Swift's own crash backtracer gets in the way of the sanitizer's report.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS=suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0
log=$scratch/fuzz-$target.log
set +e
"$binary" "$corpus" "$seeds" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
  -dict="Fuzz/dictionaries/$dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
  -detect_leaks=1 "$@" 2>&1 | tee "$log" | grep -v -e '^#[0-9]*.*\(NEW\|REDUCE\|pulse\)' 
status=${PIPESTATUS[0]}
set -e
echo "fuzz-$target: exit $status; corpus now $(ls "$corpus" | wc -l) files ($(du -sh "$corpus" | cut -f1))"
grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$log" || true
if [ "$status" -ne 0 ]; then
  echo "fuzz-$target found a problem; inputs in $artifacts:" >&2
  ls -la "$artifacts" >&2
fi
exit "$status"
