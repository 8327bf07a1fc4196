// Citations in the forms the first extractor missed: older numbers that name only the issuer
// ("Nghị định số 50/CP", "Quyết định số 111-HĐBT"), dotted numbers ("66.13/2026/NQ-CP") and
// lists whose items carry no type name ("tại các văn bản: Số 202/TTr-..., số 192/TTr-..."),
// with the look-alikes that must stay out: dates, fractions, pages, phone numbers, form codes.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

std::vector<std::string> numbers_of(const std::string& text) {
  std::vector<std::string> numbers;
  for (const Citation& citation : extract_metadata(text).citations)
    numbers.push_back(citation.number.value_or("(" + citation.number_key.value_or("") + ")"));
  return numbers;
}

TEST(OlderCitations, a_government_decree_numbered_with_its_issuer_only_is_cited) {
  const auto citations =
      extract_metadata(
          "Căn cứ Nghị định số 50/CP ngày 26 tháng 7 năm 1995 của Chính phủ về chế độ sinh "
          "hoạt phí;")
          .citations;
  ASSERT_EQ(citations.size(), 1u);
  EXPECT_EQ(citations[0].type, "Nghị định");
  EXPECT_EQ(citations[0].number, "50/CP");
  EXPECT_EQ(citations[0].number_key, "50/cp");
  EXPECT_EQ(citations[0].date, "1995-07-26");
  EXPECT_EQ(citations[0].issuer, "Chính phủ");
}

TEST(OlderCitations, hyphenated_older_numbers_keep_the_type_named_in_the_text) {
  const auto citations =
      extract_metadata(
          "theo Quyết định số 130-CP ngày 20 tháng 6 năm 1975 của Hội đồng Chính phủ và Quyết "
          "định số 111-HĐBT ngày 13 tháng 10 năm 1981 của Hội đồng Bộ trưởng; Chỉ thị số 49-CT "
          "ngày 02/3/1985; Văn bản số 87-CT ngày 01/3/1985.")
          .citations;
  ASSERT_EQ(citations.size(), 4u);
  EXPECT_EQ(citations[0].number, "130-CP");
  EXPECT_EQ(citations[0].number_key, "130/cp");
  EXPECT_EQ(citations[0].issuer, "Hội đồng Chính phủ");
  EXPECT_EQ(citations[1].number, "111-HĐBT");
  EXPECT_EQ(citations[1].number_key, "111/hdbt");
  EXPECT_EQ(citations[1].type, "Quyết định");
  EXPECT_EQ(citations[1].date, "1981-10-13");
  EXPECT_EQ(citations[2].type, "Chỉ thị");
  // "CT" is the issuer (Chủ tịch Hội đồng Bộ trưởng), not the type Chỉ thị.
  EXPECT_EQ(citations[3].type, "Văn bản");
  EXPECT_EQ(citations[3].number_key, "87/ct");
}

TEST(OlderCitations, numbers_sharing_an_older_symbol_are_each_cited) {
  EXPECT_EQ(numbers_of("Nghị định số 43/CP, 45/CP và 66/CP của Chính phủ."),
            (std::vector<std::string>{"43/CP", "45/CP", "66/CP"}));
  EXPECT_EQ(numbers_of("Quyết định số 206, 207-CP ngày 30/5/1979."),
            (std::vector<std::string>{"206-CP", "207-CP"}));
}

TEST(OlderCitations, a_number_with_one_code_counts_only_after_a_type_and_so) {
  for (const char* text : {
           "Văn bản thông báo theo Mẫu số 02/PLIV ban hành kèm theo Nghị định này.",
           "theo Thông tư này hoặc Mẫu số 01/PLI, 03a/PLI;",
           "Kỳ báo cáo 404/BTXH - Sở.",
           "Quyết định số 12/3/2023 của UBND tỉnh.",
           "Kế hoạch số 1/2 năm 2026.",
           "Tờ trình số 3/12 trang.",
           "Công văn số 0912-345-678.",
           "Nghị định số 5-Giao thông.",
           "Báo cáo số 9/10 điểm.",
           "Quyết định số 04-A.",
       }) {
    EXPECT_TRUE(extract_metadata(text).citations.empty()) << text;
  }
}

