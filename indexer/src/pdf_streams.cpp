#include "pdf_streams.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "pdf_crypt.hpp"
#include "pdf_filters.hpp"
#include "pdf_syntax.hpp"

namespace vanban::indexer::detail {
namespace {

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
    while (at < text_.size() && is_pdf_space(text_[at]))
      ++at;
    if (at >= text_.size() || text_[at] != '/') return {};
    const std::size_t start = ++at;
    while (at < text_.size() && !is_pdf_delimiter(text_[at]))
      ++at;
    return text_.substr(start, at - start);
  }

  // The filters, in order: a name, or the names of an array.
  std::vector<std::string_view> filters() const {
    std::vector<std::string_view> names;
    // poppler reads /F when there is no /Filter.
    const std::string_view key = find("/Filter") != std::string_view::npos ? "/Filter" : "/F";
    std::size_t at = find(key);
    if (at == std::string_view::npos) return names;
    at += key.size();
    while (at < text_.size() && is_pdf_space(text_[at]))
      ++at;
    if (at < text_.size() && text_[at] == '/') return {name(key)};
    if (at >= text_.size() || text_[at] != '[') return names;
    ++at;
    while (at < text_.size() && text_[at] != ']') {
      if (text_[at] == '/') {
        const std::size_t start = ++at;
        while (at < text_.size() && !is_pdf_delimiter(text_[at]))
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
      if (end >= text_.size() || is_pdf_delimiter(text_[end])) return at;
    }
    return std::string_view::npos;
  }
  std::string_view text_;
};

// Whether a stream with this dictionary can be drawn as content (a page's, a form's, a
// pattern's, a Type 3 glyph's), by what it declares of itself; a page's /Contents is read
// whatever it declares.
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

// Whether `Do` may draw it as a form: poppler asks only its /Subtype (a reference to a name
// is taken as a form too, unread here).
bool may_be_form(const Dictionary& dictionary) {
  return dictionary.name("/Subtype") == "Form" ||
         (dictionary.has("/Subtype") && dictionary.name("/Subtype").empty());
}

// An integer after `key` in `text` (a /DecodeParms dictionary), or `otherwise`.
int integer_after(std::string_view text, std::string_view key, int otherwise) {
  for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
    std::size_t digits = at + key.size();
    if (digits < text.size() && !is_pdf_delimiter(text[digits])) continue;  // a longer name
    while (digits < text.size() && is_pdf_space(text[digits]))
      ++digits;
    long value = 0;
    std::size_t end = digits;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9' && value < 1'000'000'000)
      value = value * 10 + (text[end++] - '0');
    return end > digits ? static_cast<int>(value) : otherwise;
  }
  return otherwise;
}

// The /DecodeParms of each filter: an array's items in order (a dictionary or null), or the
// one dictionary of a single filter (poppler gives an array of filters none then).
std::vector<std::string_view> decode_parameters(std::string_view dictionary, std::size_t filters) {
  std::vector<std::string_view> items(filters);
  std::size_t at = dictionary.find("/DecodeParms");
  std::size_t key = 12;
  if (at == std::string_view::npos) {
    at = dictionary.find("/DP");
    key = 3;
  }
  if (at == std::string_view::npos) return items;
  at += key;
  while (at < dictionary.size() && is_pdf_space(dictionary[at]))
    ++at;
  // One dictionary, balanced from `from`: where it ends.
  const auto dictionary_end = [&](std::size_t from) {
    int depth = 0;
    for (std::size_t i = from; i + 1 < dictionary.size(); ++i) {
      if (dictionary[i] == '<' && dictionary[i + 1] == '<') {
        ++depth;
        ++i;
      } else if (dictionary[i] == '>' && dictionary[i + 1] == '>') {
        ++i;
        if (--depth == 0) return i + 1;
      }
    }
    return dictionary.size();
  };
  if (dictionary.substr(at, 2) == "<<") {
    if (filters == 1) items[0] = dictionary.substr(at, dictionary_end(at) - at);
    return items;
  }
  if (at >= dictionary.size() || dictionary[at] != '[') return items;
  ++at;
  for (std::size_t item = 0; item < filters && at < dictionary.size() && dictionary[at] != ']';) {
    if (is_pdf_space(dictionary[at])) {
      ++at;
    } else if (dictionary.substr(at, 2) == "<<") {
      const std::size_t end = dictionary_end(at);
      items[item++] = dictionary.substr(at, end - at);
      at = end;
    } else {  // null, or what this reading does not follow
      while (at < dictionary.size() && !is_pdf_delimiter(dictionary[at]))
        ++at;
      ++item;
    }
  }
  return items;
}

