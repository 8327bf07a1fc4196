#include "vanban/analyzers/reading_text.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "structure/lost_letters.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers {
namespace {

using structure::fold_key;
using structure::is_upper_text;
using structure::starts_lower;
using structure::starts_upper;
using structure::starts_with;
using structure::trim;

// The lines of a text without the empty one after a final line break.
std::vector<std::string_view> text_lines(std::string_view text) {
  auto lines = structure::split_lines(text);
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// The value of a line that is only a page number: "12", "- 12 -", "Trang 12", "Trang 12/30",
// "Page 12". `certain` is set for the shapes that can only be page numbers.
std::optional<int> page_number(std::string_view line, bool& certain) {
  std::string_view text = trim(line);
  certain = false;
  if (text.size() >= 5 && text.front() == '-' && text.back() == '-') {
    text = trim(text.substr(1, text.size() - 2));
    certain = true;
  } else if (text.empty() || !(text.front() == 'T' || text.front() == 't' || text.front() == 'P')) {
    // not "Trang ..." nor "Page ..."
  } else if (const std::size_t space = text.find(' ');
             space != std::string_view::npos && space <= 6 &&
             (fold_key(text.substr(0, space)) == "trang" || text.substr(0, space) == "Page")) {
    text = trim(text.substr(space));
    if (const std::size_t slash = text.find('/'); slash != std::string_view::npos) {
      const std::string_view total = trim(text.substr(slash + 1));
      if (total.empty() || !std::all_of(total.begin(), total.end(), is_digit)) return std::nullopt;
      text = trim(text.substr(0, slash));
    }
    certain = true;
  }
  if (text.empty() || text.size() > 4 || !std::all_of(text.begin(), text.end(), is_digit))
    return std::nullopt;
  return std::stoi(std::string(text));
}

// Labels of a digital-signature stamp. The strong ones only stamps carry; the weak ones count
// next to a strong one ("Email:" is also the footer of a letter's first page).
constexpr std::array kStampLabels = {
    std::string_view{"Ký bởi:"},       std::string_view{"Người ký:"},
    std::string_view{"Thời gian ký:"}, std::string_view{"Ngày ký:"},
    std::string_view{"Signed by:"},    std::string_view{"Signature Not Verified"},
};
constexpr std::array kStampDetails = {
    std::string_view{"Email:"},
    std::string_view{"Cơ quan:"},
    std::string_view{"Chức vụ:"},
    std::string_view{"Đơn vị:"},
};

// The widest value line a stamp's box holds, in code points (its lines are a third of a page).
constexpr std::size_t kStampWidth = 40;

// The time a stamp gives after its date, with its zone: "11:12:56 +07:00".
bool stamp_time_shape(std::string_view text) {
  const auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > text.size()) return false;
    return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(at),
                       text.begin() + static_cast<std::ptrdiff_t>(at + n), is_digit);
  };
  // hh:mm:ss, then a space or none, then +hh:mm or -hh:mm.
  if (!digits(0, 2) || text.size() < 8 || text[2] != ':' || !digits(3, 2) || text[5] != ':' ||
      !digits(6, 2))
    return false;
  std::string_view zone = text.substr(8);
  if (zone.starts_with(" ")) zone.remove_prefix(1);
  return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' &&
         is_digit(zone[1]) && is_digit(zone[2]) && is_digit(zone[4]) && is_digit(zone[5]);
}

// A stamp's time label glued after the stamp's other value on one line ("CHINHPHU.VNThời gian
// ký: 08.07.2025 10:04:00 +07:00", a PDF's text layer reading the box's two lines as one): the
// label, a date, then the time of day with its zone, ending the line. No body line holds that.
bool glued_stamp_time(std::string_view line) {
  for (std::string_view label : {std::string_view{"Thời gian ký:"}, std::string_view{"Ngày ký:"}}) {
    const std::size_t at = line.find(label);
    if (at == std::string_view::npos || at == 0) continue;
    std::string_view rest = trim(line.substr(at + label.size()));
    const std::size_t space = rest.find(' ');
    if (space == std::string_view::npos || space < 8) continue;
    const std::string_view date = rest.substr(0, space);
    if (!std::all_of(date.begin(), date.end(),
                     [](char c) { return is_digit(c) || c == '.' || c == '/' || c == '-'; }))
      continue;
    if (stamp_time_shape(trim(rest.substr(space + 1)))) return true;
  }
  return false;
}

