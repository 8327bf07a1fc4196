// .doc and .rtf go through LibreOffice as a child process: what happens when it is missing,
// hangs, floods the disk or fails, seen through fake converters (shell scripts standing in for
// soffice) so that each fault is certain; and that file names never reach a command line.
#include <chrono>
#include <cstdlib>
#include <thread>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include "vanban/archive/archive.hpp"
#include "vanban/indexer/ingest.hpp"
#include "vanban/indexer/reader.hpp"

#include "indexer_fixtures.hpp"

namespace vanban::indexer {
namespace {

using testing::fixture;
using testing::TempDir;
using testing::write_file;

// A fake converter: `body` runs with $outdir and $input set from soffice's arguments.
std::filesystem::path fake_converter(const TempDir& dir, std::string_view body) {
  const auto path = dir / "fake-soffice";
  write_file(path, std::string("#!/bin/sh\n"
                               "printf '%s\\n' \"$@\" > \"$(dirname \"$0\")/argv.txt\"\n"
                               "while [ $# -gt 1 ]; do\n"
                               "  [ \"$1\" = --outdir ] && outdir=$2\n"
                               "  shift\n"
                               "done\n"
                               "input=$1\n") +
                       std::string(body) + "\n");
  ::chmod(path.c_str(), 0755);
  return path;
}

bool process_alive(pid_t pid) {
  // A zombie left for its reaper is dead too.
  const std::string status = testing::read_file("/proc/" + std::to_string(pid) + "/stat");
  if (status.empty()) return false;
  const auto state = status.find(") ");
  return state != std::string::npos && status[state + 2] != 'Z';
}

TEST(OfficeConverter, a_missing_converter_is_reported_by_name) {
  ReadOptions options;
  options.office_program = "vanban-no-such-office-program";
  auto read = read_document("cu.doc", fixture("ke-hoach.doc"), options);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::unsupported);
  EXPECT_NE(read.error().message.find("cannot read .doc"), std::string::npos)
      << read.error().message;
  EXPECT_NE(read.error().message.find("not installed"), std::string::npos);
  EXPECT_NE(read.error().user_message.find("LibreOffice"), std::string::npos);
}

TEST(OfficeConverter, a_hanging_converter_is_killed_with_its_children_at_the_time_limit) {
  TempDir dir;
  // The converter starts a child of its own, then hangs; both must go.
  ReadOptions options;
  options.office_program = fake_converter(dir,
                                          "sleep 300 &\necho $! > \"$(dirname \"$0\")/child.pid\"\n"
                                          "echo $$ > \"$(dirname \"$0\")/self.pid\"\nsleep 300")
                               .string();
  options.converter_timeout = std::chrono::milliseconds(1500);
  const auto started = std::chrono::steady_clock::now();
  auto read = read_document("cu.rtf", fixture("cong-van.rtf"), options);
  const auto took = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("did not finish"), std::string::npos) << read.error().message;
  EXPECT_LT(took, std::chrono::seconds(30));
  for (const char* file : {"self.pid", "child.pid"}) {
    const std::string pid = testing::read_file(dir / file);
    ASSERT_FALSE(pid.empty()) << file;
    // Killed processes may take a moment to be reaped by init.
    bool alive = true;
    for (int i = 0; i < 100 && alive; ++i) {
      alive = process_alive(static_cast<pid_t>(std::atoi(pid.c_str())));
      if (alive) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_FALSE(alive) << file << " " << pid;
  }
}

TEST(OfficeConverter, output_growing_past_the_size_limit_is_stopped) {
  TempDir dir;
  ReadOptions options;
  options.max_bytes = 1024 * 1024;
  options.office_program =
      fake_converter(dir,
                     "mkdir -p \"$outdir\"\nwhile :; do head -c 65536 /dev/zero; done > "
                     "\"$outdir/input.docx\"")
          .string();
  auto read = read_document("lon.doc", fixture("ke-hoach.doc"), options);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::too_large) << read.error().message;
}

TEST(OfficeConverter, a_converter_that_gives_nothing_fails_the_file_as_unreadable) {
  TempDir dir;
  ReadOptions options;
  options.office_program = fake_converter(dir, "exit 0").string();
  auto read = read_document("hong.doc", "not really a Word file", options);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(read.error().message.find("could not convert"), std::string::npos);
}

TEST(OfficeConverter, file_names_never_reach_the_command_line_and_the_work_folder_is_removed) {
  TempDir dir;
  TempDir temp;
  ReadOptions options;
  // The fake converter hands back a real DOCX as its output.
  write_file(dir / "out.docx", fixture("ke-hoach.docx"));
  options.office_program = fake_converter(dir,
                                          "mkdir -p \"$outdir\"\ncp \"$(dirname \"$0\")/out.docx\" "
                                          "\"$outdir/input.docx\"")
                               .string();
  const char* old_tmpdir = std::getenv("TMPDIR");
  const std::string saved = old_tmpdir != nullptr ? old_tmpdir : "";
  ::setenv("TMPDIR", temp.path().c_str(), 1);
  auto read = read_document("$(touch pwned); -rf `id`.doc", fixture("ke-hoach.doc"), options);
  if (old_tmpdir != nullptr) {
    ::setenv("TMPDIR", saved.c_str(), 1);
  } else {
    ::unsetenv("TMPDIR");
  }
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->format, "doc");
  EXPECT_NE(read->text.find("Triển khai công tác chuyển đổi số"), std::string::npos);
  const std::string argv = testing::read_file(dir / "argv.txt");
  EXPECT_EQ(argv.find("pwned"), std::string::npos) << argv;
  EXPECT_NE(argv.find("--convert-to\ndocx:MS Word 2007 XML\n"), std::string::npos) << argv;
  EXPECT_TRUE(std::filesystem::is_empty(temp.path())) << "work folder left behind";
}

TEST(OfficeConverter, without_the_converter_the_doc_fails_clearly_and_the_rest_is_indexed) {
  TempDir db;
  TempDir files;
  write_file(files / "cu.doc", fixture("ke-hoach.doc"));
  write_file(files / "moi.docx", fixture("cong-van.docx"));
  auto writer = archive::Archive(db.path()).open_writer();
  ASSERT_TRUE(writer.ok());
  IngestOptions options;
  options.inputs = {files.path()};
  options.jobs = 1;
  options.read.office_program = "vanban-no-such-office-program";
  auto summary = ingest(**writer, options);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->added, 1u);
  ASSERT_EQ(summary->failed.size(), 1u);
  EXPECT_EQ(summary->failed[0].path, "cu.doc");
  EXPECT_NE(summary->failed[0].message.find("cannot read .doc"), std::string::npos);
}

}  // namespace
}  // namespace vanban::indexer
