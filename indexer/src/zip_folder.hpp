// A .zip folder of documents: its members, each to be read and indexed as a document of its own
// under "ARCHIVE.zip!/folder/file.docx" (a zip inside it: "a.zip!/b.zip!/c.pdf"). Bounded like
// the DOCX container (zip_support: each member's size and compression ratio) and as a whole:
// the number of members, their total unpacked size, the depth of zips inside zips. Names that
// climb out of the zip ("../x", "/etc/x", "C:\x") are refused; nothing is ever written to disk.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vanban/common/result.hpp"
#include "vanban/indexer/ingest.hpp"
#include "vanban/indexer/reader.hpp"

namespace vanban::indexer::detail {

// Separates a zip's path from a member's: "so-lieu.zip!/2026/qd-15.docx".
constexpr std::string_view kZipMemberSeparator = "!/";

struct ZipMember {
  std::string path;  // inside the zip, '/' separators; nested zips joined by "!/"
  std::string bytes;
};

struct ZipMembers {
  std::vector<ZipMember> members;  // in the zip's order
  std::vector<FileNote> skipped;   // not a format Vanban reads (paths inside the zip)
  std::vector<FileNote> failed;    // unsafe names, members too large, zips nested too deep
};

// The members of the zip `bytes` that the readers take (by extension, as the walker chooses
// files), nested zips unpacked in place. Hidden members (".name", "__MACOSX/") and sidecars are
// left out silently. The zip as a whole fails (too_large, invalid_argument) when it is broken
// or over the member count or total size of ReadOptions.
Result<ZipMembers> zip_members(std::string_view bytes, const ReadOptions& options);

}  // namespace vanban::indexer::detail
