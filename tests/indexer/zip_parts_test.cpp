// Zip parts are read as libzip inflates them, a chunk at a time into the parser: a part is
// inflated no further than it is read, so a Word body or a sheet past the text limit never
// inflates the rest of its part (whatever the rest holds: shown here by a deflate stream that
// breaks past the limit, which a whole inflation refuses). Damage to the compressed data within
// what is read, a size that lies, and encryption are each said once, by cause.
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/indexer/reader.hpp"

#include "indexer_fixtures.hpp"
#include "stored_zip.hpp"

namespace vanban::indexer {
namespace {

using testing::RawZipEntry;

constexpr std::string_view kPartsWordNamespace =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

// A deflated entry whose stream holds `content` then breaks (a reserved block type) where the
// rest of the declared `size` would follow.
RawZipEntry broken_after(std::string name, std::string_view content, std::uint32_t size) {
  std::string data = testing::deflate_stored_blocks(content);
  data += testing::kDeflateDamage;
  return {std::move(name), std::move(data), 8, size, testing::crc32(content), 0};
}

// A deflated entry, whole and sound.
RawZipEntry deflated(std::string name, std::string_view content) {
  std::string data = testing::deflate_stored_blocks(content);
  data += testing::kDeflateEnd;
  return {std::move(name),
          std::move(data),
          8,
          static_cast<std::uint32_t>(content.size()),
          testing::crc32(content),
          0};
}

// The opening of a Word body of numbered articles of about `bytes` of XML, left open.
std::string word_body_opening(std::size_t bytes) {
  std::string xml = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                    "\n<w:document " +
                    std::string(kPartsWordNamespace) + "><w:body>";
  for (int article = 1; xml.size() < bytes; ++article) {
    xml += "<w:p><w:r><w:t>Điều " + std::to_string(article) +
           ". Cơ quan tiếp nhận hồ sơ kiểm tra thành phần hồ sơ.</w:t></w:r></w:p>";
  }
  return xml;
}

bool has_warning(const ReadDocument& read, std::string_view words) {
  for (const auto& warning : read.warnings)
    if (warning.find(words) != std::string::npos) return true;
  return false;
}

TEST(ZipParts, a_word_body_is_inflated_no_further_than_the_text_limit) {
  const std::string opening = word_body_opening(256 * 1024);
  // The part declares 64 KB more than the stream holds before it breaks.
  const auto declared = static_cast<std::uint32_t>(opening.size() + 64 * 1024);
  const std::string bytes =
      testing::raw_zip({broken_after("word/document.xml", opening, declared)});
  ReadOptions options;
  options.max_text_bytes = 32 * 1024;
  auto read = read_document("dai.docx", bytes, options);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_TRUE(read->text.starts_with("Điều 1. Cơ quan tiếp nhận hồ sơ")) << read->text;
  EXPECT_LE(read->text.size(), options.max_text_bytes);
  EXPECT_TRUE(has_warning(*read, "text limit reached"));

  // Within the limit the break is reached: the file is refused as damaged, said once.
  options.max_text_bytes = 16 * 1024 * 1024;
  auto whole = read_document("dai.docx", bytes, options);
  ASSERT_FALSE(whole.ok());
  EXPECT_EQ(whole.error().kind, ErrorKind::invalid_argument);
  EXPECT_TRUE(whole.error().message.starts_with("corrupt DOCX: cannot unpack word/document.xml"))
      << whole.error().message;
  EXPECT_EQ(whole.error().message.find("corrupt DOCX", 1), std::string::npos)
      << whole.error().message;
  EXPECT_EQ(whole.error().user_message, "Tệp DOCX bị hỏng");
}

// The opening of an OpenDocument body of numbered articles of about `bytes` of XML, left open:
// its font declarations and automatic styles first, as Writer saves them.
std::string odt_body_opening(std::size_t bytes) {
  std::string xml =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0")"
      R"( xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0")"
      R"( xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0")"
      R"( xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0">)"
      R"(<office:automatic-styles><style:style style:name="P1" style:family="paragraph">)"
      R"(<style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>)"
      "<office:body><office:text>";
  for (int article = 1; xml.size() < bytes; ++article) {
    xml += "<text:p text:style-name=\"P1\">Điều " + std::to_string(article) +
           ". Cơ quan tiếp nhận hồ sơ kiểm tra thành phần hồ sơ.</text:p>";
  }
  return xml;
}

