// The Word reader reads word/document.xml and the notes element by element (XmlStream), never
// the part as one tree: the text is the same as a whole-tree reading gave (tables, numbering,
// tabs and breaks, content controls, text boxes, notes), reading stops at the text limit, and
// libxml2's refusals (too deep, too large, malformed, not Word) are said in plain words.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"
#include "vanban/indexer/ingest.hpp"
#include "vanban/indexer/reader.hpp"

#include "indexer_fixtures.hpp"
#include "stored_zip.hpp"

namespace vanban::indexer {
namespace {

constexpr std::string_view kWordNamespace =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::string streamed_run(std::string_view text, std::string_view properties = "") {
  return "<w:r>" + std::string(properties) + R"(<w:t xml:space="preserve">)" + std::string(text) +
         "</w:t></w:r>";
}

std::string streamed_paragraph(std::string_view content, std::string_view properties = "") {
  return "<w:p>" + std::string(properties) + std::string(content) + "</w:p>";
}

std::string streamed_cell(const std::vector<std::string>& paragraphs) {
  std::string cell = R"(<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>)";
  for (const auto& paragraph : paragraphs)
    cell += paragraph;
  return cell + "</w:tc>";
}

std::string word_part(std::string_view root, std::string_view content) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         "\n<w:" +
         std::string(root) + " " + std::string(kWordNamespace) + ">" + std::string(content) +
         "</w:" + std::string(root) + ">";
}

std::string docx_of(std::string document_xml,
                    std::vector<std::pair<std::string, std::string>> more_parts = {}) {
  more_parts.insert(more_parts.begin(), {"word/document.xml", std::move(document_xml)});
  return testing::stored_zip(more_parts);
}

// A body with what an official document holds: the heading block as a two-column table, list
// paragraphs numbered by Word, revisions and field codes, a content control, a tab and a line
// break, a text box, a table whose rows sit in a content control and one of whose cells has two
// paragraphs, a hyperlink and a non-breaking hyphen; a footnote after Word's separator.
std::string document_with_every_construct() {
  const std::string numbered =
      R"(<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>)";
  std::string body = R"(<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>)"
                     R"(<w:gridCol w:w="4000"/><w:gridCol w:w="5000"/></w:tblGrid>)";
  body += "<w:tr>" + streamed_cell({streamed_paragraph(streamed_run("ỦY BAN NHÂN DÂN"))}) +
          streamed_cell({streamed_paragraph(streamed_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))}) +
          "</w:tr>";
  body += "<w:tr>" + streamed_cell({streamed_paragraph(streamed_run("Số: 15/KH-UBND"))}) +
          streamed_cell({streamed_paragraph(streamed_run("Độc lập - Tự do - Hạnh phúc"))}) +
          "</w:tr></w:tbl>";
  body += streamed_paragraph(streamed_run("KẾ HOẠCH"), R"(<w:pPr><w:jc w:val="center"/></w:pPr>)");
  body += streamed_paragraph(
      streamed_run("Mục đích, ") + streamed_run("yêu cầu", "<w:rPr><w:b/></w:rPr>"), numbered);
  body += streamed_paragraph(streamed_run("Nội dung") +
                                 "<w:del><w:r><w:delText>bỏ đi</w:delText></w:r></w:del>" +
                                 R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r>)" +
                                 "<w:r><w:instrText> PAGE </w:instrText></w:r>" +
                                 R"(<w:r><w:fldChar w:fldCharType="end"/></w:r>)",
                             numbered);
  body += "<w:sdt><w:sdtPr/><w:sdtContent>" + streamed_paragraph(streamed_run("Trong ô nội dung")) +
          "</w:sdtContent></w:sdt>";
  body += streamed_paragraph(streamed_run("Nơi nhận:") + "<w:r><w:tab/></w:r>" +
                             streamed_run("- Như trên;") + "<w:r><w:br/></w:r>" +
                             streamed_run("- Lưu: VT."));
  body += streamed_paragraph(
      streamed_run("Đoạn có hộp chữ") +
      R"(<w:r><w:drawing><wp:anchor xmlns:wp="urn:wp"><a:graphic xmlns:a="urn:a"><w:txbxContent>)" +
      streamed_paragraph(streamed_run("Chữ trong hộp")) +
      "</w:txbxContent></a:graphic></wp:anchor></w:drawing></w:r>" + streamed_run(" sau hộp"));
  body += "<w:tbl><w:tblPr/><w:tblGrid/>";
  body += "<w:tr>" + streamed_cell({streamed_paragraph(streamed_run("STT"))}) +
          streamed_cell({streamed_paragraph(streamed_run("Nhiệm vụ"))}) + "</w:tr>";
  body += "<w:sdt><w:sdtContent><w:tr>" + streamed_cell({streamed_paragraph(streamed_run("1"))}) +
          streamed_cell({streamed_paragraph(streamed_run("Tuyên truyền")),
                         streamed_paragraph(streamed_run("Quý II"))}) +
          "</w:tr></w:sdtContent></w:sdt></w:tbl>";
  body +=
      streamed_paragraph(R"(<w:hyperlink r:id="rId9" xmlns:r="urn:r">)" + streamed_run("Liên kết") +
                         "</w:hyperlink>" + "<w:r><w:noBreakHyphen/></w:r>" + streamed_run("tiếp"));
  body += R"(<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>)";
  return word_part("document", "<w:body>" + body + "</w:body>");
}

