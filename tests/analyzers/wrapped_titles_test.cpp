// Titles and subjects whose lines a page's width or a table's rows parted (issue 11, layout
// families "hard_wrap_64", "number_next_line", "signature_one_line" and "one_cell_a_line": the
// same document extracts the same title whatever its line breaks). ND30 ô 5a/5b:
// - a công văn's "V/v" subject (ô 5b, left column) goes on after the right column's cells that
//   a table's rows read between its lines: the place and date (ô 4), the national name and
//   motto (ô 1) are no part of it and do not end it;
// - a year or a range that the width put on a line of its own ("... năm" / "2024", "... GIAI
//   ĐOẠN" / "2016-2020") goes on with the subject or the title in capitals; a numbered item
//   ("1. Mục đích") does not;
// - an empty line after wrapped title lines is the place of the rule under the title only when
//   the title has ended there: not after a comma, nor before a line that goes on in lower case.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kIssuer =
    "ỦY BAN NHÂN DÂN\nTỈNH AN LẠC\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n";
const std::string kDate = "An Lạc, ngày 12 tháng 3 năm 2024";
const std::string kAddress =
    "\nKính gửi: Các sở, ban, ngành tỉnh.\n\nThực hiện Kế hoạch số 15/KH-UBND ngày 02/02/2024 "
    "của Ủy ban nhân dân tỉnh, đề nghị các đơn vị báo cáo.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê "
    "Văn Bình\n";

std::string letter(const std::string& number_subject_date) {
  return kIssuer + number_subject_date + "\n" + kAddress;
}

TEST(WrappedTitles, the_place_and_date_between_a_subjects_lines_does_not_end_it) {
  const std::string want = "lấy ý kiến góp ý dự thảo Quy chế chi tiêu nội bộ của Văn phòng";
  const DocumentMetadata as_written = extract_metadata(
      letter("Số: 35/UBND-VP\nV/v lấy ý kiến góp ý dự thảo Quy chế\nchi tiêu nội bộ của Văn "
             "phòng\n" +
             kDate));
  EXPECT_EQ(as_written.title, want);
  // The rows of the header's table: the date beside the subject's first line.
  const DocumentMetadata rows =
      extract_metadata(letter("Số: 35/UBND-VP\nV/v lấy ý kiến góp ý dự thảo\n" + kDate +
                              "\n\nQuy chế chi tiêu nội bộ của Văn phòng"));
  EXPECT_EQ(rows.title, want);
  const DocumentMetadata lower =
      extract_metadata(letter("Số: 35/UBND-VP\nV/v lấy ý kiến góp ý dự thảo Quy chế\n" + kDate +
                              "\nchi tiêu nội bộ của Văn phòng"));
  EXPECT_EQ(lower.title, want);
  // Nor is the motto, which a text layer may read after the subject.
  const DocumentMetadata motto = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTỈNH AN LẠC\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 35/UBND-VP\nV/v "
      "lấy ý kiến góp ý dự thảo Quy chế\nchi tiêu nội bộ của Văn phòng\n\n" +
      kDate + "\n\nĐộc lập - Tự do - Hạnh phúc\n" + kAddress);
  EXPECT_EQ(motto.title, want);
}

TEST(WrappedTitles, a_year_on_a_line_of_its_own_goes_on_with_the_subject) {
  const DocumentMetadata one_line = extract_metadata(
      letter("Số: 35/UBND-VP\nV/v hướng dẫn tổ chức kỳ thi tốt nghiệp năm 2024\n" + kDate));
  const DocumentMetadata wrapped = extract_metadata(
      letter("Số: 35/UBND-VP\nV/v hướng dẫn tổ chức kỳ thi tốt nghiệp năm\n2024\n" + kDate));
  EXPECT_EQ(one_line.title, "hướng dẫn tổ chức kỳ thi tốt nghiệp năm 2024");
  EXPECT_EQ(wrapped.title, one_line.title);
}

