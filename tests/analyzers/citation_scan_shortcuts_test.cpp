// The citation reader's shortcuts (issue 14: they spend fewer instructions per document) find
// what the walks they replaced found: find_mentions passes over a byte that no type name starts
// with instead of stepping code point by code point, and the relation reader tries only the
// predicates whose words start with the word's first byte. Made-up texts, with NFC and NFD
// letters, upper case, and ill-formed UTF-8 beside the names.
#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "structure/citation_cursor.hpp"
#include "structure/citations.hpp"
#include "structure/relations.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers::structure {
namespace {

// Texts where type names stand beside every kind of byte: accented words, NFD marks, upper
// case, a lone lead byte, a truncated sequence, stray continuation bytes, bytes never valid.
std::vector<std::string> made_up_texts() {
  return {
      "Căn cứ Nghị định số 12/2030/NĐ-CP ngày 01/02/2030 của Chính phủ; Thông tư này hết hiệu "
      "lực.",
      "CĂN CỨ NGHỊ ĐỊNH SỐ 13/2030/NĐ-CP; QUYẾT ĐỊNH SỐ 14/QĐ-UBND được thay thế.",
      // NFD: the marks after their base letters.
      "Ca\xCC\x86n cu\xCC\x9B\xCC\x81 Nghi\xCC\xA3 \x64i\xCC\xA3nh so\xCC\x82\xCC\x81 "
      "15/2030/N\xC4\x90-CP; Quye\xCC\x82\xCC\x81t \xC4\x91i\xCC\xA3nh so\xCC\x82\xCC\x81 "
      "16/Q\xC4\x90-UBND.",
      // Ill-formed: a lone lead byte, a truncated three-byte sequence, continuation bytes
      // alone, 0xC0 and 0xFF, each right before or inside a name.
      "\xC4Nghị định số 17/2030/NĐ-CP; \xE1\xBBThông tư số 18/2030/TT-BTC; "
      "\x80\xBFQuyết định số 19/QĐ-TTg; \xC0\xFFLuật Đất đai; Nghị\xC4 định số 20/2030/NĐ-CP; "
      "\xF0\x9F\x98"
      "Công văn số 21/UBND-VP hết liệu lực.",
      "Thông tư\xE2\x80\x8Bsố 22/2030/TT-BTC, Nghị quyết 23/NQ-HĐND và Chỉ thị số 24/CT-TTg "
      "bị bãi bỏ; đính chính Quyết định số 25/QĐ-BTC.",
  };
}

// Every place a type name starts, walking code point by code point (as find_mentions walked).
std::set<std::size_t> names_by_code_points(const Cursor& cursor) {
  std::set<std::size_t> found;
  for (std::size_t pos = 0; pos < cursor.text.size();) {
    if (type_at(cursor, pos)) found.insert(pos);
    std::size_t length = 0;
    code_point_at(cursor.text, pos, &length);
    pos += std::max<std::size_t>(length, 1);
  }
  return found;
}

// The same, trying only the bytes some name starts with, one byte after another.
std::set<std::size_t> names_by_first_bytes(const Cursor& cursor) {
  const auto& starts = types_by_first_byte();
  std::set<std::size_t> found;
  for (std::size_t pos = 0; pos < cursor.lowered.size(); ++pos)
    if (!starts[static_cast<unsigned char>(cursor.lowered[pos])].empty() && type_at(cursor, pos))
      found.insert(pos);
  return found;
}

TEST(CitationScanShortcuts, byte_skip_finds_the_names_a_code_point_walk_finds) {
  std::size_t names = 0;
  for (const std::string& text : made_up_texts()) {
    const Cursor cursor(text);
    ASSERT_EQ(cursor.lowered.size(), text.size());
    const std::set<std::size_t> walked = names_by_code_points(cursor);
    EXPECT_EQ(names_by_first_bytes(cursor), walked) << text;
    names += walked.size();
  }
  // The texts do hold names (the NFD one none: names are matched in NFC, as the reader's input
  // is normalised before).
  EXPECT_GE(names, 12u);
}

TEST(CitationScanShortcuts, mentions_beside_ill_formed_bytes_are_read_at_their_places) {
  const std::string text = made_up_texts()[3];
  const std::vector<Mention> mentions = find_mentions(text);
  std::vector<std::string> numbers;
  for (const Mention& mention : mentions) {
    if (!mention.citation.number) continue;
    numbers.push_back(*mention.citation.number);
    // A mention starts where its type name does.
    EXPECT_TRUE(type_at(Cursor(text), mention.position) != nullptr) << *mention.citation.number;
  }
  EXPECT_EQ(numbers, (std::vector<std::string>{"17/2030/NĐ-CP", "18/2030/TT-BTC", "19/QĐ-TTg",
                                               "21/UBND-VP"}));
}

TEST(CitationScanShortcuts, a_shared_cursor_reads_what_two_cursors_read) {
  for (const std::string& text : made_up_texts()) {
    const Cursor cursor(text);
    const std::vector<Mention> one = find_mentions(cursor);
    const std::vector<Mention> other = find_mentions(text);
    ASSERT_EQ(one.size(), other.size()) << text;
    std::vector<MentionSpan> spans;
    for (std::size_t i = 0; i < one.size(); ++i) {
      EXPECT_EQ(one[i].position, other[i].position);
      EXPECT_EQ(one[i].citation.text, other[i].citation.text);
      spans.push_back({one[i].position, one[i].end, one[i].citation.type});
    }
    const RoleContext context{std::string("Thông tư"), 0, 0};
    const std::vector<Relation> shared = classify_mentions(cursor, spans, context);
    const std::vector<Relation> own = classify_mentions(text, spans, context);
    ASSERT_EQ(shared.size(), own.size());
    for (std::size_t i = 0; i < shared.size(); ++i) {
      EXPECT_EQ(shared[i].type, own[i].type) << text;
      EXPECT_EQ(shared[i].evidence, own[i].evidence) << text;
    }
  }
}

// The relation reader's predicate lists are tried only among the words starting with the
// byte at hand (by_first_byte): at every place of the made-up texts, the first word of a list
// standing there, as typed or with one letter mistyped, is the one a walk over the whole list
// finds.
TEST(CitationScanShortcuts, a_list_by_first_byte_finds_what_the_whole_list_finds) {
  // Longest first where one opens another, as the reader's lists are.
  constexpr std::array kWords = {
      std::string_view{"hết hiệu lực"},
      std::string_view{"được thay thế"},
      std::string_view{"bị bãi bỏ"},
      std::string_view{"đính chính"},
      std::string_view{"căn cứ"},
      std::string_view{"quy định chi tiết thi hành"},
      std::string_view{"quy định chi tiết"},
      std::string_view{"thay thế"},
      std::string_view{"thực hiện"},
      std::string_view{"thi hành"},
  };
  constexpr auto index = by_first_byte(kWords, [](std::string_view word) { return word; });
  constexpr std::size_t kNone = kWords.size();
  const auto whole_list = [&](const Cursor& cursor, std::size_t pos, bool slip) {
    for (std::size_t i = 0; i < kWords.size(); ++i)
      if (slip ? cursor.formula_slip_at(pos, kWords[i]) : cursor.word_at(pos, kWords[i])) return i;
    return kNone;
  };
  const auto by_byte = [&](const Cursor& cursor, std::size_t pos, bool slip) {
    const auto byte = static_cast<unsigned char>(cursor.lowered[pos]);
    for (std::size_t k = 0; k < index.count[byte]; ++k) {
      const std::size_t i = index.items[byte][k];
      if (slip ? cursor.formula_slip_at(pos, kWords[i]) : cursor.word_at(pos, kWords[i])) return i;
    }
    return kNone;
  };
  std::size_t stood = 0;
  std::vector<std::string> texts = made_up_texts();
  texts.push_back(
      "Căn cứ Quy định chi tiết thi hành; thay thế, THỰC HIỆN và thi hành; hết liệu "
      "lực; bị bãi bõ; được thay thê.");
  for (const std::string& text : texts) {
    const Cursor cursor(text);
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
      for (const bool slip : {false, true}) {
        const std::size_t found = whole_list(cursor, pos, slip);
        EXPECT_EQ(by_byte(cursor, pos, slip), found) << text.substr(pos, 20);
        stood += found != kNone ? 1 : 0;
      }
    }
  }
  EXPECT_GE(stood, 15u);
  // The index keeps the list's order within a byte ("quy định chi tiết thi hành" before
  // "quy định chi tiết").
  EXPECT_EQ(index.count[static_cast<unsigned char>('q')], 2);
  EXPECT_EQ(index.items[static_cast<unsigned char>('q')][0], 5);
  EXPECT_EQ(index.count[static_cast<unsigned char>('x')], 0);
}

}  // namespace
}  // namespace vanban::analyzers::structure
