// A page that starts with the body (its header lost, or never copied: a newspaper printing a
// resolution after an editor's note, a portal printing a decision under its own title) still
// says what the document is: the enacting formula names a decision's type, the enacting
// authority before "Căn cứ" its body, an editor's note introducing the full text its type,
// number and date. Nothing else is invented.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kDecisionBody =
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
    "Căn cứ Quyết định số 04/2022/QĐ-TTg ngày 18/02/2022 của Thủ tướng Chính phủ;\n"
    "Xét đề nghị của Trưởng phòng Văn hóa và Thông tin huyện,\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Công nhận thị trấn đạt chuẩn đô thị văn minh năm 2024.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n";

TEST(HeadlessDocuments, enacting_formula_and_authority_name_a_decision_and_its_body) {
  const auto metadata = extract_metadata(
      "Quyết định công nhận thị trấn đạt chuẩn đô thị văn minh năm 2024\nLượt xem: 74\n\n"
      "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẦN GIUỘC\n\n" +
      kDecisionBody);
  EXPECT_EQ(metadata.type, "Quyết định");
  EXPECT_EQ(metadata.type_code, "QĐ");
  EXPECT_EQ(metadata.issuer, "Ủy ban nhân dân huyện Cần Giuộc");
  EXPECT_EQ(metadata.number, std::nullopt);  // nothing gives it
  EXPECT_EQ(metadata.date, std::nullopt);
}

// The gazette prints the rest of a text it could not fit in one issue under a heading that
// names it, then "(Tiếp theo Công báo số ...)": the number and date are the continued text's.
TEST(HeadlessDocuments, a_gazette_continuation_names_the_text_it_continues) {
  const auto metadata = extract_metadata(
      "CÔNG BÁO/Số 203 + 204/Ngày 18-02-2031\n\nVĂN BẢN QUY PHẠM PHÁP LUẬT\n\nBỘ TÀI CHÍNH\n\n"
      "Thông tư số 102/2030/TT-BTC ngày 14 tháng 11 năm 2030\n"
      "hướng dẫn kế toán bảo hiểm xã hội\n\n(Tiếp theo Công báo số 201 + 202)\n\n"
      "Phụ lục số 04\nHỆ THỐNG BÁO CÁO TÀI CHÍNH\n"
      "(Ban hành kèm theo Thông tư số 102/2030/TT-BTC ngày 14 tháng 11 năm 2030 của Bộ Tài "
      "chính)\nMẫu số: B11-BH\nSố thu kỳ trước chưa nộp\n");
  EXPECT_EQ(metadata.type, "Thông tư");
  EXPECT_EQ(metadata.number, "102/2030/TT-BTC");
  EXPECT_EQ(metadata.date, "2030-11-14");
  // Without the gazette's mark, a heading line that cites is not the text's own.
  const auto cited = extract_metadata(
      "VĂN BẢN QUY PHẠM PHÁP LUẬT\n\nThông tư số 102/2030/TT-BTC ngày 14 tháng 11 năm 2030\n"
      "hướng dẫn kế toán bảo hiểm xã hội\nđược các đơn vị thực hiện như sau.\n");
  EXPECT_EQ(cited.number, std::nullopt);
}

TEST(HeadlessDocuments, editor_note_introducing_the_full_text_names_the_document) {
  const auto metadata = extract_metadata(
      "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về huy động nguồn lực\n\n"
      "LTS: Ngày 14-11-2016, Ban Chấp hành Đảng bộ tỉnh khóa XIII đã ban hành Nghị quyết số "
      "10-NQ/TU về huy động nguồn lực đầu tư. Báo trân trọng giới thiệu toàn văn nội dung Nghị "
      "quyết.\n\nI- Khái quát tình hình\n\nThực hiện Nghị quyết số 05-NQ/TW ngày 01/11/2016 "
      "của Ban Chấp hành Trung ương, những năm qua ...\n");
  EXPECT_EQ(metadata.type, "Nghị quyết");
  EXPECT_EQ(metadata.type_code, "NQ");
  EXPECT_EQ(metadata.number, "10-NQ/TU");
  EXPECT_EQ(metadata.date, "2016-11-14");
  // Its own number is no citation; the one the text cites is.
  ASSERT_EQ(metadata.citations.size(), 1u);
  EXPECT_EQ(metadata.citations[0].number, "05-NQ/TW");
}

TEST(HeadlessDocuments, a_news_item_about_an_instrument_is_not_that_instrument) {
  // No "toàn văn": the item reports on the resolution, it is not its text.
  const auto metadata = extract_metadata(
      "Ngày 14-11-2016, Ban Chấp hành Đảng bộ tỉnh đã ban hành Nghị quyết số 10-NQ/TU về huy "
      "động nguồn lực đầu tư. Theo đó, tỉnh ưu tiên các công trình giao thông.\n");
  EXPECT_EQ(metadata.number, std::nullopt);
  EXPECT_EQ(metadata.type, std::nullopt);
  EXPECT_TRUE(std::any_of(metadata.citations.begin(), metadata.citations.end(),
                          [](const Citation& c) { return c.number == "10-NQ/TU"; }));
}

