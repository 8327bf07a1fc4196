// Compaction of the index (archive/SCHEMA.md, "Compaction"): the compacted database is swapped
// in as one step, readers see the old one or the new one whole, a kill at any point leaves an
// archive that checks with every document, the writer lock stays with the compacting writer,
// and the stored texts and originals are not touched.
#include <atomic>
#include <cstdlib>
#include <map>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"

#include "archive_fixtures.hpp"
#include "index_generation.hpp"
#include "test_support.hpp"

namespace vanban::archive {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

void put_numbered_plan(ArchiveWriter& writer, int index) {
  const std::string number = std::to_string(index) + "/KH-UBND";
  const std::string title = "Kế hoạch chuyển đổi số đợt " + std::to_string(index);
  ArchivedDocument document = testing::plan_document(number, title);
  document.text += "\nNội dung riêng " + std::to_string(index * 7919) + " của kế hoạch.";
  const Result<PutOutcome> put = writer.put("kh-" + std::to_string(index) + ".txt",
                                            testing::plan_bytes(number, title), document);
  ASSERT_TRUE(put.ok()) << put.error().message;
}

// `count` plans committed in batches of 10 (many commits: the slack compaction removes).
void index_plans(const fs::path& db, int first, int count) {
  WriterOptions options;
  options.batch_size = 10;
  auto writer = Archive(db).open_writer(options);
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  for (int index = first; index < first + count; ++index)
    put_numbered_plan(**writer, index);
  ASSERT_TRUE((*writer)->close().ok());
}

// A search's answer as text: total, hits in order with their snippets, facets.
std::string answer(Searcher& searcher, const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.size = 50;
  const Result<SearchResponse> response = searcher.search(request);
  if (!response.ok()) return "error: " + response.error().message;
  std::string text = std::to_string(response->total) + "\n";
  for (const SearchHit& hit : response->hits)
    text += hit.id + " " + hit.snippet + "\n";
  for (const auto& [name, values] : response->facets)
    for (const FacetValue& value : values)
      text += name + ":" + value.value + "=" + std::to_string(value.count) + "\n";
  return text;
}

const std::vector<std::string> kQueries = {"\"chuyển đổi số\"", "chuyen doi so", "33/CT-TTg",
                                           "\"Nội dung riêng 7919\"", "kế hoạch -đợt"};

std::map<std::string, std::string> answers(const fs::path& db) {
  auto searcher = Archive(db).open_searcher();
  EXPECT_TRUE(searcher.ok());
  std::map<std::string, std::string> out;
  for (const std::string& query : kQueries)
    out[query] = answer(**searcher, query);
  return out;
}

// Every file under `folder` with its bytes.
std::map<std::string, std::string> files_of(const fs::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.is_regular_file())
      files[fs::relative(entry.path(), folder).string()] = testing::read_file(entry.path());
  return files;
}

// The names in the archive folder that belong to the index.
std::vector<std::string> index_names(const fs::path& db) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(db)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("xapian")) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

void expect_checks(const fs::path& db, std::uint64_t documents) {
  const Result<CheckReport> report = Archive(db).check();
  ASSERT_TRUE(report.ok()) << report.error().message;
  for (const CheckProblem& problem : report->problems)
    ADD_FAILURE() << problem.id << ": " << problem.message;
  EXPECT_EQ(report->documents, documents);
  EXPECT_EQ(report->orphans, 0U);
  EXPECT_EQ(report->text_orphans, 0U);
}

TEST(Compaction, the_rule_never_compacted_is_a_share_of_the_archive_written) {
  const auto due = [](std::uint64_t written, std::uint64_t documents) {
    return compaction_due(written, IndexSize{documents, 1000, std::nullopt});
  };
  EXPECT_FALSE(due(0, 0));
  EXPECT_FALSE(due(0, 100));
  EXPECT_TRUE(due(1, 1));  // a first run: all of it
  EXPECT_TRUE(due(10, 100));
  EXPECT_FALSE(due(9, 100));
  EXPECT_TRUE(due(1000, 1000));  // a re-index
  EXPECT_FALSE(due(999, 100000));
}

