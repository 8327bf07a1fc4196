// Ô 9 of ND30 (docs/domain.md §1.7): the "Kính gửi" list under the header and the "Nơi nhận"
// list beside the signature block. Converters read the two bottom cells row by row (a PDF's
// text layer, a Word table saved as text with tabs) or one after the other; the recipients are
// the same whatever the layout, and the list ends where ND30 ends it (the item without ";",
// the archive line, the body's opening), not where a line break falls.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kListHead =
    "ỦY BAN NHÂN DÂN\nTỈNH BÌNH DƯƠNG\nSố: 09/2009/CT-UBND\n"
    "Thủ Dầu Một, ngày 5 tháng 3 năm 2009\n\nCHỈ THỊ\nVề việc triển khai kế hoạch khoa học\n\n"
    "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành triển khai thực hiện Chỉ thị này./.\n\n";

const std::vector<std::string> kCopyLines = {
    "Bộ Khoa học và Công nghệ", "Thường trực Tỉnh ủy",
    "Các sở, ngành: TC; XD; NN&MT; các đơn vị: VH,TT&DL; YT", "UBND các huyện, thị xã"};

// The closing (ô 7 and ô 9b) in the layouts converters give it.
std::vector<std::string> closings() {
  return {
      // One cell after the other.
      "Nơi nhận:\n- Bộ Khoa học và Công nghệ;\n- Thường trực Tỉnh ủy;\n"
      "- Các sở, ngành: TC; XD; NN&MT; các đơn vị: VH,TT&DL; YT;\n- UBND các huyện, thị xã;\n- "
      "Lưu: VT.\n\n"
      "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Hiệp\n",
      // A Word table saved as text: the two cells of a row on one line, a tab between.
      "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- Bộ Khoa học và Công nghệ;\tKT. CHỦ TỊCH\n"
      "- Thường trực Tỉnh ủy;\tPHÓ CHỦ TỊCH\n- Các sở, ngành: TC; XD; NN&MT; các đơn vị: VH,TT&DL; "
      "YT;\n"
      "- UBND các huyện, thị xã;\tNguyễn Văn Hiệp\n- Lưu: VT.\n",
      // A PDF's text layer: the rows' cells on lines of their own, interleaved, the item's
      // parts wrapped after a ";".
      "Nơi nhận :\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n- Bộ Khoa học và Công nghệ;\nPHÓ CHỦ TỊCH\n"
      "- Thường trực Tỉnh ủy;\n(Đã ký)\n- Các sở, ngành: TC; XD; NN&MT;\ncác đơn vị: VH,TT&DL; "
      "YT;\n"
      "Nguyễn Văn Hiệp\n- UBND các huyện, thị xã;\n- Lưu: VT.\n",
  };
}

TEST(RecipientLists, copies_are_the_same_whatever_the_signature_column_does) {
  for (const std::string& closing : closings()) {
    const DocumentMetadata metadata = extract_metadata(kListHead + closing);
    EXPECT_EQ(metadata.recipients, kCopyLines) << closing;
    EXPECT_EQ(metadata.signer_title, "Phó Chủ tịch") << closing;
  }
}

// A page's table cell holding the whole list on one line, items run together, some carrying
// their purpose in brackets after the ";" (a scraped portal page): the same items as the list
// written one a line, with the signature column read after it or beside it.
TEST(RecipientLists, items_run_together_in_one_cell_split_after_their_purpose) {
  const std::vector<std::string> want = {"Như Điều 3", "Bộ LĐTB&XH; (để báo cáo)",
                                         "TT Thành ủy; TT HĐND TP; (để báo cáo)",
                                         "Các đ/c PCT UBND TP", "Các phòng: LĐCSXH, TH, KT"};
  const std::string items =
      "- Như Điều 3; - Bộ LĐTB&XH; (để báo cáo) - TT Thành ủy; TT HĐND TP; (để báo cáo) - Các "
      "đ/c PCT UBND TP; - Các phòng: LĐCSXH, TH, KT; - Lưu: VT.";
  for (const std::string& closing :
       {"| Nơi nhận: " + items +
            " | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn Hiệp |\n",
        std::string("Nơi nhận:\n- Như Điều 3;\n- Bộ LĐTB&XH; (để báo cáo)\n- TT Thành ủy; TT "
                    "HĐND TP; (để báo cáo)\n- Các đ/c PCT UBND TP;\n- Các phòng: LĐCSXH, TH, "
                    "KT;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
                    "Nguyễn Văn Hiệp\n")}) {
    const std::string text = kListHead + closing;
    EXPECT_EQ(extract_metadata(text).recipients, want) << text;
  }
}

