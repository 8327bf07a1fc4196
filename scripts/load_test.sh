#!/usr/bin/env bash
# Load test of `vanban serve` on loopback (docs/RELIABILITY.md): wrk with 1, 64 and 256
# connections on /api/search, a mix of queries, while SLOW_CLIENTS clients (default 200) hold
# connections open sending a header line every 2 s, and `vanban index` adds documents. Reports
# per stage the requests/s, latency, errors, /healthz times meanwhile, and the server's memory
# (RSS) after it; the RSS sampled every second, summed up at the end. Bounded in time:
# LOAD_SECONDS per stage (default 30).
# /healthz is probed every 0.25 s on the loaded server and, alternately, on an idle peer server
# of the same archive and binary: the peer's times are what the machine itself (other processes,
# the load generator) costs a /healthz, measured in the same run.
# wrk's timeout is LOAD_WRK_TIMEOUT (default 10s; wrk's own, 2s, is shorter than the queue of
# 256 connections on a 2-core machine). Exits 1 on any failed request or if the server died.
# LOAD_NICE (default 0) runs the load generators (wrk, the slow clients, the indexer) that much
# nicer, standing in for clients on other machines when the load test shares the server's cores.
# LOAD_VANBAN runs another build than build/vanban; LOAD_RSS_FILE keeps the RSS samples.
# Needs build/vanban and wrk (scripts/setup.sh --tests); the archive is indexed from
# ../shared/corpus when present, else from samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
vanban=${LOAD_VANBAN:-$PWD/build/vanban}  # another build, e.g. to compare allocators
seconds=${LOAD_SECONDS:-30}
slow=${SLOW_CLIENTS:-200}
port=${LOAD_PORT:-18080}
peer_port=$((port + 1))
wrk_timeout=${LOAD_WRK_TIMEOUT:-10s}
generator=(nice -n "${LOAD_NICE:-0}")
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

source_docs=../shared/corpus
[[ -d $source_docs ]] || source_docs=samples
"$vanban" index --db "$work/db" "$source_docs" >/dev/null 2>&1 || true
# Every client here comes from 127.0.0.1, standing for several hundred clients of an office
# network: the per-address cap (512 by default, meant for one client) would count them as one
# and refuse the next stage's connections while the last stage's still wait for their answers.
per_client=(--max-connections-per-client 2000)
"$vanban" serve --db "$work/db" --port "$port" --no-access-log "${per_client[@]}" 2>"$work/serve.log" &
server=$!
pids+=("$server")
"$vanban" serve --db "$work/db" --port "$peer_port" --no-access-log "${per_client[@]}" 2>"$work/peer.log" &
pids+=($!)
for p in "$port" "$peer_port"; do
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.1; done
done
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
echo "server up (pid $server), RSS $(rss_kb) KB"

# Slow clients: a request head never finished, one header line every 2 s.
"${generator[@]}" python3 - "$port" "$slow" <<'EOF' &
import socket, sys, time
port, count = int(sys.argv[1]), int(sys.argv[2])
held = []
for _ in range(count):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    held.append(s)
while True:
    time.sleep(2)
    alive = []
    for s in held:
        try:
            s.sendall(b"X-Slow: 1\r\n")
            alive.append(s)
        except OSError:  # timed out by the server (408): reconnect, as a stubborn client would
            try:
                n = socket.create_connection(("127.0.0.1", port))
                n.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
                alive.append(n)
            except OSError:
                pass
    held = alive
EOF
pids+=($!)

# The indexer adds documents meanwhile: copies of the source under new names, in rounds. Stopped
# (cleanup's kill), the loop stops its running indexer and waits for it: otherwise that indexer
# went on writing into $work/db while cleanup removed it ("Directory not empty", CI on a loaded
# machine, 2026-12-05).
(
  indexer=""
  trap '[[ -z $indexer ]] || kill "$indexer" 2>/dev/null; wait; exit 0' TERM
  round=0
  while true; do
    round=$((round + 1))
    mkdir -p "$work/more/$round"
    find "$source_docs" -maxdepth 2 -name '*.txt' | head -50 | while read -r f; do
      { cat "$f"; echo "Bản sao $round"; } >"$work/more/$round/$(basename "$f")"
    done
    "${generator[@]}" "$vanban" index --db "$work/db" "$work/more" >/dev/null 2>&1 &
    indexer=$!
    wait "$indexer" || true
    indexer=""
    sleep 1
  done
) &
pids+=($!)

# Queries: words with and without diacritics, a phrase, a number, filters, sorting, paging.
cat >"$work/queries.lua" <<'EOF'
local queries = {
  "/api/search?q=d%C3%A2n+v%E1%BA%ADn", "/api/search?q=dan+van", "/api/search?q=%22c%C3%B4ng+t%C3%A1c%22",
  "/api/search?q=33%2FCT-TTg", "/api/search?q=k%E1%BA%BF+ho%E1%BA%A1ch&sort=newest",
  "/api/search?q=chuyen+doi+so&page=2", "/api/search?q=nam%3A2025", "/api/search?q=ubnd&size=50",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1])
