// A small archive for the search tests: fixture documents written here, indexed with the real
// ArchiveWriter into a fresh temporary directory, read back through the Searcher.
#pragma once

#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vanban/analyzers/symbol.hpp"
#include "vanban/archive/archive.hpp"
#include "vanban/archive/searcher.hpp"
#include "vanban/archive/writer.hpp"

#include "test_support.hpp"

namespace vanban::testing {

struct Doc {
  std::string name = {};  // the source path, and how a test refers to the document
  std::string type = "Kế hoạch";
  std::string number = {};
  std::string issuer = "Ủy ban nhân dân thành phố Huế";
  std::string date = "2026-01-31";
  std::string title = {};
  std::string body = {};
  std::vector<std::string> cites = {};              // cited numbers
  std::vector<analyzers::Citation> citations = {};  // full citations, beside `cites`
  std::string effective = {};                       // the date it states it takes effect
  std::string expires = {};                         // the last day it states it is in force
  std::string signer = {};
};

inline analyzers::Citation cite(const std::string& number,
                                std::optional<std::string> date = std::nullopt,
                                std::optional<std::string> issuer = std::nullopt) {
  analyzers::Citation citation;
  citation.number = number;
  citation.number_key = analyzers::symbol_key(number);
  citation.date = std::move(date);
  citation.issuer = std::move(issuer);
  citation.text = "số " + number;
  return citation;
}

// The record a writer is given for a fixture document, and the original's bytes.
inline archive::ArchivedDocument archived_of(const Doc& doc, std::string& original) {
  archive::ArchivedDocument document;
  document.format = "txt";
  document.filename = doc.name;
  auto& metadata = document.metadata;
  metadata.type = doc.type;
  if (!doc.number.empty()) {
    metadata.number = doc.number;
    metadata.number_key = analyzers::symbol_key(doc.number);
  }
  if (!doc.issuer.empty()) metadata.issuer = doc.issuer;
  if (!doc.date.empty()) metadata.date = doc.date;
  metadata.title = doc.title;
  for (const std::string& number : doc.cites)
    metadata.citations.push_back(cite(number));
  for (const auto& citation : doc.citations)
    metadata.citations.push_back(citation);
  if (!doc.signer.empty()) metadata.signer = doc.signer;
  if (!doc.effective.empty())
    metadata.effective = analyzers::StatedDate{doc.effective, "có hiệu lực " + doc.effective};
  if (!doc.expires.empty())
    metadata.expires = analyzers::StatedDate{doc.expires, "hết hiệu lực " + doc.expires};
  document.text = doc.title + "\n" + doc.body;
  original = doc.name + "\n" + doc.number + "\n" + document.text;
  return document;
}

class SearchArchive {
 public:
  explicit SearchArchive(std::initializer_list<Doc> documents) { add(documents); }

  void add(std::initializer_list<Doc> documents) { add(std::vector<Doc>(documents)); }

  void add(const std::vector<Doc>& documents) {
    auto writer = archive::Archive(dir_.path()).open_writer();
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    for (const Doc& doc : documents) {
      std::string original;
      const archive::ArchivedDocument document = archived_of(doc, original);
      auto put = (*writer)->put(doc.name, original, document);
      ASSERT_TRUE(put.ok()) << put.error().message;
      names_[(*writer)->source(doc.name)->document_id] = doc.name;
    }
    ASSERT_TRUE((*writer)->commit().ok());
  }

  archive::Searcher& searcher() {
    if (!searcher_) {
      auto opened = archive::Archive(dir_.path()).open_searcher();
      EXPECT_TRUE(opened.ok()) << opened.error().message;
      searcher_ = std::move(*opened);
    }
    return *searcher_;
  }

  archive::SearchResponse search(archive::SearchRequest request) {
    auto response = searcher().search(request);
    EXPECT_TRUE(response.ok()) << request.query << ": " << response.error().message;
    return response ? std::move(*response) : archive::SearchResponse{};
  }

  archive::SearchResponse search(const std::string& query) {
    archive::SearchRequest request;
    request.query = query;
    return search(request);
  }

  // The fixture names of the hits, in rank order.
  std::vector<std::string> names(const archive::SearchResponse& response) const {
    std::vector<std::string> out;
    for (const auto& hit : response.hits)
      out.push_back(name_of(hit.id));
    return out;
  }

  std::vector<std::string> found(const std::string& query) { return names(search(query)); }

  std::string name_of(const std::string& id) const {
    const auto it = names_.find(id);
    return it == names_.end() ? "?" + id : it->second;
  }

  std::string id_of(const std::string& name) const {
    for (const auto& [id, each] : names_)
      if (each == name) return id;
    return {};
  }

  const std::filesystem::path& path() const { return dir_.path(); }

 private:
  TempDir dir_;
  std::map<std::string, std::string> names_;  // document id → fixture name
  std::unique_ptr<archive::Searcher> searcher_;
};

// Facet counts as value → count.
inline std::map<std::string, std::uint64_t> facet(const archive::SearchResponse& response,
                                                  const std::string& name) {
  std::map<std::string, std::uint64_t> counts;
  for (const auto& [facet_name, values] : response.facets)
    if (facet_name == name)
      for (const auto& value : values)
        counts[value.value] = value.count;
  return counts;
}

}  // namespace vanban::testing
