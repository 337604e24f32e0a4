// The inspector's live figures: what a user reads beside the canvas while three-tier plays.
#include <gtest/gtest.h>

#include <QLabel>
#include <QLocale>

#include "engine/run/run_results.hpp"
#include "widgets/window/inspector_live_stats.hpp"
#include "widgets/window/inspector_panel.hpp"
#include "tests/widgets/simulating_fixture.hpp"

namespace pillars {
namespace {

class InspectorLive : public Simulating {
 protected:
  InspectorLiveStats& stats() { return *window.findChild<InspectorLiveStats*>(); }
  QString fact(const QString& label) {
    auto* value = stats().findChild<QLabel*>(QStringLiteral("fact:") + label);
    if (!value) ADD_FAILURE() << "no live figure " << label.toStdString();
    return value ? value->text() : QString();
  }
  /// Lets the inspector's deferred refill run.
  void settle() { QTest::qWait(300); }  // past the 250 ms refresh throttle
  const ComponentResult* resultOf(const RunResults& r, const std::string& id) {
    for (const ComponentResult& c : r.components) {
      if (c.id == id) return &c;
    }
    return nullptr;
  }
};

TEST_F(InspectorLive, HiddenUntilSomethingHasRun) {
  window.scene().selectComponents({"web1"});
  settle();
  EXPECT_FALSE(stats().isVisible());
  action(QStringLiteral("Step"))->trigger();
  settle();
  EXPECT_TRUE(stats().isVisible());
  action(QStringLiteral("Reset"))->trigger();
  settle();
  EXPECT_FALSE(stats().isVisible());
}

TEST_F(InspectorLive, ShowsTheSelectedServicesFiguresAsTheSummaryHasThem) {
  window.scene().selectComponents({"web1"});
  runUntil(30 * kSecond);
  settle();
  ASSERT_TRUE(stats().isVisible());
  EXPECT_TRUE(stats().title().contains(QStringLiteral("30.000 s"))) << stats().title().toStdString();
  const RunResults results = live().results();
  const ComponentResult* web1 = resultOf(results, "web1");
  ASSERT_NE(web1, nullptr);
  ASSERT_GT(web1->completed, 1000u);  // about a third of 1,200 req/s for 20 measured seconds
  EXPECT_EQ(fact(QStringLiteral("State")), QStringLiteral("Up"));
  EXPECT_EQ(fact(QStringLiteral("Completed")), QLocale().toString(static_cast<qulonglong>(web1->completed)));
  EXPECT_TRUE(fact(QStringLiteral("Throughput")).startsWith(QLocale().toString(web1->throughputRps, 'f', 1)));
  EXPECT_EQ(fact(QStringLiteral("Utilization")),
            QLocale().toString(web1->utilization * 100, 'f', 1) + QStringLiteral("% mean"));
  EXPECT_FALSE(fact(QStringLiteral("Busy workers")).isEmpty());  // the service's own figures follow
}

TEST_F(InspectorLive, FollowsACrashAndTheKindsOwnFigures) {
  window.scene().selectComponents({"cache"});
  runUntil(15 * kSecond);
  settle();
  // A ratio reads as a percentage.
  QString hitRatio = fact(QStringLiteral("Hit ratio"));
  ASSERT_TRUE(hitRatio.endsWith(QLatin1Char('%'))) << hitRatio.toStdString();
  hitRatio.chop(1);
  const double percent = QLocale().toDouble(hitRatio);
  EXPECT_GT(percent, 0.0);
  EXPECT_LT(percent, 100.0);
  triggerFault(QStringLiteral("Crash cache"));
  settle();
  EXPECT_EQ(fact(QStringLiteral("State")), QStringLiteral("Down (crashed)"));
}

TEST_F(InspectorLive, AChaosMonkeyShowsItsExperimentNotRequestFigures) {
  ASSERT_TRUE(window.openFile(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/chaos-monkey.json"), true));
  window.scene().selectComponents({"monkey"});
  runUntil(100 * kSecond);
  settle();
  ASSERT_TRUE(stats().isVisible());
  // Past the first kill (87.2 s) and 8 checks from 60 s: the experiment in words.
  EXPECT_TRUE(fact(QStringLiteral("Experiment")).startsWith(QStringLiteral("running, steady state held so far")))
      << fact(QStringLiteral("Experiment")).toStdString();
  EXPECT_EQ(fact(QStringLiteral("Steady state")), QStringLiteral("availability >= 99.9% and p99 <= 150ms over 30s"));
  EXPECT_TRUE(fact(QStringLiteral("Last decision")).contains(QStringLiteral("killed web#"))) << fact(QStringLiteral("Last decision")).toStdString();
  // It handles no requests, so no throughput or latency rows.
  EXPECT_EQ(stats().findChild<QLabel*>(QStringLiteral("fact:Throughput")), nullptr);
  EXPECT_EQ(stats().findChild<QLabel*>(QStringLiteral("fact:p50 / p99")), nullptr);
}

TEST_F(InspectorLive, ShowsALinksTrafficAndItsCut) {
  runUntil(12 * kSecond);
  window.scene().clearSelection();
  window.inspector().showSelection({}, {"lb->web2"}, {});
  settle();
  ASSERT_TRUE(stats().isVisible());
  EXPECT_EQ(fact(QStringLiteral("State")), QStringLiteral("Up"));
  const Link& link = live().runner()->simulation().network().link(live().linkId("lb->web2"));
  EXPECT_TRUE(fact(QStringLiteral("Messages")).startsWith(QLocale().toString(static_cast<qulonglong>(link.stats.sent)) +
                                                          QStringLiteral(" sent")));
  window.simulateActions().injectCut("lb->web2");
  settle();
  EXPECT_EQ(fact(QStringLiteral("State")), QStringLiteral("Cut"));
}

TEST_F(InspectorLive, SeveralSelectedComponentsShowNoLiveFigures) {
  runUntil(2 * kSecond);
  window.scene().selectComponents({"web1", "web2"});
  settle();
  EXPECT_FALSE(stats().isVisible());
}

}  // namespace
}  // namespace pillars
