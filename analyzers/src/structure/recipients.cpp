// Ô 9 of the layout: "Kính gửi:" and "Nơi nhận:" lists.
#include <algorithm>
#include <unordered_set>

#include "vanban/analyzers/fold.hpp"

#include "structure/parts.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers::structure {
namespace {

bool is_item(std::string_view line) {
  return !line.empty() && (line.front() == '-' || line.front() == '+' ||
                           line.starts_with("\xE2\x80\xA2") || line.starts_with("\xE2\x80\x93"));
}

// A line of the signature block where a converter interleaved it with the "Nơi nhận" column
// (ND30 ô 7 beside ô 9b): an authority or post in capitals, a signature or seal mark, the name.
bool is_signature_column_line(std::string_view line) {
  if (authority_prefix_length(line) > 0) return true;
  const std::string lowered = lower(line.substr(0, 16));
  if (lowered.starts_with("(đã ký") || lowered.starts_with("(ký") || lowered.starts_with("đã ký"))
    return true;
  if (line.find(':') != std::string_view::npos || line.find(';') != std::string_view::npos)
    return false;
  const auto words = split_words(line);
  if (words.empty() || words.size() > 12) return false;
  if (is_upper_text(line)) return true;
  // The signer's name: two to six words, each a capital followed by lower-case letters.
  if (words.size() < 2 || words.size() > 6) return false;
  return std::all_of(words.begin(), words.end(), [](std::string_view word) {
    std::size_t length = 0;
    if (!is_upper(code_point_at(word, 0, &length))) return false;
    for (std::size_t pos = length; pos < word.size(); pos += length)
      if (!is_lower(code_point_at(word, pos, &length))) return false;
    return true;
  });
}

// A line that ends as an ND30 item ends (";", the last one "."), or does so before the
// signature column's cell on the same row ("Như trên; (Đã ký và đóng dấu)", "Thành ủy, HĐND,
// UBND thành phố; Lê Thị Bích Thuận": a two-column table read row by row, one space between).
bool ends_as_item(std::string_view line) {
  if (line.ends_with(";") || line.ends_with(".")) return true;
  const std::size_t cut = line.rfind("; ");
  return cut != std::string_view::npos && is_signature_column_line(trim(line.substr(cut + 1)));
}

std::string clean_item(std::string_view item) {
  // Drop the bullet, then whatever follows the item's own end (";"): in two-column text the
  // signature column continues the line (after a tab, or after the item's last ";"). A ";"
  // inside an item separates the parts of one recipient ("Các sở, ngành: TC; XD; YT;"), so the
  // item runs to its last ";" and keeps a tail in running text after it.
  std::size_t start = 0;
  while (start < item.size() && (item[start] == '-' || item[start] == '+' || item[start] == ' '))
    ++start;
  if (item.substr(start).starts_with("\xE2\x80\xA2") ||
      item.substr(start).starts_with("\xE2\x80\x93"))
    start += 3;
  std::string_view text = item.substr(start);
  const std::size_t tab = text.find('\t');
  if (tab != std::string_view::npos) text = text.substr(0, tab);
  const std::size_t cut = text.rfind(';');
  if (cut != std::string_view::npos) {
    const std::string_view tail = trim(text.substr(cut + 1));
    if (tail.empty() || is_signature_column_line(tail) || !has_lower_letter(tail))
      text = text.substr(0, cut);
  }
  std::string out = collapse_spaces(text);
  while (!out.empty() && (out.back() == '.' || out.back() == ',' || out.back() == ';'))
    out.pop_back();
  return out;
}

bool is_archive_line(std::string_view item) {
  const std::string folded = fold_key(item.substr(0, 20));
  return folded.starts_with("luu:") || folded.starts_with("luu ") || folded == "luu" ||
         folded.starts_with("luu.") || folded.starts_with("luu,");
}

// A heading in capitals that opens what follows the signature: an appendix, a list, a form, an
// annexed instrument ("PHỤ LỤC", "DANH SÁCH ...", "QUY CHẾ ...").
bool opens_appendix(std::string_view line) {
  const std::string folded = fold_key(line.substr(0, 40));
  return folded.starts_with("phu luc") || folded.starts_with("danh sach") ||
         folded.starts_with("mau ") || folded.starts_with("bieu ") ||
         type_by_name(line) != nullptr || opens_with_type_heading(line);
}

// "Bản điện tử:" (or "Bản giấy:"), alone on its line: an e-office's label for the copies sent
// electronically (on paper) inside the "Nơi nhận" column.
bool is_copies_label(std::string_view line) {
  std::string_view text = trim(line);
  if (text.ends_with(":")) text = trim(text.substr(0, text.size() - 1));
  const std::string folded = fold_key(text);
  return folded == "ban dien tu" || folded == "ban giay";
}

// Stands in the raw items for such a label.
constexpr std::string_view kCopiesLabel = "\x01";

// The opening of a body: a letter's text after its "Kính gửi" list, never a recipient.
bool opens_body(std::string_view text) {
  return text.starts_with("Căn cứ") || text.starts_with("Thực hiện") || text.starts_with("Theo ") ||
         text.starts_with("Xét ");
}

std::string_view without_bullet(std::string_view line) {
  std::size_t start = 0;
  while (start < line.size() && (line[start] == '-' || line[start] == '+' || line[start] == ' '))
    ++start;
  line.remove_prefix(start);
  if (line.starts_with("\xE2\x80\xA2") || line.starts_with("\xE2\x80\x93"))
    line = trim(line.substr(3));
  return line;
}

// "314/GM-UBND ...", "05/2023/NĐ-CP ...": a line that opens with a document's number.
bool opens_with_number(std::string_view line) {
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9')
    ++digits;
  if (digits == 0 || digits >= line.size() || (line[digits] != '/' && line[digits] != '-'))
    return false;
  const std::size_t word_end = std::min(line.find(' '), line.size());
  const std::string_view word = line.substr(digits + 1, word_end - digits - 1);
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

enum class ListKind {
  addressees,  // "Kính gửi" (ô 9a): ends with its item that ends in "." or at the body's opening
  copies,      // "Nơi nhận" (ô 9b): the signature block may run beside it, line by line
};

// Where a list of copies broken by other lines resumes: the first item (a recipient opens
// with a capital) within the next
// kBetween lines that hold text, with the archive line within kToArchive lines after it; npos
// otherwise.
std::size_t resumed_copies(const Layout& layout, std::size_t from) {
  constexpr std::size_t kBetween = 8;
  constexpr std::size_t kToArchive = 12;
  std::size_t seen = 0;
  for (std::size_t j = from; j < layout.lines.size() && seen < kBetween; ++j) {
    if (layout.skip(j)) continue;
    const std::string_view line = trim(layout.lines[j]);
    if (line.empty()) continue;
    ++seen;
    // A recipient opens with a capital ("--gE. TPPP-" is a seal's scrap).
    if (!is_item(line) || !starts_upper(without_bullet(line))) continue;
    std::size_t after = 0;
    for (std::size_t k = j; k < layout.lines.size() && after < kToArchive; ++k) {
      if (layout.skip(k)) continue;
      const std::string_view next = trim(layout.lines[k]);
      if (next.empty()) continue;
      ++after;
      if (is_item(next) && is_archive_line(without_bullet(next))) return j;
    }
    return std::string_view::npos;
  }
  return std::string_view::npos;
}

// Items of a "- a;\n- b;" list starting at `from`; continuation lines are joined. ND30 ends
// every item but the last with ";": while the last item has one, the list goes on, and a line
// of the signature column between items (a two-column table read row by row) is skipped.
std::vector<std::string> list_items(const Layout& layout, std::size_t from, std::string_view first,
                                    ListKind kind) {
  std::vector<std::string> raw;
  // Whether the last item has a ';' yet: kept as lines are joined, not searched for again.
  bool has_semicolon = false;
  // A Party document ends its items with "," (Hướng dẫn 36-HD/VPTW on the Party's documents)
  // where ND30 has ";": in a list whose first item ends so, an item whose line ends with "," is
  // ended too (in an ND30 list a "," at a line's end is inside an item).
  bool comma_list = false;
  const auto ends_item = [&](std::string_view line) {
    return line.find(';') != std::string_view::npos || (comma_list && trim(line).ends_with(","));
  };
  bool column_since_item = false;  // a line of the signature column since the last item began
  const auto start_item = [&](std::string_view line) {
    column_since_item = false;
    if (raw.empty()) comma_list = trim(line).ends_with(",") && line.find(';') == line.npos;
    raw.emplace_back(line);
    has_semicolon = ends_item(line);
  };
  bool signer_passed = false;   // a name of the signature column was skipped
  bool column_skipped = false;  // a line of the signature column was skipped
  bool in_units = false;        // the last item goes on with "+" lines (its units)
  // Right under a label: "Nơi nhận:" or "Kính gửi:" alone on its line.
  bool after_label = first.empty();
  bool dashless = false;  // the first item came without its dash
  const auto closed = [&] {
    return kind == ListKind::addressees && !raw.empty() && trim(raw.back()).ends_with(".");
  };
  const auto every_item_closed = [&] {
    return std::all_of(raw.begin(), raw.end(), [](const std::string& item) {
      return is_item(trim(item)) && trim(item).ends_with(".");
    });
  };
  if (!first.empty()) start_item(first);
  for (std::size_t i = from; i < layout.lines.size(); ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    if (line.empty()) continue;
    const bool under_label = after_label;
    after_label = false;
    // Among the copies, after an item ended with ";" (more follow), a line that ends so too is
    // the next item whose dash the engine lost ("- Hiệu trưởng;" / "Đăng website;" / "- Lưu
    // VT."): no line of the signature column ends with ";".
    const bool after_ended_copy =
        kind == ListKind::copies && !raw.empty() && trim(raw.back()).ends_with(";");
    // A list whose first item came without its dash (a converter drops Word's automatic list
    // marks, which are no text): each line under it that ends as an ND30 item ends is an item
    // too, up to the one that ends with ".".
    const bool dashless_item = dashless && !raw.empty() && !trim(raw.back()).ends_with(".") &&
                               ends_as_item(line) && starts_upper(line) && !is_item(line) &&
                               !is_signature_column_line(line) &&
                               authority_prefix_length(line) == 0;
    // A page break and its page number, which a PDF's text layer puts between the items when
    // the list runs over a page ("\f33").
    if (line.size() <= 5 && line.find_first_not_of("\f0123456789") == std::string_view::npos)
      continue;
    // The second list of an e-office's copies ("Bản điện tử:", "Bản giấy:"): the recipients of
    // the electronic (or paper) copy, under the archive line or above it; the label is no item,
    // and the line after it opens one even where the engine lost its dash.
    if (kind == ListKind::copies && is_copies_label(line)) {
      raw.emplace_back(kCopiesLabel);
      has_semicolon = true;
      after_label = true;
      continue;
    }
    // "- Văn phòng UBND tỉnh:" / "+ LĐVP, TH, XD;": the units of the addressee that the item
    // names before its colon, as "- VP UBND tỉnh: V1, V4, CB;" writes them on one line. The
    // archive line among them ("+ Lưu VT,NN.") is the archive's, not the item's.
    if (kind == ListKind::copies && line.front() == '+' && !raw.empty() &&
        (trim(raw.back()).ends_with(":") || in_units) && !is_archive_line(without_bullet(line))) {
      raw.back() += " ";
      raw.back() += without_bullet(line);
      in_units = true;
      has_semicolon = ends_item(line);
      continue;
    }
    // No recipient opens with an authority ("KT.", "TM."): a dash before one ("-KT. CHỦ TỊCH")
    // is a speck a scan's engine read at the signature block's line.
    if (is_item(line) && authority_prefix_length(without_bullet(line)) > 0) {
      if (kind == ListKind::addressees) break;
      column_skipped = true;
      continue;
    }
    // Under a label ("Nơi nhận:", "Bản điện tử:") a line that ends as an ND30 item ends is an
    // item whose dash the engine lost ("Nơi nhận:" / "_ Như trên;", the dash read as a rule).
    if (is_item(line) || dashless_item ||
        ((under_label || after_ended_copy) &&
         (line.ends_with(";") || (ends_as_item(line) && !line.ends_with("."))) &&
         starts_upper(line) && !is_signature_column_line(line))) {
      if (raw.empty() && !is_item(line)) dashless = true;
      if (kind == ListKind::addressees && opens_body(without_bullet(line))) break;
      // ND30 ends the addressees' last item with "."; a list that ends every item so ("- Các
      // Sở: ....", "- Công an tỉnh.") goes on with its next dashed item, short as an addressee
      // is, opening with a name's capital.
      if (closed() && !(every_item_closed() && split_words(line).size() <= 20 &&
                        starts_upper(without_bullet(line))))
        break;
      // Among the signature column's lines a dash before a lower-case scrap ("--gE. TPPP-") is
      // the seal's, no item: a recipient opens with a capital.
      if (column_skipped && !starts_upper(without_bullet(line))) continue;
      start_item(line);
      in_units = false;
      continue;
    }
    // An addressee that lists bodies after a colon, parted by ";" ("- Các Sở: Tài chính; Nội
    // vụ;"), wrapped at one of them: the line without a dash under it is the item's still (a
    // new addressee has its dash, as the item above has).
    if (kind == ListKind::addressees && !raw.empty() && is_item(trim(raw.back())) &&
        trim(raw.back()).ends_with(";") && raw.back().find(':') != std::string::npos &&
        starts_upper(line) && !is_upper_text(line) && !opens_body(line)) {
      raw.back() += " ";
      raw.back() += line;
      has_semicolon = ends_item(line);
      continue;
    }
    // A document's number opens no recipient: an item wrapped before one ("- Như thành phần
    // dự họp tại GM số" / "314/GM-UBND ngày ... của" / "UBND tỉnh;") goes on with it.
    if (!raw.empty() && !has_semicolon && !raw.back().ends_with(".") && opens_with_number(line)) {
      raw.back() += " ";
      raw.back() += line;
      has_semicolon = ends_item(line);
      continue;
    }
    // A note in brackets alone on its line among the signature column's lines ("- Ban cán sự
    // đảng," / "T/M BAN THƯỜNG VỤ" / "PHÓ BÍ THƯ" / "(báo cáo)"): the purpose set beside a brace
    // that groups the items above, read with the column's rows; no word of the last item.
    if (kind == ListKind::copies && column_since_item && line.starts_with("(") &&
        line.ends_with(")") && line.find(')') + 1 == line.size())
      continue;
    const bool open = !raw.empty() && !has_semicolon && !raw.back().ends_with(".");
    // An addressee the page's width wrapped (a PDF's text layer, text wrapped at a fixed width:
    // the line's first word would not have fit on the line above) goes on whatever word the
    // break fell before ("... xã Hải Trạch huyện Bố" / "Trạch tỉnh Quảng Bình ...").
    if (kind == ListKind::addressees && open && !is_item(line) && !is_upper_text(line) &&
        !opens_body(line) && i > 0 && !layout.skip(i - 1) &&
        layout.wrapped_after(trim(layout.lines[i - 1]), line)) {
      raw.back() += " ";
      raw.back() += line;
      // The first item decides the list's ending as it would on one line.
      if (raw.size() == 1)
        comma_list = trim(raw.back()).ends_with(",") && raw.back().find(';') == std::string::npos;
      has_semicolon = ends_item(line);
      continue;
    }
    // A recipient opens with a capital; a line in lower case goes on with the last one, even
    // after a ";" inside it ("- VPUBTP: CVP, các PCVP;" / "các phòng: TH, NNMT, ĐT;").
    const bool goes_on = !raw.empty() && !trim(raw.back()).ends_with(".") && starts_lower(line);
    if (goes_on ||
        (open && (starts_lower(line) || (ends_mid_phrase(raw.back()) && !is_upper_text(line))))) {
      raw.back() += " ";
      raw.back() += line;
      if (raw.size() == 1)
        comma_list = trim(line).ends_with(",") && raw.back().find(';') == std::string::npos;
      has_semicolon = ends_item(line);
      continue;
    }
    // A Party list (items ended with ",", HD 36-HD/VPTW) wrapped in its column's width: a line
    // without a dash that ends as the items end, between two dashed items, is the tail of the
    // item above ("- Đ/c Trần Văn A – UVTV," / "Trưởng Ban Tổ chức Tỉnh ủy," / "- Các Ban
    // Đảng,"): each recipient has its dash, and no line of the signature column ends so.
    if (comma_list && !raw.empty() && line.ends_with(",") && !is_upper_text(line) &&
        authority_prefix_length(line) == 0 && !trim(raw.back()).ends_with(".")) {
      std::size_t next = i + 1;
      while (next < layout.lines.size() && (layout.skip(next) || trim(layout.lines[next]).empty()))
        ++next;
      if (next < layout.lines.size() && is_item(trim(layout.lines[next]))) {
        raw.back() += " ";
        raw.back() += line;
        has_semicolon = true;
        continue;
      }
    }
    // In an ND30 list an item runs to its ";": a line holding a "," inside an open item goes
    // on with it whatever its case ("- Tỉnh ủy, HĐND, UBND, Đoàn" / "ĐBQH," / "Ủy ban MTTQVN
    // tỉnh Cao" / "Bằng;", "ĐBQH,Ủy ban MTTQVN thành phố"): no line of the signature column
    // beside it (an authority, a post, a mark, a name) holds a comma.
    if (kind == ListKind::copies && open && !comma_list &&
        line.find(',') != std::string_view::npos && authority_prefix_length(line) == 0) {
      raw.back() += " ";
      raw.back() += line;
      continue;
    }
    // An addressee wrapped in the page's or the column's width ("- Chủ tịch Ủy ban nhân dân các
    // tỉnh, thành phố từ Quảng" / "Ninh đến Quảng Ngãi;"): no signature column runs beside the
    // "Kính gửi" list (ô 9a), so a short line that ends the open item as items end is its tail.
    // Only a tail that ends with ";" (more items follow): a short sentence after a last item
    // left open ("Kính gửi: Ủy ban nhân dân tỉnh" / "Sở Tài chính báo cáo như sau.") is the body.
    if (kind == ListKind::addressees && open && line.ends_with(";") && !is_upper_text(line) &&
        !opens_body(line) && split_words(line).size() <= 10) {
      raw.back() += " ";
      raw.back() += line;
      has_semicolon = ends_item(line);
      continue;
    }
    // The end of an open item wrapped onto a line of its own ("- Các đồng chí Ủy viên Ban Chấp
    // hành Trung ương" / "Đảng,"): the line ends as the list's items end, and is no line of the
    // signature column.
    if (open && ends_item(line) && !is_upper_text(line) && authority_prefix_length(line) == 0 &&
        split_words(line).size() <= 3) {
      raw.back() += " ";
      raw.back() += line;
      has_semicolon = true;
      continue;
    }
    // The signature column ends with the signer's name: after it, and at a heading (an
    // appendix, a form: "PHỤ LỤC", "DANH SÁCH ..."), the list has ended whatever its last item.
    // So does an item not ended yet: its tail comes after the signature column's line
    // (pdftotext interleaves the two cells line by line: "- Các đồng chí Ủy viên Ban Chấp hành"
    // / "TỔNG BÍ THƯ" / "Trung ương Đảng;").
    const bool expects_more = raw.empty() || trim(raw.back()).ends_with(";") ||
                              (comma_list && trim(raw.back()).ends_with(",")) ||
                              (open && !is_archive_line(without_bullet(raw.back())));
    if (kind == ListKind::copies && expects_more && !signer_passed &&
        is_signature_column_line(line) && !opens_appendix(line)) {
      signer_passed = !is_upper_text(line) && authority_prefix_length(line) == 0 &&
                      !lower(line.substr(0, 16)).starts_with("(") &&
                      !lower(line.substr(0, 16)).starts_with("đã ký");
      column_skipped = true;
      column_since_item = true;
      continue;
    }
    // ND30 ends the list of copies with its archive line ("- Lưu: VT"), every item before it
    // with ";": an item so ended and no archive line yet, the list is not over. A scan's engine
    // that read the page's two cells line by line may set the signature column's lines (the
    // post, the seal's scraps) in the middle of it: the list resumes at the next item, when
    // the archive line follows within the list's reach.
    if (kind == ListKind::copies && !raw.empty() && trim(raw.back()).ends_with(";") &&
        !is_archive_line(clean_item(raw.back()))) {
      if (const std::size_t resume = resumed_copies(layout, i); resume != std::string_view::npos) {
        i = resume - 1;
        continue;
      }
    }
    break;
  }
  // Items run together on one line, each after the end of the one before ("- Các đồng chí Phó
  // Trưởng Ban, - Các vụ, cục,"): a bullet after an item's end opens the next item. An item's
  // end may carry the purpose in brackets after its ";" ("- Bộ LĐTB&XH; (để báo cáo) - TT Thành
  // ủy;", a page's table cell holding the whole list).
  std::vector<std::string> split;
  for (const std::string& line : raw) {
    std::size_t start = 0;
    for (std::size_t pos = line.find(" - "); pos != std::string::npos;
         pos = line.find(" - ", pos + 1)) {
      const bool purpose_ends = pos > 0 && line[pos - 1] == ')' &&
                                line.rfind("; (", pos) != std::string::npos &&
                                line.rfind("; (", pos) >= start;
      if (pos == 0 || (line[pos - 1] != ',' && line[pos - 1] != ';' && !purpose_ends)) continue;
      split.push_back(line.substr(start, pos - start));
      start = pos + 1;
    }
    split.push_back(line.substr(start));
    // A text copy that lost the list's line breaks and the space after each item's ";" ("-BCH
    // PTDS phường X (để b/c);-UBND phường X (để b/c);-Lưu: TDP."): a dash right after a ";",
    // before a capital, opens the next item (no recipient's own words hold ";-").
    if (split.back().find(";-") == std::string::npos) continue;
    const std::string joined = std::move(split.back());
    split.pop_back();
    std::size_t part = 0;
    for (std::size_t pos = joined.find(";-"); pos != std::string::npos;
         pos = joined.find(";-", pos + 1)) {
      if (!starts_upper(std::string_view(joined).substr(pos + 2))) continue;
      split.push_back(joined.substr(part, pos + 1 - part));
      part = pos + 1;
    }
    split.push_back(joined.substr(part));
  }
  // ND30 (ô 9b) puts the "Lưu" line last: it ends the list. Items after it that go on to one
  // ended by ";" (more were to follow) are the list's too: the list came out of its order (two
  // cells of a table, a later hand adding items under the archive line), and the archive line
  // is skipped instead.
  std::size_t archive = split.size();
  for (std::size_t k = 0; k < split.size() && archive == split.size(); ++k)
    if (is_archive_line(clean_item(split[k]))) archive = k;
  std::size_t end = archive;
  for (std::size_t k = archive + 1; k < split.size() && split[k] != kCopiesLabel; ++k)
    if (trim(split[k]).ends_with(";")) end = k + 1;
  std::vector<std::string> items;
  bool archived = false;  // past the archive line: nothing more, unless a copies label follows
  for (std::size_t k = 0; k < split.size(); ++k) {
    if (split[k] == kCopiesLabel) {
      archived = false;
      continue;
    }
    if (k == archive) {
      archived = end == archive;  // else the list goes on past it, to `end`
      continue;
    }
    if (k == end && end > archive) archived = true;
    const std::string item = clean_item(split[k]);
    if (is_archive_line(item)) archived = true;
    if (!archived && !item.empty()) items.push_back(item);
  }
  return items;
}

std::size_t find_line(const Layout& layout, std::string_view label, std::size_t& offset,
                      std::size_t from = 0) {
  for (std::size_t i = from; i < layout.lines.size(); ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    if (line.starts_with(label)) {
      offset = static_cast<std::size_t>(line.data() - layout.lines[i].data()) + label.size();
      return i;
    }
  }
  return std::string_view::npos;
}

// The line index under which the first 40 non-empty lines lie.
std::size_t head_limit(const Layout& layout) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < layout.lines.size(); ++i) {
    if (!layout.skip(i) && !trim(layout.lines[i]).empty() && ++seen > 40) return i;
  }
  return layout.lines.size();
}

