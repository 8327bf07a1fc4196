// Session 17 (unseen12 studied): rules on made-up text. A Party committee's standing bodies act
// in its name; a committee named by its level takes the one place the text gives it; a header's
// "V/v" makes a công văn whatever the body cites; the State's name with its middle words run
// together; a "số" whose hat an OCR engine lost; one letter of a type's name read for another.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kPartyBody =
    "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao trách nhiệm của các cấp ủy, tổ chức đảng.\n\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n\n1. Các cấp ủy đảng tổ chức quán triệt chỉ thị này.\n";

// HD 36-HD/VPTW: the standing committee's documents carry the committee's ô 2 ("TỈNH ỦY ...")
// and its number ("-CT/TU"); the issuer facet lists the committee, one value per body.
TEST(PartyPages, a_standing_committee_issues_in_its_committee_s_name) {
  const auto metadata = extract_metadata(
      "Cổng thông tin\n\nNgày 6/8, Ban Thường vụ Tỉnh ủy Hòa Bình đã ban hành Chỉ thị số 9 về "
      "tăng cường công tác dân vận.\nNội dung như sau:\n\n" +
      kPartyBody);
  EXPECT_EQ(metadata.issuer, "Tỉnh ủy Hòa Bình");
  const auto members = extract_metadata(
      "Ngày 2/3, Thường trực Huyện ủy Mai Châu đã ban hành Kế hoạch số 12 về tổ chức hội nghị.\n"
      "Nội dung như sau:\n\n" +
      kPartyBody);
  EXPECT_EQ(members.issuer, "Huyện ủy Mai Châu");
  // The Standing Committee of the National Assembly is a State body with a name of its own.
  const auto assembly = extract_metadata(
      "Ủy ban Thường vụ Quốc hội ban hành Nghị quyết về sắp xếp đơn vị hành chính.\n\n" +
      kPartyBody);
  EXPECT_NE(assembly.issuer, "Quốc hội");
}

// A committee named by its level alone takes the place the text gives its organisation or
// itself at that level; two places, or none, leave it as named.
TEST(PartyPages, a_committee_named_by_its_level_takes_the_one_place_the_text_gives) {
  const auto organisation = extract_metadata(
      "Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Hòa Bình lần "
      "thứ XVIII\n\nĐể thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Hòa Bình lần thứ XVIII, "
      "Ban Chấp hành Đảng bộ tỉnh xây dựng Chương trình hành động như sau:\n\n" +
      kPartyBody);
  EXPECT_EQ(organisation.issuer, "Tỉnh ủy Hòa Bình");
  const auto standing = extract_metadata(
      "CHƯƠNG TRÌNH\nThực hiện Chỉ thị 05-CT/TW của Bộ Chính trị\n\nThực hiện Chỉ thị 05-CT/TW, "
      "Ban Thường vụ Tỉnh ủy (khóa XV) ban hành chương trình thực hiện như sau:\n\n" +
      kPartyBody + "\nCác huyện ủy báo cáo Tỉnh ủy Hòa Bình trước ngày 15/12.\n");
  EXPECT_EQ(standing.issuer, "Tỉnh ủy Hòa Bình");
  const auto two_places = extract_metadata(
      "CHƯƠNG TRÌNH\nPhối hợp giữa hai tỉnh\n\nThực hiện Chỉ thị 05-CT/TW, Ban Thường vụ Tỉnh ủy "
      "(khóa XV) ban hành chương "
      "trình phối hợp với Tỉnh ủy Sơn La và Tỉnh ủy Hòa Bình như sau:\n\n" +
      kPartyBody);
  // Two places, or none: "Tỉnh ủy" alone names every province's committee, so no issuer.
  EXPECT_EQ(two_places.issuer, std::nullopt);
  const auto none = extract_metadata(
      "CHƯƠNG TRÌNH\nThực hiện Chỉ thị 05-CT/TW\n\nThực hiện Chỉ thị 05-CT/TW, Ban Thường vụ Tỉnh "
      "ủy (khóa XV) ban hành "
      "chương trình thực hiện như sau:\n\n" +
      kPartyBody);
  EXPECT_EQ(none.issuer, std::nullopt);
}

