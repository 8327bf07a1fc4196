#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/symbol.hpp"

namespace vanban::analyzers {
namespace {

struct Expected {
  const char* written;  // as it appears in text, artefacts included
  const char* cleaned;
  const char* key;
  SymbolForm form;
};

// Real-looking symbols of every form, in the shapes PDF extraction leaves them.
const std::vector<Expected>& expected_symbols() {
  static const std::vector<Expected> symbols = {
      // State, administrative (no year)
      {"32/KH-UBND", "32/KH-UBND", "32/kh-ubnd", SymbolForm::state},
      {"3266/UBND-NC", "3266/UBND-NC", "3266/ubnd-nc", SymbolForm::state},
      {"927/BNV-CTTN&BĐG", "927/BNV-CTTN&BĐG", "927/bnv-cttn&bdg", SymbolForm::state},
      {"33/CT-TTg", "33/CT-TTg", "33/ct-ttg", SymbolForm::state},
      {"15/QĐ-BNV", "15/QĐ-BNV", "15/qd-bnv", SymbolForm::state},
      {"05/BNV-VP", "05/BNV-VP", "5/bnv-vp", SymbolForm::state},
      {"12/UBND-VX", "12/UBND-VX", "12/ubnd-vx", SymbolForm::state},
      {"76/NQ-CP", "76/NQ-CP", "76/nq-cp", SymbolForm::state},
      {"439/QĐ-TTg", "439/QĐ-TTg", "439/qd-ttg", SymbolForm::state},
      {"6905/TB-KBNN", "6905/TB-KBNN", "6905/tb-kbnn", SymbolForm::state},
      {"3177/QĐ-UBND", "3177/QĐ-UBND", "3177/qd-ubnd", SymbolForm::state},
      {"16/KH-UBND", "16/KH-UBND", "16/kh-ubnd", SymbolForm::state},
      {"30/CT-UBND", "30/CT-UBND", "30/ct-ubnd", SymbolForm::state},
      {"07/QyĐ-UBND", "07/QyĐ-UBND", "7/qyd-ubnd", SymbolForm::state},
      {"21/CTr-UBND", "21/CTr-UBND", "21/ctr-ubnd", SymbolForm::state},
      {"118/TTr-SNV", "118/TTr-SNV", "118/ttr-snv", SymbolForm::state},
      {"02/TrS-VP", "02/TrS-VP", "2/trs-vp", SymbolForm::state},
      {"145/GM-UBND", "145/GM-UBND", "145/gm-ubnd", SymbolForm::state},
      {"1234/SNV-TCBC", "1234/SNV-TCBC", "1234/snv-tcbc", SymbolForm::state},
      // State, normative (year inside)
      {"59/2023/NĐ-CP", "59/2023/NĐ-CP", "59/2023/nd-cp", SymbolForm::normative},
      {"64/2025/QH15", "64/2025/QH15", "64/2025/qh15", SymbolForm::normative},
      {"30/2020/NĐ-CP", "30/2020/NĐ-CP", "30/2020/nd-cp", SymbolForm::normative},
      {"351/2017/UBTVQH14", "351/2017/UBTVQH14", "351/2017/ubtvqh14", SymbolForm::normative},
      {"09/2016/TT-BTC", "09/2016/TT-BTC", "9/2016/tt-btc", SymbolForm::normative},
      {"75/2025/TT-BNNMT", "75/2025/TT-BNNMT", "75/2025/tt-bnnmt", SymbolForm::normative},
      {"13/2025/NQ-HĐND", "13/2025/NQ-HĐND", "13/2025/nq-hdnd", SymbolForm::normative},
      {"18/2020/QĐ-TTg", "18/2020/QĐ-TTg", "18/2020/qd-ttg", SymbolForm::normative},
      {"02/2019/TTLT-BTC-BNV", "02/2019/TTLT-BTC-BNV", "2/2019/ttlt-btc-bnv",
       SymbolForm::normative},
      // Party
      {"23-QĐ/TW", "23-QĐ/TW", "23-qd/tw", SymbolForm::party},
      {"11-QĐi/TW", "11-QĐi/TW", "11-qdi/tw", SymbolForm::party},
      {"5053-CV/VPTW/nb", "5053-CV/VPTW/nb", "5053-cv/vptw/nb", SymbolForm::party},
      {"53-KH/ĐU", "53-KH/ĐU", "53-kh/du", SymbolForm::party},
      {"429-QĐ/TU", "429-QĐ/TU", "429-qd/tu", SymbolForm::party},
      {"120-KL/TW", "120-KL/TW", "120-kl/tw", SymbolForm::party},
      {"36-HD/VPTW", "36-HD/VPTW", "36-hd/vptw", SymbolForm::party},
      {"23-HD/BTGDVTW", "23-HD/BTGDVTW", "23-hd/btgdvtw", SymbolForm::party},
      {"613-BC/BTCTW", "613-BC/BTCTW", "613-bc/btctw", SymbolForm::party},
      {"234-CV/BTGTU", "234-CV/BTGTU", "234-cv/btgtu", SymbolForm::party},
      {"05-NQ/TƯ", "05-NQ/TƯ", "5-nq/tu", SymbolForm::party},
      // PDF artefacts: stray spaces, line breaks after a separator, other dashes and slashes
      {"23- QĐ/TW", "23-QĐ/TW", "23-qd/tw", SymbolForm::party},
      {"94- KH/BTGDVTW", "94-KH/BTGDVTW", "94-kh/btgdvtw", SymbolForm::party},
      {"33 / CT - TTg", "33/CT-TTg", "33/ct-ttg", SymbolForm::state},
      {"32/KH-\nUBND", "32/KH-UBND", "32/kh-ubnd", SymbolForm::state},
      {"32/KH-\n\nUBND", "32/KH-UBND", "32/kh-ubnd", SymbolForm::state},
      {"76/NQ-\nCP", "76/NQ-CP", "76/nq-cp", SymbolForm::state},
      {"76/NQ-\r\nCP", "76/NQ-CP", "76/nq-cp", SymbolForm::state},
      {"08-\nCTPH/BDVTU-BCSĐUBND", "08-CTPH/BDVTU-BCSĐUBND", "8-ctph/bdvtu-bcsdubnd",
       SymbolForm::party},
      {"59/2023/NĐ-\n CP", "59/2023/NĐ-CP", "59/2023/nd-cp", SymbolForm::normative},
      {"11-\nQĐi/TW", "11-QĐi/TW", "11-qdi/tw", SymbolForm::party},
      {"33/CT\u2013TTg", "33/CT-TTg", "33/ct-ttg", SymbolForm::state},
      {"33/CT\u2014TTg", "33/CT-TTg", "33/ct-ttg", SymbolForm::state},
      {"33/CT\u2010TTg", "33/CT-TTg", "33/ct-ttg", SymbolForm::state},
      {"33\u2215CT-TTg", "33/CT-TTg", "33/ct-ttg", SymbolForm::state},
      {"23\u2013QĐ/TW", "23-QĐ/TW", "23-qd/tw", SymbolForm::party},
  };
  return symbols;
}

TEST(FindSymbols, recognises_real_symbols_in_every_form_and_artefact) {
  ASSERT_GE(expected_symbols().size(), 40u);
  for (const Expected& expected : expected_symbols()) {
    for (const std::string& before : {std::string("Số: "), std::string("theo Chỉ thị số ")}) {
      const std::string text = before + expected.written + " ngày 26/11/2021 của cơ quan.";
      const std::vector<SymbolMatch> found = find_symbols(text);
      ASSERT_EQ(found.size(), 1u) << text;
      EXPECT_EQ(found[0].text, expected.cleaned) << text;
      EXPECT_EQ(found[0].key, expected.key) << text;
      EXPECT_EQ(found[0].form, expected.form) << text;
      EXPECT_EQ(found[0].start, before.size()) << text;
      EXPECT_EQ(found[0].end, before.size() + std::string(expected.written).size()) << text;
      EXPECT_EQ(found[0].marker_digits, 0u) << text;
    }
  }
}

TEST(FindSymbols, symbol_at_end_of_sentence_stops_before_punctuation) {
  for (const char* ending : {".", ";", ",", ")", "./.", ":", "”"}) {
    const std::string text = std::string("(Chỉ thị 14/CT-UBND") + ending;
    const auto found = find_symbols(text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_EQ(found[0].text, "14/CT-UBND") << text;
  }
}

TEST(FindSymbols, splits_number_and_notation) {
  const auto found =
      find_symbols("Nghị định 59/2023/NĐ-CP và Quy định 11-QĐi/TW, Kế hoạch 32/KH-UBND");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].number(), "59");
  EXPECT_EQ(found[0].notation(), "NĐ-CP");
  EXPECT_EQ(found[1].number(), "11");
  EXPECT_EQ(found[1].notation(), "QĐi/TW");
  EXPECT_EQ(found[2].number(), "32");
  EXPECT_EQ(found[2].notation(), "KH-UBND");
}

TEST(FindSymbols, dates_ranges_and_words_are_not_symbols) {
  for (const char* text :
       {"ngày 26/11/2021", "giai đoạn 2026 - 2030", "giai đoạn 2025- 2030;", "năm 2026-2031",
        "kinh tế - xã hội", "ISO 9001:2015", "tốc độ 10-km/h", "V/v triển khai", "tỷ lệ 1/3",
        "3/tháng-năm", "số 475-\n\n1 Quyết định", "trước ngày 15/6** và", "Covid-19/2021",
        "điểm 2/KH", "2026 - Ban Chỉ đạo/Tổ", "bảng 2ab/KH-UBND", "bảng 2a/UBND-KH",
        "Thông tư số 01/2026/TT-\n\nCÔNG BÁO/Số 298"}) {
    EXPECT_TRUE(find_symbols(text).empty()) << text;
  }
}

// A Party symbol whose hyphen between the number and the type code was lost or typed as a
// space is read with it; only a Party type code as the Party's table spells it (capitals, and
// the lower-case letter of "QĐi" and "CTr": pdftotext joins "11-" / "QĐi/TW" at a line's end),
// tight against the slash.
TEST(FindSymbols, a_party_symbol_without_its_hyphen_is_read_with_it) {
  for (const auto& [text, cleaned] :
       {std::pair{"Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013", "84-QĐ/TWĐTN"},
        std::pair{"Kế hoạch số 298 KH/TWĐTN ngày 14/7/2011", "298-KH/TWĐTN"},
        std::pair{"Thông báo số 491TB/VPTW ngày 13/01/2026", "491-TB/VPTW"},
        std::pair{"Quy định số 11QĐi/TW ngày 18/02/2019", "11-QĐi/TW"},
        std::pair{"Chương trình số 04CTr/TU ngày 18/02/2026", "04-CTr/TU"}}) {
    const auto found = find_symbols(text);
    ASSERT_EQ(found.size(), 1U) << text;
    EXPECT_EQ(found[0].text, cleaned) << text;
    EXPECT_EQ(found[0].key, symbol_key(cleaned)) << text;
  }
  for (const char* text : {"Điều 5 ab/CD", "khoản 2 XY/TW", "số 84  QĐ/TWĐTN", "số 84 qđ/TWĐTN",
                           "số 84 QĐ / TWĐTN", "số 11Qđi/TW"})
    EXPECT_TRUE(find_symbols(text).empty()) << text;
}

TEST(FindSymbols, a_unit_added_to_a_code_after_a_dot_is_part_of_the_symbol) {
  // A body's code with its place or unit after a dot ("THPT.PB", a school of Phước Bửu), in
  // the number line, in running text, at a sentence's end, in the older issuer-only form.
  const std::pair<const char*, const char*> cases[] = {
      {"Số: 230/KH-THPT.PB", "230/KH-THPT.PB"},
      {"Thông báo số: 194/TB-THPT.XM về việc", "194/TB-THPT.XM"},
      {"theo Kế hoạch 229/KH-THPT.PB.", "229/KH-THPT.PB"},
      {"Văn bản số 16/CGC.BT ngày 19/8/2024", "16/CGC.BT"},
      // A dot that ends the sentence stays out: a word, a long run or digits follow it.
      {"Công văn 12/UBND-VP.Căn cứ", "12/UBND-VP"},
      {"Công văn 12/UBND-VP. UBND xã", "12/UBND-VP"},
      {"Công văn 12/UBND-VP.BANCHAP", "12/UBND-VP"},
      {"Công văn 12/UBND-VP.2024", "12/UBND-VP"},
  };
  for (const auto& [text, symbol] : cases) {
    const auto found = find_symbols(text);
    const auto older = issuer_only_symbol_at(text, std::string_view(text).find("16/"));
    const std::string got = !found.empty() ? found[0].text : older ? older->text : "";
    EXPECT_EQ(got, symbol) << text;
  }
}

TEST(FindSymbols, a_type_code_and_its_issuer_joined_by_a_slash_without_a_year) {
  const auto found = find_symbols("Căn cứ Hướng dẫn số 04/HD/BTGDVTU ngày 06 tháng 11 năm 2025");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "04/HD/BTGDVTU");
  EXPECT_EQ(found[0].key, "4/hd/btgdvtu");
  // Only after a type code, and only written tight: "12/AB/CD", "04/HD / Ban" are not.
  for (const char* text : {"mã 12/AB/CD", "bảng 04/HD / Ban chỉ đạo"})
    for (const auto& symbol : find_symbols(text))
      EXPECT_EQ(symbol.text.find('/', symbol.text.find('/') + 1), std::string::npos) << text;
}

