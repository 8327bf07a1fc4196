// The benchmarks' sample of real text: every seed document of ../shared/corpus and the first
// two documents of each gazette topic, decoded as the indexer decodes them. Empty when the
// corpus is absent (each benchmark then falls back on a built-in text of its own).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "vanban/analyzers/normalize.hpp"

namespace vanban::bench {

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The .txt files directly in `dir`, sorted (so every run reads the same sample).
inline std::vector<std::filesystem::path> sorted_text_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  if (!std::filesystem::is_directory(dir)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// The sample's documents, each decoded to NFC text.
inline std::vector<std::string> corpus_sample_documents() {
  const std::filesystem::path corpus = std::filesystem::path(VANBAN_SHARED_DIR) / "corpus";
  std::vector<std::filesystem::path> files = sorted_text_files(corpus / "seeds");
  const std::filesystem::path gazette = corpus / "real" / "congbao-8chude" / "docs";
  if (std::filesystem::is_directory(gazette)) {
    std::vector<std::filesystem::path> topics;
    for (const auto& entry : std::filesystem::directory_iterator(gazette))
      if (entry.is_directory()) topics.push_back(entry.path());
    std::sort(topics.begin(), topics.end());
    for (const auto& topic : topics) {
      const std::vector<std::filesystem::path> documents = sorted_text_files(topic);
      files.insert(files.end(), documents.begin(),
                   documents.begin() + std::min<std::size_t>(2, documents.size()));
    }
  }
  std::vector<std::string> documents;
  for (const auto& file : files)
    documents.push_back(analyzers::decode_text(read_bytes(file)).text);
  return documents;
}

}  // namespace vanban::bench
