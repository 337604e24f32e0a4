// pillars-cli validate, kinds and bench, and the shipped example scenarios.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/cli/cli_support.hpp"

namespace pillars::clitest {
namespace {

class CliCommands : public CliTest {};

// --- validate ---------------------------------------------------------------------------------

TEST_F(CliCommands, ValidateAcceptsAValidFile) {
  for (const char* name : {"mmc.json", "three-tier.json"}) {
    const std::string f = fixture(name);
    const CliRun r = runCli({"validate", f});
    EXPECT_EQ(r.exitCode, 0) << name << ": " << r.describe();
    EXPECT_NE(r.out.find("valid"), std::string::npos) << r.describe();
    EXPECT_NE(r.out.find(f), std::string::npos) << "names the file\n" << r.describe();
    EXPECT_TRUE(r.err.empty()) << r.describe();
  }
}

TEST_F(CliCommands, ValidateQuietPrintsNothing) {
  const CliRun r = runCli({"validate", fixture("mmc.json"), "--quiet"});
  EXPECT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_TRUE(r.out.empty()) << r.describe();
  EXPECT_TRUE(r.err.empty()) << r.describe();
}

TEST_F(CliCommands, ValidateReportsLineColumnAndPath) {
  const std::string f = fixture("invalid-param.json");
  const CliRun r = runCli({"validate", f});
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  // "workers": "many" is on line 8; the value starts at column 63.
  EXPECT_NE(r.err.find(f + ":8:63: $.components[1].params.workers: "), std::string::npos)
      << r.describe();
  EXPECT_NE(r.err.find("\"many\""), std::string::npos) << "quotes the bad value\n" << r.describe();
  EXPECT_EQ(r.out.find("valid"), std::string::npos) << r.describe();
}

TEST_F(CliCommands, ValidateReportsSyntaxErrorPosition) {
  const std::string f = fixture("invalid-syntax.json");
  const CliRun r = runCli({"validate", f});
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  EXPECT_NE(r.err.find(f + ":6:"), std::string::npos) << r.describe();
  EXPECT_NE(r.err.find("invalid JSON"), std::string::npos) << r.describe();
}

TEST_F(CliCommands, ValidateListsEveryProblem) {
  const auto f = tmp("many-problems.json");
  writeFile(f, R"({
  "format": "pillars-scenario",
  "version": 1,
  "duration": "10s",
  "colour": "blue",
  "components": [
    {"id": "client", "kind": "client", "params": {"rate": -1}},
    {"id": "server", "kind": "servise"}
  ],
  "links": [
    {"from": "client", "to": "nowhere"}
  ]
}
)");
  const CliRun r = runCli({"validate", f.string()});
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  for (const char* path : {"$.colour", "$.components[0].params.rate", "$.components[1].kind",
                           "$.links[0].to"}) {
    EXPECT_NE(r.err.find(path), std::string::npos) << "no diagnostic for " << path << "\n"
                                                    << r.describe();
  }
  for (const char* where : {":5:", ":7:", ":8:", ":11:"}) {
    EXPECT_NE(r.err.find(f.string() + where), std::string::npos) << where << "\n" << r.describe();
  }
}

// --- kinds ------------------------------------------------------------------------------------

TEST_F(CliCommands, KindsListsEveryKind) {
  const CliRun r = runCli({"kinds"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  for (const char* kind : {"client", "load_balancer", "service", "queue", "cache", "link"}) {
    // Each kind starts a line of its own.
    const std::string header = std::string(kind) + " ";
    bool found = r.out.rfind(header, 0) == 0 || r.out.find("\n" + header) != std::string::npos;
    EXPECT_TRUE(found) << "no section for " << kind << "\n" << r.describe();
  }
  EXPECT_NE(r.out.find("workers"), std::string::npos);
  EXPECT_NE(r.out.find("latency"), std::string::npos);
}

TEST_F(CliCommands, KindsServiceShowsItsParameters) {
  const CliRun r = runCli({"kinds", "service"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  for (const char* p : {"workers", "service_time", "queue_capacity"}) {
    EXPECT_NE(r.out.find(p), std::string::npos) << p << "\n" << r.describe();
  }
  // Only the service: no other kind's section.
  EXPECT_EQ(r.out.find("load_balancer"), std::string::npos) << r.describe();
  EXPECT_EQ(r.out.find("\nlink "), std::string::npos) << r.describe();
}

TEST_F(CliCommands, KindsLinkShowsLinkParameters) {
  const CliRun r = runCli({"kinds", "link"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  for (const char* p : {"latency", "bandwidth_mbps", "loss"}) {
    EXPECT_NE(r.out.find(p), std::string::npos) << p << "\n" << r.describe();
  }
  EXPECT_EQ(r.out.find("workers"), std::string::npos) << r.describe();
}

TEST_F(CliCommands, KindsUnknownFails) {
  const CliRun r = runCli({"kinds", "nope"});
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  EXPECT_NE(r.err.find("nope"), std::string::npos) << r.describe();
  EXPECT_TRUE(r.out.empty()) << r.describe();
}

// --- bench ------------------------------------------------------------------------------------

TEST_F(CliCommands, BenchMmcJson) {
  const CliRun r = runCli({"bench", "--only", "mmc", "--repeat", "1", "--json", "-"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  const JsonValue doc = parseJsonOrFail(r.out, "bench --json - output");
  const JsonValue* workloads = at(doc, {"workloads"});
  ASSERT_NE(workloads, nullptr);
  ASSERT_TRUE(workloads->isArray());
  ASSERT_EQ(workloads->items().size(), 1u);
  const JsonValue& w = workloads->items()[0];
  ASSERT_NE(w.find("name"), nullptr);
  EXPECT_EQ(w.find("name")->asString(), "mmc");
  const std::uint64_t requests = count(w, {"requests"});
  EXPECT_EQ(requests, 1'050'000u);
  // Per request: arrival timer, request delivery, service completion, reply delivery.
  EXPECT_EQ(count(w, {"kernel_events"}), 4 * requests);
  EXPECT_EQ(number(w, {"model_events"}), 2.0 * static_cast<double>(requests));
  EXPECT_GT(number(w, {"model_events_per_s"}), 0.0);
  EXPECT_GT(number(w, {"events_per_s"}), 0.0);
  EXPECT_GT(number(w, {"wall_s"}), 0.0);
  EXPECT_GT(number(w, {"ns_per_event"}), 0.0);
  EXPECT_GT(number(doc, {"peak_rss_mb"}), 0.0);
  EXPECT_EQ(at(doc, {"memory"}), nullptr) << "--only mmc skips the memory workload";
}

// --- the example scenarios --------------------------------------------------------------------

TEST_F(CliCommands, ExampleScenariosValidateAndRun) {
  const auto examples = std::filesystem::path(PILLARS_SOURCE_DIR) / "resources" / "examples";
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(examples, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  if (files.empty()) GTEST_SKIP() << "no example scenarios in " << examples;
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    SCOPED_TRACE(f.string());
    const CliRun v = runCli({"validate", f.string()});
    EXPECT_EQ(v.exitCode, 0) << v.describe();
    // A short run of each, to keep the suite fast; the full runs belong to the benchmarks.
    const CliRun s = runCli({"simulate", f.string(), "--quiet", "--until", "2s", "--json", "-"});
    if (v.exitCode == 0) {
      // A run shorter than the warm-up may legitimately be refused; anything else must run.
      if (s.exitCode != 0 && s.err.find("warm") != std::string::npos) continue;
      EXPECT_EQ(s.exitCode, 0) << s.describe();
      const JsonValue doc = parseJsonOrFail(s.out, f.filename().string() + " results");
      EXPECT_NE(at(doc, {"fingerprint"}), nullptr);
    }
  }
}

}  // namespace
}  // namespace pillars::clitest
