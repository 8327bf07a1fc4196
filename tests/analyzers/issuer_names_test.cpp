// The issuer of a cited instrument ("... của <issuer> về ..."): known names of bodies and posts
// are read whole, whatever words they hold ("Bộ Ngoại giao", "Bộ Văn hóa, Thể thao và Du
// lịch"), and end where they end ("của Chính phủ cắt giảm ..."); other names run from their
// head noun through their complement to a function word.
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

std::optional<std::string> first_issuer(const std::string& sentence) {
  const DocumentMetadata metadata = extract_metadata(sentence);
  if (metadata.citations.empty()) return std::string("<no citation>");
  return metadata.citations.front().issuer;
}

struct IssuerCase {
  const char* sentence;
  const char* issuer;
};

TEST(IssuerNames, known_names_are_whole_whatever_words_they_hold) {
  const IssuerCase cases[] = {
      {"Căn cứ Thông tư số 12/2024/TT-BNG ngày 01/3/2024 của Bộ Ngoại giao về công tác lễ tân;",
       "Bộ Ngoại giao"},
      {"Thực hiện Công văn số 45/BNG-LS ngày 02/02/2025 của Bộ Ngoại giao giao Sở Ngoại vụ rà "
       "soát.",
       "Bộ Ngoại giao"},
      {"Căn cứ Thông tư số 08/2023/TT-BVHTTDL ngày 05/7/2023 của Bộ trưởng Bộ Văn hoá, Thể thao "
       "và Du lịch quy định chi tiết;",
       "Bộ trưởng Bộ Văn hoá, Thể thao và Du lịch"},
      {"Theo Công văn số 77/BVHTTDL-VP ngày 03/3/2025 của Bộ Văn hóa Thể thao và Du lịch về lễ "
       "hội.",
       "Bộ Văn hóa Thể thao và Du lịch"},
      {"Thực hiện Kế hoạch số 21/KH-SVHTTDL ngày 09/01/2026 của Sở Văn hóa, Thể thao và Du lịch "
       "tỉnh Quảng Ninh về tổ chức giải chạy.",
       "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ninh"},
      {"Căn cứ Thông tư số 26/2016/TT-BLĐTBXH ngày 01/9/2016 của Bộ Lao động-Thương binh và Xã "
       "hội hướng dẫn quản lý lao động;",
       "Bộ Lao động-Thương binh và Xã hội"},
      {"Căn cứ Thông tư liên tịch số 17/2014/TTLT-BLĐTBXH-BTC ngày 01/8/2014 của Bộ trưởng Bộ "
       "Tài chính và Bộ trưởng Bộ Ngoại giao về trợ cấp;",
       "Bộ trưởng Bộ Tài chính và Bộ trưởng Bộ Ngoại giao"},
      {"Căn cứ Thông tư liên tịch số 03/2020/TTLT-BTC-BNV ngày 02/2/2020 của Bộ Tài chính - Bộ "
       "Nội vụ về biên chế;",
       "Bộ Tài chính - Bộ Nội vụ"},
      {"Theo Báo cáo số 685/BC-UBVHXH15 ngày 09/7/2025 của Ủy ban Văn hóa và Xã hội của Quốc "
       "hội;",
       "Ủy ban Văn hóa và Xã hội của Quốc hội"},
  };
  for (const IssuerCase& c : cases)
    EXPECT_EQ(first_issuer(c.sentence), std::optional<std::string>(c.issuer)) << c.sentence;
}

TEST(IssuerNames, a_known_name_ends_where_the_sentence_goes_on) {
  const IssuerCase cases[] = {
      {"Thực hiện Nghị quyết số 68/NQ-CP ngày 12/5/2020 của Chính phủ cắt giảm, đơn giản hóa "
       "quy định kinh doanh.",
       "Chính phủ"},
      {"Nghị quyết số 98/2023/QH15 ngày 24/6/2023 của Quốc hội thí điểm cơ chế đặc thù.",
       "Quốc hội"},
      {"Nghị quyết số 1034/NQ-UBTVQH ngày 10/3/1990 của Ủy ban Thường vụ Quốc hội ấn định "
       "thuế công thương nghiệp.",
       "Ủy ban Thường vụ Quốc hội"},
      {"Thực hiện Kế hoạch số 32/KH-UBND ngày 31/01/2026 của UBND tỉnh Quảng Ninh triển khai "
       "công tác dân vận.",
       "UBND tỉnh Quảng Ninh"},
      {"Thực hiện Quyết định số 1234/QĐ-UBND ngày 02/3/2026 của Ủy ban nhân dân Thành phố Hồ "
       "Chí Minh giao chỉ tiêu.",
       "Ủy ban nhân dân Thành phố Hồ Chí Minh"},
      {"Căn cứ Nghị quyết số 05/2025/NQ-HĐND ngày 10/7/2025 của Hội đồng nhân dân tỉnh khóa XV "
       "tại kỳ họp thứ 20;",
       "Hội đồng nhân dân tỉnh khóa XV"},
      {"Theo Công văn số 88/KBNN-KV3 ngày 02/3/2026 của Kho bạc Nhà nước Khu vực III hướng "
       "dẫn chi.",
       "Kho bạc Nhà nước Khu vực III"},
      {"Theo Công văn số 21/NHNN-CN ngày 02/3/2026 của Ngân hàng Nhà nước Chi nhánh tỉnh Lào "
       "Cai đề nghị các ngân hàng.",
       "Ngân hàng Nhà nước Chi nhánh tỉnh Lào Cai"},
      {"Thực hiện Kết luận số 12-KL/TW ngày 05/01/2026 của Bộ Chính trị giao Đảng ủy Chính phủ "
       "lãnh đạo.",
       "Bộ Chính trị"},
  };
  for (const IssuerCase& c : cases)
    EXPECT_EQ(first_issuer(c.sentence), std::optional<std::string>(c.issuer)) << c.sentence;
}

