#include "app/cli/command_line.hpp"

#include <cstdio>
#include <memory>

#include "app/cli/command.hpp"
#include "app/cli/help_formatter.hpp"

namespace pillars::cli {

namespace {

/// An argument CLI11 could not place reads as an option when it starts with a dash ("-x",
/// "--bogus=1", named without its value), else as a stray positional.
std::string strayArgument(const std::string& arg) {
  if (arg.size() > 1 && arg[0] == '-') return "unknown option " + arg.substr(0, arg.find('='));
  return "unexpected argument \"" + arg + "\"";
}

}  // namespace

CommandLine::CommandLine(const std::string& command, std::string description)
    : m_command(command), m_app(std::move(description), "pillars-cli " + command) {
  m_app.set_help_flag("-h,--help", "Show this help");
  m_app.formatter(std::make_shared<HelpFormatter>());
}

CLI::Option* CommandLine::repeatable(const std::string& names, std::vector<std::string>& target,
                                     const std::string& valueName, const std::string& help) {
  // CLI11 lets a vector option swallow every following word ("--set a=1 FILE" would take FILE
  // as a second assignment); ours take exactly one value per occurrence and keep them all.
  return m_app.add_option(names, target, help)
      ->type_name(valueName)
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

CLI::Option* CommandLine::flag(const std::string& names, bool& target, const std::string& help) {
  return m_app.add_flag(names, target, help);
}

std::optional<int> CommandLine::parse(const std::vector<std::string>& args) {
  // CLI11 takes the arguments last first, popping them off the back.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    m_app.parse(reversed);
    return std::nullopt;
  } catch (const CLI::ParseError& error) {
    // Whoever asks for help gets it, whatever else is wrong on the line: CLI11 checks values
    // before it looks at --help, and a missing FILE must not hide the help either.
    if (m_app.get_help_ptr()->count() > 0) {
      std::fputs(m_app.help().c_str(), stdout);
      return kExitOk;
    }
    return usageError(problem(error));
  }
}

int CommandLine::usageError(const std::string& message) const {
  std::fprintf(stderr,
               "pillars-cli %s: %s\nRun 'pillars-cli %s --help' for its arguments and options.\n",
               m_command.c_str(), message.c_str(), m_command.c_str());
  return kExitUsage;
}

std::string CommandLine::problem(const CLI::ParseError& error) const {
  // An argument nothing took comes first: a mistyped option explains the errors after it
  // (its value left over, a FILE seemingly missing), so name it rather than them.
  for (const std::string& arg : m_app.remaining()) {
    if (arg != "--") return strayArgument(arg);
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error)) {
    for (const CLI::Option* o : m_app.get_options()) {
      if (o->get_required() && o->count() == 0) return "missing " + usageToken(*o);
    }
  }
  return error.what();
}

}  // namespace pillars::cli