TEST(FindSymbols, loose_join_does_not_swallow_the_next_word) {
  const auto found = find_symbols("Chỉ thị 33/CT-TTg - Ban Chỉ đạo và 23-QĐ/TW - Quy chế");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].text, "33/CT-TTg");
  EXPECT_EQ(found[1].text, "23-QĐ/TW");
}

TEST(FindSymbols, glued_footnote_digit_is_flagged_not_guessed) {
  const auto found = find_symbols(
      "Chỉ thị số 33/CT-TTg3; Quyết định số 23-QĐ/TW1; Luật 64/2025/QH15; "
      "Nghị quyết số 13/2025/NQ-\nHĐND4 và");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].key, "33/ct-ttg3");
  EXPECT_EQ(found[0].marker_digits, 1u);
  EXPECT_EQ(without_marker(found[0])->key, "33/ct-ttg");
  EXPECT_EQ(without_marker(found[0])->text, "33/CT-TTg");
  EXPECT_EQ(found[1].marker_digits, 1u);
  EXPECT_EQ(without_marker(found[1])->key, "23-qd/tw");
  EXPECT_EQ(found[2].marker_digits, 0u);  // QH15 is the 15th National Assembly
  EXPECT_FALSE(without_marker(found[2]).has_value());
  EXPECT_EQ(without_marker(found[3])->key, "13/2025/nq-hdnd");
}

