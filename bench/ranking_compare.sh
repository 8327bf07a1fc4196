#!/usr/bin/env bash
# Two builds of bench_ranking on one kept archive, run alternately (so both see the same load):
# per query kind, the median over the runs of each run's p50 and p95 (ms, the two-phase search as
# the searcher ranks), each build's unaccented kinds as a ratio to its accented ones, and the new
# build as a ratio to the old one.
#
#   bench/ranking_compare.sh OLD_BENCH_RANKING NEW_BENCH_RANKING DB_DIR [DOCS] [RUNS] [ROUNDS] [NEW_DB_DIR]
#
# DB_DIR keeps the generated archive (bench_ranking --db); the first run indexes it. NEW_DB_DIR
# gives the new build an archive of its own (when the two builds index differently).
set -euo pipefail
old=$1 new=$2 db=$3 docs=${4:-10000} runs=${5:-9} rounds=${6:-5} new_db=${7:-$3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$old" --docs "$docs" --db "$db" --rounds 1 >/dev/null 2>&1  # index (or reuse), warm the cache
[ "$new_db" = "$db" ] || "$new" --docs "$docs" --db "$new_db" --rounds 1 >/dev/null 2>&1
for run in $(seq "$runs"); do
  "$old" --docs "$docs" --db "$db" --rounds "$rounds" >"$work/old.$run" 2>/dev/null
  "$new" --docs "$docs" --db "$new_db" --rounds "$rounds" >"$work/new.$run" 2>/dev/null
done
# Rows "| kind | p50 / p95 | ..." → kind, build, p50, p95
for build in old new; do
  for run in $(seq "$runs"); do
    awk -F'|' -v b="$build" '/^\| [a-z]/ && $2 !~ /query kind/ {
      gsub(/^ +| +$/, "", $2); split($3, t, "/"); printf "%s\t%s\t%f\t%f\n", $2, b, t[1], t[2] }' \
      "$work/$build.$run"
  done
done | python3 -c '
import sys, statistics, collections
rows = collections.defaultdict(lambda: ([], []))
kinds = []
for line in sys.stdin:
    kind, build, p50, p95 = line.rstrip("\n").split("\t")
    if kind not in kinds: kinds.append(kind)
    rows[kind, build][0].append(float(p50)); rows[kind, build][1].append(float(p95))
med = {k: (statistics.median(v[0]), statistics.median(v[1])) for k, v in rows.items()}
print("| query kind | old p50 / p95 ms | new p50 / p95 ms | new / old p50 | new / old p95 | unaccented / accented, old p50 / p95 | new p50 / p95 |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for kind in kinds:
    o, n = med[kind, "old"], med[kind, "new"]
    acc = kind.replace("unaccented", "accented")
    ratio = ""
    if kind != acc and (acc, "old") in med:
        oa, na = med[acc, "old"], med[acc, "new"]
        ratio = "| %.2f / %.2f | %.2f / %.2f" % (o[0] / oa[0], o[1] / oa[1], n[0] / na[0], n[1] / na[1])
    else:
        ratio = "| | "
    print("| %s | %.2f / %.2f | %.2f / %.2f | %.2f | %.2f %s |" % (kind, o[0], o[1], n[0], n[1], n[0] / o[0], n[1] / o[1], ratio))
'
echo
echo "$runs runs of $rounds rounds each, alternately; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)."
