// A question typed without its question mark, whose only sign is an interrogative pronoun
// standing where the grammar puts one ("co quan nao cap giay phep", "can giay to gi", "ai co
// tham quyen", "nop vao dau", "co may loai") or a yes-or-no close ("... duoc ... khong", "da ...
// chua"): it is read as a question (asks_question()), typed either way. Boxes holding the same
// letters in another sense (topics, titles: "thép không gỉ", "nạo vét", "viêm não", "đầu tư",
// "nhà máy", "hàng không", "hồ chứa", "bất kỳ ... nào", "không có gì") stay searches of words.
// Requests and alternatives count too (the tests of QuestionRequests): a request opening with a
// verb of telling ("Liệt kê ...", "Hãy cho biết ...", "Nêu các ...", "Tôi muốn biết ..."), an
// alternative ("... được hưởng A hay B"), "sao" asking why or how ("tai sao", "lam sao"). Their
// asker's words weigh nothing and are never listed missing, the content words keep their
// weight, and the spelling offered reads the question's grammar ("vào đâu", "cần làm gì");
// topics holding the same letters ("nêu gương", "trình bày văn bản", "mô hình hay", "sao y
// bản chính", "xin ý kiến") stay searches of words.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/fold.hpp"
#include "vanban/archive/query_parser.hpp"

#include "accent_restoration.hpp"
#include "definition_question.hpp"
#include "search_fixtures.hpp"

