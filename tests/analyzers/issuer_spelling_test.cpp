// The issuer set in capitals in ô 2 (ND30) hides which of its words are proper nouns; the
// document's own text writes the name. Words no table fixes take the case the text gives them
// most often (a part of the name may gain its capital, a common word loses one); known names,
// levels and places keep the table's case, so one body stays one value of the issuer facet.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "structure/tables.hpp"

namespace vanban::analyzers {
namespace {

using structure::proper_case_name;
using structure::spelled_as_in_text;

std::string document(const std::string& header_cell, const std::string& body) {
  return header_cell +
         "\n-------\nSố: 15/KH-TTTT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
         "Hạnh phúc\n---------------\nHà Nội, ngày 03 tháng 02 năm 2025\n\nKẾ HOẠCH\nTổ chức "
         "tập huấn năm 2025\n\n" +
         body + "\n\nGIÁM ĐỐC\n\nNguyễn Văn An\n";
}

TEST(IssuerSpelling, a_word_the_text_writes_in_lower_case_loses_the_capital_guessed_for_it) {
  const std::string name = proper_case_name("HỘI ĐỒNG ĐỊNH GIÁ TỈNH BẮC GIANG");
  ASSERT_EQ(name, "Hội đồng Định giá tỉnh Bắc Giang");
  EXPECT_EQ(spelled_as_in_text(name,
                               "Hội đồng định giá tỉnh Bắc Giang đã họp. Hội đồng định "
                               "giá tỉnh Bắc Giang kết luận."),
            "Hội đồng định giá tỉnh Bắc Giang");
  EXPECT_EQ(spelled_as_in_text("Tiểu ban Thông tin, Tuyên truyền, Khánh tiết",
                               "Các thành viên Tiểu ban thông tin, tuyên truyền, khánh tiết có "
                               "trách nhiệm ..."),
            "Tiểu ban thông tin, tuyên truyền, khánh tiết");
}

TEST(IssuerSpelling, a_part_of_the_name_the_text_capitalises_gains_its_capital) {
  const std::string name = proper_case_name("TRUNG TÂM THÔNG TIN VÀ CHƯƠNG TRÌNH GIÁO DỤC");
  ASSERT_EQ(name, "Trung tâm Thông tin và Chương trình giáo dục");
  EXPECT_EQ(spelled_as_in_text(name,
                               "Trung tâm Thông tin và Chương trình Giáo dục thông báo "
                               "lịch bồi dưỡng;\nTrung tâm Thông tin và Chương trình\nGiáo "
                               "dục đề nghị các đơn vị ..."),
            "Trung tâm Thông tin và Chương trình Giáo dục");
  // Through the extractor: the header cell in capitals, the body's spelling.
  const DocumentMetadata metadata = extract_metadata(
      document("TRUNG TÂM THÔNG TIN VÀ CHƯƠNG TRÌNH GIÁO DỤC",
               "Trung tâm Thông tin và Chương trình Giáo dục xây dựng kế hoạch như sau:"));
  EXPECT_EQ(metadata.issuer.value_or(""), "Trung tâm Thông tin và Chương trình Giáo dục");
}

TEST(IssuerSpelling, headings_title_case_and_a_minority_spelling_decide_nothing) {
  const std::string name = "Hội đồng Thi đua - Khen thưởng tỉnh Hưng Yên";
  // Every syllable capitalised (title case): no part of the name starts at "Đua".
  EXPECT_EQ(spelled_as_in_text(name, "Hội đồng Thi Đua - Khen Thưởng tỉnh Hưng Yên ban hành"),
            name);
  // A heading in capitals or with every word capitalised tells nothing.
  EXPECT_EQ(
      spelled_as_in_text("Hội đồng Định giá tỉnh Bắc Giang",
                         "HỘI ĐỒNG ĐỊNH GIÁ TỈNH BẮC GIANG\nHội Đồng Định Giá Tỉnh Bắc Giang"),
      "Hội đồng Định giá tỉnh Bắc Giang");
  // Two against one: the majority.
  EXPECT_EQ(spelled_as_in_text("Hội đồng Định giá tỉnh Bắc Giang",
                               "Hội đồng định giá tỉnh Bắc Giang; Hội đồng Định giá tỉnh Bắc "
                               "Giang; Hội đồng Định giá tỉnh Bắc Giang."),
            "Hội đồng Định giá tỉnh Bắc Giang");
  // Not in the text: as it was.
  EXPECT_EQ(spelled_as_in_text("Hội đồng Định giá tỉnh Bắc Giang", "Không có tên."),
            "Hội đồng Định giá tỉnh Bắc Giang");
}

TEST(IssuerSpelling, known_names_levels_and_places_keep_the_tables_case) {
  // One body, one facet value: a text that writes "Nhân dân" or "Tỉnh" changes nothing.
  const std::string name = proper_case_name("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM");
  ASSERT_EQ(name, "Ủy ban nhân dân tỉnh Quảng Nam");
  EXPECT_EQ(spelled_as_in_text(name,
                               "Ủy ban Nhân dân Tỉnh Quảng Nam giao; Ủy ban Nhân dân Tỉnh "
                               "Quảng Nam chỉ đạo"),
            name);
  // A name capitals would not give (written as the header wrote it) is not re-spelled.
  EXPECT_EQ(spelled_as_in_text("Trung tâm thông tin", "Trung tâm Thông tin báo cáo"),
            "Trung tâm thông tin");
}

// A converter or a font without the glyph loses a header cell's first capital ("Y BAN NHÂN
// DÂN"); the name's other words say which word it was, so the issuer facet keeps one value.
TEST(IssuerSpelling, a_header_cell_that_lost_its_first_capital_gets_it_back) {
  const struct {
    const char* cell;
    const char* issuer;
  } cases[] = {
      {"Y BAN NHÂN DÂN\nHUYỆN ĐẮK HÀ", "Ủy ban nhân dân huyện Đắk Hà"},
      {"ỘI ĐỒNG NHÂN DÂN\nTỈNH GIA LAI", "Hội đồng nhân dân tỉnh Gia Lai"},
      {"ẢNG ỦY XÃ TÂN AN", "Đảng ủy xã Tân An"},
  };
  for (const auto& c : cases) {
    const DocumentMetadata metadata =
        extract_metadata(document(c.cell, "Căn cứ tình hình thực tế, đơn vị xây dựng kế hoạch."));
    EXPECT_EQ(metadata.issuer.value_or("<none>"), c.issuer) << c.cell;
  }
  // A word that only ends like a name's first word, followed by other words, is left alone.
  const DocumentMetadata other = extract_metadata(
      document("AN TOÀN GIAO THÔNG TỈNH GIA LAI", "Ban xây dựng kế hoạch như sau."));
  EXPECT_EQ(other.issuer.value_or("<none>").find("Ban"), std::string::npos);
}

}  // namespace
}  // namespace vanban::analyzers
