// Ô 7 of the layout: authority ("TM.", "KT." ...), post and name of the signer.
#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "structure/body_names.hpp"
#include "structure/headless.hpp"
#include "structure/parts.hpp"
#include "structure/text.hpp"
#include "syllable.hpp"

namespace vanban::analyzers::structure {
namespace {

// "Giang": a capital letter followed by lower-case letters.
bool is_name_word(std::string_view word) {
  std::size_t length = 0;
  if (!is_upper(code_point_at(word, 0, &length))) return false;
  for (std::size_t pos = length; pos < word.size();) {
    const char32_t c = code_point_at(word, pos, &length);
    if (!is_lower(c)) return false;
    pos += length;
  }
  return true;
}

// "Trần Hữu Thùy Giang": 2-6 words, each a capital letter followed by lower-case letters.
bool is_person_name(std::string_view line) {
  const auto words = split_words(line);
  if (words.size() < 2 || words.size() > 6) return false;
  return std::all_of(words.begin(), words.end(), is_name_word);
}

// Lines that may sit between the post and the name: signature and seal marks.
bool is_signature_mark(std::string_view line) {
  // The marks are short prefixes: only the head of the line is lowered.
  const std::string lowered = lower(line.substr(0, 16));
  // A letter's closing formula above the post ("KÍNH THƯ", "TRÂN TRỌNG") is no post either.
  return lowered.starts_with("(đã ký") || lowered.starts_with("đã ký") ||
         lowered.starts_with("(ký") || lowered.starts_with("[") || lowered == "kính thư" ||
         lowered == "trân trọng" || lowered == "trân trọng!";
}

// The name a copy writes after its mark of the signature on the same line ("Đã ký: Trần Văn
// An", "(Đã ký) Trần Văn An"): a typed or converted copy of a signed document puts the mark
// where the signature stood, and some put the name beside it. Empty when no name follows.
std::string_view name_after_mark(std::string_view line) {
  line = trim(line);
  std::size_t at = 0;
  if (line.starts_with("(")) at = 1;
  const std::string head = lower(line.substr(at, 8));
  if (!head.starts_with("đã ký")) return {};
  at += std::string_view("đã ký").size();
  while (at < line.size() && (line[at] == ')' || line[at] == ':' || line[at] == ' '))
    ++at;
  const std::string_view rest = trim(line.substr(at));
  return is_person_name(rest) ? rest : std::string_view{};
}

// The name after a rank of the people's armed forces on the name's line ("Trung tá Ngô Văn
// Công"): police and army bodies sign with the signer's rank before the name (docs/domain.md
// §1.6; the ranks of Luật Công an nhân dân 2018 and Luật Sĩ quan 1999). Empty when the line
// opens with no rank or no person's name follows it.
std::string_view name_after_rank(std::string_view line) {
  static constexpr std::array kRanks = {
      std::string_view{"Thiếu úy "},     std::string_view{"Trung úy "},
      std::string_view{"Thượng úy "},    std::string_view{"Đại úy "},
      std::string_view{"Thiếu tá "},     std::string_view{"Trung tá "},
      std::string_view{"Thượng tá "},    std::string_view{"Đại tá "},
      std::string_view{"Thiếu tướng "},  std::string_view{"Trung tướng "},
      std::string_view{"Thượng tướng "}, std::string_view{"Đại tướng "},
  };
  for (std::string_view rank : kRanks)
    if (line.starts_with(rank)) {
      const std::string_view name = trim(line.substr(rank.size()));
      return is_person_name(name) ? name : std::string_view{};
    }
  return {};
}

// The name after the signs a scan's engine read the signature's stroke as, on the name's line
// ("›>Š Nguyễn Văn An"): words of fewer than two letters before a person's name. Empty when no
// such sign or no name is there; a bullet opens a recipient, not a name.
std::string_view name_after_specks(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.front() == '-' || line.front() == '+') return {};
  std::size_t at = 0;
  for (std::string_view word : split_words(line)) {
    std::size_t letters = 0;
    for (std::size_t pos = 0, length = 0; pos < word.size(); pos += length)
      if (is_word_char(code_point_at(word, pos, &length))) ++letters;
    if (letters >= 2) break;
    at = static_cast<std::size_t>(word.data() - line.data()) + word.size();
  }
  if (at == 0) return {};
  const std::string_view rest = trim(line.substr(at));
  return is_person_name(rest) ? rest : std::string_view{};
}

// A line with no word of two letters or more ("Ầ", "l", "—"): a speck of a scan's seal or
// signature that the engine read as a letter, no line of a block (no post, name or mark is one
// letter).
bool is_speck_line(std::string_view line) {
  for (std::string_view word : split_words(line)) {
    std::size_t letters = 0;
    for (std::size_t pos = 0, length = 0; pos < word.size(); pos += length)
      if (is_word_char(code_point_at(word, pos, &length))) ++letters;
    if (letters >= 2) return false;
  }
  return true;
}

// The archive line of the recipients column ("- Lưu: VT, TH.", ND30 ô 9b's last item): the
// body has ended above it, as at "Nơi nhận" (which a scan's engine may misread).
bool is_archive_item(std::string_view line) {
  line = trim(line);
  while (!line.empty() && (line.front() == '-' || line.front() == '+' || line.front() == ' '))
    line.remove_prefix(1);
  if (!line.starts_with("Lưu")) return false;
  const std::string_view rest = trim(line.substr(std::string_view("Lưu").size()));
  return rest.starts_with(":") || (!rest.empty() && is_upper(code_point_at(rest, 0)));
}

// A line that is one known post as written in running text: portals print the signer's post in
// sentence case ("Phó Chủ tịch") above "(Đã ký)".
bool is_written_post(std::string_view line) {
  const auto match = known_name_at(line, 0);
  return match && match->kind == NameKind::post && trim(line.substr(match->end)).empty();
}

// A post (ND30 ô 7b) and an authority's body (ô 7a) name a function in words ("CHỦ TỊCH", "KT.
// GIÁM ĐỐC", "TRƯỞNG BAN"), with a body's abbreviation at most beside them ("CHỦ TỊCH UBND"):
// some word is a syllable of the language. A line of codes alone ("STT", a form's table heading
// over its "Chỉ Tiêu" column; "TT", "MS") names none, so it opens no block.
bool names_a_function(std::string_view line) {
  const std::size_t authority = authority_prefix_length(line);
  line = trim(line.substr(authority));
  if (authority > 0 && line.empty()) return true;  // "KT." over the head's post, wrapped
  for (std::string_view word : split_words(line)) {
    std::u32string letters;
    for (std::size_t pos = 0, length = 0; pos < word.size(); pos += length == 0 ? 1 : length) {
      const char32_t c = code_point_at(word, pos, &length);
      if (is_letter(c)) letters.push_back(c);
    }
    if (!letters.empty() && syllable::is_vietnamese(letters)) return true;
  }
  return false;
}

// An upper-case line of a signature block: "TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH".
bool is_post_line(std::string_view line) {
  if (!is_upper_text(line)) return is_written_post(line);
  const auto words = split_words(line);
  if (words.empty() || words.size() > 12) return false;
  if (std::any_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  // Section headings ("I. MỤC ĐÍCH", "PHỤ LỤC") are not posts.
  const char first = line.front();
  if (first == '-' || first == '+' || first == '*' || first == '(') return false;
  if (line.find(':') != std::string_view::npos) return false;
  // A line that ends as ND30 ends a list item is the recipients' column, interleaved with the
  // block by pdftotext ("- Các Sở: CT, LĐTBXH, TNMT, XD," / "TTTT, NN&PTNT, GTVT;"): no post
  // ends with ";".
  if (line.back() == ';') return false;
  if (line.starts_with("PHỤ LỤC") || line.starts_with("MẪU")) return false;
  return names_a_function(line);
}

// A line of the "Nơi nhận" column (bottom left, docs/domain.md §1.7): the heading or a "- ..."
// item.
bool is_recipient_line(std::string_view line) {
  return line.starts_with("Nơi nhận") || line.starts_with("-") || line.starts_with("+");
}

// Where two columns laid out with spaces meet: a run of two spaces or a tab, the first or the
// last one of the line; npos when the line has none.
std::size_t column_gap(std::string_view line, bool last) {
  const std::size_t spaces = last ? line.rfind("  ") : line.find("  ");
  const std::size_t tab = last ? line.rfind('\t') : line.find('\t');
  if (spaces == std::string_view::npos) return tab;
  if (tab == std::string_view::npos) return spaces;
  return last ? std::max(spaces, tab) : std::min(spaces, tab);
}

// Two-column output puts a recipient and the signature block (bottom right, §1.6) on one line:
// "- Như trên;          KT. CHỦ TỊCH". The right column is what follows a run of two or more
// spaces; with the columns joined by one space, the upper-case tail that forms a post
// ("KT. CHỦ TỊCH", the authority's dot included). Empty for a recipient line without one.
std::string_view post_part(std::string_view line) {
  line = trim(line);
  // A recipient's purpose in brackets ("(để b/c)", "(để t/h)", ND30 ô 9b), set beside its item
  // in the left column and read on the post's row: the note is the recipients column's, what
  // follows it the block's ("(để b/cáo) BÍ THƯ"). A note opens in lower case; a signature's
  // mark ("(Đã ký)") is read before this, as the line's mark.
  if (line.starts_with("(")) {
    const std::size_t close = line.find(')');
    if (close != std::string_view::npos && starts_lower(line.substr(1)))
      if (const std::string_view rest = trim(line.substr(close + 1)); !rest.empty()) return rest;
  }
  if (!is_recipient_line(line)) {
    // A recipient whose dash a converter dropped (Word's automatic list marks are no text),
    // ended as ND30 ends an item, then the block's cell on the same row, one space between
    // ("Thành ủy, HĐND, UBND thành phố; Lê Thị Bích Thuận"): the cell after the last "; ".
    if (const std::size_t cut = line.rfind("; "); cut != std::string_view::npos) {
      const std::string_view right = trim(line.substr(cut + 1));
      if (is_person_name(right) || is_signature_mark(right) ||
          (authority_prefix_length(right) > 0 && is_post_line(right)))
        return right;
    }
    return line;
  }
  if (line.starts_with("Nơi nhận")) {
    line = line.substr(std::string_view("Nơi nhận").size());
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos && trim(line.substr(0, colon)).empty())
      line = line.substr(colon + 1);
  }
  const std::string_view item = trim(line);
  if (!item.starts_with("-") && !item.starts_with("+")) return item;  // after "Nơi nhận:"
  // No recipient opens with an authority ("KT.", "TM."): a dash before one ("-KT. CHỦ TỊCH") is a
  // speck a scan's engine read at the block's line, not a bullet.
  if (const std::size_t text_at = item.find_first_not_of("-+ "); text_at != std::string_view::npos)
    if (const std::string_view rest = item.substr(text_at);
        authority_prefix_length(rest) > 0 && is_post_line(rest))
      return rest;
  const auto belongs_right = [](std::string_view part) {
    return is_post_line(part) || is_person_name(part) || is_signature_mark(part);
  };
  // Columns kept apart by spaces: what follows the first (else the last) wide gap.
  for (const bool last : {false, true}) {
    const std::size_t gap = column_gap(item, last);
    if (gap == std::string_view::npos) break;
    if (const auto right = trim(item.substr(gap)); belongs_right(right)) return right;
  }
  // One space between the columns: the longest tail that opens with an authority
  // ("- Như trên; KT. CHỦ TỊCH"), else the upper-case tail after the item's last ";" or ".".
  for (std::size_t pos = 1; pos < item.size(); ++pos) {
    if (item[pos - 1] != ' ') continue;
    const std::string_view tail = item.substr(pos);
    // An authority's letters alone after a comma close a list of codes ("- Lưu: VT, KT.": the
    // unit that drafted it), never a post: an authority names what it signs for.
    if (pos >= 2 && item[pos - 2] == ',' &&
        trim(tail.substr(authority_prefix_length(tail))).empty())
      continue;
    if (authority_prefix_length(tail) > 0 && is_post_line(tail)) return tail;
  }
  const std::size_t cut = item.find_last_of(";.");
  if (cut == std::string_view::npos) return {};
  // A code glued to the item's last dot is the item's: the archive line's unit and drafter's
  // initials ("- Lưu: VP, QLGCSDN.HT", ND30 ô 9b), never a post beside it.
  if (cut + 1 < item.size() && item[cut] == '.' && item[cut + 1] != ' ') return {};
  const std::string_view tail = trim(item.substr(cut + 1));
  return is_post_line(tail) ? tail : std::string_view{};
}

struct Block {
  std::vector<std::string> posts;
  std::string name;
  bool has_authority = false;
  bool nameless = false;      // the posts end without a name (the copy lost it, or the text ends)
  std::size_t name_line = 0;  // the line of the (chosen) name
};

// What a line is to a signature block; worked out once per line, as every block start looks
// at the 16 lines after it.
struct LineRole {
  bool ignored = false;   // empty, noise, footnote or a signature mark: does not end a block
  std::string_view post;  // the right column (see post_part)
  bool post_line = false;
  bool authority = false;  // the post opens with "TM.", "KT." ...
  bool name = false;       // the post is a person's name
  bool recipient = false;  // a line of the "Nơi nhận" column
};

class LineRoles {
 public:
  explicit LineRoles(const Layout& layout) : layout_(layout), roles_(layout.lines.size()) {}

