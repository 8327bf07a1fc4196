// Marks around the header's cells (issue 11, printed and converted Party and State documents):
// the rule under the motto run into the place (a converter that lost the line break), the
// short rule under the trích yếu (ND30 ô 5a, HD 36-HD/VPTW) that ends a title whose second line
// opens with a name, and a print's cover (organisation, type heading and title in capitals, the
// circulation mark of ô 11, the month of the print) before the first page with the document's
// own header. The fields are the same in every layout family of the renderer.
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "layout_renderer.hpp"

namespace vanban::analyzers {
namespace {

const std::string kFirstPage =
    "TỈNH ỦY THÁI NGUYÊN\n*\nSố 12-BC/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Thái Nguyên, ngày 20 tháng 9 năm 2025\n\nBÁO CÁO\n"
    "tổng hợp ý kiến góp ý vào các dự thảo văn kiện\n"
    "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng\n-----\n\n"
    "Thực hiện Chỉ thị số 45-CT/TW, ngày 14/4/2025 của Bộ Chính trị về đại hội đảng bộ các cấp, "
    "Ban Thường vụ Tỉnh ủy báo cáo như sau.\n\nNơi nhận:\n- Văn phòng Trung ương Đảng,\n"
    "- Lưu Văn phòng Tỉnh ủy.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nTrịnh Việt Hùng\n";

const std::string kTitle =
    "tổng hợp ý kiến góp ý vào các dự thảo văn kiện Đại hội đại biểu toàn quốc lần thứ XIV của "
    "Đảng";

// The cover of the same report printed as a booklet: its committee by the Statute's long name,
// the type and the title in capitals, "LƯU HÀNH NỘI BỘ", the month, the first page's number.
const std::string kCover =
    "ĐẢNG CỘNG SẢN VIỆT NAM\nBAN CHẤP HÀNH ĐẢNG BỘ TỈNH THÁI NGUYÊN\n\nBÁO CÁO\n"
    "TỔNG HỢP Ý KIẾN GÓP Ý VÀO DỰ THẢO CÁC VĂN KIỆN\nĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC LẦN THỨ XIV CỦA "
    "ĐẢNG\n\nLƯU HÀNH NỘI BỘ\n\nTHÁNG 9 - 2025\n\n3\n";

void expect_first_page_fields(const DocumentMetadata& metadata, const std::string& text) {
  EXPECT_EQ(metadata.issuer, "Tỉnh ủy Thái Nguyên") << text;
  EXPECT_EQ(metadata.number, "12-BC/TU") << text;
  EXPECT_EQ(metadata.place, "Thái Nguyên") << text;
  EXPECT_EQ(metadata.date, "2025-09-20") << text;
  EXPECT_EQ(metadata.type, "Báo cáo") << text;
  EXPECT_EQ(metadata.title, kTitle) << text;
}

TEST(HeaderMarks, the_rule_under_a_title_ends_it_whatever_case_its_lines_open_with) {
  expect_first_page_fields(extract_metadata(kFirstPage), kFirstPage);
}

TEST(HeaderMarks, a_prints_cover_is_no_part_of_the_header) {
  const std::string text = kCover + kFirstPage;
  expect_first_page_fields(extract_metadata(text), text);
}

TEST(HeaderMarks, a_cover_needs_the_first_page_after_it) {
  // Capitals, a heading and "LƯU HÀNH NỘI BỘ" with no header after them: the document itself
  // (a Party document whose ô 11 mark stands under its title), read as it is.
  const std::string text =
      "TỈNH ỦY THÁI NGUYÊN\nBÁO CÁO\nTÌNH HÌNH KINH TẾ - XÃ HỘI\nLƯU HÀNH NỘI BỘ\n\n"
      "Thực hiện Chỉ thị số 45-CT/TW, ngày 14/4/2025 của Bộ Chính trị.\n";
  const DocumentMetadata metadata = extract_metadata(text);
  EXPECT_EQ(metadata.issuer, "Tỉnh ủy Thái Nguyên") << text;
  EXPECT_EQ(metadata.type, "Báo cáo") << text;
}

TEST(HeaderMarks, every_layout_family_gives_the_same_fields_with_and_without_a_cover) {
  const testing::DocumentParts parts = testing::read_parts(kFirstPage, "Trịnh Việt Hùng");
  for (const testing::Layout layout : testing::kTextLayouts) {
    const std::string rendered = testing::render(parts, layout);
    SCOPED_TRACE(testing::layout_name(layout));
    expect_first_page_fields(extract_metadata(rendered), rendered);
    expect_first_page_fields(extract_metadata(kCover + rendered), kCover + rendered);
  }
}

// The rule drawn under the motto run into the place by a converter.
const std::string kGluedRule =
    "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 294-QĐ/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "--------------Hà Nội, ngày 26 tháng 5 năm 2025\n\nQUY ĐỊNH\nTHI HÀNH ĐIỀU LỆ ĐẢNG\n"
    "- Căn cứ Điều lệ Đảng;\nQuy định này có hiệu lực từ ngày ký.\n\n"
    "T/M BAN CHẤP HÀNH TRUNG ƯƠNG\nTỔNG BÍ THƯ\n\nTô Lâm\n";

TEST(HeaderMarks, a_rule_run_into_the_place_is_no_part_of_it) {
  const DocumentMetadata metadata = extract_metadata(kGluedRule);
  EXPECT_EQ(metadata.place, "Hà Nội");
  EXPECT_EQ(metadata.date, "2025-05-26");
  const testing::DocumentParts parts = testing::read_parts(kGluedRule, "Tô Lâm");
  for (const testing::Layout layout : testing::kTextLayouts) {
    const std::string rendered = testing::render(parts, layout);
    const DocumentMetadata each = extract_metadata(rendered);
    EXPECT_EQ(each.place, "Hà Nội") << testing::layout_name(layout) << "\n" << rendered;
    EXPECT_EQ(each.date, "2025-05-26") << testing::layout_name(layout) << "\n" << rendered;
  }
}

// A template or a draft with every part of its date left blank: ô 4 still gives the place, and
// the date is none (the convention for blanks keeps what the document gives).
TEST(HeaderMarks, a_wholly_blank_date_still_gives_the_place) {
  const std::string text =
      "BỘ TƯ PHÁP\nTỔNG CỤC THI HÀNH ÁN DÂN SỰ\n-------\nSố: 12/QĐ-TCTHADS\n\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
      "Hà Nội, ngày ..... tháng ..... năm .......\n\nQUYẾT ĐỊNH\nVề việc chuyển ngạch\n\n"
      "Căn cứ Luật Thi hành án dân sự năm 2008;\nĐiều 1. Chuyển ngạch.\n\nNơi nhận:\n"
      "- Như Điều 4;\n- Lưu: VT.\n\nTỔNG CỤC TRƯỞNG\n\nNguyễn Ngọc Anh\n";
  const testing::DocumentParts parts = testing::read_parts(text, "Nguyễn Ngọc Anh");
  for (const testing::Layout layout : testing::kTextLayouts) {
    const std::string rendered = testing::render(parts, layout);
    const DocumentMetadata metadata = extract_metadata(rendered);
    EXPECT_EQ(metadata.place, "Hà Nội") << testing::layout_name(layout) << "\n" << rendered;
    EXPECT_EQ(metadata.date, std::nullopt) << testing::layout_name(layout) << "\n" << rendered;
    EXPECT_EQ(metadata.number, "12/QĐ-TCTHADS") << testing::layout_name(layout) << "\n" << rendered;
  }
  // A form's line in an appendix names no place: "....., ngày ..... tháng ..... năm ....."
  const std::string form = text + "\nMẪU SỐ 01\n....., ngày ..... tháng ..... năm .....\n";
  EXPECT_EQ(extract_metadata(form).place, "Hà Nội");
}

}  // namespace
}  // namespace vanban::analyzers
