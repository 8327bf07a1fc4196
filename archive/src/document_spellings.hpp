// Where a document spells a word one way. The exact forms are indexed without positions
// (SCHEMA.md: positions on the folded form only), so the spelling at a folded word's position is
// read from what holds positions: the heading's exact terms (schema::kHeadingExact) for the
// number, issuer and title, and for the body the stored text around that position, found
// through the passage map (schema::PassageMap) and tokenised as the writer tokenised it
// (place_tokens). Where the within-document frequencies already tell (every occurrence of the
// folded word is that spelling, or none is), nothing is read.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "vanban/analyzers/tokenizer.hpp"

#include "schema.hpp"

namespace vanban::archive {

class DocumentSpellings {
 public:
  DocumentSpellings(const Xapian::Database& database, Xapian::docid docid);
  // With the document and its stored text already at hand (a hit being shown).
  DocumentSpellings(const Xapian::Database& database, Xapian::docid docid,
                    const Xapian::Document& document, std::string_view text);

  // The positions of the folded form `folded` (schema::kFolded), ascending.
  std::vector<Xapian::termpos> folded_positions(const std::string& folded) const;
  // The within-document frequency of `term` (0 when the document lacks it).
  Xapian::termcount wdf(const std::string& term) const;
  // How many positions of the document hold the exact form `exact` (its wdf counts a heading
  // field's occurrence as that field's wdf; the heading's and title's exact terms say how many
  // are there).
  Xapian::termcount occurrences(const std::string& exact) const;
  // Tells it `term`'s wdf, where the caller read it already (a posting list it walks).
  void know_wdf(const std::string& term, Xapian::termcount wdf) { wdfs_[term] = wdf; }

  // Of `positions` (ascending, positions of the folded form `folded`), those where the document
  // writes the exact form `exact` (analyzers::exact_form).
  std::vector<Xapian::termpos> spelled(const std::string& exact, const std::string& folded,
                                       const std::vector<Xapian::termpos>& positions);
  // Whether the spelling at `position` is known without reading more of the text: every or no
  // occurrence is `exact` (by the wdfs), the position is the heading's, or its stretch of the
  // body was read already.
  bool known_at(const std::string& exact, const std::string& folded, Xapian::termpos position);
  // Whether the document writes `exact` at `position` (a position of the folded form `folded`).
  bool spells_at(const std::string& exact, const std::string& folded, Xapian::termpos position);
  // The exact form at each of `positions` (ascending, of the folded form `folded`): one of
  // `forms` (exact forms folding to `folded`), or empty where another spelling stands.
  std::vector<std::string> forms_at(const std::vector<std::string>& forms,
                                    const std::string& folded,
                                    const std::vector<Xapian::termpos>& positions);

 private:
  // Whether the body's token at `position` is spelled `form` (token.lower of the word there, or
  // of a symbol placed there); nullopt for a position before the body (the heading's).
  std::optional<bool> body_spells(Xapian::termpos position, std::string_view form);
  bool load();
  void place_all();
  void record(Xapian::termpos position, const analyzers::Token& token);

  const Xapian::Database& database_;
  Xapian::docid docid_;
  std::optional<Xapian::Document> document_;
  std::string owned_text_;
  std::string_view text_;
  bool loaded_ = false;
  bool usable_ = false;  // a passage map that fits the text
  schema::PassageMap map_;
  // The body's words read so far, by position from map_.first_position: where in `arena_` their
  // exact form is (offset << 16 | length; 0: none); symbols placed at a word's position apart.
  std::string arena_;
  std::vector<std::uint64_t> words_;
  std::vector<std::pair<Xapian::termpos, std::uint64_t>> symbols_;
  std::vector<bool> samples_read_;
  mutable std::map<std::string, Xapian::termcount> wdfs_;
  std::map<std::string, std::vector<Xapian::termpos>> heading_;  // the XS terms' positions
  bool all_read_ = false;
};

}  // namespace vanban::archive
