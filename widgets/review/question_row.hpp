#pragma once

#include <QWidget>

#include "engine/review/review_data.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace pillars {

class ReviewSession;

/// One checklist question: its text and risk badge, the choice, "not applicable" with a
/// reason, a note, and beside them the evidence with a "Use suggestion" button. An answer
/// accepted from a suggestion follows the evidence, and says so when the evidence behind it
/// has changed since (Accept Again takes it as it is now). Edits go to the document as undoable
/// answers; refresh() shows what the session holds now.
class QuestionRow final : public QWidget {
  Q_OBJECT

 public:
  QuestionRow(ReviewSession& session, const review::Question& question, QWidget* parent = nullptr);
  /// Shows the document's answer, its risk and the current evidence.
  void refresh();
  const review::Question& question() const { return m_question; }

 private:
  /// Sends what the controls show to the document as one answer.
  void commit();
  void useSuggestion();

  ReviewSession& m_session;
  const review::Question& m_question;
  QLabel* m_risk;
  QComboBox* m_choice;
  QCheckBox* m_notApplicable;
  QLineEdit* m_reason;
  QLineEdit* m_note;
  QLabel* m_evidence;
  QLabel* m_changed;  // an accepted suggestion whose evidence changed since
  QPushButton* m_suggest;
};

}  // namespace pillars
