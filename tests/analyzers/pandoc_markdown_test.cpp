// Pandoc's Markdown of a Word file (issue 11, documents kept as Markdown by data projects): the
// two-column tables of ô 1-4 and of the signature beside "Nơi nhận" come as a multiline table
// (dash groups above and below, rows apart by a blank line) or a grid table ("+---+" borders,
// "|" between the cells of each text line), a backslash ends a cell's line inside it, and
// Markdown's marks in running text are escaped ("1\.", "\-"). The tables are read a cell after
// the other and the escapes dropped: the fields are those of the Word file's own text.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kPandocHeader =
    "  ----------------------- -----------------------------------------------\n"
    "    **ỦY BAN THƯỜNG VỤ\\        **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\\n"
    "         QUỐC HỘI\\                 Độc lập - Tự do - Hạnh phúc\\\n"
    "     \\-\\-\\-\\-\\-\\-\\--**            \\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\--**\n"
    "\n"
    "   Số: 1657/NQ-UBTVQH15         *Hà Nội, ngày 16 tháng 6 năm 2025*\n"
    "  ----------------------- -----------------------------------------------\n\n"
    "**NGHỊ QUYẾT**\n\nVỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ CỦA TỈNH CAO BẰNG NĂM 2025\n\n"
    "**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\n"
    "*Căn cứ* *Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*\n\n"
    "**QUYẾT NGHỊ:**\n\n1\\. Sắp xếp toàn bộ diện tích tự nhiên của xã Thạch Lâm.\n\n"
    "*Nghị quyết này được Ủy ban Thường vụ Quốc hội thông qua ngày 16 tháng 6 năm 2025.*\n\n";

// The signature and "Nơi nhận" side by side in one grid row, as pandoc writes them.
const std::string kGridClosing =
    "+------------------------------+:-------------------------------------:+\n"
    "| *** ***                      | **TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\\      |\n"
    "|                              | CHỦ TỊCH\\                             |\n"
    "| ***Nơi nhận:\\***             | \\                                     |\n"
    "| - Chính phủ;\\                | \\                                     |\n"
    "| - Ban Tổ chức Trung ương;\\   | \\                                     |\n"
    "| - Tỉnh ủy, HĐND, UBND, Đoàn  | \\                                     |\n"
    "| ĐBQH,\\                       | Trần Thanh Mẫn**                      |\n"
    "| Ủy ban MTTQVN tỉnh Cao       |                                       |\n"
    "| Bằng;\\                       |                                       |\n"
    "| - Lưu: HC, PLTP.             |                                       |\n"
    "+------------------------------+---------------------------------------+\n";

// The same side by side in a multiline table.
const std::string kMultilineClosing =
    "  ----------------------------------- -----------------------------------\n"
    "  ***Nơi nhận:\\***                     **TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\\**\n"
    "  - Chính phủ;\\                                   CHỦ TỊCH\\\n"
    "  - Ban Tổ chức Trung ương;\\                          **\\\n"
    "  - Tỉnh ủy, HĐND, UBND, Đoàn                         \\\n"
    "  ĐBQH,\\                                              \\\n"
    "  Ủy ban MTTQVN tỉnh Cao Bằng;\\                   \\\n"
    "  - Lưu: HC, PLTP.                              Trần Thanh Mẫn**\n"
    "\n"
    "  ----------------------------------- -----------------------------------\n";

TEST(PandocMarkdown, tables_read_a_cell_after_the_other_and_escapes_dropped) {
  const std::vector<std::string> recipients = {
      "Chính phủ", "Ban Tổ chức Trung ương",
      "Tỉnh ủy, HĐND, UBND, Đoàn ĐBQH, Ủy ban MTTQVN tỉnh Cao Bằng"};
  for (const std::string& closing : {kGridClosing, kMultilineClosing}) {
    const std::string text = kPandocHeader + closing;
    const DocumentMetadata metadata = extract_metadata(text);
    EXPECT_EQ(metadata.issuer, "Ủy ban Thường vụ Quốc hội") << text;
    EXPECT_EQ(metadata.number, "1657/NQ-UBTVQH15") << text;
    EXPECT_EQ(metadata.place, "Hà Nội") << text;
    EXPECT_EQ(metadata.date, "2025-06-16") << text;
    EXPECT_EQ(metadata.type, "Nghị quyết") << text;
    EXPECT_EQ(metadata.signer, "Trần Thanh Mẫn") << text;
    EXPECT_EQ(metadata.signer_title, "Chủ tịch") << text;
    EXPECT_EQ(metadata.signing_authority, "TM. Ủy ban Thường vụ Quốc hội") << text;
    EXPECT_EQ(metadata.recipients, recipients) << text;
  }
}

TEST(PandocMarkdown, a_dash_line_without_its_closing_line_is_no_table) {
  // One dash line of two groups and no second one: text, read as it is.
  const std::string text =
      "  ----------- -----------\nỦY BAN NHÂN DÂN\nTỈNH HẬU GIANG\nSố: 12/KH-UBND\n\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hậu Giang, ngày 12 tháng 3 năm 2018\n\nKẾ HOẠCH\nTổ chức hội chợ\n\nCăn cứ Luật A;\n";
  const DocumentMetadata metadata = extract_metadata(text);
  EXPECT_EQ(metadata.number, "12/KH-UBND");
  EXPECT_EQ(metadata.issuer, "Ủy ban nhân dân tỉnh Hậu Giang");
}

}  // namespace
}  // namespace vanban::analyzers
