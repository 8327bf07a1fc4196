// A reader of an archive stays at most one revision behind its writer while it reads
// (reader_pin.hpp): what Xapian's glass backend makes safe. Beyond that, the writer reuses the
// blocks the reader walks, and a read racing the write can see garbage Xapian does not detect
// (docs/RELIABILITY.md, "A reader two revisions behind"). Bounded by counts, never by time.
#include "reader_pin.hpp"

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <xapian.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"

#include "archive_fixtures.hpp"
#include "test_support.hpp"

namespace vanban::archive {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

constexpr int kPinnedPlans = 40;

void put_pinned_plan(ArchiveWriter& writer, int index) {
  const std::string number = std::to_string(index) + "/KH-UBND";
  const std::string title = "Kế hoạch ghim số " + std::to_string(index);
  const Result<PutOutcome> put =
      writer.put("ghim-" + std::to_string(index) + ".txt", testing::plan_bytes(number, title),
                 testing::plan_document(number, title));
  ASSERT_TRUE(put.ok()) << put.error().message;
}

// Reads every document's data and values and walks every term's postings: every block of the
// revision the database is at.
void read_everything(const Xapian::Database& database) {
  for (auto posting = database.postlist_begin(""); posting != database.postlist_end("");
       ++posting) {
    const Xapian::Document document = database.get_document(*posting);
    (void)document.get_data();
    for (auto value = document.values_begin(); value != document.values_end(); ++value)
      (void)*value;
  }
  for (auto term = database.allterms_begin(); term != database.allterms_end(); ++term)
    for (auto posting = database.postlist_begin(*term); posting != database.postlist_end(*term);
         ++posting)
      (void)posting.get_wdf();
}

// A writer of a new archive in `dir`, holding `count` plans committed.
std::unique_ptr<ArchiveWriter> writer_with_plans(const fs::path& dir, int count) {
  auto writer = Archive(dir).open_writer();
  if (!writer.ok()) {
    ADD_FAILURE() << writer.error().message;
    return nullptr;
  }
  for (int index = 1; index <= count; ++index)
    put_pinned_plan(**writer, index);
  EXPECT_TRUE((*writer)->commit().ok());
  return std::move(*writer);
}

// The revision `reader` reads, pinned once it is the newest (moved there by reopen()).
Result<std::optional<ReaderPin>> pin_reopening(const fs::path& dir, Xapian::Database& reader) {
  return pin_newest_revision(dir, reader, [&reader] { reader.reopen(); });
}

TEST(ReaderPin, a_stale_reader_is_moved_to_the_newest_commit_before_it_is_pinned) {
  TempDir dir;
  const auto writer = writer_with_plans(dir.path(), 1);
  ASSERT_NE(writer, nullptr);
  Xapian::Database reader = testing::open_reader(dir.path());
  const Xapian::rev first = reader.get_revision();
  ASSERT_NO_FATAL_FAILURE(put_pinned_plan(*writer, 2));
  ASSERT_TRUE(writer->commit().ok());

  auto pin = pin_reopening(dir.path(), reader);
  ASSERT_TRUE(pin.ok()) << pin.error().message;
  EXPECT_TRUE(pin->has_value());
  EXPECT_GT(reader.get_revision(), first);
  EXPECT_EQ(reader.get_revision(), testing::open_reader(dir.path()).get_revision());
  EXPECT_EQ(reader.get_doccount(), 2U);
}

// While a reader holds its revision, the writer's commit of the next one is made durable but
// does not return (it would write on over the reader's blocks); it returns once the reader is
// done.
TEST(ReaderPin, a_commit_returns_only_once_the_readers_of_the_revision_before_it_are_done) {
  TempDir dir;
  const auto writer = writer_with_plans(dir.path(), 1);
  ASSERT_NE(writer, nullptr);

  Xapian::Database reader = testing::open_reader(dir.path());
  const Xapian::rev pinned_revision = reader.get_revision();
  std::atomic<bool> returned{false};
  std::thread committer;
  {
    auto pin = pin_reopening(dir.path(), reader);
    ASSERT_TRUE(pin.ok() && pin->has_value());
    committer = std::thread([&] {
      put_pinned_plan(*writer, 2);
      EXPECT_TRUE(writer->commit().ok());
      returned = true;
    });
    // Until the next revision is on disk (a fresh reader sees it)...
    while (testing::open_reader(dir.path()).get_revision() == pinned_revision)
      std::this_thread::yield();
    // ... and well past the moment the commit itself is done (this reader reads its pinned
    // revision whole a few hundred times meanwhile), the call still waits for this reader.
    Xapian::Database fresh = testing::open_reader(dir.path());
    EXPECT_EQ(fresh.get_doccount(), 2U);
    for (int pass = 0; pass < 300; ++pass)
      read_everything(reader);
    EXPECT_EQ(reader.get_doccount(), 1U);
    EXPECT_FALSE(returned);
  }
  committer.join();
  EXPECT_TRUE(returned);
}

// Readers that pin each pass read whole revisions while the writer commits one document at a
// time: none of them ever meets a block the writer overwrote (DatabaseModifiedError is Xapian
// noticing one; a torn read is one it cannot notice).
TEST(ReaderPin, pinned_readers_never_meet_an_overwritten_block_while_the_writer_commits) {
  TempDir dir;
  const auto writer = writer_with_plans(dir.path(), 20);
  ASSERT_NE(writer, nullptr);

  std::atomic<bool> writing{true};
  std::atomic<int> overwritten{0};
  std::atomic<int> passes{0};
  std::atomic<int> retried{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      Xapian::Database reader = testing::open_reader(dir.path());
      for (int pass = 0; pass < 20 || writing; ++pass) {
        // Moving to the newest commit is done unpinned, so Xapian may notice a block reused
        // under it there, as the searcher does (it retries): that is no pinned read.
        Result<std::optional<ReaderPin>> pin = std::optional<ReaderPin>();
        try {
          pin = pin_reopening(dir.path(), reader);
        } catch (const Xapian::DatabaseModifiedError&) {
          ++retried;
          continue;
        }
        if (!pin.ok() || !pin->has_value()) {
          ADD_FAILURE() << "not pinned";
          return;
        }
        try {
          read_everything(reader);
          ++passes;
        } catch (const Xapian::DatabaseModifiedError&) {
          ++overwritten;
        }
      }
    });
  }
  for (int index = 21; index <= 20 + kPinnedPlans; ++index) {
    EXPECT_NO_FATAL_FAILURE(put_pinned_plan(*writer, index));
    EXPECT_TRUE(writer->commit().ok());
  }
  writing = false;
  for (std::thread& reader : readers)
    reader.join();
  EXPECT_EQ(overwritten, 0) << "of " << passes << " whole passes (" << retried
                            << " moves to the newest commit retried)";
  EXPECT_EQ(testing::open_reader(dir.path()).get_doccount(),
            static_cast<Xapian::doccount>(20 + kPinnedPlans));
}

}  // namespace
}  // namespace vanban::archive
