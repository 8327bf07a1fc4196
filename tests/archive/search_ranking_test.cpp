// Ranking by field: a document whose title (or issuer) holds the words ranks above documents
// that only mention them in their text, however long that text is (real documents run to
// 50 KB and more, where a within-document frequency boost alone is lost in the body's).
#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/fold.hpp"

#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

// Text of about `sentences` × 60 bytes that holds none of the query words below.
std::string body_text(int sentences) {
  std::string text;
  const char* lines[] = {"Các cơ quan thực hiện nghiêm túc nhiệm vụ được giao. ",
                         "Ủy ban nhân dân các xã báo cáo kết quả trước ngày 15 hằng tháng. ",
                         "Kinh phí bảo đảm từ ngân sách nhà nước theo phân cấp hiện hành. "};
  for (int i = 0; i < sentences; ++i)
    text += lines[i % 3];
  return text;
}

std::string with_mentions(int sentences, const std::string& mention, int times) {
  std::string text;
  for (int i = 0; i < times; ++i)
    text += body_text(sentences / times) + mention + " ";
  return text;
}

TEST(SearchRanking, title_match_ranks_above_mentions_in_the_text) {
  for (const int length : {10, 100, 1000}) {  // ~0.6 KB to ~60 KB of text
    SearchArchive archive{
        {.name = "mentions",
         .title = "Báo cáo kết quả công tác năm 2025",
         .body = with_mentions(length, "Đẩy mạnh chuyển đổi số trong cơ quan nhà nước.", 20)},
        {.name = "titled",
         .title = "Kế hoạch chuyển đổi số năm 2026",
         .body = body_text(length) + " Triển khai chuyển đổi số. "},
        {.name = "scattered",
         .title = "Thông báo",
         .body = with_mentions(length, "chuyển giao, đổi mới, số liệu.", 6)}};
    EXPECT_EQ(archive.found("chuyen doi so"),
              (std::vector<std::string>{"titled", "mentions", "scattered"}))
        << length;
    EXPECT_EQ(archive.found("chuyển đổi số").front(), "titled") << length;
  }
}

TEST(SearchRanking, issuer_match_ranks_above_mentions_in_the_text) {
  for (const int length : {10, 1000}) {
    SearchArchive archive{{.name = "mentions",
                           .issuer = "Ủy ban nhân dân tỉnh Quảng Trị",
                           .title = "Báo cáo kết quả công tác năm 2025",
                           .body = with_mentions(length, "Thực hiện hướng dẫn của Bộ Tư pháp.", 8)},
                          {.name = "issued",
                           .issuer = "Bộ Tư pháp",
                           .title = "Báo cáo kết quả công tác năm 2025",
                           .body = body_text(length) + " Bộ Tư pháp báo cáo. "}};
    EXPECT_EQ(archive.found("bo tu phap").front(), "issued") << length;
  }
}

// The first page is the head of the full ranking: the same documents with the same scores
// whatever the page size (Xapian prunes harder for a small page; the query's shape must not
// let that change any weight).
TEST(SearchRanking, a_small_page_agrees_with_the_full_ranking) {
  const std::vector<std::string> vocabulary = {
      "bộ",  "tư",   "pháp", "chuyển", "đổi", "số",   "bảo",  "hiểm", "xã", "hội",  "dân",
      "vận", "thuế", "thu",  "nhập",   "quy", "định", "công", "tác",  "kế", "hoạch"};
  std::mt19937 random(7);
  auto words = [&](int count) {
    std::string text;
    for (int i = 0; i < count; ++i)
      text += vocabulary[random() % vocabulary.size()] + (i % 9 == 8 ? ". " : " ");
    return text;
  };
  std::vector<Doc> docs;
  for (int i = 0; i < 150; ++i) {
    docs.push_back({.name = "doc" + std::to_string(i),
                    .title = words(4 + static_cast<int>(random() % 8)),
                    .body = words(20 + static_cast<int>(random() % 400))});
  }
  SearchArchive archive{};
  archive.add(docs);
  for (int q = 0; q < 40; ++q) {
    archive::SearchRequest request;
    for (int k = 0, n = 2 + static_cast<int>(random() % 3); k < n; ++k)
      request.query += vanban::analyzers::fold(vocabulary[random() % vocabulary.size()]) + " ";
    request.size = 5;
    const auto page = archive.search(request);
    request.size = archive::kMaxPageSize;
    const auto full = archive.search(request);
    ASSERT_GE(full.hits.size(), page.hits.size());
    for (std::size_t i = 0; i < page.hits.size(); ++i) {
      EXPECT_NEAR(page.hits[i].score, full.hits[i].score, 1e-9) << request.query << " #" << i;
      EXPECT_EQ(page.hits[i].id, full.hits[i].id) << request.query << " #" << i;
    }
  }
}

