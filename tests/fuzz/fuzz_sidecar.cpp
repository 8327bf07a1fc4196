// Sidecar metadata (NAME.meta.json): any bytes are parsed, checked field by field and applied
// over extracted metadata. A sidecar is refused with invalid_argument or gives metadata whose
// date, when the sidecar set it, names a day of the calendar.
#include <cstddef>
#include <cstdint>
#include <string>

#include "vanban/indexer/metadata.hpp"
#include "vanban/indexer/reader.hpp"

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vanban;
  const indexer::SidecarFile sidecar{"van-ban.meta.json",
                                     std::string(reinterpret_cast<const char*>(data), size)};
  auto fields = indexer::parse_sidecar(sidecar);
  if (!fields) {
    fuzz::check(fields.error().kind == ErrorKind::invalid_argument, "refusal is invalid_argument");
    return 0;
  }
  indexer::ReadDocument document;
  document.text = "KẾ HOẠCH\nTriển khai công tác dân vận năm 2026\n";
  indexer::merge_sidecar(std::move(*fields), document);
  const auto metadata = indexer::analyze(document);
  if (metadata.date && document.overrides.states(analyzers::MetadataField::date)) {
    const std::string& date = *metadata.date;
    fuzz::check(date.size() == 10 && date[4] == '-' && date[7] == '-', "sidecar date is ISO");
  }
  for (const auto& warning : document.warnings)
    fuzz::check(!warning.empty(), "warnings say something");
  return 0;
}