TEST(OlderCitations, a_header_with_an_older_number_has_that_number) {
  const DocumentMetadata metadata = extract_metadata(
      "CHÍNH PHỦ\nSố: 50/CP\nHà Nội, ngày 26 tháng 7 năm 1995\n\nNGHỊ ĐỊNH\n"
      "Về chế độ sinh hoạt phí\n\nCăn cứ Luật Tổ chức Chính phủ;\n");
  EXPECT_EQ(metadata.number, "50/CP");
  EXPECT_EQ(metadata.number_key, "50/cp");
  EXPECT_EQ(metadata.type, "Nghị định");
}

TEST(DottedNumbers, a_dotted_resolution_number_is_cited_and_heads_its_document) {
  const auto citations =
      extract_metadata(
          "Tạm ngưng hiệu lực Nghị quyết số 66.13/2026/NQ-CP ngày 27 tháng 01 năm 2026 của "
          "Chính phủ.")
          .citations;
  ASSERT_EQ(citations.size(), 1u);
  EXPECT_EQ(citations[0].number, "66.13/2026/NQ-CP");
  EXPECT_EQ(citations[0].number_key, "66.13/2026/nq-cp");
  EXPECT_EQ(citations[0].date, "2026-01-27");

  const DocumentMetadata own = extract_metadata(
      "CHÍNH PHỦ\nSố: 66.16/2026/NQ-CP\nHà Nội, ngày 01 tháng 02 năm 2026\n\nNGHỊ QUYẾT\n"
      "Về cắt giảm thủ tục hành chính\n\nCăn cứ Luật Tổ chức Chính phủ;\n");
  EXPECT_EQ(own.number, "66.16/2026/NQ-CP");
  EXPECT_EQ(own.number_key, "66.16/2026/nq-cp");
}

TEST(DottedNumbers, decimals_and_dotted_dates_are_not_cited) {
  for (const char* text : {"Nghị quyết số 1.5/2 của Chính phủ.", "Quyết định số 12.3.2023.",
                           "Thông tư số 2.5/2026 của Bộ."}) {
    EXPECT_TRUE(extract_metadata(text).citations.empty()) << text;
  }
}

TEST(ListedCitations, items_without_a_type_name_after_a_colon_are_each_cited) {
  const auto citations =
      extract_metadata(
          "Theo đề nghị của Bộ trưởng Bộ Nội vụ tại các văn bản: Số 202/TTr-BNV ngày 11 tháng 5 "
          "năm 2026, số 192/TTr-BNV ngày 06 tháng 5 năm 2026, số 201/BC-BNV ngày 11/5/2026 và "
          "số 191/BC-BNV ngày 06/5/2026; Trên cơ sở ý kiến của các Thành viên Chính phủ.")
          .citations;
  ASSERT_EQ(citations.size(), 4u);
  const char* const numbers[] = {"202/TTr-BNV", "192/TTr-BNV", "201/BC-BNV", "191/BC-BNV"};
  const char* const types[] = {"Tờ trình", "Tờ trình", "Báo cáo", "Báo cáo"};
  const char* const dates[] = {"2026-05-11", "2026-05-06", "2026-05-11", "2026-05-06"};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(citations[i].number, numbers[i]);
    EXPECT_EQ(citations[i].type, types[i]);
    EXPECT_EQ(citations[i].date, dates[i]);
    EXPECT_EQ(citations[i].issuer, "Bộ trưởng Bộ Nội vụ");  // named before the list
  }
}

TEST(ListedCitations, a_plural_type_name_with_a_colon_opens_a_list) {
  EXPECT_EQ(numbers_of("Theo đề nghị của Sở Nội vụ tại các Tờ trình: Số 1/TTr-UBND ngày "
                       "02/01/2026, số 2/TTr-UBND ngày "
                       "03/01/2026 và các Báo cáo: Số 3/BC-UBND ngày 04/01/2026."),
            (std::vector<std::string>{"1/TTr-UBND", "2/TTr-UBND", "3/BC-UBND"}));
}

TEST(ListedCitations, so_and_a_number_after_a_citation_continue_its_list) {
  const auto citations =
      extract_metadata(
          "Căn cứ Quyết định số 12/QĐ-UBND ngày 01/02/2020 và số 13/QĐ-UBND ngày 02/02/2020 "
          "của UBND tỉnh; các văn bản số 15422-CV/VPTW ngày 08/6/2025 và số 18976-CV/VPTW ngày "
          "18/12/2025 của Văn phòng Trung ương Đảng;")
          .citations;
  ASSERT_EQ(citations.size(), 4u);
  EXPECT_EQ(citations[0].number, "12/QĐ-UBND");
  EXPECT_EQ(citations[1].number, "13/QĐ-UBND");
  EXPECT_EQ(citations[1].type, "Quyết định");
  EXPECT_EQ(citations[1].date, "2020-02-02");
  EXPECT_EQ(citations[1].issuer, "UBND tỉnh");
  EXPECT_EQ(citations[3].number, "18976-CV/VPTW");
  EXPECT_EQ(citations[3].type, "Công văn");
  EXPECT_EQ(citations[3].issuer, "Văn phòng Trung ương Đảng");
}

