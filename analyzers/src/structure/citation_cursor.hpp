// Internal to the citation reader: a cursor over one flowed paragraph and the word-level
// helpers shared by the reading of citations (citations.cpp) and of their issuers
// (issuer_parser.cpp).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "structure/number_lists.hpp"
#include "structure/tables.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers::structure {

// A view of one flowed paragraph with its lower-cased twin (same byte offsets).
struct Cursor {
  std::string_view text;
  std::string lowered;
  SymbolIndex symbols;

  explicit Cursor(std::string_view t) : text(t), lowered(lower_same_length(t)), symbols(t) {}

  bool word_boundary_before(std::size_t pos) const {
    return pos == 0 || !is_word_char(code_point_before(text, pos));
  }
  bool word_boundary_after(std::size_t pos) const {
    return pos >= text.size() || !is_word_char(code_point_at(text, pos));
  }
  // The lower-case `word` (or phrase) at pos, as whole words.
  // Tried against lists of words at every word of a text: the first byte rejects most before
  // a comparison is called.
  bool word_at(std::size_t pos, std::string_view word) const {
    return pos + word.size() <= lowered.size() && (word.empty() || lowered[pos] == word[0]) &&
           std::string_view(lowered).substr(pos, word.size()) == word &&
           word_boundary_after(pos + word.size());
  }
  // A fixed formula of three words or more typed with one plain letter for another ("hết liệu
  // lực" in a gazette print for "hết hiệu lực"): nothing else reads so.
  // Tried at every word: the first byte rejects most positions before the words are counted.
  bool formula_slip_at(std::size_t pos, std::string_view words) const {
    if (words.empty() || pos + words.size() > lowered.size() || lowered[pos] != words[0])
      return false;
    if (std::count(words.begin(), words.end(), ' ') < 2) return false;
    int slips = 0;
    for (std::size_t i = 0; i < words.size() && slips <= 1; ++i) {
      if (lowered[pos + i] == words[i]) continue;
      const auto letter = [](char c) { return c >= 'a' && c <= 'z'; };
      if (!letter(lowered[pos + i]) || !letter(words[i])) return false;
      ++slips;
    }
    return slips == 1 && word_boundary_after(pos + words.size());
  }
  std::size_t skip_spaces(std::size_t pos) const {
    while (pos < text.size() && text[pos] == ' ')
      ++pos;
    return pos;
  }
  // End of the word starting at pos (up to a space).
  std::size_t word_end(std::size_t pos) const {
    while (pos < text.size() && text[pos] != ' ')
      ++pos;
    return pos;
  }
};

struct TypeEntry {
  std::string lowered;
  const DocumentType* type;
};

// Type names in lower case, longest first, and the same by their first byte (each list longest
// first).
const std::vector<TypeEntry>& types_longest_first();
const std::array<std::vector<const TypeEntry*>, 256>& types_by_first_byte();

// The type name starting at pos as whole words, or nullptr. Inline: it is tried at every
// position of a paragraph, and most positions are rejected on one lookup; the others try only
// the names that start with their byte.
inline const TypeEntry* type_at(const Cursor& cursor, std::size_t pos) {
  if (pos >= cursor.lowered.size()) return nullptr;
  const std::vector<const TypeEntry*>& candidates =
      types_by_first_byte()[static_cast<unsigned char>(cursor.lowered[pos])];
  if (candidates.empty() || !cursor.word_boundary_before(pos)) return nullptr;
  for (const TypeEntry* entry : candidates)
    if (cursor.word_at(pos, entry->lowered)) return entry;
  return nullptr;
}

// Words that open the subject of a cited instrument ("về ...", "ban hành Quy chế ...").
inline constexpr std::array kTitleOpeners = {
    std::string_view{"v/v"},      std::string_view{"về"},        std::string_view{"ban hành"},
    std::string_view{"quy định"}, std::string_view{"hướng dẫn"}, std::string_view{"phê duyệt"},
    std::string_view{"sửa đổi"},  std::string_view{"bãi bỏ"},    std::string_view{"thành lập"},
};

template <std::size_t N>
std::size_t phrase_at(const Cursor& cursor, std::size_t pos,
                      const std::array<std::string_view, N>& phrases) {
  for (std::string_view phrase : phrases)
    if (cursor.word_at(pos, phrase)) return phrase.size();
  return 0;
}

// A list of words (`words(item)` of each of `items`, at most 255) by the first byte of the
// words: for a byte, the indexes of the items whose words start with it, in the list's order.
// At a position whose lower-cased byte starts none, none stands (word_at and formula_slip_at
// compare the first byte first); elsewhere only these are tried, in the order of the list.
template <std::size_t N>
struct ByFirstByte {
  std::array<std::array<std::uint8_t, N>, 256> items{};
  std::array<std::uint8_t, 256> count{};
};

template <class Item, std::size_t N, class Words>
constexpr ByFirstByte<N> by_first_byte(const std::array<Item, N>& items, Words words) {
  static_assert(N < 256);
  ByFirstByte<N> out;
  for (std::size_t i = 0; i < N; ++i) {
    if (words(items[i]).empty()) continue;
    const auto byte = static_cast<unsigned char>(words(items[i]).front());
    out.items[byte][out.count[byte]++] = static_cast<std::uint8_t>(i);
  }
  return out;
}

bool is_clause_punctuation(char c);

// The end of a word without its trailing punctuation and closing quotes ("sự.”" → "sự").
std::size_t strip_trailing_punctuation(std::string_view text, std::size_t start, std::size_t end);

bool starts_quote(std::string_view text, std::size_t pos);

// Spaces collapsed; trailing punctuation and an unopened closing quote removed.
std::string clean_phrase(std::string_view text);

struct Parsed {
  std::size_t end = 0;
  std::string value;
  std::optional<std::string> year;  // "năm 2019" after a law's name
  std::size_t nested = 0;           // an amending law's last listed law, read again for its number
};

// "số" (with an optional colon) before a number: returns the position of the number.
std::optional<std::size_t> number_after_so(const Cursor& cursor, std::size_t pos);

// A mention of another instrument begins at pos: a type name followed by a number, or a law
// by name. Used to end subjects and issuers at the next citation of a list.
bool citation_starts_at(const Cursor& cursor, std::size_t pos);

}  // namespace vanban::analyzers::structure