TEST(HeadlessDocuments, a_body_line_in_capitals_is_not_an_authority_without_the_preamble) {
  const auto metadata = extract_metadata(
      "Tin hoạt động\n\nỦY BAN NHÂN DÂN HUYỆN CẦN GIUỘC\n\nSáng nay, huyện tổ chức hội nghị.\n");
  EXPECT_EQ(metadata.issuer, std::nullopt);
}

TEST(HeadlessDocuments, a_portal_s_signer_label_names_the_signer) {
  const auto metadata = extract_metadata(
      "Thông báo kết luận về phương án di chuyển mộ\n\nNgười ký văn bản: \n\nLã Quang Thức\n\n"
      "Nội dung thông báo:\n\nGiải quyết kiến nghị của các hộ dân.\n");
  EXPECT_EQ(metadata.signer, "Lã Quang Thức");
}

TEST(HeadlessDocuments, the_same_decision_with_its_header_gives_the_same_type_and_body) {
  const auto headless =
      extract_metadata("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẦN GIUỘC\n\n" + kDecisionBody);
  const auto full = extract_metadata(
      "ỦY BAN NHÂN DÂN\nHUYỆN CẦN GIUỘC\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 1234/QĐ-UBND\n"
      "Cần Giuộc, ngày 20 tháng 12 năm 2024\n\nQUYẾT ĐỊNH\nVề việc công nhận thị trấn đạt "
      "chuẩn đô thị văn minh năm 2024\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẦN GIUỘC\n\n" +
      kDecisionBody);
  EXPECT_EQ(headless.type, full.type);
  EXPECT_EQ(headless.type_code, full.type_code);
  EXPECT_EQ(headless.issuer, full.issuer);
}

TEST(HeadlessDocuments, a_portal_headline_with_the_number_and_date_names_a_letter) {
  // The subject (ND30 ô 5b) with the number and date in brackets, then the body.
  const auto metadata = extract_metadata(
      "Skip to main content\n\nVề việc báo cáo tình hình ô nhiễm môi trường tại khu vực nông "
      "thôn (3585/VP-KTN, ngày 23/10/2017).\n\nThực hiện Công văn số 11034/VPCP-KGVX ngày "
      "17/10/2017 của Văn phòng Chính phủ, Phó Chủ tịch UBND tỉnh có ý kiến như sau:\n");
  EXPECT_EQ(metadata.type, "Công văn");
  EXPECT_EQ(metadata.number, "3585/VP-KTN");
  EXPECT_EQ(metadata.date, "2017-10-23");
  EXPECT_EQ(metadata.title, "báo cáo tình hình ô nhiễm môi trường tại khu vực nông thôn");
  ASSERT_EQ(metadata.citations.size(), 1u);
  EXPECT_EQ(metadata.citations[0].number, "11034/VPCP-KGVX");
  // Without its number and date, a headline names nothing.
  const auto bare = extract_metadata(
      "Về việc báo cáo tình hình ô nhiễm môi trường tại khu vực nông thôn.\n\nThực hiện "
      "Công văn số 11034/VPCP-KGVX ngày 17/10/2017 của Văn phòng Chính phủ, ...\n");
  EXPECT_EQ(bare.number, std::nullopt);
  EXPECT_EQ(bare.type, std::nullopt);
}

TEST(HeadlessDocuments, a_title_goes_on_with_the_name_of_a_body) {
  for (const char* title : {"Tổ chức đại hội Đoàn các cấp, tiến tới Đại hội đại biểu\nĐoàn TNCS "
                            "Hồ Chí Minh thành phố Hà Nội lần thứ XIV,\nnhiệm kỳ 2012 - 2017\n",
                            "Tổ chức đại hội Đoàn các cấp, tiến tới Đại hội đại biểu Đoàn TNCS "
                            "Hồ Chí Minh thành phố Hà Nội lần thứ XIV, nhiệm kỳ 2012 - 2017\n"}) {
    const auto metadata = extract_metadata(std::string("KẾ HOẠCH\n") + title +
                                           "Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh, Ban Chấp "
                                           "hành Thành đoàn ban hành Kế hoạch như sau:\n");
    EXPECT_EQ(metadata.title,
              "Tổ chức đại hội Đoàn các cấp, tiến tới Đại hội đại biểu Đoàn TNCS Hồ Chí Minh "
              "thành phố Hà Nội lần thứ XIV, nhiệm kỳ 2012 - 2017");
  }
}

