#include "routes_api.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "vanban/archive/fields.hpp"
#include "vanban/server/responses.hpp"
#include "vanban/server/search_json.hpp"

#include "document_json.hpp"
#include "utf8.hpp"

namespace vanban::server {
namespace {

constexpr std::size_t kMaxIdBytes = 256;

std::string content_type_of_original(std::string_view format, std::string_view bytes) {
  const std::string charset = is_utf8(bytes) ? "; charset=utf-8" : "";
  if (format == "pdf") return "application/pdf";
  if (format == "docx") {
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  if (format == "odt") return "application/vnd.oasis.opendocument.text";
  if (format == "doc") return "application/msword";
  if (format == "rtf") return "application/rtf";
  if (format == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (format == "xls") return "application/vnd.ms-excel";
  if (format == "html") return "text/html" + charset;
  if (format == "edxml") return "application/xml";
  if (format == "txt") return "text/plain" + charset;
  // Scans read by OCR.
  if (format == "png") return "image/png";
  if (format == "jpeg") return "image/jpeg";
  if (format == "tiff") return "image/tiff";
  return "application/octet-stream";
}

// RFC 6266 / RFC 5987: an ASCII fallback name and the exact UTF-8 name in filename*.
std::string content_disposition(std::string_view disposition, std::string_view filename) {
  std::string fallback;
  for (const char c : filename) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = byte >= 0x20 && byte < 0x7F && c != '"' && c != '\\' && c != '%';
    if (plain) {
      fallback += c;
    } else if (fallback.empty() || fallback.back() != '_') {
      fallback += '_';
    }
  }
  std::string encoded;
  constexpr std::string_view kAttrChars = "!#$&+-.^_`|~";
  constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : filename) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 && byte < 0x80) {
      encoded += c;
    } else if (kAttrChars.find(c) != std::string_view::npos) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0x0F];
    }
  }
  return std::string(disposition) + "; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

// The id from the path, checked before it reaches the searcher.
Result<std::string> document_id(const httplib::Request& request) {
  const std::string id = request.matches.size() > 1 ? request.matches[1].str() : std::string{};
  if (id.empty() || id.size() > kMaxIdBytes || !is_utf8(id)) {
    return make_error(ErrorKind::not_found, "bad document id", "Không tìm thấy văn bản.");
  }
  return id;
}

// The document is indexed but its original is not in the store (see `vanban check`).
Error missing_original(const std::filesystem::path& file) {
  return make_error(ErrorKind::not_found, "original not in the store: " + file.string(),
                    "Không tìm thấy bản gốc của văn bản.");
}

// A small original whole (text, to tell UTF-8 from a legacy encoding).
Result<std::string> read_whole(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return missing_original(file);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return make_error(ErrorKind::io, "cannot read " + file.string());
  return std::move(buffer).str();
}

// The one byte range an original is asked for (limit_ranges left it in the Range header and
// took it from httplib, whose answer to a range past the end was a 206 or a 416 naming bytes
// the file does not have, "bytes 100000000-6071/6072", and no message).
struct ByteRange {
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};
enum class RangeAsked { none, satisfiable, unsatisfiable };

RangeAsked asked_range(const httplib::Request& request, std::uint64_t size, ByteRange& range) {
  const std::string header = request.get_header_value("Range");
  httplib::Ranges ranges;
  if (header.empty() || !httplib::detail::parse_range_header(header, ranges) || ranges.size() != 1)
    return RangeAsked::none;
  const auto [first, last] = ranges.front();
  if (first < 0) {  // the last `last` bytes (RFC 9110 14.1.1)
    if (last <= 0 || size == 0) return RangeAsked::unsatisfiable;
    range.length = std::min<std::uint64_t>(static_cast<std::uint64_t>(last), size);
    range.offset = size - range.length;
    return RangeAsked::satisfiable;
  }
  if (static_cast<std::uint64_t>(first) >= size) return RangeAsked::unsatisfiable;
  range.offset = static_cast<std::uint64_t>(first);
  const std::uint64_t end =
      last < 0 ? size - 1 : std::min<std::uint64_t>(static_cast<std::uint64_t>(last), size - 1);
  range.length = end - range.offset + 1;
  return RangeAsked::satisfiable;
}

