// A joint document's issuer read as the bodies it names (analyzers/issuing_bodies.hpp): the
// issuer facet counts one value per body.
#include "vanban/analyzers/issuing_bodies.hpp"

#include <gtest/gtest.h>

namespace vanban::analyzers {
namespace {

using Bodies = std::vector<std::string>;

TEST(IssuingBodies, a_joint_issuer_names_each_body) {
  EXPECT_EQ(issuing_bodies("Văn phòng Chính phủ - Bộ Nội vụ"),
            (Bodies{"Văn phòng Chính phủ", "Bộ Nội vụ"}));
  EXPECT_EQ(issuing_bodies("Tòa án nhân dân tối cao - Viện kiểm sát nhân dân tối cao - Bộ Công an"),
            (Bodies{"Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao", "Bộ Công an"}));
  EXPECT_EQ(issuing_bodies("Bộ Tài chính, Bộ Xây dựng"), (Bodies{"Bộ Tài chính", "Bộ Xây dựng"}));
  EXPECT_EQ(issuing_bodies("Bộ Tài chính và Bộ Y tế"), (Bodies{"Bộ Tài chính", "Bộ Y tế"}));
  EXPECT_EQ(issuing_bodies("Bộ Giáo dục và Đào tạo – Bộ Nội vụ"),
            (Bodies{"Bộ Giáo dục và Đào tạo", "Bộ Nội vụ"}));
}

TEST(IssuingBodies, a_dash_inside_one_bodys_name_does_not_split_it) {
  // The ministry's own name, a joint issuer holding it, and it last.
  EXPECT_EQ(issuing_bodies("Bộ Lao động - Thương binh và Xã hội"),
            (Bodies{"Bộ Lao động - Thương binh và Xã hội"}));
  EXPECT_EQ(issuing_bodies("Bộ Lao động - Thương binh và Xã hội - Bộ Tài chính"),
            (Bodies{"Bộ Lao động - Thương binh và Xã hội", "Bộ Tài chính"}));
  EXPECT_EQ(issuing_bodies("Bộ Tài chính - Bộ Lao động - Thương binh và Xã hội"),
            (Bodies{"Bộ Tài chính", "Bộ Lao động - Thương binh và Xã hội"}));
  // A place or a council's field holding a dash.
  EXPECT_EQ(issuing_bodies("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"),
            (Bodies{"Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"}));
  EXPECT_EQ(issuing_bodies("Hội đồng Thi đua - Khen thưởng tỉnh Hưng Yên"),
            (Bodies{"Hội đồng Thi đua - Khen thưởng tỉnh Hưng Yên"}));
  EXPECT_EQ(issuing_bodies("Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh"),
            (Bodies{"Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh"}));
  EXPECT_EQ(issuing_bodies("Ban Tuyên giáo và Dân vận Thành ủy Huế"),
            (Bodies{"Ban Tuyên giáo và Dân vận Thành ủy Huế"}));
}

TEST(IssuingBodies, a_local_body_keeps_its_place) {
  EXPECT_EQ(issuing_bodies("Sở Tài chính tỉnh Lào Cai - Sở Xây dựng tỉnh Lào Cai"),
            (Bodies{"Sở Tài chính tỉnh Lào Cai", "Sở Xây dựng tỉnh Lào Cai"}));
}

TEST(IssuingBodies, the_lien_bo_form_writes_the_ministrys_head_once) {
  EXPECT_EQ(issuing_bodies("Liên Bộ Tài chính - Giao thông vận tải"),
            (Bodies{"Bộ Tài chính", "Bộ Giao thông vận tải"}));
  EXPECT_EQ(issuing_bodies("liên Bộ: Lao động Thương binh và Xã hội - Tài chính - Y tế"),
            (Bodies{"Bộ Lao động Thương binh và Xã hội", "Bộ Tài chính", "Bộ Y tế"}));
  EXPECT_EQ(issuing_bodies("Liên Bộ Tài chính, Bộ Lao động - Thương binh và Xã hội"),
            (Bodies{"Bộ Tài chính", "Bộ Lao động - Thương binh và Xã hội"}));
}

TEST(IssuingBodies, anything_else_is_one_body_as_written) {
  EXPECT_EQ(issuing_bodies("Chính phủ"), (Bodies{"Chính phủ"}));
  EXPECT_EQ(issuing_bodies("  Bộ Tài chính "), (Bodies{"Bộ Tài chính"}));
  EXPECT_EQ(issuing_bodies("Công ty Cổ phần tư vấn - dịch vụ về tài sản - bất động sản"),
            (Bodies{"Công ty Cổ phần tư vấn - dịch vụ về tài sản - bất động sản"}));
  // A part that is no known body's name leaves the whole as written.
  EXPECT_EQ(issuing_bodies("Bộ Tài chính - Công ty Xổ số"),
            (Bodies{"Bộ Tài chính - Công ty Xổ số"}));
  EXPECT_EQ(issuing_bodies("Ban Chấp hành Đảng bộ tỉnh Thái Nguyên nhiệm kỳ 2020 - 2025"),
            (Bodies{"Ban Chấp hành Đảng bộ tỉnh Thái Nguyên nhiệm kỳ 2020 - 2025"}));
  EXPECT_EQ(issuing_bodies(""), (Bodies{""}));
  EXPECT_EQ(issuing_bodies("Bộ Tài chính -"), (Bodies{"Bộ Tài chính -"}));
}

}  // namespace
}  // namespace vanban::analyzers
