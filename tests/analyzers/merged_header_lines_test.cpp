// The parts of a header read by their order in Decree 30's layout, not by line breaks: a title
// ends where the body opens even on the same line, a công văn's subject goes on until "Kính
// gửi", and the Youth Union's header title names the organisation of the committee that issues.
// Each document is written in several layouts; each layout gives the same fields.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

struct Rendering {
  const char* layout;
  std::string text;
};

const std::string kPlanBody =
    "I. Kết quả công tác năm 2024\n1. Tình hình chung\n- Trong năm, có 5 cơn bão ảnh hưởng.\n";

std::vector<Rendering> plan_renderings() {
  return {
      {"cells per line",
       "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỘI AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "Độc lập - Tự do - Hạnh phúc\nSố: 94/KH-UBND\nHội An, ngày 28 tháng 7 năm 2025\n\n"
       "KẾ HOẠCH\nPhòng, chống thiên tai và tìm kiếm cứu nạn năm 2025\n" +
           kPlanBody},
      {"merged into one line",
       "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM THÀNH PHỐ HỘI AN Độc lập - Tự do - "
       "Hạnh phúc Số: 94/KH-UBND Hội An, ngày 28 tháng 7 năm 2025 KẾ HOẠCH Phòng, chống thiên "
       "tai và tìm kiếm cứu nạn năm 2025 I. Kết quả công tác năm 2024 1. Tình hình chung - "
       "Trong năm, có 5 cơn bão ảnh hưởng.\n"},
      {"pipe table",
       "| ỦY BAN NHÂN DÂN<br>THÀNH PHỐ HỘI AN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - "
       "Tự do - Hạnh phúc |\n|---|---|\n| Số: 94/KH-UBND | Hội An, ngày 28 tháng 7 năm 2025 |\n\n"
       "KẾ HOẠCH\nPhòng, chống thiên tai và tìm kiếm cứu nạn năm 2025\n" +
           kPlanBody},
  };
}

TEST(MergedHeaderLines, title_ends_where_the_body_opens_in_every_layout) {
  for (const Rendering& rendering : plan_renderings()) {
    SCOPED_TRACE(rendering.layout);
    const auto metadata = extract_metadata(rendering.text);
    EXPECT_EQ(metadata.type, "Kế hoạch");
    EXPECT_EQ(metadata.number, "94/KH-UBND");
    EXPECT_EQ(metadata.issuer, "Ủy ban nhân dân thành phố Hội An");
    EXPECT_EQ(metadata.date, "2025-07-28");
    EXPECT_EQ(metadata.title, "Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025");
  }
}

TEST(MergedHeaderLines, a_part_heading_inside_a_sentence_is_no_body_opening) {
  // "I." after a comma or a colon is an enumeration the title holds.
  const auto metadata = extract_metadata(
      "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM TỈNH NAM ĐỊNH Độc lập - Tự do - Hạnh "
      "phúc Số: 12/KH-UBND Nam Định, ngày 02 tháng 3 năm 2025 KẾ HOẠCH Tổng kết giai đoạn: I. "
      "Đổi mới năm 2025\n\nI. MỤC ĐÍCH\n1. Đánh giá kết quả.\n");
  EXPECT_EQ(metadata.title, "Tổng kết giai đoạn: I. Đổi mới năm 2025");
}

std::vector<Rendering> letter_renderings() {
  const std::string address =
      "Kính gửi: Hiệu trưởng các trường Trung học cơ sở.\n\n"
      "Căn cứ Công văn số 1635/SGDĐT-GDTrH ngày 27/8/2014 của Sở Giáo dục và Đào tạo, Phòng "
      "hướng dẫn như sau:\n";
  return {
      {"subject over two lines",
       "UBND HUYỆN THANH CHƯƠNG\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 278/PGD&ĐT-THCS\n"
       "V/v Hướng dẫn thực hiện nhiệm vụ\n\nGiáo dục trung học năm học 2014-2015\n\n"
       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
       "Thanh Chương, ngày 09 tháng 9 năm 2014\n\n" +
           address},
      {"columns merged line by line",
       "UBND HUYỆN THANH CHƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc\n"
       "Số: 278/PGD&ĐT-THCS Thanh Chương, ngày 09 tháng 9 năm 2014\n"
       "V/v Hướng dẫn thực hiện nhiệm vụ\n\nGiáo dục trung học năm học 2014-2015\n\n" +
           address},
      {"subject on one line",
       "UBND HUYỆN THANH CHƯƠNG\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 278/PGD&ĐT-THCS\n"
       "V/v Hướng dẫn thực hiện nhiệm vụ Giáo dục trung học năm học 2014-2015\n"
       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
       "Thanh Chương, ngày 09 tháng 9 năm 2014\n\n" +
           address},
  };
}

