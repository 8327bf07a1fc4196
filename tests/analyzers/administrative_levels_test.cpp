// Session 30 (issue 11): one table of administrative levels (tables.hpp administrative_levels(),
// with the abbreviations that stand for a level). The readers of level words take them from it,
// so a level added once reaches them all: here "thị xã" and "đặc khu" (since 2025) reach the
// readers that had hand copies without them, each with a control.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "structure/body_names.hpp"
#include "structure/tables.hpp"

namespace vanban::analyzers {
namespace {

TEST(AdministrativeLevels, the_table_runs_from_the_top_tier_down) {
  const auto levels = structure::administrative_levels();
  const auto at = [&](std::string_view level) {
    return std::find(levels.begin(), levels.end(), level) - levels.begin();
  };
  // A province's before a district's before a commune's; the longer "thị xã", "thị trấn"
  // before "xã", which they hold.
  EXPECT_LT(at("tỉnh"), at("huyện"));
  EXPECT_LT(at("huyện"), at("xã"));
  EXPECT_LT(at("thị xã"), at("xã"));
  EXPECT_LT(at("thị trấn"), at("xã"));
  EXPECT_LT(at("đặc khu"), static_cast<std::ptrdiff_t>(levels.size()));
  // The abbreviations that stand for a level come from the table of abbreviations.
  const auto abbreviations = structure::administrative_level_abbreviations();
  for (std::string_view abbreviation : {"TP", "TP.", "TX", "TX."})
    EXPECT_NE(std::find(abbreviations.begin(), abbreviations.end(), abbreviation),
              abbreviations.end())
        << abbreviation;
  // "UBND" stands for a body, no level.
  EXPECT_EQ(std::find(abbreviations.begin(), abbreviations.end(), "UBND"), abbreviations.end());
}

TEST(AdministrativeLevels, a_body_named_by_a_town_s_level_takes_the_town_s_place) {
  using structure::body_with_place;
  // "thị xã" ends in "xã": read as the commune's level, the text's town and its commune were
  // two places and the body had none. The town's level names the town.
  EXPECT_EQ(body_with_place("Ủy ban nhân dân thị xã",
                            "Trên địa bàn thị xã Sơn Tây, xã Đường Lâm là làng cổ."),
            std::optional<std::string>("Ủy ban nhân dân thị xã Sơn Tây"));
  // The control: a commune's body in the same text names the commune and the town's commune
  // alike, two places, so none.
  EXPECT_EQ(body_with_place("Ủy ban nhân dân xã",
                            "Trên địa bàn thị xã Sơn Tây, xã Đường Lâm là làng cổ."),
            std::nullopt);
  EXPECT_EQ(body_with_place("Ủy ban nhân dân xã", "Xã Đường Lâm là làng cổ."),
            std::optional<std::string>("Ủy ban nhân dân xã Đường Lâm"));
}

TEST(AdministrativeLevels, a_special_zone_is_a_level_to_every_reader) {
  using structure::body_with_place;
  using structure::with_place_marks_of;
  EXPECT_EQ(body_with_place("Ủy ban nhân dân đặc khu", "Đặc khu Phú Quốc tổ chức lễ hội."),
            std::optional<std::string>("Ủy ban nhân dân đặc khu Phú Quốc"));
  // ô 4's place spells the unit the scan's capitals slipped on.
  EXPECT_EQ(with_place_marks_of("Ủy ban nhân dân đặc khu Phú Quóc", "Phú Quốc"),
            "Ủy ban nhân dân đặc khu Phú Quốc");
  // The control: a name whose last words follow no level keeps its own marks.
  EXPECT_EQ(with_place_marks_of("Nhà văn hóa Phú Quóc", "Phú Quốc"), "Nhà văn hóa Phú Quóc");
  // In a header: the zone's level in capitals is the place of the body above it.
  const DocumentMetadata letter = extract_metadata(
      "ỦY BAN NHÂN DÂN\nĐẶC KHU PHÚ QUỐC\nSố: 12/UBND-VP\nV/v tổ chức lễ hội\nCỘNG HÒA XÃ HỘI "
      "CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nPhú Quốc, ngày 3 tháng 11 năm 2025\n\n"
      "Kính gửi: Các cơ quan, đơn vị.\n\nĐề nghị các đơn vị thực hiện.\n\nTM. ỦY BAN NHÂN DÂN\n"
      "CHỦ TỊCH\n\nLê Văn Minh\n");
  EXPECT_EQ(letter.issuer, "Ủy ban nhân dân đặc khu Phú Quốc");
  EXPECT_EQ(letter.place, "Phú Quốc");
}

}  // namespace
}  // namespace vanban::analyzers
