// A draft's blanks in a PDF's text layer (issue 11, the PDF text layers of local and Party
// documents): a draft or a congress print leaves the day (and the month) of ô 4 blank to fill in
// when it is signed, and `pdftotext` breaks the place and date line at each blank, with empty
// lines between ("Thanh Hóa, ngày" / "" / "tháng 6 năm 2026"). The date is what the line gives
// (the month, or the year), the place the words before "ngày", whatever the breaks; "ngày"
// glued to its day by a converter ("ngày12") is still the day word. The number left blank
// ("Số: /QĐ-HĐND", a Party's "Số -HD/BTCTU") keeps its symbol even where the text layer puts the
// symbol after the other column's cells of its row (the national name, the motto), and the
// symbol is no part of the issuer.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "layout_renderer.hpp"

namespace vanban::analyzers {
namespace {

struct Draft {
  std::string place_date;  // as the document prints it, blanks included
  std::string place;
  std::string date;
};

std::vector<Draft> drafts() {
  return {
      {"Thanh Hóa, ngày      tháng 6 năm 2026", "Thanh Hóa", "2026-06"},
      {"Hậu Giang, ngày      tháng      năm 2024", "Hậu Giang", "2024"},
      {"Hà Nội, ngày      tháng 11 năm 2025", "Hà Nội", "2025-11"},
  };
}

std::string document(const std::string& place_date) {
  return "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\nSố: 15/QĐ-UBND\n" +
         place_date +
         "\n\nQUYẾT ĐỊNH\nVề việc công bố danh mục thủ tục hành chính\n\n"
         "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;\nQuyết định:\n"
         "Điều 1. Công bố kèm theo Quyết định này.\n\nNơi nhận:\n- Như Điều 1;\n- Lưu: VT.\n\n"
         "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Lương\n";
}

// The PDF text layer's form: the line broken at each blank, an empty line between the pieces.
std::string broken_at_blanks(std::string text, const std::string& place_date) {
  std::string broken;
  std::size_t start = 0;
  while (start < place_date.size()) {
    std::size_t blank = place_date.find("      ", start);
    if (blank == std::string::npos) blank = place_date.size();
    if (!broken.empty()) broken += "\n\n";
    broken += place_date.substr(start, blank - start);
    start = blank;
    while (start < place_date.size() && place_date[start] == ' ')
      ++start;
  }
  const std::size_t at = text.find(place_date);
  if (at != std::string::npos) text.replace(at, place_date.size(), broken);
  return text;
}

TEST(DraftBlanks, a_place_and_date_broken_at_its_blanks_is_read_whole) {
  for (const Draft& draft : drafts()) {
    const std::string text = broken_at_blanks(document(draft.place_date), draft.place_date);
    const DocumentMetadata metadata = extract_metadata(text);
    EXPECT_EQ(metadata.place, draft.place) << text;
    EXPECT_EQ(metadata.date, draft.date) << text;
    EXPECT_EQ(metadata.number, "15/QĐ-UBND") << text;
  }
}

TEST(DraftBlanks, only_the_date_words_after_the_blank_join_it) {
  // What follows the empty line is no part of the date: nothing is invented.
  const std::string text =
      "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 15/QĐ-UBND\nLai Châu, ngày\n\nQUYẾT ĐỊNH\n"
      "Về việc công bố danh mục thủ tục hành chính năm 2025\n";
  const DocumentMetadata metadata = extract_metadata(text);
  EXPECT_FALSE(metadata.date.has_value()) << text;
}

TEST(DraftBlanks, the_day_word_glued_to_its_day) {
  const std::string text = document("Tuần Giáo, ngày12 tháng 11 năm 2020");
  const DocumentMetadata metadata = extract_metadata(text);
  EXPECT_EQ(metadata.place, "Tuần Giáo") << text;
  EXPECT_EQ(metadata.date, "2020-11-12") << text;
}

struct BlankNumber {
  std::string header;  // the issuer's cell and the number, as printed
  std::string issuer;
  std::string number;
};

std::vector<BlankNumber> blank_numbers() {
  return {
      {"HỘI ĐỒNG NHÂN DÂN\nTỈNH THANH HÓA\nSố: /QĐ-HĐND\n", "Hội đồng nhân dân tỉnh Thanh Hóa",
       "/QĐ-HĐND"},
      {"UBND TỈNH HẬU GIANG\nSỞ TÀI CHÍNH\nSố: /BC-STC\n", "Sở Tài chính tỉnh Hậu Giang",
       "/BC-STC"},
      {"THÀNH ỦY HÀ NỘI\nBAN TỔ CHỨC\n*\nSố -HD/BTCTU\n", "Ban Tổ chức Thành ủy Hà Nội",
       "-HD/BTCTU"},
      {"TỈNH ỦY THÁI NGUYÊN\n*\nSố: -TB/TU\n", "Tỉnh ủy Thái Nguyên", "-TB/TU"},
  };
}

std::string with_header(const BlankNumber& blank, bool party) {
  return blank.header +
         (party ? "ĐẢNG CỘNG SẢN VIỆT NAM\n"
                : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n") +
         "Hà Nội, ngày 12 tháng 8 năm 2025\n\nHƯỚNG DẪN\nThực hiện quy trình trao tặng Huy hiệu\n\n"
         "Căn cứ Điều lệ Đảng;\nNội dung cụ thể như sau.\n\nNơi nhận:\n- Các đảng ủy;\n- Lưu: "
         "VT.\n\n"
         "TRƯỞNG BAN\n\nLê Văn Lương\n";
}

// The text layer of the two-column header table: "Số" alone on its row's left, the right
// cells (national name, motto) next, then the blank number's symbol, empty lines between. The
// text unchanged when it has no number line of its own or no motto line after it.
std::string as_pdf_rows(std::string text, const std::string& number) {
  std::size_t label = text.find("Số");
  while (label != std::string::npos && label != 0 && text[label - 1] != '\n')
    label = text.find("Số", label + 1);
  if (label == std::string::npos) return text;
  const std::size_t end = text.find('\n', label);
  if (end == std::string::npos) return text;
  const std::string number_line = text.substr(label, end - label);
  const std::size_t symbol_at = number_line.find(number);
  if (symbol_at == std::string::npos || symbol_at + number.size() != number_line.size())
    return text;
  std::string label_only = number_line.substr(0, symbol_at);
  while (!label_only.empty() && label_only.back() == ' ')
    label_only.pop_back();
  std::size_t motto = text.find("Độc lập", end);
  if (motto == std::string::npos) motto = text.find("ĐẢNG CỘNG SẢN", end);
  if (motto == std::string::npos || text.rfind('\n', motto) + 1 != motto) return text;
  const std::size_t motto_end = text.find('\n', motto);
  if (motto_end == std::string::npos) return text;
  // A converter's space after the dash of a Party number ("- HD/BTCTU").
  const std::string written = number.front() == '-' ? "- " + number.substr(1) : number;
  text.insert(motto_end + 1, "\n" + written + "\n\n");
  text.replace(label, end - label, label_only + "\n");
  return text;
}

TEST(DraftBlanks, a_blank_number_after_the_motto_is_the_number_not_the_issuer) {
  for (const BlankNumber& blank : blank_numbers()) {
    for (const bool party : {false, true}) {
      const std::string text = as_pdf_rows(with_header(blank, party), blank.number);
      ASSERT_NE(text, with_header(blank, party));
      const DocumentMetadata metadata = extract_metadata(text);
      EXPECT_EQ(metadata.number, blank.number) << text;
      EXPECT_EQ(metadata.issuer, blank.issuer) << text;
      EXPECT_EQ(metadata.date, "2025-08-12") << text;
    }
  }
}

TEST(DraftBlanks, a_symbol_below_the_motto_without_a_bare_label_is_not_taken) {
  // The number line holds its number: a later lone symbol is some other text, not moved.
  const std::string text = with_header(blank_numbers().front(), false);
  const DocumentMetadata metadata = extract_metadata(text);
  EXPECT_EQ(metadata.number, "/QĐ-HĐND") << text;
  const std::string other =
      "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 15/QĐ-UBND\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "\n/KH-UBND\n\nLai Châu, ngày 12 tháng 8 năm 2025\n\nQUYẾT ĐỊNH\nVề việc"
      " công bố\n";
  EXPECT_EQ(extract_metadata(other).number, "15/QĐ-UBND") << other;
}

TEST(DraftBlanks, every_layout_family_gives_the_same_blank_number_and_issuer) {
  for (const BlankNumber& blank : blank_numbers()) {
    for (const bool party : {false, true}) {
      const testing::DocumentParts parts =
          testing::read_parts(with_header(blank, party), "Lê Văn Lương");
      for (const testing::Layout layout : testing::kTextLayouts) {
        const std::string rendered = testing::render(parts, layout);
        for (const std::string& text : {rendered, as_pdf_rows(rendered, blank.number)}) {
          const DocumentMetadata metadata = extract_metadata(text);
          EXPECT_EQ(metadata.number, blank.number) << testing::layout_name(layout) << "\n" << text;
          EXPECT_EQ(metadata.issuer, blank.issuer) << testing::layout_name(layout) << "\n" << text;
        }
      }
    }
  }
}

TEST(DraftBlanks, every_layout_family_gives_the_same_place_and_date) {
  for (const Draft& draft : drafts()) {
    const testing::DocumentParts parts =
        testing::read_parts(document(draft.place_date), "Lê Văn Lương");
    for (const testing::Layout layout : testing::kTextLayouts) {
      const std::string rendered = testing::render(parts, layout);
      for (const std::string& text : {rendered, broken_at_blanks(rendered, draft.place_date)}) {
        const DocumentMetadata metadata = extract_metadata(text);
        EXPECT_EQ(metadata.place, draft.place) << testing::layout_name(layout) << "\n" << text;
        EXPECT_EQ(metadata.date, draft.date) << testing::layout_name(layout) << "\n" << text;
      }
    }
  }
}

}  // namespace
}  // namespace vanban::analyzers