TEST(Compaction, the_rule_once_compacted_is_the_slack_over_the_estimate) {
  const auto due = [](std::uint64_t written, std::uint64_t bytes, std::uint64_t compacted) {
    return compaction_due(written, IndexSize{100, bytes, compacted});
  };
  EXPECT_TRUE(due(1, 1501, 1000));  // a third of the files is slack
  EXPECT_FALSE(due(1, 1500, 1000));
  EXPECT_FALSE(due(100, 1200, 1000));  // the share written does not matter any more
  EXPECT_FALSE(due(0, 5000, 1000));    // a run that wrote nothing compacts nothing
}

TEST(Compaction, the_estimate_scales_the_last_compaction_by_the_total_length) {
  TempDir dir;
  const fs::path db = dir / "db";
  index_plans(db, 1, 30);
  const auto plain = locate_index(db);
  ASSERT_TRUE(plain.ok() && *plain);
  EXPECT_FALSE(compacted_estimate(**plain, 1000));  // never compacted: no estimate
  const Result<CompactReport> report = Archive(db).compact();
  ASSERT_TRUE(report.ok()) << report.error().message;
  const auto location = locate_index(db);
  ASSERT_TRUE(location.ok() && *location);
  const std::uint64_t length = testing::open_reader(db).get_total_length();
  EXPECT_EQ(compacted_estimate(**location, length), report->bytes_after);
  EXPECT_EQ(compacted_estimate(**location, 2 * length), 2 * report->bytes_after);
}

// `vanban index` compacts after a first (bulk) run, not after a run that wrote nothing, and
// never with --no-compact.
TEST(Compaction, vanban_index_compacts_after_a_bulk_run) {
  TempDir dir;
  for (int index = 0; index < 30; ++index) {
    const std::string number = std::to_string(index + 1) + "/KH-UBND";
    testing::write_file(dir / "docs" / ("kh-" + std::to_string(index) + ".txt"),
                        testing::plan_bytes(number, "Kế hoạch số " + std::to_string(index)));
  }
  const std::string binary = testing::vanban_binary().string();
  const auto run = [&](const fs::path& db, const std::string& extra) {
    const std::string command = binary + " index --no-ocr --json " + extra + " --db " +
                                db.string() + " " + (dir / "docs").string() + " > " +
                                (dir / "out.json").string() + " 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << testing::read_file(dir / "out.json");
    return nlohmann::json::parse(testing::read_file(dir / "out.json"));
  };
  const nlohmann::json first = run(dir / "db", "");
  ASSERT_TRUE(first.contains("compaction")) << first.dump();
  EXPECT_EQ(first["compaction"]["documents"], 30);
  EXPECT_EQ(first["compaction"]["written"], 30);
  EXPECT_EQ(testing::read_file(dir / "db" / "xapian"), "glass xapian-1\n");
  EXPECT_FALSE(run(dir / "db", "").contains("compaction"));  // nothing written
  expect_checks(dir / "db", 30);

  EXPECT_FALSE(run(dir / "loose", "--no-compact").contains("compaction"));
  EXPECT_TRUE(fs::is_directory(dir / "loose" / "xapian"));
}

TEST(Compaction, swaps_in_a_smaller_index_with_the_same_answers_and_untouched_stores) {
  TempDir dir;
  const fs::path db = dir / "db";
  index_plans(db, 1, 120);
  const auto before = answers(db);
  const auto originals = files_of(db / "originals");
  const auto texts = files_of(db / "texts");
  EXPECT_EQ(index_names(db), std::vector<std::string>{"xapian"});
  EXPECT_TRUE(fs::is_directory(db / "xapian"));  // never compacted: the plain folder

  const Result<CompactReport> first = Archive(db).compact();
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->compacted);
  EXPECT_EQ(first->documents, 120U);
  EXPECT_LT(first->bytes_after, first->bytes_before);
  // The stub names generation 1; the plain folder is gone.
  EXPECT_EQ(index_names(db), (std::vector<std::string>{"xapian", "xapian-1"}));
  EXPECT_TRUE(fs::is_regular_file(db / "xapian"));
  EXPECT_EQ(testing::read_file(db / "xapian"), "glass xapian-1\n");
  EXPECT_EQ(folder_bytes(db / "xapian-1") - fs::file_size(db / "xapian-1" / "vanban-compacted"),
            first->bytes_after);  // Xapian's files, and the compaction's note beside them
  EXPECT_EQ(answers(db), before);
  EXPECT_EQ(files_of(db / "originals"), originals);
  EXPECT_EQ(files_of(db / "texts"), texts);
  expect_checks(db, 120);
  // Xapian's own tools read the stub too.
  EXPECT_EQ(testing::open_reader(db).get_doccount(), 120U);

  // The next writer writes into generation 1; a second compaction makes generation 2.
  index_plans(db, 121, 30);
  const Result<CompactReport> second = Archive(db).compact();
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->documents, 150U);
  EXPECT_EQ(index_names(db), (std::vector<std::string>{"xapian", "xapian-2"}));
  expect_checks(db, 150);
  const auto after = answers(db);
  EXPECT_NE(after.at("\"chuyển đổi số\"").find("150\n"), std::string::npos);
}