// A portal's lead that names the document, then its editor's line introducing the text ("xin
// đăng toàn văn ...:", "Nội dung Chỉ thị như sau:"), names the text below: its type, and its
// number and date when the lead gives the symbol; a bare "số 17" is no number as written.
TEST(PartyPages, a_lead_and_the_editor_s_line_under_it_name_the_text_below) {
  const auto numbered = extract_metadata(
      "Tìm kiếm tin tức\nNgày 23/8/2017, Tỉnh ủy Hòa Bình đã ban hành Chương trình số 27-CTr/TU "
      "về thực hiện Chỉ thị 13-CT/TW của Ban Bí thư.\n\nBan quản trị xin đăng toàn văn Chương "
      "trình này:\n\nCHƯƠNG TRÌNH\nThực hiện Chỉ thị 13-CT/TW của Ban Bí thư\n\n" +
      kPartyBody);
  EXPECT_EQ(numbered.number, "27-CTr/TU");
  EXPECT_EQ(numbered.date, "2017-08-23");
  EXPECT_EQ(numbered.type, "Chương trình");
  const auto bare = extract_metadata(
      "Ngày 6/8, Ban Thường vụ Tỉnh ủy Hòa Bình đã ban hành Chỉ thị số 17 về tăng cường công tác "
      "dân vận.\nNội dung Chỉ thị như sau:\n" +
      kPartyBody);
  EXPECT_EQ(bare.type, "Chỉ thị");
  EXPECT_EQ(bare.type_code, "CT");
  EXPECT_EQ(bare.number, std::nullopt);
  // A lead that only reports, with no line introducing the text, names nothing.
  const auto report = extract_metadata(
      "Ngày 6/8, Ban Thường vụ Tỉnh ủy Hòa Bình đã ban hành Chỉ thị số 17 về tăng cường công tác "
      "dân vận.\nTheo đó, các cấp ủy tăng cường lãnh đạo.\n\n" +
      kPartyBody);
  EXPECT_EQ(report.type, std::nullopt);
}

// ND30 ô 5b: a header whose only subject is "V/v ..." (no type heading) is a công văn's, and its
// number (ô 3) stands above that subject: the body's citations below it name other types.
TEST(HeaderTypes, a_v_v_header_is_a_cong_van_s_whatever_the_body_cites) {
  const auto metadata = extract_metadata(
      "BỘ NỘI VỤ\nSố: 4&† /BNV-CCVC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 12 tháng 3 năm 2026\nV/v tuyển dụng công chức\n"
      "Kính gửi: Các bộ, cơ quan ngang bộ.\n"
      "Trên cơ sở Báo cáo của Bộ Tư pháp tại văn bản số 279/BC-BTP ngày 28 tháng 4 năm 2026, "
      "Bộ Nội vụ có ý kiến như sau:\n\n1. Các bộ rà soát chỉ tiêu.\n");
  EXPECT_EQ(metadata.type, "Công văn");
  EXPECT_EQ(metadata.title, "tuyển dụng công chức");
  // A notation in the number's place that names a type says otherwise.
  const auto report = extract_metadata(
      "BỘ NỘI VỤ\nSố: 4&† /BC-BNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 12 tháng 3 năm 2026\nV/v tuyển dụng công chức\n"
      "Kính gửi: Các bộ, cơ quan ngang bộ.\n\n1. Các bộ rà soát chỉ tiêu.\n");
  EXPECT_NE(report.type, "Công văn");
}

