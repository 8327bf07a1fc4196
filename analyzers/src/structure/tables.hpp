// The linguistic resources of the structure extractor, as data: document types and their
// codes (ND30 Phụ lục III, Party HD36/HD05), issuer abbreviations, names of bodies and posts.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace vanban::analyzers::structure {

struct DocumentType {
  std::string_view name;        // "Kế hoạch"
  std::string_view state_code;  // "KH"; empty when the State has none (Công văn, Luật)
  std::string_view party_code;  // "KH"; empty when the Party has none
  bool cited_by_name = false;  // Luật, Bộ luật, Pháp lệnh, Hiến pháp: cited by name, no number
  bool heads_documents = true;  // may stand as the type title of a document ("Văn bản": no)
};

// Every type, longest names first so that "Thông tư liên tịch" wins over "Thông tư".
std::span<const DocumentType> document_types();

// The type whose name is `name` (compared case-insensitively, diacritics kept).
const DocumentType* type_by_name(std::string_view name);
// A line in capitals that opens with a type name and goes on: a type heading and its title on
// one line ("KẾ HOẠCH TỔ CHỨC ...", ND30 ô 5a), no header cell whatever names it holds.
bool opens_with_type_heading(std::string_view line);
// The type named by the first segment of a symbol ("KH" of "32/KH-UBND", "QĐi" of
// "11-QĐi/TW"); case-sensitive, per ND30 (HD ≠ HĐ). `party` selects the Party table.
const DocumentType* type_by_code(std::string_view code, bool party);
// The one way the type tables (State, Party, aliases) write the code whose folded form is
// `folded_code` ("qd" → "QĐ", "qdi" → "QĐi"); nullopt for no code or for two written apart
// only by what folding drops ("hd": the Party's HD, the State's HĐ).
std::optional<std::string_view> written_type_code(std::string_view folded_code);
// The one type whose code folds to `folded_code` ("qd" for a "QĐ" whose stroke was lost), or
// nullptr when none or several do.
const DocumentType* type_by_folded_code(std::string_view folded_code, bool party);
// True when a document of `type` may carry `code` in its number: its own code, or one it shares
// with another type (the Party's quy định written `QĐ` as its quyết định).
bool type_may_carry_code(const DocumentType& type, std::string_view code, bool party);

// True when `code` names a type in the State table or its field aliases, as written ("NQ",
// "KH", "QĐ"; not "nq"). The folded variant takes a symbol key's lower-case ASCII code ("nq",
// "qd" of "QĐ") and accepts a code whose folded form is one of those.
bool is_state_type_code(std::string_view code);
bool is_folded_state_type_code(std::string_view folded_code);
// The same for the Party's table ("qd", "kh", "tb", "qc" ...).
bool is_folded_party_type_code(std::string_view folded_code);

// Administrative levels (docs/domain.md §1.5, §2.1): "thành phố", "tỉnh", "xã" ... In proper-cased
// names the words after one are a place name; in running text one opens a place name.
std::span<const std::string_view> administrative_levels();
// The abbreviations of the table of abbreviations that stand for a level ("TP.", "TX"), as
// written: a reader of level words in bodies' names and places takes them with the levels.
std::span<const std::string_view> administrative_level_abbreviations();

// The provinces and centrally run cities by name ("Hà Nội", "Bà Rịa - Vũng Tàu", "Huế"): the
// 63 of the national list of administrative units and Huế (a city since 2025).
std::span<const std::string_view> province_names();

// Full form of an abbreviation used in issuer names ("UBND" → "Ủy ban nhân dân"), or nullopt.
std::optional<std::string_view> expand_abbreviation(std::string_view word);

// Proper case of a body or post name written in upper case ("ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ" →
// "Ủy ban nhân dân thành phố Huế", "KT. CHỦ TỊCH" → "KT. Chủ tịch"), following ND30 Phụ lục II:
// known names from a table, place names after an administrative level word capitalised.
// Text that is not all upper case is returned with its abbreviations expanded only.
std::string proper_case_name(std::string_view text);

// A body's name that proper_case_name gave from capitals (ô 2 of ND30 sets it so), with the
// capitals of the words no table fixed as the document's own text writes that name: "Trường
// Đại học công thương" → "Trường Đại học Công Thương" where the text says "Trường Đại học Công
// Thương ban hành ..."; "Hội đồng Định giá tỉnh X" → "Hội đồng định giá tỉnh X" where it says
// "Hội đồng định giá". Each such word goes by the majority of the name's occurrences in `text`,
// leaving out those in capitals or with every word capitalised (headings); known names, levels
// and places keep the table's case, so one body stays one facet value. A name capitals would not
// give, or one found nowhere, is returned as it is.
std::string spelled_as_in_text(const std::string& name, std::string_view text);
// A body's name from running text with the known names in it that were typed in title case
// ("Trường Mầm Non Sơn Ca") written as the table writes them ("Trường Mầm non Sơn Ca", ND30 Phụ
// lục II); every other word as it is.
std::string with_known_names_as_written(std::string_view name);

// The issuer with its place name written as ô 4's place (`place`, "Cẩm Xuyên") where the two
// are one name whose marks differ beyond the tone's placement ("huyện Cảm Xuyên": a mark an OCR
// engine slipped on the header's capitals); the issuer as it is otherwise. ND30 names in ô 4 the
// administrative unit where the issuer sits, so a local body's own place is that name.
std::string with_place_marks_of(const std::string& issuer, std::string_view place);

// A title set in capitals in sentence case, proper nouns kept capitalised (ND30 Phụ lục II):
// names of bodies from the table ("Quốc hội", "Việt Nam", "Ủy ban nhân dân"), and the place
// name after an administrative level ("TỈNH QUẢNG NAM" → "tỉnh Quảng Nam"). "NGƯỜI LAO ĐỘNG
// VIỆT NAM ĐI LÀM VIỆC Ở NƯỚC NGOÀI" → "Người lao động Việt Nam đi làm việc ở nước ngoài".
std::string proper_case_title(std::string_view capitals);

// Whether `text` opens with an abbreviation of the table ("UBNDTHÀNH ..." opens with "UBND").
bool opens_with_abbreviation(std::string_view text);

// Abbreviations expanded ("UBND xã Đại Sơn" → "Ủy ban nhân dân xã Đại Sơn"); text kept.
std::string expand_abbreviations(std::string_view text);

// True when a line ends inside a phrase, so that the next line goes on with it whatever its
// first letter: a preposition or conjunction ("... giữa Chủ tịch UBND xã với"), a joiner ("2026
// -", "..., "), or a type name waiting for its name ("... của Luật").
bool ends_mid_phrase(std::string_view text);

// Signing authority prefixes: "TM.", "KT.", "TL.", "TUQ.", "Q.", "T/M", "K/T", "T/L".
// Returns the prefix length in bytes (with the dot/slash), 0 when the text has none.
std::size_t authority_prefix_length(std::string_view text);

}  // namespace vanban::analyzers::structure
