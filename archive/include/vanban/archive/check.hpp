// `vanban check`: the store verified against the index (Archive::check()).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vanban::archive {

struct CheckProblem {
  std::string id;       // the document concerned
  std::string sha256;   // its original's digest
  std::string message;  // English, for logs and the CLI
};

struct CheckReport {
  std::uint64_t documents = 0;  // documents checked
  // an original or a stored text missing or corrupt, a document without an original
  std::vector<CheckProblem> problems;
  std::uint64_t orphans = 0;       // originals no document refers to (harmless, e.g. after a kill)
  std::uint64_t text_orphans = 0;  // stored texts no document refers to (likewise)
};

}  // namespace vanban::archive
