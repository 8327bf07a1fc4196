// What converters, PDF readers and web pages do to a document's text without touching its
// layout of parts (issue 11): line ends, invisible characters, encodings, footnote markers, page
// furniture between pages, hard wraps. Each function gives the same document in another dress;
// extraction is meant to read the same fields and citations from it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "layout_renderer.hpp"

namespace vanban::testing {

namespace debris_detail {

inline std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) {
    text += line;
    text += '\n';
  }
  return text;
}

// Ends with a letter or a digit (not a mark of its own: "địa phương" ends in "g").
inline bool ends_in_word(std::string_view line) {
  if (line.empty()) return false;
  const auto last = static_cast<unsigned char>(line.back());
  return last >= 0x80 || (last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') ||
         (last >= '0' && last <= '9');
}

}  // namespace debris_detail

// Windows line ends.
inline std::string with_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 20);
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// What a word processor's or a web page's text leaves between words: a byte-order mark, no-break
// spaces for some spaces (every third, as a justified line's or an HTML "&nbsp;"), a zero-width
// space now and then after a space.
inline std::string with_invisible_spaces(std::string_view text) {
  std::string out = "\xEF\xBB\xBF";  // U+FEFF
  std::size_t spaces = 0;
  for (const char c : text) {
    if (c != ' ') {
      out += c;
      continue;
    }
    ++spaces;
    if (spaces % 3 == 0) {
      out += "\xC2\xA0";  // U+00A0
    } else if (spaces % 7 == 0) {
      out += " \xE2\x80\x8B";  // U+200B after the space
    } else {
      out += c;
    }
  }
  return out;
}

// Soft hyphens (U+00AD) a word processor's hyphenation leaves inside words, invisible unless
// the word breaks at a line's end: one after the fourth letter of every fifth word that has
// more letters.
inline std::string with_soft_hyphens(std::string_view text) {
  std::string out;
  std::size_t words = 0;
  std::size_t letters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    out += c;
    if (c == ' ' || c == '\n') {
      letters = 0;
      continue;
    }
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // inside a letter
    if (++letters == 1) ++words;
    std::size_t next = i + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80)
      out += text[next++];
    i = next - 1;
    if (letters == 4 && words % 5 == 0 && next < text.size() && text[next] != ' ' &&
        text[next] != '\n' && text[next] != '\r')
      out += "\xC2\xAD";
  }
  return out;
}

// Spaces and tabs left at the ends of lines.
inline std::string with_trailing_blanks(std::string_view text) {
  std::string out;
  std::size_t lines = 0;
  for (const char c : text) {
    if (c == '\n') out += (++lines % 2 == 0) ? " \t" : "  ";
    out += c;
  }
  return out;
}

// Unicode in its decomposed form (NFD), as macOS file names and some converters write it.
inline std::string decomposed(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString result = nfd->normalize(source, status);
  std::string out;
  if (U_FAILURE(status)) return std::string(text);
  result.toUTF8String(out);
  return out;
}

// UTF-16 little-endian with its byte-order mark, as Windows' Notepad saves "Unicode".
inline std::string utf16le(std::string_view text) {
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string out = "\xFF\xFE";
  for (int32_t i = 0; i < source.length(); ++i) {
    const char16_t unit = source.charAt(i);
    out += static_cast<char>(unit & 0xFF);
    out += static_cast<char>(unit >> 8);
  }
  return out;
}

// Footnote markers a converter leaves glued to the word they follow ("địa phương[1]."): one on
// every fifth long line (a paragraph of the body, not a header cell), numbered in order.
inline std::string with_footnote_markers(std::string_view text) {
  std::vector<std::string> lines = layout_detail::split_lines(text);
  int marker = 0;
  int long_lines = 0;
  for (std::string& line : lines) {
    if (layout_detail::length_of(line) < 50) continue;
    if (++long_lines % 5 != 0) continue;
    std::size_t end = line.size();
    while (end > 0 && (line[end - 1] == '.' || line[end - 1] == ';' || line[end - 1] == ',' ||
                       line[end - 1] == ':' || line[end - 1] == ' '))
      --end;
    if (!debris_detail::ends_in_word(std::string_view(line).substr(0, end))) continue;
    line.insert(end, "[" + std::to_string(++marker) + "]");
  }
  return debris_detail::joined(lines);
}

