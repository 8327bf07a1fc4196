// The annotated documents of the test suites, in one shape: the structure fixtures (our own),
// the gold annotations of ../shared/corpus (seeds and gazette; skipped without the corpus).
// Each gives its text and the fields and citations a legal officer writes down.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/symbol.hpp"

#include "test_support.hpp"

namespace vanban::testing {

inline constexpr const char* kAnnotatedFields[] = {
    "type",         "type_code",         "number",    "issuer", "place", "date", "title", "signer",
    "signer_title", "signing_authority", "recipients"};

struct AnnotatedDocument {
  std::string name;
  std::string source;                      // "fixtures", "seeds", "gazette", ...
  std::string text;                        // NFC
  nlohmann::json fields;                   // the annotated fields (a subset of kAnnotatedFields)
  std::vector<std::string> citation_keys;  // number_key of each annotated citation
};

// The key of an annotated citation: symbol_key() of its number, else law_key() of its name.
inline std::string annotated_citation_key(const nlohmann::json& citation) {
  if (citation.contains("number_key") && citation["number_key"].is_string())
    return citation["number_key"].get<std::string>();
  if (citation.contains("number") && citation["number"].is_string())
    return analyzers::symbol_key(citation["number"].get<std::string>())
        .value_or(citation["number"].get<std::string>());
  return analyzers::law_key(citation.value("name", std::string{}));
}

// The signer the extractor reads in a document's own text, "" when none: what read_parts()
// (layout_renderer.hpp) needs to find the signature block of that text.
inline std::string own_signer(const nlohmann::json& own) {
  return own.at("signer").is_string() ? own.at("signer").get<std::string>() : std::string{};
}

inline std::vector<std::filesystem::path> files_with(const std::filesystem::path& dir,
                                                     std::string_view suffix) {
  std::vector<std::filesystem::path> files;
  if (!std::filesystem::is_directory(dir)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().string().ends_with(suffix)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

inline std::vector<AnnotatedDocument> annotated_documents() {
  std::vector<AnnotatedDocument> documents;
  const auto tests = source_dir() / "tests" / "analyzers";
  for (const auto& expected : files_with(tests / "fixtures" / "structure", ".expected.json")) {
    std::string base = expected.string();
    base.resize(base.size() - std::string_view(".expected.json").size());
    const auto json = nlohmann::json::parse(read_file(expected));
    AnnotatedDocument document;
    document.name = std::filesystem::path(base).filename().string();
    document.source = "fixtures";
    document.text = analyzers::decode_text(read_file(base + ".txt")).text;
    document.fields = nlohmann::json::object();
    for (const char* field : kAnnotatedFields)
      if (json.contains(field)) document.fields[field] = json.at(field);
    for (const auto& citation : json.value("citations", nlohmann::json::array()))
      document.citation_keys.push_back(annotated_citation_key(citation));
    documents.push_back(std::move(document));
  }
  if (!std::filesystem::exists(corpus_dir())) return documents;
  for (const auto& file : files_with(tests / "gold", ".json")) {
    const auto json = nlohmann::json::parse(read_file(file));
    const std::string source = json.at("source").get<std::string>();
    const auto path = corpus_dir() / source;
    if (!std::filesystem::exists(path)) continue;
    AnnotatedDocument document;
    document.name = file.stem().string();
    document.source = source.starts_with("seeds/") ? "seeds" : "gazette";
    document.text = analyzers::decode_text(read_file(path)).text;
    document.fields = json.at("metadata");
    for (const auto& citation : json.at("citations"))
      document.citation_keys.push_back(annotated_citation_key(citation));
    documents.push_back(std::move(document));
  }
  return documents;
}

// Agreement of extractions: fields right, citations found, as counts.
struct Figures {
  int fields_right = 0;
  int fields_total = 0;
  int true_positives = 0;
  int predicted = 0;
  int expected = 0;

  double fields() const { return fields_total == 0 ? 1.0 : 1.0 * fields_right / fields_total; }
  double precision() const { return predicted == 0 ? 1.0 : 1.0 * true_positives / predicted; }
  double recall() const { return expected == 0 ? 1.0 : 1.0 * true_positives / expected; }
};

inline std::vector<std::string> citation_keys(const nlohmann::json& metadata) {
  std::vector<std::string> keys;
  for (const auto& citation : metadata.at("citations"))
    if (citation.contains("number_key") && citation["number_key"].is_string())
      keys.push_back(citation["number_key"].get<std::string>());
  return keys;
}

// Fields equal to `want`'s (only those `want` has), and the citations' keys as multisets.
inline void compare(const nlohmann::json& got, const nlohmann::json& want_fields,
                    std::vector<std::string> want_keys, Figures& figures,
                    const std::string& label) {
  for (const char* field : kAnnotatedFields) {
    if (!want_fields.contains(field)) continue;
    const bool ok = got.at(field) == want_fields.at(field);
    figures.fields_right += ok ? 1 : 0;
    ++figures.fields_total;
    if (!ok && std::getenv("VANBAN_LAYOUT_VERBOSE"))
      std::printf("  %s %s: got %s, want %s\n", label.c_str(), field, got.at(field).dump().c_str(),
                  want_fields.at(field).dump().c_str());
  }
  const std::vector<std::string> got_keys = citation_keys(got);
  figures.predicted += static_cast<int>(got_keys.size());
  figures.expected += static_cast<int>(want_keys.size());
  for (const std::string& key : got_keys) {
    const auto found = std::find(want_keys.begin(), want_keys.end(), key);
    if (found != want_keys.end()) {
      ++figures.true_positives;
      want_keys.erase(found);
    } else if (std::getenv("VANBAN_LAYOUT_VERBOSE")) {
      std::printf("  %s extra citation %s\n", label.c_str(), key.c_str());
    }
  }
  if (std::getenv("VANBAN_LAYOUT_VERBOSE"))
    for (const std::string& key : want_keys)
      std::printf("  %s missed citation %s\n", label.c_str(), key.c_str());
}

inline nlohmann::json fields_of(const nlohmann::json& metadata) {
  nlohmann::json fields = nlohmann::json::object();
  for (const char* field : kAnnotatedFields)
    fields[field] = metadata.at(field);
  return fields;
}

// "Nghị định 162/2026/NĐ-CP năm 2026 điều chỉnh lương hưu ...": a portal's page title.
inline std::string page_title(const nlohmann::json& metadata) {
  if (!metadata.at("type").is_string() || !metadata.at("number").is_string()) return {};
  std::string title =
      metadata.at("type").get<std::string>() + " " + metadata.at("number").get<std::string>();
  if (metadata.at("date").is_string())
    title += " năm " + metadata.at("date").get<std::string>().substr(0, 4);
  if (metadata.at("title").is_string()) title += " " + metadata.at("title").get<std::string>();
  return title;
}

// The readers' layout tests' report: each format's figures against the document's own text
// and against the annotations, printed, and the floors they hold (fields 0.95, citation
// precision and recall 0.97, against the document's own text).
inline void report_formats(const std::string& heading, std::size_t documents,
                           const std::map<std::string, Figures>& by_format,
                           const std::map<std::string, Figures>& gold_by_format) {
  std::printf("%s, %zu annotated documents\n", heading.c_str(), documents);
  for (const auto& [format, figures] : by_format) {
    const Figures& gold = gold_by_format.at(format);
    std::printf(
        "  %-6s fields %.3f (%d/%d)  citations P %.3f R %.3f  | annotations: fields %.3f "
        "(%d/%d) citations P %.3f R %.3f\n",
        format.c_str(), figures.fields(), figures.fields_right, figures.fields_total,
        figures.precision(), figures.recall(), gold.fields(), gold.fields_right, gold.fields_total,
        gold.precision(), gold.recall());
    EXPECT_GE(figures.fields(), 0.95) << format;
    EXPECT_GE(figures.precision(), 0.97) << format;
    EXPECT_GE(figures.recall(), 0.97) << format;
  }
}

}  // namespace vanban::testing
