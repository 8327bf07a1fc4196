#include "pdf_crypt.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <utility>

#include <openssl/evp.h>
#include <openssl/provider.h>

#include "pdf_syntax.hpp"

namespace vanban::indexer::detail {
namespace {

using Bytes = std::string;

// The padding string of Algorithm 2, step (a): the empty password padded to 32 bytes.
constexpr unsigned char kPad[32] = {
    0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
    0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a};

Bytes padding() {
  return Bytes(reinterpret_cast<const char*>(kPad), sizeof kPad);
}

// --- The primitives, from OpenSSL ---

struct CipherContextFree {
  void operator()(EVP_CIPHER_CTX* context) const { EVP_CIPHER_CTX_free(context); }
};
struct LibraryContextFree {
  void operator()(OSSL_LIB_CTX* context) const { OSSL_LIB_CTX_free(context); }
};
struct ProviderUnload {
  void operator()(OSSL_PROVIDER* provider) const { OSSL_PROVIDER_unload(provider); }
};
struct CipherFree {
  void operator()(EVP_CIPHER* cipher) const { EVP_CIPHER_free(cipher); }
};

// RC4 lives in OpenSSL 3's legacy provider: loaded into a library context of its own, so the
// rest of the program keeps the default algorithms only.
class Rc4 {
 public:
  Rc4() : context_(OSSL_LIB_CTX_new()) {
    if (!context_) return;
    legacy_.reset(OSSL_PROVIDER_load(context_.get(), "legacy"));
    if (legacy_) cipher_.reset(EVP_CIPHER_fetch(context_.get(), "RC4", nullptr));
  }
  const EVP_CIPHER* cipher() const { return cipher_.get(); }

 private:
  std::unique_ptr<OSSL_LIB_CTX, LibraryContextFree> context_;
  std::unique_ptr<OSSL_PROVIDER, ProviderUnload> legacy_;
  std::unique_ptr<EVP_CIPHER, CipherFree> cipher_;
};

const EVP_CIPHER* rc4_cipher() {
  static const Rc4 rc4;
  return rc4.cipher();
}

Bytes digest(const EVP_MD* method, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), out, &size, method, nullptr) != 1) return {};
  return Bytes(reinterpret_cast<const char*>(out), size);
}

Bytes md5(std::string_view data) {
  return digest(EVP_md5(), data);
}

// A cipher run over data given in pieces, without padding: RC4, or AES in CBC mode.
class Cipher {
 public:
  Cipher(const EVP_CIPHER* cipher, std::string_view key, std::string_view iv, bool encrypt)
      : context_(EVP_CIPHER_CTX_new()) {
    if (!context_ || !cipher || key.empty()) return;
    const auto* iv_bytes = reinterpret_cast<const unsigned char*>(iv.data());
    ready_ = EVP_CipherInit_ex(context_.get(), cipher, nullptr, nullptr, nullptr,
                               encrypt ? 1 : 0) == 1 &&
             EVP_CIPHER_CTX_set_key_length(context_.get(), static_cast<int>(key.size())) == 1 &&
             EVP_CipherInit_ex(context_.get(), nullptr, nullptr,
                               reinterpret_cast<const unsigned char*>(key.data()),
                               iv.empty() ? nullptr : iv_bytes, encrypt ? 1 : 0) == 1 &&
             EVP_CIPHER_CTX_set_padding(context_.get(), 0) == 1;
  }
  bool ready() const { return ready_; }

  // `input` run through the cipher (AES: whole blocks).
  bool run(std::string_view input, Bytes& output) {
    output.resize(input.size() + 32);
    int size = 0;
    if (!ready_ || EVP_CipherUpdate(context_.get(), reinterpret_cast<unsigned char*>(output.data()),
                                    &size, reinterpret_cast<const unsigned char*>(input.data()),
                                    static_cast<int>(input.size())) != 1) {
      output.clear();
      return false;
    }
    output.resize(static_cast<std::size_t>(size));
    return true;
  }

