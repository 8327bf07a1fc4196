// Spreadsheet annexes read as plain text: .xlsx directly (sheets in order, each led by its name,
// a row's cells on one line separated by tabs), .xls through LibreOffice Calc.
#include <gtest/gtest.h>

#include "vanban/indexer/reader.hpp"

#include "indexer_fixtures.hpp"
#include "stored_zip.hpp"

namespace vanban::indexer {
namespace {

using testing::fixture;
using testing::line_index;

constexpr std::string_view kRow1 = "1\tỦy ban nhân dân xã Hòa Bình\t125\tĐúng hạn";
constexpr std::string_view kRow2 = "2\tỦy ban nhân dân phường Thạch Thang\t98\tTrễ hạn 3 hồ sơ";

std::string workbook(const std::string& sheets) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)" +
         sheets + "</sheets></workbook>";
}

std::string relations(const std::string& items) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
         items + "</Relationships>";
}

std::string sheet(const std::string& rows) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

TEST(Spreadsheets, xlsx_rows_are_lines_of_tab_separated_cells_under_the_sheet_name) {
  auto read = read_document("phu-luc.xlsx", fixture("phu-luc.xlsx"));
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->format, "xlsx");
  const int header = line_index(read->text, "STT\tĐơn vị\tSố hồ sơ tiếp nhận\tGhi chú");
  ASSERT_GE(header, 1) << read->text;  // after the sheet's name
  EXPECT_EQ(line_index(read->text, kRow1), header + 1) << read->text;
  EXPECT_EQ(line_index(read->text, kRow2), header + 2) << read->text;
}

TEST(Spreadsheets, xls_through_libreoffice_reads_like_the_xlsx) {
  auto xls = read_document("phu-luc.xls", fixture("phu-luc.xls"));
  ASSERT_TRUE(xls.ok()) << xls.error().message;
  EXPECT_EQ(xls->format, "xls");
  auto xlsx = read_document("phu-luc.xlsx", fixture("phu-luc.xlsx"));
  ASSERT_TRUE(xlsx.ok());
  EXPECT_EQ(xls->text, xlsx->text);
}

TEST(Spreadsheets, shared_inline_and_rich_strings_numbers_and_sheets_in_workbook_order) {
  const std::string shared = R"(<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<si><t>Đơn vị</t></si>
<si><r><t>Ủy ban </t></r><r><rPr><b/></rPr><t>nhân dân</t></r><rPh><t>ふりがな</t></rPh></si>
<si><t>dòng một
dòng hai</t></si></sst>)";
  const std::string first = sheet(
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Kinh phí (đồng)</t></is></c></row>)"
      R"(<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>1250000</v></c><c r="C2" t="s"><v>99</v></c></row>)"
      R"(<row r="3"><c r="A3"/><c r="B3" t="s"><v>2</v></c></row>)");
  const std::string second = sheet(R"(<row r="1"><c r="A1" t="str"><v>Tổng cộng</v></c></row>)");
  const std::string bytes = testing::stored_zip(
      {{"xl/workbook.xml", workbook(R"(<sheet name="Tổng hợp" sheetId="2" r:id="rId2"/>)"
                                    R"(<sheet name="Chi tiết" sheetId="1" r:id="rId1"/>)")},
       {"xl/_rels/workbook.xml.rels",
        relations(R"(<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>)"
                  R"(<Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/>)")},
       {"xl/sharedStrings.xml", shared},
       {"xl/worksheets/sheet1.xml", first},
       {"xl/worksheets/sheet2.xml", second}});
  auto read = read_document("kinh-phi.xlsx", bytes);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->text,
            "Tổng hợp\nTổng cộng\n\nChi tiết\nĐơn vị\tKinh phí (đồng)\nỦy ban nhân dân\t1250000\n"
            "dòng một\ndòng hai");
}

TEST(Spreadsheets, a_missing_sheet_is_left_out_with_a_warning_and_no_workbook_is_an_error) {
  const std::string bytes = testing::stored_zip(
      {{"xl/workbook.xml", workbook(R"(<sheet name="A" sheetId="1" r:id="rId1"/>)"
                                    R"(<sheet name="B" sheetId="2" r:id="rId2"/>)")},
       {"xl/_rels/workbook.xml.rels",
        relations(R"(<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>)"
                  R"(<Relationship Id="rId2" Target="worksheets/gone.xml"/>)")},
       {"xl/worksheets/sheet1.xml",
        sheet(R"(<row><c t="inlineStr"><is><t>Còn lại</t></is></c></row>)")}});
  auto read = read_document("thieu.xlsx", bytes);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->text, "A\nCòn lại");
  ASSERT_EQ(read->warnings.size(), 1u);
  EXPECT_NE(read->warnings[0].find("gone.xml"), std::string::npos);

  auto broken = read_document("hong.xlsx", testing::stored_zip({{"xl/other.xml", "<a/>"}}));
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().kind, ErrorKind::invalid_argument);
}