TEST(MergedHeaderLines, subject_of_a_letter_goes_on_until_its_address) {
  for (const Rendering& rendering : letter_renderings()) {
    SCOPED_TRACE(rendering.layout);
    const auto metadata = extract_metadata(rendering.text);
    EXPECT_EQ(metadata.type, "Công văn");
    EXPECT_EQ(metadata.number, "278/PGD&ĐT-THCS");
    EXPECT_EQ(metadata.date, "2014-09-09");
    EXPECT_EQ(metadata.title, "Hướng dẫn thực hiện nhiệm vụ Giáo dục trung học năm học 2014-2015");
  }
}

TEST(MergedHeaderLines, a_capitalised_line_after_the_address_is_no_part_of_the_subject) {
  const auto metadata = extract_metadata(
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 278/PGD&ĐT-THCS\nV/v Hướng dẫn thực hiện nhiệm vụ\n"
      "Kính gửi: Hiệu trưởng các trường.\nGiáo dục trung học cần đổi mới.\n");
  EXPECT_EQ(metadata.title, "Hướng dẫn thực hiện nhiệm vụ");
}

TEST(MergedHeaderLines, youth_union_title_names_the_committee_s_organisation) {
  const std::string body =
      "KẾ HOẠCH\nTổ chức các hoạt động hè dành cho thiếu nhi năm 2024\n\n"
      "Thực hiện chương trình công tác Đoàn năm 2024, Ban Bí thư ban hành Kế hoạch.\n";
  for (const Rendering& rendering : std::vector<Rendering>{
           {"cells per line",
            "BAN CHẤP HÀNH TRUNG ƯƠNG\n***\nSố: 225-KH/TWĐTN-CTTN\nĐOÀN TNCS HỒ CHÍ MINH\n"
            "Hà Nội, ngày 16 tháng 5 năm 2024\n\n" +
                body},
           {"columns merged line by line",
            "BAN CHẤP HÀNH TRUNG ƯƠNG          ĐOÀN TNCS HỒ CHÍ MINH\n***\n"
            "Số: 225-KH/TWĐTN-CTTN          Hà Nội, ngày 16 tháng 5 năm 2024\n\n" +
                body}}) {
    SCOPED_TRACE(rendering.layout);
    const auto metadata = extract_metadata(rendering.text);
    EXPECT_EQ(metadata.issuer, "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh");
    EXPECT_EQ(metadata.number, "225-KH/TWĐTN-CTTN");
  }
  // The Party's Central Committee stays the Party's.
  const auto party = extract_metadata(
      "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 06-CT/TW\nĐẢNG CỘNG SẢN VIỆT NAM\n"
      "Hà Nội, ngày 07 tháng 11 năm 2006\n\nCHỈ THỊ\nVề tăng cường công tác\n");
  EXPECT_EQ(party.issuer, "Ban Chấp hành Trung ương");
}

// A Party committee's office or department under the committee's line is that committee's
// ("VĂN PHÒNG" under "BAN CHẤP HÀNH TRUNG ƯƠNG" is the Văn phòng Trung ương, as the Party names
// and codes its central bodies: VPTW), in every layout of the header.
TEST(MergedHeaderLines, party_office_under_its_committee_is_the_committee_s) {
  const std::string body =
      "HƯỚNG DẪN\nVề thể thức văn bản của Đảng\n\nThi hành Điều 2 Quyết định số 31-QĐ/TW ngày "
      "01-10-1997 của Bộ Chính trị, Văn phòng hướng dẫn như sau:\n";
  for (const Rendering& rendering : std::vector<Rendering>{
           {"cells per line",
            "BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\n*\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Số: 11-HD/VPTW\nHà Nội, ngày 28 tháng 05 năm 2004\n\n" +
                body},
           {"columns merged line by line",
            "BAN CHẤP HÀNH TRUNG ƯƠNG          ĐẢNG CỘNG SẢN VIỆT NAM\nVĂN PHÒNG\n*\n"
            "Số: 11-HD/VPTW          Hà Nội, ngày 28 tháng 05 năm 2004\n\n" +
                body},
           {"pipe table",
            "BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM |\nVĂN PHÒNG | |\n"
            "Số: 11-HD/VPTW | Hà Nội, ngày 28 tháng 05 năm 2004 |\n\n" +
                body}}) {
    SCOPED_TRACE(rendering.layout);
    const auto metadata = extract_metadata(rendering.text);
    EXPECT_EQ(metadata.issuer, "Văn phòng Trung ương");
    EXPECT_EQ(metadata.number, "11-HD/VPTW");
  }
  // A provincial committee's department: the same rule, its committee named with the place.
  const auto department = extract_metadata(
      "TỈNH ỦY BÌNH ĐỊNH\nBAN TỔ CHỨC\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-HD/BTCTU\n"
      "Quy Nhơn, ngày 05 tháng 3 năm 2020\n\nHƯỚNG DẪN\nVề công tác cán bộ\n\nThực hiện ...\n");
  EXPECT_EQ(department.issuer, "Ban Tổ chức Tỉnh ủy Bình Định");
}

