// Headers of schools and their Youth Union (issue 11, the documents of a school's own system):
// the school's name is its level (Luật Giáo dục 2019, Điều 6), often abbreviated (THPT, THCS),
// then its own name, a place's or a person's, in capitals in the header (ND30 ô 2); a draft
// leaves the number blank, and a PDF's text layer may put that blank number two lines below
// "Số:". The issuer and the number are the same in every layout family of the renderer.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "layout_renderer.hpp"

namespace vanban::analyzers {
namespace {

struct School {
  std::string text;
  std::string issuer;
  std::string number;
};

std::vector<School> schools() {
  const std::string body =
      "KẾ HOẠCH\nTổ chức cuộc thi ý tưởng khởi nghiệp cấp trường năm học 2025-2026\n\n"
      "Căn cứ Kế hoạch số 4010/KH-SGDĐT ngày 29/10/2025 của Sở GD&ĐT về tổ chức Cuộc thi;\n"
      "Nhà trường xây dựng kế hoạch như sau.\n\n"
      "Nơi nhận:\n- Hiệu trưởng (b/c);\n- Lưu: VT.\n\nKT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\n\n"
      "Nguyễn Văn Thành\n";
  const std::string motto =
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Thành phố Hồ Chí Minh, ngày 14 tháng 11 năm 2025\n";
  return {
      {"SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTHÀNH PHỐ HỒ CHÍ MINH\nTRƯỜNG THPT PHƯỚC BỬU\n" + motto +
           "Số: 230/KH-THPT\n\n" + body,
       "Trường Trung học phổ thông Phước Bửu", "230/KH-THPT"},
      {"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nQUẬN BA ĐÌNH\nTRƯỜNG TRUNG HỌC CƠ SỞ NGUYỄN DU\n" + motto +
           "Số: 12/KH-THCS\n\n" + body,
       "Trường Trung học cơ sở Nguyễn Du", "12/KH-THCS"},
      // The school's Youth Union, a draft: "Số:" with the number left blank, which a PDF's
      // text layer puts two lines below.
      {"ĐOÀN TNCS HỒ CHÍ MINH\n\nXÃ ĐOÀN XUYÊN MỘC\nĐOÀN TRƯỜNG THPT BƯNG "
       "RIỀNG\nSố:\n\n/KH-ĐTN\n\n" +
           motto + "\n" + body,
       "Đoàn trường Trung học phổ thông Bưng Riềng", "/KH-ĐTN"},
  };
}

TEST(SchoolHeaders, a_school_is_named_by_its_level_and_its_own_name) {
  for (const School& school : schools()) {
    const DocumentMetadata metadata = extract_metadata(school.text);
    EXPECT_EQ(metadata.issuer, school.issuer) << school.text;
    EXPECT_EQ(metadata.number, school.number) << school.text;
    EXPECT_EQ(metadata.signer_title, "Phó Hiệu trưởng") << school.text;
  }
}

TEST(SchoolHeaders, every_layout_family_gives_the_same_issuer_and_number) {
  for (const School& school : schools()) {
    const testing::DocumentParts parts = testing::read_parts(school.text, "Nguyễn Văn Thành");
    for (const testing::Layout layout : testing::kTextLayouts) {
      const std::string rendered = testing::render(parts, layout);
      const DocumentMetadata metadata = extract_metadata(rendered);
      EXPECT_EQ(metadata.issuer, school.issuer) << testing::layout_name(layout) << "\n" << rendered;
      EXPECT_EQ(metadata.number, school.number) << testing::layout_name(layout) << "\n" << rendered;
    }
  }
}

}  // namespace
}  // namespace vanban::analyzers