 private:
  std::unique_ptr<EVP_CIPHER_CTX, CipherContextFree> context_;
  bool ready_ = false;
};

std::optional<Bytes> run_once(const EVP_CIPHER* method, std::string_view key, std::string_view iv,
                              bool encrypt, std::string_view data) {
  Cipher cipher(method, key, iv, encrypt);
  Bytes out;
  if (!cipher.run(data, out)) return std::nullopt;
  return out;
}

std::optional<Bytes> rc4(std::string_view key, std::string_view data) {
  return run_once(rc4_cipher(), key, {}, false, data);
}

// --- Reading the objects of the encryption dictionary ---

struct Value {
  enum class Kind { none, boolean, integer, name, string, array, dictionary, reference };
  Kind kind = Kind::none;
  bool boolean = false;
  std::int64_t integer = 0;  // also a reference's object number
  std::int64_t generation = 0;
  Bytes text;                // a name (without its slash, #xx decoded) or a string's bytes
  std::vector<Value> items;  // an array's, or a dictionary's values
  std::vector<Bytes> keys;   // a dictionary's keys, beside its values

  const Value* find(std::string_view key) const {
    for (std::size_t i = 0; i < keys.size() && i < items.size(); ++i) {
      if (keys[i] == key) return &items[i];
    }
    return nullptr;
  }
};

// Reads one object as poppler's lexer does, strings' bytes as written (escapes undone, ends of
// line kept), within bounds: the encryption dictionary and /ID are small.
class ObjectReader {
 public:
  ObjectReader(std::string_view text, std::size_t at) : text_(text), at_(at) {}

  Value read(int depth = 0) {
    Value value;
    skip_space();
    if (at_ >= text_.size() || depth > kMaxDepth || ++steps_ > kMaxSteps) return value;
    const char c = text_[at_];
    if (c == '/') {
      value.kind = Value::Kind::name;
      value.text = name();
    } else if (c == '(') {
      value.kind = Value::Kind::string;
      value.text = literal_string();
    } else if (c == '<' && text_.substr(at_, 2) == "<<") {
      at_ += 2;
      value.kind = Value::Kind::dictionary;
      while (value.items.size() < kMaxItems) {
        skip_space();
        if (at_ >= text_.size() || text_.substr(at_, 2) == ">>" || text_[at_] != '/') break;
        Bytes key = name();
        Value item = read(depth + 1);
        if (item.kind == Value::Kind::none) break;
        value.keys.push_back(std::move(key));
        value.items.push_back(std::move(item));
      }
      if (text_.substr(at_, 2) == ">>") at_ += 2;
    } else if (c == '<') {
      value.kind = Value::Kind::string;
      value.text = hex_string();
    } else if (c == '[') {
      ++at_;
      value.kind = Value::Kind::array;
      while (value.items.size() < kMaxItems) {
        skip_space();
        if (at_ >= text_.size() || text_[at_] == ']') break;
        Value item = read(depth + 1);
        if (item.kind == Value::Kind::none) break;
        value.items.push_back(std::move(item));
      }
      if (at_ < text_.size() && text_[at_] == ']') ++at_;
    } else {
      const std::string_view word = token();
      if (word == "true" || word == "false") {
        value.kind = Value::Kind::boolean;
        value.boolean = word == "true";
      } else if (const std::optional<std::int64_t> number = integer(word)) {
        value.kind = Value::Kind::integer;
        value.integer = *number;
        // "N G R": a reference.
        const std::size_t after = at_;
        skip_space();
        const std::optional<std::int64_t> generation = integer(token());
        skip_space();
        if (generation && *number >= 0 && token() == "R") {
          value.kind = Value::Kind::reference;
          value.generation = *generation;
        } else {
          at_ = after;
        }
      }
    }
    return value;
  }

  std::size_t position() const { return at_; }

