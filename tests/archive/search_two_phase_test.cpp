// Two-phase ranking (archive/src/two_phase_ranking.hpp): the word weights pick a window, the
// proximity bonuses rank it. Checked against the one-phase ranking (the full query over every
// candidate) on a generated archive where broad queries match far more documents than the
// window holds.
#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <set>
#include <span>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/fold.hpp"
#include "vanban/archive/query_parser.hpp"

#include "backends.hpp"
#include "disk_layout.hpp"
#include "docid_list.hpp"
#include "facets.hpp"
#include "length_column.hpp"
#include "query_builder.hpp"
#include "ranking_weight.hpp"
#include "search_fixtures.hpp"
#include "two_phase_ranking.hpp"

namespace vanban::testing {
namespace {

// Topics that staff type, written into some documents as phrases and into others as scattered
// syllables, among filler words: many documents hold all the words, fewer the phrase.
const std::vector<std::string> kTopics = {"chuyển đổi số", "tiếp công dân", "cải cách hành chính",
                                          "bảo hiểm xã hội"};
const std::vector<std::string> kFiller = {
    "các",  "cơ",   "quan", "thực", "hiện", "nhiệm", "vụ",  "được", "giao", "báo",  "cáo",
    "kết",  "quả",  "ngân", "sách", "nhà",  "nước",  "dân", "số",   "đổi",  "công", "hành",
    "tiếp", "cách", "xã",   "hội",  "bảo",  "hiểm",  "cải", "mới",  "chính"};

std::string generated_text(std::mt19937& random, int words) {
  std::string text;
  for (int i = 0; i < words; ++i) {
    if (random() % 30 == 0) {
      text += kTopics[random() % kTopics.size()] + " ";
    } else {
      text += kFiller[random() % kFiller.size()] + (i % 11 == 10 ? ". " : " ");
    }
  }
  return text;
}

SearchArchive& generated_archive() {
  static const std::unique_ptr<SearchArchive> archive = [] {
    auto made = std::make_unique<SearchArchive>(std::initializer_list<Doc>{});
    std::mt19937 random(14);
    std::vector<Doc> docs;
    for (int i = 0; i < 500; ++i) {
      docs.push_back({.name = "doc" + std::to_string(i),
                      .title = generated_text(random, 6 + static_cast<int>(random() % 8)),
                      .body = generated_text(random, 30 + static_cast<int>(random() % 300))});
    }
    made->add(docs);
    return made;
  }();
  return *archive;
}

std::vector<std::string> query_set() {
  std::vector<std::string> queries;
  for (const std::string& topic : kTopics) {
    queries.push_back(topic);
    queries.push_back(analyzers::fold(topic));
  }
  std::mt19937 random(1412);
  for (int q = 0; q < 12; ++q) {
    std::string query;
    for (int k = 0, n = 2 + static_cast<int>(random() % 3); k < n; ++k)
      query += kFiller[random() % kFiller.size()] + " ";
    queries.push_back(q % 2 == 0 ? query : analyzers::fold(query));
  }
  queries.push_back("\"xã hội\" bảo hiểm");
  queries.push_back("chuyển đổi số OR tiếp công dân");
  return queries;
}

struct Queries {
  Xapian::Query base;
  Xapian::Query full;
  std::vector<Xapian::Query> bonuses;
};

Queries queries_of(const Xapian::Database& database, const std::string& box) {
  auto parsed = archive::query::parse_query(box);
  EXPECT_TRUE(parsed.ok()) << box;
  const archive::QueryBuilder builder(database);
  Queries out;
  out.base = builder.text(parsed->root, &out.bonuses);
  out.full = builder.text(parsed->root);
  return out;
}

// A hint of the same queries (`queries` must outlive it): the window weighed again by the
// hint's base.
archive::HintFrom same_queries_hint(const Queries& queries) {
  return [&queries](const std::vector<Xapian::docid>&) {
    return std::optional<archive::RankingHint>(
        archive::RankingHint{queries.base, queries.full, queries.bonuses});
  };
}

std::vector<archive::RankedDocument> one_phase(const Xapian::Database& database,
                                               const Xapian::Query& full) {
  Xapian::Enquire enquire = archive::ranking_enquire(database);
  enquire.set_query(full);
  const Xapian::MSet matches = enquire.get_mset(0, database.get_doccount());
  std::vector<archive::RankedDocument> out;
  for (auto it = matches.begin(); it != matches.end(); ++it)
    out.push_back({*it, it.get_weight(), {}});
  return out;
}

// Weights equal but for rounding and Xapian's own shape effects: a strict phrase inside an AND
// weighs up to about 15 parts in 10 000 differently (with BM25's b at 0.75; a few with Xapian's
// default 0.5) beside other clauses than in the query without the bonuses.
bool same_weight(double a, double b) {
  return std::abs(a - b) <= 2e-3 * std::max(std::abs(a), std::abs(b)) + 1e-12;
}

// The same ranking: the same weights rank by rank, and the same documents but where two of equal
// weight trade places.
void expect_same_ranking(const std::vector<archive::RankedDocument>& got,
                         const std::vector<archive::RankedDocument>& want,
                         const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_TRUE(same_weight(got[i].weight, want[i].weight))
        << what << " #" << i << ": " << got[i].weight << " against " << want[i].weight;
    if (got[i].docid == want[i].docid) continue;
    const bool tie_before = i > 0 && same_weight(want[i].weight, want[i - 1].weight);
    const bool tie_after = i + 1 < want.size() && same_weight(want[i].weight, want[i + 1].weight);
    EXPECT_TRUE(tie_before || tie_after) << what << " #" << i << ": different documents";
  }
}

TEST(SearchTwoPhase, the_certain_head_is_the_full_rankings_head) {
  SearchArchive& archive = generated_archive();
  Xapian::Database database(archive::xapian_dir(archive.path()).string());
  std::size_t certain_ranks = 0;
  std::size_t broad_queries = 0;
  for (const std::string& box : query_set()) {
    const Queries queries = queries_of(database, box);
    const auto full = one_phase(database, queries.full);
    for (const std::size_t window : {20, 60, 250}) {
      const std::string what = box + " (window " + std::to_string(window) + ")";
      const auto page = archive::rank_two_phase(database, queries.base, queries.full,
                                                queries.bonuses, 0, 100, window);
      ASSERT_EQ(page.documents.size(), std::min<std::size_t>(100, full.size())) << what;
      if (full.size() > window && !queries.bonuses.empty()) ++broad_queries;
      // Where the bound says so, the very ranking of the one-phase search.
      const std::size_t certain = std::min(page.certain, page.documents.size());
      certain_ranks += full.size() > window ? certain : 0;
      expect_same_ranking({page.documents.begin(), page.documents.begin() + certain},
                          {full.begin(), full.begin() + certain}, what);
      // Within the window, the one-phase order of the same documents with the same weights.
      const std::size_t in_window = std::min(window, page.documents.size());
      std::set<Xapian::docid> window_docids;
      for (std::size_t i = 0; i < in_window; ++i)
        window_docids.insert(page.documents[i].docid);
      std::vector<archive::RankedDocument> full_of_window;
      for (const auto& document : full)
        if (window_docids.count(document.docid) != 0) full_of_window.push_back(document);
      expect_same_ranking({page.documents.begin(), page.documents.begin() + in_window},
                          full_of_window, what);
    }
  }
  // Not vacuous: the window was smaller than the result set, and the bound proved some ranks.
  EXPECT_GE(broad_queries, 10U);
  EXPECT_GT(certain_ranks, 0U);
}

TEST(SearchTwoPhase, a_window_holding_every_match_is_the_full_ranking) {
  SearchArchive& archive = generated_archive();
  Xapian::Database database(archive::xapian_dir(archive.path()).string());
  for (const std::string& box : query_set()) {
    const Queries queries = queries_of(database, box);
    const auto full = one_phase(database, queries.full);
    const auto page = archive::rank_two_phase(database, queries.base, queries.full, queries.bonuses,
                                              0, 1000, 1000);
    EXPECT_GE(page.certain, full.size()) << box;
    expect_same_ranking(page.documents, full, box);
  }
}

// The documents' lengths from a column (the searcher's, per revision) rank as those read from
// the database: the first phase's walk, the bonuses and a hint's reweighing, to the bit; other
// lengths give other weights, so the column is what they read.
TEST(SearchTwoPhase, lengths_from_a_column_rank_to_the_same_bits) {
  SearchArchive& archive = generated_archive();
  Xapian::Database database(archive::xapian_dir(archive.path()).string());
  const std::vector<Xapian::termcount> column = length_column(database);
  const std::vector<Xapian::termcount> longer = length_column(database, 40);
  std::size_t compared = 0;
  std::size_t moved = 0;
  for (const std::string& box : query_set()) {
    const Queries queries = queries_of(database, box);
    const archive::HintFrom hint = same_queries_hint(queries);
    for (const bool hinted : {false, true}) {
      const auto rank = [&](std::span<const Xapian::termcount> lengths) {
        return archive::rank_two_phase(database, queries.base, queries.full, queries.bonuses, 0, 40,
                                       60, archive::WindowBy::docids,
                                       hinted ? hint : archive::HintFrom(), false, nullptr, lengths)
            .documents;
      };
      const auto read = rank({});
      const auto from_column = rank(column);
      const auto from_longer = rank(longer);
      ASSERT_EQ(from_column.size(), read.size()) << box;
      for (std::size_t i = 0; i < read.size(); ++i) {
        EXPECT_EQ(from_column[i].docid, read[i].docid) << box << " #" << i;
        EXPECT_EQ(from_column[i].weight, read[i].weight) << box << " #" << i;
        ++compared;
      }
      for (std::size_t i = 0; i < read.size() && i < from_longer.size(); ++i)
        moved += from_longer[i].weight != read[i].weight ? 1 : 0;
    }
  }
  EXPECT_GT(compared, 500U);
  EXPECT_GT(moved, compared / 2);
}

// A page weighs with its bonuses only the window's documents that can still rank on it (their
// weight with every phrase's potential at least the page's last weight): the page is the one
// of the window weighed whole, to the bit, for first pages, later pages and pages across the
// window's edge, with and without a hint; and fewer documents' positions are read.
TEST(SearchTwoPhase, a_page_weighs_only_what_can_rank_on_it_and_is_the_same) {
  SearchArchive& archive = generated_archive();
  Xapian::Database database(archive::xapian_dir(archive.path()).string());
  std::size_t pages = 0, weighed_all = 0, weighed_for_page = 0, spared_pages = 0;
  for (const std::string& box : query_set()) {
    const Queries queries = queries_of(database, box);
    const archive::HintFrom hint = same_queries_hint(queries);
    for (const bool hinted : {false, true}) {
      for (const std::size_t window : {60, 250}) {
        for (const auto& [page_first, page_size] :
             std::vector<std::pair<Xapian::doccount, Xapian::doccount>>{
                 {0, 20}, {0, 1}, {20, 20}, {40, 30}, {245, 10}}) {
          // Copies: clang 14 (the sanitizer builds) cannot capture a structured binding.
          const Xapian::doccount first = page_first;
          const Xapian::doccount size = page_size;
          const auto rank = [&](bool whole) {
            return archive::rank_two_phase(database, queries.base, queries.full, queries.bonuses,
                                           first, size, window, archive::WindowBy::docids,
                                           hinted ? hint : archive::HintFrom(), whole);
          };
          const std::string what = box + " window " + std::to_string(window) + " page " +
                                   std::to_string(first) + "+" + std::to_string(size) +
                                   (hinted ? " hinted" : "");
          const archive::RankedPage all = rank(true);  // proving weighs the whole window
          const archive::RankedPage page = rank(false);
          ASSERT_EQ(page.documents.size(), all.documents.size()) << what;
          for (std::size_t i = 0; i < page.documents.size(); ++i) {
            EXPECT_EQ(page.documents[i].docid, all.documents[i].docid) << what << " #" << i;
            EXPECT_EQ(page.documents[i].weight, all.documents[i].weight) << what << " #" << i;
          }
          EXPECT_LE(page.weighed, all.weighed) << what;
          ++pages;
          weighed_all += all.weighed;
          weighed_for_page += page.weighed;
          spared_pages += page.weighed < all.weighed ? 1 : 0;
        }
      }
    }
  }
  // Not vacuous: the bonuses were weighed, and many pages read fewer documents' positions.
  EXPECT_GT(weighed_all, 10000u);
  EXPECT_LT(weighed_for_page, weighed_all);
  EXPECT_GT(spared_pages, pages / 4);
}

// Paging across the window's edge: every match once, pages in order of the whole result.
TEST(SearchTwoPhase, pages_across_the_window_show_each_match_once) {
  SearchArchive& archive = generated_archive();
  auto searcher = archive::open_xapian_searcher(archive.path(), nullptr, 25);
  ASSERT_TRUE(searcher.ok());
  for (const std::string box : {"chuyển đổi số", "tiep cong dan", "cải cách hành chính"}) {
    archive::SearchRequest request;
    request.query = box;
    request.size = 10;
    std::vector<std::string> seen;
    std::uint64_t total = 0;
    for (request.page = 1;; ++request.page) {
      auto response = (*searcher)->search(request);
      ASSERT_TRUE(response.ok()) << box;
      total = response->total;
      if (response->hits.empty()) break;
      for (const auto& hit : response->hits)
        seen.push_back(hit.id);
    }
    ASSERT_GT(total, 25U) << box;  // the window is smaller than the result set
    EXPECT_EQ(seen.size(), total) << box;
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), seen.size()) << box;
  }
}

