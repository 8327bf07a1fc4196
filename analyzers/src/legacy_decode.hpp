// Legacy decoding on "units": a legacy byte (< 0x100), or a character that was never one byte
// (>= 0x100) and passes through. Bytes and mojibake text both become units, so one decoder
// serves decode_text and the repair of UTF-8 text. Private to the analyzers module.
#pragma once

#include <string>
#include <string_view>

#include "vanban/analyzers/legacy_encoding.hpp"

namespace vanban::analyzers::legacy {

// Bytes as units.
std::u32string units_of_bytes(std::string_view bytes);

// UTF-8 mojibake as units: each character that stood for a byte (legacy::byte_of) becomes that
// byte; other characters stay as they are. Invalid UTF-8 becomes U+FFFD.
std::u32string units_of_text(std::string_view utf8);

// Decodes units with a legacy table; unmapped bytes are read as Windows-1252.
std::u32string decode(std::u32string_view units, LegacyFont font);

// Units read as they are: bytes as Windows-1258 (`windows_1258`) or Windows-1252.
std::u32string decode_as_is(std::u32string_view units, bool windows_1258);

// UTF-32 to UTF-8, then NFC.
std::string to_utf8_nfc(std::u32string_view text);

// The length of the first piece of `text` of about `size` bytes that ends at a line end (or,
// in a longer line, at a space): a cut no letter spans, in legacy bytes and in UTF-8 alike.
// Working a piece at a time keeps memory a few times a piece, whatever the text's size.
std::size_t piece_length(std::string_view text, std::size_t size);

}  // namespace vanban::analyzers::legacy
