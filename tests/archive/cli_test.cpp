// `vanban check` and `vanban rm` as a user runs them.
#include <cstdio>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"

#include "archive_fixtures.hpp"
#include "blob_store.hpp"
#include "test_support.hpp"

namespace vanban::archive {
namespace {

using testing::TempDir;

struct CommandResult {
  int exit_code = -1;
  std::string out;
};

// Runs `vanban ARGUMENTS` in `directory` (the default archive is relative to it).
CommandResult run_vanban(const std::string& arguments, const std::filesystem::path& directory) {
  const std::string command = "cd '" + directory.string() + "' && " +
                              testing::vanban_binary().string() + " " + arguments + " 2>/dev/null";
  CommandResult run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  for (std::size_t read = 0; (read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
    run.out.append(buffer, read);
  }
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::vector<SourceState> index_plan_states(const std::filesystem::path& db_dir, int count) {
  auto writer = Archive(db_dir).open_writer();
  EXPECT_TRUE(writer.ok());
  std::vector<SourceState> states;
  for (int index = 1; index <= count; ++index) {
    const std::string number = std::to_string(index) + "/KH-UBND";
    const std::string path = std::to_string(index) + ".txt";
    EXPECT_TRUE((*writer)
                    ->put(path, testing::plan_bytes(number, "Tiêu đề"),
                          testing::plan_document(number, "Tiêu đề"))
                    .ok());
    states.push_back(*(*writer)->source(path));
  }
  EXPECT_TRUE((*writer)->commit().ok());
  return states;
}

TEST(ArchiveCli, check_passes_on_intact_archive_and_fails_on_corrupt_original) {
  TempDir dir;
  const std::vector<SourceState> states = index_plan_states(dir / "db", 3);
  const std::string db = "--db " + (dir / "db").string();

  const CommandResult intact = run_vanban("check --json " + db, dir.path());
  EXPECT_EQ(intact.exit_code, 0);
  const nlohmann::json report = nlohmann::json::parse(intact.out);
  EXPECT_EQ(report["documents"], 3);
  EXPECT_TRUE(report["problems"].empty());

  testing::write_file(BlobStore(dir / "db" / "originals").path_of(states[1].sha256), "hỏng");
  const CommandResult corrupt = run_vanban("check " + db, dir.path());
  EXPECT_EQ(corrupt.exit_code, 1);
  EXPECT_NE(corrupt.out.find(states[1].document_id), std::string::npos) << corrupt.out;
}

TEST(ArchiveCli, check_uses_vanban_db_from_environment) {
  TempDir dir;
  index_plan_states(dir / "db", 1);
  // Without --db nor $VANBAN_DB: ./vanban-data, which does not exist in this directory.
  ::unsetenv("VANBAN_DB");
  EXPECT_EQ(run_vanban("check --json", dir.path()).exit_code, 1);
  ::setenv("VANBAN_DB", (dir / "db").string().c_str(), 1);
  const CommandResult from_environment = run_vanban("check --json", dir.path());
  ::unsetenv("VANBAN_DB");
  EXPECT_EQ(from_environment.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(from_environment.out)["documents"], 1);
  // And ./vanban-data is the default.
  std::filesystem::rename(dir / "db", dir / "vanban-data");
  EXPECT_EQ(run_vanban("check", dir.path()).exit_code, 0);
}

TEST(ArchiveCli, rm_removes_documents_and_reports_unknown_ids) {
  TempDir dir;
  const std::vector<SourceState> states = index_plan_states(dir / "db", 2);
  const std::string db = "--db " + (dir / "db").string();

  EXPECT_EQ(run_vanban("rm " + db + " " + states[0].document_id, dir.path()).exit_code, 0);
  EXPECT_FALSE(BlobStore(dir / "db" / "originals").contains(states[0].sha256));
  EXPECT_EQ(testing::open_reader(dir / "db").get_doccount(), 1U);

  EXPECT_EQ(run_vanban("rm " + db + " " + states[0].document_id, dir.path()).exit_code, 1);
  EXPECT_EQ(run_vanban("check " + db, dir.path()).exit_code, 0);
}

TEST(ArchiveCli, rm_on_a_missing_archive_fails_without_creating_one) {
  TempDir dir;
  EXPECT_EQ(run_vanban("rm --db typo 0123456789abcdef", dir.path()).exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir / "typo"));
}

}  // namespace
}  // namespace vanban::archive
