#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pillars::cli {

/// A small declarative command-line parser: options with or without a value (repeatable ones
/// collect every value), positional arguments, and generated --help text.
class ArgParser {
 public:
  ArgParser(std::string usage, std::string summary);

  void flag(std::string name, std::string help);
  void option(std::string name, std::string valueName, std::string help, bool repeatable = false);
  void positional(std::string name, std::string help, bool required = true);

  /// Parses; on a usage error fills `error` and returns false. `--help` sets helpRequested().
  bool parse(const std::vector<std::string>& args, std::string* error);
  /// Parses a command's arguments the way every command does: on a usage error prints it with
  /// the help text to stderr, on --help prints the help to stdout. Returns the exit code when
  /// the command is finished with, nothing when it should go on.
  std::optional<int> parseCommand(const std::vector<std::string>& args, const std::string& command);

  bool helpRequested() const { return m_help; }
  bool has(std::string_view name) const;
  std::optional<std::string> value(std::string_view name) const;
  std::vector<std::string> values(std::string_view name) const;
  std::optional<std::string> positionalValue(std::string_view name) const;
  std::string helpText() const;
  const std::string& usage() const { return m_usage; }

 private:
  struct Option {
    std::string name;
    std::string valueName;  // empty for flags
    std::string help;
    bool repeatable = false;
    std::vector<std::string> values;
    bool seen = false;
  };
  struct Positional {
    std::string name;
    std::string help;
    bool required = true;
    std::optional<std::string> value;
  };
  Option* findOption(std::string_view name);
  const Option* findOption(std::string_view name) const;

  std::string m_usage;
  std::string m_summary;
  std::vector<Option> m_options;
  std::vector<Positional> m_positionals;
  bool m_help = false;
};

}  // namespace pillars::cli
