#include "vanban/archive/search_request.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <string_view>

#include "vanban/analyzers/symbol.hpp"
#include "vanban/archive/validity.hpp"

#include "date_text.hpp"
#include "typed_echo.hpp"

namespace vanban::archive {
namespace {

Error bad(std::string message, std::string user_message) {
  return make_error(ErrorKind::invalid_argument, std::move(message), std::move(user_message));
}

bool is_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

bool is_iso_date(std::string_view text);

// A day as the API takes it: YYYY-MM-DD, or dd/mm/yyyy as staff write it.
bool is_day(std::string_view text) {
  if (text.find('/') == std::string_view::npos) return is_iso_date(text);
  const auto date = parse_date_text(text);
  return date && date->day != 0 &&
         std::chrono::year_month_day{std::chrono::year{date->year},
                                     std::chrono::month{static_cast<unsigned>(date->month)},
                                     std::chrono::day{static_cast<unsigned>(date->day)}}
             .ok();
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

Error bad_day(std::string_view typed, std::string_view parameter) {
  return bad("bad date: " + typed_echo(typed),
             "Ngày ở tham số " + std::string(parameter) +
                 " không hợp lệ, cần dạng YYYY-MM-DD hoặc dd/mm/yyyy (ví dụ 2026-01-31 "
                 "hoặc 31/01/2026).");
}

// A value of `field` given outside the box, checked as the box's parser checks it.
Status check_value(FieldId field, const std::string& value) {
  switch (field) {
    case FieldId::year:
      if (value.size() != 4 || !is_digits(value)) {
        if (query::names_unknown(value)) break;
        return bad("bad year: " + typed_echo(value),
                   "Năm không hợp lệ: “" + typed_echo(value) + "” (cần 4 chữ số).");
      }
      break;
    case FieldId::number:
      if (!analyzers::symbol_key(value)) {
        return bad("bad number: " + typed_echo(value),
                   "Số, ký hiệu không hợp lệ: “" + typed_echo(value) + "”.");
      }
      break;
    case FieldId::validity:
      if (statuses_matching(value).empty()) return query::bad_status(value);
      break;
    case FieldId::issuer:
    case FieldId::type:
    case FieldId::cites:
    case FieldId::signer:
    case FieldId::date:
    case FieldId::amends:
    case FieldId::based_on:
    case FieldId::replaces:
    case FieldId::repeals:
    case FieldId::implements:
    case FieldId::guides:
      break;
  }
  return Status::success();
}

Result<Filters> filters_of(const SearchRequest& request, const SearchLimits& limits) {
  Filters filters;
  for (const auto& [field, values] : request.filters) {
    const FieldSpec& spec = field_spec(field);
    std::vector<std::string> kept;
    for (const std::string& value : values) {
      if (value.empty()) continue;
      const std::size_t allowed = spec.repeated ? limits.max_filter_values : 1;
      if (kept.size() == allowed) {
        if (!spec.repeated) {
          return bad("repeated parameter: " + std::string(spec.name),
                     "Tham số " + std::string(spec.name) + " chỉ được dùng một lần.");
        }
        return make_error(ErrorKind::too_large, "too many values: " + std::string(spec.name),
                          "Quá nhiều giá trị cho tham số " + std::string(spec.name) + ".");
      }
      if (Status checked = check_value(field, value); !checked) return checked.error();
      kept.push_back(value);
    }
    if (!kept.empty()) filters.values[field] = std::move(kept);
  }
  query::DateRange range;
  for (const auto* bound : {&request.from, &request.to}) {
    if (!*bound || (*bound)->empty()) continue;
    const char* name = bound == &request.from ? "from" : "to";
    const auto bounds = is_day(**bound) ? query::date_bounds(**bound) : std::nullopt;
    if (!bounds) return bad_day(**bound, name);
    (bound == &request.from ? range.from : range.to) =
        bound == &request.from ? bounds->from : bounds->to;
  }
  if (!range.from.empty() && !range.to.empty() && range.from > range.to) {
    return bad("date range reversed", "Khoảng ngày không hợp lệ: ngày bắt đầu sau ngày kết thúc.");
  }
  if (!range.from.empty() || !range.to.empty()) filters.dates.push_back(range);
  return filters;
}

// Moves the positive field nodes of the top level of the box into `filters`, so that a typed
// `cq:` behaves like the issuer parameter (and is left out of its own facet's counts).
void move_fields_to_filters(query::Node& root, Filters& filters) {
  auto& children = root.children;
  for (auto it = children.begin(); it != children.end();) {
    if (it->kind != query::Node::Kind::field) {
      ++it;
      continue;
    }
    if (it->field == FieldId::date) {
      filters.dates.push_back(it->range);
    } else {
      filters.values[it->field].push_back(it->value);
    }
    it = children.erase(it);
  }
}

}  // namespace

bool Filters::has(FieldId field) const {
  if (field == FieldId::date) return !dates.empty();
  const auto found = values.find(field);
  return found != values.end() && !found->second.empty();
}

Result<ParsedSearch> parse_search(const SearchRequest& request, const SearchLimits& limits) {
  if (request.query.size() > limits.max_query_bytes) {
    return make_error(ErrorKind::too_large,
                      "query of " + std::to_string(request.query.size()) + " bytes",
                      "Câu tìm kiếm quá dài, hãy rút gọn.");
  }
  if (request.page < 1) return bad("page < 1", "Số trang phải từ 1 trở lên.");
  if (request.page > limits.max_page) {
    return bad("page past the limit",
               "Tham số page vượt quá giới hạn (tối đa " + std::to_string(limits.max_page) + ").");
  }
  if (request.size < 1) return bad("size < 1", "Số kết quả mỗi trang phải từ 1 trở lên.");
  auto parsed = query::parse_query(request.query);
  if (!parsed) return parsed.error();
  auto filters = filters_of(request, limits);
  if (!filters) return filters.error();
  ParsedSearch search;
  const std::size_t typed_items = parsed->root.children.size();
  search.query = std::move(parsed->root);
  search.asked = parsed->asked;
  search.filters = std::move(*filters);
  move_fields_to_filters(search.query, search.filters);
  // Only a box of plain words and numbers may be a question (no field, phrase, exclusion, OR).
  const bool plain = std::all_of(
      search.query.children.begin(), search.query.children.end(), [](const query::Node& child) {
        return child.kind == query::Node::Kind::words || child.kind == query::Node::Kind::number;
      });
  if (!request.as_words && plain && !search.query.children.empty() &&
      search.query.children.size() == typed_items)
    search.question = read_relation_question(request.query);
  search.sort = request.sort;
  search.scope = request.scope;
  search.page = request.page;
  search.size = std::min({request.size, limits.max_page_size, kMaxPageSize});
  return search;
}

Result<std::string> parse_day(std::string_view typed, std::string_view parameter) {
  const auto bounds = is_day(typed) ? query::date_bounds(typed) : std::nullopt;
  if (!bounds) return bad_day(typed, parameter);
  // A day's upper bound is the day itself as YYYYMMDD (the lower one of a 1st admits YYYYMM00).
  const std::string& day = bounds->to;
  return day.substr(0, 4) + "-" + day.substr(4, 2) + "-" + day.substr(6, 2);
}

}  // namespace vanban::archive
