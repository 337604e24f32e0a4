#include "widgets/window/fault_timeline_panel.hpp"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

#include "engine/model/component_kind.hpp"
#include "engine/util/units.hpp"
#include "widgets/common/duration_text.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/live/live_run.hpp"

namespace pillars {

namespace {

// Every action; a kind's own ones (timeout, failover, scale...) list only the kinds that take them.
constexpr FaultAction kActions[] = {FaultAction::Crash,    FaultAction::Restart,  FaultAction::Slow,
                                    FaultAction::Cut,      FaultAction::Heal,     FaultAction::Delay,
                                    FaultAction::Loss,     FaultAction::Timeout,  FaultAction::Failover,
                                    FaultAction::AddShard, FaultAction::RemoveShard, FaultAction::Rollout,
                                    FaultAction::Rollback, FaultAction::Scale};

QString actionName(FaultAction a) { return QString::fromStdString(std::string(faultActionName(a))); }

QString durationText(SimTime t) { return readableDuration(t); }

/// Ids a fault of `action` may name: links, or components and groups.
QStringList targetsFor(const Scenario& s, FaultAction action) {
  QStringList out;
  if (faultTargetsLink(action)) {
    for (const LinkSpec& l : s.links) out << QString::fromStdString(l.id);
  } else {
    for (const ComponentSpec& c : s.components) {
      // A kind's own action (Raft's timeout) is offered on the kinds that have it.
      if (!kindTraits(c.kind).acceptsFault(action)) continue;
      out << QString::fromStdString(c.id);
    }
    for (const GroupSpec& g : s.groups) out << QString::fromStdString(g.id);
  }
  return out;
}

QString defaultValue(FaultAction action) {
  switch (action) {
    case FaultAction::Slow: return QStringLiteral("4");
    case FaultAction::Delay: return QStringLiteral("100ms");
    case FaultAction::Loss: return QStringLiteral("10%");
    case FaultAction::Scale: return QStringLiteral("4");
    default: return {};
  }
}

}  // namespace

QString FaultTimelinePanel::valueText(const FaultSpec& fault) {
  switch (fault.action) {
    case FaultAction::Slow: return QStringLiteral("\u00d7%1").arg(fault.value);
    case FaultAction::Delay: return QStringLiteral("+%1").arg(durationText(fault.latency));
    case FaultAction::Loss: return QStringLiteral("%1%").arg(fault.value * 100);
    case FaultAction::Scale: return QStringLiteral("%1").arg(fault.value);
    default: return {};
  }
}

QString FaultTimelinePanel::parseValue(const QString& raw, FaultSpec& fault) {
  // Accepts what valueText writes, and the bare forms people type ("4", "100ms", "20").
  QString text = raw.trimmed();
  bool ok = false;
  switch (fault.action) {
    case FaultAction::Slow: {
      if (text.startsWith(QChar(u'\u00d7')) || text.startsWith(QLatin1Char('x'))) text = text.mid(1);
      const double v = text.toDouble(&ok);
      if (!ok || !(v >= 1.0)) return tr("A slowdown factor is a number >= 1, like 4.");
      fault.value = v;
      return {};
    }
    case FaultAction::Delay: {
      if (text.startsWith(QLatin1Char('+'))) text = text.mid(1);
      const auto d = parseDuration(text.toStdString());
      if (!d) return tr("Added latency is a duration, like 100ms or 1s.");
      fault.latency = *d;
      return {};
    }
    case FaultAction::Loss: {
      if (text.endsWith(QLatin1Char('%'))) text.chop(1);
      const double percent = text.toDouble(&ok);
      if (!ok || !(percent >= 0.0 && percent <= 100.0)) return tr("Loss is a percentage from 0 to 100.");
      fault.value = percent / 100.0;
      return {};
    }
    case FaultAction::Scale: {
      const int count = text.toInt(&ok);
      if (!ok || count < 1 || count > kMaxReplicas) return tr("A scale is a whole number of instances from 1 to %1.").arg(kMaxReplicas);
      fault.value = count;
      return {};
    }
    default:
      if (!text.isEmpty()) return tr("A %1 fault has no value.").arg(actionName(fault.action));
      return {};
  }
}

FaultTimelinePanel::FaultTimelinePanel(TopologyDocument& document, QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_model(new QStandardItemModel(0, kColumns, this)),
      m_table(new QTableView(this)),
      m_add(new QPushButton(tr("&Add\u2026"), this)),
      m_remove(new QPushButton(tr("&Remove"), this)) {
  m_table->setObjectName(QStringLiteral("FaultTable"));
  m_model->setHorizontalHeaderLabels({tr("Time"), tr("Action"), tr("Target"), tr("Value")});
  m_table->setModel(m_model);
  m_table->horizontalHeader()->setStretchLastSection(true);
  // Every cell whole: time, action and target as wide as their longest text.
  for (const int column : {kTime, kAction, kTarget}) {
    m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
  }
  m_table->verticalHeader()->hide();
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::AnyKeyPressed);
  // Delete while the table has focus: removal is one undo step whatever the selection.
  auto* del = new QAction(tr("Remove Fault"), m_table);
  del->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
  del->setShortcutContext(Qt::WidgetShortcut);
  m_table->addAction(del);
  connect(del, &QAction::triggered, this, &FaultTimelinePanel::removeSelected);

  m_add->setObjectName(QStringLiteral("AddFaultButton"));
  m_remove->setToolTip(tr("Remove the selected faults (Delete)"));
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(m_add);
  buttons->addWidget(m_remove);
  buttons->addStretch();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_table);
  layout->addLayout(buttons);

