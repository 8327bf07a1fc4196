// Session 21 (unseen16 studied): rules on made-up text. A notice's page that lost its header
// keeps its announcing sentence after the one citing what it follows, or its closing formula;
// a letter's page that lost its header keeps its subject as the page's headline.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kOutageDetails =
    "1. Thời gian: Từ 07h00 - 17h00 ngày 14/5/2024.\n"
    "2. Địa điểm: Tổ dân phố 3 và Tổ dân phố 5.\n";

// ND30 Phụ lục III's Thông báo: the body says what it notifies ("<body> thông báo <what> như
// sau:"), often in the sentence after the one naming what it acts on ("Theo Thông báo số ... của
// Điện lực ... . Nay UBND phường X thông báo ..."), tied to it by a connective.
TEST(HeadlessSubjects, a_notice_announced_after_the_sentence_it_follows_names_its_issuer) {
  const auto notice = extract_metadata(
      "Theo Thông báo số 120/TB-ĐL ngày 08 tháng 5 năm 2024 của Điện lực Bình An về việc ngừng "
      "cấp điện. Nay UBND phường Tân An thông báo thời gian và địa điểm ngừng cấp điện như sau:\n" +
      kOutageDetails);
  EXPECT_EQ(notice.type, "Thông báo");
  EXPECT_EQ(notice.type_code, "TB");
  EXPECT_EQ(notice.issuer, "Ủy ban nhân dân phường Tân An");
  // The sentence before names another body's notice; it is no issuer of this one.
  const auto cited_only = extract_metadata(
      "Theo Thông báo số 120/TB-ĐL ngày 08 tháng 5 năm 2024 của Điện lực Bình An về việc ngừng "
      "cấp điện. Điện lực đã thông báo trên loa truyền thanh.\n" +
      kOutageDetails);
  EXPECT_EQ(cited_only.issuer, std::nullopt);
}

// A Thông báo closes by saying whom it informs ("<body> thông báo để / cho <whom> được biết").
// The closing names the body with its place, or by its level alone ("UBND phường thông báo cho
// nhân dân được biết"), which names no one body.
TEST(HeadlessSubjects, a_notice_s_closing_formula_names_its_issuer) {
  const auto closing = extract_metadata(
      "I. Thời gian ngừng điện: ngày 21 tháng 11 năm 2025.\nII. Đề nghị phối hợp\n"
      "Các hộ gia đình chủ động sắp xếp công việc.\n"
      "UBND xã Tân Lợi thông báo để các tổ chức, cá nhân bị ảnh hưởng được biết và chủ động "
      "triển khai các biện pháp cần thiết.\n");
  EXPECT_EQ(closing.type, "Thông báo");
  EXPECT_EQ(closing.issuer, "Ủy ban nhân dân xã Tân Lợi");
  const auto by_level = extract_metadata(
      "1. Thời gian: ngày 21 tháng 11 năm 2025.\n"
      "Vậy UBND phường thông báo cho cán bộ và nhân dân trên địa bàn phường được biết.\n");
  EXPECT_EQ(by_level.issuer, std::nullopt);
  // Informing no one: a report of what a body announced is no closing formula.
  const auto reported = extract_metadata(
      "1. Thời gian: ngày 21 tháng 11 năm 2025.\n"
      "UBND xã Tân Lợi thông báo kết quả trên loa truyền thanh hằng tuần.\n");
  EXPECT_EQ(reported.issuer, std::nullopt);
  EXPECT_EQ(reported.type, std::nullopt);
}

// ND30 ô 5a/5b: only a công văn's trích yếu stands without its type's name ("V/v ..." under
// its number). A page that opens with such a subject and goes on with the body's opening is a
// công văn, titled by it ("Về việc" kept as written, "V/v" dropped as from a header).
TEST(HeadlessSubjects, a_page_opening_with_a_letter_s_subject_is_a_letter) {
  const std::string body =
      "Thực hiện Công văn số 866/UBND-KT ngày 18/4/2024 của UBND tỉnh Bình An, Sở Nông nghiệp và "
      "Phát triển nông thôn đã xây dựng dự thảo Đề cương Đề án phát triển thủy sản.\n\n"
      "Sở đề nghị các đơn vị tham gia ý kiến trước ngày 30/4/2024.\n";
  const auto subject = extract_metadata(
      "Về việc tham gia ý kiến vào dự thảo Đề cương Đề án phát triển thủy sản\n\n" + body);
  EXPECT_EQ(subject.type, "Công văn");
  EXPECT_EQ(subject.type_code, std::nullopt);
  EXPECT_EQ(subject.title,
            "Về việc tham gia ý kiến vào dự thảo Đề cương Đề án phát triển thủy sản");
  EXPECT_EQ(subject.number, std::nullopt);
  const auto abbreviated = extract_metadata(
      "V/v tham gia ý kiến vào dự thảo Đề cương Đề án phát triển thủy sản\n\n" + body);
  EXPECT_EQ(abbreviated.type, "Công văn");
  EXPECT_EQ(abbreviated.title, "tham gia ý kiến vào dự thảo Đề cương Đề án phát triển thủy sản");
  // The same subject over a text with articles: a decision whose heading the page lost.
  const auto articles = extract_metadata(
      "Về việc ban hành Quy chế làm việc\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
      "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.\n"
      "Điều 2. Quyết định có hiệu lực kể từ ngày ký.\n");
  EXPECT_NE(articles.type, "Công văn");
  // A subject followed by no body's opening (a news item's headline) names nothing.
  const auto headline = extract_metadata(
      "Về việc tham gia ý kiến vào dự thảo Đề án\n\nChiều qua, các đại biểu đã thảo luận.\n");
  EXPECT_EQ(headline.type, std::nullopt);
}

}  // namespace
}  // namespace vanban::analyzers
