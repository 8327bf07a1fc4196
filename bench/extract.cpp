// Structure extraction speed: extract_metadata() (header, title, signature, recipients,
// citations) against the tokenizer pass (Analyzer::analyze) over the same documents, in the same
// process; the ratio is what structure analysis costs next to indexing's own analysis.
// Documents: the corpus seeds and the first two gazette documents of each topic (the sample of
// bench_analyzer), one call per document; built-in documents when the corpus is absent.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/tokenizer.hpp"

#include "rate_ratios.hpp"

namespace {

namespace fs = std::filesystem;
using namespace vanban::analyzers;

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<fs::path> sorted_files(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

const char* const kBuiltIn =
    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nSố: 32/KH-UBND\nHuế, ngày 31 tháng 01 năm 2026\n\nKẾ HOẠCH\n"
    "Thực hiện công tác dân vận, dân chủ năm 2026\n\n"
    "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng "
    "cường và đổi mới công tác dân vận; Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ; "
    "Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị; Luật Thực hiện dân chủ ở cơ sở, "
    "Ủy ban nhân dân thành phố ban hành Kế hoạch như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\nPhát huy quyền làm chủ của Nhân dân./.\n\nNơi nhận:\n"
    "- Ban Thường vụ Thành ủy;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n"
    "Trần Hữu Thùy Giang\n";

struct Sample {
  std::vector<std::string> documents;
  std::size_t bytes = 0;
};

const Sample& sample() {
  static const Sample documents = [] {
    Sample out;
    const fs::path corpus = fs::path(VANBAN_SHARED_DIR) / "corpus";
    std::vector<fs::path> files = sorted_files(corpus / "seeds");
    const fs::path gazette = corpus / "real" / "congbao-8chude" / "docs";
    if (fs::is_directory(gazette)) {
      std::vector<fs::path> topics;
      for (const auto& entry : fs::directory_iterator(gazette))
        if (entry.is_directory()) topics.push_back(entry.path());
      std::sort(topics.begin(), topics.end());
      for (const fs::path& topic : topics) {
        const std::vector<fs::path> docs = sorted_files(topic);
        files.insert(files.end(), docs.begin(),
                     docs.begin() + std::min<std::size_t>(2, docs.size()));
      }
    }
    for (const fs::path& file : files)
      out.documents.push_back(decode_text(read_bytes(file)).text);
    if (out.documents.empty())
      for (int i = 0; i < 50; ++i)
        out.documents.emplace_back(kBuiltIn);
    for (const std::string& document : out.documents)
      out.bytes += document.size();
    std::cerr << "sample: " << out.documents.size() << " documents, " << out.bytes << " bytes\n";
    return out;
  }();
  return documents;
}

void BM_ExtractMetadata(benchmark::State& state) {
  const Sample& documents = sample();
  std::size_t citations = 0;
  for (auto _ : state) {
    citations = 0;
    for (const std::string& document : documents.documents)
      citations += extract_metadata(document).citations.size();
    benchmark::DoNotOptimize(citations);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * documents.bytes));
  state.counters["citations"] = static_cast<double>(citations);
}
BENCHMARK(BM_ExtractMetadata)->Unit(benchmark::kMillisecond);

void BM_Analyzer(benchmark::State& state) {
  const Sample& documents = sample();
  Analyzer& analyzer = thread_analyzer();
  std::size_t tokens = 0;
  for (auto _ : state) {
    tokens = 0;
    for (const std::string& document : documents.documents)
      tokens += analyzer.analyze(document).size();
    benchmark::DoNotOptimize(tokens);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * documents.bytes));
  state.counters["tokens"] = static_cast<double>(tokens);
}
BENCHMARK(BM_Analyzer)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  return vanban::bench::run_with_ratios(argc, argv, "BM_Analyzer", "the tokenizer pass");
}
