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

// The enacting sentence names the head who signs; the issuer is the body of ô 2 that the lost
// header held. A post that is the authority's whole name stays, as a joint authority does.
TEST(HeadlessDocuments, the_enacting_authority_gives_its_body_not_its_head) {
  const auto enacted_by = [](const std::string& authority, const std::string& type) {
    return extract_metadata(
        "THÔNG TƯ\nSửa đổi, bổ sung một số điều của Thông tư số 21/2021/TT-BLĐTBXH\n\n"
        "Căn cứ Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng số "
        "69/2020/QH14;\nTheo đề nghị của Cục trưởng Cục Quản lý lao động ngoài nước;\n" +
        authority + " ban hành " + type +
        " sửa đổi, bổ sung một số điều.\n\n"
        "Điều 1. Sửa đổi, bổ sung Điều 4 như sau.\n");
  };
  EXPECT_EQ(enacted_by("Bộ trưởng Bộ Nội vụ", "Thông tư").issuer, "Bộ Nội vụ");
  EXPECT_EQ(enacted_by("Thủ tướng Chính phủ", "Thông tư").issuer, "Thủ tướng Chính phủ");
  EXPECT_EQ(enacted_by("Bộ trưởng Bộ Tài chính và Bộ trưởng Bộ Y tế", "Thông tư liên tịch").issuer,
            "Bộ trưởng Bộ Tài chính và Bộ trưởng Bộ Y tế");
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
  // Its issuer is the line above the heading, in capitals as ô 2 sets it.
  EXPECT_EQ(metadata.issuer, "Bộ Tài chính");
  // The gazette's section heading alone above it names no body.
  const auto sectioned = extract_metadata(
      "CÔNG BÁO/Số 203 + 204/Ngày 18-02-2031\n\nVĂN BẢN QUY PHẠM PHÁP LUẬT\n\n"
      "Thông tư số 102/2030/TT-BTC ngày 14 tháng 11 năm 2030\n"
      "hướng dẫn kế toán bảo hiểm xã hội\n\n(Tiếp theo Công báo số 201 + 202)\n\n"
      "Phụ lục số 04\nHỆ THỐNG BÁO CÁO TÀI CHÍNH\nMẫu số: B11-BH\n");
  EXPECT_EQ(sectioned.number, "102/2030/TT-BTC");
  EXPECT_EQ(sectioned.issuer, std::nullopt);
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

// The words between the authority and its verb that say when ("đã", "vừa", a committee's term
// "khóa XIII", "nhiệm kỳ ...") are no part of its name.
TEST(HeadlessDocuments, the_enacting_authority_ends_before_the_words_that_say_when) {
  const auto introduced_by = [](const std::string& authority) {
    return extract_metadata("LTS: Ngày 02-3-2021, " + authority +
                            " ban hành Nghị quyết số 07-NQ/TU về phát triển du lịch. Báo trân "
                            "trọng giới thiệu toàn văn nội dung Nghị quyết.\n\nI- Tình hình\n");
  };
  EXPECT_EQ(introduced_by("Ban Chấp hành Đảng bộ tỉnh Gia Lai khóa XVI đã").issuer,
            "Tỉnh ủy Gia Lai");
  // The standing committee acts in its committee's name, whose ô 2 its documents carry (session
  // 17; tests/analyzers/party_pages_and_ocr_labels_test.cpp).
  EXPECT_EQ(introduced_by("Ban Thường vụ Huyện ủy Krông Pa nhiệm kỳ 2020 - 2025 vừa").issuer,
            "Huyện ủy Krông Pa");
  EXPECT_EQ(introduced_by("Ban Chấp hành Đảng bộ tỉnh Gia Lai khóa XVI đã").number, "07-NQ/TU");
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
  // Without its number and date, a headline names no number; the subject over a body's opening
  // is still a letter's (headless_subjects_test.cpp).
  const auto bare = extract_metadata(
      "Về việc báo cáo tình hình ô nhiễm môi trường tại khu vực nông thôn.\n\nThực hiện "
      "Công văn số 11034/VPCP-KGVX ngày 17/10/2017 của Văn phòng Chính phủ, ...\n");
  EXPECT_EQ(bare.number, std::nullopt);
  EXPECT_EQ(bare.date, std::nullopt);
  EXPECT_EQ(bare.type, "Công văn");
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

// A portal's own furniture above the headline (the site's name in capitals, twice; a
// breadcrumb; a back link; the posting time) may run past the headline's first lines: short
// lines that are no sentence and name no type do not count. The page reads the same with or
// without it, with "về việc" or "V/v". A menu's bare type name past those lines is no headline.
TEST(HeadlessDocuments, a_headline_under_a_portal_s_furniture_names_the_letter) {
  const std::string furniture =
      "SỞ GD&ĐT TỈNH KIÊN GIANG\nCƠ SỞ DỮ LIỆU NGÀNH GIÁO DỤC VÀ ĐÀO TẠO\nCƠ SỞ DỮ LIỆU NGÀNH "
      "GIÁO DỤC VÀ ĐÀO TẠO\nVăn bản/Hướng dẫn\n« Quay lại\nNgày đăng bài: 30/06/2024 08:43:32\n";
  const std::string body =
      "\nChi tiết văn bản và hướng dẫn báo cáo vui lòng xem tại đây:\n1. Phụ lục hướng dẫn nhập "
      "liệu, báo cáo: >>Xem tài liệu<<\n";
  for (const std::string& above : {std::string(), furniture, furniture + furniture}) {
    for (const std::string marker : {"về việc", "V/v"}) {
      const auto metadata =
          extract_metadata(above + "Công văn số 3240/BGDĐT-CSVC ngày 28/06/2024 " + marker +
                           " thực hiện báo cáo thực trạng, nhu cầu về số lớp học\n" + body);
      EXPECT_EQ(metadata.type, "Công văn") << above << marker;
      EXPECT_EQ(metadata.number, "3240/BGDĐT-CSVC") << above << marker;
      EXPECT_EQ(metadata.date, "2024-06-28") << above << marker;
      EXPECT_EQ(metadata.title, "thực hiện báo cáo thực trạng, nhu cầu về số lớp học")
          << above << marker;
      EXPECT_TRUE(metadata.citations.empty()) << above << marker;  // its own number
    }
  }
  // A page whose text starts before the type name: the sentence counts, and the type name
  // further down is a line of the text.
  const auto sentences = extract_metadata(
      "Trang chủ\nTin tức\nNgày 20/6, Sở tổ chức hội nghị tổng kết năm học.\nHội nghị đánh "
      "giá kết quả.\nCác đơn vị báo cáo đầy đủ.\nSở ghi nhận kết quả.\nĐại biểu thảo luận.\n"
      "Hội nghị kết thúc.\nKế hoạch năm học mới được thông qua\n");
  EXPECT_EQ(sentences.type, std::nullopt);
  // A menu: bare type names past the headline's lines name nothing.
  const auto menu = extract_metadata(furniture +
                                     "Giới thiệu\nTin tức\nThông báo\n\nNgày 20/6, Sở tổ chức "
                                     "hội nghị tổng kết năm học 2023-2024.\n");
  EXPECT_EQ(menu.type, std::nullopt);
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

// A portal's lead that names the letter it gives and announces its text (ND30's number, date
// and V/v, the signer's post and name, the authority "thừa lệnh ..."): the same fields whether
// the V/v stays on the lead's line or stands on its own, and with the page's furniture above.
TEST(HeadlessDocuments, a_lead_announcing_the_text_names_the_letter_in_every_layout) {
  const std::string lead =
      "Ngày 23/11/2018, thừa lệnh Chủ tịch UBND tỉnh Tuyên Quang, Phó Chánh Văn phòng UBND tỉnh "
      "Tuyên Quang Nguyễn Thanh đã ký ban hành văn bản số 3653/UBND-TNMT,";
  const std::string subject = "V/v đề xuất của Sở TN & MT. Toàn văn như sau:";
  const std::string body =
      "\n\nKính gửi: Sở Tài nguyên và Môi trường.\n\nXét đề nghị tại Văn bản số 1286/STNMT-ĐĐ "
      "ngày 19/11/2018 của Sở Tài nguyên và Môi trường, Chủ tịch UBND tỉnh có ý kiến như sau:\n";
  for (const std::string& page :
       {"UBND tỉnh có ý kiến về đề xuất của Sở\n\n" + lead + " " + subject + body,
        "UBND tỉnh có ý kiến về đề xuất của Sở\n\n" + lead + "\n" + subject + body,
        "Trang chủ | Tin tức\nIn bài viết\n\n" + lead + " " + subject + body}) {
    const auto metadata = extract_metadata(page);
    EXPECT_EQ(metadata.type, "Công văn") << page;
    EXPECT_EQ(metadata.number, "3653/UBND-TNMT") << page;
    EXPECT_EQ(metadata.date, "2018-11-23") << page;
    EXPECT_EQ(metadata.title, "đề xuất của Sở TN & MT") << page;
    EXPECT_EQ(metadata.signer, "Nguyễn Thanh") << page;
    EXPECT_EQ(metadata.signer_title, "Phó Chánh Văn phòng") << page;
    EXPECT_EQ(metadata.issuer, "Ủy ban nhân dân tỉnh Tuyên Quang") << page;
    // Its own number is no citation; the one its text cites is.
    ASSERT_EQ(metadata.citations.size(), 1u) << page;
    EXPECT_EQ(metadata.citations[0].number, "1286/STNMT-ĐĐ") << page;
  }
}

// A lead followed by the letter's own opening ("Thực hiện ...") names it too, its type given
// by name and its number with the spaces a portal left; "thay mặt UBND tỉnh" names no one body.
TEST(HeadlessDocuments, a_lead_followed_by_the_text_s_opening_names_the_letter) {
  const auto metadata = extract_metadata(
      "Ủy ban nhân dân tỉnh\nChủ nhật 25/10/2020\nChỉ đạo việc tổng kiểm tra thuốc BVTV\n\n"
      "Ngày 25/10/2013, thay mặt UBND tỉnh, Phó Chủ tịch UBND tỉnh Lê Văn Lương đã ký ban hành "
      "Công văn số: 1415 /UBND-NN chỉ đạo việc tổng kiểm tra.\n\nThực hiện Công văn số "
      "3723/BNN-BVTV ngày 16 tháng 10 năm 2013 của Bộ Nông nghiệp và Phát triển nông thôn; Chủ "
      "tịch Uỷ ban nhân dân tỉnh chỉ đạo:\n");
  EXPECT_EQ(metadata.type, "Công văn");
  EXPECT_EQ(metadata.number, "1415/UBND-NN");
  EXPECT_EQ(metadata.date, "2013-10-25");
  EXPECT_EQ(metadata.signer, "Lê Văn Lương");
  EXPECT_EQ(metadata.signer_title, "Phó Chủ tịch");
  EXPECT_EQ(metadata.issuer, std::nullopt);
  ASSERT_EQ(metadata.citations.size(), 1u);
  EXPECT_EQ(metadata.citations[0].number, "3723/BNN-BVTV");
  // The same lead on a page that goes on with news, not with the text, names nothing.
  const auto news = extract_metadata(
      "Chỉ đạo việc tổng kiểm tra thuốc BVTV\n\nNgày 25/10/2013, UBND tỉnh ban hành Công văn "
      "số 1415/UBND-NN chỉ đạo việc tổng kiểm tra.\n\nTheo đó, các huyện kiểm tra ngay.\n");
  EXPECT_EQ(news.number, std::nullopt);
  EXPECT_EQ(news.type, std::nullopt);
}

// A page's source note names the document it gives; the headline "<Type> về việc ..." its
// trích yếu (ND30 ô 5a), and "<Type> Khẩn ngày <date>" its date.
TEST(HeadlessDocuments, a_source_note_and_a_type_headline_name_the_notice) {
  const std::string headline =
      "Thông báo về việc hoãn tổ chức phiên tiếp công dân định kỳ tháng 6 ";
  const std::string text =
      "\n\nThực hiện Thông báo số 935/TB-UBND ngày 07/6/2021 của UBND tỉnh, UBND huyện thông báo "
      "hoãn phiên tiếp công dân.\n\n";
  for (const std::string& note : {std::string("(Nguồn: Thông báo số 81/TB-UBND ngày 08/6/2021)"),
                                  std::string("Nguồn: Thông báo số 81/TB-UBND, ngày 08/6/2021")}) {
    const auto metadata = extract_metadata(headline + text + note + "\n");
    EXPECT_EQ(metadata.type, "Thông báo");
    EXPECT_EQ(metadata.type_code, "TB");
    EXPECT_EQ(metadata.number, "81/TB-UBND");
    EXPECT_EQ(metadata.date, "2021-06-08");
    EXPECT_EQ(metadata.title, "Về việc hoãn tổ chức phiên tiếp công dân định kỳ tháng 6");
    ASSERT_EQ(metadata.citations.size(), 1u);
    EXPECT_EQ(metadata.citations[0].number, "935/TB-UBND");
  }
  const auto urgent = extract_metadata(
      "Thông báo Khẩn ngày 18/10/2020\n\nKính gửi: Hiệu trưởng các trường\n\nDo tình trạng ngập "
      "lụt, Phòng GD&ĐT yêu cầu các trường cho học sinh nghỉ học.\n");
  EXPECT_EQ(urgent.type, "Thông báo");
  EXPECT_EQ(urgent.date, "2020-10-18");
  // A headline whose date is not its own ("... trong tháng 10 ngày 18/10/2020 đến ...") is no date.
  const auto running = extract_metadata(
      "Thông báo lịch tiếp công dân của lãnh đạo huyện từ ngày 18/10/2020 đến 25/10/2020\n\n"
      "Ủy ban nhân dân huyện thông báo lịch tiếp công dân.\n");
  EXPECT_EQ(running.date, std::nullopt);
}

// A legal portal's metadata table without the document's text: its labelled cells name the
// number, type, date, issuer and trích yếu, whether a cell's value stands beside its label or
// lines below it (after the portal's explanation of the label). A type the portal files under
// "Văn bản khác" is none.
TEST(HeadlessDocuments, a_portal_metadata_table_names_the_document_in_every_layout) {
  const std::string pipes =
      "Thông tư 18/2025/TT-BNV quy định chế độ báo cáo thống kê ngành Nội vụ\n"
      "| Cơ quan ban hành: | Bộ Nội vụ |\n| Số hiệu: | 18/2025/TT-BNV | Ngày đăng công báo: | "
      "Đang cập nhật |\n| Loại văn bản: | Thông tư | Người ký: | Phạm Thị Thanh Trà |\n"
      "| Trích yếu: | Quy định Chế độ báo cáo thống kê ngành Nội vụ | |\n| Ngày ban hành: | "
      "08/10/2025 |\n";
  const std::string lines =
      "Thông tư 18/2025/TT-BNV quy định chế độ báo cáo thống kê ngành Nội vụ\n"
      "Cơ quan ban hành:\nBộ Nội vụ\nSố hiệu:\n18/2025/TT-BNV\nLoại văn bản:\nThông tư\n"
      "Trích yếu:\nQuy định Chế độ báo cáo thống kê ngành Nội vụ\nNgày ban hành:\nNgày ban hành "
      "là ngày, tháng, năm văn bản được thông qua hoặc ký ban hành.\n|\n08/10/2025 |\n";
  for (const std::string& page : {pipes, lines}) {
    const auto metadata = extract_metadata(page);
    EXPECT_EQ(metadata.type, "Thông tư") << page;
    EXPECT_EQ(metadata.type_code, "TT") << page;
    EXPECT_EQ(metadata.number, "18/2025/TT-BNV") << page;
    EXPECT_EQ(metadata.date, "2025-10-08") << page;
    EXPECT_EQ(metadata.issuer, "Bộ Nội vụ") << page;
    EXPECT_EQ(metadata.title, "Quy định Chế độ báo cáo thống kê ngành Nội vụ") << page;
    EXPECT_TRUE(metadata.citations.empty()) << page;  // its own number
  }
  const auto filed = extract_metadata(
      "| Số hiệu: | 155/KH-UBND | Loại văn bản: | Văn bản khác |\n| Nơi ban hành: | Tỉnh Bắc "
      "Ninh | Người ký: | Nguyễn Tiến Nhường |\n");
  EXPECT_EQ(filed.number, "155/KH-UBND");
  EXPECT_EQ(filed.type, "Kế hoạch");  // from its number, not the portal's filing
  EXPECT_EQ(filed.issuer, std::nullopt);
}

// An editor's note naming the text it gives by type and number, with the date after the
// number: "Ban biên tập giới thiệu toàn văn Nghị quyết số 10-NQ/TU, ngày 18/8/2021 của ...".
TEST(HeadlessDocuments, a_note_giving_the_full_text_dates_it_after_the_number) {
  const std::string body =
      "\n\nNGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề lãnh đạo xây dựng thị xã Sông Cầu\n\nThực "
      "hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, Ban Thường vụ Tỉnh ủy ban "
      "hành Nghị quyết như sau:\n";
  for (const std::string& note :
       {std::string("Ban biên tập giới thiệu toàn văn Nghị quyết số 10-NQ/TU, ngày 18/8/2021 "
                    "của Ban Thường vụ Tỉnh ủy về lãnh đạo xây dựng thị xã Sông Cầu."),
        std::string("Báo trân trọng giới thiệu toàn văn Nghị quyết số 10-NQ/TU ngày 18/8/2021 "
                    "của Ban Thường vụ Tỉnh ủy.")}) {
    const auto metadata = extract_metadata(note + body);
    EXPECT_EQ(metadata.type, "Nghị quyết") << note;
    EXPECT_EQ(metadata.number, "10-NQ/TU") << note;
    EXPECT_EQ(metadata.date, "2021-08-18") << note;
    EXPECT_TRUE(metadata.citations.empty()) << note;  // its own number
  }
}

// A letter's page that opens with its subject and prints its number and date after the text,
// before the signer: the same fields whether the number closes the last paragraph or stands on
// a line of its own; a page that does not open with a subject, or a sentence citing a number
// at its end, names nothing.
TEST(HeadlessDocuments, a_subject_page_with_the_number_after_the_text_names_the_letter) {
  const std::string subject =
      "V/v tăng cường phòng, chống dịch Covid-19 trước biến thể mới Omicron\n\nTrước tình hình "
      "dịch Covid-19 diễn biến khó lường, để chủ động kiểm soát tình hình dịch.\n\n";
  for (const std::string& ending :
       {std::string("Ủy ban nhân dân huyện yêu cầu thực hiện tốt nội dung sau: 37/UBND-VP ngày "
                    "10/1/2022\n\nNgô Khuyên\n"),
        std::string("Ủy ban nhân dân huyện yêu cầu thực hiện tốt nội dung sau.\n\n37/UBND-VP "
                    "ngày 10/1/2022\n\nNgô Khuyên\n")}) {
    const auto metadata = extract_metadata(subject + ending);
    EXPECT_EQ(metadata.type, "Công văn") << ending;
    EXPECT_EQ(metadata.number, "37/UBND-VP") << ending;
    EXPECT_EQ(metadata.date, "2022-01-10") << ending;
    EXPECT_EQ(metadata.title, "tăng cường phòng, chống dịch Covid-19 trước biến thể mới Omicron")
        << ending;
  }
  const auto news = extract_metadata(
      "Tăng cường phòng, chống dịch\n\nỦy ban nhân dân huyện yêu cầu thực hiện nội dung sau: "
      "37/UBND-VP ngày 10/1/2022\n");
  EXPECT_EQ(news.number, std::nullopt);
  const auto cited = extract_metadata(subject +
                                      "Thực hiện theo Công văn số 37/UBND-VP ngày "
                                      "10/1/2022\n\nNgô Khuyên\n");
  EXPECT_EQ(cited.number, std::nullopt);
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

// A committee's resolution heads its text with its type, "của" the committee and the trích
// yếu on their lines (HD 36-HD/VPTW). On a page that lost ô 1-4 that heading names the issuer
// (a Party committee by its short name) and the title, over the portal's headline.
TEST(HeadlessDocuments, a_resolution_s_own_heading_names_its_committee_and_title) {
  const std::string page =
      "Trang chủ\nTin tức\n\n"
      "NGHỊ QUYẾT CỦA ĐẢNG ỦY XÃ TÂN LẬP VỀ PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024\n\n"
      "Ngày 15/01/2024 09:12:40\n\n"
      "NGHỊ QUYẾT.\n\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ TÂN LẬP\n\n"
      "Về phương hướng, nhiệm vụ năm 2024\n\n.\n\n"
      "Ngày 05/01/2024, Ban Chấp hành Đảng bộ xã Tân Lập đã tổ chức hội nghị thảo luận các "
      "mục tiêu phát triển kinh tế - xã hội năm 2024 của địa phương.\n"
      "I. ĐÁNH GIÁ CHUNG.\nTrong năm 2023 Đảng bộ và nhân dân xã đã hoàn thành các chỉ tiêu.\n";
  const DocumentMetadata metadata = extract_metadata(page);
  EXPECT_EQ(metadata.type, "Nghị quyết");
  EXPECT_EQ(metadata.issuer, "Đảng ủy xã Tân Lập");
  EXPECT_EQ(metadata.title, "Về phương hướng, nhiệm vụ năm 2024");
  // Without its trích yếu under it, a "của" line is no heading of the text.
  std::string without = page;
  without.replace(without.find("Về phương hướng, nhiệm vụ"), 4, "Ngày");
  EXPECT_NE(extract_metadata(without).issuer, "Đảng ủy xã Tân Lập");
}

}  // namespace
}  // namespace vanban::analyzers
