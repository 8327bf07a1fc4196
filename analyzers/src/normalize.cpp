// Bytes to clean UTF-8 in NFC (docs/domain.md §6, §7.1). UTF-8 is checked and cleaned by hand (it
// is almost all input); UTF-16 and Windows-1258 go through ICU converters; NFC through ICU on
// UTF-8.
#include "vanban/analyzers/normalize.hpp"

#include <memory>
#include <string_view>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unistr.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include "vanban/analyzers/legacy_encoding.hpp"

#include "utf8.hpp"

namespace vanban::analyzers {
namespace {

// Unicode spaces that become ' ' (docs/domain.md §7.1): NBSP, Ogham, en/em/thin/hair..., narrow
// NBSP, medium mathematical space, ideographic space.
bool is_unified_space(char32_t cp) {
  return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// Removed: NUL (real gazette texts hold them), stray byte-order marks, zero-width spaces.
bool is_dropped(char32_t cp) {
  return cp == 0 || cp == 0xFEFF || cp == 0x200B;
}

// The length of the valid UTF-8 sequence at `pos`, or 0 when it is invalid; `invalid_length` is
// then the maximal subpart to replace with one U+FFFD (Unicode §3.9, as ICU and browsers do).
std::size_t sequence_length(std::string_view bytes, std::size_t pos, std::size_t& invalid_length) {
  const auto at = [&](std::size_t i) -> unsigned { return static_cast<unsigned char>(bytes[i]); };
  const unsigned lead = at(pos);
  invalid_length = 1;
  std::size_t need = 0;
  unsigned low = 0x80;
  unsigned high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  for (std::size_t i = 1; i <= need; ++i) {
    if (pos + i >= bytes.size()) return 0;
    const unsigned next = at(pos + i);
    if (next < low || next > high) return 0;
    low = 0x80, high = 0xBF;
    invalid_length = i + 1;
  }
  return need + 1;
}

struct Utf8Census {
  std::size_t invalid = 0;
  std::size_t multibyte = 0;
};

Utf8Census utf8_census(std::string_view bytes) {
  Utf8Census census;
  for (std::size_t pos = 0; pos < bytes.size();) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    std::size_t invalid_length = 0;
    const std::size_t length = sequence_length(bytes, pos, invalid_length);
    if (length == 0) {
      ++census.invalid;
      pos += invalid_length;
    } else {
      ++census.multibyte;
      pos += length;
    }
  }
  return census;
}

// UTF-8 (possibly damaged) to clean UTF-8: invalid sequences → U+FFFD (counted), NUL and
// zero-width characters dropped, Unicode spaces unified.
std::string clean_utf8(std::string_view bytes, std::size_t& replaced) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t run_start = 0;  // ASCII and untouched sequences are copied in runs
  const auto flush = [&](std::size_t pos) { out.append(bytes.substr(run_start, pos - run_start)); };
  for (std::size_t pos = 0; pos < bytes.size();) {
    const unsigned char byte = static_cast<unsigned char>(bytes[pos]);
    if (byte < 0x80) {
      if (byte == 0) {
        flush(pos);
        run_start = pos + 1;
      }
      ++pos;
      continue;
    }
    std::size_t invalid_length = 0;
    const std::size_t length = sequence_length(bytes, pos, invalid_length);
    if (length == 0) {
      flush(pos);
      utf8::append(out, utf8::kReplacement);
      ++replaced;
      pos += invalid_length;
      run_start = pos;
      continue;
    }
    std::size_t ignored = 0;
    const char32_t cp = utf8::decode(bytes, pos, ignored);
    if (is_unified_space(cp) || is_dropped(cp)) {
      flush(pos);
      if (is_unified_space(cp)) out.push_back(' ');
      run_start = pos + length;
    }
    pos += length;
  }
  flush(bytes.size());
  return out;
}

// U+00AD SOFT HYPHEN and U+2060 WORD JOINER removed from UTF-8 text.
std::string without_invisible_marks(std::string text) {
  if (text.find("\xC2\xAD") == std::string::npos && text.find("\xE2\x81\xA0") == std::string::npos)
    return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\xC2\xAD") == 0) {
      ++i;
      continue;
    }
    if (text.compare(i, 3, "\xE2\x81\xA0") == 0) {
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

// How many non-starters (combining marks, ccc != 0) a code point puts in a run once decomposed,
// or 0 for a starter (its decomposition begins with one; the marks a precomposed letter leaves
// trailing, two at most, are not counted): an estimate from ICU's lead combining class, high
// for a mark that decomposes (into at most three).
int non_starters(UChar32 c) {
  if (u_getIntPropertyValue(c, UCHAR_LEAD_CANONICAL_COMBINING_CLASS) == 0) return 0;
  return u_getIntPropertyValue(c, UCHAR_DECOMPOSITION_TYPE) == U_DT_CANONICAL ||
                 u_getCombiningClass(c) == 0
             ? 3
             : 1;
}

// Unicode's Stream-Safe Text Format (UAX #15, section 13): no more than 30 non-starters in a
// row, a COMBINING GRAPHEME JOINER (U+034F, a starter that shows nothing) put before the one
// that would pass it. ICU puts a run of combining marks in canonical order by insertion, n²
// for n marks of mixed classes: 4 MB of marks alone (a text of nothing else, or "Zalgo"
// letters) kept `vanban extract` busy past 600 CPU s. No script writes more than a few marks
// on a letter (Vietnamese two), so no text of a language changes. Here: where a joiner goes,
// before each non-starter that would make its run pass 30 (the first only, to ask whether any).
std::vector<std::size_t> joiner_positions(std::string_view text, bool first_only) {
  std::vector<std::size_t> positions;
  int run = 0;
  const std::size_t size = text.size();
  for (std::size_t at = 0; at < size;) {
    const auto lead = static_cast<unsigned char>(text[at]);
    // Starters without a lookup: below U+0300 (a byte at a time: ASCII, and the bytes of a
    // letter whose lead is below U+0300's), Vietnamese letters (U+1E00-1EFF) and general
    // punctuation (U+2000-207F): nearly every byte of a Vietnamese text.
    if (lead < 0xCC) {
      ++at;
      run = 0;
      continue;
    }
    const auto second = at + 1 < size ? static_cast<unsigned char>(text[at + 1]) : 0;
    if ((lead == 0xE1 && second >= 0xB8 && second <= 0xBB) ||
        (lead == 0xE2 && second >= 0x80 && second <= 0x81)) {
      at += 3;
      run = 0;
      continue;
    }
    const std::size_t start = at;
    UChar32 c = 0;
    const auto length = static_cast<std::int64_t>(size);
    std::int64_t next = static_cast<std::int64_t>(at);
    U8_NEXT(text.data(), next, length, c);
    at = static_cast<std::size_t>(next);
    const int count = c < 0 ? 0 : non_starters(c);
    if (count == 0) {
      run = 0;
    } else if (run + count > 30) {
      positions.push_back(start);
      if (first_only) break;
      run = count;
    } else {
      run += count;
    }
  }
  return positions;
}

std::string stream_safe(std::string text) {
  if (joiner_positions(text, true).empty()) return text;
  const std::vector<std::size_t> positions = joiner_positions(text, false);
  std::string safe;
  safe.reserve(text.size() + positions.size() * 2);
  std::size_t copied = 0;
  for (const std::size_t at : positions) {
    safe.append(text, copied, at - copied);
    safe += "\xCD\x8F";  // U+034F
    copied = at;
  }
  safe.append(text, copied, std::string::npos);
  return safe;
}

// Whether every code point of `text` is a starter that NFC keeps as it is and that composes with
// nothing after it (NFC_Quick_Check Yes, combining class 0, and no mark leading its
// decomposition). Such a text is in NFC and stream-safe as it stands: nearly every text here,
// whose every byte would otherwise go through the joiner scan and ICU's own check, twice per
// document (decode_text(), then normalize_nfc() of the finished text). Below U+0300, Vietnamese
// letters (U+1E00-1EFF) and general punctuation but two singletons (U+2002-207F) are such
// starters without a lookup (tests/analyzers checks them against ICU); another code point is
// asked of ICU; an ill-formed sequence is left to the full path.
bool surely_nfc(std::string_view text) {
  const auto continuation = [](unsigned char byte) { return (byte & 0xC0) == 0x80; };
  const std::size_t size = text.size();
  for (std::size_t at = 0; at < size;) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) {
      ++at;
      continue;
    }
    const auto second = at + 1 < size ? static_cast<unsigned char>(text[at + 1]) : 0;
    if (lead >= 0xC2 && lead < 0xCC && continuation(second)) {  // U+0080-U+02FF
      at += 2;
      continue;
    }
    const auto third = at + 2 < size ? static_cast<unsigned char>(text[at + 2]) : 0;
    if (continuation(third) &&
        ((lead == 0xE1 && second >= 0xB8 && second <= 0xBB) ||
         (lead == 0xE2 && ((second == 0x80 && third >= 0x82) || second == 0x81)))) {
      at += 3;
      continue;
    }
    UChar32 c = 0;
    auto next = static_cast<std::int64_t>(at);
    U8_NEXT(text.data(), next, static_cast<std::int64_t>(size), c);
    if (c < 0 || u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES ||
        u_getCombiningClass(c) != 0 ||
        u_getIntPropertyValue(c, UCHAR_LEAD_CANONICAL_COMBINING_CLASS) != 0)
      return false;
    at = static_cast<std::size_t>(next);
  }
  return true;
}

