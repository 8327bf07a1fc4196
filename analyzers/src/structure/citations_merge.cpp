// From mentions to citations: footnote markers, footnote details, one citation per instrument.
#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/law_display.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "structure/citation_cursor.hpp"
#include "structure/citations.hpp"
#include "structure/law_names.hpp"
#include "structure/tables.hpp"
#include "structure/text.hpp"

namespace vanban::analyzers {

std::string law_key(std::string_view name) {
  // A law's name written with a common abbreviation of a body's name ("Luật MTTQ Việt Nam",
  // ND30's "cụm từ thông dụng") is the same name spelled out ("Luật Mặt trận Tổ quốc Việt
  // Nam"): one key. Only whole words in capitals that the table knows are spelled out.
  std::string spelled;
  for (std::string_view word : structure::split_words(name)) {
    if (!spelled.empty()) spelled.push_back(' ');
    const auto full = word.size() > 1 ? structure::expand_abbreviation(word) : std::nullopt;
    spelled += full ? *full : word;
  }
  std::string key = "luat:" + structure::fold_key(spelled);
  // The amending formula's punctuation is no part of a name: "sửa đổi bổ sung", "sửa đổi.
  // bổ sung" (an OCR engine's dot for the comma) and "bổ sung: một số điều" are the one
  // formula as ND30 spells it, "sửa đổi, bổ sung", so one law keeps one key.
  static constexpr std::string_view kAmend = "sua doi";
  static constexpr std::string_view kAdd = "bo sung";
  for (std::size_t at = key.find(kAmend); at != std::string::npos;
       at = key.find(kAmend, at + kAmend.size())) {
    std::size_t p = at + kAmend.size();
    if (p < key.size() && (key[p] == ',' || key[p] == '.' || key[p] == ':')) ++p;
    if (p >= key.size() || key[p] != ' ') continue;
    ++p;
    if (key.compare(p, kAdd.size(), kAdd) != 0) continue;
    std::size_t end = p + kAdd.size();
    if (end < key.size() && key[end] == ':') ++end;
    if (end < key.size() && key[end] != ' ') continue;
    key.replace(at, end - at, "sua doi bo sung");
  }
  // No two laws differ by a comma alone, but citing texts put one in or leave it out ("Luật An
  // toàn, vệ sinh lao động", "Luật An toàn vệ sinh lao động"; "Luật Thi đua, khen thưởng",
  // "Luật Thi đua Khen thưởng"): a law's key holds its name's words, not their commas.
  std::string words;
  words.reserve(key.size());
  for (char c : key) {
    if (c == ',') c = ' ';
    if (c == ' ' && (words.empty() || words.back() == ' ')) continue;
    words.push_back(c);
  }
  if (!words.empty() && words.back() == ' ') words.pop_back();
  return words;
}

namespace {

// Whether the type word of a law cited by name ("Luật", "Bộ luật", "Pháp lệnh", in any case)
// opens `text` at byte `at`, a space after it.
bool law_type_at(std::string_view text, std::size_t at) {
  for (const structure::DocumentType& type : structure::document_types()) {
    if (!type.cited_by_name) continue;
    const std::size_t size = type.name.size();
    if (at + size < text.size() && text[at + size] == ' ' &&
        structure::fold_key(text.substr(at, size)) == structure::fold_key(type.name))
      return true;
  }
  return false;
}

// One law's name with the commas the table of law names writes between its words, when the
// table knows it; the words keep the case the text gave them (the table, read from the
// gazette's metadata, does not always write a proper noun's capital). The name's first word
// after the type word takes its capital (ND30 Phụ lục II: "Luật Tổ chức Quốc hội"), except the
// amending formula's "sửa đổi" and a constitution's "nước".
std::string known_or_given(std::string_view name) {
  std::string out(name);
  if (const auto known = structure::known_law_name(name)) {
    const std::vector<std::string_view> given = structure::split_words(name);
    const std::vector<std::string_view> table = structure::split_words(*known);
    if (given.size() == table.size()) {
      out.clear();
      for (std::size_t i = 0; i < given.size(); ++i) {
        std::string_view word = given[i];
        while (!word.empty() && word.back() == ',')
          word.remove_suffix(1);
        if (!out.empty()) out.push_back(' ');
        out += word;
        if (table[i].ends_with(',')) out.push_back(',');
      }
    }
  }
  const std::size_t type_end = out.find(' ');
  const std::string type_key = structure::fold_key(std::string_view(out).substr(0, type_end));
  std::size_t first = type_end == std::string::npos ? out.size() : type_end + 1;
  if (type_key == "bo") first = std::min(out.size(), out.find(' ', first) + 1);  // "Bộ luật"
  if (type_key == "hien" || first >= out.size() ||
      structure::fold_key(std::string_view(out).substr(first)).starts_with("sua doi"))
    return out;
  std::size_t length = 0;
  structure::code_point_at(out, first, &length);
  const std::string letter = out.substr(first, length);
  return out.substr(0, first) + structure::upper(letter) + out.substr(first + length);
}

}  // namespace

std::string canonical_law_name(std::string_view name) {
  const std::string trimmed(structure::trim(name));
  if (structure::known_law_name(trimmed)) return known_or_given(trimmed);
  // "Luật sửa đổi, bổ sung một số điều của Luật A, Luật B và Luật C": the Assembly's formula in
  // running case, then the laws it amends, each parted from the next by ", " or " và " before
  // its type word.
  const std::size_t type_end = trimmed.find(' ');
  if (type_end == std::string::npos || !law_type_at(trimmed, 0)) return trimmed;
  std::size_t formula = type_end + 1;
  if (structure::fold_key(std::string_view(trimmed).substr(0, formula)) == "bo ") {
    formula = trimmed.find(' ', formula);  // "Bộ luật"
    if (formula == std::string::npos) return trimmed;
    ++formula;
  }
  if (!structure::has_lower_letter(trimmed)) return trimmed;  // a name in capitals: its own rule
  if (!structure::fold_key(std::string_view(trimmed).substr(formula)).starts_with("sua doi"))
    return known_or_given(trimmed);
  std::string out = trimmed;
  out[formula] = 's';
  const std::size_t of = out.find(" của ");
  if (of == std::string::npos) return out;
  std::string respelled = out.substr(0, of + std::string_view(" của ").size());
  static constexpr std::string_view kAnd = " và ";
  std::size_t start = respelled.size();
  if (!law_type_at(out, start)) return out;
  for (std::size_t at = start; at <= out.size(); ++at) {
    std::size_t next_name = std::string::npos;
    std::size_t part_end = out.size();
    if (at < out.size()) {
      if (out.compare(at, 2, ", ") == 0 && law_type_at(out, at + 2)) {
        part_end = at;
        next_name = at + 2;
      } else if (out.compare(at, kAnd.size(), kAnd) == 0 && law_type_at(out, at + kAnd.size())) {
        part_end = at;
        next_name = at + kAnd.size();
      } else {
        continue;
      }
    }
    respelled += known_or_given(std::string_view(out).substr(start, part_end - start));
    if (next_name == std::string::npos) break;
    respelled += out.substr(part_end, next_name - part_end);
    start = next_name;
    at = next_name - 1;
  }
  return respelled;
}

}  // namespace vanban::analyzers

