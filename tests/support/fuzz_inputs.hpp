// Deterministic hostile inputs for the robustness tests: random bytes, random UTF-8 with the
// characters Vietnamese documents are made of, and mutations of real-looking seeds (bit flips,
// truncations, spliced garbage, very long runs). Seeded, so a failure names its case and
// reproduces; no std:: distributions, whose output differs between standard libraries.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::testing {

class FuzzInputs {
 public:
  explicit FuzzInputs(std::uint64_t seed) : random_(seed) {}

  std::uint64_t next() { return random_(); }
  // A number in [0, bound) (bound > 0).
  std::size_t below(std::size_t bound) { return static_cast<std::size_t>(random_() % bound); }
  bool one_in(std::size_t n) { return below(n) == 0; }

  std::string random_bytes(std::size_t max_length) {
    std::string out(below(max_length + 1), '\0');
    for (char& c : out)
      c = static_cast<char>(random_() & 0xFF);
    return out;
  }

  // Text mixing Vietnamese letters (precomposed and decomposed), digits, the separators of
  // document numbers and dates, spaces and line breaks of every kind, NUL, and invalid bytes.
  std::string random_text(std::size_t max_pieces) {
    static constexpr std::array<std::string_view, 64> kPieces = {"a",
                                                                 "Đ",
                                                                 "đ",
                                                                 "ư",
                                                                 "ơ",
                                                                 "ấ",
                                                                 "ệ",
                                                                 "ở",
                                                                 "ỹ",
                                                                 "Ư",
                                                                 "A",
                                                                 "Q",
                                                                 "TTg",
                                                                 "CP",
                                                                 "UBND",
                                                                 "0",
                                                                 "1",
                                                                 "9",
                                                                 "2026",
                                                                 "33",
                                                                 " ",
                                                                 "  ",
                                                                 "\n",
                                                                 "\r\n",
                                                                 "\t",
                                                                 "/",
                                                                 "-",
                                                                 ".",
                                                                 ",",
                                                                 ":",
                                                                 ";",
                                                                 "\"",
                                                                 "(",
                                                                 ")",
                                                                 "–",
                                                                 "—",
                                                                 "⁄",
                                                                 "\xC2\xA0",
                                                                 "\xE2\x80\x8B",
                                                                 "\xCC\x81",
                                                                 "\xCC\xA3",
                                                                 "\xCC\x9B",
                                                                 std::string_view("\0", 1),
                                                                 "\xFF",
                                                                 "\xC3",
                                                                 "\xE1\xBA",
                                                                 "\xED\xA0\x80",
                                                                 "\xC0\xAF",
                                                                 "\xEF\xBB\xBF",
                                                                 "\xF0\x9F\x98\x80",
                                                                 "số ",
                                                                 "Số: ",
                                                                 "ngày ",
                                                                 "tháng ",
                                                                 "năm ",
                                                                 "/KH-",
                                                                 "/2023/NĐ-",
                                                                 "-QĐ/TW",
                                                                 "Căn cứ ",
                                                                 "Luật ",
                                                                 "KÝ HIỆU",
                                                                 "<p>",
                                                                 "&amp;",
                                                                 "\x01"};
    std::string out;
    const std::size_t pieces = below(max_pieces + 1);
    for (std::size_t i = 0; i < pieces; ++i)
      out += kPieces[below(kPieces.size())];
    return out;
  }

  // One random change to `seed`: a few bit flips, a cut, a chunk of garbage or text inserted,
  // a chunk deleted or repeated, or a run of one separator.
  std::string mutate(std::string seed) {
    switch (below(8)) {
      case 0: {
        const std::size_t flips = 1 + below(8);
        for (std::size_t i = 0; i < flips && !seed.empty(); ++i)
          seed[below(seed.size())] ^= static_cast<char>(1u << below(8));
        return seed;
      }
      case 1:
        return seed.substr(0, below(seed.size() + 1));
      case 2:
        return seed.insert(below(seed.size() + 1), random_bytes(16));
      case 3:
        return seed.insert(below(seed.size() + 1), random_text(12));
      case 4: {
        if (seed.empty()) return seed;
        const std::size_t from = below(seed.size());
        return seed.erase(from, below(seed.size() - from + 1));
      }
      case 5: {
        if (seed.empty()) return seed;
        const std::size_t from = below(seed.size());
        const std::string chunk = seed.substr(from, 1 + below(64));
        std::string repeated;
        for (std::size_t i = 1 + below(50); i > 0; --i)
          repeated += chunk;
        return seed.insert(from, repeated);
      }
      case 6: {
        static constexpr std::array<std::string_view, 8> kRuns = {
            "/", "-", " ", "\n", ".", "\"", "33/", std::string_view("\0", 1)};
        const std::string_view unit = kRuns[below(kRuns.size())];
        std::string run;
        for (std::size_t i = below(5000); i > 0; --i)
          run += unit;
        return seed.insert(below(seed.size() + 1), run);
      }
      default: {
        if (seed.empty()) return seed;
        const std::size_t at = below(seed.size());
        seed[at] = static_cast<char>(random_() & 0xFF);
        return seed;
      }
    }
  }

  // Several mutations in a row, so damage accumulates.
  std::string mutate_many(std::string seed) {
    for (std::size_t i = 1 + below(4); i > 0; --i)
      seed = mutate(std::move(seed));
    return seed;
  }

 private:
  std::mt19937_64 random_;
};

// Whether `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
inline bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t extra = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      extra = 1, cp = lead & 0x1Fu, minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      extra = 2, cp = lead & 0x0Fu, minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      extra = 3, cp = lead & 0x07u, minimum = 0x10000;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;  // truncated
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((byte(i + k) & 0xC0u) != 0x80) return false;
      cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

// Whether byte `offset` of valid UTF-8 `text` starts a code point (or is the end).
inline bool on_utf8_boundary(std::string_view text, std::size_t offset) {
  if (offset == text.size()) return true;
  if (offset > text.size()) return false;
  return (static_cast<unsigned char>(text[offset]) & 0xC0u) != 0x80;
}

}  // namespace vanban::testing
