#!/usr/bin/env bash
# The main job: set up, build, index the sample documents (or the folders given), serve the UI
# on http://127.0.0.1:8080. Re-running is safe: unchanged files are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
VANBAN_TARGET=vanban scripts/build.sh
db="${VANBAN_DB:-./vanban-data}"
targets=("$@")
((${#targets[@]})) || targets=(samples)
status=0
./build/vanban index --db "$db" "${targets[@]}" || status=$?
# Exit 1 means some files could not be read; they are reported and the rest is indexed.
if ((status > 1)); then exit "$status"; fi
exec ./build/vanban serve --db "$db" --bind 127.0.0.1 --port "${VANBAN_PORT:-8080}"
