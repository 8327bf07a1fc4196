// PDF content streams measured before poppler lays them out (indexer/src/pdf_streams.hpp): a
// stream that inflates to megabytes of text-showing operators (poppler then keeps every glyph:
// about 200 MB and 2 CPU s per MB of such content) refuses its file at once with a clear error;
// images, fonts and other streams are not counted, nor are paths, comments, dictionaries or an
// inline image's data, so ordinary and drawing-heavy PDFs read as before.
#include "pdf_streams.hpp"

#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <zlib.h>

#include "vanban/indexer/reader.hpp"

#include "pdf_crypt.hpp"
#include "pdf_filters.hpp"
#include "pdf_objects.hpp"
#include "test_support.hpp"

namespace vanban::indexer {
namespace {

using detail::check_pdf_streams;
using detail::ContentStringCounter;
using detail::PdfFilterChain;
using detail::PdfFilterSpec;
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
  // Damaged Flate data is poppler's to report; content stored unpacked within the bound is read
  // (past it, session 27: a file of 90 MB of plain text operators is the same bomb).
  EXPECT_TRUE(check_pdf_streams(pdf_of_streams({{kFlateFilter, "not zlib at all"}}), bounds).ok());
  EXPECT_TRUE(check_pdf_streams(pdf_of_streams({{"", overlapping_text(15'000)}}), bounds).ok());
  EXPECT_FALSE(check_pdf_streams(pdf_of_streams({{"", overlapping_text(20'000)}}), bounds).ok());
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

// Encoders of the other filters poppler decodes, for the files below.
std::string lzw_packed(const std::string& bytes) {
  std::string out;
  std::uint32_t bits = 0;
  int held = 0;
  const auto emit = [&](int code, int width) {
    bits = (bits << width) | static_cast<std::uint32_t>(code);
    held += width;
    while (held >= 8) {
      held -= 8;
      out += static_cast<char>((bits >> held) & 0xff);
    }
    bits &= (1u << held) - 1;
  };
  std::map<std::string, int> table;
  const auto reset = [&] {
    table.clear();
    for (int i = 0; i < 256; ++i)
      table[std::string(1, static_cast<char>(i))] = i;
  };
  reset();
  int next = 258;
  int width = 9;
  emit(256, width);
  std::string word;
  for (const char c : bytes) {
    if (table.count(word + c)) {
      word += c;
      continue;
    }
    emit(table[word], width);
    table[word + c] = next++;
    if (next + 1 > (1 << width) && width < 12) ++width;  // EarlyChange 1
    if (next >= 4094) {
      emit(256, width);
      reset();
      next = 258;
      width = 9;
    }
    word = std::string(1, c);
  }
  if (!word.empty()) emit(table[word], width);
  emit(257, width);
  if (held > 0) out += static_cast<char>((bits << (8 - held)) & 0xff);
  return out;
}

std::string hex_packed(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : bytes) {
    out += kDigits[static_cast<unsigned char>(c) >> 4];
    out += kDigits[static_cast<unsigned char>(c) & 15];
    if (out.size() % 80 == 78) out += '\n';
  }
  return out + ">";
}

std::string ascii85_packed(const std::string& bytes) {
  std::string out;
  for (std::size_t at = 0; at < bytes.size(); at += 4) {
    const std::size_t n = std::min<std::size_t>(4, bytes.size() - at);
    std::uint32_t group = 0;
    for (std::size_t i = 0; i < 4; ++i)
      group = group << 8 | (i < n ? static_cast<unsigned char>(bytes[at + i]) : 0u);
    if (group == 0 && n == 4) {
      out += 'z';
      continue;
    }
    char digits[5];
    for (int i = 4; i >= 0; --i) {
      digits[i] = static_cast<char>('!' + group % 85);
      group /= 85;
    }
    out.append(digits, n + 1);
  }
  return out + "~>";
}

std::string run_length_packed(const std::string& bytes) {
  std::string out;
  for (std::size_t at = 0; at < bytes.size(); at += 128) {
    const std::size_t n = std::min<std::size_t>(128, bytes.size() - at);
    out += static_cast<char>(n - 1);
    out += bytes.substr(at, n);
  }
  return out + '\x80';
}

// PNG's "Up" predictor on rows of `columns` bytes: a repeated row becomes zeros.
std::string png_up_predicted(const std::string& bytes, std::size_t columns) {
  std::string out;
  std::string above(columns, '\0');
  for (std::size_t at = 0; at < bytes.size(); at += columns) {
    std::string row = bytes.substr(at, columns);
    row.resize(columns, ' ');
    out += '\x02';
    for (std::size_t i = 0; i < columns; ++i)
      out += static_cast<char>(row[i] - above[i]);
    above = row;
  }
  return out;
}

std::string decoded_by_chain(const std::vector<PdfFilterSpec>& filters, const std::string& data) {
  std::optional<PdfFilterChain> chain = PdfFilterChain::make(filters);
  EXPECT_TRUE(chain.has_value());
  std::string out;
  // Fed in pieces of 7 bytes: every decoder's state crosses the pieces' ends.
  for (std::size_t at = 0; chain && at < data.size(); at += 7)
    chain->feed(std::string_view(data).substr(at, 7), [&out](std::string_view piece) {
      out += piece;
      return true;
    });
  return out;
}

PdfFilterSpec filter_of(PdfFilterSpec::Kind kind) {
  PdfFilterSpec spec;
  spec.kind = kind;
  return spec;
}

TEST(PdfStreams, each_filter_poppler_decodes_is_undone_by_the_scan) {
  using Kind = PdfFilterSpec::Kind;
  const std::string text = overlapping_text(30'000) + std::string("\x00\xff\x80 end", 8);
  EXPECT_EQ(decoded_by_chain({filter_of(Kind::lzw)}, lzw_packed(text)), text);
  EXPECT_EQ(decoded_by_chain({filter_of(Kind::ascii_hex)}, hex_packed(text)), text);
  EXPECT_EQ(decoded_by_chain({filter_of(Kind::ascii85)}, ascii85_packed(text)), text);
  EXPECT_EQ(decoded_by_chain({filter_of(Kind::run_length)}, run_length_packed(text)), text);
  EXPECT_EQ(decoded_by_chain({filter_of(Kind::ascii_hex), filter_of(Kind::flate)},
                             hex_packed(zlib_packed(text))),
            text);
  PdfFilterSpec predicted = filter_of(Kind::flate);
  predicted.predictor = 12;
  predicted.columns = 40;
  EXPECT_EQ(
      decoded_by_chain({predicted}, zlib_packed(png_up_predicted(text, 40))).substr(0, text.size()),
      text);
  // poppler reads the same bytes the same way: a page packed by each shows its text.
  const std::string page = "BT /F1 12 Tf 20 800 Td (Dieu 1. Pham vi dieu chinh) Tj ET\n";
  for (const PdfStream& stream :
       {PdfStream{"/Filter /LZWDecode", lzw_packed(page)},
        PdfStream{"/Filter [/ASCII85Decode /FlateDecode]", ascii85_packed(zlib_packed(page))},
        PdfStream{"/Filter /RunLengthDecode", run_length_packed(page)},
        PdfStream{"/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 40 >>",
                  zlib_packed(png_up_predicted(page, 40))}}) {
    const auto read = read_document("trang.pdf", pdf_of_streams({stream}), ReadOptions{});
    ASSERT_TRUE(read.ok()) << stream.entries << ": " << read.error().message;
    EXPECT_NE(read->text.find("Dieu 1. Pham vi dieu chinh"), std::string::npos) << stream.entries;
  }
}

TEST(PdfStreams, content_packed_by_any_filter_poppler_decodes_is_measured) {
  PdfStreamBounds bounds;
  bounds.max_shown_bytes = 10'000;
  const std::string bomb = overlapping_text(200'000);  // 108 KB of strings
  for (const PdfStream& stream :
       {PdfStream{"/Filter /LZWDecode", lzw_packed(bomb)},
        PdfStream{"/Filter /LZW", lzw_packed(bomb)},
        PdfStream{"/Filter [/ASCIIHexDecode /FlateDecode]", hex_packed(zlib_packed(bomb))},
        PdfStream{"/Filter [/A85 /Fl]", ascii85_packed(zlib_packed(bomb))},
        PdfStream{"/Filter [/FlateDecode /RunLengthDecode]", zlib_packed(run_length_packed(bomb))},
        PdfStream{"/Filter [/LZWDecode /FlateDecode]", lzw_packed(zlib_packed(bomb))},
        PdfStream{"/F /FlateDecode", zlib_packed(bomb)},
        PdfStream{"/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 64 >>",
                  zlib_packed(png_up_predicted(bomb, 64))},
        PdfStream{"/Filter [/AHx /FlateDecode] /DecodeParms [null << /Predictor 15 /Columns 64 >>]",
                  hex_packed(zlib_packed(png_up_predicted(bomb, 64)))}}) {
    const Status refused = check_pdf_streams(pdf_of_streams({stream}), bounds);
    EXPECT_FALSE(refused.ok()) << stream.entries;
  }
  // The control: the same filters on a page of ordinary text.
  const std::string text = overlapping_text(15'000);
  EXPECT_TRUE(
      check_pdf_streams(pdf_of_streams({{"/Filter /LZWDecode", lzw_packed(text)}}), bounds).ok());
  EXPECT_TRUE(
      check_pdf_streams(pdf_of_streams({{"/Filter [/A85 /Fl]", ascii85_packed(zlib_packed(text))}}),
                        bounds)
          .ok());
}

TEST(PdfStreams, a_pages_contents_is_measured_whatever_its_dictionary_claims) {
  PdfStreamBounds bounds;
  bounds.max_shown_bytes = 10'000;
  const std::string bomb = zlib_packed(overlapping_text(200'000));
  for (const std::string& claims :
       {std::string("/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 "
                    "/ColorSpace /DeviceGray"),
        std::string("/Length1 1000"), std::string("/Type /Metadata /Subtype /XML"),
        std::string("/N 3"), std::string("/Type /EmbeddedFile")}) {
    // Object 5, the page's /Contents.
    EXPECT_FALSE(
        check_pdf_streams(pdf_of_streams({{claims + " " + kFlateFilter, bomb}}), bounds).ok())
        << claims;
    // The same stream that no page draws (object 6) is what it says: never laid out.
    EXPECT_TRUE(check_pdf_streams(
                    pdf_of_streams({{"", "BT ET"}, {claims + " " + kFlateFilter, bomb}}), bounds)
                    .ok())
        << claims;
  }
  // A /Contents array naming the stream among others, or an array object naming it.
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
      "[5 0 R 6 0 R]",
      "<< /Length 5 >>\nstream\nBT ET\nendstream",
      "<< /Length " + std::to_string(bomb.size()) + " /Subtype /Image " + kFlateFilter +
          " >>\nstream\n" + bomb + "\nendstream"};
  EXPECT_FALSE(check_pdf_streams(testing::pdf_of_objects(objects), bounds).ok());
}

// A page whose content draws `form` (object 5) `times` times by the name `name`.
std::string pdf_drawing_a_form(const std::string& form, int times, const std::string& name = "X0",
                               const std::string& form_entries = "/Subtype /Form") {
  std::string content;
  for (int i = 0; i < times; ++i)
    content += "q /" + name + " Do Q\n";
  const std::string packed = zlib_packed(content);
  return testing::pdf_of_objects(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X0 5 0 R "
       ">> >> /Contents 4 0 R >>",
       "<< /Length " + std::to_string(packed.size()) + " " + kFlateFilter + " >>\nstream\n" +
           packed + "\nendstream",
       "<< /Length " + std::to_string(form.size()) + " /Type /XObject " + form_entries +
           " /BBox [0 0 595 842] >>\nstream\n" + form + "\nendstream"});
}

TEST(PdfStreams, a_form_drawn_many_times_counts_as_often_as_it_is_drawn) {
  PdfStreamBounds bounds;
  bounds.max_shown_bytes = 100'000;
  const std::string form = overlapping_text(1'000);  // one block: 1.9 KB of strings
  const Status refused = check_pdf_streams(pdf_drawing_a_form(form, 10'000), bounds);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::too_large);
  EXPECT_NE(refused.error().user_message.find("trang vẽ lặp lại quá nhiều chữ"), std::string::npos)
      << refused.error().user_message;
  // A name written with #xx escapes is the same name to poppler.
  EXPECT_FALSE(check_pdf_streams(pdf_drawing_a_form(form, 10'000, "X#30"), bounds).ok());
  // Controls: the form drawn a few times, an image drawn 10,000 times, a form that names
  // something else.
  EXPECT_TRUE(check_pdf_streams(pdf_drawing_a_form(form, 20), bounds).ok());
  EXPECT_TRUE(check_pdf_streams(
                  pdf_drawing_a_form(std::string(2000, '('), 10'000, "X0",
                                     "/Subtype /Image /Width 40 /Height 50 /BitsPerComponent 8"),
                  bounds)
                  .ok());
  EXPECT_TRUE(check_pdf_streams(pdf_drawing_a_form(form, 10'000, "Y0"), bounds).ok());
}

TEST(PdfStreams, forms_within_forms_multiply_and_a_form_drawing_itself_ends) {
  PdfStreamBounds bounds;
  bounds.max_shown_bytes = 100'000;
  // Six levels, each drawing the next ten times: one line a million times over.
  const auto nested = [](int levels, int times) {
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /L0 5 0 "
        "R >> >> /Contents 4 0 R >>",
        "<< /Length 7 >>\nstream\n/L0 Do\nendstream"};
    for (int level = 0; level < levels; ++level) {
      std::string data;
      std::string resources;
      if (level + 1 < levels) {
        for (int i = 0; i < times; ++i)
          data += "/L" + std::to_string(level + 1) + " Do\n";
        resources = "/Resources << /XObject << /L" + std::to_string(level + 1) + " " +
                    std::to_string(6 + level) + " 0 R >> >>";
      } else {
        data = "BT /F1 12 Tf 20 400 Td (Dieu 1. Pham vi dieu chinh) Tj ET\n";
      }
      objects.push_back("<< /Length " + std::to_string(data.size()) +
                        " /Type /XObject /Subtype /Form " + resources + " >>\nstream\n" + data +
                        "\nendstream");
    }
    return testing::pdf_of_objects(objects);
  };
  EXPECT_FALSE(check_pdf_streams(nested(6, 10), bounds).ok());
  EXPECT_TRUE(check_pdf_streams(nested(6, 2), bounds).ok());  // 32 times: the control
  // A form that draws itself: poppler refuses the recursion, and the count ends.
  const std::string itself = "BT (Dieu 1) Tj ET /X0 Do /X0 Do";
  EXPECT_TRUE(check_pdf_streams(pdf_drawing_a_form(itself, 1), bounds).ok());
}

TEST(PdfStreams, a_page_naming_one_stream_many_times_counts_each) {
  PdfStreamBounds bounds;
  bounds.max_shown_bytes = 100'000;
  const std::string text = zlib_packed(overlapping_text(1'000));
  const auto page_of = [&](int times) {
    std::string contents;
    for (int i = 0; i < times; ++i)
      contents += "4 0 R ";
    return testing::pdf_of_objects(
        {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [" + contents + "] >>",
         "<< /Length " + std::to_string(text.size()) + " " + kFlateFilter + " >>\nstream\n" + text +
             "\nendstream"});
  };
  EXPECT_FALSE(check_pdf_streams(page_of(1'000), bounds).ok());
  EXPECT_TRUE(check_pdf_streams(page_of(3), bounds).ok());
}

// Binary data (an image's samples, a font program) opens and closes strings by chance, but
// never gives them to a text operator: 4 MB of random bytes show next to nothing.
TEST(PdfStreams, binary_data_shows_no_text) {
  std::mt19937 random(27);
  std::string bytes(4'000'000, '\0');
  for (char& c : bytes)
    c = static_cast<char>(random() & 0xff);
  EXPECT_LT(shown_bytes(bytes), 1'000u);
}

// The form bomb at the reader's own bounds: a 3 KB file whose page draws a 1.9 KB text form
// 100,000 times (190 MB of text for poppler to lay out), refused at once in this process.
TEST(PdfStreams, a_form_bomb_is_refused_at_once) {
  const std::string bomb = pdf_drawing_a_form(zlib_packed(overlapping_text(1'000)), 100'000, "X0",
                                              "/Subtype /Form " + kFlateFilter);
  ASSERT_LT(bomb.size(), 10'000u);
  const auto read = read_document("bom.pdf", bomb, ReadOptions{});
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::too_large);
  EXPECT_NE(read.error().message.find("through forms or content drawn over and over"),
            std::string::npos)
      << read.error().message;
}

// --- Encrypted PDFs (session 28) ---
// qpdf encrypts the files (an implementation of ISO 32000 independent of ours): poppler opens
// those whose user password is empty, and the scan must see the same content poppler lays out.

struct Encryption {
  std::string name;
  std::string qpdf;  // qpdf's arguments that encrypt
};

const std::vector<Encryption>& encryptions() {
  static const std::vector<Encryption> all = {
      {"RC4-40", "--allow-weak-crypto --encrypt '' owner 40 --"},
      {"RC4-128", "--allow-weak-crypto --encrypt '' owner 128 --use-aes=n --"},
      {"AES-128", "--encrypt '' owner 128 --use-aes=y --"},
      {"AES-256", "--encrypt '' owner 256 --"},
      {"AES-256 R5", "--encrypt '' owner 256 --force-R5 --"},
      // PDF 1.5 object streams: the page and its resources deciphered before they are read.
      {"AES-128, object streams",
       "--object-streams=generate --encrypt '' owner 128 --use-aes=y --"},
      // An empty owner password opens the file too (poppler tries it).
      {"AES-256, empty owner", "--encrypt secret '' 256 --allow-insecure --"}};
  return all;
}

// `pdf` encrypted by qpdf with `arguments` (its streams' data kept as they are).
std::string qpdf_encrypted(const std::string& pdf, const std::string& arguments) {
  testing::TempDir dir;
  testing::write_file(dir / "plain.pdf", pdf);
  const std::string command = "qpdf --stream-data=preserve " + arguments + " '" +
                              (dir / "plain.pdf").string() + "' '" +
                              (dir / "encrypted.pdf").string() + "' 2>&1";
  const int status = std::system(command.c_str());
  // 0, or 3: written with warnings.
  EXPECT_TRUE(WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 3))
      << command;
  return testing::read_file(dir / "encrypted.pdf");
}

bool has_qpdf() {
  return std::system("command -v qpdf >/dev/null 2>&1") == 0;
}

TEST(PdfStreams, an_encrypted_pdf_reads_as_its_plain_twin_and_the_scan_has_its_key) {
  ASSERT_TRUE(has_qpdf()) << "qpdf is needed (scripts/setup.sh --tests)";
  const std::string page =
      "BT /F1 12 Tf 20 800 Td (Dieu 1. Pham vi dieu chinh) Tj 0 -14 Td (Khoan 2) Tj ET\n";
  const std::string plain = pdf_of_streams({{kFlateFilter, zlib_packed(page)}});
  const auto control = read_document("trang.pdf", plain, ReadOptions{});
  ASSERT_TRUE(control.ok()) << control.error().message;
  for (const Encryption& encryption : encryptions()) {
    const std::string encrypted = qpdf_encrypted(plain, encryption.qpdf);
    ASSERT_NE(encrypted.find("/Encrypt"), std::string::npos) << encryption.name;
    const auto read = read_document("trang.pdf", encrypted, ReadOptions{});
    ASSERT_TRUE(read.ok()) << encryption.name << ": " << read.error().message;
    EXPECT_EQ(read->text, control->text) << encryption.name;
    EXPECT_TRUE(read->warnings.empty()) << encryption.name << ": " << read->warnings.front();
    // The key is qpdf's own.
    const detail::PdfEncryption found = detail::read_pdf_encryption(encrypted);
    ASSERT_EQ(found.keys.size(), 1u) << encryption.name << ": " << found.unmeasured;
    testing::TempDir dir;
    testing::write_file(dir / "e.pdf", encrypted);
    const std::string shown = "qpdf --show-encryption-key --show-encryption '" +
                              (dir / "e.pdf").string() + "' > '" + (dir / "key").string() + "'";
    ASSERT_EQ(std::system(shown.c_str()), 0) << shown;
    std::string hex;
    for (const char c : found.keys[0].file_key) {
      static constexpr char kDigits[] = "0123456789abcdef";
      hex += kDigits[static_cast<unsigned char>(c) >> 4];
      hex += kDigits[static_cast<unsigned char>(c) & 15];
    }
    EXPECT_NE(testing::read_file(dir / "key").find("Encryption key = " + hex + "\n"),
              std::string::npos)
        << encryption.name << ": " << hex << "\n"
        << testing::read_file(dir / "key");
  }
}

TEST(PdfStreams, a_bomb_inside_an_encrypted_pdf_is_refused_like_its_plain_twin) {
  ASSERT_TRUE(has_qpdf()) << "qpdf is needed (scripts/setup.sh --tests)";
  PdfStreamBounds bounds;
  bounds.max_shown_bytes = 100'000;
  const std::string content_bomb =
      pdf_of_streams({{kFlateFilter, zlib_packed(overlapping_text(400'000))}});  // 216 KB
  const std::string form_bomb = pdf_drawing_a_form(zlib_packed(overlapping_text(1'000)), 1'000,
                                                   "X0", "/Subtype /Form " + kFlateFilter);
  const std::string page = pdf_drawing_a_form(zlib_packed(overlapping_text(1'000)), 20, "X0",
                                              "/Subtype /Form " + kFlateFilter);
  // The plain twins: the bombs are refused, the page read.
  ASSERT_FALSE(check_pdf_streams(content_bomb, bounds).ok());
  ASSERT_FALSE(check_pdf_streams(form_bomb, bounds).ok());
  ASSERT_TRUE(check_pdf_streams(page, bounds).ok());
  for (const Encryption& encryption : encryptions()) {
    const Status content = check_pdf_streams(qpdf_encrypted(content_bomb, encryption.qpdf), bounds);
    ASSERT_FALSE(content.ok()) << encryption.name;
    EXPECT_NE(content.error().message.find("deciphered"), std::string::npos)
        << encryption.name << ": " << content.error().message;
    const Status form = check_pdf_streams(qpdf_encrypted(form_bomb, encryption.qpdf), bounds);
    ASSERT_FALSE(form.ok()) << encryption.name;
    EXPECT_NE(form.error().message.find("through forms"), std::string::npos)
        << encryption.name << ": " << form.error().message;
    // The control: the same page drawing its form 20 times.
    std::vector<std::string> notes;
    EXPECT_TRUE(check_pdf_streams(qpdf_encrypted(page, encryption.qpdf), bounds, &notes).ok())
        << encryption.name;
    EXPECT_TRUE(notes.empty()) << encryption.name;
  }
}

// At the reader's own bounds: the 16 MB content bomb (94 KB) and a form drawn 100,000 times,
// encrypted with AES-256 and RC4-40, refused at once in this process, as their twins are.
TEST(PdfStreams, an_encrypted_bomb_is_refused_at_once_by_the_reader) {
  ASSERT_TRUE(has_qpdf()) << "qpdf is needed (scripts/setup.sh --tests)";
  const std::string content_bomb =
      pdf_of_streams({{kFlateFilter, zlib_packed(overlapping_text(16'000'000))}});
  const std::string form_bomb = pdf_drawing_a_form(zlib_packed(overlapping_text(1'000)), 100'000,
                                                   "X0", "/Subtype /Form " + kFlateFilter);
  for (const std::string& arguments :
       {std::string("--encrypt '' owner 256 --"),
        std::string("--allow-weak-crypto --encrypt '' owner 40 --")}) {
    for (const std::string* bomb : {&content_bomb, &form_bomb}) {
      const auto read = read_document("bom.pdf", qpdf_encrypted(*bomb, arguments), ReadOptions{});
      ASSERT_FALSE(read.ok()) << arguments;
      EXPECT_EQ(read.error().kind, ErrorKind::too_large) << arguments;
      EXPECT_NE(read.error().user_message.find("nghi PDF bom"), std::string::npos)
          << arguments << ": " << read.error().message;
    }
  }
}

// A user password that is not empty: poppler cannot open the file, which is refused as before;
// the scan measures what it can (the data as stored) and says why it could not decipher.
TEST(PdfStreams, a_pdf_needing_a_password_stays_refused) {
  ASSERT_TRUE(has_qpdf()) << "qpdf is needed (scripts/setup.sh --tests)";
  const std::string plain = pdf_of_streams(
      {{kFlateFilter, zlib_packed("BT /F1 12 Tf 20 800 Td (Dieu 1. Pham vi dieu chinh) Tj ET")}});
  for (const std::string& arguments : {std::string("--encrypt secret owner 128 --use-aes=y --"),
                                       std::string("--encrypt secret owner 256 --")}) {
    const std::string encrypted = qpdf_encrypted(plain, arguments);
    const auto read = read_document("mat-khau.pdf", encrypted, ReadOptions{});
    ASSERT_FALSE(read.ok()) << arguments;
    EXPECT_EQ(read.error().kind, ErrorKind::unsupported);
    EXPECT_NE(read.error().user_message.find("cần mật khẩu"), std::string::npos)
        << read.error().user_message;
    std::vector<std::string> notes;
    EXPECT_TRUE(check_pdf_streams(encrypted, {}, &notes).ok());
    ASSERT_EQ(notes.size(), 1u) << arguments;
    EXPECT_NE(notes[0].find("the empty password opens none"), std::string::npos) << notes[0];
  }
}

// A file whose empty password opens many encryption dictionaries (an attacker's making: a real
// file has one, its incremental updates name it again): each key is measured, up to 16; past
// them the file is refused. qpdf's AES-256 dictionaries hold a random key each.
TEST(PdfStreams, a_pdf_opened_by_many_keys_is_refused_past_sixteen) {
  ASSERT_TRUE(has_qpdf()) << "qpdf is needed (scripts/setup.sh --tests)";
  const std::string plain = pdf_of_streams({{"", "BT ET"}});
  const auto with_dictionaries = [&](int count) {
    std::string added;
    for (int i = 0; i < count; ++i) {
      const std::string encrypted = qpdf_encrypted(plain, "--encrypt '' owner 256 --");
      const std::size_t filter = encrypted.find("/Filter /Standard");
      const std::size_t start = encrypted.rfind(" obj", filter) + 4;
      const std::string number = std::to_string(900 + i);
      added += number + " 0 obj" +
               encrypted.substr(start, encrypted.find("endobj", filter) - start) +
               "endobj\ntrailer << /Encrypt " + number + " 0 R >>\n";
    }
    std::string pdf = plain;
    return pdf.insert(pdf.rfind("startxref"), added);
  };
  EXPECT_EQ(detail::read_pdf_encryption(with_dictionaries(2)).keys.size(), 2u);
  EXPECT_TRUE(check_pdf_streams(with_dictionaries(2)).ok());
  const Status refused = check_pdf_streams(with_dictionaries(17));
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().user_message.find("quá nhiều khóa mã hóa"), std::string::npos)
      << refused.error().user_message;
}

// References everywhere, /Encrypt written thousands of times: read at once, with a note; a
// file naming thousands of identifiers is refused at once (its keys are not all tried).
TEST(PdfStreams, an_encryption_dictionary_of_references_everywhere_is_read_at_once) {
  std::string dictionary = "<< /Filter 6 0 R /V 8 0 R /R 9 0 R /O 10 0 R /U 11 0 R /P 12 0 R ";
  for (int i = 0; i < 2000; ++i)
    dictionary += "/K" + std::to_string(i) + " " + std::to_string(100 + i) + " 0 R ";
  dictionary += ">>";
  const auto with_trailers = [&](const std::string& trailer) {
    std::string pdf = testing::pdf_of_objects(
        {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
         "<< /Length 5 >>\nstream\nBT ET\nendstream", dictionary, "/Standard"});
    std::string trailers;
    for (int i = 0; i < 5000; ++i)
      trailers += "trailer << /Encrypt 5 0 R /ID [" +
                  (trailer == "ids" ? std::to_string(i) + " 0 R" : std::string("<00>")) + "] >>\n";
    return pdf.insert(pdf.rfind("startxref"), trailers + std::string(5'000'000, ' '));
  };
  std::vector<std::string> notes;
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(check_pdf_streams(with_trailers("same"), {}, &notes).ok());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("damaged encryption dictionary"), std::string::npos) << notes[0];
  start = std::chrono::steady_clock::now();
  const Status refused = check_pdf_streams(with_trailers("ids"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("file identifiers"), std::string::npos)
      << refused.error().message;
}

// Encryption dictionaries the scan does not read: the note says why (poppler refuses them too).
TEST(PdfStreams, an_unknown_security_handler_is_noted) {
  const auto with_encrypt = [](const std::string& dictionary) {
    std::string pdf = testing::pdf_of_objects(
        {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
         "<< /Length 5 >>\nstream\nBT ET\nendstream", dictionary});
    const std::size_t root = pdf.find("/Root 1 0 R");
    return pdf.insert(root, "/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00>] ");
  };
  const std::pair<std::string, std::string> cases[] = {
      {"<< /Filter /Adobe.PubSec /V 4 /R 4 >>", "security handler /Adobe.PubSec"},
      {"<< /Filter /Standard /V 3 /R 3 /O <00> /U <00> /P -4 >>", "version 3 revision 3"},
      {"<< /Filter /Standard /V 2 /R 3 /P -4 >>", "damaged encryption dictionary"}};
  for (const auto& [dictionary, reason] : cases) {
    std::vector<std::string> notes;
    EXPECT_TRUE(check_pdf_streams(with_encrypt(dictionary), {}, &notes).ok());
    ASSERT_EQ(notes.size(), 1u) << dictionary;
    EXPECT_NE(notes[0].find(reason), std::string::npos) << notes[0];
  }
  // /Identity enciphers nothing: no note, the streams are read as stored.
  std::vector<std::string> notes;
  EXPECT_TRUE(check_pdf_streams(with_encrypt("<< /Filter /Standard /V 4 /R 4 /O <00> /U <00> /P "
                                             "-4 /CF << /StdCF << /CFM /V2 >> >> /StmF /Identity "
                                             "/StrF /Identity >>"),
                                {}, &notes)
                  .ok());
  EXPECT_TRUE(notes.empty());
}

// poppler takes /Crypt as "the data as stored" (first in the chain of a deciphered stream) or
// as nothing: the filters after it are still measured (before, the stream was skipped).
TEST(PdfStreams, a_crypt_filter_hides_no_content) {
  PdfStreamBounds bounds;
  bounds.max_shown_bytes = 10'000;
  const std::string bomb = zlib_packed(overlapping_text(200'000));
  EXPECT_FALSE(check_pdf_streams(pdf_of_streams({{"/Filter [/Crypt /FlateDecode] /DecodeParms "
                                                  "[<< /Name /Identity >> null]",
                                                  bomb}}),
                                 bounds)
                   .ok());
  EXPECT_FALSE(
      check_pdf_streams(pdf_of_streams({{"/Filter [/FlateDecode /Crypt]", bomb}}), bounds).ok());
  const std::string text = zlib_packed(overlapping_text(15'000));
  EXPECT_TRUE(
      check_pdf_streams(pdf_of_streams({{"/Filter [/Crypt /FlateDecode]", text}}), bounds).ok());
}

}  // namespace
}  // namespace vanban::indexer
