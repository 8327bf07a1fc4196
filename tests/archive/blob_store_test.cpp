#include "blob_store.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace vanban::archive {
namespace {

using testing::TempDir;

TEST(BlobStore, stores_original_under_its_sha256) {
  TempDir dir;
  BlobStore store(dir / "originals");
  const std::string bytes = "Kế hoạch số 32/KH-UBND\n";
  const Result<std::string> sha = store.put(bytes);
  ASSERT_TRUE(sha.ok()) << sha.error().message;
  EXPECT_EQ(*sha, sha256_hex(bytes));
  EXPECT_EQ(store.path_of(*sha), dir / "originals" / sha->substr(0, 2) / *sha);
  EXPECT_TRUE(store.contains(*sha));
  EXPECT_EQ(testing::read_file(store.path_of(*sha)), bytes);
  const Result<std::string> read = store.get(*sha);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(*read, bytes);
  EXPECT_TRUE(store.verify(*sha).ok());
}

TEST(BlobStore, sha256_matches_known_digest) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(BlobStore, storing_same_bytes_twice_keeps_one_file) {
  TempDir dir;
  BlobStore store(dir / "originals");
  ASSERT_TRUE(store.put("một").ok());
  ASSERT_TRUE(store.put("một").ok());
  const Result<std::vector<std::string>> listed = store.list();
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 1U);
}

TEST(BlobStore, write_leaves_no_temp_file_behind) {
  TempDir dir;
  BlobStore store(dir / "originals");
  const std::string bytes(std::string(1 << 20, 'x') + std::string("\0 NUL inside", 12));
  const Result<std::string> sha = store.put(bytes);
  ASSERT_TRUE(sha.ok());
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path())) {
    if (entry.is_regular_file()) {
      ++files;
      EXPECT_EQ(entry.path().filename().string(), *sha);
    }
  }
  EXPECT_EQ(files, 1U);
  EXPECT_EQ(testing::read_file(store.path_of(*sha)), bytes);
}

TEST(BlobStore, leftover_temp_files_are_not_originals_and_can_be_cleaned) {
  TempDir dir;
  BlobStore store(dir / "originals");
  const Result<std::string> sha = store.put("nội dung");
  ASSERT_TRUE(sha.ok());
  // What a write killed before its rename leaves: a partial temp file beside the originals.
  testing::write_file(store.path_of(*sha).parent_path() / ".tmp-deadbeef-1", "nội");
  const Result<std::vector<std::string>> listed = store.list();
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(*listed, std::vector<std::string>{*sha});
  EXPECT_EQ(store.remove_temp_files(), 1U);
  EXPECT_TRUE(store.verify(*sha).ok());
}

TEST(BlobStore, put_replaces_original_cut_short_by_a_crash) {
  TempDir dir;
  BlobStore store(dir / "originals");
  const std::string bytes = "Nghị quyết số 05/NQ-HĐND";
  const Result<std::string> sha = store.put_unsynced(Original(bytes));
  ASSERT_TRUE(sha.ok());
  // A rename that reached the disk before the file's data did.
  testing::write_file(store.path_of(*sha), "");
  ASSERT_TRUE(store.put_unsynced(Original(bytes)).ok());
  ASSERT_TRUE(store.sync().ok());
  EXPECT_TRUE(store.verify(*sha).ok());
  EXPECT_EQ(testing::read_file(store.path_of(*sha)), bytes);
}

TEST(BlobStore, unsynced_put_is_readable_at_once_and_sync_succeeds) {
  TempDir dir;
  BlobStore store(dir / "originals");
  EXPECT_TRUE(store.sync().ok());  // nothing stored yet
  const Result<std::string> sha = store.put_unsynced(Original("Công văn"));
  ASSERT_TRUE(sha.ok());
  EXPECT_TRUE(store.contains(*sha));
  EXPECT_TRUE(store.sync().ok());
  EXPECT_TRUE(store.verify(*sha).ok());
}

TEST(BlobStore, verify_detects_corrupt_original) {
  TempDir dir;
  BlobStore store(dir / "originals");
  const Result<std::string> sha = store.put("Quyết định số 40/2026/QĐ-UBND");
  ASSERT_TRUE(sha.ok());
  testing::write_file(store.path_of(*sha), "Quyết định số 41/2026/QĐ-UBND");
  const Status verified = store.verify(*sha);
  ASSERT_FALSE(verified.ok());
  EXPECT_EQ(verified.error().kind, ErrorKind::io);
  EXPECT_NE(verified.error().message.find("corrupt"), std::string::npos);
}

TEST(BlobStore, verify_detects_missing_original) {
  TempDir dir;
  BlobStore store(dir / "originals");
  const Result<std::string> sha = store.put("Chỉ thị");
  ASSERT_TRUE(sha.ok());
  ASSERT_TRUE(store.remove(*sha).ok());
  EXPECT_FALSE(store.contains(*sha));
  const Status verified = store.verify(*sha);
  ASSERT_FALSE(verified.ok());
  EXPECT_EQ(verified.error().kind, ErrorKind::not_found);
}

TEST(BlobStore, rejects_keys_that_are_not_digests) {
  TempDir dir;
  BlobStore store(dir / "originals");
  EXPECT_FALSE(store.contains("../../etc/passwd"));
  const Result<std::string> read = store.get("../../etc/passwd");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::invalid_argument);
}

}  // namespace
}  // namespace vanban::archive
