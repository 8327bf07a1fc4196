// Rules of session 13 (issue 11, the text-layer families of the study sets: HTML pages,
// converters' output, PDF text layers, Markdown): each stated on made-up text, with the case
// the rule leaves alone beside it (docs/EXTRACTION.md, "Session 13: text-layer study sets").
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

const std::string kDecisionHead =
    "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n\nSố: 15/QĐ-UBND\nHà Nam, ngày 12 tháng 3 năm 2024\n\n";

const std::string kDecisionClose =
    "\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n\nNơi nhận:\n- Như Điều 2;\n"
    "- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn Lâm\n";

// A Giấy mời sent to each invitee leaves its "Kính gửi" blank to fill in; "Như trên" under
// "Nơi nhận" stands for that list (ND30 ô 9a, 9b), as it does for a filled one: no recipient.
TEST(TextLayerRules, nhu_tren_stands_for_a_blank_kinh_gui) {
  const std::string head =
      "HỘI ĐỒNG NHÂN DÂN\nHUYỆN TUẦN GIÁO\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n\nSố: 06/GM-HĐND\nTuần Giáo, ngày 12 tháng 5 năm 2020\n\n"
      "GIẤY MỜI\nHọp Thường trực Hội đồng nhân dân huyện mở rộng\n\n";
  const std::string body =
      "Thường trực HĐND huyện tổ chức cuộc họp vào 8 giờ ngày 15/5/2020.\n"
      "Trân trọng kính mời các đồng chí đến dự./.\n"
      "Nơi nhận:\n- Như trên;\n- Lưu VT.\n\nTM. THƯỜNG TRỰC HĐND\nCHỦ TỊCH\n\nLò Văn Mươn\n";
  const DocumentMetadata blank = extract_metadata(
      head + "Kính gửi: \xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\n" + body);
  EXPECT_TRUE(blank.recipients.empty()) << blank.recipients.front();
  const DocumentMetadata dots =
      extract_metadata(head + "Kính gửi: .......................\n" + body);
  EXPECT_TRUE(dots.recipients.empty());
  // Without any "Kính gửi", "Như trên" names someone the text does not: it is kept.
  const DocumentMetadata none = extract_metadata(head + body);
  EXPECT_EQ(none.recipients, std::vector<std::string>{"Như trên"});
}

// ND30 puts the archive line ("Lưu: ...") last in "Nơi nhận". Items after it that go on to one
// ended by ";" are the list's too (the list came out of its order); after a last archive line
// the list has ended.
TEST(TextLayerRules, items_after_an_archive_line_out_of_order_are_recipients) {
  const std::string head =
      "THỦ TƯỚNG CHÍNH PHỦ\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n----------------\nSố: 12/2007/QĐ-TTg\n"
      "Hà Nội, ngày 23 tháng 01 năm 2007\n\nQUYẾT ĐỊNH\nBAN HÀNH DANH MỤC SẢN PHẨM THỐNG KÊ\n"
      "THỦ TƯỚNG CHÍNH PHỦ\nĐiều 1. Ban hành kèm theo Quyết định này Danh mục sản phẩm.\n"
      "Điều 2. Quyết định này có hiệu lực sau 15 ngày./.\n"
      "Nơi nhận:\n- Ban Bí thư Trung ương Đảng;\n- Các Bộ, cơ quan ngang Bộ;\n"
      "- Lưu: Văn thư, KTTH (3b).\n";
  const std::string sign = "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\n\nNguyễn Sinh Hùng\n";
  const DocumentMetadata reordered = extract_metadata(
      head + "- Văn phòng Chủ tịch nước;\n- Văn phòng Quốc hội\n- Kiểm toán Nhà nước;\n" + sign);
  EXPECT_EQ(reordered.recipients,
            (std::vector<std::string>{"Ban Bí thư Trung ương Đảng", "Các Bộ, cơ quan ngang Bộ",
                                      "Văn phòng Chủ tịch nước", "Văn phòng Quốc hội",
                                      "Kiểm toán Nhà nước"}));
  EXPECT_EQ(reordered.signer, "Nguyễn Sinh Hùng");
  const DocumentMetadata in_order = extract_metadata(head + sign);
  EXPECT_EQ(in_order.recipients,
            (std::vector<std::string>{"Ban Bí thư Trung ương Đảng", "Các Bộ, cơ quan ngang Bộ"}));
  // A line after the archive line that ends no item with ";" (the typist's code, ô 12) is no
  // recipient.
  const DocumentMetadata typist = extract_metadata(head + "- NVA (5b).\n" + sign);
  EXPECT_EQ(typist.recipients, in_order.recipients);
}

