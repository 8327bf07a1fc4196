// edXML envelopes: the envelope's metadata is authoritative over what extraction finds in the
// attachment; the attachment's text is the document's text; prefixes, SOAP wrappers and the
// Date/PromulgationDate variants are tolerated.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/symbol.hpp"
#include "vanban/indexer/metadata.hpp"
#include "vanban/indexer/reader.hpp"

#include "indexer_fixtures.hpp"

namespace vanban::indexer {
namespace {

using testing::fixture;
using testing::line_index;

TEST(EdXml, envelope_metadata_becomes_overrides) {
  auto read = read_document("cong-van.edxml", fixture("cong-van.edxml"));
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->format, "edxml");
  const analyzers::DocumentMetadata& overrides = read->overrides.values();
  EXPECT_EQ(overrides.issuer, "Sở Tài nguyên và Môi trường tỉnh Bắc Ninh");
  EXPECT_EQ(overrides.number, "208/STNMT-VP") << "the Code of ResponseFor must not win";
  EXPECT_EQ(overrides.place, "Bắc Ninh");
  EXPECT_EQ(overrides.date, "2026-04-02");
  EXPECT_EQ(overrides.type, "Công văn");
  EXPECT_EQ(overrides.title, "Đôn đốc báo cáo kết quả thu gom rác thải sinh hoạt quý I năm 2026");
  EXPECT_EQ(overrides.signer, "Lê Thị Thu Hà");
  EXPECT_EQ(overrides.signer_title, "Phó Giám đốc");
  EXPECT_EQ(overrides.signing_authority, "KT. GIÁM ĐỐC");
  EXPECT_EQ(
      overrides.recipients,
      (std::vector<std::string>{"Ủy ban nhân dân các huyện, thị xã, thành phố", "Lưu: VT, VP"}));
  // What the envelope does not hold is not stated: extraction keeps it.
  EXPECT_FALSE(read->overrides.states(analyzers::MetadataField::citations));
  EXPECT_FALSE(read->overrides.states(analyzers::MetadataField::type_code));
}

TEST(EdXml, attached_docx_is_the_document_text) {
  auto read = read_document("cong-van.edxml", fixture("cong-van.edxml"));
  ASSERT_TRUE(read.ok());
  auto attachment = read_document("cong-van.docx", fixture("cong-van.docx"));
  ASSERT_TRUE(attachment.ok());
  EXPECT_EQ(read->text, attachment->text);
  EXPECT_GE(line_index(read->text, "Số: 208/STNMT-VP"), 0);
}

TEST(EdXml, envelope_fields_win_over_extraction) {
  auto read = read_document("cong-van.edxml", fixture("cong-van.edxml"));
  ASSERT_TRUE(read.ok());
  const analyzers::DocumentMetadata metadata = analyze(*read);
  EXPECT_EQ(metadata.issuer, "Sở Tài nguyên và Môi trường tỉnh Bắc Ninh");
  EXPECT_EQ(metadata.number, "208/STNMT-VP");
  EXPECT_EQ(metadata.number_key, analyzers::symbol_key("208/STNMT-VP"));
  EXPECT_EQ(metadata.date, "2026-04-02");
  EXPECT_EQ(metadata.signer, "Lê Thị Thu Hà");
}

TEST(EdXml, soap_wrapped_envelope_with_other_namespace_and_date_element_reads) {
  auto read = read_document("ke-hoach.edxml", fixture("ke-hoach-soap.edxml"));
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->format, "edxml");
  EXPECT_EQ(read->overrides.values().number, "15/KH-UBND");
  EXPECT_EQ(read->overrides.values().date, "2026-03-12") << "day-first <Date> read too";
  EXPECT_EQ(read->overrides.values().type, "Kế hoạch");
  EXPECT_EQ(read->overrides.values().issuer, "Ủy ban nhân dân xã Hòa Bình");
  EXPECT_GE(line_index(read->text, "Triển khai công tác chuyển đổi số năm 2026"), 0);
}

