// Invariant checks for the harnesses: a broken promise aborts, so libFuzzer records the input.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "../support/fuzz_inputs.hpp"

namespace vanban::fuzz {

inline void check(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
  }
}

// Well-formed UTF-8: the test suites' own checker (independent of the analyzers' code).
using testing::is_valid_utf8;

}  // namespace vanban::fuzz
