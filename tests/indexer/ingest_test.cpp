// Ingest of folders into a real archive: truthful summaries, safe re-runs, updates, shared
// content, pruning, and broken files that never stop the batch.
#include "vanban/indexer/ingest.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "vanban/archive/archive.hpp"

#include "disk_layout.hpp"
#include "indexer_fixtures.hpp"
#include "schema.hpp"
#include "stored_text.hpp"

namespace vanban::indexer {
namespace {

using testing::fixture;
using testing::TempDir;
using testing::write_file;

// Every fixture format, readable ones and broken ones, plus files the walker must leave alone.
void write_mixed_folder(const std::filesystem::path& folder) {
  for (const char* name : {"ke-hoach.html", "ke-hoach.docx", "ke-hoach.pdf", "cong-van.docx",
                           "cong-van.edxml", "thong-bao.txt", "ke-hoach-soap.edxml"}) {
    write_file(folder / "2026" / name, fixture(name));
  }
  for (const char* name : {"truncated.pdf", "encrypted.pdf", "corrupt.docx", "malformed.edxml"})
    write_file(folder / "hong" / name, fixture(name));
  // A scan with nothing to read: no text with OCR, and none without.
  write_file(folder / "hong" / "scanned.pdf", fixture("ocr/trang-trang.pdf"));
  write_file(folder / "2026" / "trinh-chieu.pptx", "PK not read");
  write_file(folder / "2026" / ".~lock.ke-hoach.docx#", "lock file");
  write_file(folder / ".git" / "config", "[core]");
  write_file(folder / "2026" / "thong-bao.txt.meta.json", R"({"number": "09/TB-UBND"})");
}

class Ingest : public ::testing::Test {
 protected:
  IngestSummary run(std::vector<std::filesystem::path> inputs, bool prune = false,
                    bool reindex = false) {
    archive::WriterOptions writer_options;
    writer_options.reindex_unchanged = reindex;
    auto writer = archive::Archive(db_.path()).open_writer(writer_options);
    EXPECT_TRUE(writer.ok()) << writer.error().message;
    IngestOptions options;
    options.inputs = std::move(inputs);
    options.prune = prune;
    options.reindex = reindex;
    options.jobs = 2;
    auto summary = ingest(**writer, options);
    EXPECT_TRUE(summary.ok()) << summary.error().message;
    return summary.ok() ? std::move(summary).value() : IngestSummary{};
  }

  Xapian::rev revision() const {
    return Xapian::Database(archive::xapian_dir(db_.path()).string()).get_revision();
  }

  Xapian::doccount document_count() const {
    return Xapian::Database(archive::xapian_dir(db_.path()).string()).get_doccount();
  }

  // The stored JSON of the document holding `path`, or null.
  nlohmann::json stored(const std::string& path) const {
    const Xapian::Database database(archive::xapian_dir(db_.path()).string());
    const std::string term =
        archive::schema::term(archive::schema::kPath, archive::schema::path_key(path));
    const auto it = database.postlist_begin(term);
    if (it == database.postlist_end(term)) return nullptr;
    return archive::to_json(*archive::read_document(db_.path(), database.get_document(*it)),
                            /*with_text=*/true);
  }

  std::set<std::string> failed_paths(const IngestSummary& summary) const {
    std::set<std::string> paths;
    for (const FileNote& note : summary.failed)
      paths.insert(note.path);
    return paths;
  }