// The same first page as the one-phase search, through the Searcher, for the broad topics of
// this archive (whose phrase holders all score in the first phase's best 300).
TEST(SearchTwoPhase, the_first_page_of_a_topic_matches_the_one_phase_search) {
  SearchArchive& archive = generated_archive();
  auto two_phase = archive::open_xapian_searcher(archive.path(), nullptr, archive::kRerankWindow);
  auto one_phase_searcher = archive::open_xapian_searcher(archive.path(), nullptr, 0);
  ASSERT_TRUE(two_phase.ok() && one_phase_searcher.ok());
  for (const std::string& topic : kTopics) {
    for (const std::string& box : {topic, analyzers::fold(topic)}) {
      archive::SearchRequest request;
      request.query = box;
      const auto got = (*two_phase)->search(request);
      const auto want = (*one_phase_searcher)->search(request);
      ASSERT_TRUE(got.ok() && want.ok()) << box;
      EXPECT_EQ(got->total, want->total) << box;
      ASSERT_EQ(got->hits.size(), want->hits.size()) << box;
      for (std::size_t i = 0; i < got->hits.size(); ++i) {
        EXPECT_TRUE(same_weight(got->hits[i].score, want->hits[i].score)) << box << " #" << i;
        EXPECT_EQ(got->hits[i].snippet, want->hits[i].snippet) << box << " #" << i;
      }
    }
  }
}

