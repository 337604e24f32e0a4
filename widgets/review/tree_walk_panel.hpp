#pragma once

#include <QWidget>
#include <memory>

#include "engine/review/tree_walker.hpp"

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace pillars {

class SvgPicture;

/// The seed's decision tree, walked one answer at a time: Graphviz draws the tree with the path
/// taken highlighted; below it the current question with one button per answer, Back and
/// Start Over; at a result, the pillar and the patterns the seed names.
class TreeWalkPanel final : public QWidget {
  Q_OBJECT

 public:
  TreeWalkPanel(const review::DecisionTree& tree, QWidget* parent = nullptr);

  const review::TreeWalker& walker() const { return *m_walker; }
  /// Gives an answer by its label ("Performance"), or continues past a result for "Continue";
  /// false when the current node has no such answer.
  bool choose(const QString& label);
  bool back();
  /// The DOT last given to Graphviz, and whether Graphviz drew it.
  const std::string& dot() const { return m_dot; }
  bool drawn() const { return m_drawn; }
  /// What the panel says about the current node ("Result: State pillar — Caching, Sharding").
  QString statusText() const;

 private:
  void refresh();

  const review::DecisionTree& m_tree;
  std::unique_ptr<review::TreeWalker> m_walker;
  std::string m_dot;
  bool m_drawn = false;
  SvgPicture* m_picture;
  QLabel* m_status;
  QHBoxLayout* m_answers;
  QPushButton* m_back;
};

}  // namespace pillars
