#pragma once

#include <QObject>
#include <QStringList>

class QMenu;
class QWidget;

namespace pillars {

/// The most recently opened or saved files, most recent first, remembered in QSettings under
/// "files/recent", and the File › Open Recent submenu that shows them. A file that no longer
/// exists stays listed (in italics) until it is clicked: then it is dropped with a status-bar
/// message instead of an error dialog, since a moved file is not a failure of the app.
class RecentFiles final : public QObject {
  Q_OBJECT

 public:
  static constexpr int kMaxEntries = 10;

  explicit RecentFiles(QObject* parent = nullptr);

  QStringList files() const;
  /// Puts `path` first (moving it up if already listed) and keeps at most kMaxEntries.
  void add(const QString& path);
  void remove(const QString& path);
  void clear();

  /// The submenu, kept current: it is refilled when the list changes and each time it opens
  /// (files may have disappeared since).
  QMenu* createMenu(QWidget* parent);
  /// Refills `menu` with one entry per file and "Clear Recent Files".
  void fillMenu(QMenu* menu);
  /// What clicking an entry does: asks to open an existing file, drops a missing one.
  void activate(const QString& path);

 signals:
  void openRequested(const QString& path);
  /// A short note for the status bar.
  void message(const QString& text);
  void changed();

 private:
  void store(const QStringList& files);
};

}  // namespace pillars
