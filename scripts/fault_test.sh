#!/usr/bin/env bash
# Crash-and-fault run of `vanban index` (docs/RELIABILITY.md). On FAULT_DOCUMENTS documents
# (default 2000): FAULT_KILLS SIGKILLs (default 20) at random moments of a run, a full disk and a
# read-only archive folder. After each fault the archive must open and `vanban check` pass; the
# last run must end with exactly the documents of a clean run (same count, same originals, same
# stored texts).
#
# The full disk is a small tmpfs when this runs as root and may mount one; otherwise a file size
# limit (ulimit -f, its signal ignored) makes writes fail the same way. The read-only folder is a
# read-only remount of that tmpfs (FAULT_NO_MOUNT=1: the file size limit, no read-only case).
# Then as many kills of `vanban compact`, each leaving an archive equal to a clean run's.
# Needs build/vanban (scripts/build.sh). FAULT_SEED fixes the kill moments. FAULT_SHARDS=N runs
# it all on archives of N shards (`vanban index --shards N`, each shard written by its own
# thread): the originals and texts compared shard by shard.
set -euo pipefail
cd "$(dirname "$0")/.."
vanban=$PWD/build/vanban
documents=${FAULT_DOCUMENTS:-2000}
kills=${FAULT_KILLS:-20}
shards=${FAULT_SHARDS:-0}
shard_args=()
((shards > 0)) && shard_args=(--shards "$shards")
RANDOM=${FAULT_SEED:-$$}
work=$(mktemp -d)
mounted=""
cleanup() {
  [[ -n $mounted ]] && umount "$mounted" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAULT TEST FAILED: $*" >&2
  exit 1
}

echo "fault test: $documents documents, $kills kills${shard_args[*]:+, ${shard_args[*]}}"
# Plans with distinct numbers, titles and bodies, in twelve folders.
for ((i = 0; i < documents; i++)); do
  folder=$work/docs/thang-$((i % 12 + 1))
  [[ -d $folder ]] || mkdir -p "$folder"
  printf 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố: %d/KH-UBND\nHuế, ngày %d tháng %d năm 2026\nKẾ HOẠCH\nTriển khai công tác số %d năm 2026\n%s\n' \
    "$((i + 1))" "$((i % 28 + 1))" "$((i % 12 + 1))" "$i" \
    "$(printf 'Nội dung thực hiện nhiệm vụ %d của các sở, ban, ngành. ' $(seq 1 $((i % 40 + 5))))" \
    >"$folder/kh-$i.txt"
done

index() {  # DB [extra...]: runs vanban index, prints nothing, returns its exit code
  local db=$1
  shift
  "$vanban" index --db "$db" "${shard_args[@]}" "$@" "$work/docs" >"$work/last.out" 2>&1
}
# Of one archive, or of every shard (shard-NN/originals/...).
originals() { (cd "$1" && find . -path '*originals/*' -type f ! -name '*.tmp*' | sort); }
texts() { (cd "$1" && find . -path '*texts/*' -type f ! -name '*.tmp*' | sort); }
check() {  # DB: the archive opens and checks clean (no archive yet is fine after an early kill)
  # An index: a folder, or once compacted a stub; in one shard at least when sharded.
  compgen -G "$1/xapian" >/dev/null || compgen -G "$1/shard-*/xapian" >/dev/null || return 0
  "$vanban" check --db "$1" >"$work/check.out" 2>&1 || {
    cat "$work/check.out" >&2
    fail "vanban check failed after $2"
  }
}

same_as_clean() {  # DB WHAT
  check "$1" "$2"
  local count
  count=$("$vanban" check --db "$1" --json | grep -o '"documents": [0-9]*')
  [[ $count == "$clean_count" ]] || fail "$2: $count, a clean run $clean_count"
  diff <(originals "$work/clean") <(originals "$1") >/dev/null ||
    fail "$2: the originals differ from a clean run's"
  diff <(texts "$work/clean") <(texts "$1") >/dev/null ||
    fail "$2: the stored texts differ from a clean run's"
}

start=$(date +%s%N)
index "$work/clean" || fail "clean run exited $?"
clean_ms=$((($(date +%s%N) - start) / 1000000))
clean_count=$("$vanban" check --db "$work/clean" --json | grep -o '"documents": [0-9]*')
echo "clean run: $clean_ms ms, $clean_count"

