// Auto-layout of every bundled example with every Graphviz engine the app offers, through the
// same path as View › Auto-Layout: no two cards overlap, and the layout is one undoable step.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "engine/layout/dot_export.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/auto_layout.hpp"
#include "widgets/window/main_window.hpp"

namespace pillars {
namespace {

struct LayoutCase {
  std::string example;  // file name in resources/examples
  LayoutEngine engine;
};

void PrintTo(const LayoutCase& c, std::ostream* os) { *os << c.example << " with " << layoutEngineName(c.engine); }

std::vector<LayoutCase> allCases() {
  std::vector<std::string> examples;
  const std::filesystem::path folder = PILLARS_SOURCE_DIR "/resources/examples";
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".json") examples.push_back(entry.path().filename().string());
  }
  std::sort(examples.begin(), examples.end());
  std::vector<LayoutCase> cases;
  for (const std::string& e : examples) {
    for (const LayoutEngine engine :
         {LayoutEngine::Dot, LayoutEngine::Neato, LayoutEngine::Fdp, LayoutEngine::Sfdp, LayoutEngine::Circo}) {
      cases.push_back({e, engine});
    }
  }
  return cases;
}

std::string caseName(const ::testing::TestParamInfo<LayoutCase>& info) {
  std::string name = info.param.example.substr(0, info.param.example.size() - 5) + "_" +
                     std::string(layoutEngineName(info.param.engine));
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class AutoLayoutExamples : public ::testing::TestWithParam<LayoutCase> {};

TEST_P(AutoLayoutExamples, NoCardsOverlapAndUndoPutsEveryCardBack) {
  const LayoutCase& c = GetParam();
  MainWindow window;
  window.useDefaultLayout();
  const QString file = QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/") + QString::fromStdString(c.example);
  QStringList errors;
  ASSERT_TRUE(window.openFile(file, true, &errors)) << errors.join(QLatin1Char('\n')).toStdString();
  TopologyDocument& doc = window.document();
  const auto& comps = doc.scenario().components;
  ASSERT_GE(comps.size(), 2u);
  if ((c.engine == LayoutEngine::Fdp || c.engine == LayoutEngine::Circo) && comps.size() > 150) {
    GTEST_SKIP() << "the app asks before fdp and circo on more than 150 components (minutes of layout)";
  }
  std::map<std::string, QPointF> before;
  for (const ComponentSpec& comp : comps) before[comp.id] = doc.position(comp.id);
  const int steps = doc.undoStack().count();

  ASSERT_TRUE(window.autoLayout().start(c.engine));
  window.autoLayout().waitForFinished();
  ASSERT_FALSE(window.autoLayout().isRunning());

  // One step in the history, named after the engine.
  ASSERT_EQ(doc.undoStack().count(), steps + 1) << "the layout was not applied";
  const std::string_view engineName = layoutEngineName(c.engine);
  EXPECT_EQ(doc.undoStack().text(steps),
            QStringLiteral("Auto-layout (%1)")
                .arg(QString::fromUtf8(engineName.data(), static_cast<qsizetype>(engineName.size()))));
  bool anyMoved = false;
  for (const ComponentSpec& comp : comps) anyMoved = anyMoved || doc.position(comp.id) != before[comp.id];
  EXPECT_TRUE(anyMoved);

  // No two cards overlap (touching is fine); the items stand where the document says.
  constexpr double kSlack = 0.01;  // Graphviz coordinates are doubles
  for (std::size_t i = 0; i < comps.size(); ++i) {
    const QPointF a = doc.position(comps[i].id);
    ASSERT_TRUE(std::isfinite(a.x()) && std::isfinite(a.y())) << comps[i].id;
    const NodeItem* item = window.scene().nodeFor(comps[i].id);
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->pos(), a) << comps[i].id;
    for (std::size_t j = i + 1; j < comps.size(); ++j) {
      const QPointF d = a - doc.position(comps[j].id);
      EXPECT_TRUE(std::abs(d.x()) >= NodeItem::kWidth - kSlack || std::abs(d.y()) >= NodeItem::kHeight - kSlack)
          << comps[i].id << " overlaps " << comps[j].id << " (dx " << d.x() << ", dy " << d.y() << ")";
    }
  }

  // Undo puts every card back where it was, in the document and on the canvas.
  doc.undoStack().undo();
  EXPECT_EQ(doc.undoStack().index(), steps);
  for (const ComponentSpec& comp : comps) {
    EXPECT_EQ(doc.position(comp.id), before[comp.id]) << comp.id;
    EXPECT_EQ(window.scene().nodeFor(comp.id)->pos(), before[comp.id]) << comp.id;
  }
  EXPECT_FALSE(doc.isModified());
}

INSTANTIATE_TEST_SUITE_P(EveryExampleEveryEngine, AutoLayoutExamples, ::testing::ValuesIn(allCases()), caseName);

// Known bug, handed over: Graphviz places cards at y <= 0 while files and the stand-in layout
// use y >= 0, and the scene's rectangle is only recomputed on structural edits, not on moves.
// After an auto-layout, cards lie outside the scrollable canvas: "Fit to Window" cannot show
// them and the scroll bars cannot reach them (on the 1,000-card benchmark, 945 of 1,000).
// Enable once TopologyScene grows its rectangle when cards move (see docs/performance.md,
// "Editor"); run it now with --gtest_also_run_disabled_tests.
TEST(AutoLayoutCanvas, EveryCardIsInsideTheCanvasAfterALayout) {
  for (const LayoutCase& c : allCases()) {
    MainWindow window;
    window.useDefaultLayout();
    ASSERT_TRUE(window.openFile(
        QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/") + QString::fromStdString(c.example), true));
    ASSERT_TRUE(window.autoLayout().start(c.engine));
    window.autoLayout().waitForFinished();
    const QRectF canvas = window.scene().sceneRect();
    for (const ComponentSpec& comp : window.document().scenario().components) {
      EXPECT_TRUE(canvas.contains(window.scene().nodeFor(comp.id)->sceneBoundingRect()))
          << c.example << " with " << layoutEngineName(c.engine) << ": " << comp.id << " is off the canvas";
    }
  }
}

}  // namespace
}  // namespace pillars
