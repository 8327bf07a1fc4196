#!/usr/bin/env bash
# Configures and builds into ./build (extra arguments go to cmake's configure step).
# VANBAN_TARGET=vanban builds only the executable (what scripts/run.sh needs).
# VANBAN_DEBUG_INFO=0 builds without -g (scripts/test.sh: CI reads no debug information, and
# -g was a quarter of the compile); the code and the warnings are the same (-O2, NDEBUG).
set -euo pipefail
cd "$(dirname "$0")/.."
# ccache, where installed, makes rebuilds and sibling work trees cheap (it changes no output).
launcher=()
# Precompiled headers (VANBAN_PCH, clang's default) are cached only with this sloppiness; set in
# the launcher, so that a later plain `cmake --build` hits the cache as well.
sloppiness=pch_defines,time_macros,include_file_mtime,include_file_ctime
command -v ccache >/dev/null &&
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER="env;CCACHE_SLOPPINESS=$sloppiness;ccache")
# lld, where installed (scripts/setup.sh --tests), links in a third of GNU ld's CPU time (an
# ASan test suite: 4.0 -> 1.3 CPU s); the links are the build's serial tail.
linker=()
command -v ld.lld >/dev/null && linker=(-DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld)
flags="-O2 -g -DNDEBUG"  # CMake's RelWithDebInfo, given each time so that one run's choice
[[ ${VANBAN_DEBUG_INFO:-1} == 0 ]] && flags="-O2 -DNDEBUG"  # does not stay in the cache
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$flags" \
  "${launcher[@]}" "${linker[@]}" "$@" >/dev/null
cmake --build build -j"$(nproc)" ${VANBAN_TARGET:+--target "$VANBAN_TARGET"}
