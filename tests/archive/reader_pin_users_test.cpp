// Every reader of an archive pins the revision it reads (reader_pin.hpp), not only the
// searcher: the sharded searcher (each local shard), `check`, `backup` and `export`. A writer
// that has committed N and holds the readers of N-1 off (the lock of N-1's parity, exclusively)
// is passed by none of them: each waits for it before reading. Read unpinned, they would walk
// the blocks the writer is about to reuse (docs/RELIABILITY.md, "A reader two revisions
// behind"). Whether a reader waits is seen in /proc/locks (its lock request blocked), never by
// time; and each of them reads through while a writer commits one document at a time.
#include <atomic>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <xapian.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"

#include "archive_fixtures.hpp"
#include "disk_layout.hpp"
#include "durable_files.hpp"
#include "shard_layout.hpp"
#include "test_support.hpp"

namespace vanban::archive {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

void put_user_plan(ArchiveWriter& writer, int index) {
  const std::string number = std::to_string(index) + "/KH-UBND";
  const std::string title = "Kế hoạch đọc cùng lúc số " + std::to_string(index);
  const Result<PutOutcome> put =
      writer.put("doc-cung-" + std::to_string(index) + ".txt", testing::plan_bytes(number, title),
                 testing::plan_document(number, title));
  ASSERT_TRUE(put.ok()) << put.error().message;
}

// Whether a lock request on the file with inode `inode` is blocked (a "->" line of
// /proc/locks: "1: -> FLOCK  ADVISORY  READ 4242 08:01:1234 0 EOF").
bool lock_request_blocked_on(ino_t inode) {
  std::ifstream locks("/proc/locks");
  const std::string suffix = ":" + std::to_string(inode) + " ";
  for (std::string line; std::getline(locks, line);)
    if (line.find("->") != std::string::npos && line.find(suffix) != std::string::npos) return true;
  return false;
}

// Holds the lock a writer takes after committing `committed` (that of the revision before,
// exclusively), runs `read` meanwhile, and expects it to wait: its lock request blocks before
// it returns. Then lets it go and expects it to finish.
void expect_read_waits_for_the_writer(const fs::path& db_dir, Xapian::rev committed,
                                      const std::function<void()>& read) {
  const fs::path lock_path = reader_lock_path(db_dir, (committed - 1) % 2);
  FileDescriptor writer_lock(::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
  ASSERT_GE(writer_lock.get(), 0) << lock_path;
  struct stat status {};
  ASSERT_EQ(::fstat(writer_lock.get(), &status), 0);
  ASSERT_EQ(::flock(writer_lock.get(), LOCK_EX), 0);
  std::atomic<bool> done{false};
  std::thread reader([&] {
    read();
    done = true;
  });
  while (!done && !lock_request_blocked_on(status.st_ino))
    std::this_thread::yield();
  EXPECT_FALSE(done) << "read " << db_dir << " without waiting for the writer";
  ASSERT_EQ(::flock(writer_lock.get(), LOCK_UN), 0);
  reader.join();
  EXPECT_TRUE(done);
}

// An archive holding `count` plans; its newest revision is set in `revision`.
std::unique_ptr<ArchiveWriter> archive_of_plans(const fs::path& dir, int count) {
  auto writer = Archive(dir).open_writer();
  if (!writer.ok()) {
    ADD_FAILURE() << writer.error().message;
    return nullptr;
  }
  for (int index = 1; index <= count; ++index)
    put_user_plan(**writer, index);
  EXPECT_TRUE((*writer)->commit().ok());
  return std::move(*writer);
}

TEST(PinnedReaders, check_waits_for_a_writer_passing_through_its_revision) {
  TempDir dir;
  ASSERT_NE(archive_of_plans(dir.path(), 3), nullptr);
  const Xapian::rev newest = testing::open_reader(dir.path()).get_revision();
  Result<CheckReport> report = make_error(ErrorKind::internal, "not run");
  expect_read_waits_for_the_writer(dir.path(), newest + 1,
                                   [&] { report = Archive(dir.path()).check(); });
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->documents, 3U);
  EXPECT_TRUE(report->problems.empty());
}

TEST(PinnedReaders, export_waits_for_a_writer_passing_through_its_revision) {
  TempDir dir;
  ASSERT_NE(archive_of_plans(dir.path(), 3), nullptr);
  const Xapian::rev newest = testing::open_reader(dir.path()).get_revision();
  int visited = 0;
  Status walked = Status::success();
  expect_read_waits_for_the_writer(dir.path(), newest + 1, [&] {
    walked = Archive(dir.path()).for_each_document([&](const StoredOriginal&) {
      ++visited;
      return Status::success();
    });
  });
  ASSERT_TRUE(walked.ok()) << walked.error().message;
  EXPECT_EQ(visited, 3);
}

TEST(PinnedReaders, backup_waits_for_a_writer_passing_through_its_revision) {
  TempDir dir;
  TempDir out;
  ASSERT_NE(archive_of_plans(dir.path(), 3), nullptr);
  const Xapian::rev newest = testing::open_reader(dir.path()).get_revision();
  Result<BackupReport> report = make_error(ErrorKind::internal, "not run");
  expect_read_waits_for_the_writer(
      dir.path(), newest + 1, [&] { report = Archive(dir.path()).backup(out.path() / "copy"); });
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->documents, 3U);
  EXPECT_EQ(report->revision, newest);
}

