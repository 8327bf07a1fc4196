// Session 28 (issue 11): the same reading whatever the layout family. Each rule below is one the
// invariance sweep (invariance_sweep_test.cpp) found broken in some families of a real
// document; here each is tested on a made-up document, in the families it broke, with a control
// that shows what it must not touch.
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"

#include "layout_renderer.hpp"
#include "structure/reading_order.hpp"
#include "text_debris.hpp"

namespace vanban::analyzers {
namespace {

// A công văn whose subject ends with a person's name ("... Ngày sinh Chủ tịch Tôn Đức Thắng"):
// "Ngày" of "Ngày sinh" is no date's word. Laid out one cell a line, the subject's last line is
// right above ô 4's place and date; the name stays the subject's, the place is ô 4's.
const std::string kLetterWithNamedSubject =
    "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM\nCÔNG ĐOÀN GIÁO DỤC VIỆT NAM\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 175/CĐN-TGNC\nV/v tuyên truyền kỷ niệm 130 năm\nNgày sinh Chủ tịch Tôn Đức Thắng\n"
    "Hà Nội, ngày 6 tháng 8 năm 2018\n\nKính gửi: Công đoàn các trường đại học.\n\n"
    "Thực hiện Công văn số 1517/TLĐ ngày 30/7/2018 của Tổng Liên đoàn, Công đoàn Giáo dục Việt "
    "Nam hướng dẫn như sau.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. BAN THƯỜNG VỤ\n"
    "PHÓ CHỦ TỊCH\n\nVũ Minh Đức\n";

TEST(LayoutFamiliesReading, a_subject_ending_with_a_name_keeps_it_above_the_place_and_date) {
  const testing::DocumentParts parts = testing::read_parts(kLetterWithNamedSubject, "Vũ Minh Đức");
  ASSERT_TRUE(parts.has_header());
  for (const testing::Layout layout : testing::kTextLayouts) {
    // The whole header on one line leaves "... Chủ tịch Tôn Đức Thắng Hà Nội, ngày 6 ...":
    // the table of provinces tells the place (session 29).
    const std::string rendered = testing::render(parts, layout);
    const DocumentMetadata metadata = extract_metadata(rendered);
    EXPECT_EQ(metadata.place, "Hà Nội") << testing::layout_name(layout) << "\n" << rendered;
    EXPECT_EQ(metadata.title, "tuyên truyền kỷ niệm 130 năm Ngày sinh Chủ tịch Tôn Đức Thắng")
        << testing::layout_name(layout) << "\n"
        << rendered;
  }
}

TEST(LayoutFamiliesReading, a_place_and_date_broken_after_the_day_is_still_joined) {
  // The control: a place and date a converter broke in two ("Hà Nội, ngày 17" / "tháng 11 năm
  // 2025"), and one broken after the place's comma, are one ô 4 still.
  for (const std::string& date : {std::string("Hà Nội, ngày 17\ntháng 11 năm 2025"),
                                  std::string("Hà Nội,\nngày 17 tháng 11 năm 2025")}) {
    const std::string text =
        "BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/BNV-VP\nV/v tổ chức hội nghị\n" +
        date + "\n\nKính gửi: Các đơn vị.\n\nNội dung.\n";
    const DocumentMetadata metadata = extract_metadata(text);
    EXPECT_EQ(metadata.place, "Hà Nội") << text;
    EXPECT_EQ(metadata.date, "2025-11-17") << text;
    EXPECT_EQ(metadata.title, "tổ chức hội nghị") << text;
  }
}

// A blank line that holds a tab or spaces (an editor's, a converter's) is a blank line all the
// same: the reading order keeps it where the header's pieces are cut (at tabs, among others),
// and the rules that read a page's title above a blank line find it.
TEST(LayoutFamiliesReading, blank_lines_holding_tabs_are_blank_lines) {
  const std::string page =
      "Thông báo triệu tập Kỳ họp thứ 5 Hội đồng nhân dân tỉnh khóa XVI\n\n26/06/2012 14:35\n\n"
      "Thường trực HĐND tỉnh thông báo triệu tập Kỳ họp thứ 5.\n\nTM. THƯỜNG TRỰC\n";
  std::string tabbed;
  for (const char c : page)
    tabbed += c == '\n' ? std::string(" \t\n") : std::string(1, c);
  const auto lines = [](const std::string& text) {
    std::vector<std::string> out;
    std::string line;
    for (const char c : text) {
      if (c != '\n') {
        line += c;
        continue;
      }
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
        line.pop_back();
      out.push_back(line);
      line.clear();
    }
    return out;
  };
  EXPECT_EQ(lines(structure::reading_order_text(tabbed)),
            lines(structure::reading_order_text(page)));
  // The control: a line that holds text and a tab between its cells is still cut there.
  const std::string cells = "BỘ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/BNV-VP\n";
  EXPECT_NE(structure::reading_order_text(cells).find("BỘ NỘI VỤ\nCỘNG HÒA"), std::string::npos)
      << structure::reading_order_text(cells);
}

// A text hard-wrapped at a fixed width (a PDF's text layer, a plain-text converter): a headline
// broken before a capitalised word (a person's or a place's name) goes on; the page's width
// ended the line, not the headline. A page that gives a notice without its header, a paragraph
// a line, then wrapped at 64 characters as the sweep's dress wraps it.
std::string notice_page(const std::string& headline) {
  std::string body;
  for (int i = 0; i < 4; ++i)
    body +=
        "Thực hiện Kế hoạch số 1231/KH-UBND ngày 13 tháng 4 năm 2018 của Ủy ban nhân dân thành "
        "phố về tổ chức tổng vệ sinh, Phòng Giáo dục và Đào tạo đề nghị các đơn vị triển khai "
        "thực hiện nghiêm túc, hiệu quả các nội dung sau đây.\n\n";
  return "In trang\n\n" + headline +
         "\nCập nhật lúc : 08:51 17/04/2018\n\nKính gửi: Ông (Bà) Hiệu trưởng các đơn vị trực "
         "thuộc.\n\n" +
         body + "TRƯỞNG PHÒNG\n\nNguyễn Văn Thành\n";
}

TEST(LayoutFamiliesReading, a_headline_wrapped_at_the_page_s_width_goes_on_before_a_name) {
  const std::string whole =
      notice_page("Thông báo về việc tổ chức tổng vệ sinh trên địa bàn thành phố Huế.");
  const DocumentMetadata own = extract_metadata(whole);
  ASSERT_EQ(own.title, "Về việc tổ chức tổng vệ sinh trên địa bàn thành phố Huế");
  const std::string wrapped = testing::hard_wrapped(whole, 64);
  ASSERT_NE(wrapped.find("thành phố\nHuế."), std::string::npos) << wrapped;
  EXPECT_EQ(extract_metadata(wrapped).title, own.title) << wrapped;
  EXPECT_EQ(extract_metadata(wrapped).type, own.type) << wrapped;
}

TEST(LayoutFamiliesReading, a_short_headline_line_is_not_a_wrap) {
  // The control: the headline's line ends well short of the width; the capitalised line under
  // it is the page's, no part of the headline.
  const std::string text = testing::hard_wrapped(
      notice_page("Thông báo về việc tổ chức tổng vệ sinh\nHuế chung tay vì môi trường xanh"), 64);
  EXPECT_EQ(extract_metadata(text).title, "Về việc tổ chức tổng vệ sinh") << text;
  // Nor is a text not wrapped at a width (a paragraph a line) read as one, however long the
  // headline's line.
  const std::string unwrapped = notice_page(
      "Thông báo về việc tổ chức tổng vệ sinh trên địa bàn thành phố\nHuế chung tay vì môi "
      "trường xanh");
  EXPECT_EQ(extract_metadata(unwrapped).title,
            "Về việc tổ chức tổng vệ sinh trên địa bàn thành phố")
      << unwrapped;
}

TEST(LayoutFamiliesReading, a_subject_wrapped_at_the_page_s_width_goes_on_before_a_capital) {
  // A letter's page that opens with its subject (ND30 ô 5b as the headline), wrapped at 64
  // characters before "Covid-19".
  std::string body;
  for (int i = 0; i < 3; ++i)
    body +=
        "Trước tình hình diễn biến dịch bệnh vẫn khó lường, nguy cơ tiếp tục ghi nhận các trường "
        "hợp mắc mới từ các trường hợp nhập cảnh và lây lan ra cộng đồng là rất lớn.\n\n";
  const std::string subject =
      "V/v tăng cường thực hiện các biện pháp phòng, chống dịch Covid-19 trước biến thể mới "
      "Omicron";
  const std::string whole = subject + "\n\n" + body +
                            "Ủy ban nhân dân huyện yêu cầu các phòng, ban ngành thực hiện tốt "
                            "một số nội dung sau:\n37/UBND-VP ngày 10/1/2022\n\nNgô Khuyên\n";
  const DocumentMetadata own = extract_metadata(whole);
  ASSERT_EQ(own.title, subject.substr(4));
  const std::string wrapped = testing::hard_wrapped(whole, 64);
  ASSERT_NE(wrapped.find("chống dịch\nCovid-19"), std::string::npos) << wrapped;
  const DocumentMetadata metadata = extract_metadata(wrapped);
  EXPECT_EQ(metadata.title, own.title) << wrapped;
  EXPECT_EQ(metadata.number, own.number) << wrapped;
  // The control: the same subject broken by its writer well short of the width keeps its
  // reading (a capital after a short line opens the page's next part).
  const std::string short_line = "V/v tăng cường phòng, chống dịch\nCovid-19 tại cơ quan\n\n" +
                                 body + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n";
  EXPECT_EQ(extract_metadata(testing::hard_wrapped(short_line, 64)).title,
            extract_metadata(short_line).title);
}

// ND30 ô 2 names the managing body above the issuing one. Merged on one line (merged_cells,
// one_line_header, list_item), the issuing body opens at its kind's word: an institute ("VIỆN")
// under a ministry, a union ("CÔNG ĐOÀN") under the Confederation of Labour, a subcommittee under
// an organising committee ("BAN TỔ CHỨC").
struct TwoBodies {
  std::string managing;
  std::string issuing;
  std::string opens;  // how the issuer read one cell a line opens
};

std::string letter_of(const TwoBodies& bodies) {
  return bodies.managing + "\n" + bodies.issuing +
         "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
         "Số: 185/VKT-KHTH\nV/v góp ý dự thảo quy chuẩn\nHà Nội, ngày 12 tháng 3 năm 2026\n\n"
         "Kính gửi: Các đơn vị.\n\nNội dung góp ý như sau.\n\nNơi nhận:\n- Như trên;\n"
         "- Lưu: VT.\n\nKT. VIỆN TRƯỞNG\nPHÓ VIỆN TRƯỞNG\n\nTrần Văn Bình\n";
}

TEST(LayoutFamiliesReading, the_issuing_body_under_its_managing_body_on_one_line) {
  const std::vector<TwoBodies> cases = {
      {"BỘ XÂY DỰNG", "VIỆN KIẾN TRÚC QUỐC GIA", "Viện Kiến trúc"},
      {"TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "CÔNG ĐOÀN GIÁO DỤC VIỆT NAM", "Công đoàn Giáo dục"},
      {"BAN TỔ CHỨC ĐẠI HỘI ĐẠI BIỂU PHỤ NỮ TỈNH", "TIỂU BAN THI ĐUA - KHEN THƯỞNG",
       "Tiểu ban Thi đua"},
  };
  for (const TwoBodies& bodies : cases) {
    const std::string text = letter_of(bodies);
    const std::optional<std::string> own = extract_metadata(text).issuer;
    ASSERT_TRUE(own.has_value()) << text;
    ASSERT_TRUE(own->starts_with(bodies.opens)) << *own;
    const testing::DocumentParts parts = testing::read_parts(text, "Trần Văn Bình");
    ASSERT_TRUE(parts.has_header());
    for (const testing::Layout layout : testing::kTextLayouts) {
      const std::string rendered = testing::render(parts, layout);
      EXPECT_EQ(extract_metadata(rendered).issuer, own) << testing::layout_name(layout) << "\n"
                                                        << rendered;
    }
  }
}

TEST(LayoutFamiliesReading, one_body_whose_name_holds_an_institute_s_word_stays_whole) {
  // The control: a library ("THƯ VIỆN") under its ministry is not cut at "VIỆN": every layout
  // reads what one cell a line reads.
  const std::string text =
      letter_of({"BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "THƯ VIỆN QUỐC GIA VIỆT NAM", ""});
  const std::optional<std::string> own = extract_metadata(text).issuer;
  ASSERT_TRUE(own.has_value());
  EXPECT_FALSE(own->starts_with("Viện")) << *own;
  const testing::DocumentParts parts = testing::read_parts(text, "Trần Văn Bình");
  for (const testing::Layout layout : testing::kTextLayouts) {
    const std::string rendered = testing::render(parts, layout);
    EXPECT_EQ(extract_metadata(rendered).issuer, own) << testing::layout_name(layout) << "\n"
                                                      << rendered;
  }
}

// Session 29: ô 4's place where a one-line header runs the subject's last capitalised words
// into it. ND30 ô 4 names the administrative unit where the issuing body sits, in proper case.
// A letter's header, its subject's end and its place given; laid out in every family.
std::string letter_with(const std::string& issuer, const std::string& subject,
                        const std::string& place) {
  return issuer +
         "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 41/UBND-VP\nV/v " +
         subject + "\n" + place +
         ", ngày 9 tháng 3 năm 2024\n\nKính gửi: Các cơ quan, đơn vị.\n\nThực hiện chỉ đạo của "
         "cấp trên, đề nghị các đơn vị thực hiện.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
         "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Minh\n";
}

void expect_place_and_subject_in_every_layout(const std::string& text, const std::string& place,
                                              const std::string& title) {
  const testing::DocumentParts parts = testing::read_parts(text, "Lê Văn Minh");
  ASSERT_TRUE(parts.has_header()) << text;
  const DocumentMetadata own = extract_metadata(text);
  EXPECT_EQ(own.place, place) << text;
  EXPECT_EQ(own.title, title) << text;
  for (const testing::Layout layout : testing::kTextLayouts) {
    const std::string rendered = testing::render(parts, layout);
    const DocumentMetadata metadata = extract_metadata(rendered);
    EXPECT_EQ(metadata.place, place) << testing::layout_name(layout) << "\n" << rendered;
    EXPECT_EQ(metadata.title, title) << testing::layout_name(layout) << "\n" << rendered;
  }
}

TEST(LayoutFamiliesReading, the_issuer_s_own_unit_begins_the_place_on_one_line) {
  // A commune's place is no province: the issuer's own unit, named after its level in ô 2.
  expect_place_and_subject_in_every_layout(
      letter_with("ỦY BAN NHÂN DÂN\nXÃ GIA PHỐ",
                  "thực hiện nghi thức Quốc tang đồng chí Lê Văn Tám", "Gia Phố"),
      "Gia Phố", "thực hiện nghi thức Quốc tang đồng chí Lê Văn Tám");
}

TEST(LayoutFamiliesReading, a_province_of_the_national_list_begins_the_place_on_one_line) {
  expect_place_and_subject_in_every_layout(
      letter_with("BỘ NỘI VỤ", "kỷ niệm ngày sinh Chủ tịch Tôn Đức Thắng", "Hà Nội"), "Hà Nội",
      "kỷ niệm ngày sinh Chủ tịch Tôn Đức Thắng");
  // The control: a province whose name ends with another's stays whole, and a unit written
  // with its level keeps it.
  expect_place_and_subject_in_every_layout(
      letter_with("ỦY BAN NHÂN DÂN\nTỈNH THỪA THIÊN HUẾ", "tổ chức Lễ hội Đền Huyền Trân",
                  "Thừa Thiên Huế"),
      "Thừa Thiên Huế", "tổ chức Lễ hội Đền Huyền Trân");
  expect_place_and_subject_in_every_layout(letter_with("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH",
                                                       "tổ chức Hội chợ Tết", "TP. Hồ Chí Minh"),
                                           "TP. Hồ Chí Minh", "tổ chức Hội chợ Tết");
}

TEST(LayoutFamiliesReading, quotes_commas_and_capitals_are_no_part_of_a_place) {
  // A quoted name, an abbreviation in capitals after a comma: the subject's, not ô 4's.
  expect_place_and_subject_in_every_layout(
      letter_with("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG", "treo cờ chào mừng \"Mekong Festival 2006\"",
                  "Long Xuyên"),
      "Long Xuyên", "treo cờ chào mừng \"Mekong Festival 2006\"");
  expect_place_and_subject_in_every_layout(
      letter_with("BỘ TƯ PHÁP", "đơn giản hóa TTHC, ĐKKD", "Đà Lạt"), "Đà Lạt",
      "đơn giản hóa TTHC, ĐKKD");
  // The control: a place the converter set with its first word in capitals stays whole.
  const std::string text = letter_with("BỘ TƯ PHÁP", "tổ chức hội nghị", "HÀ Nội");
  EXPECT_EQ(extract_metadata(text).place, "HÀ Nội");
}

TEST(LayoutFamiliesReading, a_portal_s_copy_of_the_number_before_a_one_line_header) {
  // A portal sets the document's number before the header it runs into one line; the number
  // the "Số:" cell states again is no part of the issuer.
  const std::string text =
      "52/2018/QĐ-UBND ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - "
      "Tự do - Hạnh phúc Số: 52/2018/QĐ-UBND Lạng Sơn, ngày 05 tháng 9 năm 2018 QUYẾT ĐỊNH\n"
      "Ban hành Quy định về dự toán ngân sách\nỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\n"
      "Căn cứ Luật Ngân sách nhà nước ngày 25/6/2015;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n";
  const DocumentMetadata metadata = extract_metadata(text);
  EXPECT_EQ(metadata.issuer, "Ủy ban nhân dân tỉnh Lạng Sơn");
  EXPECT_EQ(metadata.number, "52/2018/QĐ-UBND");
  // The same line as a page's list item.
  const DocumentMetadata listed = extract_metadata("Xem mẫu\n\n  1. " + text);
  EXPECT_EQ(listed.issuer, "Ủy ban nhân dân tỉnh Lạng Sơn");
  EXPECT_EQ(listed.number, "52/2018/QĐ-UBND");
  // The control: a number no cell states again stays where it is (here a line of its own).
  const std::string other =
      "12/2018/QĐ-UBND ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - "
      "Tự do - Hạnh phúc Số: 52/2018/QĐ-UBND Lạng Sơn, ngày 05 tháng 9 năm 2018 QUYẾT ĐỊNH\n"
      "Ban hành Quy định về dự toán ngân sách\nĐiều 1. Ban hành.\n";
  EXPECT_EQ(extract_metadata(other).number, "52/2018/QĐ-UBND");
}

// Session 29: a signature block on one line reads as the same block one piece a line: a
// deputy's post abbreviated "P." glued to it, and a letter's closing before the block.
std::string letter_signed(const std::string& block) {
  return "ỦY BAN NHÂN DÂN\nXÃ AN HÒA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh "
         "phúc\nSố: 12/UBND\nV/v tổ chức Tết\nAn Hòa, ngày 9 tháng 1 năm 2024\n\nKính gửi: Các "
         "thôn.\n\nĐề nghị các thôn thực hiện.\n\n" +
         block + "\n";
}

void expect_one_line_block_reads_as_lines(const std::string& lines) {
  std::string one_line;
  for (const char c : lines)
    one_line += c == '\n' ? ' ' : c;
  const DocumentMetadata want = extract_metadata(letter_signed(lines));
  const DocumentMetadata got = extract_metadata(letter_signed(one_line));
  ASSERT_TRUE(want.signer.has_value()) << lines;
  EXPECT_EQ(got.signer, want.signer) << one_line;
  EXPECT_EQ(got.signer_title, want.signer_title) << one_line;
  EXPECT_EQ(got.signing_authority, want.signing_authority) << one_line;
}

TEST(LayoutFamiliesReading, a_deputy_s_post_abbreviated_on_a_one_line_block) {
  expect_one_line_block_reads_as_lines(
      "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nP.CHỦ TỊCH\nLê Văn Minh");
  // The control: the post written out, and a head's block.
  expect_one_line_block_reads_as_lines(
      "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Minh");
  expect_one_line_block_reads_as_lines("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Minh");
}

TEST(LayoutFamiliesReading, a_letter_s_closing_before_a_one_line_block) {
  expect_one_line_block_reads_as_lines("KÍNH THƯ\nPHÓ CHỦ TỊCH UBND XÃ\nLê Văn Minh");
  expect_one_line_block_reads_as_lines("TRÂN TRỌNG\nCHỦ TỊCH\nLê Văn Minh");
}

// Session 30: a national name a scan or a code page damaged ("XàHỘI", "HỦNGHĨA", "XÃ HỘ") is ô 1
// all the same: on one line it is cut from the issuer's cell as the whole name is.
std::string decision_with_national_name(const std::string& national_name) {
  return "ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 1961/QĐ-UBND\n" + national_name +
         "\nĐộc lập - Tự do - Hạnh phúc\nKiên Giang, ngày 28 tháng 8 năm 2019\n\nQUYẾT ĐỊNH\n"
         "Ban hành Quy chế phối hợp giải quyết thủ tục hành chính\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN "
         "TỈNH KIÊN GIANG\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm "
         "2015;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Quy chế.\n\nNơi nhận:\n- Như Điều 1;\n- Lưu: "
         "VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Văn Minh\n";
}

TEST(LayoutFamiliesReading, a_damaged_national_name_is_cut_from_a_one_line_header) {
  for (const std::string& national : {std::string("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                                      std::string("CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM"),
                                      std::string("CỘNG HÒA XÃ HỘI HỦNGHĨA VIỆT NAM"),
                                      std::string("CỘNG HÒA XÃ HỘ CHỦ NGHĨA VIỆT NAM")}) {
    const std::string text = decision_with_national_name(national);
    const testing::DocumentParts parts = testing::read_parts(text, "Lê Văn Minh");
    ASSERT_TRUE(parts.has_header()) << text;
    for (const testing::Layout layout : testing::kTextLayouts) {
      const std::string rendered = testing::render(parts, layout);
      const DocumentMetadata metadata = extract_metadata(rendered);
      EXPECT_EQ(metadata.issuer, "Ủy ban nhân dân tỉnh Kiên Giang")
          << testing::layout_name(layout) << "\n"
          << rendered;
      EXPECT_EQ(metadata.number, "1961/QĐ-UBND") << testing::layout_name(layout) << "\n"
                                                 << rendered;
      EXPECT_EQ(metadata.date, "2019-08-28") << testing::layout_name(layout) << "\n" << rendered;
    }
  }
}

TEST(LayoutFamiliesReading, a_name_between_cong_hoa_and_viet_nam_is_no_national_name) {
  // The control: a foreign republic's embassy in Việt Nam opens with "CỘNG HÒA" and ends with
  // "VIỆT NAM", but its middle is no damaged "xã hội chủ nghĩa"; the line is not cut there.
  const std::string line =
      "ĐẠI SỨ QUÁN CỘNG HÒA LIÊN BANG ĐỨC TẠI VIỆT NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập "
      "- Tự do - Hạnh phúc";
  const std::string ordered = structure::reading_order_text(line + "\n");
  EXPECT_NE(ordered.find("ĐẠI SỨ QUÁN CỘNG HÒA LIÊN BANG ĐỨC TẠI VIỆT NAM"), std::string::npos)
      << ordered;
  // Nor is a line in lower case ("Cộng hòa xã hội chủ nghĩa Việt Nam" in running text).
  const std::string sentence = "Hiến pháp nước Cộng hòa xã hội chủ ngiã Việt Nam năm 2013.\n";
  EXPECT_TRUE(structure::reading_order_text(sentence).starts_with(sentence)) << sentence;
}

// A stamp's edge a scan read as single letters, one a line above the issuer's cell ("Ù" / "Ị" /
// "Ù"), runs into the cell when the header is set on one line: no cell opens with such specks.
TEST(LayoutFamiliesReading, specks_before_a_one_line_header_are_no_part_of_the_issuer) {
  const auto decision = [](const std::string& issuer_cell) {
    return issuer_cell +
           " CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 24/QĐ-UBND Hà "
           "Tĩnh, ngày 5 tháng 3 năm 2014 QUYẾT ĐỊNH\nVề việc kiện toàn Ban biên tập\n\nCăn cứ "
           "Luật Tổ chức HĐND và UBND ngày 26/11/2003;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Kiện toàn.\n";
  };
  EXPECT_EQ(extract_metadata(decision("Ù Ị Ù UỶ BAN NHÂN DÂN TỈNH HÀ TĨNH")).issuer,
            "Ủy ban nhân dân tỉnh Hà Tĩnh");
  EXPECT_EQ(extract_metadata(decision("UỶ BAN NHÂN DÂN TỈNH HÀ TĨNH")).issuer,
            "Ủy ban nhân dân tỉnh Hà Tĩnh");
  // The control: a single letter inside a name is the name's ("huyện A Lưới").
  EXPECT_EQ(extract_metadata(decision("UBND HUYỆN A LƯỚI PHÒNG NỘI VỤ")).issuer,
            "Phòng Nội vụ huyện A Lưới");
}

// A page's ordered list item before a one-line header, with a mark the document's first line
// carried (a stray "/" of its cell) or a page's own bullet: the item's number is the page's.
TEST(LayoutFamiliesReading, a_list_item_s_number_before_a_mark_and_a_one_line_header) {
  const std::string header =
      "ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH BAN THƯỜNG TRỰC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc "
      "lập - Tự do - Hạnh phúc Số: 12/KH-MTTQ-BTT Lương Minh, ngày 5 tháng 01 năm 2026 KẾ HOẠCH\n"
      "Tổ chức hội nghị hiệp thương lần thứ hai\n\nThực hiện Luật Bầu cử, Ban Thường trực xây "
      "dựng kế hoạch như sau.\n\n- Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương "
      "Minh (Chủ trì hội nghị).\n\nTM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\n\nLan Thị Vân\n";
  for (const std::string& mark : {std::string("/"), std::string("• "), std::string("* ")}) {
    const DocumentMetadata want = extract_metadata(mark + header);
    if (mark == "/") {
      EXPECT_EQ(want.issuer, "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh");
    }
    EXPECT_TRUE(want.issuer.has_value()) << mark;
    const DocumentMetadata got = extract_metadata("Xem mẫu\n\n  1. " + mark + header);
    EXPECT_EQ(got.issuer, want.issuer) << mark;
    EXPECT_EQ(got.number, want.number) << mark;
    EXPECT_EQ(got.date, want.date) << mark;
    EXPECT_EQ(got.title, want.title) << mark;
  }
  // The control: a body's numbered paragraph keeps its number (no national name on its line).
  const std::string item = "1. /Phòng Tư pháp thẩm định dự thảo.\n";
  EXPECT_TRUE(structure::reading_order_text(item).starts_with(item)) << item;
}

// Session 31: the line-wrap dresses (`wrapped`, `hard_wrap_64`). A text wrapped at a page's width
// is the same text: each rule below reads a wrap as the page's, on a made-up document compared
// with itself unwrapped, with a control.

// A decision's heading, trích yếu, rule and body run on one line (a converter that lost the
// line breaks), then wrapped at 64 columns: the rule under ô 5a falls inside the title's second
// line, and ends the title there as it does on one line.
TEST(LayoutFamiliesReading, a_rule_run_into_a_wrapped_title_line_ends_the_title) {
  const std::string body =
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Căn cứ Luật Phòng, "
      "chống thiên tai ngày 19 tháng 6 năm 2013; Theo đề nghị của Giám đốc Sở Nông nghiệp và "
      "Phát triển nông thôn tại Tờ trình số 25/TTr-SNN ngày 2 tháng 4 năm 2024, QUYẾT ĐỊNH: "
      "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ban Chỉ đạo. Điều 2. "
      "Quyết định này có hiệu lực kể từ ngày ký.";
  const std::string whole =
      "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
      "Hạnh phúc\nSố: 12/QĐ-UBND\nHà Nam, ngày 3 tháng 4 năm 2024\n\nQUYẾT ĐỊNH\nVề việc ban "
      "hành Quy chế làm việc của Ban Chỉ đạo phòng, chống thiên tai tỉnh Hà Nam--------- CHỦ "
      "TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ NAM " +
      body + "\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn Nam\n";
  const DocumentMetadata own = extract_metadata(whole);
  ASSERT_EQ(own.title,
            "Về việc ban hành Quy chế làm việc của Ban Chỉ đạo phòng, chống thiên tai tỉnh Hà Nam");
  const std::string wrapped = testing::hard_wrapped(whole, 64);
  ASSERT_NE(wrapped.find("chống\nthiên tai tỉnh Hà Nam---"), std::string::npos) << wrapped;
  EXPECT_EQ(extract_metadata(wrapped).title, own.title) << wrapped;
  // The control: a range's dash on a title's wrapped line ("2021-2025") is no rule.
  const std::string ranged =
      "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
      "Hạnh phúc\nSố: 12/QĐ-UBND\nHà Nam, ngày 3 tháng 4 năm 2024\n\nQUYẾT ĐỊNH\nVề việc ban "
      "hành Kế hoạch phòng, chống thiên tai\ngiai đoạn 2021-2025 của tỉnh Hà Nam\n\n" +
      body + "\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn Nam\n";
  EXPECT_EQ(extract_metadata(ranged).title,
            "Về việc ban hành Kế hoạch phòng, chống thiên tai giai đoạn 2021-2025 của tỉnh Hà Nam");
}

// A letter's V/v (ND30 ô 5b) wrapped at 64 columns before its year ("... năm" / "2024", a line a
// page number's reader sets aside) or before a code in capitals ("... chống dịch" / "COVID-19"):
// the subject goes on over the wrap, and the right column's rule under the motto is no part of
// it.
std::string letter_with_subject(const std::string& subject) {
  std::string body;
  for (int i = 0; i < 3; ++i)
    body +=
        "Thực hiện chỉ đạo của Ủy ban nhân dân thành phố, Sở Giáo dục và Đào tạo đề nghị thủ "
        "trưởng các đơn vị, trường học khẩn trương triển khai thực hiện những nội dung sau.\n\n";
  return "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n_____________\n\n"
         "Số: 1906/SGDĐT-CTrTT\n\n" +
         subject +
         "\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
         "________________________\n\nĐà Nẵng, ngày 26 tháng 7 năm 2024\n\nKính gửi: Các trường "
         "trung học phổ thông.\n\n" +
         body + "GIÁM ĐỐC\n\nLê Thị Bích Thuận\n";
}

TEST(LayoutFamiliesReading, a_subject_wrapped_before_its_year_or_a_code_goes_on) {
  for (const std::string& subject :
       {std::string("V/v hướng dẫn tổ chức Kỳ thi tốt nghiệp trung học phổ thông năm 2024"),
        std::string("V/v khẩn trương thực hiện các biện pháp phòng, chống dịch COVID-19")}) {
    const std::string whole = letter_with_subject(subject);
    const DocumentMetadata own = extract_metadata(whole);
    ASSERT_EQ(own.title, subject.substr(4)) << whole;
    const std::string wrapped = testing::hard_wrapped(whole, 64);
    ASSERT_EQ(wrapped.find(subject), std::string::npos) << wrapped;
    EXPECT_EQ(extract_metadata(wrapped).title, own.title) << wrapped;
  }
  // The control: a short subject line is no wrap; a code in capitals under it is not read into
  // it.
  const std::string text =
      testing::hard_wrapped(letter_with_subject("V/v phòng, chống dịch bệnh\nCOVID-19"), 64);
  EXPECT_EQ(extract_metadata(text).title, "phòng, chống dịch bệnh") << text;
}

// A portal's table of a document's fields explains each label under it ("Ngày ban hành:" /
// "Ngày ban hành là ngày, tháng, năm ..." / "08/10/2025 |"); wrapped at the page's width, the
// explanation's second line opens in lower case and is no value.
TEST(LayoutFamiliesReading, a_portal_label_s_explanation_wrapped_is_no_value) {
  std::string intro;
  for (int i = 0; i < 3; ++i)
    intro +=
        "Nội dung hợp nhất tổng hợp lại tất cả các quy định còn hiệu lực của văn bản gốc và các "
        "văn bản sửa đổi, bổ sung, đính chính trên một trang.\n";
  const std::string page =
      intro +
      "| Số hiệu: | 18/2025/TT-BNV | Ngày đăng công báo: | Đang cập nhật |\n"
      "| Loại văn bản: | Thông tư | Người ký: | Phạm Thị Thanh Trà |\n"
      "| Trích yếu: | Quy định Chế độ báo cáo thống kê ngành Nội vụ | |\n|\nNgày ban hành:\n"
      "Ngày ban hành là ngày, tháng, năm văn bản được thông qua hoặc ký ban hành.\n|\n"
      "08/10/2025 |\n\nĐiều 1. Phạm vi điều chỉnh\n\nThông tư này quy định chế độ báo cáo "
      "thống kê ngành Nội vụ.\n";
  const DocumentMetadata own = extract_metadata(page);
  ASSERT_EQ(own.date, "2025-10-08") << page;
  const std::string wrapped = testing::hard_wrapped(page, 64);
  ASSERT_NE(wrapped.find("hoặc ký\nban hành."), std::string::npos) << wrapped;
  EXPECT_EQ(extract_metadata(wrapped).date, own.date) << wrapped;
  EXPECT_EQ(extract_metadata(wrapped).number, own.number) << wrapped;
  // The control: the value itself, under its label with no explanation, is read.
  std::string bare = page;
  bare.erase(bare.find("Ngày ban hành là"), bare.find("|\n08/10") - bare.find("Ngày ban hành là"));
  EXPECT_EQ(extract_metadata(bare).date, "2025-10-08") << bare;
}

// A page without its header that gives a notice's text, wrapped at 64 columns: a line the page's
// width wrapped into opens with a type's name in the sentence above ("... do phát sinh" /
// "chương trình công tác đột xuất ..."); the name is the sentence's word, not a headline's.
TEST(LayoutFamiliesReading, a_type_name_opening_a_wrapped_line_is_no_headline) {
  const std::string page =
      "Theo Lịch tiếp công dân, vào ngày 17/12/2024, Chủ tịch UBND tỉnh chủ trì cùng lãnh đạo "
      "các ngành, đơn vị chức năng tiếp công dân định kỳ tại Trụ sở Tiếp công dân tỉnh; tuy "
      "nhiên, do phát sinh chương trình công tác đột xuất, nên việc tiếp công dân định kỳ tháng "
      "12/2024 không thể diễn ra theo kế hoạch.\nVăn phòng UBND tỉnh thông báo đến quý cơ quan, "
      "đơn vị, tổ chức và công dân biết và mong được thông cảm.\n";
  const DocumentMetadata own = extract_metadata(page);
  ASSERT_EQ(own.type, "Thông báo") << page;
  const std::string wrapped = testing::hard_wrapped(page, 64);
  ASSERT_NE(wrapped.find("phát sinh\nchương trình"), std::string::npos) << wrapped;
  EXPECT_EQ(extract_metadata(wrapped).type, own.type) << wrapped;
  // The control: a headline on its own line under a short one opens with its type still.
  const std::string headed =
      "Tin tức\nChương trình công tác tháng 12 năm 2024 của Ủy ban nhân "
      "dân tỉnh\n\n" +
      page;
  EXPECT_EQ(extract_metadata(headed).type, "Chương trình") << headed;
}

// A notice's page without its header, wrapped at 64 columns: its closing summary ("Trên đây là
// thông báo ... của Ủy ban nhân dân phường X, đề nghị ...") names the issuer over the wrap.
TEST(LayoutFamiliesReading, a_notice_s_closing_summary_read_over_a_wrap) {
  const std::string page =
      "THÔNG BÁO Về việc rà soát nhu cầu tiêm ngừa phòng chống dịch bệnh động vật trên địa bàn "
      "phường năm 2024\n\nCăn cứ Kế hoạch số 71/KH-UBND ngày 26 tháng 2 năm 2024 của Ủy ban nhân "
      "dân Quận 1 về tiêm phòng gia súc năm 2024 trên địa bàn Quận 1;\n\nNhằm thực hiện tốt công "
      "tác phòng, chống dịch bệnh, góp phần bảo vệ sức khỏe cộng đồng trên địa bàn phường, đề "
      "nghị Ban Điều hành các khu phố triển khai cho các tổ dân phố mẫu danh sách đăng ký tiêm "
      "phòng.\n\nTrên đây là thông báo về việc rà soát nhu cầu tiêm ngừa phòng chống dịch bệnh "
      "động vật trên địa bàn phường năm 2024 của Ủy ban nhân dân phường Bến Thành, đề nghị các "
      "khu phố thực hiện./.\n";
  const DocumentMetadata own = extract_metadata(page);
  ASSERT_EQ(own.issuer, "Ủy ban nhân dân phường Bến Thành") << page;
  const std::string wrapped = testing::hard_wrapped(page, 64);
  ASSERT_EQ(wrapped.find("của Ủy ban nhân dân phường Bến Thành"), std::string::npos) << wrapped;
  EXPECT_EQ(extract_metadata(wrapped).issuer, own.issuer) << wrapped;
  EXPECT_EQ(extract_metadata(wrapped).type, own.type) << wrapped;
}

// A notice's headline the page repeats as the text's first line ("Thông báo treo cờ ..." twice),
// over its announcing sentence: wrapped at 64 columns, the repeat is the same lines again and
// closes the headline, whose words are the title.
TEST(LayoutFamiliesReading, a_headline_repeated_over_a_wrap_closes_it) {
  const std::string headline =
      "Thông báo treo cờ Tổ quốc chào mừng Đại hội Đại biểu Đảng bộ phường Bến Thành lần thứ "
      "nhất nhiệm kỳ 2025-2030";
  const std::string page =
      headline + "\n" + headline +
      ".\nCăn cứ Kế hoạch số 03/KH-UBND ngày 11/7/2025 của Ủy ban nhân dân phường Bến Thành về "
      "tổ chức các hoạt động chào mừng Đại hội Đảng bộ phường lần thứ nhất.\nỦy ban nhân dân "
      "phường Bến Thành thông báo thời gian treo cờ Tổ quốc đến các cơ quan, đơn vị, doanh "
      "nghiệp đóng trên địa bàn phường như sau:\nThời gian treo cờ từ ngày 20/7/2025 đến hết "
      "ngày 25/7/2025.\n";
  const DocumentMetadata own = extract_metadata(page);
  ASSERT_TRUE(own.title.has_value()) << page;
  const std::string wrapped = testing::hard_wrapped(page, 64);
  EXPECT_EQ(extract_metadata(wrapped).title, own.title) << wrapped;
  EXPECT_EQ(extract_metadata(wrapped).issuer, own.issuer) << wrapped;
}

// A title in capitals (ND30 ô 5a) wrapped at 64 columns: a line the width wrapped into goes on
// with it though its first words read as an authority ("... ĐẠI BIỂU" / "HỘI ĐỒNG NHÂN DÂN TRONG
// ..."), and a range's second year wrapped with its dash ("2006" / "-2010") is the title's.
std::string resolution_with_title(const std::string& title, const std::string& authority) {
  std::string body;
  for (int i = 0; i < 3; ++i)
    body +=
        "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân ngày 25 tháng 6 năm "
        "2015 đã được sửa đổi, bổ sung một số điều theo Luật số 83/2025/QH15;\n";
  return "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh "
         "phúc\nSố: 101/2025/UBTVQH15\nHà Nội, ngày 9 tháng 7 năm 2025\n\nNGHỊ QUYẾT\n" +
         title + "\n\n" + authority + "\n\n" + body +
         "\nQUYẾT NGHỊ:\n\nĐiều 1. Phạm vi điều chỉnh.\n\nTM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCHỦ "
         "TỊCH\n\nTrần Thanh Mẫn\n";
}

TEST(LayoutFamiliesReading, a_title_in_capitals_wrapped_goes_on_over_an_authority_s_words) {
  for (const std::string& title :
       {std::string("HƯỚNG DẪN VIỆC GIỚI THIỆU NGƯỜI ỨNG CỬ ĐẠI BIỂU QUỐC HỘI, ĐẠI BIỂU HỘI ĐỒNG "
                    "NHÂN DÂN TRONG BẦU CỬ BỔ SUNG"),
        std::string("BAN HÀNH KẾ HOẠCH HÀNH ĐỘNG VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ TỈNH GIAI ĐOẠN 2006 "
                    "-2010")}) {
    const std::string whole = resolution_with_title(title, "ỦY BAN THƯỜNG VỤ QUỐC HỘI");
    const DocumentMetadata own = extract_metadata(whole);
    ASSERT_TRUE(own.title.has_value()) << whole;
    const std::string wrapped = testing::hard_wrapped(whole, 64);
    ASSERT_EQ(wrapped.find(title), std::string::npos) << wrapped;
    EXPECT_EQ(extract_metadata(wrapped).title, own.title) << wrapped;
  }
  // The control: the enacting authority under a title line the writer ended is no part of it,
  // in the text wrapped at the same width.
  const std::string text = testing::hard_wrapped(
      resolution_with_title("HƯỚNG DẪN VIỆC GIỚI THIỆU NGƯỜI ỨNG CỬ", "HỘI ĐỒNG NHÂN DÂN TỈNH"),
      64);
  EXPECT_EQ(extract_metadata(text).title, "Hướng dẫn việc giới thiệu người ứng cử") << text;
}

// A portal's lead naming the text it posts ("... đã ban hành Chương trình số 27-CTr/TU ...") and
// its editor's line introducing it ("Ban quản trị website xin đăng toàn văn Chương trình quan
// trọng này:"), wrapped at 64 columns: the editor's line ends with its colon on the wrapped line.
TEST(LayoutFamiliesReading, an_editor_s_line_wrapped_still_introduces_the_text) {
  std::string body;
  for (int i = 0; i < 3; ++i)
    body +=
        "Thực hiện Chỉ thị 13-CT/TW, ngày 12/01/2017 của Ban Bí thư về tăng cường sự lãnh đạo "
        "của Đảng đối với công tác quản lý, bảo vệ và phát triển rừng, Ban Thường vụ Tỉnh ủy xây "
        "dựng Chương trình thực hiện như sau.\n\n";
  const std::string page =
      "Tìm kiếm tin tức\n\nNgày 23/8/2017, Tỉnh ủy Thừa Thiên Huế đã ban hành Chương trình số "
      "27-CTr/TU về thực hiện Chỉ thị 13-CT/TW của Ban Bí thư về tăng cường sự lãnh đạo của Đảng "
      "đối với công tác quản lý, bảo vệ và phát triển rừng.\n\nBan quản trị website xin đăng toàn "
      "văn Chương trình quan trọng này:\n\nCHƯƠNG TRÌNH\n\n" +
      body;
  const DocumentMetadata own = extract_metadata(page);
  ASSERT_EQ(own.number, "27-CTr/TU") << page;
  const std::string wrapped = testing::hard_wrapped(page, 64);
  ASSERT_NE(wrapped.find("quan trọng\nnày:"), std::string::npos) << wrapped;
  const DocumentMetadata got = extract_metadata(wrapped);
  EXPECT_EQ(got.number, own.number) << wrapped;
  EXPECT_EQ(got.date, own.date) << wrapped;
  // The control: a line under the lead that ends no introduction (no colon) introduces nothing.
  std::string plain = page;
  plain.replace(plain.find("Ban quản trị"),
                std::string("Ban quản trị website xin đăng toàn văn "
                            "Chương trình quan trọng này:")
                    .size(),
                "Tin liên quan");
  EXPECT_FALSE(extract_metadata(plain).number.has_value()) << plain;
}

// A title line that reaches the page's width, then an empty line and a line of the body's
// ("Chủ đề: ..."): a width's wrap never leaves an empty line, so the title ends there.
TEST(LayoutFamiliesReading, a_wrap_never_crosses_an_empty_line) {
  std::string body;
  for (int i = 0; i < 3; ++i)
    body +=
        "1. Tổ chức sơ kết tháng 11, triển khai kế hoạch công tác tháng 12 đến toàn thể các chi "
        "đội trong liên đội, hướng dẫn các chi đội đăng ký thi đua.\n\n";
  const std::string title = "Công tác Đội và phong trào thiếu nhi tháng 12 năm học 2019-2020";
  const std::string text =
      "LIÊN ĐỘI TRƯỜNG THCS MINH LẬP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh "
      "phúc\nSố: 12/KH-LĐ\nMinh Lập, ngày 2 tháng 12 năm 2019\n\nKẾ HOẠCH\n" +
      title + "\n\nChủ đề: “Tự hào anh bộ đội cụ Hồ”\n\n" + body;
  const std::string wrapped = testing::hard_wrapped(text, 64);
  ASSERT_NE(wrapped.find(title + "\n\nChủ đề"), std::string::npos) << wrapped;
  EXPECT_EQ(extract_metadata(wrapped).title, title) << wrapped;
  EXPECT_EQ(extract_metadata(text).title, title) << text;
}

// A letter's addressee (ND30 ô 9a) wrapped at 64 columns, on the "Kính gửi" line or on the line
// under it: the name goes on over the wrap, whatever word the break fell before.
TEST(LayoutFamiliesReading, an_addressee_wrapped_at_the_page_s_width_is_one) {
  std::string body;
  for (int i = 0; i < 3; ++i)
    body +=
        "Thực hiện Kế hoạch số 15/KH-BTC ngày 10/3/2009 của Ban Tổ chức Đại hội, Ban Thi đua "
        "khen thưởng đề nghị các đơn vị gửi hồ sơ đề nghị khen thưởng đúng thời hạn quy định.\n\n";
  for (const std::string& label : {std::string("Kính gửi: "), std::string("Kính gửi:\n\n")}) {
    const std::string text =
        "BAN TỔ CHỨC ĐẠI HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 13/BTC-TĐKT\nHà Nội, ngày 12 tháng 3 năm 2009\n\n" +
        label +
        "Ban Chỉ đạo Đại hội đại biểu các dân tộc thiểu số Việt Nam huyện Bố Trạch tỉnh Quảng "
        "Bình\n\n" +
        body + "TRƯỞNG BAN\n\nNguyễn Văn Hòa\n";
    const DocumentMetadata own = extract_metadata(text);
    ASSERT_EQ(own.recipients.size(), 1u) << text;
    const std::string wrapped = testing::hard_wrapped(text, 64);
    EXPECT_EQ(extract_metadata(wrapped).recipients, own.recipients) << wrapped;
  }
}

}  // namespace
}  // namespace vanban::analyzers
