// A converter's markup is not text: a document written out as Markdown (pandoc's from a Word
// file, a portal's scraper) reads, stores and shows as the same words without its escapes,
// strong and emphasis marks and table borders; a text typed by hand keeps its asterisks,
// backslashes and rules.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/reading_text.hpp"

namespace vanban::analyzers {
namespace {

std::size_t count_kind(const ReadingText& reading, Furniture kind) {
  std::size_t count = 0;
  for (const RemovedLine& line : reading.removed)
    count += line.kind == kind ? 1 : 0;
  return count;
}

// The same made-up resolution as pandoc writes a Word file's: a multiline header table, escaped
// rules and numbers, strong and emphasised words, hard breaks.
constexpr std::string_view kPandocMarkdown =
    "  --------------------- -------------------------------------\n"
    "    **HỘI ĐỒNG NHÂN DÂN\\         **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\\n"
    "      TỈNH BẮC KẠN\\                Độc lập - Tự do - Hạnh phúc\\\n"
    "     \\-\\-\\-\\-\\-\\--**           \\-\\-\\-\\-\\-\\-\\-\\-\\-\\--**\n"
    "\n"
    "   Số: 12/NQ-HĐND          *Bắc Kạn, ngày 10 tháng 7 năm 2025*\n"
    "  --------------------- -------------------------------------\n"
    "\n"
    "**\u00A0**\n"
    "\n"
    "**NGHỊ QUYẾT**\n"
    "\n"
    "*Căn cứ* *Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*\n"
    "\n"
    "**QUYẾT NGHỊ:**\n"
    "\n"
    "1\\. Thông qua danh mục tại Phụ lục (\\*) kèm theo.\n";

constexpr std::string_view kPlain =
    "HỘI ĐỒNG NHÂN DÂN\n"
    "TỈNH BẮC KẠN\n"
    "-------\n"
    "Số: 12/NQ-HĐND\n"
    "\n"
    "NGHỊ QUYẾT\n"
    "\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
    "\n"
    "QUYẾT NGHỊ:\n"
    "\n"
    "1. Thông qua danh mục tại Phụ lục (*) kèm theo.\n";

TEST(ConverterMarkup, pandoc_markdown_reads_without_its_marks) {
  const ReadingText reading = reading_text(kPandocMarkdown);
  EXPECT_EQ(reading.text.find('\\'), std::string::npos) << reading.text;
  EXPECT_EQ(reading.text.find("**"), std::string::npos) << reading.text;
  EXPECT_NE(reading.text.find("\n\nNGHỊ QUYẾT\n"), std::string::npos)
      << "a strong no-break space is a blank line: " << reading.text;
  EXPECT_NE(reading.text.find("\nCăn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"),
            std::string::npos)
      << reading.text;
  EXPECT_NE(reading.text.find("\n1. Thông qua danh mục tại Phụ lục (*) kèm theo.\n"),
            std::string::npos)
      << "an escaped asterisk is the text's own: " << reading.text;
  EXPECT_NE(reading.text.find("Bắc Kạn, ngày 10 tháng 7 năm 2025\n"), std::string::npos)
      << reading.text;
  EXPECT_NE(reading.text.find("-------"), std::string::npos)
      << "an escaped rule under a header cell stays: " << reading.text;
  EXPECT_EQ(count_kind(reading, Furniture::table_border), 2u);
}

TEST(ConverterMarkup, a_table_border_ends_a_paragraph) {
  const ReadingText reading = reading_text(
      "**Điều 1.** Ban hành kèm theo Nghị quyết này danh mục các dự án\\\n"
      "-------------------------------------------\n"
      "  Tên dự án            Địa điểm\n"
      "-------------------------------------------\n"
      "\n"
      "1\\. Dự án A\\; 2\\. Dự án B\n");
  EXPECT_NE(reading.text.find("dự án\n\nTên dự án"), std::string::npos) << reading.text;
}

TEST(ConverterMarkup, grid_and_pipe_borders_go_from_any_text) {
  const ReadingText reading = reading_text(
      "+----------------+------------------+\n"
      "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI |\n"
      "+================+==================+\n"
      "|\n"
      "| Số: 5/KH-UBND | Huế, ngày 2 tháng 3 năm 2024 |\n"
      "|:---|---:|\n");
  EXPECT_EQ(count_kind(reading, Furniture::table_border), 4u);
  EXPECT_NE(reading.text.find("| Số: 5/KH-UBND |"), std::string::npos) << reading.text;
}

TEST(ConverterMarkup, typed_text_keeps_its_asterisks_backslashes_and_rules) {
  const ReadingText reading = reading_text(
      "Ghi chú: (*) số liệu ước tính; (**) số liệu sơ bộ.\n"
      "Tệp lưu tại C:\\VanBan\\2024.\n"
      "-------\n"
      "---------------- ----------------\n");
  EXPECT_NE(reading.text.find("(*) số liệu ước tính; (**) số liệu sơ bộ."), std::string::npos);
  EXPECT_NE(reading.text.find("C:\\VanBan\\2024."), std::string::npos);
  EXPECT_NE(reading.text.find("---------------- ----------------"), std::string::npos)
      << "two rules side by side are a typed header's, not a converter's table";
  EXPECT_EQ(count_kind(reading, Furniture::table_border), 0u);
}

TEST(ConverterMarkup, markdown_and_plain_renderings_read_the_same_words) {
  const auto words = [](std::string_view text) {
    std::string kept;
    for (char c : reading_text(text).text)
      if (c != '\n' && c != ' ' && c != '-') kept.push_back(c);
    return kept;
  };
  const std::string markdown = words(kPandocMarkdown);
  // The plain rendering lacks the State's name and the place; every word it has, the Markdown
  // one reads the same and in the same order.
  for (std::string_view piece : {"NGHỊQUYẾT", "CăncứLuậtTổchứcchínhquyềnđịaphươngsố72/2025/QH15;",
                                 "QUYẾTNGHỊ:", "1.ThôngquadanhmụctạiPhụlục(*)kèmtheo."})
    EXPECT_NE(markdown.find(piece), std::string::npos) << piece << " in " << markdown;
  EXPECT_NE(words(kPlain).find("QUYẾTNGHỊ:1.ThôngquadanhmụctạiPhụlục(*)kèmtheo."),
            std::string::npos);
}

}  // namespace
}  // namespace vanban::analyzers
