// A collective body signing with no post line (issue 11, Party documents): the Secretariat
// signs "T/M BAN BÍ THƯ" and its standing member's name follows with no post of its own; "BÍ
// THƯ" after "BAN" is the body's name (Ban Bí thư, Điều lệ Đảng), not the signer's post, as are
// "BAN GIÁM ĐỐC" and "BAN CHỦ NHIỆM". A PDF text layer puts the "Nơi nhận" list, a page break
// and the page's number between the authority and the name. Same fields in every layout family.
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "layout_renderer.hpp"

namespace vanban::analyzers {
namespace {

std::string guidance(const std::string& closing) {
  return "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 06-HD/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
         "Hà Nội, ngày 09 tháng 6 năm 2025\n\nHƯỚNG DẪN\nMỘT SỐ VẤN ĐỀ CỤ THỂ THI HÀNH ĐIỀU LỆ "
         "ĐẢNG\n- Căn cứ Điều lệ Đảng;\nBan Bí thư hướng dẫn như sau.\nHướng dẫn này có hiệu lực "
         "thi hành kể từ ngày ký.\n\n" +
         closing;
}

const std::string kAsWritten =
    "T/M BAN BÍ THƯ\n\nTrần Cẩm Tú\n\nNơi nhận:\n- Các tỉnh ủy, thành ủy,\n"
    "- Các ban, cơ quan, đơn vị của Đảng ở Trung ương,\n- Lưu Văn phòng Trung ương Đảng.\n";

const std::string kPdfTextLayer =
    "T/M BAN BÍ THƯ\nNơi nhận:\n\n\f33\n- Các tỉnh ủy, thành ủy,\n"
    "- Các ban, cơ quan, đơn vị của Đảng ở Trung ương,\n- Lưu Văn phòng Trung ương Đảng.\n\n"
    "Trần Cẩm Tú\n\n\f";

void expect_collective(const DocumentMetadata& metadata, const std::string& text) {
  EXPECT_EQ(metadata.signer, "Trần Cẩm Tú") << text;
  EXPECT_EQ(metadata.signing_authority, "T/M Ban Bí thư") << text;
  EXPECT_EQ(metadata.signer_title, std::nullopt) << text;
}

TEST(CollectiveSignatures, a_body_signing_without_a_post_line_gives_its_name_and_signer) {
  for (const std::string& closing : {kAsWritten, kPdfTextLayer}) {
    const std::string text = guidance(closing);
    expect_collective(extract_metadata(text), text);
  }
}

TEST(CollectiveSignatures, a_board_is_a_body_on_a_one_line_signature_too) {
  const std::string text = guidance("T/M BAN BÍ THƯ Trần Cẩm Tú\n");
  expect_collective(extract_metadata(text), text);
  const std::string board = guidance("TM. BAN GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn An\n");
  const DocumentMetadata metadata = extract_metadata(board);
  EXPECT_EQ(metadata.signing_authority, "TM. Ban Giám đốc") << board;
  EXPECT_EQ(metadata.signer_title, "Phó Giám đốc") << board;
}

TEST(CollectiveSignatures, every_layout_family_gives_the_same_signature) {
  for (const std::string& closing : {kAsWritten, kPdfTextLayer}) {
    const testing::DocumentParts parts = testing::read_parts(guidance(closing), "Trần Cẩm Tú");
    for (const testing::Layout layout : testing::kTextLayouts) {
      const std::string rendered = testing::render(parts, layout);
      SCOPED_TRACE(testing::layout_name(layout));
      expect_collective(extract_metadata(rendered), rendered);
    }
  }
}

// A PDF's text layer puts the "Nơi nhận" column between the block's lines: the items' wrapped
// parts (in lower case, or ending with "," as the Party's items end) do not end the block, and
// the name comes after them.
TEST(CollectiveSignatures, wrapped_items_beside_the_block_do_not_end_it) {
  const std::string text = guidance(
      "Nơi nhận:\n\nK/T TRƯỞNG BAN\n\n- Ban Bí thư (để báo cáo),\n\nPHÓ\n\nTRƯỞNG BAN\n"
      "- Các tỉnh ủy, thành ủy, đảng ủy trực thuộc\nTrung ương,\n"
      "- Các đồng chí Phó Trưởng Ban, - Các vụ, cục,\nđơn vị trong Ban, - Lưu VP, Vụ CSĐ, ĐV.\n\n"
      "Nguyễn Thanh Bình\n");
  const DocumentMetadata metadata = extract_metadata(text);
  EXPECT_EQ(metadata.signer, "Nguyễn Thanh Bình") << text;
  EXPECT_EQ(metadata.signing_authority, "K/T Trưởng ban") << text;
  EXPECT_EQ(metadata.signer_title, "Phó Trưởng ban") << text;
}

// A copy that kept the authority line and lost the post and the name (a portal's page): the
// text attached to the decision begins under it, "(Ban hành kèm theo Quyết định số ...)", so the
// body ended at that authority, and the authority is the decision's.
TEST(CollectiveSignatures, an_authority_above_the_attached_text_is_the_documents) {
  const std::string text =
      "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n-------\nSố: 41/2019/QĐ-UBND\n\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
      "Quảng Trị, ngày 22 tháng 10 năm 2019\n\nQUYẾT ĐỊNH\nBan hành Quy định chế độ báo cáo\n\n"
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
      "Điều 1. Ban hành kèm theo Quyết định này Quy định chế độ báo cáo.\n"
      "Điều 2. Quyết định này có hiệu lực từ ngày 05/11/2019.\n\nTM. ỦY BAN NHÂN DÂN\n\n"
      "QUY ĐỊNH\nCHẾ ĐỘ BÁO CÁO ĐỊNH KỲ\n(Ban hành kèm theo Quyết định số 41/2019/QĐ-UBND ngày "
      "22 tháng 10 năm 2019 của Ủy ban nhân dân tỉnh Quảng Trị)\n\nĐiều 1. Phạm vi điều chỉnh\n";
  const testing::DocumentParts parts = testing::read_parts(text, "");
  for (const testing::Layout layout : testing::kTextLayouts) {
    const std::string rendered = testing::render(parts, layout);
    const DocumentMetadata metadata = extract_metadata(rendered);
    EXPECT_EQ(metadata.signing_authority, "TM. Ủy ban nhân dân")
        << testing::layout_name(layout) << "\n"
        << rendered;
    EXPECT_EQ(metadata.signer, std::nullopt) << testing::layout_name(layout) << "\n" << rendered;
  }
}

// ND30 lets a body's common name be abbreviated (Phụ lục I, ô 2 and 7): the signer's post and
// authority are written as the document gives them, abbreviations and codes kept, in every
// layout family.
TEST(PostsAsWritten, abbreviations_and_codes_in_a_signature_stay_as_written) {
  const std::string base =
      "ỦY BAN NHÂN DÂN\nHUYỆN MAI CHÂU\n-------\nSố: 12/KH-UBND\n\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
      "Mai Châu, ngày 10 tháng 1 năm 2019\n\nKẾ HOẠCH\nTổ chức bắn pháo hoa\n\n"
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nỦy ban nhân dân "
      "huyện ban hành kế hoạch.\n\nNơi nhận:\n- Các xã, thị trấn;\n- Lưu: VT.\n\n";
  struct Case {
    std::string block;
    std::optional<std::string> authority;
    std::string post;
  };
  const std::vector<Case> cases = {
      {"PHÓ CHỦ TỊCH UBND HUYỆN\n\nPhạm Văn Hoàn\n", std::nullopt, "Phó Chủ tịch UBND huyện"},
      {"TM. HỘI ĐỒNG TĐKT\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nPhạm Văn Hoàn\n",
       "TM. Hội đồng TĐKT, KT. Chủ tịch", "Phó Chủ tịch"},
      {"TM. THƯỜNG TRỰC HĐND\nCHỦ TỊCH\n\nPhạm Văn Hoàn\n", "TM. Thường trực HĐND", "Chủ tịch"},
      // Written out, a name stays written out.
      {"TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nPhạm Văn Hoàn\n",
       "TM. Ủy ban nhân dân, KT. Chủ tịch", "Phó Chủ tịch"},
  };
  for (const Case& each : cases) {
    const std::string text = base + each.block;
    const testing::DocumentParts parts = testing::read_parts(text, "Phạm Văn Hoàn");
    for (const testing::Layout layout : testing::kTextLayouts) {
      const std::string rendered = testing::render(parts, layout);
      const DocumentMetadata metadata = extract_metadata(rendered);
      EXPECT_EQ(metadata.signing_authority, each.authority) << testing::layout_name(layout) << "\n"
                                                            << rendered;
      EXPECT_EQ(metadata.signer_title, each.post) << testing::layout_name(layout) << "\n"
                                                  << rendered;
      EXPECT_EQ(metadata.signer, "Phạm Văn Hoàn") << testing::layout_name(layout) << "\n"
                                                  << rendered;
    }
  }
}

}  // namespace
}  // namespace vanban::analyzers
