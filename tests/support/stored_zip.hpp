// A zip archive of uncompressed ("stored") entries, to build small DOCX files in tests.
#pragma once

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

// Entries: (name, content), in order.
inline std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
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
    // Named references, not a structured binding: clang 14 (the sanitizer builds) cannot
    // capture a binding in the lambda below.
    const auto& name = entry.first;
    const auto& content = entry.second;
    const auto offset = static_cast<std::uint32_t>(out.size());
    const std::uint32_t crc = crc32(content);
    const auto size = static_cast<std::uint32_t>(content.size());
    const auto common = [&](std::string& to) {  // version needed .. extra length
      put16(to, 20);
      put16(to, 0);     // flags
      put16(to, 0);     // stored
      put16(to, 0);     // time
      put16(to, 0x21);  // date: 1980-01-01
      put32(to, crc);
      put32(to, size);  // compressed
      put32(to, size);
      put16(to, static_cast<std::uint32_t>(name.size()));
      put16(to, 0);  // extra
    };
    put32(out, 0x04034B50);
    common(out);
    out += name;
    out += content;
    put32(directory, 0x02014B50);
    put16(directory, 20);  // made by
    common(directory);
    put16(directory, 0);  // comment
    put16(directory, 0);  // disk
    put16(directory, 0);  // internal attributes
    put32(directory, 0);  // external attributes
    put32(directory, offset);
    directory += name;
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

}  // namespace vanban::testing
