#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <functional>
#include <vector>

class QTimer;
class QWidget;

namespace pillars {

class TopologyDocument;

/// A recovery copy another Pillars left behind: a project file plus what it was.
struct RecoveryFile {
  QString copyPath;      ///< the `.pillars` copy of the document
  QString infoPath;      ///< its sidecar (JSON): owner, original file, time
  QString originalPath;  ///< the file the user was editing; empty for an untitled document
  QString name;          ///< what the window called the document ("three-tier.json", "Untitled")
  QDateTime savedAt;
  qint64 pid = 0;        ///< the process that wrote it
};

enum class RecoveryChoice { Recover, Discard, Later };

/// Autosave and crash recovery. While the document has unsaved changes, a copy is written
/// every few minutes (QSettings "files/autosaveSeconds", default 120; 0 turns it off) as a
/// project file under <AppDataLocation>/recovery/, named after this process and instance,
/// with a small JSON sidecar saying which file it belongs to. The copy goes as soon as it is
/// no longer needed: the document is saved or back to its saved state, another document is
/// opened or created, or the window closes normally. So a copy whose process is gone means
/// Pillars did not close normally, and the next start offers it back.
class Autosave final : public QObject {
  Q_OBJECT

 public:
  static constexpr int kDefaultIntervalSeconds = 120;
  using Chooser = std::function<RecoveryChoice(const RecoveryFile&)>;

  /// `pid` names the copies; tests pass a process id that is not running to leave behind
  /// what a crashed instance would.
  explicit Autosave(TopologyDocument& document, QObject* parent = nullptr,
                    qint64 pid = QCoreApplication::applicationPid());

  static QString recoveryDirectory();
  /// Where this instance writes its copy (it may not exist).
  QString copyPath() const;
  /// The sidecar beside it (JSON): who wrote the copy, for which file, when.
  QString infoPath() const;
  int intervalSeconds() const { return m_intervalSeconds; }

  /// Writes the copy now if the document has unsaved changes; returns whether it wrote one.
  bool writeNow(QString* error = nullptr);
  /// Deletes this instance's copy, if any.
  void discard();

  /// Copies left by processes that are no longer running, newest first.
  static std::vector<RecoveryFile> leftovers();
  static bool isProcessRunning(qint64 pid);
  /// Who `pid` is, beyond its number: the boot and the process's start time ("boot-id:ticks",
  /// Linux), so a number reused by another process after a crash or a reboot is not taken for
  /// the Pillars that wrote a copy. Empty where the system does not tell.
  static QString processIdentity(qint64 pid);
  static void remove(const RecoveryFile& file);
  /// Loads a leftover into the document, marked modified and under its original path (so
  /// Save writes where the user meant to), or untitled when it had none. The copy becomes
  /// this instance's before the leftover is deleted, so there is never a moment without one.
  bool recover(const RecoveryFile& file, QStringList* errors = nullptr);
  /// Offers the leftovers one by one, newest first: Recover loads it and stops, Discard
  /// deletes it and goes on, Later keeps it (and the rest) for the next start. `choose`
  /// replaces the question box (tests, scripts). Returns whether a document was recovered.
  bool offerRecovery(QWidget* parent, const Chooser& choose = {});

  /// "today at 14:05" or a short date and time: how the question and messages name a moment.
  static QString describeTime(const QDateTime& when);

 signals:
  /// Something for the status bar (a recovery, a copy that could not be written).
  void message(const QString& text);

 private:
  void onTimer();

  TopologyDocument& m_document;
  QTimer* m_timer;
  qint64 m_pid;
  QString m_baseName;
  int m_intervalSeconds = kDefaultIntervalSeconds;
  bool m_changedSinceCopy = false;
};

}  // namespace pillars
