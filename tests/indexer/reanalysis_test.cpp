// `vanban index` on an archive an older analysis version made (archive/analysis_version.hpp):
// every stale document is analysed again — from its file when the run holds it, from its stored
// original when not (the file deleted, or not among the inputs) — and not skipped as unchanged;
// what the current version made stays unchanged. Older archives are simulated by writing with
// WriterOptions::analysis_version one below the binary's.
#include <cstdlib>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <xapian.h>

#include "vanban/archive/analysis_version.hpp"
#include "vanban/archive/archive.hpp"
#include "vanban/indexer/ingest.hpp"
#include "vanban/indexer/metadata.hpp"

#include "disk_layout.hpp"
#include "indexer_fixtures.hpp"
#include "schema.hpp"
#include "stored_text.hpp"
#include "stored_zip.hpp"
#include "vanban_run.hpp"

namespace vanban::indexer {
namespace {

using testing::fixture;
using testing::TempDir;
using testing::write_file;

constexpr std::uint32_t kPrevious = archive::kAnalysisVersion - 1;

class Reanalysis : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(files_.path() / "kh.html", fixture("ke-hoach.html"));
    write_file(files_.path() / "cv.docx", fixture("cong-van.docx"));
    write_file(files_.path() / "tb.txt", fixture("thong-bao.txt"));
    // A .zip folder's member: its stored original is the member's bytes, its format read by
    // the member's name.
    write_file(files_.path() / "goi.zip",
               testing::stored_zip({{"van-ban/kh.docx", fixture("ke-hoach.docx")}}));
  }

  // One run of ingest as `vanban index` makes it, by a binary of analysis `version`.
  IngestSummary index(std::uint32_t version = archive::kAnalysisVersion,
                      std::vector<std::filesystem::path> inputs = {}, bool reanalyse_stale = true) {
    archive::WriterOptions writer_options;
    writer_options.analysis_version = version;
    auto writer = archive::Archive(db_.path()).open_writer(writer_options);
    EXPECT_TRUE(writer.ok()) << writer.error().message;
    if (!writer.ok()) return {};
    IngestOptions options;
    options.inputs = inputs.empty() ? std::vector<std::filesystem::path>{files_.path()} : inputs;
    options.reanalyse_stale = reanalyse_stale;
    options.jobs = 2;
    auto summary = ingest(**writer, options);
    EXPECT_TRUE(summary.ok()) << summary.error().message;
    EXPECT_TRUE((*writer)->close().ok());
    return summary.ok() ? std::move(summary).value() : IngestSummary{};
  }

  archive::AnalysisState state() const {
    auto searcher = archive::Archive(db_.path()).open_searcher();
    EXPECT_TRUE(searcher.ok());
    auto analysis = (*searcher)->analysis();
    EXPECT_TRUE(analysis.ok());
    return analysis.ok() ? *analysis : archive::AnalysisState{};
  }

  // The stored JSON of the document holding `path`, or null.
  nlohmann::json stored(const std::string& path) const {
    const Xapian::Database database(archive::xapian_dir(db_.path()).string());
    const std::string term =
        archive::schema::term(archive::schema::kPath, archive::schema::path_key(path));
    const auto it = database.postlist_begin(term);
    if (it == database.postlist_end(term)) return nullptr;
    return archive::to_json(*archive::read_document(db_.path(), database.get_document(*it)),
                            /*with_text=*/false);
  }

  TempDir db_;
  TempDir files_;
};

constexpr std::uint64_t kDocuments = 4;

TEST_F(Reanalysis, an_older_archive_is_analysed_again_and_a_current_one_is_skipped) {
  const IngestSummary old_run = index(kPrevious);
  ASSERT_EQ(old_run.added, kDocuments) << to_json(old_run).dump();
  EXPECT_EQ(state().stale, kDocuments);

  const IngestSummary upgrade = index();
  EXPECT_EQ(upgrade.reanalysed, kDocuments) << to_json(upgrade).dump();
  EXPECT_EQ(upgrade.unchanged, 0u);
  EXPECT_EQ(upgrade.added + upgrade.updated, 0u);
  EXPECT_EQ(upgrade.stale_left, 0u);
  EXPECT_EQ(upgrade.analysis_version, archive::kAnalysisVersion);
  EXPECT_TRUE(upgrade.failed.empty());
  EXPECT_EQ(state().stale, 0u);
  EXPECT_EQ(state().documents, kDocuments);

  // Control: analysed by this version, the same files are unchanged.
  const IngestSummary again = index();
  EXPECT_EQ(again.unchanged, kDocuments);
  EXPECT_EQ(again.reanalysed, 0u);
}