// A công điện addresses its recipients after "<SENDER> điện:" (ND30 Phụ lục III, mẫu 1.6).
std::size_t find_telegram_addressees(const Layout& layout, std::size_t& offset) {
  for (std::size_t i = 0; i < layout.lines.size(); ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = trim(layout.lines[i]);
    if (line.ends_with(" điện:")) {
      offset = static_cast<std::size_t>(line.data() - layout.lines[i].data()) + line.size();
      return i;
    }
  }
  return std::string_view::npos;
}

bool stands_for_addressees(std::string_view item) {
  const std::string folded = fold_key(item);
  if (!folded.starts_with("nhu tren")) return false;
  const std::string_view rest = trim(std::string_view(folded).substr(8));
  return rest.empty() || (rest.front() == '(' && rest.back() == ')');
}

bool is_placeholder(std::string_view item) {
  return item.find("...") != std::string_view::npos ||
         item.find("\xE2\x80\xA6") != std::string_view::npos;
}

}  // namespace

std::vector<std::string> find_recipients(const Layout& layout, std::size_t signature_line) {
  std::vector<std::string> recipients;
  std::size_t offset = 0;
  // "Kính gửi" belongs to the head of a letter; further down it is a form in an appendix.
  std::size_t addressed = find_line(layout, "Kính gửi", offset);
  if (addressed == std::string_view::npos) addressed = find_telegram_addressees(layout, offset);
  // A "Kính gửi" left blank to be filled in ("Kính gửi: ………", a Giấy mời sent to each invitee):
  // the list is there, with no item, and "Như trên" below stands for it.
  bool blank_addressees = false;
  if (addressed != std::string_view::npos && addressed < head_limit(layout)) {
    std::string_view rest = trim(layout.lines[addressed].substr(offset));
    if (!rest.empty() && rest.front() == ':') rest = trim(rest.substr(1));
    // The blank is dots or an ellipsis on the line, or (the reading order keeps a run of dots
    // apart as it keeps a rule) a line of dots, dashes or underscores alone under it.
    const auto blank = [](std::string_view text) {
      return !text.empty() &&
             (is_placeholder(text) || text.find("---") != std::string_view::npos ||
              text.find("___") != std::string_view::npos) &&
             text.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") ==
                 std::string_view::npos;
    };
    blank_addressees = blank(rest);
    for (std::size_t i = addressed + 1; rest.empty() && i < layout.lines.size(); ++i) {
      const std::string_view line = trim(layout.lines[i]);
      if (line.empty()) continue;
      blank_addressees =
          blank(line) && line.find_first_not_of(".-_ \xE2\x80\xA6") == std::string_view::npos;
      break;
    }
    // One recipient on the "Kính gửi" line may wrap onto the next ("... thành phố" / "trực
    // thuộc Trung ương.").
    for (const std::string& item : list_items(layout, addressed + 1, rest, ListKind::addressees))
      if (!is_placeholder(item)) recipients.push_back(item);
    // One recipient, which ND30 puts on the "Kính gửi" line, on the line below it ("Kính
    // gửi:" / "Hiệu trưởng các trường ..."): that line alone, when it reads as a name (short, no
    // sentence in it, not the body's opening).
    if (recipients.empty() && rest.empty())
      for (std::size_t i = addressed + 1; i < layout.lines.size(); ++i) {
        if (layout.skip(i)) continue;
        const std::string_view line = trim(layout.lines[i]);
        if (line.empty()) continue;
        const bool opening = line.starts_with("Căn cứ") || line.starts_with("Thực hiện") ||
                             line.starts_with("Theo ") || line.starts_with("Xét ");
        // The name the page's width wrapped onto the lines below ("... Việt Nam các" / "tỉnh,
        // thành phố trực thuộc Trung ương") is one.
        std::string name(line);
        for (std::size_t j = i + 1; j < layout.lines.size() && j <= i + 3; ++j) {
          const std::string_view next = trim(layout.lines[j]);
          if (layout.skip(j) || next.empty() || opens_body(next) ||
              !layout.wrapped_after(trim(layout.lines[j - 1]), next))
            break;
          name += " " + std::string(next);
        }
        if (!opening && name.size() < 200 && name.find(". ") == std::string::npos &&
            starts_upper(line) && !is_placeholder(line)) {
          const std::string item = clean_item(name);
          if (!item.empty()) recipients.push_back(item);
        }
        break;
      }
  }
  // The "Nơi nhận" beside the signature block (ND30 ô 9b), not one of a form further down.
  std::size_t copies = std::string_view::npos;
  for (std::size_t from = 0; from < layout.lines.size();) {
    std::size_t at_offset = 0;
    const std::size_t found = find_line(layout, "Nơi nhận", at_offset, from);
    if (found == std::string_view::npos) break;
    // "Nơi nhận hồ sơ: ..." (where a dossier is handed in) is a sentence of the body: ô 9b's
    // label stands alone, before its colon, or beside the signature column's cell in capitals.
    if (const std::string_view after = trim(layout.lines[found].substr(at_offset));
        !after.empty() && after.front() != ':' && starts_lower(after)) {
      from = found + 1;
      continue;
    }
    const bool near_signature = signature_line == static_cast<std::size_t>(-1) ||
                                (found + 60 >= signature_line && found <= signature_line + 30);
    if (near_signature) {
      copies = found;
      offset = at_offset;
      break;
    }
    from = found + 1;
  }
  if (copies != std::string_view::npos) {
    std::string_view rest = trim(layout.lines[copies].substr(offset));
    if (!rest.empty() && rest.front() == ':') rest = trim(rest.substr(1));
    const bool had_addressees = !recipients.empty() || blank_addressees;
    std::unordered_set<std::string> taken(recipients.begin(), recipients.end());
    for (std::string& item :
         list_items(layout, copies + 1, is_item(rest) ? rest : "", ListKind::copies)) {
      // "Như trên" stands for the "Kính gửi" list, already taken, with or without the purpose
      // in brackets ("Như trên (để thực hiện)").
      if ((had_addressees && stands_for_addressees(item)) || is_placeholder(item)) continue;
      if (taken.insert(item).second) recipients.push_back(std::move(item));
    }
  }
  return recipients;
}

}  // namespace vanban::analyzers::structure
