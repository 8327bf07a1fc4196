#include "routes_upload.hpp"

#include <memory>
#include <mutex>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "vanban/server/responses.hpp"

#include "write_token.hpp"

namespace vanban::server {
namespace {

void refuse(httplib::Response& response, int status, const std::string& message) {
  response.status = status;
  response.set_content(nlohmann::json{{"error", message}}.dump(),
                       "application/json; charset=utf-8");
}

nlohmann::json to_json(const UploadResult& result) {
  nlohmann::json item = {{"name", result.name},
                         {"path", result.path},
                         {"status", result.status},
                         {"notes", nlohmann::json::array()}};
  item["message"] = result.message.empty() ? nlohmann::json() : nlohmann::json(result.message);
  item["document_id"] =
      result.document_id.empty() ? nlohmann::json() : nlohmann::json(result.document_id);
  for (const std::string& note : result.notes)
    item["notes"].push_back(note);
  return item;
}

}  // namespace

void register_upload_route(httplib::Server& http, ApiContext& api, UploadRoute route) {
  // One upload at a time: the archive has one writer.
  auto shared = std::make_shared<UploadRoute>(std::move(route));
  auto writing = std::make_shared<std::mutex>();
  const bool enabled = !shared->token.empty() && shared->handler != nullptr;
  http.Get("/api/upload", [shared, enabled](const httplib::Request&, httplib::Response& response) {
    send_json(response, {{"enabled", enabled}, {"max_bytes", enabled ? shared->max_bytes : 0}});
  });
  http.Post("/api/upload", [&api, shared, writing, enabled](const httplib::Request& request,
                                                            httplib::Response& response) {
    if (!enabled) {
      refuse(response, 403,
             "Máy chủ không nhận tệp tải lên (chưa đặt mã ghi: --write-token hoặc "
             "VANBAN_WRITE_TOKEN).");
      return;
    }
    const std::string_view token = token_of([&](std::string_view name) -> std::string_view {
      const auto found = request.headers.find(std::string(name));
      return found == request.headers.end() ? std::string_view{} : found->second;
    });
    if (token.empty()) {
      response.set_header("WWW-Authenticate", "Bearer");
      refuse(response, 401, "Cần mã ghi để tải tệp lên.");
      return;
    }
    if (!token_matches(token, shared->token)) {
      refuse(response, 403, "Mã ghi không đúng.");
      return;
    }
    if (!request.is_multipart_form_data()) {
      respond_error(api, response,
                    make_error(ErrorKind::invalid_argument, "upload is not multipart/form-data",
                               "Tệp tải lên phải gửi dạng multipart/form-data."));
      return;
    }
    std::string sidecar;
    if (const auto meta = request.files.find("meta"); meta != request.files.end())
      sidecar = meta->second.content;
    std::vector<UploadFile> files;
    const auto [first, last] = request.files.equal_range("file");
    for (auto it = first; it != last; ++it)
      files.push_back({it->second.filename, it->second.content, sidecar});
    if (files.empty()) {
      respond_error(api, response,
                    make_error(ErrorKind::invalid_argument, "no file field in the upload",
                               "Không có tệp nào được gửi (trường \"file\")."));
      return;
    }
    if (files.size() > shared->max_files) {
      respond_error(api, response,
                    make_error(ErrorKind::invalid_argument, "too many files in one upload",
                               "Quá nhiều tệp trong một lần tải (tối đa " +
                                   std::to_string(shared->max_files) + ")."));
      return;
    }
    Result<std::vector<UploadResult>> results = Error{};
    {
      std::lock_guard lock(*writing);
      results = shared->handler(std::move(files));
    }
    if (!results) {
      respond_error(api, response, results.error());
      return;
    }
    nlohmann::json body = {{"files", nlohmann::json::array()}};
    for (const UploadResult& result : *results)
      body["files"].push_back(to_json(result));
    send_json(response, body);
  });
}

}  // namespace vanban::server