TEST(Compaction, the_writer_keeps_its_lock_and_writes_on_into_the_new_index) {
  TempDir dir;
  const fs::path db = dir / "db";
  index_plans(db, 1, 40);
  auto writer = Archive(db).open_writer();
  ASSERT_TRUE(writer.ok());
  put_numbered_plan(**writer, 41);  // uncommitted: compact() commits it first
  const Result<CompactReport> report = (*writer)->compact();
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->documents, 41U);
  // No other writer, on the old database or the new one.
  const auto second = Archive(db).open_writer();
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, ErrorKind::io);
  EXPECT_FALSE(Archive(db).compact().ok());
  put_numbered_plan(**writer, 42);
  ASSERT_TRUE((*writer)->close().ok());
  expect_checks(db, 42);
  auto searcher = Archive(db).open_searcher();
  ASSERT_TRUE(searcher.ok());
  EXPECT_EQ(answer(**searcher, "\"đợt 42\"").substr(0, 2), "1\n");
}

TEST(Compaction, is_refused_while_another_writer_runs) {
  TempDir dir;
  const fs::path db = dir / "db";
  index_plans(db, 1, 20);
  auto writer = Archive(db).open_writer();
  ASSERT_TRUE(writer.ok());
  const Result<CompactReport> refused = Archive(db).compact();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::io);
  EXPECT_EQ(index_names(db), std::vector<std::string>{"xapian"});  // nothing begun
  ASSERT_TRUE((*writer)->close().ok());
  EXPECT_FALSE(Archive(dir / "nothing").compact().ok());
  EXPECT_FALSE(fs::exists(dir / "nothing"));  // not created by asking
}

// Readers opened, reopened and checked while the index is compacted again and again: every
// answer is the whole archive's, never an error or part of it; a long-lived searcher moves to
// each new database (it sees a document written into it).
TEST(Compaction, readers_during_swaps_see_one_whole_database) {
  TempDir dir;
  const fs::path db = dir / "db";
  index_plans(db, 1, 60);
  const auto expected = answers(db);
  auto long_lived = Archive(db).open_searcher();
  ASSERT_TRUE(long_lived.ok());

  std::atomic<bool> done{false};
  std::atomic<int> compactions{0};
  std::thread compactor([&] {
    for (int round = 0; round < 12; ++round) {
      const Result<CompactReport> report = Archive(db).compact();
      if (!report.ok()) ADD_FAILURE() << report.error().message;
      ++compactions;
    }
    done = true;
  });
  int reads = 0;
  while (!done || reads < 3) {
    auto fresh = Archive(db).open_searcher();
    ASSERT_TRUE(fresh.ok()) << fresh.error().message;
    const std::string& query = kQueries[static_cast<std::size_t>(reads) % kQueries.size()];
    EXPECT_EQ(answer(**fresh, query), expected.at(query)) << "fresh searcher, read " << reads;
    ASSERT_TRUE((*long_lived)->reopen().ok());
    EXPECT_EQ(answer(**long_lived, query), expected.at(query)) << "reopened, read " << reads;
    if (reads % 4 == 0) {
      const Result<CheckReport> report = Archive(db).check();
      ASSERT_TRUE(report.ok()) << report.error().message;
      EXPECT_EQ(report->documents, 60U);
      EXPECT_TRUE(report->problems.empty());
    }
    ++reads;
  }
  compactor.join();
  EXPECT_EQ(compactions, 12);
  EXPECT_EQ(index_names(db), (std::vector<std::string>{"xapian", "xapian-12"}));

  index_plans(db, 61, 1);  // into generation 12
  ASSERT_TRUE((*long_lived)->reopen().ok());
  EXPECT_EQ(answer(**long_lived, "\"đợt 61\"").substr(0, 2), "1\n");
}

