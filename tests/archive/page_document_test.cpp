// parse_page_document(): a page's fields of a stored document, read without building its JSON,
// are those of the full parse (parse_document()) on any data: the stored form, the older one,
// missing fields, values of other types, repeated keys, nested look-alike keys, damage.
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/archive/document.hpp"

#include "archive_fixtures.hpp"

namespace vanban::archive {
namespace {

// The fields a page shows, taken from the full parse; everything else left as a fresh document.
ArchivedDocument page_fields_of(const ArchivedDocument& whole) {
  ArchivedDocument page;
  page.id = whole.id;
  page.paths = whole.paths;
  page.filename = whole.filename;
  page.format = whole.format;
  page.ocr = whole.ocr;
  page.text = whole.text;
  page.metadata.type = whole.metadata.type;
  page.metadata.type_code = whole.metadata.type_code;
  page.metadata.number = whole.metadata.number;
  page.metadata.issuer = whole.metadata.issuer;
  page.metadata.date = whole.metadata.date;
  page.metadata.title = whole.metadata.title;
  return page;
}

// The page's document, compared field by field (and the fields it leaves out, empty) with the
// full parse's; both refuse the same data.
void expect_page_of_full_parse(const std::string& data) {
  SCOPED_TRACE(data);
  const auto whole = parse_document(data, /*with_text=*/true);
  const auto page = parse_page_document(data);
  ASSERT_EQ(page.has_value(), whole.has_value());
  if (!whole) return;
  const ArchivedDocument expected = page_fields_of(*whole);
  EXPECT_EQ(page->id, expected.id);
  EXPECT_EQ(page->paths, expected.paths);
  EXPECT_EQ(page->filename, expected.filename);
  EXPECT_EQ(page->format, expected.format);
  EXPECT_EQ(page->ocr, expected.ocr);
  EXPECT_EQ(page->text, expected.text);
  EXPECT_EQ(page->metadata.type, expected.metadata.type);
  EXPECT_EQ(page->metadata.type_code, expected.metadata.type_code);
  EXPECT_EQ(page->metadata.number, expected.metadata.number);
  EXPECT_EQ(page->metadata.issuer, expected.metadata.issuer);
  EXPECT_EQ(page->metadata.date, expected.metadata.date);
  EXPECT_EQ(page->metadata.title, expected.metadata.title);
  // Not read: left as a fresh document has them.
  EXPECT_TRUE(page->sha256.empty());
  EXPECT_EQ(page->size, 0u);
  EXPECT_TRUE(page->indexed_at.empty());
  EXPECT_TRUE(page->sidecar_sha256.empty());
  EXPECT_FALSE(page->metadata.number_key);
  EXPECT_FALSE(page->metadata.place);
  EXPECT_FALSE(page->metadata.signer);
  EXPECT_FALSE(page->metadata.signer_title);
  EXPECT_FALSE(page->metadata.signing_authority);
  EXPECT_TRUE(page->metadata.recipients.empty());
  EXPECT_TRUE(page->metadata.citations.empty());
  EXPECT_FALSE(page->metadata.effective);
  EXPECT_FALSE(page->metadata.expires);
}

ArchivedDocument recognised_decision() {
  ArchivedDocument document =
      testing::plan_document("15/QĐ-UBND", "Phê duyệt \"Đề án\" chuyển đổi số\ttỉnh Huế");
  document.id = "fedcba9876543210";
  document.sha256 = std::string(64, 'b');
  document.size = 123456;
  document.indexed_at = "2026-12-06T10:00:00Z";
  document.paths = {"quyet-dinh/15.pdf", "ban sao/15 (1).pdf"};
  document.filename = "15.pdf";
  document.format = "pdf";
  document.sidecar_sha256 = std::string(64, 'c');
  document.ocr = OcrNote{"tesseract 5.3.0", 4, 87};
  document.metadata.type = "Quyết định";
  document.metadata.type_code = "QĐ";
  document.metadata.issuer = "Ủy ban nhân dân tỉnh Thừa Thiên Huế";
  document.metadata.place = "Huế";
  document.metadata.date = "2026-03";  // the day left blank
  document.metadata.signer = "Nguyễn Văn A";
  document.metadata.recipients = {"Như Điều 3;", "Lưu: VT."};
  document.metadata.effective = analyzers::StatedDate{"2026-04-01", "có hiệu lực từ ngày ..."};
  document.text = "QUYẾT ĐỊNH\nPhê duyệt đề án \\ \"chuyển đổi số\"\n";
  return document;
}

TEST(PageDocument, the_stored_forms_give_the_full_parse_fields) {
  const ArchivedDocument document = recognised_decision();
  expect_page_of_full_parse(serialise_document(document));
  expect_page_of_full_parse(serialise_document(document, /*with_text=*/false));
  // The older form, the text inside the JSON.
  expect_page_of_full_parse(to_json(document, /*with_text=*/true).dump());
  ArchivedDocument bare;  // nothing found: nulls and empty lists
  bare.id = "0000000000000001";
  expect_page_of_full_parse(serialise_document(bare));

  const auto page = parse_page_document(serialise_document(document));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->metadata.title, document.metadata.title);
  EXPECT_EQ(page->paths, document.paths);
  EXPECT_EQ(page->ocr, document.ocr);
  EXPECT_EQ(page->text, document.text);
}

TEST(PageDocument, missing_fields_and_values_of_other_types_read_as_the_full_parse_reads_them) {
  const std::vector<std::string> heads = {
      R"({})",
      R"({"id":"x"})",
      R"({"title":null,"type":null,"date":"2026-01"})",
      // A text field holding another type: the full parse keeps its JSON text.
      R"({"title":5,"number":1.5,"issuer":true,"type":{"a":[1,2]},"date":["2026"]})",
      R"({"type_code":-3,"title":"a\"b\\c\u00e1\n\ud83d\ude00\/"})",
      // Fields the page skips, in forms the full parse accepts or refuses.
      R"({"id":"x","size":-1})",
      R"({"id":"x","size":1.5})",
      R"({"id":"x","size":"12"})",
      R"({"id":"x","sha256":5})",
      R"({"id":"x","indexed_at":null})",
      R"({"id":"x","sidecar_sha256":[]})",
      R"({"id":"x","recipients":"Lưu: VT."})",
      R"({"id":"x","recipients":["Lưu: VT.",3]})",
      R"({"id":"x","recipients":{"a":1}})",
      R"({"id":"x","citations":[1,"x",{"relations":5,"number":7}],"effective":"2020"})",
      R"({"id":"x","expires":{"date":3},"place":[1],"signer":{"x":null}})",
      // Read fields in forms the full parse refuses or converts.
      R"({"id":null})",
      R"({"id":5})",
      R"({"filename":["a"]})",
      R"({"format":{}})",
      R"({"text":7})",
      R"({"paths":"a.txt"})",
      R"({"paths":["a.txt",3]})",
      R"({"paths":["a.txt",["b"]]})",
      R"({"paths":[]})",
      R"({"paths":null})",
      // The OCR note: anything but an object is none; its fields' types.
      R"({"ocr":null})",
      R"({"ocr":[]})",
      R"({"ocr":"tesseract"})",
      R"({"ocr":{}})",
      R"({"ocr":{"engine":"t","pages":3,"confidence":91,"extra":{"engine":"no"}}})",
      R"({"ocr":{"engine":null}})",
      R"({"ocr":{"engine":5}})",
      R"({"ocr":{"pages":-1}})",
      R"({"ocr":{"pages":1.5}})",
      R"({"ocr":{"pages":5000000000}})",
      R"({"ocr":{"confidence":"91"}})",
      R"({"ocr":{"pages":[1]}})",
      // Repeated keys: the last one counts.
      R"({"title":"a","title":"b"})",
      R"({"title":"a","title":null})",
      R"({"paths":["a"],"paths":["b","c"]})",
      R"({"ocr":{"engine":"x"},"ocr":null})",
      R"({"ocr":null,"ocr":{"engine":"x","engine":"y","pages":2,"pages":4}})",
      R"({"text":"older","text":"newer"})",
      // Keys named like the page's inside other values are not the page's.
      R"({"x":{"title":"no","id":"no"},"id":"yes","y":[{"paths":["no"]}]})",
      R"({"citations":[{"title":"no","number":"no","type":"no"}],"title":"yes"})",
      R"({"effective":{"date":"2020-01-01","id":"no"},"ocr":{"engine":"a","x":{"engine":"b"}}})",
  };
  for (const std::string& head : heads) {
    expect_page_of_full_parse(head);
    expect_page_of_full_parse(head + std::string(1, '\0') + "văn bản\0 sau");
  }
}

