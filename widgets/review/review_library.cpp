#include "widgets/review/review_library.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStringList>
#include <optional>

#include "engine/review/data_location.hpp"
#include "engine/review/review_loader.hpp"

namespace pillars {

namespace {

QString formatErrors(const std::vector<Diagnostic>& errors) {
  QStringList lines;
  for (const Diagnostic& d : errors) lines.append(QString::fromStdString(d.format()));
  return lines.join(QLatin1Char('\n'));
}

AppReviewLibrary readLibrary() {
  AppReviewLibrary out;
  const auto bundled = review::bundledChecklistsFolder(review::runningExecutableFolder());
  if (!bundled) {
    out.error = QCoreApplication::translate(
        "ReviewLibrary",
        "cannot find the bundled checklists (share/pillars/checklists beside the program, or checklists/ in the "
        "source tree)");
    return out;
  }
  const QString user = userChecklistsFolder();
  if (QFileInfo(user).isDir()) {
    review::LibraryLoad both = review::loadReviewFolders({*bundled, std::filesystem::path(user.toStdString())});
    if (both.ok()) {
      out.library = std::make_shared<const review::ReviewLibrary>(std::move(both.library));
      out.userFilesLoaded = true;
      return out;
    }
    // The user's files are left out whole: a half-read lens (one file of two) would show
    // questions whose trees or patterns are missing.
    out.userError = formatErrors(both.errors);
  }
  review::LibraryLoad alone = review::loadReviewFolders({*bundled});
  if (!alone.ok()) {
    out.error = formatErrors(alone.errors);
    return out;
  }
  out.library = std::make_shared<const review::ReviewLibrary>(std::move(alone.library));
  return out;
}

std::optional<AppReviewLibrary>& cache() {
  static std::optional<AppReviewLibrary> cached;
  return cached;
}

}  // namespace

QString userChecklistsFolder() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/checklists");
}

QString ensureUserChecklistsFolder() {
  const QString folder = userChecklistsFolder();
  if (!QDir().mkpath(folder)) return {};
  return folder;
}

const AppReviewLibrary& appReviewLibrary() {
  if (!cache()) cache() = readLibrary();
  return *cache();
}

const AppReviewLibrary& reloadAppReviewLibrary() {
  cache() = readLibrary();
  return *cache();
}

}  // namespace pillars
