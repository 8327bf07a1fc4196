// Syllable tokens from ICU word break, plus symbol tokens from the symbol scanner. Every form is
// written into one reused arena; the views are set once the arena has stopped growing.
#include "vanban/analyzers/tokenizer.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include "vanban/analyzers/fold.hpp"

#include "symbol_scan.hpp"

namespace vanban::analyzers {

std::string_view to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::word:
      return "word";
    case TokenKind::number:
      return "number";
    case TokenKind::symbol:
      return "symbol";
  }
  return "word";
}

namespace {

// Where a token's forms sit in the arena, until the views can be set.
struct FormSpans {
  std::uint32_t lower_begin = 0;
  std::uint32_t lower_end = 0;
  std::uint32_t folded_begin = 0;
  std::uint32_t folded_end = 0;
};

std::string_view slice(std::string_view text, std::size_t begin, std::size_t end) {
  return text.substr(begin, end - begin);
}

bool is_ascii(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

struct Analyzer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  UText utext = UTEXT_INITIALIZER;
  std::vector<Token> tokens;
  std::vector<FormSpans> spans;
  std::string arena;
  std::string scratch;  // a symbol's cleaned text
  detail::RawSymbol symbol;
  bool have_symbol = false;
  bool exact_forms = true;  // Forms::both
  std::string_view text;

  ~Impl() { utext_close(&utext); }

  std::uint32_t arena_size() const { return static_cast<std::uint32_t>(arena.size()); }

  // The views are set at once; set_views() redoes them if the arena has moved since.
  void add(std::size_t start, std::size_t end, TokenKind kind, bool in_symbol, FormSpans forms) {
    Token token;
    token.start = static_cast<std::uint32_t>(start);
    token.end = static_cast<std::uint32_t>(end);
    token.kind = kind;
    token.in_symbol = in_symbol;
    token.text = slice(text, start, end);
    token.lower = slice(arena, forms.lower_begin, forms.lower_end);
    token.folded = slice(arena, forms.folded_begin, forms.folded_end);
    tokens.push_back(token);
    spans.push_back(forms);
  }

  void add_word(std::size_t start, std::size_t end, TokenKind kind, bool in_symbol) {
    const std::string_view written = slice(text, start, end);
    FormSpans forms;
    forms.lower_begin = arena_size();
    if (!exact_forms) {  // Forms::folded: `lower` stays empty
      forms.lower_end = forms.folded_begin = forms.lower_begin;
      append_folded(written, arena);
      forms.folded_end = arena_size();
      add(start, end, kind, in_symbol, forms);
      return;
    }
    append_exact_form(written, arena);
    forms.lower_end = arena_size();
    if (is_ascii(written)) {  // numbers, English, unaccented syllables: both forms are one
      forms.folded_begin = forms.lower_begin;
      forms.folded_end = forms.lower_end;
    } else {
      forms.folded_begin = arena_size();
      append_folded(written, arena);
      forms.folded_end = arena_size();
    }
    add(start, end, kind, in_symbol, forms);
  }

  // A symbol (or its notation) from its cleaned text: lower-cased, and keyed or folded.
  void add_symbol(std::size_t start, std::size_t end, bool notation) {
    FormSpans forms;
    forms.lower_begin = arena_size();
    append_exact_form(scratch, arena);
    forms.lower_end = forms.folded_begin = arena_size();
    if (notation) {
      append_folded(scratch, arena);
    } else if (!detail::append_symbol_key(scratch, arena)) {
      append_folded(scratch, arena);  // the scanner's symbols always have a key; be safe
    }
    forms.folded_end = arena_size();
    add(start, end, TokenKind::symbol, notation, forms);
  }

  void find_symbol_from(std::size_t pos) {
    have_symbol = false;
    while ((pos = detail::next_symbol_candidate(text, pos)) != std::string_view::npos) {
      if (detail::match_symbol_at(text, pos, symbol)) {
        have_symbol = true;
        return;
      }
      if (text[pos] < '0' || text[pos] > '9') ++pos;  // an OCR's "I" for 1 that led nowhere
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
        ++pos;
    }
  }

  void add_symbol_tokens() {
    const std::size_t marker = symbol.marker_digits;
    scratch.clear();
    detail::append_clean_symbol(text, symbol, 0, 0, scratch);
    add_symbol(symbol.start, symbol.end, false);
    if (marker != 0) {
      scratch.clear();
      detail::append_clean_symbol(text, symbol, 0, marker, scratch);
      add_symbol(symbol.start, symbol.end - marker, false);
    }
    if (symbol.piece_count - symbol.notation_piece >= 3) {
      scratch.clear();
      detail::append_clean_symbol(text, symbol, symbol.notation_piece, marker, scratch);
      add_symbol(symbol.pieces[symbol.notation_piece].begin, symbol.end - marker, true);
    }
  }

  // A word inside a symbol; the footnote marker glued to its last code becomes its own number.
  void add_symbol_part(std::size_t start, std::size_t end, TokenKind kind) {
    const std::size_t marker_start = symbol.end - symbol.marker_digits;
    if (symbol.marker_digits != 0 && start < marker_start && marker_start < end) {
      add_word(start, marker_start, TokenKind::word, true);
      add_word(marker_start, end, TokenKind::number, true);
      return;
    }
    add_word(start, end, kind, true);
  }

  // The piece of a word unit beside a symbol, without the punctuation ICU kept inside the unit.
  void add_outside_symbol(std::size_t start, std::size_t end) {
    const auto is_joiner = [&](std::size_t pos) {
      const auto c = static_cast<unsigned char>(text[pos]);
      return c < 0x80 && std::ispunct(c) != 0;
    };
    while (start < end && is_joiner(start))
      ++start;
    while (end > start && is_joiner(end - 1))
      --end;
    if (start == end) return;
    const bool numeric = text[start] >= '0' && text[start] <= '9';
    add_word(start, end, numeric ? TokenKind::number : TokenKind::word, false);
  }

  // One unit of ICU's word breaks, [word_start, word_end) with its rule status: its tokens.
  // `symbol_emitted` says whether the current symbol's own tokens were given; null: they are
  // not given at all (analyze_pieces(): words and numbers only).
  void add_unit(std::size_t word_start, std::size_t word_end, std::int32_t rule,
                bool* symbol_emitted) {
    if (rule < UBRK_WORD_NONE_LIMIT) return;  // spaces, punctuation, quotes, dashes, bullets
    while (have_symbol && symbol.end <= word_start) {
      find_symbol_from(symbol.end);
      if (symbol_emitted) *symbol_emitted = false;
    }
    // ICU calls "TW1" a number too; a number here starts with a digit.
    const bool numeric = rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT &&
                         text[word_start] >= '0' && text[word_start] <= '9';
    const TokenKind kind = numeric ? TokenKind::number : TokenKind::word;
    if (have_symbol && symbol.start < word_end) {
      // ICU may join a symbol's number or last code with text beside it ("217,218-QĐ/TW",
      // "9/H-a.b"): the parts stay inside the symbol; what lies outside is a word of its own.
      const std::size_t part_start = std::max(word_start, symbol.start);
      const std::size_t part_end = std::min(word_end, symbol.end);
      add_outside_symbol(word_start, part_start);
      if (symbol_emitted && !*symbol_emitted) {
        add_symbol_tokens();
        *symbol_emitted = true;
      }
      if (part_start < part_end) add_symbol_part(part_start, part_end, kind);
      add_outside_symbol(part_end, word_end);
      return;
    }
    add_word(word_start, word_end, kind, false);
  }

  // Starts a call: the text (cut at 4 GiB), the forms asked for, buffers emptied. Returns the
  // arena's storage, for set_views().
  const char* start(std::string_view nfc_text, Forms forms) {
    exact_forms = forms == Forms::both;
    if (nfc_text.size() > std::numeric_limits<std::uint32_t>::max())
      nfc_text = nfc_text.substr(0, std::numeric_limits<std::uint32_t>::max());
    text = nfc_text;
    tokens.clear();
    spans.clear();
    arena.clear();
    arena.reserve(nfc_text.size() * 2 + 64);
    return arena.data();
  }

  void set_views(const char* arena_before) {
    if (arena.data() == arena_before) return;  // the reserve sufficed: views are good
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      Token& token = tokens[i];
      const FormSpans& forms = spans[i];
      token.text = slice(text, token.start, token.end);
      token.lower = slice(arena, forms.lower_begin, forms.lower_end);
      token.folded = slice(arena, forms.folded_begin, forms.folded_end);
    }
  }
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale("vi"), status));
  if (U_FAILURE(status) || !impl_->words) {
    status = U_ZERO_ERROR;
    impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  }
}