// The filters of a stream as a chain that decodes them, or none when one is not decodable here
// (an image's filter, an indirect /Filter) or there are more than 16. `plain` is set for a
// stream without filters. /Crypt is no filter of its own: poppler's reading of it gives either
// the data as stored or as deciphered, and both are measured (check_pdf_streams).
std::optional<PdfFilterChain> chain_of(const Dictionary& dictionary, std::string_view text,
                                       bool& plain) {
  const std::vector<std::string_view> names = dictionary.filters();
  plain = names.empty() && !dictionary.has("/Filter");  // "/F 4 0 R" may be a font
  if (names.empty() || names.size() > 16) return std::nullopt;
  const std::vector<std::string_view> parameters = decode_parameters(text, names.size());
  std::vector<PdfFilterSpec> specs;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == "Crypt") continue;
    const std::optional<PdfFilterSpec::Kind> kind = pdf_filter_kind(names[i]);
    if (!kind) return std::nullopt;
    PdfFilterSpec spec;
    spec.kind = *kind;
    const std::string_view given = parameters[i];
    spec.predictor = integer_after(given, "/Predictor", 1);
    spec.colors = integer_after(given, "/Colors", 1);
    spec.bits_per_component = integer_after(given, "/BitsPerComponent", 8);
    spec.columns = integer_after(given, "/Columns", 1);
    spec.early_change = integer_after(given, "/EarlyChange", 1) != 0;
    specs.push_back(spec);
  }
  if (specs.empty()) {
    plain = true;  // /Crypt alone
    return std::nullopt;
  }
  return PdfFilterChain::make(specs);
}

// How a stream's data reaches its filters: as stored, or deciphered by a key of the file.
struct Reading {
  const PdfStreamKey* key = nullptr;
  std::uint64_t object = 0;
  std::uint64_t generation = 0;
};

// Hands `packed` to `sink` a piece at a time, deciphered when the reading says so.
void deliver(std::string_view packed, const Reading& reading,
             const std::function<bool(std::string_view)>& sink) {
  if (reading.key) {
    decipher_pdf_stream(*reading.key, reading.object, reading.generation, packed, sink);
    return;
  }
  constexpr std::size_t kStep = 65536;
  for (std::size_t at = 0; at < packed.size(); at += kStep) {
    if (!sink(packed.substr(at, kStep))) break;
  }
}

// Decodes `packed` read as `reading` through its filters (`dictionary`) into `counter` until
// it ends, fails, shows more than `max_shown` or has decoded `budget` bytes; how many bytes it
// decoded, or none when its filters are not decoded here.
std::optional<std::uint64_t> decode_into(std::string_view packed, const Reading& reading,
                                         const Dictionary& dictionary, std::string_view text,
                                         ContentStringCounter& counter, std::uint64_t max_shown,
                                         std::uint64_t budget) {
  bool plain = false;
  std::optional<PdfFilterChain> chain = chain_of(dictionary, text, plain);
  if (!chain && !plain) return std::nullopt;
  std::uint64_t decoded = 0;
  const auto count = [&](std::string_view output) {
    output = output.substr(0, budget - decoded);  // content stored plain is counted to the budget
    decoded += output.size();
    counter.feed(output);
    return counter.shown() <= max_shown && decoded < budget;
  };
  if (chain) {
    deliver(packed, reading, [&](std::string_view piece) { return chain->feed(piece, count); });
  } else {
    deliver(packed, reading, count);
  }
  return decoded;
}

constexpr std::uint64_t kSaturated = std::uint64_t{1} << 62;

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
  return std::min(kSaturated, a + std::min(b, kSaturated));
}

std::uint64_t saturating_multiply(std::uint64_t a, std::uint64_t b) {
  if (a == 0 || b == 0) return 0;
  return a > kSaturated / b ? kSaturated : a * b;
}

