// First version: ICU word break, no symbol recognition yet. The text-analysis work replaces it.
#include "vanban/analyzers/tokenizer.hpp"

#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include "vanban/analyzers/fold.hpp"

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

struct Analyzer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  std::vector<Token> tokens;
  std::vector<std::string> forms;
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale("vi"), status));
}

Analyzer::~Analyzer() = default;

std::span<const Token> Analyzer::analyze(std::string_view nfc_text) {
  impl_->tokens.clear();
  impl_->forms.clear();
  UErrorCode status = U_ZERO_ERROR;
  UText* text =
      utext_openUTF8(nullptr, nfc_text.data(), static_cast<int64_t>(nfc_text.size()), &status);
  impl_->words->setText(text, status);
  int32_t start = impl_->words->first();
  for (int32_t end = impl_->words->next(); end != icu::BreakIterator::DONE;
       start = end, end = impl_->words->next()) {
    const int32_t rule = impl_->words->getRuleStatus();
    if (rule == UBRK_WORD_NONE) continue;
    Token token;
    token.start = static_cast<std::uint32_t>(start);
    token.end = static_cast<std::uint32_t>(end);
    token.kind = rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT ? TokenKind::number
                                                                           : TokenKind::word;
    token.text = nfc_text.substr(token.start, token.end - token.start);
    impl_->tokens.push_back(token);
  }
  utext_close(text);
  impl_->forms.reserve(impl_->tokens.size() * 2);
  for (Token& token : impl_->tokens) {
    impl_->forms.push_back(exact_form(token.text));
    token.lower = impl_->forms.back();
    impl_->forms.push_back(fold(token.text));
    token.folded = impl_->forms.back();
  }
  return impl_->tokens;
}

Analyzer& thread_analyzer() {
  thread_local Analyzer analyzer;
  return analyzer;
}

}  // namespace vanban::analyzers
