// UTF-32 and the invariance of decoding: one document saved in every encoding a Vietnamese
// office meets (UTF-8, UTF-16 and UTF-32 in both byte orders, with and without a byte-order
// mark, Windows-1258, TCVN3, VNI-WIN) decodes to the same text and the same extraction.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"

#include "../support/legacy_encoder.hpp"

namespace vanban::analyzers {
namespace {

std::u32string code_points(const std::string& utf8) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::u32string out;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1))
    out.push_back(static_cast<char32_t>(text.char32At(i)));
  return out;
}

std::string utf32_bytes(const std::string& utf8, bool little_endian, bool bom) {
  std::u32string text = code_points(utf8);
  if (bom) text.insert(text.begin(), U'\uFEFF');
  std::string bytes;
  for (const char32_t cp : text) {
    for (int i = 0; i < 4; ++i) {
      const int shift = little_endian ? 8 * i : 8 * (3 - i);
      bytes.push_back(static_cast<char>((cp >> shift) & 0xFF));
    }
  }
  return bytes;
}

std::string utf16_bytes(const std::string& utf8, bool little_endian, bool bom) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  if (bom) text.insert(0, static_cast<UChar>(0xFEFF));
  std::string bytes;
  for (int32_t i = 0; i < text.length(); ++i) {
    const UChar unit = text.charAt(i);
    const char low = static_cast<char>(unit & 0xFF);
    const char high = static_cast<char>(unit >> 8);
    bytes += little_endian ? std::string{low, high} : std::string{high, low};
  }
  return bytes;
}

// Windows-1258 holds the vowels with a modifier (â ê ô ơ ư ă) and đ as letters and the five
// tones as combining marks: the text decomposed, its modifiers composed again, then converted.
std::string windows_1258_bytes(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString::fromUTF8(utf8), status);
  // NFD puts a dot below (class 220) before a circumflex (230): the modifier is composed with
  // the base letter before the tone marks, wherever it stands among them.
  icu::UnicodeString mixed;
  int32_t base = -1;
  for (int32_t i = 0; i < decomposed.length(); ++i) {
    const UChar c = decomposed.charAt(i);
    if (base >= 0 && (c == 0x0302 || c == 0x0306 || c == 0x031B)) {
      const UChar32 composed = nfc->composePair(mixed.charAt(base), c);
      if (composed >= 0 && composed <= 0xFFFF) {
        mixed.setCharAt(base, static_cast<UChar>(composed));
        continue;
      }
    }
    if (u_getCombiningClass(c) == 0) base = mixed.length();
    mixed.append(c);
  }
  UConverter* converter = ucnv_open("windows-1258", &status);
  std::string bytes(static_cast<std::size_t>(mixed.length()) * 2 + 16, '\0');
  const int32_t length =
      ucnv_fromUChars(converter, bytes.data(), static_cast<int32_t>(bytes.size()),
                      mixed.getBuffer(), mixed.length(), &status);
  ucnv_close(converter);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  bytes.resize(static_cast<std::size_t>(length));
  return bytes;
}

// A made-up official letter: its header, number, date, subject and body, every Vietnamese
// tone and modifier among its words, Windows line ends.
const std::string kLetter =
    "ỦY BAN NHÂN DÂN\r\nTỈNH QUẢNG TRỊ\r\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\r\n"
    "Độc lập - Tự do - Hạnh phúc\r\n"
    "Số: 215/QĐ-UBND\r\nQuảng Trị, ngày 14 tháng 3 năm 2026\r\n"
    "QUYẾT ĐỊNH\r\nVề việc phê duyệt kế hoạch sửa chữa đường thủy nội địa\r\n"
    "Điều 1. Phê duyệt kế hoạch kèm theo Quyết định này.\r\n"
    "Điều 2. Sở Giao thông vận tải chịu trách nhiệm thi hành; mỗi ấp, xã giữ nguyên hiện "
    "trạng.\r\n";

struct Saved {
  std::string name;
  std::string bytes;
  std::string encoding;
};

std::vector<Saved> every_saving(const std::string& utf8) {
  std::vector<Saved> saved = {
      {"utf-8", utf8, "utf-8"},
      {"utf-8 with bom", "\xEF\xBB\xBF" + utf8, "utf-8"},
      {"windows-1258", windows_1258_bytes(utf8), "windows-1258"},
      {"tcvn3", testing::encode_tcvn3(utf8), "tcvn3"},
      {"vni-win", testing::encode_vni(utf8), "vni-win"},
  };
  for (const bool little : {true, false}) {
    const std::string order = little ? "le" : "be";
    for (const bool bom : {true, false}) {
      const std::string mark = bom ? " with bom" : "";
      saved.push_back({"utf-16" + order + mark, utf16_bytes(utf8, little, bom), "utf-16" + order});
      saved.push_back({"utf-32" + order + mark, utf32_bytes(utf8, little, bom), "utf-32" + order});
    }
  }
  return saved;
}

