// decode_text then extract_metadata: whatever is found serialises to JSON and reads back.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vanban;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto text = analyzers::decode_text(bytes).text;
  const analyzers::DocumentMetadata metadata = analyzers::extract_metadata(text);
  const nlohmann::json json = metadata;
  std::string dumped;
  try {
    dumped = json.dump();
  } catch (const nlohmann::json::exception& error) {
    fuzz::check(false, error.what());
  }
  const auto back = nlohmann::json::parse(dumped).get<analyzers::DocumentMetadata>();
  fuzz::check(nlohmann::json(back) == json, "metadata JSON reads back the same");
  return 0;
}
