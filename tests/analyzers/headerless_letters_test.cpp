// Session 19 (unseen14 studied): rules on made-up text. A page that lost its header (ô 1-5 of
// ND30) still holds the body's own sentences: a letter's addressees and its request, a text's
// name for itself, a resolution's adopting sentence, the sentence that issues a plan. And a
// State công văn has no type code, whatever its symbol writes.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

// ND30 Mẫu 1.5: a công văn has its addressees ("Kính gửi:", ô 9a) and its body asks or instructs
// them. A page that kept both but lost ô 1-5 is a công văn, and the body that asks is its issuer:
// at the start of a sentence or after the clause of its grounds; its standing committee speaks
// for the organisation.
TEST(HeaderlessLetters, the_body_that_asks_its_addressees_is_the_issuer_of_a_letter) {
  const auto first = extract_metadata(
      "Kính gửi: Hiệu trưởng các trường tiểu học.\n"
      "Căn cứ công văn số 120/SGDĐT-VP ngày 02 tháng 3 năm 2024 của Sở Giáo dục và Đào tạo tỉnh "
      "Bình An về việc tổ chức hội thi;\n"
      "Phòng Giáo dục và Đào tạo huyện Tân Phú đề nghị Hiệu trưởng các trường thực hiện như sau:\n"
      "1. Thời gian: tháng 4 năm 2024.\n");
  EXPECT_EQ(first.type, "Công văn");
  EXPECT_EQ(first.type_code, std::nullopt);
  EXPECT_EQ(first.issuer, "Phòng Giáo dục và Đào tạo huyện Tân Phú");
  const auto after_grounds = extract_metadata(
      "Kính gửi: Hội Khuyến học các quận, huyện.\n"
      "Hưởng ứng năm học mới, Ban Thường vụ Hội Khuyến học tỉnh Bình An yêu cầu các đơn vị "
      "triển khai các nội dung sau:\n- Nội dung: viết bài về khuyến học.\n");
  EXPECT_EQ(after_grounds.type, "Công văn");
  EXPECT_EQ(after_grounds.issuer, "Hội Khuyến học tỉnh Bình An");
  // The sentence wrapped at a page's width is the same sentence.
  const auto wrapped = extract_metadata(
      "Kính gửi: Hội Khuyến học các quận, huyện.\n"
      "Hưởng ứng năm học mới, Ban Thường vụ Hội Khuyến\nhọc tỉnh Bình An yêu cầu các đơn vị "
      "triển khai các nội dung sau:\n- Nội dung: viết bài về khuyến học.\n");
  EXPECT_EQ(wrapped.issuer, "Hội Khuyến học tỉnh Bình An");
  // Without its addressees a page is no letter: the sentence alone gives neither.
  const auto no_salutation = extract_metadata(
      "Tin tức giáo dục\n"
      "Phòng Giáo dục và Đào tạo huyện Tân Phú đề nghị các trường tăng cường phòng dịch.\n");
  EXPECT_EQ(no_salutation.type, std::nullopt);
  EXPECT_EQ(no_salutation.issuer, std::nullopt);
  // A clause whose subject names no one body ("Công đoàn ngành") gives none.
  const auto no_body = extract_metadata(
      "Kính gửi: Các công đoàn cơ sở.\n"
      "Ban Thường vụ Công đoàn ngành đề nghị các công đoàn cơ sở thực hiện tốt các nội dung.\n");
  EXPECT_EQ(no_body.type, "Công văn");
  EXPECT_EQ(no_body.issuer, std::nullopt);
}

