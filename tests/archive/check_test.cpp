#include "vanban/archive/check.hpp"

#include <gtest/gtest.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"

#include "archive_fixtures.hpp"
#include "blob_store.hpp"
#include "test_support.hpp"

namespace vanban::archive {
namespace {

using testing::plan_bytes;
using testing::plan_document;
using testing::TempDir;

// Two indexed documents; returns the state of the first.
SourceState index_two(const std::filesystem::path& db_dir) {
  auto writer = Archive(db_dir).open_writer();
  EXPECT_TRUE(writer.ok());
  for (const std::string number : {"1/KH-UBND", "2/KH-UBND"}) {
    EXPECT_TRUE((*writer)
                    ->put(number.substr(0, 1) + ".txt", plan_bytes(number, "Tiêu đề"),
                          plan_document(number, "Tiêu đề"))
                    .ok());
  }
  EXPECT_TRUE((*writer)->commit().ok());
  return *(*writer)->source("1.txt");
}

TEST(Check, intact_archive_passes) {
  TempDir dir;
  index_two(dir.path());
  const Result<CheckReport> report = Archive(dir.path()).check();
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->documents, 2U);
  EXPECT_TRUE(report->problems.empty());
  EXPECT_EQ(report->orphans, 0U);
}

TEST(Check, detects_missing_original) {
  TempDir dir;
  const SourceState state = index_two(dir.path());
  std::filesystem::remove(BlobStore(dir / "originals").path_of(state.sha256));
  const Result<CheckReport> report = Archive(dir.path()).check();
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->problems.size(), 1U);
  EXPECT_EQ(report->problems[0].id, state.document_id);
  EXPECT_EQ(report->problems[0].sha256, state.sha256);
  EXPECT_NE(report->problems[0].message.find("missing"), std::string::npos);
}

TEST(Check, detects_corrupt_original) {
  TempDir dir;
  const SourceState state = index_two(dir.path());
  testing::write_file(BlobStore(dir / "originals").path_of(state.sha256), "bị hỏng");
  const Result<CheckReport> report = Archive(dir.path()).check();
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->problems.size(), 1U);
  EXPECT_EQ(report->problems[0].id, state.document_id);
  EXPECT_NE(report->problems[0].message.find("corrupt"), std::string::npos);
}

TEST(Check, counts_orphan_originals_without_failing) {
  TempDir dir;
  index_two(dir.path());
  ASSERT_TRUE(BlobStore(dir / "originals").put("không văn bản nào dùng").ok());
  const Result<CheckReport> report = Archive(dir.path()).check();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->problems.empty());
  EXPECT_EQ(report->orphans, 1U);
}

TEST(Check, missing_archive_is_an_error) {
  TempDir dir;
  const Result<CheckReport> report = Archive(dir / "nothing-here").check();
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace vanban::archive
