// The server's searcher pool under what the load test does to it (docs/RELIABILITY.md, "the
// crash under load"): several threads each leasing a searcher and searching with facets, every
// lease reopening its searcher, while a writer commits one document at a time, so that the
// shared facet cache's columns are rebuilt again and again. The searches include those whose
// text matches every document (a box holding only a filter, only an exclusion, or the documents
// without a value): what once shared Xapian's static Query::MatchAll between the threads, whose
// reference count is not atomic. Bounded by counts (each thread 500 searches at least, and on
// until the writer's 60 commits are done), never by time. Once more with the writer compacting
// the index every few commits. Run under ThreadSanitizer and
// AddressSanitizer in CI with the rest of the server suite.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/symbol.hpp"
#include "vanban/archive/archive.hpp"
#include "vanban/archive/search_request.hpp"
#include "vanban/archive/searcher.hpp"
#include "vanban/archive/writer.hpp"
#include "vanban/server/searcher_pool.hpp"

#include "test_support.hpp"

namespace vanban {
namespace {

using testing::TempDir;

constexpr int kSearchThreads = 8;
constexpr int kSearchesPerThread = 500;
constexpr int kCommits = 60;
constexpr int kFirstDocuments = 12;

// A plan of 2025 or 2026, of one of two issuers, half of them without a type.
archive::ArchivedDocument plan(int n, std::string& original) {
  archive::ArchivedDocument document;
  document.format = "txt";
  document.filename = "ke-hoach-" + std::to_string(n) + ".txt";
  auto& metadata = document.metadata;
  if (n % 2 == 0) metadata.type = "Kế hoạch";
  const std::string number = std::to_string(n) + "/KH-UBND";
  metadata.number = number;
  metadata.number_key = analyzers::symbol_key(number);
  metadata.issuer = n % 3 == 0 ? "Ủy ban nhân dân tỉnh Quảng Trị" : "Ủy ban nhân dân thành phố Huế";
  metadata.date = n % 2 == 0 ? "2025-03-01" : "2026-03-01";
  const std::string title = n % 4 == 0 ? "Phòng cháy chữa cháy năm " + std::to_string(n)
                                       : "Công tác dân vận năm " + std::to_string(n);
  metadata.title = title;
  analyzers::Citation citation;
  citation.type = "Chỉ thị";
  citation.number = "33/CT-TTg";
  citation.number_key = analyzers::symbol_key("33/CT-TTg");
  citation.text = "Chỉ thị số 33/CT-TTg";
  metadata.citations.push_back(citation);
  document.text = title + "\nThực hiện Chỉ thị số 33/CT-TTg của Thủ tướng Chính phủ.";
  original = number + "\n" + document.text;
  return document;
}

void add(archive::ArchiveWriter& writer, int n) {
  std::string original;
  const archive::ArchivedDocument document = plan(n, original);
  auto put = writer.put(document.filename, original, document);
  ASSERT_TRUE(put.ok()) << put.error().message;
}

// The archive both tests start from: the first plans, committed.
void add_first_documents(archive::ArchiveWriter& writer) {
  for (int n = 1; n <= kFirstDocuments; ++n)
    ASSERT_NO_FATAL_FAILURE(add(writer, n));
  ASSERT_TRUE(writer.commit().ok());
}

std::uint64_t sum(const archive::SearchResponse& response, const std::string& facet) {
  std::uint64_t total = 0;
  for (const auto& [name, values] : response.facets)
    if (name == facet)
      for (const auto& value : values)
        total += value.count;
  return total;
}

// A search of the mix, and a facet its filters leave alone: every document has a year and a
// validity status, so that facet's counts add up to the documents found.
struct Probe {
  archive::SearchRequest request;
  std::string whole_facet;
};

// Words, and boxes whose text is every document.
std::vector<Probe> searches() {
  std::vector<Probe> out;
  auto box = [&](std::string query, std::string whole_facet = "validity") {
    Probe probe;
    probe.request.query = std::move(query);
    probe.whole_facet = std::move(whole_facet);
    out.push_back(std::move(probe));
    return &out.back().request;
  };
  box("dân vận");
  box("nam:2025");                                    // a filter only
  box("-phòng");                                      // an exclusion only
  box("dan van")->sort = archive::SortOrder::newest;  // unaccented, by date
  box("")->filters[archive::FieldId::type] = {std::string(archive::kUnknownValue)};
  box("", "year")->filters[archive::FieldId::validity] = {archive::kStatusUnknown};
  box("33/CT-TTg")->filters[archive::FieldId::issuer] = {"Ủy ban nhân dân thành phố Huế"};
  return out;
}

// `compact_every`: the writer also compacts the index after every so many commits (0: never),
// swapping a new database in under the searchers (archive/SCHEMA.md, "Compaction").
void search_while_writing(int compact_every) {
  TempDir dir;
  const archive::Archive archive(dir.path());
  auto writer = archive.open_writer();
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  ASSERT_NO_FATAL_FAILURE(add_first_documents(**writer));

  // As the server's pool: one facet cache shared by the searchers, each lease reopening.
  const auto facet_cache = archive::Searcher::make_facet_cache();
  server::SearcherPool pool([&] { return archive.open_searcher(facet_cache); }, kSearchThreads,
                            std::chrono::milliseconds(0));
  const std::vector<Probe> mix = searches();

  std::atomic<bool> writing{true};  // the searchers go on past their count until it is done
  std::mutex failures_mutex;
  std::vector<std::string> failures;
  auto fail = [&](std::string failure) {
    const std::lock_guard lock(failures_mutex);
    if (failures.size() < 10) failures.push_back(std::move(failure));
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < kSearchThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kSearchesPerThread || writing; ++i) {
        const Probe& probe = mix[static_cast<std::size_t>(t + i) % mix.size()];
        const archive::SearchRequest& request = probe.request;
        auto lease = pool.acquire();
        if (lease.get() == nullptr) {
          fail("no searcher");
          continue;
        }
        const auto response = lease.get()->search(request);
        if (!response.ok()) {
          fail(request.query + ": " + response.error().message);
          continue;
        }
        if (sum(*response, probe.whole_facet) != response->total)
          fail(request.query + ": the " + probe.whole_facet + " facet counts " +
               std::to_string(sum(*response, probe.whole_facet)) + " documents of the " +
               std::to_string(response->total) + " found");
      }
    });
  }
  std::thread committer([&] {
    for (int n = kFirstDocuments + 1; n <= kFirstDocuments + kCommits; ++n) {
      add(**writer, n);
      if (const Status committed = (*writer)->commit(); !committed.ok())
        fail("commit: " + committed.error().message);
      if (compact_every > 0 && n % compact_every == 0) {
        if (const auto compacted = (*writer)->compact(); !compacted.ok())
          fail("compact: " + compacted.error().message);
      }
    }
    writing = false;
  });
  for (std::thread& thread : threads)
    thread.join();
  committer.join();
  EXPECT_TRUE(failures.empty()) << failures.size() << " failures, the first: " << failures.front();

  // Afterwards a searcher sees every document, and the filter-only box half of them.
  auto lease = pool.acquire();
  ASSERT_NE(lease.get(), nullptr);
  const auto year = lease.get()->search(mix[1].request);  // nam:2025
  ASSERT_TRUE(year.ok()) << year.error().message;
  EXPECT_EQ(year->total, static_cast<std::uint64_t>((kFirstDocuments + kCommits) / 2));
  EXPECT_EQ(sum(*year, "year"), static_cast<std::uint64_t>(kFirstDocuments + kCommits));
  const auto other = lease.get()->search(mix[2].request);  // -phòng: the plans of another topic
  ASSERT_TRUE(other.ok()) << other.error().message;
  EXPECT_EQ(other->total, static_cast<std::uint64_t>((kFirstDocuments + kCommits) * 3 / 4));
}

