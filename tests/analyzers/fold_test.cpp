#include "vanban/analyzers/fold.hpp"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace vanban::analyzers {
namespace {

// The Vietnamese letters built independently of the analyzer's table: a base letter, an
// optional vowel modifier and an optional tone, as combining marks (NFD), composed by ICU.
struct Letter {
  std::string nfc;  // the composed letter
  std::string nfd;  // the same as base + combining marks
  char folded;      // what search folding must give
  bool upper;
};

std::string compose(const std::string& decomposed) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(decomposed);
  std::string out;
  nfc->normalize(text, status).toUTF8String(out);
  return out;
}

const std::vector<Letter>& vietnamese_letters() {
  static const std::vector<Letter> letters = [] {
    struct Vowel {
      char base;
      std::vector<std::string> modifiers;  // "" (none), breve, circumflex, horn
    };
    const std::string breve = "\u0306", circumflex = "\u0302", horn = "\u031B";
    const std::vector<Vowel> vowels = {
        {'a', {"", breve, circumflex}}, {'e', {"", circumflex}}, {'i', {""}},
        {'o', {"", circumflex, horn}},  {'u', {"", horn}},       {'y', {""}}};
    // ngang, huyền, sắc, hỏi, ngã, nặng
    const std::vector<std::string> tones = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};
    std::vector<Letter> out;
    for (const bool upper : {false, true}) {
      for (const Vowel& vowel : vowels) {
        for (const std::string& modifier : vowel.modifiers) {
          for (const std::string& tone : tones) {
            if (modifier.empty() && tone.empty()) continue;  // plain ASCII vowel
            const char base = upper ? static_cast<char>(vowel.base - 32) : vowel.base;
            const std::string nfd = std::string(1, base) + modifier + tone;
            out.push_back({compose(nfd), nfd, vowel.base, upper});
          }
        }
      }
      out.push_back({upper ? "Đ" : "đ", upper ? "Đ" : "đ", 'd', upper});  // no decomposition
    }
    return out;
  }();
  return letters;
}

TEST(Fold, table_of_letters_has_all_134_precomposed) {
  std::set<std::string> distinct;
  for (const Letter& letter : vietnamese_letters()) {
    EXPECT_EQ(icu::UnicodeString::fromUTF8(letter.nfc).countChar32(), 1) << letter.nfc;
    distinct.insert(letter.nfc);
  }
  EXPECT_EQ(distinct.size(), 134u);
}

TEST(Fold, every_vietnamese_letter_folds_to_its_base) {
  for (const Letter& letter : vietnamese_letters()) {
    EXPECT_EQ(fold(letter.nfc), std::string(1, letter.folded)) << letter.nfc;
    EXPECT_EQ(fold(letter.nfd), std::string(1, letter.folded)) << "NFD " << letter.nfc;
  }
}

TEST(Fold, every_upper_case_letter_has_the_exact_form_of_its_lower_case) {
  const auto& letters = vietnamese_letters();
  const std::size_t half = letters.size() / 2;
  for (std::size_t i = 0; i < half; ++i) {
    ASSERT_FALSE(letters[i].upper);
    ASSERT_TRUE(letters[i + half].upper);
    EXPECT_EQ(exact_form(letters[i + half].nfc), letters[i].nfc) << letters[i + half].nfc;
    EXPECT_EQ(exact_form(letters[i].nfc), letters[i].nfc) << letters[i].nfc;
    EXPECT_EQ(exact_form(letters[i + half].nfd), letters[i].nfc) << "NFD " << letters[i].nfc;
  }
}

TEST(Fold, words_fold_to_ascii) {
  EXPECT_EQ(fold("Đường phố DÂN VẬN khéo"), "duong pho dan van kheo");
  EXPECT_EQ(fold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "cong hoa xa hoi chu nghia viet nam");
  EXPECT_EQ(fold("Độc lập - Tự do - Hạnh phúc"), "doc lap - tu do - hanh phuc");
  EXPECT_EQ(fold("Ủy ban nhân dân"), "uy ban nhan dan");
}

TEST(Fold, non_vietnamese_text_is_only_lower_cased) {
  EXPECT_EQ(fold("ISO 9001:2015"), "iso 9001:2015");
  EXPECT_EQ(exact_form("ISO 9001:2015"), "iso 9001:2015");
  EXPECT_EQ(fold("Hello, World! e-mail user@example.com 3.5% $100"),
            "hello, world! e-mail user@example.com 3.5% $100");
  EXPECT_EQ(exact_form("Quality Management System"), "quality management system");
  EXPECT_EQ(fold("Müller Straße"), "müller straße");
  EXPECT_EQ(fold("МОСКВА Αθήνα"), "москва αθήνα");
  EXPECT_EQ(fold("東京 “quoted” – dash • bullet"), "東京 “quoted” – dash • bullet");
  EXPECT_EQ(exact_form("Café naïve"), "café naïve");
  EXPECT_EQ(exact_form("G\u0305 x\u0305"), "g\u0305 x\u0305");  // marks that compose with nothing
}

TEST(ExactForm, tone_placement_variants_meet) {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"hoà", "hòa"},
      {"thuỷ", "thủy"},
      {"oà", "òa"},
      {"uý", "úy"},
      {"HOÀ", "HÒA"},
      {"Hoà", "hòa"},
      {"CỘNG HOÀ", "CỘNG HÒA"},
      {"uỷ", "ủy"},
      {"Uỷ ban", "Ủy ban"},
      {"Hoả tốc", "Hỏa tốc"},
      {"Tuỳ theo", "Tùy theo"},
      {"hoè", "hòe"},
      {"khoẻ", "khỏe"},
      {"loã", "lõa"},
      {"hoạ", "họa"},
      {"thuý", "thúy"},
      {"luỹ", "lũy"},
      {"tuỵ", "tụy"},
      {"qúy", "quý"},
      {"gìa", "già"},
  };
  for (const auto& [one, other] : pairs) {
    EXPECT_EQ(exact_form(one), exact_form(other)) << one << " / " << other;
    EXPECT_EQ(fold(one), fold(other)) << one << " / " << other;
  }
}

TEST(ExactForm, canonical_form_is_the_classic_placement) {
  EXPECT_EQ(exact_form("hoà"), "hòa");
  EXPECT_EQ(exact_form("THUỶ"), "thủy");
  EXPECT_EQ(exact_form("quý"), "quý");
  EXPECT_EQ(exact_form("già"), "già");
}

TEST(ExactForm, correct_syllables_are_kept) {
  for (const char* word :
       {"hoàng", "toán", "hoạch", "khuyến", "người", "được",  "ngoài", "xoáy",  "khuỷu", "nguyễn",
        "của",   "quả",  "quốc",  "quyết",  "giữ",   "gìn",   "giếng", "mía",   "mùa",   "cứu",
        "thuở",  "tiến", "muốn",  "ngoẹo",  "thuế",  "quỳnh", "tuyển", "khuya", "gì"}) {
    EXPECT_EQ(exact_form(word), word) << word;
  }
}

TEST(ExactForm, only_lower_cases_words_that_are_not_one_syllable) {
  EXPECT_EQ(exact_form("CAFÉ"), "café");
  EXPECT_EQ(exact_form("hoàhoà"), "hoàhoà");  // two tones: leave it as written
}

}  // namespace
}  // namespace vanban::analyzers
