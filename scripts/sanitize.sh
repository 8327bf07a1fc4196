#!/usr/bin/env bash
# The standing guarantees of docs/RELIABILITY.md, with clang:
#   1. every test suite under AddressSanitizer + UndefinedBehaviorSanitizer, with the fuzz
#      corpus replayed (build-asan, which also builds the libFuzzer harnesses);
#   2. each libFuzzer harness for FUZZ_SECONDS (default 60), two at a time;
#   3. the server's concurrency tests under ThreadSanitizer (build-tsan, test_server only).
# Usage: scripts/sanitize.sh [asan|fuzz|tsan]... (default: all three, in that order).
set -euo pipefail
cd "$(dirname "$0")/.."
stages=("$@")
((${#stages[@]})) || stages=(asan fuzz tsan)
jobs=$(nproc)
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# Uninstrumented system libraries (Xapian, ICU, libxml2) allocate and free on their own; leaks
# there are not ours, and the tests' own objects are freed by RAII.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1

configure() {  # DIR extra-cmake-args...
  local dir=$1
  shift
  # -O1 and line tables only: the sanitizers' reports keep file:line, and the build (in CI on
  # every run) is markedly cheaper than -O2 -g.
  CXX=clang++ cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" -DVANBAN_WERROR=ON \
    -DVANBAN_BENCHMARKS=OFF "${launcher[@]}" "$@" >/dev/null
}

for stage in "${stages[@]}"; do
  case $stage in
    asan)
      echo "== ASan+UBSan: build"
      configure build-asan -DVANBAN_FUZZ=ON
      cmake --build build-asan -j"$jobs"
      echo "== ASan+UBSan: unit, end-to-end and corpus-replay tests"
      (cd build-asan && ctest --output-on-failure -j"$jobs" --timeout 1200)
      ;;
    fuzz)
      seconds=${FUZZ_SECONDS:-60}
      echo "== libFuzzer: each harness for ${seconds}s"
      [[ -d build-asan/tests/fuzz ]] || { echo "run the asan stage first" >&2; exit 1; }
      mkdir -p build-asan/fuzz-findings
      pids=()
      for harness in tests/fuzz/corpus/*/; do
        name=$(basename "$harness")
        work=$(mktemp -d)
        # New inputs go to a scratch folder: the checked-in corpus only grows by hand.
        (build-asan/tests/fuzz/fuzz_"$name" "$work" "$harness" -max_total_time="$seconds" \
           -max_len=65536 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
           -artifact_prefix=build-asan/fuzz-findings/"$name"- \
           >build-asan/fuzz-findings/"$name".log 2>&1 &&
           grep -h "stat::number_of_executed_units" build-asan/fuzz-findings/"$name".log |
           sed "s/^/$name: /"; rm -rf "$work") &
        pids+=($!)
        if ((${#pids[@]} >= jobs)); then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
      done
      failed=0
      for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
      if ls build-asan/fuzz-findings/*-crash-* build-asan/fuzz-findings/*-leak-* \
        build-asan/fuzz-findings/*-timeout-* >/dev/null 2>&1 || ((failed)); then
        echo "fuzzing found a failing input (build-asan/fuzz-findings):" >&2
        tail -n 30 build-asan/fuzz-findings/*.log >&2
        exit 1
      fi
      ;;
    tsan)
      echo "== TSan: build the server tests"
      configure build-tsan -DVANBAN_SANITIZE=thread
      cmake --build build-tsan -j"$jobs" --target test_server
      echo "== TSan: the server's concurrency tests"
      build-tsan/tests/test_server \
        --gtest_filter='HostileClients.*:HttpServerTest.concurrent*:HttpServerTest.stop*:SearcherPool*:ApiRobustness.malformed*'
      ;;
    *)
      echo "unknown stage $stage" >&2
      exit 2
      ;;
  esac
done
