// Values a user reads in the facets are spelled as the documents mean them, whatever the file's
// encoding or font did to their letters: the eth Ð/ð a Windows-1258 byte of Đ/đ becomes when
// read as Latin-1 (docs/domain.md 6.2) is Đ/đ in a symbol and in a Vietnamese word; a Cyrillic
// or Greek capital drawn as a Latin one is that Latin letter in a symbol; a law cited with its
// number is named up to the number (docs/domain.md 1.8); a law's name set in capitals is shown
// as the law writes it in running text.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/reading_text.hpp"
#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "structure/body_names.hpp"
#include "structure/lost_letters.hpp"

namespace vanban::analyzers {
namespace {

// A made-up plan of a district with `body`: its metadata.
DocumentMetadata spelled_plan(const std::string& header_unit, const std::string& body) {
  return extract_metadata("ỦY BAN NHÂN DÂN\n" + header_unit +
                          "\nSố: 31/KH-UBND\nHà Nam, ngày 6 tháng 5 năm 2024\nKẾ HOẠCH\nTriển "
                          "khai công tác năm 2024\n" +
                          body + "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n");
}

std::set<std::string> spelled_numbers(const DocumentMetadata& metadata) {
  std::set<std::string> numbers;
  for (const Citation& citation : metadata.citations)
    if (citation.number) numbers.insert(*citation.number);
  return numbers;
}

// The names of the laws cited (with their number or without).
std::set<std::string> spelled_law_names(const DocumentMetadata& metadata) {
  std::set<std::string> names;
  for (const Citation& citation : metadata.citations)
    if (citation.title && citation.type &&
        (*citation.type == "Luật" || *citation.type == "Bộ luật"))
      names.insert(*citation.title);
  return names;
}

TEST(FacetSpelling, an_eth_in_a_symbol_is_the_d_with_stroke) {
  // CP1258 writes Đ as 0xD0, which Latin-1 reads as Ð: the symbol's code is QĐ, NĐ.
  const DocumentMetadata plan =
      spelled_plan("HUYỆN KIM BẢNG",
                   "1. Căn cứ Quyết định số 25/QÐ-UBND ngày 2 tháng 3 năm 2024 của Ủy ban nhân "
                   "dân tỉnh và Nghị định số 12/2021/NÐ-CP ngày 5 tháng 2 năm 2021 của Chính phủ;");
  EXPECT_EQ(spelled_numbers(plan), (std::set<std::string>{"12/2021/NĐ-CP", "25/QĐ-UBND"}));
  // An OCR engine that read one Đ twice, as itself and as the eth: one letter.
  const DocumentMetadata twice = spelled_plan(
      "HUYỆN KIM BẢNG", "1. Thực hiện Quyết định số 418/QĐÐ-UBND ngày 2 tháng 3 năm 2024.");
  EXPECT_EQ(spelled_numbers(twice), std::set<std::string>{"418/QĐ-UBND"});
  // The same key as the symbol written with Đ, so both filter to one value.
  EXPECT_EQ(symbol_key("25/QÐ-UBND"), symbol_key("25/QĐ-UBND"));
}

TEST(FacetSpelling, a_look_alike_capital_of_another_script_in_a_symbol_is_the_latin_letter) {
  // Cyrillic С and Р (U+0421, U+0420), Т (U+0422); Greek Τ (U+03A4): no symbol is written in
  // those scripts.
  const DocumentMetadata plan = spelled_plan(
      "HUYỆN KIM BẢNG",
      "1. Căn cứ Nghị định số 40/2026/NĐ-\u0421\u0420 ngày 5 tháng 2 năm 2026 của Chính phủ, "
      "Thông tư số 06/2022/TT-B\u0422\u0421 ngày 9 tháng 2 năm 2022 của Bộ Tài chính và Quyết "
      "định số 7/QĐ-\u03A4Tg ngày 3 tháng 1 năm 2024 của Thủ tướng Chính phủ;");
  EXPECT_EQ(spelled_numbers(plan),
            (std::set<std::string>{"06/2022/TT-BTC", "40/2026/NĐ-CP", "7/QĐ-TTg"}));
  EXPECT_EQ(symbol_key("40/2026/NĐ-\u0421\u0420"), symbol_key("40/2026/NĐ-CP"));
  // A word of another script beside a number is no symbol: "5 кг" stays none.
  EXPECT_FALSE(symbol_key("5/\u043A\u0433").has_value());
}

TEST(FacetSpelling, an_eth_in_a_vietnamese_word_is_the_d_with_stroke) {
  using structure::with_font_look_alikes_mended;
  // A syllable with Đ, a word in capitals (an abbreviation), the point letter alone.
  EXPECT_EQ(with_font_look_alikes_mended("Ðiều 5. Giao Ðảng ủy xã và HÐND xã; ð) ðồng bộ"),
            std::optional<std::string>("Điều 5. Giao Đảng ủy xã và HĐND xã; đ) đồng bộ"));
  // No syllable with Đ either (a word of another language, a garbled one): it stays.
  EXPECT_EQ(with_font_look_alikes_mended("Ðorgeir và ðrtw"), std::nullopt);
  // Đ read twice stays for the symbol reader, which keys and writes it once.
  EXPECT_EQ(with_font_look_alikes_mended("418/QĐÐ-UBND"), std::nullopt);
  // Through the extractor: the district's name in the issuer.
  EXPECT_EQ(spelled_plan("HUYỆN ÐÔNG ANH", "1. Triển khai công tác.").issuer,
            std::optional<std::string>("Ủy ban nhân dân huyện Đông Anh"));
}

TEST(FacetSpelling, a_law_cited_with_its_number_is_named_up_to_the_number) {
  // "tại", "đang" end most names, but the clause goes on in words to "số" and a National
  // Assembly number: the words between are the name's.
  EXPECT_EQ(spelled_law_names(spelled_plan(
                "HUYỆN KIM BẢNG",
                "Căn cứ Luật Hỗ trợ người dân tại vùng biên giới số 12/2024/QH15;\nCăn cứ Luật "
                "Chăm sóc người đang điều trị lâu dài số 30/2025/QH15;")),
            (std::set<std::string>{"Luật Chăm sóc người đang điều trị lâu dài",
                                   "Luật Hỗ trợ người dân tại vùng biên giới"}));
  // A number that is no law's (a body's plan) is another document: the name ends as before.
  EXPECT_EQ(spelled_law_names(spelled_plan(
                "HUYỆN KIM BẢNG",
                "1. Thực hiện Luật Đất đai tại địa phương số 15/UBND-KT ngày 3 tháng 4 năm 2024.")),
            std::set<std::string>{"Luật Đất đai"});
  // Another type name on the way: the number is the amending law's.
  EXPECT_EQ(spelled_law_names(spelled_plan(
                "HUYỆN KIM BẢNG",
                "1. Căn cứ Luật Đất đai tại địa phương được sửa đổi bởi Luật số 43/2024/QH15;")),
            std::set<std::string>{"Luật Đất đai"});
}

TEST(FacetSpelling, a_law_s_name_in_capitals_is_shown_as_the_law_writes_it) {
  EXPECT_EQ(spelled_law_names(spelled_plan(
                "HUYỆN KIM BẢNG", "1. Tuyên truyền BỘ LUẬT LAO ĐỘNG trong các doanh nghiệp.")),
            std::set<std::string>{"Bộ luật Lao động"});
}

TEST(FacetSpelling, a_known_law_s_name_is_read_through_a_misread_mark_or_an_added_plural) {
  // A scan's slip of one word's marks ("khâu" for "khẩu") or a plural word the writer added
  // ("các") inside a name the table knows, its next words read exactly: the table's name.
  EXPECT_EQ(spelled_law_names(spelled_plan(
                "HUYỆN KIM BẢNG",
                "Căn cứ Luật Thuế xuất khâu, thuế nhập khẩu ngày 6 tháng 4 năm 2016;\nCăn cứ Luật "
                "Phòng, chống các bệnh truyền nhiễm ngày 21 tháng 11 năm 2007;")),
            (std::set<std::string>{"Luật Phòng, chống bệnh truyền nhiễm",
                                   "Luật Thuế xuất khẩu, thuế nhập khẩu"}));
  // Other letters ("41" for "quy") are a garble no rule reads as the name; "và" where the table
  // writes a comma is the same name spelled so; a name read whole is not stretched into a
  // longer one.
  const std::set<std::string> kept = spelled_law_names(spelled_plan(
      "HUYỆN KIM BẢNG",
      "Căn cứ Luật Ban hành văn bản 41 phạm pháp luật ngày 22 tháng 6 năm 2015;\nCăn cứ Luật "
      "Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân và Ủy ban nhân dân ngày 03 "
      "tháng 12 năm 2004;\n1. Tuyên truyền Luật Đất đai và các văn bản hướng dẫn thi hành."));
  EXPECT_FALSE(kept.contains("Luật Ban hành văn bản quy phạm pháp luật"));
  EXPECT_TRUE(kept.contains(
      "Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân và Ủy ban nhân dân"));
  EXPECT_TRUE(kept.contains("Luật Đất đai"));
  EXPECT_FALSE(kept.contains("Luật Đất đai và các văn bản hướng dẫn thi hành"));
}

TEST(FacetSpelling, a_known_law_s_name_cut_by_the_text_s_end_is_the_one_name_it_begins) {
  // The text ends inside a name only one law of the table goes on with: that law.
  EXPECT_EQ(spelled_law_names(spelled_plan(
                "HUYỆN KIM BẢNG",
                "1. Thực hiện quy định của Luật Quản lý, sử dụng vốn nhà nước đầu tư vào sản "
                "xuất, kinh doanh tại")),
            std::set<std::string>{"Luật Quản lý, sử dụng vốn Nhà nước đầu tư vào sản xuất, "
                                  "kinh doanh tại doanh nghiệp"});
  // Words that begin several laws' names ("Phòng, chống" ma túy, tham nhũng, ...) name none of
  // them.
  const auto several = spelled_law_names(
      spelled_plan("HUYỆN KIM BẢNG", "1. Thực hiện quy định của Luật Phòng, chống"));
  for (const std::string& name : several)
    EXPECT_EQ(name.find("Phòng, chống "), std::string::npos) << name;
}

TEST(FacetSpelling, the_number_label_after_a_known_law_s_name_is_no_word_of_it) {
  // "số" whose number was lost, right after a name the table knows: the number's label.
  EXPECT_EQ(spelled_law_names(spelled_plan(
                "HUYỆN KIM BẢNG", "Căn cứ Luật Quản lý thuế số  ngày 13 tháng 6 năm 2019;")),
            std::set<std::string>{"Luật Quản lý thuế"});
  // A name the table does not know may end in the noun "số".
  EXPECT_EQ(spelled_law_names(spelled_plan("HUYỆN KIM BẢNG",
                                           "Căn cứ Luật Chuyển đổi số ngày 14 tháng 6 năm 2025;")),
            std::set<std::string>{"Luật Chuyển đổi số"});
}

TEST(FacetSpelling, and_with_a_clause_after_a_law_s_name_is_the_sentence_s) {
  // "và" and lower-case words ended by a word of the sentence ("của"): the sentence's.
  EXPECT_EQ(spelled_law_names(spelled_plan(
                "HUYỆN KIM BẢNG",
                "1. Áp dụng quy định tại Điều 22 Luật Trí tuệ nhân tạo và nội dung của giấy xác "
                "nhận.")),
            std::set<std::string>{"Luật Trí tuệ nhân tạo"});
  // Closed by the citation's date, the words after "và" are the name's.
  EXPECT_EQ(
      spelled_law_names(spelled_plan(
          "HUYỆN KIM BẢNG", "Căn cứ Luật Kiểm định và hiệu chuẩn ngày 10 tháng 12 năm 2025;")),
      std::set<std::string>{"Luật Kiểm định và hiệu chuẩn"});
}

TEST(FacetSpelling, a_place_of_one_letter_syllables_is_a_name_in_title_case) {
  using structure::body_with_place;
  // "U", "A" are syllables of place names, not a heading's capitals.
  EXPECT_EQ(body_with_place("Ủy ban nhân dân huyện",
                            "Kế hoạch rà soát trên địa bàn huyện A Lưới năm 2021."),
            std::optional<std::string>("Ủy ban nhân dân huyện A Lưới"));
  // So a sentence's capitalised verb after the level ("huyện Xây dựng Kế hoạch") is one reading
  // among others, not the place.
  EXPECT_EQ(body_with_place("Ủy ban nhân dân huyện",
                            "Rà soát trên địa bàn huyện U Minh Thượng.\nỦy ban nhân dân huyện "
                            "Xây dựng Kế hoạch rà soát như sau:"),
            std::nullopt);
}

TEST(FacetSpelling, a_level_word_is_read_with_its_marks_not_by_a_folded_look_alike) {
  using structure::body_with_place;
  using structure::committee_with_place;
  // A village named "Tình Á" in a list of villages folds to "tinh a" but is no "tỉnh Á": the
  // level is the word with its marks, so the text names no province and the body keeps none.
  EXPECT_EQ(body_with_place("Hội đồng nhân dân tỉnh",
                            "Ngày 7/12, HĐND tỉnh khóa XIII ban hành Nghị quyết.\nSau sắp xếp, "
                            "xã có 12 thôn, bản, gồm: Pạc Này, Tài Phố, Tình Á, Lý Nà."),
            std::nullopt);
  EXPECT_EQ(body_with_place("Ủy ban nhân dân xã", "Các hộ ở bản Xá Nhè đã được hỗ trợ."),
            std::nullopt);
  // Controls: the level with its marks, capitalised at a sentence's start, or in a text typed
  // without diacritics, still gives the place.
  EXPECT_EQ(body_with_place("Hội đồng nhân dân tỉnh",
                            "Gồm các thôn Tình Á, Lý Nà thuộc tỉnh Quảng Ninh."),
            std::optional<std::string>("Hội đồng nhân dân tỉnh Quảng Ninh"));
  EXPECT_EQ(body_with_place("Hội đồng nhân dân tỉnh", "Tỉnh Quảng Ninh có 12 thôn mới."),
            std::optional<std::string>("Hội đồng nhân dân tỉnh Quảng Ninh"));
  EXPECT_EQ(body_with_place("Uy ban nhan dan tinh", "Ke hoach cua UBND tinh Quang Ninh."),
            std::optional<std::string>("Uy ban nhan dan tinh Quang Ninh"));
  // The Party's committees too: "Đảng bộ Tình ..." is no "đảng bộ tỉnh".
  EXPECT_EQ(committee_with_place("Tỉnh ủy", "Đại hội Đảng bộ tỉnh Quảng Trị lần thứ XVII."),
            std::optional<std::string>("Tỉnh ủy Quảng Trị"));
  EXPECT_EQ(committee_with_place("Tỉnh ủy", "Chi bộ thôn Đảng Bộ Tình Á họp."), std::nullopt);
}

TEST(FacetSpelling, a_front_committee_s_department_is_named_with_the_committee) {
  const DocumentMetadata letter = extract_metadata(
      "ỦY BAN MTTQ VIỆT NAM\nTỈNH NAM ĐỊNH\nBAN TUYÊN GIÁO\nSố: 12/CV-BTG\nV/v tuyên truyền "
      "ngày hội đại đoàn kết\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh "
      "phúc\nNam Định, ngày 3 tháng 11 năm 2024\nKính gửi: Ban Thường trực các huyện\n1. "
      "Tuyên truyền ngày hội.\nNơi nhận:\n- Như trên;\n- Lưu VT.\nTM. BAN TUYÊN GIÁO\nTRƯỞNG "
      "BAN\nTrần Văn An\n");
  EXPECT_EQ(letter.issuer, std::optional<std::string>(
                               "Ban Tuyên giáo Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nam Định"));
}

TEST(FacetSpelling, the_reading_view_shows_the_letters_the_extractor_reads) {
  // The font's "ƣ" and the encoding's eth are the letters they stand for in the text a user
  // reads, as in the fields; an eth in no Vietnamese word (a name of another language) stays.
  EXPECT_EQ(reading_text("Ðiều 1. Ngƣời lao động của HÐND xã.\nÞórr Ðóttir\n").text,
            "Điều 1. Người lao động của HĐND xã.\nÞórr Ðóttir\n");
}

}  // namespace
}  // namespace vanban::analyzers
