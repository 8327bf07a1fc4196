// Detection of TCVN3 and VNI-WIN text (docs/domain.md §6.4, point 2): read the text with each table
// and count the words that become Vietnamese syllables. The right table turns almost every word
// with a non-ASCII letter into a syllable; a wrong one (or the right text read as legacy) leaves
// symbols inside words ("c¸c", "Vieät") and clusters no syllable has.
#include <string>
#include <utility>
#include <vector>

#include "vanban/analyzers/legacy_encoding.hpp"

#include "legacy_decode.hpp"
#include "legacy_tables.hpp"
#include "syllable.hpp"
#include "utf8.hpp"
#include "vietnamese_letters.hpp"

namespace vanban::analyzers {
namespace {

// The rules of the verdict. A legacy reading must give at least kMinimumWords syllables, be a
// syllable in at least kMinimumPercent of its words, and give more than kAdvantage times as many
// syllables as the text read as it is (plus kMinimumWords: a short text must win clearly). Real
// Vietnamese read as it is scores about 95% and its legacy readings far below; legacy text read
// as it is scores below 10% (figures in tests/analyzers/legacy_detection_test.cpp).
constexpr std::size_t kMinimumWords = 3;
constexpr std::size_t kMinimumPercent = 80;
constexpr std::size_t kAdvantage = 2;
// Evidence is weighed on the first 256 KB of bytes, or of the lines that may be mojibake:
// hundreds of times what the verdict needs, and memory stays bounded on a 100 MB file.
constexpr std::size_t kSample = 256 * 1024;

struct Tally {
  std::size_t valid = 0;
  std::size_t invalid = 0;
  long net() const { return static_cast<long>(valid) - static_cast<long>(invalid); }
};

bool is_ascii_letter(char32_t unit) {
  return (unit >= U'a' && unit <= U'z') || (unit >= U'A' && unit <= U'Z');
}

// A unit that may be part of a word in some reading: an ASCII letter, a byte from 0xA1 (letters
// of TCVN3, VNI and Windows-1258 all lie there), a combining mark. Bytes 0x80-0xA0 are
// punctuation in every reading (quotes, dashes, no-break space) and separate words.
bool is_word_unit(char32_t unit) {
  return is_ascii_letter(unit) || (unit >= 0xA1 && unit < 0x100) ||
         (unit >= 0x0300 && unit <= 0x036F);
}

enum class Reading { as_is_1258, as_is_1252, tcvn3, vni };

std::u32string read_word(std::u32string_view word, Reading reading) {
  switch (reading) {
    case Reading::as_is_1258:
      return legacy::decode_as_is(word, true);
    case Reading::as_is_1252:
      return legacy::decode_as_is(word, false);
    case Reading::tcvn3:  // capitals: no case guessing, syllables do not depend on case
      return legacy::decode(word, {LegacyEncoding::tcvn3, true});
    case Reading::vni:
      break;
  }
  return legacy::decode(word, {LegacyEncoding::vni, false});
}

// The words of the units (the same words for every reading) that hold a non-ASCII unit, read
// one way, as syllables or not. A word of one unit is left out: a lone symbol ("×" ticks in a
// table, "§") is a one-letter syllable in TCVN3 ("ì", "Đ") and says nothing.
Tally tally(std::u32string_view units, Reading reading) {
  Tally counts;
  for (std::size_t i = 0; i < units.size();) {
    if (!is_word_unit(units[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    bool non_ascii = false;
    while (end < units.size() && is_word_unit(units[end])) {
      non_ascii = non_ascii || units[end] >= 0x80;
      ++end;
    }
    if (non_ascii && end - i > 1) {
      if (syllable::is_vietnamese(read_word(units.substr(i, end - i), reading))) {
        ++counts.valid;
      } else {
        ++counts.invalid;
      }
    }
    i = end;
  }
  return counts;
}

std::optional<LegacyEncoding> verdict(const Tally& as_is, const Tally& tcvn3, const Tally& vni) {
  const bool tcvn3_better = tcvn3.net() >= vni.net();
  const Tally& best = tcvn3_better ? tcvn3 : vni;
  if (best.valid < kMinimumWords) return std::nullopt;
  if (best.valid * 100 < (best.valid + best.invalid) * kMinimumPercent) return std::nullopt;
  if (best.valid < kAdvantage * as_is.valid + kMinimumWords) return std::nullopt;
  return tcvn3_better ? LegacyEncoding::tcvn3 : LegacyEncoding::vni;
}

LegacyEvidence weigh(std::u32string_view units, bool windows_1258) {
  const Tally as_is = tally(units, windows_1258 ? Reading::as_is_1258 : Reading::as_is_1252);
  const Tally tcvn3 = tally(units, Reading::tcvn3);
  const Tally vni = tally(units, Reading::vni);
  LegacyEvidence evidence;
  evidence.as_is_valid = as_is.valid;
  evidence.as_is_invalid = as_is.invalid;
  evidence.tcvn3_valid = tcvn3.valid;
  evidence.tcvn3_invalid = tcvn3.invalid;
  evidence.vni_valid = vni.valid;
  evidence.vni_invalid = vni.invalid;
  evidence.verdict = verdict(as_is, tcvn3, vni);
  return evidence;
}

// A line of UTF-8 text that may be mojibake: every character it holds that is not ASCII stood
// for one byte, none is a Vietnamese letter outside Latin-1 (those are real Unicode), and there
// is at least one.
bool may_be_mojibake(std::string_view line) {
  bool high = false;
  for (std::size_t pos = 0; pos < line.size();) {
    if (static_cast<unsigned char>(line[pos]) < 0x80) {
      ++pos;
      continue;
    }
    std::size_t length = 0;
    const char32_t cp = utf8::decode(line, pos, length);
    if (cp >= 0x100 && letters::info(cp).known) return false;
    high = high || legacy::byte_of(cp) >= 0x80;
    pos += length;
  }
  return high;
}

template <typename Visit>
void for_each_line(std::string_view text, Visit visit) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    visit(text.substr(start, end - start), last);
    if (last) break;
    start = end + 1;
  }
}

}  // namespace

LegacyEvidence weigh_legacy_bytes(std::string_view bytes) {
  return weigh(legacy::units_of_bytes(bytes.substr(0, legacy::piece_length(bytes, kSample))), true);
}

LegacyEvidence weigh_legacy_text(std::string_view utf8_text) {
  std::u32string units;
  for_each_line(utf8_text, [&](std::string_view line, bool) {
    if (units.size() >= kSample || !may_be_mojibake(line)) return;
    units += legacy::units_of_text(line.substr(0, legacy::piece_length(line, kSample)));
    units.push_back(U'\n');
  });
  if (units.empty()) return {};
  return weigh(units, false);
}

LegacyRepair detect_and_repair_legacy_text(std::string text) {
  LegacyRepair repair;
  const LegacyEvidence evidence = weigh_legacy_text(text);
  if (!evidence.verdict) {
    repair.text = std::move(text);
    return repair;
  }
  const std::string_view utf8_text(text);
  const LegacyFont font{*evidence.verdict, false};
  repair.text.reserve(utf8_text.size() + utf8_text.size() / 4);
  for_each_line(utf8_text, [&](std::string_view line, bool last) {
    bool converted = false;
    if (may_be_mojibake(line)) {
      // The text as a whole is legacy; a line stays only if it reads better as it is.
      const std::u32string units = legacy::units_of_text(line);
      const Reading reading =
          font.encoding == LegacyEncoding::tcvn3 ? Reading::tcvn3 : Reading::vni;
      if (tally(units, Reading::as_is_1252).net() <= tally(units, reading).net()) {
        repair.text += legacy::to_utf8_nfc(legacy::decode(units, font));
        ++repair.lines_converted;
        converted = true;
      }
    }
    if (!converted) repair.text += line;
    if (!last) repair.text += '\n';
  });
  if (repair.lines_converted > 0) repair.encoding = evidence.verdict;
  return repair;
}

}  // namespace vanban::analyzers
