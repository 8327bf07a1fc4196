// The analysis version each document carries (analysis_version.hpp): a document an older
// version made is not "unchanged", is listed for re-analysis and counted as stale; a newer
// archive is refused before anything is written. Older archives are simulated by writing with
// WriterOptions::analysis_version set to an older value, or by taking the version term off
// (an archive made before versions were stored).
#include "vanban/archive/analysis_version.hpp"

#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"

#include "archive_fixtures.hpp"
#include "disk_layout.hpp"
#include "schema.hpp"
#include "test_support.hpp"

namespace vanban::archive {
namespace {

using testing::plan_bytes;
using testing::plan_document;
using testing::TempDir;

constexpr std::uint32_t kOlder = kAnalysisVersion - 1;

std::unique_ptr<ArchiveWriter> versioned_writer(const std::filesystem::path& dir,
                                                std::uint32_t version = kAnalysisVersion) {
  WriterOptions options;
  options.analysis_version = version;
  auto writer = Archive(dir).open_writer(options);
  EXPECT_TRUE(writer.ok()) << writer.error().message;
  return writer.ok() ? std::move(*writer) : nullptr;
}

PutOutcome put_versioned_plan(ArchiveWriter& writer, const std::string& path,
                              const std::string& number) {
  const std::string title = "Triển khai công tác năm 2026";
  const Result<PutOutcome> outcome =
      writer.put(path, plan_bytes(number, title), plan_document(number, title));
  EXPECT_TRUE(outcome.ok()) << outcome.error().message;
  return outcome.ok() ? *outcome : PutOutcome::unchanged;
}

// Three plans written by `version`.
void write_versioned_plans(const std::filesystem::path& dir, std::uint32_t version) {
  auto writer = versioned_writer(dir, version);
  ASSERT_TRUE(writer);
  for (const char* number : {"1/KH-UBND", "2/KH-UBND", "3/KH-UBND"})
    put_versioned_plan(*writer, std::string("kh-") + number[0] + ".txt", number);
  ASSERT_TRUE(writer->close().ok());
}

TEST(AnalysisVersion, terms_name_their_version_and_nothing_else) {
  EXPECT_EQ(schema::analysis_term(7), "XA7");
  EXPECT_EQ(schema::analysis_version_of("XA7"), 7u);
  EXPECT_EQ(schema::analysis_version_of("XA0"), 0u);
  EXPECT_EQ(schema::analysis_version_of("XA123456789"), 123456789u);
  // Not a version: other prefixes, no digits, a leading zero, too long to be ours.
  for (const char* term : {"XB7", "XA", "XAx", "XA07", "XA7a", "XA1234567890", "Q7"})
    EXPECT_FALSE(schema::analysis_version_of(term)) << term;
}

TEST(AnalysisVersion, a_fresh_archive_is_current_and_unchanged_files_stay_unchanged) {
  TempDir dir;
  write_versioned_plans(dir.path(), kAnalysisVersion);
  auto writer = versioned_writer(dir.path());
  ASSERT_TRUE(writer);
  const AnalysisState state = writer->analysis();
  EXPECT_EQ(state.documents, 3u);
  EXPECT_EQ(state.stale, 0u);
  EXPECT_EQ(state.newer, 0u);
  EXPECT_EQ(state.newest, kAnalysisVersion);
  ASSERT_TRUE(writer->source("kh-1.txt"));
  EXPECT_TRUE(writer->source("kh-1.txt")->analysis_current);
  EXPECT_EQ(put_versioned_plan(*writer, "kh-1.txt", "1/KH-UBND"), PutOutcome::unchanged);
  std::uint64_t cursor = 0;
  EXPECT_TRUE(writer->stale_documents(cursor, 10).empty());
}

// Both ways an archive can be older: written by version N-1, or before versions existed.
class OlderArchive : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    write_versioned_plans(dir_.path(), kOlder);
    if (GetParam()) testing::forget_analysis_versions(dir_.path());
  }
  TempDir dir_;
};

TEST_P(OlderArchive, its_documents_are_stale_and_rebuilt_not_skipped) {
  auto writer = versioned_writer(dir_.path());
  ASSERT_TRUE(writer);
  EXPECT_EQ(writer->analysis().stale, 3u);
  EXPECT_EQ(writer->analysis().newer, 0u);
  const auto state = writer->source("kh-1.txt");
  ASSERT_TRUE(state);
  EXPECT_FALSE(state->analysis_current);
  // The same original and sidecar: rebuilt in place, not skipped as unchanged.
  EXPECT_EQ(put_versioned_plan(*writer, "kh-1.txt", "1/KH-UBND"), PutOutcome::updated);
  EXPECT_TRUE(writer->source("kh-1.txt")->analysis_current);
  EXPECT_EQ(writer->analysis().stale, 2u);
  // Control: once current, the same put is unchanged; the others are untouched.
  EXPECT_EQ(put_versioned_plan(*writer, "kh-1.txt", "1/KH-UBND"), PutOutcome::unchanged);
  EXPECT_FALSE(writer->source("kh-2.txt")->analysis_current);
  EXPECT_EQ(writer->document_count(), 3u);
  ASSERT_TRUE(writer->close().ok());

  // The searcher counts the same.
  auto searcher = Archive(dir_.path()).open_searcher();
  ASSERT_TRUE(searcher.ok());
  const auto seen = (*searcher)->analysis();
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->documents, 3u);
  EXPECT_EQ(seen->stale, 2u);
  EXPECT_EQ(seen->version, kAnalysisVersion);
}

