// Session 22 (unseen17 studied): rules on made-up text. Older texts as the Official Gazette and
// the archives reprint them name themselves in one heading in capitals and write the State's
// name in full; a constitution is named by its year.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

bool cites_law(const DocumentMetadata& metadata, std::string_view title) {
  return std::any_of(metadata.citations.begin(), metadata.citations.end(),
                     [&](const Citation& citation) { return citation.title == title; });
}

const std::string kReprintBody =
    "Căn cứ vào Điều 6 của Luật tổ chức Chính phủ;\n"
    "QUYẾT NGHỊ:\n"
    "Điều 1. Mỗi tỉnh có một Phó Chủ tịch.\n"
    "Điều 2. Nghị quyết này có hiệu lực từ ngày ký.\n";

// The gazette's heading (and an archive's reprint of an older text) names the text whole, the
// way a text is first cited (ND30 Phụ lục I §II.6): type, "SỐ" and number, "NGÀY" and date,
// "CỦA" and the issuer, the trích yếu, wrapped over lines in capitals. The body's own name on
// its line above "Căn cứ" ends the heading.
TEST(ArchiveReprints, a_heading_in_capitals_names_number_date_issuer_and_title) {
  const auto reprint = extract_metadata(
      "QUYẾT ĐỊNH SỐ 57-QĐ/BNV NGÀY 3-5-1989\n"
      "CỦA BỘ NỘI VỤ VỀ VIỆC THÀNH LẬP ĐỒN CÔNG AN\n"
      "CỬA KHẨU\n"
      "BỘ NỘI VỤ\n"
      "Căn cứ vào Nghị định số 10-CP ngày 2-1-1988 của Hội đồng Bộ trưởng;\n"
      "QUYẾT ĐỊNH:\n"
      "Điều 1. Thành lập đồn công an cửa khẩu.\n");
  EXPECT_EQ(reprint.type, "Quyết định");
  EXPECT_EQ(reprint.date, "1989-05-03");
  EXPECT_EQ(reprint.number, "57-QĐ/BNV");
  EXPECT_EQ(reprint.issuer, "Bộ Nội vụ");
  EXPECT_EQ(reprint.title, "Về việc thành lập đồn công an cửa khẩu");
  // A text numbered between two others: a letter after its digits.
  const auto lettered = extract_metadata(
      "QUYẾT ĐỊNH SỐ 57b-QĐ/BNV NGÀY 3-5-1989\n"
      "CỦA BỘ NỘI VỤ VỀ VIỆC THÀNH LẬP ĐỒN CÔNG AN\n"
      "BỘ NỘI VỤ\n"
      "Căn cứ vào Nghị định số 10-CP ngày 2-1-1988 của Hội đồng Bộ trưởng;\n"
      "QUYẾT ĐỊNH:\n"
      "Điều 1. Thành lập đồn công an cửa khẩu.\n");
  EXPECT_EQ(lettered.number, "57b-QĐ/BNV");
  EXPECT_EQ(lettered.date, "1989-05-03");
  // Without the issuer after "của" the line is no such heading: a sentence in capitals that
  // cites a number names another text.
  const auto cited = extract_metadata(
      "THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 3-5-1989 VỀ CÔNG TÁC CÔNG AN\n" + kReprintBody);
  EXPECT_EQ(cited.number, std::nullopt);
  EXPECT_EQ(cited.date, std::nullopt);
}

// Texts of the time set the body's name, then the State's name in full ("NƯỚC CỘNG HÒA XÃ HỘI
// CHỦ NGHĨA VIỆT NAM"), above the preamble. "Nước" is the State's word: the issuer is the body.
TEST(ArchiveReprints, the_state_s_name_written_in_full_is_no_part_of_the_issuer) {
  const auto resolution = extract_metadata(
      "NGHỊ QUYẾT SỐ 31 NQ/UBTVQH9 NGÀY 12-3-1993\n"
      "CỦA ỦY BAN THƯỜNG VỤ QUỐC HỘI VỀ SỐ ỦY VIÊN ỦY BAN NHÂN DÂN\n"
      "ỦY BAN THƯỜNG VỤ QUỐC HỘI\n"
      "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" +
      kReprintBody);
  EXPECT_EQ(resolution.issuer, "Ủy ban Thường vụ Quốc hội");
  EXPECT_EQ(resolution.type, "Nghị quyết");
  EXPECT_EQ(resolution.date, "1993-03-12");
  // The number as the heading writes it, with the space of its time between number and code.
  EXPECT_EQ(resolution.number, "31 NQ/UBTVQH9");
  ASSERT_TRUE(resolution.title.has_value());
  EXPECT_TRUE(resolution.title->starts_with("Về số ủy viên")) << *resolution.title;
}