// A portal's headline "Công văn số <number> V/v <subject>" numbers the letter; a công văn's
// symbol opens with its issuer's code (ND30 Phụ lục III), and a body that writes only that code
// ("532/PGD&ĐT") numbers it so: the document's number, not a citation.
TEST(HeaderlessLetters, a_letter_s_headline_number_may_be_its_issuer_s_code_alone) {
  const auto letter = extract_metadata(
      "Công văn số 53/PGD&ĐT V/v tôn vinh nhà giáo\n\nKính gửi: Các trường mầm non\n\n"
      "Căn cứ Công văn số 1398/SGD&ĐT-GDMN ngày 02/11/2016 của Sở Giáo dục và Đào tạo tỉnh Bình "
      "An,\n\nPhòng Giáo dục và Đào tạo huyện Tân Phú hướng dẫn các trường thực hiện như sau:\n");
  EXPECT_EQ(letter.number, "53/PGD&ĐT");
  EXPECT_EQ(letter.type, "Công văn");
  EXPECT_EQ(letter.title, "tôn vinh nhà giáo");
  // Its subject on lines of its own, wrapped at the page's width, is one subject.
  const auto wrapped = extract_metadata(
      "Công văn số 53/PGD&ĐT\nV/v tôn vinh nhà giáo trong sự\nnghiệp giáo dục\n\nKính gửi: Các "
      "trường mầm non\n\nPhòng Giáo dục và Đào tạo huyện Tân Phú hướng dẫn các trường như sau:\n");
  EXPECT_EQ(wrapped.number, "53/PGD&ĐT");
  EXPECT_EQ(wrapped.title, "tôn vinh nhà giáo trong sự nghiệp giáo dục");
  ASSERT_EQ(letter.citations.size(), 1U);
  EXPECT_EQ(letter.citations.front().number, "1398/SGD&ĐT-GDMN");
}

// A district's office (Phòng) named without its place is of the one district-level unit the text
// names, the level as written; a city counts only when no huyện, quận or thị xã is named (a
// Phòng belongs to no province, and a city may be a province's name); two units leave it bare.
TEST(HeaderlessLetters, a_district_office_named_alone_takes_the_one_district_the_text_names) {
  const std::string grounds =
      "Kính gửi: Hiệu trưởng các trường.\nCăn cứ công văn số 88/SGDĐT-CTTT ngày 12 tháng 5 năm "
      "2025 của Sở Giáo dục và Đào tạo Thành phố Bình An về phòng dịch;\n";
  const auto numbered = extract_metadata(
      grounds +
      "Phòng Giáo dục và Đào tạo đề nghị Hiệu trưởng các trường trên địa bàn Quận 7 "
      "thực hiện như sau:\n1. Tuyên truyền.\n");
  EXPECT_EQ(numbered.issuer, "Phòng Giáo dục và Đào tạo Quận 7");
  const auto city = extract_metadata(
      "Kính gửi: Hiệu trưởng các trường.\nThực hiện Kế hoạch số 12/KH-UBND ngày 13 tháng 4 năm "
      "2018 của UBND thành phố về tổng vệ sinh trên địa bàn thành phố Hòa Lạc, Phòng Giáo dục và "
      "Đào tạo yêu cầu các trường thực hiện các nội dung sau:\n1. Tổng vệ sinh.\n");
  EXPECT_EQ(city.issuer, "Phòng Giáo dục và Đào tạo thành phố Hòa Lạc");
  // The field's "và" written as a dash is the same field, written as its name is.
  const auto dashed = extract_metadata(
      "Kính gửi: Hiệu trưởng các trường.\nThực hiện Kế hoạch số 12/KH-UBND ngày 13 tháng 4 năm "
      "2018 của UBND thành phố về tổng vệ sinh trên địa bàn thành phố Hòa Lạc, Phòng Giáo dục- "
      "Đào tạo yêu cầu các trường thực hiện các nội dung sau:\n1. Tổng vệ sinh.\n");
  EXPECT_EQ(dashed.issuer, "Phòng Giáo dục và Đào tạo thành phố Hòa Lạc");
  const auto two = extract_metadata(
      grounds +
      "Phòng Giáo dục và Đào tạo đề nghị các trường của huyện Tân Phú và huyện Tân Lập "
      "thực hiện như sau:\n1. Tuyên truyền.\n");
  EXPECT_EQ(two.issuer, "Phòng Giáo dục và Đào tạo");
}

