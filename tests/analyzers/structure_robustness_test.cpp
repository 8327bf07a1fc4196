// Odd input never breaks extraction: truncated phrases at the end of the text, lone markers,
// long lines, random bytes decoded to text. Fields stay null rather than guessed.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

TEST(StructureRobustness, truncated_and_lone_markers_give_nulls) {
  const std::vector<std::string> texts = {
      "",
      "Số:",
      "Số: /",
      "KẾ HOẠCH",
      "Căn cứ Luật",
      "Thực hiện Chỉ thị số",
      "Thực hiện Chỉ thị số 33/CT-TTg ngày",
      "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của",
      "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về",
      "Quyết định số 217, 218-",
      "1 Quyết định số",
      "Nơi nhận:",
      "Nơi nhận:\n- ",
      "TM. ỦY BAN NHÂN DÂN",
      "Kính gửi:",
      "V/v",
      "((((((((((Luật",
      "Luật sửa đổi, bổ sung một số điều của",
  };
  for (const std::string& text : texts) {
    const DocumentMetadata metadata = extract_metadata(text);
    EXPECT_FALSE(metadata.number && metadata.number->empty()) << text;
    for (const Citation& citation : metadata.citations)
      EXPECT_TRUE(citation.number || citation.number_key) << text;
  }
  const DocumentMetadata lone = extract_metadata("Thực hiện Chỉ thị số");
  EXPECT_TRUE(lone.citations.empty());
}

TEST(StructureRobustness, long_lines_and_random_bytes_are_handled) {
  std::string long_line;
  for (int i = 0; i < 20000; ++i)
    long_line += "Căn cứ Nghị định số 59/2023/NĐ-CP và Luật Đất đai, ";
  const DocumentMetadata metadata = extract_metadata(long_line);
  EXPECT_EQ(metadata.citations.size(), 2u);

  std::mt19937 random(42);
  for (int round = 0; round < 50; ++round) {
    std::string bytes(2000, '\0');
    for (char& c : bytes)
      c = static_cast<char>(random() & 0xFF);
    const std::string text = decode_text(bytes).text;
    EXPECT_NO_THROW(extract_metadata(text));
  }
}

}  // namespace
}  // namespace vanban::analyzers
