#!/usr/bin/env bash
# Two builds of bench_relevance on the same kept archives, one after the other: every set's rows
# (Vanban and the BM25 peer of each run), the restoration lines, and per set and form the new
# build's Vanban figures as ratios to the BM25 peer of the same run. Aggregate rows only: the
# held-out questions' misses are never printed (bench/heldout/SOURCE.md).
#
#   bench/relevance_compare.sh OLD_BENCH_RELEVANCE NEW_BENCH_RELEVANCE DB_DIR [ARGS...]
#
# DB_DIR keeps the archives (bench_relevance --db); the first run indexes them. ARGS go to both
# runs (--only alqac, --heldout FILE, --study FILE).
set -euo pipefail
old=$1 new=$2 db=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for build in old new; do
  binary=${!build}
  "$binary" --db "$db" "$@" >"$work/$build.out" 2>"$work/$build.err"
  echo "## $build: $binary"
  grep -E '^\| [A-Za-z]' "$work/$build.out" | grep -v '^| set '
  grep -E "accents restored right|read as a question" "$work/$build.err" || true
done
echo "## new ÷ BM25 (same run): R@1 / R@5 / R@10 / MRR@10"
awk -F'|' '/^\| [A-Za-z]/ && $2 !~ /^ set / {
  key = $2 "|" $3; gsub(/ +\|/, "|", key); gsub(/^ +| +$/, "", key)
  sys = $4; gsub(/ /, "", sys)
  for (i = 6; i <= 9; ++i) { v[key, sys, i] = $i + 0 }
  if (!(key in seen)) { seen[key] = 1; order[++n] = key }
}
END {
  for (k = 1; k <= n; ++k) {
    key = order[k]; line = key
    for (i = 6; i <= 9; ++i)
      line = line sprintf(" %s", v[key, "BM25", i] > 0 ? sprintf("%.2f", v[key, "Vanban", i] / v[key, "BM25", i]) : "-")
    print line
  }
}' "$work/new.out"