// A text names itself ("Nhận được công văn này", "Nghị quyết này có hiệu lực"): on a page without
// its header that is its type, over a portal's headline that calls it otherwise; a text that names
// two types so (a decision and the regulation it issues) gives neither.
TEST(HeaderlessLetters, the_text_s_name_for_itself_is_its_type) {
  const auto letter = extract_metadata(
      "Thông báo về việc tổng vệ sinh trường học.\n\n"
      "Kính gửi: Hiệu trưởng các đơn vị trực thuộc.\n"
      "1. Tổng vệ sinh vào ngày 20/4/2018.\n"
      "Nhận được công văn này, yêu cầu các đơn vị nghiêm túc thực hiện./.\n");
  EXPECT_EQ(letter.type, "Công văn");
  EXPECT_EQ(letter.type_code, std::nullopt);
  const auto two = extract_metadata(
      "Điều 1. Ban hành kèm theo Quyết định này Quy định về quản lý giá.\n"
      "Điều 2. Quy định này có hiệu lực từ ngày 01 tháng 7 năm 2025.\n");
  EXPECT_EQ(two.type, std::nullopt);
  // A programme the text speaks of ("Chương trình này lồng ghép ...") is no formula of its own.
  const auto spoken_of = extract_metadata(
      "Kế hoạch thực hiện Chương trình nước sạch năm 2014\n"
      "Thực hiện Công văn số 21/BNN-TCTL ngày 03 tháng 7 năm 2013 của Bộ Nông nghiệp, Ban điều "
      "hành xây dựng kế hoạch như sau:\nChương trình này lồng ghép với các dự án khác.\n");
  EXPECT_EQ(spoken_of.type, "Kế hoạch");
}

// A resolution (or a law) closes with the sentence that adopted it: "<Type> này đã được <body>
// khóa X, kỳ họp thứ Y thông qua ...". A page that lost the first page keeps it: the body (its
// term and session dropped) is the issuer, and the type the text's.
TEST(HeaderlessLetters, a_resolution_s_adopting_sentence_names_its_body) {
  const auto adopted = extract_metadata(
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
      "Điều 1. Thông qua danh mục dự án năm 2025.\n"
      "Điều 2. Nghị quyết này có hiệu lực từ ngày 01 tháng 7 năm 2025.\n"
      "Nghị quyết này đã được Hội đồng nhân dân tỉnh Bình An khóa X,\n"
      "kỳ họp thứ 12 thông qua ngày 27 tháng 6 năm 2025./.\n");
  EXPECT_EQ(adopted.type, "Nghị quyết");
  EXPECT_EQ(adopted.type_code, "NQ");
  EXPECT_EQ(adopted.issuer, "Hội đồng nhân dân tỉnh Bình An");
  // A body named by its kind alone is no one body.
  const auto bare = extract_metadata(
      "Điều 1. Thông qua danh mục dự án năm 2025.\n"
      "Nghị quyết này đã được Hội đồng nhân dân khóa X, kỳ họp thứ 12 thông qua./.\n");
  EXPECT_EQ(bare.issuer, std::nullopt);
}

// The sentence that issues a text names its type on a page that lost its heading ("Thường trực
// HĐND xã X xây dựng Kế hoạch ..."); a type followed by its number is another text, cited.
TEST(HeaderlessLetters, the_issuing_sentence_names_the_type_of_a_text_without_its_heading) {
  const auto plan = extract_metadata(
      "Hội đồng nhân dân xã Tân Phú căn cứ:\n- Luật Tổ chức chính quyền địa phương năm 2025;\n"
      "Thường trực Hội đồng nhân dân xã Tân Phú xây dựng Kế hoạch tiếp xúc cử tri trước kỳ họp "
      "cuối năm 2025.\n");
  EXPECT_EQ(plan.type, "Kế hoạch");
  EXPECT_EQ(plan.type_code, "KH");
  EXPECT_EQ(plan.issuer, "Thường trực Hội đồng nhân dân xã Tân Phú");
  const auto cited = extract_metadata(
      "Ngày 12/3/2025, Ủy ban nhân dân xã Tân Phú ban hành Kế hoạch số 12/KH-UBND về tiếp xúc cử "
      "tri. Theo đó, các thôn tổ chức họp dân.\n");
  EXPECT_NE(cited.type, "Kế hoạch");
}

