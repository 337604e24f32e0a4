#pragma once
// The one place the app reads its review data: the bundled checklists folder plus the user's
// own folder of files in the same formats (custom lenses), <AppDataLocation>/checklists. Read
// once per process and kept; Review › Reload Checklists reads again. A broken user file never
// takes the review down: the bundled data alone is used and the user's error is kept to show.

#include <QString>
#include <memory>

#include "engine/review/review_data.hpp"

namespace pillars {

/// What the app's review data is now.
struct AppReviewLibrary {
  /// The data in use: bundled plus user files, or bundled alone when the user files are
  /// broken. Null only when the bundled data itself cannot be read (then `error` says why).
  std::shared_ptr<const review::ReviewLibrary> library;
  /// Why there is no library at all (bundled data missing or broken), else empty.
  QString error;
  /// The located errors of the user's folder (file:line:col: path: what), one a line, when
  /// the user files were left out; else empty.
  QString userError;
  /// True when the user's folder existed and its files are part of `library`.
  bool userFilesLoaded = false;
};

/// <AppDataLocation>/checklists, e.g. ~/.local/share/Pillars/Pillars/checklists (not created).
QString userChecklistsFolder();
/// Creates the user's checklists folder when missing and returns it, or an empty string when
/// it cannot be created.
QString ensureUserChecklistsFolder();

/// The review data, read on first use and cached for the process.
const AppReviewLibrary& appReviewLibrary();
/// Reads the bundled and user folders again (Review › Reload Checklists) and returns the result.
const AppReviewLibrary& reloadAppReviewLibrary();

}  // namespace pillars
