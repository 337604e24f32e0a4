#include "widgets/pillars/state/cap_dialog.hpp"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <thread>
#include <variant>

#include "engine/model/component_kind.hpp"
#include "engine/pillars/state/cap_experiment.hpp"

namespace pillars {

namespace {

QString percent(double fraction) { return QStringLiteral("%1%").arg(100.0 * fraction, 0, 'f', 2); }

QString staleText(const CapSide& s) {
  return QObject::tr("%1 of %2 (%3)").arg(s.staleReads).arg(s.reads).arg(percent(s.staleFraction()));
}

}  // namespace

CapDialog::CapDialog(const Scenario& scenario, const std::string& storeId, QWidget* parent)
    : QDialog(parent),
      m_status(new QLabel(this)),
      m_busy(new QProgressBar(this)),
      m_table(new QTableWidget(this)) {
  setWindowTitle(tr("CAP Experiment"));
  setObjectName(QStringLiteral("CapDialog"));
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(tr("The design runs twice on the same seed and the same partition: once with the replica set "
                              "configured for consistency (CP), once for availability (AP). During the partition one of "
                              "the two must give: requests refused, or reads that return an old version."),
                           this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  m_status->setWordWrap(true);
  m_status->setText(tr("Running the design as CP, then as AP\u2026"));
  layout->addWidget(m_status);
  m_busy->setRange(0, 0);  // busy: the runs report no progress of their own
  layout->addWidget(m_busy);
  m_table->setColumnCount(2);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->setVisible(false);
  layout->addWidget(m_table);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  resize(780, 340);

  // The worker owns a copy of the design; its result comes back through the event loop, and
  // only if the dialog is still open.
  QPointer<CapDialog> self(this);
  std::thread([self, scenario, storeId] {
    auto result = runCapExperiment(scenario, builtinRegistry(), storeId);
    QMetaObject::invokeMethod(
        qApp,
        [self, result = std::move(result)] {
          if (!self) return;
          if (const auto* error = std::get_if<std::string>(&result)) {
            self->showError(QString::fromStdString(*error));
          } else {
            self->showExperiment(std::get<CapExperiment>(result));
          }
        },
        Qt::QueuedConnection);
  }).detach();
}

void CapDialog::showExperiment(const CapExperiment& e) {
  QStringList members;
  for (const std::string& m : e.members) members << QString::fromStdString(m);
  m_status->setText(tr("Replica set %1 (%2). Partition: %3%4.")
                        .arg(members.join(QStringLiteral(", ")), QString::fromStdString(e.mode),
                             QString::fromStdString(e.partition),
                             e.addedPartition ? tr(" (added: the design has none)") : QString()));
  m_table->setHorizontalHeaderLabels({QString::fromStdString(e.cp.label), QString::fromStdString(e.ap.label)});
  struct Row {
    QString name, cp, ap;
  };
  std::vector<Row> rows = {
      {tr("Availability"), percent(e.cp.availability()), percent(e.ap.availability())},
      {tr("Refused or timed out"), QString::number(e.cp.refused), QString::number(e.ap.refused)},
      {tr("Refusals inside the set"), QString::number(e.cp.unavailable), QString::number(e.ap.unavailable)},
      {tr("Stale reads"), staleText(e.cp), staleText(e.ap)},
      {tr("Lost writes"), QString::number(e.cp.lostWrites), QString::number(e.ap.lostWrites)},
  };
  if (e.mode == "leaderless") {
    rows.push_back({tr("Converged at the end"), e.cp.converged ? tr("yes") : tr("no"), e.ap.converged ? tr("yes") : tr("no")});
  }
  m_table->setRowCount(static_cast<int>(rows.size()));
  QStringList names;
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    names << rows[static_cast<std::size_t>(r)].name;
    m_table->setItem(r, 0, new QTableWidgetItem(rows[static_cast<std::size_t>(r)].cp));
    m_table->setItem(r, 1, new QTableWidgetItem(rows[static_cast<std::size_t>(r)].ap));
  }
  m_table->setVerticalHeaderLabels(names);
  m_table->setVisible(true);
  m_busy->setVisible(false);
  m_finished = true;
  emit experimentFinished();
}

void CapDialog::showError(const QString& error) {
  m_status->setText(tr("No experiment: %1.").arg(error));
  m_busy->setVisible(false);
  m_finished = true;
  emit experimentFinished();
}

QString CapDialog::partitionText() const { return m_finished ? m_status->text() : QString(); }

QString CapDialog::cell(int row, int column) const {
  const QTableWidgetItem* item = m_table->item(row, column);
  return item ? item->text() : QString();
}

int CapDialog::rowCount() const { return m_table->rowCount(); }

}  // namespace pillars
