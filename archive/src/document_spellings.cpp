#include "document_spellings.hpp"

#include <algorithm>

#include "vanban/archive/document.hpp"

#include "document_builder.hpp"

namespace vanban::archive {
namespace {

std::vector<Xapian::termpos> positions_of(const Xapian::Database& database, Xapian::docid docid,
                                          const std::string& term) {
  std::vector<Xapian::termpos> out;
  for (auto it = database.positionlist_begin(docid, term);
       it != database.positionlist_end(docid, term); ++it)
    out.push_back(*it);
  return out;
}

bool holds(const std::vector<Xapian::termpos>& sorted, Xapian::termpos position) {
  return std::binary_search(sorted.begin(), sorted.end(), position);
}

}  // namespace

DocumentSpellings::DocumentSpellings(const Xapian::Database& database, Xapian::docid docid)
    : database_(database), docid_(docid) {}

DocumentSpellings::DocumentSpellings(const Xapian::Database& database, Xapian::docid docid,
                                     const Xapian::Document& document, std::string_view text)
    : database_(database), docid_(docid), document_(document), text_(text), loaded_(false) {}

std::vector<Xapian::termpos> DocumentSpellings::folded_positions(const std::string& folded) const {
  return positions_of(database_, docid_, schema::term(schema::kFolded, folded));
}

Xapian::termcount DocumentSpellings::wdf(const std::string& term) const {
  if (const auto known = wdfs_.find(term); known != wdfs_.end()) return known->second;
  Xapian::PostingIterator it = database_.postlist_begin(term);
  const Xapian::PostingIterator end = database_.postlist_end(term);
  Xapian::termcount out = 0;
  if (it != end) {
    it.skip_to(docid_);
    out = it != end && *it == docid_ ? it.get_wdf() : 0;
  }
  wdfs_[term] = out;
  return out;
}

Xapian::termcount DocumentSpellings::occurrences(const std::string& exact) const {
  static_assert(kBodyWdf == 1 && kNumberWdf == kIssuerWdf);
  const Xapian::termcount all = wdf(schema::term("", exact));
  if (all == 0) return 0;
  const Xapian::termcount heading = wdf(schema::term(schema::kHeadingExact, exact));
  const Xapian::termcount title = wdf(schema::term(schema::kTitleExact, exact));
  const Xapian::termcount extra =
      (kIssuerWdf - 1) * (heading - std::min(heading, title)) + (kTitleWdf - 1) * title;
  return all > extra ? all - extra : 0;
}

bool DocumentSpellings::load() {
  if (loaded_) return usable_;
  loaded_ = true;
  if (!document_) {
    document_ = database_.get_document(docid_);
    owned_text_ = document_->get_data();
    if (const std::size_t separator = owned_text_.find('\0'); separator != std::string::npos) {
      text_ = std::string_view(owned_text_).substr(separator + 1);
    } else if (auto stored = parse_document(owned_text_, /*with_text=*/true)) {
      owned_text_ = std::move(stored->text);
      text_ = owned_text_;
    } else {
      owned_text_.clear();
      text_ = owned_text_;
    }
  }
  const auto map = schema::unserialise_passage_map(document_->get_value(schema::kPassageSlot));
  usable_ = map && !map->offsets.empty() && map->stride > 0 && map->offsets.back() < text_.size() &&
            std::is_sorted(map->offsets.begin(), map->offsets.end());
  if (usable_) {
    map_ = *map;
    samples_read_.assign(map_.offsets.size(), false);
  } else {
    place_all();
  }
  return usable_;
}

void DocumentSpellings::record(Xapian::termpos position, const analyzers::Token& token) {
  if (token.lower.empty() || token.lower.size() > 0xFFFF || position < map_.first_position) return;
  const std::uint64_t packed = static_cast<std::uint64_t>(arena_.size()) << 16 | token.lower.size();
  arena_ += token.lower;
  if (token.kind == analyzers::TokenKind::symbol) {
    symbols_.emplace_back(position, packed);
    return;
  }
  const std::size_t index = position - map_.first_position;
  if (index >= words_.size()) words_.resize(index + 1, 0);
  words_[index] = packed;
}

// The whole document placed as the writer placed it: where the passage map is missing or
// does not fit what a stretch of the text gives.
void DocumentSpellings::place_all() {
  if (all_read_) return;
  all_read_ = true;
  arena_.clear();
  words_.clear();
  symbols_.clear();
  if (!document_) document_ = database_.get_document(docid_);
  auto stored = parse_document(document_->get_data(), /*with_text=*/true);
  if (!stored) {
    map_.first_position = Xapian::termpos(-1);  // nothing to read: no body position is known
    return;
  }
  // The body's first position (after the heading's fields), then its tokens.
  std::string text = std::move(stored->text);
  stored->text.clear();
  schema::PassageMap map;
  place_free_text(
      *stored, [](const analyzers::Token&, Xapian::termpos, FreeTextField) {}, &map);
  stored->text = std::move(text);
  map_.first_position = map.first_position;
  Xapian::termpos next = map.first_position;
  place_tokens(stored->text, &next, nullptr,
               [&](const analyzers::Token& token, Xapian::termpos at) { record(at, token); });
}

std::optional<bool> DocumentSpellings::body_spells(Xapian::termpos position,
                                                   std::string_view form) {
  load();
  if (position < map_.first_position) return std::nullopt;
  if (!all_read_) {
    const std::size_t sample = (position - map_.first_position) / map_.stride;
    if (sample >= map_.offsets.size()) {
      place_all();
    } else if (!samples_read_[sample]) {
      samples_read_[sample] = true;
      const bool last = sample + 1 == map_.offsets.size();
      const std::size_t begin = map_.offsets[sample];
      const std::size_t end = last ? text_.size() : map_.offsets[sample + 1];
      const Xapian::termpos first =
          map_.first_position + static_cast<Xapian::termpos>(sample) * map_.stride;
      Xapian::termpos next = first;
      Xapian::termpos words = 0;
      place_tokens(text_.substr(begin, end - begin), &next, nullptr,
                   [&](const analyzers::Token& token, Xapian::termpos at) {
                     if (token.kind != analyzers::TokenKind::symbol) ++words;
                     record(at, token);
                   });
      // A stretch between two samples holds exactly `stride` positions; any other count means
      // the stretch does not tokenise as the whole text did: read the whole document.
      if (!last && words != map_.stride) place_all();
    }
  }
  const auto spelled = [&](std::uint64_t packed) {
    return packed != 0 && std::string_view(arena_).substr(packed >> 16, packed & 0xFFFF) == form;
  };
  const std::size_t index = position - map_.first_position;
  if (index < words_.size() && spelled(words_[index])) return true;
  return std::any_of(symbols_.begin(), symbols_.end(), [&](const auto& symbol) {
    return symbol.first == position && spelled(symbol.second);
  });
}

bool DocumentSpellings::known_at(const std::string& exact, const std::string& folded,
                                 Xapian::termpos position) {
  const Xapian::termcount exact_wdf = wdf(schema::term("", exact));
  if (exact_wdf == 0 || exact_wdf == wdf(schema::term(schema::kFolded, folded))) return true;
  load();
  if (all_read_ || position < map_.first_position) return true;
  const std::size_t sample = (position - map_.first_position) / map_.stride;
  return sample < samples_read_.size() && samples_read_[sample];
}

bool DocumentSpellings::spells_at(const std::string& exact, const std::string& folded,
                                  Xapian::termpos position) {
  const Xapian::termcount exact_wdf = wdf(schema::term("", exact));
  if (exact_wdf == 0) return false;
  if (exact_wdf == wdf(schema::term(schema::kFolded, folded))) return true;
  if (const std::optional<bool> body = body_spells(position, exact)) return *body;
  auto [heading, fresh] = heading_.try_emplace(exact);
  if (fresh)
    heading->second = positions_of(database_, docid_, schema::term(schema::kHeadingExact, exact));
  return holds(heading->second, position);
}

std::vector<Xapian::termpos> DocumentSpellings::spelled(
    const std::string& exact, const std::string& folded,
    const std::vector<Xapian::termpos>& positions) {
  if (positions.empty()) return {};
  const Xapian::termcount exact_wdf = wdf(schema::term("", exact));
  if (exact_wdf == 0) return {};
  if (exact_wdf == wdf(schema::term(schema::kFolded, folded))) return positions;
  load();
  std::optional<std::vector<Xapian::termpos>> heading;
  std::vector<Xapian::termpos> out;
  for (const Xapian::termpos position : positions) {
    const std::optional<bool> body = body_spells(position, exact);
    if (!body) {
      if (!heading)
        heading = positions_of(database_, docid_, schema::term(schema::kHeadingExact, exact));
      if (holds(*heading, position)) out.push_back(position);
    } else if (*body) {
      out.push_back(position);
    }
  }
  return out;
}

std::vector<std::string> DocumentSpellings::forms_at(
    const std::vector<std::string>& forms, const std::string& folded,
    const std::vector<Xapian::termpos>& positions) {
  std::vector<std::string> out(positions.size());
  if (positions.empty()) return out;
  const Xapian::termcount folded_wdf = wdf(schema::term(schema::kFolded, folded));
  std::vector<const std::string*> present;
  for (const std::string& form : forms) {
    const Xapian::termcount form_wdf = wdf(schema::term("", form));
    if (form_wdf == 0) continue;
    if (form_wdf == folded_wdf) {  // every occurrence is this spelling
      std::fill(out.begin(), out.end(), form);
      return out;
    }
    present.push_back(&form);
  }
  if (present.empty()) return out;
  std::map<const std::string*, std::vector<Xapian::termpos>> heading;
  for (std::size_t i = 0; i < positions.size(); ++i) {
    for (const std::string* form : present) {
      const std::optional<bool> body = body_spells(positions[i], *form);
      bool found = body.value_or(false);
      if (!body) {
        auto [it, fresh] = heading.try_emplace(form);
        if (fresh)
          it->second = positions_of(database_, docid_, schema::term(schema::kHeadingExact, *form));
        found = holds(it->second, positions[i]);
      }
      if (found) {
        out[i] = *form;
        break;
      }
    }
  }
  return out;
}

}  // namespace vanban::archive
