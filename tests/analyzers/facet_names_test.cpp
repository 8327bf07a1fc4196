// Facet values a user reads, session 29: one law under one key however its citing texts set its
// commas, a law's name shown as the legislature writes it, and the places and residential units
// a body's name in capitals holds written as proper names.
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "vanban/analyzers/law_display.hpp"
#include "vanban/analyzers/structure.hpp"

#include "structure/tables.hpp"

namespace vanban::analyzers {
namespace {

using structure::proper_case_name;

TEST(FacetNames, a_law_is_one_key_with_its_commas_or_without) {
  // No two laws differ by a comma alone: a citing text that puts one in or leaves it out cites
  // the same law.
  EXPECT_EQ(law_key("Luật An toàn, vệ sinh lao động"), law_key("Luật An toàn vệ sinh lao động"));
  EXPECT_EQ(law_key("Luật Thi đua, khen thưởng"), law_key("Luật Thi đua Khen thưởng"));
  EXPECT_EQ(law_key("Luật Trật tự, an toàn giao thông đường bộ"),
            law_key("Luật Trật tự an toàn giao thông đường bộ"));
  EXPECT_EQ(law_key("Luật Tài nguyên, môi trường biển và hải đảo"),
            law_key("Luật Tài nguyên môi trường, biển và hải đảo"));
  // A comma glued to the next word or set apart by a space is the same comma.
  EXPECT_EQ(law_key("Luật Phòng,chống tham nhũng"), law_key("Luật Phòng , chống tham nhũng"));
  EXPECT_EQ(law_key("Luật Phòng, chống tham nhũng"), "luat:luat phong chong tham nhung");
  // An amending law and the laws it names: one key, its formula and its list without commas.
  EXPECT_EQ(law_key("Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng"),
            law_key("Luật sửa đổi bổ sung một số điều của Luật Thi đua Khen thưởng"));
  EXPECT_EQ(law_key("Luật sửa đổi. bổ sung một số điều của Luật Đất đai"),
            "luat:luat sua doi bo sung mot so dieu cua luat dat dai");
  // Controls: the words still tell laws apart.
  EXPECT_NE(law_key("Luật Đầu tư"), law_key("Luật Đầu tư công"));
  EXPECT_NE(law_key("Luật Phòng, chống tham nhũng"), law_key("Luật Phòng, chống ma túy"));
  EXPECT_NE(law_key("Luật Tài nguyên nước"),
            law_key("Luật Tài nguyên, môi trường biển và hải đảo"));
  EXPECT_EQ(law_key(","), "luat:");
}

TEST(FacetNames, two_spellings_of_a_law_cited_in_two_texts_are_one_citation_key) {
  const auto key_of = [](const std::string& text) {
    const DocumentMetadata metadata = extract_metadata(text);
    return metadata.citations.empty() ? std::string()
                                      : metadata.citations[0].number_key.value_or("");
  };
  const std::string one = key_of("Căn cứ Luật An toàn, vệ sinh lao động ngày 25 tháng 6 năm 2015;");
  const std::string two = key_of("Căn cứ Luật An toàn vệ sinh lao động ngày 25 tháng 6 năm 2015;");
  ASSERT_FALSE(one.empty());
  EXPECT_EQ(one, two);
  // The filter a user types keys as the extractor does.
  EXPECT_EQ(citation_key("Luật An toàn vệ sinh lao động").value_or(""), one);
  EXPECT_EQ(citation_key("luật an toàn, vệ sinh lao động").value_or(""), one);
}

TEST(FacetNames, a_law_name_is_shown_as_the_legislature_writes_it) {
  // The table of law names writes the commas the Assembly writes; the words keep their case,
  // the name's first word its capital.
  EXPECT_EQ(canonical_law_name("Luật An toàn vệ sinh lao động"), "Luật An toàn, vệ sinh lao động");
  EXPECT_EQ(canonical_law_name("Luật Thi đua Khen thưởng"), "Luật Thi đua, Khen thưởng");
  EXPECT_EQ(canonical_law_name("Luật phòng chống tham nhũng"), "Luật Phòng, chống tham nhũng");
  EXPECT_EQ(canonical_law_name("Bộ luật lao động"), "Bộ luật Lao động");
  // An amending law: its formula in running case, each law it names as the table writes it.
  EXPECT_EQ(canonical_law_name("Luật Sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng"),
            "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng");
  EXPECT_EQ(canonical_law_name("Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Quản "
                               "lý sử dụng tài sản công và Luật Phòng chống tham nhũng"),
            "Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Quản lý, sử dụng tài sản "
            "công và Luật Phòng, chống tham nhũng");
  // Whatever it respells keeps the law's key.
  for (const std::string name : {"Luật Thi đua Khen thưởng",
                                 "Luật Sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng"})
    EXPECT_EQ(law_key(canonical_law_name(name)), law_key(name)) << name;
  // Controls: a name the table does not know, a name in capitals, a listed name it does not
  // know, and anything not a law stay as given.
  EXPECT_EQ(canonical_law_name("Luật Khuyến khích sáng tạo xanh"),
            "Luật Khuyến khích sáng tạo xanh");
  EXPECT_EQ(canonical_law_name("LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ABC"),
            "LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ABC");
  EXPECT_EQ(canonical_law_name("Luật sửa đổi, bổ sung một số điều của Luật Khuyến khích sáng tạo"),
            "Luật sửa đổi, bổ sung một số điều của Luật Khuyến khích sáng tạo");
  EXPECT_EQ(canonical_law_name("Nghị định Sửa đổi"), "Nghị định Sửa đổi");
  EXPECT_EQ(canonical_law_name("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"),
            "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam");
  EXPECT_EQ(canonical_law_name(""), "");
}

TEST(FacetNames, a_province_in_a_body_name_in_capitals_is_a_proper_name) {
  // A province named after a body's name with no level word before it.
  EXPECT_EQ(proper_case_name("SỞ Y TẾ BẮC NINH"), "Sở Y tế Bắc Ninh");
  EXPECT_EQ(proper_case_name("HỘI KHUYẾN HỌC HÀ NỘI"), "Hội Khuyến học Hà Nội");
  EXPECT_EQ(proper_case_name("BAN QUẢN LÝ DỰ ÁN THỪA THIÊN HUẾ"),
            "Ban Quản lý dự án Thừa Thiên Huế");
  // Controls: with its level it was right already; a word that is no province stays common.
  EXPECT_EQ(proper_case_name("SỞ Y TẾ TỈNH BẮC NINH"), "Sở Y tế tỉnh Bắc Ninh");
  EXPECT_EQ(proper_case_name("SỞ Y TẾ BẮC"), "Sở Y tế bắc");
  EXPECT_EQ(proper_case_name("Sở Y tế bắc ninh"),
            "Sở Y tế bắc ninh");  // not in capitals: as written
}

TEST(FacetNames, a_residential_unit_in_a_body_name_is_followed_by_its_name) {
  // Thôn and tổ dân phố (ấp, khu phố) are named by the words after them, as a commune is.
  EXPECT_EQ(proper_case_name("TỔ DÂN PHỐ LƯƠNG HẬU"), "Tổ dân phố Lương Hậu");
  EXPECT_EQ(proper_case_name("CHI BỘ THÔN PHÚ XUÂN"), "Chi bộ thôn Phú Xuân");
  EXPECT_EQ(proper_case_name("CHI BỘ ẤP TÂN HÒA"), "Chi bộ ấp Tân Hòa");
  EXPECT_EQ(proper_case_name("BAN ĐIỀU HÀNH KHU PHỐ 3"), "Ban Điều hành Khu phố 3");
  // Controls: the commune's own level as before; "thôn" inside a field's words in a name after
  // a joiner is a word of the name ("Phát triển nông thôn"), not a unit.
  EXPECT_EQ(proper_case_name("ỦY BAN NHÂN DÂN XÃ TÂN LẬP"), "Ủy ban nhân dân xã Tân Lập");
  EXPECT_EQ(proper_case_name("BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"),
            "Bộ Nông nghiệp và Phát triển nông thôn");
  EXPECT_EQ(proper_case_name("BAN CHỈ ĐẠO XÂY DỰNG NÔNG THÔN MỚI XÃ TÂN LẬP"),
            "Ban Chỉ đạo xây dựng nông thôn mới xã Tân Lập");
}

// A made-up plan whose header's first lines are `header`.
std::optional<std::string> issuer_of(const std::string& header) {
  return extract_metadata(header +
                          "\nSố: 12/KH-TCT\nAn Hòa, ngày 5 tháng 3 năm 2026\nKẾ HOẠCH\nPhân "
                          "công nhiệm vụ năm 2026\nCăn cứ tình hình thực tế.\nNơi nhận:\n- Như "
                          "trên;\n- Lưu: VT.\n")
      .issuer;
}

TEST(FacetNames, two_header_cells_set_side_by_side_are_two_bodies) {
  // A converter set ô 2's two cells on one line, a wide gap between them: the chủ quản on the
  // left, the issuer on the right; a residential unit's team is named with its unit.
  EXPECT_EQ(issuer_of("TỔ DÂN PHỐ AN HÒA        TỔ CÔNG TÁC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
                      "NAM\nĐộc lập - Tự do - Hạnh phúc"),
            "Tổ công tác tổ dân phố An Hòa");
  EXPECT_EQ(issuer_of("THÔN PHÚ XUÂN      TỔ TUYÊN TRUYỀN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
                      "NAM\nĐộc lập - Tự do - Hạnh phúc"),
            "Tổ tuyên truyền thôn Phú Xuân");
  // The same cells one per line: a team under a residential unit is a body of its own.
  EXPECT_EQ(issuer_of("TỔ DÂN PHỐ AN HÒA\nTỔ CÔNG TÁC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc "
                      "lập - Tự do - Hạnh phúc"),
            "Tổ công tác tổ dân phố An Hòa");
  // Controls: the right cell the national name or the motto (the usual two columns); a bare
  // name finished by its place in the next cell; a name spaced by one to three spaces.
  EXPECT_EQ(issuer_of("ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG "
                      "NAM        Độc lập - Tự do - Hạnh phúc"),
            "Ủy ban nhân dân tỉnh Quảng Nam");
  EXPECT_EQ(issuer_of("ỦY BAN NHÂN DÂN        TỈNH QUẢNG NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
                      "NAM\nĐộc lập - Tự do - Hạnh phúc"),
            "Ủy ban nhân dân tỉnh Quảng Nam");
  EXPECT_EQ(issuer_of("SỞ Y TẾ        CỘNG HOÀ XÃ HỘI CHỦ NGHIÃ VIỆT NAM\nĐộc lập - Tự do - "
                      "Hạnh phúc"),
            "Sở Y tế");
  // The Youth Union's header: its own name in ô 1's place, beside its committee's line.
  EXPECT_EQ(issuer_of("BAN CHẤP HÀNH TRUNG ƯƠNG        ĐOÀN TNCS HỒ CHÍ MINH\n***"),
            "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh");
  EXPECT_EQ(issuer_of("ỦY BAN NHÂN DÂN  XÃ  AN HÒA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc "
                      "lập - Tự do - Hạnh phúc"),
            "Ủy ban nhân dân xã An Hòa");
}

TEST(FacetNames, a_hospital_under_its_department_of_health_is_the_issuer) {
  // ô 2: the Sở Y tế on the chủ quản line, the hospital (a public service unit with its seal)
  // on the issuer line below it.
  EXPECT_EQ(issuer_of("SỞ Y TẾ BẮC NINH\nBỆNH VIỆN ĐA KHOA TỈNH BẮC NINH\nCỘNG HÒA XÃ HỘI CHỦ "
                      "NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
            "Bệnh viện Đa khoa tỉnh Bắc Ninh");
  // Control: the Sở alone stays the Sở.
  EXPECT_EQ(issuer_of("UBND TỈNH BẮC NINH\nSỞ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập "
                      "- Tự do - Hạnh phúc"),
            "Sở Y tế tỉnh Bắc Ninh");
}

// A made-up letter of a hospital whose header lost its place and read TỈNH as TĨNH; `body`
// is its text.
std::optional<std::string> hospital_letter_issuer(const std::string& body) {
  return extract_metadata(
             "SỞ Y TẾ AN GIANG\nBỆNH VIỆN ĐA KHOA TĨNH\nSố: 61/BVT-TCKT\nV/v đăng "
             "tải thông tin\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
             "Hạnh phúc\nAn Giang, ngày 27 tháng 9 năm 2021\nKính gửi: Sở Tư pháp\n" +
             body + "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")
      .issuer;
}

TEST(FacetNames, a_level_a_scan_misread_takes_the_place_the_text_writes_whole) {
  // The text names the hospital whole twice, and once cut by a broken line: the place is the
  // reading the text gives most, the level as the text writes it (and the name's case, as the
  // text writes it).
  EXPECT_EQ(hospital_letter_issuer("Bệnh viện đa khoa tỉnh An Giang thông báo việc đấu giá.\n"
                                   "Tài sản tại Bệnh viện đa khoa tỉnh An Giang.\n\nBệnh viện "
                                   "đa khoa tỉnh An\n\ntrân trọng."),
            "Bệnh viện đa khoa tỉnh An Giang");
  // Controls: two places the text names apart give none; a reading given once each (a post's
  // holder after the place) keeps the shortest.
  EXPECT_EQ(hospital_letter_issuer("Bệnh viện đa khoa tỉnh An Giang và Bệnh viện đa khoa tỉnh "
                                   "Kiên Giang phối hợp."),
            "Bệnh viện Đa khoa tĩnh");
  EXPECT_EQ(hospital_letter_issuer("Giám đốc Bệnh viện đa khoa tỉnh An Giang Nguyễn Văn An đề "
                                   "nghị. Bệnh viện đa khoa tỉnh An Giang."),
            "Bệnh viện đa khoa tỉnh An Giang");
}

TEST(FacetNames, a_school_office_is_named_with_its_school) {
  // A school's office is a unit inside it: named with the school above it.
  EXPECT_EQ(issuer_of("TRƯỜNG TRUNG HỌC PHỔ THÔNG AN HÒA\nPHÒNG ĐÀO TẠO\nCỘNG HÒA XÃ HỘI CHỦ "
                      "NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
            "Phòng Đào tạo Trường Trung học phổ thông An Hòa");
  // Controls: a district's Phòng under its UBND is named by its place; the school itself.
  EXPECT_EQ(issuer_of("UBND HUYỆN AN PHÚ\nPHÒNG TƯ PHÁP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
                      "NAM\nĐộc lập - Tự do - Hạnh phúc"),
            "Phòng Tư pháp huyện An Phú");
  EXPECT_EQ(issuer_of("SỞ GIÁO DỤC VÀ ĐÀO TẠO AN GIANG\nTRƯỜNG TRUNG HỌC PHỔ THÔNG AN HÒA\nCỘNG "
                      "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
            "Trường Trung học phổ thông An Hòa");
}

}  // namespace
}  // namespace vanban::analyzers
