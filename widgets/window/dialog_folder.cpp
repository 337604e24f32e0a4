#include "widgets/window/dialog_folder.hpp"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include "widgets/document/topology_document.hpp"

namespace pillars {

namespace {
const QString kLastFolderKey = QStringLiteral("files/lastFolder");
}  // namespace

QString dialogFolder(const TopologyDocument& document) {
  if (!document.filePath().isEmpty()) return QFileInfo(document.filePath()).absolutePath();
  const QString last = QSettings().value(kLastFolderKey).toString();
  if (!last.isEmpty() && QDir(last).exists()) return last;
  return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void rememberDialogFolder(const QString& chosenFile) {
  if (chosenFile.isEmpty()) return;
  QSettings().setValue(kLastFolderKey, QFileInfo(chosenFile).absolutePath());
}

QString suggestedPath(const TopologyDocument& document, const QString& fileName) {
  return QDir(dialogFolder(document)).filePath(fileName);
}

}  // namespace pillars