// What one stream showed and drew.
struct StreamFacts {
  std::optional<std::uint64_t> object;
  bool form = false;
  std::uint64_t shown = 0;
  std::unordered_map<std::string, std::uint64_t> drawn;
  std::uint64_t drawn_others = 0;
};

// The text a stream shows with the forms it draws, multiplied through: what poppler lays out
// when it runs the stream. poppler draws a form no deeper than 100 forms and never inside
// itself; so does this count.
class DrawnText {
 public:
  DrawnText(const std::vector<StreamFacts>& streams, const PdfReferences& references)
      : streams_(streams),
        references_(references),
        text_(streams.size(), kUnknown),
        open_(streams.size(), false) {
    for (std::size_t i = 0; i < streams.size(); ++i) {
      if (streams[i].object) by_object_[*streams[i].object].push_back(i);
      if (streams[i].form) largest_form_ = std::max(largest_form_, streams[i].shown);
    }
  }

  std::uint64_t of_stream(std::size_t i, int depth = 0) {
    if (text_[i] != kUnknown) return text_[i];
    if (open_[i] || depth > 100) return 0;
    open_[i] = true;
    const StreamFacts& stream = streams_[i];
    std::uint64_t total = stream.shown;
    for (const auto& [name, times] : stream.drawn)
      total = saturating_add(total, saturating_multiply(times, of_form(name, depth + 1)));
    // Names past the counter's bound: as if each drew the largest form's own text.
    total = saturating_add(total, saturating_multiply(stream.drawn_others, largest_form_));
    open_[i] = false;
    return text_[i] = total;
  }

  // An object a page's /Contents names: a stream, or an array of them.
  std::uint64_t of_object(std::uint64_t object) {
    std::uint64_t total = 0;
    if (const auto array = references_.arrays.find(object); array != references_.arrays.end()) {
      for (const std::uint64_t item : array->second)
        total = saturating_add(total, of_single(item));
      return total;
    }
    return of_single(object);
  }

 private:
  static constexpr std::uint64_t kUnknown = ~std::uint64_t{0};

  std::uint64_t of_single(std::uint64_t object) {
    std::uint64_t most = 0;
    if (const auto found = by_object_.find(object); found != by_object_.end()) {
      for (const std::size_t i : found->second)
        most = std::max(most, of_stream(i));
    }
    return most;
  }

  // A name drawn: the largest text of the forms it is given to anywhere in the file.
  std::uint64_t of_form(const std::string& name, int depth) {
    std::uint64_t most = 0;
    const auto objects = references_.named.find(name);
    if (objects == references_.named.end()) return 0;
    for (const std::uint64_t object : objects->second) {
      const auto found = by_object_.find(object);
      if (found == by_object_.end()) continue;
      for (const std::size_t i : found->second) {
        if (streams_[i].form) most = std::max(most, of_stream(i, depth));
      }
    }
    return most;
  }

  const std::vector<StreamFacts>& streams_;
  const PdfReferences& references_;
  std::vector<std::uint64_t> text_;
  std::vector<bool> open_;
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_object_;
  std::uint64_t largest_form_ = 0;
};

std::string megabytes(std::uint64_t bytes) {
  const std::uint64_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  return std::to_string(tenths / 10) + (tenths % 10 ? "," + std::to_string(tenths % 10) : "") +
         " MB";
}

}  // namespace

namespace {

bool shows_text(std::string_view keyword) {
  return keyword == "Tj" || keyword == "TJ" || keyword == "'" || keyword == "\"";
}

bool is_number(std::string_view token) {
  bool digit = false;
  for (const char c : token) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return digit;
}

// A name as poppler reads it: "#xx" is the byte xx.
std::string decoded_name(std::string_view token) {
  std::string name;
  for (std::size_t i = 1; i < token.size(); ++i) {
    if (token[i] == '#' && i + 2 < token.size() && is_hex_digit(token[i + 1]) &&
        is_hex_digit(token[i + 2])) {
      name += static_cast<char>(pdf_hex_value(token[i + 1]) * 16 + pdf_hex_value(token[i + 2]));
      i += 2;
    } else {
      name += token[i];
    }
  }
  return name;
}

constexpr std::size_t kMaxToken = 64;
constexpr std::uint64_t kMaxReferences = 4'000'000;
constexpr std::size_t kMaxObjectsANameStandsFor = 256;

}  // namespace

