// Accent-insensitive search, with exact diacritics ranked first when the user typed them.
#include <algorithm>

#include <gtest/gtest.h>
#include <xapian.h>

#include "vanban/archive/query_parser.hpp"

#include "accent_restoration.hpp"
#include "disk_layout.hpp"
#include "schema.hpp"
#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

// `box` parsed and its unaccented words restored from every document of `archive`.
archive::query::Node restored_from_every_document(const SearchArchive& archive,
                                                  const std::string& box) {
  const Xapian::Database database(archive::xapian_dir(archive.path()).string());
  std::vector<Xapian::docid> documents;
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it)
    documents.push_back(*it);
  auto parsed = archive::query::parse_query(box);
  EXPECT_TRUE(parsed.ok()) << box;
  archive::restore_accents(database, documents, parsed->root);
  return std::move(parsed->root);
}

TEST(SearchDiacritics, unaccented_query_finds_accented_text) {
  SearchArchive archive{
      {.name = "kheo", .title = "Phong trào thi đua Dân vận khéo", .body = "Các cấp thực hiện."},
      {.name = "other", .title = "Kế hoạch phòng cháy", .body = "Kiểm tra định kỳ."},
  };
  // (Fewer than 3 documents hold all the words: "other" follows, its issuer holds "dân".)
  EXPECT_EQ(archive.found("dan van kheo").front(), "kheo");
  EXPECT_EQ(archive.found("DAN VAN").front(), "kheo");
  EXPECT_EQ(archive.found("+DAN +VAN"), std::vector<std::string>{"kheo"});
}

TEST(SearchDiacritics, d_with_stroke_folds_to_d) {
  SearchArchive archive{
      {.name = "duong", .title = "Sửa chữa đường giao thông nông thôn", .body = "Kinh phí."},
  };
  EXPECT_EQ(archive.found("duong giao thong"), std::vector<std::string>{"duong"});
}

TEST(SearchDiacritics, accented_query_ranks_exact_diacritics_first) {
  // Many documents about đàn (herds, instruments) and one about dân (the people): a user who
  // typed "dân" must see the dân document first, the đàn ones after it.
  SearchArchive archive{
      {.name = "dan-1",
       .title = "Phát triển đàn gia súc",
       .body = "Tăng đàn bò, đàn trâu, đàn dê."},
      {.name = "dan-2", .title = "Bảo vệ đàn ong mật", .body = "Đàn ong được chăm sóc đàn đàn."},
      {.name = "dan-3",
       .title = "Nhạc cụ dân tộc: đàn bầu",
       .body = "Đàn bầu, đàn tranh, đàn nguyệt."},
      {.name = "dân", .title = "Lấy ý kiến của dân", .body = "Người dân góp ý kiến."},
  };
  const auto accented = archive.found("dân");
  ASSERT_EQ(accented.size(), 4u);      // folded matches are still found...
  EXPECT_EQ(accented.front(), "dân");  // ...but below the exact one
  // dan-3 holds "dân" (dân tộc) too, so it ranks above the documents holding only đàn.
  EXPECT_EQ(accented[1], "dan-3");

  const auto exact_herd = archive.found("đàn");
  ASSERT_EQ(exact_herd.size(), 4u);
  EXPECT_EQ(exact_herd.back(), "dân");
}

TEST(SearchDiacritics, tone_mark_placement_variants_meet) {
  // "hoà" (old placement) and "hòa" (new placement) are one word.
  SearchArchive archive{
      {.name = "hoa", .title = "Hòa giải ở cơ sở", .body = "Tổ hòa giải."},
  };
  EXPECT_EQ(archive.found("hoà giải"), std::vector<std::string>{"hoa"});
}

