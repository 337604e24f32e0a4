#include "widgets/window/autosave.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>
#include <algorithm>
#include <atomic>

#include "widgets/document/topology_document.hpp"

#if defined(Q_OS_UNIX)
#include <sys/types.h>

#include <cerrno>
#include <csignal>
#endif

namespace pillars {

namespace {

const QString kPrefix = QStringLiteral("pillars-");
const QString kCopySuffix = QStringLiteral(".pillars");
const QString kInfoSuffix = QStringLiteral(".json");

/// Several windows may live in one process (tests do this), so each instance gets a number of
/// its own besides the process id.
std::atomic<int> g_instances{0};

/// The sidecar of a copy: same name, .json instead of .pillars.
QString infoPathFor(const QString& copyPath) {
  return copyPath.left(copyPath.size() - kCopySuffix.size()) + kInfoSuffix;
}

/// "pillars-1234-0.pillars" -> 1234; 0 when the name is not ours.
qint64 pidFromName(const QString& fileName) {
  const QStringList parts = QFileInfo(fileName).completeBaseName().split(QLatin1Char('-'));
  return parts.size() >= 2 ? parts[1].toLongLong() : 0;
}

}  // namespace

Autosave::Autosave(TopologyDocument& document, QObject* parent, qint64 pid)
    : QObject(parent),
      m_document(document),
      m_timer(new QTimer(this)),
      m_pid(pid),
      m_baseName(kPrefix + QStringLiteral("%1-%2").arg(pid).arg(g_instances++)) {
  const QSettings settings;
  m_intervalSeconds = settings.value(QStringLiteral("files/autosaveSeconds"), kDefaultIntervalSeconds).toInt();
  // Any edit, undo or redo makes the copy stale; a timer tick with nothing new writes nothing.
  connect(&m_document.undoStack(), &QUndoStack::indexChanged, this, [this] { m_changedSinceCopy = true; });
  // Saved, or undone back to what is saved: the file on disk is the truth again.
  connect(&m_document, &TopologyDocument::modifiedChanged, this, [this](bool modified) {
    if (!modified) discard();
  });
  connect(&m_document, &TopologyDocument::saved, this, &Autosave::discard);
  // Another document (New, Open, a template, a recovery) replaces the one the copy was of.
  connect(&m_document, &TopologyDocument::reset, this, [this] {
    discard();
    m_changedSinceCopy = m_document.isModified();
  });
  connect(m_timer, &QTimer::timeout, this, &Autosave::onTimer);
  if (m_intervalSeconds > 0) m_timer->start(m_intervalSeconds * 1000);
}

QString Autosave::recoveryDirectory() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

QString Autosave::copyPath() const { return recoveryDirectory() + QLatin1Char('/') + m_baseName + kCopySuffix; }

QString Autosave::infoPath() const { return infoPathFor(copyPath()); }

void Autosave::onTimer() {
  if (!m_document.isModified() || !m_changedSinceCopy) return;
  QString error;
  if (!writeNow(&error)) emit message(tr("Autosave failed: %1").arg(error));
}

bool Autosave::writeNow(QString* error) {
  if (!m_document.isModified()) return false;
  if (!QDir().mkpath(recoveryDirectory())) {
    if (error) *error = tr("cannot create %1").arg(recoveryDirectory());
    return false;
  }
  // The copy first, then the sidecar that vouches for it: a crash in between leaves a copy
  // that is still offered (without its original path) rather than a sidecar of nothing.
  if (!m_document.writeCopy(copyPath(), error)) return false;
  QJsonObject info;
  info[QStringLiteral("pid")] = m_pid;
  info[QStringLiteral("process")] = processIdentity(m_pid);
  info[QStringLiteral("originalPath")] = m_document.filePath();
  info[QStringLiteral("name")] = m_document.displayName();
  info[QStringLiteral("savedAt")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
  QSaveFile sidecar(infoPath());
  if (!sidecar.open(QIODevice::WriteOnly) || sidecar.write(QJsonDocument(info).toJson()) < 0 || !sidecar.commit()) {
    if (error) *error = tr("cannot write %1: %2").arg(infoPath(), sidecar.errorString());
    return false;
  }
  m_changedSinceCopy = false;
  return true;
}

void Autosave::discard() {
  QFile::remove(copyPath());
  QFile::remove(infoPath());
}

bool Autosave::isProcessRunning(qint64 pid) {
  if (pid <= 0) return false;
#if defined(Q_OS_UNIX)
  // Signal 0 checks existence without touching the process; EPERM means it exists but
  // belongs to someone else.
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
#else
  return false;
#endif
}

QString Autosave::processIdentity(qint64 pid) {
  // Field 22 of /proc/PID/stat is the start time in clock ticks since boot; the command name
  // before it is in parentheses and may hold spaces, so count fields after the last ')'.
  QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
  QFile boot(QStringLiteral("/proc/sys/kernel/random/boot_id"));
  if (!stat.open(QIODevice::ReadOnly) || !boot.open(QIODevice::ReadOnly)) return {};
  const QByteArray line = stat.readAll();
  const qsizetype close = line.lastIndexOf(')');
  if (close < 0) return {};
  const QList<QByteArray> fields = line.mid(close + 2).split(' ');
  constexpr int kStartTimeAfterName = 22 - 3;  // fields 3.. follow the name (field 2)
  if (fields.size() <= kStartTimeAfterName) return {};
  return QString::fromLatin1(boot.readAll().trimmed()) + QLatin1Char(':') +
         QString::fromLatin1(fields[kStartTimeAfterName]);
}

std::vector<RecoveryFile> Autosave::leftovers() {
  std::vector<RecoveryFile> found;
  const QDir dir(recoveryDirectory());
  const QStringList copies = dir.entryList({kPrefix + QLatin1Char('*') + kCopySuffix}, QDir::Files);
  for (const QString& name : copies) {
    RecoveryFile file;
    file.copyPath = dir.absoluteFilePath(name);
    file.infoPath = infoPathFor(file.copyPath);
    file.pid = pidFromName(name);
    file.savedAt = QFileInfo(file.copyPath).lastModified();
    file.name = tr("Untitled");
    QString writer;  // the writing process's identity, when the sidecar has it
    QFile sidecar(file.infoPath);
    if (sidecar.open(QIODevice::ReadOnly)) {
      const QJsonObject info = QJsonDocument::fromJson(sidecar.readAll()).object();
      file.pid = info.value(QStringLiteral("pid")).toInteger(file.pid);
      writer = info.value(QStringLiteral("process")).toString();
      file.originalPath = info.value(QStringLiteral("originalPath")).toString();
      file.name = info.value(QStringLiteral("name")).toString(file.name);
      const QDateTime at = QDateTime::fromString(info.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs);
      if (at.isValid()) file.savedAt = at;
    }
    // The own process counts as running: its other windows are still using their copies.
    // A live process with the same number but another identity reused the number: the
    // writer is gone and its copy is a leftover.
    if (isProcessRunning(file.pid) && (writer.isEmpty() || writer == processIdentity(file.pid))) continue;
    found.push_back(std::move(file));
  }
  std::sort(found.begin(), found.end(),
            [](const RecoveryFile& a, const RecoveryFile& b) { return a.savedAt > b.savedAt; });
  return found;
}

void Autosave::remove(const RecoveryFile& file) {
  QFile::remove(file.copyPath);
  QFile::remove(file.infoPath);
}

bool Autosave::recover(const RecoveryFile& file, QStringList* errors) {
  if (!m_document.loadAs(file.copyPath, file.originalPath, true, errors)) return false;
  QString error;
  if (!writeNow(&error)) {
    // Keep the leftover: it is now the only copy of this work outside memory.
    emit message(tr("Autosave failed: %1").arg(error));
    return true;
  }
  remove(file);
  return true;
}

QString Autosave::describeTime(const QDateTime& when) {
  const QDateTime local = when.toLocalTime();
  const QLocale locale;
  if (local.date() == QDate::currentDate()) {
    return tr("today at %1").arg(locale.toString(local.time(), QLocale::ShortFormat));
  }
  return locale.toString(local, QLocale::ShortFormat);
}

bool Autosave::offerRecovery(QWidget* parent, const Chooser& choose) {
  const Chooser ask = choose ? choose : [parent](const RecoveryFile& file) {
    QMessageBox box(QMessageBox::Question, tr("Recover Unsaved Work"),
                    tr("Pillars did not close normally. Recover %1 from %2?")
                        .arg(file.name, describeTime(file.savedAt)),
                    QMessageBox::NoButton, parent);
    box.setInformativeText(
        file.originalPath.isEmpty()
            ? tr("It was never saved. Recovered, it opens as a modified, untitled document.")
            : tr("Recovered, it opens with its unsaved changes; Save writes them to %1.")
                  .arg(QDir::toNativeSeparators(file.originalPath)));
    QPushButton* recoverButton = box.addButton(tr("&Recover"), QMessageBox::AcceptRole);
    QPushButton* discardButton = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("&Later"), QMessageBox::RejectRole);
    box.setDefaultButton(recoverButton);
    box.exec();
    if (box.clickedButton() == recoverButton) return RecoveryChoice::Recover;
    if (box.clickedButton() == discardButton) return RecoveryChoice::Discard;
    return RecoveryChoice::Later;  // also Escape and closing the box: never lose work by accident
  };
  for (const RecoveryFile& file : leftovers()) {
    switch (ask(file)) {
      case RecoveryChoice::Recover: {
        QStringList errors;
        if (recover(file, &errors)) {
          emit message(tr("Recovered %1 from %2. Save to keep the changes.").arg(file.name, describeTime(file.savedAt)));
          return true;
        }
        // A damaged copy stays where it is, for whoever wants to look at it by hand.
        emit message(tr("Could not recover %1 (%2): %3")
                         .arg(file.name, QDir::toNativeSeparators(file.copyPath), errors.value(0)));
        break;
      }
      case RecoveryChoice::Discard:
        remove(file);
        break;
      case RecoveryChoice::Later:
        return false;
    }
  }
  return false;
}

}  // namespace pillars
