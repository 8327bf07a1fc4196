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

bool is_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// YYYY-MM-DD naming a day of the calendar.
bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (!is_digits(text.substr(0, 4)) || !is_digits(text.substr(5, 2)) ||
      !is_digits(text.substr(8, 2))) {
    return false;
  }
  const auto field = [&](std::size_t at, std::size_t length) {
    int number = 0;
    std::from_chars(text.data() + at, text.data() + at + length, number);
    return number;
  };
  const std::chrono::year_month_day day{std::chrono::year{field(0, 4)},
                                        std::chrono::month{static_cast<unsigned>(field(5, 2))},
                                        std::chrono::day{static_cast<unsigned>(field(8, 2))}};
  return day.ok();
}

Result<std::optional<std::string>> date_param(const QueryParams& params, const std::string& name) {
  auto value = single_param(params, name);
  if (!value.ok() || !value->has_value()) return value;
  const std::string date(trim(**value));
  if (date.empty()) return std::optional<std::string>{};
  if (!is_iso_date(date)) {
    return bad_param(name, "Ngày ở tham số " + name + " không hợp lệ, cần dạng YYYY-MM-DD.");
  }
  return std::optional<std::string>{date};
}

// Every non-empty value of a repeated parameter.
Result<std::vector<std::string>> multi_param(const QueryParams& params, const std::string& name,
                                             const SearchLimits& limits) {
  std::vector<std::string> values;
  const auto [first, last] = params.equal_range(name);
  for (auto it = first; it != last; ++it) {
    auto value = utf8_value(name, it->second);
    if (!value.ok()) return value.error();
    if (value->empty()) continue;
    if (values.size() == limits.max_filter_values) {
      return make_error(ErrorKind::too_large, "too many values: " + name,
                        "Quá nhiều giá trị cho tham số " + name + ".");
    }
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

Result<archive::SearchRequest> parse_search_params(const QueryParams& params,
                                                   const SearchLimits& limits) {
  archive::SearchRequest request;

  auto query = single_param(params, "q");
  if (!query.ok()) return query.error();
  if (query->has_value()) {
    request.query = std::move(**query);
    if (request.query.size() > limits.max_query_bytes) {
      return make_error(ErrorKind::too_large,
                        "query of " + std::to_string(request.query.size()) + " bytes",
                        "Câu tìm kiếm quá dài, hãy rút gọn.");
    }
  }

  struct Filter {
    const char* name;
    std::vector<std::string>* target;
  };
  for (const Filter& filter : {Filter{"issuer", &request.issuers}, Filter{"type", &request.types},
                               Filter{"year", &request.years}, Filter{"cites", &request.cites}}) {
    auto values = multi_param(params, filter.name, limits);
    if (!values.ok()) return values.error();
    *filter.target = std::move(*values);
  }
  for (const auto& year : request.years) {
    if (year.size() != 4 || !is_digits(year)) {
      return bad_param("year", "Năm không hợp lệ: \"" + year + "\" (cần 4 chữ số).");
    }
  }

  auto number = single_param(params, "number");
  if (!number.ok()) return number.error();
  if (number->has_value() && !(*number)->empty()) request.number = std::move(**number);

  auto from = date_param(params, "from");
  if (!from.ok()) return from.error();
  request.from = std::move(*from);
  auto to = date_param(params, "to");
  if (!to.ok()) return to.error();
  request.to = std::move(*to);
  if (request.from && request.to && *request.from > *request.to) {
    return bad_param("from", "Khoảng ngày không hợp lệ: ngày bắt đầu sau ngày kết thúc.");
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

  auto page = single_param(params, "page");
  if (!page.ok()) return page.error();
  if (page->has_value()) {
    auto value = positive_int("page", **page);
    if (!value.ok()) return value.error();
    if (*value > limits.max_page) {
      return bad_param("page", "Tham số page vượt quá giới hạn (tối đa " +
                                   std::to_string(limits.max_page) + ").");
    }
    request.page = *value;
  }

  auto size = single_param(params, "size");
  if (!size.ok()) return size.error();
  if (size->has_value()) {
    auto value = positive_int("size", **size);
    if (!value.ok()) return value.error();
    request.size = std::min(*value, limits.max_page_size);
  }
  request.size = std::min(request.size, limits.max_page_size);
  return request;
}

}  // namespace vanban::server
