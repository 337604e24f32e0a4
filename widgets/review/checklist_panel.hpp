#pragma once

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QProgressBar;
class QVBoxLayout;

namespace pillars {

class ReviewSession;
class QuestionRow;
class RiskChart;

/// The Review dock: a chooser of the loaded checklists (when there are several: the bundled
/// one and the user's lenses), the problem with the user's checklist files if any, then the
/// chosen checklist's sections and questions (QuestionRow each), the progress (answered of
/// all), the high and medium risks per pillar as figures and as a bar chart. Follows the
/// session, which follows the document; rebuilt when the checklist or the data changes.
class ChecklistPanel final : public QWidget {
  Q_OBJECT

 public:
  explicit ChecklistPanel(ReviewSession& session, QWidget* parent = nullptr);

  const std::vector<QuestionRow*>& rows() const { return m_rows; }
  RiskChart& chart() { return *m_chart; }
  /// "Answered 3 of 15 · 1 high, 2 medium": the line above the chart.
  QString summaryText() const;
  /// The checklist chooser; hidden while only one checklist is loaded.
  QComboBox& chooser() { return *m_chooser; }
  /// The located errors of the user's checklist files as shown, or empty when hidden.
  QString userErrorText() const;

 private:
  /// Rebuilds the chooser and the questions from the session's data and chosen checklist.
  void rebuild();
  void refresh();

  ReviewSession& m_session;
  QComboBox* m_chooser;
  QLabel* m_chooserLabel = nullptr;
  QLabel* m_userError;
  /// Holds the chosen checklist's widgets; replaced whole by rebuild().
  QWidget* m_content = nullptr;
  QVBoxLayout* m_layout;
  std::vector<QuestionRow*> m_rows;
  QProgressBar* m_progress = nullptr;
  QLabel* m_summary = nullptr;
  QLabel* m_counts = nullptr;
  RiskChart* m_chart = nullptr;
};

}  // namespace pillars
