// PDF text layers (issue 11): what pdftotext's default mode and the project's PDF reader make of
// an office's file printed to PDF (tests/indexer/layout_pdf_text_test.cpp renders them all):
// each rule here is one thing the text layer does to the parts of a Decree 30 document.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

// pdftotext puts the short rule under a header cell and the cell's next line on one line when
// they stand side by side: "-------Nghị quyết số:" / "78/2025/UBTVQH15".
TEST(PdfTextLayers, a_rule_run_into_the_line_after_it_is_a_line_of_its_own) {
  const auto metadata = extract_metadata(
      "ỦY BAN THƯỜNG VỤ\nQUỐC HỘI\n-------Nghị quyết số:\n78/2025/UBTVQH15\n\nCỘNG HÒA XÃ HỘI "
      "CHỦ NGHĨA\nVIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n---------------\n\nHà Nội, ngày 17 "
      "tháng 5 năm 2025\nNGHỊ QUYẾT\nVề việc ghi nhận thời gian đóng bảo hiểm xã hội\n"
      "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
      "QUYẾT NGHỊ:\nĐiều 1. Phạm vi điều chỉnh.\n");
  EXPECT_EQ(metadata.number, "78/2025/UBTVQH15");
  EXPECT_EQ(metadata.issuer, "Ủy ban Thường vụ Quốc hội");
  EXPECT_EQ(metadata.date, "2025-05-17");
  // The rule run into the first line of the body: the body starts there.
  const auto party = extract_metadata(
      "TỈNH ỦY THÁI NGUYÊN\n*\nSố 12-BC/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\nThái Nguyên, ngày 5 tháng 9 "
      "năm 2025\n\nBÁO CÁO\ntổng hợp ý kiến góp ý vào các dự thảo văn kiện\n----Thực hiện Chỉ thị "
      "số 45-CT/TW, ngày 14/4/2025 của Bộ Chính trị về đại hội đảng bộ các cấp;\n");
  EXPECT_EQ(party.title, "tổng hợp ý kiến góp ý vào các dự thảo văn kiện");
  ASSERT_EQ(party.citations.size(), 1u);
  EXPECT_EQ(party.citations[0].number_key, "45-ct/tw");
  // A list item's dash or a rule set apart by a space stays as it is.
  EXPECT_EQ(extract_metadata("ỦY BAN NHÂN DÂN\nTỈNH LONG AN\n------- \nSố: 12/KH-UBND\n\nCỘNG HÒA "
                             "XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLong An, ngày 5 tháng 3 năm 2026\n\nKẾ "
                             "HOẠCH\nTổ chức hội nghị\n")
                .number,
            "12/KH-UBND");
}

}  // namespace
}  // namespace vanban::analyzers
