// Session 32 (unseen26 studied): a body's text reposted on a portal without its header, on
// made-up pages. The portal's links to the posts before and after are furniture; a lead
// introduces the text in its first sentence only; the repost's bracketed attribution names the
// document; the sentence that announces the content names its author whatever its verb. Each
// rule with controls that show what it must not touch.
#include "structure/reposted_pages.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/reading_text.hpp"
#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

bool cites(const DocumentMetadata& metadata, std::string_view number) {
  return std::any_of(metadata.citations.begin(), metadata.citations.end(),
                     [&](const Citation& citation) { return citation.number == number; });
}

// A portal puts the titles of the posts before and after the page's own under it, each run onto
// its label: another page's title, not an instrument the document cites.
TEST(RepostedPages, the_links_to_the_posts_before_and_after_are_furniture) {
  const std::string page =
      "Thông báo lịch trực Tết của xã An Lạc\n\n"
      "Thực hiện Công văn số 12/UBND-VP ngày 02/01/2022 của UBND huyện Bình Sơn về việc trực "
      "Tết, UBND xã An Lạc thông báo lịch trực như sau:\n\n1. Ngày 30 Tết: đồng chí Trưởng Công "
      "an xã.\n\n"
      "Bài trướcXã An Lạc tổ chức gặp mặt các gia đình chính sách\n"
      "Bài tiếp theoVăn bản về việc thực hiện Công điện số 99/CĐ-TTg ngày 31/7/2021 của Thủ "
      "tướng Chính phủ về phòng, chống dịch\n";
  const auto metadata = extract_metadata(page);
  EXPECT_TRUE(cites(metadata, "12/UBND-VP"));
  EXPECT_FALSE(cites(metadata, "99/CĐ-TTg"));

  const std::vector<std::string_view> lines = {
      "Bài trướcXã An Lạc tổ chức gặp mặt", "Bài tiếp theo: Văn bản số 5/UBND", "« Tin trước",
      "Tin sau Hội nghị tổng kết năm 2021",
      // Controls: sentences that open with the same words go on in lower case.
      "Bài trước đã nêu rõ Công điện số 99/CĐ-TTg.", "Tin sau đó được xác nhận.",
      "Bài tiếp theo sẽ đăng vào tuần tới."};
  const auto kinds = find_furniture(lines);
  for (std::size_t i = 0; i < 4; ++i)
    EXPECT_EQ(kinds[i], Furniture::related_links) << lines[i];
  for (std::size_t i = 4; i < lines.size(); ++i)
    EXPECT_EQ(kinds[i], Furniture::none) << lines[i];
  // Control: the same instrument cited by the body stays a citation.
  const auto cited = extract_metadata(
      "Thực hiện Công điện số 99/CĐ-TTg ngày 31/7/2021 của Thủ tướng Chính phủ, UBND xã An Lạc "
      "thông báo như sau:\n");
  EXPECT_TRUE(cites(cited, "99/CĐ-TTg"));
}