// A portal's headline that opens with the type name (ND30 ô 5a as a page prints it), whatever
// furniture stands above it: the type, and in capitals the title; a letter's headline also
// its number, date and subject. The same page with and without the furniture reads the same.
TEST(HeadlessDocuments, headline_opening_with_the_type_names_it_under_any_furniture) {
  const std::string body =
      "\n\nThực hiện Kế hoạch số 12/KH-UBND ngày 06/01/2026 của UBND tỉnh, Ủy ban nhân dân "
      "huyện ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n";
  for (const std::string furniture : {"", "In bài viết\n",
                                      "Skip Ribbon Commands\nSkip to main "
                                      "content\n\n"}) {
    const auto plan =
        extract_metadata(furniture + "Kế hoạch tổng vệ sinh môi trường năm 2026" + body);
    EXPECT_EQ(plan.type, "Kế hoạch") << furniture;
    EXPECT_EQ(plan.type_code, "KH") << furniture;
    EXPECT_EQ(plan.number, std::nullopt) << furniture;  // nothing gives it
    const auto capitals =
        extract_metadata(furniture + "KẾ HOẠCH TỔNG VỆ SINH MÔI TRƯỜNG NĂM 2026" + body);
    EXPECT_EQ(capitals.type, "Kế hoạch") << furniture;
    EXPECT_EQ(capitals.title, "Tổng vệ sinh môi trường năm 2026") << furniture;
    const auto invitation =
        extract_metadata(furniture + "Giấy mời dự Lễ phát động Tết trồng cây" +
                         "\n\n1. Thành phần mời:\n\n- Lãnh đạo các sở, ngành;\n");
    EXPECT_EQ(invitation.type, "Giấy mời") << furniture;
  }
}

TEST(HeadlessDocuments, letter_headline_gives_number_date_and_subject_and_is_no_citation) {
  const auto metadata = extract_metadata(
      "Công văn số 1448/SNV-CCHC ngày 27/12/2016 V/v xin ý kiến vào dự thảo Kế hoạch tuyên "
      "truyền năm 2017.\n\nĐăng ngày: 28/12/2016\n\nKính gửi:\n\n– Sở Thông tin và Truyền "
      "thông;\n\nThực hiện Quyết định số 25/QĐ-UBND ngày 05/01/2016 của UBND tỉnh, Sở Nội vụ "
      "xin ý kiến như sau:\n");
  EXPECT_EQ(metadata.type, "Công văn");
  EXPECT_EQ(metadata.type_code, std::nullopt);
  EXPECT_EQ(metadata.number, "1448/SNV-CCHC");
  EXPECT_EQ(metadata.date, "2016-12-27");
  EXPECT_EQ(metadata.title, "xin ý kiến vào dự thảo Kế hoạch tuyên truyền năm 2017");
  ASSERT_EQ(metadata.citations.size(), 1u);  // its own number is not cited
  EXPECT_EQ(metadata.citations[0].number, "25/QĐ-UBND");
}

// ô 5b's subject goes on over a capitalised line only when the address (ô 9a) follows; without
// it, the capital opens the body. Blank lines between the cells do not matter.
TEST(HeadlessDocuments, letter_subject_without_address_ends_before_the_body) {
  const std::string subject = "V/v tăng cường phòng, chống dịch bệnh trên địa bàn";
  const auto bare = extract_metadata(
      subject +
      "\n\nTrước tình hình dịch bệnh diễn biến phức tạp, Ủy ban nhân dân huyện yêu "
      "cầu các xã thực hiện tốt một số nội dung sau:\n");
  EXPECT_EQ(bare.title, "tăng cường phòng, chống dịch bệnh trên địa bàn");
  const auto addressed = extract_metadata(
      "V/v Hướng dẫn thực hiện nhiệm vụ\n\nGiáo dục trung học "
      "năm học 2014-2015\n\n \n\nKính gửi: Hiệu trưởng các "
      "trường\n\nCăn cứ Công văn số 1635/SGDĐT-GDTrH ngày "
      "27/8/2014 của Sở Giáo dục và Đào tạo,\n");
  EXPECT_EQ(addressed.title, "Hướng dẫn thực hiện nhiệm vụ Giáo dục trung học năm học 2014-2015");
}

// A type heading whose title names the Party or the State ("... NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN
// VIỆT NAM") is the heading, not a header with the Party's name in it: the same title with and
// without the header above it.
TEST(HeadlessDocuments, party_name_inside_a_type_heading_is_the_title_s) {
  const std::string heading =
      "KẾ HOẠCH TỔ CHỨC KỶ NIỆM 90 NĂM NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM";
  const std::string body =
      "\n\nCăn cứ Thông báo số 1929-TB/TU ngày 31/10/2019 của Ban Thường vụ Tỉnh ủy về tổ chức "
      "kỷ niệm các ngày lễ lớn;\n\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n";
  const auto headless = extract_metadata(heading + body);
  EXPECT_EQ(headless.type, "Kế hoạch");
  EXPECT_EQ(headless.title, "Tổ chức kỷ niệm 90 năm ngày thành lập Đảng Cộng sản Việt Nam");
  EXPECT_NE(headless.issuer,
            std::optional<std::string>("Kế hoạch tổ chức kỷ niệm 90 năm ngày thành lập"));
  const auto headed = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTỈNH VĨNH PHÚC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
      "Hạnh phúc\nSố: 245/KH-UBND\nVĩnh Phúc, ngày 10 tháng 12 năm 2019\n\n" +
      heading + body);
  EXPECT_EQ(headed.type, "Kế hoạch");
  EXPECT_EQ(headed.title, headless.title);
  EXPECT_EQ(headed.issuer, "Ủy ban nhân dân tỉnh Vĩnh Phúc");
}

}  // namespace
}  // namespace vanban::analyzers
