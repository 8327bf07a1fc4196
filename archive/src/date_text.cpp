#include "date_text.hpp"

#include <chrono>
#include <vector>

namespace vanban::archive {
namespace {

// Splits on `separator` into runs of digits; nullopt when anything else appears.
std::optional<std::vector<std::string_view>> digit_parts(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == separator) {
      if (i == start) return std::nullopt;
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    } else if (text[i] < '0' || text[i] > '9') {
      return std::nullopt;
    }
  }
  return parts;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (const char c : digits)
    value = value * 10 + (c - '0');
  return value;
}

}  // namespace

std::optional<DateText> parse_date_text(std::string_view text) {
  if (text.empty() || text.size() > 10) return std::nullopt;
  DateText date;
  if (auto iso = digit_parts(text, '-'); iso && (*iso)[0].size() == 4 && iso->size() <= 3) {
    date.year = to_int((*iso)[0]);
    if (iso->size() >= 2) {
      if ((*iso)[1].size() > 2) return std::nullopt;
      date.month = to_int((*iso)[1]);
    }
    if (iso->size() == 3) {
      if ((*iso)[2].size() > 2) return std::nullopt;
      date.day = to_int((*iso)[2]);
    }
  } else if (auto vn = digit_parts(text, '/'); vn && vn->size() >= 2 && vn->back().size() == 4) {
    date.year = to_int(vn->back());
    if ((*vn)[vn->size() - 2].size() > 2) return std::nullopt;
    date.month = to_int((*vn)[vn->size() - 2]);
    if (vn->size() == 3) {
      if ((*vn)[0].size() > 2) return std::nullopt;
      date.day = to_int((*vn)[0]);
    } else if (vn->size() > 3) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  if (date.year < 1000) return std::nullopt;
  if (date.month == 0 && date.day == 0) return date;
  if (date.month < 1 || date.month > 12) return std::nullopt;
  if (date.day == 0) return date;
  const std::chrono::year_month_day ymd{std::chrono::year{date.year},
                                        std::chrono::month{static_cast<unsigned>(date.month)},
                                        std::chrono::day{static_cast<unsigned>(date.day)}};
  if (!ymd.ok()) return std::nullopt;
  return date;
}

}  // namespace vanban::archive
