#include "widgets/window/recent_files.hpp"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace pillars {

namespace {

const QString kKey = QStringLiteral("files/recent");

/// One spelling per file, so the same file opened as "./a.json" and "/home/me/a.json" (or
/// through a symbolic link) is listed once.
QString normalized(const QString& path) {
  const QFileInfo info(path);
  const QString canonical = info.canonicalFilePath();
  return QDir::cleanPath(canonical.isEmpty() ? info.absoluteFilePath() : canonical);
}

/// Menu text: "&1 name" with an accelerator for the first ten, ampersands in names doubled so
/// they are shown instead of underlining the next letter.
QString entryText(int index, const QString& name) {
  const QString number = index < 9 ? QStringLiteral("&%1").arg(index + 1) : QStringLiteral("1&0");
  QString shown = name;
  shown.replace(QLatin1Char('&'), QStringLiteral("&&"));
  return number + QLatin1Char(' ') + shown;
}

}  // namespace

RecentFiles::RecentFiles(QObject* parent) : QObject(parent) {}

QStringList RecentFiles::files() const {
  return QSettings().value(kKey).toStringList();
}

void RecentFiles::store(const QStringList& list) {
  QSettings settings;
  if (list.isEmpty()) {
    settings.remove(kKey);
  } else {
    settings.setValue(kKey, list);
  }
  emit changed();
}

void RecentFiles::add(const QString& path) {
  if (path.isEmpty()) return;
  const QString file = normalized(path);
  QStringList list = files();
  list.removeAll(file);
  list.prepend(file);
  while (list.size() > kMaxEntries) list.removeLast();
  store(list);
}

void RecentFiles::remove(const QString& path) {
  QStringList list = files();
  if (list.removeAll(path) + list.removeAll(normalized(path)) > 0) store(list);
}

void RecentFiles::clear() { store({}); }

QMenu* RecentFiles::createMenu(QWidget* parent) {
  auto* menu = new QMenu(tr("Open &Recent"), parent);
  menu->setToolTipsVisible(true);  // the full path of each entry
  connect(menu, &QMenu::aboutToShow, this, [this, menu] { fillMenu(menu); });
  // Queued: the list usually changes from inside one of the menu's own actions (open, clear),
  // which must not be deleted while it is still being triggered.
  connect(this, &RecentFiles::changed, menu, [this, menu] { fillMenu(menu); }, Qt::QueuedConnection);
  fillMenu(menu);
  return menu;
}

void RecentFiles::fillMenu(QMenu* menu) {
  menu->clear();
  const QStringList list = files();
  // File names alone are short and scannable; the folder is added only where two entries
  // would otherwise read the same.
  QStringList names;
  for (const QString& path : list) names << QFileInfo(path).fileName();
  for (int i = 0; i < list.size(); ++i) {
    const QString& path = list[i];
    const QFileInfo info(path);
    QString name = names[i];
    if (names.count(name) > 1) name += QStringLiteral("  \u2014  ") + info.dir().dirName();
    QAction* action = menu->addAction(entryText(i, name));
    action->setData(path);
    action->setStatusTip(path);
    if (info.exists()) {
      action->setToolTip(QDir::toNativeSeparators(path));
    } else {
      // Still clickable, so the user can drop it; italics say something is off before that.
      QFont italic = action->font();
      italic.setItalic(true);
      action->setFont(italic);
      action->setText(action->text() + tr(" (not found)"));
      action->setToolTip(tr("%1 no longer exists; choose it to remove it from this list.")
                             .arg(QDir::toNativeSeparators(path)));
    }
    connect(action, &QAction::triggered, this, [this, path] { activate(path); });
  }
  if (list.isEmpty()) menu->addAction(tr("No recent files"))->setEnabled(false);
  menu->addSeparator();
  QAction* clearAction = menu->addAction(tr("&Clear Recent Files"));
  clearAction->setEnabled(!list.isEmpty());
  connect(clearAction, &QAction::triggered, this, &RecentFiles::clear);
}

void RecentFiles::activate(const QString& path) {
  if (QFileInfo::exists(path)) {
    emit openRequested(path);
    return;
  }
  remove(path);
  emit message(tr("%1 no longer exists; it was removed from Open Recent.").arg(QDir::toNativeSeparators(path)));
}

}  // namespace pillars
