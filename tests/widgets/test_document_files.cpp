// Saving: what is saved reads back identical, and a failed save never harms the old file.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>

#include "engine/io/scenario_writer.hpp"
#include "widgets/canvas/diagram_export.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {
namespace {

const QString kThreeTier = QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/three-tier.json");

TEST(DocumentFiles, SaveThenReopenGivesTheSameTopologyAndPositions) {
  TopologyDocument doc;
  ASSERT_TRUE(doc.load(kThreeTier, nullptr));
  // Edit a little so there is something to save: a new component, moved, linked, tuned.
  const std::string id = doc.addComponent("cache", QPointF(1400, 420));
  ASSERT_TRUE(doc.connectComponents("db", id).isEmpty());
  doc.moveComponents({{"web3", QPointF(600, 460)}});
  ASSERT_TRUE(doc.setParameter("db", "workers", QStringLiteral("48")).isEmpty());
  ASSERT_TRUE(doc.isModified());

  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("edited.json"));
  QString error;
  ASSERT_TRUE(doc.saveAs(path, &error)) << error.toStdString();
  EXPECT_FALSE(doc.isModified());
  EXPECT_EQ(doc.filePath(), path);

  TopologyDocument again;
  QStringList errors;
  ASSERT_TRUE(again.load(path, &errors)) << errors.join(QLatin1Char('\n')).toStdString();
  EXPECT_EQ(writeScenarioJson(again.scenarioWithPositions()), writeScenarioJson(doc.scenarioWithPositions()));
  EXPECT_EQ(again.position("web3"), QPointF(600, 460));
  EXPECT_EQ(again.position(id), QPointF(1400, 420));
  EXPECT_EQ(again.scenario().findComponent("db")->params.integer("workers"), 48);
}

TEST(DocumentFiles, AProjectFileRoundTripsAndTheCliRunsIt) {
  TopologyDocument doc;
  ASSERT_TRUE(doc.load(kThreeTier, nullptr));
  doc.moveComponents({{"db", QPointF(1300, 260)}});
  QTemporaryDir dir;
  const QString project = dir.filePath(QStringLiteral("three-tier.pillars"));
  QString error;
  ASSERT_TRUE(doc.saveAs(project, &error)) << error.toStdString();
  QFile file(project);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  EXPECT_TRUE(file.read(15) == QByteArrayLiteral("SQLite format 3"));
  TopologyDocument again;
  ASSERT_TRUE(again.load(project, nullptr));
  EXPECT_EQ(writeScenarioJson(again.scenarioWithPositions()), writeScenarioJson(doc.scenarioWithPositions()));
  EXPECT_EQ(again.position("db"), QPointF(1300, 260));
}

TEST(DocumentFiles, AFailedSaveLeavesTheOldFileIntactAndTheDocumentModified) {
  QTemporaryDir dir;
  const QString folderAsFile = dir.filePath(QStringLiteral("taken"));
  ASSERT_TRUE(QDir().mkpath(folderAsFile));  // a folder where the file should go
  TopologyDocument doc;
  ASSERT_TRUE(doc.load(kThreeTier, nullptr));
  doc.addComponent("service", QPointF(0, 0));
  QString error;
  EXPECT_FALSE(doc.saveAs(folderAsFile, &error));
  EXPECT_TRUE(error.contains(folderAsFile)) << error.toStdString();
  EXPECT_TRUE(doc.isModified());
  EXPECT_EQ(doc.filePath(), kThreeTier);
  EXPECT_TRUE(QFileInfo(folderAsFile).isDir());
  // No temporary file left behind.
  EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files).size(), 0);
}

}  // namespace
}  // namespace pillars

namespace pillars {
namespace {

TEST(DiagramExport, WritesPngSvgAndDotOfWhatTheCanvasShows) {
  TopologyDocument doc;
  ASSERT_TRUE(doc.load(kThreeTier, nullptr));
  TopologyScene scene(doc);
  QTemporaryDir dir;
  for (const char* ext : {"png", "svg", "dot"}) {
    const QString path = dir.filePath(QStringLiteral("diagram.") + QString::fromLatin1(ext));
    EXPECT_TRUE(exportDiagram(doc, scene, path).isEmpty()) << ext;
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << ext;
    const QByteArray bytes = file.readAll();
    if (QLatin1String(ext) == QLatin1String("png")) {
      QImage image;
      ASSERT_TRUE(image.loadFromData(bytes, "PNG"));
      // Twice the diagram's size: the whole topology, at print quality.
      EXPECT_GT(image.width(), 2 * 1180);
    } else if (QLatin1String(ext) == QLatin1String("svg")) {
      EXPECT_TRUE(bytes.contains("<svg"));
      EXPECT_TRUE(bytes.contains("web3"));
    } else {
      EXPECT_TRUE(bytes.contains("\"lb\" -> \"web1\""));
      EXPECT_TRUE(bytes.contains("cluster_zone-a"));
    }
  }
  const QString refused = exportDiagram(doc, scene, dir.filePath(QStringLiteral("diagram.gif")));
  EXPECT_TRUE(refused.contains(QStringLiteral(".png, .svg or .dot")));
}

}  // namespace
}  // namespace pillars
