// Ingest into a sharded archive, each shard written by its own thread: the same documents as
// one database holds, each in the shard its id picks; re-runs skip what did not change, a
// changed file moves to its new content's shard and leaves the old one, a path left in two
// shards by a kill is kept by one, and a shard that cannot be written stops the whole run.
#include <map>

#include <gtest/gtest.h>
#include <xapian.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/digest.hpp"
#include "vanban/indexer/ingest.hpp"

#include "disk_layout.hpp"
#include "indexer_fixtures.hpp"
#include "schema.hpp"
#include "shard_layout.hpp"

namespace vanban::indexer {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::write_file;

constexpr std::size_t kShards = 3;
constexpr int kFiles = 60;

std::string plan_text(int number, const std::string& edit = "") {
  const std::string n = std::to_string(number);
  return "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: " + n + "/KH-UBND\nHà Nam, ngày 3 tháng 4 năm 2026\n" +
         "KẾ HOẠCH\nTriển khai công tác chuyển đổi số năm 2026 đợt " + n + edit +
         "\nCác sở, ban, ngành thực hiện nội dung kế hoạch số " + n + " và báo cáo kết quả.\n";
}

void write_plans(const fs::path& folder) {
  for (int i = 0; i < kFiles; ++i)
    write_file(
        folder / ("thang-" + std::to_string(i % 6 + 1)) / ("kh-" + std::to_string(i) + ".txt"),
        plan_text(i));
  // The same bytes under two more paths: one document, in one shard.
  write_file(folder / "ban-sao" / "kh-3.txt", plan_text(3));
  write_file(folder / "ban-sao" / "kh-7.txt", plan_text(7));
}

std::string id_of(const std::string& bytes) {
  return archive::sha256_hex(bytes).substr(0, 16);
}

// Where a document is: its shard (0 for one database), its sha256, its paths and terms.
struct Placed {
  std::size_t shard = 0;
  std::string sha;
  std::vector<std::string> paths;
  std::vector<std::string> terms;
};

// Every document of the archive, by id; a document found twice fails the test.
std::map<std::string, Placed> documents_of(const fs::path& db, std::size_t shards) {
  std::map<std::string, Placed> found;
  for (std::size_t shard = 0; shard < std::max<std::size_t>(shards, 1); ++shard) {
    const fs::path dir = shards ? archive::shard_dir(db, shard) : db;
    const Xapian::Database database(archive::xapian_dir(dir).string());
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
      const Xapian::Document document = database.get_document(*it);
      Placed placed;
      placed.shard = shard;
      placed.sha = document.get_value(archive::schema::kShaSlot);
      placed.paths =
          archive::schema::unserialise_list(document.get_value(archive::schema::kPathsSlot));
      std::sort(placed.paths.begin(), placed.paths.end());
      for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term)
        placed.terms.push_back(*term);
      const std::string id = placed.sha.substr(0, 16);
      EXPECT_FALSE(found.contains(id)) << id << " in two places";
      found[id] = std::move(placed);
    }
  }
  return found;
}

// The shard of each archived path; a path in two shards fails the test.
std::map<std::string, std::size_t> shard_of_paths(const std::map<std::string, Placed>& documents) {
  std::map<std::string, std::size_t> shards;
  for (const auto& entry : documents)
    for (const std::string& path : entry.second.paths) {
      EXPECT_FALSE(shards.contains(path)) << path << " held twice";
      shards[path] = entry.second.shard;
    }
  return shards;
}

std::vector<Xapian::rev> revisions(const fs::path& db) {
  std::vector<Xapian::rev> revs;
  for (std::size_t shard = 0; shard < kShards; ++shard)
    revs.push_back(Xapian::Database(archive::xapian_dir(archive::shard_dir(db, shard)).string())
                       .get_revision());
  return revs;
}

class ShardedIngest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(archive::Archive(sharded_.path()).use_shards(kShards).ok()); }

  static Result<IngestSummary> run_on(const fs::path& db, const fs::path& folder,
                                      bool prune = false) {
    auto writer = archive::Archive(db).open_writer();
    if (!writer) return writer.error();
    IngestOptions options;
    options.inputs = {folder};
    options.jobs = 2;
    options.prune = prune;
    auto summary = ingest(**writer, options);
    if (const Status closed = (*writer)->close(); !closed && summary) return closed.error();
    return summary;
  }

  IngestSummary run(bool prune = false) {
    auto summary = run_on(sharded_.path(), files_.path(), prune);
    EXPECT_TRUE(summary.ok()) << summary.error().message;
    return summary.ok() ? std::move(summary).value() : IngestSummary{};
  }

  void expect_checks() {
    const Result<archive::CheckReport> report = archive::Archive(sharded_.path()).check();
    ASSERT_TRUE(report.ok()) << report.error().message;
    for (const archive::CheckProblem& problem : report->problems)
      ADD_FAILURE() << problem.id << ": " << problem.message;
    EXPECT_EQ(report->orphans, 0u);
  }

  TempDir sharded_;
  TempDir files_;
};

