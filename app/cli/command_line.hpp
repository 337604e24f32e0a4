#pragma once
// The command line of one pillars-cli command: a CLI::App set up the way every command wants
// it (house help format, -h/--help, no unknown options or extra arguments), and a parse that
// turns CLI11's outcome into our exit codes and messages.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace pillars::cli {

class CommandLine {
 public:
  /// `description` follows the usage line in the help: what the command does, examples.
  CommandLine(const std::string& command, std::string description);

  CommandLine(const CommandLine&) = delete;
  CommandLine& operator=(const CommandLine&) = delete;

  /// A positional argument ("FILE"); optional until marked ->required().
  template <typename T>
  CLI::Option* positional(const std::string& name, T& target, const std::string& help) {
    return m_app.add_option(name, target, help);
  }

  /// An option that takes one value, shown as `valueName` ("--seed N"); `names` may hold a
  /// short and a long name ("-o,--output"). Given twice, it is a usage error.
  template <typename T>
  CLI::Option* option(const std::string& names, T& target, const std::string& valueName,
                      const std::string& help) {
    return m_app.add_option(names, target, help)->type_name(valueName);
  }

  /// An option given as often as wanted, one value each time; `target` collects every value
  /// in the order given.
  CLI::Option* repeatable(const std::string& names, std::vector<std::string>& target,
                          const std::string& valueName, const std::string& help);

  /// An option without a value.
  CLI::Option* flag(const std::string& names, bool& target, const std::string& help);

  /// Parses `args` (what follows the command's name). Returns the exit code when the command
  /// is finished with: after printing the help (0) or a usage error (2). Returns nothing when
  /// the command should go on with the values parsed into its targets.
  std::optional<int> parse(const std::vector<std::string>& args);

  /// Reports a usage error found after parsing (values that only make sense together, or with
  /// the file) the way parse reports its own, and returns the exit code for it.
  int usageError(const std::string& message) const;

  const CLI::App& app() const { return m_app; }

 private:
  /// The usage error in our words, for stderr.
  std::string problem(const CLI::ParseError& error) const;

  std::string m_command;
  CLI::App m_app;
};

}  // namespace pillars::cli
