// A recursive-descent parser over a small lexer. OR binds looser than the implicit AND, so
// `dân vận OR dân chủ` means (dân vận) OR (dân chủ): Vietnamese words are several syllables.
#include "vanban/archive/query_parser.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <utility>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/symbol.hpp"
#include "vanban/analyzers/tokenizer.hpp"
#include "vanban/archive/validity.hpp"

#include "date_text.hpp"
#include "typed_echo.hpp"

namespace vanban::archive::query {
namespace {

constexpr int kMaxNesting = 32;

enum class LexKind { word, phrase, field, open, close, or_op };

struct Lexeme {
  LexKind kind = LexKind::word;
  std::string text;  // word chunk, phrase content, or field value
  Field field = Field::issuer;
  bool negated = false;
  bool required = false;  // `+word`
};

Error syntax_error(std::string message, std::string user_message) {
  return make_error(ErrorKind::invalid_argument, std::move(message), std::move(user_message));
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool ends_chunk(char c) {
  return is_space(c) || c == '"' || c == '(' || c == ')';
}

// Curly quotes typed by phones and word processors count as straight ones.
std::string straighten_quotes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
        static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x9C ||
         static_cast<unsigned char>(text[i + 2]) == 0x9D)) {
      out.push_back('"');
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

// The folded words of `typed`, one space apart.
std::string folded_words(std::string_view typed) {
  std::string out;
  for (const char c : analyzers::fold(typed)) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

// "khong", "khong ro": words that may go on to name kUnknownValue.
bool starts_unknown(std::string_view typed) {
  const std::string words = folded_words(typed);
  const std::string unknown = folded_words(kUnknownValue);
  return !words.empty() && unknown.starts_with(words) &&
         (words.size() == unknown.size() || unknown[words.size()] == ' ');
}

std::optional<Field> field_named(std::string_view name) {
  return field_by_box_prefix(analyzers::fold(name));
}

std::string field_label(Field field) {
  return std::string(field_spec(field).box_prefix) + ":";
}

std::string_view field_name(Field field) {
  return field_spec(field).name;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Result<std::vector<Lexeme>> run() {
    std::vector<Lexeme> out;
    while (true) {
      while (pos_ < text_.size() && is_space(text_[pos_]))
        ++pos_;
      if (pos_ >= text_.size()) break;
      Lexeme lexeme;
      // A leading '-' glued to what follows excludes it ("-đàn", "-(a b)", "-\"a b\"").
      if (text_[pos_] == '-' && pos_ + 1 < text_.size() && !is_space(text_[pos_ + 1]) &&
          text_[pos_ + 1] != '-' && text_[pos_ + 1] != ')') {
        lexeme.negated = true;
        ++pos_;
      } else if (text_[pos_] == '+' && pos_ + 1 < text_.size() && !is_space(text_[pos_ + 1]) &&
                 text_[pos_ + 1] != '+') {
        lexeme.required = true;  // "+word": the word is never left out
        ++pos_;
      }
      const char c = text_[pos_];
      if (c == '(') {
        lexeme.kind = LexKind::open;
        ++pos_;
      } else if (c == ')') {
        lexeme.kind = LexKind::close;
        ++pos_;
      } else if (c == '"') {
        auto content = quoted();
        if (!content) return content.error();
        lexeme.kind = LexKind::phrase;
        lexeme.text = std::move(*content);
      } else {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && !ends_chunk(text_[pos_]))
          ++pos_;
        const std::string_view chunk = text_.substr(start, pos_ - start);
        const std::size_t colon = chunk.find(':');
        auto field =
            colon == std::string_view::npos ? std::nullopt : field_named(chunk.substr(0, colon));
        // A prefix of two syllables typed apart ("hiệu lực:", "sửa đổi:") is the field too.
        if (!field && colon != std::string_view::npos && colon > 0 && !lexeme.negated &&
            !lexeme.required && !out.empty() && out.back().kind == LexKind::word &&
            !out.back().required) {
          field = field_named(out.back().text + std::string(chunk.substr(0, colon)));
          if (field) {
            lexeme.negated = out.back().negated;
            out.pop_back();
          }
        }
        if (field) {
          lexeme.kind = LexKind::field;
          lexeme.field = *field;
          lexeme.text = std::string(chunk.substr(colon + 1));
          if (lexeme.text.empty() && pos_ < text_.size() && text_[pos_] == '"') {
            auto content = quoted();
            if (!content) return content.error();
            lexeme.text = std::move(*content);
          } else if (*field == Field::validity || has_unknown_bucket(field_spec(*field))) {
            extend_closed_value(*field, lexeme.text);
          }
          if (lexeme.text.find_first_not_of(" \t") == std::string::npos) {
            const std::string label(field_label(*field));
            return syntax_error("empty value for field " + label,
                                "Trường “" + label + "” chưa có giá trị, ví dụ: " + label +
                                    (*field == Field::date   ? "2025-01-01..2025-06-30"
                                     : *field == Field::year ? "2025"
                                                             : "..."));
          }
        } else if (chunk == "OR" && !lexeme.negated) {
          lexeme.kind = LexKind::or_op;
        } else {
          lexeme.kind = LexKind::word;
          lexeme.text = std::string(chunk);
        }
      }
      out.push_back(std::move(lexeme));
    }
    return out;
  }

 private:
  // A value of a closed list typed in several words without quotes ("hieuluc:het hieu luc
  // toan bo dân vận", "nam:khong ro"): the following words join it while it still names a
  // status, or the start of kUnknownValue.
  void extend_closed_value(Field field, std::string& value) {
    while (!value.empty()) {
      std::size_t start = pos_;
      while (start < text_.size() && is_space(text_[start]))
        ++start;
      std::size_t end = start;
      while (end < text_.size() && !ends_chunk(text_[end]))
        ++end;
      const std::string_view next = text_.substr(start, end - start);
      if (next.empty() || next.find(':') != std::string_view::npos || next.front() == '-' ||
          next.front() == '+')
        return;
      const std::string longer = value + " " + std::string(next);
      const bool continues =
          field == Field::validity ? !statuses_matching(longer).empty() : starts_unknown(longer);
      if (!continues) return;
      value = longer;
      pos_ = end;
    }
  }

  // At an opening quote: the text up to the closing one.
  Result<std::string> quoted() {
    const std::size_t close = text_.find('"', pos_ + 1);
    if (close == std::string_view::npos) {
      return syntax_error("unbalanced quote", "Thiếu dấu ngoặc kép đóng (\") trong câu tìm kiếm.");
    }
    std::string content(text_.substr(pos_ + 1, close - pos_ - 1));
    pos_ = close + 1;
    return content;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

bool is_symbol_joint(char c) {
  return c == '/' || c == '-';
}

std::string trim_punctuation(std::string_view text) {
  while (!text.empty() && (text.back() == ',' || text.back() == '.' || text.back() == ';' ||
                           text.back() == ':' || text.back() == '?' || text.back() == '!'))
    text.remove_suffix(1);
  return std::string(text);
}

class Parser {
 public:
  explicit Parser(std::vector<Lexeme> lexemes) : lexemes_(std::move(lexemes)) {}

  Result<Node> run() {
    auto root = parse_or(0);
    if (!root) return root.error();
    // Stray closing parentheses are forgiven: parse what follows them too.
    while (pos_ < lexemes_.size()) {
      ++pos_;
      auto rest = parse_or(0);
      if (!rest) return rest.error();
      root->children.push_back(std::move(*rest));
    }
    return flatten_root(std::move(*root));
  }

 private:
  static Node flatten_root(Node node) {
    if (node.kind == Node::Kind::all_of) {
      Node root;
      for (Node& child : node.children) {
        if (child.kind == Node::Kind::all_of) {
          for (Node& grandchild : child.children)
            root.children.push_back(std::move(grandchild));
        } else {
          root.children.push_back(std::move(child));
        }
      }
      return root;
    }
    Node root;
    root.children.push_back(std::move(node));
    return root;
  }

  bool at(LexKind kind) const { return pos_ < lexemes_.size() && lexemes_[pos_].kind == kind; }

  Result<Node> parse_or(int depth) {
    Node any;
    any.kind = Node::Kind::any_of;
    while (true) {
      auto all = parse_and(depth);
      if (!all) return all.error();
      if (!all->children.empty()) any.children.push_back(std::move(*all));
      if (!at(LexKind::or_op)) break;
      ++pos_;
    }
    if (any.children.size() == 1) return std::move(any.children.front());
    if (any.children.empty()) return Node{};
    return any;
  }

  Result<Node> parse_and(int depth) {
    Node all;
    all.kind = Node::Kind::all_of;
    while (pos_ < lexemes_.size() && !at(LexKind::or_op) && !at(LexKind::close)) {
      Lexeme& lexeme = lexemes_[pos_];
      if (lexeme.kind == LexKind::word && !lexeme.negated) {
        add_word_run(all);
        continue;
      }
      ++pos_;
      std::vector<Node> items;
      switch (lexeme.kind) {
        case LexKind::open: {
          if (depth >= kMaxNesting) {
            return syntax_error("parentheses nested too deeply",
                                "Câu tìm kiếm lồng quá nhiều dấu ngoặc.");
          }
          auto inner = parse_or(depth + 1);
          if (!inner) return inner.error();
          // A '(' never closed is refused, as an unclosed quote is: what it was meant to group
          // cannot be guessed. (A stray ')' is forgiven: nothing it closes is lost.)
          if (!at(LexKind::close)) {
            return syntax_error("unbalanced parenthesis",
                                "Thiếu dấu ngoặc đóng “)” trong câu tìm kiếm.");
          }
          ++pos_;
          if (!(inner->kind == Node::Kind::all_of && inner->children.empty()))
            items.push_back(std::move(*inner));
          break;
        }
        case LexKind::phrase: {
          Node phrase = phrase_node(lexeme.text);
          if (!phrase.words.empty()) items.push_back(std::move(phrase));
          break;
        }
        case LexKind::field: {
          auto field = field_node(lexeme.field, lexeme.text);
          if (!field) return field.error();
          items.push_back(std::move(*field));
          break;
        }
        case LexKind::word:
          chunk_nodes(lexeme.text, items);
          break;
        case LexKind::close:
        case LexKind::or_op:
          break;
      }
      for (Node& item : items) {
        if (lexeme.negated) {
          Node exclude;
          exclude.kind = Node::Kind::exclude;
          exclude.children.push_back(std::move(item));
          all.children.push_back(std::move(exclude));
        } else {
          all.children.push_back(std::move(item));
        }
      }
    }
    return all;
  }

  // Consecutive plain words: document numbers spread over several chunks ("33 / CT - TTg") are
  // joined first; the words between numbers form groups ranked higher when adjacent.
  void add_word_run(Node& all) {
    std::vector<std::string> chunks;
    std::vector<bool> required;
    while (at(LexKind::word) && !lexemes_[pos_].negated) {
      required.push_back(lexemes_[pos_].required);
      chunks.push_back(lexemes_[pos_++].text);
    }
    Node group;
    group.kind = Node::Kind::words;
    auto flush = [&] {
      if (!group.words.empty()) all.children.push_back(std::move(group));
      group = Node{};
      group.kind = Node::Kind::words;
    };
    for (std::size_t i = 0; i < chunks.size();) {
      std::size_t last = i;
      while (last + 1 < chunks.size() &&
             (is_symbol_joint(chunks[last].back()) || is_symbol_joint(chunks[last + 1].front())))
        ++last;
      std::optional<std::string> key;
      std::size_t used = i;
      for (std::size_t end = last + 1; end > i && !key; --end) {
        std::string joined;
        for (std::size_t k = i; k < end; ++k)
          joined += chunks[k];
        key = number_key(trim_punctuation(joined));
        used = end;
      }
      if (key) {
        flush();
        std::string typed;
        for (std::size_t k = i; k < used; ++k)
          typed += chunks[k];
        all.children.push_back(number_node(std::move(*key), trim_punctuation(typed)));
        i = used;
        continue;
      }
      std::vector<Node> items;
      chunk_nodes(chunks[i], items);
      for (Node& item : items) {
        if (item.kind == Node::Kind::words) {
          for (Word& word : item.words) {
            word.required = required[i];
            group.words.push_back(std::move(word));
          }
        } else {
          flush();
          all.children.push_back(std::move(item));
        }
      }
      ++i;
    }
    flush();
  }

  static Node number_node(std::string key, std::string_view typed) {
    Node node;
    node.kind = Node::Kind::number;
    node.number_key = std::move(key);
    node.value = std::string(typed);
    return node;
  }

  // One chunk of the box: a document number, or words (and any symbol the tokenizer finds).
  static void chunk_nodes(std::string_view chunk, std::vector<Node>& out) {
    if (auto key = number_key(trim_punctuation(chunk))) {
      out.push_back(number_node(std::move(*key), trim_punctuation(chunk)));
      return;
    }
    Node words;
    words.kind = Node::Kind::words;
    for (const analyzers::Token& token : analyzers::thread_analyzer().analyze(chunk)) {
      if (token.in_symbol) continue;  // the parts of a symbol taken whole
      if (token.kind == analyzers::TokenKind::symbol) {
        if (!words.words.empty()) out.push_back(std::move(words));
        words = Node{};
        words.kind = Node::Kind::words;
        out.push_back(number_node(std::string(token.folded), token.text));
        continue;
      }
      words.words.push_back(
          Word{std::string(token.lower), std::string(token.folded), false, {}, {}, {}});
    }
    if (!words.words.empty()) out.push_back(std::move(words));
  }

  static Node phrase_node(std::string_view content) {
    Node phrase;
    phrase.kind = Node::Kind::phrase;
    for (const analyzers::Token& token : analyzers::thread_analyzer().analyze(content)) {
      if (token.kind == analyzers::TokenKind::symbol) continue;  // its parts follow
      phrase.words.push_back(
          Word{std::string(token.lower), std::string(token.folded), false, {}, {}, {}});
    }
    return phrase;
  }

  static Result<Node> field_node(Field field, std::string_view raw) {
    Node node;
    node.kind = Node::Kind::field;
    node.field = field;
    std::string value(raw);
    // Trim spaces a quoted value may carry.
    const auto first = value.find_first_not_of(' ');
    const auto last = value.find_last_not_of(' ');
    value = value.substr(first, last - first + 1);
    switch (field) {
      case Field::date: {
        auto range = parse_date_range(value);
        if (!range) {
          return syntax_error(
              "bad date range: " + value,
              "Khoảng ngày không hợp lệ: “" + value + "”. Dùng dạng ngay:2025-01-01..2025-06-30.");
        }
        node.range = std::move(*range);
        break;
      }
      case Field::year:
        if (names_unknown(value)) break;
        if (value.size() != 4 || !std::all_of(value.begin(), value.end(), [](char c) {
              return std::isdigit(static_cast<unsigned char>(c)) != 0;
            })) {
          return syntax_error("bad year: " + value,
                              "Năm không hợp lệ: “" + value + "”. Dùng dạng nam:2025.");
        }
        break;
      case Field::number:
        if (!analyzers::symbol_key(value)) {
          return syntax_error("bad document number: " + value,
                              "Số, ký hiệu không hợp lệ: “" + value + "”. Ví dụ: so:33/CT-TTg.");
        }
        break;
      case Field::validity:
        if (statuses_matching(value).empty()) return bad_status(value);
        break;
      case Field::issuer:
      case Field::type:
      case Field::cites:
      case Field::signer:
      case Field::amends:
      case Field::based_on:
      case Field::replaces:
      case Field::repeals:
      case Field::implements:
      case Field::guides:
        break;
    }
    node.value = std::move(value);
    return node;
  }

  std::vector<Lexeme> lexemes_;
  std::size_t pos_ = 0;
};

void describe_into(const Node& node, std::string& out) {
  switch (node.kind) {
    case Node::Kind::words:
    case Node::Kind::phrase: {
      const bool phrase = node.kind == Node::Kind::phrase;
      out += phrase ? "\"" : "words(";
      for (std::size_t i = 0; i < node.words.size(); ++i) {
        if (i > 0) out += ' ';
        if (!phrase && node.words[i].required) out += '+';
        out += node.words[i].exact;
      }
      out += phrase ? "\"" : ")";
      break;
    }
    case Node::Kind::number:
      out += "number(" + node.number_key + ")";
      break;
    case Node::Kind::field:
      out += field_name(node.field);
      out += ':';
      out += node.field == Field::date ? node.range.from + ".." + node.range.to : node.value;
      break;
    case Node::Kind::all_of:
    case Node::Kind::any_of: {
      out += node.kind == Node::Kind::all_of ? "all(" : "any(";
      for (std::size_t i = 0; i < node.children.size(); ++i) {
        if (i > 0) out += node.kind == Node::Kind::all_of ? " " : " | ";
        describe_into(node.children[i], out);
      }
      out += ')';
      break;
    }
    case Node::Kind::exclude:
      out += '-';
      if (!node.children.empty()) describe_into(node.children.front(), out);
      break;
  }
}

}  // namespace

bool names_unknown(std::string_view typed) {
  return folded_words(typed) == folded_words(kUnknownValue);
}

Error bad_status(std::string_view typed) {
  return syntax_error("bad validity status: " + typed_echo(typed),
                      "Tình trạng hiệu lực không hợp lệ: “" + typed_echo(typed) +
                          "”. Dùng một trong: còn hiệu lực, hết hiệu lực toàn bộ, hết hiệu lực "
                          "một phần, chưa có hiệu lực, chưa rõ (ví dụ hieuluc:con).");
}

std::optional<std::string> number_key(std::string_view typed) {
  auto key = analyzers::symbol_key(typed);
  if (!key) return std::nullopt;
  const auto separator = key->find_first_of("/-");
  if (!std::any_of(key->begin() + static_cast<std::ptrdiff_t>(separator), key->end(),
                   [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }))
    return std::nullopt;
  return key;
}

std::optional<DateRange> date_bounds(std::string_view text) {
  const auto date = parse_date_text(text);
  if (!date) return std::nullopt;
  DateRange range;
  char buffer[16];
  if (date->month == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d0000", date->year);
    range.from = buffer;
    std::snprintf(buffer, sizeof buffer, "%04d9999", date->year);
    range.to = buffer;
  } else if (date->day == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d%02d00", date->year, date->month);
    range.from = buffer;
    std::snprintf(buffer, sizeof buffer, "%04d%02d99", date->year, date->month);
    range.to = buffer;
  } else {
    // The first of a month also admits documents whose day was left blank ("YYYYMM00").
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", date->year, date->month,
                  date->day == 1 ? 0 : date->day);
    range.from = buffer;
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", date->year, date->month, date->day);
    range.to = buffer;
  }
  return range;
}

std::optional<DateRange> parse_date_range(std::string_view text) {
  const auto dots = text.find("..");
  if (dots == std::string_view::npos) return date_bounds(text);
  const std::string_view left = text.substr(0, dots);
  const std::string_view right = text.substr(dots + 2);
  if (left.empty() && right.empty()) return std::nullopt;
  DateRange range;
  if (!left.empty()) {
    auto bounds = date_bounds(left);
    if (!bounds) return std::nullopt;
    range.from = bounds->from;
  }
  if (!right.empty()) {
    auto bounds = date_bounds(right);
    if (!bounds) return std::nullopt;
    range.to = bounds->to;
  }
  if (!range.from.empty() && !range.to.empty() && range.from > range.to) return std::nullopt;
  return range;
}

namespace {

// Whether the last character of `text` but spaces is a question mark (ASCII or full-width).
bool ends_with_question_mark(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0)
    text.remove_suffix(1);
  constexpr std::string_view kFullWidth = "\xEF\xBC\x9F";  // U+FF1F
  return (!text.empty() && text.back() == '?') || text.ends_with(kFullWidth);
}

}  // namespace

Result<ParsedQuery> parse_query(std::string_view text) {
  if (text.size() > kMaxQueryBytes) {
    return syntax_error("query too long: " + std::to_string(text.size()) + " bytes",
                        // The limit is in bytes (as the server's): say so, not "ký tự", since a
                        // letter with diacritics takes two or three of them.
                        "Câu tìm kiếm quá dài (tối đa " + std::to_string(kMaxQueryBytes) +
                            " byte; mỗi chữ có dấu chiếm 2–3 byte), hãy rút gọn.");
  }
  try {
    const std::string normalised = straighten_quotes(analyzers::normalize_nfc(text));
    auto lexemes = Lexer(normalised).run();
    if (!lexemes) return lexemes.error();
    auto root = Parser(std::move(*lexemes)).run();
    if (!root) return root.error();
    return ParsedQuery{std::move(*root), ends_with_question_mark(normalised)};
  } catch (const std::exception& error) {
    return make_error(ErrorKind::internal, std::string("query parser: ") + error.what());
  }
}

std::string describe(const Node& node) {
  std::string out;
  describe_into(node, out);
  return out;
}

}  // namespace vanban::archive::query