// 416 with the size (RFC 9110 15.5.17) and a message; else, for a range, 206 and its bounds.
bool answer_range(ApiContext& api, httplib::Response& response, RangeAsked asked,
                  const ByteRange& range, std::uint64_t size) {
  if (asked == RangeAsked::unsatisfiable) {
    respond_error(api, response,
                  make_error(ErrorKind::invalid_argument, "byte range past the end of the original",
                             "Khoảng byte yêu cầu nằm ngoài tệp (tệp có " + std::to_string(size) +
                                 " byte)."));
    response.status = 416;
    response.set_header("Content-Range", "bytes */" + std::to_string(size));
    return false;
  }
  if (asked == RangeAsked::satisfiable) {
    response.status = 206;
    response.set_header("Content-Range", "bytes " + std::to_string(range.offset) + "-" +
                                             std::to_string(range.offset + range.length - 1) + "/" +
                                             std::to_string(size));
  }
  return true;
}

Error no_archive_document() {
  return make_error(ErrorKind::not_found, "no archive", "Không tìm thấy văn bản.");
}

void get_search(ApiContext& api, const httplib::Request& request, httplib::Response& response) {
  auto search_request = parse_search_params(request.params, api.limits);
  if (!search_request.ok()) return respond_error(api, response, search_request.error());
  auto lease = api.pool.acquire();
  if (lease.get() == nullptr) {
    // No archive yet: an empty answer of the usual shape.
    return send_json(response, to_json(archive::SearchResponse{}));
  }
  auto found = lease.get()->search(*search_request);
  if (!found.ok()) return respond_error(api, response, found.error());
  send_json(response, to_json(*found));
}

void get_document(ApiContext& api, const httplib::Request& request, httplib::Response& response) {
  auto id = document_id(request);
  if (!id.ok()) return respond_error(api, response, id.error());
  auto lease = api.pool.acquire();
  if (lease.get() == nullptr) return respond_error(api, response, no_archive_document());
  auto as_of = as_of_param(request.params);
  if (!as_of.ok()) return respond_error(api, response, as_of.error());
  auto document = lease.get()->document(*id, *as_of);
  if (!document.ok()) return respond_error(api, response, document.error());
  nlohmann::json body = to_json(*document);
  // text=0: the fields and relations without the text (the relation drawing's second hop).
  if (request.get_param_value("text") == "0") body.erase("text");
  send_json(response, body);
}

// Headers of an original's download, set only once its bytes are at hand.
void set_original_headers(httplib::Response& response, const archive::ArchivedDocument& original,
                          const std::string& etag) {
  std::string filename = original.filename;
  if (filename.empty()) filename = original.id + "." + original.format;
  // What browsers show themselves (a scan's PNG or JPEG beside its OCR text); the rest is saved.
  const bool viewable = original.format == "pdf" || original.format == "txt" ||
                        original.format == "png" || original.format == "jpeg";
  response.set_header("Content-Disposition",
                      content_disposition(viewable ? "inline" : "attachment", filename));
  response.set_header("X-Content-Type-Options", "nosniff");
  // Originals are untrusted: markup from them must never run scripts on this origin.
  if (original.format == "html" || original.format == "edxml") {
    response.set_header("Content-Security-Policy", "sandbox");
  }
  response.set_header("Cache-Control", "private, max-age=3600");
  response.set_header("ETag", etag);
}

