// The streams of an encrypted PDF as poppler reads them, for the content scan (pdf_streams.hpp).
// poppler opens a file encrypted by the Standard security handler when the empty password opens
// it, as user or as owner (common: official PDFs with only an owner password restricting print
// and copy); the scan would see ciphertext, so a bomb inside such a file met only the reading
// child's limits. Here the keys are made as ISO 32000-1 section 7.6.3 (RC4 40-128 bit, AES-128
// crypt filters) and ISO 32000-2 section 7.6.4 (AES-256, revisions 5 and 6) say and as poppler
// does (its quirks kept: a crypt filter's /Length in bytes, /Identity when /StmF and /StrF name
// it), from the primitives of OpenSSL's libcrypto; each stream is deciphered with its object's
// own key (Algorithm 1) a piece at a time, nothing held but the cipher's state.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::indexer::detail {

struct PdfStreamKey {
  enum class Cipher { rc4, aes128, aes256 };
  Cipher cipher = Cipher::rc4;
  std::string file_key;  // the file's key (5-16 bytes for RC4 and AES-128, 32 for AES-256)
  bool operator==(const PdfStreamKey&) const = default;
};

struct PdfEncryption {
  // The file names an /Encrypt dictionary that asks its streams to be deciphered.
  bool encrypted = false;
  // The keys the empty password gives, one for each encryption dictionary and /ID in the file
  // that it opens (a file holds one; several are all measured, so that the one poppler takes
  // is among them).
  std::vector<PdfStreamKey> keys;
  // More than kMaxKeys different encryption dictionaries, /ID strings or keys (or 100,000
  // /Encrypt or /ID names): a hostile file, refused rather than measured with some keys only.
  bool too_many = false;
  // Why no key was made when `encrypted` (an unknown handler or version, no empty password).
  std::string unmeasured;

  static constexpr std::size_t kMaxKeys = 16;
};

// Reads the encryption dictionaries (the values of /Encrypt, direct or "N G obj") and the first
// strings of /ID arrays anywhere in the file, and makes the keys the empty password gives.
PdfEncryption read_pdf_encryption(std::string_view file);

// Deciphers the data of object `object` generation `generation` with `key` into `sink`, a
// piece at a time; false once the sink asked to stop. AES: the first 16 bytes are the IV, whole
// blocks only (the end of line before "endstream" is not data), the padding removed as poppler
// does.
bool decipher_pdf_stream(const PdfStreamKey& key, std::uint64_t object, std::uint64_t generation,
                         std::string_view data, const std::function<bool(std::string_view)>& sink);

}  // namespace vanban::indexer::detail