  const LineRole& at(std::size_t i) {
    std::optional<LineRole>& role = roles_[i];
    if (!role) role = classify(i);
    return *role;
  }

 private:
  LineRole classify(std::size_t i) const {
    LineRole role;
    const std::string_view line = trim(layout_.lines[i]);
    if (!layout_.skip(i) && !line.empty()) {
      std::string_view name = name_after_mark(line);
      if (name.empty()) name = name_after_specks(line);
      if (name.empty()) name = name_after_rank(line);
      if (!name.empty()) {
        role.post = name;
        role.name = true;
        return role;
      }
    }
    if (layout_.skip(i) || line.empty() || is_signature_mark(line) || is_speck_line(line)) {
      role.ignored = true;
      return role;
    }
    role.post = post_part(line);
    if (!role.post.empty() && is_signature_mark(role.post)) {
      role.ignored = true;
      return role;
    }
    role.post_line = !role.post.empty() && is_post_line(role.post);
    role.authority = role.post_line && authority_prefix_length(role.post) > 0;
    role.name = !role.post_line && is_person_name(role.post);
    // A line of the "Nơi nhận" column beside the block: an item, or an item's wrapped part (in
    // lower case, or ending as the list's items end, with "," or ";": no line of a signature
    // block ends so).
    // So is a recipient's purpose in brackets alone on its line ("(để t/h)", see post_part).
    role.recipient =
        is_recipient_line(line) ||
        (!role.post_line && !role.name &&
         (starts_lower(line) || line.ends_with(",") || line.ends_with(";") ||
          (line.starts_with("(") && line.ends_with(")") && starts_lower(line.substr(1)))));
    return role;
  }