Analyzer::~Analyzer() = default;

std::span<const Token> Analyzer::analyze(std::string_view nfc_text, Forms forms) {
  Impl& impl = *impl_;
  const char* const arena_before = impl.start(nfc_text, forms);
  nfc_text = impl.text;
  if (!impl.words) return {};

  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&impl.utext, nfc_text.data(), static_cast<int64_t>(nfc_text.size()), &status);
  impl.words->setText(&impl.utext, status);
  if (U_FAILURE(status)) return {};
  impl.find_symbol_from(0);
  bool symbol_emitted = false;
  std::int32_t start = impl.words->first();
  for (std::int32_t end = impl.words->next(); end != icu::BreakIterator::DONE;
       start = end, end = impl.words->next()) {
    impl.add_unit(static_cast<std::size_t>(start), static_cast<std::size_t>(end),
                  impl.words->getRuleStatus(), &symbol_emitted);
  }
  impl.set_views(arena_before);
  return impl.tokens;
}

namespace {

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Whether ICU's word rules break before `pos`, whatever follows, given ASCII white space just
// before it: no rule joins white space to what follows but WB3d (white space to white space)
// and WB4 (a combining mark, a format character or a zero-width joiner to what it follows).
// So only what certainly is none of those: an ASCII character that is no white space, a letter
// of U+00C0-U+027F (Latin-1's letters, × and ÷, Latin Extended-A and -B, IPA) or of U+1E00-U+1EFF
// (Latin Extended Additional: the Vietnamese letters with tone marks). A byte that begins no
// valid character is read by ICU as U+FFFD, which no rule joins either.
bool breaks_before(std::string_view text, std::size_t pos) {
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return !is_ascii_space(text[pos]);
  if (c >= 0xC3 && c <= 0xC9) return true;
  if (c == 0xE1 && pos + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[pos + 1]);
    return next >= 0xB8 && next <= 0xBB;
  }
  return false;
}

}  // namespace

