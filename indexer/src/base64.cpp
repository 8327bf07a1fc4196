#include "base64.hpp"

#include <array>
#include <cstdint>

namespace vanban::indexer::detail {
namespace {

constexpr std::array<std::int8_t, 256> make_table() {
  std::array<std::int8_t, 256> table{};
  for (auto& entry : table)
    entry = -1;
  constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < alphabet.size(); ++i)
    table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
  return table;
}

constexpr auto kTable = make_table();

}  // namespace

void Base64Decoder::feed(std::string_view text) {
  if (!valid_) return;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c == '=') {
      ++padding_;
      continue;
    }
    const std::int8_t value = kTable[static_cast<unsigned char>(c)];
    if (value < 0 || padding_ > 0) {  // a foreign character, or data after '='
      valid_ = false;
      return;
    }
    buffer_ = (buffer_ << 6) | static_cast<std::uint32_t>(value);
    bits_ += 6;
    if (bits_ >= 8) {
      bits_ -= 8;
      if (out_.size() < limit_) out_ += static_cast<char>((buffer_ >> bits_) & 0xFF);
      ++decoded_;
    }
  }
}

std::optional<std::string> decode_base64(std::string_view text) {
  Base64Decoder decoder;
  decoder.feed(text);
  if (!decoder.valid()) return std::nullopt;  // one stray character cannot be a byte
  return decoder.take();
}

}  // namespace vanban::indexer::detail

namespace vanban::indexer::detail {

std::string encode_base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t group = (std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16) |
                                (std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8) |
                                std::uint32_t{static_cast<unsigned char>(bytes[i + 2])};
    for (int shift = 18; shift >= 0; shift -= 6)
      out += kAlphabet[(group >> shift) & 0x3F];
  }
  if (const std::size_t rest = bytes.size() - i; rest > 0) {
    std::uint32_t group = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
    if (rest == 2) group |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
    out += kAlphabet[(group >> 18) & 0x3F];
    out += kAlphabet[(group >> 12) & 0x3F];
    out += rest == 2 ? kAlphabet[(group >> 6) & 0x3F] : '=';
    out += '=';
  }
  return out;
}

}  // namespace vanban::indexer::detail
