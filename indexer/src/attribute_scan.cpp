#include "attribute_scan.hpp"

#include <algorithm>
#include <cctype>

namespace vanban::indexer::detail {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_letter(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// How much of `until` is matched once `c` follows its first `matched` characters: the longest
// of its beginnings the text so far ends with ("--->" ends a comment).
std::size_t next_match(std::string_view until, std::size_t matched, char c) {
  std::string seen(until.substr(0, matched));
  seen += c;
  for (std::size_t length = std::min(seen.size(), until.size()); length > 0; --length)
    if (std::string_view(seen).substr(seen.size() - length) == until.substr(0, length))
      return length;
  return 0;
}

}  // namespace

AttributeScan::AttributeScan(Grammar grammar, std::string_view what)
    : grammar_(grammar), what_(what) {}

void AttributeScan::end_tag() {
  ++start_tags_;
  if (attributes_ > most_) most_ = attributes_;
  work_ += static_cast<std::uint64_t>(attributes_) * attributes_;
  attributes_ = 0;
  state_ = State::text;
  // HTML's raw text: nothing in it is markup until its end tag. libxml2 (recovering) ends it at
  // the element's own end tag only; waiting for just that never counts less than it parses.
  if (grammar_ == Grammar::html && (tag_ == "script" || tag_ == "style")) skip_to("</" + tag_);
}

void AttributeScan::skip_to(std::string until) {
  until_ = std::move(until);
  matched_ = 0;
  state_ = State::skip_to;
}

bool AttributeScan::over_budget() {
  if (work_ + static_cast<std::uint64_t>(attributes_) * attributes_ <= kMaxAttributeWork)
    return false;
  if (attributes_ > most_) most_ = attributes_;
  error_ = make_error(ErrorKind::too_large,
                      what_ + " has elements of too many attributes (" + std::to_string(most_) +
                          " in one): the parser compares each with every other",
                      "Nội dung có thẻ mang quá nhiều thuộc tính (" + std::to_string(most_) +
                          " thuộc tính trong một thẻ), không đọc được");
  return true;
}

bool AttributeScan::feed(std::string_view bytes) {
  if (error_) return false;
  for (const char c : bytes) {
    switch (state_) {
      case State::text:
        if (c == '<') state_ = State::open;
        break;
      case State::open:
        if (c == '!') {
          state_ = State::bang;
          bang_.clear();
        } else if (is_letter(c)) {
          state_ = State::tag_name;
          tag_.assign(1, lower(c));
        } else {
          state_ = c == '<' ? State::open : State::text;
        }
        break;
      case State::bang:
        // "<!--" (a comment), "<![CDATA[", or a declaration (<!DOCTYPE ...>), read to its '>'.
        bang_ += c;
        if (bang_ == "--") {
          skip_to("-->");
        } else if (bang_ == "[CDATA[") {
          skip_to("]]>");
        } else if (!std::string_view("--").starts_with(bang_) &&
                   !std::string_view("[CDATA[").starts_with(bang_)) {
          if (c == '>')
            state_ = State::text;
          else
            skip_to(">");
        }
        break;
      case State::skip_to:
        matched_ = next_match(until_, matched_, lower(c));
        if (matched_ == until_.size()) state_ = State::text;
        break;
      case State::tag_name:
        if (is_blank(c) || c == '/') {
          state_ = State::in_tag;
        } else if (c == '>') {
          end_tag();
        } else if (tag_.size() < 16) {
          tag_ += lower(c);
        }
        break;
      case State::in_tag:
        if (c == '>') {
          end_tag();
        } else if (c == '=') {
          state_ = State::after_equals;
        } else if (!is_blank(c) && c != '/') {
          ++attributes_;
          if (over_budget()) return false;
          state_ = State::name;
        }
        break;
      case State::name:
        if (c == '>') {
          end_tag();
        } else if (c == '=') {
          state_ = State::after_equals;
        } else if (is_blank(c)) {
          state_ = State::in_tag;
        }
        break;
      case State::after_equals:
        if (c == '"' || c == '\'') {
          quote_ = c;
          state_ = State::quoted;
        } else if (c == '>') {
          end_tag();
        } else if (!is_blank(c)) {
          state_ = State::unquoted;
        }
        break;
      case State::quoted:
        if (c == quote_) state_ = State::in_tag;
        break;
      case State::unquoted:
        if (c == '>') {
          end_tag();
        } else if (is_blank(c)) {
          state_ = State::in_tag;
        }
        break;
    }
  }
  return true;
}

std::optional<Error> scan_attributes(std::string_view bytes, AttributeScan::Grammar grammar,
                                     std::string_view what) {
  AttributeScan scan(grammar, what);
  if (scan.feed(bytes)) return std::nullopt;
  return scan.error();
}

std::optional<Error> scan_for_tree(std::string_view bytes, AttributeScan::Grammar grammar,
                                   std::string_view what) {
  AttributeScan scan(grammar, what);
  if (!scan.feed(bytes)) return scan.error();
  if (scan.start_tags() <= kMaxTreeElements) return std::nullopt;
  return make_error(ErrorKind::too_large,
                    std::string(what) + " holds " + std::to_string(scan.start_tags()) +
                        " elements, more than the " + std::to_string(kMaxTreeElements) +
                        " its reader keeps in memory",
                    "Nội dung có quá nhiều thẻ (" + std::to_string(scan.start_tags()) +
                        ", tối đa " + std::to_string(kMaxTreeElements) + "), không đọc được");
}

long ScannedSource::read(char* buffer, std::size_t size) {
  const long read = source_.read(buffer, size);
  if (read > 0 && !scan_.feed(std::string_view(buffer, static_cast<std::size_t>(read)))) return -1;
  return read;
}

}  // namespace vanban::indexer::detail