// Short boxes: a document type and a topic, as office staff type them ("kế hoạch dân vận").
// A document's name is its type and its summary (Decree 30/2020, Phụ lục I): the type name
// opening a box hints at the documents of that type, and the topic is read in the titles.
std::string topic_box_filler(int sentences) {
  std::string text;
  const char* lines[] = {"Các phòng, ban triển khai nhiệm vụ được giao đúng tiến độ. ",
                         "Kinh phí thực hiện từ nguồn ngân sách theo phân cấp hiện hành. ",
                         "Định kỳ tổng hợp, báo cáo kết quả trước ngày 20 hằng tháng. "};
  for (int i = 0; i < sentences; ++i)
    text += lines[i % 3];
  return text;
}

// Documents of another type, holding none of the words searched below (an archive's others).
std::vector<Doc> topic_box_others(int length) {
  std::vector<Doc> docs;
  for (int i = 1; i <= 8; ++i)
    docs.push_back({.name = "notice" + std::to_string(i),
                    .type = "Thông báo",
                    .title = "Lịch công tác tuần " + std::to_string(i),
                    .body = "THÔNG BÁO\n" + topic_box_filler(length)});
  return docs;
}

TEST(SearchRanking, a_type_name_opening_a_short_box_ranks_its_documents_first) {
  for (const int length : {10, 300}) {
    SearchArchive archive{
        {.name = "decision",
         .type = "Quyết định",
         .title = "Thành lập Tổ công tác dân vận",
         .body = "QUYẾT ĐỊNH\n" + topic_box_filler(length) + " Tổ công tác dân vận lập kế hoạch."},
        {.name = "plan",
         .type = "Kế hoạch",
         .title = "Thực hiện công tác dân vận năm 2026",
         .body = "KẾ HOẠCH\n" + topic_box_filler(length + 3) + " Đẩy mạnh dân vận."}};
    archive.add(topic_box_others(length));
    for (const std::string box : {"kế hoạch dân vận", "ke hoach dan van"}) {
      // A hint, not a filter: the decision holds the words too and is still found.
      const auto found = archive.found(box);
      ASSERT_GE(found.size(), 2U) << box;
      EXPECT_EQ(std::vector<std::string>(found.begin(), found.begin() + 2),
                (std::vector<std::string>{"plan", "decision"}))
          << box << " " << length;
    }
    EXPECT_EQ(archive.found("quyết định dân vận").front(), "decision") << length;
  }
}

TEST(SearchRanking, a_consolidated_text_titled_by_the_type_asked_for_is_of_that_type) {
  // A consolidated text (VBHN) is a decree as amended, titled "Nghị định về tổ hợp tác": its
  // exact title typed must find it first, not the decrees that only share its type.
  for (const int length : {10, 300}) {
    SearchArchive archive{
        {.name = "consolidated",
         .type = "Văn bản hợp nhất",
         .title = "Nghị định về tổ hợp tác",
         .body = "NGHỊ ĐỊNH\n" + topic_box_filler(length) + " Tổ hợp tác được thành lập."},
    };
    // Decrees that hold the words apart, in their text only, as most decrees of an archive do.
    for (int i = 1; i <= 6; ++i)
      archive.add({{.name = "decree-" + std::to_string(i),
                    .type = "Nghị định",
                    .title = "Quy định về xử phạt vi phạm hành chính số " + std::to_string(i),
                    .body = "NGHỊ ĐỊNH\n" + topic_box_filler(length) +
                            " Tổ chức phối hợp công tác. Tổ chức hợp tác quốc tế."}});
    archive.add(topic_box_others(length));
    for (const std::string box : {"Nghị định về tổ hợp tác", "nghi dinh ve to hop tac"})
      EXPECT_EQ(archive.found(box).front(), "consolidated") << box << " " << length;
  }
}

