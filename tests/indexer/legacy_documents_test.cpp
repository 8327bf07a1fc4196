// Documents typed in the legacy Vietnamese fonts read like their Unicode text: a TCVN3 .txt, a
// DOCX whose runs are in VNI-Times or .VnTime (the font named by the run or by its style), an
// HTML page with <font face> or font-family; and `vanban extract` finds the same metadata.
#include <array>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "vanban/analyzers/tokenizer.hpp"
#include "vanban/indexer/reader.hpp"

#include "indexer_fixtures.hpp"
#include "legacy_encoder.hpp"
#include "stored_zip.hpp"
#include "test_support.hpp"

namespace vanban::indexer {
namespace {

using testing::as_windows_1252_text;
using testing::encode_tcvn3;
using testing::encode_vni;

// A plan as an office writes it. TCVN3 can say all of it: capitals with a tone only in lines of
// capitals (a mixed-case "Ủy" needs the capitals font for one letter, which a .txt loses).
const std::vector<std::string> kPlanLines = {
    "ỦY BAN NHÂN DÂN",
    "THÀNH PHỐ HUẾ",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 32/KH-UBND",
    "Huế, ngày 31 tháng 01 năm 2026",
    "KẾ HOẠCH",
    "Thực hiện công tác dân vận chính quyền năm 2026",
    "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng "
    "cường công tác dân vận, UBND thành phố ban hành Kế hoạch thực hiện như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Nâng cao chất lượng, hiệu quả công tác dân vận của các cơ quan hành chính nhà nước; "
    "người đứng đầu phải gương mẫu, khuyến khích nhân dân tham gia giám sát.",
    "Nơi nhận:",
    "- Ban Thường vụ Thành ủy;",
    "- Lưu: VT.",
    "TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Trần Hữu Thùy Giang",
};

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines)
    text += line + "\n";
  return text;
}

std::string read_text(const std::string& name, const std::string& bytes) {
  auto read = read_document(name, bytes);
  EXPECT_TRUE(read.ok()) << name << ": " << (read.ok() ? "" : read.error().message);
  return read.ok() ? read->text : std::string();
}

std::vector<std::string> tokens(std::string_view text) {
  std::vector<std::string> out;
  for (const analyzers::Token& token : analyzers::thread_analyzer().analyze(text))
    out.emplace_back(token.text);
  return out;
}

std::string xml_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
  }
  return out;
}

// A run: its font ("" = none named, the style's applies) and its text as stored in the XML.
struct Run {
  std::string font;
  std::string text;
};
struct Paragraph {
  std::string style;  // "" = the default paragraph style
  std::vector<Run> runs;
};

constexpr const char* kWordNamespace =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string fonts_element(const std::string& font) {
  return "<w:rFonts w:ascii=\"" + font + "\" w:hAnsi=\"" + font + "\" w:cs=\"" + font + "\"/>";
}

// Styles: defaults in Times New Roman; the default paragraph style "Normal" in `normal_font`;
// "Title" based on Normal; "Header" in `header_font`.
std::string styles_xml(const std::string& normal_font, const std::string& header_font) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:styles ") +
         kWordNamespace + "><w:docDefaults><w:rPrDefault><w:rPr>" +
         fonts_element("Times New Roman") +
         "</w:rPr></w:rPrDefault></w:docDefaults>"
         "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
         "w:val=\"Normal\"/><w:rPr>" +
         fonts_element(normal_font) +
         "</w:rPr></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:basedOn w:val=\"Normal\"/></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:rPr>" +
         fonts_element(header_font) + "</w:rPr></w:style></w:styles>";
}

