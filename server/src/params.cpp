#include "vanban/server/params.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "utf8.hpp"

namespace vanban::server {
namespace {

Error bad_param(const std::string& name, std::string user_message) {
  return make_error(ErrorKind::invalid_argument, "bad parameter: " + name, std::move(user_message));
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

Result<std::string> utf8_value(const std::string& name, std::string_view value) {
  if (!utf8_length(value)) {
    return bad_param(name, "Tham số " + name + " không phải văn bản UTF-8 hợp lệ.");
  }
  return std::string(trim(value));
}

Result<int> positive_int(const std::string& name, const std::string& value) {
  int number = 0;
  const char* end = value.data() + value.size();
  const auto [stop, error] = std::from_chars(value.data(), end, number);
  if (value.empty() || error != std::errc{} || stop != end || number < 1) {
    return bad_param(name, "Tham số " + name + " phải là số nguyên dương.");
  }
  return number;
}

// Every value of a parameter, trimmed; empty ones are left to parse_search to ignore.
Result<std::vector<std::string>> all_values(const QueryParams& params, const std::string& name) {
  std::vector<std::string> values;
  const auto [first, last] = params.equal_range(name);
  for (auto it = first; it != last; ++it) {
    auto value = utf8_value(name, it->second);
    if (!value.ok()) return value.error();
    values.push_back(std::move(*value));
  }
  return values;
}

}  // namespace

Result<std::optional<std::string>> single_param(const QueryParams& params,
                                                const std::string& name) {
  const auto count = params.count(name);
  if (count == 0) return std::optional<std::string>{};
  if (count > 1) return bad_param(name, "Tham số " + name + " chỉ được dùng một lần.");
  auto value = utf8_value(name, params.find(name)->second);
  if (!value.ok()) return value.error();
  return std::optional<std::string>{std::move(*value)};
}

Result<archive::SearchRequest> search_request(const QueryParams& params) {
  archive::SearchRequest request;
  auto query = single_param(params, "q");
  if (!query.ok()) return query.error();
  if (query->has_value()) request.query = std::move(**query);

  for (const archive::FieldSpec& field : archive::kSearchFields) {
    if (field.id == archive::FieldId::date) continue;  // from, to
    auto values = all_values(params, std::string(field.name));
    if (!values.ok()) return values.error();
    if (!values->empty()) request.filters[field.id] = std::move(*values);
  }
  for (auto* bound : {&request.from, &request.to}) {
    auto value = single_param(params, bound == &request.from ? "from" : "to");
    if (!value.ok()) return value.error();
    if (value->has_value() && !(*value)->empty()) *bound = std::move(**value);
  }

  auto sort = single_param(params, "sort");
  if (!sort.ok()) return sort.error();
  if (sort->has_value() && !(*sort)->empty()) {
    const std::string& order = **sort;
    if (order == "relevance") {
      request.sort = archive::SortOrder::relevance;
    } else if (order == "newest") {
      request.sort = archive::SortOrder::newest;
    } else if (order == "oldest") {
      request.sort = archive::SortOrder::oldest;
    } else {
      return bad_param("sort", "Tham số sort chỉ nhận relevance, newest hoặc oldest.");
    }
  }
  auto in = single_param(params, "in");
  if (!in.ok()) return in.error();
  if (in->has_value() && !(*in)->empty()) {
    if (**in == "title") {
      request.scope = archive::SearchScope::title;
    } else if (**in != "all") {
      return bad_param("in", "Tham số in chỉ nhận all (toàn văn) hoặc title (trích yếu).");
    }
  }
  auto as_words = single_param(params, "as_words");
  if (!as_words.ok()) return as_words.error();
  if (as_words->has_value() && !(*as_words)->empty()) {
    if (**as_words != "1" && **as_words != "0")
      return bad_param("as_words", "Tham số as_words chỉ nhận 1 hoặc 0.");
    request.as_words = **as_words == "1";
  }
  for (const char* name : {"page", "size"}) {
    auto text = single_param(params, name);
    if (!text.ok()) return text.error();
    if (!text->has_value()) continue;
    auto value = positive_int(name, **text);
    if (!value.ok()) return value.error();
    (std::string_view(name) == "page" ? request.page : request.size) = *value;
  }
  return request;
}

Result<archive::ParsedSearch> parse_search_params(const QueryParams& params,
                                                  const archive::SearchLimits& limits) {
  auto request = search_request(params);
  if (!request.ok()) return request.error();
  return archive::parse_search(*request, limits);
}

Result<std::string> as_of_param(const QueryParams& params) {
  auto value = single_param(params, "as_of");
  if (!value.ok()) return value.error();
  if (!*value || (*value)->empty()) return std::string();
  return archive::parse_day(**value, "as_of");
}

}  // namespace vanban::server