TEST(SearchRanking, the_topic_after_a_type_name_ranks_by_the_titles_holding_it) {
  // Both plans; one's title holds the topic "dân vận", the other's text holds it once among
  // many "nhân dân", "vận hành" and "kế hoạch".
  for (const int length : {10, 300}) {
    SearchArchive archive{
        {.name = "transport",
         .title = "Phát triển vận tải hành khách công cộng",
         .body = "KẾ HOẠCH\n" + topic_box_filler(length) +
                 " Nhân dân được phục vụ; vận hành xe buýt; phối hợp công tác dân vận."},
        {.name = "plan",
         .title = "Thực hiện công tác dân vận năm 2026",
         .body = "KẾ HOẠCH\n" + topic_box_filler(length)}};
    archive.add(topic_box_others(length));
    for (const std::string box : {"kế hoạch dân vận", "ke hoach dan van"})
      EXPECT_EQ(archive.found(box).front(), "plan") << box << " " << length;
  }
}

TEST(SearchRanking, a_type_hint_goes_to_documents_holding_the_topic_words_together) {
  // A box is a type and a topic (Decree 30/2020: a document's name is its type and its summary).
  // A plan whose text holds the topic's words only apart ("chuyển giao", "đổi mới", "số lượng")
  // is not about the topic; a decision whose text holds the topic as a phrase is.
  for (const int length : {10, 300}) {
    SearchArchive archive{
        {.name = "plan-apart",
         .type = "Kế hoạch",
         .title = "Thực hiện công tác dân vận năm 2026",
         .body = "KẾ HOẠCH\n" + topic_box_filler(length) +
                 " Chuyển giao nhiệm vụ cho các phòng. Đổi mới phương thức vận động. Số lượng "
                 "cán bộ tham gia được giữ ổn định."},
        {.name = "plan-topic",
         .type = "Kế hoạch",
         .title = "Triển khai nhiệm vụ năm 2026",
         .body = "KẾ HOẠCH\n" + topic_box_filler(length) +
                 " Đẩy mạnh chuyển đổi số trong các cơ quan."},
        {.name = "decision-topic",
         .type = "Quyết định",
         .title = "Ban hành Quy chế quản lý dữ liệu",
         .body = "QUYẾT ĐỊNH\n" + topic_box_filler(length) +
                 " Chuyển đổi số là nhiệm vụ trọng tâm; các cơ quan thực hiện chuyển đổi số "
                 "theo kế hoạch được giao."}};
    // Notices holding the words apart, as the texts of an archive do ("số" of every number).
    for (int i = 1; i <= 8; ++i)
      archive.add({{.name = "notice-" + std::to_string(i),
                    .type = "Thông báo",
                    .title = "Lịch công tác tuần " + std::to_string(i),
                    .body = "THÔNG BÁO\n" + topic_box_filler(length) +
                            " Số người dự họp. Chuyển lịch họp. Đổi phòng họp."}});
    for (const std::string box : {"kế hoạch chuyển đổi số", "ke hoach chuyen doi so"}) {
      // The plan on the topic first; the decision on it above the plan beside it.
      const auto found = archive.found(box);
      const auto rank = [&](const std::string& name) {
        return std::find(found.begin(), found.end(), name) - found.begin();
      };
      ASSERT_FALSE(found.empty()) << box;
      EXPECT_EQ(found.front(), "plan-topic") << box << " " << length;
      EXPECT_LT(rank("decision-topic"), rank("plan-apart")) << box << " " << length;
    }
  }
}