  connect(m_add, &QPushButton::clicked, this, &FaultTimelinePanel::addWithDialog);
  connect(m_remove, &QPushButton::clicked, this, &FaultTimelinePanel::removeSelected);
  connect(m_model, &QStandardItemModel::itemChanged, this, &FaultTimelinePanel::onItemChanged);
  connect(&m_document, &TopologyDocument::restructured, this, &FaultTimelinePanel::refresh);
  connect(&m_document, &TopologyDocument::reset, this, &FaultTimelinePanel::refresh);
  refresh();
}

void FaultTimelinePanel::setLiveRun(LiveRun* run) {
  if (m_run) disconnect(m_run, nullptr, this, nullptr);
  m_run = run;
  if (m_run) connect(m_run, &LiveRun::advanced, this, &FaultTimelinePanel::shadePast);
  shadePast();
}

void FaultTimelinePanel::refresh() {
  m_filling = true;
  // The document keeps faults sorted by time, so row i is fault i.
  const std::vector<FaultSpec>& faults = m_document.scenario().faults;
  m_model->setRowCount(static_cast<int>(faults.size()));
  for (std::size_t i = 0; i < faults.size(); ++i) {
    const FaultSpec& f = faults[i];
    const int row = static_cast<int>(i);
    const QString cells[kColumns] = {durationText(f.at), actionName(f.action), QString::fromStdString(f.target),
                                     valueText(f)};
    for (int c = 0; c < kColumns; ++c) {
      auto* item = new QStandardItem(cells[c]);
      const bool editable = c == kTime || (c == kValue && !faultValueField(f.action).empty());
      if (!editable) item->setFlags(item->flags() & ~Qt::ItemIsEditable);
      m_model->setItem(row, c, item);
    }
  }
  m_filling = false;
  shadePast();
}

void FaultTimelinePanel::shadePast() {
  const bool live = m_run && m_run->isLoaded();
  const SimTime now = live ? m_run->now() : 0;
  const std::vector<FaultSpec>& faults = m_document.scenario().faults;
  m_filling = true;
  for (int row = 0; row < m_model->rowCount() && static_cast<std::size_t>(row) < faults.size(); ++row) {
    const bool past = live && faults[static_cast<std::size_t>(row)].at <= now;
    for (int c = 0; c < kColumns; ++c) {
      QStandardItem* item = m_model->item(row, c);
      if (!item || item->data(kRefusedRole).toBool()) continue;  // keep the red of a refusal
      item->setBackground(past ? palette().alternateBase() : QBrush());
      item->setData(past, Qt::UserRole);  // "has happened", for tests and tooltips
    }
  }
  m_filling = false;
}

