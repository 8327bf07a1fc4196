// CSV and JSON Lines go to stdout or one file; edXML to a folder, one message per document
// (`<id>.edxml`), each written to a temp file and renamed, so a stopped export leaves only
// whole messages. A document whose fields cannot fill an envelope is listed, not guessed.
#include "export_command.hpp"

#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "vanban/archive/archive.hpp"
#include "vanban/archive/cli.hpp"

#include "metadata_export.hpp"

namespace vanban::indexer {
namespace {

namespace fs = std::filesystem;

enum class ExportFormat { csv, jsonl, edxml };

struct ExportArguments {
  fs::path db_dir;
  ExportFormat format = ExportFormat::csv;
  fs::path output;  // empty: stdout (not for edxml)
};

const std::string& shown(const Error& error) {
  return error.user_message.empty() ? error.message : error.user_message;
}

// Excel reads a CSV as UTF-8 only when it starts with a byte order mark.
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

Status export_lines(const archive::Archive& archive, ExportFormat format, std::ostream& out,
                    std::uint64_t& exported) {
  if (format == ExportFormat::csv) out << kUtf8Bom << detail::csv_line(detail::csv_columns());
  return archive.for_each_document([&](const archive::StoredOriginal& stored) -> Status {
    if (format == ExportFormat::csv) {
      out << detail::csv_line(detail::csv_row(stored.document));
    } else {
      out << detail::json_record(stored.document)
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
          << '\n';
    }
    if (!out)
      return make_error(ErrorKind::io, "cannot write the export", "Không ghi được tệp xuất");
    ++exported;
    return Status::success();
  });
}

Status export_envelope(const archive::StoredOriginal& stored, const fs::path& folder) {
  const fs::path target = folder / (stored.document.id + ".edxml");
  const fs::path temp =
      folder / ("." + stored.document.id + ".edxml.tmp-" + std::to_string(::getpid()));
  Status written = Status::success();
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return make_error(ErrorKind::io, "cannot create " + temp.string(),
                        "Không tạo được tệp " + temp.string());
    }
    written = detail::write_envelope(out, stored.document, stored.file);
    out.close();
    if (written.ok() && !out) written = make_error(ErrorKind::io, "cannot write " + temp.string());
  }
  std::error_code error;
  if (written.ok()) fs::rename(temp, target, error);
  if (!written.ok() || error) {
    fs::remove(temp, error);
    if (written.ok()) return make_error(ErrorKind::io, "cannot write " + target.string());
  }
  return written;
}

int run_export(const ExportArguments& arguments) {
  const archive::Archive archive(arguments.db_dir);
  std::uint64_t exported = 0;
  if (arguments.format != ExportFormat::edxml) {
    std::ofstream file;
    if (!arguments.output.empty()) {
      file.open(arguments.output, std::ios::binary | std::ios::trunc);
      if (!file) {
        std::cerr << "vanban export: không tạo được tệp " << arguments.output.string() << '\n';
        return 1;
      }
    }
    std::ostream& out = arguments.output.empty() ? std::cout : file;
    if (const Status done = export_lines(archive, arguments.format, out, exported); !done.ok()) {
      std::cerr << "vanban export: " << shown(done.error()) << '\n';
      return 1;
    }
    out.flush();
    std::cerr << "Đã xuất " << exported << " văn bản\n";
    return 0;
  }

  if (arguments.output.empty()) {
    std::cerr << "vanban export: --format edxml cần --output THƯ_MỤC\n";
    return 2;
  }
  std::error_code error;
  fs::create_directories(arguments.output, error);
  if (error) {
    std::cerr << "vanban export: không tạo được thư mục " << arguments.output.string() << '\n';
    return 1;
  }
  std::uint64_t incomplete = 0;
  std::uint64_t failed = 0;
  const Status done = archive.for_each_document([&](const archive::StoredOriginal& stored) {
    const std::vector<std::string> gaps = detail::envelope_gaps(stored.document.metadata);
    if (!gaps.empty()) {
      std::string missing;
      for (const std::string& gap : gaps)
        missing += (missing.empty() ? "" : ", ") + gap;
      std::cout << "THIẾU " << stored.document.id << " (" << stored.document.filename
                << "): " << missing << '\n';
      ++incomplete;
      return Status::success();
    }
    if (const Status written = export_envelope(stored, arguments.output); !written.ok()) {
      // A missing original is this document's problem (`vanban check`); a write error stops.
      if (written.error().kind != ErrorKind::not_found) return written;
      std::cout << "LỖI " << stored.document.id << ": " << shown(written.error()) << '\n';
      ++failed;
      return Status::success();
    }
    ++exported;
    return Status::success();
  });
  if (!done.ok()) {
    std::cerr << "vanban export: " << shown(done.error()) << '\n';
    return 1;
  }
  std::cerr << "Đã xuất " << exported << " gói tin edXML vào " << arguments.output.string() << "; "
            << incomplete << " văn bản thiếu trường bắt buộc, " << failed << " lỗi\n";
  return failed == 0 ? 0 : 1;
}

}  // namespace

void register_export_command(CLI::App& app) {
  auto arguments = std::make_shared<ExportArguments>();
  CLI::App* command = app.add_subcommand(
      "export", "Export the metadata (Decree 30/2020 Annex VI names): CSV, JSON Lines or edXML");
  archive::add_db_option(*command, arguments->db_dir);
  const std::map<std::string, ExportFormat> formats = {
      {"csv", ExportFormat::csv}, {"jsonl", ExportFormat::jsonl}, {"edxml", ExportFormat::edxml}};
  command->add_option("--format", arguments->format, "csv (default), jsonl or edxml")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
  command->add_option("--output,-o", arguments->output,
                      "File (csv, jsonl; default stdout) or folder (edxml)");
  command->callback([arguments] {
    if (const int code = run_export(*arguments); code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace vanban::indexer