  TempDir db_;
  TempDir files_;
};

TEST_F(Ingest, folder_mixing_every_format_gives_a_truthful_summary) {
  write_mixed_folder(files_.path());
  const IngestSummary summary = run({files_.path()});
  EXPECT_EQ(summary.files, 12u);
  EXPECT_EQ(summary.added, 7u);
  EXPECT_EQ(summary.updated, 0u);
  EXPECT_EQ(summary.unchanged, 0u);
  EXPECT_EQ(failed_paths(summary),
            (std::set<std::string>{"hong/scanned.pdf", "hong/truncated.pdf", "hong/encrypted.pdf",
                                   "hong/corrupt.docx", "hong/malformed.edxml"}));
  for (const FileNote& note : summary.failed)
    EXPECT_FALSE(note.message.empty()) << note.path;
  ASSERT_EQ(summary.skipped.size(), 1u);
  EXPECT_EQ(summary.skipped.front().path, "2026/trinh-chieu.pptx");
  EXPECT_EQ(document_count(), 7u);

  const nlohmann::json pdf = stored("2026/ke-hoach.pdf");
  ASSERT_TRUE(pdf.is_object());
  EXPECT_EQ(pdf["format"], "pdf");
  EXPECT_EQ(pdf["filename"], "ke-hoach.pdf");
  EXPECT_EQ(pdf["paths"], nlohmann::json::array({"2026/ke-hoach.pdf"}));
  EXPECT_NE(pdf["text"].get<std::string>().find("chuyển đổi số"), std::string::npos);
}

TEST_F(Ingest, edxml_envelope_and_sidecar_fields_are_stored) {
  write_mixed_folder(files_.path());
  run({files_.path()});
  const nlohmann::json edxml = stored("2026/cong-van.edxml");
  ASSERT_TRUE(edxml.is_object());
  EXPECT_EQ(edxml["format"], "edxml");
  EXPECT_EQ(edxml["number"], "208/STNMT-VP");
  EXPECT_EQ(edxml["issuer"], "Sở Tài nguyên và Môi trường tỉnh Bắc Ninh");
  EXPECT_EQ(edxml["date"], "2026-04-02");
  EXPECT_EQ(stored("2026/thong-bao.txt")["number"], "09/TB-UBND");
  EXPECT_TRUE(stored("2026/thong-bao.txt.meta.json").is_null()) << "a sidecar is no document";
}

TEST_F(Ingest, rerun_on_unchanged_folder_changes_nothing) {
  write_mixed_folder(files_.path());
  run({files_.path()});
  const Xapian::rev before = revision();
  const IngestSummary again = run({files_.path()});
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.updated, 0u);
  EXPECT_EQ(again.unchanged, 7u);
  EXPECT_EQ(again.failed.size(), 5u);  // still broken, still reported
  EXPECT_EQ(revision(), before) << "no Xapian commit when nothing changed";
}

// After an upgrade: every document rebuilt in place (same ids), what the new version adds
// (here the passage map, removed by hand to play an older index) is there again.
TEST_F(Ingest, reindex_rebuilds_unchanged_documents_in_place) {
  write_mixed_folder(files_.path());
  run({files_.path()});
  const std::string id = stored("2026/thong-bao.txt")["id"];
  const Xapian::doccount count = document_count();
  {
    Xapian::WritableDatabase database(archive::xapian_dir(db_.path()).string());
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
      Xapian::Document document = database.get_document(*it);
      document.remove_value(archive::schema::kPassageSlot);
      database.replace_document(*it, document);
    }
    database.commit();
  }
  const Xapian::rev before = revision();
  const IngestSummary again = run({files_.path()}, /*prune=*/false, /*reindex=*/true);
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.updated, 7u);
  EXPECT_EQ(again.unchanged, 0u);
  EXPECT_EQ(again.failed.size(), 5u);
  EXPECT_GT(revision(), before);
  EXPECT_EQ(document_count(), count);
  EXPECT_EQ(stored("2026/thong-bao.txt")["id"], id);
  const Xapian::Database database(archive::xapian_dir(db_.path()).string());
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it)
    EXPECT_FALSE(database.get_document(*it).get_value(archive::schema::kPassageSlot).empty());
}

TEST_F(Ingest, changed_file_at_same_path_replaces_its_document) {
  write_file(files_.path() / "tb.txt", "THÔNG BÁO\nLịch tiếp công dân tháng 4 năm 2026\n");
  run({files_.path()});
  const std::string old_id = stored("tb.txt")["id"];
  write_file(files_.path() / "tb.txt", "THÔNG BÁO\nLịch tiếp công dân tháng 5 năm 2026\n");
  const IngestSummary summary = run({files_.path()});
  EXPECT_EQ(summary.updated, 1u);
  EXPECT_EQ(summary.added, 0u);
  const nlohmann::json now = stored("tb.txt");
  EXPECT_NE(now["id"], old_id);
  EXPECT_NE(now["text"].get<std::string>().find("tháng 5"), std::string::npos);
  EXPECT_EQ(document_count(), 1u);
}

