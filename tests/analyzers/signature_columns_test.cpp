// The signature block (bottom right, docs/domain.md §1.6) beside "Nơi nhận" (bottom left, §1.7):
// text extracted from a two-column layout interleaves the recipients with the posts, and the
// signer is still read, whatever separates the columns and wherever the name falls.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

DocumentMetadata with_closing(const std::string& closing) {
  return extract_metadata(
      "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố: 12/KH-UBND\nHuế, ngày 5 tháng 3 năm 2026\n\n"
      "KẾ HOẠCH\nTổ chức hội nghị dân vận năm 2026\n\n"
      "I. MỤC ĐÍCH\n1. Nâng cao hiệu quả công tác dân vận.\n"
      "Ủy ban nhân dân thành phố yêu cầu các đơn vị triển khai thực hiện./.\n\n" +
      closing);
}

void expect_vice_chair(const DocumentMetadata& metadata, const std::string& name) {
  EXPECT_EQ(metadata.signer, name);
  EXPECT_EQ(metadata.signer_title, "Phó Chủ tịch");
  ASSERT_TRUE(metadata.signing_authority);
  EXPECT_NE(metadata.signing_authority->find("KT. Chủ tịch"), std::string::npos)
      << *metadata.signing_authority;
}

TEST(SignatureForms, a_post_written_in_sentence_case_above_the_signature_mark) {
  // Portals print the post as running text, with "(Đã ký)" where the signature was.
  const auto metadata = with_closing("Phó Chủ tịch\n\n(Đã ký)\n\nĐặng Quốc Lộng\n");
  EXPECT_EQ(metadata.signer, "Đặng Quốc Lộng");
  EXPECT_EQ(metadata.signer_title, "Phó Chủ tịch");
  EXPECT_EQ(metadata.signing_authority, std::nullopt);
  // Words that are no post stay out of the signature.
  EXPECT_EQ(with_closing("Phó Chủ tịch xã dự\n\n(Đã ký)\n\nĐặng Quốc Lộng\n").signer_title,
            std::nullopt);
}

TEST(SignatureForms, an_authority_that_lost_its_dot_is_the_same_authority) {
  const std::string dotted = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n";
  const std::string bare = "KT CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n";
  const std::string one_line = "KT CHỦ TỊCH PHÓ CHỦ TỊCH\nNguyễn Văn An\n";
  for (const std::string& closing : {dotted, bare, one_line}) {
    const auto metadata = with_closing(closing);
    EXPECT_EQ(metadata.signer, "Nguyễn Văn An") << closing;
    EXPECT_EQ(metadata.signer_title, "Phó Chủ tịch") << closing;
    EXPECT_EQ(metadata.signing_authority, "KT. Chủ tịch") << closing;
  }
}

TEST(SignatureColumns, signer_is_read_when_recipients_run_beside_the_posts) {
  expect_vice_chair(with_closing("Nơi nhận:                     TM. ỦY BAN NHÂN DÂN\n"
                                 "- Như trên;                   KT. CHỦ TỊCH\n"
                                 "- Lưu: VT.                      PHÓ CHỦ TỊCH\n"
                                 "\n"
                                 "Nguyễn Văn An\n"),
                    "Nguyễn Văn An");
}

TEST(SignatureColumns, recipients_longer_than_the_posts_do_not_hide_the_signer) {
  expect_vice_chair(with_closing("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n"
                                 "- Thường trực Thành ủy;\tKT. CHỦ TỊCH\n"
                                 "- Các sở, ban, ngành;\tPHÓ CHỦ TỊCH\n"
                                 "- UBND các phường, xã;\n"
                                 "- Lưu: VT, NC.\n"
                                 "(Đã ký)\n"
                                 "Trần Thị Bình\n"),
                    "Trần Thị Bình");
}

TEST(SignatureColumns, columns_joined_by_one_space_keep_the_authority) {
  expect_vice_chair(with_closing("Nơi nhận: TM. ỦY BAN NHÂN DÂN\n"
                                 "- Như trên; KT. CHỦ TỊCH\n"
                                 "- Lưu: VT. PHÓ CHỦ TỊCH\n"
                                 "- Các phòng, ban;\n"
                                 "Lê Văn Cường\n"),
                    "Lê Văn Cường");
}

TEST(SignatureColumns, name_sharing_a_line_with_a_recipient_is_read) {
  expect_vice_chair(with_closing("Nơi nhận:                     TM. ỦY BAN NHÂN DÂN\n"
                                 "- Như trên;                   KT. CHỦ TỊCH\n"
                                 "- Thường trực HĐND;           PHÓ CHỦ TỊCH\n"
                                 "- Lưu: VT.\n"
                                 "- Các sở;                     Hoàng Minh Đức\n"),
                    "Hoàng Minh Đức");
}

