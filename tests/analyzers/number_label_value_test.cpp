// The number on the line after its label (issue 11, layout family "number_next_line"; ND30 ô 3:
// "Số:" and the number and symbol after it in one cell). A converter or a PDF's text layer may
// end the cell's first line after the label; the value on the next line is the label's, however
// the label is typed ("Số :", a space before the colon) and however a scan's engine read the
// value's digits ("L2 /BC-TĐ", "€€/TB-HĐND", "J0TB-KCN"): it never goes on the issuer's name.
// Digits an e-office system stamped in the blank may stand on that line alone, the template's
// notation after the other column's cells ("Số:" / "447" / "CỘNG HÒA ..." / "/KH-UBND").
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

std::string letter(const std::string& number_lines) {
  return "ỦY BAN NHÂN DÂN\nHUYỆN AN LẠC\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\n---------------\n" +
         number_lines +
         "\nAn Lạc, ngày 12 tháng 3 năm 2024\n\nTHÔNG BÁO\nKết quả kiểm tra công tác văn thư năm "
         "2023\n\nThực hiện Kế hoạch số 15/KH-UBND ngày 02/02/2024 của Ủy ban nhân dân huyện, "
         "đoàn kiểm tra đã làm việc với các xã.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Bình\n";
}

TEST(NumberLabelValue, a_label_typed_with_a_space_before_its_colon_takes_the_next_line) {
  const DocumentMetadata one_line = extract_metadata(letter("Số : 24 /TB-UBND"));
  const DocumentMetadata next_line = extract_metadata(letter("Số :\n24 /TB-UBND"));
  EXPECT_EQ(one_line.number, "24/TB-UBND");
  EXPECT_EQ(next_line.number, one_line.number);
  EXPECT_EQ(next_line.issuer, "Ủy ban nhân dân huyện An Lạc");
  EXPECT_EQ(next_line.issuer, one_line.issuer);
}

TEST(NumberLabelValue, a_value_whose_digits_a_scan_misread_stays_the_labels) {
  for (const std::string value : {"L2 /TB-UBND", "€€/TB-UBND", "J0TB-UBND", "Z4Z/UBND- VX"}) {
    const DocumentMetadata one_line = extract_metadata(letter("Số: " + value));
    const DocumentMetadata next_line = extract_metadata(letter("Số:\n" + value));
    EXPECT_EQ(next_line.issuer, "Ủy ban nhân dân huyện An Lạc") << value;
    EXPECT_EQ(next_line.issuer, one_line.issuer) << value;
    EXPECT_EQ(next_line.number, one_line.number) << value;
    EXPECT_EQ(next_line.type, one_line.type) << value;
  }
}

TEST(NumberLabelValue, stamped_digits_on_the_line_after_the_label_take_the_notation_below) {
  const std::string head = "ỦY BAN NHÂN DÂN\nPHƯỜNG 1\n";
  const std::string tail =
      "\n\nĐộc lập - Tự do - Hạnh phúc\nPhường 1, ngày 24 tháng 03 năm 2025\n\nKẾ HOẠCH\nTriển "
      "khai công tác năm 2025\n\nThực hiện Kế hoạch số 2300/KH-UBND ngày 21/03/2025 của Ủy ban "
      "nhân dân thành phố.\n";
  const DocumentMetadata one_line =
      extract_metadata(head + "Số: 447\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n/KH-UBND" + tail);
  const DocumentMetadata next_line =
      extract_metadata(head + "Số:\n447\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n/KH-UBND" + tail);
  EXPECT_EQ(one_line.number, "447/KH-UBND");
  EXPECT_EQ(next_line.number, one_line.number);
  EXPECT_EQ(next_line.issuer, one_line.issuer);
}

TEST(NumberLabelValue, a_line_in_words_after_a_bare_label_is_no_value) {
  // A draft's blank number: "Số:" alone, then a header cell in capitals with a dash ("PHÒNG KINH
  // TẾ - HẠ TẦNG" is no symbol: words, no digit nor sign) or the motto; the issuer keeps its name.
  const std::string text =
      "ỦY BAN NHÂN DÂN HUYỆN AN LẠC\nSố:\nPHÒNG KINH TẾ - HẠ TẦNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
      "NAM\nĐộc lập - Tự do - Hạnh phúc\nAn Lạc, ngày 12 tháng 3 năm 2024\n\nTHÔNG BÁO\nKết quả "
      "kiểm tra\n\nThực hiện Kế hoạch số 15/KH-UBND ngày 02/02/2024 của Ủy ban nhân dân huyện.\n";
  const DocumentMetadata metadata = extract_metadata(text);
  EXPECT_EQ(metadata.number, std::nullopt);
  ASSERT_TRUE(metadata.issuer.has_value());
  EXPECT_EQ(metadata.issuer->find("PHÒNG KINH TẾ - HẠ TẦNG Số"), std::string::npos);
}

}  // namespace
}  // namespace vanban::analyzers
