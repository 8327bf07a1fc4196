#include "structure/layout.hpp"

#include <algorithm>
#include <array>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/reading_text.hpp"

#include "structure/tables.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers::structure {
namespace {

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

// A footnote in brackets, as web pages and converters write it: "[1] Quyết định số ...",
// "[^1]: ...". The brackets make it a footnote whatever it says.
int bracketed_footnote_marker(std::string_view line, std::size_t& text_start) {
  const std::string_view trimmed = trim(line);
  if (trimmed.size() < 4 || trimmed[0] != '[') return 0;
  std::size_t p = trimmed[1] == '^' ? 2 : 1;
  const std::size_t digits_at = p;
  while (p < trimmed.size() && p - digits_at < 3 && trimmed[p] >= '0' && trimmed[p] <= '9')
    ++p;
  if (p == digits_at || p >= trimmed.size() || trimmed[p] != ']') return 0;
  const int id = std::stoi(std::string(trimmed.substr(digits_at, p - digits_at)));
  ++p;
  if (p < trimmed.size() && trimmed[p] == ':') ++p;
  const std::string_view rest = trim(trimmed.substr(p));
  if (rest.empty()) return 0;
  text_start = static_cast<std::size_t>(rest.data() - line.data());
  return id;
}

// A footnote line: "1 Quyết định số 23-QĐ/TW ngày ..." — a small number, a space, then the
// capitalised name of a document type (footnotes of official documents cite instruments).
int footnote_marker(std::string_view line, std::size_t& text_start) {
  if (const int id = bracketed_footnote_marker(line, text_start)) return id;
  const std::string_view trimmed = trim(line);
  std::size_t digits = 0;
  while (digits < trimmed.size() && digits < 3 && trimmed[digits] >= '0' && trimmed[digits] <= '9')
    ++digits;
  if (digits == 0 || digits > 2 || digits >= trimmed.size() || trimmed[digits] != ' ') return 0;
  const std::string_view rest = trim(trimmed.substr(digits));
  if (!starts_upper(rest)) return 0;
  const std::string lowered = lower_same_length(rest.substr(0, 40));
  bool type_name = false;
  for (const DocumentType& type : document_types()) {
    const std::string name = lower(type.name);
    if (starts_with(lowered, name) && !is_word_char(code_point_at(lowered, name.size()))) {
      type_name = true;
      break;
    }
  }
  if (!type_name) return 0;
  text_start = static_cast<std::size_t>(rest.data() - line.data());
  return std::stoi(std::string(trimmed.substr(0, digits)));
}

bool ends_sentence(std::string_view line) {
  const std::string_view trimmed = trim(line);
  return !trimmed.empty() && (trimmed.back() == ';' || trimmed.back() == '.');
}

}  // namespace

bool is_noise_line(std::string_view line) {
  std::string_view trimmed = trim(line);
  if (trimmed.empty()) return false;
  // A page break (a PDF text layer's form feed) and the page number after it ("\f33").
  if (trimmed.front() == '\f') {
    while (!trimmed.empty() && (trimmed.front() == '\f' || is_space(trimmed.front())))
      trimmed.remove_prefix(1);
    if (trimmed.empty()) return true;
  }
  if (all_digits(trimmed) && trimmed.size() <= 4) return true;  // page number
  static constexpr std::array kStampPrefixes = {
      std::string_view{"Ký bởi:"},  std::string_view{"Người ký:"},     std::string_view{"Email:"},
      std::string_view{"Cơ quan:"}, std::string_view{"Thời gian ký:"},
  };
  for (std::string_view prefix : kStampPrefixes)
    if (starts_with(trimmed, prefix)) return true;
  const std::string folded = fold_key(trimmed.substr(0, 40));
  if (starts_with(folded, "cong bao/") || starts_with(folded, "cong bao /")) return true;
  return folded == "van ban quy pham phap luat" || folded == "van ban phap luat khac";
}