TEST(IssuerNames, other_names_run_through_their_complement_to_a_function_word) {
  const IssuerCase cases[] = {
      // Verbs of the body's field are words of its name, lower-case or not.
      {"Theo Báo cáo số 15/BC-TTCGCN ngày 02/3/2026 của Trung tâm Chuyển giao công nghệ tỉnh đã "
       "nêu rõ.",
       "Trung tâm Chuyển giao công nghệ tỉnh"},
      {"Căn cứ Kế hoạch số 09/KH-BQLDA ngày 12/01/2026 của Ban Quản lý dự án đầu tư xây dựng "
       "huyện thực hiện dự án.",
       "Ban Quản lý dự án đầu tư xây dựng huyện"},
      {"Theo Báo cáo số 11/BC-BQLDA ngày 12/01/2026 của Ban Quản lý dự án giao thông trong "
       "tháng 01.",
       "Ban Quản lý dự án giao thông"},
      // A head noun's own name starts with a capital: a lower-case word is none of it.
      {"Thực hiện Kế hoạch số 12/KH-SNV ngày 05/02/2026 của Sở giao chỉ tiêu cho các phòng.", "Sở"},
  };
  for (const IssuerCase& c : cases)
    EXPECT_EQ(first_issuer(c.sentence), std::optional<std::string>(c.issuer)) << c.sentence;
}

TEST(IssuerNames, a_name_in_capitals_ends_at_the_first_word_that_is_not) {
  const IssuerCase cases[] = {
      {"Căn cứ Quyết định số 12/QĐ-HĐTVĐX ngày 02/3/2025 của HỘI ĐỒNG TƯ VẤN ĐẶC XÁ cắt giảm "
       "thủ tục.",
       "HỘI ĐỒNG TƯ VẤN ĐẶC XÁ"},
      {"Thực hiện Công văn số 45/BNG-LS ngày 02/02/2025 của BỘ NGOẠI GIAO giao Sở Ngoại vụ rà "
       "soát.",
       "BỘ NGOẠI GIAO"},
      {"Căn cứ Thông tư liên tịch số 03/2020/TTLT-BVHTTDL-BTC ngày 02/2/2020 của BỘ VĂN HÓA, "
       "THỂ THAO VÀ DU LỊCH - BỘ TÀI CHÍNH quy định mức chi;",
       "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH - BỘ TÀI CHÍNH"},
  };
  for (const IssuerCase& c : cases)
    EXPECT_EQ(first_issuer(c.sentence), std::optional<std::string>(c.issuer)) << c.sentence;
}

TEST(IssuerNames, phrases_that_name_no_body_give_no_issuer) {
  for (const char* sentence :
       {"Quyết định số 15/QĐ-UBND ngày 02/01/2026 của người đứng đầu cơ quan được thực hiện.",
        "Thông báo số 07/TB-UBND ngày 02/01/2026 của tổ chức mình gửi các đơn vị."}) {
    const DocumentMetadata metadata = extract_metadata(sentence);
    ASSERT_FALSE(metadata.citations.empty()) << sentence;
    EXPECT_EQ(metadata.citations.front().issuer, std::nullopt) << sentence;
  }
}

TEST(IssuerNames, a_name_cut_by_punctuation_is_not_completed_by_guess) {
  // "Bộ Ngoại." ends the sentence: no known name is made up from its first words.
  const auto issuer = first_issuer(
      "Theo Công văn số 45/BNG-LS ngày 02/02/2025 của Bộ Ngoại. Giao nhiệm vụ cho các sở.");
  ASSERT_TRUE(issuer.has_value());
  EXPECT_EQ(*issuer, "Bộ Ngoại");
}

}  // namespace
}  // namespace vanban::analyzers
