#include "pdf_streams.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

#include <zlib.h>

namespace vanban::indexer::detail {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

bool is_delimiter(char c) {
  return is_space(c) || std::strchr("()<>[]{}/%", c) != nullptr;
}

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The names of a dictionary's entries and the name values after them, as "/Key /Value" pairs
// read loosely: what is needed is whether a key is there and which name follows it.
class Dictionary {
 public:
  explicit Dictionary(std::string_view text) : text_(text) {}

  bool has(std::string_view key) const { return find(key) != std::string_view::npos; }

  // The name after `key` (without its slash), or empty when the value is not a name.
  std::string_view name(std::string_view key) const {
    std::size_t at = find(key);
    if (at == std::string_view::npos) return {};
    at += key.size();
    while (at < text_.size() && is_space(text_[at]))
      ++at;
    if (at >= text_.size() || text_[at] != '/') return {};
    const std::size_t start = ++at;
    while (at < text_.size() && !is_delimiter(text_[at]))
      ++at;
    return text_.substr(start, at - start);
  }

  // The filters, in order: a name, or the names of an array.
  std::vector<std::string_view> filters() const {
    std::vector<std::string_view> names;
    std::size_t at = find("/Filter");
    if (at == std::string_view::npos) return names;
    at += 7;
    while (at < text_.size() && is_space(text_[at]))
      ++at;
    if (at < text_.size() && text_[at] == '/') return {name("/Filter")};
    if (at >= text_.size() || text_[at] != '[') return names;
    ++at;
    while (at < text_.size() && text_[at] != ']') {
      if (text_[at] == '/') {
        const std::size_t start = ++at;
        while (at < text_.size() && !is_delimiter(text_[at]))
          ++at;
        names.push_back(text_.substr(start, at - start));
      } else {
        ++at;
      }
    }
    return names;
  }

 private:
  // The key as a whole name: "/Length" is not "/Length1".
  std::size_t find(std::string_view key) const {
    for (std::size_t at = text_.find(key); at != std::string_view::npos;
         at = text_.find(key, at + 1)) {
      const std::size_t end = at + key.size();
      if (end >= text_.size() || is_delimiter(text_[end])) return at;
    }
    return std::string_view::npos;
  }
  std::string_view text_;
};

// Whether a stream with this dictionary can be drawn as content (a page's, a form's, a
// pattern's, a Type 3 glyph's), by what it declares of itself.
bool may_be_content(const Dictionary& dictionary) {
  const std::string_view type = dictionary.name("/Type");
  if (!type.empty() && type != "XObject" && type != "Pattern") return false;
  const std::string_view subtype = dictionary.name("/Subtype");
  if (!subtype.empty() && subtype != "Form") return false;
  // Font programs (/Length1-3), ICC profiles (/N), CMaps and sampled functions.
  for (const std::string_view key :
       {"/Length1", "/Length2", "/Length3", "/N", "/CMapName", "/FunctionType", "/Ordering"}) {
    if (dictionary.has(key)) return false;
  }
  return true;
}

// Inflates `packed` through `layers` Flate filters, feeding what comes out to `counter`, until
// it ends, fails, shows more than `max_shown` or has inflated `budget` bytes.
PdfStreamCount inflate_and_count(std::string_view packed, int layers, std::uint64_t max_shown,
                                 std::uint64_t budget) {
  PdfStreamCount count;
  ContentStringCounter counter;
  struct Layer {
    z_stream stream{};
    bool open = false;
    bool ended = false;
  };
  std::vector<Layer> chain(static_cast<std::size_t>(layers));
  for (Layer& layer : chain) {
    layer.open = inflateInit(&layer.stream) == Z_OK;
    if (!layer.open) break;
  }
  std::vector<std::array<unsigned char, 16384>> buffers(chain.size());
  // Pushes `input` into layer `i`; its output goes on to the next layer or to the counter.
  const auto push = [&](auto& self, std::size_t i, const unsigned char* input,
                        std::size_t size) -> bool {
    Layer& layer = chain[i];
    if (layer.ended) return true;
    layer.stream.next_in = const_cast<unsigned char*>(input);
    layer.stream.avail_in = static_cast<uInt>(size);
    do {
      layer.stream.next_out = buffers[i].data();
      layer.stream.avail_out = static_cast<uInt>(buffers[i].size());
      const int status = inflate(&layer.stream, Z_NO_FLUSH);
      const std::size_t made = buffers[i].size() - layer.stream.avail_out;
      if (i + 1 < chain.size()) {
        if (!self(self, i + 1, buffers[i].data(), made)) return false;
      } else {
        count.inflated += made;
        counter.feed(std::string_view(reinterpret_cast<const char*>(buffers[i].data()), made));
        if (counter.shown() > max_shown || count.inflated > budget) return false;
      }
      if (status == Z_STREAM_END) {
        layer.ended = true;
        return true;
      }
      if (status != Z_OK && status != Z_BUF_ERROR) return false;  // damaged: poppler's to say
      if (status == Z_BUF_ERROR && made == 0) return true;        // needs more input
    } while (layer.stream.avail_in > 0 || layer.stream.avail_out == 0);
    return true;
  };
  bool all_open = true;
  for (const Layer& layer : chain)
    all_open = all_open && layer.open;
  if (all_open) {
    constexpr std::size_t kStep = 65536;
    for (std::size_t at = 0; at < packed.size() && !chain.front().ended; at += kStep) {
      const std::string_view piece = packed.substr(at, kStep);
      if (!push(push, 0, reinterpret_cast<const unsigned char*>(piece.data()), piece.size())) break;
    }
  }
  for (Layer& layer : chain) {
    if (layer.open) inflateEnd(&layer.stream);
  }
  count.shown = counter.shown();
  return count;
}

std::string megabytes(std::uint64_t bytes) {
  const std::uint64_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  return std::to_string(tenths / 10) + (tenths % 10 ? "," + std::to_string(tenths % 10) : "") +
         " MB";
}

}  // namespace

