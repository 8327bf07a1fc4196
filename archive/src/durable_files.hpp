// Writing files so that a crash never leaves a half-written one under its final name: write a
// temp file beside the target, fsync it, rename it, fsync the directory. Shared by the store of
// originals and by backups.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "vanban/common/file_descriptor.hpp"
#include "vanban/common/result.hpp"

namespace vanban::archive {

Error io_error(const std::string& what, const std::filesystem::path& path, int error_number);

// fsync of a directory makes a rename inside it durable.
Status sync_directory(const std::filesystem::path& directory);

// fsync of every file and folder under `root` (and of root itself).
Status sync_tree(const std::filesystem::path& root);

// Copies `from` to `to` through a temp file in to's folder (created if needed), synced and
// renamed, reading a bounded buffer at a time. Returns the sha256 hex of the bytes copied.
// not_found when `from` does not exist.
Result<std::string> copy_file_durably(const std::filesystem::path& from,
                                      const std::filesystem::path& to);

// Lower-case hex of a digest.
std::string hex_digest(const unsigned char* digest, unsigned int length);

// A random decimal suffix for temp names.
std::string random_suffix();

}  // namespace vanban::archive