 private:
  static constexpr int kMaxDepth = 16;
  static constexpr std::size_t kMaxItems = 1024;
  static constexpr std::size_t kMaxSteps = 10'000;
  static constexpr std::size_t kMaxString = 4096;

  void skip_space() {
    while (at_ < text_.size()) {
      if (is_pdf_space(text_[at_])) {
        ++at_;
      } else if (text_[at_] == '%') {
        while (at_ < text_.size() && text_[at_] != '\n' && text_[at_] != '\r')
          ++at_;
      } else {
        break;
      }
    }
  }

  std::string_view token() {
    const std::size_t start = at_;
    while (at_ < text_.size() && !is_pdf_delimiter(text_[at_]) && at_ - start < 64)
      ++at_;
    if (at_ == start && at_ < text_.size()) ++at_;  // a stray delimiter: passed over
    return text_.substr(start, at_ - start);
  }

  static std::optional<std::int64_t> integer(std::string_view word) {
    std::size_t at = 0;
    const bool negative = !word.empty() && (word[0] == '-' || word[0] == '+');
    if (negative) at = 1;
    if (at >= word.size() || word.size() - at > 18) return std::nullopt;
    std::int64_t value = 0;
    for (; at < word.size(); ++at) {
      if (word[at] < '0' || word[at] > '9') return std::nullopt;
      value = value * 10 + (word[at] - '0');
    }
    return word[0] == '-' ? -value : value;
  }

  Bytes name() {
    ++at_;  // the slash
    Bytes name;
    while (at_ < text_.size() && !is_pdf_delimiter(text_[at_]) && name.size() < kMaxString) {
      if (text_[at_] == '#' && at_ + 2 < text_.size() && pdf_hex_value(text_[at_ + 1]) >= 0 &&
          pdf_hex_value(text_[at_ + 2]) >= 0) {
        name +=
            static_cast<char>(pdf_hex_value(text_[at_ + 1]) * 16 + pdf_hex_value(text_[at_ + 2]));
        at_ += 3;
      } else {
        name += text_[at_++];
      }
    }
    return name;
  }

  Bytes literal_string() {
    ++at_;
    Bytes out;
    int depth = 1;
    while (at_ < text_.size() && out.size() < kMaxString) {
      const char c = text_[at_++];
      if (c == '(') {
        ++depth;
      } else if (c == ')' && --depth == 0) {
        break;
      } else if (c == '\\' && at_ < text_.size()) {
        const char e = text_[at_++];
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case '\r':
            if (at_ < text_.size() && text_[at_] == '\n') ++at_;
            break;
          case '\n':
            break;
          default:
            if (e >= '0' && e <= '7') {
              int code = e - '0';
              for (int i = 0; i < 2 && at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '7';
                   ++i)
                code = code * 8 + (text_[at_++] - '0');
              out += static_cast<char>(code & 0xff);
            } else {
              out += e;  // \\, \(, \) and any other byte stand for themselves
            }
        }
        continue;
      }
      out += c;
    }
    return out;
  }

  Bytes hex_string() {
    ++at_;
    Bytes out;
    int high = -1;
    while (at_ < text_.size() && text_[at_] != '>' && out.size() < kMaxString) {
      const int digit = pdf_hex_value(text_[at_++]);
      if (digit < 0) continue;
      if (high < 0) {
        high = digit;
      } else {
        out += static_cast<char>(high * 16 + digit);
        high = -1;
      }
    }
    if (high >= 0) out += static_cast<char>(high * 16);
    if (at_ < text_.size()) ++at_;
    return out;
  }

  std::string_view text_;
  std::size_t at_;
  std::size_t steps_ = 0;
};

// Where a whole name ("/Encrypt", not "/EncryptMetadata") is written, up to `most` times.
std::vector<std::size_t> name_positions(std::string_view file, std::string_view name,
                                        std::size_t most) {
  std::vector<std::size_t> positions;
  for (std::size_t at = file.find(name); at != std::string_view::npos && positions.size() < most;
       at = file.find(name, at + 1)) {
    const std::size_t end = at + name.size();
    if (end < file.size() && !is_pdf_delimiter(file[end])) continue;
    positions.push_back(end);
  }
  return positions;
}

