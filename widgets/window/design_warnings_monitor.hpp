#pragma once

#include <QObject>
#include <QString>
#include <string>
#include <vector>

#include "engine/review/design_warnings.hpp"
#include "engine/review/saturation.hpp"

class QToolButton;
class QWidget;

namespace pillars {

class DeferredCall;
class LiveRun;
class TopologyDocument;
class TopologyScene;

/// Says what is wrong with the design before it runs and while it does: components offered more
/// load than they can serve (λ > c·μ, estimated from the design), caches with nothing behind
/// them, and, during a run, components measured saturated with a growing queue. Each is an
/// amber mark on its card and counted in a status-bar button whose tooltip lists them all;
/// clicking it selects the first component named.
class DesignWarningsMonitor final : public QObject {
  Q_OBJECT

 public:
  DesignWarningsMonitor(TopologyDocument& document, TopologyScene& scene, LiveRun& live, QObject* parent);

  /// The status-bar button (hidden while there is nothing to say).
  QToolButton* createStatusButton(QWidget* parent);
  const std::vector<review::DesignWarning>& designWarnings() const { return m_design; }
  const std::vector<review::SaturatedNow>& saturatedNow() const { return m_saturated; }
  /// Every warning in one sentence each, design first.
  QStringList sentences() const;
  /// Recomputes from the document now (tests; otherwise after each change).
  void refresh();

 signals:
  void componentChosen(const std::string& id);

 private:
  void checkRun();
  void show();

  TopologyDocument& m_document;
  TopologyScene& m_scene;
  LiveRun& m_run;
  std::vector<review::DesignWarning> m_design;
  std::vector<review::SaturatedNow> m_saturated;
  QToolButton* m_button = nullptr;
  DeferredCall* m_refreshLater;
};

}  // namespace pillars
