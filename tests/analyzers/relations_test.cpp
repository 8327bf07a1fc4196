// The role of each citation in its sentence and the dates a document states for itself, on
// sentences written here in the forms the Law on Promulgation of Legal Documents and Decree 30
// prescribe (no corpus file was copied).
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

// The citation of the instrument as a user types it ("120/2016/NĐ-CP", "Luật Kế toán").
const Citation* find(const DocumentMetadata& metadata, std::string_view typed) {
  const auto key = citation_key(typed);
  for (const Citation& citation : metadata.citations)
    if (key && citation.number_key == *key) return &citation;
  return nullptr;
}

std::string types_of(const Citation* citation) {
  if (!citation) return "<missing>";
  std::string out;
  for (const Relation& relation : citation->relations)
    out += (out.empty() ? "" : ",") + relation.type;
  return out;
}

constexpr std::string_view kRelationsHeader =
    "BỘ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 12/2031/TT-BTC\nHà Nội, ngày 10 tháng 3 năm 2031\nTHÔNG TƯ\n";

DocumentMetadata read(std::string_view title_and_body) {
  return extract_metadata(std::string(kRelationsHeader) + std::string(title_and_body));
}

TEST(Relations, preamble_lines_are_based_on_and_a_law_in_a_decrees_subject_is_only_mentioned) {
  const auto metadata = read(
      "Hướng dẫn quản lý phí\n"
      "Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;\n"
      "Căn cứ Nghị định số 120/2016/NĐ-CP ngày 23 tháng 8 năm 2016 của Chính phủ quy định chi "
      "tiết và hướng dẫn thi hành một số điều của Luật Ngân sách nhà nước;\n"
      "Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn quản lý phí.\n"
      "Điều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn thực hiện Nghị định số "
      "120/2016/NĐ-CP.\n");
  EXPECT_EQ(types_of(find(metadata, "Luật Phí và lệ phí")), "can_cu");
  EXPECT_EQ(types_of(find(metadata, "120/2016/NĐ-CP")), "huong_dan,can_cu");
  EXPECT_EQ(types_of(find(metadata, "Luật Ngân sách nhà nước")), "dan_chieu");
}

TEST(Relations, an_amending_text_amends_with_the_scope_it_names) {
  const auto metadata = read(
      "Sửa đổi, bổ sung một số điều của Thông tư số 45/2029/TT-BTC ngày 01 tháng 6 năm 2029 "
      "của Bộ trưởng Bộ Tài chính\n"
      "Căn cứ Luật Kế toán ngày 20 tháng 11 năm 2015;\n"
      "Điều 1. Sửa đổi khoản 2 Điều 8 của Thông tư số 30/2028/TT-BTC như sau:\n"
      "“2. Hồ sơ gồm tờ khai.”\n"
      "Điều 2. Bãi bỏ Điều 5 và Điều 6 của Thông tư số 17/2027/TT-BTC.\n");
  const Citation* amended = find(metadata, "45/2029/TT-BTC");
  ASSERT_NE(amended, nullptr);
  EXPECT_EQ(types_of(amended), "sua_doi");
  EXPECT_EQ(amended->relations.front().scope, "một số điều");
  const Citation* clause = find(metadata, "30/2028/TT-BTC");
  EXPECT_EQ(types_of(clause), "sua_doi");
  EXPECT_EQ(clause->relations.front().scope, "khoản 2 Điều 8");
  const Citation* repealed = find(metadata, "17/2027/TT-BTC");
  EXPECT_EQ(types_of(repealed), "bai_bo");
  EXPECT_EQ(repealed->relations.front().scope, "Điều 5 và Điều 6");
  EXPECT_NE(repealed->relations.front().evidence.find("Bãi bỏ"), std::string::npos);
}

TEST(Relations, a_text_of_the_same_kind_declared_ended_is_replaced_and_whole) {
  const auto metadata = read(
      "Quy định về mẫu biểu\nĐiều 9. Hiệu lực thi hành\n"
      "1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2031.\n"
      "2. Thông tư số 15/2025/TT-BTC ngày 05 tháng 3 năm 2025 của Bộ trưởng Bộ Tài chính quy "
      "định về mẫu biểu hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành.\n"
      "3. Quyết định số 88/QĐ-BTC ngày 02 tháng 01 năm 2020 hết hiệu lực kể từ ngày Thông tư "
      "này có hiệu lực.\n");
  const Citation* replaced = find(metadata, "15/2025/TT-BTC");
  EXPECT_EQ(types_of(replaced), "thay_the");
  EXPECT_FALSE(replaced->relations.front().scope.has_value());
  EXPECT_EQ(types_of(find(metadata, "88/QĐ-BTC")), "bai_bo");
  ASSERT_TRUE(metadata.effective.has_value());
  EXPECT_EQ(metadata.effective->date, "2031-05-01");
}

// The formula typed with one letter wrong ("hết liệu lực", as a gazette print has it) still
// ends the text it names; two letters wrong, or a formula of two words, do not read so.
TEST(Relations, the_ending_formula_with_one_mistyped_letter_still_ends_the_text) {
  const auto metadata = read(
      "Quy định về mẫu biểu\nĐiều 9. Hiệu lực thi hành\n"
      "1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2031.\n"
      "2. Thông tư số 15/2025/TT-BTC ngày 05 tháng 3 năm 2025 của Bộ trưởng Bộ Tài chính quy "
      "định về mẫu biểu hết liệu lực thi hành kể từ ngày Thông tư này có hiệu lực thi hành.\n"
      "3. Thông tư số 16/2025/TT-BTC ngày 05 tháng 3 năm 2025 của Bộ trưởng Bộ Tài chính quy "
      "định về phí hết liệu lẽc thi hành kể từ ngày Thông tư này có hiệu lực thi hành.\n");
  const Citation* replaced = find(metadata, "15/2025/TT-BTC");
  EXPECT_EQ(types_of(replaced), "thay_the");
  EXPECT_EQ(types_of(find(metadata, "16/2025/TT-BTC")), "dan_chieu");
}

