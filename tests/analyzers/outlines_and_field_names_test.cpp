// Session 27 (branch s27-fields): the outline (đề cương) as a document type, read only where ô 5a
// stands; a field the table of bodies writes as a proper noun ("Công Thương") keeps its
// capitals inside any body's name.
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "structure/tables.hpp"

namespace vanban::analyzers {
namespace {

// A Party committee's department issuing an outline: ô 1-4 of HD 36, then the type heading.
std::string outline_page(const std::string& heading_and_title) {
  return "TỈNH ỦY BÌNH PHƯỚC\nBAN TUYÊN GIÁO\n*\nSố 45-ĐC/BTGTU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
         "Bình Phước, ngày 19 tháng 11 năm 2021\n\n" +
         heading_and_title +
         "\n\nPhần thứ nhất\nTỈNH BÌNH PHƯỚC ĐƯỢC TÁI LẬP\nTỉnh Bình Phước ngày nay đã trải "
         "qua nhiều giai đoạn chia tách, sáp nhập trong lịch sử.\n\nBAN TUYÊN GIÁO TỈNH ỦY\n";
}

// A circular whose annexes hold the forms it issues: outline forms among them, after the
// signature (the gazette prints them so).
std::string circular_with_outline_annex(const std::string& annex_heading) {
  return "BỘ NỘI VỤ\n-------\nSố: 09/2026/TT-BNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\n---------------\nHà Nội, ngày 15 tháng 5 năm 2026\n\n"
         "THÔNG TƯ\nQuy định chế độ báo cáo định kỳ\n\n"
         "Căn cứ Nghị định số 25/2025/NĐ-CP của Chính phủ;\n"
         "Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định chế độ báo cáo định kỳ.\n"
         "Điều 1. Doanh nghiệp báo cáo theo Mẫu số 01 ban hành kèm theo Thông tư này.\n"
         "Điều 2. Thông tư này có hiệu lực thi hành kể từ ngày 30 tháng 6 năm 2026./.\n\n"
         "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n"
         "Vũ Chiến Thắng\n\nPhụ lục\n" +
         annex_heading +
         "\n(Ban hành kèm theo Thông tư số 09/2026/TT-BNV ngày 15/5/2026 của Bộ trưởng Bộ Nội "
         "vụ)\nI. Tình hình hoạt động\nII. Kiến nghị, đề xuất\n";
}

TEST(OutlineType, an_outline_heading_where_o5a_stands_types_the_document) {
  // The heading and the kind of outline on one line, the title going on in capitals.
  const DocumentMetadata joined = extract_metadata(
      outline_page("ĐỀ CƯƠNG TUYÊN TRUYỀN\nKỶ NIỆM 25 NĂM NGÀY TÁI LẬP TỈNH BÌNH PHƯỚC"));
  EXPECT_EQ(joined.type.value_or(""), "Đề cương");
  EXPECT_EQ(joined.type_code, std::nullopt);  // neither table gives the outline a code
  EXPECT_EQ(joined.number.value_or(""), "45-ĐC/BTGTU");
  EXPECT_EQ(joined.issuer.value_or(""), "Ban Tuyên giáo Tỉnh ủy Bình Phước");
  EXPECT_NE(joined.title.value_or("").find("Tuyên truyền kỷ niệm 25 năm"), std::string::npos)
      << joined.title.value_or("");
  // The heading alone, the title under it in running case.
  const DocumentMetadata alone = extract_metadata(
      outline_page("ĐỀ CƯƠNG\nGiới thiệu Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI"));
  EXPECT_EQ(alone.type.value_or(""), "Đề cương");
  EXPECT_EQ(alone.title.value_or(""), "Giới thiệu Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI");
}

TEST(OutlineType, a_page_that_opens_with_the_outlines_heading_wrapped_in_capitals) {
  // A portal's copy without ô 1-4: the heading, its title wrapped over capitals lines and a
  // bracketed span of dates, then the body's first part.
  const DocumentMetadata page = extract_metadata(
      "ĐỀ CƯƠNG TUYÊN TRUYỀN\nKỶ NIỆM 25 NĂM NGÀY TÁI LẬP TỈNH BÌNH PHƯỚC\n(01/01/1997 - "
      "01/01/2022)\n\nPhần thứ nhất\nTỈNH BÌNH PHƯỚC ĐƯỢC TÁI LẬP\nTỉnh Bình Phước ngày nay "
      "đã trải qua nhiều giai đoạn chia tách, sáp nhập trong lịch sử.\n");
  EXPECT_EQ(page.type.value_or(""), "Đề cương");
  EXPECT_EQ(page.title.value_or(""),
            "Tuyên truyền kỷ niệm 25 năm ngày tái lập tỉnh Bình Phước (01/01/1997 - 01/01/2022)");
  // Control: the body's part heading right under a one-line heading is no title line.
  const DocumentMetadata short_heading = extract_metadata(
      "ĐỀ CƯƠNG GIỚI THIỆU LUẬT ĐẤT ĐAI\nPHẦN THỨ NHẤT\nNHỮNG ĐIỂM MỚI\nLuật "
      "Đất đai có nhiều điểm mới quan trọng.\n");
  EXPECT_EQ(short_heading.title.value_or(""), "Giới thiệu Luật Đất đai");
}

TEST(OutlineType, outline_forms_in_a_documents_annexes_are_not_its_type) {
  for (const std::string heading :
       {"MẪU ĐỀ CƯƠNG BÁO CÁO ĐỊNH KỲ", "ĐỀ CƯƠNG BÁO CÁO ĐỊNH KỲ HẰNG NĂM", "ĐỀ CƯƠNG"}) {
    const DocumentMetadata metadata = extract_metadata(circular_with_outline_annex(heading));
    EXPECT_EQ(metadata.type.value_or(""), "Thông tư") << heading;
    EXPECT_EQ(metadata.title.value_or(""), "Quy định chế độ báo cáo định kỳ") << heading;
  }
}

TEST(OutlineType, an_outline_named_in_a_subject_or_a_sentence_is_not_the_type) {
  // A letter that sends an outline: its V/v names it, its code makes it a công văn.
  const DocumentMetadata letter = extract_metadata(
      "TỈNH ỦY HÀ TĨNH\nBAN TUYÊN GIÁO\n*\nSố 369-CV/BTGTU\nV/v gửi Đề cương tuyên truyền kỷ "
      "niệm 190 năm thành lập tỉnh\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Tĩnh, ngày 15 tháng 6 năm 2021\n\n"
      "Kính gửi: Các ban, sở, ngành cấp tỉnh.\n\nBan Tuyên giáo Tỉnh ủy xây dựng Đề cương "
      "tuyên truyền (có văn bản kèm theo).\n\nK/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n\nTrần Văn Bình\n");
  EXPECT_EQ(letter.type.value_or(""), "Công văn");
  // A decision approving an outline: "đề cương" is its object, not its type.
  const DocumentMetadata decision = extract_metadata(
      "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n-------\nSố: 120/2003/QĐ-UB\nCỘNG HÒA XÃ HỘI "
      "CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nThành phố Hồ Chí "
      "Minh, ngày 15 tháng 7 năm 2003\n\nQUYẾT ĐỊNH\nPhê duyệt đề cương quy hoạch phát triển "
      "ngành công nghiệp\n\nỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\nQUYẾT ĐỊNH:\nĐiều 1. Phê "
      "duyệt đề cương.\nĐỀ CƯƠNG QUY HOẠCH\n");
  EXPECT_EQ(decision.type.value_or(""), "Quyết định");
}

// A Party công văn (HD 36) as a converter gives its cells: ô 1 and 2, the Party's name, the date,
// the number, then what stands under the number.
std::string party_letter(const std::string& under_number) {
  return "TỈNH UỶ HÀ TĨNH\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nBAN TUYÊN GIÁO\n\n*\n\nHà Tĩnh, ngày 15 "
         "tháng 6 năm 2021\n\nSố 369 - CV/BTGTU\n\n" +
         under_number +
         "\n\nHướng tới kỷ niệm 190 năm thành lập tỉnh, Ban Tuyên giáo Tỉnh ủy xây dựng Đề "
         "cương tuyên truyền (có văn bản kèm theo).\n\nK/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n\n"
         "Trần Văn Bình\n";
}

TEST(PartyLetterSubject,
     the_lines_under_a_party_letters_number_before_the_address_are_its_subject) {
  const DocumentMetadata sent = extract_metadata(
      party_letter("Gửi Đề cương tuyên truyền kỷ niệm\n\n 190 năm thành lập và 30 năm tái lập "
                   "tỉnh Hà Tĩnh\n\nKính gửi:\n\n- Các ban, sở, ngành cấp tỉnh,"));
  EXPECT_EQ(sent.title.value_or(""),
            "Gửi Đề cương tuyên truyền kỷ niệm 190 năm thành lập và 30 năm tái lập tỉnh Hà Tĩnh");
  EXPECT_EQ(sent.number.value_or(""), "369-CV/BTGTU");
  // "Về ..." as before.
  const DocumentMetadata about = extract_metadata(
      party_letter("Về tuyên truyền kỷ niệm 190 năm thành lập tỉnh\n\nKính gửi: Các ban, "
                   "sở, ngành cấp tỉnh."));
  EXPECT_EQ(about.title.value_or(""), "Về tuyên truyền kỷ niệm 190 năm thành lập tỉnh");
  // "V/v: ..." under the number: the label is no word of the subject.
  const DocumentMetadata labelled = extract_metadata(
      party_letter("V/v: đề cử nông dân tiêu biểu năm 2014\n\nKính gửi: Các tỉnh, thành Hội."));
  EXPECT_EQ(labelled.title.value_or(""), "đề cử nông dân tiêu biểu năm 2014");
}

TEST(PartyLetterSubject, without_the_address_below_a_sentence_under_the_number_is_the_body) {
  // No "Kính gửi": the line under the number opens the letter's text, no subject.
  const DocumentMetadata body = extract_metadata(
      party_letter("Thực hiện Kế hoạch số 12-KH/TU của Ban Thường vụ Tỉnh ủy, Ban Tuyên giáo "
                   "đề nghị các cơ quan triển khai."));
  EXPECT_EQ(body.title, std::nullopt) << body.title.value_or("");
  // The address right under the number: no subject either.
  const DocumentMetadata addressed =
      extract_metadata(party_letter("Kính gửi: Các ban, sở, ngành cấp tỉnh."));
  EXPECT_EQ(addressed.title, std::nullopt) << addressed.title.value_or("");
}

// A Front committee's department's letter whose number line the page lost: ô 2, the subject
// written out, ô 1 and 4, then what follows.
std::string letter_without_number(const std::string& after_date) {
  return "ỦY BAN MTTQ VIỆT NAM\nTHÀNH PHỐ CẦN THƠ\nBAN TUYÊN GIÁO\nVề việc đón đọc chuyên trang "
         "“Đại đoàn kết”\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n"
         "Cần Thơ, ngày 21 tháng 02 năm 2020\n\n" +
         after_date +
         "\n\nBan Thường trực đề nghị các quận, huyện thông báo đến khu dân cư đón đọc.\n\n"
         "Nơi nhận:\n– Các quận, huyện;\n– Lưu VP.\n";
}

TEST(PartyLetterSubject, a_subject_written_out_above_the_address_is_a_letters) {
  const DocumentMetadata letter =
      extract_metadata(letter_without_number("Kính gửi: Ban Thường trực UBMTTQVN các quận, huyện"));
  EXPECT_EQ(letter.title.value_or(""), "Về việc đón đọc chuyên trang “Đại đoàn kết”");
  EXPECT_EQ(letter.type.value_or(""), "Công văn");
  // Control: without the address below, "Về việc ..." in the header names nothing.
  const DocumentMetadata unaddressed = extract_metadata(
      letter_without_number("Căn cứ Chương trình phối hợp số 01/CTrPH-MTTQ ngày 27 tháng 5 năm "
                            "2016 giữa các đoàn thể."));
  EXPECT_NE(unaddressed.title.value_or(""), "Về việc đón đọc chuyên trang “Đại đoàn kết”");
  EXPECT_EQ(unaddressed.type, std::nullopt) << unaddressed.type.value_or("");
}

TEST(FieldProperNames, a_field_written_as_a_proper_noun_keeps_its_capitals_in_any_body) {
  // "Công Thương" names the ministry's field; a school or a union of the sector holds it.
  EXPECT_EQ(structure::proper_case_name("TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG"),
            "Trường Đại học Công Thương");
  EXPECT_EQ(structure::proper_case_name("CÔNG ĐOÀN CÔNG THƯƠNG VIỆT NAM"),
            "Công đoàn Công Thương Việt Nam");
  EXPECT_EQ(structure::proper_case_name("SỞ CÔNG THƯƠNG TỈNH ĐỒNG NAI"),
            "Sở Công Thương tỉnh Đồng Nai");
  EXPECT_EQ(structure::proper_case_name("BỘ CÔNG THƯƠNG"), "Bộ Công Thương");
}

TEST(FieldProperNames, fields_in_running_case_keep_their_case) {
  // Controls: fields the table writes in running case are common nouns outside "Bộ"/"Sở".
  EXPECT_EQ(structure::proper_case_name("SỞ KẾ HOẠCH VÀ ĐẦU TƯ"), "Sở Kế hoạch và Đầu tư");
  EXPECT_EQ(structure::proper_case_name("BỘ NỘI VỤ"), "Bộ Nội vụ");
  EXPECT_EQ(structure::proper_case_name("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG TỈNH LÀO CAI"),
            "Sở Tài nguyên và Môi trường tỉnh Lào Cai");
  EXPECT_EQ(structure::proper_case_name("BAN CHỈ ĐẠO XÂY DỰNG NÔNG THÔN MỚI XÃ TÂN HƯƠNG"),
            "Ban Chỉ đạo xây dựng nông thôn mới xã Tân Hương");
  // Through the extractor, a header cell in capitals whose text spells the name otherwise.
  const DocumentMetadata metadata = extract_metadata(
      "BỘ CÔNG THƯƠNG\nTRƯỜNG ĐẠI HỌC CÔNG THƯƠNG\n-------\nSố: 75/KH-DCT\nCỘNG HÒA XÃ HỘI CHỦ "
      "NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nHà Nội, ngày 03 tháng 6 "
      "năm 2026\n\nKẾ HOẠCH\nKhảo sát sự hài lòng của người học năm 2026\n\nTrường Đại học "
      "Công thương ban hành kế hoạch như sau:\n\nHIỆU TRƯỞNG\n\nNguyễn Văn An\n");
  EXPECT_EQ(metadata.issuer.value_or(""), "Trường Đại học Công Thương");
}

}  // namespace
}  // namespace vanban::analyzers
