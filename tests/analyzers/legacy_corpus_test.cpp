// Legacy detection against the real documents of ../shared/corpus: none of them (UTF-8) and none
// of their Windows-1258 renderings may be taken for TCVN3/VNI; their TCVN3 and VNI renderings
// must all be recognised and read back. Prints the evidence figures the thresholds rest on.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "vanban/analyzers/legacy_encoding.hpp"
#include "vanban/analyzers/normalize.hpp"

#include "legacy_encoder.hpp"
#include "test_support.hpp"

namespace vanban::analyzers {
namespace {

std::vector<std::filesystem::path> corpus_texts() {
  std::vector<std::filesystem::path> files;
  const auto root = testing::corpus_dir();
  if (!std::filesystem::is_directory(root)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// The start of a text, cut at a line end: enough words to weigh, quick to encode.
std::string head(const std::string& text, std::size_t size) {
  if (text.size() <= size) return text;
  const auto end = text.rfind('\n', size);
  return text.substr(0, end == std::string::npos || end == 0 ? size : end);
}

std::string lower(const std::string& text) {
  std::string out;
  icu::UnicodeString::fromUTF8(text).toLower(icu::Locale("vi")).toUTF8String(out);
  return out;
}

// Windows-1258 as Vietnamese text is written in it: precomposed base letters (ă â ê ô ơ ư đ),
// the tone as a combining byte after them; what the code page cannot hold becomes '?'.
std::string windows_1258(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString::fromUTF8(text), status);
  icu::UnicodeString tones_last;
  icu::UnicodeString cluster;
  icu::UnicodeString tones;
  const auto flush = [&] {
    tones_last += nfc->normalize(cluster, status);
    tones_last += tones;
    cluster.remove();
    tones.remove();
  };
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    const UChar32 cp = decomposed.char32At(i);
    const bool tone = cp == 0x0300 || cp == 0x0301 || cp == 0x0303 || cp == 0x0309 || cp == 0x0323;
    if (u_getCombiningClass(cp) == 0) flush();
    if (tone) {
      tones.append(cp);
    } else {
      cluster.append(cp);
    }
  }
  flush();
  UConverter* converter = ucnv_open("windows-1258", &status);
  ucnv_setSubstChars(converter, "?", 1, &status);
  std::string bytes(static_cast<std::size_t>(tones_last.length()) * 2 + 16, '\0');
  const int32_t length =
      tones_last.extract(bytes.data(), static_cast<int32_t>(bytes.size()), converter, status);
  ucnv_close(converter);
  bytes.resize(static_cast<std::size_t>(length));
  return bytes;
}

// Sums of the evidence over a set of files, and the worst file for the rules of the verdict.
struct LegacyFigures {
  std::size_t files = 0;
  std::size_t flagged = 0;
  LegacyEvidence sum;
  std::size_t lowest_right_percent = 100;  // of the right reading's words, syllables
  std::size_t highest_wrong_ratio = 0;     // best wrong reading's syllables per 100 of the right's

