#include "structure/citation_cursor.hpp"

#include <algorithm>

#include "symbol_scan.hpp"

namespace vanban::analyzers::structure {

const std::vector<TypeEntry>& types_longest_first() {
  static const std::vector<TypeEntry> entries = [] {
    std::vector<TypeEntry> out;
    for (const DocumentType& type : document_types())
      out.push_back({lower(type.name), &type});
    std::stable_sort(out.begin(), out.end(), [](const TypeEntry& a, const TypeEntry& b) {
      return a.lowered.size() > b.lowered.size();
    });
    return out;
  }();
  return entries;
}

const std::array<std::vector<const TypeEntry*>, 256>& types_by_first_byte() {
  static const std::array<std::vector<const TypeEntry*>, 256> table = [] {
    std::array<std::vector<const TypeEntry*>, 256> out;
    for (const TypeEntry& entry : types_longest_first())
      out[static_cast<unsigned char>(entry.lowered.front())].push_back(&entry);
    return out;
  }();
  return table;
}

bool is_clause_punctuation(char c) {
  return c == ';' || c == ',' || c == '.' || c == ':' || c == '(' || c == ')' || c == '"' ||
         c == '!' || c == '?';
}

std::size_t strip_trailing_punctuation(std::string_view text, std::size_t start, std::size_t end) {
  while (end > start) {
    const char c = text[end - 1];
    if (is_clause_punctuation(c) || c == '.') {
      --end;
    } else if (end - start >= 3 && (text.substr(end - 3, 3) == "\xE2\x80\x9D" ||
                                    text.substr(end - 3, 3) == "\xE2\x80\xA6")) {
      end -= 3;  // ” and …
    } else {
      break;
    }
  }
  return end;
}

bool starts_quote(std::string_view text, std::size_t pos) {
  return text.substr(pos, 3) == "\xE2\x80\x9C" || text.substr(pos, 3) == "\xE2\x80\x9D" ||
         (pos < text.size() && text[pos] == '"');
}

std::string clean_phrase(std::string_view text) {
  std::string out = collapse_spaces(text);
  while (!out.empty()) {
    if (out.back() == ',' || out.back() == ' ' || out.back() == ';' || out.back() == ':' ||
        out.back() == '-') {
      out.pop_back();
    } else if (out.ends_with("\xE2\x80\x9D") && out.find("\xE2\x80\x9C") == std::string::npos) {
      out.resize(out.size() - 3);  // a closing quote without its opening one
    } else {
      break;
    }
  }
  return out;
}

std::optional<std::size_t> number_after_so(const Cursor& cursor, std::size_t pos) {
  // "sô": the tone mark a typist or an OCR pass dropped; before a number it can only be "số".
  std::size_t p = pos;
  if (cursor.word_at(pos, "số"))
    p += std::string_view("số").size();
  else if (cursor.word_at(pos, "sô"))
    p += std::string_view("sô").size();
  else
    return std::nullopt;
  // "Số: 12/..." as the header writes it; "SỐ, 728/..." where an OCR engine read a speck as a
  // comma (a count's "một số, ..." is followed by no number).
  if (p < cursor.text.size() && (cursor.text[p] == ':' || cursor.text[p] == ',')) ++p;
  p = cursor.skip_spaces(p);
  if (p < cursor.text.size() && cursor.text[p] >= '0' && cursor.text[p] <= '9') return p;
  // "số I195/QĐ-BGDĐT": an OCR engine's I (or l) for the number's first 1 (the symbol scanner
  // reads it so).
  if (p + 2 < cursor.text.size() && (cursor.text[p] == 'I' || cursor.text[p] == 'l') &&
      cursor.text[p + 1] >= '0' && cursor.text[p + 1] <= '9' && cursor.text[p + 2] >= '0' &&
      cursor.text[p + 2] <= '9')
    return p;
  // "số ] 49/2016/NĐ-CP": a bracket read for that 1 (symbol_scan.hpp).
  if (detail::bracket_read_for_one(cursor.text, p) > 0) return p;
  return std::nullopt;
}

bool citation_starts_at(const Cursor& cursor, std::size_t pos) {
  const TypeEntry* entry = type_at(cursor, pos);
  if (!entry) return false;
  std::size_t p = cursor.skip_spaces(pos + entry->lowered.size());
  if (number_after_so(cursor, p)) return true;
  if (p < cursor.text.size() && cursor.text[p] >= '0' && cursor.text[p] <= '9') return true;
  return entry->type->cited_by_name && starts_upper(cursor.text.substr(pos, 4));
}

}  // namespace vanban::analyzers::structure
