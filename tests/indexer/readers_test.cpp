// Each format's reader on fixtures made by real tools: the Vietnamese text comes out whole and
// NFC, in reading order, with the header and signature blocks' columns kept together.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "vanban/indexer/reader.hpp"

#include "indexer_fixtures.hpp"

namespace vanban::indexer {
namespace {

using testing::fixture;
using testing::line_containing;
using testing::line_index;

bool is_nfc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) && nfc->isNormalized(icu::UnicodeString::fromUTF8(text), status);
}

ReadDocument read_sample(std::string_view name) {
  auto read = read_document(testing::fixture_path(name), fixture(name));
  EXPECT_TRUE(read.ok()) << name << ": " << (read.ok() ? "" : read.error().message);
  return read.ok() ? std::move(read).value() : ReadDocument{};
}

// The plan of fixtures/source/ke-hoach.html, whatever format it was saved in: the header's two
// columns each stay together, the body follows in order, each signature-block column stays
// together.
void expect_plan_in_reading_order(const ReadDocument& document) {
  const std::string& text = document.text;
  EXPECT_TRUE(is_nfc(text));
  const int issuer = line_index(text, "ỦY BAN NHÂN DÂN");
  const int commune = line_index(text, "XÃ HÒA BÌNH");
  const int number = line_index(text, "Số: 15/KH-UBND");
  const int motto = line_index(text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  const int motto_2 = line_index(text, "Độc lập - Tự do - Hạnh phúc");
  const int place_date = line_index(text, "Hòa Bình, ngày 12 tháng 3 năm 2026");
  const int type = line_index(text, "KẾ HOẠCH");
  const int title = line_index(text, "Triển khai công tác chuyển đổi số năm 2026");
  const int basis = line_containing(text, "Căn cứ Quyết định số 749/QĐ-TTg");
  const int section_3 = line_index(text, "III. TỔ CHỨC THỰC HIỆN");
  const int recipients = line_index(text, "Nơi nhận:");
  const int last_recipient = line_index(text, "- Lưu: VT.");
  const int authority = line_index(text, "TM. ỦY BAN NHÂN DÂN");
  const int signer = line_index(text, "Nguyễn Văn Hưởng");
  for (const int line : {issuer, commune, number, motto, motto_2, place_date, type, title, basis,
                         section_3, recipients, last_recipient, authority, signer})
    ASSERT_GE(line, 0) << "missing line in:\n" << text;
  EXPECT_EQ(commune, issuer + 1);
  EXPECT_EQ(number, commune + 1);
  EXPECT_EQ(motto_2, motto + 1);
  EXPECT_EQ(place_date, motto_2 + 1);
  EXPECT_LT(place_date, type);
  EXPECT_EQ(title, type + 1);
  EXPECT_LT(title, basis);
  EXPECT_LT(basis, section_3);
  EXPECT_LT(section_3, recipients);
  EXPECT_LT(recipients, last_recipient);
  EXPECT_LT(last_recipient, authority);
  EXPECT_LT(authority, signer);
  EXPECT_NE(text.find("Số hóa hồ sơ hộ tịch"), std::string::npos);
}

TEST(Readers, html_page_reads_as_lines_in_reading_order) {
  const ReadDocument document = read_sample("ke-hoach.html");
  EXPECT_EQ(document.format, "html");
  expect_plan_in_reading_order(document);
  EXPECT_EQ(document.text.find("Kế hoạch 15/KH-UBND"), std::string::npos) << "<title> is furniture";
}

TEST(Readers, html_table_rows_of_single_cells_stay_one_line) {
  const ReadDocument document = read_sample("ke-hoach.html");
  EXPECT_GE(
      line_index(document.text, "2\tSố hóa hồ sơ hộ tịch\tCông chức Tư pháp - Hộ tịch\tQuý III"), 0)
      << document.text;
}

TEST(Readers, html_in_windows_1258_declared_by_meta_reads_like_utf8) {
  const ReadDocument legacy = read_sample("ke-hoach-cp1258.html");
  const ReadDocument unicode = read_sample("ke-hoach.html");
  expect_plan_in_reading_order(legacy);
  EXPECT_EQ(legacy.text, unicode.text);
}

TEST(Readers, html_drops_scripts_styles_and_page_furniture) {
  const std::string page =
      "<html><head><style>p{color:red}</style><script>var x = 'Lưu ý';</script></head><body>"
      "<header>Cổng thông tin điện tử</header><nav><a href='/'>Trang chủ</a></nav>"
      "<h1>Thông báo</h1><p>Tạm dừng tiếp công dân<br>ngày 30 tháng 4.</p>"
      "<footer>Bản quyền</footer></body></html>";
  auto read = read_document("thong-bao.html", page);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->text, "Thông báo\nTạm dừng tiếp công dân\nngày 30 tháng 4.");
}