db=$work/db
survived=0
for ((k = 1; k <= kills; k++)); do
  "$vanban" index --db "$db" "${shard_args[@]}" "$work/docs" >/dev/null 2>&1 &
  pid=$!
  delay_ms=$((RANDOM % (clean_ms + 1)))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check "$db" "kill $k at ${delay_ms} ms"
  survived=$((survived + 1))
done
index "$db" || {
  cat "$work/last.out" >&2
  fail "the run after the kills exited $?"
}
same_as_clean "$db" "the run after $survived kills"
echo "kills survived: $survived; the next run completes the archive"

# Kills of a compaction (archive/SCHEMA.md, "Compaction"): an archive indexed without it, then
# `vanban compact` killed at random moments of its run; each kill leaves an archive that checks,
# the last compaction runs to its end and leaves one generation of the index.
loose=$work/loose
"$vanban" index --no-compact --db "$loose" "${shard_args[@]}" "$work/docs" >/dev/null 2>&1 ||
  fail "indexing $loose"
cp -a "$loose" "$work/timed"
start=$(date +%s%N)
"$vanban" compact --db "$work/timed" >/dev/null || fail "a clean compaction exited $?"
compact_ms=$((($(date +%s%N) - start) / 1000000))
rm -rf "$work/timed"
for ((k = 1; k <= kills; k++)); do
  "$vanban" compact --db "$loose" >/dev/null 2>&1 &
  pid=$!
  delay_ms=$((RANDOM % (compact_ms + 1)))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  same_as_clean "$loose" "compaction kill $k at ${delay_ms} ms"
done
"$vanban" compact --db "$loose" >/dev/null || fail "the compaction after the kills exited $?"
same_as_clean "$loose" "the compaction after $kills kills"
for part in "$loose" "$loose"/shard-*; do
  [[ -e $part/xapian ]] || continue
  generations=$(cd "$part" && ls -d xapian* | tr '\n' ' ')
  [[ $generations == "xapian xapian-"[0-9]*" " && $(wc -w <<<"$generations") -eq 2 ]] ||
    fail "the index left after the kills in $part: $generations"
done
echo "compaction kills survived: $kills (a clean compaction: $compact_ms ms); one generation left"

# A full disk, then a read-only folder, then room again.
full=$work/full
mkdir -p "$full"
clean_kb=$(du -sk "$work/clean" | cut -f1)
if [[ $(id -u) -eq 0 && -z ${FAULT_NO_MOUNT:-} ]] && mount -t tmpfs -o size=$((clean_kb / 3 + 64))k tmpfs "$full" 2>/dev/null; then
  mounted=$full
  way="tmpfs of $((clean_kb / 3 + 64)) KB"
  if index "$full/db"; then fail "a full disk ($way) went unnoticed"; fi
  grep -q "Không ghi được vào kho" "$work/last.out" || {
    cat "$work/last.out" >&2
    fail "no clear error on a full disk"
  }
  ! grep -q "thêm mới" "$work/last.out" || fail "a summary was printed for a failed run"
  check "$full/db" "a full disk"
  mount -o remount,ro "$full"
  if index "$full/db"; then fail "a read-only folder went unnoticed"; fi
  grep -q "Không ghi được" "$work/last.out" || {
    cat "$work/last.out" >&2
    fail "a read-only folder is not said to be one"
  }
  check "$full/db" "a read-only folder"
  read_only=" and read-only folder"
  mount -o remount,rw,size=$((clean_kb * 4 + 4096))k "$full"
else
  # Half the largest file of a clean archive: the run fails part way.
  largest_kb=$(($(find "$work/clean" -type f -printf '%s\n' | sort -n | tail -1) / 1024))
  limit_kb=$((largest_kb / 2 + 1))
  way="file size limit of $limit_kb KB"
  if (trap '' XFSZ && ulimit -f "$limit_kb" && index "$full/db"); then
    fail "a full disk ($way) went unnoticed"
  fi
  grep -q "Không ghi được vào kho" "$work/last.out" || {
    cat "$work/last.out" >&2
    fail "no clear error on a full disk"
  }
  check "$full/db" "a full disk"
fi
echo "full disk ($way)${read_only:-}: clear errors, archive checks"

index "$full/db" || {
  cat "$work/last.out" >&2
  fail "the run after the faults exited $?"
}
same_as_clean "$full/db" "the run after the disk faults"
echo "fault test passed: $survived kills, $kills compaction kills, a full disk${read_only:-}; each final archive equals a clean run ($clean_count)"
