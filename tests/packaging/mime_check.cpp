// mime_check: does packaging/pillars-mime.xml make desktops recognise Pillars projects?
//   mime_check <pillars-mime.xml> <system mime/packages dir> <scenario.json> <work dir> <update-mime-database>
// Saves a real project with the engine, then builds a private MIME database the way an installed
// system has it: the system's definitions plus ours, compiled by update-mime-database into one
// cache. Qt's MIME database, which reads the same freedesktop.org data, then names the files.
// (One database, not ours beside the system's: Qt 6.4 lets a later directory's content match
// override an earlier, higher-priority one, which an installed system never runs into.)
#include <sqlite3.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QProcess>
#include <cstdio>
#include <string>

#include "engine/io/project_file.hpp"
#include "engine/model/component_kind.hpp"

namespace {

int failures = 0;

void expect(bool ok, const std::string& what) {
  std::printf("%s: %s\n", ok ? "ok  " : "FAIL", what.c_str());
  if (!ok) ++failures;
}

void expectType(const QMimeType& got, const char* want, const std::string& what) {
  expect(got.name() == QLatin1String(want),
         what + " is " + want + " (got " + got.name().toStdString() + ")");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: mime_check <pillars-mime.xml> <system mime/packages dir> <scenario.json> "
                         "<work dir> <update-mime-database>\n");
    return 2;
  }
  const QString xml = QString::fromLocal8Bit(argv[1]);
  const QDir systemPackages(QString::fromLocal8Bit(argv[2]));
  const std::string scenarioPath = argv[3];
  const QDir work(QString::fromLocal8Bit(argv[4]));
  const QString share = work.filePath(QStringLiteral("share"));
  const QString mimeDir = share + QStringLiteral("/mime");

  QDir(mimeDir).removeRecursively();
  bool copied = QDir().mkpath(mimeDir + QStringLiteral("/packages")) &&
                QFile::copy(xml, mimeDir + QStringLiteral("/packages/pillars.xml"));
  const QStringList system = systemPackages.entryList({QStringLiteral("*.xml")}, QDir::Files);
  for (const QString& f : system) {
    copied = copied && QFile::copy(systemPackages.filePath(f), mimeDir + QStringLiteral("/packages/") + f);
  }
  if (!copied || system.isEmpty()) {
    std::fprintf(stderr, "mime_check: cannot set up %s from %s and %s\n", qPrintable(mimeDir), argv[1], argv[2]);
    return 2;
  }
  // Only the private database is searched, by update-mime-database's check and by Qt.
  qputenv("XDG_DATA_DIRS", QFile::encodeName(share));
  qputenv("XDG_DATA_HOME", QFile::encodeName(work.filePath(QStringLiteral("no-user-data"))));
  {
    // The tool desktops run on install: it must accept the file without a single complaint.
    QProcess update;
    update.start(QString::fromLocal8Bit(argv[5]), {mimeDir});
    const bool ran = update.waitForFinished(60000);
    const QByteArray complaints = update.readAllStandardError() + update.readAllStandardOutput();
    expect(ran && update.exitStatus() == QProcess::NormalExit && update.exitCode() == 0 && complaints.isEmpty(),
           "update-mime-database accepts it" +
               (complaints.isEmpty() ? std::string() : ": " + complaints.toStdString()));
  }
  QCoreApplication app(argc, argv);

  // A project exactly as the app saves it, and two copies that only the content can identify.
  const auto load = pillars::loadScenarioOrProject(scenarioPath, pillars::builtinRegistry());
  if (!load.ok()) {
    std::fprintf(stderr, "mime_check: cannot read %s\n", argv[3]);
    return 2;
  }
  const QString project = work.filePath(QStringLiteral("sample.pillars"));
  const QString renamed = work.filePath(QStringLiteral("sample-without-extension"));
  QFile::remove(project);
  QFile::remove(renamed);
  const std::string saveError = pillars::saveProjectFile(project.toStdString(), *load.scenario);
  if (!saveError.empty() || !QFile::copy(project, renamed)) {
    std::fprintf(stderr, "mime_check: cannot save a project: %s\n", saveError.c_str());
    return 2;
  }
  // Another application's SQLite database must stay plain SQLite.
  const QString other = work.filePath(QStringLiteral("other-app-database"));
  QFile::remove(other);
  sqlite3* db = nullptr;
  const bool made = sqlite3_open(QFile::encodeName(other).constData(), &db) == SQLITE_OK &&
                    sqlite3_exec(db, "PRAGMA application_id = 1234; CREATE TABLE t (x);", nullptr,
                                 nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(db);
  if (!made) {
    std::fprintf(stderr, "mime_check: cannot create a plain SQLite database\n");
    return 2;
  }

  const QMimeDatabase mime;
  const QMimeType type = mime.mimeTypeForName(QStringLiteral("application/x-pillars-project"));
  expect(type.isValid(), "application/x-pillars-project is defined");
  expect(type.comment() == QStringLiteral("Pillars project"), "its comment is 'Pillars project'");
  expect(type.inherits(QStringLiteral("application/vnd.sqlite3")), "it is a kind of SQLite database");
  expect(type.globPatterns().contains(QStringLiteral("*.pillars")), "its glob is *.pillars");
  expectType(mime.mimeTypeForFile(QStringLiteral("new.pillars"), QMimeDatabase::MatchExtension),
             "application/x-pillars-project", "a *.pillars name");
  expectType(mime.mimeTypeForFile(project), "application/x-pillars-project", "a saved project");
  expectType(mime.mimeTypeForFile(renamed, QMimeDatabase::MatchContent),
             "application/x-pillars-project", "a project without its extension (magic)");
  expectType(mime.mimeTypeForFile(other, QMimeDatabase::MatchContent), "application/vnd.sqlite3",
             "another application's SQLite database");
  return failures == 0 ? 0 : 1;
}
