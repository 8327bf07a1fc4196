// Document numbers and symbols ("số, ký hiệu"): 32/KH-UBND, 59/2023/NĐ-CP, 23-QĐ/TW.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::analyzers {

// The one normalisation of a document number, used by the extractor, the indexer and the query
// side so that "33/CT-TTg", "33/ct-ttg", "33 / CT - TTg" meet, and "59/2023/ND-CP" meets
// "59/2023/NĐ-CP". The key is ASCII lower case without spaces or leading zeros:
// "33/ct-ttg", "59/2023/nd-cp", "23-qd/tw", "66.13/2026/nq-cp", "30a/2008/nq-cp". The older form
// naming only the issuer has one key for its two spellings: "206-CP" and "206/CP" are "206/cp" (a
// slash-less "206-CP" counts only written as a code, in capitals). Returns nullopt when the text is
// not a symbol.
std::optional<std::string> symbol_key(std::string_view symbol);

// A symbol as a list of instruments shows it: its codes as ND30 Phụ lục III and the Party's
// HD 36-HD/VPTW write them, whatever the case or the Đ a writer or an OCR engine gave them:
// the type code as the type tables write it ("59/2023/ND-CP" → "59/2023/NĐ-CP", "5/2017/QD-UBND"
// → "5/2017/QĐ-UBND", "294-QD/TW" → "294-QĐ/TW") and the central issuers' codes ("TTG" →
// "TTg", "Cp" → "CP", "HDND" → "HĐND"). Other codes, the number and the separators stay as
// written; a text that is no symbol is returned as it is.
std::string canonical_symbol(std::string_view symbol);

// Which rule a symbol follows (docs/domain.md §1.4, §2.2, §3.2).
enum class SymbolForm : std::uint8_t {
  state,      // <number>/<notation>: 32/KH-UBND, 3266/UBND-NC, 927/BNV-CTTN&BĐG
  normative,  // <number>/<year>/<notation>: 59/2023/NĐ-CP, 64/2025/QH15
  party,      // <number>-<type>/<issuer>: 23-QĐ/TW, 11-QĐi/TW, 5053-CV/VPTW/nb
  // <number>/<issuer> or <number>-<issuer>, the older form that names only the issuer:
  // 50/CP, 118/TTg (1990s), 111-HĐBT, 206-CP, 87-CT (1970s-80s). Only issuer_only_symbol_at()
  // gives it.
  issuer_only,
};

// One symbol found in text.
struct SymbolMatch {
  std::size_t start = 0;  // byte span in the scanned text, as written: it may hold stray spaces
  std::size_t end = 0;    // and line breaks ("32/KH-\nUBND")
  std::string text;       // cleaned: "33/CT-TTg" (spaces and breaks removed, dashes → '-',
                          // slashes → '/'); letters keep their case and diacritics
  std::string key;        // symbol_key(text): "33/ct-ttg"
  SymbolForm form = SymbolForm::state;
  std::size_t notation_offset = 0;  // where the notation starts in `text`: "CT-TTg", "NĐ-CP",
                                    // "QĐ/TW" (ND30 Phụ lục VI's CodeNotation)
  // 1 or 2 when the last code ends in digits glued to its letters ("33/CT-TTg3", "23-QĐ/TW1"):
  // likely a footnote marker of a PDF, but it may belong to the code, so it stays in `text` and
  // `key`. The digits are the last `marker_digits` bytes of both the span and `text`. Codes
  // ending in a National Assembly term (QH15, UBTVQH14) never count as a marker.
  std::size_t marker_digits = 0;

  std::string_view number() const;    // "33", "59", "66.13", "30a" (as written, zeros kept)
  std::string_view notation() const;  // "CT-TTg", "NĐ-CP", "QĐ/TW", "CV/VPTW/nb"
};

// Every symbol in NFC text, in order, non-overlapping. Tolerant of PDF artefacts: spaces around
// the separators ("23- QĐ/TW", "33 / CT - TTg"), a symbol broken across lines after a separator
// ("76/NQ-\nCP", "59/2023/NĐ-\n CP", "08-\nCTPH/BDVTU-BCSĐUBND"), en/em/curly dashes and
// fraction slashes. A normative number may have one dot ("66.13/2026/NQ-CP", the
// Government's 66.x series). A number may end in one lower-case letter only in a State symbol
// whose notation opens with a type code ("30a/2008/NQ-CP", "15b/KH-UBND"; not "2a/3",
// "12h/ngày", "5a/CP"). Dates ("26/11/2021"), ranges ("2026 - 2030") and ordinary words are
// not symbols. A code joined through spaces or a line break must look like a code (upper case).
// Lists sharing one symbol ("217, 218-QĐ/TW") yield only the last number; expanding them is
// the caller's job.
std::vector<SymbolMatch> find_symbols(std::string_view nfc_text);

// A symbol of the older form that names only its issuer (SymbolForm::issuer_only: "50/CP",
// "111-HĐBT", "118/TTg") starting exactly at byte `pos`, or nullopt. A number and one code is
// too like other text ("Mẫu số 01/PLI", "04-A") to be looked for everywhere, so find_symbols()
// does not; callers read it where a document number must stand (after "số" of a cited
// instrument or of a header). The code must look like one: two letters at least, upper case
// but for the built-in exceptions ("TTg").
std::optional<SymbolMatch> issuer_only_symbol_at(std::string_view nfc_text, std::size_t pos);

// The match without its possible footnote marker ("33/CT-TTg3" → "33/CT-TTg", with span, text
// and key cut), or nullopt when marker_digits is 0.
std::optional<SymbolMatch> without_marker(const SymbolMatch& match);

}  // namespace vanban::analyzers