// A strict phrase alone, its matches known from counting, ranks without reading its positions
// again (QueryBuilder::phrase_within): the same documents in the same order, the same weights to
// the bit.
TEST(SearchTwoPhase, a_counted_phrase_ranks_as_its_positions_rank) {
  SearchArchive& archive = generated_archive();
  Xapian::Database database(archive::xapian_dir(archive.path()).string());
  const archive::QueryBuilder builder(database);
  std::size_t known = 0;
  std::size_t longer = 0;
  for (const std::string box :
       {"\"chuyển đổi số\"", "\"chuyen doi so\"", "\"xã hội\"", "\"tiep cong dan\"",
        "\"cải cách hành chính\" -mới", "\"bảo hiểm xã hội\"", "\"cách hành\"", "\"nhà nước dân\"",
        "\"số đổi\""}) {
    auto parsed = archive::query::parse_query(box);
    ASSERT_TRUE(parsed.ok()) << box;
    if (!builder.one_phrase_known_by_matches(parsed->root)) continue;
    ++known;
    longer += parsed->root.children.front().words.size() > 2 ? 1 : 0;
    const auto want = one_phase(database, builder.text(parsed->root));
    std::vector<Xapian::docid> matches;
    for (const auto& document : want)
      matches.push_back(document.docid);
    std::sort(matches.begin(), matches.end());
    const auto within = builder.phrase_within(archive::docid_query(matches));
    const auto got = one_phase(database, within.text(parsed->root));
    ASSERT_EQ(got.size(), want.size()) << box;
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].docid, want[i].docid) << box << " #" << i;
      EXPECT_EQ(got[i].weight, want[i].weight) << box << " #" << i;
    }
  }
  EXPECT_GE(known, 6U);
  EXPECT_GE(longer, 3U);
}

