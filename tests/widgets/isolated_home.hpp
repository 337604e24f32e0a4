#pragma once
// A home folder and settings of a test's own: Qt's test locations (never a real user's files)
// under a temporary home, so tests that ctest runs in parallel processes neither see nor wipe
// each other's recovery copies, recent files or checklists. Everything is put back on
// destruction.

#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace pillars {

class IsolatedHome {
 public:
  IsolatedHome() {
    EXPECT_TRUE(m_home.isValid());
    QStandardPaths::setTestModeEnabled(true);
    m_oldHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(m_home.path()));
    // Where settings lived so far: "<root>/<organization>/<application>.conf".
    m_oldSettingsRoot = QFileInfo(QFileInfo(QSettings().fileName()).path()).path();
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(QStringLiteral("config")));
  }
  ~IsolatedHome() {
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_oldSettingsRoot);
    qputenv("HOME", m_oldHome);
  }
  IsolatedHome(const IsolatedHome&) = delete;
  IsolatedHome& operator=(const IsolatedHome&) = delete;

  QString path() const { return m_home.path(); }

 private:
  QTemporaryDir m_home;
  QByteArray m_oldHome;
  QString m_oldSettingsRoot;
};

}  // namespace pillars
