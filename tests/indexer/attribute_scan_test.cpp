// Markup whose elements carry tens of thousands of attributes: libxml2 2.9 compares each
// attribute of an element with every earlier one, so one such tag held a reader for many
// minutes (a 3.5 MB page of one tag of 300,000 attributes, a DOCX of one such paragraph). The
// attributes are counted ahead of the parser and the file is refused once their pairwise work
// passes the budget (attribute_scan.hpp); what is not a start tag's attributes (comments,
// CDATA, a script's text) is not counted, and ordinary markup reads as before.
#include <string>

#include <gtest/gtest.h>

#include "vanban/indexer/reader.hpp"

#include "stored_zip.hpp"

namespace vanban::indexer {
namespace {

// `count` distinct attributes, as XML writes them.
std::string crowded_attributes(int count) {
  std::string attributes;
  for (int i = 0; i < count; ++i)
    attributes += " a" + std::to_string(i) + "=\"x\"";
  return attributes;
}

void expect_refused_for_its_attributes(const Result<ReadDocument>& read, const std::string& what) {
  ASSERT_FALSE(read.ok()) << what << " was read";
  EXPECT_NE(read.error().user_message.find("quá nhiều thuộc tính"), std::string::npos)
      << what << ": " << read.error().user_message;
  EXPECT_NE(read.error().message.find("too many attributes"), std::string::npos)
      << what << ": " << read.error().message;
}

constexpr int kCrowd = 40'000;  // 40,000² = 1.6 × 10^9 comparisons' worth, over the budget

TEST(AttributeScan, a_page_whose_tag_carries_tens_of_thousands_of_attributes_is_refused) {
  const std::string page = "<html><body><p" + crowded_attributes(kCrowd) +
                           ">Quyết định về việc thử nghiệm</p></body></html>";
  expect_refused_for_its_attributes(read_document("dong.html", page), "the page");
  // HTML's attributes need no quotes and no blanks between quoted ones: counted all the same.
  std::string bare = "<html><body><p";
  for (int i = 0; i < kCrowd; ++i)
    bare += (i % 2 ? " b" : " a=\"1\"c") + std::to_string(i);
  expect_refused_for_its_attributes(read_document("tran.html", bare + ">Chữ</p></body></html>"),
                                    "the unquoted page");
}

TEST(AttributeScan, a_word_paragraph_of_tens_of_thousands_of_attributes_is_refused_as_it_inflates) {
  const std::string document =
      R"(<?xml version="1.0" encoding="UTF-8"?><w:document )"
      R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p)" +
      crowded_attributes(kCrowd) + "><w:r><w:t>Nội dung</w:t></w:r></w:p></w:body></w:document>";
  expect_refused_for_its_attributes(
      read_document("dong.docx", testing::stored_zip({{"word/document.xml", document}})),
      "the DOCX");
}

TEST(AttributeScan, an_edxml_envelope_of_tens_of_thousands_of_attributes_is_refused) {
  const std::string envelope = "<edXML><MessageHeader" + crowded_attributes(kCrowd) +
                               "><Subject>Về việc thử</Subject></MessageHeader></edXML>";
  expect_refused_for_its_attributes(read_document("dong.edxml", envelope), "the envelope");
}

// What is not a start tag's attributes is not counted: a comment, CDATA and a script's text,
// each holding what would be a crowded tag, and a comment ended by "--->".
TEST(AttributeScan, comments_cdata_and_scripts_are_not_counted_and_pages_read_as_before) {
  const std::string crowded = "<p" + crowded_attributes(kCrowd) + ">";
  const std::string page = "<html><head><script>var s = '" + crowded + "';</script><style>/*" +
                           crowded + "*/</style></head><body><!-- " + crowded +
                           " ---><p class=\"a\" id=b title=c>Quyết định số 12</p>" +
                           "</body></html>";
  auto read = read_document("trang.html", page);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_NE(read->text.find("Quyết định số 12"), std::string::npos) << read->text;

  const std::string envelope = "<edXML><MessageHeader><Subject>Về việc thử</Subject><!-- " +
                               crowded + " --><Content><![CDATA[" + crowded +
                               "]]></Content></MessageHeader></edXML>";
  auto read_envelope = read_document("thu.edxml", envelope);
  ASSERT_TRUE(read_envelope.ok()) << read_envelope.error().message;
  EXPECT_NE(read_envelope->text.find("Về việc thử"), std::string::npos);
}

}  // namespace
}  // namespace vanban::indexer