// Only a phrase every match holds, alone: beside words, other phrases or in an OR group its
// words would weigh where its positions do not match.
TEST(SearchTwoPhase, only_a_phrase_alone_is_known_by_its_matches) {
  SearchArchive& archive = generated_archive();
  Xapian::Database database(archive::xapian_dir(archive.path()).string());
  const archive::QueryBuilder builder(database);
  for (const std::string box : {"\"xã hội\" bảo hiểm", "\"xã hội\" \"bảo hiểm\"",
                                "\"xã hội\" OR \"bảo hiểm\"", "\"xã\"", "xã hội"}) {
    auto parsed = archive::query::parse_query(box);
    ASSERT_TRUE(parsed.ok()) << box;
    EXPECT_FALSE(builder.one_phrase_known_by_matches(parsed->root)) << box;
  }
}

// The same strict phrase asked again ranks the matches remembered with its counts (FacetCache),
// without reading positions: every page (first, second, under a filter) the same as a searcher
// that counts every search; and the same again where the cache's budget keeps no matches.
TEST(SearchTwoPhase, a_remembered_phrase_pages_as_a_counted_one) {
  SearchArchive& archive = generated_archive();
  const auto remembering = archive::Searcher::make_facet_cache();
  const auto tight = std::make_shared<archive::FacetCache>(256, /*matches_budget=*/1);
  auto counting = archive::open_xapian_searcher(archive.path(), nullptr, archive::kRerankWindow);
  auto twice = archive::open_xapian_searcher(archive.path(), remembering, archive::kRerankWindow);
  auto without = archive::open_xapian_searcher(archive.path(), tight, archive::kRerankWindow);
  ASSERT_TRUE(counting.ok() && twice.ok() && without.ok());
  std::size_t requests = 0;
  for (const std::string box :
       {"\"chuyển đổi số\"", "\"chuyen doi so\"", "\"xã hội\"", "\"tiep cong dan\"",
        "\"cải cách hành chính\" -mới", "\"bảo hiểm xã hội\"", "\"cách hành\"", "\"số đổi\"",
        "\"xã hội\" bảo hiểm"}) {
    for (int variant = 0; variant < 3; ++variant) {
      archive::SearchRequest request;
      request.query = box;
      request.size = 10;
      if (variant == 1) request.page = 2;
      if (variant == 2) request.filters[archive::FieldId::type] = {"Kế hoạch"};
      const auto want = (*counting)->search(request);
      ASSERT_TRUE(want.ok()) << box;
      for (auto* searcher : {&*twice, &*twice, &*without, &*without}) {
        const auto got = (**searcher).search(request);
        ASSERT_TRUE(got.ok()) << box;
        ++requests;
        EXPECT_EQ(got->total, want->total) << box << " " << variant;
        ASSERT_EQ(got->facets.size(), want->facets.size()) << box;
        for (std::size_t f = 0; f < got->facets.size(); ++f) {
          ASSERT_EQ(got->facets[f].second.size(), want->facets[f].second.size()) << box;
          for (std::size_t v = 0; v < got->facets[f].second.size(); ++v) {
            EXPECT_EQ(got->facets[f].second[v].value, want->facets[f].second[v].value) << box;
            EXPECT_EQ(got->facets[f].second[v].count, want->facets[f].second[v].count) << box;
          }
        }
        ASSERT_EQ(got->hits.size(), want->hits.size()) << box << " " << variant;
        for (std::size_t i = 0; i < got->hits.size(); ++i) {
          EXPECT_EQ(got->hits[i].id, want->hits[i].id) << box << " " << variant << " #" << i;
          EXPECT_EQ(got->hits[i].score, want->hits[i].score) << box << " " << variant << " #" << i;
          EXPECT_EQ(got->hits[i].snippet, want->hits[i].snippet) << box << " #" << i;
        }
      }
    }
  }
  EXPECT_EQ(requests, 9U * 3U * 4U);
  // The phrases' matches were remembered (so the second searches ranked them), within budget.
  EXPECT_GT(remembering->matches_held(), 0U);
  EXPECT_EQ(tight->matches_held(), 0U);
}

