#include "widgets/window/resource_paths.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace pillars::resourcepaths {

QString examplesDirectory() {
  QStringList candidates;
  candidates << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/pillars/examples");
#ifdef PILLARS_SOURCE_DIR
  candidates << QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples");
#endif
  for (const QString& candidate : std::as_const(candidates)) {
    const QFileInfo folder(candidate);
    if (folder.isDir()) return folder.canonicalFilePath();
  }
  return {};
}

QStringList scenarioFiles(const QString& folder) {
  if (folder.isEmpty()) return {};
  const QDir dir(folder);
  QStringList out;
  const QStringList names = dir.entryList({QStringLiteral("*.json"), QStringLiteral("*.pillars")},
                                          QDir::Files | QDir::Readable, QDir::Name);
  for (const QString& name : names) out << dir.absoluteFilePath(name);
  return out;
}

}  // namespace pillars::resourcepaths
