// The parts of the structure extractor, one file each: header zone, title, signature block,
// recipients, issuer from the body.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "structure/layout.hpp"
#include "structure/tables.hpp"

namespace vanban::analyzers::structure {

// Ô 1-5 of ND30: issuer, number, place and date, type and title (trích yếu).
struct Header {
  bool party = false;                 // "ĐẢNG CỘNG SẢN VIỆT NAM" or a Party number
  std::optional<std::string> issuer;  // proper case, abbreviations expanded
  std::optional<std::string> number;  // "32/KH-UBND", "/UBND-VHXH" when blank
  std::optional<std::string> place;
  std::optional<std::string> date;  // ISO, "2026-01" with a blank day
  const DocumentType* type = nullptr;
  std::optional<std::string> type_code;
  std::optional<std::string> title;
  std::size_t body_line = 0;  // first line after the header and title
  // Number and date read from a portal's card under the type heading, no ô 1-4 above it: the
  // lines above the heading are the page's, not an issuer's cell.
  bool card = false;
};
Header analyze_header(const Layout& layout);

// The type title line ("KẾ HOẠCH", "NGHỊ ĐỊNH") among the first lines; npos when absent.
std::size_t find_type_line(const Layout& layout, const DocumentType** type,
                           std::string* rest_of_line);

// Ô 7: authority, post and name of the signer.
struct Signature {
  std::optional<std::string> signer;
  std::optional<std::string> signer_title;
  std::optional<std::string> signing_authority;  // "TM. Ủy ban nhân dân, KT. Chủ tịch"
  std::optional<std::string> collective;  // "Ủy ban nhân dân" of "TM. ỦY BAN NHÂN DÂN"
  std::size_t line = static_cast<std::size_t>(-1);  // where the block starts; -1 when none
};
Signature analyze_signature(const Layout& layout, std::size_t from_line);

// The signer a web page states above the document ("Người ký: | Lê Quang Trung |", "Người ký
// Nguyễn Thị Thanh Lịch"), for copies whose signature block is missing; the name must look like
// a person's. nullopt when the page states none.
std::optional<std::string> signer_from_page(std::string_view text);

// The signer of a copy that kept the name and the mark of the signature ("(Đã ký)", a copy's
// note where the signature stood) but lost the post: the person's name just above or just below
// the mark, after the body starts. nullopt when there is none.
std::optional<std::string> signer_by_signed_mark(const Layout& layout, std::size_t from_line);

// Ô 9: "Kính gửi:" and "Nơi nhận:" lists, without the "Lưu: ..." line.
// `signature_line` (the signature block's first line, or -1) picks the "Nơi nhận" of the
// document itself rather than one of a form in an appendix.
std::vector<std::string> find_recipients(const Layout& layout, std::size_t signature_line);

// The issuer named in the opening sentence of a body: "Ủy ban nhân dân (UBND) thành phố Huế
// ban hành Kế hoạch ...", "UBND xã Đại Sơn xây dựng Kế hoạch ...".
// `named`, when given, receives the type the sentence introduces, unless a number follows it
// ("ban hành Kế hoạch số 12/KH-UBND" cites another text; "xây dựng Kế hoạch tiếp xúc cử tri ..."
// names this one).
std::optional<std::string> issuer_from_body(std::string_view flowed_body, const DocumentType* type,
                                            const DocumentType** named = nullptr);

// A letter's request (ND30 Mẫu 1.5: the body of a công văn, after "Kính gửi:", has its body
// ask, instruct or require): "<body> đề nghị ...", "..., <body> yêu cầu ...", "<body> hướng dẫn
// ... như sau:". The body, at the start of the sentence or of the clause after its grounds (a
// comma), its head's post or its standing committee dropped ("Ban Thường vụ Hội Khuyến học X"
// → "Hội Khuyến học X"); nullopt when no clause of `line` opens with a body before such a verb.
std::optional<std::string> requesting_body(std::string_view line);

// A resolution's or a law's adopting sentence, closing its text (Luật Ban hành VBQPPL; ND30
// Mẫu 1.1): "<Type> này đã được <body> khóa XVI, kỳ họp thứ 24 thông qua ngày ...". The body
// (its term and session dropped) and the type; nullopt when `flowed_body` has no such sentence.
struct Adoption {
  const DocumentType* type = nullptr;
  std::string body;
};
std::optional<Adoption> adopting_body(std::string_view flowed_body);

// A notice's announcing sentence, "<body> thông báo <what> như sau:" (the Thông báo of ND30
// Phụ lục III: the issuing body says what it notifies, then the content): the body, its head's
// post dropped ("Chủ tịch HĐND huyện X" → "Hội đồng nhân dân huyện X"); nullopt for any other
// line, and for a closing formula whose body is named by its level alone ("Văn phòng UBND tỉnh
// thông báo đến ... biết"). `formula`, when given, is set when the line holds the formula at all,
// whatever names the body; `level_only`, when given, receives such a body named by its level
// alone (its place to be found elsewhere in the text).
//
// `verb` is the type's verb: " thông báo " by default; " hướng dẫn " reads a guidance's
// announcing sentence ("<body> hướng dẫn <whom> thực hiện ... như sau:", the Hướng dẫn of ND30
// Phụ lục III opens so), its announcing form only.
std::optional<std::string> notifying_body(std::string_view line, bool* formula = nullptr,
                                          std::string* level_only = nullptr,
                                          std::string_view verb = " thông báo ");

// The type a number's symbol names: "KH" of "32/KH-UBND", "QĐi" of "11-QĐi/TW"; a State
// symbol without a year that starts with an issuer code is a Công văn's (ND30). `code` gets the
// type segment as written.
const DocumentType* type_from_number(std::string_view number, bool party, std::string* code);

// True when the (proper-case or upper-case) text starts with the name of a kind of body:
// "Ủy ban nhân dân", "Sở", "Văn phòng", "Đảng ủy", "UBND" ...
bool starts_with_body_name(std::string_view text);

}  // namespace vanban::analyzers::structure