std::string decision(const std::string& title_lines) {
  return kIssuer + "Số: 30/2016/QĐ-UBND\n" + kDate + "\n\nQUYẾT ĐỊNH\n" + title_lines +
         "\n\nỦY BAN NHÂN DÂN TỈNH AN LẠC\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày "
         "19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này "
         "Quy định.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Bình\n";
}

TEST(WrappedTitles, a_range_on_a_line_of_its_own_goes_on_with_a_title_in_capitals) {
  const DocumentMetadata one_line =
      extract_metadata(decision("BAN HÀNH CÁC NGUYÊN TẮC PHÂN BỔ VỐN ĐẦU TƯ GIAI ĐOẠN 2016-2020"));
  const DocumentMetadata wrapped =
      extract_metadata(decision("BAN HÀNH CÁC NGUYÊN TẮC PHÂN BỔ VỐN ĐẦU TƯ GIAI ĐOẠN\n2016-2020"));
  ASSERT_TRUE(one_line.title.has_value());
  EXPECT_TRUE(one_line.title->ends_with("2016-2020")) << *one_line.title;
  EXPECT_EQ(wrapped.title, one_line.title);
}

TEST(WrappedTitles, a_gap_after_a_comma_or_before_lower_case_is_no_rule_under_the_title) {
  const std::string plan_head = kIssuer + "Số: 01/KH-TBTT\n" + kDate + "\n\nKẾ HOẠCH\n";
  const std::string tail =
      "\n\n\nThực hiện Kế hoạch số 15/KH-UBND ngày 02/02/2024 của Ủy ban nhân dân tỉnh.\n\n"
      "TM. TIỂU BAN\nTRƯỞNG TIỂU BAN\n\nNguyễn Văn Hoàn\n";
  const std::string want =
      "Triển khai công tác tuyên truyền bầu cử đại biểu Quốc hội và bầu cử đại biểu Hội đồng "
      "nhân dân các cấp, nhiệm kỳ 2026 - 2031 trên địa bàn xã";
  const DocumentMetadata as_written = extract_metadata(
      plan_head +
      "Triển khai công tác tuyên truyền bầu cử đại biểu Quốc hội và bầu cử đại biểu Hội đồng "
      "nhân dân các cấp,\n\nnhiệm kỳ 2026 - 2031 trên địa bàn xã" +
      tail);
  EXPECT_EQ(as_written.title, want);
  const DocumentMetadata wrapped = extract_metadata(
      plan_head +
      "Triển khai công tác tuyên truyền bầu cử đại biểu Quốc hội và\nbầu cử đại biểu Hội đồng "
      "nhân dân các cấp,\n\nnhiệm kỳ 2026 - 2031 trên địa bàn xã" +
      tail);
  EXPECT_EQ(wrapped.title, want);
  const DocumentMetadata lower = extract_metadata(
      plan_head +
      "Triển khai công tác tuyên truyền bầu cử đại biểu Quốc hội và\nbầu cử đại biểu Hội đồng "
      "nhân dân các cấp\n\nnhiệm kỳ 2026 - 2031 trên địa bàn xã" +
      tail);
  EXPECT_EQ(lower.title,
            "Triển khai công tác tuyên truyền bầu cử đại biểu Quốc hội và bầu cử đại biểu Hội "
            "đồng nhân dân các cấp nhiệm kỳ 2026 - 2031 trên địa bàn xã");
  // A title that ends, then the gap and the body's opening in capitals: the gap is the rule's.
  const DocumentMetadata ended = extract_metadata(
      plan_head +
      "Triển khai công tác tuyên truyền bầu cử\nđại biểu Quốc hội trong thời gian đến\n\nNgày "
      "03/01/2025, Tiểu ban họp và thống nhất các nội dung.\n\nTM. TIỂU BAN\nTRƯỞNG TIỂU "
      "BAN\n\nNguyễn Văn Hoàn\n");
  EXPECT_EQ(ended.title,
            "Triển khai công tác tuyên truyền bầu cử đại biểu Quốc hội trong thời "
            "gian đến");
}

}  // namespace
}  // namespace vanban::analyzers
