// Finding the files to ingest under the command's arguments.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "vanban/common/result.hpp"
#include "vanban/indexer/ingest.hpp"

namespace vanban::indexer::detail {

struct WalkedFile {
  std::filesystem::path file;  // on disk
  std::string path;            // as archived: relative to its input, '/' separators
  std::uint64_t size = 0;
  // A stored original analysed again (ingest's re-analysis of stale documents): `file` is the
  // archive's copy, named by its digest, so its format is recognised by `name` (the archived
  // path's file name), and no sidecar lies beside it.
  std::string name;
  bool stored = false;
  // The real path of the folder input it was found under: it is read only from inside it (a
  // link swapped in after the walk may not lead out). Empty for a file given as an input.
  std::filesystem::path folder;
};

struct Walk {
  std::vector<WalkedFile> files;  // in a stable order: inputs as given, then by path
  std::vector<FileNote> skipped;
  std::vector<FileNote> failed;  // folders that could not be listed, clashing paths
  bool complete = true;          // every folder was listed (pruning is safe)
};

// Hidden files and folders (".name") and sidecars (*.meta.json) are left out silently; other
// unsupported extensions are listed as skipped. Links to folders are not followed.
Result<Walk> walk_inputs(const std::vector<std::filesystem::path>& inputs);

}  // namespace vanban::indexer::detail
