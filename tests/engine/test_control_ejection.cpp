// Outlier ejection at the balancer against Envoy's semantics, on outlier-ejection.json: a
// backend failing every call is ejected after consecutive_errors, for base_ejection_time times
// the ejections in a row, and never more than max_ejection_percent of the backends at once.
#include <gtest/gtest.h>

#include <vector>

#include "control_fixtures.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"
#include "state_fixtures.hpp"

namespace pillars {
namespace {

using testing::componentFigure;
using testing::exampleScenario;
using testing::FinishedRun;
using testing::runExample;

struct Interval {
  double from = 0, to = 0;
  double length() const { return to - from; }
};

/// Steps the run 10 ms at a time and returns the intervals during which the balancer `lb` had
/// at least one backend ejected, and the most it had at once.
std::vector<Interval> ejections(const Scenario& s, std::size_t* mostAtOnce) {
  ScenarioRunner runner(s, builtinRegistry());
  Simulation& sim = runner.simulation();
  const Component* lb = sim.findComponent("lb");
  EXPECT_NE(lb, nullptr);
  std::vector<Interval> out;
  bool open = false;
  *mostAtOnce = 0;
  for (SimTime t = 0; t <= runner.endTime(); t += 10 * kMillisecond) {
    runner.advance(t, ~std::uint64_t{0});
    double ejected = 0;
    for (const auto& [name, value] : lb->extraMetrics(sim.now())) {
      if (name == "ejected") ejected = value;
    }
    *mostAtOnce = std::max(*mostAtOnce, static_cast<std::size_t>(ejected));
    const double now = simTimeToSeconds(t);
    if (ejected > 0 && !open) out.push_back({now, now});
    if (ejected > 0) out.back().to = now;
    open = ejected > 0;
  }
  return out;
}

TEST(ControlEjection, AFailingBackendIsEjectedFor30ThenFor60ThenFor90Seconds) {
  std::size_t most = 0;
  const std::vector<Interval> out = ejections(exampleScenario("outlier-ejection.json"), &most);
  ASSERT_GE(out.size(), 3u);
  // Each ejection ends when its time is up; the backend fails its first five calls again at
  // once (200 req/s over four backends: within a fraction of a second), so the next starts.
  EXPECT_NEAR(out[0].length(), 30.0, 0.02);
  EXPECT_NEAR(out[1].length(), 60.0, 0.02);
  EXPECT_NEAR(out[2].length(), 90.0, 0.02);
  EXPECT_LT(out[1].from - out[0].to, 0.5);
  EXPECT_LT(out[0].from, 0.5);
  EXPECT_EQ(most, 1u);
}

TEST(ControlEjection, NeverMoreThanMaxEjectionPercentOfTheBackendsAtOnce) {
  std::size_t most = 0;
  ejections(exampleScenario("outlier-ejection.json", {"s3.error_probability=1"}), &most);
  EXPECT_EQ(most, 1u) << "25% of four backends is one";
  ejections(exampleScenario("outlier-ejection.json", {"s3.error_probability=1", "lb.max_ejection_percent=50"}), &most);
  EXPECT_EQ(most, 2u);
  // Below 25% of four there is still one: Envoy always allows one ejection.
  ejections(exampleScenario("outlier-ejection.json", {"s3.error_probability=1", "lb.max_ejection_percent=10"}), &most);
  EXPECT_EQ(most, 1u);
}

TEST(ControlEjection, EjectionMasksTheBadBackendWithOneRetry) {
  const FinishedRun with = runExample("outlier-ejection.json");
  const FinishedRun without = runExample("outlier-ejection.json", {"lb.outlier_detection=false"});
  // Without ejection a quarter of the first attempts fail: about 50 retries a second.
  EXPECT_NEAR(static_cast<double>(without.results.retries) / without.results.measuredS, 50.0, 5.0);
  // With it only the calls that trip the detector fail: five per ejection.
  EXPECT_LE(with.results.retries, 5 * static_cast<std::uint64_t>(componentFigure(with.results, "lb", "ejections")) + 5);
  // A retry of one of those five may land on the bad backend again before it is out.
  EXPECT_LE(with.results.failed, 5 * static_cast<std::uint64_t>(componentFigure(with.results, "lb", "ejections")));
  EXPECT_LT(with.results.failed * 50, without.results.failed);
}

}  // namespace
}  // namespace pillars
