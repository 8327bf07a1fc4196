// Session 23 (unseen18 studied): rules on made-up text for pages that reproduce a notice, a plan or
// a cable without its header (ô 1-4 of ND30 lost), as commune, district and provincial portals
// post them: what the announcing formula, the headline and the cable's verb still say.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kPortalNoticeItems =
    "1. Thời gian: từ ngày 01/9/2025 đến hết ngày 02/9/2025.\n"
    "2. Các thôn, tổ dân phố thực hiện nghiêm túc nội dung trên./.\n";

// ND30 Phụ lục III's Thông báo closes by saying whom it informs ("<body> thông báo đến ... biết").
// The formula makes the page a notice even where it names its body by the level alone ("Văn phòng
// UBND tỉnh"): the type is read, the issuer is left null rather than guessed.
TEST(PortalNotices, a_closing_formula_by_the_level_alone_gives_the_type_not_the_issuer) {
  const auto level = extract_metadata(
      "Theo lịch, ngày 17/12/2024 Chủ tịch UBND tỉnh tiếp công dân định kỳ; tuy nhiên do có "
      "lịch công tác đột xuất nên buổi tiếp không diễn ra.\nVăn phòng UBND tỉnh thông báo đến "
      "các cơ quan, tổ chức và công dân được biết.\n");
  EXPECT_EQ(level.type, "Thông báo");
  EXPECT_EQ(level.type_code, "TB");
  EXPECT_FALSE(level.issuer.has_value());
  // Control: a sentence that reports a notice is no formula.
  const auto reported = extract_metadata(
      "Theo lịch, ngày 17/12/2024 Chủ tịch UBND tỉnh tiếp công dân định kỳ.\nVăn phòng UBND tỉnh "
      "đã thông báo lịch mới trên cổng thông tin.\n");
  EXPECT_FALSE(reported.type.has_value());
  EXPECT_FALSE(reported.issuer.has_value());
}

// The announcing formula's variants: "... cụ thể sau:" introduces the content as "như sau:" does;
// a courtesy before the verb ("trân trọng thông báo") is the verb's; a clause that grounds the
// notice ("Thực hiện Thông báo số ... của ...,") stands before the body, and the notice it cites is
// not the verb; the old tone placement ("Uỷ ban", ND30 writes both, domain.md §1.9) is the name.
TEST(PortalNotices, the_announcing_formula_in_its_usual_variants_names_the_issuer) {
  const auto concrete = extract_metadata(
      "Niêm yết danh sách hộ nghèo\nCăn cứ kết quả rà soát năm 2025.\nUBND phường Tân Lập thông "
      "báo việc niêm yết danh sách hộ nghèo cụ thể sau:\n" +
      kPortalNoticeItems);
  EXPECT_EQ(concrete.type, "Thông báo");
  EXPECT_EQ(concrete.issuer, "Ủy ban nhân dân phường Tân Lập");
  const auto courteous = extract_metadata(
      "Lịch tổ chức Hội thi văn nghệ quần chúng\nUBND xã Hòa Bình trân trọng thông báo tới Nhân "
      "dân trên địa "
      "bàn xã về thời gian tổ chức Hội thi như sau:\n" +
      kPortalNoticeItems);
  EXPECT_EQ(courteous.issuer, "Ủy ban nhân dân xã Hòa Bình");
  const auto grounded = extract_metadata(
      "Treo cờ Tổ quốc\nThực hiện Thông báo số 12/TB-UBND ngày 20/8/2025 của Ủy ban nhân dân tỉnh "
      "Hòa Bình về việc treo cờ Tổ quốc, Ủy ban nhân dân xã Tân Lập thông báo việc treo cờ như "
      "sau:\n" +
      kPortalNoticeItems);
  EXPECT_EQ(grounded.type, "Thông báo");
  EXPECT_EQ(grounded.issuer, "Ủy ban nhân dân xã Tân Lập");
  const auto old_tone = extract_metadata(
      "Treo cờ Tổ quốc\nUỷ ban nhân dân xã Tân Lập thông báo việc treo cờ Tổ quốc như sau:\n" +
      kPortalNoticeItems);
  EXPECT_EQ(old_tone.issuer, "Ủy ban nhân dân xã Tân Lập");
  // Control: the cited notice's body, with no verb of its own, names no issuer.
  const auto cited_only = extract_metadata(
      "Treo cờ Tổ quốc\nThực hiện Thông báo số 12/TB-UBND ngày 20/8/2025 của Ủy ban nhân dân tỉnh "
      "Hòa Bình về việc treo cờ Tổ quốc, các thôn tổ chức treo cờ.\n");
  EXPECT_FALSE(cited_only.issuer.has_value());
  // Control: "cụ thể." ends a sentence; it introduces nothing.
  const auto ends = extract_metadata(
      "Niêm yết danh sách hộ nghèo\nUBND phường Tân Lập thông báo việc niêm yết danh sách hộ "
      "nghèo tại trụ sở cụ thể.\n");
  EXPECT_FALSE(ends.issuer.has_value());
}

