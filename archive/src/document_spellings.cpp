#include "document_spellings.hpp"

#include <algorithm>
#include <iterator>

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

}  // namespace vanban::archive
