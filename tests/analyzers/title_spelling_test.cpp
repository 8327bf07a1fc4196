// A title set in capitals (ND30 ô 5a in bold capitals, as many bodies print it) loses the case of
// its proper names; the rules write it back from tables, and where no table knows the name (a
// centre, a programme, a place after a department) the document's own running text, which
// repeats the name, says how it is spelled. Each document is written in several header layouts
// and with its title in capitals or as written: every rendering gives the same title.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kWritten =
    "Ban hành Quy chế phối hợp tại Trung tâm Phục vụ hành chính công tỉnh Kiên Giang và Chương "
    "trình Mỗi xã một sản phẩm của Sở Y tế Lâm Đồng";
const std::string kCapitals =
    "BAN HÀNH QUY CHẾ PHỐI HỢP TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH KIÊN GIANG VÀ CHƯƠNG "
    "TRÌNH MỖI XÃ MỘT SẢN PHẨM CỦA SỞ Y TẾ LÂM ĐỒNG";
const std::string kSpellingBody =
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Xét đề nghị của Giám đốc Trung tâm Phục vụ hành chính công tỉnh Kiên Giang và Giám đốc Sở Y "
    "tế Lâm Đồng về việc thực hiện Chương trình Mỗi xã một sản phẩm,\n\nQUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp tại Trung tâm Phục vụ hành chính "
    "công tỉnh Kiên Giang.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n";

std::vector<std::string> spelling_renderings(const std::string& title) {
  return {
      "ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
      "Hạnh phúc\nSố: 1961/QĐ-UBND\nKiên Giang, ngày 23 tháng 8 năm 2019\n\nQUYẾT ĐỊNH\n" +
          title + "\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG\n\n" + kSpellingBody,
      "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "-------          Độc lập - Tự do - Hạnh phúc\nSố: 1961/QĐ-UBND          Kiên Giang, ngày "
      "23 tháng 8 năm 2019\n\nQUYẾT ĐỊNH\n" +
          title + "\n-----------\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG\n" + kSpellingBody,
      "| ỦY BAN NHÂN DÂN<br>TỈNH KIÊN GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự "
      "do - Hạnh phúc |\n|---|---|\n| Số: 1961/QĐ-UBND | Kiên Giang, ngày 23 tháng 8 năm 2019 "
      "|\n\n**QUYẾT ĐỊNH**\n\n**" +
          title + "**\n\n**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG**\n\n" + kSpellingBody,
  };
}

TEST(TitleSpelling, a_title_in_capitals_takes_the_spelling_of_the_document_s_own_text) {
  for (const std::string& title : {kCapitals, kWritten}) {
    for (const std::string& text : spelling_renderings(title)) {
      const auto metadata = extract_metadata(text);
      EXPECT_EQ(metadata.title, kWritten) << text;
      EXPECT_EQ(metadata.number, "1961/QĐ-UBND") << text;
    }
  }
}

TEST(TitleSpelling, without_the_text_s_evidence_the_rule_s_spelling_stays) {
  // The body does not repeat the names: the tables' spelling, lower case for the rest.
  const std::string bare =
      "ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 1961/QĐ-UBND\nKiên Giang, ngày 23 tháng 8 năm "
      "2019\n\nQUYẾT ĐỊNH\n" +
      kCapitals + "\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\n";
  EXPECT_EQ(extract_metadata(bare).title,
            "Ban hành Quy chế phối hợp tại trung tâm phục vụ hành chính công tỉnh Kiên Giang và "
            "Chương trình mỗi xã một sản phẩm của Sở Y tế lâm đồng");
  // A word counts only between the same two neighbours: "Giám đốc Trung tâm" says nothing of
  // "tại trung tâm" (one neighbour is weak evidence: "về Quy định" and "về quy định" stand in
  // one text, an instrument and a verb).
  const std::string one_side =
      "ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 1961/QĐ-UBND\nKiên Giang, ngày 23 tháng 8 năm "
      "2019\n\nQUYẾT ĐỊNH\nVỀ VIỆC PHỐI HỢP TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG\n\nXét đề nghị "
      "của Giám đốc Trung tâm Phục vụ hành chính công,\n";
  EXPECT_EQ(extract_metadata(one_side).title,
            "Về việc phối hợp tại trung tâm Phục vụ hành chính công");
  // A capital that only opens a sentence, and words in capitals, are no evidence.
  const std::string initial =
      "ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 1961/QĐ-UBND\nKiên Giang, ngày 23 tháng 8 năm "
      "2019\n\nKẾ HOẠCH\nTRIỂN KHAI PHẦN MỀM QUẢN LÝ\n\nCăn cứ kế hoạch năm. Phần mềm quản lý hồ "
      "sơ được triển khai. TRIỂN KHAI PHẦN MỀM QUẢN LÝ trong năm.\n";
  EXPECT_EQ(extract_metadata(initial).title, "Triển khai phần mềm quản lý");
}

// A trích yếu names the document and ends with no full stop: one a page or converter left is
// dropped, in capitals or as written, in every header layout; an ellipsis stays.
TEST(TitleSpelling, a_title_ends_with_no_full_stop) {
  for (const std::string& title : {kCapitals + ".", kWritten + ".", kWritten + " ."}) {
    for (const std::string& text : spelling_renderings(title))
      EXPECT_EQ(extract_metadata(text).title, kWritten) << text;
  }
  const auto ellipsis = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 12/KH-UBND\nKiên Giang, ngày 5 tháng 3 năm "
      "2026\n\nKẾ HOẠCH\nTriển khai các nhiệm vụ...\n\nCăn cứ Luật Tổ chức chính quyền địa "
      "phương;\n");
  EXPECT_EQ(ellipsis.title, "Triển khai các nhiệm vụ...");
}

}  // namespace
}  // namespace vanban::analyzers
