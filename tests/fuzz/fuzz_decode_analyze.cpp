// decode_text, then the Analyzer and find_symbols on its output: clean UTF-8 out, tokens and
// symbol spans inside the text on character boundaries.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/symbol.hpp"
#include "vanban/analyzers/tokenizer.hpp"

#include "fuzz_check.hpp"

namespace {

bool on_boundary(std::string_view text, std::size_t offset) {
  return offset == text.size() ||
         (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0u) != 0x80);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vanban;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto decoded = analyzers::decode_text(bytes);
  fuzz::check(fuzz::is_valid_utf8(decoded.text), "decode_text gives valid UTF-8");
  fuzz::check(decoded.text.find('\0') == std::string::npos, "decode_text removes NUL");
  const std::string_view text = decoded.text;
  for (const auto& token : analyzers::thread_analyzer().analyze(text)) {
    fuzz::check(token.start < token.end && token.end <= text.size(), "token inside the text");
    fuzz::check(on_boundary(text, token.start) && on_boundary(text, token.end),
                "token on character boundaries");
    fuzz::check(fuzz::is_valid_utf8(token.folded), "folded form is valid UTF-8");
  }
  for (const auto& match : analyzers::find_symbols(text)) {
    fuzz::check(match.start <= match.end && match.end <= text.size(), "symbol inside the text");
    fuzz::check(analyzers::symbol_key(match.text) == match.key, "symbol key agrees");
    (void)analyzers::without_marker(match);
  }
  // Bytes that skipped decoding must not crash the analyzer either.
  for (const auto& token : analyzers::thread_analyzer().analyze(bytes))
    fuzz::check(token.end <= bytes.size(), "token inside undecoded bytes");
  return 0;
}
