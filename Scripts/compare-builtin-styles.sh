#!/usr/bin/env bash
# Compares the built-in styles with what they must reproduce, record by record.
#
#   Styles/vancouver.csl  vs  nlm-citation-sequence.csl           (both with the default en-US locale)
#   Styles/harvard.csl    vs  harvard-cite-them-right.csl --locale en-GB
#
# over every record of ../shared/ris-samples/*.ris, ../shared/reference-outputs/items.json and
# Scripts/style-cases.json (item types and variables the other two leave out), for the
# bibliography and for citations, then checks the seed record against the exact outputs in
# ../shared/docs/STYLES.md for all three styles.
#
# Usage: Scripts/compare-builtin-styles.sh [-v] [--engine citeproc|pandoc]
#   -v                 print every differing record (ours first, then the official style's)
#   --engine citeproc  (default) the package's own CLI, built with `swift build`
#   --engine pandoc    pandoc's citeproc, as an independent cross-check of the style files; reads only
#                      CSL-JSON, so it covers items.json and the seed (given here as CSL-JSON)
# Environment: SHARED (default: ../shared next to the package), CITEPROC (path of a built CLI).
# Exits 1 when any record differs or a seed check fails.
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
engine=citeproc
verbose=0
while [ $# -gt 0 ]; do
  case "$1" in
    -v) verbose=1 ;;
    --engine) shift; engine=${1:-} ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# ---------------------------------------------------------------- engines

# The seed record, as CSL-JSON, for engines that cannot read RIS.
cat >"$work/seed.json" <<'EOF'
[{"id":"seed","type":"article-journal",
  "title":"Holding relationships in primary care: a qualitative exploration of doctors' and patients' perceptions",
  "container-title":"British Journal of General Practice","container-title-short":"Br J Gen Pract",
  "page":"e484-e491","DOI":"10.3399/bjgp11X588457","volume":"61","issue":"589",
  "author":[{"family":"Cocksedge","given":"Simon"},{"family":"Greenfield","given":"Rebecca"},
            {"family":"Nugent","given":"G Kelly"},{"family":"Chew-Graham","given":"Carolyn"}],
  "issued":{"date-parts":[[2011,8,1]]},"URL":"http://bjgp.org/content/61/589/e484.abstract"}]
EOF

