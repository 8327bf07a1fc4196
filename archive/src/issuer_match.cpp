#include "issuer_match.hpp"

#include <array>

#include "schema.hpp"

namespace vanban::archive {
namespace {

struct Abbreviation {
  std::string_view short_form;  // folded, as a whole word
  std::string_view long_form;
};

// Abbreviations of issuer names allowed by ND30 ("viết tắt những cụm từ thông dụng") and seen in
// citations; folded so they meet schema::issuer_key.
constexpr std::array<Abbreviation, 12> kAbbreviations{{
    {"ubnd", "uy ban nhan dan"},
    {"hdnd", "hoi dong nhan dan"},
    {"tp", "thanh pho"},
    {"tp.", "thanh pho"},
    {"tw", "trung uong"},
    {"bch", "ban chap hanh"},
    {"mttq", "mat tran to quoc"},
    {"ttg", "thu tuong chinh phu"},
    {"cp", "chinh phu"},
    {"ubtvqh", "uy ban thuong vu quoc hoi"},
    {"qh", "quoc hoi"},
    {"btv", "ban thuong vu"},
}};

}  // namespace

std::string expanded_issuer_key(std::string_view issuer) {
  return expand_abbreviations(schema::issuer_key(issuer));
}

std::string expand_abbreviations(std::string_view key) {
  std::string out;
  out.reserve(key.size() + 16);
  std::size_t start = 0;
  while (start < key.size()) {
    std::size_t end = key.find(' ', start);
    if (end == std::string_view::npos) end = key.size();
    const std::string_view word = key.substr(start, end - start);
    std::string_view replacement = word;
    for (const Abbreviation& abbreviation : kAbbreviations)
      if (abbreviation.short_form == word) replacement = abbreviation.long_form;
    if (!out.empty()) out.push_back(' ');
    out.append(replacement);
    start = end + 1;
  }
  return out;
}

bool key_contains(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return false;
  std::size_t from = 0;
  while (true) {
    const std::size_t at = haystack.find(needle, from);
    if (at == std::string_view::npos) return false;
    const std::size_t end = at + needle.size();
    const bool starts_word = at == 0 || haystack[at - 1] == ' ';
    const bool ends_word = end == haystack.size() || haystack[end] == ' ';
    if (starts_word && ends_word) return true;
    from = at + 1;
  }
}

bool issuers_compatible(std::string_view a, std::string_view b) {
  const std::string key_a = expanded_issuer_key(a);
  const std::string key_b = expanded_issuer_key(b);
  return key_contains(key_a, key_b) || key_contains(key_b, key_a);
}

}  // namespace vanban::archive