std::string docx(const std::vector<Paragraph>& paragraphs, const std::string& styles) {
  std::string body;
  for (const Paragraph& paragraph : paragraphs) {
    body += "<w:p>";
    if (!paragraph.style.empty())
      body += "<w:pPr><w:pStyle w:val=\"" + paragraph.style + "\"/></w:pPr>";
    for (const Run& run : paragraph.runs) {
      body += "<w:r>";
      if (!run.font.empty()) body += "<w:rPr>" + fonts_element(run.font) + "</w:rPr>";
      // A soft hyphen (TCVN3's ư) is an element of its own, as Word and LibreOffice write it.
      std::string text = xml_escaped(run.text);
      for (std::size_t at; (at = text.find("\xC2\xAD")) != std::string::npos;)
        text.replace(at, 2, "</w:t><w:softHyphen/><w:t xml:space=\"preserve\">");
      body += "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
    }
    body += "</w:p>";
  }
  const std::string document =
      std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document ") +
      kWordNamespace + "><w:body>" + body + "</w:body></w:document>";
  return testing::stored_zip({{"word/document.xml", document}, {"word/styles.xml", styles}});
}

// What Word stores for text typed in a VNI font: the VNI bytes read as Windows-1252.
std::string vni_mojibake(const std::string& text) {
  return as_windows_1252_text(encode_vni(text));
}
std::string tcvn3_mojibake(const std::string& text) {
  return as_windows_1252_text(encode_tcvn3(text));
}

// The plan in VNI-Times: header runs name the font, the title takes it from its style (based on
// Normal), the body from the default paragraph style; one body paragraph is split into runs in
// the middle of a letter (between "e" and its mark), as Word's revision marks do; "Nơi nhận:"
// was retyped later in Times New Roman Unicode.
std::vector<Paragraph> vni_plan() {
  std::vector<Paragraph> paragraphs;
  for (std::size_t i = 0; i < kPlanLines.size(); ++i) {
    const std::string& line = kPlanLines[i];
    Paragraph paragraph;
    if (i < 6) {
      paragraph.runs.push_back({"VNI-Times", vni_mojibake(line)});
    } else if (i == 6) {
      paragraph.style = "Title";
      paragraph.runs.push_back({"", vni_mojibake(line)});
    } else if (line == "Nơi nhận:") {
      paragraph.runs.push_back({"Times New Roman", line});
    } else {
      const std::string stored = vni_mojibake(line);
      const auto split = stored.find("ie");  // ASCII: a character boundary
      if (split == std::string::npos) {
        paragraph.runs.push_back({"", stored});
      } else {
        paragraph.runs.push_back({"", stored.substr(0, split + 2)});
        paragraph.runs.push_back({"", stored.substr(split + 2)});
      }
    }
    paragraphs.push_back(std::move(paragraph));
  }
  return paragraphs;
}

TEST(LegacyDocuments, tcvn3_txt_gives_the_tokens_of_its_unicode_text) {
  const std::string unicode = joined(kPlanLines);
  const std::string from_tcvn3 = read_text("ke-hoach.txt", encode_tcvn3(unicode));
  EXPECT_EQ(from_tcvn3, read_text("ke-hoach.txt", unicode));
  EXPECT_EQ(tokens(from_tcvn3), tokens(read_text("ke-hoach.txt", unicode)));
}

TEST(LegacyDocuments, vni_docx_gives_the_tokens_of_its_unicode_text) {
  const std::string unicode = read_text("ke-hoach.txt", joined(kPlanLines));
  const std::string from_docx =
      read_text("ke-hoach.docx", docx(vni_plan(), styles_xml("VNI-Times", "VNI-Times")));
  EXPECT_EQ(from_docx, unicode);
  EXPECT_EQ(tokens(from_docx), tokens(unicode));
}

TEST(LegacyDocuments, docx_in_tcvn3_with_a_capitals_font_header) {
  // The header typed in small letters in .VnTimeH (shown as capitals), the rest in .VnTime by
  // the default style, one line in Unicode.
  std::vector<Paragraph> paragraphs = {
      {"Header", {{"", tcvn3_mojibake("ủy ban nhân dân")}}},
      {"Header", {{"", tcvn3_mojibake("thành phố huế")}}},
      {"", {{"", tcvn3_mojibake("Độc lập - Tự do - Hạnh phúc")}}},
      {"", {{".VnTimeH", tcvn3_mojibake("kế hoạch")}}},
      {"", {{"Times New Roman", "Nơi nhận:"}}},
      {"", {{"", tcvn3_mojibake("Trường Đại học Sư phạm")}}},
  };
  EXPECT_EQ(read_text("ke-hoach.docx", docx(paragraphs, styles_xml(".VnTime", ".VnTimeH"))),
            "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nĐộc lập - Tự do - Hạnh phúc\nKẾ HOẠCH\nNơi nhận:\n"
            "Trường Đại học Sư phạm");
}