TEST(Readers, docx_from_libreoffice_keeps_header_and_signature_columns) {
  const ReadDocument document = read_sample("ke-hoach.docx");
  EXPECT_EQ(document.format, "docx");
  expect_plan_in_reading_order(document);
}

TEST(Readers, docx_from_pandoc_has_table_cells_and_footnote_after_body) {
  const ReadDocument document = read_sample("cong-van.docx");
  const std::string& text = document.text;
  EXPECT_TRUE(is_nfc(text));
  EXPECT_GE(line_index(text, "Số: 208/STNMT-VP"), 0) << text;
  EXPECT_GE(line_index(text, "Huyện Gia Bình\t430\t91%"), 0) << text;
  const int body_end = line_containing(text, "báo cáo Ủy ban nhân dân tỉnh./.");
  const int footnote =
      line_index(text, "Chỉ thị về một số giải pháp cấp bách tăng cường quản lý chất thải rắn.");
  ASSERT_GE(body_end, 0);
  EXPECT_GT(footnote, body_end);
  // The footnote marker is not glued into the body text.
  EXPECT_NE(text.find("của Thủ tướng Chính phủ, Sở Tài nguyên"), std::string::npos) << text;
}

TEST(Readers, docx_page_headers_and_footers_stay_out_of_the_body) {
  // The heading block of an official document is in the body (Decree 30/2020); the page header
  // and footer hold a running title and page numbers, which are not the document's text.
  const ReadDocument document = read_sample("ke-hoach-danh-so.docx");
  EXPECT_EQ(line_index(document.text, "ỦY BAN NHÂN DÂN XÃ AN BÌNH"), 0) << document.text;
  EXPECT_GE(line_index(document.text, "Nơi nhận: như trên."), 0) << document.text;
  EXPECT_EQ(document.text.find("Trang"), std::string::npos) << document.text;
  EXPECT_EQ(document.text.find("lưu hành nội bộ"), std::string::npos) << document.text;
}

TEST(Readers, docx_from_libreoffice_numbered_parts_keep_their_labels) {
  const ReadDocument document = read_sample("ke-hoach-danh-so.docx");
  int previous = -1;
  for (const std::string_view line :
       {"KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
        "a) Phát huy quyền làm chủ của Nhân dân.", "b) Tăng cường đồng thuận xã hội.", "2. Yêu cầu",
        "II. NỘI DUNG", "1. Tuyên truyền, vận động."}) {
    const int index = line_index(document.text, line);
    EXPECT_GT(index, previous) << line << " in:\n" << document.text;
    previous = index;
  }
}

TEST(Readers, odt_from_libreoffice_keeps_header_and_signature_columns) {
  const ReadDocument document = read_sample("ke-hoach.odt");
  EXPECT_EQ(document.format, "odt");
  expect_plan_in_reading_order(document);
}

TEST(Readers, odt_has_table_cells_and_footnote_after_body) {
  const ReadDocument document = read_sample("cong-van.odt");
  const std::string& text = document.text;
  EXPECT_EQ(document.format, "odt");
  EXPECT_TRUE(is_nfc(text));
  EXPECT_GE(line_index(text, "Số: 208/STNMT-VP"), 0) << text;
  EXPECT_GE(line_index(text, "Huyện Gia Bình\t430\t91%"), 0) << text;
  const int body_end = line_containing(text, "báo cáo Ủy ban nhân dân tỉnh./.");
  const int footnote =
      line_index(text, "Chỉ thị về một số giải pháp cấp bách tăng cường quản lý chất thải rắn.");
  ASSERT_GE(body_end, 0);
  EXPECT_GT(footnote, body_end) << text;
  // Neither the note's text nor its citation mark is glued into the sentence.
  EXPECT_NE(text.find("của Thủ tướng Chính phủ, Sở Tài nguyên"), std::string::npos) << text;
}