// The file, and how many more objects may be looked up in it: each look-up searches the whole
// file, so that references everywhere cannot make the scan search it thousands of times.
struct File {
  std::string_view bytes;
  int lookups = 64;
  bool exhausted = false;  // a look-up was refused: some dictionary may be read wrong
};

// The bodies of "N G obj" anywhere in the file (an incremental update may write one again).
std::vector<Value> objects_named(File& pdf, std::int64_t number, std::int64_t generation) {
  std::vector<Value> found;
  if (pdf.lookups-- <= 0) {
    pdf.exhausted = true;
    return found;
  }
  const std::string_view file = pdf.bytes;
  const Bytes needle = std::to_string(number) + " " + std::to_string(generation) + " obj";
  for (std::size_t at = file.find(needle); at != std::string_view::npos && found.size() < 8;
       at = file.find(needle, at + 1)) {
    if (at > 0 && !is_pdf_delimiter(file[at - 1])) continue;
    ObjectReader reader(file, at + needle.size());
    found.push_back(reader.read());
  }
  return found;
}

// A value, its reference followed once.
Value resolved(File& file, const Value* value) {
  if (!value) return {};
  if (value->kind != Value::Kind::reference) return *value;
  std::vector<Value> found = objects_named(file, value->integer, value->generation);
  return found.empty() ? Value{} : std::move(found.front());
}

// --- The Standard security handler, read as poppler reads it (SecurityHandler.cc) ---

struct Handler {
  int revision = 0;  // 2 or 3 (RC4 and AES-128: poppler reads R4 as 3), 5 or 6 (AES-256)
  PdfStreamKey::Cipher cipher = PdfStreamKey::Cipher::rc4;
  int key_length = 5;
  bool encrypt_metadata = true;
  Bytes owner, user, owner_encrypted, user_encrypted;
  std::uint32_t permissions = 0;
  bool identity = false;  // /StmF and /StrF /Identity: nothing is enciphered
  std::string problem;    // why no key can be made
};

