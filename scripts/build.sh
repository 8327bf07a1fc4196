#!/usr/bin/env bash
# Configures and builds into ./build (extra arguments go to cmake's configure step).
# VANBAN_TARGET=vanban builds only the executable (what scripts/run.sh needs).
set -euo pipefail
cd "$(dirname "$0")/.."
# ccache, where installed, makes rebuilds and sibling work trees cheap (it changes no output).
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@" >/dev/null
cmake --build build -j"$(nproc)" ${VANBAN_TARGET:+--target "$VANBAN_TARGET"}
