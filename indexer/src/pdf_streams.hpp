// A PDF's content streams, measured before poppler lays them out. poppler keeps every glyph a
// page shows until the page is done (about 370 bytes a glyph when lines overlap), with no bound
// of its own: a content stream of a few hundred KB can inflate (Flate, 350:1) to hundreds of MB
// of text-showing operators, and laying that out takes gigabytes and minutes (200 MB and 2 CPU
// s per MB of such content, measured with poppler 22.12). The bytes are scanned first:
// - the file's structure (outside stream data, and inside object streams) for the objects a
//   page's /Contents names and the objects resource names stand for ("/X0 6 0 R");
// - every stream that can be content (a page's /Contents whatever its dictionary says; a form;
//   a stream declaring nothing else) is decoded through its filters (pdf_filters.hpp: Flate,
//   LZW, ASCIIHex, ASCII85, RunLength, predictors), its output discarded as it comes, and the
//   strings it shows (Tj, TJ, ', ") counted, with the forms it draws (Do) by name;
// - a page's text is then its streams' strings plus, for each form drawn, the form's text as
//   many times as it is drawn (forms within forms multiplied through).
// One stream or one page past the bound refuses the file before poppler sees it. The streams of
// a file encrypted with an empty password are deciphered first (pdf_crypt.hpp). What this does
// not see (another security handler, filters of images such as DCT, a stream past the scan's
// budget) still meets the reading child's memory and CPU limits (bounded_reader.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vanban/common/result.hpp"

namespace vanban::indexer::detail {

struct PdfStreamBounds {
  // Bytes of strings one content stream may show (the text of the densest real page is tens of
  // KB; a poster-sized page of small print a few hundred).
  std::uint64_t max_shown_bytes = std::uint64_t{4} * 1024 * 1024;
  // Bytes inflated by the whole scan; past them the scan stops and the file is read (its
  // reader's own limits then hold).
  std::uint64_t max_inflated_bytes = std::uint64_t{512} * 1024 * 1024;
};

// What the structure of a file says about its objects: the names given to objects anywhere
// ("/X0 6 0 R", a resource's name), each page's /Contents (an object, or an array of them),
// and the objects that are arrays of references.
struct PdfReferences {
  std::unordered_map<std::string, std::vector<std::uint64_t>> named;
  std::vector<std::vector<std::uint64_t>> contents;
  std::unordered_map<std::uint64_t, std::vector<std::uint64_t>> arrays;
  std::uint64_t recorded = 0;  // references kept, bounded (kMaxReferences)
};

// The bytes of strings a content stream shows: literal strings (escapes as one byte) and
// hexadecimal ones (two digits a byte) given to a text-showing operator (Tj, TJ, ', "); the
// forms it draws (Do) by name; with `references`, the references it names (for the file's
// structure and object streams). Comments, dictionaries' and other operators' strings and
// inline images' data are not shown; neither is binary data, which is no operator. Exposed for
// tests.
class ContentStringCounter {
 public:
  explicit ContentStringCounter(PdfReferences* references = nullptr) : references_(references) {}
  void feed(std::string_view bytes);
  // The strings shown, the last operator counted even with no byte after it.
  std::uint64_t shown() const;
  // How many times each name was drawn (Do); past kMaxNames names, the rest in `others`.
  const std::unordered_map<std::string, std::uint64_t>& drawn() const { return drawn_; }
  std::uint64_t drawn_others() const { return drawn_others_; }
  // The object whose body is being read ("N G obj"), in the file's structure.
  std::optional<std::uint64_t> object() const { return object_; }
  std::uint64_t generation() const { return generation_; }

  static constexpr std::size_t kMaxNames = 65536;

 private:
  enum class State { normal, literal, escape, hex, comment, inline_image };
  void end_token();
  void read_integer(std::string_view token);
  void end_keyword(std::string_view keyword);
  State state_ = State::normal;
  bool hex_open_ = false;  // a '<' just read: a hexadecimal string or a dictionary opens
  int depth_ = 0;          // of parentheses in a literal string
  int hex_digits_ = 0;     // digits of a hexadecimal string, two a byte
  char previous_ = ' ';    // the bytes before, for the EI operator
  char before_previous_ = ' ';
  std::string token_;          // the name, number or operator being read (its first 64 bytes)
  std::uint64_t pending_ = 0;  // bytes of strings since the last operator
  std::uint64_t shown_ = 0;
  std::unordered_map<std::string, std::uint64_t> drawn_;
  std::uint64_t drawn_others_ = 0;
  std::string last_name_;  // the name just read, for Do and for "/Name N G R"
  bool name_last_ = false;
  // "/Name N G R": 1 after the name, 2 after N, 3 after G.
  int stage_ = 0;
  std::uint64_t number_ = 0;
  // The two integers before, for "N G obj" and the references of an array.
  std::uint64_t integers_[2] = {0, 0};
  int integer_count_ = 0;   // integers in a row just before, up to 2
  bool after_obj_ = false;  // "obj" was the last token: an array here is the object's body
  // An array of references being read: /Contents [...] or an object's body.
  enum class ArrayOf { none, other, contents, object };
  ArrayOf array_ = ArrayOf::none;
  int array_depth_ = 0;
  std::vector<std::uint64_t> array_items_;
  std::optional<std::uint64_t> object_;
  std::uint64_t generation_ = 0;
  PdfReferences* references_;
};

// Refuses (too_large) a PDF whose one content stream or one page shows more than the bound; a
// stream that cannot be decoded is left to poppler (a damaged file is its business). An
// encrypted file's streams are measured as stored and as deciphered by each key its empty
// password gives (the larger counts: poppler reads one of them); when it gives none, `notes`
// says why the streams went unmeasured (a note for the log, should poppler open the file).
Status check_pdf_streams(std::string_view bytes, const PdfStreamBounds& bounds = {},
                         std::vector<std::string>* notes = nullptr);

}  // namespace vanban::indexer::detail
