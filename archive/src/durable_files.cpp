#include "durable_files.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <random>

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

namespace vanban::archive {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kCopyBuffer = 1 << 20;  // memory stays bounded whatever the file's size

struct DigestFree {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

Status sync_path(const fs::path& path, bool directory) {
  const int flags = O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0);
  FileDescriptor fd(::open(path.c_str(), flags));
  if (fd.get() < 0) return io_error("cannot open", path, errno);
  if (::fsync(fd.get()) != 0) return io_error("cannot sync", path, errno);
  return Status::success();
}

}  // namespace

std::string hex_digest(const unsigned char* digest, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0x0F]);
  }
  return hex;
}

Error io_error(const std::string& what, const fs::path& path, int error_number) {
  return make_error(ErrorKind::io, what + " " + path.string() + ": " + std::strerror(error_number));
}

Status sync_directory(const fs::path& directory) {
  return sync_path(directory, /*directory=*/true);
}

Status sync_tree(const fs::path& root) {
  std::error_code error;
  for (fs::recursive_directory_iterator it(root, error), end; !error && it != end;
       it.increment(error)) {
    const bool directory = it->is_directory(error);
    if (error) break;
    if (Status synced = sync_path(it->path(), directory); !synced.ok()) return synced;
  }
  if (error)
    return make_error(ErrorKind::io, "cannot list " + root.string() + ": " + error.message());
  return sync_directory(root);
}

std::string random_suffix() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return std::to_string(random());
}

Result<std::string> copy_file_durably(const fs::path& from, const fs::path& to) {
  FileDescriptor in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
  if (in.get() < 0) {
    if (errno == ENOENT) return make_error(ErrorKind::not_found, "missing: " + from.string());
    return io_error("cannot open", from, errno);
  }
  std::error_code error;
  fs::create_directories(to.parent_path(), error);
  if (error) {
    return make_error(ErrorKind::io,
                      "cannot create " + to.parent_path().string() + ": " + error.message());
  }
  const fs::path temp = to.parent_path() / (".tmp-copy-" + random_suffix());
  Status copied = Status::success();
  std::unique_ptr<EVP_MD_CTX, DigestFree> digest(EVP_MD_CTX_new());
  if (!digest || EVP_DigestInit_ex(digest.get(), EVP_sha256(), nullptr) != 1) {
    return make_error(ErrorKind::internal, "cannot start a sha256 digest");
  }
  {
    FileDescriptor out(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (out.get() < 0) return io_error("cannot create", temp, errno);
    const auto buffer = std::make_unique<char[]>(kCopyBuffer);
    while (copied.ok()) {
      const ssize_t got = ::read(in.get(), buffer.get(), kCopyBuffer);
      if (got < 0) {
        if (errno == EINTR) continue;
        copied = io_error("cannot read", from, errno);
        break;
      }
      if (got == 0) break;
      const auto size = static_cast<std::size_t>(got);
      EVP_DigestUpdate(digest.get(), buffer.get(), size);
      if (const int failed = write_all(out.get(), std::string_view(buffer.get(), size)))
        copied = io_error("cannot write", temp, failed);
    }
    if (copied.ok() && ::fsync(out.get()) != 0) copied = io_error("cannot sync", temp, errno);
    if (const int failed = copied.ok() ? out.close() : 0; failed != 0)
      copied = io_error("cannot close", temp, failed);
  }
  if (copied.ok() && ::rename(temp.c_str(), to.c_str()) != 0) {
    copied = io_error("cannot rename into", to, errno);
  }
  if (!copied.ok()) {
    fs::remove(temp, error);
    return copied.error();
  }
  if (Status synced = sync_directory(to.parent_path()); !synced.ok()) return synced.error();
  std::array<unsigned char, EVP_MAX_MD_SIZE> sum{};
  unsigned int length = 0;
  EVP_DigestFinal_ex(digest.get(), sum.data(), &length);
  return hex_digest(sum.data(), length);
}

}  // namespace vanban::archive