// A PDF's pages as its text layer gives them: a form feed between pages of 40 lines, the page
// number alone on the next page's first line; with `running_head`, a gazette's running head
// above it ("CÔNG BÁO/Số 1053 + 1054/Ngày 26-12-2026") as every page after the first carries.
inline std::string with_page_furniture(std::string_view text, bool running_head) {
  const std::vector<std::string> lines = layout_detail::split_lines(text);
  constexpr std::size_t kPage = 40;
  std::vector<std::string> out;
  int page = 1;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0 && i % kPage == 0 && i + 2 < lines.size()) {
      ++page;
      if (running_head) {
        out.push_back("\f" + std::to_string(page) + "        CÔNG BÁO/Số 1053 + 1054/Ngày " +
                      "26-12-2026");
        out.emplace_back("");
      } else {
        out.push_back("\f" + std::to_string(page));
        out.emplace_back("");
      }
    }
    out.push_back(lines[i]);
  }
  return debris_detail::joined(out);
}

// Every diacritic dropped, đ and Đ written d and D: what a PDF's own OCR layer that lost every
// mark gives, or a text typed without them ("CONG HOA XA HOI CHU NGHIA VIET NAM", "So:
// 12/QD-UBND", "Ha Noi, ngay 5 thang 3 nam 2021"). Letters of other scripts and every other
// character stay.
inline std::string without_diacritics(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::UnicodeString decomposed_text = nfd->normalize(source, status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed_text.length(); ++i) {
    const char16_t unit = decomposed_text.charAt(i);
    if (unit >= 0x0300 && unit <= 0x036F) continue;  // a combining mark: a tone or a vowel's
    if (unit == 0x0111) {
      bare.append(static_cast<char16_t>('d'));
    } else if (unit == 0x0110) {
      bare.append(static_cast<char16_t>('D'));
    } else {
      bare.append(unit);
    }
  }
  std::string out;
  bare.toUTF8String(out);
  return out;
}

// Every line hard-wrapped at `width` characters, as a text layer of a PDF page gives it.
inline std::string hard_wrapped(std::string_view text, std::size_t width) {
  std::vector<std::string> out;
  for (const std::string& line : layout_detail::split_lines(text)) {
    if (layout_detail::length_of(line) <= width) {
      out.push_back(line);
      continue;
    }
    for (std::string& piece : layout_detail::wrap(line, width))
      out.push_back(std::move(piece));
  }
  return debris_detail::joined(out);
}

// The "Nơi nhận:" list (ND30 ô 9b: one recipient a line, "- " before it, ";" after it, the
// archive line "- Lưu: ..." last) as a text copy of a Word file gives it when the list's line
// breaks and the space after each dash are lost: "-Sở Tài chính;-UBND huyện X;-Lưu: VT.". Only
// a list of at least two items, each on its own line opening with "- ", every one before the
// archive line ending with ";" (the form the glued copy keeps readable); the text is unchanged
// otherwise.
inline std::string recipients_run_together(std::string_view text) {
  std::vector<std::string> lines = layout_detail::split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] != "Nơi nhận:") continue;
    std::size_t end = i + 1;
    std::string glued;
    bool archived = false;
    while (end < lines.size() && lines[end].starts_with("- ") && !archived) {
      const std::string item = lines[end].substr(2);
      archived = item.starts_with("Lưu");
      if (!archived && !item.ends_with(";")) return std::string(text);
      glued += "-" + item;
      ++end;
    }
    if (!archived || end < i + 3) return std::string(text);
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i + 1),
                lines.begin() + static_cast<std::ptrdiff_t>(end));
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i + 1), glued);
    return debris_detail::joined(lines);
  }
  return std::string(text);
}

}  // namespace vanban::testing