TEST(RecipientLists, a_list_that_ended_does_not_take_the_signature_that_follows) {
  // The last item has no ";": what follows is the signature, then an annex's own list.
  const DocumentMetadata metadata = extract_metadata(
      kListHead +
      "Nơi nhận:\n- Bộ Khoa học và Công nghệ;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
      "- Sở Tài chính;\n- Sở Xây dựng;\n\nNguyễn Văn Hiệp\n");
  EXPECT_EQ(metadata.recipients, std::vector<std::string>{"Bộ Khoa học và Công nghệ"});
  // A list whose last item kept its ";": the signature column is skipped as far as the name,
  // never into an appendix's heading or the lists under it.
  for (const std::string& after : {std::string("\nPHỤ LỤC\n- Sở Tài chính;\n- Sở Xây dựng;\n"),
                                   std::string("\nTrần Văn Bình\n- Sở Tài chính;\n")}) {
    const DocumentMetadata unfinished = extract_metadata(
        kListHead + "Nơi nhận:\n- Bộ Khoa học và Công nghệ;\n- Thường trực Tỉnh ủy;\n" +
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Hiệp\n" + after);
    EXPECT_EQ(unfinished.recipients,
              (std::vector<std::string>{"Bộ Khoa học và Công nghệ", "Thường trực Tỉnh ủy"}))
        << after;
  }
  const DocumentMetadata heading = extract_metadata(
      kListHead + "Nơi nhận:\n- Bộ Khoa học và Công nghệ;\nPHỤ LỤC\n- Sở Tài chính;\n");
  EXPECT_EQ(heading.recipients, std::vector<std::string>{"Bộ Khoa học và Công nghệ"});
}

const std::string kLetterHead =
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 4728/SGDĐT-CTTT\n"
    "V/v hướng dẫn công tác tuyên truyền\nThành phố Hồ Chí Minh, ngày 5 tháng 11 năm 2025\n\n";

TEST(RecipientLists, an_address_list_ends_at_its_full_stop_or_at_the_body) {
  const std::vector<std::string> bodies = {
      // The last addressee ends with "."; the body's grounds follow as a dashed list.
      "Kính gửi: - Hội Cha mẹ học sinh trường THPT Bưng Riềng;\n- Ban Giám hiệu.\n"
      "- Căn cứ kế hoạch hoạt động năm học 2025 – 2026;\n- Thời gian: 8h ngày 19/11/2025.\n",
      // Without the final ".", the body's opening ends the list.
      "Kính gửi:\n- Hội Cha mẹ học sinh trường THPT Bưng Riềng;\n- Ban Giám hiệu\n"
      "- Căn cứ kế hoạch hoạt động năm học 2025 – 2026;\n- Thời gian: 8h ngày 19/11/2025.\n",
  };
  for (const std::string& body : bodies) {
    const DocumentMetadata metadata = extract_metadata(
        kLetterHead + body +
        "Nơi nhận:\n- Như trên (để thực hiện);\n- UBND TP.HCM (để báo cáo);\n- Lưu: VT.\n\n"
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nHuỳnh Lê Như Trang\n");
    // "Như trên" stands for the addressees, with its purpose in brackets or without.
    EXPECT_EQ(metadata.recipients,
              (std::vector<std::string>{"Hội Cha mẹ học sinh trường THPT Bưng Riềng",
                                        "Ban Giám hiệu", "UBND TP.HCM (để báo cáo)"}))
        << body;
  }
}

}  // namespace
}  // namespace vanban::analyzers
