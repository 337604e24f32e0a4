#pragma once

#include <QDialog>

class QComboBox;
class QTableWidget;
class QLabel;

namespace pillars {

class ReviewSession;

/// Review › Compare Milestones…: two milestones (or the current answers) side by side, the high
/// and medium risks of each pillar in both and the questions whose risk moved.
class MilestonesDialog final : public QDialog {
  Q_OBJECT

 public:
  explicit MilestonesDialog(ReviewSession& session, QWidget* parent = nullptr);
  /// Picks what is compared: indexes into the milestones, the last entry being "Current answers".
  void compare(int earlier, int later);
  QTableWidget& table() { return *m_table; }

 private:
  void refresh();

  ReviewSession& m_session;
  QComboBox* m_earlier;
  QComboBox* m_later;
  QTableWidget* m_table;
  QLabel* m_changes;
};

}  // namespace pillars
