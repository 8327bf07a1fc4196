// Letters of a word split by stray spaces (issue 11, pages saved by scrapers: an inline tag
// between the letters of a word became a space): "Qu ả ng Ngãi", "Đặ ng Văn Minh", "X ã hội".
// The pieces are joined again by the syllable grammar, never by a list of words; codes and
// abbreviations beside a word ("Bộ TT", "HĐND tỉnh", "TP Huế") stay apart. The fields are the
// same in every layout family of the renderer.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "layout_renderer.hpp"

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

}  // namespace
}  // namespace vanban::analyzers