TEST(Compaction, a_backup_during_swaps_is_whole) {
  TempDir dir;
  const fs::path db = dir / "db";
  index_plans(db, 1, 60);
  std::atomic<bool> done{false};
  std::thread compactor([&] {
    for (int round = 0; round < 6; ++round)
      if (const auto report = Archive(db).compact(); !report.ok())
        ADD_FAILURE() << report.error().message;
    done = true;
  });
  int copies = 0;
  while (!done || copies < 2) {
    const fs::path copy = dir / ("copy-" + std::to_string(copies));
    const Result<BackupReport> report = Archive(db).backup(copy);
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->documents, 60U);
    expect_checks(copy, 60);
    ++copies;
  }
  compactor.join();
}

// SIGKILL of `vanban compact` at moments spread over its run: the archive checks with every
// document and answers as before, and the next compaction removes what the killed one left.
TEST(Compaction, sigkill_at_any_point_leaves_a_whole_archive) {
  TempDir dir;
  const fs::path db = dir / "db";
  index_plans(db, 1, 150);
  const auto expected = answers(db);
  const auto texts = files_of(db / "texts");
  const auto originals = files_of(db / "originals");
  const std::string binary = testing::vanban_binary().string();
  const auto spawn = [&] {
    const pid_t child = ::fork();
    if (child == 0) {
      if (std::freopen("/dev/null", "w", stdout) == nullptr) _exit(126);
      ::execl(binary.c_str(), binary.c_str(), "compact", "--db", db.c_str(),
              static_cast<char*>(nullptr));
      _exit(127);
    }
    return child;
  };
  // Kill after a delay growing from nothing by a third each round: the moments move through
  // the copy, the stub's writing, the swap and the removal, until compactions run to their end.
  int completed = 0;
  int rounds = 0;
  for (long delay_us = 0; completed < 2; delay_us += 100 + delay_us / 3, ++rounds) {
    ASSERT_LT(delay_us, 600'000'000L) << "no compaction ever ended";
    SCOPED_TRACE("killed after " + std::to_string(delay_us) + " µs");
    const pid_t child = spawn();
    ASSERT_GT(child, 0);
    int status = 0;
    bool ended = false;
    for (long waited = 0; waited < delay_us && !ended; waited += 100) {
      ::usleep(100);
      ended = ::waitpid(child, &status, WNOHANG) == child;
    }
    if (!ended) {
      ::kill(child, SIGKILL);
      ::waitpid(child, &status, 0);
    }
    if (WIFEXITED(status)) {
      EXPECT_EQ(WEXITSTATUS(status), 0);
      ++completed;
    }
    expect_checks(db, 150);
    EXPECT_EQ(answers(db), expected);
  }
  EXPECT_GT(rounds, 2);
  EXPECT_EQ(files_of(db / "texts"), texts);
  EXPECT_EQ(files_of(db / "originals"), originals);
  // A writer, or the next compaction, removes what killed ones left.
  index_plans(db, 151, 1);
  const auto names = index_names(db);
  ASSERT_EQ(names.size(), 2U);
  EXPECT_EQ("glass " + names[1] + "\n", testing::read_file(db / "xapian"));
}

TEST(Compaction, a_sharded_archive_compacts_each_shard) {
  TempDir dir;
  const fs::path db = dir / "db";
  ASSERT_TRUE(Archive(db).use_shards(2).ok());
  index_plans(db, 1, 40);
  const auto expected = answers(db);
  const Result<CompactReport> report = Archive(db).compact();
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->documents, 40U);
  for (const fs::path& shard : Archive(db).shards())
    EXPECT_EQ(testing::read_file(shard / "xapian"), "glass xapian-1\n");
  EXPECT_EQ(answers(db), expected);
  expect_checks(db, 40);
}

}  // namespace
}  // namespace vanban::archive
