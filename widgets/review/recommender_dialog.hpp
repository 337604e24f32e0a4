#pragma once

#include <QDialog>

namespace pillars {

class ReviewSession;
class TreeWalkPanel;
class FactsPanel;

/// Review › Recommend Patterns…: the seed's decision tree walked interactively on the left,
/// the facts form and its ranked patterns on the right.
class RecommenderDialog final : public QDialog {
  Q_OBJECT

 public:
  explicit RecommenderDialog(ReviewSession& session, QWidget* parent = nullptr);

  /// Null when the review data has no decision tree (then the dialog says so).
  TreeWalkPanel* treeWalk() { return m_tree; }
  FactsPanel& facts() { return *m_facts; }

 private:
  TreeWalkPanel* m_tree = nullptr;
  FactsPanel* m_facts;
};

}  // namespace pillars
