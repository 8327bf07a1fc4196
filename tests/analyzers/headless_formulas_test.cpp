// Session 26 (unseen19 and unseen20 studied): rules on made-up text for pages that give a
// commune's, ward's or office's notice or letter without its header (ô 1-5 of ND30 lost), and for
// a signature block whose authority dot a scan read as a comma. Each rule with its controls: what
// the text must still say before a field is read, so that an unknown page gives null, not a guess.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kItems =
    "- Diện tích đất thu hồi: khoảng 3 ha.\n"
    "- Số hộ bị ảnh hưởng: khoảng 75 hộ dân.\n"
    "Đề nghị các hộ gia đình thực hiện đúng thời hạn.\n";

// ND30 Phụ lục III's Thông báo announces its content after the verb: "<body> (trân trọng) thông
// báo:" closing on a colon introduces the items below as "... như sau:" does. The body is named
// with its place right before the verb; a clause that grounds the notice ("Căn cứ Thông báo số
// ... của ...,") stands before it, and the notice it cites is not the verb.
TEST(HeadlessFormulas, a_notice_whose_verb_closes_on_a_colon_names_its_body) {
  const auto page = extract_metadata(
      "Căn cứ Thông báo số 11/TB-UBND ngày 08/01/2026 của Chủ tịch UBND phường An Lạc, nhằm "
      "triển khai dự án nhà ở xã hội, UBND phường Tân Lập trân trọng thông báo:\n" +
      kItems);
  EXPECT_EQ(page.type, "Thông báo");
  EXPECT_EQ(page.type_code, "TB");
  EXPECT_EQ(page.issuer, "Ủy ban nhân dân phường Tân Lập");
  // Controls: a sentence that only ends on the noun ("đã có thông báo:") names no issuer and
  // makes no notice; nor does a body named by its level alone before the colon.
  const auto reported =
      extract_metadata("Về tiến độ dự án, Sở Xây dựng đã có thông báo:\n" + kItems);
  EXPECT_FALSE(reported.issuer.has_value());
  EXPECT_FALSE(reported.type.has_value());
  const auto level = extract_metadata("UBND phường trân trọng thông báo:\n" + kItems);
  EXPECT_FALSE(level.issuer.has_value());
}

// A reply that frames its subject before the body ("Vấn đề quý Ông/Bà phản ánh, UBND phường X
// xin thông báo kết quả như sau:"): "xin" is a courtesy of the verb, the body is the clause
// right before it. A letter with its addressees ("Kính gửi:", ND30 ô 9a) uses the verb without
// being a notice (ND30's Thông báo has no ô 9a): the issuer is read, the type is not Thông báo.
TEST(HeadlessFormulas, a_reply_framed_by_its_subject_names_its_body_and_is_no_notice) {
  const auto reply = extract_metadata(
      "Kính gửi: Quý Ông/Bà.\nVấn đề quý Ông/Bà phản ánh, UBND phường An Lạc xin thông báo kết "
      "quả như sau:\nUBND phường đã xác minh thực tế và đề nghị hộ dân di dời vật dụng.\nTrân "
      "trọng.\n");
  EXPECT_EQ(reply.issuer, "Ủy ban nhân dân phường An Lạc");
  EXPECT_NE(reply.type, "Thông báo");
  // The same formula without addressees is a notice.
  const auto notice =
      extract_metadata("Về lịch tiếp công dân, UBND xã Hòa Bình xin thông báo như sau:\n" + kItems);
  EXPECT_EQ(notice.type, "Thông báo");
  EXPECT_EQ(notice.issuer, "Ủy ban nhân dân xã Hòa Bình");
  // Control: the clause before the comma is not a body, nor is the one after it.
  const auto none = extract_metadata(
      "Kính gửi: Quý Ông/Bà.\nVấn đề quý Ông/Bà phản ánh, chúng tôi xin thông báo kết quả như "
      "sau:\nĐã xác minh thực tế.\n");
  EXPECT_FALSE(none.issuer.has_value());
  // Control: a comma inside a body's own name ("Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"), the
  // page's headline run into the sentence, is not cut into a second body.
  const auto named = extract_metadata(
      "Lịch tiếp công dân năm 2021 tại Trụ sở Tiếp công dân tỉnh\nVăn phòng Đoàn ĐBQH, HĐND và "
      "UBND tỉnh An Lạc thông báo lịch tiếp công dân năm 2021 như sau:\n" +
      kItems);
  EXPECT_EQ(named.issuer,
            "Văn phòng Đoàn đại biểu Quốc hội, Hội đồng nhân dân và Ủy ban nhân dân tỉnh An Lạc");
}