// An adjacent pair weighs no more than it would as a term of its own, by how few documents
// hold it side by side. A common expression ("công tác": wherever "công" or "tác" stands, the
// other stands beside it) is as rare as one of its words, and its adjacency tells nothing its
// words have not; two words of a compound ("dân vận") standing together tell more than they
// do apart. Both documents hold every word of "công tác dân vận" three times, and neither the
// whole phrase; "công" and "tác" are a little rarer than "dân" and "vận", and the document
// holding them side by side came first by their pair's weight (the words' sum). The issuer
// holds none of the words ("Ủy ban nhân dân" would put "dân" in every document).
TEST(SearchRanking, a_common_expression_weighs_as_rare_as_it_is_held_side_by_side) {
  for (const int length : {10, 300}) {
    SearchArchive archive{
        {.name = "expression",
         .issuer = "Sở Tư pháp",
         .title = "Báo cáo kết quả sáu tháng đầu năm",
         .body = topic_box_filler(length) +
                 " Công tác thi đua; công tác tuyên truyền; công tác kiểm tra."
                 " Người dân, dân cư, dân tộc; vận động, vận hành, vận tải."},
        {.name = "compound",
         .issuer = "Sở Tư pháp",
         .title = "Báo cáo kết quả chín tháng đầu năm",
         .body = topic_box_filler(length) +
                 " Dân vận chính quyền; dân vận khéo; dân vận các cấp."
                 " Phân công, công khai, công việc; hợp tác, tác động, tác giả."}};
    // "công tác" side by side in three more documents; "dân" and "vận" apart in four.
    for (int i = 1; i <= 18; ++i) {
      std::string extra = i <= 3 ? " Tổng kết công tác năm." : "";
      if (i > 3 && i <= 7) extra = " Nhân dân tham gia vận hành thủy lợi.";
      archive.add({{.name = "other" + std::to_string(i),
                    .issuer = "Sở Tư pháp",
                    .title = "Báo cáo tuần " + std::to_string(i),
                    .body = topic_box_filler(length + i % 3) + extra}});
    }
    for (const std::string box : {"công tác dân vận", "cong tac dan van"})
      EXPECT_EQ(archive.found(box).front(), "compound") << box << " " << length;
  }
}

// A question is as long as the asker's sentence ("... là bao nhiêu năm kể từ ngày nào?": ALQAC
// questions run to 20-40 words), but its topic is still named in compounds of two syllables
// ("thời hiệu", "khởi kiện", "tranh chấp"), which a text answering it holds side by side where a
// text on something else holds the same syllables in other compounds ("thời gian", "hiệu lực",
// "khởi công", "kiện toàn"). So a question's adjacent pairs weigh whatever its length, as a short
// box's do. Both articles hold every word of the question; the one holding its syllables apart
// holds each of them twice, so by its words alone it comes first.
TEST(SearchRanking, a_long_question_weighs_its_adjacent_pairs) {
  const std::string question =
      "Thời hiệu khởi kiện để yêu cầu Tòa án giải quyết tranh chấp hợp "
      "đồng dân sự là bao nhiêu năm kể từ ngày nào?";
  for (const int length : {4, 40}) {
    SearchArchive archive{
        {.name = "answer",
         .title = "Điều 5",
         .body = body_text(length) +
                 " Thời hiệu khởi kiện để yêu cầu Tòa án giải quyết tranh chấp hợp đồng dân sự"
                 " là ba năm, kể từ ngày người có quyền biết quyền của mình bị xâm phạm, vào"
                 " ngày nào thì tính từ ngày đó."},
        {.name = "apart",
         .title = "Điều 9",
         .body = body_text(length) +
                 " Thời gian khởi công; hiệu lực của giấy phép; kiện toàn tổ chức; tranh thủ"
                 " thời gian; chấp hành quyết định; hợp tác, đồng ý; dân cư, sự việc. Khởi"
                 " động, kiện toàn; tranh luận, chấp thuận; hợp lý, đồng bộ; nhân dân, sự kiện;"
                 " hiệu quả. Để yêu cầu Tòa án giải quyết, ba năm là đủ, kể từ ngày nào"
                 " tính."}};
    for (int i = 1; i <= 10; ++i)
      archive.add({{.name = "other" + std::to_string(i),
                    .title = "Điều " + std::to_string(10 + i),
                    .body = body_text(length + i % 3) +
                            (i <= 4 ? " Yêu cầu giải quyết trong năm." : " Kể từ ngày ký.")}});
    for (const std::string& box : {question, analyzers::fold(question)})
      EXPECT_EQ(archive.found(box).front(), "answer") << box << " " << length;
  }
}

}  // namespace
}  // namespace vanban::testing
