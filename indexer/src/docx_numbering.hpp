// Word's automatic numbering (ECMA-376 Part 1 §17.9): the labels ("I.", "1.2.", "a)", "-") that
// Word displays before numbered paragraphs but that are not in the paragraphs' text. Official
// documents number their parts this way, so the reader puts the labels back into the text.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include <libxml/tree.h>

namespace vanban::indexer::detail {

class DocxNumbering {
 public:
  // Without definitions: no labels. They are added one element at a time as the parts are read
  // (XmlStream): each w:abstractNum and w:num of word/numbering.xml, each w:style of
  // word/styles.xml (a style may number its paragraphs).
  DocxNumbering() = default;
  void add_definition(const xmlNode* node);
  void add_style(const xmlNode* style);

  // The label Word displays before a w:p and a space ("I. ", "a) ", "- "), given the
  // paragraph's w:pPr (null when it has none); empty when the paragraph is not numbered. Call
  // once per paragraph in document order: it advances the list counters.
  std::string label(const xmlNode* paragraph_properties, std::string_view paragraph_style);

 private:
  static constexpr int kLevels = 9;

  struct Level {
    int start = 1;
    std::string format = "decimal";  // w:numFmt
    std::string text;                // w:lvlText, "%1." ...
    std::optional<int> restart;      // w:lvlRestart, one-based; 0: never
    bool legal = false;              // w:isLgl: every number shown in decimal
    std::string style;               // w:pStyle: the paragraph style this level belongs to
  };
  struct Abstract {
    std::array<Level, kLevels> levels;
    std::string num_style_link;  // the levels are those of this numbering style's list
  };
  struct Instance {  // a w:num
    std::string abstract_id;
    std::map<int, int> start_overrides;
    std::map<int, Level> level_overrides;
  };
  struct StyleNumbering {  // a style's pPr/numPr
    std::string based_on;
    std::optional<std::string> num_id;
    std::optional<int> level;
  };
  struct Target {
    std::string num_id;
    int level = 0;
  };

  std::optional<Target> target(const xmlNode* paragraph_properties,
                               std::string_view paragraph_style) const;
  // The abstract numbering an instance counts in, through numbering style links; null if none.
  const Abstract* abstract_of(const Instance& instance, std::string* abstract_id) const;
  const Level& level_of(const Instance& instance, const Abstract& abstract, int level) const;
  int start_of(const Instance& instance, const Abstract& abstract, int level) const;

  std::map<std::string, Abstract, std::less<>> abstracts_;
  std::map<std::string, Instance, std::less<>> instances_;
  std::map<std::string, StyleNumbering, std::less<>> styles_;
  // Counters are kept per abstract numbering: w:num instances sharing one continue each other.
  std::map<std::string, std::array<std::optional<int>, kLevels>, std::less<>> counters_;
  std::set<std::pair<std::string, int>> started_;  // (numId, level) already shown once
};

}  // namespace vanban::indexer::detail
