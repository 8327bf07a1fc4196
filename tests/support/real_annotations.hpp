// The real documents annotated by reading (tests/analyzers/real): where they are, their
// annotation files, and the splits floors.json holds out. Shared by the tests that score or
// sweep them, so that both skip the same held-out splits.
#pragma once

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace vanban::testing {

inline std::filesystem::path real_documents_dir() {
  return source_dir() / "tests" / "analyzers" / "real";
}

// Every `<source>/<name>.json` annotation, in path order.
inline std::vector<std::filesystem::path> real_annotation_paths() {
  std::vector<std::filesystem::path> paths;
  for (const auto& source : std::filesystem::directory_iterator(real_documents_dir())) {
    if (!source.is_directory()) continue;
    for (const auto& entry : std::filesystem::directory_iterator(source.path()))
      if (entry.path().extension() == ".json") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// The splits listed in floors.json's `_held_out`.
inline std::set<std::string> held_out_splits(const nlohmann::json& floors) {
  std::set<std::string> splits;
  for (const auto& split : floors.value("_held_out", nlohmann::json::array()))
    splits.insert(split.get<std::string>());
  return splits;
}

}  // namespace vanban::testing
