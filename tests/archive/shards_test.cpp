// A sharded archive answers as one database (docs/SCALING.md): one test body runs against one
// database, three local shards and three xapian-tcpsrv processes on loopback, and compares every
// answer with the one database's: totals, facets, weights, order (documents tied on every key
// may come in another order, compared as a group), snippets, cited-by, relations, validity.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "vanban/archive/archive.hpp"

#include "search_fixtures.hpp"
#include "shard_layout.hpp"
#include "shard_servers.hpp"

namespace vanban::testing {
namespace {

// Documents with every field a facet, a sort or a relation reads, many of them alike (ties),
// some undated, some citing one number in two spellings, some naming their issuer in another.
std::vector<Doc> generated_documents(int count) {
  const std::vector<std::string> issuers = {"Bộ Nội vụ", "Ủy ban nhân dân tỉnh Quảng Trị",
                                            "Ủy ban nhân dân thành phố Huế"};
  const std::vector<std::string> types = {"Kế hoạch", "Quyết định", "Báo cáo"};
  const std::vector<std::string> words = {"dân", "vận",  "khéo",  "phòng", "cháy", "chữa",
                                          "an",  "toàn", "giao",  "thông", "số",   "chuyển",
                                          "đổi", "kế",   "hoạch", "triển", "khai", "thực"};
  const std::vector<std::string> cited = {"33/CT-TTg", "33/CT-TTG", "59/2023/NĐ-CP", "12/KH-UBND"};
  std::uint32_t state = 12345;
  auto next = [&](std::uint32_t bound) {
    state = state * 1103515245u + 12345u;
    return (state >> 8) % bound;
  };
  std::vector<Doc> documents;
  for (int i = 0; i < count; ++i) {
    Doc doc;
    doc.name = "doc" + std::to_string(i) + ".txt";
    doc.type = types[next(3)];
    doc.issuer = issuers[next(3)];
    // One body in two tone placements, one facet value (facets.hpp) on every layout.
    if (i % 5 == 0 && doc.issuer.starts_with("Ủy")) doc.issuer.replace(0, 4, "Uỷ");
    // A joint document, counted for each of its bodies (the spies' facets as the columns').
    if (i % 11 == 0) doc.issuer = "Bộ Nội vụ - Bộ Tài chính";
    doc.number = std::to_string(i + 1) + "/KH-UBND";
    doc.date = next(6) == 0 ? ""
                            : "202" + std::to_string(next(4)) + "-0" + std::to_string(1 + next(9)) +
                                  "-1" + std::to_string(next(9));
    for (int w = 0; w < 3; ++w)
      doc.title += (w ? " " : "") + words[next(6)];
    for (int w = 0; w < 30; ++w)
      doc.body += words[next(static_cast<std::uint32_t>(words.size()))] + (w % 7 == 6 ? ". " : " ");
    for (std::uint32_t c = next(3); c > 0; --c)
      doc.cites.push_back(cited[next(4)]);
    // Effective dates past and ahead, and none, for every validity status.
    if (!doc.date.empty() && next(3) != 0) doc.effective = next(4) == 0 ? "2099-01-01" : doc.date;
    if (next(7) == 0) doc.expires = next(2) == 0 ? "2024-12-31" : "2099-12-31";
    if (next(5) == 0) doc.signer = issuers[next(3)] == "Bộ Nội vụ" ? "Nguyễn Văn An" : "Trần Bình";
    documents.push_back(std::move(doc));
  }
  // Relations: documents replaced and amended, of every kind of effective and expiry day
  // (passed, ahead, none), so that each status meets each rule that can override it.
  std::vector<analyzers::Citation> acts;
  auto act = [&](const Doc& target, const char* relation, std::optional<std::string> scope) {
    analyzers::Citation citation = cite(target.number);
    citation.relations.push_back({relation, scope, std::nullopt, "Thay thế, sửa đổi"});
    acts.push_back(std::move(citation));
  };
  auto first = [&](auto&& matches, std::size_t skip = 0) -> const Doc& {
    for (const Doc& doc : documents)
      if (matches(doc) && skip-- == 0) return doc;
    return documents.front();
  };
  const auto ahead = [](const Doc& doc) { return doc.effective == "2099-01-01"; };
  const auto passed = [](const Doc& doc) {
    return !doc.effective.empty() && doc.effective < "2099";
  };
  const auto none = [](const Doc& doc) { return doc.effective.empty() && !doc.date.empty(); };
  const auto expired = [](const Doc& doc) { return doc.expires == "2024-12-31"; };
  act(first(passed), "thay_the", std::nullopt);
  act(first(ahead), "thay_the", std::nullopt);
  act(first(expired), "sua_doi", "khoản 2 Điều 1");
  for (std::size_t skip = 1; skip < 3; ++skip) {
    act(first(passed, skip), "sua_doi", "khoản 2 Điều 1");
    act(first(ahead, skip), "sua_doi", "khoản 1 Điều 2");
    act(first(none, skip), "bai_bo", "Điều 3");
  }
  documents.push_back({.name = "acts.txt",
                       .type = "Quyết định",
                       .number = "900/QĐ-UBND",
                       .date = "2025-12-01",
                       .title = "Quyết định thay thế kế hoạch",
                       .body = "Thay thế và sửa đổi các kế hoạch dân vận.",
                       .citations = acts});
  return documents;
}

enum class Layout { one_database, local_shards, remote_shards };

std::string layout_name(const ::testing::TestParamInfo<Layout>& info) {
  switch (info.param) {
    case Layout::one_database:
      return "one_database";
    case Layout::local_shards:
      return "local_shards";
    case Layout::remote_shards:
      return "remote_shards";
  }
  return "?";
}

constexpr std::size_t kShardCount = 3;

// The archives, built once: the same documents in one database and in three shards.
class Archives {
 public:
  static Archives& get() {
    static Archives archives;
    return archives;
  }
  std::filesystem::path single() const { return dir_ / "single"; }
  std::filesystem::path sharded() const { return dir_ / "sharded"; }
  const std::vector<Doc>& documents() const { return documents_; }

