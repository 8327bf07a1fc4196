// Session 30 (unseen24 studied): schools' and their Young Pioneers' documents, as their sites
// and converters give them, on made-up text. A school's level spelled out or abbreviated after
// "Trường" and its own name capitalised; an abbreviation a converter ran into the word beside it
// in a header cell; a number whose type code is left blank with it; a trích yếu's last line
// above the enacting authority; a portal's posting time with its weekday and its print button; a
// Liên đội under its district's Hội đồng Đội; a date word glued to its number; a headless notice
// whose school names itself as it notifies the parents. Each rule with controls that show what it
// must not touch.
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "structure/headless.hpp"
#include "structure/number_lists.hpp"
#include "structure/tables.hpp"
#include "structure/unglue.hpp"

namespace vanban::analyzers {
namespace {

using structure::blank_number_at;
using structure::posting_line;
using structure::proper_case_name;
using structure::proper_case_title;
using structure::unglue_words;
using structure::with_known_names_as_written;

const std::string kMotto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n";

std::string school_decision(const std::string& header, const std::string& number_line) {
  return header + kMotto + number_line + "\nTân Yên, ngày 4 tháng 5 năm 2020\n\nQUYẾT ĐỊNH\n" +
         "Về việc phê duyệt danh mục sách giáo khoa năm học 2020-2021\n\n" +
         "HIỆU TRƯỞNG TRƯỜNG TIỂU HỌC\n\nCăn cứ Thông tư số 28/2020/TT-BGDĐT ngày 04/9/2020 " +
         "của Bộ Giáo dục và Đào tạo;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Phê duyệt danh mục.\n";
}

// Luật Giáo dục 2019, Điều 6: mầm non (mẫu giáo), tiểu học, trung học cơ sở, trung học phổ
// thông. After its level a school's own name (a place's or a person's) is capitalised word by
// word, as "Trung học cơ sở" already had it.
TEST(SchoolPages, every_level_of_school_keeps_its_own_name_capitalised) {
  EXPECT_EQ(proper_case_name("TRƯỜNG TIỂU HỌC QUANG TRUNG"), "Trường Tiểu học Quang Trung");
  EXPECT_EQ(proper_case_name("TRƯỜNG MẦM NON HOA SEN"), "Trường Mầm non Hoa Sen");
  EXPECT_EQ(proper_case_name("TRƯỜNG MẪU GIÁO BÌNH MINH"), "Trường Mẫu giáo Bình Minh");
  // The level abbreviated right after "Trường".
  EXPECT_EQ(proper_case_name("TRƯỜNG TH NGỌC LÂM 2"), "Trường Tiểu học Ngọc Lâm 2");
  EXPECT_EQ(proper_case_name("TRƯỜNG MN HƯƠNG SEN"), "Trường Mầm non Hương Sen");
  EXPECT_EQ(proper_case_name("TRƯỜNG TH&THCS AN LẠC"), "Trường Tiểu học và Trung học cơ sở An Lạc");
  EXPECT_EQ(structure::expand_abbreviations("Trường TH Ngọc Lâm 2"), "Trường Tiểu học Ngọc Lâm 2");
  // Controls: elsewhere "TH" is a code ("tổng hợp" of a register); in a title the levels are
  // common nouns; a district's Phòng keeps its place.
  EXPECT_EQ(proper_case_name("TỔ TH"), "Tổ TH");
  EXPECT_EQ(structure::expand_abbreviations("Lưu: VT, TH."), "Lưu: VT, TH.");
  EXPECT_EQ(proper_case_title("DẠY HỌC HAI BUỔI MỘT NGÀY Ở TIỂU HỌC NĂM HỌC 2020-2021"),
            "Dạy học hai buổi một ngày ở tiểu học năm học 2020-2021");
  EXPECT_EQ(proper_case_name("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN TÂN YÊN"),
            "Phòng Giáo dục và Đào tạo huyện Tân Yên");

  const auto metadata = extract_metadata(
      school_decision("PHÒNG GD&ĐT TÂN YÊN\nTRƯỜNG TIỂU HỌC QUANG CHÂU\n", "Số: 12/QĐ-THQC"));
  EXPECT_EQ(metadata.issuer, "Trường Tiểu học Quang Châu");
}

// A converter that sets a cell's runs apart loses the space between them: an abbreviation of the
// chủ quản line run into the level after it, a school's level code run into "TRƯỜNG".
TEST(SchoolPages, an_abbreviation_run_into_the_word_beside_it) {
  EXPECT_EQ(unglue_words("UBNDTHÀNH PHỐ HÀ NỘI").value_or(""), "UBND THÀNH PHỐ HÀ NỘI");
  EXPECT_EQ(unglue_words("UBNDTỈNH QUẢNG NAM").value_or(""), "UBND TỈNH QUẢNG NAM");
  EXPECT_EQ(unglue_words("  TRƯỜNGMN MAI VÀNG").value_or(""), "  TRƯỜNG MN MAI VÀNG");
  EXPECT_EQ(unglue_words("TRƯỜNGTHCS AN LẠC").value_or(""), "TRƯỜNG THCS AN LẠC");
  // Controls: codes of a symbol, a code without a syllable after it, a syllable alone, a code
  // glued to a digit or a slash.
  EXPECT_FALSE(unglue_words("Số: 12/QĐ-UBNDTP").has_value());
  EXPECT_FALSE(unglue_words("UBNDTP HÀ NỘI").has_value());
  EXPECT_FALSE(unglue_words("TRƯỜNG HỌC").has_value());
  EXPECT_FALSE(unglue_words("UBNDHUYỆN2").has_value());
  EXPECT_FALSE(unglue_words("TRƯỜNGTHPTX").has_value());

  const std::string letter =
      "UBNDTHÀNH PHỐ HÀ NỘI\n\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n\nSố: 3929/SGD&ĐT-GDTX\n\n"
      "V/v hướng dẫn công tác tuyển sinh\n\n" +
      kMotto +
      "\nHà Nội, ngày 19 tháng 10 năm 2016\n\nKính gửi: Hiệu trưởng các trường\n\n"
      "Sở Giáo dục và Đào tạo hướng dẫn như sau.\n";
  EXPECT_EQ(extract_metadata(letter).issuer, "Sở Giáo dục và Đào tạo thành phố Hà Nội");
  const std::string plan =
      "PHÒNG GD-ĐT CAM LÂM        CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
      "  TRƯỜNGMN HOA ĐÀO                     Độc lập- Tự do - Hạnh phúc\n\n"
      "         Số: 16 /KH-MNHĐ                Cam Hải Đông,  ngày  01 tháng 02 năm 2021\n\n"
      "KẾ HOẠCH\n\nCông tác phòng, chống dịch năm 2021\n\nThực hiện công văn số 44/PGDĐT-YT "
      "ngày 01/02/2021 của Phòng Giáo dục và Đào tạo Cam Lâm;\n";
  EXPECT_EQ(extract_metadata(plan).issuer, "Trường Mầm non Hoa Đào");
}

// ND30 Phụ lục III's "Số: .../QĐ-<CQ>" with both blanks unfilled: the issuer's code after "/-".
TEST(SchoolPages, a_number_whose_type_code_is_blank_too) {
  const auto at_slash = [](std::string_view line) { return blank_number_at(line, line.find('/')); };
  const std::string line = "Số:    /-THNT2";
  const auto blank = at_slash(line);
  ASSERT_TRUE(blank.has_value());
  EXPECT_EQ(blank->first, "/-THNT2");
  EXPECT_EQ(blank->second, line.size());
  // The usual blank number, as before; controls: a dash with nothing after it, a sentence.
  EXPECT_EQ(at_slash("Số: /KH-UBND").value_or(std::pair<std::string, std::size_t>{}).first,
            "/KH-UBND");
  EXPECT_FALSE(at_slash("Số: /- ").has_value());
  EXPECT_FALSE(at_slash("Số: /-và các").has_value());

  const auto metadata = extract_metadata(
      school_decision("PHÒNG GD&ĐT TÂN YÊN\n\nTRƯỜNG TH NGỌC THIỆN 2\n\n", "Số:    /-THNT2\n"));
  EXPECT_EQ(metadata.number, "/-THNT2");
  EXPECT_EQ(metadata.issuer, "Trường Tiểu học Ngọc Thiện 2");
  EXPECT_EQ(metadata.type, "Quyết định");
}

// ND30 sets nothing between ô 5a and the body but the enacting authority and a rule: a short
// line in running case after the trích yếu's open end, before the authority in capitals, is the
// trích yếu's (a school year a site's editor put on a line of its own).
TEST(SchoolPages, the_last_line_of_a_trich_yeu_above_the_enacting_authority) {
  const std::string decision =
      "PHÒNG GD&ĐT VIỆT YÊN\n\nTRƯỜNG TIỂU HỌC QUANG CHÂU\n\nSố: 15/QĐ-THQC\n\n" + kMotto +
      "\nQuang Châu, ngày 20 tháng 5 năm 2021\n\nQUYẾT ĐỊNH\n\n"
      "Về việc khen thưởng học sinh có thành tích trong học tập\n\n Năm học 2020 - 2021\n\n\n"
      "HIỆU TRƯỞNG TRƯỜNG TIỂU HỌC QUANG CHÂU\n\nCăn cứ Thông tư số 22/2016/TT-BGDĐT ngày "
      "22/9/2016 của Bộ Giáo dục và Đào tạo;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Khen thưởng.\n";
  EXPECT_EQ(extract_metadata(decision).title,
            "Về việc khen thưởng học sinh có thành tích trong học tập Năm học 2020 - 2021");
  // Control: a sentence of the body between the title and the authority ends the title.
  std::string noted = decision;
  noted.replace(noted.find(" Năm học 2020 - 2021"), std::string(" Năm học 2020 - 2021").size(),
                "Nhà trường đã họp xét và thống nhất danh sách khen thưởng của các lớp trong năm "
                "học vừa qua theo đề nghị của giáo viên chủ nhiệm.");
  EXPECT_EQ(extract_metadata(noted).title,
            "Về việc khen thưởng học sinh có thành tích trong học tập");
}

// A content system's posting time: the weekday, the date with its month's word, the clock
// (Joomla's Vietnamese "Thứ ba, 18 Tháng 4 2017 15:04"); its print button "In" above it.
TEST(SchoolPages, a_posting_time_with_its_weekday_and_the_print_button) {
  EXPECT_TRUE(posting_line("Thứ ba, 18 Tháng 4 2017 15:04"));
  EXPECT_TRUE(posting_line("Chủ nhật, 02 Tháng 10 2016 08:30"));
  EXPECT_TRUE(posting_line("18 tháng 4 2017 15:04"));
  // Controls: ô 4's date (no clock), a sentence that opens with a weekday.
  EXPECT_FALSE(posting_line("Thứ ba, ngày 18 tháng 4 năm 2017"));
  EXPECT_FALSE(posting_line("Thứ ba, 18 Tháng 4 2017 họp lúc 15:04"));
  EXPECT_FALSE(posting_line("Thứ ba, 18 Tháng 4 2017"));

  const std::string page =
      "Công văn số 550/SGDĐT-GDTX: V/v hướng dẫn tổ chức Ngày Sách Việt Nam lần thứ 4\n\nIn\n\n"
      "Thứ ba, 18 Tháng 4 2017 15:04\n\nGDTX\n\nSố: 550/SGDĐT-GDTX, ngày 14 tháng 4 năm 2017\n\n"
      "Kính gửi:\n  - Phòng Giáo dục và Đào tạo các huyện, thành phố;\n"
      "  - Các đơn vị trực thuộc Sở.\n\nThực hiện Công văn số 1381/BGDĐT-GDTX ngày 05 tháng 4 "
      "năm 2017 của Bộ Giáo dục và Đào tạo về việc tổ chức Ngày Sách Việt Nam lần thứ 4;\n";
  EXPECT_EQ(extract_metadata(page).title, "hướng dẫn tổ chức Ngày Sách Việt Nam lần thứ 4");
  // Control: without the posting line below, the subject's last word stays.
  std::string without = page;
  without.replace(without.find("Thứ ba, 18 Tháng 4 2017 15:04"),
                  std::string("Thứ ba, 18 Tháng 4 2017 15:04").size(), "");
  EXPECT_NE(extract_metadata(without).title.value_or("").find(" In"), std::string::npos);
}

// The Young Pioneers' documents (Điều lệ Đội TNTP Hồ Chí Minh): ô 2 holds the district's Hội
// đồng Đội above the school's Liên đội, the Đội's own name in ô 1's place.
TEST(SchoolPages, a_lien_doi_under_its_district_council) {
  const std::string plan =
      "HĐĐ HUYỆN ĐỒNG HỶ                             ĐỘI TNTP HỒ CHÍ MINH\n\n"
      "LIÊN ĐỘI THCS MINH LẬP\n\n"
      "                Số:    /KH-LĐ                                 Minh Lập, ngày 27 tháng 11 "
      "năm 2019\n\nKẾ HOẠCH\n\nCông tác Đội và phong trào thiếu nhi tháng 12năm học 2019 - 2020\n\n"
      "Chủ đề: “Tự hào anh bộ đội cụ Hồ”\n\n1. Tổ chức sơ kết tháng 11.\n";
  const auto metadata = extract_metadata(plan);
  EXPECT_EQ(metadata.issuer, "Liên đội Trung học cơ sở Minh Lập");
  EXPECT_EQ(metadata.number, "/KH-LĐ");
  // A date word glued to the number before it.
  EXPECT_EQ(metadata.title, "Công tác Đội và phong trào thiếu nhi tháng 12 năm học 2019 - 2020");
  EXPECT_EQ(unglue_words("ngày 5tháng 3").value_or(""), "ngày 5 tháng 3");
  // Controls: a unit or a code after digits, a word that only begins like a date word.
  EXPECT_FALSE(unglue_words("52.000đ mỗi tháng, 15kg").has_value());
  EXPECT_FALSE(unglue_words("lớp 12nămxyz").has_value());
}

// A school's notice as its site gives it, without header: the school named as it notifies the
// parents ("<school> thông báo cho phụ huynh ..."); its level written as the table writes it.
TEST(SchoolPages, a_headless_notice_whose_school_notifies_the_parents) {
  const std::string notice =
      "Thực hiện công văn số 27/CV-PGDĐT v/v cho học sinh nghỉ học phòng chống dịch bệnh.\n\n"
      "       Trường Mầm Non Hoa Cúc thông báo cho phụ huynh có con em đang học tại trường tiếp "
      "tục nghỉ học trong 03 ngày từ ngày 03 - 05/02/2020.Trong thời gian học sinh nghỉ học, "
      "nhà trường tổng vệ sinh.\n\n        Tiếp tục theo dõi các thông báo của nhà trường.\n";
  const auto metadata = extract_metadata(notice);
  EXPECT_EQ(metadata.issuer, "Trường Mầm non Hoa Cúc");
  // The sentence says who writes, not what the text is: no type is read from it. The "v/v" of
  // the letter its grounds clause cites is that letter's subject, not this page's title.
  EXPECT_FALSE(metadata.type.has_value());
  EXPECT_FALSE(metadata.title.has_value());
  EXPECT_EQ(with_known_names_as_written("Ủy Ban Nhân Dân xã An Lạc"), "Ủy ban nhân dân xã An Lạc");
  // Controls: a body by its kind alone ("Nhà trường", "Trường") names no issuer; a known name
  // written as the table writes it stays.
  std::string bare = notice;
  bare.replace(bare.find("Trường Mầm Non Hoa Cúc"), std::string("Trường Mầm Non Hoa Cúc").size(),
               "Nhà trường");
  EXPECT_FALSE(extract_metadata(bare).issuer.has_value());
  EXPECT_EQ(with_known_names_as_written("Ủy ban nhân dân Phường 1"), "Ủy ban nhân dân Phường 1");
}

// From half B (after its figure was measured). A school's notice that names its school in
// running case with the level in lower case, sends its notice "kính gửi" (a courtesy before the
// verb), and cites another letter with its "v/v" inside a sentence; a school under its district's
// People's Committee keeps no place in its name.
TEST(SchoolPages, a_notice_sent_with_a_courtesy_and_a_letter_cited_inside_a_sentence) {
  const std::string notice =
      "THÔNG BÁO TẠM DỪNG ĐẾN TRƯỜNG\n\nTrường mẫu giáo Sao Mai xin thông báo đến Quý phụ "
      "huynh:\n\n     Ngày 11/03/2022. Sở y tế Bình Phước ban hành công văn số 846/SYT-NV v/v "
      "phân loại cấp độ dịch covid 19\n\nVì vậy các bé tiếp tục tạm dừng đến trường.\n";
  const auto metadata = extract_metadata(notice);
  EXPECT_EQ(metadata.issuer, "Trường Mẫu giáo Sao Mai");
  EXPECT_NE(metadata.title, std::optional<std::string>("phân loại cấp độ dịch covid 19"));
  EXPECT_EQ(with_known_names_as_written("Trường mầm non Sao Mai"), "Trường Mầm non Sao Mai");
  // Control: a level of education in running text, no school's name.
  EXPECT_EQ(with_known_names_as_written("giáo dục mầm non"), "giáo dục mầm non");

  const std::string sent =
      "Thực hiện công văn số 460/UBND-KGVX ngày 15/02/2021 của UBND Thành phố Hà Nội về việc "
      "tạm dừng đến trường. Trường MN Sao Mai kính gửi thông báo đến quý phụ huynh\n\n"
      " Học sinh toàn trường tạm dừng đến trường từ ngày 17/02/2021.\n";
  EXPECT_EQ(extract_metadata(sent).issuer, "Trường Mầm non Sao Mai");
  // Control: "kính gửi" addressing a letter ("Kính gửi: ...") is no sentence of a notice.
  EXPECT_FALSE(extract_metadata("Kính gửi: Trường MN Sao Mai\n\nĐề nghị nhà trường báo cáo.\n")
                   .issuer.has_value());
}

TEST(SchoolPages, a_school_under_its_district_keeps_no_place) {
  const std::string plan = "UBND HUYỆN LẤP VÒ\nTRƯỜNG THCS MỸ AN HƯNG A\n" + kMotto +
                           "Số: 12/KH-THCS\nMỹ An Hưng A, ngày 19 tháng 4 năm 2022\n\nKẾ HOẠCH\n"
                           "Tổ chức Ngày Sách năm 2022\n\nCăn cứ Kế hoạch số 4/KH-PGDĐT;\n";
  EXPECT_EQ(extract_metadata(plan).issuer, "Trường Trung học cơ sở Mỹ An Hưng A");
  // Control: a Sở under its province's committee takes the province.
  const std::string department = "UBND TỈNH ĐỒNG THÁP\nSỞ NỘI VỤ\n" + kMotto +
                                 "Số: 12/KH-SNV\nĐồng Tháp, ngày 19 tháng 4 năm 2022\n\nKẾ HOẠCH\n"
                                 "Tổ chức Ngày Sách năm 2022\n\nCăn cứ Kế hoạch số 4/KH-UBND;\n";
  EXPECT_EQ(extract_metadata(department).issuer, "Sở Nội vụ tỉnh Đồng Tháp");
}

}  // namespace
}  // namespace vanban::analyzers