TEST(SignatureColumns, block_run_into_the_text_on_one_line_is_read) {
  // A Word file read as text runs the last sentence, the recipients and the signature block
  // into one line; the block begins at its authority prefix (ND30 ô 7a).
  const std::string closing =
      "Nơi nhận: - Các sở, ban, ngành; - Lưu: VT, NC. TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ "
      "CHỦ TỊCH Trần Thị Bình\n";
  expect_vice_chair(with_closing(closing), "Trần Thị Bình");
  // The same block with each part on a line of its own gives the same.
  expect_vice_chair(with_closing("Nơi nhận:\n- Các sở, ban, ngành;\n- Lưu: VT, NC.\n"
                                 "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
                                 "Trần Thị Bình\n"),
                    "Trần Thị Bình");
}

// A copy that lost the signer's name (the signature was an image, the stored page is cut after
// the posts, an appendix follows): the authority and the post are the document's all the same,
// in every layout the block comes in; the name stays null.
TEST(SignatureForms, a_block_whose_name_the_copy_lost_keeps_its_authority_and_post) {
  const std::string appendix =
      "QUY CHẾ QUẢN LÝ PHẦN MỀM\n(Ban hành kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2026)\n"
      "Điều 1. Phạm vi điều chỉnh\n";
  for (const std::string& closing :
       {std::string("Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ "
                    "CHỦ TỊCH\n"),
        "Nơi nhận: | TM. ỦY BAN NHÂN DÂN |\n- Như trên; | KT. CHỦ TỊCH |\n- Lưu: VT. | PHÓ CHỦ "
        "TỊCH |\n" +
            appendix,
        std::string("Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\n   TM. ỦY BAN NHÂN DÂN  \n\n  KT. CHỦ "
                    "TỊCH\n\n  PHÓ CHỦ TỊCH\n\n (Đ\nã ký)\n\n")}) {
    const auto metadata = with_closing(closing);
    EXPECT_EQ(metadata.signer, std::nullopt) << closing;
    EXPECT_EQ(metadata.signer_title, "Phó Chủ tịch") << closing;
    EXPECT_EQ(metadata.signing_authority, "TM. Ủy ban nhân dân, KT. Chủ tịch") << closing;
  }
  // The same block with its name gives the same fields, and the name.
  const auto named = with_closing(
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
      "Nguyễn Văn Phương\n");
  EXPECT_EQ(named.signer, "Nguyễn Văn Phương");
  EXPECT_EQ(named.signing_authority, "TM. Ủy ban nhân dân, KT. Chủ tịch");
  // Posts quoted in the body, before its end, sign nothing.
  const auto quoted = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố: 12/KH-UBND\nHuế, ngày 5 tháng 3 năm 2026\n\nKẾ "
      "HOẠCH\nTổ chức hội nghị\n\nCHỦ TỊCH\nỦy ban nhân dân thành phố yêu cầu các đơn vị thực "
      "hiện.\n");
  EXPECT_EQ(quoted.signer_title, std::nullopt);
}

// A Word file's text keeps the empty paragraphs where the signature and the seal stood (ND30 ô
// 7c, 8): a dozen or more empty lines between the posts and the name, the recipients before or
// beside them. The block is the same as with the name right under the posts.
TEST(SignatureForms, empty_paragraphs_where_the_signature_stood_do_not_split_the_block) {
  const std::string recipients = "Nơi nhận:\n\n- Như trên;\n\n- Lưu: VT.\n\n\n\n";
  for (const std::size_t gap : {std::size_t{1}, std::size_t{14}, std::size_t{24}}) {
    const std::string blank(gap, '\n');
    for (const std::string& closing :
         {recipients + "TM. ỦY BAN NHÂN DÂN\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n" + blank +
              "Nguyễn Văn An\n",
          recipients + "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n" + blank + "(Đã ký)\n" +
              blank + "Nguyễn Văn An\n"}) {
      const auto metadata = with_closing(closing);
      EXPECT_EQ(metadata.signer, "Nguyễn Văn An") << gap;
      EXPECT_EQ(metadata.signer_title, "Phó Chủ tịch") << gap;
      EXPECT_EQ(metadata.signing_authority, "TM. Ủy ban nhân dân, KT. Chủ tịch") << gap;
    }
  }
  // Lines that hold text still bound the block: a name 17 text lines below the posts is not
  // theirs.
  std::string far = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n";
  for (int line = 0; line < 16; ++line)
    far += "Điều " + std::to_string(line + 1) + ". Quy định chung của quy chế.\n";
  far += "Nguyễn Văn An\n";
  EXPECT_EQ(with_closing(far).signer, std::nullopt);
}

