// Page furniture and hard wraps, from the rule: a renderer lays a document's paragraphs out as
// a PDF's text layer does (lines cut at a page width, pages with a running header, a page
// number, a digital-signature stamp on the first page) and the reading text must give the
// paragraphs back, the furniture listed as removed, and extraction must read the same
// citations as from the clean text.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/reading_text.hpp"
#include "vanban/analyzers/structure.hpp"

namespace vanban::analyzers {
namespace {

constexpr int kCopies = 5;

const std::vector<std::string> kParagraphs = {
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn "
    "thư;",
    "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng "
    "cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp "
    "trong tình hình mới, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:",
    "Điều 1. Phạm vi điều chỉnh",
    "1. Quy định này áp dụng đối với các cơ quan, tổ chức, đơn vị và cá nhân có liên quan đến "
    "việc lập, quản lý, lưu trữ hồ sơ điện tử theo quy định của Luật Lưu trữ và các văn bản "
    "hướng dẫn thi hành, bảo đảm thống nhất, đồng bộ, an toàn và thuận tiện cho người sử dụng "
    "trong toàn tỉnh.",
    "2. Các sở, ban, ngành và Ủy ban nhân dân cấp xã căn cứ chức năng, nhiệm vụ được giao chủ "
    "động xây dựng kế hoạch, bố trí kinh phí, nhân lực và tổ chức thực hiện có hiệu quả các "
    "nhiệm vụ tại Kế hoạch số 32/KH-UBND ngày 31/01/2026 của Ủy ban nhân dân tỉnh; định kỳ "
    "hằng quý báo cáo kết quả thực hiện về Sở Nội vụ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh "
    "theo quy định.",
    "Điều 2. Tổ chức thực hiện",
    "Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị liên quan hướng dẫn, theo dõi, "
    "kiểm tra, đôn đốc việc triển khai thực hiện Quyết định này; trong quá trình thực hiện, nếu "
    "có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh kịp thời về Sở Nội vụ để tổng hợp, "
    "báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định./.",
};

std::string joined_paragraphs() {
  std::string text;
  for (const std::string& paragraph : kParagraphs)
    text += paragraph + "\n";
  return text;
}

std::size_t letters(std::string_view text) {
  std::size_t count = 0;
  for (char c : text)
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

// Cuts a paragraph into lines of at most `width` letters at spaces, as a PDF page does.
std::vector<std::string> wrap(const std::string& paragraph, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start < paragraph.size()) {
    std::size_t end = paragraph.find(' ', start);
    if (end == std::string::npos) end = paragraph.size();
    const std::string word = paragraph.substr(start, end - start);
    if (!line.empty() && letters(line) + 1 + letters(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    start = end + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

struct Furnishing {
  std::size_t width = 72;
  std::size_t lines_per_page = 21;  // not a divisor of the body's lines: pages vary
  // Makes the running header of page `page` (1-based); empty for none.
  std::string (*header)(int page) = nullptr;
  // Makes the page number line of page `page`; empty for none.
  std::string (*number)(int page) = nullptr;
  bool stamp = false;
  // Pages apart by a form feed before the next page's first line (pdftotext's page break),
  // the page number at the foot of the page before it.
  bool form_feeds = false;
};

std::string gazette_header(int page) {
  const std::string header = "CÔNG BÁO/Số 993 + 994/Ngày 26-12-2019";
  return page % 2 == 0 ? std::to_string(page) + " " + header : header + " " + std::to_string(page);
}
std::string provincial_header(int /*page*/) {
  return "CÔNG BÁO TỈNH QUẢNG NINH/Số 15/Ngày 20-3-2024";
}
std::string document_header(int /*page*/) {
  return "Quyết định số 12/QĐ-UBND ngày 05/3/2026 của Ủy ban nhân dân tỉnh";
}
std::string bare_number(int page) {
  return std::to_string(page);
}
std::string dashed_number(int page) {
  return "- " + std::to_string(page) + " -";
}
std::string page_of(int page) {
  return "Trang " + std::to_string(page) + "/9";
}

// The paragraphs wrapped and laid out on pages, furniture at the top of each page (after the
// first), blank lines around it as PDF text layers have them.
std::string render(const Furnishing& furnishing) {
  std::vector<std::string> body;
  for (const std::string& paragraph : kParagraphs)
    for (const std::string& line : wrap(paragraph, furnishing.width))
      body.push_back(line);
  // Enough pages to have four headers at least: repeat the body.
  std::vector<std::string> all;
  for (int copy = 0; copy < kCopies; ++copy)
    all.insert(all.end(), body.begin(), body.end());
  std::string text;
  if (furnishing.stamp)
    text +=
        "Ký bởi: Văn phòng Ủy ban nhân dân tỉnh\nEmail: vpubnd@example.gov.vn\n"
        "Cơ quan: Tỉnh Quảng Ninh\nThời gian ký: 07.01.2025 16:32:41 +07:00\n";
  int page = 1;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i > 0 && i % furnishing.lines_per_page == 0 && furnishing.form_feeds) {
      if (furnishing.number) text += furnishing.number(page) + "\n";
      ++page;
      text += "\f";
    } else if (i > 0 && i % furnishing.lines_per_page == 0) {
      ++page;
      text += " \n";
      if (furnishing.header) text += furnishing.header(page) + "\n";
      if (furnishing.number) text += furnishing.number(page) + "\n";
      text += " \n";
    }
    text += all[i] + "\n";
  }
  return text;
}

std::string all_copies() {
  std::string text;
  for (int copy = 0; copy < kCopies; ++copy)
    text += joined_paragraphs();
  return text;
}

// The first line where two texts differ, for a readable failure.
std::string first_difference(const std::string& got, const std::string& want) {
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
    if (got[i] != want[i]) {
      const auto line_of = [&](const std::string& text) {
        return text.substr(line_start, text.find('\n', i) - line_start);
      };
      return "got:  " + line_of(got) + "\nwant: " + line_of(want);
    }
    if (got[i] == '\n') line_start = i + 1;
  }
  return got.size() == want.size() ? "" : "lengths differ";
}

std::size_t count_kind(const ReadingText& reading, Furniture kind) {
  std::size_t count = 0;
  for (const RemovedLine& line : reading.removed)
    count += line.kind == kind ? 1 : 0;
  return count;
}

TEST(PageFurniture, gazette_pages_read_as_the_paragraphs_they_were_cut_from) {
  Furnishing furnishing;
  furnishing.header = gazette_header;
  furnishing.stamp = true;
  const std::string rendered = render(furnishing);
  const ReadingText reading = reading_text(rendered);
  EXPECT_EQ(first_difference(reading.text, all_copies()), "");
  EXPECT_GE(count_kind(reading, Furniture::running_header), 4u);
  EXPECT_EQ(count_kind(reading, Furniture::signature_stamp), 4u);
  EXPECT_GT(reading.joined_lines, 20u);
}

TEST(PageFurniture, headers_and_numbers_of_any_shape_that_recur_page_after_page_are_furniture) {
  for (auto header : {provincial_header, document_header}) {
    for (auto number : {bare_number, dashed_number, page_of}) {
      Furnishing furnishing;
      furnishing.header = header;
      furnishing.number = number;
      const ReadingText reading = reading_text(render(furnishing));
      EXPECT_EQ(first_difference(reading.text, all_copies()), "")
          << header(2) << " / " << number(2);
      EXPECT_GE(count_kind(reading, Furniture::page_number), 4u) << number(2);
    }
  }
}

TEST(PageFurniture, page_numbers_alone_are_found_by_their_run) {
  Furnishing furnishing;
  furnishing.number = bare_number;
  const ReadingText reading = reading_text(render(furnishing));
  EXPECT_EQ(first_difference(reading.text, all_copies()), "");
}

// A plain text keeps a text layer's form feeds (the structure analysis reads them); the reading
// view shows none, and a sentence running over the page break is one paragraph.
TEST(PageFurniture, form_feeds_between_pages_leave_no_mark_in_the_reading_text) {
  for (auto number : {bare_number, dashed_number}) {
    Furnishing furnishing;
    furnishing.number = number;
    furnishing.form_feeds = true;
    const std::string rendered = render(furnishing);
    ASSERT_NE(rendered.find('\f'), std::string::npos);
    const ReadingText reading = reading_text(rendered);
    EXPECT_EQ(first_difference(reading.text, all_copies()), "") << number(2);
    EXPECT_EQ(reading.text.find('\f'), std::string::npos);
  }
}

// pdftotext ends a page with a form feed, so the next page's running header comes with it at
// the front of its line ("\f4   CÔNG BÁO/Số ..."): the page break is no part of the header,
// which is furniture as without it, and a list the page cuts (the Nơi nhận) goes on after it.
TEST(PageFurniture, a_running_header_after_a_form_feed_is_furniture) {
  const std::string top =
      "BỘ TÀI CHÍNH\nSố: 15/BTC-NSNN\nV/v bố trí kinh phí\nHà Nội, ngày 3 tháng 3 năm 2026\n\n"
      "Kính gửi: Ủy ban nhân dân các tỉnh.\n\nThực hiện Nghị định số 10/2025/NĐ-CP ngày "
      "5/1/2025 của Chính phủ, Bộ Tài chính đề nghị như sau.\n\nNơi nhận:\n- Như trên;\n";
  const std::string bottom =
      "- Kho bạc Nhà nước;\n- Lưu: VT, NSNN.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Văn An\n";
  const auto plain = extract_metadata(top + bottom);
  ASSERT_EQ(plain.recipients.size(), 2u);
  for (const std::string page_break : {"\f4                CÔNG BÁO/Số 12 + 13/Ngày 05-3-2026\n\n",
                                       "\fCÔNG BÁO/Số 12 + 13/Ngày 05-3-2026             5\n"}) {
    const std::string text = top + page_break + bottom;
    const auto paged = extract_metadata(text);
    EXPECT_EQ(paged.recipients, plain.recipients) << page_break;
    EXPECT_EQ(paged.signer, plain.signer) << page_break;
    EXPECT_EQ(reading_text(text).text.find("CÔNG BÁO"), std::string::npos) << page_break;
  }
}

TEST(PageFurniture, extraction_reads_the_same_citations_with_and_without_furniture) {
  Furnishing furnishing;
  furnishing.header = gazette_header;
  furnishing.number = bare_number;
  furnishing.stamp = true;
  const nlohmann::json clean = extract_metadata(all_copies()).citations;
  const nlohmann::json paged = extract_metadata(render(furnishing)).citations;
  ASSERT_EQ(clean.size(), 5u) << clean.dump(2);
  ASSERT_EQ(paged.size(), clean.size()) << paged.dump(2);
  for (std::size_t i = 0; i < clean.size(); ++i)
    EXPECT_EQ(paged[i]["number_key"], clean[i]["number_key"]) << paged.dump(2);
  EXPECT_EQ(paged.dump().find("CÔNG BÁO"), std::string::npos);
}

TEST(PageFurniture, lines_a_body_repeats_on_purpose_stay) {
  // Article headings, numbered clauses and table cells repeat, close together or far apart.
  std::string text;
  for (int i = 1; i <= 4; ++i) {
    text += "Điều 5.\n1.\n2.\nMẫu số 01\n";
    for (int row = 0; row < 25; ++row)
      text += "Nội dung dòng " + std::to_string(row) + " của bảng số liệu.\n";
  }
  const ReadingText reading = reading_text(text);
  EXPECT_TRUE(reading.removed.empty());
  EXPECT_EQ(reading.text, text);
}

TEST(PageFurniture, text_that_is_not_hard_wrapped_keeps_its_lines) {
  const std::string text = joined_paragraphs();
  const ReadingText reading = reading_text(text);
  EXPECT_EQ(reading.text, text);
  EXPECT_EQ(reading.joined_lines, 0u);
}

TEST(PageFurniture, blank_lines_between_paragraphs_stay_paragraph_breaks) {
  const std::string text =
      "KẾ HOẠCH\nThực hiện công tác dân vận năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n"
      "Phát huy quyền làm chủ của Nhân dân\n\nII. NỘI DUNG\n";
  EXPECT_EQ(reading_text(text).text, text);
}

TEST(PageFurniture, a_symbol_broken_at_its_separator_is_joined_whole) {
  const std::string text =
      "Tham mưu tổ chức Hội nghị theo Nghị định số 59/2023/NĐ-\nCP ngày 14/8/2023 của Chính "
      "phủ.\n";
  EXPECT_EQ(reading_text(text).text,
            "Tham mưu tổ chức Hội nghị theo Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính "
            "phủ.\n");
}

TEST(PageFurniture, a_rule_under_a_header_cell_is_never_joined_to_the_next_line) {
  // A PDF's header columns read one after the other: the rules stay lines of their own.
  EXPECT_EQ(
      reading_text("CHÍNH PHỦ\n-------\nSố: 126/NQ-CP\n---------------\nHà Nội, ngày 11 "
                   "tháng 5 năm 2026\n")
          .text,
      "CHÍNH PHỦ\n-------\nSố: 126/NQ-CP\n---------------\nHà Nội, ngày 11 tháng 5 năm 2026\n");
  EXPECT_EQ(reading_text("-/-\nSố: 1/UBND\n").text, "-/-\nSố: 1/UBND\n");
}

TEST(PageFurniture, a_place_and_date_split_in_two_is_one_line) {
  EXPECT_EQ(reading_text("Hà Nội, ngày 17\ntháng 11 năm 2025\n").text,
            "Hà Nội, ngày 17 tháng 11 năm 2025\n");
}

TEST(PageFurniture, an_email_line_is_a_stamp_only_beside_one) {
  const std::string footer =
      "Địa chỉ: 12 Lê Lợi, thành phố Huế\nEmail: vpubnd@example.gov.vn\nĐiện thoại: 0234 382 "
      "2222\n";
  EXPECT_TRUE(reading_text(footer).removed.empty());
}

// A portal's list of other pages under a document (related documents, other news): each link's
// title, then the time it was posted. The page's furniture, not the document's text: its
// documents are no citations, and the reading view leaves the list out.
TEST(PageFurniture, a_portal_s_list_of_other_pages_with_their_posting_times_is_furniture) {
  const std::string document =
      "Công văn số 512/SNV-VP ngày 03/02/2026 về việc báo cáo công tác văn thư\n"
      "Thực hiện Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ, Sở Nội vụ đề nghị "
      "các đơn vị báo cáo trước ngày 15/02/2026.\n";
  for (const std::string& time_label :
       {std::string{"Tin đăng vào"}, std::string{"Ngày đăng: "}, std::string{"("}}) {
    const std::string close = time_label == "(" ? ")" : "";
    const std::string page =
        document + "Các văn bản khác\n" + "Công văn số 88/SNV-TCBC ngày 12/01/2026\n" + time_label +
        "13/01/2026 09:12:40" + close + "\n" + "Quyết định số 7/2025/QĐ-UBND ngày 02/12/2025\n" +
        time_label + "05/12/2025 16:20" + close + "\n" +
        "Kế hoạch số 301/KH-SNV ngày 20/11/2025\n" + time_label + "21/11/2025 08:05:11" + close +
        "\n" + "SỞ NỘI VỤ TỈNH\n";
    const ReadingText reading = reading_text(page);
    EXPECT_EQ(count_kind(reading, Furniture::related_links), 6u) << time_label;
    EXPECT_EQ(reading.text.find("88/SNV-TCBC"), std::string::npos) << reading.text;
    EXPECT_NE(reading.text.find("Thông tư số 01/2011/TT-BNV"), std::string::npos);
    const nlohmann::json citations = extract_metadata(page).citations;
    ASSERT_EQ(citations.size(), 1u) << citations.dump(2);
    EXPECT_EQ(citations[0]["number"], "01/2011/TT-BNV");
  }
}

TEST(PageFurniture, a_single_posting_time_and_dated_lists_stay_text) {
  // One posting time above a headline is no list; a document's own list of what it cites
  // gives dates, never the clock time a page was posted at.
  const std::string text =
      "Ngày đăng bài: 30/06/2024 08:43:32\n"
      "Công văn số 3240/BGDĐT-CSVC ngày 28/06/2024 về việc báo cáo số lớp học\n"
      "Căn cứ:\n"
      "- Nghị định số 30/2020/NĐ-CP ngày 05/3/2020;\n"
      "05/3/2020\n"
      "- Thông tư số 01/2011/TT-BNV ngày 19/01/2011;\n"
      "19/01/2011\n"
      "Họp lúc 08:30 ngày 12/3/2026 tại hội trường.\n";
  const ReadingText reading = reading_text(text);
  EXPECT_TRUE(reading.removed.empty());
  const nlohmann::json citations = extract_metadata(text).citations;
  ASSERT_EQ(citations.size(), 2u) << citations.dump(2);  // the headline's number is its own
  EXPECT_EQ(citations[0]["number"], "30/2020/NĐ-CP");
  EXPECT_EQ(citations[1]["number"], "01/2011/TT-BNV");
}

// A stamp's box is narrow: its values wrap onto lines without a label. Between the stamp's
// labelled lines, and the time with its zone after "Thời gian ký:", they are the stamp's, even
// where the stamp stands inside the title; a short line after the stamp's last label is text.
TEST(PageFurniture, a_stamp_s_values_wrapped_in_its_box_are_the_stamp_s) {
  const std::string clean =
      "SỞ TÀI CHÍNH\nSố: 21/KH-STC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nLạng Sơn, ngày 12 tháng 02 năm 2019\nKẾ HOẠCH\n"
      "Kiểm tra công tác quản lý tài sản công\n%s\ntại các đơn vị sự nghiệp năm 2019\n"
      "Căn cứ Thông tư số 144/2017/TT-BTC ngày 29/12/2017 của Bộ Tài chính;\n";
  const std::string stamp =
      "Ký bởi: Sở Tài chính tỉnh\nLạng Sơn\nEmail:\nstc@example.gov.vn\nCơ quan: Tỉnh Lạng "
      "Sơn\nThời gian ký: 13.02.2019\n09:41:07 +07:00\n";
  const auto with = [&](const std::string& middle) {
    std::string text = clean;
    text.replace(text.find("%s\n"), 3, middle);
    return text;
  };
  const DocumentMetadata plain = extract_metadata(with(""));
  const DocumentMetadata stamped = extract_metadata(with(stamp));
  ASSERT_TRUE(plain.title);
  EXPECT_EQ(*plain.title,
            "Kiểm tra công tác quản lý tài sản công tại các đơn vị sự nghiệp năm 2019");
  EXPECT_EQ(stamped.title, plain.title);
  const ReadingText reading = reading_text(stamp);
  EXPECT_EQ(reading.text.find("Lạng Sơn"), std::string::npos) << reading.text;
  EXPECT_EQ(reading.text.find("stc@"), std::string::npos) << reading.text;
  EXPECT_EQ(reading.text.find("09:41"), std::string::npos) << reading.text;
  // After the last label nothing bounds the stamp: the next line stays.
  const ReadingText after = reading_text(
      "Ký bởi: Sở Tài chính\nEmail: a@example.gov.vn\n"
      "Thời gian ký: 13.02.2019\nVề việc kiểm tra\n");
  EXPECT_NE(after.text.find("Về việc kiểm tra"), std::string::npos) << after.text;
}

TEST(PageFurniture, empty_and_odd_input_gives_a_value) {
  EXPECT_EQ(reading_text("").text, "");
  EXPECT_EQ(reading_text("\n\n\n").text, "");
  EXPECT_EQ(reading_text("12\n").text, "12\n");
  const std::string long_line(200000, 'a');
  EXPECT_EQ(reading_text(long_line).text, long_line + "\n");
}

// A text layer that reads a stamp's box as one line glues its time label after the signer's
// value: the label, a date and the time with its zone still make it the stamp's; a body line
// that names a signing time in words is no stamp.
TEST(PageFurniture, a_stamp_time_glued_after_the_stamps_other_value_is_the_stamps) {
  const ReadingText reading = reading_text(
      "VANPHONG.EXAMPLE.VNThời gian ký: 08.07.2025 10:04:00 +07:00\n\nỦY BAN NHÂN DÂN\n"
      "TỈNH HÀ NAM\nSố: 12/QĐ-UBND\nVăn bản có thời gian ký: 08.07.2025 theo chữ ký số.\n");
  EXPECT_EQ(count_kind(reading, Furniture::signature_stamp), 1u);
  EXPECT_EQ(reading.text.find("Thời gian ký: 08.07.2025 10:04"), std::string::npos);
  EXPECT_NE(reading.text.find("Văn bản có thời gian ký"), std::string::npos);
}

}  // namespace
}  // namespace vanban::analyzers

namespace vanban::analyzers {
namespace {

// A text layer may give a page's number more than once on lines of its own beside the running
// header (a landscape page's table read twice): the copies are the page number, as the one
// next to the header is. A list's or a table's numbers on consecutive lines differ and stay.
TEST(PageFurniture, a_page_number_given_again_beside_the_header_is_the_page_number) {
  std::string text;
  for (int page = 34; page < 38; ++page) {
    const std::string number = std::to_string(page);
    text += "\n" + number + "\n" + number + "\n\n" + number +
            "\nCÔNG BÁO/Số 437 + 438/Ngày 19-6-2022\nKết quả tại thời điểm báo cáo\nSTT\n1\n2\n3\n"
            "Chỉ số\n";
    for (int line = 0; line < 20; ++line)
      text += "Tỷ lệ hộ gia đình được hỗ trợ " + std::to_string(line) + " người\n";
  }
  const ReadingText reading = reading_text(text);
  EXPECT_EQ(count_kind(reading, Furniture::page_number), 12u);
  for (int page = 34; page < 38; ++page)
    EXPECT_EQ(reading.text.find("\n" + std::to_string(page) + "\n"), std::string::npos) << page;
  EXPECT_NE(reading.text.find("STT\n1\n2\n3\n"), std::string::npos);
}

}  // namespace
}  // namespace vanban::analyzers
