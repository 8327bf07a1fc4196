// Dates as users type them in the box and in URL parameters.
#pragma once

#include <optional>
#include <string_view>

namespace vanban::archive {

// A calendar date, a month (day 0) or a year (month 0).
struct DateText {
  int year = 0;
  int month = 0;
  int day = 0;
};

// "2025", "2025-03", "2025-03-31", "31/3/2025", "3/2025"; nullopt when not a real date.
std::optional<DateText> parse_date_text(std::string_view text);

}  // namespace vanban::archive
