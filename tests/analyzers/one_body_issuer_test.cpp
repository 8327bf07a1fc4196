// The issuer facet lists bodies, one value per body: a header that names only a kind of local
// body ("ỦY BAN NHÂN DÂN" of a page that lost its second line, "UBND TỈNH") names hundreds of
// bodies at once. With the level in the name, the place line names the unit (ND30: a local
// body's place is the unit where it sits); without the level or the place there is no body to
// name, and the issuer is null rather than a kind.
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

std::optional<std::string> issuer_of(const std::string& header_cell, const std::string& place) {
  const std::string text = header_cell +
                           "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                           "Số: 15/KH-UBND\n" +
                           place +
                           ", ngày 12 tháng 3 năm 2024\n"
                           "KẾ HOẠCH\nTổ chức Ngày hội đọc sách\n"
                           "Thực hiện chương trình công tác năm 2024, xây dựng kế hoạch như sau:\n"
                           "1. Mục đích: khuyến khích đọc sách trong cộng đồng.\n";
  return extract_metadata(text).issuer;
}

TEST(OneBodyIssuer, a_kind_without_its_level_names_no_body) {
  EXPECT_EQ(issuer_of("ỦY BAN NHÂN DÂN", "Phú Thọ"), std::nullopt);
  EXPECT_EQ(issuer_of("HỘI ĐỒNG NHÂN DÂN", "Lào Cai"), std::nullopt);
}

TEST(OneBodyIssuer, a_kind_with_its_level_takes_the_unit_of_the_place_line) {
  EXPECT_EQ(issuer_of("UBND TỈNH", "Vĩnh Long"),
            std::optional<std::string>("Ủy ban nhân dân tỉnh Vĩnh Long"));
  EXPECT_EQ(issuer_of("ỦY BAN NHÂN DÂN\nHUYỆN", "Nghi Xuân"),
            std::optional<std::string>("Ủy ban nhân dân huyện Nghi Xuân"));
  EXPECT_EQ(issuer_of("ỦY BAN NHÂN DÂN THÀNH PHỐ", "Thành phố Hồ Chí Minh"),
            std::optional<std::string>("Ủy ban nhân dân thành phố Hồ Chí Minh"));
}

TEST(OneBodyIssuer, a_place_of_another_level_completes_nothing) {
  // A province's committee does not sit in a unit that is no province, nor a district's in one.
  EXPECT_EQ(issuer_of("UBND TỈNH", "Buôn Ma Thuột"), std::nullopt);
  EXPECT_EQ(issuer_of("ỦY BAN NHÂN DÂN HUYỆN", "Quảng Ninh"), std::nullopt);
}

TEST(OneBodyIssuer, a_body_named_in_full_is_left_as_it_is) {
  EXPECT_EQ(issuer_of("UBND TỈNH QUẢNG NINH", "Hạ Long"),
            std::optional<std::string>("Ủy ban nhân dân tỉnh Quảng Ninh"));
  EXPECT_EQ(issuer_of("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP", "Tân Lập"),
            std::optional<std::string>("Ủy ban nhân dân xã Tân Lập"));
}

}  // namespace
}  // namespace vanban::analyzers
