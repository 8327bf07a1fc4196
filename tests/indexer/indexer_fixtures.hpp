// The committed reader fixtures (tests/indexer/fixtures, made by make_fixtures.sh with
// LibreOffice, pandoc, qpdf and img2pdf) and small helpers over read text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "test_support.hpp"

namespace vanban::testing {

inline std::filesystem::path fixture_path(std::string_view name) {
  return source_dir() / "tests" / "indexer" / "fixtures" / name;
}

inline std::string fixture(std::string_view name) {
  return read_file(fixture_path(name));
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

// Index of the first line equal to `line`, or -1.
inline int line_index(const std::string& text, std::string_view line) {
  const auto lines = lines_of(text);
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i] == line) return static_cast<int>(i);
  return -1;
}

// Index of the first line containing `part`, or -1.
inline int line_containing(const std::string& text, std::string_view part) {
  const auto lines = lines_of(text);
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].find(part) != std::string::npos) return static_cast<int>(i);
  return -1;
}

// Base64 (RFC 4648) of `bytes`: attachments of the edXML envelopes tests write.
inline std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t group = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(group >> 18) & 63];
    out += kAlphabet[(group >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(group >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[group & 63] : '=';
  }
  return out;
}

}  // namespace vanban::testing
