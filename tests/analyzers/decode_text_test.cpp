#include <iterator>
#include <random>
#include <string>
#include <utility>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/unorm2.h>

#include "vanban/analyzers/normalize.hpp"

namespace vanban::analyzers {
namespace {

std::string to_nfd(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out;
  icu::Normalizer2::getNFDInstance(status)
      ->normalize(icu::UnicodeString::fromUTF8(text), status)
      .toUTF8String(out);
  return out;
}

std::string to_nfc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out;
  icu::Normalizer2::getNFCInstance(status)
      ->normalize(icu::UnicodeString::fromUTF8(text), status)
      .toUTF8String(out);
  return out;
}

bool is_valid_utf8(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
  std::string back;
  unicode.toUTF8String(back);
  return U_SUCCESS(status) && back == text;
}

std::string utf16_bytes(const std::u16string& text, bool little_endian) {
  std::string bytes = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (const char16_t unit : text) {
    const char low = static_cast<char>(unit & 0xFF);
    const char high = static_cast<char>(unit >> 8);
    bytes += little_endian ? std::string{low, high} : std::string{high, low};
  }
  return bytes;
}

const std::string kSentence = "Ủy ban nhân dân thành phố Huế ban hành Kế hoạch số 32/KH-UBND";

TEST(DecodeText, utf8_with_and_without_bom_gives_the_same_text) {
  const DecodedText plain = decode_text(kSentence);
  const DecodedText with_bom = decode_text("\xEF\xBB\xBF" + kSentence);
  EXPECT_EQ(plain.text, kSentence);
  EXPECT_EQ(with_bom.text, kSentence);
  EXPECT_EQ(plain.encoding, "utf-8");
  EXPECT_EQ(with_bom.encoding, "utf-8");
  EXPECT_EQ(plain.replaced, 0u);
}

TEST(DecodeText, decomposed_input_becomes_composed) {
  const std::string nfd = to_nfd(kSentence);
  ASSERT_NE(nfd, kSentence);
  EXPECT_EQ(decode_text(nfd).text, kSentence);
  EXPECT_EQ(normalize_nfc(nfd), kSentence);
}

TEST(DecodeText, utf16_with_bom_in_both_byte_orders) {
  const std::u16string text = u"Cộng hòa xã hội chủ nghĩa Việt Nam – Độc lập";
  const DecodedText little = decode_text(utf16_bytes(text, true));
  const DecodedText big = decode_text(utf16_bytes(text, false));
  EXPECT_EQ(little.text, "Cộng hòa xã hội chủ nghĩa Việt Nam – Độc lập");
  EXPECT_EQ(big.text, little.text);
  EXPECT_EQ(little.encoding, "utf-16le");
  EXPECT_EQ(big.encoding, "utf-16be");
  EXPECT_EQ(little.replaced, 0u);
}

TEST(DecodeText, utf16_without_bom_is_recognised_by_its_zero_bytes) {
  const std::u16string text = u"Kế hoạch số 32/KH-UBND ngày 31/01/2026 của Ủy ban nhân dân";
  const DecodedText little = decode_text(utf16_bytes(text, true).substr(2));
  const DecodedText big = decode_text(utf16_bytes(text, false).substr(2));
  EXPECT_EQ(little.encoding, "utf-16le");
  EXPECT_EQ(big.encoding, "utf-16be");
  EXPECT_EQ(little.text, "Kế hoạch số 32/KH-UBND ngày 31/01/2026 của Ủy ban nhân dân");
  EXPECT_EQ(big.text, little.text);
}

TEST(DecodeText, a_few_nul_bytes_do_not_make_utf16) {
  const std::string bytes = kSentence + std::string(2, '\0') + " tiếp theo";
  const DecodedText decoded = decode_text(bytes);
  EXPECT_EQ(decoded.encoding, "utf-8");
  EXPECT_EQ(decoded.text, kSentence + " tiếp theo");
}

TEST(DecodeText, utf16_with_a_lone_surrogate_or_odd_length_is_replaced_and_counted) {
  std::string bytes = utf16_bytes(u"Huế", true);
  bytes += "\x00\xD8";  // a high surrogate with no low one
  bytes += "A";         // and half a code unit at the end
  const DecodedText decoded = decode_text(bytes);
  EXPECT_TRUE(decoded.text.starts_with("Huế\xEF\xBF\xBD")) << decoded.text;
  EXPECT_GE(decoded.replaced, 1u);
  EXPECT_TRUE(is_valid_utf8(decoded.text));
}

TEST(DecodeText, windows_1258_bytes_are_converted_and_composed) {
  // Windows-1258 writes base letters (ư ơ ô ê đ ...) as bytes and tones as combining bytes:
  // 0xCC grave, 0xEC acute, 0xDE tilde, 0xD2 hook, 0xF2 dot below.
  const std::string bytes =
      "C\xD4\xF2NG HO\xCC"
      "A XA\xDE H\xD4\xF2I \xD0\xFD\xF5\xCCng ph\xF4\xECi Ti\xEA\xECng Vi\xEA\xF2t "
      "c\xE2\xCCn gi\xFD\xDE";
  const DecodedText decoded = decode_text(bytes);
  EXPECT_EQ(decoded.encoding, "windows-1258");
  EXPECT_EQ(decoded.text, "CỘNG HÒA XÃ HỘI Đường phối Tiếng Việt cần giữ");
  EXPECT_EQ(decoded.replaced, 0u);
}

TEST(DecodeText, invalid_utf8_is_replaced_and_counted) {
  const std::string bytes = kSentence + " \xFF tiếp \xE1\xBA theo \xC0\xAF và \xED\xA0\x80 hết";
  const DecodedText decoded = decode_text(bytes);
  EXPECT_EQ(decoded.encoding, "utf-8");
  // 0xFF: 1; truncated "\xE1\xBA": 1 (one maximal subpart); overlong C0 AF: 2; surrogate: 3.
  EXPECT_EQ(decoded.replaced, 7u);
  EXPECT_TRUE(is_valid_utf8(decoded.text));
  EXPECT_NE(decoded.text.find("tiếp \xEF\xBF\xBD theo"), std::string::npos);
}

TEST(DecodeText, nul_bytes_are_removed_and_spaces_unified) {
  const std::string bytes = std::string("Điều") + std::string(1, '\0') + " 1." +
                            "\xC2\xA0Phạm\xE2\x80\xAFvi\xE3\x80\x80"
                            "điều\xE2\x80\x8B"
                            "chỉnh";
  const DecodedText decoded = decode_text(bytes);
  EXPECT_EQ(decoded.text, "Điều 1. Phạm vi điềuchỉnh");
  EXPECT_EQ(decoded.replaced, 0u);
}

// to_nfc() leaves a text as it is, without asking ICU, when every code point is below U+0300, a
// Vietnamese letter (U+1E00-1EFF) or general punctuation but U+2000/U+2001 (U+2002-207F): the
// rule holds only while each is a starter NFC keeps, composes with nothing after it and
// decomposes to no leading mark.
TEST(DecodeText, the_code_points_read_as_surely_nfc_are_starters_nfc_keeps) {
  const std::pair<UChar32, UChar32> ranges[] = {{0x0, 0x2FF}, {0x1E00, 0x1EFF}, {0x2002, 0x207F}};
  for (const auto& [first, last] : ranges)
    for (UChar32 c = first; c <= last; ++c) {
      EXPECT_EQ(u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK), UNORM_YES) << c;
      EXPECT_EQ(u_getCombiningClass(c), 0) << c;
      EXPECT_EQ(u_getIntPropertyValue(c, UCHAR_LEAD_CANONICAL_COMBINING_CLASS), 0) << c;
    }
  // Controls just outside: a combining mark and the two singletons.
  EXPECT_NE(u_getIntPropertyValue(0x0301, UCHAR_NFC_QUICK_CHECK), UNORM_YES);
  EXPECT_NE(u_getIntPropertyValue(0x2000, UCHAR_NFC_QUICK_CHECK), UNORM_YES);
  EXPECT_NE(u_getIntPropertyValue(0x2001, UCHAR_NFC_QUICK_CHECK), UNORM_YES);
}