// A lead introduces the page's text in its first sentence ("Ngày 25/3/2020, Sở Tư pháp ban
// hành Văn bản số ..."); a later sentence of the body recounts what the body did before.
TEST(RepostedPages, a_lead_introduces_the_text_in_its_first_sentence_only) {
  const std::string page =
      "Hoãn Hội nghị đại biểu nhân dân xã An Lạc năm 2021\n\n21/08/2021 16:30\n\n"
      "Thực hiện Kế hoạch số 10/KH-UBND ngày 02/3/2021 của UBND huyện Bình Sơn về tổ chức hội "
      "nghị đại biểu nhân dân. Ban Thường trực Ủy ban MTTQ xã đã ban hành Giấy mời số "
      "15/GM-MTTQ mời các đại biểu dự hội nghị vào sáng ngày 09/8/2021.\n\n"
      "Thực hiện chỉ đạo phòng chống dịch COVID-19, hội nghị được hoãn; thời gian tổ chức sẽ "
      "thông báo sau.\n";
  const auto metadata = extract_metadata(page);
  EXPECT_NE(metadata.number, std::optional<std::string>("15/GM-MTTQ"));
  EXPECT_NE(metadata.type, std::optional<std::string>("Giấy mời"));
  EXPECT_TRUE(cites(metadata, "15/GM-MTTQ"));

  // Control: the lead's first sentence names the text it introduces.
  const std::string lead =
      "Sở Tư pháp hướng dẫn tuyên truyền pháp luật năm 2020\n\n"
      "Ngày 25/3/2020, Sở Tư pháp tỉnh An Lạc ban hành Văn bản số 473/STP-PBGDPL về việc "
      "hướng dẫn tuyên truyền pháp luật năm 2020. Theo đó, các cơ quan tổ chức tuyên truyền như "
      "sau:\n\n1. Nội dung tuyên truyền.\n";
  EXPECT_EQ(extract_metadata(lead).number, "473/STP-PBGDPL");
  // A short abbreviation's dot ends no sentence.
  const std::string_view city = "Ngày 5/3, UBND TP. Hồ Chí Minh ban hành Kế hoạch số 9/KH-UBND";
  EXPECT_TRUE(structure::in_first_sentence(city, city.find("ban hành")));
  const std::string_view later = "Năm 2020 đã qua. Sở Tư pháp ban hành Văn bản số 5/STP";
  EXPECT_FALSE(structure::in_first_sentence(later, later.find("ban hành")));
}

// A portal that reposts a body's text closes it with the document it gives, in brackets: "(Công
// văn số 51 của HĐND huyện)", its byline run onto the bracket.
TEST(RepostedPages, a_reposts_attribution_names_the_document) {
  const std::string page =
      "Thay đổi thời gian Hội nghị tiếp xúc cử tri xã An Lạc\n\n21/08/2021 16:30\n\n"
      "Thực hiện Thông báo số 32/TB-HĐND ngày 09/6/2021 của Thường trực HĐND xã về dự kiến "
      "nội dung hội nghị. Thường trực HĐND xã đã ban hành Giấy mời số 62/GM-HĐND mời các đại "
      "biểu dự hội nghị của HĐND xã An Lạc vào sáng ngày 09/8/2021.\n\n"
      "Thường trực HĐND xã trân trọng thông báo tới các vị đại biểu, toàn thể cử tri và nhân "
      "dân trong xã./.\n\n"
      "(Công văn số 27 của HĐND xã)Văn phòng HĐND&UBND xã\n";
  const auto metadata = extract_metadata(page);
  EXPECT_EQ(metadata.type, "Công văn");
  EXPECT_EQ(metadata.number, "27");
  EXPECT_EQ(metadata.issuer, "Hội đồng nhân dân xã An Lạc");
  EXPECT_FALSE(metadata.date.has_value());
  EXPECT_TRUE(cites(metadata, "62/GM-HĐND"));
  EXPECT_TRUE(cites(metadata, "32/TB-HĐND"));

  // Controls: two attributions name two documents, neither the page's; a bracket above the
  // text is no attribution of it; a bracket that goes on with a subject is read as it was.
  std::string two = page + "(Công văn số 28 của HĐND xã)\n";
  EXPECT_NE(extract_metadata(two).number, std::optional<std::string>("27"));
  const std::string above =
      "(Thông báo số 27 của UBND xã)\n\nUBND xã An Lạc tổ chức hội nghị vào ngày 09/8/2021.\n";
  EXPECT_NE(extract_metadata(above).number, std::optional<std::string>("27"));
  std::string subject = page;
  subject.replace(subject.find("của HĐND xã)"), std::string("của HĐND xã)").size(),
                  "của HĐND xã về việc hoãn hội nghị)");
  EXPECT_NE(extract_metadata(subject).number, std::optional<std::string>("27"));
}

