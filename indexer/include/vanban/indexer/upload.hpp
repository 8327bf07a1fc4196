// Files sent from the browser (`POST /api/upload`), ingested through the one ingest path: each
// file is laid in a private temporary folder as `tai-len/NAME` (with its sidecar fields as
// `NAME.meta.json`), ingested from there like any file of a folder, and the folder removed. So
// an upload is archived under `tai-len/NAME`, and uploading a file of the same name again
// replaces it, as a changed file in an indexed folder does. A .zip gives a document per member.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "vanban/common/result.hpp"
#include "vanban/indexer/reader.hpp"
#include "vanban/indexer/writer_slot.hpp"

namespace vanban::indexer {

// The folder uploads are archived under.
inline constexpr std::string_view kUploadFolder = "tai-len";

struct UploadedFile {
  std::string name;  // as the browser sent it; only its last component is kept
  std::string bytes;
  std::string sidecar;  // a sidecar's JSON (metadata fields the sender typed), or empty
};

struct UploadOutcome {
  std::string name;                // the file's name as kept
  std::string path;                // as archived: "tai-len/NAME"
  std::string status;              // "indexed", "unchanged" or "error"
  std::string message;             // for "error": why, in Vietnamese where there is a text
  std::string document_id;         // when indexed or unchanged (for a .zip: empty)
  std::vector<std::string> notes;  // warnings; for a .zip, its members' results
};

// Ingests the files into the archive `db_dir`, one after the other, each committed when done
// (searchable at the searchers' next reopen). Fails as a whole only when the archive cannot be
// opened for writing (another writer holds it: `vanban index` or `watch` running); a bad file
// is an outcome with status "error" and the others go on.
Result<std::vector<UploadOutcome>> ingest_uploads(const std::filesystem::path& db_dir,
                                                  std::vector<UploadedFile> files,
                                                  const ReadOptions& read = {});
// The same, taking turns on a writer shared with the process's other writing tasks (the
// watch of `serve --watch`): an upload waits for a watch pass in progress.
Result<std::vector<UploadOutcome>> ingest_uploads(WriterSlot& writer,
                                                  std::vector<UploadedFile> files,
                                                  const ReadOptions& read = {});

}  // namespace vanban::indexer
