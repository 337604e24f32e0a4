#include "app/cli/help_formatter.hpp"

#include <sstream>
#include <vector>

namespace pillars::cli {

namespace {

// Wide enough for the hand-wrapped descriptions, narrow enough for a terminal beside an editor.
constexpr std::size_t kWidth = 100;
// Where option help starts; a longer option or value name puts its help on the next line.
constexpr std::size_t kHelpColumn = 28;

bool takesValue(const CLI::Option& option) {
  return option.get_items_expected_max() > 0;
}

bool repeatable(const CLI::Option& option) {
  return takesValue(option) && option.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
}

/// The name a usage line gives an option: its short name when it has one ("-o"), since that is
/// what people type, else its long one.
std::string usageName(const CLI::Option& option) {
  if (!option.get_snames().empty()) return "-" + option.get_snames().front();
  return "--" + option.get_lnames().front();
}

/// Every name of an option, short ones first: "-o, --output".
std::string allNames(const CLI::Option& option) {
  std::string out;
  for (const auto& s : option.get_snames()) out += (out.empty() ? "-" : ", -") + s;
  for (const auto& l : option.get_lnames()) out += (out.empty() ? "--" : ", --") + l;
  return out;
}

/// Lays `words` out in lines of at most kWidth characters (a longer word gets a line of its
/// own); the first line starts after `first` characters already printed, the others with
/// `indent` spaces.
std::string wrap(const std::vector<std::string>& words, std::size_t first, std::size_t indent) {
  std::string out;
  std::size_t column = first;
  bool lineEmpty = true;
  for (const auto& w : words) {
    if (!lineEmpty && column + 1 + w.size() > kWidth) {
      out += "\n" + std::string(indent, ' ');
      column = indent;
      lineEmpty = true;
    }
    if (!lineEmpty) {
      out += ' ';
      ++column;
    }
    out += w;
    column += w.size();
    lineEmpty = false;
  }
  return out;
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

/// "  --seed N                  Master random seed ...", the help wrapped under its column.
std::string optionRow(const std::string& left, const std::string& help) {
  std::string out = "  " + left;
  if (out.size() + 2 > kHelpColumn) {
    out += "\n" + std::string(kHelpColumn, ' ');
  } else {
    out.resize(kHelpColumn, ' ');
  }
  return out + wrap(words(help), kHelpColumn, kHelpColumn) + "\n";
}

}  // namespace

std::string usageToken(const CLI::Option& option) {
  if (option.get_positional()) {
    return option.get_required() ? option.get_name() : "[" + option.get_name() + "]";
  }
  std::string token = usageName(option);
  if (takesValue(option)) token += " " + option.get_type_name();
  if (!option.get_required()) token = "[" + token + "]";
  if (repeatable(option)) token += "...";
  return token;
}

std::string usageLine(const CLI::App& app) {
  std::vector<std::string> tokens{app.get_name()};
  // Positionals first, as they are typed: "simulate FILE [--seed N]".
  for (const CLI::Option* o :
       app.get_options([](const CLI::Option* o) { return o->get_positional(); })) {
    tokens.push_back(usageToken(*o));
  }
  for (const CLI::Option* o : app.get_options()) {
    if (!o->get_positional() && o != app.get_help_ptr()) tokens.push_back(usageToken(*o));
  }
  constexpr std::size_t kUsagePrefix = sizeof("Usage: ") - 1;
  return wrap(tokens, kUsagePrefix, kUsagePrefix + app.get_name().size() + 1);
}

std::string HelpFormatter::make_help(const CLI::App* app, std::string /*name*/,
                                     CLI::AppFormatMode /*mode*/) const {
  std::string out = "Usage: " + usageLine(*app) + "\n";
  std::string description = app->get_description();
  while (!description.empty() && description.back() == '\n') description.pop_back();
  if (!description.empty()) out += "\n" + description + "\n";

  const auto positionals =
      app->get_options([](const CLI::Option* o) { return o->get_positional(); });
  if (!positionals.empty()) {
    out += "\nArguments:\n";
    for (const CLI::Option* o : positionals) out += optionRow(o->get_name(), o->get_description());
  }
  out += "\nOptions:\n";
  for (const CLI::Option* o : app->get_options()) {
    if (o->get_positional() || o == app->get_help_ptr()) continue;
    const std::string left = allNames(*o) + (takesValue(*o) ? " " + o->get_type_name() : "");
    out += optionRow(left, o->get_description());
  }
  // --help last: it is on every command, so it is the least news.
  if (const CLI::Option* help = app->get_help_ptr())
    out += optionRow(allNames(*help), help->get_description());
  return out;
}

}  // namespace pillars::cli
