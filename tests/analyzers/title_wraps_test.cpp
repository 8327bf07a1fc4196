// A trích yếu (ND30 ô 5a) wrapped over three or four lines of a narrow cell or a PDF text layer,
// its lines ending inside the phrase and opening with a capitalised word as often as not, right
// before the body's opening ("Kính gửi:", "Căn cứ", "Thực hiện"): ND30 sets nothing between the
// trích yếu and the body but the enacting authority (in capitals) and a rule, so the short lines
// in running case there are the title's. A trích yếu that lists its subjects by numbered items
// ("(1) ...; (2) ...") goes on after an item's semicolon when the next line opens with the next
// item. Controls: a body paragraph's long lines, a line that ends a sentence, a line after the
// semicolon that opens no next item, stay out of the title.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "layout_renderer.hpp"

namespace vanban::analyzers {
namespace {

std::string binh_an_submission(const std::string& title_lines) {
  return "ỦY BAN NHÂN DÂN\nTHỊ TRẤN ĐỒNG TÂM\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
         "Số: 41/TTr-UBND\n\nĐộc lập - Tự do - Hạnh phúc\nĐồng Tâm, ngày 12 tháng 9 năm 2026\n\n"
         "TỜ TRÌNH\n" +
         title_lines +
         "\nKính gửi: Ủy ban nhân dân huyện Bình Lâm\nCăn cứ Luật Giáo dục năm 2019;\nỦy ban nhân "
         "dân thị trấn kính trình Ủy ban nhân dân huyện xem xét.\n\nNơi nhận:\n- Như trên;\n- "
         "Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn Khải\n";
}

constexpr const char* kFourLineTitle =
    "Về việc đề nghị công nhận thị trấn Đồng Tâm đạt chuẩn Xóa mù chữ và Phổ cập giáo dục "
    "trung học cơ sở mức độ 3 năm 2026";

TEST(TitleWraps, a_title_of_four_lines_before_the_address_is_whole) {
  const std::string lines =
      "Về việc đề nghị công nhận thị trấn Đồng Tâm đạt chuẩn\nXóa mù chữ và Phổ cập giáo dục\n"
      "trung học cơ sở mức độ 3 năm 2026";
  const auto metadata = extract_metadata(binh_an_submission(lines));
  EXPECT_EQ(metadata.type, "Tờ trình");
  EXPECT_EQ(metadata.title, kFourLineTitle);
}

TEST(TitleWraps, every_layout_family_gives_the_whole_wrapped_title) {
  const std::string lines =
      "Về việc đề nghị công nhận thị trấn Đồng Tâm đạt chuẩn\nXóa mù chữ và Phổ cập giáo dục\n"
      "trung học cơ sở mức độ 3 năm 2026";
  const testing::DocumentParts parts =
      testing::read_parts(binh_an_submission(lines), "Trần Văn Khải");
  for (const testing::Layout layout : testing::kTextLayouts) {
    const std::string rendered = testing::render(parts, layout);
    EXPECT_EQ(extract_metadata(rendered).title, kFourLineTitle)
        << testing::layout_name(layout) << "\n"
        << rendered;
  }
}

std::string binh_an_plan(const std::string& after_heading) {
  return "ỦY BAN NHÂN DÂN\nXÃ ĐỒNG TÂM\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 12/KH-UBND\n\n"
         "Độc lập - Tự do - Hạnh phúc\nĐồng Tâm, ngày 5 tháng 3 năm 2026\n\nKẾ HOẠCH\n" +
         after_heading +
         "\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nBảo đảm vệ sinh môi trường trên địa bàn xã.\n\n"
         "Nơi nhận:\n- Các thôn;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Sơn\n";
}

TEST(TitleWraps, the_lines_of_a_body_paragraph_before_the_opening_stay_out) {
  // The title ends open ("... trên địa bàn xã"); the two lines after it are a paragraph's, long
  // as a page's width, not a centred title's.
  const auto metadata = extract_metadata(binh_an_plan(
      "Thu gom rác thải sinh hoạt trên địa bàn xã\nNhằm nâng cao nhận thức của cán bộ, đảng "
      "viên và Nhân dân trong việc phân loại, thu gom và xử lý\nrác thải sinh hoạt tại hộ gia "
      "đình, Ủy ban nhân dân xã xây dựng kế hoạch thực hiện năm 2026 như sau"));
  EXPECT_EQ(metadata.title, "Thu gom rác thải sinh hoạt trên địa bàn xã");
}

TEST(TitleWraps, a_line_that_ends_a_sentence_before_the_opening_stays_out) {
  const auto metadata = extract_metadata(
      binh_an_plan("Thu gom rác thải sinh hoạt trên địa bàn xã\nNăm 2026 là năm đầu tiên\n"
                   "Các thôn triển khai ngay."));
  EXPECT_EQ(metadata.title, "Thu gom rác thải sinh hoạt trên địa bàn xã");
}

TEST(TitleWraps, a_title_listing_numbered_subjects_goes_on_after_an_items_semicolon) {
  const auto metadata = extract_metadata(
      binh_an_plan("Khắc phục ba điểm nghẽn về (1) Ngập úng khu dân cư;\n(2) Lấn chiếm lòng "
                   "đường; (3) Rác thải sinh hoạt,\nnước thải trên địa bàn xã Đồng Tâm\n"
                   "Thực hiện chỉ đạo của Ủy ban nhân dân huyện, Ủy ban nhân dân xã xây dựng "
                   "kế hoạch như sau:"));
  EXPECT_EQ(metadata.title,
            "Khắc phục ba điểm nghẽn về (1) Ngập úng khu dân cư; (2) Lấn chiếm lòng đường; (3) "
            "Rác thải sinh hoạt, nước thải trên địa bàn xã Đồng Tâm");
}

TEST(TitleWraps, a_numbered_title_wrapped_inside_its_items_and_its_place_name_is_whole) {
  // The same title at a narrower width: an item's semicolon alone on its line, the commune's
  // name parted after its first word.
  const auto metadata = extract_metadata(
      binh_an_plan("Khắc phục ba điểm nghẽn về (1) Ngập úng khu dân\ncư;\n(2) Lấn chiếm lòng "
                   "đường; (3) Rác thải sinh hoạt,\nnước thải trên địa bàn xã Đồng\nTâm\n"
                   "Thực hiện chỉ đạo của Ủy ban nhân dân huyện, Ủy ban nhân dân xã xây dựng "
                   "kế hoạch như sau:"));
  EXPECT_EQ(metadata.title,
            "Khắc phục ba điểm nghẽn về (1) Ngập úng khu dân cư; (2) Lấn chiếm lòng đường; (3) "
            "Rác thải sinh hoạt, nước thải trên địa bàn xã Đồng Tâm");
}

TEST(TitleWraps, a_line_after_a_semicolon_that_opens_no_next_item_stays_out) {
  // "(2)" with no "(1)" before it, and an item mark after a title that numbers nothing.
  const auto numbered_alone = extract_metadata(
      binh_an_plan("Khắc phục điểm nghẽn về ngập úng khu dân cư;\n(2) Các thôn rà soát cống "
                   "thoát nước\nThực hiện chỉ đạo của Ủy ban nhân dân huyện, Ủy ban nhân dân xã "
                   "xây dựng kế hoạch như sau:"));
  EXPECT_EQ(numbered_alone.title, "Khắc phục điểm nghẽn về ngập úng khu dân cư;");
  const auto next_item_missing = extract_metadata(
      binh_an_plan("Khắc phục điểm nghẽn về (1) Ngập úng khu dân cư;\n(3) Các thôn rà soát cống "
                   "thoát nước\nThực hiện chỉ đạo của Ủy ban nhân dân huyện, Ủy ban nhân dân xã "
                   "xây dựng kế hoạch như sau:"));
  EXPECT_EQ(next_item_missing.title, "Khắc phục điểm nghẽn về (1) Ngập úng khu dân cư;");
}

// HD 36-HD/VPTW and ND30 ô 5a draw a short rule under the whole trích yếu: a title begun in
// capitals that goes on in running case up to that rule is one title, the capitals written in case.
std::string dong_tam_party_notice(const std::string& title_lines) {
  return "ĐẢNG BỘ TỈNH BÌNH AN\nĐẢNG ỦY XÃ ĐỒNG TÂM\n*\nSố 20-TB/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
         "Đồng Tâm, ngày 13 tháng 10 năm 2026\nTHÔNG BÁO\n" +
         title_lines +
         "\nNgày 13/10/2026, Thường trực Đảng ủy họp nghe báo cáo công tác chuẩn bị đại hội chi "
         "bộ các thôn.\nCác chi bộ thực hiện ý kiến kết luận của Thường trực Đảng ủy.\nNơi "
         "nhận:\n- Các chi bộ,\n- Lưu "
         "Văn phòng Đảng ủy.\nT/M ĐẢNG ỦY\nBÍ THƯ\nNguyễn Văn Hòa\n";
}

TEST(TitleWraps, a_capitals_title_going_on_in_running_case_up_to_its_rule_is_whole) {
  const auto metadata = extract_metadata(dong_tam_party_notice(
      "KẾT LUẬN CỦA THƯỜNG TRỰC ĐẢNG ỦY\nvề công tác chuẩn bị đại hội chi bộ thôn\n-----"));
  EXPECT_EQ(metadata.type, "Thông báo");
  EXPECT_EQ(metadata.title,
            "Kết luận của Thường trực Đảng ủy về công tác chuẩn bị đại hội chi bộ thôn");
}

TEST(TitleWraps, a_running_line_after_a_capitals_title_without_a_rule_stays_out) {
  // No rule closes the title: the line in running case may be the body's first.
  const auto metadata = extract_metadata(dong_tam_party_notice(
      "KẾT LUẬN CỦA THƯỜNG TRỰC ĐẢNG ỦY\nvề công tác chuẩn bị đại hội chi bộ thôn"));
  EXPECT_EQ(metadata.title, "Kết luận của Thường trực Đảng ủy");
}

// A title set in capitals has no case of its own: the table of names gives the capitals, the
// document its letters. "UỶ" and "ỦY" are one word with the tone set on one letter or the other
// (both placements are in use); the title keeps the one the document writes.
TEST(TitleWraps, a_capitals_title_keeps_the_tone_placement_it_writes) {
  const auto placed_on_y = extract_metadata(dong_tam_party_notice(
      "KẾT LUẬN CỦA THƯỜNG TRỰC ĐẢNG UỶ VỀ CÔNG TÁC CHUẨN BỊ ĐẠI HỘI CHI BỘ THÔN\n-----"));
  EXPECT_EQ(placed_on_y.title,
            "Kết luận của Thường trực Đảng uỷ về công tác chuẩn bị đại hội chi bộ thôn");
  const auto placed_on_u = extract_metadata(dong_tam_party_notice(
      "KẾT LUẬN CỦA THƯỜNG TRỰC ĐẢNG ỦY VỀ CÔNG TÁC CHUẨN BỊ ĐẠI HỘI CHI BỘ THÔN\n-----"));
  EXPECT_EQ(placed_on_u.title,
            "Kết luận của Thường trực Đảng ủy về công tác chuẩn bị đại hội chi bộ thôn");
}

}  // namespace
}  // namespace vanban::analyzers