 private:
  Archives() : documents_(generated_documents(60)) {
    write(archive::Archive(single()));
    const archive::Archive sharded_archive(sharded());
    EXPECT_TRUE(sharded_archive.use_shards(kShardCount).ok());
    write(sharded_archive);
  }
  void write(const archive::Archive& archive) {
    auto writer = archive.open_writer();
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    for (const Doc& doc : documents_) {
      std::string original;
      const archive::ArchivedDocument document = archived_of(doc, original);
      auto put = (*writer)->put(doc.name, original, document);
      ASSERT_TRUE(put.ok()) << put.error().message;
    }
    ASSERT_TRUE((*writer)->commit().ok());
  }
  TempDir dir_;
  std::vector<Doc> documents_;
};

class ShardedArchive : public ::testing::TestWithParam<Layout> {
 protected:
  void SetUp() override {
    Archives& archives = Archives::get();
    auto reference = archive::Archive(archives.single()).open_searcher();
    ASSERT_TRUE(reference.ok()) << reference.error().message;
    reference_ = std::move(*reference);
    Result<std::unique_ptr<archive::Searcher>> tested = reference_error();
    switch (GetParam()) {
      case Layout::one_database:
        tested = archive::Archive(archives.single()).open_searcher();
        break;
      case Layout::local_shards:
        tested = archive::Archive(archives.sharded()).open_searcher();
        break;
      case Layout::remote_shards: {
        const auto binary = tcpsrv_binary();
        if (!binary) GTEST_SKIP() << "xapian-tcpsrv not installed (Debian xapian-tools)";
        std::vector<std::string> specs;
        for (std::size_t shard = 0; shard < kShardCount; ++shard) {
          servers_.push_back(std::make_unique<ShardServer>(
              *binary, archive::shard_dir(archives.sharded(), shard) / "xapian"));
          ASSERT_TRUE(servers_.back()->running());
          specs.push_back(servers_.back()->spec());
        }
        tested = archive::Archive::open_shards(specs, {archives.sharded()});
        break;
      }
    }
    ASSERT_TRUE(tested.ok()) << tested.error().message;
    tested_ = std::move(*tested);
  }

  static Result<std::unique_ptr<archive::Searcher>> reference_error() {
    return make_error(ErrorKind::internal, "not opened");
  }

