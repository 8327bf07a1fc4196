// Folders and files that must not stop or widen a run: an unreadable subfolder, links out of the
// indexed folder, a file of NUL bytes, a text too long to keep whole, many large files at once,
// files swapped for FIFOs, devices or links out after the walk, sidecars linked out.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <future>
#include <string>
#include <vector>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"
#include "vanban/indexer/ingest.hpp"
#include "vanban/indexer/metadata.hpp"
#include "vanban/indexer/reader.hpp"

#include "formats.hpp"
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

// A file listed by the walk may be something else by the time it is opened: a FIFO (whose open
// blocks until a writer comes), a device that never ends, a link out of the indexed folder. And
// a sidecar is found by its name, so a link named like one could carry any file's bytes in. The
// reader judges the descriptor it opened, not the path: such a file is reported and skipped, the
// rest indexed. The swap is made deterministic by the reader's test seam, called just before
// each open.
std::string notes_text(const std::vector<FileNote>& notes) {
  std::string text;
  for (const FileNote& note : notes)
    text += note.path + ": " + note.message + "\n";
  return text;
}

// Swaps the files named in `swaps` (by file name) the first time the reader is about to open
// each, with `swap(path)`; the seam is cleared when the guard goes.
class SwapBeforeOpen {
 public:
  SwapBeforeOpen(std::vector<std::string> names, std::function<void(const fs::path&)> swap)
      : names_(std::move(names)), swapped_(names_.size()), swap_(std::move(swap)) {
    detail::before_open_for_test = [this](const fs::path& file) {
      const auto it = std::find(names_.begin(), names_.end(), file.filename().string());
      if (it == names_.end()) return;
      if (!swapped_[static_cast<std::size_t>(it - names_.begin())].exchange(true)) swap_(file);
    };
  }
  ~SwapBeforeOpen() { detail::before_open_for_test = nullptr; }
  SwapBeforeOpen(const SwapBeforeOpen&) = delete;
  SwapBeforeOpen& operator=(const SwapBeforeOpen&) = delete;

 private:
  std::vector<std::string> names_;
  std::vector<std::atomic<bool>> swapped_;
  std::function<void(const fs::path&)> swap_;
};

void replace_with_fifo(const fs::path& file) {
  fs::remove(file);
  ASSERT_EQ(::mkfifo(file.c_str(), 0644), 0);
}

// Runs `run` on its own thread. Should it block on one of `fifos` past the timeout, each is
// opened for writing and closed (the blocked reader then sees its end), so the test fails
// instead of hanging.
template <typename Run>
auto without_hanging(Run run, const std::vector<fs::path>& fifos, bool& hung) {
  auto done = std::async(std::launch::async, std::move(run));
  hung = done.wait_for(std::chrono::seconds(30)) != std::future_status::ready;
  while (hung && done.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
    for (const fs::path& fifo : fifos) {
      const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
      if (fd >= 0) ::close(fd);
    }
  }
  return done.get();
}

TEST(SwappedFiles, a_fifo_put_in_place_of_a_listed_file_or_sidecar_is_skipped_without_blocking) {
  TempDir files;
  TempDir db;
  write_file(files / "a.txt", "Thông báo số một");
  write_file(files / "b.txt", "Thông báo số hai");
  write_file(files / "c.txt", "Thông báo số ba");
  write_file(files / "c.txt.meta.json", R"({"number": "3/TB-UBND"})");
  SwapBeforeOpen swap({"b.txt", "c.txt.meta.json"}, replace_with_fifo);
  bool hung = false;
  auto summary = without_hanging([&] { return ingest_folder(db.path(), files.path()); },
                                 {files / "b.txt", files / "c.txt.meta.json"}, hung);
  EXPECT_FALSE(hung) << "the reader blocked on a FIFO";
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->added, 1u) << notes_text(summary->failed);  // a.txt
  EXPECT_TRUE(has_note(summary->failed, "b.txt", "not a regular file"))
      << notes_text(summary->failed);
  EXPECT_TRUE(has_note(summary->failed, "c.txt", "sidecar c.txt.meta.json: not a regular file"))
      << notes_text(summary->failed);
  const auto it = std::find_if(summary->failed.begin(), summary->failed.end(),
                               [](const FileNote& note) { return note.path == "b.txt"; });
  ASSERT_NE(it, summary->failed.end());
  EXPECT_EQ(it->user_message, "Không phải tệp thường (tệp FIFO, thiết bị hoặc socket), không đọc");
}

TEST(SwappedFiles, a_device_put_in_place_of_a_file_named_directly_is_refused) {
  TempDir dir;
  write_file(dir / "a.txt", "Thông báo số một");
  SwapBeforeOpen swap({"a.txt"}, [](const fs::path& file) {
    fs::remove(file);
    fs::create_symlink("/dev/zero", file);
  });
  auto read = read_file(dir / "a.txt");
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("not a regular file"), std::string::npos)
      << read.error().message;
}

