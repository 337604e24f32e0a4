#pragma once

#include <QPointer>
#include <QWidget>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "widgets/live/event_log_model.hpp"

QT_BEGIN_NAMESPACE
class QAction;
class QBoxLayout;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QToolButton;
QT_END_NAMESPACE

namespace pillars {

class LiveRun;
struct Scenario;

/// The event log dock: what the live run's flight recorder saw (sends, deliveries, drops with
/// their reason, crashes, restarts, link cuts and heals), newest at the bottom, filtered by
/// component and by event type and message family, capped in memory. With Follow on it keeps
/// the newest row in view, except while the user has scrolled up to read. Clicking a row
/// announces its component (the peer's, when the Peer cell is clicked) so the canvas can
/// select it; clicking a request number asks for that request's trace.
class EventLogPanel : public QWidget {
  Q_OBJECT

 public:
  explicit EventLogPanel(QWidget* parent = nullptr);
  ~EventLogPanel() override;

  /// Follows `run` (null: none): reads new events on its advanced(), starts over when it is
  /// reset or loads another scenario.
  void setLiveRun(LiveRun* run);

  /// Shows only events involving component `id`; "" shows every component. An id the loaded
  /// scenario lacks shows every component until a scenario that has it is loaded.
  void setComponentFilter(const std::string& id);
  /// The component whose events are shown now, "" for all.
  std::string componentFilter() const;
  /// Keeps the newest row in view as events arrive (unless the user scrolled up).
  void setFollow(bool on);
  bool follow() const;
  /// The most rows kept (the model's capacity).
  void setCapacity(std::size_t rows);

  EventLogModel* model() const { return m_model; }
  QTableView* view() const { return m_view; }

 signals:
  /// A row was clicked: its component's id (the peer's when the Peer column was clicked).
  void componentActivated(const std::string& id);
  /// A link cut or heal was clicked: the link's id.
  void linkActivated(const std::string& id);
  /// A request number was clicked (the Request column): its end-to-end id.
  void requestActivated(std::uint64_t requestId);

 private:
  void buildToolbar(QBoxLayout* into);
  void buildView();
  void onAdvanced();
  /// New scenario: names, the component list, column widths; the log starts over.
  void syncScenario();
  void followTopology();
  /// The filter the controls describe.
  EventLogFilter currentFilter() const;
  /// The controls' filter, applied to what the recorder still holds.
  void applyFilter();
  void onClicked(int row, int column);
  void updateStatus();

  QPointer<LiveRun> m_run;
  EventLogModel* m_model;
  QTableView* m_view = nullptr;
  QComboBox* m_component = nullptr;
  QPushButton* m_show = nullptr;
  QToolButton* m_follow = nullptr;
  QLabel* m_status = nullptr;
  std::array<QAction*, 4> m_typeActions{};      // sends, deliveries, drops, faults
  std::array<QAction*, 4> m_categoryActions{};  // requests, responses, errors, health checks
  /// The component asked for (setComponentFilter or the combo), kept across loads: the
  /// combo only lists the loaded scenario's components.
  std::string m_wanted;
  std::uint64_t m_seen = 0;
  const Scenario* m_loaded = nullptr;
  /// The user keeps the newest row in view (Follow on, not scrolled up). Only the user's own
  /// scrolling changes it: moves the view makes while rows come and go (m_updating) do not.
  bool m_pinned = true;
  bool m_updating = false;
};

}  // namespace pillars
