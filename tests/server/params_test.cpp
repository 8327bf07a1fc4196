// /api/search parameters: what a client sends and what the searcher receives.
#include "vanban/server/params.hpp"

#include <string>

#include <gtest/gtest.h>

#include "vanban/server/responses.hpp"

namespace vanban::server {
namespace {

// The request as the client sent it, before archive::parse_search validates it.
archive::SearchRequest parse_ok(const QueryParams& params) {
  auto request = search_request(params);
  EXPECT_TRUE(request.ok()) << (request.ok() ? "" : request.error().message);
  return request.ok() ? *request : archive::SearchRequest{};
}

archive::ParsedSearch parsed_ok(const QueryParams& params) {
  auto parsed = parse_search_params(params);
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
  return parsed.ok() ? *parsed : archive::ParsedSearch{};
}

std::vector<std::string> values(const archive::SearchRequest& request, archive::FieldId field) {
  const auto found = request.filters.find(field);
  return found == request.filters.end() ? std::vector<std::string>{} : found->second;
}

Error parse_error(const QueryParams& params, const SearchLimits& limits = {}) {
  auto parsed = parse_search_params(params, limits);
  EXPECT_FALSE(parsed.ok());
  return parsed.ok() ? Error{} : parsed.error();
}

TEST(SearchParams, no_parameters_mean_first_page_by_relevance) {
  const auto request = parse_ok({});
  EXPECT_EQ(request.query, "");
  EXPECT_EQ(request.sort, archive::SortOrder::relevance);
  EXPECT_EQ(request.page, 1);
  EXPECT_EQ(request.size, 20);
  EXPECT_TRUE(request.filters.empty());
  EXPECT_FALSE(request.from.has_value());
}

TEST(SearchParams, repeated_filters_are_all_kept_in_order) {
  const auto request = parse_ok({{"issuer", "Ủy ban nhân dân tỉnh A"},
                                 {"issuer", "Bộ Tài chính"},
                                 {"type", "Kế hoạch"},
                                 {"year", "2025"},
                                 {"year", "2026"},
                                 {"cites", "33/CT-TTg"}});
  using archive::FieldId;
  EXPECT_EQ(values(request, FieldId::issuer),
            (std::vector<std::string>{"Ủy ban nhân dân tỉnh A", "Bộ Tài chính"}));
  EXPECT_EQ(values(request, FieldId::type), (std::vector<std::string>{"Kế hoạch"}));
  EXPECT_EQ(values(request, FieldId::year), (std::vector<std::string>{"2025", "2026"}));
  EXPECT_EQ(values(request, FieldId::cites), (std::vector<std::string>{"33/CT-TTg"}));
}

TEST(SearchParams, empty_filter_values_are_ignored) {
  const auto parsed = parsed_ok({{"issuer", ""}, {"type", "  "}, {"number", ""}, {"sort", ""}});
  EXPECT_FALSE(parsed.filters.has(archive::FieldId::issuer));
  EXPECT_FALSE(parsed.filters.has(archive::FieldId::type));
  EXPECT_FALSE(parsed.filters.has(archive::FieldId::number));
}

TEST(SearchParams, query_number_dates_sort_and_paging_are_passed_on) {
  const auto request = parse_ok({{"q", " dân vận khéo "},
                                 {"number", "33/CT-TTg"},
                                 {"from", "2025-01-01"},
                                 {"to", "2025-06-30"},
                                 {"sort", "newest"},
                                 {"page", "3"},
                                 {"size", "50"}});
  EXPECT_EQ(request.query, "dân vận khéo");
  EXPECT_EQ(values(request, archive::FieldId::number), std::vector<std::string>{"33/CT-TTg"});
  EXPECT_EQ(request.from, "2025-01-01");
  EXPECT_EQ(request.to, "2025-06-30");
  EXPECT_EQ(request.sort, archive::SortOrder::newest);
  EXPECT_EQ(request.page, 3);
  EXPECT_EQ(request.size, 50);
  EXPECT_EQ(parse_ok({{"sort", "oldest"}}).sort, archive::SortOrder::oldest);
  EXPECT_EQ(parse_ok({{"sort", "relevance"}}).sort, archive::SortOrder::relevance);
}

TEST(SearchParams, in_title_searches_the_title_alone) {
  EXPECT_EQ(parse_ok({}).scope, archive::SearchScope::all);
  EXPECT_EQ(parse_ok({{"in", "all"}}).scope, archive::SearchScope::all);
  EXPECT_EQ(parsed_ok({{"q", "dân vận"}, {"in", "title"}}).scope, archive::SearchScope::title);
  const Error error = parse_error({{"in", "body"}});
  EXPECT_EQ(error.kind, ErrorKind::invalid_argument);
  EXPECT_NE(error.user_message.find("Tham số in"), std::string::npos) << error.user_message;
}

TEST(SearchParams, a_relation_question_is_read_unless_the_words_are_asked_for) {
  const auto question = parsed_ok({{"q", "văn bản nào sửa đổi nghị định 14/2017"}});
  ASSERT_TRUE(question.question.has_value());
  EXPECT_EQ(question.question->field, archive::FieldId::amends);
  const auto words = parsed_ok({{"q", "văn bản nào sửa đổi nghị định 14/2017"}, {"as_words", "1"}});
  EXPECT_FALSE(words.question.has_value());
  EXPECT_FALSE(parsed_ok({{"q", "quy định về căn cứ xác định thuế"}}).question.has_value());
  EXPECT_EQ(parse_error({{"as_words", "yes"}}).kind, ErrorKind::invalid_argument);
}

TEST(SearchParams, page_size_over_the_cap_is_capped) {
  EXPECT_EQ(parsed_ok({{"size", "100000"}}).size, archive::kMaxPageSize);
}

TEST(SearchParams, non_numeric_or_non_positive_paging_is_a_bad_request) {
  for (const char* value : {"abc", "0", "-1", "1.5", "", "2x", "99999999999999999999"}) {
    const Error page = parse_error({{"page", value}});
    EXPECT_EQ(http_status(page.kind), 400) << value;
    EXPECT_NE(user_message(page).find("page"), std::string::npos) << value;
    EXPECT_EQ(http_status(parse_error({{"size", value}}).kind), 400) << value;
  }
}

TEST(SearchParams, pages_past_the_limit_are_refused) {
  SearchLimits limits;
  limits.max_page = 10;
  EXPECT_EQ(http_status(parse_error({{"page", "11"}}, limits).kind), 400);
}

TEST(SearchParams, malformed_or_impossible_dates_are_bad_requests) {
  for (const char* value :
       {"2025-13-01", "2025-02-30", "2025/01/01", "01-01-2025", "2025-1-1", "yesterday"}) {
    const Error error = parse_error({{"from", value}});
    EXPECT_EQ(http_status(error.kind), 400) << value;
    EXPECT_NE(user_message(error).find("YYYY-MM-DD"), std::string::npos);
  }
  EXPECT_EQ(parse_ok({{"to", "2024-02-29"}}).to, "2024-02-29");  // a leap day
}

TEST(SearchParams, a_date_is_also_taken_day_first_as_staff_write_it) {
  const auto iso = parsed_ok({{"from", "2025-03-09"}, {"to", "2025-12-31"}});
  const auto dmy = parsed_ok({{"from", "9/3/2025"}, {"to", "31/12/2025"}});
  ASSERT_EQ(dmy.filters.dates.size(), 1u);
  ASSERT_EQ(iso.filters.dates.size(), 1u);
  EXPECT_EQ(dmy.filters.dates[0].from, iso.filters.dates[0].from);
  EXPECT_EQ(dmy.filters.dates[0].to, iso.filters.dates[0].to);
  // The message names both forms it accepts.
  for (const char* value : {"31/02/2025", "3/2025", "32/01/2025"}) {
    const Error error = parse_error({{"to", value}});
    EXPECT_EQ(http_status(error.kind), 400) << value;
    EXPECT_NE(user_message(error).find("dd/mm/yyyy"), std::string::npos) << value;
  }
}

TEST(SearchParams, a_range_ending_before_it_starts_is_a_bad_request) {
  EXPECT_EQ(http_status(parse_error({{"from", "2025-06-01"}, {"to", "2025-01-01"}}).kind), 400);
}

TEST(SearchParams, unknown_sort_order_is_a_bad_request_in_vietnamese) {
  const Error error = parse_error({{"sort", "popular"}});
  EXPECT_EQ(http_status(error.kind), 400);
  EXPECT_EQ(user_message(error), "Tham số sort chỉ nhận relevance, newest hoặc oldest.");
}

TEST(SearchParams, year_must_have_four_digits) {
  EXPECT_EQ(http_status(parse_error({{"year", "25"}}).kind), 400);
  EXPECT_EQ(http_status(parse_error({{"year", "năm"}}).kind), 400);
}

TEST(SearchParams, single_valued_parameters_given_twice_are_refused) {
  EXPECT_EQ(http_status(parse_error({{"q", "a"}, {"q", "b"}}).kind), 400);
  EXPECT_EQ(http_status(parse_error({{"page", "1"}, {"page", "2"}}).kind), 400);
}

TEST(SearchParams, over_long_query_is_too_large) {
  SearchLimits limits;
  limits.max_query_bytes = 15;
  std::string five_accented;
  for (int i = 0; i < 5; ++i)
    five_accented += "ệ";  // 3 bytes each
  EXPECT_TRUE(parse_search_params({{"q", five_accented}}, limits).ok());
  const Error error = parse_error({{"q", five_accented + "a"}}, limits);
  EXPECT_EQ(http_status(error.kind), 413);
  EXPECT_NE(user_message(error).find("quá dài"), std::string::npos);
}

TEST(SearchParams, invalid_utf8_is_a_bad_request) {
  EXPECT_EQ(http_status(parse_error({{"q", "d\xE2n"}}).kind), 400);
  EXPECT_EQ(http_status(parse_error({{"issuer", "\xC0\xAF"}}).kind), 400);
  EXPECT_EQ(http_status(parse_error({{"q", "\xED\xA0\x80"}}).kind), 400);  // a surrogate
}

TEST(SearchParams, too_many_values_for_one_filter_are_refused) {
  SearchLimits limits;
  limits.max_filter_values = 2;
  EXPECT_EQ(http_status(parse_error({{"type", "a"}, {"type", "b"}, {"type", "c"}}, limits).kind),
            413);
}

TEST(SearchParams, unknown_parameters_are_ignored) {
  EXPECT_EQ(parse_ok({{"_", "12345"}, {"q", "x"}}).query, "x");
}

TEST(ErrorMapping, every_kind_maps_to_one_status_with_a_vietnamese_default) {
  EXPECT_EQ(http_status(ErrorKind::invalid_argument), 400);
  EXPECT_EQ(http_status(ErrorKind::not_found), 404);
  EXPECT_EQ(http_status(ErrorKind::too_large), 413);
  EXPECT_EQ(http_status(ErrorKind::unsupported), 415);
  EXPECT_EQ(http_status(ErrorKind::io), 500);
  EXPECT_EQ(http_status(ErrorKind::internal), 500);
  EXPECT_EQ(user_message(make_error(ErrorKind::not_found, "no such id")), "Không tìm thấy.");
  EXPECT_EQ(user_message(make_error(ErrorKind::io, "disk", "Ổ đĩa đầy.")), "Ổ đĩa đầy.");
}

}  // namespace
}  // namespace vanban::server
