#include "vanban/analyzers/tokenizer.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/normalize.hpp"

#include "test_support.hpp"

namespace vanban::analyzers {
namespace {

struct Flat {
  std::string text, lower, folded;
  std::uint32_t start, end;
  TokenKind kind;
  bool in_symbol;
  bool operator==(const Flat&) const = default;
};

std::vector<Flat> analyze(std::string_view nfc) {
  std::vector<Flat> out;
  for (const Token& token : thread_analyzer().analyze(nfc)) {
    out.push_back({std::string(token.text), std::string(token.lower), std::string(token.folded),
                   token.start, token.end, token.kind, token.in_symbol});
  }
  return out;
}

std::vector<std::string> folded_words(std::string_view nfc) {
  std::vector<std::string> out;
  for (const Flat& token : analyze(nfc))
    if (token.kind != TokenKind::symbol && !token.in_symbol) out.push_back(token.folded);
  return out;
}

std::vector<std::string> symbol_keys(std::string_view nfc) {
  std::vector<std::string> out;
  for (const Flat& token : analyze(nfc))
    if (token.kind == TokenKind::symbol && !token.in_symbol) out.push_back(token.folded);
  return out;
}

std::string nfd_of(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out;
  icu::Normalizer2::getNFDInstance(status)
      ->normalize(icu::UnicodeString::fromUTF8(text), status)
      .toUTF8String(out);
  return out;
}

const std::string kPlan =
    "KẾ HOẠCH\nTriển khai thực hiện công tác dân vận chính quyền năm 2026\n\n"
    "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng "
    "cường và đổi mới công tác dân vận; Nghị định số 59/2023/NĐ-\n CP ngày 14/8/2023; Quy định "
    "số 11-\nQĐi/TW ngày 18/02/2019 của Bộ Chính trị, Ủy ban nhân dân (UBND) thành phố Huế ban "
    "hành Kế hoạch thực hiện phong trào “Dân vận khéo” giai đoạn 2026 – 2030:\n"
    "- Đẩy mạnh tuyên truyền; củng cố niềm tin của Nhân dân;\n"
    "• Tăng cường đối thoại, tiếp xúc với Nhân dân.\n"
    "Trên đây là Kế hoạch triển khai thực hiện công tác dân vận chính quyền năm 2026./.\n";

TEST(Analyzer, folds_words_and_keeps_one_symbol_token) {
  const std::string text = normalize_nfc("Đường phố DÂN VẬN khéo 33/CT-TTg");
  EXPECT_EQ(folded_words(text), (std::vector<std::string>{"duong", "pho", "dan", "van", "kheo"}));
  EXPECT_EQ(symbol_keys(text), (std::vector<std::string>{"33/ct-ttg"}));
}

TEST(Analyzer, symbol_is_followed_by_its_notation_and_parts) {
  const std::string text = "theo 33/CT-TTg.";
  const std::vector<Flat> tokens = analyze(text);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[1].text, "33/CT-TTg");
  EXPECT_EQ(tokens[1].kind, TokenKind::symbol);
  EXPECT_FALSE(tokens[1].in_symbol);
  EXPECT_EQ(tokens[2].text, "CT-TTg");
  EXPECT_EQ(tokens[2].folded, "ct-ttg");
  EXPECT_TRUE(tokens[2].in_symbol);
  EXPECT_EQ(tokens[3].folded, "33");
  EXPECT_EQ(tokens[3].kind, TokenKind::number);
  EXPECT_EQ(tokens[4].folded, "ct");
  EXPECT_EQ(tokens[5].folded, "ttg");
  for (std::size_t i = 2; i < tokens.size(); ++i)
    EXPECT_TRUE(tokens[i].in_symbol);
}

TEST(Analyzer, offsets_point_at_the_text_as_written) {
  for (const Token& token : thread_analyzer().analyze(kPlan)) {
    ASSERT_LT(token.start, token.end);
    ASSERT_LE(token.end, kPlan.size());
    EXPECT_EQ(token.text, std::string_view(kPlan).substr(token.start, token.end - token.start));
  }
}

TEST(Analyzer, broken_and_glued_symbols_are_not_lost) {
  const std::string text =
      "Chỉ thị số 33/CT-TTg3; Kế hoạch số 32/KH-\n\nUBND ngày 31/01/2026; Nghị định số "
      "59/2023/NĐ-\n CP; Chương trình số 08-\nCTPH/BDVTU-BCSĐUBND; 23- QĐ/TW1.";
  const std::vector<std::string> keys = symbol_keys(text);
  for (const char* key : {"33/ct-ttg3", "33/ct-ttg", "32/kh-ubnd", "59/2023/nd-cp",
                          "8-ctph/bdvtu-bcsdubnd", "23-qd/tw1", "23-qd/tw"}) {
    EXPECT_NE(std::find(keys.begin(), keys.end(), key), keys.end()) << key;
  }
  // The glued marker is split off the last part, so "TTg" is a word of its own.
  bool ttg_word = false;
  for (const Flat& token : analyze(text))
    ttg_word = ttg_word || token.folded == "ttg";
  EXPECT_TRUE(ttg_word);
}

TEST(Analyzer, quotes_dashes_bullets_and_endings_make_no_tokens) {
  const std::string text =
      "“Dân vận khéo” – ‘thi đua’ — giai đoạn 2026–2030./.\n- Nội dung;\n• Mục tiêu\n+ Giải "
      "pháp… «ok» (a) [b] …/.";
  EXPECT_EQ(
      folded_words(text),
      (std::vector<std::string>{"dan", "van", "kheo", "thi", "dua", "giai", "doan", "2026", "2030",
                                "noi", "dung", "muc", "tieu", "giai", "phap", "ok", "a", "b"}));
  EXPECT_TRUE(symbol_keys(text).empty());
}

TEST(Analyzer, non_vietnamese_text_is_kept) {
  const std::vector<Flat> tokens = analyze("ISO 9001:2015 Quality Management, COVID-19");
  std::vector<std::string> lower;
  for (const Flat& token : tokens)
    lower.push_back(token.lower);
  EXPECT_EQ(lower, (std::vector<std::string>{"iso", "9001", "2015", "quality", "management",
                                             "covid", "19"}));
  EXPECT_EQ(tokens[1].kind, TokenKind::number);
}

TEST(Analyzer, nfd_input_analyzes_exactly_like_nfc) {
  const std::string nfd = nfd_of(kPlan);
  ASSERT_NE(nfd, kPlan);
  const DecodedText decoded_nfd = decode_text(nfd);
  const DecodedText decoded_nfc = decode_text(kPlan);
  EXPECT_EQ(decoded_nfd.text, decoded_nfc.text);
  EXPECT_EQ(analyze(decoded_nfd.text), analyze(decoded_nfc.text));
}

TEST(Analyzer, tone_placement_variants_give_the_same_terms) {
  const std::vector<Flat> old_style = analyze("CỘNG HÒA Ủy ban Hỏa tốc thủy lợi");
  const std::vector<Flat> new_style = analyze("CỘNG HOÀ Uỷ ban Hoả tốc thuỷ lợi");
  ASSERT_EQ(old_style.size(), new_style.size());
  for (std::size_t i = 0; i < old_style.size(); ++i) {
    EXPECT_EQ(old_style[i].lower, new_style[i].lower);
    EXPECT_EQ(old_style[i].folded, new_style[i].folded);
  }
}

TEST(Analyzer, reused_analyzer_gives_the_same_tokens_again) {
  Analyzer analyzer;
  std::vector<std::string> first;
  for (const Token& token : analyzer.analyze(kPlan))
    first.emplace_back(token.folded);
  analyzer.analyze("một văn bản khác 5053-CV/VPTW/nb");
  std::vector<std::string> again;
  for (const Token& token : analyzer.analyze(kPlan))
    again.emplace_back(token.folded);
  EXPECT_EQ(first, again);
}

TEST(Analyzer, symbol_dense_text_keeps_every_form_right) {
  // Symbols write more forms than their text is long: the arena grows during the analysis.
  std::string text;
  for (int i = 1; i <= 300; ++i)
    text += std::to_string(i) + "/KH-UB " + "Ủy ";
  std::size_t symbols = 0;
  Analyzer analyzer;
  for (const Token& token : analyzer.analyze(text)) {
    EXPECT_EQ(token.text, std::string_view(text).substr(token.start, token.end - token.start));
    if (token.kind == TokenKind::symbol && !token.in_symbol) {
      ++symbols;
      EXPECT_EQ(token.folded, std::string(token.text.substr(0, token.text.find('/'))) + "/kh-ub");
    } else if (token.kind == TokenKind::symbol) {
      EXPECT_EQ(token.folded, "kh-ub");
    } else if (token.text == "Ủy") {
      EXPECT_EQ(token.lower, "ủy");
      EXPECT_EQ(token.folded, "uy");
    }
  }
  EXPECT_EQ(symbols, 300u);
}

TEST(Analyzer, folded_forms_only_give_the_same_tokens_without_words_exact_forms) {
  // Upper case, tone variants, NFD-free accented words, English, numbers, symbols with their
  // notation and parts, a footnote marker glued to a symbol: every token but its `lower`.
  const std::string text = kPlan +
                           "HÒA hoà Thuỷ THỦY quý già Đường, e-mail 2.500.000 đồng; "
                           "Thông tư 33/CT-TTg3 và 217,218-QĐ/TW, QH15 Nghị quyết số 05/NQ-CP.";
  const std::vector<Flat> both = analyze(text);
  std::vector<Flat> folded;
  for (const Token& token : thread_analyzer().analyze(text, Forms::folded)) {
    folded.push_back({std::string(token.text), std::string(token.lower), std::string(token.folded),
                      token.start, token.end, token.kind, token.in_symbol});
  }
  ASSERT_EQ(folded.size(), both.size());
  std::size_t words = 0;
  for (std::size_t i = 0; i < both.size(); ++i) {
    SCOPED_TRACE(both[i].text);
    EXPECT_EQ(folded[i].text, both[i].text);
    EXPECT_EQ(folded[i].folded, both[i].folded);
    EXPECT_EQ(folded[i].start, both[i].start);
    EXPECT_EQ(folded[i].end, both[i].end);
    EXPECT_EQ(folded[i].kind, both[i].kind);
    EXPECT_EQ(folded[i].in_symbol, both[i].in_symbol);
    if (both[i].kind == TokenKind::symbol) {
      EXPECT_EQ(folded[i].lower, both[i].lower);  // symbols keep theirs
    } else {
      ++words;
      EXPECT_EQ(folded[i].lower, "");
      EXPECT_EQ(exact_form(folded[i].text), both[i].lower);  // what `lower` would hold
    }
  }
  EXPECT_GT(words, 100u);
  // The analyzer writes both forms again on the next call that asks for them.
  EXPECT_EQ(analyze(text), both);
}

// analyze_pieces() against analyze(): for each text and choice of pieces, the pieces cover the
// text in order, no word or number token of analyze() crosses from one piece to the next, and
// the tokens given are analyze()'s tokens of the pieces chosen, to the bit (symbols left out).
void expect_pieces_give_analyze(std::string_view text, Forms forms,
                                const std::function<bool(std::size_t index)>& choose) {
  std::vector<Flat> full;
  for (const Token& token : thread_analyzer().analyze(text, forms)) {
    if (token.kind == TokenKind::symbol) continue;
    full.push_back({std::string(token.text), std::string(token.lower), std::string(token.folded),
                    token.start, token.end, token.kind, token.in_symbol});
  }
  std::vector<std::pair<std::size_t, std::size_t>> pieces;
  std::vector<bool> chosen;
  std::vector<Flat> given;
  for (const Token& token :
       thread_analyzer().analyze_pieces(text, forms, [&](std::string_view piece) {
         const auto begin = static_cast<std::size_t>(piece.data() - text.data());
         pieces.emplace_back(begin, begin + piece.size());
         chosen.push_back(choose(chosen.size()));
         return bool(chosen.back());
       })) {
    given.push_back({std::string(token.text), std::string(token.lower), std::string(token.folded),
                     token.start, token.end, token.kind, token.in_symbol});
  }
  std::size_t at = 0;
  for (const auto& [begin, end] : pieces) {
    EXPECT_EQ(begin, at);
    EXPECT_LT(begin, end);
    at = end;
  }
  EXPECT_EQ(at, text.size());
  std::vector<Flat> expected;
  for (const Flat& token : full) {
    const auto piece = std::find_if(pieces.begin(), pieces.end(),
                                    [&](const auto& range) { return token.start < range.second; });
    ASSERT_NE(piece, pieces.end());
    EXPECT_LE(token.end, piece->second) << "token across pieces: " << token.text;
    if (chosen[static_cast<std::size_t>(piece - pieces.begin())]) expected.push_back(token);
  }
  EXPECT_EQ(given, expected);
}

TEST(Analyzer, pieces_give_analyzes_words_and_numbers_exactly) {
  // Fragments of every kind the word rules and the symbol scanner treat apart: syllables in
  // every case and tone placement, numbers with their separators, symbols whole, glued, spaced
  // by an OCR layer and after the label "số", letters joined by ':' '.' '\'' '_', combining
  // marks after letters and after spaces, spaces ICU joins (U+3000) or not (NBSP), a zero-width
  // joiner, Thai (ICU's dictionary), Han, and bytes that are no UTF-8.
  const std::vector<std::string> fragments = {
      "Quyết",
      "định",
      "HÒA",
      "hoà",
      "Thuỷ",
      "THỦY",
      "quý",
      "già",
      "Đường",
      "ĐẢNG",
      "chuyển",
      "đổi",
      "số",
      "Số:",
      "số",
      "2.500.000",
      "1,5",
      "15a",
      "a15",
      "TW1",
      "2026",
      "26/11/2021",
      "33/CT-TTg3",
      "217,218-QĐ/TW",
      "59/2023/NĐ-",
      "CP",
      "11-",
      "QĐi/TW",
      "5 0/201 0/NĐ-CP",
      "41 8/QĐ-UBND",
      "84 QĐ/TWĐTN",
      "491TB/VPTW",
      "QH15",
      "66.13/2026/NQ-CP",
      "I5/2020/TT-BTC",
      "a:b",
      "e.g.",
      "U.S.A.",
      "x_y",
      "_",
      "l'eau",
      "e\xcc\x81",
      "\xcc\x81",
      "\xc2\xa0",
      "\xe3\x80\x80",
      "\xe2\x80\x8d",
      "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9",
      "\xe0\xb8\xaa\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\xaa\xe0\xb8\x94\xe0\xb8\xb5",
      "\xe4\xb8\xad\xe6\x96\x87",
      "\xc3",
      "\xe1\xbb",
      "\xff",
      "\xe1\xbb\x87",
      "(UBND)",
      "“Dân",
      "vận”",
      "–",
      "•",
      "./.",
      "-",
      "...",
      ";",
      ",",
      "\"",
      "'",
      "[1]",
      "Điều",
      "5.",
      "Khoản",
      "1a)",
      "ng\xc3\xa0y",
      "Ô",
      "ơ"};
  const std::vector<std::string> separators = {
      " ",  " ", "  ",        "\n",       "\r\n",         "\t",   "\f",
      "\v", "",  " \xcc\x81", "\xc2\xa0", "\xe3\x80\x80", " \n ", " "};
  std::vector<std::string> texts = {kPlan,
                                    "Thông tư 33/CT-TTg3 và 217,218-QĐ/TW, QH15 Nghị quyết số "
                                    "05/NQ-CP; số 5 0/201 0/NĐ-CP, 84 QĐ/TWĐTN.",
                                    "",
                                    " ",
                                    "a",
                                    "\n\nKẾ HOẠCH\n"};
  std::uint32_t seed = 12345;
  const auto next = [&seed](std::size_t below) {
    seed = seed * 1103515245u + 12345u;
    return static_cast<std::size_t>((seed >> 8) % below);
  };
  for (int t = 0; t < 300; ++t) {
    std::string text;
    const std::size_t length = 1 + next(60);
    for (std::size_t i = 0; i < length; ++i) {
      text += fragments[next(fragments.size())];
      text += separators[next(separators.size())];
    }
    texts.push_back(std::move(text));
  }
  for (std::size_t t = 0; t < texts.size(); ++t) {
    SCOPED_TRACE("text " + std::to_string(t) + ": " + texts[t]);
    for (const Forms forms : {Forms::both, Forms::folded}) {
      expect_pieces_give_analyze(texts[t], forms, [](std::size_t) { return true; });
      expect_pieces_give_analyze(texts[t], forms, [](std::size_t) { return false; });
      expect_pieces_give_analyze(texts[t], forms, [](std::size_t i) { return i % 2 == 0; });
      expect_pieces_give_analyze(texts[t], forms, [&](std::size_t) { return next(3) == 0; });
    }
  }
}

TEST(Analyzer, each_thread_has_its_own_analyzer) {
  const std::vector<Flat> expected = analyze(kPlan);
  std::vector<std::vector<Flat>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results)
    threads.emplace_back([&result] {
      for (int i = 0; i < 20; ++i)
        result = analyze(kPlan);
    });
  for (auto& thread : threads)
    thread.join();
  for (const auto& result : results)
    EXPECT_EQ(result, expected);
}