  const Layout& layout_;
  std::vector<std::optional<LineRole>> roles_;
};

// A block starting at line `i`: post lines, then the name. nullopt when the lines do not form one.
// Without a name to end it, a block ends at its last authority or line opening with a known
// post: an appendix's title in capitals may follow ("QUY CHẾ QUẢN LÝ ...").
void end_at_last_post(Block& block) {
  while (!block.posts.empty()) {
    const std::string& last = block.posts.back();
    if (authority_prefix_length(last) > 0) break;
    const std::string written = proper_case_name(last);
    const auto post = known_name_at(written, 0);
    if (post && post->kind == NameKind::post) break;
    block.posts.pop_back();
  }
}

// A block spans at most 16 lines that hold text. The space where the signature and the seal
// stood (ND30 ô 7c, 8) comes out of a Word file's text as empty paragraphs, a dozen or more
// between the post and the name: they do not count, up to a bound that keeps a block local.
constexpr std::size_t kBlockTextLines = 16;
constexpr std::size_t kBlockLines = 64;

// The signer's name set in capitals under a post written in running case ("Chủ tịch" / "NÔNG
// ĐỨC MẠNH"), as the gazette and archives print older texts' signatures: two to four words, the
// first a family name, no known post or body. Given as running text writes a name; empty when
// the line is none. (Under a post in capitals, a line in capitals may be the post's second line.)
std::string name_in_capitals(std::string_view line) {
  const auto words = split_words(line);
  if (words.size() < 2 || words.size() > 4 || known_name_at(line, 0)) return {};
  std::string name;
  for (std::string_view word : words) {
    std::string written = capitalize_first(lower(word));
    if (!is_name_word(written)) return {};
    if (!name.empty()) name += ' ';
    name += written;
  }
  return is_family_name(split_words(name).front()) ? name : std::string{};
}

std::optional<Block> block_at(const Layout& layout, LineRoles& roles, std::size_t i) {
  Block block;
  bool last_post_authority = false;
  std::size_t text_lines = 0;
  for (std::size_t j = i; j < layout.lines.size() && j < i + kBlockLines; ++j) {
    const LineRole& role = roles.at(j);
    if (role.ignored) continue;
    if (++text_lines > kBlockTextLines) break;
    if (role.post_line && !role.authority && !block.posts.empty() &&
        !is_upper_text(block.posts.back()))
      if (std::string name = name_in_capitals(role.post); !name.empty()) {
        block.name = std::move(name);
        block.name_line = j;
        return block;
      }
    if (role.post_line) {
      if (role.authority) {
        if (!block.posts.empty() && !last_post_authority)
          return std::nullopt;  // a new authority after a post: another block
        block.has_authority = true;
      }
      last_post_authority = role.authority;
      block.posts.emplace_back(role.post);
      continue;
    }
    if (!block.posts.empty() && role.name) {
      block.name = collapse_spaces(role.post);
      block.name_line = j;
      // Two signatures side by side (a countersigning body on the left, the issuer's signer on
      // the right, ND30 ô 7), read column after column or row by row: two posts, then two
      // names. The last post and the last name are the right-hand block's.
      if (block.posts.size() >= 2) {
        std::size_t names = 1;
        std::string last;
        std::size_t last_line = j;
        for (std::size_t k = j + 1; k < layout.lines.size() && k < j + kBlockLines; ++k) {
          const LineRole& next = roles.at(k);
          if (next.ignored) continue;
          if (!next.name) break;
          ++names;
          last = collapse_spaces(next.post);
          last_line = k;
        }
        if (names == 2) {
          block.name = last;
          block.name_line = last_line;
          // The right-hand block's posts: from its own authority, else its one post line.
          std::size_t from = block.posts.size() - 1;
          for (std::size_t k = block.posts.size() - 1; k > 0; --k)
            if (authority_prefix_length(block.posts[k]) > 0) {
              from = k;
              break;
            }
          block.posts.erase(block.posts.begin(),
                            block.posts.begin() + static_cast<std::ptrdiff_t>(from));
        }
      }
      return block;
    }
    // The recipients column runs beside the block: its lines do not end it.
    if (!block.posts.empty() && role.recipient) continue;
    break;
  }
  if (block.posts.empty()) return std::nullopt;
  block.nameless = true;
  return block;
}

// A line that ends where no name of a body or post can end: on "ỦY" (of "ỦY BAN"), a joiner or
// a comma.
bool ends_inside_name(std::string_view line) {
  const auto words = split_words(line);
  if (words.empty()) return false;
  const std::string last = fold_key(words.back());
  // "ỦY" ends a Party committee's name: "ĐẢNG ỦY", "TỈNH ỦY", "HUYỆN ỦY" ...
  static constexpr std::array kCommittees = {
      std::string_view{"dang"},  std::string_view{"tinh"}, std::string_view{"huyen"},
      std::string_view{"thanh"}, std::string_view{"quan"}, std::string_view{"thi"},
      std::string_view{"xa"},    std::string_view{"doan"}, std::string_view{"phuong"},
      std::string_view{"khoi"},  std::string_view{"chi"},
  };
  const bool committee =
      words.size() >= 2 && std::find(kCommittees.begin(), kCommittees.end(),
                                     fold_key(words[words.size() - 2])) != kCommittees.end();
  return (last == "uy" && !committee) || last == "va" || last == "-" ||
         words.back().ends_with(",") || words.back() == "\xE2\x80\x93";
}

// A code of capitals without a vowel ("TĐKT", "HĐ"): an abbreviation, written as it is.
bool is_vowelless_code(std::string_view word) {
  if (word.size() < 2 || !is_upper_text(word)) return false;
  const std::string folded = fold_key(word);
  return std::all_of(folded.begin(), folded.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
         folded.find_first_of("aeiouy") == std::string::npos;
}

// The signer's post and authority as the document writes them, in proper case: ND30 lets a
// body's common name be abbreviated (Phụ lục I, ô 2 and 7), and an abbreviation or a code in
// the block is no word to case or to spell out: "CHỦ TỊCH HĐND TỈNH" → "Chủ tịch HĐND tỉnh",
// "TM. HỘI ĐỒNG TĐKT" → "TM. Hội đồng TĐKT" (where an issuer is spelled out for the facet).
// A word of capitals that is no syllable of the language ("ISO", "ASEAN"): a code or a foreign
// acronym in a unit's name ("TRƯỞNG BAN ISO"), written as it is, as the vowelless codes are.
bool is_foreign_code(std::string_view word) {
  if (word.size() < 2 || !is_upper_text(word)) return false;
  std::u32string letters;
  for (std::size_t pos = 0, length = 0; pos < word.size(); pos += length == 0 ? 1 : length) {
    const char32_t c = code_point_at(word, pos, &length);
    if (!is_letter(c)) return false;
    letters.push_back(c);
  }
  return !syllable::is_vietnamese(letters);
}

std::string post_as_written(std::string_view post) {
  // "P." is the deputy's "Phó" cut short ("P.CHỦ TỊCH"): the post after it is written as after
  // "Phó" ("P.Chủ tịch", as "Phó Chủ tịch").
  if (post.starts_with("P.") && post.size() > 2 && is_upper_text(post)) {
    const std::string rest(trim(post.substr(2)));
    const std::string full = post_as_written("PHÓ " + rest);
    if (full.starts_with("Phó ")) return "P." + full.substr(std::string_view("Phó ").size());
  }
  std::string written = proper_case_name(post);
  if (!is_upper_text(post)) return written;
  for (std::string_view word : split_words(post)) {
    if (auto full = expand_abbreviation(word)) {
      const std::size_t at = written.find(*full);
      if (at != std::string::npos) written.replace(at, full->size(), word);
    } else if (is_vowelless_code(word) || is_foreign_code(word)) {
      // Cased as a word ("Tđkt"): found as a whole word, whatever its case.
      const std::string lowered = lower_same_length(written);
      const std::string key = lower_same_length(word);
      for (std::size_t at = lowered.find(key); at != std::string::npos;
           at = lowered.find(key, at + 1)) {
        const bool starts = at == 0 || !is_word_char(code_point_before(written, at));
        const bool ends = !is_word_char(code_point_at(written, at + key.size()));
        if (starts && ends) {
          written.replace(at, word.size(), word);
          break;
        }
      }
    }
  }
  return written;
}

// Under "KT." a deputy signs in place of the head (ND30 Điều 13: "cấp phó ký thay"), so the
// post is the head's with "PHÓ" before it. A scan's engine may misread that short word ("KT.
// CHỦ TỊCH" / "CHO CHỦ TỊCH"): a post that is the authority's post after one word of two or
// three letters in capitals other than "PHÓ" is the deputy's. (A minister's deputy is a "THỨ
// TRƯỞNG", written out, never so.) Any other post stays as written.
std::string deputy_post(std::string_view authority, const std::string& post) {
  const std::size_t prefix = authority_prefix_length(authority);
  if (fold_key(authority.substr(0, prefix)).substr(0, 2) != "kt" || !is_upper_text(post))
    return post;
  const auto head = split_words(trim(authority.substr(prefix)));
  const auto words = split_words(post);
  if (head.empty() || words.size() != head.size() + 1) return post;
  for (std::size_t k = 0; k < head.size(); ++k)
    if (fold_key(words[k + 1]) != fold_key(head[k])) return post;
  const std::string first = fold_key(words[0]);
  const bool letters_only =
      std::all_of(first.begin(), first.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (!letters_only || first.size() < 2 || first.size() > 3 || first == "pho") return post;
  return "PHÓ " + std::string(post.substr(static_cast<std::size_t>(words[1].data() - post.data())));
}

std::string authority_text(std::string_view post) {
  const std::size_t length = authority_prefix_length(post);
  std::string prefix(post.substr(0, length));
  if (prefix.ends_with(",")) prefix.back() = '.';  // the dot a scan read as a comma
  if (!prefix.ends_with(".") && prefix.find('/') == std::string::npos) prefix += ".";
  const std::string rest = post_as_written(trim(post.substr(length)));
  return rest.empty() ? prefix : prefix + " " + rest;
}

}  // namespace

std::optional<std::string> signer_from_page(std::string_view text) {
  static constexpr std::string_view kLabel = "Người ký";
  // A page's metadata table comes first; a stamp at the end names a body, not a person.
  const std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 4000));
  for (std::size_t at = head.find(kLabel); at != std::string_view::npos;
       at = head.find(kLabel, at + 1)) {
    std::size_t p = at + kLabel.size();
    // "Người ký văn bản:" on some portals.
    if (head.substr(p).starts_with(" văn bản")) p += std::string_view(" văn bản").size();
    while (p < head.size() && (head[p] == ':' || head[p] == '|' || is_space(head[p])))
      ++p;
    // The name's words, up to the next label of the table ("Ngày ban hành:"): a capitalised
    // word followed by a lower-case one opens a label, not a name.
    const auto words = split_words(head.substr(p, 80));
    std::string name;
    for (std::size_t i = 0; i < words.size() && i < 6 && is_name_word(words[i]); ++i) {
      if (i + 1 < words.size() && starts_lower(words[i + 1])) break;
      name += (i == 0 ? "" : " ") + std::string(words[i]);
    }
    if (is_person_name(name)) return name;
  }
  return std::nullopt;
}

