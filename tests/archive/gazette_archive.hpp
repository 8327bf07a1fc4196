// The gazette texts a status test needs (../shared/corpus/real/congbao-8chude), indexed with
// the real extractor into a temporary archive: the documents given by path and every text
// naming one of the given numbers (spaces ignored, as converters add them inside symbols), so
// that the acts on those documents are in the archive too.
#pragma once

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"
#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"

#include "test_support.hpp"

namespace vanban::testing {

inline std::filesystem::path gazette_docs() {
  return corpus_dir() / "real" / "congbao-8chude" / "docs";
}

inline std::string without_spaces(std::string_view text) {
  std::string out;
  for (const char c : text)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') out += c;
  return out;
}

struct GazetteArchive {
  TempDir dir;
  std::map<std::string, std::string> ids;  // a path given -> its archived id
  std::set<std::string> numbers;           // the archived documents' own numbers
  std::size_t indexed = 0;
};

// Fills `archive` (ASSERTs inside: call through ASSERT_NO_FATAL_FAILURE). `paths` are relative
// to gazette_docs(); `numbers` as written ("15/2022/TT-BTC").
inline void index_gazette(GazetteArchive& archive, const std::set<std::string>& paths,
                          const std::set<std::string>& numbers) {
  namespace fs = std::filesystem;
  const fs::path docs = gazette_docs();
  std::set<std::string> wanted;
  for (const std::string& number : numbers)
    wanted.insert(without_spaces(number));
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(docs))
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  auto writer = archive::Archive(archive.dir.path()).open_writer();
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  for (const fs::path& file : files) {
    const std::string path = file.lexically_relative(docs).generic_string();
    const std::string bytes = read_file(file);
    const std::string flat = without_spaces(bytes);
    // A number followed by a digit is another one (19/2026/NQ-CP in 66.19/2026/NQ-CP is
    // harmless: an extra document indexed, not a missing one).
    if (paths.count(path) == 0 &&
        std::none_of(wanted.begin(), wanted.end(), [&](const std::string& number) {
          return flat.find(number) != std::string::npos;
        }))
      continue;
    archive::ArchivedDocument document;
    document.format = "txt";
    document.filename = file.filename().string();
    document.text = analyzers::decode_text(bytes).text;
    document.metadata = analyzers::extract_metadata(document.text);
    if (document.metadata.number) archive.numbers.insert(*document.metadata.number);
    const auto put = (*writer)->put(path, bytes, document);
    ASSERT_TRUE(put.ok()) << file << ": " << put.error().message;
    ++archive.indexed;
  }
  ASSERT_TRUE((*writer)->commit().ok());
  for (const std::string& path : paths) {
    const auto state = (*writer)->source(path);
    ASSERT_TRUE(state) << path << " was not indexed";
    archive.ids[path] = state->document_id;
  }
  ASSERT_TRUE((*writer)->close().ok());
}

}  // namespace vanban::testing
