// Documents far larger than real ones, built from shapes the extractor looks for, repeated
// thousands of times: the results must still be complete and merged the same way as in a short
// document (the merging and the scans are indexed, not limited). No timing here: the speed of
// such input is measured by bench/extract.cpp.
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

constexpr int kRepeats = 3000;

TEST(LargeInputResults, thousands_of_distinct_citations_are_all_found_once) {
  std::string text = "Căn cứ các văn bản sau:\n";
  for (int i = 1; i <= kRepeats; ++i)
    text +=
        "Căn cứ Nghị định số " + std::to_string(i) + "/2023/NĐ-CP ngày 12/3/2023 của Chính phủ;\n";
  // Later mentions without details are the same instruments.
  for (int i = kRepeats; i >= 1; --i)
    text += "Nghị định số " + std::to_string(i) + "/2023/NĐ-CP; ";
  const auto citations = extract_metadata(text).citations;
  ASSERT_EQ(citations.size(), static_cast<std::size_t>(kRepeats));
  for (int i = 1; i <= kRepeats; ++i) {
    const Citation& citation = citations[static_cast<std::size_t>(i - 1)];
    EXPECT_EQ(citation.number, std::to_string(i) + "/2023/NĐ-CP");
    EXPECT_EQ(citation.date, "2023-03-12");
    EXPECT_EQ(citation.issuer, "Chính phủ");
    EXPECT_EQ(citation.type, "Nghị định");
  }
}

TEST(LargeInputResults, one_number_with_many_dates_is_one_citation_per_year) {
  // Administrative numbers restart every year: 12/KH-UBND of each year is another plan. Within
  // a year a body gives a number once (ND30 Điều 15), so the other days of that year are the
  // same plan's day misread or mistyped: the first one stands.
  std::string text;
  std::vector<std::string> dates;
  for (int year = 1990; year < 2090; ++year) {
    for (int month = 1; month <= 12; month += 4) {
      for (int day = 1; day <= 28; day += 3) {
        text += "Kế hoạch số 12/KH-UBND ngày " + std::to_string(day) + "/" + std::to_string(month) +
                "/" + std::to_string(year) + " của UBND tỉnh; ";
        char iso[16];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
        if (month == 1 && day == 1) dates.emplace_back(iso);
      }
    }
  }
  // Mentioned again in another order, and once without a date: nothing new.
  for (int year = 2089; year >= 1990; --year)
    text += "Kế hoạch số 12/KH-UBND ngày 1/1/" + std::to_string(year) + "; ";
  text += "Kế hoạch số 12/KH-UBND.";
  const auto citations = extract_metadata(text).citations;
  ASSERT_EQ(citations.size(), dates.size());
  for (std::size_t i = 0; i < dates.size(); ++i) {
    EXPECT_EQ(citations[i].date, dates[i]);
    EXPECT_EQ(citations[i].number_key, "12/kh-ubnd");
    EXPECT_EQ(citations[i].issuer, "UBND tỉnh");
  }
}

TEST(LargeInputResults, a_law_cited_by_year_and_by_date_and_by_number_is_one_citation) {
  std::string text;
  for (int i = 0; i < kRepeats; ++i) {
    text += "Bộ luật Lao động năm 2019; Bộ luật Lao động ngày 20/11/2019; ";
    text += "Bộ luật Lao động số 45/2019/QH14; Bộ luật Lao động; ";
  }
  const auto citations = extract_metadata(text).citations;
  ASSERT_EQ(citations.size(), 1u);
  EXPECT_EQ(citations[0].number, "45/2019/QH14");
  EXPECT_EQ(citations[0].date, "2019-11-20");
}

TEST(LargeInputResults, long_recipient_lists_keep_every_recipient_once) {
  std::string text = "KẾ HOẠCH\nThực hiện công tác năm 2026\n\nNội dung./.\n\nNơi nhận:\n";
  for (int i = 1; i <= kRepeats; ++i)
    text += "- Ủy ban nhân dân xã số " + std::to_string(i) + ";\n";
  for (int i = 1; i <= kRepeats; i += 7)
    text += "- Ủy ban nhân dân xã số " + std::to_string(i) + ";\n";
  text += "- Lưu: VT.\n";
  const DocumentMetadata metadata = extract_metadata(text);
  ASSERT_EQ(metadata.recipients.size(), static_cast<std::size_t>(kRepeats));
  for (int i = 1; i <= kRepeats; ++i)
    EXPECT_EQ(metadata.recipients[static_cast<std::size_t>(i - 1)],
              "Ủy ban nhân dân xã số " + std::to_string(i));
}

TEST(LargeInputResults, many_signature_lookalikes_do_not_hide_the_signer) {
  std::string text = "KẾ HOẠCH\nThực hiện công tác năm 2026\n\nNội dung./.\n\n";
  for (int i = 0; i < kRepeats; ++i)
    text += "PHÓ CHỦ TỊCH\n";  // posts without a name never form a block
  text += "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Thị Bình\n";
  const DocumentMetadata metadata = extract_metadata(text);
  EXPECT_EQ(metadata.signer, "Trần Thị Bình");
  EXPECT_EQ(metadata.signing_authority, "KT. Chủ tịch");
}

TEST(LargeInputResults, unclosed_parentheses_after_many_citations_leave_issuers_short) {
  std::string text;
  for (int i = 1; i <= kRepeats; ++i)
    text += "Quyết định số " + std::to_string(i) + "/QĐ-UBND của UBND tỉnh (cũ; ";
  const auto citations = extract_metadata(text).citations;
  ASSERT_EQ(citations.size(), static_cast<std::size_t>(kRepeats));
  std::set<std::string> issuers;
  for (const Citation& citation : citations)
    issuers.insert(citation.issuer.value_or(""));
  EXPECT_EQ(issuers, std::set<std::string>{"UBND tỉnh"});
}

}  // namespace
}  // namespace vanban::analyzers
