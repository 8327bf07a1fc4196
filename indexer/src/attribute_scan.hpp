// Attributes counted before libxml2 parses a start tag. libxml2 2.9 checks each attribute of an
// element against every earlier one (xmlStrEqual in the HTML parser, a pointer compare in the
// XML parser): an element of n attributes costs n²/2 comparisons, so one tag of 300,000
// attributes (a 3.5 MB page, or a DOCX part zipped to a few KB) held a reader for many minutes.
// No real document comes near: an office part's element has a few dozen, a page's tag a few.
// The scan runs ahead of the parser over the same bytes (in memory, or as a zip part inflates)
// and stops the reading once the work those tags cost passes a budget: the sum over tags of
// their attributes squared, kMaxAttributeWork.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vanban/common/result.hpp"

#include "xml_support.hpp"

namespace vanban::indexer::detail {

// Elements a reader that keeps the whole tree may hold. libxml2 spends ~420 bytes on a small
// element with its text (a 37 MB page of `<p>x</p>` took 1.9 GB; session 31), so a tree of 500,000
// stays near 200 MB; a real page or envelope holds a few thousand (a 500-page Word file saved as
// HTML, one span per run, ~100,000).
inline constexpr std::uint64_t kMaxTreeElements = 500'000;

// Σ (attributes of a tag)²: 10^9 is a single tag of ~31,600 attributes, or ~2 s of libxml2's
// comparisons; a 100 MB part of 5 million elements of 10 attributes each costs half of it.
inline constexpr std::uint64_t kMaxAttributeWork = 1'000'000'000;

class AttributeScan {
 public:
  enum class Grammar {
    xml,   // comments and CDATA skipped
    html,  // comments skipped, and the raw text of <script> and <style>
  };
  AttributeScan(Grammar grammar, std::string_view what);

  // Scans the next bytes; false (and error() set) once the budget is passed.
  bool feed(std::string_view bytes);
  const std::optional<Error>& error() const { return error_; }
  std::size_t most() const { return most_; }  // the most attributes one tag had
  std::uint64_t start_tags() const { return start_tags_; }

 private:
  enum class State {
    text,          // between tags
    open,          // after '<'
    tag_name,      // in a start tag's name
    in_tag,        // between attributes
    name,          // in an attribute's name (or any run of characters libxml2 would skip)
    after_equals,  // after '=' (blanks allowed before the value)
    quoted,        // in a quoted value
    unquoted,      // in an unquoted value (HTML)
    skip_to,       // until `until_` (a comment's end, CDATA's, a script's end tag)
    bang,          // after "<!"
  };
  void end_tag();
  void skip_to(std::string until);
  bool over_budget();

  Grammar grammar_;
  std::string what_;
  State state_ = State::text;
  char quote_ = 0;
  std::string tag_;          // the start tag's name, lower case (HTML's raw-text elements)
  std::string until_;        // what skip_to waits for
  std::size_t matched_ = 0;  // of until_
  std::string bang_;         // what followed "<!" so far
  std::size_t attributes_ = 0;
  std::size_t most_ = 0;
  std::uint64_t work_ = 0;
  std::uint64_t start_tags_ = 0;
  std::optional<Error> error_;
};

// Scans `bytes` whole: the error when they hold tags past the budget.
std::optional<Error> scan_attributes(std::string_view bytes, AttributeScan::Grammar grammar,
                                     std::string_view what);

// As scan_attributes, for a reader that keeps the whole tree: also the error when `bytes` hold
// more than kMaxTreeElements start tags (the tree's memory grows with them, not with the text).
std::optional<Error> scan_for_tree(std::string_view bytes, AttributeScan::Grammar grammar,
                                   std::string_view what);

// A source scanned as it is read: past the budget, read() fails with the scan's error.
class ScannedSource final : public ChunkSource {
 public:
  ScannedSource(ChunkSource& source, std::string_view what)
      : source_(source), scan_(AttributeScan::Grammar::xml, what) {}
  long read(char* buffer, std::size_t size) override;
  const std::optional<Error>& error() const override {
    return scan_.error() ? scan_.error() : source_.error();
  }

 private:
  ChunkSource& source_;
  AttributeScan scan_;
};

}  // namespace vanban::indexer::detail
