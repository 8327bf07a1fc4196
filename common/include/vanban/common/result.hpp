// Errors as values. Every failure that can reach a user carries an ErrorKind; the HTTP layer
// maps the kind to a status code in exactly one place and never invents codes of its own.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace vanban {

enum class ErrorKind {
  invalid_argument,  // bad query, bad parameter, malformed input (HTTP 400)
  not_found,         // unknown document or file (HTTP 404)
  too_large,         // over a size limit (HTTP 413)
  unsupported,       // format not handled, PDF without a text layer (HTTP 415)
  io,                // file system or database failure (HTTP 500)
  unavailable,       // a part of the archive (a shard) does not answer; try later (HTTP 503)
  internal,          // a bug (HTTP 500)
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string message;       // English for logs; the server maps kinds to Vietnamese texts
  std::string user_message;  // optional Vietnamese text for the UI (empty: use the kind's default)
};

inline Error make_error(ErrorKind kind, std::string message, std::string user_message = {}) {
  return Error{kind, std::move(message), std::move(user_message)};
}

// A value or an Error, in the spirit of std::expected (C++23).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<T>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(state_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<Error>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

// Result of an operation that yields nothing but may fail.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  static Status success() { return {}; }
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace vanban
