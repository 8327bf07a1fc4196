// PDF content streams measured before poppler lays them out (indexer/src/pdf_streams.hpp): a
// stream that inflates to megabytes of text-showing operators (poppler then keeps every glyph:
// about 200 MB and 2 CPU s per MB of such content) refuses its file at once with a clear error;
// images, fonts and other streams are not counted, nor are paths, comments, dictionaries or an
// inline image's data, so ordinary and drawing-heavy PDFs read as before.
#include "pdf_streams.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <zlib.h>

#include "vanban/indexer/reader.hpp"

#include "pdf_objects.hpp"
#include "test_support.hpp"

namespace vanban::indexer {
namespace {

using detail::check_pdf_streams;
using detail::ContentStringCounter;
using detail::PdfStreamBounds;

std::string zlib_packed(const std::string& bytes) {
  uLongf size = compressBound(static_cast<uLong>(bytes.size()));
  std::string packed(size, '\0');
  EXPECT_EQ(
      compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
                reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uLong>(bytes.size()), 9),
      Z_OK);
  packed.resize(size);
  return packed;
}

std::uint64_t shown_bytes(std::string_view content) {
  ContentStringCounter counter;
  // Fed in pieces of three bytes: the state crosses the pieces' ends.
  for (std::size_t at = 0; at < content.size(); at += 3)
    counter.feed(content.substr(at, 3));
  return counter.shown();
}

// A stream object: its dictionary's entries (besides /Length) and its data.
struct PdfStream {
  std::string entries;
  std::string data;
};

// A one-page PDF whose page draws `content` (the first stream) with Helvetica; the other
// streams are objects of their own.
std::string pdf_of_streams(const std::vector<PdfStream>& streams) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R "
      ">> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  for (const PdfStream& stream : streams)
    objects.push_back("<< /Length " + std::to_string(stream.data.size()) + " " + stream.entries +
                      " >>\nstream\n" + stream.data + "\nendstream");
  return testing::pdf_of_objects(objects);
}

// Content of `bytes` bytes showing the same 67 lines of 12-point text over and over, on the
// page: what poppler lays out at the cost above (the bomb of session 25, on the page).
std::string overlapping_text(std::size_t bytes) {
  std::string block;
  for (int line = 0; line < 67; ++line)
    block +=
        "1 0 0 1 20 " + std::to_string(20 + 12 * line) + " Tm (Dieu 1. Pham vi dieu chinh) Tj\n";
  std::string content = "BT /F1 12 Tf\n";
  while (content.size() < bytes)
    content += block;
  return content + "ET\n";
}

const std::string kFlateFilter = "/Filter /FlateDecode";

TEST(PdfStreams, strings_are_counted_and_what_is_not_shown_is_not) {
  EXPECT_EQ(shown_bytes("BT (Dieu 1) Tj ET"), 6u);
  EXPECT_EQ(shown_bytes("(a\\)b) Tj (x(y)z) Tj"), 3u + 5u);  // an escape is one byte; nesting kept
  EXPECT_EQ(shown_bytes("<4469 6575> Tj"), 4u);              // two hexadecimal digits a byte
  EXPECT_EQ(shown_bytes("/P << /MCID 0 /Alt <<>> >> BDC"), 0u);
  EXPECT_EQ(shown_bytes("% (a comment) Tj\n(b) Tj"), 1u);
  EXPECT_EQ(shown_bytes("10 10 m 20 20 l S [1 2] 0 d"), 0u);
  EXPECT_EQ(shown_bytes("BI /W 4 /H 1 /BPC 8 /CS /G ID ((((\xff) EI (ok) Tj"), 2u);
}