TEST(LegacyDocuments, docx_soft_hyphens_outside_tcvn3_runs_are_dropped) {
  const std::vector<Paragraph> paragraphs = {
      {"", {{"", "phân\u00ADcấp, hy\u00ADphen"}}},
      {"", {{"VNI-Times", vni_mojibake("Tiếng") + "\u00AD" + vni_mojibake("Việt")}}},
  };
  EXPECT_EQ(read_text("a.docx", docx(paragraphs, styles_xml("Times New Roman", "Arial"))),
            "phâncấp, hyphen\nTiếngViệt");
}

TEST(LegacyDocuments, docx_unicode_text_in_a_unicode_font_is_untouched) {
  std::vector<Paragraph> paragraphs;
  for (const std::string& line : kPlanLines)
    paragraphs.push_back({"", {{"", line}}});
  const std::string unicode = read_text("ke-hoach.txt", joined(kPlanLines));
  EXPECT_EQ(read_text("ke-hoach.docx",
                      docx(paragraphs, styles_xml("Times New Roman", "Times New Roman"))),
            unicode);
}

TEST(LegacyDocuments, docx_mojibake_whose_font_was_changed_is_detected) {
  // Someone set the whole VNI document in Times New Roman: no legacy font names it any more.
  std::vector<Paragraph> paragraphs;
  for (const std::string& line : kPlanLines)
    paragraphs.push_back({"", {{"Times New Roman", vni_mojibake(line)}}});
  EXPECT_EQ(read_text("ke-hoach.docx",
                      docx(paragraphs, styles_xml("Times New Roman", "Times New Roman"))),
            read_text("ke-hoach.txt", joined(kPlanLines)));
}

TEST(LegacyDocuments, html_fonts_say_which_text_is_legacy) {
  const std::string page =
      "<html><head><meta charset=\"utf-8\"></head><body>"
      "<p><font face=\"VNI-Times\">" +
      vni_mojibake("Kế hoạch thực hiện công tác dân vận") +
      "</font></p>"
      "<p style=\"font-family: '.VnTime', serif\">" +
      tcvn3_mojibake("Độc lập - Tự do - Hạnh phúc") + "</p><p style=\"font-family:.VnTimeH\">" +
      tcvn3_mojibake("kế hoạch") + "</p><p>Tiếng Việt, café</p></body></html>";
  EXPECT_EQ(read_text("ke-hoach.html", page),
            "Kế hoạch thực hiện công tác dân vận\nĐộc lập - Tự do - Hạnh phúc\nKẾ HOẠCH\n"
            "Tiếng Việt, café");
}

TEST(LegacyDocuments, html_page_in_windows_1252_with_vni_fonts) {
  // The 2000s way: the page declares windows-1252, the text is in VNI-Times.
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
      "</head><body><p><font face=\"VNI-Times\">" +
      encode_vni(joined(kPlanLines)) + "</font></p></body></html>";
  EXPECT_EQ(tokens(read_text("ke-hoach.html", page)),
            tokens(read_text("ke-hoach.txt", joined(kPlanLines))));
}

TEST(LegacyDocuments, html_mojibake_without_a_font_is_detected) {
  const std::string page =
      "<html><body><p>" + vni_mojibake(joined(kPlanLines)) + "</p></body></html>";
  EXPECT_EQ(tokens(read_text("ke-hoach.html", page)),
            tokens(read_text("ke-hoach.txt", joined(kPlanLines))));
}

// ---- vanban extract -----------------------------------------------------------------------

nlohmann::json extract(const std::filesystem::path& file) {
  const std::string command =
      testing::vanban_binary().string() + " extract '" + file.string() + "' 2>/dev/null";
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return nullptr;
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;)
    out.append(buffer.data(), n);
  const int status = pclose(pipe);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << out;
  const auto json = nlohmann::json::parse(out, nullptr, false);
  return json.is_array() && json.size() == 1 ? json[0] : nlohmann::json();
}