  // Both answers, the tested one checked against the reference.
  void expect_same(const archive::SearchRequest& request) {
    SCOPED_TRACE("query “" + request.query + "” sort " +
                 std::to_string(static_cast<int>(request.sort)) + " page " +
                 std::to_string(request.page));
    auto expected = reference_->search(request);
    auto actual = tested_->search(request);
    ASSERT_TRUE(expected.ok()) << expected.error().message;
    ASSERT_TRUE(actual.ok()) << actual.error().message;
    EXPECT_FALSE(actual->partial);
    EXPECT_EQ(actual->total, expected->total);
    EXPECT_EQ(actual->relaxed, expected->relaxed);
    EXPECT_EQ(actual->all_words_total, expected->all_words_total);
    EXPECT_EQ(actual->unrequired_words, expected->unrequired_words);
    EXPECT_EQ(actual->suggestion, expected->suggestion);
    ASSERT_EQ(actual->missing_numbers.size(), expected->missing_numbers.size());
    for (std::size_t m = 0; m < expected->missing_numbers.size(); ++m)
      EXPECT_EQ(actual->missing_numbers[m].cited_by, expected->missing_numbers[m].cited_by);
    ASSERT_EQ(actual->facets.size(), expected->facets.size());
    for (std::size_t f = 0; f < expected->facets.size(); ++f) {
      EXPECT_EQ(actual->facets[f].first, expected->facets[f].first);
      ASSERT_EQ(actual->facets[f].second.size(), expected->facets[f].second.size())
          << expected->facets[f].first;
      for (std::size_t v = 0; v < expected->facets[f].second.size(); ++v) {
        EXPECT_EQ(actual->facets[f].second[v].value, expected->facets[f].second[v].value);
        EXPECT_EQ(actual->facets[f].second[v].count, expected->facets[f].second[v].count);
      }
    }
    expect_same_ranking(request.sort, expected->hits, actual->hits);
  }

  // The same documents with the same weights in the same order, but that documents tied on
  // every key (date when sorted by date, weight) form a group whose order may differ.
  static void expect_same_ranking(archive::SortOrder sort,
                                  const std::vector<archive::SearchHit>& expected,
                                  const std::vector<archive::SearchHit>& actual) {
    ASSERT_EQ(actual.size(), expected.size());
    auto key = [&](const archive::SearchHit& hit) {
      const std::string date =
          sort == archive::SortOrder::relevance ? "" : hit.document.metadata.date.value_or("");
      return std::pair{date, hit.score};
    };
    auto same_key = [&](const archive::SearchHit& a, const archive::SearchHit& b) {
      const auto [date_a, score_a] = key(a);
      const auto [date_b, score_b] = key(b);
      return date_a == date_b && std::abs(score_a - score_b) <= 1e-9 * std::max(1.0, score_a);
    };
    std::size_t begin = 0;
    while (begin < expected.size()) {
      std::size_t end = begin + 1;
      while (end < expected.size() && same_key(expected[end], expected[begin]))
        ++end;
      std::multiset<std::string> want;
      std::multiset<std::string> got;
      std::map<std::string, const archive::SearchHit*> by_id;
      for (std::size_t i = begin; i < end; ++i) {
        want.insert(expected[i].id);
        got.insert(actual[i].id);
        EXPECT_TRUE(same_key(actual[i], expected[begin]))
            << "rank " << i << ": " << actual[i].score << " vs " << expected[begin].score;
        by_id[actual[i].id] = &actual[i];
      }
      EXPECT_EQ(got, want) << "ranks " << begin << ".." << end;
      for (std::size_t i = begin; i < end; ++i) {
        const auto found = by_id.find(expected[i].id);
        if (found == by_id.end()) continue;
        EXPECT_EQ(found->second->snippet, expected[i].snippet);
        EXPECT_EQ(found->second->missing_words, expected[i].missing_words);
        EXPECT_EQ(found->second->validity, expected[i].validity);
      }
      begin = end;
    }
  }

  static std::vector<std::string> ids(const std::vector<archive::ArchivedDocument>& documents) {
    std::vector<std::string> out;
    for (const auto& document : documents)
      out.push_back(document.id);
    std::sort(out.begin(), out.end());
    return out;
  }

