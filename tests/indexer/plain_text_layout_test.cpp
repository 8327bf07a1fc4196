// A plain text's own layout survives the reader: columns aligned by spaces (pandoc's multiline
// tables of a Word file's header, fixed-width header blocks) are read by position, so the
// reader keeps the spaces and the indentation that place them. The extraction of a `.txt` file
// read as a user's file must be the extraction of its text.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"
#include "vanban/indexer/reader.hpp"

#include "test_support.hpp"

namespace vanban::indexer {
namespace {

// Pandoc's multiline table of ô 1-4: the cells sit at the columns of the dash groups, the
// left one indented past its dashes, the right one wider.
constexpr std::string_view kMultilineHeader =
    "  ----------------------- -----------------------------------------------\n"
    "    **ỦY BAN NHÂN DÂN\\        **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\\n"
    "     TỈNH GIA LAI\\               Độc lập - Tự do - Hạnh phúc\\\n"
    "     \\-\\-\\-\\-\\--**            \\-\\-\\-\\-\\-\\-\\-\\-\\-\\--**\n"
    "\n"
    "   Số: 118/KH-UBND         *Gia Lai, ngày 16 tháng 6 năm 2025*\n"
    "  ----------------------- -----------------------------------------------\n"
    "\n"
    "**KẾ HOẠCH**\n"
    "\n"
    "Tổ chức tập huấn chuyển đổi số năm 2025\n"
    "\n"
    "Căn cứ Nghị định số 47/2020/NĐ-CP ngày 09/4/2020 của Chính phủ;\n";

TEST(PlainTextLayout, a_multiline_header_table_keeps_its_columns_through_the_reader) {
  auto read = read_document("ke-hoach.txt", kMultilineHeader);
  ASSERT_TRUE(read.ok()) << read.error().message;
  const analyzers::DocumentMetadata metadata = analyzers::extract_metadata(read->text);
  EXPECT_EQ(metadata.issuer.value_or("<none>"), "Ủy ban nhân dân tỉnh Gia Lai");
  EXPECT_EQ(metadata.place.value_or("<none>"), "Gia Lai");
  EXPECT_EQ(metadata.date.value_or("<none>"), "2025-06-16");
  EXPECT_EQ(metadata.number.value_or("<none>"), "118/KH-UBND");
  // Only what a line ends with is trimmed; blank lines in a row still become one.
  EXPECT_EQ(read_document("a.txt", "  a   b  \n\n\n\n c\n")->text, "  a   b\n\n c");
  // Text a reader builds from runs and cells is still collapsed.
  EXPECT_EQ(read_document("a.html", "<p>  a   b  </p>")->text, "a b");
}

// Every annotated real text (tests/analyzers/real), read as a user's `.txt` file, gives the
// fields and citations its own text gives: nothing the reader does to a plain text changes
// what is extracted from it.
TEST(PlainTextLayout, real_texts_read_as_files_extract_as_their_own_text) {
  const std::filesystem::path root = testing::source_dir() / "tests" / "analyzers" / "real";
  int documents = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto read = read_document(entry.path(), bytes.str());
    ASSERT_TRUE(read.ok()) << entry.path();
    const nlohmann::json own = analyzers::extract_metadata(
        analyzers::normalize_nfc(analyzers::decode_text(bytes.str()).text));
    const nlohmann::json got = analyzers::extract_metadata(read->text);
    EXPECT_EQ(got, own) << entry.path().lexically_relative(root);
    ++documents;
  }
  EXPECT_GE(documents, 200);
}

}  // namespace
}  // namespace vanban::indexer