TEST(MergedHeaderLines, a_page_title_repeating_the_number_and_subject_is_not_the_header) {
  const std::string header =
      "BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 2728/TCT-DNL\n";
  const std::string rest =
      "Hà Nội, ngày 18 tháng 07 năm 2014\n\nKính gửi: Cục thuế tỉnh Đắk Nông.\n\n"
      "Trả lời công văn số 636/CT-THNVDT ngày 25/4/2014 của Cục thuế tỉnh Đắk Nông, Tổng cục "
      "Thuế có ý kiến như sau:\n";
  for (const Rendering& rendering :
       std::vector<Rendering>{{"subject after V/v on its line",
                               header + "V/v: Thực hiện quy định về hóa đơn.\n" + rest},
                              {"V/v alone, its colon on the next line",
                               header + "V/v\n: Thực hiện quy định về hóa đơn.\n" + rest},
                              {"under a page title that repeats them",
                               "Công văn Số: 2728/TCT-DNL V/v: Thực hiện quy định về hóa đơn.\n\n" +
                                   header + "V/v\n: Thực hiện quy định về hóa đơn.\n" + rest}}) {
    SCOPED_TRACE(rendering.layout);
    const auto metadata = extract_metadata(rendering.text);
    EXPECT_EQ(metadata.issuer, "Tổng cục Thuế");
    EXPECT_EQ(metadata.number, "2728/TCT-DNL");
    EXPECT_EQ(metadata.title, "Thực hiện quy định về hóa đơn");
  }
}

TEST(MergedHeaderLines, a_subject_quoted_in_the_body_is_not_the_letter_s) {
  const auto metadata = extract_metadata(
      "UBND HUYỆN THỌ XUÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "PHÒNG GIÁO DỤC& ĐÀO TẠO Độc lập - Tự do - Hạnh phúc\n"
      "Số : 24 / PGD&ĐT- GDMN Thọ Xuân, ngày 06 tháng 03 năm 2012\n\n"
      "Kính gửi: Hiệu trưởng các trưòng Mầm non.\n\n"
      "Thực hiện công văn số 237/SGD&ĐT-GDMN ngày 01 tháng 3 năm 2012 của Sở Giáo dục và Đào "
      "tạo Thanh Hoá V/v tổ chức hội thi \"Bé khoẻ - Bé ngoan\" năm học 2011-2012.\n");
  EXPECT_EQ(metadata.type, "Công văn");
  EXPECT_EQ(metadata.title, std::nullopt);
}

// A "thư công" (ND30 Điều 7, no abbreviation) headed "THƯ NGỎ": its type, issuer and title in
// every layout of the header, and no number where the letter has none.
TEST(MergedHeaderLines, an_open_letter_gives_its_type_issuer_and_title_in_every_layout) {
  const std::string body =
      "Trong những năm qua, việc tổ chức bắn pháo hoa đã tạo không khí vui xuân.\n\nXin trân "
      "trọng cảm ơn!\n\nKÍNH THƯ\nPHÓ CHỦ TỊCH UBND HUYỆN\n\nPhạm Văn Hoàn\n";
  for (const std::string& header :
       {std::string("UỶ BAN NHÂN DÂN HUYỆN MAI CHÂU\n\nMai Châu, ngày 19 tháng 12 năm 2019\n\n"),
        std::string("UỶ BAN NHÂN DÂN\nHUYỆN MAI CHÂU\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
                    "NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nMai Châu, ngày 19 tháng 12 "
                    "năm 2019\n\n"),
        std::string("| UỶ BAN NHÂN DÂN HUYỆN MAI CHÂU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập "
                    "- Tự do - Hạnh phúc |\n| | Mai Châu, ngày 19 tháng 12 năm 2019 |\n\n")}) {
    const auto metadata = extract_metadata(
        header + "THƯ NGỎ\n\nVận động hỗ trợ (tự nguyện) kinh phí bắn pháo hoa\n\n" + body);
    EXPECT_EQ(metadata.type, "Thư ngỏ") << header;
    EXPECT_EQ(metadata.type_code, std::nullopt) << header;
    EXPECT_EQ(metadata.number, std::nullopt) << header;
    EXPECT_EQ(metadata.issuer, "Ủy ban nhân dân huyện Mai Châu") << header;
    EXPECT_EQ(metadata.date, "2019-12-19") << header;
    EXPECT_EQ(metadata.title, "Vận động hỗ trợ (tự nguyện) kinh phí bắn pháo hoa") << header;
    EXPECT_EQ(metadata.signer, "Phạm Văn Hoàn") << header;
  }
}

