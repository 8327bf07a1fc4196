#!/usr/bin/env bash
# Re-analysis of a stale archive against a fresh index of the same files, in one script, the
# runs alternated (docs/RELIABILITY.md, "Session 30"). The stale archives are made by OLD (a
# binary from before analysis versions were stored: its documents count as version 0); NEW
# then indexes:
#   fresh    the files into an empty archive
#   files    the files into OLD's archive: every document analysed again from its file
#   stored   an empty folder into OLD's archive: every document analysed again from its
#            stored original (the files gone)
# Prints each run's documents, wall seconds, CPU seconds (user + sys, which hold on a busy
# machine) and documents per CPU second, then the ratios to the fresh index.
#
#   scripts/measure_reanalysis.sh OLD_BINARY NEW_BINARY [ROUNDS] INPUT...
set -euo pipefail
old=$1 new=$2 rounds=$3
shift 3
inputs=("$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/empty"
index_flags=(--json --no-compact --no-ocr --jobs 2)

# run NAME DB INPUTS...: one timed `vanban index` by NEW; appends "NAME docs wall cpu".
run() {
  local name=$1 db=$2
  shift 2
  local out=$work/out.json times=$work/times
  /usr/bin/time -f '%e %U %S' -o "$times" "$new" index "${index_flags[@]}" --db "$db" "$@" \
    >"$out" 2>/dev/null || true
  local docs
  docs=$(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(j["added"]+j["reanalysed"])' "$out")
  read -r wall user sys < <(tail -1 "$times")
  echo "$name $docs $wall $(python3 -c "print($user+$sys)")" >>"$work/results"
}

for round in $(seq 1 "$rounds"); do
  for kind in fresh files stored; do
    db=$work/db-$kind-$round
    case $kind in
      fresh) run fresh "$db" "${inputs[@]}" ;;
      files)
        "$old" index "${index_flags[@]}" --db "$db" "${inputs[@]}" >/dev/null 2>&1 || true
        run files "$db" "${inputs[@]}" ;;
      stored)
        "$old" index "${index_flags[@]}" --db "$db" "${inputs[@]}" >/dev/null 2>&1 || true
        run stored "$db" "$work/empty" ;;
    esac
    rm -rf "$db"
  done
done

python3 - "$work/results" <<'EOF'
import sys, collections
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, docs, wall, cpu = line.split()
    runs[name].append((int(docs), float(wall), float(cpu)))
def total(name):
    docs = sum(r[0] for r in runs[name]); wall = sum(r[1] for r in runs[name]); cpu = sum(r[2] for r in runs[name])
    return docs, wall, cpu
fresh = total("fresh")
print(f"{'run':8} {'docs':>6} {'wall s':>8} {'cpu s':>8} {'docs/cpu s':>10} {'cpu ratio':>9}")
for name in ("fresh", "files", "stored"):
    docs, wall, cpu = total(name)
    per_doc_cpu = cpu / docs
    ratio = per_doc_cpu / (fresh[2] / fresh[0])
    print(f"{name:8} {docs:6d} {wall:8.1f} {cpu:8.1f} {docs / cpu:10.1f} {ratio:9.2f}")
EOF