// The same search asked again ranks the first phase remembered with its counts (FacetCache::
// walked), without walking the posting lists: every page within the window, beyond it (walked
// again), under a filter and sorted by date, the same as a searcher that counts every search.
TEST(SearchTwoPhase, a_remembered_walk_pages_as_a_counted_search) {
  SearchArchive& archive = generated_archive();
  const auto remembering = archive::Searcher::make_facet_cache();
  auto counting = archive::open_xapian_searcher(archive.path(), nullptr, archive::kRerankWindow);
  auto twice = archive::open_xapian_searcher(archive.path(), remembering, archive::kRerankWindow);
  ASSERT_TRUE(counting.ok() && twice.ok());
  std::size_t pages = 0;
  for (const std::string& box : query_set()) {
    for (int variant = 0; variant < 5; ++variant) {
      archive::SearchRequest request;
      request.query = box;
      request.size = 10;
      if (variant == 1) request.page = 2;
      if (variant == 2) request.page = 35;  // past the window of 300
      if (variant == 3) request.filters[archive::FieldId::type] = {"Kế hoạch"};
      if (variant == 4) request.sort = archive::SortOrder::newest;
      const auto want = (*counting)->search(request);
      ASSERT_TRUE(want.ok()) << box;
      for (int again = 0; again < 2; ++again) {
        const auto got = (*twice)->search(request);
        ASSERT_TRUE(got.ok()) << box;
        ++pages;
        EXPECT_EQ(got->total, want->total) << box << " " << variant;
        EXPECT_EQ(got->suggestion, want->suggestion) << box << " " << variant;
        ASSERT_EQ(got->hits.size(), want->hits.size()) << box << " " << variant;
        for (std::size_t i = 0; i < got->hits.size(); ++i) {
          EXPECT_EQ(got->hits[i].id, want->hits[i].id) << box << " " << variant << " #" << i;
          EXPECT_EQ(got->hits[i].score, want->hits[i].score) << box << " " << variant << " #" << i;
          EXPECT_EQ(got->hits[i].snippet, want->hits[i].snippet) << box << " #" << i;
        }
      }
    }
  }
  EXPECT_EQ(pages, query_set().size() * 5U * 2U);
  // The topics' walks were remembered (so the second searches ranked them), one per query and
  // filter (and relaxed matching): pages within the window share one, those past it and by date
  // keep none.
  EXPECT_GT(remembering->walks_held(), 0U);
  EXPECT_LE(remembering->walks_held(), query_set().size() * 3U);
}

