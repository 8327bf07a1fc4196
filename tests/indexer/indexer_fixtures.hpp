// The committed reader fixtures (tests/indexer/fixtures, made by make_fixtures.sh with
// LibreOffice, pandoc, qpdf and img2pdf) and small helpers over read text.
#pragma once

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

}  // namespace vanban::testing