template <std::size_t N>
bool starts_with_any(std::string_view text, const std::array<std::string_view, N>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view prefix) { return starts_with(text, prefix); });
}

// The gazette's running header: "CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025", with the page number
// before or after it on even and odd pages.
bool gazette_header_shape(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size() && (is_digit(text[start]) || text[start] == ' '))
    ++start;
  if (start >= text.size() || (text[start] != 'C' && text[start] != 'c')) return false;
  const std::string folded = fold_key(text.substr(start, 24));
  return starts_with(folded, "cong bao/") || starts_with(folded, "cong bao /") ||
         starts_with(folded, "cong bao so ");
}

bool section_mark_shape(std::string_view text) {
  if (text.empty() || (text.front() != 'V' && text.front() != 'v')) return false;
  const std::string folded = fold_key(text.substr(0, 40));
  return folded == "van ban quy pham phap luat" || folded == "van ban phap luat khac";
}

// A line that opens a unit of the body: repeated on purpose, never furniture.
bool opens_body_unit(std::string_view text) {
  static constexpr std::array kHeads = {
      std::string_view{"dieu "},   std::string_view{"chuong "}, std::string_view{"muc "},
      std::string_view{"phan "},   std::string_view{"khoan "},  std::string_view{"mau "},
      std::string_view{"phu luc"}, std::string_view{"bieu "},
  };
  const std::string folded = fold_key(text.substr(0, 16));
  return std::any_of(kHeads.begin(), kHeads.end(),
                     [&](std::string_view head) { return starts_with(folded, head); });
}

// A running header's identity: the line without a page number glued before or after it.
std::string header_key(std::string_view text) {
  std::size_t start = 0;
  std::size_t end = text.size();
  std::size_t digits = 0;
  while (digits < text.size() && is_digit(text[digits]))
    ++digits;
  if (digits > 0 && digits <= 4 && digits < text.size() && text[digits] == ' ') start = digits;
  std::size_t tail = end;
  while (tail > start && is_digit(text[tail - 1]))
    --tail;
  if (tail < end && end - tail <= 4 && tail > start && text[tail - 1] == ' ') end = tail;
  return structure::collapse_spaces(text.substr(start, end - start));
}

constexpr std::size_t kPageLines = 20;  // fewer lines than a page holds: "far apart"

bool ends_sentence(std::string_view text) {
  while (!text.empty()) {
    const char last = text.back();
    if (last == '.' || last == ';' || last == ':' || last == '!' || last == '?') return true;
    if (last == '"' || last == ')') {
      text.remove_suffix(1);
    } else if (text.ends_with("\xE2\x80\x9D")) {  // ”
      text.remove_suffix(3);
    } else {
      return false;
    }
  }
  return false;
}

bool is_bare_number(std::string_view text) {
  return !text.empty() && text.size() <= 4 && std::all_of(text.begin(), text.end(), is_digit);
}

// True when the nearest text line before (direction -1) or after (+1) the lines `at` is not
// the same for all of them (blank lines and page numbers aside).
bool neighbours_vary(const std::vector<std::string_view>& lines, const std::vector<std::size_t>& at,
                     int direction) {
  std::optional<std::string_view> first;
  for (std::size_t line : at) {
    std::string_view neighbour;
    for (std::size_t j = line, steps = 0; steps < 4; ++steps) {
      if ((direction < 0 && j == 0) || (direction > 0 && j + 1 >= lines.size())) break;
      j = direction < 0 ? j - 1 : j + 1;
      if (lines[j].empty() || is_bare_number(lines[j])) continue;
      neighbour = lines[j];
      break;
    }
    if (!first) {
      first = neighbour;
    } else if (*first != neighbour) {
      return true;
    }
  }
  return false;
}

// The length of a clock time ("16:15", "08:43:32") that ends `text`, 0 for none: the hour in
// one or two digits, the minutes and seconds in two.
std::size_t clock_time_at_end(std::string_view text) {
  std::array<int, 3> groups{};
  std::size_t count = 0;
  std::size_t end = text.size();
  while (count < 3) {
    std::size_t start = end;
    while (start > 0 && is_digit(text[start - 1]) && end - start < 2)
      --start;
    if (start == end) return 0;
    groups[count++] = std::stoi(std::string(text.substr(start, end - start)));
    const bool two = end - start == 2;
    end = start;
    if (end > 0 && text[end - 1] == ':') {
      if (!two) return 0;  // minutes and seconds take two digits
      --end;
      continue;
    }
    break;
  }
  if (count < 2 || (end > 0 && (is_digit(text[end - 1]) || text[end - 1] == ':'))) return 0;
  if (groups[count - 1] > 23) return 0;
  for (std::size_t g = 0; g + 1 < count; ++g)
    if (groups[g] > 59) return 0;
  return text.size() - end;
}