Handler read_handler(File& file, const Value& dictionary) {
  Handler handler;
  const auto get = [&](std::string_view key) { return resolved(file, dictionary.find(key)); };
  const Value filter = get("Filter");
  if (filter.kind != Value::Kind::name || filter.text != "Standard") {
    handler.problem = filter.kind == Value::Kind::name
                          ? "security handler /" + filter.text + ", not the standard one"
                          : "an encryption dictionary without a /Filter";
    return handler;
  }
  const Value version = get("V"), revision = get("R"), length = get("Length"), owner = get("O"),
              user = get("U"), owner_encrypted = get("OE"), user_encrypted = get("UE"),
              permissions = get("P");
  if (version.kind != Value::Kind::integer || revision.kind != Value::Kind::integer ||
      permissions.kind != Value::Kind::integer || owner.kind != Value::Kind::string ||
      user.kind != Value::Kind::string) {
    handler.problem = "a damaged encryption dictionary (/V, /R, /P, /O or /U missing)";
    return handler;
  }
  int v = static_cast<int>(std::clamp<std::int64_t>(version.integer, -1, 100));
  int r = static_cast<int>(std::clamp<std::int64_t>(revision.integer, -1, 100));
  const bool aes256_strings =
      owner_encrypted.kind == Value::Kind::string && owner_encrypted.text.size() == 32 &&
      user_encrypted.kind == Value::Kind::string && user_encrypted.text.size() == 32;
  if (!((r <= 4 && !owner.text.empty() && !user.text.empty()) ||
        ((r == 5 || r == 6) && owner.text.size() >= 48 && user.text.size() >= 48 &&
         aes256_strings))) {
    handler.problem = "a damaged encryption dictionary (its /O or /U)";
    return handler;
  }
  // poppler: revision 2 forces a 40-bit key; without /Length, 40 bits too.
  std::int64_t key_length =
      (r == 2 || length.kind != Value::Kind::integer) ? 5 : length.integer / 8;
  bool aes256 = false;
  if ((v == 4 || v == 5) && (r == 4 || r == 5 || r == 6)) {
    const Value filters = get("CF"), streams = get("StmF"), strings = get("StrF");
    if (filters.kind == Value::Kind::dictionary && streams.kind == Value::Kind::name &&
        strings.kind == Value::Kind::name && streams.text == strings.text) {
      if (streams.text == "Identity") {
        handler.identity = true;
        return handler;
      }
      const Value crypt = resolved(file, filters.find(streams.text));
      const Value method = resolved(file, crypt.find("CFM"));
      const Value crypt_length = resolved(file, crypt.find("Length"));
      if (crypt.kind == Value::Kind::dictionary && method.kind == Value::Kind::name &&
          (method.text == "V2" || method.text == "AESV2" || method.text == "AESV3")) {
        if (method.text == "AESV3") {
          v = 5;
          aes256 = true;
        } else {
          v = 2;
          r = 3;
          handler.cipher =
              method.text == "V2" ? PdfStreamKey::Cipher::rc4 : PdfStreamKey::Cipher::aes128;
        }
        // poppler reads a crypt filter's /Length in bytes (Acrobat writes 16 for 128 bits).
        if (crypt_length.kind == Value::Kind::integer) key_length = crypt_length.integer;
      }
    }
    const Value metadata = get("EncryptMetadata");
    if (metadata.kind == Value::Kind::boolean) handler.encrypt_metadata = metadata.boolean;
  }
  handler.owner = owner.text;
  handler.user = user.text;
  handler.permissions = static_cast<std::uint32_t>(permissions.integer & 0xffffffff);
  if (v >= 1 && v <= 2 && r >= 2 && r <= 3) {
    if (key_length > 16 || key_length < 0) key_length = 16;
    if (key_length < 1) {
      handler.problem = "an encryption key of no bytes";
      return handler;
    }
  } else if (v == 5 && (r == 5 || r == 6)) {
    if (!aes256) {
      handler.problem = "AES-256 encryption (V5) without an AESV3 crypt filter";
      return handler;
    }
    handler.cipher = PdfStreamKey::Cipher::aes256;
    key_length = 32;
    handler.owner_encrypted = owner_encrypted.text;
    handler.user_encrypted = user_encrypted.text;
  } else {
    handler.problem = "standard security handler version " + std::to_string(v) + " revision " +
                      std::to_string(r) + ", which poppler does not read either";
    return handler;
  }
  if (r <= 4) {  // Adobe zero-pads short /O and /U (poppler)
    handler.owner.resize(std::max<std::size_t>(handler.owner.size(), 32), '\0');
    handler.user.resize(std::max<std::size_t>(handler.user.size(), 32), '\0');
  }
  handler.revision = r;
  handler.key_length = static_cast<int>(key_length);
  return handler;
}

// Algorithm 2 with a 32-byte password, checked by Algorithm 4 (revision 2) or 5 (revision 3).
std::optional<Bytes> rc4_file_key(const Handler& handler, std::string_view password32,
                                  std::string_view id) {
  const auto length = static_cast<std::size_t>(handler.key_length);
  Bytes input(password32);
  input += handler.owner.substr(0, 32);
  for (int shift = 0; shift < 32; shift += 8)
    input += static_cast<char>((handler.permissions >> shift) & 0xff);
  input += id;
  if (!handler.encrypt_metadata) input += "\xff\xff\xff\xff";
  Bytes key = md5(input);
  if (key.size() != 16) return std::nullopt;
  if (handler.revision == 3) {
    for (int i = 0; i < 50; ++i)
      key = md5(std::string_view(key).substr(0, length));
  }
  key.resize(std::min<std::size_t>(length, 16));
  if (handler.revision == 2) {
    const std::optional<Bytes> test = rc4(key, std::string_view(handler.user).substr(0, 32));
    if (!test || *test != padding()) return std::nullopt;
    return key;
  }
  std::optional<Bytes> test = Bytes(handler.user.substr(0, 32));
  for (int i = 19; i >= 0 && test; --i) {
    Bytes round_key = key;
    for (char& c : round_key)
      c = static_cast<char>(c ^ i);
    test = rc4(round_key, *test);
  }
  if (!test || test->compare(0, 16, md5(padding() + Bytes(id)), 0, 16) != 0) return std::nullopt;
  return key;
}

