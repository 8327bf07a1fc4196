// The one writer of an archive (Xapian allows one WritableDatabase at a time; a second writer
// gets a clear io error). Adds, replaces and removes documents and keeps the originals.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vanban/archive/document.hpp"
#include "vanban/common/result.hpp"

namespace vanban::archive {

// What the archive knows of one source path.
struct SourceState {
  std::string document_id;
  std::string sha256;  // of the content indexed for this path
};

enum class PutOutcome { added, updated, unchanged };

class ArchiveWriter {
 public:
  // Opens (creating if needed) the archive in `db_dir`: Xapian database in db_dir/xapian,
  // originals in db_dir/originals.
  static Result<std::unique_ptr<ArchiveWriter>> open(const std::filesystem::path& db_dir);
  virtual ~ArchiveWriter() = default;

  virtual std::optional<SourceState> source(const std::string& path) const = 0;
  virtual std::vector<std::string> source_paths() const = 0;

  // Stores `original` and indexes `document` for `path` (document.paths/sha256/size/id are
  // filled in by the writer). Same bytes already indexed under another path: the path is added
  // to that document. A path whose content changed: its old document is replaced (or loses the
  // path, if other paths still hold the old content).
  virtual Result<PutOutcome> put(const std::string& path, std::string_view original,
                                 ArchivedDocument document) = 0;
  // Forgets a source path (for --prune); removes the document when no path is left.
  virtual Status remove_path(const std::string& path) = 0;
  virtual Status remove_document(const std::string& id) = 0;
  // Makes everything since the last commit durable and visible to readers.
  virtual Status commit() = 0;
};

}  // namespace vanban::archive