  std::unique_ptr<archive::Searcher> reference_;
  std::unique_ptr<archive::Searcher> tested_;
  std::vector<std::unique_ptr<ShardServer>> servers_;
};

archive::SearchRequest shard_request(const std::string& query,
                                     archive::SortOrder sort = archive::SortOrder::relevance,
                                     int size = 100) {
  archive::SearchRequest out;
  out.query = query;
  out.sort = sort;
  out.size = size;
  return out;
}

TEST_P(ShardedArchive, searches_give_the_same_totals_facets_and_ranking) {
  for (const std::string query :
       {"dân vận", "dan van", "phòng cháy chữa cháy", "khéo giao thông", "\"an toàn giao thông\"",
        "chuyển đổi số -khéo", "33/CT-TTg", "99/CT-TTg", "trich:33/CT-TTg", "hieuluc:con dân",
        "hieuluc:het", "kế hoạch triển khai thực hiện", ""}) {
    for (const auto sort :
         {archive::SortOrder::relevance, archive::SortOrder::newest, archive::SortOrder::oldest})
      expect_same(shard_request(query, sort));
  }
}

TEST_P(ShardedArchive, typos_are_corrected_from_local_shards_and_not_over_the_remote_backend) {
  const auto expected = reference_->search(shard_request("chuyểm đổi số"));
  const auto actual = tested_->search(shard_request("chuyểm đổi số"));
  ASSERT_TRUE(expected.ok() && actual.ok());
  ASSERT_EQ(expected->corrections.size(), 1U);
  EXPECT_EQ(expected->suggestion, "chuyển đổi số");
  EXPECT_EQ(actual->total, expected->total);
  if (GetParam() == Layout::remote_shards) {
    // Xapian 1.4's remote backend carries no spelling data (docs/SCALING.md): nothing offered.
    EXPECT_TRUE(actual->corrections.empty());
    EXPECT_EQ(actual->suggestion, "");
  } else {
    EXPECT_EQ(actual->suggestion, expected->suggestion);
    ASSERT_EQ(actual->corrections.size(), 1U);
    EXPECT_EQ(actual->corrections[0].suggested, expected->corrections[0].suggested);
  }
}

TEST_P(ShardedArchive, the_validity_facet_counts_every_status) {
  // The fixture holds documents of every status, each reached by the rule that decides it.
  const auto all = tested_->search(shard_request(""));
  ASSERT_TRUE(all.ok()) << all.error().message;
  const auto facet = std::find_if(all->facets.begin(), all->facets.end(),
                                  [](const auto& entry) { return entry.first == "validity"; });
  ASSERT_NE(facet, all->facets.end());
  std::set<std::string> statuses;
  std::uint64_t counted = 0;
  for (const auto& value : facet->second) {
    statuses.insert(value.value);
    counted += value.count;
  }
  EXPECT_EQ(statuses.size(), 5U);
  EXPECT_EQ(counted, all->total);
  expect_same(shard_request(""));
}

TEST_P(ShardedArchive, filtered_facets_count_without_their_own_filter) {
  auto filtered = shard_request("dân");
  filtered.filters[archive::FieldId::issuer] = {"Bộ Nội vụ"};
  filtered.filters[archive::FieldId::year] = {"2021", "2022"};
  expect_same(filtered);
  for (const char* status : {"Còn hiệu lực", "Hết hiệu lực toàn bộ", "Hết hiệu lực một phần",
                             "Chưa có hiệu lực", "Chưa rõ"}) {
    auto validity = shard_request("dân");
    validity.filters[archive::FieldId::validity] = {status};
    expect_same(validity);
  }
  auto unknown = shard_request("");
  unknown.filters[archive::FieldId::year] = {"Không rõ"};
  unknown.filters[archive::FieldId::signer] = {"Nguyễn Văn An"};
  expect_same(unknown);
  auto cites = shard_request("");
  cites.filters[archive::FieldId::cites] = {"33/CT-TTg"};
  cites.sort = archive::SortOrder::oldest;
  expect_same(cites);
}

TEST_P(ShardedArchive, pages_follow_the_same_order) {
  for (const auto sort :
       {archive::SortOrder::relevance, archive::SortOrder::newest, archive::SortOrder::oldest}) {
    const auto whole = reference_->search(shard_request("kế hoạch", sort));
    ASSERT_TRUE(whole.ok());
    std::vector<archive::SearchHit> paged;
    for (int page = 1; page <= 20; ++page) {
      auto one = shard_request("kế hoạch", sort, 7);
      one.page = page;
      auto answer = tested_->search(one);
      ASSERT_TRUE(answer.ok()) << answer.error().message;
      EXPECT_EQ(answer->total, whole->total);
      paged.insert(paged.end(), answer->hits.begin(), answer->hits.end());
    }
    expect_same_ranking(sort, whole->hits, paged);
  }
}

TEST_P(ShardedArchive, documents_show_the_same_citations_cited_by_and_validity) {
  const auto all = reference_->search(shard_request("", archive::SortOrder::newest));
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->total, Archives::get().documents().size());
  for (const auto& hit : all->hits) {
    const auto expected = reference_->document(hit.id);
    const auto actual = tested_->document(hit.id);
    ASSERT_TRUE(expected.ok());
    ASSERT_TRUE(actual.ok()) << actual.error().message;
    EXPECT_EQ(actual->document.text, expected->document.text);
    EXPECT_EQ(ids(actual->cited_by), ids(expected->cited_by)) << hit.id;
    ASSERT_EQ(actual->citations.size(), expected->citations.size());
    for (std::size_t c = 0; c < expected->citations.size(); ++c) {
      EXPECT_EQ(actual->citations[c].id, expected->citations[c].id);
      EXPECT_EQ(actual->citations[c].candidates, expected->citations[c].candidates);
    }
    ASSERT_EQ(actual->relations_in.size(), expected->relations_in.size());
    for (std::size_t r = 0; r < expected->relations_in.size(); ++r) {
      EXPECT_EQ(actual->relations_in[r].relation.type, expected->relations_in[r].relation.type);
      EXPECT_EQ(actual->relations_in[r].document.id, expected->relations_in[r].document.id);
    }
    EXPECT_EQ(actual->validity.status, expected->validity.status);
    const auto original = tested_->original(hit.id);
    ASSERT_TRUE(original.ok()) << original.error().message;
    EXPECT_EQ(read_file(original->file).size(), original->document.size);
  }
  for (const std::string number : {"3/KH-UBND", "33/CT-TTg", "59/2023/NĐ-CP"}) {
    const auto expected = reference_->instrument(number);
    const auto actual = tested_->instrument(number);
    ASSERT_TRUE(actual.ok()) << actual.error().message;
    EXPECT_EQ(ids(actual->documents), ids(expected->documents)) << number;
    EXPECT_EQ(ids(actual->cited_by), ids(expected->cited_by)) << number;
    EXPECT_EQ(actual->relations_in.size(), expected->relations_in.size());
  }
  auto count = tested_->document_count();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, all->total);
}

