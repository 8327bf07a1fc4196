// A header table flattened to one text row per table row (web pages, Word-to-HTML converters)
// keeps only the first line of each cell: "ỦY BAN NHÂN DÂN | CỘNG HÒA ..." without the place
// under the body's name, and often without the type title. The reading order of a decision
// (ND30: number, place and date, title, enacting authority, body) still tells both: the
// authority line under the title names the body with its level and place. Department and
// ministry names in a title set in capitals keep their written case.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kFlattenedBody =
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Theo đề nghị của Giám đốc Sở Nội vụ,\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy định về tiếp công dân.\n";

// The same decision as its issuer printed it: every cell on its lines.
std::string full_layout() {
  return "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\n-------\n"
         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
         "Số: 12/2019/QĐ-UBND\nHòa Bình, ngày 04 tháng 3 năm 2019\n\nQUYẾT ĐỊNH\n"
         "BAN HÀNH QUY ĐỊNH VỀ TIẾP CÔNG DÂN TRÊN ĐỊA BÀN TỈNH HÒA BÌNH\n\n"
         "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\n\n" +
         kFlattenedBody;
}

// The header table flattened: a row per line, each cell's first line only, the type title
// (a row of its own) lost.
std::string flattened_layout(const std::string& authority) {
  return "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
         "Số: 12/2019/QĐ-UBND | Hòa Bình, ngày 04 tháng 3 năm 2019 |\n"
         "BAN HÀNH QUY ĐỊNH VỀ TIẾP CÔNG DÂN TRÊN ĐỊA BÀN TỈNH HÒA BÌNH\n" +
         authority + kFlattenedBody;
}

TEST(FlattenedHeader, issuer_takes_its_place_from_the_enacting_authority_line) {
  const auto flattened = extract_metadata(flattened_layout("ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\n"));
  EXPECT_EQ(flattened.issuer, "Ủy ban nhân dân tỉnh Hòa Bình");
  const auto chair = extract_metadata(flattened_layout("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\n"));
  EXPECT_EQ(chair.issuer, "Ủy ban nhân dân tỉnh Hòa Bình");
}

