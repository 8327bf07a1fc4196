// Folders and files that must not stop or widen a run: an unreadable subfolder, links out of the
// indexed folder, a file of NUL bytes, a text too long to keep whole, many large files at once.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"
#include "vanban/indexer/ingest.hpp"
#include "vanban/indexer/reader.hpp"

#include "indexer_fixtures.hpp"
#include "unprivileged.hpp"

namespace vanban::indexer {
namespace {

using testing::in_unprivileged_child;
using testing::TempDir;
using testing::write_file;
namespace fs = std::filesystem;

bool has_note(const std::vector<FileNote>& notes, const std::string& path,
              const std::string& word) {
  return std::any_of(notes.begin(), notes.end(), [&](const FileNote& note) {
    return note.path == path && note.message.find(word) != std::string::npos;
  });
}

Result<IngestSummary> ingest_folder(const fs::path& db, const fs::path& folder,
                                    IngestOptions options = {}) {
  auto writer = archive::Archive(db).open_writer();
  if (!writer) return writer.error();
  options.inputs = {folder};
  if (options.jobs == 0) options.jobs = 2;
  return ingest(**writer, options);
}

TEST(WalkFaults, an_unreadable_subfolder_is_reported_and_the_rest_is_indexed) {
  TempDir files;
  TempDir db;
  write_file(files / "a-khoa" / "an.txt", "Thông báo trong thư mục bị khóa");
  write_file(files / "b" / "mot.txt", "Thông báo số một");
  write_file(files / "c" / "hai.txt", "Thông báo số hai");
  ::chmod((files / "a-khoa").c_str(), 0);
  ::chmod(db.path().c_str(), 0777);
  const int result = in_unprivileged_child([&] {
    auto summary = ingest_folder(db / "kho", files.path());
    if (!summary) return 1;
    if (summary->added != 2) return 2;
    if (!has_note(summary->failed, "a-khoa", "cannot list folder")) return 3;
    return 0;
  });
  ::chmod((files / "a-khoa").c_str(), 0755);
  EXPECT_EQ(result, 0) << "1: ingest failed, 2: not every readable file was indexed, 3: the "
                          "unreadable folder was not reported, 100: cannot drop root";
}

TEST(WalkFaults, links_out_of_the_folder_are_not_followed_and_links_inside_are) {
  TempDir outside;
  TempDir files;
  TempDir db;
  write_file(outside / "mat.txt", "Tài liệu mật ngoài thư mục");
  write_file(files / "that.txt", "Thông báo thật");
  fs::create_symlink(outside / "mat.txt", files / "lien-ket-ra-ngoai.txt");
  fs::create_directories(files / "con");
  fs::create_symlink("../that.txt", files / "con" / "ban-sao.txt");
  auto summary = ingest_folder(db.path(), files.path());
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_TRUE(has_note(summary->skipped, "lien-ket-ra-ngoai.txt", "outside the folder"));
  EXPECT_EQ(summary->added, 1u);    // that.txt
  EXPECT_EQ(summary->updated, 1u);  // the same bytes under con/ban-sao.txt
  auto writer = archive::Archive(db.path()).open_writer();
  ASSERT_TRUE(writer.ok());
  EXPECT_FALSE((*writer)->source("lien-ket-ra-ngoai.txt").has_value());
  EXPECT_TRUE((*writer)->source("con/ban-sao.txt").has_value());
}

TEST(WalkFaults, a_file_of_nul_bytes_is_reported_as_having_no_text) {
  TempDir files;
  TempDir db;
  write_file(files / "rong.txt", std::string(1024 * 1024, '\0'));
  write_file(files / "trang.txt", std::string(1000, ' ') + "\n\n\t");
  write_file(files / "that.txt", "Thông báo thật");
  auto summary = ingest_folder(db.path(), files.path());
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->added, 1u);
  EXPECT_TRUE(has_note(summary->failed, "rong.txt", "no text"));
  EXPECT_TRUE(has_note(summary->failed, "trang.txt", "no text"));
}

TEST(WalkFaults, a_text_over_the_limit_is_cut_with_a_warning) {
  std::string text;
  while (text.size() < 3 * 1024 * 1024)
    text += "Điều khoản thi hành của văn bản dài.\n";
  ReadOptions options;
  options.max_text_bytes = 1024 * 1024;
  auto read = read_document("dai.txt", text, options);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_LE(read->text.size(), options.max_text_bytes);
  EXPECT_GT(read->text.size(), options.max_text_bytes / 2);
  EXPECT_TRUE(read->text.ends_with("dài."));
  // Read no further than twice the limit and a megabyte (what UTF-16 would need), then cut.
  ASSERT_EQ(read->warnings.size(), 2u);
  EXPECT_NE(read->warnings[0].find("read the first 3145") /* 3 MB, at a line's end */,
            std::string::npos)
      << read->warnings[0];
  EXPECT_NE(read->warnings[1].find("cut"), std::string::npos);
}

// UTF-16 takes two bytes for a character UTF-8 writes in one: the reading stops past twice the
// limit, at a line's end (a UTF-16 line feed whole), and still gives the limit's text.
TEST(WalkFaults, a_utf16_text_over_the_limit_is_read_to_the_limit_and_no_further) {
  std::string utf16 = "\xFF\xFE";  // UTF-16LE's byte order mark
  const std::u16string line = u"Khoan 1. Quy dinh chung ve van ban.\n";
  while (utf16.size() < 8 * 1024 * 1024)
    for (const char16_t unit : line) {
      utf16 += static_cast<char>(unit & 0xFF);
      utf16 += static_cast<char>(unit >> 8);
    }
  ReadOptions options;
  options.max_text_bytes = 1024 * 1024;
  auto read = read_document("utf16.txt", utf16, options);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_LE(read->text.size(), options.max_text_bytes);
  EXPECT_GT(read->text.size(), options.max_text_bytes - 64);
  EXPECT_TRUE(read->text.ends_with("van ban."));
  for (const std::string& warning : read->warnings)
    EXPECT_EQ(warning.find("replaced"), std::string::npos) << warning;
  ASSERT_FALSE(read->warnings.empty());
  EXPECT_NE(read->warnings.front().find("text limit reached"), std::string::npos);
}

TEST(WalkFaults, files_larger_than_the_byte_budget_are_all_indexed_one_at_a_time) {
  TempDir files;
  TempDir db;
  for (int i = 0; i < 6; ++i) {
    std::string text = "Thông báo số " + std::to_string(i) + "\n";
    while (text.size() < 256 * 1024)
      text += "Nội dung của thông báo.\n";
    write_file(files / ("tb-" + std::to_string(i) + ".txt"), text);
  }
  IngestOptions options;
  options.bytes_in_flight = 100 * 1024;  // below any one file: each goes alone
  auto summary = ingest_folder(db.path(), files.path(), options);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->added, 6u);
  EXPECT_TRUE(summary->failed.empty());
}

// A stored file's entry is freed by a worker, and its bytes stay in the budget until then: one
// worker, one file in flight and a budget below any file must still free each to make room for
// the next, never wait for room that only it could make.
TEST(WalkFaults, one_worker_frees_what_was_stored_to_make_room_for_the_next_file) {
  TempDir files;
  TempDir db;
  for (int i = 0; i < 5; ++i) {
    std::string text = "Thông báo số " + std::to_string(i) + "\n";
    while (text.size() < 64 * 1024)
      text += "Nội dung của thông báo.\n";
    write_file(files / ("tb-" + std::to_string(i) + ".txt"), text);
  }
  IngestOptions options;
  options.jobs = 1;
  options.files_in_flight = 1;
  options.bytes_in_flight = 16 * 1024;
  auto summary = ingest_folder(db.path(), files.path(), options);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->added, 5u);
  EXPECT_EQ(summary->pipeline.workers, 1u);
  EXPECT_TRUE(summary->failed.empty());
}

}  // namespace
}  // namespace vanban::indexer
