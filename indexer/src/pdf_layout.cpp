#include "vanban/indexer/pdf_layout.hpp"

#include <algorithm>
#include <vector>

namespace vanban::indexer::detail {
namespace {

struct Segment {
  std::size_t start = 0;  // character column of the first character
  std::size_t end = 0;    // column after the last character
  std::string text;
};

constexpr std::size_t kColumnGap = 3;  // this many spaces separate columns, not words

std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Positions in physical layout are character columns: count code points, not bytes.
std::vector<Segment> split_segments(std::string_view line) {
  std::vector<Segment> segments;
  bool open = false;
  Segment segment;
  std::size_t begin_byte = 0;
  std::size_t text_end_byte = 0;
  std::size_t column = 0;
  std::size_t spaces = 0;
  auto close = [&] {
    segment.text = std::string(line.substr(begin_byte, text_end_byte - begin_byte));
    segments.push_back(std::move(segment));
    segment = {};
    open = false;
  };
  for (std::size_t i = 0; i < line.size(); ++column) {
    const std::size_t length =
        std::min(utf8_length(static_cast<unsigned char>(line[i])), line.size() - i);
    if (line[i] == ' ' || line[i] == '\t') {
      if (open && ++spaces >= kColumnGap) close();
    } else {
      if (!open) {
        open = true;
        segment.start = column;
        begin_byte = i;
      }
      spaces = 0;
      text_end_byte = i + length;
      segment.end = column + 1;
    }
    i += length;
  }
  if (open) close();
  return segments;
}

// A run of lines in two columns: left text ends by `gap_begin`, right text starts from `gap_end`.
class TwoColumns {
 public:
  bool is_open() const { return open_; }

  // Whether a two-segment line's gap lines up with the open region's.
  bool fits_pair(const Segment& left, const Segment& right) const {
    return open_ && std::max(gap_begin_, left.end) < std::min(gap_end_, right.start);
  }

  // Starts or extends the region with a two-segment line; false when its gap does not line up.
  bool add_pair(const Segment& left, const Segment& right) {
    const std::size_t begin = open_ ? std::max(gap_begin_, left.end) : left.end;
    const std::size_t end = open_ ? std::min(gap_end_, right.start) : right.start;
    if (open_ && begin >= end) return false;
    open_ = true;
    gap_begin_ = begin;
    gap_end_ = end;
    left_.push_back(left.text);
    right_.push_back(right.text);
    return true;
  }

  // Adds a one-segment line that fits in one of the columns; false when it spans the gap.
  // "Kính gửi" (the addressees of a công văn or tờ trình, ND30 ô 9a) opens the text under the
  // header table, never a cell of it: a short indented "Kính gửi:" under the V/v cell ends the
  // run, so that the right column (the place and date) comes before it.
  bool add_single(const Segment& segment) {
    if (segment.text.starts_with("Kính gửi")) return false;
    if (segment.start < gap_begin_ && segment.end <= gap_end_) {
      left_.push_back(segment.text);
      return true;
    }
    if (segment.start >= gap_begin_ + kColumnGap && segment.end > gap_end_) {
      right_.push_back(segment.text);
      return true;
    }
    return false;
  }

  void flush(std::string& out) {
    for (const auto* column : {&left_, &right_}) {
      for (const auto& line : *column) {
        out += line;
        out += '\n';
      }
    }
    left_.clear();
    right_.clear();
    open_ = false;
  }

 private:
  bool open_ = false;
  std::size_t gap_begin_ = 0;
  std::size_t gap_end_ = 0;
  std::vector<std::string> left_;
  std::vector<std::string> right_;
};

// Segments [begin, end) as one, their texts joined by a space.
Segment merged(const std::vector<Segment>& segments, std::size_t begin, std::size_t end) {
  Segment out;
  out.start = segments[begin].start;
  out.end = segments[end - 1].end;
  for (std::size_t i = begin; i < end; ++i)
    out.text += (i == begin ? "" : " ") + segments[i].text;
  return out;
}

}  // namespace

std::string reading_order_from_physical(std::string_view page_text) {
  std::string out;
  out.reserve(page_text.size());
  TwoColumns columns;
  std::size_t start = 0;
  while (start < page_text.size()) {
    auto end = page_text.find('\n', start);
    if (end == std::string_view::npos) end = page_text.size();
    const std::vector<Segment> segments = split_segments(page_text.substr(start, end - start));
    start = end + 1;

    if (segments.empty()) {
      if (!columns.is_open()) out += '\n';  // blank lines inside a two-column run are spacing
      continue;
    }
    if (segments.size() == 2) {
      if (!columns.add_pair(segments[0], segments[1])) {
        columns.flush(out);
        columns.add_pair(segments[0], segments[1]);
      }
      continue;
    }
    if (segments.size() == 1 && columns.is_open() && columns.add_single(segments[0])) continue;
    // A line of the open region with wide spaces inside a cell: the blanks left for a number or
    // a day to be written in by hand ("Số:      /KH-UBND" | "An Hải, ngày      tháng 02 năm").
    // Split at the region's gap, each side is one cell.
    if (segments.size() >= 3 && columns.is_open()) {
      bool added = false;
      for (std::size_t k = 1; k < segments.size() && !added; ++k) {
        const Segment left = merged(segments, 0, k);
        const Segment right = merged(segments, k, segments.size());
        if (columns.fits_pair(left, right)) added = columns.add_pair(left, right);
      }
      if (added) continue;
    }
    columns.flush(out);
    for (std::size_t i = 0; i < segments.size(); ++i) {
      if (i > 0) out += '\t';
      out += segments[i].text;
    }
    out += '\n';
  }
  columns.flush(out);
  return out;
}

}  // namespace vanban::indexer::detail
