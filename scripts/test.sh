#!/usr/bin/env bash
# Sets up, builds (warnings as errors) and runs every test: formatting, the GoogleTest suites
# (unit, end-to-end) and the fuzz corpus replay through CTest, the browser tests in headless
# Chromium, a short crash-and-fault run, and with VANBAN_SANITIZERS=1 the standing guarantees of
# docs/RELIABILITY.md: the suites under ASan+UBSan, each libFuzzer harness for a minute, the
# server's concurrency tests under TSan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests

echo "== clang-format"
git ls-files '*.cpp' '*.hpp' | xargs -r clang-format --dry-run -Werror

echo "== build"
scripts/build.sh -DVANBAN_WERROR=ON

echo "== unit and end-to-end tests"
(cd build && ctest --output-on-failure -j"$(nproc)" --timeout 600)

if [[ -f tests/browser/package.json ]]; then
  echo "== browser tests"
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error && node --test)
fi

echo "== crash and fault"
FAULT_DOCUMENTS=300 FAULT_KILLS=6 scripts/fault_test.sh

# ASan+UBSan suites, a minute of libFuzzer per harness, TSan server tests (clang builds).
if [[ "${VANBAN_SANITIZERS:-0}" == 1 ]]; then
  scripts/sanitize.sh asan fuzz tsan
fi
