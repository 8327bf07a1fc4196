// Organs a body sets up for a task, named by the task alone (issue 11, PDF text layers of local
// councils and command boards): a People's Council's monitoring delegation ("ĐOÀN GIÁM SÁT",
// Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân 2015), an inspection team, the
// standing office of a command board ("VĂN PHÒNG THƯỜNG TRỰC" of a "BAN CHỈ HUY PCTT VÀ TKCN").
// Such a name stands for thousands of organs; the chủ quản line above it (ND30 ô 2) says whose, so
// the issuer is the organ named with its body, as "BAN THƯỜNG TRỰC" and "VĂN PHÒNG" already were.
// The header as `pdftotext` lays it out (the two columns interleaved, the body's name wrapped) and
// every other layout family of the renderer give the same issuer.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/structure.hpp"

#include "layout_renderer.hpp"

namespace vanban::analyzers {
namespace {

struct OrganDocument {
  std::string cell;  // ô 2, one line each
  std::string number;
  std::string issuer;
};

std::vector<OrganDocument> organ_documents() {
  return {
      {"HỘI ĐỒNG NHÂN DÂN\nTỈNH BÌNH DƯƠNG\nĐOÀN GIÁM SÁT", "11/TB-ĐGS",
       "Đoàn giám sát Hội đồng nhân dân tỉnh Bình Dương"},
      {"HỘI ĐỒNG NHÂN DÂN\nHUYỆN TUẦN GIÁO\nĐOÀN GIÁM SÁT", "03/TB-ĐGS",
       "Đoàn giám sát Hội đồng nhân dân huyện Tuần Giáo"},
      {"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nĐOÀN KIỂM TRA", "05/TB-ĐKT",
       "Đoàn kiểm tra Ủy ban nhân dân tỉnh Quảng Trị"},
      // A command board's standing office; the board's field in ô 2 by its codes (Luật Phòng,
      // chống thiên tai 2013; Nghị định 66/2021/NĐ-CP), spelled out as every issuer is.
      {"BAN CHỈ HUY PCTT VÀ TKCN\nTỈNH QUẢNG NAM\nVĂN PHÒNG THƯỜNG TRỰC", "31/TB-PCTT",
       "Văn phòng Thường trực Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh Quảng "
       "Nam"},
  };
}

std::string organ_text(const OrganDocument& document) {
  return document.cell + "\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: " + document.number +
         "\n\nĐộc lập - Tự do - Hạnh phúc\nBình Dương, ngày 21 tháng 10 năm 2021\n\nTHÔNG BÁO\n"
         "Phân công nhiệm vụ thành viên Đoàn\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày "
         "19 tháng 6 năm 2015;\nĐoàn thông báo phân công nhiệm vụ như sau.\n\nNơi nhận:\n"
         "- Thường trực HĐND tỉnh;\n- Lưu: VT.\n\nTRƯỞNG ĐOÀN\n\nNguyễn Văn Lộc\n";
}

TEST(TaskOrgans, an_organ_named_by_its_task_is_named_with_its_body) {
  for (const OrganDocument& document : organ_documents()) {
    const std::string text = organ_text(document);
    EXPECT_EQ(extract_metadata(text).issuer, document.issuer) << text;
  }
}

TEST(TaskOrgans, an_organ_with_a_name_of_its_own_keeps_it) {
  // A Sở under its committee keeps its own name and takes the place only, as before.
  const OrganDocument department{"UBND TỈNH QUẢNG TRỊ\nSỞ NỘI VỤ", "12/TB-SNV",
                                 "Sở Nội vụ tỉnh Quảng Trị"};
  EXPECT_EQ(extract_metadata(organ_text(department)).issuer, department.issuer);
}

TEST(TaskOrgans, every_layout_family_gives_the_same_issuer) {
  for (const OrganDocument& document : organ_documents()) {
    const testing::DocumentParts parts =
        testing::read_parts(organ_text(document), "Nguyễn Văn Lộc");
    for (const testing::Layout layout : testing::kTextLayouts) {
      const std::string rendered = testing::render(parts, layout);
      EXPECT_EQ(extract_metadata(rendered).issuer, document.issuer)
          << testing::layout_name(layout) << "\n"
          << rendered;
    }
  }
}

}  // namespace
}  // namespace vanban::analyzers
