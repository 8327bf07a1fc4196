#include "docx_numbering.hpp"

#include <charconv>

#include "list_numbers.hpp"
#include "xml_support.hpp"

namespace vanban::indexer::detail {
namespace {

std::optional<int> integer(const std::string& text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string value_of(const xmlNode* parent, std::string_view child) {
  return attribute(child_element(parent, child), "val");
}

std::optional<int> level_index(const xmlNode* node) {
  const auto index = integer(attribute(node, "ilvl"));
  if (!index || *index < 0 || *index >= 9) return std::nullopt;
  return index;
}

// A w:lvl's settings over `level` (a w:lvlOverride's w:lvl replaces the abstract's).
void read_level(const xmlNode* node, auto& level) {
  if (const auto start = integer(value_of(node, "start"))) level.start = *start;
  if (const xmlNode* format = child_element(node, "numFmt"))
    level.format = attribute(format, "val");
  if (const xmlNode* text = child_element(node, "lvlText")) level.text = attribute(text, "val");
  if (const xmlNode* restart = child_element(node, "lvlRestart"))
    level.restart = integer(attribute(restart, "val"));
  if (const xmlNode* legal = child_element(node, "isLgl")) {
    const std::string on = attribute(legal, "val");
    level.legal = on.empty() || on == "1" || on == "true" || on == "on";
  }
  level.style = value_of(node, "pStyle");
}

std::string roman(int number, bool upper) {
  if (number <= 0 || number >= 4000) return std::to_string(number);
  static constexpr std::pair<int, std::string_view> kDigits[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, digits] : kDigits) {
    for (; number >= value; number -= value)
      out += digits;
  }
  if (upper)
    for (char& c : out)
      c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string formatted(int number, std::string_view format) {
  if (format == "upperRoman") return roman(number, true);
  if (format == "lowerRoman") return roman(number, false);
  if (format == "upperLetter") return lettered_number(number, true);
  if (format == "lowerLetter") return lettered_number(number, false);
  if (format == "decimalZero" && number >= 0 && number < 10) return "0" + std::to_string(number);
  if (format == "none") return {};
  return std::to_string(number);  // decimal, and the formats Vietnamese documents do not use
}

// Bullets are often private-use characters of a symbol font (Symbol U+F0B7, Wingdings U+F0A7):
// a dash stays a dash, "+" stays (a common second-level mark), anything else is a bullet.
std::string bullet(std::string_view text) {
  for (const std::string_view dash : {"-", "\u2013", "\u2014", "\u2212", "\uF02D"})
    if (text == dash) return "-";
  if (text == "+" || text == "\uF02B") return "+";
  if (text.empty()) return {};
  return "\u2022";
}

}  // namespace

void DocxNumbering::add_definition(const xmlNode* node) {
  if (is_element(node, "abstractNum")) {
    Abstract abstract;
    abstract.num_style_link = value_of(node, "numStyleLink");
    for (const xmlNode* level = node->children; level != nullptr; level = level->next)
      if (is_element(level, "lvl"))
        if (const auto index = level_index(level))
          read_level(level, abstract.levels[static_cast<std::size_t>(*index)]);
    abstracts_[attribute(node, "abstractNumId")] = std::move(abstract);
  } else if (is_element(node, "num")) {
    Instance instance;
    instance.abstract_id = value_of(node, "abstractNumId");
    for (const xmlNode* over = node->children; over != nullptr; over = over->next) {
      if (!is_element(over, "lvlOverride")) continue;
      const auto index = level_index(over);
      if (!index) continue;
      if (const auto start = integer(value_of(over, "startOverride")))
        instance.start_overrides[*index] = *start;
      if (const xmlNode* level = child_element(over, "lvl")) {
        Level replaced;
        read_level(level, replaced);
        instance.level_overrides[*index] = replaced;
      }
    }
    instances_[attribute(node, "numId")] = std::move(instance);
  }
}

void DocxNumbering::add_style(const xmlNode* style) {
  StyleNumbering numbering;
  numbering.based_on = value_of(style, "basedOn");
  const xmlNode* properties = child_element(child_element(style, "pPr"), "numPr");
  if (const xmlNode* num_id = child_element(properties, "numId"))
    numbering.num_id = attribute(num_id, "val");
  numbering.level = integer(value_of(properties, "ilvl"));
  styles_[attribute(style, "styleId")] = std::move(numbering);
}

std::optional<DocxNumbering::Target> DocxNumbering::target(const xmlNode* paragraph_properties,
                                                           std::string_view paragraph_style) const {
  const xmlNode* own = child_element(paragraph_properties, "numPr");
  std::optional<std::string> num_id;
  if (const xmlNode* id = child_element(own, "numId")) num_id = attribute(id, "val");
  std::optional<int> level = integer(value_of(own, "ilvl"));
  const bool own_id = num_id.has_value();
  // The style (through basedOn) gives what the paragraph does not say itself.
  constexpr int kLongestChain = 16;  // basedOn loops exist in damaged files
  std::string_view style_id = paragraph_style;
  for (int depth = 0; depth < kLongestChain && !style_id.empty() && (!num_id || !level); ++depth) {
    const auto style = styles_.find(style_id);
    if (style == styles_.end()) break;
    if (style->second.num_id) {
      if (!num_id) num_id = style->second.num_id;
      if (!level && !own_id) level = style->second.level;
      break;
    }
    style_id = style->second.based_on;
  }
  if (!num_id || num_id->empty() || *num_id == "0") return std::nullopt;  // 0: numbering removed
  if (!level && !own_id) {
    // A list level bound to the paragraph's style (w:lvl/w:pStyle), as heading outlines are.
    const auto instance = instances_.find(*num_id);
    const Abstract* abstract =
        instance == instances_.end() ? nullptr : abstract_of(instance->second, nullptr);
    if (abstract != nullptr)
      for (int index = 0; index < kLevels; ++index)
        if (abstract->levels[static_cast<std::size_t>(index)].style == paragraph_style)
          level = index;
  }
  const int index = level.value_or(0);
  if (index < 0 || index >= kLevels) return std::nullopt;
  return Target{*num_id, index};
}

const DocxNumbering::Abstract* DocxNumbering::abstract_of(const Instance& instance,
                                                          std::string* abstract_id) const {
  const Instance* current = &instance;
  constexpr int kLongestLink = 8;  // numStyleLink chains, which a damaged file may loop
  for (int depth = 0; depth < kLongestLink; ++depth) {
    const auto abstract = abstracts_.find(current->abstract_id);
    if (abstract == abstracts_.end()) return nullptr;
    if (abstract->second.num_style_link.empty()) {
      if (abstract_id != nullptr) *abstract_id = abstract->first;
      return &abstract->second;
    }
    const auto style = styles_.find(abstract->second.num_style_link);
    if (style == styles_.end() || !style->second.num_id) return nullptr;
    const auto next = instances_.find(*style->second.num_id);
    if (next == instances_.end()) return nullptr;
    current = &next->second;
  }
  return nullptr;
}

const DocxNumbering::Level& DocxNumbering::level_of(const Instance& instance,
                                                    const Abstract& abstract, int level) const {
  const auto replaced = instance.level_overrides.find(level);
  if (replaced != instance.level_overrides.end()) return replaced->second;
  return abstract.levels[static_cast<std::size_t>(level)];
}

int DocxNumbering::start_of(const Instance& instance, const Abstract& abstract, int level) const {
  const auto start = instance.start_overrides.find(level);
  if (start != instance.start_overrides.end()) return start->second;
  return level_of(instance, abstract, level).start;
}

std::string DocxNumbering::label(const xmlNode* paragraph_properties,
                                 std::string_view paragraph_style) {
  const auto where = target(paragraph_properties, paragraph_style);
  if (!where) return {};
  const auto instance = instances_.find(where->num_id);
  if (instance == instances_.end()) return {};
  std::string abstract_id;
  const Abstract* abstract = abstract_of(instance->second, &abstract_id);
  if (abstract == nullptr) return {};
  const int current = where->level;
  auto& counters = counters_[abstract_id];
  // A w:num that overrides a level's start restarts it where that w:num is first used there.
  if (started_.insert({where->num_id, current}).second &&
      instance->second.start_overrides.contains(current))
    counters[static_cast<std::size_t>(current)].reset();
  auto& counter = counters[static_cast<std::size_t>(current)];
  counter = counter ? next_list_number(*counter) : start_of(instance->second, *abstract, current);
  // Deeper levels restart when this level is used, unless their w:lvlRestart says otherwise.
  for (int deeper = current + 1; deeper < kLevels; ++deeper) {
    const auto restart = level_of(instance->second, *abstract, deeper).restart;
    const int after = restart && *restart <= deeper ? *restart : deeper;
    if (current < after) counters[static_cast<std::size_t>(deeper)].reset();
  }

  const Level& level = level_of(instance->second, *abstract, current);
  std::string text;
  if (level.format == "bullet") {
    text = bullet(level.text);
  } else {
    for (std::size_t i = 0; i < level.text.size(); ++i) {
      const char next = i + 1 < level.text.size() ? level.text[i + 1] : '\0';
      if (level.text[i] != '%' || next < '1' || next > '9') {
        text += level.text[i];
        continue;
      }
      const int shown = next - '1';
      ++i;
      if (shown > current) continue;  // names a deeper level: Word shows nothing
      const auto& value = counters[static_cast<std::size_t>(shown)];
      const int number = value ? *value : start_of(instance->second, *abstract, shown);
      text += formatted(
          number, level.legal ? "decimal" : level_of(instance->second, *abstract, shown).format);
    }
  }
  if (text.empty()) return {};
  // A space even where w:suff says nothing follows: "I.MỤC" glued would hide both words.
  return text + ' ';
}

}  // namespace vanban::indexer::detail
