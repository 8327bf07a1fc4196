// Backups of a live archive. The index is copied by Xapian's compactor from one reader
// snapshot (a consistent revision, whatever the writer does meanwhile); the originals and
// stored texts that revision refers to are copied after it. The writer deletes an original or a
// text only after the commit that stopped referring to it, so one missing from the source means
// a newer revision exists: the copy then starts again from a fresh snapshot, keeping what it
// already copied. That retry pins its revision (snapshot_lock.hpp): a writer committing back to
// back would otherwise overtake every snapshot, and the writer's next commit waits for the copy
// instead. Every snapshot is read pinned (reader_pin.hpp).
#include <set>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <unistd.h>
#include <xapian.h>

#include "backends.hpp"
#include "blob_store.hpp"
#include "disk_layout.hpp"
#include "durable_files.hpp"
#include "index_generation.hpp"
#include "reader_pin.hpp"
#include "schema.hpp"
#include "snapshot_lock.hpp"
#include "utc_clock.hpp"

namespace vanban::archive {
namespace {

namespace fs = std::filesystem;

// The first copy is taken without holding up the writer; the second pins its revision, so it
// cannot go stale. A third means the lock is not honoured (a writer of another version).
constexpr int kMaxAttempts = 3;
constexpr std::string_view kManifest = "backup.json";

// A staging folder beside the destination, removed unless released.
class Staging {
 public:
  explicit Staging(const fs::path& destination)
      : path_(destination.parent_path() /
              ("." + destination.filename().string() + ".partial-" + std::to_string(::getpid()))) {}
  ~Staging() {
    if (released_) return;
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;
  const fs::path& path() const { return path_; }
  void release() { released_ = true; }

 private:
  fs::path path_;
  bool released_ = false;
};

// What one snapshot gave: the report, or `stale` when the source moved on under the copy.
struct Attempt {
  bool stale = false;
  BackupReport report;
};

Error not_an_archive(const fs::path& dir, std::string_view what_vi) {
  return make_error(ErrorKind::not_found, "no archive at " + dir.string(),
                    std::string(what_vi) + " " + dir.string());
}

// A destination may be absent or an empty folder.
Status free_destination(const fs::path& destination, std::string_view what_vi) {
  std::error_code error;
  if (!fs::exists(destination, error)) return Status::success();
  if (fs::is_directory(destination, error) && fs::is_empty(destination, error))
    return Status::success();
  return make_error(ErrorKind::invalid_argument,
                    destination.string() + " already exists and is not empty",
                    std::string(what_vi) + " " + destination.string() +
                        " đã có dữ liệu: hãy chọn một thư mục mới hoặc rỗng");
}

// Copies the blobs named in `referenced` from the store `from` into `to`, keeping those copied
// by an earlier attempt, and removes from `to` what an earlier snapshot named and this one does
// not. False when one is missing from the source (a newer commit dropped it: stale).
Result<bool> copy_blobs(const BlobStore& from, const BlobStore& to,
                        const std::set<std::string>& referenced, std::string_view what,
                        std::uint64_t* count, std::uint64_t* bytes) {
  for (const std::string& sha : referenced) {
    if (sha.empty()) continue;  // check reports such a document; there is nothing to copy
    std::error_code error;
    const fs::path target = to.path_of(sha);
    const std::uintmax_t copied_size = fs::file_size(target, error);
    if (!error) {  // copied and verified by an earlier attempt
      *bytes += copied_size;
      ++*count;
      continue;
    }
    Result<std::string> copied = copy_file_durably(from.path_of(sha), target);
    if (!copied.ok()) {
      if (copied.error().kind == ErrorKind::not_found) return false;  // removed after a commit
      return copied.error();
    }
    if (*copied != sha) {
      fs::remove(target, error);
      return make_error(ErrorKind::io,
                        std::string(what) +
                            " corrupt in the archive: " + from.path_of(sha).string() +
                            " hashes to " + *copied + " (run vanban check)",
                        "Bản gốc hoặc bản chữ trong kho bị hỏng (chạy `vanban check`): " +
                            from.path_of(sha).string());
    }
    *bytes += fs::file_size(target, error);
    ++*count;
  }
  if (Result<std::vector<std::string>> held = to.list(); held.ok()) {
    for (const std::string& sha : *held) {
      if (!referenced.contains(sha)) {
        if (Status removed = BlobStore(to).remove(sha); !removed.ok()) return removed.error();
      }
    }
  } else {
    return held.error();
  }
  return true;
}

Result<Attempt> copy_snapshot(const fs::path& source, const fs::path& staging) {
  Attempt attempt;
  std::set<std::string> referenced;
  std::set<std::string> texts;
  try {
    // Read pinned (reader_pin.hpp): the writer commits at most once more until the index is
    // copied, never over the blocks the copy reads. Released before the files are copied.
    Result<PinnedIndex> pinned = open_pinned_index(source);
    if (!pinned.ok()) return pinned.error();
    Xapian::Database& database = pinned->index.database;
    attempt.report.revision = database.get_revision();
    attempt.report.documents = database.get_doccount();
    for (auto it = database.valuestream_begin(schema::kShaSlot);
         it != database.valuestream_end(schema::kShaSlot); ++it) {
      referenced.insert(*it);
    }
    for (auto it = database.valuestream_begin(schema::kTextSlot);
         it != database.valuestream_end(schema::kTextSlot); ++it) {
      texts.insert(*it);
    }
    std::error_code error;
    fs::remove_all(xapian_dir(staging), error);
    // Document ids kept: nothing refers to Xapian's docids outside the index, but a restored
    // archive then matches the source one for one.
    database.compact(xapian_dir(staging).string(), Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::DatabaseModifiedError&) {
    attempt.stale = true;  // two commits overtook the reader
    return attempt;
  } catch (const Xapian::Error& xapian) {
    return make_error(
        ErrorKind::io,
        "cannot copy the index of " + source.string() + ": " + xapian.get_description(),
        "Không sao chép được chỉ mục của kho " + source.string() + ": " + xapian.get_description());
  }

  Result<bool> whole =
      copy_blobs(BlobStore(originals_dir(source)), BlobStore(originals_dir(staging)), referenced,
                 "original", &attempt.report.originals, &attempt.report.bytes);
  if (whole.ok() && *whole) {
    whole = copy_blobs(BlobStore(texts_dir(source)), BlobStore(texts_dir(staging)), texts,
                       "stored text", &attempt.report.texts, &attempt.report.text_bytes);
  }
  if (!whole.ok()) return whole.error();
  attempt.stale = !*whole;
  return attempt;
}

Status write_manifest(const fs::path& staging, const fs::path& source, const BackupReport& report) {
  const nlohmann::json manifest = {{"format", "vanban-backup"},
                                   {"version", 1},
                                   {"source", fs::absolute(source).lexically_normal().string()},
                                   {"created_at", utc_now_iso()},
                                   {"revision", report.revision},
                                   {"documents", report.documents},
                                   {"originals", report.originals},
                                   {"texts", report.texts},
                                   {"bytes", report.bytes}};
  const fs::path path = staging / kManifest;
  FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (fd.get() < 0) return io_error("cannot create", path, errno);
  if (const int failed = write_all(fd.get(), manifest.dump(2) + "\n"))
    return io_error("cannot write", path, failed);
  if (const int failed = fd.close()) return io_error("cannot close", path, failed);
  return Status::success();
}

// Copies `source` into `destination` through a staging folder renamed into place at the end.
Result<BackupReport> copy_archive(const fs::path& source, const fs::path& destination,
                                  bool with_manifest) {
  std::error_code error;
  fs::create_directories(destination.parent_path(), error);
  Staging staging(destination);
  fs::remove_all(staging.path(), error);
  fs::create_directories(originals_dir(staging.path()), error);
  if (error) {
    return make_error(ErrorKind::io,
                      "cannot create " + staging.path().string() + ": " + error.message(),
                      "Không tạo được thư mục " + staging.path().string());
  }
  Attempt attempt;
  int attempts = 0;
  do {
    if (++attempts > kMaxAttempts) {
      return make_error(
          ErrorKind::io,
          "the archive changed under each of " + std::to_string(kMaxAttempts) + " snapshots",
          "Kho thay đổi liên tục trong lúc sao lưu; hãy thử lại");
    }
    Result<std::optional<SnapshotLock>> pinned = std::optional<SnapshotLock>();
    if (attempts > 1) pinned = SnapshotLock::acquire(source, SnapshotLock::Mode::shared);
    if (!pinned.ok()) return pinned.error();
    Result<Attempt> taken = copy_snapshot(source, staging.path());
    if (!taken.ok()) return taken.error();
    attempt = std::move(*taken);
  } while (attempt.stale);
  attempt.report.attempts = attempts;

  if (with_manifest) {
    if (Status written = write_manifest(staging.path(), source, attempt.report); !written.ok())
      return written.error();
  }
  if (Status synced = sync_tree(staging.path()); !synced.ok()) return synced.error();
  fs::remove(destination, error);  // an empty folder (free_destination checked)
  if (::rename(staging.path().c_str(), destination.c_str()) != 0)
    return io_error("cannot rename into", destination, errno);
  staging.release();
  if (Status synced = sync_directory(destination.parent_path().empty() ? fs::path(".")
                                                                       : destination.parent_path());
      !synced.ok())
    return synced.error();
  return attempt.report;
}

}  // namespace

Result<BackupReport> backup_archive(const fs::path& db_dir, const fs::path& destination) {
  if (!index_exists(db_dir)) return not_an_archive(db_dir, "Không có kho văn bản tại");
  if (Status free = free_destination(destination, "Thư mục sao lưu"); !free.ok())
    return free.error();
  return copy_archive(db_dir, destination, /*with_manifest=*/true);
}

Result<BackupReport> restore_archive(const fs::path& backup, const fs::path& db_dir) {
  if (!index_exists(backup)) return not_an_archive(backup, "Không có bản sao lưu tại");
  if (Status free = free_destination(db_dir, "Thư mục kho"); !free.ok()) return free.error();
  const Result<CheckReport> checked = check_archive(backup);
  if (!checked.ok()) return checked.error();
  if (!checked->problems.empty()) {
    const CheckProblem& first = checked->problems.front();
    return make_error(
        ErrorKind::io, "the backup " + backup.string() + " fails its check: " + first.message,
        "Bản sao lưu " + backup.string() + " bị hỏng (" + std::to_string(checked->problems.size()) +
            " lỗi, xem `vanban check --db " + backup.string() + "`)");
  }
  return copy_archive(backup, db_dir, /*with_manifest=*/false);
}

}  // namespace vanban::archive
