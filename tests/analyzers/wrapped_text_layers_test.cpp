// Texts that reach the extractor inside something else, or with their lines and words run
// together (the families `unseen15` was studied for): a Markdown note that files a signed PDF's
// text layer in a fenced block, a page that posts a text under the line that cites it, a Party
// list wrapped in its column, a number's word glued to its digits, a Party công văn's subject
// under its number, a month stamped over the print. Every text here is made up from Decree
// 30/2020, HD 36-HD/VPTW and docs/domain.md; none is a real document's.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "structure/fenced.hpp"
#include "structure/unglue.hpp"

namespace vanban::analyzers {
namespace {

// A Party notice of a commune committee (HD 36-HD/VPTW: the superior body, the issuing one, the
// "*", "Số <n>-TB/ĐU", the Party's name, place and date) as a signed PDF's text layer gives it
// once the number and day were stamped on the copy: "Số -TB/ĐU", "ngày tháng 10 năm 2025".
const char* const kPartyNoticeText =
    "ĐẢNG BỘ TỈNH BÌNH AN\nĐẢNG UỶ XÃ AN HÒA\n*\nSố -TB/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Hòa, ngày "
    "tháng 10 năm 2025\nTHÔNG BÁO\nKẾT LUẬN CỦA THƯỜNG TRỰC ĐẢNG UỶ\nvề công tác chuẩn bị đại "
    "hội\n-----\nNgày 06/10/2025, Thường trực Đảng uỷ họp nghe báo cáo công tác chuẩn bị đại "
    "hội.\nThường trực Đảng uỷ kết luận như sau.\nNơi nhận:\n- Ban Xây dựng Đảng,\n- Lưu "
    "VPĐU.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nTrần Thị Hoa\n";

// A tool that files the PDF in a Markdown note: front matter, a heading, its own "Số hiệu" and
// "Ngày ban hành" (the repository's, from its file names), a summary that runs the text's first
// lines together with " | ", then the text in a fence.
std::string markdown_note(const std::string& fenced) {
  return "---\nstt: 12\nthe_loai: \"THÔNG BÁO\"\nso_hieu: \"7-TB/ĐU\"\nngay_ban_hanh: \"ngày "
         "06/10/2025\"\nnam: \"2025\"\ntrich_yeu: \"THÔNG BÁO KẾT LUẬN CỦA THƯỜNG TRỰC ĐẢNG "
         "UỶ\"\nlinh_vuc: \"Xây dựng Đảng\"\nvan_de_chinh: \"Chuẩn bị đại hội các đoàn "
         "thể.\"\nghi_chu: \"\"\nfile_goc: \"TB-0007-2025.pdf\"\n---\n\n# THÔNG BÁO KẾT LUẬN "
         "CỦA THƯỜNG TRỰC ĐẢNG UỶ về công tác chuẩn bị đại hội\n\n**Số hiệu:** 7-TB/ĐU | **Ngày "
         "ban hành:** ngày 06/10/2025 | **Lĩnh vực:** Xây dựng Đảng\n\n### 1. Vấn đề trọng "
         "tâm\nChuẩn bị đại hội các đoàn thể.\n\n### 2. Tóm tắt\nvề công tác chuẩn bị đại hội | "
         "Ngày 06/10/2025, Thường trực Đảng uỷ họp nghe báo cáo công | tác chuẩn bị đại hội.\n\n"
         "### 3. Toàn văn\n\n```text\n" +
         fenced + "```\n";
}

TEST(FencedNotes, the_fenced_block_that_holds_a_header_is_the_document) {
  const auto note = extract_metadata(markdown_note(kPartyNoticeText));
  const auto bare = extract_metadata(kPartyNoticeText);
  EXPECT_EQ(note.number, "-TB/ĐU");
  EXPECT_EQ(note.number, bare.number);
  EXPECT_EQ(note.issuer, "Đảng ủy xã An Hòa");
  EXPECT_EQ(note.place, "An Hòa");
  EXPECT_EQ(note.date, "2025-10");
  EXPECT_EQ(note.title, bare.title);
}

TEST(FencedNotes, a_fence_without_a_header_or_a_header_outside_leaves_the_text_whole) {
  // A code sample in a note: no document in it.
  EXPECT_EQ(structure::fenced_document("# Ghi chú\n```text\nSố liệu tháng 10\n```\n"),
            std::nullopt);
  // The header outside the fence: the fence is a part of the document (a quoted form).
  const std::string outside =
      std::string(kPartyNoticeText) + "```\nĐẢNG CỘNG SẢN VIỆT NAM\nMẫu báo cáo\n```\n";
  EXPECT_EQ(structure::fenced_document(outside), std::nullopt);
  // Tildes are a rule an office draws under ô 1 or ô 2, no fence.
  EXPECT_EQ(structure::fenced_document("ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\n~~~~~~\nSố: 1/QĐ-UBND\n"
                                       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n~~~~~~\nĐiều 1.\n"),
            std::nullopt);
  // Inside: the block's lines, without the fences.
  // (The view is into the note: the note outlives it.)
  const std::string note = markdown_note(kPartyNoticeText);
  const auto inside = structure::fenced_document(note);
  ASSERT_TRUE(inside.has_value());
  EXPECT_EQ(*inside, kPartyNoticeText);
}

// ND30 Phụ lục I §II.6 cites a text first by type, number, date, issuer and trích yếu; a portal
// that posts the text under that line ("<Type> số <n> ngày <d> của <body> về việc <subject>") gives
// its identity in it, and the line is no citation of another text.
TEST(PortalCitingLines, a_text_posted_under_its_citing_line_takes_its_identity_from_it) {
  const auto page = extract_metadata(
      "Chỉ thị số 12/CT-UBND ngày 04/05/2020 của UBND tỉnh Bình An về việc tăng cường phòng, "
      "chống dịch bệnh gia súc\nTrong thời gian qua, dịch bệnh gia súc diễn biến phức tạp.\n"
      "Thực hiện Chỉ thị số 04/CT-TTg ngày 20/02/2019 của Thủ tướng Chính phủ, Chủ tịch UBND tỉnh "
      "yêu cầu các sở, ngành thực hiện nghiêm các nội dung sau:\n1. Tăng cường kiểm dịch.\n");
  EXPECT_EQ(page.type, "Chỉ thị");
  EXPECT_EQ(page.number, "12/CT-UBND");
  EXPECT_EQ(page.date, "2020-05-04");
  EXPECT_EQ(page.issuer, "Ủy ban nhân dân tỉnh Bình An");
  EXPECT_EQ(page.title, "Về việc tăng cường phòng, chống dịch bệnh gia súc");
  ASSERT_EQ(page.citations.size(), 1u);
  EXPECT_EQ(page.citations[0].number, "04/CT-TTg");
}

TEST(PortalCitingLines, a_kind_of_body_without_its_place_is_no_issuer) {
  const auto page = extract_metadata(
      "Chỉ thị số 12/CT-UBND ngày 04/05/2020 của UBND tỉnh về việc tăng cường phòng, chống dịch "
      "bệnh gia súc\nTrong thời gian qua, dịch bệnh gia súc diễn biến phức tạp.\nCác sở, ngành "
      "thực hiện nghiêm các nội dung sau:\n1. Tăng cường kiểm dịch.\n");
  EXPECT_EQ(page.issuer, std::nullopt);
  EXPECT_NE(page.issuer, "Ủy ban nhân dân tỉnh");
}

// HD 36-HD/VPTW ends a Party list's items with ","; the column's width wraps a long item, and its
// tail, without a dash, stands between two dashed items.
TEST(PartyLists, a_line_without_a_dash_between_two_items_is_the_tail_of_the_one_above) {
  const auto notice = extract_metadata(
      "ĐẢNG BỘ TỈNH BÌNH AN\nĐẢNG UỶ XÃ AN HÒA\n*\nSố 14-KL/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Hòa, "
      "ngày 13 tháng 11 năm 2025\nKẾT LUẬN\nHỘI NGHỊ LẦN THỨ HAI\n-----\nHội nghị thống nhất "
      "kết luận như sau.\nNơi nhận:\n- Thường trực Tỉnh uỷ (báo cáo),\n- Đ/c Trần Văn Nam – "
      "UVTV,\nTrưởng Ban Tổ chức Tỉnh uỷ (phụ trách địa bàn),\n- Các đ/c Đảng uỷ viên,\n- Lưu "
      "VPĐU.\nT/M ĐẢNG UỶ\nBÍ THƯ\nTrần Thị Hoa\n");
  ASSERT_EQ(notice.recipients.size(), 3u);
  EXPECT_EQ(notice.recipients[1],
            "Đ/c Trần Văn Nam – UVTV, Trưởng Ban Tổ chức Tỉnh uỷ (phụ trách địa bàn)");
  EXPECT_EQ(notice.recipients[2], "Các đ/c Đảng uỷ viên");
  // The signer's name under the list is no item's tail: it ends no item.
  EXPECT_EQ(notice.signer, "Trần Thị Hoa");
}

// A PDF's text layer that lost the spaces after marked syllables runs a number's word into the
// word before it and into its digits ("Chỉ thịsố46-CT/TW"): three words, not a code.
TEST(ConvertersGlue, a_number_s_word_glued_to_the_word_before_and_to_its_digits) {
  EXPECT_EQ(structure::unglue_words("Căn cứ Chỉ thịsố46-CT/TW"),
            std::optional<std::string>("Căn cứ Chỉ thị số 46-CT/TW"));
  EXPECT_EQ(structure::unglue_words("được ban hànhngày12 tháng 3"),
            std::optional<std::string>("được ban hành ngày 12 tháng 3"));
  // Two syllables glued to digits that are no number's word stay whole (a code may be so).
  EXPECT_EQ(structure::unglue_words("mã chỉthị12 giữ nguyên"), std::nullopt);
  const auto decision = extract_metadata(
      "ĐẢNG BỘ TỈNH BÌNH AN\nĐẢNG UỶ XÃ AN HÒA\n*\nSố 12-QĐ/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Hòa, "
      "ngày 3 tháng 10 năm 2025\nQUYẾT ĐỊNH\nthành lập Ban Chỉ đạo\n- Căn cứ Điều lệ Đảng Cộng "
      "sản Việt Nam;\n- Căn cứChỉ thịsố46-CT/TW, ngày 16/5/2025 của Bộ Chính trị;\nBAN THƯỜNG VỤ "
      "ĐẢNG UỶ QUYẾT ĐỊNH\nĐiều 1. Thành lập Ban Chỉ đạo.\n");
  EXPECT_TRUE(std::any_of(decision.citations.begin(), decision.citations.end(),
                          [](const auto& citation) { return citation.number == "46-CT/TW"; }));
}

// HD 36-HD/VPTW: a Party công văn sets its trích yếu under its number, opening with "về" (no
// "V/v"), wrapped in the left cell's width; the national line and the place and date (the right
// cell) follow it in a text layer that reads the cells one after the other.
TEST(PartyLetters, the_subject_under_the_number_opens_with_ve) {
  const auto letter = extract_metadata(
      "ĐẢNG BỘ TỈNH BÌNH AN\nĐẢNG UỶ XÃ AN HÒA\n*\nSố -CV/ĐU\nVề triển khai Kết luận số "
      "12-KL/TU\nngày 10/12/2025 của Ban Thường vụ Tỉnh ủy\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Hòa, "
      "ngày tháng 01 năm 2026\nKính gửi: - Các chi bộ trực thuộc,\n- Các tổ chức Đảng.\nThực "
      "hiện Kết luận số 12-KL/TU, Ban Thường vụ Đảng uỷ yêu cầu các chi bộ quán triệt.\nNơi "
      "nhận:\n- Như trên,\n- Lưu VPĐU.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nTrần Thị Hoa\n");
  EXPECT_EQ(letter.type, "Công văn");
  EXPECT_EQ(letter.number, "-CV/ĐU");
  EXPECT_EQ(letter.date, "2026-01");
  EXPECT_EQ(letter.title,
            "Về triển khai Kết luận số 12-KL/TU ngày 10/12/2025 của Ban Thường vụ "
            "Tỉnh ủy");
  // The right column read between the number and the subject (the Party's name, the place and
  // date on the lines under "Số"): the same subject.
  const auto rows = extract_metadata(
      "ĐẢNG BỘ TỈNH BÌNH AN\nĐẢNG UỶ XÃ AN HÒA\n*\nĐẢNG CỘNG SẢN VIỆT NAM\n---------\nSố -CV/ĐU\n"
      "An Hòa, ngày tháng 01 năm 2026\nVề triển khai Kết luận số 12-KL/TU\nngày 10/12/2025 của "
      "Ban Thường vụ Tỉnh ủy\nKính gửi: - Các chi bộ trực thuộc,\n- Các tổ chức Đảng.\nThực "
      "hiện Kết luận số 12-KL/TU, Ban Thường vụ Đảng uỷ yêu cầu các chi bộ quán triệt.\n");
  EXPECT_EQ(rows.title, letter.title);
  // A "về" line under another type's number is no công văn's subject.
  const auto notice = extract_metadata(
      "ĐẢNG BỘ TỈNH BÌNH AN\nĐẢNG UỶ XÃ AN HÒA\n*\nSố 14-TB/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nAn "
      "Hòa, ngày 6 tháng 10 năm 2025\nTHÔNG BÁO\nKẾT LUẬN CỦA THƯỜNG TRỰC ĐẢNG UỶ\nvề công tác "
      "chuẩn bị đại hội\n-----\nThường trực Đảng uỷ kết luận như sau.\n");
  EXPECT_EQ(notice.type, "Thông báo");
  EXPECT_NE(notice.title, std::optional<std::string>("về công tác chuẩn bị đại hội"));
}

// ND30 ô 4 leaves the day and month blank for the number and date stamped at issue; a digit
// stamped over the printed month reads as a month no calendar has ("tháng 54"): the place is
// written all the same, and no date is made up from the numbers.
TEST(StampedDates, a_month_no_calendar_has_leaves_the_place_and_no_date) {
  const auto decision = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nSố: 1696 /QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
      "NAM\nĐộc lập - Tự do - Hạnh phúc\nBình An, ngày15 tháng 54 năm 2026\nQUYẾT ĐỊNH\nVề "
      "việc ủy quyền cho Giám đốc Sở Công Thương\nỦY BAN NHÂN DÂN TỈNH BÌNH AN\nCăn cứ Luật Tổ "
      "chức chính quyền địa phương ngày 16/6/2025;\nQUYẾT ĐỊNH:\nĐiều 1. Ủy quyền.\n");
  EXPECT_EQ(decision.number, "1696/QĐ-UBND");
  EXPECT_EQ(decision.place, "Bình An");
  EXPECT_EQ(decision.date, std::nullopt);
  // A month the calendar has is read as ever.
  const auto dated = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nSố: 1696 /QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
      "NAM\nĐộc lập - Tự do - Hạnh phúc\nBình An, ngày15 tháng 5 năm 2026\nQUYẾT ĐỊNH\nVề "
      "việc ủy quyền cho Giám đốc Sở Công Thương\nỦY BAN NHÂN DÂN TỈNH BÌNH AN\nCăn cứ Luật Tổ "
      "chức chính quyền địa phương ngày 16/6/2025;\nQUYẾT ĐỊNH:\nĐiều 1. Ủy quyền.\n");
  EXPECT_EQ(dated.date, "2026-05-15");
}

// Điều lệ Đảng names a Party committee "Ban Chấp hành Đảng bộ ..." at every level; a title in
// capitals that names it (a conference's conclusion, HD 36-HD/VPTW) writes the name so.
TEST(PartyTitles, a_committee_named_in_a_title_in_capitals_keeps_its_name_s_capitals) {
  const auto conclusion = extract_metadata(
      "ĐẢNG BỘ TỈNH BÌNH AN\nĐẢNG UỶ XÃ AN HÒA\n*\nSố 14-KL/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Hòa, "
      "ngày 13 tháng 11 năm 2025\nKẾT LUẬN\nHỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ XÃ LẦN THỨ 2\n-----\n"
      "Hội nghị thống nhất kết luận như sau.\n");
  EXPECT_EQ(conclusion.title, "Hội nghị Ban Chấp hành Đảng bộ xã lần thứ 2");
}

}  // namespace
}  // namespace vanban::analyzers