void FaultTimelinePanel::removeSelected() {
  std::set<std::size_t> rows;
  for (const QModelIndex& index : m_table->selectionModel()->selectedIndexes()) {
    rows.insert(static_cast<std::size_t>(index.row()));
  }
  m_document.removeFaults(std::vector<std::size_t>(rows.begin(), rows.end()));
}

void FaultTimelinePanel::onItemChanged(QStandardItem* item) {
  if (m_filling) return;
  const QString why = editCell(item->row(), item->column(), item->text());
  if (!why.isEmpty()) markRefused(item, why);
}

QString FaultTimelinePanel::editCell(int row, int column, const QString& text) {
  const std::vector<FaultSpec>& faults = m_document.scenario().faults;
  if (row < 0 || static_cast<std::size_t>(row) >= faults.size()) return tr("There is no such fault.");
  FaultSpec f = faults[static_cast<std::size_t>(row)];
  QString why;
  if (column == kTime) {
    const auto at = parseDuration(text.trimmed().toStdString());
    if (at) {
      f.at = *at;
    } else {
      why = tr("A time is a duration from the start, like 60s or 2m.");
    }
  } else if (column == kValue) {
    why = parseValue(text, f);
  } else {
    why = tr("Only the time and the value can be edited here.");
  }
  if (why.isEmpty()) why = m_document.setFault(static_cast<std::size_t>(row), f);
  if (!why.isEmpty() && m_model->item(row, column)) markRefused(m_model->item(row, column), why);
  return why;
}

void FaultTimelinePanel::markRefused(QStandardItem* item, const QString& why) {
  m_filling = true;  // colouring the cell is not another edit
  item->setData(true, kRefusedRole);
  item->setBackground(QColor(255, 190, 190));
  item->setToolTip(why);
  m_filling = false;
}

void FaultTimelinePanel::addWithDialog() {
  const Scenario& s = m_document.scenario();
  QDialog dialog(this);
  dialog.setWindowTitle(tr("Add Fault"));
  auto* action = new QComboBox(&dialog);
  for (const FaultAction a : kActions) action->addItem(actionName(a), static_cast<int>(a));
  auto* target = new QComboBox(&dialog);
  auto* time = new QLineEdit(durationText(m_run && m_run->isLoaded() ? m_run->now() : 0), &dialog);
  auto* value = new QLineEdit(&dialog);
  auto* error = new QLabel(&dialog);
  error->setStyleSheet(QStringLiteral("color: #b00020"));
  auto* form = new QFormLayout(&dialog);
  form->addRow(tr("Action:"), action);
  form->addRow(tr("Target:"), target);
  form->addRow(tr("At:"), time);
  form->addRow(tr("Value:"), value);
  form->addRow(error);
  auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  form->addRow(box);
  const auto current = [action] { return static_cast<FaultAction>(action->currentData().toInt()); };
  // Only ids the action can name are offered; the value field follows the action.
  const auto follow = [&, target, value] {
    target->clear();
    target->addItems(targetsFor(s, current()));
    value->setText(defaultValue(current()));
    value->setEnabled(!faultValueField(current()).empty());
  };
  connect(action, &QComboBox::currentIndexChanged, &dialog, follow);
  follow();
  connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  connect(box, &QDialogButtonBox::accepted, &dialog, [&] {
    FaultSpec f;
    f.action = current();
    f.target = target->currentText().toStdString();
    const auto at = parseDuration(time->text().trimmed().toStdString());
    QString why = at ? parseValue(value->isEnabled() ? value->text() : QString(), f)
                     : tr("A time is a duration from the start, like 60s or 2m.");
    if (at) f.at = *at;
    if (why.isEmpty()) why = m_document.checkFault(f);
    if (!why.isEmpty()) {
      error->setText(why);
      return;
    }
    m_document.addFault(f);
    dialog.accept();
  });
  dialog.exec();
}

}  // namespace pillars
