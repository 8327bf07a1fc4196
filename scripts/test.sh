#!/usr/bin/env bash
# Sets up, builds (warnings as errors) and runs every test: formatting, the GoogleTest suites
# (unit, end-to-end) and the fuzz corpus replay through CTest, the browser tests in headless
# Chromium, then the standing guarantees of docs/RELIABILITY.md: the suites under ASan+UBSan,
# each libFuzzer harness for a minute, the server's concurrency tests under TSan, and a short
# crash-and-fault run (VANBAN_QUICK=1 skips these last ones).
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

if [[ "${VANBAN_QUICK:-0}" != 1 ]]; then
  scripts/sanitize.sh asan fuzz tsan
  echo "== crash and fault"
  FAULT_DOCUMENTS=300 FAULT_KILLS=6 scripts/fault_test.sh
fi
