// The symbol normaliser and the public face of the symbol scanner.
#include "vanban/analyzers/symbol.hpp"

#include <algorithm>

#include "vanban/analyzers/fold.hpp"

#include "structure/tables.hpp"
#include "symbol_scan.hpp"
#include "utf8.hpp"
#include "vietnamese_letters.hpp"

namespace vanban::analyzers {
namespace {

bool is_hyphen(char32_t cp) {
  return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63 ||
         cp == 0xFF0D;
}

bool is_slash(char32_t cp) {
  return cp == '/' || cp == 0x2044 || cp == 0x2215 || cp == 0xFF0F;
}

bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x00A0 || cp == 0x2028 || cp == 0x2029;
}

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// "111-HĐBT", "206 - CP", "87-CT1": digits, a dash, then one code of letters with two capitals
// at least (a glued footnote marker of 1-2 digits allowed), as written.
bool is_hyphen_issuer_symbol(std::string_view symbol) {
  std::size_t pos = 0;
  std::size_t length = 0;
  const auto next = [&] { return utf8::decode(symbol, pos, length); };
  while (pos < symbol.size() && (is_ascii_digit(symbol[pos]) || symbol[pos] == ' '))
    ++pos;
  if (pos == 0 || pos >= symbol.size() || !is_hyphen(next())) return false;
  pos += length;
  while (pos < symbol.size() && is_space(next()))
    pos += length;
  std::size_t capitals = 0;
  std::size_t letters = 0;
  std::size_t digits = 0;
  while (pos < symbol.size()) {
    const char32_t cp = next();
    pos += length;
    if (cp >= '0' && cp <= '9') {
      ++digits;
      continue;
    }
    const char32_t letter = letters::symbol_letter(cp);
    const letters::LetterInfo info = letters::info(letter);
    if (!info.known || digits > 0) return false;
    ++letters;
    if (info.lower != letter) ++capitals;
  }
  return capitals >= 2 && letters >= 2 && digits <= 2;
}

// A key whose number ends in a letter ("30a/2008/nq-cp", "15b/kh-ubnd") is one only in the
// State forms with a type code first in the notation, as the scanner reads them.
bool letter_suffix_fits(std::string_view key, std::size_t separator) {
  if (key[separator] != '/') return false;
  std::string_view notation = key.substr(separator + 1);
  if (notation.size() > 5 && notation[4] == '/' &&
      std::all_of(notation.begin(), notation.begin() + 4, is_ascii_digit))
    notation.remove_prefix(5);  // the year
  const auto dash = notation.find('-');
  if (dash == std::string_view::npos || dash + 1 == notation.size()) return false;
  return structure::is_folded_state_type_code(notation.substr(0, dash));
}

// The issuer codes of State symbols a type code goes before (ND30 Phụ lục III, II.7): the
// People's committee and council, the Government and the Prime Minister, the Government
// Office, the State Bank and Audit, the supreme court and procuracy, the National Assembly and
// its Standing Committee (with their term, "UBTVQH15"), and the ministries ("BTC", "BYT",
// "BLĐTBXH": "B" and two letters at least). Folded.
bool is_folded_state_issuer_code(std::string_view code) {
  while (!code.empty() && is_ascii_digit(code.back()))
    code.remove_suffix(1);  // the term, or a footnote marker glued to the symbol
  static constexpr std::string_view kCodes[] = {
      "ubnd", "hdnd", "cp", "ttg", "vpcp", "nhnn", "ktnn", "tandtc", "vksndtc", "ubtvqh", "qh"};
  if (std::find(std::begin(kCodes), std::end(kCodes), code) != std::end(kCodes)) return true;
  return code.size() >= 3 && code.front() == 'b' &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A Party committee's own code, folded: the Central Committee's "tw", a province's "tu" (Tỉnh
// ủy, Thành ủy), a district's "hu", "qu", a grassroots "du" (Đảng ủy), alone or closing the code
// of one of its organs ("vptw", "btgtu"; HD 36-HD/VPTW on the Party's documents).
bool is_folded_party_committee_code(std::string_view code) {
  if (code.size() < 2 ||
      !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return false;
  const std::string_view tail = code.substr(code.size() - 2);
  return tail == "tw" || tail == "tu" || tail == "hu" || tail == "qu" || tail == "du";
}

// A Party symbol typed with the State form's separators, "26/NQ-TW" or "37/CTr-TU" (digits, a
// slash, a Party type code, a hyphen, a Party committee's code): the Party writes
// "<số>-<loại>/<cơ quan>" (HD 36-HD/VPTW), so it is the one symbol "26-nq/tw". A State issuer
// code after the hyphen ("15/KH-UBND") is the State form and stays.
bool respell_party_separators(std::string& out, std::size_t begin) {
  const std::string_view key = std::string_view(out).substr(begin);
  const auto slash = key.find('/');
  if (slash == std::string_view::npos || slash == 0 || key.find('/', slash + 1) != key.npos)
    return false;
  const auto dash = key.find('-', slash);
  if (dash == std::string_view::npos || key.find('-', dash + 1) != key.npos ||
      key.substr(0, slash).find('-') != key.npos)
    return false;
  if (!std::all_of(key.begin(), key.begin() + static_cast<std::ptrdiff_t>(slash), is_ascii_digit))
    return false;
  if (!structure::is_folded_party_type_code(key.substr(slash + 1, dash - slash - 1)) ||
      !is_folded_party_committee_code(key.substr(dash + 1)))
    return false;
  out[begin + slash] = '-';
  out[begin + dash] = '/';
  return true;
}

// A joint instrument's type code followed by a slash ("213/2013/TTLT/BTC-BLĐTBXH", the
// separators of the forms before TT 55/2005/TTLT-BNV-VPCP): the type code and the issuers'
// codes are joined by hyphens in its symbol ("213/2013/TTLT-BTC-BLĐTBXH"), one instrument.
bool respell_joint_type_slash(std::string& out, std::size_t begin) {
  bool respelled = false;
  for (const std::string_view joint : {std::string_view{"/ttlt/"}, std::string_view{"/nqlt/"}}) {
    for (auto at = out.find(joint, begin);
         at != std::string::npos && at + joint.size() < out.size(); at = out.find(joint, at + 1)) {
      const char next = out[at + joint.size()];
      if (next >= 'a' && next <= 'z') {
        out[at + joint.size() - 1] = '-';
        respelled = true;
      }
    }
  }
  return respelled;
}

}  // namespace

namespace detail {

// pdftotext (default mode) drops a hyphen that ends a line and joins the line to the next one:
// "609/TTr-" / "BYT ngày" becomes "609/TTrBYT ngày", "61/2018/NĐ-" / "CP" "61/2018/NĐCP". The
// last part of a symbol that is a State type code glued to an issuer code, with no hyphen after
// it, is the two codes: the length of the type code (in folded letters, one per code point),
// or 0. A part that is a code of its own ("TTLT", "TTCP", "HĐND") is left as it is.
std::size_t glued_type_code_length(std::string_view folded_part) {
  if (folded_part.size() < 4 || folded_part.find('-') != std::string_view::npos ||
      structure::is_folded_state_type_code(folded_part))
    return 0;
  for (std::size_t length = 2; length + 2 <= folded_part.size() && length <= 4; ++length) {
    const std::string_view type = folded_part.substr(0, length);
    const std::string_view issuer = folded_part.substr(length);
    if (!std::all_of(type.begin(), type.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      return 0;
    if (type == "tt" && issuer == "cp") continue;  // Thanh tra Chính phủ's own code
    if (structure::is_folded_state_type_code(type) && is_folded_state_issuer_code(issuer))
      return length;
  }
  return 0;
}

}  // namespace detail

namespace {

SymbolMatch to_match(std::string_view text, const detail::RawSymbol& raw) {
  SymbolMatch match;
  match.start = raw.start;
  match.end = raw.end;
  match.form = raw.form;
  match.marker_digits = raw.marker_digits;
  detail::append_clean_symbol(text, raw, 0, 0, match.text);
  // The notation starts after the pieces before it, each cleaned to its own bytes; a piece with
  // a letter outside ASCII is cleaned to find its length (a look-alike letter written as its
  // Latin letter takes fewer bytes).
  for (std::size_t i = 0; i < raw.notation_piece && i < raw.piece_count; ++i) {
    const detail::SymbolPiece& piece = raw.pieces[i];
    const std::string_view written = text.substr(piece.begin, piece.end - piece.begin);
    if (piece.separator != 0) {
      match.notation_offset += 1;
    } else if (std::all_of(written.begin(), written.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
      match.notation_offset += written.size();
    } else {
      std::string cleaned;
      detail::append_symbol_letters(written, cleaned);
      match.notation_offset += cleaned.size();
    }
  }
  match.key = symbol_key(match.text).value_or(std::string());
  return match;
}

}  // namespace

std::optional<std::string> symbol_key(std::string_view symbol) {
  std::string key;
  if (!detail::append_symbol_key(symbol, key)) return std::nullopt;
  return key;
}

std::string canonical_symbol(std::string_view symbol) {
  if (!symbol_key(symbol)) return std::string(symbol);
  // The codes of the central issuers the type code goes before (is_folded_state_issuer_code),
  // as ND30 Phụ lục III writes them.
  static constexpr std::pair<std::string_view, std::string_view> kIssuers[] = {
      {"ubnd", "UBND"}, {"hdnd", "HĐND"},     {"cp", "CP"},
      {"ttg", "TTg"},   {"vpcp", "VPCP"},     {"nhnn", "NHNN"},
      {"ktnn", "KTNN"}, {"tandtc", "TANDTC"}, {"vksndtc", "VKSNDTC"},
  };
  std::string out;
  bool type_seen = false;  // the first code after the number (and year) is the type's place
  std::size_t start = 0;
  for (std::size_t i = 0; i <= symbol.size(); ++i) {
    if (i < symbol.size() && symbol[i] != '/' && symbol[i] != '-') continue;
    const std::string_view part = symbol.substr(start, i - start);
    const bool digits = !part.empty() && std::all_of(part.begin(), part.end(), is_ascii_digit);
    std::optional<std::string_view> written;
    if (start > 0 && !part.empty() && !digits) {
      const std::string folded = fold(part);
      if (!type_seen) written = structure::written_type_code(folded);
      for (const auto& [key, spelled] : kIssuers)
        if (!written && folded == key) written = spelled;
      type_seen = true;
    }
    out += written ? *written : part;
    if (i < symbol.size()) out.push_back(symbol[i]);
    start = i + 1;
  }
  return out;
}

std::string_view SymbolMatch::number() const {
  std::size_t digits = 0;
  while (digits < text.size() && is_ascii_digit(text[digits]))
    ++digits;
  // "66.13" of 66.13/2026/NQ-CP.
  if (digits + 1 < text.size() && text[digits] == '.' && is_ascii_digit(text[digits + 1])) {
    ++digits;
    while (digits < text.size() && is_ascii_digit(text[digits]))
      ++digits;
  } else if (digits > 0 && digits + 1 < text.size() && text[digits] >= 'a' && text[digits] <= 'z' &&
             text[digits + 1] == '/') {
    ++digits;  // "30a" of 30a/2008/NQ-CP
  }
  return std::string_view(text).substr(0, digits);
}

std::string_view SymbolMatch::notation() const {
  return std::string_view(text).substr(std::min(notation_offset, text.size()));
}

std::vector<SymbolMatch> find_symbols(std::string_view nfc_text) {
  std::vector<SymbolMatch> matches;
  detail::RawSymbol raw;
  std::size_t pos = 0;
  while ((pos = detail::next_symbol_candidate(nfc_text, pos)) != std::string_view::npos) {
    if (detail::match_symbol_at(nfc_text, pos, raw)) {
      matches.push_back(to_match(nfc_text, raw));
      pos = raw.end;
    } else {
      if (!is_ascii_digit(nfc_text[pos])) ++pos;  // an OCR's "I" for 1 that led nowhere
      while (pos < nfc_text.size() && is_ascii_digit(nfc_text[pos]))
        ++pos;
    }
  }
  return matches;
}

std::optional<SymbolMatch> issuer_only_symbol_at(std::string_view nfc_text, std::size_t pos) {
  detail::RawSymbol raw;
  if (!detail::match_issuer_only_symbol_at(nfc_text, pos, raw)) return std::nullopt;
  SymbolMatch match = to_match(nfc_text, raw);
  if (match.key.empty()) return std::nullopt;
  return match;
}

std::optional<SymbolMatch> without_marker(const SymbolMatch& match) {
  if (match.marker_digits == 0 || match.marker_digits >= match.text.size()) return std::nullopt;
  SymbolMatch cut = match;
  cut.end -= match.marker_digits;
  cut.text.resize(match.text.size() - match.marker_digits);
  cut.marker_digits = 0;
  cut.key = symbol_key(cut.text).value_or(std::string());
  return cut;
}

namespace {

// One pass of the rules over `symbol`; `rewritten` tells whether a rule after the letters' clean-up
// changed the key (a separator or a code respelled), whose result the rules may read again.
bool symbol_key_pass(std::string_view symbol, std::string& out, bool& rewritten) {
  rewritten = false;
  // "33-NQITW": a Party symbol whose slash an OCR engine read as a letter is keyed as the
  // symbol it is, "33-nq/tw" (symbol_scan.hpp).
  if (symbol.find('/') == std::string_view::npos) {
    std::size_t digits = 0;
    while (digits < symbol.size() && is_ascii_digit(symbol[digits]))
      ++digits;
    if (digits > 0 && digits < symbol.size() && symbol[digits] == '-') {
      const std::string_view code = symbol.substr(digits + 1);
      if (const std::size_t at = detail::party_slash_read_as_letter(code);
          at != std::string_view::npos) {
        std::string written(symbol);
        written[digits + 1 + at] = '/';
        return detail::append_symbol_key(written, out);
      }
    }
  }
  const std::size_t begin = out.size();
  const auto fail = [&] {
    out.resize(begin);
    return false;
  };
  char32_t previous = 0;
  for (std::size_t pos = 0; pos < symbol.size();) {
    std::size_t length = 0;
    const char32_t cp = utf8::decode(symbol, pos, length);
    pos += length;
    if (is_space(cp) || (cp >= 0x0300 && cp <= 0x036F)) continue;  // spaces, NFD marks
    // "] 49/2016/NĐ-CP": the bracket an OCR engine read for the number's first 1, keyed as its
    // I is (below).
    if (cp == ']' && out.size() == begin) {
      out.push_back('i');
      continue;
    }
    // "QĐÐ": one letter an OCR engine read twice, as Đ and as its look-alike eth.
    const bool read_twice =
        (cp == 0x00D0 && previous == 0x0110) || (cp == 0x00F0 && previous == 0x0111);
    previous = cp;
    if (read_twice) continue;
    if (is_hyphen(cp) || cp == '_') {  // "_": the hyphen's key typed with Shift held
      // A hyphen read twice ("QĐ--UBND", "QĐ- -UBND") is one separator.
      if (out.size() > begin && out.back() == '-') continue;
      out.push_back('-');
    } else if (is_slash(cp)) {
      // A slash typed twice ("5959//QĐ-BVT") is one separator.
      if (out.size() > begin && out.back() == '/') continue;
      out.push_back('/');
    } else if (cp == '&' || cp == '.' || (cp >= '0' && cp <= '9')) {
      out.push_back(static_cast<char>(cp));
    } else if (const letters::LetterInfo info = letters::info(letters::symbol_letter(cp));
               info.known) {
      out.push_back(info.folded);
    } else {
      return fail();
    }
  }
  // "I195/QĐ-BGDĐT": an OCR engine's capital I or small l for the number's first digit 1, or
  // that 1 read twice ("I1280"; symbol_scan.hpp).
  if (out.size() > begin + 2 && (out[begin] == 'i' || out[begin] == 'l') &&
      is_ascii_digit(out[begin + 1]) && is_ascii_digit(out[begin + 2])) {
    if (detail::one_read_twice(std::string_view(out).substr(begin + 1)))
      out.erase(begin, 1);
    else
      out[begin] = '1';
    rewritten = true;
  }
  // The slash before a State type code lost, after the number or the year ("26NQ-TW",
  // "03/2014ND-CP"): digits, a type code tight against them, a hyphen; the slash written back.
  {
    std::size_t digits_from = begin;
    if (const auto slash = out.find('/', begin); slash != std::string::npos) {
      digits_from = slash + 1;
      for (std::size_t i = begin; i < slash; ++i)
        if (!is_ascii_digit(out[i])) digits_from = std::string::npos;
    }
    std::size_t digits = digits_from;
    while (digits != std::string::npos && digits < out.size() && is_ascii_digit(out[digits]))
      ++digits;
    const bool after_year = digits_from != begin;
    if (digits != std::string::npos && digits > digits_from &&
        (!after_year || digits - digits_from == 4)) {
      std::size_t letters_end = digits;
      while (letters_end < out.size() && out[letters_end] >= 'a' && out[letters_end] <= 'z')
        ++letters_end;
      if (letters_end > digits && letters_end < out.size() && out[letters_end] == '-' &&
          structure::is_folded_state_type_code(
              std::string_view(out).substr(digits, letters_end - digits))) {
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(digits), '/');
        rewritten = true;
      }
    }
  }
  // Leading number without leading zeros: "05/BNV-VP" is "5/bnv-vp".
  std::size_t zeros = begin;
  while (zeros + 1 < out.size() && out[zeros] == '0' && is_ascii_digit(out[zeros + 1]))
    ++zeros;
  rewritten = rewritten || zeros > begin;
  out.erase(begin, zeros - begin);
  // A Party symbol whose hyphen was lost or typed as a space ("84 QĐ/TWĐTN", "491TB/VPTW"):
  // digits, then a Party type code, then the slash and the issuer's code: "84-qd/twdtn".
  if (const auto slash = out.find('/', begin); slash != std::string::npos) {
    std::size_t digits = begin;
    while (digits < slash && is_ascii_digit(out[digits]))
      ++digits;
    if (digits > begin && slash - digits >= 2 &&
        std::all_of(out.begin() + static_cast<std::ptrdiff_t>(digits),
                    out.begin() + static_cast<std::ptrdiff_t>(slash),
                    [](char c) { return c >= 'a' && c <= 'z'; }) &&
        structure::is_folded_party_type_code(
            std::string_view(out).substr(digits, slash - digits)) &&
        slash + 1 < out.size() && out[slash + 1] >= 'a' && out[slash + 1] <= 'z') {
      out.insert(out.begin() + static_cast<std::ptrdiff_t>(digits), '-');
      rewritten = true;
    }
  }
  rewritten = respell_party_separators(out, begin) || rewritten;
  rewritten = respell_joint_type_slash(out, begin) || rewritten;
  if (const auto slash = out.rfind('/'); slash != std::string::npos && slash >= begin) {
    if (const std::size_t type =
            detail::glued_type_code_length(std::string_view(out).substr(slash + 1));
        type > 0) {
      out.insert(out.begin() + static_cast<std::ptrdiff_t>(slash + 1 + type), '-');
      rewritten = true;
    }
  }
  const std::string_view key = std::string_view(out).substr(begin);
  const auto separator = key.find_first_of("/-");
  if (separator == std::string_view::npos || separator == 0) return fail();
  // The number: digits, with at most one dot between digits ("66.13"), or one letter after
  // them where the scanner takes one ("30a/2008/nq-cp").
  const auto dot = key.substr(0, separator).find('.');
  const bool lettered = separator >= 2 && key[separator - 1] >= 'a' && key[separator - 1] <= 'z';
  if (lettered && (dot != std::string_view::npos || !letter_suffix_fits(key, separator)))
    return fail();
  for (std::size_t i = 0; i < separator - (lettered ? 1 : 0); ++i)
    if (!is_ascii_digit(key[i]) && i != dot) return fail();
  if (dot != std::string_view::npos && (dot == 0 || dot + 1 == separator)) return fail();
  // A symbol names a type or an issuer: "26/11/2021" is a date, not a symbol.
  bool has_letter = false;
  for (std::size_t i = separator; i < key.size(); ++i)
    has_letter = has_letter || (key[i] >= 'a' && key[i] <= 'z');
  if (!has_letter) return fail();
  if (key.find('/') != std::string_view::npos) return true;
  // Without a slash only the older "<number>-<issuer>" ("111-HĐBT", "206-CP"): one code of
  // letters written as a code (two capitals at least), so that "04-A" or "10-km" is not. Its
  // key is the one of "<number>/<issuer>", the other spelling of that form: "206/cp". So the
  // key of a key is itself, and a lower-case "206-cp" stays a plain word.
  if (!is_hyphen_issuer_symbol(symbol)) return fail();
  // Keyed by the slash form itself, every rule of that form applied (a type code glued to an
  // issuer's, "6206-BBBgn"), so that the key of a key is itself.
  std::string written(key);
  written[separator] = '/';
  out.resize(begin);
  return detail::append_symbol_key(written, out);
}

}  // namespace

namespace detail {

// The rules rewrite a symbol's separators and codes one after another, and one rule's result may
// be another's input ("2/KHBTCTW": the glued type code's hyphen, then the Party form's
// separators): the key is where they rest, so that the key of a key is itself.
bool append_symbol_key(std::string_view symbol, std::string& out) {
  const std::size_t begin = out.size();
  bool rewritten = false;
  if (!symbol_key_pass(symbol, out, rewritten)) return false;
  for (int pass = 0; rewritten; ++pass) {
    if (pass == 4) {
      out.resize(begin);
      return false;
    }
    const std::string previous(out, begin);
    out.resize(begin);
    if (!symbol_key_pass(previous, out, rewritten)) return false;
  }
  return true;
}

}  // namespace detail
}  // namespace vanban::analyzers
