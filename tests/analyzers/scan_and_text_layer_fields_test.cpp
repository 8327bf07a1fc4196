// Fields of ND30's parts as PDF text layers, scans read by OCR and typed copies give them
// (docs/EXTRACTION.md, "Session 15: `unseen10` studied"): the reading order a text layer takes
// through two columns, the gap a drawn rule leaves, an engine's misread day, State name and
// level word, the signature column set inside the list of copies, the mark a copy writes for
// the signature. Made-up text throughout; each rule beside a look-alike that stays as it was.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

DocumentMetadata metadata_of(const std::string& text) {
  return extract_metadata(text);
}

const std::string kHeader =
    "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 41 /TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nHà Nam, ngày 08 tháng 01 năm 2025\nTHÔNG BÁO\n";

// A PDF text layer has no text for the rule under the title (ND30 ô 5a, a drawn line), only the
// gap it stood in: the title's wrapped lines run to that empty line, whatever case a line opens
// with ("Công ty TNHH" / "MTV Cấp nước ...", "thực hiện 03" / "Chương trình ...").
TEST(TextLayerFields, a_title_runs_to_the_gap_its_rule_left) {
  const auto wrapped =
      metadata_of(kHeader +
                  "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về cổ phần hóa Công ty TNHH\n"
                  "MTV Cấp nước Hà Nam và kế hoạch năm 2025\n\n"
                  "Ngày 05/01/2025, Chủ tịch UBND tỉnh chủ trì buổi làm việc. Tham dự có lãnh đạo\n"
                  "các sở, ngành.\n");
  EXPECT_EQ(wrapped.title,
            "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về cổ phần hóa Công ty TNHH MTV "
            "Cấp nước Hà Nam và kế hoạch năm 2025");
  const auto three = metadata_of(kHeader +
                                 "Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về tiến độ\n"
                                 "thực hiện 03\nChương trình mục tiêu quốc gia năm 2025\n\n"
                                 "Ngày 12/11/2024, tại trụ sở UBND tỉnh, đã họp.\n");
  EXPECT_EQ(three.title,
            "Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về tiến độ thực hiện 03 Chương "
            "trình mục tiêu quốc gia năm 2025");
  // No gap right under the lines (the body runs on), or a gap after a sentence's full stop:
  // the title ends as it did.
  const auto no_gap = metadata_of(kHeader +
                                  "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc\n"
                                  "Ngày 05/01/2025, Chủ tịch UBND tỉnh chủ trì buổi làm việc\n"
                                  "với các sở.\n\nTham dự có lãnh đạo các sở.\n");
  EXPECT_EQ(no_gap.title, "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc");
  const auto sentence = metadata_of(kHeader +
                                    "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc\n"
                                    "Ngày 05/01/2025, Chủ tịch UBND tỉnh đã chủ trì.\n\n"
                                    "Tham dự có lãnh đạo các sở.\n");
  EXPECT_EQ(sentence.title, "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc");
}

// A typed or converted copy of a signed document writes a mark where the signature stood, and
// some write the name after it on the same line ("Đã ký: ..."): that name is the signer.
TEST(TextLayerFields, the_name_after_a_copys_signature_mark_is_the_signer) {
  const std::string body =
      "Điều 3. Quyết định có hiệu lực kể từ ngày ký./.\n\nNơi nhận:\n- Như Điều 3;\n"
      "- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n";
  const auto signed_mark = metadata_of(body + "Đã ký: Lê Văn Hòa\n3\n");
  EXPECT_EQ(signed_mark.signer, "Lê Văn Hòa");
  EXPECT_EQ(signed_mark.signer_title, "Phó Chủ tịch");
  EXPECT_EQ(metadata_of(body + "(Đã ký) Lê Văn Hòa\n").signer, "Lê Văn Hòa");
  // The mark alone, or a mark before words that are no name, names nobody.
  EXPECT_EQ(metadata_of(body + "Đã ký\n").signer, std::nullopt);
  EXPECT_EQ(metadata_of(body + "Đã ký: bản chính lưu tại văn thư\n").signer, std::nullopt);
}