TEST_F(ShardedIngest, each_shard_on_its_own_thread_holds_what_one_database_holds) {
  write_plans(files_.path());
  TempDir one;
  const auto single = run_on(one.path(), files_.path());
  ASSERT_TRUE(single.ok()) << single.error().message;
  const IngestSummary sharded = run();

  EXPECT_EQ(single->pipeline.writers, 1u);
  EXPECT_EQ(sharded.pipeline.writers, kShards);
  EXPECT_GT(sharded.pipeline.writer_cpu, 0.0);
  EXPECT_LE(sharded.pipeline.writer_wall, kShards * sharded.seconds + 1e-6);
  EXPECT_EQ(sharded.added, single->added);
  EXPECT_EQ(sharded.updated, single->updated) << "the copies join their documents";
  EXPECT_EQ(sharded.files, single->files);
  EXPECT_TRUE(sharded.failed.empty());

  const auto expected = documents_of(one.path(), 0);
  const auto documents = documents_of(sharded_.path(), kShards);
  ASSERT_EQ(expected.size(), static_cast<std::size_t>(kFiles));
  ASSERT_EQ(documents.size(), expected.size());
  std::vector<std::size_t> per_shard(kShards, 0);
  for (const auto& [id, placed] : documents) {
    ASSERT_TRUE(expected.contains(id)) << id;
    const Placed& alone = expected.at(id);
    EXPECT_EQ(placed.shard, archive::shard_of(id, kShards)) << id;
    EXPECT_EQ(placed.paths, alone.paths) << id;
    EXPECT_EQ(placed.terms, alone.terms) << id << ": the same entry as in one database";
    ++per_shard[placed.shard];
  }
  for (std::size_t shard = 0; shard < kShards; ++shard)
    EXPECT_GT(per_shard[shard], 0u) << "every shard was written";
  EXPECT_EQ(documents.at(id_of(plan_text(3))).paths.size(), 2u);
  expect_checks();
}

TEST_F(ShardedIngest, a_rerun_skips_the_unchanged_and_a_changed_file_moves_to_its_content_s_shard) {
  write_plans(files_.path());
  run();
  const std::vector<Xapian::rev> before = revisions(sharded_.path());
  const IngestSummary again = run();
  EXPECT_EQ(again.unchanged, static_cast<std::uint64_t>(kFiles + 2));
  EXPECT_EQ(again.added + again.updated, 0u);
  EXPECT_EQ(revisions(sharded_.path()), before) << "an unchanged re-run writes nothing";

  // Ten files edited: each new content's shard picks where its path goes.
  std::size_t moving = 0;
  std::map<std::string, std::string> edited;  // path → new id
  for (int i = 20; i < 30; ++i) {
    const std::string path =
        "thang-" + std::to_string(i % 6 + 1) + "/kh-" + std::to_string(i) + ".txt";
    const std::string text = plan_text(i, " (sửa đổi)");
    write_file(files_.path() / path, text);
    edited[path] = id_of(text);
    if (archive::shard_of(id_of(text), kShards) != archive::shard_of(id_of(plan_text(i)), kShards))
      ++moving;
  }
  ASSERT_GT(moving, 0u) << "some edits change shards (content-dependent: pick other edits)";
  ASSERT_LT(moving, 10u) << "and some stay";
  const IngestSummary changed = run();
  EXPECT_EQ(changed.updated, 10u);
  EXPECT_EQ(changed.unchanged, static_cast<std::uint64_t>(kFiles + 2 - 10));
  EXPECT_TRUE(changed.failed.empty());

  const auto documents = documents_of(sharded_.path(), kShards);
  EXPECT_EQ(documents.size(), static_cast<std::size_t>(kFiles));
  const auto shards = shard_of_paths(documents);
  for (const auto& [path, id] : edited) {
    ASSERT_TRUE(documents.contains(id)) << path;
    EXPECT_EQ(documents.at(id).paths, std::vector<std::string>{path});
    EXPECT_EQ(shards.at(path), archive::shard_of(id, kShards)) << path;
  }
  for (int i = 20; i < 30; ++i)
    EXPECT_FALSE(documents.contains(id_of(plan_text(i)))) << "the old content is gone";
  expect_checks();  // no orphan original or text left behind in the old shards

  // A copy removed and pruned: its document keeps the other path.
  fs::remove(files_.path() / "ban-sao" / "kh-3.txt");
  const IngestSummary pruned = run(/*prune=*/true);
  EXPECT_EQ(pruned.removed, 1u);
  EXPECT_EQ(documents_of(sharded_.path(), kShards).at(id_of(plan_text(3))).paths,
            std::vector<std::string>{"thang-4/kh-3.txt"});
}

