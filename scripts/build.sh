#!/usr/bin/env bash
# Configures and builds into ./build (extra arguments go to cmake's configure step).
# VANBAN_TARGET=vanban builds only the executable (what scripts/run.sh needs).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build build -j"$(nproc)" ${VANBAN_TARGET:+--target "$VANBAN_TARGET"}