// A PDF text layer may read the header's left column to its end, "Kính gửi:" included, before
// the right one (motto, place and date): the label goes after those cells, and the place, the
// date and the addressees come out as in the document's reading order.
TEST(TextLayerFields, kinh_gui_read_before_the_right_column_goes_after_it) {
  const auto metadata = metadata_of(
      "UBND TỈNH HÀ NAM\nSỞ Y TẾ\nSố: 215 /SYT-NVY\nV/v hướng dẫn tiêm chủng năm 2025\n"
      "Kính gửi:\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hà Nam, ngày 03 tháng 10 năm 2025\n- UBND các huyện, thị xã, thành phố;\n"
      "- Trung tâm Kiểm soát bệnh tật tỉnh.\nSở Y tế hướng dẫn như sau:\n1. Tiêm chủng đúng lịch.\n"
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nTrần Văn Bình\n");
  EXPECT_EQ(metadata.place, "Hà Nam");
  EXPECT_EQ(metadata.date, "2025-10-03");
  EXPECT_EQ(metadata.recipients, (std::vector<std::string>{"UBND các huyện, thị xã, thành phố",
                                                           "Trung tâm Kiểm soát bệnh tật tỉnh"}));
  EXPECT_EQ(metadata.title, "hướng dẫn tiêm chủng năm 2025");
}

// A word processor sets a typed " - " as an en dash ("LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI"): the
// same joiner of the same known name, which is spelled and placed as with a hyphen; the dash
// stays as the document sets it.
TEST(TextLayerFields, an_en_dash_joins_a_known_name_as_a_hyphen_does) {
  const auto metadata = metadata_of(
      "UBND TỈNH HÀ NAM\nSỞ LAO ĐỘNG – THƯƠNG BINH\nVÀ XÃ HỘI\nSố: 77/SLĐTBXH-VL\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hà Nam, ngày 03 tháng 10 năm 2025\nV/v báo cáo thị trường lao động\n"
      "Kính gửi: UBND các huyện.\nSở báo cáo như sau.\n");
  EXPECT_EQ(metadata.issuer, "Sở Lao động – Thương binh và Xã hội tỉnh Hà Nam");
  const auto hyphen = metadata_of(
      "UBND TỈNH HÀ NAM\nSỞ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\nSố: 77/SLĐTBXH-VL\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hà Nam, ngày 03 tháng 10 năm 2025\nV/v báo cáo thị trường lao động\n"
      "Kính gửi: UBND các huyện.\nSở báo cáo như sau.\n");
  EXPECT_EQ(hyphen.issuer, "Sở Lao động - Thương binh và Xã hội tỉnh Hà Nam");
}

// ô 4 of a scan whose day was filled in by hand: a day read as a digit and a letter ("1ù") is
// unreadable, and so is a line whose day, month and year are all scraps; the place stands, the
// date is given as far as it is read (to the month, or not at all).
TEST(TextLayerFields, a_misread_day_leaves_the_place_and_what_is_read_of_the_date) {
  const auto half = metadata_of(
      "HỘI ĐỒNG NHÂN DÂN\nTỈNH HÀ NAM\nSố: 12/2023/NQ-HĐND\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hà Nam, ngày 1ù tháng 12 năm 2023\nNGHỊ QUYẾT\nQuy định mức học phí năm học 2023 - 2024\n"
      "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;\n");
  EXPECT_EQ(half.place, "Hà Nam");
  EXPECT_EQ(half.date, "2023-12");
  const auto scraps = metadata_of(
      "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 02/2020/QĐ-UBND\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hà Nam, ngày J# thángÓ} năm 20;2Ô\nQUYẾT ĐỊNH\nVề việc quy định giá dịch vụ\n"
      "Căn cứ Luật Giá ngày 20 tháng 6 năm 2012;\n");
  EXPECT_EQ(scraps.place, "Hà Nam");
  EXPECT_EQ(scraps.date, std::nullopt);
  // Words where the numbers stand are a sentence, not a misread ô 4.
  const auto words = metadata_of(
      "Căn cứ kết quả họp, ngày mai tháng này năm tới sẽ làm.\nHà Nam báo cáo như sau.\n");
  EXPECT_EQ(words.place, std::nullopt);
}

// The State's name (ô 1) whose last words an engine garbled ("... CHỦ NGHĨA VI XSÁN 2°") is
// still the State's name, no word of the issuer; before a province's name, a word with the
// letters of "tỉnh" in another tone ("TĨNH") is the level word.
TEST(TextLayerFields, a_garbled_state_name_and_level_word_stay_out_of_the_issuer) {
  const auto metadata = metadata_of(
      "ỦY BAN NHÂN DÂN\nTĨNH HÀ NAM\nSố: 02_ /20/20/QĐÐ-UBND\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VI XSÁN 2°\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hà Nam, ngày 12 tháng 01 năm 2020\nQUYẾT ĐỊNH\nVề việc quy định giá dịch vụ\n"
      "Căn cứ Luật Giá ngày 20 tháng 6 năm 2012;\n");
  EXPECT_EQ(metadata.issuer, "Ủy ban nhân dân tỉnh Hà Nam");
  // The province Hà Tĩnh keeps its own word.
  EXPECT_EQ(metadata_of("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 5/QĐ-UBND\n"
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                        "Hà Tĩnh, ngày 12 tháng 01 năm 2020\nQUYẾT ĐỊNH\nVề việc giá\n")
                .issuer,
            "Ủy ban nhân dân tỉnh Hà Tĩnh");
}

// ND30 ends the list of copies with its archive line and every item before it with ";": an
// item so ended promises more. An engine that read the page's two cells line by line may set
// the signature column (post, seal scraps) inside the list; it resumes at the next item.
TEST(TextLayerFields, a_list_of_copies_resumes_after_the_signature_column) {
  const std::string head =
      "Điều 3. Nghị quyết có hiệu lực từ ngày 22 tháng 12 năm 2023./.\n\nNơi nhận:\n"
      "- Ủy ban Thường vụ Quốc hội;\n- Chính phủ;\n- Đại biểu HĐND tỉnh;\n5\nCHỦ TỊCH\nF Z\n"
      "IẪNG.\n--gE. TPPP-\n";
  const auto resumed = metadata_of(head +
                                   "- Các sở, ban, ngành tỉnh;\n- Công báo tỉnh;\n"
                                   "- Lưu: VT.\nTrần Văn Nam\n");
  EXPECT_EQ(resumed.recipients, (std::vector<std::string>{
                                    "Ủy ban Thường vụ Quốc hội", "Chính phủ", "Đại biểu HĐND tỉnh",
                                    "Các sở, ban, ngành tỉnh", "Công báo tỉnh"}));
  // Without the archive line after them, dashes further down are another list (an appendix).
  const auto appendix = metadata_of(head +
                                    "PHỤ LỤC\n- Mức thu năm học 2023 - 2024;\n"
                                    "- Mức thu năm học 2024 - 2025.\n");
  EXPECT_EQ(appendix.recipients, (std::vector<std::string>{"Ủy ban Thường vụ Quốc hội", "Chính phủ",
                                                           "Đại biểu HĐND tỉnh"}));
}

}  // namespace
}  // namespace vanban::analyzers