TEST(SearcherPoolStress, searches_with_facets_hold_while_the_writer_commits_one_by_one) {
  search_while_writing(0);
}

// The server's searchers keep answering while the index is compacted and swapped in again and
// again, and move to each new database (the last documents are written into the last one).
TEST(SearcherPoolStress, searches_hold_while_the_writer_compacts_between_commits) {
  search_while_writing(6);
}

// Searchers that share nothing of Vanban's (each its own facet cache, no pool): what they do
// at once must share nothing of Xapian's either. With no lock of ours between the threads,
// ThreadSanitizer sees any Xapian object they both touch, whatever the timing.
TEST(SearcherPoolStress, searchers_sharing_no_cache_search_at_once_without_sharing_xapian_objects) {
  TempDir dir;
  const archive::Archive archive(dir.path());
  {
    auto writer = archive.open_writer();
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    ASSERT_NO_FATAL_FAILURE(add_first_documents(**writer));
  }
  std::vector<std::unique_ptr<archive::Searcher>> searchers;
  for (int t = 0; t < kSearchThreads; ++t) {
    auto opened = archive.open_searcher();
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    searchers.push_back(std::move(*opened));
  }
  const std::vector<Probe> mix = searches();
  std::vector<std::vector<std::uint64_t>> totals(kSearchThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kSearchThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const auto response = searchers[static_cast<std::size_t>(t)]->search(
            mix[static_cast<std::size_t>(i) % mix.size()].request);
        totals[static_cast<std::size_t>(t)].push_back(response.ok() ? response->total : 0);
      }
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  // One archive, one revision: every thread found the same.
  for (int t = 1; t < kSearchThreads; ++t)
    EXPECT_EQ(totals[static_cast<std::size_t>(t)], totals[0]) << "thread " << t;
  EXPECT_EQ(totals[0][1], static_cast<std::uint64_t>(kFirstDocuments / 2));  // nam:2025
}

}  // namespace
}  // namespace vanban