namespace {

// Footnote references in brackets, as web pages and converters leave them ("địa phương[1]",
// "năm 2019[^2]"), removed: they belong to no name and no number.
std::string without_bracketed_markers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '[') {
      std::size_t p = i + 1;
      if (p < text.size() && text[p] == '^') ++p;
      const std::size_t digits_at = p;
      while (p < text.size() && p - digits_at < 3 && text[p] >= '0' && text[p] <= '9')
        ++p;
      if (p > digits_at && p < text.size() && text[p] == ']') {
        i = p;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace

namespace {

// Words a converter glued together where an inline tag stood: "Chính phủngày 25", "TWngày 06",
// "số1017/BTNMT". "ngày" before a number and "số" before a digit are words of their own.
std::string with_glued_words_apart(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  const std::string_view ngay = "ngày";
  for (std::size_t i = 0; i < text.size(); ++i) {
    // The first byte before the comparison: this runs at every byte of the body.
    if (i > 0 && text[i] == 'n' && text.substr(i, ngay.size()) == ngay &&
        is_letter(code_point_before(text, i)) && i + ngay.size() + 1 < text.size() &&
        text[i + ngay.size()] == ' ' && text[i + ngay.size() + 1] >= '0' &&
        text[i + ngay.size() + 1] <= '9')
      out.push_back(' ');
    out.push_back(text[i]);
    // "số" + digit: "s" "ố" then a digit, the "s" at a word start.
    if (text[i] == '\x91' && i >= 3 && text.substr(i - 3, 4) == "s\xE1\xBB\x91" &&
        (i < 4 || !is_letter(code_point_before(text, i - 3))) && i + 1 < text.size() &&
        text[i + 1] >= '0' && text[i + 1] <= '9')
      out.push_back(' ');
  }
  return out;
}

}  // namespace

std::string Layout::flowed_body(std::size_t from_line, std::size_t to_line) const {
  std::string body;
  for (std::size_t i = from_line; i < std::min(lines.size(), to_line); ++i) {
    if (skip(i)) continue;
    body.append(lines[i]);
    body.push_back(' ');
  }
  if (body.find('[') != std::string::npos) body = without_bracketed_markers(body);
  return collapse_spaces(with_glued_words_apart(body));
}

namespace {

// ND30 ô 11 and the Party's rules: the mark that limits a document's circulation.
bool is_circulation_mark(std::string_view folded) {
  return folded == "luu hanh noi bo" || folded == "tai lieu luu hanh noi bo" ||
         folded == "xem xong tra lai" || folded == "(luu hanh noi bo)";
}

// A heading that opens with a document type's name ("BÁO CÁO", "DỰ THẢO CHƯƠNG TRÌNH ...").
bool opens_with_type_name(std::string_view folded) {
  if (folded.starts_with("du thao ")) folded.remove_prefix(8);
  for (const DocumentType& type : document_types()) {
    if (!type.heads_documents) continue;
    const std::string name = fold_key(type.name);
    if (folded.starts_with(name) && (folded.size() == name.size() || folded[name.size()] == ' '))
      return true;
  }
  return false;
}

// The month and year a print bears on its cover ("THÁNG 9 - 2025", "HÀ NỘI - 2025", "NĂM 2025"):
// a few words ending with a year.
bool is_print_date(std::string_view line) {
  const std::vector<std::string_view> words = split_words(line);
  if (words.empty() || words.size() > 6) return false;
  const std::string_view year = words.back();
  return year.size() == 4 && all_digits(year) && (year.starts_with("19") || year.starts_with("20"));
}

// A print's cover (a congress's or a committee's document printed as a booklet): the
// organisation, the type heading and the title in capitals, the circulation mark (ND30 ô 11,
// "LƯU HÀNH NỘI BỘ") and the month of the print, then the first page with the document's own
// header (ô 1: the Party's or the State's name). The cover repeats the document's parts in
// another order and without its number and date; it is marked as furniture so that the header is
// read from the first page.
void mark_cover(Layout& layout) {
  constexpr std::size_t kCoverLines = 24;
  constexpr std::size_t kHeaderLines = 8;
  const std::size_t count = layout.lines.size();
  std::size_t seen = 0;
  bool heading = false;
  std::size_t mark = count;
  for (std::size_t i = 0; i < count && seen < kCoverLines; ++i) {
    const std::string_view line = trim(layout.lines[i]);
    if (layout.noise[i] || line.empty()) continue;
    ++seen;
    if (!is_upper_text(line)) return;  // a cover is set in capitals
    const std::string folded = fold_key(line);
    if (is_circulation_mark(folded)) {
      mark = i;
      break;
    }
    heading = heading || opens_with_type_name(folded);
  }
  if (mark == count || !heading) return;
  std::size_t end = mark + 1;
  while (end < count && (layout.noise[end] || trim(layout.lines[end]).empty() ||
                         is_print_date(trim(layout.lines[end]))))
    ++end;
  bool first_page = false;
  for (std::size_t j = end, lines = 0; j < count && lines < kHeaderLines && !first_page; ++j) {
    if (layout.noise[j] || trim(layout.lines[j]).empty()) continue;
    ++lines;
    const std::string folded = fold_key(layout.lines[j]);
    first_page = folded.find("dang cong san viet nam") != std::string::npos ||
                 folded.find("cong hoa xa hoi chu nghia viet nam") != std::string::npos;
  }
  if (!first_page) return;
  for (std::size_t j = 0; j < end; ++j)
    layout.noise[j] = true;
}

}  // namespace

namespace {

std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text)
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

// The width the lines were wrapped at: the longest line that holds a space (a word or a rule
// too long to wrap is set aside), when other lines reach within a few characters of it (every
// line of a wrapped paragraph but its last is full). A longer line that a wrap could have broken
// means the text is not wrapped at a width; so does a text with few full lines.
std::size_t wrap_width_of(const Layout& layout) {
  constexpr std::size_t kNarrowest = 40;  // a narrow PDF column, a 64-column text file
  constexpr std::size_t kWidest = 160;    // a landscape page in a small font
  constexpr std::size_t kNear = 8;        // what a wrap leaves short of the width
  constexpr std::size_t kFullLines = 3;
  std::vector<std::size_t> lengths;
  lengths.reserve(layout.lines.size());
  std::size_t width = 0;
  for (std::size_t i = 0; i < layout.lines.size(); ++i) {
    if (layout.noise[i]) continue;
    const std::string_view line = trim(layout.lines[i]);
    if (line.find(' ') == std::string_view::npos) continue;
    if (line.size() > 4 * kWidest) return 0;
    const std::size_t length = characters(line);
    if (length > kWidest) return 0;
    width = std::max(width, length);
    lengths.push_back(length);
  }
  if (width < kNarrowest) return 0;
  std::size_t full = 0;
  std::size_t long_lines = 0;
  for (const std::size_t length : lengths) {
    full += length + kNear >= width ? 1 : 0;
    long_lines += 2 * length >= width ? 1 : 0;
  }
  return full >= kFullLines && 2 * full >= long_lines ? width : 0;
}

}  // namespace

bool Layout::wrapped_after(std::string_view line, std::string_view next) const {
  if (wrap_width == 0) return false;
  next = trim(next);
  const std::string_view word = next.substr(0, std::min(next.size(), next.find(' ')));
  return !word.empty() && characters(trim(line)) + 1 + characters(word) > wrap_width;
}

Layout analyze_layout(std::string_view text) {
  Layout layout;
  layout.lines = split_lines(text);
  const std::size_t count = layout.lines.size();
  layout.noise.assign(count, false);
  layout.in_footnote.assign(count, false);
  // Page furniture by rule (reading_text.hpp), and every short number line: a page number
  // or a table's cell, neither of which the extractor reads.
  const std::vector<Furniture> furniture = find_furniture(layout.lines);
  for (std::size_t i = 0; i < count; ++i)
    layout.noise[i] = furniture[i] != Furniture::none || is_noise_line(layout.lines[i]);
  mark_cover(layout);
  layout.wrap_width = wrap_width_of(layout);

  for (std::size_t i = 0; i < count; ++i) {
    if (layout.noise[i]) continue;
    std::size_t text_start = 0;
    const int id = footnote_marker(layout.lines[i], text_start);
    if (id == 0) continue;
    Footnote footnote;
    footnote.id = id;
    std::string joined(layout.lines[i].substr(text_start));
    layout.in_footnote[i] = true;
    // Continuation lines start in lower case and follow a line that does not end a clause.
    std::size_t j = i + 1;
    std::string_view last = layout.lines[i];
    while (j < count && !ends_sentence(last)) {
      if (layout.noise[j] || trim(layout.lines[j]).empty()) {
        ++j;
        continue;
      }
      std::size_t ignored = 0;
      if (!starts_lower(layout.lines[j]) || footnote_marker(layout.lines[j], ignored) != 0) break;
      joined.push_back(' ');
      joined.append(layout.lines[j]);
      layout.in_footnote[j] = true;
      last = layout.lines[j];
      ++j;
    }
    footnote.text = collapse_spaces(joined);
    layout.footnotes.push_back(std::move(footnote));
    i = j - 1;
  }
  return layout;
}

}  // namespace vanban::analyzers::structure
