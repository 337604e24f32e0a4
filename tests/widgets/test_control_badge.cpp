// The Control pillar's card badge follows a caller's breakers through their three states:
// "breaker open" while calls are refused, "breaker half-open" while trial calls go through,
// nothing once closed again (resilience4j's CLOSED -> OPEN -> HALF_OPEN -> CLOSED).
#include <gtest/gtest.h>

#include <set>

#include "engine/io/scenario_reader.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"
#include "widgets/pillars/control/control_badge.hpp"

namespace pillars {
namespace {

TEST(ControlBadge, ABreakerReadsOpenThenHalfOpenThenNothing) {
  // api is down from 10 s to 30 s: the client's breaker opens on the timeouts, lets its 5 trial
  // calls through every 3 s (they time out after 1 s: half-open for that second) and reopens,
  // until the trials succeed after the restart and it closes.
  const std::string json = R"json({"format": "pillars-scenario", "version": 1, "name": "breaker", "seed": 5,
    "duration": "50s", "warmup": "0s",
    "components": [{"id": "users", "kind": "client", "params": {"rate": 100, "timeout": "1s", "circuit_breaker": true,
                      "window": 20, "minimum_calls": 10, "open_duration": "3s", "half_open_calls": 5}},
                   {"id": "api", "kind": "service"}],
    "links": [{"from": "users", "to": "api"}],
    "faults": [{"at": "10s", "action": "crash", "target": "api"}, {"at": "30s", "action": "restart", "target": "api"}]})json";
  const ScenarioLoad load = readScenario(json, "breaker.json", builtinRegistry());
  ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  ScenarioRunner runner(*load.scenario, builtinRegistry());
  const Component& users = runner.simulation().component(0);
  ASSERT_EQ(users.name(), "users");
  EXPECT_TRUE(controlbadge::applies(users));
  std::set<QString> seen;
  for (SimTime t = 0; t <= 30 * kSecond; t += 100 * kMillisecond) {
    runner.advance(t, ~std::uint64_t{0});
    const QString badge = controlbadge::text(users);
    if (t < 10 * kSecond) {
      EXPECT_TRUE(badge.isEmpty()) << "closed before the crash, at " << simTimeToSeconds(t);
    }
    seen.insert(badge);
  }
  EXPECT_EQ(seen.count(QStringLiteral("breaker open")), 1u);
  EXPECT_EQ(seen.count(QStringLiteral("breaker half-open")), 1u);
  runner.advance(45 * kSecond, ~std::uint64_t{0});
  EXPECT_TRUE(controlbadge::text(users).isEmpty()) << "closed again once the trials succeed";
}

}  // namespace
}  // namespace pillars
