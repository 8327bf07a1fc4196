// Optical character recognition (Tesseract) of page images: the scanned pages of a PDF and image
// files. One engine per reading thread, loaded on first use and kept for the thread's life (the
// language model takes a second to load; a TessBaseAPI is not shareable between threads).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/common/result.hpp"
#include "vanban/indexer/reader.hpp"

struct Pix;  // Leptonica's image

namespace vanban::indexer::detail {

// The reason given for a scan when OCR cannot run; the rest of a run goes on.
inline constexpr std::string_view kOcrNotInstalled = "no text layer; OCR not installed";

// The recognition of one document's page images: their text, and what the OcrNote says.
class OcrRun {
 public:
  explicit OcrRun(const OcrOptions& options) : options_(options) {}

  // ok when the engine and the options' language data can be loaded on this thread; else
  // unsupported with kOcrNotInstalled and why (built without Tesseract, no traineddata, OCR
  // turned off).
  Status available();

  // Recognises one page: an 8-bit gray image with rows of `stride` bytes. `dpi` 0: unknown.
  Result<std::string> recognise_gray(const std::uint8_t* pixels, int width, int height,
                                     std::size_t stride, int dpi);
  // Recognises one decoded image (any depth; an alpha channel is laid over white).
  Result<std::string> recognise(Pix* image);

  std::size_t pages() const { return pages_; }
  // nullopt before any page was recognised.
  std::optional<archive::OcrNote> note() const;

 private:
  const OcrOptions& options_;
  std::size_t pages_ = 0;
  std::uint64_t confidence_sum_ = 0;  // of every word recognised
  std::uint64_t words_ = 0;
};

// Below this mean confidence the recognised text is mostly guesses: the document is indexed
// (it may still be found by its legible words) with a warning.
inline constexpr std::uint32_t kUnsureConfidence = 60;
// Adds that warning when `note` is under kUnsureConfidence.
void warn_if_unsure(const archive::OcrNote& note, std::vector<std::string>& warnings);

// Tesseract's cleaned text of a page: a ruled table's cell borders, read as "|", become the
// tabs that separate cells in Vanban's text (reader.hpp); lines are kept.
std::string clean_recognised_text(std::string_view text);

// Adds the note of a part (an attachment) to the whole's: pages add up, confidences are
// weighted by pages.
void add_ocr_note(std::optional<archive::OcrNote>& total, const archive::OcrNote& part);

// PNG, JPEG or TIFF by their magic numbers.
bool is_image(std::string_view bytes);
// "png", "jpeg" or "tiff" (the archived format), by the magic numbers of an image.
std::string_view image_format(std::string_view bytes);

// Reads an image file by OCR, every page of a multi-page TIFF (up to options.max_pages).
Result<ReadDocument> read_image(std::string_view bytes, const OcrOptions& options);

}  // namespace vanban::indexer::detail
