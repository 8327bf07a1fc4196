// Helpers shared by the test suites.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::testing {

// A fresh directory under the system temp dir, removed when the object goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::random_device device;
    std::mt19937_64 random(device());
    path_ = std::filesystem::temp_directory_path() / ("vanban-test-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// ../shared/corpus beside the repository; tests that need it GTEST_SKIP() when it is absent.
inline std::filesystem::path corpus_dir() {
  return std::filesystem::path(VANBAN_SHARED_DIR) / "corpus";
}

inline std::filesystem::path source_dir() {
  return VANBAN_SOURCE_DIR;
}

// Real-looking documents for robustness tests to mutate: the samples and the structure
// fixtures, in a fixed order (directory order varies; the seed order must not).
inline std::vector<std::string> seed_documents() {
  std::vector<std::string> seeds;
  for (const char* folder : {"samples", "tests/analyzers/fixtures/structure"}) {
    const auto dir = source_dir() / folder;
    if (!std::filesystem::is_directory(dir)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files)
      seeds.push_back(read_file(file));
  }
  if (seeds.empty()) seeds.push_back("KẾ HOẠCH\nSố: 32/KH-UBND\nHuế, ngày 31 tháng 01 năm 2026\n");
  return seeds;
}

// The built `vanban` executable, for end-to-end tests.
inline std::filesystem::path vanban_binary() {
  return VANBAN_BINARY;
}

}  // namespace vanban::testing
