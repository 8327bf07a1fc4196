// A statute headed by its type and name, with no ND30 header: the Constitution as the Official
// Gazette prints it ("QUỐC HỘI" above the motto, "HIẾN PHÁP", its name in running case, "LỜI NÓI
// ĐẦU") and as a Word copy keeps it (no header at all: "HIẾN PHÁP", its name in capitals, the
// preamble). The type heads the text, the preamble opens the body, and the closing paragraph's
// adoption gives the date and, without a header, the adopting body.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kPreamble =
    "LỜI NÓI ĐẦU\nTrải qua mấy nghìn năm lịch sử, Nhân dân Việt Nam lao động cần cù. Cách mạng "
    "tháng Tám thành công, ngày 02 tháng 9 năm 1945, Chủ tịch Hồ Chí Minh đọc Tuyên ngôn độc "
    "lập.\nChương I\nCHẾ ĐỘ CHÍNH TRỊ\nĐiều 1\nNước Cộng hòa xã hội chủ nghĩa Việt Nam là một "
    "nước độc lập.\n";

TEST(StatuteHeadings, the_gazettes_constitution_reads_its_type_title_and_adoption) {
  const auto metadata = extract_metadata(
      "CÔNG BÁO/Số 1003 + 1004/Ngày 29-12-2013\nQUỐC HỘI\n\n3\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
      "NAM\nĐộc lập - Tự do - Hạnh phúc\n\nHIẾN PHÁP\nNước Cộng hòa xã hội chủ nghĩa Việt Nam\n" +
      kPreamble +
      "Hiến pháp này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam\nkhóa XIII, kỳ họp "
      "thứ 6 thông qua ngày 28 tháng 11 năm 2013./.\n");
  EXPECT_EQ(metadata.type, "Hiến pháp");
  EXPECT_EQ(metadata.issuer, "Quốc hội");
  EXPECT_EQ(metadata.title, "Nước Cộng hòa xã hội chủ nghĩa Việt Nam");
  EXPECT_EQ(metadata.date, "2013-11-28");
}

TEST(StatuteHeadings, a_constitution_without_a_header_names_its_adopting_body) {
  const auto metadata = extract_metadata(
      "HIẾN PHÁP\nNƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM NĂM 1992\n" + kPreamble +
      "Bản Hiến pháp này đã được Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam khoá VIII, kỳ "
      "họp thứ 11 nhất trí thông qua trong phiên họp ngày 15 tháng 4 năm 1992, hồi 11 giờ 45 "
      "phút.\n");
  EXPECT_EQ(metadata.type, "Hiến pháp");
  EXPECT_EQ(metadata.issuer, "Quốc hội");
  EXPECT_EQ(metadata.title, "Nước Cộng hoà xã hội chủ nghĩa Việt Nam năm 1992");
  EXPECT_EQ(metadata.date, "1992-04-15");
}

}  // namespace
}  // namespace vanban::analyzers
