// Damaged files through read_document, for every format: truncated and bit-flipped PDF, DOCX
// zip, HTML, edXML and text. Each gives a document (valid UTF-8 text, a format) or a clear
// Error; none crashes or hangs. Seeds: the committed reader fixtures and the fuzzing seeds.
#include <algorithm>
#include <array>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "vanban/indexer/reader.hpp"

#include "attribute_scan.hpp"
#include "fuzz_inputs.hpp"
#include "sanitizer_stride.hpp"
#include "test_support.hpp"

namespace vanban::indexer {
namespace {

using testing::FuzzInputs;
using testing::is_valid_utf8;

struct Seed {
  std::string name;  // the file name read_document sees (its extension matters)
  std::string bytes;
};

// The fuzzing seeds of read_document: the first byte picks the name, as in the harness.
constexpr std::array<const char*, 9> kHarnessNames = {
    "van-ban.txt",   "van-ban.html", "van-ban.docx", "van-ban.pdf", "van-ban.xml",
    "van-ban.edxml", "van-ban.htm",  "van-ban",      "van-ban.zip"};

const std::set<std::string> kConverted = {".doc", ".rtf", ".xls"};

std::vector<Seed> seeds() {
  std::vector<Seed> out;
  std::vector<std::filesystem::path> files;
  for (const char* folder : {"tests/indexer/fixtures", "tests/fuzz/corpus/read_document"}) {
    const auto dir = testing::source_dir() / folder;
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
      if (entry.is_regular_file() && entry.file_size() <= 2'000'000) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::string bytes = testing::read_file(file);
    if (file.parent_path().filename() == "read_document") {
      if (bytes.empty()) continue;
      const std::string name =
          kHarnessNames[static_cast<unsigned char>(bytes[0]) % kHarnessNames.size()];
      out.push_back({name, bytes.substr(1)});
    } else if (kConverted.contains(file.extension().string())) {
      // Read by LibreOffice, a program of its own (office_converter_test.cpp covers how its
      // failures are met); hundreds of conversions would only fuzz LibreOffice, slowly.
      continue;
    } else if (file.extension() != ".json") {  // expected outputs are not inputs
      out.push_back({file.filename().string(), std::move(bytes)});
    }
  }
  return out;
}

void expect_document_or_clear_error(const Seed& input) {
  SCOPED_TRACE(input.name + " " + ::testing::PrintToString(input.bytes.substr(0, 80)));
  Result<ReadDocument> read = Error{};
  ASSERT_NO_THROW(read = read_document(input.name, input.bytes));
  if (!read) {
    EXPECT_FALSE(read.error().message.empty());
    EXPECT_NE(read.error().kind, ErrorKind::internal) << read.error().message;
    return;
  }
  EXPECT_TRUE(is_valid_utf8(read->text));
  EXPECT_EQ(read->text.find('\0'), std::string::npos);
  EXPECT_FALSE(read->format.empty());
  ASSERT_NO_THROW((void)nlohmann::json(read->overrides.values()).dump());
  for (const auto& warning : read->warnings)
    EXPECT_TRUE(is_valid_utf8(warning));
}

TEST(ReaderRobustness, the_seeds_themselves_read) {
  const auto all = seeds();
  ASSERT_FALSE(all.empty());
  for (const Seed& seed : all)
    expect_document_or_clear_error(seed);
}

// 600 damaged copies, each seed damaged in turn. Under the sanitizers' stride N the same 600
// are made and every Nth is read, the Nth shifting by one each pass over the seeds, so that
// each seed is still read damaged (600 / seeds passes, at least N).
TEST(ReaderRobustness, damaged_files_of_every_format_give_a_document_or_a_clear_error) {
  FuzzInputs inputs(0x1d3c'0001);
  const auto all = seeds();
  ASSERT_FALSE(all.empty());
  constexpr std::size_t kRounds = 600;
  const std::size_t passes = std::max<std::size_t>(kRounds / all.size(), 1);
  const std::size_t stride = std::min(testing::sanitizer_stride(), passes);
  std::set<std::size_t> read_seeds;
  for (std::size_t round = 0; round < kRounds; ++round) {
    const std::size_t index = round % all.size();
    const Seed& seed = all[index];
    std::string damaged = inputs.mutate_many(seed.bytes);  // drawn whether read or not
    if ((index + round / all.size()) % stride != 0) continue;
    read_seeds.insert(index);
    expect_document_or_clear_error({seed.name, std::move(damaged)});
  }
  EXPECT_EQ(read_seeds.size(), std::min(all.size(), kRounds));
}

TEST(ReaderRobustness, truncation_at_every_eighth_of_a_file_is_handled) {
  for (const Seed& seed : seeds()) {
    for (std::size_t eighth = 0; eighth < 8; ++eighth)
      expect_document_or_clear_error(
          {seed.name, seed.bytes.substr(0, seed.bytes.size() * eighth / 8)});
  }
}

TEST(ReaderRobustness, random_bytes_under_every_file_name_are_handled) {
  FuzzInputs inputs(0x1d3c'0002);
  for (int round = 0; round < 400; ++round) {
    const std::string name = kHarnessNames[inputs.below(kHarnessNames.size())];
    std::string bytes = inputs.random_bytes(400);
    // Give the sniffers something to bite on: the magic numbers of the formats.
    static constexpr std::array<std::string_view, 6> kMagic = {
        "%PDF-1.4\n",   "PK\x03\x04", "<?xml version=\"1.0\"?>",
        "<html><body>", "<edXML>",    "\xFF\xFE"};
    if (inputs.one_in(2)) bytes.insert(0, kMagic[inputs.below(kMagic.size())]);
    expect_document_or_clear_error({name, bytes});
  }
}

TEST(ReaderRobustness, deeply_nested_markup_is_handled) {
  for (const char* name : {"sau.html", "sau.xml", "sau.edxml"}) {
    for (const char* tag : {"div", "b", "p", "table"}) {
      std::string bytes = "<html><body>";
      for (int i = 0; i < 20000; ++i)
        bytes += std::string("<") + tag + ">";
      bytes += "Số: 32/KH-UBND";
      expect_document_or_clear_error({name, bytes});
    }
  }
}

// A page nested past the HTML parser's depth limit (256) loses what lies below it: said so, as a
// warning when text above the limit is kept, as a clear error when none is (not "no text").
TEST(ReaderRobustness, html_past_the_parsers_depth_is_said_to_be_too_deep) {
  std::string deep = "<html><body>";
  for (int i = 0; i < 5000; ++i)
    deep += "<div>";
  deep += "Điều 1. Phạm vi điều chỉnh";
  auto lost = read_document("sau.html", deep);
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(lost.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(lost.error().user_message,
            "Trang HTML lồng nhau quá sâu (quá 256 cấp), không đọc được nội dung");

  auto kept = read_document("sau.html", "<html><body><p>Số: 32/KH-UBND</p>" + deep.substr(12));
  ASSERT_TRUE(kept.ok()) << kept.error().message;
  EXPECT_NE(kept->text.find("Số: 32/KH-UBND"), std::string::npos);
  ASSERT_EQ(kept->warnings.size(), 1u);
  EXPECT_NE(kept->warnings[0].find("deeper than the parser's limit"), std::string::npos);

  auto shallow = read_document("nong.html", "<html><body><div><div>Số: 32/KH-UBND</div></div>");
  ASSERT_TRUE(shallow.ok()) << shallow.error().message;
  EXPECT_TRUE(shallow->warnings.empty());
}

// A page or an envelope kept whole as one tree costs libxml2 ~420 bytes per small element: a
// 37 MB page of `<p>x</p>` took 1.9 GB (5 GB at the 100 MB limit). Past kMaxTreeElements start
// tags the file is refused before it is parsed; a page of many elements under it is read.
TEST(ReaderRobustness, a_page_or_envelope_of_too_many_elements_is_refused_before_its_tree) {
  std::string many = "<html><body><p>Số: 32/KH-UBND</p>";
  for (std::uint64_t i = 0; i <= detail::kMaxTreeElements; ++i)
    many += "<b>x</b>";
  auto refused = read_document("nhieu-the.html", many);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::too_large);
  EXPECT_NE(refused.error().user_message.find("quá nhiều thẻ"), std::string::npos)
      << refused.error().user_message;

  std::string envelope =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><edXML><edXMLEnvelope><edXMLHeader>";
  for (std::uint64_t i = 0; i <= detail::kMaxTreeElements; ++i)
    envelope += "<a/>";
  envelope += "</edXMLHeader></edXMLEnvelope></edXML>";
  auto refused_envelope = read_document("nhieu-the.edxml", envelope);
  ASSERT_FALSE(refused_envelope.ok());
  EXPECT_EQ(refused_envelope.error().kind, ErrorKind::too_large);

  // Comments and a script's text are no elements; 50,000 real ones are read.
  std::string read_whole = "<html><body><!-- <b><b><b> --><script>var s = '<b><b>';</script>";
  for (int i = 0; i < 50'000; ++i)
    read_whole += "<span>Điều " + std::to_string(i) + ".</span>";
  read_whole += "<p>Số: 32/KH-UBND</p>";
  auto kept = read_document("nhieu-the-van-doc.html", read_whole);
  ASSERT_TRUE(kept.ok()) << kept.error().message;
  EXPECT_NE(kept->text.find("Số: 32/KH-UBND"), std::string::npos);
}

// Regression: nested entity declarations expanded to gigabytes when the text was read.
TEST(ReaderRobustness, xml_entity_bombs_are_refused) {
  std::string dtd = "<!DOCTYPE edXML [<!ENTITY e0 \"Số: 32/KH-UBND \">";
  for (int level = 1; level <= 9; ++level) {
    dtd += "<!ENTITY e" + std::to_string(level) + " \"";
    for (int i = 0; i < 10; ++i)
      dtd += "&e" + std::to_string(level - 1) + ";";
    dtd += "\">";
  }
  dtd += "]>";
  const std::string in_text = "<?xml version=\"1.0\"?>" + dtd +
                              "<edXML><MessageHeader><Subject>&e9;</Subject>"
                              "<Content>&e9;</Content></MessageHeader></edXML>";
  const std::string in_attribute = "<?xml version=\"1.0\"?>" + dtd +
                                   "<edXML><MessageHeader><Subject a=\"&e9;\">x</Subject>"
                                   "</MessageHeader></edXML>";
  for (const std::string& bytes : {in_text, in_attribute}) {
    auto read = read_document("bomb.edxml", bytes);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().kind, ErrorKind::invalid_argument) << read.error().message;
  }
}

// Combining marks in runs: ICU orders a run by insertion (n² for n marks of mixed classes), so
// 4 MB of nothing but marks kept a reader busy past 600 CPU s. Unicode's Stream-Safe Text
// Format bounds each run at 30 (a U+034F joiner put between): every mark is kept, at once.
TEST(ReaderRobustness, a_text_of_combining_marks_alone_reads_at_once_and_keeps_them) {
  std::string marks;
  for (int i = 0; i < 100'000; ++i)
    marks += "\xCC\x81\xCC\xA3\xCC\x89";  // U+0301 (class 230), U+0323 (220), U+0309 (230)
  const auto read = read_document("dau.txt", "Dieu 1. " + marks, ReadOptions{});
  ASSERT_TRUE(read.ok()) << read.error().message;
  std::size_t kept = 0;
  std::size_t joiners = 0;
  for (std::size_t at = 0; at + 1 < read->text.size(); ++at) {
    const std::string_view two = std::string_view(read->text).substr(at, 2);
    kept += two == "\xCC\x81" || two == "\xCC\xA3" || two == "\xCC\x89";
    joiners += two == "\xCD\x8F";
  }
  EXPECT_EQ(kept, 300'000u);
  EXPECT_EQ(joiners, 300'000u / 30 - 1);
  // Controls: Vietnamese written with combining marks (NFD) composes as before, and a letter
  // with 30 marks is left as it is.
  const auto nfd =
      read_document("nfd.txt", "Ngh\x69\xCC\xA3 \x64inh ho\x61\xCC\x80", ReadOptions{});
  ASSERT_TRUE(nfd.ok());
  EXPECT_NE(nfd->text.find("Nghị dinh hoà"), std::string::npos) << nfd->text;
  std::string thirty = "Dieu a";
  for (int i = 0; i < 30; ++i)
    thirty += "\xCC\x81";
  const auto kept_whole = read_document("ba-muoi.txt", thirty, ReadOptions{});
  ASSERT_TRUE(kept_whole.ok());
  EXPECT_EQ(kept_whole->text.find("\xCD\x8F"), std::string::npos);
}

}  // namespace
}  // namespace vanban::indexer
