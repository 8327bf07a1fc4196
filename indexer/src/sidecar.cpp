// Sidecar metadata (NAME.EXT.meta.json or NAME.meta.json beside a file) and reading from disk.
#include <fstream>
#include <sstream>

#include "vanban/indexer/metadata.hpp"
#include "vanban/indexer/reader.hpp"

#include "formats.hpp"

namespace vanban::indexer {
namespace {

constexpr std::string_view kSidecarSuffix = ".meta.json";

Result<std::string> read_bytes(const std::filesystem::path& file, std::uint64_t max_bytes) {
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (error)
    return make_error(ErrorKind::io, "cannot read: " + error.message(), "Không đọc được tệp");
  if (size > max_bytes) {
    return make_error(ErrorKind::too_large,
                      "file is " + std::to_string(size / (1024 * 1024)) +
                          " MB, over the limit of " + std::to_string(max_bytes / (1024 * 1024)) +
                          " MB",
                      "Tệp quá lớn");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return make_error(ErrorKind::io, "cannot open for reading", "Không mở được tệp");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.gcount() != static_cast<std::streamsize>(bytes.size()))
    return make_error(ErrorKind::io, "read error (file changed while reading?)",
                      "Không đọc được tệp");
  return bytes;
}

}  // namespace

bool is_sidecar(const std::filesystem::path& file) {
  return file.filename().string().ends_with(kSidecarSuffix);
}

Result<std::optional<SidecarFile>> read_sidecar(const std::filesystem::path& file) {
  const std::filesystem::path candidates[] = {
      file.parent_path() / (file.filename().string() + std::string(kSidecarSuffix)),
      file.parent_path() / (file.stem().string() + std::string(kSidecarSuffix))};
  for (const auto& candidate : candidates) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(candidate, error)) continue;
    auto bytes = read_bytes(candidate, std::uint64_t{1} << 20);
    if (!bytes) {
      return make_error(bytes.error().kind,
                        "sidecar " + candidate.filename().string() + ": " + bytes.error().message,
                        "Không đọc được tệp siêu dữ liệu " + candidate.filename().string());
    }
    return std::optional<SidecarFile>(SidecarFile{candidate.filename().string(), *bytes});
  }
  return std::optional<SidecarFile>{};
}

Result<nlohmann::json> parse_sidecar(const SidecarFile& sidecar) {
  auto json = nlohmann::json::parse(sidecar.bytes, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    return make_error(ErrorKind::invalid_argument,
                      "sidecar " + sidecar.name + " is not a JSON object of metadata fields",
                      "Tệp siêu dữ liệu " + sidecar.name + " không phải đối tượng JSON");
  }
  return json;
}

Result<nlohmann::json> load_sidecar(const std::filesystem::path& file) {
  auto sidecar = read_sidecar(file);
  if (!sidecar) return sidecar.error();
  if (!*sidecar) return nlohmann::json{};
  return parse_sidecar(**sidecar);
}

void merge_sidecar(const nlohmann::json& fields, ReadDocument& document) {
  if (!fields.is_object()) return;
  if (!document.overrides.is_object()) document.overrides = nlohmann::json::object();
  for (const auto& [key, value] : fields.items()) {
    if (is_metadata_field(key)) {
      document.overrides[key] = value;
    } else {
      document.warnings.push_back("sidecar field ignored: " + key);
    }
  }
}

Status apply_sidecar(const std::filesystem::path& file, ReadDocument& document) {
  auto sidecar = load_sidecar(file);
  if (!sidecar) return sidecar.error();
  merge_sidecar(*sidecar, document);
  return Status::success();
}

Result<ReadDocument> read_file(const std::filesystem::path& file, const ReadOptions& options) {
  auto bytes = read_bytes(file, options.max_bytes);
  if (!bytes) return bytes.error();
  auto document = read_document(file, *bytes, options);
  if (!document) return document;
  if (Status merged = apply_sidecar(file, *document); !merged) return merged.error();
  return document;
}

}  // namespace vanban::indexer