void ContentStringCounter::feed(std::string_view bytes) {
  for (const char c : bytes) {
    switch (state_) {
      case State::normal:
        if (c == '(') {
          state_ = State::literal;
          depth_ = 1;
        } else if (c == '%') {
          state_ = State::comment;
        } else if (c == '<' && previous_ == '<') {
          state_ = State::normal;  // a dictionary, not a string
          previous_ = ' ';
          continue;
        } else if (previous_ == '<') {
          state_ = State::hex;  // the '<' before this byte opened a hexadecimal string
          hex_digits_ = 0;
          if (c == '>') {
            state_ = State::normal;
          } else if (is_hex_digit(c)) {
            ++hex_digits_;
          }
        } else if (is_space(c) && previous_ == 'D' && before_previous_ == 'I') {
          state_ = State::inline_image;  // "ID": binary data up to "EI"
        }
        break;
      case State::literal:
        ++shown_;
        if (c == '\\') {
          state_ = State::escape;
        } else if (c == '(') {
          ++depth_;
        } else if (c == ')' && --depth_ == 0) {
          --shown_;  // the closing parenthesis is not shown
          state_ = State::normal;
        }
        break;
      case State::escape:
        state_ = State::literal;  // the escaped byte was counted with its backslash
        break;
      case State::hex:
        if (c == '>') {
          state_ = State::normal;
        } else if (is_hex_digit(c) && ++hex_digits_ % 2 == 0) {
          ++shown_;
        }
        break;
      case State::comment:
        if (c == '\n' || c == '\r') state_ = State::normal;
        break;
      case State::inline_image:
        if (is_space(c) && previous_ == 'I' && before_previous_ == 'E') state_ = State::normal;
        break;
    }
    before_previous_ = previous_;
    previous_ = c;
  }
}

Status check_pdf_streams(std::string_view bytes, const PdfStreamBounds& bounds) {
  std::uint64_t budget = bounds.max_inflated_bytes;
  constexpr std::string_view kKeyword = "stream";
  for (std::size_t at = bytes.find(kKeyword); at < bytes.size() && budget > 0;
       at = bytes.find(kKeyword, at + kKeyword.size())) {
    // "stream" after a dictionary's ">>", then an end of line: the data begins.
    std::size_t before = at;
    while (before > 0 && is_space(bytes[before - 1]))
      --before;
    if (before < 2 || bytes.substr(before - 2, 2) != ">>") continue;
    std::size_t data = at + kKeyword.size();
    if (data < bytes.size() && bytes[data] == '\r') ++data;
    if (data >= bytes.size() || (bytes[data] != '\n' && bytes[data - 1] != '\r')) continue;
    if (bytes[data] == '\n') ++data;
    // Its dictionary: back to the matching "<<", nested dictionaries counted.
    std::size_t open = before - 2;
    int depth = 1;
    const std::size_t floor = before > 65536 ? before - 65536 : 0;
    while (open > floor && depth > 0) {
      --open;
      if (open + 1 < bytes.size() && bytes[open] == '>' && bytes[open + 1] == '>') depth += 1;
      if (bytes[open] == '<' && bytes[open + 1] == '<') depth -= 1;
    }
    if (depth != 0) continue;
    // The data ends at "endstream" (a /Length may be an indirect reference); what follows
    // is searched from there, never inside the data.
    std::size_t end = bytes.find("endstream", data);
    if (end == std::string_view::npos) end = bytes.size();
    at = end;
    const Dictionary dictionary(bytes.substr(open, before - open));
    if (!may_be_content(dictionary)) continue;
    const std::vector<std::string_view> filters = dictionary.filters();
    int layers = 0;
    while (layers < static_cast<int>(filters.size()) && layers < 4 &&
           (filters[static_cast<std::size_t>(layers)] == "FlateDecode" ||
            filters[static_cast<std::size_t>(layers)] == "Fl"))
      ++layers;
    // Unpacked content is no larger than the file; other filters are left to the limits.
    if (layers == 0) continue;
    const std::string_view packed = bytes.substr(data, end - data);
    const PdfStreamCount count = inflate_and_count(packed, layers, bounds.max_shown_bytes, budget);
    budget -= std::min(budget, count.inflated);
    if (count.shown > bounds.max_shown_bytes) {
      return make_error(
          ErrorKind::too_large,
          "a PDF content stream shows more than " + megabytes(bounds.max_shown_bytes) +
              " of text (" + std::to_string(packed.size()) + " bytes inflating to over " +
              std::to_string(count.inflated) + "): refused before it is laid out",
          "Tệp PDF có luồng nội dung nén bất thường (giải nén ra hơn " +
              megabytes(bounds.max_shown_bytes) + " chữ trên một trang, nghi PDF bom), không đọc");
    }
  }
  return Status::success();
}

}  // namespace vanban::indexer::detail
