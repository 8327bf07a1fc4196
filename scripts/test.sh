#!/usr/bin/env bash
# Sets up, builds (warnings as errors) and runs every test: formatting, the GoogleTest suites
# (unit, end-to-end) through CTest, and the browser tests in headless Chromium.
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
