// ODT's body read as content.xml streams, through its containers: sections, lists and their
// items, tables, row groups, rows and cells are entered and left, never expanded; a paragraph or
// heading is expanded alone. A section (or a list, or a cell) holding a table of 100,000 rows
// was expanded whole as one block of the body (about 80 MB of libxml2's memory; 800,000 rows,
// 490 MB).
#include <string>

#include <gtest/gtest.h>

#include "vanban/indexer/reader.hpp"

#include "libxml2_memory.hpp"
#include "stored_zip.hpp"

namespace vanban::indexer {
namespace {
// Named: the unity build joins test files whose helpers share names.
namespace odt_body_stream {

constexpr const char* kNamespaces =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"";

// An ODT whose body is `body`, with a numbered list style L1 (1. and a)) and the outline style
// ("Chương I", "I.1.").
std::string odt(const std::string& body) {
  const std::string content =
      std::string("<?xml version=\"1.0\"?><office:document-content ") + kNamespaces +
      "><office:automatic-styles><text:list-style style:name=\"L1\">"
      "<text:list-level-style-number text:level=\"1\" style:num-format=\"1\" "
      "style:num-suffix=\".\"/><text:list-level-style-number text:level=\"2\" "
      "style:num-format=\"a\" style:num-suffix=\")\"/></text:list-style>"
      "</office:automatic-styles><office:body><office:text>" +
      body + "</office:text></office:body></office:document-content>";
  const std::string styles =
      std::string("<?xml version=\"1.0\"?><office:document-styles ") + kNamespaces +
      "><office:styles><text:outline-style style:name=\"Outline\"><text:outline-level-style "
      "text:level=\"1\" style:num-format=\"I\" style:num-prefix=\"Chương \"/>"
      "<text:outline-level-style text:level=\"2\" style:num-format=\"1\" style:num-suffix=\".\" "
      "text:display-levels=\"2\"/></text:outline-style></office:styles></office:document-styles>";
  return testing::stored_zip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                              {"content.xml", content},
                              {"styles.xml", styles}});
}

std::string rows(int count) {
  std::string out;
  for (int i = 0; i < count; ++i)
    out += "<table:table-row><table:table-cell><text:p>" + std::to_string(i) +
           "</text:p></table:table-cell><table:table-cell><text:p>Điều " + std::to_string(i) +
           "</text:p></table:table-cell></table:table-row>";
  return out;
}

// Sections, a table in a section with header rows, a row group, a list in a cell, a nested
// table, a covered cell; a table in a list item, a list header, a start value, numbering
// continued; tracked changes, an index, a text box in a frame, a cell out of any row, headings
// numbered by the outline, a note.
TEST(OdtBody, containers_are_read_as_the_whole_tree_walk_reads_them) {
  const std::string body =
      "<text:h text:outline-level=\"1\">Chương đầu</text:h><text:p>Mở đầu</text:p>"
      "<text:section text:name=\"S1\"><text:p>Trong mục</text:p><table:table>"
      "<table:table-header-rows><table:table-row><table:table-cell><text:p>STT</text:p>"
      "</table:table-cell><table:table-cell><text:p>Nội dung</text:p>"
      "</table:table-cell></table:table-row></table:table-header-rows><table:table-row>"
      "<table:table-cell><text:p>1</text:p></table:table-cell><table:table-cell>"
      "<text:list text:style-name=\"L1\"><text:list-item><text:p>Mục a</text:p>"
      "</text:list-item><text:list-item><text:p>Mục b</text:p><text:list>"
      "<text:list-item><text:p>Mục b1</text:p></text:list-item></text:list>"
      "</text:list-item></text:list></table:table-cell></table:table-row>"
      "<table:table-rows><table:table-row><table:table-cell><table:table>"
      "<table:table-row><table:table-cell><text:p>x</text:p></table:table-cell>"
      "<table:table-cell><text:p>y</text:p><text:p>z</text:p></table:table-cell>"
      "</table:table-row></table:table></table:table-cell><table:covered-table-cell>"
      "<text:p>ẩn</text:p></table:covered-table-cell><table:table-cell><text:p>"
      "2</text:p></table:table-cell></table:table-row></table:table-rows></table:table>"
      "<text:section text:name=\"S2\"><text:p>Mục lồng<text:note><text:note-body><text:p>"
      "Chú thích</text:p></text:note-body></text:note></text:p></text:section>"
      "</text:section><text:list text:style-name=\"L1\"><text:list-item><text:p>"
      "Tiếp theo</text:p><table:table><table:table-row><table:table-cell><text:p>"
      "trong</text:p></table:table-cell><table:table-cell><text:p>mục</text:p>"
      "</table:table-cell></table:table-row></table:table></text:list-item>"
      "<text:list-header><text:p>Đầu danh sách</text:p></text:list-header>"
      "<text:list-item text:start-value=\"7\"><text:p>Bảy</text:p></text:list-item>"
      "</text:list><text:list text:style-name=\"L1\" text:continue-numbering=\"true\">"
      "<text:list-item><text:p>Tám</text:p></text:list-item></text:list>"
      "<text:tracked-changes><text:changed-region><text:deletion><text:p>"
      "Đã xóa</text:p></text:deletion></text:changed-region></text:tracked-changes>"
      "<text:index-body><text:p>Mục lục</text:p></text:index-body><text:p>"
      "Khung<draw:frame><draw:text-box><text:p>Trong khung</text:p></draw:text-box>"
      "</draw:frame> sau</text:p><table:table-cell><text:p>Ô lạc</text:p>"
      "</table:table-cell><text:h text:outline-level=\"2\">Mục hai</text:h>"
      "<text:h text:outline-level=\"1\">Chương sau</text:h><text:p>Hết</text:p>";
  const auto read = read_document("hon-hop.odt", odt(body));
  ASSERT_TRUE(read.ok()) << read.error().message;
  // What the whole-tree walk (main at d8270c5) gives for the same file.
  EXPECT_EQ(read->text,
            "Chương I Chương đầu\nMở đầu\nTrong mục\nSTT\tNội dung\n1\n1. Mục a\n2. Mục b\n"
            "a) Mục b1\nx\ny\nz\n2\nMục lồng\n1. Tiếp theo\ntrong\tmục\nĐầu danh sách\n7. Bảy\n"
            "8. Tám\nMục lục\nKhung sau\nTrong khung\nÔ lạc\nI.1. Mục hai\nChương II Chương sau\n"
            "Hết\n\nChú thích");
}

// Each container holding a table of 100,000 rows (15 MB of markup): read with libxml2 holding
// the parser's window and a row, not the container.
TEST(OdtBody, a_container_of_a_huge_table_is_read_without_its_tree) {
  const std::string table = "<table:table>" + rows(100000) + "</table:table>";
  const std::string list_items = [] {
    std::string items;
    for (int i = 0; i < 100000; ++i)
      items += "<text:list-item><text:p>Điều " + std::to_string(i) + "</text:p></text:list-item>";
    return items;
  }();
  const struct {
    const char* what;
    std::string body;
    const char* ends;
  } cases[] = {
      {"a section", "<text:section>" + table + "</text:section><text:p>Hết</text:p>",
       "\n99999\tĐiều 99999\nHết"},
      {"a list item",
       "<text:list><text:list-item>" + table +
           "</text:list-item></text:list>"
           "<text:p>Hết</text:p>",
       "\n99999\tĐiều 99999\nHết"},
      {"a cell",
       "<table:table><table:table-row><table:table-cell>" + table +
           "</table:table-cell></table:table-row></table:table><text:p>Hết</text:p>",
       "\n99999\tĐiều 99999\nHết"},
      {"a list",
       "<text:list text:style-name=\"L1\">" + list_items + "</text:list><text:p>Hết</text:p>",
       "\n100000. Điều 99999\nHết"},
  };
  for (const auto& one : cases) {
    const std::string file = odt(one.body);
    Result<ReadDocument> read = Error{};
    const long peak = testing::libxml2_peak_bytes([&] { read = read_document("lon.odt", file); });
    ASSERT_TRUE(read.ok()) << one.what << ": " << read.error().message;
    EXPECT_TRUE(read->text.ends_with(one.ends))
        << one.what << ": ..." << read->text.substr(read->text.size() - 60);
    EXPECT_LT(peak, 4L << 20) << one.what << ": libxml2 peaked at " << peak << " bytes";
  }
}

// The text limit stops the reading inside the section: what was read is kept, with the warning.
TEST(OdtBody, the_text_limit_stops_inside_a_container) {
  ReadOptions options;
  options.max_text_bytes = 64 * 1024;
  const auto read = read_document(
      "lon.odt",
      odt("<text:section><table:table>" + rows(100000) + "</table:table></text:section>"), options);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_TRUE(read->text.starts_with("0\tĐiều 0\n1\tĐiều 1\n")) << read->text.substr(0, 60);
  EXPECT_LE(read->text.size(), options.max_text_bytes);
  bool warned = false;
  for (const std::string& warning : read->warnings)
    warned = warned || warning.find("text limit reached") != std::string::npos;
  EXPECT_TRUE(warned);
}

}  // namespace odt_body_stream
}  // namespace
}  // namespace vanban::indexer