// A department under its People's Committee written with an abbreviated level ("UBND TX. ĐỒNG
// XOÀI", "UBND TP. HUẾ") is that place's department (issue 11: one value per body), the place
// in its written case, and two fields joined by a hyphen keep both capitals; the same in every
// header layout, and the same as with the level written out.
TEST(MergedHeaderLines, a_department_under_an_abbreviated_level_names_its_place) {
  const std::string rest =
      "THÔNG BÁO\nVề việc treo cờ Tổ quốc năm 2012\n\nThực hiện thông báo số 654/TB-SGDĐT ngày "
      "20/3/2012 của Sở Giáo dục và Đào tạo, Phòng thông báo như sau.\n";
  for (const std::string& header :
       {std::string("UBND TX. ĐỒNG XOÀI       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHÒNG GIÁO "
                    "DỤC-ĐÀO TẠO         Độc lập - Tự do - Hạnh phúc\n  Số : 151/TB-PGDĐT        "
                    "Đồng Xoài, ngày 20 tháng 3 năm 2012.\n\n"),
        std::string(
            "UBND TX. ĐỒNG XOÀI\nPHÒNG GIÁO DỤC-ĐÀO TẠO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
            "NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 151/TB-PGDĐT\nĐồng Xoài, ngày 20 tháng 3 "
            "năm 2012\n\n"),
        std::string("| UBND TX. ĐỒNG XOÀI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| PHÒNG GIÁO "
                    "DỤC-ĐÀO TẠO | Độc lập - Tự do - Hạnh phúc |\n| Số: 151/TB-PGDĐT | Đồng Xoài, "
                    "ngày 20 tháng 3 năm 2012 |\n\n"),
        std::string("UBND THỊ XÃ ĐỒNG XOÀI\nPHÒNG GIÁO DỤC-ĐÀO TẠO\nSố: 151/TB-PGDĐT\nĐồng Xoài, "
                    "ngày 20 tháng 3 năm 2012\n\n")}) {
    const auto metadata = extract_metadata(header + rest);
    EXPECT_EQ(metadata.issuer, "Phòng Giáo dục-Đào tạo thị xã Đồng Xoài") << header;
    EXPECT_EQ(metadata.number, "151/TB-PGDĐT") << header;
    EXPECT_EQ(metadata.date, "2012-03-20") << header;
  }
  const auto city = extract_metadata(
      "UBND TP. HUẾ\nPHÒNG VĂN HÓA VÀ THÔNG TIN\nSố: 12/KH-VHTT\nHuế, ngày 5 tháng 3 năm 2026\n\n"
      "KẾ HOẠCH\nTổ chức hội nghị\n\nThực hiện chỉ đạo của UBND thành phố.\n");
  EXPECT_EQ(city.issuer, "Phòng Văn hóa và Thông tin thành phố Huế");
}