// A report's or notice's closing summary names it by its type and its body ("Trên đây là thông
// báo về việc ... của Ủy ban nhân dân phường X, đề nghị ..."): the body after "của" is the
// issuer, when the summary names the page's own type and the body is named with its place.
TEST(HeadlessFormulas, the_closing_summary_names_the_issuer_of_its_own_type) {
  const std::string headline =
      "THÔNG BÁO Về việc rà soát nhu cầu tiêm phòng năm 2024\n\nCăn cứ Kế hoạch số 71/KH-UBND "
      "ngày 26 tháng 2 năm 2024 của Ủy ban nhân dân Quận 1 về tiêm phòng năm 2024;\n\nNhằm "
      "thực hiện tốt công tác phòng, chống dịch bệnh, các khu phố triển khai danh sách.\n\n";
  const auto summary = extract_metadata(
      headline +
      "Trên đây là thông báo về việc rà soát nhu cầu tiêm phòng năm 2024 của Ủy ban nhân dân "
      "phường Bến Thành, đề nghị các khu phố triển khai thực hiện./.\n");
  EXPECT_EQ(summary.type, "Thông báo");
  EXPECT_EQ(summary.issuer, "Ủy ban nhân dân phường Bến Thành");
  // Controls: another type in the summary, and a body by its level alone, give no issuer.
  const auto other_type = extract_metadata(
      headline +
      "Trên đây là báo cáo kết quả rà soát của Ủy ban nhân dân phường Bến Thành, đề nghị các "
      "khu phố triển khai thực hiện./.\n");
  EXPECT_FALSE(other_type.issuer.has_value());
  const auto level = extract_metadata(
      headline +
      "Trên đây là thông báo về việc rà soát của UBND phường, đề nghị các khu phố thực hiện./.\n");
  EXPECT_FALSE(level.issuer.has_value());
}

// A page that posts a text under an editor's lead naming it ("<body> ban hành <Type> số
// <number> ... giới thiệu toàn văn"): the lead's subject is the issuer when it is a body the
// tables name whole (a central body has no place) or one named with its level and place; the
// headline that runs the same type into its trích yếu ("Hướng dẫn tuyên truyền ...") gives the
// title, as ô 5a does.
TEST(HeadlessFormulas, an_introducing_lead_names_its_issuer_and_the_headline_its_title) {
  const std::string body =
      "\nCăn cứ Kết luận số 88-KL/TW, ngày 18/2/2014 của Bộ Chính trị, Ban hướng dẫn tuyên "
      "truyền như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n- Nhằm tôn vinh những công lao to lớn.\n";
  const auto page = extract_metadata(
      "Hướng dẫn tuyên truyền kỷ niệm 100 năm Ngày sinh đồng chí Trần Văn An\n\nBan Tuyên "
      "giáo Trung ương ban hành Hướng dẫn số 55-HD/BTGTW về tuyên truyền kỷ niệm 100 năm Ngày "
      "sinh đồng chí Trần Văn An. Trang thông tin trân trọng giới thiệu toàn văn Hướng dẫn.\n" +
      body);
  EXPECT_EQ(page.type, "Hướng dẫn");
  EXPECT_EQ(page.number, "55-HD/BTGTW");
  EXPECT_EQ(page.issuer, "Ban Tuyên giáo Trung ương");
  EXPECT_EQ(page.title, "tuyên truyền kỷ niệm 100 năm Ngày sinh đồng chí Trần Văn An");
  // Controls: a post as the lead's subject names no body; a headline of another type gives no
  // title.
  const auto post = extract_metadata(
      "Kế hoạch kiểm tra công tác văn thư năm 2025\n\nBộ trưởng Bộ Nội vụ ban hành Hướng dẫn "
      "số 55-HD/BNV về kiểm tra công tác văn thư. Trang thông tin giới thiệu toàn văn Hướng "
      "dẫn.\n" +
      body);
  EXPECT_EQ(post.number, "55-HD/BNV");
  EXPECT_FALSE(post.issuer.has_value());
  EXPECT_FALSE(post.title.has_value());
  // Control: a news headline on the act ("... thông qua tại kỳ họp"), which the lead does not
  // restate after the number, is no title.
  const auto news = extract_metadata(
      "Hướng dẫn thông qua tại hội nghị Ban Thường vụ\n\nBan Tuyên giáo Trung ương ban hành "
      "Hướng dẫn số 55-HD/BTGTW \"Về tuyên truyền kỷ niệm 100 năm Ngày sinh đồng chí Trần Văn "
      "An\". Trang thông tin giới thiệu toàn văn Hướng dẫn.\n" +
      body);
  EXPECT_EQ(news.number, "55-HD/BTGTW");
  EXPECT_FALSE(news.title.has_value());
}

