// The inspector when what it shows changes under a field that has the focus: found by the GUI
// monkey (tests/widgets/monkey). The editors of the old selection go, and whatever was typed
// in them and not committed goes with them, without touching the model.
#include <gtest/gtest.h>

#include <QLineEdit>
#include <QTest>

#include "widgets/canvas/topology_scene.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/inspector_panel.hpp"
#include "widgets/window/main_window.hpp"
#include "widgets/window/param_editors/param_editor.hpp"

namespace pillars {
namespace {

class InspectorFocus : public ::testing::Test {
 protected:
  void SetUp() override {
    window.useDefaultLayout();
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(window.openFile(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/three-tier.json"), true));
  }
  QLineEdit* field(const char* param) {
    auto* editor = window.inspector().findChild<ParamEditor*>(QStringLiteral("param:") + QLatin1String(param));
    return editor ? editor->findChild<QLineEdit*>(QStringLiteral("text")) : nullptr;
  }
  void select(const std::vector<std::string>& ids) {
    window.scene().selectComponents(ids);
    QCoreApplication::processEvents();  // the inspector refills once control returns
  }
  MainWindow window;
};

TEST_F(InspectorFocus, AFieldBeingTypedInGoesQuietlyWhenTheSelectionChangesToOtherParameters) {
  select({"cache"});
  QLineEdit* ttl = field("ttl");
  ASSERT_NE(ttl, nullptr);
  const std::string before = window.document().scenario().findComponent("cache")->params.text("ttl");
  const int steps = window.document().undoStack().count();
  ttl->setFocus();
  ttl->selectAll();
  QTest::keyClicks(ttl, QStringLiteral("2s"));  // typed, not committed
  ASSERT_TRUE(ttl->hasFocus());
  // Another kind, so the inspector replaces its rows: the focused editor is destroyed, and its
  // field loses the focus on the way. It used to commit from a half-destroyed editor (a crash).
  select({"lb"});
  QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
  QCoreApplication::processEvents();
  EXPECT_EQ(window.document().scenario().findComponent("cache")->params.text("ttl"), before);
  EXPECT_EQ(window.document().undoStack().count(), steps) << "nothing was applied, to the cache or the balancer";
}

}  // namespace
}  // namespace pillars
