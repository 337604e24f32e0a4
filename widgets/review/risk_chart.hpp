#pragma once

#include <QChartView>

#include "engine/review/risk.hpp"

QT_BEGIN_NAMESPACE
class QBarSet;
class QBarCategoryAxis;
class QValueAxis;
QT_END_NAMESPACE

namespace pillars {

/// High and medium risks per pillar as grouped bars (Qt Charts), as the Well-Architected Tool
/// shows them.
class RiskChart final : public QChartView {
  Q_OBJECT

 public:
  explicit RiskChart(QWidget* parent = nullptr);
  void setReport(const review::RiskReport& report);

  /// The plotted values, for tests: high and medium per pillar, in pillar order.
  QList<qreal> highCounts() const;
  QList<qreal> mediumCounts() const;

 private:
  QBarSet* m_high;
  QBarSet* m_medium;
  QBarCategoryAxis* m_pillars;
  QValueAxis* m_counts;
};

}  // namespace pillars
