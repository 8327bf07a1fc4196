// PDFs and images are read in a child process within limits (indexer/src/bounded_reader.hpp).
// Each fault is made certain by a fake reader (a shell script standing in for `vanban
// __read-bounded`) that spins, sleeps, floods, crashes or runs out of memory, with small limits
// set for the test; the real reader (the built vanban) is checked to give the same document as
// reading in this process, and to be stopped by its CPU limit on a PDF that needs far more.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "vanban/archive/archive.hpp"
#include "vanban/indexer/ingest.hpp"
#include "vanban/indexer/reader.hpp"

#include "indexer_fixtures.hpp"
#include "pdf_objects.hpp"
#include "test_support.hpp"

// Sanitizer builds set no address-space limit (their shadow memory reserves terabytes of it).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define VANBAN_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define VANBAN_TEST_SANITIZED 1
#endif
#endif

namespace vanban::indexer {
namespace {

using testing::fixture;
using testing::TempDir;
using testing::write_file;

std::filesystem::path fake_reader(const TempDir& dir, std::string_view body) {
  const auto path = dir / "fake-reader";
  write_file(path, "#!/bin/sh\n" + std::string(body) + "\n");
  ::chmod(path.c_str(), 0755);
  return path;
}

// Small bounds, so that a fault is met at once.
ReadOptions bounded_by(const std::filesystem::path& program) {
  ReadOptions options;
  options.bounded.program = program;
  options.bounded.cpu_limit = std::chrono::seconds(1);
  options.bounded.silence_limit = std::chrono::milliseconds(600'000);
  options.bounded.memory_limit = std::uint64_t{512} * 1024 * 1024;
  options.ocr.page_timeout_ms = 1000;
  return options;
}

// A PDF of `pages` pages that all show one content stream of text lines: a few kilobytes that
// poppler takes tens of milliseconds a page to lay out, minutes for thousands of pages.
std::string pdf_of_shared_pages(int pages) {
  std::string content = "BT /F1 1 Tf\n";
  for (int line = 0; line < 700; ++line)
    content += "1 0 0 1 5 " + std::to_string(780 - line) + " Tm (Dieu " + std::to_string(line) +
               " quy dinh ve viec thu nghiem) Tj\n";
  content += "ET\n";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string kids;
  for (int page = 0; page < pages; ++page) {
    kids += std::to_string(5 + page) + " 0 R ";
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R "
        ">> >> /Contents 3 0 R >>");
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>";
  return testing::pdf_of_objects(objects);
}

TEST(BoundedReader, the_child_reads_a_pdf_and_an_image_as_this_process_does) {
  ReadOptions here;
  here.bounded.program.clear();
  ReadOptions child;
  child.bounded.program = testing::vanban_binary();
  for (const char* name : {"ke-hoach.pdf", "truncated.pdf", "encrypted.pdf"}) {
    const std::string bytes = fixture(name);
    auto expected = read_document(name, bytes, here);
    auto got = read_document(name, bytes, child);
    ASSERT_EQ(got.ok(), expected.ok()) << name;
    if (!expected.ok()) {
      EXPECT_EQ(got.error().kind, expected.error().kind) << name;
      EXPECT_EQ(got.error().message, expected.error().message) << name;
      EXPECT_EQ(got.error().user_message, expected.error().user_message) << name;
      continue;
    }
    EXPECT_EQ(got->text, expected->text) << name;
    EXPECT_EQ(got->warnings, expected->warnings) << name;
    EXPECT_EQ(got->format, expected->format) << name;
    EXPECT_EQ(got->ocr, expected->ocr) << name;
  }
  // A broken image: the same error from the child.
  const std::string broken = fixture("ocr/ke-hoach.png").substr(0, 200);
  auto expected = read_document("hong.png", broken, here);
  auto got = read_document("hong.png", broken, child);
  ASSERT_FALSE(expected.ok());
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().message, expected.error().message);
}

TEST(BoundedReader, a_pdf_past_the_cpu_limit_is_stopped_with_a_clear_error) {
  // Thousands of pages of one shared content stream: minutes of poppler's layout, stopped at 1 s.
  const ReadOptions options = bounded_by(testing::vanban_binary());
  auto read = read_document("nang.pdf", pdf_of_shared_pages(20000), options);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::too_large);
  EXPECT_NE(read.error().message.find("PDF reading exceeded its CPU time limit (1 s)"),
            std::string::npos)
      << read.error().message;
  EXPECT_NE(read.error().user_message.find("giây CPU"), std::string::npos);
}

TEST(BoundedReader, a_spinning_reader_meets_the_cpu_limit) {
  TempDir dir;
  auto read = read_document("quay.pdf", fixture("ke-hoach.pdf"),
                            bounded_by(fake_reader(dir, "while :; do :; done")));
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("CPU time limit"), std::string::npos) << read.error().message;
}

TEST(BoundedReader, a_reader_that_says_nothing_is_killed_after_the_silence_limit) {
  TempDir dir;
  ReadOptions options = bounded_by(fake_reader(dir, "exec sleep 600"));
  options.bounded.silence_limit = std::chrono::milliseconds(1500);
  auto read = read_document("treo.pdf", fixture("ke-hoach.pdf"), options);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::too_large);
  EXPECT_NE(read.error().message.find("nothing read for 2 s"), std::string::npos)
      << read.error().message;
}