// Each local shard has its own writer: the sharded searcher pins every shard it reads.
TEST(PinnedReaders, a_sharded_search_waits_for_a_writer_passing_through_any_shard) {
  TempDir dir;
  const Archive archive(dir.path());
  ASSERT_TRUE(archive.use_shards(2).ok());
  {
    auto writer = archive.open_writer();
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    for (int index = 1; index <= 12; ++index)
      put_user_plan(**writer, index);
    ASSERT_TRUE((*writer)->commit().ok());
  }
  auto searcher = archive.open_searcher();
  ASSERT_TRUE(searcher.ok()) << searcher.error().message;
  for (std::size_t shard = 0; shard < 2; ++shard) {
    const fs::path shard_path = shard_dir(dir.path(), shard);
    const Xapian::rev newest = testing::open_reader(shard_path).get_revision();
    Result<SearchResponse> found = make_error(ErrorKind::internal, "not run");
    expect_read_waits_for_the_writer(shard_path, newest + 1, [&] {
      SearchRequest request;
      request.query = "kế hoạch";
      found = (*searcher)->search(request);
    });
    ASSERT_TRUE(found.ok()) << found.error().message;
    EXPECT_EQ(found->total, 12U) << "shard " << shard;
  }
}

// The four read through while a writer commits one document at a time (each commit waiting
// for the readers of the revision before it): every read whole and consistent.
TEST(PinnedReaders, check_export_backup_and_sharded_search_read_through_a_committing_writer) {
  TempDir dir;
  TempDir sharded;
  TempDir out;
  auto writer = archive_of_plans(dir.path(), 10);
  ASSERT_NE(writer, nullptr);
  const Archive shards(sharded.path());
  ASSERT_TRUE(shards.use_shards(2).ok());
  auto shard_writer = shards.open_writer();
  ASSERT_TRUE(shard_writer.ok()) << shard_writer.error().message;
  for (int index = 1; index <= 10; ++index)
    put_user_plan(**shard_writer, index);
  ASSERT_TRUE((*shard_writer)->commit().ok());
  auto searcher = shards.open_searcher();
  ASSERT_TRUE(searcher.ok());

  constexpr int kCommits = 24;
  std::atomic<bool> writing{true};
  std::atomic<int> reads{0};
  std::thread reader([&] {
    std::uint64_t last_count = 10;
    for (int pass = 0; pass < 3 || writing; ++pass) {
      const Result<CheckReport> checked = Archive(dir.path()).check();
      ASSERT_TRUE(checked.ok()) << checked.error().message;
      EXPECT_TRUE(checked->problems.empty()) << checked->problems.front().message;
      EXPECT_GE(checked->documents, last_count);
      last_count = checked->documents;
      std::uint64_t exported = 0;
      ASSERT_TRUE(Archive(dir.path())
                      .for_each_document([&](const StoredOriginal& stored) {
                        EXPECT_TRUE(fs::exists(stored.file)) << stored.file;
                        ++exported;
                        return Status::success();
                      })
                      .ok());
      EXPECT_GE(exported, last_count);
      const fs::path copy = out.path() / ("copy-" + std::to_string(pass));
      const Result<BackupReport> backed = Archive(dir.path()).backup(copy);
      ASSERT_TRUE(backed.ok()) << backed.error().message;
      const Result<CheckReport> copy_checked = Archive(copy).check();
      ASSERT_TRUE(copy_checked.ok());
      EXPECT_TRUE(copy_checked->problems.empty());
      EXPECT_EQ(copy_checked->documents, backed->documents);
      fs::remove_all(copy);
      SearchRequest request;
      request.query = "kế hoạch";
      const Result<SearchResponse> found = (*searcher)->search(request);
      ASSERT_TRUE(found.ok()) << found.error().message;
      EXPECT_GE(found->total, 10U);
      ++reads;
    }
  });
  for (int index = 11; index <= 10 + kCommits; ++index) {
    EXPECT_NO_FATAL_FAILURE(put_user_plan(*writer, index));
    EXPECT_TRUE(writer->commit().ok());
    EXPECT_NO_FATAL_FAILURE(put_user_plan(**shard_writer, index));
    EXPECT_TRUE((*shard_writer)->commit().ok());
  }
  writing = false;
  reader.join();
  EXPECT_GE(reads, 3);
  const Result<CheckReport> final_check = Archive(dir.path()).check();
  ASSERT_TRUE(final_check.ok());
  EXPECT_EQ(final_check->documents, static_cast<std::uint64_t>(10 + kCommits));
}

}  // namespace
}  // namespace vanban::archive