// The empty owner password: the user password is /O deciphered (Algorithm 7), then the key.
std::optional<Bytes> rc4_file_key_of_owner(const Handler& handler, std::string_view id) {
  const auto length = static_cast<std::size_t>(std::min(handler.key_length, 16));
  Bytes key = md5(padding());
  if (handler.revision == 3) {
    for (int i = 0; i < 50; ++i)
      key = md5(std::string_view(key).substr(0, length));
  }
  key.resize(length);
  std::optional<Bytes> user = Bytes(handler.owner.substr(0, 32));
  if (handler.revision == 2) {
    user = rc4(key, *user);
  } else {
    for (int i = 19; i >= 0 && user; --i) {
      Bytes round_key = key;
      for (char& c : round_key)
        c = static_cast<char>(c ^ i);
      user = rc4(round_key, *user);
    }
  }
  if (!user) return std::nullopt;
  return rc4_file_key(handler, *user, id);
}

// Algorithm 2.B (revision 6): SHA-256, 384 and 512 chosen by AES-128 output, at least 64 rounds.
Bytes revision6_hash(std::string_view password, Bytes key, std::string_view user) {
  Bytes encrypted;
  for (int round = 0; round < 64 || static_cast<unsigned char>(encrypted.back()) + 32 > round;
       ++round) {
    Bytes sequence = Bytes(password) + key + Bytes(user);
    Bytes repeated;
    repeated.reserve(sequence.size() * 64);
    for (int i = 0; i < 64; ++i)
      repeated += sequence;
    std::optional<Bytes> e = run_once(EVP_aes_128_cbc(), std::string_view(key).substr(0, 16),
                                      std::string_view(key).substr(16, 16), true, repeated);
    if (!e || e->size() != repeated.size()) return {};
    encrypted = std::move(*e);
    // The first 16 bytes as a number modulo 3: 256 is 1 modulo 3, so their sum's.
    unsigned sum = 0;
    for (int i = 0; i < 16; ++i)
      sum += static_cast<unsigned char>(encrypted[static_cast<std::size_t>(i)]);
    const EVP_MD* methods[] = {EVP_sha256(), EVP_sha384(), EVP_sha512()};
    key = digest(methods[sum % 3], encrypted);
    if (key.size() < 32) return {};
  }
  key.resize(32);
  return key;
}

// Algorithms 2.A (revisions 5 and 6): the empty password as owner, then as user.
std::vector<Bytes> aes256_file_keys(const Handler& handler) {
  std::vector<Bytes> keys;
  const std::string_view user48 = std::string_view(handler.user).substr(0, 48);
  const auto hash = [&](std::string_view salt, std::string_view user) {
    Bytes k = digest(EVP_sha256(), Bytes(salt) + Bytes(user));
    return handler.revision == 6 ? revision6_hash("", k, user) : k;
  };
  const auto unwrap = [&](const Bytes& intermediate, const Bytes& wrapped) {
    const std::optional<Bytes> key =
        run_once(EVP_aes_256_cbc(), intermediate, std::string(16, '\0'), false, wrapped);
    if (key && key->size() == 32) keys.push_back(*key);
  };
  const std::string_view owner = handler.owner;
  if (hash(owner.substr(32, 8), user48) == owner.substr(0, 32))
    unwrap(hash(owner.substr(40, 8), user48), handler.owner_encrypted);
  if (hash(user48.substr(32, 8), {}) == user48.substr(0, 32))
    unwrap(hash(user48.substr(40, 8), {}), handler.user_encrypted);
  return keys;
}

}  // namespace

