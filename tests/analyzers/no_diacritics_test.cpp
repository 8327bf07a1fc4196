// Text that lost every diacritic (a PDF's own OCR layer that dropped the marks, a text typed
// without them): Decree 30's parts are read as in the same text with its marks, the values a
// table names (type, issuer, place) written back where one name of the table folds to them and
// null where none does; the number as the text spells it; free texts (title, signer, recipients)
// as written. Each document below is written with its marks and read without them
// (testing::without_diacritics: every mark dropped, đ as d).
#include "structure/no_diacritics.hpp"

#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/structure.hpp"

#include "text_debris.hpp"

namespace vanban::analyzers {
namespace {

using structure::restore_diacritics;

// A provincial People's Committee's decision (ND30 Phụ lục III, Mẫu 1.2), header cells one per
// line.
const std::string kBareDecision =
    "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n-------\nSố: 12/QĐ-UBND\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
    "Hà Tĩnh, ngày 05 tháng 3 năm 2021\n\nQUYẾT ĐỊNH\n"
    "Về việc thành lập Tổ công tác rà soát thủ tục hành chính\n\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn "
    "thư;\n"
    "Theo đề nghị của Giám đốc Sở Nội vụ.\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Thành lập Tổ công tác rà soát thủ tục hành chính của tỉnh.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
    "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT, NC.\n\n"
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Hùng\n";

// A ministry's công văn (Mẫu 1.5): header cells on merged lines, as a PDF's OCR layer gives
// them.
const std::string kBareLetter =
    "BỘ THÔNG TIN VÀ TRUYỀN THÔNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 215/BTTTT-VP\nV/v triển khai kế hoạch chuyển đổi số năm 2021\n"
    "Hà Nội, ngày 12 tháng 4 năm 2021\n\n"
    "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\n"
    "Thực hiện Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ, Bộ "
    "Thông tin và Truyền thông đề nghị các địa phương báo cáo kết quả.\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
    "TL. BỘ TRƯỞNG\nCHÁNH VĂN PHÒNG\n\nTrần Thị Lan\n";

std::string folded_or_null(const std::optional<std::string>& value) {
  return value ? fold(*value) : std::string("<null>");
}

TEST(NoDiacritics, a_decision_reads_as_with_its_marks) {
  const DocumentMetadata with_marks = extract_metadata(kBareDecision);
  const DocumentMetadata bare = extract_metadata(testing::without_diacritics(kBareDecision));
  // The tables' values written back.
  EXPECT_EQ(bare.type, "Quyết định");
  EXPECT_EQ(bare.type_code, "QĐ");
  EXPECT_EQ(bare.issuer, "Ủy ban nhân dân tỉnh Hà Tĩnh");
  EXPECT_EQ(bare.issuer, with_marks.issuer);
  EXPECT_EQ(bare.place, "Hà Tĩnh");
  EXPECT_EQ(bare.date, "2021-03-05");
  // The number as the text spells it; its key is the one the marked number has.
  EXPECT_EQ(bare.number, "12/QD-UBND");
  EXPECT_EQ(bare.number_key, with_marks.number_key);
  // Free texts as written.
  EXPECT_EQ(folded_or_null(bare.title), folded_or_null(with_marks.title));
  EXPECT_EQ(bare.signer, "Nguyen Van Hung");
  EXPECT_EQ(folded_or_null(bare.signer_title), folded_or_null(with_marks.signer_title));
  EXPECT_EQ(folded_or_null(bare.signing_authority), folded_or_null(with_marks.signing_authority));
  ASSERT_EQ(bare.recipients.size(), with_marks.recipients.size());
  for (std::size_t i = 0; i < bare.recipients.size(); ++i)
    EXPECT_EQ(fold(bare.recipients[i]), fold(with_marks.recipients[i]));
  // Citations by key: the law by its name, the decree by its number.
  ASSERT_EQ(bare.citations.size(), with_marks.citations.size());
  for (std::size_t i = 0; i < bare.citations.size(); ++i)
    EXPECT_EQ(bare.citations[i].number_key, with_marks.citations[i].number_key);
}

TEST(NoDiacritics, a_letter_on_merged_header_lines_reads_as_with_its_marks) {
  const DocumentMetadata with_marks = extract_metadata(kBareLetter);
  const DocumentMetadata bare = extract_metadata(testing::without_diacritics(kBareLetter));
  EXPECT_EQ(bare.type, "Công văn");
  EXPECT_EQ(bare.issuer, "Bộ Thông tin và Truyền thông");
  EXPECT_EQ(bare.issuer, with_marks.issuer);
  EXPECT_EQ(bare.place, "Hà Nội");
  EXPECT_EQ(bare.date, "2021-04-12");
  EXPECT_EQ(bare.number, "215/BTTTT-VP");
  EXPECT_EQ(folded_or_null(bare.title), folded_or_null(with_marks.title));
  EXPECT_EQ(bare.signer, "Tran Thi Lan");
  EXPECT_EQ(folded_or_null(bare.signing_authority), folded_or_null(with_marks.signing_authority));
  ASSERT_EQ(bare.citations.size(), with_marks.citations.size());
  for (std::size_t i = 0; i < bare.citations.size(); ++i)
    EXPECT_EQ(bare.citations[i].number_key, with_marks.citations[i].number_key);
}

// ND30 ô 1: the national name and the motto, written back wherever they stand (glued to the cell
// before them too).
TEST(NoDiacritics, the_national_name_and_motto_are_written_back) {
  const auto out = restore_diacritics(
      "UBND TINH HA TINHCONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do "
      "- Hanh phuc\nSo: 01/TB-UBND\nHa Tinh, ngay 03 thang 02 nam 2017\n"
      "Ve viec to chuc hoi nghi tong ket cong tac nam 2016 cua tinh\n");
  ASSERT_TRUE(out);
  EXPECT_NE(out->find("TINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos) << *out;
  EXPECT_NE(out->find("Độc lập - Tự do - Hạnh phúc"), std::string::npos) << *out;
}

// ND30 ô 3: "Số:" before a number (or the dots of a blank one); "so" in a sentence is another
// word ("so voi" = so với, "so sanh" = so sánh).
TEST(NoDiacritics, the_number_label_only_before_a_number) {
  const auto out = restore_diacritics(
      "CONG HOA XA HOI CHU NGHIA VIET NAM\nSo: 12/QD-UBND\nSO: 05/KH-UBND\nSo: .../TTr-UBND\n"
      "Ket qua tang so voi nam truoc, so sanh voi ke hoach de ra cua nam 2020.\n"
      "So lieu duoc tong hop tu cac dia phuong trong tinh.\n");
  ASSERT_TRUE(out);
  EXPECT_NE(out->find("Số: 12/QD-UBND"), std::string::npos) << *out;
  EXPECT_NE(out->find("SỐ: 05/KH-UBND"), std::string::npos) << *out;
  EXPECT_NE(out->find("Số: .../TTr-UBND"), std::string::npos) << *out;
  EXPECT_NE(out->find("tang so voi"), std::string::npos) << *out;
  EXPECT_NE(out->find("so sanh"), std::string::npos) << *out;
  EXPECT_NE(out->find("So lieu"), std::string::npos) << *out;
}

// ND30 ô 4: the date's words inside a date, a blank day too; "thang" and "nam" elsewhere are
// other words ("nam" = năm, nam, Nam).
TEST(NoDiacritics, the_date_words_only_inside_a_date) {
  const auto out = restore_diacritics(
      "CONG HOA XA HOI CHU NGHIA VIET NAM\nHa Noi, ngay 5 thang 3 nam 2021\n"
      "Ha Noi, ngay    thang 12 nam 2020\nngay 26/11/2021\n"
      "Trong thang nay, nam hoc moi bat dau; can bo nam va nu deu tham gia day du.\n");
  ASSERT_TRUE(out);
  EXPECT_NE(out->find("ngày 5 tháng 3 năm 2021"), std::string::npos) << *out;
  EXPECT_NE(out->find("ngày    tháng 12 năm 2020"), std::string::npos) << *out;
  EXPECT_NE(out->find("ngày 26/11/2021"), std::string::npos) << *out;
  EXPECT_NE(out->find("Trong thang nay, nam hoc"), std::string::npos) << *out;
  EXPECT_NE(out->find("can bo nam va nu"), std::string::npos) << *out;
}

// A place named by the table of provinces is written back; a district's name, which no table
// holds, is not guessed: the place read from it is null, and so is the issuer that names it.
TEST(NoDiacritics, a_place_the_tables_name_is_restored_and_another_is_null) {
  const DocumentMetadata province = extract_metadata(testing::without_diacritics(kBareDecision));
  EXPECT_EQ(province.place, "Hà Tĩnh");
  std::string district = kBareDecision;
  district.replace(district.find("TỈNH HÀ TĨNH\n"), std::string("TỈNH HÀ TĨNH\n").size(),
                   "HUYỆN CẨM XUYÊN\n");
  district.replace(district.find("Hà Tĩnh, ngày"), std::string("Hà Tĩnh").size(), "Cẩm Xuyên");
  const DocumentMetadata with_marks = extract_metadata(district);
  ASSERT_EQ(with_marks.place, "Cẩm Xuyên");
  ASSERT_EQ(with_marks.issuer, "Ủy ban nhân dân huyện Cẩm Xuyên");
  const DocumentMetadata bare = extract_metadata(testing::without_diacritics(district));
  EXPECT_EQ(bare.place, std::nullopt);
  EXPECT_EQ(bare.issuer, std::nullopt);
  EXPECT_EQ(bare.date, "2021-03-05");
  EXPECT_EQ(bare.type, "Quyết định");
}

// ND30 ô 5a: a type's name as a heading in capitals, or before "so <number>" or a symbol in a
// citation; the same words in a sentence are no heading ("ke hoach" of a sentence stays).
TEST(NoDiacritics, a_type_name_as_heading_or_cited_only) {
  const auto out = restore_diacritics(
      "CONG HOA XA HOI CHU NGHIA VIET NAM\nKE HOACH\nTrien khai nhiem vu nam 2021\n"
      "Can cu Nghi dinh so 30/2020/ND-CP ngay 05/3/2020 cua Chinh phu;\n"
      "Can cu Thong tu 01/2011/TT-BNV ngay 19/01/2011;\n"
      "Cac don vi xay dung ke hoach va thong bao ket qua cho So Noi vu.\n");
  ASSERT_TRUE(out);
  EXPECT_NE(out->find("\nKẾ HOẠCH\n"), std::string::npos) << *out;
  EXPECT_NE(out->find("Căn cứ Nghị định số 30/2020/ND-CP"), std::string::npos) << *out;
  EXPECT_NE(out->find("Căn cứ Thông tư 01/2011/TT-BNV"), std::string::npos) << *out;
  EXPECT_NE(out->find("xay dung ke hoach va thong bao ket qua"), std::string::npos) << *out;
}

// ND30 ô 7: the authority's prefix, the post and the name; "Thu truong" is not written back (it
// folds to both Thủ trưởng and Thứ trưởng).
TEST(NoDiacritics, the_signature_block_posts_are_restored_where_one_post_folds_so) {
  const auto out = restore_diacritics(
      "CONG HOA XA HOI CHU NGHIA VIET NAM\nNoi nhan:\n- Nhu tren;\n- Luu: VT.\n"
      "KT. CHU TICH\nPHO CHU TICH\nNguyen Van Hung\nKT. BO TRUONG\nTHU TRUONG\n"
      "Tran Van Nam\nTM. UY BAN NHAN DAN\nKT. Chu tich\n");
  ASSERT_TRUE(out);
  EXPECT_NE(out->find("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyen Van Hung"), std::string::npos) << *out;
  EXPECT_NE(out->find("KT. BỘ TRƯỞNG\nTHU TRUONG\n"), std::string::npos) << *out;
  EXPECT_NE(out->find("TM. ỦY BAN NHÂN DÂN\nKT. Chủ tịch"), std::string::npos) << *out;
}

// ND30 ô 9: "Nơi nhận:" and "Kính gửi:" before their colon; "Noi" elsewhere is another word.
TEST(NoDiacritics, the_recipients_labels_before_their_colon) {
  const auto out = restore_diacritics(
      "CONG HOA XA HOI CHU NGHIA VIET NAM\nKinh gui: So Tai chinh tinh.\n"
      "Noi dung cong viec da duoc giao cho cac noi nhan van ban.\nNoi nhan:\n- Nhu tren;\n");
  ASSERT_TRUE(out);
  EXPECT_NE(out->find("Kính gửi: So Tai chinh"), std::string::npos) << *out;
  EXPECT_NE(out->find("\nNơi nhận:\n"), std::string::npos) << *out;
  EXPECT_NE(out->find("Noi dung"), std::string::npos) << *out;
  EXPECT_NE(out->find("cac noi nhan van ban"), std::string::npos) << *out;
}

// "Căn cứ" opens a sentence before a capitalised word; "can cu" elsewhere (cần cù) stays. A law
// the table names is written back whole where its name ends.
TEST(NoDiacritics, can_cu_opens_a_sentence_only) {
  const auto out = restore_diacritics(
      "CONG HOA XA HOI CHU NGHIA VIET NAM\nCan cu Luat Ban hanh van ban quy pham phap luat;\n"
      "Nguoi lao dong can cu, cham chi va trung thuc trong cong viec hang ngay cua minh.\n");
  ASSERT_TRUE(out);
  EXPECT_NE(out->find("Căn cứ Luật Ban hành văn bản quy phạm pháp luật;"), std::string::npos)
      << *out;
  EXPECT_NE(out->find("dong can cu, cham"), std::string::npos) << *out;
}

// Controls: a text with its diacritics is not touched (nothing is copied); a text in another
// language without marks is no document of Decree 30.
TEST(NoDiacritics, text_with_its_marks_and_other_languages_are_left_alone) {
  EXPECT_FALSE(restore_diacritics(kBareDecision));
  EXPECT_FALSE(restore_diacritics(kBareLetter));
  EXPECT_FALSE(restore_diacritics(
      "The Ministry of Information and Communications held a meeting on the national digital "
      "transformation programme. So: the agencies agreed to report by the end of the month.\n"
      "Ha Noi was chosen as the host city of the next meeting of the working group in 2021.\n"));
  // Extraction of the marked text is what it was: the same values as the table gives.
  const DocumentMetadata with_marks = extract_metadata(kBareDecision);
  EXPECT_EQ(with_marks.number, "12/QĐ-UBND");
  EXPECT_EQ(with_marks.signer, "Nguyễn Văn Hùng");
}

// A first page whose OCR layer lost its marks before an annex with them: only the bare lines are
// written over.
TEST(NoDiacritics, only_the_stretch_without_marks_is_restored) {
  std::string text = testing::without_diacritics(kBareDecision);
  std::string annex = "\nPHỤ LỤC\nDanh sách thành viên Tổ công tác\n";
  for (int i = 0; i < 30; ++i)
    annex += "Ông Nguyễn Văn Nam, chuyên viên Sở Nội vụ, thành viên số " + std::to_string(i) +
             " của tổ công tác tỉnh Hà Tĩnh\n";
  annex += "Cong hoa xa hoi chu nghia viet nam\n";
  text += annex;
  const auto out = restore_diacritics(text);
  ASSERT_TRUE(out);
  EXPECT_NE(out->find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos);
  EXPECT_TRUE(out->ends_with(annex)) << out->substr(out->size() - 200);
}

TEST(NoDiacritics, names_proved_by_the_tables) {
  EXPECT_TRUE(structure::is_proved_name("Ủy ban nhân dân tỉnh Hà Tĩnh"));
  EXPECT_TRUE(structure::is_proved_name("Ủy ban nhân dân tỉnh An Giang"));
  EXPECT_TRUE(structure::is_proved_name("Sở Thông tin và Truyền thông tỉnh Long An"));
  EXPECT_FALSE(structure::is_proved_name("Ủy ban nhân dân huyện Cam Xuyen"));
  EXPECT_FALSE(structure::is_proved_name("Ủy ban nhân dân huyện An Phu"));
  EXPECT_FALSE(structure::is_proved_name("Ha Noi"));
}

TEST(NoDiacritics, personal_names_without_marks) {
  EXPECT_TRUE(structure::is_bare_personal_name("Nguyen Van Hung"));
  EXPECT_TRUE(structure::is_bare_personal_name("Tran Thi Thu Huong"));
  EXPECT_TRUE(structure::is_bare_personal_name("Dang Quoc Dung"));
  EXPECT_TRUE(structure::is_bare_personal_name("NGUYEN KIM SON"));
  EXPECT_FALSE(structure::is_bare_personal_name("Nguy'en Kim San"));
  EXPECT_FALSE(structure::is_bare_personal_name("Noi nhan"));
  EXPECT_FALSE(structure::is_bare_personal_name("Hung"));
  EXPECT_FALSE(structure::is_bare_personal_name("Xzqw Van"));
}

}  // namespace
}  // namespace vanban::analyzers
