// Citations in a PDF's text layer (issue 11, family wrapped-pdf-lines): hyphens the layer lost
// inside a code, and lines hard-wrapped at the page's width. The instruments cited are the same
// as in the text set in paragraphs.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

std::vector<std::string> citation_keys_of(const std::string& text) {
  std::vector<std::string> keys;
  for (const Citation& citation : extract_metadata(text).citations)
    keys.push_back(citation.number_key.value_or(""));
  std::sort(keys.begin(), keys.end());
  return keys;
}

// The same body as paragraphs and as a PDF's lines, wrapped at about 70 characters.
std::vector<std::string> renderings(const std::string& paragraphs) {
  std::string wrapped;
  std::size_t column = 0;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const char c = paragraphs[i];
    if (c == '\n') column = 0;
    if (c == ' ' && column >= 70) {
      wrapped += '\n';
      column = 0;
      continue;
    }
    wrapped += c;
    ++column;
  }
  return {paragraphs, wrapped};
}

TEST(PdfTextCitations, a_code_that_lost_its_hyphen_is_the_instrument_cited_whole) {
  const std::string body =
      "Ngày 08/10/2024, Chính phủ ban hành Nghị định số 126/2024/NĐ-CP quy định về tổ chức, hoạt "
      "động và quản lý hội. Thực hiện Công văn số 2769/UBND-NCKSTTHC ngày 24/7/2024 của UBND "
      "tỉnh, Sở Nội vụ đã hướng dẫn 16 hội theo Công văn số 2769/UBNDNCKSTTHC. Đối chiếu với "
      "khoản 2 Điều 30 Nghị định số 126/2024/NĐCP thì việc giải thể các hội là đúng quy định.\n";
  for (const std::string& text : renderings(body))
    EXPECT_EQ(citation_keys_of(text),
              (std::vector<std::string>{"126/2024/nd-cp", "2769/ubnd-nckstthc"}))
        << text;
  // Two instruments whose codes differ in more than a hyphen stay two.
  EXPECT_EQ(
      citation_keys_of("theo Công văn số 12/UBND-VP và Công văn số 12/UBNDVPX ngày 3/4/2024."),
      (std::vector<std::string>{"12/ubnd-vp", "12/ubndvpx"}));
  // A hyphen-less code with another date is another document.
  EXPECT_EQ(citation_keys_of("Công văn số 12/UBND-VP ngày 01/3/2024 và Công văn số 12/UBNDVP ngày "
                             "05/6/2025."),
            (std::vector<std::string>{"12/ubnd-vp", "12/ubndvp"}));
}

TEST(PdfTextCitations, numbers_listed_after_a_plural_type_are_each_cited) {
  const std::string body =
      "Căn cứ các Nghị định của Chính phủ: số 178/2025/NĐ-CP ngày 01/7/2025 quy định chi tiết một "
      "số điều của Luật Quy hoạch đô thị và nông thôn; số 175/2024/NĐ-CP ngày 30/12/2024 quy định "
      "chi tiết một số điều của Luật Xây dựng;\n";
  for (const std::string& text : renderings(body)) {
    int decrees = 0;
    for (const Citation& citation : extract_metadata(text).citations) {
      if (citation.number_key != "178/2025/nd-cp" && citation.number_key != "175/2024/nd-cp")
        continue;
      ++decrees;
      EXPECT_EQ(citation.type, "Nghị định") << text;
      EXPECT_EQ(citation.issuer, "Chính phủ") << text;
      EXPECT_EQ(citation.date,
                citation.number_key == "178/2025/nd-cp" ? "2025-07-01" : "2024-12-30")
          << text;
    }
    EXPECT_EQ(decrees, 2) << text;
  }
  // Without "của" and a body's name before the colon, a plural type is no list of numbers.
  EXPECT_EQ(
      citation_keys_of("Các Nghị định quy định chi tiết: thời hạn 15 ngày, số lượng 20 hồ sơ."),
      std::vector<std::string>{});
}

}  // namespace
}  // namespace vanban::analyzers