TEST_F(Ingest, edited_sidecar_alone_updates_the_metadata_and_removing_it_restores_extraction) {
  const std::filesystem::path original = files_.path() / "tb.txt";
  const std::filesystem::path sidecar = files_.path() / "tb.txt.meta.json";
  write_file(original,
             "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\nSố: 12/TB-UBND\nAn Bình, ngày 02 tháng 4 năm 2026\n"
             "THÔNG BÁO\nLịch tiếp công dân tháng 4 năm 2026\n");
  run({files_.path()});
  const nlohmann::json extracted = stored("tb.txt")["number"];
  const std::string id = stored("tb.txt")["id"];

  write_file(sidecar, R"({"number": "99/TB-UBND"})");
  const IngestSummary edited = run({files_.path()});
  EXPECT_EQ(edited.updated, 1u);
  EXPECT_EQ(edited.unchanged, 0u);
  EXPECT_EQ(stored("tb.txt")["number"], "99/TB-UBND");
  EXPECT_EQ(stored("tb.txt")["id"], id) << "same original, same document";
  EXPECT_EQ(document_count(), 1u);

  write_file(sidecar, R"({"number": "100/TB-UBND"})");
  EXPECT_EQ(run({files_.path()}).updated, 1u);
  EXPECT_EQ(stored("tb.txt")["number"], "100/TB-UBND");

  const Xapian::rev before = revision();
  const IngestSummary again = run({files_.path()});
  EXPECT_EQ(again.updated, 0u);
  EXPECT_EQ(again.unchanged, 1u);
  EXPECT_EQ(revision(), before) << "an unchanged sidecar writes nothing";

  std::filesystem::remove(sidecar);
  const IngestSummary removed = run({files_.path()});
  EXPECT_EQ(removed.updated, 1u);
  EXPECT_EQ(stored("tb.txt")["number"], extracted);
  EXPECT_EQ(run({files_.path()}).unchanged, 1u);
}

TEST_F(Ingest, sidecar_named_after_the_stem_is_watched_too) {
  write_file(files_.path() / "kh.txt", "KẾ HOẠCH\nChuyển đổi số năm 2026\n");
  run({files_.path()});
  write_file(files_.path() / "kh.meta.json", R"({"date": "2026-03-12"})");
  EXPECT_EQ(run({files_.path()}).updated, 1u);
  EXPECT_EQ(stored("kh.txt")["date"], "2026-03-12");
}

TEST_F(Ingest, malformed_sidecar_fails_the_file_even_when_the_original_is_unchanged) {
  write_file(files_.path() / "tb.txt", "THÔNG BÁO\nLịch tiếp công dân tháng 4 năm 2026\n");
  write_file(files_.path() / "tb.txt.meta.json", R"({"number": "09/TB-UBND"})");
  run({files_.path()});
  write_file(files_.path() / "tb.txt.meta.json", R"({"number": "10/TB-UBND",)");
  const IngestSummary summary = run({files_.path()});
  EXPECT_EQ(failed_paths(summary), std::set<std::string>{"tb.txt"});
  EXPECT_EQ(stored("tb.txt")["number"], "09/TB-UBND") << "the archived document is kept";
}

TEST_F(Ingest, same_bytes_under_two_paths_are_one_document_with_both_paths) {
  write_file(files_.path() / "den" / "kh-15.pdf", fixture("ke-hoach.pdf"));
  write_file(files_.path() / "luu" / "ban-sao.pdf", fixture("ke-hoach.pdf"));
  const IngestSummary summary = run({files_.path()});
  EXPECT_TRUE(summary.failed.empty());
  EXPECT_EQ(document_count(), 1u);
  const nlohmann::json document = stored("den/kh-15.pdf");
  ASSERT_TRUE(document.is_object());
  EXPECT_EQ(document["id"], stored("luu/ban-sao.pdf")["id"]);
  EXPECT_EQ(document["paths"].size(), 2u);
}