std::optional<std::string> signer_by_signed_mark(const Layout& layout, std::size_t from_line) {
  // The right-hand cell of a line whose columns a converter kept apart by a run of spaces or a
  // tab ("– Phòng, ban Sở;        Lê Hồng Sơn"): the signature column; else the whole line.
  const auto right_cell = [](std::string_view line) {
    line = trim(line);
    const std::size_t tab = line.rfind('\t');
    const std::size_t gap = line.rfind("   ");
    std::size_t at = std::string_view::npos;
    if (tab != std::string_view::npos) at = tab;
    if (gap != std::string_view::npos && (at == std::string_view::npos || gap > at)) at = gap;
    return at == std::string_view::npos ? line : trim(line.substr(at));
  };
  // The nearest line holding text before or after `i`, within two lines.
  const auto neighbour = [&](std::size_t i, int step) -> std::string_view {
    for (int k = 1; k <= 2; ++k) {
      const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + step * k;
      if (j < 0 || static_cast<std::size_t>(j) >= layout.lines.size()) break;
      if (layout.skip(static_cast<std::size_t>(j))) continue;
      const std::string_view line = right_cell(layout.lines[static_cast<std::size_t>(j)]);
      if (!line.empty()) return line;
    }
    return {};
  };
  for (std::size_t i = from_line; i < layout.lines.size(); ++i) {
    if (layout.skip(i)) continue;
    std::string_view line = right_cell(layout.lines[i]);
    if (line.size() > 16) continue;
    if (line.starts_with("(") && line.ends_with(")")) line = trim(line.substr(1, line.size() - 2));
    if (fold_key(line) != "da ky") continue;
    for (const int step : {-1, 1}) {
      const std::string name = collapse_spaces(neighbour(i, step));
      if (!name.empty() && !is_upper_text(name) && is_person_name(name)) return name;
    }
  }
  return std::nullopt;
}

