// PDF text layers (issue 11): what pdftotext's default mode and the project's PDF reader make of
// an office's file printed to PDF (tests/indexer/layout_pdf_text_test.cpp renders them all):
// each rule here is one thing the text layer does to the parts of a Decree 30 document.
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

// pdftotext puts the short rule under a header cell and the cell's next line on one line when
// they stand side by side: "-------Nghị quyết số:" / "78/2025/UBTVQH15".
TEST(PdfTextLayers, a_rule_run_into_the_line_after_it_is_a_line_of_its_own) {
  const auto metadata = extract_metadata(
      "ỦY BAN THƯỜNG VỤ\nQUỐC HỘI\n-------Nghị quyết số:\n78/2025/UBTVQH15\n\nCỘNG HÒA XÃ HỘI "
      "CHỦ NGHĨA\nVIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n---------------\n\nHà Nội, ngày 17 "
      "tháng 5 năm 2025\nNGHỊ QUYẾT\nVề việc ghi nhận thời gian đóng bảo hiểm xã hội\n"
      "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
      "QUYẾT NGHỊ:\nĐiều 1. Phạm vi điều chỉnh.\n");
  EXPECT_EQ(metadata.number, "78/2025/UBTVQH15");
  EXPECT_EQ(metadata.issuer, "Ủy ban Thường vụ Quốc hội");
  EXPECT_EQ(metadata.date, "2025-05-17");
  // The rule run into the first line of the body: the body starts there.
  const auto party = extract_metadata(
      "TỈNH ỦY THÁI NGUYÊN\n*\nSố 12-BC/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\nThái Nguyên, ngày 5 tháng 9 "
      "năm 2025\n\nBÁO CÁO\ntổng hợp ý kiến góp ý vào các dự thảo văn kiện\n----Thực hiện Chỉ thị "
      "số 45-CT/TW, ngày 14/4/2025 của Bộ Chính trị về đại hội đảng bộ các cấp;\n");
  EXPECT_EQ(party.title, "tổng hợp ý kiến góp ý vào các dự thảo văn kiện");
  ASSERT_EQ(party.citations.size(), 1u);
  EXPECT_EQ(party.citations[0].number_key, "45-ct/tw");
  // A list item's dash or a rule set apart by a space stays as it is.
  EXPECT_EQ(extract_metadata("ỦY BAN NHÂN DÂN\nTỈNH LONG AN\n------- \nSố: 12/KH-UBND\n\nCỘNG HÒA "
                             "XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLong An, ngày 5 tháng 3 năm 2026\n\nKẾ "
                             "HOẠCH\nTổ chức hội nghị\n")
                .number,
            "12/KH-UBND");
}

// The issuer's cell is the narrow left column (ND30 ô 2): a long name wraps in it, and a line
// that ends on a joiner goes on in the next one, even when that line reads as a type heading
// ("PHÒNG TÀI CHÍNH -" / "KẾ HOẠCH").
TEST(PdfTextLayers, an_issuer_wrapped_after_a_joiner_goes_on_in_the_next_line) {
  const auto metadata = extract_metadata(
      "UBND HUYỆN CẦN\nGIỜ\nPHÒNG TÀI CHÍNH -\nKẾ HOẠCH\n--------\nSố: 56/TTr-TCKH\nCỘNG HÒA "
      "XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nCần Giờ, ngày "
      "04 tháng 4 năm 2025\nTỜ TRÌNH\nVề việc phân bổ kinh phí sửa chữa trường học năm "
      "2025\nKính gửi: Ủy ban nhân dân huyện Cần Giờ.\n");
  EXPECT_EQ(metadata.type, "Tờ trình");
  EXPECT_EQ(metadata.number, "56/TTr-TCKH");
  EXPECT_EQ(metadata.issuer, "Phòng Tài chính - Kế hoạch huyện Cần Giờ");
  EXPECT_EQ(metadata.date, "2025-04-04");
  EXPECT_EQ(metadata.title, "Về việc phân bổ kinh phí sửa chữa trường học năm 2025");
}

