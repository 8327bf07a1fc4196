// The share of a costly, repetitive test's inputs checked under the sanitizers.
#pragma once

#include <cstddef>
#include <cstdlib>

namespace vanban::testing {

// VANBAN_SANITIZER_STRIDE=N (scripts/sanitize.sh sets 4): a test whose cost is mostly work
// outside Vanban's code (Tesseract, poppler, libxml2, libzip), repeated over many inputs,
// checks every Nth of them, as the same test in the plain build checked them all in the same CI
// run; its figures are asserted by the plain build only. 1 (everything) when unset.
inline std::size_t sanitizer_stride() {
  const char* value = std::getenv("VANBAN_SANITIZER_STRIDE");
  const long stride = value == nullptr ? 1 : std::strtol(value, nullptr, 10);
  return stride > 1 ? static_cast<std::size_t>(stride) : 1;
}

}  // namespace vanban::testing
