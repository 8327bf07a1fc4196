#include "vanban/indexer/upload.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/digest.hpp"
#include "vanban/indexer/ingest.hpp"

#include "zip_folder.hpp"

namespace vanban::indexer {
namespace {

namespace fs = std::filesystem;

// A private folder, removed with everything in it when it goes out of scope.
class StagingFolder {
 public:
  StagingFolder() {
    std::error_code error;
    std::string pattern = (fs::temp_directory_path(error) / "vanban-upload-XXXXXX").string();
    if (!error && ::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~StagingFolder() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  StagingFolder(const StagingFolder&) = delete;
  StagingFolder& operator=(const StagingFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80       ? 1
                               : byte >> 5 == 6  ? 2
                               : byte >> 4 == 14 ? 3
                               : byte >> 3 == 30 ? 4
                                                 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    i += length;
  }
  return true;
}

// The last component of the name the browser sent, or empty when it cannot be a file name:
// hidden, a sidecar's name, control characters, not UTF-8, too long.
std::string file_name(std::string_view sent) {
  const std::size_t slash = sent.find_last_of("/\\");
  const std::string_view name = slash == std::string_view::npos ? sent : sent.substr(slash + 1);
  if (name.empty() || name.size() > 200 || name.front() == '.' || !valid_utf8(name)) return {};
  for (const char c : name)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return {};
  if (is_sidecar(std::string(name))) return {};
  return std::string(name);
}

UploadOutcome error_outcome(UploadOutcome outcome, const std::string& message) {
  outcome.status = "error";
  outcome.message = message;
  return outcome;
}

std::string text_of(const FileNote& note) {
  return note.user_message.empty() ? note.message : note.user_message;
}

Result<UploadOutcome> ingest_one(archive::ArchiveWriter& writer, UploadedFile file,
                                 const std::string& name, const ReadOptions& read) {
  UploadOutcome outcome;
  outcome.name = name;
  outcome.path = std::string(kUploadFolder) + "/" + name;
  StagingFolder staging;
  if (staging.path().empty())
    return make_error(ErrorKind::io,
                      "cannot make a staging folder: " + std::string(std::strerror(errno)));
  const fs::path folder = staging.path() / kUploadFolder;
  fs::create_directories(folder);
  for (const auto& [path, bytes] :
       {std::pair{folder / name, std::string_view(file.bytes)},
        std::pair{folder / (name + ".meta.json"), std::string_view(file.sidecar)}}) {
    if (bytes.empty() && path.extension() == ".json") continue;
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return make_error(ErrorKind::io, "cannot write the staging copy of " + name);
  }

  IngestOptions options;
  options.inputs = {staging.path()};
  options.jobs = 1;
  options.read = read;
  auto summary = ingest(writer, options);
  if (!summary) return summary.error();
  for (const FileNote& note : summary->warnings)
    outcome.notes.push_back((note.path == outcome.path ? "" : note.path + ": ") + text_of(note));
  for (const FileNote& note : summary->skipped) {
    if (note.path == outcome.path) return error_outcome(std::move(outcome), text_of(note));
    outcome.notes.push_back(note.path + ": " + text_of(note));
  }
  for (const FileNote& note : summary->failed) {
    if (note.path == outcome.path) return error_outcome(std::move(outcome), text_of(note));
    outcome.notes.push_back(note.path + ": " + text_of(note));
  }
  // Analysed again (an older version had made its entry) counts as indexed.
  const std::uint64_t indexed = summary->added + summary->updated + summary->reanalysed;
  if (indexed + summary->unchanged == 0)
    return error_outcome(std::move(outcome), "Không có văn bản nào đọc được trong tệp");
  outcome.status = indexed > 0 ? "indexed" : "unchanged";
  if (const auto state = writer.source(outcome.path)) outcome.document_id = state->document_id;
  return outcome;
}

}  // namespace

Result<std::vector<UploadOutcome>> ingest_uploads(const fs::path& db_dir,
                                                  std::vector<UploadedFile> files,
                                                  const ReadOptions& read) {
  WriterSlot slot(db_dir);
  return ingest_uploads(slot, std::move(files), read);
}

Result<std::vector<UploadOutcome>> ingest_uploads(WriterSlot& slot, std::vector<UploadedFile> files,
                                                  const ReadOptions& read) {
  std::vector<UploadOutcome> outcomes;
  const Status done = slot.with_writer(
      [&](archive::ArchiveWriter& writer) -> Status {
        std::set<std::string> names;
        for (UploadedFile& file : files) {
          const std::string name = file_name(file.name);
          UploadOutcome rejected;
          rejected.name = file.name;
          if (name.empty()) {
            outcomes.push_back(error_outcome(std::move(rejected), "Tên tệp không hợp lệ"));
            continue;
          }
          if (!names.insert(name).second) {
            outcomes.push_back(error_outcome(std::move(rejected),
                                             "Tên tệp trùng với một tệp khác trong lần tải này"));
            continue;
          }
          auto outcome = ingest_one(writer, std::move(file), name, read);
          if (!outcome) return outcome.error();
          outcomes.push_back(std::move(*outcome));
        }
        return Status{};
      },
      /*keep_open=*/false);
  if (!done) return done.error();
  return outcomes;
}

}  // namespace vanban::indexer
