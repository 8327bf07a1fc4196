#!/usr/bin/env bash
# Vanban against its peers on one generated corpus, one engine after another on this machine:
# SQLite FTS5 (unicode61 remove_diacritics 2), Xapian omindex (xapian-omega) and PostgreSQL
# (unaccent + GIN, a private cluster on loopback). Prints indexing docs/s, MB/s, CPU, peak RSS,
# bytes written and database size, and per query kind p50/p95/p99 of a result page, with the
# ratios Vanban/peer (docs/BENCHMARKS.md "Peers").
#   bench/peers.sh [DOCUMENTS] [ENGINES]   (default 10000 and "vanban fts5 omindex postgres";
#                                           needs build/vanban)
# VANBAN_PEERS_KEEP=DIR keeps the corpus and the indexes in DIR (a later run with the same DIR
# and count reuses the corpus). Bench-only packages are installed here when missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
engines=${2:-vanban fts5 omindex postgres}
py=/usr/bin/python3  # Debian's, for its python3-xapian and python3-psycopg2
peers="$py bench/peers.py"
vanban=$PWD/build/vanban
if [[ " $engines " == *" vanban "* && ! -x $vanban ]]; then echo "build/vanban is missing: build the vanban target first" >&2; exit 2; fi

need=()
command -v omindex >/dev/null || need+=(xapian-omega)
$py -c 'import xapian' 2>/dev/null || need+=(python3-xapian)
$py -c 'import psycopg2' 2>/dev/null || need+=(python3-psycopg2)
[[ -x /usr/lib/postgresql/15/bin/initdb ]] || need+=(postgresql postgresql-contrib)
if ((${#need[@]})); then
  echo "peers: installing ${need[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [[ -n ${VANBAN_PEERS_KEEP:-} ]]; then
  work=$VANBAN_PEERS_KEEP
  mkdir -p "$work"
else
  work=$(mktemp -d /tmp/vanban-peers.XXXXXX)
fi
pgdata=$work/pgdata
cleanup() {
  if [[ -f $pgdata/postmaster.pid ]]; then
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pgdata" -m fast stop >/dev/null 2>&1 || true
  fi
  [[ -n ${server:-} ]] && kill "$server" 2>/dev/null
  [[ -z ${VANBAN_PEERS_KEEP:-} ]] && rm -rf "$work"
  return 0
}
trap cleanup EXIT
free_port() { $py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

if [[ ! -f $work/corpus/manifest.jsonl ]] || (( $(wc -l <"$work/corpus/manifest.jsonl") != count )); then
  rm -rf "$work/corpus"
  $py bench/corpus.py "$work/corpus" "$count"
fi
echo "peers: $count documents, $(du -sh "$work/corpus/docs" | cut -f1) in $work; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# Every engine starts from a cold page cache of its own index but the corpus's files cached:
# read them once here.
cat "$work"/corpus/docs/*/*.txt >/dev/null

for engine in $engines; do
  echo "peers: $engine (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  case $engine in
  vanban)
    rm -rf "$work/vanban"
    $peers run-measured "$work/vanban.index.json" "$vanban" index --no-ocr --db "$work/vanban" "$work/corpus/docs"
    $peers set-size "$work/vanban.index.json" "$work/vanban"
    port=$(free_port)
    "$vanban" serve --db "$work/vanban" --port "$port" --no-access-log >/dev/null 2>&1 &
    server=$!
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
    $peers search vanban "$work" "$port"
    kill "$server"; wait "$server" 2>/dev/null || true; server=
    ;;
  fts5)
    rm -f "$work"/fts5.db*
    $peers run-measured "$work/fts5.index.json" $py bench/peers.py sqlite-index "$work"
    $peers set-size "$work/fts5.index.json" "$work/fts5.db"
    $peers search fts5 "$work"
    ;;
  omindex)
    rm -rf "$work/omega"
    $peers run-measured "$work/omindex.index.json" omindex --db "$work/omega" --url / "$work/corpus/docs"
    $peers set-size "$work/omindex.index.json" "$work/omega"
    $peers search omindex "$work"
    ;;
  postgres)
    rm -rf "$pgdata"
    mkdir -p "$pgdata" && chown postgres "$pgdata" && chmod o+rx "$work"
    runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D "$pgdata" -A trust -E UTF8 --locale C.UTF-8 >/dev/null
    port=$(free_port)
    cat >>"$pgdata/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$pgdata'
shared_buffers = 256MB
maintenance_work_mem = 512MB
work_mem = 64MB
max_wal_size = 4GB
jit = off
EOF
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pgdata" -l "$pgdata/log" -w start >/dev/null
    $peers pg-index "$work" "$pgdata" "$port"
    $peers search postgres "$work" "$pgdata" "$port"
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pgdata" -m fast stop >/dev/null
    ;;
  esac
done
# shellcheck disable=SC2086
$peers report "$work" $engines
