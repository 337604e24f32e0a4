// Bad Control-pillar settings are refused with the file, line and field path, and a scenario
// that does not use the Control pillar runs exactly as before.
#include <gtest/gtest.h>

#include <string>

#include "engine/io/scenario_reader.hpp"
#include "control_fixtures.hpp"

namespace pillars {
namespace {

std::string scenarioWith(const std::string& clientParams, const std::string& serviceParams) {
  return "{\n"
         "  \"format\": \"pillars-scenario\", \"version\": 1, \"duration\": \"10s\",\n"
         "  \"components\": [\n"
         "    {\"id\": \"users\", \"kind\": \"client\", \"params\": " + clientParams + "},\n"
         "    {\"id\": \"api\", \"kind\": \"service\", \"params\": " + serviceParams + "}\n"
         "  ],\n"
         "  \"links\": [ {\"from\": \"users\", \"to\": \"api\"} ]\n"
         "}\n";
}

std::string errorsOf(const std::string& text) {
  return formatDiagnostics(readScenario(text, "storm.json", builtinRegistry()).errors);
}

TEST(ControlValidation, ABreakerThresholdOf150PercentIsRefusedAtItsField) {
  const std::string errors = errorsOf(scenarioWith(R"({"circuit_breaker": true, "failure_rate_threshold": 150})", "{}"));
  EXPECT_NE(errors.find("storm.json:4:"), std::string::npos) << errors;
  EXPECT_NE(errors.find("$.components[0].params.failure_rate_threshold"), std::string::npos) << errors;
  EXPECT_NE(errors.find("150"), std::string::npos) << errors;
}

TEST(ControlValidation, UnknownChoicesNameTheChoicesThereAre) {
  const std::string errors = errorsOf(scenarioWith("{}", R"({"shedding": "random_early"})"));
  EXPECT_NE(errors.find("$.components[1].params.shedding"), std::string::npos) << errors;
  EXPECT_NE(errors.find("codel"), std::string::npos) << errors;
  EXPECT_NE(errors.find("deadline"), std::string::npos) << errors;
}

TEST(ControlValidation, ANegativeRetryBudgetIsRefused) {
  const std::string errors = errorsOf(scenarioWith(R"({"retry_budget_percent": -5})", "{}"));
  EXPECT_NE(errors.find("$.components[0].params.retry_budget_percent"), std::string::npos) << errors;
}

TEST(ControlValidation, EveryControlMechanismOnStaysDeterministic) {
  // The same scenario and seed, twice, with every mechanism of this pillar switched on: the
  // same event trace (fingerprint) and the same figures.
  const std::vector<std::string> all = {"users.retry_budget_percent=20", "users.circuit_breaker=true",
                                        "users.open_duration=5s",       "users.deadline=2s",
                                        "users.retry_tokens=10",        "api.shedding=codel",
                                        "api.queue_discipline=adaptive_lifo", "api.concurrency_limit=aimd",
                                        "api.error_probability=0.01"};
  const auto a = testing::runExample("retry-storm.json", all);
  const auto b = testing::runExample("retry-storm.json", all);
  EXPECT_EQ(a.results.fingerprint, b.results.fingerprint);
  EXPECT_EQ(a.results.completed, b.results.completed);
  EXPECT_EQ(a.results.wastedWorkS, b.results.wastedWorkS);
  // And they change the run: it is not the plain scenario's.
  EXPECT_NE(a.results.fingerprint, testing::runExample("retry-storm.json").results.fingerprint);
}

}  // namespace
}  // namespace pillars
