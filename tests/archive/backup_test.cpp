// `vanban backup` and `vanban restore`: a copy taken while documents are being added and
// removed holds one consistent revision (every document with its original, no stray original),
// `check` passes on it, and it restores into a working archive.
#include "vanban/archive/backup.hpp"

#include <atomic>
#include <stop_token>
#include <thread>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"

#include "archive_fixtures.hpp"
#include "blob_store.hpp"
#include "test_support.hpp"

namespace vanban::archive {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::string number_of(int index) {
  return std::to_string(index) + "/KH-UBND";
}

void put_plan(ArchiveWriter& writer, int index) {
  const std::string number = number_of(index);
  const Result<PutOutcome> put =
      writer.put("kh-" + std::to_string(index) + ".txt",
                 testing::plan_bytes(number, "Kế hoạch số " + std::to_string(index)),
                 testing::plan_document(number, "Kế hoạch số " + std::to_string(index)));
  ASSERT_TRUE(put.ok()) << put.error().message;
}

void index_plans(const fs::path& db, int count) {
  auto writer = Archive(db).open_writer();
  ASSERT_TRUE(writer.ok());
  for (int index = 1; index <= count; ++index)
    put_plan(**writer, index);
  ASSERT_TRUE((*writer)->commit().ok());
}

// A backup must be an archive that checks clean, with exactly its documents' originals and
// stored texts (every plan here has a text of its own).
void expect_whole(const fs::path& copy, const BackupReport& report) {
  const Result<CheckReport> checked = Archive(copy).check();
  ASSERT_TRUE(checked.ok()) << checked.error().message;
  for (const CheckProblem& problem : checked->problems)
    ADD_FAILURE() << problem.id << ": " << problem.message;
  EXPECT_EQ(checked->documents, report.documents);
  EXPECT_EQ(checked->orphans, 0U);
  EXPECT_EQ(checked->text_orphans, 0U);
  EXPECT_EQ(report.texts, report.documents);
  EXPECT_EQ(BlobStore(copy / "texts").list()->size(), report.documents);
  EXPECT_EQ(testing::open_reader(copy).get_doccount(), report.documents);
}

std::uint64_t hits(const fs::path& db, const std::string& query) {
  auto searcher = Archive(db).open_searcher();
  EXPECT_TRUE(searcher.ok());
  SearchRequest request;
  request.query = query;
  const auto response = (*searcher)->search(request);
  EXPECT_TRUE(response.ok());
  return response.ok() ? response->total : 0;
}

TEST(Backup, copies_taken_while_documents_are_added_and_removed_check_and_restore) {
  TempDir dir;
  const fs::path db = dir / "db";
  index_plans(db, 20);

  // The writer adds a document and removes an older one at every commit (so originals are
  // deleted under the backups' feet) until the backups are done.
  // A jthread: an assertion that returns early still stops and joins the writer.
  std::atomic<int> commits = 0;
  std::jthread indexing([&](const std::stop_token& stop) {
    auto writer = Archive(db).open_writer();
    ASSERT_TRUE(writer.ok());
    for (int index = 21; !stop.stop_requested(); ++index) {
      put_plan(**writer, index);
      if (index % 2 == 0) {
        const auto state = (*writer)->source("kh-" + std::to_string(index - 15) + ".txt");
        if (state) {
          ASSERT_TRUE((*writer)->remove_document(state->document_id).ok());
        }
      }
      ASSERT_TRUE((*writer)->commit().ok());
      ++commits;  // back to back, with no pause: the hardest case for a backup
    }
  });

  std::vector<BackupReport> reports;
  for (int round = 0; round < 6; ++round) {
    const int commits_before = commits;
    const fs::path copy = dir / ("copy-" + std::to_string(round));
    const Result<BackupReport> report = Archive(db).backup(copy);
    ASSERT_TRUE(report.ok()) << report.error().message;
    // A copy overtaken by a commit is retried once, with its revision pinned.
    EXPECT_LE(report->attempts, 2);
    expect_whole(copy, *report);
    reports.push_back(*report);
    // Each copy is taken beside a live writer: wait for it to commit again before the next.
    while (commits == commits_before)
      std::this_thread::yield();
  }
  indexing.request_stop();
  indexing.join();
  EXPECT_LT(reports.front().revision, reports.back().revision);

  const fs::path restored = dir / "restored";
  const Result<BackupReport> back = Archive(restored).restore_from(dir / "copy-5");
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->documents, reports.back().documents);
  expect_whole(restored, reports.back());
  EXPECT_EQ(hits(restored, "kế hoạch"), reports.back().documents);
}