TEST(FindSymbols, list_sharing_one_symbol_yields_the_written_symbol) {
  const auto found = find_symbols("Quyết định số 217, 218-QĐ/TW ngày 12/12/2013");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].key, "218-qd/tw");
}

TEST(FindSymbols, lower_case_symbol_typed_in_a_query) {
  const auto found = find_symbols("33/ct-ttg");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].key, "33/ct-ttg");
}

TEST(FindSymbols, a_normative_number_with_a_dot_is_one_symbol) {
  for (const char* before : {"Nghị quyết số ", "Số: ", "("}) {
    const std::string text = std::string(before) + "66.13/2026/NQ-CP ngày 27/01/2026";
    const auto found = find_symbols(text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_EQ(found[0].text, "66.13/2026/NQ-CP");
    EXPECT_EQ(found[0].key, "66.13/2026/nq-cp");
    EXPECT_EQ(found[0].form, SymbolForm::normative);
    EXPECT_EQ(found[0].number(), "66.13");
    EXPECT_EQ(found[0].notation(), "NQ-CP");
    EXPECT_EQ(found[0].start, std::string(before).size());
  }
}

TEST(FindSymbols, dotted_numbers_that_are_no_normative_symbol_are_not_taken_whole) {
  for (const char* text : {"phiên bản 2.5/2026", "tỷ lệ 1.5/2", "ngày 12.3.2023/", "mục 3.1/KH",
                           "điểm 8.5/10", "mã 8458.11/2026"}) {
    for (const SymbolMatch& match : find_symbols(text))
      EXPECT_EQ(match.text.find('.'), std::string::npos) << text;
  }
  // Without a year, the part after the dot is read as before (a state symbol of its own).
  const auto found = find_symbols("Biểu 301.1/NCC-SNV");
  for (const SymbolMatch& match : found)
    EXPECT_EQ(match.text.find('.'), std::string::npos);
}

TEST(FindSymbols, older_numbers_naming_only_the_issuer_are_left_to_context) {
  // A number and one code is too like other text to be taken everywhere.
  for (const char* text : {"Nghị định số 50/CP ngày 26/7/1995", "Quyết định số 111-HĐBT",
                           "theo Mẫu số 01/PLI", "Tổng 3/CP"}) {
    EXPECT_TRUE(find_symbols(text).empty()) << text;
  }
}

struct OlderForm {
  const char* written;
  const char* cleaned;
  const char* key;
  std::size_t marker_digits;
};

TEST(IssuerOnlySymbol, reads_the_older_forms_where_a_number_stands) {
  const OlderForm forms[] = {
      {"50/CP", "50/CP", "50/cp", 0},          {"118/TTg", "118/TTg", "118/ttg", 0},
      {"111-HĐBT", "111-HĐBT", "111/hdbt", 0}, {"206 - CP", "206-CP", "206/cp", 0},
      {"87-\nCT", "87-CT", "87/ct", 0},        {"12/CP1", "12/CP1", "12/cp1", 1},
  };
  for (const OlderForm& form : forms) {
    const std::string written = form.written;
    const std::string so = "số ";
    const std::string text = so + written + " ngày 26/7/1995.";
    const auto match = issuer_only_symbol_at(text, so.size());
    ASSERT_TRUE(match) << text;
    EXPECT_EQ(match->text, form.cleaned) << text;
    EXPECT_EQ(match->key, form.key) << text;
    EXPECT_EQ(match->form, SymbolForm::issuer_only) << text;
    EXPECT_EQ(match->start, so.size()) << text;
    EXPECT_EQ(match->end, so.size() + written.size()) << text;
    EXPECT_EQ(match->marker_digits, form.marker_digits) << text;
  }
}

TEST(IssuerOnlySymbol, dates_fractions_phones_pages_and_words_are_not_numbers) {
  for (const char* written :
       {"12/3/2023", "1/2", "3/12", "9/10 điểm", "0912-345-678", "04-A", "3-Giao", "10-km", "2/Ba",
        "12/CP-", "5-HĐBT/TW", "12/CPĂN", "1234567/CP", "12/CP2020", "2026-2030"}) {
    const std::string so = "số ";
    const std::string text = so + written;
    EXPECT_FALSE(issuer_only_symbol_at(text, so.size())) << text;
  }
}

}  // namespace
}  // namespace vanban::analyzers
