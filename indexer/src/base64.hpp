#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vanban::indexer::detail {

// Standard base64 (RFC 4648), white space ignored, padding optional. Nullopt on any other
// character or an impossible length.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace vanban::indexer::detail

namespace vanban::indexer::detail {

// Standard base64 with padding, no line breaks. Encoding a stream chunk by chunk gives the
// same text when every chunk but the last is a multiple of 3 bytes.
std::string encode_base64(std::string_view bytes);

}  // namespace vanban::indexer::detail
