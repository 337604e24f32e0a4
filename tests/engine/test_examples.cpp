// Every bundled example loads, runs and shows what its description promises.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/io/scenario_reader.hpp"
#include "engine/io/scenario_writer.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/component.hpp"
#include "queueing_fixtures.hpp"
#include "sim_fixtures.hpp"

namespace pillars {
namespace {

const std::string kExamples = std::string(PILLARS_SOURCE_DIR) + "/resources/examples/";

Scenario loadExample(const std::string& name) {
  ScenarioLoad load = loadScenarioFile(kExamples + name, builtinRegistry());
  EXPECT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  return load.ok() ? *load.scenario : Scenario{};
}

const ComponentResult& componentOf(const RunResults& r, const std::string& id) {
  for (const auto& c : r.components) {
    if (c.id == id) return c;
  }
  throw std::runtime_error("no component " + id);
}

TEST(Examples, EveryExampleLoadsRunsAndRoundTrips) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kExamples)) {
    if (entry.path().extension() != ".json") continue;
    ++count;
    SCOPED_TRACE(entry.path().filename().string());
    ScenarioLoad load = loadScenarioFile(entry.path().string(), builtinRegistry());
    ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
    const Scenario& s = *load.scenario;
    EXPECT_FALSE(s.name.empty());
    EXPECT_FALSE(s.description.empty());
    // Written back and read again, it is the same scenario, and writes the same text.
    const std::string text = writeScenarioJson(s);
    ScenarioLoad again = readScenario(text, "round-trip", builtinRegistry());
    ASSERT_TRUE(again.ok()) << formatDiagnostics(again.errors);
    EXPECT_EQ(writeScenarioJson(*again.scenario), text);
    // A short run (30 s after warm-up) completes requests without failures.
    ScenarioRunner runner(s, builtinRegistry(), s.seed,
                          std::min<SimTime>(s.duration, s.warmup + 30 * kSecond));
    runner.run();
    const RunResults r = runner.results();
    EXPECT_GT(r.completed, 0u);
    // Some examples exist to show requests failing (a saga whose steps fail and are
    // compensated, a bad release failing the calls that get it ejected); their own tests check
    // the failures are the promised ones.
    const bool failsByDesign =
        entry.path().filename() == "saga-payment.json" || entry.path().filename() == "outlier-ejection.json";
    if (!failsByDesign) {
      EXPECT_EQ(r.failed, 0u);
    }
  }
  EXPECT_GE(count, 9);
}

TEST(Examples, MmcMatchesErlangCWithinOneRunsNoise) {
  const Scenario s = loadExample("mmc.json");
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  EXPECT_NEAR(static_cast<double>(r.completed), 1.0e6, 1.0e4);  // "about 1,000,000 requests"
  const auto theory = testing::erlangC(8, 7.2, 1.0);
  const ComponentResult& station = componentOf(r, "station");
  // One run of a million customers at rho 0.9: W varies by about 1.2% (1 sd), Wq by 2.4%.
  EXPECT_NEAR(station.latency.mean / 1000.0 / theory.w, 1.0, 0.04);
  EXPECT_NEAR(station.waitMeanMs / 1000.0 / theory.wq, 1.0, 0.08);
  EXPECT_NEAR(station.utilization, 0.9, 0.01);
}

TEST(Examples, ThreeTierSurvivesTheWebServerCrash) {
  const Scenario s = loadExample("three-tier.json");
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  // Clients retry what the crash lost; almost everything completes.
  EXPECT_GT(r.completed, 0.99 * 1200 * 170);
  EXPECT_EQ(r.failed + r.timedOut, 0u);
  EXPECT_GT(r.retries, 0u);
  // web2 shows as down between its crash at 60 s and its restart at 120 s.
  const TimeSeries& ts = *runner.timeSeries();
  const auto up = ts.columnIndex("web2.up");
  ASSERT_TRUE(up.has_value());
  for (std::size_t row = 0; row < ts.rowCount(); ++row) {
    const SimTime t = ts.time(row);
    const bool expectUp = t < 60 * kSecond || t >= 120 * kSecond;
    EXPECT_EQ(ts.value(row, *up), expectUp ? 1.0 : 0.0) << "at " << simTimeToSeconds(t) << " s";
  }
  // The cache absorbs most reads: the database sees only the misses.
  const ComponentResult& cache = componentOf(r, "cache");
  const ComponentResult& db = componentOf(r, "db");
  EXPECT_LT(db.completed, cache.completed / 3);
}