TEST(SearchDiacritics, unaccented_query_ranks_by_the_archives_spelling_of_its_words) {
  // Folded, "vu trang" is also "vụ trang" (nhiệm vụ, trang trại): the document that repeats it
  // has the larger folded weights. The archive's text writes the pair "vũ trang" more often, so
  // a box typed without diacritics ranks as "vũ trang" typed would.
  SearchArchive archive{
      {.name = "farm",
       .title = "Kế hoạch năm",
       .body = "Nhiệm vụ trang trại. Nhiệm vụ trang trại."},
      {.name = "army-1",
       .title = "Kế hoạch năm",
       .body = "Huấn luyện lực lượng vũ trang nhân dân."},
      {.name = "army-2", .title = "Kế hoạch năm", .body = "Lực lượng vũ trang địa phương."},
      {.name = "army-3", .title = "Kế hoạch năm", .body = "Lực lượng vũ trang phối hợp."},
  };
  const auto typed = archive.found("vũ trang");
  ASSERT_FALSE(typed.empty());
  ASSERT_NE(typed.front(), "farm");
  EXPECT_EQ(archive.found("vu trang"), typed);
  EXPECT_EQ(archive.search("vu trang").suggestion, "vũ trang");
  // Typed with diacritics on one word, the others are taken as typed: nothing is restored.
  EXPECT_EQ(archive.search("vu tráng").suggestion, "");
}

TEST(SearchDiacritics, every_word_of_an_unaccented_box_is_restored_from_its_context) {
  // Question words too: "bao nhieu" where the text says "bao nhiêu", not "bảo" of "bảo hiểm".
  SearchArchive archive{
      {.name = "fine",
       .title = "Mức phạt",
       .body = "Phạt tiền bao nhiêu đồng? Phạt tiền từ một triệu đồng."},
      {.name = "insurance", .title = "Bảo hiểm", .body = "Bảo hiểm xã hội, bảo hiểm y tế, bảo hộ."},
  };
  EXPECT_EQ(archive.search("phat tien bao nhieu").suggestion, "phạt tiền bao nhiêu");
}

TEST(SearchDiacritics, a_word_ranks_restored_only_where_the_text_spells_it_beside_its_neighbours) {
  // The answers hold "phạt tiền", and "bảo", "nhiều" only elsewhere ("bảo đảm", "nhiều người"):
  // nothing says the question's "bao nhieu" is "bảo nhiều", so those two rank as typed (their
  // folded form); "phat tien" stands as "phạt tiền" and ranks as restored. "bao nhieu" is a
  // question frame: offered as the grammar spells it (question_frames_are_spelled_by_the_grammar).
  SearchArchive archive{
      {.name = "fine",
       .title = "Mức phạt",
       .body = "Phạt tiền từ một triệu đồng. Bảo đảm quyền lợi của nhiều người. Bảo vệ nhiều nơi."},
  };
  const Xapian::Database database(archive::xapian_dir(archive.path()).string());
  std::vector<Xapian::docid> documents;
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it)
    documents.push_back(*it);

  auto parsed = archive::query::parse_query("phat tien bao nhieu");
  ASSERT_TRUE(parsed.ok());
  ASSERT_TRUE(archive::restore_accents(database, documents, parsed->root));
  const auto& words = parsed->root.children.front().words;
  ASSERT_EQ(words.size(), 4U);
  EXPECT_EQ(words[0].restored, "phạt");
  EXPECT_EQ(words[1].restored, "tiền");
  EXPECT_EQ(words[2].restored, "");
  EXPECT_EQ(words[2].suggested, "");  // as typed
  EXPECT_EQ(words[3].restored, "");
  EXPECT_EQ(words[3].suggested, "nhiêu");
  EXPECT_EQ(archive::box_suggestion(parsed->root), "phạt tiền bao nhiêu");

  // A word alone has no neighbour: the best documents' most frequent spelling is the evidence.
  auto alone = archive::query::parse_query("bao");
  ASSERT_TRUE(alone.ok());
  ASSERT_TRUE(archive::restore_accents(database, documents, alone->root));
  EXPECT_EQ(alone->root.children.front().words.front().restored, "bảo");
}

