// Simulate › CAP Experiment…: the dialog runs the selected store's replica set as CP and as AP
// on a worker thread and fills in the same figures `pillars-cli cap` prints.
#include <gtest/gtest.h>

#include <QTest>

#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/pillars/state/cap_dialog.hpp"
#include "widgets/window/main_window.hpp"

namespace pillars {
namespace {

TEST(CapDialog, TheSelectedStoresSetRunsAsCpAndAsApSideBySide) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/quorum-kv.json"), true));
  window.scene().clearSelection();
  window.scene().nodeFor("s2")->setSelected(true);
  CapDialog* dialog = window.openCapExperiment();
  ASSERT_NE(dialog, nullptr);
  EXPECT_FALSE(dialog->finished()) << "the runs happen on a worker thread";
  ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->finished(); }, 60'000));
  EXPECT_TRUE(dialog->partitionText().contains(QStringLiteral("s1, s2, s3"))) << dialog->partitionText().toStdString();
  EXPECT_TRUE(dialog->partitionText().contains(QStringLiteral("s1->s3 cut at 40 s"))) << dialog->partitionText().toStdString();
  ASSERT_EQ(dialog->rowCount(), 6);
  // The same figures as `pillars-cli cap resources/examples/quorum-kv.json`.
  EXPECT_EQ(dialog->cell(0, 0), QStringLiteral("88.30%"));
  EXPECT_EQ(dialog->cell(0, 1), QStringLiteral("100.00%"));
  EXPECT_TRUE(dialog->cell(3, 0).startsWith(QStringLiteral("0 of "))) << dialog->cell(3, 0).toStdString();
  EXPECT_FALSE(dialog->cell(3, 1).startsWith(QStringLiteral("0 of "))) << dialog->cell(3, 1).toStdString();
  EXPECT_EQ(dialog->cell(5, 0), QStringLiteral("yes"));
  EXPECT_EQ(dialog->cell(5, 1), QStringLiteral("yes"));
  dialog->close();
}

TEST(CapDialog, ADesignWithoutAStoreIsToldSo) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/three-tier.json"), true));
  CapDialog* dialog = window.openCapExperiment();
  ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->finished(); }, 60'000));
  EXPECT_TRUE(dialog->partitionText().contains(QStringLiteral("the design has no store"))) << dialog->partitionText().toStdString();
  EXPECT_EQ(dialog->rowCount(), 0);
  dialog->close();
}

}  // namespace
}  // namespace pillars
