// The one hash of the project's keys and originals.
#pragma once

#include <string>
#include <string_view>

namespace vanban::archive {

// Lower-case hex sha256 of `bytes` (OpenSSL EVP).
std::string sha256_hex(std::string_view bytes);

}  // namespace vanban::archive