TEST(SearchDiacritics, a_pair_the_titles_hold_side_by_side_is_spelled_as_the_titles_spell_it) {
  // Running text puts "dẫn" beside "văn" wherever it says "hướng dẫn văn bản": the bodies below
  // spell the folded pair "dan van" as "dẫn văn" far more often than as "dân vận". A box is
  // typed in whole words, and the titles name their topics in whole words: the one title that
  // holds the pair spells it "dân vận", and the box ranks as "kế hoạch dân vận" typed would.
  SearchArchive archive{
      {.name = "guidance-1",
       .title = "Kế hoạch kiểm tra năm",
       .body = "Theo hướng dẫn văn bản số 1. Theo hướng dẫn văn bản số 2. Hướng dẫn văn bản "
               "số 3. Hướng dẫn văn bản số 4. Công tác dân vận."},
      {.name = "guidance-2",
       .title = "Kế hoạch kiểm tra quý",
       .body = "Hướng dẫn văn bản số 5. Hướng dẫn văn bản số 6. Hướng dẫn văn bản số 7. Dân "
               "chủ, vận động."},
      {.name = "plan",
       .title = "Kế hoạch thực hiện công tác dân vận năm 2026",
       .body = "Đẩy mạnh công tác dân vận theo hướng dẫn văn bản cấp trên."},
  };
  const auto search = archive.search("ke hoach dan van");
  EXPECT_EQ(search.suggestion, "kế hoạch dân vận");
  EXPECT_EQ(archive.found("ke hoach dan van").front(), "plan");
  EXPECT_EQ(archive.found("ke hoach dan van"), archive.found("kế hoạch dân vận"));

  // Without a title holding the pair, the text's votes decide as before.
  SearchArchive untitled{
      {.name = "guidance",
       .title = "Kế hoạch kiểm tra năm",
       .body = "Theo hướng dẫn văn bản số 1. Hướng dẫn văn bản số 2. Công tác dân vận."},
  };
  EXPECT_EQ(untitled.search("ke hoach dan van").suggestion, "kế hoạch dẫn văn");

  // A function word makes no compound with its neighbour: titles say "và quản lý" more often
  // than "quan hệ", and "va quan he" is still "và quan hệ".
  SearchArchive related{
      {.name = "labour",
       .title = "Điều kiện lao động và quan hệ lao động",
       .body = "Quan hệ lao động."},
      {.name = "audit", .title = "Thanh tra và quản lý", .body = "Thanh tra và quản lý."},
      {.name = "check", .title = "Kiểm tra và quản lý", .body = "Kiểm tra và quản lý."},
  };
  EXPECT_EQ(related.search("dieu kien lao dong va quan he lao dong").suggestion,
            "điều kiện lao động và quan hệ lao động");
}

TEST(SearchDiacritics, a_spelling_between_both_neighbours_outweighs_one_beside_one) {
  // Vietnamese words pair with the syllable on either side: "tội làm chết người" is the common
  // phrase of a criminal code, "tội lạm quyền" the rarer one. Typed without diacritics, "lam"
  // between "toi" and "quyen" is the one standing between both words of the box, however often
  // the other spelling stands beside one of them; beside one only counts where no spelling
  // stands between both.
  SearchArchive archive{
      {.name = "kill",
       .title = "Tội giết người",
       .body = "Người phạm tội làm chết người. Phạm tội làm chết hai người. Tội làm nhục người "
               "khác. Tội làm giả tài liệu."},
      {.name = "abuse", .title = "Lạm quyền", .body = "Tội lạm quyền trong khi thi hành công vụ."},
  };
  auto restored = [&](const std::string& box) {
    return restored_from_every_document(archive, box);
  };
  const auto abuse = restored("toi lam quyen");
  EXPECT_EQ(abuse.children.front().words[1].restored, "lạm");
  EXPECT_EQ(archive::box_suggestion(abuse), "tội lạm quyền");
  // Beside one neighbour only (nothing stands between "toi" and "chet" in these texts but
  // "làm"): the spelling most often beside one of them, as before.
  const auto kill = restored("toi lam nhuc");
  EXPECT_EQ(kill.children.front().words[1].restored, "làm");
  // No spelling between both ("tội ... người" never adjacent around "lam"): beside one counts.
  const auto one_side = restored("toi lam nguoi");
  EXPECT_EQ(one_side.children.front().words[1].restored, "làm");
}