// The length of a date ("16/10/2019", "30.06.2024", "1-7-2025") that ends `text`, 0 for none.
std::size_t date_at_end(std::string_view text) {
  std::size_t end = text.size();
  const std::array<std::size_t, 3> widths = {4, 2, 2};  // year, month, day: at most
  for (std::size_t part = 0; part < 3; ++part) {
    std::size_t start = end;
    while (start > 0 && is_digit(text[start - 1]) && end - start < widths[part])
      --start;
    const std::size_t digits = end - start;
    if (digits == 0 || (part == 0 && digits != 4)) return 0;
    end = start;
    if (part == 2) break;
    if (end == 0 || (text[end - 1] != '/' && text[end - 1] != '.' && text[end - 1] != '-'))
      return 0;
    --end;
  }
  if (end > 0 && is_digit(text[end - 1])) return 0;
  return text.size() - end;
}

// The length of a posting time that ends `text`: a date and a clock time, in either order,
// maybe in brackets and with the zone after it ("16/10/2019 16:15:29", "(30.06.2024 08:43)",
// "16:15 - 16/10/2019", "... 16:21 (GMT+7)"); 0 for none.
std::size_t posting_time_at_end(std::string_view text) {
  std::string_view rest = text;
  const auto drop_spaces = [&] {
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t'))
      rest.remove_suffix(1);
  };
  drop_spaces();
  bool bracket = false;
  if (!rest.empty() && rest.back() == ')') {
    rest.remove_suffix(1);
    bracket = true;
  }
  // A zone after the time: "GMT+7", "GMT+07:00", "+07:00", maybe in brackets of its own.
  for (std::string_view zone :
       {std::string_view{"GMT+07:00"}, std::string_view{"GMT+7"}, std::string_view{"+07:00"}}) {
    if (!rest.ends_with(zone)) continue;
    rest.remove_suffix(zone.size());
    drop_spaces();
    if (bracket && !rest.empty() && rest.back() == '(') {
      rest.remove_suffix(1);
      bracket = false;
    }
    break;
  }
  drop_spaces();
  const auto separator = [&] {
    drop_spaces();
    while (!rest.empty() && (rest.back() == ',' || rest.back() == '-' || rest.back() == '|'))
      rest.remove_suffix(1);
    drop_spaces();
  };
  if (const std::size_t clock = clock_time_at_end(rest); clock > 0) {
    rest.remove_suffix(clock);
    separator();
    const std::size_t date = date_at_end(rest);
    if (date == 0) return 0;
    rest.remove_suffix(date);
  } else if (const std::size_t date = date_at_end(rest); date > 0) {
    rest.remove_suffix(date);
    separator();
    const std::size_t time = clock_time_at_end(rest);
    if (time == 0) return 0;
    rest.remove_suffix(time);
  } else {
    return 0;
  }
  if (bracket) {
    drop_spaces();
    if (rest.empty() || rest.back() != '(') return 0;
    rest.remove_suffix(1);
  }
  return text.size() - rest.size();
}

// A line that is only a posting time, maybe behind a short label without digits ("Tin đăng
// vào16/10/2019 16:15:29", "Ngày đăng: 30/06/2024 08:43", "(16/10/2019 16:15)").
bool is_posting_time(std::string_view text) {
  const std::size_t time = posting_time_at_end(text);
  if (time == 0) return false;
  const std::string_view label = trim(text.substr(0, text.size() - time));
  return label.size() <= 40 && std::none_of(label.begin(), label.end(), is_digit);
}

