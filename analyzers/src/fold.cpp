// Folding and tone placement from one compiled table of the Vietnamese vowels (docs/domain.md
// §6.2). ASCII and Vietnamese letters never touch ICU; other scripts use ICU's simple case mapping.
#include "vanban/analyzers/fold.hpp"

#include <array>
#include <cstdint>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "utf8.hpp"
#include "vietnamese_letters.hpp"

namespace vanban::analyzers {
namespace {

using letters::kNoVowel;
using letters::LetterInfo;

constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

bool is_combining_mark(char32_t cp) {
  return cp >= 0x0300 && cp <= 0x036F;
}

void append_lower(char32_t cp, std::string& out) {
  utf8::append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
}

bool all_ascii(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

void append_ascii_lower(std::string_view text, std::string& out) {
  const std::size_t at = out.size();
  out.append(text);
  for (std::size_t i = at; i < out.size(); ++i)
    out[i] = ascii_lower(out[i]);
}

// One letter of a run, lower case, split into its vowel row and tone.
struct RunLetter {
  char32_t lower = 0;           // the letter in lower case, tone included
  std::uint8_t row = kNoVowel;  // letters::kVowelRows index, or kNoVowel for a consonant
  std::uint8_t tone = 0;
};

// Writes a run of letters (one word) with its tone on the canonical vowel.
class SyllableWriter {
 public:
  static constexpr std::size_t kMaxLetters = 16;

  // Adds a letter; `written` is its bytes in the source, which must follow the previous one's.
  bool push(char32_t cp, std::string_view written) {
    if (count_ == kMaxLetters) return false;
    const LetterInfo info = letters::info(cp);
    RunLetter letter;
    letter.lower = info.lower;
    letter.row = info.row;
    letter.tone = info.tone;
    letters_[count_++] = letter;
    if (count_ == 1) source_begin_ = written.data();
    source_end_ = written.data() + written.size();
    changed_ = changed_ || cp != info.lower;
    return true;
  }
  bool empty() const { return count_ == 0; }

  void flush(std::string& out) {
    const std::size_t target = tone_target();
    std::uint8_t tone = 0;
    for (std::size_t i = 0; i < count_; ++i)
      tone = letters_[i].tone != 0 ? letters_[i].tone : tone;
    if (!changed_ && (target == kNone || letters_[target].tone == tone)) {
      out.append(source_begin_, source_end_);  // already lower case and canonical: most words
    } else {
      for (std::size_t i = 0; i < count_; ++i) {
        const RunLetter& letter = letters_[i];
        if (target == kNone || letter.row == kNoVowel) {
          utf8::append(out, letter.lower);
        } else {
          utf8::append(out, letters::compose(letter.row, i == target ? tone : 0));
        }
      }
    }
    count_ = 0;
    changed_ = false;
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  bool is_vowel(std::size_t i) const { return letters_[i].row != kNoVowel; }

  // Where the tone goes, or kNone to leave the word as written.
  std::size_t tone_target() const {
    std::size_t toned = 0;
    for (std::size_t i = 0; i < count_; ++i)
      toned += letters_[i].tone != 0 ? 1 : 0;
    if (toned != 1) return kNone;
    std::size_t first = 0;
    while (first < count_ && !is_vowel(first))
      ++first;
    if (first == count_) return kNone;
    // "qu" and "gi" before a vowel: the u and the i belong to the initial consonant.
    if (first > 0 && first + 1 < count_ && is_vowel(first + 1)) {
      const char32_t initial = letters_[first - 1].lower;
      const std::uint8_t row = letters_[first].row;
      if ((initial == U'q' && row == letters::kRowU) || (initial == U'g' && row == letters::kRowI))
        ++first;
    }
    std::size_t last = first;
    while (last < count_ && is_vowel(last))
      ++last;
    for (std::size_t i = last; i < count_; ++i)
      if (is_vowel(i)) return kNone;  // not one syllable
    if (!valid_final(last)) return kNone;
    const std::size_t length = last - first;
    if (length > 3) return kNone;
    std::size_t modified = kNone;
    for (std::size_t i = first; i < last; ++i)
      if (letters::has_modifier(letters_[i].row)) modified = i;
    if (modified != kNone) return modified;
    if (length == 1) return first;
    if (length == 3) return first + 1;
    return last < count_ ? first + 1 : first;
  }

  // The consonants after the vowels: none, or one of c ch m n ng nh p t.
  bool valid_final(std::size_t from) const {
    const std::size_t size = count_ - from;
    if (size == 0) return true;
    const char32_t a = letters_[from].lower;
    if (size == 1) return a == U'c' || a == U'm' || a == U'n' || a == U'p' || a == U't';
    if (size == 2) {
      const char32_t b = letters_[from + 1].lower;
      return (a == U'c' && b == U'h') || (a == U'n' && (b == U'g' || b == U'h'));
    }
    return false;
  }

  std::array<RunLetter, kMaxLetters> letters_;  // only [0, count_) is ever read
  std::size_t count_ = 0;
  const char* source_begin_ = nullptr;
  const char* source_end_ = nullptr;
  bool changed_ = false;  // some letter was upper case
};

bool is_run_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return letters::info(cp).known;
}

// Writes the exact form of NFC text; false (with `out` as it was) when the text holds a
// combining mark, which only NFD input has.
bool append_exact_nfc(std::string_view text, std::string& out) {
  const std::size_t begin = out.size();
  SyllableWriter syllable;
  for (std::size_t pos = 0; pos < text.size();) {
    const char byte = text[pos];
    if (static_cast<unsigned char>(byte) < 0x80 && !is_run_letter(static_cast<char32_t>(byte))) {
      if (!syllable.empty()) syllable.flush(out);
      out.push_back(byte);  // digits, punctuation, spaces
      ++pos;
      continue;
    }
    std::size_t length = 0;
    const char32_t cp = utf8::decode(text, pos, length);
    pos += length;
    if (is_run_letter(cp)) {
      const std::string_view written = text.substr(pos - length, length);
      if (syllable.push(cp, written)) continue;
      syllable.flush(out);  // over-long word: written as it is, in pieces
      syllable.push(cp, written);
      continue;
    }
    if (is_combining_mark(cp)) {
      out.resize(begin);
      return false;
    }
    if (!syllable.empty()) syllable.flush(out);
    append_lower(cp, out);
  }
  if (!syllable.empty()) syllable.flush(out);
  return true;
}

}  // namespace

void append_folded(std::string_view utf8_text, std::string& out) {
  for (std::size_t pos = 0; pos < utf8_text.size();) {
    const char byte = utf8_text[pos];
    if (static_cast<unsigned char>(byte) < 0x80) {
      out.push_back(ascii_lower(byte));
      ++pos;
      continue;
    }
    std::size_t length = 0;
    const char32_t cp = utf8::decode(utf8_text, pos, length);
    pos += length;
    const LetterInfo info = letters::info(cp);
    if (info.known) {
      out.push_back(info.folded);
    } else if (!is_combining_mark(cp)) {
      append_lower(cp, out);
    }
  }
}

void append_exact_form(std::string_view utf8_text, std::string& out) {
  if (all_ascii(utf8_text)) {
    append_ascii_lower(utf8_text, out);
    return;
  }
  if (append_exact_nfc(utf8_text, out)) return;
  // Rare: combining marks (NFD input). Compose first so "hoà" in NFD meets "hoà" in NFC.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string composed;
  if (U_SUCCESS(status)) {
    icu::StringByteSink<std::string> sink(&composed);
    nfc->normalizeUTF8(0,
                       icu::StringPiece(utf8_text.data(), static_cast<int32_t>(utf8_text.size())),
                       sink, nullptr, status);
  }
  if (U_FAILURE(status) || !append_exact_nfc(composed, out)) {
    // Marks that compose with nothing ("g" + overline): not Vietnamese, only lower-cased.
    const std::string_view source = U_SUCCESS(status) ? std::string_view(composed) : utf8_text;
    for (std::size_t pos = 0; pos < source.size();) {
      std::size_t length = 0;
      const char32_t cp = utf8::decode(source, pos, length);
      pos += length;
      append_lower(cp, out);
    }
  }
}

std::string fold(std::string_view utf8_text) {
  std::string out;
  out.reserve(utf8_text.size());
  append_folded(utf8_text, out);
  return out;
}

std::string exact_form(std::string_view utf8_text) {
  std::string out;
  out.reserve(utf8_text.size());
  append_exact_form(utf8_text, out);
  return out;
}

}  // namespace vanban::analyzers
