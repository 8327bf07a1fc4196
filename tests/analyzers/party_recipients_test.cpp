// The "Nơi nhận" list of a Party document (issue 11, Party committees' PDF text layers): the
// Party's rules for its documents (Hướng dẫn 36-HD/VPTW) end every item but the last with ","
// where ND30 has ";". The list is read by that grammar, not by its line breaks: an item wrapped
// onto a line of its own ends there ("... Trung ương" / "Đảng,"), the signature column read row
// by row between the items is skipped, a page break and its number inside the list are not an
// item, and two items run together on one line ("Ban, - Các vụ,") are two.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "layout_renderer.hpp"

namespace vanban::analyzers {
namespace {

const std::vector<std::string> kRecipients = {
    "Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương",
    "Các ban, cơ quan, đơn vị của Đảng ở Trung ương",
    "Các đồng chí Ủy viên Ban Chấp hành Trung ương Đảng",
};

std::string party_document(const std::string& closing) {
  return "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 294-QĐ/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
         "Hà Nội, ngày 26 tháng 5 năm 2025\n\nQUY ĐỊNH\nThi hành Điều lệ Đảng\n\n"
         "Căn cứ Điều lệ Đảng;\nQuy định này có hiệu lực thi hành từ ngày 01/7/2025.\n\n" +
         closing;
}

const std::string kPartyAsWritten =
    "Nơi nhận:\n- Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương,\n"
    "- Các ban, cơ quan, đơn vị của Đảng ở Trung ương,\n"
    "- Các đồng chí Ủy viên Ban Chấp hành Trung ương Đảng,\n- Lưu Văn phòng Trung ương Đảng.\n\n"
    "T/M BAN CHẤP HÀNH TRUNG ƯƠNG\nTỔNG BÍ THƯ\n\nTô Lâm\n";

// The same closing as PDF text layers give it: items wrapped at the cell's width, the
// signature column between the items, a page break with its page number inside the list,
// two items on one line.
std::vector<std::string> pdf_closings() {
  return {
      "Nơi nhận:\n- Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung\nương,\n"
      "- Các ban, cơ quan, đơn vị của Đảng ở Trung ương,\n"
      "- Các đồng chí Ủy viên Ban Chấp hành Trung ương\nĐảng,\n- Lưu Văn phòng Trung ương "
      "Đảng.\n\nT/M BAN CHẤP HÀNH TRUNG ƯƠNG\nTỔNG BÍ THƯ\n\nTô Lâm\n",
      "Nơi nhận:\n\nT/M BAN CHẤP HÀNH TRUNG ƯƠNG\n\n- Các tỉnh ủy, thành ủy, đảng ủy trực thuộc "
      "Trung ương,\n\nTỔNG\n\nBÍ THƯ\n- Các ban, cơ quan, đơn vị của Đảng ở Trung ương,\n"
      "- Các đồng chí Ủy viên Ban Chấp hành Trung ương Đảng, - Lưu Văn phòng Trung ương Đảng."
      "\n\nTô Lâm\n",
      "Nơi nhận:\n\n\f33\n- Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương,\n"
      "- Các ban, cơ quan, đơn vị của Đảng ở Trung ương,\n"
      "- Các đồng chí Ủy viên Ban Chấp hành Trung ương Đảng,\n- Lưu Văn phòng Trung ương "
      "Đảng.\n\nT/M BAN CHẤP HÀNH TRUNG ƯƠNG\nTỔNG BÍ THƯ\n\nTô Lâm\n",
  };
}

TEST(PartyRecipients, items_ended_by_commas_are_read_whatever_the_breaks) {
  EXPECT_EQ(extract_metadata(party_document(kPartyAsWritten)).recipients, kRecipients);
  for (const std::string& closing : pdf_closings()) {
    const std::string text = party_document(closing);
    EXPECT_EQ(extract_metadata(text).recipients, kRecipients) << text;
  }
}

TEST(PartyRecipients, a_comma_inside_an_nd30_item_does_not_end_it) {
  // An ND30 list ends its items with ";": a line ending with "," there is an item's middle.
  const std::string text = party_document(
      "Nơi nhận:\n- Thường trực HĐND, UBND xã;\n- Ủy ban Kiểm tra Đảng ủy, Ban xây dựng Đảng,\n"
      "VP Đảng ủy;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Lương\n");
  const std::vector<std::string> want = {"Thường trực HĐND, UBND xã",
                                         "Ủy ban Kiểm tra Đảng ủy, Ban xây dựng Đảng, VP Đảng ủy"};
  EXPECT_EQ(extract_metadata(text).recipients, want) << text;
}

TEST(PartyRecipients, every_layout_family_gives_the_same_recipients) {
  for (const std::string& closing : pdf_closings()) {
    const testing::DocumentParts parts = testing::read_parts(party_document(closing), "Tô Lâm");
    for (const testing::Layout layout : testing::kTextLayouts) {
      const std::string text = testing::render(parts, layout);
      EXPECT_EQ(extract_metadata(text).recipients, kRecipients)
          << testing::layout_name(layout) << "\n"
          << text;
    }
  }
}

}  // namespace
}  // namespace vanban::analyzers
