// `vanban check`, `vanban rm`, `vanban backup`, `vanban restore` and `vanban compact`. Messages for
// the user are in Vietnamese.
#include "vanban/archive/cli.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "vanban/archive/archive.hpp"

namespace vanban::archive {
namespace {

const std::string& shown(const Error& error) {
  return error.user_message.empty() ? error.message : error.user_message;
}

nlohmann::json report_json(const CheckReport& report) {
  nlohmann::json problems = nlohmann::json::array();
  for (const CheckProblem& problem : report.problems) {
    problems.push_back(
        {{"id", problem.id}, {"sha256", problem.sha256}, {"message", problem.message}});
  }
  return {{"documents", report.documents},
          {"problems", problems},
          {"orphans", report.orphans},
          {"text_orphans", report.text_orphans}};
}

void run_check(const std::filesystem::path& db_dir, bool json) {
  const Result<CheckReport> report = Archive(db_dir).check();
  if (!report.ok()) {
    std::cerr << "vanban check: " << shown(report.error()) << '\n';
    throw CLI::RuntimeError(1);
  }
  if (json) {
    std::cout << report_json(*report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << '\n';
    if (!report->problems.empty()) throw CLI::RuntimeError(1);
    return;
  }
  for (const CheckProblem& problem : report->problems) {
    std::cout << "LỖI " << problem.id << ": " << problem.message << '\n';
  }
  std::cout << "Đã kiểm tra " << report->documents << " văn bản: " << report->problems.size()
            << " lỗi";
  if (report->orphans > 0)
    std::cout << ", " << report->orphans << " bản gốc không còn văn bản nào dùng";
  if (report->text_orphans > 0)
    std::cout << ", " << report->text_orphans << " bản chữ lưu riêng không còn văn bản nào dùng";
  std::cout << '\n';
  if (!report->problems.empty()) throw CLI::RuntimeError(1);
}

void run_remove(const std::filesystem::path& db_dir, const std::vector<std::string>& ids) {
  // Opening the writer would create an archive: a mistyped --db must not make an empty one.
  const Archive archive(db_dir);
  if (!archive.indexed()) {
    std::cerr << "vanban rm: Không có kho văn bản tại " << db_dir.string() << '\n';
    throw CLI::RuntimeError(1);
  }
  Result<std::unique_ptr<ArchiveWriter>> writer = archive.open_writer();
  if (!writer.ok()) {
    std::cerr << "vanban rm: " << shown(writer.error()) << '\n';
    throw CLI::RuntimeError(1);
  }
  bool failed = false;
  for (const std::string& id : ids) {
    if (const Status removed = (*writer)->remove_document(id); !removed.ok()) {
      std::cerr << "vanban rm: " << shown(removed.error()) << '\n';
      failed = true;
      continue;
    }
    std::cout << "Đã xóa " << id << '\n';
  }
  if (const Status closed = (*writer)->close(); !closed.ok()) {
    std::cerr << "vanban rm: " << shown(closed.error()) << '\n';
    failed = true;
  }
  if (failed) throw CLI::RuntimeError(1);
}

std::string megabytes(std::uint64_t bytes) {
  const std::uint64_t tenths = (bytes * 10 + (1 << 19)) >> 20;
  return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + " MB";
}

void run_backup(const std::filesystem::path& db_dir, const std::filesystem::path& destination) {
  const Result<BackupReport> report = Archive(db_dir).backup(destination);
  if (!report.ok()) {
    std::cerr << "vanban backup: " << shown(report.error()) << '\n';
    throw CLI::RuntimeError(1);
  }
  std::cout << "Đã sao lưu " << report->documents << " văn bản và " << report->originals
            << " bản gốc (" << megabytes(report->bytes) << ", phiên bản chỉ mục "
            << report->revision << ") vào " << destination.string() << '\n';
}

void run_restore(const std::filesystem::path& db_dir, const std::filesystem::path& backup) {
  const Result<BackupReport> report = Archive(db_dir).restore_from(backup);
  if (!report.ok()) {
    std::cerr << "vanban restore: " << shown(report.error()) << '\n';
    throw CLI::RuntimeError(1);
  }
  std::cout << "Đã khôi phục " << report->documents << " văn bản và " << report->originals
            << " bản gốc vào " << db_dir.string() << '\n';
}

}  // namespace

nlohmann::json compact_json(const CompactReport& report) {
  return {{"compacted", report.compacted},
          {"documents", report.documents},
          {"written", report.written},
          {"bytes_before", report.bytes_before},
          {"bytes_after", report.bytes_after}};
}

std::string compact_line(const CompactReport& report) {
  return "Đã thu gọn chỉ mục (" + std::to_string(report.documents) +
         " văn bản): " + megabytes(report.bytes_before) + " → " + megabytes(report.bytes_after);
}

namespace {

void run_compact(const std::filesystem::path& db_dir, bool json) {
  const Result<CompactReport> report = Archive(db_dir).compact();
  if (!report.ok()) {
    std::cerr << "vanban compact: " << shown(report.error()) << '\n';
    throw CLI::RuntimeError(1);
  }
  if (json)
    std::cout << compact_json(*report).dump(2) << '\n';
  else
    std::cout << compact_line(*report) << '\n';
}

}  // namespace

void add_db_option(CLI::App& command, std::filesystem::path& db_dir) {
  db_dir = Archive::default_dir();
  command.add_option("--db", db_dir, "Archive directory (default: $VANBAN_DB, else ./vanban-data)");
}

void register_commands(CLI::App& app) {
  auto db_dir = std::make_shared<std::filesystem::path>();
  auto ids = std::make_shared<std::vector<std::string>>();

  CLI::App* check =
      app.add_subcommand("check", "Verify the archive: every indexed original present and intact");
  add_db_option(*check, *db_dir);
  auto json = std::make_shared<bool>(false);
  check->add_flag("--json", *json, "Print the report as JSON");
  check->callback([db_dir, json] { run_check(*db_dir, *json); });

  CLI::App* remove =
      app.add_subcommand("rm", "Remove documents (and their originals) from the archive");
  add_db_option(*remove, *db_dir);
  remove->add_option("ids", *ids, "Document ids")->required();
  remove->callback([db_dir, ids] { run_remove(*db_dir, *ids); });

  auto location = std::make_shared<std::filesystem::path>();
  CLI::App* backup = app.add_subcommand(
      "backup", "Copy the archive (index and originals) into a new folder, safe while in use");
  add_db_option(*backup, *db_dir);
  backup->add_option("destination", *location, "New or empty folder for the copy")->required();
  backup->callback([db_dir, location] { run_backup(*db_dir, *location); });

  CLI::App* restore = app.add_subcommand(
      "restore", "Restore a backup into the archive folder (which must be new or empty)");
  add_db_option(*restore, *db_dir);
  restore->add_option("backup", *location, "Folder made by vanban backup")->required();
  restore->callback([db_dir, location] { run_restore(*db_dir, *location); });

  CLI::App* compact = app.add_subcommand(
      "compact", "Rewrite the index compacted and swap it in (safe beside a running server)");
  add_db_option(*compact, *db_dir);
  compact->add_flag("--json", *json, "Print the report as JSON");
  compact->callback([db_dir, json] { run_compact(*db_dir, *json); });
}

}  // namespace vanban::archive
