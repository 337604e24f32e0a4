#include "widgets/live/event_log_panel.hpp"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "engine/run/scenario_runner.hpp"
#include "engine/sim/message.hpp"
#include "widgets/live/event_log_model.hpp"
#include "widgets/live/live_run.hpp"

namespace pillars {

namespace {

using EventType = FlightRecorder::EventType;
constexpr auto bit = [](auto value) { return EventLogFilter::bit(value); };

// What each checkable item of the Show menu stands for.
const std::array<std::uint32_t, 4> kTypeBits = {
    bit(EventType::Send), bit(EventType::Deliver), bit(EventType::Drop),
    bit(EventType::Crash) | bit(EventType::Restart) | bit(EventType::LinkCut) |
        bit(EventType::LinkHeal) | bit(EventType::Added) | bit(EventType::Removed) |
        bit(EventType::Connected) | bit(EventType::Disconnected)};
const std::array<std::uint32_t, 4> kCategoryBits = {
    bit(MessageCategory::Request), bit(MessageCategory::Response), bit(MessageCategory::Error),
    // Health checks, and the families later pillars add, go with "Control".
    bit(MessageCategory::Control) | bit(MessageCategory::Consensus) |
        bit(MessageCategory::Replication)};

}  // namespace

EventLogPanel::EventLogPanel(QWidget* parent) : QWidget(parent), m_model(new EventLogModel(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->setSpacing(4);
  buildToolbar(layout);
  buildView();
  layout->addWidget(m_view, 1);
  updateStatus();
}

EventLogPanel::~EventLogPanel() = default;

void EventLogPanel::buildToolbar(QBoxLayout* into) {
  auto* bar = new QHBoxLayout;
  bar->setContentsMargins(2, 0, 2, 0);
  bar->setSpacing(6);

  m_component = new QComboBox;
  m_component->setObjectName(QStringLiteral("eventLogComponent"));
  m_component->setToolTip(tr("Show only events involving this component"));
  m_component->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_component->addItem(tr("All components"), QString());
  connect(m_component, &QComboBox::activated, this, [this] {
    m_wanted = m_component->currentData().toString().toStdString();
    applyFilter();
  });

  // A push button draws its menu arrow beside the text; a tool button's overlaps it.
  m_show = new QPushButton;
  m_show->setObjectName(QStringLiteral("eventLogShow"));
  m_show->setText(tr("Show"));
  m_show->setToolTip(tr("Which events and messages the log shows"));
  auto* menu = new QMenu(m_show);
  const std::array<QString, 4> types = {tr("Sends"), tr("Deliveries"), tr("Drops"),
                                        tr("Faults (crash, restart, link cut, heal)")};
  const std::array<QString, 4> families = {tr("Requests"), tr("Responses"), tr("Errors"),
                                           tr("Health Checks")};
  menu->addSection(tr("Events"));
  for (std::size_t i = 0; i < types.size(); ++i) {
    m_typeActions[i] = menu->addAction(types[i]);
    m_typeActions[i]->setCheckable(true);
    m_typeActions[i]->setChecked(true);
    connect(m_typeActions[i], &QAction::toggled, this, [this] { applyFilter(); });
  }
  menu->addSection(tr("Messages"));
  for (std::size_t i = 0; i < families.size(); ++i) {
    m_categoryActions[i] = menu->addAction(families[i]);
    m_categoryActions[i]->setCheckable(true);
    m_categoryActions[i]->setChecked(true);
    connect(m_categoryActions[i], &QAction::toggled, this, [this] { applyFilter(); });
  }
  m_show->setMenu(menu);

  m_follow = new QToolButton;
  m_follow->setObjectName(QStringLiteral("eventLogFollow"));
  m_follow->setText(tr("Follow"));
  m_follow->setCheckable(true);
  m_follow->setChecked(true);
  m_follow->setToolTip(tr("Keep the newest event in view (pauses while you scroll up)"));
  connect(m_follow, &QToolButton::toggled, this, [this](bool on) {
    m_pinned = on;
    if (on) m_view->scrollToBottom();
    updateStatus();
  });

  auto* clear = new QToolButton;
  clear->setObjectName(QStringLiteral("eventLogClear"));
  clear->setText(tr("Clear"));
  clear->setToolTip(tr("Empty the log; new events keep coming"));
  connect(clear, &QToolButton::clicked, this, [this] {
    m_updating = true;
    m_model->clear();
    m_updating = false;
    m_pinned = true;
    updateStatus();
  });

  m_status = new QLabel;
  m_status->setObjectName(QStringLiteral("eventLogStatus"));
  m_status->setForegroundRole(QPalette::PlaceholderText);

  bar->addWidget(m_component);
  bar->addWidget(m_show);
  bar->addWidget(m_follow);
  bar->addStretch(1);
  bar->addWidget(m_status);
  bar->addWidget(clear);
  into->addLayout(bar);
}

void EventLogPanel::buildView() {
  m_view = new QTableView;
  m_view->setObjectName(QStringLiteral("eventLogTable"));
  m_view->setModel(m_model);
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setSelectionMode(QAbstractItemView::SingleSelection);
  m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_view->setAlternatingRowColors(true);
  m_view->setShowGrid(false);
  m_view->setWordWrap(false);
  m_view->setCornerButtonEnabled(false);
  // Whole rows per scroll step: rows dropped from the top then shift the position by exactly
  // their count (see rowsRemoved below).
  m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
  // Fixed row heights and column widths: nothing is measured per row, so 20,000 rows lay out
  // as fast as 20.
  QHeaderView* rows = m_view->verticalHeader();
  rows->setVisible(false);
  rows->setSectionResizeMode(QHeaderView::Fixed);
  rows->setDefaultSectionSize(fontMetrics().height() + 4);
  QHeaderView* columns = m_view->horizontalHeader();
  columns->setSectionResizeMode(QHeaderView::Interactive);
  columns->setStretchLastSection(true);
  columns->setHighlightSections(false);
  columns->setMinimumSectionSize(30);

  connect(m_view, &QTableView::clicked, this,
          [this](const QModelIndex& index) { onClicked(index.row(), index.column()); });
  QScrollBar* bar = m_view->verticalScrollBar();
  // Scrolled up to read, rows dropped from the top would slide the text away: move back by
  // as many rows.
  connect(m_model, &QAbstractItemModel::rowsRemoved, this,
          [this, bar](const QModelIndex&, int first, int last) {
            if ((follow() && m_pinned) || first != 0) return;
            bar->setValue(std::max(bar->value() - (last - first + 1), 0));
          });
  connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
    if (m_updating) return;
    m_pinned = value >= bar->maximum();
    updateStatus();
  });
  // The view lays new rows out later (before painting), growing the range then: that is when
  // the newest row can be brought into view.
  connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int max) {
    if (follow() && m_pinned) bar->setValue(max);
  });
}