namespace vanban::testing {
namespace {

using Names = std::vector<std::string>;

// Whether the search reads `box` as a question.
bool asks(const std::string& box) {
  auto parsed = archive::query::parse_query(box);
  EXPECT_TRUE(parsed.ok()) << box;
  return parsed.ok() && archive::asks_question(parsed->root, parsed->asked);
}

// Each box typed as given and without diacritics (lower case, đ → d).
std::vector<std::string> both_ways(const std::vector<std::string>& boxes) {
  std::vector<std::string> out;
  for (const std::string& box : boxes) {
    out.push_back(box);
    out.push_back(analyzers::fold(box));
  }
  return out;
}

TEST(QuestionWithoutMark, an_interrogative_pronoun_where_the_grammar_puts_one_asks) {
  for (const std::string& box : both_ways({
           "thủ tục đăng ký kết hôn cần giấy tờ gì",
           "cơ quan nào cấp giấy phép xây dựng",
           "đơn vị nào cung cấp thông tin",  // "cung" of cung cấp, not "cũng"
           "ai có thẩm quyền xử phạt vi phạm hành chính",
           "giao dịch của người chưa đủ sáu tuổi do ai xác lập",
           "người đồng phạm bao gồm những ai",
           "hồ sơ đề nghị cấp phép nộp vào đâu",
           "kinh phí lấy từ đâu",
           "hợp đồng lao động có mấy loại",
           "quy định tại điều mấy của bộ luật",
           "người lao động được nghỉ mấy ngày",
           "chủ thể nào được ưu tiên mua",
       }))
    EXPECT_TRUE(asks(box)) << box;
  // Typed with diacritics, "đâu" and "mấy" are the pronouns wherever they follow a word.
  EXPECT_TRUE(asks("tiền phạt nộp đâu"));
  EXPECT_TRUE(asks("sau mấy năm thì được nâng lương"));
}

TEST(QuestionWithoutMark, a_yes_or_no_close_after_the_verb_asked_asks) {
  for (const std::string& box : both_ways({
           "người lao động được nghỉ phép năm không", "hộ kinh doanh phải đóng thuế không",
           "nghị định này đã hết hiệu lực chưa", "hợp đồng có công chứng chưa",
           "lấn chiếm đất có bị phạt tiền không",  // main's "có ... không"
       }))
    EXPECT_TRUE(asks(box)) << box;
}

// A definition asked for by its opening frame is a question too: the law says "X là …",
// never "định nghĩa".
TEST(QuestionWithoutMark, a_definition_asked_for_asks) {
  for (const std::string& box :
       both_ways({"Định nghĩa của \"Quan hệ lao động\"", "khái niệm an ninh mạng",
                  "định nghĩa về hợp đồng hợp tác"}))
    EXPECT_TRUE(asks(box)) << box;
  // The words inside a title are no frame ("xác định nghĩa vụ").
  for (const std::string& box : both_ways({"xác định nghĩa vụ tài chính về đất đai"}))
    EXPECT_FALSE(asks(box)) << box;
}

// The controls: topics, titles and numbers holding the same letters in another sense.
TEST(QuestionWithoutMark, topics_and_titles_holding_the_same_letters_ask_nothing) {
  for (const std::string& box : both_ways({
           "thép không gỉ dạng thanh",
           "thực hiện nạo vét luồng lạch",
           "tiêm vắc xin viêm não nhật bản",
           "xác định chết não",
           "không có gì được giữ lại",
           "không để ai bị bỏ lại phía sau",
           "xử lý bất kỳ cơ quan nào vi phạm",
           "viện trợ của ai len",
           "hợp tác với ai cập",
           "ứng dụng ai trong giáo dục",
           "dự án đầu tư công",
           "kinh doanh xăng dầu",
           "tổ chức thi đấu thể thao",
           "vào đầu năm học",
           "đơn vị đi đầu trong phong trào",
           "nhà máy nhiệt điện",
           "tổ chức bộ máy cấp xã",
           "ngành may mặc",
           "cấp bản sao từ sổ gốc",
           "an ninh hàng không",
           "được cấp phép khai thác cảng hàng không",
           "được đầu tư hệ thống phòng không",
           "mục tiêu phát thải ròng bằng không",
           "đã có quy trình vận hành hồ chứa",
           "có kế hoạch sửa chữa",
           "kế hoạch dân vận",
           "158/2025/NĐ-CP",
           "Nghị định về an ninh hàng không",
       }))
    EXPECT_FALSE(asks(box)) << box;
  // The pronoun opening the box follows no noun: "nào" opening a title is no question.
  EXPECT_FALSE(asks("nạo vét kênh mương"));
  EXPECT_FALSE(asks("nao vet kenh muong"));
  // Indefinite, typed with diacritics: "gì đó", "nào cũng".
  EXPECT_FALSE(asks("một việc gì đó"));
  EXPECT_FALSE(asks("trường hợp nào cũng phải báo cáo"));
}

// Articles of a law: no number, issuer or title of their own.
Doc law_article(std::string name, std::string body) {
  return {.name = std::move(name), .type = "", .issuer = "", .date = "", .body = std::move(body)};
}

TEST(QuestionWithoutMark, is_matched_by_weight_and_its_pronoun_weighs_nothing) {
  std::vector<Doc> docs{
      law_article("court", "Tòa án nhân dân có quyền tuyên bố thỏa ước lao động tập thể vô hiệu."),
      law_article("nobody",
                  "Thỏa ước lao động tập thể bị tuyên bố vô hiệu thì không ai phải thực hiện; "
                  "không có gì được giữ lại.")};
  const char* lines[] = {"Người lao động có quyền nghỉ hằng năm theo hợp đồng lao động.",
                         "Cơ quan nhà nước có thẩm quyền quyết định việc đăng ký kinh doanh.",
                         "Tài sản chung của vợ chồng được chia theo pháp luật.",
                         "Hợp đồng dân sự được giao kết bằng lời nói hoặc bằng văn bản."};
  for (int i = 0; i < 12; ++i)
    docs.push_back(law_article("filler-" + std::to_string(i), lines[i % 4]));
  SearchArchive archive{};
  archive.add(docs);
  for (const std::string& box :
       both_ways({"ai có quyền tuyên bố thỏa ước lao động tập thể vô hiệu",
                  "cơ quan nào tuyên bố thỏa ước lao động tập thể vô hiệu",
                  "thỏa ước lao động tập thể vô hiệu thì được xử lý gì"})) {
    const auto asked = archive.search(box);
    EXPECT_TRUE(asked.question) << box;
    EXPECT_EQ(asked.all_words_total, 0U) << box;  // not counted: matched by weight
    ASSERT_FALSE(asked.hits.empty()) << box;
    // The pronoun is no word of the answer's: never listed as missing.
    for (const auto& hit : asked.hits) {
      const auto& missing = hit.missing_words;
      for (const char* pronoun : {"ai", "nào", "nao", "gì", "gi"})
        EXPECT_EQ(std::find(missing.begin(), missing.end(), pronoun), missing.end())
            << box << ' ' << hit.id;
    }
  }
  EXPECT_EQ(archive.names(archive.search("ai co quyen tuyen bo thoa uoc lao dong tap the vo hieu"))
                .front(),
            "court");
  // The control: the topic's words alone are a search of words, every word required.
  const auto words = archive.search("tuyên bố thỏa ước lao động tập thể vô hiệu");
  EXPECT_FALSE(words.question);
  EXPECT_EQ(words.all_words_total, 2U);
  const auto nothing = archive.search("không có gì được giữ lại");
  EXPECT_FALSE(nothing.question);
  EXPECT_EQ(archive.names(nothing).front(), "nobody");
}

// The words of `box` that the search weighs nothing in a question (interrogative_words()).
std::vector<std::string> asker_words_of(const std::string& box) {
  auto parsed = archive::query::parse_query(box);
  EXPECT_TRUE(parsed.ok()) << box;
  std::vector<std::string> out;
  if (!parsed.ok()) return out;
  for (const auto& child : parsed->root.children) {
    if (child.kind != archive::query::Node::Kind::words) continue;
    const std::vector<bool> asked = archive::interrogative_words(child.words);
    for (std::size_t i = 0; i < child.words.size(); ++i)
      if (asked[i]) out.push_back(child.words[i].folded);
  }
  return out;
}

TEST(QuestionRequests, a_request_opening_the_box_asks) {
  for (const std::string& box : both_ways({
           "Liệt kê các hình phạt chính",
           "Hãy cho biết thời hiệu khởi kiện về hợp đồng",
           "Cho biết điều kiện kết hôn",
           "Nêu các trường hợp chấm dứt hợp đồng lao động",
           "Nêu rõ quyền của người lao động",
           "Nêu khái niệm hợp đồng dân sự",
           "Trình bày các nguyên tắc xử lý vi phạm hành chính",
           "Tôi muốn biết thủ tục ly hôn",
           "Xin vui lòng cho biết mức lương tối thiểu vùng",
           "Kể tên các loại hợp đồng lao động",
           "Hãy giải thích nghĩa vụ hoàn trả",
           "Mô tả các bước đăng ký doanh nghiệp",
           "Cho tôi hỏi về thời gian thử việc",
           "Theo Bộ luật Dân sự hãy trình bày quyền sở hữu",
       }))
    EXPECT_TRUE(asks(box)) << box;
}

TEST(QuestionRequests, an_alternative_asks) {
  for (const std::string& box : both_ways({
           "người lao động nghỉ việc được hưởng lương hay trợ cấp",
           "hợp đồng này là hợp đồng dân sự hay hợp đồng lao động",
           "tiền thuê nhà thanh toán bằng tiền mặt hay chuyển khoản",
           "công ty hay cá nhân phải nộp lệ phí trước bạ",
       }))
    EXPECT_TRUE(asks(box)) << box;
}

TEST(QuestionRequests, sao_asking_why_or_how_asks) {
  for (const std::string& box : both_ways({
           "tại sao người lao động bị sa thải",
           "vì sao phải đóng bảo hiểm xã hội",
           "hợp đồng được giải thích như thế nào",
           "làm sao để đăng ký kết hôn với người nước ngoài",
           "không đóng bảo hiểm thì sao",
           "sao lại bị phạt tiền",
       }))
    EXPECT_TRUE(asks(box)) << box;
}

// The controls: topics and titles holding a request's, an alternative's or "sao"'s letters.
TEST(QuestionRequests, topics_and_titles_holding_the_same_letters_ask_nothing) {
  for (const std::string& box : both_ways({
           "quy định trách nhiệm nêu gương của cán bộ đảng viên",
           "nêu gương cán bộ",
           "thể thức và kỹ thuật trình bày văn bản",
           "trình bày văn bản hành chính",
           "mô tả công việc vị trí việc làm",
           "giải thích từ ngữ",
           "hướng dẫn thực hiện chế độ báo cáo",
           "xin ý kiến dự thảo nghị định",
           "xin chủ trương đầu tư dự án",
           "bảng liệt kê tài sản",
           "kê khai tài sản thu nhập",
           "nhân rộng mô hình hay cách làm hiệu quả",
           "tuyên truyền gương điển hình tiên tiến mô hình hay",
           "kinh nghiệm hay trong cải cách hành chính",
           "cấp bản sao từ sổ gốc",
           "sao y bản chính",
           "làm sao y bản chính",
           "sao lục văn bản",
           "nếu các bên không có thỏa thuận",
           "kế hoạch tuyên truyền phổ biến pháp luật",
           "158/2025/NĐ-CP",
       }))
    EXPECT_FALSE(asks(box)) << box;
}

TEST(QuestionRequests, the_askers_words_are_the_grammars_and_content_words_stay) {
  using Words = std::vector<std::string>;
  EXPECT_EQ(asker_words_of("Liệt kê các hình phạt chính"), (Words{"liet", "ke"}));
  EXPECT_EQ(asker_words_of("hay cho biet thoi hieu khoi kien"), (Words{"hay", "cho", "biet"}));
  EXPECT_EQ(asker_words_of("Xin vui lòng nêu rõ quyền của người lao động"),
            (Words{"xin", "vui", "long", "neu", "ro"}));
  EXPECT_EQ(asker_words_of("toi muon biet thu tuc ly hon"), (Words{"toi", "muon", "biet"}));
  EXPECT_EQ(asker_words_of("được hưởng lương hay trợ cấp"), (Words{"hay"}));
  // Typed without diacritics, đâu and mấy where the grammar puts them (session 31 read them so
  // to know a question, and weighed them as words).
  EXPECT_EQ(asker_words_of("nop ho so vao dau"), (Words{"dau"}));
  EXPECT_EQ(asker_words_of("hop dong lao dong co may loai"), (Words{"may"}));
  EXPECT_EQ(asker_words_of("lam sao de dang ky ket hon"), (Words{"sao"}));
  // Controls: "đầu tư", "nhà máy", "nêu gương", "mô hình hay" keep every word.
  EXPECT_TRUE(asker_words_of("nop ho so dau tu").empty());
  EXPECT_TRUE(asker_words_of("nha may co loai").empty());
  EXPECT_TRUE(asker_words_of("neu guong can bo").empty());
  EXPECT_TRUE(asker_words_of("mô hình hay có hiệu quả").empty());
}

// A definition asked for after a request's words is the definition question of session 27.
TEST(QuestionRequests, a_definition_asked_for_after_a_request_names_its_term) {
  const auto term = [](const std::string& box) {
    auto parsed = archive::query::parse_query(box);
    EXPECT_TRUE(parsed.ok()) << box;
    std::string out;
    if (!parsed.ok()) return out;
    for (const auto& word : archive::defined_term(parsed->root))
      out += (out.empty() ? "" : " ") + word.folded;
    return out;
  };
  EXPECT_EQ(term("Nêu khái niệm hợp đồng dân sự"), "hop dong dan su");
  EXPECT_EQ(term("hay cho biet dinh nghia cua nguoi lao dong"), "nguoi lao dong");
  // Controls: a told noun that opens no frame, and the frame alone as before.
  EXPECT_EQ(term("Nêu các trường hợp chấm dứt hợp đồng"), "");
  EXPECT_EQ(term("khái niệm an ninh mạng"), "an ninh mang");
}

std::vector<Doc> request_articles() {
  std::vector<Doc> docs{
      law_article("penalties",
                  "Hình phạt chính bao gồm: cảnh cáo, phạt tiền, cải tạo không "
                  "giam giữ, trục xuất, tù có thời hạn."),
      law_article("listing",
                  "Cơ quan thuế lập bảng liệt kê các khoản thu; bảng liệt kê được "
                  "gửi cho người nộp thuế."),
      law_article("severance",
                  "Người lao động nghỉ việc được hưởng trợ cấp thôi việc theo quy định."),
      law_article("filing",
                  "Hồ sơ đăng ký kinh doanh được nộp tại cơ quan đăng ký kinh doanh "
                  "cấp tỉnh."),
      law_article("start", "Vào đầu mỗi năm, cơ quan lập hồ sơ kế hoạch và đăng ký đầu tư."),
      law_article("duty",
                  "Người lao động cần phải thực hiện đúng nội quy lao động. Hợp đồng "
                  "cần có chữ ký của các bên và cần được công chứng."),
      law_article("basis",
                  "Người sử dụng lao động căn cứ vào kết quả đánh giá; cán bộ công "
                  "chức có căn cứ pháp lý."),
  };
  const char* lines[] = {"Người lao động có quyền nghỉ hằng năm theo hợp đồng lao động.",
                         "Cơ quan nhà nước có thẩm quyền quyết định việc đăng ký kinh doanh.",
                         "Tài sản chung của vợ chồng được chia theo pháp luật.",
                         "Hợp đồng dân sự được giao kết bằng lời nói hoặc bằng văn bản."};
  for (int i = 0; i < 12; ++i)
    docs.push_back(law_article("filler-" + std::to_string(i), lines[i % 4]));
  return docs;
}

bool lists_missing(const archive::SearchResponse& response, const std::vector<std::string>& words) {
  for (const auto& hit : response.hits)
    for (const std::string& word : words)
      if (std::find(hit.missing_words.begin(), hit.missing_words.end(), word) !=
          hit.missing_words.end())
        return true;
  return false;
}

TEST(QuestionRequests, are_matched_by_weight_and_the_askers_words_weigh_nothing) {
  SearchArchive archive{};
  archive.add(request_articles());
  for (const std::string& box :
       both_ways({"Liệt kê các hình phạt chính", "Hãy cho biết các hình phạt chính"})) {
    const auto asked = archive.search(box);
    EXPECT_TRUE(asked.question) << box;
    ASSERT_FALSE(asked.hits.empty()) << box;
    // "liệt kê" weighs nothing: the article holding it twice is no answer.
    EXPECT_EQ(archive.names(asked).front(), "penalties") << box;
    EXPECT_FALSE(
        lists_missing(asked, {"liệt", "kê", "liet", "ke", "hãy", "hay", "cho", "biết", "biet"}))
        << box;
  }
  for (const std::string& box :
       both_ways({"người lao động nghỉ việc được hưởng lương hay trợ cấp thôi việc"})) {
    const auto asked = archive.search(box);
    EXPECT_TRUE(asked.question) << box;
    ASSERT_FALSE(asked.hits.empty()) << box;
    EXPECT_EQ(archive.names(asked).front(), "severance") << box;
    EXPECT_FALSE(lists_missing(asked, {"hay"})) << box;
  }
  const auto where = archive.search("ho so dang ky kinh doanh nop vao dau");
  EXPECT_TRUE(where.question);
  ASSERT_FALSE(where.hits.empty());
  EXPECT_EQ(archive.names(where).front(), "filing");
  EXPECT_FALSE(lists_missing(where, {"dau"}));
  // The controls: the same letters in a search of words keep every word, all required.
  const auto listing = archive.search("bảng liệt kê các khoản thu");
  EXPECT_FALSE(listing.question);
  EXPECT_EQ(listing.all_words_total, 1U);  // counted with every word: the one holding them all
  ASSERT_FALSE(listing.hits.empty());
  EXPECT_EQ(archive.names(listing).front(), "listing");
  const auto start = archive.search("dau moi nam");
  EXPECT_FALSE(start.question);
  EXPECT_EQ(archive.names(start).front(), "start");
}

TEST(QuestionRequests, the_spelling_offered_reads_the_questions_grammar) {
  SearchArchive archive{};
  archive.add(request_articles());
  const auto suggested = [&](const std::string& box) { return archive.search(box).suggestion; };
  EXPECT_NE(suggested("ho so dang ky kinh doanh nop vao dau").find("vào đâu"), std::string::npos);
  EXPECT_NE(suggested("nguoi lao dong can lam gi").find("cần làm gì"), std::string::npos);
  EXPECT_NE(suggested("hop dong co can cong chung khong").find("có cần công chứng"),
            std::string::npos);
  EXPECT_NE(suggested("liet ke cac hinh phat chinh").find("liệt kê các"), std::string::npos);
  // Controls: "can" in a compound ("căn cứ", "cán bộ"), and no question at all.
  EXPECT_EQ(suggested("nguoi lao dong co can cu gi").find("cần"), std::string::npos);
  EXPECT_EQ(suggested("can bo cong chuc").find("cần"), std::string::npos);
}

}  // namespace
}  // namespace vanban::testing
