// Golden figures: every bundled example, run to its end with its own seed, keeps the trace
// fingerprint and the headline figures pinned here. A refactor that is meant to preserve
// behaviour must leave every row as it is; a change that is meant to alter a run updates the
// row in the same commit and says why in the commit message.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "engine/io/results_writer.hpp"
#include "engine/io/scenario_reader.hpp"
#include "engine/run/scenario_runner.hpp"

namespace pillars {
namespace {

const std::string kExamples = std::string(PILLARS_SOURCE_DIR) + "/resources/examples/";

struct Golden {
  const char* file;
  const char* fingerprint;
  std::uint64_t events;
  std::uint64_t completed, failed, dropped, timedOut, retries;
  double throughputRps;
  double p99Ms;
};

// Recorded with `pillars-cli simulate FILE --json OUT` before the five-pillar refactor (the
// first thirteen) or when the example was added.
constexpr Golden kGolden[] = {
    {"2pc-blocking.json", "6361f787a3e69ac2", 83223, 4054, 0, 4, 2009, 0, 67.566667, 97.255423},
    {"async-queue.json", "99a4a3a5fa49d9cf", 38118, 6326, 0, 0, 0, 0, 52.716667, 2.0},
    {"lb-consistent-hash.json", "4f89772069c30747", 216994, 32813, 0, 1, 172, 0, 298.3, 77.856767},
    {"lb-least-connections.json", "6a419c8ebda22775", 181407, 27591, 0, 0, 0, 0, 250.827273,
     103.546879},
    {"lb-power-of-two.json", "6d204b029d503bd8", 653671, 99482, 0, 0, 0, 0, 904.381818, 111.935487},
    {"lb-random.json", "439792b499be5c36", 653505, 99496, 0, 0, 0, 0, 904.509091, 464.519167},
    {"lb-round-robin.json", "8ed195c7136ba28c", 217223, 33056, 0, 0, 0, 0, 300.509091, 53.870591},
    {"lb-weighted-round-robin.json", "4fdfce2531dc731a", 406511, 62124, 0, 0, 0, 0, 564.763636,
     93.585407},
    {"mmc.json", "6d3476c579d07288", 4148503, 1001094, 0, 0, 0, 0, 7.202115, 7130.316799},
    {"raft-5.json", "02c8a7b0ea1b8ee8", 298905, 17540, 0, 0, 0, 1185, 302.413793, 1128.267775},
    {"raft-partition.json", "40aa41ac631e061e", 293631, 17479, 0, 0, 0, 931, 301.362069, 169.345023},
    {"saga-payment.json", "1ea1455df5e7536c", 30606, 2060, 265, 0, 0, 0, 37.454545, 317.718527},
    {"three-tier.json", "d9c52270f42533b3", 2041857, 204655, 0, 6, 0, 15, 1203.852941, 116.129791},
    // The State pillar's examples, pinned when they were added.
    {"cache-staleness.json", "c5e8a274e608cd0a", 275964, 57885, 0, 0, 0, 0, 998.017241, 11.042815},
    {"leader-follower-failover.json", "2a779c6a06eb98ec", 827828, 70057, 0, 0, 0, 447, 796.102273, 99.352575},
    {"quorum-kv.json", "d1e1f576e5278289", 790977, 75957, 10067, 0, 0, 0, 775.071429, 31.260671},
    {"sharded-kv.json", "e7196d7cc12d433e", 1208886, 195913, 7, 0, 0, 38, 1999.112245, 9.994239},
    // The Control pillar's examples, pinned when they were added.
    {"retry-storm.json", "3036218e884d55dd", 1158069, 30345, 0, 0, 67644, 205970, 151.725, 64.094207},
    {"outlier-ejection.json", "a64e2f781908137e", 363627, 59886, 4, 0, 0, 16, 199.62, 49.676287},
    {"rolling-update.json", "4903be2a228d1341", 546972, 89550, 0, 0, 0, 0, 597.0, 157.810687},
    {"canary-rollback.json", "f664ea1726422ac0", 332114, 54058, 28, 0, 0, 436, 300.322222, 96.206847},
    // The Intelligence pillar's examples, pinned when they were added.
    {"autoscale-spike.json", "89b44eed92b9e10f", 1733042, 236658, 29551, 29551, 21643, 0, 328.691667, 991.952895},
    {"autoscale-diurnal.json", "acfbe2bf90ae85d6", 4223622, 180470, 0, 0, 0, 0, 100.261111, 235.405311},
    {"chaos-monkey.json", "c5e209adc0763bd9", 2183083, 360026, 0, 16, 0, 31, 600.043333, 96.206847},
    // burn-rate.json gained the users' anomaly detector (its own timer: 660 more events).
    // Then a latency SLO and a 5-minute threefold slowdown of web (its own timers: the latency
    // alerts' evaluations; the same requests complete and time out, the slow ones raise p99).
    {"burn-rate.json", "11787d88af36b56f", 3114866, 655840, 0, 0, 4699, 0, 99.369697, 72.613887},
    {"zone-outage.json", "f089fdcb98226afb", 3288018, 539777, 0, 21, 0, 60, 599.752222, 96.731135},
};

class GoldenExample : public ::testing::TestWithParam<Golden> {};

TEST_P(GoldenExample, KeepsItsFingerprintAndHeadlineFigures) {
  const Golden& g = GetParam();
  const ScenarioLoad load = loadScenarioFile(kExamples + g.file, builtinRegistry());
  ASSERT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  ScenarioRunner runner(*load.scenario, builtinRegistry());
  runner.run();
  const RunResults r = runner.results();
  EXPECT_EQ(fingerprintHex(r.fingerprint), g.fingerprint);
  EXPECT_EQ(r.events, g.events);
  EXPECT_EQ(r.completed, g.completed);
  EXPECT_EQ(r.failed, g.failed);
  EXPECT_EQ(r.dropped, g.dropped);
  EXPECT_EQ(r.timedOut, g.timedOut);
  EXPECT_EQ(r.retries, g.retries);
  // The pinned values were printed with 6 decimals (JSON shortest form, rounded here).
  EXPECT_NEAR(r.throughputRps, g.throughputRps, 1e-6);
  EXPECT_NEAR(r.latency.p99, g.p99Ms, 1e-6);
}

std::string goldenName(const ::testing::TestParamInfo<Golden>& info) {
  std::string name = std::filesystem::path(info.param.file).stem().string();
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  return "_" + name;  // a test name may not start with a digit
}

INSTANTIATE_TEST_SUITE_P(Examples, GoldenExample, ::testing::ValuesIn(kGolden), goldenName);

TEST(GoldenExamples, EveryBundledExampleHasAGoldenRow) {
  std::set<std::string> pinned;
  for (const Golden& g : kGolden) pinned.insert(g.file);
  for (const auto& entry : std::filesystem::directory_iterator(kExamples)) {
    if (entry.path().extension() != ".json") continue;
    EXPECT_TRUE(pinned.count(entry.path().filename().string()))
        << entry.path().filename() << " has no row in kGolden: run it and pin its figures";
  }
}

}  // namespace
}  // namespace pillars
