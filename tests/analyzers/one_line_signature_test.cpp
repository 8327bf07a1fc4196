// A signature block on one line (issue 11, layout family "signature_one_line"): ND30 ô 7 reads
// authority (ô 7a: "TM.", "KT.", "TL.", "Q."), the post (7b), the signature and seal (7c, 8: a
// typed copy writes them as a mark in brackets, "(Đã ký)"), then the name. A converter that runs
// the block's lines into one must give the fields the block as written gives:
// - the mark in brackets between post and name is a piece of its own (no post is in brackets);
// - "PHÓ" or "TRƯỞNG" right after "BAN" opens the signer's post (the head or deputy of the board
//   just named), not a board's name ("BAN BÍ THƯ" is one);
// - a second known post after a complete one is a line of its own ("TRƯỞNG ĐOÀN" / "CHỦ TỊCH
//   HĐND TỈNH"), unless "PHÓ" or "TỔNG" before it makes one post of them.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

std::string plan(const std::string& block) {
  return "ỦY BAN NHÂN DÂN\nTỈNH AN LẠC\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 12/KH-UBND\nAn Lạc, ngày 12 tháng 3 "
         "năm 2024\n\nKẾ HOẠCH\nKiểm tra công tác văn thư năm 2024\n\nThực hiện Kế hoạch số "
         "15/KH-UBND ngày 02/02/2024 của Ủy ban nhân dân tỉnh, đoàn kiểm tra làm việc với các "
         "huyện.\n\nNơi nhận:\n- Các huyện;\n- Lưu: VT.\n\n" +
         block + "\n";
}

void expect_same_signature(const std::vector<std::string>& lines) {
  std::string written;
  std::string one_line;
  for (const std::string& line : lines) {
    written += line + "\n";
    one_line += (one_line.empty() ? "" : " ") + line;
  }
  const DocumentMetadata want = extract_metadata(plan(written));
  const DocumentMetadata got = extract_metadata(plan(one_line));
  ASSERT_TRUE(want.signer.has_value()) << written;
  EXPECT_EQ(got.signer, want.signer) << one_line;
  EXPECT_EQ(got.signer_title, want.signer_title) << one_line;
  EXPECT_EQ(got.signing_authority, want.signing_authority) << one_line;
}

TEST(OneLineSignature, a_mark_in_brackets_between_post_and_name_is_no_post) {
  expect_same_signature({"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn An"});
  expect_same_signature(
      {"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(đã ký)", "Trần Thị Bình"});
  expect_same_signature({"CHỦ TỊCH", "(Ký tên, đóng dấu)", "Lê Văn Cường"});
  const DocumentMetadata metadata =
      extract_metadata(plan("KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Nguyễn Văn An"));
  EXPECT_EQ(metadata.signer, "Nguyễn Văn An");
  EXPECT_EQ(metadata.signer_title, "Phó Chủ tịch");
  EXPECT_EQ(metadata.signing_authority, "KT. Chủ tịch");
}

TEST(OneLineSignature, the_head_or_deputy_of_a_board_opens_the_signers_post) {
  expect_same_signature({"KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Đặng Quốc Vinh"});
  expect_same_signature({"TM. TIỂU BAN", "TRƯỞNG TIỂU BAN", "Nguyễn Văn Hoàn"});
  const DocumentMetadata metadata =
      extract_metadata(plan("KT. TRƯỞNG BAN PHÓ TRƯỞNG BAN Đặng Quốc Vinh"));
  EXPECT_EQ(metadata.signer_title, "Phó Trưởng ban");
  EXPECT_EQ(metadata.signing_authority, "KT. Trưởng ban");
  // A board's name after "BAN" stays the body's ("T/M BAN BÍ THƯ": the Secretariat signs).
  const DocumentMetadata board = extract_metadata(plan("T/M BAN BÍ THƯ Trần Cẩm Tú"));
  EXPECT_EQ(board.signing_authority, "T/M Ban Bí thư");
  EXPECT_EQ(board.signer_title, std::nullopt);
}

TEST(OneLineSignature, a_second_post_under_the_first_is_a_line_of_its_own) {
  expect_same_signature({"TM. ĐOÀN GIÁM SÁT", "TRƯỞNG ĐOÀN", "CHỦ TỊCH HĐND TỈNH", "Phạm Văn An"});
  // "PHÓ" or "TỔNG" before a post makes one post of them.
  expect_same_signature({"KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "Lê Văn Dũng"});
  const DocumentMetadata deputy =
      extract_metadata(plan("KT. CỤC TRƯỞNG PHÓ CỤC TRƯỞNG Lê Văn Dũng"));
  EXPECT_EQ(deputy.signer_title, "Phó Cục trưởng");
}

}  // namespace
}  // namespace vanban::analyzers