// An organ named by its role alone ("BAN THƯỜNG TRỰC", "VĂN PHÒNG", "THƯỜNG TRỰC") under the
// body it belongs to (ND30 ô 2 under its chủ quản line) is that body's: one value per body in
// the issuer facet, abbreviations spelled out; the same in every header layout, with blank
// paragraphs between the cells (Word text) or a converter's stray mark before the first cell.
TEST(MergedHeaderLines, an_organ_named_by_its_role_is_its_body_s) {
  const std::string rest =
      "KẾ HOẠCH\nTổ chức hội nghị hiệp thương lần thứ hai\n\nCăn cứ Luật Bầu cử đại biểu Quốc "
      "hội và đại biểu Hội đồng nhân dân số 85/2015/QH13;\nBan Thường trực xây dựng kế hoạch như "
      "sau:\n";
  for (const std::string& header :
       {std::string("ỦY BAN MTTQ VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC\nSố: 16/KH-MTTQ-BTT\n"
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLương Minh, "
                    "ngày 18 tháng 11 năm 2025\n\n"),
        std::string("/ỦY BAN MTTQ VIỆT NAM\n\nXÃ LƯƠNG MINH\n\nBAN THƯỜNG TRỰC\n\n\n\nSố: "
                    "16/KH-MTTQ-BTT\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n   Độc lập - Tự do - "
                    "Hạnh phúc\n\n \n\nLương Minh, ngày 18 tháng 11 năm 2025\n\n"),
        std::string("ỦY BAN MTTQ VIỆT NAM         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ LƯƠNG "
                    "MINH         Độc lập - Tự do - Hạnh phúc\nBAN THƯỜNG TRỰC\n-------\nSố: "
                    "16/KH-MTTQ-BTT         Lương Minh, ngày 18 tháng 11 năm 2025\n\n"),
        std::string("| ỦY BAN MTTQ VIỆT NAM<br>XÃ LƯƠNG MINH<br>BAN THƯỜNG TRỰC | CỘNG HÒA XÃ HỘI "
                    "CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |\n|---|---|\n| Số: "
                    "16/KH-MTTQ-BTT | Lương Minh, ngày 18 tháng 11 năm 2025 |\n\n"),
        std::string("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nXÃ LƯƠNG MINH\nBAN THƯỜNG TRỰC\nSố: "
                    "16/KH-MTTQ-BTT\nLương Minh, ngày 18 tháng 11 năm 2025\n\n")}) {
    const auto metadata = extract_metadata(header + rest);
    EXPECT_EQ(metadata.issuer, "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh")
        << header;
    EXPECT_EQ(metadata.number, "16/KH-MTTQ-BTT") << header;
    EXPECT_EQ(metadata.date, "2025-11-18") << header;
  }
  // A State body's office and a council's standing body: the same rule.
  const auto office = extract_metadata(
      "UBND TỈNH HÒA BÌNH\nVĂN PHÒNG\nSố: 12/VP-KSTT\nHòa Bình, ngày 5 tháng 3 năm 2026\n\nV/v "
      "triển khai phần mềm\n\nKính gửi: Các sở, ban, ngành.\n");
  EXPECT_EQ(office.issuer, "Văn phòng Ủy ban nhân dân tỉnh Hòa Bình");
  const auto standing = extract_metadata(
      "HỘI ĐỒNG NHÂN DÂN\nTỈNH QUẢNG NINH\nTHƯỜNG TRỰC\nSố: 12/TB-HĐND\nHạ Long, ngày 5 tháng 3 "
      "năm 2026\n\nTHÔNG BÁO\nKết luận phiên họp\n\nThực hiện chương trình công tác.\n");
  EXPECT_EQ(standing.issuer, "Thường trực Hội đồng nhân dân tỉnh Quảng Ninh");
  // A body with a name of its own under its chủ quản keeps its own name.
  const auto named = extract_metadata(
      "ỦY BAN BẦU CỬ XÃ PHỐ BẢNG\nTIỂU BAN THI ĐUA - KHEN THƯỞNG\nSố: 01/KH-TBTĐKT\nPhố Bảng, "
      "ngày 10 tháng 12 năm 2025\n\nKẾ HOẠCH\nTổ chức thi đua\n\nThực hiện Quyết định.\n");
  ASSERT_TRUE(named.issuer);
  EXPECT_TRUE(named.issuer->starts_with("Tiểu ban Thi đua")) << *named.issuer;
}