std::string decision(const std::string& block) {
  return "THỦ TƯỚNG CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
         "Hạnh phúc\n---------------\nSố: 12/QĐ-TTg\nHà Nội, ngày 12 tháng 3 năm 2025\n\n"
         "QUYẾT ĐỊNH\nVề việc kiểm tra công tác văn thư năm 2025\n\nCăn cứ Luật Tổ chức Chính "
         "phủ ngày 18 tháng 02 năm 2025;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Kiểm tra công tác văn thư.\n"
         "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n\n" +
         block + "\n";
}

// ND30 ô 7a writes the authority with a dot ("KT. THỦ TƯỚNG"); a scan's engine reads the dot as
// a comma. Followed by a post or body the tables know in capitals, the comma is the dot; a list
// of codes (the "Lưu:" line's "VT, KT, TH.") has no post after its comma.
TEST(HeadlessFormulas, an_authority_whose_dot_was_read_as_a_comma_is_the_authority) {
  const auto comma = extract_metadata(
      decision("Nơi nhận:\n- Các bộ, cơ quan ngang bộ;\n- Lưu: VT, KTTH.\n\nKT, THỦ TƯỚNG\nPHÓ THỦ "
               "TƯỚNG\n\nTrần Văn An"));
  const auto dot = extract_metadata(
      decision("Nơi nhận:\n- Các bộ, cơ quan ngang bộ;\n- Lưu: VT, KTTH.\n\nKT. THỦ TƯỚNG\nPHÓ THỦ "
               "TƯỚNG\n\nTrần Văn An"));
  EXPECT_EQ(dot.signing_authority, "KT. Thủ tướng");
  EXPECT_EQ(comma.signing_authority, dot.signing_authority);
  EXPECT_EQ(comma.signer_title, dot.signer_title);
  EXPECT_EQ(comma.signer, dot.signer);
  // Control: codes after a comma are no authority.
  const auto codes = extract_metadata(decision(
      "Nơi nhận:\n- Các bộ, cơ quan ngang bộ;\n- Lưu: VT,\nKT, TH.\n\nTHỦ TƯỚNG\n\nTrần Văn An"));
  EXPECT_FALSE(codes.signing_authority.has_value());
  EXPECT_EQ(codes.signer_title, "Thủ tướng");
}

// ND30 ô 9b sets each recipient on its own line, opened by "-" and ended by ";". A text copy
// that lost the line breaks and the space after each ";" runs them into one line ("-Sở Tài chính
// (để b/c);-UBND phường An Lạc (để b/c);-Lưu: VT."): a dash right after a ";" before a capital
// opens the next item, and the archive line still ends the list. A hyphen inside a name ("Bà Rịa
// - Vũng Tàu", "Sở Lao động-Thương binh") is no item's dash.
TEST(HeadlessFormulas, recipients_run_into_one_line_after_their_semicolons_are_items) {
  const auto glued = extract_metadata(decision(
      "Nơi nhận:\n-Sở Tài chính (để b/c);-UBND phường An Lạc (để b/c);-Các thành viên Tổ công "
      "tác (để t/h);-Lưu: VT.\n\nTHỦ TƯỚNG\n\nTrần Văn An"));
  const std::vector<std::string> want = {"Sở Tài chính (để b/c)", "UBND phường An Lạc (để b/c)",
                                         "Các thành viên Tổ công tác (để t/h)"};
  EXPECT_EQ(glued.recipients, want);
  // Control: a hyphen inside an item opens no item.
  const auto hyphen = extract_metadata(decision(
      "Nơi nhận:\n- Sở Lao động-Thương binh và Xã hội;\n- UBND tỉnh Bà Rịa-Vũng Tàu;\n- Lưu: "
      "VT.\n\nTHỦ TƯỚNG\n\nTrần Văn An"));
  const std::vector<std::string> whole = {"Sở Lao động-Thương binh và Xã hội",
                                          "UBND tỉnh Bà Rịa-Vũng Tàu"};
  EXPECT_EQ(hyphen.recipients, whole);
}

}  // namespace
}  // namespace vanban::analyzers
