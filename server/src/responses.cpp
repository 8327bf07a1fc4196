#include "vanban/server/responses.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace vanban::server {

int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_argument:
      return 400;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::too_large:
      return 413;
    case ErrorKind::unsupported:
      return 415;
    case ErrorKind::io:
    case ErrorKind::internal:
      return 500;
    case ErrorKind::unavailable:
      return 503;
  }
  return 500;
}

std::string user_message(const Error& error) {
  if (!error.user_message.empty()) return error.user_message;
  switch (error.kind) {
    case ErrorKind::invalid_argument:
      return "Yêu cầu không hợp lệ.";
    case ErrorKind::not_found:
      return "Không tìm thấy.";
    case ErrorKind::too_large:
      return "Yêu cầu vượt quá giới hạn cho phép.";
    case ErrorKind::unsupported:
      return "Định dạng không được hỗ trợ.";
    case ErrorKind::unavailable:
      return "Kho văn bản tạm thời không trả lời, vui lòng thử lại sau.";
    case ErrorKind::io:
    case ErrorKind::internal:
      break;
  }
  return "Lỗi máy chủ, vui lòng thử lại sau.";
}

namespace {

void set_json_body(httplib::Response& response, const nlohmann::json& body) {
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

}  // namespace

void send_error(httplib::Response& response, const Error& error) {
  response.status = http_status(error.kind);
  set_json_body(response, {{"error", user_message(error)}});
}

void send_json(httplib::Response& response, const nlohmann::json& body) {
  response.status = 200;
  set_json_body(response, body);
}

}  // namespace vanban::server
