// PDF reading order: poppler's physical layout with the two columns of header and signature
// blocks split back apart (see vanban/indexer/pdf_layout.hpp), on synthetic pages and on the
// real gazette PDFs of the shared corpus.
#include <gtest/gtest.h>

#include "vanban/indexer/pdf_layout.hpp"
#include "vanban/indexer/reader.hpp"

#include "indexer_fixtures.hpp"

namespace vanban::indexer {
namespace {

using detail::reading_order_from_physical;
using testing::line_index;
using testing::lines_of;

TEST(PdfReadingOrder, two_column_header_is_read_column_by_column) {
  const std::string page =
      "      BỘ TÀI CHÍNH               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "                                      Độc lập - Tự do - Hạnh phúc\n"
      "\n"
      "   Số: 02/2026/TT-BTC             Hà Nội, ngày 01 tháng 01 năm 2026\n"
      "\n"
      "                               THÔNG TƯ\n"
      "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 đã được sửa đổi;\n";
  EXPECT_EQ(reading_order_from_physical(page),
            "BỘ TÀI CHÍNH\nSố: 02/2026/TT-BTC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 01 tháng 01 năm 2026\n"
            "THÔNG TƯ\n"
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 đã được sửa đổi;\n");
}

// "Kính gửi" (ND30 ô 9a) opens the text under the header table: indented as a paragraph, it
// fits in the left column, but the right column (the place and date) comes before it.
TEST(PdfReadingOrder, the_address_under_the_header_table_comes_after_both_columns) {
  const std::string page =
      " ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n"
      "THÀNH PHỐ ĐÀ NẴNG                       VIỆT NAM\n"
      "   Số: 3266/UBND-NC            Đà Nẵng, ngày 25 tháng 8 năm 2022\n"
      "V/v triển khai thực hiện Quy\n"
      "    Thường vụ Thành ủy\n"
      "     Kính gửi:\n"
      "     - Các sở, ban, ngành thành phố;\n";
  EXPECT_EQ(reading_order_from_physical(page),
            "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\nSố: 3266/UBND-NC\nV/v triển khai thực hiện "
            "Quy\nThường vụ Thành ủy\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐà Nẵng, ngày 25 "
            "tháng 8 năm 2022\nKính gửi:\n- Các sở, ban, ngành thành phố;\n");
}

// A cell with blanks left to write the number and the day in by hand has wide spaces inside
// it: at the open header's gap, the line is still two cells.
TEST(PdfReadingOrder, blanks_inside_a_header_cell_do_not_make_it_a_table_row) {
  const std::string page =
      "    ỦY BAN NHÂN DÂN             CỘNG HÒA XÃ HỘI CHỦ\n"
      "     PHƯỜNG AN HẢI                NGHĨA VIỆT NAM\n"
      "      Số:   /KH-UBND             An Hải, ngày   tháng 02 năm\n"
      "                                             2026\n"
      "                           KẾ HOẠCH\n";
  EXPECT_EQ(reading_order_from_physical(page),
            "ỦY BAN NHÂN DÂN\nPHƯỜNG AN HẢI\nSố: /KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT "
            "NAM\nAn Hải, ngày tháng 02 năm\n2026\nKẾ HOẠCH\n");
}

TEST(PdfReadingOrder, signature_block_keeps_recipients_and_signer_apart) {
  const std::string page =
      "Nơi nhận:                                  TM. ỦY BAN NHÂN DÂN\n"
      "- Ủy ban nhân dân huyện;                         CHỦ TỊCH\n"
      "- Lưu: VT.\n"
      "                                            Nguyễn Văn Hưởng\n";
  EXPECT_EQ(reading_order_from_physical(page),
            "Nơi nhận:\n- Ủy ban nhân dân huyện;\n- Lưu: VT.\n"
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn Hưởng\n");
}

TEST(PdfReadingOrder, columns_that_do_not_line_up_are_separate_blocks) {
  // A running page header (title | page number) above a header block with another gap.
  const std::string page =
      "                    CÔNG BÁO/Số 55/Ngày 26-01-2026                      30\n"
      "   BỘ TÀI CHÍNH                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n";
  EXPECT_EQ(
      reading_order_from_physical(page),
      "CÔNG BÁO/Số 55/Ngày 26-01-2026\n30\nBỘ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n");
}

TEST(PdfReadingOrder, table_rows_stay_rows_with_tab_separated_cells) {
  const std::string page =
      "STT   Nhiệm vụ                      Đơn vị chủ trì       Thời gian\n"
      "1     Số hóa hồ sơ hộ tịch          Tư pháp - Hộ tịch    Quý III\n";
  EXPECT_EQ(reading_order_from_physical(page),
            "STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian\n"
            "1\tSố hóa hồ sơ hộ tịch\tTư pháp - Hộ tịch\tQuý III\n");
}

TEST(PdfReadingOrder, body_text_and_hyphenated_symbols_stay_as_written) {
  const std::string page =
      "    Số: 01/2022/TTLT-VKSNDTC-\n"
      "   TANDTC-BCA-BQP-BLĐTBXH\n"
      "Bộ trưởng Bộ Lao động -\n"
      "Thương binh và Xã hội liên tịch ban hành\n";
  EXPECT_EQ(reading_order_from_physical(page),
            "Số: 01/2022/TTLT-VKSNDTC-\nTANDTC-BCA-BQP-BLĐTBXH\nBộ trưởng Bộ Lao động -\n"
            "Thương binh và Xã hội liên tịch ban hành\n");
}

// Every gazette PDF: the motto, the number and the place-date each on a line of their own
// (not glued to the other column), in the order a reader takes them.
TEST(PdfReadingOrder, gazette_pdfs_have_header_fields_on_their_own_lines) {
  const auto folder = testing::corpus_dir() / "real" / "congbao-8chude" / "pdf_samples";
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << "no shared corpus";
  int pdfs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".pdf") continue;
    ++pdfs;
    auto read = read_document(entry.path(), testing::read_file(entry.path()));
    ASSERT_TRUE(read.ok()) << entry.path() << ": " << read.error().message;
    const std::string& text = read->text;
    const int motto = line_index(text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    const int motto_2 = line_index(text, "Độc lập - Tự do - Hạnh phúc");
    EXPECT_GE(motto, 0) << entry.path() << "\n" << text.substr(0, 2000);
    EXPECT_EQ(motto_2, motto + 1) << entry.path();
    int number_lines = 0;
    for (const std::string& line : lines_of(text)) {
      if (line.find("Số:") == std::string::npos && line.find("số:") == std::string::npos) continue;
      ++number_lines;
      EXPECT_EQ(line.find("CỘNG HÒA"), std::string::npos) << entry.path() << ": " << line;
      EXPECT_EQ(line.find(", ngày"), std::string::npos) << entry.path() << ": " << line;
    }
    EXPECT_GT(number_lines, 0) << entry.path();
  }
  EXPECT_GT(pdfs, 0);
}

}  // namespace
}  // namespace vanban::indexer
