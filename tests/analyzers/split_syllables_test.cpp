// Letters of a word split by stray spaces (issue 11, pages saved by scrapers: an inline tag
// between the letters of a word became a space): "Qu ả ng Ngãi", "Đặ ng Văn Minh", "X ã hội".
// The pieces are joined again by the syllable grammar, never by a list of words; codes and
// abbreviations beside a word ("Bộ TT", "HĐND tỉnh", "TP Huế") stay apart. The fields are the
// same in every layout family of the renderer.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "layout_renderer.hpp"
#include "structure/unglue.hpp"

namespace vanban::analyzers {
namespace {

const std::string kSplit =
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n-------\nSố: 1351/QĐ-UBND\n\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
    "Qu ả ng Ngãi, ngày 24 tháng 11 năm 2022\n\nQUYẾT ĐỊNH\nCông bố danh mục thủ tục hành chính\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Điều 1. Công bố kèm theo Quyết định này.\n\nNơi nhận:\n- Như Điều 4;\n"
    "- Bộ Lao động - Thương binh và X ã hội;\n- Lưu: VT.\n\nCHỦ TỊCH\n\nĐặ ng Văn Minh\n";

TEST(SplitSyllables, pieces_of_a_word_are_joined_in_every_layout) {
  const std::vector<std::string> recipients = {"Như Điều 4", "Bộ Lao động - Thương binh và Xã hội"};
  const testing::DocumentParts parts = testing::read_parts(kSplit, "Đặ ng Văn Minh");
  for (const testing::Layout layout : testing::kTextLayouts) {
    const std::string rendered = testing::render(parts, layout);
    const DocumentMetadata metadata = extract_metadata(rendered);
    EXPECT_EQ(metadata.place, "Quảng Ngãi") << testing::layout_name(layout) << "\n" << rendered;
    EXPECT_EQ(metadata.signer, "Đặng Văn Minh") << testing::layout_name(layout) << "\n" << rendered;
    EXPECT_EQ(metadata.signer_title, "Chủ tịch") << testing::layout_name(layout) << "\n"
                                                 << rendered;
    EXPECT_EQ(metadata.recipients, recipients) << testing::layout_name(layout) << "\n" << rendered;
  }
}

TEST(SplitSyllables, codes_beside_words_stay_apart) {
  const std::string text =
      "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\n-------\nSố: 12/KH-UBND\n\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Huế, ngày 12 tháng 3 năm 2024\n\nKẾ HOẠCH\nTổ chức hội chợ\n\nCăn cứ Luật A;\n\n"
      "Nơi nhận:\n- TT HĐND tỉnh;\n- Bộ TT và TT;\n- UBND TP Huế;\n- Lưu: VT.\n\n"
      "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n";
  const std::vector<std::string> recipients = {"TT HĐND tỉnh", "Bộ TT và TT", "UBND TP Huế"};
  EXPECT_EQ(extract_metadata(text).recipients, recipients);
}

// A PDF whose font lacks the letters with a mark (a Times-metric font without Vietnamese
// Extended Additional glyphs) draws each from another font; its width differs and the text layer
// reads a space before it: "K ết lu ận", "ho ạch", "Lu ật", "đi ều", "Cán b ộ, công ch ức".
// Both halves may be words of their own ("ho", "ạch"); a plain head and a marked tail that make
// one syllable are joined where the line shows another such cut.
TEST(SplitSyllables, a_marked_vowel_set_apart_from_the_plain_letters_before_it_is_joined) {
  using structure::rejoin_split_syllables;
  EXPECT_EQ(rejoin_split_syllables("theo K ết lu ận số 127-KL/TW"), "theo Kết luận số 127-KL/TW");
  EXPECT_EQ(rejoin_split_syllables("và K ế ho ạch số 21/KH-UBND"), "và Kế hoạch số 21/KH-UBND");
  EXPECT_EQ(rejoin_split_syllables("một số đi ều c ủa Lu ật B ầu c ử"),
            "một số điều của Luật Bầu cử");
  EXPECT_EQ(rejoin_split_syllables("Luật Cán b ộ, công ch ức và"), "Luật Cán bộ, công chức và");
  EXPECT_EQ(rejoin_split_syllables("theo Ngh ị quy ết s ố 76/NQ-CP"),
            "theo Nghị quyết số 76/NQ-CP");
}

TEST(SplitSyllables, a_word_that_begins_with_a_marked_vowel_stays_apart_from_a_word_before_it) {
  using structure::rejoin_split_syllables;
  // Never one syllable: a plain word then a word led by a marked vowel.
  EXPECT_EQ(rejoin_split_syllables("gửi cho ông ấy và đi ạ"), std::nullopt);
  EXPECT_EQ(rejoin_split_syllables("Hoa ở nhà, Lan ăn cơm"), std::nullopt);
  EXPECT_EQ(rejoin_split_syllables("theo ý kiến của thi ấy"), std::nullopt);
  // A capital after a plain word is a new word ("Tu Ấn" would be no name of one syllable).
  EXPECT_EQ(rejoin_split_syllables("gửi cho Ủy ban nhân dân"), std::nullopt);
  // A word closed by a comma takes nothing after it.
  EXPECT_EQ(rejoin_split_syllables("Thu, ế hàng"), std::nullopt);
  // Two words that are each a syllable and together one: apart, unless the line shows the
  // font's cuts elsewhere (above: "K ế ho ạch").
  EXPECT_EQ(rejoin_split_syllables("chính sách hỗ trợ do ảnh hưởng bởi dịch"), std::nullopt);
  EXPECT_EQ(rejoin_split_syllables("và Kế ho ạch số 21/KH-UBND"), std::nullopt);
  // Words of more than four letters are no head.
  EXPECT_EQ(rejoin_split_syllables("nghieng ổn định"), std::nullopt);
}

TEST(SplitSyllables, a_law_name_and_a_symbol_after_marked_vowels_set_apart_are_cited) {
  const std::string text =
      "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n-------\nSố: 12/KH-UBND\n\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Bình Định, ngày 12 tháng 3 năm 2024\n\nKẾ HOẠCH\nTổ chức hội nghị\n\n"
      "Căn cứ Luật sửa đổi, bổ sung một số đi ều c ủa Lu ật Cán b ộ, công ch ức và Luật Viên "
      "chức ngày 25 tháng 11 năm 2019;\nThực hiện K ết lu ận số 127-KL/TW ngày 28/02/2025 của "
      "Bộ Chính trị;\nHội nghị tổ chức theo Luật Thực hiện dân chủ ở cơ sở và K ế ho ạch số "
      "21/KH-UBND ngày 02/3/2024 của UBND tỉnh.\n\nNơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\n\n"
      "Nguyễn Văn An\n";
  const DocumentMetadata metadata = extract_metadata(text);
  std::vector<std::string> titles;
  std::vector<std::string> numbers;
  for (const Citation& citation : metadata.citations) {
    titles.push_back(citation.title.value_or(""));
    numbers.push_back(citation.number.value_or(""));
  }
  EXPECT_NE(std::find(numbers.begin(), numbers.end(), "127-KL/TW"), numbers.end());
  EXPECT_NE(std::find(titles.begin(), titles.end(),
                      "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật "
                      "Viên chức"),
            titles.end());
  EXPECT_NE(std::find(titles.begin(), titles.end(), "Luật Thực hiện dân chủ ở cơ sở"),
            titles.end());
}

}  // namespace
}  // namespace vanban::analyzers
