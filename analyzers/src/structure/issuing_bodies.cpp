#include "vanban/analyzers/issuing_bodies.hpp"

#include <optional>

#include "body_names.hpp"
#include "text.hpp"

namespace vanban::analyzers {
namespace {

using structure::known_name_at;
using structure::NameKind;

// Where a known body's name that starts at `pos` ends, or nullopt.
std::optional<std::size_t> body_end(std::string_view text, std::size_t pos) {
  const auto name = known_name_at(text, pos);
  if (!name || name->kind != NameKind::body) return std::nullopt;
  return name->end;
}

// A separator of joint bodies' names starting at `pos` (spaces, then a dash, a comma, a
// semicolon or the word "và", then spaces): where the next name starts, or nullopt.
std::optional<std::size_t> separator_end(std::string_view text, std::size_t pos) {
  std::size_t at = pos;
  while (at < text.size() && text[at] == ' ')
    ++at;
  const std::string_view rest = text.substr(at);
  std::size_t after = 0;
  if (rest.starts_with("-") || rest.starts_with(",") || rest.starts_with(";"))
    after = at + 1;
  else if (rest.starts_with("–") || rest.starts_with("—"))  // en and em dashes
    after = at + std::string_view("–").size();
  else if (at > pos && rest.starts_with("và "))
    after = at + std::string_view("và").size();
  else
    return std::nullopt;
  while (after < text.size() && text[after] == ' ')
    ++after;
  return after < text.size() ? std::optional(after) : std::nullopt;
}

// "Bộ", "Sở": the head of a ministry's or department's name, which the "liên Bộ" form writes
// once before the fields ("Liên Bộ Tài chính - Giao thông vận tải", "liên Bộ: Lao động Thương
// binh và Xã hội - Tài chính - Y tế").
constexpr std::string_view kHeads[] = {"Bộ", "Sở"};

struct Reader {
  std::string_view text;
  std::string_view head;  // set in the "liên Bộ" form

  // The name of a body starting at `pos`, as written (with the head a "liên Bộ" form left
  // out), and where it ends in `text`.
  std::optional<std::pair<std::string, std::size_t>> name_at(std::size_t pos) const {
    if (const auto end = body_end(text, pos))
      return std::pair{std::string(text.substr(pos, *end - pos)), *end};
    if (head.empty()) return std::nullopt;
    const std::string headed = std::string(head) + " " + std::string(text.substr(pos));
    const auto end = body_end(headed, 0);
    if (!end || *end <= head.size() + 1) return std::nullopt;
    return std::pair{headed.substr(0, *end), pos + (*end - head.size() - 1)};
  }
};

}  // namespace

std::vector<std::string> issuing_bodies(std::string_view issuer) {
  const std::string_view whole = structure::trim(issuer);
  std::vector<std::string> single{std::string(whole)};
  Reader reader{whole, {}};
  std::size_t pos = 0;
  // "Liên Bộ ...", "liên Bộ: ...", "Liên Sở ...": joint bodies of one kind.
  for (const std::string_view joint : {std::string_view("Liên "), std::string_view("liên ")}) {
    if (!whole.starts_with(joint)) continue;
    pos = joint.size();
    for (const std::string_view head : kHeads) {
      const std::string_view after = whole.substr(pos);
      if (!after.starts_with(head)) continue;
      const std::string_view next = after.substr(head.size());
      if (next.starts_with(":")) {
        reader.head = head;
        pos += head.size() + 1;
        while (pos < whole.size() && whole[pos] == ' ')
          ++pos;
      } else if (next.starts_with(" ")) {
        reader.head = head;
      }
    }
  }
  std::vector<std::string> bodies;
  while (pos < whole.size()) {
    auto name = reader.name_at(pos);
    if (!name) return single;
    // The part runs on (a place, a level: "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu") to the
    // next separator that a body's name follows.
    std::string part = std::move(name->first);
    std::size_t end = whole.size();
    std::size_t next = whole.size();
    for (std::size_t at = name->second; at < whole.size(); ++at) {
      const auto starts = separator_end(whole, at);
      if (starts && reader.name_at(*starts)) {
        end = at;
        next = *starts;
        break;
      }
    }
    part += whole.substr(name->second, end - name->second);
    bodies.emplace_back(structure::trim(part));
    pos = next;
  }
  return bodies.size() < 2 ? single : bodies;
}

}  // namespace vanban::analyzers
