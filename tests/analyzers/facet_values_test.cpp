// The values a user reads in the facets are names, or nothing: a signer is a Vietnamese personal
// name (2-6 words in title case, each a syllable of a name), an issuer is written in words (each
// lower-case word a syllable, no stray letters or signs), the office or head of a kind of body
// is no body without its unit, and a law cited by name is shown with its kind as the law writes
// it. A value that fails is a slip of the reading (an OCR line, a file whose letters outside
// ASCII were dropped) and the field is null.
#include "structure/facet_values.hpp"

#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "syllable.hpp"

namespace vanban::analyzers {
namespace {

using structure::is_personal_name;
using structure::is_written_in_words;

// A made-up plan whose header cell and signature name line are the arguments.
DocumentMetadata plan_with(const std::string& header_cell, const std::string& name_line) {
  return extract_metadata(header_cell +
                          "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                          "Số: 27/KH-UBND\nHà Nam, ngày 4 tháng 5 năm 2024\n"
                          "KẾ HOẠCH\nTổ chức Tuần lễ trồng cây\n"
                          "Thực hiện chương trình công tác năm 2024, xây dựng kế hoạch như sau:\n"
                          "1. Mục đích: trồng cây xanh trên các tuyến đường.\n"
                          "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
                          "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n" +
                          name_line + "\n");
}

TEST(FacetValues, a_name_syllable_is_vietnamese_or_of_a_highland_language) {
  EXPECT_TRUE(syllable::is_name_syllable(U"Nguyễn"));
  EXPECT_TRUE(syllable::is_name_syllable(U"Ksor"));  // onset cluster, final r
  EXPECT_TRUE(syllable::is_name_syllable(U"Niê"));   // iê open, as the Ê Đê names write it
  EXPECT_TRUE(syllable::is_name_syllable(U"Kđăm"));
  EXPECT_FALSE(syllable::is_name_syllable(U"Nhn"));     // no vowel
  EXPECT_FALSE(syllable::is_name_syllable(U"Ï"));       // no letter of the alphabet
  EXPECT_FALSE(syllable::is_name_syllable(U"Bằi"));     // ă before a vowel
  EXPECT_FALSE(syllable::is_name_syllable(U"Vă"));      // ă ends no syllable
  EXPECT_FALSE(syllable::is_name_syllable(U"Tieing"));  // "ie" is no cluster
  EXPECT_FALSE(syllable::is_name_syllable(U"Thad"));    // d is no final
}

TEST(FacetValues, a_personal_name_is_two_to_six_syllables_in_title_case) {
  EXPECT_TRUE(is_personal_name("Trần Hữu Thùy Giang"));
  EXPECT_TRUE(is_personal_name("Tô Lâm"));
  EXPECT_TRUE(is_personal_name("Ksor Phước"));
  EXPECT_TRUE(is_personal_name("H'Hen Niê"));
  EXPECT_FALSE(is_personal_name("Chương Ï"));
  EXPECT_FALSE(is_personal_name("Nguyn Thin Nhn"));
  EXPECT_FALSE(is_personal_name("Đồng Vă"));
  EXPECT_FALSE(is_personal_name("Bằi Văn Nghiêm"));
  EXPECT_FALSE(is_personal_name("Lan"));                          // one word
  EXPECT_FALSE(is_personal_name("Lê Thị Minh Thu Hà Anh Ngọc"));  // seven
  EXPECT_FALSE(is_personal_name("Nguyễn văn An"));                // not title case
  EXPECT_FALSE(is_personal_name("Nguyễn Văn An2"));               // a digit
}

TEST(FacetValues, a_garbled_name_line_gives_no_signer) {
  EXPECT_EQ(plan_with("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM", "Lê Thanh Hương").signer,
            std::optional<std::string>("Lê Thanh Hương"));
  EXPECT_EQ(plan_with("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM", "Lê Thanh Hưng Ï").signer, std::nullopt);
  EXPECT_EQ(plan_with("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM", "L Thanh Hng").signer, std::nullopt);
}

TEST(FacetValues, an_issuer_is_written_in_words) {
  EXPECT_TRUE(is_written_in_words("Ủy ban nhân dân tỉnh Hà Nam"));
  EXPECT_TRUE(is_written_in_words("Ban Chỉ đạo CNTT tỉnh Hà Nam"));
  EXPECT_TRUE(is_written_in_words("Bộ phận Thường trực Nghị quyết TW4 (khóa XI) Tỉnh ủy Hà Nam"));
  EXPECT_TRUE(is_written_in_words("Ủy ban nhân dân Phường 1"));
  EXPECT_TRUE(is_written_in_words("Ủy ban nhân dân huyện Krông Búk"));
  EXPECT_TRUE(is_written_in_words("Bộ Lao động - Thương binh và Xã hội"));
  EXPECT_FALSE(is_written_in_words("Ủy ban nhân dân HN n ỉ"));            // a stray consonant
  EXPECT_FALSE(is_written_in_words("S 12-tb/tu Dang cong San vit Nam"));  // "tb", "vit"
  EXPECT_FALSE(is_written_in_words("Ủy ban nhân dân tinh ha N!M"));       // a sign in a word
  EXPECT_FALSE(is_written_in_words("Ủy ban nhân dân 9/qd-ubnd"));         // a number's symbol
}

TEST(FacetValues, a_garbled_header_cell_gives_no_issuer) {
  EXPECT_EQ(plan_with("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM", "Lê Thanh Hương").issuer,
            std::optional<std::string>("Ủy ban nhân dân tỉnh Hà Nam"));
  EXPECT_EQ(plan_with("ỦY BAN NHÂN DÂN\nTỈNH HÀ N!M s", "Lê Thanh Hương").issuer, std::nullopt);
}

TEST(FacetValues, the_office_or_head_of_a_kind_of_body_names_no_body_without_its_unit) {
  // "Chủ tịch Ủy ban nhân dân" of a page that lost the header's second line: which one?
  EXPECT_EQ(plan_with("CHỦ TỊCH ỦY BAN NHÂN DÂN", "Lê Thanh Hương").issuer, std::nullopt);
  EXPECT_EQ(plan_with("VĂN PHÒNG ỦY BAN NHÂN DÂN", "Lê Thanh Hương").issuer, std::nullopt);
  // With its level, the place line names the unit (ND30: a local body's place is its unit).
  EXPECT_EQ(plan_with("VĂN PHÒNG\nỦY BAN NHÂN DÂN TỈNH", "Lê Thanh Hương").issuer,
            std::optional<std::string>("Văn phòng Ủy ban nhân dân tỉnh Hà Nam"));
  EXPECT_EQ(plan_with("VĂN PHÒNG CHÍNH PHỦ", "Lê Thanh Hương").issuer,
            std::optional<std::string>("Văn phòng Chính phủ"));
}

TEST(FacetValues, a_law_cited_by_name_is_shown_with_its_kind_as_the_law_writes_it) {
  const DocumentMetadata metadata = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 28/KH-UBND\nHà Nam, ngày 6 tháng 5 năm 2024\n"
      "KẾ HOẠCH\nHướng dẫn hợp đồng thuê đất\n"
      "Căn cứ quy định của Bộ Luật Dân sự và các văn bản hướng dẫn, xây dựng kế hoạch:\n"
      "1. Mục đích: thống nhất mẫu hợp đồng.\n");
  bool code = false;
  for (const Citation& citation : metadata.citations) {
    if (citation.title && citation.title->ends_with("Dân sự")) {
      code = true;
      EXPECT_EQ(*citation.title, "Bộ luật Dân sự");
    }
  }
  EXPECT_TRUE(code);
}

}  // namespace
}  // namespace vanban::analyzers