// pdftotext drops the hyphen that ends a line ("BỘ LAO ĐỘNG -" / "THƯƠNG BINH VÀ XÃ HỘI"): a
// known name without its dash is the name, written with it.
TEST(PdfTextLayers, a_known_name_that_lost_its_dash_is_written_with_it) {
  const auto metadata = extract_metadata(
      "BỘ LAO ĐỘNG THƯƠNG BINH VÀ XÃ HỘI\n-------\nSố: 09/2021/TT-BLĐTBXH\n\nCỘNG HÒA XÃ HỘI CHỦ "
      "NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 5 tháng 3 năm 2021\n\nTHÔNG "
      "TƯ\nSửa đổi một số điều\n");
  EXPECT_EQ(metadata.issuer, "Bộ Lao động - Thương binh và Xã hội");
}

std::optional<std::string> title_of(const std::string& title_lines) {
  return extract_metadata(
             "ỦY BAN NHÂN DÂN\nPHƯỜNG AN HẢI\n-------\nSố: 15/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA "
             "VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nAn Hải, ngày 10 tháng 02 "
             "năm 2026\nKẾ HOẠCH\n" +
             title_lines +
             "\nThực hiện Kế hoạch số 12/KH-UBND ngày 06/01/2026 của UBND thành phố, UBND phường "
             "xây dựng Kế hoạch như sau:\n1. Ra quân tổng vệ sinh.\n")
      .title;
}

// The trích yếu (ND30 ô 5a) wrapped by the page's or the cell's width where no title ends: before
// its year (alone on a line, it reads as a page number), inside a range, inside a symbol, after
// a post whose body follows.
TEST(PdfTextLayers, a_title_wrapped_inside_a_phrase_goes_on) {
  EXPECT_EQ(title_of("Tổng vệ sinh môi trường hưởng ứng Tết trồng cây năm\n2026"),
            "Tổng vệ sinh môi trường hưởng ứng Tết trồng cây năm 2026");
  EXPECT_EQ(title_of("Thực hiện phong trào thi đua “Dân vận khéo”, giai đoạn 2026\n- 2030"),
            "Thực hiện phong trào thi đua “Dân vận khéo”, giai đoạn 2026 - 2030");
  EXPECT_EQ(title_of("Sửa đổi một số điều của Thông tư số 17/2022/TT-\nBLĐTBXH ngày 06 tháng 9 năm "
                     "2022"),
            "Sửa đổi một số điều của Thông tư số 17/2022/TT-BLĐTBXH ngày 06 tháng 9 năm 2022");
  EXPECT_EQ(title_of("Bãi bỏ Thông tư số 338/2016/TT-BTC của Bộ trưởng\nBộ Tài chính quy định lập "
                     "dự toán"),
            "Bãi bỏ Thông tư số 338/2016/TT-BTC của Bộ trưởng Bộ Tài chính quy định lập dự toán");
  // A title set in capitals wraps the same way (session 16).
  EXPECT_EQ(title_of("TRIỂN KHAI CÁC GIẢI PHÁP PHÒNG, CHỐNG HẠN HÁN MÙA KHÔ NĂM 2025 -\n2026"),
            "Triển khai các giải pháp phòng, chống hạn hán mùa khô năm 2025 - 2026");
  EXPECT_EQ(title_of("TỔNG VỆ SINH MÔI TRƯỜNG KHU DÂN CƯ NĂM\n2026"),
            "Tổng vệ sinh môi trường khu dân cư năm 2026");
  // A page number under a title that is complete stays out of it; so does the body or an
  // enacting authority under a title that ends on a post.
  EXPECT_EQ(title_of("Tổng vệ sinh môi trường năm 2026\n2"), "Tổng vệ sinh môi trường năm 2026");
  EXPECT_EQ(title_of("TỔNG VỆ SINH MÔI TRƯỜNG NĂM 2026\n2"), "Tổng vệ sinh môi trường năm 2026");
  EXPECT_EQ(title_of("Về việc phê chuẩn kết quả bầu Chủ tịch\nCHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG"),
            "Về việc phê chuẩn kết quả bầu Chủ tịch");
  EXPECT_EQ(title_of("Về việc phê chuẩn kết quả bầu Chủ tịch\nCăn cứ Luật Tổ chức chính quyền địa "
                     "phương;"),
            "Về việc phê chuẩn kết quả bầu Chủ tịch");
}