TEST(EdXml, unreadable_attachment_leaves_subject_as_text_with_warning) {
  const std::string envelope =
      "<edXML><edXMLEnvelope><edXMLHeader><MessageHeader>"
      "<From><OrganName>Ủy ban nhân dân tỉnh Lạng Sơn</OrganName></From>"
      "<Subject>Về việc phòng, chống dịch bệnh trên gia súc</Subject>"
      "</MessageHeader></edXMLHeader></edXMLEnvelope>"
      "<AttachmentEncoded><Attachment><AttachmentName>cv.pdf</AttachmentName>"
      "<ContentTransferEncoded>JVBERi0xLjQKJeLjz9MK</ContentTransferEncoded>"
      "</Attachment></AttachmentEncoded></edXML>";
  auto read = read_document("cv.edxml", envelope);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->text, "Về việc phòng, chống dịch bệnh trên gia súc");
  ASSERT_FALSE(read->warnings.empty());
  EXPECT_NE(read->warnings.front().find("cv.pdf"), std::string::npos);
}

// The document's text is cut at the text limit: attachments past it are not decoded at all
// (each attachment is bounded alone, but a message of many, each unpacking within the bounds,
// gathered their texts without end). Here the fourth is not valid base64: had it been decoded,
// a warning would say so.
TEST(EdXml, attachments_past_the_text_limit_are_left_out_undecoded) {
  std::string envelope =
      "<edXML><MessageHeader><Subject>Về việc thử</Subject></MessageHeader><AttachmentEncoded>";
  const auto attach = [&envelope](const std::string& name, const std::string& encoded) {
    envelope += "<Attachment><AttachmentName>" + name +
                "</AttachmentName><ContentTransferEncoded>" + encoded +
                "</ContentTransferEncoded></Attachment>";
  };
  std::string paragraph;
  for (int i = 0; i < 20; ++i)
    paragraph += "Điều " + std::to_string(i + 1) + ". Quy định chung.\n";
  for (const char* name : {"a.txt", "b.txt", "c.txt"})
    attach(name, testing::base64(paragraph));
  attach("d.txt", "!!! not base64 !!!");
  attach("e.txt", testing::base64(paragraph));
  envelope += "</AttachmentEncoded></edXML>";

  ReadOptions options;
  options.max_text_bytes = paragraph.size() * 2 + paragraph.size() / 2;
  auto read = read_document("nhieu.edxml", envelope, options);
  ASSERT_TRUE(read.ok()) << read.error().message;
  for (const std::string& warning : read->warnings)
    EXPECT_EQ(warning.find("invalid base64"), std::string::npos) << warning;
  ASSERT_FALSE(read->warnings.empty());
  EXPECT_NE(read->warnings.front().find("2 attachment(s) past the text limit left out, from d.txt"),
            std::string::npos)
      << read->warnings.front();
  EXPECT_LE(read->text.size(), options.max_text_bytes);

  // Within the limit every attachment is read, the broken one reported.
  auto whole = read_document("nhieu.edxml", envelope);
  ASSERT_TRUE(whole.ok()) << whole.error().message;
  ASSERT_EQ(whole->warnings.size(), 1u);
  EXPECT_NE(whole->warnings.front().find("d.txt: invalid base64"), std::string::npos);
}

