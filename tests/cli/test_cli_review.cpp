// pillars-cli review and recommend: evidence, risks and recommendations, as text and JSON.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/io/project_file.hpp"
#include "engine/io/scenario_reader.hpp"
#include "tests/cli/cli_support.hpp"

namespace pillars::clitest {
namespace {

class CliReview : public CliTest {};

std::string example(std::string_view name) {
  return (std::filesystem::path(PILLARS_SOURCE_DIR) / "resources" / "examples" / name).string();
}

const JsonValue* findByKey(const JsonValue& array, std::string_view field, std::string_view value) {
  for (const auto& item : array.items()) {
    const JsonValue* v = item.find(field);
    if (v && v->isString() && v->asString() == value) return &item;
  }
  return nullptr;
}

TEST_F(CliReview, TextShowsEvidenceRisksAndRecommendations) {
  const CliRun r = runCli({"review", example("three-tier.json")});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_TRUE(r.err.empty()) << r.describe();
  for (const char* expected :
       {"lb spreads requests over web1, web2 and web3 by least_connections.",
        "Single points of failure: lb (cuts off users), cache (cuts off users) and db (cuts off users).",
        "Replication factor?", "Risks by pillar",
        // lb is in front of every web server: the load balancer's rule fires, yet it is no
        // recommendation.
        "Recommended patterns\n  (nothing to recommend for these facts)\n",
        "Already in the design (not recommended)\n  Load Balancer: lb spreads requests over web1, web2 and web3\n",
        "its rule fired: Load Balancer: 1,200 req/s > 1,000 req/s (seed: Traffic > 1000 req/s)"}) {
    EXPECT_NE(r.out.find(expected), std::string::npos) << expected << "\n" << r.describe();
  }
  // The total row: 15 questions, 4 answered from evidence, 1 high, 1 medium.
  bool total = false;
  for (const auto& line : lines(r.out)) {
    if (line.find("total") == std::string::npos) continue;
    EXPECT_NE(line.find("15"), std::string::npos) << line;
    total = line.find("  4     1       1") != std::string::npos;
  }
  EXPECT_TRUE(total) << r.out;
}

TEST_F(CliReview, JsonCountsAndEvidence) {
  const CliRun r = runCli({"review", example("three-tier.json"), "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  const JsonValue doc = parseJsonOrFail(r.out, "review --json");
  EXPECT_EQ(count(doc, {"risks", "total"}), 15u);
  EXPECT_EQ(count(doc, {"risks", "answered"}), 4u);
  EXPECT_EQ(count(doc, {"risks", "high"}), 1u);
  EXPECT_EQ(count(doc, {"risks", "medium"}), 1u);
  const JsonValue* evidence = at(doc, {"evidence"});
  ASSERT_NE(evidence, nullptr);
  const JsonValue* spof = findByKey(*evidence, "key", "single_points_of_failure");
  ASSERT_NE(spof, nullptr);
  EXPECT_EQ(spof->find("value")->asString(), "lb,cache,db");
  const JsonValue* questions = at(doc, {"questions"});
  ASSERT_NE(questions, nullptr);
  const JsonValue* replication = findByKey(*questions, "id", "state.replication_factor");
  ASSERT_NE(replication, nullptr);
  EXPECT_EQ(replication->find("suggested")->asString(), "no");
  EXPECT_EQ(replication->find("risk")->asString(), "high");
  EXPECT_EQ(number(doc, {"facts", "peak_rps"}), 1200.0);
  EXPECT_TRUE(at(doc, {"recommendations"})->items().empty());
  const JsonValue* present = findByKey(*at(doc, {"already_in_design"}), "pattern", "load_balancer");
  ASSERT_NE(present, nullptr) << r.out;
  EXPECT_EQ(present->find("where")->asString(), "lb spreads requests over web1, web2 and web3");
}

TEST_F(CliReview, RunAddsMeasuredEvidence) {
  const CliRun r = runCli({"review", example("lb-round-robin.json"), "--run", "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  const JsonValue doc = parseJsonOrFail(r.out, "review --run --json");
  const JsonValue* availability = findByKey(*at(doc, {"evidence"}), "key", "measured_availability");
  ASSERT_NE(availability, nullptr) << r.out;
  EXPECT_EQ(availability->find("source")->asString(), "run");
  EXPECT_EQ(availability->find("value")->asString(), "100.000");
}

TEST_F(CliReview, FactsOverrideAndApplyHintsNameComponents) {
  const CliRun r = runCli({"review", example("mmc.json"), "--json", "--fact", "peak_rps=5000"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  const JsonValue doc = parseJsonOrFail(r.out, "review --json");
  const JsonValue* lb = findByKey(*at(doc, {"recommendations"}), "pattern", "load_balancer");
  ASSERT_NE(lb, nullptr) << r.out;
  EXPECT_EQ(lb->find("apply")->find("action")->asString(), "add_load_balancer");
  EXPECT_EQ(lb->find("apply")->find("target")->asString(), "station");
}

TEST_F(CliReview, UserChecklistFolderWithAClashFails) {
  const auto dir = tmp("lens");
  std::filesystem::create_directories(dir);
  writeFile(dir / "dup.json", R"({"format": "pillars-patterns", "version": 1, "id": "more", "title": "More",
  "patterns": [{"id": "sharding", "name": "Sharding again", "pillar": "state"}]})");
  const CliRun r = runCli({"review", example("mmc.json"), "--checklists", dir.string()});
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  EXPECT_NE(r.err.find("dup.json:2:"), std::string::npos) << r.describe();
  EXPECT_NE(r.err.find("$.patterns[0].id: pattern id \"sharding\" is already defined in"), std::string::npos) << r.describe();
}

TEST_F(CliReview, RecommendFromFacts) {
  const CliRun r = runCli({"recommend", "--fact", "peak_rps=5000", "--fact", "uptime_target_percent=99.95"});
  ASSERT_EQ(r.exitCode, 0) << r.describe();
  EXPECT_NE(r.out.find("1. Load Balancer (work, complexity Low, cost $)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("because Load Balancer: 5,000 req/s > 1,000 req/s"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2. Replication (state, complexity Low, cost $$)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("don't use when: Single region OK"), std::string::npos) << r.out;
}

TEST_F(CliReview, RecommendJsonAtTheThreshold) {
  const CliRun below = runCli({"recommend", "--fact", "peak_rps=1000", "--json"});
  ASSERT_EQ(below.exitCode, 0) << below.describe();
  EXPECT_EQ(at(parseJsonOrFail(below.out, "json"), {"recommendations"})->items().size(), 0u);
  const CliRun above = runCli({"recommend", "--fact", "peak_rps=1001", "--json"});
  const JsonValue doc = parseJsonOrFail(above.out, "json");
  ASSERT_EQ(at(doc, {"recommendations"})->items().size(), 1u);
  EXPECT_EQ(at(doc, {"recommendations"})->items()[0].find("pattern")->asString(), "load_balancer");
}

TEST_F(CliReview, BadFactIsAUsageError) {
  const CliRun r = runCli({"recommend", "--fact", "peak_rps=lots"});
  EXPECT_EQ(r.exitCode, 2) << r.describe();
  EXPECT_NE(r.err.find("peak_rps expects a non-negative number, got \"lots\""), std::string::npos) << r.describe();
  const CliRun unknown = runCli({"recommend", "--fact", "colour=blue"});
  EXPECT_EQ(unknown.exitCode, 2) << unknown.describe();
  EXPECT_NE(unknown.err.find("unknown fact \"colour\""), std::string::npos) << unknown.describe();
}

TEST_F(CliReview, ProjectFileGivesTheSameReview) {
  ScenarioLoad load = loadScenarioFile(example("three-tier.json"), builtinRegistry());
  ASSERT_TRUE(load.ok());
  const auto project = tmp("three-tier.pillars");
  ASSERT_EQ(saveProjectFile(project.string(), *load.scenario), "");
  const CliRun fromProject = runCli({"review", project.string(), "--json"});
  const CliRun fromJson = runCli({"review", example("three-tier.json"), "--json"});
  ASSERT_EQ(fromProject.exitCode, 0) << fromProject.describe();
  EXPECT_EQ(fromProject.out, fromJson.out);
}

TEST_F(CliReview, MissingScenarioFails) {
  const CliRun r = runCli({"review", tmp("nope.json").string()});
  EXPECT_EQ(r.exitCode, 1) << r.describe();
  EXPECT_TRUE(r.out.empty()) << r.describe();
}

}  // namespace
}  // namespace pillars::clitest