// The matches remembered stay within the budget: the least recently used entries go first, and
// an entry whose matches alone exceed it keeps its counts without them.
TEST(SearchTwoPhase, the_phrases_matches_remembered_stay_within_the_budget) {
  SearchArchive& archive = generated_archive();
  Xapian::Database database(archive::xapian_dir(archive.path()).string());
  archive::FacetCache cache(256, /*matches_budget=*/100);
  const auto columns = cache.columns(database);
  auto with_matches = [](std::size_t n) {
    archive::Counted counted;
    counted.total = n;
    std::vector<Xapian::docid> docids(n);
    for (std::size_t i = 0; i < n; ++i)
      docids[i] = static_cast<Xapian::docid>(i + 1);
    counted.phrase_matches = std::make_shared<const std::vector<Xapian::docid>>(docids);
    return counted;
  };
  cache.remember(*columns, "a", with_matches(40));
  cache.remember(*columns, "b", with_matches(40));
  EXPECT_EQ(cache.matches_held(), 80U);
  ASSERT_TRUE(cache.counted(*columns, "a"));  // now the most recently used
  cache.remember(*columns, "c", with_matches(40));
  EXPECT_EQ(cache.matches_held(), 80U);
  EXPECT_FALSE(cache.counted(*columns, "b"));  // the least recently used, gone
  ASSERT_TRUE(cache.counted(*columns, "a"));
  EXPECT_EQ(cache.counted(*columns, "a")->phrase_matches->size(), 40U);
  cache.remember(*columns, "d", with_matches(101));  // over the budget alone
  const auto d = cache.counted(*columns, "d");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->total, 101U);
  EXPECT_FALSE(d->phrase_matches);
  EXPECT_EQ(cache.matches_held(), 80U);
  archive::Counted counts_alone;  // counts alone hold nothing of the budget
  counts_alone.total = 7;
  cache.remember(*columns, "e", counts_alone);
  EXPECT_EQ(cache.matches_held(), 80U);
  EXPECT_TRUE(cache.counted(*columns, "a") && cache.counted(*columns, "c"));
}

}  // namespace
}  // namespace vanban::testing
