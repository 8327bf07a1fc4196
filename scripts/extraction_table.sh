#!/usr/bin/env bash
# Prints extraction accuracy on the annotated real documents (tests/analyzers/real) per source,
# layout family, split and type: fields right, citation precision/recall, laws cited by name.
# DETAILS=1 also lists every field and citation the extractor got wrong (before the table); RAISE=1 raises the
# floors in tests/analyzers/real/floors.json to the figures measured now (never lowers one).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d build ] || scripts/build.sh >/dev/null
cmake --build build -j2 --target test_analyzers >/dev/null
env VANBAN_EXTRACTION_DETAILS="${DETAILS:-}" ${RAISE:+VANBAN_RAISE_FLOORS=1} build/tests/test_analyzers \
  --gtest_filter='RealDocuments.extraction*' --gtest_brief=1 |
  sed -n '1,/^Real documents/{/^  /p}; /^Real documents/,/^[^ ]/{/^Real documents/p;/^  /p}; /Failure$/,+2p; /FAILED  \]/p'
