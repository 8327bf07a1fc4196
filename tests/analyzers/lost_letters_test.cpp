// A converter that dropped every letter outside ASCII ("TH TNG CHNH PH", "S: 58/2010/Q-TTg",
// "ngy 22 thng 09 nm 2010"): the structure words are read back from the letters that survive
// where only one word of their kind has those letters; names, places and titles, which no rule
// can prove, stay as the converter left them.
#include "structure/lost_letters.hpp"

#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

// What the converter does: every letter outside ASCII vanishes (UTF-8 sequences of two bytes
// or more are Vietnamese letters here), the rest stays.
std::string drop_letters_outside_ascii(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (byte >= 0xF0) {
      length = 4;
    } else if (byte >= 0xE0) {
      length = 3;
    } else if (byte >= 0xC0) {
      length = 2;
    }
    if (length == 1) out.push_back(text[i]);
    i += length;
  }
  return out;
}

// The same decision in three layouts: header cells one per line, all cells on one line (as a
// Word file read as text leaves them), and cells in a pipe table.
const std::string kCellsPerLine =
    "THỦ TƯỚNG CHÍNH PHỦ\n---------------\nSố: 58/2010/QĐ-TTg\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n-----------------\n"
    "Hà Nội, ngày 22 tháng 09 năm 2010\n\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH ĐIỀU LỆ TRƯỜNG ĐẠI HỌC\n"
    "THỦ TƯỚNG CHÍNH PHỦ\n"
    "Căn cứ Quyết định số 153/2003/QĐ-TTg ngày 10 tháng 7 năm 2003 của Thủ tướng Chính phủ về "
    "việc ban hành Điều lệ trường đại học;\nQUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành Điều lệ trường đại học kèm theo Quyết định này.\n"
    "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 10 tháng 11 năm 2010.\n"
    "Nơi nhận:\n- Các Bộ, cơ quan ngang Bộ;\n- Lưu: Văn thư, KGVX.\n"
    "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nNguyễn Văn An\n";

const std::string kOneLine =
    "THỦ TƯỚNG CHÍNH PHỦ --------------- Số: 58/2010/QĐ-TTgCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
    "Độc lập - Tự do - Hạnh phúc ----------------- Hà Nội, ngày 22 tháng 09 năm 2010 QUYẾT "
    "ĐỊNH VỀ VIỆC BAN HÀNH ĐIỀU LỆ TRƯỜNG ĐẠI HỌC THỦ TƯỚNG CHÍNH PHỦ Căn cứ Quyết định số "
    "153/2003/QĐ-TTg ngày 10 tháng 7 năm 2003 của Thủ tướng Chính phủ về việc ban hành Điều lệ "
    "trường đại học; QUYẾT ĐỊNH: Điều 1. Ban hành Điều lệ trường đại học kèm theo Quyết định "
    "này. Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 10 tháng 11 năm 2010. Nơi "
    "nhận: - Các Bộ, cơ quan ngang Bộ; - Lưu: Văn thư, KGVX. KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG "
    "Nguyễn Văn An\n";

const std::string kPipeTable =
    "| THỦ TƯỚNG CHÍNH PHỦ<br>--------------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - "
    "Tự do - Hạnh phúc |\n|---|---|\n| Số: 58/2010/QĐ-TTg | Hà Nội, ngày 22 tháng 09 năm 2010 "
    "|\n\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH ĐIỀU LỆ TRƯỜNG ĐẠI HỌC\nTHỦ TƯỚNG CHÍNH PHỦ\n"
    "Căn cứ Quyết định số 153/2003/QĐ-TTg ngày 10 tháng 7 năm 2003 của Thủ tướng Chính phủ về "
    "việc ban hành Điều lệ trường đại học;\nQUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành Điều lệ trường đại học kèm theo Quyết định này.\n"
    "Nơi nhận:\n- Các Bộ, cơ quan ngang Bộ;\n- Lưu: Văn thư, KGVX.\n"
    "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nNguyễn Văn An\n";

void expect_proved_fields(const DocumentMetadata& metadata, const std::string& layout) {
  SCOPED_TRACE(layout);
  EXPECT_EQ(metadata.type, "Quyết định");
  EXPECT_EQ(metadata.type_code, "QĐ");
  EXPECT_EQ(metadata.number, "58/2010/Q-TTg");  // as written: the Đ is lost
  EXPECT_EQ(metadata.issuer, "Thủ tướng Chính phủ");
  EXPECT_EQ(metadata.date, "2010-09-22");
  EXPECT_EQ(metadata.signer_title, "Phó Thủ tướng");
  EXPECT_EQ(metadata.signing_authority, "KT. Thủ tướng");
  // Nothing proves the letters of a place, a title or a name: none is written back.
  EXPECT_NE(metadata.place, "Hà Nội");
  EXPECT_NE(metadata.signer, "Nguyễn Văn An");
  if (metadata.title) {
    EXPECT_EQ(metadata.title->find("Điều lệ"), std::string::npos);
  }
  // The citation, by its number as written.
  bool cited = false;
  for (const Citation& citation : metadata.citations)
    cited = cited || (citation.number == "153/2003/Q-TTg" && citation.date == "2003-07-10");
  EXPECT_TRUE(cited);
}