void get_original(ApiContext& api, const httplib::Request& request, httplib::Response& response) {
  auto id = document_id(request);
  if (!id.ok()) return respond_error(api, response, id.error());
  Result<archive::StoredOriginal> stored = no_archive_document();
  {
    auto lease = api.pool.acquire();
    if (lease.get() == nullptr) return respond_error(api, response, no_archive_document());
    stored = lease.get()->original(*id);
  }
  if (!stored.ok()) return respond_error(api, response, stored.error());
  const archive::ArchivedDocument& original = stored->document;
  const std::filesystem::path& file = stored->file;
  const std::string etag = "\"" + original.sha256 + "\"";
  if (request.get_header_value("If-None-Match") == etag) {
    response.status = 304;
    return;
  }
  if (original.format == "txt" || original.format == "html") {
    // Text is small; read whole to tell UTF-8 from a legacy encoding.
    auto bytes = read_whole(file);
    if (!bytes.ok()) return respond_error(api, response, bytes.error());
    ByteRange range;
    const RangeAsked asked = asked_range(request, bytes->size(), range);
    if (!answer_range(api, response, asked, range, bytes->size())) return;
    set_original_headers(response, original, etag);
    const std::string type = content_type_of_original(original.format, *bytes);
    if (asked == RangeAsked::satisfiable) *bytes = bytes->substr(range.offset, range.length);
    response.set_content(std::move(*bytes), type);
    return;
  }
  // PDFs and DOCX files can be large: streamed from the store, whole or the range asked.
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  auto stream = std::make_shared<std::ifstream>(file, std::ios::binary);
  if (error || !stream->is_open()) {
    return respond_error(api, response, missing_original(file));
  }
  ByteRange range{0, size};
  const RangeAsked asked = asked_range(request, size, range);
  if (!answer_range(api, response, asked, range, size)) return;
  set_original_headers(response, original, etag);
  response.set_content_provider(
      static_cast<std::size_t>(range.length), content_type_of_original(original.format, {}),
      [stream, start = range.offset](std::size_t offset, std::size_t length,
                                     httplib::DataSink& sink) {
        std::vector<char> buffer(std::min<std::size_t>(length, 64 * 1024));
        stream->clear();
        stream->seekg(static_cast<std::streamoff>(start + offset));
        stream->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto read = stream->gcount();
        return read > 0 && sink.write(buffer.data(), static_cast<std::size_t>(read));
      });
}

void get_instrument(ApiContext& api, const httplib::Request& request, httplib::Response& response) {
  auto number = single_param(request.params, "number");
  if (!number.ok()) return respond_error(api, response, number.error());
  if (!number->has_value() || (*number)->empty()) {
    return respond_error(api, response,
                         make_error(ErrorKind::invalid_argument, "missing number",
                                    "Thiếu tham số number (số, ký hiệu văn bản)."));
  }
  if ((*number)->size() > kMaxIdBytes) {
    return respond_error(
        api, response,
        make_error(ErrorKind::too_large, "number too long", "Số, ký hiệu văn bản quá dài."));
  }
  auto lease = api.pool.acquire();
  if (lease.get() == nullptr) {
    return send_json(response, {{"number_key", nullptr},
                                {"documents", nlohmann::json::array()},
                                {"cited_by", nlohmann::json::array()}});
  }
  auto instrument = lease.get()->instrument(**number);
  if (!instrument.ok()) return respond_error(api, response, instrument.error());
  send_json(response, to_json(*instrument));
}

// What the archive reports of itself: the gauges, and its analysis versions (nullopt, the error
// logged, when it cannot read them). Read once for /healthz and /metrics alike.
struct ArchiveReport {
  ArchiveGauges gauges;
  std::optional<archive::AnalysisState> analysis;
};

// nullopt (the error logged) when the archive cannot say.
std::optional<ArchiveReport> archive_report(archive::Searcher& searcher) {
  auto documents = searcher.document_count();
  auto revision = searcher.revision();
  if (!documents.ok() || !revision.ok()) {
    const Error& error = documents.ok() ? revision.error() : documents.error();
    std::cerr << "vanban serve: cannot read the archive's state: " << error.message << '\n';
    return std::nullopt;
  }
  ArchiveReport report{{*documents, std::move(*revision)}, std::nullopt};
  if (auto analysis = searcher.analysis(); analysis.ok()) {
    report.gauges.stale_documents = analysis->stale;
    report.analysis = *analysis;
  } else {
    std::cerr << "vanban serve: cannot read the archive's analysis versions: "
              << analysis.error().message << '\n';
  }
  return report;
}

}  // namespace

nlohmann::json analysis_json(const archive::AnalysisState& state) {
  const char* kind = state.newer > 0 ? "newer" : state.stale > 0 ? "stale" : "current";
  nlohmann::json json = {{"version", state.version},
                         {"state", kind},
                         {"stale_documents", state.stale},
                         {"newer_documents", state.newer}};
  if (state.newer > 0) {
    json["message"] = std::to_string(state.newer) +
                      " văn bản do phiên bản Vanban mới hơn phân tích: hãy chạy phiên bản đó.";
  } else if (state.stale > 0) {
    json["message"] = std::to_string(state.stale) +
                      " văn bản do phiên bản phân tích cũ lập: bộ lọc và danh sách \"được dẫn "
                      "chiếu bởi\" có thể thiếu chúng cho đến khi chạy lại `vanban index`.";
  }
  return json;
}