// What a kill between two shards' commits can leave: a path held by the shard of its old
// content and by the shard of its new one. The next run writes it again: the new content's
// shard keeps it, the other lets it go. A path held once, by its own shard, stays unchanged.
TEST_F(ShardedIngest, a_path_left_in_two_shards_by_a_kill_is_kept_by_its_content_s_shard) {
  // Contents of one path whose shards differ.
  const std::string old_text = plan_text(1);
  std::string new_text;
  for (int edit = 0; new_text.empty(); ++edit) {
    const std::string text = plan_text(1, " lần " + std::to_string(edit));
    if (archive::shard_of(id_of(text), kShards) != archive::shard_of(id_of(old_text), kShards))
      new_text = text;
  }
  write_file(files_.path() / "kh-1.txt", old_text);
  write_file(files_.path() / "kh-2.txt", plan_text(2));
  run();
  // The new content put straight into its shard, as if the kill came after that shard's commit
  // and before the old shard's.
  write_file(files_.path() / "kh-1.txt", new_text);
  const std::size_t new_shard = archive::shard_of(id_of(new_text), kShards);
  {
    TempDir only;
    write_file(only.path() / "kh-1.txt", new_text);
    const auto direct = run_on(archive::shard_dir(sharded_.path(), new_shard), only.path());
    ASSERT_TRUE(direct.ok()) << direct.error().message;
    ASSERT_EQ(direct->added, 1u);
  }
  const auto shards_before = documents_of(sharded_.path(), kShards);
  ASSERT_TRUE(shards_before.contains(id_of(old_text)));
  ASSERT_TRUE(shards_before.contains(id_of(new_text)));

  const IngestSummary summary = run();
  EXPECT_EQ(summary.updated, 1u) << "taken off the old content's shard";
  EXPECT_EQ(summary.unchanged, 1u) << "kh-2.txt, held once";
  const auto documents = documents_of(sharded_.path(), kShards);
  EXPECT_FALSE(documents.contains(id_of(old_text)));
  ASSERT_TRUE(documents.contains(id_of(new_text)));
  EXPECT_EQ(documents.at(id_of(new_text)).shard, new_shard);
  EXPECT_EQ(shard_of_paths(documents).size(), 2u);
  expect_checks();
}

// One shard's disk fails mid-run (its originals' folder turned into a file): the run stops
// with the archive's error, the other shards' threads stop too (no hang), what was committed
// checks, and the next run, the disk back, completes.
TEST_F(ShardedIngest, a_shard_that_cannot_be_written_stops_the_run_and_the_next_run_completes) {
  write_plans(files_.path());
  const fs::path originals = archive::originals_dir(archive::shard_dir(sharded_.path(), 1));
  {
    auto writer = archive::Archive(sharded_.path()).open_writer();
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    fs::remove_all(originals);
    write_file(originals, "not a folder");
    IngestOptions options;
    options.inputs = {files_.path()};
    options.jobs = 2;
    auto summary = ingest(**writer, options);
    ASSERT_FALSE(summary.ok());
    EXPECT_EQ(summary.error().kind, ErrorKind::io);
    EXPECT_NE(summary.error().message.find("cannot write the archive"), std::string::npos)
        << summary.error().message;
    (void)(*writer)->close();
  }
  fs::remove(originals);
  const IngestSummary completed = run();
  EXPECT_TRUE(completed.failed.empty());
  EXPECT_EQ(documents_of(sharded_.path(), kShards).size(), static_cast<std::size_t>(kFiles));
  expect_checks();
}

}  // namespace
}  // namespace vanban::indexer