TEST(DecodeText, a_text_already_in_nfc_is_kept_and_any_other_still_normalised) {
  // Every code point of the three ranges, and symbols and letters of other blocks that are NFC
  // starters (≥, □, Cyrillic С, a private-use glyph, an emoji): what comes out is ICU's NFC of it
  // (spaces unified, controls dropped), whichever path it took, and so is its decomposed form's.
  std::string all;
  const auto append = [&](UChar32 c) {
    icu::UnicodeString(c).toUTF8String(all);
    all.push_back(' ');
  };
  for (UChar32 c = 1; c < 0x300; ++c)
    append(c);
  for (UChar32 c = 0x1E00; c <= 0x1EFF; ++c)
    append(c);
  for (UChar32 c = 0x2002; c <= 0x207F; ++c)
    append(c);
  for (const UChar32 c : {0x2265, 0x25A1, 0x0421, 0xF097, 0x1F600})
    append(c);
  const std::string kept = normalize_nfc(all);
  EXPECT_EQ(kept, to_nfc(kept));
  EXPECT_NE(kept.find("\xE1\xBB\x85"), std::string::npos);  // ễ
  EXPECT_EQ(normalize_nfc(to_nfd(all)), kept);
  // What the quick path must not pass is normalised as before, alone or after all of that.
  EXPECT_EQ(normalize_nfc("Ho\xC3\xA0 e\xCC\x81"), "Ho\xC3\xA0 \xC3\xA9");  // e + U+0301
  EXPECT_EQ(normalize_nfc(all + "e\xCC\x81"), kept + "\xC3\xA9");
  EXPECT_EQ(normalize_nfc("\xE2\x84\xA6"), "\xCE\xA9");  // OHM SIGN -> GREEK CAPITAL OMEGA
  EXPECT_EQ(normalize_nfc("\xE2\x80\x80"), normalize_nfc("\xE2\x80\x82"));  // U+2000 -> U+2002
  EXPECT_EQ(normalize_nfc(to_nfd("Quyết định số 12")), "Quyết định số 12");
  EXPECT_EQ(decode_text(to_nfd("Điều 5. Hiệu lực ≥ 30 ngày")).text, "Điều 5. Hiệu lực ≥ 30 ngày");
  // Random mixes: the text as written and its decomposed form come out the same.
  const UChar32 pool[] = {'a',    'o',    ' ',    '5',    0xE0,   0x1EC7, 0x1B0,  0x111,
                          0x2265, 0x25A1, 0x0301, 0x0323, 0x2000, 0x2013, 0x0421, 0xF097};
  std::mt19937 random(29);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int i = 0; i < 24; ++i)
      icu::UnicodeString(pool[random() % std::size(pool)]).toUTF8String(text);
    const std::string normalised = normalize_nfc(text);
    EXPECT_EQ(normalised, to_nfc(normalised)) << text;
    EXPECT_EQ(normalize_nfc(to_nfd(text)), normalised) << text;
  }
  // Ill-formed bytes still become U+FFFD.
  EXPECT_TRUE(is_valid_utf8(normalize_nfc("a\xE1\xBA b \xCC")));
}

TEST(DecodeText, random_bytes_never_crash_and_give_valid_utf8) {
  std::mt19937 random(20260131);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(0, 300);
  for (int round = 0; round < 500; ++round) {
    std::string bytes;
    const int size = length(random);
    for (int i = 0; i < size; ++i)
      bytes.push_back(static_cast<char>(byte(random)));
    if (round % 3 == 0) bytes = "\xFF\xFE" + bytes;
    const DecodedText decoded = decode_text(bytes);
    EXPECT_TRUE(is_valid_utf8(decoded.text));
    EXPECT_EQ(decoded.text.find('\0'), std::string::npos);
  }
}

}  // namespace
}  // namespace vanban::analyzers