TEST(Relations, a_lead_in_list_hands_its_role_to_each_item) {
  const auto metadata = read(
      "Bãi bỏ văn bản\nĐiều 1. Bãi bỏ các văn bản sau đây:\n"
      "1. Thông tư số 01/2020/TT-BTC ngày 02 tháng 01 năm 2020 về phí;\n"
      "2. Thông tư số 02/2021/TT-BTC ngày 03 tháng 01 năm 2021 về lệ phí.\n"
      "Điều 2. Các văn bản sau hết hiệu lực kể từ ngày Thông tư này có hiệu lực:\n"
      "a) Thông tư số 03/2022/TT-BTC;\nb) Quyết định số 04/2022/QĐ-BTC.\n");
  EXPECT_EQ(types_of(find(metadata, "01/2020/TT-BTC")), "bai_bo");
  EXPECT_EQ(types_of(find(metadata, "02/2021/TT-BTC")), "bai_bo");
  EXPECT_EQ(types_of(find(metadata, "03/2022/TT-BTC")), "thay_the");
  EXPECT_EQ(types_of(find(metadata, "04/2022/QĐ-BTC")), "bai_bo");
}

TEST(Relations, what_another_text_did_is_only_a_mention) {
  const auto metadata = read(
      "Quy định về thuế\n"
      "Căn cứ Nghị định số 10/2020/NĐ-CP ngày 05 tháng 01 năm 2020 của Chính phủ;\n"
      "Điều 1. Nghị định số 11/2021/NĐ-CP đã bãi bỏ Nghị định số 12/2019/NĐ-CP. Thông tư số "
      "13/2018/TT-BTC được sửa đổi, bổ sung bởi Thông tư số 14/2019/TT-BTC. Các đơn vị thực "
      "hiện theo hướng dẫn tại Công văn số 15/BTC-TCT. Chỉ thị số 16/CT-TTg đã hết hiệu lực.\n");
  for (const char* key : {"11/2021/NĐ-CP", "12/2019/NĐ-CP", "13/2018/TT-BTC", "14/2019/TT-BTC",
                          "15/BTC-TCT", "16/CT-TTg"})
    EXPECT_EQ(types_of(find(metadata, key)), "dan_chieu") << key;
}

TEST(Relations, a_plan_implements_and_a_decision_replaces_and_corrects) {
  const auto plan = extract_metadata(
      "ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSố: 45/KH-UBND\nAn Giang, ngày 02 tháng 4 năm 2031\n"
      "KẾ HOẠCH\nTriển khai thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng "
      "Chính phủ\nThực hiện Nghị quyết số 21-NQ/TU ngày 01/3/2031 của Tỉnh ủy, Ủy ban nhân "
      "dân tỉnh ban hành Kế hoạch như sau.\n");
  EXPECT_EQ(types_of(find(plan, "33/CT-TTG")), "thuc_hien");
  EXPECT_EQ(types_of(find(plan, "21-NQ/TU")), "thuc_hien");
  const auto decision = extract_metadata(
      "ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSố: 46/QĐ-UBND\nAn Giang, ngày 02 tháng 4 năm 2031\n"
      "QUYẾT ĐỊNH\nVề việc đính chính Quyết định số 40/QĐ-UBND ngày 01/4/2031\n"
      "Điều 1. Đính chính Quyết định số 40/QĐ-UBND như sau.\n"
      "Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 30/QĐ-UBND "
      "ngày 01/01/2030 của Ủy ban nhân dân tỉnh.\n");
  EXPECT_EQ(types_of(find(decision, "40/QĐ-UBND")), "dinh_chinh");
  EXPECT_EQ(types_of(find(decision, "30/QĐ-UBND")), "thay_the");
  ASSERT_TRUE(decision.effective.has_value());
  EXPECT_EQ(decision.effective->date, "2031-04-02");
}

TEST(EffectDates, days_after_signing_and_an_end_date) {
  const auto later = read(
      "Quy định về phí\nĐiều 5. Thông tư này có hiệu lực thi hành sau 45 ngày, kể từ ngày ký "
      "ban hành.\n");
  ASSERT_TRUE(later.effective.has_value());
  EXPECT_EQ(later.effective->date, "2031-04-24");
  const auto bounded = read(
      "Quy định tạm thời\nĐiều 3. Thông tư này có hiệu lực từ ngày 01/01/2032 đến hết ngày "
      "31/12/2033.\n");
  ASSERT_TRUE(bounded.effective && bounded.expires);
  EXPECT_EQ(bounded.effective->date, "2032-01-01");
  EXPECT_EQ(bounded.expires->date, "2033-12-31");
  const auto ended =
      read("Quy định tạm thời\nĐiều 4. Thông tư này hết hiệu lực kể từ ngày 01/7/2034.\n");
  ASSERT_TRUE(ended.expires.has_value());
  EXPECT_EQ(ended.expires->date, "2034-06-30");
}

TEST(EffectDates, an_article_or_another_text_taking_effect_is_not_the_documents_date) {
  const auto metadata = read(
      "Quy định về phí\nĐiều 2 của Thông tư này có hiệu lực từ ngày 01/01/2032. Thông tư số "
      "15/2025/TT-BTC có hiệu lực từ ngày 01/5/2025. Kể từ ngày Thông tư này có hiệu lực, các "
      "đơn vị thực hiện.\n");
  EXPECT_FALSE(metadata.effective.has_value());
}

}  // namespace
}  // namespace vanban::analyzers