// A portal's headline runs the type into the trích yếu ("Thông báo treo cờ Tổ quốc ..."): over a
// text that announces itself as a notice, the words after the type are its title, as written.
TEST(PortalNotices, a_notice_headline_gives_its_title_where_the_text_announces_a_notice) {
  const auto titled = extract_metadata(
      "Thông báo treo cờ Tổ quốc dịp Quốc khánh 2/9\nỦy ban nhân dân xã Tân Lập thông báo việc "
      "treo cờ Tổ quốc như sau:\n" +
      kPortalNoticeItems);
  EXPECT_EQ(titled.type, "Thông báo");
  EXPECT_EQ(titled.title, "treo cờ Tổ quốc dịp Quốc khánh 2/9");
  // Control: the headline wrapped before a capitalised word goes on; its first line is no title.
  const auto cut = extract_metadata(
      "Thông báo treo cờ Tổ quốc dịp Lễ Giỗ\nTổ Hùng Vương năm 2025\n\nỦy ban nhân dân xã Tân "
      "Lập thông báo việc treo cờ Tổ quốc như sau:\n" +
      kPortalNoticeItems);
  EXPECT_EQ(cut.type, "Thông báo");
  EXPECT_FALSE(cut.title.has_value());
  // Control: a plan's headline over a text that does not announce it (session 21 tried the
  // headline alone and dropped it: "Chương trình hành động ..." is no type and its title).
  const auto plan = extract_metadata(
      "Kế hoạch tổ chức Hội thi văn nghệ quần chúng năm 2025\nNhằm tạo không khí vui tươi, xã tổ "
      "chức Hội thi văn nghệ.\n1. Mục đích: động viên Nhân dân.\n");
  EXPECT_FALSE(plan.title.has_value());
  // Control: a news item about a notice (no formula of the notice's own) keeps no title.
  const auto news = extract_metadata(
      "Thông báo treo cờ Tổ quốc dịp Quốc khánh 2/9\nNgày 20/8/2025, Ủy ban nhân dân xã Tân Lập "
      "đã ban hành văn bản đề nghị các thôn treo cờ.\n");
  EXPECT_FALSE(news.title.has_value());
}

// A headline in capitals wraps in capitals: the portal's posting time under it ("17 giờ trước",
// a line opening with a digit) is no part of it, and the heading's type and title stand.
TEST(PortalNotices, a_headline_in_capitals_does_not_run_into_the_posting_time) {
  const std::string body =
      "Ủy ban nhân dân xã Tân Lập tổ chức ra quân tổng vệ sinh môi trường.\n"
      "Thời gian: 7h00 ngày 02/8/2025.\n";
  const auto timed = extract_metadata(
      "THÔNG BÁO TỔ CHỨC RA QUÂN TỔNG VỆ SINH MÔI TRƯỜNG\n"
      "17 giờ trước\n" +
      body);
  const auto plain = extract_metadata("THÔNG BÁO TỔ CHỨC RA QUÂN TỔNG VỆ SINH MÔI TRƯỜNG\n" + body);
  EXPECT_EQ(timed.type, "Thông báo");
  ASSERT_TRUE(plain.title.has_value());
  EXPECT_EQ(timed.title, plain.title);
  EXPECT_EQ(*timed.title, "Tổ chức ra quân tổng vệ sinh môi trường");
  // "VỀ VIỆC ..." in capitals: the trích yếu written as a title in capitals is, as "Về việc ...",
  // its words as the text writes them ("Tổ quốc").
  const auto about = extract_metadata(
      "THÔNG BÁO VỀ VIỆC TREO CỜ TỔ QUỐC\nThứ Hai, 28/04/2025\nCác hộ gia đình treo cờ Tổ quốc "
      "từ ngày 30/4/2025.\n");
  EXPECT_EQ(about.title, "Về việc treo cờ Tổ quốc");
}

