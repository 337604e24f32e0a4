// Graphviz layout: every engine places every component, and no two cards overlap.
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/io/scenario_reader.hpp"
#include "engine/layout/graphviz_layout.hpp"

namespace pillars {
namespace {

// The editor's card size in pixels (NodeItem::kWidth x kHeight), which the DOT asks for.
constexpr double kCardWidth = 200.0;
constexpr double kCardHeight = 64.0;

bool overlap(const std::pair<double, double>& a, const std::pair<double, double>& b) {
  return std::abs(a.first - b.first) < kCardWidth && std::abs(a.second - b.second) < kCardHeight;
}

TEST(Layout, EveryEngineLaysOutEveryExampleWithoutOverlappingCards) {
  const std::string dir = std::string(PILLARS_SOURCE_DIR) + "/resources/examples/";
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ScenarioLoad load = loadScenarioFile(entry.path().string(), builtinRegistry());
    ASSERT_TRUE(load.ok());
    for (const LayoutEngine engine : {LayoutEngine::Dot, LayoutEngine::Neato, LayoutEngine::Fdp,
                                      LayoutEngine::Sfdp, LayoutEngine::Circo}) {
      SCOPED_TRACE(entry.path().filename().string() + " with " + std::string(layoutEngineName(engine)));
      std::string error;
      const auto positions = layoutScenario(*load.scenario, engine, &error);
      ASSERT_TRUE(positions.has_value()) << error;
      ASSERT_EQ(positions->size(), load.scenario->components.size());
      for (auto a = positions->begin(); a != positions->end(); ++a) {
        for (auto b = std::next(a); b != positions->end(); ++b) {
          EXPECT_FALSE(overlap(a->second, b->second)) << a->first << " overlaps " << b->first;
        }
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 45);
}

TEST(Layout, DotDrawsRequestsFlowingLeftToRight) {
  const std::string path = std::string(PILLARS_SOURCE_DIR) + "/resources/examples/three-tier.json";
  ScenarioLoad load = loadScenarioFile(path, builtinRegistry());
  ASSERT_TRUE(load.ok());
  const auto p = layoutScenario(*load.scenario, LayoutEngine::Dot, nullptr);
  ASSERT_TRUE(p.has_value());
  EXPECT_LT(p->at("users").first, p->at("lb").first);
  EXPECT_LT(p->at("lb").first, p->at("web1").first);
  EXPECT_LT(p->at("web1").first, p->at("cache").first);
  EXPECT_LT(p->at("cache").first, p->at("db").first);
}

TEST(Layout, RendersSvgPngAndDot) {
  const std::string path = std::string(PILLARS_SOURCE_DIR) + "/resources/examples/lb-round-robin.json";
  ScenarioLoad load = loadScenarioFile(path, builtinRegistry());
  ASSERT_TRUE(load.ok());
  std::string error;
  const auto svg = renderScenario(*load.scenario, LayoutEngine::Dot, "svg", &error);
  ASSERT_TRUE(svg.has_value()) << error;
  EXPECT_NE(svg->find("<svg"), std::string::npos);
  EXPECT_NE(svg->find("lb"), std::string::npos);
  const auto png = renderScenario(*load.scenario, LayoutEngine::Dot, "png", &error);
  ASSERT_TRUE(png.has_value()) << error;
  EXPECT_EQ(png->substr(1, 3), "PNG");
  const auto dot = renderScenario(*load.scenario, LayoutEngine::Dot, "dot", &error);
  ASSERT_TRUE(dot.has_value()) << error;
  EXPECT_NE(dot->find("pos="), std::string::npos);  // laid out: coordinates included
  EXPECT_FALSE(renderScenario(*load.scenario, LayoutEngine::Dot, "gif", &error).has_value());
  EXPECT_NE(error.find("svg, png or dot"), std::string::npos);
}

}  // namespace
}  // namespace pillars