TEST(SearchDiacritics,
     a_word_the_best_documents_hold_beside_no_neighbour_is_spelled_by_the_archive) {
  // A question describes a situation in the asker's words ("doi lai nha khi da tang cho con"),
  // and the documents its folded words find best may hold none of its pairs: a pay decree holds
  // "tăng" (tăng lương) and "cho" but never side by side. Its most frequent spelling of "tang"
  // says nothing of this box. The archive's texts holding "tang" beside "cho" do ("tặng cho"):
  // the word ranks by their spelling. Where the best documents hold a spelling beside the
  // neighbour, theirs stands (they are the box's own context).
  SearchArchive archive{
      {.name = "pay",
       .title = "Mức lương",
       .body = "Tăng lương tối thiểu. Mức tăng lương được áp dụng. Chi trả cho người lao động."},
      {.name = "gift",
       .title = "Hợp đồng",
       .body = "Hợp đồng tặng cho tài sản. Bên tặng cho giao tài sản cho bên được tặng cho."},
      {.name = "raise", .title = "Phụ cấp", .body = "Tăng cho người lao động một bậc lương."},
  };
  const Xapian::Database database(archive::xapian_dir(archive.path()).string());
  auto docid_of = [&](const std::string& name) {
    const std::string term = archive::schema::term(archive::schema::kId, archive.id_of(name));
    const auto it = database.postlist_begin(term);
    EXPECT_NE(it, database.postlist_end(term)) << name;
    return *it;
  };
  auto restored_from = [&](const std::string& box, const std::vector<std::string>& best) {
    std::vector<Xapian::docid> documents;
    for (const std::string& name : best)
      documents.push_back(docid_of(name));
    auto parsed = archive::query::parse_query(box);
    EXPECT_TRUE(parsed.ok()) << box;
    archive::restore_accents(database, documents, parsed->root);
    return std::move(parsed->root);
  };
  const auto gift = restored_from("tang cho", {"pay"});
  EXPECT_EQ(gift.children.front().words[0].restored, "tặng");
  EXPECT_EQ(archive::box_suggestion(gift), "tặng cho");
  // The best documents' own context first: "tăng cho" stands in the one they hold.
  const auto raise = restored_from("tang cho", {"pay", "raise"});
  EXPECT_EQ(raise.children.front().words[0].restored, "tăng");
  // No text of the archive holds the word beside its neighbour: the best documents' most
  // frequent spelling is only offered, as before.
  const auto apart = restored_from("tang bac", {"pay"});
  EXPECT_EQ(apart.children.front().words[0].restored, "");
  EXPECT_EQ(apart.children.front().words[0].suggested, "tăng");
}

TEST(SearchDiacritics, question_frames_are_spelled_by_the_grammar_not_the_archive) {
  // A law states and never asks: its text spells "thế" in "thế chấp", "lâu" nowhere, "bảo" and
  // "nhiều" in "bảo lãnh nhiều lần". The question's frames ("bao lâu", "như thế nào", "bao
  // nhiêu") are offered as the grammar spells them and rank by their folded form (a frame
  // carries no topic: what "thế" weighs in a law is what "thế chấp" weighs); the words around
  // them are restored from the text as before ("thế chấp" beside "chap").
  SearchArchive archive{
      {.name = "lease",
       .title = "Thuê nhà",
       .body = "Thời hạn thuê nhà do các bên thỏa thuận. Bảo lãnh nhiều lần. Bảo lãnh nhiều nơi."},
      {.name = "mortgage",
       .title = "Thế chấp",
       .body = "Thế chấp tài sản. Tài sản thế chấp. Nhận thế chấp. Có thể thế chấp nhiều lần."},
  };
  auto restored = [&](const std::string& box) {
    return restored_from_every_document(archive, box);
  };

  const auto lease = restored("thoi han thue nha bao lau");
  EXPECT_EQ(archive::box_suggestion(lease), "thời hạn thuê nhà bao lâu");
  const auto& lease_words = lease.children.front().words;
  EXPECT_EQ(lease_words[0].restored, "thời");  // from the text
  EXPECT_EQ(lease_words[4].restored, "");      // a frame: ranks folded
  EXPECT_EQ(lease_words[5].restored, "");

  const auto how = restored("the chap nhu the nao");
  EXPECT_EQ(archive::box_suggestion(how), "thế chấp như thế nào");
  const auto& how_words = how.children.front().words;
  EXPECT_EQ(how_words[0].restored, "thế");  // "the chap": the text's "thế chấp"
  EXPECT_EQ(how_words[3].restored, "");     // "the nao": the frame's, not the text's
  EXPECT_EQ(how_words[3].suggested, "thế");

  const auto times = restored("bao lanh bao nhieu lan");
  EXPECT_EQ(archive::box_suggestion(times), "bảo lãnh bao nhiêu lần");
  EXPECT_EQ(times.children.front().words[0].restored, "bảo");  // "bao lanh" is not a frame

  // A box typed with diacritics is taken as typed: nothing is restored or offered.
  EXPECT_EQ(archive::box_suggestion(restored("thời hạn bao lau")), "");
}

}  // namespace
}  // namespace vanban::testing
