// No query ever crashes the search: random and hostile strings through the query parser and a
// real Searcher give results or a clear invalid_argument error with a Vietnamese message, and a
// response whose echoed strings are valid UTF-8 (so the API encodes them as they are).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/archive/query_parser.hpp"
#include "vanban/archive/searcher.hpp"

#include "fuzz_inputs.hpp"
#include "search_fixtures.hpp"

namespace vanban::archive {
namespace {

using testing::FuzzInputs;
using testing::is_valid_utf8;

// Pieces of the search box language and of what people paste into it.
std::string random_query(FuzzInputs& inputs) {
  static const std::vector<std::string> kPieces = {"dân",
                                                   "vận",
                                                   "khéo",
                                                   "dan",
                                                   "\"",
                                                   "\"\"",
                                                   "“",
                                                   "”",
                                                   "(",
                                                   ")",
                                                   "-",
                                                   "OR",
                                                   "or",
                                                   "AND",
                                                   "NOT",
                                                   "cq:",
                                                   "so:",
                                                   "loai:",
                                                   "nam:",
                                                   "trich:",
                                                   "ngay:",
                                                   "ngay:2025..",
                                                   "ngay:..",
                                                   "ngay:2025-13-45",
                                                   "ngay:31/02/2026",
                                                   "nam:99999999999",
                                                   "33/CT-TTg",
                                                   "59/2023/NĐ-CP",
                                                   "23-QĐ/TW",
                                                   "/",
                                                   "//",
                                                   "-/-",
                                                   ":",
                                                   "::",
                                                   " ",
                                                   "  ",
                                                   "\t",
                                                   "\n",
                                                   "Đ",
                                                   "\xCC\x81",
                                                   "\xFF",
                                                   std::string(1, '\0'),
                                                   "*",
                                                   "~",
                                                   "^",
                                                   "+",
                                                   "ngay:2025-01-01..2024-01-01",
                                                   "cq:\"",
                                                   "so:-",
                                                   "loai:(",
                                                   "..",
                                                   "...",
                                                   "nam:-1"};
  std::string query;
  for (std::size_t i = inputs.below(30); i > 0; --i) {
    query += kPieces[inputs.below(kPieces.size())];
    if (inputs.one_in(2)) query += ' ';
  }
  return query;
}

std::string hostile_query(FuzzInputs& inputs, int round) {
  switch (round % 8) {
    case 0:
      return inputs.random_bytes(80);
    case 1:
      return inputs.random_text(40);
    case 2: {  // thousands of terms
      std::string query;
      for (std::size_t i = 500 + inputs.below(3000); i > 0; --i)
        query += "a ";
      return query;
    }
    case 3:
      return "so:" + std::string(400, static_cast<char>('0' + inputs.below(10))) + "/" +
             std::string(400, 'A');
    case 4: {  // operators only
      static const std::vector<std::string> kOperators = {"-", "OR", "(", ")", "\"", ":", "-("};
      std::string query;
      for (std::size_t i = inputs.below(200); i > 0; --i)
        query += kOperators[inputs.below(kOperators.size())] + " ";
      return query;
    }
    case 5:  // deep nesting
      return std::string(inputs.below(600), '(') + "dân" + std::string(inputs.below(600), ')');
    default:
      return random_query(inputs);
  }
}

void expect_clear_refusal(const Error& error, const std::string& query) {
  EXPECT_EQ(error.kind, ErrorKind::invalid_argument) << query << ": " << error.message;
  EXPECT_FALSE(error.message.empty()) << query;
  EXPECT_FALSE(error.user_message.empty()) << query;
  EXPECT_TRUE(is_valid_utf8(error.user_message)) << query;
}

void expect_words_valid(const query::Node& node) {
  for (const query::Word& word : node.words) {
    EXPECT_TRUE(is_valid_utf8(word.exact));
    EXPECT_TRUE(is_valid_utf8(word.folded));
  }
  for (const query::Node& child : node.children)
    expect_words_valid(child);
}

TEST(SearchRobustness, parser_gives_a_tree_or_a_clear_error_for_any_string) {
  FuzzInputs inputs(0x5ea6'0001);
  for (int round = 0; round < 4000; ++round) {
    const std::string text = hostile_query(inputs, round);
    SCOPED_TRACE(::testing::PrintToString(text.substr(0, 200)));
    auto parsed = query::parse_query(text);
    if (!parsed) {
      expect_clear_refusal(parsed.error(), text);
      continue;
    }
    EXPECT_EQ(parsed->root.kind, query::Node::Kind::all_of);
    expect_words_valid(parsed->root);
    EXPECT_TRUE(is_valid_utf8(query::describe(parsed->root)));
  }
}

TEST(SearchRobustness, date_and_number_helpers_accept_garbage) {
  FuzzInputs inputs(0x5ea6'0002);
  const std::vector<std::string> seeds = {
      "2025-01-01..2025-06-30", "31/12/2025", "2025-03", "..2025", "33/CT-TTg", "59/2023/NĐ-CP"};
  for (int round = 0; round < 4000; ++round) {
    const std::string text =
        round % 2 == 0 ? inputs.mutate(seeds[inputs.below(seeds.size())]) : inputs.random_text(12);
    SCOPED_TRACE(::testing::PrintToString(text));
    if (const auto range = query::parse_date_range(text)) {
      for (const std::string* bound : {&range->from, &range->to}) {
        EXPECT_TRUE(bound->empty() || bound->size() == 8) << *bound;
        for (const char c : *bound)
          EXPECT_TRUE(c >= '0' && c <= '9') << *bound;
      }
    }
    if (const auto bounds = query::date_bounds(text)) {
      EXPECT_LE(bounds->from, bounds->to);
    }
    if (const auto key = query::number_key(text)) {
      EXPECT_TRUE(is_valid_utf8(*key));
    }
  }
}

class SearcherRobustness : public ::testing::Test {
 protected:
  testing::SearchArchive archive_{{.name = "kh-32",
                                   .number = "32/KH-UBND",
                                   .title = "Triển khai công tác dân vận chính quyền năm 2026",
                                   .body = "Căn cứ Chỉ thị số 33/CT-TTg; dân vận khéo.",
                                   .cites = {"33/CT-TTg"}},
                                  {.name = "qd-215",
                                   .type = "Quyết định",
                                   .number = "215/QĐ-UBND",
                                   .date = "2025-12-02",
                                   .title = "Thành lập Tổ công tác dân vận",
                                   .body = "Điều 1. Thành lập tổ công tác."}};
};

TEST_F(SearcherRobustness, bad_parameters_are_quoted_back_as_valid_utf8_and_cut) {
  // The error messages become JSON: quoting invalid bytes back would make the server fail.
  auto& searcher = archive_.searcher();
  SearchRequest bad_year;
  bad_year.filters[archive::FieldId::year] = {"20\xFF\xFE"};
  SearchRequest bad_number;
  bad_number.filters[FieldId::number] = {"\xC3(" + std::string(5000, 'x')};
  SearchRequest bad_date;
  bad_date.from = "2025-\xE1\xBA";
  for (const SearchRequest& request : {bad_year, bad_number, bad_date}) {
    auto response = searcher.search(request);
    ASSERT_FALSE(response.ok());
    expect_clear_refusal(response.error(), "");
    EXPECT_TRUE(is_valid_utf8(response.error().message));
    EXPECT_LT(response.error().user_message.size(), 400u);
  }
  auto instrument = searcher.instrument("\xFF\xFF");
  ASSERT_FALSE(instrument.ok());
  expect_clear_refusal(instrument.error(), "");
  EXPECT_TRUE(is_valid_utf8(instrument.error().message));
}

// What a response echoes of a hostile request (words, suggestion, snippets) is valid UTF-8, so
// the API's JSON encodes it as it is.
void expect_valid_utf8(const SearchResponse& response) {
  EXPECT_TRUE(is_valid_utf8(response.suggestion));
  for (const std::string& word : response.unrequired_words)
    EXPECT_TRUE(is_valid_utf8(word));
  for (const auto& missing : response.missing_numbers)
    EXPECT_TRUE(is_valid_utf8(missing.number));
  for (const SearchHit& hit : response.hits) {
    EXPECT_TRUE(is_valid_utf8(hit.snippet));
    for (const std::string& word : hit.missing_words)
      EXPECT_TRUE(is_valid_utf8(word));
  }
  for (const auto& [name, values] : response.facets)
    for (const FacetValue& value : values)
      EXPECT_TRUE(is_valid_utf8(value.value));
}

TEST_F(SearcherRobustness, any_query_gives_results_or_a_clear_error) {
  FuzzInputs inputs(0x5ea6'0003);
  auto& searcher = archive_.searcher();
  for (int round = 0; round < 600; ++round) {
    SearchRequest request;
    request.query = hostile_query(inputs, round);
    SCOPED_TRACE(::testing::PrintToString(request.query.substr(0, 200)));
    auto response = searcher.search(request);
    if (!response) {
      expect_clear_refusal(response.error(), request.query);
      continue;
    }
    EXPECT_LE(response->hits.size(), response->total);
    expect_valid_utf8(*response);
  }
}

TEST_F(SearcherRobustness, any_filter_parameters_give_results_or_a_clear_error) {
  FuzzInputs inputs(0x5ea6'0004);
  auto& searcher = archive_.searcher();
  const auto garbage = [&] {
    switch (inputs.below(4)) {
      case 0:
        return inputs.random_bytes(30);
      case 1:
        return inputs.random_text(10);
      case 2:
        return std::string(400 + inputs.below(400), "9A/-"[inputs.below(4)]);
      default:
        return inputs.mutate(std::string("2025-01-31"));
    }
  };
  for (int round = 0; round < 400; ++round) {
    SearchRequest request;
    request.query = inputs.one_in(2) ? "dân vận" : "";
    for (std::size_t i = inputs.below(3); i > 0; --i)
      request.filters[archive::FieldId::issuer].push_back(garbage());
    for (std::size_t i = inputs.below(3); i > 0; --i)
      request.filters[archive::FieldId::type].push_back(garbage());
    for (std::size_t i = inputs.below(3); i > 0; --i)
      request.filters[archive::FieldId::year].push_back(garbage());
    for (std::size_t i = inputs.below(3); i > 0; --i)
      request.filters[archive::FieldId::cites].push_back(garbage());
    if (inputs.one_in(2)) request.filters[archive::FieldId::number] = {garbage()};
    if (inputs.one_in(2)) request.from = garbage();
    if (inputs.one_in(2)) request.to = garbage();
    request.sort = static_cast<SortOrder>(inputs.below(3));
    const int extremes[] = {0, -1, 1, 2, 100, 101, 1 << 30, -(1 << 30), 2147483647};
    request.page = extremes[inputs.below(std::size(extremes))];
    request.size = extremes[inputs.below(std::size(extremes))];
    auto response = searcher.search(request);
    if (!response) {
      expect_clear_refusal(response.error(), request.query);
      continue;
    }
    EXPECT_LE(response->hits.size(), static_cast<std::size_t>(kMaxPageSize));
    expect_valid_utf8(*response);
  }
}

TEST_F(SearcherRobustness, instrument_and_document_lookups_accept_garbage) {
  FuzzInputs inputs(0x5ea6'0005);
  auto& searcher = archive_.searcher();
  for (int round = 0; round < 300; ++round) {
    const std::string text = round % 2 == 0 ? inputs.random_bytes(60) : inputs.random_text(20);
    SCOPED_TRACE(::testing::PrintToString(text));
    if (auto instrument = searcher.instrument(text)) {
      EXPECT_TRUE(is_valid_utf8(instrument->number_key));
    } else {
      EXPECT_FALSE(instrument.error().message.empty());
    }
    if (auto document = searcher.document(text)) {
      EXPECT_EQ(document->document.id, text);
    } else {
      EXPECT_FALSE(document.error().message.empty());
    }
  }
}

}  // namespace
}  // namespace vanban::archive
