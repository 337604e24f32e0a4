// pillars-cli simulate: the results JSON, the summary table, determinism, --until, --set, --csv.
#include <gtest/gtest.h>

#include <cmath>
#include <iomanip>
#include <set>

#include "tests/cli/cli_support.hpp"

namespace pillars::clitest {
namespace {

class CliSimulate : public CliTest {
 protected:
  /// Runs `simulate FILE --quiet --json -` plus `extra` and returns the parsed results.
  JsonValue simulateJson(const std::string& file, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"simulate", file, "--quiet", "--json", "-"};
    args.insert(args.end(), extra.begin(), extra.end());
    const CliRun r = runCli(args);
    EXPECT_EQ(r.exitCode, 0) << r.describe();
    return parseJsonOrFail(r.out, "simulate --json - output");
  }
};

void expectLatencyOrdered(const JsonValue& doc, std::initializer_list<std::string_view> base,
                          bool full) {
  std::vector<std::string> keys(base.begin(), base.end());
  const auto get = [&](std::string_view name) {
    const JsonValue* v = &doc;
    for (const auto& k : keys) v = v ? v->find(k) : nullptr;
    v = v ? v->find(name) : nullptr;
    if (!v || !v->isNumber()) {
      ADD_FAILURE() << "missing number " << joinPath(base) << "." << name;
      return std::nan("");
    }
    return v->asNumber();
  };
  const std::string where = joinPath(base);
  const double mean = get("mean"), p50 = get("p50"), p99 = get("p99"), max = get("max");
  EXPECT_GT(mean, 0.0) << where;
  EXPECT_GT(p50, 0.0) << where;
  EXPECT_LE(p50, p99) << where;
  EXPECT_LE(p99, max) << where;
  EXPECT_LE(mean, max) << where;
  if (full) {
    const double p90 = get("p90"), p95 = get("p95"), p999 = get("p999");
    EXPECT_LE(p50, p90) << where;
    EXPECT_LE(p90, p95) << where;
    EXPECT_LE(p95, p99) << where;
    EXPECT_LE(p99, p999) << where;
    EXPECT_LE(p999, max) << where;
  }
}

/// Checks every field the results format promises, its type and that the values are sane.
void expectWellFormedResults(const JsonValue& doc, const std::set<std::string>& componentIds) {
  ASSERT_TRUE(doc.isObject());
  ASSERT_NE(at(doc, {"seed"}), nullptr);
  EXPECT_TRUE(at(doc, {"seed"})->isInteger());
  const double simTime = number(doc, {"sim_time_s"});
  EXPECT_GT(simTime, 0.0);
  const double measured = number(doc, {"measured_s"});
  EXPECT_GT(measured, 0.0);
  EXPECT_LE(measured, simTime * (1 + 1e-12));
  ASSERT_NE(at(doc, {"fingerprint"}), nullptr);
  ASSERT_TRUE(at(doc, {"fingerprint"})->isString());
  EXPECT_EQ(at(doc, {"fingerprint"})->asString().size(), 16u);

  const std::uint64_t events = count(doc, {"engine", "events"});
  EXPECT_GT(events, 0u);
  const double wall = number(doc, {"engine", "wall_s"});
  EXPECT_GT(wall, 0.0);
  const double eps = number(doc, {"engine", "events_per_s"});
  EXPECT_GT(eps, 0.0);
  EXPECT_NEAR(eps, static_cast<double>(events) / wall, 1e-6 * eps);

  const std::uint64_t completed = count(doc, {"global", "completed"});
  EXPECT_GT(completed, 0u);
  count(doc, {"global", "failed"});
  count(doc, {"global", "dropped"});
  count(doc, {"global", "timed_out"});
  const double throughput = number(doc, {"global", "throughput_rps"});
  EXPECT_NEAR(throughput, static_cast<double>(completed) / measured, 1e-9 * throughput)
      << "throughput should be completed / measured time";
  expectLatencyOrdered(doc, {"global", "latency_ms"}, true);

  const JsonValue* components = at(doc, {"components"});
  ASSERT_NE(components, nullptr);
  ASSERT_TRUE(components->isObject());
  std::set<std::string> seen;
  for (const auto& [id, c] : components->members()) {
    seen.insert(id);
    SCOPED_TRACE("component " + id);
    ASSERT_TRUE(c.isObject());
    ASSERT_NE(c.find("kind"), nullptr);
    EXPECT_TRUE(c.find("kind")->isString());
    const std::uint64_t done = count(c, {"completed"});
    count(c, {"dropped"});
    const double rps = number(c, {"throughput_rps"});
    EXPECT_GE(rps, 0.0);
    EXPECT_NEAR(rps, static_cast<double>(done) / measured, 1e-9 * std::max(rps, 1.0));
    const double util = number(c, {"utilization"});
    EXPECT_GE(util, 0.0);
    EXPECT_LE(util, 1.0);
    EXPECT_GE(number(c, {"queue_length_mean"}), 0.0);
    EXPECT_GE(number(c, {"wait_ms", "mean"}), 0.0);
    if (done > 0) {
      expectLatencyOrdered(c, {"latency_ms"}, false);
    } else {
      number(c, {"latency_ms", "mean"});
      number(c, {"latency_ms", "p50"});
      number(c, {"latency_ms", "p99"});
    }
    if (c.find("kind")->asString() == "service") {
      EXPECT_GT(util, 0.0) << "a service that completed requests was busy some of the time";
    }
  }
  EXPECT_EQ(seen, componentIds);
}

TEST_F(CliSimulate, JsonFileHasEveryFieldWithSaneValues) {
  const auto out = tmp("out.json");
  const CliRun r = runCli({"simulate", fixture("mmc.json"), "--quiet", "--json", out.string()});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_TRUE(r.out.empty()) << "--quiet with --json OUT prints nothing\n" << r.describe();
  const JsonValue doc = parseJsonOrFail(readFile(out), "the --json file");
  expectWellFormedResults(doc, {"client", "server"});
  EXPECT_EQ(count(doc, {"seed"}), 42u) << "the scenario's seed is the default";
  EXPECT_NEAR(number(doc, {"sim_time_s"}), 60.0, 1e-9);
  // M/M/1-like: 100 req/s at 5 ms mean service time keeps one worker half busy.
  EXPECT_NEAR(number(doc, {"components", "server", "utilization"}), 0.5, 0.05);
  EXPECT_NEAR(number(doc, {"global", "throughput_rps"}), 100.0, 5.0);
}

TEST_F(CliSimulate, WarmupIsExcludedFromTheMeasuredWindow) {
  const JsonValue doc = simulateJson(fixture("three-tier.json"));
  expectWellFormedResults(doc, {"users", "lb", "web1", "web2", "cache", "db"});
  EXPECT_NEAR(number(doc, {"sim_time_s"}), 30.0, 1e-9);
  EXPECT_NEAR(number(doc, {"measured_s"}), 25.0, 1e-9);
  EXPECT_NEAR(number(doc, {"global", "throughput_rps"}), 400.0, 20.0);
}

TEST_F(CliSimulate, WholeSecondRunsReportExactSimTime) {
  // 60 s of simulated time is exactly representable; JSON consumers comparing sim_time_s with
  // the scenario's duration should not see 60.00000000000001.
  const JsonValue doc = simulateJson(fixture("mmc.json"));
  const double simTime = number(doc, {"sim_time_s"});
  const double measured = number(doc, {"measured_s"});
  EXPECT_EQ(simTime, 60.0) << std::setprecision(17) << "sim_time_s is " << simTime;
  EXPECT_EQ(measured, 60.0) << std::setprecision(17) << "measured_s is " << measured;
}

TEST_F(CliSimulate, JsonToStdoutIsOnlyJson) {
  // Without --quiet: the table must not be mixed into the JSON on stdout.
  const CliRun r = runCli({"simulate", fixture("mmc.json"), "--json", "-"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  const JsonValue doc = parseJsonOrFail(r.out, "simulate --json - output");
  expectWellFormedResults(doc, {"client", "server"});
}

TEST_F(CliSimulate, TableMentionsEveryComponent) {
  const CliRun r = runCli({"simulate", fixture("three-tier.json")});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  for (const char* id : {"users", "lb", "web1", "web2", "cache", "db"}) {
    // A row of the components table starts with the id.
    EXPECT_NE(r.out.find("\n  " + std::string(id) + " "), std::string::npos)
        << "table lacks a row for " << id << "\n" << r.describe();
  }
  for (const char* word : {"cli-test-three-tier", "fingerprint", "completed", "p99"}) {
    EXPECT_NE(r.out.find(word), std::string::npos) << "table lacks " << word << "\n" << r.describe();
  }
}

TEST_F(CliSimulate, QuietSuppressesTheTable) {
  const CliRun r = runCli({"simulate", fixture("mmc.json"), "--quiet"});
  EXPECT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_TRUE(r.out.empty()) << r.describe();
}

TEST_F(CliSimulate, TableAndJsonFileTogether) {
  const auto out = tmp("out.json");
  const CliRun r = runCli({"simulate", fixture("mmc.json"), "--json", out.string()});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_NE(r.out.find("server"), std::string::npos) << r.describe();
  const JsonValue doc = parseJsonOrFail(readFile(out), "the --json file");
  // The fingerprint in the table is the one in the file.
  ASSERT_NE(at(doc, {"fingerprint"}), nullptr);
  EXPECT_NE(r.out.find(at(doc, {"fingerprint"})->asString()), std::string::npos) << r.describe();
}

/// The results without the wall-clock figures, which legitimately differ between runs.
JsonValue withoutWallClock(JsonValue doc) {
  if (const JsonValue* engine = doc.find("engine")) {
    JsonValue e = *engine;
    e.set("wall_s", JsonValue::integer(0));
    e.set("events_per_s", JsonValue::integer(0));
    doc.set("engine", e);
  }
  return doc;
}

TEST_F(CliSimulate, SameSeedGivesIdenticalResults) {
  for (const char* file : {"mmc.json", "three-tier.json"}) {
    SCOPED_TRACE(file);
    const JsonValue a = simulateJson(fixture(file), {"--seed", "1234"});
    const JsonValue b = simulateJson(fixture(file), {"--seed", "1234"});
    ASSERT_NE(at(a, {"fingerprint"}), nullptr);
    ASSERT_NE(at(b, {"fingerprint"}), nullptr);
    EXPECT_EQ(at(a, {"fingerprint"})->asString(), at(b, {"fingerprint"})->asString());
    EXPECT_EQ(count(a, {"seed"}), 1234u);
    EXPECT_TRUE(withoutWallClock(a) == withoutWallClock(b)) << "metrics differ between two runs";
  }
}

TEST_F(CliSimulate, DefaultSeedIsTheScenarios) {
  const JsonValue byDefault = simulateJson(fixture("mmc.json"));
  const JsonValue explicitSeed = simulateJson(fixture("mmc.json"), {"--seed", "42"});
  EXPECT_TRUE(withoutWallClock(byDefault) == withoutWallClock(explicitSeed));
}

TEST_F(CliSimulate, DifferentSeedGivesDifferentFingerprint) {
  const JsonValue a = simulateJson(fixture("mmc.json"), {"--seed", "1"});
  const JsonValue b = simulateJson(fixture("mmc.json"), {"--seed", "2"});
  ASSERT_NE(at(a, {"fingerprint"}), nullptr);
  ASSERT_NE(at(b, {"fingerprint"}), nullptr);
  EXPECT_NE(at(a, {"fingerprint"})->asString(), at(b, {"fingerprint"})->asString());
  EXPECT_NE(number(a, {"global", "latency_ms", "mean"}), number(b, {"global", "latency_ms", "mean"}));
  EXPECT_EQ(count(b, {"seed"}), 2u);
}

TEST_F(CliSimulate, LargestSeedRoundTrips) {
  // Seeds are JSON integers in scenario files, exact up to 2^63 - 1; the CLI takes the same range.
  const CliRun r = runCli({"simulate", fixture("mmc.json"), "--quiet", "--json", "-", "--seed",
                           "9223372036854775807", "--until", "1s"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_NE(r.out.find("\"seed\": 9223372036854775807"), std::string::npos) << r.describe();
}

TEST_F(CliSimulate, UntilOverridesTheDuration) {
  const JsonValue five = simulateJson(fixture("mmc.json"), {"--until", "5s"});
  EXPECT_NEAR(number(five, {"sim_time_s"}), 5.0, 1e-9);
  EXPECT_NEAR(number(five, {"measured_s"}), 5.0, 1e-9);
  const JsonValue ms = simulateJson(fixture("mmc.json"), {"--until", "2500ms"});
  EXPECT_NEAR(number(ms, {"sim_time_s"}), 2.5, 1e-9);
  const JsonValue full = simulateJson(fixture("mmc.json"));
  EXPECT_LT(count(five, {"global", "completed"}), count(full, {"global", "completed"}));
  EXPECT_LT(count(five, {"engine", "events"}), count(full, {"engine", "events"}));
}

TEST_F(CliSimulate, SetWorkersHalvesUtilization) {
  const JsonValue one = simulateJson(fixture("mmc.json"));
  const JsonValue two = simulateJson(fixture("mmc.json"), {"--set", "server.workers=2"});
  ASSERT_NE(at(one, {"fingerprint"}), nullptr);
  ASSERT_NE(at(two, {"fingerprint"}), nullptr);
  EXPECT_NE(at(one, {"fingerprint"})->asString(), at(two, {"fingerprint"})->asString());
  const double u1 = number(one, {"components", "server", "utilization"});
  const double u2 = number(two, {"components", "server", "utilization"});
  // rho = lambda E[S] / c: the same offered load on twice the workers.
  EXPECT_NEAR(u2 / u1, 0.5, 0.02) << "u1 " << u1 << ", u2 " << u2;
  // More workers, less waiting.
  EXPECT_LT(number(two, {"components", "server", "wait_ms", "mean"}),
            number(one, {"components", "server", "wait_ms", "mean"}));
}

TEST_F(CliSimulate, SetLinkLatencyAddsToEveryRoundTrip) {
  // The link's fixed one-way latency goes from 1 ms to 5 ms: 8 ms more per round trip.
  const JsonValue base = simulateJson(fixture("mmc.json"));
  const JsonValue slow = simulateJson(fixture("mmc.json"), {"--set", "client->server.latency=5ms"});
  EXPECT_NEAR(number(slow, {"global", "latency_ms", "mean"}) -
                  number(base, {"global", "latency_ms", "mean"}),
              8.0, 0.1);
}

TEST_F(CliSimulate, RepeatedSetsAllApply) {
  const JsonValue doc = simulateJson(
      fixture("mmc.json"), {"--set", "server.workers=4", "--set", "client.rate=200"});
  EXPECT_NEAR(number(doc, {"global", "throughput_rps"}), 200.0, 10.0);
  // 200 req/s x 5 ms over 4 workers.
  EXPECT_NEAR(number(doc, {"components", "server", "utilization"}), 0.25, 0.03);
}

TEST_F(CliSimulate, CsvWritesTimeSeriesAndComponents) {
  const auto csv = tmp("results/nested");  // created on demand, parents too
  const CliRun r = runCli({"simulate", fixture("mmc.json"), "--quiet", "--csv", csv.string()});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  ASSERT_TRUE(std::filesystem::exists(csv / "timeseries.csv")) << r.describe();
  ASSERT_TRUE(std::filesystem::exists(csv / "components.csv")) << r.describe();

  const auto series = lines(readFile(csv / "timeseries.csv"));
  ASSERT_FALSE(series.empty());
  EXPECT_EQ(series[0].rfind("time_s,", 0), 0u) << series[0];
  const auto header = splitCsv(series[0]);
  for (const char* column : {"server.utilization", "client.throughput_rps"}) {
    EXPECT_NE(std::find(header.begin(), header.end(), column), header.end())
        << "timeseries.csv lacks " << column << ": " << series[0];
  }
  // 60 s at a 1 s interval: one row per interval, at 1, 2, ... 60 s.
  ASSERT_EQ(series.size(), 1u + 60u);
  for (std::size_t i = 1; i < series.size(); ++i) {
    const auto row = splitCsv(series[i]);
    EXPECT_EQ(row.size(), header.size()) << "row " << i << ": " << series[i];
    EXPECT_EQ(row[0], std::to_string(i)) << "row " << i;
  }

  const auto components = lines(readFile(csv / "components.csv"));
  ASSERT_EQ(components.size(), 1u + 2u);
  EXPECT_EQ(components[0].rfind("id,", 0), 0u) << components[0];
  std::set<std::string> ids;
  for (std::size_t i = 1; i < components.size(); ++i) ids.insert(splitCsv(components[i])[0]);
  EXPECT_EQ(ids, (std::set<std::string>{"client", "server"}));
}

TEST_F(CliSimulate, CsvRowsFollowUntil) {
  const auto csv = tmp("csv");
  const CliRun r = runCli(
      {"simulate", fixture("three-tier.json"), "--quiet", "--until", "8s", "--csv", csv.string()});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_EQ(lines(readFile(csv / "timeseries.csv")).size(), 1u + 8u);
  EXPECT_EQ(lines(readFile(csv / "components.csv")).size(), 1u + 6u);
}

}  // namespace
}  // namespace pillars::clitest

namespace pillars::clitest {
namespace {

TEST_F(CliSimulate, UntilWithinTheWarmupIsRefused) {
  // three-tier.json warms up for 5 s. A file with "duration" <= "warmup" is rejected by the
  // reader; --until must not bypass that check and report a run that measured nothing.
  const CliRun r = runCli({"simulate", fixture("three-tier.json"), "--quiet", "--until", "3s"});
  EXPECT_TRUE(r.exitCode == 1 || r.exitCode == 2) << r.describe();
  EXPECT_NE(r.err.find("warm"), std::string::npos)
      << "the message should explain the conflict with the warm-up\n" << r.describe();
}

}  // namespace
}  // namespace pillars::clitest
