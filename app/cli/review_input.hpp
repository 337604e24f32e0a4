#pragma once
// Shared by `review` and `recommend`: loading the review data and reading --fact arguments,
// with problems printed the way every command prints them.

#include <optional>
#include <string>
#include <vector>

#include "engine/review/facts.hpp"
#include "engine/review/review_loader.hpp"

namespace pillars::cli {

/// The bundled review data plus `userFolder` (when not empty). Prints every problem to stderr
/// and returns nothing when the data cannot be loaded.
std::optional<review::ReviewLibrary> loadReviewLibraryOrReport(const std::string& userFolder);

/// What is wrong with a --fact argument (not NAME=VALUE, an unknown fact, a value of the wrong
/// type), or "" when nothing is. The check of --fact while parsing.
std::string factArgProblem(const std::string& arg);

/// Applies NAME=VALUE arguments, each passed by factArgProblem, on top of `facts`, noting
/// each one's source.
void applyFactArgs(const std::vector<std::string>& args, review::Facts& facts);

/// The --fact help text: every fact name with its meaning.
std::string factHelp();

}  // namespace pillars::cli
