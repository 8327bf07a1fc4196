// Writing a sharded archive: each document in the shard its id picks, a path in one shard
// only, `vanban check` over every shard, and the shard count fixed once chosen.
#include <thread>

#include <gtest/gtest.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/digest.hpp"

#include "blob_store.hpp"
#include "search_fixtures.hpp"
#include "shard_layout.hpp"

namespace vanban::testing {
namespace {

constexpr std::size_t kShards = 3;

Doc numbered(int i, const std::string& body = "nội dung") {
  return Doc{.name = "doc" + std::to_string(i) + ".txt",
             .number = std::to_string(i) + "/KH-UBND",
             .title = "Kế hoạch số " + std::to_string(i),
             .body = body};
}

archive::PutOutcome put(archive::ArchiveWriter& writer, const Doc& doc) {
  std::string original;
  const archive::ArchivedDocument document = archived_of(doc, original);
  auto outcome = writer.put(doc.name, original, document);
  EXPECT_TRUE(outcome.ok()) << outcome.error().message;
  return outcome ? *outcome : archive::PutOutcome::unchanged;
}

std::uint64_t documents_in(const std::filesystem::path& archive_dir) {
  auto searcher = archive::Archive(archive_dir).open_searcher();
  EXPECT_TRUE(searcher.ok());
  auto count = (*searcher)->document_count();
  return count ? *count : 0;
}

TEST(ShardWriter, each_document_lands_in_the_shard_its_id_picks) {
  TempDir dir;
  const archive::Archive archive(dir.path());
  ASSERT_TRUE(archive.use_shards(kShards).ok());
  auto writer = archive.open_writer();
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  std::vector<std::string> ids;
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(put(**writer, numbered(i)), archive::PutOutcome::added);
    ids.push_back((*writer)->source(numbered(i).name)->document_id);
  }
  ASSERT_TRUE((*writer)->commit().ok());
  EXPECT_EQ((*writer)->document_count(), 30u);
  writer->reset();
  std::vector<std::uint64_t> per_shard(kShards, 0);
  for (const std::string& id : ids) {
    for (std::size_t shard = 0; shard < kShards; ++shard) {
      auto searcher = archive::Archive(archive::shard_dir(dir.path(), shard)).open_searcher();
      ASSERT_TRUE(searcher.ok());
      const bool here = (*searcher)->archived(id).ok();
      EXPECT_EQ(here, shard == archive::shard_of(id, kShards)) << id << " shard " << shard;
      per_shard[shard] += here ? 1 : 0;
    }
  }
  for (std::size_t shard = 0; shard < kShards; ++shard)
    EXPECT_GT(per_shard[shard], 0u) << "30 documents leave no shard empty";
  EXPECT_EQ(documents_in(dir.path()), 30u);  // the archive read as one
  EXPECT_EQ(archive.shards().size(), kShards);
}

TEST(ShardWriter, a_changed_file_moves_to_its_new_shard_and_leaves_the_old_one) {
  TempDir dir;
  const archive::Archive archive(dir.path());
  ASSERT_TRUE(archive.use_shards(kShards).ok());
  auto writer = archive.open_writer();
  ASSERT_TRUE(writer.ok());
  const Doc first = numbered(1, "bản đầu");
  put(**writer, first);
  const std::string first_id = (*writer)->source(first.name)->document_id;
  // New content for the same path, in another shard than the first.
  Doc changed = first;
  for (int edit = 0;; ++edit) {
    changed.body = "bản sửa " + std::to_string(edit);
    std::string original;
    (void)archived_of(changed, original);
    if (archive::shard_of(archive::sha256_hex(original).substr(0, 16), kShards) !=
        archive::shard_of(first_id, kShards))
      break;
  }
  EXPECT_EQ(put(**writer, changed), archive::PutOutcome::updated);
  EXPECT_EQ(put(**writer, changed), archive::PutOutcome::unchanged);
  ASSERT_TRUE((*writer)->commit().ok());
  EXPECT_EQ((*writer)->document_count(), 1u);
  EXPECT_EQ((*writer)->source_paths(), std::vector<std::string>{first.name});
  EXPECT_NE((*writer)->source(first.name)->document_id, first_id);
  ASSERT_TRUE((*writer)->remove_path(first.name).ok());
  ASSERT_TRUE((*writer)->commit().ok());
  EXPECT_EQ((*writer)->document_count(), 0u);
}

TEST(ShardWriter, check_covers_every_shard) {
  TempDir dir;
  const archive::Archive archive(dir.path());
  ASSERT_TRUE(archive.use_shards(kShards).ok());
  std::string damaged_id;
  {
    auto writer = archive.open_writer();
    ASSERT_TRUE(writer.ok());
    for (int i = 0; i < 12; ++i)
      put(**writer, numbered(i));
    ASSERT_TRUE((*writer)->commit().ok());
    const auto state = (*writer)->source(numbered(4).name);
    damaged_id = state->document_id;
    const auto shard = archive::shard_dir(dir.path(), archive::shard_of(damaged_id, kShards));
    write_file(archive::BlobStore(shard / "originals").path_of(state->sha256), "bị hỏng");
  }
  const auto report = archive.check();
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->documents, 12u);
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_EQ(report->problems[0].id, damaged_id);
  EXPECT_NE(report->problems[0].message.find("shard-0"), std::string::npos);
}