// --- Following the run ----------------------------------------------------------------------

void EventLogPanel::setLiveRun(LiveRun* run) {
  if (m_run == run) return;
  if (m_run) disconnect(m_run, nullptr, this, nullptr);
  m_run = run;
  if (m_run) connect(m_run, &LiveRun::advanced, this, &EventLogPanel::onAdvanced);
  m_loaded = nullptr;
  onAdvanced();
}

void EventLogPanel::onAdvanced() {
  const bool loaded = m_run && m_run->isLoaded();
  if (!loaded && !m_loaded) return;
  const Scenario* scenario = loaded ? &m_run->scenario() : nullptr;
  const std::uint64_t total = loaded ? m_run->recorder().logTotal() : 0;
  // Every load and reset makes a new copy of the scenario: the log starts over. A recorder
  // that counts less than we have read was cleared some other way: start over too.
  const bool restart = scenario != m_loaded || total < m_seen;
  if (!restart && total == m_seen) return;
  m_updating = true;
  if (restart) {
    m_model->clear();
    m_seen = 0;
    m_pinned = true;
  }
  if (scenario != m_loaded) {
    m_loaded = scenario;
    if (scenario) syncScenario();
  }
  if (loaded) {
    followTopology();
    m_seen = m_model->ingest(m_run->recorder(), m_seen);
  }
  m_updating = false;
  if (follow() && m_pinned) m_view->scrollToBottom();
  updateStatus();
}

void EventLogPanel::followTopology() {
  // Components and links added while running (instances of a replica set) get their names;
  // the component filter offers them too. Nothing is ever taken out: a removed component's
  // past events stay in the log under its name.
  const Simulation& sim = m_run->runner()->simulation();
  const EventNames& known = m_model->names();
  const std::size_t before = known.componentIds().size();
  if (sim.componentCount() == before && sim.network().linkCount() == known.linkIds().size()) return;
  m_model->setNames(EventNames::fromSimulation(sim));
  const std::vector<std::string>& ids = m_model->names().componentIds();
  for (std::size_t i = before; i < ids.size(); ++i) {
    const QString name = QString::fromStdString(ids[i]);
    m_component->addItem(name, name);
  }
}

