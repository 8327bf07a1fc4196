// UTF-8 validity for text stored or served verbatim (the decoders already produce valid UTF-8;
// these guard data that arrives by other ways, a sidecar or an older index).
#pragma once

#include <string>
#include <string_view>

namespace vanban::analyzers {

bool is_valid_utf8(std::string_view text);

// `text` with each invalid or truncated sequence replaced by U+FFFD.
std::string to_valid_utf8(std::string_view text);

}  // namespace vanban::analyzers