TEST(Readers, odt_numbered_lists_keep_their_labels_and_page_furniture_stays_out) {
  const ReadDocument document = read_sample("ke-hoach-danh-so.odt");
  int previous = -1;
  for (const std::string_view line :
       {"ỦY BAN NHÂN DÂN XÃ AN BÌNH", "KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
        "a) Phát huy quyền làm chủ của Nhân dân.", "b) Tăng cường đồng thuận xã hội.", "2. Yêu cầu",
        "II. NỘI DUNG", "1. Tuyên truyền, vận động.", "Nơi nhận: như trên."}) {
    const int index = line_index(document.text, line);
    EXPECT_GT(index, previous) << line << " in:\n" << document.text;
    previous = index;
  }
  EXPECT_EQ(document.text.find("Trang"), std::string::npos) << document.text;
}

TEST(Readers, odt_headings_numbered_by_the_outline_style_keep_their_labels) {
  const ReadDocument document = read_sample("quyet-dinh-dieu.odt");
  const std::string& text = document.text;
  const int first = line_index(text,
                               "Điều 1. Phê duyệt Kế hoạch công tác dân vận năm 2026 kèm "
                               "theo Quyết định này.");
  const int second = line_index(text, "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.");
  ASSERT_GE(first, 0) << text;
  EXPECT_EQ(second, first + 1) << text;
  EXPECT_EQ(line_index(text, "Nơi nhận: như Điều 2."), second + 1) << "a list header has no number";
}

TEST(Readers, doc_word_97_through_libreoffice_keeps_header_and_signature_columns) {
  const ReadDocument document = read_sample("ke-hoach.doc");
  EXPECT_EQ(document.format, "doc");
  expect_plan_in_reading_order(document);
}

TEST(Readers, rtf_through_libreoffice_has_table_cells_and_footnote_after_body) {
  const ReadDocument document = read_sample("cong-van.rtf");
  const std::string& text = document.text;
  EXPECT_EQ(document.format, "rtf");
  EXPECT_GE(line_index(text, "Huyện Gia Bình\t430\t91%"), 0) << text;
  const int body_end = line_containing(text, "báo cáo Ủy ban nhân dân tỉnh./.");
  const int footnote =
      line_index(text, "Chỉ thị về một số giải pháp cấp bách tăng cường quản lý chất thải rắn.");
  ASSERT_GE(body_end, 0) << text;
  EXPECT_GT(footnote, body_end) << text;
}

TEST(Readers, pdf_from_libreoffice_reads_columns_in_reading_order) {
  const ReadDocument document = read_sample("ke-hoach.pdf");
  EXPECT_EQ(document.format, "pdf");
  expect_plan_in_reading_order(document);
}

TEST(Readers, txt_line_ends_normalised_and_nul_bytes_dropped) {
  const ReadDocument document = read_sample("thong-bao.txt");
  EXPECT_EQ(document.format, "txt");
  EXPECT_EQ(document.text,
            "THÔNG BÁO\nLịch tiếp công dân của Chủ tịch Ủy ban nhân dân xã tháng 4 năm 2026\n"
            "Thứ Năm hằng tuần, tại Trụ sở Ủy ban nhân dân xã.");
}

TEST(Readers, decomposed_text_comes_out_composed) {
  // "Hòa" and "Quyết" typed with combining marks (as macOS and some PDFs give them).
  auto read = read_document("nfd.txt",
                            "Ho\xCC\x80"
                            "a Quy\xC3\xAA\xCC\x81t");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->text, "Hòa Quyết");
}

TEST(Readers, format_is_detected_from_content_before_extension) {
  auto pdf_named_txt = read_document("ke-hoach.txt", fixture("ke-hoach.pdf"));
  ASSERT_TRUE(pdf_named_txt.ok());
  EXPECT_EQ(pdf_named_txt->format, "pdf");
  auto docx_without_extension = read_document("ke-hoach", fixture("ke-hoach.docx"));
  ASSERT_TRUE(docx_without_extension.ok());
  EXPECT_EQ(docx_without_extension->format, "docx");
}

TEST(Readers, unknown_format_is_unsupported) {
  auto read = read_document("bang-tinh.ods", std::string("\x01\x02\x03 binary", 10));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::unsupported);
}

}  // namespace
}  // namespace vanban::indexer
