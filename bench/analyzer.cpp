// Text analysis speed: our Analyzer (word break + symbols + exact and folded forms) against a
// bare ICU word-break pass over the same text, in the same process. The ratio is what our work
// on top of ICU costs. Text: the corpus seeds and a few gazette documents when present.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include "vanban/analyzers/fold.hpp"
#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/tokenizer.hpp"

#include "corpus_sample.hpp"
#include "rate_ratios.hpp"

namespace {

using namespace vanban::analyzers;

const char* const kBuiltIn =
    "KẾ HOẠCH\nTriển khai thực hiện công tác dân vận chính quyền năm 2026\n"
    "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng "
    "cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước; Nghị định số "
    "59/2023/NĐ-CP ngày 14/8/2023; Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị, "
    "Ủy ban nhân dân thành phố ban hành Kế hoạch thực hiện phong trào “Dân vận khéo”:\n"
    "- Đẩy mạnh công tác tuyên truyền, vận động Nhân dân thực hiện nghiêm túc các chủ trương "
    "của Đảng, chính sách, pháp luật của Nhà nước; phát huy quyền làm chủ của Nhân dân./.\n";

// The sample: every seed, and the first two documents of each gazette topic.
const std::string& sample_text() {
  static const std::string text = [] {
    const std::vector<std::string> documents = vanban::bench::corpus_sample_documents();
    std::string all;
    for (const std::string& document : documents)
      all += document + "\n\n";
    if (all.empty())
      for (int i = 0; i < 200; ++i)
        all += kBuiltIn;
    std::cerr << "sample: " << documents.size() << " files, " << all.size() << " bytes\n";
    return all;
  }();
  return text;
}

void BM_Analyzer(benchmark::State& state) {
  const std::string& text = sample_text();
  Analyzer& analyzer = thread_analyzer();
  std::size_t tokens = 0;
  for (auto _ : state) {
    const auto result = analyzer.analyze(text);
    tokens = result.size();
    benchmark::DoNotOptimize(result.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["tokens"] = static_cast<double>(tokens);
}
BENCHMARK(BM_Analyzer)->Unit(benchmark::kMillisecond);

void BM_IcuWordBreak(benchmark::State& state) {
  const std::string& text = sample_text();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale("vi"), status));
  UText utext = UTEXT_INITIALIZER;
  std::size_t count = 0;
  for (auto _ : state) {
    utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
    words->setText(&utext, status);
    count = 0;
    words->first();
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE; end = words->next())
      if (words->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) ++count;
    benchmark::DoNotOptimize(count);
  }
  utext_close(&utext);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["tokens"] = static_cast<double>(count);
}
BENCHMARK(BM_IcuWordBreak)->Unit(benchmark::kMillisecond);

void BM_DecodeText(benchmark::State& state) {
  const std::string& text = sample_text();
  for (auto _ : state)
    benchmark::DoNotOptimize(decode_text(text).text.size());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_DecodeText)->Unit(benchmark::kMillisecond);

void BM_Fold(benchmark::State& state) {
  const std::string& text = sample_text();
  std::string out;
  for (auto _ : state) {
    out.clear();
    append_folded(text, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Fold)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  return vanban::bench::run_with_ratios(argc, argv, "BM_IcuWordBreak",
                                        "the bare ICU word-break pass");
}
