// A file listed by the walk may be something else by the time it is opened: a FIFO (whose open
// blocks until a writer comes), a device that never ends, a link out of the indexed folder. And
// a sidecar is found by its name, so a link named like one could carry any file's bytes in. The
// reader judges the descriptor it opened, not the path: such a file is reported and skipped, the
// rest indexed. The swap is made deterministic by the reader's test seam, called just before
// each open.
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

namespace vanban::indexer {
namespace {
// Named: the unity build joins test files whose helpers share names.
namespace swapped_files {

using testing::TempDir;
using testing::write_file;
namespace fs = std::filesystem;

bool has_note(const std::vector<FileNote>& notes, const std::string& path,
              const std::string& word) {
  return std::any_of(notes.begin(), notes.end(), [&](const FileNote& note) {
    return note.path == path && note.message.find(word) != std::string::npos;
  });
}

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

Result<IngestSummary> ingest_folder(const fs::path& db, const fs::path& folder) {
  auto writer = archive::Archive(db).open_writer();
  if (!writer) return writer.error();
  IngestOptions options;
  options.inputs = {folder};
  options.jobs = 2;
  return ingest(**writer, options);
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

}  // namespace swapped_files
}  // namespace
}  // namespace vanban::indexer
