// SIGKILL during indexing: the archive must open, every committed document must have its
// original, and running again must complete the job.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/check.hpp"
#include "vanban/archive/writer.hpp"

#include "archive_fixtures.hpp"
#include "test_support.hpp"

namespace vanban::archive {
namespace {

using testing::TempDir;

constexpr int kDocuments = 120;

std::string plan_number_of(int index) {
  return std::to_string(index + 1) + "/KH-UBND";
}
std::string path_of(int index) {
  return "ke-hoach/" + std::to_string(index) + ".txt";
}

Result<PutOutcome> put_one(ArchiveWriter& writer, int index) {
  const std::string title = "Kế hoạch thực hiện nhiệm vụ số " + std::to_string(index);
  return writer.put(path_of(index), testing::plan_bytes(plan_number_of(index), title),
                    testing::plan_document(plan_number_of(index), title));
}

// In the child: index everything, reporting one byte per document on `progress`.
[[noreturn]] void index_all_in_child(const std::filesystem::path& db_dir, std::size_t batch_size,
                                     int progress) {
  auto writer = Archive(db_dir).open_writer(WriterOptions{batch_size});
  if (!writer.ok()) _exit(2);
  for (int index = 0; index < kDocuments; ++index) {
    if (!put_one(**writer, index).ok()) _exit(3);
    if (::write(progress, "+", 1) != 1) _exit(4);
  }
  _exit((*writer)->commit().ok() ? 0 : 5);
}

// Starts an indexing child and kills it once it has reported `kill_after` documents (it keeps
// running while we read, so the kill lands anywhere: inside a put, a blob write or a commit).
void index_and_kill(const std::filesystem::path& db_dir, std::size_t batch_size, int kill_after) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(pipe_fds[0]);
    index_all_in_child(db_dir, batch_size, pipe_fds[1]);
  }
  ::close(pipe_fds[1]);
  char byte = 0;
  int reported = 0;
  while (reported < kill_after && ::read(pipe_fds[0], &byte, 1) == 1)
    ++reported;
  ::kill(child, SIGKILL);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ::close(pipe_fds[0]);
  // Either killed, or it finished cleanly before the signal arrived; never a failed put.
  EXPECT_TRUE(WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0)) << status;
}

void expect_archive_consistent(const std::filesystem::path& db_dir) {
  EXPECT_NO_THROW(testing::open_reader(db_dir).get_doccount());
  const Result<CheckReport> report = Archive(db_dir).check();
  ASSERT_TRUE(report.ok()) << report.error().message;
  for (const CheckProblem& problem : report->problems)
    ADD_FAILURE() << problem.id << ": " << problem.message;
}

TEST(KillSafety, sigkill_while_indexing_leaves_archive_that_opens_checks_and_completes) {
  TempDir dir;
  // Several kills at different points, with per-document and batched commits, on one archive.
  const std::pair<std::size_t, int> rounds[] = {{10, 1}, {1, 7}, {10, 33}, {1, 58}, {25, 90}};
  for (const auto& [batch_size, kill_after] : rounds) {
    SCOPED_TRACE("batch " + std::to_string(batch_size) + ", kill after " +
                 std::to_string(kill_after));
    index_and_kill(dir.path(), batch_size, kill_after);
    expect_archive_consistent(dir.path());
  }

  // Running again completes the job.
  auto writer = Archive(dir.path()).open_writer(WriterOptions{10});
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  for (int index = 0; index < kDocuments; ++index)
    ASSERT_TRUE(put_one(**writer, index).ok());
  ASSERT_TRUE((*writer)->commit().ok());
  EXPECT_EQ((*writer)->document_count(), static_cast<std::uint64_t>(kDocuments));
  for (int index = 0; index < kDocuments; ++index)
    EXPECT_TRUE((*writer)->source(path_of(index))) << index;
  writer = make_error(ErrorKind::internal, "closed");

  expect_archive_consistent(dir.path());
  const Result<CheckReport> report = Archive(dir.path()).check();
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->documents, static_cast<std::uint64_t>(kDocuments));
  EXPECT_EQ(report->orphans, 0U);  // every original written before a kill is now referenced
}

}  // namespace
}  // namespace vanban::archive
