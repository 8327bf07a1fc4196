// `vanban __read-bounded`: the hidden command the indexer runs in a child process to read a PDF
// or an image within limits (bounded_reader.hpp); not for users, so not listed in --help.
#include "read_bounded_command.hpp"

#include <memory>

#include <CLI/CLI.hpp>

#include "bounded_reader.hpp"

namespace vanban::indexer {

void register_read_bounded_command(CLI::App& app) {
  auto* command = app.add_subcommand("__read-bounded", "");
  command->group("");  // hidden
  auto request = std::make_shared<detail::BoundedRequest>();
  auto format = std::make_shared<std::string>();
  auto preprocess = std::make_shared<std::string>("none");
  command->add_option("--format", *format)->required()->check(CLI::IsMember({"pdf", "image"}));
  command->add_option("--max-text-bytes", request->max_text_bytes)->required();
  command->add_option("--ocr", request->ocr.enabled);
  command->add_option("--language", request->ocr.language);
  command->add_option("--tessdata", request->ocr.tessdata);
  command->add_option("--dpi", request->ocr.pdf_dpi);
  command->add_option("--preprocess", *preprocess)
      ->check(CLI::IsMember({"none", "deskew", "sauvola"}));
  command->add_option("--max-pages", request->ocr.max_pages);
  command->add_option("--max-pixels", request->ocr.max_pixels);
  command->add_option("--page-timeout-ms", request->ocr.page_timeout_ms);
  command->callback([request, format, preprocess] {
    request->format = *format == "pdf" ? detail::Format::pdf : detail::Format::image;
    request->ocr.preprocess = *preprocess == "deskew"    ? OcrPreprocess::deskew
                              : *preprocess == "sauvola" ? OcrPreprocess::sauvola
                                                         : OcrPreprocess::none;
    if (const int status = detail::run_bounded_child(*request); status != 0)
      throw CLI::RuntimeError(status);
  });
}

}  // namespace vanban::indexer
