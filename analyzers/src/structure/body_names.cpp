#include "structure/body_names.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "vanban/analyzers/fold.hpp"

#include "structure/parts.hpp"
#include "structure/tables.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers::structure {
namespace {

// Strips the marks that close a phrase off the end of `word` (a comma, a bracket, a closing
// quote); whether there were any: a place's name ends there.
bool strip_closing_marks(std::string_view& word) {
  bool closes = false;
  // ND30's end mark "./." closes a text's last sentence ("... xã Hòa Bình./."): its slash too.
  while (!word.empty() &&
         std::string_view(",.;:)”\"/").find(word.back()) != std::string_view::npos) {
    word.remove_suffix(1);
    closes = true;
  }
  return closes;
}

// The fields of the ministries (docs/domain.md §4.2), current and before the 2025 mergers; a
// province's department (Sở, §4.3) carries the name of its ministry's field.
struct Field {
  std::string_view name;
  bool local_department;  // a "Sở <field>" exists
};
constexpr std::array kMinistryFields = {
    Field{"Quốc phòng", false},
    Field{"Công an", false},
    Field{"Ngoại giao", false},
    Field{"Nội vụ", true},
    Field{"Tư pháp", true},
    Field{"Tài chính", true},
    Field{"Công Thương", true},
    Field{"Kế hoạch và Đầu tư", true},
    Field{"Nông nghiệp và Phát triển nông thôn", true},
    Field{"Tài nguyên và Môi trường", true},
    Field{"Nông nghiệp và Môi trường", true},
    Field{"Giao thông vận tải", true},
    Field{"Xây dựng", true},
    Field{"Thông tin và Truyền thông", true},
    Field{"Khoa học và Công nghệ", true},
    Field{"Giáo dục và Đào tạo", true},
    Field{"Y tế", true},
    Field{"Lao động - Thương binh và Xã hội", true},
    Field{"Văn hóa, Thể thao và Du lịch", true},
    Field{"Dân tộc và Tôn giáo", true},
};

// Bodies named in full (docs/domain.md §2.1, §3.4, §4.1, §4.3). Party units of a committee ("Ban
// Tổ chức", "Ủy ban Kiểm tra") are named without the committee ("Trung ương", "Tỉnh ủy"),
// which follows as a name of its own.
constexpr std::array kBodies = {
    std::string_view{"Quốc hội"},
    std::string_view{"Ủy ban Thường vụ Quốc hội"},
    std::string_view{"Văn phòng Quốc hội"},
    std::string_view{"Hội đồng Dân tộc"},
    std::string_view{"Chủ tịch nước"},
    std::string_view{"Văn phòng Chủ tịch nước"},
    std::string_view{"Chính phủ"},
    std::string_view{"Hội đồng Chính phủ"},
    std::string_view{"Hội đồng Bộ trưởng"},
    std::string_view{"Văn phòng Chính phủ"},
    std::string_view{"Thanh tra Chính phủ"},
    std::string_view{"Tòa án nhân dân tối cao"},
    std::string_view{"Hội đồng Thẩm phán Tòa án nhân dân tối cao"},
    std::string_view{"Hội đồng Thẩm phán"},
    std::string_view{"Viện kiểm sát nhân dân tối cao"},
    std::string_view{"Kiểm toán nhà nước"},
    std::string_view{"Ngân hàng Nhà nước Việt Nam"},
    std::string_view{"Ngân hàng Nhà nước"},
    std::string_view{"Ủy ban Dân tộc"},
    std::string_view{"Kho bạc Nhà nước"},
    std::string_view{"Bảo hiểm xã hội Việt Nam"},
    std::string_view{"Mặt trận Tổ quốc Việt Nam"},
    std::string_view{"Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"},
    std::string_view{"Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"},
    std::string_view{"Ủy ban Mặt trận Tổ quốc Việt Nam"},
    std::string_view{"Ủy ban Mặt trận Tổ quốc"},
    std::string_view{"Ủy ban nhân dân"},
    std::string_view{"Hội đồng nhân dân"},
    std::string_view{"Thường trực Hội đồng nhân dân"},
    std::string_view{"Đảng Cộng sản Việt Nam"},
    std::string_view{"Ban Chấp hành Trung ương Đảng"},
    std::string_view{"Ban Chấp hành Trung ương"},
    std::string_view{"Ban Chấp hành"},
    std::string_view{"Bộ Chính trị"},
    std::string_view{"Ban Bí thư"},
    std::string_view{"Ban Thường vụ"},
    std::string_view{"Ban cán sự đảng"},
    std::string_view{"Đảng đoàn"},
    std::string_view{"Văn phòng Trung ương Đảng"},
    std::string_view{"Ban Tổ chức"},
    std::string_view{"Ban Tuyên giáo"},
    std::string_view{"Ban Dân vận"},
    std::string_view{"Ban Tuyên giáo và Dân vận"},
    std::string_view{"Ban Nội chính"},
    std::string_view{"Ban Kinh tế"},
    std::string_view{"Ban Đối ngoại"},
    std::string_view{"Ủy ban Kiểm tra"},
    std::string_view{"Quân ủy Trung ương"},
    std::string_view{"Trung ương Đảng"},
    std::string_view{"Trung ương"},
    std::string_view{"Tỉnh ủy"},
    std::string_view{"Thành ủy"},
    std::string_view{"Huyện ủy"},
    std::string_view{"Quận ủy"},
    std::string_view{"Thị ủy"},
    std::string_view{"Đảng ủy"},
    std::string_view{"Đảng bộ"},
    std::string_view{"Chi bộ"},
    // Socio-political organisations of the Front, which apply ND30 "cho phù hợp" (Điều 2.2)
    // [U: names from general knowledge].
    std::string_view{"Đoàn Thanh niên Cộng sản Hồ Chí Minh"},
    std::string_view{"Đoàn TNCS Hồ Chí Minh"},
    std::string_view{"Tổng Liên đoàn Lao động Việt Nam"},
    std::string_view{"Hội Liên hiệp Phụ nữ Việt Nam"},
    std::string_view{"Hội Nông dân Việt Nam"},
    std::string_view{"Hội Cựu chiến binh Việt Nam"},
    std::string_view{"Liên đoàn Lao động"},
    // Boards of State enterprises, which ND30 covers (Điều 2) [U: names from the enterprise law].
    std::string_view{"Hội đồng thành viên"},
    std::string_view{"Hội đồng quản trị"},
};

// Territorial units of central bodies ("Ngân hàng Nhà nước Chi nhánh tỉnh ...", "Kho bạc Nhà
// nước Khu vực III") [U: names from general knowledge]. Only capitalised: "chi nhánh", "khu
// vực" in lower case are common nouns.
constexpr std::array kCapitalisedUnits = {
    std::string_view{"Chi nhánh"},
    std::string_view{"Khu vực"},
};

// Posts that issue or sign (docs/domain.md §1.6, §2.1); the body usually follows.
constexpr std::array kPosts = {
    std::string_view{"Thủ tướng Chính phủ"},
    std::string_view{"Thủ tướng"},
    std::string_view{"Phó Thủ tướng Chính phủ"},
    std::string_view{"Phó Thủ tướng"},
    std::string_view{"Chủ tịch Quốc hội"},
    std::string_view{"Phó Chủ tịch Quốc hội"},
    std::string_view{"Chủ tịch"},
    std::string_view{"Phó Chủ tịch"},
    std::string_view{"Bộ trưởng"},
    std::string_view{"Thứ trưởng"},
    std::string_view{"Thủ trưởng cơ quan ngang bộ"},
    std::string_view{"Giám đốc"},
    std::string_view{"Phó Giám đốc"},
    std::string_view{"Tổng Giám đốc"},
    std::string_view{"Thống đốc"},
    std::string_view{"Phó Thống đốc"},
    std::string_view{"Tổng Kiểm toán nhà nước"},
    std::string_view{"Tổng Thanh tra Chính phủ"},
    std::string_view{"Chánh án"},
    std::string_view{"Viện trưởng"},
    std::string_view{"Chánh Văn phòng"},
    std::string_view{"Phó Chánh Văn phòng"},
    std::string_view{"Trưởng ban"},
    std::string_view{"Phó Trưởng ban"},
    std::string_view{"Tổng Bí thư"},
    std::string_view{"Bí thư"},
    std::string_view{"Phó Bí thư"},
    std::string_view{"Chủ nhiệm"},
    std::string_view{"Tổng cục trưởng"},
    std::string_view{"Hiệu trưởng"},
    std::string_view{"Phó Hiệu trưởng"},
    std::string_view{"Cục trưởng"},
    std::string_view{"Vụ trưởng"},
};

struct Token {
  std::string form;  // exact_form of a word; "," for any comma or dash
  std::size_t end = 0;
  bool punctuation = false;
  bool can_end = true;  // false inside the expansion of an abbreviation ("UBND")
};

bool is_dash(char32_t c) {
  return c == U'-' || c == U'\u2010' || c == U'\u2013' || c == U'\u2014';
}

// The words of `text` from `pos` in comparable form, up to `limit` tokens or to punctuation
// that cannot stand inside a name (";", ".", ":", "(", quotes).
std::vector<Token> read_tokens(std::string_view text, std::size_t pos, std::size_t limit) {
  std::vector<Token> tokens;
  while (pos < text.size() && tokens.size() < limit) {
    while (pos < text.size() && is_space(text[pos]))
      ++pos;
    if (pos >= text.size()) break;
    std::size_t length = 0;
    const char32_t c = code_point_at(text, pos, &length);
    if (c == U',' || is_dash(c)) {
      tokens.push_back({",", pos + length, true, true});
      pos += length;
      continue;
    }
    if (c == U'&') {
      tokens.push_back({"và", pos + length, false, true});
      pos += length;
      continue;
    }
    if (!is_word_char(c)) break;
    std::size_t end = pos;
    while (end < text.size()) {
      std::size_t next = 0;
      if (!is_word_char(code_point_at(text, end, &next))) break;
      end += next;
    }
    std::string_view word = text.substr(pos, end - pos);
    // "TP." and the like keep their dot.
    if (end < text.size() && text[end] == '.' &&
        expand_abbreviation(text.substr(pos, end + 1 - pos)))
      word = text.substr(pos, ++end - pos);
    if (const auto full = expand_abbreviation(word)) {
      const auto words = split_words(*full);
      for (std::size_t i = 0; i < words.size(); ++i)
        tokens.push_back({exact_form(words[i]), end, false, i + 1 == words.size()});
    } else {
      tokens.push_back({exact_form(word), end, false, true});
    }
    pos = end;
  }
  return tokens;
}

struct Pattern {
  std::vector<Token> tokens;
  NameKind kind = NameKind::body;
  bool needs_capital = false;
};

struct Patterns {
  std::unordered_map<std::string, std::vector<Pattern>> by_first_word;
  std::size_t longest = 0;

