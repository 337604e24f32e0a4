#include "widgets/review/recommender_dialog.hpp"

#include <QDialogButtonBox>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include "widgets/review/facts_panel.hpp"
#include "widgets/review/review_session.hpp"
#include "widgets/review/tree_walk_panel.hpp"

namespace pillars {

RecommenderDialog::RecommenderDialog(ReviewSession& session, QWidget* parent)
    : QDialog(parent), m_facts(new FactsPanel(session)) {
  setWindowTitle(tr("Recommend Patterns"));
  setObjectName(QStringLiteral("RecommenderDialog"));
  auto* split = new QSplitter(Qt::Horizontal, this);
  const review::ReviewLibrary* library = session.library();
  if (library && !library->trees.empty()) {
    m_tree = new TreeWalkPanel(library->trees.front(), split);
    split->addWidget(m_tree);
  } else {
    split->addWidget(new QLabel(tr("No decision tree in the review data.\n%1").arg(session.loadError()), split));
  }
  split->addWidget(m_facts);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(split, 1);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  resize(1200, 760);
}

}  // namespace pillars