std::span<const Token> Analyzer::analyze_pieces(
    std::string_view nfc_text, Forms forms,
    const std::function<bool(std::string_view piece)>& wanted) {
  Impl& impl = *impl_;
  const char* const arena_before = impl.start(nfc_text, forms);
  nfc_text = impl.text;
  if (!impl.words) return {};
  impl.find_symbol_from(0);

  // ICU finds each break by running its rules from the break before (a break's position alone
  // decides where the next one is), so from a break where it always breaks (breaks_before())
  // up to the next such break, a run over that stretch alone gives the breaks and rule statuses
  // it gives in the whole text; symbols are found in the whole text, as analyze() finds them.
  const auto run = [&](std::size_t from, std::size_t to) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&impl.utext, nfc_text.data() + from, static_cast<int64_t>(to - from), &status);
    impl.words->setText(&impl.utext, status);
    if (U_FAILURE(status)) return false;
    std::int32_t start = impl.words->first();
    for (std::int32_t end = impl.words->next(); end != icu::BreakIterator::DONE;
         start = end, end = impl.words->next()) {
      impl.add_unit(from + static_cast<std::size_t>(start), from + static_cast<std::size_t>(end),
                    impl.words->getRuleStatus(), nullptr);
    }
    return true;
  };
  std::size_t run_start = std::string_view::npos;  // where the wanted pieces before began
  std::size_t piece_start = 0;
  for (std::size_t pos = 1; pos <= nfc_text.size(); ++pos) {
    if (pos < nfc_text.size() &&
        !(is_ascii_space(nfc_text[pos - 1]) && breaks_before(nfc_text, pos)))
      continue;
    if (wanted(nfc_text.substr(piece_start, pos - piece_start))) {
      if (run_start == std::string_view::npos) run_start = piece_start;
    } else if (run_start != std::string_view::npos) {
      if (!run(run_start, piece_start)) return {};
      run_start = std::string_view::npos;
    }
    piece_start = pos;
  }
  if (run_start != std::string_view::npos && !run(run_start, nfc_text.size())) return {};
  impl.set_views(arena_before);
  return impl.tokens;
}

Analyzer& thread_analyzer() {
  thread_local Analyzer analyzer;
  return analyzer;
}

}  // namespace vanban::analyzers