// Both issuer cells and the motto on one line (a merged header row): a standing board, a
// subcommittee or a council set up for a task after the name of the body it belongs to is the
// issuer's cell, read as when the cells stand on lines of their own (session 17, the
// invariance sweep over the real documents).
TEST(MergedHeaderLines, an_organ_after_its_body_s_name_on_one_line_is_the_second_cell) {
  const std::string motto =
      " -------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh "
      "phúc ---------------\n";
  const std::string rest =
      "\nKẾ HOẠCH\nTổ chức hội nghị\n\nThực hiện chỉ đạo cấp trên, xây dựng kế hoạch như sau:\n";
  const struct {
    const char* body;
    const char* organ;
    const char* number_and_date;
  } cases[] = {
      {"ỦY BAN MTTQ VIỆT NAM XÃ HÒA AN", "BAN THƯỜNG TRỰC",
       "Số: 07/KH-MTTQ-BTT\nHòa An, ngày 3 tháng 3 năm 2026\n"},
      {"ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM PHƯỜNG TÂN AN", "BAN THƯỜNG TRỰC",
       "Số: 08/KH-MTTQ-BTT\nTân An, ngày 4 tháng 3 năm 2026\n"},
      {"ỦY BAN BẦU CỬ XÃ HÒA AN", "TIỂU BAN TUYÊN TRUYỀN",
       "Số: 02/KH-TBTT\nHòa An, ngày 5 tháng 3 năm 2026\n"},
      {"UBND TỈNH QUẢNG BÌNH", "HỘI ĐỒNG ĐỊNH GIÁ",
       "Số: 09/KH-HĐĐG\nQuảng Bình, ngày 6 tháng 3 năm 2026\n"},
  };
  for (const auto& c : cases) {
    const std::string cells = std::string(c.body) + "\n" + c.organ +
                              "\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
                              "NAM\nĐộc lập - Tự do - Hạnh phúc\n" +
                              c.number_and_date + rest;
    const std::string merged =
        std::string(c.body) + " " + c.organ + motto + c.number_and_date + rest;
    const auto want = extract_metadata(cells);
    const auto got = extract_metadata(merged);
    ASSERT_TRUE(want.issuer) << c.organ;
    EXPECT_EQ(got.issuer, want.issuer) << merged;
    EXPECT_EQ(got.number, want.number) << merged;
    EXPECT_EQ(got.date, want.date) << merged;
  }
  const auto front =
      extract_metadata(std::string("ỦY BAN MTTQ VIỆT NAM XÃ HÒA AN BAN THƯỜNG "
                                   "TRỰC") +
                       motto + "Số: 07/KH-MTTQ-BTT\nHòa An, ngày 3 tháng 3 năm 2026\n" + rest);
  EXPECT_EQ(front.issuer, "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Hòa An");
  // One body's name that holds such a word stays whole.
  const auto council =
      extract_metadata(std::string("HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG BÌNH") + motto +
                       "Số: 10/KH-HĐND\nQuảng Bình, ngày 6 tháng 3 năm 2026\n" + rest);
  EXPECT_EQ(council.issuer, "Hội đồng nhân dân tỉnh Quảng Bình");
}

// A converter's page marker run into the first line of the page ("Trang 1THỦ TƯỚNG") is page
// furniture: the header reads as without it, in every layout.
TEST(MergedHeaderLines, a_page_marker_glued_to_the_first_cell_is_furniture) {
  const std::string rest =
      "QUYẾT ĐỊNH\nVề việc tặng thưởng Cờ thi đua của Chính phủ\n\nCăn cứ Luật Tổ chức Chính phủ "
      "ngày 25 tháng 12 năm 2001;\n";
  for (const std::string& marker :
       {std::string(), std::string("Trang 1"), std::string("Trang 1/3")}) {
    for (const std::string& header :
         {marker + "THỦ TƯỚNG\nCHÍNH PHỦ\nSố: 345/QĐ-TTg\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc "
                   "lập - Tự do - Hạnh phúc\nHà Nội, ngày 3 tháng 4 năm 2008\n\n",
          marker +
              "THỦ TƯỚNG CHÍNH PHỦ          CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n-------     "
              "     Độc lập - Tự do - Hạnh phúc\nSố: 345/QĐ-TTg          Hà Nội, ngày 3 tháng 4 "
              "năm 2008\n\n"}) {
      const auto metadata = extract_metadata(header + rest);
      EXPECT_EQ(metadata.issuer, "Thủ tướng Chính phủ") << header;
      EXPECT_EQ(metadata.number, "345/QĐ-TTg") << header;
    }
  }
}