// A portal's list of other pages (related documents, other news): links whose titles each
// have their posting time on the line after them, two at least in a row. A document names what
// it cites with a date, never with the clock time a page was posted at.
void mark_related_links(std::span<const std::string_view> trimmed, std::vector<Furniture>& kinds) {
  constexpr std::size_t kTitleLetters = 300;
  const std::size_t count = trimmed.size();
  std::vector<std::size_t> text_lines;  // lines that hold text and are no other furniture
  for (std::size_t i = 0; i < count; ++i)
    if (!trimmed[i].empty() && kinds[i] == Furniture::none) text_lines.push_back(i);
  const auto is_title = [&](std::size_t line) {
    const std::string_view text = trimmed[line];
    return !is_posting_time(text) && code_points(text) <= kTitleLetters;
  };
  std::size_t k = 0;
  while (k + 3 < text_lines.size()) {
    std::size_t end = k;
    while (end + 1 < text_lines.size() && is_posting_time(trimmed[text_lines[end + 1]]) &&
           is_title(text_lines[end]))
      end += 2;
    if (end - k >= 4) {
      for (std::size_t j = k; j < end; ++j)
        kinds[text_lines[j]] = Furniture::related_links;
      k = end;
    } else {
      ++k;
    }
  }
}

// A portal's links to the posts before and after the page's own ("Bài trướcNa Rì tổ chức ...",
// "Bài tiếp theo: Văn bản về việc thực hiện Công điện số ..."): the label, then the other post's
// title (glued to the label, after a colon or a space, in capitals where its title opens) or
// nothing. Another page's title names no instrument the document cites; a sentence that opens
// with the same words goes on in lower case ("Bài trước đã nêu ...").
bool post_navigation(std::string_view text) {
  static constexpr std::array kLabels = {
      std::string_view{"Bài viết tiếp theo"},
      std::string_view{"Bài viết trước"},
      std::string_view{"Bài tiếp theo"},
      std::string_view{"Bài trước"},
      std::string_view{"Bài sau"},
      std::string_view{"Tin tiếp theo"},
      std::string_view{"Tin trước"},
      std::string_view{"Tin sau"},
  };
  if (text.starts_with("«") || text.starts_with("<"))
    text = trim(text.substr(text[0] == '<' ? 1 : 2));
  for (std::string_view label : kLabels) {
    if (!text.starts_with(label)) continue;
    std::string_view rest = text.substr(label.size());
    if (rest.starts_with(":") || rest.starts_with("»") || rest.starts_with(">")) return true;
    rest = trim(rest);
    return rest.empty() || starts_upper(rest);
  }
  return false;
}

// A text layer may give a page's number more than once, on lines of its own beside the one
// next to the running header ("34" / "34" / "" / "34" / "CÔNG BÁO/Số ..."): a landscape page's
// layer read twice. The copies of a page number found are that number, up to four of them,
// blank lines aside, when the page sequence places it: the page numbers found before and
// after it in the text (a page of lines away at least) go up to it and on from it by a few
// pages (a gazette numbers its facing pages, one side's number glued to the header). A table's
// cells above a header ("10" / "10" in a landscape table) fit no such run and bring none.
void mark_page_number_copies(std::span<const std::string_view> trimmed,
                             const std::vector<std::pair<std::size_t, int>>& bare,
                             std::vector<Furniture>& kinds) {
  constexpr std::size_t kCopies = 4;
  constexpr int kPagesBetween = 4;
  std::vector<std::pair<std::size_t, int>> pages;  // bare page numbers found, in line order
  for (const auto& number : bare)
    if (kinds[number.first] == Furniture::page_number) pages.push_back(number);
  const auto placed = [&](std::size_t line, int value) {
    std::optional<int> before;
    std::optional<int> after;
    for (const auto& [other, other_value] : pages) {
      if (other + kPageLines <= line) before = other_value;
      if (other >= line + kPageLines && !after) after = other_value;
    }
    const bool fits_before = !before || (value > *before && value - *before <= kPagesBetween);
    const bool fits_after = !after || (*after > value && *after - value <= kPagesBetween);
    return (before || after) && fits_before && fits_after;
  };
  std::vector<std::size_t> copies;
  for (const auto& [line, value] : bare) {
    if (kinds[line] != Furniture::page_number || !placed(line, value)) continue;
    for (int direction : {-1, 1}) {
      std::size_t j = line;
      for (std::size_t found = 0; found < kCopies;) {
        if ((direction < 0 && j == 0) || (direction > 0 && j + 1 >= trimmed.size())) break;
        j = direction < 0 ? j - 1 : j + 1;
        if (trimmed[j].empty()) continue;
        if (trimmed[j] != trimmed[line] || kinds[j] != Furniture::none) break;
        copies.push_back(j);
        ++found;
      }
    }
  }
  for (std::size_t line : copies)
    kinds[line] = Furniture::page_number;
}

}  // namespace