TEST(ZipParts, an_odt_body_is_read_block_by_block_and_no_further_than_the_text_limit) {
  const std::string opening = odt_body_opening(256 * 1024);
  const auto declared = static_cast<std::uint32_t>(opening.size() + 64 * 1024);
  const std::string bytes = testing::raw_zip({broken_after("content.xml", opening, declared)});
  ReadOptions options;
  options.max_text_bytes = 32 * 1024;
  auto read = read_document("dai.odt", bytes, options);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->format, "odt");
  EXPECT_TRUE(read->text.starts_with("Điều 1. Cơ quan tiếp nhận hồ sơ"))
      << read->text.substr(0, 200);
  EXPECT_LE(read->text.size(), options.max_text_bytes);
  EXPECT_TRUE(has_warning(*read, "text limit reached"));

  // Within the limit the break is reached: refused as damaged.
  options.max_text_bytes = 16 * 1024 * 1024;
  auto whole = read_document("dai.odt", bytes, options);
  ASSERT_FALSE(whole.ok());
  EXPECT_EQ(whole.error().kind, ErrorKind::invalid_argument);
  EXPECT_TRUE(whole.error().message.starts_with("corrupt ODT: cannot unpack content.xml"))
      << whole.error().message;

  // Closed, the same body reads whole; XML damaged after the body is refused as before.
  const std::string closed = opening + "</office:text></office:body></office:document-content>";
  auto sound = read_document("a.odt", testing::raw_zip({deflated("content.xml", closed)}));
  ASSERT_TRUE(sound.ok()) << sound.error().message;
  EXPECT_TRUE(sound->warnings.empty());
  EXPECT_NE(sound->text.find("Điều 2. Cơ quan"), std::string::npos);
  auto damaged = read_document(
      "b.odt",
      testing::raw_zip({deflated("content.xml", opening + "</office:text></office:body>"
                                                          "<oops></office:document-content>")}));
  ASSERT_FALSE(damaged.ok());
  EXPECT_TRUE(damaged.error().message.starts_with("corrupt ODT: content.xml is not well-formed"))
      << damaged.error().message;
}

TEST(ZipParts, a_sound_deflated_part_reads_as_the_same_part_stored) {
  const std::string document = word_body_opening(8 * 1024) + "</w:body></w:document>";
  auto stored = read_document("a.docx", testing::stored_zip({{"word/document.xml", document}}));
  auto packed =
      read_document("a.docx", testing::raw_zip({deflated("word/document.xml", document)}));
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  ASSERT_TRUE(packed.ok()) << packed.error().message;
  EXPECT_EQ(packed->text, stored->text);
  EXPECT_TRUE(packed->warnings.empty());
}

std::string parts_sheet_rows(int rows) {
  std::string xml =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      "<sheetData>";
  for (int row = 1; row <= rows; ++row) {
    xml += "<row r=\"" + std::to_string(row) + "\"><c t=\"inlineStr\"><is><t>Xã số " +
           std::to_string(row) + "</t></is></c><c><v>" + std::to_string(row * 7) + "</v></c></row>";
  }
  return xml;
}

TEST(ZipParts, a_sheet_is_inflated_no_further_than_the_text_limit) {
  const std::string workbook =
      R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<sheets><sheet name="Tổng hợp" sheetId="1"/></sheets></workbook>)";
  const std::string rows = parts_sheet_rows(5000);
  const std::string bytes =
      testing::raw_zip({deflated("xl/workbook.xml", workbook),
                        broken_after("xl/worksheets/sheet1.xml", rows,
                                     static_cast<std::uint32_t>(rows.size() + 4096))});
  ReadOptions options;
  options.max_text_bytes = 4096;
  auto read = read_document("bang.xlsx", bytes, options);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(testing::line_index(read->text, "Xã số 1\t7"), 1) << read->text;
  for (const auto& warning : read->warnings)  // the break lies past what was read
    EXPECT_EQ(warning.find("cannot unpack"), std::string::npos) << warning;

  // Within the limit: the rows before the break are kept, the break said in a warning.
  options.max_text_bytes = 16 * 1024 * 1024;
  auto whole = read_document("bang.xlsx", bytes, options);
  ASSERT_TRUE(whole.ok()) << whole.error().message;
  EXPECT_GE(testing::line_index(whole->text, "Xã số 100\t700"), 1);
  EXPECT_TRUE(has_warning(*whole, "corrupt XLSX: cannot unpack xl/worksheets/sheet1.xml"));
}