// A signer holding two posts, each on its line under the authority ("TRƯỞNG ĐOÀN" of the
// monitoring delegation, "CHỦ TỊCH HĐND TỈNH" his office): the post is the last line (ND30
// Phụ lục I, ô 7b). A post wrapped over two lines is one post.
TEST(TextLayerRules, the_last_of_two_posts_is_the_signers) {
  const std::string head =
      "HỘI ĐỒNG NHÂN DÂN\nTỈNH BÌNH DƯƠNG\nĐOÀN GIÁM SÁT\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n\nSố: 11/TB-ĐGS\nBình Dương, ngày 12 tháng 4 năm 2021\n\n"
      "THÔNG BÁO\nKết quả giám sát công tác phòng, chống dịch\n\n"
      "Đoàn giám sát thông báo kết quả như sau./.\n\nNơi nhận:\n- Thường trực Tỉnh ủy;\n"
      "- Lưu: VT.\n\nTM. ĐOÀN GIÁM SÁT\n";
  const DocumentMetadata two =
      extract_metadata(head + "TRƯỞNG ĐOÀN\n\nCHỦ TỊCH HĐND TỈNH\nPhạm Văn Chánh\n");
  EXPECT_EQ(two.signer_title, "Chủ tịch HĐND tỉnh");
  EXPECT_EQ(two.signing_authority, "TM. Đoàn giám sát");
  EXPECT_EQ(two.signer, "Phạm Văn Chánh");
  const DocumentMetadata wrapped =
      extract_metadata(head + "PHÓ CHỦ TỊCH\nTHƯỜNG TRỰC\n\nPhạm Văn Chánh\n");
  EXPECT_EQ(wrapped.signer_title, "Phó Chủ tịch thường trực");
  const DocumentMetadata one = extract_metadata(head + "TRƯỞNG ĐOÀN\n\nPhạm Văn Chánh\n");
  EXPECT_EQ(one.signer_title, "Trưởng đoàn");
}

// A copy that kept the signer's name and the mark of the signature ("(Đã ký)") but lost the
// post: the name beside the mark is the signer. A mark with no name beside it names nobody.
TEST(TextLayerRules, a_name_beside_the_signed_mark_is_the_signer) {
  const std::string text =
      "HIẾN PHÁP\nNƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nLỜI NÓI ĐẦU\n"
      "Nhân dân Việt Nam xây dựng Hiến pháp này.\nĐiều 1\nNước Việt Nam là một nước độc lập.\n"
      "Bản Hiến pháp này đã được Quốc hội thông qua ngày 15 tháng 4 năm 1992.\n\n";
  EXPECT_EQ(extract_metadata(text + "Lê Văn Đạo\n(Đã ký)\n").signer, "Lê Văn Đạo");
  EXPECT_EQ(extract_metadata(text + "(Đã ký)\n\nLê Văn Đạo\n").signer, "Lê Văn Đạo");
  EXPECT_EQ(extract_metadata(text + "(Đã ký)\n").signer, std::nullopt);
  // A page that kept the two bottom cells apart by runs of spaces: the mark and the name are
  // the right-hand cell's, beside the recipients.
  EXPECT_EQ(extract_metadata(text + "Nơi nhận :                    \n– Như trên;\n"
                                    "– Các phòng, ban;                         (đã ký)\n\n"
                                    "– Lưu: VT.                             Lê Văn Đạo\n")
                .signer,
            "Lê Văn Đạo");
  EXPECT_EQ(extract_metadata(text + "Hội đồng nhân dân tỉnh\n(Đã ký)\n").signer, std::nullopt);
}

