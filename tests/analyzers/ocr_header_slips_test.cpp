// Session 18 (unseen13 studied): what an OCR engine makes of a scan's header, on made-up text.
// The short rule under ô 2 read as single marks; the colon of "Số:" read as a semicolon; a
// heading too garbled to read, where the enacting formula still names the type.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kDecisionBody =
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Xét đề nghị của Giám đốc Sở Tài nguyên và Môi trường,\n";

// No header cell is written in single letters: a line of single marks ("Ỉ ] Ị", the rule under
// ô 2 as the engine read it) between the cell's lines is no part of the issuer.
TEST(OcrHeaderSlips, a_line_of_single_marks_is_no_header_cell) {
  const auto metadata = extract_metadata(
      "ỦY BAN NHÂN DÂN\nỈ ] Ị\nTỈNH HÒA BÌNH\nSố: 345/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
      "NAM\nĐộc lập - Tự do - Hạnh phúc\nHòa Bình, ngày 28 tháng 12 năm 2023\nQUYẾT ĐỊNH\n"
      "Về việc phê duyệt kế hoạch sử dụng đất năm 2024\nỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\n" +
      kDecisionBody + "QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt kế hoạch.\n");
  EXPECT_EQ(metadata.issuer, "Ủy ban nhân dân tỉnh Hòa Bình");
  // A cell of two-letter words is a cell all the same.
  const auto words = extract_metadata(
      "BỘ Y TẾ\nSố: 12/QĐ-BYT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hà Nội, ngày 2 tháng 1 năm 2024\nQUYẾT ĐỊNH\nVề việc ban hành quy chế\n" +
      kDecisionBody);
  EXPECT_EQ(words.issuer, "Bộ Y tế");
}

// ô 3's label with its colon read as a semicolon ("Số; 1120 /QĐ-UBND") is the label all the
// same; and a heading the engine garbled ("QUYET ĐỊNH P eHl-TI N:") leaves the type to the
// enacting formula before the articles, its marks slipped too ("QUYÉT ĐỊNH:"), over the
// công văn a number without a type code would otherwise make it.
TEST(OcrHeaderSlips, the_number_after_a_semicolon_and_the_type_from_the_enacting_formula) {
  const auto metadata = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\nSố; 1120 /QĐHC-CTUBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
      "NAM\nĐộc lập - Tự do - Hạnh phúc\nQUYET ĐỊNH\tP eHl-TI\tN:\nR\tXã.\t3.\tHE\n"
      "Phê duyệt báo cáo đánh giá tác động môi trường\n" +
      kDecisionBody + "QUYÉT ĐỊNH:\nĐiều 1. Phê duyệt báo cáo.\n");
  EXPECT_EQ(metadata.number, "1120/QĐHC-CTUBND");
  EXPECT_EQ(metadata.type, "Quyết định");
  EXPECT_EQ(metadata.type_code, "QĐ");
  EXPECT_EQ(metadata.issuer, "Ủy ban nhân dân tỉnh Hòa Bình");
  // Without the formula, nothing names the type but the number, as before.
  const auto letter = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\nSố; 1121 /UBND-KT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nV/v báo cáo tình hình\nKính gửi: Sở Tài chính\n"
      "Ủy ban nhân dân tỉnh đề nghị Sở Tài chính báo cáo.\n");
  EXPECT_EQ(letter.number, "1121/UBND-KT");
  EXPECT_EQ(letter.type, "Công văn");
}

// An electronic document system stamps the register's line on the first page ("Số:
// 2037/SCT-QLTM; 04/08/2025; 14:59:39;": a number, a date, a clock time), above ô 1-2: it is
// the register's, not ô 3, and the header's cells under it are read as a header's.
TEST(OcrHeaderSlips, a_register_stamp_above_the_header_is_not_its_number) {
  const auto metadata = extract_metadata(
      "Số: 2037/SCT-QLTM; 04/08/2025; 14:59:39;\n\nUBND TỈNH HÒA BÌNH\nSỞ CÔNG THƯƠNG\n"
      "Số: 15/TTr-SCT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hòa Bình, ngày 4 tháng 8 năm 2025\nTỜ TRÌNH\nDự thảo Quyết định phân cấp quản lý\n"
      "Kính gửi: Ủy ban nhân dân tỉnh Hòa Bình.\nSở Công Thương kính trình như sau:\n");
  EXPECT_EQ(metadata.number, "15/TTr-SCT");
  EXPECT_EQ(metadata.issuer, "Sở Công Thương tỉnh Hòa Bình");
}

// Session 25: ô 4's year word whose vowel the engine lost or misread ("nám", "nm"; the breve
// of "ă" is what a scan loses first), its number glued or not: the place and the date line
// still give the date, the words "ngày ... tháng" before it and four digits after it fixing
// the word. The same word in the body, or a word that is no damaged "năm", gives no date.
TEST(OcrHeaderSlips, a_date_line_whose_year_word_lost_its_vowel) {
  const auto with_date_line = [](const std::string& date_line) {
    return extract_metadata(
        "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\nSố: 77/QĐ-UBND\nCỘNG HÒA XÃ HỘI "
        "CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" +
        date_line + "\nQUYẾT ĐỊNH\nVề việc phê duyệt kế hoạch\n" + kDecisionBody +
        "QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt kế hoạch.\n");
  };
  for (const std::string line :
       {"Hòa Bình, ngày 9 tháng 3 nám 2025", "Hòa Bình, ngày09 tháng3nám 2025",
        "Hòa Bình, ngày 09 tháng 03 nm 2025"})
    EXPECT_EQ(with_date_line(line).date, "2025-03-09") << line;
  // Controls: the line as written; a word that keeps neither "n" nor "m" is no year word.
  EXPECT_EQ(with_date_line("Hòa Bình, ngày 9 tháng 3 năm 2025").date, "2025-03-09");
  EXPECT_EQ(with_date_line("Hòa Bình, ngày 9 tháng 3 vào 2025").date, std::nullopt);
  EXPECT_EQ(with_date_line("Hòa Bình, ngày 9 tháng 3 nhiều 2025").date, std::nullopt);
}

}  // namespace
}  // namespace vanban::analyzers