std::string to_nfc(std::string text) {
  if (surely_nfc(text)) return text;
  text = stream_safe(std::move(text));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return text;
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  std::string normalised;
  normalised.reserve(text.size());
  icu::StringByteSink<std::string> sink(&normalised);
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  return U_SUCCESS(status) ? normalised : text;
}

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

// Substitutes U+FFFD for what the converter cannot map, and counts it.
void U_CALLCONV count_and_substitute(const void* context, UConverterToUnicodeArgs* args,
                                     const char* code_units, int32_t length,
                                     UConverterCallbackReason reason, UErrorCode* error) {
  if (reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR) {
    ++*static_cast<std::size_t*>(const_cast<void*>(context));
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, code_units, length, reason, error);
}

// Legacy, UTF-16 or UTF-32 bytes to UTF-8 through an ICU converter.
bool convert_with_icu(const char* converter_name, std::string_view bytes, std::string& out,
                      std::size_t& replaced) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(converter_name, &status));
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(converter.get(), count_and_substitute, &replaced, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(),
                          status);
  if (U_FAILURE(status)) return false;
  text.toUTF8String(out);
  return true;
}

// UTF-16 without a byte-order mark: most of its text is ASCII or Latin-1 (the Vietnamese
// consonants, spaces, digits), whose high byte is 0, so one byte of each pair is mostly 0 and
// the other almost never. Returns the converter name, or nullptr.
const char* bomless_utf16(std::string_view bytes) {
  constexpr std::size_t kMinimum = 8;
  if (bytes.size() < kMinimum || bytes.size() % 2 != 0) return nullptr;
  std::size_t even_zeros = 0;
  std::size_t odd_zeros = 0;
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    even_zeros += bytes[i] == '\0' ? 1 : 0;
    odd_zeros += bytes[i + 1] == '\0' ? 1 : 0;
  }
  const std::size_t units = bytes.size() / 2;
  if (odd_zeros * 10 >= units * 4 && even_zeros * 20 <= units) return "UTF-16LE";
  if (even_zeros * 10 >= units * 4 && odd_zeros * 20 <= units) return "UTF-16BE";
  return nullptr;
}