TEST(ShardWriter, the_shard_count_is_fixed_once_chosen) {
  TempDir dir;
  EXPECT_TRUE(archive::Archive(dir / "sharded").use_shards(2).ok());
  EXPECT_TRUE(archive::Archive(dir / "sharded").use_shards(2).ok());
  const auto other = archive::Archive(dir / "sharded").use_shards(3);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().kind, ErrorKind::invalid_argument);
  EXPECT_FALSE(other.error().user_message.empty());

  SearchArchive plain{numbered(1)};
  const auto unsharded = archive::Archive(plain.path()).use_shards(2);
  ASSERT_FALSE(unsharded.ok());
  EXPECT_EQ(unsharded.error().kind, ErrorKind::invalid_argument);
  EXPECT_FALSE(archive::Archive(dir / "sharded").use_shards(0).ok());
}

// The parts the indexer writes on their own threads are the shards: a document's part is the
// shard its id picks, and the parts written at the same time, each by one thread, make the
// archive that the sharded writer's own put() makes.
TEST(ShardWriter, its_parts_are_the_shards_each_writable_on_its_own_thread) {
  TempDir dir;
  const archive::Archive archive(dir.path());
  ASSERT_TRUE(archive.use_shards(kShards).ok());
  auto writer = archive.open_writer();
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  ASSERT_EQ((*writer)->part_count(), kShards);
  std::vector<std::vector<int>> of_part(kShards);
  for (int i = 0; i < 30; ++i) {
    std::string original;
    (void)archived_of(numbered(i), original);
    const archive::Original bytes(original);
    const std::size_t part = (*writer)->part_of(bytes);
    EXPECT_EQ(part, archive::shard_of(bytes.sha256().substr(0, 16), kShards));
    of_part[part].push_back(i);
  }
  {
    std::vector<std::jthread> threads;
    for (std::size_t part = 0; part < kShards; ++part)
      threads.emplace_back([&, part] {
        archive::ArchiveWriter& shard = (*writer)->part(part);
        for (const int i : of_part[part])
          EXPECT_EQ(put(shard, numbered(i)), archive::PutOutcome::added);
        EXPECT_TRUE(shard.commit().ok());
      });
  }
  EXPECT_EQ((*writer)->document_count(), 30u);
  for (int i = 0; i < 30; ++i)
    EXPECT_TRUE((*writer)->source(numbered(i).name).has_value()) << i;
  ASSERT_TRUE((*writer)->close().ok());
  EXPECT_EQ(documents_in(dir.path()), 30u);
  const auto report = archive.check();
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->problems.empty());
}

TEST(ShardWriter, one_database_is_one_part_itself) {
  TempDir dir;
  auto writer = archive::Archive(dir.path()).open_writer();
  ASSERT_TRUE(writer.ok());
  EXPECT_EQ((*writer)->part_count(), 1u);
  EXPECT_EQ(&(*writer)->part(0), writer->get());
  EXPECT_EQ((*writer)->part_of(archive::Original("bất kỳ")), 0u);
}

// Compaction runs shard by shard on threads of their own: every shard compacted, the counts
// summed, the archive unchanged in content.
TEST(ShardWriter, compaction_compacts_every_shard) {
  TempDir dir;
  const archive::Archive archive(dir.path());
  ASSERT_TRUE(archive.use_shards(kShards).ok());
  auto writer = archive.open_writer();
  ASSERT_TRUE(writer.ok());
  for (int i = 0; i < 30; ++i)
    put(**writer, numbered(i));
  const auto report = (*writer)->compact();
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->compacted);
  EXPECT_EQ(report->documents, 30u);
  EXPECT_EQ(report->written, 30u);
  EXPECT_GT(report->bytes_before, 0u);
  EXPECT_GT(report->bytes_after, 0u);
  // Still written after the swap, into every shard.
  for (int i = 30; i < 36; ++i)
    EXPECT_EQ(put(**writer, numbered(i)), archive::PutOutcome::added);
  ASSERT_TRUE((*writer)->close().ok());
  EXPECT_EQ(documents_in(dir.path()), 36u);
  const auto checked = archive.check();
  ASSERT_TRUE(checked.ok()) << checked.error().message;
  EXPECT_TRUE(checked->problems.empty());
}

}  // namespace
}  // namespace vanban::testing