std::string_view furniture_name(Furniture kind) {
  switch (kind) {
    case Furniture::running_header:
      return "running_header";
    case Furniture::page_number:
      return "page_number";
    case Furniture::signature_stamp:
      return "signature_stamp";
    case Furniture::section_mark:
      return "section_mark";
    case Furniture::related_links:
      return "related_links";
    case Furniture::table_border:
      return "table_border";
    case Furniture::none:
      break;
  }
  return "none";
}

std::vector<Furniture> find_furniture(std::span<const std::string_view> lines) {
  const std::size_t count = lines.size();
  std::vector<Furniture> kinds(count, Furniture::none);
  std::vector<std::string_view> trimmed(count);
  // A text layer's page break (a form feed) opens the next page's first line, often its
  // running header ("\f4   CÔNG BÁO/Số ..."): a break, not the line's text.
  for (std::size_t i = 0; i < count; ++i) {
    trimmed[i] = trim(lines[i]);
    while (!trimmed[i].empty() && trimmed[i].front() == '\f')
      trimmed[i] = trim(trimmed[i].substr(1));
  }

  // Stamps and the gazette's own shapes.
  for (std::size_t i = 0; i < count; ++i) {
    if (starts_with_any(trimmed[i], kStampLabels) || glued_stamp_time(trimmed[i])) {
      kinds[i] = Furniture::signature_stamp;
    } else if (gazette_header_shape(trimmed[i])) {
      kinds[i] = Furniture::running_header;
    } else if (section_mark_shape(trimmed[i])) {
      kinds[i] = Furniture::section_mark;
    }
  }
  // The other lines of a stamp: its details, next to a strong label (blank lines aside).
  for (std::size_t i = 0; i < count; ++i) {
    if (kinds[i] != Furniture::signature_stamp) continue;
    for (int direction : {-1, 1}) {
      std::size_t j = i;
      for (int steps = 0; steps < 4; ++steps) {
        if ((direction < 0 && j == 0) || (direction > 0 && j + 1 >= count)) break;
        j = direction < 0 ? j - 1 : j + 1;
        if (trimmed[j].empty()) continue;
        if (kinds[j] == Furniture::signature_stamp) continue;
        if (!starts_with_any(trimmed[j], kStampDetails)) break;
        kinds[j] = Furniture::signature_stamp;
      }
    }
  }

  mark_related_links(trimmed, kinds);
  for (std::size_t i = 0; i < count; ++i)
    if (kinds[i] == Furniture::none && post_navigation(trimmed[i]))
      kinds[i] = Furniture::related_links;
  // A stamp's box is narrow: a value too long for it wraps onto a line with no label ("Ký bởi:
  // Sở Thông tin và" / "Truyền thông", "Email:" / "so_tt@example.gov.vn", "Thời gian ký:
  // 07.02.2017" / "11:12:56 +07:00"). A short line without a label between two lines of the
  // stamp (its strong labels and details), or the time of day with its zone after one, is the
  // stamp's too; a line after the stamp's last label is not (nothing bounds it).
  for (std::size_t i = 0; i < count; ++i) {
    if (kinds[i] != Furniture::signature_stamp) continue;
    std::vector<std::size_t> pending;  // unlabelled short lines since the last line of the stamp
    for (std::size_t j = i + 1, seen = 0; j < count && seen < 8; ++j) {
      if (trimmed[j].empty()) continue;
      ++seen;
      if (kinds[j] == Furniture::signature_stamp || starts_with_any(trimmed[j], kStampDetails)) {
        kinds[j] = Furniture::signature_stamp;
        for (std::size_t wrapped : pending)
          kinds[wrapped] = Furniture::signature_stamp;
        pending.clear();
        continue;
      }
      if (pending.empty() && stamp_time_shape(trimmed[j])) {
        kinds[j] = Furniture::signature_stamp;
        continue;
      }
      if (kinds[j] != Furniture::none || pending.size() == 2 ||
          code_points(trimmed[j]) > kStampWidth)
        break;
      pending.push_back(j);
    }
  }

  // Running headers by repetition: the same line (page number aside) with a digit in it (an
  // issue, a date), on at least three pages, never two on one page.
  std::unordered_map<std::string, std::vector<std::size_t>> occurrences;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view text = trimmed[i];
    if (kinds[i] != Furniture::none || text.size() < 8 || text.size() > 160) continue;
    if (std::none_of(text.begin(), text.end(), is_digit) || opens_body_unit(text) ||
        ends_sentence(text))
      continue;
    std::string key = header_key(text);
    if (key.size() < 8 || std::none_of(key.begin(), key.end(), is_digit)) continue;
    occurrences[std::move(key)].push_back(i);
  }
  for (const auto& [key, at] : occurrences) {
    if (at.size() < 3) continue;
    bool apart = true;
    for (std::size_t k = 1; k < at.size() && apart; ++k)
      apart = at[k] - at[k - 1] >= kPageLines;
    // A header sits between the last line of one page and the first of the next, which differ
    // from page to page; a block the text repeats (a form, a table) brings its neighbours along.
    if (!apart || !neighbours_vary(trimmed, at, -1) || !neighbours_vary(trimmed, at, 1)) continue;
    for (std::size_t line : at)
      kinds[line] = Furniture::running_header;
  }

  // Page numbers: certain shapes; bare numbers next to a header or stamp (blank lines aside),
  // or one of numbers going up by one a page apart.
  std::vector<std::pair<std::size_t, int>> bare;
  for (std::size_t i = 0; i < count; ++i) {
    if (kinds[i] != Furniture::none) continue;
    bool certain = false;
    const auto value = page_number(trimmed[i], certain);
    if (!value) continue;
    if (certain) {
      kinds[i] = Furniture::page_number;
      continue;
    }
    bare.emplace_back(i, *value);
    for (int direction : {-1, 1}) {
      std::size_t j = i;
      for (int steps = 0, seen = 0; steps < 4 && seen < 2; ++steps) {
        if ((direction < 0 && j == 0) || (direction > 0 && j + 1 >= count)) break;
        j = direction < 0 ? j - 1 : j + 1;
        if (trimmed[j].empty()) continue;
        ++seen;
        if (kinds[j] == Furniture::running_header || kinds[j] == Furniture::signature_stamp)
          kinds[i] = Furniture::page_number;
      }
    }
  }
  for (std::size_t k = 1; k < bare.size(); ++k) {
    const auto [line, value] = bare[k];
    const auto [previous_line, previous_value] = bare[k - 1];
    if (value == previous_value + 1 && line - previous_line >= kPageLines) {
      kinds[line] = Furniture::page_number;
      kinds[previous_line] = Furniture::page_number;
    }
  }
  mark_page_number_copies(trimmed, bare, kinds);
  return kinds;
}