  void add(std::string_view written, NameKind kind, bool needs_capital = false) {
    Pattern pattern{read_tokens(written, 0, 64), kind, needs_capital};
    longest = std::max(longest, pattern.tokens.size());
    by_first_word[pattern.tokens.front().form].push_back(std::move(pattern));
  }
};

const Patterns& name_patterns() {
  static const Patterns patterns = [] {
    Patterns out;
    for (std::string_view body : kBodies)
      out.add(body, NameKind::body);
    for (const Field& field : kMinistryFields) {
      out.add("Bộ " + std::string(field.name), NameKind::body);
      if (field.local_department) out.add("Sở " + std::string(field.name), NameKind::body);
    }
    for (std::string_view unit : kCapitalisedUnits)
      out.add(unit, NameKind::body, true);
    for (std::string_view post : kPosts)
      out.add(post, NameKind::post);
    return out;
  }();
  return patterns;
}

const Patterns& level_patterns() {
  static const Patterns patterns = [] {
    Patterns out;
    // Administrative levels, optionally after "cấp" or "các".
    for (std::string_view level : administrative_levels()) {
      out.add(level, NameKind::body);
      out.add("cấp " + std::string(level), NameKind::body);
      out.add("các " + std::string(level), NameKind::body);
    }
    return out;
  }();
  return patterns;
}

// Tokens consumed when `pattern` matches the start of `tokens`, else 0. Commas and dashes of
// the pattern may be missing from the text; any one of them stands for another.
std::size_t match_length(const std::vector<Token>& pattern, const std::vector<Token>& tokens) {
  std::size_t j = 0;
  for (const Token& wanted : pattern) {
    if (wanted.punctuation) {
      if (j < tokens.size() && tokens[j].punctuation) ++j;
      continue;
    }
    if (j >= tokens.size() || tokens[j].punctuation || tokens[j].form != wanted.form) return 0;
    ++j;
  }
  return j > 0 && tokens[j - 1].can_end && !tokens[j - 1].punctuation ? j : 0;
}

std::optional<NameMatch> longest_match(const Patterns& patterns, std::string_view text,
                                       std::size_t pos) {
  if (pos >= text.size() || !is_word_char(code_point_at(text, pos))) return std::nullopt;
  // Every text word may expand to several words (an abbreviation): read enough of them.
  const std::vector<Token> tokens = read_tokens(text, pos, patterns.longest + 4);
  if (tokens.empty() || tokens.front().punctuation) return std::nullopt;
  const auto candidates = patterns.by_first_word.find(tokens.front().form);
  if (candidates == patterns.by_first_word.end()) return std::nullopt;
  std::optional<NameMatch> best;
  const bool capitalised = starts_upper(text.substr(pos, 4));
  for (const Pattern& pattern : candidates->second) {
    if (pattern.needs_capital && !capitalised) continue;
    const std::size_t length = match_length(pattern.tokens, tokens);
    if (length == 0) continue;
    const std::size_t end = tokens[length - 1].end;
    if (!best || end > best->end) best = NameMatch{end, length, pattern.kind};
  }
  return best;
}

}  // namespace

