// `vanban watch`: files written into a watched folder become searchable, whole, without a new
// command; bad files get the same per-file error as `vanban index`; stopping and starting again
// catches up with what changed meanwhile.
#include <chrono>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vanban/archive/archive.hpp"

#include "indexer_fixtures.hpp"

namespace vanban::indexer {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

pid_t spawn_watch(const fs::path& db, const fs::path& folder, const fs::path& output) {
  const std::string binary = testing::vanban_binary().string();
  const pid_t child = ::fork();
  if (child == 0) {
    if (std::freopen(output.c_str(), "a", stdout) == nullptr) _exit(126);
    if (std::freopen("/dev/null", "w", stderr) == nullptr) _exit(126);
    ::execl(binary.c_str(), binary.c_str(), "watch", "--settle-ms", "200", "--db", db.c_str(),
            folder.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return child;
}

std::uint64_t hits(const fs::path& db, const std::string& query) {
  if (!archive::Archive(db).indexed()) return 0;
  auto searcher = archive::Archive(db).open_searcher();
  if (!searcher.ok()) return 0;
  archive::SearchRequest request;
  request.query = query;
  const auto response = (*searcher)->search(request);
  return response.ok() ? response->total : 0;
}

// Polls until `query` finds a document. The deadline only keeps a broken watcher from hanging
// the suite; it is far above any settle time.
bool becomes_searchable(const fs::path& db, const std::string& query) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (std::chrono::steady_clock::now() < give_up) {
    if (hits(db, query) > 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

int stop(pid_t child) {
  ::kill(child, SIGTERM);
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(Watch, a_file_written_in_pieces_is_indexed_whole_and_a_restart_catches_up) {
  TempDir dir;
  const fs::path folder = dir / "den";
  fs::create_directories(folder);
  const pid_t child = spawn_watch(dir / "db", folder, dir / "out.txt");
  ASSERT_GT(child, 0);

  {
    std::ofstream file(folder / "tb-7.txt", std::ios::binary);
    file << "THÔNG BÁO\nSố: 7/TB-UBND\nVề lịch tiếp công dân\n" << std::flush;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    file << "Nội dung đoạn cuối: khánh thành nhà văn hóa thôn Đông.\n";
  }
  EXPECT_TRUE(becomes_searchable(dir / "db", "\"nhà văn hóa thôn Đông\""));
  EXPECT_EQ(hits(dir / "db", "\"lịch tiếp công dân\""), 1U);

  testing::write_file(folder / "hong.txt", std::string(4096, '\0'));
  testing::write_file(folder / "kh-9.txt", "KẾ HOẠCH\nSố: 9/KH-UBND\nVề tổ chức hội thao\n");
  EXPECT_TRUE(becomes_searchable(dir / "db", "\"tổ chức hội thao\""));
  EXPECT_EQ(stop(child), 0);
  const std::string out = testing::read_file(dir / "out.txt");
  EXPECT_NE(out.find("LỖI hong.txt"), std::string::npos) << out;

  // Written while nobody watches: read by the first pass of the next start.
  testing::write_file(folder / "con" / "cv-3.txt", "CÔNG VĂN\nSố: 3/UBND-VP\nVề trực Tết\n");
  const pid_t again = spawn_watch(dir / "db", folder, dir / "out.txt");
  ASSERT_GT(again, 0);
  EXPECT_TRUE(becomes_searchable(dir / "db", "\"trực Tết\""));
  // A folder created while watching is watched too.
  testing::write_file(folder / "moi" / "tb-8.txt", "THÔNG BÁO\nSố: 8/TB-UBND\nVề họp giao ban\n");
  EXPECT_TRUE(becomes_searchable(dir / "db", "\"họp giao ban\""));
  EXPECT_EQ(stop(again), 0);
  EXPECT_EQ(archive::Archive(dir / "db").check()->problems.size(), 0U);
}

TEST(Watch, a_missing_folder_is_a_usage_error) {
  TempDir dir;
  const std::string command = testing::vanban_binary().string() + " watch --db '" +
                              (dir / "db").string() + "' '" + (dir / "none").string() +
                              "' >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_FALSE(fs::exists(dir / "db"));
}

}  // namespace
}  // namespace vanban::indexer
