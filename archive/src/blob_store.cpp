#include "blob_store.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include "durable_files.hpp"

namespace vanban::archive {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kSha256HexLength = 64;
constexpr std::string_view kTempPrefix = ".tmp-";

bool is_sha256_hex(std::string_view text) {
  if (text.size() != kSha256HexLength) return false;
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
  return hex_digest(digest.data(), length);
}

BlobStore::BlobStore(std::filesystem::path root) : root_(std::move(root)) {}

std::filesystem::path BlobStore::path_of(std::string_view sha256) const {
  const std::string hex(sha256);
  return root_ / hex.substr(0, 2) / hex;
}

bool BlobStore::contains(std::string_view sha256) const {
  if (!is_sha256_hex(sha256)) return false;
  std::error_code error;
  return fs::is_regular_file(path_of(sha256), error);
}

Result<std::string> BlobStore::put(std::string_view bytes) {
  return store(bytes, sha256_hex(bytes), Durability::now);
}

Result<std::string> BlobStore::put(const Original& original) {
  return store(original.bytes(), original.sha256(), Durability::now);
}

Result<std::string> BlobStore::put_unsynced(const Original& original) {
  return store(original.bytes(), original.sha256(), Durability::at_sync);
}

Status BlobStore::sync() {
  // One syncfs for a whole batch costs about what one fsync costs per file: the writer calls it
  // once before each index commit instead of syncing every original on its own.
  FileDescriptor fd(::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return Status::success();  // nothing was ever stored
    return io_error("cannot open directory", root_, errno);
  }
  if (::syncfs(fd.get()) != 0) return io_error("cannot sync the file system of", root_, errno);
  return Status::success();
}

bool BlobStore::holds_exactly(std::string_view sha256, std::string_view bytes) const {
  std::error_code error;
  const fs::path path = path_of(sha256);
  if (!fs::is_regular_file(path, error) || fs::file_size(path, error) != bytes.size() || error) {
    return false;
  }
  const Result<std::string> stored = get(sha256);
  return stored.ok() && *stored == bytes;
}

Result<std::string> BlobStore::store(std::string_view bytes, const std::string& sha,
                                     Durability durability) {
  const fs::path target = path_of(sha);
  // A blob only appears under its name through a rename, but after a crash an unsynced one may
  // have lost its bytes: compare before trusting it, and rewrite it when it differs.
  if (holds_exactly(sha, bytes)) return sha;

  const fs::path directory = target.parent_path();
  std::error_code error;
  fs::create_directories(directory, error);
  if (error) {
    return make_error(ErrorKind::io,
                      "cannot create " + directory.string() + ": " + error.message());
  }

  // The temp file lives in the target's directory so the rename never crosses file systems.
  const fs::path temp =
      directory / (std::string(kTempPrefix) + sha.substr(0, 16) + "-" + random_suffix());
  FileDescriptor fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.get() < 0) return io_error("cannot create", temp, errno);
  Status written = Status::success();
  if (const int failed = write_all(fd.get(), bytes))
    written = io_error("cannot write", temp, failed);
  if (written.ok() && durability == Durability::now && ::fsync(fd.get()) != 0) {
    written = io_error("cannot sync", temp, errno);
  }
  if (const int failed = written.ok() ? fd.close() : 0; failed != 0)
    written = io_error("cannot close", temp, failed);
  if (written.ok() && ::rename(temp.c_str(), target.c_str()) != 0) {
    written = io_error("cannot rename into", target, errno);
  }
  if (!written.ok()) {
    fs::remove(temp, error);
    return written.error();
  }
  if (durability == Durability::now) {
    // The directory entries must be durable before any index entry may point at the blob.
    if (Status synced = sync_directory(directory); !synced.ok()) return synced.error();
    if (Status synced = sync_directory(root_); !synced.ok()) return synced.error();
  }
  return sha;
}

Result<std::string> BlobStore::get(std::string_view sha256) const {
  if (!is_sha256_hex(sha256)) {
    return make_error(ErrorKind::invalid_argument, "not a sha256: " + std::string(sha256));
  }
  const fs::path path = path_of(sha256);
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorKind::not_found, "original missing: " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return make_error(ErrorKind::io, "cannot read " + path.string());
  return std::move(buffer).str();
}

Status BlobStore::verify(std::string_view sha256) const {
  Result<std::string> bytes = get(sha256);
  if (!bytes.ok()) return bytes.error();
  const std::string actual = sha256_hex(*bytes);
  if (actual != sha256) {
    return make_error(ErrorKind::io,
                      "original corrupt: " + path_of(sha256).string() + " hashes to " + actual);
  }
  return Status::success();
}

Status BlobStore::remove(std::string_view sha256) {
  if (!is_sha256_hex(sha256)) {
    return make_error(ErrorKind::invalid_argument, "not a sha256: " + std::string(sha256));
  }
  const fs::path path = path_of(sha256);
  std::error_code error;
  if (!fs::remove(path, error)) {
    if (error)
      return make_error(ErrorKind::io, "cannot remove " + path.string() + ": " + error.message());
    return make_error(ErrorKind::not_found, "original missing: " + path.string());
  }
  return Status::success();
}

Result<std::vector<std::string>> BlobStore::list() const {
  std::vector<std::string> digests;
  std::error_code error;
  if (!fs::exists(root_, error)) return digests;
  for (fs::recursive_directory_iterator it(root_, error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (it->is_regular_file(error) && is_sha256_hex(name)) digests.push_back(name);
  }
  if (error)
    return make_error(ErrorKind::io, "cannot list " + root_.string() + ": " + error.message());
  return digests;
}

std::size_t BlobStore::remove_temp_files() {
  std::size_t removed = 0;
  std::error_code error;
  if (!fs::exists(root_, error)) return removed;
  std::vector<fs::path> temps;
  for (fs::recursive_directory_iterator it(root_, error), end; !error && it != end;
       it.increment(error)) {
    if (it->path().filename().string().starts_with(kTempPrefix)) temps.push_back(it->path());
  }
  for (const fs::path& temp : temps) {
    if (fs::remove(temp, error)) ++removed;
  }
  return removed;
}

}  // namespace vanban::archive
