#pragma once

#include <QString>
#include <QStringList>

namespace pillars {

/// Where the app finds the files it ships beside the binary. An installed app looks next to
/// its executable (`<prefix>/bin/../share/pillars/...`), which also works for a relocated
/// .deb or a tarball; a build run from its build tree falls back to the source tree it was
/// built from, so templates work without `make install`.
namespace resourcepaths {

/// The folder of example scenarios, or an empty string when neither place has one.
QString examplesDirectory();
/// Every scenario in `folder` (`*.json`, `*.pillars`), sorted by file name, as absolute paths.
QStringList scenarioFiles(const QString& folder);

}  // namespace resourcepaths
}  // namespace pillars