// ND30 Phụ lục III gives a công văn no type code; agencies still write "CV" in its symbol
// ("14/CV-HKH"), and HD 36-HD/VPTW has the Party write it ("234-CV/BTGTU"): the number names a
// công văn, which the type says; type_code stays null for a letter whoever sends it (the real
// documents' convention), so one type has one code value in the facet.
TEST(HeaderlessLetters, a_cong_van_has_no_type_code_whatever_its_symbol_writes) {
  const auto state = extract_metadata(
      "HỘI KHUYẾN HỌC TỈNH BÌNH AN\nSố: 14/CV-HKH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - "
      "Tự do - Hạnh phúc\nBình An, ngày 7 tháng 02 năm 2018\nKính gửi: Hội Khuyến học các "
      "huyện.\nHội Khuyến học tỉnh đề nghị các huyện lập danh sách học sinh.\n");
  EXPECT_EQ(state.number, "14/CV-HKH");
  EXPECT_EQ(state.type, "Công văn");
  EXPECT_EQ(state.type_code, std::nullopt);
  const auto party = extract_metadata(
      "ĐẢNG BỘ TỈNH BÌNH AN\nBAN TUYÊN GIÁO\nSố 234-CV/BTGTU\nĐẢNG CỘNG SẢN VIỆT NAM\nBình An, "
      "ngày 7 tháng 02 năm 2018\nKính gửi: Các huyện ủy.\nBan Tuyên giáo đề nghị các huyện ủy "
      "tuyên truyền.\n");
  EXPECT_EQ(party.type, "Công văn");
  EXPECT_EQ(party.number, "234-CV/BTGTU");
  EXPECT_EQ(party.type_code, std::nullopt);
  // Control: a Party text whose symbol codes its type keeps the code.
  const auto plan = extract_metadata(
      "ĐẢNG BỘ TỈNH BÌNH AN\nBAN TUYÊN GIÁO\nSố 53-KH/BTGTU\nĐẢNG CỘNG SẢN VIỆT NAM\nBình An, "
      "ngày 7 tháng 02 năm 2018\nKẾ HOẠCH\ntuyên truyền kỷ niệm ngày thành lập tỉnh\nThực hiện "
      "chỉ đạo của Ban Thường vụ Tỉnh ủy, Ban Tuyên giáo xây dựng kế hoạch như sau.\n");
  EXPECT_EQ(plan.type, "Kế hoạch");
  EXPECT_EQ(plan.type_code, "KH");
}

// Ô 2 of a trade union's letter: its national confederation (chủ quản) above the union that
// issues it (Luật Công đoàn 2012: "Công đoàn Giáo dục Việt Nam" is a body whose own name follows
// "Công đoàn"), each cell on its line.
TEST(HeaderCells, a_trade_union_under_its_confederation_is_the_issuer) {
  const auto letter = extract_metadata(
      "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM\n\nCÔNG ĐOÀN Y TẾ VIỆT NAM\n\nSố: 75/CĐYT-TG\n\n"
      "V/v tuyên truyền ngày thành lập\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - "
      "Hạnh phúc\n\nHà Nội, ngày 6 tháng 8 năm 2018\n\nKính gửi: Công đoàn các bệnh viện.\n\n"
      "Công đoàn Y tế Việt Nam hướng dẫn các đơn vị thực hiện như sau:\n");
  EXPECT_EQ(letter.issuer, "Công đoàn Y tế Việt Nam");
  EXPECT_EQ(letter.number, "75/CĐYT-TG");
}