PdfEncryption read_pdf_encryption(std::string_view bytes) {
  PdfEncryption encryption;
  File file{bytes};
  // Every /Encrypt and /ID is read (poppler takes one, from its trailer; an attacker may write
  // others before it), each reference and each dictionary once; past the bounds the file is
  // refused rather than measured with some of its keys only.
  constexpr std::size_t kMaxNames = 100'000;
  constexpr std::size_t kMost = PdfEncryption::kMaxKeys;
  std::vector<Value> dictionaries;
  std::vector<std::pair<std::int64_t, std::int64_t>> looked_up;
  std::vector<std::string_view> written;  // the direct dictionaries as written
  const std::vector<std::size_t> encrypts = name_positions(bytes, "/Encrypt", kMaxNames + 1);
  for (const std::size_t at : encrypts) {
    ObjectReader reader(bytes, at);
    Value value = reader.read();
    if (value.kind == Value::Kind::reference) {
      const std::pair<std::int64_t, std::int64_t> reference{value.integer, value.generation};
      if (std::find(looked_up.begin(), looked_up.end(), reference) != looked_up.end()) continue;
      looked_up.push_back(reference);
      for (Value& object : objects_named(file, value.integer, value.generation)) {
        if (object.kind == Value::Kind::dictionary) dictionaries.push_back(std::move(object));
      }
      if (dictionaries.empty() && encryption.unmeasured.empty())
        encryption.unmeasured = "its encryption dictionary (" + std::to_string(value.integer) +
                                " " + std::to_string(value.generation) + " R) was not found";
    } else if (value.kind == Value::Kind::dictionary) {
      const std::string_view text = bytes.substr(at, reader.position() - at);
      if (std::find(written.begin(), written.end(), text) != written.end()) continue;
      written.push_back(text);
      dictionaries.push_back(std::move(value));
    }
    if (dictionaries.size() > kMost || looked_up.size() > kMost) break;
  }
  if (encrypts.size() > kMaxNames || dictionaries.size() > kMost || looked_up.size() > kMost) {
    encryption.encrypted = true;
    encryption.too_many = true;
    return encryption;
  }
  if (dictionaries.empty()) {
    encryption.encrypted = !encryption.unmeasured.empty();
    return encryption;
  }
  // The first strings of the /ID arrays; none at all (poppler takes an empty one) too.
  std::vector<Bytes> ids = {Bytes()};
  std::vector<std::pair<std::int64_t, std::int64_t>> id_references;
  const std::vector<std::size_t> id_names = name_positions(bytes, "/ID", kMaxNames + 1);
  for (const std::size_t at : id_names) {
    ObjectReader reader(bytes, at);
    const Value array = reader.read();
    if (array.kind != Value::Kind::array || array.items.empty()) continue;
    const Value& given = array.items.front();
    if (given.kind == Value::Kind::reference) {
      const std::pair<std::int64_t, std::int64_t> reference{given.integer, given.generation};
      if (std::find(id_references.begin(), id_references.end(), reference) != id_references.end())
        continue;
      id_references.push_back(reference);
      if (id_references.size() > 4) break;  // each a search of the whole file
    }
    const Value first = resolved(file, &given);
    if (first.kind == Value::Kind::string &&
        std::find(ids.begin(), ids.end(), first.text) == ids.end())
      ids.push_back(first.text);
    if (ids.size() > kMost + 1) break;
  }
  if (id_names.size() > kMaxNames || id_references.size() > 4 || ids.size() > kMost + 1) {
    encryption.encrypted = true;
    encryption.too_many = true;
    return encryption;
  }
  const auto add = [&](PdfStreamKey key) {
    if (std::find(encryption.keys.begin(), encryption.keys.end(), key) != encryption.keys.end())
      return;
    if (encryption.keys.size() >= PdfEncryption::kMaxKeys) {
      encryption.too_many = true;
      return;
    }
    encryption.keys.push_back(std::move(key));
  };
  for (const Value& dictionary : dictionaries) {
    const Handler handler = read_handler(file, dictionary);
    if (handler.identity) continue;
    encryption.encrypted = true;
    if (!handler.problem.empty()) {
      if (encryption.unmeasured.empty()) encryption.unmeasured = handler.problem;
      continue;
    }
    if (handler.cipher == PdfStreamKey::Cipher::aes256) {
      for (Bytes& key : aes256_file_keys(handler))
        add({handler.cipher, std::move(key)});
      continue;
    }
    if (!rc4_cipher()) {  // Algorithms 4 and 5 check the key with RC4, for AES-128 too
      encryption.unmeasured = "RC4 is not available (OpenSSL's legacy provider)";
      continue;
    }
    for (const Bytes& id : ids) {
      for (std::optional<Bytes> key :
           {rc4_file_key(handler, padding(), id), rc4_file_key_of_owner(handler, id)}) {
        if (key) add({handler.cipher, std::move(*key)});
      }
    }
  }
  if (file.exhausted) encryption.too_many = true;
  if (encryption.encrypted && encryption.keys.empty() && encryption.unmeasured.empty())
    encryption.unmeasured = "the empty password opens none of its encryption dictionaries";
  return encryption;
}

