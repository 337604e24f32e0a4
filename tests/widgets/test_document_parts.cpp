// The parts TopologyDocument was split into: its runs (RunHistory) and the key that keeps its
// primitive mutators for the undo commands, so every change of the model is an undo step.
#include <gtest/gtest.h>

#include <QFile>
#include <type_traits>

#include "widgets/document/run_history.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {
namespace {

// Only the undo commands can make the key; without one no primitive mutator can be called.
static_assert(!std::is_default_constructible_v<UndoCommandKey>);
static_assert(!std::is_constructible_v<UndoCommandKey>);

StoredRun runNamed(const std::string& name) {
  StoredRun r;
  r.scenarioJson = name;
  return r;
}

TEST(RunHistory, AFinishedRunBecomesTheLastAndTheLastThePrevious) {
  RunHistory runs;
  EXPECT_FALSE(runs.last());
  EXPECT_FALSE(runs.previous());
  runs.keep(runNamed("first"));
  ASSERT_TRUE(runs.last());
  EXPECT_EQ(runs.last()->scenarioJson, "first");
  EXPECT_FALSE(runs.previous());
  runs.keep(runNamed("second"));
  EXPECT_EQ(runs.last()->scenarioJson, "second");
  ASSERT_TRUE(runs.previous());
  EXPECT_EQ(runs.previous()->scenarioJson, "first");
  runs.keep(runNamed("third"));
  EXPECT_EQ(runs.previous()->scenarioJson, "second") << "only one run back is kept";
}

TEST(RunHistory, AFileBringsItsStoredRunAndNothingToCompareWith) {
  const RunHistory opened(runNamed("stored"));
  ASSERT_TRUE(opened.last());
  EXPECT_EQ(opened.last()->scenarioJson, "stored");
  EXPECT_FALSE(opened.previous());
  EXPECT_FALSE(RunHistory(std::nullopt).last());
}

TEST(TopologyDocumentParts, SavingAndTheAutosavesCopyWriteTheSameFile) {
  // One writer serves both: a copy and a save of the same document are byte for byte equal.
  TopologyDocument doc;
  const std::string client = doc.addComponent("client", QPointF(0, 0));
  const std::string service = doc.addComponent("service", QPointF(260, 0));
  ASSERT_TRUE(doc.connectComponents(client, service).isEmpty());
  const QString dir = QString::fromStdString(::testing::TempDir());
  const QString copy = dir + QStringLiteral("/parts-copy.json");
  const QString saved = dir + QStringLiteral("/parts-saved.json");
  QString error;
  ASSERT_TRUE(doc.writeCopy(copy, &error)) << error.toStdString();
  EXPECT_TRUE(doc.isModified()) << "a copy leaves the document as it was";
  ASSERT_TRUE(doc.saveAs(saved, &error)) << error.toStdString();
  EXPECT_FALSE(doc.isModified());
  QFile a(copy), b(saved);
  ASSERT_TRUE(a.open(QIODevice::ReadOnly));
  ASSERT_TRUE(b.open(QIODevice::ReadOnly));
  EXPECT_EQ(a.readAll(), b.readAll());
}

}  // namespace
}  // namespace pillars
