#include "write_token.hpp"

namespace vanban::server {

bool token_matches(std::string_view given, std::string_view expected) {
  if (expected.empty()) return false;
  // Every byte of `given` is looked at whatever the outcome; a length mismatch is folded in.
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < given.size(); ++i)
    difference |= static_cast<unsigned char>(given[i] ^ expected[i % expected.size()]);
  return difference == 0;
}

}  // namespace vanban::server
