// Names of bodies and posts as they are written in running text ("của Bộ Ngoại giao", "của Bộ
// trưởng Bộ Văn hóa, Thể thao và Du lịch"), for reading issuers: the official names of
// docs/domain.md §3.4 and §4, and administrative levels that open a place name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::analyzers::structure {

enum class NameKind : std::uint8_t {
  body,  // "Bộ Ngoại giao", "Ủy ban nhân dân", "Chính phủ": a body named in full
  post,  // "Bộ trưởng", "Chủ tịch", "Thủ tướng Chính phủ": a post, often followed by its body
};

struct NameMatch {
  std::size_t end = 0;  // just after the name's last word
  std::size_t words = 0;
  NameKind kind = NameKind::body;
};

// The longest known name of a body or post starting at byte `pos` of `text`, as whole words.
// Case, tone placement ("Văn hoá" = "Văn hóa") and the common abbreviations of issuer names
// ("UBND") do not matter; a comma or dash inside a name may be written or left out. A known
// name is whole: it is taken even where its words would end an unknown name ("giao" of "Bộ
// Ngoại giao", the comma of "Bộ Văn hóa, Thể thao và Du lịch").
std::optional<NameMatch> known_name_at(std::string_view text, std::size_t pos);

// An administrative level that opens a place name or a level of government, at `pos`:
// "tỉnh", "thành phố", "xã", "cấp tỉnh", "các xã". Returns its end. Written in capitals
// ("Xã", "Tỉnh") it counts only before a capitalised word or a number ("Tỉnh Quảng Ninh",
// "Quận 1"), since "Xã hội" is no level.
std::optional<std::size_t> level_at(std::string_view text, std::size_t pos);

// The names of the ministries and of a province's departments in their written case ("Bộ Tài
// nguyên và Môi trường", "Sở Y tế"), with the first part of a field that has several ("Sở
// Nông nghiệp" of "Sở Nông nghiệp & PTNT"), for writing a title set in capitals.
const std::vector<std::string>& ministry_and_department_names();

// Every known name of a body or post as written ("Thủ tướng Chính phủ", "Bộ Tài chính", "Sở Y
// tế", "Phó Chủ tịch"): what a header's issuer cell or a signature's post line may hold.
const std::vector<std::string>& known_names_as_written();

// A Party committee of a province, city, district or base organisation named by the Statute's
// long form, by the short name the Statute gives it and its documents' ô 2 use (Điều lệ Đảng:
// "ban chấp hành đảng bộ tỉnh, thành phố ... (gọi tắt là tỉnh ủy, thành ủy)", likewise huyện ủy,
// quận ủy, thị ủy, đảng ủy): "Ban Chấp hành Đảng bộ tỉnh Thái Nguyên" → "Tỉnh ủy Thái Nguyên",
// "Ban Chấp hành Đảng bộ xã Tân Lập" → "Đảng ủy xã Tân Lập". Nullopt for any other name.
std::optional<std::string> party_committee_short_name(std::string_view name);

// A Party committee named by its level alone ("Tỉnh ủy") with the one place the text gives its
// organisation or itself at that level ("Đảng bộ tỉnh Quảng Trị" → "Tỉnh ủy Quảng Trị");
// nullopt for any other name, or when the text names no place or several.
std::optional<std::string> committee_with_place(std::string_view issuer, std::string_view text);

// A local body named with its level but not its place ("... UBND tỉnh") with the one place the
// text gives that level ("tỉnh Tây Ninh" → "... UBND tỉnh Tây Ninh"); nullopt for a name that
// does not end with a level, or when the text names no place or several.
std::optional<std::string> body_with_place(std::string_view issuer, std::string_view text);

// A district's specialised office (a "Phòng" of the People's Committee of a huyện, quận, thị
// xã or city of a province) named without its place ("Phòng Giáo dục và Đào tạo") with the one
// district-level unit the text names ("trên địa bàn Quận 11" → "... Quận 11"), the level as the
// text writes it. A Phòng belongs to no province, so a city counts only when the text names no
// huyện, quận or thị xã (a city may be a province's name); nullopt for any other name, or when
// the text names no such unit or several.
std::optional<std::string> district_office_with_place(std::string_view issuer,
                                                      std::string_view text);

// A mass organisation's branch of a province or district, under its national organisation in ô
// 2 ("HỘI KHUYẾN HỌC VIỆT NAM" / "TỈNH HỘI HƯNG YÊN": the association's "tỉnh hội", its
// provincial branch): "Hội Khuyến học tỉnh Hưng Yên", the organisation's name without the
// country's, the level of its branch and the place capitalised. nullopt for any other name.
std::optional<std::string> association_branch(std::string_view issuer);

// A school's board (its head and deputies, "Ban Giám hiệu", Điều lệ trường of each level) acts in
// the school's name, which ô 2 of its documents gives: "Ban Giám hiệu trường THCS X" → "Trường
// Trung học cơ sở X" (the rest as the issuer was already written). nullopt otherwise.
std::optional<std::string> school_of_its_board(std::string_view issuer);

// The issuer facet lists bodies, one value per body: an issuer named by a kind every unit of a
// level has ("Ủy ban nhân dân", "Hội đồng nhân dân tỉnh", "Tỉnh ủy", "Đảng ủy") names none.
// With its level and a place line naming a unit of that level (ND30: a local body's place is
// the unit where it sits), the body of that unit ("Ủy ban nhân dân tỉnh" and "Vĩnh Long" →
// "Ủy ban nhân dân tỉnh Vĩnh Long"); without, nullopt. Any other issuer is returned as it is.
std::optional<std::string> one_body(const std::string& issuer,
                                    const std::optional<std::string>& place);

}  // namespace vanban::analyzers::structure
