#!/usr/bin/env bash
# Sets up, builds (warnings as errors) and runs every test: formatting, the GoogleTest suites
# (unit, end-to-end) and the fuzz corpus replay through CTest, the browser tests in headless
# Chromium, a short crash-and-fault run, a bounded load test (LOAD_SECONDS per stage, 20), then
# the standing guarantees of docs/RELIABILITY.md (scripts/sanitize.sh): the suites under
# ASan+UBSan, each libFuzzer harness for FUZZ_SECONDS (60), the server suite under TSan.
# VANBAN_SANITIZERS=0 skips those last three.
# Each stage prints its wall and CPU time (scripts/stage_clock.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/stage_clock.sh
scripts/setup.sh --tests

stage_begin "clang-format"
git ls-files '*.cpp' '*.hpp' | xargs -r clang-format --dry-run -Werror
stage_end

stage_begin "build"
# Without debug information (a quarter of the compile; nothing here reads it): a later
# scripts/build.sh puts -g back. The test suites in unity batches of 8 files (CMakeLists.txt).
VANBAN_DEBUG_INFO=0 scripts/build.sh -DVANBAN_WERROR=ON -DVANBAN_UNITY_TESTS=ON
stage_end

stage_begin "unit and end-to-end tests"
(cd build && ctest --output-on-failure -j"$(nproc)" --timeout 600)
stage_end

if [[ -f tests/browser/package.json ]]; then
  stage_begin "browser tests"
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error && node --test)
  stage_end
fi

stage_begin "crash and fault"
FAULT_DOCUMENTS=300 FAULT_KILLS=6 scripts/fault_test.sh
stage_end

# The load test (wrk at 1, 64 and 256 connections with 200 slow clients and the indexer adding
# documents; it fails on any failed request or a dead server): LOAD_SECONDS per stage, 20 by
# default (about 80 s with the indexing before it); LOAD_SECONDS=0 skips it.
if [[ "${LOAD_SECONDS:=20}" != 0 ]]; then
  stage_begin "load (3 stages of ${LOAD_SECONDS}s)"
  LOAD_SECONDS=$LOAD_SECONDS scripts/load_test.sh
  stage_end
fi

# ASan+UBSan suites, FUZZ_SECONDS of libFuzzer per harness, the server suite under TSan.
if [[ "${VANBAN_SANITIZERS:-1}" != 0 ]]; then
  FUZZ_SECONDS=${FUZZ_SECONDS:-60} scripts/sanitize.sh asan fuzz tsan
fi
echo "== all tests passed in $SECONDS s"
