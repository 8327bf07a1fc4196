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

// IssuerParents: the issuer read from ô 2 with the line above it (ND30 Phụ lục I: tên cơ quan chủ
// quản above tên cơ quan ban hành; HD 36-HD/VPTW: the superior organisation's line above the
// issuing one's), for bodies whose own line names no one body alone:
// - a mass organisation's central executive committee ("BAN CHẤP HÀNH TRUNG ƯƠNG" under "HỘI
//   NÔNG DÂN VIỆT NAM") is that organisation's, named with it by its Statute;
// - a centre of a Sở, named by its function alone, is named with the province or
//   city the Sở serves, as the Sở is;
// and ô 3's label that an OCR layer read without its vowel ("S 348-TB/TU").

struct ParentCase {
  std::string text;
  std::string issuer;
};

std::string organisation_letter(const std::string& cell, const std::string& number) {
  return cell + "\n*\nSố " + number +
         "\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
         "Hà Nội, ngày 14 tháng 3 năm 2024\nV/v tổng kết phong trào thi đua năm 2023\n\n"
         "Kính gửi: Ban Thường vụ các tỉnh, thành phố\n\nThực hiện chương trình công tác năm "
         "2024, đề nghị các đơn vị báo cáo kết quả.\n\nNơi nhận:\n- Như trên;\n- Lưu VP.\n\n"
         "TM. BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH\n\nTrần Văn Lâm\n";
}

std::string department_unit_plan(const std::string& cell, const std::string& place_line,
                                 const std::string& body) {
  return cell +
         "\n-------\nSố: 21/KH-TT\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự "
         "do - Hạnh phúc\n---------------\n" +
         place_line + "\n\nKẾ HOẠCH\nTập huấn nghiệp vụ năm 2025\n\n" + body +
         "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nLê Thị Hoa\n";
}

std::vector<ParentCase> central_committee_cases() {
  return {
      {organisation_letter("HỘI NÔNG DÂN VIỆT NAM\nBAN CHẤP HÀNH TRUNG ƯƠNG", "215-CV/HNDTW"),
       "Ban Chấp hành Trung ương Hội Nông dân Việt Nam"},
      {organisation_letter("HỘI CỰU CHIẾN BINH VIỆT NAM\nBAN CHẤP HÀNH TRUNG ƯƠNG", "88-CV/CCB"),
       "Ban Chấp hành Trung ương Hội Cựu chiến binh Việt Nam"},
  };
}

TEST(IssuerParents, a_mass_organisations_central_committee_is_named_with_the_organisation) {
  for (const ParentCase& c : central_committee_cases()) {
    const testing::DocumentParts parts = testing::read_parts(c.text, "Trần Văn Lâm");
    for (const testing::Layout layout : testing::kTextLayouts) {
      const std::string rendered = testing::render(parts, layout);
      EXPECT_EQ(extract_metadata(rendered).issuer, c.issuer) << testing::layout_name(layout) << "\n"
                                                             << rendered;
    }
  }
}

TEST(IssuerParents, the_partys_central_committee_and_its_departments_are_unchanged) {
  const std::string party_tail =
      "\n\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 29 tháng 9 năm 2025\n\nHƯỚNG DẪN\n"
      "công tác đảng viên\n-----\n\nCăn cứ Điều lệ Đảng.\nHướng dẫn này có hiệu lực từ ngày "
      "ký.\n\nNơi nhận:\n- Các tỉnh ủy,\n- Lưu Văn phòng.\n\nK/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n\n"
      "Nguyễn Thanh Bình\n";
  EXPECT_EQ(extract_metadata("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 06-HD/TW" + party_tail).issuer,
            "Ban Chấp hành Trung ương");
  EXPECT_EQ(
      extract_metadata("BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TỔ CHỨC\n*\nSố 38-HD/BTCTW" + party_tail)
          .issuer,
      "Ban Tổ chức Trung ương");
  // A province's association: its committee is named by the role rule, as before.
  EXPECT_EQ(extract_metadata(
                organisation_letter("HỘI NÔNG DÂN TỈNH NGHỆ AN\nBAN CHẤP HÀNH", "31-CV/HNDT"))
                .issuer,
            "Ban Chấp hành Hội Nông dân tỉnh Nghệ An");
}