std::string numbering_in_roman() {
  return word_part("numbering",
                   R"(<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>)"
                   R"(<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>)"
                   R"(</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)");
}

std::string footnote_after_a_separator() {
  return word_part(
      "footnotes",
      R"(<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>)"
      R"(</w:footnote><w:footnote w:id="1">)" +
          streamed_paragraph(streamed_run("Chú thích: theo Quyết định số 749/QĐ-TTg.")) +
          "</w:footnote>");
}

// The text is the one the whole-tree reader gave for this package (main at e643556, the same
// bytes), line for line.
TEST(DocxStreaming, a_streamed_document_reads_as_the_whole_tree_did) {
  const std::string bytes = docx_of(document_with_every_construct(),
                                    {{"word/numbering.xml", numbering_in_roman()},
                                     {"word/footnotes.xml", footnote_after_a_separator()}});
  auto read = read_document("ke-hoach.docx", bytes);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->text,
            "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Số: 15/KH-UBND\tĐộc lập - Tự do - Hạnh phúc\n"
            "KẾ HOẠCH\n"
            "I. Mục đích, yêu cầu\n"
            "II. Nội dung\n"
            "Trong ô nội dung\n"
            "Nơi nhận:\t- Như trên;\n"
            "- Lưu: VT.\n"
            "Đoạn có hộp chữ sau hộp\n"
            "Chữ trong hộp\n"
            "STT\tNhiệm vụ\n"
            "1\n"
            "Tuyên truyền\n"
            "Quý II\n"
            "Liên kết-tiếp\n"
            "\n"
            "Chú thích: theo Quyết định số 749/QĐ-TTg.");
  EXPECT_TRUE(read->warnings.empty());
}

// Damaged notes lose the notes, not the body: the body's text whole, a warning naming the part.
TEST(DocxStreaming, damaged_notes_keep_the_body_and_lose_only_the_notes) {
  const std::string bytes = docx_of(
      document_with_every_construct(),
      {{"word/footnotes.xml", word_part("footnotes", R"(<w:footnote w:id="1"><w:p><w:r><w:t>)"
                                                     "Chú thích</w:p></w:footnote>")}});
  auto read = read_document("ke-hoach.docx", bytes);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_TRUE(read->text.ends_with("Liên kết-tiếp")) << read->text;
  EXPECT_EQ(read->text.find("Chú thích"), std::string::npos);
  ASSERT_EQ(read->warnings.size(), 1u);
  EXPECT_NE(read->warnings[0].find("word/footnotes.xml"), std::string::npos) << read->warnings[0];
  EXPECT_NE(read->warnings[0].find("notes left out"), std::string::npos) << read->warnings[0];
}

// Elements nested past libxml2's depth limit (256): a clear error, in plain words.
std::string nested_too_deep() {
  std::string body;
  for (int i = 0; i < 300; ++i)
    body += "<w:sdt><w:sdtContent>";
  body += streamed_paragraph(streamed_run("Điều 1. Phạm vi điều chỉnh"));
  for (int i = 0; i < 300; ++i)
    body += "</w:sdtContent></w:sdt>";
  return word_part("document", "<w:body>" + body + "</w:body>");
}

TEST(DocxStreaming, nesting_past_the_parsers_depth_is_a_clear_error) {
  auto read = read_document("sau.docx", docx_of(nested_too_deep()));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(read.error().message.find("deeper than the parser's limit"), std::string::npos)
      << read.error().message;
  EXPECT_EQ(read.error().user_message,
            "Tệp DOCX bị hỏng: Nội dung XML lồng nhau quá sâu, quá 256 cấp (dòng 2)");
}