// ND30 Phụ lục III's texts open with what grounds them and the body that makes them ("Thực hiện
// ..., <body> xây dựng lịch ... như sau:"): that body is the author whatever its verb, and the
// headline that names the type runs it into the text's trích yếu.
TEST(RepostedPages, the_announcing_sentence_names_its_author_whatever_its_verb) {
  const std::string page =
      "Thông báo Lịch tiếp công dân của Chủ tịch HĐND xã nhiệm kỳ 2021-2026\n\n"
      "Thực hiện Luật Tiếp công dân năm 2013, Thường trực HĐND xã xây dựng lịch tiếp công dân "
      "của Chủ tịch HĐND xã nhiệm kỳ 2021-2026 như sau:\n\n"
      "1. Chủ tịch HĐND xã tiếp công dân vào ngày 15 hàng tháng.\n\n"
      "Địa điểm: Trụ sở tiếp công dân xã An Lạc.\n";
  const auto metadata = extract_metadata(page);
  EXPECT_EQ(metadata.type, "Thông báo");
  EXPECT_EQ(metadata.issuer, "Thường trực Hội đồng nhân dân xã An Lạc");
  EXPECT_EQ(metadata.title, "Lịch tiếp công dân của Chủ tịch HĐND xã nhiệm kỳ 2021-2026");

  // Controls: a text naming two communes gives the level no one place; a sentence that does not
  // announce its content names no author; a letter (ô 9a) is left to its own reading.
  std::string two = page + "Người dân xã Bình Sơn đăng ký tại xã mình.\n";
  EXPECT_FALSE(extract_metadata(two).issuer.has_value());
  std::string told = page;
  told.replace(told.find("như sau:"), std::string("như sau:").size(), "năm 2022.");
  EXPECT_FALSE(extract_metadata(told).issuer.has_value());
  EXPECT_FALSE(
      structure::announcing_author(
          "Thực hiện Luật Tiếp công dân, Thường trực HĐND xã xây dựng lịch năm 2022.", "xã An Lạc")
          .has_value());
  EXPECT_EQ(structure::announcing_author(
                "Căn cứ Quyết định số 5/QĐ-UBND, UBND xã An Lạc lập kế hoạch như sau:", ""),
            "Ủy ban nhân dân xã An Lạc");
}

// From half B (after its figure was measured). A lead quotes the text's trích yếu after its
// number in the words "V/v" stands for ("về việc", ND30 Phụ lục I ô 5b).
TEST(RepostedPages, a_leads_about_clause_is_the_trich_yeu) {
  const std::string page =
      "Hướng dẫn tuyên truyền pháp luật năm 2020\n"
      "Ngày 25/3/2020, Sở Tư pháp tỉnh An Lạc ban hành Văn bản số 473/STP-PBGDPL về việc hướng "
      "dẫn thực hiện công tác phổ biến, giáo dục pháp luật; hòa giải ở cơ sở năm 2020, cụ thể như "
      "sau:\n\n1. Nội dung tuyên truyền.\n";
  const auto metadata = extract_metadata(page);
  EXPECT_EQ(metadata.number, "473/STP-PBGDPL");
  EXPECT_EQ(metadata.title,
            "hướng dẫn thực hiện công tác phổ biến, giáo dục pháp luật; hòa giải ở cơ sở năm 2020");
  // Controls: a lead that goes on otherwise gives no subject; nor does a clause too short to be
  // one.
  EXPECT_FALSE(structure::lead_subject(", ngày 25/3/2020 của Sở Tư pháp").has_value());
  EXPECT_FALSE(structure::lead_subject("về việc này.").has_value());
  EXPECT_EQ(structure::lead_subject(" về việc tổ chức Tết Nguyên đán. Theo đó, ..."),
            "tổ chức Tết Nguyên đán");
}

}  // namespace
}  // namespace vanban::analyzers
