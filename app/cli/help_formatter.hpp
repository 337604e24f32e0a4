#pragma once
// A command's help, generated from its CLI11 declarations so it cannot fall behind them:
//
//   Usage: pillars-cli simulate FILE [--seed N] ... (every argument and option, wrapped)
//
//   The command's description.
//
//   Arguments:  each positional with its help
//   Options:    each option with its value name and help, --help last

#include <CLI/CLI.hpp>
#include <string>

namespace pillars::cli {

class HelpFormatter final : public CLI::FormatterBase {
 public:
  std::string make_help(const CLI::App* app, std::string name,
                        CLI::AppFormatMode mode) const override;
};

/// "pillars-cli simulate FILE [--seed N] [--set ID.PARAM=VALUE]... -o OUT": the command, then
/// every positional and option in the order declared; optional ones in brackets, repeatable
/// ones followed by "...". Wrapped, continuation lines aligned after the command. Without
/// the "Usage: " in front.
std::string usageLine(const CLI::App& app);

/// How usage lines and messages write one argument: "FILE", "[KIND]", "-o OUT",
/// "[--seed N]", "[--set ID.PARAM=VALUE]...".
std::string usageToken(const CLI::Option& option);

}  // namespace pillars::cli
