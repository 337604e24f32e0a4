#include "widgets/live/event_log_model.hpp"

#include <QColor>
#include <QFont>

#include <algorithm>
#include <utility>

#include "engine/model/scenario.hpp"
#include "engine/run/request_trace.hpp"
#include "engine/run/trace_writer.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"
#include "engine/util/units.hpp"

namespace pillars {

using EventType = FlightRecorder::EventType;

namespace {

bool isMessage(EventType t) {
  return t == EventType::Send || t == EventType::Deliver || t == EventType::Drop;
}
bool isLinkEvent(EventType t) {
  return t == EventType::LinkCut || t == EventType::LinkHeal || t == EventType::Connected ||
         t == EventType::Disconnected;
}

QString fromView(std::string_view text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// Seconds with all nine decimals, as trace files write them: exact, and the decimal points
/// line up down the column.
QString timeText(SimTime t) {
  const SimTime magnitude = t < 0 ? -t : t;
  return QStringLiteral("%1%2.%3")
      .arg(t < 0 ? QStringLiteral("-") : QString())
      .arg(magnitude / kSecond)
      .arg(magnitude % kSecond, 9, 10, QLatin1Char('0'));
}

QString dropText(DropReason reason) {
  switch (reason) {
    case DropReason::Loss:
      return EventLogModel::tr("drop (loss)");
    case DropReason::LinkDown:
      return EventLogModel::tr("drop (link down)");
    case DropReason::TargetDown:
      return EventLogModel::tr("drop (target down)");
  }
  return EventLogModel::tr("drop (%1)").arg(fromView(dropReasonName(reason)));
}

}  // namespace

// --- Names ----------------------------------------------------------------------------------

EventNames EventNames::fromScenario(const Scenario& scenario) {
  EventNames names;
  for (const ComponentSpec& c : scenario.components) names.m_components.push_back(c.id);
  const auto indexOf = [&](const std::string& id) {
    const auto it = std::find(names.m_components.begin(), names.m_components.end(), id);
    return it == names.m_components.end()
               ? kNoComponent
               : static_cast<ComponentId>(it - names.m_components.begin());
  };
  for (const LinkSpec& l : scenario.links) {
    names.m_links.push_back(l.id.empty() ? l.from + "->" + l.to : l.id);
    names.m_ends.emplace_back(indexOf(l.from), indexOf(l.to));
  }
  return names;
}

EventNames EventNames::fromSimulation(const Simulation& sim) {
  EventNames names;
  for (std::size_t i = 0; i < sim.componentCount(); ++i) {
    names.m_components.push_back(sim.component(static_cast<ComponentId>(i)).name());
  }
  const Network& net = sim.network();
  for (std::size_t i = 0; i < net.linkCount(); ++i) {
    const Link& l = net.link(static_cast<LinkId>(i));
    names.m_links.push_back(l.name);
    names.m_ends.emplace_back(l.from, l.to);
  }
  return names;
}

std::string EventNames::component(ComponentId id) const {
  if (id == kNoComponent) return {};
  return id < m_components.size() ? m_components[id] : "#" + std::to_string(id);
}

std::string EventNames::link(LinkId id) const {
  if (id == kNoLink) return {};
  return id < m_links.size() ? m_links[id] : "#" + std::to_string(id);
}

bool EventNames::linkTouches(LinkId link, ComponentId component) const {
  return link < m_ends.size() &&
         (m_ends[link].first == component || m_ends[link].second == component);
}

// --- Filter ---------------------------------------------------------------------------------

bool EventLogFilter::accepts(const FlightRecorder::Event& e, const EventNames& names) const {
  if (!(types & bit(e.type))) return false;
  if (isMessage(e.type) && !(categories & bit(categoryOf(e.kind)))) return false;
  if (component == kNoComponent) return true;
  if (isLinkEvent(e.type)) return names.linkTouches(e.link, component);
  return e.component == component || e.peer == component;
}

QString eventTypeText(const FlightRecorder::Event& e) {
  switch (e.type) {
    case EventType::Send:
      return EventLogModel::tr("send");
    case EventType::Deliver:
      return EventLogModel::tr("deliver");
    case EventType::Drop:
      return dropText(e.reason);
    case EventType::Crash:
      return EventLogModel::tr("crash");
    case EventType::Restart:
      return EventLogModel::tr("restart");
    case EventType::LinkCut:
      return EventLogModel::tr("link cut");
    case EventType::LinkHeal:
      return EventLogModel::tr("link healed");
    case EventType::Added:
      return EventLogModel::tr("added");
    case EventType::Removed:
      return EventLogModel::tr("removed");
    case EventType::Connected:
      return EventLogModel::tr("link added");
    case EventType::Disconnected:
      return EventLogModel::tr("link removed");
  }
  return {};
}

// --- Model ----------------------------------------------------------------------------------

EventLogModel::EventLogModel(QObject* parent) : QAbstractTableModel(parent) {}

void EventLogModel::setNames(EventNames names) {
  m_names = std::move(names);
  if (!m_rows.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void EventLogModel::setCapacity(std::size_t rows) {
  m_capacity = std::max<std::size_t>(rows, 1);
  if (m_rows.size() <= m_capacity) return;
  const std::size_t excess = m_rows.size() - m_capacity;
  beginRemoveRows({}, 0, static_cast<int>(excess) - 1);
  m_rows.erase(m_rows.begin(), m_rows.begin() + static_cast<std::ptrdiff_t>(excess));
  endRemoveRows();
  m_dropped = true;
}

std::uint64_t EventLogModel::ingest(const FlightRecorder& recorder, std::uint64_t seen) {
  const std::uint64_t total = recorder.logTotal();
  if (total <= seen) return total;
  // Events the ring has already forgotten are gone for us too.
  const std::size_t count =
      static_cast<std::size_t>(std::min<std::uint64_t>(total - seen, recorder.log().size()));
  collect(recorder, count);
  append(m_batch);
  return total;
}

void EventLogModel::refill(const FlightRecorder& recorder) {
  collect(recorder, recorder.log().size());
  beginResetModel();
  m_rows.assign(m_batch.begin(), m_batch.end());
  m_dropped = false;
  endResetModel();
}

void EventLogModel::clear() {
  beginResetModel();
  m_rows.clear();
  m_dropped = false;
  endResetModel();
}

void EventLogModel::collect(const FlightRecorder& recorder, std::size_t count) {
  // Newest first, so a flood larger than the capacity costs only the capacity's worth of
  // filtering and copying, and the newest events are the ones kept.
  const RingBuffer<FlightRecorder::Event>& log = recorder.log();
  m_batch.clear();
  for (std::size_t i = log.size(); i > log.size() - count && m_batch.size() < m_capacity; --i) {
    const FlightRecorder::Event& e = log.at(i - 1);
    if (m_filter.accepts(e, m_names)) m_batch.push_back(e);
  }
  std::reverse(m_batch.begin(), m_batch.end());
}

void EventLogModel::append(const std::vector<FlightRecorder::Event>& events) {
  if (events.empty()) return;
  if (events.size() >= m_capacity) {
    // Everything shown is replaced: one reset is cheaper for the view than a removal of
    // every row followed by an insertion of as many.
    beginResetModel();
    m_rows.assign(events.end() - static_cast<std::ptrdiff_t>(m_capacity), events.end());
    m_dropped = true;
    endResetModel();
    return;
  }
  const std::size_t overflow =
      m_rows.size() + events.size() > m_capacity ? m_rows.size() + events.size() - m_capacity : 0;
  if (overflow > 0) {
    beginRemoveRows({}, 0, static_cast<int>(overflow) - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + static_cast<std::ptrdiff_t>(overflow));
    endRemoveRows();
    m_dropped = true;
  }
  const int first = rowCount();
  beginInsertRows({}, first, first + static_cast<int>(events.size()) - 1);
  m_rows.insert(m_rows.end(), events.begin(), events.end());
  endInsertRows();
}

std::string EventLogModel::componentAt(int row, int column) const {
  if (row < 0 || row >= rowCount()) return {};
  const FlightRecorder::Event& e = eventAt(row);
  if (column == Peer && e.peer != kNoComponent) return m_names.component(e.peer);
  return m_names.component(e.component);
}

std::string EventLogModel::linkAt(int row) const {
  if (row < 0 || row >= rowCount()) return {};
  return m_names.link(eventAt(row).link);
}

QString EventLogModel::requestText(std::uint64_t requestId) const {
  // "users#1234" reads far better than 1099511628970.
  if (requestId == 0) return {};
  return QString::fromStdString(requestIdText(requestId, m_names.componentIds()));
}

std::uint64_t EventLogModel::requestAt(int row) const {
  return row < 0 || row >= rowCount() ? 0 : eventAt(row).requestId;
}

int EventLogModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::text(const FlightRecorder::Event& e, int column) const {
  switch (column) {
    case Time:
      return timeText(e.at);
    case Event:
      return eventTypeText(e);
    case Kind:
      return isMessage(e.type) ? fromView(messageKindName(e.kind)) : QString();
    case Component:
      return QString::fromStdString(m_names.component(e.component));
    case Peer:
      return QString::fromStdString(m_names.component(e.peer));
    case Link:
      return QString::fromStdString(m_names.link(e.link));
    case Request:
      return requestText(e.requestId);
    default:
      return {};
  }
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const FlightRecorder::Event& e = eventAt(index.row());
  switch (role) {
    case Qt::DisplayRole:
      return text(e, index.column());
    case Qt::TextAlignmentRole:
      if (index.column() == Time || index.column() == Request) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
      }
      return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
      // Mid-lightness colours, readable on light and dark table backgrounds alike.
      if (index.column() != Event) return {};
      if (e.type == EventType::Drop || e.type == EventType::Crash || e.type == EventType::LinkCut ||
          e.type == EventType::Removed || e.type == EventType::Disconnected) {
        return QColor(0xe1, 0x57, 0x59);
      }
      if (e.type == EventType::Restart || e.type == EventType::LinkHeal || e.type == EventType::Added ||
          e.type == EventType::Connected)
        return QColor(0x59, 0xa1, 0x4f);
      return {};
    case Qt::FontRole:
      if (!isMessage(e.type)) {
        QFont bold;
        bold.setBold(true);
        return bold;
      }
      return {};
    case Qt::ToolTipRole:
      if (index.column() == Request && e.requestId != 0)
        return tr("Request id %1").arg(e.requestId);
      if (index.column() == Time) return QString::fromStdString(formatDuration(e.at));
      return {};
    default:
      return {};
  }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::TextAlignmentRole) {
    return QVariant::fromValue(
        (section == Time || section == Request ? Qt::AlignRight : Qt::AlignLeft) |
        Qt::AlignVCenter);
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case Time:
      return tr("Time");
    case Event:
      return tr("Event");
    case Kind:
      return tr("Message");
    case Component:
      return tr("Component");
    case Peer:
      return tr("Peer");
    case Link:
      return tr("Link");
    case Request:
      return tr("Request");
    default:
      return {};
  }
}

}  // namespace pillars
