// `vanban check`: the store verified against the index.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "vanban/common/result.hpp"

namespace vanban::archive {

struct CheckProblem {
  std::string id;       // the document concerned
  std::string sha256;   // its original's digest
  std::string message;  // English, for logs and the CLI
};

struct CheckReport {
  std::uint64_t documents = 0;         // documents checked
  std::vector<CheckProblem> problems;  // an original missing or corrupt, a document without one
  std::uint64_t orphans = 0;  // originals no document refers to (harmless, e.g. after a kill)
};

// Re-hashes the original of every indexed document. Opens the database read-only, so it can run
// beside a writer (it then sees the writer's last commit).
Result<CheckReport> check_archive(const std::filesystem::path& db_dir);

}  // namespace vanban::archive
