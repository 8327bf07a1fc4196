// A draft's blanks in a PDF's text layer (issue 11, the PDF text layers of local and Party
// documents): a draft or a congress print leaves the day (and the month) of ô 4 blank to fill in
// when it is signed, and `pdftotext` breaks the place and date line at each blank, with empty
// lines between ("Thanh Hóa, ngày" / "" / "tháng 6 năm 2026"). The date is what the line gives
// (the month, or the year), the place the words before "ngày", whatever the breaks; "ngày"
// glued to its day by a converter ("ngày12") is still the day word.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "layout_renderer.hpp"

namespace vanban::analyzers {
namespace {

struct Draft {
  std::string place_date;  // as the document prints it, blanks included
  std::string place;
  std::string date;
};

std::vector<Draft> drafts() {
  return {
      {"Thanh Hóa, ngày      tháng 6 năm 2026", "Thanh Hóa", "2026-06"},
      {"Hậu Giang, ngày      tháng      năm 2024", "Hậu Giang", "2024"},
      {"Hà Nội, ngày      tháng 11 năm 2025", "Hà Nội", "2025-11"},
  };
}

std::string document(const std::string& place_date) {
  return "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\nSố: 15/QĐ-UBND\n" +
         place_date +
         "\n\nQUYẾT ĐỊNH\nVề việc công bố danh mục thủ tục hành chính\n\n"
         "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;\nQuyết định:\n"
         "Điều 1. Công bố kèm theo Quyết định này.\n\nNơi nhận:\n- Như Điều 1;\n- Lưu: VT.\n\n"
         "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Lương\n";
}

// The PDF text layer's form: the line broken at each blank, an empty line between the pieces.
std::string broken_at_blanks(std::string text, const std::string& place_date) {
  std::string broken;
  std::size_t start = 0;
  while (start < place_date.size()) {
    std::size_t blank = place_date.find("      ", start);
    if (blank == std::string::npos) blank = place_date.size();
    if (!broken.empty()) broken += "\n\n";
    broken += place_date.substr(start, blank - start);
    start = blank;
    while (start < place_date.size() && place_date[start] == ' ')
      ++start;
  }
  const std::size_t at = text.find(place_date);
  if (at != std::string::npos) text.replace(at, place_date.size(), broken);
  return text;
}

TEST(DraftBlanks, a_place_and_date_broken_at_its_blanks_is_read_whole) {
  for (const Draft& draft : drafts()) {
    const std::string text = broken_at_blanks(document(draft.place_date), draft.place_date);
    const DocumentMetadata metadata = extract_metadata(text);
    EXPECT_EQ(metadata.place, draft.place) << text;
    EXPECT_EQ(metadata.date, draft.date) << text;
    EXPECT_EQ(metadata.number, "15/QĐ-UBND") << text;
  }
}

TEST(DraftBlanks, only_the_date_words_after_the_blank_join_it) {
  // What follows the empty line is no part of the date: nothing is invented.
  const std::string text =
      "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 15/QĐ-UBND\nLai Châu, ngày\n\nQUYẾT ĐỊNH\n"
      "Về việc công bố danh mục thủ tục hành chính năm 2025\n";
  const DocumentMetadata metadata = extract_metadata(text);
  EXPECT_FALSE(metadata.date.has_value()) << text;
}

TEST(DraftBlanks, the_day_word_glued_to_its_day) {
  const std::string text = document("Tuần Giáo, ngày12 tháng 11 năm 2020");
  const DocumentMetadata metadata = extract_metadata(text);
  EXPECT_EQ(metadata.place, "Tuần Giáo") << text;
  EXPECT_EQ(metadata.date, "2020-11-12") << text;
}

TEST(DraftBlanks, every_layout_family_gives_the_same_place_and_date) {
  for (const Draft& draft : drafts()) {
    const testing::DocumentParts parts =
        testing::read_parts(document(draft.place_date), "Lê Văn Lương");
    for (const testing::Layout layout : testing::kTextLayouts) {
      const std::string rendered = testing::render(parts, layout);
      for (const std::string& text : {rendered, broken_at_blanks(rendered, draft.place_date)}) {
        const DocumentMetadata metadata = extract_metadata(text);
        EXPECT_EQ(metadata.place, draft.place) << testing::layout_name(layout) << "\n" << text;
        EXPECT_EQ(metadata.date, draft.date) << testing::layout_name(layout) << "\n" << text;
      }
    }
  }
}

}  // namespace
}  // namespace vanban::analyzers
