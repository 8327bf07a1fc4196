// JSON responses, and the one place where an ErrorKind becomes an HTTP status and a Vietnamese
// message.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "vanban/common/result.hpp"

namespace httplib {
struct Response;
}

namespace vanban::server {

int http_status(ErrorKind kind);

// The error's own Vietnamese text when it has one, else the kind's default.
std::string user_message(const Error& error);

// Sets status and the JSON body {"error": "<Vietnamese message>"}.
void send_error(httplib::Response& response, const Error& error);

// 200 with the JSON body; invalid UTF-8 from a stored text is replaced, never a failure.
void send_json(httplib::Response& response, const nlohmann::json& body);

}  // namespace vanban::server
