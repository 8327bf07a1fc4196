#include "zip_folder.hpp"

#include "formats.hpp"
#include "ocr.hpp"
#include "zip_support.hpp"

namespace vanban::indexer::detail {
namespace {

constexpr std::string_view kZip = "ZIP";

std::string lower_ascii(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

bool is_zip_name(const std::string& name) {
  return lower_ascii(std::filesystem::path(name).extension().string()) == ".zip";
}

// The member's name with '/' separators, or empty when it would leave the folder it is
// unpacked in: absolute, a drive letter, a ".." step, a NUL (Windows tools write '\').
std::string safe_name(std::string_view raw) {
  std::string name(raw);
  for (char& c : name)
    if (c == '\\') c = '/';
  if (name.empty() || name.front() == '/' || name.find('\0') != std::string::npos) return {};
  if (name.size() >= 2 && name[1] == ':') return {};
  std::string cleaned;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find('/', start), name.size());
    const std::string_view step = std::string_view(name).substr(start, end - start);
    if (step == "..") return {};
    if (!step.empty() && step != ".") {
      if (!cleaned.empty()) cleaned += '/';
      cleaned += step;
    }
    start = end + 1;
  }
  return cleaned;
}

bool is_hidden(const std::string& name) {
  std::size_t start = 0;
  while (start < name.size()) {
    if (name[start] == '.' || name.compare(start, 8, "__MACOSX") == 0) return true;
    const std::size_t slash = name.find('/', start);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return false;
}

class Unpacker {
 public:
  Unpacker(const ReadOptions& options, ZipMembers& out) : options_(options), out_(out) {}

  Status unpack(std::string_view bytes, const std::string& prefix, int depth) {
    auto archive = open_zip(bytes, kZip);
    if (!archive) return archive.error();
    zip_t* zip = archive->get();
    const zip_int64_t entries = zip_get_num_entries(zip, 0);
    if (entries < 0) return make_error(ErrorKind::invalid_argument, "corrupt ZIP: no entries");
    if (static_cast<std::uint64_t>(entries) + counted_ > options_.max_zip_members) {
      return make_error(
          ErrorKind::too_large,
          "the zip holds more than " + std::to_string(options_.max_zip_members) + " members",
          "Tệp nén có quá nhiều tệp (giới hạn " + std::to_string(options_.max_zip_members) + ")");
    }
    counted_ += static_cast<std::uint64_t>(entries);
    // The whole is checked on the declared sizes before anything is unpacked.
    std::uint64_t declared = 0;
    for (zip_int64_t index = 0; index < entries; ++index) {
      zip_stat_t stat;
      zip_stat_init(&stat);
      if (zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
          (stat.valid & ZIP_STAT_SIZE) != 0)
        declared += stat.size;
    }
    if (declared + unpacked_ > options_.max_zip_bytes) {
      return make_error(ErrorKind::too_large,
                        "the zip unpacks to more than " +
                            std::to_string(options_.max_zip_bytes / (1024 * 1024)) + " MB",
                        "Tệp nén giải nén ra quá lớn (giới hạn " +
                            std::to_string(options_.max_zip_bytes / (1024 * 1024)) + " MB)");
    }
    for (zip_int64_t index = 0; index < entries; ++index)
      member(zip, static_cast<zip_uint64_t>(index), prefix, depth);
    return {};
  }

 private:
  void member(zip_t* zip, zip_uint64_t index, const std::string& prefix, int depth) {
    const char* raw = zip_get_name(zip, index, ZIP_FL_ENC_GUESS);
    if (raw == nullptr) return;
    const std::string_view raw_name(raw);
    if (raw_name.ends_with('/') || raw_name.ends_with('\\')) return;  // a folder
    const std::string name = safe_name(raw_name);
    if (name.empty()) {
      out_.failed.push_back({prefix + std::string(raw_name),
                             "unsafe name in the zip (it would leave the folder): refused",
                             "Tên tệp trong tệp nén không an toàn (bị từ chối)"});
      return;
    }
    const std::string path = prefix + name;
    if (is_hidden(name) || is_sidecar(name)) return;
    const bool nested = is_zip_name(name);
    if (!nested && !has_supported_extension(name)) {
      out_.skipped.push_back({path, "unsupported file type", "Định dạng tệp không được hỗ trợ"});
      return;
    }
    auto bytes = read_zip_entry(zip, index, options_, kZip);
    if (!bytes) {
      out_.failed.push_back({path, bytes.error().message, bytes.error().user_message});
      return;
    }
    unpacked_ += bytes->size();
    if (nested) {
      if (depth + 1 >= options_.max_zip_depth) {
        out_.failed.push_back({path,
                               "zip inside zips nested deeper than " +
                                   std::to_string(options_.max_zip_depth) + " levels",
                               "Tệp nén lồng nhau quá sâu"});
        return;
      }
      if (const Status inner = unpack(*bytes, path + std::string(kZipMemberSeparator), depth + 1);
          !inner)
        out_.failed.push_back({path, inner.error().message, inner.error().user_message});
      return;
    }
    out_.members.push_back({path, std::move(*bytes)});
  }

  const ReadOptions& options_;
  ZipMembers& out_;
  std::uint64_t counted_ = 0;   // entries seen, nested zips' included
  std::uint64_t unpacked_ = 0;  // bytes unpacked so far, nested zips' included
};

}  // namespace

Result<ZipMembers> zip_members(std::string_view bytes, const ReadOptions& options) {
  ZipMembers members;
  Unpacker unpacker(options, members);
  if (const Status unpacked = unpacker.unpack(bytes, "", 0); !unpacked) return unpacked.error();
  return members;
}

Result<ReadDocument> read_zip(std::string_view bytes, const ReadOptions& options, int depth) {
  auto members = zip_members(bytes, options);
  if (!members) return members.error();
  ReadDocument document;
  for (const FileNote& note : members->failed)
    document.warnings.push_back(note.path + ": " + note.message);
  for (const ZipMember& member : members->members) {
    // Members are read at the zip's own depth: an edXML envelope inside a zip is read as one,
    // unless the zip itself was attached to an envelope.
    auto read = read_nested(member.path, member.bytes, options, depth);
    if (!read) {
      document.warnings.push_back(member.path + ": " + read.error().message);
      continue;
    }
    if (!document.text.empty()) document.text += "\n\n";
    document.text += member.path + "\n" + read->text;
    if (read->ocr) add_ocr_note(document.ocr, *read->ocr);
    for (const std::string& warning : read->warnings)
      document.warnings.push_back(member.path + ": " + warning);
  }
  if (document.text.empty())
    return make_error(ErrorKind::unsupported, "the zip holds no readable document",
                      "Tệp nén không chứa văn bản đọc được");
  return document;
}

}  // namespace vanban::indexer::detail