TEST(FlattenedHeader, council_authority_line_with_its_term_on_it) {
  const auto metadata = extract_metadata(
      "HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
      "Số: 07/2016/NQ-HĐND | Đồng Xoài, ngày 05 tháng 7 năm 2016 |\n"
      "HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH PHƯỚC KHÓA IX, KỲ HỌP THỨ NHẤT\n"
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n");
  EXPECT_EQ(metadata.issuer, "Hội đồng nhân dân tỉnh Bình Phước");
}

TEST(FlattenedHeader, title_without_its_type_line_is_read_between_date_and_authority) {
  const auto metadata = extract_metadata(flattened_layout("ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\n"));
  EXPECT_EQ(metadata.type, "Quyết định");
  EXPECT_EQ(metadata.title, "Ban hành Quy định về tiếp công dân trên địa bàn tỉnh Hòa Bình");
}

TEST(FlattenedHeader, flattened_and_full_layouts_give_the_same_fields) {
  const auto full = extract_metadata(full_layout());
  const auto flattened = extract_metadata(flattened_layout("ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\n"));
  EXPECT_EQ(full.issuer, flattened.issuer);
  EXPECT_EQ(full.title, flattened.title);
  EXPECT_EQ(full.number, flattened.number);
  EXPECT_EQ(full.date, flattened.date);
  EXPECT_EQ(full.type, flattened.type);
}

TEST(FlattenedHeader, without_an_authority_line_the_bare_body_is_not_completed) {
  // Nothing in the text names the unit: a bare "Ủy ban nhân dân" names no one body (the
  // issuer facet lists bodies), so the issuer is null.
  const auto metadata = extract_metadata(flattened_layout(""));
  EXPECT_EQ(metadata.issuer, std::nullopt);
}

TEST(FlattenedHeader, another_body_s_line_does_not_complete_the_issuer) {
  const auto metadata = extract_metadata(flattened_layout("HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BÌNH\n"));
  EXPECT_EQ(metadata.issuer, std::nullopt);
}

TEST(HeaderIssuer, a_sub_committee_under_its_board_is_the_issuer) {
  // The upper lines name the board the sub-committee belongs to (cơ quan chủ quản).
  const auto metadata = extract_metadata(
      "BAN TỔ CHỨC\nĐẠI HỘI ĐẠI BIỂU\nCÁC DÂN TỘC THIỂU SỐ VIỆT NAM\n"
      "TIỂU BAN THI ĐUA - KHEN THƯỞNG\n-------------\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Số: 13/BTC-TĐKT\nV/v hướng dẫn công tác khen thưởng\nHà Nội, ngày 08 tháng 09 năm 2009\n"
      "Kính gửi: Ban Chỉ đạo Đại hội các tỉnh\n\nTiểu ban hướng dẫn như sau.\n");
  EXPECT_EQ(metadata.issuer, "Tiểu ban Thi đua - Khen thưởng");
}

// A decision of the province of Hòa Bình whose title is set in capitals.
std::string decision_titled(const std::string& title) {
  return "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\nSố: 13/2019/QĐ-UBND\n"
         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
         "Hòa Bình, ngày 04 tháng 3 năm 2019\n\nQUYẾT ĐỊNH\n" +
         title + "\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\n\n" + kFlattenedBody;
}

TEST(TitleInCapitals, department_and_ministry_names_keep_their_written_case) {
  const auto metadata = extract_metadata(decision_titled(
      "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ TÀI NGUYÊN VÀ MÔI "
      "TRƯỜNG, SỞ NÔNG NGHIỆP & PTNT VÀ BỘ Y TẾ"));
  EXPECT_EQ(metadata.title,
            "Về việc công bố thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Tài nguyên và "
            "Môi trường, Sở Nông nghiệp & PTNT và Bộ Y tế");
}

TEST(TitleInCapitals, the_instrument_a_decision_issues_is_named_by_its_type) {
  const auto issued = extract_metadata(full_layout());
  EXPECT_EQ(issued.title, "Ban hành Quy định về tiếp công dân trên địa bàn tỉnh Hòa Bình");
  // "quy định" as a verb stays a verb.
  const auto verb = extract_metadata(decision_titled("QUY ĐỊNH MỨC THU PHÍ THAM QUAN"));
  EXPECT_EQ(verb.title, "Quy định mức thu phí tham quan");
}

// A portal's metadata table above the header (pipe cells, or a cell a line: "| Số hiệu |
// 12/2019/QĐ-UBND |"): its number cell, all in capitals, is no part of the issuer's name.
TEST(FlattenedHeader, metadata_number_cell_above_the_header_is_not_the_issuer) {
  const std::string authority = "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\n";
  for (const std::string metadata :
       {"Số hiệu: | 12/2019/QĐ-UBND | Loại văn bản: | Quyết định |\n",
        "| Số hiệu | 12/2019/QĐ-UBND |\n| Loại văn bản | Quyết định |\n|\n",
        "Cơ quan ban hành: | Ủy ban nhân dân tỉnh Hòa Bình |\nSố hiệu: | 12/2019/QĐ-UBND |\n"}) {
    const auto metadata_above = extract_metadata(metadata + flattened_layout(authority));
    EXPECT_EQ(metadata_above.issuer, "Ủy ban nhân dân tỉnh Hòa Bình") << metadata;
    EXPECT_EQ(metadata_above.number, "12/2019/QĐ-UBND") << metadata;
    EXPECT_EQ(metadata_above.issuer, extract_metadata(full_layout()).issuer) << metadata;
  }
}

// A legal portal's page: its metadata table (a row of label and value cells, then a cell a
// line) above the document's flattened header. The table does not use up the lines the header
// is looked for in, and its place of issue names the level and place the bare body's cell lost
// when ô 4 names the same place.
std::string portal_page(const std::string& place_of_issue, const std::string& place) {
  std::string page =
      "Kế hoạch 31/KH-UBND năm 2024 về chuyển đổi số\n"
      "Số hiệu: | 31/KH-UBND | Loại văn bản: | Kế hoạch |\n"
      "Nơi ban hành: | " +
      place_of_issue +
      " | Người ký: | Trần Văn Bình |\n"
      "Ngày ban hành: | 05/02/2024 | Ngày hiệu lực: | Đã biết |\n"
      "Ngày công báo: | Đang cập nhật | Số công báo: | Đang cập nhật |\n"
      "Tình trạng: | Đã biết |\n";
  for (const char* label :
       {"Số hiệu:", "Loại văn bản:", "Nơi ban hành:", "Người ký:", "Ngày ban hành:",
        "Ngày hiệu lực:", "Ngày công báo:", "Số công báo:", "Tình trạng:"})
    page += std::string(label) + " | x |\n";
  page += "ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\nSố: 31/KH-UBND |\n" + place +
          ", ngày 05 tháng 02 năm 2024 |\n"
          "Căn cứ Nghị quyết số 52/NQ-CP ngày 22/4/2020 của Chính phủ về chuyển đổi số;\n";
  return page;
}

TEST(FlattenedHeader, a_portal_s_place_of_issue_completes_a_bare_body_under_its_table) {
  const auto metadata = extract_metadata(portal_page("Tỉnh Quảng Nam", "Quảng Nam"));
  EXPECT_EQ(metadata.issuer, "Ủy ban nhân dân tỉnh Quảng Nam");
  EXPECT_EQ(metadata.place, "Quảng Nam");
  EXPECT_EQ(metadata.number, "31/KH-UBND");
  // Another place in ô 4 (a district's text on a province's page): the bare body is not
  // completed, and names no one body.
  const auto district = extract_metadata(portal_page("Tỉnh Quảng Nam", "Hội An"));
  EXPECT_EQ(district.issuer, std::nullopt);
  EXPECT_EQ(district.place, "Hội An");
}

}  // namespace
}  // namespace vanban::analyzers
