// Word's automatic numbering read back into the text as Word displays it (ECMA-376 Part 1 §17.9):
// fixtures/numbering.docx is a package written by hand in fixtures/source/numbering with the
// constructs Word writes (make_fixtures.sh).
#include <gtest/gtest.h>

#include "vanban/indexer/reader.hpp"

#include "indexer_fixtures.hpp"

namespace vanban::indexer {
namespace {

using testing::fixture;
using testing::line_index;

ReadDocument read_fixture(std::string_view name) {
  auto read = read_document(testing::fixture_path(name), fixture(name));
  EXPECT_TRUE(read.ok()) << name << ": " << (read.ok() ? "" : read.error().message);
  return read.ok() ? std::move(read).value() : ReadDocument{};
}

// The lines appear in this order in the text (each one whole).
void expect_lines_in_order(const std::string& text, const std::vector<std::string>& lines) {
  int previous = -1;
  for (const auto& line : lines) {
    const int index = line_index(text, line);
    EXPECT_GT(index, previous) << "line \"" << line << "\" missing or out of order in:\n" << text;
    if (index >= 0) previous = index;
  }
}

TEST(DocxNumbering, nested_parts_read_with_their_roman_decimal_and_letter_labels) {
  const ReadDocument document = read_fixture("numbering.docx");
  expect_lines_in_order(
      document.text,
      {"KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
       "a) Nâng cao nhận thức của cán bộ, công chức.", "b) Phát huy quyền làm chủ của Nhân dân.",
       "2. Yêu cầu", "a) Bám sát chỉ đạo của cấp trên.", "II. NỘI DUNG", "1. Tuyên truyền"});
  EXPECT_TRUE(document.warnings.empty());
}

TEST(DocxNumbering, bullets_read_as_dash_or_bullet) {
  const ReadDocument document = read_fixture("numbering.docx");
  expect_lines_in_order(document.text,
                        {"- Bảo đảm đúng tiến độ.", "• Có phân công cụ thể.",
                         // a list whose levels are those of a numbering style (numStyleLink)
                         "• Báo cáo hằng tháng."});
}

TEST(DocxNumbering, numbering_given_by_paragraph_styles) {
  const ReadDocument document = read_fixture("numbering.docx");
  expect_lines_in_order(
      document.text,
      {"Phần A Nhiệm vụ chung", "i/ Tổ chức hội nghị", "ii/ Tập huấn nghiệp vụ",
       "Phần B Nhiệm vụ cụ thể", "i/ Xây dựng mô hình",
       // a style's numbering, through basedOn; a level chosen by the paragraph
       "Điều 1. Phạm vi điều chỉnh", "Điều 2. Đối tượng áp dụng", "1. Cơ quan nhà nước."});
  // numId 0 takes away the numbering its style gives
  EXPECT_GE(line_index(document.text, "Ghi chú không đánh số."), 0) << document.text;
}

TEST(DocxNumbering, lists_sharing_an_abstract_numbering_continue_unless_restarted) {
  const ReadDocument document = read_fixture("numbering.docx");
  expect_lines_in_order(document.text,
                        {"1) Rà soát văn bản.", "2) Tổng hợp ý kiến.", "Nhiệm vụ bổ sung:",
                         // a w:num with a startOverride restarts the shared counter
                         "1) Kiểm tra.", "2) Giám sát.",
                         // another w:num without one continues it, in a table cell too
                         "3) Sơ kết.", "4) Phối hợp liên ngành."});
}

TEST(DocxNumbering, legal_numbering_start_override_and_level_that_never_restarts) {
  const ReadDocument document = read_fixture("numbering.docx");
  expect_lines_in_order(
      document.text, {"I. Tổ chức thực hiện", "1.1. Phân công", "(1) Văn phòng", "1.2. Thời gian",
                      "(2) Quý I", "IV. Kinh phí", "4.1. Ngân sách", "(3) Nguồn khác"});
}

TEST(DocxNumbering, damaged_numbering_part_gives_the_text_without_labels_and_a_warning) {
  const ReadDocument document = read_fixture("numbering-damaged.docx");
  expect_lines_in_order(document.text, {"MỤC ĐÍCH, YÊU CẦU", "Mục đích", "Kiểm tra."});
  ASSERT_EQ(document.warnings.size(), 1u);
  EXPECT_NE(document.warnings[0].find("numbering"), std::string::npos) << document.warnings[0];
}

TEST(DocxNumbering, missing_numbering_part_gives_the_text_without_labels) {
  const ReadDocument document = read_fixture("numbering-missing.docx");
  expect_lines_in_order(document.text,
                        {"MỤC ĐÍCH, YÊU CẦU", "Mục đích", "Kiểm tra.", "Phạm vi điều chỉnh"});
  EXPECT_TRUE(document.warnings.empty());
}

}  // namespace
}  // namespace vanban::indexer
