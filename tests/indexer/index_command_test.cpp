// `vanban index` as users and scripts run it: exit codes, the JSON summary on stdout.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "indexer_fixtures.hpp"
#include "vanban_run.hpp"

namespace vanban::indexer {
namespace {

using testing::quoted;
using testing::run_vanban;
using testing::TempDir;
using testing::write_file;

// `vanban index --json` of `files`: exit 1, one file added, the one failed named `failed`.
void expect_one_added_and_one_failed(const TempDir& db, const TempDir& files,
                                     const std::string& failed) {
  const testing::VanbanRun run =
      run_vanban("index --json --db " + quoted(db.path()) + " " + quoted(files.path()));
  EXPECT_EQ(run.exit_code, 1);
  const auto json = nlohmann::json::parse(run.out, nullptr, false);
  ASSERT_TRUE(json.is_object()) << run.out;
  EXPECT_EQ(json["added"], 1);
  ASSERT_EQ(json["failed"].size(), 1u);
  EXPECT_EQ(json["failed"][0]["path"], failed);
}

TEST(IndexCommand, all_files_indexed_exits_zero_and_rerun_reports_unchanged) {
  TempDir db;
  TempDir files;
  write_file(files / "kh.html", testing::fixture("ke-hoach.html"));
  write_file(files / "tb.txt", testing::fixture("thong-bao.txt"));
  const std::string arguments =
      "index --json --db " + quoted(db.path()) + " " + quoted(files.path());
  const testing::VanbanRun first = run_vanban(arguments);
  EXPECT_EQ(first.exit_code, 0);
  const auto json = nlohmann::json::parse(first.out, nullptr, false);
  ASSERT_TRUE(json.is_object()) << first.out;
  EXPECT_EQ(json["added"], 2);

  const testing::VanbanRun second = run_vanban(arguments);
  EXPECT_EQ(second.exit_code, 0);
  const auto again = nlohmann::json::parse(second.out, nullptr, false);
  ASSERT_TRUE(again.is_object()) << second.out;
  EXPECT_EQ(again["added"], 0);
  EXPECT_EQ(again["unchanged"], 2);

  EXPECT_EQ(run_vanban("check --db " + quoted(db.path())).exit_code, 0);
}

TEST(IndexCommand, some_files_failed_exits_one_with_the_rest_indexed) {
  TempDir db;
  TempDir files;
  write_file(files / "kh.docx", testing::fixture("ke-hoach.docx"));
  write_file(files / "hong.docx", testing::fixture("corrupt.docx"));
  expect_one_added_and_one_failed(db, files, "hong.docx");
}

// File names are bytes, not text: a name that is not UTF-8 (a Windows-1258 name copied off an
// old share) is printed in the JSON summary with U+FFFD, never thrown on (the summary was lost
// and "[json.exception.type_error.316]" printed instead).
TEST(IndexCommand, a_file_name_that_is_not_utf8_is_printed_in_the_json_summary) {
  TempDir db;
  TempDir files;
  write_file(files / "tb.txt", testing::fixture("thong-bao.txt"));
  write_file(files / "h\xF4ng.txt", std::string(64, '\0'));  // no text: fails
  expect_one_added_and_one_failed(db, files, "h\uFFFDng.txt");
}

TEST(IndexCommand, usage_errors_exit_two) {
  TempDir db;
  EXPECT_EQ(run_vanban("index --db " + quoted(db.path())).exit_code, 2) << "no PATH, no archive";
  EXPECT_FALSE(std::filesystem::exists(db / "xapian")) << "nothing created";
  EXPECT_EQ(run_vanban("index --db " + quoted(db.path()) + " " + quoted(db / "khong-co")).exit_code,
            2);
  EXPECT_EQ(
      run_vanban("index --jobs 0 --db " + quoted(db.path()) + " " + quoted(db.path())).exit_code,
      2);
}

TEST(IndexCommand, human_summary_is_printed_without_json) {
  TempDir db;
  TempDir files;
  write_file(files / "tb.txt", testing::fixture("thong-bao.txt"));
  const testing::VanbanRun run =
      run_vanban("index --db " + quoted(db.path()) + " " + quoted(files.path()));
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("1 thêm mới"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find('\r'), std::string::npos) << "no progress bar in a pipe";
}

// --no-ocr: scans are reported (exit 1), the rest indexed; then, with OCR (where it is
// installed), the scan is read, said so in the summary, and a third run reads nothing again.
TEST(IndexCommand, no_ocr_reports_scans_and_a_later_run_reads_them_once) {
  TempDir db;
  TempDir files;
  write_file(files / "tb.txt", testing::fixture("thong-bao.txt"));
  write_file(files / "quet.png", testing::fixture("ocr/ke-hoach.png"));
  const std::string paths = quoted(db.path()) + " " + quoted(files.path());
  const testing::VanbanRun off = run_vanban("index --json --no-ocr --db " + paths);
  EXPECT_EQ(off.exit_code, 1);
  const auto json = nlohmann::json::parse(off.out, nullptr, false);
  ASSERT_TRUE(json.is_object()) << off.out;
  EXPECT_EQ(json["added"], 1);
  ASSERT_EQ(json["failed"].size(), 1u);
  EXPECT_EQ(json["failed"][0]["path"], "quet.png");
  EXPECT_TRUE(json["failed"][0]["reason"].get<std::string>().starts_with(
      "no text layer; OCR not installed"));
  EXPECT_EQ(json["ocr_pages"], 0);

  const testing::VanbanRun on = run_vanban("index --db " + paths);
  if (on.exit_code != 0 && on.out.find("OCR") != std::string::npos)
    GTEST_SKIP() << "Tesseract or its vie traineddata is not installed";
  EXPECT_EQ(on.exit_code, 0) << on.out;
  EXPECT_NE(on.out.find("Nhận dạng chữ (OCR) 1 trang quét."), std::string::npos) << on.out;
  const testing::VanbanRun again = run_vanban("index --json --db " + paths);
  const auto unchanged = nlohmann::json::parse(again.out, nullptr, false);
  ASSERT_TRUE(unchanged.is_object()) << again.out;
  EXPECT_EQ(unchanged["unchanged"], 2);
  EXPECT_EQ(unchanged["ocr_pages"], 0);
}

}  // namespace
}  // namespace vanban::indexer