namespace vanban::analyzers::structure {
namespace {

// "23-QĐ/TW1" → candidates ("23-QĐ/TW", 1): the digits the scanner saw glued to the last code.
std::vector<std::pair<std::string, int>> marker_splits(const std::string& number,
                                                       std::size_t marker_digits) {
  std::vector<std::pair<std::string, int>> splits;
  for (std::size_t k = 1; k <= marker_digits && k < number.size(); ++k) {
    const std::size_t cut = number.size() - k;
    splits.emplace_back(number.substr(0, cut), std::stoi(number.substr(cut)));
  }
  return splits;
}

int detail_count(const Citation& citation) {
  return static_cast<int>(citation.number.has_value()) +
         static_cast<int>(citation.date.has_value()) +
         static_cast<int>(citation.issuer.has_value()) +
         static_cast<int>(citation.title.has_value());
}

// The year of a normative symbol's key ("2024" of "41/2024/qh15"), or nullopt.
std::optional<std::string_view> year_of_key(std::string_view key) {
  const std::size_t slash = key.find('/');
  if (slash == std::string_view::npos || key.size() < slash + 6 || key[slash + 5] != '/')
    return std::nullopt;
  const std::string_view year = key.substr(slash + 1, 4);
  if (!std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return year;
}

struct Group {
  Citation citation;
  std::optional<std::string> law_key;
  std::size_t position = 0;
  int text_score = -1;
};

// The keys a group or mention is known by: its number's key and its law's key (a law cited by
// name has the two equal). Two mentions of one instrument share one of them.
std::vector<std::string> match_keys(const std::optional<std::string>& number_key,
                                    const std::optional<std::string>& law_key) {
  std::vector<std::string> keys;
  if (number_key) keys.push_back(*number_key);
  if (law_key && law_key != number_key) keys.push_back(*law_key);
  return keys;
}

// Finds, for a mention, the first group of the same instrument: one that shares a key and whose
// date agrees. Administrative numbers repeat every year, so two dates that differ are two
// documents; a year alone ("Bộ luật Lao động năm 2019") or a month agrees with a full date of
// that year (one date is a prefix of the other); no date agrees with any. Groups are looked up
// by key and by date or date prefix, so a document citing thousands of instruments (or one
// number with thousands of dates) merges in n log n, not n².
class GroupIndex {
 public:
  void add(const Group& group, std::size_t index) { update(group, index, true); }
  void remove(const Group& group, std::size_t index) { update(group, index, false); }

  // `other_number`: whether the group at an index carries a number other than the mention's.
  // A law's name is shared by its versions ("Luật Tổ chức chính quyền địa phương" 77/2015/QH13
  // and 72/2025/QH15): a name joins two mentions only when their numbers do not differ.
  std::optional<std::size_t> find(
      const Mention& mention, const std::function<bool(std::size_t)>& same_year = nullptr,
      const std::function<bool(std::size_t)>& other_number = nullptr) const {
    std::optional<std::size_t> best;
    const auto consider = [&](const std::set<std::size_t>* indices, bool by_name) {
      if (!indices) return;
      // A bounded look past groups of other numbers, so that a hostile text of one name with
      // thousands of numbers stays n log n.
      int looked = 0;
      for (const std::size_t index : *indices) {
        if (best && index >= *best) return;
        if (!by_name || !other_number || !other_number(index)) {
          best = index;
          return;
        }
        if (++looked == 8) return;
      }
    };
    const std::optional<std::string>& date = mention.citation.date;
    for (const std::string& key : match_keys(mention.citation.number_key, mention.law_key)) {
      const auto found = keys_.find(key);
      if (found == keys_.end()) continue;
      const PerKey& groups = found->second;
      const bool by_name = key == mention.law_key;
      if (!date) {
        consider(&groups.all, by_name);
        continue;
      }
      consider(&groups.undated, by_name);
      consider(lookup(groups.by_prefix, *date), by_name);  // the group's date extends this one
      for (std::size_t length = 1; length < date->size(); ++length)
        consider(lookup(groups.by_date, date->substr(0, length)), by_name);  // a prefix of it
    }
    if (best || !same_year) return best;
    // A body numbers its documents afresh each year (ND30 Điều 15: the number runs through the
    // year), so one symbol with two days of one year, cited by the same issuer (or with no
    // issuer said), is one document whose day a mention misread or mistyped ("Quyết định số
    // 1002/QĐ-TTg ngày 24 tháng 3 năm 2025" and "... ngày 24 tháng 5 năm 2025"). Symbols only:
    // a law cited by name has no such number.
    if (!date || date->size() < 4 || !mention.citation.number_key) return best;
    const auto found = keys_.find(*mention.citation.number_key);
    if (found == keys_.end()) return best;
    // The year's first group only: a bounded look, so that a hostile text of one symbol with
    // many issuers in one year stays n log n.
    if (const auto* indices = lookup(found->second.by_prefix, date->substr(0, 4));
        indices && !indices->empty() && same_year(*indices->begin()))
      return *indices->begin();
    return best;
  }

 private:
  using Indices = std::map<std::string, std::set<std::size_t>, std::less<>>;
  struct PerKey {
    std::set<std::size_t> all;
    std::set<std::size_t> undated;
    Indices by_date;    // by the group's date
    Indices by_prefix;  // by every prefix of the group's date, the whole date included
  };

  static const std::set<std::size_t>* lookup(const Indices& indices, std::string_view date) {
    const auto found = indices.find(date);
    return found == indices.end() ? nullptr : &found->second;
  }

  static void toggle(std::set<std::size_t>& indices, std::size_t index, bool present) {
    if (present) {
      indices.insert(index);
    } else {
      indices.erase(index);
    }
  }

  void update(const Group& group, std::size_t index, bool present) {
    const std::optional<std::string>& date = group.citation.date;
    for (const std::string& key : match_keys(group.citation.number_key, group.law_key)) {
      PerKey& groups = keys_[key];
      toggle(groups.all, index, present);
      if (!date) {
        toggle(groups.undated, index, present);
        continue;
      }
      toggle(groups.by_date[*date], index, present);
      for (std::size_t length = 1; length <= date->size(); ++length)
        toggle(groups.by_prefix[date->substr(0, length)], index, present);
    }
  }

  std::unordered_map<std::string, PerKey> keys_;
};

std::size_t relation_rank(std::string_view type) {
  const auto& types = relation_types();
  return static_cast<std::size_t>(std::find(types.begin(), types.end(), type) - types.begin());
}

// One relation per type: a second mention of the same role adds its part ("Điều 5; khoản 2
// Điều 8"), or makes it whole; a plain mention counts only when nothing else is said.
void add_relation(std::vector<Relation>& relations, const Relation& relation) {
  if (relation.type.empty()) return;
  const auto same = std::find_if(relations.begin(), relations.end(),
                                 [&](const Relation& r) { return r.type == relation.type; });
  if (same == relations.end()) {
    relations.push_back(relation);
  } else {
    if (!same->scope || !relation.scope) {
      same->scope.reset();
    } else if (same->scope->find(*relation.scope) == std::string::npos) {
      *same->scope += "; " + *relation.scope;
    }
    if (!same->from) same->from = relation.from;
  }
  if (relations.size() > 1)
    std::erase_if(relations, [](const Relation& r) { return r.type == kRelationMentions; });
  std::stable_sort(relations.begin(), relations.end(), [](const Relation& a, const Relation& b) {
    return relation_rank(a.type) < relation_rank(b.type);
  });
}

void merge_into(Group& group, const Mention& mention) {
  Citation& target = group.citation;
  const Citation& source = mention.citation;
  if (!target.number && source.number) {
    target.number = source.number;
    target.number_key = source.number_key;
  }
  if (source.date && (!target.date || source.date->size() > target.date->size()))
    target.date = source.date;
  if (!target.issuer) target.issuer = source.issuer;
  if (!target.type) target.type = source.type;
  if (source.title && (!target.title || source.title->size() > target.title->size()))
    target.title = source.title;
  if (!group.law_key) group.law_key = mention.law_key;
  add_relation(target.relations, mention.relation);
  const int score = detail_count(source);
  if (score > group.text_score) {
    group.text_score = score;
    target.text = source.text;
  }
  group.position = std::min(group.position, mention.position);
}

// True when a symbol's key ends with a code of letters after a separator ("102/2025/nqlt", not
// "36/2009").
bool ends_with_code(std::string_view key) {
  const std::size_t separator = key.find_last_of("/-");
  if (separator == std::string_view::npos || separator + 1 >= key.size()) return false;
  const std::string_view code = key.substr(separator + 1);
  return std::any_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A symbol's key in its parts: the number, the year when one follows it, then the codes
// ("16/kh-mttq-btt" → 16, -, {kh, mttq, btt}; "347-ct/tw" → 347, -, {ct, tw}).
struct KeyParts {
  std::string_view number;
  std::string_view year;
  std::vector<std::string_view> codes;
};

std::optional<KeyParts> key_parts(std::string_view key) {
  KeyParts parts;
  std::size_t at = 0;
  while (at < key.size() && key[at] >= '0' && key[at] <= '9')
    ++at;
  if (at == 0 || at >= key.size()) return std::nullopt;
  parts.number = key.substr(0, at);
  if (const auto year = year_of_key(key)) {
    parts.year = *year;
    at = key.find('/') + 5;
  }
  while (at < key.size()) {
    ++at;  // the separator
    const std::size_t end = std::min(key.find_first_of("/-", at), key.size());
    if (end == at) return std::nullopt;
    parts.codes.push_back(key.substr(at, end - at));
    at = end;
  }
  if (parts.codes.size() < 2) return std::nullopt;
  return parts;
}

// The same day, or one mention undated (a slipped symbol is one document only on one day; the
// short law names below accept a year against its day).
bool same_day_or_undated(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  return !a || !b || *a == *b;
}

// Folds `from` into `into`: the second mention of one document under a slipped symbol.
void absorb(Group& into, const Group& from) {
  for (const Relation& relation : from.citation.relations)
    add_relation(into.citation.relations, relation);
  if (!into.citation.date) into.citation.date = from.citation.date;
  if (!into.citation.issuer) into.citation.issuer = from.citation.issuer;
  into.position = std::min(into.position, from.position);
}

// A symbol a writer slipped on when citing a document again: the same number, year and type
// code with the issuers' codes in another order ("Kế hoạch số 16/KH-BTT-MTTQ" for the
// "16/KH-MTTQ-BTT" cited whole), or the same number, year and issuers' codes under the same
// type name with another type code ("Quyết định số 347-CT/TW" beside "Quyết định số 347-QĐ/TW"
// of the same day, "Quy định số 06-QĐ/TW" beside "Quy định số 06-QĐi/TW"), or with its
// separators swapped ("60/NQ-TW" for "60-NQ/TW"). A body numbers its
// documents once a year (ND30 Điều 15), so two such symbols whose dates agree are one
// document; the one kept is the first cited with a date, or whose type code is its type's.
void merge_slipped_symbols(std::vector<Group>& groups) {
  struct Entry {
    std::size_t index;
    KeyParts parts;
  };
  std::map<std::pair<std::string_view, std::string_view>, std::vector<Entry>> by_number;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (!groups[i].citation.number_key) continue;
    if (auto parts = key_parts(*groups[i].citation.number_key))
      by_number[{parts->number, parts->year}].push_back({i, std::move(*parts)});
  }
  std::vector<bool> merged(groups.size(), false);
  const auto code_fits = [&](const Group& group, std::string_view code) {
    if (!group.citation.type) return false;
    for (const DocumentType& type : document_types()) {
      if (type.name != *group.citation.type) continue;
      return fold_key(type.state_code) == code || fold_key(type.party_code) == code;
    }
    return false;
  };
  for (auto& [number, entries] : by_number) {
    // A bounded look: a text citing one number under many codes (a list of bodies' letters of
    // one number, a hostile text) is no slip, and stays linear.
    if (entries.size() < 2 || entries.size() > 8) continue;
    for (std::size_t a = 0; a < entries.size(); ++a) {
      for (std::size_t b = 0; b < entries.size(); ++b) {
        if (a == b || merged[entries[a].index] || merged[entries[b].index]) continue;
        Group& kept = groups[entries[a].index];
        const Group& slipped = groups[entries[b].index];
        if (!same_day_or_undated(kept.citation.date, slipped.citation.date)) continue;
        const KeyParts& k = entries[a].parts;
        const KeyParts& s = entries[b].parts;
        if (k.codes.size() != s.codes.size()) continue;
        bool same = false;
        if (k.codes.front() == s.codes.front()) {
          std::vector<std::string_view> ks(k.codes.begin() + 1, k.codes.end());
          std::vector<std::string_view> ss(s.codes.begin() + 1, s.codes.end());
          std::sort(ks.begin(), ks.end());
          std::sort(ss.begin(), ss.end());
          same = ks == ss && k.codes != s.codes;
        } else if (kept.citation.type && kept.citation.type == slipped.citation.type &&
                   std::equal(k.codes.begin() + 1, k.codes.end(), s.codes.begin() + 1)) {
          same = true;
        }
        // The Party's form and the State's written for one another ("Nghị quyết số 60/NQ-TW"
        // beside "Nghị quyết số 60-NQ/TW" of the same day): the same number and codes in the same
        // order under the same type name, only the separators swapped (HD 36-HD/VPTW numbers
        // "60-NQ/TW", ND30 "60/NQ-..."; a writer used to one form types the other).
        if (!same && k.codes == s.codes && kept.citation.type &&
            kept.citation.type == slipped.citation.type)
          same = true;
        if (!same) continue;
        // Which to keep: a date over none, then the type's own code, then the first cited.
        const bool kept_first = [&] {
          if (kept.citation.date.has_value() != slipped.citation.date.has_value())
            return kept.citation.date.has_value();
          const bool kept_fits = code_fits(kept, k.codes.front());
          const bool slipped_fits = code_fits(slipped, s.codes.front());
          if (kept_fits != slipped_fits) return kept_fits;
          return kept.position < slipped.position;
        }();
        if (!kept_first) continue;  // the pair is looked at the other way round
        absorb(kept, slipped);
        merged[entries[b].index] = true;
      }
    }
  }
  std::size_t index = 0;
  std::erase_if(groups, [&](const Group&) { return merged[index++]; });
}

// A code cut where a converter put a space into it ("01/2016/TT-BGD ĐT" read as
// "01/2016/TT-BGD") is the instrument whose whole code is cited elsewhere ("01/2016/TT-BGDĐT")
// when the dates agree (the cut one often lost its date with the rest of its code).
void drop_cut_codes(std::vector<Group>& groups) {
  std::map<std::string, std::optional<std::string>, std::less<>> dates_by_key;
  for (const Group& group : groups)
    if (group.citation.number_key) dates_by_key[*group.citation.number_key] = group.citation.date;
  std::erase_if(groups, [&](const Group& group) {
    if (!group.citation.number_key) return false;
    const std::string& key = *group.citation.number_key;
    // A code cut inside (a hyphen in it), or a symbol cut short after a whole code: a later
    // mention shortens a long joint symbol ("Nghị quyết liên tịch số 102/2025/NQLT" after
    // "102/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN"). A number and year alone name no code.
    const bool hyphened = key.find('-') != std::string::npos;
    if (!hyphened && !ends_with_code(key)) return false;
    for (auto longer = dates_by_key.upper_bound(key);
         longer != dates_by_key.end() && longer->first.starts_with(key); ++longer) {
      const char next = longer->first[key.size()];
      if (!hyphened && next != '/' && next != '-') continue;
      if (!group.citation.date || group.citation.date == longer->second) return true;
    }
    return false;
  });
}

// A code whose hyphen a PDF's text layer lost ("126/2024/NĐCP", "2769/UBNDNCKSTTHC") is the
// instrument the same text cites with it ("126/2024/NĐ-CP") when the dates agree (the one
// without a date agrees with any): one citation, written as the text writes it whole.
void drop_codes_without_hyphens(std::vector<Group>& groups) {
  const auto unhyphened = [](const std::string& key) {
    std::string out;
    out.reserve(key.size());
    for (const char c : key)
      if (c != '-') out.push_back(c);
    return out;
  };
  // Keys with hyphens, by their letters without them: how many hyphens, and the date.
  struct Whole {
    std::ptrdiff_t hyphens = 0;
    std::optional<std::string> date;
  };
  const auto hyphens_of = [](const std::string& key) {
    return std::count(key.begin(), key.end(), '-');
  };
  std::map<std::string, std::vector<Whole>, std::less<>> hyphened;
  for (const Group& group : groups)
    if (group.citation.number_key && group.citation.number_key->find('-') != std::string::npos)
      hyphened[unhyphened(*group.citation.number_key)].push_back(
          {hyphens_of(*group.citation.number_key), group.citation.date});
  if (hyphened.empty()) return;
  std::erase_if(groups, [&](const Group& group) {
    if (!group.citation.number_key) return false;
    const std::string& key = *group.citation.number_key;
    const auto found = hyphened.find(unhyphened(key));
    if (found == hyphened.end()) return false;
    const std::ptrdiff_t hyphens = hyphens_of(key);
    return std::any_of(found->second.begin(), found->second.end(), [&](const Whole& whole) {
      return whole.hyphens > hyphens && (!group.citation.date || group.citation.date == whole.date);
    });
  });
}

// A law cited by the first words of a name the same text cites in full ("Luật Bầu cử năm 2015"
// after "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân"): later mentions shorten
// a long name (ND30 Phụ lục I §II.6.b: the first mention is whole), so the short one is the
// same law when exactly one cited name goes on from it and the dates agree. A short name the
// table knows as a law of its own ("Luật Đầu tư" beside "Luật Đầu tư công") stays apart.
void merge_short_law_names(std::vector<Group>& groups) {
  const auto dates_agree = [](const std::optional<std::string>& a,
                              const std::optional<std::string>& b) {
    return !a || !b || a->starts_with(*b) || b->starts_with(*a);
  };
  std::vector<bool> merged(groups.size(), false);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    Group& short_one = groups[i];
    if (!short_one.law_key || short_one.citation.number || !short_one.citation.title) continue;
    const std::string& title = *short_one.citation.title;
    if (known_law_name_end(title, 0) == title.size()) continue;
    const std::string prefix = *short_one.law_key + " ";
    std::optional<std::size_t> target;
    bool ambiguous = false;
    for (std::size_t j = 0; j < groups.size() && !ambiguous; ++j) {
      if (j == i || merged[j] || !groups[j].law_key || !groups[j].law_key->starts_with(prefix) ||
          !dates_agree(groups[j].citation.date, short_one.citation.date))
        continue;
      if (target && groups[*target].law_key != groups[j].law_key) ambiguous = true;
      if (!target) target = j;
    }
    if (!target || ambiguous) continue;
    Group& whole = groups[*target];
    for (const Relation& relation : short_one.citation.relations)
      add_relation(whole.citation.relations, relation);
    if (!whole.citation.date) whole.citation.date = short_one.citation.date;
    whole.position = std::min(whole.position, short_one.position);
    merged[i] = true;
  }
  std::size_t index = 0;
  std::erase_if(groups, [&](const Group&) { return merged[index++]; });
}

void classify(const Cursor& cursor, std::vector<Mention>& mentions, std::size_t from,
              const RoleContext& roles) {
  std::vector<MentionSpan> spans;
  spans.reserve(mentions.size() - from);
  for (std::size_t i = from; i < mentions.size(); ++i)
    spans.push_back({mentions[i].position, std::max(mentions[i].end, mentions[i].position),
                     mentions[i].citation.type});
  std::vector<Relation> relations = classify_mentions(cursor, spans, roles);
  for (std::size_t i = from; i < mentions.size(); ++i)
    mentions[i].relation = std::move(relations[i - from]);
}

}  // namespace

std::vector<Citation> extract_citations(std::string_view flowed_body,
                                        const std::vector<Footnote>& footnotes,
                                        const std::optional<std::string>& own_number_key,
                                        const std::optional<std::string>& own_date,
                                        const RoleContext& roles) {
  // One cursor per paragraph (its lower-cased twin, its symbols) for both readings.
  const Cursor body(flowed_body);
  std::vector<Mention> mentions = find_mentions(body);
  classify(body, mentions, 0, roles);
  const std::size_t body_count = mentions.size();
  std::map<int, std::set<std::string>> footnote_keys;
  for (std::size_t i = 0; i < footnotes.size(); ++i) {
    const Cursor note(footnotes[i].text);
    std::vector<Mention> noted = find_mentions(note);
    // A footnote speaks of other texts (a consolidated text's history): its own sentences say
    // what it does, read without the body's context.
    classify(note, noted, 0, RoleContext{roles.own_type, 0, 0});
    for (Mention& mention : noted) {
      mention.in_footnote = true;
      mention.position += flowed_body.size() + 1 + i * 100000;
      if (mention.citation.number_key)
        footnote_keys[footnotes[i].id].insert(*mention.citation.number_key);
      mentions.push_back(std::move(mention));
    }
  }
  std::multiset<std::string> all_keys;
  for (const Mention& mention : mentions)
    if (mention.citation.number_key) all_keys.insert(*mention.citation.number_key);

  // Footnote markers glued to numbers: "23-QĐ/TW1" when footnote 1 cites 23-QĐ/TW, or when the
  // text cites 23-QĐ/TW elsewhere.
  for (std::size_t i = 0; i < body_count; ++i) {
    Citation& citation = mentions[i].citation;
    if (!citation.number) continue;
    const auto splits = marker_splits(*citation.number, mentions[i].marker_digits);
    std::optional<std::string> stripped;
    for (const auto& [base, marker] : splits) {
      const auto key = symbol_key(base);
      const auto notes = footnote_keys.find(marker);
      if (key && notes != footnote_keys.end() && notes->second.count(*key)) {
        stripped = base;
        break;
      }
    }
    if (!stripped) {
      for (const auto& [base, marker] : splits) {
        const auto key = symbol_key(base);
        if (key && all_keys.count(*key) > 0) {
          stripped = base;
          break;
        }
      }
    }
    if (stripped) {
      const std::string original = *citation.number;
      citation.number = *stripped;
      citation.number_key = symbol_key(*stripped);
      const std::size_t at = citation.text.find(original);
      if (at != std::string::npos) citation.text.replace(at, original.size(), *stripped);
    }
  }

  std::vector<Group> groups;
  GroupIndex index;
  for (const Mention& mention : mentions) {
    const Citation& citation = mention.citation;
    // The document's own number, cited in its annexes ("(Kèm theo Quyết định số ...)"), with
    // its day, or another day of its year: a symbol names one document a year (above).
    if (own_number_key && citation.number_key && *citation.number_key == *own_number_key &&
        (!citation.date || !own_date || *citation.date == *own_date ||
         (citation.date->size() >= 4 && own_date->size() >= 4 &&
          citation.date->substr(0, 4) == own_date->substr(0, 4))))
      continue;
    // A group of the same symbol and year that the mention may join: same issuer, or none said.
    const auto same_document = [&](std::size_t at) {
      const Citation& other = groups[at].citation;
      // An issuer compared as spelled out: "BCH Trung ương Đảng" is "Ban Chấp hành Trung ương
      // Đảng" (the abbreviations of ND30's "cụm từ thông dụng").
      return other.number_key == citation.number_key &&
             (!other.issuer || !citation.issuer || fold(*other.issuer) == fold(*citation.issuer) ||
              fold(expand_abbreviations(*other.issuer)) ==
                  fold(expand_abbreviations(*citation.issuer)));
    };
    // A law's name joins two mentions only when nothing tells two laws apart: two numbers, or
    // a number's year against the other's date ("số 41/2024/QH15" is not the law "năm 2006").
    const auto other_number = [&](std::size_t at) {
      const Citation& other = groups[at].citation;
      if (citation.number && other.number) return other.number_key != citation.number_key;
      const auto year_differs = [](const std::optional<std::string>& key,
                                   const std::optional<std::string>& date) {
        const std::optional<std::string_view> year = key ? year_of_key(*key) : std::nullopt;
        return year && date && date->size() >= 4 && date->substr(0, 4) != *year;
      };
      return year_differs(citation.number ? citation.number_key : std::nullopt, other.date) ||
             year_differs(other.number ? other.number_key : std::nullopt, citation.date);
    };
    if (const auto found = index.find(mention, same_document, other_number)) {
      Group& group = groups[*found];
      index.remove(group, *found);
      merge_into(group, mention);
      index.add(group, *found);
    } else {
      Group group;
      group.citation = citation;
      group.citation.relations.clear();
      add_relation(group.citation.relations, mention.relation);
      group.law_key = mention.law_key;
      group.position = mention.position;
      group.text_score = detail_count(citation);
      groups.push_back(std::move(group));
      index.add(groups.back(), groups.size() - 1);
    }
  }
  drop_cut_codes(groups);
  drop_codes_without_hyphens(groups);
  merge_slipped_symbols(groups);
  merge_short_law_names(groups);
  std::stable_sort(groups.begin(), groups.end(),
                   [](const Group& a, const Group& b) { return a.position < b.position; });
  std::vector<Citation> citations;
  citations.reserve(groups.size());
  for (Group& group : groups)
    citations.push_back(std::move(group.citation));
  return citations;
}

}  // namespace vanban::analyzers::structure
