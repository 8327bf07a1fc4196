#include "schema.hpp"

#include <algorithm>
#include <cctype>

#include "vanban/analyzers/fold.hpp"

#include "blob_store.hpp"

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

std::string analysis_term(std::uint32_t version) {
  return std::string(kAnalysis) + std::to_string(version);
}

std::optional<std::uint32_t> analysis_version_of(std::string_view term) {
  if (!term.starts_with(kAnalysis)) return std::nullopt;
  const std::string_view digits = term.substr(kAnalysis.size());
  // Ten digits may overflow 32 bits: such a term is not one this code wrote.
  if (digits.empty() || digits.size() > 9 || (digits.size() > 1 && digits.front() == '0'))
    return std::nullopt;
  std::uint32_t version = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    version = version * 10 + static_cast<std::uint32_t>(c - '0');
  }
  return version;
}

AnalysisState analysis_state(const Xapian::Database& database, std::uint32_t version) {
  AnalysisState state;
  state.version = version;
  state.documents = database.get_doccount();
  std::uint64_t versioned = 0;
  const std::string prefix(kAnalysis);
  for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
    const std::optional<std::uint32_t> found = analysis_version_of(*it);
    if (!found) continue;
    const std::uint64_t count = it.get_termfreq();
    if (count == 0) continue;
    versioned += count;
    if (*found < version) state.stale += count;
    if (*found > version) state.newer += count;
    state.newest = std::max(state.newest, *found);
  }
  // Documents without a version were indexed before versions were stored: the oldest.
  if (state.documents > versioned) state.stale += state.documents - versioned;
  return state;
}

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

// A dash between two parts of a body's name is one separator however the text wrote and spaced
// it ("Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"): one body, one key, one facet
// value (shown as its most frequent spelling).
std::string issuer_key(std::string_view issuer) {
  const std::string folded = analyzers::fold(issuer);
  std::string spaced;
  spaced.reserve(folded.size() + 8);
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const std::string_view rest = std::string_view(folded).substr(i);
    if (rest.starts_with("\u2013") || rest.starts_with("\u2014")) {
      spaced += " - ";
      i += std::string_view("\u2013").size() - 1;
    } else if (folded[i] == '-') {
      spaced += " - ";
    } else {
      spaced += folded[i];
    }
  }
  return collapse_spaces(spaced);
}

std::string type_key(std::string_view type) {
  return collapse_spaces(analyzers::fold(type));
}

std::string path_key(std::string_view path) {
  return sha256_hex(path);
}

// Each item: its length as a base-128 varint, then its bytes.
namespace {

void append_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

// Reads a varint at `pos`; nullopt when the input ends inside it or it is too long.
std::optional<std::uint64_t> read_varint(std::string_view in, std::size_t& pos) {
  std::uint64_t value = 0;
  for (int shift = 0; pos < in.size() && shift < 64; shift += 7) {
    const auto byte = static_cast<unsigned char>(in[pos++]);
    value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string serialise_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    append_varint(out, item.size());
    out.append(item);
  }
  return out;
}

std::vector<std::string_view> list_items(std::string_view serialised) {
  std::vector<std::string_view> items;
  std::size_t pos = 0;
  while (pos < serialised.size()) {
    const auto length = read_varint(serialised, pos);
    if (!length || *length > serialised.size() - pos) break;  // corrupt: keep what was whole
    items.push_back(serialised.substr(pos, *length));
    pos += *length;
  }
  return items;
}

std::vector<std::string> unserialise_list(std::string_view serialised) {
  const std::vector<std::string_view> views = list_items(serialised);
  return {views.begin(), views.end()};
}

std::string serialise_text_size(std::uint64_t size) {
  std::string out;
  append_varint(out, size);
  return out;
}

std::optional<std::uint64_t> unserialise_text_size(std::string_view serialised) {
  std::size_t pos = 0;
  const auto size = read_varint(serialised, pos);
  if (!size || pos != serialised.size()) return std::nullopt;
  return size;
}

std::string serialise_passage_map(const PassageMap& map) {
  std::string out;
  append_varint(out, map.first_position);
  append_varint(out, map.stride);
  std::uint32_t previous = 0;
  for (const std::uint32_t offset : map.offsets) {
    append_varint(out, offset - previous);  // offsets only grow
    previous = offset;
  }
  return out;
}

std::optional<PassageMap> unserialise_passage_map(std::string_view serialised) {
  if (serialised.empty()) return std::nullopt;
  std::size_t pos = 0;
  PassageMap map;
  const auto first = read_varint(serialised, pos);
  const auto stride = read_varint(serialised, pos);
  if (!first || !stride || *stride == 0 || *first > 0xFFFFFFFFu || *stride > 0xFFFFu)
    return std::nullopt;
  map.first_position = static_cast<Xapian::termpos>(*first);
  map.stride = static_cast<Xapian::termpos>(*stride);
  std::uint64_t offset = 0;
  while (pos < serialised.size()) {
    const auto delta = read_varint(serialised, pos);
    if (!delta) return std::nullopt;
    offset += *delta;
    if (offset > 0xFFFFFFFFu) return std::nullopt;
    map.offsets.push_back(static_cast<std::uint32_t>(offset));
  }
  return map;
}

}  // namespace vanban::archive::schema
