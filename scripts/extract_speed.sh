#!/usr/bin/env bash
# Extraction speed of this tree against an earlier commit, as a ratio (issue 11: within 10%).
# Builds the analyzers library of BASE (default: 6aa81d2, main before issue 11's structure
# changes) and of this tree, links bench/extract.cpp against each, and runs the two benchmarks
# in turns (ROUNDS times each, default 3). bench_extract reports extraction's rate as a ratio to
# the tokenizer's in the same process, which cancels most of the machine's load; this script
# prints that ratio for both builds and their quotient (this tree / BASE).
#   scripts/extract_speed.sh [BASE]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-6aa81d2}
rounds=${ROUNDS:-3}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

library() {  # source dir, build dir
  cmake -S "$1" -B "$2" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVANBAN_WERROR=ON "${launcher[@]}" >/dev/null
  cmake --build "$2" -j2 --target vanban_analyzers >/dev/null
}
git worktree add --detach "$work/base" "$base" >/dev/null 2>&1
library "$work/base" "$work/base-build"
library . "$work/head-build"

bench() {  # source dir, build dir, output
  g++ -std=c++20 -O2 -DNDEBUG -DVANBAN_SHARED_DIR="\"$(cd .. && pwd)/shared\"" \
    -DVANBAN_SOURCE_DIR="\"$1\"" -I"$1/analyzers/include" -I"$1/common/include" -I"$1/bench" \
    bench/extract.cpp "$2/analyzers/libvanban_analyzers.a" -lbenchmark -licuuc -licui18n \
    -licudata -pthread -o "$3"
}
bench "$work/base" "$work/base-build" "$work/bench-base"
bench "$PWD" "$work/head-build" "$work/bench-head"

ratio() {  # extraction's rate over the tokenizer's, as one bench_extract run prints it
  "$1" --benchmark_filter='^BM_(ExtractMetadata|Analyzer)$' 2>/dev/null |
    sed -n '/ratio to the tokenizer/,/^$/p' | grep 'BM_ExtractMetadata:' |
    sed -E 's/.*MB\/s, ([0-9.e+-]+) x.*/\1/'
}
best_base=0
best_head=0
for _ in $(seq "$rounds"); do
  b=$(ratio "$work/bench-base")
  h=$(ratio "$work/bench-head")
  echo "round: base $b head $h"
  best_base=$(echo "$b $best_base" | awk '{print ($1 > $2) ? $1 : $2}')
  best_head=$(echo "$h $best_head" | awk '{print ($1 > $2) ? $1 : $2}')
done
echo "extraction/tokenizer rate, best of $rounds: base ($base) $best_base, this tree $best_head"
echo "this tree / base: $(echo "$best_head $best_base" | awk '{printf "%.3f", $1 / $2}')"
