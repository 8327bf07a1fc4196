// A scan read by OCR (issue 11, the "scan" layout family of tests/indexer/layout_scan_test.cpp):
// Tesseract's Vietnamese loses or swaps a tone or vowel mark on a letter ("PHO CHỦ TỊCH",
// "ỦY BẠN NHÂN DÂN", "NGHỊ QUYET"), reads digits as letters ("ngày I2 tháng O1"), the number
// label as "Sô:" or "S6:", and "Đ" as the eth "Ð". The structure words come back where the
// domain fixes them, and the fields are those of the clean text; a word the rules cannot prove
// stays as it came.
#include "structure/recognition_slips.hpp"

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/symbol.hpp"

namespace vanban::analyzers {
namespace {

using structure::mend_recognition_slips;

const std::string kClean =
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\n-------\nSố: 12/NQ-UBND\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
    "Quảng Ninh, ngày 12 tháng 01 năm 2026\n\nNGHỊ QUYẾT\n"
    "Về việc phân bổ kinh phí năm 2026\n\n"
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;\n"
    "Căn cứ Quy định số 11-QĐ/TW ngày 18/02/2019 của Bộ Chính trị;\n"
    "Điều 1. Phân bổ kinh phí theo Phụ lục kèm theo.\n\n"
    "Nơi nhận:\n- Ủy ban nhân dân các huyện;\n- Lưu: VT.\n\n"
    "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n";

// The same page as the engine read it.
const std::string kScanned =
    "ỦY BẠN NHÂN DÂN\nTỈNH QUẢNG NINH\n-------\nSô: I2/NQ-UBND\n"
    "CỌNG HÒA XÃ HỌI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
    "Quảng Ninh, ngày I2 tháng O1 năm 2026\n\nNGHỊ QUYET\n"
    "Về việc phân bổ kinh phí năm 2026\n\n"
    "Cân cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;\n"
    "Căn cứ Quy định số 11-QÐ/TW ngày 18/02/2019 của Bộ Chính trị;\n"
    "Điều 1. Phân bổ kinh phí theo Phụ lục kèm theo.\n\n"
    "Nơi nhân:\n- Uy ban nhân dân các huyện;\n- Lưu: VT.\n\n"
    "TM. UY BAN NHAN DÂN\nKT. CHU TỊCH\nPHO CHỦ TỊCH\n\nNguyễn Văn An\n";

TEST(RecognitionSlips, a_scanned_page_gives_the_fields_and_citations_of_its_clean_text) {
  const nlohmann::json clean = extract_metadata(kClean);
  const nlohmann::json scanned = extract_metadata(kScanned);
  for (const char* field : {"type", "type_code", "number", "issuer", "place", "date", "title",
                            "signer", "signer_title", "signing_authority", "recipients"})
    EXPECT_EQ(scanned.at(field), clean.at(field)) << field;
  EXPECT_EQ(clean.at("number"), "12/NQ-UBND");
  EXPECT_EQ(clean.at("date"), "2026-01-12");
  EXPECT_EQ(clean.at("signer_title"), "Phó Chủ tịch");
  EXPECT_EQ(clean.at("signing_authority"), "TM. Ủy ban nhân dân, KT. Chủ tịch");
  ASSERT_EQ(scanned.at("citations").size(), clean.at("citations").size());
  for (std::size_t i = 0; i < clean.at("citations").size(); ++i)
    EXPECT_EQ(scanned.at("citations")[i].at("number_key"),
              clean.at("citations")[i].at("number_key"));
}

TEST(RecognitionSlips, known_phrases_get_their_marks_back_in_capitals_or_in_their_own_case) {
  EXPECT_EQ(mend_recognition_slips("PHO CHỦ TỊCH").value_or(""), "PHÓ CHỦ TỊCH");
  EXPECT_EQ(mend_recognition_slips("ỦY BẠN NHÂN DÂN").value_or(""), "ỦY BAN NHÂN DÂN");
  EXPECT_EQ(mend_recognition_slips("BAN TO CHỨC TỈNH ỦY").value_or(""), "BAN TỔ CHỨC TỈNH ỦY");
  EXPECT_EQ(mend_recognition_slips("THÀNH PHÓ HUẾ").value_or(""), "THÀNH PHỐ HUẾ");
  EXPECT_EQ(mend_recognition_slips("CHỦ TỊCH QUOC HỌI").value_or(""), "CHỦ TỊCH QUỐC HỘI");
  EXPECT_EQ(mend_recognition_slips("Độc lập - Tự do - Hạnh phục").value_or(""),
            "Độc lập - Tự do - Hạnh phúc");
  EXPECT_EQ(mend_recognition_slips("BANTOCHỨC").value_or(""), "BAN TỔ CHỨC");
  EXPECT_EQ(mend_recognition_slips("KT.CHUTỊCH").value_or(""), "KT.CHỦ TỊCH");
  EXPECT_EQ(mend_recognition_slips("- Uy ban nhân dân các xã;").value_or(""),
            "- Ủy ban nhân dân các xã;");
}

TEST(RecognitionSlips, what_no_rule_proves_stays_as_it_came) {
  // Already right (tone placement aside), or no known phrase.
  EXPECT_FALSE(mend_recognition_slips("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM").has_value());
  EXPECT_FALSE(mend_recognition_slips("Nguyễn Văn An").has_value());
  // "Thủ trưởng" (an agency's head) and "Thứ trưởng" (a deputy minister) share their letters.
  EXPECT_FALSE(mend_recognition_slips("- Thủ trưởng các cơ quan;").has_value());
  EXPECT_FALSE(mend_recognition_slips("THU TRUONG").has_value());
  // One word proves too little; running text in lower case is not a name ("bàn tổ chức").
  EXPECT_FALSE(mend_recognition_slips("PHO").has_value());
  // A type of document only as a heading: "PHƯỜNG AN HẢI" is a ward, "Thông tu" in running text
  // is the citation rules' to read.
  EXPECT_FALSE(mend_recognition_slips("PHƯỜNG AN HẢI").has_value());
  EXPECT_FALSE(mend_recognition_slips("Căn cứ Thông tu 7/2020/TT-BTC").has_value());
  EXPECT_EQ(mend_recognition_slips("KẾT LỦẬN 127-KL/TW").value_or(""), "KẾT LUẬN 127-KL/TW");
  EXPECT_FALSE(mend_recognition_slips("NGHIÊNG Bantochuc").has_value());
  // Letters run together without a mark are another language's ("REPUBLIC OF VIETNAM").
  EXPECT_FALSE(mend_recognition_slips("SOCIALIST REPUBLIC OF VIETNAM").has_value());
  EXPECT_FALSE(mend_recognition_slips("cùng bàn tổ chức hội nghị").has_value());
  // A case the phrase is never written in.
  EXPECT_FALSE(mend_recognition_slips("UY ban nhân dân").has_value());
  // A number that is letters only, or letters outside a date frame, is not guessed.
  EXPECT_FALSE(mend_recognition_slips("ngày IO tháng 01 năm 2026").has_value());
  EXPECT_FALSE(mend_recognition_slips("Mục I2 của Phụ lục").has_value());
  EXPECT_FALSE(mend_recognition_slips("Sở Y tế: 12/SYT-VP").has_value());
  EXPECT_FALSE(mend_recognition_slips("Sô lượng: 12").has_value());
}

TEST(RecognitionSlips, dates_get_their_words_and_digits_back_inside_the_frame_only) {
  EXPECT_EQ(mend_recognition_slips("Hà Nội, ngày I2 tháng O1 năm 2O26").value_or(""),
            "Hà Nội, ngày 12 tháng 01 năm 2026");
  EXPECT_EQ(mend_recognition_slips("Hà Nội, ngảy 05 thảng 3 nằm 2026").value_or(""),
            "Hà Nội, ngày 05 tháng 3 năm 2026");
  EXPECT_EQ(mend_recognition_slips("NGÀY l0 THANG 10 NĂM 2025").value_or(""),
            "NGÀY 10 THÁNG 10 NĂM 2025");
  const nlohmann::json metadata = extract_metadata(
      "BỘ TÀI CHÍNH\nSố: 5/TB-BTC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngảy I5 thảng O3 năm 2026\n\nTHÔNG BÁO\n"
      "Về lịch làm việc\n\nBộ Tài chính thông báo lịch làm việc.\n");
  EXPECT_EQ(metadata.at("date"), "2026-03-15");
  EXPECT_EQ(metadata.at("place"), "Hà Nội");
}

TEST(RecognitionSlips, the_number_label_read_with_a_digit_or_another_mark_is_the_label) {
  EXPECT_EQ(mend_recognition_slips("S6: 753/KH-DCT").value_or(""), "Số: 753/KH-DCT");
  EXPECT_EQ(mend_recognition_slips("Sô: I2/QĐ-UBND").value_or(""), "Số: 12/QĐ-UBND");
  EXPECT_EQ(mend_recognition_slips("Số: 1O5/QĐ-UBND").value_or(""), "Số: 105/QĐ-UBND");
}

TEST(RecognitionSlips, a_scrap_of_a_rule_beside_a_line_is_dropped_and_a_blank_stays) {
  EXPECT_EQ(mend_recognition_slips("_ Về việc ứng phó bão số 9\nCHỦ TỊCH _\n").value_or(""),
            "Về việc ứng phó bão số 9\nCHỦ TỊCH\n");
  EXPECT_FALSE(mend_recognition_slips("Họ và tên: ______\nngày __ tháng __").has_value());
  EXPECT_FALSE(mend_recognition_slips("tên_tệp").has_value());
  const nlohmann::json metadata = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 9/CĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nHà Tĩnh, ngày 05 tháng 9 năm 2026\n\nCÔNG ĐIỆN\n"
      "_ Về việc ứng phó bão số 9\n\nỦy ban nhân dân tỉnh điện.\n\nCHỦ TỊCH _\n\n"
      "Trần Văn Bình\n");
  EXPECT_EQ(metadata.at("title"), "Về việc ứng phó bão số 9");
  EXPECT_EQ(metadata.at("signer_title"), "Chủ tịch");
}

TEST(RecognitionSlips, the_eth_an_engine_reads_for_d_with_stroke_is_that_letter) {
  EXPECT_EQ(symbol_key("11-QÐ/TW"), symbol_key("11-QĐ/TW"));
  // The letter read twice, as Đ and as the eth ("23-QĐÐ/TW" at 200 dpi in the scan family).
  EXPECT_EQ(symbol_key("23-QĐÐ/TW"), symbol_key("23-QĐ/TW"));
  EXPECT_NE(symbol_key("23-QĐĐ/TW"), symbol_key("23-QĐ/TW"));
  EXPECT_EQ(fold("ÐẢNG ỦY"), fold("ĐẢNG ỦY"));
  EXPECT_EQ(exact_form("Ðảng"), exact_form("Đảng"));
}

TEST(RecognitionSlips, a_headline_names_its_document_by_type_and_number_without_so) {
  const nlohmann::json metadata = extract_metadata(
      "KẾT LUẬN 127-KL/TW CỦA BỘ CHÍNH TRỊ VỀ TRIỂN KHAI NGHIÊN CỨU SẮP XẾP TỔ CHỨC BỘ MÁY\n"
      "Tại phiên họp ngày 28/2/2025, Bộ Chính trị có ý kiến như sau:\n"
      "Thực hiện Kết luận số 121-KL/TW, ngày 24/01/2025 của Ban Chấp hành Trung ương.\n");
  EXPECT_EQ(metadata.at("type"), "Kết luận");
  EXPECT_EQ(metadata.at("number"), "127-KL/TW");
  ASSERT_EQ(metadata.at("citations").size(), 1u) << metadata.at("citations").dump();
  EXPECT_EQ(metadata.at("citations")[0].at("number_key"), "121-kl/tw");
  // A number whose code is another type's is a citation, not the headline's own number.
  const nlohmann::json other = extract_metadata(
      "KẾT LUẬN 18-NQ/TW VỀ TỔNG KẾT\nBộ Chính trị có ý kiến như sau về Nghị quyết.\n");
  EXPECT_TRUE(other.at("number").is_null()) << other.at("number");
}

}  // namespace
}  // namespace vanban::analyzers