// Control: the seam swapping nothing, the same files are read as before.
TEST(SwappedFiles, files_left_in_place_are_read_whole) {
  TempDir dir;
  write_file(dir / "a.txt", "Thông báo số một");
  write_file(dir / "a.txt.meta.json", R"({"number": "1/TB-UBND"})");
  write_file(dir / "rong.txt", "");
  SwapBeforeOpen swap({"khong-co.txt"}, replace_with_fifo);
  auto read = read_file(dir / "a.txt");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->text, "Thông báo số một");
  EXPECT_EQ(analyze(*read).number, "1/TB-UBND");
  auto empty = detail::read_bytes(dir / "rong.txt", 1024);
  ASSERT_TRUE(empty.ok()) << empty.error().message;
  EXPECT_TRUE(empty->empty());
  auto over = detail::read_bytes(dir / "a.txt", 4);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().kind, ErrorKind::too_large);
}

TEST(SwappedFiles, a_link_out_of_the_folder_swapped_in_after_the_walk_is_not_followed) {
  TempDir outside;
  TempDir files;
  TempDir db;
  write_file(outside / "mat.txt", "Tài liệu mật ngoài thư mục");
  write_file(files / "a.txt", "Thông báo số một");
  write_file(files / "b.txt", "Thông báo số hai");
  write_file(files / "c.txt", "Thông báo số ba");
  SwapBeforeOpen swap({"b.txt", "c.txt"}, [&](const fs::path& file) {
    fs::remove(file);
    // b.txt leads out; c.txt leads to a.txt, inside the folder (followed, as the walk does).
    fs::create_symlink(file.filename() == "b.txt" ? outside / "mat.txt" : files / "a.txt", file);
  });
  auto summary = ingest_folder(db.path(), files.path());
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_TRUE(has_note(summary->failed, "b.txt", "link to a file outside the folder"))
      << notes_text(summary->failed);
  EXPECT_EQ(summary->failed.size(), 1u) << notes_text(summary->failed);
  auto writer = archive::Archive(db.path()).open_writer();
  ASSERT_TRUE(writer.ok());
  EXPECT_FALSE((*writer)->source("b.txt").has_value());
  EXPECT_TRUE((*writer)->source("a.txt").has_value());
  EXPECT_TRUE((*writer)->source("c.txt").has_value());
}

TEST(SwappedFiles, a_sidecar_linked_out_of_the_indexed_folder_is_refused) {
  TempDir outside;
  TempDir files;
  TempDir db;
  write_file(outside / "mat.meta.json", R"({"number": "99/MAT"})");
  write_file(files / "kh.txt", "KẾ HOẠCH\nTriển khai công tác năm 2026\n");
  fs::create_symlink(outside / "mat.meta.json", files / "kh.txt.meta.json");
  // Control: a sidecar linked to a file inside the folder (another subfolder) is read.
  write_file(files / "chung" / "ubnd.meta.json", R"({"number": "15/KH-UBND"})");
  write_file(files / "con" / "kh2.txt", "KẾ HOẠCH\nTriển khai công tác năm 2027\n");
  fs::create_symlink("../chung/ubnd.meta.json", files / "con" / "kh2.meta.json");
  auto summary = ingest_folder(db.path(), files.path());
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_TRUE(has_note(summary->failed, "kh.txt",
                       "sidecar kh.txt.meta.json: link to a file outside the folder"))
      << notes_text(summary->failed);
  const auto it = std::find_if(summary->failed.begin(), summary->failed.end(),
                               [](const FileNote& note) { return note.path == "kh.txt"; });
  ASSERT_NE(it, summary->failed.end());
  EXPECT_EQ(it->user_message,
            "Không đọc được tệp siêu dữ liệu kh.txt.meta.json: liên kết tới tệp "
            "ngoài thư mục (không đi theo)");
  EXPECT_EQ(summary->added, 1u) << notes_text(summary->failed);  // con/kh2.txt
  auto writer = archive::Archive(db.path()).open_writer();
  ASSERT_TRUE(writer.ok());
  EXPECT_FALSE((*writer)->source("kh.txt").has_value());
  ASSERT_TRUE((*writer)->source("con/kh2.txt").has_value());
  EXPECT_FALSE((*writer)->source("con/kh2.txt")->sidecar_sha256.empty());
}

// A file named directly (`vanban extract`, `vanban index FILE`) may be read through a link, but
// its sidecar only from the folder it is named in.
TEST(SwappedFiles, the_sidecar_of_a_file_named_directly_is_read_only_from_its_own_folder) {
  TempDir outside;
  TempDir dir;
  write_file(outside / "mat.meta.json", R"({"number": "99/MAT"})");
  write_file(dir / "kh.txt", "KẾ HOẠCH\nTriển khai công tác năm 2026\n");
  fs::create_symlink(outside / "mat.meta.json", dir / "kh.txt.meta.json");
  auto read = read_file(dir / "kh.txt");
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("outside the folder"), std::string::npos)
      << read.error().message;
  // Control: linked to a file of its own folder, read.
  write_file(dir / "chung.json", R"({"number": "15/KH-UBND"})");
  write_file(dir / "kh2.txt", "KẾ HOẠCH\nTriển khai công tác năm 2027\n");
  fs::create_symlink("chung.json", dir / "kh2.meta.json");
  auto read2 = read_file(dir / "kh2.txt");
  ASSERT_TRUE(read2.ok()) << read2.error().message;
  EXPECT_EQ(analyze(*read2).number, "15/KH-UBND");
  // A document named through a link out of its folder is read (it was asked for by name).
  fs::create_symlink(outside / "mat.meta.json", dir / "ten.txt");
  auto named = read_file(dir / "ten.txt");
  ASSERT_TRUE(named.ok()) << named.error().message;
}

}  // namespace
}  // namespace vanban::indexer