TEST(BoundedReader, the_limits_are_set_on_the_child_before_it_runs) {
  TempDir dir;
  const ReadOptions options =
      bounded_by(fake_reader(dir,
                             "echo \"cpu $(ulimit -t) as $(ulimit -v) core $(ulimit -c)\" >&2; "
                             "exit 5"));
  auto read = read_document("gioi-han.pdf", fixture("ke-hoach.pdf"), options);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind, ErrorKind::invalid_argument);
  // The soft CPU limit: the reading's second and one page's allowance.
  EXPECT_NE(read.error().message.find("ended without an answer (exit status 5): cpu 2 as "),
            std::string::npos)
      << read.error().message;
#ifndef VANBAN_TEST_SANITIZED
  EXPECT_NE(read.error().message.find("as 524288 core 0"), std::string::npos)
      << read.error().message;
#endif
}

TEST(BoundedReader, a_reader_out_of_memory_is_said_to_be_so) {
  TempDir dir;
  // The real reader's new-handler marks its answer stream and exits 3; poppler's own allocator
  // says "Out of memory" and aborts.
  for (const char* body : {"printf M; exit 3", "echo 'Out of memory' >&2; kill -ABRT $$"}) {
    auto read =
        read_document("bo-nho.pdf", fixture("ke-hoach.pdf"), bounded_by(fake_reader(dir, body)));
    ASSERT_FALSE(read.ok()) << body;
    EXPECT_EQ(read.error().kind, ErrorKind::too_large) << body;
    EXPECT_NE(read.error().message.find("PDF reading exceeded its memory limit (512 MB)"),
              std::string::npos)
        << read.error().message;
    EXPECT_NE(read.error().user_message.find("vượt giới hạn bộ nhớ"), std::string::npos);
  }
}

TEST(BoundedReader, a_flooding_a_crashing_and_a_garbled_reader_fail_their_file) {
  TempDir dir;
  ReadOptions options = bounded_by(fake_reader(dir, "exec cat /dev/zero"));
  options.max_text_bytes = 1000;
  auto flood = read_document("lu.pdf", fixture("ke-hoach.pdf"), options);
  ASSERT_FALSE(flood.ok());
  EXPECT_NE(flood.error().message.find("gave more than"), std::string::npos)
      << flood.error().message;

  auto crash = read_document("vo.png", fixture("ocr/ke-hoach.png"),
                             bounded_by(fake_reader(dir, "kill -SEGV $$")));
  ASSERT_FALSE(crash.ok());
  EXPECT_EQ(crash.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(crash.error().message.find("image reader was killed by signal 11"), std::string::npos)
      << crash.error().message;

  // An answer frame whose payload is not an answer.
  auto garbled = read_document(
      "sai.pdf", fixture("ke-hoach.pdf"),
      bounded_by(fake_reader(dir, "printf 'R\\003\\000\\000\\000\\000\\000\\000\\000abc'")));
  ASSERT_FALSE(garbled.ok());
  EXPECT_EQ(garbled.error().kind, ErrorKind::internal);
  EXPECT_NE(garbled.error().message.find("malformed answer"), std::string::npos);

  auto missing =
      read_document("mat.pdf", fixture("ke-hoach.pdf"), bounded_by(dir / "no-such-reader"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("cannot start the PDF reader"), std::string::npos)
      << missing.error().message;
}

TEST(BoundedReader, a_pdf_stopped_by_its_limit_fails_alone_and_the_rest_is_indexed) {
  TempDir db;
  TempDir files;
  write_file(files / "nang.pdf", pdf_of_shared_pages(20000));
  write_file(files / "ke-hoach.pdf", fixture("ke-hoach.pdf"));
  write_file(files / "cong-van.docx", fixture("cong-van.docx"));
  write_file(files / "thong-bao.txt", fixture("thong-bao.txt"));
  auto writer = archive::Archive(db.path()).open_writer();
  ASSERT_TRUE(writer.ok());
  IngestOptions options;
  options.inputs = {files.path()};
  options.jobs = 2;
  options.read = bounded_by(testing::vanban_binary());
  auto summary = ingest(**writer, options);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->added, 3u);
  ASSERT_EQ(summary->failed.size(), 1u);
  EXPECT_EQ(summary->failed[0].path, "nang.pdf");
  EXPECT_NE(summary->failed[0].message.find("CPU time limit"), std::string::npos)
      << summary->failed[0].message;
}

TEST(BoundedReader, reading_a_pdf_stops_past_the_text_limit_with_a_warning) {
  ReadOptions options;
  options.bounded.program = testing::vanban_binary();
  options.max_text_bytes = 20'000;  // a page holds about 24 KB of text
  auto read = read_document("dai.pdf", pdf_of_shared_pages(50), options);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_LE(read->text.size(), options.max_text_bytes);
  ASSERT_FALSE(read->warnings.empty());
  EXPECT_NE(read->warnings.front().find("text limit reached (20000 bytes) on page 2 of 50"),
            std::string::npos)
      << read->warnings.front();
}

}  // namespace
}  // namespace vanban::indexer
