// SIGKILL of a real `vanban index` run, at several points: the archive opens, `check` finds
// every committed original intact, and running the command again completes the job.
#include <optional>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/check.hpp"

#include "archive_fixtures.hpp"
#include "disk_layout.hpp"
#include "schema.hpp"
#include "shard_layout.hpp"
#include "test_support.hpp"

namespace vanban::archive {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

constexpr int kFiles = 450;  // more than two of the writer's default batches

void write_plans(const fs::path& folder) {
  for (int index = 0; index < kFiles; ++index) {
    const std::string number = std::to_string(index + 1) + "/KH-UBND";
    testing::write_file(
        folder / ("thang-" + std::to_string(index % 12 + 1)) /
            ("kh-" + std::to_string(index) + ".txt"),
        testing::plan_bytes(number, "Kế hoạch công tác số " + std::to_string(index)));
  }
}

// `file_size_limit`: the child cannot grow any file past it (RLIMIT_FSIZE, its signal ignored),
// so writes fail as on a full disk, with EFBIG instead of ENOSPC. `shards`: `--shards N`.
pid_t spawn_index(const fs::path& db, const fs::path& folder,
                  std::optional<rlim_t> file_size_limit = std::nullopt,
                  const fs::path& output = "/dev/null", int shards = 0) {
  const pid_t child = ::fork();
  if (child == 0) {
    if (file_size_limit) {
      ::signal(SIGXFSZ, SIG_IGN);
      const rlimit limit{*file_size_limit, *file_size_limit};
      if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(125);
    }
    const std::string binary = testing::vanban_binary().string();
    const std::string db_text = db.string();
    const std::string folder_text = folder.string();
    const std::string shard_count = std::to_string(shards);
    if (std::FILE* out = std::freopen(output.c_str(), "w", stdout); out == nullptr) _exit(126);
    if (::dup2(::fileno(stdout), STDERR_FILENO) < 0) _exit(126);
    if (shards > 0) {
      ::execl(binary.c_str(), binary.c_str(), "index", "--json", "--shards", shard_count.c_str(),
              "--db", db_text.c_str(), folder_text.c_str(), static_cast<char*>(nullptr));
    } else {
      ::execl(binary.c_str(), binary.c_str(), "index", "--json", "--db", db_text.c_str(),
              folder_text.c_str(), static_cast<char*>(nullptr));
    }
    _exit(127);
  }
  return child;
}

// The archive's committed revision, or 0 while there is none yet.
Xapian::rev committed_revision(const fs::path& db) {
  try {
    return testing::open_reader(db).get_revision();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

// Waits (polling, no time limit) until the child has made `commits` more commits, or ended.
void wait_for_commits(pid_t child, const fs::path& db, int commits) {
  const Xapian::rev start = committed_revision(db);
  while (static_cast<int>(committed_revision(db) - start) < commits) {
    if (::waitpid(child, nullptr, WNOHANG) == child) return;
    ::usleep(1000);
  }
}

void expect_consistent(const fs::path& db) {
  const Result<CheckReport> report = Archive(db).check();
  if (!report.ok()) {
    // Killed before the database existed: nothing indexed, nothing to check.
    EXPECT_EQ(report.error().kind, ErrorKind::not_found) << report.error().message;
    return;
  }
  for (const CheckProblem& problem : report->problems) {
    ADD_FAILURE() << problem.id << ": " << problem.message;
  }
}

int run_index(const fs::path& db, const fs::path& folder, int shards = 0) {
  int status = 0;
  ::waitpid(spawn_index(db, folder, std::nullopt, "/dev/null", shards), &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(IndexKill, sigkill_of_vanban_index_leaves_archive_that_checks_and_completes) {
  TempDir dir;
  const fs::path folder = dir / "van-ban";
  const fs::path db = dir / "db";
  write_plans(folder);

  for (const int commits : {0, 1, 0, 2, 1}) {
    SCOPED_TRACE("killed after " + std::to_string(commits) + " commits");
    const pid_t child = spawn_index(db, folder);
    ASSERT_GT(child, 0);
    wait_for_commits(child, db, commits);
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    expect_consistent(db);
  }

  EXPECT_EQ(run_index(db, folder), 0);
  const Result<CheckReport> report = Archive(db).check();
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->problems.empty());
  EXPECT_EQ(report->documents, static_cast<std::uint64_t>(kFiles));
  EXPECT_EQ(report->orphans, 0U);

  // Once complete, a re-run changes nothing.
  const Xapian::rev revision = committed_revision(db);
  EXPECT_EQ(run_index(db, folder), 0);
  EXPECT_EQ(committed_revision(db), revision);
}

TEST(IndexKill, a_full_disk_stops_the_run_with_a_clear_error_and_the_next_run_completes) {
  TempDir dir;
  const fs::path folder = dir / "van-ban";
  const fs::path db = dir / "db";
  write_plans(folder);

  // Full at several sizes: before the first commit, and after some.
  for (const rlim_t limit : {rlim_t{64} << 10, rlim_t{256} << 10, rlim_t{512} << 10}) {
    SCOPED_TRACE("files limited to " + std::to_string(limit) + " bytes");
    const fs::path output = dir / "output.txt";
    int status = 0;
    ::waitpid(spawn_index(db, folder, limit, output), &status, 0);
    ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status) << "\n"
                                   << testing::read_file(output);
    EXPECT_EQ(WEXITSTATUS(status), 1) << testing::read_file(output);
    const std::string said = testing::read_file(output);
    EXPECT_NE(said.find("Không ghi được vào kho"), std::string::npos) << said;
    EXPECT_EQ(said.find("thêm mới"), std::string::npos) << "a summary of what was not stored";
    expect_consistent(db);
  }

  EXPECT_EQ(run_index(db, folder), 0);
  const Result<CheckReport> report = Archive(db).check();
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->problems.empty());
  EXPECT_EQ(report->documents, static_cast<std::uint64_t>(kFiles));
}

// A sharded archive, each shard written by its own thread and committed on its own: killed
// after a number of one shard's commits (the other shard anywhere in its own), every shard
// checks; the next run completes, and a re-run changes nothing in any shard.
TEST(IndexKill, sigkill_of_vanban_index_on_shards_leaves_shards_that_check_and_complete) {
  TempDir dir;
  const fs::path folder = dir / "van-ban";
  const fs::path db = dir / "db";
  constexpr int kShards = 2;
  write_plans(folder);
  const auto shard = [&](int index) { return shard_dir(db, static_cast<std::size_t>(index)); };

  for (const int commits : {0, 1, 0, 2, 1}) {
    SCOPED_TRACE("killed after " + std::to_string(commits) + " commits of shard 1");
    const pid_t child = spawn_index(db, folder, std::nullopt, "/dev/null", kShards);
    ASSERT_GT(child, 0);
    wait_for_commits(child, shard(1), commits);
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    for (int index = 0; index < kShards; ++index)
      expect_consistent(shard(index));
  }

  EXPECT_EQ(run_index(db, folder, kShards), 0);
  const Result<CheckReport> report = Archive(db).check();
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->problems.empty());
  EXPECT_EQ(report->documents, static_cast<std::uint64_t>(kFiles));
  EXPECT_EQ(report->orphans, 0U);
  std::uint64_t in_shards = 0;
  for (int index = 0; index < kShards; ++index) {
    const Xapian::doccount held = testing::open_reader(shard(index)).get_doccount();
    EXPECT_GT(held, 0U) << "shard " << index;
    in_shards += held;
  }
  EXPECT_EQ(in_shards, static_cast<std::uint64_t>(kFiles)) << "each document in one shard";

  const std::vector<Xapian::rev> revisions = {committed_revision(shard(0)),
                                              committed_revision(shard(1))};
  EXPECT_EQ(run_index(db, folder, kShards), 0);
  EXPECT_EQ(committed_revision(shard(0)), revisions[0]);
  EXPECT_EQ(committed_revision(shard(1)), revisions[1]);
}

std::uint64_t stale_documents(const fs::path& db) {
  auto searcher = Archive(db).open_searcher();
  EXPECT_TRUE(searcher.ok());
  if (!searcher.ok()) return 0;
  const auto state = (*searcher)->analysis();
  EXPECT_TRUE(state.ok());
  return state.ok() ? state->stale : 0;
}

// Re-analysis of a stale archive from its stored originals (the files gone), killed after a
// number of its commits: every document is analysed by one version or the other, the archive
// checks, fewer are stale each time, and the next run finishes the rest.
TEST(IndexKill, sigkill_during_reanalysis_leaves_an_archive_the_next_run_finishes) {
  TempDir dir;
  const fs::path folder = dir / "van-ban";
  const fs::path empty = dir / "khong-co-gi";
  const fs::path db = dir / "db";
  write_plans(folder);
  ASSERT_EQ(run_index(db, folder), 0);
  testing::forget_analysis_versions(db);
  fs::remove_all(folder);
  fs::create_directories(empty);
  ASSERT_EQ(stale_documents(db), static_cast<std::uint64_t>(kFiles));

  std::uint64_t stale = kFiles;
  for (const int commits : {1, 0, 1}) {
    SCOPED_TRACE("killed after " + std::to_string(commits) + " commits");
    const pid_t child = spawn_index(db, empty);
    ASSERT_GT(child, 0);
    wait_for_commits(child, db, commits);
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    expect_consistent(db);
    const std::uint64_t now = stale_documents(db);
    EXPECT_LE(now, stale);
    stale = now;
  }
  EXPECT_LT(stale, static_cast<std::uint64_t>(kFiles)) << "no commit of re-analysis landed";

  EXPECT_EQ(run_index(db, empty), 0);
  EXPECT_EQ(stale_documents(db), 0u);
  const Result<CheckReport> report = Archive(db).check();
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->problems.empty());
  EXPECT_EQ(report->documents, static_cast<std::uint64_t>(kFiles));
  EXPECT_EQ(report->orphans, 0U);
  // Finished: a re-run writes nothing.
  const Xapian::rev revision = committed_revision(db);
  EXPECT_EQ(run_index(db, empty), 0);
  EXPECT_EQ(committed_revision(db), revision);
}

}  // namespace
}  // namespace vanban::archive
