#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vanban::indexer::detail {

// Standard base64 (RFC 4648), white space ignored, padding optional. Nullopt on any other
// character or an impossible length.
std::optional<std::string> decode_base64(std::string_view text);

// The same fed a piece at a time (an attachment as the XML parser reads it, never whole).
class Base64Decoder {
 public:
  void feed(std::string_view text);
  // Whether the text fed is base64 (checked at its end: a stray last character).
  bool valid() const { return valid_ && bits_ < 6 && padding_ <= 2; }
  // Keeps no more than `bytes` decoded bytes; the rest is still checked, not kept.
  void limit(std::size_t bytes) { limit_ = bytes; }
  // Whether bytes past the limit were left out, and how many were decoded in all.
  bool cut() const { return decoded_ > out_.size(); }
  std::uint64_t decoded() const { return decoded_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  std::size_t limit_ = static_cast<std::size_t>(-1);
  std::uint64_t decoded_ = 0;
  std::uint32_t buffer_ = 0;
  int bits_ = 0;
  std::size_t padding_ = 0;
  bool valid_ = true;
};

}  // namespace vanban::indexer::detail

namespace vanban::indexer::detail {

// Standard base64 with padding, no line breaks. Encoding a stream chunk by chunk gives the
// same text when every chunk but the last is a multiple of 3 bytes.
std::string encode_base64(std::string_view bytes);

}  // namespace vanban::indexer::detail
