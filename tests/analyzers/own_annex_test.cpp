// Session 22 (unseen17 studied, branch s22-stamps): rules on made-up text. A text's own annex
// names the text itself; a receiving office's arrival stamp is no part of a scan's header.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

bool cites_number(const DocumentMetadata& metadata, std::string_view number) {
  return std::any_of(metadata.citations.begin(), metadata.citations.end(),
                     [&](const Citation& citation) { return citation.number == number; });
}

std::string letter_with_annex(std::string_view number_line, std::string_view date_line,
                              std::string_view annex_heading) {
  return "SỞ XÂY DỰNG\n" + std::string(number_line) +
         "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" +
         std::string(date_line) +
         "\nV/v rà soát nhà ở xuống cấp\n"
         "Kính gửi: Ủy ban nhân dân các huyện, thị xã\n"
         "Thực hiện Công văn số 88/UBND-KT ngày 2 tháng 4 năm 2021 của Ủy ban nhân dân tỉnh, "
         "Sở Xây dựng đề nghị các địa phương rà soát các nhà ở trong danh sách kèm theo.\n"
         "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
         "GIÁM ĐỐC\n"
         "Nguyễn Văn An\n"
         "DANH SÁCH NHÀ Ở CẦN RÀ SOÁT\n" +
         std::string(annex_heading) + "\nTT Địa chỉ\n1 Số 5 đường Trần Phú\n";
}

// ND30 Phụ lục III: an annex after the signature is headed "(Kèm theo <type> số <number> ngày
// ... của ...)", naming the text it belongs to. When a scan left the header's number or date
// unread, the heading's number is still the document's own, not a text it cites.
TEST(OwnAnnex, the_annex_heading_after_the_signature_names_the_document_itself) {
  const std::string annex =
      "(Kèm theo Công văn số 125/SXD-QLN ngày 03 tháng 5 năm 2021 của Sở Xây dựng)";
  // The number's digits unread, the date read.
  const auto unread_number = extract_metadata(
      letter_with_annex("Số: ‡ /SXD-QLN", "Quảng Trị, ngày 03 tháng 5 năm 2021", annex));
  EXPECT_FALSE(cites_number(unread_number, "125/SXD-QLN"));
  EXPECT_TRUE(cites_number(unread_number, "88/UBND-KT"));
  // A regulation a decision issues: "Ban hành kèm theo Quyết định số ...".
  const auto decision = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: ‡/2021/QĐ-UBND\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Quảng Trị, ngày „ tháng 5 năm 2021\n"
      "QUYẾT ĐỊNH\nBan hành Quy chế quản lý nhà ở\n"
      "Căn cứ Luật Nhà ở ngày 25 tháng 11 năm 2014;\nQUYẾT ĐỊNH:\n"
      "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý nhà ở.\n"
      "Nơi nhận:\n- Như Điều 1;\n- Lưu: VT.\n"
      "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Bình\n"
      "QUY CHẾ\nQuản lý nhà ở\n"
      "(Ban hành kèm theo Quyết định số 17/2021/QĐ-UBND ngày 10 tháng 5 năm 2021\n"
      "của Ủy ban nhân dân tỉnh Quảng Trị)\n"
      "Điều 1. Phạm vi điều chỉnh\n");
  EXPECT_FALSE(cites_number(decision, "17/2021/QĐ-UBND"));
}

// What stays a citation: the same words in the body before the signature (a text sent with
// the letter), an annex heading naming another number than the header's, or another type.
TEST(OwnAnnex, an_annex_heading_naming_another_text_stays_a_citation) {
  const auto other_number = extract_metadata(
      letter_with_annex("Số: 126/SXD-QLN", "Quảng Trị, ngày 03 tháng 5 năm 2021",
                        "(Kèm theo Công văn số 125/SXD-QLN ngày 03 tháng 5 năm 2021 của Sở "
                        "Xây dựng)"));
  EXPECT_TRUE(cites_number(other_number, "125/SXD-QLN"));
  const auto other_type = extract_metadata(
      letter_with_annex("Số: ‡ /SXD-QLN", "Quảng Trị, ngày 03 tháng 5 năm 2021",
                        "(Kèm theo Quyết định số 45/QĐ-UBND ngày 03 tháng 5 năm 2021 của Ủy "
                        "ban nhân dân tỉnh)"));
  EXPECT_TRUE(cites_number(other_type, "45/QĐ-UBND"));
  const auto in_body = extract_metadata(
      "SỞ XÂY DỰNG\nSố: ‡ /SXD-QLN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nQuảng Trị, ngày 03 tháng 5 năm 2021\n"
      "V/v rà soát nhà ở xuống cấp\nKính gửi: Ủy ban nhân dân các huyện\n"
      "Sở Xây dựng gửi các địa phương danh sách nhà ở cần rà soát.\n"
      "(Kèm theo Công văn số 125/SXD-QLN ngày 03 tháng 4 năm 2021 của Sở Xây dựng)\n"
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nNguyễn Văn An\n");
  EXPECT_TRUE(cites_number(in_body, "125/SXD-QLN"));
}

}  // namespace
}  // namespace vanban::analyzers
