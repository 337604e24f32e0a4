#pragma once

#include <QAbstractTableModel>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "engine/run/flight_recorder.hpp"

namespace pillars {

class Simulation;

struct Scenario;

/// Names of a run's components and links by engine id: the engine numbers components and
/// links in the scenario's declaration order.
class EventNames {
 public:
  EventNames() = default;
  static EventNames fromScenario(const Scenario& scenario);
  /// The engine's own names, components and links added while running included.
  static EventNames fromSimulation(const Simulation& sim);

  /// The id ("web1"), "" for kNoComponent, "#7" for one these names do not know (added
  /// after they were read).
  std::string component(ComponentId id) const;
  std::string link(LinkId id) const;
  /// Whether `component` is one end of `link`.
  bool linkTouches(LinkId link, ComponentId component) const;
  const std::vector<std::string>& componentIds() const { return m_components; }
  const std::vector<std::string>& linkIds() const { return m_links; }

 private:
  std::vector<std::string> m_components;
  std::vector<std::string> m_links;
  std::vector<std::pair<ComponentId, ComponentId>> m_ends;  // per link: from, to
};

/// Which events the log shows.
struct EventLogFilter {
  /// Only events involving this component (as either end, or an end of the link cut or
  /// healed); kNoComponent shows all.
  ComponentId component = kNoComponent;
  /// Bit (1 << EventType) per event type shown.
  std::uint32_t types = ~0u;
  /// Bit (1 << MessageCategory) per message family shown; applies to message events only.
  std::uint32_t categories = ~0u;

  static constexpr std::uint32_t bit(FlightRecorder::EventType type) {
    return 1u << static_cast<unsigned>(type);
  }
  static constexpr std::uint32_t bit(MessageCategory category) {
    return 1u << static_cast<unsigned>(category);
  }

  bool accepts(const FlightRecorder::Event& e, const EventNames& names) const;
  bool operator==(const EventLogFilter&) const = default;
};

/// The event log as a table: time (seconds to the nanosecond, as in trace files), event,
/// message kind, component, peer, link, request ("users#1234": the client and its count).
/// It reads the flight recorder incrementally (ingest() with the count it has seen), keeps
/// only the events its filter accepts, and holds at most capacity() rows: the oldest go
/// first. A batch is one insertion (and at most one removal), so a frame of thousands of
/// events costs the view one layout.
class EventLogModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Time, Event, Kind, Component, Peer, Link, Request, ColumnCount };
  static constexpr std::size_t kDefaultCapacity = 20'000;

  explicit EventLogModel(QObject* parent = nullptr);

  void setNames(EventNames names);
  const EventNames& names() const { return m_names; }
  /// Rows are cut to the newest `rows` at once.
  void setCapacity(std::size_t rows);
  std::size_t capacity() const { return m_capacity; }
  /// Takes effect for events ingested from now on; refill() applies it to the past too.
  void setFilter(const EventLogFilter& filter) { m_filter = filter; }
  const EventLogFilter& filter() const { return m_filter; }

  /// Adds the events recorded since the recorder's count was `seen` (those the recorder
  /// still holds) and returns its count now. When more than capacity() pass the filter,
  /// only the newest are kept.
  std::uint64_t ingest(const FlightRecorder& recorder, std::uint64_t seen);
  /// Starts again from what the recorder holds, through the current filter.
  void refill(const FlightRecorder& recorder);
  void clear();
  /// Whether rows were dropped to keep within capacity since the last clear() or refill().
  bool dropped() const { return m_dropped; }

  const FlightRecorder::Event& eventAt(int row) const {
    return m_rows[static_cast<std::size_t>(row)];
  }
  /// The component a click on (row, column) means: the peer in the Peer column, otherwise
  /// the component; "" for link events.
  std::string componentAt(int row, int column) const;
  /// The link id of a row's event, "" when it has none.
  std::string linkAt(int row) const;
  /// The end-to-end request a row's message belongs to, 0 for none.
  std::uint64_t requestAt(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  /// Appends events (oldest first, at most capacity()) in one insertion.
  void append(const std::vector<FlightRecorder::Event>& events);
  /// Gathers the newest accepted events among the recorder's last `count`, oldest first.
  void collect(const FlightRecorder& recorder, std::size_t count);
  QString text(const FlightRecorder::Event& e, int column) const;
  QString requestText(std::uint64_t requestId) const;

  EventNames m_names;
  EventLogFilter m_filter;
  std::deque<FlightRecorder::Event> m_rows;
  std::vector<FlightRecorder::Event> m_batch;  // reused by every ingest
  std::size_t m_capacity = kDefaultCapacity;
  bool m_dropped = false;
};

/// What the Event column says: "send", "drop (link down)", "crash", "link cut", ...
QString eventTypeText(const FlightRecorder::Event& e);

}  // namespace pillars
