#pragma once
// A bundled example (resources/examples/<file>) as a scenario, for tests that drive the app's
// run on it.

#include <gtest/gtest.h>

#include <string>

#include "engine/io/scenario_reader.hpp"
#include "engine/model/component_kind.hpp"

namespace pillars {

inline Scenario exampleScenario(const char* file) {
  const ScenarioLoad load =
      loadScenarioFile(std::string(PILLARS_SOURCE_DIR "/resources/examples/") + file, builtinRegistry());
  EXPECT_TRUE(load.ok()) << file;
  return load.ok() ? *load.scenario : Scenario{};
}

}  // namespace pillars
