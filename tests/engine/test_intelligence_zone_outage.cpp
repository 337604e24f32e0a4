// Zone outages in chaos experiments (Netflix's Chaos Gorilla; zone-outage.json): a whole zone
// goes down at once and comes back after zone_outage_duration; one zone at a time; the count
// follows the same binomial law as kills; and the question it asks — can the other zones carry
// the load? — is answered by the steady state.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

#include "control_fixtures.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/pillars/intelligence/chaos_monkey.hpp"
#include "engine/run/instances.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {
namespace {

using testing::exampleScenario;
using testing::runScenario;

const ChaosMonkey& gorillaOf(ScenarioRunner& runner) {
  const auto* m = dynamic_cast<const ChaosMonkey*>(runner.simulation().findComponent("gorilla"));
  EXPECT_NE(m, nullptr);
  return *m;
}

std::size_t upInstances(const Simulation& sim, const std::string& set) {
  std::size_t up = 0;
  for (const ComponentId id : instancesOf(sim, set)) up += sim.component(id).isUp() ? 1 : 0;
  return up;
}

TEST(ZoneOutage, AWholeZoneGoesDownForTheDurationAndComesBack) {
  ScenarioRunner runner(exampleScenario("zone-outage.json"), builtinRegistry());
  const Simulation& sim = runner.simulation();
  const ChaosMonkey& gorilla = gorillaOf(runner);
  // Run to just after the first outage began.
  while (gorilla.zoneOutages() == 0 && sim.now() < 900 * kSecond) runner.advance(sim.now() + kSecond, ~std::uint64_t{0});
  ASSERT_EQ(gorilla.zoneOutages(), 1u);
  const std::string zone = gorilla.zoneDown();
  ASSERT_FALSE(zone.empty());
  const std::string downSet = "web-" + zone.substr(3);  // az-b holds web-b
  const SimTime began = gorilla.attacks().back().at;
  EXPECT_EQ(gorilla.attacks().back().zoneVictims, 3u);
  for (const char* set : {"web-a", "web-b", "web-c"}) {
    EXPECT_EQ(upInstances(sim, set), set == downSet ? 0u : 3u) << set << " with " << zone << " down";
  }
  // Down for exactly zone_outage_duration, then every instance is back.
  runner.advance(began + 60 * kSecond - kMillisecond, ~std::uint64_t{0});
  EXPECT_EQ(upInstances(sim, downSet), 0u);
  runner.advance(began + 60 * kSecond + kMillisecond, ~std::uint64_t{0});
  EXPECT_EQ(upInstances(sim, downSet), 3u);
  EXPECT_TRUE(gorilla.zoneDown().empty());
  runner.run();
  const RunResults r = runner.results();
  ASSERT_EQ(r.experiments.size(), 1u);
  EXPECT_EQ(r.experiments[0].verdict, "held") << r.experiments[0].detail;
  EXPECT_EQ(gorilla.kills(), 0u) << "mean_time_between_kills is longer than the run";
}

TEST(ZoneOutage, TheOutageCountFollowsItsBinomialLawAndOnlyOneZoneIsDownAtOnce) {
  // p = 10 s / 20 s per window; windows every 10 s from 60 s to 3990 s: 394 of them, so
  // outages begun or held back (another zone still down) are binomial(394, 0.5): mean 197,
  // sd 9.9.
  Scenario s = exampleScenario("zone-outage.json",
                               {"gorilla.window=10s", "gorilla.zone_outage_mean_time=20s", "gorilla.zone_outage_duration=8s",
                                "gorilla.hypothesis_availability=0", "gorilla.hypothesis_p99=0"});
  s.duration = 4000 * kSecond;
  testing::FinishedRun run = runScenario(std::move(s));
  const ChaosMonkey& gorilla = gorillaOf(*run.runner);
  const double n = 394, p = 0.5, mean = n * p, sd = std::sqrt(n * p * (1 - p));
  const double draws = static_cast<double>(gorilla.attacks().size());
  std::cout << "zone outages " << gorilla.zoneOutages() << " begun, " << draws - static_cast<double>(gorilla.zoneOutages())
            << " held back, against binomial mean " << mean << " sd " << sd << "\n";
  EXPECT_LT(std::abs(draws - mean), 3 * sd);
  SimTime downUntil = -1;
  std::size_t heldBack = 0;
  for (const auto& a : gorilla.attacks()) {
    EXPECT_EQ(a.attack, ChaosMonkey::Attack::ZoneOutage);
    if (a.skippedZoneDown) {
      ++heldBack;
      EXPECT_LT(a.at, downUntil) << "held back at " << simTimeToSeconds(a.at) << " s with no zone down";
      continue;
    }
    EXPECT_GE(a.at, downUntil) << "two zones down at " << simTimeToSeconds(a.at) << " s";
    EXPECT_EQ(a.zoneVictims, 3u);
    downUntil = a.at + 8 * kSecond;
  }
  EXPECT_GT(heldBack, 0u) << "an outage late in a window overlaps the next window's now and then";
}

TEST(ZoneOutage, WhenTheOtherZonesCannotCarryTheLoadTheExperimentAbortsAndTheZoneComesBack) {
  // 1,300 req/s: nine instances 72% busy, six 108%.
  ScenarioRunner runner(exampleScenario("zone-outage.json", {"users.rate=1300"}), builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  ASSERT_EQ(r.experiments.size(), 1u);
  EXPECT_EQ(r.experiments[0].verdict, "aborted");
  EXPECT_NE(r.experiments[0].detail.find("p99 above 150ms"), std::string::npos) << r.experiments[0].detail;
  const ChaosMonkey& gorilla = gorillaOf(runner);
  EXPECT_EQ(gorilla.zoneOutages(), 1u);
  // Aborting lifted the outage at once: every instance was up again at the abort, long before
  // the outage's 60 s were over.
  EXPECT_LT(r.experiments[0].abortedAtS - simTimeToSeconds(gorilla.attacks().front().at), 60.0);
  for (const char* set : {"web-a", "web-b", "web-c"}) EXPECT_EQ(upInstances(runner.simulation(), set), 3u) << set;
}

TEST(ZoneOutage, AMeanTimeShorterThanTheWindowIsRefusedAtItsField) {
  const std::string text = R"({"format": "pillars-scenario", "version": 1, "duration": "10s",
    "components": [
      {"id": "web", "kind": "service"},
      {"id": "gorilla", "kind": "chaos_monkey", "params": {"window": "60s",
                                                          "zone_outage_mean_time": "30s"}}],
    "links": [{"from": "gorilla", "to": "web"}]})";
  const auto errors = readScenario(text, "gorilla.json", builtinRegistry()).errors;
  ASSERT_EQ(errors.size(), 1u) << formatDiagnostics(errors);
  EXPECT_EQ(errors[0].path, "$.components[1].params.zone_outage_mean_time");
  EXPECT_EQ(errors[0].location.line, 5u);
}

}  // namespace
}  // namespace pillars
