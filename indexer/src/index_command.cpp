// `vanban index [--db DIR] [--json] [--prune] [--reindex] [--no-compact] [--jobs N] [--shards N]
// [--max-size MB] [PATH...]`
// Without PATH it brings the archive's documents up to this version's analysis (from their stored
// originals) and reads no file. Exit 0 when every file is in, 1 when some failed (the rest are
// in), 2 on a usage error.
// Messages for the user are in Vietnamese; the JSON summary's keys and reasons are for scripts.
#include "index_command.hpp"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/cli.hpp"
#include "vanban/indexer/ingest.hpp"

#include "progress.hpp"

namespace vanban::indexer {
namespace {

struct IndexArguments {
  std::filesystem::path db_dir;
  std::vector<std::string> paths;
  bool json = false;
  bool prune = false;
  bool reindex = false;
  bool no_ocr = false;
  bool no_compact = false;
  unsigned jobs = 0;
  std::size_t shards = 0;  // 0: as the archive is (one database unless made sharded)
  std::uint64_t max_size_mb = 100;
};

const std::string& shown(const Error& error) {
  return error.user_message.empty() ? error.message : error.user_message;
}

const std::string& shown(const FileNote& note) {
  return note.user_message.empty() ? note.message : note.user_message;
}

int run_index(const IndexArguments& arguments) {
  IngestOptions options;
  options.inputs.assign(arguments.paths.begin(), arguments.paths.end());
  options.jobs = arguments.jobs;
  options.prune = arguments.prune;
  options.reindex = arguments.reindex;
  // A rule changed since the archive was made reaches every document, not only the files given.
  options.reanalyse_stale = true;
  options.read.max_bytes = arguments.max_size_mb * 1024 * 1024;
  options.read.ocr.enabled = !arguments.no_ocr;

  if (options.inputs.empty()) {
    // Without paths every archived file would count as gone (--prune) and there is nothing
    // to rebuild from but the stored originals, which the re-analysis already reads.
    if (arguments.prune || arguments.reindex) {
      std::cerr << "vanban index: --prune và --reindex cần các tệp hoặc thư mục (PATH...)\n";
      return 2;
    }
    if (!archive::Archive(arguments.db_dir).indexed()) {
      std::cerr << "vanban index: Không có kho văn bản tại " << arguments.db_dir.string()
                << "; hãy cho các tệp hoặc thư mục cần đưa vào kho\n";
      return 2;
    }
  }
  for (const auto& input : options.inputs) {
    std::error_code error;
    if (!std::filesystem::exists(input, error)) {
      std::cerr << "vanban index: không có tệp hoặc thư mục " << input.string() << '\n';
      return 2;
    }
  }
  if (arguments.shards > 0) {
    if (const Status sharded = archive::Archive(arguments.db_dir).use_shards(arguments.shards);
        !sharded) {
      std::cerr << "vanban index: " << shown(sharded.error()) << '\n';
      return sharded.error().kind == ErrorKind::invalid_argument ? 2 : 1;
    }
  }
  archive::WriterOptions writer_options;
  writer_options.reindex_unchanged = arguments.reindex;
  auto writer = archive::Archive(arguments.db_dir).open_writer(writer_options);
  if (!writer) {
    std::cerr << "vanban index: " << shown(writer.error()) << '\n';
    return 1;
  }
  detail::ProgressBar bar(stderr);
  options.on_progress = [&bar](const IngestProgress& progress) { bar.update(progress); };
  auto summary = ingest(**writer, options);
  bar.finish();
  // A run that wrote a large share of the archive leaves the index's B-trees half empty: it is
  // rewritten compacted (archive::compaction_due). A failure leaves the index as it was.
  std::optional<archive::CompactReport> compaction;
  if (summary && !arguments.no_compact) {
    if (auto compacted = (*writer)->compact_if_due(); !compacted) {
      summary->warnings.push_back(
          {"", "cannot compact the index: " + compacted.error().message, shown(compacted.error())});
    } else if (compacted->compacted) {
      compaction = *compacted;
    }
  }
  // The run's last commit and the archive's release: a failure there fails the run.
  if (const Status closed = (*writer)->close(); !closed && summary) summary = closed.error();
  if (!summary) {
    std::cerr << "vanban index: " << shown(summary.error()) << '\n';
    return summary.error().kind == ErrorKind::invalid_argument ? 2 : 1;
  }
  if (arguments.json) {
    nlohmann::json report = to_json(*summary);
    if (compaction) report["compaction"] = archive::compact_json(*compaction);
    // File names are bytes: one that is not UTF-8 is printed with U+FFFD, not thrown on.
    std::cout << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else {
    print_summary(*summary);
    if (compaction) std::cout << archive::compact_line(*compaction) << '\n';
  }
  return summary->failed.empty() ? 0 : 1;
}

}  // namespace

void print_summary(const IngestSummary& summary) {
  std::cout << "Đã xử lý " << summary.files << " tệp ("
            << (summary.bytes + 512 * 1024) / (1024 * 1024) << " MB) trong "
            << static_cast<long>(summary.seconds * 10 + 0.5) / 10.0 << " giây: " << summary.added
            << " thêm mới, " << summary.updated << " cập nhật, " << summary.unchanged
            << " không đổi, " << summary.removed << " xóa, " << summary.failed.size() << " lỗi, "
            << summary.skipped.size() << " bỏ qua.\n";
  if (summary.reanalysed > 0)
    std::cout << "Phân tích lại " << summary.reanalysed
              << " văn bản do phiên bản phân tích cũ lập (nay là phiên bản "
              << summary.analysis_version << ").\n";
  if (summary.stale_left > 0)
    std::cout << "Còn " << summary.stale_left
              << " văn bản do phiên bản phân tích cũ lập: bộ lọc và \"được dẫn chiếu bởi\" có "
                 "thể thiếu chúng; xem các lỗi và cảnh báo dưới đây rồi chạy lại `vanban index`.\n";
  if (summary.ocr_pages > 0)
    std::cout << "Nhận dạng chữ (OCR) " << summary.ocr_pages << " trang quét.\n";
  for (const FileNote& note : summary.failed)
    std::cout << "LỖI " << note.path << ": " << shown(note) << '\n';
  for (const FileNote& note : summary.skipped)
    std::cout << "BỎ QUA " << note.path << ": " << shown(note) << '\n';
  for (const FileNote& note : summary.warnings)
    std::cerr << "CẢNH BÁO " << (note.path.empty() ? "" : note.path + ": ") << shown(note) << '\n';
}

void register_index_command(CLI::App& app) {
  auto arguments = std::make_shared<IndexArguments>();
  CLI::App* command = app.add_subcommand("index", "Ingest files and folders (safe to re-run)");
  archive::add_db_option(*command, arguments->db_dir);
  command->add_flag("--json", arguments->json, "Print the summary as JSON on stdout");
  command->add_flag("--prune", arguments->prune,
                    "Forget archived files that are no longer under PATH...");
  command->add_flag("--reindex", arguments->reindex,
                    "Rebuild unchanged documents too (after upgrading Vanban)");
  command->add_flag("--no-ocr", arguments->no_ocr,
                    "Do not read scans (PDF pages without text, images) by OCR; report them");
  command->add_flag("--no-compact", arguments->no_compact,
                    "Do not compact the index after a run that wrote a large share of it");
  command->add_option("--jobs,-j", arguments->jobs, "Reading threads (default: one per core)")
      ->check(CLI::Range(1u, 256u));
  command
      ->add_option(
          "--shards", arguments->shards,
          "Make a new archive of N shards, documents spread by id, each shard written on its "
          "own thread (docs/SCALING.md)")
      ->check(CLI::Range(1, 256));
  command->add_option("--max-size", arguments->max_size_mb, "Largest file to read, in MB")
      ->default_val(100)
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 20));
  command->add_option("paths", arguments->paths,
                      "Files and folders to ingest (none: only analyse the archive's documents "
                      "again where an older version analysed them)");
  command->callback([arguments] {
    if (const int code = run_index(*arguments); code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace vanban::indexer
