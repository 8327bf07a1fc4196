#!/usr/bin/env bash
# Latency and throughput of one archive served as one database, and as 1, 2 and 4 shards over
# xapian-tcpsrv on loopback, all on this machine, on generated documents (docs/SCALING.md),
# with the query set of bench/peers.sh (words with and without diacritics, phrases, numbers,
# broad topics).
#   bench/shards.sh [DOCUMENTS]   (default 15000; needs build/vanban, xapian-tcpsrv, xapian-compact)
# One index of 4 shards is written; 2 shards and one database are compacted from it
# (xapian-compact), so every configuration holds the same documents. Ratios are against the
# one database served by the same binary, in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-15000}
work=$(mktemp -d /tmp/vanban-shards-bench.XXXXXX)
# Every process started here leads its own group (setsid); their ids go to one file, since
# tcpsrv() runs in a subshell.
started="$work/pids"
cleanup() {
  if [[ -f $started ]]; then
    while read -r pid; do kill -- "-$pid" 2>/dev/null || true; done <"$started"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
vanban=build/vanban

# Realistic documents (bench/corpus.py: Decree 30 headers of ~900 issuers, real bodies, cited
# instruments by Zipf rank, 1-200 KB) and its query set.
/usr/bin/python3 bench/corpus.py "$work/corpus" "$count" >/dev/null
echo "bench: $count documents, $(du -sh "$work/corpus/docs" | cut -f1)"
start=$(date +%s)
"$vanban" index --shards 4 --db "$work/s4" "$work/corpus/docs" >/dev/null
echo "bench: indexed into 4 shards in $(( $(date +%s) - start )) s"
shard() { echo "$work/s4/shard-0$1/xapian"; }
mkdir -p "$work/one/originals" "$work/two/a" "$work/two/b"
xapian-compact -q "$(shard 0)" "$(shard 1)" "$(shard 2)" "$(shard 3)" "$work/one/xapian" >/dev/null
# id mod 4 in {0,2} is id mod 2 = 0: the same rule with 2 shards.
xapian-compact -q "$(shard 0)" "$(shard 2)" "$work/two/a/xapian" >/dev/null
xapian-compact -q "$(shard 1)" "$(shard 3)" "$work/two/b/xapian" >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
tcpsrv() {  # DATABASE → prints tcp://127.0.0.1:PORT
  local port; port=$(free_port)
  setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$1" >/dev/null 2>&1 &
  echo $! >>"$started"
  for _ in $(seq 100); do (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.05; done
  echo "tcp://127.0.0.1:$port"
}

measure() {  # NAME SERVE-ARGS...
  local name=$1; shift
  local port; port=$(free_port)
  setsid "$vanban" serve --port "$port" --threads 2 --no-access-log "$@" >/dev/null 2>&1 &
  local server=$!
  echo "$server" >>"$started"
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  python3 - "$name" "$port" "$work/corpus/queries.tsv" <<'PY'
import json, sys, threading, time, urllib.parse, urllib.request
name, port, tsv = sys.argv[1], sys.argv[2], sys.argv[3]
queries = [line.split("\t")[1] for line in open(tsv, encoding="utf-8")
           if line.split("\t")[0] in ("accented", "unaccented", "phrase", "number", "broad")]
def get(q, extra=""):
    url = f"http://127.0.0.1:{port}/api/search?q={urllib.parse.quote(q)}&size=20{extra}"
    with urllib.request.urlopen(url) as r:
        body = json.load(r)
        assert not body.get("partial"), body
        return body["total"]
def timed(q, extra=""):
    t = time.perf_counter(); get(q, extra); return (time.perf_counter() - t) * 1000
for q in queries: get(q)  # warm the caches
lat = [timed(q, f"&page={p}") for p in (1, 2) for q in queries]
lat += [timed(q, "&sort=newest&type=K%E1%BA%BF%20ho%E1%BA%A1ch") for q in queries]
lat.sort()
done, stop = [0], time.time() + 8
def worker():
    i = 0
    while time.time() < stop:
        get(queries[i % len(queries)], f"&page={1 + i % 5}"); i += 1; done[0] += 1
threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(f"{name}\t{lat[len(lat)//2]:.1f}\t{lat[int(len(lat)*0.9)]:.1f}\t{lat[int(len(lat)*0.99)]:.1f}\t{done[0]/8:.1f}")
PY
  kill -- "-$server" 2>/dev/null || true
}

echo -e "config\tp50_ms\tp90_ms\tp99_ms\treq_per_s"
measure one_database --db "$work/one"
measure local_1_shard --shards "$work/one"
measure tcp_1_shard --shards "$(tcpsrv "$work/one/xapian")"
measure tcp_2_shards --shards "$(tcpsrv "$work/two/a/xapian"),$(tcpsrv "$work/two/b/xapian")"
measure tcp_4_shards --shards "$(tcpsrv "$(shard 0)"),$(tcpsrv "$(shard 1)"),$(tcpsrv "$(shard 2)"),$(tcpsrv "$(shard 3)")"
