// Where a document spells a word one way. The exact forms keep positions only where a document
// spells the folded word more than one way (SCHEMA.md): there every spelling has its own; where
// it spells the word one way, the exact form has its wdf alone and stands wherever the folded
// form does. Archives indexed before keep every exact form's positions, read as they are.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace vanban::archive {

class DocumentSpellings {
 public:
  DocumentSpellings(const Xapian::Database& database, Xapian::docid docid)
      : database_(database), docid_(docid) {}

  // The positions of the folded form `folded` (schema::kFolded), ascending.
  std::vector<Xapian::termpos> folded_positions(const std::string& folded) const;
  // The within-document frequency of `term` (0 when the document lacks it).
  Xapian::termcount wdf(const std::string& term) const;

  // The positions where the document writes the exact form `exact` (analyzers::exact_form) of
  // the folded form `folded`, ascending: what the exact term's positions were when every exact
  // form had them.
  std::vector<Xapian::termpos> spelled(const std::string& exact, const std::string& folded) const;
  // Likewise for each of `forms` (exact forms of one folded word, distinct), in their order,
  // given the folded form's positions (`all`): the one form without positions the document
  // holds, if any, is its only spelling of the word.
  std::vector<std::vector<Xapian::termpos>> spelled(const std::vector<std::string>& forms,
                                                    const std::vector<Xapian::termpos>& all) const;

 private:
  std::vector<Xapian::termpos> positions(const std::string& term) const;

  const Xapian::Database& database_;
  Xapian::docid docid_;
  mutable std::map<std::string, Xapian::termcount> wdfs_;
};

// DocumentSpellings::spelled(forms, all) for the same forms of one folded word in many
// documents, visited in ascending docid order: each term's postings are walked once across
// them (one cursor a term, not a posting list opened per document), and where a document does
// not mark the word spelled several ways (kOtherSpellings + folded) no form's positions are
// opened: there no exact form of the word has positions of its own (SCHEMA.md), the document's
// one spelling stands wherever the folded form does. That holds where every document of the
// archive is indexed so (holds the bare kOtherSpellings) and every form folds to `folded`;
// otherwise each document is read as DocumentSpellings reads it.
class SpellingsAcross {
 public:
  SpellingsAcross(const Xapian::Database& database, const std::string& folded,
                  const std::vector<std::string>& forms);

  // The positions of each form in `docid` (not below the last one asked), given the folded
  // form's there (`all`): DocumentSpellings(database, docid).spelled(forms, all).
  std::vector<std::vector<Xapian::termpos>> spelled(Xapian::docid docid,
                                                    const std::vector<Xapian::termpos>& all);

 private:
  // A term's postings, walked forward.
  struct Cursor {
    Xapian::PostingIterator it;
    Xapian::docid at = 0;  // where `it` stands (0: not moved yet)
    // The term's wdf in `docid` (0 when the document lacks it), and whether it holds it.
    std::optional<Xapian::termcount> in(Xapian::docid docid);
  };

  const Xapian::Database& database_;
  const std::vector<std::string>& forms_;
  std::vector<Cursor> form_postings_;   // each form's term
  std::optional<Cursor> several_ways_;  // kOtherSpellings + folded, where it tells
};

}  // namespace vanban::archive
