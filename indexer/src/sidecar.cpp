// Sidecar metadata (NAME.EXT.meta.json or NAME.meta.json beside a file).
#include <algorithm>
#include <charconv>
#include <chrono>
#include <sstream>

#include <nlohmann/json.hpp>

#include "vanban/analyzers/metadata_fields.hpp"
#include "vanban/indexer/reader.hpp"

#include "formats.hpp"

namespace vanban::indexer {
namespace {

using analyzers::MetadataField;

constexpr std::string_view kSidecarSuffix = ".meta.json";

// Deeper JSON than any metadata needs (citations are objects in an array: depth 3). Checked
// before parsing, without recursion, so a file nested 100,000 deep is refused rather than
// overflowing the stack of whatever walks the parsed tree.
constexpr std::size_t kMaxSidecarDepth = 8;

std::size_t json_depth(std::string_view bytes) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

// YYYY-MM-DD naming a day of the calendar.
bool is_calendar_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int parts[3] = {};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    const char* first = text.data() + starts[i];
    const char* last = first + lengths[i];
    const auto [end, error] = std::from_chars(first, last, parts[i]);
    if (error != std::errc{} || end != last || *first == '-' || *first == '+') return false;
  }
  const std::chrono::year_month_day day{std::chrono::year{parts[0]},
                                        std::chrono::month{static_cast<unsigned>(parts[1])},
                                        std::chrono::day{static_cast<unsigned>(parts[2])}};
  return day.ok();
}

bool is_string_list(const nlohmann::json& value) {
  return value.is_array() &&
         std::all_of(value.begin(), value.end(),
                     [](const nlohmann::json& item) { return item.is_string(); });
}

// Objects whose fields are all strings (or null), as a citation's are.
bool is_citation_list(const nlohmann::json& value) {
  if (!value.is_array()) return false;
  return std::all_of(value.begin(), value.end(), [](const nlohmann::json& item) {
    if (!item.is_object()) return false;
    // (Its typed relations, as `vanban extract` writes them, are a list of objects.)
    for (const auto& [key, field] : item.items()) {
      const bool ok = key == "relations"
                          ? field.is_array() &&
                                std::all_of(field.begin(), field.end(),
                                            [](const nlohmann::json& r) { return r.is_object(); })
                          : field.is_string() || field.is_null();
      if (!ok) return false;
    }
    return true;
  });
}

// Why a sidecar field's value cannot be used; nullopt when it can (null states it is empty).
std::optional<std::string> field_problem(MetadataField field, const nlohmann::json& value) {
  if (field == MetadataField::effective || field == MetadataField::expires)
    return "is read from the document's own text, not stated by a sidecar";
  if (value.is_null()) return std::nullopt;
  if (field == MetadataField::recipients) {
    if (!is_string_list(value)) return "is not a list of strings";
  } else if (field == MetadataField::citations) {
    if (!is_citation_list(value)) return "is not a list of citation objects";
  } else if (!value.is_string()) {
    return "is not a string";
  } else if (field == MetadataField::date && !is_calendar_date(value.get<std::string>())) {
    return "is not a date of the calendar as YYYY-MM-DD";
  }
  return std::nullopt;
}

// States one checked field (see field_problem) in `overrides`.
void state(MetadataField field, const nlohmann::json& value, MetadataOverrides& overrides) {
  switch (field) {
    case MetadataField::recipients:
      overrides.set_recipients(value.is_null() ? std::vector<std::string>{}
                                               : value.get<std::vector<std::string>>());
      break;
    case MetadataField::citations:
      overrides.set_citations(value.is_null() ? std::vector<analyzers::Citation>{}
                                              : value.get<std::vector<analyzers::Citation>>());
      break;
    default:
      overrides.set(field, value.is_null() ? std::optional<std::string>{}
                                           : std::optional<std::string>(value.get<std::string>()));
  }
}

// ": why" from a reader's sentence ("Liên kết tới ..." → ": liên kết tới ..."), to follow the
// name of the sidecar; empty when there is none. The readers' sentences open with ASCII.
std::string reason_after_colon(std::string reason) {
  if (reason.empty()) return reason;
  if (reason[0] >= 'A' && reason[0] <= 'Z') reason[0] = static_cast<char>(reason[0] - 'A' + 'a');
  return ": " + reason;
}

}  // namespace

bool is_sidecar(const std::filesystem::path& file) {
  return file.filename().string().ends_with(kSidecarSuffix);
}

Result<std::optional<SidecarFile>> read_sidecar(const std::filesystem::path& file,
                                                const std::filesystem::path& folder) {
  const std::filesystem::path candidates[] = {
      file.parent_path() / (file.filename().string() + std::string(kSidecarSuffix)),
      file.parent_path() / (file.stem().string() + std::string(kSidecarSuffix))};
  for (const auto& candidate : candidates) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(candidate, error)) continue;
    // A sidecar is found by its name, so a link named like one could carry any file's bytes in
    // (they are parsed, and their digest stored): read only from inside the folder indexed.
    std::filesystem::path inside = folder;
    if (inside.empty()) {
      inside = std::filesystem::weakly_canonical(
          file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path(), error);
      if (error) inside.clear();
    }
    auto bytes = detail::read_bytes(candidate, std::uint64_t{1} << 20, inside);
    if (!bytes) {
      return make_error(bytes.error().kind,
                        "sidecar " + candidate.filename().string() + ": " + bytes.error().message,
                        "Không đọc được tệp siêu dữ liệu " + candidate.filename().string() +
                            reason_after_colon(bytes.error().user_message));
    }
    return std::optional<SidecarFile>(SidecarFile{candidate.filename().string(), *bytes});
  }
  return std::optional<SidecarFile>{};
}

Result<SidecarFields> parse_sidecar(const SidecarFile& sidecar) {
  if (json_depth(sidecar.bytes) > kMaxSidecarDepth) {
    return make_error(ErrorKind::invalid_argument,
                      "sidecar " + sidecar.name + " is nested deeper than " +
                          std::to_string(kMaxSidecarDepth) + " levels",
                      "Tệp siêu dữ liệu " + sidecar.name + " lồng nhau quá sâu");
  }
  const auto json = nlohmann::json::parse(sidecar.bytes, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    return make_error(ErrorKind::invalid_argument,
                      "sidecar " + sidecar.name + " is not a JSON object of metadata fields",
                      "Tệp siêu dữ liệu " + sidecar.name + " không phải đối tượng JSON");
  }
  // Each field stands alone: a bad one is reported and left out, the others are kept.
  SidecarFields fields;
  for (const auto& [key, value] : json.items()) {
    const auto field = analyzers::metadata_field(key);
    if (!field) {
      fields.warnings.push_back("sidecar field ignored: " + key);
    } else if (const auto problem = field_problem(*field, value)) {
      fields.warnings.push_back("sidecar field " + key + " ignored: its value " + *problem);
    } else {
      state(*field, value, fields.overrides);
    }
  }
  return fields;
}

void merge_sidecar(SidecarFields fields, ReadDocument& document) {
  document.overrides.merge(fields.overrides);
  for (std::string& warning : fields.warnings)
    document.warnings.push_back(std::move(warning));
}

}  // namespace vanban::indexer
