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
// huyện xây dựng lịch tiếp công dân ... như sau:" (a verb of making the text, ND30 Phụ lục
// III's openings: xây dựng, ban hành, lập, quy định). A body named by its level alone takes the
// one place `text` gives that level; nullopt when it gives none or several.
std::optional<std::string> announcing_author(std::string_view sentence, std::string_view text);

}  // namespace vanban::analyzers::structure