// A reprinted page titled "<Type> số <number> (<year>)" (a library's title for a text it
// reproduces without its header) names the text's number and year, when the number's code is
// the type's; a title whose number is another type's names another text.
TEST(ArchiveReprints, a_page_title_with_the_year_in_brackets_names_the_text) {
  const auto titled = extract_metadata("Nghị quyết số 88 NQ/TVQH (1977)\n\n" + kReprintBody);
  EXPECT_EQ(titled.number, "88 NQ/TVQH");
  EXPECT_EQ(titled.date, "1977");
  const auto other = extract_metadata("Nghị quyết số 88-QĐ/TVQH (1977)\n\n" + kReprintBody);
  EXPECT_NE(other.number, "88-QĐ/TVQH");
}

// Every constitution is the State's, and since 1980 they bear the same title: with the title
// and a year, the year names it ("Hiến pháp năm 1992"); words that are neither ("Hiến pháp
// mới", one still to be adopted) name no instrument.
TEST(ArchiveReprints, a_constitution_s_title_and_year_name_it_by_its_year) {
  const auto resolution = extract_metadata(
      "Căn cứ vào Điều 91 của Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992;\n"
      "Trong khi chờ đợi Hiến pháp mới và Luật mới về tổ chức chính quyền;\n"
      "QUYẾT NGHỊ:\nĐiều 1. Thử.\n");
  EXPECT_TRUE(cites_law(resolution, "Hiến pháp năm 1992"));
  EXPECT_FALSE(cites_law(resolution, "Hiến pháp mới"));
  EXPECT_EQ(std::count_if(resolution.citations.begin(), resolution.citations.end(),
                          [](const Citation& c) { return c.type == "Hiến pháp"; }),
            1);
  // The title without a year is cited as written.
  const auto titled = extract_metadata(
      "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQUYẾT NGHỊ:\nĐiều 1. Thử.\n");
  EXPECT_TRUE(cites_law(titled, "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"));
}

// The gazette and the archives print an older text's signature with the post in running case
// and the signer's name in capitals ("Chủ tịch" / "NGUYỄN VĂN AN"): the name, as running text
// writes it. Under a post in capitals the line in capitals is the post's second line.
TEST(ArchiveReprints, a_name_in_capitals_under_a_post_in_running_case_is_the_signer) {
  const auto signed_text = extract_metadata(
      "QUYẾT ĐỊNH SỐ 57-QĐ/BNV NGÀY 3-5-1989\n"
      "CỦA BỘ NỘI VỤ VỀ VIỆC THÀNH LẬP ĐỒN CÔNG AN\n"
      "BỘ NỘI VỤ\n"
      "Căn cứ vào Nghị định số 10-CP ngày 2-1-1988 của Hội đồng Bộ trưởng;\n"
      "QUYẾT ĐỊNH:\n"
      "Điều 1. Thành lập đồn công an cửa khẩu.\n"
      "KT. BỘ TRƯỞNG BỘ NỘI VỤ\n"
      "Thứ trưởng\n"
      "PHẠM TÂM LONG\n");
  EXPECT_EQ(signed_text.signer, "Phạm Tâm Long");
  EXPECT_EQ(signed_text.signer_title, "Thứ trưởng");
  const auto two_lines = extract_metadata(
      "Điều 1. Thử.\n./.\nTM. ỦY BAN NHÂN DÂN\nPHÓ CHỦ TỊCH\nTHƯỜNG TRỰC\nLê Văn An\n");
  EXPECT_EQ(two_lines.signer, "Lê Văn An");
}

}  // namespace
}  // namespace vanban::analyzers