TEST(SignatureColumns, two_signatures_side_by_side_give_the_right_hand_signer) {
  // A body that countersigns on the left, the issuer's signer on the right (ND30 ô 7): a PDF
  // reads the two cells column after column, or row by row; the last post and the last name
  // are the right-hand block's, whatever the layout.
  const std::string closings[] = {
      "HỘI CHA MẸ HỌC SINH\n\nBÍ THƯ ĐOÀN TRƯỜNG\n\nNguyễn Trường Hà\n\nTrần Thị Hương\n",
      "HỘI CHA MẸ HỌC SINH\nBÍ THƯ ĐOÀN TRƯỜNG\n(Đã ký)\nNguyễn Trường Hà\nTrần Thị Hương\n",
  };
  for (const std::string& closing : closings) {
    const auto metadata = with_closing(closing);
    EXPECT_EQ(metadata.signer, "Trần Thị Hương") << closing;
    EXPECT_EQ(metadata.signer_title, "Bí thư Đoàn trường") << closing;
  }
  // One block: its name, whatever list of names follows further down.
  const auto single = with_closing(
      "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n\nDANH SÁCH\nTrần Văn Bình\nLê Thị Cúc\n");
  EXPECT_EQ(single.signer, "Nguyễn Văn An");
  // Two posts and more than two names: no pairing to read, the first name stays.
  const auto list =
      with_closing("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\nTrần Văn Bình\nLê Thị Cúc\n");
  EXPECT_EQ(list.signer, "Nguyễn Văn An");
}

TEST(SignatureForms, a_letters_closing_formula_is_no_post) {
  for (const std::string& closing :
       {std::string("KÍNH THƯ\n\nPHÓ CHỦ TỊCH UBND HUYỆN\n\nPhạm Văn Hoàn\n"),
        std::string("Trân trọng!\nPHÓ CHỦ TỊCH UBND HUYỆN\n(Đã ký)\nPhạm Văn Hoàn\n")}) {
    const auto metadata = with_closing(closing);
    EXPECT_EQ(metadata.signer, "Phạm Văn Hoàn") << closing;
    EXPECT_EQ(metadata.signer_title, "Phó Chủ tịch UBND huyện") << closing;  // as written
  }
}

// The signature block sits in the right half of the page (ND30 ô 7); a PDF keeps the line
// breaks of its narrow cell, so an authority wraps before the post: the lines between the
// authority and the post that open with no post are the rest of the authority, whether the
// recipients' column is interleaved with the block or comes before it.
TEST(SignatureForms, an_authority_wrapped_in_its_cell_goes_on_up_to_the_post) {
  const auto council = with_closing(
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN THƯỜNG VỤ\nQUỐC HỘI\nCHỦ "
      "TỊCH\n\nTrần Thanh Mẫn\n");
  EXPECT_EQ(council.signing_authority, "TM. Ủy ban Thường vụ Quốc hội");
  EXPECT_EQ(council.signer_title, "Chủ tịch");
  const auto minister = with_closing(
      "Nơi nhận:\nKT. BỘ TRƯỞNG, CHỦ\n- Thủ tướng, các Phó Thủ tướng;\nNHIỆM\n- Các bộ, cơ "
      "quan ngang bộ;\nPHÓ CHỦ NHIỆM\n- Lưu: VT.\nNguyễn Sỹ Hiệp\n");
  EXPECT_EQ(minister.signing_authority, "KT. Bộ trưởng, Chủ nhiệm");
  EXPECT_EQ(minister.signer_title, "Phó Chủ nhiệm");
  EXPECT_EQ(minister.signer, "Nguyễn Sỹ Hiệp");
  const auto party = with_closing(
      "Nơi nhận:\n- Các tỉnh ủy, thành ủy;\n\nT/M BAN CHẤP HÀNH\nTRUNG ƯƠNG\nTỔNG BÍ "
      "THƯ\n\nTô Lâm\n");
  EXPECT_EQ(party.signing_authority, "T/M Ban Chấp hành Trung ương");
  EXPECT_EQ(party.signer_title, "Tổng Bí thư");
  // A post over two lines stays the post: a deputy's "PHÓ" wrapped before the post's name, a
  // head's post ("TRƯỞNG ĐOÀN") above the office it holds.
  const auto deputy = with_closing(
      "Nơi nhận:\n- Như trên;\n\nK/T TRƯỞNG BAN\nPHÓ\nTRƯỞNG BAN\n\nNguyễn "
      "Thanh Bình\n");
  EXPECT_EQ(deputy.signing_authority, "K/T Trưởng ban");
  EXPECT_EQ(deputy.signer_title, "Phó Trưởng ban");
  const auto head = with_closing(
      "Nơi nhận:\n- Như trên;\n\nTM. ĐOÀN GIÁM SÁT\nTRƯỞNG ĐOÀN\nCHỦ TỊCH HĐND "
      "TỈNH\nPhạm Văn Chánh\n");
  EXPECT_EQ(head.signing_authority, "TM. Đoàn giám sát");
}

