#pragma once

#include <QWidget>
#include <map>
#include <string>
#include <vector>

#include "engine/review/recommender.hpp"

class QLabel;
class QLineEdit;
class QTextBrowser;

namespace pillars {

class ReviewSession;

/// The recommender's facts form, prefilled from the design and its last run, and the patterns
/// the seed's rules rank for them: each with the rule that fired and any "don't use" warning.
/// Every edit recommends again, and what the reviewer typed is kept in the document (one undo
/// step, saved in the project), so the next dialog and the report use the same facts.
class FactsPanel final : public QWidget {
  Q_OBJECT

 public:
  explicit FactsPanel(ReviewSession& session, QWidget* parent = nullptr);

  /// Types `text` into a fact's field ("" makes it unknown) and recommends again; false when
  /// there is no fact of that name.
  bool setFactText(const std::string& name, const QString& text);
  const std::vector<review::RecommendedPattern>& recommendations() const { return m_recommendations; }
  /// Applies recommendation `index`'s hint to the design as one undo step ("Apply Replication
  /// (add replica of db)") and recommends again; returns the status message it also shows
  /// and announces with applied(), which names any single point of failure the edit added
  /// (the balancer Apply Replication puts in front of the replicas). What the click on a
  /// pattern's "Apply" link does.
  QString applyRecommendation(std::size_t index);
  /// The problems of the fields that could not be read, one line each (empty when none).
  QString problems() const;

 signals:
  /// A pattern was applied, or could not be: the message says which (for the status bar).
  void applied(const QString& message);

 private:
  void recommendAgain();
  /// Keeps the fields that differ from what the design tells in the document.
  void keepTypedFacts();

  ReviewSession& m_session;
  std::map<std::string, QLineEdit*> m_fields;
  QLabel* m_sources;
  QLabel* m_problems;
  QLabel* m_applyStatus;
  QTextBrowser* m_results;
  std::vector<review::RecommendedPattern> m_recommendations;
};

}  // namespace pillars
