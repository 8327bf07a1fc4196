// A zip archive of uncompressed ("stored") entries, to build small DOCX files in tests; and one of
// entries given as their raw data with their headers' method, sizes and flags, for damaged and
// hostile ones (a deflate stream broken at a chosen point, a size that lies, encryption).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vanban::testing {

inline std::uint32_t crc32(std::string_view data) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> entries{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k)
        c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      entries[n] = c;
    }
    return entries;
  }();
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const char byte : data)
    crc = table[(crc ^ static_cast<unsigned char>(byte)) & 0xFFu] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

// An entry as it stands in the zip: `data` as stored (compressed for method 8), `size` and `crc`
// as the headers declare them, `flags` the general purpose flags (bit 0: encrypted).
struct RawZipEntry {
  std::string name;
  std::string data;
  std::uint16_t method = 0;  // 0 stored, 8 deflate
  std::uint32_t size = 0;
  std::uint32_t crc = 0;
  std::uint16_t flags = 0;
};

inline std::string raw_zip(const std::vector<RawZipEntry>& entries) {
  std::string out;
  std::string directory;
  const auto put16 = [](std::string& to, std::uint32_t value) {
    to.push_back(static_cast<char>(value & 0xFF));
    to.push_back(static_cast<char>((value >> 8) & 0xFF));
  };
  const auto put32 = [&](std::string& to, std::uint32_t value) {
    put16(to, value & 0xFFFF);
    put16(to, value >> 16);
  };
  for (const auto& entry : entries) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    const auto common = [&](std::string& to) {  // version needed .. extra length
      put16(to, 20);
      put16(to, entry.flags);
      put16(to, entry.method);
      put16(to, 0);     // time
      put16(to, 0x21);  // date: 1980-01-01
      put32(to, entry.crc);
      put32(to, static_cast<std::uint32_t>(entry.data.size()));  // compressed
      put32(to, entry.size);
      put16(to, static_cast<std::uint32_t>(entry.name.size()));
      put16(to, 0);  // extra
    };
    put32(out, 0x04034B50);
    common(out);
    out += entry.name;
    out += entry.data;
    put32(directory, 0x02014B50);
    put16(directory, 20);  // made by
    common(directory);
    put16(directory, 0);  // comment
    put16(directory, 0);  // disk
    put16(directory, 0);  // internal attributes
    put32(directory, 0);  // external attributes
    put32(directory, offset);
    directory += entry.name;
  }
  const auto directory_offset = static_cast<std::uint32_t>(out.size());
  out += directory;
  put32(out, 0x06054B50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(directory.size()));
  put32(out, directory_offset);
  put16(out, 0);
  return out;
}

// Entries: (name, content), in order.
inline std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::vector<RawZipEntry> raw;
  for (const auto& [name, content] : entries) {
    raw.push_back(
        {name, content, 0, static_cast<std::uint32_t>(content.size()), crc32(content), 0});
  }
  return raw_zip(raw);
}

// `content` as deflate blocks that store it uncompressed (RFC 1951 §3.2.4, BTYPE 00), none of
// them final: the stream goes on with whatever the caller appends (kDeflateEnd, or damage).
inline std::string deflate_stored_blocks(std::string_view content) {
  std::string out;
  do {
    const std::size_t length = std::min<std::size_t>(content.size(), 0xFFFF);
    out.push_back('\0');  // BFINAL 0, BTYPE 00, then byte-aligned
    out.push_back(static_cast<char>(length & 0xFF));
    out.push_back(static_cast<char>(length >> 8));
    out.push_back(static_cast<char>(~length & 0xFF));
    out.push_back(static_cast<char>((~length >> 8) & 0xFF));
    out.append(content.substr(0, length));
    content = content.substr(length);
  } while (!content.empty());
  return out;
}

// The end of a deflate stream: an empty final stored block.
inline constexpr std::string_view kDeflateEnd{"\x01\x00\x00\xFF\xFF", 5};
// A block of the reserved type (BFINAL 1, BTYPE 11): zlib stops there, "invalid block type".
inline constexpr std::string_view kDeflateDamage{"\x07", 1};

}  // namespace vanban::testing
