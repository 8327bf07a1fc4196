// A trích yếu hard-wrapped by a PDF text layer right before the bracketed short form of its last
// words ("... đánh giá hiệu quả hoạt động" / "(OKR/KPI) đối với cơ quan ..."): the phrase goes on
// in lower case after the bracket, so the line is the title's. A note in brackets alone on its
// line under the title ("(Ban hành kèm theo ...)") is not. Every layout family of the renderer
// gives the same title.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "layout_renderer.hpp"

namespace vanban::analyzers {
namespace {

constexpr const char* kBracketTitle =
    "Ban hành Bộ tiêu chí đánh giá hiệu quả hoạt động (OKR/KPI) đối với cơ quan Văn phòng "
    "Ủy ban nhân dân tỉnh Nghệ An";

std::string nghe_an_decision(const std::string& title_lines) {
  return "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 15/QĐ-UBND\n\n"
         "Độc lập - Tự do - Hạnh phúc\nNghệ An, ngày 10 tháng 6 năm 2026\n\nQUYẾT ĐỊNH\n" +
         title_lines +
         "\nỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nCăn cứ Luật Tổ chức chính quyền địa phương số "
         "72/2025/QH15;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Bộ tiêu chí kèm theo Quyết định này.\n\n"
         "Nơi nhận:\n- Như Điều 1;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n"
         "Lê Hồng Vinh\n";
}

const std::string kWrapped =
    "Ban hành Bộ tiêu chí đánh giá hiệu quả hoạt động\n(OKR/KPI) đối với cơ quan Văn phòng\n"
    "Ủy ban nhân dân tỉnh Nghệ An";

TEST(TitleBrackets, a_title_goes_on_after_a_bracket_that_opens_its_wrapped_line) {
  EXPECT_EQ(extract_metadata(nghe_an_decision(kWrapped)).title, kBracketTitle);
}

TEST(TitleBrackets, a_note_in_brackets_alone_on_its_line_is_no_part_of_the_title) {
  const std::string text =
      "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 16/QĐ-UBND\n\n"
      "Độc lập - Tự do - Hạnh phúc\nNghệ An, ngày 10 tháng 6 năm 2026\n\nQUY ĐỊNH\n"
      "Về quản lý cụm công nghiệp\n(Ban hành kèm theo Quyết định số 15/QĐ-UBND)\n\n"
      "Chương I\nQUY ĐỊNH CHUNG\n";
  EXPECT_EQ(extract_metadata(text).title, "Về quản lý cụm công nghiệp");
}

TEST(TitleBrackets, every_layout_family_gives_the_same_title) {
  const testing::DocumentParts parts =
      testing::read_parts(nghe_an_decision(kWrapped), "Lê Hồng Vinh");
  for (const testing::Layout layout : testing::kTextLayouts) {
    const std::string rendered = testing::render(parts, layout);
    EXPECT_EQ(extract_metadata(rendered).title, kBracketTitle)
        << testing::layout_name(layout) << "\n"
        << rendered;
  }
}

}  // namespace
}  // namespace vanban::analyzers
