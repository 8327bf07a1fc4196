// Hostile input through extract_metadata: damaged documents, random text, deep runs of header
// shapes. Whatever it finds must be serialisable JSON that reads back the same, with ISO dates
// and keys that agree with symbol_key; nothing may crash or hang.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "fuzz_inputs.hpp"
#include "test_support.hpp"

namespace vanban::analyzers {
namespace {

using testing::FuzzInputs;
using testing::is_valid_utf8;
using testing::seed_documents;

bool is_iso_date(const std::string& date) {
  // "YYYY-MM-DD" or "YYYY-MM" (blank day) or "YYYY".
  if (date.size() != 10 && date.size() != 7 && date.size() != 4) return false;
  for (std::size_t i = 0; i < date.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? date[i] != '-' : (date[i] < '0' || date[i] > '9')) return false;
  }
  return true;
}

void expect_optional_text(const std::optional<std::string>& field, const char* name) {
  if (field) {
    EXPECT_TRUE(is_valid_utf8(*field)) << name;
  }
}

void expect_metadata_keeps_its_promises(const DocumentMetadata& metadata) {
  for (const auto* field :
       {&metadata.type, &metadata.type_code, &metadata.number, &metadata.number_key,
        &metadata.issuer, &metadata.place, &metadata.title, &metadata.signer,
        &metadata.signer_title, &metadata.signing_authority})
    expect_optional_text(*field, "metadata field");
  if (metadata.date) {
    EXPECT_TRUE(is_iso_date(*metadata.date)) << *metadata.date;
  }
  if (metadata.number) {
    EXPECT_EQ(metadata.number_key, symbol_key(*metadata.number));
  }
  for (const auto& recipient : metadata.recipients)
    EXPECT_TRUE(is_valid_utf8(recipient));
  for (const Citation& citation : metadata.citations) {
    EXPECT_TRUE(is_valid_utf8(citation.text));
    expect_optional_text(citation.type, "citation type");
    expect_optional_text(citation.number, "citation number");
    expect_optional_text(citation.number_key, "citation key");
    expect_optional_text(citation.issuer, "citation issuer");
    expect_optional_text(citation.title, "citation title");
    if (citation.date) {
      EXPECT_TRUE(is_iso_date(*citation.date)) << *citation.date;
    }
  }
  // Serialisable (nlohmann throws on invalid UTF-8) and read back unchanged.
  nlohmann::json json;
  ASSERT_NO_THROW(json = metadata);
  std::string dumped;
  ASSERT_NO_THROW(dumped = json.dump());
  const DocumentMetadata back = nlohmann::json::parse(dumped).get<DocumentMetadata>();
  EXPECT_EQ(nlohmann::json(back), json);
}

TEST(MetadataRobustness, damaged_documents_give_serialisable_metadata) {
  FuzzInputs inputs(0x5747'0001);
  const auto seeds = seed_documents();
  for (int round = 0; round < 400; ++round) {
    const std::string bytes = inputs.mutate_many(seeds[inputs.below(seeds.size())]);
    const std::string text = decode_text(bytes).text;
    SCOPED_TRACE(::testing::PrintToString(text.substr(0, 200)));
    expect_metadata_keeps_its_promises(extract_metadata(text));
  }
}

TEST(MetadataRobustness, random_text_and_bytes_give_serialisable_metadata) {
  FuzzInputs inputs(0x5747'0002);
  for (int round = 0; round < 400; ++round) {
    const std::string bytes = round % 2 == 0 ? inputs.random_text(300) : inputs.random_bytes(500);
    const std::string text = decode_text(bytes).text;
    SCOPED_TRACE(::testing::PrintToString(text.substr(0, 200)));
    expect_metadata_keeps_its_promises(extract_metadata(text));
  }
}

TEST(MetadataRobustness, repeated_header_and_citation_shapes_are_handled) {
  // Many thousands of the shapes the extractor looks for, in one document.
  const std::vector<std::string> units = {
      "Số: 32/KH-UBND\n",
      "Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ;\n",
      "Huế, ngày 31 tháng 01 năm 2026\n",
      "Luật ",
      "217, ",
      "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n",
      "Nơi nhận:\n- ",
      "ngày ngày ngày tháng năm ",
      "(",
      "\"",
      "số 1/2/3/4/5/6/7/8/9/",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
      "về việc ",
  };
  for (const std::string& unit : units) {
    std::string text;
    for (int i = 0; i < 1000; ++i)
      text += unit;
    SCOPED_TRACE(unit);
    expect_metadata_keeps_its_promises(extract_metadata(normalize_nfc(text)));
  }
}

TEST(MetadataRobustness, one_very_long_line_is_handled) {
  FuzzInputs inputs(0x5747'0003);
  const auto seeds = seed_documents();
  for (int round = 0; round < 20; ++round) {
    std::string text = seeds[inputs.below(seeds.size())];
    std::replace(text.begin(), text.end(), '\n', ' ');
    expect_metadata_keeps_its_promises(extract_metadata(decode_text(text).text));
  }
}

TEST(MetadataRobustness, law_key_of_any_text_is_valid_utf8) {
  FuzzInputs inputs(0x5747'0004);
  for (int round = 0; round < 1000; ++round) {
    const std::string name = decode_text(inputs.random_text(40)).text;
    EXPECT_TRUE(is_valid_utf8(law_key(name)));
  }
}

}  // namespace
}  // namespace vanban::analyzers