// A PDF reader that gives the header's columns one after the other puts the right column's
// cells (the national name, the motto, the place and date) between the V/v subject (ND30 ô 5b)
// and "Kính gửi" (ô 9a): the subject still goes on over its wrapped lines.
TEST(PdfTextLayers, a_subject_read_before_the_right_column_goes_on_over_its_lines) {
  const auto metadata = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\n--------\nSố: 3266/UBND-NC\nV/v triển khai thực "
      "hiện Quy\nđịnh số 429-QĐ/TU\nngày 01/7/2022 của Ban\nThường vụ Thành ủy\nCỘNG HÒA XÃ "
      "HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nĐà Nẵng, ngày "
      "25 tháng 8 năm 2022\nKính gửi:\n- Các sở, ban, ngành thành phố;\n- UBND các quận, "
      "huyện.\nThực hiện Quy định số 429-QĐ/TU ngày 01/7/2022 của Ban Thường vụ Thành ủy./.\n");
  EXPECT_EQ(metadata.title,
            "triển khai thực hiện Quy định số 429-QĐ/TU ngày 01/7/2022 của Ban Thường vụ Thành ủy");
  EXPECT_EQ(metadata.date, "2022-08-25");
}

// Lists wrapped in their width: an addressee of a công điện's "điện:" list (ô 9a, no column
// beside it), and a recipient whose tail pdftotext put after a line of the signature column
// (the two cells of the bottom table interleaved line by line).
TEST(PdfTextLayers, a_wrapped_list_item_keeps_its_tail) {
  const auto telegram = extract_metadata(
      "THỦ TƯỚNG CHÍNH PHỦ\n--------\nSố: 95/CĐ-TTg\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc "
      "lập - Tự do - Hạnh phúc\nHà Nội, ngày 22 tháng 9 năm 2025\nCÔNG ĐIỆN\nVề việc tập trung "
      "ứng phó bão số 9\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n- Chủ tịch Ủy ban nhân dân các tỉnh, thành "
      "phố từ Quảng\nNinh đến Quảng Ngãi;\n- Các Bộ: Quốc phòng, Công an.\nThực hiện Luật "
      "Phòng, chống thiên tai, Thủ tướng Chính phủ yêu cầu các địa phương sơ tán người dân./.\n");
  ASSERT_EQ(telegram.recipients.size(), 2u);
  EXPECT_EQ(telegram.recipients[0],
            "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Quảng Ninh đến Quảng Ngãi");
  // A short sentence after a last addressee left open is the body's.
  const auto letter = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTỈNH LONG AN\nSở Tài chính\nSố: 12/STC-NS\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA "
      "VIỆT NAM\nLong An, ngày 5 tháng 3 năm 2026\nV/v báo cáo dự toán\nKính gửi: Ủy ban nhân "
      "dân tỉnh\nSở Tài chính báo cáo như sau.\nNăm 2026 thu ngân sách đạt kế hoạch.\n");
  ASSERT_EQ(letter.recipients.size(), 1u);
  EXPECT_EQ(letter.recipients[0], "Ủy ban nhân dân tỉnh");
  const auto party = extract_metadata(
      "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 11-QĐi/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 18 tháng "
      "2 năm 2022\nQUY ĐỊNH\nvề kiểm soát quyền lực\nQuy định này có hiệu lực từ ngày "
      "ký.\nNơi nhận:\nT/M BAN CHẤP HÀNH\n- Các tỉnh ủy, thành ủy;\nTRUNG ƯƠNG\n- Các đồng "
      "chí Ủy viên Ban Chấp hành\nTỔNG BÍ THƯ\nTrung ương Đảng;\nNguyễn Phú Trọng\n- Lưu Văn "
      "phòng Trung ương Đảng.\n");
  ASSERT_EQ(party.recipients.size(), 2u);
  EXPECT_EQ(party.recipients[1], "Các đồng chí Ủy viên Ban Chấp hành Trung ương Đảng");
  EXPECT_EQ(party.signer, "Nguyễn Phú Trọng");
}

