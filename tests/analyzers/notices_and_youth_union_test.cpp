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
  // The sentence wrapped at a PDF's width is the same sentence.
  const auto wrapped = extract_metadata(
      "Lịch tiếp công dân định kỳ năm 2025\nCăn cứ Luật Tiếp công dân năm 2013;\n"
      "Ủy ban nhân dân xã Hòa Bình thông báo lịch tiếp công\ndân năm 2025 như sau:\n" +
      kNoticeBody);
  EXPECT_EQ(wrapped.type, "Thông báo");
  EXPECT_EQ(wrapped.issuer, "Ủy ban nhân dân xã Hòa Bình");
}

// A local body's name includes its place: a page that names it by its level alone ("UBND
// tỉnh thông báo ...") is of the one place the text gives that level; two places, or none, leave
// it as named (its abbreviations spelled out, as every issuer's: "ĐBQH" is "đại biểu Quốc
// hội"); a line that opens with a body's name is no part of the place before it (the headline's
// "... tỉnh" / "Văn phòng ..."), a place wrapped over two lines is one place. A known name typed
// with a stray capital ("Ủy Ban") is written as the name is.
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
  const auto wrapped = extract_metadata(opening +
                                        "07 giờ 30 ngày 14/01/2021 Đoàn ĐBQH đơn vị tỉnh Hòa\n"
                                        "Bình; 07 giờ 30 ngày 21/01/2021 Bí thư Tỉnh ủy.\n");
  EXPECT_EQ(wrapped.issuer,
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

// The Youth Union's committee of a commune or ward ("BCH ĐOÀN XÃ TÂN LẬP" under the city's
// "THÀNH ĐOÀN", beside "ĐOÀN TNCS HỒ CHÍ MINH"): "Đoàn" is the organisation's short name, a
// proper name as "Đảng" is, so its capital stays ("Ban Chấp hành Đoàn xã Tân Lập").
TEST(YouthUnion, the_union_s_short_name_keeps_its_capital) {
  const auto commune = extract_metadata(
      "THÀNH ĐOÀN HÀ NỘI\nBCH ĐOÀN XÃ TÂN LẬP\n***\nSố: 12/KH-ĐTN\nĐOÀN TNCS HỒ CHÍ MINH\n"
      "Tân Lập, ngày 14 tháng 01 năm 2026\nKẾ HOẠCH\nTổ chức Tháng Thanh niên năm 2026\n"
      "Thực hiện Kế hoạch của Thành đoàn, Ban Chấp hành Đoàn xã xây dựng kế hoạch như sau:\n"
      "I. MỤC ĐÍCH\n1. Phát huy vai trò của đoàn viên.\n");
  EXPECT_EQ(commune.issuer, "Ban Chấp hành Đoàn xã Tân Lập");
  const auto ward = extract_metadata(
      "QUẬN ĐOÀN BA ĐÌNH\nBCH ĐOÀN PHƯỜNG KIM MÃ\n***\nSố: 3/TB-ĐTN\nĐOÀN TNCS HỒ CHÍ MINH\n"
      "Kim Mã, ngày 02 tháng 3 năm 2026\nTHÔNG BÁO\nLịch sinh hoạt chi đoàn\n"
      "Ban Chấp hành Đoàn phường thông báo lịch sinh hoạt như sau:\n1. Ngày 26/3.\n");
  EXPECT_EQ(ward.issuer, "Ban Chấp hành Đoàn phường Kim Mã");
}

}  // namespace
}  // namespace vanban::analyzers
