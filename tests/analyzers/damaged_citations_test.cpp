// Citations whose symbol or words an OCR engine, a font or a typist damaged, read by the rules
// of the damage (docs/EXTRACTION.md, "Session 14: citation recall"), and the look-alikes that
// stay out. Made-up text throughout.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "citation_keys.hpp"

namespace vanban::analyzers {
namespace {

using testing::citation_keys_of;

// The slash before a State type code lost after the number or the year: the code is tight
// against the digits and a hyphen follows it, so the slash is written back.
TEST(DamagedCitations, a_slash_lost_before_the_type_code_is_written_back) {
  const auto citations = extract_metadata(
                             "Căn cứ Nghị định số 15/2019NĐ-CP ngày 01/02/2019 của Chính phủ; "
                             "thực hiện Chỉ thị số 7CT-UBND ngày 03/4/2020 của UBND tỉnh.")
                             .citations;
  ASSERT_EQ(citations.size(), 2u);
  EXPECT_EQ(citations[0].number, "15/2019/NĐ-CP");
  EXPECT_EQ(citations[0].number_key, "15/2019/nd-cp");
  EXPECT_EQ(citations[0].date, "2019-02-01");
  EXPECT_EQ(citations[1].number, "7/CT-UBND");
  EXPECT_EQ(citations[1].type, "Chỉ thị");
  // The written forms key as the whole symbol, so a search by number meets them.
  EXPECT_EQ(symbol_key("15/2019NĐ-CP"), "15/2019/nd-cp");
  EXPECT_EQ(symbol_key("7CT-UBND"), "7/ct-ubnd");
  // Not a type code, not a year, or no hyphen after it: nothing is written back.
  EXPECT_EQ(symbol_key("3/12345QĐ-UBND"), "3/12345qd-ubnd");
  EXPECT_TRUE(citation_keys_of("Căn cứ Quyết định số 4G-LTE ngày 01/02/2019;").empty());
  EXPECT_TRUE(citation_keys_of("Căn cứ Quyết định số 12QĐ ngày 01/02/2019;").empty());
}

// An OCR layer reads the digit 1 opening a number as a capital I or a small l, or reads that 1
// twice, as the letter and as the digit ("I1318", as "QĐÐ" reads one Đ twice): a number of
// five digits from a letter before a 1 is the second reading.
TEST(DamagedCitations, an_i_read_for_the_first_digit_one_is_the_digit) {
  const auto citations = extract_metadata(
                             "- Quyết định số I205/QĐ-BGDĐT ngày 02/5/2025 của Bộ trưởng;\n"
                             "- Quyết định số l318/QĐ-BGDĐT ngày 19/5/2025 của Bộ trưởng.")
                             .citations;
  ASSERT_EQ(citations.size(), 2u);
  EXPECT_EQ(citations[0].number, "1205/QĐ-BGDĐT");
  EXPECT_EQ(citations[0].number_key, "1205/qd-bgddt");
  EXPECT_EQ(citations[1].number_key, "1318/qd-bgddt");
  EXPECT_EQ(symbol_key("I205/QĐ-BGDĐT"), "1205/qd-bgddt");
  EXPECT_EQ(symbol_key("I1318/QĐ-BGDĐT"), "1318/qd-bgddt");
  EXPECT_EQ(symbol_key("I2318/QĐ-BGDĐT"), "12318/qd-bgddt");
  EXPECT_EQ(symbol_key("I118/QĐ-BGDĐT"), "1118/qd-bgddt");
  EXPECT_EQ(citation_keys_of("theo Quyết định số I1318/QĐ-BGDĐT ngày 19/5/2025;"),
            std::vector<std::string>{"1318/qd-bgddt"});
  // A speck read as a dot inside the type's name: the symbol's code vouches for the type.
  EXPECT_EQ(citation_keys_of("- Quyết. định số I207/QĐ-BGDĐT ngày 02/5/2025 của Bộ trưởng;"),
            std::vector<std::string>{"1207/qd-bgddt"});
  EXPECT_TRUE(
      citation_keys_of("- Nghị. định số 207/QĐ-BGDĐT ngày 02/5/2025 của Bộ trưởng;").empty());
  // A word or one digit after the letter is no number: "Ia2/..." "I5/..." "Il" stay out.
  EXPECT_TRUE(citation_keys_of("theo Quyết định số I5/QĐ-UBND ngày 02/5/2025;").empty());
  EXPECT_TRUE(citation_keys_of("khu vực II23/QĐ-UBND ngày 02/5/2025;").empty());
  EXPECT_EQ(symbol_key("Ia2/QĐ-UBND"), std::nullopt);
}

// An OCR layer splits a year with a space ("201 1"): read tight against its slash, 19xx or 20xx.
TEST(DamagedCitations, a_year_split_by_a_space_is_one_year) {
  const auto citations =
      extract_metadata("Thực hiện Quyết định số 52/201 6/QĐ-UBND ngày 31/10/2016 của UBND tỉnh;")
          .citations;
  ASSERT_EQ(citations.size(), 1u);
  EXPECT_EQ(citations[0].number, "52/2016/QĐ-UBND");
  EXPECT_EQ(citations[0].date, "2016-10-31");
  // Not a year: "52/301 6/..." is read as nothing of the kind.
  EXPECT_TRUE(citation_keys_of("Thực hiện Quyết định số 52/301 6/QĐ-UBND ngày 31/10/2016;") !=
              std::vector<std::string>{"52/3016/qd-ubnd"});
}

// The hyphen's key typed with Shift held: an underscore between two codes.
TEST(DamagedCitations, an_underscore_between_codes_is_the_hyphen) {
  const auto citations =
      extract_metadata(
          "Căn cứ Thông tư số 08/2015/TT_BTC ngày 15 tháng 3 năm 2015 của Bộ Tài "
          "chính; Markdown _Quyết định số 9/QĐ-UBND_ ngày 01/02/2020.")
          .citations;
  ASSERT_EQ(citations.size(), 2u);
  EXPECT_EQ(citations[0].number, "08/2015/TT-BTC");
  EXPECT_EQ(citations[0].number_key, "8/2015/tt-btc");
  EXPECT_EQ(citations[0].date, "2015-03-15");
  // An underscore after a symbol (Markdown's emphasis) is no separator and cuts nothing.
  EXPECT_EQ(citations[1].number, "9/QĐ-UBND");
  EXPECT_EQ(symbol_key("08/2015/TT_BTC"), "8/2015/tt-btc");
}

// A number between two others ("30c") whose type code lost its hyphen to the issuer's.
TEST(DamagedCitations, a_lettered_number_with_glued_codes_is_read) {
  const auto citations =
      extract_metadata("Căn cứ Nghị quyết số 41b/NQCP ngày 08 tháng 11 năm 2012 của Chính phủ;")
          .citations;
  ASSERT_EQ(citations.size(), 1u);
  EXPECT_EQ(citations[0].number, "41b/NQCP");
  EXPECT_EQ(citations[0].number_key, "41b/nq-cp");
  // A code that is no type code glued to an issuer's stays out ("5a/CP" is no symbol).
  EXPECT_TRUE(citation_keys_of("Căn cứ Nghị quyết số 41b/ABCP ngày 08/11/2012;").empty());
}

// A font or OCR layer that lost the letters outside ASCII leaves "s" for "số" and type words
// no table knows ("Chi thj", "K hoach"): the symbol's own type code names the type.
TEST(DamagedCitations, a_symbol_after_a_so_that_lost_its_vowel_is_cited_by_its_code) {
  const auto citations = extract_metadata(
                             "- Can cu Chi thj s 12-CT/TW, ngày 14/4/2024 cüa B Chinh trj;\n"
                             "- Can cu K hoach s 03 -KH/TU, ngày 15/7/2024 cüa Ban Chp hành;\n"
                             "- Can cu Quy djnh s 31-QD/TW, ngày 26/5/2024;\n"
                             "- Can cu Cong van s 88/UBND-VX ngày 02/3/2024.")
                             .citations;
  ASSERT_EQ(citations.size(), 4u);
  EXPECT_EQ(citations[0].type, "Chỉ thị");
  EXPECT_EQ(citations[0].number_key, "12-ct/tw");
  EXPECT_EQ(citations[0].date, "2024-04-14");
  EXPECT_EQ(citations[1].type, "Kế hoạch");
  EXPECT_EQ(citations[1].number_key, "3-kh/tu");
  EXPECT_EQ(citations[2].number_key, "31-qd/tw");  // "QD": the Đ's stroke lost too
  EXPECT_EQ(citations[3].number_key, "88/ubnd-vx");
  // A symbol after any other word is no citation by this rule: "ngày s", a list's letter.
  EXPECT_TRUE(citation_keys_of("- Can cu bang 12-CT/TW, ngay 14/4/2024;").empty());
  EXPECT_TRUE(citation_keys_of("- Can cu so 12-CT/TW, ngay 14/4/2024;").empty());
}

// The amending formula as an OCR layer gives it with slipped marks names an amending law.
TEST(DamagedCitations, an_amending_law_with_slipped_marks_is_named) {
  const auto citations =
      extract_metadata("- Căn cứ Luật sửa đối, bố sung một số điều của Luật Đất đai năm 2003;")
          .citations;
  ASSERT_EQ(citations.size(), 1u);
  EXPECT_EQ(citations[0].number_key, "luat:luat sua doi bo sung mot so dieu cua luat dat dai");
  EXPECT_EQ(citations[0].date, "2003");
  // Two words of the formula are no formula: "Luật sửa đối" alone is not read as amending.
  EXPECT_TRUE(citation_keys_of("- Căn cứ Luật sửa đối thêm nhiều điều;").empty());
}

// A law's name is shared by its versions: two mentions with one name and two numbers are two
// laws, however the name was read.
TEST(DamagedCitations, one_law_name_with_two_numbers_is_two_laws) {
  EXPECT_EQ(
      citation_keys_of("Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13;\n"
                       "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
                       "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"),
      (std::vector<std::string>{"77/2015/qh13", "72/2025/qh15"}));
  // A number's year tells its law from one of another year cited by name and date.
  const auto citations =
      extract_metadata(
          "Căn cứ Luật Bảo hiểm xã hội ngày 29 tháng 6 năm 2024; theo Điều 122 của Luật Bảo hiểm "
          "xã hội số 58/2014/QH13 và Điều 41 của Luật Bảo hiểm xã hội số 41/2024/QH15; Điều 139 "
          "của Luật Bảo hiểm xã hội năm 2006.")
          .citations;
  ASSERT_EQ(citations.size(), 3u);
  EXPECT_EQ(citations[0].number, "41/2024/QH15");
  EXPECT_EQ(citations[0].date, "2024-06-29");
  EXPECT_EQ(citations[1].number, "58/2014/QH13");
  EXPECT_EQ(citations[2].number, std::nullopt);
  EXPECT_EQ(citations[2].date, "2006");
}

// Session 15 (docs/EXTRACTION.md, "Session 15: `unseen10` studied"): more of what scans, fonts
// and offices do to a citation's symbol and words.

// A number an OCR layer split with one space after its label "số" is one number; without the
// label the digits before are no part of it (a table's row number before a symbol).
TEST(DamagedCitations, a_number_split_by_a_space_after_so_is_one_number) {
  const auto citations = extract_metadata(
                             "Căn cứ Nghị định số 2 7/201 8/NĐ-CP ngày 09/3/2018 của Chính phủ;\n"
                             "Xét Tờ trình số 31 5/TTr-STC ngày 02/4/2023 của Sở Tài chính.")
                             .citations;
  ASSERT_EQ(citations.size(), 2u);
  EXPECT_EQ(citations[0].number, "27/2018/NĐ-CP");
  EXPECT_EQ(citations[0].date, "2018-03-09");
  EXPECT_EQ(citations[1].number, "315/TTr-STC");
  EXPECT_EQ(symbol_key("2 7/201 8/NĐ-CP"), "27/2018/nd-cp");
  // A row number, or a count, before a symbol stays apart.
  const auto row = find_symbols("1 12/2015/NĐ-CP Nghị định về quy hoạch");
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row[0].text, "12/2015/NĐ-CP");
  const auto count = find_symbols("gồm 3 12/KH-UBND");
  ASSERT_EQ(count.size(), 1u);
  EXPECT_EQ(count[0].text, "12/KH-UBND");
  // Four digits before the space are no part of a split number.
  EXPECT_EQ(find_symbols("số 2019 5/QĐ-UBND").at(0).text, "5/QĐ-UBND");
}

// A hyphen an OCR engine read twice ("QĐ- -UBND", "QĐ--UBND") is one separator; the written
// forms key alike.
TEST(DamagedCitations, a_hyphen_read_twice_is_one) {
  const auto citations =
      extract_metadata("thay thế Quyết định số 9/2013/QĐ- -UBND ngày 17/9/2013 của UBND tỉnh.")
          .citations;
  ASSERT_EQ(citations.size(), 1u);
  EXPECT_EQ(citations[0].number, "9/2013/QĐ-UBND");
  EXPECT_EQ(citations[0].number_key, "9/2013/qd-ubnd");
  EXPECT_EQ(symbol_key("9/2013/QĐ--UBND"), "9/2013/qd-ubnd");
  // Three dashes are a rule, not a separator.
  EXPECT_TRUE(find_symbols("số 9/QĐ---UBND").empty());
}

// The first code of a notation without a year may carry a dotted part, as an issuer's code does
// elsewhere: an office of a People's Committee writes "VP.UBND".
TEST(DamagedCitations, a_dotted_issuer_code_opens_a_notation) {
  const auto citations =
      extract_metadata(
          "Thực hiện Công văn số 318/VP.UBND-KT ngày 02 tháng 3 năm 2024 của Văn "
          "phòng Ủy ban nhân dân tỉnh về việc báo cáo giá.")
          .citations;
  ASSERT_EQ(citations.size(), 1u);
  EXPECT_EQ(citations[0].number, "318/VP.UBND-KT");
  EXPECT_EQ(citations[0].number_key, "318/vp.ubnd-kt");
  EXPECT_EQ(citations[0].date, "2024-03-02");
  // A sentence's full stop after a code is no dotted part.
  EXPECT_EQ(citation_keys_of("theo văn bản số 12/UBND.Căn cứ kết quả họp."),
            std::vector<std::string>{"12/ubnd"});
  EXPECT_EQ(find_symbols("số 12/UBND-VX.Căn cứ").at(0).text, "12/UBND-VX");
}

// An OCR engine may read the 1 that opens a number as a closing bracket (the digit's stroke and
// foot), with a space after it: after the label "số" it is the 1; a bracket or a table's pipe
// elsewhere stays what it is.
TEST(DamagedCitations, a_bracket_read_for_a_numbers_first_one_is_the_digit) {
  const auto citations =
      extract_metadata(
          "Căn cứ Nghị định số ] 37/2019/NĐ-CP ngày 07 tháng 5 năm 2019 của Chính "
          "phủ;\nCăn cứ Quyết định số ]205/QĐ-UBND ngày 02/5/2025 của UBND tỉnh.")
          .citations;
  ASSERT_EQ(citations.size(), 2u);
  EXPECT_EQ(citations[0].number, "137/2019/NĐ-CP");
  EXPECT_EQ(citations[0].date, "2019-05-07");
  EXPECT_EQ(citations[1].number_key, "1205/qd-ubnd");
  EXPECT_EQ(symbol_key("] 37/2019/NĐ-CP"), "137/2019/nd-cp");
  EXPECT_EQ(find_symbols("| 37/2019/NĐ-CP |").at(0).text, "37/2019/NĐ-CP");
  EXPECT_EQ(find_symbols("(xem [1] 37/2019/NĐ-CP)").at(0).text, "37/2019/NĐ-CP");
}

// An OCR layer may read a speck after "số" as a comma, and give a date's slashes as fraction
// slashes: a list of numbers goes on through both.
TEST(DamagedCitations, a_list_goes_on_through_a_comma_after_so_and_fraction_slashes) {
  EXPECT_EQ(citation_keys_of("(các Quyết định của UBND tỉnh: số 203/QĐ-UBND ngày 30/5/2024, SỐ, "
                             "611/QĐ-UBND ngày 13⁄11⁄2024, số 612/QĐ-UBND ngày 14/11/2024)."),
            (std::vector<std::string>{"203/qd-ubnd", "611/qd-ubnd", "612/qd-ubnd"}));
  const auto citations =
      extract_metadata("theo Kế hoạch số 14/KH-UBND ngày 13⁄11⁄2024 của UBND huyện.").citations;
  ASSERT_EQ(citations.size(), 1u);
  EXPECT_EQ(citations[0].date, "2024-11-13");
}

// An amending law that changes many laws at once names them by their count in its title ("Luật
// sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch"): the name runs to its
// date, as the amending laws of a field ("của các luật về thuế") do.
TEST(DamagedCitations, an_amending_law_names_the_laws_it_amends_by_their_count) {
  const auto citations =
      extract_metadata(
          "Căn cứ Luật Xây dựng ngày 18 tháng 6 năm 2014; Luật sửa đổi, bổ\n"
          "sung một số điều của 12 Luật có liên quan đến đầu tư ngày 20 tháng 11 "
          "năm 2019;")
          .citations;
  ASSERT_EQ(citations.size(), 2u);
  EXPECT_EQ(citations[1].number_key,
            "luat:luat sua doi bo sung mot so dieu cua 12 luat co lien quan den dau tu");
  EXPECT_EQ(citations[1].date, "2019-11-20");
  // A listed law the rules cannot read leaves the name unread, not cut inside the formula
  // ("Luật sửa đổi, bổ sung một" is no law's name).
  EXPECT_EQ(citation_keys_of("theo quy định tại Luật thuế thu nhập cá nhân, Luật sửa đổi,\n"
                             "bổ sung một số điều của Luật thuế TNCN và các văn bản hướng dẫn."),
            std::vector<std::string>{"luat:luat thue thu nhap ca nhan"});
}

// A scan's own OCR layer that lost the marks: "số" written "sO'" or "so", the dot under "ị" read
// as the tail of a j ("Nghj djnh"), a two-letter syllable's vowel taken for a sign ("Tờ" read
// "T&"): the symbol's own type code names the type, the words before "số" agree with it.
TEST(DamagedCitations, type_words_an_ocr_layer_damaged_agree_with_the_code) {
  const auto citations =
      extract_metadata(
          "Can cz' Nghj dinh sO' 12/2019/ND-CP ngày 05/3/2019 cüa ChInh phü;\n"
          "Theo d nghj cza Giám dO'c Sà Tài chInh tqi T& trInh so 77/TTr-STC ngày\n"
          "02/10/2024.")
          .citations;
  ASSERT_EQ(citations.size(), 2u);
  EXPECT_EQ(citations[0].type, "Nghị định");
  EXPECT_EQ(citations[0].number_key, "12/2019/nd-cp");
  EXPECT_EQ(citations[0].date, "2019-03-05");
  EXPECT_EQ(citations[1].type, "Tờ trình");
  EXPECT_EQ(citations[1].number_key, "77/ttr-stc");
  // Words of another type, or a last word that disagrees, vouch for nothing.
  EXPECT_TRUE(citation_keys_of("Ke hoach so 77/TTr-STC ngay 02/10/2024.").empty());
  EXPECT_TRUE(citation_keys_of("To trach so 77/TTr-STC ngay 02/10/2024.").empty());
}

// Session 16: a document cited again under a symbol its writer slipped on. A body numbers its
// documents once a year (ND30 Điều 15), so the second mention is the same document.
TEST(SlippedSymbols, a_symbol_cut_short_after_a_whole_code_is_the_symbol_cited_whole) {
  const std::string text =
      "Căn cứ Nghị quyết liên tịch số 45/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN ngày 02/7/2025 "
      "hướng dẫn quy trình hiệp thương; thực hiện theo Điều 3 Nghị quyết liên tịch số "
      "45/2025/NQLT.";
  EXPECT_EQ(citation_keys_of(text),
            std::vector<std::string>{"45/2025/nqlt-ubtvqh15-cp-dctubtwmttqvn"});
  // A code that goes on in letters is another code.
  EXPECT_EQ(
      citation_keys_of("Căn cứ Công văn số 7/UBNDX-VX ngày 01/3/2019 và Công văn số 7/UBND ngày "
                       "01/3/2019.")
          .size(),
      2u);
}

TEST(SlippedSymbols, issuers_codes_in_another_order_are_the_same_symbol) {
  const std::string text =
      "Căn cứ Kế hoạch số 21/KH-MTTQ-BTT ngày 23/12/2025 của Ban Thường trực Ủy ban MTTQ tỉnh; "
      "thực hiện theo Mục II Kế hoạch số 21/KH-BTT-MTTQ của tỉnh.";
  EXPECT_EQ(citation_keys_of(text), std::vector<std::string>{"21/kh-mttq-btt"});
  // Another type code, or dates that differ, are other documents.
  EXPECT_EQ(citation_keys_of("Căn cứ Kế hoạch số 21/KH-MTTQ-BTT ngày 23/12/2025 và Thông báo số "
                             "21/TB-BTT-MTTQ ngày 23/12/2025.")
                .size(),
            2u);
  EXPECT_EQ(citation_keys_of("Căn cứ Kế hoạch số 21/KH-MTTQ-BTT ngày 23/12/2025 và Kế hoạch số "
                             "21/KH-BTT-MTTQ ngày 05/01/2024.")
                .size(),
            2u);
}

TEST(SlippedSymbols, another_type_code_under_the_same_type_name_is_a_slip) {
  const auto citations =
      extract_metadata(
          "Thực hiện Quyết định số 512-QĐ/TW, ngày 08/8/2025 của Ban Bí thư về mẫu thẻ; Quyết "
          "định số 512-CT/TW, ngày 08/8/2025 của Ban Bí thư về việc ban hành mẫu thẻ. Thực hiện "
          "theo Quy định số 09-QĐi/TW ngày 28/8/2018 của Bộ Chính trị và Quy định số 09-QĐ/TW.")
          .citations;
  ASSERT_EQ(citations.size(), 2u);
  EXPECT_EQ(citations[0].number, "512-QĐ/TW");  // the code of a Quyết định
  EXPECT_EQ(citations[1].number, "09-QĐi/TW");  // the one cited with its date
  EXPECT_EQ(citations[1].date, "2018-08-28");
  // Under two type names the codes name two documents.
  EXPECT_EQ(
      citation_keys_of("Căn cứ Quyết định số 512-QĐ/TW ngày 08/8/2025 và Chỉ thị số 512-CT/TW ngày "
                       "08/8/2025 của Ban Bí thư.")
          .size(),
      2u);
}

TEST(SlippedSymbols, an_issuer_abbreviated_in_one_mention_is_the_same_issuer) {
  // The same symbol with two days of one year: one document when the issuers agree, an
  // abbreviation ("BCH") spelled out.
  const auto citations =
      extract_metadata(
          "Căn cứ Quy định số 215-QĐ/TW, ngày 30/5/2025 của BCH Trung ương Đảng về công tác kiểm "
          "tra; thực hiện Quy định số 215-QĐ/TW ngày 20/5/2025 của Ban Chấp hành Trung ương Đảng "
          "về công tác kiểm tra.")
          .citations;
  ASSERT_EQ(citations.size(), 1u);
  EXPECT_EQ(citations[0].date, "2025-05-30");
  EXPECT_EQ(
      citation_keys_of("Căn cứ Quy định số 215-QĐ/TW, ngày 30/5/2025 của BCH Trung ương Đảng; Quy "
                       "định số 215-QĐ/TW ngày 20/5/2025 của Ban Bí thư.")
          .size(),
      2u);
}

// Session 16 (docs/EXTRACTION.md, "Session 16: `unseen11` studied").
// An OCR layer without marks reads "số" as "s6", "sd", "se" with a stray sign after it ("se;",
// "se)"), a marked vowel of the type's name as a digit or a capital ("Quy6t", "QuySt"), a tone
// as an apostrophe ("Quye't") and the "đ" as "cl" ("clinh"): the symbol's own type code vouches
// for the type, as for the slips session 15 read. One vowel slip per name; a joint circular
// may be cited by the words of its kind ("Thong tu so .../TTLT-...").
TEST(DamagedCitations, so_and_type_words_an_ocr_layer_read_without_marks_agree_with_the_code) {
  EXPECT_EQ(
      citation_keys_of("Thuc hien Quy6t dinh so 62/QD-UBND ngay 05/09/2014; QuySt dinh se; "
                       "63/2014/QD-UBND; Quye't clinh sd 64/QD-UBND; Quyet dinh se) 65/QD-UBND "
                       "va Thong tu s6 06/2016/TTLT-BTTTT-BNV."),
      (std::vector<std::string>{"62/qd-ubnd", "63/2014/qd-ubnd", "64/qd-ubnd", "65/qd-ubnd",
                                "6/2016/ttlt-btttt-bnv"}));
  // Two slips in one name, a slip at the word's first letter, or a word of another type: no.
  EXPECT_TRUE(citation_keys_of("Thuc hien Quy6t d1nh so 62/QD-UBND ngay 05/09/2014.").empty());
  EXPECT_TRUE(citation_keys_of("Thuc hien 6uyet dinh so 62/QD-UBND ngay 05/09/2014.").empty());
  EXPECT_TRUE(citation_keys_of("Thuc hien Ke hoach s6 62/QD-UBND ngay 05/09/2014.").empty());
}

// ND30 abbreviates a type by its code ("QĐ", "KH", "GM" for a giấy mời): the code alone before
// "số", the symbol's own type code, names the type ("GM số 314/GM-UBND"); another code, or a
// công văn's issuer code ("UBND số 13/UBND-VP"), names none.
TEST(DamagedCitations, a_type_written_by_its_code_before_so_is_that_type) {
  const auto citations = extract_metadata(
                             "Thực hiện GM số 314/GM-UBND ngày 03/10/2023 của UBND tỉnh và QĐ số "
                             "61/2014/QĐ-UBND ngày 05/9/2014; theo QD so 62/QD-UBND.")
                             .citations;
  ASSERT_EQ(citations.size(), 3u);
  EXPECT_EQ(citations[0].type, "Giấy mời");
  EXPECT_EQ(citations[0].number_key, "314/gm-ubnd");
  EXPECT_EQ(citations[0].date, "2023-10-03");
  EXPECT_EQ(citations[1].type, "Quyết định");
  EXPECT_EQ(citations[1].number_key, "61/2014/qd-ubnd");
  EXPECT_EQ(citations[2].number_key, "62/qd-ubnd");
  EXPECT_TRUE(citation_keys_of("Theo UBND số 13/UBND-VP ngày 03/10/2023.").empty());
  EXPECT_TRUE(citation_keys_of("Thực hiện KH số 61/QĐ-UBND ngày 05/9/2014.").empty());
}

// The amending formula shortened by a typist, the law named right after "điều" without its
// "của" ("Luật sửa đổi, bổ sung một số điều Luật Thi đua, khen thưởng"), names the amending law,
// not the amended one; and laws named together by their field run to their number, however
// many words the field takes ("... của các Luật liên quan đến đầu tư xây dựng cơ bản số
// 38/2009/QH12", nine words).
TEST(DamagedCitations, an_amending_formula_without_cua_and_a_long_field_of_laws) {
  const auto shortened =
      extract_metadata(
          "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003 và Luật sửa "
          "đổi, bổ sung một số điều Luật Thi đua, khen thưởng ngày 16 tháng 11 năm "
          "2013;")
          .citations;
  ASSERT_EQ(shortened.size(), 2u);
  EXPECT_EQ(shortened[1].number_key,
            "luat:luat sua doi bo sung mot so dieu luat thi dua khen thuong");
  EXPECT_EQ(shortened[1].date, "2013-11-16");
  const auto field = extract_metadata(
                         "Căn cứ Luật sửa đổi, bổ sung một số điều của các Luật liên quan đến "
                         "đầu tư xây dựng cơ bản số 38/2009/QH12 ngày 19/6/2009;")
                         .citations;
  ASSERT_EQ(field.size(), 1u);
  EXPECT_EQ(field[0].number_key, "38/2009/qh12");
}

}  // namespace
}  // namespace vanban::analyzers