// Three shards served over TCP, and a searcher over them that waits for a shard at most
// `timeout` and tries a missing one again at every reopen.
class RemoteShards {
 public:
  explicit RemoteShards(const std::filesystem::path& binary) {
    for (std::size_t shard = 0; shard < kShardCount; ++shard) {
      servers.push_back(std::make_unique<ShardServer>(
          binary, archive::shard_dir(Archives::get().sharded(), shard) / "xapian"));
      specs.push_back(servers.back()->spec());
    }
    archive::ShardOptions options;
    options.timeout = std::chrono::milliseconds(300);
    options.retry_interval = std::chrono::milliseconds(0);
    auto opened = archive::Archive::open_shards(specs, {Archives::get().sharded()}, options);
    EXPECT_TRUE(opened.ok()) << opened.error().message;
    if (opened) searcher = std::move(*opened);
  }

  // How many documents shard `shard` holds, read from its folder.
  static std::uint64_t documents_in(std::size_t shard) {
    auto local =
        archive::Archive(archive::shard_dir(Archives::get().sharded(), shard)).open_searcher();
    auto count = (*local)->document_count();
    return count ? *count : 0;
  }

  std::vector<std::unique_ptr<ShardServer>> servers;
  std::vector<std::string> specs;
  std::unique_ptr<archive::Searcher> searcher;
};

