// Runs the registered benchmarks and prints each one's MB/s as a ratio to a peer benchmark run
// in the same process (figures on a shared machine only mean something as ratios).
#pragma once

#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

namespace vanban::bench {

// Prints the runs as usual and keeps each one's bytes per second for the ratios.
class RateReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      const auto rate = run.counters.find("bytes_per_second");
      if (rate != run.counters.end()) rates_[run.benchmark_name()] = rate->second.value;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  const std::map<std::string, double>& rates() const { return rates_; }

 private:
  std::map<std::string, double> rates_;
};

// A benchmark that others are compared to, and how the printout names it.
struct Peer {
  std::string name;   // "BM_Analyzer"
  std::string label;  // "the tokenizer pass over the same text"
};

// The body of a benchmark program's main(): runs everything, then the ratios to each peer.
inline int run_with_ratios(int argc, char** argv, const std::vector<Peer>& peers) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RateReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  const auto& rates = reporter.rates();
  for (const Peer& peer : peers) {
    const auto peer_rate = rates.find(peer.name);
    if (peer_rate == rates.end() || peer_rate->second <= 0) continue;
    std::cout << "\nMB/s and ratio to " << peer.label << ":\n";
    for (const auto& [name, rate] : rates) {
      std::cout << "  " << name << ": " << rate / 1e6 << " MB/s, " << rate / peer_rate->second
                << " x " << peer.name << '\n';
    }
  }
  return 0;
}

inline int run_with_ratios(int argc, char** argv, const std::string& peer,
                           const std::string& peer_label) {
  return run_with_ratios(argc, argv, std::vector<Peer>{{peer, peer_label + " over the same text"}});
}

}  // namespace vanban::bench