case "$engine" in
  citeproc)
    if [ -z "${CITEPROC:-}" ]; then
      (cd "$root" && swift build --product citeproc >"$work/build.log" 2>&1) || {
        echo "swift build failed:"; tail -20 "$work/build.log"; exit 2; }
      CITEPROC="$(cd "$root" && swift build --show-bin-path)/citeproc"
    fi
    if ! "$CITEPROC" format --help >/dev/null 2>&1 || ! "$CITEPROC" --help 2>&1 | grep -q format; then
      echo "$CITEPROC has no 'format' command yet; try --engine pandoc"
      exit 2
    fi
    inputs=("$shared"/ris-samples/*.ris "$shared/reference-outputs/items.json" "$root/Scripts/style-cases.json")
    ;;
  pandoc)
    command -v pandoc >/dev/null || { echo "pandoc is not installed (apt-get install pandoc)"; exit 2; }
    inputs=("$shared/reference-outputs/items.json" "$root/Scripts/style-cases.json" "$work/seed.json")
    ;;
  *) echo "unknown engine: $engine" >&2; exit 2 ;;
esac

# render STYLE FILE LOCALE MODE FORMAT: one record per line on stdout.
# LOCALE may be empty (the style's default); MODE is bibliography or citation; FORMAT is text or html.
render() {
  local style=$1 file=$2 locale=$3 mode=$4 format=$5
  if [ "$engine" = citeproc ]; then
    local args=(format "$file" --style "$style" --format "$format")
    [ -n "$locale" ] && args+=(--locale "$locale")
    [ "$mode" = citation ] && args+=(--citation)
    "$CITEPROC" "${args[@]}" 2>/dev/null
  else
    local ids doc="$work/doc.md"
    ids=$(grep -o '"id" *: *"[^"]*"' "$file" | sed 's/.*"\([^"]*\)"$/\1/')
    {
      echo "---"
      [ -n "$locale" ] && echo "lang: $locale"
      [ "$mode" = bibliography ] && echo "nocite: '@*'" && echo "suppress-bibliography: false"
      echo "---"
      if [ "$mode" = citation ]; then for id in $ids; do printf '[@%s]\n\n' "$id"; done; fi
    } >"$doc"
    local to=plain; [ "$format" = html ] && to=html
    if [ "$mode" = citation ]; then
      pandoc --citeproc --csl="$style" --bibliography="$file" -M suppress-bibliography=true \
        -t "$to" --wrap=none "$doc" | grep -v '^$'
    else
      pandoc --citeproc --csl="$style" --bibliography="$file" -t "$to" --wrap=none "$doc" | grep -v '^$'
    fi
  fi
}

# compare LABEL OURS_FILE THEIRS_FILE: counts identical and different lines (records).
total_same=0
total_diff=0
empty_outputs=0
compare() {
  local label=$1 a b i same=0 diff=0 n
  mapfile -t a <"$2"
  mapfile -t b <"$3"
  n=${#a[@]}; [ ${#b[@]} -gt "$n" ] && n=${#b[@]}
  if [ "$n" -eq 0 ]; then
    # The reader skipped every record (the file holds nothing citable), or the engine failed for both.
    printf '  %-60s no output from either style\n' "$label"
    empty_outputs=$((empty_outputs + 1))
    return
  fi
  for ((i = 0; i < n; i++)); do
    if [ "${a[i]-<missing>}" == "${b[i]-<missing>}" ]; then
      same=$((same + 1))
    else
      diff=$((diff + 1))
      if [ "$verbose" = 1 ]; then
        printf '    ours:     %s\n    official: %s\n' "${a[i]-<missing>}" "${b[i]-<missing>}"
      fi
    fi
  done
  printf '  %-60s identical %4d  different %4d\n' "$label" "$same" "$diff"
  total_same=$((total_same + same))
  total_diff=$((total_diff + diff))
}

# ---------------------------------------------------------------- style against style

styles_dir="$root/Styles"
official="$shared/csl-styles"
# name | our style | our locale | official style | official locale
pairs=(
  "vancouver|$styles_dir/vancouver.csl||$official/nlm-citation-sequence.csl|"
  "harvard|$styles_dir/harvard.csl||$official/harvard-cite-them-right.csl|en-GB"
)

for pair in "${pairs[@]}"; do
  IFS='|' read -r name ours our_locale theirs their_locale <<<"$pair"
  echo "== $name vs $(basename "$theirs" .csl)${their_locale:+ ($their_locale)}"
  before_same=$total_same
  before_diff=$total_diff
  for file in "${inputs[@]}"; do
    for mode in bibliography citation; do
      render "$ours" "$file" "$our_locale" "$mode" text >"$work/ours.txt"
      render "$theirs" "$file" "$their_locale" "$mode" text >"$work/theirs.txt"
      # --citation prints one citation of all the file's records: one line to compare.
      compare "$(basename "$file") $mode" "$work/ours.txt" "$work/theirs.txt"
    done
  done
  printf '  %-60s identical %4d  different %4d\n' "TOTAL $name" \
    $((total_same - before_same)) $((total_diff - before_diff))
done
[ "$total_diff" -gt 0 ] && failures=$((failures + 1))

# ---------------------------------------------------------------- the seed against STYLES.md

echo "== seed against docs/STYLES.md"
expect() {
  local label=$1 want=$2 got=$3
  if [ "$got" == "$want" ]; then
    echo "  ok    $label"
  else
    echo "  FAIL  $label"
    printf '    want: %s\n    got:  %s\n' "$want" "$got"
    failures=$((failures + 1))
  fi
}

vancouver_bib='1. Cocksedge S, Greenfield R, Nugent GK, Chew-Graham C. Holding relationships in primary care: a qualitative exploration of doctors’ and patients’ perceptions. Br J Gen Pract. 2011 Aug 1;61(589):e484–91. doi:10.3399/bjgp11X588457'
harvard_bib='Cocksedge, S. et al. (2011) ‘Holding relationships in primary care: a qualitative exploration of doctors’ and patients’ perceptions’, British Journal of General Practice, 61(589), pp. e484–e491. Available at: https://doi.org/10.3399/bjgp11X588457.'
harvard_html='<div class="csl-bib-body">
  <div class="csl-entry">Cocksedge, S. <i>et al.</i> (2011) ‘Holding relationships in primary care: a qualitative exploration of doctors’ and patients’ perceptions’, <i>British Journal of General Practice</i>, 61(589), pp. e484–e491. Available at: https://doi.org/10.3399/bjgp11X588457.</div>
</div>'
bjgp_bib='1. Cocksedge S, Greenfield R, Nugent GK, Chew-Graham C. Holding relationships in primary care: a qualitative exploration of doctors’ and patients’ perceptions. Br J Gen Pract 2011; 61(589): e484–e491.'

if [ "$engine" = citeproc ]; then
  seeds=("$shared/fixtures/seed.ris" "$shared/fixtures/seed-collapsed.ris")
else
  seeds=("$work/seed.json")
fi
for seed in "${seeds[@]}"; do
  s=$(basename "$seed")
  if [ "$engine" = citeproc ]; then
    expect "$s vancouver bibliography text" "$vancouver_bib" "$(render "$styles_dir/vancouver.csl" "$seed" "" bibliography text)"
  else
    # pandoc's citeproc ignores name options inherited from cs:style when cs:names has no cs:name
    # child, so it prints full given names for this style and for the official one alike.
    echo "  skip  $s vancouver bibliography text (pandoc does not inherit name options here)"
  fi
  expect "$s vancouver citation text" "(1)" "$(render "$styles_dir/vancouver.csl" "$seed" "" citation text)"
  expect "$s harvard bibliography text" "$harvard_bib" "$(render "$styles_dir/harvard.csl" "$seed" "" bibliography text)"
  expect "$s harvard citation text" "(Cocksedge et al., 2011)" "$(render "$styles_dir/harvard.csl" "$seed" "" citation text)"
  expect "$s bjgp bibliography text" "$bjgp_bib" "$(render "$styles_dir/bjgp.csl" "$seed" "" bibliography text)"
  expect "$s bjgp citation text" "¹" "$(render "$styles_dir/bjgp.csl" "$seed" "" citation text)"
  if [ "$engine" = citeproc ]; then
    # pandoc wraps HTML its own way, so the markup is only checked with the package's engine.
    expect "$s harvard bibliography html" "$harvard_html" "$(render "$styles_dir/harvard.csl" "$seed" "" bibliography html)"
    expect "$s bjgp citation html" "<sup>1</sup>" "$(render "$styles_dir/bjgp.csl" "$seed" "" citation html)"
  fi
done

echo "== records: identical $total_same, different $total_diff, comparisons without output $empty_outputs; failed checks: $failures"
[ "$failures" -eq 0 ]