void EventLogPanel::syncScenario() {
  m_model->setNames(EventNames::fromSimulation(m_run->runner()->simulation()));
  m_component->clear();
  m_component->addItem(tr("All components"), QString());
  for (const std::string& id : m_model->names().componentIds()) {
    const QString name = QString::fromStdString(id);
    m_component->addItem(name, name);
  }
  m_component->setCurrentIndex(
      std::max(m_component->findData(QString::fromStdString(m_wanted)), 0));

  // Columns wide enough for their longest likely text, measured once per scenario; the
  // padding is the cell margins plus a little air.
  constexpr int kPadding = 12;
  const QFontMetrics fm = m_view->fontMetrics();
  const auto widest = [&](const std::vector<std::string>& ids, const QString& floor) {
    int w = fm.horizontalAdvance(floor);
    for (const std::string& id : ids)
      w = std::max(w, fm.horizontalAdvance(QString::fromStdString(id)));
    return std::min(w, fm.horizontalAdvance(QLatin1Char('x')) * 24) + kPadding;
  };
  // Times to the nanosecond up to 99,999 s; every message kind's name ("append_entries_reply").
  m_view->setColumnWidth(EventLogModel::Time,
                         fm.horizontalAdvance(QStringLiteral("00000.000000000")) + kPadding);
  m_view->setColumnWidth(EventLogModel::Event,
                         fm.horizontalAdvance(QStringLiteral("drop (target down)")) + kPadding);
  int kindWidth = fm.horizontalAdvance(tr("Message"));
  for (int k = 0; k < 256; ++k) {
    const std::string_view name = messageKindName(static_cast<MessageKind>(k));
    if (!name.empty() && name != "unknown") {
      kindWidth = std::max(kindWidth, fm.horizontalAdvance(QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()))));
    }
  }
  m_view->setColumnWidth(EventLogModel::Kind, kindWidth + kPadding);
  m_view->setColumnWidth(EventLogModel::Component,
                         widest(m_model->names().componentIds(), tr("Component")));
  m_view->setColumnWidth(EventLogModel::Peer, widest(m_model->names().componentIds(), tr("Peer")));
  m_view->setColumnWidth(EventLogModel::Link, widest(m_model->names().linkIds(), tr("Link")));
  // Component ids may have moved: the same choice means another ComponentId now.
  m_model->setFilter(currentFilter());
}

EventLogFilter EventLogPanel::currentFilter() const {
  EventLogFilter filter;
  const std::vector<std::string>& ids = m_model->names().componentIds();
  const std::string selected = componentFilter();
  const auto it = std::find(ids.begin(), ids.end(), selected);
  filter.component = it == ids.end() ? kNoComponent : static_cast<ComponentId>(it - ids.begin());
  filter.types = 0;
  filter.categories = 0;
  for (std::size_t i = 0; i < m_typeActions.size(); ++i) {
    if (m_typeActions[i]->isChecked()) filter.types |= kTypeBits[i];
  }
  for (std::size_t i = 0; i < m_categoryActions.size(); ++i) {
    if (m_categoryActions[i]->isChecked()) filter.categories |= kCategoryBits[i];
  }
  return filter;
}

void EventLogPanel::applyFilter() {
  m_model->setFilter(currentFilter());
  m_updating = true;
  if (m_run && m_run->isLoaded()) {
    m_model->refill(m_run->recorder());
    m_seen = m_run->recorder().logTotal();
  } else {
    m_model->clear();
  }
  m_updating = false;
  // Another filter is another log: read it from its newest end.
  m_pinned = true;
  if (follow()) m_view->scrollToBottom();
  updateStatus();
}

void EventLogPanel::setComponentFilter(const std::string& id) {
  m_wanted = id;
  const int index = m_component->findData(QString::fromStdString(id));
  m_component->setCurrentIndex(std::max(index, 0));
  applyFilter();
}

std::string EventLogPanel::componentFilter() const {
  return m_component->currentData().toString().toStdString();
}

void EventLogPanel::setFollow(bool on) {
  m_follow->setChecked(on);
}

bool EventLogPanel::follow() const {
  return m_follow->isChecked();
}

void EventLogPanel::setCapacity(std::size_t rows) {
  m_model->setCapacity(rows);
  updateStatus();
}

void EventLogPanel::onClicked(int row, int column) {
  if (column == EventLogModel::Request) {
    if (const std::uint64_t request = m_model->requestAt(row); request != 0) {
      emit requestActivated(request);
      return;
    }
  }
  const std::string component = m_model->componentAt(row, column);
  if (!component.empty()) {
    emit componentActivated(component);
    return;
  }
  const std::string link = m_model->linkAt(row);
  if (!link.empty()) emit linkActivated(link);
}

void EventLogPanel::updateStatus() {
  const QString count = QLocale().toString(m_model->rowCount());
  QString text =
      m_model->dropped() ? tr("newest %1 events").arg(count) : tr("%1 events").arg(count);
  if (follow() && !m_pinned) text += tr(" · following paused");
  m_status->setText(text);
  const auto checked = [](const QAction* a) { return a->isChecked(); };
  const bool everything = std::all_of(m_typeActions.begin(), m_typeActions.end(), checked) &&
                          std::all_of(m_categoryActions.begin(), m_categoryActions.end(), checked);
  m_show->setText(everything ? tr("Show") : tr("Show (filtered)"));
}

}  // namespace pillars