TEST_F(Reanalysis, a_document_whose_file_is_gone_is_analysed_again_from_its_stored_original) {
  // The old version read this document wrongly (nothing extracted): its stored entry must be
  // replaced by what the current analysis reads in its original.
  {
    archive::WriterOptions options;
    options.analysis_version = kPrevious;
    auto writer = archive::Archive(db_.path()).open_writer(options);
    ASSERT_TRUE(writer.ok());
    archive::ArchivedDocument blank;
    blank.format = "html";
    blank.text = "trống";
    ASSERT_TRUE((*writer)->put("kh.html", fixture("ke-hoach.html"), blank).ok());
    ASSERT_TRUE((*writer)->close().ok());
  }
  const auto before = stored("kh.html");
  ASSERT_FALSE(before.is_null());
  EXPECT_FALSE(before.contains("number") && before["number"].is_string() &&
               !before["number"].get<std::string>().empty());
  std::filesystem::remove(files_.path() / "kh.html");

  const IngestSummary run = index();
  EXPECT_EQ(run.added, 3u) << to_json(run).dump();  // the other files, new
  EXPECT_EQ(run.reanalysed, 1u);
  EXPECT_EQ(run.stale_left, 0u);
  EXPECT_TRUE(run.failed.empty()) << to_json(run).dump();

  // What the current analysis reads in the file (as `vanban extract` would).
  const TempDir copy;
  write_file(copy.path() / "kh.html", fixture("ke-hoach.html"));
  const auto read = read_file(copy.path() / "kh.html");
  ASSERT_TRUE(read.ok());
  const analyzers::DocumentMetadata expected = analyze(*read);
  ASSERT_TRUE(expected.number);
  const auto after = stored("kh.html");
  ASSERT_FALSE(after.is_null());
  EXPECT_EQ(after["number"], *expected.number);
  EXPECT_EQ(after["citations"].size(), expected.citations.size());
  // Its identity and path kept.
  EXPECT_EQ(after["id"], before["id"]);
  EXPECT_EQ(after["paths"], before["paths"]);
  EXPECT_EQ(state().stale, 0u);
}

TEST_F(Reanalysis, documents_not_among_the_inputs_are_analysed_again_too) {
  index(kPrevious);
  // A run over one new folder: the archive's other documents are stale all the same.
  const TempDir other;
  write_file(other.path() / "moi.txt", fixture("thong-bao.txt") + "\nPhụ lục kèm theo.\n");
  const IngestSummary run = index(archive::kAnalysisVersion, {other.path()});
  EXPECT_EQ(run.added, 1u);
  EXPECT_EQ(run.reanalysed, kDocuments) << to_json(run).dump();
  EXPECT_EQ(run.stale_left, 0u);
  // The member of the .zip folder kept its path and reads as the DOCX it is.
  const auto member = stored("goi.zip!/van-ban/kh.docx");
  ASSERT_FALSE(member.is_null());
  EXPECT_EQ(member["format"], "docx");
  // Control: nothing is re-analysed twice.
  EXPECT_EQ(index(archive::kAnalysisVersion, {other.path()}).reanalysed, 0u);
}

TEST_F(Reanalysis, a_stale_document_with_a_sidecar_and_no_file_is_kept_and_said) {
  write_file(files_.path() / "tb.txt.meta.json", R"({"number": "09/TB-UBND"})");
  index(kPrevious);
  std::filesystem::remove(files_.path() / "tb.txt");
  const IngestSummary run = index();
  EXPECT_EQ(run.reanalysed, kDocuments - 1) << to_json(run).dump();
  EXPECT_EQ(run.stale_left, 1u);
  ASSERT_EQ(run.warnings.size(), 1u) << to_json(run).dump();
  EXPECT_EQ(run.warnings[0].path, "tb.txt");
  EXPECT_NE(run.warnings[0].message.find("sidecar"), std::string::npos);
  // What the sidecar stated is still there.
  EXPECT_EQ(stored("tb.txt")["number"], "09/TB-UBND");
  // With its file and sidecar back, the next run analyses it again.
  write_file(files_.path() / "tb.txt", fixture("thong-bao.txt"));
  const IngestSummary back = index();
  EXPECT_EQ(back.reanalysed, 1u) << to_json(back).dump();
  EXPECT_EQ(back.stale_left, 0u);
  EXPECT_EQ(stored("tb.txt")["number"], "09/TB-UBND");
}

TEST_F(Reanalysis, a_partly_reanalysed_archive_resumes_where_it_stopped) {
  index(kPrevious);
  // What a run killed after some commits leaves: some documents current, the rest stale (a
  // run over two of the files that stops there stands for it; tests/archive/index_kill_test
  // kills a real one).
  index(archive::kAnalysisVersion, {files_.path() / "kh.html", files_.path() / "tb.txt"},
        /*reanalyse_stale=*/false);
  EXPECT_EQ(state().stale, kDocuments - 2);
  const IngestSummary resumed = index();
  EXPECT_EQ(resumed.unchanged, 2u) << to_json(resumed).dump();
  EXPECT_EQ(resumed.reanalysed, kDocuments - 2);
  EXPECT_EQ(state().stale, 0u);
}

