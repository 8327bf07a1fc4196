// The version of the analysis that made an archive's terms and values: reading, extraction,
// the keys of numbers, laws, issuers and types, and the terms and slots a document gets. Each
// document carries the version that analysed it (archive/SCHEMA.md, "Analysis version"), so a
// run of `vanban index` finds the documents an older version analysed and analyses them again
// (from their stored originals where their files are gone), instead of keeping them as
// unchanged while the filters and "cited by" miss them.
#pragma once

#include <cstdint>

namespace vanban::archive {

// Bump it in the change that alters what any document's index entry would be made of: an
// extraction rule, a key's normalisation (analyzers::symbol_key, law_key, issuer_key, ...), a
// reader's text, a term or slot the document builder adds. Say why beside the new value.
// Documents of an archive made before versions existed count as 0.
//   1: session 30, the first version stored (a law's key ignores commas, session 29).
//   2: session 31, extraction rules (unseen25's study, line-wrapped pages) and the ODT reader's
//      declarations read one at a time.
//   3: session 32, extraction rules of reposted pages (unseen26's study: a repost's attribution,
//      a lead's first sentence and its "về việc" subject, an announcing sentence's author, a
//      portal's links to the posts before and after as furniture).
inline constexpr std::uint32_t kAnalysisVersion = 3;

// Where an archive's documents stand against a binary's version (Searcher::analysis,
// ArchiveWriter::analysis).
struct AnalysisState {
  std::uint32_t version = kAnalysisVersion;  // of this binary
  std::uint64_t documents = 0;
  std::uint64_t stale = 0;   // analysed by an older version (or before versions existed)
  std::uint64_t newer = 0;   // analysed by a newer Vanban than this binary
  std::uint32_t newest = 0;  // the newest version any document holds (0: none, or none stored)
};

}  // namespace vanban::archive