// pdftotext interleaves the bottom table's cells line by line: a recipient's continuation in
// capitals ending with ";" and the archive line's unit and drafter's initials glued to its last
// dot ("QLGCSDN.HT") are the recipients' column, not the post.
TEST(SignatureForms, the_recipients_capitals_interleaved_with_the_block_are_no_post) {
  const auto metadata = with_closing(
      "Nơi nhận:\nKT. GIÁM ĐỐC\n- Cục QL giá (Văn phòng A, B);\nPHÓ GIÁM ĐỐC\n- Văn phòng UBND "
      "tỉnh;\n- Các Sở: CT, LĐTBXH, TNMT, XD,\nTTTT, NN&PTNT, GTVT;\n- Sở TC các tỉnh;\n- Lưu: "
      "VP, QLGCSDN.HT\n\nNguyễn Thị Kim Loan\n");
  EXPECT_EQ(metadata.signer, "Nguyễn Thị Kim Loan");
  EXPECT_EQ(metadata.signer_title, "Phó Giám đốc");
  EXPECT_EQ(metadata.signing_authority, "KT. Giám đốc");
}

// Session 25: a recipient's purpose in brackets ("(để b/c)", "(để t/h)", ND30 ô 9b), set beside
// its item in the left column, read on the same row as the post, or alone between the post and
// the name: the note is the recipients', the post and the name are the block's.
TEST(SignatureColumns, a_recipients_purpose_note_on_the_posts_row_is_no_part_of_the_post) {
  const std::string copies = "Nơi nhận:\n- Huyện đoàn;\n- Các chi đoàn trực thuộc;\n- Lưu.\n\n";
  // With the notes; the same block without them (control); a signature's mark in brackets,
  // which is no note: the name after it is still the signer.
  for (const std::string& closing :
       {copies + "TM. BAN CHẤP HÀNH\n(để báo cáo) BÍ THƯ\n(để thực hiện)\nNguyễn Thị Lan\n",
        copies + "TM. BAN CHẤP HÀNH\nBÍ THƯ\nNguyễn Thị Lan\n",
        std::string("TM. BAN CHẤP HÀNH\nBÍ THƯ\n(Đã ký) Nguyễn Thị Lan\n")}) {
    const auto metadata = with_closing(closing);
    EXPECT_EQ(metadata.signer, "Nguyễn Thị Lan") << closing;
    EXPECT_EQ(metadata.signer_title, "Bí thư") << closing;
    EXPECT_EQ(metadata.signing_authority, "TM. Ban Chấp hành") << closing;
  }
}

// Session 25: the post as the block writes it. A word in capitals that is no syllable of the
// language ("ISO", "ASEAN") is a code or a foreign acronym, kept as written as the vowelless
// codes are; "P." is the deputy's "Phó" cut short, and the post after it keeps its capital.
TEST(SignatureForms, codes_and_a_shortened_deputy_are_written_as_the_block_writes_them) {
  const auto iso = with_closing("TRƯỞNG BAN ISO\nTrần Văn Bình\n");
  EXPECT_EQ(iso.signer, "Trần Văn Bình");
  EXPECT_EQ(iso.signer_title, "Trưởng ban ISO");
  EXPECT_EQ(with_closing("TRƯỞNG BAN ASEAN\nTrần Văn Bình\n").signer_title, "Trưởng ban ASEAN");
  const auto deputy =
      with_closing("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nP.CHỦ TỊCH\n\nTrần Văn Bình\n");
  EXPECT_EQ(deputy.signer_title, "P.Chủ tịch");
  EXPECT_EQ(deputy.signer, "Trần Văn Bình");
  // Controls: words of the language stay in running case, vowelless codes as written.
  EXPECT_EQ(with_closing("TRƯỞNG BAN TỔ CHỨC\nTrần Văn Bình\n").signer_title, "Trưởng ban tổ chức");
  EXPECT_EQ(with_closing("CHỦ TỊCH HĐND TỈNH\nTrần Văn Bình\n").signer_title, "Chủ tịch HĐND tỉnh");
  EXPECT_EQ(with_closing("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Bình\n").signer_title,
            "Phó Chủ tịch");
}

}  // namespace
}  // namespace vanban::analyzers
