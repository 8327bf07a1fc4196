// Words a converter ran together (a space lost where the font or the line changed) are read as
// the words they are: in titles, signature blocks and laws cited by name. Codes, foreign words
// and unaccented names are left whole.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

std::string decision(const std::string& title, const std::string& body,
                     const std::string& signature) {
  return "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n-------\nSố: 55/2007/QĐ-UBND\n"
         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
         "Long Xuyên, ngày 12 tháng 3 năm 2007\n\nQUYẾT ĐỊNH\n" +
         title + "\n\nỦY BAN NHÂN DÂN TỈNH AN GIANG\n\n" + body + "\n\n" + signature + "\n";
}

bool cites(const DocumentMetadata& metadata, const std::string& key) {
  return std::any_of(metadata.citations.begin(), metadata.citations.end(),
                     [&](const Citation& citation) { return citation.number_key == key; });
}

TEST(ConverterGlue, title_in_capitals_with_glued_words_reads_as_words) {
  const auto metadata = extract_metadata(
      decision("VỀ VIỆC TRIỂNKHAI KẾ HOẠCH PHÒNG,CHỐNG THIÊN TAI", "Căn cứ Điều 1;", ""));
  ASSERT_TRUE(metadata.title);
  EXPECT_EQ(*metadata.title, "Về việc triển khai Kế hoạch phòng, chống thiên tai");
}

TEST(ConverterGlue, symbol_in_a_title_in_capitals_keeps_its_codes_case) {
  const auto metadata = extract_metadata(
      decision("TRIỂN KHAI QUYẾT ĐỊNH SỐ 34/2014/QĐ-TTG NGÀY 30/5/2014", "Căn cứ Điều 1;", ""));
  ASSERT_TRUE(metadata.title);
  EXPECT_EQ(*metadata.title, "Triển khai Quyết định số 34/2014/QĐ-TTg ngày 30/5/2014");
}

TEST(ConverterGlue, a_run_that_splits_several_ways_takes_the_opening_phrase) {
  // BAN|HÀNH, BA|NHÀNH and BANH|ÀNH are all two syllables; "ban hành" opens a subject.
  const auto metadata =
      extract_metadata(decision("BANHÀNH QUY CHẾ LÀM VIỆC", "Căn cứ Điều 1;", ""));
  ASSERT_TRUE(metadata.title);
  EXPECT_EQ(*metadata.title, "Ban hành Quy chế làm việc");
}

TEST(ConverterGlue, signer_glued_to_the_post_and_authority_broken_inside_its_name) {
  const auto metadata = extract_metadata(
      decision("Về việc treo cờ", "Điều 1. Treo cờ./.",
               "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTL. CHỦ TỊCH ỦY\nBAN NHÂN DÂN TỈNH\n"
               "CHÁNH VĂN PHÒNGThái Hữu Phép"));
  EXPECT_EQ(metadata.signer, "Thái Hữu Phép");
  EXPECT_EQ(metadata.signer_title, "Chánh Văn phòng");
  EXPECT_EQ(metadata.signing_authority, "TL. Chủ tịch Ủy ban nhân dân tỉnh");
}

TEST(ConverterGlue, party_committee_authority_is_not_taken_as_broken) {
  const auto metadata = extract_metadata(
      decision("Về việc treo cờ", "Điều 1. Treo cờ./.",
               "Nơi nhận:\n- Như trên;\n- Lưu.\nT/M ĐẢNG ỦY\nBÍ THƯ\nNguyễn Văn An"));
  EXPECT_EQ(metadata.signing_authority, "T/M Đảng ủy");
  EXPECT_EQ(metadata.signer_title, "Bí thư");
}

TEST(ConverterGlue, law_name_with_glued_words_is_the_law_s_name) {
  const auto metadata = extract_metadata(decision(
      "Về việc ban hành Kế hoạch",
      "Căn cứ Luật Tổ chức Hội đồngnhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;\n"
      "Xét đề nghị của Sở Nội vụ,",
      ""));
  EXPECT_TRUE(cites(metadata, "luat:luat to chuc hoi dong nhan dan va uy ban nhan dan"));
  EXPECT_FALSE(cites(metadata, "luat:luat to chuc"));
}

