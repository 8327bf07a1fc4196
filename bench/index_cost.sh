#!/usr/bin/env bash
# What `vanban index` costs, one build against another, on the same generated documents
# (bench/corpus.py): CPU seconds, docs per CPU second, CPU/wall, peak RSS, bytes written, and
# with --callgrind the instructions executed (valgrind; deterministic on a busy machine).
# The builds run alternately, ROUNDS times each; ratios are NEW/OLD.
#   bench/index_cost.sh OLD_VANBAN NEW_VANBAN [DOCUMENTS] [ROUNDS] [--callgrind N]
# (default 2000 documents, 3 rounds; --callgrind N counts instructions over the first N
# documents, each build once). Builds that report it (`vanban index --json` "pipeline") add
# where their threads spent the run: CPU, blocked waits, time queued for a core. Sizes (bytes
# of the files, `du -b`): the Xapian part (after a compaction the stub and its generation
# folder), the stored texts (<db>/texts, builds that keep them
# apart), the originals, each also as a ratio to the corpus's text.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$(realpath "$1") new=$(realpath "$2")
count=${3:-2000} rounds=${4:-3} callgrind=0
[[ ${5:-} == --callgrind ]] && callgrind=${6:-300}
py=/usr/bin/python3
work=$(mktemp -d /tmp/vanban-index-cost.XXXXXX)
trap 'rm -rf "$work"' EXIT
$py bench/corpus.py "$work/corpus" "$count" >/dev/null
cat "$work"/corpus/docs/*/*.txt >/dev/null
echo "index_cost: $count documents, $(du -sh "$work/corpus/docs" | cut -f1); load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for round in $(seq "$rounds"); do
  for build in old new; do
    bin=$old; [[ $build == new ]] && bin=$new
    rm -rf "$work/db"
    $py bench/peers.py run-measured "$work/$build.$round.json" "$bin" index --json --no-ocr --db "$work/db" "$work/corpus/docs"
    for part in xapian texts originals; do
      # The Xapian part: the folder, or once compacted the stub and the generation it names.
      paths=("$work/db/$part")
      [[ $part == xapian ]] && paths+=($(ls -d "$work/db"/xapian-* 2>/dev/null || true))
      size=0
      [[ -e ${paths[0]} ]] && size=$(du -sbc "${paths[@]}" | tail -1 | cut -f1)
      echo "$part $size"
    done >"$work/$build.$round.sizes"
  done
done
if ((callgrind > 0)); then
  mkdir -p "$work/few"
  find "$work/corpus/docs" -name '*.txt' | sort | sed -n "1,${callgrind}p" | xargs cp -t "$work/few"
  for build in old new; do
    bin=$old; [[ $build == new ]] && bin=$new
    rm -rf "$work/db"
    valgrind --tool=callgrind --callgrind-out-file="$work/$build.cg" "$bin" index --no-ocr \
      --db "$work/db" "$work/few" >/dev/null 2>&1
    callgrind_annotate "$work/$build.cg" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}' >"$work/$build.ir"
  done
fi
text_bytes=$(du -sb "$work/corpus/docs" | cut -f1)
$py - "$work" "$count" "$rounds" "$callgrind" "$text_bytes" <<'PY'
import json, statistics, sys
work, count, rounds, callgrind = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
text_bytes = int(sys.argv[5])
runs = {b: [json.load(open(f"{work}/{b}.{r}.json")) for r in range(1, rounds + 1)] for b in ("old", "new")}
def med(b, f): return statistics.median(f(x) for x in runs[b])
rows = [("CPU s", lambda x: x["cpu_s"]), ("docs per CPU s", lambda x: count / x["cpu_s"]),
        ("wall s", lambda x: x["wall_s"]), ("CPU/wall", lambda x: x["cpu_s"] / x["wall_s"]),
        ("peak RSS MB", lambda x: x["peak_rss_mb"]), ("written MB", lambda x: x["write_mb"])]
print(f"| `vanban index`, {count} documents, median of {rounds} | old | new | new ÷ old |")
print("| --- | ---: | ---: | ---: |")
for name, f in rows:
    o, n = med("old", f), med("new", f)
    print(f"| {name} | {o:.2f} | {n:.2f} | {n / o:.2f} |")
# Where each build's pipeline spent its time (`vanban index --json` "pipeline", where the build
# reports it): CPU and waits of its threads, which hold on a busy machine.
def pipeline(b, key):
    values = []
    for r in range(1, rounds + 1):
        try:
            values.append(json.load(open(f"{work}/{b}.{r}.json.stdout"))["pipeline"][key])
        except (KeyError, ValueError):
            return None
    return statistics.median(values)
for key, name in [("worker_cpu_s", "workers: CPU s (summed)"),
                  ("worker_wait_s", "workers: s blocked for room (summed)"),
                  ("worker_queued_s", "workers: s queued for a core (summed)"),
                  ("writer_cpu_s", "writer: CPU s"),
                  ("writer_wait_s", "writer: s blocked for the next document"),
                  ("writer_queued_s", "writer: s queued for a core"),
                  ("writer_wall_s", "writer: wall s")]:
    o, n = pipeline("old", key), pipeline("new", key)
    if o is None and n is None:
        continue
    shown = lambda v: "–" if v is None else f"{v:.2f}"
    ratio = f"{n / o:.2f}" if o and n is not None else "–"
    print(f"| {name} | {shown(o)} | {shown(n)} | {ratio} |")
# The compaction at the end of the run (`vanban index --json` "compaction", where the build
# compacts): the index's files before and after it.
def compaction(b, key):
    values = []
    for r in range(1, rounds + 1):
        try:
            values.append(json.load(open(f"{work}/{b}.{r}.json.stdout"))["compaction"][key])
        except (KeyError, ValueError):
            return None
    return statistics.median(values)
for key, name in [("bytes_before", "index MB before the compaction"),
                  ("bytes_after", "index MB after it")]:
    o, n = compaction("old", key), compaction("new", key)
    if o is None and n is None:
        continue
    shown = lambda v: "–" if v is None else f"{v / 1e6:.2f}"
    print(f"| {name} | {shown(o)} | {shown(n)} | – |")
def sizes(b, part):
    values = []
    for r in range(1, rounds + 1):
        for line in open(f"{work}/{b}.{r}.sizes"):
            name, value = line.split()
            if name == part:
                values.append(int(value))
    return statistics.median(values)
print(f"| corpus text MB | {text_bytes / 1e6:.2f} | {text_bytes / 1e6:.2f} | 1.00 |")
for part in ("xapian", "texts", "originals"):
    o, n = sizes("old", part), sizes("new", part)
    ratio = f"{n / o:.2f}" if o else "–"
    print(f"| {part} MB | {o / 1e6:.2f} | {n / 1e6:.2f} | {ratio} |")
    print(f"| {part} ÷ text | {o / text_bytes:.3f} | {n / text_bytes:.3f} | {ratio} |")
if callgrind:
    o, n = (int(open(f"{work}/{b}.ir").read().split()[0]) for b in ("old", "new"))
    print(f"| instructions, {callgrind} documents (callgrind) | {o / 1e9:.2f} G | {n / 1e9:.2f} G | {n / o:.2f} |")
PY
