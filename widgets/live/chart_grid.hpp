#pragma once

#include <QWidget>
#include <vector>

class QGridLayout;

namespace pillars {

/// Lays its charts out in as many columns as fit (each at least kMinChartWidth wide, at most
/// four), reflowing as it is resized: side by side in a wide, low dock at the bottom of the
/// window, stacked in a tall, narrow one. Each row is at least kMinChartHeight high, so a small
/// dock scrolls (in the scroll area around it) rather than squashing charts into strips.
class ChartGrid final : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kMinChartWidth = 260;
  static constexpr int kMinChartHeight = 170;

  explicit ChartGrid(QWidget* parent = nullptr);
  void addChart(QWidget* chart);
  int columns() const { return m_columns; }

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void reflow(int width);

  QGridLayout* m_grid;
  std::vector<QWidget*> m_charts;
  int m_columns = 0;
};

}  // namespace pillars
