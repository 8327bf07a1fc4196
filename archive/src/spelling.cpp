#include "spelling.hpp"

#include <algorithm>
#include <numeric>

#include "accent_restoration.hpp"
#include "schema.hpp"

namespace vanban::archive {
namespace {

constexpr std::size_t kMinLetters = 2;
constexpr std::size_t kMaxLetters = 24;

bool letters_only(std::string_view word) {
  return word.size() >= kMinLetters && word.size() <= kMaxLetters &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Levenshtein distance over bytes: spellings of one folded word differ only in their marks, so
// this orders them by how many marks differ from the ones typed.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// How the archive writes `folded` (an archive word): its exact forms the index holds, the one
// nearest to `typed` when the box carries diacritics, else the one in most documents.
std::string spelled(const Xapian::Database& database, const std::string& folded,
                    const std::string& typed, bool box_accented) {
  const std::vector<std::string> forms = accented_forms(database, folded);
  if (forms.empty()) return folded;
  auto frequency = [&](const std::string& form) {
    return database.get_termfreq(schema::term("", form));
  };
  return *std::min_element(forms.begin(), forms.end(), [&](const auto& a, const auto& b) {
    if (box_accented) {
      const std::size_t da = distance(a, typed);
      const std::size_t db = distance(b, typed);
      if (da != db) return da < db;
    }
    return frequency(a) > frequency(b);
  });
}

bool any_accented(const query::Node& root) {
  return std::any_of(root.children.begin(), root.children.end(), [](const query::Node& child) {
    return std::any_of(child.words.begin(), child.words.end(),
                       [](const query::Word& word) { return word.accented(); });
  });
}

}  // namespace

std::vector<std::string> spelling_words(Xapian::TermIterator begin, Xapian::TermIterator end) {
  std::vector<std::string> out;
  const std::string prefix(schema::kFolded);
  begin.skip_to(prefix);
  for (; begin != end; ++begin) {
    const std::string term = *begin;
    if (!term.starts_with(prefix)) break;
    const std::string_view word = std::string_view(term).substr(prefix.size());
    if (letters_only(word)) out.emplace_back(word);
  }
  return out;
}

unsigned max_edits(std::size_t letters) {
  if (letters <= 2) return 0;
  return letters <= 5 ? 1 : 2;
}

bool correct_typos(const Xapian::Database& database, std::string_view folded_prefix,
                   query::Node& root) {
  const bool box_accented = any_accented(root);
  bool corrected = false;
  for (query::Node& child : root.children) {
    if (child.kind != query::Node::Kind::words) continue;
    for (query::Word& word : child.words) {
      const unsigned edits = max_edits(word.folded.size());
      if (edits == 0 || !letters_only(word.folded) ||
          database.get_termfreq(schema::term(folded_prefix, word.folded)) > 0)
        continue;
      const std::string nearest = database.get_spelling_suggestion(word.folded, edits);
      if (nearest.empty() || nearest == word.folded) continue;
      word.corrected = spelled(database, nearest, word.exact, box_accented);
      corrected = true;
    }
  }
  return corrected;
}

}  // namespace vanban::archive