TEST(PageDocument, damaged_data_is_refused_as_the_full_parse_refuses_it) {
  const std::vector<std::string> damaged = {
      "",
      R"({"id": )",
      R"([1])",
      R"(5)",
      R"("x")",
      R"(null)",
      R"({"id":"x"} trailing)",
      R"({"id":"x",})",
      R"({"id":"x" "title":"y"})",
      "{\"title\":\"\xC3\"}",   // invalid UTF-8 inside the JSON
      "{\"title\":\"a\x01\"}",  // a raw control character
      R"({"title":"\ud83d"})",  // half a surrogate pair
      R"({"x":[1,2,{"y":[}],"id":"x"})",
  };
  for (const std::string& head : damaged) {
    expect_page_of_full_parse(head);
    expect_page_of_full_parse(head + std::string(1, '\0') + "text");
    EXPECT_FALSE(parse_page_document(head)) << head;
  }
}

// Two page parses agree: both refuse, or give the same page fields.
void expect_same_page(const std::optional<ArchivedDocument>& page,
                      const std::optional<ArchivedDocument>& expected, const std::string& data) {
  SCOPED_TRACE(data);
  ASSERT_EQ(page.has_value(), expected.has_value());
  if (!expected) return;
  EXPECT_EQ(page->id, expected->id);
  EXPECT_EQ(page->paths, expected->paths);
  EXPECT_EQ(page->filename, expected->filename);
  EXPECT_EQ(page->format, expected->format);
  EXPECT_EQ(page->ocr, expected->ocr);
  EXPECT_EQ(page->text, expected->text);
  EXPECT_EQ(page->metadata.type, expected->metadata.type);
  EXPECT_EQ(page->metadata.type_code, expected->metadata.type_code);
  EXPECT_EQ(page->metadata.number, expected->metadata.number);
  EXPECT_EQ(page->metadata.issuer, expected->metadata.issuer);
  EXPECT_EQ(page->metadata.date, expected->metadata.date);
  EXPECT_EQ(page->metadata.title, expected->metadata.title);
}

