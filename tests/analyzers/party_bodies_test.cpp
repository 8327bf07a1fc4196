// Party bodies as the issuer facet names them (issue 11, Party committees' documents): the
// Party's rules for its documents (Hướng dẫn 36-HD/VPTW) set ô 2 as the superior organisation's
// line above the issuing organisation's, so a department is named with its committee, as a Sở
// is with its province; under the Central Committee that part is "Trung ương", as every central
// body of the Party is named and coded (BTCTW, VPTW); a provincial or district committee is
// named by the short name the Party's Statute gives it ("ban chấp hành đảng bộ tỉnh ... (gọi
// tắt là tỉnh ủy)"). One body, one value, in every layout family of the renderer.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "layout_renderer.hpp"

namespace vanban::analyzers {
namespace {

struct PartyDocument {
  std::string text;
  std::string issuer;
};

std::string party_document(const std::string& cell, const std::string& number) {
  return cell + "\n*\nSố " + number +
         "\n\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 29 tháng 9 năm 2025\n\nHƯỚNG DẪN\n"
         "nghiệp vụ công tác đảng viên\n-----\n\nCăn cứ Điều lệ Đảng, Quy định số 294-QĐ/TW, "
         "ngày 26-5-2025 của Ban Chấp hành Trung ương.\nHướng dẫn này có hiệu lực từ ngày ký.\n\n"
         "Nơi nhận:\n- Các tỉnh ủy, thành ủy,\n- Lưu Văn phòng.\n\nK/T TRƯỞNG BAN\n"
         "PHÓ TRƯỞNG BAN\n\nNguyễn Thanh Bình\n";
}

std::vector<PartyDocument> party_documents() {
  return {
      {party_document("BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TỔ CHỨC", "38-HD/BTCTW"),
       "Ban Tổ chức Trung ương"},
      {party_document("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG\nVĂN PHÒNG", "11-HD/VPTW"),
       "Văn phòng Trung ương"},
      {party_document("BAN CHẤP HÀNH TRUNG ƯƠNG\nỦY BAN KIỂM TRA", "12-HD/UBKTTW"),
       "Ủy ban Kiểm tra Trung ương"},
      // The committee of a province by the Statute's long form, and its department.
      {party_document("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH THÁI NGUYÊN", "05-HD/TU"), "Tỉnh ủy Thái Nguyên"},
      {party_document("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH THÁI NGUYÊN\nBAN TUYÊN GIÁO", "07-HD/BTGTU"),
       "Ban Tuyên giáo Tỉnh ủy Thái Nguyên"},
      {party_document("BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN ĐỊNH HÓA", "03-HD/HU"), "Huyện ủy Định Hóa"},
      {party_document("BAN CHẤP HÀNH ĐẢNG BỘ XÃ TÂN LẬP", "02-HD/ĐU"), "Đảng ủy xã Tân Lập"},
      // A body named after its committee's or its level's word without the place, under its
      // Party organisation's line: the place is that organisation's.
      {party_document("ĐẢNG BỘ THÀNH PHỐ HUẾ\nBAN TUYÊN GIÁO VÀ DÂN VẬN THÀNH ỦY", "04-HD/BTGDVTU"),
       "Ban Tuyên giáo và Dân vận Thành ủy Huế"},
      {party_document("ĐẢNG BỘ THÀNH PHỐ HUẾ\nĐẢNG ỦY ỦY BAN NHÂN DÂN THÀNH PHỐ", "53-KH/ĐU"),
       "Đảng ủy Ủy ban nhân dân thành phố Huế"},
      {party_document("ĐẢNG BỘ TỈNH QUẢNG TRỊ\nBAN TỔ CHỨC TỈNH ỦY", "10-HD/BTCTU"),
       "Ban Tổ chức Tỉnh ủy Quảng Trị"},
      // Its own place already, or another level's committee: as it is.
      {party_document("ĐẢNG BỘ TỈNH QUẢNG TRỊ\nĐẢNG ỦY XÃ HẢI LĂNG", "02-HD/ĐU"),
       "Đảng ủy xã Hải Lăng"},
      // Named by the short name already, and the Central Committee itself: as they are.
      {party_document("THÀNH ỦY HÀ NỘI\nBAN TỔ CHỨC", "09-HD/BTCTU"),
       "Ban Tổ chức Thành ủy Hà Nội"},
      {party_document("BAN CHẤP HÀNH TRUNG ƯƠNG", "06-HD/TW"), "Ban Chấp hành Trung ương"},
  };
}

TEST(PartyBodies, a_department_is_named_with_its_committee_and_a_committee_by_its_short_name) {
  for (const PartyDocument& document : party_documents())
    EXPECT_EQ(extract_metadata(document.text).issuer, document.issuer) << document.text;
}

TEST(PartyBodies, the_youth_unions_central_committee_keeps_its_name) {
  // "ĐOÀN TNCS HỒ CHÍ MINH" stands where the Party's name does: the committee is the Union's.
  const std::string text =
      "BAN CHẤP HÀNH TRUNG ƯƠNG\n***\nSố: 367-QĐ/TWĐTN-VP\n\nĐOÀN TNCS HỒ CHÍ MINH\n"
      "Hà Nội, ngày 29 tháng 10 năm 2013\n\nQUYẾT ĐỊNH\nVề việc ban hành Quy định\n---------\n\n"
      "Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;\nĐiều 1. Ban hành Quy định.\n\n"
      "TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN\nBÍ THƯ THƯỜNG TRỰC\n\nPhan Văn Mãi\n";
  EXPECT_EQ(extract_metadata(text).issuer, "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh");
}

TEST(PartyBodies, every_layout_family_gives_the_same_issuer) {
  for (const PartyDocument& document : party_documents()) {
    const testing::DocumentParts parts = testing::read_parts(document.text, "Nguyễn Thanh Bình");
    for (const testing::Layout layout : testing::kTextLayouts) {
      const std::string rendered = testing::render(parts, layout);
      EXPECT_EQ(extract_metadata(rendered).issuer, document.issuer)
          << testing::layout_name(layout) << "\n"
          << rendered;
    }
  }
}

// The Party's quy định: `QĐi` under HD 36 (2018), `QĐ` as its quyết định since (37-QĐ/TW of
// 2021, 294-QĐ/TW of 2025, HD 05 of 2026): the heading tells the type, the number its code.
TEST(PartyBodies, a_quy_dinh_keeps_the_code_its_number_carries) {
  const auto quy_dinh = [](const std::string& number) {
    return "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố " + number +
           "\n\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 26 tháng 5 năm 2025\n\nQUY ĐỊNH\n"
           "Thi hành Điều lệ Đảng\n-----\n\nCăn cứ Điều lệ Đảng;\nQuy định này có hiệu lực.\n\n"
           "T/M BAN CHẤP HÀNH TRUNG ƯƠNG\nTỔNG BÍ THƯ\n\nTô Lâm\n";
  };
  for (const auto& [number, code] :
       {std::pair<std::string, std::string>{"294-QĐ/TW", "QĐ"}, {"08-QĐi/TW", "QĐi"}}) {
    const testing::DocumentParts parts = testing::read_parts(quy_dinh(number), "Tô Lâm");
    for (const testing::Layout layout : testing::kTextLayouts) {
      const std::string rendered = testing::render(parts, layout);
      const DocumentMetadata metadata = extract_metadata(rendered);
      EXPECT_EQ(metadata.type, "Quy định") << testing::layout_name(layout) << "\n" << rendered;
      EXPECT_EQ(metadata.type_code, code) << testing::layout_name(layout) << "\n" << rendered;
      EXPECT_EQ(metadata.number, number) << testing::layout_name(layout) << "\n" << rendered;
    }
  }
}

// ND30 ô 5b: "V/v" labels a subject; a trích yếu written "V/v ..." under its type heading is the
// text after it, whatever the type; "Về việc" written out is the subject's own words.
struct Titled {
  std::string heading;
  std::string subject_line;
  std::string title;
};

std::string state_document(const Titled& titled) {
  return "ỦY BAN NHÂN DÂN\nTỈNH HẬU GIANG\n-------\nSố: 328/QĐ-UBND\n\n"
         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
         "Hậu Giang, ngày 12 tháng 3 năm 2018\n\n" +
         titled.heading + "\n" + titled.subject_line +
         "\n\nCăn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;\n"
         "Điều 1. Công nhận danh hiệu.\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\n"
         "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLữ Văn Hùng\n";
}

std::vector<Titled> titled_documents() {
  return {
      {"QUYẾT ĐỊNH", "V/v công nhận danh hiệu Tập thể lao động xuất sắc năm 2017",
       "công nhận danh hiệu Tập thể lao động xuất sắc năm 2017"},
      {"TỜ TRÌNH", "V/v: Hỗ trợ học sinh đi tham quan", "Hỗ trợ học sinh đi tham quan"},
      {"QUYẾT ĐỊNH", "V/V PHÊ DUYỆT ĐỀ CƯƠNG QUY HOẠCH NĂM 2010",
       "Phê duyệt đề cương Quy hoạch năm 2010"},
      {"QUYẾT ĐỊNH", "Về việc công nhận danh hiệu Tập thể lao động xuất sắc",
       "Về việc công nhận danh hiệu Tập thể lao động xuất sắc"},
  };
}

TEST(VvTitles, the_label_v_v_is_no_part_of_a_typed_documents_title) {
  for (const Titled& titled : titled_documents()) {
    const std::string text = state_document(titled);
    EXPECT_EQ(extract_metadata(text).title, titled.title) << text;
  }
}

TEST(VvTitles, every_layout_family_gives_the_same_title) {
  for (const Titled& titled : titled_documents()) {
    const testing::DocumentParts parts = testing::read_parts(state_document(titled), "Lữ Văn Hùng");
    for (const testing::Layout layout : testing::kTextLayouts) {
      const std::string rendered = testing::render(parts, layout);
      EXPECT_EQ(extract_metadata(rendered).title, titled.title)
          << testing::layout_name(layout) << "\n"
          << rendered;
    }
  }
}

}  // namespace
}  // namespace vanban::analyzers
