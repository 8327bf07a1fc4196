#include "charset.hpp"

#include <algorithm>
#include <memory>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "vanban/analyzers/normalize.hpp"

namespace vanban::indexer::detail {
namespace {

struct ConverterClose {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

bool is_utf8_name(std::string_view name) {
  return name == "utf-8" || name == "utf8";
}

}  // namespace

std::string declared_charset(std::string_view bytes) {
  std::string head(bytes.substr(0, 4096));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  // Covers <meta charset="x">, <meta http-equiv content="text/html; charset=x"> and the
  // encoding="x" of an XHTML declaration.
  for (const std::string_view key : {"charset=", "encoding="}) {
    auto at = head.find(key);
    if (at == std::string::npos) continue;
    at += key.size();
    while (at < head.size() && (head[at] == '"' || head[at] == '\'' || head[at] == ' '))
      ++at;
    const auto end = head.find_first_of("\"' ;/>\t\r\n", at);
    std::string name = head.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (!name.empty()) return name;
  }
  return {};
}

Utf8Text html_to_utf8(std::string_view bytes) {
  const std::string charset = declared_charset(bytes);
  const bool has_bom = bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") ||
                       bytes.starts_with("\xFE\xFF");
  if (!has_bom && !charset.empty() && !is_utf8_name(charset)) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterClose> converter(ucnv_open(charset.c_str(), &status));
    if (U_SUCCESS(status)) {
      icu::UnicodeString unicode(bytes.data(), static_cast<int32_t>(bytes.size()), converter.get(),
                                 status);
      if (U_SUCCESS(status)) {
        std::string utf8;
        unicode.toUTF8String(utf8);
        return {analyzers::normalize_nfc(utf8), charset, 0};
      }
    }
    // A charset ICU does not know: let the detector decide.
  }
  // Legacy mojibake is left to the reader, which knows the fonts of the elements.
  analyzers::DecodeOptions options;
  options.repair_legacy_text = false;
  auto decoded = analyzers::decode_text(bytes, options);
  return {std::move(decoded.text), std::move(decoded.encoding), decoded.replaced};
}

}  // namespace vanban::indexer::detail
