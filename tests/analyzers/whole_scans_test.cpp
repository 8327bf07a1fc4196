// Session 29 (unseen23 studied): whole documents read by OCR or transcribed from scans, and pages
// of portals, on made-up text. A recipients' label whose first vowel the engine lost; ô 4's day
// word misread with the handwritten day glued to it; a list whose dashes a converter dropped,
// read row by row beside the signature block; a unit named by two names joined by a dash in a
// title set in capitals. Each rule with controls that show what it must not touch.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "structure/dates.hpp"
#include "structure/recognition_slips.hpp"
#include "structure/tables.hpp"

namespace vanban::analyzers {
namespace {

using structure::find_place_date;
using structure::mend_recognition_slips;
using structure::proper_case_title;

// "Ni nhận:" is ô 9b's label with the horned vowel of "Nơi" lost: only at a line's start and
// before the label's colon.
TEST(WholeScans, the_copies_label_with_its_first_vowel_lost) {
  EXPECT_EQ(mend_recognition_slips("Ni nhận:\n- Như trên;\n").value_or(""),
            "Nơi nhận:\n- Như trên;\n");
  EXPECT_EQ(mend_recognition_slips("NI NHẬN:\n").value_or(""), "NƠI NHẬN:\n");
  // Controls: no colon after it, or not at the line's start: a sentence's words.
  EXPECT_FALSE(mend_recognition_slips("Ni nhận thấy điều đó\n").has_value());
  EXPECT_FALSE(mend_recognition_slips("Sư ni nhận: quà tặng\n").has_value());

  const std::string notice =
      "BỘ CÔNG THƯƠNG\nTRƯỜNG CAO ĐẲNG KỸ THUẬT\nSố: 24/TB-CĐKT\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hà Nội, ngày 09 tháng 9 năm 2025\nTHÔNG BÁO\nVề việc nộp hồ sơ học bổng\n\n"
      "Nhà trường thông báo sinh viên nộp hồ sơ trước ngày 28/9/2025.\n\n"
      "Nơi nhận hồ sơ: 126 phố Xốm, phường Phú Lương, thành phố Hà Nội.\n\n"
      "Đề nghị sinh viên thực hiện./.\n\nNi nhận:\n\n"
      "- Các khoa quản lý sinh viên;\n- Hiệu trưởng (để b/c);\n"
      "Đăng trang thông tin điện tử;\n- Lưu VT, CTSV.\n";
  const auto metadata = extract_metadata(notice);
  // The body's "Nơi nhận hồ sơ:" (where a dossier is handed in) is no label of ô 9b; an item
  // ended with ";" whose dash the engine lost, between two items, is an item.
  ASSERT_EQ(metadata.recipients.size(), 3u);
  EXPECT_EQ(metadata.recipients[0], "Các khoa quản lý sinh viên");
  EXPECT_EQ(metadata.recipients[2], "Đăng trang thông tin điện tử");
  // Control: a line in running text under the last item ended with "." is no item.
  std::string closed = notice;
  closed.replace(closed.find("- Lưu VT, CTSV.\n"), std::string("- Lưu VT, CTSV.\n").size(),
                 "- Lưu VT, CTSV.\nTrang 2;\n");
  EXPECT_EQ(extract_metadata(closed).recipients.size(), 3u);
}

// Ô 4 with "ngày" and the handwritten day read as one piece ("ngàu)9"): the month word, a piece
// and the year frame stand, so the place is read and the date is none.
TEST(WholeScans, the_place_before_a_misread_day_word) {
  const auto misread = find_place_date("Hà Nội, ngàu)9 tháng § năm 2025");
  ASSERT_TRUE(misread.has_value());
  EXPECT_EQ(misread->place, "Hà Nội");
  EXPECT_EQ(misread->iso, "");
  EXPECT_EQ(
      find_place_date("Đà Nẵng, ngy4 tháng 5 năm 2019").value_or(structure::PlaceDate{}).place,
      "Đà Nẵng");
  // The day word, the day, the month word (its "t" lost) and the month read as one piece.
  EXPECT_EQ(find_place_date("Hà Nội, ngà¿2háng0„ năm 2022").value_or(structure::PlaceDate{}).place,
            "Hà Nội");
  // Controls: a word of the language after the comma is a sentence's ("ngoài tháng 3"); no year
  // of four digits, no frame.
  EXPECT_FALSE(find_place_date("Hà Nội, ngoài tháng 3 năm 2024 còn có").has_value());
  EXPECT_FALSE(find_place_date("Hà Nội, ngàu)9 tháng § năm nay").has_value());
  // A date read whole is read as before.
  EXPECT_EQ(find_place_date("Hà Nội, ngày 9 tháng 9 năm 2025").value_or(structure::PlaceDate{}).iso,
            "2025-09-09");
}

const std::string kLetterHead =
    "UBND THÀNH PHỐ ĐÀ NẴNG\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 1906/SGDĐT-CTrTT\n"
    "V/v thực hiện các biện pháp phòng, chống dịch\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nĐà Nẵng, ngày 26 tháng 7 năm 2020\n";

// A "Kính gửi" list whose dashes a converter dropped (Word's automatic list marks are no text):
// each line that ends as an item ends is an item, up to the one ended with ".".
TEST(WholeScans, addressees_without_their_dashes) {
  const auto metadata = extract_metadata(
      kLetterHead +
      "Kính gửi:\nPhòng giáo dục và đào tạo các quận, huyện;\nCác trường trực thuộc Sở;\n"
      "Các trường đại học ngoài công lập.\nThực hiện chỉ đạo của UBND thành phố, Sở đề nghị các "
      "đơn vị thực hiện.\nSở yêu cầu các đơn vị thực hiện./.\n");
  ASSERT_EQ(metadata.recipients.size(), 3u);
  EXPECT_EQ(metadata.recipients[2], "Các trường đại học ngoài công lập");
  // Control: one addressee under the label, the body after it: one recipient.
  const auto one = extract_metadata(kLetterHead +
                                    "Kính gửi:\nCác trường trung học phổ thông.\nThực hiện chỉ "
                                    "đạo của UBND thành phố, Sở đề nghị các trường thực hiện.\n");
  ASSERT_EQ(one.recipients.size(), 1u);
  EXPECT_EQ(one.recipients[0], "Các trường trung học phổ thông");
}

// "Nơi nhận" and the signature block read row by row, one space between the cells, the list's
// dashes dropped: "Thành ủy, HĐND; Lê Thị Bích Thuận" is an item and the signer's name.
TEST(WholeScans, copies_and_the_signature_on_shared_rows_without_dashes) {
  const auto metadata = extract_metadata(
      kLetterHead +
      "Kính gửi: Các trường trung học phổ thông.\nThực hiện chỉ đạo của UBND thành phố, Sở đề "
      "nghị các trường thực hiện.\nSở yêu cầu các đơn vị thực hiện./.\n"
      "Nơi nhận: GIÁM ĐỐC\nNhư trên; (Đã ký và đóng dấu)\nBộ Giáo dục và Đào tạo;\n"
      "Thành ủy, HĐND, UBND thành phố; Lê Thị Bích Thuận\nUBND các quận, huyện;\n"
      "Lưu: VT, CTrTT.\n");
  EXPECT_EQ(metadata.signer, "Lê Thị Bích Thuận");
  EXPECT_EQ(metadata.signer_title, "Giám đốc");
  ASSERT_GE(metadata.recipients.size(), 4u);
  EXPECT_EQ(metadata.recipients[1], "Bộ Giáo dục và Đào tạo");
  EXPECT_EQ(metadata.recipients[2], "Thành ủy, HĐND, UBND thành phố");
  // Control: a body's sentence with "; " and a lower-case tail names no signer.
  const auto sentence =
      extract_metadata(kLetterHead +
                       "Kính gửi: Các trường trung học phổ thông.\nCác trường báo cáo trước ngày "
                       "30/7/2020; phòng Tổ chức tổng hợp.\nSở yêu cầu các đơn vị thực hiện./.\n");
  EXPECT_FALSE(sentence.signer.has_value());
}

// A unit named by two names joined by a dash, in a title set in capitals: each name's syllables
// capitalised (ND30 Phụ lục II), as "Bà Rịa - Vũng Tàu" is written.
TEST(WholeScans, a_place_of_two_names_joined_by_a_dash_in_a_title) {
  EXPECT_EQ(proper_case_title("TUYÊN TRUYỀN SẮP XẾP ĐƠN VỊ HÀNH CHÍNH TRÊN ĐỊA BÀN THÀNH PHỐ "
                              "PHAN RANG - THÁP CHÀM"),
            "Tuyên truyền sắp xếp đơn vị hành chính trên địa bàn thành phố Phan Rang - Tháp Chàm");
  EXPECT_EQ(proper_case_title("KẾ HOẠCH DU LỊCH TỈNH BÀ RỊA - VŨNG TÀU NĂM 2024"),
            "Kế hoạch du lịch tỉnh Bà Rịa - Vũng Tàu năm 2024");
  // Controls: a dash before a year, or before a phrase that runs on past three words, is no
  // part of the name.
  EXPECT_EQ(proper_case_title("BÁO CÁO KINH TẾ HUYỆN A LƯỚI - 2024"),
            "Báo cáo kinh tế huyện A Lưới - 2024");
  EXPECT_TRUE(proper_case_title("CÔNG TÁC XÃ AN BÌNH - THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ")
                  .ends_with("nhiệm vụ chính trị"));
}

// The standing deputy secretary of a Party committee is a post of its own, "Thường trực"
// capitalised as the Party writes it; the plain deputy stays as it was.
TEST(WholeScans, the_standing_deputy_secretary) {
  const std::string letter =
      "ĐẢNG BỘ TỈNH HÒA BÌNH\nĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\n*\nSố 12-CV/ĐUK\n"
      "ĐẢNG CỘNG SẢN VIỆT NAM\nHòa Bình, ngày 11 tháng 5 năm 2015\n"
      "V/v chỉ đạo đại hội đảng bộ cơ sở\nKính gửi: Các đảng bộ cơ sở trực thuộc.\n"
      "Đề nghị các đảng bộ cơ sở thực hiện.\n\nT/M BAN THƯỜNG VỤ\n";
  const auto standing =
      extract_metadata(letter + "PHÓ BÍ THƯ THƯỜNG TRỰC\n(đã ký)\nNguyễn Văn Hùng\n");
  EXPECT_EQ(standing.signer_title, "Phó Bí thư Thường trực");
  const auto deputy = extract_metadata(letter + "PHÓ BÍ THƯ\n(đã ký)\nNguyễn Văn Hùng\n");
  EXPECT_EQ(deputy.signer_title, "Phó Bí thư");
}

// A portal's card of a Party letter under its type heading: the number and the date (without
// its place) on lines of their own, then the trích yếu.
TEST(WholeScans, number_and_date_under_the_type_heading) {
  const std::string page =
      "ĐẢNG ỦY KHỐI CƠ SỞ BỘ XÂY DỰNG\n\nCÔNG VĂN\nSố 1313-CV/ĐUK\nngày 11 tháng 5 năm 2015\n"
      "Về công tác chỉ đạo đại hội đảng bộ cơ sở\nKính gửi: - Cấp ủy các đảng bộ cơ sở\n-----\n"
      "Thực hiện Công văn số 8757-CV/BTCTW ngày 27 tháng 4 năm 2015 của Ban Tổ chức Trung ương. "
      "Đề nghị các đảng bộ thực hiện./.\n";
  const auto metadata = extract_metadata(page);
  EXPECT_EQ(metadata.type, "Công văn");
  EXPECT_EQ(metadata.number, "1313-CV/ĐUK");
  EXPECT_EQ(metadata.type_code, "CV");
  EXPECT_EQ(metadata.date, "2015-05-11");
  EXPECT_EQ(metadata.title, "Về công tác chỉ đạo đại hội đảng bộ cơ sở");
  // Controls: the number without the date under the heading is no card (a title may open with
  // "Số ..."), and a heading over its title reads as before.
  std::string no_date = page;
  no_date.erase(no_date.find("ngày 11 tháng 5 năm 2015\n"),
                std::string("ngày 11 tháng 5 năm 2015\n").size());
  EXPECT_FALSE(extract_metadata(no_date).date.has_value());
  const auto plain = extract_metadata(
      "ĐẢNG ỦY KHỐI CƠ SỞ BỘ XÂY DỰNG\n\nKẾ HOẠCH\nSố hóa tài liệu lưu trữ năm 2015\n"
      "Thực hiện chỉ đạo của Ban Thường vụ, Đảng ủy xây dựng kế hoạch./.\n");
  EXPECT_EQ(plain.title, "Số hóa tài liệu lưu trữ năm 2015");
}

// A police or army body's signer with the rank before the name ("Trung tá Ngô Văn Công"): the
// name is the signer; a line that opens with a rank and no person's name is no name.
TEST(WholeScans, the_signer_after_a_rank) {
  const std::string letter =
      "CÔNG AN TP ĐÀ NẴNG\nPHÒNG AN NINH CHÍNH TRỊ NỘI BỘ\nSố: 445/CV-PA83\n"
      "V/v thông báo hoạt động của tổ chức\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nĐà Nẵng, ngày 26 tháng 4 năm 2018\n"
      "Kính gửi: Sở Giáo dục và Đào tạo.\nPhòng xin thông báo để Sở biết./.\n"
      "Nơi nhận:\n- Như trên;\n- Lưu PA83.\nPHÓ TRƯỞNG PHÒNG\n";
  const auto ranked = extract_metadata(letter + "Trung tá Ngô Văn Công\n");
  EXPECT_EQ(ranked.signer, "Ngô Văn Công");
  EXPECT_EQ(ranked.signer_title, "Phó Trưởng phòng");
  const auto bare = extract_metadata(letter + "Trung tá phụ trách công tác\n");
  EXPECT_FALSE(bare.signer.has_value());
}

// A Party number in full after "số" as the engine read it ("s6", "so"): its type code names the
// type whatever the engine made of the type's words; a State number there needs its words.
TEST(WholeScans, a_party_number_after_garbled_type_words) {
  const std::string head =
      "UBND THÀNH PHỐ ĐÀ NẴNG\nSố: 540/UBND-SGDĐT\nV/v thực hiện Thông báo\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Đà Nẵng, ngày 19 tháng 10 năm 2023\nKính gửi: Các sở, ban, ngành.\n";
  const auto metadata = extract_metadata(
      head +
      "Thành ủy đã ban hành Chixo'ng trinh s6 35-CTr/TU về triển khai và Ngh quyét so "
      "43-NQ/TW ngày 24/01/2019 của Bộ Chính trị./.\n");
  std::vector<std::string> numbers;
  for (const auto& citation : metadata.citations)
    if (citation.number) numbers.push_back(*citation.number);
  EXPECT_NE(std::find(numbers.begin(), numbers.end(), "35-CTr/TU"), numbers.end());
  EXPECT_NE(std::find(numbers.begin(), numbers.end(), "43-NQ/TW"), numbers.end());
  // Control: a State number after garbled words is not read as its type.
  const auto state =
      extract_metadata(head + "Sở đã ban hành Chixo'ng trinh s6 35/CTr-SGDĐT về triển khai./.\n");
  for (const auto& citation : state.citations)
    EXPECT_NE(citation.number, "35/CTr-SGDĐT");
}

}  // namespace
}  // namespace vanban::analyzers