// A decision's title that opens with "ban hành" names the instrument it issues: the object's
// first word is capitalised as a named document's is (ND30 Phụ lục II), whatever its kind, when
// the title is set in capitals and the text says nothing of its case; a plural or a classifier
// before the name is not capitalised.
TEST(TextLayerRules, the_instrument_a_title_issues_is_capitalised) {
  const auto title = [](const std::string& capitals) {
    return extract_metadata(kDecisionHead + "QUYẾT ĐỊNH\n" + capitals +
                            "\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\n"
                            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
                            "QUYẾT ĐỊNH:\nĐiều 1. Nội dung như phụ lục kèm theo." +
                            kDecisionClose)
        .title;
  };
  EXPECT_EQ(title("BAN HÀNH HỆ THỐNG CHỈ TIÊU THỐNG KÊ CẤP TỈNH"),
            "Ban hành Hệ thống chỉ tiêu thống kê cấp tỉnh");
  EXPECT_EQ(title("VỀ VIỆC BAN HÀNH BỘ TIÊU CHÍ ĐÁNH GIÁ CẢI CÁCH HÀNH CHÍNH"),
            "Về việc ban hành Bộ tiêu chí đánh giá cải cách hành chính");
  EXPECT_EQ(title("BAN HÀNH CÁC NGUYÊN TẮC PHÂN BỔ VỐN ĐẦU TƯ"),
            "Ban hành các nguyên tắc phân bổ vốn đầu tư");
  EXPECT_EQ(title("CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH TRONG LĨNH VỰC XÂY DỰNG"),
            "Công bố danh mục thủ tục hành chính mới ban hành trong lĩnh vực xây dựng");
}

// A law, a code or an ordinance named in a title set in capitals keeps its type word's capital
// (ND30 Phụ lục II) when the table of law names knows the name; "pháp luật", "kỷ luật" are no
// law.
TEST(TextLayerRules, a_law_named_in_a_title_in_capitals_keeps_its_type_word) {
  const auto title = [](const std::string& capitals) {
    return extract_metadata(kDecisionHead + "HƯỚNG DẪN\n" + capitals +
                            "\n\nThực hiện chương trình công tác năm 2024, Ủy ban nhân dân tỉnh "
                            "hướng dẫn như sau:\n1. Nội dung.\n" +
                            kDecisionClose)
        .title;
  };
  EXPECT_EQ(title("THI HÀNH MỘT SỐ QUY ĐỊNH TRONG BỘ LUẬT TỐ TỤNG HÌNH SỰ"),
            "Thi hành một số quy định trong Bộ luật tố tụng hình sự");
  EXPECT_EQ(title("TRIỂN KHAI THI HÀNH LUẬT ĐẤT ĐAI NĂM 2024"),
            "Triển khai thi hành Luật đất đai năm 2024");
  EXPECT_EQ(title("TUYÊN TRUYỀN, PHỔ BIẾN PHÁP LUẬT VÀ XỬ LÝ KỶ LUẬT CÁN BỘ"),
            "Tuyên truyền, phổ biến pháp luật và xử lý kỷ luật cán bộ");
}

// The colon a page sets after the type heading ("HƯỚNG DẪN: Công tác ...") is the heading's,
// not the title's.
TEST(TextLayerRules, a_title_opens_with_no_colon) {
  const DocumentMetadata metadata = extract_metadata(
      "HƯỚNG DẪN: Công tác phòng, chống tội phạm năm 2019\n\n"
      "Căn cứ Kế hoạch công tác năm 2019, Ban Chỉ đạo hướng dẫn như sau:\n"
      "1. Tuyên truyền, phổ biến pháp luật.\n");
  EXPECT_EQ(metadata.title, "Công tác phòng, chống tội phạm năm 2019");
}

// A page that sets the document as an item of an ordered list puts its marker before ô 2
// ("1. UBND TỈNH NINH THUẬN CỘNG HÒA ... SỞ GIÁO DỤC VÀ ĐÀO TẠO ..."): the marker is the page's,
// and the header reads as without it.
TEST(TextLayerRules, a_pages_list_marker_before_the_header_is_no_part_of_it) {
  const std::string header =
      "UBND TỈNH NINH THUẬN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ GIÁO DỤC VÀ ĐÀO TẠO Độc lập - "
      "Tự do - Hạnh phúc Số : 2917 /SGDĐT-VP Phan Rang-Tháp Chàm, ngày 05 tháng 11 năm 2010 V/v "
      "báo cáo nhanh tình hình lũ lụt. Kính gửi: - Ủy ban nhân dân tỉnh Ninh Thuận; - Bộ Giáo "
      "dục và Đào tạo. Vừa qua, tỉnh bị ảnh hưởng của lũ lụt.\n";
  const DocumentMetadata plain = extract_metadata(header);
  const DocumentMetadata listed = extract_metadata("Xem mẫu\n\n  1. " + header);
  EXPECT_EQ(plain.issuer, "Sở Giáo dục và Đào tạo tỉnh Ninh Thuận");
  EXPECT_EQ(listed.issuer, plain.issuer);
  EXPECT_EQ(listed.number, plain.number);
  EXPECT_EQ(listed.title, plain.title);
}

}  // namespace
}  // namespace vanban::analyzers