TEST(ListedCitations, so_followed_by_no_document_number_ends_the_list) {
  for (const char* text : {
           "Kế hoạch số 12/KH-UBND, số lượng 5 người.",
           "Quyết định số 12/QĐ-UBND ngày 01/02/2020, số 3/12 trang.",
           "Công văn số 5/UBND-VP và số điện thoại 0912.345.678.",
           "Văn bản số 12/UBND-VP, số 5 người, số 1/2 kinh phí.",
           "Công văn số 7/UBND-VP và số 26/11/2021.",
       }) {
    EXPECT_EQ(extract_metadata(text).citations.size(), 1u) << text;
  }
}

TEST(ListedCitations, a_subject_ends_where_the_next_item_of_the_list_starts) {
  const auto citations =
      extract_metadata(
          "Thực hiện Quyết định số 1/QĐ-UBND về việc thành lập Ban Chỉ đạo, số 2/QĐ-UBND về "
          "việc ban hành Quy chế.")
          .citations;
  ASSERT_EQ(citations.size(), 2u);
  EXPECT_EQ(citations[0].title, "về việc thành lập Ban Chỉ đạo");
  EXPECT_EQ(citations[1].number, "2/QĐ-UBND");
  EXPECT_EQ(citations[1].title, "về việc ban hành Quy chế");
}

TEST(OlderCitations, codes_separated_by_slashes_in_an_older_notation_are_one_symbol) {
  // Before ND 110/2004 fixed the hyphen, notations also used slashes between their codes.
  EXPECT_EQ(numbers_of("Căn cứ Chỉ thị số 19/2001/CT/UB ngày 01 tháng 7 năm 2001 của Ủy ban "
                       "nhân dân thành phố;"),
            std::vector<std::string>{"19/2001/CT/UB"});
  EXPECT_EQ(numbers_of("Thông tư liên tịch số 01/2005/TTLT/BTTUBTWMTTQVN-BNV ngày 12/5/2005 "
                       "của Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam;"),
            std::vector<std::string>{"01/2005/TTLT/BTTUBTWMTTQVN-BNV"});
  // A slash with spaces, or a date after it, is no code of the notation.
  EXPECT_EQ(numbers_of("theo Quyết định số 12/2020/QĐ-UBND / ngày 5/3/2020;"),
            std::vector<std::string>{"12/2020/QĐ-UBND"});
}

TEST(ListedCitations, a_whole_symbol_after_a_comma_continues_the_list_without_so) {
  EXPECT_EQ(numbers_of("Theo đề nghị của Sở Tài chính tại Tờ trình số: 421/TTr-STC ngày "
                       "29/10/2025, 501/TTr-STC ngày 20/11/2025 và ý kiến của Sở Tư pháp."),
            (std::vector<std::string>{"421/TTr-STC", "501/TTr-STC"}));
  // A date or a bare number after the comma is no item.
  EXPECT_EQ(numbers_of("Căn cứ Quyết định số 12/QĐ-UBND ngày 05/3/2020, 15 ngày sau khi ký;"),
            std::vector<std::string>{"12/QĐ-UBND"});
}

TEST(ListedCitations, so_after_a_semicolon_lists_another_number_of_the_same_instrument) {
  const auto citations = extract_metadata(
                             "Căn cứ Luật Ngân sách nhà nước số 01/2002/QH11 ngày 16 tháng 12 năm "
                             "2002; số 83/2015/QH13 ngày 25 tháng 6 năm 2015;\nCăn cứ Nghị định số "
                             "163/2016/NĐ-CP ngày 21/12/2016 của Chính phủ;")
                             .citations;
  std::vector<std::string> numbers;
  for (const Citation& citation : citations)
    numbers.push_back(citation.number.value_or(""));
  EXPECT_EQ(numbers, (std::vector<std::string>{"01/2002/QH11", "83/2015/QH13", "163/2016/NĐ-CP"}));
  // A new clause after a semicolon is not an item of the list.
  EXPECT_EQ(numbers_of("Căn cứ Quyết định số 12/QĐ-UBND ngày 05/3/2020; 15/2020/NĐ-CP là "
                       "nghị định khác;"),
            std::vector<std::string>{"12/QĐ-UBND"});
}

