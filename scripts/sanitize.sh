#!/usr/bin/env bash
# The standing guarantees of docs/RELIABILITY.md, with clang:
#   1. every test suite under AddressSanitizer + UndefinedBehaviorSanitizer, with the fuzz
#      corpus replayed (build-asan, which also builds the libFuzzer harnesses);
#   2. each libFuzzer harness for FUZZ_SECONDS (default 60), two at a time;
#   3. the whole server suite (test_server: the HTTP layer, the connection hub, the searcher
#      pool, hostile clients) under ThreadSanitizer (build-tsan, test_server and what it runs).
# Usage: scripts/sanitize.sh [asan|fuzz|tsan]... (default: all three, in that order).
# Each stage prints its wall time and CPU time (user+sys); docs/RELIABILITY.md "In CI".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/stage_clock.sh
stages=("$@")
((${#stages[@]})) || stages=(asan fuzz tsan)
jobs=$(nproc)
((jobs <= 2)) || jobs=2  # clang with ASan needs ~1-2 GB a process; CI has 2 cores
launcher=()
# Precompiled headers (VANBAN_PCH, clang's default) are cached only with this sloppiness; set in
# the launcher, so that a later plain `cmake --build` hits the cache as well.
sloppiness=pch_defines,time_macros,include_file_mtime,include_file_ctime
command -v ccache >/dev/null &&
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER="env;CCACHE_SLOPPINESS=$sloppiness;ccache")
# lld, where installed, as in scripts/build.sh.
linker=()
command -v ld.lld >/dev/null && linker=(-DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld)
# Leak detection off: uninstrumented system libraries (Xapian, ICU, libxml2, poppler) keep
# allocations for the process's life (caches, singletons) that LeakSanitizer would report
# although they are not ours; our own objects are owned by RAII types.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The few tests whose cost is Tesseract's, poppler's or libxml2's work over many inputs (the
# damaged reader seeds, the scanned layouts) read every 4th input here: the plain build in the
# same CI run read them all (tests/support/test_support.hpp, docs/RELIABILITY.md "In CI").
export VANBAN_SANITIZER_STRIDE=${VANBAN_SANITIZER_STRIDE:-4}
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/scripts/tsan.supp"

configure() {  # DIR extra-cmake-args...
  local dir=$1
  shift
  # -O1 and line tables only: the sanitizers' reports keep file:line, and the build (in CI on
  # every run) is markedly cheaper than -O2 -g; the test suites in unity batches (CMakeLists.txt).
  CXX=clang++ cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" -DVANBAN_WERROR=ON \
    -DVANBAN_BENCHMARKS=OFF -DVANBAN_UNITY_TESTS=ON "${launcher[@]}" "${linker[@]}" "$@" \
    >/dev/null
}

for stage in "${stages[@]}"; do
  case $stage in
    asan)
      stage_begin "ASan+UBSan: build (tests, vanban, fuzz harnesses)"
      # The suites as GoogleTest shards, a few processes each (ASan's start-up is ~0.3 CPU s).
      configure build-asan -DVANBAN_FUZZ=ON -DVANBAN_TEST_SHARDS=ON
      cmake --build build-asan -j"$jobs"
      stage_end
      stage_begin "ASan+UBSan: unit, end-to-end and corpus-replay tests"
      (cd build-asan && ctest --output-on-failure -j"$jobs" --timeout 1200)
      stage_end
      ;;
    fuzz)
      seconds=${FUZZ_SECONDS:-60}
      stage_begin "libFuzzer: each harness for ${seconds}s, $jobs at a time"
      [[ -d build-asan/tests/fuzz ]] || { echo "run the asan stage first" >&2; exit 1; }
      rm -rf build-asan/fuzz-findings
      mkdir -p build-asan/fuzz-findings
      pids=()
      failed=0
      for harness in tests/fuzz/corpus/*/; do
        name=$(basename "$harness")
        (
          work=$(mktemp -d)
          trap 'rm -rf "$work"' EXIT
          # New inputs go to a scratch folder: the checked-in corpus only grows by hand.
          build-asan/tests/fuzz/fuzz_"$name" "$work" "$harness" -max_total_time="$seconds" \
            -max_len=65536 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
            -artifact_prefix=build-asan/fuzz-findings/"$name"- \
            >build-asan/fuzz-findings/"$name".log 2>&1
          runs=$(awk '/stat::number_of_executed_units/ {print $2}' \
            build-asan/fuzz-findings/"$name".log)
          echo "$name: $runs executions in ${seconds}s"
        ) &
        pids+=($!)
        if ((${#pids[@]} >= jobs)); then
          wait "${pids[0]}" || failed=1
          pids=("${pids[@]:1}")
        fi
      done
      for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
      if ls build-asan/fuzz-findings/*-crash-* build-asan/fuzz-findings/*-leak-* \
        build-asan/fuzz-findings/*-timeout-* build-asan/fuzz-findings/*-oom-* >/dev/null 2>&1 ||
        ((failed)); then
        echo "fuzzing found a failing input (build-asan/fuzz-findings):" >&2
        tail -n 30 build-asan/fuzz-findings/*.log >&2
        exit 1
      fi
      stage_end
      ;;
    tsan)
      stage_begin "TSan: build test_server (and the vanban it starts)"
      configure build-tsan -DVANBAN_SANITIZE=thread
      cmake --build build-tsan -j"$jobs" --target test_server
      stage_end
      stage_begin "TSan: the whole server suite"
      (cd build-tsan && ctest --output-on-failure -j"$jobs" --timeout 1200 -L '^server$')
      stage_end
      ;;
    *)
      echo "unknown stage $stage" >&2
      exit 2
      ;;
  esac
done