Signature analyze_signature(const Layout& layout, std::size_t from_line) {
  // The block comes after the end of the body ("./." or "Nơi nhận:"); appendices may follow it.
  std::size_t anchor = std::string_view::npos;
  for (std::size_t i = from_line; i < layout.lines.size(); ++i) {
    if (layout.skip(i)) continue;
    const std::string_view line = layout.lines[i];
    if (line.find("./.") != std::string_view::npos ||
        line.find("Nơi nhận") != std::string_view::npos || is_archive_item(line)) {
      anchor = i;
      break;
    }
  }
  // Without them, a copy that kept the authority line but lost the rest of the block: the
  // text attached to the document begins right under it (ND30 Phụ lục III: "(Ban hành kèm theo
  // Quyết định số ...)", "(Kèm theo ...)" under the attached text's title), so the body ended at
  // that authority.
  if (anchor == std::string_view::npos) {
    std::size_t last_authority = std::string_view::npos;
    std::size_t since = 0;  // lines that hold text since that authority
    for (std::size_t i = from_line; i < layout.lines.size(); ++i) {
      if (layout.skip(i)) continue;
      const std::string_view line = trim(post_part(layout.lines[i]));
      if (line.empty()) continue;
      if (authority_prefix_length(line) > 0) {
        last_authority = i;
        since = 0;
        continue;
      }
      ++since;
      const std::string folded = fold_key(line.substr(0, 24));
      if (last_authority != std::string_view::npos && since <= 4 &&
          (folded.starts_with("(ban hanh kem theo") || folded.starts_with("(ban hanh theo") ||
           folded.starts_with("(kem theo"))) {
        anchor = last_authority;
        break;
      }
    }
  }
  // The first block with an authority ("TM.", "KT." ...) after the body starts; forms in
  // appendices have no signer's name and never form a block. Without authorities, the first
  // block after the end of the body, else the last block.
  std::optional<Block> chosen;
  std::size_t chosen_line = 0;
  std::optional<Block> fallback;
  std::size_t fallback_line = 0;
  std::optional<Block> nameless;
  std::size_t nameless_line = 0;
  LineRoles roles(layout);
  for (std::size_t i = from_line; i < layout.lines.size(); ++i) {
    if (layout.skip(i)) continue;
    auto block = block_at(layout, roles, i);
    if (!block) continue;
    if (block->nameless) {
      // A block whose name the copy lost (an image, a page cut after the posts) is the
      // document's only after the end of its body, and only when no named block is found.
      if (!nameless && anchor != std::string_view::npos && i >= anchor) {
        nameless = block;
        nameless_line = i;
      }
      continue;
    }
    if (block->has_authority) {
      chosen = block;
      chosen_line = i;
      break;
    }
    const bool fallback_fixed =
        anchor != std::string_view::npos && fallback && fallback_line >= anchor;
    // A block that starts inside the last one found is a part of it ("BÍ THƯ ..." of two
    // signatures side by side), not a block after it.
    const bool inside_last = fallback && i <= fallback->name_line;
    if (!fallback_fixed && !inside_last) {
      fallback = block;
      fallback_line = i;
    }
  }
  if (!chosen) {
    chosen = fallback;
    chosen_line = fallback_line;
  }
  if (!chosen && nameless) {
    end_at_last_post(*nameless);
    if (!nameless->posts.empty()) {
      chosen = nameless;
      chosen_line = nameless_line;
    }
  }
  Signature signature;
  if (!chosen && anchor != std::string_view::npos) {
    // A scan whose posts the engine lost in the seal (or a copy that dropped them): the name
    // alone under the recipients column is still ô 7c, the block's last line. Only when no
    // block was found, and only a name that follows the column with nothing else between.
    std::size_t text_lines = 0;
    for (std::size_t j = anchor + 1; j < layout.lines.size() && text_lines < kBlockTextLines; ++j) {
      const LineRole& role = roles.at(j);
      if (role.ignored) continue;
      ++text_lines;
      if (role.name) {
        signature.signer = collapse_spaces(role.post);
        signature.line = j;
        return signature;
      }
      const std::string_view line = trim(layout.lines[j]);
      if (!role.recipient && !line.ends_with(":")) break;
    }
  }
  if (!chosen) return signature;
  signature.line = chosen_line;
  if (!chosen->name.empty()) signature.signer = chosen->name;
  std::vector<std::string> authorities;
  std::vector<std::string> posts;
  // An authority line broken inside its name goes on in the next line: "TL. CHỦ TỊCH ỦY" /
  // "BAN NHÂN DÂN TỈNH" / "CHÁNH VĂN PHÒNG".
  // So does one wrapped in its cell (ND30 ô 7a: the block sits in the right half of the page;
  // a PDF keeps the cell's line breaks): "KT. BỘ TRƯỞNG, CHỦ" / "NHIỆM" / "PHÓ CHỦ NHIỆM",
  // "TM. ỦY BAN THƯỜNG VỤ" / "QUỐC HỘI" / "CHỦ TỊCH". The post (ô 7b) opens with a post's name;
  // a line between the authority and the post that does not is the rest of the authority.
  // A deputy's post is "PHÓ" and the post ("PHÓ CHỦ NHIỆM"); a head's is "TRƯỞNG" and the unit
  // ("TRƯỞNG ĐOÀN", "TRƯỞNG BAN"). A line that ends on "PHÓ" is a deputy's post wrapped before
  // its name ("PHÓ" / "TRƯỞNG BAN").
  const auto opens_with_post = [](std::string_view line) {
    const auto words = split_words(line);
    if (words.empty()) return false;
    std::size_t first = 0;
    if (words.size() >= 2 && fold_key(words[0]) == "pho") first = 1;
    if (fold_key(words[first]) == "truong") return true;
    const auto match =
        known_name_at(line, static_cast<std::size_t>(words[first].data() - line.data()));
    return match && match->kind == NameKind::post;
  };
  const auto ends_on_deputy = [](std::string_view line) {
    const auto words = split_words(line);
    return !words.empty() && fold_key(words.back()) == "pho";
  };
  std::vector<std::string> lines;
  for (std::size_t k = 0; k < chosen->posts.size(); ++k) {
    const std::string& post = chosen->posts[k];
    const bool wrapped =
        !lines.empty() && authority_prefix_length(post) == 0 &&
        authority_prefix_length(lines.back()) > 0 &&
        (ends_inside_name(lines.back()) ||
         (k + 1 < chosen->posts.size() && authority_prefix_length(chosen->posts[k + 1]) == 0 &&
          !opens_with_post(post) && !ends_on_deputy(post) &&
          opens_with_post(chosen->posts[k + 1])));
    if (wrapped) {
      lines.back() += " " + post;
      continue;
    }
    lines.push_back(post);
  }
  std::vector<std::string_view> authority_lines;
  for (const std::string& post : lines) {
    if (authority_prefix_length(post) > 0) {
      authority_lines.push_back(post);
      authorities.push_back(authority_text(post));
      const std::string& authority = authorities.back();
      if (!signature.collective && (authority.starts_with("TM.") || authority.starts_with("T/M")))
        signature.collective =
            proper_case_name(trim(std::string_view(post).substr(authority_prefix_length(post))));
    } else {
      posts.push_back(post);
    }
  }
  if (!authorities.empty()) {
    std::string joined;
    for (const std::string& authority : authorities)
      joined += (joined.empty() ? "" : ", ") + authority;
    signature.signing_authority = joined;
  }
  // One signer holding two posts, each on its line ("TRƯỞNG ĐOÀN" / "CHỦ TỊCH HĐND TỈNH" under
  // "TM. ĐOÀN GIÁM SÁT"): the signer's post is the last (ND30 Phụ lục I, ô 7b). A line that opens
  // with no post, or follows one that ends on a deputy's "PHÓ" or a comma, is the post before it
  // wrapped ("PHÓ CHỦ TỊCH" / "THƯỜNG TRỰC").
  for (std::size_t k = posts.size(); k-- > 1;) {
    const std::string_view before = trim(posts[k - 1]);
    if (opens_with_post(posts[k]) && opens_with_post(before) && !ends_on_deputy(before) &&
        !before.ends_with(",") && !ends_inside_name(before)) {
      posts.erase(posts.begin(), posts.begin() + static_cast<std::ptrdiff_t>(k));
      break;
    }
  }
  if (!posts.empty()) {
    std::string joined;
    for (const std::string& post : posts)
      joined += (joined.empty() ? "" : " ") + post;
    if (!authority_lines.empty()) joined = deputy_post(authority_lines.back(), joined);
    signature.signer_title = post_as_written(joined);
  }
  return signature;
}

}  // namespace vanban::analyzers::structure