TEST(LostLetters, structure_words_are_read_from_their_surviving_letters_in_every_layout) {
  // A Word 97 file read as text: its binary header's bytes before the text, on the same line.
  const std::string after_noise = "\xE0\xA1\xB1> q` \x01\x02bjbj\xDF\x96 (3333dBH=H " + kOneLine;
  for (const auto& [name, text] :
       {std::pair{"cells per line", &kCellsPerLine}, std::pair{"one line", &kOneLine},
        std::pair{"one line after binary noise", &after_noise},
        std::pair{"pipe table", &kPipeTable}}) {
    const std::string lost = drop_letters_outside_ascii(*text);
    expect_proved_fields(extract_metadata(lost), name);
  }
}

TEST(LostLetters, the_same_fields_as_the_document_written_in_full) {
  const auto full = extract_metadata(kCellsPerLine);
  const auto lost = extract_metadata(drop_letters_outside_ascii(kCellsPerLine));
  EXPECT_EQ(lost.type, full.type);
  EXPECT_EQ(lost.issuer, full.issuer);
  EXPECT_EQ(lost.date, full.date);
  EXPECT_EQ(lost.signer_title, full.signer_title);
  EXPECT_EQ(lost.signing_authority, full.signing_authority);
}

TEST(LostLetters, only_a_skeleton_one_word_of_its_kind_has_is_written_back) {
  const auto restored = structure::restore_lost_letters(
      "S: 12/KH-UBND\nH Ni, ngy 05 thng 01 nm 2020\nK HOCH\n"
      "Cn c Quyt nh s 10/Q-UBND ngy 02/01/2020;\niu 1. Nhng vic ca nm.\n"
      "TH TRNG\n");
  ASSERT_TRUE(restored.has_value());
  EXPECT_NE(restored->find("Số: 12/KH-UBND"), std::string::npos);
  EXPECT_NE(restored->find("ngày 05 tháng 01 năm 2020"), std::string::npos);
  EXPECT_NE(restored->find("KẾ HOẠCH"), std::string::npos);
  EXPECT_NE(restored->find("Căn cứ Quyết định số 10/Q-UBND ngày 02/01/2020"), std::string::npos);
  EXPECT_NE(restored->find("Điều 1."), std::string::npos);
  // "nm" outside a date is any of "năm", "nắm", "nấm": left alone; "H Ni" is not proved.
  EXPECT_NE(restored->find("ca nm."), std::string::npos);
  EXPECT_NE(restored->find("H Ni,"), std::string::npos);
  // A law's name from the table of names, whole, before its date.
  const auto law = structure::restore_lost_letters(
      "H Ni, ngy 05 thng 01 nm 2020\nCn c Lut Gio dc ngy 14 thng 6 nm 2005;\n");
  ASSERT_TRUE(law.has_value());
  EXPECT_NE(law->find("Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2005;"), std::string::npos);
  // "TH TRNG" is "THỨ TRƯỞNG" or "THỦ TRƯỞNG": left alone.
  EXPECT_NE(restored->find("TH TRNG"), std::string::npos);
}

TEST(LostLetters, text_written_in_full_is_left_alone) {
  EXPECT_FALSE(structure::restore_lost_letters(kCellsPerLine).has_value());
  EXPECT_FALSE(structure::restore_lost_letters("Tham dự có ông Nguyen Van Nam.").has_value());
  EXPECT_FALSE(structure::restore_lost_letters("").has_value());
}

// A PDF font that maps the glyph of "ư" to "ƣ" (U+01A3, a letter no Vietnamese word has): the
// text layer reads "Hƣơng", "ngƣời", "TRƢỞNG"; every field reads as with "ư".
TEST(FontLookAlikes, a_font_s_oi_for_u_horn_reads_as_u_horn) {
  const std::string written =
      "ỦY BAN NHÂN DÂN\nHUYỆN HƯƠNG LỘC\nSố: 15/KH-UBND\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hương Lộc, ngày 4 tháng 3 năm 2021\nKẾ HOẠCH\n"
      "Hỗ trợ người lao động tại các trường học trên địa bàn huyện\n\n"
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
      "Ủy ban nhân dân huyện ban hành Kế hoạch như sau.\n"
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
      "Trương Văn Lương\n";
  std::string font = written;
  for (std::size_t at = font.find("\xC6\xB0"); at != std::string::npos;
       at = font.find("\xC6\xB0", at + 2))
    font[at + 1] = '\xA3';  // ư → ƣ
  for (std::size_t at = font.find("\xC6\xAF"); at != std::string::npos;
       at = font.find("\xC6\xAF", at + 2))
    font[at + 1] = '\xA2';  // Ư → Ƣ
  ASSERT_NE(font, written);
  const DocumentMetadata expected = extract_metadata(written);
  const DocumentMetadata got = extract_metadata(font);
  ASSERT_TRUE(expected.title && expected.issuer && expected.signer);
  EXPECT_EQ(got.title, expected.title);
  EXPECT_EQ(got.issuer, expected.issuer);
  EXPECT_EQ(got.place, expected.place);
  EXPECT_EQ(got.signer, expected.signer);
  EXPECT_EQ(got.signing_authority, expected.signing_authority);
  ASSERT_EQ(got.citations.size(), expected.citations.size());
  for (std::size_t k = 0; k < got.citations.size(); ++k)
    EXPECT_EQ(got.citations[k].number_key, expected.citations[k].number_key);
  EXPECT_EQ(*got.title, "Hỗ trợ người lao động tại các trường học trên địa bàn huyện");
  // Nothing to mend: no copy.
  EXPECT_EQ(structure::with_font_look_alikes_mended(written), std::nullopt);
}

}  // namespace
}  // namespace vanban::analyzers