TEST_F(Ingest, stored_text_reads_without_page_furniture_and_the_original_is_kept) {
  // A gazette copy as its PDF's text layer gives it: a running header and a page number on
  // every page, a signature stamp, a paragraph cut at the page's width and across a page.
  std::string text =
      "Ký bởi: Cổng Thông tin điện tử Chính phủ\nThời gian ký: 07.01.2025 16:32:41 +07:00\n";
  for (int page = 2; page <= 5; ++page) {
    text += "CÔNG BÁO/Số 993 + 994/Ngày 26-12-2019\n" + std::to_string(page) + "\n";
    for (int line = 0; line < 12; ++line)
      text += "Trang " + std::to_string(page) + " dòng " + std::to_string(line) +
              ": các cơ quan, đơn vị tổ chức thực hiện nghiêm túc các nội dung của Kế hoạch\n"
              "này và báo cáo kết quả về Sở Nội vụ trước ngày 15 hằng tháng để tổng hợp.\n";
  }
  write_file(files_.path() / "cong-bao.txt", text);
  const IngestSummary summary = run({files_.path()});
  EXPECT_TRUE(summary.failed.empty());
  const nlohmann::json document = stored("cong-bao.txt");
  ASSERT_TRUE(document.is_object());
  const std::string stored_text = document["text"];
  EXPECT_EQ(stored_text.find("CÔNG BÁO"), std::string::npos) << stored_text;
  EXPECT_EQ(stored_text.find("Ký bởi"), std::string::npos) << stored_text;
  EXPECT_NE(stored_text.find("nội dung của Kế hoạch này và báo cáo"), std::string::npos)
      << stored_text;
  EXPECT_EQ(document["size"], text.size()) << "the original is stored as it came";
}

TEST_F(Ingest, prune_forgets_sources_that_are_gone) {
  write_file(files_.path() / "a.txt", "Công văn số 1 về việc họp giao ban");
  write_file(files_.path() / "b.txt", "Công văn số 2 về việc trực Tết");
  run({files_.path()});
  std::filesystem::remove(files_.path() / "b.txt");

  const IngestSummary without_prune = run({files_.path()});
  EXPECT_EQ(without_prune.removed, 0u);
  EXPECT_EQ(document_count(), 2u);

  const IngestSummary pruned = run({files_.path()}, /*prune=*/true);
  EXPECT_EQ(pruned.removed, 1u);
  EXPECT_EQ(pruned.unchanged, 1u);
  EXPECT_EQ(document_count(), 1u);
  EXPECT_TRUE(stored("b.txt").is_null());
  EXPECT_TRUE(stored("a.txt").is_object());
}

TEST_F(Ingest, paths_are_relative_to_each_argument) {
  write_file(files_.path() / "phong-a" / "2026" / "tb.txt", "Thông báo của phòng A");
  write_file(files_.path() / "le.txt", "Một tệp lẻ");
  const IngestSummary summary = run({files_.path() / "phong-a", files_.path() / "le.txt"});
  EXPECT_EQ(summary.added, 2u);
  EXPECT_TRUE(stored("2026/tb.txt").is_object());
  EXPECT_TRUE(stored("le.txt").is_object());
}

TEST_F(Ingest, missing_input_is_an_error_and_writes_nothing) {
  auto writer = archive::Archive(db_.path()).open_writer();
  ASSERT_TRUE(writer.ok());
  IngestOptions options;
  options.inputs = {files_.path() / "khong-co"};
  auto summary = ingest(**writer, options);
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ((*writer)->document_count(), 0u);
}