TEST_P(OlderArchive, stale_documents_are_listed_a_round_at_a_time_with_their_originals) {
  auto writer = versioned_writer(dir_.path());
  ASSERT_TRUE(writer);
  put_versioned_plan(*writer, "kh-2.txt", "2/KH-UBND");  // current now: never listed
  std::uint64_t cursor = 0;
  std::set<std::string> listed;
  for (int round = 0; round < 5; ++round) {
    const std::vector<StaleDocument> stale = writer->stale_documents(cursor, 1);
    if (stale.empty()) break;
    ASSERT_EQ(stale.size(), 1u);
    const StaleDocument& document = stale.front();
    EXPECT_TRUE(listed.insert(document.paths.at(0)).second) << "listed twice";
    EXPECT_EQ(document.filename, document.paths.at(0));
    EXPECT_EQ(document.id, document.sha256.substr(0, 16));
    EXPECT_TRUE(std::filesystem::is_regular_file(document.original));
    EXPECT_EQ(std::filesystem::file_size(document.original), document.size);
    EXPECT_TRUE(document.sidecar_sha256.empty());
  }
  EXPECT_EQ(listed, (std::set<std::string>{"kh-1.txt", "kh-3.txt"}));
  // A put between rounds does not disturb the walk: the cursor is past what was seen.
  EXPECT_TRUE(writer->stale_documents(cursor, 10).empty());
}

INSTANTIATE_TEST_SUITE_P(WrittenOrBeforeVersions, OlderArchive, ::testing::Bool());

TEST(AnalysisVersion, a_newer_archive_is_refused_and_left_as_it_was) {
  TempDir dir;
  write_versioned_plans(dir.path(), kAnalysisVersion + 1);
  const auto revision = testing::open_reader(dir.path()).get_revision();
  auto refused = Archive(dir.path()).open_writer();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::unsupported);
  EXPECT_NE(refused.error().message.find("newer Vanban"), std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find(std::to_string(kAnalysisVersion + 1)), std::string::npos);
  EXPECT_NE(refused.error().user_message.find("mới hơn"), std::string::npos);
  // Nothing written; the newer version still opens it, and a reader says it.
  EXPECT_EQ(testing::open_reader(dir.path()).get_revision(), revision);
  EXPECT_EQ(testing::open_reader(dir.path()).get_doccount(), 3u);
  EXPECT_TRUE(versioned_writer(dir.path(), kAnalysisVersion + 1));
  auto searcher = Archive(dir.path()).open_searcher();
  ASSERT_TRUE(searcher.ok());
  const auto seen = (*searcher)->analysis();
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->newer, 3u);
  EXPECT_EQ(seen->stale, 0u);
  EXPECT_EQ(seen->newest, kAnalysisVersion + 1);
}

TEST(AnalysisVersion, a_path_added_to_a_stale_document_leaves_it_stale) {
  TempDir dir;
  write_versioned_plans(dir.path(), kOlder);
  auto writer = versioned_writer(dir.path());
  ASSERT_TRUE(writer);
  // The same bytes under one more path: the document gains the path, not a new analysis.
  EXPECT_EQ(put_versioned_plan(*writer, "copy-of-kh-1.txt", "1/KH-UBND"), PutOutcome::updated);
  EXPECT_EQ(writer->analysis().stale, 3u);
  std::uint64_t cursor = 0;
  const auto stale = writer->stale_documents(cursor, 10);
  ASSERT_EQ(stale.size(), 3u);
  EXPECT_EQ(stale.front().paths, (std::vector<std::string>{"kh-1.txt", "copy-of-kh-1.txt"}));
}

TEST(AnalysisVersion, a_sharded_archive_counts_and_lists_every_shard) {
  TempDir dir;
  const Archive archive(dir.path());
  ASSERT_TRUE(archive.use_shards(3).ok());
  {
    auto writer = versioned_writer(dir.path(), kOlder);
    ASSERT_TRUE(writer);
    for (int i = 1; i <= 9; ++i)
      put_versioned_plan(*writer, "kh-" + std::to_string(i) + ".txt",
                         std::to_string(i) + "/KH-UBND");
    ASSERT_TRUE(writer->close().ok());
  }
  auto writer = versioned_writer(dir.path());
  ASSERT_TRUE(writer);
  put_versioned_plan(*writer, "kh-4.txt", "4/KH-UBND");
  EXPECT_EQ(writer->analysis().documents, 9u);
  EXPECT_EQ(writer->analysis().stale, 8u);
  std::uint64_t cursor = 0;
  std::set<std::string> listed;
  for (std::vector<StaleDocument> round; !(round = writer->stale_documents(cursor, 2)).empty();)
    for (const StaleDocument& document : round)
      EXPECT_TRUE(listed.insert(document.paths.at(0)).second);
  EXPECT_EQ(listed.size(), 8u);
  EXPECT_FALSE(listed.contains("kh-4.txt"));
}

}  // namespace
}  // namespace vanban::archive