namespace {

// A line that starts a unit of its own: an article, a numbered clause, a point, a list item.
bool starts_block(std::string_view text) {
  if (text.empty()) return true;
  const char first = text.front();
  if (first == '-' || first == '+' || first == '*' || first == '|' ||
      starts_with(text, "\xE2\x80\xA2") /* • */ || starts_with(text, "\xE2\x80\x93") /* – */)
    return true;
  if (opens_body_unit(text)) return true;
  // "1.", "2)", "1.2.", "a)", "đ)", "I.", "IV."
  std::size_t p = 0;
  while (p < text.size() && (is_digit(text[p]) || text[p] == '.'))
    ++p;
  if (p > 0 && p < text.size() && (text[p - 1] == '.' || text[p] == ')')) return true;
  if (p > 0 && p == text.size()) return true;
  std::size_t letters = 0;
  while (letters < text.size() && letters < 4 &&
         (std::string_view("IVXLC").find(text[letters]) != std::string_view::npos))
    ++letters;
  if (letters > 0 && letters < text.size() && text[letters] == '.') return true;
  const std::size_t close = text.find(')');
  if (close != std::string_view::npos && close <= 3 && close > 0) {
    const std::string_view mark = text.substr(0, close);
    if (!is_upper_text(mark) && code_points(mark) == 1) return true;  // "a)", "đ)"
  }
  return false;
}

// The width a hard-wrapped text is set at: the length (in code points) most long lines reach.
// Zero when the lines are paragraphs of their own (text from DOCX, HTML, typed text).
std::size_t wrap_width(const std::vector<std::string_view>& lines,
                       const std::vector<Furniture>& kinds) {
  std::vector<std::size_t> lengths;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::size_t length = code_points(trim(lines[i]));
    if (kinds[i] == Furniture::none && length >= 20) lengths.push_back(length);
  }
  if (lengths.size() < 5) return 0;
  std::sort(lengths.begin(), lengths.end());
  const std::size_t width = lengths[lengths.size() * 9 / 10];
  if (width > 200) return 0;
  const auto near = std::count_if(lengths.begin(), lengths.end(), [&](std::size_t length) {
    return length * 100 >= width * 85 && length * 100 <= width * 105;
  });
  return static_cast<std::size_t>(near) * 10 >= lengths.size() * 3 ? width : 0;
}

