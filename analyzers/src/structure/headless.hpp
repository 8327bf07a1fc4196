// A text that lost its header: what the rest of its reading order names (headless.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "structure/layout.hpp"
#include "structure/tables.hpp"

namespace vanban::analyzers::structure {

struct HeadlessIdentity {
  const DocumentType* type = nullptr;
  std::optional<std::string> number;
  std::optional<std::string> date;          // ISO
  std::optional<std::string> issuer;        // proper case, from the enacting authority's line
  std::optional<std::string> title;         // a letter's subject, from a portal's headline
  std::optional<std::string> signer;        // a lead's "<post> <name> đã ký ban hành ..."
  std::optional<std::string> signer_title;  // that post, as the lead writes it
  bool salutation = false;                  // a "Kính gửi:" line among the first (ô 9a)
  // What a headline gives after its type name in running case ("Thông báo treo cờ Tổ quốc ..."
  // → "treo cờ Tổ quốc ..."): a title only where the text confirms the type the headline names.
  std::optional<std::string> headline_subject;
  // The same, its first word in capitals as a headline's title case sets it ("Thông báo Lịch
  // tiếp công dân ..."): a title only where the text's announcing sentence names its author.
  std::optional<std::string> headline_capital_subject;
  // The same words whatever follows the headline: a title where a lead restates them.
  std::optional<std::string> headline_rest;
  // What an introducing lead says after the number it names ("... số 55-HD/BTGTW về tuyên
  // truyền ..."): where the lead restates the trích yếu, if it does.
  std::string lead_after_number;
  bool portal_title = false;  // read from a portal's title line (identity_from_portal_title)
};

// Read from the lines of `layout`; `body_line` is where the body starts.
HeadlessIdentity identify_headless(const Layout& layout, std::size_t body_line);

// The heading in capitals that names a text whole (the Official Gazette's, an archive's reprint:
// "NGHỊ QUYẾT SỐ 214 NQ/UBTVQH9 NGÀY 26-8-1994" / "CỦA <issuer> <trích yếu>"), or a reprinted
// page's title "<Type> số <number> (<year>)": what it names, empty when the text has none.
HeadlessIdentity identity_from_heading(const Layout& layout);

// A portal's title line over a copy of a document without its header ("Quyết định 1234/QĐ-UBND
// năm 2023 phê duyệt ...", "Kế hoạch số 32/KH-UBND ngày 12/3/2024 của UBND huyện X về ..."):
// what it names, empty when the page has no such line over the document's own text.
HeadlessIdentity identity_from_portal_title(const Layout& layout);

// A question-and-answer page (a portal's "Hỏi đáp", a citizen's petition and the body's reply):
// the line of the answer's label ("Trả lời:", "THÔNG TIN PHẢN HỒI", "Nội dung trả lời:") among
// the text's opening lines, after some text above it (the question); the number of lines when
// there is none. What stands above it is the asker's, not the answering document's.
// A portal's posting line ("Ngày cập nhật 03/05/2021", "02/03/2020 11:25 SA"): the page's, not
// the document's.
bool posting_line(std::string_view line);
// A subject whose last line `end` runs into the portal's print button over its posting line
// ("... trong huyện In trang" / "02/03/2020 11:25 SA") loses the button's words.
void drop_print_button(std::string& title, const Layout& layout, std::size_t end);
std::size_t answer_label_line(const Layout& layout);

// A form's unit label in place of ô 2 ("Đơn vị: Trường Mầm non An Lạc", as the disclosure and
// accounting forms head a unit's tables): the body it names, among the text's first lines;
// nullopt for a unit of measure ("Đơn vị tính: đồng") or a label that names no body.
std::optional<std::string> unit_label_issuer(const Layout& layout);

// One of the most common Vietnamese family names, as written in running text ("Nguyễn").
bool is_family_name(std::string_view word);

// The value a legal portal's metadata table gives a label ("Số hiệu:", "Nơi ban hành:") in the
// text's opening lines, or nullopt.
std::optional<std::string> portal_value(const Layout& layout, std::string_view label);

}  // namespace vanban::analyzers::structure
