#include "widgets/review/compare_runs_dialog.hpp"

#include <QBrush>
#include <QColor>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include "engine/review/run_comparison.hpp"

namespace pillars {
namespace {

/// Counts as integers, latencies to the microsecond, availability to a thousandth of a percent.
QString format(const review::MetricComparison& m, double value) {
  if (m.unit.empty()) return QString::number(static_cast<qlonglong>(std::llround(value)));
  if (m.unit == "%") return QString::number(value, 'f', 3) + QStringLiteral(" %");
  if (m.unit == "ms") return QString::number(value, 'f', 3) + QStringLiteral(" ms");
  return QString::number(value, 'f', 1) + QLatin1Char(' ') + QString::fromStdString(m.unit);
}

QString change(const review::MetricComparison& m) {
  const double delta = m.after - m.before;
  QString text = (delta > 0 ? QStringLiteral("+") : QString()) + format(m, delta);
  // A relative change reads better than an absolute one for latencies and throughput.
  // (A change under 0.05 % would read "-0.0 %", so it is left out.)
  const double percent = m.before != 0 ? 100.0 * delta / m.before : 0.0;
  if (m.unit != "%" && std::abs(percent) >= 0.05) {
    text += QStringLiteral(" (%1%2 %)").arg(delta > 0 ? QStringLiteral("+") : QString()).arg(percent, 0, 'f', 1);
  }
  return text;
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter) {
  auto* item = new QTableWidgetItem(text);
  item->setTextAlignment(align);
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  return item;
}

}  // namespace

CompareRunsDialog::CompareRunsDialog(const StoredRun& previous, const StoredRun& last, QWidget* parent)
    : QDialog(parent), m_design(new QLabel(this)), m_table(new QTableWidget(this)) {
  setWindowTitle(tr("Compare Runs"));
  setObjectName(QStringLiteral("CompareRunsDialog"));
  auto* layout = new QVBoxLayout(this);
  m_design->setObjectName(QStringLiteral("DesignChange"));
  m_design->setWordWrap(true);
  layout->addWidget(m_design);
  m_table->setObjectName(QStringLiteral("RunComparison"));
  m_table->setColumnCount(4);
  m_table->setHorizontalHeaderLabels({tr("Metric"), tr("Previous run"), tr("Last run"), tr("Change")});
  m_table->verticalHeader()->hide();
  // A read-only report: no cell looks picked when the dialog opens.
  m_table->setSelectionMode(QAbstractItemView::NoSelection);
  m_table->setFocusPolicy(Qt::NoFocus);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  layout->addWidget(m_table, 1);

  std::string error;
  const auto comparison = review::compareRuns(previous, last, &error);
  if (!comparison) {
    m_design->setText(tr("The runs cannot be compared: %1").arg(QString::fromStdString(error)));
  } else {
    m_design->setText(tr("<b>Design:</b> %1").arg(QString::fromStdString(review::describeDesignChange(*comparison)).toHtmlEscaped()));
    m_table->setRowCount(static_cast<int>(comparison->metrics.size()));
    int row = 0;
    for (const auto& m : comparison->metrics) {
      m_table->setItem(row, 0, cell(QString::fromStdString(m.name), Qt::AlignLeft | Qt::AlignVCenter));
      m_table->setItem(row, 1, cell(format(m, m.before)));
      m_table->setItem(row, 2, cell(format(m, m.after)));
      QTableWidgetItem* delta = cell(m.verdict == 0 ? tr("same") : change(m));
      // Green where the last run is better, red where it is worse, whichever way is "better".
      if (m.verdict != 0) delta->setForeground(QBrush(QColor(m.verdict > 0 ? 0x2e7d32u : 0xc62828u)));
      m_table->setItem(row, 3, delta);
      ++row;
    }
  }
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  resize(720, 360);
}

QString CompareRunsDialog::designChange() const { return m_design->text(); }

}  // namespace pillars
