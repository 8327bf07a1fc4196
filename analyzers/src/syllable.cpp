// The Vietnamese syllable as (initial)(vowel cluster)(final): the closed lists of the orthography,
// written once as data. Loose where it costs nothing (no k/gh/ngh-before-front-vowel rules), so
// that real text always passes; strict where mojibake fails (clusters, finals, tone on a stop).
#include "syllable.hpp"

#include <cstdint>
#include <string>

#include "vietnamese_letters.hpp"

namespace vanban::analyzers::syllable {
namespace {

// Classes of final consonant a vowel cluster admits.
enum Finals : unsigned {
  kOpen = 1,     // no final: "ca", "hoa", "tuổi"
  kLabial = 2,   // m n p t: "cam", "bàn", "đẹp", "mặt"
  kVelar = 4,    // ng c (k in names): "làng", "học", "Đắk"
  kPalatal = 8,  // nh ch: "anh", "sách", "quỳnh"
};

struct Cluster {
  std::u32string_view vowels;  // without tone
  unsigned finals;
};

constexpr unsigned kClosed = kLabial | kVelar;
constexpr unsigned kAll = kOpen | kLabial | kVelar | kPalatal;

// Every vowel cluster of the orthography and the finals it takes (the "vần" table).
constexpr Cluster kClusters[] = {
    {U"a", kAll},
    {U"ă", kClosed},
    {U"â", kClosed},
    {U"e", kOpen | kClosed},
    {U"ê", kOpen | kLabial | kPalatal},
    {U"i", kOpen | kLabial | kPalatal},
    {U"o", kOpen | kClosed},
    {U"ô", kOpen | kClosed},
    {U"ơ", kOpen | kLabial},
    {U"u", kOpen | kClosed},
    {U"ư", kOpen | kClosed},
    {U"y", kOpen},
    {U"ai", kOpen},
    {U"ao", kOpen},
    {U"au", kOpen},
    {U"ay", kOpen},
    {U"âu", kOpen},
    {U"ây", kOpen},
    {U"eo", kOpen},
    {U"êu", kOpen},
    {U"ia", kOpen},
    {U"iu", kOpen},
    {U"oi", kOpen},
    {U"ôi", kOpen},
    {U"ơi", kOpen},
    {U"ui", kOpen},
    {U"ưi", kOpen},
    {U"ưu", kOpen},
    {U"ua", kOpen},
    {U"ưa", kOpen},
    {U"uơ", kOpen},
    {U"oa", kAll},
    {U"oă", kClosed},
    {U"oe", kOpen | kLabial},
    {U"oo", kVelar},
    {U"uâ", kClosed},
    {U"uê", kOpen | kLabial | kPalatal},
    {U"uy", kOpen | kLabial | kPalatal},
    {U"iê", kClosed},
    {U"yê", kClosed},
    {U"uô", kClosed},
    {U"ươ", kClosed},
    {U"uyê", kLabial},
    {U"iêu", kOpen},
    {U"yêu", kOpen},
    {U"oai", kOpen},
    {U"oay", kOpen},
    {U"uôi", kOpen},
};

// Rarer three-vowel clusters, all open.
constexpr std::u32string_view kOpenTriples[] = {U"oao", U"oeo", U"uây", U"uya",
                                                U"uyu", U"ươi", U"ươu"};

constexpr std::u32string_view kInitials[] = {
    U"",  U"ngh", U"ng", U"nh", U"ch", U"gh", U"gi", U"kh", U"ph", U"qu", U"th", U"tr", U"b", U"c",
    U"d", U"đ",   U"g",  U"h",  U"k",  U"l",  U"m",  U"n",  U"p",  U"r",  U"s",  U"t",  U"v", U"x"};

constexpr std::uint8_t kSac = 2, kNang = 5;

std::uint8_t combining_tone(char32_t cp) {
  switch (cp) {
    case 0x0300:
      return 1;  // huyền
    case 0x0301:
      return 2;  // sắc
    case 0x0309:
      return 3;  // hỏi
    case 0x0303:
      return 4;  // ngã
    case 0x0323:
      return 5;  // nặng
    default:
      return 0;
  }
}

// The final's class, or 0 when `final` is no final consonant; `stop` for p t c ch k.
unsigned final_class(std::u32string_view final, bool& stop) {
  stop = final == U"p" || final == U"t" || final == U"c" || final == U"ch" || final == U"k";
  if (final.empty()) return kOpen;
  if (final == U"m" || final == U"n" || final == U"p" || final == U"t") return kLabial;
  if (final == U"ng" || final == U"c" || final == U"k") return kVelar;
  if (final == U"nh" || final == U"ch") return kPalatal;
  return 0;
}

bool valid_rhyme(std::u32string_view rhyme, std::uint8_t tone) {
  for (const std::u32string_view triple : kOpenTriples)
    if (rhyme == triple) return true;
  for (const Cluster& cluster : kClusters) {
    if (!rhyme.starts_with(cluster.vowels)) continue;
    bool stop = false;
    const unsigned final = final_class(rhyme.substr(cluster.vowels.size()), stop);
    if ((final & cluster.finals) == 0) continue;
    if (stop && tone != kSac && tone != kNang) continue;
    return true;
  }
  return false;
}

}  // namespace

bool is_vietnamese(std::u32string_view word) {
  constexpr std::size_t kLongest = 8;  // "nghiêng", "nguyệch"
  std::u32string plain;                // lower case, tone removed
  std::uint8_t tone = 0;
  for (const char32_t cp : word) {
    if (const std::uint8_t mark = combining_tone(cp); mark != 0) {
      if (tone != 0 || plain.empty() || letters::info(plain.back()).row == letters::kNoVowel)
        return false;
      tone = mark;
      continue;
    }
    const letters::LetterInfo info = letters::info(cp);
    if (!info.known || plain.size() == kLongest) return false;
    if (info.row == letters::kNoVowel) {
      plain.push_back(info.lower);
      continue;
    }
    if (info.tone != 0) {
      if (tone != 0) return false;
      tone = info.tone;
    }
    plain.push_back(letters::compose(info.row, 0));
  }
  const std::u32string_view text(plain);
  for (const std::u32string_view initial : kInitials) {
    if (text.starts_with(initial) && valid_rhyme(text.substr(initial.size()), tone)) return true;
  }
  return false;
}

bool is_name_syllable(std::u32string_view word) {
  if (is_vietnamese(word)) return true;
  std::u32string plain;  // lower case, tone removed
  bool toned = false;
  for (const char32_t cp : word) {
    const letters::LetterInfo info = letters::info(cp);
    if (!info.known) return false;
    if (info.tone != 0) {
      if (toned) return false;
      toned = true;
    }
    plain.push_back(info.row == letters::kNoVowel ? info.lower : letters::compose(info.row, 0));
  }
  const auto is_vowel = [](char32_t c) { return letters::info(c).row != letters::kNoVowel; };
  std::size_t first = 0;
  while (first < plain.size() && !is_vowel(plain[first]))
    ++first;
  std::size_t end = first;
  while (end < plain.size() && is_vowel(plain[end]))
    ++end;
  if (first == end) return false;  // no vowel
  const std::u32string_view vowels = std::u32string_view(plain).substr(first, end - first);
  const std::u32string_view final = std::u32string_view(plain).substr(end);
  bool cluster = false;
  for (const Cluster& known : kClusters)
    cluster = cluster || known.vowels == vowels;
  for (const std::u32string_view triple : kOpenTriples)
    cluster = cluster || triple == vowels;
  if (!cluster) return false;
  if (final.empty()) return vowels != U"ă" && vowels != U"â";
  bool stop = false;
  return final_class(final, stop) != 0 || final == U"r" || final == U"l" || final == U"h" ||
         final == U"s";
}

}  // namespace vanban::analyzers::syllable
