// Session 22 (unseen17 studied, branch s22-stamps): rules on made-up text. The receiving
// office's arrival stamp (ND30 Phụ lục IV, dấu "ĐẾN") that a scan's OCR reads among the header's
// cells is no part of the document's header.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kStampedLetterBody =
    "V/v hướng dẫn quyết toán ngân sách\n"
    "Kính gửi: Ủy ban nhân dân các tỉnh\n"
    "Bộ Tài chính hướng dẫn như sau.\n";

const std::string kMottoAndDate =
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Hà Nội, ngày 12 tháng 3 năm 2021\n";

// The stamp's head (the receiving office's name), its "ĐẾN" or "CÔNG VĂN ĐẾN" and the fields its
// register fills ("Số:", "Ngày:", "Chuyển:") give no issuer cell, number, date or type heading,
// wherever the scan put them: after ô 3's label (whose number the scan left unread), above ô 3
// on one line, with the marks of "ĐẾN" lost.
TEST(ArrivalStamp, the_receiving_office_s_stamp_gives_no_header_cell) {
  const auto after_label = extract_metadata(
      "BỘ TÀI CHÍNH\nSố: ‡ /BTC-NSNN\nVĂN PHÒNG UBND TỈNH\n" + kMottoAndDate +
      "CÔNG VĂN ĐẾN\nSố: 1234\nNgày: 15/3/2021\nChuyển: Phòng KT\n" + kStampedLetterBody);
  EXPECT_EQ(after_label.issuer, "Bộ Tài chính");
  EXPECT_EQ(after_label.title, "hướng dẫn quyết toán ngân sách");
  EXPECT_EQ(after_label.date, "2021-03-12");

  const auto one_line = extract_metadata(
      "BỘ TÀI CHÍNH\nVĂN PHÒNG UBND TỈNH\nCÔNG VĂN ĐẾN Số: 567 Ngày: 15/3/2021\n"
      "Số: 345/BTC-NSNN\n" +
      kMottoAndDate + kStampedLetterBody);
  EXPECT_EQ(one_line.issuer, "Bộ Tài chính");
  EXPECT_EQ(one_line.number, "345/BTC-NSNN");
  EXPECT_EQ(one_line.date, "2021-03-12");
  EXPECT_EQ(one_line.title, "hướng dẫn quyết toán ngân sách");

  const auto marks_lost =
      extract_metadata("BỘ TÀI CHÍNH\nSố: ‡ /BTC-NSNN\nSỞ TÀI CHÍNH\nĐEN....\n" + kMottoAndDate +
                       kStampedLetterBody);
  EXPECT_EQ(marks_lost.issuer, "Bộ Tài chính");

  // A stamp whose head the scan lost, under a lone ô 2: the cell stays the issuer.
  const auto headless_stamp = extract_metadata("BỘ TÀI CHÍNH\nĐẾN\nSố: 345/BTC-NSNN\n" +
                                               kMottoAndDate + kStampedLetterBody);
  EXPECT_EQ(headless_stamp.issuer, "Bộ Tài chính");
  EXPECT_EQ(headless_stamp.number, "345/BTC-NSNN");
}

// A speck an OCR engine reads as one word holding a letter the Vietnamese alphabet lacks
// ("UWS") is no line of ô 2.
TEST(ArrivalStamp, a_lone_word_of_foreign_letters_is_no_header_cell) {
  const auto speck =
      extract_metadata("UWS\nBỘ TÀI CHÍNH\nSố: ‡ /BTC-NSNN\n" + kMottoAndDate + kStampedLetterBody);
  EXPECT_EQ(speck.issuer, "Bộ Tài chính");
}

// What stays: without the stamp's words, a body named after an unread ô 3 is read as before;
// "ĐẾN NĂM 2030" wrapped in a heading opens no stamp.
TEST(ArrivalStamp, words_that_open_no_stamp_change_nothing) {
  const auto plan = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 45/KH-UBND\n" + kMottoAndDate +
      "KẾ HOẠCH\nPhát triển du lịch giai đoạn 2021 - 2025,\nđịnh hướng đến năm 2030\n"
      "Căn cứ Luật Du lịch ngày 19 tháng 6 năm 2017;\n");
  EXPECT_EQ(plan.issuer, "Ủy ban nhân dân tỉnh Quảng Trị");
  EXPECT_EQ(plan.number, "45/KH-UBND");
  EXPECT_EQ(plan.type, "Kế hoạch");
}

}  // namespace
}  // namespace vanban::analyzers
