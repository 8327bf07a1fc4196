#include "document_spellings.hpp"

#include <algorithm>
#include <iterator>

#include "vanban/analyzers/fold.hpp"

#include "schema.hpp"

namespace vanban::archive {

std::vector<Xapian::termpos> DocumentSpellings::positions(const std::string& term) const {
  std::vector<Xapian::termpos> out;
  for (auto it = database_.positionlist_begin(docid_, term);
       it != database_.positionlist_end(docid_, term); ++it)
    out.push_back(*it);
  return out;
}

std::vector<Xapian::termpos> DocumentSpellings::folded_positions(const std::string& folded) const {
  return positions(schema::term(schema::kFolded, folded));
}

Xapian::termcount DocumentSpellings::wdf(const std::string& term) const {
  const auto known = wdfs_.find(term);
  if (known != wdfs_.end()) return known->second;
  Xapian::PostingIterator it = database_.postlist_begin(term);
  if (it != database_.postlist_end(term)) it.skip_to(docid_);
  const Xapian::termcount out =
      it != database_.postlist_end(term) && *it == docid_ ? it.get_wdf() : 0;
  wdfs_.emplace(term, out);
  return out;
}

std::vector<Xapian::termpos> DocumentSpellings::spelled(const std::string& exact,
                                                        const std::string& folded) const {
  const std::string term = schema::term("", exact);
  std::vector<Xapian::termpos> own = positions(term);
  if (!own.empty() || wdf(term) == 0) return own;
  return folded_positions(folded);  // its only spelling of the word here
}

std::vector<std::vector<Xapian::termpos>> DocumentSpellings::spelled(
    const std::vector<std::string>& forms, const std::vector<Xapian::termpos>& all) const {
  std::vector<std::vector<Xapian::termpos>> out(forms.size());
  if (all.empty()) return out;       // no spelling of the word here
  std::vector<std::size_t> without;  // the forms without positions here
  for (std::size_t i = 0; i < forms.size(); ++i) {
    out[i] = positions(schema::term("", forms[i]));
    if (out[i].empty()) without.push_back(i);
  }
  if (without.size() < forms.size()) return out;  // spelled several ways here: all have theirs
  for (const std::size_t i : without) {  // at most one of them: the document's only spelling
    if (wdf(schema::term("", forms[i])) == 0) continue;
    out[i] = all;
    break;
  }
  return out;
}

std::optional<Xapian::termcount> SpellingsAcross::Cursor::in(Xapian::docid docid) {
  const Xapian::PostingIterator end;
  if (it == end) return std::nullopt;
  if (at < docid) {
    it.skip_to(docid);
    if (it == end) return std::nullopt;
    at = *it;
  }
  if (at != docid) return std::nullopt;
  return it.get_wdf();
}

SpellingsAcross::SpellingsAcross(const Xapian::Database& database, const std::string& folded,
                                 const std::vector<std::string>& forms)
    : database_(database), forms_(forms) {
  for (const std::string& form : forms)
    form_postings_.push_back({database.postlist_begin(schema::term("", form))});
  const Xapian::doccount documents = database.get_doccount();
  const bool indexed_so =
      documents > 0 && database.get_termfreq(std::string(schema::kOtherSpellings)) == documents;
  const bool all_of_folded = std::all_of(forms.begin(), forms.end(), [&](const std::string& form) {
    return analyzers::fold(form) == folded;
  });
  if (indexed_so && all_of_folded)
    several_ways_ = Cursor{database.postlist_begin(schema::term(schema::kOtherSpellings, folded))};
}

std::vector<std::vector<Xapian::termpos>> SpellingsAcross::spelled(
    Xapian::docid docid, const std::vector<Xapian::termpos>& all) {
  std::vector<std::vector<Xapian::termpos>> out(forms_.size());
  if (all.empty()) return out;  // no spelling of the word here
  if (!several_ways_ || several_ways_->in(docid)) {
    // Spelled several ways here (or not known): each form's own positions, as DocumentSpellings
    // reads them; a form without any is the document's only spelling if it holds it.
    std::size_t without = 0;
    for (std::size_t i = 0; i < forms_.size(); ++i) {
      const std::string term = schema::term("", forms_[i]);
      for (auto it = database_.positionlist_begin(docid, term);
           it != database_.positionlist_end(docid, term); ++it)
        out[i].push_back(*it);
      without += out[i].empty();
    }
    if (without < forms_.size()) return out;
  }
  // Spelled one way here: the form the document holds stands wherever the folded form does.
  for (std::size_t i = 0; i < forms_.size(); ++i) {
    const std::optional<Xapian::termcount> wdf = form_postings_[i].in(docid);
    if (!wdf || *wdf == 0) continue;
    out[i] = all;
    break;
  }
  return out;
}

}  // namespace vanban::archive