// An e-office system stamps the number's digits in the template's blank when it issues the
// document: the text layer holds "Số: 397" and, as a text run of its own after the other
// column's cells, the template's notation "/UBND -TP".
TEST(PdfTextLayers, a_stamped_number_meets_its_notation) {
  const auto letter = extract_metadata(
      "ỦY BAN NHÂN DÂN\nPHƯỜNG 1\n\nSố: 397\n\n/UBND -TP\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
      "NAM\n\nĐộc lập - Tự do - Hạnh phúc\nPhường 1, ngày 13 tháng 03 năm 2025\n\nV/v tăng "
      "cường triển khai thực hiện DVCTT\n\nKính gửi:\n- Thường trực Đảng ủy Phường 1;\n");
  EXPECT_EQ(letter.number, "397/UBND-TP");
  EXPECT_EQ(letter.type, "Công văn");
  EXPECT_EQ(letter.issuer, "Ủy ban nhân dân Phường 1");
  const auto plan = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU\nSố: 447\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
      "NAM\n\n/KH-UBND\n\nĐộc lập - Tự do - Hạnh phúc\nBà Rịa - Vũng Tàu, ngày 24 tháng 03 năm "
      "2025\n\nKẾ HOẠCH\nTriển khai công tác năm 2025\n");
  EXPECT_EQ(plan.number, "447/KH-UBND");
  EXPECT_EQ(plan.issuer, "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu");
  // A province named with a dash between its parts is the place whole.
  EXPECT_EQ(plan.place, "Bà Rịa - Vũng Tàu");
  // A line under the number that is no notation stays where it is.
  const auto other = extract_metadata(
      "ỦY BAN NHÂN DÂN\nPHƯỜNG 1\nSố: 447\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n/ 5 trang\n"
      "Phường 1, ngày 24 tháng 03 năm 2025\n\nKẾ HOẠCH\nTriển khai công tác năm 2025\n");
  EXPECT_NE(other.number, "447/5");
}

// The parts of a place named with a hyphen are each capitalised ("BÀ RỊA-VŨNG TÀU").
TEST(PdfTextLayers, a_place_named_with_a_hyphen_keeps_both_capitals) {
  EXPECT_EQ(extract_metadata("ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA-VŨNG TÀU\nSố: 05/2018/QĐ-UBND\t"
                             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBà Rịa-Vũng Tàu, ngày 5 tháng 3 "
                             "năm 2018\n\nQUYẾT ĐỊNH\nBan hành quy định về giá\n")
                .issuer,
            "Ủy ban nhân dân tỉnh Bà Rịa-Vũng Tàu");
}

// A decision on a procurement names its package and project under the subject, one labelled
// line each: they are the title's.
TEST(PdfTextLayers, a_procurement_decision_title_names_its_package_and_project) {
  EXPECT_EQ(title_of("Về việc phê duyệt kết quả lựa chọn nhà thầu\nGói thầu: Kiểm kê đất đai năm "
                     "2024\nDự án: Kiểm kê đất đai năm 2024 trên địa bàn Phường 1"),
            "Về việc phê duyệt kết quả lựa chọn nhà thầu Gói thầu: Kiểm kê đất đai năm 2024 Dự án: "
            "Kiểm kê đất đai năm 2024 trên địa bàn Phường 1");
}

// An OCR layer misreads the diacritics of the number's label ("Só:"): with its colon and a
// symbol after it at the line's start, it is the label still; a word that is none stays out.
TEST(PdfTextLayers, an_ocr_misread_number_label_is_the_label) {
  const std::string header =
      "ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU\n%s\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - "
      "Tự do - Hạnh phúc\nBà Rịa-Vũng Tàu, ngày 4 tháng 6 năm 2015\nQUYẾT ĐỊNH\nVề danh sách kê "
      "khai giá\n";
  const auto with = [&](const std::string& line) {
    std::string text = header;
    text.replace(text.find("%s"), 2, line);
    return extract_metadata(text).number;
  };
  EXPECT_EQ(with("Só:412/QĐ-UBND"), "412/QĐ-UBND");
  EXPECT_EQ(with("Sô: 412/QĐ-UBND"), "412/QĐ-UBND");
  EXPECT_EQ(with("Sau: 412/QĐ-UBND"), std::nullopt);
}

}  // namespace
}  // namespace vanban::analyzers