TEST(ConverterGlue, codes_foreign_words_and_addresses_stay_whole) {
  const auto metadata = extract_metadata(decision(
      "Về việc ban hành Kế hoạch",
      "Căn cứ Quyết định số 19/2020/QĐ-TTg ngày 15/5/2020 của Thủ tướng Chính phủ; Quy định "
      "số 12/QyĐ-UBND ngày 02/3/2020; xem vanban.gov.vn, Hanoi, iPhone.",
      ""));
  EXPECT_TRUE(cites(metadata, "19/2020/qd-ttg"));
  EXPECT_TRUE(cites(metadata, "12/qyd-ubnd"));
}

TEST(ConverterGlue, law_about_local_bodies_keeps_them_in_its_name) {
  // A law is issued by the Quốc hội only: "của Hội đồng nhân dân, Ủy ban nhân dân" after its
  // name is what the law is about; "của Quốc hội" alone is its issuer.
  const auto metadata = extract_metadata(decision(
      "Về việc ban hành Quy định",
      "Căn cứ Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân "
      "ngày 03/12/2004;\nCăn cứ Luật Đất đai của Quốc hội ngày 29/11/2013;",
      ""));
  EXPECT_TRUE(cites(metadata,
                    "luat:luat ban hanh van ban quy pham phap luat cua hoi dong nhan dan uy ban "
                    "nhan dan"));
  EXPECT_FALSE(cites(metadata, "luat:luat ban hanh van ban quy pham phap luat"));
  EXPECT_TRUE(cites(metadata, "luat:luat dat dai"));
}

// A preamble a converter ran into runs of several syllables (a PDF that lost its spaces): each
// run splits where its only reading into syllables does (the fewest syllables opening on a
// vowel: "Hội đồng", not "Hộ i đồng"), a word that takes a number is parted from it, and a
// word glued after a symbol's codes is no part of it ("TT-BNVngày"). The citations are those
// of the same preamble with its spaces; a run that reads two ways stays as it came.
TEST(ConverterGlue, a_preamble_run_into_several_syllables_cites_as_the_spaced_one) {
  const std::string spaced =
      "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;\n"
      "Căn cứ Thông tư số 01/2011/TT-BNV ngày 19 tháng 01 năm 2011 của Bộ Nội vụ hướng dẫn thể "
      "thức và kỹ thuật trình bày văn bản hành chính;\nXét đề nghị của Giám đốc Sở Nội vụ,";
  const std::string glued =
      "CăncứLuậtTổchứcHộiđồngnhândânvà Ủybannhândânngày26 tháng 11 năm2003;\n"
      "CăncứThôngtưsố01/2011/TT-BNVngày19tháng01năm2011của BộNội vụ hướng dẫn thểthứcvàkỹthuật "
      "trìnhbàyvăn bảnhành chính;\nXét đềnghịcủa Giámđốc Sở Nội vụ,";
  for (const std::string& body : {spaced, glued}) {
    const auto metadata = extract_metadata(decision("Về việc ban hành Quy định", body, ""));
    EXPECT_TRUE(cites(metadata, "luat:luat to chuc hoi dong nhan dan va uy ban nhan dan")) << body;
    EXPECT_TRUE(cites(metadata, "1/2011/tt-bnv")) << body;
    EXPECT_EQ(metadata.citations.size(), 2u) << body;
  }
  // "thựchiện" reads "thực hiện" and "thự chiện": left as it came, nothing invented.
  const auto ambiguous = extract_metadata(decision(
      "Về việc ban hành Quy định", "Căn cứ Quyết định số 19/2020/QĐ-TTg; hướngdẫnthựchiện.", ""));
  EXPECT_TRUE(cites(ambiguous, "19/2020/qd-ttg"));
  EXPECT_EQ(ambiguous.citations.size(), 1u);
}

}  // namespace
}  // namespace vanban::analyzers