  static std::size_t percent(std::size_t part, std::size_t whole) {
    return whole == 0 ? 100 : part * 100 / whole;
  }
  void add(const LegacyEvidence& e, std::optional<LegacyEncoding> right) {
    sum.as_is_valid += e.as_is_valid;
    sum.as_is_invalid += e.as_is_invalid;
    sum.tcvn3_valid += e.tcvn3_valid;
    sum.tcvn3_invalid += e.tcvn3_invalid;
    sum.vni_valid += e.vni_valid;
    sum.vni_invalid += e.vni_invalid;
    const std::size_t right_valid = !right                            ? e.as_is_valid
                                    : *right == LegacyEncoding::tcvn3 ? e.tcvn3_valid
                                                                      : e.vni_valid;
    const std::size_t right_invalid = !right                            ? e.as_is_invalid
                                      : *right == LegacyEncoding::tcvn3 ? e.tcvn3_invalid
                                                                        : e.vni_invalid;
    const std::size_t wrong_valid = !right ? std::max(e.tcvn3_valid, e.vni_valid)
                                    : *right == LegacyEncoding::tcvn3
                                        ? std::max(e.as_is_valid, e.vni_valid)
                                        : std::max(e.as_is_valid, e.tcvn3_valid);
    if (right_valid + right_invalid >= 20) {
      lowest_right_percent =
          std::min(lowest_right_percent, percent(right_valid, right_valid + right_invalid));
      highest_wrong_ratio = std::max(highest_wrong_ratio, percent(wrong_valid, right_valid));
    }
  }
  void print(std::string_view what) const {
    std::cout << "[legacy] " << what << ": " << files << " files, " << flagged
              << " taken for legacy. Syllables/other words: as is " << sum.as_is_valid << "/"
              << sum.as_is_invalid << ", TCVN3 " << sum.tcvn3_valid << "/" << sum.tcvn3_invalid
              << ", VNI " << sum.vni_valid << "/" << sum.vni_invalid
              << ". Files of 20+ words: right reading >= " << lowest_right_percent
              << "% syllables, best wrong reading <= " << highest_wrong_ratio
              << "% of its syllables\n";
  }
};

constexpr std::size_t kHead = 8 * 1024;

TEST(LegacyCorpus, no_corpus_document_is_taken_for_legacy_text) {
  const auto files = corpus_texts();
  if (files.empty()) GTEST_SKIP() << "no corpus at " << testing::corpus_dir();
  LegacyFigures figures;
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    const std::string bytes = testing::read_file(file);
    const DecodedText decoded = decode_text(bytes);
    ++figures.files;
    EXPECT_EQ(decoded.legacy, "");
    figures.flagged += decoded.legacy.empty() ? 0 : 1;
    figures.add(weigh_legacy_text(decoded.text), std::nullopt);
  }
  figures.print("corpus as UTF-8 (mojibake-candidate lines only)");
}

TEST(LegacyCorpus, windows_1258_renderings_of_the_corpus_stay_windows_1258) {
  const auto files = corpus_texts();
  if (files.empty()) GTEST_SKIP() << "no corpus at " << testing::corpus_dir();
  LegacyFigures figures;
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    const std::string text = head(decode_text(testing::read_file(file)).text, kHead);
    const std::string bytes = windows_1258(text);
    const DecodedText decoded = decode_text(bytes);
    if (decoded.encoding == "utf-8") continue;  // an all-ASCII head
    ++figures.files;
    EXPECT_EQ(decoded.encoding, "windows-1258");
    figures.flagged += decoded.legacy.empty() ? 0 : 1;
    figures.add(weigh_legacy_bytes(bytes), std::nullopt);
  }
  figures.print("corpus as Windows-1258 bytes");
}

TEST(LegacyCorpus, tcvn3_and_vni_renderings_of_the_corpus_are_recognised_and_read_back) {
  const auto files = corpus_texts();
  if (files.empty()) GTEST_SKIP() << "no corpus at " << testing::corpus_dir();
  LegacyFigures tcvn3_figures;
  LegacyFigures vni_figures;
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    const std::string text = head(decode_text(testing::read_file(file)).text, kHead);
    std::string tcvn3_expected;
    const DecodedText tcvn3 = decode_text(testing::encode_tcvn3(text, &tcvn3_expected));
    if (tcvn3.encoding == "utf-8") continue;  // an all-ASCII head
    ++tcvn3_figures.files;
    ++vni_figures.files;
    EXPECT_EQ(tcvn3.encoding, "tcvn3");
    tcvn3_figures.flagged += tcvn3.legacy == "tcvn3" ? 1 : 0;
    // TCVN3 gives the case of a toned capital only through its font: compare in lower case.
    EXPECT_EQ(lower(tcvn3.text), lower(normalize_nfc(tcvn3_expected)));

    std::string vni_expected;
    const std::string vni_bytes = testing::encode_vni(text, &vni_expected);
    const DecodedText vni = decode_text(vni_bytes);
    EXPECT_EQ(vni.encoding, "vni-win");
    vni_figures.flagged += vni.legacy == "vni-win" ? 1 : 0;
    EXPECT_EQ(vni.text, normalize_nfc(vni_expected));

    tcvn3_figures.add(weigh_legacy_bytes(testing::encode_tcvn3(text)), LegacyEncoding::tcvn3);
    vni_figures.add(weigh_legacy_bytes(vni_bytes), LegacyEncoding::vni);
  }
  tcvn3_figures.print("corpus as TCVN3 bytes (taken for legacy = recognised)");
  vni_figures.print("corpus as VNI-WIN bytes (taken for legacy = recognised)");
}

}  // namespace
}  // namespace vanban::analyzers