// The stored JSON opens with the citations (to_json() writes the keys in order), which the page
// does not show: where they are plain JSON the parser is not given them. The same data opened
// by a space (JSON allows it) is parsed whole: both must give the same page, and refuse the
// same damage, wherever in the citations it is.
ArchivedDocument cited_decision() {
  ArchivedDocument document = recognised_decision();
  for (int i = 0; i < 4; ++i) {
    analyzers::Citation citation;
    citation.type = "Nghị định";
    citation.number = std::to_string(10 + i) + "/2020/NĐ-CP";
    citation.number_key = std::to_string(10 + i) + "/2020/nd-cp";
    citation.text = "Nghị định số " + *citation.number + " ngày 01/02/2020 \"về\" quản lý\tđầu tư";
    citation.issuer = i % 2 ? std::optional<std::string>("Chính phủ") : std::nullopt;
    citation.relations.push_back({"can_cu", std::nullopt, std::nullopt, "Căn cứ " + citation.text});
    document.metadata.citations.push_back(citation);
  }
  return document;
}

TEST(PageDocument, the_citations_skipped_unread_give_the_page_of_the_whole_parse) {
  const std::string data = serialise_document(cited_decision());
  ASSERT_EQ(data.rfind("{\"citations\":[{", 0), 0u);
  expect_page_of_full_parse(data);
  expect_same_page(parse_page_document(data), parse_page_document(" " + data), data);
  // Citations in forms the quick skip leaves to the parser (numbers, \u escapes), or that are
  // not JSON at all, and forms it takes.
  const std::vector<std::string> citations = {
      R"([])",
      R"({})",
      R"(null)",
      R"(true)",
      R"("x")",
      R"([1,2.5,-3e4])",
      R"(["\u00e1\ud83d\ude00"])",
      R"(["\ud83d"])",
      R"([{"a":[[],{},null,true,false,"\"\\\/\b\f\n\r\t"]}])",
      " [ { \"a\" : [ null , \"b\" ] } ] ",
      R"([,])",
      R"([1,])",
      R"(["a",])",
      R"({"a":"b",})",
      R"({"a"})",
      R"({"a":})",
      R"({"a" "b"})",
      R"({1:2})",
      R"([nul])",
      R"([tru])",
      R"([fals])",
      R"([nulll])",
      R"([}])",
      R"({]})",
      R"([[])",
      R"(])",
      R"("\x")",
      "\"a\x01\"",
      "\"\xC3\"",
      "\"\xC3\xA1\"",
      "\"\xE1\xBA\xA1\"",
      "\"\xE0\x80\x80\"",  // overlong
      "\"\xED\xA0\x80\"",  // a surrogate
      "\"\xF0\x9F\x98\x80\"",
      "\"\xF4\x90\x80\x80\"",  // past U+10FFFF
      "\"\xF5\x80\x80\x80\"",
      "\"\xC0\xAF\"",
      "\"\x80\"",
      "\"\x7F\"",
      "\"unterminated",
      "",
  };
  for (const std::string& value : citations) {
    for (const std::string& rest : {std::string(R"(,"id":"x","title":"t"})"), std::string("}"),
                                    std::string(R"(,"id":"x")"), std::string(R"( , "id" : 5})")}) {
      const std::string head = "{\"citations\":" + value + rest;
      for (const std::string& stored : {head, head + std::string(1, '\0') + "văn bản"})
        expect_same_page(parse_page_document(stored), parse_page_document(" " + stored), stored);
    }
  }
  // Every byte of the stored data replaced, in turn, by bytes that make or break JSON.
  const std::string breakers = std::string("\"\\{}[],: 1nu") + '\x01' + '\xC3' + '\xA1' + '\xE1' +
                               '\xED' + '\xF0' + '\x80' + '\xFF';
  const std::size_t head_size = data.find('\0');
  std::size_t refused = 0;
  for (std::size_t at = 0; at < head_size; at += 3) {
    for (const char breaker : breakers) {
      std::string damaged = data;
      damaged[at] = breaker;
      const auto page = parse_page_document(damaged);
      expect_same_page(page, parse_page_document(" " + damaged), damaged);
      refused += page ? 0 : 1;
    }
    expect_same_page(parse_page_document(data.substr(0, at)),
                     parse_page_document(" " + data.substr(0, at)), data.substr(0, at));
  }
  EXPECT_GT(refused, head_size);  // the damage was seen, not only skipped
}

}  // namespace
}  // namespace vanban::archive
