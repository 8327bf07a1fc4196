// First version through ICU decomposition. The text-analysis work replaces it with tables.
#include "vanban/analyzers/fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace vanban::analyzers {

std::string fold(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString decomposed = nfd->normalize(text, status);
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length(); ++i) {
    UChar c = decomposed.charAt(i);
    if (c >= 0x0300 && c <= 0x036F) continue;
    if (c == 0x0110 || c == 0x0111) c = u'd';
    out.append(c);
  }
  out.toLower();
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::string exact_form(std::string_view utf8) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  text.toLower();
  std::string result;
  text.toUTF8String(result);
  return result;
}

}  // namespace vanban::analyzers
