// read_document: size limit, format detection, dispatch, and the common clean-up of the text.
#include "vanban/indexer/reader.hpp"

#include <algorithm>
#include <array>

#include "vanban/analyzers/legacy_encoding.hpp"

#include "bounded_reader.hpp"
#include "formats.hpp"
#include "ocr.hpp"
#include "text_lines.hpp"
#include "zip_support.hpp"

namespace vanban::indexer {
namespace detail {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return out;
}

std::string extension_of(const std::filesystem::path& path) {
  return lower_ascii(path.extension().string());
}

// The start of the content as lower-case ASCII, after a UTF-8 BOM and leading white space.
std::string content_head(std::string_view bytes, std::size_t length) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const auto first = bytes.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return lower_ascii(bytes.substr(first, length));
}

// The local name of the first element, lower case: "<?xml ...?><!-- --><edXML:edXML ..." gives
// "edxml". Empty when the content does not start like markup.
std::string root_element(std::string_view head) {
  std::size_t at = 0;
  while (true) {
    at = head.find_first_not_of(" \t\r\n", at);
    if (at == std::string_view::npos || head[at] != '<') return {};
    if (head.substr(at).starts_with("<?")) {
      at = head.find("?>", at);
    } else if (head.substr(at).starts_with("<!--")) {
      at = head.find("-->", at);
    } else if (head.substr(at).starts_with("<!")) {
      at = head.find('>', at);
    } else {
      break;
    }
    if (at == std::string_view::npos) return {};
    ++at;
  }
  const auto end = head.find_first_of(" \t\r\n/>", at + 1);
  std::string_view name = head.substr(at + 1, end == std::string_view::npos ? 0 : end - at - 1);
  if (const auto colon = name.find(':'); colon != std::string_view::npos)
    name.remove_prefix(colon + 1);
  return std::string(name);
}

bool looks_like_edxml(std::string_view head) {
  const std::string root = root_element(head);
  // Some integrations wrap the MessageHeader in a SOAP envelope.
  return root == "edxml" || root == "edxmlenvelope" ||
         (root == "envelope" && head.find("messageheader") != std::string_view::npos);
}

bool looks_like_html(std::string_view head) {
  return head.starts_with("<!doctype html") || root_element(head) == "html";
}

const char* format_name(Format format) {
  switch (format) {
    case Format::txt:
      return "txt";
    case Format::html:
      return "html";
    case Format::docx:
      return "docx";
    case Format::odt:
      return "odt";
    case Format::doc:
      return "doc";
    case Format::rtf:
      return "rtf";
    case Format::xlsx:
      return "xlsx";
    case Format::xls:
      return "xls";
    case Format::pdf:
      return "pdf";
    case Format::edxml:
      return "edxml";
    case Format::image:
      return "image";
    case Format::zip:
      return "zip";
    case Format::unknown:
      break;
  }
  return "unknown";
}

std::string megabytes(std::uint64_t bytes) {
  return std::to_string((bytes + 512 * 1024) / (1024 * 1024)) + " MB";
}

// OLE2 compound files (Word 97-2003, Excel 97-2003) start with this (MS-CFB 2.2).
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

// Whether an OLE2 file names a stream `name` (directory entries hold names in UTF-16LE).
bool holds_utf16(std::string_view bytes, std::string_view name) {
  std::string wide;
  for (const char c : name) {
    wide += c;
    wide += '\0';
  }
  return bytes.find(wide) != std::string_view::npos;
}

// A zip is the document its parts make (word/document.xml, an OpenDocument mimetype), else
// what its name says; DOCX when neither tells (a broken DOCX is reported as one).
Format zip_format(const std::string& extension, std::string_view bytes) {
  const std::string kind = zip_document_kind(bytes);
  if (kind == "docx") return Format::docx;
  if (kind == "odt" || (kind.empty() && extension == ".odt")) return Format::odt;
  if (kind == "xlsx" || (kind.empty() && extension == ".xlsx")) return Format::xlsx;
  if (kind.empty() && extension == ".zip") return Format::zip;
  return Format::docx;
}

}  // namespace

Error too_large(std::uint64_t size, std::uint64_t limit) {
  return make_error(ErrorKind::too_large,
                    "file is " + megabytes(size) + ", over the limit of " + megabytes(limit),
                    "Tệp quá lớn (" + megabytes(size) + ", giới hạn " + megabytes(limit) + ")");
}

bool has_supported_extension(const std::filesystem::path& path) {
  static constexpr std::array<std::string_view, 19> supported = {
      ".txt", ".html", ".htm", ".xhtml", ".docx", ".odt", ".doc", ".rtf", ".xlsx", ".xls", ".pdf",
      ".xml", ".edxml", ".zip",
      // Scans, read by OCR.
      ".png", ".jpg", ".jpeg", ".tif", ".tiff"};
  const std::string extension = extension_of(path);
  return std::find(supported.begin(), supported.end(), extension) != supported.end();
}

