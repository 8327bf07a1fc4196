// The one hash of the project's keys and originals.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace vanban::archive {

// Lower-case hex sha256 of `bytes` (OpenSSL EVP).
std::string sha256_hex(std::string_view bytes);

// An original file: its bytes and their sha256, hashed once where the bytes are read (on the
// indexer's worker threads) and trusted from there on by the writer, the shard router and the
// store of originals, which never hash them again.
class Original {
 public:
  explicit Original(std::string bytes) : bytes_(std::move(bytes)), sha256_(sha256_hex(bytes_)) {}
  const std::string& bytes() const { return bytes_; }
  const std::string& sha256() const { return sha256_; }
  std::size_t size() const { return bytes_.size(); }

 private:
  std::string bytes_;
  std::string sha256_;
};

}  // namespace vanban::archive
