#include "vanban/analyzers/cli.hpp"

#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "vanban/analyzers/normalize.hpp"
#include "vanban/analyzers/tokenizer.hpp"

namespace vanban::analyzers {

void register_commands(CLI::App& app) {
  auto* analyze = app.add_subcommand("analyze", "Print the tokens of TEXT as JSON");
  auto text = std::make_shared<std::string>();
  analyze->add_option("TEXT", *text, "Text to analyze")->required();
  analyze->callback([text] {
    // The argument's bytes go through the same decoding as files: NFD, NBSP, bad bytes.
    const DecodedText decoded = decode_text(*text);
    nlohmann::json tokens = nlohmann::json::array();
    for (const Token& token : thread_analyzer().analyze(decoded.text)) {
      tokens.push_back({{"text", token.text},
                        {"lower", token.lower},
                        {"folded", token.folded},
                        {"start", token.start},
                        {"end", token.end},
                        {"kind", to_string(token.kind)}});
    }
    std::cout << tokens.dump(2) << '\n';
  });
}

}  // namespace vanban::analyzers
