#include "app/cli/arg_parser.hpp"

#include <cstdio>

#include "app/cli/command.hpp"

namespace pillars::cli {

ArgParser::ArgParser(std::string usage, std::string summary)
    : m_usage(std::move(usage)), m_summary(std::move(summary)) {}

void ArgParser::flag(std::string name, std::string help) {
  m_options.push_back(Option{std::move(name), "", std::move(help), false, {}, false});
}

void ArgParser::option(std::string name, std::string valueName, std::string help,
                       bool repeatable) {
  m_options.push_back(
      Option{std::move(name), std::move(valueName), std::move(help), repeatable, {}, false});
}

void ArgParser::positional(std::string name, std::string help, bool required) {
  m_positionals.push_back(Positional{std::move(name), std::move(help), required, std::nullopt});
}

ArgParser::Option* ArgParser::findOption(std::string_view name) {
  for (auto& o : m_options) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

const ArgParser::Option* ArgParser::findOption(std::string_view name) const {
  for (const auto& o : m_options) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

bool ArgParser::parse(const std::vector<std::string>& args, std::string* error) {
  std::size_t nextPositional = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      m_help = true;
      return true;
    }
    const bool longOption = a.size() > 2 && a.rfind("--", 0) == 0;
    const bool shortOption = a.size() == 2 && a[0] == '-' && findOption(a) != nullptr;
    if (longOption || shortOption) {
      std::string name = a;
      std::optional<std::string> inlineValue;
      if (const auto eq = a.find('='); eq != std::string::npos) {
        name = a.substr(0, eq);
        inlineValue = a.substr(eq + 1);
      }
      Option* o = findOption(name);
      if (!o) {
        *error = "unknown option " + name;
        return false;
      }
      if (o->valueName.empty()) {
        if (inlineValue) {
          *error = name + " takes no value";
          return false;
        }
        o->seen = true;
        continue;
      }
      std::string value;
      if (inlineValue) {
        value = *inlineValue;
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        *error = name + " needs a value (" + o->valueName + ")";
        return false;
      }
      if (o->seen && !o->repeatable) {
        *error = name + " was given twice";
        return false;
      }
      o->seen = true;
      o->values.push_back(std::move(value));
      continue;
    }
    if (nextPositional >= m_positionals.size()) {
      *error = "unexpected argument \"" + a + "\"";
      return false;
    }
    m_positionals[nextPositional++].value = a;
  }
  for (const auto& p : m_positionals) {
    if (p.required && !p.value) {
      *error = "missing " + p.name;
      return false;
    }
  }
  return true;
}

std::optional<int> ArgParser::parseCommand(const std::vector<std::string>& args,
                                           const std::string& command) {
  std::string error;
  if (!parse(args, &error)) {
    std::fprintf(stderr, "pillars-cli %s: %s\n\n%s", command.c_str(), error.c_str(), helpText().c_str());
    return kExitUsage;
  }
  if (m_help) {
    std::fputs(helpText().c_str(), stdout);
    return kExitOk;
  }
  return std::nullopt;
}

bool ArgParser::has(std::string_view name) const {
  const Option* o = findOption(name);
  return o && o->seen;
}

std::optional<std::string> ArgParser::value(std::string_view name) const {
  const Option* o = findOption(name);
  if (!o || o->values.empty()) return std::nullopt;
  return o->values.back();
}

std::vector<std::string> ArgParser::values(std::string_view name) const {
  const Option* o = findOption(name);
  return o ? o->values : std::vector<std::string>{};
}

std::optional<std::string> ArgParser::positionalValue(std::string_view name) const {
  for (const auto& p : m_positionals) {
    if (p.name == name) return p.value;
  }
  return std::nullopt;
}

std::string ArgParser::helpText() const {
  std::string out = "Usage: " + m_usage + "\n\n" + m_summary + "\n";
  if (!m_positionals.empty()) {
    out += "\nArguments:\n";
    for (const auto& p : m_positionals) {
      std::string left = "  " + p.name;
      left.resize(std::max<std::size_t>(left.size() + 2, 28), ' ');
      out += left + p.help + "\n";
    }
  }
  out += "\nOptions:\n";
  for (const auto& o : m_options) {
    std::string left = "  " + o.name + (o.valueName.empty() ? "" : " " + o.valueName);
    left.resize(std::max<std::size_t>(left.size() + 2, 28), ' ');
    out += left + o.help + "\n";
  }
  out += "  --help, -h                Show this help\n";
  return out;
}

}  // namespace pillars::cli