std::uint64_t ContentStringCounter::shown() const {
  return shows_text(token_) ? shown_ + pending_ : shown_;
}

void ContentStringCounter::end_keyword(std::string_view keyword) {
  if (keyword == "R" && integer_count_ >= 2) {
    if (references_ && references_->recorded < kMaxReferences) {
      if (stage_ == 3) {
        std::vector<std::uint64_t>& objects = references_->named[last_name_];
        if (objects.size() < kMaxObjectsANameStandsFor &&
            std::find(objects.begin(), objects.end(), number_) == objects.end()) {
          objects.push_back(number_);
          ++references_->recorded;
        }
        if (last_name_ == "Contents" && array_ == ArrayOf::none) {
          references_->contents.push_back({number_});
          ++references_->recorded;
        }
      }
      if (array_ == ArrayOf::contents || array_ == ArrayOf::object) {
        array_items_.push_back(integers_[0]);
        ++references_->recorded;
      }
    }
  } else if (keyword == "obj" && integer_count_ >= 2) {
    object_ = integers_[0];
    generation_ = integers_[1];
    stage_ = 0;
    integer_count_ = 0;
    after_obj_ = true;
    pending_ = 0;
    return;
  } else if (keyword == "Do" && name_last_) {
    if (const auto found = drawn_.find(last_name_); found != drawn_.end()) {
      ++found->second;
    } else if (drawn_.size() < kMaxNames) {
      drawn_.emplace(last_name_, 1);
    } else {
      ++drawn_others_;
    }
  } else if (shows_text(keyword)) {
    shown_ += pending_;
  } else if (keyword == "ID") {
    state_ = State::inline_image;  // binary data up to "EI"
  }
  pending_ = 0;
  stage_ = 0;
  integer_count_ = 0;
  after_obj_ = false;
}

void ContentStringCounter::end_token() {
  if (token_.empty()) return;
  const std::string_view token = token_;
  if (token.front() == '/') {
    last_name_ = decoded_name(token);
    name_last_ = true;
    stage_ = 1;
    integer_count_ = 0;
    after_obj_ = false;
  } else if ((token.front() >= '0' && token.front() <= '9') || token.front() == '+' ||
             token.front() == '-' || token.front() == '.') {
    // An operand: it changes nothing a content stream shows; the structure reads integers.
    name_last_ = false;
    after_obj_ = false;
    if (references_) read_integer(token);
  } else {
    after_obj_ = false;
    end_keyword(token);  // Do reads whether a name came just before
    name_last_ = false;
  }
  token_.clear();
}

void ContentStringCounter::read_integer(std::string_view token) {
  if (!is_number(token) || token.find_first_of("+-.") != std::string_view::npos ||
      token.size() > 18) {
    stage_ = 0;
    integer_count_ = 0;
    return;
  }
  std::uint64_t value = 0;
  for (const char c : token)
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  if (integer_count_ == 2) integers_[0] = integers_[1];
  integers_[integer_count_ == 0 ? 0 : 1] = value;
  integer_count_ = std::min(2, integer_count_ + 1);
  if (stage_ == 1) {
    number_ = value;
    stage_ = 2;
  } else if (stage_ == 2) {
    stage_ = 3;
  } else {
    stage_ = 0;
  }
}