// A list of amending laws wrapped so that a line begins with "Luật số ...": in a decree's
// title (the header zone) and in a "Căn cứ" clause alike, every law is cited; only a statute's
// own number line ("Luật số: 10/2022/QH15", or the number alone on its line) is not.
TEST(ListedCitations, a_line_opening_with_luat_so_in_a_list_is_cited) {
  const std::vector<std::string> laws = {"16/2023/QH15", "44/2024/QH15", "61/2024/QH15",
                                         "95/2025/QH15"};
  const std::string list =
      "Luật Giá số 16/2023/QH15 được sửa đổi, bổ sung bởi Luật số 44/2024/QH15,\n"
      "Luật số 61/2024/QH15 và Luật số 95/2025/QH15";
  const std::string header =
      "CHÍNH PHỦ\nSố: 12/2026/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
      "Hạnh phúc\nHà Nội, ngày 06 tháng 4 năm 2026\nNGHỊ ĐỊNH\n";
  const std::string in_title =
      header + "Sửa đổi Nghị định quy định chi tiết một số điều của " + list +
      "\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nChính phủ ban hành Nghị định.\n";
  const std::string in_clause = header + "Quy định về giá\nCăn cứ " + list + ";\n";
  for (const std::string& text : {in_title, in_clause}) {
    const auto numbers = numbers_of(text);
    for (const std::string& law : laws)
      EXPECT_NE(std::find(numbers.begin(), numbers.end(), law), numbers.end()) << law << " in\n"
                                                                               << text;
  }
  // A statute's own number, with its colon or alone on its line, is not a citation.
  for (const char* number_line : {"Luật số: 10/2022/QH15", "Luật số 10/2022/QH15"}) {
    const auto numbers = numbers_of(std::string("QUỐC HỘI\n") + number_line +
                                    "\nLUẬT\nTHỰC HIỆN DÂN CHỦ Ở CƠ SỞ\nCăn cứ Hiến pháp;\n");
    EXPECT_EQ(std::find(numbers.begin(), numbers.end(), "10/2022/QH15"), numbers.end())
        << number_line;
  }
}

TEST(IssuerBefore, the_body_named_before_tai_issued_the_cited_instrument) {
  const auto citations =
      extract_metadata(
          "Theo đề nghị của Bộ trưởng Bộ Ngoại giao tại Tờ trình số 34/TTr-BNG ngày 17/3/2026; "
          "ý kiến của Bộ trưởng Bộ Văn hoá, Thể thao và Du lịch tại Công văn số 5/BVHTTDL-VP; "
          "chỉ đạo của Bộ Chính trị tại Kết luận số 12-KL/TW ngày 02/01/2026 của Ban Bí thư.")
          .citations;
  ASSERT_EQ(citations.size(), 3u);
  EXPECT_EQ(citations[0].issuer, "Bộ trưởng Bộ Ngoại giao");
  EXPECT_EQ(citations[1].issuer, "Bộ trưởng Bộ Văn hoá, Thể thao và Du lịch");
  EXPECT_EQ(citations[2].issuer, "Ban Bí thư");  // its own issuer, written after it, wins
}

TEST(IssuerBefore, a_sentence_before_tai_names_no_issuer) {
  for (const char* text : {
           "Các quy định của Bộ Tài chính đã được sửa đổi tại Nghị định số 166/2025/NĐ-CP.",
           "Giao dịch của Sở giao dịch hàng hóa quy định tại Nghị định số 158/2006/NĐ-CP.",
           "Bảo đảm quyền lợi của người lao động tại Quyết định số 12/QĐ-UBND.",
           "Nhiệm vụ của UBND tỉnh; tại Kế hoạch số 5/KH-UBND.",
           "Theo ý kiến của Bộ Nội vụ, tuy nhiên tại Công văn số 7/BNV-VP.",
       }) {
    const auto citations = extract_metadata(text).citations;
    ASSERT_EQ(citations.size(), 1u) << text;
    EXPECT_EQ(citations[0].issuer, std::nullopt) << text;
  }
}

}  // namespace
}  // namespace vanban::analyzers
