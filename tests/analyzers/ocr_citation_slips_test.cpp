// Citations an OCR engine or a typist damaged in ways session 26 read by rule (docs/EXTRACTION.md,
// "Session 26: citations"): a Party symbol's slash read as an I or an l, a symbol cut to one
// letter after its year, a tone read as an apostrophe inside a type word, "số" read "sa" or
// "s9", a unit's long code after a dot, and the amending formula's punctuation. Each with the
// look-alikes that stay out. Made-up text throughout.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "citation_keys.hpp"

namespace vanban::analyzers {
namespace {

using testing::citation_keys_of;

// A Party symbol is <number>-<type>/<issuer> (domain.md §3.2); an OCR engine reads its slash, one
// upright stroke, as a capital I or a small l. Between a Party type code and an issuer's code
// that ends in a committee's level (TW, TU, HU, QU, ĐU), that letter is the slash.
TEST(OcrCitationSlips, a_party_slash_read_as_i_or_l_is_the_slash) {
  const auto citations = extract_metadata(
                             "Thực hiện Chỉ thị số 07-CTITW ngày 02/3/2016 của Bộ Chính trị và "
                             "Kế hoạch số 21-KHlTU ngày 05/4/2016 của Tỉnh ủy.")
                             .citations;
  ASSERT_EQ(citations.size(), 2u);
  EXPECT_EQ(citations[0].type, "Chỉ thị");
  EXPECT_EQ(citations[0].number, "07-CT/TW");
  EXPECT_EQ(citations[0].number_key, "7-ct/tw");
  EXPECT_EQ(citations[0].date, "2016-03-02");
  EXPECT_EQ(citations[1].number_key, "21-kh/tu");
  // The written forms key as the symbol, so the annotation as written and a search meet them.
  EXPECT_EQ(symbol_key("07-CTITW"), "7-ct/tw");
  EXPECT_EQ(symbol_key("33-NQITW"), "33-nq/tw");
  EXPECT_EQ(symbol_key("33-CTrlTU"), "33-ctr/tu");
  EXPECT_EQ(symbol_key("12-QĐIĐU"), "12-qd/du");
  // Controls: no Party type code before the letter ("XYITW"), an issuer's code of no committee
  // level ("NQIABC"), a small i that belongs to the code ("QĐi/TW" is a Quy định's code), a
  // State symbol, and the older form naming only its issuer ("206-CP").
  EXPECT_EQ(symbol_key("07-XYITW"), "7/xyitw");
  EXPECT_EQ(symbol_key("07-NQIABC"), "7/nqiabc");
  EXPECT_EQ(symbol_key("08-QĐi/TW"), "8-qdi/tw");
  EXPECT_EQ(symbol_key("206-CP"), "206/cp");
  // The older form naming only its issuer, as it was read before.
  EXPECT_EQ(citation_keys_of("Căn cứ Chỉ thị số 07-XYITW ngày 02/3/2016."),
            std::vector<std::string>{"7/xyitw"});
  EXPECT_EQ(citation_keys_of("Căn cứ Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành."),
            std::vector<std::string>{"8-qdi/tw"});
}

// No type code and no issuer's code is one letter (a Lệnh's "L" has its issuer: L-CTN), so a
// normative number whose notation is one letter alone is a symbol an OCR engine or a table's
// cell cut ("01/2021/T. 1-BKHCN"): no citation of its own.
TEST(OcrCitationSlips, a_symbol_cut_to_one_letter_after_its_year_is_none) {
  EXPECT_TRUE(find_symbols("Căn cứ Thông tư 01/2021/T. 1-BKHCN ngày 01/3/2021").empty());
  EXPECT_TRUE(find_symbols("Nghị định số 87/2020/N").empty());
  EXPECT_EQ(citation_keys_of("Căn cứ Thông tư 01/2021/T. 1-BKHCN ngày 01 tháng 3 năm 2021;"),
            std::vector<std::string>{});
  // Controls: a two-letter notation, a Lệnh with its issuer, a State symbol without a year.
  ASSERT_EQ(find_symbols("Lệnh số 05/2020/L-CTN ngày 01/7/2020").size(), 1u);
  ASSERT_EQ(find_symbols("Luật số 64/2025/QH15").size(), 1u);
  EXPECT_EQ(citation_keys_of("Căn cứ Nghị định số 87/2020/NĐ-CP ngày 28/7/2020 của Chính phủ;"),
            std::vector<std::string>{"87/2020/nd-cp"});
}

// An OCR layer without marks writes a tone as an apostrophe ("Quye't"); with the vowel misread
// too ("quy'jt" for "quyết") the word is one slip from the type's name once the apostrophe is
// set aside, and the symbol's own code vouches for the type.
TEST(OcrCitationSlips, a_type_word_with_an_apostrophe_and_a_misread_vowel) {
  EXPECT_EQ(
      citation_keys_of("Can cu Nghi quy'jt s6 71-NQ/TW ngay 22 thang 8 nam 2025 cua Bo Chinh tri;"),
      std::vector<std::string>{"71-nq/tw"});
  // Control: two slips in the name are not vouched for.
  EXPECT_EQ(citation_keys_of("Can cu Nghx quy'jt s6 71-NQ/TW ngay 22 thang 8 nam 2025;"),
            std::vector<std::string>{});
}

// "số" as an OCR layer without marks reads it: "s6", "s9", "sa" (the "ố" read as a digit or a
// letter of like shape). Only before a symbol whose type code names the type the words before
// it spell.
TEST(OcrCitationSlips, so_read_as_s9_or_sa) {
  EXPECT_EQ(citation_keys_of("Thuc hien Nghi quyet sa 33-NQ/TW ngay 09/6/2014 cua Ban Chap hanh;"),
            std::vector<std::string>{"33-nq/tw"});
  EXPECT_EQ(citation_keys_of("Can cu Quyet dinh s9 15/QD-UBND ngay 02/3/2020 cua UBND tinh;"),
            std::vector<std::string>{"15/qd-ubnd"});
  // Control: the words before do not spell the symbol's type.
  EXPECT_EQ(citation_keys_of("Nhan vien sa 33-NQ/TW ngay 09/6/2014;"), std::vector<std::string>{});
}

// A number of the National Assembly's notation (<n>/<year>/QH<term>, domain.md §2.2) is a law's
// or one of the Assembly's resolutions: its code names no type, so the words before "số", read
// as a layer without marks writes them, say which.
TEST(OcrCitationSlips, a_national_assembly_number_takes_the_type_its_words_name) {
  const auto citations =
      extract_metadata(
          "Can cu Nghi quy'jt so 248/2025/QH15 ngay 10 thang 12 nam 2025 cua Quoc "
          "hoi; Luat so 64/2025/QH15 ngay 19 thang 2 nam 2025.")
          .citations;
  ASSERT_EQ(citations.size(), 2u);
  EXPECT_EQ(citations[0].type, "Nghị quyết");
  EXPECT_EQ(citations[0].number_key, "248/2025/qh15");
  EXPECT_EQ(citations[1].type, "Luật");
  EXPECT_EQ(citations[1].number_key, "64/2025/qh15");
  // Controls: words that name no type, another code that names none.
  EXPECT_EQ(citation_keys_of("Bang 2 so 64/2025/QH15 ngay 19 thang 2 nam 2025."),
            std::vector<std::string>{});
  EXPECT_EQ(citation_keys_of("Nghi quyet so 64/2025/XY15 ngay 19 thang 2 nam 2025."),
            std::vector<std::string>{});
}

// A slash typed twice, tight, is one separator, as a hyphen read twice is ("QĐ--UBND").
TEST(OcrCitationSlips, a_slash_typed_twice_is_one) {
  EXPECT_EQ(
      citation_keys_of("Căn cứ Quyết định số 5959//QĐ-BVT ngày 21/9/2021 của Giám đốc Bệnh viện;"),
      std::vector<std::string>{"5959/qd-bvt"});
  EXPECT_EQ(symbol_key("5959//QĐ-BVT"), "5959/qd-bvt");
  // Controls: three slashes, a slash and a space and a slash, an address.
  EXPECT_TRUE(find_symbols("số 5959///QĐ-BVT").empty());
  EXPECT_TRUE(find_symbols("xem http://12//abc").empty());
}

// "Văn bản", the word that names any document (most often a công văn), capitalised as a cited
// instrument's type, with a whole symbol right after it: read as with "số", as "Công văn" is.
TEST(OcrCitationSlips, a_capitalised_van_ban_with_a_symbol_after_it) {
  const auto citations = extract_metadata(
                             "Xét đề nghị của Giám đốc Sở Tài chính tại Văn bản 3398/STC-GCS ngày "
                             "12/10/2017 về việc thẩm định giá.")
                             .citations;
  ASSERT_EQ(citations.size(), 1u);
  EXPECT_EQ(citations[0].number_key, "3398/stc-gcs");
  EXPECT_EQ(citations[0].date, "2017-10-12");
  // Controls: in lower case ("các văn bản ..."), a year after it, the older form naming only
  // its issuer (only "số" vouches for that).
  EXPECT_EQ(citation_keys_of("gửi kèm các văn bản 3398/STC-GCS ngày 12/10/2017."),
            std::vector<std::string>{});
  EXPECT_EQ(citation_keys_of("Văn bản 2017 của Sở Tài chính."), std::vector<std::string>{});
  EXPECT_EQ(citation_keys_of("Văn bản 50/CP ngày 12/10/1995."), std::vector<std::string>{});
}

// An OCR engine reads a comma as a dot: a name the table of law names knows goes on across one
// dot before a word in lower case, to the name's end, and is the table's name.
TEST(OcrCitationSlips, a_known_law_name_across_a_dot_read_for_its_comma) {
  const std::string key =
      "luat:luat nhap canh xuat canh qua canh cu tru cua nguoi nuoc ngoai "
      "tai viet nam";
  for (const char* text : {"Căn cứ Luật Nhập cảnh, xuất cảnh, quá cảnh. cư trú của người nước "
                           "ngoài tại Việt Nam ngày 16 tháng 6 năm 2014;",
                           // with a word's marks misread too
                           "Căn cứ Luật Nhập cảnh, xuất cảnh, quả cảnh. cư trú của người nước "
                           "ngoài tại Việt Nam ngày 16 tháng 6 năm 2014;"}) {
    const auto citations = extract_metadata(text).citations;
    ASSERT_EQ(citations.size(), 1u) << text;
    EXPECT_EQ(citations[0].number_key, key) << text;
    EXPECT_EQ(citations[0].date, "2014-06-16") << text;
  }
  // Controls: a dot that ends the sentence after a whole name, before a word in lower case or
  // in capitals; a name that does not go on to a known name's end.
  EXPECT_EQ(citation_keys_of("theo Luật Đất đai. các cơ quan thực hiện."),
            std::vector<std::string>{"luat:luat dat dai"});
  EXPECT_EQ(citation_keys_of("theo Luật Đất đai. Các cơ quan thực hiện."),
            std::vector<std::string>{"luat:luat dat dai"});
  EXPECT_EQ(citation_keys_of("theo Luật Nhập cảnh, xuất cảnh, quá cảnh. các cơ quan thực hiện."),
            std::vector<std::string>{"luat:luat nhap canh xuat canh qua canh"});
}

// An OCR engine reads a capital Đ as a B (its bar and bowl): a type code ending in B ("QB") is
// read as Đ when the words before "số" spell the type so read; the key stays as written.
TEST(OcrCitationSlips, a_type_code_s_d_with_stroke_read_as_b) {
  EXPECT_EQ(citation_keys_of("Can cu Quylt dinh s6 1439/QB-BTTTT ngay 30 thang 8 nam 2017 cua Bo;"),
            std::vector<std::string>{"1439/qb-btttt"});
  // Controls: words of no type; a công văn whose code ends in a B stays a công văn; the type's
  // first letter read as B is more than the code vouches for (RecognitionSlips).
  EXPECT_EQ(citation_keys_of("Bao cao so 12/QB-UBND ngay 06/12/2021;"), std::vector<std::string>{});
  const auto citations = extract_metadata("Cong van so 12/QB-UBND ngay 06/12/2021;").citations;
  ASSERT_EQ(citations.size(), 1u);
  EXPECT_EQ(citations[0].type, "Công văn");
  EXPECT_EQ(citation_keys_of("Can cu Nghi Binh so 107/2021/ND-CP ngay 06 thang 12 nam 2021;"),
            std::vector<std::string>{});
}

// A body's code may carry its unit after a dot ("BTT.UBMTTQ": the Fatherland Front's standing
// committee): up to eight capitals that spell no syllables, glued or not.
TEST(OcrCitationSlips, a_long_unit_code_after_a_dot) {
  const auto found = find_symbols("Căn cứ Kế hoạch liên tịch số 4103/KHLT-UBND-BTT.UBMTTQ ngày");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "4103/KHLT-UBND-BTT.UBMTTQ");
  // Controls: six capitals and more that spell syllables, glued where a space was lost, after a
  // sentence's dot ("BANCHAP", "THANHPHO").
  for (const char* text : {"Công văn 12/UBND-VP.BANCHAP", "Công văn 12/UBND-VP.THANHPHO"}) {
    const auto symbols = find_symbols(text);
    ASSERT_EQ(symbols.size(), 1u) << text;
    EXPECT_EQ(symbols[0].text.find('.'), std::string::npos) << text;
  }
}

// The amending formula "sửa đổi, bổ sung" is one formula however its punctuation came: without
// the comma, with an OCR engine's dot for it, with a stray colon. An amending law keeps one key.
TEST(OcrCitationSlips, the_amending_formula_punctuation_is_no_part_of_the_name) {
  const std::string key =
      "luat:luat sua doi bo sung mot so dieu cua luat ban hanh van ban quy pham phap luat";
  for (const char* name :
       {"Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật",
        "Luật sửa đổi bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật",
        "Luật sửa đổi. bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật",
        "Luật Sửa đổi, bổ Sung: một số điều của Luật Ban hành văn bản quy phạm pháp luật"})
    EXPECT_EQ(law_key(name), key) << name;
  for (const char* text :
       {"Căn cứ Luật sửa đổi. bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật "
        "ngày 18 tháng 6 năm 2020;",
        "Căn cứ Luật Sửa đổi, bổ Sung: một số điều của Luật Ban hành văn bản quy phạm pháp luật "
        "ngày 18 tháng 6 năm 2020;"})
    EXPECT_EQ(citation_keys_of(text), std::vector<std::string>{key}) << text;
  // Two spellings of the one law in a text are one citation.
  EXPECT_EQ(
      citation_keys_of("Căn cứ Luật sửa đổi bổ sung một số điều của Luật Thi đua, khen thưởng ngày "
                       "16/11/2013; theo Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen "
                       "thưởng."),
      std::vector<std::string>{
          "luat:luat sua doi bo sung mot so dieu cua luat thi dua khen thuong"});
  // Controls: "sửa đổi" alone, or another word between, is no formula to unify.
  EXPECT_EQ(law_key("Luật sửa đổi Luật Đất đai"), "luat:luat sua doi luat dat dai");
  EXPECT_EQ(law_key("Luật sửa đổi và bổ sung Luật Đất đai"),
            "luat:luat sua doi va bo sung luat dat dai");
  // A dot that ends the clause after "sửa đổi" is no formula's: nothing is read past it.
  EXPECT_EQ(citation_keys_of("Các Luật được sửa đổi. Bộ phận một cửa tiếp nhận hồ sơ."),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace vanban::analyzers
