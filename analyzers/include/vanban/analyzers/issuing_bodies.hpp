// The bodies an issuer names. A joint document (Thông tư liên tịch, Nghị quyết liên tịch, a
// Chương trình phối hợp) is issued by several bodies, and its ô 2 names each of them; the
// extractor gives them as written, joined ("Bộ Tài chính - Bộ Nội vụ"). The issuer facet counts
// one value per body (issue 11), so it needs them apart.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vanban::analyzers {

// The bodies `issuer` names, each as written: one for most documents; several where it joins
// known bodies' names by a dash, a comma, a semicolon or "và" ("Văn phòng Chính phủ - Bộ Nội
// vụ"; "Liên Bộ Tài chính - Giao thông vận tải", a ministry's head written once before its
// fields, gives "Bộ Tài chính", "Bộ Giao thông vận tải"). A dash inside one body's name ("Bộ Lao
// động - Thương binh và Xã hội", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", "Hội đồng Thi đua -
// Khen thưởng") never splits it: a part must begin with a known body's name
// (structure/body_names.hpp). An issuer that does not read so is one body, as written.
std::vector<std::string> issuing_bodies(std::string_view issuer);

}  // namespace vanban::analyzers
