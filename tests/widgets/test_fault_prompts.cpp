// The fault prompts of the canvas context menu (Slow Down, Add Latency, Set Loss): what is typed
// reaches the running simulation and the fault timeline; a bad entry changes nothing.
#include <gtest/gtest.h>

#include <QApplication>
#include <QInputDialog>
#include <QTimer>

#include "engine/sim/component.hpp"
#include "engine/sim/network.hpp"
#include "widgets/document/topology_document.hpp"
#include "tests/widgets/simulating_fixture.hpp"

namespace pillars {
namespace {

class FaultPrompts : public Simulating {
 protected:
  /// Answers the next input dialog with `answer` (OK) or, when empty, cancels it.
  static void answerNextPrompt(const std::function<void(QInputDialog&)>& answer) {
    QTimer::singleShot(0, [answer] {
      auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
      ASSERT_NE(dialog, nullptr) << "no prompt is open";
      if (answer) {
        answer(*dialog);
        dialog->accept();
      } else {
        dialog->reject();
      }
    });
  }
  void triggerLinkFault(const std::string& link, const QString& prefix) {
    QMenu menu;
    window.simulateActions().addFaultsTo(menu, {}, {link});
    for (QAction* a : menu.findChildren<QAction*>()) {
      if (a->text().startsWith(prefix)) {
        a->trigger();
        return;
      }
    }
    FAIL() << "no fault action " << prefix.toStdString();
  }
  const Link& link(const std::string& id) {
    return live().runner()->simulation().network().link(live().linkId(id));
  }
  const std::vector<FaultSpec>& faults() { return window.document().scenario().faults; }
  /// The recorded fault of this action on this target (the timeline keeps time order, so the
  /// newest is not always last).
  const FaultSpec* recorded(FaultAction action, const std::string& target) {
    for (const FaultSpec& f : faults()) {
      if (f.action == action && f.target == target) return &f;
    }
    return nullptr;
  }
};

TEST_F(FaultPrompts, SlowDownMultipliesTheServiceTimesByTheFactorTyped) {
  runUntil(kSecond);
  const std::size_t before = faults().size();
  window.scene().selectComponents({"db"});
  answerNextPrompt([](QInputDialog& d) { d.setDoubleValue(8.0); });
  triggerFault(QStringLiteral("Slow Down db"));
  EXPECT_DOUBLE_EQ(live().runner()->simulation().findComponent("db")->slowdown(), 8.0);
  ASSERT_EQ(faults().size(), before + 1);
  const FaultSpec* slow = recorded(FaultAction::Slow, "db");
  ASSERT_NE(slow, nullptr);
  EXPECT_DOUBLE_EQ(slow->value, 8.0);
  EXPECT_EQ(slow->at, kSecond);
}

TEST_F(FaultPrompts, CancellingAPromptChangesNothing) {
  runUntil(kSecond);
  const std::size_t before = faults().size();
  window.scene().selectComponents({"db"});
  answerNextPrompt({});
  triggerFault(QStringLiteral("Slow Down db"));
  EXPECT_DOUBLE_EQ(live().runner()->simulation().findComponent("db")->slowdown(), 1.0);
  EXPECT_EQ(faults().size(), before);
}

TEST_F(FaultPrompts, AddLatencyTakesADurationAndRefusesGibberish) {
  runUntil(kSecond);
  const std::size_t before = faults().size();
  answerNextPrompt([](QInputDialog& d) { d.setTextValue(QStringLiteral("250ms")); });
  triggerLinkFault("lb->web1", QStringLiteral("Add Latency to lb->web1"));
  EXPECT_EQ(link("lb->web1").extraLatency, 250 * kMillisecond);
  ASSERT_EQ(faults().size(), before + 1);
  EXPECT_NE(recorded(FaultAction::Delay, "lb->web1"), nullptr);

  answerNextPrompt([](QInputDialog& d) { d.setTextValue(QStringLiteral("soon")); });
  triggerLinkFault("lb->web1", QStringLiteral("Add Latency to lb->web1"));
  EXPECT_EQ(link("lb->web1").extraLatency, 250 * kMillisecond);  // unchanged
  EXPECT_EQ(faults().size(), before + 1);
}

TEST_F(FaultPrompts, SetLossTakesPercent) {
  runUntil(kSecond);
  answerNextPrompt([](QInputDialog& d) { d.setDoubleValue(25.0); });
  triggerLinkFault("cache->db", QStringLiteral("Set Loss on cache->db"));
  EXPECT_DOUBLE_EQ(link("cache->db").config.lossProbability, 0.25);
  const FaultSpec* loss = recorded(FaultAction::Loss, "cache->db");
  ASSERT_NE(loss, nullptr);
  EXPECT_DOUBLE_EQ(loss->value, 0.25);
}

}  // namespace
}  // namespace pillars
