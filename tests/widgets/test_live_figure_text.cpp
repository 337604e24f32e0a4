// A kind's live figures as the inspector shows them: a statistic family that has measured
// nothing yet is one row saying so, not readings of zero that look measured.
#include <gtest/gtest.h>

#include "widgets/window/live_figure_text.hpp"

namespace pillars {
namespace {

TEST(LiveFigureText, AFamilyWithNothingMeasuredYetIsOneRow) {
  const auto rows = liveFiguresText("raft_group", {{"leader_changes", 1},
                                                   {"election_ms.mean", 0},
                                                   {"election_ms.p50", 0},
                                                   {"election_ms.p99", 0},
                                                   {"election_ms.max", 0},
                                                   {"commit_latency_ms.mean", 4.25},
                                                   {"commit_latency_ms.p50", 4.0},
                                                   {"unavailable_s", 0}});
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].first, QStringLiteral("Leader changes"));
  EXPECT_EQ(rows[1], (std::pair<QString, QString>{QStringLiteral("Election"), QStringLiteral("none yet")}));
  EXPECT_EQ(rows[2].first, QStringLiteral("Commit latency mean"));
  EXPECT_EQ(rows[2].second, QStringLiteral("4.25 ms"));
  EXPECT_EQ(rows[3].first, QStringLiteral("Commit latency p50"));
  // A single time figure of 0 is a reading, not a family: unavailable for 0 s is news.
  EXPECT_EQ(rows[4].first, QStringLiteral("Unavailable"));
  EXPECT_EQ(rows[4].second, QStringLiteral("0.00 s"));
}

TEST(LiveFigureText, AReadinessVerdictReadsAsWords) {
  EXPECT_EQ(liveFigureText("service", "ready", 1).second, QStringLiteral("yes"));
  EXPECT_TRUE(liveFigureText("service", "ready", 0).second.startsWith(QStringLiteral("no")));
  EXPECT_EQ(liveFigureText("service", "liveness_kills", 3), (std::pair<QString, QString>{QStringLiteral("Liveness kills"), QStringLiteral("3")}));
}

}  // namespace
}  // namespace pillars
