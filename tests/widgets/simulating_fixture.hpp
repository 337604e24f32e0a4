#pragma once
// A main window with three-tier open, as the Simulate tests drive it: actions by their menu text,
// faults by the canvas context menu, and a wait for a run to pause.

#include <gtest/gtest.h>

#include <QAction>
#include <QMenu>
#include <QTest>

#include "widgets/canvas/topology_scene.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/window/main_window.hpp"
#include "widgets/window/simulate_actions.hpp"

namespace pillars {

class Simulating : public ::testing::Test {
 protected:
  void SetUp() override {
    window.useDefaultLayout();
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(window.openFile(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/three-tier.json"), true));
  }
  LiveRun& live() { return window.liveRun(); }
  QAction* action(const QString& text) {
    for (QAction* a : window.findChildren<QAction*>()) {
      if (a->text().remove(QLatin1Char('&')) == text) return a;
    }
    ADD_FAILURE() << "no action " << text.toStdString();
    return nullptr;
  }
  /// The action of the canvas context menu for the current selection whose text starts so.
  void triggerFault(const QString& prefix) {
    QMenu menu;
    window.simulateActions().addFaultsTo(menu, window.scene().selectedComponents(), window.scene().selectedLinks());
    for (QAction* a : menu.findChildren<QAction*>()) {
      if (a->text().startsWith(prefix)) {
        a->trigger();
        return;
      }
    }
    FAIL() << "no fault action " << prefix.toStdString();
  }
  /// Plays to `t` flat out and waits until the run pauses there. Loads the run first the way a
  /// user does (Simulate › Step), so the actions treat it as theirs.
  void runUntil(SimTime t) {
    if (!live().isLoaded()) action(QStringLiteral("Step"))->trigger();
    live().setSpeed(1000);
    live().runUntil(t);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !live().isPlaying(); }, 30'000));
  }
  MainWindow window;
};


}  // namespace pillars