// In a batch, the deep file fails with that message and the others are indexed.
TEST(DocxStreaming, a_deep_document_fails_alone_and_the_rest_of_the_batch_is_indexed) {
  testing::TempDir files;
  testing::TempDir db;
  testing::write_file(files / "sau.docx", docx_of(nested_too_deep()));
  testing::write_file(files / "ke-hoach.docx", docx_of(document_with_every_construct()));
  testing::write_file(files / "thong-bao.txt", "Thông báo số 12/TB-UBND về lịch tiếp công dân");
  auto writer = archive::Archive(db.path()).open_writer();
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  IngestOptions options;
  options.inputs = {files.path()};
  auto summary = ingest(**writer, options);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->added, 2u);
  ASSERT_EQ(summary->failed.size(), 1u);
  EXPECT_EQ(summary->failed[0].path, "sau.docx");
  EXPECT_NE(summary->failed[0].user_message.find("lồng nhau quá sâu"), std::string::npos)
      << summary->failed[0].user_message;
}

// A body past the text limit is read as far as the limit and no further: damage after that
// point is never reached, and the text kept is the limit's worth from the start.
TEST(DocxStreaming, a_body_past_the_text_limit_is_read_as_far_as_the_limit) {
  std::string body;
  int paragraphs = 0;
  while (body.size() < 2 * 1024 * 1024) {
    body += streamed_paragraph(streamed_run("Điều " + std::to_string(++paragraphs) +
                                            ". Quy định về tiếp công dân tại trụ sở."));
  }
  // Never closed: a reading of the whole part would refuse it.
  const std::string document = word_part("document", "<w:body>" + body) + "<w:p><w:r>";
  ReadOptions options;
  options.max_text_bytes = 256 * 1024;
  auto read = read_document("dai.docx", docx_of(document), options);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_LE(read->text.size(), options.max_text_bytes);
  EXPECT_GT(read->text.size(), options.max_text_bytes / 2);
  EXPECT_TRUE(read->text.starts_with("Điều 1. Quy định về tiếp công dân tại trụ sở.\n"));
  EXPECT_TRUE(read->text.ends_with("tại trụ sở.")) << read->text.substr(read->text.size() - 80);
  bool said_so = false;
  for (const auto& warning : read->warnings)
    said_so = said_so || warning.find("text limit reached") != std::string::npos;
  EXPECT_TRUE(said_so);
}

// libxml2's other refusals, each in plain words: a text node past its 10 MB limit, a tag
// closed wrongly (with its line), a part that is not a Word body.
TEST(DocxStreaming, each_cause_of_a_refused_part_is_said_in_plain_words) {
  const std::string huge_text =
      word_part("document",
                "<w:body>" + streamed_paragraph(streamed_run(std::string(11 * 1024 * 1024, 'a'))) +
                    "</w:body>");
  auto huge = read_document("lon.docx", docx_of(huge_text));
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.error().message.find("size limit"), std::string::npos) << huge.error().message;
  EXPECT_NE(huge.error().user_message.find("vượt giới hạn kích thước"), std::string::npos)
      << huge.error().user_message;

  const std::string malformed = word_part(
      "document", "<w:body>\n<w:p><w:r><w:t>Điều 1</w:t></w:r></w:p>\n<w:p><w:r></w:p>\n</w:body>");
  auto broken = read_document("hong.docx", docx_of(malformed));
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().user_message, "Tệp DOCX bị hỏng: Nội dung XML sai cú pháp ở dòng 4")
      << broken.error().message;

  auto html = read_document("trang.docx",
                            docx_of("<html><body><p>Điều 1. Phạm vi điều chỉnh</p></body></html>"));
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.error().kind, ErrorKind::invalid_argument);
  EXPECT_TRUE(html.error().user_message.starts_with("Tệp không phải văn bản Word"))
      << html.error().user_message;
}

// A file listed, then deleted before it is read, is reported as gone, not as unreadable.
TEST(DocxStreaming, a_file_deleted_before_it_is_read_is_reported_as_gone) {
  testing::TempDir files;
  auto read = read_file(files / "da-xoa.docx");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::io);
  EXPECT_EQ(read.error().user_message, "Tệp đã bị xóa hoặc chuyển đi trước khi kịp đọc");
}

}  // namespace
}  // namespace vanban::indexer
