// Structure extraction speed: extract_metadata() (header, title, signature, recipients,
// citations) against the tokenizer pass (Analyzer::analyze) over the same documents, in the same
// process; the ratio is what structure analysis costs next to indexing's own analysis.
// Documents: the corpus seeds and the first two gazette documents of each topic (the sample of
// bench_analyzer), one call per document; built-in documents when the corpus is absent.
// Worst case: hostile text of the same size (the shapes the extractor looks for, each repeated
// thousands of times in one document) against the normal sample, so that a part that rescans
// the text per match shows as a ratio far below 1.
#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/structure.hpp"
#include "vanban/analyzers/tokenizer.hpp"

#include "corpus_sample.hpp"
#include "rate_ratios.hpp"

namespace {

using namespace vanban::analyzers;

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
    out.documents = vanban::bench::corpus_sample_documents();
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

// One unit of hostile text; {i} is the repeat's number, {d} a day and {y} a year that follow it,
// {m} a footnote number.
constexpr std::string_view kAdversarialUnits[] = {
    "Căn cứ Nghị định số {i}/2023/NĐ-CP ngày 12/3/2023 của Chính phủ;\n",
    "Số: {i}/KH-UBND\n",
    "Hà Nội, ngày {d} tháng 6 năm 2024\n",
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n",
    "Nơi nhận:\n- Sở {i};\n",
    "{m} Quyết định số {i}-QĐ/TW ngày 30/7/2021 của Bộ Chính trị về công tác\nvăn thư\n",
    "Theo Quyết định số {i}-QĐ/TW{m} của Ban Bí thư; ",
    "Thực hiện Kế hoạch số {i}/KH-\nUBND ngày {d}/3/2023 của UBND tỉnh;\n",
    "Kế hoạch số 12/KH-UBND ngày {d}/3/{y}; ",
    "các văn bản: số {i}/KH-UBND, số {i}/TTr-SNV, ",
    "Nghị quyết số {i}, 1{i}, 2{i}-NQ/TW ",
    "Luật Đất đai số {i}/2024/QH15, Luật Xây dựng {i}, ",
    "số 1/2/3/4/5/6/7/8/9/",
    "Quyết định số {i}/QĐ-UBND của (UBND tỉnh ",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
    "THÔNG TƯ\n",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA{i}-",
};

std::string expand_unit(std::string_view unit, int i) {
  std::string out;
  for (std::size_t k = 0; k < unit.size(); ++k) {
    const std::size_t close = unit[k] == '{' ? unit.find('}', k) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out.push_back(unit[k]);
      continue;
    }
    const std::string_view field = unit.substr(k + 1, close - k - 1);
    const int value = field == "d"   ? i % 28 + 1
                      : field == "y" ? 1990 + i / 28 % 100
                      : field == "m" ? i % 99 + 1
                                     : i;
    out += std::to_string(value);
    k = close;
  }
  return out;
}

const Sample& adversarial_sample() {
  static const Sample documents = [] {
    Sample out;
    const std::size_t per_document = sample().bytes / std::size(kAdversarialUnits);
    for (std::string_view unit : kAdversarialUnits) {
      std::string document;
      for (int i = 1; document.size() < per_document; ++i)
        document += expand_unit(unit, i);
      out.documents.push_back(normalize_nfc(document));
      out.bytes += out.documents.back().size();
    }
    std::cerr << "adversarial sample: " << out.documents.size() << " documents, " << out.bytes
              << " bytes\n";
    return out;
  }();
  return documents;
}

void run_extraction(benchmark::State& state, const Sample& documents) {
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

void BM_ExtractMetadata(benchmark::State& state) {
  run_extraction(state, sample());
}
BENCHMARK(BM_ExtractMetadata)->Unit(benchmark::kMillisecond);

void BM_ExtractAdversarial(benchmark::State& state) {
  run_extraction(state, adversarial_sample());
}
BENCHMARK(BM_ExtractAdversarial)->Unit(benchmark::kMillisecond);

void run_analyzer(benchmark::State& state, const Sample& documents) {
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

void BM_Analyzer(benchmark::State& state) {
  run_analyzer(state, sample());
}
BENCHMARK(BM_Analyzer)->Unit(benchmark::kMillisecond);

// The tokenizer (with its symbol scan) over the hostile text: indexing runs it too.
void BM_AnalyzerAdversarial(benchmark::State& state) {
  run_analyzer(state, adversarial_sample());
}
BENCHMARK(BM_AnalyzerAdversarial)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  return vanban::bench::run_with_ratios(
      argc, argv,
      {{"BM_Analyzer", "the tokenizer pass over the same text"},
       {"BM_ExtractMetadata", "extraction over normal text of the same size"}});
}
