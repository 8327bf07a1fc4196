#!/usr/bin/env bash
# Latency and throughput of one archive served as one database, and as 1, 2 and 4 shards over
# xapian-tcpsrv on loopback, all on this machine, on generated documents (docs/SCALING.md).
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

python3 - "$work/docs" "$count" samples <<'PY'
import os, random, re, sys, collections
out, count, samples = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(out)
words = collections.Counter()
for name in os.listdir(samples):
    if name.endswith('.txt'):
        words.update(w.lower() for w in re.findall(r'\w+', open(os.path.join(samples, name), encoding='utf-8').read()) if not w.isdigit())
vocab, weights = zip(*words.most_common())
random.seed(7)
issuers = [("ỦY BAN NHÂN DÂN", f"TỈNH {p}") for p in ["QUẢNG TRỊ", "THANH HÓA", "NGHỆ AN", "HÀ TĨNH", "QUẢNG NGÃI", "BÌNH ĐỊNH", "ĐẮK LẮK", "LÂM ĐỒNG"]] + [("BỘ NỘI VỤ", ""), ("BỘ TÀI CHÍNH", "")]
types = [("KẾ HOẠCH", "KH"), ("QUYẾT ĐỊNH", "QĐ"), ("BÁO CÁO", "BC"), ("CHỈ THỊ", "CT")]
for i in range(count):
    top, sub = random.choice(issuers)
    kind, code = random.choice(types)
    year = random.randint(2015, 2026)
    title = ' '.join(random.choices(vocab, weights, k=random.randint(5, 10)))
    cites = [f"Căn cứ Nghị định số {random.randint(1, 150)}/{random.randint(2015, 2024)}/NĐ-CP của Chính phủ;" for _ in range(random.randint(0, 3))]
    body = '\n'.join(' '.join(random.choices(vocab, weights, k=random.randint(15, 30))) + '.' for _ in range(random.randint(6, 14)))
    text = f"{top}\n{sub}\n\nSố: {i + 1}/{code}-UBND\nHuế, ngày {random.randint(1, 28)} tháng {random.randint(1, 12)} năm {year}\n\n{kind}\n{title}\n\n" + '\n'.join(cites) + '\n' + body + '\n'
    with open(os.path.join(out, f"{i:06d}.txt"), 'w', encoding='utf-8') as f:
        f.write(text)
PY
echo "bench: $count documents, $(du -sh "$work/docs" | cut -f1)"
start=$(date +%s)
"$vanban" index --shards 4 --db "$work/s4" "$work/docs" >/dev/null
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
  python3 - "$name" "$port" <<'PY'
import json, sys, threading, time, urllib.parse, urllib.request
name, port = sys.argv[1], sys.argv[2]
queries = ["dân vận", "kế hoạch thực hiện", "công tác", "ủy ban nhân dân", "chính quyền cơ sở",
           "dan chu", "phong trào thi đua", "nghị định", "bầu cử", "tổ công tác", "tăng cường",
           "đổi mới", "hướng dẫn", "báo cáo kết quả", "triển khai", "năm 2026", "mô hình",
           "thành lập", "cán bộ", "nhiệm vụ"]
def get(q, extra=""):
    url = f"http://127.0.0.1:{port}/api/search?q={urllib.parse.quote(q)}&size=20{extra}"
    with urllib.request.urlopen(url) as r:
        body = json.load(r)
        assert not body.get("partial"), body
        return body["total"]
def timed(q, extra=""):
    t = time.perf_counter(); get(q, extra); return (time.perf_counter() - t) * 1000
for q in queries: get(q)  # warm the caches
lat = sorted(timed(q, f"&page={p}") for p in (1, 2) for q in queries)
lat += sorted(timed(q, "&sort=newest&type=K%E1%BA%BF%20ho%E1%BA%A1ch") for q in queries)
lat.sort()
done, stop = [0], time.time() + 8
def worker():
    i = 0
    while time.time() < stop:
        get(queries[i % len(queries)], f"&page={1 + i % 5}"); i += 1; done[0] += 1
threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(f"{name}\t{lat[len(lat)//2]:.1f}\t{lat[int(len(lat)*0.9)]:.1f}\t{done[0]/8:.1f}")
PY
  kill -- "-$server" 2>/dev/null || true
}

echo -e "config\tp50_ms\tp90_ms\treq_per_s"
measure one_database --db "$work/one"
measure local_1_shard --shards "$work/one"
measure tcp_1_shard --shards "$(tcpsrv "$work/one/xapian")"
measure tcp_2_shards --shards "$(tcpsrv "$work/two/a/xapian"),$(tcpsrv "$work/two/b/xapian")"
measure tcp_4_shards --shards "$(tcpsrv "$(shard 0)"),$(tcpsrv "$(shard 1)"),$(tcpsrv "$(shard 2)"),$(tcpsrv "$(shard 3)")"