Format detect_format(const std::filesystem::path& path, std::string_view bytes) {
  // Magic numbers win over the name: a PDF saved as .txt is still a PDF.
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return Format::pdf;
  if (is_image(bytes)) return Format::image;
  const std::string extension = extension_of(path);
  if (bytes.starts_with("PK\x03\x04")) return zip_format(extension, bytes);
  if (bytes.starts_with(kOleMagic)) {
    if (holds_utf16(bytes, "WordDocument")) return Format::doc;
    if (holds_utf16(bytes, "Workbook") || holds_utf16(bytes, "Book")) return Format::xls;
    if (extension == ".doc") return Format::doc;
    if (extension == ".xls") return Format::xls;
  }
  if (bytes.starts_with("{\\rtf")) return Format::rtf;

  if (extension == ".pdf") return Format::pdf;
  if (extension == ".docx") return Format::docx;
  if (extension == ".txt") return Format::txt;
  // edXML markers may come after a long namespace list or a SOAP header: look further.
  const std::string head = content_head(bytes, 64 * 1024);
  if (looks_like_edxml(head)) return Format::edxml;
  if (extension == ".html" || extension == ".htm" || extension == ".xhtml") return Format::html;
  if (extension == ".xml" || extension == ".edxml") return Format::edxml;
  if (looks_like_html(head)) return Format::html;
  // Left to the converter, which reads more variants than the magic numbers above tell.
  if (extension == ".doc") return Format::doc;
  if (extension == ".rtf") return Format::rtf;
  return Format::unknown;
}

// A letter, digit or sign: any printable ASCII, or any character beyond ASCII except the
// invisible ones converters leave (no-break space, zero-width space, byte order mark).
bool holds_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte > 0x20 && byte < 0x7F) return true;
    if (byte < 0xC0) continue;
    const std::string_view rest = text.substr(i);
    if (!rest.starts_with("\u00A0") && !rest.starts_with("\u200B") && !rest.starts_with("\uFEFF")) {
      return true;
    }
  }
  return false;
}

// Cuts the text to at most `limit` bytes, at the last line end before it (else at a character
// boundary), and says so.
void cut_text(std::string& text, std::uint64_t limit, std::vector<std::string>& warnings) {
  if (text.size() <= limit) return;
  const std::string whole = megabytes(text.size());
  std::size_t end = text.rfind('\n', static_cast<std::size_t>(limit));
  if (end == std::string::npos || end == 0) {
    end = static_cast<std::size_t>(limit);
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
      --end;
  }
  text.resize(end);
  text.shrink_to_fit();
  warnings.push_back("text cut to its first " + megabytes(end) + " (the file holds " + whole +
                     " of text)");
}

Result<ReadDocument> read_nested(const std::filesystem::path& path, std::string_view bytes,
                                 const ReadOptions& options, int depth) {
  if (bytes.size() > options.max_bytes) return too_large(bytes.size(), options.max_bytes);
  // An Office file saved with a password (DOCX, XLSX, PPTX) is an OLE2 file whose package is
  // the stream EncryptedPackage (MS-OFFCRYPTO 2.3.4.4): nothing in it is readable without the
  // password, and handing it to the converter would only fail more slowly.
  if (bytes.starts_with(kOleMagic) && holds_utf16(bytes, "EncryptedPackage")) {
    return make_error(ErrorKind::unsupported,
                      "the file is encrypted with a password (an Office EncryptedPackage)",
                      "Tệp có mật khẩu, không đọc được");
  }
  const Format format = detect_format(path, bytes);
  Result<ReadDocument> read = make_error(ErrorKind::internal, "no reader");
  switch (format) {
    case Format::txt:
      read = read_txt(bytes, options.max_text_bytes);
      break;
    case Format::html:
      read = read_html(bytes);
      break;
    case Format::docx:
      read = read_docx(bytes, options);
      break;
    case Format::odt:
      read = read_odt(bytes, options);
      break;
    case Format::doc:
      read = read_doc(bytes, options);
      break;
    case Format::rtf:
      read = read_rtf(bytes, options);
      break;
    case Format::xlsx:
      read = read_xlsx(bytes, options);
      break;
    case Format::xls:
      read = read_xls(bytes, options);
      break;
    case Format::pdf:
      read = options.bounded.program.empty() ? read_pdf(bytes, options.ocr, options.max_text_bytes)
                                             : read_bounded(format, bytes, options);
      // Legacy-font PDFs often lack a ToUnicode map: their text comes out as mojibake.
      if (read) read->text = analyzers::detect_and_repair_legacy_text(std::move(read->text)).text;
      break;
    case Format::edxml:
      read = read_edxml(bytes, options, depth);
      break;
    case Format::image:
      read = options.bounded.program.empty() ? read_image(bytes, options.ocr)
                                             : read_bounded(format, bytes, options);
      break;
    case Format::zip:
      read = read_zip(bytes, options, depth);
      break;
    case Format::unknown: {
      const std::string extension = extension_of(path);
      return make_error(ErrorKind::unsupported,
                        "unsupported file type" + (extension.empty() ? "" : " (" + extension + ")"),
                        "Định dạng tệp không được hỗ trợ");
    }
  }
  if (!read) return read;
  read->text =
      finish_text(read->text, format == Format::txt ? Spacing::keep_columns : Spacing::collapse);
  read->format = format == Format::image ? std::string(image_format(bytes)) : format_name(format);
  if (depth == 0) {
    if (!holds_text(read->text)) {
      return make_error(ErrorKind::unsupported,
                        "no text: the file holds only blanks, control characters or NUL bytes",
                        "Tệp không có nội dung chữ");
    }
    cut_text(read->text, options.max_text_bytes, read->warnings);
  }
  return read;
}

}  // namespace detail

Result<ReadDocument> read_document(const std::filesystem::path& path, std::string_view bytes) {
  return detail::read_nested(path, bytes, ReadOptions{}, 0);
}

Result<ReadDocument> read_document(const std::filesystem::path& path, std::string_view bytes,
                                   const ReadOptions& options) {
  return detail::read_nested(path, bytes, options, 0);
}

}  // namespace vanban::indexer
