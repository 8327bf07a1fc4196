// Session 16 (docs/EXTRACTION.md, "Session 16: `unseen11` studied"): what scans, text layers and
// typists do to ND30's signature block (ô 7), list of copies (ô 9b) and header (ô 2), read by
// rule. Made-up text throughout; each rule beside a look-alike that stays as it was.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kDecision =
    "ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA\nSố: 88/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nTân Hòa, ngày 02 tháng 6 năm 2025\nQUYẾT ĐỊNH\n"
    "Về việc thành lập Tổ công tác\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN HÒA\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;\n"
    "Điều 1. Thành lập Tổ công tác.\nĐiều 2. Quyết định có hiệu lực từ ngày ký./.\n\n";

// ND30 ô 9b's archive line names the unit that drafted the document by its code ("- Lưu: VT,
// KT.", the economic office KT): the authority's letters closing that list of codes are no
// authority; the block's own "KT." is read.
TEST(BlockSlips, an_authoritys_letters_closing_a_list_of_codes_are_a_code) {
  const auto got = extract_metadata(kDecision +
                                    "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT, KT.\n\n"
                                    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Bình\n");
  EXPECT_EQ(got.signing_authority, "KT. Chủ tịch");
  EXPECT_EQ(got.signer_title, "Phó Chủ tịch");
  EXPECT_EQ(got.signer, "Lê Văn Bình");
  // The block on the item's line after one space ("- Như trên; KT. CHỦ TỊCH") is still read.
  const auto beside = extract_metadata(kDecision +
                                       "Nơi nhận:\n- Như Điều 3; KT. CHỦ TỊCH\n"
                                       "- Lưu: VT. PHÓ CHỦ TỊCH\n\nLê Văn Bình\n");
  EXPECT_EQ(beside.signing_authority, "KT. Chủ tịch");
}

// A scan's engine may read a speck at the start of the block's line as a dash ("-KT. CHỦ
// TỊCH"): no recipient opens with an authority, so the line is the block's, not an item.
TEST(BlockSlips, a_dash_before_an_authority_is_a_speck_not_a_bullet) {
  const auto got = extract_metadata(kDecision +
                                    "Nơi nhận:\n- Như Điều 3;\n- UBND huyện;\n- Lưu: VT.\n"
                                    "TM. ỦY BAN NHÂN DÂN\n-KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
                                    "Lê Văn Bình\n");
  EXPECT_EQ(got.signing_authority, "TM. Ủy ban nhân dân, KT. Chủ tịch");
  EXPECT_EQ(got.signer_title, "Phó Chủ tịch");
  EXPECT_EQ(got.recipients, (std::vector<std::string>{"Như Điều 3", "UBND huyện"}));
}

// The engine reads the signature's stroke beside the name as a few signs on the name's line
// ("›>Š Nguyễn Văn An"): words of fewer than two letters before a name are dropped. A bullet
// before a name is a recipient's.
TEST(BlockSlips, signs_before_the_name_are_the_strokes_of_the_signature) {
  const auto got = extract_metadata(kDecision +
                                    "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n"
                                    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n›>Š Trần Minh Hải\n");
  EXPECT_EQ(got.signer, "Trần Minh Hải");
  EXPECT_EQ(got.signer_title, "Chủ tịch");
  const auto bullet = extract_metadata(kDecision +
                                       "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n"
                                       "Nơi nhận:\n- Trần Minh Hải;\n- Lưu: VT.\n");
  EXPECT_NE(bullet.signer, "Trần Minh Hải");
}

// A word in capitals without a vowel is no syllable but an abbreviation ("CNTT", "PCCC"): in
// a body's name set in capitals it keeps its capitals, as a title's abbreviations do; the
// words that are syllables take the name's case.
TEST(HeaderSlips, an_abbreviation_in_a_name_in_capitals_keeps_its_capitals) {
  const std::string tail =
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Số: 05/KH-BCĐ\tHà Giang, ngày 10 tháng 3 năm 2022\nKẾ HOẠCH\nHoạt động năm 2022\n"
      "I. MỤC ĐÍCH\n";
  EXPECT_EQ(extract_metadata("UBND TỈNH HÀ GIANG\nBAN CHỈ ĐẠO CNTT\n" + tail).issuer,
            "Ban Chỉ đạo CNTT tỉnh Hà Giang");
  EXPECT_EQ(extract_metadata("UBND TỈNH HÀ GIANG\nBAN CHỈ ĐẠO PCCC VÀ CNCH\n" + tail).issuer,
            "Ban Chỉ đạo PCCC và CNCH tỉnh Hà Giang");
  EXPECT_EQ(
      extract_metadata("UBND TỈNH HÀ GIANG\nBAN CHỈ ĐẠO PHÒNG CHỐNG THIÊN TAI\n" + tail).issuer,
      "Ban Chỉ đạo phòng chống thiên tai tỉnh Hà Giang");
}

// ND30 sets nothing between the trích yếu (ô 5a) and the body but the enacting authority, in
// capitals, and a rule: a short line in running case between a title line left open and the
// body's opening ("Căn cứ ...") is the title's, whatever case its first word has ("... nâng
// cấp" / "Hệ thống thư điện tử tỉnh"). Without the opening right after it, or after a title
// line that ends a phrase, the title ends as it did.
TEST(HeaderSlips, a_title_line_before_the_bodys_opening_is_the_titles) {
  const std::string head =
      "SỞ NỘI VỤ\nSố: /TTr-SNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nCà Mau, ngày tháng 5 năm 2023\nTỜ TRÌNH\n"
      "Về việc đề nghị phê duyệt dự án nâng cấp\nHệ thống thư điện tử tỉnh\n";
  EXPECT_EQ(extract_metadata(head + "Căn cứ Luật Đầu tư công ngày 13/6/2019;\n").title,
            "Về việc đề nghị phê duyệt dự án nâng cấp Hệ thống thư điện tử tỉnh");
  EXPECT_EQ(
      extract_metadata(head + "Sở Nội vụ kính trình như sau.\nCăn cứ Luật Đầu tư công;\n").title,
      "Về việc đề nghị phê duyệt dự án nâng cấp");
  const std::string closed =
      "SỞ NỘI VỤ\nSố: /TTr-SNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nCà Mau, ngày tháng 5 năm 2023\nTỜ TRÌNH\n"
      "Về việc phê duyệt dự án năm 2023\nSở Nội vụ kính trình\nCăn cứ Luật Đầu tư công;\n";
  EXPECT_EQ(extract_metadata(closed).title, "Về việc phê duyệt dự án năm 2023");
}

// ND30 names in ô 4 the administrative unit where the issuer sits: a district's People's
// Committee dates its documents at the district's name. Where the header's place and ô 4's
// are one name whose marks differ beyond the tone's placement ("HUYỆN CẢM SƠN" / "Cẩm Sơn": an
// engine slipped a mark on the capitals), the issuer takes ô 4's. Another name, or the same
// one with the tone only placed otherwise ("Tân Hoà" / "Tân Hòa"), changes nothing.
TEST(HeaderSlips, a_local_issuers_place_takes_the_marks_of_its_place_line) {
  const auto with = [](const std::string& cell, const std::string& place) {
    return extract_metadata("ỦY BAN NHÂN DÂN\n" + cell + "\nSố: 14/KH-UBND\n" +
                            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" +
                            place + ", ngày 9 tháng 4 năm 2015\nKẾ HOẠCH\nTuyên truyền năm 2015\n" +
                            "I. MỤC ĐÍCH\n")
        .issuer;
  };
  EXPECT_EQ(with("HUYỆN CẢM SƠN", "Cẩm Sơn"), "Ủy ban nhân dân huyện Cẩm Sơn");
  EXPECT_EQ(with("HUYỆN CẨM SƠN", "Cẩm Sơn"), "Ủy ban nhân dân huyện Cẩm Sơn");
  EXPECT_EQ(with("XÃ TÂN HOÀ", "Tân Hòa"), with("XÃ TÂN HOÀ", "Tân Thạnh"));
  EXPECT_EQ(with("HUYỆN CẢM SƠN", "Hà Tĩnh"), "Ủy ban nhân dân huyện Cảm Sơn");
}

// A document's number opens no recipient: an item of the list of copies wrapped before one
// ("- Như thành phần dự họp tại GM số" / "215/GM-UBND ngày ... của" / "UBND tỉnh;") goes on
// with it.
TEST(ListSlips, an_item_wrapped_before_a_number_goes_on_with_it) {
  const auto got = extract_metadata(kDecision +
                                    "Nơi nhận:\n- Như thành phần dự họp tại GM số\n"
                                    "215/GM-UBND ngày 03/10/2024 của\nUBND xã;\n"
                                    "- CT, các PCT UBND xã;\n- Lưu: VT.\n\n"
                                    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Bình\n");
  EXPECT_EQ(got.recipients,
            (std::vector<std::string>{"Như thành phần dự họp tại GM số 215/GM-UBND ngày 03/10/2024 "
                                      "của UBND xã",
                                      "CT, các PCT UBND xã"}));
}

// Addressees (ND30 ô 9a): an item that lists bodies after a colon, parted by ";" ("- Các Sở:
// Tài chính; Nội vụ;"), wrapped at one of them, goes on on the next line without a dash; and a
// list that ends every item with "." goes on with its next dashed item. The body's opening
// ends it, and a list that ends its items with ";" still ends at its item with ".".
TEST(ListSlips, addressees_wrapped_at_a_semicolon_or_each_ended_with_a_full_stop) {
  const std::string head =
      "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 905/UBND-NL\nV/v bảo vệ rừng\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Bắc Kạn, ngày 10 tháng 4 năm 2019\nKính gửi:\n";
  const std::string body =
      "\nThực hiện Chỉ thị số 13-CT/TW ngày 12/01/2017 của Ban Bí thư, UBND tỉnh yêu cầu:\n";
  const auto got = extract_metadata(head +
                                    "- Các Sở: Nông nghiệp và PTNT; Tài chính;\n"
                                    "Nội vụ; Tư pháp.\n- Công an tỉnh; BCH Quân sự\ntỉnh.\n"
                                    "- UBND các huyện, thành phố.\n" +
                                    body);
  EXPECT_EQ(got.recipients, (std::vector<std::string>{
                                "Các Sở: Nông nghiệp và PTNT; Tài chính; Nội vụ; Tư pháp",
                                "Công an tỉnh; BCH Quân sự tỉnh", "UBND các huyện, thành phố"}));
  const auto usual = extract_metadata(head +
                                      "- Sở Tài chính;\n- Sở Nội vụ.\n"
                                      "- Các đơn vị thực hiện nghiêm chỉ đạo.\n" +
                                      body);
  EXPECT_EQ(usual.recipients, (std::vector<std::string>{"Sở Tài chính", "Sở Nội vụ"}));
}

// A Party list sets the purpose beside a brace that groups items ("(báo cáo)" right of the
// committees above); a text layer reads it among the signature column's rows, after the post.
// Alone on its line there, it is no word of the last item. On the item's own line it stays.
TEST(ListSlips, a_bracketed_note_among_the_signature_column_is_no_items_word) {
  const std::string head =
      "TỈNH ỦY QUẢNG TRỊ\n*\nSố 12-CT/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
      "Đông Hà, ngày 4 tháng 3 năm 2019\nCHỈ THỊ\nvề công tác phòng, chống tham nhũng\n"
      "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện tốt các nội dung sau.\n\n";
  const auto got = extract_metadata(head +
                                    "Nơi nhận:\n- Ban Bí thư Trung ương Đảng,\n"
                                    "- Ban Nội chính Trung ương,\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n"
                                    "(báo cáo)\n- Các huyện ủy, thị ủy,\n- Lưu Văn phòng Tỉnh ủy.\n"
                                    "Nguyễn Văn Hùng\n");
  EXPECT_EQ(got.recipients,
            (std::vector<std::string>{"Ban Bí thư Trung ương Đảng", "Ban Nội chính Trung ương",
                                      "Các huyện ủy, thị ủy"}));
  const auto own_line = extract_metadata(head +
                                         "Nơi nhận:\n- Ban Bí thư Trung ương Đảng (báo cáo),\n"
                                         "- Các huyện ủy, thị ủy,\n- Lưu Văn phòng Tỉnh ủy.\n"
                                         "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn Hùng\n");
  EXPECT_EQ(own_line.recipients.front(), "Ban Bí thư Trung ương Đảng (báo cáo)");
}

}  // namespace
}  // namespace vanban::analyzers
