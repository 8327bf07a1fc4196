// Session 18 (unseen13 studied): rules on made-up text. A notice's page without its header keeps
// the sentence in which its body announces it; the Youth Union's short name "Đoàn" is a proper
// name, as "Đảng" is.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kNoticeBody =
    "1. Thời gian: ngày 20 hằng tháng.\n2. Địa điểm: Phòng Tiếp công dân.\n"
    "3. Các thôn thông báo đến Nhân dân trên địa bàn biết và thực hiện./.\n";

// ND30 Phụ lục III's Thông báo: the issuing body says what it notifies, then the content
// ("<body> thông báo <what> như sau:"). A page that lost ô 1-5 keeps that sentence: the body is
// the issuer (the head's post dropped, a level typed twice written once), the text a Thông báo.
TEST(NoticeOpenings, the_body_that_announces_the_notice_is_its_issuer) {
  const auto commune = extract_metadata(
      "Lịch tiếp công dân định kỳ năm 2025\nCăn cứ Luật Tiếp công dân năm 2013;\n"
      "Ủy ban nhân dân xã Hòa Bình thông báo lịch tiếp công dân năm 2025 như sau:\n" +
      kNoticeBody);
  EXPECT_EQ(commune.type, "Thông báo");
  EXPECT_EQ(commune.type_code, "TB");
  EXPECT_EQ(commune.issuer, "Ủy ban nhân dân xã Hòa Bình");
  const auto chairman = extract_metadata(
      "Ngày đăng: 21/01/2021\n\nThông báo lịch tiếp công dân\n\nChủ tịch HĐND huyện huyện Tân "
      "Lập khóa XIX, nhiệm kỳ 2016-2021 thông báo lịch tiếp công dân như sau:\n\n" +
      kNoticeBody);
  EXPECT_EQ(chairman.type, "Thông báo");
  EXPECT_EQ(chairman.issuer, "Hội đồng nhân dân huyện Tân Lập");
}

// A local body's name includes its place: a page that names it by its level alone ("UBND
// tỉnh thông báo ...") is of the one place the text gives that level; two places, or none, leave
// it as named (its abbreviations spelled out, as every issuer's: "ĐBQH" is "đại biểu Quốc
// hội"); a place ends with its line (the headline's "... tỉnh" is not followed by the
// next line's first word). A known name typed with a stray capital ("Ủy Ban") is written as the
// name is.
TEST(NoticeOpenings, a_local_body_named_by_its_level_takes_the_one_place_the_text_gives) {
  const std::string opening =
      "Lịch tiếp công dân năm 2021 tại Trụ sở Tiếp công dân tỉnh\nVăn phòng Đoàn ĐBQH, HĐND và "
      "UBND tỉnh thông báo lịch tiếp công dân "
      "như sau:\n07 giờ 30 ngày 07/01/2021 Chủ tịch UBND tỉnh;\n";
  const auto one = extract_metadata(opening +
                                    "07 giờ 30 ngày 14/01/2021 Đoàn ĐBQH đơn vị tỉnh Hòa Bình;\n"
                                    "07 giờ 30 ngày 21/01/2021 Bí thư Tỉnh ủy Hòa Bình.\n");
  EXPECT_EQ(one.issuer,
            "Văn phòng Đoàn đại biểu Quốc hội, Hội đồng nhân dân và Ủy ban nhân dân tỉnh Hòa Bình");
  const auto two = extract_metadata(opening +
                                    "07 giờ 30 ngày 14/01/2021 Đoàn ĐBQH đơn vị tỉnh Hòa Bình;\n"
                                    "Đoàn công tác của tỉnh Sơn La đến làm việc.\n");
  EXPECT_EQ(two.issuer,
            "Văn phòng Đoàn đại biểu Quốc hội, Hội đồng nhân dân và Ủy ban nhân dân tỉnh");
  const auto capital = extract_metadata(
      "Lịch tiếp công dân\nỦy Ban nhân dân xã Hòa Bình thông báo lịch tiếp công dân như sau:\n" +
      kNoticeBody);
  EXPECT_EQ(capital.issuer, "Ủy ban nhân dân xã Hòa Bình");
}

// Only the announcing formula: a sentence that reports a notice ("... đã thông báo kết quả."),
// one whose subject is no body, or one that does not introduce the content, names no issuer.
TEST(NoticeOpenings, a_sentence_that_only_mentions_a_notice_names_no_issuer) {
  const auto reported = extract_metadata(
      "Lịch tiếp công dân\nỦy ban nhân dân xã Hòa Bình thông báo lịch tiếp công dân hằng "
      "tháng trên loa truyền thanh.\n" +
      kNoticeBody);
  EXPECT_EQ(reported.issuer, std::nullopt);
  EXPECT_EQ(reported.type, std::nullopt);
  const auto person = extract_metadata(
      "Lịch tiếp công dân\nAnh Nguyễn Văn An thông báo lịch tiếp công dân như sau:\n" +
      kNoticeBody);
  EXPECT_EQ(person.issuer, std::nullopt);
  // A plan's page keeps its type; the sentence gives no type over the headline's.
  const auto plan = extract_metadata(
      "Kế hoạch tổ chức Tết Trung thu năm 2025\nỦy ban nhân dân xã Hòa Bình thông báo kế hoạch "
      "như sau:\n" +
      kNoticeBody);
  EXPECT_EQ(plan.type, "Kế hoạch");
  EXPECT_EQ(plan.issuer, std::nullopt);
}

}  // namespace
}  // namespace vanban::analyzers