// Indexes `files` into `db` as a binary of analysis `version` would (an older or a newer Vanban).
void index_files_at_version(const std::filesystem::path& db, const std::filesystem::path& files,
                            std::uint32_t version) {
  archive::WriterOptions options;
  options.analysis_version = version;
  auto writer = archive::Archive(db).open_writer(options);
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  IngestOptions ingest_options;
  ingest_options.inputs = {files};
  ASSERT_TRUE(ingest(**writer, ingest_options).ok());
  ASSERT_TRUE((*writer)->close().ok());
}

// The command's own words: the count in its summary, and a newer archive refused.
TEST(ReanalysisCommand, says_how_many_it_analysed_again_and_refuses_a_newer_archive) {
  TempDir db;
  TempDir files;
  write_file(files.path() / "tb.txt", fixture("thong-bao.txt"));
  index_files_at_version(db.path(), files.path(), kPrevious);
  const std::string arguments =
      "index --db " + testing::quoted(db.path()) + " " + testing::quoted(files.path());
  const testing::VanbanRun run = testing::run_vanban(arguments);
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("Phân tích lại 1 văn bản"), std::string::npos) << run.out;
  const testing::VanbanRun json = testing::run_vanban(arguments + " --json");
  const auto summary = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_TRUE(summary.is_object()) << json.out;
  EXPECT_EQ(summary["reanalysed"], 0);
  EXPECT_EQ(summary["unchanged"], 1);
  EXPECT_EQ(summary["analysis_version"], archive::kAnalysisVersion);

  // Made by a newer Vanban: refused, with the versions said, and nothing written.
  TempDir newer;
  index_files_at_version(newer.path(), files.path(), archive::kAnalysisVersion + 1);
  const Xapian::rev revision =
      Xapian::Database(archive::xapian_dir(newer.path()).string()).get_revision();
  // Its message goes to stderr, which run_vanban drops: read through a file.
  const std::filesystem::path said = files.path() / "said.txt";
  const int status = std::system(
      (testing::vanban_binary().string() + " index --db " + testing::quoted(newer.path()) + " " +
       testing::quoted(files.path() / "tb.txt") + " 2>" + testing::quoted(said))
          .c_str());
  testing::VanbanRun refused;
  refused.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  refused.out = testing::read_file(said);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.out.find("mới hơn"), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find(std::to_string(archive::kAnalysisVersion + 1)), std::string::npos)
      << refused.out;
  EXPECT_EQ(Xapian::Database(archive::xapian_dir(newer.path()).string()).get_revision(), revision);
}

}  // namespace
}  // namespace vanban::indexer

namespace vanban::indexer {
namespace {

// `vanban index` without paths: the archive's stale documents analysed again from their stored
// originals, no file read; --prune and --reindex refused there (every archived file would count
// as gone; nothing to rebuild from) with the archive untouched.
TEST(ReanalysisCommand, without_paths_it_analyses_the_archive_again_and_refuses_prune_and_reindex) {
  TempDir db;
  TempDir files;
  write_file(files.path() / "tb.txt", fixture("thong-bao.txt"));
  write_file(files.path() / "kh.html", fixture("ke-hoach.html"));
  index_files_at_version(db.path(), files.path(), kPrevious);
  std::filesystem::remove_all(files.path() / "tb.txt");  // one file gone: its original serves

  const std::string db_option = "index --db " + testing::quoted(db.path());
  const Xapian::rev before =
      Xapian::Database(archive::xapian_dir(db.path()).string()).get_revision();
  EXPECT_EQ(testing::run_vanban(db_option + " --prune").exit_code, 2);
  EXPECT_EQ(testing::run_vanban(db_option + " --reindex").exit_code, 2);
  EXPECT_EQ(Xapian::Database(archive::xapian_dir(db.path()).string()).get_revision(), before);

  const testing::VanbanRun run = testing::run_vanban(db_option + " --json");
  EXPECT_EQ(run.exit_code, 0) << run.out;
  const auto summary = nlohmann::json::parse(run.out, nullptr, false);
  ASSERT_TRUE(summary.is_object()) << run.out;
  EXPECT_EQ(summary["reanalysed"], 2);
  EXPECT_EQ(summary["removed"], 0);
  EXPECT_EQ(summary["stale_left"], 0);
  EXPECT_EQ(summary["analysis_version"], archive::kAnalysisVersion);

  const testing::VanbanRun again = testing::run_vanban(db_option + " --json");
  EXPECT_EQ(again.exit_code, 0) << again.out;
  const auto second = nlohmann::json::parse(again.out, nullptr, false);
  ASSERT_TRUE(second.is_object()) << again.out;
  EXPECT_EQ(second["reanalysed"], 0);
  EXPECT_EQ(second["files"], 0);
}

}  // namespace
}  // namespace vanban::indexer