void ContentStringCounter::feed(std::string_view bytes) {
  for (const char c : bytes) {
    switch (state_) {
      case State::normal:
        if (hex_open_) {
          hex_open_ = false;
          if (c == '<') {  // "<<": a dictionary, not a string
            stage_ = 0;
            name_last_ = false;
            break;
          }
          state_ = State::hex;  // the '<' before this byte opened a hexadecimal string
          hex_digits_ = 0;
          stage_ = 0;
          if (c == '>') {
            state_ = State::normal;
          } else if (is_hex_digit(c)) {
            ++hex_digits_;
          }
          break;
        }
        if (is_pdf_space(c)) {
          end_token();
        } else if (c == '(') {
          end_token();
          state_ = State::literal;
          depth_ = 1;
          stage_ = 0;
        } else if (c == '%') {
          end_token();
          state_ = State::comment;
        } else if (c == '/') {
          end_token();
          token_ = "/";
        } else if (c == '<') {
          end_token();
          hex_open_ = true;
        } else if (c == '[') {
          end_token();
          if (array_ != ArrayOf::none) {
            ++array_depth_;
          } else if (name_last_ || after_obj_) {
            array_ = after_obj_                 ? ArrayOf::object
                     : last_name_ == "Contents" ? ArrayOf::contents
                                                : ArrayOf::other;
            array_depth_ = 1;
            array_items_.clear();
          }
          name_last_ = false;
          after_obj_ = false;
          stage_ = 0;
          integer_count_ = 0;
        } else if (c == ']') {
          end_token();
          if (array_ != ArrayOf::none && --array_depth_ == 0) {
            if (references_ && array_ == ArrayOf::contents) {
              references_->contents.push_back(std::move(array_items_));
            } else if (references_ && array_ == ArrayOf::object && object_) {
              references_->arrays[*object_] = std::move(array_items_);
            }
            array_items_.clear();
            array_ = ArrayOf::none;
          }
          stage_ = 0;
          integer_count_ = 0;
        } else if (c == '>' || c == '{' || c == '}' || c == ')') {
          end_token();
          if (c != '>') stage_ = 0;
        } else if (token_.size() < kMaxToken) {
          token_ += c;  // a name, a number, an operator; binary bytes make no known operator
        }
        break;
      case State::literal:
        ++pending_;
        if (c == '\\') {
          state_ = State::escape;
        } else if (c == '(') {
          ++depth_;
        } else if (c == ')' && --depth_ == 0) {
          --pending_;  // the closing parenthesis is not shown
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
          ++pending_;
        }
        break;
      case State::comment:
        if (c == '\n' || c == '\r') state_ = State::normal;
        break;
      case State::inline_image:
        if (is_pdf_space(c) && previous_ == 'I' && before_previous_ == 'E') state_ = State::normal;
        break;
    }
    before_previous_ = previous_;
    previous_ = c;
  }
}