std::string lower(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toLower(icu::Locale("vi"))
      .toUTF8String(out);
  return out;
}

// `ignore_case`: for TCVN3 text whose capitals inside sentences were lost.
void expect_same_metadata(const nlohmann::json& actual, const nlohmann::json& expected,
                          bool ignore_case = false) {
  ASSERT_TRUE(actual.is_object());
  for (const char* field : {"type", "number", "issuer", "place", "date", "title", "signer",
                            "signer_title", "recipients", "citations"}) {
    if (ignore_case) {
      EXPECT_EQ(lower(actual[field].dump()), lower(expected[field].dump())) << field;
    } else {
      EXPECT_EQ(actual[field], expected[field]) << field;
    }
  }
}

TEST(LegacyDocuments, committed_legacy_fixtures_read_like_their_unicode_source) {
  // fixtures/make_fixtures.sh: a TCVN3 .txt; windows-1252 pages in VNI-Times and in .VnTime
  // with .VnTimeH for capitals, and the DOCX LibreOffice Writer made of each page (w:rFonts on
  // every run, TCVN3's ư as <w:softHyphen/>).
  const std::string source =
      read_text("source.txt", testing::fixture("source/ke-hoach-legacy.txt"));
  // And the same pages saved by Writer as ODT (fonts named by styles), Word 97 .doc and RTF
  // (read through LibreOffice's DOCX, which keeps the fonts).
  constexpr std::array<const char*, 9> kExact = {
      "ke-hoach-vni.docx",   "ke-hoach-vni.html",  "ke-hoach-tcvn3.docx",
      "ke-hoach-tcvn3.html", "ke-hoach-vni.odt",   "ke-hoach-tcvn3.odt",
      "ke-hoach-vni.doc",    "ke-hoach-tcvn3.doc", "ke-hoach-tcvn3.rtf"};
  for (const char* name : kExact) {
    SCOPED_TRACE(name);
    EXPECT_EQ(tokens(read_text(name, testing::fixture(name))), tokens(source));
  }
  // TCVN3 says "Ủy" in a sentence only through a capitals font, which a .txt has lost.
  EXPECT_EQ(lower(read_text("ke-hoach-tcvn3.txt", testing::fixture("ke-hoach-tcvn3.txt"))),
            lower(source));
  const nlohmann::json expected = extract(testing::fixture_path("source/ke-hoach-legacy.txt"));
  EXPECT_EQ(expected["signer"], "Nguyễn Văn Ất");
  for (const char* name : kExact) {
    SCOPED_TRACE(name);
    expect_same_metadata(extract(testing::fixture_path(name)), expected);
  }
  const nlohmann::json tcvn3 = extract(testing::fixture_path("ke-hoach-tcvn3.txt"));
  expect_same_metadata(tcvn3, expected, true);
  EXPECT_EQ(tcvn3["issuer"], expected["issuer"]);  // from the header, in capitals
  EXPECT_EQ(tcvn3["signer"], expected["signer"]);  // a Title Case line
}

TEST(LegacyDocuments, extract_finds_the_same_metadata_in_legacy_files) {
  testing::TempDir dir;
  testing::write_file(dir / "unicode.txt", joined(kPlanLines));
  testing::write_file(dir / "tcvn3.txt", encode_tcvn3(joined(kPlanLines)));
  testing::write_file(dir / "vni.docx", docx(vni_plan(), styles_xml("VNI-Times", "VNI-Times")));
  const nlohmann::json expected = extract(dir / "unicode.txt");
  ASSERT_TRUE(expected.is_object());
  EXPECT_EQ(expected["type"], "Kế hoạch");
  EXPECT_EQ(expected["number"], "32/KH-UBND");
  EXPECT_EQ(expected["issuer"], "Ủy ban nhân dân thành phố Huế");
  EXPECT_EQ(expected["date"], "2026-01-31");
  EXPECT_EQ(expected["signer"], "Trần Hữu Thùy Giang");
  for (const char* name : {"tcvn3.txt", "vni.docx"}) {
    SCOPED_TRACE(name);
    expect_same_metadata(extract(dir / name), expected);
  }
}

}  // namespace
}  // namespace vanban::indexer
