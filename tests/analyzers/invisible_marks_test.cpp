// Invisible marks inside words (session 17, from the invariance sweep over the real documents):
// a word processor's soft hyphens (U+00AD, its hyphenation points) and a converter's word
// joiners (U+2060) are no letters; the text decodes, and extracts, as without them. TCVN3's ư
// is byte 0xAD, a soft hyphen once read as Windows-1252 (domain.md §7): that text is converted
// first, so its ư survives.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"

#include "legacy_encoder.hpp"

namespace vanban::analyzers {
namespace {

TEST(InvisibleMarks, soft_hyphens_and_word_joiners_inside_words_are_dropped) {
  EXPECT_EQ(decode_text("Quy\xC2\xAD\xE1\xBA\xBFt \xC4\x91\xE1\xBB\x8Bnh").text, "Quyết định");
  EXPECT_EQ(decode_text("Th\xC3\xB4ng\xE2\x81\xA0 t\xC6\xB0").text, "Thông tư");
  EXPECT_EQ(decode_text(std::string("\xFF\xFE"
                                    "a\0\xAD\0"
                                    "b\0",
                                    8))
                .text,
            "ab");  // UTF-16 too
}

TEST(InvisibleMarks, tcvn3_text_read_as_windows_1252_keeps_its_u_horn) {
  const std::string line = "Thông tư hướng dẫn thực hiện chế độ tiền lương trong các cơ quan";
  const std::string mojibake = testing::as_windows_1252_text(testing::encode_tcvn3(line));
  ASSERT_NE(mojibake.find("\xC2\xAD"), std::string::npos);  // ư read as a soft hyphen
  std::string text;
  for (int i = 0; i < 6; ++i)
    text += mojibake + "\n";
  const DecodedText decoded = decode_text(text);
  EXPECT_EQ(decoded.legacy, "tcvn3");
  EXPECT_NE(decoded.text.find("tư hướng"), std::string::npos) << decoded.text;
}

TEST(InvisibleMarks, a_document_with_soft_hyphens_extracts_as_without_them) {
  const std::string plain =
      "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
      "Hạnh phúc\nSố: 15/QĐ-UBND\nQuảng Bình, ngày 3 tháng 4 năm 2026\n\nQUYẾT ĐỊNH\nVề việc "
      "thành lập Tổ công tác\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 "
      "năm 2025;\nCăn cứ Quyết định số 12/2025/QĐ-UBND ngày 5/3/2025 của UBND tỉnh;\n\nQUYẾT "
      "ĐỊNH:\nĐiều 1. Thành lập Tổ công tác.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn "
      "Bình\n";
  std::string hyphenated;
  int letters = 0;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    hyphenated += plain[i];
    if (plain[i] == ' ' || plain[i] == '\n') {
      letters = 0;
      continue;
    }
    if ((static_cast<unsigned char>(plain[i]) & 0xC0) == 0x80) continue;
    while (i + 1 < plain.size() && (static_cast<unsigned char>(plain[i + 1]) & 0xC0) == 0x80)
      hyphenated += plain[++i];
    if (++letters == 2 && i + 1 < plain.size() && plain[i + 1] != ' ' && plain[i + 1] != '\n')
      hyphenated += "\xC2\xAD";
  }
  ASSERT_NE(hyphenated, plain);
  const auto want = extract_metadata(decode_text(plain).text);
  const auto got = extract_metadata(decode_text(hyphenated).text);
  EXPECT_EQ(got.issuer, want.issuer);
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.signer, "Trần Văn Bình");
  EXPECT_EQ(got.place, "Quảng Bình");
  ASSERT_EQ(got.citations.size(), want.citations.size());
  for (std::size_t i = 0; i < got.citations.size(); ++i)
    EXPECT_EQ(got.citations[i].number_key, want.citations[i].number_key);
}

}  // namespace
}  // namespace vanban::analyzers
