// TCVN3 and VNI-WIN: conversion of every letter, of realistic text, of mojibake already in UTF-8,
// and the font names that announce them (legacy_encoding.hpp).
#include "vanban/analyzers/legacy_encoding.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/tokenizer.hpp"

#include "legacy_encoder.hpp"

namespace vanban::analyzers {
namespace {

using testing::as_windows_1252_text;
using testing::encode_tcvn3;
using testing::encode_vni;

// The 67 small Vietnamese letters outside ASCII; with their capitals, the 134 letters.
const std::u32string kSmallLetters =
    U"áàảãạăắằẳẵặâấầẩẫậđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ";

std::string utf8(std::u32string_view text) {
  std::string out;
  for (const char32_t cp : text)
    icu::UnicodeString(static_cast<UChar32>(cp)).toUTF8String(out);
  return out;
}

std::string upper(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(text).toUpper(icu::Locale("vi")).toUTF8String(out);
  return out;
}

// Lines written the way a TCVN3 typist could write them: capitals with a tone only in lines of
// capitals (typed in a .VnTimeH font or with caps lock).
const std::string kTcvn3Text =
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Huế, ngày 31 tháng 01 năm 2026\n"
    "KẾ HOẠCH\n"
    "Triển khai thực hiện công tác dân vận chính quyền năm 2026\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; xét đề nghị của "
    "Trưởng ban Dân tộc, những người được giao nhiệm vụ phải khẩn trương rà soát, quyết tâm "
    "khuyến khích đồng bào nghèo ở Đắk Lắk, Quảng Ngãi; ưu tiên giữ gìn tiếng Việt trong sáng.\n"
    "Điều 1. Uỷ quyền cho Giám đốc Sở Nội vụ ký văn bản số 32/KH-UBND (khuỷu tay, ngoằn ngoèo).";

// VNI has capitals of its own: any text.
const std::string kVniText = kTcvn3Text +
                             "\nỦy ban nhân dân tỉnh Thừa Thiên Huế ĐỀ NGHỊ: Ông Nguyễn Văn "
                             "Ất, Bà Lê Thị Ỵ, Ấp Ở Ếch Ước Ỹ.";

TEST(LegacyEncoding, every_small_tcvn3_letter_round_trips) {
  for (const char32_t letter : kSmallLetters) {
    const std::string unicode = utf8(std::u32string(1, letter));
    SCOPED_TRACE(unicode);
    const std::string bytes = encode_tcvn3(unicode);
    ASSERT_EQ(bytes.size(), 1u);
    EXPECT_EQ(decode_legacy_bytes(bytes, {LegacyEncoding::tcvn3, false}), unicode);
  }
}

TEST(LegacyEncoding, every_tcvn3_capital_round_trips_through_the_capitals_font) {
  for (const char32_t letter : kSmallLetters) {
    const std::string capital = upper(utf8(std::u32string(1, letter)));
    SCOPED_TRACE(capital);
    EXPECT_EQ(decode_legacy_bytes(encode_tcvn3(capital), {LegacyEncoding::tcvn3, true}), capital);
  }
  // Ă Â Ê Ô Ơ Ư Đ have codes of their own: capitals in any font.
  for (const std::string_view capital : {"Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"})
    EXPECT_EQ(decode_legacy_bytes(encode_tcvn3(capital), {LegacyEncoding::tcvn3, false}), capital);
}

TEST(LegacyEncoding, every_vni_letter_round_trips_in_both_cases) {
  for (const char32_t letter : kSmallLetters) {
    const std::string small = utf8(std::u32string(1, letter));
    for (const std::string& unicode : {small, upper(small)}) {
      SCOPED_TRACE(unicode);
      const std::string bytes = encode_vni(unicode);
      ASSERT_GE(bytes.size(), 1u);
      EXPECT_EQ(decode_legacy_bytes(bytes, {LegacyEncoding::vni, false}), unicode);
    }
  }
}

TEST(LegacyEncoding, realistic_text_round_trips) {
  EXPECT_EQ(decode_legacy_bytes(encode_tcvn3(kTcvn3Text), {LegacyEncoding::tcvn3, false}),
            kTcvn3Text);
  EXPECT_EQ(decode_legacy_bytes(encode_tcvn3(upper(kTcvn3Text)), {LegacyEncoding::tcvn3, true}),
            upper(kTcvn3Text));
  EXPECT_EQ(decode_legacy_bytes(encode_vni(kVniText), {LegacyEncoding::vni, false}), kVniText);
}

TEST(LegacyEncoding, the_well_known_mojibake_strings_read_right) {
  // What old documents show in a Unicode font (docs/domain.md §6.3).
  EXPECT_EQ(repair_legacy_text("Céng hoµ x· héi chñ nghÜa ViÖt Nam", {LegacyEncoding::tcvn3}),
            "Cộng hoà xã hội chủ nghĩa Việt Nam");
  EXPECT_EQ(repair_legacy_text("§éc lËp - Tù do - H¹nh phóc", {LegacyEncoding::tcvn3}),
            "Độc lập - Tự do - Hạnh phúc");
  EXPECT_EQ(repair_legacy_text("TiÕng ViÖt, ch÷ c¸i", {LegacyEncoding::tcvn3}),
            "Tiếng Việt, chữ cái");
  EXPECT_EQ(repair_legacy_text("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", {LegacyEncoding::vni}),
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  EXPECT_EQ(repair_legacy_text("Ñoäc laäp - Töï do - Haïnh phuùc", {LegacyEncoding::vni}),
            "Độc lập - Tự do - Hạnh phúc");
  EXPECT_EQ(repair_legacy_text("Tieáng Vieät", {LegacyEncoding::vni}), "Tiếng Việt");
}

TEST(LegacyEncoding, tcvn3_capitals_typed_with_caps_lock_come_back_as_capitals) {
  // Without the font, a toned vowel takes the case of the letters around it.
  EXPECT_EQ(repair_legacy_text("QUYÕT §ÞNH\nVÒ viÖc CHØ §¹O", {LegacyEncoding::tcvn3}),
            "QUYẾT ĐỊNH\nVề việc CHỈ ĐẠO");
  EXPECT_EQ(
      repair_legacy_text("ñY BAN NH¢N D¢N\nX· HéI\nCéNG TY Hµ Giang", {LegacyEncoding::tcvn3}),
      "ỦY BAN NHÂN DÂN\nXÃ HỘI\nCỘNG TY Hà Giang");
  // A name: Title Case words around a word that starts with a toned vowel.
  EXPECT_EQ(repair_legacy_text("NguyÔn V¨n Êt\n¤ng Êy ®· ®Õn", {LegacyEncoding::tcvn3}),
            "Nguyễn Văn Ất\nÔng ấy đã đến");
  // The capitals of a symbol do not make its line capitals.
  EXPECT_EQ(repair_legacy_text("Sè: 32/KH-UBND", {LegacyEncoding::tcvn3}), "Số: 32/KH-UBND");
}

TEST(LegacyEncoding, repair_keeps_real_unicode_letters) {
  // A run in a legacy font may hold characters typed later in Unicode: they stay.
  EXPECT_EQ(repair_legacy_text("Tieáng Việt – “Hueá”", {LegacyEncoding::vni}),
            "Tiếng Việt – “Huế”");
  EXPECT_EQ(repair_legacy_text("Số 5 → ch÷", {LegacyEncoding::tcvn3}), "Số 5 → chữ");
}

TEST(LegacyEncoding, tcvn3_u_with_horn_survives_as_the_soft_hyphen_byte) {
  // ư is 0xAD, the soft hyphen of Latin-1: text pipelines that drop soft hyphens lose it.
  EXPECT_EQ(repair_legacy_text("Tr\u00ADêng", {LegacyEncoding::tcvn3}), "Trường");
  EXPECT_EQ(decode_text(encode_tcvn3("người dân được hưởng những quyền lợi")).text,
            "người dân được hưởng những quyền lợi");
}

TEST(LegacyEncoding, word_symbol_font_private_use_characters_are_bytes_too) {
  // Word gives text in a symbol-charset font as U+F000 + byte.
  EXPECT_EQ(repair_legacy_text("Tie\uF0E1ng", {LegacyEncoding::vni}), "Tiếng");
}

TEST(LegacyEncoding, font_names_tell_the_encoding) {
  struct Case {
    std::string_view name;
    std::optional<LegacyEncoding> encoding;
    bool upper_case;
  };
  const std::vector<Case> cases = {
      {".VnTime", LegacyEncoding::tcvn3, false},
      {".VnTimeH", LegacyEncoding::tcvn3, true},
      {".VnArial NarrowH", LegacyEncoding::tcvn3, true},
      {"'.VnCentury Schoolbook'", LegacyEncoding::tcvn3, false},
      {" \".vntimeh\" ", LegacyEncoding::tcvn3, true},
      {"VNI-Times", LegacyEncoding::vni, false},
      {"VNI-Helve-Condense", LegacyEncoding::vni, false},
      {"vni times", LegacyEncoding::vni, false},
      {"Times New Roman", std::nullopt, false},
      {"Vni", std::nullopt, false},
      {".Vn", std::nullopt, false},
      {"", std::nullopt, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto font = legacy_font(c.name);
    ASSERT_EQ(font.has_value(), c.encoding.has_value());
    if (!font) continue;
    EXPECT_EQ(font->encoding, *c.encoding);
    EXPECT_EQ(font->upper_case, c.upper_case);
  }
}

TEST(LegacyEncoding, long_texts_convert_whole_across_the_pieces_they_are_worked_in) {
  // Over 256 KB: several pieces, in lines and in one line broken only by spaces.
  std::string lines;
  std::string one_line;
  while (lines.size() < 300 * 1024) {
    lines += kVniText + "\n";
    one_line += kTcvn3Text.substr(kTcvn3Text.rfind('\n') + 1) + " ";
  }
  const DecodedText vni = decode_text(encode_vni(lines));
  EXPECT_EQ(vni.encoding, "vni-win");
  EXPECT_TRUE(vni.text == lines);
  const DecodedText tcvn3 = decode_text(encode_tcvn3(one_line));
  EXPECT_EQ(tcvn3.encoding, "tcvn3");
  EXPECT_TRUE(tcvn3.text == one_line);
}

// ---- detection ----------------------------------------------------------------------------

std::vector<std::string> token_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& token : thread_analyzer().analyze(text))
    out.emplace_back(token.text);
  return out;
}

TEST(LegacyDetection, tcvn3_bytes_are_detected_and_give_the_tokens_of_the_unicode_text) {
  const DecodedText decoded = decode_text(encode_tcvn3(kTcvn3Text));
  EXPECT_EQ(decoded.encoding, "tcvn3");
  EXPECT_EQ(decoded.legacy, "tcvn3");
  EXPECT_EQ(decoded.text, kTcvn3Text);
  EXPECT_EQ(token_texts(decoded.text), token_texts(kTcvn3Text));
}

TEST(LegacyDetection, vni_bytes_are_detected_and_give_the_tokens_of_the_unicode_text) {
  const DecodedText decoded = decode_text(encode_vni(kVniText));
  EXPECT_EQ(decoded.encoding, "vni-win");
  EXPECT_EQ(decoded.text, kVniText);
  EXPECT_EQ(token_texts(decoded.text), token_texts(kVniText));
}

TEST(LegacyDetection, mojibake_saved_as_utf8_is_repaired) {
  for (const auto& [bytes, name] : {std::pair{encode_tcvn3(kTcvn3Text), "tcvn3"},
                                    std::pair{encode_vni(kTcvn3Text), "vni-win"}}) {
    const std::string mojibake = as_windows_1252_text(bytes);
    const DecodedText decoded = decode_text(mojibake);
    EXPECT_EQ(decoded.encoding, "utf-8");
    EXPECT_EQ(decoded.legacy, name);
    EXPECT_EQ(decoded.text, kTcvn3Text);
  }
}

TEST(LegacyDetection, a_unicode_header_above_a_legacy_body_is_kept) {
  const std::string header = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nBà Lê và ông Tô\n";
  const std::string body = "Căn cứ Luật Tổ chức chính quyền địa phương; xét đề nghị của Sở Nội vụ";
  const LegacyRepair repair =
      detect_and_repair_legacy_text(header + as_windows_1252_text(encode_vni(body)));
  EXPECT_EQ(repair.encoding, LegacyEncoding::vni);
  EXPECT_EQ(repair.text, header + body);
  EXPECT_EQ(repair.lines_converted, 1u);
}

TEST(LegacyDetection, unicode_text_and_a_few_foreign_words_are_left_alone) {
  for (const std::string& text :
       {kVniText, std::string("Café, déjà vu, naïve, São Paulo, Zürich, Ærø"),
        std::string("Bà Lê, Hà Nội"), std::string("Tài liệu ¸µ¶ là ký hiệu")}) {
    SCOPED_TRACE(text);
    const LegacyRepair repair = detect_and_repair_legacy_text(text);
    EXPECT_FALSE(repair.encoding.has_value());
    EXPECT_EQ(repair.text, text);
    EXPECT_EQ(decode_text(text).legacy, "");
  }
}

TEST(LegacyDetection, one_or_two_legacy_words_are_not_enough_evidence) {
  // Too little to tell from a French word; a container's font name can still say it.
  const std::string bytes = encode_vni("Hà Tĩnh");
  EXPECT_FALSE(weigh_legacy_bytes(bytes).verdict.has_value());
  EXPECT_EQ(decode_text(bytes).encoding, "windows-1258");
}

TEST(LegacyDetection, windows_1258_is_still_windows_1258) {
  // Windows-1258 writes tones as combining bytes: 0xCC grave, 0xEC acute, 0xDE tilde, 0xD2 hook,
  // 0xF2 dot below; base letters ư ơ ô ê đ as bytes.
  const std::string bytes =
      "C\xD4\xF2NG HO\xCC"
      "A XA\xDE H\xD4\xF2I CHU\xD2 NGHI\xDE"
      "A VI\xCA\xF2T NAM\n\xD0\xF4\xF2"
      "c l\xE2\xF2p - T\xFD\xF2 do - Ha\xF2nh phu\xEC"
      "c\nNg\xFD\xF5\xCCi d\xE2n \xF0\xFD\xF5\xF2"
      "c h\xFD\xF5\xD2ng quy\xEA\xCCn l\xF5\xF2i";
  const LegacyEvidence evidence = weigh_legacy_bytes(bytes);
  EXPECT_FALSE(evidence.verdict.has_value());
  EXPECT_GT(evidence.as_is_valid, 10u);
  const DecodedText decoded = decode_text(bytes);
  EXPECT_EQ(decoded.encoding, "windows-1258");
  EXPECT_EQ(decoded.text,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Người dân được hưởng quyền lợi");
}

}  // namespace
}  // namespace vanban::analyzers
