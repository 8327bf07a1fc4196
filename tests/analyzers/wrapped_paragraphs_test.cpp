// Lines a page's width wrapped, outside the header (issue 11, layout family "hard_wrap_64" and
// "wrapped"; item 10: "join wrapped lines into paragraphs"):
// - a row of a Markdown pipe table is one line: a line that opens with "|" and does not close
//   with one goes on up to the line that closes the row ("... | CHỦ" / "TỊCH Nguyễn Văn Sơn |");
// - a portal's lead that names the document it gives is one paragraph: a line that ends no
//   sentence or field goes on into the line right below it, unless that one is empty, in
//   capitals, a list item or a body's opening ("Ngày 25/10/2013, UBND tỉnh ban hành Công văn
//   số: 1415 /UBND-NN" / "chỉ đạo ...");
// - a portal's headline goes on into the line below only where that line goes on with its
//   phrase (in lower case, with a digit or a bracket): the lead may follow a headline at once.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

std::string decision_with_table_signature(const std::string& row) {
  return "| ỦY BAN NHÂN DÂN TỈNH AN LẠC | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
         "Hạnh phúc |\n|---|---|\n| Số: 378/QĐ-UBND | An Lạc, ngày 12 tháng 3 năm 2022 |\n\n"
         "QUYẾT ĐỊNH\nVề việc công bố danh mục thủ tục hành chính\n\nCăn cứ Luật Tổ chức chính "
         "quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Công bố kèm "
         "theo Quyết định này danh mục thủ tục hành chính.\n\n" +
         row + "\n|---|---|\n";
}

TEST(WrappedParagraphs, a_pipe_table_row_wrapped_by_the_width_is_one_row) {
  const std::string one_line =
      "| Nơi nhận: - Như Điều 2; - Lưu: VT, PVHCC. | CHỦ TỊCH Nguyễn Văn Sơn |";
  const std::string wrapped =
      "| Nơi nhận: - Như Điều 2; - Lưu: VT, PVHCC. | CHỦ\nTỊCH Nguyễn "
      "Văn Sơn |";
  const std::string name_cut =
      "| Nơi nhận: - Như Điều 2; - Lưu: VT, PVHCC. | CHỦ TỊCH Nguyễn Văn\nSơn |";
  const DocumentMetadata want = extract_metadata(decision_with_table_signature(one_line));
  EXPECT_EQ(want.signer, "Nguyễn Văn Sơn");
  EXPECT_EQ(want.signer_title, "Chủ tịch");
  for (const std::string& row : {wrapped, name_cut}) {
    const DocumentMetadata got = extract_metadata(decision_with_table_signature(row));
    EXPECT_EQ(got.signer, want.signer) << row;
    EXPECT_EQ(got.signer_title, want.signer_title) << row;
    EXPECT_EQ(got.number, want.number) << row;
  }
}

std::string news_page(const std::string& lead) {
  return "Chỉ đạo việc tổng kiểm tra kinh doanh thuốc bảo vệ thực vật\n\n" + lead +
         "\n\nThực hiện Công văn số 3723/BNN-BVTV ngày 16 tháng 10 năm 2013 của Bộ Nông nghiệp và "
         "Phát triển nông thôn, Chủ tịch UBND tỉnh chỉ đạo các sở thực hiện.\n";
}

TEST(WrappedParagraphs, a_leads_paragraph_wrapped_by_the_width_still_names_the_document) {
  const DocumentMetadata one_line = extract_metadata(news_page(
      "Ngày 25/10/2013, UBND tỉnh ban hành Công văn số: 1415 /UBND-NN chỉ đạo việc tổng kiểm "
      "tra việc kinh doanh thuốc bảo vệ thực vật trên địa bàn tỉnh."));
  EXPECT_EQ(one_line.number, "1415/UBND-NN");
  EXPECT_EQ(one_line.date, "2013-10-25");
  for (const std::string lead :
       {"Ngày 25/10/2013, UBND tỉnh ban hành Công văn số: 1415 /UBND-NN\nchỉ đạo việc tổng "
        "kiểm tra việc kinh doanh thuốc bảo vệ thực vật trên địa bàn tỉnh.",
        "Ngày 25/10/2013, UBND tỉnh ban hành Công văn\nsố: 1415 /UBND-NN chỉ đạo việc tổng "
        "kiểm tra\nviệc kinh doanh thuốc bảo vệ thực vật trên địa bàn tỉnh.",
        "Ngày 25/10/2013, Chủ tịch UBND tỉnh Nguyễn Văn An\nĐã ký ban hành Công văn số: 1415 "
        "/UBND-NN chỉ đạo việc tổng kiểm tra\nviệc kinh doanh thuốc bảo vệ thực vật."}) {
    const DocumentMetadata wrapped = extract_metadata(news_page(lead));
    EXPECT_EQ(wrapped.number, one_line.number) << lead;
    EXPECT_EQ(wrapped.date, one_line.date) << lead;
    EXPECT_EQ(wrapped.type, one_line.type) << lead;
  }
  // A lead's sentence that has ended does not go on into the next line.
  const DocumentMetadata ended = extract_metadata(news_page(
      "Ngày 25/10/2013, UBND tỉnh họp bàn về thuốc bảo vệ thực vật.\nBan hành Công văn số: "
      "1415 /UBND-NN là việc của tháng sau"));
  EXPECT_EQ(ended.date, std::nullopt);
}

TEST(WrappedParagraphs, a_headline_wrapped_by_the_width_keeps_its_whole_subject) {
  const std::string lead =
      "\n\nHiện nay, tình hình dịch bệnh tiếp tục diễn biến phức tạp.\n\nTrân trọng thông "
      "báo.\n";
  const DocumentMetadata one_line = extract_metadata(
      "Thông báo về việc hoãn tổ chức phiên tiếp công dân định kỳ tháng 6 của Thường trực HĐND" +
      lead);
  EXPECT_EQ(one_line.title,
            "Về việc hoãn tổ chức phiên tiếp công dân định kỳ tháng 6 của Thường trực HĐND");
  const DocumentMetadata wrapped = extract_metadata(
      "Thông báo về việc hoãn tổ chức phiên tiếp công dân định kỳ tháng\n6 của Thường trực "
      "HĐND" +
      lead);
  EXPECT_EQ(wrapped.title, one_line.title);
  // The lead right under the headline, opening with a capital, is no part of it.
  const DocumentMetadata led = extract_metadata(
      "Thông báo về việc hoãn tổ chức phiên tiếp công dân định kỳ tháng 6 của Thường trực "
      "HĐND\nHiện nay, tình hình dịch bệnh tiếp tục diễn biến phức tạp.\n\nTrân trọng thông "
      "báo.\n");
  EXPECT_EQ(led.title, one_line.title);
}

}  // namespace
}  // namespace vanban::analyzers
