#include "widgets/window/design_warnings_monitor.hpp"

#include <QLocale>
#include <QToolButton>
#include <QUndoStack>
#include <map>

#include "engine/run/scenario_runner.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/common/deferred_call.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/live_run.hpp"

namespace pillars {

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

QString liveSentence(const review::SaturatedNow& s) {
  return DesignWarningsMonitor::tr("%1 is saturated now: %2% busy, its queue at %3 and growing (offered more than "
                                   "it serves).")
      .arg(text(s.component))
      .arg(QLocale().toString(s.utilization * 100, 'f', 0))
      .arg(QLocale().toString(s.queueLength, 'f', 0));
}

}  // namespace

DesignWarningsMonitor::DesignWarningsMonitor(TopologyDocument& document, TopologyScene& scene, LiveRun& live,
                                             QObject* parent)
    : QObject(parent),
      m_document(document),
      m_scene(scene),
      m_run(live),
      m_refreshLater(new DeferredCall([this] { refresh(); }, this)) {
  // Any edit may change the load somewhere: recomputed once per burst of changes.
  connect(&m_document.undoStack(), &QUndoStack::indexChanged, m_refreshLater, &DeferredCall::request);
  connect(&m_document, &TopologyDocument::reset, m_refreshLater, &DeferredCall::request);
  connect(&m_run, &LiveRun::advanced, this, &DesignWarningsMonitor::checkRun);
  refresh();
}

QToolButton* DesignWarningsMonitor::createStatusButton(QWidget* parent) {
  m_button = new QToolButton(parent);
  m_button->setObjectName(QStringLiteral("DesignWarnings"));
  m_button->setAutoRaise(true);
  m_button->setStyleSheet(QStringLiteral("QToolButton { color: #8d5a00; font-weight: bold; }"));
  connect(m_button, &QToolButton::clicked, this, [this] {
    if (!m_design.empty()) emit componentChosen(m_design.front().component);
    else if (!m_saturated.empty()) emit componentChosen(m_saturated.front().component);
  });
  show();
  return m_button;
}

void DesignWarningsMonitor::refresh() {
  m_design = review::designWarnings(m_document.scenario());
  if (!m_run.isLoaded()) m_saturated.clear();
  show();
}

void DesignWarningsMonitor::checkRun() {
  // What the run measures: the newest samples of its time series (each a metrics interval).
  std::vector<review::SaturatedNow> now;
  const ScenarioRunner* runner = m_run.runner();
  if (runner && runner->timeSeries()) now = review::saturatedNow(*runner->timeSeries());
  const auto same = [](const auto& a, const auto& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i].component != b[i].component) return false;
    }
    return true;
  };
  const bool changed = !same(now, m_saturated);
  m_saturated = std::move(now);
  if (changed) show();
}

QStringList DesignWarningsMonitor::sentences() const {
  QStringList out;
  for (const auto& w : m_design) out << text(w.sentence);
  for (const auto& s : m_saturated) out << liveSentence(s);
  return out;
}

void DesignWarningsMonitor::show() {
  std::map<std::string, TopologyScene::CardWarning> cards;
  for (const auto& w : m_design) cards[w.component] = {text(w.badge), text(w.sentence)};
  for (const auto& s : m_saturated) {
    if (!cards.count(s.component)) cards[s.component] = {tr("saturated"), liveSentence(s)};
  }
  m_scene.setWarnings(std::move(cards));
  if (!m_button) return;
  const QStringList all = sentences();
  m_button->setVisible(!all.isEmpty());
  if (all.isEmpty()) return;
  QString first = all.front();
  if (first.size() > 90) first = first.left(87) + QStringLiteral("\u2026");
  m_button->setText(QStringLiteral("\u26a0 ") + (all.size() == 1 ? first : tr("%1 warnings: %2").arg(all.size()).arg(first)));
  m_button->setToolTip(all.join(QLatin1Char('\n')) + tr("\n\nClick to select the first component named."));
}

}  // namespace pillars
