#!/usr/bin/env bash
# Structure extraction speed of this work tree against a base, as a ratio measured in one run
# (figures on a shared machine only mean something next to a peer run beside them).
#
#   scripts/compare_extract_speed.sh [BASE] [ROUNDS]
#
# BASE: a bench_extract binary built from the base revision, or a git revision (default: main),
# which is then built in a temporary work tree (bench_extract only; ccache makes it cheap when
# the revision was built before). The two binaries run BM_ExtractMetadata (normal text) and
# BM_ExtractAdversarial (hostile text) in turn, ROUNDS times (default 3); the script prints the
# median MB/s of each and the ratio new / base. Within 0.90 is "within 10%".
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-main}
rounds=${2:-3}
cmake --build build -j2 --target bench_extract >/dev/null
new_bin=build/bench/bench_extract

if [[ -x "$base" ]]; then
  base_bin=$base
else
  tree=$(mktemp -d /tmp/vanban-base.XXXXXX)
  trap 'git worktree remove --force "$tree" >/dev/null 2>&1 || true' EXIT
  git worktree add --detach "$tree" "$base" >/dev/null
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$tree" -B "$tree/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DVANBAN_SHARED_DIR="$(cd .. && pwd)/shared" "${launcher[@]}" >/dev/null
  cmake --build "$tree/build" -j2 --target bench_extract >/dev/null
  base_bin=$tree/build/bench/bench_extract
fi

run() {  # binary -> "name MB/s" lines
  "$1" --benchmark_filter='BM_Extract' --benchmark_min_time=1 2>/dev/null |
    awk '/^  BM_Extract/ { sub(":", "", $1); print $1, $2 }'
}

results=$(mktemp)
for ((i = 0; i < rounds; i++)); do
  run "$base_bin" | sed 's/^/base /' >>"$results"
  run "$new_bin" | sed 's/^/new /' >>"$results"
done
python3 - "$results" <<'PY'
import statistics, sys
rates = {}
for line in open(sys.argv[1]):
    side, name, rate = line.split()
    rates.setdefault(name, {}).setdefault(side, []).append(float(rate))
print(f"{'benchmark':<24}{'base MB/s':>10}{'new MB/s':>10}{'new/base':>10}")
for name, sides in sorted(rates.items()):
    base, new = statistics.median(sides["base"]), statistics.median(sides["new"])
    print(f"{name:<24}{base:>10.2f}{new:>10.2f}{new / base:>10.3f}")
PY
rm -f "$results"
