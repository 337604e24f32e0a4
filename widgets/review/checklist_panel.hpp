#pragma once

#include <QWidget>
#include <vector>

class QLabel;
class QProgressBar;

namespace pillars {

class ReviewSession;
class QuestionRow;
class RiskChart;

/// The Review dock: the checklist's sections and questions (QuestionRow each), the progress
/// (answered of all), the high and medium risks per pillar as figures and as a bar chart.
/// Follows the session, which follows the document.
class ChecklistPanel final : public QWidget {
  Q_OBJECT

 public:
  explicit ChecklistPanel(ReviewSession& session, QWidget* parent = nullptr);

  const std::vector<QuestionRow*>& rows() const { return m_rows; }
  RiskChart& chart() { return *m_chart; }
  /// "Answered 3 of 15 · 1 high, 2 medium": the line above the chart.
  QString summaryText() const;

 private:
  void refresh();

  ReviewSession& m_session;
  std::vector<QuestionRow*> m_rows;
  QProgressBar* m_progress;
  QLabel* m_summary;
  QLabel* m_counts;
  RiskChart* m_chart;
};

}  // namespace pillars