TEST(Analyzer, corpus_words_fold_to_ascii) {
  const auto seeds = vanban::testing::corpus_dir() / "seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no corpus at " << seeds;
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    const DecodedText decoded = decode_text(vanban::testing::read_file(entry.path()));
    ++files;
    for (const Token& token : thread_analyzer().analyze(decoded.text)) {
      for (const char c : token.folded)
        EXPECT_LT(static_cast<unsigned char>(c), 0x80) << token.text << " in " << entry.path();
    }
    const DecodedText nfd = decode_text(nfd_of(decoded.text));
    EXPECT_EQ(nfd.text, decoded.text) << entry.path();
  }
  EXPECT_GT(files, 0u);
}

TEST(AnalyzeCommand, prints_tokens_as_json) {
  vanban::testing::TempDir dir;
  const auto output = dir / "out.json";
  const std::string command = vanban::testing::vanban_binary().string() +
                              " analyze 'Đường phố DÂN VẬN khéo 33/CT-TTg' > " + output.string();
  ASSERT_EQ(std::system(command.c_str()), 0);
  const nlohmann::json tokens = nlohmann::json::parse(vanban::testing::read_file(output));
  ASSERT_TRUE(tokens.is_array());
  std::string folded;
  int symbols = 0;
  for (const auto& token : tokens) {
    for (const char* field : {"text", "lower", "folded", "start", "end", "kind"})
      EXPECT_TRUE(token.contains(field)) << field;
    if (token["kind"] == "symbol" && token["folded"] == "33/ct-ttg") ++symbols;
    if (token["kind"] == "word" && token["end"].get<int>() <= 32)
      folded += token["folded"].get<std::string>() + " ";
  }
  EXPECT_EQ(folded, "duong pho dan van kheo ");
  EXPECT_EQ(symbols, 1);
}

}  // namespace
}  // namespace vanban::analyzers
