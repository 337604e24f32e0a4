#include "widgets/review/risk_chart.hpp"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QValueAxis>
#include <algorithm>

#include "widgets/live/chart_style.hpp"

namespace pillars {

RiskChart::RiskChart(QWidget* parent)
    : QChartView(new QChart, parent),
      m_high(new QBarSet(tr("High risk"))),
      m_medium(new QBarSet(tr("Medium risk"))),
      m_pillars(new QBarCategoryAxis),
      m_counts(new QValueAxis) {
  setRenderHint(QPainter::Antialiasing);
  QChart* c = chart();
  styleChart(*c, palette());
  auto* series = new QBarSeries;
  series->append(m_high);
  series->append(m_medium);
  // The Well-Architected Tool's colours: red for high, amber for medium.
  m_high->setColor(QColor(0xd3, 0x2f, 0x2f));
  m_medium->setColor(QColor(0xf5, 0x7c, 0x00));
  c->addSeries(series);
  c->addAxis(m_pillars, Qt::AlignBottom);
  c->addAxis(m_counts, Qt::AlignLeft);
  series->attachAxis(m_pillars);
  series->attachAxis(m_counts);
  styleAxis(*m_counts, palette());
  m_counts->setLabelFormat(QStringLiteral("%d"));
  // styleChart hides the legend for the narrow live charts; two series need their key here.
  c->legend()->setVisible(true);
  c->legend()->setAlignment(Qt::AlignTop);
  c->setTitle(tr("Risks per pillar"));
  setMinimumHeight(200);
}

void RiskChart::setReport(const review::RiskReport& report) {
  m_high->remove(0, m_high->count());
  m_medium->remove(0, m_medium->count());
  QStringList names;
  int most = 0;
  for (const auto& p : report.pillars) {
    if (p.questions == 0) continue;
    QString name = QString::fromStdString(p.pillar);
    if (!name.isEmpty()) name[0] = name[0].toUpper();
    names.append(name);
    m_high->append(p.high);
    m_medium->append(p.medium);
    most = std::max({most, p.high, p.medium});
  }
  m_pillars->clear();
  m_pillars->append(names);
  // Whole numbers on the axis: one tick per risk up to 3, never fewer than 3 rows of grid.
  const int top = std::max(3, most);
  m_counts->setRange(0, top);
  m_counts->setTickCount(top + 1);
}

QList<qreal> RiskChart::highCounts() const {
  QList<qreal> out;
  for (int i = 0; i < m_high->count(); ++i) out.append(m_high->at(i));
  return out;
}

QList<qreal> RiskChart::mediumCounts() const {
  QList<qreal> out;
  for (int i = 0; i < m_medium->count(); ++i) out.append(m_medium->at(i));
  return out;
}

}  // namespace pillars