// UTF-32 without a byte-order mark: every code point is at most U+10FFFF, so of each 4-byte
// unit the high byte is 0 and the next at most 0x10 (in text, almost always 0), while the low
// byte of a letter is almost never 0. Held to nearly every unit (a damaged one or two do not
// turn it into UTF-16 garbage); UTF-16 text meets it only if every second character is a
// control character. Returns the converter name, or nullptr.
const char* bomless_utf32(std::string_view bytes) {
  constexpr std::size_t kMinimum = 8;
  const std::size_t units = bytes.size() / 4;
  if (bytes.size() < kMinimum) return nullptr;
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  std::size_t little = 0;      // units that are code points read little-endian
  std::size_t big = 0;         // ... big-endian
  std::size_t little_nul = 0;  // of those, U+0000 (NUL fill is not text)
  std::size_t big_nul = 0;
  for (std::size_t i = 0; i + 4 <= bytes.size(); i += 4) {
    if (at(i + 3) == 0 && at(i + 2) <= 0x10) {
      ++little;
      little_nul += (at(i) | at(i + 1) | at(i + 2)) == 0 ? 1 : 0;
    }
    if (at(i) == 0 && at(i + 1) <= 0x10) {
      ++big;
      big_nul += (at(i + 1) | at(i + 2) | at(i + 3)) == 0 ? 1 : 0;
    }
  }
  const auto holds = [units](std::size_t valid, std::size_t nul) {
    return valid * 100 >= units * 99 && nul * 20 <= units;
  };
  if (holds(little, little_nul)) return "UTF-32LE";
  if (holds(big, big_nul)) return "UTF-32BE";
  return nullptr;
}

}  // namespace