TEST(Examples, WeightedRoundRobinSplitsByLinkWeights) {
  const Scenario s = loadExample("lb-weighted-round-robin.json");
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  const double small = static_cast<double>(componentOf(r, "small").received);
  EXPECT_NEAR(static_cast<double>(componentOf(r, "medium").received) / small, 2.0, 0.01);
  EXPECT_NEAR(static_cast<double>(componentOf(r, "large").received) / small, 4.0, 0.01);
}

TEST(Examples, TwoPhaseCommitBlocksWhileTheCoordinatorIsDown) {
  const Scenario s = loadExample("2pc-blocking.json");
  ScenarioRunner runner(s, builtinRegistry());
  runner.advance(30 * kSecond, ~std::uint64_t{0});  // the coordinator has been down for 10 s
  const char* participants[] = {"orders-db", "stock-db", "billing-db"};
  double blocked = 0;
  for (const char* p : participants) {
    // Each holds its in-doubt transactions' locks; they cannot decide alone.
    const double now = testing::extra(runner.simulation(), p, "blocked_now");
    EXPECT_GT(now, 0) << p;
    EXPECT_EQ(testing::extra(runner.simulation(), p, "locks_held"), now) << p;
    blocked += now;
  }
  runner.run();
  const RunResults r = runner.results();
  const ComponentResult& coordinator = componentOf(r, "coordinator");
  auto extraOf = [](const ComponentResult& c, const std::string& name) {
    for (const auto& [n, v] : c.extras) {
      if (n == name) return v;
    }
    ADD_FAILURE() << c.id << " has no " << name;
    return -1.0;
  };
  // On restart, every undecided transaction was aborted (presumed abort).
  EXPECT_EQ(extraOf(coordinator, "aborted_on_recovery") * 3, blocked);
  for (const char* p : participants) {
    // The longest lock lasted the 20 s downtime plus the transaction's own few tens of ms.
    const double longest = extraOf(componentOf(r, p), "lock_held_ms.max");
    EXPECT_GT(longest, 20000.0) << p;
    EXPECT_LT(longest, 20100.0) << p;
    // Everyone else's lock is short: p99 stays at tens of ms.
    EXPECT_LT(extraOf(componentOf(r, p), "lock_held_ms.p99"), 100.0) << p;
  }
  EXPECT_EQ(r.failed, 0u);
  EXPECT_GT(r.timedOut, 0u);  // orders sent while the coordinator was down
}

TEST(Examples, SagaPaymentCompensatesFailedOrders) {
  const Scenario s = loadExample("saga-payment.json");
  ScenarioRunner runner(s, builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  const ComponentResult& order = componentOf(r, "order");
  auto extraOf = [&](const std::string& name) {
    for (const auto& [n, v] : order.extras) {
      if (n == name) return v;
    }
    ADD_FAILURE() << "order has no " << name;
    return -1.0;
  };
  const double completed = extraOf("sagas_completed");
  const double compensated = extraOf("sagas_compensated");
  // About 2,200 sagas in the measured 55 s; 0.9 x 0.98 = 0.882 complete (1 sd = 0.007).
  EXPECT_NEAR(completed / (completed + compensated), 0.882, 0.03);
  EXPECT_EQ(static_cast<double>(r.failed), compensated);
  // Inventory failures undo one step (payment); shipping failures undo two.
  EXPECT_GT(extraOf("compensations_run"), compensated);
  EXPECT_LT(extraOf("compensations_run"), 2 * compensated);
}

}  // namespace
}  // namespace pillars
