#include "vanban/archive/document.hpp"

#include <array>
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "vanban/analyzers/utf8.hpp"

namespace vanban::archive {

nlohmann::json to_json(const OcrNote& note) {
  return {{"engine", note.engine}, {"pages", note.pages}, {"confidence", note.confidence}};
}

std::optional<OcrNote> ocr_note_from_json(const nlohmann::json& json) {
  if (!json.is_object()) return std::nullopt;
  OcrNote note;
  note.engine = json.value("engine", std::string{});
  note.pages = json.value("pages", std::uint32_t{0});
  note.confidence = json.value("confidence", std::uint32_t{0});
  return note;
}

nlohmann::json to_json(const ArchivedDocument& document, bool with_text) {
  nlohmann::json json = document.metadata;  // metadata fields at the top level
  json["id"] = document.id;
  json["paths"] = document.paths;
  json["filename"] = document.filename;
  json["format"] = document.format;
  json["sha256"] = document.sha256;
  json["size"] = document.size;
  json["indexed_at"] = document.indexed_at;
  if (!document.sidecar_sha256.empty()) json["sidecar_sha256"] = document.sidecar_sha256;
  if (document.ocr) json["ocr"] = to_json(*document.ocr);
  if (with_text) json["text"] = document.text;
  return json;
}

ArchivedDocument document_from_json(const nlohmann::json& json) {
  ArchivedDocument document;
  document.metadata = json.get<analyzers::DocumentMetadata>();
  document.id = json.value("id", std::string{});
  document.paths = json.value("paths", std::vector<std::string>{});
  document.filename = json.value("filename", std::string{});
  document.format = json.value("format", std::string{});
  document.sha256 = json.value("sha256", std::string{});
  document.size = json.value("size", std::uint64_t{0});
  document.indexed_at = json.value("indexed_at", std::string{});
  document.text = json.value("text", std::string{});
  document.sidecar_sha256 = json.value("sidecar_sha256", std::string{});
  if (const auto ocr = json.find("ocr"); ocr != json.end()) document.ocr = ocr_note_from_json(*ocr);
  return document;
}

std::string serialise_document(const ArchivedDocument& document, bool with_text) {
  std::string data = to_json(document, /*with_text=*/false)
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  data.push_back('\0');
  if (!with_text) return data;
  if (analyzers::is_valid_utf8(document.text)) {
    data += document.text;
  } else {
    data += analyzers::to_valid_utf8(document.text);
  }
  return data;
}

std::optional<ArchivedDocument> parse_document(std::string_view data, bool with_text) {
  const std::size_t separator = data.find('\0');
  const std::string_view head = data.substr(0, separator);
  auto json = nlohmann::json::parse(head, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return std::nullopt;
  if (!with_text) json.erase("text");  // the older form keeps its text in the JSON
  try {
    ArchivedDocument document = document_from_json(json);
    if (with_text && separator != std::string_view::npos)
      document.text.assign(data.substr(separator + 1));
    return document;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

namespace {

// The top-level keys parse_page_document() reads: those the page shows, and those it skips but
// parse_document() converts in a way that can fail (their form is checked, so that a document
// parse_document() refuses is refused too).
enum class PageKey {
  other,
  id,
  filename,
  format,
  text,
  paths,
  ocr,
  type,
  type_code,
  number,
  issuer,
  date,
  title,
  sha256,  // strings parse_document() reads with json::value(): anything else throws
  indexed_at,
  sidecar_sha256,
  size,        // a number (an unsigned one is stored)
  recipients,  // where a list, a list of strings
};

struct PageKeyName {
  std::string_view name;
  PageKey key;
};

constexpr std::array<PageKeyName, 17> kPageKeys{{
    {"id", PageKey::id},
    {"filename", PageKey::filename},
    {"format", PageKey::format},
    {"text", PageKey::text},
    {"paths", PageKey::paths},
    {"ocr", PageKey::ocr},
    {"type", PageKey::type},
    {"type_code", PageKey::type_code},
    {"number", PageKey::number},
    {"issuer", PageKey::issuer},
    {"date", PageKey::date},
    {"title", PageKey::title},
    {"sha256", PageKey::sha256},
    {"indexed_at", PageKey::indexed_at},
    {"sidecar_sha256", PageKey::sidecar_sha256},
    {"size", PageKey::size},
    {"recipients", PageKey::recipients},
}};

PageKey page_key(std::string_view name) {
  for (const PageKeyName& known : kPageKeys)
    if (known.name == name) return known.key;
  return PageKey::other;
}

enum class OcrKey { other, engine, pages, confidence };

// A SAX handler over the stored JSON keeping the page's fields. `usual` turns false where a
// field read is not in the form the stored data gives it (to_json()'s): the caller then asks
// parse_document(), whose conversions say what such a field means.
class PageFields {
 public:
  using json = nlohmann::json;

  ArchivedDocument document;
  bool object = false;  // the top level is an object
  bool usual = true;

  bool null() { return scalar(Value::null); }
  bool boolean(bool /*value*/) { return scalar(Value::other); }
  bool number_integer(json::number_integer_t /*value*/) { return scalar(Value::other); }
  bool number_unsigned(json::number_unsigned_t value) {
    unsigned_ = value;
    return scalar(Value::unsigned_number);
  }
  bool number_float(json::number_float_t /*value*/, const json::string_t& /*text*/) {
    return scalar(Value::other);
  }
  bool string(json::string_t& value) {
    string_ = &value;
    return scalar(Value::string);
  }
  bool binary(json::binary_t& /*value*/) { return scalar(Value::other); }

  bool start_object(std::size_t /*elements*/) {
    if (depth_ == 0) {
      object = true;
    } else if (depth_ == 1) {
      top_value(Value::object);
    } else if (depth_ == 2) {
      inner_value(Value::object);
    }
    ++depth_;
    return true;
  }
  bool end_object() {
    --depth_;
    return true;
  }
  bool start_array(std::size_t /*elements*/) {
    if (depth_ == 1) {
      top_value(Value::array);
    } else if (depth_ == 2) {
      inner_value(Value::array);
    }
    ++depth_;
    return true;
  }
  bool end_array() {
    --depth_;
    return true;
  }
  bool key(json::string_t& name) {
    if (depth_ == 1) {
      key_ = page_key(name);
      in_list_ = false;
      in_ocr_ = false;
    } else if (depth_ == 2 && in_ocr_) {
      ocr_key_ = name == "engine"       ? OcrKey::engine
                 : name == "pages"      ? OcrKey::pages
                 : name == "confidence" ? OcrKey::confidence
                                        : OcrKey::other;
    }
    return true;
  }
  bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                   const nlohmann::detail::exception& /*error*/) {
    return false;
  }

 private:
  enum class Value { null, string, unsigned_number, object, array, other };

  bool scalar(Value kind) {
    if (depth_ == 1) {
      top_value(kind);
    } else if (depth_ == 2) {
      inner_value(kind);
    }
    return true;
  }

  // A top-level value (a container's start, for containers).
  void top_value(Value kind) {
    switch (key_) {
      case PageKey::id:
        keep(kind, document.id);
        break;
      case PageKey::filename:
        keep(kind, document.filename);
        break;
      case PageKey::format:
        keep(kind, document.format);
        break;
      case PageKey::text:
        keep(kind, document.text);
        break;
      case PageKey::type:
        keep_optional(kind, document.metadata.type);
        break;
      case PageKey::type_code:
        keep_optional(kind, document.metadata.type_code);
        break;
      case PageKey::number:
        keep_optional(kind, document.metadata.number);
        break;
      case PageKey::issuer:
        keep_optional(kind, document.metadata.issuer);
        break;
      case PageKey::date:
        keep_optional(kind, document.metadata.date);
        break;
      case PageKey::title:
        keep_optional(kind, document.metadata.title);
        break;
      case PageKey::sha256:
      case PageKey::indexed_at:
      case PageKey::sidecar_sha256:
        if (kind != Value::string) usual = false;
        break;
      case PageKey::size:
        if (kind != Value::unsigned_number) usual = false;
        break;
      case PageKey::paths:
        if (kind == Value::array) {
          document.paths.clear();
          in_list_ = true;
        } else {
          usual = false;
        }
        break;
      case PageKey::ocr:  // anything but an object is no note
        if (kind == Value::object) {
          document.ocr.emplace();
          in_ocr_ = true;
        } else {
          document.ocr.reset();
        }
        break;
      case PageKey::recipients:  // anything but a list is ignored
        if (kind == Value::array) in_list_ = true;
        break;
      case PageKey::other:
        break;
    }
  }

  // A value inside a top-level container (a container's start, for containers).
  void inner_value(Value kind) {
    if (in_list_) {
      if (kind != Value::string) {
        usual = false;
      } else if (key_ == PageKey::paths) {
        document.paths.push_back(std::move(*string_));
      }
    } else if (in_ocr_) {
      switch (ocr_key_) {
        case OcrKey::engine:
          keep(kind, document.ocr->engine);
          break;
        case OcrKey::pages:
          keep(kind, document.ocr->pages);
          break;
        case OcrKey::confidence:
          keep(kind, document.ocr->confidence);
          break;
        case OcrKey::other:
          break;
      }
    }
  }

  void keep(Value kind, std::string& field) {
    if (kind == Value::string) {
      field = std::move(*string_);
    } else {
      usual = false;
    }
  }
  void keep(Value kind, std::uint32_t& field) {
    if (kind == Value::unsigned_number && unsigned_ <= UINT32_MAX) {
      field = static_cast<std::uint32_t>(unsigned_);
    } else {
      usual = false;
    }
  }
  void keep_optional(Value kind, std::optional<std::string>& field) {
    if (kind == Value::string) {
      field = std::move(*string_);
    } else if (kind == Value::null) {
      field.reset();
    } else {
      usual = false;  // parse_document() keeps its JSON text
    }
  }

  int depth_ = 0;
  PageKey key_ = PageKey::other;
  bool in_list_ = false;  // in paths or recipients, a list
  bool in_ocr_ = false;   // in ocr, an object
  OcrKey ocr_key_ = OcrKey::other;
  json::string_t* string_ = nullptr;
  json::number_unsigned_t unsigned_ = 0;
};

// nlohmann's whitespace between tokens.
bool json_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The end of a JSON string whose opening quote is at `at`: past its closing quote, where its
// bytes are those nlohmann's lexer accepts (no control character, the escapes of one character,
// well-formed UTF-8 as RFC 3629 bounds it); npos where they are not, or may not be (a \u escape,
// checked by the lexer alone).
std::size_t plain_string_end(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const auto in = [&](std::size_t i, unsigned char low, unsigned char high) {
    return i < text.size() && byte(i) >= low && byte(i) <= high;
  };
  std::size_t i = at + 1;
  while (i < text.size()) {
    const unsigned char c = byte(i);
    if (c == '"') return i + 1;
    if (c < 0x20) return std::string_view::npos;
    if (c == '\\') {
      if (i + 1 >= text.size()) return std::string_view::npos;
      const char escaped = text[i + 1];
      if (std::string_view("\"\\/bfnrt").find(escaped) == std::string_view::npos)
        return std::string_view::npos;
      i += 2;
    } else if (c < 0x80) {
      ++i;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (!in(i + 1, 0x80, 0xBF)) return std::string_view::npos;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      const unsigned char low = c == 0xE0 ? 0xA0 : 0x80;
      const unsigned char high = c == 0xED ? 0x9F : 0xBF;
      if (!in(i + 1, low, high) || !in(i + 2, 0x80, 0xBF)) return std::string_view::npos;
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      const unsigned char low = c == 0xF0 ? 0x90 : 0x80;
      const unsigned char high = c == 0xF4 ? 0x8F : 0xBF;
      if (!in(i + 1, low, high) || !in(i + 2, 0x80, 0xBF) || !in(i + 3, 0x80, 0xBF))
        return std::string_view::npos;
      i += 4;
    } else {
      return std::string_view::npos;
    }
  }
  return std::string_view::npos;  // unterminated
}

// The end of the JSON value starting at `at` (whitespace before it allowed): past its last byte,
// where it is made of what nlohmann's parser certainly accepts (objects, arrays, the strings
// plain_string_end() passes, null, true and false); npos where it is not, or may not be (a
// number, for one): the parser then reads it as it does the rest. Never a value the parser
// refuses, so skipping one changes whether a text parses in nothing.
std::size_t plain_value_end(std::string_view text, std::size_t at) {
  constexpr std::size_t npos = std::string_view::npos;
  std::vector<char> open;  // the containers the walk is in: '{' or '['
  enum class Want { value, value_or_close, key, key_or_close, colon, comma_or_close };
  Want want = Want::value;
  std::size_t i = at;
  for (;;) {
    while (i < text.size() && json_space(text[i]))
      ++i;
    if (i >= text.size()) return npos;
    const char c = text[i];
    bool value_done = false;
    switch (want) {
      case Want::value_or_close:
      case Want::value:
        if (want == Want::value_or_close && c == ']') {
          open.pop_back();
          ++i;
          value_done = true;
        } else if (c == '{' || c == '[') {
          open.push_back(c);
          ++i;
          want = c == '{' ? Want::key_or_close : Want::value_or_close;
        } else if (c == '"') {
          i = plain_string_end(text, i);
          if (i == npos) return npos;
          value_done = true;
        } else {
          bool literal = false;
          for (const std::string_view word : {"null", "true", "false"}) {
            if (text.substr(i, word.size()) == word) {
              i += word.size();
              literal = true;
              break;
            }
          }
          if (!literal) return npos;
          value_done = true;
        }
        break;
      case Want::key_or_close:
      case Want::key:
        if (want == Want::key_or_close && c == '}') {
          open.pop_back();
          ++i;
          value_done = true;
        } else if (c == '"') {
          i = plain_string_end(text, i);
          if (i == npos) return npos;
          want = Want::colon;
        } else {
          return npos;
        }
        break;
      case Want::colon:
        if (c != ':') return npos;
        ++i;
        want = Want::value;
        break;
      case Want::comma_or_close:
        if (c == ',') {
          ++i;
          want = open.back() == '{' ? Want::key : Want::value;
        } else if (c == (open.back() == '{' ? '}' : ']')) {
          open.pop_back();
          ++i;
          value_done = true;
        } else {
          return npos;
        }
        break;
    }
    if (value_done) {
      if (open.empty()) return i;
      want = Want::comma_or_close;
    }
  }
}

// How the stored JSON opens: to_json() writes the metadata's keys in order, the citations first.
constexpr std::string_view kCitationsFirst = "{\"citations\":";

}  // namespace

std::optional<ArchivedDocument> parse_page_document(std::string_view data) {
  const std::size_t separator = data.find('\0');
  std::string_view head = data.substr(0, separator);
  // A document's citations are most of its data (each with its evidence and title) and none of
  // its page: where they are plain JSON, the parser is given null in their place, so that it
  // does not lex them to skip them. The same fields, and the same refusals, as the whole.
  std::string shortened;
  if (head.substr(0, kCitationsFirst.size()) == kCitationsFirst) {
    const std::size_t end = plain_value_end(head, kCitationsFirst.size());
    if (end != std::string_view::npos) {
      shortened.reserve(kCitationsFirst.size() + 4 + head.size() - end);
      shortened.append(kCitationsFirst).append("null").append(head.substr(end));
      head = shortened;
    }
  }
  PageFields fields;
  if (!nlohmann::json::sax_parse(head, &fields) || !fields.object) return std::nullopt;
  if (!fields.usual) {
    auto whole = parse_document(data, /*with_text=*/true);
    if (!whole) return std::nullopt;
    ArchivedDocument page;
    page.id = std::move(whole->id);
    page.paths = std::move(whole->paths);
    page.filename = std::move(whole->filename);
    page.format = std::move(whole->format);
    page.ocr = std::move(whole->ocr);
    page.text = std::move(whole->text);
    page.metadata.type = std::move(whole->metadata.type);
    page.metadata.type_code = std::move(whole->metadata.type_code);
    page.metadata.number = std::move(whole->metadata.number);
    page.metadata.issuer = std::move(whole->metadata.issuer);
    page.metadata.date = std::move(whole->metadata.date);
    page.metadata.title = std::move(whole->metadata.title);
    return page;
  }
  if (separator != std::string_view::npos) fields.document.text.assign(data.substr(separator + 1));
  return std::move(fields.document);
}

}  // namespace vanban::archive