TEST(PdfStreams, a_stream_showing_more_than_the_bound_refuses_the_file) {
  PdfStreamBounds bounds;
  bounds.max_shown_bytes = 10'000;
  const std::string bomb = zlib_packed(overlapping_text(200'000));  // 108 KB of strings
  const Status refused = check_pdf_streams(pdf_of_streams({{kFlateFilter, bomb}}), bounds);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::too_large);
  EXPECT_NE(refused.error().user_message.find("luồng nội dung nén bất thường"), std::string::npos)
      << refused.error().user_message;
  // Packed twice ([/FlateDecode /FlateDecode]: a ratio squared), and as a form.
  const std::string twice = zlib_packed(bomb);
  EXPECT_FALSE(
      check_pdf_streams(pdf_of_streams({{"/Filter [/FlateDecode /FlateDecode]", twice}}), bounds)
          .ok());
  EXPECT_FALSE(
      check_pdf_streams(
          pdf_of_streams(
              {{"", "q /X0 Do Q"},
               {"/Type /XObject /Subtype /Form /BBox [0 0 595 842] " + kFlateFilter, bomb}}),
          bounds)
          .ok());
}

// Controls: what the bound must not refuse.
TEST(PdfStreams, streams_within_the_bound_images_fonts_and_drawings_are_left_alone) {
  PdfStreamBounds bounds;
  bounds.max_shown_bytes = 10'000;
  const std::string text = zlib_packed(overlapping_text(15'000));  // 8 KB of strings a stream
  EXPECT_TRUE(
      check_pdf_streams(
          pdf_of_streams({{kFlateFilter, text}, {kFlateFilter, text}, {kFlateFilter, text}}),
          bounds)
          .ok());
  // The same bytes as an image, a font program, an ICC profile, an object stream: never shown.
  const std::string parentheses = zlib_packed(std::string(300'000, '('));
  for (const std::string& entries :
       {"/Type /XObject /Subtype /Image /Width 1000 /Height 300 /BitsPerComponent 8 "
        "/ColorSpace /DeviceGray " +
            kFlateFilter,
        "/Length1 300000 " + kFlateFilter, "/N 3 " + kFlateFilter,
        "/Type /ObjStm /N 1 /First 4 " + kFlateFilter, "/Type /EmbeddedFile " + kFlateFilter,
        "/Type /Metadata /Subtype /XML " + kFlateFilter}) {
    EXPECT_TRUE(
        check_pdf_streams(pdf_of_streams({{"", "BT ET"}, {entries, parentheses}}), bounds).ok())
        << entries;
  }
  // Megabytes of drawing inflated at 1000:1 show nothing.
  std::string drawing = "BT /F1 12 Tf 20 800 Td (Ban do quy hoach) Tj ET\n";
  while (drawing.size() < 3'000'000)
    drawing += "10 10 m 20 20 l S\n";
  EXPECT_TRUE(
      check_pdf_streams(pdf_of_streams({{kFlateFilter, zlib_packed(drawing)}}), bounds).ok());
  // Damaged Flate data is poppler's to report; unpacked content is no larger than the file.
  EXPECT_TRUE(check_pdf_streams(pdf_of_streams({{kFlateFilter, "not zlib at all"}}), bounds).ok());
  EXPECT_TRUE(check_pdf_streams(pdf_of_streams({{"", overlapping_text(20'000)}}), bounds).ok());
}

TEST(PdfStreams, the_scan_stops_after_its_inflating_budget) {
  PdfStreamBounds bounds;
  bounds.max_shown_bytes = 10'000;
  bounds.max_inflated_bytes = 40'000;
  const std::string text = zlib_packed(overlapping_text(15'000));
  // Past the budget the later streams are not inflated: the file is left to its reader's limits.
  EXPECT_TRUE(
      check_pdf_streams(pdf_of_streams({{kFlateFilter, text},
                                        {kFlateFilter, text},
                                        {kFlateFilter, text},
                                        {kFlateFilter, zlib_packed(overlapping_text(200'000))}}),
                        bounds)
          .ok());
  // Within the budget, the same bomb is found.
  bounds.max_inflated_bytes = 1'000'000;
  EXPECT_FALSE(
      check_pdf_streams(pdf_of_streams({{kFlateFilter, text},
                                        {kFlateFilter, zlib_packed(overlapping_text(200'000))}}),
                        bounds)
          .ok());
}

// The bomb at the reader's own bounds: 16 MB of such content in a 94 KB file, which poppler
// would take gigabytes and minutes to lay out, refused at once through the reading child (as
// `vanban index` reads) and in this process; the drawing control is read.
TEST(PdfStreams, a_content_bomb_is_refused_at_once_and_a_drawing_is_read) {
  const std::string bomb =
      pdf_of_streams({{kFlateFilter, zlib_packed(overlapping_text(16'000'000))}});
  ASSERT_LT(bomb.size(), 200'000u);
  ReadOptions in_child;
  in_child.bounded.program = testing::vanban_binary();
  in_child.bounded.cpu_limit = std::chrono::seconds(20);
  in_child.bounded.memory_limit = std::uint64_t{1024} * 1024 * 1024;
  for (const ReadOptions& options : {in_child, ReadOptions{}}) {
    const auto read = read_document("bom.pdf", bomb, options);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().kind, ErrorKind::too_large);
    // Asserted: before the scan, the in-process read that follows would take gigabytes.
    ASSERT_NE(read.error().message.find("content stream shows more than 4 MB of text"),
              std::string::npos)
        << read.error().message;
  }
  std::string drawing = "BT /F1 12 Tf 20 800 Td (Dieu 1. Ban do quy hoach) Tj ET\n";
  while (drawing.size() < 4'500'000)
    drawing += "10 10 m 20 20 l S\n";
  const auto read =
      read_document("ban-do.pdf", pdf_of_streams({{kFlateFilter, zlib_packed(drawing)}}), in_child);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_NE(read->text.find("Dieu 1. Ban do quy hoach"), std::string::npos) << read->text;
}

}  // namespace
}  // namespace vanban::indexer