// ô 5a as a page sets it: the type name alone, the trích yếu "Về việc ..." on the next line.
TEST(PortalNotices, a_bare_type_line_over_a_ve_viec_line_is_the_heading_and_its_title) {
  const auto heading = extract_metadata(
      "thông báo\n\nVề việc niêm yết công khai danh sách hộ nghèo năm 2025\nNgày đăng 28/10/2025\n"
      "UBND phường Tân Lập thông báo việc niêm yết danh sách như sau:\n" +
      kPortalNoticeItems);
  EXPECT_EQ(heading.type, "Thông báo");
  EXPECT_EQ(heading.title, "Về việc niêm yết công khai danh sách hộ nghèo năm 2025");
  // The trích yếu wrapped at a page's width is the same title.
  const auto wrapped = extract_metadata(
      "thông báo\n\nVề việc niêm yết công khai danh sách\nhộ nghèo năm 2025\nNgày đăng "
      "28/10/2025\nUBND phường Tân Lập thông báo việc niêm yết danh sách như sau:\n" +
      kPortalNoticeItems);
  EXPECT_EQ(wrapped.title, heading.title);
  // Control: a menu's bare type name over a line that is no trích yếu gives no title.
  const auto menu = extract_metadata(
      "Thông báo\n\nTin tức mới nhất\nUBND phường Tân Lập thông báo việc niêm yết danh sách như "
      "sau:\n" +
      kPortalNoticeItems);
  EXPECT_FALSE(menu.title.has_value());
}

// A portal calls any letter it posts a "Công văn"; a number whose symbol opens with a type's code
// (ND30 Phụ lục III: "<LOẠI>-<CQ>") names the type. A công văn's symbol opens with its issuer's
// code ("12/UBND-VX") and stays a Công văn.
TEST(PortalNotices, a_typed_number_over_a_portals_cong_van_names_the_type) {
  const std::string body =
      "\n1. Mục đích: tăng cường sức khỏe cho nhà giáo.\n2. Thời gian: tháng 11/2025.\n";
  const auto plan = extract_metadata(
      "Công văn số 422/KH-PGDĐT về việc tổ chức giải Cầu lông ngành Giáo dục năm 2025" + body);
  EXPECT_EQ(plan.type, "Kế hoạch");
  EXPECT_EQ(plan.type_code, "KH");
  EXPECT_EQ(plan.number, "422/KH-PGDĐT");
  const auto letter = extract_metadata(
      "Công văn số 422/UBND-VX về việc tổ chức giải Cầu lông ngành Giáo dục năm 2025" + body);
  EXPECT_EQ(letter.type, "Công văn");
  EXPECT_EQ(letter.number, "422/UBND-VX");
}

// ND30 Phụ lục III, Mẫu 1.6: a công điện names its sender before its addressees, "<AUTHORITY IN
// CAPITALS> điện:". A page that lost ô 1-4 keeps that line: the body is the issuer.
TEST(PortalNotices, a_cables_sender_line_names_its_issuer) {
  const auto cable = extract_metadata(
      "CÔNG ĐIỆN Về triển khai nhiệm vụ cấp bách phòng, chống bão\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN "
      "TỈNH HÒA BÌNH điện:\n\n– Giám đốc các Sở, ban, ngành thuộc tỉnh;\n– Chủ tịch Ủy ban nhân "
      "dân các huyện, thành phố.\n\nĐể chủ động ứng phó với bão số 3, yêu cầu các cơ quan thực "
      "hiện.\n");
  EXPECT_EQ(cable.type, "Công điện");
  EXPECT_EQ(cable.issuer, "Ủy ban nhân dân tỉnh Hòa Bình");
  // Control: the same authority in capitals over running text (no "điện:", no "Căn cứ").
  const auto heading_only = extract_metadata(
      "Tin hoạt động\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\n\nĐể chủ động ứng phó với bão số "
      "3, các cơ quan thực hiện.\n");
  EXPECT_FALSE(heading_only.issuer.has_value());
}

}  // namespace
}  // namespace vanban::analyzers