enum class Join : std::uint8_t { no, space, glue };

Join join_lines(std::string_view previous, std::string_view next, std::size_t width) {
  if (previous.empty() || next.empty() || starts_block(next) || ends_sentence(previous))
    return Join::no;
  // A symbol broken at its separator: "Nghị định số 59/2023/NĐ-" + "CP ngày ...". Not a rule
  // drawn under a header cell ("-------"): a separator follows a code, never another dash.
  const char last = previous.back();
  if ((last == '-' || last == '/') && previous.size() >= 2 &&
      previous[previous.size() - 2] != ' ' && previous[previous.size() - 2] != '-' &&
      previous[previous.size() - 2] != '/')
    return Join::glue;
  if (starts_lower(next)) return Join::space;
  if (is_upper_text(previous) || is_upper_text(next)) return Join::no;
  if (width > 0 && code_points(previous) * 100 >= width * 75) return Join::space;
  return Join::no;
}

bool is_ascii_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool is_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (byte >= '0' && byte <= '9') || (byte >= 'A' && byte <= 'Z') ||
         (byte >= 'a' && byte <= 'z');
}

// A converter wrote the text as Markdown when it escaped punctuation ("1\.", "\-", "\*"),
// ended lines with a hard break ("\"), or set words in strong marks ("**QUYẾT NGHỊ:**"). A
// text typed by hand holds these only by accident: a footnote's "(**)" touches no word, a
// path's "\U" escapes no punctuation.
bool written_as_markdown(const std::vector<std::string_view>& lines) {
  std::size_t escapes = 0;
  std::size_t strong = 0;
  for (std::string_view raw : lines) {
    const std::string_view line = trim(raw);
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\') {
        if (i + 1 == line.size() || is_ascii_punctuation(line[i + 1])) {
          ++escapes;
          ++i;
        }
      } else if (line[i] == '*' && i + 1 < line.size() && line[i + 1] == '*') {
        const bool word_before = i > 0 && is_word_byte(line[i - 1]);
        const bool word_after = i + 2 < line.size() && is_word_byte(line[i + 2]);
        if (word_before || word_after) ++strong;
        ++i;
      }
    }
  }
  return escapes >= 3 || strong >= 4;
}

// A converter's table border: a grid table's "+-----+=====+", a pipe table's "|----|:--:|" or
// a line of lone cell separators ("|"), in any text; in Markdown also the rules of pandoc's
// simple and multiline tables, dashes and spaces only (a rule drawn under a header cell is
// escaped there: "\-\-\-").
bool table_border(std::string_view text, bool markdown) {
  if (text.empty()) return false;
  const auto only = [&](std::string_view allowed) {
    return text.find_first_not_of(allowed) == std::string_view::npos;
  };
  const auto rules =
      std::count(text.begin(), text.end(), '-') + std::count(text.begin(), text.end(), '=');
  if (text.size() >= 3 && text.front() == '+' && text.back() == '+' && only("+-=: "))
    return rules >= 3;
  if (text.front() == '|' && only("|-: ")) return rules >= 3 || only("| ");
  return markdown && rules >= 3 && only("- ");
}

// A Markdown line as it reads: an escaped mark is the mark ("1\." reads "1."), a hard break's
// "\" goes (at a line's end or, in a table's cell, before the gap to the next column), and so
// does every unescaped "*" (a converter escapes the asterisks the text holds, so the others
// are strong and emphasis marks) and a heading's "#"s.
std::string without_markdown_marks(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  std::size_t i = 0;
  while (i < line.size() && line[i] == '#')
    ++i;
  if (i == 0 || i > 6 || i == line.size() || line[i] != ' ') i = 0;
  for (; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\\' && (i + 1 == line.size() || line[i + 1] == ' ')) continue;  // a hard break
    if (c == '\\' && is_ascii_punctuation(line[i + 1])) {
      out.push_back(line[++i]);
    } else if (c != '*') {
      out.push_back(c);
    }
  }
  // A strong mark around a no-break space ("**\u00A0**") leaves a line of nothing.
  std::string_view text = trim(out);
  while (starts_with(text, "\xC2\xA0"))
    text = trim(text.substr(2));
  while (text.size() >= 2 && text.substr(text.size() - 2) == "\xC2\xA0")
    text = trim(text.substr(0, text.size() - 2));
  return std::string(text);
}

}  // namespace

