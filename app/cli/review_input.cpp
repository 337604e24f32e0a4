#include "app/cli/review_input.hpp"

#include <cstdio>

#include "engine/review/data_location.hpp"

namespace pillars::cli {

std::optional<review::ReviewLibrary> loadReviewLibraryOrReport(const std::string& userFolder) {
  const auto bundled = review::bundledChecklistsFolder(review::runningExecutableFolder());
  if (!bundled) {
    std::fprintf(stderr,
                 "pillars-cli: cannot find the bundled checklists (share/pillars/checklists beside "
                 "the program, or checklists/ in the source tree)\n");
    return std::nullopt;
  }
  std::vector<std::filesystem::path> folders{*bundled};
  if (!userFolder.empty()) folders.emplace_back(userFolder);
  review::LibraryLoad load = review::loadReviewFolders(folders);
  if (!load.ok()) {
    for (const Diagnostic& d : load.errors) std::fprintf(stderr, "%s\n", d.format().c_str());
    std::fprintf(stderr, "pillars-cli: the review data has %zu problem%s\n", load.errors.size(),
                 load.errors.size() == 1 ? "" : "s");
    return std::nullopt;
  }
  return std::move(load.library);
}

namespace {

/// Sets the fact of one NAME=VALUE argument; returns what is wrong with it, or "" when set.
std::string setFactArg(const std::string& arg, review::Facts& facts) {
  const auto eq = arg.find('=');
  if (eq == std::string::npos || eq == 0) return "expects NAME=VALUE, got \"" + arg + "\"";
  return facts.setFromText(arg.substr(0, eq), std::string_view(arg).substr(eq + 1));
}

}  // namespace

std::string factArgProblem(const std::string& arg) {
  // A fact's value is read the same whatever else is set, so a scratch set tells.
  review::Facts scratch;
  return setFactArg(arg, scratch);
}

void applyFactArgs(const std::vector<std::string>& args, review::Facts& facts) {
  for (const auto& arg : args) {
    if (setFactArg(arg, facts).empty())
      facts.sources.push_back(arg.substr(0, arg.find('=')) + ": given with --fact");
  }
}

std::string factHelp() {
  std::string out = "Facts (--fact NAME=VALUE):\n";
  for (const auto& d : review::factDefinitions()) {
    std::string kind = d.type == review::FactType::Number ? "number" : d.type == review::FactType::Boolean ? "yes|no" : "";
    for (const auto& w : d.words) kind += (kind.empty() ? "" : "|") + w;
    out += "  " + d.name + " (" + kind + "): " + d.description + "\n";
  }
  return out;
}

}  // namespace pillars::cli