TEST(UnicodeWidths, utf32_with_and_without_bom_in_both_byte_orders_is_read_as_utf32) {
  const std::string text = "Cộng hòa xã hội chủ nghĩa Việt Nam – Độc lập 𝟙";  // and one astral
  for (const bool little : {true, false}) {
    for (const bool bom : {true, false}) {
      const DecodedText decoded = decode_text(utf32_bytes(text, little, bom));
      EXPECT_EQ(decoded.encoding, little ? "utf-32le" : "utf-32be") << little << bom;
      EXPECT_EQ(decoded.text, text) << little << bom;
      EXPECT_EQ(decoded.replaced, 0u);
    }
  }
}

TEST(UnicodeWidths, the_same_letter_decodes_to_the_same_text_in_every_encoding) {
  const std::string expected = decode_text(kLetter).text;
  ASSERT_NE(expected.find("Quảng Trị, ngày 14 tháng 3 năm 2026"), std::string::npos);
  for (const Saved& saved : every_saving(kLetter)) {
    const DecodedText decoded = decode_text(saved.bytes);
    EXPECT_EQ(decoded.text, expected) << saved.name;
    EXPECT_EQ(saved.encoding == "tcvn3" || saved.encoding == "vni-win" ? decoded.legacy
                                                                       : decoded.encoding,
              saved.encoding)
        << saved.name;
    EXPECT_EQ(decoded.replaced, 0u) << saved.name;
  }
}

TEST(UnicodeWidths, the_same_letter_gives_the_same_metadata_in_every_encoding) {
  const DocumentMetadata expected = extract_metadata(decode_text(kLetter).text);
  ASSERT_EQ(expected.number, "215/QĐ-UBND");
  ASSERT_EQ(expected.date, "2026-03-14");
  for (const Saved& saved : every_saving(kLetter)) {
    const DocumentMetadata metadata = extract_metadata(decode_text(saved.bytes).text);
    EXPECT_EQ(metadata.type, expected.type) << saved.name;
    EXPECT_EQ(metadata.number, expected.number) << saved.name;
    EXPECT_EQ(metadata.date, expected.date) << saved.name;
    EXPECT_EQ(metadata.place, expected.place) << saved.name;
    EXPECT_EQ(metadata.title, expected.title) << saved.name;
    EXPECT_EQ(metadata.issuer, expected.issuer) << saved.name;
  }
}

// Controls: what the UTF-32 rule must leave alone.
TEST(UnicodeWidths, utf16_text_and_nul_fill_are_not_taken_for_utf32) {
  // UTF-16LE whose text opens with U+0000 after its mark (FF FE 00 00, UTF-32LE's mark).
  const std::string utf16 =
      utf16_bytes(std::string(1, '\0') + "Kế hoạch số 32/KH-UBND", true, true);
  const DecodedText decoded16 = decode_text(utf16);
  EXPECT_EQ(decoded16.encoding, "utf-16le");
  EXPECT_EQ(decoded16.text, "Kế hoạch số 32/KH-UBND");
  // UTF-16 without a mark, both orders: still UTF-16.
  EXPECT_EQ(decode_text(utf16_bytes(kLetter, true, false)).encoding, "utf-16le");
  EXPECT_EQ(decode_text(utf16_bytes(kLetter, false, false)).encoding, "utf-16be");
  // A file of NUL bytes is no text in any width.
  const DecodedText nul = decode_text(std::string(4096, '\0'));
  EXPECT_TRUE(nul.text.empty());
  EXPECT_EQ(nul.encoding, "utf-8");
  // UTF-8 with a few NUL runs is UTF-8.
  const DecodedText sparse = decode_text(kLetter + std::string(8, '\0') + "Hết");
  EXPECT_EQ(sparse.encoding, "utf-8");
}

TEST(UnicodeWidths, damaged_utf32_is_replaced_and_counted_not_read_as_utf16) {
  std::string bytes = utf32_bytes(kLetter, true, false);
  bytes.replace(40, 4, std::string("\x00\x00\x11\x00", 4));  // past U+10FFFF: one bad unit
  bytes += "\x41\x00";                                       // and half a unit at the end
  const DecodedText decoded = decode_text(bytes);
  EXPECT_EQ(decoded.encoding, "utf-32le");
  EXPECT_GE(decoded.replaced, 2u);
  EXPECT_NE(decoded.text.find("Số: 215/QĐ-UBND"), std::string::npos) << decoded.text;
}

}  // namespace
}  // namespace vanban::analyzers