// A spreadsheet's parts are read element by element, never whole as one tree (a 3 MB XLSX of a
// million numbers took 1.5 GB that way): a sheet stops being read at the text limit, so a
// sheet damaged past it loses nothing that would be kept, and the shared strings are kept up to
// the text limit (a part of millions of strings takes no memory beyond it), said in a warning.
TEST(Spreadsheets, parts_are_read_as_far_as_the_text_limit_and_no_further) {
  std::string strings =
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
  for (int i = 0; i < 1000; ++i)
    strings += "<si><t>chuỗi " + std::to_string(i) + "</t></si>";
  strings += "</sst>";
  std::string rows;
  for (int i = 1; i <= 200; ++i) {
    rows += "<row r=\"" + std::to_string(i) + "\"><c t=\"s\"><v>" + std::to_string(i % 3) +
            "</v></c><c t=\"s\"><v>990</v></c><c><v>" + std::to_string(i) + "</v></c></row>";
  }
  // Damage past the limit: a row that never ends.
  const std::string damaged = sheet(rows + "<row><c><v>1</v></c>");
  const std::string bytes =
      testing::stored_zip({{"xl/workbook.xml", workbook(R"(<sheet name="Dữ liệu" sheetId="1"/>)")},
                           {"xl/sharedStrings.xml", strings},
                           {"xl/worksheets/sheet1.xml", damaged}});
  ReadOptions options;
  options.max_text_bytes = 1000;
  auto read = read_document("lon.xlsx", bytes, options);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(line_index(read->text, "chuỗi 1\t1"), 1) << read->text;
  EXPECT_EQ(line_index(read->text, "chuỗi 2\t2"), 2) << read->text;
  // String 990 lies past the limit: not kept, its cells read as empty.
  EXPECT_EQ(read->text.find("chuỗi 990"), std::string::npos);
  ASSERT_FALSE(read->warnings.empty());
  EXPECT_NE(read->warnings[0].find("shared strings past the text limit"), std::string::npos);
  for (const std::string& warning : read->warnings)  // the damage lies past what was read
    EXPECT_EQ(warning.find("not well-formed"), std::string::npos) << warning;

  // The same damage within the limit: the sheet is read as far as the parser got before it
  // (libxml2 parses a chunk ahead), with a warning; the rows before are kept.
  options.max_text_bytes = 1 << 20;
  auto whole = read_document("lon.xlsx", bytes, options);
  ASSERT_TRUE(whole.ok()) << whole.error().message;
  EXPECT_GE(line_index(whole->text, "chuỗi 2\tchuỗi 990\t101"), 1) << whole->text;
  ASSERT_EQ(whole->warnings.size(), 1u);
  EXPECT_NE(whole->warnings[0].find("not well-formed"), std::string::npos) << whole->warnings[0];
}

// A part read element by element expands no entities either: "billion laughs" in the shared
// strings is refused, not expanded.
TEST(Spreadsheets, a_part_declaring_entities_is_refused_not_expanded) {
  std::string laughs = R"(<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "hahahahaha">)";
  for (char level = 'b'; level <= 'k'; ++level) {
    const std::string previous(1, static_cast<char>(level - 1));
    laughs += std::string("<!ENTITY ") + level + " \"";
    for (int i = 0; i < 10; ++i)
      laughs += "&" + previous + ";";
    laughs += "\">";
  }
  laughs +=
      R"(]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&k;</t></si></sst>)";
  const std::string bytes = testing::stored_zip(
      {{"xl/workbook.xml", workbook(R"(<sheet name="A" sheetId="1"/>)")},
       {"xl/sharedStrings.xml", laughs},
       {"xl/worksheets/sheet1.xml", sheet(R"(<row><c t="s"><v>0</v></c></row>)")}});
  auto read = read_document("cuoi.xlsx", bytes);
  ASSERT_FALSE(read.ok()) << read->text.size();
  EXPECT_EQ(read.error().kind, ErrorKind::invalid_argument);
  // libxml2 stops at the loop of references, else the reader at the document type.
  EXPECT_NE(read.error().message.find("xl/sharedStrings.xml"), std::string::npos)
      << read.error().message;
}

}  // namespace
}  // namespace vanban::indexer
