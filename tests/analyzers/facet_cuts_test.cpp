// Values a user reads in the facets are whole: a cited law's name ends where a name can end (a
// whole word that is no preposition or conjunction, before a reference to a part, at a name
// shortened to its abbreviation), a name cut inside a word by the page is no value, a signer
// stands under a post that names a function in words (not under a form's table heading), and
// an issuer is no letter left over beside the rule drawn under the header cell.
#include <optional>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "structure/facet_values.hpp"

namespace vanban::analyzers {
namespace {

// The laws a made-up plan cites by name: each citation's title. `body` is the plan's body.
std::set<std::string> laws_cited_in(const std::string& body) {
  const DocumentMetadata metadata = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 31/KH-UBND\nHà Nam, ngày 6 tháng 5 "
      "năm 2024\nKẾ HOẠCH\nTriển khai công tác năm 2024\n" +
      body + "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n");
  std::set<std::string> titles;
  for (const Citation& citation : metadata.citations)
    if (citation.title && !citation.number) titles.insert(*citation.title);
  return titles;
}

TEST(FacetCuts, a_law_s_name_never_ends_on_a_preposition) {
  // "theo" takes what follows ("theo các phương thức"): the name ends before it.
  const auto laws = laws_cited_in(
      "1. Nhà cung cấp đánh giá sự phù hợp với yêu cầu của Điều 14 của Luật Công nghiệp văn hóa "
      "theo các phương thức sau đây.");
  EXPECT_EQ(laws, std::set<std::string>{"Luật Công nghiệp văn hóa"});
}

TEST(FacetCuts, nouns_that_end_a_name_stay) {
  // "ở" (dwelling) and "số" (digital) end names as nouns; "và" inside a name joins two parts.
  EXPECT_EQ(laws_cited_in("1. Căn cứ Luật Nhà ở ngày 27 tháng 11 năm 2023;"),
            std::set<std::string>{"Luật Nhà ở"});
  EXPECT_EQ(laws_cited_in("1. Căn cứ Luật Chuyển đổi số ngày 14 tháng 6 năm 2025;"),
            std::set<std::string>{"Luật Chuyển đổi số"});
  EXPECT_EQ(laws_cited_in("1. Căn cứ Luật Kiểm định và hiệu chuẩn ngày 14 tháng 6 năm 2025;"),
            std::set<std::string>{"Luật Kiểm định và hiệu chuẩn"});
}

TEST(FacetCuts, a_reference_to_a_part_after_and_is_no_word_of_the_name) {
  // ND30 Phụ lục II capitalises Điều, Mục, Chương, Phần: "và Điều 9 của Nghị định này" refers
  // to the citing text's part, after the law's.
  EXPECT_EQ(laws_cited_in("1. Thông báo theo cách thức quy định tại khoản 2 Điều 8 của Luật "
                          "Tương trợ dân sự và Điều 9 của Kế hoạch này."),
            std::set<std::string>{"Luật Tương trợ dân sự"});
  EXPECT_EQ(laws_cited_in("1. Kiến nghị được giải quyết theo Điều 95 Luật Tương trợ dân sự và "
                          "Tiểu mục 2 Mục 9 Chương IV của Kế hoạch này."),
            std::set<std::string>{"Luật Tương trợ dân sự"});
}

TEST(FacetCuts, a_name_shortened_to_its_abbreviation_ends_there) {
  // A common name may be abbreviated (ND30): after "Luật PPP" the sentence, or a table's next
  // cell, goes on.
  EXPECT_EQ(laws_cited_in("1. Vốn chủ sở hữu theo Điều 77 Luật PPP và trùng khớp với Mục 3."),
            std::set<std::string>{"Luật PPP"});
  EXPECT_EQ(laws_cited_in("1. Nghiên cứu hợp nhất hai luật với Luật NSNN Bộ Tài chính Các bộ, "
                          "ngành 2026 - 2030"),
            std::set<std::string>{"Luật NSNN"});
  EXPECT_EQ(laws_cited_in("1. Triển khai Luật KHCN và ĐMST trên địa bàn tỉnh."),
            std::set<std::string>{"Luật KHCN và ĐMST"});
}

TEST(FacetCuts, a_name_cut_inside_a_word_names_no_law) {
  // The copy ends inside the name: "c" is no syllable, and which law it was is unknown.
  EXPECT_TRUE(laws_cited_in("1. Tiếp công dân đột xuất trong các trường hợp quy định tại khoản "
                            "3 Điều 18 của Luật Tiếp c")
                  .empty());
  // The amending formula alone, before a colon, names no law.
  EXPECT_TRUE(
      laws_cited_in("1. Căn cứ Luật Sửa đổi, bổ sung: một số điều của văn bản hiện hành.").empty());
}

// A made-up circular whose appendix is a report form (a table with its "STT" column heading),
// with or without the circular's own signature block before it.
DocumentMetadata circular_with_form(const std::string& signature) {
  return extract_metadata(
      "BỘ TÀI CHÍNH\nSố: 12/2024/TT-BTC\nHà Nội, ngày 4 tháng 5 năm 2024\nTHÔNG TƯ\n"
      "Hướng dẫn báo cáo quỹ dự phòng\nĐiều 1. Phạm vi điều chỉnh\n"
      "Thông tư này hướng dẫn báo cáo quỹ dự phòng của doanh nghiệp.\n" +
      signature +
      "Phụ lục\nBÁO CÁO TRÍCH LẬP QUỸ DỰ PHÒNG\nĐơn vị tính:.........\nSTT\nChỉ Tiêu\nMã số\n"
      "Số tiền\nA\nB\n1\n2\n");
}

TEST(FacetCuts, a_form_s_table_heading_is_no_signature_block) {
  // "STT" (số thứ tự) over "Chỉ Tiêu": codes name no function, so the column heading under it
  // is no signer, even in title case.
  EXPECT_EQ(circular_with_form("").signer, std::nullopt);
  // The circular's own block before the form is still read.
  const DocumentMetadata signed_circular = circular_with_form(
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n"
      "Trần Văn Bình\n");
  EXPECT_EQ(signed_circular.signer, std::optional<std::string>("Trần Văn Bình"));
}

TEST(FacetCuts, a_letter_glued_to_the_rule_under_the_header_cell_is_no_issuer) {
  EXPECT_FALSE(structure::is_written_in_words("T———"));
  EXPECT_FALSE(structure::is_written_in_words("Sở Giáo dục-"));
  EXPECT_TRUE(structure::is_written_in_words("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"));
  EXPECT_TRUE(structure::is_written_in_words("Ủy ban nhân dân tỉnh Bà Rịa-Vũng Tàu"));
  EXPECT_TRUE(structure::is_written_in_words("Phòng GD&ĐT huyện Thanh Liêm"));
  EXPECT_TRUE(structure::is_written_in_words("Sở Lao động – Thương binh và Xã hội"));
}

}  // namespace
}  // namespace vanban::analyzers
