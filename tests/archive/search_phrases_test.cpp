// Multi-syllable words: documents holding all syllables first, adjacency ranked first; strict
// "phrases", -exclusions and OR.
#include <algorithm>

#include <gtest/gtest.h>

#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

using Names = std::vector<std::string>;

TEST(SearchPhrases, documents_holding_all_the_words_come_first) {
  SearchArchive archive{
      {.name = "both", .title = "Công tác dân vận", .body = "Chính quyền cơ sở."},
      {.name = "one", .title = "Công tác lưu trữ", .body = "Hồ sơ."},
  };
  // Fewer than 3 documents hold both words, so those holding one follow ("one": its issuer,
  // Ủy ban nhân dân, holds "dân"); `+word` is required whatever.
  EXPECT_EQ(archive.found("dân vận"), (Names{"both", "one"}));
  EXPECT_EQ(archive.found("+dân +vận"), Names{"both"});
}

TEST(SearchPhrases, adjacent_syllables_rank_above_scattered_ones) {
  SearchArchive archive{
      {.name = "scattered",
       .title = "Báo cáo tình hình",
       .body = "Vận động nhân dân tham gia; chính quyền lắng nghe ý kiến của dân."},
      {.name = "adjacent",
       .title = "Báo cáo tình hình",
       .body = "Chính quyền thực hiện tốt công tác dân vận trong năm qua."},
  };
  EXPECT_EQ(archive.found("dân vận chính quyền"), (Names{"adjacent", "scattered"}));
  EXPECT_EQ(archive.found("dan van"), (Names{"adjacent", "scattered"}));
}

TEST(SearchPhrases, quoted_phrase_is_strict) {
  SearchArchive archive{
      {.name = "phrase", .title = "Về công tác dân vận", .body = "Nội dung."},
      {.name = "scattered", .title = "Vận động nhân dân", .body = "Nội dung."},
  };
  EXPECT_EQ(archive.found("\"dân vận\""), Names{"phrase"});
  EXPECT_EQ(archive.found("\"dan van\""), Names{"phrase"});
  EXPECT_EQ(archive.found("\"vận dân\""), Names{});
}

TEST(SearchPhrases, accented_phrase_requires_the_diacritics_typed) {
  SearchArchive archive{
      {.name = "dan-van", .title = "Công tác dân vận", .body = "Nội dung."},
      {.name = "dan-van-2", .title = "Đàn văn nghệ", .body = "Nội dung đàn vấn."},
  };
  EXPECT_EQ(archive.found("\"dân vận\""), Names{"dan-van"});
  auto unaccented = archive.found("\"dan van\"");
  std::sort(unaccented.begin(), unaccented.end());
  EXPECT_EQ(unaccented, (Names{"dan-van", "dan-van-2"}));
}

// The text's exact forms have no positions (SCHEMA.md): the phrase is found on the folded
// forms, and each accented word's spelling is read at its place, in the heading or in the body,
// near its start or far into it (past several samples of the passage map).
std::string filler(int words) {
  const char* some[] = {"một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"};
  std::string out;
  for (int i = 0; i < words; ++i)
    out += std::string(some[i % 10]) + (i % 9 == 8 ? ". " : " ");
  return out;
}

TEST(SearchPhrases, accented_phrase_checks_each_spelling_at_its_place) {
  SearchArchive archive{
      {.name = "apart",
       .title = "Báo cáo",
       .body = filler(50) + "dần vần " + filler(40) + "dân " + filler(40) + "vận " + filler(20)},
      {.name = "far",
       .title = "Báo cáo",
       .body = filler(130) + "dần vần, dân vận " + filler(30) + "dần vận " + filler(5)},
      {.name = "title", .title = "Dân vận khéo", .body = filler(20) + "dần vần " + filler(5)},
      {.name = "title-apart",
       .title = "Dân vần",
       .body = filler(10) + "dần " + filler(5) + "vận " + filler(5)},
      {.name = "none", .title = "Kế hoạch", .body = filler(60)},
  };
  auto sorted = [](Names names) {
    std::sort(names.begin(), names.end());
    return names;
  };
  EXPECT_EQ(sorted(archive.found("\"dân vận\"")), (Names{"far", "title"}));
  EXPECT_EQ(sorted(archive.found("\"dan van\"")), (Names{"apart", "far", "title", "title-apart"}));
  EXPECT_EQ(sorted(archive.found("\"dan vận\"")), (Names{"far", "title"}));
  EXPECT_EQ(sorted(archive.found("\"dần vần\"")), (Names{"apart", "far", "title"}));
  EXPECT_EQ(sorted(archive.found("\"dân vần\"")), Names{"title-apart"});
  EXPECT_EQ(sorted(archive.found("\"vận dần\"")), Names{});
  EXPECT_EQ(archive.search("\"dân vận\"").total, 2U);
}