namespace {

void get_healthz(ApiContext& api, const httplib::Request& /*request*/,
                 httplib::Response& response) {
  auto lease = api.monitoring_pool.acquire();
  nlohmann::json body = {{"status", "ok"}};
  if (lease.get() == nullptr) {
    body["archive"] = "empty";  // nothing indexed yet: serving empty results is healthy
    body["documents"] = 0;
    return send_json(response, body);
  }
  // Pooled searchers refresh at their own pace; a monitor must never see counts go back. A
  // failed reopen keeps the revision the searcher had (reported below as it is).
  (void)lease.get()->reopen();
  const auto report = archive_report(*lease.get());
  if (!report) {
    return respond_error(api, response,
                         make_error(ErrorKind::io, "the archive cannot report its state"));
  }
  body["archive"] = "open";
  body["documents"] = report->gauges.documents;
  body["revision"] = report->gauges.revision;
  // A stale archive is healthy (it answers), but its filters may miss documents until it is
  // indexed again: said here for monitors, not as an error.
  if (report->analysis) body["analysis"] = analysis_json(*report->analysis);
  send_json(response, body);
}

void get_metrics(ApiContext& api, const httplib::Request& /*request*/,
                 httplib::Response& response) {
  ArchiveGauges gauges;
  {
    auto lease = api.monitoring_pool.acquire();
    if (lease.get() != nullptr)
      if (auto report = archive_report(*lease.get())) gauges = std::move(report->gauges);
  }
  response.status = 200;
  response.set_content(api.metrics.render(gauges), "text/plain; version=0.0.4; charset=utf-8");
}

// The web UI's list of search fields, as an ES module made from archive::kSearchFields, so the
// UI's parameters, facets and labels follow the one table.
void get_fields_module(ApiContext& /*api*/, const httplib::Request& /*request*/,
                       httplib::Response& response) {
  nlohmann::json fields = nlohmann::json::array();
  for (const archive::FieldSpec& field : archive::kSearchFields) {
    fields.push_back({{"name", field.name},
                      {"prefix", field.box_prefix},
                      {"repeated", field.repeated},
                      {"facet", field.facet},
                      {"label", field.label},
                      {"shortLabel", field.short_label},
                      {"relation", archive::relation_of(field.id)}});
  }
  response.set_header("Cache-Control", "no-cache");
  response.set_content(
      "// Made by the server from its table of search fields.\nexport const FIELDS = " +
          fields.dump() + ";\n",
      "text/javascript; charset=utf-8");
}

void get_unknown_api(ApiContext& api, const httplib::Request& /*request*/,
                     httplib::Response& response) {
  respond_error(api, response,
                make_error(ErrorKind::not_found, "unknown API path", "Không có API này."));
}

}  // namespace

void respond_error(ApiContext& api, httplib::Response& response, const Error& error) {
  api.metrics.record_error(error.kind);
  // The user sees a generic message; the operator needs the cause.
  if (http_status(error.kind) >= 500) std::cerr << "vanban serve: error: " << error.message << '\n';
  send_error(response, error);
}

namespace {
constexpr const char* kOriginalRoute = R"(/api/documents/([^/]+)/original)";
}  // namespace

void limit_ranges(httplib::Request& request) {
  if (request.ranges.empty()) return;
  static const std::regex original(kOriginalRoute);
  const bool one_range_of_an_original =
      request.ranges.size() == 1 && std::regex_match(request.path, original);
  request.ranges.clear();  // httplib applies none: get_original answers the one it serves
  if (!one_range_of_an_original) request.headers.erase("Range");
}

void register_api_routes(httplib::Server& http, ApiContext& api) {
  using Handler = void (*)(ApiContext&, const httplib::Request&, httplib::Response&);
  const auto bind = [&api](Handler handler) {
    return [&api, handler](const httplib::Request& request, httplib::Response& response) {
      handler(api, request, response);
    };
  };
  http.Get("/api/search", bind(get_search));
  http.Get(R"(/api/documents/([^/]+))", bind(get_document));
  http.Get(kOriginalRoute, bind(get_original));
  http.Get("/api/instruments", bind(get_instrument));
  http.Get("/healthz", bind(get_healthz));
  http.Get("/metrics", bind(get_metrics));
  http.Get("/js/fields.js", bind(get_fields_module));
  http.Get(R"(/api(/.*)?)", bind(get_unknown_api));
}

}  // namespace vanban::server