// Ô 1's first four words name the State alone; with "CHỦ NGHĨA" run together by a scan's engine,
// what stood for the rest of the name goes with them, and the issuer cell is left as it was.
TEST(HeaderTypes, the_state_s_name_with_its_middle_words_run_together_is_no_issuer_s) {
  const auto metadata = extract_metadata(
      "UBND HUYỆN MAI CHÂU\nPHÒNG TƯ PHÁP\nSố: L2 /BC-TĐ\nCỘNG HÒA XÃ HỘI HỦNGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nMai Châu, ngày 12 tháng 6 năm 2022\nBÁO CÁO\n"
      "Kết quả thẩm định dự thảo quyết định\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
      "Phòng Tư pháp có ý kiến như sau.\n");
  EXPECT_EQ(metadata.issuer, "Phòng Tư pháp huyện Mai Châu");
}

// "só 93/2025/QH15": the hat of "số" lost before a number; the label all the same, so a law
// cited by its short name and number is cited by the number, and no name runs on into "só".
TEST(RecognitionSlips, a_so_label_that_lost_its_hat_before_a_number_is_so) {
  const auto metadata = extract_metadata(
      "CỤC THUẾ\nSố: 12/CT-CS\nHà Nội, ngày 08 tháng 4 năm 2026\nV/v chính sách thuế\n\n"
      "Kính gửi: Công ty A.\n\nTheo quy định của Luật KHCN và ĐMST só 93/2025/QH15 thì doanh "
      "nghiệp được ưu đãi.\nĐã có số liệu.\n");
  ASSERT_EQ(metadata.citations.size(), 1u);
  EXPECT_EQ(metadata.citations[0].number, "93/2025/QH15");
  // "sổ" (a register) is a word of its own and stays.
  const auto book = extract_metadata(
      "CỤC THUẾ\nSố: 12/CT-CS\nHà Nội, ngày 08 tháng 4 năm 2026\nV/v chính sách thuế\n\n"
      "Kính gửi: Công ty A.\n\nDoanh nghiệp ghi vào Luật Kế toán sổ 93/2025 thì được.\n");
  for (const auto& citation : book.citations)
    EXPECT_NE(citation.number, "93/2025");
}

// An OCR layer without marks reads one letter of a type's name as another of like shape (l for
// i, o for ư): the symbol's own type code vouches for the name, once per name.
TEST(RecognitionSlips, one_letter_of_a_type_s_name_read_for_another_is_the_name_s) {
  const auto metadata = extract_metadata(
      "UY BAN NHAN DAN TINH HOA BINH\nSo: 35/QD-UBND\nHoa Binh, ngay 20 thang 02 nam 2025\n"
      "QUYET DINH\nVe viec cong bo thu tuc hanh chinh\n\n"
      "Can cu Nghl dinh SO 63/2010/ND-CP ngay 08 thang 6 nam 2010 cua Chinh phu;\n"
      "Can cu Thong to so 02/2017/TT-VPCP ngay 31 thang 10 nam 2017 cua Van phong;\n"
      "Can cu Nghx dlnh so 108/2021/ND-CP ngay 06 thang 12 nam 2021 cua Chinh phu;\n"
      "Can cu Nghi Binh so 109/2021/ND-CP ngay 06 thang 12 nam 2021 cua Chinh phu;\n");
  std::vector<std::string> numbers;
  for (const auto& citation : metadata.citations)
    if (citation.number) numbers.push_back(*citation.number);
  EXPECT_NE(std::find(numbers.begin(), numbers.end(), "63/2010/ND-CP"), numbers.end());
  EXPECT_NE(std::find(numbers.begin(), numbers.end(), "02/2017/TT-VPCP"), numbers.end());
  // Two letters of the name read for others, or its first letter ("Binh" for "định"), are more
  // than the code vouches for.
  EXPECT_EQ(std::find(numbers.begin(), numbers.end(), "108/2021/ND-CP"), numbers.end());
  EXPECT_EQ(std::find(numbers.begin(), numbers.end(), "109/2021/ND-CP"), numbers.end());
}

}  // namespace
}  // namespace vanban::analyzers
