#pragma once
// Reads and validates the review data (checklists/ and user folders of the same formats).
// Every problem is reported like a scenario error: file, line:column, the JSON path of the
// value and what was expected. Unknown references (a tree result naming a pattern the pattern
// table lacks) and ids defined twice (a user checklist reusing a bundled question id) are errors.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "engine/io/diagnostic.hpp"
#include "engine/review/review_data.hpp"

namespace pillars::review {

/// The value of "format" in each kind of file.
inline constexpr std::string_view kChecklistFormat = "pillars-checklist";
inline constexpr std::string_view kDecisionTreeFormat = "pillars-decision-tree";
inline constexpr std::string_view kDecisionMatrixFormat = "pillars-decision-matrix";
inline constexpr std::string_view kPatternsFormat = "pillars-patterns";
inline constexpr std::string_view kReferenceTableFormat = "pillars-reference-table";
inline constexpr int kReviewFormatVersion = 1;

/// One file's text and the name diagnostics give it.
struct ReviewSource {
  std::string file;
  std::string text;
};

/// A library, or the reasons it could not be read. The library holds whatever was read even
/// when there are errors, so a front end can still show the good parts.
struct LibraryLoad {
  ReviewLibrary library;
  std::vector<Diagnostic> errors;
  bool ok() const { return errors.empty(); }
};

/// Reads sources of any of the formats (pattern tables first, so every other file can refer to
/// patterns of any file), then checks ids across all of them.
LibraryLoad readReviewSources(const std::vector<ReviewSource>& sources);

/// The *.json files of a folder and its sub-folders, sorted by path so loading is reproducible.
std::vector<std::filesystem::path> reviewFilesIn(const std::filesystem::path& folder);

/// Loads every *.json file of each folder (the bundled folder first, then user folders): a
/// user folder adds checklists, trees, matrices, patterns and tables beside the bundled ones,
/// like a custom lens. A folder that does not exist is an error naming it.
LibraryLoad loadReviewFolders(const std::vector<std::filesystem::path>& folders);

}  // namespace pillars::review