// A mass organisation's provincial branch under its national organisation ("HỘI NÔNG DÂN VIỆT
// NAM" / "TỈNH HỘI BÌNH AN", merged on one line by a page): the organisation of that province.
TEST(HeaderCells, a_provincial_branch_under_its_national_association_is_named_with_its_province) {
  const auto letter = extract_metadata(
      "HỘI NÔNG DÂN VIỆT NAM TỈNH HỘI BÌNH AN ------- Số: 14/HND\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA "
      "VIỆT NAM Độc lập - Tự do - Hạnh phúc ------- Bình An, ngày 7 tháng 02 năm 2018 |\n"
      "Kính gửi: Hội Nông dân các huyện.\nHội Nông dân tỉnh đề nghị các huyện lập danh sách.\n");
  EXPECT_EQ(letter.issuer, "Hội Nông dân tỉnh Bình An");
}

// Ô 3's value on a line of its own, its digits parted (a number written by hand over the print,
// a scan's gap: "0 7/2024/QĐ-UBND"), is no cell of the issuer above it.
TEST(HeaderCells, a_number_on_its_own_line_is_no_part_of_the_issuer) {
  const auto decision = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ BÌNH AN\nSố:\n0 7/2024/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
      "NAM\nĐộc lập - Tự do - Hạnh phúc\nBình An, ngày 12 tháng 12 năm 2024\nQUYẾT ĐỊNH\nBan "
      "hành Quy định về giá\nỦY BAN NHÂN DÂN THÀNH PHỐ BÌNH AN\nCăn cứ Luật Giá ngày 19 tháng 6 "
      "năm 2023;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy định về giá.\n");
  EXPECT_EQ(decision.issuer, "Ủy ban nhân dân thành phố Bình An");
}

// A scan's stamp over ô 2 read as letters that name no kind of body ("LAI _ TRAOIHHAE J/3IU,")
// is no issuer where the enacting sentence says who issues the text ("Chính phủ ban hành Nghị
// định ..."); a cell that names a body keeps it.
TEST(HeaderCells, an_issuer_cell_that_names_no_body_gives_way_to_the_enacting_sentence) {
  const std::string rest =
      "Số: 15/2020/NĐ-CP\nHà Nội, ngày 30 tháng 12 năm 2020\nNGHỊ ĐỊNH\nQuy định chi tiết Luật "
      "Chứng khoán\nCăn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\nTheo đề nghị của Bộ "
      "trưởng Bộ Tài chính;\nChính phủ ban hành Nghị định quy định chi tiết Luật Chứng khoán.\n"
      "Điều 1. Phạm vi điều chỉnh\n";
  const auto stamped = extract_metadata("LAI _ TRAOIHHAE J/3IU,\n" + rest);
  EXPECT_EQ(stamped.issuer, "Chính phủ");
  const auto named = extract_metadata("BỘ TÀI CHÍNH\n" + rest);
  EXPECT_EQ(named.issuer, "Bộ Tài chính");
  // A kind alone ("Ban ... ban hành") names no body to take instead.
  const auto kind_alone = extract_metadata(
      "LAI _ TRAOIHHAE J/3IU,\nSố: 15/KH-BTC\nHà Nội, ngày 30 tháng 12 năm 2020\nKẾ HOẠCH\nTổ "
      "chức hội nghị\nCăn cứ tình hình thực tế, Ban ban hành Kế hoạch như sau.\n");
  EXPECT_NE(kind_alone.issuer, "Ban");
}

// A portal's headline "<Type>:<trích yếu>" (a colon after the type name) gives the trích yếu, as
// a letter's "V/v" does.
TEST(HeaderlessLetters, a_headline_s_colon_after_the_type_sets_its_subject) {
  const auto letter = extract_metadata(
      "Công văn:Hưởng ứng viết bài chào mừng Đại hội\n\nKính gửi: Hội Khuyến học các huyện\n"
      "Ban Thường vụ Hội Khuyến học tỉnh Bình An đề nghị các huyện phát động viết bài.\n");
  EXPECT_EQ(letter.title, "Hưởng ứng viết bài chào mừng Đại hội");
}

}  // namespace
}  // namespace vanban::analyzers