end
EOF

rss_start=$(rss_kb)
# The server's RSS once a second through the stages (memory flat: no growth from stage to stage
# beyond the searchers' caches filling).
(
  start=$SECONDS
  while kill -0 "$server" 2>/dev/null; do
    echo "$((SECONDS - start)) $(rss_kb)"
    sleep 1
  done
) >"$work/rss" &
pids+=($!)
healthz_time() {
  curl -sS -o /dev/null -w '%{time_total}' --max-time 10 "http://127.0.0.1:$1/healthz" || echo 10
}
# "p99 / max" in ms of a file of times in seconds.
p99_max() {
  sort -g "$1" | awk '{ t[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1
    printf "%.0f / %.0f", t[i] * 1000, t[NR] * 1000 }'
}
printf '%-6s %8s %10s %10s %-26s %18s %18s %10s\n' conns "req/s" "p50" "p99" errors \
  "healthz p99/max" "peer p99/max" "RSS KB"
failed=0
for connections in 1 64 256; do
  (
    end=$((SECONDS + seconds))
    while ((SECONDS < end)); do
      echo "$(healthz_time "$port")" >>"$work/healthz.$connections"
      sleep 0.125
      echo "$(healthz_time "$peer_port")" >>"$work/peer.$connections"
      sleep 0.125
    done
  ) &
  probe=$!
  "${generator[@]}" wrk -t"$((connections < 2 ? 1 : 2))" -c"$connections" -d"${seconds}s" --timeout "$wrk_timeout" \
    --latency -s "$work/queries.lua" "http://127.0.0.1:$port" >"$work/wrk.$connections" 2>&1
  wait "$probe"
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.$connections")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.$connections")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.$connections")
  errors=$(awk '/Socket errors|Non-2xx/ {print}' "$work/wrk.$connections" | tr '\n' ' ' |
    sed 's/Socket errors: //')
  [[ -z $errors ]] || failed=1
  printf '%-6s %8s %10s %10s %-26s %18s %18s %10s\n' "$connections" "$rps" "$p50" "$p99" \
    "${errors:-0}" "$(p99_max "$work/healthz.$connections") ms" \
    "$(p99_max "$work/peer.$connections") ms" "$(rss_kb)"
done
cat "$work"/healthz.{1,64,256} >"$work/healthz.all"
cat "$work"/peer.{1,64,256} >"$work/peer.all"
echo "/healthz over the run: $(wc -l <"$work/healthz.all") probes, p99 / max $(p99_max "$work/healthz.all") ms," \
  "over 100 ms: $(awk '$1 > 0.1' "$work/healthz.all" | wc -l); idle peer: p99 / max" \
  "$(p99_max "$work/peer.all") ms, over 100 ms: $(awk '$1 > 0.1' "$work/peer.all" | wc -l)"
echo "server RSS: $rss_start KB at the start, $(rss_kb) KB at the end"
# Summary of the samples: the peak, and the first and last third's means (flat: about equal).
awk -v start="$rss_start" '{ t[NR] = $1; r[NR] = $2; if ($2 > peak) peak = $2 }
  END {
    third = int(NR / 3); if (third < 1) third = 1
    for (i = 1; i <= third; i++) first += r[i]
    for (i = NR - third + 1; i <= NR; i++) last += r[i]
    printf "RSS samples: %d over %d s; start %d KB, peak %d KB, first third mean %d KB, last third mean %d KB (x%.2f)\n",
      NR, t[NR], start, peak, first / third, last / third, (last / third) / (first / third)
  }' "$work/rss"
# The samples themselves ("second RSS_KB" lines), to compare two runs over time.
[[ -z ${LOAD_RSS_FILE:-} ]] || cp "$work/rss" "$LOAD_RSS_FILE"
echo "documents at the end: $(curl -s "http://127.0.0.1:$port/healthz")"
# Which statuses the server answered that were not 2xx (wrk counts them without naming them).
echo "non-2xx answers and refusals, from /metrics:"
curl -s "http://127.0.0.1:$port/metrics" |
  grep -E '^vanban_(http_requests_total\{[^}]*status="[^2]|errors_total|connection_refusals_total|abandoned_requests_total)' |
  sed 's/^/  /' || true
# A failed request (wrk's socket errors and timeouts, answers other than 2xx/3xx) or a server
# that died fails the test; times are reported, never judged here.
if ! kill -0 "$server" 2>/dev/null; then
  echo "the server died" >&2
  failed=1
fi
exit "$failed"
