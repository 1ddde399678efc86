#!/usr/bin/env bash
# Generates very large and hostile inputs (never committed) and runs the release CLI on them,
# reporting wall time, peak memory (from /usr/bin/time -v) and the exit status of each run.
#
#   Scripts/stress.sh [SIZE_MB]     # SIZE_MB of the large RIS corpus, default 500
#
# Cases: a SIZE_MB RIS corpus formatted with vancouver (peak memory compared with twice the
# output plus 200 MB); 1 GB of tag lines without ER, inside one record and outside any record;
# hostile styles (external entities, billion laughs, 10,000-deep nesting, 50 MB, invalid UTF-8).
# Inputs go to ${STRESS_DIR:-/tmp/citeproc-stress} and are removed at the end.
set -uo pipefail
cd "$(dirname "$0")/.."

size_mb=${1:-500}
dir=${STRESS_DIR:-/tmp/citeproc-stress}
mkdir -p "$dir"
trap 'rm -rf "$dir"' EXIT

swift build -c release --product citeproc 2>&1 | tail -1
swift build -c release --product citeproc-bench 2>&1 | tail -1
cli=.build/release/citeproc

# measure NAME COMMAND...: runs COMMAND with stdout to $dir/NAME.out, stderr to $dir/NAME.err.
measure() {
  local name=$1
  shift
  # At most 8 GB of address space, so a run that does not keep memory bounded fails instead of
  # exhausting the machine.
  (ulimit -v 8388608 && /usr/bin/time -v -o "$dir/$name.time" "$@" >"$dir/$name.out" 2>"$dir/$name.err")
  local status=$?
  local seconds rss
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$dir/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$dir/$name.time")
  local out_mb
  out_mb=$(( $(stat -c %s "$dir/$name.out") / 1048576 ))
  printf '%-28s exit %-3s %10s  peak %6s MB  output %5s MB  stderr: %s\n' "$name" "$status" "$seconds" \
    "$rss" "$out_mb" "$(head -c 150 "$dir/$name.err" | head -1)"
  LAST_RSS=$rss
  LAST_OUT=$out_mb
}

echo "== large RIS corpus (~$size_mb MB)"
# The corpus generator writes about 495 bytes of RIS per record.
records=$(( size_mb * 1048576 / 495 ))
.build/release/citeproc-bench --sizes "$records" --write-corpus "$dir" --write-only >/dev/null
corpus=$(ls "$dir"/corpus-*.ris | head -1)
rm -f "$dir"/corpus-*.json
echo "$corpus: $(( $(stat -c %s "$corpus") / 1048576 )) MB"
measure format-large "$cli" format "$corpus" --style vancouver
budget=$(( 2 * LAST_OUT + 200 ))
if [ "$LAST_RSS" -le "$budget" ]; then verdict=within; else verdict=OVER; fi
echo "peak $LAST_RSS MB vs budget 2 × $LAST_OUT + 200 = $budget MB: $verdict"
rm -f "$corpus" "$dir"/format-large.out

echo "== 1 GB of tag lines without ER"
{ printf 'TY  - JOUR\nTI  - One record\n'; yes 'KW  - keyword one two three four five six seven' | head -c 1073741824; } \
  >"$dir/no-er.ris"
measure no-er-one-record "$cli" convert "$dir/no-er.ris"
{ yes 'AU  - Stray, Tag Line Without Any Record' | head -c 1073741824; printf 'TY  - JOUR\nTI  - Last\nER  - \n'; } \
  >"$dir/no-er.ris"
measure stray-tag-lines "$cli" convert "$dir/no-er.ris"
rm -f "$dir/no-er.ris"

echo "== hostile styles (each must fail with a clear error, fast and small)"
head='<?xml version="1.0"?>'
style_open='<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>T</title><id>t</id></info><citation><layout>'
style_close='</layout></citation></style>'
printf '%s\n<!DOCTYPE style [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n%s<text value="&x;"/>%s\n' \
  "$head" "$style_open" "$style_close" >"$dir/xxe.csl"
printf '%s\n<!DOCTYPE style SYSTEM "http://127.0.0.1:9/x.dtd">\n%s%s\n' "$head" "$style_open" "$style_close" \
  >"$dir/external-dtd.csl"
{
  printf '%s\n<!DOCTYPE style [<!ENTITY l0 "lol">' "$head"
  for i in 1 2 3 4 5 6 7 8 9; do printf '<!ENTITY l%d "%s">' "$i" "$(printf '&l%d;' $((i - 1)){,,,,,,,,,})"; done
  printf ']>\n%s<text value="&l9;"/>%s\n' "$style_open" "$style_close"
} >"$dir/billion-laughs.csl"
{
  printf '%s\n%s' "$head" "$style_open"
  for _ in $(seq 10000); do printf '<group>\n'; done
  for _ in $(seq 10000); do printf '</group>'; done
  printf '%s\n' "$style_close"
} >"$dir/deep.csl"
{
  printf '%s\n%s' "$head" "$style_open"
  yes '<text value="0123456789012345678901234567890123456789"/>' | head -c 52428800
  printf '%s\n' "$style_close"
} >"$dir/huge.csl"
{ printf '%s\n%s<text value="caf' "$head" "$style_open"; printf '\xc3\x28\xff'; printf '"/>%s\n' "$style_close"; } \
  >"$dir/invalid-utf8.csl"
for style in xxe external-dtd billion-laughs deep huge invalid-utf8; do
  measure "style-$style" "$cli" check "$dir/$style.csl"
done
