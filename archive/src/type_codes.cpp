#include "type_codes.hpp"

#include <algorithm>
#include <array>

#include "vanban/analyzers/fold.hpp"

namespace vanban::archive {
namespace {

struct TypeCode {
  std::string_view code;
  std::string_view name;
};

// ND30 Phụ lục III (administrative documents) and the normative types of docs/domain.md 2.2.
constexpr std::array<TypeCode, 33> kTypeCodes{{
    {"NQ", "Nghị quyết"},
    {"QĐ", "Quyết định"},
    {"CT", "Chỉ thị"},
    {"QC", "Quy chế"},
    {"QyĐ", "Quy định"},
    {"TC", "Thông cáo"},
    {"TB", "Thông báo"},
    {"HD", "Hướng dẫn"},
    {"CTr", "Chương trình"},
    {"KH", "Kế hoạch"},
    {"PA", "Phương án"},
    {"ĐA", "Đề án"},
    {"DA", "Dự án"},
    {"BC", "Báo cáo"},
    {"BB", "Biên bản"},
    {"TTr", "Tờ trình"},
    {"HĐ", "Hợp đồng"},
    {"CĐ", "Công điện"},
    {"BGN", "Bản ghi nhớ"},
    {"BTT", "Bản thỏa thuận"},
    {"GUQ", "Giấy ủy quyền"},
    {"GM", "Giấy mời"},
    {"GGT", "Giấy giới thiệu"},
    {"GNP", "Giấy nghỉ phép"},
    {"PG", "Phiếu gửi"},
    {"PC", "Phiếu chuyển"},
    {"PB", "Phiếu báo"},
    {"CV", "Công văn"},
    {"NĐ", "Nghị định"},
    {"TT", "Thông tư"},
    {"TTLT", "Thông tư liên tịch"},
    {"L", "Luật"},
    {"PL", "Pháp lệnh"},
}};

}  // namespace

std::vector<std::string_view> type_names_for_code(std::string_view code) {
  std::vector<std::string_view> names;
  for (const TypeCode& entry : kTypeCodes)
    if (entry.code == code) names.push_back(entry.name);
  if (!names.empty()) return names;
  const std::string folded = analyzers::fold(code);
  for (const TypeCode& entry : kTypeCodes)
    if (analyzers::fold(entry.code) == folded) names.push_back(entry.name);
  return names;
}

std::vector<std::string_view> type_codes_for_name(std::string_view name) {
  std::vector<std::string_view> codes;
  const std::string folded = analyzers::fold(name);
  for (const TypeCode& entry : kTypeCodes)
    if (analyzers::fold(entry.name) == folded) codes.push_back(entry.code);
  return codes;
}

std::vector<std::string_view> type_names() {
  std::vector<std::string_view> names;
  for (const TypeCode& entry : kTypeCodes)
    if (std::find(names.begin(), names.end(), entry.name) == names.end())
      names.push_back(entry.name);
  return names;
}

}  // namespace vanban::archive