TEST(ZipParts, damage_to_a_parsed_part_is_said_once_by_cause) {
  const std::string content =
      R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0")"
      R"( xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>)"
      "<text:p>Điều 1. Phạm vi điều chỉnh</text:p>";
  const std::string bytes = testing::raw_zip(
      {deflated("mimetype", "application/vnd.oasis.opendocument.text"),
       broken_after("content.xml", content, static_cast<std::uint32_t>(content.size() + 100))});
  auto read = read_document("hong.odt", bytes);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::invalid_argument);
  EXPECT_TRUE(read.error().message.starts_with("corrupt ODT: cannot unpack content.xml"))
      << read.error().message;
  EXPECT_EQ(read.error().user_message, "Tệp ODT bị hỏng");
}

// A header declaring fewer bytes than the entry unpacks to: refused as damaged, not cut at the
// declared size and read as if whole.
TEST(ZipParts, an_entry_longer_than_its_declared_size_is_refused) {
  const std::string document = word_body_opening(4 * 1024) + "</w:body></w:document>";
  RawZipEntry entry = deflated("word/document.xml", document);
  entry.size = static_cast<std::uint32_t>(document.size() / 2);
  auto read = read_document("doi.docx", testing::raw_zip({entry}));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(read.error().message.find("word/document.xml"), std::string::npos)
      << read.error().message;
  EXPECT_EQ(read.error().user_message, "Tệp DOCX bị hỏng");
}

// Entries flagged as encrypted (a zip saved with a password) need the password: said so, not
// taken for damage; in a zip folder the encrypted member fails alone.
TEST(ZipParts, encrypted_entries_are_said_to_need_a_password) {
  const std::string document = word_body_opening(1024) + "</w:body></w:document>";
  RawZipEntry locked = deflated("word/document.xml", document);
  locked.flags = 1;  // bit 0: encrypted (APPNOTE 4.4.4)
  auto read = read_document("mat-khau.docx", testing::raw_zip({locked}));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::unsupported);
  EXPECT_NE(read.error().message.find("encrypted"), std::string::npos) << read.error().message;
  EXPECT_EQ(read.error().user_message, "Tệp DOCX có mật khẩu, không đọc được");

  RawZipEntry locked_member{"mat-khau.txt", "Điều 1.", 0, 7, testing::crc32("Điều 1."), 1};
  const std::string folder =
      testing::raw_zip({locked_member, deflated("thong-bao.txt", "Thông báo số 12/TB-UBND")});
  auto members = read_document("ho-so.zip", folder);
  ASSERT_TRUE(members.ok()) << members.error().message;
  EXPECT_NE(members->text.find("Thông báo số 12/TB-UBND"), std::string::npos) << members->text;
  EXPECT_TRUE(has_warning(*members, "encrypted")) << ::testing::PrintToString(members->warnings);
}

// Word and Excel save a file with a password as an OLE2 compound file holding the stream
// EncryptedPackage (MS-OFFCRYPTO), whatever its name (.docx, .xlsx): said to need the password,
// not taken for a broken zip nor handed to the converter.
TEST(ZipParts, an_office_file_saved_with_a_password_is_said_to_need_it) {
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole.resize(1024, '\0');
  for (const char c : std::string_view("EncryptedPackage")) {
    ole += c;
    ole += '\0';
  }
  ole.resize(4096, '\0');
  for (const char* name : {"mat-khau.docx", "mat-khau.xlsx", "mat-khau.doc"}) {
    auto read = read_document(name, ole);
    ASSERT_FALSE(read.ok()) << name;
    EXPECT_EQ(read.error().kind, ErrorKind::unsupported) << name;
    EXPECT_EQ(read.error().user_message, "Tệp có mật khẩu, không đọc được") << name;
  }
}

}  // namespace
}  // namespace vanban::indexer