TEST(Backup, a_restored_archive_takes_new_documents) {
  TempDir dir;
  index_plans(dir / "db", 3);
  ASSERT_TRUE(Archive(dir / "db").backup(dir / "copy").ok());
  ASSERT_TRUE(Archive(dir / "restored").restore_from(dir / "copy").ok());
  {
    auto writer = Archive(dir / "restored").open_writer();
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    put_plan(**writer, 4);
    ASSERT_TRUE((*writer)->commit().ok());
  }
  EXPECT_EQ(hits(dir / "restored", "so:4/KH-UBND"), 1U);
  EXPECT_EQ(Archive(dir / "restored").check()->documents, 4U);
}

TEST(Backup, a_folder_that_holds_files_is_refused_and_left_alone) {
  TempDir dir;
  index_plans(dir / "db", 2);
  testing::write_file(dir / "busy" / "keep.txt", "giữ nguyên");
  const Result<BackupReport> report = Archive(dir / "db").backup(dir / "busy");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(testing::read_file(dir / "busy" / "keep.txt"), "giữ nguyên");
  // An empty folder is fine.
  fs::create_directories(dir / "empty");
  EXPECT_TRUE(Archive(dir / "db").backup(dir / "empty").ok());
}

TEST(Backup, a_missing_archive_is_reported_and_nothing_is_created) {
  TempDir dir;
  const Result<BackupReport> report = Archive(dir / "typo").backup(dir / "copy");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().kind, ErrorKind::not_found);
  EXPECT_FALSE(fs::exists(dir / "copy"));
}

TEST(Backup, a_corrupt_original_fails_the_backup_without_leaving_a_partial_copy) {
  TempDir dir;
  index_plans(dir / "db", 2);
  const auto state = (*Archive(dir / "db").open_writer())->source("kh-1.txt");
  ASSERT_TRUE(state);
  testing::write_file(BlobStore(dir / "db" / "originals").path_of(state->sha256), "hỏng");
  const Result<BackupReport> report = Archive(dir / "db").backup(dir / "copy");
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("corrupt"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "copy"));
  for (const auto& entry : fs::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos);
}

TEST(Restore, an_archive_folder_that_holds_an_archive_is_refused) {
  TempDir dir;
  index_plans(dir / "db", 2);
  ASSERT_TRUE(Archive(dir / "db").backup(dir / "copy").ok());
  const Result<BackupReport> report = Archive(dir / "db").restore_from(dir / "copy");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(Archive(dir / "db").check()->documents, 2U);
}

TEST(Restore, a_damaged_backup_is_refused) {
  TempDir dir;
  index_plans(dir / "db", 2);
  ASSERT_TRUE(Archive(dir / "db").backup(dir / "copy").ok());
  const BlobStore copied(dir / "copy" / "originals");
  const auto held = copied.list();
  ASSERT_TRUE(held.ok() && !held->empty());
  fs::remove(copied.path_of(held->front()));
  const Result<BackupReport> report = Archive(dir / "restored").restore_from(dir / "copy");
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().user_message.find("bị hỏng"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "restored"));
}

// `vanban backup` beside a real `vanban index` run, as an operator would do it.
TEST(BackupCli, backup_beside_a_running_index_run_checks_and_restores) {
  TempDir dir;
  const fs::path folder = dir / "van-ban";
  for (int index = 0; index < 300; ++index) {
    testing::write_file(folder / ("kh-" + std::to_string(index) + ".txt"),
                        testing::plan_bytes(number_of(index + 1), "Kế hoạch công tác"));
  }
  const std::string binary = testing::vanban_binary().string();
  const pid_t child = ::fork();
  if (child == 0) {
    if (std::freopen("/dev/null", "w", stdout) == nullptr) _exit(126);
    if (std::freopen("/dev/null", "w", stderr) == nullptr) _exit(126);
    ::execl(binary.c_str(), binary.c_str(), "index", "--db", (dir / "db").c_str(), folder.c_str(),
            static_cast<char*>(nullptr));
    _exit(127);
  }
  ASSERT_GT(child, 0);
  while (!fs::exists(dir / "db" / "xapian" / "iamglass")) {
    if (::waitpid(child, nullptr, WNOHANG) == child) break;
    ::usleep(1000);
  }
  const std::string backup = binary + " backup --db '" + (dir / "db").string() + "' '" +
                             (dir / "copy").string() + "' >/dev/null 2>&1";
  EXPECT_EQ(std::system(backup.c_str()), 0);
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

  const std::string restore = binary + " restore --db '" + (dir / "restored").string() + "' '" +
                              (dir / "copy").string() + "' >/dev/null 2>&1";
  EXPECT_EQ(std::system(restore.c_str()), 0);
  const std::string check =
      binary + " check --db '" + (dir / "restored").string() + "' >/dev/null 2>&1";
  EXPECT_EQ(std::system(check.c_str()), 0);
  const Result<CheckReport> restored = Archive(dir / "restored").check();
  ASSERT_TRUE(restored.ok());
  EXPECT_EQ(restored->orphans, 0U);
  EXPECT_LE(restored->documents, 300U);
}

}  // namespace
}  // namespace vanban::archive
