// The standard PDF stream filters poppler decodes without a library of their own (Flate, LZW,
// ASCIIHex, ASCII85, RunLength, and the PNG and TIFF predictors of Flate and LZW), as a chain
// that decodes a stream a piece at a time and hands its output on as it comes: what the PDF
// content scan (pdf_streams.hpp) reads, so that content packed by any of them is measured, not
// only Flate's. Nothing is held but each stage's window (LZW's table, a predictor's row).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace vanban::indexer::detail {

// One filter of a chain, with its /DecodeParms read loosely.
struct PdfFilterSpec {
  enum class Kind { flate, lzw, ascii_hex, ascii85, run_length };
  Kind kind = Kind::flate;
  int predictor = 1;  // 1: none; 2: TIFF; 10-15: PNG
  int colors = 1;
  int bits_per_component = 8;
  int columns = 1;
  bool early_change = true;  // LZW
};

// The filter a name stands for (full names and the abbreviations poppler takes), or none for
// the filters this chain does not decode (images' DCT, JPX, JBIG2, CCITT; Crypt).
std::optional<PdfFilterSpec::Kind> pdf_filter_kind(std::string_view name);

class PdfFilterStage {
 public:
  using Sink = std::function<bool(std::string_view)>;  // false: stop decoding
  virtual ~PdfFilterStage() = default;
  // Decodes `input`, handing the output to `sink`; false once the data is damaged or the sink
  // asked to stop. Input after the filter's end of data is ignored.
  virtual bool feed(std::string_view input, const Sink& sink) = 0;
};

class PdfFilterChain {
 public:
  // Fails (nullopt) for a predictor this chain cannot undo (TIFF below 8 bits a component).
  static std::optional<PdfFilterChain> make(const std::vector<PdfFilterSpec>& filters);
  // Decodes the next piece of the stream's data through every stage into `sink`.
  bool feed(std::string_view input, const PdfFilterStage::Sink& sink);

 private:
  std::vector<std::unique_ptr<PdfFilterStage>> stages_;
};

}  // namespace vanban::indexer::detail