std::optional<NameMatch> known_name_at(std::string_view text, std::size_t pos) {
  return longest_match(name_patterns(), text, pos);
}

const std::vector<std::string>& ministry_and_department_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const Field& field : kMinistryFields) {
      std::vector<std::string_view> heads{"Bộ"};
      if (field.local_department) heads.emplace_back("Sở");
      // "Nông nghiệp" of "Nông nghiệp và Phát triển nông thôn", "Văn hóa" of "Văn hóa, Thể
      // thao và Du lịch": a field's first part, when the rest is abbreviated or left out.
      const std::string_view first = field.name.substr(0, field.name.find_first_of(",-"));
      const std::size_t joined = first.find(" và ");
      const std::string_view part = first.substr(0, joined);
      for (std::string_view head : heads) {
        out.push_back(std::string(head) + " " + std::string(field.name));
        if (part.size() < field.name.size())
          out.push_back(std::string(head) + " " + std::string(trim(part)));
      }
    }
    return out;
  }();
  return names;
}

const std::vector<std::string>& known_names_as_written() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out(kBodies.begin(), kBodies.end());
    for (const Field& field : kMinistryFields) {
      out.push_back("Bộ " + std::string(field.name));
      if (field.local_department) out.push_back("Sở " + std::string(field.name));
    }
    out.insert(out.end(), kPosts.begin(), kPosts.end());
    return out;
  }();
  return names;
}

