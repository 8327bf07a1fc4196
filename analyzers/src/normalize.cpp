// First version: UTF-8 and Windows-1258 through ICU. The text-analysis work refines it.
#include "vanban/analyzers/normalize.hpp"

#include <memory>

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

namespace vanban::analyzers {
namespace {

std::string nfc_of(const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString normalised = U_SUCCESS(status) ? nfc->normalize(text, status) : text;
  if (U_FAILURE(status)) normalised = text;
  normalised.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x00A0)), " ");
  std::string out;
  normalised.toUTF8String(out);
  return out;
}

}  // namespace

std::string normalize_nfc(std::string_view utf8) {
  return nfc_of(icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))));
}

DecodedText decode_text(std::string_view bytes) {
  DecodedText result;
  result.encoding = "utf-8";
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  result.text = normalize_nfc(bytes);
  return result;
}

}  // namespace vanban::analyzers
