// A body's text reposted on a portal without its header (session 32, unseen26 studied): what
// the repost's own words still say of the document. A lead introduces the text in its first
// sentence; the repost's closing attribution names the document by its type, number and body;
// the sentence that announces the content ("..., <body> xây dựng lịch ... như sau:") names its
// author whatever its verb.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "structure/layout.hpp"
#include "structure/tables.hpp"

namespace vanban::analyzers::structure {

// True when `at` lies in the first sentence of `paragraph`: no full stop before it ends a
// sentence (". " and a capital, a short abbreviation's dot aside: "TP. Hồ Chí Minh").
bool in_first_sentence(std::string_view paragraph, std::size_t at);

// "(Công văn số 51 của HĐND huyện)", "(Thông báo số 12/TB-UBND ngày 05/3/2021 của UBND xã)":
// a repost's attribution in brackets under the text, naming the document it reposts (the
// portal's byline may run onto it after the bracket). The body named by its level alone takes
// the one place the text gives that level; nullopt fields where it gives none.
struct Attribution {
  const DocumentType* type = nullptr;
  std::string number;  // as the attribution writes it: a symbol, or the register number alone
  std::optional<std::string> date;
  std::optional<std::string> issuer;
};
std::optional<Attribution> closing_attribution(const Layout& layout);

// The author a headless text's announcing sentence names: "Thực hiện ..., Thường trực HĐND
// huyện xây dựng lịch tiếp công dân ... như sau:" (a verb of making the text as ND30 Phụ lục
// III's plans and schedules open: xây dựng, lập). A body named by its level alone takes the
// one place `text` gives that level; nullopt when it gives none or several.
std::optional<std::string> announcing_author(std::string_view sentence, std::string_view text);

// The trích yếu a lead quotes after the number it names, in the words "V/v" stands for (ND30
// Phụ lục I, ô 5b): "... số 473/STP-PBGDPL về việc hướng dẫn ... năm 2020, cụ thể như sau:" →
// "hướng dẫn ... năm 2020". `rest` is what follows the number; nullopt when it opens otherwise.
std::optional<std::string> lead_subject(std::string_view rest);

}  // namespace vanban::analyzers::structure