std::optional<std::size_t> level_at(std::string_view text, std::size_t pos) {
  const auto level = longest_match(level_patterns(), text, pos);
  if (!level) return std::nullopt;
  if (starts_upper(text.substr(pos, 4))) {
    std::size_t next = level->end;
    while (next < text.size() && is_space(text[next]))
      ++next;
    const char32_t c = code_point_at(text, next);
    if (!is_upper(c) && !is_digit(c)) return std::nullopt;
  }
  return level->end;
}

namespace {

// The short names the Statute gives a committee (folded), as it writes them.
struct CommitteeName {
  std::string_view key;
  std::string_view written;
};
constexpr std::array kCommitteeNames = {
    CommitteeName{"tinh uy", "Tỉnh ủy"},   CommitteeName{"thanh uy", "Thành ủy"},
    CommitteeName{"huyen uy", "Huyện ủy"}, CommitteeName{"quan uy", "Quận ủy"},
    CommitteeName{"thi uy", "Thị ủy"},     CommitteeName{"dang uy", "Đảng ủy"},
};

// "Tỉnh Ủy Thừa Thiên Huế", "TỈNH ỦY YÊN BÁI" → the short name as the Statute writes it and the
// rest as written; nullopt when the name does not open with one.
std::optional<std::string> committee_as_written(std::string_view name) {
  const std::vector<std::string_view> words = split_words(name);
  // A name in capitals is cased by the header's rules, not here.
  if (words.size() < 2 || is_upper_text(name)) return std::nullopt;
  const std::string key = fold_key(words[0]) + " " + fold_key(words[1]);
  for (const CommitteeName& committee : kCommitteeNames) {
    if (key != committee.key) continue;
    const std::size_t rest =
        static_cast<std::size_t>(words[1].data() - name.data()) + words[1].size();
    return std::string(committee.written) + std::string(name.substr(rest));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> party_committee_short_name(std::string_view name) {
  const std::vector<std::string_view> words = split_words(name);
  static constexpr std::size_t kLong = 5;  // "Ban Chấp hành Đảng bộ"
  // The standing committee ("Ban Thường vụ Tỉnh ủy Yên Bái") and the standing members
  // ("Thường trực Huyện ủy ...") act in their committee's name: Hướng dẫn 36-HD/VPTW sets ô 2 to
  // the committee ("TỈNH ỦY YÊN BÁI") and numbers their documents as its own ("17-CT/TU"); the
  // signature says who signed for it ("T/M BAN THƯỜNG VỤ"). One value per body in the facet.
  for (std::size_t lead : {std::size_t{3}, std::size_t{2}}) {
    if (words.size() < lead + 2) continue;
    std::string head;
    for (std::size_t i = 0; i < lead; ++i)
      head += (i ? " " : "") + fold_key(words[i]);
    if (head != (lead == 3 ? "ban thuong vu" : "thuong truc")) continue;
    const std::string_view rest =
        name.substr(static_cast<std::size_t>(words[lead].data() - name.data()));
    if (auto committee = party_committee_short_name(rest)) return committee;
    return committee_as_written(rest);
  }
  if (words.size() >= 2 && !starts_with(fold_key(words[0]), "ban"))
    if (auto written = committee_as_written(name); written && *written != name) return written;
  if (words.size() < kLong + 1) return std::nullopt;
  std::string head;
  for (std::size_t i = 0; i < kLong; ++i)
    head += (i ? " " : "") + fold_key(words[i]);
  if (head != "ban chap hanh dang bo") return std::nullopt;
  struct Level {
    std::string_view key;  // the level word(s), folded
    std::string_view short_name;
    bool keeps_level;  // "Đảng ủy xã Tân Lập": a base committee keeps its unit's level
  };
  // Longer level words first ("thị xã" before "xã").
  static constexpr std::array kLevels = {
      Level{"thanh pho", "Thành ủy", false}, Level{"thi xa", "Thị ủy", false},
      Level{"thi tran", "Đảng ủy", true},    Level{"tinh", "Tỉnh ủy", false},
      Level{"huyen", "Huyện ủy", false},     Level{"quan", "Quận ủy", false},
      Level{"xa", "Đảng ủy", true},          Level{"phuong", "Đảng ủy", true},
  };
  for (const Level& level : kLevels) {
    const std::size_t level_words = level.key.find(' ') == std::string_view::npos ? 1 : 2;
    if (words.size() < kLong + level_words) continue;
    std::string key;
    for (std::size_t i = 0; i < level_words; ++i)
      key += (i ? " " : "") + fold_key(words[kLong + i]);
    if (key != level.key) continue;
    // Named by its level alone ("Ban Chấp hành Đảng bộ tỉnh xây dựng ..."): the short name
    // alone, its place to be found in the text (committee_with_place()).
    if (words.size() == kLong + level_words) {
      if (level.keeps_level) return std::nullopt;
      return std::string(level.short_name);
    }
    const std::size_t from = level.keeps_level ? kLong : kLong + level_words;
    const std::size_t start = static_cast<std::size_t>(words[from].data() - name.data());
    return std::string(level.short_name) + " " + std::string(trim(name.substr(start)));
  }
  return std::nullopt;
}

namespace {

// Whether a word of the text is the word `exact` (exact_form, marks kept) whose folded form
// it shares: written with the same marks, or with none at all (a text typed without
// diacritics). A word whose marks differ is another word: "Tình" of a village's name "Tình Á"
// is not the level "tỉnh", "Xá" not "xã".
bool same_word_or_unmarked(std::string_view word, std::string_view exact) {
  const bool unmarked = std::all_of(word.begin(), word.end(),
                                    [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  return unmarked || exact_form(word) == exact;
}

// The one place the text gives after any of `phrases` (as written: "đảng bộ tỉnh"): the
// capitalised words after it ("Quảng Trị"), a longer reading that opens with it ("Quảng Trị
// Nguyễn ...", a post's holder after it) counting as the same; nullopt when the text gives none
// or several. The phrase's words are matched with their marks (same_word_or_unmarked).
std::optional<std::string> one_place_after(std::initializer_list<std::string_view> phrases,
                                           std::string_view text) {
  constexpr std::size_t kReadBytes = 20000;
  const std::vector<std::string_view> words = split_words(text.substr(0, kReadBytes));
  std::vector<std::string> keys;
  keys.reserve(words.size());
  for (std::string_view word : words)
    keys.push_back(fold_key(word));
  std::vector<std::vector<std::string_view>> places;
  for (std::string_view phrase : phrases) {
    std::vector<std::string> phrase_keys;
    std::vector<std::string> phrase_exact;
    for (std::string_view word : split_words(phrase)) {
      phrase_keys.push_back(fold_key(word));
      phrase_exact.push_back(exact_form(word));
    }
    for (std::size_t w = 0; w + phrase_keys.size() < words.size(); ++w) {
      std::size_t k = 0;
      while (k < phrase_keys.size() && keys[w + k] == phrase_keys[k] &&
             same_word_or_unmarked(words[w + k], phrase_exact[k]))
        ++k;
      if (k < phrase_keys.size()) continue;
      // A level after a plural ("các tỉnh Nghệ An, Hà Tĩnh, ...", "những xã ...") names several
      // units the text speaks of, none of them the body's own.
      if (w > 0 && (keys[w - 1] == "cac" || keys[w - 1] == "nhung")) continue;
      std::vector<std::string_view> place;
      for (std::size_t p = w + k; p < words.size() && place.size() < 6; ++p) {
        // A line that opens with a body's name ("... tại Trụ sở Tiếp công dân tỉnh" / "Văn
        // phòng ...") is no part of the place; a place wrapped over two lines ("Quảng" /
        // "Trị") is.
        // Nor does a place go on past an empty line: the paragraph ended there ("... Lãnh đạo
        // UBND huyện" / "" / "Hiện nay, ...").
        const char* gap = words[p - 1].data() + words[p - 1].size();
        const std::string_view between(gap, static_cast<std::size_t>(words[p].data() - gap));
        // A line that ends on the level word alone ("Ủy ban nhân dân tỉnh" / "Chủ nhật
        // 25/10/2020", a page's title over its date) sets no place on the next line.
        const std::size_t newline = between.find('\n');
        if (newline != std::string_view::npos &&
            (p == w + k || between.find('\n', newline + 1) != std::string_view::npos ||
             starts_with_body_name(
                 text.substr(static_cast<std::size_t>(words[p].data() - text.data())))))
          break;
        std::string_view word = words[p];
        const bool closes = strip_closing_marks(word);
        // A word in capitals is a heading's, not a place's; but a syllable of one letter
        // ("huyện U Minh Thượng", "huyện A Lưới") is a name's word in title case.
        std::size_t first_length = 0;
        if (!word.empty()) code_point_at(word, 0, &first_length);
        const bool one_letter = !word.empty() && first_length == word.size();
        if (word.empty() || !starts_upper(word) || (is_upper_text(word) && !one_letter)) break;
        place.push_back(word);
        if (closes) break;
      }
      if (!place.empty()) places.push_back(std::move(place));
    }
  }
  if (places.empty()) return std::nullopt;
  const auto shortest =
      std::min_element(places.begin(), places.end(),
                       [](const auto& a, const auto& b) { return a.size() < b.size(); });
  for (const auto& place : places)
    for (std::size_t i = 0; i < shortest->size(); ++i)
      if (fold_key(place[i]) != fold_key((*shortest)[i])) return std::nullopt;
  // The readings agree as far as the shortest goes. The shortest is the place unless a longer
  // reading is the text's most frequent one and the shortest was read once: a name cut by a
  // broken line or a scan ("tỉnh Bắc" / "" of "tỉnh Bắc Ninh", written whole three times).
  const auto count_of = [&](const std::vector<std::string_view>& reading) {
    return std::count_if(places.begin(), places.end(), [&](const auto& other) {
      if (other.size() != reading.size()) return false;
      for (std::size_t i = 0; i < reading.size(); ++i)
        if (fold_key(other[i]) != fold_key(reading[i])) return false;
      return true;
    });
  };
  const std::vector<std::string_view>* chosen = &*shortest;
  if (count_of(*shortest) == 1) {
    std::ptrdiff_t best = 1;
    for (const auto& place : places) {
      const std::ptrdiff_t count = count_of(place);
      if (count > best) {
        best = count;
        chosen = &place;
      }
    }
  }
  std::string named;
  for (std::string_view word : *chosen)
    named += (named.empty() ? "" : " ") + std::string(word);
  return named;
}

}  // namespace

// A committee named by its level alone ("Tỉnh ủy", of "Ban Thường vụ Tỉnh ủy (khóa XV) ban hành
// ..."): a committee is its Party organisation's (Điều lệ Đảng: the tỉnh ủy is the executive
// committee of the đảng bộ tỉnh), so the place is the one the text gives that organisation or
// that committee at the same level ("Đại hội đại biểu Đảng bộ tỉnh Quảng Trị", "Tỉnh ủy Thừa
// Thiên Huế"): the capitalised words after it. Only when the text names one such place (a
// longer reading that opens with it, "Quảng Trị Nguyễn ...", a post's holder after it, counts
// as the same); nullopt otherwise.
std::optional<std::string> committee_with_place(std::string_view issuer, std::string_view text) {
  struct Level {
    std::string_view short_name;
    std::string_view organisation;  // "đảng bộ tỉnh"
    std::string_view committee;     // "tỉnh ủy"
  };
  static constexpr std::array kLevels = {
      Level{"Tỉnh ủy", "đảng bộ tỉnh", "tỉnh ủy"},
      Level{"Thành ủy", "đảng bộ thành phố", "thành ủy"},
      Level{"Huyện ủy", "đảng bộ huyện", "huyện ủy"},
      Level{"Quận ủy", "đảng bộ quận", "quận ủy"},
      Level{"Thị ủy", "đảng bộ thị xã", "thị ủy"},
  };
  const Level* level = nullptr;
  for (const Level& candidate : kLevels)
    if (issuer == candidate.short_name) level = &candidate;
  if (level == nullptr) return std::nullopt;
  const auto place = one_place_after({level->organisation, level->committee}, text);
  if (!place) return std::nullopt;
  return std::string(issuer) + " " + *place;
}

// A local body named with its level but not its place ("Văn phòng Đoàn ĐBQH, HĐND và UBND
// tỉnh", of a page's "... UBND tỉnh thông báo ..."): a local body's name includes its place
// (docs/domain.md: the tỉnh, huyện, xã of a local name), so the place is the one the text gives
// that level ("tỉnh Tây Ninh"). Only when the text names one such place; nullopt otherwise, and
// for a name that does not end with a level in lower case.
std::optional<std::string> body_with_place(std::string_view issuer, std::string_view text) {
  const std::vector<std::string_view> words = split_words(issuer);
  if (words.size() < 2 || !starts_lower(words.back())) return std::nullopt;
  // The table's levels ("thị xã" before "xã", which ends it).
  for (std::string_view level : administrative_levels()) {
    const std::size_t level_words = level.find(' ') == std::string_view::npos ? 1 : 2;
    if (words.size() <= level_words) continue;
    std::string key;
    for (std::size_t i = words.size() - level_words; i < words.size(); ++i)
      key += (key.empty() ? "" : " ") + fold_key(words[i]);
    if (key != fold_key(level)) continue;
    const auto place = one_place_after({level}, text);
    if (!place) return std::nullopt;
    // The level as the text writes it where it names the place: a scan's slip in the name's
    // last word ("ĐA KHOA TĨNH" for TỈNH) is that level, the place found after it so written.
    // (A name typed without diacritics keeps its unmarked level.)
    const std::size_t level_start =
        static_cast<std::size_t>(words[words.size() - level_words].data() - issuer.data());
    const std::string_view written = issuer.substr(level_start);
    const bool unmarked = std::all_of(written.begin(), written.end(),
                                      [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    return std::string(issuer.substr(0, level_start)) + std::string(unmarked ? written : level) +
           " " + *place;
  }
  return std::nullopt;
}

std::optional<std::string> association_branch(std::string_view issuer) {
  const std::vector<std::string_view> words = split_words(issuer);
  // "Hội" <name> "Việt Nam" <level> "hội" <place>
  if (words.size() < 7 || fold_key(words[0]) != "hoi") return std::nullopt;
  for (std::size_t w = 2; w + 4 < words.size(); ++w) {
    if (fold_key(words[w]) != "viet" || fold_key(words[w + 1]) != "nam" ||
        fold_key(words[w + 3]) != "hoi")
      continue;
    const std::string level = fold_key(words[w + 2]);
    std::string_view written;
    if (level == "tinh")
      written = "tỉnh";
    else if (level == "huyen")
      written = "huyện";
    else if (level == "thanh")
      written = "thành phố";
    else
      return std::nullopt;
    std::string name;
    for (std::size_t i = 0; i < w; ++i)
      name += (i ? " " : "") + std::string(words[i]);
    name += " " + std::string(written);
    for (std::size_t i = w + 4; i < words.size(); ++i)
      name += " " + capitalize_first(std::string(words[i]));
    return name;
  }
  return std::nullopt;
}

std::optional<std::string> school_of_its_board(std::string_view issuer) {
  const std::vector<std::string_view> words = split_words(issuer);
  // "Ban" "Giám" "hiệu" "trường" <level> <name>: the board of a school named with its name.
  if (words.size() < 6 || fold_key(words[0]) != "ban" || fold_key(words[1]) != "giam" ||
      fold_key(words[2]) != "hieu" || fold_key(words[3]) != "truong")
    return std::nullopt;
  const std::string_view rest =
      trim(issuer.substr(static_cast<std::size_t>(words[4].data() - issuer.data())));
  if (!starts_upper(rest)) return std::nullopt;
  return "Trường " + std::string(rest);
}

std::optional<std::string> district_office_with_place(std::string_view issuer,
                                                      std::string_view text) {
  // "Phòng" and a field of the ministries' (a district's office mirrors a department's field,
  // "Phòng Giáo dục và Đào tạo"), nothing after it.
  // The field's "và" may be written as a dash or "&" ("Giáo dục- Đào tạo", "GD&ĐT" spelled
  // out): the same field, written as its name is.
  const auto field_key = [](std::string_view name) {
    std::string spaced(name);
    for (char& c : spaced)
      if (c == '-' || c == '&' || c == ',') c = ' ';
    std::string key;
    for (std::string_view word : split_words(spaced)) {
      const std::string folded = fold_key(word);
      if (folded != "va") key += (key.empty() ? "" : " ") + folded;
    }
    return key;
  };
  if (!starts_with(fold_key(issuer), "phong ")) return std::nullopt;
  constexpr std::size_t kReadBytes = 20000;
  const std::vector<std::string_view> words = split_words(text.substr(0, kReadBytes));
  const std::string key = field_key(issuer.substr(issuer.find(' ') + 1));
  const auto field = std::find_if(kMinistryFields.begin(), kMinistryFields.end(),
                                  [&](const Field& f) { return field_key(f.name) == key; });
  if (field == kMinistryFields.end()) {
    // The office named with its district's name but not its level ("Phòng Giáo dục và Đào tạo
    // Mộc Châu"): a local body's name holds both (docs/domain.md), and the text names the level
    // as it speaks of its district ("trong toàn huyện"). One level word only (a huyện's, a
    // quận's or a thị xã's), or the name stays as written.
    const std::vector<std::string_view> named = split_words(issuer);
    for (std::size_t w = std::max<std::size_t>(2, named.size() >= 4 ? named.size() - 4 : 0);
         w + 1 < named.size(); ++w) {
      const std::string_view place =
          issuer.substr(static_cast<std::size_t>(named[w].data() - issuer.data()));
      const auto place_words = split_words(place);
      if (!std::all_of(place_words.begin(), place_words.end(), [](std::string_view word) {
            return starts_upper(word) && !is_upper_text(word);
          }))
        continue;
      const std::string_view office =
          trim(issuer.substr(0, static_cast<std::size_t>(named[w].data() - issuer.data())));
      const std::string office_key = field_key(office.substr(office.find(' ') + 1));
      if (std::none_of(kMinistryFields.begin(), kMinistryFields.end(),
                       [&](const Field& f) { return field_key(f.name) == office_key; }))
        continue;
      std::string_view level;
      for (std::size_t i = 0; i < words.size(); ++i) {
        std::string_view found;
        if (words[i] == "huyện" || words[i] == "quận")
          found = words[i];
        else if (words[i] == "thị" && i + 1 < words.size() && words[i + 1] == "xã")
          found = "thị xã";
        if (found.empty()) continue;
        if (!level.empty() && level != found) return std::nullopt;
        level = found;
      }
      if (level.empty()) return std::nullopt;
      return std::string(office) + " " + std::string(level) + " " + std::string(place);
    }
    return std::nullopt;
  }
  struct Unit {
    std::string written;  // "Quận 11", "thành phố Huế"
    std::string key;
  };
  std::vector<Unit> districts;
  std::vector<Unit> cities;
  for (std::size_t w = 0; w + 1 < words.size(); ++w) {
    // The level as a word, in lower case or capitalised as a name's first word ("Quận 11"),
    // never a folded look-alike ("cơ quan", "quản").
    const std::string_view first = words[w];
    const std::string_view second = words[w + 1];
    std::size_t level_words = 0;
    bool city = false;
    if (first == "quận" || first == "Quận" || first == "huyện" || first == "Huyện") {
      level_words = 1;
    } else if ((first == "thị" || first == "Thị") && second == "xã") {
      level_words = 2;
    } else if ((first == "thành" || first == "Thành") && second == "phố") {
      level_words = 2;
      city = true;
    }
    if (level_words == 0 || w + level_words >= words.size()) continue;
    const bool numbered_level = first == "quận" || first == "Quận";
    std::vector<std::string_view> place;
    for (std::size_t p = w + level_words; p < words.size() && place.size() < 4; ++p) {
      std::string_view word = words[p];
      const bool closes = strip_closing_marks(word);
      const bool number = !word.empty() && word.front() >= '0' && word.front() <= '9';
      // A quận may be numbered ("Quận 11"): a number alone names it.
      if (number && place.empty() && numbered_level) {
        place.push_back(word);
        break;
      }
      if (word.empty() || !starts_upper(word) || is_upper_text(word) || number) break;
      place.push_back(word);
      if (closes) break;
    }
    if (place.empty()) continue;
    std::string written(words[w]);
    for (std::size_t i = 1; i < level_words; ++i)
      written += " " + std::string(words[w + i]);
    std::string name;
    for (std::string_view word : place)
      name += (name.empty() ? "" : " ") + std::string(word);
    written += " " + name;
    (city ? cities : districts).push_back(Unit{written, fold_key(written)});
  }
  const std::vector<Unit>& units = districts.empty() ? cities : districts;
  if (units.empty()) return std::nullopt;
  for (const Unit& unit : units)
    if (unit.key != units.front().key) return std::nullopt;
  return "Phòng " + std::string(field->name) + " " + units.front().written;
}

namespace {

// Kinds of local bodies that every administrative unit of a level has (docs/domain.md §2.1,
// §3.3): named without their unit they name hundreds of bodies at once.
constexpr std::array kLocalKinds = {
    std::string_view{"ban thuong truc uy ban mat tran to quoc viet nam"},
    std::string_view{"uy ban mat tran to quoc viet nam"},
    std::string_view{"thuong truc hoi dong nhan dan"},
    std::string_view{"hoi dong nhan dan"},
    std::string_view{"uy ban nhan dan"},
};

// The office, head and standing committee of a body: named before the body they belong to.
constexpr std::array kPartsOfABody = {
    std::string_view{"van phong"},
    std::string_view{"chu tich"},
    std::string_view{"ban thuong vu"},
    std::string_view{"thuong truc"},
};

// Party committees by the Statute's short name, whose level the name holds ("tỉnh ủy": a
// province's); "đảng ủy" names the committee of any level below a district.
struct PartyKind {
  std::string_view folded;
  std::string_view level;  // folded level word of the unit; empty: no one level
};
constexpr std::array kPartyKinds = {
    PartyKind{"tinh uy", "tinh"},   PartyKind{"thanh uy", "thanh pho"},
    PartyKind{"huyen uy", "huyen"}, PartyKind{"quan uy", "quan"},
    PartyKind{"thi uy", "thi xa"},  PartyKind{"dang uy", ""},
};

// Folded once: one_body reads them for every issuer that opens with a kind of local body.
std::vector<std::string> folded_all(std::span<const std::string_view> names) {
  std::vector<std::string> folded;
  folded.reserve(names.size());
  for (std::string_view name : names)
    folded.push_back(fold_key(name));
  return folded;
}

bool is_province(std::string_view folded_place) {
  static const std::vector<std::string> provinces = folded_all(province_names());
  return std::find(provinces.begin(), provinces.end(), folded_place) != provinces.end();
}

}  // namespace

std::optional<std::string> one_body(const std::string& issuer,
                                    const std::optional<std::string>& place) {
  static const std::vector<std::string> levels = folded_all(administrative_levels());
  // A body's office or head ("Văn phòng Ủy ban nhân dân tỉnh", "Chủ tịch Ủy ban nhân dân",
  // "Ban Thường vụ Tỉnh ủy") belongs to the body the rest names: one body only where that is one.
  std::string key = fold_key(issuer);
  for (std::string_view part : kPartsOfABody) {
    if (key.size() > part.size() && starts_with(key, part) && key[part.size()] == ' ') {
      key.erase(0, part.size() + 1);
      break;
    }
  }
  bool generic = false;    // the name is a kind, without its unit
  std::string_view level;  // the unit's level, folded; empty when the name gives none
  for (const PartyKind& candidate : kPartyKinds) {
    if (key == candidate.folded) {
      generic = true;
      level = candidate.level;
    }
  }
  for (std::string_view candidate : kLocalKinds) {
    if (generic) break;
    if (!starts_with(key, candidate) ||
        (key.size() > candidate.size() && key[candidate.size()] != ' '))
      continue;
    const std::string_view rest = std::string_view(key).substr(candidate.size());
    if (rest.empty()) {
      generic = true;
    } else if (std::find(levels.begin(), levels.end(), rest.substr(1)) != levels.end()) {
      generic = true;
      level = rest.substr(1);
    }
    break;  // otherwise the kind followed by its unit: one body
  }
  if (!generic) return issuer;  // a body named in full
  // The place line of a local body names the unit where it sits (ND30 Phụ lục I §II.4;
  // domain.md §1.5): the unit of a body whose name gives its level.
  if (level.empty() || !place) return std::nullopt;
  std::vector<std::string_view> place_words = split_words(trim(*place));
  const std::vector<std::string_view> level_of_place = split_words(level);
  if (place_words.size() > level_of_place.size()) {
    bool same = true;
    for (std::size_t i = 0; i < level_of_place.size(); ++i)
      same = same && fold_key(place_words[i]) == level_of_place[i];
    if (same)
      place_words.erase(place_words.begin(),
                        place_words.begin() + static_cast<std::ptrdiff_t>(level_of_place.size()));
  }
  if (place_words.empty()) return std::nullopt;
  for (std::string_view word : place_words)
    if (!starts_upper(word) && !(word.front() >= '0' && word.front() <= '9')) return std::nullopt;
  const std::string_view first = place_words.front();
  const std::string_view last = place_words.back();
  const std::string unit(first.data(),
                         static_cast<std::size_t>(last.data() + last.size() - first.data()));
  // A province's body sits in a province; a district's or a commune's in a unit that is none
  // (a provincial body's place is never a district's name, ND30; a district's never a
  // province's). A city may be either.
  const bool provincial = is_province(fold_key(unit));
  if (level == "tinh" && !provincial) return std::nullopt;
  if (level != "tinh" && level != "thanh pho" && provincial) return std::nullopt;
  return issuer + " " + unit;  // the level is the issuer's last words, or in its name
}

}  // namespace vanban::analyzers::structure