Status check_pdf_streams(std::string_view bytes, const PdfStreamBounds& bounds,
                         std::vector<std::string>* notes) {
  std::uint64_t budget = bounds.max_inflated_bytes;
  // An encrypted file: each stream is read as stored and as deciphered by each key (poppler
  // deciphers all but the cross-reference streams, /Identity and /Crypt undo it).
  const PdfEncryption encryption = read_pdf_encryption(bytes);
  if (encryption.too_many) {
    return make_error(ErrorKind::too_large,
                      "a PDF naming more than " + std::to_string(PdfEncryption::kMaxKeys) +
                          " different encryption dictionaries, file identifiers or keys (a file "
                          "has one): refused",
                      "Tệp PDF có quá nhiều khóa mã hóa khác nhau (nghi tệp độc hại), không đọc");
  }
  if (notes && encryption.encrypted && encryption.keys.empty())
    notes->push_back("encrypted PDF whose content streams were not measured before reading (" +
                     encryption.unmeasured + ")");
  const auto readings = [&](std::optional<std::uint64_t> object, std::uint64_t generation) {
    std::vector<Reading> all = {Reading{}};
    if (object) {
      for (const PdfStreamKey& key : encryption.keys)
        all.push_back({&key, *object, generation});
    }
    return all;
  };

  PdfReferences references;
  ContentStringCounter structure(&references);
  struct Found {
    std::size_t data = 0;
    std::size_t end = 0;
    std::string_view dictionary;
    std::optional<std::uint64_t> object;
    std::uint64_t generation = 0;
  };
  std::vector<Found> found;
  // The streams, and the structure around them.
  std::size_t structure_from = 0;
  constexpr std::string_view kKeyword = "stream";
  for (std::size_t at = bytes.find(kKeyword); at < bytes.size();
       at = bytes.find(kKeyword, at + kKeyword.size())) {
    // "stream" after a dictionary's ">>", then an end of line: the data begins.
    std::size_t before = at;
    while (before > 0 && is_pdf_space(bytes[before - 1]))
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
    if (structure_from < data) structure.feed(bytes.substr(structure_from, data - structure_from));
    structure_from = end;
    found.push_back(
        {data, end, bytes.substr(open, before - open), structure.object(), structure.generation()});
  }
  if (structure_from < bytes.size()) structure.feed(bytes.substr(structure_from));

  // An object stream's objects (/First: where they begin) are structure too.
  for (const Found& stream : found) {
    const Dictionary dictionary(stream.dictionary);
    if (!dictionary.has("/First")) continue;
    const std::string_view packed = bytes.substr(stream.data, stream.end - stream.data);
    for (const Reading& reading : readings(stream.object, stream.generation)) {
      if (budget == 0) break;
      ContentStringCounter objects(&references);
      budget -= std::min(budget, decode_into(packed, reading, dictionary, stream.dictionary,
                                             objects, kSaturated, budget)
                                     .value_or(0));
    }
  }

  // The objects a page's /Contents names, whatever their dictionaries say.
  std::unordered_set<std::uint64_t> page_contents;
  for (const std::vector<std::uint64_t>& contents : references.contents) {
    for (const std::uint64_t object : contents) {
      page_contents.insert(object);
      if (const auto array = references.arrays.find(object); array != references.arrays.end())
        page_contents.insert(array->second.begin(), array->second.end());
    }
  }

  std::vector<StreamFacts> streams;
  for (const Found& stream : found) {
    if (budget == 0) break;  // past the budget the file is read; its reader's limits hold
    const Dictionary dictionary(stream.dictionary);
    StreamFacts facts;
    facts.object = stream.object;
    facts.form = may_be_form(dictionary);
    const bool contents = stream.object && page_contents.count(*stream.object) > 0;
    if (!facts.form && !contents && !may_be_content(dictionary)) continue;
    const std::string_view packed = bytes.substr(stream.data, stream.end - stream.data);
    bool measured = false;
    // Each reading of the stream: what it shows and draws is the most of any.
    for (const Reading& reading : readings(stream.object, stream.generation)) {
      ContentStringCounter counter;
      const std::optional<std::uint64_t> decoded = decode_into(
          packed, reading, dictionary, stream.dictionary, counter, bounds.max_shown_bytes, budget);
      if (!decoded) break;  // a filter not decoded here: left to the reader's limits
      measured = true;
      budget -= std::min(budget, *decoded);
      if (counter.shown() > bounds.max_shown_bytes) {
        return make_error(ErrorKind::too_large,
                          "a PDF content stream shows more than " +
                              megabytes(bounds.max_shown_bytes) + " of text (" +
                              std::to_string(packed.size()) + " bytes decoding to over " +
                              std::to_string(*decoded) + (reading.key ? ", deciphered" : "") +
                              "): refused before it is laid out",
                          "Tệp PDF có luồng nội dung nén bất thường (giải nén ra hơn " +
                              megabytes(bounds.max_shown_bytes) +
                              " chữ trên một trang, nghi PDF bom), không đọc");
      }
      facts.shown = std::max(facts.shown, counter.shown());
      for (const auto& [name, times] : counter.drawn()) {
        std::uint64_t& most = facts.drawn[name];
        most = std::max(most, times);
      }
      facts.drawn_others = std::max(facts.drawn_others, counter.drawn_others());
      if (budget == 0) break;
    }
    if (measured) streams.push_back(std::move(facts));
  }

  // Forms drawn many times, within forms, and pages of the same stream many times over.
  DrawnText drawn(streams, references);
  std::uint64_t largest = 0;
  for (std::size_t i = 0; i < streams.size(); ++i)
    largest = std::max(largest, drawn.of_stream(i));
  for (const std::vector<std::uint64_t>& contents : references.contents) {
    std::uint64_t page = 0;
    for (const std::uint64_t object : contents)
      page = saturating_add(page, drawn.of_object(object));
    largest = std::max(largest, page);
  }
  if (largest > bounds.max_shown_bytes) {
    return make_error(ErrorKind::too_large,
                      "a PDF page shows more than " + megabytes(bounds.max_shown_bytes) +
                          " of text through forms or content drawn over and over (" +
                          (largest >= kSaturated ? std::string("without end")
                                                 : "about " + std::to_string(largest) + " bytes") +
                          "): refused before it is laid out",
                      "Tệp PDF có trang vẽ lặp lại quá nhiều chữ (hơn " +
                          megabytes(bounds.max_shown_bytes) +
                          " chữ trên một trang, nghi PDF bom), không đọc");
  }
  return Status::success();
}

}  // namespace vanban::indexer::detail