TEST(IssuerParents, a_centre_of_a_so_is_named_with_the_place_the_so_serves) {
  const std::vector<ParentCase> cases = {
      {department_unit_plan("SỞ Y TẾ TỈNH QUẢNG NAM\nTRUNG TÂM KIỂM SOÁT BỆNH TẬT",
                            "Quảng Nam, ngày 10 tháng 4 năm 2025",
                            "Trung tâm Kiểm soát bệnh tật xây dựng kế hoạch như sau:"),
       "Trung tâm Kiểm soát bệnh tật tỉnh Quảng Nam"},
      // The chủ quản's place on a line of its own, the centre's name wrapped over two lines.
      {department_unit_plan("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTHÀNH PHỐ HẢI PHÒNG\nTRUNG TÂM BỒI DƯỠNG\n"
                            "NGHIỆP VỤ SƯ PHẠM",
                            "Hải Phòng, ngày 10 tháng 4 năm 2025",
                            "Trung tâm Bồi dưỡng nghiệp vụ sư phạm xây dựng kế hoạch như sau:"),
       "Trung tâm Bồi dưỡng nghiệp vụ sư phạm thành phố Hải Phòng"},
  };
  for (const ParentCase& c : cases)
    EXPECT_EQ(extract_metadata(c.text).issuer, c.issuer) << c.text;
}

TEST(IssuerParents, schools_offices_named_units_and_other_parents_are_unchanged) {
  const std::vector<ParentCase> cases = {
      // A centre that names its own place keeps it.
      {department_unit_plan("SỞ Y TẾ TỈNH QUẢNG NAM\nTRUNG TÂM Y TẾ HUYỆN ĐẠI LỘC",
                            "Đại Lộc, ngày 10 tháng 4 năm 2025",
                            "Trung tâm Y tế huyện Đại Lộc xây dựng kế hoạch như sau:"),
       "Trung tâm Y tế huyện Đại Lộc"},
  };
  for (const ParentCase& c : cases)
    EXPECT_EQ(extract_metadata(c.text).issuer, c.issuer) << c.text;
  // A school has a name of its own: no place is added.
  const DocumentMetadata school = extract_metadata(department_unit_plan(
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NGHỆ AN\nTRƯỜNG THPT PHAN BỘI CHÂU",
      "Nghệ An, ngày 10 tháng 4 năm 2025", "Nhà trường xây dựng kế hoạch như sau:"));
  EXPECT_TRUE(school.issuer.value_or("").starts_with("Trường")) << school.issuer.value_or("");
  EXPECT_FALSE(school.issuer.value_or("").ends_with("Nghệ An")) << school.issuer.value_or("");
  // A centre under a university: the rule is the Sở's, not every parent's.
  const DocumentMetadata university = extract_metadata(department_unit_plan(
      "TRƯỜNG ĐẠI HỌC Y DƯỢC THÀNH PHỐ HỒ CHÍ MINH\nTRUNG TÂM ĐÀO TẠO NHÂN LỰC Y TẾ",
      "Thành phố Hồ Chí Minh, ngày 10 tháng 4 năm 2025",
      "Trung tâm Đào tạo nhân lực y tế xây dựng kế hoạch như sau:"));
  EXPECT_FALSE(university.issuer.value_or("").ends_with("thành phố Hồ Chí Minh"))
      << university.issuer.value_or("");
}

std::string committee_notice(const std::string& number_line) {
  return "TỈNH ỦY NGHỆ AN\n*\n" + number_line +
         "\n\nĐẢNG CỘNG SẢN VIỆT NAM\nVinh, ngày 24 tháng 8 năm 2025\n\nTHÔNG BÁO\n"
         "kết luận của Ban Thường vụ Tỉnh ủy\n-----\n\nNgày 20/8/2025, Ban Thường vụ Tỉnh ủy "
         "họp.\n\nNơi nhận:\n- Các huyện ủy,\n- Lưu Văn phòng Tỉnh ủy.\n\nT/M BAN THƯỜNG VỤ\n"
         "PHÓ BÍ THƯ\n\nHoàng Văn Nam\n";
}

TEST(IssuerParents, a_number_label_whose_vowel_an_ocr_layer_lost_still_labels_the_number) {
  EXPECT_EQ(extract_metadata(committee_notice("S 348-TB/TU")).number, "348-TB/TU");
  EXPECT_EQ(extract_metadata(committee_notice("S 15/TB-UBND")).number, "15/TB-UBND");
  // The label whole, as before.
  EXPECT_EQ(extract_metadata(committee_notice("Số 348-TB/TU")).number, "348-TB/TU");
  // A lone S before a bare figure is no number: nothing is placed.
  EXPECT_EQ(extract_metadata(committee_notice("S 348")).number, std::nullopt);
}

}  // namespace
}  // namespace vanban::analyzers
