// Lists whose start value is hostile: a 1.5 KB DOCX numbering its items in letters from
// 2,000,000,000 made each label a letter repeated 77 million times (its lvlText citing the level
// ten times: 770 MB a paragraph, over 1 GB and minutes for three), and a start of 2^31-1
// overflowed on the next item. Letters stop at Word's own last lettered item (780, "z" thirty
// times), digits after; the count holds at the largest integer. The same in ODT (text:start-value).
#include <string>

#include <gtest/gtest.h>

#include "vanban/indexer/reader.hpp"

#include "stored_zip.hpp"

namespace vanban::indexer {
namespace {

constexpr std::string_view kListWordNamespace =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::string docx_list_from(const std::string& start, const std::string& format,
                           const std::string& level_text, int paragraphs) {
  const std::string numbering =
      "<w:numbering " + std::string(kListWordNamespace) +
      R"(><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val=")" + start +
      R"("/><w:numFmt w:val=")" + format + R"("/><w:lvlText w:val=")" + level_text +
      R"("/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)"
      "</w:numbering>";
  std::string body;
  for (int i = 0; i < paragraphs; ++i)
    body += R"(<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>)"
            R"(<w:r><w:t>Điều khoản</w:t></w:r></w:p>)";
  const std::string document = "<w:document " + std::string(kListWordNamespace) + "><w:body>" +
                               body + "</w:body></w:document>";
  return testing::stored_zip({{"word/document.xml", document}, {"word/numbering.xml", numbering}});
}

std::string numbered_text(const std::string& name, const std::string& bytes) {
  auto read = read_document(name, bytes);
  EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.error().message);
  return read.ok() ? read->text : "";
}

std::string repeated_piece(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i)
    out += piece;
  return out;
}

TEST(ListNumbers, a_docx_lettered_from_two_billion_gives_digits_not_megabytes_of_letters) {
  const std::string text = numbered_text(
      "a.docx", docx_list_from("2000000000", "lowerLetter", repeated_piece("%1", 10), 3));
  EXPECT_EQ(text, repeated_piece("2000000000", 10) + " Điều khoản\n" +
                      repeated_piece("2000000001", 10) + " Điều khoản\n" +
                      repeated_piece("2000000002", 10) + " Điều khoản");
}

TEST(ListNumbers, a_docx_list_from_the_largest_integer_does_not_overflow) {
  EXPECT_EQ(numbered_text("a.docx", docx_list_from("2147483647", "decimal", "%1.", 3)),
            "2147483647. Điều khoản\n2147483647. Điều khoản\n2147483647. Điều khoản");
  EXPECT_EQ(numbered_text("b.docx", docx_list_from("2147483647", "upperLetter", "%1)", 2)),
            "2147483647) Điều khoản\n2147483647) Điều khoản");
}

// Controls: the letters Word gives up to its last lettered item.
TEST(ListNumbers, letters_run_to_z_thirty_times_then_digits) {
  EXPECT_EQ(numbered_text("a.docx", docx_list_from("26", "lowerLetter", "%1)", 2)),
            "z) Điều khoản\naa) Điều khoản");
  EXPECT_EQ(numbered_text("b.docx", docx_list_from("779", "upperLetter", "%1.", 3)),
            repeated_piece("Y", 30) + ". Điều khoản\n" + repeated_piece("Z", 30) +
                ". Điều khoản\n781. Điều khoản");
}

std::string odt_list_from(const std::string& start, const std::string& format, int items) {
  std::string list;
  for (int i = 0; i < items; ++i)
    list += "<text:list-item><text:p>Điều khoản</text:p></text:list-item>";
  const std::string content =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0")"
      R"( xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0")"
      R"( xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">)"
      R"(<office:automatic-styles><text:list-style style:name="L1">)"
      R"(<text:list-level-style-number text:level="1" style:num-suffix=")"
      ")" +
      std::string(R"(" style:num-format=")") + format + R"(" text:start-value=")" + start +
      R"("/></text:list-style></office:automatic-styles><office:body><office:text>)"
      R"(<text:list text:style-name="L1">)" +
      list + "</text:list></office:text></office:body></office:document-content>";
  return testing::stored_zip({{"content.xml", content}});
}

TEST(ListNumbers, an_odt_list_lettered_from_two_billion_or_past_the_largest_integer_holds) {
  EXPECT_EQ(numbered_text("a.odt", odt_list_from("2000000000", "a", 2)),
            "2000000000) Điều khoản\n2000000001) Điều khoản");
  EXPECT_EQ(numbered_text("b.odt", odt_list_from("99999999999", "1", 2)),
            "2147483647) Điều khoản\n2147483647) Điều khoản");
  EXPECT_EQ(numbered_text("c.odt", odt_list_from("26", "a", 2)), "z) Điều khoản\naa) Điều khoản");
}

}  // namespace
}  // namespace vanban::indexer
