// Dates as Vietnamese documents write them: "ngày 05 tháng 01 năm 2020", "26/11/2021",
// "05-3-2020", and header dates with a blank day ("ngày    tháng 01 năm 2026").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vanban::analyzers::structure {

struct DateMatch {
  std::string iso;      // "2021-11-26", or "2026-01" / "2026" when day / month are blank
  std::size_t end = 0;  // byte offset just after the date
};

// A date starting at `pos` (after "ngày " has been consumed): "26/11/2021", "26-11-2021",
// "26.11.2021" or "26 tháng 11 năm 2021". Blank day or month (spaces or dots) are accepted
// only when `allow_blank` (headers of drafts and registers). Rejects impossible dates.
std::optional<DateMatch> parse_date_at(std::string_view text, std::size_t pos,
                                       bool allow_blank = false);

// The first header date line in `line`: "<place>, ngày D tháng M năm YYYY". Returns the place
// (may be empty) and the date.
struct PlaceDate {
  std::string place;
  std::string iso;
  std::size_t start = 0;  // where the place begins in `line`
  std::size_t end = 0;    // just after the year
};
std::optional<PlaceDate> find_place_date(std::string_view line);

}  // namespace vanban::analyzers::structure