std::string normalize_nfc(std::string_view utf8_text) {
  std::size_t replaced = 0;
  return to_nfc(clean_utf8(utf8_text, replaced));
}

DecodedText decode_text(std::string_view bytes, const DecodeOptions& options) {
  DecodedText result;
  const char* converter = nullptr;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    result.encoding = "utf-8";
  } else if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4)) &&
             (bytes.size() < 12 || bomless_utf32(bytes.substr(4)) != nullptr)) {
    // UTF-32LE's mark begins as UTF-16LE's does; UTF-16LE text that opens with U+0000 is told
    // apart by what follows.
    bytes.remove_prefix(4);
    result.encoding = "utf-32le";
    converter = "UTF-32LE";
  } else if (bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
    bytes.remove_prefix(4);
    result.encoding = "utf-32be";
    converter = "UTF-32BE";
  } else if (bytes.starts_with("\xFF\xFE")) {
    bytes.remove_prefix(2);
    result.encoding = "utf-16le";
    converter = "UTF-16LE";
  } else if (bytes.starts_with("\xFE\xFF")) {
    bytes.remove_prefix(2);
    result.encoding = "utf-16be";
    converter = "UTF-16BE";
  } else if (const char* utf32 = bomless_utf32(bytes); utf32 != nullptr) {
    converter = utf32;
    result.encoding = converter[6] == 'L' ? "utf-32le" : "utf-32be";
  } else if (const char* utf16 = bomless_utf16(bytes); utf16 != nullptr) {
    converter = utf16;
    result.encoding = converter[6] == 'L' ? "utf-16le" : "utf-16be";
  } else {
    // Not valid UTF-8: Windows-1258, unless it is UTF-8 with a few damaged bytes (then the
    // valid multi-byte letters outnumber the errors; Windows-1258 text almost never forms one).
    const Utf8Census census = utf8_census(bytes);
    if (census.invalid == 0 || census.multibyte > census.invalid) {
      result.encoding = "utf-8";
    } else if (const auto legacy = weigh_legacy_bytes(bytes).verdict; legacy.has_value()) {
      result.encoding = result.legacy = legacy_encoding_name(*legacy);
      result.text = decode_legacy_bytes(bytes, LegacyFont{*legacy, false});
      if (options.repair_legacy_text)
        result.text = to_nfc(without_invisible_marks(std::move(result.text)));
      return result;
    } else {
      result.encoding = "windows-1258";
      converter = "windows-1258";
    }
  }
  if (converter == nullptr) {
    result.text = to_nfc(clean_utf8(bytes, result.replaced));
  } else {
    std::string converted;
    if (!convert_with_icu(converter, bytes, converted, result.replaced)) {
      // No converter (ICU data without it): keep what can be read as UTF-8, lose nothing.
      result.encoding = "utf-8";
      converted.assign(bytes);
    }
    result.text = to_nfc(clean_utf8(converted, result.replaced));
  }
  // Unicode text may still be legacy text read as Windows-1252 ("Tieáng Vieät").
  if (options.repair_legacy_text && result.encoding != "windows-1258") {
    LegacyRepair repair = detect_and_repair_legacy_text(std::move(result.text));
    result.text = std::move(repair.text);
    if (repair.encoding) result.legacy = legacy_encoding_name(*repair.encoding);
  }
  // Once legacy text is converted (TCVN3's ư is byte 0xAD, a soft hyphen when read as
  // Windows-1252, domain.md §7), the soft hyphens left are a word processor's hyphenation points
  // and the word joiners a converter's: invisible marks inside words, dropped. A caller that
  // converts legacy fonts itself (repair off) gets them as they are.
  // (A mark between a letter and its accent leaves them together: NFC again.)
  if (options.repair_legacy_text)
    result.text = to_nfc(without_invisible_marks(std::move(result.text)));
  return result;
}

}  // namespace vanban::analyzers
