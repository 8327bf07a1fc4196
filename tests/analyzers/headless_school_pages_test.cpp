// Session 31 (unseen25 studied): pages that give a school's, an education office's or a youth
// organisation's text without its header, on made-up text. A grounds clause's adoption date is
// the cited law's, not the text's; a school's board speaks in the school's name; a guidance's
// opening names its body and its type; a trích yếu wrapped before the name it quotes; a law
// whose name holds the local bodies by their short forms. Each rule with controls that show what
// it must not touch.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "structure/body_names.hpp"

namespace vanban::analyzers {
namespace {

// A school's regulation as its site gives it: furniture, the post's title, the heading in
// capitals, two grounds clauses, the enacting sentence of the school's board.
const std::string kRegulation =
    "Trường THCS An Lạc\n\nTrang chủ Tin tức QUY CHẾ KHEN THƯỞNG NĂM HỌC 2015 – 2016\n\n"
    "Tìm kiếm\n\nQUY CHẾ KHEN THƯỞNG NĂM HỌC 2015 – 2016\n\nIn PDF.\n\n"
    "QUY CHẾ KHEN THƯỞNG\n\nNĂM HỌC 2015 – 2016\n\n"
    "  Căn cứ Luật Giáo dục đã được Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam thông qua "
    "ngày 14 tháng 6 năm 2005.\n"
    "  Căn cứ nhiệm vụ năm học 2015-2016 của nhà trường.\n"
    "Ban Giám hiệu trường THCS An Lạc ban hành Quy chế khen thưởng năm học 2015-2016 như sau:\n\n"
    "Phần I– KHEN THƯỞNG HỌC SINH\n\n1. Đối tượng.\n";

// "Căn cứ Luật X đã được Quốc hội ... thông qua ngày ...": the grounds clause dates the law it
// cites (ND30 Phụ lục I §II.6); the page, which has no header, has no date. Without that date
// the page reads as headless: its heading gives the type and the title.
TEST(HeadlessSchoolPages, a_cited_laws_adoption_dates_no_text) {
  const auto metadata = extract_metadata(kRegulation);
  EXPECT_FALSE(metadata.date.has_value());
  EXPECT_EQ(metadata.type, "Quy chế");
  EXPECT_EQ(metadata.title, "Khen thưởng năm học 2015 – 2016");
  ASSERT_EQ(metadata.citations.size(), 1u);
  EXPECT_EQ(metadata.citations[0].text, "Luật Giáo dục");

  // Control: a statute's own closing sentence dates it.
  const std::string statute =
      "ĐIỀU LỆ\nHội Khuyến học An Lạc\n\nChương I\nQUY ĐỊNH CHUNG\n\nĐiều 1. Tên gọi.\n\n"
      "Điều lệ này đã được Đại hội đại biểu Hội Khuyến học An Lạc lần thứ III thông qua ngày 12 "
      "tháng 5 năm 2019.\n";
  EXPECT_EQ(extract_metadata(statute).date, "2019-05-12");
}

// Điều lệ trường of each level: the head and deputies form the school's board ("Ban Giám
// hiệu"), which acts in the school's name; ô 2 of the school's documents names the school.
TEST(HeadlessSchoolPages, a_schools_board_issues_in_the_schools_name) {
  EXPECT_EQ(extract_metadata(kRegulation).issuer, "Trường Trung học cơ sở An Lạc");
  EXPECT_EQ(structure::school_of_its_board("Ban Giám Hiệu trường Trung học cơ sở An Lạc"),
            "Trường Trung học cơ sở An Lạc");
  // Controls: another board, a board of no named school, a school named alone.
  EXPECT_FALSE(structure::school_of_its_board("Ban Chỉ đạo phổ cập giáo dục xã An Lạc"));
  EXPECT_FALSE(structure::school_of_its_board("Ban Giám hiệu trường học các cấp"));
  EXPECT_FALSE(structure::school_of_its_board("Trường Trung học cơ sở An Lạc"));
}

// ND30 Phụ lục III's Hướng dẫn opens with its grounds and the body that guides: "Căn cứ ...,
// <body> hướng dẫn <whom> thực hiện ... như sau:". The body named by its level alone takes the
// one place the text gives that level.
TEST(HeadlessSchoolPages, a_guidance_names_its_body_and_its_type_as_it_opens) {
  const std::string guidance =
      "Căn cứ Công văn số 2100/SGDĐT-GDMN ngày 31/8/2021 của Sở Giáo dục và Đào tạo về việc "
      "hướng dẫn nhiệm vụ năm học 2021-2022; Công văn số 95/PGDĐT ngày 01/9/2021 của Phòng Giáo "
      "dục và Đào tạo về nhiệm vụ năm học 2021-2022 cấp mầm non huyện An Lạc và tình hình thực tế "
      "của huyện, Phòng Giáo dục và Đào tạo hướng dẫn các trường Mầm non trên địa bàn thực hiện "
      "nhiệm vụ năm học 2021-2022 như sau:\n";
  const auto metadata = extract_metadata(guidance);
  EXPECT_EQ(metadata.type, "Hướng dẫn");
  EXPECT_EQ(metadata.type_code, "HD");
  EXPECT_EQ(metadata.issuer, "Phòng Giáo dục và Đào tạo huyện An Lạc");
  EXPECT_FALSE(metadata.number.has_value());
  EXPECT_FALSE(metadata.date.has_value());

  // Controls: a letter guides in the same words under its addressees (ô 9a): a Công văn; a
  // sentence that only mentions guidance ("đã hướng dẫn ... ") makes no formula.
  const std::string letter =
      "Kính gửi: Hiệu trưởng các trường Mầm non\n\nCăn cứ Công văn số 2100/SGDĐT-GDMN ngày "
      "31/8/2021 của Sở Giáo dục và Đào tạo, Phòng Giáo dục và Đào tạo huyện An Lạc hướng dẫn các "
      "trường thực hiện nhiệm vụ năm học 2021-2022 như sau:\n";
  EXPECT_EQ(extract_metadata(letter).type, "Công văn");
  const std::string report =
      "Năm học qua, Phòng Giáo dục và Đào tạo huyện An Lạc đã hướng dẫn các trường tổ chức tốt "
      "các hoạt động.\n\nKết quả cụ thể được tổng hợp trong bảng dưới đây.\n";
  EXPECT_NE(extract_metadata(report).type, std::optional<std::string>("Hướng dẫn"));
}

// A trích yếu wrapped before the name it quotes goes on across the break.
TEST(HeadlessSchoolPages, a_trich_yeu_wrapped_before_the_name_it_quotes) {
  // A note in brackets under the title, then the body (no body's opening right under it).
  const std::string plan =
      "KẾ HOẠCH\n\nĐánh giá, sơ kết 02 năm thực hiện Chuyên đề\n"
      "“Xây dựng trường mầm non lấy trẻ làm trung tâm” giai đoạn 2021-2025\n(Dự thảo lần 2)\n\n"
      "Thực hiện Kế hoạch số 12/KH-PGDĐT ngày 02/10/2021 của Phòng Giáo dục và Đào tạo, nhà "
      "trường xây dựng kế hoạch như sau:\n";
  EXPECT_EQ(extract_metadata(plan).title,
            "Đánh giá, sơ kết 02 năm thực hiện Chuyên đề “Xây dựng trường mầm non lấy trẻ làm "
            "trung tâm” giai đoạn 2021-2025");
  // Controls: after a complete phrase, a quotation on its own line is no part of the title; nor
  // is a quotation left open (a quoted paragraph of the body).
  std::string closed = plan;
  closed.replace(closed.find("thực hiện Chuyên đề\n"), std::string("thực hiện Chuyên đề\n").size(),
                 "thực hiện Chuyên đề năm 2023.\n");
  EXPECT_EQ(extract_metadata(closed).title, "Đánh giá, sơ kết 02 năm thực hiện Chuyên đề năm 2023");
  std::string open = plan;
  open.replace(open.find("” giai đoạn"), std::string("” giai đoạn").size(), " giai đoạn");
  EXPECT_EQ(extract_metadata(open).title, "Đánh giá, sơ kết 02 năm thực hiện Chuyên đề");
}

// "Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân" (2004) with
// the local bodies by the short forms ND30 lets a common name take.
TEST(HeadlessSchoolPages, a_laws_local_bodies_by_their_short_forms) {
  const auto metadata = extract_metadata(
      "Căn cứ Luật Ban hành văn bản quy phạm pháp luật của HĐND, UBND ngày 03/12/2004;\n"
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n");
  ASSERT_EQ(metadata.citations.size(), 2u);
  EXPECT_EQ(metadata.citations[0].text,
            "Luật Ban hành văn bản quy phạm pháp luật của HĐND, UBND ngày 03/12/2004");
  EXPECT_EQ(metadata.citations[0].number_key,
            "luat:luat ban hanh van ban quy pham phap luat cua hdnd uy ban nhan dan");
  // Control: the short forms after another instrument's "của" stay its issuer.
  const auto cited = extract_metadata(
      "Căn cứ Quyết định số 12/2015/QĐ-UBND ngày 02/3/2015 của UBND tỉnh An Lạc;\n");
  ASSERT_EQ(cited.citations.size(), 1u);
  EXPECT_EQ(cited.citations[0].issuer, "UBND tỉnh An Lạc");
}

// From half B (after its figure was measured). A plan sent as a letter whose symbol parts its
// groups with a dot; a district office named with its district's name but not its level; a
// form's unit label in place of ô 2.
TEST(HeadlessSchoolPages, a_plan_sent_as_a_letter_with_a_dot_in_its_symbol) {
  const std::string plan =
      "PHÒNG GD&ĐT AN LẠC              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
      "TRƯỜNG THCS HÒA BÌNH                Độc lập – Tự do – Hạnh phúc\n\n"
      "    Số:  05 /KH.THCS                          Hòa Bình, ngày 20  tháng 5 năm 2015\n\n"
      "V/v kế hoạch tuyển sinh\n\nlớp 6 năm học 2015-2016\n\n"
      "        Kính gửi:   - Ủy ban nhân dân xã Hòa Bình\n\n"
      "                    - Các trường tiểu học thuộc xã Hòa Bình\n\n"
      "   Thực hiện kế hoạch tuyển sinh năm học 2015-2016 của Phòng Giáo dục và Đào tạo;\n";
  const auto metadata = extract_metadata(plan);
  EXPECT_EQ(metadata.type, "Kế hoạch");
  EXPECT_EQ(metadata.type_code, "KH");
  EXPECT_EQ(metadata.title, "kế hoạch tuyển sinh lớp 6 năm học 2015-2016");
  // Control: a letter's symbol (the issuer's code first) keeps it a công văn.
  std::string letter = plan;
  letter.replace(letter.find("05 /KH.THCS"), std::string("05 /KH.THCS").size(), "05 /THCS-VP");
  EXPECT_EQ(extract_metadata(letter).type, "Công văn");
}

TEST(HeadlessSchoolPages, a_district_office_named_without_its_level) {
  const std::string letter =
      "Công văn số 160/PGDĐT V/v phòng chống đuối nước\n\n  Kính gửi: Hiệu trưởng các đơn vị "
      "trường học trong toàn huyện\n\nĐể tăng cường phòng chống đuối nước trong trường học, Phòng "
      "Giáo dục và Đào tạo An Lạc yêu cầu Hiệu trưởng các đơn vị trường học trong toàn huyện thực "
      "hiện một số nhiệm vụ như sau:\n\n1. Tăng cường tuyên truyền.\n";
  EXPECT_EQ(extract_metadata(letter).issuer, "Phòng Giáo dục và Đào tạo huyện An Lạc");
  // Controls: a text that names two levels (a huyện and a quận) leaves the name as written.
  std::string two = letter;
  two.replace(two.find("1. Tăng cường"), std::string("1. Tăng cường").size(),
              "1. Phối hợp với quận bạn, tăng cường");
  EXPECT_EQ(extract_metadata(two).issuer, "Phòng Giáo dục và Đào tạo An Lạc");
}

TEST(HeadlessSchoolPages, a_forms_unit_label_in_place_of_the_issuer) {
  const std::string disclosure =
      "                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
      "Đơn vị : Trường  Mầm non  Hoa Sen \n\nTHÔNG BÁO\n\nCÔNG KHAI DỰ TOÁN THU - CHI NĂM HỌC "
      "2017 -2018\n\n          Đơn vị tính: Đồng\n\nSTT\n\nChỉ tiêu\n\nMức thu\n\n1\n\nThu học "
      "phí\n\n50.000\n";
  EXPECT_EQ(extract_metadata(disclosure).issuer, "Trường Mầm non Hoa Sen");
  // Controls: the unit of measure alone names no issuer; nor does a label that names no body.
  std::string measure = disclosure;
  measure.replace(measure.find("Đơn vị : Trường  Mầm non  Hoa Sen "),
                  std::string("Đơn vị : Trường  Mầm non  Hoa Sen ").size(), "");
  EXPECT_FALSE(extract_metadata(measure).issuer.has_value());
  std::string vague = disclosure;
  vague.replace(vague.find("Trường  Mầm non  Hoa Sen"),
                std::string("Trường  Mầm non  Hoa Sen").size(), "các lớp học");
  EXPECT_FALSE(extract_metadata(vague).issuer.has_value());
}

}  // namespace
}  // namespace vanban::analyzers
