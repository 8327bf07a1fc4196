// ODT's declarations (styles.xml, and content.xml's before the body) read one declaration at a
// time, at most 20,000 of them a part: a part of millions of styles took 1 GB as one tree. A
// table of the body read row by row: one of 800,000 rows took 490 MB expanded whole.
#include <string>

#include <gtest/gtest.h>

#include "vanban/indexer/reader.hpp"

#include "legacy_encoder.hpp"
#include "libxml2_memory.hpp"
#include "stored_zip.hpp"

namespace vanban::indexer {
namespace {

constexpr const char* kNamespaces =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"";

// The font face and the paragraph style in .VnTime, then `filler` styles of no font.
std::string declarations(int filler, std::string_view prefix) {
  std::string out =
      "<office:font-face-decls><style:font-face style:name=\"VnT\" "
      "svg:font-family=\"'.VnTime'\"/></office:font-face-decls><office:" +
      std::string(prefix == "a" ? "automatic-styles" : "styles") +
      "><style:style style:name=\"Legacy\" style:family=\"paragraph\"><style:text-properties "
      "style:font-name=\"VnT\"/></style:style>";
  for (int i = 0; i < filler; ++i)
    out += "<style:style style:name=\"" + std::string(prefix) + std::to_string(i) +
           "\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\" "
           "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"/>"
           "</style:style>";
  out += "</office:" + std::string(prefix == "a" ? "automatic-styles" : "styles") + ">";
  return out;
}

// A decision whose first paragraph is typed in .VnTime through the style "Legacy", declared in
// styles.xml (`in_styles`) or in content.xml, with `filler` more styles after it.
std::string odt(int filler, bool in_styles) {
  const std::string body =
      "<office:body><office:text><text:p text:style-name=\"Legacy\">" +
      testing::as_windows_1252_text(testing::encode_tcvn3("Quyết định")) +
      "</text:p><text:p>Điều 1. Ban hành kèm theo Quyết định này.</text:p></office:text>"
      "</office:body>";
  const std::string content = std::string("<?xml version=\"1.0\"?><office:document-content ") +
                              kNamespaces + ">" + (in_styles ? "" : declarations(filler, "a")) +
                              body + "</office:document-content>";
  const std::string styles = std::string("<?xml version=\"1.0\"?><office:document-styles ") +
                             kNamespaces + ">" + (in_styles ? declarations(filler, "s") : "") +
                             "</office:document-styles>";
  return testing::stored_zip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                              {"content.xml", content},
                              {"styles.xml", styles}});
}

bool warned(const ReadDocument& document, std::string_view part) {
  for (const std::string& warning : document.warnings)
    if (warning.find(std::string(part) + " holds more than 20000 declarations") !=
        std::string::npos)
      return true;
  return false;
}

TEST(OdtDeclarations, a_part_of_many_styles_is_read_one_style_at_a_time_to_the_bound) {
  for (const bool in_styles : {true, false}) {
    const char* part = in_styles ? "styles.xml" : "content.xml";
    const std::string file = odt(60000, in_styles);  // about 9 MB of styles
    Result<ReadDocument> read = Error{};
    const long peak = testing::libxml2_peak_bytes([&] { read = read_document("qd.odt", file); });
    ASSERT_TRUE(read.ok()) << read.error().message;
    // The style declared before the bound still gives the paragraph its font.
    EXPECT_NE(read->text.find("Quyết định\nĐiều 1. Ban hành"), std::string::npos) << read->text;
    EXPECT_TRUE(warned(*read, part)) << part;
    // As a tree the part took about 60 MB of libxml2's memory; one style at a time, the parser's
    // window.
    EXPECT_LT(peak, 4L << 20) << part << ": libxml2 peaked at " << peak << " bytes";
  }
}

TEST(OdtDeclarations, a_part_within_the_bound_reads_as_before_without_a_warning) {
  for (const bool in_styles : {true, false}) {
    const auto read = read_document("qd.odt", odt(500, in_styles));
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_NE(read->text.find("Quyết định\nĐiều 1. Ban hành"), std::string::npos) << read->text;
    EXPECT_FALSE(warned(*read, in_styles ? "styles.xml" : "content.xml"));
  }
}

std::string odt_body(const std::string& text) {
  const std::string content =
      std::string("<?xml version=\"1.0\"?><office:document-content ") + kNamespaces +
      " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"><office:body>"
      "<office:text>" +
      text + "</office:text></office:body></office:document-content>";
  return testing::stored_zip(
      {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}});
}

std::string row(const std::string& first, const std::string& second) {
  return "<table:table-row><table:table-cell><text:p>" + first +
         "</text:p></table:table-cell><table:table-cell><text:p>" + second +
         "</text:p></table:table-cell></table:table-row>";
}

TEST(OdtDeclarations, a_table_of_the_body_is_read_row_by_row) {
  // Header rows, a group of rows, a nested table in a cell, a covered cell, columns: the text
  // the whole-table walk gives.
  const std::string table =
      "<text:p>Trước bảng</text:p><table:table><table:table-column/>"
      "<table:table-header-rows>" +
      row("STT", "Nội dung") + "</table:table-header-rows>" + row("1", "Một") +
      "<table:table-rows>" + row("2", "Hai") +
      "</table:table-rows><table:table-row><table:table-cell><table:table><table:table-row>"
      "<table:table-cell><text:p>a</text:p></table:table-cell><table:table-cell><text:p>b"
      "</text:p></table:table-cell></table:table-row></table:table></table:table-cell>"
      "<table:covered-table-cell/><table:table-cell><text:p>3</text:p><text:p>Ba</text:p>"
      "</table:table-cell></table:table-row></table:table><text:p>Sau bảng</text:p>";
  const auto read = read_document("bang.odt", odt_body(table));
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->text, "Trước bảng\nSTT\tNội dung\n1\tMột\n2\tHai\na\tb\n3\nBa\nSau bảng");

  std::string rows;
  for (int i = 0; i < 100000; ++i)
    rows += row(std::to_string(i), "Điều " + std::to_string(i));
  const std::string big = odt_body("<table:table>" + rows + "</table:table><text:p>Hết</text:p>");
  Result<ReadDocument> big_read = Error{};
  const long peak = testing::libxml2_peak_bytes([&] { big_read = read_document("bang.odt", big); });
  ASSERT_TRUE(big_read.ok()) << big_read.error().message;
  EXPECT_NE(big_read->text.find("\n99999\tĐiều 99999\nHết"), std::string::npos);
  // Expanded whole, the table's 15 MB took about 80 MB of libxml2's memory.
  EXPECT_LT(peak, 4L << 20) << "libxml2 peaked at " << peak << " bytes";
}

}  // namespace
}  // namespace vanban::indexer
