// Typo suggestions from Xapian's spelling table (archive/src/spelling.hpp): a word of the box no
// document holds is offered the archive's nearest word, as the archive spells it, only where all
// the words find few documents; the writer keeps the table's counts per document.
#include <gtest/gtest.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/writer.hpp"

#include "search_fixtures.hpp"
#include "spelling.hpp"

namespace vanban::testing {
namespace {

SearchArchive plans() {
  return SearchArchive{
      {.name = "cds", .title = "Kế hoạch chuyển đổi số", .body = "Chuyển đổi số ở cơ sở."},
      {.name = "cds-2", .title = "Chuyển đổi số năm 2026", .body = "Hạ tầng chuyển đổi số."},
      {.name = "story", .title = "Câu chuyện văn hóa", .body = "Kể chuyện ở nhà văn hóa."},
      {.name = "thue", .title = "Quản lý thuế", .body = "Thu thuế thu nhập cá nhân."},
  };
}

std::vector<std::pair<std::string, std::string>> corrections(const archive::SearchResponse& r) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& correction : r.corrections)
    out.emplace_back(correction.typed, correction.suggested);
  return out;
}

TEST(SearchSpelling, a_word_no_document_holds_is_offered_the_archives_nearest_word) {
  SearchArchive archive = plans();
  // Typed without diacritics: the correction as the archive writes it most, the other words
  // restored as ever.
  const auto unaccented = archive.search("chuyn doi so");
  EXPECT_EQ(corrections(unaccented),
            (std::vector<std::pair<std::string, std::string>>{{"chuyn", "chuyển"}}));
  EXPECT_EQ(unaccented.suggestion, "chuyển đổi số");
  // Typed with diacritics: the spelling nearest to the marks typed ("chuyển", not "chuyện").
  const auto accented = archive.search("chuyểm đổi số");
  EXPECT_EQ(corrections(accented),
            (std::vector<std::pair<std::string, std::string>>{{"chuyểm", "chuyển"}}));
  EXPECT_EQ(accented.suggestion, "chuyển đổi số");
  // The correction is only offered: the search is the box's own.
  EXPECT_EQ(archive.names(accented).front(), archive.names(archive.search("đổi số")).front());
}

TEST(SearchSpelling, words_the_archive_holds_and_short_words_are_never_corrected) {
  SearchArchive archive = plans();
  // "chuyện" is in one document, "chuyển" in two: a word the archive holds is what was meant.
  EXPECT_TRUE(archive.search("câu chuyện").corrections.empty());
  EXPECT_EQ(archive.search("câu chuyện").suggestion, "");
  // Two letters allow no edit ("xy" is nothing near "số").
  EXPECT_TRUE(archive.search("xy").corrections.empty());
  // Beyond the edits a word's length allows: nothing offered.
  EXPECT_TRUE(archive.search("xyzxyz").corrections.empty());
}

TEST(SearchSpelling, off_where_the_words_find_plenty) {
  SearchArchive archive = plans();
  // Other topics, so that "chuyển đổi số" are in fewer than half of the documents (required).
  archive.add({{.name = "fire", .title = "Phòng cháy rừng", .body = "Kiểm tra định kỳ."},
               {.name = "flood", .title = "Phòng chống lụt bão", .body = "Ứng phó thiên tai."},
               {.name = "health", .title = "Tiêm chủng mở rộng", .body = "Trạm y tế xã."},
               {.name = "school", .title = "Khai giảng năm học", .body = "Trường tiểu học."}});
  ASSERT_TRUE(archive.searcher().reopen().ok());
  // "nhỉ" (a modal particle, never required) is in no document: while the other words find
  // fewer than 3 documents it is offered the nearest word ("nhà")...
  const auto few = archive.search("chuyển đổi số nhỉ");
  EXPECT_EQ(few.all_words_total, 2U);  // relaxed: two hold all the required words
  EXPECT_EQ(few.corrections.size(), 1U);
  // ...and once they find plenty, nothing is offered.
  archive.add({{.name = "cds-3", .title = "Chuyển đổi số cấp xã", .body = "Đề án."}});
  ASSERT_TRUE(archive.searcher().reopen().ok());
  const auto plenty = archive.search("chuyển đổi số nhỉ");
  EXPECT_GE(plenty.total, 3U);
  EXPECT_TRUE(plenty.corrections.empty());
  EXPECT_EQ(plenty.suggestion, "");
}

TEST(SearchSpelling, a_removed_documents_words_leave_the_table) {
  SearchArchive archive = plans();
  EXPECT_EQ(archive.search("thuee").suggestion, "thuế");
  {
    auto writer = archive::Archive(archive.path()).open_writer();
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->remove_document(archive.id_of("thue")).ok());
    ASSERT_TRUE((*writer)->commit().ok());
  }
  ASSERT_TRUE(archive.searcher().reopen().ok());
  const auto after = archive.search("thuee");
  EXPECT_TRUE(after.corrections.empty());
  EXPECT_EQ(after.suggestion, "");
}

TEST(SearchSpelling, edits_allowed_follow_the_words_length) {
  EXPECT_EQ(archive::max_edits(2), 0U);
  EXPECT_EQ(archive::max_edits(3), 1U);
  EXPECT_EQ(archive::max_edits(5), 1U);
  EXPECT_EQ(archive::max_edits(6), 2U);
}

}  // namespace
}  // namespace vanban::testing