TEST_F(Ingest, file_over_the_size_limit_fails_and_the_rest_is_indexed) {
  write_file(files_.path() / "nho.txt", "Thông báo ngắn");
  write_file(files_.path() / "lon.txt", std::string(3 * 1024 * 1024, 'a'));
  auto writer = archive::Archive(db_.path()).open_writer();
  ASSERT_TRUE(writer.ok());
  IngestOptions options;
  options.inputs = {files_.path()};
  options.read.max_bytes = 1024 * 1024;
  auto summary = ingest(**writer, options);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->added, 1u);
  ASSERT_EQ(summary->failed.size(), 1u);
  EXPECT_EQ(summary->failed.front().path, "lon.txt");
}

// The pipeline's figures say where its threads spent the run: both workers and the writer did
// work, and the writer never spent more wall time than the run.
TEST_F(Ingest, summary_says_where_the_pipeline_spent_its_time) {
  write_mixed_folder(files_.path());
  const IngestSummary summary = run({files_.path()});
  const PipelineFigures& figures = summary.pipeline;
  EXPECT_EQ(figures.workers, 2u);
  EXPECT_GT(figures.worker_cpu, 0.0);
  EXPECT_GT(figures.writer_cpu, 0.0);
  EXPECT_GT(figures.writer_store, 0.0);
  EXPECT_LE(figures.writer_store + figures.writer_wait, figures.writer_wall + 1e-6);
  EXPECT_LE(figures.writer_wall, summary.seconds);
  const nlohmann::json json = to_json(summary)["pipeline"];
  for (const char* key :
       {"workers", "worker_cpu_s", "worker_queued_s", "worker_wait_s", "writer_wall_s",
        "writer_cpu_s", "writer_queued_s", "writer_store_s", "writer_wait_s"})
    EXPECT_TRUE(json.contains(key)) << key;
}

TEST_F(Ingest, summary_json_lists_failures_with_path_and_reason) {
  write_file(files_.path() / "scan.pdf", fixture("ocr/trang-trang.pdf"));
  write_file(files_.path() / "ok.txt", "Văn bản đọc được");
  const nlohmann::json json = to_json(run({files_.path()}));
  EXPECT_EQ(json["added"], 1);
  ASSERT_EQ(json["failed"].size(), 1u);
  EXPECT_EQ(json["failed"][0]["path"], "scan.pdf");
  EXPECT_TRUE(json["failed"][0]["reason"].get<std::string>().starts_with("no text"))
      << json["failed"][0]["reason"];
  for (const char* key : {"updated", "unchanged", "removed", "skipped"})
    EXPECT_TRUE(json.contains(key)) << key;
}

// A scan is recognised once: a re-run hashes it, finds it unchanged and never OCRs it again.
// The document remembers that its text came from OCR.
TEST_F(Ingest, scans_are_recognised_once_and_marked_as_ocr) {
  write_file(files_.path() / "quet" / "ke-hoach.png", fixture("ocr/ke-hoach.png"));
  write_file(files_.path() / "thong-bao.txt", fixture("thong-bao.txt"));
  const IngestSummary first = run({files_.path()});
  if (!first.failed.empty() &&
      first.failed.front().message.starts_with("no text layer; OCR not installed"))
    GTEST_SKIP() << "Tesseract or its vie traineddata is not installed";
  EXPECT_EQ(first.added, 2u);
  EXPECT_EQ(first.ocr_pages, 1u);
  const nlohmann::json document = stored("quet/ke-hoach.png");
  ASSERT_TRUE(document.is_object());
  EXPECT_EQ(document["format"], "png");
  EXPECT_EQ(document["ocr"]["pages"], 1);
  EXPECT_GT(document["ocr"]["confidence"].get<int>(), 50);
  EXPECT_EQ(document["number"], "15/KH-UBND");
  EXPECT_FALSE(stored("thong-bao.txt").contains("ocr"));

  const IngestSummary again = run({files_.path()});
  EXPECT_EQ(again.unchanged, 2u);
  EXPECT_EQ(again.ocr_pages, 0u) << "an unchanged scan was recognised again";
}

}  // namespace
}  // namespace vanban::indexer
