// The constitutions cited by name (issue 11, laws cited by name). Vietnam has had five (1946,
// 1959, 1980, 1992, 2013: scripts/law_names/constitutions.txt); a text cites one by its year
// ("Hiến pháp năm 2013", named so: tests/analyzers/real/README.md) or by its title ("Hiến pháp
// nước Cộng hòa xã hội chủ nghĩa Việt Nam").
// A constitution's own text names itself by its title and its earlier ones by their years: the
// earlier ones are citations, itself is not, with its header or without (a Word copy that kept
// only the body still speaks of "Hiến pháp này").
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kBody =
    "LỜI NÓI ĐẦU\n"
    "Thể chế hóa Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội, kế thừa "
    "Hiến pháp năm 1946, Hiến pháp năm 1959, Hiến pháp năm 1980 và Hiến pháp năm 1992, Nhân dân "
    "Việt Nam xây dựng, thi hành và bảo vệ Hiến pháp này vì mục tiêu dân giàu, nước mạnh.\n"
    "Điều 119\n"
    "1. Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam là luật cơ bản của Nhà nước, có hiệu "
    "lực pháp lý cao nhất. Mọi văn bản pháp luật khác phải phù hợp với Hiến pháp.\n"
    "Hiến pháp này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIII, kỳ họp "
    "thứ 6 thông qua ngày 28 tháng 11 năm 2013.\n";

std::vector<std::string> years_cited(const DocumentMetadata& metadata) {
  std::vector<std::string> years;
  for (const Citation& citation : metadata.citations) {
    EXPECT_EQ(citation.type, "Hiến pháp") << citation.text;
    EXPECT_EQ(citation.number_key, "luat:hien phap nam " + citation.date.value_or(""))
        << citation.text;
    years.push_back(citation.date.value_or("none"));
  }
  return years;
}

TEST(ConstitutionCitations, a_constitution_without_its_header_cites_the_earlier_ones_only) {
  const DocumentMetadata metadata = extract_metadata(kBody);
  EXPECT_EQ(years_cited(metadata), (std::vector<std::string>{"1946", "1959", "1980", "1992"}));
}

TEST(ConstitutionCitations, a_constitution_with_its_header_cites_the_earlier_ones_only) {
  const DocumentMetadata metadata = extract_metadata(
      "QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hà Nội, ngày 28 tháng 11 năm 2013\nHIẾN PHÁP\nNƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" +
      kBody);
  EXPECT_EQ(years_cited(metadata), (std::vector<std::string>{"1946", "1959", "1980", "1992"}));
}

TEST(ConstitutionCitations, another_document_cites_the_constitution_by_title_and_year) {
  const DocumentMetadata metadata = extract_metadata(
      "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nNhững điểm mới của Hiến pháp "
      "năm 2013; mọi hoạt động theo quy định của Hiến pháp và pháp luật.");
  ASSERT_EQ(metadata.citations.size(), 2u);
  EXPECT_EQ(metadata.citations[0].title, "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam");
  EXPECT_EQ(metadata.citations[1].number_key, "luat:hien phap nam 2013");
  EXPECT_EQ(metadata.citations[1].date, "2013");
}

}  // namespace
}  // namespace vanban::analyzers