bool decipher_pdf_stream(const PdfStreamKey& key, std::uint64_t object, std::uint64_t generation,
                         std::string_view data, const std::function<bool(std::string_view)>& sink) {
  // Algorithm 1: the object's own key from the file's, its number and generation ("sAlT" for
  // AES); AES-256 takes the file's key as it is.
  Bytes object_key = key.file_key;
  if (key.cipher != PdfStreamKey::Cipher::aes256) {
    Bytes input = key.file_key;
    for (int shift = 0; shift < 24; shift += 8)
      input += static_cast<char>((object >> shift) & 0xff);
    for (int shift = 0; shift < 16; shift += 8)
      input += static_cast<char>((generation >> shift) & 0xff);
    if (key.cipher == PdfStreamKey::Cipher::aes128) input += "sAlT";
    object_key = md5(input);
    if (key.cipher == PdfStreamKey::Cipher::rc4)
      object_key.resize(std::min<std::size_t>(key.file_key.size() + 5, 16));
  }
  constexpr std::size_t kPiece = 65536;
  Bytes out;
  if (key.cipher == PdfStreamKey::Cipher::rc4) {
    Cipher cipher(rc4_cipher(), object_key, {}, false);
    for (std::size_t at = 0; at < data.size(); at += kPiece) {
      if (!cipher.run(data.substr(at, kPiece), out) || !sink(out)) return false;
    }
    return true;
  }
  if (data.size() < 32) return true;  // an IV and no block: nothing
  const std::size_t blocks = (data.size() - 16) / 16;
  Cipher cipher(key.cipher == PdfStreamKey::Cipher::aes128 ? EVP_aes_128_cbc() : EVP_aes_256_cbc(),
                object_key, data.substr(0, 16), false);
  const std::string_view body = data.substr(16, (blocks - 1) * 16);
  for (std::size_t at = 0; at < body.size(); at += kPiece) {
    if (!cipher.run(body.substr(at, kPiece), out) || !sink(out)) return false;
  }
  // The last block ends in its padding's length; poppler drops the whole block past 16.
  if (!cipher.run(data.substr(16 + body.size(), 16), out) || out.size() != 16) return false;
  const int pad = static_cast<unsigned char>(out[15]);
  out.resize(pad >= 1 && pad <= 16 ? 16 - static_cast<std::size_t>(pad) : 0);
  return out.empty() || sink(out);
}

}  // namespace vanban::indexer::detail