// A plain-text attachment (named .txt or typed text/plain before its data) keeps no more of its
// decoded bytes than the text reader reads (twice the text limit and a megabyte): a 6 MB text
// under a 1 MB limit is never held whole. One named after its data is decoded whole (nothing
// said it is text), and cut all the same.
TEST(EdXml, a_huge_text_attachment_is_decoded_no_further_than_the_text_limit_needs) {
  std::string text;
  for (int i = 0; text.size() < 6 * 1024 * 1024; ++i)
    text += "Điều " + std::to_string(i + 1) + ". Cơ quan tiếp nhận hồ sơ kiểm tra thành phần.\n";
  const std::string encoded = testing::base64(text);
  const std::string header = "<edXML><MessageHeader><Subject>Về việc thử</Subject></MessageHeader>";
  ReadOptions options;
  options.max_text_bytes = 1024 * 1024;
  const std::string kept = "kept the first " + std::to_string(3 * 1024 * 1024) + " bytes of " +
                           std::to_string(text.size());
  for (const std::string& declared :
       {std::string("<AttachmentName>dai.txt</AttachmentName>"),
        std::string("<ContentType>text/plain; charset=utf-8</ContentType>")}) {
    const std::string envelope =
        header + "<AttachmentEncoded><Attachment>" + declared + "<ContentTransferEncoded>" +
        encoded + "</ContentTransferEncoded></Attachment></AttachmentEncoded></edXML>";
    auto read = read_document("dai.edxml", envelope, options);
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_LE(read->text.size(), options.max_text_bytes);
    EXPECT_GT(read->text.size(), options.max_text_bytes / 2);
    EXPECT_TRUE(read->text.ends_with("thành phần.")) << declared;
    ASSERT_FALSE(read->warnings.empty());
    EXPECT_NE(read->warnings.front().find(kept), std::string::npos)
        << declared << ": " << read->warnings.front();
    for (const std::string& warning : read->warnings)
      EXPECT_EQ(warning.find("replaced"), std::string::npos) << warning;
  }
  const std::string named_after =
      header + "<AttachmentEncoded><Attachment><ContentTransferEncoded>" + encoded +
      "</ContentTransferEncoded><AttachmentName>dai.txt</"
      "AttachmentName></Attachment></AttachmentEncoded></edXML>";
  auto read = read_document("dai.edxml", named_after, options);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_LE(read->text.size(), options.max_text_bytes);
  EXPECT_TRUE(read->text.ends_with("thành phần."));
  for (const std::string& warning : read->warnings)
    EXPECT_EQ(warning.find("kept the first"), std::string::npos) << warning;
}

// An attachment's base64 is decoded as it is parsed, never held as one text: past libxml2's
// 10 MB for a text node it still reads, in pieces; in CDATA, and directly inside <Attachment>
// beside its name, too.
TEST(EdXml, long_attachments_are_decoded_as_parsed) {
  std::string text;
  for (int i = 0; text.size() < 9 * 1024 * 1024; ++i)
    text += "Điều " + std::to_string(i + 1) + ". Cơ quan tiếp nhận hồ sơ kiểm tra thành phần.\n";
  const std::string encoded = testing::base64(text);  // 12 MB of base64
  ASSERT_GT(encoded.size(), 10u * 1024 * 1024);
  const std::string head =
      "<edXML><MessageHeader><Subject>Về việc thử</Subject></MessageHeader>"
      "<AttachmentEncoded><Attachment><AttachmentName>dai.txt</AttachmentName>";
  const std::string envelope = head + "<ContentTransferEncoded>" + encoded +
                               "</ContentTransferEncoded></Attachment></AttachmentEncoded></edXML>";
  auto read = read_document("dai.edxml", envelope);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_NE(read->text.find("Điều 1. Cơ quan tiếp nhận"), std::string::npos);
  EXPECT_NE(read->text.find(text.substr(text.size() - 200, 150)), std::string::npos);
  EXPECT_TRUE(read->warnings.empty()) << read->warnings.front();

  // In CDATA and directly inside <Attachment> beside its name, the same.
  const std::string short_text = text.substr(0, 4000);
  for (const std::string& body : {"<ContentTransferEncoded><![CDATA[" +
                                      testing::base64(short_text) + "]]></ContentTransferEncoded>",
                                  testing::base64(short_text)}) {
    auto small =
        read_document("ngan.edxml", head + body + "</Attachment></AttachmentEncoded></edXML>");
    ASSERT_TRUE(small.ok()) << small.error().message;
    EXPECT_NE(small->text.find("Điều 1. Cơ quan tiếp nhận"), std::string::npos)
        << body.substr(0, 40);
    EXPECT_TRUE(small->warnings.empty()) << small->warnings.front();
  }
}

TEST(EdXml, envelope_without_any_text_is_refused) {
  auto read = read_document("rong.edxml",
                            "<edXML><MessageHeader><From><OrganName>UBND</OrganName></From>"
                            "</MessageHeader></edXML>");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::unsupported);
}

TEST(EdXml, overridden_type_drops_an_extracted_code_of_another_type) {
  analyzers::DocumentMetadata metadata;
  metadata.type = "Kế hoạch";
  metadata.type_code = "KH";
  MetadataOverrides overrides;
  overrides.set(analyzers::MetadataField::type, "Công văn");
  overrides.apply_to(metadata);
  EXPECT_EQ(metadata.type, "Công văn");
  EXPECT_FALSE(metadata.type_code.has_value());
}

}  // namespace
}  // namespace vanban::indexer
