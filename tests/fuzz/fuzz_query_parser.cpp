// The search box language: parse_query gives a tree or an invalid_argument error with a
// Vietnamese message; the date and number helpers take any text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vanban/analyzers/symbol.hpp"
#include "vanban/archive/query_parser.hpp"

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vanban;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = archive::query::parse_query(text);
  if (parsed) {
    fuzz::check(fuzz::is_valid_utf8(archive::query::describe(parsed->root)),
                "description is valid UTF-8");
  } else {
    fuzz::check(parsed.error().kind == ErrorKind::invalid_argument, "refusal is invalid_argument");
    fuzz::check(!parsed.error().user_message.empty(), "refusal has a Vietnamese message");
  }
  if (const auto range = archive::query::parse_date_range(text))
    fuzz::check(range->from.size() <= 8 && range->to.size() <= 8, "date bounds are YYYYMMDD");
  (void)archive::query::number_key(text);
  if (const auto key = analyzers::symbol_key(text))
    fuzz::check(analyzers::symbol_key(*key) == key, "symbol_key is idempotent");
  return 0;
}