ReadingText reading_text(std::string_view nfc_text) {
  // A font's or an encoding's look-alike of a Vietnamese letter ("ƣ" for "ư", the eth "Ð" for
  // "Đ") is shown as the letter the extractor reads it as: the same letter the facets and the
  // fields show, and the one a search for the word finds. Same length in UTF-8; the original
  // file keeps its bytes.
  const std::optional<std::string> mended = structure::with_font_look_alikes_mended(nfc_text);
  if (mended) nfc_text = *mended;
  // A page break ends a line: the reader keeps a plain text's form feeds for the structure
  // analysis, whose page furniture they mark; the reading view shows none.
  std::string page_breaks_as_lines;
  if (nfc_text.find('\f') != std::string_view::npos) {
    page_breaks_as_lines.assign(nfc_text);
    std::replace(page_breaks_as_lines.begin(), page_breaks_as_lines.end(), '\f', '\n');
    nfc_text = page_breaks_as_lines;
  }
  std::vector<std::string_view> lines = text_lines(nfc_text);
  std::vector<Furniture> kinds = find_furniture(lines);
  // A converter's markup is not text: its table borders go like furniture (but end a
  // paragraph, as the table's rows do), its inline marks go from the lines it wrote.
  const bool markdown = written_as_markdown(lines);
  std::vector<std::string> unmarked(markdown ? lines.size() : 0);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (kinds[i] != Furniture::none) continue;
    if (table_border(trim(lines[i]), markdown)) {
      kinds[i] = Furniture::table_border;
    } else if (markdown) {
      unmarked[i] = without_markdown_marks(trim(lines[i]));
      lines[i] = unmarked[i];
    }
  }
  const std::size_t width = wrap_width(lines, kinds);
  ReadingText out;
  out.text.reserve(nfc_text.size());
  std::string_view previous;  // the last line written ("" after a paragraph break)
  bool blank_pending = false;
  bool furniture_between = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    if (kinds[i] != Furniture::none) {
      out.removed.push_back({i, kinds[i], std::string(line)});
      // A table's border ends a paragraph, as its rows do; other furniture only interrupts one.
      (kinds[i] == Furniture::table_border ? blank_pending : furniture_between) = true;
      continue;
    }
    if (line.empty()) {
      blank_pending = true;
      continue;
    }
    // A blank line is a paragraph break, unless it only framed furniture (a page break).
    const bool paragraph_break = blank_pending && !furniture_between;
    const Join join = paragraph_break ? Join::no : join_lines(previous, line, width);
    if (join == Join::space) {
      out.text.push_back(' ');
      ++out.joined_lines;
    } else if (join == Join::glue) {
      ++out.joined_lines;
    } else if (!out.text.empty()) {
      out.text.push_back('\n');
      if (paragraph_break) out.text.push_back('\n');
    }
    out.text.append(line);
    previous = line;
    blank_pending = false;
    furniture_between = false;
  }
  if (!out.text.empty()) out.text.push_back('\n');
  return out;
}

bool only_signature_stamp(std::string_view nfc_text) {
  const std::vector<std::string_view> lines = text_lines(nfc_text);
  auto blank = [](std::string_view line) {
    return line.find_first_not_of(" \t\r\n\f") == std::string_view::npos;
  };
  // A page of text is refused at its first line, before the whole page is classified.
  for (const std::string_view line : lines) {
    if (blank(line)) continue;
    const std::string_view text = trim(line);
    bool certain = false;
    if (!starts_with_any(text, kStampLabels) && !starts_with_any(text, kStampDetails) &&
        !page_number(text, certain))
      return false;
    break;
  }
  const std::vector<Furniture> kinds = find_furniture(lines);
  bool stamp = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (blank(lines[i])) continue;
    if (kinds[i] == Furniture::signature_stamp) {
      stamp = true;
    } else if (kinds[i] != Furniture::page_number) {
      return false;
    }
  }
  return stamp;
}

}  // namespace vanban::analyzers
