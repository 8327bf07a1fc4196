#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vanban::indexer::detail {

// Standard base64 (RFC 4648), white space ignored, padding optional. Nullopt on any other
// character or an impossible length.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace vanban::indexer::detail
