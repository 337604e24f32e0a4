// The report's topology figure planned for print: every example's component names come out at
// 7 pt or more on paper (measured from the figure's SVG and its scale, not from the planner's
// own numbers), the figure fits the box it is planned for, a design too large for a page is
// split by zone with each component drawn in full once, and the SVG's texts are taken out
// intact for the PDF writer to draw as text.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "engine/io/scenario_reader.hpp"
#include "engine/model/scenario_builder.hpp"
#include "engine/review/report_diagram.hpp"
#include "engine/review/report_html.hpp"
#include "engine/review/report_page.hpp"
#include "engine/review/report_svg_text.hpp"

namespace pillars::review {
namespace {

Scenario example(const std::string& name) {
  ScenarioLoad load = loadScenarioFile(std::string(PILLARS_SOURCE_DIR) + "/resources/examples/" + name, builtinRegistry());
  EXPECT_TRUE(load.ok()) << name;
  return load.ok() ? *load.scenario : Scenario{};
}

/// The smallest component name printed in `part`: its SVG's font size for texts that are
/// component ids, times the part's scale.
double printedNamePt(const Scenario& s, const DiagramPart& part) {
  std::set<std::string> ids;
  for (const auto& c : s.components) ids.insert(c.id);
  double smallest = 0;
  for (const SvgText& t : separateSvgText(part.svg).texts) {
    if (ids.count(t.text) && (smallest == 0 || t.size < smallest)) smallest = t.size;
  }
  return smallest * part.scale;
}

PageBox boxFor(DiagramPlacement placement) {
  switch (placement) {
    case DiagramPlacement::Inline: return inlineFigureBox();
    case DiagramPlacement::PortraitPage: return figurePageBox(false);
    case DiagramPlacement::LandscapePage: return figurePageBox(true);
  }
  return {};
}

const char* placementName(DiagramPlacement placement) {
  switch (placement) {
    case DiagramPlacement::Inline: return "in the text";
    case DiagramPlacement::PortraitPage: return "portrait page";
    case DiagramPlacement::LandscapePage: return "landscape page";
  }
  return "?";
}

/// Every drawn-in-full component appears in exactly one part, and the parts fit their boxes
/// with names of 7 pt or more.
void expectLegible(const Scenario& s, const TopologyDiagram& diagram, const std::string& what) {
  ASSERT_FALSE(diagram.parts.empty()) << what << ": " << diagram.error;
  std::map<std::string, int> drawn;
  for (const DiagramPart& part : diagram.parts) {
    const double pt = printedNamePt(s, part);
    EXPECT_GE(pt, kMinNamePt) << what << " " << part.name << " (" << part.title << ")";
    EXPECT_NEAR(pt, part.printedNamePt(), 1e-9) << what;
    const PageBox box = boxFor(part.placement);
    EXPECT_LE(part.printedWidthPt(), box.width + 1e-6) << what << " " << part.name;
    EXPECT_LE(part.printedHeightPt(), box.height + 1e-6) << what << " " << part.name;
    for (const auto& id : part.components) ++drawn[id];
    // Each drawn component's name is a text of the SVG (the PDF writer draws these as text).
    std::set<std::string> texts;
    for (const SvgText& t : separateSvgText(part.svg).texts) texts.insert(t.text);
    for (const auto& id : part.components) EXPECT_TRUE(texts.count(id)) << what << ": " << id;
  }
  for (const auto& c : s.components) EXPECT_EQ(drawn[c.id], 1) << what << ": " << c.id;
}

TEST(ReviewReportDiagram, EveryExamplePrintsItsNamesAtSevenPointsOrMore) {
  const std::filesystem::path dir = std::filesystem::path(PILLARS_SOURCE_DIR) / "resources" / "examples";
  std::set<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") files.insert(entry.path());
  }
  ASSERT_GE(files.size(), 20u);
  for (const auto& file : files) {
    const Scenario s = example(file.filename().string());
    const TopologyDiagram diagram = planTopologyDiagram(s);
    expectLegible(s, diagram, file.filename().string());
    if (diagram.parts.empty()) continue;
    const DiagramPart& first = diagram.parts.front();
    // The measurements, for the record (docs/architecture.md quotes them).
    std::printf("%-28s %2zu components  %zu part(s)  smallest name %5.2f pt  %s, %s\n",
                file.filename().string().c_str(), s.components.size(), diagram.parts.size(), printedNamePt(s, first),
                placementName(first.placement), first.topToBottom ? "top to bottom" : "left to right");
  }
}

TEST(ReviewReportDiagram, ThreeTierIsOneFigureInTheTextWithEveryName) {
  const Scenario s = example("three-tier.json");
  const TopologyDiagram diagram = planTopologyDiagram(s);
  expectLegible(s, diagram, "three-tier");
  ASSERT_EQ(diagram.parts.size(), 1u);
  const DiagramPart& part = diagram.parts.front();
  EXPECT_EQ(part.name, "pillars:diagram");
  EXPECT_TRUE(part.title.empty());
  // Before print layouts the 1,681 pt wide editor drawing was shrunk to 480 pt: 3.1 pt names.
  EXPECT_GE(part.printedNamePt(), kInlineNamePt);
  // Zones are still drawn as clusters.
  EXPECT_NE(part.svg.find("Zone A"), std::string::npos);
  EXPECT_NE(part.svg.find("eu&#45;west"), std::string::npos);
}

/// A design too large for one page: `zones` zones of one region, each a balancer in front of
/// `perZone` services, all behind one global balancer.
Scenario largeZonedDesign(int zones, int perZone) {
  ScenarioBuilder b("large");
  b.component("users", "client", {{"rate", "5000"}});
  b.component("global-lb", "load_balancer");
  b.link("users", "global-lb");
  std::vector<std::string> zoneIds;
  for (int z = 1; z <= zones; ++z) {
    const std::string lb = "lb-z" + std::to_string(z);
    std::vector<std::string> members{lb};
    b.component(lb, "load_balancer");
    b.link("global-lb", lb);
    for (int i = 1; i <= perZone; ++i) {
      const std::string svc = "orders-z" + std::to_string(z) + "-" + std::to_string(i);
      b.component(svc, "service");
      b.link(lb, svc);
      members.push_back(svc);
    }
    zoneIds.push_back("zone-" + std::to_string(z));
    b.group(zoneIds.back(), "zone", members, "region");
  }
  b.group("region", "region", {"global-lb"});
  return b.build();
}

TEST(ReviewReportDiagram, ADesignTooLargeForAPageIsSplitByZone) {
  const Scenario s = largeZonedDesign(4, 16);
  const TopologyDiagram diagram = planTopologyDiagram(s);
  expectLegible(s, diagram, "large");
  ASSERT_GT(diagram.parts.size(), 1u) << "69 components at 7 pt do not fit one page";
  std::set<std::string> titles;
  for (const DiagramPart& part : diagram.parts) {
    EXPECT_NE(part.placement, DiagramPlacement::Inline) << part.title;
    titles.insert(part.title);
  }
  EXPECT_TRUE(titles.count("zone-1 (region)")) << *titles.begin();
  EXPECT_TRUE(titles.count("outside any zone"));  // users, which is in no group
  // A zone's part shows the balancer above it as a stub: its name, where it is drawn.
  for (const DiagramPart& part : diagram.parts) {
    if (part.title != "zone-2 (region)") continue;
    EXPECT_NE(part.svg.find(">global&#45;lb<"), std::string::npos);
    EXPECT_NE(part.svg.find(">in region<"), std::string::npos);
  }
  EXPECT_EQ(diagram.parts[1].name, "pillars:diagram-2");
  // The parts follow the design's order: users (declared first) starts the figure.
  EXPECT_EQ(diagram.parts[0].title, "outside any zone");
  EXPECT_EQ(diagram.parts[1].title, "region");  // global-lb, in the region outside its zones
}

/// Wide whichever way it is drawn: a balancer fanning out to `fan` services (side by side top
/// to bottom) that all call one service, then a chain of `chain` more (side by side left to
/// right), every link labelled with a long latency.
Scenario fanAndChain(int fan, int chain) {
  ScenarioBuilder b("fan and chain");
  const ScenarioBuilder::Params latency{{"latency", "lognormal(25ms, 0.4)"}};
  b.component("users", "client").component("lb", "load_balancer").component("agg", "service");
  b.link("users", "lb", latency);
  for (int i = 1; i <= fan; ++i) {
    const std::string web = "web" + std::to_string(i);
    b.component(web, "service").link("lb", web, latency).link(web, "agg", latency);
  }
  std::string previous = "agg";
  for (int i = 1; i <= chain; ++i) {
    const std::string stage = "stage" + std::to_string(i);
    b.component(stage, "service").link(previous, stage, latency);
    previous = stage;
  }
  return b.build();
}

TEST(ReviewReportDiagram, ADesignWideEitherWayIsTurnedToALandscapePage) {
  const Scenario s = fanAndChain(10, 6);
  const TopologyDiagram diagram = planTopologyDiagram(s);
  expectLegible(s, diagram, "fan and chain");
  ASSERT_EQ(diagram.parts.size(), 1u);
  EXPECT_EQ(diagram.parts[0].placement, DiagramPlacement::LandscapePage);
  // Landscape won because it prints the names clearly larger than an upright page would.
  const double upright = std::min(figurePageBox(false).width / diagram.parts[0].widthPt,
                                  figurePageBox(false).height / diagram.parts[0].heightPt);
  EXPECT_GT(diagram.parts[0].scale, 1.1 * upright);
}

/// `n` services behind one balancer, in no zone: a column as tall as n boxes.
Scenario fanOut(int n) {
  ScenarioBuilder b("fan-out");
  b.component("users", "client").component("lb", "load_balancer").link("users", "lb");
  for (int i = 1; i <= n; ++i) b.component("svc" + std::to_string(i), "service").link("lb", "svc" + std::to_string(i));
  return b.build();
}

TEST(ReviewReportDiagram, ATallDesignGetsAnUprightPageOfItsOwn) {
  const Scenario s = fanOut(20);
  const TopologyDiagram diagram = planTopologyDiagram(s);
  expectLegible(s, diagram, "twenty");
  ASSERT_EQ(diagram.parts.size(), 1u);
  EXPECT_EQ(diagram.parts[0].placement, DiagramPlacement::PortraitPage);
  EXPECT_FALSE(diagram.parts[0].topToBottom);
  EXPECT_FALSE(diagram.parts[0].namesOnly);
  // It fills the page's height: the page is used, not left half empty.
  EXPECT_NEAR(diagram.parts[0].printedHeightPt(), figurePageBox(false).height, 1.0);
}

TEST(ReviewReportDiagram, ADesignTooTallForAPageWithoutZonesIsDrawnWithNamesOnly) {
  // 30 boxes with their kinds do not fit a page's height at 7 pt, and there is no zone to
  // split by: the names alone, in smaller boxes, do.
  const Scenario s = fanOut(30);
  const TopologyDiagram diagram = planTopologyDiagram(s);
  expectLegible(s, diagram, "thirty");
  ASSERT_EQ(diagram.parts.size(), 1u);
  EXPECT_TRUE(diagram.parts[0].namesOnly);
  EXPECT_EQ(diagram.parts[0].svg.find(">Service<"), std::string::npos) << "no kinds under the names";
  Report report;
  report.diagram = diagram.parts;
  EXPECT_NE(writeReportHtml(report).find("components are drawn with their names only"), std::string::npos);
}

TEST(ReviewReportDiagram, TheSameDesignIsPlannedTheSameWay) {
  const Scenario s = example("three-tier.json");
  const TopologyDiagram first = planTopologyDiagram(s);
  for (int i = 0; i < 4; ++i) {
    const TopologyDiagram again = planTopologyDiagram(s);
    ASSERT_EQ(again.parts.size(), first.parts.size());
    EXPECT_EQ(again.parts[0].svg, first.parts[0].svg) << "layout " << i;
    EXPECT_EQ(again.parts[0].scale, first.parts[0].scale);
  }
}

TEST(ReviewReportDiagram, TheBrowserReportPrintsTheFigureAtItsPlannedSize) {
  const Scenario s = example("raft-5.json");
  Report report;
  report.diagram = planTopologyDiagram(s).parts;
  ASSERT_EQ(report.diagram.size(), 1u);
  const DiagramPart& part = report.diagram[0];
  const std::vector<ReportFigure> figures = reportFigures(report);
  ASSERT_EQ(figures.size(), 2u);  // the risk chart, then the topology
  char size[64];
  std::snprintf(size, sizeof size, "<svg width=\"%.1fpt\" height=\"%.1fpt\"", part.printedWidthPt(), part.printedHeightPt());
  EXPECT_EQ(figures[1].svg.rfind(size, 0), 0u) << figures[1].svg.substr(0, 80);
  const std::string html = writeReportHtml(report);
  EXPECT_NE(html.find(size), std::string::npos);
  EXPECT_NE(html.find("figure svg { max-width: 100%; height: auto; }"), std::string::npos);
  EXPECT_EQ(html.find("class=\"landscape\"") != std::string::npos, part.placement == DiagramPlacement::LandscapePage);
}

TEST(ReviewReportSvgText, GraphvizTextsArePlacedThroughTheirGroupsTransform) {
  const std::string svg =
      "<svg width=\"100pt\" height=\"50pt\" viewBox=\"0.00 0.00 100.00 50.00\">\n"
      "<g id=\"graph0\" class=\"graph\" transform=\"scale(1 1) rotate(0) translate(4 46)\">\n"
      "<g id=\"node1\" class=\"node\"><title>a</title>\n"
      "<path d=\"M1,1\"/>\n"
      "<text text-anchor=\"start\" x=\"10\" y=\"-20\" font-family=\"Helvetica,sans-Serif\" font-weight=\"bold\" "
      "font-size=\"14.00\" fill=\"#263238\">db&#45;1 &amp; co</text>\n"
      "</g>\n<!-- <text>not this</text> -->\n"
      "<g transform=\"rotate(90)\"><text x=\"1\" y=\"2\">turned</text></g>\n"
      "<text x=\"5\" y=\"6\">with <tspan>parts</tspan></text>\n"
      "</g>\n</svg>\n";
  const SeparatedSvg out = separateSvgText(svg);
  EXPECT_DOUBLE_EQ(out.viewWidth, 100);
  EXPECT_DOUBLE_EQ(out.viewHeight, 50);
  ASSERT_EQ(out.texts.size(), 1u);
  const SvgText& t = out.texts[0];
  EXPECT_EQ(t.text, "db-1 & co");
  EXPECT_DOUBLE_EQ(t.x, 14);
  EXPECT_DOUBLE_EQ(t.y, 26);
  EXPECT_DOUBLE_EQ(t.size, 14);
  EXPECT_TRUE(t.bold);
  EXPECT_FALSE(t.italic);
  EXPECT_EQ(t.anchor, SvgText::Anchor::Start);
  EXPECT_EQ(t.fill, "#263238");
  EXPECT_EQ(t.family, "Helvetica,sans-Serif");
  // The separated text is gone from the shapes; what could not be placed exactly stays.
  EXPECT_EQ(out.shapes.find("db&#45;1"), std::string::npos);
  EXPECT_NE(out.shapes.find("<path d=\"M1,1\"/>"), std::string::npos);
  EXPECT_NE(out.shapes.find(">turned</text>"), std::string::npos);
  EXPECT_NE(out.shapes.find("<tspan>parts</tspan>"), std::string::npos);
}

TEST(ReviewReportSvgText, ScaledGroupsScaleTheFont) {
  const SeparatedSvg out = separateSvgText(
      "<svg width=\"640\" height=\"100\"><g transform=\"translate(10,20) scale(2)\">"
      "<text x=\"3\" y=\"4\" font-size=\"12\" text-anchor=\"middle\" font-style=\"italic\">x</text></g></svg>");
  ASSERT_EQ(out.texts.size(), 1u);
  EXPECT_DOUBLE_EQ(out.viewWidth, 640);
  EXPECT_DOUBLE_EQ(out.texts[0].x, 16);
  EXPECT_DOUBLE_EQ(out.texts[0].y, 28);
  EXPECT_DOUBLE_EQ(out.texts[0].size, 24);
  EXPECT_TRUE(out.texts[0].italic);
  EXPECT_EQ(out.texts[0].anchor, SvgText::Anchor::Middle);
  EXPECT_EQ(out.shapes, "<svg width=\"640\" height=\"100\"><g transform=\"translate(10,20) scale(2)\"></g></svg>");
}

}  // namespace
}  // namespace pillars::review
