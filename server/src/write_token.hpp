// The write token that guards the routes that change the archive (POST /api/upload): given as
// "Authorization: Bearer TOKEN" (or "X-Vanban-Token: TOKEN"), compared in constant time.
#pragma once

#include <string_view>

namespace vanban::server {

// Whether `given` equals `expected`, in a time that depends only on their lengths, never on
// where they first differ. An empty `expected` (no token set) matches nothing.
bool token_matches(std::string_view given, std::string_view expected);

// The token a request head carries: the value of "Authorization: Bearer ..." or of
// "X-Vanban-Token"; `header` gives a header's value by name, empty when absent.
template <typename HeaderLookup>
std::string_view token_of(const HeaderLookup& header) {
  constexpr std::string_view kBearer = "Bearer ";
  const std::string_view authorization = header("Authorization");
  if (authorization.size() > kBearer.size() && authorization.starts_with(kBearer))
    return authorization.substr(kBearer.size());
  return header("X-Vanban-Token");
}

}  // namespace vanban::server
