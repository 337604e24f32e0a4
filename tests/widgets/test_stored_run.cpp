// A finished run is kept with the project: its summary and time series are saved in the
// .pillars file, survive reopening and re-saving, and are exactly what pillars-cli reports.
#include <gtest/gtest.h>

#include <QTemporaryDir>

#include "engine/io/project_file.hpp"
#include "engine/io/results_writer.hpp"
#include "widgets/document/topology_document.hpp"
#include "tests/widgets/simulating_fixture.hpp"

namespace pillars {
namespace {

class StoredRuns : public Simulating {
 protected:
  /// Makes the open example a project in a temporary folder.
  QString saveAsProject() {
    const QString project = m_dir.filePath(QStringLiteral("three-tier.pillars"));
    QString error;
    EXPECT_TRUE(window.document().saveAs(project, &error)) << error.toStdString();
    return project;
  }
  QTemporaryDir m_dir;
};

TEST_F(StoredRuns, AFinishedRunIsSavedWithTheProjectAndReopens) {
  const QString project = saveAsProject();
  EXPECT_FALSE(window.document().runs().last().has_value());
  action(QStringLiteral("Step"))->trigger();
  ASSERT_TRUE(live().runToEnd());
  ASSERT_TRUE(window.document().runs().last().has_value());
  EXPECT_TRUE(window.document().isModified());  // the results are new content of the project
  EXPECT_EQ(window.document().runs().last()->summaryJson, writeResultsJson(live().results(), "Three-tier web application"));

  QString error;
  ASSERT_TRUE(window.document().saveAs(project, &error)) << error.toStdString();
  const std::optional<StoredRun> onDisk = loadStoredRun(project.toStdString());
  ASSERT_TRUE(onDisk.has_value());
  EXPECT_EQ(*onDisk, *window.document().runs().last());
  ASSERT_TRUE(onDisk->series);
  EXPECT_EQ(onDisk->series->rowCount(), 180u);  // 3 minutes of 1 s rows

  // Reopened and saved again without running: the run stays.
  ASSERT_TRUE(window.openFile(project, true));
  ASSERT_TRUE(window.document().runs().last().has_value());
  ASSERT_TRUE(window.document().saveAs(project, &error)) << error.toStdString();
  EXPECT_EQ(loadStoredRun(project.toStdString()), onDisk);
}

TEST_F(StoredRuns, ARunMadeStaleByAnEditIsNotStored) {
  saveAsProject();
  action(QStringLiteral("Step"))->trigger();
  runUntil(5 * kSecond);
  EXPECT_TRUE(window.document().setParameter("web1", "workers", QStringLiteral("2")).isEmpty());
  // The loaded run no longer describes the document; finishing it keeps nothing.
  ASSERT_TRUE(live().runToEnd());
  EXPECT_FALSE(window.document().runs().last().has_value());
}

}  // namespace
}  // namespace pillars