TEST(ShardFailure, a_shard_down_gives_a_partial_answer_then_the_whole_one_when_it_returns) {
  const auto binary = tcpsrv_binary();
  if (!binary) GTEST_SKIP() << "xapian-tcpsrv not installed (Debian xapian-tools)";
  RemoteShards shards(*binary);
  ASSERT_TRUE(shards.searcher);
  const std::uint64_t all = Archives::get().documents().size();
  auto whole = shards.searcher->search(shard_request("", archive::SortOrder::newest));
  ASSERT_TRUE(whole.ok()) << whole.error().message;
  EXPECT_FALSE(whole->partial);
  EXPECT_EQ(whole->total, all);

  shards.servers[1]->kill();
  auto partial = shards.searcher->search(shard_request("", archive::SortOrder::newest));
  ASSERT_TRUE(partial.ok()) << partial.error().message;
  EXPECT_TRUE(partial->partial);
  EXPECT_EQ(partial->missing_shards, std::vector<std::string>{shards.specs[1]});
  EXPECT_EQ(partial->total, all - RemoteShards::documents_in(1));
  // A document of the missing shard: unavailable for now, not "no such document".
  for (const auto& hit : whole->hits) {
    if (archive::shard_of(hit.id, kShardCount) != 1) continue;
    const auto document = shards.searcher->document(hit.id);
    ASSERT_FALSE(document.ok());
    EXPECT_EQ(document.error().kind, ErrorKind::unavailable);
    EXPECT_FALSE(document.error().user_message.empty());
    break;
  }

  ASSERT_TRUE(shards.servers[1]->start());
  ASSERT_TRUE(shards.searcher->reopen().ok());
  auto again = shards.searcher->search(shard_request("", archive::SortOrder::newest));
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->partial);
  EXPECT_EQ(again->total, all);
}

TEST(ShardFailure, a_shard_that_stops_answering_is_left_out_after_the_timeout) {
  const auto binary = tcpsrv_binary();
  if (!binary) GTEST_SKIP() << "xapian-tcpsrv not installed (Debian xapian-tools)";
  RemoteShards shards(*binary);
  ASSERT_TRUE(shards.searcher);
  ASSERT_TRUE(shards.searcher->search(shard_request("dân vận")).ok());
  shards.servers[2]->pause();  // holds its connections, answers nothing
  auto answer = shards.searcher->search(shard_request("dân vận"));
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_TRUE(answer->partial);
  EXPECT_EQ(answer->missing_shards, std::vector<std::string>{shards.specs[2]});
  shards.servers[2]->resume();
  ASSERT_TRUE(shards.searcher->reopen().ok());
  auto again = shards.searcher->search(shard_request("dân vận"));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->partial);
}

TEST(ShardFailure, no_shard_answering_is_a_clear_unavailable_error) {
  const auto binary = tcpsrv_binary();
  if (!binary) GTEST_SKIP() << "xapian-tcpsrv not installed (Debian xapian-tools)";
  RemoteShards shards(*binary);
  ASSERT_TRUE(shards.searcher);
  for (auto& server : shards.servers)
    server->kill();
  const auto answer = shards.searcher->search(shard_request("dân vận"));
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().kind, ErrorKind::unavailable) << answer.error().message;
  EXPECT_NE(answer.error().user_message.find("phân đoạn"), std::string::npos);
  ASSERT_TRUE(shards.servers[0]->start());
  ASSERT_TRUE(shards.searcher->reopen().ok());
  const auto one = shards.searcher->search(shard_request(""));
  ASSERT_TRUE(one.ok()) << one.error().message;
  EXPECT_TRUE(one->partial);
  EXPECT_EQ(one->total, RemoteShards::documents_in(0));
}

INSTANTIATE_TEST_SUITE_P(Layouts, ShardedArchive,
                         ::testing::Values(Layout::one_database, Layout::local_shards,
                                           Layout::remote_shards),
                         layout_name);

}  // namespace
}  // namespace vanban::testing