// A single addressee that a converter moved to the line under "Kính gửi:" is read as the one on
// the same line is; the body's opening under it is no addressee.
TEST(MergedHeaderLines, a_single_addressee_under_kinh_gui_is_read_as_on_its_line) {
  const std::string head =
      "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 25/TB-PGDĐT\nBa Đồn, ngày 18 tháng 10 năm 2020\n\n"
      "THÔNG BÁO\nVề việc cho học sinh nghỉ học\n\n";
  const std::string body =
      "Do tình trạng ngập lụt nghiêm trọng, Phòng GD&ĐT yêu cầu các trường cho học sinh nghỉ "
      "học.\n";
  for (const std::string& address :
       {std::string("Kính gửi: Hiệu trưởng các trường MN, TH, THCS trên toàn thị xã\n"),
        std::string("Kính gửi:\nHiệu trưởng các trường MN, TH, THCS trên toàn thị xã\n"),
        std::string("Kính gửi:\n\nHiệu trưởng các trường MN, TH, THCS trên toàn thị xã\n")}) {
    const auto metadata = extract_metadata(head + address + body);
    ASSERT_EQ(metadata.recipients.size(), 1u) << address;
    EXPECT_EQ(metadata.recipients[0], "Hiệu trưởng các trường MN, TH, THCS trên toàn thị xã");
  }
  const auto opening = extract_metadata(head +
                                        "Kính gửi:\n\nThực hiện Công văn số 12/SGDĐT "
                                        "ngày 01/10/2020 của Sở, Phòng thông báo.\n");
  EXPECT_TRUE(opening.recipients.empty());
}

// A unit written in full before its name is part of the place (ND30 Phụ lục I §II.4), in every
// header layout.
TEST(MergedHeaderLines, a_place_written_with_its_level_keeps_it) {
  for (const std::string& header :
       {std::string("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 4144/GDĐT-VP\nThành phố "
                    "Hồ Chí Minh, ngày 25 tháng 11 năm 2018\n"),
        std::string("Số : 4144 /GDĐT – VP                                        Thành phố Hồ "
                    "Chí Minh, ngày 25 tháng 11 năm 2018\n"),
        std::string("| Số: 4144/GDĐT-VP | Thành phố Hồ Chí Minh, ngày 25 tháng 11 năm 2018 |\n")}) {
    const auto metadata = extract_metadata(header +
                                           "V/v cho học sinh nghỉ học\n\nKính gửi: Hiệu trưởng các "
                                           "trường.\n\nDo bão, Sở thông báo.\n");
    EXPECT_EQ(metadata.place, "Thành phố Hồ Chí Minh") << header;
    EXPECT_EQ(metadata.date, "2018-11-25") << header;
  }
  EXPECT_EQ(extract_metadata("Số: 12/UBND\nHà Nội, ngày 05 tháng 3 năm 2024\nV/v họp\n").place,
            "Hà Nội");
}

// Administrative levels listed in a title set in capitals name kinds of units, not a place: no
// word after them takes a capital; a level followed by its name still does. The same title on
// its own lines and on the type heading's line.
TEST(MergedHeaderLines, levels_listed_in_a_title_in_capitals_name_no_place) {
  const std::string head =
      "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 2516/KH-UBND\nKon Tum, ngày 03 tháng 10 năm 2014\n\n";
  const std::string body = "\n\nCăn cứ Quyết định số 34/2014/QĐ-TTg của Thủ tướng Chính phủ;\n";
  for (const std::string& title :
       {std::string("KẾ HOẠCH\nTRIỂN KHAI TIÊU CHUẨN XÃ, PHƯỜNG, THỊ TRẤN PHÙ HỢP VỚI TRẺ EM"),
        std::string("KẾ HOẠCH TRIỂN KHAI TIÊU CHUẨN XÃ, PHƯỜNG, THỊ TRẤN PHÙ HỢP VỚI TRẺ EM")}) {
    const auto metadata = extract_metadata(head + title + body);
    EXPECT_EQ(metadata.title, "Triển khai tiêu chuẩn xã, phường, thị trấn phù hợp với trẻ em")
        << title;
  }
  const auto listed = extract_metadata(
      head +
      "KẾ HOẠCH\nHỖ TRỢ BỘ PHẬN MỘT CỬA TẠI UBND HUYỆN, THỊ XÃ, THÀNH PHỐ; UBND XÃ, "
      "PHƯỜNG, THỊ TRẤN TRÊN ĐỊA BÀN TỈNH KON TUM" +
      body);
  EXPECT_EQ(listed.title,
            "Hỗ trợ bộ phận một cửa tại UBND huyện, thị xã, thành phố; UBND xã, phường, thị trấn "
            "trên địa bàn tỉnh Kon Tum");
}

