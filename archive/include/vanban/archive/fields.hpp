// The fields a search can be narrowed by, in one table: what the search box, the URL
// parameters and `vanban search` options are called, where the index keeps each field, whether
// it is a facet, and how the UI labels it. The parser, the query builder, the facets, the
// server's parameters, the CLI and the web UI's parameter list all read this table, so a new
// field is one entry here plus its extraction (and its query in query_builder.cpp).
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace vanban::archive {

enum class FieldId {
  issuer,
  type,
  year,
  cites,
  number,
  date,
  // The validity status as of today, worked out from the archive's graph (validity.hpp); no
  // term or slot of its own (archive/SCHEMA.md "Validity in search").
  validity,
  signer,
  // Relation filters: the documents that do this to the instrument given (a number or a law's
  // name), from the typed relations of their citations (XR terms).
  amends,
  based_on,
  replaces,
  repeals,
  implements,
  guides,
};

struct FieldSpec {
  FieldId id;
  // The URL parameter, the `vanban search --NAME` option and the facet's key in the API's
  // JSON. A date is given as a range by two parameters, `from` and `to`.
  std::string_view name;
  // Typed in the search box before ':' ("cq:ubnd"), folded (no diacritics, lower case).
  std::string_view box_prefix;
  // Prefix of the boolean terms that hold the field's keys in the index (archive/SCHEMA.md);
  // empty for the date, kept in a value slot only, and for the validity, computed. A relation
  // filter's prefix holds its relation type ("XRsua_doi:"), the cited instrument's key follows it.
  std::string_view term_prefix;
  // Value slot of the field's displayed value (facets, sorting, ranges), or none.
  std::optional<unsigned> value_slot;
  bool repeated;                 // several values, OR-ed (issuer=A&issuer=B); else one value
  bool facet;                    // counted for every result, shown as a facet
  std::string_view label;        // Vietnamese: a facet's heading in the UI
  std::string_view short_label;  // Vietnamese: a chip of an active filter
};

// In the order the facets are shown and reported.
inline constexpr std::array<FieldSpec, 14> kSearchFields{{
    {FieldId::issuer, "issuer", "cq", "XI", 1, true, true, "Cơ quan ban hành", "Cơ quan"},
    {FieldId::type, "type", "loai", "XT", 2, true, true, "Loại văn bản", "Loại"},
    {FieldId::year, "year", "nam", "Y", 3, true, true, "Năm", "Năm"},
    {FieldId::validity, "validity", "hieuluc", "", std::nullopt, true, true, "Tình trạng hiệu lực",
     "Hiệu lực"},
    {FieldId::signer, "signer", "nguoiky", "XK", 12, true, true, "Người ký", "Người ký"},
    {FieldId::cites, "cites", "trich", "XC", 4, true, true, "Văn bản được trích dẫn", "Trích dẫn"},
    {FieldId::number, "number", "so", "K", 5, false, false, "Số ký hiệu", "Số ký hiệu"},
    {FieldId::date, "date", "ngay", "", 0, false, false, "Ngày ban hành", "Ngày"},
    {FieldId::amends, "amends", "suadoi", "XRsua_doi:", std::nullopt, true, false,
     "Sửa đổi, bổ sung văn bản", "Sửa đổi"},
    {FieldId::based_on, "based_on", "cancu", "XRcan_cu:", std::nullopt, true, false,
     "Căn cứ văn bản", "Căn cứ"},
    {FieldId::replaces, "replaces", "thaythe", "XRthay_the:", std::nullopt, true, false,
     "Thay thế văn bản", "Thay thế"},
    {FieldId::repeals, "repeals", "baibo", "XRbai_bo:", std::nullopt, true, false, "Bãi bỏ văn bản",
     "Bãi bỏ"},
    {FieldId::implements, "implements", "thuchien", "XRthuc_hien:", std::nullopt, true, false,
     "Thực hiện văn bản", "Thực hiện"},
    {FieldId::guides, "guides", "huongdan", "XRhuong_dan:", std::nullopt, true, false,
     "Hướng dẫn văn bản", "Hướng dẫn"},
}};

// The facet value counting the documents that lack a single-valued field, and the filter
// value that finds them (typed "khong ro" too).
inline constexpr std::string_view kUnknownValue = "Không rõ";

// Whether the field's facet has a kUnknownValue bucket: one value per document, in a slot.
constexpr bool has_unknown_bucket(const FieldSpec& spec) {
  return spec.facet && spec.value_slot && spec.id != FieldId::cites;
}

// A relation filter's relation type ("sua_doi"), or empty for the other fields.
constexpr std::string_view relation_of(FieldId id) {
  for (const FieldSpec& spec : kSearchFields) {
    if (spec.id != id || !spec.term_prefix.starts_with("XR")) continue;
    std::string_view type = spec.term_prefix.substr(2);
    return type.substr(0, type.size() - 1);
  }
  return {};
}

constexpr const FieldSpec& field_spec(FieldId id) {
  for (const FieldSpec& spec : kSearchFields)
    if (spec.id == id) return spec;
  return kSearchFields.front();  // unreachable: every id has its entry
}

// The field typed as `prefix:` in the box (already folded), or nullopt.
constexpr std::optional<FieldId> field_by_box_prefix(std::string_view folded_prefix) {
  for (const FieldSpec& spec : kSearchFields)
    if (spec.box_prefix == folded_prefix) return spec.id;
  return std::nullopt;
}

}  // namespace vanban::archive
