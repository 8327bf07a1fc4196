#include "vanban/archive/schema.hpp"

#include <cctype>

#include "vanban/analyzers/fold.hpp"
#include "vanban/archive/blob_store.hpp"

namespace vanban::archive::schema {
namespace {

std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string term(std::string_view prefix, std::string_view key) {
  std::string result;
  result.reserve(prefix.size() + key.size());
  result.append(prefix);
  result.append(key);
  if (result.size() <= kMaxTermBytes) return result;
  // Cut on a UTF-8 boundary and add a hash of the whole key so distinct long keys stay distinct.
  const std::string hash = sha256_hex(key).substr(0, 16);
  std::size_t cut = kMaxTermBytes - hash.size() - 1;
  while (cut > 0 && (static_cast<unsigned char>(result[cut]) & 0xC0) == 0x80)
    --cut;
  result.resize(cut);
  result.push_back('#');
  result.append(hash);
  return result;
}

std::string issuer_key(std::string_view issuer) {
  return collapse_spaces(analyzers::fold(issuer));
}

std::string type_key(std::string_view type) {
  return collapse_spaces(analyzers::fold(type));
}

std::string path_key(std::string_view path) {
  return sha256_hex(path);
}

// Each item: its length as a base-128 varint, then its bytes.
std::string serialise_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    std::size_t length = item.size();
    while (length >= 0x80) {
      out.push_back(static_cast<char>((length & 0x7F) | 0x80));
      length >>= 7;
    }
    out.push_back(static_cast<char>(length));
    out.append(item);
  }
  return out;
}

std::vector<std::string> unserialise_list(std::string_view serialised) {
  std::vector<std::string> items;
  std::size_t pos = 0;
  while (pos < serialised.size()) {
    std::size_t length = 0;
    int shift = 0;
    while (pos < serialised.size()) {
      const auto byte = static_cast<unsigned char>(serialised[pos++]);
      length |= static_cast<std::size_t>(byte & 0x7F) << shift;
      shift += 7;
      if ((byte & 0x80) == 0) break;
    }
    if (length > serialised.size() - pos) break;  // corrupt: keep what was whole
    items.emplace_back(serialised.substr(pos, length));
    pos += length;
  }
  return items;
}

}  // namespace vanban::archive::schema