// The standing committee's name wraps in its cell ("ỦY BAN THƯỜNG VỤ" / "QUỐC HỘI"): one body,
// in every header layout.
TEST(MergedHeaderLines, a_standing_committee_wrapped_in_its_cell_is_one_body) {
  const std::string rest =
      "NGHỊ QUYẾT\nVỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH\n\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n\nCăn cứ "
      "Luật Tổ chức Quốc hội số 57/2014/QH13;\n\nQUYẾT NGHỊ:\n\nĐiều 1. Sắp xếp.\n";
  for (const std::string& header :
       {std::string("ỦY BAN THƯỜNG VỤ\nQUỐC HỘI\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "Độc lập - Tự do - Hạnh phúc\n---------------\nNghị quyết số: "
                    "653/2019/UBTVQH14\nHà Nội, ngày 12 tháng 3 năm 2019\n\n"),
        std::string("ỦY BAN THƯỜNG VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nQUỐC HỘI Độc lập - Tự "
                    "do - Hạnh phúc\nNghị quyết số: 653/2019/UBTVQH14 Hà Nội, ngày 12 tháng 3 năm "
                    "2019\n\n"),
        std::string("| ỦY BAN THƯỜNG VỤ QUỐC HỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| "
                    "Nghị quyết số: 653/2019/UBTVQH14 | Hà Nội, ngày 12 tháng 3 năm 2019 |\n\n")}) {
    const auto metadata = extract_metadata(header + rest);
    EXPECT_EQ(metadata.issuer, "Ủy ban Thường vụ Quốc hội") << header;
    EXPECT_EQ(metadata.number, "653/2019/UBTVQH14") << header;
    EXPECT_EQ(metadata.date, "2019-03-12") << header;
  }
}

// A date whose "tháng" or "năm" a converter glued to its number reads as the spaced one, in the
// header line and in a citation.
TEST(MergedHeaderLines, a_date_with_its_month_or_year_glued_reads_as_spaced) {
  for (const std::string& date :
       {std::string("ngày 05 tháng 11 năm 2010"), std::string("ngày 05 tháng11 năm 2010"),
        std::string("ngày 05 tháng 11 năm2010")}) {
    const auto metadata = extract_metadata(
        "UBND TỈNH NINH THUẬN\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 2917/SGDĐT-VP\nPhan Rang-Tháp Chàm, " +
        date +
        "\nV/v báo cáo thiệt hại do lũ lụt\n\nKính gửi: Ủy ban nhân dân tỉnh.\n\nThực hiện "
        "Công văn số 12/UBND-VX " +
        date + " của UBND tỉnh, Sở báo cáo.\n");
    EXPECT_EQ(metadata.date, "2010-11-05") << date;
    EXPECT_EQ(metadata.place, "Phan Rang-Tháp Chàm") << date;
    ASSERT_EQ(metadata.citations.size(), 1u) << date;
    EXPECT_EQ(metadata.citations[0].date, "2010-11-05") << date;
  }
}

// A portal writes the type heading with the document's number ("QUYẾT ĐỊNH 24/2031/QĐ-TTg"), its
// code the type's: the heading is the type's, and the capitals below it are the title, even when
// they open with another type's name ("QUY ĐỊNH QUY TRÌNH ...").
TEST(MergedHeaderLines, a_type_heading_with_its_own_number_heads_the_document) {
  const std::string header =
      "THỦ TƯỚNG CHÍNH PHỦ |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 24/2031/QĐ-TTg |\n"
      "Hà Nội, ngày 16 tháng 7 năm 2031 |\n";
  const std::string body =
      "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\nQUYẾT ĐỊNH:\nĐiều 1. Phạm vi\n";
  for (const char* heading : {"QUYẾT ĐỊNH 24/2031/QĐ-TTg", "QUYẾT ĐỊNH SỐ 24/2031/QĐ-TTg"}) {
    const auto metadata = extract_metadata(
        header + heading + "\nQUY ĐỊNH QUY TRÌNH RÀ SOÁT HỘ NGHÈO HẰNG NĂM\n" + body);
    EXPECT_EQ(metadata.type, "Quyết định") << heading;
    EXPECT_EQ(metadata.number, "24/2031/QĐ-TTg") << heading;
    EXPECT_EQ(metadata.title, "Quy định quy trình rà soát hộ nghèo hằng năm") << heading;
  }
  // A number whose code names another type is no heading's own: the heading is left as before.
  const auto other = extract_metadata(header + "QUYẾT ĐỊNH 12/KH-UBND\n" +
                                      "QUY ĐỊNH QUY TRÌNH RÀ SOÁT HỘ NGHÈO HẰNG NĂM\n" + body);
  EXPECT_NE(other.title, "Quy định quy trình rà soát hộ nghèo hằng năm");
}

}  // namespace
}  // namespace vanban::analyzers