// A document spelling a folded word several ways indexes positions for its minority spellings
// only (SCHEMA.md): each spelling typed finds it where the text writes that spelling beside the
// next word, whether that spelling is the document's dominant one or not, and the tone placed
// either way or in capitals is the same spelling.
TEST(SearchPhrases, every_spelling_typed_finds_its_own_places) {
  SearchArchive archive{
      {.name = "mostly-hoa",
       .title = "Báo cáo",
       .body = "Hòa bình, hòa giải, hòa nhập, hòa hợp; hóa chất độc hại. Quy định quy trình."},
      {.name = "mostly-hoa-sac",
       .title = "Báo cáo",
       .body = "Hóa chất, hóa học, hóa đơn, văn hóa; giữ gìn HOÀ BÌNH. Quý đầu năm, quỹ đầu tư."},
      {.name = "capitals",
       .title = "Kế hoạch",
       .body = "Giữ vững HÒA BÌNH, hóa giải mâu thuẫn, hoa quả đầu mùa; quỹ đầu tư, quỹ đầu tư."},
      {.name = "none", .title = "Kế hoạch", .body = "Hòa nhập cộng đồng, hóa học, bình an."},
  };
  auto sorted = [&](const std::string& query) {
    Names names = archive.found(query);
    std::sort(names.begin(), names.end());
    return names;
  };
  const Names peace{"capitals", "mostly-hoa", "mostly-hoa-sac"};
  EXPECT_EQ(sorted("\"hòa bình\""), peace);
  EXPECT_EQ(sorted("\"Hoà bình\""), peace);
  EXPECT_EQ(sorted("\"HÒA BÌNH\""), peace);
  EXPECT_EQ(sorted("\"hoa binh\""), peace);
  EXPECT_EQ(sorted("\"hóa bình\""), Names{});
  EXPECT_EQ(sorted("\"hóa chất\""), (Names{"mostly-hoa", "mostly-hoa-sac"}));
  EXPECT_EQ(sorted("\"hòa chất\""), Names{});
  EXPECT_EQ(sorted("\"hóa giải\""), Names{"capitals"});
  EXPECT_EQ(sorted("\"hòa giải\""), Names{"mostly-hoa"});
  EXPECT_EQ(sorted("\"hoa giai\""), (Names{"capitals", "mostly-hoa"}));
  EXPECT_EQ(sorted("\"hoa quả\""), Names{"capitals"});
  EXPECT_EQ(sorted("\"hòa quả\""), Names{});
  EXPECT_EQ(sorted("\"quỹ đầu\""), (Names{"capitals", "mostly-hoa-sac"}));
  EXPECT_EQ(sorted("\"quý đầu\""), Names{"mostly-hoa-sac"});
  EXPECT_EQ(sorted("\"quỳ đầu\""), Names{});
  EXPECT_EQ(sorted("\"quy đầu\""), (Names{"capitals", "mostly-hoa-sac"}));  // any spelling
  EXPECT_EQ(sorted("\"quy định\""), Names{"mostly-hoa"});
  EXPECT_EQ(sorted("\"văn hóa\""), Names{"mostly-hoa-sac"});
}

TEST(SearchPhrases, minus_excludes_documents) {
  SearchArchive archive{
      {.name = "fire", .title = "Phòng cháy chữa cháy", .body = "Kế hoạch kiểm tra."},
      {.name = "flood", .title = "Phòng chống lụt bão", .body = "Kế hoạch kiểm tra."},
  };
  EXPECT_EQ(archive.found("kiểm tra -cháy"), Names{"flood"});
  EXPECT_EQ(archive.found("kiem tra -\"lut bao\""), Names{"fire"});
  EXPECT_EQ(archive.found("-chay"), Names{"flood"});
}

TEST(SearchPhrases, excluding_an_accented_word_keeps_other_spellings) {
  SearchArchive archive{
      {.name = "herd", .title = "Đàn gia súc", .body = "Chăn nuôi."},
      {.name = "people", .title = "Ý kiến của dân", .body = "Chăn nuôi."},
  };
  EXPECT_EQ(archive.found("chăn nuôi -đàn"), Names{"people"});
}

TEST(SearchPhrases, or_finds_either_alternative) {
  SearchArchive archive{
      {.name = "fire", .title = "Phòng cháy chữa cháy", .body = "Nội dung."},
      {.name = "flood", .title = "Phòng chống lụt bão", .body = "Nội dung."},
      {.name = "other", .title = "Văn thư lưu trữ", .body = "Nội dung."},
  };
  auto names = archive.found("chữa cháy OR lụt bão");
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (Names{"fire", "flood"}));
  EXPECT_EQ(archive.found("(chay OR bao) -lut"), Names{"fire"});
}

}  // namespace
}  // namespace vanban::testing
